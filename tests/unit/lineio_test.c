/* Unit tests of lib/lineio: boundaries, growth, CRLF, no final newline. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "lineio.h"
#include "unit.h"

/* Feed data through a pipe in one go and join what the reader returns,
 * each line followed by its ending as read. */
static char *
roundtrip(
    const char *data, size_t len, size_t *outlen, size_t max_line, int *rc)
{
	struct linereader lr;
	struct line line;
	struct buf b = BUF_INIT;
	char tmpl[] = "/tmp/lineio-test-XXXXXX";
	int fd = mkstemp(tmpl);
	int r;

	if (fd < 0 || write(fd, data, len) != (ssize_t)len)
		exit(2);
	(void)lseek(fd, 0, SEEK_SET);
	(void)unlink(tmpl);
	lr_init(&lr, fd);
	lr_set_max_line(&lr, max_line);
	while ((r = lr_next(&lr, &line)) == 1) {
		buf_add(&b, line.p, line.len);
		buf_adds(&b, line.crlf ? "\r\n" : line.nonl ? "<EOF>" : "\n");
	}
	*rc = r;
	lr_free(&lr);
	(void)close(fd);
	*outlen = b.len;
	buf_addc(&b, '\0');
	return b.p;
}

int
main(void)
{
	size_t n, i;
	int rc;
	char *s, *big;

	s = roundtrip("a\nb\r\nc", 6, &n, 0, &rc);
	test_cond("lineio: LF, CRLF, no final newline",
	    strcmp(s, "a\nb\r\nc<EOF>") == 0 && rc == 0);
	free(s);
	s = roundtrip("", 0, &n, 0, &rc);
	test_cond("lineio: empty input", n == 0 && rc == 0);
	free(s);
	s = roundtrip("x\0y\n\n", 5, &n, 0, &rc);
	test_cond("lineio: NUL bytes and blank line",
	    n == 5 && memcmp(s, "x\0y\n\n", 5) == 0);
	free(s);
	s = roundtrip("lone\rcr\n", 8, &n, 0, &rc);
	test_cond("lineio: lone CR is data", strcmp(s, "lone\rcr\n") == 0);
	free(s);
	/* A line longer than the 64 KiB start buffer: the growth path. */
	big = malloc(300001);
	for (i = 0; i < 300000; i++)
		big[i] = (char)('a' + i % 26);
	big[299999] = '\n';
	s = roundtrip(big, 300000, &n, 0, &rc);
	test_cond("lineio: 300 KB line grows the buffer",
	    n == 300000 && memcmp(s, big, 300000) == 0 && rc == 0);
	free(s);
	/* Lines that straddle the 64 KiB boundary. */
	for (i = 0; i < 300000; i++)
		big[i] = i % 1000 == 999 ? '\n' : 'x';
	s = roundtrip(big, 300000, &n, 0, &rc);
	test_cond("lineio: lines across the buffer boundary",
	    n == 300000 && memcmp(s, big, 300000) == 0);
	free(s);
	/* The line limit gives ERANGE. */
	memset(big, 'y', 300000);
	s = roundtrip(big, 300000, &n, 1000, &rc);
	test_cond("lineio: line over the limit is an error", rc == -1);
	free(s);
	free(big);
	{
		/* lr_ready: 1 only when lr_next() needs no read(). */
		struct linereader lr;
		struct line line;
		int p[2], ok;

		if (pipe(p) != 0 || write(p[1], "a\nb\nc", 5) != 5)
			exit(2);
		lr_init(&lr, p[0]);
		ok = lr_ready(&lr) == 0;
		ok &= lr_next(&lr, &line) == 1 && line.len == 1;
		ok &= lr_ready(&lr) == 1; /* "b\n" is buffered */
		ok &= lr_next(&lr, &line) == 1 && line.p[0] == 'b';
		ok &= lr_ready(&lr) == 0; /* "c" has no newline yet */
		(void)close(p[1]);
		ok &= lr_next(&lr, &line) == 1 && line.p[0] == 'c' && line.nonl;
		ok &= lr_ready(&lr) == 1 && lr_next(&lr, &line) == 0;
		test_cond("lineio: lr_ready says when a read is needed", ok);
		lr_free(&lr);
		(void)close(p[0]);
	}
	{
		/* lr_set_pieces: a line longer than the piece size comes in
		 * pieces that join up to it; no piece ends in "\r"; the last
		 * has tail set and counts the line.  A pipe delivers the long
		 * line in two parts, so that the buffer holds part of it. */
		static const char one[] = "short\nA line that is rather\r";
		static const char two[] = "\nlonger than ten bytes.\r\n\f\nend";
		struct linereader lr;
		struct line line;
		struct buf b = BUF_INIT;
		int p[2], ok = 1, pieces = 0, tails = 0, r;

		if (pipe(p) != 0 ||
		    write(p[1], one, sizeof(one) - 1) !=
			(ssize_t)sizeof(one) - 1)
			exit(2);
		lr_init(&lr, p[0]);
		lr_set_pieces(&lr, 10);
		for (;;) {
			if (lr.lineno == 1 && pieces == 1 && p[1] >= 0) {
				if (write(p[1], two, sizeof(two) - 1) !=
				    (ssize_t)sizeof(two) - 1)
					exit(2);
				(void)close(p[1]);
				p[1] = -1;
			}
			if ((r = lr_next(&lr, &line)) != 1)
				break;
			buf_add(&b, line.p, line.len);
			if (line.partial) {
				pieces++;
				ok &= line.len > 0 &&
				    line.p[line.len - 1] != '\r';
				continue;
			}
			tails += line.tail;
			buf_adds(&b,
			    line.crlf       ? "\r\n"
				: line.nonl ? ""
					    : "\n");
		}
		buf_adds(&b, "");
		ok &= b.len == sizeof(one) + sizeof(two) - 2 &&
		    memcmp(b.p, one, sizeof(one) - 1) == 0 &&
		    memcmp(b.p + sizeof(one) - 1, two, sizeof(two) - 1) == 0;
		test_cond("lineio: pieces join up to the lines", ok);
		test_cond("lineio: a piece holds back a final \\r; one tail",
		    pieces == 1 && tails == 1 && lr.lineno == 5);
		buf_free(&b);
		lr_free(&lr);
		(void)close(p[0]);
	}
	{
		/* The input ends right after a piece: the line still gets an
		 * empty last piece (tail, nonl), so a reader of pieces sees
		 * where the line ends (dedupe-lines). */
		static const char long_line[] = "no newline, longer than ten";
		struct linereader lr;
		struct line line;
		int p[2], ok;

		if (pipe(p) != 0 ||
		    write(p[1], long_line, sizeof(long_line) - 1) !=
			(ssize_t)sizeof(long_line) - 1)
			exit(2);
		(void)close(p[1]);
		lr_init(&lr, p[0]);
		lr_set_pieces(&lr, 10);
		ok = lr_next(&lr, &line) == 1 && line.partial &&
		    line.len == sizeof(long_line) - 1;
		ok &= lr_next(&lr, &line) == 1 && !line.partial && line.tail &&
		    line.nonl && line.len == 0 && lr.lineno == 1;
		ok &= lr_next(&lr, &line) == 0;
		test_cond(
		    "lineio: input ending after a piece: an empty tail", ok);
		lr_free(&lr);
		(void)close(p[0]);
	}
	return test_report();
}
