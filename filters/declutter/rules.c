/*
 * rules.c - the rules: the built-in ones (builtin.rules, turned into C by
 * the Makefile) and those of -r files, parsed, indexed, compiled and
 * matched against a line.
 *
 * A rule line is CATEGORY KIND[,FLAGS] PCRE (declutter(1)).  Matching a
 * line must cost far less than running every rule: rules that start with
 * literal words are found through a prefix trie over the line's first
 * bytes and tried alone; rules that start with a class are joined into one
 * alternation per pair of first bytes (a marker group "()" ending each
 * alternative tells which rule hit); contains rules are tried only on
 * lines holding their literal text, found four bytes at a time through a
 * bloom filter.  The first bytes, literal prefixes and literal grams of a
 * pattern are read from its text with lib/rxlit's walker.  Whatever the
 * route, the answer is the first rule in rule order that matches.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "declutter.h"
#include "lineio.h"
#include "output.h"
#include "prog.h"
#include "rx.h"
#include "rxlit.h"
#include "scan.h"
#include "xalloc.h"

const char *const cat_names[NCAT] = {"content", "ad", "paywall", "account",
    "newsletter", "share", "comments", "nav", "related", "media", "legal",
    "meta", "label"};

/*
 * The built-in rules, one line of builtin.rules a string: `declutter
 * --list-rules` prints them, and "rule:builtin:N" in --explain names line N.
 */
static const char *const builtin_rules[] = {
#include "declutter/builtin.rules.h"
    NULL};

struct bucket {
	size_t *rule;     /* rule indices, in rule order */
	unsigned *marker; /* marker group of each */
	size_t n;
	struct rx *rx; /* NULL until first used */
};

/* The rules in force and their indexes. */
static struct ruleset {
	struct rule *v;
	size_t n, vcap;
	struct bucket *bucket;
	size_t nbuckets, bucket_cap;
	int single[256];  /* a line of one byte's bucket by that byte:
			   * bucket + 1, -1 no rule, 0 not worked out yet */
	int *pair[2];     /* the same by the first two bytes */
	int punct[2][64]; /* the same for a line that starts with
			   * U+2000 + i (E2 80 xx), by the character */
	size_t *scratch;
	/* The prefix trie of the rules that start with literals. */
	struct trie_slot {
		uint64_t key; /* (node << 8 | byte) + 1; 0: a free slot */
		uint32_t val; /* the child */
	} * trie; /* key and child side by side: one fetch a probe */
	size_t trie_mask, trie_used;
	uint32_t trie_nodes;
	int *trie_head; /* first entry of each node, -1: none */
	size_t trie_head_cap;
	uint32_t trie_root[256]; /* the root's children, 0: none */
	size_t *ent_rule;        /* entries: a rule, the next entry */
	size_t *cand;            /* trie_match's candidates, nent of them */
	int *ent_next;
	size_t nent, ent_cap;
	/* Contains rules: each compiled alone, found through its grams. */
	uint64_t bloom[1024]; /* 65536 bits over gram hashes */
	struct gram *gram;
	size_t *gram_rule;
	int *gram_next; /* the next gram with the same four bytes */
	/* The distinct grams (their four bytes) in a small open-addressing
	 * table, each with its first gram, -1: a free slot.  Small (8
	 * bytes a slot, twice as many slots as grams) because a line's
	 * bloom hits each look here: a table by the 16-bit hash took 256
	 * KiB, and each hit waited for memory. */
	uint32_t *gram_key;
	int *gram_head;
	size_t gram_mask;
	size_t ngrams, gram_cap;
	size_t *always; /* contains rules without grams */
	size_t nalways;
	int limit_reported;
	struct rule_name {
		char *name;
		const char *file;
		unsigned long lineno;
	} * names; /* group names of the rules, each once */
	size_t nnames;
} rules;

/* ------------------------------------------------------------------ */
/* What a pattern can start with (over lib/rxlit's walker).            */

/*
 * The bytes a match of a pattern can start with, worked out from the
 * pattern text.  The analysis is conservative: anything it does not
 * understand (back-references, verbs, \Q, extended mode) gives "any
 * byte", so a rule is never skipped for a line it could match.
 */

static void
bs_add(struct byteset *s, unsigned c)
{
	s->w[c >> 6] |= (uint64_t)1 << (c & 63);
}

static int
bs_has(const struct byteset *s, unsigned c)
{
	return (s->w[c >> 6] >> (c & 63)) & 1;
}

static void
bs_range(struct byteset *s, unsigned lo, unsigned hi)
{
	for (; lo <= hi && lo < 256; lo++)
		bs_add(s, lo);
}

static void
bs_union(struct byteset *s, const struct byteset *t)
{
	int i;

	for (i = 0; i < 4; i++)
		s->w[i] |= t->w[i];
}

/*
 * A literal byte; ASCII letters in both cases (rules are caseless), and
 * the two letters past ASCII that fold to ASCII ones: U+017F (long s, C5
 * BF) to s and U+212A (Kelvin sign, E2 84 AA) to k, whose second bytes go
 * into s2.  (The prefix trie and the grams read lines byte by byte and do
 * not see those two: a line spelled with them is not furniture.)
 */
static void
bs_letter(struct byteset *s, struct byteset *s2, unsigned c)
{
	if (c >= 0x80) {
		bs_range(s, 0xC2, 0xF4); /* any lead byte: case folds */
		return;
	}
	bs_add(s, c);
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		bs_add(s, c ^ 0x20);
	if ((c | 0x20) == 's') {
		bs_add(s, 0xC5);
		bs_add(s2, 0xBF);
	} else if ((c | 0x20) == 'k') {
		bs_add(s, 0xE2);
		bs_add(s2, 0x84);
	}
}

/*
 * What an item of a pattern can start with: its first byte, its second
 * byte, whether it can match nothing, whether it can match one byte.
 */
struct first2 {
	struct byteset f; /* first byte of a match */
	struct byteset s; /* second byte of a match */
	uint64_t punct;   /* first characters in U+2000-U+203F (PUNCT) */
	int nullable;     /* it can match the empty string */
	int len1;         /* it can match exactly one byte */
};

/*
 * The first 64 characters of General Punctuation, U+2000 to U+203F (E2 80
 * 80 to E2 80 BF: spaces, dashes, quotation marks, bullets, the
 * ellipsis), bit c for U+2000 + c: many lines start with one (a quotation
 * “...”, a bullet •), and since no letter has its other case there, a
 * rule can start with one only if it says so (the character, a class
 * holding it, '.', a negated class).  A line that starts with one is then
 * searched only by the rules whose set holds it (rule_bucket()), where
 * the first two bytes (E2 80) are those of every such character.
 */
#define PUNCT_ALL (~(uint64_t)0)

/* The bit of the character c[0..n) in a punct set, or 0. */
static uint64_t
punct_bit(const unsigned char *c, size_t n)
{
	if (n == 3 && c[0] == 0xE2 && c[1] == 0x80)
		return (uint64_t)1 << (c[2] & 63);
	return 0;
}

/* The punct set of the characters lo..hi (code points). */
static uint64_t
punct_range(unsigned long lo, unsigned long hi)
{
	if (lo < 0x2000)
		lo = 0x2000;
	if (hi > 0x203F)
		hi = 0x203F;
	if (lo > hi)
		return 0;
	/* Bits lo - 0x2000 to hi - 0x2000. */
	return (~(uint64_t)0 >> (63 - (hi - 0x2000))) &
	    (~(uint64_t)0 << (lo - 0x2000));
}

/* A set of characters: ascii holds its ASCII bytes; nonascii says
 * whether it holds characters past U+007F too (any lead byte then, since
 * caseless matching may fold to another one). */
static void
f2_chars(struct first2 *x, const struct byteset *ascii, int nonascii)
{
	int i, any = 0;

	memset(x, 0, sizeof(*x));
	x->f = *ascii;
	for (i = 0; i < 4; i++)
		any |= ascii->w[i] != 0;
	x->len1 = any;
	if (nonascii) {
		bs_range(&x->f, 0xC2, 0xF4);
		bs_range(&x->s, 0x80, 0xBF);
	}
}

/*
 * A member of a class: an ASCII byte in both cases; punctuation and
 * symbols (lead bytes C2 and E2) have no case, so their two bytes are
 * exact; other letters may fold to another lead byte.
 */
static void
f2_member(struct byteset *set, struct byteset *s2, const unsigned char *c,
    size_t n, int *nonascii, uint64_t *punct)
{
	*punct |= punct_bit(c, n);
	if (n == 1 && c[0] < 0x80) {
		bs_letter(set, s2, c[0]);
	} else if (n >= 2 && (c[0] == 0xC2 || c[0] == 0xE2)) {
		bs_add(set, c[0]);
		bs_add(s2, c[1]);
	} else {
		*nonascii = 1;
	}
}

/*
 * An escape set (\d \s \w \p{..} \P{..}) or '.' into s; 0 if the analysis
 * does not follow it.
 */
static int
f2_escape_set(struct byteset *s, int *nonascii, uint64_t *punct, char set,
    const char *name, const char *name_end)
{
	size_t n = (size_t)(name_end - name);

	switch (set) {
	case 'd':
		bs_range(s, '0', '9');
		break;
	case 's':
		bs_range(s, 9, 13);
		bs_add(s, ' ');
		break;
	case 'w':
		bs_range(s, '0', '9');
		bs_range(s, 'A', 'Z');
		bs_range(s, 'a', 'z');
		bs_add(s, '_');
		break;
	case 'p':
		if (n == 2 && memcmp(name, "Lu", 2) == 0) {
			bs_range(s, 'A', 'Z');
		} else if ((n == 1 && *name == 'L') ||
		    (n == 2 && memcmp(name, "Ll", 2) == 0)) {
			bs_range(s, 'A', 'Z');
			bs_range(s, 'a', 'z');
		} else {
			bs_range(s, 0, 127);
			*punct = PUNCT_ALL; /* \p{P}, \p{Zs} ... */
		}
		*nonascii = 1;
		break;
	case 'P':
	case '.':
		bs_range(s, 0, 127);
		*nonascii = 1;
		*punct = PUNCT_ALL;
		break;
	default:
		return 0;
	}
	return 1;
}

/* A bracket class [body, body_end) into x. */
static void
f2_class(struct first2 *x, const struct rxl_item *it, int *bad)
{
	struct byteset set, set2;
	struct rxl_member m;
	const char *p;
	int nonascii = 0;
	unsigned long c;
	uint64_t punct = 0;

	memset(&set, 0, sizeof(set));
	memset(&set2, 0, sizeof(set2));
	if (it->negated) {
		bs_range(&set, 0, 127);
		nonascii = 1;
		punct = PUNCT_ALL;
	}
	for (p = it->body; !it->negated && p < it->body_end;) {
		p = rxl_member_next(p, it->body_end, &m);
		switch (m.kind) {
		case RXL_M_CHAR:
			f2_member(&set, &set2, m.c, m.n, &nonascii, &punct);
			break;
		case RXL_M_RANGE:
			for (c = m.lo; c <= m.hi && c < 0x80; c++)
				bs_letter(&set, &set2, (unsigned)c);
			if (m.hi >= 0x80)
				nonascii = 1;
			punct |= punct_range(m.lo, m.hi);
			break;
		case RXL_M_SET:
			if (!f2_escape_set(&set, &nonascii, &punct, m.set,
				m.body, m.body_end))
				*bad = 1;
			break;
		case RXL_M_POSIX:
			bs_range(&set, 0, 127);
			nonascii = 1;
			punct = PUNCT_ALL;
			break;
		default:
			*bad = 1;
			break;
		}
	}
	f2_chars(x, &set, nonascii);
	bs_union(&x->s, &set2);
	x->punct = punct;
}

static const char *f2_alternation(
    struct first2 *, const char *, const char *, int *);

/* A sequence of items up to '|' or ')'. */
static const char *
f2_sequence(struct first2 *out, const char *p, const char *end, int *bad)
{
	int open1 = 1, open2 = 0, zero, o2;
	struct rxl_item it;
	struct first2 x;
	struct byteset set;
	int nonascii;
	uint64_t punct;

	memset(out, 0, sizeof(*out));
	while (p < end && *p != '|' && *p != ')') {
		p = rxl_next(p, end, &it);
		memset(&x, 0, sizeof(x));
		memset(&set, 0, sizeof(set));
		nonascii = 0;
		punct = 0;
		zero = 0;
		switch (it.kind) {
		case RXL_CHAR:
			if (it.n >= 2 && (it.c[0] == 0xC2 || it.c[0] == 0xE2)) {
				/* A symbol: no case, its two bytes exact. */
				bs_add(&x.f, it.c[0]);
				bs_add(&x.s, it.c[1]);
			} else {
				struct byteset set2;

				memset(&set2, 0, sizeof(set2));
				if (it.n == 1 && it.c[0] < 0x80)
					bs_letter(&set, &set2, it.c[0]);
				f2_chars(&x, &set, it.c[0] >= 0x80);
				bs_union(&x.s, &set2);
			}
			x.punct = punct_bit(it.c, it.n);
			break;
		case RXL_SET:
			if (it.set == '[')
				f2_class(&x, &it, bad);
			else if (f2_escape_set(&set, &nonascii, &punct, it.set,
				     it.body, it.body_end)) {
				f2_chars(&x, &set, nonascii);
				x.punct = punct;
			} else {
				*bad = 1;
			}
			break;
		case RXL_GROUP:
			if (it.extended)
				*bad = 1;
			if (it.group == RXL_LOOKAROUND)
				zero = 1;
			else
				(void)f2_alternation(
				    &x, it.body, it.body_end, bad);
			break;
		case RXL_ASSERT:
			zero = 1;
			break;
		case RXL_OPTIONS:
			if (it.extended)
				*bad = 1;
			continue;
		case RXL_COMMENT:
			continue;
		default:
			*bad = 1;
			return end;
		}
		if (zero) {
			memset(&x, 0, sizeof(x));
			x.nullable = 1;
		}
		if (it.min == 0)
			x.nullable = 1;
		/* Repeated: the byte after a one-byte match can start it. */
		if (it.quantified && it.quantified != '?' && x.len1)
			bs_union(&x.s, &x.f);
		if (open1) {
			bs_union(&out->f, &x.f);
			bs_union(&out->s, &x.s);
			out->punct |= x.punct;
		}
		if (open2)
			bs_union(&out->s, &x.f);
		o2 = (open1 && x.len1) || (open2 && x.nullable);
		open1 = open1 && x.nullable;
		open2 = o2;
	}
	out->nullable = open1;
	out->len1 = open2;
	return p;
}

static const char *
f2_alternation(struct first2 *out, const char *p, const char *end, int *bad)
{
	struct first2 x;

	memset(out, 0, sizeof(*out));
	for (;;) {
		p = f2_sequence(&x, p, end, bad);
		bs_union(&out->f, &x.f);
		bs_union(&out->s, &x.s);
		out->punct |= x.punct;
		out->nullable |= x.nullable;
		out->len1 |= x.len1;
		if (p < end && *p == '|') {
			p++;
			continue;
		}
		return p;
	}
}

void
rule_first_bytes(const char *pat, size_t len, struct byteset *first,
    struct byteset *second, uint64_t *punct)
{
	struct first2 x;
	int bad = 0;
	const char *end = pat + len, *p;

	p = f2_alternation(&x, pat, end, &bad);
	*first = x.f;
	*second = x.s;
	if (punct != NULL)
		*punct = bad || x.nullable || p != end ? PUNCT_ALL : x.punct;
	if (bad || x.nullable || p != end)
		memset(first, 0xFF, sizeof(*first));
	if (bad || x.nullable || x.len1 || p != end)
		memset(second, 0xFF, sizeof(*second));
}

/* ------------------------------------------------------------------ */
/* Literal prefixes of anchored rules, in a trie.                      */

/*
 * Most rules begin with words: "advertisement", "sign in", "(?:read|see)
 * next".  The literal prefixes of a rule are worked out from its pattern
 * (alternatives and optional parts expanded, up to PREFIX_MAX strings of
 * at most PREFIX_LEN bytes, ASCII only, lower-cased); they go into a trie.
 * A line walks the trie from its first byte, and only the rules whose
 * prefix it spells are tried.  Rules that do not start with a literal
 * (a class, \p{Lu}, a digit range) are "generic" and go through the
 * first-two-bytes buckets.
 */
#define PREFIX_MAX 1024
#define PREFIX_LEN 12

struct prefixes {
	char s[PREFIX_MAX][PREFIX_LEN + 1];
	unsigned char len[PREFIX_MAX];
	unsigned char open[PREFIX_MAX]; /* may grow with the next item */
	int n;
	int bad;
};

/* Copy the strings of src into dst (only the ones in use). */
static void
px_copy(struct prefixes *dst, const struct prefixes *src)
{
	memcpy(dst->s, src->s, (size_t)src->n * sizeof(src->s[0]));
	memcpy(dst->len, src->len, (size_t)src->n);
	memcpy(dst->open, src->open, (size_t)src->n);
	dst->n = src->n;
	dst->bad = src->bad;
}

static void
px_close_all(struct prefixes *x)
{
	int i;

	for (i = 0; i < x->n; i++)
		x->open[i] = 0;
}

static void
px_append(struct prefixes *x, int c)
{
	int i;

	for (i = 0; i < x->n; i++) {
		if (!x->open[i])
			continue;
		if (x->len[i] == PREFIX_LEN) {
			x->open[i] = 0;
			continue;
		}
		x->s[i][x->len[i]++] = (char)c;
	}
}

/* Add a copy of every open string of x with the strings of y appended. */
static void
px_concat(struct prefixes *x, const struct prefixes *y, int keep_plain)
{
	struct prefixes *out = xmalloc(sizeof(struct prefixes));
	int i, j;

	out->n = 0;
	out->bad = 0;
	for (i = 0; i < x->n && !out->bad; i++) {
		if (!x->open[i] || keep_plain) {
			if (out->n == PREFIX_MAX) {
				out->bad = 1;
				break;
			}
			memcpy(out->s[out->n], x->s[i], x->len[i]);
			out->len[out->n] = x->len[i];
			out->open[out->n++] = x->open[i];
			if (!x->open[i])
				continue;
		}
		for (j = 0; j < y->n; j++) {
			size_t l = x->len[i] + y->len[j];

			if (out->n == PREFIX_MAX) {
				out->bad = 1;
				break;
			}
			if (l > PREFIX_LEN)
				l = PREFIX_LEN;
			memcpy(out->s[out->n], x->s[i], x->len[i]);
			memcpy(
			    out->s[out->n] + x->len[i], y->s[j], l - x->len[i]);
			out->len[out->n] = (unsigned char)l;
			out->open[out->n++] = y->open[j] && l < PREFIX_LEN;
		}
	}
	out->bad |= x->bad || y->bad;
	px_copy(x, out);
	free(out);
}

static const char *px_alternation(
    struct prefixes *, const char *, const char *);

/*
 * One alternative up to '|' or ')': x starts as {""} open; each literal
 * character extends the open strings, an optional one doubles them, a
 * group multiplies them by its own alternatives, and the first item that
 * is not a literal (a class, \d, a non-ASCII letter) closes them all.
 */
static const char *
px_sequence(struct prefixes *x, const char *p, const char *end)
{
	struct rxl_item it;
	struct prefixes *y;
	int lit;

	x->n = 1;
	x->bad = 0;
	x->len[0] = 0;
	x->open[0] = 1;
	while (p < end && *p != '|' && *p != ')') {
		p = rxl_next(p, end, &it);
		lit = -1;
		switch (it.kind) {
		case RXL_OPTIONS:
			if (it.extended)
				x->bad = 1;
			continue;
		case RXL_COMMENT:
			continue;
		case RXL_ASSERT:
			if (it.set == '^' || it.set == 'b' || it.set == 'B')
				continue; /* zero width at a word's start */
			break;
		case RXL_GROUP:
			if (it.group == RXL_LOOKAROUND)
				continue;
			if (it.extended)
				x->bad = 1;
			y = xmalloc(sizeof(struct prefixes));
			(void)px_alternation(y, it.body, it.body_end);
			if (it.max > 1) {
				/* Repeated: its first round, then unknown. */
				px_close_all(y);
				px_concat(x, y, it.min == 0);
				px_close_all(x);
			} else {
				px_concat(x, y, it.min == 0);
			}
			free(y);
			continue;
		case RXL_CHAR:
			if (it.n == 1 && it.c[0] < 0x80)
				lit = it.c[0] >= 'A' && it.c[0] <= 'Z'
				    ? it.c[0] | 0x20
				    : it.c[0];
			break;
		default:
			break;
		}
		if (lit < 0) {
			/* A class, a dot, non-ASCII: the prefix ends. */
			px_close_all(x);
			p = rxl_alt_end(p, end);
			break;
		}
		if (it.min == 0) {
			/* Optional: both with and without it. */
			y = xmalloc(sizeof(struct prefixes));
			y->n = 1;
			y->bad = 0;
			y->s[0][0] = (char)lit;
			y->len[0] = 1;
			y->open[0] = it.max == 1;
			px_concat(x, y, 1);
			if (it.max > 1)
				px_close_all(x);
			free(y);
			continue;
		}
		px_append(x, lit);
		if (it.max > 1) {
			px_close_all(x);
			p = rxl_alt_end(p, end);
			break;
		}
	}
	return p;
}

static const char *
px_alternation(struct prefixes *out, const char *p, const char *end)
{
	struct prefixes *y = xmalloc(sizeof(struct prefixes));
	int i;

	out->n = 0;
	out->bad = 0;
	for (;;) {
		p = px_sequence(y, p, end);
		out->bad |= y->bad;
		for (i = 0; i < y->n; i++) {
			if (out->n == PREFIX_MAX) {
				out->bad = 1;
				break;
			}
			memcpy(out->s[out->n], y->s[i], y->len[i]);
			out->len[out->n] = y->len[i];
			out->open[out->n++] = y->open[i];
		}
		if (p < end && *p == '|') {
			p++;
			continue;
		}
		free(y);
		return p;
	}
}

/*
 * The literal prefixes of a pattern into *x; 0 if some alternative has
 * none (the rule is generic).
 */
static int
rule_prefixes(const char *pat, size_t len, struct prefixes *x)
{
	int i;

	if (px_alternation(x, pat, pat + len) != pat + len || x->bad)
		return 0;
	for (i = 0; i < x->n; i++)
		if (x->len[i] == 0)
			return 0;
	return x->n > 0;
}

/* The trie: children in one hash table keyed by (node, byte). */
static size_t
trie_hash(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32);
}

/* The key of node's child by byte b in rules.trie: never 0, which marks
 * a free slot. */
static uint64_t
trie_key(uint32_t node, unsigned b)
{
	return ((uint64_t)node << 8 | b) + 1;
}

/* The child of node by byte b, added when missing. */
static uint32_t
trie_child(uint32_t node, unsigned b)
{
	uint64_t key = trie_key(node, b);
	size_t j;

	if (rules.trie == NULL) {
		rules.trie_mask = 1023;
		rules.trie = xcalloc(rules.trie_mask + 1, sizeof(*rules.trie));
	}
	for (j = trie_hash(key) & rules.trie_mask; rules.trie[j].key != 0;
	     j = (j + 1) & rules.trie_mask)
		if (rules.trie[j].key == key)
			return rules.trie[j].val;
	if ((rules.trie_used + 1) * 4 > (rules.trie_mask + 1) * 3) {
		size_t n = (rules.trie_mask + 1) * 2, i, k;
		struct trie_slot *nt = xcalloc(n, sizeof(*nt));

		for (i = 0; i <= rules.trie_mask; i++) {
			if (rules.trie[i].key == 0)
				continue;
			for (k = trie_hash(rules.trie[i].key) & (n - 1);
			     nt[k].key != 0; k = (k + 1) & (n - 1))
				;
			nt[k] = rules.trie[i];
		}
		free(rules.trie);
		rules.trie = nt;
		rules.trie_mask = n - 1;
		for (j = trie_hash(key) & rules.trie_mask;
		     rules.trie[j].key != 0; j = (j + 1) & rules.trie_mask)
			;
	}
	rules.trie[j].key = key;
	rules.trie[j].val = ++rules.trie_nodes;
	rules.trie_used++;
	rules.trie_head = xgrowarray(rules.trie_head, &rules.trie_head_cap,
	    rules.trie_nodes + 1, sizeof(*rules.trie_head), 256);
	rules.trie_head[rules.trie_nodes] = -1;
	if (node == 0)
		rules.trie_root[b] = rules.trie_nodes;
	return rules.trie_nodes;
}

/*
 * The child of node by byte b, or 0: the lookup alone, small enough to be
 * inlined in the walk of every line.
 */
static uint32_t
trie_find(uint32_t node, unsigned b)
{
	uint64_t key = trie_key(node, b);
	size_t j;

	if (node == 0)
		return rules.trie_root[b];
	for (j = trie_hash(key) & rules.trie_mask; rules.trie[j].key != 0;
	     j = (j + 1) & rules.trie_mask)
		if (rules.trie[j].key == key)
			return rules.trie[j].val;
	return 0;
}

/* Put rule i under each of its prefixes. */
static void
trie_add(size_t i, const struct prefixes *x)
{
	int k;
	size_t d;

	if (rules.trie_head == NULL) {
		rules.trie_head = xgrowarray(NULL, &rules.trie_head_cap, 1,
		    sizeof(*rules.trie_head), 256);
		rules.trie_head[0] = -1;
	}
	for (k = 0; k < x->n; k++) {
		uint32_t node = 0;

		for (d = 0; d < x->len[k]; d++)
			node = trie_child(node, (unsigned char)x->s[k][d]);
		/* Once per (node, rule). */
		if (rules.trie_head[node] >= 0 &&
		    rules.ent_rule[rules.trie_head[node]] == i)
			continue;
		if (rules.nent == rules.ent_cap) {
			/* Three arrays of one length, grown together. */
			size_t cap = rules.ent_cap;

			rules.ent_rule = xgrowarray(rules.ent_rule, &cap,
			    rules.nent + 1, sizeof(*rules.ent_rule), 256);
			cap = rules.ent_cap;
			rules.cand = xgrowarray(rules.cand, &cap,
			    rules.nent + 1, sizeof(*rules.cand), 256);
			rules.ent_next =
			    xgrowarray(rules.ent_next, &rules.ent_cap,
				rules.nent + 1, sizeof(*rules.ent_next), 256);
		}
		rules.ent_rule[rules.nent] = i;
		rules.ent_next[rules.nent] = rules.trie_head[node];
		rules.trie_head[node] = (int)rules.nent++;
	}
}

/*
 * Literal 4-byte grams that a contains rule needs: one for each top-level
 * alternative, taken from a run of literal characters outside groups and
 * classes.  Returns the number found, or 0 when some alternative has none
 * (the rule is then tried on every short line).
 */
#define GRAMS_MAX 64
#define GRAM_LIT 24

/* A gram and the literal run around it, which a line must hold too. */
struct gram {
	uint32_t g;        /* four bytes, lower-case, big-endian */
	unsigned char off; /* where the gram starts in lit */
	unsigned char len; /* bytes of lit */
	char lit[GRAM_LIT];
};

static int
gram_common(const unsigned char *g)
{
	static const char *const frequent[] = {"tion", "that", "with", "ther",
	    "this", "have", "from", "here", "said", "were", "ment", "ould",
	    "ting", "ence", "your", "read", "will", "free", "once", "some",
	    "they", "more", "what", "when", "them", "than", "then", "been",
	    "also", "only", "over", "into", "just", "year", "time", "ing ",
	    " the", "the ", "and ", " and", "ed t", "d th", NULL};
	size_t i;

	static const char *const trigrams[] = {"ing", "ion", "ent", "the",
	    "and", "tio", "her", "ere", "con", "com", "ter", "ate", "for",
	    "ver", "all", "ted", "res", NULL};

	for (i = 0; frequent[i] != NULL; i++)
		if (memcmp(g, frequent[i], 4) == 0)
			return 1;
	for (i = 0; trigrams[i] != NULL; i++)
		if (memcmp(g, trigrams[i], 3) == 0 ||
		    memcmp(g + 1, trigrams[i], 3) == 0)
			return 1;
	return 0;
}

/* How good a gram is as a filter: rare-looking grams score higher. */
static int
gram_score(const unsigned char *run, size_t rlen, size_t i)
{
	size_t ws = i, we = i;
	int score = 1;

	while (ws > 0 && run[ws - 1] != ' ')
		ws--;
	while (we < rlen && run[we] != ' ')
		we++;
	if (memchr(run + i, ' ', 4) == NULL)
		score += 2;
	if (we - ws >= 6)
		score += 2;
	if (gram_common(run + i))
		score -= 3;
	/* Rarer letters make rarer grams. */
	for (ws = i; ws < i + 4; ws++) {
		if (strchr("dlcum", run[ws]) != NULL)
			score += 1;
		else if (strchr("wfgypb", run[ws]) != NULL)
			score += 2;
		else if (strchr("vkjxqz(", run[ws]) != NULL)
			score += 3;
	}
	return score;
}

static int grams_alternation(const char *, const char *, struct gram *, int *);

/*
 * The best gram of the literal run run[0..rlen) into *best, if it scores
 * above *best_score.
 */
static void
grams_of_run(
    const unsigned char *run, size_t rlen, struct gram *best, int *best_score)
{
	size_t i, ls, ll;
	int sc;

	for (i = 0; rlen >= 4 && i + 4 <= rlen; i++) {
		/* A longer literal is checked whole before the rule runs: it
		 * counts most. */
		sc = gram_score(run, rlen, i) + (int)(rlen < 12 ? rlen : 12);
		if (sc <= *best_score)
			continue;
		ls = i > 8 ? i - 8 : 0;
		ll = rlen - ls;
		if (ll > GRAM_LIT)
			ll = GRAM_LIT;
		*best_score = sc;
		best->g = (uint32_t)run[i] << 24 | (uint32_t)run[i + 1] << 16 |
		    (uint32_t)run[i + 2] << 8 | run[i + 3];
		best->off = (unsigned char)(i - ls);
		best->len = (unsigned char)ll;
		memcpy(best->lit, run + ls, ll);
	}
}

/*
 * Is c[0..n) a character of U+3000 to U+9FFF (lead byte E3 to E9: CJK
 * punctuation, kana, ideographs)?  No letter there has another case, so
 * its three bytes are literal under caseless matching, as an ASCII
 * letter's folded byte is: "版权所有" gives grams.
 */
static int
uncased_wide(const unsigned char *c, int n)
{
	return n == 3 && c[0] >= 0xE3 && c[0] <= 0xE9;
}

/*
 * Grams for one alternative p[0..end): the best gram of its literal runs,
 * or the grams of one of its groups (one per alternative of the group),
 * whichever filters better.  Returns how many, 0 if none.
 */
static int
grams_sequence(const char *p, const char *end, struct gram *out, int *quality)
{
	unsigned char run[256];
	size_t rlen = 0;
	struct gram best, group[GRAMS_MAX], g[GRAMS_MAX];
	struct rxl_item it;
	int best_score = -100, ngroup = 0, group_quality = -100, n, q, lit;
	int wide;

	while (p < end) {
		p = rxl_next(p, end, &it);
		lit = -1;
		wide = 0;
		switch (it.kind) {
		case RXL_CHAR:
			if (it.n == 1 && it.c[0] < 0x80)
				lit = it.c[0];
			else
				wide = uncased_wide(it.c, it.n);
			break;
		case RXL_OPTIONS:
			if (it.extended)
				return 0;
			break;
		case RXL_GROUP:
			if (it.extended)
				return 0;
			n = 0;
			if (it.min > 0 && it.group != RXL_LOOKAROUND &&
			    it.body < it.body_end)
				n = grams_alternation(
				    it.body, it.body_end, g, &q);
			if (n > 0 &&
			    (q > group_quality ||
				(q == group_quality && n < ngroup))) {
				memcpy(group, g, (size_t)n * sizeof(*g));
				ngroup = n;
				group_quality = q;
			}
			break;
		default:
			break;
		}
		/* A character that may be absent or repeated is no part of a
		 * run; one repeated with '+' ends it. */
		if (it.quantified == '?' || it.quantified == '*' ||
		    it.quantified == '{') {
			lit = -1;
			wide = 0;
		}
		if (wide && rlen + 3 <= sizeof(run)) {
			memcpy(run + rlen, it.c, 3);
			rlen += 3;
			if (it.quantified != '+')
				continue;
		}
		if (lit >= 0 && rlen < sizeof(run)) {
			run[rlen++] = (unsigned char)(lit >= 'A' && lit <= 'Z'
				? lit | 0x20
				: lit);
			if (it.quantified != '+')
				continue;
		}
		grams_of_run(run, rlen, &best, &best_score);
		rlen = 0;
	}
	grams_of_run(run, rlen, &best, &best_score);
	if (best_score > -100 && best_score >= group_quality) {
		out[0] = best;
		*quality = best_score;
		return 1;
	}
	if (ngroup > 0) {
		memcpy(out, group, (size_t)ngroup * sizeof(*group));
		*quality = group_quality;
		return ngroup;
	}
	return 0;
}

/* Grams for an alternation: every alternative must have some. */
static int
grams_alternation(
    const char *p, const char *end, struct gram *out, int *quality)
{
	const char *q;
	struct gram part[GRAMS_MAX];
	int n = 0, k, qk;

	*quality = 100;
	while (p <= end) {
		q = rxl_alt_end(p, end);
		k = grams_sequence(p, q, part, &qk);
		if (k == 0 || n + k > GRAMS_MAX)
			return 0;
		memcpy(out + n, part, (size_t)k * sizeof(*part));
		n += k;
		if (qk < *quality)
			*quality = qk;
		p = q + 1;
	}
	if (n > 2)
		(*quality)--;
	return n;
}

static int
literal_grams(const char *pat, size_t len, struct gram *grams)
{
	int quality;

	return grams_alternation(pat, pat + len, grams, &quality);
}

/* ------------------------------------------------------------------ */
/* Rules: parsing, compiling, matching.                                */

/*
 * The fuzz harness runs main() once per input; with rules_keep(1), a set
 * of the built-in rules alone (no -r file) outlives rules_free() and the
 * next rules_load() takes it as it is, buckets compiled and all.
 */
static struct {
	int on;   /* rules_keep(1) was called */
	int kept; /* the rule set in `rules` is such a set */
} keep;

void
rules_keep(int on)
{
	keep.on = on;
}

/* Is the rule set of these options one to keep? */
static int
keepable(void)
{
	return keep.on && opt.nrule_files == 0 && !opt.no_default_rules &&
	    !opt.list_rules;
}

/*
 * With rules_keep(1), what the analyses say of each built-in rule is kept
 * too, so that a run with a rule file (whose rules join the built-in ones)
 * does not work it out again.
 */
static struct memo {
	int done;
	unsigned groups;
	struct byteset first, second;
	uint64_t punct;
	int generic;
	struct prefixes *px; /* its prefixes, unless generic */
	int ngrams;          /* -1: not worked out yet */
	struct gram grams[GRAMS_MAX];
} * memo;

/* The memo of rule r, if it is a built-in one and memos are kept. */
static struct memo *
memo_of(const struct rule *r)
{
	size_t n = sizeof(builtin_rules) / sizeof(builtin_rules[0]);

	if (!keep.on || strcmp(r->file, "builtin") != 0 || r->lineno > n)
		return NULL;
	if (memo == NULL)
		memo = xcalloc(n, sizeof(*memo));
	return &memo[r->lineno - 1];
}

/*
 * The analyses of rule r (its joined pattern): the bytes a match starts
 * with and, for an anchored rule, its literal prefixes, put into the trie
 * under rule index i.
 */
static void
rule_analyse(struct rule *r, size_t i)
{
	struct memo *m = memo_of(r);
	struct prefixes *px;

	if (m != NULL && m->done) {
		r->first = m->first;
		r->second = m->second;
		r->punct = m->punct;
		r->generic = m->generic;
		if (m->px != NULL)
			trie_add(i, m->px);
		return;
	}
	px = NULL;
	if (r->kind != KIND_ANY) {
		px = xmalloc(sizeof(*px));
		r->generic = !rule_prefixes(r->pat, strlen(r->pat), px);
		if (!r->generic)
			trie_add(i, px);
	}
	/* Only the buckets of generic anchored rules go by the first bytes
	 * (the others are found through the trie or their grams): the
	 * analysis of the rest would be a third of the start-up's work. */
	if (r->kind != KIND_ANY && r->generic)
		rule_first_bytes(
		    r->pat, strlen(r->pat), &r->first, &r->second, &r->punct);
	if (m != NULL) {
		m->done = 1;
		m->first = r->first;
		m->second = r->second;
		m->punct = r->punct;
		m->generic = r->generic;
		m->ngrams = -1;
		if (px != NULL && !r->generic) {
			m->px = px;
			px = NULL;
		}
	}
	free(px);
}

/* The grams of rule r into g; how many. */
static int
rule_grams(const struct rule *r, struct gram *g)
{
	struct memo *m = memo_of(r);
	int n;

	if (m != NULL && m->done && m->ngrams >= 0) {
		memcpy(g, m->grams, (size_t)m->ngrams * sizeof(*g));
		return m->ngrams;
	}
	n = literal_grams(r->pat, strlen(r->pat), g);
	if (m != NULL && m->done) {
		memcpy(m->grams, g, (size_t)n * sizeof(*g));
		m->ngrams = n;
	}
	return n;
}

static int
cat_lookup(const char *p, size_t n)
{
	int c;

	for (c = 1; c < NCAT; c++)
		if (strlen(cat_names[c]) == n &&
		    strncmp(cat_names[c], p, n) == 0)
			return c;
	return -1;
}

/*
 * What a load holds while it parses a rule file: the file, its line
 * reader, and the rule being parsed until it is in rules.v.  A bad rule
 * ends the run through rule_error(), which frees them and the rules read
 * so far first: the fuzz harness turns that exit() into a return and
 * runs main() again, and would otherwise lose the rule's strings on every
 * bad rule file (and hold the rest until the next load).
 */
static struct {
	FILE *fp;
	struct linereader lr;
	struct rule *rule; /* its text and pat are allocated */
} rfile;

static void
rules_close_file(void)
{
	if (rfile.fp == NULL)
		return;
	lr_free(&rfile.lr);
	(void)fclose(rfile.fp);
	rfile.fp = NULL;
}

static void rules_release(void);

/* "FILE:LINE: message" and exit 2; the message is formatted into a
 * buffer of the stack (one past 1 KiB is cut), so nothing is lost. */
static NORETURN void rule_error(const char *file, unsigned long lineno,
    const char *fmt, ...) PRINTF_LIKE(3, 4);

static void
rule_error(const char *file, unsigned long lineno, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (rfile.rule != NULL) {
		free(rfile.rule->text);
		free(rfile.rule->pat);
		rfile.rule = NULL;
	}
	rules_close_file();
	rules_release();
	pdie("%s:%lu: %s", file, lineno, msg);
}

/* Skip spaces and tabs. */
static const char *
skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *
skip_word(const char *p, const char *end)
{
	while (p < end && *p != ' ' && *p != '\t')
		p++;
	return p;
}

static int
isdigit_byte(char c)
{
	return c >= '0' && c <= '9';
}

/* A named group at a ('(') whose body starts at body: refuse a name that
 * another rule has (joined, two groups of one name are an error). */
static void
rule_check_name(
    const char *file, unsigned long lineno, const char *a, const char *body)
{
	const char *n, *ne;
	size_t i, len;

	if (a[1] != '?')
		return;
	if (a[2] == '<' && a[3] != '=' && a[3] != '!')
		n = a + 3;
	else if (a[2] == 'P' && a[3] == '<')
		n = a + 4;
	else if (a[2] == '\'')
		n = a + 3;
	else
		return;
	ne = body - 1; /* the '>' or '\'' */
	if (ne < n)
		return;
	len = (size_t)(ne - n);
	for (i = 0; i < rules.nnames; i++) {
		if (strlen(rules.names[i].name) != len ||
		    memcmp(rules.names[i].name, n, len) != 0)
			continue;
		rule_error(file, lineno,
		    "group name '%.*s' is used by %s:%lu too (rules are "
		    "joined)",
		    (int)len, n, rules.names[i].file, rules.names[i].lineno);
	}
	rules.names =
	    xreallocarray(rules.names, rules.nnames + 1, sizeof(*rules.names));
	rules.names[rules.nnames].name = xmemdup(n, len);
	rules.names[rules.nnames].file = file;
	rules.names[rules.nnames++].lineno = lineno;
}

/*
 * Rules are joined into alternations ("^\s*+(?:(?:RULE1)()|(?:RULE2)()...)")
 * and compiled when first needed, after input has been read: a rule that
 * compiles alone but not joined must be refused here, as FILE:LINE, before
 * any input is read.  Refused: numbered back-references and recursion
 * (\1, \g2, (?1), (?R), (?(1)...): a number means another group once
 * joined; \g{-1} and names work), a group name another rule uses, and a
 * rule that does not end where it seems ((?x) with a # comment that runs
 * over the join's closing parenthesis).  An open \Q is closed.
 */
static void
rule_check_refs(
    const char *file, unsigned long lineno, const char *p, const char *end)
{
	struct rxl_item it;
	const char *a;

	while (p < end) {
		if (*p == '|' || *p == ')') {
			p++;
			continue;
		}
		p = rxl_next(p, end, &it);
		a = it.at;
		if (it.kind == RXL_GROUP) {
			rule_check_name(file, lineno, a, it.body);
			rule_check_refs(file, lineno, it.body, it.body_end);
		} else if (it.kind == RXL_OTHER &&
		    ((a[0] == '\\' && a[1] >= '1' && a[1] <= '9') ||
			(a[0] == '\\' && a[1] == 'g' &&
			    (isdigit_byte(a[2]) || a[2] == '+' ||
				(a[2] == '{' &&
				    (isdigit_byte(a[3]) || a[3] == '+')))) ||
			(a[0] == '(' && a[1] == '?' &&
			    (isdigit_byte(a[2]) || a[2] == '+' || a[2] == 'R' ||
				(a[2] == '(' &&
				    (isdigit_byte(a[3]) || a[3] == '+' ||
					a[3] == 'R')))))) {
			rule_error(file, lineno,
			    "a numbered back-reference or recursion: rules are "
			    "joined, so use a name or a relative one "
			    "(\\g{-1})");
		}
	}
}

/*
 * The pattern w[0..n) as it is joined: an open \Q closed with \E, so
 * that the join's own parentheses stay syntax.  Returns a new string.
 */
static char *
rule_joined_pattern(const char *w, size_t n)
{
	const char *p, *end = w + n;
	int inq = 0;
	char *pat;

	for (p = w; p < end; p++) {
		if (*p != '\\' || p + 1 == end)
			continue;
		p++;
		if (*p == 'Q')
			inq = 1;
		else if (*p == 'E')
			inq = 0;
	}
	pat = xmalloc(n + 3);
	memcpy(pat, w, n);
	if (inq) {
		memcpy(pat + n, "\\E", 2);
		n += 2;
	}
	pat[n] = '\0';
	return pat;
}

/* The capturing groups of the pattern p[0..end), named ones too. */
static unsigned
capture_groups(const char *p, const char *end)
{
	struct rxl_item it;
	unsigned n = 0;

	while (p < end) {
		if (*p == '|' || *p == ')') {
			p++;
			continue;
		}
		p = rxl_next(p, end, &it);
		if (it.kind == RXL_GROUP) {
			n += it.group == RXL_CAPTURE;
			n += capture_groups(it.body, it.body_end);
		}
	}
	return n;
}

/* Refuse a rule that compiles alone but not as it is joined. */
static void
rule_check_joined(const char *file, unsigned long lineno, const struct rule *r)
{
	struct buf b = BUF_INIT;
	char err[300];
	struct rx *rx;
	unsigned groups = 0;

	rule_check_refs(file, lineno, r->pat, r->pat + strlen(r->pat));
	buf_adds(&b, "^\\s*+(?:(?:");
	buf_adds(&b, r->pat);
	buf_adds(&b, ")\\s*+$()|(?:)())");
	rx = rx_compile(b.p, b.len, RX_CASELESS | RX_NOJIT, err, sizeof(err));
	buf_free(&b);
	if (rx == NULL) {
		rule_error(file, lineno,
		    "the pattern cannot be joined with the other rules (a "
		    "(?x) comment that runs to its end, a verb not at a "
		    "pattern's start): %s",
		    err);
	} else {
		groups = rx_groups(rx);
		rx_free(rx);
	}
	if (groups != rule_groups(r) + 2)
		rule_error(file, lineno,
		    "the pattern cannot be joined with the other rules (a "
		    "(?x) comment that runs to its end?)");
}

/*
 * Parse one rule line p[0..len) of file.  Comments and blank lines are
 * skipped; a bad line is a fatal error "FILE:LINE: message".
 */
static void
rule_parse(const char *file, unsigned long lineno, const char *p, size_t len)
{
	const char *end = p + len, *w, *we, *f;
	struct rule r;
	char err[300], *msg;
	struct rx *rx;
	int cat;

	if (len > 0 && p[len - 1] == '\r')
		end--;
	w = skip_blanks(p, end);
	if (w == end || *w == '#')
		return;
	memset(&r, 0, sizeof(r));
	we = skip_word(w, end);
	cat = cat_lookup(w, (size_t)(we - w));
	if (cat < 0)
		rule_error(
		    file, lineno, "unknown category '%.*s'", (int)(we - w), w);
	r.cat = (unsigned char)cat;
	w = skip_blanks(we, end);
	we = skip_word(w, end);
	if (w == we)
		rule_error(file, lineno, "missing KIND (line, start or any)");
	f = memchr(w, ',', (size_t)(we - w));
	if (f == NULL)
		f = we;
	if (f - w == 4 && strncmp(w, "line", 4) == 0)
		r.kind = KIND_LINE;
	else if (f - w == 5 && strncmp(w, "start", 5) == 0)
		r.kind = KIND_START;
	else if (f - w == 3 && strncmp(w, "any", 3) == 0)
		r.kind = KIND_ANY;
	else
		rule_error(
		    file, lineno, "unknown KIND (expected line, start or any)");
	while (f < we) {
		const char *fe;

		f++;
		fe = memchr(f, ',', (size_t)(we - f));
		if (fe == NULL)
			fe = we;
		if (fe - f == 3 && strncmp(f, "end", 3) == 0)
			r.end = 1;
		else if (fe - f == 4 && strncmp(f, "weak", 4) == 0)
			r.weak = 1;
		else
			rule_error(file, lineno,
			    "unknown flag (expected end or weak)");
		f = fe;
	}
	w = skip_blanks(we, end);
	if (w == end)
		rule_error(file, lineno, "missing pattern");
	if (memchr(w, '\0', (size_t)(end - w)) != NULL)
		rule_error(file, lineno, "a NUL byte in the pattern");
	/*
	 * A rule of a file is compiled here to check it (and to count its
	 * groups); the built-in rules are checked by the unit tests, and
	 * their groups counted from the text.  Every rule is compiled for
	 * matching when it is first needed.
	 */
	if (strcmp(file, "builtin") == 0) {
		r.groups = RULE_GROUPS_UNKNOWN; /* rule_groups() */
	} else {
		rx = rx_compile(w, (size_t)(end - w), RX_CASELESS | RX_NOJIT,
		    err, sizeof(err));
		if (rx == NULL)
			rule_error(file, lineno, "%s", err);
		else
			r.groups = rx_groups(rx);
		rx_free(rx);
	}
	r.file = file;
	r.lineno = lineno;
	r.text = xmemdup(p, (size_t)(end - p));
	r.pat = rule_joined_pattern(w, (size_t)(end - w));
	if (strcmp(file, "builtin") != 0) {
		rfile.rule = &r; /* rule_error() frees its strings */
		rule_check_joined(file, lineno, &r);
		rfile.rule = NULL;
	}
	rule_analyse(&r, rules.n);
	r.why = xmalloc(strlen(file) + 32);
	(void)sprintf(r.why, "rule:%s:%lu", file, lineno);
	for (msg = r.why; *msg != '\0'; msg++)
		if (*msg == '\t' || *msg == '\n')
			*msg = ' ';
	rules.v =
	    xgrowarray(rules.v, &rules.vcap, rules.n + 1, sizeof(*rules.v), 64);
	rules.v[rules.n++] = r;
}

static void
rules_load_file(const char *path)
{
	struct line line;
	int rc;

	rfile.fp = fopen(path, "r");
	if (rfile.fp == NULL)
		pdie_sys("%s", path);
	lr_init(&rfile.lr, fileno(rfile.fp));
	lr_set_max_line(&rfile.lr, 1u << 20);
	while ((rc = lr_next(&rfile.lr, &line)) > 0)
		rule_parse(
		    path, (unsigned long)rfile.lr.lineno, line.p, line.len);
	if (rc < 0 && errno == ERANGE)
		rule_error(path, (unsigned long)rfile.lr.lineno + 1,
		    "a rule line longer than 1 MiB");
	if (rc < 0)
		pdie_sys("%s", path);
	rules_close_file();
}

void
rules_list(void)
{
	size_t i;
	const char *last = "builtin";

	/* The built-in table as it is, so that line N is rule:builtin:N. */
	for (i = 0; !opt.no_default_rules && builtin_rules[i] != NULL; i++) {
		out_puts(builtin_rules[i]);
		out_putc('\n');
	}
	for (i = 0; i < rules.n; i++) {
		if (strcmp(last, rules.v[i].file) != 0) {
			out_printf("# rules from %s\n", rules.v[i].file);
			last = rules.v[i].file;
		}
		if (strcmp(last, "builtin") != 0) {
			out_puts(rules.v[i].text);
			out_putc('\n');
		}
	}
}

/* ------------------------------------------------------------------ */
/* Compiled rules: first-byte buckets and the contains-rule prefilter. */

/*
 * Whole-line and prefix rules are anchored at the first non-blank byte
 * of the line.  For each pair of first bytes (a line of one byte: its
 * byte; a line that starts with U+2000 to U+203F: that character), the
 * rules that can start with it are joined into one alternation, each
 * alternative followed by an empty marker group "()" whose number tells
 * which rule matched.  Lines longer than LINE_RULE_MAX bytes get a second
 * set of alternations with the prefix rules only.  Buckets are worked out
 * (bucket_for) and compiled on first use, so a run pays only for the
 * first bytes its lines start with.
 */

static unsigned
gram_hash(uint32_t g)
{
	return (unsigned)((g * 0x9E3779B1u) >> 16);
}

/* The slot of gram g in rules.gram_key: its own, or the free slot it
 * would take. */
static size_t
gram_slot(uint32_t g)
{
	size_t j;

	for (j = gram_hash(g) & rules.gram_mask;
	     rules.gram_head[j] >= 0 && rules.gram_key[j] != g;
	     j = (j + 1) & rules.gram_mask)
		;
	return j;
}

static int
bucket_find(const size_t *list, size_t n)
{
	size_t b;

	for (b = 0; b < rules.nbuckets; b++)
		if (rules.bucket[b].n == n &&
		    memcmp(rules.bucket[b].rule, list, n * sizeof(*list)) == 0)
			return (int)b;
	rules.bucket = xgrowarray(rules.bucket, &rules.bucket_cap,
	    rules.nbuckets + 1, sizeof(*rules.bucket), 64);
	rules.bucket[rules.nbuckets].rule =
	    xreallocarray(NULL, n, sizeof(*list));
	memcpy(rules.bucket[rules.nbuckets].rule, list, n * sizeof(*list));
	rules.bucket[rules.nbuckets].marker = NULL;
	rules.bucket[rules.nbuckets].n = n;
	rules.bucket[rules.nbuckets].rx = NULL;
	return (int)rules.nbuckets++;
}

/* The pattern text of rule r: the rest of its line after two words. */
static const char *
rule_pattern(const struct rule *r, size_t *len)
{
	*len = strlen(r->pat);
	return r->pat;
}

static void
rules_index(void)
{
	size_t i, n;
	unsigned c;

	/*
	 * Contains rules, and anchored rules that start with no literal but
	 * hold one, are found through their grams.
	 */
	for (i = 0; i < rules.n; i++) {
		struct rule *r = &rules.v[i];
		struct gram g[GRAMS_MAX];
		int k, ng;

		if (r->kind != KIND_ANY && !r->generic)
			continue;
		ng = rule_grams(r, g);
		if (ng == 0 && r->kind == KIND_ANY) {
			rules.always = xreallocarray(rules.always,
			    rules.nalways + 1, sizeof(*rules.always));
			rules.always[rules.nalways++] = i;
		}
		if (ng > 0 && r->kind != KIND_ANY)
			r->gated = 1;
		for (k = 0; k < ng; k++) {
			if (rules.ngrams == rules.gram_cap) {
				size_t c1 = rules.gram_cap;

				rules.gram = xgrowarray(rules.gram, &c1,
				    rules.ngrams + 1, sizeof(*rules.gram), 64);
				rules.gram_rule = xgrowarray(rules.gram_rule,
				    &rules.gram_cap, rules.ngrams + 1,
				    sizeof(*rules.gram_rule), 64);
			}
			rules.gram[rules.ngrams] = g[k];
			rules.gram_rule[rules.ngrams++] = i;
			c = gram_hash(g[k].g);
			rules.bloom[c >> 6] |= (uint64_t)1 << (c & 63);
		}
	}
	for (n = 16; n < 2 * rules.ngrams; n *= 2)
		;
	rules.gram_mask = n - 1;
	rules.gram_key = xcalloc(n, sizeof(*rules.gram_key));
	rules.gram_head = xmalloc(n * sizeof(*rules.gram_head));
	for (i = 0; i < n; i++)
		rules.gram_head[i] = -1;
	rules.gram_next = xcalloc(rules.ngrams + 1, sizeof(*rules.gram_next));
	/* From the last gram to the first: each list in gram order. */
	for (i = rules.ngrams; i > 0; i--) {
		uint32_t g = rules.gram[i - 1].g;
		size_t j = gram_slot(g);

		rules.gram_key[j] = g;
		rules.gram_next[i - 1] = rules.gram_head[j];
		rules.gram_head[j] = (int)(i - 1);
	}
	rules.scratch = xcalloc(rules.n + 1, sizeof(*rules.scratch));
}

/*
 * Compile bucket b: its rules' alternation, anchored at the line start.
 * A line comes without the white space around it (rules_match), so the
 * alternation needs no "\\s*+" in front, which made every search of a
 * bucket run the matcher (a third more work on a line it turns away).
 */
static void
bucket_compile(struct bucket *b)
{
	struct buf pat = BUF_INIT;
	char err[300];
	unsigned group = 0;
	size_t i, len;
	const char *p;

	b->marker = xcalloc(b->n, sizeof(*b->marker));
	buf_adds(&pat, "^(?:");
	for (i = 0; i < b->n; i++) {
		struct rule *r = &rules.v[b->rule[i]];

		r->groups = rule_groups(r);
		p = rule_pattern(r, &len);
		if (i > 0)
			buf_addc(&pat, '|');
		buf_adds(&pat, "(?:");
		buf_add(&pat, p, len);
		buf_adds(&pat, r->kind == KIND_LINE ? ")\\s*+$()" : ")()");
		group += r->groups;
		b->marker[i] = ++group;
	}
	buf_addc(&pat, ')');
	b->rx = rx_compile(
	    pat.p, pat.len, RX_CASELESS | RX_LAZYJIT, err, sizeof(err));
	if (b->rx == NULL)
		pdie("rules: a combined pattern: %s", err);
	buf_free(&pat);
}

void
rules_free(void)
{
	if (keepable()) {
		keep.kept = 1;
		rules.limit_reported = 0;
		return;
	}
	rules_release();
}

static void
rules_release(void)
{
	size_t i;

	for (i = 0; i < rules.n; i++) {
		free(rules.v[i].text);
		free(rules.v[i].pat);
		free(rules.v[i].why);
		if (rules.v[i].rx != NULL)
			rx_free(rules.v[i].rx);
		if (rules.v[i].arx != NULL)
			rx_free(rules.v[i].arx);
	}
	for (i = 0; i < rules.nbuckets; i++) {
		free(rules.bucket[i].rule);
		free(rules.bucket[i].marker);
		if (rules.bucket[i].rx != NULL)
			rx_free(rules.bucket[i].rx);
	}
	for (i = 0; i < rules.nnames; i++)
		free(rules.names[i].name);
	free(rules.names);
	free(rules.v);
	free(rules.bucket);
	free(rules.gram);
	free(rules.gram_rule);
	free(rules.gram_key);
	free(rules.gram_head);
	free(rules.gram_next);
	free(rules.always);
	free(rules.pair[0]);
	free(rules.pair[1]);
	free(rules.scratch);
	free(rules.trie);
	free(rules.trie_head);
	free(rules.ent_rule);
	free(rules.cand);
	free(rules.ent_next);
	memset(&rules, 0, sizeof(rules));
}

static void
rules_limit(const char *label, unsigned long long lineno)
{
	if (!rules.limit_reported)
		pwarn("%s:%llu: pattern match limit hit, rules skipped for "
		      "this line",
		    label, lineno);
	rules.limit_reported = 1;
	prog_set_trouble();
}

/* pair_rule()'s second byte for a line of one byte. */
#define NO_SECOND 256

/*
 * Can rule r match a line that starts with bytes b1 b2 (b1 alone when b2
 * is NO_SECOND; only a prefix rule when longs), as far as its first bytes
 * tell?  A rule found through its grams (gated) is left to them, except
 * a prefix rule on a long line that starts with a letter past ASCII: the
 * grams of a long line of prose are not looked for (gram_match), and a
 * prefix rule whose first letter has two cases ("мы используем файлы
 * cookie": "М" and "м") has no literal prefix for the trie, yet must find
 * a cookie notice of three hundred bytes.  (A line that starts in ASCII,
 * most of them, is spared the search.)
 */
static int
pair_rule(const struct rule *r, int longs, unsigned b1, unsigned b2)
{
	return r->kind != KIND_ANY && r->generic &&
	    (!r->gated || (longs && b1 >= 0x80)) &&
	    !(longs && r->kind != KIND_START) && bs_has(&r->first, b1) &&
	    (b2 == NO_SECOND || bs_has(&r->second, b2));
}

/*
 * The bucket of the rules that can match a line starting with bytes b1
 * b2 (only prefix rules when longs) and, when punct is not PUNCT_ALL,
 * whose set of U+2000 + i they can start with (struct rule's punct)
 * meets punct: its index + 1, or -1 when no rule can.
 */
static int
bucket_work_out(int longs, unsigned b1, unsigned b2, uint64_t punct)
{
	size_t i, n = 0;

	for (i = 0; i < rules.n; i++)
		if (pair_rule(&rules.v[i], longs, b1, b2) &&
		    (punct == PUNCT_ALL || (rules.v[i].punct & punct)))
			rules.scratch[n++] = i;
	return n == 0 ? -1 : bucket_find(rules.scratch, n) + 1;
}

/*
 * That bucket (-1: none), worked out on first use and kept in *cell:
 * bucket + 1, -1 for no rule, 0 not worked out yet.  (Small, to be
 * inlined in rule_bucket(): every line asks.)
 */
static int
bucket_for(int *cell, int longs, unsigned b1, unsigned b2, uint64_t punct)
{
	if (*cell == 0)
		*cell = bucket_work_out(longs, b1, b2, punct);
	return *cell > 0 ? *cell - 1 : -1;
}

/*
 * The bucket of a line that starts with p[0..len): by its first two
 * bytes, and for a line that starts with one of U+2000 to U+203F (a
 * quotation mark, a dash, a bullet: E2 80 xx) by that character, which
 * few rules can start with (see PUNCT_ALL): a quotation's paragraph is
 * not searched by the rules in Cyrillic and Korean that E2 80 alone lets
 * in (any letter past ASCII may have its other case under E2).
 */
static int
rule_bucket(const unsigned char *p, size_t len)
{
	int longs = len > LINE_RULE_MAX;
	unsigned c;

	if (len == 1)
		return bucket_for(
		    &rules.single[p[0]], 0, p[0], NO_SECOND, PUNCT_ALL);
	if (len < 3 || p[0] != 0xE2 || p[1] != 0x80 || (p[2] & 0xC0) != 0x80) {
		if (rules.pair[longs] == NULL)
			rules.pair[longs] = xcalloc(65536, sizeof(int));
		return bucket_for(&rules.pair[longs][p[0] << 8 | p[1]], longs,
		    p[0], p[1], PUNCT_ALL);
	}
	c = p[2] & 63;
	return bucket_for(
	    &rules.punct[longs][c], longs, 0xE2, 0x80, (uint64_t)1 << c);
}

/* Compile a literal-led rule alone, anchored at the line start. */
static void
rule_compile_anchored(struct rule *r)
{
	struct buf pat = BUF_INIT;
	char err[300];
	const char *p;
	size_t len;

	p = rule_pattern(r, &len);
	buf_adds(&pat, "^(?:");
	buf_add(&pat, p, len);
	buf_adds(&pat, r->kind == KIND_LINE ? ")\\s*+$" : ")");
	r->arx = rx_compile(
	    pat.p, pat.len, RX_CASELESS | RX_LAZYJIT, err, sizeof(err));
	if (r->arx == NULL)
		pdie("%s: %s", r->why, err);
	buf_free(&pat);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Walk the trie along the line: the rules whose literal prefix the line
 * starts with are tried, in rule order, while they come before best.
 */
static size_t
trie_match(const char *p, size_t len, size_t best, const char *label,
    unsigned long long lineno)
{
	/* Room for every entry of the trie: a line can spell the prefixes of
	 * all the rules (a user's rule file may have thousands). */
	size_t *cand = rules.cand, ncand = 0, d, j;
	uint32_t node = 0;
	int e, rc;

	if (rules.trie_head == NULL)
		return best;
	for (d = 0; d < len && d < PREFIX_LEN; d++) {
		unsigned c = (unsigned char)p[d];

		node = trie_find(node, lower_byte[c]);
		if (node == 0)
			break;
		for (e = rules.trie_head[node]; e >= 0; e = rules.ent_next[e]) {
			size_t r = rules.ent_rule[e];

			if (r >= best ||
			    (len > LINE_RULE_MAX &&
				rules.v[r].kind != KIND_START))
				continue;
			cand[ncand++] = r;
		}
	}
	/* In rule order: the first rule that matches decides.  Few
	 * candidates are the rule (an insertion sort, not qsort's set-up,
	 * for those); a user's rule file can make thousands. */
	if (ncand > 8) {
		qsort(cand, ncand, sizeof(*cand), cmp_size);
	} else {
		for (j = 1; j < ncand; j++) {
			size_t c = cand[j], m = j;

			for (; m > 0 && cand[m - 1] > c; m--)
				cand[m] = cand[m - 1];
			cand[m] = c;
		}
	}
	for (j = 0; j < ncand && cand[j] < best; j++) {
		struct rule *r = &rules.v[cand[j]];

		if (j > 0 && cand[j] == cand[j - 1])
			continue;
		if (r->arx == NULL)
			rule_compile_anchored(r);
		rc = rx_search(r->arx, p, len, 0);
		if (rc > 0)
			return cand[j];
		if (rc < 0)
			rules_limit(label, lineno);
	}
	return best;
}

/* Does the line hold the literal of gram k, whose gram ends at byte i? */
static int
gram_literal(const char *p, size_t len, size_t i, const struct gram *g)
{
	size_t start, t;

	if (i + 1 < 4 + (size_t)g->off)
		return 0;
	start = i + 1 - 4 - g->off;
	if (start + g->len > len)
		return 0;
	for (t = 0; t < g->len; t++) {
		if (lower_byte[(unsigned char)p[start + t]] !=
		    (unsigned char)g->lit[t])
			return 0;
	}
	return 1;
}

/* Try contains rule i on the line; 1 if it matches. */
static int
any_try(size_t i, const char *p, size_t len, const char *label,
    unsigned long long lineno)
{
	struct rule *r = &rules.v[i];
	char err[300];
	int rc;

	if (r->rx == NULL) {
		r->rx = rx_compile(r->pat, strlen(r->pat),
		    RX_CASELESS | RX_LAZYJIT, err, sizeof(err));
		if (r->rx == NULL)
			pdie("%s: %s", r->why, err);
	}
	rc = rx_search(r->rx, p, len, 0);

	if (rc < 0)
		rules_limit(label, lineno);
	return rc > 0;
}

/*
 * The rules found through their grams: the line (of a line of prose, its
 * first and last GRAM_LONG bytes; of a line longer than ANY_MAX, nothing if
 * it is prose, else the first GRAM_LONG bytes, where a prefix rule's words
 * are) is run through
 * the bloom filter four bytes at a time; a hit whose
 * whole literal is there too has its rule tried.  Returns the first rule
 * in rule order that matches, if before best.
 */
/*
 * From byte i on, the first byte before to that ends a gram whose bloom
 * bit is set (to if none); *g holds the gram ending before i, then the
 * one ending there.  The bloom bit alone: on news text it is set for
 * about 1.4% of the bytes; a test of the last two bytes first cut that
 * only to 1.2% and cost a branch that went either way.  (A loop of its
 * own, which calls nothing, keeps the tables in registers.)
 */
static size_t
bloom_next(const unsigned char *q, size_t i, size_t to, uint32_t *g)
{
	const uint64_t *bloom = rules.bloom;
	const unsigned char *lower = lower_byte;
	uint32_t v = *g;
	unsigned h;

	for (; i < to; i++) {
		v = v << 8 | lower[q[i]];
		h = gram_hash(v);
		if ((bloom[h >> 6] >> (h & 63)) & 1)
			break;
	}
	*g = v;
	return i;
}

static size_t
gram_scan(const char *p, size_t len, size_t from, size_t to, size_t best,
    const char *label, unsigned long long lineno)
{
	const unsigned char *q = (const unsigned char *)p;
	size_t i;
	int k;
	uint32_t g = 0;

	/* The first three bytes only fill the gram. */
	for (i = from; i < to && i < from + 3; i++)
		g = g << 8 | lower_byte[q[i]];
	for (; (i = bloom_next(q, i, to, &g)) < to; i++) {
		for (k = rules.gram_head[gram_slot(g)]; k >= 0;
		     k = rules.gram_next[k]) {
			size_t r = rules.gram_rule[k];
			struct rule *rr = &rules.v[r];
			int rc;

			if (r >= best ||
			    !gram_literal(p, len, i, &rules.gram[k]))
				continue;
			if (rr->kind == KIND_ANY) {
				if (len <= ANY_MAX &&
				    any_try(r, p, len, label, lineno))
					best = r;
				continue;
			}
			if (rr->kind == KIND_LINE && len > LINE_RULE_MAX)
				continue;
			if (rr->arx == NULL)
				rule_compile_anchored(rr);
			rc = rx_search(rr->arx, p, len, 0);
			if (rc > 0)
				best = r;
			else if (rc < 0)
				rules_limit(label, lineno);
		}
	}
	return best;
}

static size_t
gram_match(const char *p, size_t len, int prose, size_t best, const char *label,
    unsigned long long lineno)
{
	if (len > ANY_MAX && prose)
		return best;
	if (len > ANY_MAX)
		return gram_scan(p, len, 0, GRAM_LONG, best, label, lineno);
	if (!prose || len <= (size_t)2 * GRAM_LONG)
		return gram_scan(p, len, 0, len, best, label, lineno);
	/* Prose: its head (phrases) and its tail (credits, copyright). */
	best = gram_scan(p, len, 0, GRAM_LONG, best, label, lineno);
	return gram_scan(p, len, len - GRAM_LONG, len, best, label, lineno);
}

void
rules_prefetch(const char *p, size_t len)
{
	unsigned b1, b2;
	uint32_t node;

	if (len < 2)
		return;
	b1 = (unsigned char)p[0];
	b2 = (unsigned char)p[1];
	if (rules.pair[len > LINE_RULE_MAX] != NULL)
		cache_prefetch(&rules.pair[len > LINE_RULE_MAX][b1 << 8 | b2]);
	/* The trie's second level (the root's children are a small
	 * array): trie_find()'s first probe of the table. */
	node = rules.trie_root[lower_byte[b1]];
	if (node != 0 && rules.trie != NULL)
		cache_prefetch(
		    &rules.trie[trie_hash(trie_key(node, lower_byte[b2])) &
			rules.trie_mask]);
}

/*
 * The first rule (in rule order) that matches p[0..len), or -1.  p is the
 * line without surrounding white space.
 */
int
rules_match(const char *p, size_t len, int prose, const char *label,
    unsigned long long lineno)
{
	size_t best = (size_t)-1, i;
	struct bucket *b;
	const size_t *ov;
	int bi, rc;

	if (len == 0)
		return -1;
	bi = rule_bucket((const unsigned char *)p, len);
	if (bi >= 0) {
		b = &rules.bucket[bi];
		if (b->rx == NULL)
			bucket_compile(b);
		rc = rx_search(b->rx, p, len, 0);
		if (rc > 0) {
			ov = rx_ovector(b->rx);
			for (i = 0; i < b->n; i++)
				if (ov[2 * (size_t)b->marker[i]] != RX_UNSET) {
					best = b->rule[i];
					break;
				}
		} else if (rc < 0) {
			rules_limit(label, lineno);
		}
	}
	best = trie_match(p, len, best, label, lineno);
	if (len <= ANY_MAX)
		for (i = 0; i < rules.nalways; i++)
			if (rules.always[i] < best &&
			    any_try(rules.always[i], p, len, label, lineno))
				best = rules.always[i];
	if (rules.ngrams > 0)
		best = gram_match(p, len, prose, best, label, lineno);
	return best == (size_t)-1 ? -1 : (int)best;
}

const struct rule *
rule_at(int i)
{
	return &rules.v[i];
}

unsigned
rule_groups(const struct rule *r)
{
	if (r->groups != RULE_GROUPS_UNKNOWN)
		return r->groups;
	return capture_groups(r->pat, r->pat + strlen(r->pat));
}

void
rules_load(void)
{
	size_t i;

	if (keep.kept && keepable())
		return;
	/* A kept set, or one a harness's exit() abandoned half-built. */
	rules_close_file();
	rules_release();
	keep.kept = 0;
	if (!opt.no_default_rules)
		for (i = 0; builtin_rules[i] != NULL; i++)
			rule_parse("builtin", (unsigned long)i + 1,
			    builtin_rules[i], strlen(builtin_rules[i]));
	for (i = 0; i < opt.nrule_files; i++)
		rules_load_file(opt.rule_files[i]);
	if (opt.list_rules)
		return;
	rules_index();
}
