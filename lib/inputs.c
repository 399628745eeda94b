/*
 * inputs.c - cat-like operand loop.
 */
#include "inputs.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"
#include "prog.h"

static int quiet_separators;    /* inputs_quiet_separators() */
static unsigned long documents; /* documents begun in this run */

void
inputs_quiet_separators(int quiet)
{
	quiet_separators = quiet;
}

int
input_next(struct input *in, struct line *line)
{
	int r;

	if (in->failed || in->at_separator)
		return 0;
	r = lr_next(&in->lr, line);
	/* a piece of a long line is no separator, even one byte of it */
	if (r > 0 && !line->partial && !line->tail && line_is_separator(line)) {
		in->at_separator = 1;
		in->separator_crlf = line->crlf;
		return 0;
	}
	if (r >= 0)
		return r;
	if (errno == ERANGE)
		pwarn("%s: line %llu: line too long", in->label,
		    in->lr.lineno + 1);
	else
		pwarn_sys("%s", in->label);
	prog_set_trouble();
	in->failed = 1;
	return 0;
}

static int
run_one(const char *name, unsigned long index, unsigned long count, input_fn fn,
    void *ctx)
{
	struct input in;
	int fd, r;

	memset(&in, 0, sizeof(in));
	in.index = index;
	in.count = count;
	if (strcmp(name, "-") == 0) {
		/* --label: a job of winnow-parallel reads a file through its
		 * standard input and names it as the single run would. */
		in.name = common.label != NULL ? common.label : "-";
		in.label =
		    common.label != NULL ? common.label : "(standard input)";
		fd = STDIN_FILENO;
	} else {
		in.name = in.label = name;
		do {
			fd = open(name, O_RDONLY);
		} while (fd < 0 && errno == EINTR);
		if (fd < 0) {
			pwarn_sys("%s", name);
			prog_set_trouble();
			return 0;
		}
	}
	lr_init(&in.lr, fd);
	for (;;) {
		in.docno = documents++;
		r = fn(&in, ctx);
		if (r != 0 || !in.at_separator || in.failed)
			break;
		/* The separator goes through; the next document of this
		 * operand counts its lines from 1. */
		if (!quiet_separators) {
			out_write(in.separator_crlf ? "\f\r\n" : "\f\n",
			    in.separator_crlf ? 3 : 2);
			out_end_record();
			if (out_failed()) {
				r = 1;
				break;
			}
		}
		in.at_separator = 0;
		in.lr.lineno = 0;
	}
	lr_free(&in.lr);
	if (fd != STDIN_FILENO)
		(void)close(fd);
	return r;
}

int
inputs_run(char **files, int nfiles, input_fn fn, void *ctx)
{
	int i, r;

	if (nfiles <= 0)
		return run_one("-", 0, 1, fn, ctx);
	for (i = 0; i < nfiles; i++) {
		r = run_one(
		    files[i], (unsigned long)i, (unsigned long)nfiles, fn, ctx);
		if (r != 0)
			return r;
	}
	return 0;
}
