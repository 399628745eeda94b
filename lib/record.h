/*
 * record.h - structured records for the extractors: JSONL and TSV.
 *
 * A record is a list of named fields written in a fixed order.  The
 * format comes from common.format (--format): JSONL writes one object a
 * line, {"file":"-","line":3,...}; TSV writes the values separated by tabs
 * under a header line of field names (rec_header()), with null as an empty
 * field and tab, newline, carriage return and backslash escaped as \t \n
 * \r \\.  JSON strings escape what JSON requires; bytes that are not valid
 * UTF-8 become U+FFFD, since a JSON text must be UTF-8 (TSV keeps them).
 *
 * Numbers are printed exactly and without exponent: the shortest decimal
 * that reads back as the same double (138000000000, 0.5, 1.25).
 *
 * Usage:
 *	rec_begin();
 *	rec_str("file", name, strlen(name));
 *	rec_int("line", 12);
 *	rec_num("value", 1.38e11);
 *	rec_null("qualifier");
 *	rec_end();
 *
 * A record is built in place in the output buffer and handed to it by
 * rec_end(): between rec_begin() and rec_end(), write only through
 * rec_*() (a string that comes in pieces: rec_open(), rec_piece(),
 * rec_close()), never with out_*().  Field names are string literals of
 * plain ASCII (they are written as they are); a record writes the same
 * names in the same order each time, which lets the layer make each key
 * once (a record whose fields vary is right, only slower).
 */
#ifndef WINNOW_RECORD_H
#define WINNOW_RECORD_H

#include <stddef.h>
#include <string.h>

/* For --format=tsv: print the header line (names joined by tabs). */
void rec_header(const char *const *names, size_t n);

void rec_begin(void);

/*
 * The fields.  Each takes the name's length (nl) as well; the inline
 * wrappers below take it from the name, a string literal, at compile
 * time, so that a field costs no strlen() of its name.
 */
void rec_str_n(const char *name, size_t nl, const char *p, size_t len);
void rec_int_n(const char *name, size_t nl, long long v);
void rec_num(const char *name, double v);
void rec_decimal_n(const char *name, size_t nl, const char *p, size_t len);
void rec_null_n(const char *name, size_t nl);

static inline void
rec_str(const char *name, const char *p, size_t len)
{
	rec_str_n(name, strlen(name), p, len);
}

/* A C string, or null when s is NULL. */
static inline void
rec_cstr(const char *name, const char *s)
{
	if (s == NULL)
		rec_null_n(name, strlen(name));
	else
		rec_str_n(name, strlen(name), s, strlen(s));
}

static inline void
rec_int(const char *name, long long v)
{
	rec_int_n(name, strlen(name), v);
}

/* A number the caller wrote as exact decimal text (digits, a point, a
 * sign; no exponent): "138000000000", "0.0025", written as it is. */
static inline void
rec_decimal(const char *name, const char *p, size_t len)
{
	rec_decimal_n(name, strlen(name), p, len);
}

static inline void
rec_null(const char *name)
{
	rec_null_n(name, strlen(name));
}

/*
 * A string field that comes in pieces (split-sentences writes a sentence
 * as its pieces come): rec_open("text"), then rec_piece() for each piece,
 * then rec_close().  Each piece is escaped as rec_str() escapes a string
 * (a UTF-8 character cut between two pieces is two bad bytes).
 */
void rec_open_n(const char *name, size_t nl);
void rec_piece(const char *p, size_t len);
void rec_close(void);

static inline void
rec_open(const char *name)
{
	rec_open_n(name, strlen(name));
}

/* End the record and the line (and flush when line-buffered). */
void rec_end(void);

/*
 * Format v exactly into buf (at least 400 bytes): the shortest fixed-point
 * decimal that converts back to v, without exponent.  Returns buf.
 */
char *fmt_number(double v, char *buf, size_t size);

/*
 * Text-format prefix of grep: "FILE:" with -H, "LINE:" with -n, coloured
 * like grep's when colour is on.
 */
void rec_text_prefix(const char *file, unsigned long long line);

#endif
