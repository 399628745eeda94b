/*
 * text.c - collapse white space and make lines, as innerText does.
 *
 * Nothing is buffered but the state of the current line: whether it has
 * text yet, a pending space, pending tabs between cells, and in <pre>
 * the white space not yet followed by text (so that a line of spaces is
 * not written).  A line of any length streams straight to its sink.
 */
#include "text.h"

#include <string.h>

#include "blocks.h"
#include "chars.h"
#include "output.h"

#define PRE_WS_CAP 256 /* white space held in <pre> before text */

static struct {
	int main_mode;
	int open;  /* the current line has text */
	int space; /* a collapsed space is due before the next text */
	int tabs;  /* cell tabs due before the next text */
	int cr;    /* <pre>: the last byte was a CR (CRLF is one newline) */
	char
	    prews[PRE_WS_CAP]; /* <pre>: white space due before the next text */
	size_t nprews;
} tx;

static void
sink(const char *p, size_t n)
{
	if (tx.main_mode)
		blk_add(p, n);
	else
		out_write(p, n);
}

static void
end_line(void)
{
	if (tx.open) {
		if (tx.main_mode) {
			blk_eol();
		} else {
			out_putc('\n');
			out_end_record();
		}
	}
	tx.open = 0;
	tx.space = 0;
	tx.tabs = 0;
	tx.nprews = 0;
}

/* Text is about to be written: what is due before it. */
static void
before_text(void)
{
	static const char tabs[] = "\t\t\t\t\t\t\t\t";

	while (tx.tabs > 0) {
		int k = tx.tabs > 8 ? 8 : tx.tabs;

		sink(tabs, (size_t)k);
		tx.tabs -= k;
		tx.space = 0;
	}
	if (tx.space && tx.open)
		sink(" ", 1);
	tx.space = 0;
	if (tx.nprews > 0) {
		sink(tx.prews, tx.nprews);
		tx.nprews = 0;
	}
	tx.open = 1;
}

void
text_begin(int main_mode)
{
	memset(&tx, 0, sizeof(tx));
	tx.main_mode = main_mode;
}

static void
pre_chars(const char *p, size_t n)
{
	const char *end = n > 0 ? p + n : p, *s; /* (NULL, 0) may come */
	int c;

	while (p < end) {
		c = (unsigned char)*p;
		if (c == '\n' || c == '\r') {
			if (!(c == '\n' && tx.cr))
				end_line();
			tx.cr = c == '\r';
			p++;
			continue;
		}
		tx.cr = 0;
		if (c == ' ' || c == '\t' || c == '\f') {
			if (tx.nprews == PRE_WS_CAP) {
				/* A run this long is written as it is. */
				before_text();
			}
			tx.prews[tx.nprews++] = (char)(c == '\f' ? ' ' : c);
			p++;
			continue;
		}
		s = p;
		while (p < end && !html_space((unsigned char)*p))
			p++;
		before_text();
		sink(s, (size_t)(p - s));
	}
}

void
text_chars(const char *p, size_t n, int pre)
{
	/* An empty run may come as (NULL, 0): no arithmetic on NULL. */
	const char *end = n > 0 ? p + n : p, *s;

	if (pre) {
		pre_chars(p, n);
		return;
	}
	tx.cr = 0;
	while (p < end) {
		if (html_space((unsigned char)*p)) {
			do
				p++;
			while (p < end && html_space((unsigned char)*p));
			tx.space = 1;
			continue;
		}
		s = p;
		do
			p++;
		while (p < end && !html_space((unsigned char)*p));
		before_text();
		sink(s, (size_t)(p - s));
	}
}

void
text_break(void)
{
	end_line();
	tx.cr = 0;
}

void
text_cell(void)
{
	if (tx.open)
		tx.tabs++;
}

void
text_title(const char *p, size_t n)
{
	end_line();
	if (tx.main_mode) {
		blk_title_begin();
		text_chars(p, n, 0);
		tx.open = 0; /* the block buffer ends the title line itself */
		tx.space = 0;
		blk_title_end();
	} else {
		text_chars(p, n, 0);
		end_line();
	}
}

void
text_finish(void)
{
	end_line();
}
