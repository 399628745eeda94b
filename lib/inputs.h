/*
 * inputs.h - the loop over file operands, as cat(1) does it.
 *
 * No operand, or "-", is standard input.  Each operand is opened in turn
 * and handed to a callback as one document; an operand that cannot be
 * opened or read gets "NAME: FILE: reason" on stderr, marks the run as
 * troubled (exit 2 at the end) and the loop goes on with the next one.
 *
 * The document separator.  Within one operand, a line holding only a form
 * feed ("\f", or "\f\r"; the page break that pr(1) and less(1) know) ends
 * one document and starts the next, so that a stream of many pages keeps
 * them apart:
 *
 *	html-text a.html b.html | declutter | extract-quotes
 *
 * input_next() returns 0 at the separator as at the end of a file; the
 * callback returns as at the end of any document, the separator is written
 * to the output (unless inputs_quiet_separators() said not to) and the
 * callback is called again for the next document of the same operand, with
 * line numbers counted from 1 again.  So every filter resets its
 * per-document state there and passes the separator through, without a
 * line of its own code.
 */
#ifndef WINNOW_INPUTS_H
#define WINNOW_INPUTS_H

#include "lineio.h"

struct input {
	const char *name;    /* the operand, "-" for standard input */
	const char *label;   /* for messages: "(standard input)" or name */
	unsigned long index; /* the operand: 0 for the first, 1 ... */
	unsigned long count; /* how many operands the run has */
	unsigned long docno; /* the document in the run: 0, 1 ... (operands
				and separators both start one) */
	struct linereader lr;
	int failed;         /* a read error ended this document early */
	int at_separator;   /* input_next() stopped at a separator line */
	int separator_crlf; /* ... which ended in "\r\n" */
};

/*
 * Called once for each document.  Read its lines with input_next().
 * Return 0 to go on with the next operand, nonzero to stop the loop
 * (after a write error, or -q having found what it looked for).
 */
typedef int (*input_fn)(struct input *in, void *ctx);

/*
 * Run fn over the operands files[0 .. nfiles-1] (none: standard input).
 * Returns the first nonzero value fn returned, else 0.  Open and read
 * errors are reported and recorded with prog_set_trouble().
 */
int inputs_run(char **files, int nfiles, input_fn fn, void *ctx);

/*
 * 1 if line is the document separator: only a form feed (its "\r", if any,
 * is already off, see struct line).  For a filter that reads the reader's
 * buffer itself rather than through input_next().  The last piece of a
 * long line (lr_set_pieces()) is no line of its own, even when it is a
 * lone form feed.  Inline: dedupe-lines asks it of every line.
 */
static inline int
line_is_separator(const struct line *line)
{
	return line->len == 1 && line->p[0] == '\f' && !line->tail;
}

/*
 * Do not write separator lines: for output that is not a stream of lines
 * (TSV and JSONL records, -q, totals at the end).  Records then tell the
 * documents apart by their file and line.
 */
void inputs_quiet_separators(int quiet);

/*
 * Next line of the document: 1 with *line filled (valid until the next
 * call), 0 at its end (the end of the operand or a separator line).
 * A read error is reported ("NAME: FILE: reason",
 * or "line too long"), recorded, and ends the document: it returns 0.
 */
int input_next(struct input *in, struct line *line);

#endif
