/*
 * buf.c - a growable byte buffer.
 */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"
#include "utf8.h"
#include "xalloc.h"

void
buf_reserve(struct buf *b, size_t n)
{
	size_t want, cap;

	if (n <= b->cap - b->len)
		return;
	if (n > SIZE_MAX - b->len)
		pdie("out of memory");
	want = b->len + n;
	cap = b->cap < 64 ? 64 : b->cap;
	while (cap < want)
		cap = cap > SIZE_MAX / 2 ? want : cap * 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_reserve(b, n);
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

void
buf_addc(struct buf *b, int c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = (char)c;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_add_utf8(struct buf *b, unsigned long cp)
{
	buf_reserve(b, 4);
	b->len += utf8_encode(cp, (unsigned char *)b->p + b->len);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
