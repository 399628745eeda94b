/*
 * lexicon.c - the word table: an open-addressing hash of the words of all
 * lists, looked up only at candidate boundaries (a few per sentence).
 */
#include "lexicon.h"

#include <stdint.h>
#include <string.h>

#include "hash.h"
#include "words.h"

const struct lex_list lex_lists[] = {
    {"titles", LX_TITLE, titles_words},
    {"numbered", LX_NUMBERED, numbered_words},
    {"months", LX_MONTH, months_words},
    {"suffixes", LX_SUFFIX, suffixes_words},
    {"places", LX_SUFFIX, places_words},
    {"starters", LX_STARTER, starters_words},
    {"speech", LX_SPEECH, speech_words},
    {"after-time", LX_AFTER_TIME, after_time_words},
    {"ordinal-next", LX_ORDINAL_NEXT, ordinal_next_words},
    {"ordinal-before", LX_ORDINAL_BEFORE, ordinal_before_words},
    {"bang", LX_BANG, bang_words},
    {"openings", LX_PREP, openings_words},
    {NULL, 0, NULL}};

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

static size_t
slot_of(const char *p, size_t len)
{
	return (size_t)(hash64(p, len, 0x5e17e9ce) & (LEX_SLOTS - 1));
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
	const struct lex_list *l;
	const char *const *w;

	if (ready)
		return;
	for (l = lex_lists; l->name != NULL; l++)
		for (w = l->words; *w != NULL; w++) {
			size_t len = strlen(*w);
			struct slot *s;

			if (len > LEX_MAXLEN)
				continue;
			s = find(*w, len);
			s->w = *w;
			s->len = (unsigned char)len;
			s->flags |= l->flag;
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
