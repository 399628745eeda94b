/*
 * wordtab.c - a table of short ASCII words (see wordtab.h).
 */
#include "wordtab.h"

#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "xalloc.h"

void
wordtab_init(struct wordtab *t, unsigned bits)
{
	size_t n;

	if (bits < 4)
		bits = 4;
	if (bits > 24)
		bits = 24;
	n = (size_t)1 << bits;
	t->slot = xcalloc(n, sizeof(*t->slot));
	t->tag = xcalloc(n, sizeof(*t->tag));
	t->mask = (uint32_t)(n - 1);
	t->used = 0;
}

void
wordtab_free(struct wordtab *t)
{
	free(t->slot);
	free(t->tag);
	memset(t, 0, sizeof(*t));
}

struct wordtab_slot *
wordtab_add(struct wordtab *t, const char *w, size_t n)
{
	uint64_t key[3];
	uint32_t i;
	struct wordtab_slot *s;

	if (n == 0 || n >= WORDTAB_MAX)
		return NULL;
	wordtab_key(w, n, key);
	i = wordtab_index(t, key, n);
	s = &t->slot[i];
	if (t->tag[i] != 0)
		return s;
	if ((uint64_t)t->used * 4 >= ((uint64_t)t->mask + 1) * 3)
		return NULL;
	memcpy(s->key, key, sizeof(key));
	s->len = (uint32_t)n;
	t->tag[i] = wordtab_tag(wordtab_hash(key));
	t->used++;
	return s;
}

uint32_t
wordtab_spread(const struct wordtab *t)
{
	uint32_t i, d, most = 0;

	for (i = 0; i <= t->mask; i++) {
		if (t->tag[i] == 0)
			continue;
		d = (i - wordtab_hash(t->slot[i].key)) & t->mask;
		if (d > most)
			most = d;
	}
	return most;
}

void
wordtab_short_init(struct wordtab_short *s, const struct wordtab *t)
{
	uint32_t i;

	s->mask = t->mask;
	s->key = xcalloc((size_t)t->mask + 1, sizeof(*s->key));
	s->len = xcalloc((size_t)t->mask + 1, sizeof(*s->len));
	for (i = 0; i <= t->mask; i++) {
		if (t->tag[i] == 0 || t->slot[i].len > 8)
			continue;
		s->key[i] = t->slot[i].key[0];
		s->len[i] = (unsigned char)t->slot[i].len;
	}
}

void
wordtab_short_free(struct wordtab_short *s)
{
	free(s->key);
	free(s->len);
	memset(s, 0, sizeof(*s));
}

void
wordtab_print_lists(const struct word_list *lists, int header)
{
	const char *const *w;

	if (header)
		out_puts("list\tword\n");
	for (; lists->name != NULL; lists++)
		for (w = lists->words; *w != NULL; w++) {
			out_puts(lists->name);
			out_putc('\t');
			out_puts(*w);
			out_putc('\n');
		}
}
