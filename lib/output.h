/*
 * output.h - buffered standard output (or -o FILE) with write-error rules,
 * and the files a run replaces only when it succeeded.
 *
 * Output goes through one 64 KiB buffer written with write(2).  It is
 * flushed after every record when stdout is a terminal or --line-buffered
 * was given (out_end_record()).  The first write error is recorded and all
 * later writes are dropped: the filter asks out_failed() and stops reading.
 * out_close() then reports "NAME: write error: reason" and returns 2,
 * except for a broken pipe, which ends the run quietly (status 0), as cat
 * does when SIGPIPE is ignored.
 *
 * Replaced files (-o FILE, dedupe-lines --seen=FILE) are "targets".  What
 * a target is decides how it is written (target_open()):
 *   - a name of one of the process's own descriptors (/dev/stdout,
 *     /dev/stderr, /dev/fd/N, /proc/self/fd/N) is written to that
 *     descriptor;
 *   - an existing file that is not a regular file (a device such as
 *     /dev/null, a FIFO, a socket) is opened and written directly: it is
 *     never replaced by a regular file;
 *   - anything else (a regular file, a name not yet taken) is written to a
 *     temporary file beside it and renamed over it only when the whole run
 *     succeeded.  A symbolic link is followed to the file it names, and
 *     that file is replaced, the temporary file beside it, so the link
 *     stays a link.  The new file gets the old one's mode (and owner and
 *     group when the process may set them).  A file with other hard links
 *     is replaced under this name only: its other names keep the old
 *     content, as with sed -i.
 * All targets of a run are committed together (out_commit()), after every
 * one of them was written, so a failure while writing one leaves all of
 * them as they were.  While a temporary file exists, the fatal signals
 * (SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
 * SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF) remove it before the process
 * dies of them; a signal that was ignored when the program started (nohup)
 * stays ignored, and one that already had a handler (a harness's) keeps it.
 */
#ifndef WINNOW_OUTPUT_H
#define WINNOW_OUTPUT_H

#include <stddef.h>

#include "lineio.h"
#include "prog.h"

/*
 * Open the output: path NULL (or "-") is standard output, else the target
 * path (see above).  line_buffered: flush after each record (also turned
 * on when the output is a terminal).  Dies with status 2 when the target
 * cannot be opened.
 */
void out_open(const char *path, int line_buffered);

/* Append bytes to the output. */
void out_write(const void *p, size_t n);
void out_putc(int c);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) PRINTF_LIKE(1, 2);

/*
 * For a writer that formats in place (lib/record): room for n bytes at the
 * end of the output buffer (n at most OUT_ROOM_MAX), flushed first when it
 * has less.  Write at most n bytes at the pointer returned, then say how
 * many with out_wrote().  NULL after a write error: write nothing.
 * Usage: if ((p = out_room(24)) != NULL) out_wrote(put_digits(p, v));
 */
#define OUT_ROOM_MAX ((size_t)16 * 1024)
char *out_room(size_t n);
void out_wrote(size_t k);

/* Write a line as it was read: its bytes, then "\r\n" or "\n". */
void out_line(const struct line *line);

/*
 * A span of a line to colour for an extractor's --highlight: the bytes
 * [beg, end) and the SGR sequence that starts them (color.h).
 */
struct out_span {
	size_t beg, end;
	const char *sgr;
};

/*
 * Write line with its n spans coloured (each span's SGR, its bytes, then
 * SGR_RESET) and its line end as read, as one record.  The spans are in
 * order; one that begins before the previous one ended is not coloured
 * again.  Usage: out_highlight(&line, spans, nspans) after collecting the
 * line's matches.
 */
void out_highlight(
    const struct line *line, const struct out_span *spans, size_t n);

/* The end of one record (line): flush when line-buffered. */
void out_end_record(void);

/* Write out the buffer now. */
void out_flush(void);

/* Nonzero once a write has failed: stop producing output. */
int out_failed(void);

/*
 * Flush and close the output without committing anything.  Returns
 * EXIT_OK, or EXIT_TROUBLE after a write error (reported here; a broken
 * pipe is quiet and returns EXIT_OK).
 */
int out_end(void);

/*
 * Commit every target (ok nonzero: rename each temporary file over its
 * file) or discard them all (ok zero: remove the temporary files).
 * Returns EXIT_OK, or EXIT_TROUBLE after a message when a rename failed.
 */
int out_commit(int ok);

/*
 * out_end(), then out_commit(): the targets are committed when ok and the
 * output had no write error.  Returns the worse status of the two.
 */
int out_close(int ok);

/*
 * Open a target for writing, as described above.  Returns a descriptor
 * open for writing (owned by the caller until target_close()), or -1 with
 * errno set.  The file it writes becomes visible at out_commit().
 */
int target_open(const char *path);

/*
 * Close the target descriptor fd (from target_open()).  fsync first when
 * sync is nonzero.  Returns 0, or -1 with errno set; a failed target is
 * not committed.
 */
int target_close(int fd, int sync);

/*
 * Claim path as an output named by option opt ("-o", "--seen"): exit 2
 * with a message when it names the same file as an output claimed before.
 * Only files that would be replaced are compared: two outputs to
 * /dev/null are fine.  out_reset() forgets them.
 */
void out_claim(const char *opt, const char *path);

/*
 * Exit 2 with a message when the input name (a file operand, "-" for
 * standard input) is the same file as a claimed output: the run would read
 * what it replaces.
 */
void out_check_input(const char *name);

/*
 * Forget the claims and discard the targets of an earlier run of main()
 * in this process (cli_parse() calls it; only the fuzz harnesses run
 * main() twice).
 */
void out_reset(void);

#endif
