/*
 * record.c - JSONL and TSV record writers, exact numbers.
 */
#include "record.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "output.h"
#include "utf8.h"

static int nfields; /* fields written in the current record */

/*
 * A record is formatted in place in the output buffer (out_room()), a
 * field at a time: its key and its value in one piece, with no call a
 * byte, so that a record costs what the extractors' own writers cost
 * (extract-amounts wrote its records by hand before).  A string longer
 * than SHORT_FIELD goes through out_write() a run at a time.
 */
#define SHORT_FIELD 1024

/* The longest field name in place; longer ones are written apart. */
#define NAME_MAX_IN_PLACE 64

void
rec_header(const char *const *names, size_t n)
{
	size_t i;

	if (common.format != FMT_TSV)
		return;
	for (i = 0; i < n; i++) {
		if (i > 0)
			out_putc('\t');
		out_puts(names[i]);
	}
	out_putc('\n');
	out_end_record();
}

void
rec_begin(void)
{
	nfields = 0;
	if (common.format == FMT_JSONL)
		out_putc('{');
}

/*
 * The separator and, for JSON, the key of the next field, at p (room for
 * NAME_MAX_IN_PLACE + 4 bytes): `,"name":` or a tab.  Returns its length.
 */
static size_t
key_at(char *p, const char *name, size_t nl)
{
	size_t l = 0;

	if (common.format == FMT_JSONL) {
		if (nfields > 0)
			p[l++] = ',';
		p[l++] = '"';
		memcpy(p + l, name, nl);
		l += nl;
		p[l++] = '"';
		p[l++] = ':';
	} else if (nfields > 0) {
		p[l++] = '\t';
	}
	nfields++;
	return l;
}

/*
 * Room for the key of the field name and n bytes of its value, with the
 * key written: *l is its length.  NULL when the name is too long to be
 * written in place (then the key went out through field_start()) or after
 * a write error.
 */
static void field_start(const char *name);

static char *
field_room(const char *name, size_t nl, size_t n, size_t *l)
{
	char *p;

	if (nl > NAME_MAX_IN_PLACE) {
		field_start(name);
		*l = 0;
		return out_room(n);
	}
	if ((p = out_room(nl + 4 + n)) == NULL)
		return NULL;
	*l = key_at(p, name, nl);
	return p;
}

/* The separator and, for JSON, the key, through out_write(). */
static void
field_start(const char *name)
{
	if (common.format == FMT_JSONL) {
		if (nfields > 0)
			out_putc(',');
		out_putc('"');
		out_puts(name);
		out_puts("\":");
	} else if (nfields > 0) {
		out_putc('\t');
	}
	nfields++;
}

/*
 * What JSON writes for the byte c that cannot stand as it is (a quote, a
 * backslash, a control character; a byte of 0x80 or more that starts no
 * valid UTF-8 character becomes U+FFFD), at out (6 bytes).  Returns its
 * length.
 */
static size_t
json_escape(unsigned char c, char *out)
{
	static const char hex[] = "0123456789abcdef";

	out[0] = '\\';
	switch (c) {
	case '"':
	case '\\':
		out[1] = (char)c;
		return 2;
	case '\n':
		out[1] = 'n';
		return 2;
	case '\r':
		out[1] = 'r';
		return 2;
	case '\t':
		out[1] = 't';
		return 2;
	default:
		if (c >= 0x80) { /* U+FFFD */
			out[0] = '\xef';
			out[1] = '\xbf';
			out[2] = '\xbd';
			return 3;
		}
		out[1] = 'u';
		out[2] = '0';
		out[3] = '0';
		out[4] = hex[c >> 4];
		out[5] = hex[c & 15];
		return 6;
	}
}

/* 1 for the ASCII bytes JSON keeps as they are: printable, but " (0x22)
 * and \ (0x5c); 16 bytes a line. */
/* clang-format off */
static const unsigned char json_ascii[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

/* The length of the run of bytes at s[i..len) that JSON keeps as they
 * are: printable ASCII but " and \, and valid UTF-8 characters. */
static size_t
json_plain(const unsigned char *s, size_t i, size_t len)
{
	size_t i0 = i, n;
	uint32_t cp;

	while (i < len) {
		unsigned char c = s[i];

		if (json_ascii[c]) {
			i++;
			continue;
		}
		if (c < 0x80)
			break;
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_BAD)
			break;
		i += n;
	}
	return i - i0;
}

void
json_write_string(const char *p, size_t len)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, run;
	char esc[6];

	while (i < len) {
		run = json_plain(s, i, len);
		out_write(s + i, run);
		i += run;
		if (i < len) {
			out_write(esc, json_escape(s[i], esc));
			i++;
		}
	}
}

/* json_write_string() of p[0..len) at out (6 * len bytes). */
static size_t
json_string_at(char *out, const char *p, size_t len)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, l = 0, run;

	while (i < len) {
		run = json_plain(s, i, len);
		memcpy(out + l, s + i, run);
		l += run;
		i += run;
		if (i < len)
			l += json_escape(s[i++], out + l);
	}
	return l;
}

/* What TSV writes for the byte c, or NULL when c stands as it is. */
static const char *
tsv_escape(char c)
{
	switch (c) {
	case '\t':
		return "\\t";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\\':
		return "\\\\";
	default:
		return NULL;
	}
}

void
tsv_write_field(const char *p, size_t len)
{
	size_t i, start = 0;
	const char *esc;

	for (i = 0; i < len; i++) {
		if ((esc = tsv_escape(p[i])) == NULL)
			continue;
		out_write(p + start, i - start);
		out_write(esc, 2);
		start = i + 1;
	}
	out_write(p + start, len - start);
}

/* tsv_write_field() of p[0..len) at out (2 * len bytes). */
static size_t
tsv_field_at(char *out, const char *p, size_t len)
{
	size_t i, l = 0;
	const char *esc;

	for (i = 0; i < len; i++) {
		if ((esc = tsv_escape(p[i])) == NULL) {
			out[l++] = p[i];
		} else {
			out[l++] = esc[0];
			out[l++] = esc[1];
		}
	}
	return l;
}

void
rec_str_n(const char *name, size_t nl, const char *p, size_t len)
{
	char *o;
	size_t l;

	if (len <= SHORT_FIELD) {
		/* in place: the key, then at most 6 bytes a byte */
		if ((o = field_room(name, nl, 6 * len + 2, &l)) == NULL)
			return;
		if (common.format == FMT_JSONL) {
			o[l++] = '"';
			l += json_string_at(o + l, p, len);
			o[l++] = '"';
		} else {
			l += tsv_field_at(o + l, p, len);
		}
		out_wrote(l);
		return;
	}
	field_start(name);
	if (common.format == FMT_JSONL) {
		out_putc('"');
		json_write_string(p, len);
		out_putc('"');
	} else {
		tsv_write_field(p, len);
	}
}

/* The decimal digits of v at out (at most 20 bytes); returns their
 * length. */
static size_t
int_at(char *out, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u =
	    v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	size_t l;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	l = (size_t)(tmp + sizeof(tmp) - p);
	memcpy(out, p, l);
	return l;
}

void
rec_int_n(const char *name, size_t nl, long long v)
{
	char *o;
	size_t l;

	if ((o = field_room(name, nl, 24, &l)) == NULL)
		return;
	out_wrote(l + int_at(o + l, v));
}

char *
fmt_number(double v, char *buf, size_t size)
{
	int prec;

	if (isnan(v) || isinf(v)) {
		(void)snprintf(buf, size, "null");
		return buf;
	}
	if (v == 0) {
		(void)snprintf(buf, size, "0");
		return buf;
	}
	/*
	 * A fast path that gives what the loop below gives, without stdio:
	 * the fewest decimals k (up to 6) for which r = round(|v| * 10^k)
	 * reads back as |v|.  With r below 10^15, no other decimal of at
	 * most 15 significant digits reads back as v, so it is the same
	 * shortest rendering.
	 */
	if (size >= 32 && fabs(v) < 1e15) {
		static const double p10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
		double a = fabs(v), t;
		unsigned long long r;
		char tmp[32], *e = tmp + sizeof(tmp), *p;
		int k, i;

		for (k = 0; k <= 6; k++) {
			t = a * p10[k];
			if (t >= 1e15)
				break;
			r = (unsigned long long)(t + 0.5);
			if ((double)r / p10[k] != a)
				continue;
			p = e;
			for (i = 0; i < k; i++) {
				*--p = (char)('0' + r % 10);
				r /= 10;
			}
			if (k > 0)
				*--p = '.';
			do {
				*--p = (char)('0' + r % 10);
				r /= 10;
			} while (r != 0);
			if (v < 0)
				*--p = '-';
			memcpy(buf, p, (size_t)(e - p));
			buf[e - p] = '\0';
			return buf;
		}
	}
	/* The shortest fixed-point rendering that reads back exactly. */
	for (prec = 0; prec < 340; prec++) {
		(void)snprintf(buf, size, "%.*f", prec, v);
		if (strtod(buf, NULL) == v)
			return buf;
	}
	return buf;
}

void
rec_num(const char *name, double v)
{
	char buf[400];

	field_start(name);
	(void)fmt_number(v, buf, sizeof(buf));
	if (common.format == FMT_TSV && strcmp(buf, "null") == 0)
		return;
	out_puts(buf);
}

void
rec_decimal_n(const char *name, size_t nl, const char *p, size_t len)
{
	char *o;
	size_t l;

	if (len > SHORT_FIELD) {
		field_start(name);
		out_write(p, len);
		return;
	}
	if ((o = field_room(name, nl, len, &l)) == NULL)
		return;
	memcpy(o + l, p, len);
	out_wrote(l + len);
}

void
rec_null_n(const char *name, size_t nl)
{
	char *o;
	size_t l;

	if ((o = field_room(name, nl, 4, &l)) == NULL)
		return;
	if (common.format == FMT_JSONL) {
		/* a field, not a string: its length is known */
		/* NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
		memcpy(o + l, "null", 4);
		l += 4;
	}
	out_wrote(l);
}

void
rec_end(void)
{
	char *o;
	size_t l = 0;

	if ((o = out_room(2)) != NULL) {
		if (common.format == FMT_JSONL)
			o[l++] = '}';
		o[l++] = '\n';
		out_wrote(l);
	}
	out_end_record();
}

void
rec_text_prefix(const char *file, unsigned long long line)
{
	if (common.with_filename) {
		if (common.color)
			out_puts(SGR_MAGENTA);
		out_puts(file);
		if (common.color)
			out_puts(SGR_CYAN ":" SGR_RESET);
		else
			out_putc(':');
	}
	if (common.line_number) {
		if (common.color)
			out_printf(
			    SGR_GREEN "%llu" SGR_CYAN ":" SGR_RESET, line);
		else
			out_printf("%llu:", line);
	}
}
