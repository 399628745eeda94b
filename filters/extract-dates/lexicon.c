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
 */
#include <string.h>

#include "dates.h"
#include "lexicon.h"

static int is_trigger_class(int cls);

#define LEX_SLOTS 2048 /* a power of two, well above the words' count */
#define KEY_MAX 15

struct slot {
	char key[KEY_MAX + 1];
	unsigned char len;
	struct lexent e;    /* its first class (file order, tense last) */
	struct lexword_all all;
};

static struct slot table[LEX_SLOTS];
uint16_t lex_trigger_len[LEX_PREFIXES];
uint16_t lex_word_len[LEX_PREFIXES];

#define L8(x) x, x, x, x, x, x, x, x
const unsigned char lex_letter[256] = {L8(0), L8(0), L8(0), L8(0), L8(0),
    L8(0), L8(0), L8(0), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 0, 0, 0, 0, 0, 0, 1, 2,
    3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
    23, 24, 25, 26, 0, 0, 0, 0, 0};

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
		return 1;
	default:
		return 0;
	}
}

static unsigned
hash(const char *w, size_t len)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)(w[i] | 0x20)) * 16777619u;
	return h;
}

static void
add(const char *w, int cls, int val)
{
	size_t len = strlen(w);
	unsigned h = hash(w, len) & (LEX_SLOTS - 1);
	unsigned k;

	while (table[h].len != 0) {
		if (table[h].len == len && memcmp(table[h].key, w, len) == 0) {
			/* the same word in another class */
			struct lexword_all *a = &table[h].all;

			if (a->n < LEX_MAXCLASS) {
				a->e[a->n].cls = (uint8_t)cls;
				a->e[a->n].val = (int16_t)val;
				a->e[a->n].trigger = (uint8_t)is_trigger(cls, val);
				a->n++;
				a->mask |= 1u << cls;
			}
			if (is_trigger(cls, val)) {
				k = lex_prefix_index((const unsigned char *)w, len);
				lex_trigger_len[k] |= (uint16_t)(1u << len);
			}
			return;
		}
		h = (h + 1) & (LEX_SLOTS - 1);
	}
	k = lex_prefix_index((const unsigned char *)w, len);
	lex_word_len[k] |= (uint16_t)(1u << len);
	memcpy(table[h].key, w, len);
	table[h].len = (unsigned char)len;
	table[h].e.cls = (uint8_t)cls;
	table[h].e.val = (int16_t)val;
	table[h].e.trigger = (uint8_t)is_trigger(cls, val);
	table[h].all.n = 1;
	table[h].all.e[0] = table[h].e;
	table[h].all.mask = 1u << cls;
	if (table[h].e.trigger) {
		/* words of one or two letters index with blanks: "q" */
		k = lex_prefix_index((const unsigned char *)w, len);
		lex_trigger_len[k] |= (uint16_t)(1u << len);
	}
}

void
lex_init(void)
{
	const struct lexword *lw;

	memset(table, 0, sizeof(table));
	memset(lex_trigger_len, 0, sizeof(lex_trigger_len));
	memset(lex_word_len, 0, sizeof(lex_word_len));
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

static int
key_eq(const struct slot *sl, const char *p, size_t len)
{
	size_t i;

	if (sl->len != len)
		return 0;
	for (i = 0; i < len; i++) {
		int c = (unsigned char)p[i];

		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		if (sl->key[i] != c)
			return 0;
	}
	return 1;
}

const struct lexword_all *
lex_find(const char *p, size_t len)
{
	unsigned h;

	if (len == 0 || len > KEY_MAX)
		return NULL;
	h = hash(p, len) & (LEX_SLOTS - 1);
	for (; table[h].len != 0; h = (h + 1) & (LEX_SLOTS - 1))
		if (key_eq(&table[h], p, len))
			return &table[h].all;
	return NULL;
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


