/*
 * xalloc.h - allocation that cannot fail: on exhaustion the program says
 * "NAME: out of memory" and exits with EXIT_TROUBLE, so callers never check
 * for NULL.  Memory is released with free().
 */
#ifndef WINNOW_XALLOC_H
#define WINNOW_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Like xrealloc(p, nmemb * size), dying if the product overflows. */
void *xreallocarray(void *p, size_t nmemb, size_t size);
/*
 * Grow the array p of *cap items of size bytes so that it holds at least
 * need: first items at first, then doubling.  Returns the array (moved
 * or not) and updates *cap; p is returned as it is when it is big enough.
 */
void *xgrowarray(void *p, size_t *cap, size_t need, size_t size, size_t first);
char *xstrdup(const char *s);
/* A NUL-terminated copy of the n bytes at p (which may hold NULs). */
char *xmemdup(const void *p, size_t n);

#endif
