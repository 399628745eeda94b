/*
 * extract-quotes - direct quotations in news text, with who said them.
 *
 * Record model: a paragraph is a line (blank lines separate paragraphs
 * too).  Each paragraph is scanned once for quotation marks; the text
 * outside the quotations is cut into tokens, with one token standing for
 * each quotation, and the attribution rules look at the tokens next to a
 * quotation: a speech verb with a name or pronoun after it ("...," said X,
 * "...," X said), before it in the same sentence (X said: "...", X said
 * that "...", according to X, "..."), then the speaker of the previous
 * quotation of the paragraph.  A quotation left open at the end of a
 * paragraph goes on when the next paragraph opens with a quotation mark
 * (the multi-paragraph convention) and is held until it closes; it is the
 * only state kept between paragraphs besides a small table of the people
 * and organisations named so far, for pronouns and surnames.
 *
 * Lines without a quotation mark byte are only scanned for names.
 *
 * Past the first MiB of a document a second thread (lib/readahead.c) reads
 * the lines, finds their quotations and cuts them into tokens ahead of the
 * main thread, which tracks names, attributes and prints: that split is
 * what makes the filter faster than one core allows.  The quotation scan
 * depends on the quotation held open from earlier paragraphs, so the
 * reading thread keeps its own copy of that (held_shape) and each
 * paragraph carries the state its scan assumed; the main thread uses the
 * work only when that state is its own, so the output never depends on
 * the threads.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "color.h"
#include "hash.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "readahead.h"
#include "record.h"
#include "scan.h"
#include "utf8.h"
#include "xalloc.h"

/* The slow paths of the per-token helpers stay out of line, so that the
 * fast paths inline into the loops that call them. */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/*
 * The paragraph scan and the tokenizer also run ahead on the reading
 * thread (see quotes_ahead()): what they write is kept per thread.
 */
#define THREAD_LOCAL _Thread_local

/* The kinds of quotation, as bits for --kind. */
#define K_FULL 0x1u
#define K_PARTIAL 0x2u
#define K_SCARE 0x4u

/*
 * A quotation still open after this many paragraphs, or holding more than
 * this many bytes, is closed there: a stray opening mark at the top of a
 * long run of paragraphs that each open with a quote must not hold the
 * whole article.
 */
#define MAX_QUOTE_PARAS 20
#define MAX_QUOTE_BYTES (1u << 20)

/*
 * A paragraph longer than LONG_PARA, or with more than MANY_SPANS
 * quotations, is read in windows of about WINDOW bytes and at most
 * WINDOW_SPANS quotations (CONTEXT bytes on each side), so that the
 * tokens and attributions stay bounded whatever the paragraph holds (a
 * line of 400,000 quotation marks: issue 16); one without quotations is
 * only scanned for names.
 */
#define LONG_PARA (1u << 20)
#define MANY_SPANS 1024
#define WINDOW (64u << 10)
#define WINDOW_SPANS 256
#define CONTEXT (2u << 10)

/* Longest speaker, role and verb kept, in bytes (longer ones are cut at
 * a character boundary). */
#define NAME_MAX_LEN 120
#define ROLE_MAX_LEN 200
#define VERB_MAX_LEN 32

/* The people and organisations remembered per document. */
#define MAX_ENTITIES 64

static struct {
	unsigned kinds;      /* --kind */
	long long min_words; /* --min-words, for partial and scare */
	int attributed_only; /* --attributed-only */
	int list_words;      /* --list-words */
} opt;

enum { OPT_KIND = CLI_OWN, OPT_MIN_WORDS, OPT_ATTRIBUTED, OPT_LIST_WORDS };

static const struct cli_option options[] = {
    {OPT_KIND, "kind", CLI_REQUIRED, "LIST",
	"print only these kinds: full, partial, scare (comma list)"},
    {OPT_MIN_WORDS, "min-words", CLI_REQUIRED, "N",
	"drop partial and scare quotes of fewer than N words"},
    {OPT_ATTRIBUTED, "attributed-only", CLI_NOARG, NULL,
	"print only quotations with a speaker"},
    {OPT_LIST_WORDS, "list-words", CLI_NOARG, NULL,
	"print the built-in word lists and exit"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static unsigned
parse_kinds(const char *arg)
{
	unsigned kinds = 0;
	const char *p = arg, *e;
	size_t n;

	for (;;) {
		e = strchr(p, ',');
		n = e == NULL ? strlen(p) : (size_t)(e - p);
		if (n == 4 && memcmp(p, "full", 4) == 0)
			kinds |= K_FULL;
		else if (n == 7 && memcmp(p, "partial", 7) == 0)
			kinds |= K_PARTIAL;
		else if (n == 5 && memcmp(p, "scare", 5) == 0)
			kinds |= K_SCARE;
		else
			cli_usage_error("--kind: unknown kind '%.*s' "
					"(full, partial, scare)",
			    (int)n, p);
		if (e == NULL)
			break;
		p = e + 1;
	}
	return kinds;
}

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case OPT_KIND:
		opt.kinds = parse_kinds(arg);
		break;
	case OPT_MIN_WORDS:
		opt.min_words = parse_num(arg, 0, 1000000, "--min-words");
		break;
	case OPT_ATTRIBUTED:
		opt.attributed_only = 1;
		break;
	case OPT_LIST_WORDS:
		opt.list_words = 1;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[--kind=LIST] [--min-words=N] [--attributed-only] [FILE]...",
    "Print the direct quotations of news text with their speakers.", options,
    CLI_EXTRACTOR, handle_option,
    "Kinds: full (a spoken sentence), partial (a fragment in the "
    "writer's sentence),\nscare (a term or title in quotes).  "
    "See extract-quotes(1) for the rules.\n"};

/*
 * The lexicon: lower-case ASCII words and what they can be.  One open
 * addressing table, filled once per run from the word lists below.
 */
#define LX_VERB 0x0001u  /* speech verb, any inflection */
#define LX_TITLE 0x0002u /* title or job before a name */
#define LX_HE 0x0004u
#define LX_SHE 0x0008u
#define LX_IT 0x0010u  /* it, they: organisations and groups */
#define LX_DET 0x0020u /* the, a, an */
#define LX_AUX 0x0040u /* may stand between subject and verb */
#define LX_PREP 0x0080u
#define LX_STOPCAP 0x0100u /* capitalised, yet not part of a name */
#define LX_ORG 0x0200u     /* ends an organisation's name */
#define LX_MALE 0x0400u    /* Mr, Sir: the person is male */
#define LX_FEMALE 0x0800u
#define LX_REL 0x1000u      /* who, which: not a role */
#define LX_CONN 0x2000u     /* of, for, de: inside a name */
#define LX_ABBR 0x4000u     /* takes a full stop: Mr. Dr. */
#define LX_GROUP 0x8000u    /* a common noun that speaks: officials */
#define LX_OBJ 0x10000u     /* a verb whose object follows: told X */
#define LX_HIS 0x20000u     /* a male first name */
#define LX_HERS 0x40000u    /* a female first name */
#define LX_NAMING 0x80000u  /* call, describe: names a term */
#define LX_ELIDED 0x100000u /* 'tis, 'em: an apostrophe, no quote */
#define LX_SUB                                                                 \
	0x200000u /* when, as, after: a clause that is not                     \
		   * the sentence's own */

#define LX_NEUTER 0x400000u     /* it: never a person */
#define LX_JOB 0x800000u        /* a job that ends no name: Apple CEO */
#define LX_GROUPWORD 0x1000000u /* people, women: owns no name */

#define LX_PRONOUN (LX_HE | LX_SHE | LX_IT)

/*
 * The word lists are the files filters/extract-quotes/words/NAME.words,
 * one word a line, which the Makefile turns into the NULL-terminated
 * arrays words_NAME (scripts/words2c); lex_init() below says what each list
 * means.
 */
#include "extract-quotes/words.h"

/* Bit z of lex_shape[n][a]: a word of n letters from a to z is listed. */
static uint32_t lex_shape[24][26];

/*
 * The lexicon is an open-addressed table keyed by the word's bytes packed
 * into three 64-bit words (zero-padded; words of 24 bytes or more are
 * never looked up), so that a lookup compares three integers instead of
 * hashing and comparing byte by byte.  lex_tag holds 16 more bits of each
 * slot's hash (0: free) in 8 KB that stay in cache, so that a probe reads
 * a slot only when its tag matches.
 */
#define LEX_MAX_LEN 24

struct lex_slot {
	uint64_t key[3];
	uint32_t len;
	uint32_t flags;
};

#define LEX_SLOTS 4096u
static struct lex_slot *lex;
static uint16_t lex_tag[LEX_SLOTS];

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

static inline uint32_t
lex_hash(const uint64_t key[3])
{
	uint64_t h;

	/* the high half of a product mixes every byte of the key */
	h = key[0] * 0x9e3779b97f4a7c15ULL + key[1] * 0xc2b2ae3d27d4eb4fULL +
	    key[2] * 0x165667b19e3779f9ULL;
	return (uint32_t)(h >> 32);
}

/* The tag of hash h (never 0) and its first slot. */
#define LEX_TAG(h) ((uint16_t)(((h) >> 16) | 1u))
#define LEX_HOME(h) ((h) & (LEX_SLOTS - 1))

/* The slot of key (n bytes): its own, or the free one it would take. */
static inline uint32_t
lex_slot_for(const uint64_t key[3], size_t n)
{
	uint32_t h = lex_hash(key), i = LEX_HOME(h);
	uint16_t tag = LEX_TAG(h);

	for (; lex_tag[i] != 0; i = (i + 1) & (LEX_SLOTS - 1))
		if (lex_tag[i] == tag && lex[i].len == n &&
		    lex[i].key[0] == key[0] && lex[i].key[1] == key[1] &&
		    lex[i].key[2] == key[2])
			break;
	return i;
}

/* Bytes w[0..n) (n < 8) as one little-endian word, zero-padded: at most
 * two loads, which overlap on the same bytes, and no call. */
static inline uint64_t
load_short(const char *w, size_t n)
{
	uint32_t lo, hi;
	uint64_t x;

	if (n >= 4) {
		memcpy(&lo, w, 4);
		memcpy(&hi, w + n - 4, 4);
		return lo | (uint64_t)hi << 8 * (n - 4);
	}
	x = 0;
	if (n > 0)
		x = (unsigned char)w[0];
	if (n > 1)
		x |= (uint64_t)(unsigned char)w[1] << 8;
	if (n > 2)
		x |= (uint64_t)(unsigned char)w[2] << 16;
	return x;
}

/* Bytes w[0..n) (0 < n < LEX_MAX_LEN) into key, zero-padded, with
 * fixed-size loads (no byte loop, no call). */
static inline void
lex_key(const char *w, size_t n, uint64_t key[3])
{
	uint64_t x;

	key[0] = key[1] = key[2] = 0;
	if (n < 8) {
		key[0] = load_short(w, n);
		return;
	}
	memcpy(&key[0], w, 8);
	if (n == 8)
		return;
	if (n <= 16) {
		memcpy(&x, w + n - 8, 8);
		key[1] = x >> 8 * (16 - n);
		return;
	}
	memcpy(&key[1], w + 8, 8);
	memcpy(&x, w + n - 8, 8);
	key[2] = x >> 8 * (24 - n);
}

/* Add the flags to the lower-case word w. */
static void
lex_add(const char *w, uint32_t flags)
{
	size_t n = strlen(w);
	struct lex_slot *s;
	uint64_t key[3];
	uint32_t i;

	if (n == 0 || n >= LEX_MAX_LEN)
		return;
	if (w[0] >= 'a' && w[0] <= 'z' && w[n - 1] >= 'a' && w[n - 1] <= 'z')
		lex_shape[n][w[0] - 'a'] |= 1u << (w[n - 1] - 'a');
	lex_key(w, n, key);
	i = lex_slot_for(key, n);
	s = &lex[i];
	memcpy(s->key, key, sizeof(key));
	s->len = (uint32_t)n;
	s->flags |= flags;
	lex_tag[i] = LEX_TAG(lex_hash(key));
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
static uint32_t verb_shape[24][26];

/* Bit b of verb_start[a]: some speech verb starts with the letters a, b
 * (a second filter: most words that pass the first are not verbs). */
static uint32_t verb_start[26];

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

/* 0 if the lower-case word w[0..n) cannot be a speech verb. */
static int
maybe_verb(const char *w, size_t n)
{
	unsigned char a = (unsigned char)w[0], z = (unsigned char)w[n - 1], b;

	if (!(n >= 3 && n < 24 && a >= 'a' && a <= 'z' && z >= 'a' &&
		z <= 'z' && (verb_shape[n][a - 'a'] & (1u << (z - 'a')))))
		return 0;
	b = (unsigned char)w[1];
	return b < 'a' || b > 'z' || (verb_start[a - 'a'] & (1u << (b - 'a')));
}

/* The flags of the word w[0..n): ASCII letters folded, a final full stop
 * ignored; 0 for a word not in the lexicon. */
static NOINLINE uint32_t
lex_lookup(const char *w, size_t n)
{
	uint64_t key[3], hi;
	int k;
	uint32_t flags;
	struct lex_memo *memo = NULL;

	if (n > 0 && w[n - 1] == '.')
		n--;
	if (n == 0 || n >= LEX_MAX_LEN)
		return 0;
	{
		unsigned a = (unsigned char)w[0] | 0x20;
		unsigned z = (unsigned char)w[n - 1] | 0x20;

		if (a < 'a' || a > 'z' || z < 'a' || z > 'z' ||
		    !(lex_shape[n][a - 'a'] & (1u << (z - 'a'))))
			return 0;
	}
	lex_key(w, n, key);
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
	hi = 0;
	for (k = 0; k < 3 && key[k] != 0; k++) {
		/* Fold A-Z to a-z eight bytes at a time. */
		hi |= key[k];
		key[k] |= swar_range(key[k], 'A', 'Z') >> 2;
	}
	flags = swar_high(hi) ? 0 : lex[lex_slot_for(key, n)].flags;
	if (memo != NULL)
		memo->flags = flags;
	return flags;
}

/* Character helpers over (p, n) at byte offsets. */

/* The gender the lexicon flags of a name's word give: a first name
 * (Carly), a title (Mr). */
static int
lex_gender(uint32_t lx)
{
	return lx & (LX_HIS | LX_MALE)   ? 'm'
	    : lx & (LX_HERS | LX_FEMALE) ? 'f'
					 : 0;
}

/* char_at for a byte of 0x80 or more: the common well-formed two- and
 * three-byte sequences decoded here (as utf8_decode decodes them), the
 * rest, with its checks, by utf8_decode. */
static NOINLINE uint32_t
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

/* The character at p[i] (' ' past the end) and its length in *w. */
static inline uint32_t
char_at(const char *p, size_t n, size_t i, size_t *w)
{
	if (i >= n) {
		*w = 0;
		return ' ';
	}
	if ((unsigned char)p[i] < 0x80) {
		*w = 1;
		return (unsigned char)p[i];
	}
	return char_at_multi(p, n, i, w);
}

/* The character that ends just before p[i] (' ' at the start). */
static uint32_t
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
static unsigned char ascii_class[128];

/* The bytes that can start a quotation mark: " ' and the lead bytes of
 * the UTF-8 marks (U+00AB/BB, U+2018-201F, U+2039/3A, U+300C-300F,
 * U+FF02). */
static unsigned char mark_byte[256];

/* ASCII letters and digits: the bytes a word goes on with. */
static unsigned char word_byte[256];

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

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || (c >= 0x0a && c <= 0x0d) ||
	    (c >= 0x80 && c != UTF8_BAD && uc_isspace(c));
}

static inline int
is_alnum(uint32_t c)
{
	if (c < 0x80)
		return ascii_class[c] & 3;
	return c != UTF8_BAD && uc_isalnum(c);
}

static int
is_letter(uint32_t c)
{
	return is_alnum(c) && !(c >= '0' && c <= '9');
}

static int
is_upper(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return c != UTF8_BAD && uc_isupper(c);
}

static int
is_dash(uint32_t c)
{
	return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
	    c == 0x2012;
}

/* Characters after which a straight quote mark opens a quotation. */
static int
opens_after(uint32_t c)
{
	return is_space(c) || c == '(' || c == '[' || c == '{' || c == '/' ||
	    is_dash(c) || uc_quote_mark(c) != QM_NONE;
}

static void
lex_init(void)
{
	lex = xcalloc(LEX_SLOTS, sizeof(*lex));
	memset(lex_tag, 0, sizeof(lex_tag));
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

/*
 * The quotation scanner.  A span is one quotation, or the part of one that
 * lies in this paragraph: ob is the opening mark (or the continuation mark
 * at the start of the paragraph), [cb, ce) the quoted text, end the byte
 * after the closing mark (or the end of the paragraph).
 */
struct span {
	size_t ob, cb, ce, end;
	int closed; /* the closing mark is in this paragraph */
	int cont;   /* continues the quotation of an earlier one */
	int single; /* opened by a single mark */
	size_t tok; /* its token */
};

/* What is open at the end of a paragraph. */
struct openq {
	int what; /* 0 nothing, 1 a double quote, 2 single */
	uint32_t closers[2];
	size_t nclosers;
	int depth;
};

/* What the scan of a paragraph found, besides its spans. */
struct scanned {
	int blank;       /* spaces only: not a paragraph */
	int cont;        /* spans[0] goes on with the held quotation */
	struct openq oq; /* what is open at the paragraph's end */
};

/*
 * The quotation held open at the end of the paragraphs read so far, as
 * far as the scan of the next paragraph depends on it.  The main thread
 * has it in pend (pend_shape()); the reading thread keeps its own copy,
 * so that it can scan ahead; each paragraph scanned ahead carries the
 * shape it assumed, and the main thread takes the scan only if that
 * scans as its own (same_scan()).
 */
struct held_shape {
	int active;      /* a quotation is held open */
	struct openq oq; /* and how */
	int paras;       /* paragraphs it holds */
	size_t len;      /* bytes of its text */
};

static THREAD_LOCAL struct span *spans;
static THREAD_LOCAL size_t nspans, spans_cap;

/* Room for n spans in all. */
static void
spans_reserve(size_t n)
{
	spans = xgrowarray(spans, &spans_cap, n, sizeof(*spans), 16);
}

static struct span *
span_new(size_t ob, size_t cb)
{
	struct span *s;

	spans_reserve(nspans + 1);
	s = &spans[nspans++];
	memset(s, 0, sizeof(*s));
	s->ob = ob;
	s->cb = cb;
	return s;
}

/* 1 if another straight double quote (or two apostrophes) follows i. */
static int
straight_follows(const char *p, size_t n, size_t i)
{
	const char *q = memchr(p + i, '"', n - i);
	size_t k;

	if (q != NULL)
		return 1;
	for (k = i; k + 1 < n; k++)
		if (p[k] == '\'' && p[k + 1] == '\'')
			return 1;
	return 0;
}

/* 1 if the word that ends at byte j (after i) is an elided word that
 * opened with an apostrophe: the second mark of rock 'n' roll. */
static int
elided_before(const char *p, size_t i, size_t j)
{
	size_t b = j;

	while (b > i && (ascii_class[(unsigned char)p[b - 1] & 0x7f] & 1) &&
	    (unsigned char)p[b - 1] < 0x80)
		b--;
	if (b == j || b == i || j - b > 6)
		return 0;
	if (p[b - 1] != '\'' &&
	    !(b >= i + 3 && memcmp(p + b - 3, "\xe2\x80\x99", 3) == 0))
		return 0;
	return (lex_lookup(p + b, j - b) & LX_ELIDED) != 0;
}

/* What a right single quote or apostrophe at j is to a single quotation
 * whose text starts at i (closer_kind()). */
enum { CLOSES_NOT, CLOSES = 1, CLOSES_LAST = 2 };

/*
 * The mark c (' or U+2019) at j: no closer (a letter after it, a space
 * before it, an elided word: rock 'n' roll), a closer (after punctuation
 * or before it), or a last resort (between an "s" and a space: the
 * students' union).  i matters only when j < i + CLOSER_NEAR: the elided
 * word is looked for back to i.
 */
#define CLOSER_NEAR 10

static int
closer_kind(const char *p, size_t n, size_t i, size_t j, uint32_t c)
{
	uint32_t prev = char_before(p, j), next;
	size_t w;

	next = char_at(p, n, j + (c == '\'' ? 1 : 3), &w);
	if (is_space(prev) || is_alnum(next) || elided_before(p, i, j))
		return CLOSES_NOT;
	if (!is_alnum(prev) || !is_space(next) || (prev != 's' && prev != 'S'))
		return CLOSES;
	return CLOSES_LAST;
}

/*
 * What closer_next() found in the paragraph being scanned, for each kind
 * (bit kind of valid): none in [from[kind], at[kind]), and at[kind] one,
 * or n.  scan_para() forgets it.
 */
static THREAD_LOCAL struct {
	int valid;
	size_t from[3], at[3];
} closer_memo;

/*
 * The first mark at or after from that is of the kind (CLOSES or
 * CLOSES_LAST) to any quotation that starts CLOSER_NEAR bytes or more
 * before from, or n.  The answer holds for every later opening mark up
 * to it, so a line of "'a 'a 'a ..." is read once, not once a mark.
 */
static size_t
closer_next(const char *p, size_t n, size_t from, int kind)
{
	size_t j, w;
	uint32_t c;

	if ((closer_memo.valid & kind) && closer_memo.from[kind] <= from &&
	    from <= closer_memo.at[kind])
		return closer_memo.at[kind];
	for (j = from; j < n; j += w) {
		c = char_at(p, n, j, &w);
		if (c != '\'' && c != 0x2019)
			continue;
		if (closer_kind(p, n, 0, j, c) == kind)
			break;
		w = c == '\'' ? 1 : 3;
	}
	closer_memo.valid |= kind;
	closer_memo.from[kind] = from;
	closer_memo.at[kind] = j < n ? j : n;
	return closer_memo.at[kind];
}

/*
 * Find the mark that closes a single quotation whose text starts at i:
 * the first closer, else the first last resort (closer_kind()).  The
 * marks near i are judged here, the rest through closer_next().  Returns
 * the offset, or n.
 */
static size_t
single_closer(const char *p, size_t n, size_t i)
{
	size_t j, j0, w, near = n - i > CLOSER_NEAR ? i + CLOSER_NEAR : n;
	size_t last = n;
	uint32_t c;
	int k;

	for (j = i; j < near; j += w) {
		c = char_at(p, n, j, &w);
		if (c != '\'' && c != 0x2019)
			continue;
		k = closer_kind(p, n, i, j, c);
		if (k == CLOSES)
			return j;
		if (k == CLOSES_LAST && last == n)
			last = j;
		w = c == '\'' ? 1 : 3;
	}
	if (j >= n)
		return last;
	j0 = closer_next(p, n, j, CLOSES);
	if (j0 < n)
		return j0;
	return last < n ? last : closer_next(p, n, j, CLOSES_LAST);
}

/*
 * 1 if what follows an opening single mark at i cannot open a quotation:
 * no letter ("the '90s"), or an elided word ('tis, 'em, rock 'n' roll).
 * "‘’Twas ever thus" opens one, with the apostrophe inside.
 */
static int
elided(const char *p, size_t n, size_t i)
{
	size_t w, e;
	uint32_t c = char_at(p, n, i, &w);

	if (c == 0x2019 || c == '\'') {
		i += w;
		c = char_at(p, n, i, &w);
		return !is_letter(c);
	}
	if (!is_letter(c))
		return 1;
	for (e = i; e < n && e < i + 8 && is_letter((unsigned char)p[e]); e++)
		;
	return (e == n || !is_letter((unsigned char)p[e])) &&
	    (lex_lookup(p + i, e - i) & LX_ELIDED);
}

/* Count the letters of p[b..e), stopping at 2. */
static int
two_letters(const char *p, size_t b, size_t e)
{
	size_t w;
	int k = 0;

	while (b < e && k < 2) {
		if (is_letter(char_at(p, e, b, &w)))
			k++;
		b += w;
	}
	return k >= 2;
}

/* 1 if the mark at i follows feet and inches written with curly marks:
 * 6’2” (a digit, a right single quote or apostrophe, digits). */
static int
feet_inches(const char *p, size_t i)
{
	size_t j = i;

	while (j > 0 && p[j - 1] >= '0' && p[j - 1] <= '9')
		j--;
	if (j == i || j == 0)
		return 0;
	if (p[j - 1] == '\'')
		return j >= 2 && p[j - 2] >= '0' && p[j - 2] <= '9';
	return j >= 4 && memcmp(p + j - 3, "\xe2\x80\x99", 3) == 0 &&
	    p[j - 4] >= '0' && p[j - 4] <= '9';
}

/*
 * The first byte at or after i that may start a quotation mark (see
 * mark_byte), or n.  Most text has none for dozens of bytes: eight bytes
 * are tested at a time for a quote or apostrophe byte or one of 0x80 or
 * more, and only such a byte is looked up.
 */
static size_t
next_mark_byte(const char *p, size_t n, size_t i)
{
#if defined(SCAN_SSE2)
	/* Sixteen bytes at a time: a mask of the quote, apostrophe and
	 * high bytes; each is looked up in turn. */
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const void *)(p + i));
		unsigned hit = sse_bits(_mm_or_si128(
		    v, _mm_or_si128(sse_eq(v, '"'), sse_eq(v, '\''))));

		while (hit != 0) {
			size_t k = i + (size_t)__builtin_ctz(hit);

			if (mark_byte[(unsigned char)p[k]])
				return k;
			hit &= hit - 1;
		}
		i += 16;
	}
#endif
#if defined(SCAN_SWAR)
	while (i + 8 <= n) {
		uint64_t v = swar_load(p + i), hit;

		hit = swar_range(v, '"', '"') | swar_range(v, '\'', '\'') |
		    swar_high(v);
		if (hit == 0) {
			i += 8;
			continue;
		}
		i += swar_first(hit);
		if (mark_byte[(unsigned char)p[i]])
			return i;
		i++;
	}
#endif
	while (i < n && !mark_byte[(unsigned char)p[i]])
		i++;
	return i;
}

/*
 * Scan the paragraph p[0..n) from offset i for quotations, adding spans;
 * *oq says what is open on entry and is updated for the exit.
 */
static void
scan_quotes(const char *p, size_t n, size_t i, struct openq *oq)
{
	struct span *cur =
	    nspans > 0 && oq->what != 0 ? &spans[nspans - 1] : NULL;
	size_t w, j;
	uint32_t c, prev, next;
	enum quote_mark m;

	while (i < n) {
		i = next_mark_byte(p, n, i);
		if (i >= n)
			break;
		c = char_at(p, n, i, &w);
		if (c == '\'' && i + 1 < n && p[i + 1] == '\'') {
			m = QM_DOUBLE_AMBIG;
			w = 2;
		} else {
			m = uc_quote_mark(c);
		}
		if (m == QM_NONE) {
			i += w;
			continue;
		}
		prev = char_before(p, i);
		next = char_at(p, n, i + w, &j);
		if (oq->what == 0) {
			switch (m) {
			case QM_DOUBLE_OPEN:
				oq->what = 1;
				oq->nclosers = uc_quote_closers(c, oq->closers);
				oq->depth = 1;
				cur = span_new(i, i + w);
				break;
			case QM_DOUBLE_AMBIG:
				if (!opens_after(prev) || is_space(next) ||
				    i + w >= n)
					break;
				oq->what = 1;
				oq->nclosers = 0;
				oq->depth = 1;
				cur = span_new(i, i + w);
				break;
			case QM_SINGLE_OPEN:
			case QM_SINGLE_AMBIG:
				if ((c != 0x2018 && c != 0x201B && c != '\'') ||
				    !opens_after(prev) || elided(p, n, i + w))
					break;
				j = single_closer(p, n, i + w);
				if (j < n) {
					if (!two_letters(p, i + w, j))
						break;
					cur = span_new(i, i + w);
					cur->single = 1;
					cur->closed = 1;
					cur->ce = j;
					cur->end = j + (p[j] == '\'' ? 1 : 3);
					i = cur->end;
					cur = NULL;
					continue;
				}
				if (c != 0x2018)
					break;
				/* A curly opening quote left open may go on
				 * in the next paragraph. */
				cur = span_new(i, i + w);
				cur->single = 1;
				oq->what = 2;
				oq->depth = 1;
				i = n;
				continue;
			default:
				break;
			}
			i += w;
			continue;
		}
		if (oq->what == 2) {
			i += w;
			continue;
		}
		switch (m) {
		case QM_DOUBLE_OPEN:
			if ((oq->nclosers > 0 && c == oq->closers[0]) ||
			    (oq->nclosers > 1 && c == oq->closers[1]))
				oq->depth--;
			else
				oq->depth++;
			break;
		case QM_DOUBLE_CLOSE:
			if (feet_inches(p, i) &&
			    memchr(p + i + w, 0xe2, n - i - w) != NULL)
				break; /* 6’2”, and the quotation goes on */
			oq->depth--;
			break;
		case QM_DOUBLE_AMBIG:
			if (opens_after(prev) && is_alnum(next) &&
			    !is_alnum(prev))
				oq->depth++;
			else if (prev >= '0' && prev <= '9' &&
			    (oq->nclosers > 0 || straight_follows(p, n, i + w)))
				break; /* an inch mark: 5'11" */
			else
				oq->depth--;
			break;
		default:
			break;
		}
		if (oq->depth <= 0 && cur != NULL) {
			cur->ce = i;
			cur->end = i + w;
			cur->closed = 1;
			cur = NULL;
			oq->what = 0;
		}
		i += w;
	}
	if (cur != NULL) {
		cur->ce = n;
		cur->end = n;
	}
}

/*
 * Tokens of the writer's text of one paragraph; a quotation is one token.
 */
enum { T_WORD, T_PUNCT, T_QUOTE };

#define TF_CAP 0x01u     /* a word that starts with a capital */
#define TF_SEND 0x02u    /* ends a sentence (. ! ? or a quote) */
#define TF_DIGIT 0x04u   /* a word that starts with a digit */
#define TF_LEXED 0x08u   /* lex holds the lexicon flags */
#define TF_QSTOP 0x10u   /* a quotation whose text ends with . */
#define TF_QASK 0x20u    /* a quotation whose text ends with ? or ! */
#define TF_NCDONE 0x40u  /* TF_NAMECAP is known */
#define TF_NAMECAP 0x80u /* tok_namecap() holds */
#define TF_APOS 0x100u   /* a word with an apostrophe inside (I'm, O'Neill) */

/* The fields after type and flags hold only for the tokens named: the
 * tokenizer writes a token's first four fields and nothing more. */
struct tok {
	size_t beg, end;
	unsigned short type, flags;
	uint32_t lex; /* with TF_LEXED: the lexicon flags */
	uint32_t ch;  /* T_PUNCT: the character */
	uint32_t q;   /* T_QUOTE: the span */
};

static THREAD_LOCAL struct tok *toks;
static THREAD_LOCAL size_t ntoks, toks_cap;
static THREAD_LOCAL const char *para; /* the paragraph being looked at */
static THREAD_LOCAL size_t para_len;

/*
 * The tokens made ahead on the reading thread are lent to toks, not
 * copied; the thread's own array waits in toks_mine meanwhile.
 */
static THREAD_LOCAL struct tok *toks_mine;
static THREAD_LOCAL size_t toks_mine_cap;
static THREAD_LOCAL int toks_lent;

static void
toks_lend(struct tok *v, size_t n)
{
	if (!toks_lent) {
		toks_mine = toks;
		toks_mine_cap = toks_cap;
		toks_lent = 1;
	}
	toks = v;
	ntoks = toks_cap = n;
}

/* The thread's own array back in toks, empty. */
static void
toks_unlend(void)
{
	if (!toks_lent)
		return;
	toks = toks_mine;
	toks_cap = toks_mine_cap;
	toks_lent = 0;
	ntoks = 0;
}

static void
toks_grow(void)
{
	if (toks_lent) {
		/* Lent tokens are only read; should one be added, they are
		 * copied to the thread's own array first. */
		struct tok *v = toks;
		size_t n = ntoks;

		toks_unlend();
		while (toks_cap < n)
			toks_grow();
		memcpy(toks, v, n * sizeof(*toks));
		ntoks = n;
		return;
	}
	toks = xgrowarray(toks, &toks_cap, toks_cap + 1, sizeof(*toks), 256);
}

/* Token t (a slot in toks) set to a new token. */
static inline struct tok *
tok_set(struct tok *t, unsigned type, size_t beg, size_t end)
{
	t->beg = beg;
	t->end = end;
	t->type = (unsigned short)type;
	t->flags = 0;
	return t;
}

/* Room for n more tokens. */
static inline void
toks_reserve(size_t n)
{
	while (toks_cap - ntoks < n)
		toks_grow();
}

static inline struct tok *
tok_new(unsigned type, size_t beg, size_t end)
{
	toks_reserve(1);
	return tok_set(&toks[ntoks++], type, beg, end);
}

static inline uint32_t
tok_lex(size_t i)
{
	struct tok *t = &toks[i];

	if (t->type != T_WORD)
		return 0;
	if (!(t->flags & TF_LEXED)) {
		t->lex = lex_lookup(para + t->beg, t->end - t->beg);
		t->flags |= TF_LEXED;
	}
	return t->lex;
}

/* 1 if token i is the word w (a string literal). */
#define tok_is(i, w) tok_is_n((i), (w), sizeof(w) - 1)

static inline int
tok_is_n(size_t i, const char *w, size_t n)
{
	return i < ntoks && toks[i].type == T_WORD &&
	    toks[i].end - toks[i].beg == n &&
	    memcmp(para + toks[i].beg, w, n) == 0;
}

static inline int
tok_punct(size_t i, uint32_t c)
{
	return i < ntoks && toks[i].type == T_PUNCT && toks[i].ch == c;
}

static inline int
tok_cap(size_t i)
{
	return i < ntoks && toks[i].type == T_WORD && (toks[i].flags & TF_CAP);
}

static inline int
tok_lower(size_t i)
{
	return i < ntoks && toks[i].type == T_WORD &&
	    !(toks[i].flags & (TF_CAP | TF_DIGIT));
}

/* The length of the name s[0..n) without a final possessive 's or
 * U+2019 s ("Trump's" is Trump). */
static size_t
without_possessive(const char *s, size_t n)
{
	if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'')
		return n - 2;
	if (n > 4 && s[n - 1] == 's' &&
	    memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0)
		return n - 4;
	return n;
}

/* A word that ends in 's or ’s. */
static int
possessive(size_t i)
{
	const struct tok *t = &toks[i];
	size_t n = t->end - t->beg;

	return t->type == T_WORD && without_possessive(para + t->beg, n) < n;
}

/* A speech verb written in lower case, not a noun after a possessive
 * ("Ginsburg's comments", "his remarks"). */
static int
tok_verb(size_t i)
{
	if (!tok_lower(i) || !(tok_lex(i) & LX_VERB))
		return 0;
	if (i == 0 || toks[i - 1].type != T_WORD)
		return 1;
	if (possessive(i - 1))
		return 0;
	return !tok_is(i - 1, "his") && !tok_is(i - 1, "her") &&
	    !tok_is(i - 1, "their") && !tok_is(i - 1, "its") &&
	    !tok_is(i - 1, "the") && !tok_is(i - 1, "a");
}

/*
 * Cut p[from..to) into word and punctuation tokens.  A word holds letters
 * and digits joined by apostrophes, hyphens and inner full stops (U.S.,
 * 2.15); a final full stop stays on an abbreviation or an initial.
 */
static void
tokenize(const char *p, size_t from, size_t to)
{
	size_t i = from, w, b, w2, nt;
	uint32_t c, d;
	struct tok *tk, *t;
	unsigned ended; /* the space or comma found to end a word */

	/* Every token takes at least one byte: room made once, not checked
	 * per token.  The array and the count are kept in locals, which a
	 * store through t cannot change, and put back at the end. */
	if (to > from)
		toks_reserve(to - from);
	tk = toks;
	nt = ntoks;
	while (i < to) {
		unsigned char x = (unsigned char)p[i];

		if (x < 0x80) {
			if (ascii_class[x] & 4) {
				i++;
				continue;
			}
			if (!(ascii_class[x] & 3)) {
				t = tok_set(&tk[nt++], T_PUNCT, i, i + 1);
				t->ch = x;
				if ((x == '.' || x == '!' || x == '?') &&
				    (i + 1 >= to ||
					is_space(char_at(p, to, i + 1, &w2))))
					t->flags |= TF_SEND;
				i++;
				/* the space that usually follows */
				if (i < to && p[i] == ' ')
					i++;
				continue;
			}
			/* an ASCII letter or digit: no decoding */
			c = x;
			w = 1;
		} else {
			c = char_at(p, to, i, &w);
			if (is_space(c)) {
				i += w;
				continue;
			}
			if (!is_alnum(c)) {
				t = tok_set(&tk[nt++], T_PUNCT, i, i + w);
				t->ch = c;
				if ((c == '.' || c == '!' || c == '?') &&
				    is_space(char_at(p, to, i + w, &w2)))
					t->flags |= TF_SEND;
				i += w;
				continue;
			}
		}
		b = i;
		ended = 0;
		t = tok_set(&tk[nt++], T_WORD, b, b);
		if (c >= '0' && c <= '9')
			t->flags |= TF_DIGIT;
		else if (is_upper(c))
			t->flags |= TF_CAP;
		i += w;
#if defined(SCAN_SWAR)
		/*
		 * Eight bytes at a time while they are all ASCII letters or
		 * digits: one branch a word, not one a byte.  The first byte
		 * that is not ends the word; it is taken from v: a space or a
		 * comma, the usual ends, end the word without reading it
		 * again.
		 */
		while (i + 8 <= to) {
			uint64_t v = swar_load(p + i), stop;
			unsigned k, y;

			stop = swar_first_not_alnum(v);
			if (stop == 0) {
				i += 8;
				continue;
			}
			k = (unsigned)swar_first(stop);
			i += k;
			y = (unsigned)(v >> 8 * k) & 0xff;
			if (y == ' ' || y == ',')
				ended = y;
			break;
		}
#endif
		while (!ended && i < to) {
			unsigned char y = (unsigned char)p[i];

			if (word_byte[y]) {
				i++;
				continue;
			}
			if (y == ' ' || y == ',')
				break;
			if (y >= 0xc3 && y <= 0xc8 && i + 1 < to &&
			    ((unsigned char)p[i + 1] & 0xc0) == 0x80 &&
			    !(y == 0xc3 &&
				((unsigned char)p[i + 1] == 0x97 ||
				    (unsigned char)p[i + 1] == 0xb7))) {
				/* a Latin letter of U+00C0-U+023F (not the
				 * times and division signs): accented names */
				i += 2;
				continue;
			}
			c = char_at(p, to, i, &w);
			if (is_alnum(c)) {
				i += w;
				continue;
			}
			if (c == '\'' || c == 0x2019 || c == '-' || c == '.' ||
			    c == 0x2010 || c == '&') {
				d = char_at(p, to, i + w, &w2);
				if (is_alnum(d)) {
					if (c == '\'' || c == 0x2019)
						t->flags |= TF_APOS;
					i += w + w2;
					continue;
				}
				/* Plural possessive: the Florists' guild. */
				if ((c == '\'' || c == 0x2019) &&
				    (p[i - 1] == 's') && is_space(d)) {
					i += w;
					break;
				}
			}
			break;
		}
		t->end = i;
		if (ended != 0) {
			/* not a full stop; a space is skipped as below */
			i += ended == ' ';
			continue;
		}
		if (i < to && p[i] == '.') {
			size_t n = i - b;

			if ((n == 1 && is_upper((unsigned char)p[b])) ||
			    (n <= 6 && (tok_lex(nt - 1) & LX_ABBR)) ||
			    memchr(p + b, '.', n) != NULL) {
				t->end = ++i;
				t->flags &= ~TF_LEXED;
			}
		}
		/* the space that usually follows */
		if (i < to && p[i] == ' ')
			i++;
	}
	ntoks = nt;
}

/*
 * The people and organisations of the document.  stamp orders them by
 * how recently they spoke or were the subject of a sentence, for pronouns.
 */
struct entity {
	uint64_t hash; /* of the name, to compare quickly */
	char name[NAME_MAX_LEN];
	size_t len;
	size_t last;       /* offset of the last word in name */
	uint64_t lasthash; /* word_hash of the last word, as written */
	int gender;        /* 0 unknown, 'm', 'f' */
	int org;
	unsigned long stamp; /* 0: only mentioned, never a subject */
	unsigned long seen;
};

static struct entity *ents;
static uint64_t ent_lasthash[MAX_ENTITIES]; /* ents[i].lasthash, packed */

/*
 * Bit i of ent_bucket[b]: ent_lasthash[i] falls in bucket b (its top six
 * bits), so that a surname is compared with the few entities whose last
 * word may match rather than with all of them.
 */
#if MAX_ENTITIES > 64
#error "ent_bucket holds one bit an entity"
#endif
#define ENT_BUCKET(h) ((size_t)((h) >> 58))
static uint64_t ent_bucket[64];
static size_t nents;
static size_t ent_last_noted; /* the slot named last */
static unsigned long ent_clock;

static void
ents_reset(void)
{
	size_t i;

	for (i = 0; i < MAX_ENTITIES; i++) {
		ents[i].len = 0;
		ent_lasthash[i] = 0;
	}
	memset(ent_bucket, 0, sizeof(ent_bucket));
	ent_last_noted = 0;
	nents = MAX_ENTITIES;
	ent_clock = 0;
}

/* Cut a byte string to at most max bytes, on a character boundary. */
static size_t
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
	h = (h ^ load_short(w, n)) * 0x94d049bb133111ebULL;
	return h ^ h >> 31;
}

/* memcpy for a short string (a name, a role): whole words and an
 * overlapping last one, which beats the string instruction the compiler
 * picks for a short copy of unknown length. */
static void
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

/* Entity i was named again (ent_clock has been advanced): what
 * ent_note does once it has found the name. */
static size_t
ent_touch(size_t i, int gender, int org, int subject)
{
	struct entity *e = &ents[i];

	if (gender != 0)
		e->gender = gender;
	if (org)
		e->org = 1;
	e->seen = ent_clock;
	if (subject)
		e->stamp = ent_clock;
	return i;
}

/* ent_note(ents[i].name, ents[i].len, ...) without hashing the name
 * again: a name is in the table once, so it finds slot i. */
static size_t
ent_renote(size_t i, int gender, int org, int subject)
{
	ent_clock++;
	ent_last_noted = i;
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
static size_t
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
	if (n > 0 && ents[ent_last_noted].len == n &&
	    memcmp(ents[ent_last_noted].name, s, n) == 0)
		return ent_renote(ent_last_noted, gender, org, subject);
	h = hash64(s, n, 0);
	ent_clock++;
	/* Two-way set associative: a name lives in one of two slots. */
	i = (size_t)(h & (MAX_ENTITIES - 1)) & ~(size_t)1;
	if (!(ents[i].len == n && ents[i].hash == h &&
		memcmp(ents[i].name, s, n) == 0)) {
		if (ents[i + 1].len == n && ents[i + 1].hash == h &&
		    memcmp(ents[i + 1].name, s, n) == 0) {
			i++;
		} else {
			if (ents[i].len != 0 &&
			    (ents[i + 1].len == 0 ||
				ents[i + 1].seen < ents[i].seen))
				i++;
			e = &ents[i];
			e->hash = h;
			copy_short(e->name, s, n);
			e->len = n;
			e->last = last_word_off(s, n);
			e->lasthash = word_hash(s + e->last, n - e->last);
			ent_bucket[ENT_BUCKET(ent_lasthash[i])] &=
			    ~((uint64_t)1 << i);
			ent_lasthash[i] = e->lasthash;
			ent_bucket[ENT_BUCKET(e->lasthash)] |= (uint64_t)1 << i;
			e->gender = 0;
			e->org = org;
			e->stamp = 0;
		}
	}
	ent_last_noted = i;
	return ent_touch(i, gender, org, subject);
}

/* The index of the lowest set bit of x (x != 0). */
static inline size_t
lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctzll(x);
#else
	size_t i = 0;

	while (!(x & 1)) {
		x >>= 1;
		i++;
	}
	return i;
#endif
}

/* The most recent entity whose last word is w[0..n) (a surname, or the
 * "ministry" of "Finance Ministry", caselessly); -1 if none. */
static long
ent_by_last(const char *w, size_t n, int caseless)
{
	size_t i, k;
	long best = -1;
	uint64_t h = caseless ? 0 : word_hash(w, n), cand;

	/* the candidates, in index order (the first of equals wins) */
	cand = caseless ? ~(uint64_t)0 : ent_bucket[ENT_BUCKET(h)];
	for (; cand != 0; cand &= cand - 1) {
		struct entity *e;

		i = lowest_bit(cand);
		if (i >= nents)
			break;
		e = &ents[i];
		if (!caseless && ent_lasthash[i] != h)
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
		if (best < 0 || e->seen > ents[best].seen)
			best = (long)i;
	}
	return best;
}

static int pronoun_mentions = 0;

static unsigned long
ent_rank(const struct entity *e)
{
	return pronoun_mentions ? e->seen : e->stamp;
}

/* The most recent person whose two-word name starts with w[0..n): a
 * family name written first (Yuan Jiajun), or a first name. */
static long
ent_by_first(const char *w, size_t n)
{
	size_t i;
	long best = -1;

	for (i = 0; i < nents; i++) {
		struct entity *e = &ents[i];

		if (e->len == 0 || e->org || e->last != n + 1 ||
		    memcmp(e->name, w, n) != 0 ||
		    memchr(e->name + e->last, ' ', e->len - e->last) != NULL)
			continue;
		if (best < 0 || e->seen > ents[best].seen)
			best = (long)i;
	}
	return best;
}

/* The entity a pronoun points to: the latest subject of a matching kind. */
static long
ent_for_pronoun(uint32_t lx)
{
	size_t i;
	long best = -1, any = -1;

	for (i = 0; i < nents; i++) {
		struct entity *e = &ents[i];
		int ok;

		if (e->len == 0 || (e->stamp == 0 && !pronoun_mentions))
			continue;
		if (lx & LX_IT)
			ok = e->org;
		else
			ok = !e->org &&
			    (e->gender == 0 ||
				e->gender == (lx & LX_HE ? 'm' : 'f'));
		if (ok && (best < 0 || ent_rank(e) > ent_rank(&ents[best])))
			best = (long)i;
		if (any < 0 || ent_rank(e) > ent_rank(&ents[any]))
			any = (long)i;
	}
	/* "they" may be people; "it" is no one known to be a man or a
	 * woman */
	if (best < 0 && (lx & LX_IT) &&
	    (!(lx & LX_NEUTER) ||
		(any >= 0 && (ents[any].org || ents[any].gender == 0))))
		best = any;
	if (best < 0 && !pronoun_mentions) {
		/* Nobody spoke or began a sentence yet: a mere mention. */
		pronoun_mentions = 1;
		best = ent_for_pronoun(lx);
		pronoun_mentions = 0;
	}
	return best;
}

/* An attribution: who said a quotation, as found in the paragraph. */
enum {
	A_NONE,
	A_AFTER,  /* "...," said X / X said */
	A_BEFORE, /* X said: "..." / according to X, "..." */
	A_FOLLOW, /* the speaker of the quotation before */
	A_COLON   /* X said: at the end of the paragraph before */
};

struct attr {
	int how;
	char speaker[NAME_MAX_LEN];
	size_t slen;
	char role[ROLE_MAX_LEN];
	size_t rlen;
	char verb[VERB_MAX_LEN];
	size_t vlen;
	size_t sb, se; /* the speaker's bytes in the paragraph */
	size_t vtok;   /* the verb's token */
	size_t etok;   /* the token after the speaker (and role) */
};

/*
 * An empty attribution.  The text arrays are read only up to their
 * lengths, so only the scalars are cleared (a memset of the whole
 * struct, several times a quotation, showed in profiles).
 */
static void
attr_clear(struct attr *a)
{
	a->how = A_NONE;
	a->slen = a->rlen = a->vlen = 0;
	a->sb = a->se = 0;
	a->vtok = a->etok = 0;
}

enum {
	NP_NONE,
	NP_NAME,  /* Finance Minister Joe Blake */
	NP_PRON,  /* he, she, they, it */
	NP_COMMON /* the ministry, officials */
};

/* A noun phrase: tokens [t0, t1), of which [t0, name) are a title or a
 * determiner; end is the token after it. */
struct np {
	int kind;
	size_t t0, t1, name, end;
};

/* 1 if the word w[0..n) ends in the clitic of a contraction (I'm, They'd,
 * We've, We're, You'll, Don't, with ' or U+2019): a pronoun or a verb,
 * never a name (a possessive's 's is left to the callers).  Asked of
 * every capitalised word once, so the last byte decides most. */
static int
contraction(const char *w, size_t n)
{
	size_t t, a; /* the clitic's and the apostrophe's lengths */

	if (n < 3)
		return 0;
	switch (w[n - 1]) {
	case 'm':
	case 'd':
	case 't':
		t = 1;
		break;
	case 'e':
		if (w[n - 2] != 'v' && w[n - 2] != 'r')
			return 0;
		t = 2;
		break;
	case 'l':
		if (w[n - 2] != 'l')
			return 0;
		t = 2;
		break;
	default:
		return 0;
	}
	if (n >= t + 2 && w[n - t - 1] == '\'')
		a = 1;
	else if (n >= t + 4 && memcmp(w + n - t - 3, "\xe2\x80\x99", 3) == 0)
		a = 3;
	else
		return 0;
	/* n't: the n before the apostrophe */
	return w[n - 1] != 't' || w[n - t - a - 1] == 'n';
}

/* A capitalised word that can be part of a name. */
static NOINLINE int
tok_namecap_uncached(size_t i)
{
	uint32_t lx;
	const struct tok *t = &toks[i];
	size_t n;

	n = t->end - t->beg;
	if (n == 2 && para[t->end - 1] == '.')
		return 1; /* an initial: James A. Baker */
	lx = tok_lex(i);
	if ((lx & (LX_STOPCAP | LX_PREP)) && !(lx & LX_TITLE))
		return 0;
	if ((t->flags & TF_APOS) && contraction(para + t->beg, n))
		return 0;
	/* "Continuing to explain...", "Shortly after": a capital that
	 * only starts the sentence; not a first name (Carly, Kelly). */
	if ((i == 0 || (toks[i - 1].flags & TF_SEND)) &&
	    !(lx & (LX_HIS | LX_HERS)) &&
	    ((n > 4 &&
		 (memcmp(para + t->end - 3, "ing", 3) == 0 ||
		     memcmp(para + t->end - 2, "ly", 2) == 0)) ||
		(lx & LX_VERB)))
		return 0;
	return 1;
}

static inline int
tok_namecap(size_t i)
{
	struct tok *t;

	if (!tok_cap(i))
		return 0;
	t = &toks[i];
	if (!(t->flags & TF_NCDONE))
		t->flags |=
		    TF_NCDONE | (tok_namecap_uncached(i) ? TF_NAMECAP : 0);
	return (t->flags & TF_NAMECAP) != 0;
}

/* 1 if the "and" at token j joins two people rather than making one
 * name: "Ines Valdes and Marco Ferri", "Mr. Falk and Ms. Remy" (but
 * "Procter and Gamble", "Health and Human Services" stay one). */
static int
two_names(size_t j)
{
	if (!tok_is(j, "and") && !tok_punct(j, '&'))
		return 0;
	if (tok_lex(j + 1) & LX_TITLE)
		return 1;
	return j >= 2 && tok_namecap(j - 2) && tok_namecap(j - 1) &&
	    tok_namecap(j + 1) && tok_namecap(j + 2) &&
	    !(tok_lex(j - 1) & LX_ORG) && !(tok_lex(j + 2) & LX_ORG);
}

/* Skip a party label after a name: Sen. Jack Reed (D-R.I.). */
static size_t
skip_paren(size_t j)
{
	size_t k;

	if (!tok_punct(j, '('))
		return j;
	for (k = j + 1; k < ntoks && k < j + 8; k++)
		if (tok_punct(k, ')'))
			return k + 1;
	return j;
}

/*
 * The owner's name in w[0..n), without its apostrophe (Apple's, Reuters'
 * give Apple, Reuters), or n when w is no owner's.  People's, Women's,
 * Men's and Children's own nothing: they are inside names ("the People's
 * Liberation Front", "Women's March").
 */
static size_t
owner_len(const char *w, size_t n)
{
	size_t k = without_possessive(w, n);

	if (k == n) {
		if (n > 2 && w[n - 1] == '\'' && w[n - 2] == 's')
			k = n - 1;
		else if (n > 4 && w[n - 4] == 's' &&
		    memcmp(w + n - 3, "\xe2\x80\x99", 3) == 0)
			k = n - 3;
		else
			return n;
	}
	if (lex_lookup(w, k) & LX_GROUPWORD)
		return n;
	return k;
}

/* 1 if token i is an owner's word: Apple's, Reuters'. */
static int
owner_word(size_t i)
{
	const struct tok *t = &toks[i];
	size_t n = t->end - t->beg;

	return t->type == T_WORD && owner_len(para + t->beg, n) < n;
}

/* A lower-case word that may stand before a name in a noun phrase:
 * "former", "retired neurosurgeon". */
static int
tok_modifier(size_t i)
{
	/* "the 43-year-old" */
	if (i < ntoks && toks[i].type == T_WORD && (toks[i].flags & TF_DIGIT) &&
	    memchr(para + toks[i].beg, '-', toks[i].end - toks[i].beg))
		return 1;
	return tok_lower(i) &&
	    !(tok_lex(i) &
		(LX_VERB | LX_AUX | LX_PREP | LX_REL | LX_DET | LX_PRONOUN |
		    LX_CONN));
}

/* After a capital, lower-case words and then a title with a name:
 * "Sanders campaign manager Jeff Weaver".  Returns the title's token,
 * or j. */
static size_t
modifiers_then_name(size_t j)
{
	size_t m;

	for (m = j; m < ntoks && m < j + 3 && tok_modifier(m); m++) {
		const struct tok *t = &toks[m];

		if ((tok_lex(m) & LX_TITLE) && tok_namecap(m + 1))
			return m;
		/* "Mr. Carson endorsed Mr. Trump": a verb, not a role */
		if (t->end - t->beg > 3 &&
		    (memcmp(para + t->end - 2, "ed", 2) == 0 ||
			memcmp(para + t->end - 3, "ing", 3) == 0))
			return j;
	}
	if (m > j && tok_namecap(m) && (tok_lex(m) & LX_TITLE))
		return m;
	return j;
}

/*
 * The noun phrase that starts at token i: a pronoun; a name with its
 * titles ("former Wisconsin Gov. Jim Doyle"); or a determiner and a few
 * words ("the ministry", "one Trump campaign source"), or a group noun
 * ("officials").  np->end is the token after it (past a party label).
 */
static int
np_forward(size_t i, struct np *np)
{
	size_t j, start, m;
	uint32_t lx;
	int det = 0, caps = 0;

	np->kind = NP_NONE;
	if (i >= ntoks || toks[i].type != T_WORD)
		return 0;
	lx = tok_lex(i);
	if (lx & LX_PRONOUN) {
		np->kind = NP_PRON;
		np->t0 = np->name = i;
		np->t1 = np->end = i + 1;
		return 1;
	}
	j = i;
	if (lx & LX_DET) {
		det = 1;
		j++;
	}
	start = j;
	/* "former secretary of state Hillary Clinton": lower-case words,
	 * a title with "of" and its object among them */
	for (m = j; m < ntoks && m < j + 6; m++) {
		if (tok_modifier(m))
			continue;
		if (m > j && tok_is(m, "of") && (tok_lex(m - 1) & LX_TITLE) &&
		    tok_modifier(m + 1))
			continue;
		break;
	}
	if (m > j && tok_namecap(m))
		j = m;
	while (j < ntoks && toks[j].type == T_WORD) {
		if (tok_namecap(j)) {
			caps++;
			j++;
		} else if (tok_lower(j) && tok_namecap(j + 1) &&
		    ((tok_lex(j) & LX_TITLE) ||
			((tok_lex(j) & LX_CONN) && caps > 0 &&
			    !two_names(j)))) {
			j++;
		} else if (tok_lower(j) && (tok_lex(j) & LX_CONN) && caps > 0 &&
		    tok_is(j + 1, "the") && tok_namecap(j + 2)) {
			j += 2; /* the Museum of the Lower Rhone */
		} else if (caps > 0 && tok_modifier(j) &&
		    (m = modifiers_then_name(j)) > j) {
			j = m;
		} else {
			break;
		}
	}
	if (caps > 0 && possessive(j - 1) && tok_modifier(j) && !tok_verb(j)) {
		/* "Smith's mother said": the mother speaks */
		for (m = j;
		     m < ntoks && m < j + 3 && tok_modifier(m) && !tok_verb(m);
		     m++)
			;
		np->kind = NP_COMMON;
		np->t0 = np->name = start;
		np->t1 = np->end = m;
		return 1;
	}
	if (caps > 0 && !(det && tok_modifier(j) && !tok_verb(j))) {
		np->kind = NP_NAME;
		np->t0 = np->name = start;
		np->t1 = j;
		np->end = skip_paren(j);
		return 1;
	}
	/* A common noun: "the ministry", "one Trump campaign source". */
	j = start;
	while (
	    j < ntoks && j < start + 5 && (tok_modifier(j) || tok_namecap(j)))
		j++;
	if (j == start ||
	    (!det &&
		(j > start + 1 || !tok_lower(start) ||
		    !(tok_lex(start) & LX_GROUP))))
		return 0;
	np->kind = NP_COMMON;
	np->t0 = i;
	np->name = start;
	np->t1 = np->end = j;
	return 1;
}

/* The noun phrase that ends with token e, not before token s. */
static int
np_backward(size_t e, size_t s, struct np *np)
{
	size_t j, k;
	uint32_t lx;

	np->kind = NP_NONE;
	if (tok_punct(e, ')')) {
		for (k = e; k > s && e - k < 8; k--)
			if (tok_punct(k - 1, '('))
				break;
		if (k > s + 1 && tok_punct(k - 1, '('))
			e = k - 2;
	}
	if (e >= ntoks || toks[e].type != T_WORD)
		return 0;
	lx = tok_lex(e);
	if (lx & LX_PRONOUN) {
		np->kind = NP_PRON;
		np->t0 = np->name = e;
		np->t1 = e + 1;
		return 1;
	}
	if (tok_namecap(e)) {
		j = e;
		while (j > s) {
			k = j - 1;
			if (tok_namecap(k) ||
			    (tok_lower(k) && (tok_lex(k) & LX_TITLE)) ||
			    (tok_lower(k) && (tok_lex(k) & LX_CONN) && k > s &&
				tok_namecap(k - 1) && !two_names(k)))
				j = k;
			else if (tok_is(k, "the") && k > s + 1 &&
			    tok_lower(k - 1) && (tok_lex(k - 1) & LX_CONN) &&
			    tok_namecap(k - 2))
				j = k - 1;
			else
				break;
		}
		/* "the Trump campaign" is a common noun phrase; "the
		 * Carrow Group" a name. */
		k = j;
		while (k > s && e - k < 5 && tok_modifier(k - 1))
			k--;
		if (k < j && k > s && (tok_lex(k - 1) & LX_DET)) {
			np->kind = NP_COMMON;
			np->t0 = k - 1;
			np->name = k;
			np->t1 = e + 1;
			return 1;
		}
		while (j < e && !tok_cap(j))
			j++;
		np->kind = NP_NAME;
		np->t0 = np->name = j;
		np->t1 = e + 1;
		return 1;
	}
	if (!tok_modifier(e))
		return 0;
	for (j = e; j > s && e - j < 5; j--) {
		if (tok_lex(j - 1) & LX_DET) {
			np->kind = NP_COMMON;
			np->t0 = j - 1;
			np->name = j;
			np->t1 = e + 1;
			return 1;
		}
		if (!tok_modifier(j - 1) && !tok_namecap(j - 1))
			break;
	}
	if (lx & LX_GROUP) {
		np->kind = NP_COMMON;
		np->t0 = np->name = e;
		np->t1 = e + 1;
		return 1;
	}
	/* "Smith's mother" */
	for (j = e; j > s && e - j < 3 && tok_modifier(j - 1); j--)
		;
	if (j > s && tok_namecap(j - 1) && possessive(j - 1)) {
		for (j--; j > s && tok_namecap(j - 1); j--)
			;
		np->kind = NP_COMMON;
		np->t0 = np->name = j;
		np->t1 = e + 1;
		return 1;
	}
	return 0;
}

static void
set_text(char *dst, size_t *dlen, size_t max, const char *s, size_t n)
{
	n = cut_len(s, n, max);
	copy_short(dst, s, n);
	*dlen = n;
}

/* Fill a's verb from tokens [v0, v1). */
static void
set_verb(struct attr *a, size_t v0, size_t v1)
{
	set_text(a->verb, &a->vlen, VERB_MAX_LEN, para + toks[v0].beg,
	    toks[v1 - 1].end - toks[v0].beg);
	a->vtok = v0;
}

/* Fill a's role from tokens [r0, r1), unless it is a clause or an age. */
static void
set_role(struct attr *a, size_t r0, size_t r1)
{
	if (r0 >= r1 || toks[r0].type != T_WORD || (tok_lex(r0) & LX_REL) ||
	    (toks[r0].flags & TF_DIGIT))
		return;
	if (r1 > a->etok)
		a->etok = r1;
	if (a->rlen > 0)
		return;
	set_text(a->role, &a->rlen, ROLE_MAX_LEN, para + toks[r0].beg,
	    toks[r1 - 1].end - toks[r0].beg);
}

/* The end of an appositive that starts at token i: the next comma, full
 * stop or quotation; ntoks + 1 if it runs too long. */
static size_t
appositive_end(size_t i)
{
	size_t j;

	for (j = i; j < ntoks && j < i + 25; j++) {
		if (toks[j].type == T_QUOTE || (toks[j].flags & TF_SEND))
			return j;
		/* the full stop of an abbreviation before the comma goes
		 * with it: ", R-Pa., said" */
		if (tok_punct(j, '.') && tok_punct(j + 1, ',') &&
		    toks[j + 1].beg == toks[j].end)
			continue;
		if (toks[j].type == T_PUNCT &&
		    (toks[j].ch == ',' || toks[j].ch == ';' ||
			toks[j].ch == ')' || toks[j].ch == '.' ||
			toks[j].ch == 0x2014))
			return j;
	}
	return j < ntoks ? ntoks + 1 : j;
}

/* The gender a name's first word suggests: 'm', 'f' or 0. */
static int
first_name_gender(size_t t)
{
	return lex_gender(tok_lex(t) & (LX_HIS | LX_HERS));
}

/*
 * Make the speaker of a from the noun phrase np: titles go to the role, a
 * pronoun or a lone surname is resolved through the entities, and the
 * speaker is remembered.
 */
static void
np_speaker(const struct np *np, struct attr *a)
{
	size_t k, split, nb, ne, last, owner = 0;
	uint32_t lx;
	int gender = 0, org;
	long e;

	a->slen = a->rlen = 0;
	a->etok = np->t1;
	a->sb = toks[np->t0].beg;
	a->se = toks[np->t1 - 1].end;
	if (np->kind == NP_PRON) {
		lx = tok_lex(np->t0);
		e = ent_for_pronoun(lx);
		if (e >= 0) {
			struct entity *en = &ents[e];

			if (en->gender == 0 && !en->org && (lx & LX_HE))
				en->gender = 'm';
			else if (en->gender == 0 && !en->org && (lx & LX_SHE))
				en->gender = 'f';
			set_text(a->speaker, &a->slen, NAME_MAX_LEN, en->name,
			    en->len);
			(void)ent_renote((size_t)e, 0, 0, 1);
		} else {
			set_text(a->speaker, &a->slen, NAME_MAX_LEN,
			    para + a->sb, a->se - a->sb);
			if (a->slen > 0 && a->speaker[0] >= 'A' &&
			    a->speaker[0] <= 'Z')
				a->speaker[0] = (char)(a->speaker[0] + 32);
		}
		return;
	}
	if (np->kind == NP_COMMON) {
		/* "the ministry" is the Finance Ministry named before. */
		nb = toks[np->t1 - 1].beg;
		e = -1;
		if (np->t1 == np->name + 1 && (tok_lex(np->name) & LX_ORG))
			e = ent_by_last(para + nb, a->se - nb, 1);
		if (e >= 0 && ents[e].org) {
			set_text(a->speaker, &a->slen, NAME_MAX_LEN,
			    ents[e].name, ents[e].len);
			(void)ent_renote((size_t)e, 0, 1, 1);
		} else {
			set_text(a->speaker, &a->slen, NAME_MAX_LEN,
			    para + a->sb, a->se - a->sb);
			/* "the nurses said ... they added": a group */
			(void)ent_note(a->speaker, a->slen, 0, 1, 1);
		}
		return;
	}
	lx = tok_lex(np->t1 - 1);
	org = (lx & LX_ORG) != 0;
	for (split = np->t0; split + 1 < np->t1 && !tok_cap(split); split++)
		;
	/* The name is what follows the last title, when no "of" comes
	 * after it: "RNC Chief of Staff Katie Walsh"; a phrase with "of"
	 * and no title after it names an organisation. */
	for (k = split; k + 1 < np->t1; k++) {
		lx = tok_lex(k);
		if ((lx & LX_CONN) && tok_lower(k))
			org = 1;
		if (lx & LX_TITLE) {
			split = k + 1;
			org = 0;
			if (lex_gender(lx & (LX_MALE | LX_FEMALE)) != 0)
				gender = lex_gender(lx & (LX_MALE | LX_FEMALE));
		} else if (tok_cap(k) && owner_word(k)) {
			owner = k + 1;
		}
	}
	if (tok_lex(np->t1 - 1) & LX_ORG)
		org = 1;
	/* "Apple's Tim Cook": Apple is the role; not "the People's Liberation
	 * Front" nor "Trump's Virginia chairman" */
	if (owner > split && !org && np->t1 - owner >= 2)
		split = owner;
	/* "House Republican Thomas Massie": a known first name after other
	 * capitalised words starts the name */
	if (split == np->t0 && !org && !(tok_lex(split) & (LX_HIS | LX_HERS)))
		for (k = split + 1; k + 1 < np->t1; k++)
			if (tok_lex(k) & (LX_HIS | LX_HERS)) {
				split = k;
				break;
			}
	/* "Kaveh Rostami of the Lindell Institute": a person of two or
	 * more words, then where they work ("Bank of America" and "Royal
	 * Bank of Scotland" stay whole) */
	last = np->t1;
	for (k = split; k < np->t1; k++) {
		if (tok_lower(k) && (tok_lex(k) & LX_CONN) &&
		    !tok_is(k, "and")) {
			if (k >= split + 2)
				last = k;
			break;
		}
		if (tok_lex(k) & LX_ORG)
			break;
	}
	if (last < np->t1) {
		org = 0;
		set_text(a->role, &a->rlen, ROLE_MAX_LEN, para + toks[last].beg,
		    toks[np->t1 - 1].end - toks[last].beg);
		a->se = toks[last - 1].end;
	}
	if (!org && gender == 0)
		gender = first_name_gender(split);
	if (split > np->t0 && a->rlen == 0)
		set_text(a->role, &a->rlen, ROLE_MAX_LEN, para + a->sb,
		    owner_word(split - 1)
			? owner_len(para + a->sb, toks[split - 1].end - a->sb)
			: toks[split - 1].end - a->sb);
	nb = toks[split].beg;
	ne = a->se;
	/* "Trump's": the speaker is Trump. */
	ne = nb + without_possessive(para + nb, ne - nb);
	a->sb = nb;
	if (split + 1 == np->t1) {
		e = ent_by_last(para + nb, ne - nb, 0);
		if (e < 0)
			e = ent_by_first(para + nb, ne - nb);
		if (e >= 0) {
			set_text(a->speaker, &a->slen, NAME_MAX_LEN,
			    ents[e].name, ents[e].len);
			(void)ent_renote((size_t)e, gender, org, 1);
			return;
		}
	}
	set_text(a->speaker, &a->slen, NAME_MAX_LEN, para + nb, ne - nb);
	(void)ent_note(para + nb, ne - nb, gender, org, 1);
}

/* The role in an appositive after the noun phrase: ", ROLE," */
static void
np_role(const struct np *np, struct attr *a)
{
	size_t r;

	if (tok_punct(np->end, ',') &&
	    (r = appositive_end(np->end + 1)) <= ntoks)
		set_role(a, np->end + 1, r);
}

/* "according to X" at token k (the word "according"). */
static int
according(size_t k, struct attr *a)
{
	struct np np;
	size_t j;

	if (!np_forward(k + 2, &np))
		return 0;
	j = np.end;
	if (np.kind == NP_COMMON && j < ntoks &&
	    (tok_is(j, "from") || tok_is(j, "by") || tok_is(j, "of") ||
		tok_is(j, "at"))) {
		struct np inner;

		if (np_forward(j + 1, &inner) && inner.kind == NP_NAME)
			np = inner;
	}
	np_speaker(&np, a);
	set_verb(a, k, k + 2);
	np_role(&np, a);
	return 1;
}

/*
 * The first token of the sentence that holds token i, at most SENT_MAX
 * tokens back: what looks back to a sentence's start (the speech verb
 * before a quotation, the subject) then costs a bounded time a token, so
 * a paragraph that never ends a sentence (400,000 quotation marks in a
 * row) takes linear time, not quadratic (issue 16).
 */
#define SENT_MAX 256

static size_t
sent_start(size_t i)
{
	size_t lim = i > SENT_MAX ? i - SENT_MAX : 0;

	while (i > lim && !(toks[i - 1].flags & TF_SEND))
		i--;
	return i;
}

/* A verb that may come before its subject: said X, added X. */
static int
verb_inverts(size_t k)
{
	size_t n = toks[k].end - toks[k].beg;

	return !(tok_lex(k) & LX_OBJ) &&
	    !(n > 4 && memcmp(para + toks[k].end - 3, "ing", 3) == 0);
}

/*
 * "...," said X / "...," X said / "...," X, ROLE, said / "...,"
 * according to X, starting at token j.  strict: only a name or pronoun
 * right next to the verb (after a quotation that ended its sentence).
 */
static int
attribution_at(size_t j, struct attr *a, int strict)
{
	size_t k, r0 = 0, r1 = 0, c, m, n;
	struct np np;

	if (j >= ntoks || toks[j].type != T_WORD)
		return 0;
	if (tok_is(j, "according") && tok_is(j + 1, "to"))
		return !strict && according(j, a);
	if (tok_verb(j)) {
		struct np name;

		/* After a quotation "warned X" and "asked X" invert too. */
		n = toks[j].end - toks[j].beg;
		if ((n > 4 && memcmp(para + toks[j].end - 3, "ing", 3) == 0) ||
		    tok_is(j, "told") || tok_is(j, "tells") ||
		    tok_is(j, "tell"))
			return 0;
		if (!np_forward(j + 1, &np)) {
			/* "said one of two witnesses who relayed it" */
			if (strict || j + 1 >= ntoks ||
			    !(tok_lex(j + 1) & LX_DET))
				return 0;
			for (k = j + 2; k < ntoks && k < j + 14 &&
			     toks[k].type == T_WORD && !(tok_lex(k) & LX_REL);
			     k++)
				;
			if (k == j + 2 || (k < ntoks && toks[k].type == T_WORD))
				return 0;
			np.kind = NP_COMMON;
			np.t0 = j + 1;
			np.name = j + 2;
			np.t1 = np.end = k;
		}
		if (strict && np.kind == NP_COMMON)
			return 0;
		/* "replied the goalkeeper, Abel Mendoza-Ruiz." */
		if (np.kind == NP_COMMON && tok_punct(np.end, ',') &&
		    np_forward(np.end + 1, &name) && name.kind == NP_NAME &&
		    (tok_punct(name.end, ',') || tok_punct(name.end, '.') ||
			name.end >= ntoks ||
			(toks[name.end].flags & TF_SEND))) {
			np_speaker(&name, a);
			set_role(a, np.t0, np.t1);
		} else {
			np_speaker(&np, a);
			np_role(&np, a);
		}
		set_verb(a, j, j + 1);
		return 1;
	}
	if (!np_forward(j, &np) || (strict && np.kind == NP_COMMON))
		return 0;
	k = np.end;
	/* "Kaveh Rostami of the Lindell Institute wrote", "a spokeswoman
	 * for the ministry said" */
	if (k < ntoks &&
	    (tok_is(k, "of") || tok_is(k, "for") || tok_is(k, "at") ||
		tok_is(k, "from"))) {
		struct np pp;

		if (np_forward(k + 1, &pp) && pp.kind != NP_PRON &&
		    tok_verb(pp.end)) {
			if (np.kind == NP_COMMON) {
				np.t1 = pp.t1;
			} else {
				r0 = k;
				r1 = pp.t1;
			}
			k = pp.end;
		}
	}
	/* "Edward-Isaac Dovere and Gabriel Debenedetti wrote": the first */
	if (np.kind == NP_NAME && tok_is(k, "and")) {
		struct np second;

		if (np_forward(k + 1, &second) && second.kind == NP_NAME &&
		    tok_verb(second.end))
			k = second.end;
	}
	if (tok_punct(k, ',') && !strict) {
		struct np name;

		c = appositive_end(k + 1);
		if (c >= ntoks || !tok_punct(c, ','))
			return 0;
		r0 = k + 1;
		r1 = c;
		k = c + 1;
		/* More commas before the verb: "Harry Bond, 30, of
		 * Raleigh, N.C., who was among those polled, said". */
		for (m = c; m < ntoks && m < c + 30 && !tok_verb(k); m++) {
			if (toks[m].type == T_QUOTE ||
			    (toks[m].flags & TF_SEND))
				break;
			if (tok_punct(m, ',') && tok_verb(m + 1))
				k = m + 1;
		}
		if (np.kind == NP_COMMON && np_forward(r0, &name) &&
		    name.kind == NP_NAME && name.end == r1) {
			r0 = np.t0;
			r1 = np.t1;
			np = name;
		}
	}
	while (!strict && k < ntoks && tok_lower(k) && (tok_lex(k) & LX_AUX) &&
	    !(tok_lex(k) & LX_VERB))
		k++;
	if (!tok_verb(k))
		return 0;
	/* "Neighbours say it needs a new roof" reports other words. */
	if (strict && k + 1 < ntoks && toks[k + 1].type == T_WORD &&
	    !(tok_lex(k + 1) & LX_PREP) && !tok_namecap(k + 1))
		return 0;
	np_speaker(&np, a);
	set_role(a, r0, r1);
	set_verb(a, k, k + 1);
	return 1;
}

/* The attribution right after the quotation of token qi. */
static int
find_after(size_t qi, struct attr *a)
{
	size_t j = qi + 1;
	int strict;

	strict =
	    (toks[qi].flags & (TF_QSTOP | TF_SEND)) == (TF_QSTOP | TF_SEND);
	while (j < ntoks && toks[j].type == T_PUNCT &&
	    (toks[j].ch == ',' || is_dash(toks[j].ch) ||
		uc_quote_mark(toks[j].ch) != QM_NONE))
		j++;
	if (attribution_at(j, a, strict))
		return 1;
	/* "“Life is short.” — Ann Bell": a dash and a name that ends the
	 * paragraph */
	if (j == qi + 2 && is_dash(toks[qi + 1].ch)) {
		struct np np;

		attr_clear(a);
		if (np_forward(j, &np) && np.kind == NP_NAME &&
		    (np.end >= ntoks || toks[np.end].type == T_PUNCT)) {
			np_speaker(&np, a);
			np_role(&np, a);
			return 1;
		}
	}
	return 0;
}

/* Later in the sentence, after a comma: "... “hidden barriers” for
 * companies, said NPC deputy Zhou Tongyu." */
static int
find_later(size_t qi, struct attr *a)
{
	size_t j;

	if (toks[qi].flags & TF_SEND)
		return 0;
	for (j = qi + 1; j < ntoks && j < qi + 40; j++) {
		if (toks[j].flags & TF_SEND)
			return 0;
		if (tok_punct(j, ',') && attribution_at(j + 1, a, 0))
			return 1;
	}
	return 0;
}

/* 1 if a comma stands in tokens [s, k). */
static int
comma_before(size_t s, size_t k)
{
	for (; s < k; s++)
		if (tok_punct(s, ','))
			return 1;
	return 0;
}

/* The subject at the start of sentence s, for "saying" and "to say". */
static int
sentence_subject(size_t s, size_t k, struct np *np)
{
	size_t c;

	while (s < k &&
	    (tok_is(s, "But") || tok_is(s, "And") || tok_is(s, "So") ||
		tok_is(s, "Yet") || tok_punct(s, ',')))
		s++;
	/* Not a capital that only opens an adverbial ("Hours later, Trump
	 * told Reuters", "Ever since she endorsed him, Warren has..."):
	 * the subject follows its comma. */
	if (np_forward(s, np) && np->kind != NP_COMMON && np->end < k &&
	    !(np->kind == NP_NAME && np->t1 == s + 1 && tok_lower(np->end) &&
		(tok_punct(np->end + 1, ',') || (tok_lex(np->end) & LX_SUB)) &&
		comma_before(s, k)))
		return 1;
	/* "After the Paris attacks, Trump released an ad calling...";
	 * a name between commas with another after it is a place's
	 * state or country ("in Salem, New Hampshire, Trump went"). */
	for (c = s; c < k && c < s + 25; c++) {
		if (!tok_punct(c, ','))
			continue;
		if (!np_forward(c + 1, np) || np->kind == NP_COMMON ||
		    np->end >= k)
			return 0;
		if (np->kind == NP_NAME && tok_punct(np->end, ',') &&
		    np->end + 1 < k) {
			struct np next;

			if (np_forward(np->end + 1, &next) &&
			    next.kind == NP_NAME && next.end < k &&
			    tok_lower(next.end)) {
				*np = next;
				return 1;
			}
		}
		return 1;
	}
	return 0;
}

/* 1 if token qi is a quotation whose text starts with a capital. */
static int
quote_upper(size_t qi)
{
	const struct span *sp;
	uint32_t c;
	size_t w;

	if (qi >= ntoks || toks[qi].type != T_QUOTE)
		return 0;
	sp = &spans[toks[qi].q];
	c = char_at(para, sp->ce, sp->cb, &w);
	return is_upper(c);
}

/* A name that opens sentence s and is followed by a comma before token
 * e: the subject of "NAME, ..., ..., said". */
static int
lead_name(size_t s, size_t e, struct np *np)
{
	while (s < e && (tok_is(s, "But") || tok_is(s, "And")))
		s++;
	return np_forward(s, np) && np->kind == NP_NAME &&
	    tok_punct(np->end, ',') && np->end < e && tok_namecap(np->t1 - 1) &&
	    !(tok_lex(np->t1 - 1) & LX_ORG);
}

/* 1 if "NAME, APPOSITIVE," stands right before the verb at token k. */
static int
appositive_subject(size_t s, size_t k)
{
	size_t c;
	struct np np;

	if (k < s + 4 || !tok_punct(k - 1, ','))
		return 0;
	for (c = k - 1; c > s && k - c < 25; c--)
		if (tok_punct(c - 1, ',') || toks[c - 1].type == T_QUOTE)
			break;
	if (c <= s + 1 || !tok_punct(c - 1, ','))
		return 0;
	return np_backward(c - 2, s, &np) && np.kind == NP_NAME &&
	    (np.t0 == s || tok_punct(np.t0 - 1, ','));
}

/* X said: "..." / X said that "..." / According to X, "...": the nearest
 * speech verb before token qi in its sentence that has a subject. */
static int
find_before(size_t qi, struct attr *a)
{
	size_t s = sent_start(qi), k, b, e, c, r0, r1, n;
	struct np np;

	for (k = qi; k-- > s;) {
		if (toks[k].type != T_WORD)
			continue;
		if ((tok_is(k, "according") || tok_is(k, "According")) &&
		    tok_is(k + 1, "to") && k + 2 < qi) {
			if (according(k, a))
				return 1;
			continue;
		}
		if (!tok_verb(k) &&
		    !(k == s && tok_cap(k) && (tok_lex(k) & LX_VERB) &&
			verb_inverts(k)))
			continue;
		/* ", said Ana Petrescu," -- unless a name and an appositive
		 * come first: "Tad Devine, Sanders' adviser, said X ..." */
		if ((k == s || tok_punct(k - 1, ',')) && verb_inverts(k) &&
		    np_forward(k + 1, &np) && np.kind == NP_NAME &&
		    np.t1 <= qi && !appositive_subject(s, k)) {
			np_speaker(&np, a);
			set_verb(a, k, k + 1);
			np_role(&np, a);
			return 1;
		}
		n = toks[k].end - toks[k].beg;
		if (tok_is(k - 1, "to") ||
		    (n > 4 && memcmp(para + toks[k].end - 3, "ing", 3) == 0)) {
			b = tok_is(k - 1, "to") ? k - 1 : k;
			for (e = b; e > s && b - e < 4 && tok_lower(e - 1) &&
			     !(tok_lex(e - 1) & (LX_PREP | LX_DET));
			     e--)
				;
			if (e < b && e > s && np_backward(e - 1, s, &np) &&
			    np.kind != NP_COMMON) {
				np_speaker(&np, a);
				set_verb(a, k, k + 1);
				return 1;
			}
			if (sentence_subject(s, k, &np)) {
				np_speaker(&np, a);
				set_verb(a, k, k + 1);
				return 1;
			}
			continue;
		}
		b = k;
		while (b > s && tok_lower(b - 1) && (tok_lex(b - 1) & LX_AUX))
			b--;
		if (b == s)
			continue;
		/* "Iris Vale ran the shop and said it was ...": the subject
		 * of the sentence */
		if (tok_is(b - 1, "and") || tok_is(b - 1, "but")) {
			if (sentence_subject(s, b - 1, &np)) {
				np_speaker(&np, a);
				set_verb(a, k, k + 1);
				return 1;
			}
			continue;
		}
		e = b - 1;
		r0 = r1 = 0;
		if (tok_punct(e, ',')) {
			struct np lead;
			int ok = lead_name(s, e, &lead);

			for (c = e; c > s && e - c < 25; c--)
				if (tok_punct(c - 1, ',') ||
				    toks[c - 1].type == T_QUOTE)
					break;
			if (ok &&
			    (c <= s + 1 || !tok_punct(c - 1, ',') ||
				!np_backward(c - 2, s, &np) ||
				np.kind != NP_NAME || np.t0 != lead.t0)) {
				/* several commas: the name opening the
				 * sentence speaks */
				np_speaker(&lead, a);
				set_verb(a, k, k + 1);
				return 1;
			}
			if (c <= s + 1 || !tok_punct(c - 1, ','))
				continue;
			r0 = c;
			r1 = e;
			e = c - 2;
		}
		if (np_backward(e, s, &np)) {
			struct np name, head;
			size_t d = np.t0;

			/* "Kaveh Rostami of the Lindell Institute argued":
			 * the name before "of the ..." speaks */
			if (d > s && (tok_lex(d - 1) & LX_DET))
				d--;
			if (r1 == r0 && d > s + 1 &&
			    (tok_is(d - 1, "of") || tok_is(d - 1, "for") ||
				tok_is(d - 1, "at") || tok_is(d - 1, "from")) &&
			    np_backward(d - 2, s, &head) &&
			    head.kind != NP_PRON) {
				r0 = d - 1;
				r1 = np.t1;
				np = head;
			}

			/* "the White House press secretary, Josh Earnest,
			 * said", "The president of the Farmers' Union, Hamish
			 * Laird, warned": the appositive names the speaker */
			if (r1 > r0 && np_forward(r0, &name) &&
			    name.kind == NP_NAME && name.end == r1 &&
			    !(tok_lex(name.t1 - 1) & LX_ORG) &&
			    (np.kind == NP_COMMON ||
				(tok_lex(np.t1 - 1) & LX_ORG) ||
				(np.t0 > s &&
				    (tok_lex(np.t0 - 1) &
					(LX_PREP | LX_DET))))) {
				r1 = np.t1;
				r0 = np.t0;
				while (r0 > s && !tok_punct(r0 - 1, ',') &&
				    toks[r0 - 1].type == T_WORD)
					r0--;
				np = name;
			}
			np_speaker(&np, a);
			set_role(a, r0, r1);
			set_verb(a, k, k + 1);
			return 1;
		}
		/* "The 6'2" forward, Tom Ruiz, said": the appositive names */
		if (r1 > r0 && np_forward(r0, &np) && np.kind == NP_NAME &&
		    np.end == r1) {
			np_speaker(&np, a);
			set_verb(a, k, k + 1);
			return 1;
		}
	}
	/* "... doesn't surprise Republican pollster Daron Shaw: “...”" */
	if (qi > s + 1 && tok_punct(qi - 1, ':') &&
	    np_backward(qi - 2, s, &np) && np.kind == NP_NAME) {
		np_speaker(&np, a);
		a->vlen = 0;
		return 1;
	}
	/* "She then addressed the supporters again: “...”", "Trump issued
	 * a statement, “Last night ...”" */
	if (qi > s &&
	    (tok_punct(qi - 1, ':') ||
		(tok_punct(qi - 1, ',') && quote_upper(qi) &&
		    (qi + 1 >= ntoks || (toks[qi].flags & TF_SEND)))) &&
	    sentence_subject(s, qi - 1, &np)) {
		np_speaker(&np, a);
		a->vlen = 0;
		return 1;
	}
	return 0;
}

/* The last speaker of reported speech seen, and its verb's token. */
static struct attr reported;
static size_t reported_tok;
static int reported_ok;

/* The subject of the speech verb at token k outside quotations, made the
 * latest subject: reported speech names the next "he said". */
static void
speech_subject(size_t k, struct attr *a)
{
	size_t s = sent_start(k), b = k, c, n = toks[k].end - toks[k].beg;
	struct np np;

	if (n > 4 && memcmp(para + toks[k].end - 3, "ing", 3) == 0)
		return;
	if (tok_punct(k - 1, ',') && verb_inverts(k) &&
	    np_forward(k + 1, &np) && np.kind == NP_NAME) {
		np_speaker(&np, a);
		reported_ok = 0;
		return;
	}
	while (b > s && tok_lower(b - 1) && (tok_lex(b - 1) & LX_AUX))
		b--;
	if (b > s + 2 && tok_is(b - 1, "who") && tok_punct(b - 2, ','))
		b -= 2;
	if (b == s)
		return;
	if (tok_is(b - 1, "and") || tok_is(b - 1, "but")) {
		if (sentence_subject(s, b - 1, &np) && np.kind == NP_NAME) {
			np_speaker(&np, a);
			goto reported_speaker;
		}
		return;
	}
	if (tok_punct(b - 1, ',')) {
		/* "Sandy Phillips, who lost her daughter in Aurora,
		 * Colorado, in July 2012, said": the name that opens the
		 * sentence. */
		struct np lead;
		int ok = lead_name(s, b - 1, &lead);

		/* "Humphrey, for example, said" */
		for (c = b - 1; c > s && b - c < 25; c--)
			if (tok_punct(c - 1, ',') ||
			    toks[c - 1].type == T_QUOTE)
				break;
		if (ok &&
		    (c <= s + 1 || !tok_punct(c - 1, ',') ||
			!np_backward(c - 2, s, &np) || np.kind != NP_NAME ||
			np.t0 != lead.t0)) {
			np_speaker(&lead, a);
			return;
		}
		if (c <= s + 1 || !tok_punct(c - 1, ','))
			return;
		b = c - 1;
	}
	if (!np_backward(b - 1, s, &np) || np.kind == NP_COMMON)
		return;
	/* "... when Tapper asked whether ...": Tapper is not the one the
	 * next "he said" means */
	if (np.t0 > s && tok_lower(np.t0 - 1) && (tok_lex(np.t0 - 1) & LX_SUB))
		return;
	np_speaker(&np, a);
reported_speaker:
	a->how = A_NONE;
	a->vlen = 0;
	a->vtok = k;
	if (a->slen > 0) {
		reported = *a;
		reported.how = A_FOLLOW;
		reported.vlen = reported.rlen = 0;
		reported.sb = reported.se = 0;
		reported_tok = k;
		reported_ok = 1;
	}
}

/* Count the words of s[0..n), runs of characters between spaces, up to
 * max + 1 (no caller needs to know more). */
static size_t
count_words(const char *s, size_t n, size_t max)
{
	size_t i = 0, w, words = 0;
	int in = 0;
	uint32_t c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			w = 1;
		} else {
			c = char_at(s, n, i, &w);
		}
		if (is_space(c) || is_dash(c)) {
			in = 0;
		} else if (!in && (is_alnum(c) || c == '+' || c == '$')) {
			in = 1;
			if (++words > max)
				break;
		}
		i += w;
	}
	return words;
}

/* 1 if every word of s[0..n) starts with a capital or is not a word:
 * a title, a name, a term like "AI+". */
static int
title_like(const char *s, size_t n)
{
	size_t i = 0, w;
	int start = 1, small = 0;
	uint32_t c;

	while (i < n) {
		c = char_at(s, n, i, &w);
		if (is_space(c)) {
			start = 1;
		} else if (start) {
			start = 0;
			if (is_letter(c) && !is_upper(c)) {
				size_t e = i;

				while (e < n && !is_space((unsigned char)s[e]))
					e++;
				if (small > 0 ||
				    !(lex_lookup(s + i, e - i) & LX_CONN))
					return 0;
				small++;
			}
		}
		i += w;
	}
	return 1;
}

/* The quotations of the paragraph being processed. */
struct pquote {
	struct attr at;
	unsigned kind;
};

static struct pquote *pq;
static size_t pq_cap;

/* The quotation held open across paragraphs. */
static struct {
	int active;
	struct buf text;
	unsigned long long line;
	size_t col;
	struct attr at;
	unsigned kind;
	int paras;
	struct openq oq;
} pend;

/* X said: at the end of the paragraph before, for a quotation that opens
 * the next one. */
static struct attr colon_at;
static int colon_ok;

/* The speaker of the quotation that ended the paragraph before: a
 * paragraph that is one more quotation goes on with the same voice. */
static struct attr prev_at;
static int prev_ok;

static struct {
	unsigned long found;
	int stop; /* -q found something */
	const char *file;
} run;

static const char *const fields[] = {
    "file", "line", "col", "quote", "speaker", "role", "verb", "kind"};

static const char *
kind_name(unsigned k)
{
	return k == K_FULL ? "full" : k == K_PARTIAL ? "partial" : "scare";
}

/* Print one quotation, if the options want it. */
static void
emit(unsigned long long line, size_t col, const char *q, size_t qlen,
    const struct attr *a, unsigned kind)
{
	size_t w;

	uint32_t c;

	while (qlen > 0) {
		w = utf8_decode_back((const unsigned char *)q, qlen, &c);
		if (!is_space(c))
			break;
		qlen -= w;
	}
	while (qlen > 0 && is_space(char_at(q, qlen, 0, &w))) {
		q += w;
		qlen -= w;
	}
	if (qlen == 0 || !(opt.kinds & kind))
		return;
	if (kind != K_FULL && opt.min_words > 0 &&
	    count_words(q, qlen, (size_t)opt.min_words) < (size_t)opt.min_words)
		return;
	if (opt.attributed_only && a->slen == 0)
		return;
	run.found++;
	if (common.quiet) {
		run.stop = 1;
		return;
	}
	if (common.highlight)
		return;
	if (common.format == FMT_TEXT) {
		rec_text_prefix(run.file, line);
		if (common.color)
			out_puts(SGR_CYAN);
		out_puts("\xe2\x80\x9c");
		out_write(q, qlen);
		out_puts("\xe2\x80\x9d");
		if (common.color)
			out_puts(SGR_RESET);
		if (a->slen > 0) {
			out_puts(" \xe2\x80\x94 ");
			if (common.color)
				out_puts(SGR_BOLD SGR_YELLOW);
			out_write(a->speaker, a->slen);
			if (common.color)
				out_puts(SGR_RESET);
		}
		out_putc('\n');
		out_end_record();
		return;
	}
	rec_begin();
	rec_cstr("file", run.file);
	rec_int("line", (long long)line);
	rec_int("col", (long long)col);
	rec_str("quote", q, qlen);
	if (a->slen > 0)
		rec_str("speaker", a->speaker, a->slen);
	else
		rec_null("speaker");
	if (a->rlen > 0)
		rec_str("role", a->role, a->rlen);
	else
		rec_null("role");
	if (a->vlen > 0)
		rec_str("verb", a->verb, a->vlen);
	else
		rec_null("verb");
	rec_cstr("kind", kind_name(kind));
	rec_end();
}

static void
pend_finish(void)
{
	if (!pend.active)
		return;
	emit(pend.line, pend.col, pend.text.p, pend.text.len, &pend.at,
	    pend.kind);
	pend.active = 0;
	buf_reset(&pend.text);
}

/* The paragraph's tokens before this one have been tracked. */
static size_t tracked;

/* 1 if the tokens look like a headline ("Woman Steps Forward"): mostly
 * capitalised words and no full stop at the end.  A headline names
 * people but has no subject a pronoun could point to. */
static int
headline(void)
{
	size_t i, words = 0, caps = 0;

	if (ntoks == 0 || (toks[ntoks - 1].flags & (TF_SEND | TF_QSTOP)) ||
	    tok_punct(ntoks - 1, '.'))
		return 0;
	for (i = 0; i < ntoks; i++)
		if (toks[i].type == T_WORD) {
			words++;
			caps += (toks[i].flags & TF_CAP) != 0;
		}
	return words >= 2 && caps * 10 >= words * 6;
}

/*
 * Names outside quotations, in reading order up to token end: every run
 * of two or more capitalised words (or a title and a name) is remembered
 * for surnames; one that starts a sentence (or follows "The forward,"),
 * and the subject of a speech verb ("Greenberg said the party..."),
 * become the latest subject, for pronouns.
 */
static void
track_upto(size_t end)
{
	size_t i, j, k, split, s, owner;
	int gender, org, subject, caps;
	uint32_t lx;
	struct attr scratch;

	s = tracked < ntoks ? sent_start(tracked) : tracked;
	if (tracked == 0 && end == ntoks && headline()) {
		/* names only */
		for (i = 0; i<ntoks; i = j> i ? j : i + 1) {
			j = i;
			if (!tok_namecap(i))
				continue;
			while (j < ntoks && tok_namecap(j))
				j++;
			if (j - i >= 2)
				(void)ent_note(para + toks[i].beg,
				    toks[j - 1].end - toks[i].beg, 0, 0, 0);
		}
		tracked = end;
		return;
	}
	for (i = tracked; i<end; i = j> i ? j : i + 1) {
		j = i;
		if (i > 0 && (toks[i - 1].flags & TF_SEND))
			s = i; /* the sentence starts here */
		if (tok_lower(i)) {
			if (maybe_verb(para + toks[i].beg,
				toks[i].end - toks[i].beg) &&
			    (tok_lex(i) & LX_VERB))
				speech_subject(i, &scratch);
			continue;
		}
		if (!tok_namecap(i))
			continue;
		if (i == s || (tok_punct(i - 1, ',') && i < s + 8) ||
		    (i == s + 1 && (tok_lex(s) & LX_STOPCAP) &&
			!(tok_lex(s) & (LX_DET | LX_SUB | LX_PREP)))) {
			struct np np;

			/* The subject of a sentence: "Obama consultant
			 * Cornell Belcher ... picked up". */
			if (np_forward(i, &np) && np.kind == NP_NAME &&
			    (tok_lower(np.end) || tok_punct(np.end, ',')) &&
			    (np.t1 > np.name + 1 ||
				ent_by_last(para + toks[np.name].beg,
				    toks[np.name].end - toks[np.name].beg,
				    0) >= 0)) {
				np_speaker(&np, &scratch);
				j = np.t1;
				continue;
			}
		}
		caps = 0;
		while (j < ntoks &&
		    (tok_namecap(j) ||
			(tok_lower(j) && (tok_lex(j) & LX_CONN) && caps > 0 &&
			    tok_namecap(j + 1) && !two_names(j)))) {
			caps += tok_cap(j);
			j++;
		}
		split = i;
		owner = 0;
		gender = 0;
		for (k = i; k + 1 < j; k++) {
			lx = tok_lex(k);
			if (lx & LX_TITLE) {
				split = k + 1;
				if (lex_gender(lx & (LX_MALE | LX_FEMALE)) != 0)
					gender = lex_gender(
					    lx & (LX_MALE | LX_FEMALE));
			} else if (owner_word(k)) {
				owner = k + 1;
			}
		}
		subject = i == s ||
		    (tok_punct(i - 1, ',') && i >= s + 3 &&
			(tok_lex(s) & LX_DET) && tok_lower(s + 1));
		if (j - split < 2 && split == i) {
			long e;

			/* "Meanwhile Rihanna, who was honoured ...": one word
			 * opening the sentence, then ", who", is a person */
			if (j == i + 1 && tok_punct(j, ',') &&
			    tok_is(j + 1, "who") &&
			    (i == s ||
				(i == s + 1 && (tok_lex(s) & LX_STOPCAP)))) {
				e = ent_by_last(para + toks[i].beg,
				    toks[i].end - toks[i].beg, 0);
				if (e >= 0)
					(void)ent_renote((size_t)e, 0, 0, 1);
				else
					(void)ent_note(para + toks[i].beg,
					    toks[i].end - toks[i].beg, 0, 0, 1);
				continue;
			}
			/* "Sanders wasn't impressed." */
			if (!subject || !tok_lower(j) || j != i + 1)
				continue;
			e = ent_by_last(
			    para + toks[i].beg, toks[i].end - toks[i].beg, 0);
			if (e >= 0)
				(void)ent_renote((size_t)e, 0, 0, 1);
			continue;
		}
		lx = tok_lex(j - 1);
		if (lx & LX_JOB)
			continue; /* "the former Hewlett-Packard CEO" */
		org = (lx & LX_ORG) != 0;
		if (owner > split && !org && j - owner >= 2)
			split =
			    owner; /* Apple's Tim Cook, as in np_speaker() */
		for (k = split; k < j; k++)
			if (tok_lex(k) & LX_CONN)
				org = 1;
		if (!org && gender == 0)
			gender = first_name_gender(split);
		(void)ent_note(para + toks[split].beg,
		    toks[j - 1].end - toks[split].beg, gender, org, subject);
	}
	if (end > tracked)
		tracked = end;
}

/* The kind of the quotation of token qi (span sp, quotation index x). */
static unsigned
quote_kind(size_t x, const struct span *sp, size_t qi)
{
	const char *q = para + sp->cb;
	size_t n = sp->ce - sp->cb, w, words, p;
	uint32_t c = ' ';
	int start, up;
	const struct attr *a = &pq[x].at;

	if (sp->cont)
		return K_FULL;
	while (n > 0) {
		c = char_at(q, n, 0, &w);
		if (is_alnum(c) || (!is_space(c) && !uc_ispunct(c)))
			break;
		q += w;
		n -= w;
	}
	up = !is_letter(c) || is_upper(c);
	start =
	    qi == 0 || (toks[qi - 1].flags & TF_SEND) || tok_punct(qi - 1, ':');
	/* X said, "..." / X told reporters "..." / According to X, "..." /
	 * X told the crowd, "..." */
	if (!start && a->how == A_BEFORE && a->vtok < qi &&
	    (qi - a->vtok <= 3 ||
		(qi - a->vtok <= 6 && tok_punct(qi - 1, ','))) &&
	    !tok_is(qi - 1, "that") && !tok_is(a->vtok + 1, "that") &&
	    !(tok_lex(qi - 1) & (LX_DET | LX_PREP)))
		start = up;
	if (!start && a->how == A_BEFORE && tok_punct(qi - 1, ',') &&
	    (a->etok + 1 == qi || a->vlen == 0))
		start = up;
	if (!start && x > 0 && qi > 0) {
		/* "It was," she said, "the hardest winter." */
		for (p = qi - 1; p > 0 && toks[p].type != T_QUOTE; p--)
			;
		if (toks[p].type == T_QUOTE && qi - p <= 12 &&
		    pq[x - 1].at.how == A_AFTER && pq[x - 1].kind == K_FULL &&
		    pq[x - 1].at.vtok > p && pq[x - 1].at.vtok < qi &&
		    tok_punct(qi - 1, ','))
			return K_FULL;
	}
	if (start && (up || qi == 0))
		return K_FULL;
	words = count_words(q, n, 6);
	if (a->how == A_AFTER || a->how == A_BEFORE)
		return words <= 4 && title_like(q, n) ? K_SCARE : K_PARTIAL;
	return words <= 5 || title_like(q, n) ? K_SCARE : K_PARTIAL;
}

/* Set the sentence flags of the quotation tokens. */
static void
mark_quote_ends(void)
{
	size_t i, e, x;
	struct tok *t;
	struct span *sp;
	uint32_t c;

	for (x = 0; x < nspans; x++) {
		/* the quotation tokens, one a span */
		i = spans[x].tok;
		t = &toks[i];
		sp = &spans[x];
		e = sp->ce;
		while (e > sp->cb && is_space(char_before(para, e)))
			e--;
		c = e > sp->cb ? char_before(para, e) : ' ';
		if (c == '.' || c == 0x2026)
			t->flags |= TF_QSTOP;
		else if (c == '?' || c == '!')
			t->flags |= TF_QASK;
		else
			continue;
		if (i + 1 < ntoks &&
		    (tok_lower(i + 1) || tok_punct(i + 1, ',') ||
			tok_punct(i + 1, ';')))
			continue;
		if ((t->flags & TF_QSTOP) || i + 1 == ntoks ||
		    toks[i + 1].type == T_QUOTE || tok_cap(i + 1))
			t->flags |= TF_SEND;
	}
}

/* The paragraph is read in windows (its attributions are not all kept). */
static int long_mode;

/* Write the line with its quotations and speakers coloured. */
static void
highlight_line(const struct line *ln)
{
	size_t pos = 0, i, x, b, e;
	int any;

	for (;;) {
		/* the next range after pos: a quote span or a speaker */
		b = e = ln->len;
		any = 0;
		for (i = 0; i < nspans; i++)
			if (spans[i].ob >= pos && spans[i].ob < b) {
				b = spans[i].ob;
				e = spans[i].end;
				any = 1;
			}
		for (x = 0; x < nspans && !long_mode; x++) {
			const struct attr *a = &pq[x].at;

			if (a->se > a->sb && a->sb >= pos && a->sb < b &&
			    (a->how == A_AFTER || a->how == A_BEFORE)) {
				b = a->sb;
				e = a->se;
				any = 2;
			}
		}
		out_write(ln->p + pos, b - pos);
		if (!any)
			break;
		out_puts(any == 1 ? SGR_CYAN : SGR_BOLD SGR_YELLOW);
		out_write(ln->p + b, e - b);
		out_puts(SGR_RESET);
		pos = e;
	}
	out_puts(ln->crlf ? "\r\n" : "\n");
	out_end_record();
}

/* The paragraph ended inside a quotation: the colon rule's speaker. */
static void
note_colon(void)
{
	struct attr a;

	colon_ok = 0;
	if (ntoks == 0 || !tok_punct(ntoks - 1, ':'))
		return;
	attr_clear(&a);
	if (find_before(ntoks, &a)) {
		a.how = A_COLON;
		a.sb = a.se = 0;
		colon_at = a;
		colon_ok = 1;
	}
}

/*
 * The paragraph before a paragraph with quotations names the people its
 * pronouns point to, so a paragraph without quotations is held back and
 * read in full only when quotations follow it; one that is pushed out
 * unread gets only the quick scan for names (surnames resolve against
 * those).
 */
static struct buf held;
static int held_ok;

/* The held paragraph's tokens, made ahead in batch held_seq of the
 * reading thread (held_toks NULL: none). */
static struct tok *held_toks;
static size_t held_ntoks;
static unsigned long long held_seq;

/* The reading thread of the document, when it has one, and the bytes of
 * a document read before it starts (ra_threshold(), once a run). */
static struct readahead *ahead_reader;
static size_t ahead_after;

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
			return i + (size_t)__builtin_ctz(hit);
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
static void
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

/* Read the held paragraph in full: tokens, names, subjects. */
static void
read_held(void)
{
	const char *save = para;

	if (!held_ok)
		return;
	held_ok = 0;
	para = held.p;
	if (held_toks != NULL && ahead_reader != NULL &&
	    ra_valid(ahead_reader, held_seq)) {
		toks_lend(held_toks, held_ntoks);
	} else {
		toks_unlend();
		tokenize(held.p, 0, held.len);
	}
	tracked = 0;
	reported_ok = 0;
	track_upto(ntoks);
	/* "Howard continued his scathing remarks." and then a paragraph
	 * that is one quotation. */
	if (reported_ok && ntoks > 0 && reported_tok >= sent_start(ntoks - 1)) {
		prev_at = reported;
		prev_ok = 1;
	}
	para = save;
	toks_unlend();
	ntoks = 0;
}

/* 1 if the paragraph holds nothing but quotations and punctuation. */
static int
pure_quotes(void)
{
	size_t i;

	for (i = 0; i < ntoks; i++)
		if (toks[i].type == T_WORD)
			return 0;
	return 1;
}

/* Attribute and classify the quotations of the paragraph. */
static void
attribute_all(void)
{
	size_t x, qi, p;
	struct attr *a;

	if (nspans > pq_cap) {
		pq_cap = nspans * 2;
		pq = xreallocarray(pq, pq_cap, sizeof(*pq));
	}
	for (x = 0; x < nspans; x++) {
		qi = spans[x].tok;
		track_upto(qi);
		a = &pq[x].at;
		attr_clear(a);
		/* The order of the tests is the order of evidence: branches
		 * that share a body (after, follow-on) are kept apart on
		 * purpose. */
		if (find_after(qi, a))
			/* NOLINTNEXTLINE(bugprone-branch-clone) */
			a->how = A_AFTER;
		else if (x > 0 && pq[x - 1].at.how == A_AFTER &&
		    pq[x - 1].at.slen > 0 && pq[x - 1].at.vtok < qi &&
		    sent_start(qi) <= spans[x - 1].tok) {
			/* "...," X wrote in a statement, "...": the second
			 * piece of an interrupted quotation */
			*a = pq[x - 1].at;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
		} else if (attr_clear(a), find_before(qi, a))
			a->how = A_BEFORE;
		else if (attr_clear(a), find_later(qi, a))
			a->how = A_AFTER;
		/* A follow-on again, but only after every other attribution
		 * failed: the same body as the interrupted case above. */
		else if (attr_clear(a), x > 0 && pq[x - 1].at.slen > 0) {
			*a = pq[x - 1].at;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
			/* Keep the verb of an interrupted quotation only. */
			p = spans[x - 1].tok;
			if (!(pq[x - 1].at.vtok > p && pq[x - 1].at.vtok < qi &&
				pq[x - 1].at.how == A_AFTER && qi - p <= 12)) {
				a->vlen = 0;
				a->rlen = 0;
			}
		} else if (qi == 0 && colon_ok) {
			*a = colon_at;
		} else if (qi == 0 && prev_ok && pure_quotes()) {
			*a = prev_at;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
			a->vlen = a->rlen = 0;
		} else if (reported_ok && qi > 0 &&
		    (toks[qi - 1].flags & TF_SEND) &&
		    reported_tok >= sent_start(qi - 1) && reported_tok < qi) {
			/* "Cruz tweeted a warning. “Missouri: ...”" */
			*a = reported;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
		}
		if ((a->how == A_BEFORE || a->how == A_AFTER) &&
		    (tok_lex(a->vtok) & LX_NAMING) &&
		    count_words(para + spans[x].cb, spans[x].ce - spans[x].cb,
			3) <= 3) {
			/* Locals call the junction "Spaghetti Corner". */
			attr_clear(a);
			pq[x].kind = K_SCARE;
			continue;
		}
		pq[x].kind = quote_kind(x, &spans[x], qi);
	}
	track_upto(ntoks);
	colon_ok = 0;
	x = nspans - 1;
	prev_ok = pq[x].at.slen > 0 && spans[x].tok >= sent_start(ntoks - 1);
	if (prev_ok)
		prev_at = pq[x].at;
}

/* Append the text of span sp to the held quotation. */
/* The bytes of s[0..n) that a held quotation of len bytes takes in, after
 * a space when len > 0: all, or as many as MAX_QUOTE_BYTES leaves room
 * for. */
static size_t
pend_take(size_t len, const char *s, size_t n)
{
	size_t at = len + (len > 0);

	return at + n > MAX_QUOTE_BYTES ? cut_len(s, n, MAX_QUOTE_BYTES - at)
					: n;
}

/* A trailing byte that pend_add() trims: ASCII white space only, since a
 * byte of 0x80 or more is part of a character. */
static int
trailing_space(char b)
{
	return (unsigned char)b < 0x80 && is_space((unsigned char)b);
}

/* The length of a held quotation of len bytes after pend_add() of s[0..n):
 * what the reading thread computes for its held_shape. */
static size_t
pend_len_after(size_t len, const char *s, size_t n)
{
	size_t k = pend_take(len, s, n);

	while (k > 0 && trailing_space(s[k - 1]))
		k--;
	return k > 0 ? len + (len > 0) + k : len;
}

static void
pend_add(const struct span *sp)
{
	const char *s = para + sp->cb;
	size_t n = sp->ce - sp->cb;
	size_t take = pend_take(pend.text.len, s, n);
	size_t len = pend_len_after(pend.text.len, s, n);

	if (pend.text.len > 0)
		buf_addc(&pend.text, ' ');
	buf_add(&pend.text, s, take);
	pend.text.len = len; /* its trailing spaces trimmed */
	pend.paras++;
}

/* Does the paragraph open with a mark that continues the held quote? */
static size_t
continues(const char *p, size_t n, size_t *w, int what)
{
	size_t i = 0;
	uint32_t c;
	enum quote_mark m;

	while (i < n && is_space(char_at(p, n, i, w)))
		i += *w;
	if (i >= n)
		return n;
	c = char_at(p, n, i, w);
	if (c == '\'' && i + 1 < n && p[i + 1] == '\'') {
		*w = 2;
		return what == 1 ? i : n;
	}
	m = uc_quote_mark(c);
	if (what == 1 && (m == QM_DOUBLE_OPEN || m == QM_DOUBLE_AMBIG))
		return i;
	if (what == 2 && (c == 0x2018 || c == '\''))
		return i;
	return n;
}

/* Tokens of p[w0..w1): the writer's text, one token for each quotation
 * of spans[0 .. nspans). */
static void
tokenize_spans(const char *p, size_t w0, size_t w1)
{
	size_t i = w0, x;

	toks_unlend();
	ntoks = 0;
	for (x = 0; x < nspans; x++) {
		tokenize(p, i, spans[x].ob);
		spans[x].tok = ntoks;
		tok_new(T_QUOTE, spans[x].ob, spans[x].end)->q = (uint32_t)x;
		i = spans[x].end;
	}
	tokenize(p, i, w1);
}

static void
tokenize_view(const char *p, size_t w0, size_t w1)
{
	tokenize_spans(p, w0, w1);
	tracked = 0;
}

/*
 * Print the quotations of spans[0 .. nspans), or hold the one that goes
 * on into the next paragraph (last: these are the paragraph's last).
 */
static void
emit_view(
    const char *p, unsigned long long lineno, const struct openq *oq, int last)
{
	size_t x;
	struct span *sp;

	for (x = 0; x < nspans && !run.stop; x++) {
		sp = &spans[x];
		if (sp->cont) {
			/* The held quotation: the attribution found here
			 * counts only when it was found at its close. */
			if (pq[x].at.how == A_AFTER || pend.at.slen == 0)
				pend.at = pq[x].at;
			pend_add(sp);
			pend.kind = K_FULL;
			if (sp->closed)
				pend_finish();
			continue;
		}
		if (!sp->closed && oq->what != 0 && x + 1 == nspans && last) {
			pend.active = 1;
			buf_reset(&pend.text);
			pend.paras = 0;
			pend.line = lineno;
			pend.col = sp->ob + 1;
			pend.at = pq[x].at;
			pend.kind = pq[x].kind;
			pend.oq = *oq;
			pend_add(sp);
			continue;
		}
		emit(lineno, sp->ob + 1, p + sp->cb, sp->ce - sp->cb, &pq[x].at,
		    pq[x].kind);
	}
}

/* A very long paragraph with quotations: windows of spans, each read
 * with its context. */
static void
process_long(
    const char *p, size_t n, unsigned long long lineno, const struct openq *oq)
{
	struct span *all = spans;
	size_t nall = nspans, x0 = 0, x1, w0, w1;

	long_mode = 1;
	while (x0 < nall && !run.stop) {
		/* the writer's text before the first quotation of the window
		 * is read again: the speaker of "X said: ..." is there */
		w0 = all[x0].ob > CONTEXT ? all[x0].ob - CONTEXT : 0;
		if (x0 > 0 && w0 < all[x0 - 1].end)
			w0 = all[x0 - 1].end;
		for (x1 = x0 + 1; x1 < nall && all[x1].end - w0 < WINDOW &&
		     x1 - x0 < WINDOW_SPANS;
		     x1++)
			;
		w1 = all[x1 - 1].end + CONTEXT;
		if (w1 > n)
			w1 = n;
		if (x1 < nall && w1 > all[x1].ob)
			w1 = all[x1].ob;
		spans = all + x0;
		nspans = x1 - x0;
		tokenize_view(p, w0, w1);
		mark_quote_ends();
		attribute_all();
		emit_view(p, lineno, oq, x1 == nall);
		x0 = x1;
	}
	spans = all;
	nspans = nall;
}

/* 1 if the held quotation may take in one more paragraph. */
static int
shape_room(const struct held_shape *sh)
{
	return sh->paras < MAX_QUOTE_PARAS && sh->len < MAX_QUOTE_BYTES;
}

/* The held quotation of the main thread. */
static void
pend_shape(struct held_shape *sh)
{
	memset(sh, 0, sizeof(*sh));
	sh->active = pend.active;
	sh->oq = pend.oq;
	sh->paras = pend.paras;
	sh->len = pend.text.len;
}

/* 1 if a paragraph scans the same after held quotations a and b: both
 * none, or both open the same way with the same room. */
static int
same_scan(const struct held_shape *a, const struct held_shape *b)
{
	if (a->active != b->active)
		return 0;
	return !a->active ||
	    (shape_room(a) == shape_room(b) && a->oq.what == b->oq.what &&
		a->oq.nclosers == b->oq.nclosers &&
		a->oq.closers[0] == b->oq.closers[0] &&
		a->oq.closers[1] == b->oq.closers[1] &&
		a->oq.depth == b->oq.depth);
}

/*
 * Scan the paragraph p[0..n) for quotations into spans, the held
 * quotation being as sh says.
 */
static void
scan_para(
    const char *p, size_t n, const struct held_shape *sh, struct scanned *sc)
{
	size_t i, w, j;
	struct span *sp;

	nspans = 0;
	closer_memo.valid = 0;
	memset(sc, 0, sizeof(*sc));
	sc->blank = 1;
	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
			sc->blank = 0;
			break;
		}
	if (sc->blank)
		return;
	if (sh->active && shape_room(sh) &&
	    (i = continues(p, n, &w, sh->oq.what)) < n) {
		sc->cont = 1;
		sp = span_new(i, i + w);
		sp->cont = 1;
		sc->oq = sh->oq;
		sc->oq.depth = 1;
		if (sc->oq.what == 2) {
			sp->single = 1;
			j = single_closer(p, n, i + w);
			sp->ce = sp->end = j;
			if (j < n) {
				sp->closed = 1;
				sp->end = j + (p[j] == '\'' ? 1 : 3);
				sc->oq.what = 0;
			}
			scan_quotes(p, n, sp->end, &sc->oq);
		} else {
			scan_quotes(p, n, i + w, &sc->oq);
		}
		return;
	}
	scan_quotes(p, n, 0, &sc->oq);
}

/*
 * The held quotation after the paragraph p whose scan is sc and spans:
 * what pend_finish(), emit_view() and process_line() do to pend.
 */
static void
shape_after(struct held_shape *sh, const char *p, const struct scanned *sc)
{
	size_t x;
	const struct span *sp;

	if (sc->blank)
		return;
	if (sh->active && !sc->cont)
		sh->active = 0;
	for (x = 0; x < nspans; x++) {
		sp = &spans[x];
		if (sp->cont) {
			sh->len = pend_len_after(
			    sh->len, p + sp->cb, sp->ce - sp->cb);
			sh->paras++;
			if (sp->closed)
				sh->active = 0;
			continue;
		}
		if (!sp->closed && sc->oq.what != 0 && x + 1 == nspans) {
			sh->active = 1;
			sh->oq = sc->oq;
			sh->len =
			    pend_len_after(0, p + sp->cb, sp->ce - sp->cb);
			sh->paras = 1;
		}
	}
	if (sc->cont && sh->active && sc->oq.what != 0)
		sh->oq = sc->oq;
}

/*
 * One paragraph scanned ahead on the reading thread: its scan, and its
 * tokens as tokenize_view(p, 0, n) makes them (not for a paragraph over
 * LONG_PARA or MANY_SPANS, which is read in windows).
 */
struct ahead_line {
	struct held_shape sh; /* the held quotation the scan assumed */
	struct scanned sc;
	int ready; /* sc, spans and tokens are here */
	size_t span0, nspans;
	size_t tok0, ntoks;
};

/* The hook data of one batch of paragraphs: the spans and tokens of all
 * its paragraphs, one after the other, as arrays in byte buffers. */
struct ahead {
	struct ahead_line *lines;
	size_t lines_cap;
	struct buf spans; /* struct span [] */
	struct buf toks;  /* struct tok [] */
};

#define AHEAD_SPANS(ah) ((struct span *)(void *)(ah)->spans.p)
#define AHEAD_TOKS(ah) ((struct tok *)(void *)(ah)->toks.p)

/*
 * The tokens of line al of batch ah, NULL when it has none: a batch whose
 * lines have no tokens at all (a line holding only "\v") has no array,
 * and NULL + 0 is undefined (clang's UBSan reports it).
 */
static struct tok *
ahead_toks(const struct ahead *ah, const struct ahead_line *al)
{
	return al->ntoks == 0 ? NULL : AHEAD_TOKS(ah) + al->tok0;
}

/* Append the n items of size sz at src to the array in b; the index of
 * the first. */
static size_t
array_append(struct buf *b, const void *src, size_t n, size_t sz)
{
	size_t first = b->len / sz;

	if (n > 0)
		buf_add(b, src, n * sz);
	return first;
}

static void
process_line(const struct line *ln, unsigned long long lineno,
    const struct ahead *ah, size_t item, unsigned long long seq)
{
	const char *p = ln->p;
	size_t n = ln->len;
	const struct ahead_line *al = NULL;
	struct held_shape sh;
	struct scanned sc;
	struct openq oq;
	int cont;

	para = p;
	para_len = n;
	long_mode = 0;
	ntoks = 0;
	pend_shape(&sh);
	if (ah != NULL && ah->lines[item].ready &&
	    same_scan(&ah->lines[item].sh, &sh)) {
		al = &ah->lines[item];
		sc = al->sc;
		spans_reserve(al->nspans);
		if (al->nspans > 0)
			memcpy(spans, AHEAD_SPANS(ah) + al->span0,
			    al->nspans * sizeof(*spans));
		nspans = al->nspans;
	} else {
		scan_para(p, n, &sh, &sc);
	}
	if (sc.blank) {
		if (common.highlight)
			highlight_line(ln);
		return;
	}
	if (pend.active && !sc.cont)
		pend_finish();
	oq = sc.oq;
	cont = sc.cont;
	if (nspans == 0 && (n == 0 || p[n - 1] != ':')) {
		/* Hold it; the one held before gets the quick scan. */
		if (held_ok)
			scan_names(held.p, held.len);
		held_ok = 0;
		prev_ok = 0;
		colon_ok = 0;
		if (n > LONG_PARA) {
			scan_names(p, n);
			if (common.highlight)
				highlight_line(ln);
			return;
		}
		buf_reset(&held);
		buf_add(&held, p, n);
		held_ok = 1;
		held_toks = al != NULL ? ahead_toks(ah, al) : NULL;
		held_ntoks = al != NULL ? al->ntoks : 0;
		held_seq = seq;
		if (common.highlight)
			highlight_line(ln);
		return;
	}
	read_held();
	if (nspans == 0) {
		prev_ok = 0;
		if (n > LONG_PARA) {
			scan_names(p, n);
		} else {
			if (al != NULL)
				toks_lend(ahead_toks(ah, al), al->ntoks);
			else
				tokenize_spans(p, 0, n);
			tracked = 0;
			track_upto(ntoks);
			note_colon();
		}
	} else if (n > LONG_PARA || nspans > MANY_SPANS) {
		process_long(p, n, lineno, &oq);
	} else {
		if (al != NULL)
			toks_lend(ahead_toks(ah, al), al->ntoks);
		else
			tokenize_spans(p, 0, n);
		tracked = 0;
		mark_quote_ends();
		reported_ok = 0;
		attribute_all();
		emit_view(p, lineno, &oq, 1);
	}
	toks_unlend();
	if (cont && pend.active && oq.what != 0)
		pend.oq = oq;
	if (common.highlight)
		highlight_line(ln);
}

/* The reading thread's copy of the held quotation. */
static struct held_shape ahead_shape;

static void *
ahead_new(void *ctx)
{
	(void)ctx;
	return xcalloc(1, sizeof(struct ahead));
}

static void
ahead_reset(void *data, void *ctx)
{
	struct ahead *ah = data;

	(void)ctx;
	buf_reset(&ah->spans);
	buf_reset(&ah->toks);
}

/* Reading thread: scan and tokenize paragraph number item of a batch. */
static void
ahead_prepare(void *data, size_t item, const struct line *ln, void *ctx)
{
	struct ahead *ah = data;
	struct ahead_line *al;
	struct held_shape *sh = ctx;

	ah->lines =
	    xgrowarray(ah->lines, &ah->lines_cap, item + 1, sizeof(*al), 256);
	al = &ah->lines[item];
	memset(al, 0, sizeof(*al));
	al->sh = *sh;
	para = ln->p;
	para_len = ln->len;
	scan_para(ln->p, ln->len, sh, &al->sc);
	if (!al->sc.blank && ln->len <= LONG_PARA && nspans <= MANY_SPANS) {
		tokenize_spans(ln->p, 0, ln->len);
		al->tok0 = array_append(&ah->toks, toks, ntoks, sizeof(*toks));
		al->ntoks = ntoks;
		/* after the tokens: tokenize_spans() numbers the spans' */
		al->span0 =
		    array_append(&ah->spans, spans, nspans, sizeof(*spans));
		al->nspans = nspans;
		al->ready = 1;
	}
	shape_after(sh, ln->p, &al->sc);
}

/* Reading thread, at its end: its own arrays. */
static void
ahead_done(void *ctx)
{
	(void)ctx;
	free(spans);
	spans = NULL;
	nspans = spans_cap = 0;
	free(toks);
	toks = NULL;
	ntoks = toks_cap = 0;
}

static void
ahead_free(void *data, void *ctx)
{
	struct ahead *ah = data;

	(void)ctx;
	free(ah->lines);
	buf_free(&ah->spans);
	buf_free(&ah->toks);
	free(ah);
}

static const struct ra_hooks ahead_hooks = {ahead_new, ahead_reset,
    ahead_prepare, ahead_done, ahead_free, &ahead_shape};

/*
 * The rest of the document read on a second thread, which scans and
 * tokenizes each paragraph ahead: about a third of the work.  Returns 0
 * when the thread could not start (the caller reads on), 1 when the
 * document has been read (or reading stopped), with *failed set on a
 * write error.
 */
static int
quotes_ahead(struct input *in, int *failed)
{
	struct readahead ra;
	struct line ln;
	unsigned long long lineno, seq;
	void *data;
	size_t item;

	pend_shape(&ahead_shape);
	if (ra_start(&ra, in, &ahead_hooks) != 0)
		return 0;
	ahead_reader = &ra;
	while (!run.stop && ra_next(&ra, &ln, &lineno, &data, &item, &seq)) {
		process_line(&ln, lineno, data, item, seq);
		if (out_failed()) {
			*failed = 1;
			break;
		}
	}
	ra_finish(&ra);
	ahead_reader = NULL;
	held_toks = NULL;
	return 1;
}

static int
quotes_document(struct input *in, void *ctx)
{
	struct line ln;
	size_t after = ahead_after, seen = 0;
	int failed = 0;

	(void)ctx;
	run.file = in->name;
	ents_reset();
	held_ok = 0;
	held_toks = NULL;
	pend.active = 0;
	colon_ok = 0;
	prev_ok = 0;
	while (!run.stop) {
		if (seen >= after) {
			if (quotes_ahead(in, &failed))
				break;
			after = (size_t)-1;
		}
		if (!input_next(in, &ln))
			break;
		process_line(&ln, in->lr.lineno, NULL, 0, 0);
		if (out_failed())
			return 1;
		seen += ln.len + 1;
	}
	if (failed)
		return 1;
	if (pend.active && pend.oq.what == 2)
		pend.active = 0;
	pend_finish();
	return run.stop || out_failed();
}

/* --list-words: every built-in list, a word a line, as "LIST<tab>WORD"
 * under a header; LIST is the name of its file in words/. */
static void
list_words(void)
{
	const struct word_list *l;
	const char *const *w;

	out_puts("list\tword\n");
	for (l = word_lists; l->name != NULL; l++)
		for (w = l->words; *w != NULL; w++)
			out_printf("%s\t%s\n", l->name, *w);
}

int
main(int argc, char **argv)
{
	int first, status;

	memset(&opt, 0, sizeof(opt));
	opt.kinds = K_FULL | K_PARTIAL | K_SCARE;
	memset(&run, 0, sizeof(run));
	memset(&pend, 0, sizeof(pend));
	memset(&held, 0, sizeof(held));
	held_ok = 0;
	spans = NULL;
	nspans = spans_cap = 0;
	toks = NULL;
	ntoks = toks_cap = 0;
	pq = NULL;
	pq_cap = 0;
	colon_ok = 0;
	prev_ok = 0;
	first = cli_parse(argc, argv, &spec);
	/* Separators go through the text view only; records say their
	 * file and line. */
	inputs_quiet_separators(common.format != FMT_TEXT || common.quiet);
	lex_init();
	ahead_after = ra_threshold();
	ents = xcalloc(MAX_ENTITIES, sizeof(*ents));
	out_open(common.output, common.line_buffered);
	if (opt.list_words) {
		list_words();
	} else {
		if (common.format == FMT_TSV && !common.quiet &&
		    !common.highlight)
			rec_header(fields, sizeof(fields) / sizeof(fields[0]));
		(void)inputs_run(
		    argv + first, argc - first, quotes_document, NULL);
	}
	free(spans);
	free(toks);
	free(pq);
	free(ents);
	free(lex);
	buf_free(&pend.text);
	buf_free(&held);
	status = common.quiet && run.found == 0 ? EXIT_NOMATCH : EXIT_OK;
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble()
	    ? EXIT_TROUBLE
	    : status;
}
