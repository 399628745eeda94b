/*
 * inputs.h - the loop over file operands, as cat(1) does it.
 *
 * No operand, or "-", is standard input.  Each operand is opened in turn
 * and handed to a callback as one document; an operand that cannot be
 * opened or read gets "NAME: FILE: reason" on stderr, marks the run as
 * troubled (exit 2 at the end) and the loop goes on with the next one.
 */
#ifndef WINNOW_INPUTS_H
#define WINNOW_INPUTS_H

#include "lineio.h"

struct input {
	const char *name;    /* the operand, "-" for standard input */
	const char *label;   /* for messages: "(standard input)" or name */
	unsigned long index; /* 0 for the first document, 1 ... */
	unsigned long count; /* how many operands the run has */
	struct linereader lr;
	int failed; /* a read error ended this document early */
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
 * Next line of the document: 1 with *line filled (valid until the next
 * call), 0 at its end.  A read error is reported ("NAME: FILE: reason",
 * or "line too long"), recorded, and ends the document: it returns 0.
 */
int input_next(struct input *in, struct line *line);

#endif
