/* Unit tests of lib/readahead: order, line numbers, the prepare hook's
 * data, lent long lines, batch validity, and an early stop while the
 * producer waits for input. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "readahead.h"
#include "unit.h"

/* What prepare() saw of each line of a batch: its length and first byte. */
struct seen {
	size_t *len;
	int *first;
	size_t cap;
};

static int dones;

static void *
seen_new(void *ctx)
{
	(void)ctx;
	return calloc(1, sizeof(struct seen));
}

static void
seen_reset(void *data, void *ctx)
{
	(void)data;
	(void)ctx;
}

static void
seen_prepare(void *data, size_t item, const struct line *ln, void *ctx)
{
	struct seen *s = data;

	(void)ctx;
	if (item >= s->cap) {
		s->cap = item * 2 + 16;
		s->len = realloc(s->len, s->cap * sizeof(*s->len));
		s->first = realloc(s->first, s->cap * sizeof(*s->first));
		if (s->len == NULL || s->first == NULL)
			exit(2);
	}
	s->len[item] = ln->len;
	s->first[item] = ln->len > 0 ? (unsigned char)ln->p[0] : -1;
}

static void
seen_done(void *ctx)
{
	(void)ctx;
	dones++;
}

static void
seen_free(void *data, void *ctx)
{
	struct seen *s = data;

	(void)ctx;
	free(s->len);
	free(s->first);
	free(s);
}

static const struct ra_hooks hooks = {
    seen_new, seen_reset, seen_prepare, seen_done, seen_free, NULL};

static void
open_input(struct input *in, int fd)
{
	memset(in, 0, sizeof(*in));
	in->name = in->label = "test";
	lr_init(&in->lr, fd);
}

int
main(void)
{
	struct buf data = BUF_INIT;
	struct readahead ra;
	struct input in;
	struct line ln;
	unsigned long long lineno, seq, last_seq = 0, prev_seq = 0;
	void *hd;
	size_t item, i, off = 0, nlines = 0, bad = 0, badhook = 0, lent = 0;
	size_t stale = 0, batches = 0;
	char tmpl[] = "/tmp/readahead-test-XXXXXX";
	int fd, p[2], last_lent = 0;

	/* Lines of every length up to 300 bytes, blank lines, one line of
	 * 3 MB (lent, not copied), and no final newline. */
	for (i = 0; i < 20000; i++) {
		size_t n = (i * 7919) % 301;

		if (i == 12345)
			n = 3u << 20;
		while (n-- > 0)
			buf_addc(&data, (char)('a' + (i + n) % 26));
		if (i + 1 < 20000)
			buf_addc(&data, '\n');
	}
	fd = mkstemp(tmpl);
	if (fd < 0 || write(fd, data.p, data.len) != (ssize_t)data.len)
		return 2;
	(void)lseek(fd, 0, SEEK_SET);
	(void)unlink(tmpl);
	open_input(&in, fd);
	test_cond("readahead: starts", ra_start(&ra, &in, &hooks) == 0);
	while (ra_next(&ra, &ln, &lineno, &hd, &item, &seq)) {
		const struct seen *s = hd;
		const char *nl = memchr(data.p + off, '\n', data.len - off);
		size_t n =
		    nl != NULL ? (size_t)(nl - (data.p + off)) : data.len - off;

		nlines++;
		if (ln.len != n || memcmp(ln.p, data.p + off, n) != 0 ||
		    lineno != nlines)
			bad++;
		if (s->len[item] != ln.len ||
		    s->first[item] !=
			(ln.len > 0 ? (unsigned char)ln.p[0] : -1))
			badhook++;
		if (ln.len > RA_COPY_MAX)
			lent++;
		if (seq != last_seq) {
			batches++;
			/* the batch before stays valid unless it was lent */
			if (last_seq != 0 && !ra_valid(&ra, last_seq) &&
			    !last_lent)
				stale++;
			if (prev_seq != 0 && ra_valid(&ra, prev_seq))
				stale++;
			prev_seq = last_seq;
			last_seq = seq;
		}
		last_lent = ln.len > RA_COPY_MAX;
		off += n + 1;
	}
	ra_finish(&ra);
	test_cond("readahead: every line, in order, with its number",
	    nlines == 20000 && bad == 0);
	test_cond(
	    "readahead: prepare saw each line, data per batch", badhook == 0);
	test_cond("readahead: the long line was lent", lent == 1);
	test_cond("readahead: the batch before stays valid, older not",
	    stale == 0 && batches > 2);
	test_cond("readahead: done hook ran once", dones == 1);
	lr_free(&in.lr);
	(void)close(fd);

	/* Only empty lines: their batch has no text buffer, and each line
	 * still points somewhere (a null pointer is no empty string). */
	{
		char tmpl2[] = "/tmp/readahead-test-XXXXXX";
		size_t empties = 0, nulls = 0;

		fd = mkstemp(tmpl2);
		if (fd < 0 || write(fd, "\n\n\n", 3) != 3)
			return 2;
		(void)lseek(fd, 0, SEEK_SET);
		(void)unlink(tmpl2);
		open_input(&in, fd);
		dones = 0;
		if (ra_start(&ra, &in, &hooks) != 0)
			return 2;
		while (ra_next(&ra, &ln, &lineno, &hd, &item, &seq)) {
			empties += ln.len == 0;
			nulls += ln.p == NULL;
		}
		ra_finish(&ra);
		test_cond("readahead: empty lines are empty strings",
		    empties == 3 && nulls == 0);
		lr_free(&in.lr);
		(void)close(fd);
	}

	/* A pipe that stays open with nothing more to read: the producer
	 * waits for input, and stopping early must not wait with it. */
	if (pipe(p) != 0 || write(p[1], "one\ntwo", 7) != 7)
		return 2;
	alarm(10);
	open_input(&in, p[0]);
	dones = 0;
	test_cond(
	    "readahead: starts on a pipe", ra_start(&ra, &in, &hooks) == 0);
	test_cond("readahead: first line from the pipe",
	    ra_next(&ra, &ln, &lineno, &hd, &item, &seq) == 1 && ln.len == 3 &&
		memcmp(ln.p, "one", 3) == 0);
	ra_finish(&ra);
	test_cond(
	    "readahead: early stop returns while input is pending", dones == 1);
	alarm(0);
	lr_free(&in.lr);
	(void)close(p[0]);
	(void)close(p[1]);
	buf_free(&data);
	return test_report();
}
