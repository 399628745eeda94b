/* Unit tests of lib/wordtab: adding, finding with folding, the limits. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "wordtab.h"

/* The made-up word number i (i < 676), of 2 to 8 letters. */
static void
made_word(char *w, int i)
{
	int j, k = 2 + i % 7;

	w[0] = (char)('a' + i % 26);
	w[1] = (char)('a' + i / 26 % 26);
	for (j = 2; j < k; j++)
		w[j] = (char)('a' + (i * 7 + j * 3) % 26);
	w[k] = '\0';
}

int
main(void)
{
	struct wordtab t;
	struct wordtab_short ts;
	struct wordtab_slot *s;
	const struct wordtab_slot *f;
	char w[32], up[32];
	uint64_t key[3];
	int i, j, k, bad = 0, full = 0;

	wordtab_init(&t, 4); /* 16 slots: 12 words at most */
	s = wordtab_add(&t, "said", 4);
	test_cond("wordtab: a new slot has flags and value 0",
	    s != NULL && s->flags == 0 && s->value == 0);
	s->flags |= 1;
	s->value = 7;
	test_cond("wordtab: adding again gives the same slot",
	    wordtab_add(&t, "said", 4) == s);
	f = wordtab_find(&t, "SaID", 4);
	test_cond("wordtab: found with A-Z folded",
	    f == s && f->flags == 1 && f->value == 7);
	test_cond("wordtab: a prefix or a longer word is another word",
	    wordtab_find(&t, "sai", 3) == NULL &&
		wordtab_find(&t, "saidx", 5) == NULL);
	test_cond("wordtab: a byte of 0x80 or more is never found",
	    wordtab_find(&t,
		"sa\xc3\xaf"
		"d",
		5) == NULL);
	test_cond("wordtab: empty and overlong words are refused",
	    wordtab_add(&t, "", 0) == NULL &&
		wordtab_add(&t, "abcdefghijklmnopqrstuvwx", 24) == NULL &&
		wordtab_find(&t, "", 0) == NULL);
	for (i = 0; i < 20; i++) {
		(void)snprintf(w, sizeof(w), "w%d", i);
		if (wordtab_add(&t, w, strlen(w)) == NULL)
			full++;
	}
	test_cond("wordtab: refuses words past three quarters full",
	    t.used == 12 && full == 9);
	wordtab_free(&t);

	/* Every length from 1 to 23, each byte position mattering. */
	wordtab_init(&t, 10);
	for (k = 1; k < WORDTAB_MAX; k++) {
		for (i = 0; i < k; i++)
			w[i] = (char)('a' + (i * 7 + k) % 26);
		w[k] = '\0';
		s = wordtab_add(&t, w, (size_t)k);
		if (s == NULL) {
			bad++;
			continue;
		}
		s->value = (uint32_t)k;
	}
	for (k = 1; k < WORDTAB_MAX; k++) {
		for (i = 0; i < k; i++) {
			w[i] = (char)('a' + (i * 7 + k) % 26);
			up[i] = (char)(w[i] - 32);
		}
		f = wordtab_find(&t, up, (size_t)k);
		bad += f == NULL || f->value != (uint32_t)k;
		/* the same word with its last letter changed is absent */
		w[k - 1] = w[k - 1] == 'z' ? 'a' : (char)(w[k - 1] + 1);
		f = wordtab_find(&t, w, (size_t)k);
		bad += f != NULL && f->value == (uint32_t)k;
	}
	test_cond(
	    "wordtab: words of every length, found folded, exact", bad == 0);
	wordtab_free(&t);

	/*
	 * wordtab_short_has() agrees with wordtab_find() on words of 1 to 8
	 * bytes, in a table whose words sit at most one slot from home:
	 * every third of 600 made-up words of 2 to 8 letters (all different:
	 * the first two letters say i) is in it; each is asked as
	 * written, in capitals, and with a byte of 0x80 or more.
	 */
	wordtab_init(&t, 12);
	for (i = 0; i < 600; i += 3) {
		made_word(w, i);
		(void)wordtab_add(&t, w, strlen(w));
	}
	(void)wordtab_add(&t, "longer words", 12); /* never a short one */
	test_cond("wordtab: 201 words in 4096 slots, at most one from home",
	    wordtab_spread(&t) <= 1);
	wordtab_short_init(&ts, &t);
	bad = 0;
	for (i = 0; i < 600; i++) {
		made_word(w, i);
		k = (int)strlen(w);
		for (j = 0; j < k; j++)
			up[j] = (char)(w[j] - 32);
		wordtab_key(w, (size_t)k, key);
		bad += wordtab_short_has(&ts, key[0], (size_t)k) !=
		    (wordtab_find(&t, w, (size_t)k) != NULL);
		bad +=
		    wordtab_short_has(&ts, key[0], (size_t)k) != (i % 3 == 0);
		wordtab_key(up, (size_t)k, key);
		bad += !wordtab_fold(key) ||
		    wordtab_short_has(&ts, key[0], (size_t)k) != (i % 3 == 0);
		up[0] = (char)0xC3;
		wordtab_key(up, (size_t)k, key);
		bad += wordtab_fold(key) ||
		    wordtab_short_has(&ts, key[0], (size_t)k) != 0;
	}
	wordtab_key("longer w", 8, key);
	bad += wordtab_short_has(&ts, key[0], 8) != 0;
	test_cond(
	    "wordtab: short_has agrees with find, folded, exact", bad == 0);
	wordtab_short_free(&ts);
	wordtab_free(&t);
	return test_report();
}
