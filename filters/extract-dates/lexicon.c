/*
 * lexicon.c - word lookups for extract-dates.
 *
 * The words of the *.words files (months.words, weekdays.words ...) sit
 * in one open-addressing hash table keyed by the lower-cased word; a word
 * listed in two files (second: a unit and an ordinal) has two entries,
 * found by lex_get() for its first class and lex_get_class() for any.
 * Trigger words (those that can be the head of a date expression:
 * months, weekdays, units, holidays ...) also set a bit for their first
 * three letters, so that the scanner rejects most words of a line with
 * one bit test before any hashing (e.g. "the", "said", "company").
 *
 * A key is the word as two 64-bit integers (bytes 0-7 and 8-15, zero
 * past its end, A-Z folded to a-z eight bytes at a time): hashing is two
 * multiplications and comparing a slot is two integer compares, where a
 * loop over the letters cost about a hundred instructions a lookup (the
 * scanner looks up a quarter of a million words in 10 MB of news).
 */
#include "lexicon.h"

#include <string.h>

#include "dates.h"
#include "prog.h"
#include "scan.h"
#include "words.h" /* lex_words[], made from the *.words files */

static int is_trigger_class(int cls);

#define LEX_SLOTS 2048 /* a power of two, well above the words' count */
#define LEX_SLOT_BITS 11
#define LEX_WORDS 1024 /* at most: half the slots */
#define KEY_MAX 15

/* A word, with its classes. */
struct entry {
	uint64_t k0, k1; /* the key: see the top of the file */
	size_t len;
	struct lexword_all all;
};

/* The hash table holds the index of an entry (0: a free slot); the
 * entries lie together, 22 KiB for 450 words, where slots holding them
 * spread them over 96 KiB and out of the cache. */
static uint16_t table[LEX_SLOTS];
static struct entry entries[LEX_WORDS + 1];
static unsigned nentries;
uint16_t lex_pre2[32 * 32];
uint32_t lex_pre3[32 * 32 + 1][32];
static unsigned pre3_used; /* blocks of lex_pre3 given out, 0 the zero one */

#define L8(x) x, x, x, x, x, x, x, x
const unsigned char lex_letter[256] = {L8(0), L8(0), L8(0), L8(0), L8(0), L8(0),
    L8(0), L8(0), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    18, 19, 20, 21, 22, 23, 24, 25, 26, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7,
    8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 0,
    0, 0, 0, 0};

/*
 * Whether a word of class cls with value val heads expressions.  A
 * holiday whose name goes on ("Labor Day", "Good Friday") is found from
 * its last word instead: "labor" and "good" are common words.
 */
static int
is_trigger(int cls, int val)
{
	if (cls == L_HOLIDAYS && val < 0)
		return 0;
	/* a year in words: "in nineteen ninety six", "two thousand and
	 * fifteen" (numbers.words: thousand 0) */
	if (cls == L_NUMBERS && (val == 19 || val == 0))
		return 1;
	/* the minutes of a clock in words: "at three twenty", "nine
	 * fifty-nine a m", "from two thirty to two forty five" */
	if (cls == L_NUMBERS && (val == 15 || (val >= 20 && val <= 50)))
		return 1;
	return is_trigger_class(cls);
}

static int
is_trigger_class(int cls)
{
	switch (cls) {
	case L_MONTHS:
	case L_WEEKDAYS:
	case L_RELDAYS:
	case L_UNITS:
	case L_PARTS:
	case L_SEASONS:
	case L_HOLIDAYS:
	case L_BOUNDS:
		return 1;
	default:
		return 0;
	}
}

/* The n bytes at p (1 <= n <= 8) as an integer, the rest zero, A-Z made
 * a-z: "Tues" and "TUES" make the key of "tues".  Two loads that may
 * overlap (bytes 0-3 and n-4..n-1), so no call to memcpy() and no loop
 * over the letters. */
static uint64_t
key_word(const unsigned char *p, size_t n)
{
	uint64_t v = 0;

#if !defined(SCAN_SWAR)
	size_t k;

	/* byte k at bits 8k whatever the machine's byte order */
	for (k = 0; k < n; k++)
		v |= (uint64_t)p[k] << (8 * k);
#else
	if (n >= 4) {
		uint32_t lo, hi; /* little-endian: byte k at bits 8k */

		memcpy(&lo, p, 4);
		memcpy(&hi, p + n - 4, 4);
		v = (uint64_t)lo | (uint64_t)hi << (8 * (n - 4));
	} else {
		v = (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) |
		    (uint64_t)p[n - 1] << (8 * (n - 1));
	}
#endif
	return v | swar_range(v, 'A', 'Z') >> 2;
}

#if defined(SCAN_SWAR)
/* The low n bytes of the eight at p (n < 8 keeps the first n; 8 all),
 * folded as by key_word(). */
static uint64_t
key_masked(const unsigned char *p, size_t n)
{
	uint64_t v = swar_load(p);

	if (n < 8)
		v &= (1ULL << (8 * n)) -
		    1; /* little-endian: byte k is bits 8k */
	return v | swar_range(v, 'A', 'Z') >> 2;
}
#endif

static unsigned
hash(uint64_t k0, uint64_t k1, size_t len)
{
	uint64_t h =
	    (k0 ^ (k1 + len) * 0xc2b2ae3d27d4eb4fULL) * 0x9e3779b97f4a7c15ULL;

	return (unsigned)(h >> (64 - LEX_SLOT_BITS));
}

static const struct lexword_all *
find(uint64_t k0, uint64_t k1, size_t len)
{
	unsigned h = hash(k0, k1, len);

	for (; table[h] != 0; h = (h + 1) & (LEX_SLOTS - 1)) {
		const struct entry *x = &entries[table[h]];

		if (x->k0 == k0 && x->k1 == k1 && x->len == len)
			return &x->all;
	}
	return NULL;
}

static void
add_class(struct lexword_all *a, int cls, int val)
{
	int k;

	if (a->n >= LEX_MAXCLASS)
		return;
	a->e[a->n].cls = (uint8_t)cls;
	a->e[a->n].val = (int16_t)val;
	a->e[a->n].trigger = (uint8_t)is_trigger(cls, val);
	a->n++;
	a->mask |= 1u << cls;
	if (cls == L_MODIFIERS)
		a->mod = (uint8_t)val; /* the last one, as the scanner did */
	a->trig = a->mod == M_AM || a->mod == M_PM || a->mod == M_OCLOCK;
	for (k = 0; k < a->n; k++)
		a->trig |= a->e[k].trigger;
}

/* Mark the length of the word w[0..len) under its first three letters
 * (words of one or two letters index with blanks: "q"). */
static void
set_prefix_bits(const unsigned char *w, size_t len, int trigger)
{
	unsigned a = lex_letter[w[0]];
	unsigned b = len > 1 ? lex_letter[w[1]] : 0;
	unsigned c = len > 2 ? lex_letter[w[2]] : 0;
	uint32_t *bits;

	if (lex_pre2[a << 5 | b] == 0)
		lex_pre2[a << 5 | b] = (uint16_t)++pre3_used;
	bits = &lex_pre3[lex_pre2[a << 5 | b]][c];
	*bits |= (uint32_t)1 << len;
	if (trigger)
		*bits |= (uint32_t)1 << (LEX_TRIGGER_SHIFT + len);
}

static void
add(const char *w, int cls, int val)
{
	const unsigned char *u = (const unsigned char *)w;
	size_t len = strlen(w);
	uint64_t k0 = key_word(u, len < 8 ? len : 8);
	uint64_t k1 = len > 8 ? key_word(u + 8, len - 8) : 0;
	unsigned h = hash(k0, k1, len);
	struct entry *x;

	/* "am" and "pm" are marked as triggers too: they head "three am",
	 * so the scanner looks them up at once like the triggers */
	set_prefix_bits(u, len,
	    is_trigger(cls, val) ||
		(cls == L_MODIFIERS && (val == M_AM || val == M_PM) &&
		    len == 2));
	while (table[h] != 0) {
		x = &entries[table[h]];
		if (x->k0 == k0 && x->k1 == k1 && x->len == len) {
			/* the same word in another class */
			add_class(&x->all, cls, val);
			return;
		}
		h = (h + 1) & (LEX_SLOTS - 1);
	}
	if (nentries == LEX_WORDS)
		pdie("lexicon: more than %d words: raise LEX_WORDS", LEX_WORDS);
	table[h] = (uint16_t)++nentries;
	x = &entries[nentries];
	x->k0 = k0;
	x->k1 = k1;
	x->len = len;
	add_class(&x->all, cls, val);
}

void
lex_init(void)
{
	const struct lexword *lw;

	memset(table, 0, sizeof(table));
	memset(entries, 0, sizeof(entries));
	nentries = 0;
	memset(lex_pre2, 0, sizeof(lex_pre2));
	memset(lex_pre3, 0, sizeof(lex_pre3));
	pre3_used = 0;
	/* tense words last: "next", "tomorrow" are first what they are in
	 * the date grammar */
	for (lw = lex_words; lw->w != NULL; lw++)
		if (strlen(lw->w) <= KEY_MAX && lw->cls != L_PAST &&
		    lw->cls != L_FUTURE)
			add(lw->w, lw->cls, lw->val);
	for (lw = lex_words; lw->w != NULL; lw++)
		if (strlen(lw->w) <= KEY_MAX &&
		    (lw->cls == L_PAST || lw->cls == L_FUTURE))
			add(lw->w, lw->cls, lw->val);
}

const struct lexword_all *
lex_find(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;

	if (len == 0 || len > KEY_MAX)
		return NULL;
	return find(key_word(u, len < 8 ? len : 8),
	    len > 8 ? key_word(u + 8, len - 8) : 0, len);
}

const struct lexword_all *
lex_find_at(const char *s, size_t n, size_t i, size_t len)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (len == 0 || len > KEY_MAX)
		return NULL;
#if defined(SCAN_SWAR)
	if (n - i >= 16)
		return find(key_masked(u, len),
		    len > 8 ? key_masked(u + 8, len - 8) : 0, len);
#endif
	(void)n;
	return lex_find((const char *)u, len);
}

const struct lexent *
lex_get_class(const char *p, size_t len, int cls)
{
	const struct lexword_all *a = lex_find(p, len);
	int i;

	if (a == NULL || !(a->mask & (1u << cls)))
		return NULL;
	for (i = 0; i < a->n; i++)
		if (a->e[i].cls == cls)
			return &a->e[i];
	return NULL;
}

const struct lexent *
lex_get(const char *p, size_t len)
{
	const struct lexword_all *a = lex_find(p, len);

	return a != NULL ? &a->e[0] : NULL;
}
