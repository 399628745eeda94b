/*
 * output.h - buffered standard output (or -o FILE) with write-error rules.
 *
 * Output goes through one 64 KiB buffer written with write(2).  It is
 * flushed after every record when stdout is a terminal or --line-buffered
 * was given (out_end_record()).  The first write error is recorded and all
 * later writes are dropped: the filter asks out_failed() and stops reading.
 * out_close() then reports "NAME: write error: reason" and returns 2,
 * except for a broken pipe, which ends the run quietly (status 0), as cat
 * does when SIGPIPE is ignored.
 *
 * With -o FILE the output is written to a temporary file beside FILE and
 * renamed over it only when the run succeeded, so a Makefile target is
 * never left half-written; SIGINT, SIGTERM and SIGHUP remove the temporary
 * file and leave FILE as it was.
 */
#ifndef WINNOW_OUTPUT_H
#define WINNOW_OUTPUT_H

#include <stddef.h>

#include "lineio.h"
#include "prog.h"

/*
 * Open the output: path NULL (or "-") is standard output, else the
 * atomic -o FILE.  line_buffered: flush after each record (also turned on
 * when standard output is a terminal).  Dies with status 2 when the
 * temporary file cannot be made.
 */
void out_open(const char *path, int line_buffered);

/*
 * Create an empty temporary file beside path (".NAME.XXXXXX" in the same
 * folder, so that rename(2) over path is atomic), with the mode path has,
 * or the mode a new file would get.  Returns its descriptor and stores its
 * name, allocated, in *tmp (free it); or returns -1 with errno set.
 */
int tempfile_beside(const char *path, char **tmp);

/* Append bytes to the output. */
void out_write(const void *p, size_t n);
void out_putc(int c);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Write a line as it was read: its bytes, then "\r\n" or "\n". */
void out_line(const struct line *line);

/* The end of one record (line): flush when line-buffered. */
void out_end_record(void);

/* Write out the buffer now. */
void out_flush(void);

/* Nonzero once a write has failed: stop producing output. */
int out_failed(void);

/*
 * Flush and close.  ok says whether the run succeeded: only then is -o
 * FILE renamed into place (else the temporary file is removed).  Returns
 * status: EXIT_OK, or EXIT_TROUBLE after a write error (reported here).
 */
int out_close(int ok);

#endif
