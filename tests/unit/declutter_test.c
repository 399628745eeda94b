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
		rule_first_bytes(pat, len, &first, &second, NULL);
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

/* A match m[0..n) that starts with one of U+2000 to U+203F is in the
 * rule's punct set. */
static int
in_punct(uint64_t punct, const char *m, size_t n)
{
	const unsigned char *u = (const unsigned char *)m;

	if (n < 3 || u[0] != 0xE2 || u[1] != 0x80 || (u[2] & 0xC0) != 0x80)
		return 1;
	return (punct >> (u[2] & 63)) & 1;
}

/*
 * The punct sets (rules.c's PUNCT_ALL): a pattern can start with these
 * characters of U+2000 to U+203F and no others.
 */
static void
test_punct(void)
{
	static const struct {
		const char *pat;
		uint64_t punct;
	} t[] = {
	    {"“quote", (uint64_t)1 << 0x1C},
	    {"\\x{201C}quote", ~(uint64_t)0}, /* not followed */
	    {"share|читайте|관련 기사", 0},
	    {"“|”", (uint64_t)1 << 0x1C | (uint64_t)1 << 0x1D},
	    {"[‹«<] ?prev", (uint64_t)1 << 0x39},
	    {"\\p{Lu}\\w+ said", 0},
	    {"[‐-―]", (uint64_t)0x3F << 0x10},
	    {"[ -⁰]x", ~(uint64_t)0}, /* U+0020 to U+2070 */
	    {"[‿-⁰]x", (uint64_t)1 << 0x3F},
	    {"[–—]+ more", (uint64_t)1 << 0x13 | (uint64_t)1 << 0x14},
	    {"[^a-z]", ~(uint64_t)0},
	    {".{2}x", ~(uint64_t)0},
	    {"(?:…)?x", (uint64_t)1 << 0x26},
	    {"(?=“)x", 0},
	    {"(?:…)?•", (uint64_t)1 << 0x26 | (uint64_t)1 << 0x22},
	    {"\\p{P}", ~(uint64_t)0},
	    {"x?", ~(uint64_t)0},
	};
	size_t i, bad = 0;
	struct byteset f, s2;
	uint64_t p;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		rule_first_bytes(t[i].pat, strlen(t[i].pat), &f, &s2, &p);
		if (p != t[i].punct) {
			printf("pattern %s: punct %016llx, not %016llx\n",
			    t[i].pat, (unsigned long long)p,
			    (unsigned long long)t[i].punct);
			bad++;
		}
	}
	test_cond("declutter: the characters of U+2000 to U+203F a pattern "
		  "starts with",
	    bad == 0);
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
	uint64_t *punct = xcalloc(rules.n, sizeof(*punct));

	for (i = 0; i < rules.n; i++) {
		const struct rule *r = rule_at((int)i);
		const char *pat = rule_pattern(r, &len);
		struct buf b2 = BUF_INIT;

		rule_first_bytes(pat, len, &first[i], &second[i], &punct[i]);

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
					    (unsigned char)t[ov[0] + 1])) ||
				    !in_punct(
					punct[i], t + ov[0], ov[1] - ov[0])) {
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
	free(punct);
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
	test_punct();
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
