/*
 * source.h - an operand's bytes, cut into documents at separator lines.
 *
 * A FILE is a document, and so is each part of it between lines that
 * hold only a form feed ("\f\n" or "\f\r\n" at the start of a line, or a
 * last line "\f"): the suite's document separator (lib/inputs.h), so that
 * a stream of pages keeps them apart:
 *
 *	for f in *.html; do cat "$f"; printf '\f\n'; done | html-text
 *
 * The separator is found in the raw bytes, before decoding (a page in
 * UTF-16 cannot hold one); a form feed anywhere else is page text.  The
 * reader holds one chunk and the three bytes a separator may need to be
 * recognised across two reads.
 */
#ifndef HTMLTEXT_SOURCE_H
#define HTMLTEXT_SOURCE_H

#include <stddef.h>

struct source {
	int fd;
	char *buf; /* unread bytes are buf[beg..end) */
	size_t cap, beg, end;
	size_t chunk;   /* bytes asked of each read(2) */
	int line_start; /* the byte before buf[beg] ended a line */
	int eof;        /* read(2) said end of file */
	int failed;     /* read(2) failed; errno is kept in err */
	int err;
	int at_sep; /* the document ended at a separator (the caller
		       clears it before reading the next one) */
};

/* Start reading fd in reads of chunk bytes (at least 1). */
void src_init(struct source *s, int fd, size_t chunk);

/*
 * The next bytes of the current document: stores a pointer (valid until
 * the next call) in *p and returns how many, at most max; 0 at the end
 * of the document: the end of the file, a read error (s->failed) or a
 * separator (s->at_sep, and the next call starts the next document).
 */
size_t src_next(struct source *s, const char **p, size_t max);

void src_free(struct source *s);

#endif
