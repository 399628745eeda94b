/*
 * prog.c - program name, messages, exit status and strict number parsing.
 */
#include "prog.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *progname = "winnow";
static int trouble;

void
prog_init(int argc, char **argv)
{
	const char *slash;

	if (argc < 1 || argv[0] == NULL || argv[0][0] == '\0')
		return;
	slash = strrchr(argv[0], '/');
	progname = slash != NULL && slash[1] != '\0' ? slash + 1 : argv[0];
	argv[0] = (char *)progname;
}

static void vmessage(int, int, const char *, va_list) PRINTF_LIKE(3, 0);

static void
vmessage(int with_errno, int errnum, const char *fmt, va_list ap)
{
	(void)fflush(stdout);
	(void)fprintf(stderr, "%s: ", progname);
	(void)vfprintf(stderr, fmt, ap);
	if (with_errno)
		(void)fprintf(stderr, ": %s", strerror(errnum));
	(void)fputc('\n', stderr);
}

void
pwarn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(0, 0, fmt, ap);
	va_end(ap);
}

void
pwarn_sys(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vmessage(1, saved, fmt, ap);
	va_end(ap);
}

void
pdie(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(0, 0, fmt, ap);
	va_end(ap);
	exit(EXIT_TROUBLE);
}

void
pdie_sys(const char *fmt, ...)
{
	va_list ap;
	int saved = errno;

	va_start(ap, fmt);
	vmessage(1, saved, fmt, ap);
	va_end(ap);
	exit(EXIT_TROUBLE);
}

void
prog_set_trouble(void)
{
	trouble = 1;
}

int
prog_trouble(void)
{
	return trouble;
}

int
prog_status(int closed, int nomatch)
{
	if (closed != EXIT_OK || prog_trouble())
		return EXIT_TROUBLE;
	return nomatch ? EXIT_NOMATCH : EXIT_OK;
}

void
prog_reset(void)
{
	trouble = 0;
}

const char *
str_to_num(const char *s, long long min, long long max, long long *out)
{
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return "missing number";
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0')
		return "not a whole number";
	if (errno == ERANGE || v < min || v > max)
		return "out of range";
	*out = v;
	return NULL;
}

const char *
str_to_real(const char *s, double min, double max, double *out)
{
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return "missing number";
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || isnan(v))
		return "not a number";
	if (errno == ERANGE || v < min || v > max)
		return "out of range";
	*out = v;
	return NULL;
}

const char *
str_to_size(const char *s, unsigned long long *out)
{
	char *end;
	unsigned long long v, mult = 1;

	if (s == NULL || *s < '0' || *s > '9')
		return "not a size";
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno == ERANGE)
		return "size too large";
	switch (*end) {
	case '\0':
		break;
	case 'k':
	case 'K':
		mult = 1ULL << 10;
		end++;
		break;
	case 'M':
		mult = 1ULL << 20;
		end++;
		break;
	case 'G':
		mult = 1ULL << 30;
		end++;
		break;
	case 'T':
		mult = 1ULL << 40;
		end++;
		break;
	default:
		return "not a size (use K, M, G or T)";
	}
	if (mult > 1 && end[0] == 'i' && end[1] == 'B')
		end += 2;
	else if (end[0] == 'B')
		end++;
	if (*end != '\0')
		return "not a size (use K, M, G or T)";
	if (v > ~0ULL / mult)
		return "size too large";
	*out = v * mult;
	return NULL;
}

/* A bad number on the command line: the message, the usage hint, exit 2. */
static NORETURN void number_error(const char *fmt, ...) PRINTF_LIKE(1, 2);

static void
number_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(0, 0, fmt, ap);
	va_end(ap);
	(void)fprintf(
	    stderr, "Try '%s --help' for more information.\n", progname);
	exit(EXIT_TROUBLE);
}

static NORETURN void
bad_number(const char *what, const char *s, const char *why)
{
	number_error("%s: %s: '%s'", what, why, s == NULL ? "" : s);
}

long long
parse_num(const char *s, long long min, long long max, const char *what)
{
	const char *why;
	long long v = 0;

	why = str_to_num(s, min, max, &v);
	if (why != NULL && strcmp(why, "out of range") == 0)
		number_error("%s: '%s' is out of range (%lld to %lld)", what, s,
		    min, max);
	if (why != NULL)
		bad_number(what, s, why);
	return v;
}

double
parse_real(const char *s, double min, double max, const char *what)
{
	const char *why;
	double v = 0;

	why = str_to_real(s, min, max, &v);
	if (why != NULL && strcmp(why, "out of range") == 0)
		number_error(
		    "%s: '%s' is out of range (%g to %g)", what, s, min, max);
	if (why != NULL)
		bad_number(what, s, why);
	return v;
}

unsigned long long
parse_size(const char *s, const char *what)
{
	const char *why;
	unsigned long long v = 0;

	why = str_to_size(s, &v);
	if (why != NULL)
		bad_number(what, s, why);
	return v;
}
