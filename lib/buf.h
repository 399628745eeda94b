/*
 * buf.h - a growable byte buffer.
 *
 * struct buf holds bytes, not a C string: it may contain NULs.  A zeroed
 * struct buf (BUF_INIT) is an empty buffer ready for use.  The bytes stay
 * owned by the buffer; a pointer into b->p is valid until the next call
 * that adds to the buffer.  buf_free() releases them.
 */
#ifndef WINNOW_BUF_H
#define WINNOW_BUF_H

#include <stddef.h>

struct buf {
	char *p;    /* the bytes; NULL while cap is 0 */
	size_t len; /* bytes in use */
	size_t cap; /* bytes allocated */
};

#define BUF_INIT                                                               \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/* Make room for at least n more bytes past b->len. */
void buf_reserve(struct buf *b, size_t n);
/* Append n bytes from p. */
void buf_add(struct buf *b, const void *p, size_t n);
/* Append one byte. */
void buf_addc(struct buf *b, int c);
/* Append a C string (without its NUL). */
void buf_adds(struct buf *b, const char *s);
/* Append the UTF-8 encoding of code point cp. */
void buf_add_utf8(struct buf *b, unsigned long cp);
/* Forget the contents, keep the allocation. */
void buf_reset(struct buf *b);
/* Release the allocation; b is empty and usable again. */
void buf_free(struct buf *b);

#endif
