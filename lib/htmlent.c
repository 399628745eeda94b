/*
 * htmlent.c - HTML character references: the named table (generated from
 * lib/htmlent.def) searched by bisection, and numeric references with the
 * browsers' repairs.
 */
#include "htmlent.h"

#include <string.h>

#include "utf8.h"

struct entity {
	const char *name; /* without '&', with ';' when the name has one */
	unsigned char len;
	uint32_t cp[2]; /* cp[1] is 0 for a one-character reference */
};

/* { "AElig", 5, { 0xC6, 0 } }, ... in byte order (see the Makefile). */
static const struct entity table[] = {
#include "htmlent_table.h"
};

#define NTABLE (sizeof(table) / sizeof(table[0]))

static int
isalnum_ascii(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static void
fill(struct htmlent_ref *r, size_t len, uint32_t cp0, uint32_t cp1,
    int semicolon, int numeric)
{
	r->len = len;
	r->cp[0] = cp0;
	r->cp[1] = cp1;
	r->ncp = cp1 != 0 ? 2 : 1;
	r->utf8_len = utf8_encode(cp0, r->utf8);
	if (cp1 != 0)
		r->utf8_len += utf8_encode(cp1, r->utf8 + r->utf8_len);
	r->semicolon = semicolon;
	r->numeric = numeric;
}

/* The table entry named exactly name[0..n), or NULL. */
static const struct entity *
find(const char *name, size_t n)
{
	size_t lo = 0, hi = NTABLE;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct entity *e = &table[mid];
		size_t m = e->len < n ? e->len : n;
		int c = memcmp(e->name, name, m);

		if (c == 0)
			c = e->len < n ? -1 : e->len > n;
		if (c == 0)
			return e;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * "&#" then digits: every digit is taken (the value saturates past
 * U+10FFFF so that it cannot overflow), then an optional ';'.
 */
static int
match_numeric(const char *p, size_t n, struct htmlent_ref *r)
{
	size_t i = 2;
	int hex = 0, digits = 0;
	uint32_t v = 0;

	if (i < n && (p[i] == 'x' || p[i] == 'X')) {
		hex = 1;
		i++;
	}
	for (; i < n; i++, digits++) {
		int c = (unsigned char)p[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (hex && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (hex && c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			break;
		v = v * (hex ? 16 : 10) + (uint32_t)d;
		if (v > 0x10FFFF)
			v = 0x110000;
	}
	if (digits == 0)
		return 0;
	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	else if (v >= 0x80 && v <= 0x9F && cp1252_decode((unsigned char)v) != 0)
		v = cp1252_decode((unsigned char)v);
	if (i < n && p[i] == ';') {
		fill(r, i + 1, v, 0, 1, 1);
		return 1;
	}
	fill(r, i, v, 0, 0, 1);
	return 1;
}

int
htmlent_match(const char *p, size_t n, int in_attribute, struct htmlent_ref *r)
{
	const struct entity *e;
	size_t run, k;

	if (n < 2 || p[0] != '&')
		return 0;
	if (p[1] == '#')
		return match_numeric(p, n, r);

	/* The letters and digits after '&' hold every candidate name. */
	for (run = 0; 1 + run < n && run < HTMLENT_NAME_MAX &&
	     isalnum_ascii((unsigned char)p[1 + run]);
	     run++)
		;
	if (run == 0)
		return 0;
	if (1 + run < n && p[1 + run] == ';' && run < HTMLENT_NAME_MAX &&
	    (e = find(p + 1, run + 1)) != NULL) {
		fill(r, run + 2, e->cp[0], e->cp[1], 1, 0);
		return 1;
	}
	/* Otherwise the longest legacy name (no ';') the run starts with. */
	for (k = run; k >= 2; k--) {
		if ((e = find(p + 1, k)) == NULL)
			continue;
		if (in_attribute && 1 + k < n &&
		    (p[1 + k] == '=' || isalnum_ascii((unsigned char)p[1 + k])))
			return 0;
		fill(r, k + 1, e->cp[0], e->cp[1], 0, 0);
		return 1;
	}
	return 0;
}

int
htmlent_lookup(const char *name, size_t n, struct htmlent_ref *r)
{
	const struct entity *e;

	if (n == 0 || n > HTMLENT_NAME_MAX || (e = find(name, n)) == NULL)
		return 0;
	fill(r, n + 1, e->cp[0], e->cp[1], name[n - 1] == ';', 0);
	return 1;
}

size_t
htmlent_count(void)
{
	return NTABLE;
}

const char *
htmlent_name(size_t i)
{
	return i < NTABLE ? table[i].name : NULL;
}
