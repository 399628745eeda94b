/*
 * output.c - buffered output, write errors, and the targets (-o FILE,
 * --seen=FILE) replaced together when the run succeeded.
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

#include "color.h"
#include "prog.h"
#include "xalloc.h"

#define OUT_BUFSIZE ((size_t)64 * 1024)

static char outbuf[OUT_BUFSIZE];
static size_t outlen;
static int outfd = STDOUT_FILENO;
static int out_linebuf;
static int out_errno; /* first write error, 0 if none */

/* ---- targets ---- */

/* -o and --seen: a few at most. */
#define MAX_TARGETS 8

struct target {
	char *final; /* the file to replace; NULL: written directly */
	int fd;      /* open for writing until target_close(), else -1 */
	int failed;  /* a write, fsync or close failed: never commit it */
};
static struct target targets[MAX_TARGETS];
static size_t ntargets;

/*
 * The temporary files, for the signal handler: a slot is set only while
 * its file exists.  busy says the main flow is changing them (or renaming
 * them into place): a signal that arrives then is only noted, and acted
 * on when the change is complete, so a commit is never cut in half.
 */
static char *volatile temp_name[MAX_TARGETS];
static volatile sig_atomic_t busy, deferred_sig;

static const int fatal_signals[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE,
    SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF};
static int handlers_installed;

static void
remove_temps(void)
{
	size_t i;

	for (i = 0; i < MAX_TARGETS; i++)
		if (temp_name[i] != NULL)
			(void)unlink(temp_name[i]);
}

static void
die_of(int sig)
{
	struct sigaction sa;

	remove_temps();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigemptyset(&sa.sa_mask);
	(void)sigaction(sig, &sa, NULL);
	(void)raise(sig);
}

static void
on_fatal_signal(int sig)
{
	if (busy) {
		deferred_sig = sig;
		return;
	}
	die_of(sig);
}

/*
 * Catch the fatal signals that are at their default action.  One ignored
 * when the program started stays ignored: `nohup filter -o out` must
 * survive SIGHUP as `nohup filter >out` does.  One that already has a
 * handler keeps it: a harness that runs the filter (libFuzzer's timer on
 * SIGALRM) owns that signal.
 */
static void
install_handlers(void)
{
	struct sigaction sa, old;
	size_t i;

	if (handlers_installed)
		return;
	handlers_installed = 1;
	/* A run that dies with a message (out of memory) leaves through
	 * exit(): no temporary file either. */
	(void)atexit(remove_temps);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal;
	(void)sigfillset(&sa.sa_mask);
	for (i = 0; i < sizeof(fatal_signals) / sizeof(fatal_signals[0]); i++) {
		if (sigaction(fatal_signals[i], NULL, &old) != 0 ||
		    (old.sa_flags & SA_SIGINFO) != 0 ||
		    old.sa_handler != SIG_DFL)
			continue;
		(void)sigaction(fatal_signals[i], &sa, NULL);
	}
}

static void
enter_busy(void)
{
	busy = 1;
}

/* The end of a change: a signal that came meanwhile takes effect now. */
static void
leave_busy(void)
{
	busy = 0;
	if (deferred_sig != 0)
		die_of(deferred_sig);
}

/*
 * The descriptor a name of the process's own descriptors stands for
 * (/dev/stdout is 1, /dev/fd/5 is 5), or -1 for any other name.
 */
static int
fd_name(const char *path)
{
	static const char *const dirs[] = {"/dev/fd/", "/proc/self/fd/"};
	const char *p = NULL;
	long n = 0;
	size_t i;

	if (strcmp(path, "/dev/stdin") == 0)
		return 0;
	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (strncmp(path, dirs[i], strlen(dirs[i])) == 0)
			p = path + strlen(dirs[i]);
	if (p == NULL || *p == '\0')
		return -1;
	for (; *p >= '0' && *p <= '9' && n < 1000000; p++)
		n = n * 10 + (*p - '0');
	return *p == '\0' ? (int)n : -1;
}

/*
 * Follow path through symbolic links to the name of the file they end at
 * (which need not exist yet).  Returns it, allocated, or NULL with errno
 * set (ELOOP after 40 links).
 */
static char *
resolve_links(const char *path)
{
	char *p = xstrdup(path), *link, *np, *slash;
	struct stat st;
	ssize_t n;
	size_t dirlen;
	int hops;

	for (hops = 0; hops < 40; hops++) {
		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
			return p;
		link = xmalloc((size_t)st.st_size + 2);
		n = readlink(p, link, (size_t)st.st_size + 1);
		if (n < 0 || n > st.st_size) {
			/* Gone or changed meanwhile: use the name as it is. */
			free(link);
			return p;
		}
		link[n] = '\0';
		slash = strrchr(p, '/');
		if (link[0] == '/' || slash == NULL) {
			np = link;
		} else {
			dirlen = (size_t)(slash - p) + 1;
			np = xmalloc(dirlen + (size_t)n + 1);
			memcpy(np, p, dirlen);
			memcpy(np + dirlen, link, (size_t)n + 1);
			free(link);
		}
		free(p);
		p = np;
	}
	free(p);
	errno = ELOOP;
	return NULL;
}

/*
 * Create an empty temporary file beside path: ".NAME.XXXXXX" in the same
 * folder, so that rename(2) over path is atomic, with NAME cut to 40
 * bytes so that the temporary name fits where path's does (a name can
 * have 255 bytes).  It gets path's mode, owner and group when path exists,
 * else the mode a new file would get.  Returns its descriptor and stores
 * its name, allocated, in *tmp; or returns -1 with errno set.
 */
static int
temp_beside(const char *path, char **tmp_out)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash == NULL ? 0 : (size_t)(slash - path) + 1;
	size_t baselen = strlen(path + dirlen), n;
	char *tmp;
	mode_t mask;
	struct stat st;
	int fd, saved;

	if (baselen > 40)
		baselen = 40;
	n = dirlen + baselen + 10;
	tmp = xmalloc(n);
	(void)snprintf(tmp, n, "%.*s.%.*s.XXXXXX", (int)dirlen, path,
	    (int)baselen, path + dirlen);
	fd = mkstemp(tmp);
	if (fd < 0) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (stat(path, &st) == 0) {
		/* The owner first: changing it may clear set-id bits. */
		(void)fchown(fd, st.st_uid, st.st_gid);
		(void)fchmod(fd, st.st_mode & 07777);
	} else {
		mask = umask(0);
		(void)umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	*tmp_out = tmp;
	return fd;
}

int
target_open(const char *path)
{
	struct target *t;
	struct stat st;
	char *final, *tmp;
	int fd, n, saved;

	if (ntargets == MAX_TARGETS) {
		errno = EMFILE;
		return -1;
	}
	t = &targets[ntargets];
	memset(t, 0, sizeof(*t));
	n = fd_name(path);
	if (n >= 0) {
		fd = dup(n);
		if (fd < 0)
			return -1;
		t->fd = fd;
		ntargets++;
		return fd;
	}
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device, FIFO or socket is written, never replaced (a
		 * directory fails here with EISDIR). */
		do {
			fd = open(path, O_WRONLY | O_NOCTTY);
		} while (fd < 0 && errno == EINTR);
		if (fd < 0)
			return -1;
		t->fd = fd;
		ntargets++;
		return fd;
	}
	final = resolve_links(path);
	if (final == NULL)
		return -1;
	install_handlers();
	enter_busy();
	fd = temp_beside(final, &tmp);
	if (fd < 0) {
		saved = errno;
		free(final);
		leave_busy();
		errno = saved;
		return -1;
	}
	t->fd = fd;
	t->final = final;
	temp_name[ntargets] = tmp;
	ntargets++;
	leave_busy();
	return fd;
}

int
target_close(int fd, int sync)
{
	size_t i;
	int r = 0, saved;

	for (i = 0; i < ntargets && targets[i].fd != fd; i++)
		;
	if (fd < 0 || i == ntargets) {
		errno = EBADF;
		return -1;
	}
	if (sync && targets[i].final != NULL && fsync(fd) != 0)
		r = -1;
	saved = errno;
	if (close(fd) != 0 && r == 0) {
		r = -1;
		saved = errno;
	}
	targets[i].fd = -1;
	if (r != 0)
		targets[i].failed = 1;
	errno = saved;
	return r;
}

int
out_commit(int ok)
{
	struct target *t;
	int status = EXIT_OK;
	size_t i;
	char *tmp;

	/* Descriptors the caller left open: a failed path ended early. */
	for (i = 0; i < ntargets; i++) {
		if (targets[i].fd >= 0) {
			(void)close(targets[i].fd);
			targets[i].fd = -1;
			targets[i].failed = 1;
		}
	}
	/* All or nothing: one failed target keeps every file as it was. */
	for (i = 0; i < ntargets; i++)
		if (targets[i].failed)
			ok = 0;
	enter_busy();
	for (i = 0; i < ntargets; i++) {
		t = &targets[i];
		tmp = temp_name[i];
		if (tmp == NULL)
			continue;
		if (ok && status == EXIT_OK) {
			if (rename(tmp, t->final) != 0) {
				pwarn_sys("%s", t->final);
				status = EXIT_TROUBLE;
				(void)unlink(tmp);
			}
		} else {
			(void)unlink(tmp);
		}
		temp_name[i] = NULL;
		free(tmp);
		free(t->final);
		t->final = NULL;
	}
	ntargets = 0;
	leave_busy();
	return status;
}

/* ---- the output ---- */

void
out_open(const char *path, int line_buffered)
{
	outfd = STDOUT_FILENO;
	outlen = 0;
	out_errno = 0;
	if (path != NULL && strcmp(path, "-") != 0) {
		outfd = target_open(path);
		if (outfd < 0)
			pdie_sys("%s", path);
	}
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

char *
out_room(size_t n)
{
	if (n > OUT_BUFSIZE - outlen)
		out_flush();
	return out_errno != 0 ? NULL : outbuf + outlen;
}

void
out_wrote(size_t k)
{
	outlen += k;
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
out_highlight(const struct line *line, const struct out_span *spans, size_t n)
{
	size_t i, pos = 0;

	for (i = 0; i < n; i++) {
		if (spans[i].beg < pos || spans[i].end > line->len)
			continue;
		out_write(line->p + pos, spans[i].beg - pos);
		out_puts(spans[i].sgr);
		out_write(line->p + spans[i].beg, spans[i].end - spans[i].beg);
		out_puts(SGR_RESET);
		pos = spans[i].end;
	}
	out_write(line->p + pos, line->len - pos);
	out_puts(line->crlf ? "\r\n" : "\n");
	out_end_record();
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
out_end(void)
{
	out_flush();
	if (outfd != STDOUT_FILENO) {
		if (target_close(outfd, 0) != 0 && out_errno == 0)
			out_errno = errno;
		outfd = STDOUT_FILENO;
	}
	if (out_errno == EPIPE)
		return EXIT_OK;
	if (out_errno != 0) {
		errno = out_errno;
		pwarn_sys("write error");
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

int
out_close(int ok)
{
	int status = out_end(), commit;

	commit = out_commit(ok && out_errno == 0);
	return status != EXIT_OK ? status : commit;
}

/* ---- outputs that must not be inputs or each other ---- */

/*
 * What makes two names the same file: an existing regular file is its
 * device and inode; a name not yet taken is its folder's and its last
 * component.  Names of other things (devices, FIFOs) are not compared.
 */
struct ident {
	int kind; /* 0: not compared, 1: inode, 2: folder and name */
	dev_t dev;
	ino_t ino;
	char *base;
};

static void
ident_of(const char *path, int is_input, struct ident *id)
{
	struct stat st;
	char *final, *slash;
	int n, r;

	memset(id, 0, sizeof(*id));
	n = is_input ? (strcmp(path, "-") == 0 ? 0 : -1) : fd_name(path);
	r = n >= 0 ? fstat(n, &st) : stat(path, &st);
	if (r == 0) {
		if (S_ISREG(st.st_mode)) {
			id->kind = 1;
			id->dev = st.st_dev;
			id->ino = st.st_ino;
		}
		return;
	}
	if (is_input || errno != ENOENT ||
	    (final = resolve_links(path)) == NULL)
		return;
	slash = strrchr(final, '/');
	if (slash == NULL)
		r = stat(".", &st);
	else if (slash == final)
		r = stat("/", &st);
	else {
		*slash = '\0';
		r = stat(final, &st);
		*slash = '/';
	}
	if (r == 0) {
		id->kind = 2;
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->base = xstrdup(slash == NULL ? final : slash + 1);
	}
	free(final);
}

static int
ident_same(const struct ident *a, const struct ident *b)
{
	return a->kind != 0 && a->kind == b->kind && a->dev == b->dev &&
	    a->ino == b->ino && (a->kind == 1 || strcmp(a->base, b->base) == 0);
}

static struct claim {
	const char *opt, *path;
	struct ident id;
} claims[MAX_TARGETS];
static size_t nclaims;

void
out_reset(void)
{
	/* Targets of an earlier run of main() in this process that left
	 * through exit() (the fuzz harness turns exit() into longjmp). */
	if (ntargets > 0)
		(void)out_commit(0);
	while (nclaims > 0)
		free(claims[--nclaims].id.base);
}

void
out_claim(const char *opt, const char *path)
{
	struct ident id;
	size_t i;

	ident_of(path, 0, &id);
	for (i = 0; i < nclaims; i++) {
		if (ident_same(&claims[i].id, &id)) {
			free(id.base);
			pdie("%s %s and %s %s name the same file",
			    claims[i].opt, claims[i].path, opt, path);
		}
	}
	if (nclaims == MAX_TARGETS) {
		free(id.base);
		return;
	}
	claims[nclaims].opt = opt;
	claims[nclaims].path = path;
	claims[nclaims].id = id;
	nclaims++;
}

void
out_check_input(const char *name)
{
	struct ident id;
	size_t i;

	if (nclaims == 0)
		return;
	ident_of(name, 1, &id);
	for (i = 0; i < nclaims; i++)
		if (ident_same(&claims[i].id, &id))
			pdie("%s: input and output (%s) are the same file",
			    strcmp(name, "-") == 0 ? "(standard input)" : name,
			    claims[i].opt);
}
