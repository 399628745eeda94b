/*
 * entities.c - the people and organisations named in a document, for
 * pronouns and surnames.
 *
 * A table of at most MAX_ENTITIES names a document, each with a gender
 * (from a title or a first name), whether it is an organisation and
 * whether it was the subject of a sentence; the least recently named is
 * forgotten first.  The attribution notes names with ent_note() as it
 * reads a paragraph's tokens (attribute.c: track_upto()), scan_names()
 * those of a paragraph without quotations (a quick scan of its
 * capitalised words); the attribution asks ent_for_pronoun() who "he" or
 * "they" is, and ent_by_last() who "Okafor" is.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract-quotes.h"
#include "hash.h"
#include "scan.h"
#include "wordtab.h"
#include "xalloc.h"

/* Bit i of doc.ent_bucket[b]: entity i's last word hashes to bucket b. */
#define ENT_BUCKET(h) ((size_t)((h) >> 58))

/* Cut a byte string to at most max bytes, on a character boundary. */
size_t
cut_len(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return n;
}

static size_t
last_word_off(const char *s, size_t n)
{
	size_t i = n;

	while (i > 0 && s[i - 1] != ' ')
		i--;
	return i;
}

/* A quick hash of the word w[0..n), to compare last words by. */
static uint64_t
word_hash(const char *w, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, x;

	while (n >= 8) {
		memcpy(&x, w, 8);
		h = (h ^ x) * 0xbf58476d1ce4e5b9ULL;
		w += 8;
		n -= 8;
	}
	h = (h ^ swar_load_short(w, n)) * 0x94d049bb133111ebULL;
	return h ^ h >> 31;
}

/* memcpy for a short string (a name, a role): whole words and an
 * overlapping last one, which beats the string instruction the compiler
 * picks for a short copy of unknown length. */
void
copy_short(char *d, const char *s, size_t n)
{
	size_t k;
	uint64_t x;

	if (n < 8) {
		for (k = 0; k < n; k++)
			d[k] = s[k];
		return;
	}
	for (k = 0; k + 8 < n; k += 8) {
		memcpy(&x, s + k, 8);
		memcpy(d + k, &x, 8);
	}
	memcpy(&x, s + n - 8, 8);
	memcpy(d + n - 8, &x, 8);
}

/* Entity i was named again (doc.ent_clock has been advanced): what
 * ent_note does once it has found the name. */
static size_t
ent_touch(size_t i, int gender, int org, int subject)
{
	struct entity *e = &doc.ents[i];

	if (gender != 0)
		e->gender = gender;
	if (org)
		e->org = 1;
	e->seen = doc.ent_clock;
	if (subject)
		e->stamp = doc.ent_clock;
	return i;
}

/* ent_note(doc.ents[i].name, doc.ents[i].len, ...) without hashing the name
 * again: a name is in the table once, so it finds slot i. */
size_t
ent_renote(size_t i, int gender, int org, int subject)
{
	doc.ent_clock++;
	doc.ent_last_noted = i;
	return ent_touch(i, gender, org, subject);
}

/* 1 if s[0..n) is made of acronyms (DNC, FBI, U.N., NGP VAN): an
 * organisation, for pronouns, far more often than a person. */
static int
acronym(const char *s, size_t n)
{
	size_t i, letters = 0;

	if (n < 2 || n > 24)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			letters++;
		else if (s[i] != '.' && s[i] != ' ')
			return 0;
	return letters >= 2;
}

/*
 * Remember the name s[0..n): find it or add it (pushing out the entity
 * seen longest ago).  subject: it spoke or began a sentence, so a pronoun
 * may point to it.  Returns its index.
 */
size_t
ent_note(const char *s, size_t n, int gender, int org, int subject)
{
	size_t i;
	struct entity *e;
	uint64_t h;

	n = cut_len(s, without_possessive(s, n), NAME_MAX_LEN);
	if (!org && acronym(s, n))
		org = 1;
	/* Often the name noted last ("Ann Bell said ... Ann Bell said"):
	 * a name is in the table once, so where it sits it is found. */
	if (n > 0 && doc.ents[doc.ent_last_noted].len == n &&
	    memcmp(doc.ents[doc.ent_last_noted].name, s, n) == 0)
		return ent_renote(doc.ent_last_noted, gender, org, subject);
	h = hash64(s, n, 0);
	doc.ent_clock++;
	/* Two-way set associative: a name lives in one of two slots. */
	i = (size_t)(h & (MAX_ENTITIES - 1)) & ~(size_t)1;
	if (!(doc.ents[i].len == n && doc.ents[i].hash == h &&
		memcmp(doc.ents[i].name, s, n) == 0)) {
		if (doc.ents[i + 1].len == n && doc.ents[i + 1].hash == h &&
		    memcmp(doc.ents[i + 1].name, s, n) == 0) {
			i++;
		} else {
			if (doc.ents[i].len != 0 &&
			    (doc.ents[i + 1].len == 0 ||
				doc.ents[i + 1].seen < doc.ents[i].seen))
				i++;
			e = &doc.ents[i];
			e->hash = h;
			copy_short(e->name, s, n);
			e->len = n;
			e->last = last_word_off(s, n);
			e->lasthash = word_hash(s + e->last, n - e->last);
			doc.ent_bucket[ENT_BUCKET(doc.ent_lasthash[i])] &=
			    ~((uint64_t)1 << i);
			doc.ent_lasthash[i] = e->lasthash;
			doc.ent_bucket[ENT_BUCKET(e->lasthash)] |= (uint64_t)1
			    << i;
			e->gender = 0;
			e->org = org;
			e->stamp = 0;
		}
	}
	doc.ent_last_noted = i;
	return ent_touch(i, gender, org, subject);
}

/* The most recent entity whose last word is w[0..n) (a surname, or the
 * "ministry" of "Finance Ministry", caselessly); -1 if none. */
long
ent_by_last(const char *w, size_t n, int caseless)
{
	size_t i, k;
	long best = -1;
	uint64_t h = caseless ? 0 : word_hash(w, n), cand;

	/* the candidates, in index order (the first of equals wins) */
	cand = caseless ? ~(uint64_t)0 : doc.ent_bucket[ENT_BUCKET(h)];
	for (; cand != 0; cand &= cand - 1) {
		struct entity *e;

		i = lowest_bit(cand);
		if (i >= MAX_ENTITIES)
			break;
		e = &doc.ents[i];
		if (!caseless && doc.ent_lasthash[i] != h)
			continue;
		if (e->len == 0 || e->len - e->last != n || e->last == 0)
			continue;
		if (caseless) {
			for (k = 0; k < n; k++)
				if ((e->name[e->last + k] | 0x20) !=
				    (w[k] | 0x20))
					break;
			if (k < n)
				continue;
		} else if (memcmp(e->name + e->last, w, n) != 0) {
			continue;
		}
		if (best < 0 || e->seen > doc.ents[best].seen)
			best = (long)i;
	}
	return best;
}

/*
 * How recent e is: when it last spoke or opened a sentence (stamp), or,
 * counting mere mentions, when it was last named at all (seen).
 */
static unsigned long
ent_rank(const struct entity *e, int mentions)
{
	return mentions ? e->seen : e->stamp;
}

/* The most recent person whose two-word name starts with w[0..n): a
 * family name written first (Yuan Jiajun), or a first name. */
long
ent_by_first(const char *w, size_t n)
{
	size_t i;
	long best = -1;

	for (i = 0; i < MAX_ENTITIES; i++) {
		struct entity *e = &doc.ents[i];

		if (e->len == 0 || e->org || e->last != n + 1 ||
		    memcmp(e->name, w, n) != 0 ||
		    memchr(e->name + e->last, ' ', e->len - e->last) != NULL)
			continue;
		if (best < 0 || e->seen > doc.ents[best].seen)
			best = (long)i;
	}
	return best;
}

/* The latest entity of the kind a pronoun (lx: LX_HE, LX_SHE, LX_IT)
 * names, ranked by ent_rank(e, mentions), or -1. */
static long
pronoun_among(uint32_t lx, int mentions)
{
	size_t i;
	long best = -1, any = -1;

	for (i = 0; i < MAX_ENTITIES; i++) {
		struct entity *e = &doc.ents[i];
		int ok;

		if (e->len == 0 || (e->stamp == 0 && !mentions))
			continue;
		if (lx & LX_IT)
			ok = e->org;
		else
			ok = !e->org &&
			    (e->gender == 0 ||
				e->gender == (lx & LX_HE ? 'm' : 'f'));
		if (ok &&
		    (best < 0 ||
			ent_rank(e, mentions) >
			    ent_rank(&doc.ents[best], mentions)))
			best = (long)i;
		if (any < 0 ||
		    ent_rank(e, mentions) > ent_rank(&doc.ents[any], mentions))
			any = (long)i;
	}
	/* "they" may be people; "it" is no one known to be a man or a
	 * woman */
	if (best < 0 && (lx & LX_IT) &&
	    (!(lx & LX_NEUTER) ||
		(any >= 0 && (doc.ents[any].org || doc.ents[any].gender == 0))))
		best = any;
	return best;
}

/* The entity a pronoun points to: the latest subject of a matching kind,
 * else, while nobody spoke or began a sentence yet, the latest mention. */
long
ent_for_pronoun(uint32_t lx)
{
	long best = pronoun_among(lx, 0);

	return best >= 0 ? best : pronoun_among(lx, 1);
}

/* The first byte at or after i that is A-Z or 0x80 or more (only those
 * can start a capitalised word), or n; eight bytes at a time. */
static size_t
next_cap_byte(const char *p, size_t n, size_t i)
{
#if defined(SCAN_SSE2)
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const void *)(p + i));
		unsigned hit =
		    sse_bits(_mm_or_si128(v, sse_range(v, 'A', 'Z')));

		if (hit != 0)
			return i + (size_t)lowest_bit(hit);
		i += 16;
	}
#endif
#if defined(SCAN_SWAR)
	while (i + 8 <= n) {
		uint64_t v = swar_load(p + i);
		uint64_t hit = swar_range(v, 'A', 'Z') | swar_high(v);

		if (hit != 0)
			return i + swar_first(hit);
		i += 8;
	}
#endif
	while (
	    i < n && (unsigned char)p[i] < 0x80 && (p[i] < 'A' || p[i] > 'Z'))
		i++;
	return i;
}

/* 1 if a sentence opens at p[b]: the text's start, or a full stop,
 * question or exclamation mark (and spaces) before it. */
static int
sentence_opens_at(const char *p, size_t b)
{
	while (b > 0 && p[b - 1] == ' ')
		b--;
	return b == 0 || p[b - 1] == '.' || p[b - 1] == '!' || p[b - 1] == '?';
}

/* Quick scan for runs of two or more capitalised words in p[0..n). */
void
scan_names(const char *p, size_t n)
{
	size_t i = 0, b, e, w, ws, words, k, titles, ob, owners;
	uint32_t c, lx;
	int gender;

	while (i < n) {
		i = next_cap_byte(p, n, i);
		if (i >= n)
			break;
		c = char_at(p, n, i, &w);
		if (!is_upper(c) || (i > 0 && is_alnum(char_before(p, i)))) {
			i += w;
			continue;
		}
		b = i;
		words = 0;
		for (;;) {
			ws = i;

			/* a capitalised word */
			while (i < n &&
			    (word_byte[(unsigned char)p[i]] ||
				is_alnum(c = char_at(p, n, i, &w)) ||
				c == '\'' || c == 0x2019 || c == '-' ||
				c == '.'))
				i += word_byte[(unsigned char)p[i]] ? 1 : w;
			e = i;
			words++;
			/* A full stop after a word that is no initial (A.)
			 * nor an abbreviation (Gov.) ends the sentence, and
			 * the name: "... Democratic. Teachout said" */
			if (p[e - 1] == '.' && e - ws > 2 &&
			    !(lex_lookup(p + ws, e - ws) &
				(LX_ABBR | LX_TITLE))) {
				e--;
				break;
			}
			if (i + 1 >= n || p[i] != ' ')
				break;
			c = char_at(p, n, i + 1, &w);
			if (!is_upper(c))
				break;
			i++;
		}
		if (words < 2)
			continue;
		titles = 0;
		for (w = b; w < e && p[w] != ' '; w++)
			;
		/* "Bashing Trump, ...", "Finally Smith ...": a capital that
		 * only opens the sentence */
		if (w - b > 4 && sentence_opens_at(p, b) &&
		    (memcmp(p + w - 3, "ing", 3) == 0 ||
			memcmp(p + w - 2, "ly", 2) == 0)) {
			if (--words < 2)
				continue;
			b = w + 1;
			for (w = b; w < e && p[w] != ' '; w++)
				;
		}
		lx = lex_lookup(p + b, w - b);
		/* "The Senate", "In Paris": not names; "Sen. Bernie Sanders"
		 * is (a title may be a stop word too) */
		if ((lx & (LX_STOPCAP | LX_PREP)) && !(lx & LX_TITLE))
			continue;
		/* The name follows its titles: "Former Rep. Anthony Weiner"
		 * is Anthony Weiner (as in track_upto); the last word is
		 * never one. */
		gender = 0;
		for (ws = b, k = 0, ob = 0, owners = 0; k + 1 < words; k++) {
			for (w = ws; p[w] != ' '; w++)
				;
			if (k > 0)
				lx = lex_lookup(p + ws, w - ws);
			if (lx & LX_TITLE) {
				b = w + 1;
				titles = k + 1;
				gender = lex_gender(lx & (LX_MALE | LX_FEMALE));
			} else if (owner_len(p + ws, w - ws) < w - ws) {
				ob = w + 1;
				owners = k + 1;
			}
			ws = w + 1;
		}
		/* the last word: a job ends no name ("Apple CEO"); the name
		 * after an owner ("Apple's Tim Cook", as in np_speaker()) */
		lx = lex_lookup(p + ws, e - ws);
		if (lx & LX_JOB)
			continue;
		if (owners > titles && !(lx & LX_ORG) && words - owners >= 2) {
			b = ob;
			titles = owners;
		}
		if (words - titles < 2)
			continue;
		/* Hillary Clinton is a woman before any pronoun says so */
		for (w = b; p[w] != ' '; w++)
			;
		if (gender == 0)
			gender = lex_gender(
			    lex_lookup(p + b, w - b) & (LX_HIS | LX_HERS));
		(void)ent_note(p + b, e - b, gender, 0, 0);
	}
}
