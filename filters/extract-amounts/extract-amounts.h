/*
 * extract-amounts.h - what the parts of extract-amounts share: currency
 * groups, the lexicon's flags and entries, a line being scanned, a number,
 * a unit, an amount, and each part's entry points.
 *
 *   main.c      options, the per-document loop
 *   lexicon.c   the words and signs (currencies.def), the word helpers
 *   context.c   which currency an ambiguous sign or word means
 *   number.c    numbers in digits and words, scale words
 *   unit.c      the unit on either side of a number
 *   amount.c    the scanner: each amount whole (ranges, qualifiers)
 *   emit.c      the records and --highlight
 *
 * The parts are compiled as one translation unit (the Makefile's rule for
 * a filter that is a folder), so the calls between them cost what calls
 * inside one file do.
 */
#ifndef EXTRACT_AMOUNTS_H
#define EXTRACT_AMOUNTS_H

/*
 * SHARED marks a function of one part that the others call.  In the build
 * the parts are one translation unit (WINNOW_UNITY) and SHARED is static:
 * the compiler sees every caller, and inlines a function called once as
 * it did when the filter was one file.  Compiled a part at a time (the
 * fuzz targets), SHARED is empty.
 */
#if defined(WINNOW_UNITY)
#define SHARED static
#else
#define SHARED
#endif

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "inputs.h"
#include "lineio.h"
#include "output.h"
#include "scan.h"

/* ---- currency groups: symbols and words that name several currencies ---- */

enum grp {
	G_NONE,
	G_DOLLAR,
	G_YEN,
	G_KR,
	G_KRONER,
	G_CROWN,
	G_PESO,
	G_FRANC,
	G_SHILLING,
	G_RIYAL,
	G_RIAL,
	G_DINAR,
	G_DIRHAM,
	G_RUPEE,
	G_POUND,
	G_CENTAVO,
	G_CENT,
	G_LIRA,
	G_WON,
	NGROUP
};

struct group {
	const char *name;        /* for --assume and the listing */
	const char *members[10]; /* members[0] is the default; NULL: none */
	int use_line;            /* country words in the line decide */
	int use_doc;             /* else what the document decided before */
};

/* ---- the word lexicon ---- */

#define W_NUM 0x1u /* one .. ninety; val */

#define W_HUNDRED 0x2u

#define W_SCALE 0x4u /* thousand .. crore; val = power of ten */

#define W_A 0x8u /* a, an */

#define W_HALF 0x10u

#define W_QUARTER 0x20u

#define W_AND 0x40u

#define W_OF 0x80u

#define W_CUR 0x100u /* currency word: code or group */

#define W_MINOR 0x200u /* minor unit: val = power of ten (-2) */

#define W_PCT 0x400u /* percent word */

#define W_ADJ 0x800u /* country, adjective or city: adj */

#define W_QUAL 0x1000u /* one-word qualifier */

#define W_CHANGE 0x2000u /* rose, fell ...: "X to Y" is a change */

#define W_WEIGHT 0x4000u /* lost, weighs ...: "N pounds" is a weight */

#define W_DET 0x8000u /* the, this ...: no currency word follows */

#define W_CODE 0x10000u /* currency code, as written in capitals */

#define W_CODE_LC 0x20000u /* the code also in lower case */

#define W_PREFIX 0x40000u /* the currency word may precede the number */

#define W_NEEDADJ 0x80000u /* only with an adjective or context */

#define W_PLURAL 0x100000u /* millions, billions: vague alone */

#define W_FUNC 0x200000u /* a function word that may follow a range */

#define W_NOTRIG 0x400000u /* rare after number words, common prefix */

#define W_TRIGGER (W_CUR | W_MINOR | W_PCT | W_CODE)

struct lexdef {
	const char *w; /* lower case */
	unsigned f;
	const char *code; /* currency of a W_CUR, W_MINOR, W_CODE word */
	int grp;          /* or its group */
	int val;
	const char *adj; /* currency of a W_ADJ word */
};

/* Currency codes (ISO 4217, and RMB, NIS, XBT): "code" rows. */
struct code_row {
	const char *code, *as;
	int lc;
};

#define WORD_MAX 24

struct lex {
	char w[WORD_MAX];
	size_t len;
	unsigned f;
	const char *code;
	int grp;
	int val;
	const char *adj;
};

/* Which first two letters start a trigger word (26 letters, 27: end). */
/*
 * Prefilters for trigger words: by first letter and length, a bit for the
 * second letter; by last letter and length, a bit for the first letter.
 */
#define TRIG_LEN 16

/* Currency symbols (exact bytes): "symbol" rows. */
struct symbol_row {
	const char *sym;
	const char *code;
	int grp;
};

#define SYM_PRE 1u

#define SYM_POST 2u

/* Currency signs written with letters (case as written): "letter" rows. */
struct letter_row {
	const char *sym;
	const char *code;
	int grp;
	unsigned where;
};

/* Letters before "$" (any case): which dollar ("dollar" rows). */
struct dollar_row {
	const char *pre;
	const char *code;
	int spaced; /* also written apart: "c $ 16.4 million" */
};

/* ---- options ---- */

#define K_MONEY 1

#define K_PERCENT 2

struct options {
	unsigned kinds;             /* --kind: K_MONEY | K_PERCENT */
	char *units;                /* --unit: ",USD,EUR,%," (upper case) */
	const char *assume[NGROUP]; /* --assume SYM=CODE */
};

/* ASCII letters: 1; digits: 2; bit 4: a byte no number follows, or
 * only in special cases (. and ,). */
#define CC_NOTBEFORE 4

/* ---- a line being scanned ---- */

struct scan {
	const char *s;
	size_t n;
	size_t floor; /* nothing may start before this */
	size_t at;    /* where the amount being resolved starts */
	int ctx_done, dollar_done, any_done;
	int euro, weight;   /* -1 unknown, else euro_context(), weight_line() */
	const char *ctx[8]; /* currencies of places named in the line */
	size_t ctx_pos[8];  /* where, in line order */
	int nctx;
	const char *dollar_phrase; /* "Canadian dollars": CAD */
	const char *any_dollar;    /* a prefixed dollar (A$) in the line */
};

/* ---- numbers ---- */

struct num {
	size_t beg, end;
	uint64_t m; /* value = m * 10^e */
	int e;
	int ndig; /* significant digits kept in m */
	int has_sep, has_frac;
	uint64_t alt_m; /* "320.000": 320000 when read European */
	int alt;
	int lost; /* a digit other than 0 past the 18th: not exact */
};

/* ---- units ---- */

struct unit {
	size_t beg, end;
	int kind;         /* 0: none */
	const char *code; /* the currency or %, pp, bp */
	int grp;          /* or the group to resolve */
	int exp;          /* minor units -2, MUSD +6 */
	const char *adj;  /* an explicit adjective's currency */
	int minor, symbol, word, needadj;
	const char *sym; /* the symbol's spelling: R, $ ... */
};

/* ---- amounts ---- */

struct amount {
	size_t beg, end;    /* the span */
	size_t nend;        /* the end of the number and its scale */
	uint64_t m;         /* the number is m * 10^ne */
	int ne, sexp, uexp; /* value = number * 10^(sexp + uexp) */
	int neg;
	int kind;         /* 0 while no unit */
	const char *code; /* the unit, or NULL with grp */
	int grp;
	const char *adj;
	int minor, is_int, words;
	const char *unit; /* resolved */
	const char *qual, *range, *assumed;
};

struct sink {
	const struct input *in;
	unsigned long long lineno;
};

/* main.c */
extern struct options opt;
extern int found_any;

/* lexicon.c */
extern const struct group groups[NGROUP];
extern uint32_t trig_second[27][TRIG_LEN], trig_first[27][TRIG_LEN];
extern uint32_t adj_second[27][TRIG_LEN], adj_first[27][TRIG_LEN];
extern uint32_t unit_second[27][TRIG_LEN], unit_first[27][TRIG_LEN];
extern unsigned char trig_prefix[(27 * 27 * 27 + 7) / 8];
extern unsigned char unit_prefix[(27 * 27 * 27 + 7) / 8];
extern const struct symbol_row symbols[];
extern const struct letter_row letter_syms[];
extern const struct dollar_row dollar_prefixes[];
extern size_t symbol_len[64], letter_len[64];
extern unsigned char letter_sym_start[256];
extern unsigned char symbol_start[256];
extern unsigned char char_class[256];
extern unsigned char letter_index[256];
SHARED int trig_index(int c);
SHARED void lex_init(void);
SHARED void lex_free(void);
SHARED const struct lex *lex_get(const char *p, size_t len);
SHARED const char *code_get(const char *p, size_t len, int allow_m);
SHARED int lc_eq(const char *p, size_t len, const char *w);
SHARED size_t skip_space_back(const struct scan *sc, size_t i, size_t lim);
SHARED const struct lex *word_before(
    const struct scan *sc, size_t i, size_t lim, size_t *ws);
SHARED const struct lex *word_after(
    const struct scan *sc, size_t i, size_t *ws, size_t *we);
SHARED size_t find_bytes(
    const char *s, size_t n, size_t from, const char *w, size_t wl);
SHARED void list_currencies(void);

/* context.c */
extern const char *doc_memory[NGROUP];
SHARED int in_group(int g, const char *code);
SHARED const char *resolve(
    struct scan *sc, int g, const char *adj, const char **how);
SHARED int ctx_has(struct scan *sc, const char *code);
SHARED int video_lines(uint64_t m);
SHARED int weight_line(struct scan *sc);

/* number.c */
SHARED size_t digit_run(const struct scan *sc, size_t i);
SHARED int read_number(const struct scan *sc, size_t i, struct num *nm);
SHARED double pow10i(int k);
SHARED double dec_value(uint64_t m, int e);
SHARED size_t scale_right(const struct scan *sc, size_t i, int *exp);
SHARED int small_words(const struct scan *sc, size_t i, size_t *end);

/* unit.c */
SHARED int unit_right(struct scan *sc, size_t i, struct unit *u);
SHARED int unit_left(struct scan *sc, size_t i, struct unit *u);
SHARED int same_family(const struct unit *pre, const struct unit *post);
SHARED int finish_unit(struct scan *sc, struct amount *a);

/* amount.c */
SHARED void qualifier_init(void);
SHARED double amount_value(const struct amount *a);
SHARED void scan_line(struct scan *sc, const struct sink *k);

/* emit.c */
extern struct out_span *spans;
extern size_t nspans, capspans;
SHARED void emit(struct scan *sc, struct amount *a, const struct input *in,
    unsigned long long lineno);
SHARED void highlight_line(const struct line *line);

static inline int
lower(int c)
{
	return char_class[c & 0xff] == 1 ? c | 0x20 : c;
}

static inline int
is_alpha(int c)
{
	return char_class[c & 0xff] == 1;
}

static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Could a word starting at w (three bytes readable) be in the set? */
static inline int
prefix_in(const unsigned char *set, const unsigned char *w)
{
	unsigned b = letter_index[w[1]], c = letter_index[w[2]], h;

	if (b == 26)
		c = 26;
	h = (letter_index[w[0]] * 27u + b) * 27u + c;
	return set[h >> 3] >> (h & 7) & 1;
}

/* Could a word starting at w (three bytes readable) be a trigger word? */
static inline int
prefix_maybe(const unsigned char *w)
{
	unsigned b = letter_index[w[1]], c = letter_index[w[2]], h;

	if (b == 26)
		c = 26;
	h = (letter_index[w[0]] * 27u + b) * 27u + c;
	return trig_prefix[h >> 3] >> (h & 7) & 1;
}

/* White space between tokens: ASCII blanks and the no-break spaces. */
static inline size_t
space_at(const struct scan *sc, size_t i)
{
	const unsigned char *s = (const unsigned char *)sc->s;

	if (i >= sc->n)
		return 0;
	if (s[i] == ' ' || s[i] == '\t')
		return 1;
	if (s[i] == 0xc2 && i + 1 < sc->n && s[i + 1] == 0xa0)
		return 2;
	if (s[i] == 0xe2 && i + 2 < sc->n && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0xaf || s[i + 2] == 0x89))
		return 3;
	return 0;
}

static inline size_t
skip_space(const struct scan *sc, size_t i)
{
	size_t k;

	while ((k = space_at(sc, i)) != 0)
		i += k;
	return i;
}

/* The space that ends just before i: its length, or 0. */
static inline size_t
space_before(const struct scan *sc, size_t i)
{
	const unsigned char *s = (const unsigned char *)sc->s;

	if (i == 0)
		return 0;
	if (s[i - 1] == ' ' || s[i - 1] == '\t')
		return 1;
	if (i >= 2 && s[i - 2] == 0xc2 && s[i - 1] == 0xa0)
		return 2;
	if (i >= 3 && s[i - 3] == 0xe2 && s[i - 2] == 0x80 &&
	    (s[i - 1] == 0xaf || s[i - 1] == 0x89))
		return 3;
	return 0;
}

/*
 * The end of a run of ASCII letters from i, eight bytes at a time: a byte
 * is a letter when (b | 0x20) is in 'a'..'z' and its top bit is clear.
 */
static inline size_t
word_end_fast(const unsigned char *s, size_t n, size_t i)
{
	uint64_t notl;

	while (i + 8 <= n) {
		notl = ~swar_letters(swar_load(s + i)) & SWAR_HIGH;
		if (notl != 0) {
#if defined(SCAN_SWAR)
			return i + swar_first(notl);
#else
			break; /* the end is in these eight bytes */
#endif
		}
		i += 8;
	}
	while (i < n && is_alpha(s[i]))
		i++;
	return i;
}

/* The end of the word of letters (and inner dots) starting at i. */
static inline size_t
word_end(const struct scan *sc, size_t i)
{
	size_t b = i;

	i = word_end_fast((const unsigned char *)sc->s, sc->n, i);
	while (i < sc->n &&
	    (is_alpha((unsigned char)sc->s[i]) ||
		(sc->s[i] == '.' && i > b && i + 1 < sc->n &&
		    is_alpha((unsigned char)sc->s[i + 1]) &&
		    (i - 1 == b || !is_alpha((unsigned char)sc->s[i - 2])) &&
		    (i + 2 >= sc->n ||
			!is_alpha((unsigned char)sc->s[i + 2])))))
		i++;
	return i;
}

/* The start of the word of letters ending at e (e itself if none). */
static inline size_t
word_start(const struct scan *sc, size_t e, size_t lim)
{
	while (e > lim && is_alpha((unsigned char)sc->s[e - 1]))
		e--;
	return e;
}

/* Could the word w[0..len) (len < TRIG_LEN) be in the set? */
static inline int
maybe_in(uint32_t second[27][TRIG_LEN], uint32_t first[27][TRIG_LEN],
    const unsigned char *w, size_t len)
{
	unsigned c0 = (unsigned)trig_index(w[0]);
	unsigned c1 = (unsigned)trig_index(len > 1 ? w[1] : 0);
	unsigned cl = (unsigned)trig_index(w[len - 1]);

	return (second[c0][len] >> c1 & 1) && (first[cl][len] >> c0 & 1);
}

#endif
