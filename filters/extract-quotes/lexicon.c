/*
 * lexicon.c - what a word can be, and what a character is.
 *
 * The lexicon maps a lower-case ASCII word to its LX_* flags (a speech
 * verb, a title, a first name ...): one open-addressing table filled once
 * a run from the word lists of words/NAME.words (scripts/words2c turns them
 * into C), looked up with the word's bytes packed into three integers and
 * a per-thread memo of the last answers.  The character helpers decode
 * UTF-8 at byte offsets and classify what they find (spaces, letters,
 * dashes).  The reading thread looks words up too (the memo is per
 * thread; the table is read-only once lex_init() has run).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract-quotes.h"
#include "output.h"
#include "prog.h"
#include "scan.h"
#include "utf8.h"
#include "wordtab.h"
#include "xalloc.h"

/*
 * The word lists are the files filters/extract-quotes/words/NAME.words,
 * one word a line, which the Makefile turns into the NULL-terminated
 * arrays words_NAME (scripts/words2c); lex_init() below says what each list
 * means.
 */
#include "extract-quotes/words.h"

/* Bit z of lex_shape[n][a]: a word of n letters from a to z is listed. */
static uint32_t lex_shape[24][26];

/* The lexicon: the words of the lists and their LX_* flags (lib/wordtab:
 * a lookup compares three integers). */
static struct wordtab lex;

/*
 * The last answer for words of up to sixteen bytes, as written (before
 * folding), direct-mapped: the same words ("the", "said", "He",
 * "spokeswoman") are looked up again and again, and a hit costs two
 * compares.
 */
#define LEX_MEMO_BITS 11

#define LEX_MEMO_LEN 16

struct lex_memo {
	uint64_t word[2]; /* the bytes, zero-padded */
	uint32_t len;     /* 0: empty */
	uint32_t flags;
};

static THREAD_LOCAL struct lex_memo lex_memo[1u << LEX_MEMO_BITS];

/* Add the flags to the lower-case word w. */
static void
lex_add(const char *w, uint32_t flags)
{
	size_t n = strlen(w);
	struct wordtab_slot *s;

	if (n == 0 || n >= WORDTAB_MAX)
		return;
	if (w[0] >= 'a' && w[0] <= 'z' && w[n - 1] >= 'a' && w[n - 1] <= 'z')
		lex_shape[n][w[0] - 'a'] |= 1u << (w[n - 1] - 'a');
	s = wordtab_add(&lex, w, n);
	if (s != NULL)
		s->flags |= flags;
	else
		pdie("the word lists overfill the lexicon");
}

/* Add the flags to each word of a list (NULL-terminated). */
static void
lex_add_list(const char *const *list, uint32_t flags)
{
	for (; *list != NULL; list++)
		lex_add(*list, flags);
}

/* Bit z of verb_shape[n][a]: a speech verb of n letters runs from a to z;
 * a quick "no" for most words. */
uint32_t verb_shape[24][26];

/* Bit b of verb_start[a]: some speech verb starts with the letters a, b
 * (a second filter: most words that pass the first are not verbs). */
uint32_t verb_start[26];

static void
verb_pairs_add(const char *const *list)
{
	const char *p;
	size_t n;

	for (; *list != NULL; list++) {
		p = *list;
		n = strlen(p);
		if (n > 0 && n < 24 && p[0] >= 'a' && p[0] <= 'z' &&
		    p[n - 1] >= 'a' && p[n - 1] <= 'z')
			verb_shape[n][p[0] - 'a'] |= 1u << (p[n - 1] - 'a');
		if (n >= 2 && p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' &&
		    p[1] <= 'z')
			verb_start[p[0] - 'a'] |= 1u << (p[1] - 'a');
		else if (n > 0 && p[0] >= 'a' && p[0] <= 'z')
			verb_start[p[0] - 'a'] = ~0u;
	}
}

/* The flags of the word w[0..n): ASCII letters folded, a final full stop
 * ignored; 0 for a word not in the lexicon. */
NOINLINE uint32_t
lex_lookup(const char *w, size_t n)
{
	uint64_t key[3];
	uint32_t flags;
	struct lex_memo *memo = NULL;

	if (n > 0 && w[n - 1] == '.')
		n--;
	if (n == 0 || n >= WORDTAB_MAX)
		return 0;
	{
		unsigned a = (unsigned char)w[0] | 0x20;
		unsigned z = (unsigned char)w[n - 1] | 0x20;

		if (a < 'a' || a > 'z' || z < 'a' || z > 'z' ||
		    !(lex_shape[n][a - 'a'] & (1u << (z - 'a'))))
			return 0;
	}
	wordtab_key(w, n, key);
	if (n <= LEX_MEMO_LEN) {
		/* a word as written: often looked up before */
		memo = &lex_memo[((key[0] ^ key[1] * 0xc2b2ae3d27d4eb4fULL) *
					 0x9e3779b97f4a7c15ULL +
				     n) >>
		    (64 - LEX_MEMO_BITS)];
		if (memo->len == n && memo->word[0] == key[0] &&
		    memo->word[1] == key[1])
			return memo->flags;
		memo->word[0] = key[0];
		memo->word[1] = key[1];
		memo->len = (uint32_t)n;
	}
	/* a word not in the table has a free slot, whose flags are 0 */
	flags =
	    wordtab_fold(key) ? lex.slot[wordtab_index(&lex, key, n)].flags : 0;
	if (memo != NULL)
		memo->flags = flags;
	return flags;
}

/* Character helpers over (p, n) at byte offsets. */

/* The gender the lexicon flags of a name's word give: a first name
 * (Carly), a title (Mr). */
int
lex_gender(uint32_t lx)
{
	return lx & (LX_HIS | LX_MALE)   ? 'm'
	    : lx & (LX_HERS | LX_FEMALE) ? 'f'
					 : 0;
}

/* char_at for a byte of 0x80 or more: the common well-formed two- and
 * three-byte sequences decoded here (as utf8_decode decodes them), the
 * rest, with its checks, by utf8_decode. */
NOINLINE uint32_t
char_at_multi(const char *p, size_t n, size_t i, size_t *w)
{
	const unsigned char *u = (const unsigned char *)p + i;
	uint32_t cp;

	if (u[0] >= 0xc2 && u[0] <= 0xdf && n - i >= 2 &&
	    (u[1] & 0xc0) == 0x80) {
		*w = 2;
		return (uint32_t)(u[0] & 0x1f) << 6 | (u[1] & 0x3f);
	}
	if (u[0] >= 0xe1 && u[0] <= 0xef && u[0] != 0xed && n - i >= 3 &&
	    (u[1] & 0xc0) == 0x80 && (u[2] & 0xc0) == 0x80) {
		*w = 3;
		return (uint32_t)(u[0] & 0x0f) << 12 |
		    (uint32_t)(u[1] & 0x3f) << 6 | (u[2] & 0x3f);
	}
	*w = utf8_decode(u, n - i, &cp);
	return cp;
}

/* The character that ends just before p[i] (' ' at the start). */
uint32_t
char_before(const char *p, size_t i)
{
	uint32_t cp;

	if (i == 0)
		return ' ';
	if ((unsigned char)p[i - 1] < 0x80)
		return (unsigned char)p[i - 1];
	(void)utf8_decode_back((const unsigned char *)p, i, &cp);
	return cp;
}

/* ASCII classes: 1 letter, 2 digit, 4 space. */
unsigned char ascii_class[128];

/* The bytes that can start a quotation mark: " ' and the lead bytes of
 * the UTF-8 marks (U+00AB/BB, U+2018-201F, U+2039/3A, U+300C-300F,
 * U+FF02). */
unsigned char mark_byte[256];

/* ASCII letters and digits: the bytes a word goes on with. */
unsigned char word_byte[256];

static void
ascii_init(void)
{
	int c;

	memset(mark_byte, 0, sizeof(mark_byte));
	memset(word_byte, 0, sizeof(word_byte));
	mark_byte['"'] = mark_byte['\''] = 1;
	mark_byte[0xc2] = mark_byte[0xe2] = mark_byte[0xe3] = 1;
	mark_byte[0xef] = 1;
	for (c = 0; c < 128; c++)
		ascii_class[c] = (unsigned char)(((c >= 'a' && c <= 'z') ||
						     (c >= 'A' && c <= 'Z'))
			? 1
			: (c >= '0' && c <= '9')                 ? 2
			: (c == ' ' || (c >= 0x09 && c <= 0x0d)) ? 4
								 : 0);
	for (c = 0; c < 128; c++)
		word_byte[c] = ascii_class[c] & 3;
}

int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || (c >= 0x0a && c <= 0x0d) ||
	    (c >= 0x80 && c != UTF8_BAD && uc_isspace(c));
}

int
is_letter(uint32_t c)
{
	return is_alnum(c) && !(c >= '0' && c <= '9');
}

int
is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return c != UTF8_BAD && uc_isupper(c);
}

int
is_dash(uint32_t c)
{
	return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
	    c == 0x2012;
}

/* Characters after which a straight quote mark opens a quotation. */
int
opens_after(uint32_t c)
{
	return is_space(c) || c == '(' || c == '[' || c == '{' || c == '/' ||
	    is_dash(c) || uc_quote_mark(c) != QM_NONE;
}

void
lex_init(void)
{
	wordtab_init(&lex, 12);
	memset(lex_memo, 0, sizeof(lex_memo));
	memset(lex_shape, 0, sizeof(lex_shape));
	ascii_init();
	memset(verb_shape, 0, sizeof(verb_shape));
	memset(verb_start, 0, sizeof(verb_start));
	lex_add_list(words_verb, LX_VERB);
	verb_pairs_add(words_verb);
	verb_pairs_add(words_more_verbs);
	/* "read" is a verb too; the second filter must let every LX_VERB
	 * word through (the first, as before, does not know it) */
	verb_start['r' - 'a'] |= 1u << ('e' - 'a');
	lex_add_list(words_title, LX_TITLE);
	lex_add_list(words_job, LX_JOB);
	lex_add_list(words_groupword, LX_GROUPWORD);
	lex_add_list(words_male, LX_MALE);
	lex_add_list(words_female, LX_FEMALE);
	lex_add("he", LX_HE);
	lex_add("she", LX_SHE);
	lex_add("it", LX_IT | LX_NEUTER);
	lex_add("they", LX_IT);
	lex_add_list(words_det, LX_DET);
	lex_add_list(words_aux, LX_AUX);
	lex_add_list(words_prep, LX_PREP);
	lex_add_list(words_stopcap, LX_STOPCAP);
	lex_add_list(words_org, LX_ORG);
	lex_add_list(words_group, LX_GROUP);
	lex_add_list(words_rel, LX_REL);
	lex_add_list(words_more_verbs, LX_VERB | LX_OBJ);
	lex_add_list(words_naming, LX_NAMING);
	lex_add_list(words_elided, LX_ELIDED);
	lex_add_list(words_obj, LX_OBJ);
	lex_add_list(words_sub, LX_SUB);
	lex_add_list(words_male_names, LX_HIS);
	lex_add_list(words_female_names, LX_HERS);
	lex_add_list(words_conn, LX_CONN);
	lex_add_list(words_abbr, LX_ABBR);
}

/* Free the lexicon's table. */
void
lex_free(void)
{
	wordtab_free(&lex);
}

/* --list-words: every built-in list, a word a line, as "LIST<tab>WORD"
 * under a header; LIST is the name of its file in words/. */
void
list_words(void)
{
	wordtab_print_lists(word_lists, 1);
}
