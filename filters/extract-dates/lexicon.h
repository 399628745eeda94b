/*
 * lexicon.h - the word table of extract-dates, made from *.words by
 * words2c.awk (see lexicon.c for the lookup).
 */
#ifndef LEXICON_H
#define LEXICON_H

#include "dates.h"

struct lexword {
	const char *w; /* lower case */
	int cls;       /* enum lexclass */
	int val;
	const char *list; /* its file, without .words: "months" */
};

/* Every word of every *.words file; ends with a NULL word. */
extern const struct lexword lex_words[];

#endif
