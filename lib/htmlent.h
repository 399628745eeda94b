/*
 * htmlent.h - HTML character references (&amp; &eacute; &#8217; &#x2019;)
 * decoded as the HTML5 tokenizer decodes them.
 *
 * The named references are the 2,231 names of the HTML5 table, kept as
 * data in lib/htmlent.def and turned into C by the Makefile, so a binary
 * needs no file at run time.  A name in that table either ends with ';'
 * (&rsquo;) or is one of the 106 legacy names a browser also decodes
 * without it (&amp &copy &eacute).  Every name decodes to one or two code
 * points (&NotEqualTilde; is U+2242 U+0338).
 *
 * Numeric references follow the browsers: &#0; surrogates (&#xD800;) and
 * values past U+10FFFF become U+FFFD; &#128; to &#159; are read as
 * Windows-1252 (&#146; is U+2019, &#151; U+2014), except the five values
 * that Windows-1252 leaves unassigned (129 141 143 144 157), which stay
 * the C1 control they name.  The ';' after the digits is optional, as in
 * a browser; any other code point (controls, noncharacters) is given as
 * it is, for the caller to judge.
 *
 * Nothing here allocates; the functions are pure and thread-safe.
 */
#ifndef WINNOW_HTMLENT_H
#define WINNOW_HTMLENT_H

#include <stddef.h>
#include <stdint.h>

/* The longest name in the table, ';' included
 * (&CounterClockwiseContourIntegral;). */
#define HTMLENT_NAME_MAX 32

/* One decoded reference. */
struct htmlent_ref {
	size_t len;            /* bytes taken from the '&' on */
	uint32_t cp[2];        /* the code points it stands for */
	int ncp;               /* how many of cp[] are used: 1 or 2 */
	unsigned char utf8[8]; /* their UTF-8 encoding */
	size_t utf8_len;       /* bytes used in utf8[] */
	int semicolon;         /* 1 when the reference ended with ';' */
	int numeric;           /* 1 for &#...; and &#x...; */
};

/*
 * Match the character reference that starts at p (p[0] == '&', n > 0
 * bytes available).  Returns 1 and fills *r when the HTML5 tokenizer
 * decodes one there, 0 when the '&' is a plain ampersand (AT&T, &c.,
 * &#; with no digits, &nosuchname;).
 *
 * A named reference is the longest name of the table that the bytes after
 * the '&' start with: "&notit;" is U+00AC followed by "it;" ("&notin;" is
 * U+2209).  In an attribute value (in_attribute != 0) a legacy name
 * matched without ';' and followed by '=' or a letter or digit is not a
 * reference ("?a=1&copy=2" keeps its "&copy"); in text it is.
 * A numeric reference takes every digit there is, however many.
 */
int htmlent_match(
    const char *p, size_t n, int in_attribute, struct htmlent_ref *r);

/*
 * Look up one name exactly (name[0..n), without the '&', with its ';'
 * when it has one: "eacute;" or "eacute").  Returns 1 and fills *r (len
 * is n + 1, counting the '&') when the table holds that exact name, 0
 * otherwise.  For callers with their own rules about which spellings to
 * accept, such as fix-text's upper-cased "&EACUTE;".
 */
int htmlent_lookup(const char *name, size_t n, struct htmlent_ref *r);

/*
 * The number of names in the table and the i-th of them (NUL-terminated,
 * in byte order), for tests and listings.
 */
size_t htmlent_count(void);
const char *htmlent_name(size_t i);

#endif
