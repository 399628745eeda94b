/*
 * rx.h - the pcre2 wrapper: the only file that includes pcre2.h.
 *
 * Patterns are compiled once, with PCRE2_UTF | PCRE2_MATCH_INVALID_UTF so
 * that broken bytes in scraped text never abort a match, and JIT-compiled
 * when the JIT is available (failure falls back to the interpreter): at
 * once, or with RX_LAZYJIT once the pattern has been searched a few
 * times.  Each compiled pattern owns one match-data block, reused for
 * every subject.
 * Subjects are (pointer, length): NUL bytes are ordinary characters.
 *
 * WINNOW_NO_JIT=1 in the environment turns the JIT off (for valgrind).
 * A pattern searched with rx_search_anchored() runs in the interpreter:
 * pcre2's JIT does not take PCRE2_ANCHORED at match time, so a filter
 * that matches at one place often anchors inside the pattern instead.
 *
 * Matching runs under limits (match and depth limits, a JIT stack of at
 * most 1 MiB), so that a pattern that backtracks catastrophically returns
 * RX_ELIMIT instead of hanging; the caller reports it and goes on.
 */
#ifndef WINNOW_RX_H
#define WINNOW_RX_H

#include <stddef.h>

struct rx;

/* Compile flags. */
#define RX_CASELESS 0x1u /* Unicode caseless matching */
#define RX_UCP 0x2u      /* \w \d \b and POSIX classes use Unicode */
#define RX_EXTENDED 0x4u /* ignore white space and # comments */
#define RX_NOJIT 0x8u    /* no JIT: a pattern compiled only to check it */
/*
 * JIT-compile the pattern only once it has been searched RX_LAZY_RUNS
 * times; until then the interpreter runs it.  For a filter with many
 * patterns of which a run may use a few, a few times: pcre2's JIT
 * compiler costs about as much as 60 to 100 interpreted searches of a
 * line (declutter's rules: 0.37M instructions a pattern), so a rule
 * used on three lines of a page is cheaper interpreted, and one used on
 * every line is compiled early.  The matches are the same either way.
 */
#define RX_LAZYJIT 0x10u
#define RX_LAZY_RUNS 16

/* Match results below zero. */
#define RX_ELIMIT (-1) /* a match, depth, heap or JIT stack limit hit */
#define RX_EERROR (-2) /* any other matching error */

/*
 * Compile pattern[0..len).  On error, return NULL and write
 * "MESSAGE at offset N" into err (errsize bytes).
 */
struct rx *rx_compile(
    const char *pattern, size_t len, unsigned flags, char *err, size_t errsize);

/*
 * Compile or die: on error print "NAME: what: MESSAGE at offset N" and
 * exit 2.  For built-in patterns and command-line patterns alike.
 */
struct rx *rx_compile_or_die(
    const char *pattern, unsigned flags, const char *what);

/*
 * Look for a match in subj[0..len) starting at byte offset start.
 * Returns the number of captured pairs set (>= 1) on a match, 0 for no
 * match, RX_ELIMIT or RX_EERROR.  After a match, rx_ovector() gives the
 * offsets: ov[0], ov[1] for the whole match, ov[2k], ov[2k+1] for group k
 * (both RX_UNSET for a group that did not take part).
 */
int rx_search(struct rx *r, const char *subj, size_t len, size_t start);

/* Like rx_search(), but the match must start exactly at start. */
int rx_search_anchored(
    struct rx *r, const char *subj, size_t len, size_t start);

#define RX_UNSET ((size_t)-1)

/* The offsets of the last match; valid until the next search with r. */
const size_t *rx_ovector(const struct rx *r);

/* Number of capturing groups in the pattern. */
unsigned rx_groups(const struct rx *r);

/*
 * The bytes a match of r can start with, as pcre2 worked them out when it
 * compiled r (its first code unit or its start bitmap): bit b of set[b / 8]
 * for byte b; an ASCII letter in both cases.  Returns 1, or 0 when pcre2
 * does not know (the pattern can start with anything or is anchored).  For
 * tests of an analysis that must agree with pcre2's.
 */
int rx_start_bytes(const struct rx *r, unsigned char set[32]);

/*
 * Iterate over all non-overlapping matches of r in a subject:
 *
 *	struct rx_iter it;
 *	rx_iter_init(&it);
 *	while ((rc = rx_iter_next(r, subj, len, &it)) > 0)
 *		use rx_ovector(r);
 *	if (rc < 0) ... limit or error
 *
 * An empty match is retried at the same offset as a non-empty anchored
 * match; failing that, the search moves on by one character (a whole
 * UTF-8 sequence, or one invalid byte).  Works on pcre2 10.42, which has
 * no pcre2_next_match().
 */
struct rx_iter {
	size_t pos;      /* where the next search starts */
	int after_empty; /* the last match was empty, at pos */
	int done;
};
void rx_iter_init(struct rx_iter *it);
int rx_iter_next(
    struct rx *r, const char *subj, size_t len, struct rx_iter *it);

/* A one-line description of the last RX_ELIMIT / RX_EERROR result. */
const char *rx_error_string(int rc);

/* Release r and its match data. */
void rx_free(struct rx *r);

#endif
