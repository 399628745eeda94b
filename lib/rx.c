/*
 * rx.c - compile once, JIT, reuse match data, iterate all matches.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * Limits that stop a runaway pattern in well under a second while leaving
 * room for any sane pattern on a long line.
 */
#define RX_MATCH_LIMIT 5000000
#define RX_DEPTH_LIMIT 10000
#define RX_HEAP_LIMIT (64 * 1024) /* KiB */
#define RX_JIT_STACK_MIN ((size_t)32 * 1024)
#define RX_JIT_STACK_MAX ((size_t)1024 * 1024)

struct rx {
	pcre2_code *code;
	pcre2_match_data *md;
	size_t ov[2]; /* placeholder for a failed match */
	unsigned groups;
	unsigned lazy; /* RX_LAZYJIT: searches left before the JIT, or 0 */
	int jit;       /* JIT-compiled: searches take pcre2's fast path */
};

static pcre2_match_context *mctx;
static pcre2_jit_stack *jit_stack;
static int last_error;

static void
rx_context_init(void)
{
	if (mctx != NULL)
		return;
	mctx = pcre2_match_context_create(NULL);
	if (mctx == NULL)
		pdie("out of memory");
	(void)pcre2_set_match_limit(mctx, RX_MATCH_LIMIT);
	(void)pcre2_set_depth_limit(mctx, RX_DEPTH_LIMIT);
	(void)pcre2_set_heap_limit(mctx, RX_HEAP_LIMIT);
	jit_stack =
	    pcre2_jit_stack_create(RX_JIT_STACK_MIN, RX_JIT_STACK_MAX, NULL);
	if (jit_stack != NULL)
		pcre2_jit_stack_assign(mctx, NULL, jit_stack);
}

/*
 * WINNOW_NO_JIT=1 in the environment turns the JIT off: `make valgrind`
 * sets it, since valgrind cannot follow the JIT's generated code and
 * reports its reads as uninitialised.  Matching is the same, only slower.
 */
static int
jit_disabled(void)
{
	static int state = -1;
	const char *env;

	if (state < 0) {
		env = getenv("WINNOW_NO_JIT");
		state = env != NULL && *env != '\0' && *env != '0';
	}
	return state;
}

struct rx *
rx_compile(
    const char *pattern, size_t len, unsigned flags, char *err, size_t errsize)
{
	uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	int errcode;
	struct rx *r;
	uint32_t capture_count = 0;

	if (flags & RX_CASELESS)
		options |= PCRE2_CASELESS;
	if (flags & RX_UCP)
		options |= PCRE2_UCP;
	if (flags & RX_EXTENDED)
		options |= PCRE2_EXTENDED;
	rx_context_init();
	r = xcalloc(1, sizeof(*r));
	r->code = pcre2_compile(
	    (PCRE2_SPTR)pattern, len, options, &errcode, &erroff, NULL);
	if (r->code == NULL) {
		if (pcre2_get_error_message(errcode, msg, sizeof(msg)) < 0)
			(void)snprintf(
			    (char *)msg, sizeof(msg), "error %d", errcode);
		if (erroff > len)
			erroff = len;
		(void)snprintf(err, errsize, "%s at offset %zu", (char *)msg,
		    (size_t)erroff);
		free(r);
		return NULL;
	}
	/* Best effort: without the JIT the interpreter does the work. */
	if (!(flags & RX_NOJIT) && !jit_disabled()) {
		if (flags & RX_LAZYJIT)
			r->lazy = RX_LAZY_RUNS; /* rx_run() compiles it */
		else
			r->jit =
			    pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0;
	}
	r->md = pcre2_match_data_create_from_pattern(r->code, NULL);
	if (r->md == NULL)
		pdie("out of memory");
	(void)pcre2_pattern_info(
	    r->code, PCRE2_INFO_CAPTURECOUNT, &capture_count);
	r->groups = capture_count;
	return r;
}

struct rx *
rx_compile_or_die(const char *pattern, unsigned flags, const char *what)
{
	char err[300];
	struct rx *r;

	r = rx_compile(pattern, strlen(pattern), flags, err, sizeof(err));
	if (r == NULL)
		pdie("%s: %s", what, err);
	return r;
}

static int
rx_run(
    struct rx *r, const char *subj, size_t len, size_t start, uint32_t options)
{
	int rc;
	PCRE2_SIZE *ov;

	if (start > len)
		return 0;
	if (r->lazy > 0 && --r->lazy == 0)
		r->jit = pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE) == 0;
	/*
	 * pcre2_jit_match() is pcre2_match() without its checks of the
	 * arguments, which are ours; the JIT does not take PCRE2_ANCHORED,
	 * so an anchored search goes through pcre2_match() to the
	 * interpreter, as it always did.  (A NULL subject, an empty buffer,
	 * gets pcre2_match()'s answer too.)
	 */
	if (r->jit && options == 0 && subj != NULL)
		rc = pcre2_jit_match(r->code, (PCRE2_SPTR)subj, len, start,
		    options, r->md, mctx);
	else
		rc = pcre2_match(r->code, (PCRE2_SPTR)subj, len, start, options,
		    r->md, mctx);
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return 0;
	if (rc < 0) {
		last_error = rc;
		switch (rc) {
		case PCRE2_ERROR_MATCHLIMIT:
		case PCRE2_ERROR_DEPTHLIMIT:
		case PCRE2_ERROR_HEAPLIMIT:
		case PCRE2_ERROR_JIT_STACKLIMIT:
		case PCRE2_ERROR_NOMEMORY:
			return RX_ELIMIT;
		default:
			return RX_EERROR;
		}
	}
	ov = pcre2_get_ovector_pointer(r->md);
	/* \K in a lookahead can set a start past the end: not a match we
	 * can report. */
	if (ov[0] > ov[1]) {
		last_error = PCRE2_ERROR_BADOFFSET;
		return RX_EERROR;
	}
	return rc == 0 ? (int)r->groups + 1 : rc;
}

int
rx_search(struct rx *r, const char *subj, size_t len, size_t start)
{
	return rx_run(r, subj, len, start, 0);
}

int
rx_search_anchored(struct rx *r, const char *subj, size_t len, size_t start)
{
	return rx_run(r, subj, len, start, PCRE2_ANCHORED);
}

const size_t *
rx_ovector(const struct rx *r)
{
	return pcre2_get_ovector_pointer(r->md);
}

unsigned
rx_groups(const struct rx *r)
{
	return r->groups;
}

int
rx_start_bytes(const struct rx *r, unsigned char set[32])
{
	uint32_t type = 0, unit = 0;
	const uint8_t *map = NULL;

	memset(set, 0, 32);
	if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0)
		return 0;
	if (type == 1) {
		if (pcre2_pattern_info(
			r->code, PCRE2_INFO_FIRSTCODEUNIT, &unit) != 0 ||
		    unit > 255)
			return 0;
		set[unit >> 3] |= (unsigned char)(1u << (unit & 7));
		/* pcre2 does not say whether the unit is caseless: an ASCII
		 * letter gets its other case too. */
		if ((unit | 0x20) >= 'a' && (unit | 0x20) <= 'z')
			unit ^= 0x20;
		set[unit >> 3] |= (unsigned char)(1u << (unit & 7));
		return 1;
	}
	if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &map) != 0 ||
	    map == NULL)
		return 0;
	memcpy(set, map, 32);
	return 1;
}

void
rx_iter_init(struct rx_iter *it)
{
	it->pos = 0;
	it->after_empty = 0;
	it->done = 0;
}

int
rx_iter_next(struct rx *r, const char *subj, size_t len, struct rx_iter *it)
{
	const size_t *ov;
	uint32_t cp;
	int rc;

	if (it->done)
		return 0;
	if (it->after_empty) {
		/* The same place again, but not empty this time. */
		rc = rx_run(r, subj, len, it->pos,
		    PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED);
		if (rc == 0) {
			if (it->pos >= len) {
				it->done = 1;
				return 0;
			}
			it->pos +=
			    utf8_decode((const unsigned char *)subj + it->pos,
				len - it->pos, &cp);
			rc = rx_run(r, subj, len, it->pos, 0);
		}
	} else {
		rc = rx_run(r, subj, len, it->pos, 0);
	}
	if (rc <= 0) {
		it->done = 1;
		return rc;
	}
	ov = rx_ovector(r);
	it->after_empty = ov[0] == ov[1];
	it->pos = ov[1];
	return rc;
}

const char *
rx_error_string(int rc)
{
	static char msg[256];

	(void)rc;
	if (pcre2_get_error_message(
		last_error, (PCRE2_UCHAR *)msg, sizeof(msg)) < 0)
		(void)snprintf(
		    msg, sizeof(msg), "matching error %d", last_error);
	return msg;
}

void
rx_free(struct rx *r)
{
	if (r == NULL)
		return;
	pcre2_match_data_free(r->md);
	pcre2_code_free(r->code);
	free(r);
}
