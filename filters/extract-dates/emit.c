/*
 * emit.c - one record a date expression: text, tsv, jsonl, highlight.
 *
 * Fields, in this order: file line col text value kind anchor.
 *   value   the TIMEX3 value ("2025-03-10", "2025-W11", "2025-Q3",
 *           "2025-03-03/2025-03-05", "2014/.."), or for a relative
 *           expression without an anchor its underspecified form
 *           ("XXXX-03-10", "XXXX-WXX-2") or null;
 *   kind    date, time (a clock time), interval;
 *   anchor  the day a relative expression was read against, null for an
 *           absolute one, "none" when there was no anchor.
 */
#include "emit.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "dates.h"
#include "output.h"
#include "record.h"

static const char *const kinds[] = {"date", "time", "interval"};

size_t
expr_value(const struct expr *e, const struct anchor *an, char *buf)
{
	size_t l = 0;

	if (e->a.grain == G_NONE)
		return 0;
	if ((e->relative || e->xyear) && !an->have) {
		/* no anchor: the forms TIMEX3 writes for the unknown */
		if (e->xyear && !e->b.grain && e->a.grain == G_DAY)
			return (size_t)snprintf(
			    buf, 64, "XXXX-%02d-%02d", e->a.m, e->a.d);
		if (e->xyear && !e->b.grain && e->a.grain == G_MONTH)
			return (size_t)snprintf(buf, 64, "XXXX-%02d", e->a.m);
		if (e->wd && !e->b.grain)
			return (size_t)snprintf(buf, 64, "XXXX-WXX-%d", e->wd);
		return 0;
	}
	if (e->open < 0) {
		memcpy(buf, "../", 3);
		l = 3;
	}
	l += tv_format(&e->a, buf + l);
	if (e->b.grain) {
		buf[l++] = '/';
		l += tv_format(&e->b, buf + l);
	} else if (e->open > 0) {
		memcpy(buf + l, "/..", 3);
		l += 3;
	}
	buf[l] = '\0';
	return l;
}

static size_t
anchor_text(const struct expr *e, const struct anchor *an, char *buf)
{
	struct tv v;

	if (!(e->relative || e->xyear))
		return 0;
	if (!an->have) {
		memcpy(buf, "none", 5);
		return 4;
	}
	memset(&v, 0, sizeof(v));
	v.grain = G_DAY;
	civil_from_days(an->days, &v.y, &v.m, &v.d);
	return tv_format(&v, buf);
}

void
emit_header(void)
{
	static const char *const names[] = {
	    "file", "line", "col", "text", "value", "kind", "anchor"};

	rec_header(names, sizeof(names) / sizeof(names[0]));
}

void
emit_expr(const struct expr *e, const struct anchor *an, const char *file,
    unsigned long long lineno, const char *line)
{
	char val[160], anc[64];
	size_t vl = expr_value(e, an, val), al;

	if (common.format == FMT_TEXT) {
		if (common.with_filename || common.line_number)
			rec_text_prefix(file, lineno);
		if (common.color)
			out_puts(SGR_BOLD SGR_CYAN);
		out_write(line + e->beg, e->end - e->beg);
		if (common.color)
			out_puts(SGR_RESET);
		out_putc('\t');
		if (vl)
			out_write(val, vl);
		else
			out_puts("-");
		out_putc('\t');
		out_puts(kinds[e->kind]);
		out_putc('\n');
		out_end_record();
		return;
	}
	al = anchor_text(e, an, anc); /* not in the text format */
	rec_begin();
	rec_cstr("file", file);
	rec_int("line", (long long)lineno);
	rec_int("col", (long long)e->beg + 1);
	rec_str("text", line + e->beg, e->end - e->beg);
	if (vl)
		rec_str("value", val, vl);
	else
		rec_null("value");
	rec_cstr("kind", kinds[e->kind]);
	if (al)
		rec_str("anchor", anc, al);
	else
		rec_null("anchor");
	rec_end();
}
