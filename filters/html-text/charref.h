/*
 * charref.h - character references (&amp; &#233; &#x1F600;) as
 * browsers decode them, in text and in attribute values.
 */
#ifndef HTMLTEXT_CHARREF_H
#define HTMLTEXT_CHARREF_H

#include <stddef.h>

#include "buf.h"

/* The longest reference html-text collects after '&' before deciding. */
#define CHARREF_MAX 40

/*
 * Decode the reference whose text after '&' is p[0..n): a number
 * ("#233;", "#x1f600") or a name with or without its ';' ("amp;",
 * "copy").  next is the byte that follows p[n] (-1 at the end), which
 * matters in an attribute (in_attr): there "&copy=" is not a reference.
 * Appends the UTF-8 of the character(s) to out and returns how many
 * bytes of p the reference took; 0 when p starts no reference (the '&'
 * is then text).
 */
size_t charref_decode(
    const char *p, size_t n, int next, int in_attr, struct buf *out);

/*
 * Append text with its references decoded (an attribute value such as
 * alt="Caf&eacute;") to out.
 */
void charref_decode_all(const char *p, size_t n, int in_attr, struct buf *out);

#endif
