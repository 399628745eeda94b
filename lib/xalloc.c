/*
 * xalloc.c - allocation that dies on exhaustion.
 */
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"

static NORETURN void
out_of_memory(void)
{
	pdie("out of memory");
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n == 0 ? 1 : n);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb == 0 ? 1 : nmemb, size == 0 ? 1 : size);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n == 0 ? 1 : n);

	if (q == NULL)
		out_of_memory();
	return q;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		out_of_memory();
	return xrealloc(p, nmemb * size);
}

void *
xgrowarray(void *p, size_t *cap, size_t need, size_t size, size_t first)
{
	size_t c = *cap;

	if (need <= c)
		return p;
	if (c == 0)
		c = first;
	while (c < need)
		c = c > SIZE_MAX / 2 ? need : c * 2;
	p = xreallocarray(p, c, size);
	*cap = c;
	return p;
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
xmemdup(const void *p, size_t n)
{
	char *q;

	if (n == SIZE_MAX)
		out_of_memory();
	q = xmalloc(n + 1);
	if (n > 0)
		memcpy(q, p, n);
	q[n] = '\0';
	return q;
}
