/*
 * lexicon.h - the words split-sentences knows, each with what it says
 * about a sentence boundary next to it.
 *
 * The lists are the *.words files in this folder (one entry a line, in
 * the case it is written in); the build turns them into C (scripts/
 * words2c).  A word may be in several lists: its flags are combined.
 */
#ifndef SPLIT_SENTENCES_LEXICON_H
#define SPLIT_SENTENCES_LEXICON_H

#include <stddef.h>

#define LX_TITLE 0x001          /* titles.words: Mr Sen Dr vs */
#define LX_NUMBERED 0x002       /* numbered.words: No p Vol Fig */
#define LX_MONTH 0x004          /* months.words: Jan Sept */
#define LX_SUFFIX 0x008         /* suffixes.words, places.words: Inc Jr etc */
#define LX_STARTER 0x010        /* starters.words: The He However */
#define LX_SPEECH 0x020         /* speech.words: said asked */
#define LX_AFTER_TIME 0x040     /* after-time.words: Friday EST */
#define LX_ORDINAL_NEXT 0x080   /* ordinal-next.words: Oktober */
#define LX_ORDINAL_BEFORE 0x100 /* ordinal-before.words: am der zum */
#define LX_BANG 0x200           /* bang.words: Yahoo */
#define LX_PREP 0x400           /* openings.words: At Before */

/* The flags of abbreviations, and their longest entry ("Messrs"): a
 * longer word has none of these flags.  tests/split-sentences checks. */
#define LX_ABBREV (LX_TITLE | LX_NUMBERED | LX_MONTH | LX_SUFFIX)
#define LEX_ABBREV_MAX 6

/* Build the table (once; later calls do nothing). */
void lex_init(void);

/* The flags of the word p[0..len), exactly as written; 0 if unknown. */
unsigned lex_flags(const char *p, size_t len);

/*
 * --list-words: every word of every list as LIST<TAB>WORD, lists in the
 * order of their file names, words in file order.
 */
void lex_list_words(void);

#endif
