/*
 * emit.c - the records: text (SPAN, VALUE, UNIT); tsv and jsonl through
 * lib/record with file, line, col, text, value, unit, kind, qualifier,
 * range, assumed; and --highlight, the line with its amounts coloured
 * (out_highlight()).
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

struct out_span *spans; /* the line's amounts, for --highlight */

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

/*
 * One JSONL or TSV record through lib/record: file, line, col, text,
 * value (the exact decimal, a JSON number), unit, kind, qualifier, range,
 * assumed (null, or an empty TSV field, when the amount has none).
 */
static void
emit_record(const struct scan *sc, const struct amount *a,
    const struct input *in, unsigned long long lineno)
{
	char v[64];

	rec_begin();
	rec_cstr("file", in->name);
	rec_int("line", (long long)lineno);
	rec_int("col", (long long)a->beg + 1);
	rec_str("text", sc->s + a->beg, a->end - a->beg);
	rec_decimal("value", v, value_text(a, v));
	rec_cstr("unit", a->unit);
	rec_cstr("kind", a->kind == K_MONEY ? "money" : "percent");
	rec_cstr("qualifier", a->qual);
	rec_cstr("range", a->range);
	rec_cstr("assumed", a->assumed);
	rec_end();
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
		spans[nspans].sgr = a->kind == K_MONEY ? SGR_BOLD SGR_GREEN
						       : SGR_BOLD SGR_YELLOW;
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
	emit_record(sc, a, in, lineno);
}

void
highlight_line(const struct line *line)
{
	out_highlight(line, spans, nspans);
}
