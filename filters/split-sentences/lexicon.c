/*
 * lexicon.c - the word table: an open-addressing hash of the words of all
 * lists, looked up only at candidate boundaries (a few per sentence).
 */
#include "lexicon.h"

#include <stdint.h>
#include <string.h>

#include "words.h"

/* Which flag each list gives its words. */
static const struct {
	const char *const *words;
	unsigned flag;
} lex_lists[] = {{words_titles, LX_TITLE}, {words_numbered, LX_NUMBERED},
    {words_months, LX_MONTH}, {words_suffixes, LX_SUFFIX},
    {words_places, LX_SUFFIX}, {words_starters, LX_STARTER},
    {words_speech, LX_SPEECH}, {words_after_time, LX_AFTER_TIME},
    {words_ordinal_next, LX_ORDINAL_NEXT},
    {words_ordinal_before, LX_ORDINAL_BEFORE}, {words_bang, LX_BANG},
    {words_openings, LX_PREP}, {NULL, 0}};

/* Longer words are in no list: lookups of them fail at once. */
#define LEX_MAXLEN 24
#define LEX_SLOTS 2048 /* a power of two, well above the words' count */

struct slot {
	const char *w; /* NULL: empty */
	unsigned char len;
	unsigned flags;
};

static struct slot table[LEX_SLOTS];
static int ready;

/* FNV-1a: the words are short, and this runs at every candidate stop. */
static size_t
slot_of(const char *p, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return (size_t)((h ^ (h >> 29)) & (LEX_SLOTS - 1));
}

static struct slot *
find(const char *p, size_t len)
{
	size_t i = slot_of(p, len);

	while (table[i].w != NULL &&
	    (table[i].len != len || memcmp(table[i].w, p, len) != 0))
		i = (i + 1) & (LEX_SLOTS - 1);
	return &table[i];
}

void
lex_init(void)
{
	const char *const *w;
	size_t l;

	if (ready)
		return;
	for (l = 0; lex_lists[l].words != NULL; l++)
		for (w = lex_lists[l].words; *w != NULL; w++) {
			size_t len = strlen(*w);
			struct slot *s;

			if (len > LEX_MAXLEN)
				continue;
			s = find(*w, len);
			s->w = *w;
			s->len = (unsigned char)len;
			s->flags |= lex_lists[l].flag;
		}
	ready = 1;
}

unsigned
lex_flags(const char *p, size_t len)
{
	if (len == 0 || len > LEX_MAXLEN)
		return 0;
	return find(p, len)->flags;
}

void
lex_list_words(void)
{
	wordtab_print_lists(word_lists, 0);
}
