/*
 * chars.h - the byte classes of the HTML standard that the parts test,
 * defined once (they were written out in four parts).
 *
 * HTML's white space is ASCII only: space, tab, LF, FF and CR; a
 * no-break space is text.  Tag and attribute names, the words of
 * class and style, and encoding labels compare ASCII case-insensitively:
 * "DIV" is "div", but a non-ASCII letter is never folded ("İ" stays).
 */
#ifndef HTMLTEXT_CHARS_H
#define HTMLTEXT_CHARS_H

/* c (a byte, 0-255) is HTML white space: " \t\n\f\r". */
static inline int
html_space(int c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
}

static inline int
ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
ascii_alnum(int c)
{
	return ascii_alpha(c) || (c >= '0' && c <= '9');
}

/* c in lower case when it is an ASCII capital, else c itself. */
static inline int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

#endif
