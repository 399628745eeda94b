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

/* The separator and, for JSON, the key. */
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

void
json_write_string(const char *p, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, run = 0, n;
	uint32_t cp;

	while (i < len) {
		unsigned char c = s[i];

		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			run++;
			continue;
		}
		if (c >= 0x80) {
			n = utf8_decode(s + i, len - i, &cp);
			if (cp != UTF8_BAD) {
				i += n;
				run += n;
				continue;
			}
		}
		out_write(s + i - run, run);
		run = 0;
		switch (c) {
		case '"':
			out_puts("\\\"");
			break;
		case '\\':
			out_puts("\\\\");
			break;
		case '\n':
			out_puts("\\n");
			break;
		case '\r':
			out_puts("\\r");
			break;
		case '\t':
			out_puts("\\t");
			break;
		default:
			if (c >= 0x80) {
				out_puts("\xef\xbf\xbd"); /* U+FFFD */
			} else {
				out_puts("\\u00");
				out_putc(hex[c >> 4]);
				out_putc(hex[c & 15]);
			}
			break;
		}
		i++;
	}
	out_write(s + i - run, run);
}

void
tsv_write_field(const char *p, size_t len)
{
	size_t i, start = 0;

	for (i = 0; i < len; i++) {
		const char *esc = NULL;

		switch (p[i]) {
		case '\t':
			esc = "\\t";
			break;
		case '\n':
			esc = "\\n";
			break;
		case '\r':
			esc = "\\r";
			break;
		case '\\':
			esc = "\\\\";
			break;
		default:
			continue;
		}
		out_write(p + start, i - start);
		out_puts(esc);
		start = i + 1;
	}
	out_write(p + start, len - start);
}

void
rec_str(const char *name, const char *p, size_t len)
{
	field_start(name);
	if (common.format == FMT_JSONL) {
		out_putc('"');
		json_write_string(p, len);
		out_putc('"');
	} else {
		tsv_write_field(p, len);
	}
}

void
rec_cstr(const char *name, const char *s)
{
	if (s == NULL)
		rec_null(name);
	else
		rec_str(name, s, strlen(s));
}

void
rec_int(const char *name, long long v)
{
	field_start(name);
	out_printf("%lld", v);
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
rec_null(const char *name)
{
	field_start(name);
	if (common.format == FMT_JSONL)
		out_puts("null");
}

void
rec_end(void)
{
	if (common.format == FMT_JSONL)
		out_putc('}');
	out_putc('\n');
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
