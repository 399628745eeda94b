/*
 * lineio.h - a fast line reader over a file descriptor.
 *
 * Modelled on GNU grep's and ripgrep's buffers: read(2) into a large
 * buffer, split it with memchr, hand out complete lines as (pointer,
 * length) slices, move the unfinished tail to the front before the next
 * read, and double the buffer when one line does not fit.  Lines are byte
 * strings: NUL bytes and invalid UTF-8 pass through untouched.
 *
 * It returns whatever one read() delivered as soon as it holds a complete
 * line, so `tail -f log | filter` streams.
 */
#ifndef WINNOW_LINEIO_H
#define WINNOW_LINEIO_H

#include <stddef.h>

/* One line of input. */
struct line {
	const char *p; /* the bytes, without "\n" and without a final "\r" */
	size_t len;    /* number of bytes at p */
	int crlf;      /* 1 when the line ended in "\r\n" */
	int nonl;      /* 1 when it was the last line and had no "\n" */
	int partial;   /* 1: a piece of a longer line, more of it follows
			  (only after lr_set_pieces()) */
	int tail;      /* 1: the last piece of a line that came in pieces */
};

struct linereader {
	int fd;    /* read from here; not closed by lr_free() */
	char *buf; /* unconsumed input is buf[beg..end) */
	size_t cap, beg, end;
	size_t scanned;            /* buf[beg..scanned) holds no "\n" */
	size_t max_line;           /* a longer line is an error (ERANGE) */
	size_t piece;              /* 0, or lines longer come in pieces */
	int in_piece;              /* pieces of the current line went out */
	unsigned long long lineno; /* lines returned so far */
	int eof;
};

/*
 * The initial buffer size: 64 KiB, or the value of the environment variable
 * WINNOW_BUFSIZE (bytes, at least 1), which tests set very small to prove
 * that output does not depend on where read() splits the input.
 */
size_t lr_default_bufsize(void);

/* Start reading fd.  The reader allocates lazily; lr_free() releases it. */
void lr_init(struct linereader *lr, int fd);

/*
 * Set the longest line accepted, in bytes (default: 1 GiB less one page,
 * which a 200 MB line passes).  0 means the default.
 */
void lr_set_max_line(struct linereader *lr, size_t max);

/*
 * Hand out lines longer than size bytes in pieces, so that a filter that
 * reads a line as a stream (split-sentences) holds a bounded window of a
 * line of any length: each piece but the last has partial set, carries
 * size bytes or more (what the buffer held), never ends in "\r" (which
 * may be half of a "\r\n") and does not count as a line (lineno grows
 * with the last piece, which has tail set, and crlf and nonl as a whole
 * line would).
 * There is then no line limit.  0 (the default) turns pieces off.
 */
void lr_set_pieces(struct linereader *lr, size_t size);

/*
 * Get the next line.  Returns 1 and fills *line, whose bytes stay valid
 * until the next call; 0 at end of input; -1 on a read error with errno
 * set (ERANGE: a line longer than the maximum).  After -1 or 0 the reader
 * returns 0.
 */
int lr_next(struct linereader *lr, struct line *line);

/*
 * 1 if lr_next() can return without calling read(): a complete line is
 * buffered, or the input has ended.  A producer that batches lines asks
 * this before each line, and hands its batch over rather than block.
 */
int lr_ready(struct linereader *lr);

/* Release the buffer.  The descriptor is left open. */
void lr_free(struct linereader *lr);

#endif
