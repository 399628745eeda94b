/*
 * prose.c - prose in any language and script.  features.c tells prose by
 * English function words; a sentence in Portuguese, Russian or Japanese
 * has none of them.  What every language's prose has is read here from
 * the line itself: a sentence's end, commas inside it (the clauses of a
 * sentence: ',' and the ideographic '、' and '，'), words that start in
 * lower case (in the scripts that have case), and for Chinese and
 * Japanese, which put no spaces between words, the number of characters.
 * A line that reads so is raised to a sentence or a paragraph; nothing
 * here lowers a shape.
 *
 *   "Как отмечается, что после этого скорость меняется, поэтому каждый
 *    раз стоит обновлять."        11 words, 2 commas, an end: a sentence
 *   "Webサイトの表示速度を改善するために、…"   one "word" of 60
 *                                  characters, 2 '、': a paragraph
 *   "도서관은 ... 문을 연다고 밝혔습니다."   a Korean statement's end
 */
#include <stdint.h>
#include <string.h>

#include "declutter.h"

/* Bytes of a long line read: its start stands for the whole of it. */
#define PROSE_SCAN 480

/* Is p[0..n) in ASCII?  Eight bytes at a time. */
static int
ascii_only(const unsigned char *p, size_t n)
{
	uint64_t w, any = 0;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		any |= w;
	}
	for (; i < n; i++)
		any |= p[i];
	return (any & 0x8080808080808080ULL) == 0;
}

/* Raise f's shape to sh (the shapes are in order), never lower it. */
static void
shape_at_least(struct features *f, unsigned char sh)
{
	if (f->shape < sh)
		f->shape = sh;
}

void
prose_any_script(const char *line, size_t n, struct features *f)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t i, lim = n < PROSE_SCAN ? n : PROSE_SCAN;
	unsigned wide = 0, cjk_stops = 0, commas = 0, words = 0, scale;
	int script, latin, in_word = 0;

	/* A paragraph needs nothing more (and most bytes are in them). */
	if (f->shape == SHAPE_LONG || f->shape == SHAPE_BLANK)
		return;
	/*
	 * A line in ASCII has no CJK characters and no words past ASCII, so
	 * the English signals have decided it unless its words are mostly in
	 * lower case and it has a comma (what the tests below need): a menu
	 * entry, a headline, "Read more" stop here, the same verdict as
	 * after the loop, at a fraction of its cost.
	 */
	if (ascii_only(p, lim) &&
	    (f->lower * 2 < f->words || memchr(p, ',', lim) == NULL))
		return;
	for (i = 0; i < lim; i++) {
		/* Words by spaces: features.c reads a long line by its first
		 * 56 bytes, a handful of words in Cyrillic or Greek. */
		words += !in_word && p[i] != ' ';
		in_word = p[i] != ' ';
		if (p[i] == ',') {
			commas++;
		} else if (p[i] >= 0xE3 && p[i] <= 0xE9) {
			wide++;
			/* 、 。 「 」 (U+3001, 3002, 300C, 300D) */
			if (p[i] == 0xE3 && i + 2 < lim && p[i + 1] == 0x80 &&
			    (p[i + 2] == 0x81 || p[i + 2] == 0x82 ||
				p[i + 2] == 0x8C || p[i + 2] == 0x8D)) {
				wide--;
				cjk_stops++;
				commas += p[i + 2] == 0x81;
			}
		} else if (p[i] == 0xEF && i + 2 < lim && p[i + 1] == 0xBC &&
		    (p[i + 2] == 0x8C || p[i + 2] == 0x81 ||
			p[i + 2] == 0x9F)) {
			/* ， ！ ？ (fullwidth) */
			cjk_stops++;
			commas += p[i + 2] == 0x8C;
		}
	}
	if (n > lim) {
		scale = (unsigned)(n / lim);
		wide *= scale;
		cjk_stops *= scale;
		commas *= scale;
		words *= scale;
	}
	/*
	 * Chinese and Japanese: characters stand for words, about two to a
	 * word, so that a headline of 12 characters counts as one of six
	 * words (the context reads words: a headline has 5 to 30).
	 */
	if (wide >= 4 && f->words < wide / 2)
		f->words = wide / 2;
	if (wide >= 40 || (wide >= 20 && (f->term || cjk_stops >= 2))) {
		shape_at_least(f, SHAPE_LONG);
		return;
	}
	if (wide >= 8 && (f->term || cjk_stops >= 1)) {
		shape_at_least(f, SHAPE_PROSE);
		return;
	}
	/*
	 * Words mostly in letters past ASCII (Cyrillic, Greek, Hangul,
	 * Arabic), where case cannot be read cheaply; or Latin words mostly
	 * in lower case (Portuguese, German, Indonesian prose; menus and
	 * headlines are capitalised, in German at least their first word).
	 */
	script = f->words > 0 && f->hiwords * 3 >= f->words * 2;
	latin = !script && f->lower * 2 >= f->words;
	if (!script && !latin)
		return;
	/* Clauses: commas, but fewer than a list of tags has. */
	if (words >= 20 && commas >= 2 && commas * 3 <= words &&
	    (script || f->lower * 3 >= f->words * 2)) {
		shape_at_least(f, SHAPE_LONG);
		return;
	}
	if (!f->term)
		return;
	/* Korean: a statement ends in 다. or 요. (EB 8B A4, EC 9A 94). */
	if (script && n >= 4 && p[n - 1] == '.' &&
	    ((p[n - 4] == 0xEB && p[n - 3] == 0x8B && p[n - 2] == 0xA4) ||
		(p[n - 4] == 0xEC && p[n - 3] == 0x9A && p[n - 2] == 0x94))) {
		if (words >= 10)
			shape_at_least(f, SHAPE_LONG);
		else if (words >= 5)
			shape_at_least(f, SHAPE_PROSE);
		return;
	}
	if (words >= 16 && commas >= 1 && commas * 3 <= words)
		shape_at_least(f, SHAPE_LONG);
	else if (words >= 8 && commas >= 1 && commas * 3 <= words)
		shape_at_least(f, SHAPE_PROSE);
}
