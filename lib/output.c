/*
 * output.c - buffered output, write errors, atomic -o FILE.
 */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "prog.h"
#include "xalloc.h"

#define OUT_BUFSIZE ((size_t)64 * 1024)

static char outbuf[OUT_BUFSIZE];
static size_t outlen;
static int outfd = STDOUT_FILENO;
static int out_linebuf;
static int out_errno;            /* first write error, 0 if none */
static char *final_path;         /* -o FILE */
static char *volatile temp_path; /* its temporary twin, removed on a signal */

static void
remove_temp_on_signal(int sig)
{
	if (temp_path != NULL)
		(void)unlink(temp_path);
	(void)signal(sig, SIG_DFL);
	(void)raise(sig);
}

int
tempfile_beside(const char *path, char **tmp_out)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash == NULL ? 0 : (size_t)(slash - path) + 1;
	size_t n = strlen(path) + 16;
	char *tmp = xmalloc(n);
	mode_t mask;
	struct stat st;
	int fd, saved;

	(void)snprintf(
	    tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	fd = mkstemp(tmp);
	if (fd < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	/* Give the new file the mode an ordinary create would, or keep the
	 * mode of the file it replaces. */
	if (stat(path, &st) == 0) {
		(void)fchmod(fd, st.st_mode & 07777);
	} else {
		mask = umask(0);
		(void)umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	*tmp_out = tmp;
	return fd;
}

static void
open_atomic(const char *path)
{
	char *tmp;
	int fd;

	fd = tempfile_beside(path, &tmp);
	if (fd < 0)
		pdie_sys("%s", path);
	final_path = xstrdup(path);
	temp_path = tmp;
	outfd = fd;
	(void)signal(SIGINT, remove_temp_on_signal);
	(void)signal(SIGTERM, remove_temp_on_signal);
	(void)signal(SIGHUP, remove_temp_on_signal);
}

void
out_open(const char *path, int line_buffered)
{
	if (path != NULL && strcmp(path, "-") != 0)
		open_atomic(path);
	out_linebuf = line_buffered || isatty(outfd);
}

void
out_flush(void)
{
	size_t off = 0;
	ssize_t n;

	while (off < outlen && out_errno == 0) {
		n = write(outfd, outbuf + off, outlen - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			out_errno = errno;
			break;
		}
		off += (size_t)n;
	}
	outlen = 0;
}

void
out_write(const void *p, size_t n)
{
	const char *s = p;
	size_t room;

	if (out_errno != 0)
		return;
	while (n > 0) {
		room = OUT_BUFSIZE - outlen;
		if (room == 0) {
			out_flush();
			if (out_errno != 0)
				return;
			room = OUT_BUFSIZE;
		}
		if (room > n)
			room = n;
		memcpy(outbuf + outlen, s, room);
		outlen += room;
		s += room;
		n -= room;
	}
}

void
out_putc(int c)
{
	if (outlen == OUT_BUFSIZE)
		out_flush();
	if (out_errno == 0)
		outbuf[outlen++] = (char)c;
}

void
out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void
out_printf(const char *fmt, ...)
{
	char small[256], *big;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		out_write(small, (size_t)n);
		return;
	}
	big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	(void)vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out_write(big, (size_t)n);
	free(big);
}

void
out_line(const struct line *line)
{
	out_write(line->p, line->len);
	if (line->crlf)
		out_putc('\r');
	out_putc('\n');
}

void
out_end_record(void)
{
	if (out_linebuf)
		out_flush();
}

int
out_failed(void)
{
	return out_errno != 0;
}

int
out_close(int ok)
{
	int status = EXIT_OK;

	out_flush();
	if (final_path != NULL) {
		if (out_errno == 0 && close(outfd) != 0)
			out_errno = errno;
		if (ok && out_errno == 0) {
			if (rename(temp_path, final_path) != 0) {
				pwarn_sys("%s", final_path);
				status = EXIT_TROUBLE;
			}
		}
		if (!ok || out_errno != 0 || status != EXIT_OK)
			(void)unlink(temp_path);
		free(temp_path);
		temp_path = NULL;
		free(final_path);
		final_path = NULL;
	}
	if (out_errno == EPIPE)
		return status;
	if (out_errno != 0) {
		errno = out_errno;
		pwarn_sys("write error");
		return EXIT_TROUBLE;
	}
	return status;
}
