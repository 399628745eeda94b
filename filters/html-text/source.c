/*
 * source.c - read an operand, stop at each document separator line.
 */
#include "source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

void
src_init(struct source *s, int fd, size_t chunk)
{
	memset(s, 0, sizeof(*s));
	s->fd = fd;
	s->chunk = chunk > 0 ? chunk : 1;
	s->cap = s->chunk + 4;
	s->buf = xmalloc(s->cap);
	s->line_start = 1;
}

void
src_free(struct source *s)
{
	free(s->buf);
	s->buf = NULL;
}

/* Read more after the unread bytes (moved to the front).  0 at the end
 * of the file or on an error. */
static int
fill(struct source *s)
{
	ssize_t r;

	if (s->eof || s->failed)
		return 0;
	if (s->beg > 0) {
		memmove(s->buf, s->buf + s->beg, s->end - s->beg);
		s->end -= s->beg;
		s->beg = 0;
	}
	if (s->cap - s->end < s->chunk) {
		s->cap = s->end + s->chunk;
		s->buf = xrealloc(s->buf, s->cap);
	}
	do
		r = read(s->fd, s->buf + s->end, s->chunk);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		s->failed = 1;
		s->err = errno;
		return 0;
	}
	if (r == 0) {
		s->eof = 1;
		return 0;
	}
	s->end += (size_t)r;
	return 1;
}

/*
 * How long the separator at buf[i] (a form feed at the start of a line)
 * is: 2 ("\f\n"), 3 ("\f\r\n"), 1 (a last line "\f"), 0 (none), or -1
 * when the bytes after it are not read yet.
 */
static int
sep_len(const struct source *s, size_t i)
{
	size_t n = s->end - i;

	if (n >= 2 && s->buf[i + 1] == '\n')
		return 2;
	if (n >= 3 && s->buf[i + 1] == '\r' && s->buf[i + 2] == '\n')
		return 3;
	if (n == 1 || (n == 2 && s->buf[i + 1] == '\r'))
		return s->eof || s->failed ? (n == 1 ? 1 : 0) : -1;
	return 0;
}

size_t
src_next(struct source *s, const char **p, size_t max)
{
	size_t i, n;
	const char *ff;
	int k;

	if (s->at_sep)
		return 0;
	for (;;) {
		if (s->beg == s->end && !fill(s))
			return 0;
		/* A separator starting right here ends the document. */
		if (s->buf[s->beg] == '\f' && s->line_start) {
			k = sep_len(s, s->beg);
			if (k < 0) {
				(void)fill(s); /* then look again */
				continue;
			}
			if (k > 0) {
				s->beg += (size_t)k;
				s->at_sep = 1;
				s->line_start = 1;
				return 0;
			}
		}
		/* Text up to the next form feed at a line start. */
		n = s->end - s->beg;
		if (n > max)
			n = max;
		for (i = s->beg + 1; i < s->beg + n;
		     i = (size_t)(ff - s->buf) + 1) {
			ff = memchr(s->buf + i, '\f', s->beg + n - i);
			if (ff == NULL)
				break;
			if (ff[-1] == '\n') {
				n = (size_t)(ff - s->buf) - s->beg;
				break;
			}
		}
		*p = s->buf + s->beg;
		s->beg += n;
		s->line_start = s->buf[s->beg - 1] == '\n';
		return n;
	}
}
