/*
 * wordtab.h - a table of short ASCII words, each with 32 bits of flags and
 * a value, looked up with ASCII letters folded: the filters' lexicons
 * (extract-quotes' word lists, extract-amounts' currency words).
 *
 * A word of 1 to WORDTAB_MAX - 1 bytes is packed into three 64-bit
 * integers, zero-padded, so that a probe compares three integers instead
 * of hashing and comparing bytes one by one; a second array holds 16 more
 * bits of each slot's hash (0: a free slot), small enough to stay in
 * cache, so that a probe reads a slot only when its tag matches.  Open
 * addressing with linear probing; the table does not grow: it is sized
 * once for its lists, and wordtab_add() refuses a word past three
 * quarters full.
 *
 * Words are stored as given (lower case by convention); wordtab_find()
 * folds A-Z to a-z in the word it is given, eight bytes at a time.  A
 * word with a byte of 0x80 or more is never found.
 *
 * Usage:
 *	struct wordtab t;
 *	wordtab_init(&t, 12);              (4096 slots)
 *	wordtab_add(&t, "said", 4)->flags |= VERB;
 *	s = wordtab_find(&t, "Said", 4);   (s->flags & VERB)
 *	wordtab_free(&t);
 */
#ifndef WINNOW_WORDTAB_H
#define WINNOW_WORDTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "scan.h"

/*
 * A built-in word list, as scripts/words2c makes them from a folder's
 * words/NAME.words (its words.h holds word_lists[], every list of the
 * folder, ending with {NULL, NULL}): what a lexicon is filled from.
 */
struct word_list {
	const char *name;         /* the file's name without .words */
	const char *const *words; /* its entries, ending with NULL */
};

/*
 * --list-words: every word of lists (ending with {NULL, NULL}), one a
 * line as LIST<TAB>WORD, after a "list<TAB>word" header line when header
 * is nonzero (extract-quotes and html-text print one, split-sentences
 * none).  Written through lib/output.
 */
void wordtab_print_lists(const struct word_list *lists, int header);

/* Words of WORDTAB_MAX bytes or more are never in a table. */
#define WORDTAB_MAX 24

struct wordtab_slot {
	uint64_t key[3]; /* the word's bytes, zero-padded */
	uint32_t len;    /* its length; 0: a free slot */
	uint32_t flags;  /* the caller's: 0 in a new slot */
	uint32_t value;  /* the caller's: 0 in a new slot */
};

struct wordtab {
	struct wordtab_slot *slot;
	uint16_t *tag; /* 0: free, else 16 bits of the slot's hash | 1 */
	uint32_t mask; /* slots - 1 */
	uint32_t used;
};

/* An empty table of 2^bits slots (4 <= bits <= 24). */
void wordtab_init(struct wordtab *t, unsigned bits);

/* Free what wordtab_init() took; the table may be initialised again. */
void wordtab_free(struct wordtab *t);

/*
 * The slot of the word w[0..n), added (flags and value 0) when it was not
 * there.  NULL when n is 0 or WORDTAB_MAX or more, or when the table is
 * three quarters full.  The word is stored as given: add lower-case words
 * for wordtab_find() to fold to.
 */
struct wordtab_slot *wordtab_add(struct wordtab *t, const char *w, size_t n);

/* Bytes w[0..n) (0 < n < WORDTAB_MAX) into key, zero-padded, with
 * fixed-size loads (no byte loop, no call). */
static inline void
wordtab_key(const char *w, size_t n, uint64_t key[3])
{
	uint64_t x;

	key[0] = key[1] = key[2] = 0;
	if (n < 8) {
		key[0] = swar_load_short(w, n);
		return;
	}
	memcpy(&key[0], w, 8);
	if (n == 8)
		return;
	if (n <= 16) {
		memcpy(&x, w + n - 8, 8);
		key[1] = x >> 8 * (16 - n);
		return;
	}
	memcpy(&key[1], w + 8, 8);
	memcpy(&x, w + n - 8, 8);
	key[2] = x >> 8 * (24 - n);
}

/* Fold A-Z to a-z in key, eight bytes at a time; 0 when a byte is 0x80
 * or more (no word of a table), else 1. */
static inline int
wordtab_fold(uint64_t key[3])
{
	uint64_t hi = 0;
	int k;

	for (k = 0; k < 3 && key[k] != 0; k++) {
		hi |= key[k];
		key[k] |= swar_range(key[k], 'A', 'Z') >> 2;
	}
	return swar_high(hi) == 0;
}

/* The hash of a key: the high half of a product mixes every byte. */
static inline uint32_t
wordtab_hash(const uint64_t key[3])
{
	uint64_t h = key[0] * 0x9e3779b97f4a7c15ULL +
	    key[1] * 0xc2b2ae3d27d4eb4fULL + key[2] * 0x165667b19e3779f9ULL;

	return (uint32_t)(h >> 32);
}

/* The tag a hash gives its slot (never 0). */
static inline uint16_t
wordtab_tag(uint32_t h)
{
	return (uint16_t)((h >> 16) | 1u);
}

/*
 * The index of the slot of key (a word of n bytes): its own, or the free
 * slot it would take, whose flags and value are 0 (so that a caller may
 * read the flags of a word without testing whether it is there).
 */
static inline uint32_t
wordtab_index(const struct wordtab *t, const uint64_t key[3], size_t n)
{
	uint32_t h = wordtab_hash(key), i = h & t->mask;
	uint16_t tag = wordtab_tag(h);
	const struct wordtab_slot *s;

	for (; t->tag[i] != 0; i = (i + 1) & t->mask) {
		s = &t->slot[i];
		if (t->tag[i] == tag && s->len == n && s->key[0] == key[0] &&
		    s->key[1] == key[1] && s->key[2] == key[2])
			break;
	}
	return i;
}

/*
 * The farthest any word of t sits from its home slot (0: every word at
 * home), for wordtab_short_has()'s condition.
 */
uint32_t wordtab_spread(const struct wordtab *t);

/*
 * The words of at most 8 bytes of a table, for a loop that looks up every
 * word of a text (declutter's stopwords): each slot of t as its first key
 * word and its length alone, 9 bytes where a table slot takes 40, so that
 * the set stays in the first-level cache while the text streams past.
 * A word sits in the same slot as in t.
 */
struct wordtab_short {
	uint64_t *key;      /* the word's bytes, zero-padded; 0: none */
	unsigned char *len; /* its length; 0: none (or a longer word) */
	uint32_t mask;      /* slots - 1, as in the table */
};

/* The short set of t's words of at most 8 bytes; t must have
 * wordtab_spread(t) <= 1 (see wordtab_short_has()). */
void wordtab_short_init(struct wordtab_short *s, const struct wordtab *t);

/* Free what wordtab_short_init() took. */
void wordtab_short_free(struct wordtab_short *s);

/*
 * Is the word whose n bytes (n <= 8) key holds, zero-padded in memory
 * order as wordtab_key() packs them and already folded to lower case
 * (wordtab_fold(), or a cheaper fold the caller knows to be exact for its
 * bytes), in s?  No branch on the word: for a loop that looks up every
 * word of a text, where a mispredicted branch per word costs more than
 * the lookup itself.  It reads the word's home slot and the next one
 * only, so the table s was made from must have had wordtab_spread() <= 1
 * (a few hundred words in a few thousand slots: size the table until it
 * does).
 */
static inline unsigned
wordtab_short_has(const struct wordtab_short *s, uint64_t key, size_t n)
{
	const uint64_t k[3] = {key, 0, 0};
	uint32_t i, j;

	i = wordtab_hash(k) & s->mask;
	j = (i + 1) & s->mask;
	return ((s->key[i] == key) & (s->len[i] == n)) |
	    ((s->key[j] == key) & (s->len[j] == n));
}

/* The slot of the word w[0..n), A-Z folded, or NULL. */
static inline const struct wordtab_slot *
wordtab_find(const struct wordtab *t, const char *w, size_t n)
{
	uint64_t key[3];
	uint32_t i;

	if (n == 0 || n >= WORDTAB_MAX)
		return NULL;
	wordtab_key(w, n, key);
	if (!wordtab_fold(key))
		return NULL;
	i = wordtab_index(t, key, n);
	return t->tag[i] != 0 ? &t->slot[i] : NULL;
}

#endif
