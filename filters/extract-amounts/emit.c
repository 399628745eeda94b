/*
 * emit.c - the records: text (SPAN, VALUE, UNIT), tsv and jsonl with
 * file, line, col, text, value, unit, kind, qualifier, range, assumed;
 * and --highlight, the line with its amounts coloured.
 *
 * The value is printed as the exact decimal the text states (value_text()),
 * never through a double.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "extract-amounts.h"
#include "output.h"
#include "record.h"
#include "xalloc.h"

/* ---- output ---- */

struct span {
	size_t beg, end;
	int kind;
};

struct span *spans; /* the line's amounts, for --highlight */

size_t nspans, capspans;

static int
unit_wanted(const char *unit)
{
	const char *p;
	size_t l;

	if (opt.units == NULL)
		return 1;
	l = strlen(unit);
	for (p = opt.units; (p = strstr(p, unit)) != NULL; p++)
		if (p[-1] == ',' && p[l] == ',')
			return 1;
	return 0;
}

/*
 * Write the value of a at out, exactly the decimal the text states: the
 * digits of m with the decimal point -e places from the right, or e zeros
 * after them; no exponent, no trailing zeros after the point (0.5,
 * 138000000000, 0.0000001, 999999999999999000000000).  finish_and_emit()
 * keeps |e| within VALUE_EXP_MAX, so it takes at most 64 bytes.  Returns
 * its length.
 */
static size_t
value_text(const struct amount *a, char *out)
{
	int e = a->ne + a->sexp + a->uexp, nd = 0, k;
	uint64_t m = a->m;
	char dig[24]; /* the digits of m, lowest first */
	size_t l = 0;

	if (m == 0) {
		out[0] = '0';
		return 1;
	}
	while (e < 0 && m % 10 == 0) {
		m /= 10;
		e++;
	}
	for (; m != 0; m /= 10)
		dig[nd++] = (char)('0' + m % 10);
	if (a->neg)
		out[l++] = '-';
	if (e < 0 && nd + e <= 0) {
		/* 0.0025: zeros between the point and the digits */
		out[l++] = '0';
		out[l++] = '.';
		for (k = nd + e; k < 0; k++)
			out[l++] = '0';
	}
	for (k = nd - 1; k >= 0; k--) {
		if (k == -e - 1 && nd + e > 0)
			out[l++] = '.';
		out[l++] = dig[k];
	}
	for (k = 0; k < e; k++)
		out[l++] = '0';
	return l;
}

static size_t
put_int(char *out, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u =
	    v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	size_t l = 0;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	while (p < tmp + sizeof(tmp))
		out[l++] = *p++;
	return l;
}

/*
 * The JSON value of the C string s at out (at most 64 bytes): "s", or null
 * for NULL, as rec_cstr() writes it.  Returns the length, or 0 when s is
 * too long or needs escapes (then rec_cstr()'s json_write_string() must
 * write it).  The units, kinds, qualifiers and the like are short plain
 * ASCII.
 */
static size_t
put_json_cstr(char *out, const char *s)
{
	size_t l = 0;

	if (s == NULL) {
		/* A field, not a string: the caller takes the length. */
		/* NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
		memcpy(out, "null", 4);
		return 4;
	}
	out[l++] = '"';
	for (; *s != '\0'; s++) {
		if (l == 62 || (unsigned char)*s < 0x20 ||
		    (unsigned char)*s >= 0x80 || *s == '"' || *s == '\\')
			return 0;
		out[l++] = *s;
	}
	out[l++] = '"';
	return l;
}

/*
 * One JSONL record, the same bytes as lib/record's rec_*() calls give,
 * in a few writes: the record layer writes a field at a time and prints
 * its integers with printf, which costs more than finding the amount.
 * buf has 800 bytes.
 */
static void
emit_jsonl(const struct scan *sc, const struct amount *a,
    const struct input *in, unsigned long long lineno, char *buf)
{
	static const char *const names[] = {
	    "unit", "kind", "qualifier", "range", "assumed"};
	const char *vals[5];
	size_t l, k, f;
	int i;

	out_write("{\"file\":\"", 9);
	json_write_string(in->name, strlen(in->name));
	memcpy(buf, "\",\"line\":", 9);
	l = 9;
	l += put_int(buf + l, (long long)lineno);
	memcpy(buf + l, ",\"col\":", 7);
	l += 7;
	l += put_int(buf + l, (long long)a->beg + 1);
	memcpy(buf + l, ",\"text\":\"", 9);
	l += 9;
	out_write(buf, l);
	json_write_string(sc->s + a->beg, a->end - a->beg);
	memcpy(buf, "\",\"value\":", 10);
	l = 10;
	l += value_text(a, buf + l);
	vals[0] = a->unit;
	vals[1] = a->kind == K_MONEY ? "money" : "percent";
	vals[2] = a->qual;
	vals[3] = a->range;
	vals[4] = a->assumed;
	for (i = 0; i < 5; i++) {
		f = strlen(names[i]);
		buf[l++] = ',';
		buf[l++] = '"';
		memcpy(buf + l, names[i], f);
		l += f;
		buf[l++] = '"';
		buf[l++] = ':';
		if ((k = put_json_cstr(buf + l, vals[i])) == 0) {
			/* an odd string: the record layer escapes it */
			out_write(buf, l);
			l = 0;
			out_putc('"');
			json_write_string(vals[i], strlen(vals[i]));
			out_putc('"');
		}
		l += k;
	}
	buf[l++] = '}';
	buf[l++] = '\n';
	out_write(buf, l);
	out_end_record();
}

/*
 * One TSV record, the same bytes as lib/record's rec_*() calls give (a
 * NULL string is an empty field), in a few writes.  buf has 800 bytes.
 */
static void
emit_tsv(const struct scan *sc, const struct amount *a, const struct input *in,
    unsigned long long lineno, char *buf)
{
	const char *vals[5], *p;
	size_t l;
	int i;

	tsv_write_field(in->name, strlen(in->name));
	buf[0] = '\t';
	l = 1;
	l += put_int(buf + l, (long long)lineno);
	buf[l++] = '\t';
	l += put_int(buf + l, (long long)a->beg + 1);
	buf[l++] = '\t';
	out_write(buf, l);
	tsv_write_field(sc->s + a->beg, a->end - a->beg);
	buf[0] = '\t';
	l = 1;
	l += value_text(a, buf + l);
	vals[0] = a->unit;
	vals[1] = a->kind == K_MONEY ? "money" : "percent";
	vals[2] = a->qual;
	vals[3] = a->range;
	vals[4] = a->assumed;
	for (i = 0; i < 5; i++) {
		buf[l++] = '\t';
		if (vals[i] == NULL)
			continue;
		if (strlen(vals[i]) > 64 || strpbrk(vals[i], "\t\n\r\\")) {
			/* an odd string: the record layer escapes it */
			out_write(buf, l);
			l = 0;
			tsv_write_field(vals[i], strlen(vals[i]));
			continue;
		}
		for (p = vals[i]; *p != '\0'; p++)
			buf[l++] = *p;
	}
	buf[l++] = '\n';
	out_write(buf, l);
	out_end_record();
}

void
emit(struct scan *sc, struct amount *a, const struct input *in,
    unsigned long long lineno)
{
	char buf[800];

	if (!(opt.kinds & (unsigned)a->kind) || !unit_wanted(a->unit))
		return;
	found_any = 1;
	if (common.quiet)
		return;
	if (common.highlight) {
		spans = xgrowarray(
		    spans, &capspans, nspans + 1, sizeof(*spans), 16);
		spans[nspans].beg = a->beg;
		spans[nspans].end = a->end;
		spans[nspans].kind = a->kind;
		nspans++;
		return;
	}
	if (common.format == FMT_TEXT) {
		const char *u;
		size_t l;

		if (common.with_filename || common.line_number)
			rec_text_prefix(in->name, lineno);
		/* "SPAN\tVALUE\tUNIT\n", in one write when the span is short */
		l = 0;
		if (common.color) {
			out_puts(a->kind == K_MONEY ? SGR_BOLD SGR_GREEN
						    : SGR_BOLD SGR_YELLOW);
			out_write(sc->s + a->beg, a->end - a->beg);
			out_puts(SGR_RESET);
		} else if (a->end - a->beg <= 256) {
			memcpy(buf, sc->s + a->beg, a->end - a->beg);
			l = a->end - a->beg;
		} else {
			out_write(sc->s + a->beg, a->end - a->beg);
		}
		buf[l++] = '\t';
		l += value_text(a, buf + l);
		buf[l++] = '\t';
		for (u = a->unit; *u != '\0'; u++)
			buf[l++] = *u; /* three bytes or so: no calls */
		buf[l++] = '\n';
		out_write(buf, l);
		out_end_record();
		return;
	}
	if (common.format == FMT_JSONL) {
		emit_jsonl(sc, a, in, lineno, buf);
		return;
	}
	/* FMT_TSV: cli_parse() allows no other format */
	emit_tsv(sc, a, in, lineno, buf);
}

void
highlight_line(const struct line *line)
{
	size_t i, pos = 0;

	for (i = 0; i < nspans; i++) {
		if (spans[i].beg < pos)
			continue;
		out_write(line->p + pos, spans[i].beg - pos);
		out_puts(spans[i].kind == K_MONEY ? SGR_BOLD SGR_GREEN
						  : SGR_BOLD SGR_YELLOW);
		out_write(line->p + spans[i].beg, spans[i].end - spans[i].beg);
		out_puts(SGR_RESET);
		pos = spans[i].end;
	}
	out_write(line->p + pos, line->len - pos);
	out_puts(line->crlf ? "\r\n" : "\n");
	out_end_record();
}
