/*
 * lineio.c - read(2) + memchr line reader.
 */
#include "lineio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

#define LR_BUFSIZE ((size_t)64 * 1024)
#define LR_MAX_LINE ((size_t)1 << 30)

size_t
lr_default_bufsize(void)
{
	static size_t size;
	const char *env;
	char *end;
	unsigned long v;

	if (size != 0)
		return size;
	size = LR_BUFSIZE;
	env = getenv("WINNOW_BUFSIZE");
	if (env != NULL && *env != '\0') {
		errno = 0;
		v = strtoul(env, &end, 10);
		if (errno == 0 && *end == '\0' && v >= 1 && v <= LR_MAX_LINE)
			size = v;
	}
	return size;
}

void
lr_init(struct linereader *lr, int fd)
{
	memset(lr, 0, sizeof(*lr));
	lr->fd = fd;
	lr->max_line = LR_MAX_LINE;
}

void
lr_set_max_line(struct linereader *lr, size_t max)
{
	lr->max_line = max == 0 ? LR_MAX_LINE : max;
}

void
lr_set_pieces(struct linereader *lr, size_t size)
{
	lr->piece = size;
}

/* Make room for reading: move the tail to the front, or grow. */
static int
lr_make_room(struct linereader *lr)
{
	size_t cap;

	if (lr->buf == NULL) {
		lr->cap = lr_default_bufsize();
		lr->buf = xmalloc(lr->cap);
	}
	if (lr->beg > 0) {
		memmove(lr->buf, lr->buf + lr->beg, lr->end - lr->beg);
		lr->end -= lr->beg;
		lr->scanned -= lr->beg;
		lr->beg = 0;
	}
	if (lr->end < lr->cap)
		return 0;
	/* One line fills the buffer: grow it, up to the line limit. */
	if (lr->cap > lr->max_line + 1) {
		errno = ERANGE;
		return -1;
	}
	cap = lr->cap * 2;
	if (cap > lr->max_line + 2)
		cap = lr->max_line + 2;
	lr->buf = xrealloc(lr->buf, cap);
	lr->cap = cap;
	return 0;
}

static void
lr_cut(struct linereader *lr, struct line *line, size_t len, size_t skip)
{
	line->p = lr->buf + lr->beg;
	line->len = len;
	line->crlf = 0;
	line->nonl = skip == 0;
	line->partial = 0;
	line->tail = lr->in_piece;
	lr->in_piece = 0;
	if (skip == 1 && len > 0 && line->p[len - 1] == '\r') {
		line->len--;
		line->crlf = 1;
	}
	lr->beg += len + skip;
	lr->scanned = lr->beg;
	lr->lineno++;
}

/* End the input with an error: later calls return 0. */
static int
lr_fail(struct linereader *lr, int err)
{
	lr->eof = 1;
	lr->beg = lr->end = lr->scanned = 0;
	errno = err;
	return -1;
}

int
lr_next(struct linereader *lr, struct line *line)
{
	char *nl;
	ssize_t n;

	for (;;) {
		if (lr->scanned < lr->end) {
			nl = memchr(
			    lr->buf + lr->scanned, '\n', lr->end - lr->scanned);
			if (nl != NULL) {
				if ((size_t)(nl - (lr->buf + lr->beg)) >
				    lr->max_line + 1)
					return lr_fail(lr, ERANGE);
				lr_cut(lr, line,
				    (size_t)(nl - (lr->buf + lr->beg)), 1);
				return 1;
			}
			lr->scanned = lr->end;
		}
		/* A piece of a long line: all that is buffered but a final
		 * "\r", which may belong to "\r\n". */
		if (lr->piece > 0 && !lr->eof &&
		    lr->end - lr->beg >= lr->piece) {
			size_t len = lr->end - lr->beg;

			if (lr->buf[lr->end - 1] == '\r')
				len--;
			if (len > 0) {
				line->p = lr->buf + lr->beg;
				line->len = len;
				line->crlf = line->nonl = line->tail = 0;
				line->partial = 1;
				lr->in_piece = 1;
				lr->beg += len;
				lr->scanned = lr->beg;
				return 1;
			}
		}
		/* A line (its "\r" aside) past the limit: stop before
		 * reading more of it. */
		if (lr->piece == 0 && lr->end - lr->beg > lr->max_line + 1)
			return lr_fail(lr, ERANGE);
		if (lr->eof) {
			/* The input ends right after a piece: the line still
			 * gets its last piece, empty. */
			if (lr->beg < lr->end || lr->in_piece) {
				lr_cut(lr, line, lr->end - lr->beg, 0);
				return 1;
			}
			return 0;
		}
		if (lr_make_room(lr) < 0)
			return lr_fail(lr, errno);
		do {
			n = read(lr->fd, lr->buf + lr->end, lr->cap - lr->end);
		} while (n < 0 && errno == EINTR);
		if (n < 0)
			return lr_fail(lr, errno);
		if (n == 0)
			lr->eof = 1;
		lr->end += (size_t)n;
	}
}

int
lr_ready(struct linereader *lr)
{
	char *nl;

	if (lr->eof)
		return 1;
	if (lr->scanned < lr->end) {
		nl = memchr(lr->buf + lr->scanned, '\n', lr->end - lr->scanned);
		/* What was searched is remembered, so that lr_next() does
		 * not search it again. */
		if (nl != NULL) {
			lr->scanned = (size_t)(nl - lr->buf);
			return 1;
		}
		lr->scanned = lr->end;
	}
	return 0;
}

void
lr_free(struct linereader *lr)
{
	free(lr->buf);
	lr->buf = NULL;
	lr->cap = lr->beg = lr->end = lr->scanned = 0;
}
