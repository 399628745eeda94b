/*
 * Unit tests of declutter's pattern analysis (filters/declutter/rules.c,
 * over lib/rxlit): for every built-in rule, the bytes a match can start
 * with, as worked out from the pattern's text, include every byte pcre2
 * itself says a match can start with; and on every line of the project's
 * labelled pages and samples, each rule that matches at the line's start
 * matches with a first byte (and second byte) of its computed sets.
 *
 * The filter's parts are compiled in (its main renamed), as one
 * translation unit, the way the Makefile builds it.
 */
#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"

int declutter_main(int argc, char **argv);
#define main declutter_main
#include "declutter.c"
#undef main

#include "rx.h"

static int
in_set(const struct byteset *s, unsigned char c)
{
	return (s->w[c >> 6] >> (c & 63)) & 1;
}

/*
 * The built-in rules are not compiled when they are loaded: each compiles,
 * alone and joined as the buckets join it (a problem would stop this test
 * with FILE:LINE), and its groups counted from its text are pcre2's count.
 */
static void
test_builtin_compile(void)
{
	size_t i, len, bad = 0;
	char err[300];

	for (i = 0; i < rules.n; i++) {
		const struct rule *r = rule_at((int)i);
		const char *pat = rule_pattern(r, &len);
		struct rx *rx = rx_compile(
		    pat, len, RX_CASELESS | RX_NOJIT, err, sizeof(err));

		if (rx == NULL) {
			printf("rule %s: %s\n", r->why, err);
			bad++;
			continue;
		}
		if (rx_groups(rx) != rule_groups(r)) {
			printf("rule %s: %u groups, counted %u\n", r->why,
			    rx_groups(rx), rule_groups(r));
			bad++;
		}
		rx_free(rx);
		rule_check_joined(r->file, r->lineno, r);
	}
	test_cond("declutter: built-in rules compile, alone and joined, "
		  "with the groups counted",
	    bad == 0);
}

/* pcre2's start bytes of each rule are among ours. */
static void
test_against_pcre2(void)
{
	size_t i, len, known = 0, bad = 0;
	unsigned char set[32];
	char err[300];
	unsigned b;

	for (i = 0; i < rules.n; i++) {
		const struct rule *r = rule_at((int)i);
		const char *pat = rule_pattern(r, &len);
		struct buf b2 = BUF_INIT;
		struct rx *rx;
		struct byteset first, second;

		buf_adds(&b2, "(?:");
		buf_add(&b2, pat, len);
		buf_adds(&b2, ")");
		rx = rx_compile(
		    b2.p, b2.len, RX_CASELESS | RX_NOJIT, err, sizeof(err));
		buf_free(&b2);
		if (rx == NULL) {
			bad++;
			continue;
		}
		/* Every rule, not only those declutter asks of. */
		rule_first_bytes(pat, len, &first, &second);
		if (rx_start_bytes(rx, set)) {
			known++;
			for (b = 0; b < 256; b++)
				if (((set[b >> 3] >> (b & 7)) & 1) &&
				    !in_set(&first, (unsigned char)b)) {
					printf("rule %s: pcre2 starts with "
					       "byte 0x%02x, the analysis "
					       "not\n",
					    r->why, b);
					bad++;
					break;
				}
		}
		rx_free(rx);
	}
	printf("(pcre2 knew the start bytes of %zu of %zu rules)\n", known,
	    rules.n);
	test_cond(
	    "declutter: start bytes include pcre2's, every rule", bad == 0);
	test_cond("declutter: pcre2 knew some rules' start bytes", known > 20);
}

/* Every match on real-looking lines starts with bytes of the sets. */
static void
test_on_lines(int argc, char **argv)
{
	size_t i, len, lines = 0, matches = 0, bad = 0;
	int a;
	char err[300];
	struct rx **rxs = xcalloc(rules.n, sizeof(*rxs));
	struct byteset *first = xcalloc(rules.n, sizeof(*first));
	struct byteset *second = xcalloc(rules.n, sizeof(*second));

	for (i = 0; i < rules.n; i++) {
		const struct rule *r = rule_at((int)i);
		const char *pat = rule_pattern(r, &len);
		struct buf b2 = BUF_INIT;

		rule_first_bytes(pat, len, &first[i], &second[i]);

		buf_adds(&b2, r->kind == KIND_ANY ? "(?:" : "^(?:");
		buf_add(&b2, pat, len);
		buf_adds(&b2, ")");
		rxs[i] =
		    rx_compile(b2.p, b2.len, RX_CASELESS, err, sizeof(err));
		buf_free(&b2);
	}
	for (a = 1; a < argc; a++) {
		FILE *fp = fopen(argv[a], "r");
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;

		if (fp == NULL)
			continue;
		while ((n = getline(&line, &cap, fp)) > 0) {
			size_t tl = (size_t)n;
			const char *t;

			while (tl > 0 && line[tl - 1] == '\n')
				tl--;
			t = line_trim(line, &tl);
			if (tl == 0)
				continue;
			lines++;
			for (i = 0; i < rules.n; i++) {
				const struct rule *r = rule_at((int)i);
				const size_t *ov;

				if (rxs[i] == NULL ||
				    rx_search(rxs[i], t, tl, 0) <= 0)
					continue;
				ov = rx_ovector(rxs[i]);
				matches++;
				if (ov[1] == ov[0])
					continue;
				if (!in_set(
					&first[i], (unsigned char)t[ov[0]]) ||
				    (ov[1] - ov[0] >= 2 &&
					!in_set(&second[i],
					    (unsigned char)t[ov[0] + 1]))) {
					printf("rule %s matches '%.*s' outside "
					       "its sets\n",
					    r->why, (int)(ov[1] - ov[0]),
					    t + ov[0]);
					bad++;
				}
			}
		}
		free(line);
		(void)fclose(fp);
	}
	for (i = 0; i < rules.n; i++)
		if (rxs[i] != NULL)
			rx_free(rxs[i]);
	free(rxs);
	free(first);
	free(second);
	printf("(%zu lines, %zu matches)\n", lines, matches);
	test_cond(
	    "declutter: every match starts in the computed sets", bad == 0);
	test_cond(
	    "declutter: the lines gave matches", lines == 0 || matches > 0);
}

/*
 * Arguments: the files whose lines to try; by default the labelled pages,
 * the golden inputs and the samples (run from the repository's top).
 */
int
main(int argc, char **argv)
{
	glob_t g;

	memset(&opt, 0, sizeof(opt));
	rules_load();
	features_init();
	test_cond("declutter: built-in rules loaded", rules.n > 100);
	test_builtin_compile();
	test_against_pcre2();
	if (argc > 1) {
		test_on_lines(argc, argv);
	} else {
		memset(&g, 0, sizeof(g));
		(void)glob("tests/declutter/pages/*.txt", 0, NULL, &g);
		(void)glob("tests/declutter/*.in", GLOB_APPEND, NULL, &g);
		(void)glob("samples/*.txt", GLOB_APPEND, NULL, &g);
		test_on_lines((int)g.gl_pathc, g.gl_pathv - 1);
		globfree(&g);
	}
	rules_free();
	return test_report();
}
