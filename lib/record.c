/*
 * record.c - JSONL and TSV record writers, exact numbers.
 *
 * A record is formatted in place in the output buffer: rec_begin()
 * reserves room there (out_room()), each field writes its key and its
 * value at the end of what the record wrote so far, and rec_end() hands
 * the record to the buffer (out_wrote()).  Room is reserved again only
 * when a field would not fit, so a field costs no call into lib/output.
 * A field's key (`,"unit":` or a tab) is made once, on the first record,
 * and copied whole after that; a string is escaped eight bytes at a time
 * (scan.h) while none of them needs an escape.  extract-amounts wrote
 * its records by hand before it used this layer, because a layer that
 * took room a field at a time and escaped a byte at a time cost 12% more
 * instructions than its own writers.
 *
 * While a record is open nothing else may write to the output: the bytes
 * of the record are not in the buffer yet (a string that comes in pieces
 * goes through rec_piece()).
 */
#include "record.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "output.h"
#include "scan.h"
#include "utf8.h"

/*
 * A string is escaped at most SHORT_FIELD bytes at a time: 6 bytes of
 * output a byte at the most (\u0000), so a piece and its key always fit
 * in the room out_room() can give (OUT_ROOM_MAX).
 */
#define SHORT_FIELD 1024

/* Room reserved at a time: most records fit in it. */
#define REC_ROOM 1024

/* The key of a field is copied as KEY_TEXT bytes (two 16-byte moves),
 * of which its length counts; a name longer than KEY_TEXT - 4 bytes is
 * written apart. */
#define KEY_TEXT 32

/* The fields of a record whose keys are kept (the extractors have 7 to
 * 10); the later ones are written apart. */
#define KEYS 16

/*
 * escape_at() is inlined where it is called with json a constant, so
 * that each format gets its own loop, without the other's tests.
 */
#if defined(__GNUC__)
#define INLINE inline __attribute__((always_inline))
#else
#define INLINE inline
#endif

static struct {
	char *p;     /* the room reserved in the output buffer; NULL: none */
	size_t len;  /* the bytes of the record written at p */
	size_t room; /* the bytes reserved at p */
	int nfields; /* fields written in the current record */
} rec;

/*
 * The keys of the fields, by their place in the record: the record
 * writes the same fields in the same order every time, the first time
 * makes them.  A key is known by its name's address (the callers pass
 * string literals, which stay put).
 */
static struct key {
	const char *name;
	size_t len;          /* bytes of text that count */
	char text[KEY_TEXT]; /* `"name":`, `,"name":`, a tab or nothing */
} keys[KEYS];
static int keys_format = -1; /* the format the keys were made for */

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

/*
 * Hand what the record wrote to the output buffer and reserve room for
 * need bytes more (at most OUT_ROOM_MAX).  Returns where to write, or
 * NULL after a write error.
 */
static char *
reserve(size_t need)
{
	if (rec.p != NULL)
		out_wrote(rec.len);
	rec.len = 0;
	rec.room = need > REC_ROOM ? need : REC_ROOM;
	if ((rec.p = out_room(rec.room)) == NULL)
		rec.room = 0;
	return rec.p;
}

/* Room for need bytes (need >= 1) at the end of the record: where to
 * write them, or NULL after a write error. */
static inline char *
room(size_t need)
{
	if (need > rec.room - rec.len)
		return reserve(need);
	return rec.p + rec.len;
}

/* The n bytes at p, as they are, at the end of the record. */
static void
raw(const char *p, size_t n)
{
	size_t k;
	char *o;

	for (; n > 0; p += k, n -= k) {
		k = n < SHORT_FIELD ? n : SHORT_FIELD;
		if ((o = room(k)) == NULL)
			return;
		memcpy(o, p, k);
		rec.len += k;
	}
}

/*
 * The key of the field that is number i of the record at out (room for
 * nl + 4 bytes): `"name":` for the first, `,"name":` after it in JSONL;
 * a tab between the fields in TSV.  Returns its length.
 */
static size_t
key_text(char *out, const char *name, size_t nl, int i)
{
	size_t l = 0;

	if (common.format == FMT_JSONL) {
		if (i > 0)
			out[l++] = ',';
		out[l++] = '"';
		memcpy(out + l, name, nl);
		l += nl;
		out[l++] = '"';
		out[l++] = ':';
	} else if (i > 0) {
		out[l++] = '\t';
	}
	return l;
}

static char *field_new(const char *name, size_t nl, size_t need);

/*
 * Write the key of the next field, name (nl bytes), with room for need
 * bytes (need >= 1) of its value after it.  Returns where the value goes,
 * or NULL after a write error.
 */
static inline char *
field(const char *name, size_t nl, size_t need)
{
	const struct key *k;
	char *o;

	if (rec.nfields >= KEYS || keys[rec.nfields].name != name)
		return field_new(name, nl, need);
	k = &keys[rec.nfields++];
	if ((o = room(KEY_TEXT + need)) == NULL)
		return NULL;
	memcpy(o, k->text, KEY_TEXT);
	rec.len += k->len;
	return o + k->len;
}

/* field() for a key not made yet: made, or for a long name or a field
 * past the first KEYS, written apart. */
static char *
field_new(const char *name, size_t nl, size_t need)
{
	struct key *k;
	int i = rec.nfields;

	if (i < KEYS && nl + 4 <= KEY_TEXT) {
		k = &keys[i];
		k->name = name;
		k->len = key_text(k->text, name, nl, i);
		return field(name, nl, need);
	}
	rec.nfields++;
	if (common.format == FMT_JSONL) {
		raw(i > 0 ? ",\"" : "\"", i > 0 ? 2 : 1);
		raw(name, nl);
		raw("\":", 2);
	} else if (i > 0) {
		raw("\t", 1);
	}
	return room(need);
}

void
rec_begin(void)
{
	char *o;

	rec.nfields = 0;
	if ((int)common.format != keys_format) {
		memset(keys, 0, sizeof(keys));
		keys_format = (int)common.format;
	}
	if (common.format == FMT_JSONL && (o = room(1)) != NULL) {
		*o = '{';
		rec.len++;
	}
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

/* What TSV writes for the byte c, or NULL when c stands as it is. */
static const char *
tsv_escape(unsigned char c)
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

/* The length of the valid UTF-8 character at s (len bytes left), or 0
 * when s[0] starts none. */
static size_t
utf8_char(const unsigned char *s, size_t len)
{
	uint32_t cp;
	size_t n = utf8_decode(s, len, &cp);

	return cp == UTF8_BAD ? 0 : n;
}

#if defined(SCAN_SWAR)
/*
 * Flags (0x80) on the bytes of v below n, and on bytes equal to c, for
 * the bytes under 0x80, by the borrow of a subtraction ("has zero byte"
 * of the Stanford bit hacks): a borrow may flag a byte above a flagged
 * one too, so only the lowest flag is exact, which is all that
 * escape_at() reads.  Fewer operations than swar_range() twice.
 */
static inline uint64_t
swar_below_byte(uint64_t v, unsigned n)
{
	return (v - SWAR_ONES * n) & ~v;
}

static inline uint64_t
swar_equal(uint64_t v, unsigned c)
{
	uint64_t x = v ^ (SWAR_ONES * c);

	return (x - SWAR_ONES) & ~x;
}

/*
 * The bytes of v that may not stand as they are, for escape_at()'s
 * eight-byte steps (only the first flag counts).  JSON: control
 * characters, '"', '\\' and bytes of 0x80 or more (a UTF-8 character is
 * decoded apart, and kept when valid).  TSV: the bytes below '\r' + 1
 * (of which only \t \n \r are escaped: the byte step decides) and '\\'.
 */
static inline uint64_t
json_special(uint64_t v)
{
	return (swar_below_byte(v, 0x20) | swar_equal(v, '"') |
		   swar_equal(v, '\\') | v) &
	    SWAR_HIGH;
}

static inline uint64_t
tsv_special(uint64_t v)
{
	return (swar_below_byte(v, '\r' + 1) | swar_equal(v, '\\')) & SWAR_HIGH;
}
#endif

/*
 * p[0..len) escaped at out, as a JSON string's body (json nonzero) or a
 * TSV field; out has room for 6 bytes a byte and 2 more.  Returns the
 * length written.  Eight bytes (the last few: swar_load_short()) are
 * stored at a time and counted up to the first that needs a look of its
 * own, so that plain text costs one test a word, not a test and a store
 * a byte ("$77 trillion", "USD", a file name, most of a quotation).  The
 * eight bytes stored stay in the room: no byte is written shorter than
 * it was read.
 */
static INLINE size_t
escape_at(char *out, const char *p, size_t len, int json)
{
	const unsigned char *s = (const unsigned char *)p;
	const char *esc;
	size_t i = 0, l = 0, n;
	unsigned char c;

	while (i < len) {
#if defined(SCAN_SWAR)
		size_t k = len - i < 8 ? len - i : 8;
		uint64_t v =
		    k == 8 ? swar_load(s + i) : swar_load_short(s + i, k);
		uint64_t m =
		    (json ? json_special(v) : tsv_special(v)) & swar_below(k);

		memcpy(out + l, &v, 8);
		if (m == 0) {
			i += k;
			l += k;
			continue;
		}
		n = swar_first(m);
		i += n;
		l += n;
#endif
		c = s[i];
		if (!json) {
			if ((esc = tsv_escape(c)) == NULL) {
				out[l++] = (char)c;
			} else {
				out[l++] = esc[0];
				out[l++] = esc[1];
			}
			i++;
		} else if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			out[l++] = (char)c;
			i++;
		} else if (c >= 0x80 && (n = utf8_char(s + i, len - i)) > 0) {
			while (n-- > 0)
				out[l++] = (char)s[i++];
		} else {
			l += json_escape(c, out + l);
			i++;
		}
	}
	return l;
}

/*
 * Where to cut a string of JSON at b (0 < b < its length) so that no
 * valid UTF-8 character is cut in two (it would come out as bad bytes):
 * before the lead byte of the character s[b] continues, when one stands
 * in the three bytes before b; else at b.
 */
static size_t
utf8_cut(const unsigned char *s, size_t b)
{
	size_t k;

	if ((s[b] & 0xc0) != 0x80)
		return b;
	for (k = 1; k <= 3 && k < b; k++)
		if ((s[b - k] & 0xc0) != 0x80)
			return s[b - k] >= 0xc0 ? b - k : b;
	return b;
}

/* p[0..len) escaped for the format at the end of the record,
 * SHORT_FIELD bytes at a time. */
static void
escaped(const char *p, size_t len)
{
	int json = common.format == FMT_JSONL;
	size_t n;
	char *o;

	while (len > 0) {
		n = len;
		if (n > SHORT_FIELD)
			n = json
			    ? utf8_cut((const unsigned char *)p, SHORT_FIELD)
			    : SHORT_FIELD;
		if ((o = room(6 * n + 2)) == NULL)
			return;
		rec.len += json ? escape_at(o, p, n, 1) : escape_at(o, p, n, 0);
		p += n;
		len -= n;
	}
}

/* The closing quote of a JSON string. */
static void
quote(void)
{
	char *o;

	if (common.format == FMT_JSONL && (o = room(1)) != NULL) {
		*o = '"';
		rec.len++;
	}
}

/*
 * The key of a string field and, in JSONL, its opening quote (the string
 * follows through escaped()).  Returns 0 after a write error.
 */
static int
str_open(const char *name, size_t nl)
{
	char *o;

	if ((o = field(name, nl, 2)) == NULL)
		return 0;
	if (common.format == FMT_JSONL) {
		*o = '"';
		rec.len++;
	}
	return 1;
}

void
rec_str_n(const char *name, size_t nl, const char *p, size_t len)
{
	int json = common.format == FMT_JSONL;
	size_t l = 0;
	char *o;

	if (len > SHORT_FIELD) {
		if (str_open(name, nl)) {
			escaped(p, len);
			quote();
		}
		return;
	}
	/* most strings: the key, the quotes and the bytes in one room */
	if ((o = field(name, nl, 6 * len + 2)) == NULL)
		return;
	if (json)
		o[l++] = '"';
	l += json ? escape_at(o + l, p, len, 1) : escape_at(o + l, p, len, 0);
	if (json)
		o[l++] = '"';
	rec.len += l;
}

void
rec_open_n(const char *name, size_t nl)
{
	(void)str_open(name, nl);
}

void
rec_piece(const char *p, size_t len)
{
	escaped(p, len);
}

void
rec_close(void)
{
	quote();
}

/*
 * The decimal digits of v at out, which has room for 24 bytes (all are
 * written); returns how many count.  Two digits a division, and one
 * fixed-size copy: this runs for every line and col field.
 */
static size_t
int_at(char *out, long long v)
{
	static const char pairs[] = "00010203040506070809"
				    "10111213141516171819"
				    "20212223242526272829"
				    "30313233343536373839"
				    "40414243444546474849"
				    "50515253545556575859"
				    "60616263646566676869"
				    "70717273747576777879"
				    "80818283848586878889"
				    "90919293949596979899";
	char tmp[48], *end = tmp + 24, *p = end;
	unsigned long long u =
	    v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

	memset(end, 0, 24); /* the copy below reads past the digits */
	while (u >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * u, 2);
	} else {
		*--p = (char)('0' + u);
	}
	if (v < 0)
		*--p = '-';
	memcpy(out, p, 24);
	return (size_t)(end - p);
}

void
rec_int_n(const char *name, size_t nl, long long v)
{
	char *o;

	if ((o = field(name, nl, 24)) != NULL)
		rec.len += int_at(o, v);
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
	size_t l;

	(void)fmt_number(v, buf, sizeof(buf));
	l = strlen(buf);
	if (common.format == FMT_TSV && strcmp(buf, "null") == 0)
		l = 0; /* an empty field */
	rec_decimal_n(name, strlen(name), buf, l);
}

void
rec_decimal_n(const char *name, size_t nl, const char *p, size_t len)
{
	char *o;

	if (len > SHORT_FIELD) {
		if (field(name, nl, 1) != NULL)
			raw(p, len);
		return;
	}
	if ((o = field(name, nl, len + 1)) != NULL) {
		memcpy(o, p, len);
		rec.len += len;
	}
}

void
rec_null_n(const char *name, size_t nl)
{
	char *o;

	if ((o = field(name, nl, 4)) != NULL && common.format == FMT_JSONL) {
		/* a field, not a string: its length is known */
		/* NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
		memcpy(o, "null", 4);
		rec.len += 4;
	}
}

void
rec_end(void)
{
	char *o;
	size_t l = 0;

	if ((o = room(2)) != NULL) {
		if (common.format == FMT_JSONL)
			o[l++] = '}';
		o[l++] = '\n';
		rec.len += l;
	}
	if (rec.p != NULL)
		out_wrote(rec.len);
	rec.p = NULL;
	rec.len = rec.room = 0;
	out_end_record();
}

void
rec_text_prefix(const char *file, unsigned long long line)
{
	char num[24];

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
		/* digits without printf: this runs for every record */
		if (common.color)
			out_puts(SGR_GREEN);
		out_write(num, int_at(num, (long long)line));
		out_puts(common.color ? SGR_CYAN ":" SGR_RESET : ":");
	}
}
