/*
 * prog.h - the program's name, its messages and its exit status.
 *
 * Every message winnow prints goes through here, so that all of them read
 * "NAME: context: message" on stderr, and so that the exit status follows
 * grep: 0 success, 1 nothing found (only under -q), 2 trouble.
 */
#ifndef WINNOW_PROG_H
#define WINNOW_PROG_H

#include <stddef.h>

#define EXIT_OK 0      /* success, also when nothing was found */
#define EXIT_NOMATCH 1 /* -q and nothing found */
#define EXIT_TROUBLE 2 /* usage, read, write, pattern or memory error */

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(f, a)
#define NORETURN
#endif

/* The program's name: the basename of argv[0], set by prog_init(). */
extern const char *progname;

/*
 * Set progname from argv[0] and replace argv[0] by it, so that getopt's own
 * messages also begin with the bare name.  Call first thing in main().
 */
void prog_init(int argc, char **argv);

/* Print "NAME: " and the formatted message and a newline on stderr. */
void pwarn(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Like pwarn(), then ": " and strerror(errno). */
void pwarn_sys(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* pwarn(), then exit(EXIT_TROUBLE). */
NORETURN void pdie(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* pwarn_sys(), then exit(EXIT_TROUBLE). */
NORETURN void pdie_sys(const char *fmt, ...) PRINTF_LIKE(1, 2);

/*
 * Remember that something went wrong (an unreadable file, a line that had
 * to be skipped), so that the run ends with EXIT_TROUBLE even though it
 * went on.  prog_trouble() tells whether that happened.
 */
void prog_set_trouble(void);
int prog_trouble(void);

/*
 * The exit status of a run, grep's rule, for the end of main():
 * EXIT_TROUBLE when closed (what out_close() returned) is not EXIT_OK or
 * prog_trouble() says something went wrong, even if amounts were found;
 * else EXIT_NOMATCH when nomatch (-q and nothing found); else EXIT_OK.
 * Call it with out_close() as its first argument, so that a write error
 * at the close counts:
 *	return prog_status(out_close(!prog_trouble()), common.quiet && !found);
 */
int prog_status(int closed, int nomatch);

/*
 * The parsers behind parse_num(), parse_real() and parse_size(): they
 * return NULL and store the value on success, or return a short reason
 * ("not a whole number", "out of range") and store nothing.
 */
const char *str_to_num(
    const char *s, long long min, long long max, long long *out);
const char *str_to_real(const char *s, double min, double max, double *out);
const char *str_to_size(const char *s, unsigned long long *out);

/*
 * Forget recorded trouble.  For harnesses (the fuzz targets) that run a
 * filter's main() more than once in one process.
 */
void prog_reset(void);

/*
 * Parse the whole of s as a decimal integer in [min, max].  On junk or a
 * value out of range, print "NAME: OPTION: ..." and a usage hint and exit
 * with EXIT_TROUBLE: numbers come from the command line, so a bad one is a
 * usage error.  what names the option for the message.
 */
long long parse_num(
    const char *s, long long min, long long max, const char *what);

/*
 * Parse s as a decimal fraction in [min, max] (e.g. "0.8"); same error
 * handling as parse_num().
 */
double parse_real(const char *s, double min, double max, const char *what);

/*
 * Parse a size: a whole number with an optional suffix K, M, G or T
 * (powers of 1024; a trailing "B" or "iB" is accepted, "k" too).  Same
 * error handling as parse_num().  Returns bytes.
 */
unsigned long long parse_size(const char *s, const char *what);

#endif
