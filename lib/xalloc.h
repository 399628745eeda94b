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
char *xstrdup(const char *s);
/* A NUL-terminated copy of the n bytes at p (which may hold NULs). */
char *xmemdup(const void *p, size_t n);

#endif
