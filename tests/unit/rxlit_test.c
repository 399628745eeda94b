/*
 * Unit tests of lib/rxlit: the items, quantifiers and class members the
 * walker yields for patterns of each construct it knows, and RXL_OTHER for
 * the ones it does not follow.
 */
#include <string.h>

#include "rxlit.h"
#include "unit.h"

/* The kinds of the items of pat's first alternative, as letters:
 * c char, s set, g group, a assert, o options, # comment, ? other; a
 * quantified item is followed by its {min,max} (max * for unbounded). */
static const char *
shape(const char *pat)
{
	static char out[256];
	const char *p = pat, *end = pat + strlen(pat);
	struct rxl_item it;
	size_t n = 0;

	while (p < end && *p != '|' && *p != ')' && n + 16 < sizeof(out)) {
		p = rxl_next(p, end, &it);
		out[n++] = "csgao#?"[it.kind];
		if (it.quantified) {
			if (it.max == RXL_MANY)
				n += (size_t)snprintf(
				    out + n, sizeof(out) - n, "{%u,*}", it.min);
			else
				n += (size_t)snprintf(out + n, sizeof(out) - n,
				    "{%u,%u}", it.min, it.max);
		}
	}
	out[n] = '\0';
	return out;
}

static void
test_items(void)
{
	struct rxl_item it;
	const char *p = "(?:read|see) next\\.?";
	const char *end = p + strlen(p), *q;

	q = rxl_next(p, end, &it);
	test_cond("rxlit: a non-capturing group",
	    it.kind == RXL_GROUP && it.group == RXL_NONCAPTURE &&
		it.body_end - it.body == 8 &&
		memcmp(it.body, "read|see", 8) == 0);
	test_cond("rxlit: the group's alternatives",
	    rxl_alt_end(it.body, it.body_end) == it.body + 4);
	test_cond("rxlit: next item after the group", q == p + 12);
	test_cond("rxlit: words and an optional escaped dot",
	    strcmp(shape(p), "gcccccc{0,1}") == 0);
	test_cond("rxlit: quantifiers",
	    strcmp(shape("a*b+c?d{2}e{1,}f{0,3}g*?h++"),
		"c{0,*}c{1,*}c{0,1}c{2,2}c{1,*}c{0,3}c{0,*}c{1,*}") == 0);
	test_cond("rxlit: a brace that is no quantifier is a character",
	    strcmp(shape("a{,3}b{x}"), "ccccccccc") == 0);
	test_cond("rxlit: sets and assertions",
	    strcmp(shape("^\\s*\\d+\\p{Lu}[a-z].\\b$"), "as{0,*}s{1,*}sssaa") ==
		0);
	test_cond("rxlit: options, comments, lookaround",
	    strcmp(shape("(?i)a(?#note)(?=b)(?<!c)"), "oc#gg") == 0);
	q = "(?i)";
	(void)rxl_next(q, q + 4, &it);
	test_cond("rxlit: (?i) is not extended", !it.extended);
	q = "(?x-i)";
	(void)rxl_next(q, q + 6, &it);
	test_cond(
	    "rxlit: (?x-i) is extended", it.kind == RXL_OPTIONS && it.extended);
	q = "(?i-x:a)";
	(void)rxl_next(q, q + 8, &it);
	test_cond("rxlit: (?i-x: is a group, not extended",
	    it.kind == RXL_GROUP && !it.extended);
	test_cond("rxlit: what the walker does not follow",
	    strcmp(shape("\\1\\x41\\Qa|b\\E(*UCP)(?|a|b)(?R)(?(1)a|b)\\g{1}"),
		"????????") == 0);
	test_cond("rxlit: named groups capture",
	    strcmp(shape("(?<n>a)(?P<m>b)(?'o'c)(d)"), "gggg") == 0);
	q = "(?'o'c)";
	(void)rxl_next(q, q + 7, &it);
	test_cond("rxlit: a quoted name is not in the body",
	    it.group == RXL_CAPTURE && it.body_end - it.body == 1 &&
		*it.body == 'c');
	test_cond("rxlit: a UTF-8 character is one item",
	    strcmp(shape("é€x"), "ccc") == 0);
	q = "€";
	(void)rxl_next(q, q + 3, &it);
	test_cond("rxlit: its bytes", it.n == 3 && memcmp(it.c, "€", 3) == 0);
	test_cond("rxlit: a class with ] first and a POSIX class",
	    strcmp(shape("[]a][[:alpha:]x]y"), "ssc") == 0);
}

static void
test_members(void)
{
	struct rxl_item it;
	struct rxl_member m;
	const char *p = "[^a-f\\d\\]é[:digit:]-]", *q;
	char kinds[16];
	size_t n = 0;

	(void)rxl_next(p, p + strlen(p), &it);
	test_cond("rxlit: a negated class",
	    it.kind == RXL_SET && it.set == '[' && it.negated);
	for (q = it.body; q < it.body_end && n + 1 < sizeof(kinds);) {
		q = rxl_member_next(q, it.body_end, &m);
		kinds[n++] = "crsp?"[m.kind];
		if (m.kind == RXL_M_RANGE)
			test_cond(
			    "rxlit: the range a-f", m.lo == 'a' && m.hi == 'f');
	}
	kinds[n] = '\0';
	test_cond("rxlit: class members (range, \\d, \\], é, posix, -)",
	    strcmp(kinds, "rsccpc") == 0);
	p = "[à-ÿ]";
	(void)rxl_next(p, p + strlen(p), &it);
	(void)rxl_member_next(it.body, it.body_end, &m);
	test_cond("rxlit: a range past ASCII in code points",
	    m.kind == RXL_M_RANGE && m.lo == 0xE0 && m.hi == 0xFF);
}

int
main(void)
{
	test_items();
	test_members();
	return test_report();
}
