/* Unit tests of lib/rx: all-matches iteration, empty matches, limits. */
#include <string.h>

#include "rx.h"
#include "unit.h"

static int
count_matches(
    const char *pat, const char *subj, size_t len, char *spans, size_t cap)
{
	struct rx *r = rx_compile_or_die(pat, 0, "test");
	struct rx_iter it;
	int n = 0, rc;
	size_t used = 0;

	spans[0] = '\0';
	rx_iter_init(&it);
	while ((rc = rx_iter_next(r, subj, len, &it)) > 0) {
		const size_t *ov = rx_ovector(r);

		used += (size_t)snprintf(
		    spans + used, cap - used, "[%zu,%zu)", ov[0], ov[1]);
		n++;
	}
	rx_free(r);
	return rc < 0 ? rc : n;
}

int
main(void)
{
	char spans[256], err[300];
	struct rx *r;
	int n;

	n = count_matches("a*", "baaac", 5, spans, sizeof(spans));
	test_cond("rx: empty matches advance one character",
	    n == 4 && strcmp(spans, "[0,0)[1,4)[4,4)[5,5)") == 0);
	n = count_matches("x*", "\xc3\xa9", 2, spans, sizeof(spans));
	test_cond("rx: empty match steps over a whole UTF-8 character",
	    n == 2 && strcmp(spans, "[0,0)[2,2)") == 0);
	n = count_matches("b",
	    "a\xff"
	    "b\x80"
	    "b",
	    5, spans, sizeof(spans));
	test_cond("rx: invalid UTF-8 does not stop matching",
	    n == 2 && strcmp(spans, "[2,3)[4,5)") == 0);
	n = count_matches("o", "f\0o\0o", 5, spans, sizeof(spans));
	test_cond("rx: NUL bytes are ordinary", n == 2);
	r = rx_compile("(unclosed", 9, 0, err, sizeof(err));
	test_cond("rx: compile error names the offset",
	    r == NULL && strstr(err, "at offset 9") != NULL);
	{
		char subj[64];
		memset(subj, 'a', 40);
		subj[40] = 'b';
		r = rx_compile_or_die("^(a|a?)+$", 0, "test");
		n = rx_search(r, subj, 41, 0);
		test_cond("rx: catastrophic backtracking hits the limit",
		    n == RX_ELIMIT);
		rx_free(r);
	}
	r = rx_compile_or_die("(\\w+)@(x)?", 0, "test");
	n = rx_search(r, "hi bob@y", 8, 0);
	test_cond("rx: groups and unset groups",
	    n >= 2 && rx_ovector(r)[2] == 3 && rx_ovector(r)[3] == 6);
	rx_free(r);
	{
		/* RX_LAZYJIT: the same answers before the JIT (interpreted
		 * runs) and after it (run RX_LAZY_RUNS on). */
		int i, same = 1;

		r = rx_compile_or_die("^(?:read|see) (more|also)\\b",
		    RX_CASELESS | RX_LAZYJIT, "test");
		for (i = 0; i < 3 * RX_LAZY_RUNS; i++) {
			n = rx_search(r, i % 2 ? "See also: x" : "Seen also",
			    11 - 2 * (i % 2 == 0), 0);
			if (i % 2 ? n != 2 || rx_ovector(r)[3] != 8 : n != 0)
				same = 0;
		}
		test_cond(
		    "rx: lazy JIT matches the same before and after", same);
		rx_free(r);
	}
	return test_report();
}
