/*
 * extract-amounts - find money amounts and percentages in English text and
 * print each with its normalised value and unit.
 *
 * Record model: one amount found in one line: its span (byte offsets in the
 * line), its value in the major unit of its currency (or the number of
 * percent, percentage points, basis points), its unit (an ISO 4217 code, or
 * %, pp, bp), a qualifier ("about", "more than" ...), its place in a range
 * ("from", "to") and, for an ambiguous symbol or word ($, ¥, kr, pesos ...),
 * how the currency was chosen.  Amounts never span lines.
 *
 * The scanner is hand-written: it walks each line once, stops at digits and
 * at unit words (currency names, codes, percent words), parses the number
 * there (digits with separators, or number words), then looks right for a
 * scale, a unit and a range, and left for a currency prefix, a sign and a
 * qualifier, with table lookups.  A little context (country words in the
 * line, and for some symbols in the document so far) resolves ambiguous
 * currencies.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "record.h"
#include "scan.h"
#include "xalloc.h"

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

static const struct group groups[NGROUP] = {{"", {NULL}, 0, 0},
    {"$",
	{"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "JMD", "ZWL"},
	0, 0},
    {"¥", {"JPY", "CNY"}, 1, 1}, {"kr", {"SEK", "NOK", "DKK", "ISK"}, 1, 1},
    {"kroner", {"NOK", "DKK"}, 1, 1},
    {"crowns", {NULL, "SEK", "NOK", "DKK", "CZK", "ISK"}, 1, 1},
    {"pesos", {"MXN", "COP", "PHP", "ARS", "CLP", "UYU", "DOP", "CUP"}, 1, 1},
    {"francs", {"CHF", "FRF", "BEF", "XOF", "XAF", "RWF", "CDF", "GNF"}, 1, 1},
    {"shillings", {"KES", "UGX", "TZS", "SOS"}, 1, 1},
    {"riyals", {"SAR", "QAR", "OMR", "YER"}, 1, 1},
    {"rials", {"IRR", "OMR", "YER"}, 1, 1},
    {"dinars", {"KWD", "BHD", "IQD", "JOD", "LYD", "TND", "DZD", "RSD"}, 1, 1},
    {"dirhams", {"AED", "MAD"}, 1, 1},
    {"rupees", {"INR", "PKR", "LKR", "NPR", "MUR", "SCR"}, 1, 1},
    {"pounds", {"GBP", "EGP", "LBP", "SYP", "SDG", "SSP"}, 0, 0},
    {"centavos", {"MXN", "PHP", "BRL", "ARS", "COP", "CLP"}, 1, 1},
    {"cents", {"USD", "EUR", "CAD", "AUD", "NZD", "HKD", "SGD"}, 0, 0},
    {"lira", {"TRY", "ITL"}, 1, 1}, {"won", {"KRW", "KPW"}, 0, 0}};

/* ---- the word lexicon ---- */

#define W_NUM 0x1u /* one .. ninety; val */
#define W_HUNDRED 0x2u
#define W_SCALE 0x4u /* thousand .. crore; val = power of ten */
#define W_A 0x8u     /* a, an */
#define W_HALF 0x10u
#define W_QUARTER 0x20u
#define W_AND 0x40u
#define W_OF 0x80u
#define W_CUR 0x100u       /* currency word: code or group */
#define W_MINOR 0x200u     /* minor unit: val = power of ten (-2) */
#define W_PCT 0x400u       /* percent word */
#define W_ADJ 0x800u       /* country, adjective or city: adj */
#define W_QUAL 0x1000u     /* one-word qualifier */
#define W_CHANGE 0x2000u   /* rose, fell ...: "X to Y" is a change */
#define W_WEIGHT 0x4000u   /* lost, weighs ...: "N pounds" is a weight */
#define W_DET 0x8000u      /* the, this ...: no currency word follows */
#define W_CODE 0x10000u    /* currency code, as written in capitals */
#define W_CODE_LC 0x20000u /* the code also in lower case */
#define W_PREFIX 0x40000u  /* the currency word may precede the number */
#define W_NEEDADJ 0x80000u /* only with an adjective or context */
#define W_PLURAL 0x100000u /* millions, billions: vague alone */
#define W_FUNC 0x200000u   /* a function word that may follow a range */
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

static const struct lexdef lex_numbers[] = {{"zero", W_NUM, NULL, 0, 0, NULL},
    {"one", W_NUM, NULL, 0, 1, NULL}, {"two", W_NUM, NULL, 0, 2, NULL},
    {"three", W_NUM, NULL, 0, 3, NULL}, {"four", W_NUM, NULL, 0, 4, NULL},
    {"five", W_NUM, NULL, 0, 5, NULL}, {"six", W_NUM, NULL, 0, 6, NULL},
    {"seven", W_NUM, NULL, 0, 7, NULL}, {"eight", W_NUM, NULL, 0, 8, NULL},
    {"nine", W_NUM, NULL, 0, 9, NULL}, {"ten", W_NUM, NULL, 0, 10, NULL},
    {"eleven", W_NUM, NULL, 0, 11, NULL}, {"twelve", W_NUM, NULL, 0, 12, NULL},
    {"thirteen", W_NUM, NULL, 0, 13, NULL},
    {"fourteen", W_NUM, NULL, 0, 14, NULL},
    {"fifteen", W_NUM, NULL, 0, 15, NULL},
    {"sixteen", W_NUM, NULL, 0, 16, NULL},
    {"seventeen", W_NUM, NULL, 0, 17, NULL},
    {"eighteen", W_NUM, NULL, 0, 18, NULL},
    {"nineteen", W_NUM, NULL, 0, 19, NULL},
    {"twenty", W_NUM, NULL, 0, 20, NULL}, {"thirty", W_NUM, NULL, 0, 30, NULL},
    {"forty", W_NUM, NULL, 0, 40, NULL}, {"fifty", W_NUM, NULL, 0, 50, NULL},
    {"sixty", W_NUM, NULL, 0, 60, NULL}, {"seventy", W_NUM, NULL, 0, 70, NULL},
    {"eighty", W_NUM, NULL, 0, 80, NULL}, {"ninety", W_NUM, NULL, 0, 90, NULL},
    {"hundred", W_HUNDRED, NULL, 0, 2, NULL},
    {"thousand", W_SCALE, NULL, 0, 3, NULL},
    {"million", W_SCALE, NULL, 0, 6, NULL},
    {"billion", W_SCALE, NULL, 0, 9, NULL},
    {"trillion", W_SCALE, NULL, 0, 12, NULL},
    {"lakh", W_SCALE, NULL, 0, 5, NULL}, {"lakhs", W_SCALE, NULL, 0, 5, NULL},
    {"crore", W_SCALE, NULL, 0, 7, NULL}, {"crores", W_SCALE, NULL, 0, 7, NULL},
    {"hundreds", W_HUNDRED | W_PLURAL, NULL, 0, 2, NULL},
    {"thousands", W_SCALE | W_PLURAL, NULL, 0, 3, NULL},
    {"millions", W_SCALE | W_PLURAL, NULL, 0, 6, NULL},
    {"billions", W_SCALE | W_PLURAL, NULL, 0, 9, NULL},
    {"trillions", W_SCALE | W_PLURAL, NULL, 0, 12, NULL},
    {"a", W_A | W_DET | W_FUNC, NULL, 0, 1, NULL},
    {"an", W_A | W_DET | W_FUNC, NULL, 0, 1, NULL},
    {"half", W_HALF, NULL, 0, 0, NULL},
    {"quarter", W_QUARTER, NULL, 0, 0, NULL},
    {"quarters", W_QUARTER, NULL, 0, 0, NULL},
    {"and", W_AND | W_FUNC, NULL, 0, 0, NULL},
    {"of", W_OF | W_FUNC, NULL, 0, 0, NULL}, {NULL, 0, NULL, 0, 0, NULL}};

/*
 * The currency tables below are filled from the rows of
 * filters/extract-amounts/currencies.def (scripts/def2c), which say what
 * each kind of row means.
 */
#include "extract-amounts/currencies.h"

static const struct lexdef lex_currencies[] = {
    CURRENCY_WORDS, {NULL, 0, NULL, 0, 0, NULL}};

/* Currency codes (ISO 4217, and RMB, NIS, XBT): "code" rows. */
static const struct {
	const char *code, *as;
	int lc;
} codes[] = {CURRENCY_CODES, {NULL, NULL, 0}};

/* Countries, their adjectives and some cities: which currency they use
 * ("place" rows). */
static const struct lexdef lex_places[] = {
    CURRENCY_PLACES, {NULL, 0, NULL, 0, 0, NULL}};

#define FLAG(w, f)                                                             \
	{                                                                      \
		w, f, NULL, 0, 0, NULL                                         \
	}

static const struct lexdef lex_misc[] = {FLAG("nearly", W_QUAL),
    FLAG("about", W_QUAL), FLAG("some", W_QUAL), FLAG("over", W_QUAL | W_FUNC),
    FLAG("almost", W_QUAL), FLAG("roughly", W_QUAL), FLAG("around", W_QUAL),
    FLAG("under", W_QUAL), FLAG("approximately", W_QUAL),
    FLAG("rose", W_CHANGE), FLAG("rise", W_CHANGE), FLAG("rises", W_CHANGE),
    FLAG("rising", W_CHANGE), FLAG("fell", W_CHANGE), FLAG("fall", W_CHANGE),
    FLAG("falls", W_CHANGE), FLAG("falling", W_CHANGE), FLAG("grew", W_CHANGE),
    FLAG("grow", W_CHANGE), FLAG("increased", W_CHANGE),
    FLAG("decreased", W_CHANGE), FLAG("jumped", W_CHANGE),
    FLAG("climbed", W_CHANGE), FLAG("dropped", W_CHANGE),
    FLAG("gained", W_CHANGE | W_WEIGHT), FLAG("declined", W_CHANGE),
    FLAG("surged", W_CHANGE), FLAG("soared", W_CHANGE),
    FLAG("plunged", W_CHANGE), FLAG("slipped", W_CHANGE),
    FLAG("slid", W_CHANGE), FLAG("raised", W_CHANGE), FLAG("cut", W_CHANGE),
    FLAG("up", W_CHANGE), FLAG("down", W_CHANGE), FLAG("by", W_CHANGE),
    FLAG("widened", W_CHANGE), FLAG("narrowed", W_CHANGE),
    FLAG("added", W_CHANGE), FLAG("shed", W_CHANGE | W_WEIGHT),
    FLAG("lost", W_WEIGHT), FLAG("lose", W_WEIGHT), FLAG("losing", W_WEIGHT),
    FLAG("loses", W_WEIGHT), FLAG("gain", W_WEIGHT), FLAG("gaining", W_WEIGHT),
    FLAG("weigh", W_WEIGHT), FLAG("weighs", W_WEIGHT),
    FLAG("weighed", W_WEIGHT), FLAG("weighing", W_WEIGHT),
    FLAG("weight", W_WEIGHT), FLAG("shedding", W_WEIGHT),
    FLAG("lifted", W_WEIGHT), FLAG("lifts", W_WEIGHT),
    FLAG("lifting", W_WEIGHT), FLAG("carried", W_WEIGHT),
    FLAG("carrying", W_WEIGHT), FLAG("hauled", W_WEIGHT), FLAG("the", W_DET),
    FLAG("this", W_DET), FLAG("that", W_DET), FLAG("its", W_DET),
    FLAG("their", W_DET), FLAG("his", W_DET), FLAG("her", W_DET),
    FLAG("our", W_DET), FLAG("each", W_FUNC), FLAG("per", W_FUNC),
    FLAG("apiece", W_FUNC), FLAG("in", W_FUNC), FLAG("on", W_FUNC),
    FLAG("for", W_FUNC), FLAG("from", W_FUNC), FLAG("next", W_FUNC),
    FLAG("last", W_FUNC), FLAG("at", W_FUNC), FLAG("or", W_FUNC),
    FLAG("with", W_FUNC), FLAG("this", W_FUNC), FLAG("to", W_FUNC),
    FLAG("by", W_FUNC), FLAG("into", W_FUNC), FLAG("than", W_FUNC),
    FLAG("but", W_FUNC), FLAG("while", W_FUNC), FLAG("after", W_FUNC),
    FLAG("before", W_FUNC), FLAG("is", W_FUNC), FLAG("was", W_FUNC),
    FLAG("were", W_FUNC), FLAG("will", W_FUNC), FLAG("would", W_FUNC),
    FLAG("range", W_FUNC), FLAG("over", W_FUNC), {NULL, 0, NULL, 0, 0, NULL}};

/* The merged lexicon: an open-addressing hash table of entries. */
#define LEX_MAX 1024
#define LEX_SLOTS 4096
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

static struct lex lex_pool[LEX_MAX];
static size_t lex_used;
static struct lex *lex_slot[LEX_SLOTS];
/* Which first two letters start a trigger word (26 letters, 27: end). */
/*
 * Prefilters for trigger words: by first letter and length, a bit for the
 * second letter; by last letter and length, a bit for the first letter.
 */
#define TRIG_LEN 16
static uint32_t trig_second[27][TRIG_LEN], trig_first[27][TRIG_LEN];
static uint32_t adj_second[27][TRIG_LEN], adj_first[27][TRIG_LEN];
static uint32_t unit_second[27][TRIG_LEN], unit_first[27][TRIG_LEN];
/* The first three letters (27: not a letter) of trigger words, a bit each. */
static unsigned char trig_prefix[(27 * 27 * 27 + 7) / 8];
/* The same for every word that may follow a number as (part of) its unit. */
static unsigned char unit_prefix[(27 * 27 * 27 + 7) / 8];

/* Currency symbols (exact bytes): "symbol" rows. */
static const struct {
	const char *sym;
	const char *code;
	int grp;
} symbols[] = {CURRENCY_SYMBOLS, {NULL, NULL, 0}};

#define SYM_PRE 1u
#define SYM_POST 2u

/* Currency signs written with letters (case as written): "letter" rows. */
static const struct {
	const char *sym;
	const char *code;
	int grp;
	unsigned where;
} letter_syms[] = {CURRENCY_LETTERS, {NULL, NULL, 0, 0}};

/* Letters before "$" (any case): which dollar ("dollar" rows). */
static const struct {
	const char *pre;
	const char *code;
	int spaced; /* also written apart: "c $ 16.4 million" */
} dollar_prefixes[] = {CURRENCY_DOLLARS, {NULL, NULL, 0}};

static size_t symbol_len[64], letter_len[64];
static unsigned char letter_sym_start[256]; /* first letters of letter_syms */
static unsigned char symbol_start[256];     /* bytes that begin a symbol */

/* ---- options ---- */

#define K_MONEY 1
#define K_PERCENT 2

static struct {
	unsigned kinds;             /* --kind: K_MONEY | K_PERCENT */
	char *units;                /* --unit: ",USD,EUR,%," (upper case) */
	const char *assume[NGROUP]; /* --assume SYM=CODE */
} opt;

/* ---- per-document state ---- */

static const char *doc_memory[NGROUP]; /* what context decided before */
static int found_any;                  /* for -q */

/* ---- the lexicon ---- */

static unsigned
lex_hash(const char *w, size_t len)
{
	unsigned h = 2166136261u;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

/* ASCII letters: 1; digits: 2; bit 4: a byte no number follows, or
 * only in special cases (. and ,). */
#define CC_NOTBEFORE 4
static unsigned char char_class[256];
/* A letter's place in the alphabet, either case; 26 for anything else. */
static unsigned char letter_index[256];

static void
char_class_init(void)
{
	int c;

	memset(char_class, 0, sizeof(char_class));
	memset(letter_index, 26, sizeof(letter_index));
	for (c = 'a'; c <= 'z'; c++) {
		char_class[c] = char_class[c - 32] = 1;
		letter_index[c] = (unsigned char)(c - 'a');
		letter_index[c - 32] = (unsigned char)(c - 'a');
	}
	for (c = '0'; c <= '9'; c++)
		char_class[c] = 2;
	for (c = 0; ":/%#=&\\@.,"[c] != '\0'; c++)
		char_class[(unsigned char)":/%#=&\\@.,"[c]] = CC_NOTBEFORE;
}

static int
lower(int c)
{
	return char_class[c & 0xff] == 1 ? c | 0x20 : c;
}

static int
is_alpha(int c)
{
	return char_class[c & 0xff] == 1;
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
trig_index(int c)
{
	c = lower(c);
	return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}

/* The bit of the first three letters of w (len of them are letters). */
static unsigned
prefix_index(const unsigned char *w, size_t len)
{
	unsigned a = (unsigned)trig_index(w[0]);
	unsigned b = len > 1 ? (unsigned)trig_index(w[1]) : 26;
	unsigned c = len > 2 && b != 26 ? (unsigned)trig_index(w[2]) : 26;

	return (a * 27 + b) * 27 + c;
}

static void
prefix_set(unsigned char *set, const char *w, size_t len)
{
	unsigned h = prefix_index((const unsigned char *)w, len);

	set[h >> 3] |= (unsigned char)(1u << (h & 7));
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

static void
lex_add(const struct lexdef *d)
{
	size_t len = strlen(d->w);
	unsigned h = lex_hash(d->w, len) & (LEX_SLOTS - 1);
	struct lex *x;

	while ((x = lex_slot[h]) != NULL) {
		if (x->len == len && memcmp(x->w, d->w, len) == 0)
			break;
		h = (h + 1) & (LEX_SLOTS - 1);
	}
	if (x == NULL) {
		if (lex_used == LEX_MAX || len >= WORD_MAX)
			return;
		x = &lex_pool[lex_used++];
		memset(x, 0, sizeof(*x));
		memcpy(x->w, d->w, len);
		x->len = len;
		lex_slot[h] = x;
	}
	x->f |= d->f;
	if (d->code != NULL && x->code == NULL)
		x->code = d->code;
	if (d->grp != 0 && x->grp == 0)
		x->grp = d->grp;
	if (d->val != 0 && x->val == 0)
		x->val = d->val;
	if (d->adj != NULL && x->adj == NULL)
		x->adj = d->adj;
	if ((d->f & (W_CUR | W_MINOR | W_PCT | W_ADJ)) && len < TRIG_LEN) {
		unit_second[trig_index(d->w[0])][len] |= 1u
		    << trig_index(len > 1 ? d->w[1] : 0);
		unit_first[trig_index(d->w[len - 1])][len] |= 1u
		    << trig_index(d->w[0]);
	}
	if ((d->f & W_ADJ) && len < TRIG_LEN) {
		adj_second[trig_index(d->w[0])][len] |= 1u
		    << trig_index(len > 1 ? d->w[1] : 0);
		adj_first[trig_index(d->w[len - 1])][len] |= 1u
		    << trig_index(d->w[0]);
	}
	if (d->f & (W_TRIGGER | W_ADJ))
		prefix_set(unit_prefix, d->w, len);
	if ((d->f & W_CODE) && len == 3) {
		char m[4] = {'m', d->w[0], d->w[1], d->w[2]};

		prefix_set(unit_prefix, m, 4);
	}
	if ((d->f & W_TRIGGER) && !(d->f & W_NOTRIG)) {
		h = prefix_index((const unsigned char *)d->w, len);
		trig_prefix[h >> 3] |= (unsigned char)(1u << (h & 7));
		if (d->f & W_CODE) { /* MUSD, MEUR */
			char m[4] = {'m', d->w[0], d->w[1], d->w[2]};

			h = prefix_index((const unsigned char *)m, 4);
			trig_prefix[h >> 3] |= (unsigned char)(1u << (h & 7));
		}
	}
	if ((d->f & W_TRIGGER) && !(d->f & W_NOTRIG) && len < TRIG_LEN) {
		trig_second[trig_index(d->w[0])][len] |= 1u
		    << trig_index(len > 1 ? d->w[1] : 0);
		trig_first[trig_index(d->w[len - 1])][len] |= 1u
		    << trig_index(d->w[0]);
	}
}

static void qualifier_init(void);

static void
lex_init(void)
{
	static const struct lexdef *const tables[] = {
	    lex_numbers, lex_currencies, lex_places, lex_misc};
	size_t t, i;
	char lc[8];
	struct lexdef d;

	char_class_init();
	qualifier_init();
	memset(lex_slot, 0, sizeof(lex_slot));
	memset(trig_second, 0, sizeof(trig_second));
	memset(trig_prefix, 0, sizeof(trig_prefix));
	memset(unit_prefix, 0, sizeof(unit_prefix));
	memset(trig_first, 0, sizeof(trig_first));
	memset(adj_second, 0, sizeof(adj_second));
	memset(unit_second, 0, sizeof(unit_second));
	memset(unit_first, 0, sizeof(unit_first));
	memset(adj_first, 0, sizeof(adj_first));
	lex_used = 0;
	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		for (i = 0; tables[t][i].w != NULL; i++)
			lex_add(&tables[t][i]);
	memset(symbol_start, 0, sizeof(symbol_start));
	for (i = 0; symbols[i].sym != NULL; i++) {
		symbol_len[i] = strlen(symbols[i].sym);
		symbol_start[(unsigned char)symbols[i].sym[0]] = 1;
	}
	memset(letter_sym_start, 0, sizeof(letter_sym_start));
	for (i = 0; letter_syms[i].sym != NULL; i++) {
		letter_len[i] = strlen(letter_syms[i].sym);
		letter_sym_start[(unsigned char)letter_syms[i].sym[0]] = 1;
		prefix_set(unit_prefix, letter_syms[i].sym, letter_len[i]);
	}
	for (i = 0; dollar_prefixes[i].pre != NULL; i++)
		prefix_set(unit_prefix, dollar_prefixes[i].pre,
		    strlen(dollar_prefixes[i].pre));
	prefix_set(unit_prefix, "c", 1);
	prefix_set(unit_prefix, "p", 1);
	for (i = 0; i < 5; i++) /* New Zealand, Hong Kong ... */
		prefix_set(unit_prefix,
		    (const char *const[]){
			"new", "hong", "south", "sri", "north"}[i],
		    3);
	for (i = 0; codes[i].code != NULL; i++) {
		if (codes[i].as == NULL)
			continue;
		memset(&d, 0, sizeof(d));
		lc[0] = (char)lower(codes[i].code[0]);
		lc[1] = (char)lower(codes[i].code[1]);
		lc[2] = (char)lower(codes[i].code[2]);
		lc[3] = '\0';
		d.w = lc;
		d.f = W_CODE | (codes[i].lc ? W_CODE_LC : 0);
		d.code = codes[i].as;
		lex_add(&d);
	}
}

/* The entry of the word p[0..len) in any case, or NULL. */
static const struct lex *
lex_get(const char *p, size_t len)
{
	char w[WORD_MAX];
	size_t i;
	unsigned h;
	const struct lex *x;

	if (len == 0 || len >= WORD_MAX)
		return NULL;
	for (i = 0; i < len; i++)
		w[i] = (char)lower((unsigned char)p[i]);
	h = lex_hash(w, len) & (LEX_SLOTS - 1);
	while ((x = lex_slot[h]) != NULL) {
		if (x->len == len && memcmp(x->w, w, len) == 0)
			return x;
		h = (h + 1) & (LEX_SLOTS - 1);
	}
	return NULL;
}

/* A code as written: capitals, or lower case where allowed. */
static const char *
code_get(const char *p, size_t len, int allow_m)
{
	const struct lex *x;
	int upper = 1, lowc = 1;
	size_t i;

	if (allow_m && len == 4 && p[0] == 'M')
		return code_get(p + 1, 3, 0);
	if (len != 3)
		return NULL;
	for (i = 0; i < len; i++) {
		if (!(p[i] >= 'A' && p[i] <= 'Z'))
			upper = 0;
		if (!(p[i] >= 'a' && p[i] <= 'z'))
			lowc = 0;
	}
	if ((!upper && !lowc) ||
	    !prefix_in(unit_prefix, (const unsigned char *)p))
		return NULL;
	x = lex_get(p, len);
	if (x == NULL || !(x->f & W_CODE))
		return NULL;
	if (lowc && !(x->f & W_CODE_LC))
		return NULL;
	return x->code;
}

static int
lc_eq(const char *p, size_t len, const char *w)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (w[i] == '\0' || lower((unsigned char)p[i]) != w[i])
			return 0;
	return w[len] == '\0';
}

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

static size_t
skip_space_back(const struct scan *sc, size_t i, size_t lim)
{
	size_t k;

	while (i > lim && (k = space_before(sc, i)) != 0 && i - k >= lim)
		i -= k;
	return i;
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

/* The entry of the word before position i (across spaces), or NULL. */
static const struct lex *
word_before(const struct scan *sc, size_t i, size_t lim, size_t *ws)
{
	size_t e = skip_space_back(sc, i, lim), b;

	if (e == i && i > lim && is_alpha((unsigned char)sc->s[i - 1]))
		return NULL; /* attached to i: not a separate word */
	b = word_start(sc, e, lim);
	if (b == e || (b > 0 && is_digit((unsigned char)sc->s[b - 1])))
		return NULL;
	if (ws != NULL)
		*ws = b;
	return lex_get(sc->s + b, e - b);
}

/* The entry of the word at i (after spaces), or NULL; *we its end. */
static const struct lex *
word_after(const struct scan *sc, size_t i, size_t *ws, size_t *we)
{
	size_t b = skip_space(sc, i), e = word_end(sc, b);

	if (e == b)
		return NULL;
	if (e < sc->n && is_digit((unsigned char)sc->s[e]))
		return NULL;
	if (ws != NULL)
		*ws = b;
	if (we != NULL)
		*we = e;
	return lex_get(sc->s + b, e - b);
}

/*
 * The first place at or after from where the bytes w[0..wl) (wl >= 2)
 * occur in s[0..n), or n when they do not.  Lines with a "$" are scanned
 * for "dollar" and the like once each; a memchr() per first letter costs a
 * call every few bytes for common letters, so sixteen places are tested at
 * a time: those where both the first and the last byte of w match.
 */
static size_t
find_bytes(const char *s, size_t n, size_t from, const char *w, size_t wl)
{
	size_t i = from;
#if defined(SCAN_SSE2)
	const __m128i first = _mm_set1_epi8(w[0]);
	const __m128i last = _mm_set1_epi8(w[wl - 1]);
	unsigned m;
	size_t j;

	while (i + wl - 1 + 16 <= n) {
		m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(first,
			_mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i))),
		    _mm_cmpeq_epi8(last,
			_mm_loadu_si128(
			    (const __m128i *)(const void *)(s + i + wl - 1)))));
		while (m != 0) {
			j = i + (size_t)lowest_bit(m);
			if (memcmp(s + j + 1, w + 1, wl - 2) == 0)
				return j;
			m &= m - 1;
		}
		i += 16;
	}
#endif
	for (; i + wl <= n; i++)
		if (s[i] == w[0] && s[i + wl - 1] == w[wl - 1] &&
		    memcmp(s + i + 1, w + 1, wl - 2) == 0)
			return i;
	return n;
}

/*
 * The dollar named in the line by a phrase ("Canadian dollars"), once.  A
 * substring search, cheap enough to run for every line with a bare "$".
 */
static void
dollar_context(struct scan *sc)
{
	const char *s = sc->s;
	size_t i, ws, we;
	const struct lex *x;
	int j;

	if (sc->dollar_done)
		return;
	sc->dollar_done = 1;
	for (i = 0; (i = find_bytes(s, sc->n, i, "ollar", 5)) < sc->n; i++) {
		if (i < 1 || lower((unsigned char)s[i - 1]) != 'd')
			continue;
		we = skip_space_back(sc, i - 1, 0);
		ws = word_start(sc, we, 0);
		if (we == i - 1 || ws == we)
			continue;
		x = lex_get(s + ws, we - ws);
		if (x == NULL || !(x->f & W_ADJ) || x->adj == NULL)
			continue;
		for (j = 0; j < 10 && groups[G_DOLLAR].members[j]; j++)
			if (strcmp(groups[G_DOLLAR].members[j], x->adj) == 0) {
				sc->dollar_phrase = x->adj;
				break;
			}
		if (sc->dollar_phrase != NULL)
			break;
	}
}

/* The first prefixed dollar (A$, C$) in the line: cents are its cents. */
static void
prefixed_dollar_context(struct scan *sc)
{
	const char *s = sc->s, *p;
	size_t i, k, b;

	if (sc->any_done)
		return;
	sc->any_done = 1;
	for (p = s; (p = memchr(p, '$', (size_t)(s + sc->n - p))) != NULL;
	     p++) {
		i = (size_t)(p - s);
		b = word_start(sc, i, 0);
		for (k = 0; b < i && dollar_prefixes[k].pre != NULL; k++)
			if (lc_eq(s + b, i - b, dollar_prefixes[k].pre)) {
				sc->any_dollar = dollar_prefixes[k].code;
				break;
			}
		if (sc->any_dollar != NULL)
			break;
	}
}

/* Whether the line names euros (€, euro): cents are then euro cents. */
static int
euro_context(struct scan *sc)
{
	const char *s = sc->s, *p;
	size_t i;

	if (sc->euro >= 0)
		return sc->euro;
	sc->euro = 0;

	for (p = s; (p = memchr(p, 0xe2, (size_t)(s + sc->n - p))) != NULL; p++)
		if (p + 2 < s + sc->n && memcmp(p, "\xe2\x82\xac", 3) == 0)
			return sc->euro = 1;
	for (i = 0; i + 3 < sc->n; i++)
		if ((s[i] == 'e' || s[i] == 'E') && lc_eq(s + i, 4, "euro"))
			return sc->euro = 1;
	return 0;
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

/* Gather the currencies of the places named in the line, once. */
/* Add a place's currency seen at pos; the list stays in line order. */
static void
ctx_add(struct scan *sc, const char *code, size_t pos)
{
	int j, k;

	for (j = 0; j < sc->nctx; j++)
		if (strcmp(sc->ctx[j], code) == 0) {
			if (sc->ctx_pos[j] <= pos)
				return;
			for (k = j; k + 1 < sc->nctx; k++) {
				sc->ctx[k] = sc->ctx[k + 1];
				sc->ctx_pos[k] = sc->ctx_pos[k + 1];
			}
			sc->nctx--;
			break;
		}
	if (sc->nctx == 8)
		return;
	for (j = sc->nctx; j > 0 && sc->ctx_pos[j - 1] > pos; j--) {
		sc->ctx[j] = sc->ctx[j - 1];
		sc->ctx_pos[j] = sc->ctx_pos[j - 1];
	}
	sc->ctx[j] = code;
	sc->ctx_pos[j] = pos;
	sc->nctx++;
}

/*
 * Gather the currencies of the places named in the line, once.  Places
 * are capitalised, so only words that begin with a capital are looked
 * up (found eight bytes at a time); "yuan" and "renminbi" are searched
 * for apart.
 */
static void
line_context(struct scan *sc)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	const struct lex *x;
	size_t i = 0, e, n = sc->n;
	uint64_t caps;

	if (sc->ctx_done)
		return;
	sc->ctx_done = 1;
	while (i < n) {
		if (i + 8 <= n) {
			caps = swar_range(swar_load(s + i), 'A', 'Z');
			if (caps == 0) {
				i += 8;
				continue;
			}
#if defined(SCAN_SWAR)
			/* straight to the first capital of the eight */
			i += swar_first(caps);
#endif
		}
		if (!(s[i] >= 'A' && s[i] <= 'Z') ||
		    (i > 0 && is_alpha(s[i - 1]))) {
			i++;
			continue;
		}
		e = word_end_fast(s, n, i + 1);
		if (e - i >= 2 && e - i < TRIG_LEN &&
		    maybe_in(adj_second, adj_first, s + i, e - i) &&
		    (x = lex_get(sc->s + i, e - i)) != NULL && (x->f & W_ADJ) &&
		    x->adj != NULL)
			ctx_add(sc, x->adj, i);
		i = e;
	}
	for (i = 0; (i = find_bytes(sc->s, n, i, "yuan", 4)) < n; i++)
		ctx_add(sc, "CNY", i);
	for (i = 0; (i = find_bytes(sc->s, n, i, "renminbi", 8)) < n; i++)
		ctx_add(sc, "CNY", i);
}

static int
in_group(int g, const char *code)
{
	int j;

	for (j = 0; j < 10; j++)
		if (groups[g].members[j] != NULL &&
		    strcmp(groups[g].members[j], code) == 0)
			return 1;
	return 0;
}

/*
 * The currency of group g in this line: an explicit adjective wins, then
 * --assume, then the line's context, then the document's, then the
 * default.  *how says which (NULL when explicit).  NULL: none fits.
 */
static const char *
resolve(struct scan *sc, int g, const char *adj, const char **how)
{
	int j;

	*how = NULL;
	if (adj != NULL && in_group(g, adj))
		return adj;
	if (opt.assume[g] != NULL) {
		*how = "option";
		return opt.assume[g];
	}
	if (g == G_DOLLAR || g == G_CENT)
		dollar_context(sc);
	if (g == G_DOLLAR && sc->dollar_phrase != NULL) {
		*how = "context";
		return sc->dollar_phrase;
	}
	if (g == G_CENT) {
		*how = "context";
		if (sc->dollar_phrase != NULL)
			return sc->dollar_phrase;
		prefixed_dollar_context(sc);
		if (sc->any_dollar != NULL)
			return sc->any_dollar;
		if (euro_context(sc))
			return "EUR";
	}
	if (groups[g].use_line) {
		const char *best = NULL;
		size_t dist = (size_t)-1, d;

		/* The place named nearest to the amount decides. */
		line_context(sc);
		for (j = 0; j < sc->nctx; j++) {
			if (!in_group(g, sc->ctx[j]))
				continue;
			d = sc->ctx_pos[j] > sc->at ? sc->ctx_pos[j] - sc->at
						    : sc->at - sc->ctx_pos[j];
			if (d < dist) {
				dist = d;
				best = sc->ctx[j];
			}
		}
		if (best != NULL) {
			*how = "context";
			doc_memory[g] = best;
			return best;
		}
	}
	if (groups[g].use_doc && doc_memory[g] != NULL) {
		*how = "document";
		return doc_memory[g];
	}
	*how = "default";
	return groups[g].members[0];
}

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

/* Add the digits s[i..j) to n. */
static void
num_digits(struct num *nm, const char *s, size_t i, size_t j, int frac)
{
	for (; i < j; i++) {
		if (nm->ndig < 18) {
			nm->m = nm->m * 10 + (uint64_t)(s[i] - '0');
			if (nm->m != 0)
				nm->ndig++;
			if (frac)
				nm->e--;
		} else {
			if (!frac)
				nm->e++;
			if (s[i] != '0')
				nm->lost = 1;
		}
	}
}

static size_t
digit_run(const struct scan *sc, size_t i)
{
	while (i < sc->n && is_digit((unsigned char)sc->s[i]))
		i++;
	return i;
}

/*
 * Parse a number at i (a digit): 1,250,000  1,20,000 (Indian)  4.35
 * 1.299,00 and 320.000 (European).  Returns 0 for what is not one number
 * (a version 3.1.2, a time 8:45, a date 12/05, a digit run glued to
 * letters or to another number).
 */
static int
read_digits(const struct scan *sc, size_t i, struct num *nm)
{
	const char *s = sc->s;
	size_t n = sc->n, j, k, g;
	int ngroups = 0, last3 = 1;

	memset(nm, 0, sizeof(*nm));
	nm->beg = i;
	if (i > 0 && (char_class[(unsigned char)s[i - 1]] & CC_NOTBEFORE)) {
		unsigned char p = (unsigned char)s[i - 1];

		/* a time, a date, a URL, or the middle of another number */
		if (!(p == '.' || p == ',') ||
		    (i >= 2 && is_digit((unsigned char)s[i - 2])))
			return 0;
	}
	if (s[i] == '.') {
		/* .5%: a fraction without its zero */
		j = digit_run(sc, i + 1);
		num_digits(nm, s, i + 1, j, 1);
		nm->has_frac = 1;
		nm->end = j;
		return j >= n ||
		    !(is_digit((unsigned char)s[j]) ||
			((s[j] == '.' || s[j] == ',') && j + 1 < n &&
			    is_digit((unsigned char)s[j + 1])));
	}
	j = digit_run(sc, i);
	if (j - i <= 18) {
		/* the common case, without the per-digit bookkeeping */
		for (k = i; k < j; k++) {
			nm->m = nm->m * 10 + (uint64_t)(s[k] - '0');
			if (nm->m != 0)
				nm->ndig++;
		}
	} else {
		num_digits(nm, s, i, j, 0);
	}
	/* Most numbers end here: a plain run of digits. */
	if (j >= n ||
	    !(s[j] == ',' || s[j] == '.' || s[j] == ':' || s[j] == '/' ||
		is_digit((unsigned char)s[j]))) {
		nm->end = j;
		return 1;
	}
	/* Thousands separated by commas (groups of 3, or 2 then 3). */
	if (j - i <= 3 && j + 1 < n && s[j] == ',' &&
	    is_digit((unsigned char)s[j + 1])) {
		k = j;
		while (k + 1 < n && s[k] == ',' &&
		    is_digit((unsigned char)s[k + 1])) {
			g = digit_run(sc, k + 1);
			if (g - (k + 1) != 3 && g - (k + 1) != 2)
				break;
			last3 = g - (k + 1) == 3;
			ngroups++;
			k = g;
			if (last3)
				break;
		}
		/* Western groups continue in threes after the first. */
		while (last3 && k + 1 < n && s[k] == ',' &&
		    is_digit((unsigned char)s[k + 1]) &&
		    digit_run(sc, k + 1) - (k + 1) == 3) {
			g = digit_run(sc, k + 1);
			ngroups++;
			k = g;
		}
		if (ngroups > 0 && last3 &&
		    !(k < n && is_digit((unsigned char)s[k]))) {
			for (g = j; g < k; g++)
				if (s[g] != ',')
					num_digits(nm, s, g, g + 1, 0);
			j = k;
			nm->has_sep = 1;
		}
	}
	/* European thousands with dots: 1.299,00  320.000  1.000.000 */
	if (!nm->has_sep && j - i <= 3 && j + 4 <= n && s[j] == '.' &&
	    digit_run(sc, j + 1) == j + 4) {
		k = j;
		ngroups = 0;
		while (k + 4 <= n && s[k] == '.' &&
		    digit_run(sc, k + 1) == k + 4) {
			k += 4;
			ngroups++;
		}
		if (k + 1 < n && s[k] == ',' &&
		    is_digit((unsigned char)s[k + 1]) &&
		    digit_run(sc, k + 1) - (k + 1) <= 2) {
			for (g = j; g < k; g++)
				if (s[g] != '.')
					num_digits(nm, s, g, g + 1, 0);
			g = digit_run(sc, k + 1);
			num_digits(nm, s, k + 1, g, 1);
			nm->has_sep = nm->has_frac = 1;
			j = g;
		} else if (ngroups > 1) {
			for (g = j; g < k; g++)
				if (s[g] != '.')
					num_digits(nm, s, g, g + 1, 0);
			nm->has_sep = 1;
			j = k;
		} else {
			/* One group: a decimal unless a postfix symbol says
			 * otherwise; remember the other reading. */
			struct num alt = *nm;

			num_digits(&alt, s, j + 1, j + 4, 0);
			nm->alt_m = alt.m;
			nm->alt = alt.e == 0;
		}
	}
	if (!nm->has_frac && j + 1 < n && s[j] == '.' &&
	    is_digit((unsigned char)s[j + 1])) {
		g = digit_run(sc, j + 1);
		num_digits(nm, s, j + 1, g, 1);
		nm->has_frac = 1;
		j = g;
	}
	nm->end = j;
	/* What follows must not continue a number, a version, a time. */
	if (j < n) {
		unsigned char c = (unsigned char)s[j];

		if (is_digit(c))
			return 0;
		if ((c == '.' || c == ':' || c == '/' || c == ',') &&
		    j + 1 < n && is_digit((unsigned char)s[j + 1]) &&
		    !(c == ',' && j + 1 < n && s[j + 1] != ' ' && nm->has_frac))
			return 0;
	}
	return 1;
}

/* 1 if an exponent starts at i: e or E, a sign or not, a digit ("e6",
 * "E-3"). */
static int
exponent_at(const struct scan *sc, size_t i)
{
	const char *s = sc->s;

	if (i >= sc->n || (s[i] != 'e' && s[i] != 'E'))
		return 0;
	i++;
	if (i < sc->n && (s[i] == '-' || s[i] == '+'))
		i++;
	return i < sc->n && is_digit((unsigned char)s[i]);
}

/*
 * read_digits(), and then what the value must be: exact (no digit other
 * than 0 dropped past the 18th: "$1,000,000,000,000,000,000,001" is no
 * amount, not 10^21), and not part of scientific notation.  "2.5e-3
 * euros" and "1e6 dollars" are no amounts, neither the mantissa nor the
 * exponent (it was read as 3 EUR): news text writes amounts in words and
 * digits, and a number in scientific notation is a measurement.
 */
static int
read_number(const struct scan *sc, size_t i, struct num *nm)
{
	const char *s = sc->s;
	size_t k = i;

	if (k > 0 && (s[k - 1] == '-' || s[k - 1] == '+'))
		k--;
	if (k >= 2 && (s[k - 1] == 'e' || s[k - 1] == 'E') &&
	    is_digit((unsigned char)s[k - 2]))
		return 0; /* the exponent of 2.5e-3 */
	if (!read_digits(sc, i, nm) || nm->lost || exponent_at(sc, nm->end))
		return 0;
	return 1;
}

/* 10^k exactly, for small k. */
static double
pow10i(int k)
{
	double v = 1;

	while (k-- > 0)
		v *= 10;
	return v;
}

/* The value of m * 10^e, correctly rounded. */
static double
dec_value(uint64_t m, int e)
{
	static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
	    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
	    1e19, 1e20, 1e21, 1e22};
	char buf[48];

	/* One exact operand and one rounding: exact enough, and fast. */
	if (m < (1ULL << 53) && e >= -22 && e <= 22)
		return e >= 0 ? (double)m * p10[e] : (double)m / p10[-e];
	(void)snprintf(buf, sizeof(buf), "%llue%d", (unsigned long long)m, e);
	return strtod(buf, NULL);
}

/* ---- scale words ---- */

/*
 * The power of ten of the scale word w[0..len): thousand, million, billion,
 * trillion, lakh, crore, hundred (and plurals), mn, mln, bn, bln, tn, trn,
 * trln, mil; with attached, also k, m, b.  -1 if it is none.
 */
static int
scale_word(const char *w, size_t len, int attached)
{
	int c = lower((unsigned char)w[0]);

	if (len == 1)
		return !attached ? -1
		    : c == 'k'   ? 3
		    : c == 'm'   ? 6
		    : c == 'b'   ? 9
				 : -1;
	/* One or two comparisons by first letter and length. */
	switch (c * 16 + (int)(len & 15)) {
	case 'm' * 16 + 7:
	case 'm' * 16 + 8:
		return lc_eq(w, len, "million") || lc_eq(w, len, "millions")
		    ? 6
		    : -1;
	case 'm' * 16 + 2:
	case 'm' * 16 + 3:
		return lc_eq(w, len, "mn") || lc_eq(w, len, "mln") ||
			lc_eq(w, len, "mil")
		    ? 6
		    : -1;
	case 'b' * 16 + 7:
	case 'b' * 16 + 8:
		return lc_eq(w, len, "billion") || lc_eq(w, len, "billions")
		    ? 9
		    : -1;
	case 'b' * 16 + 2:
	case 'b' * 16 + 3:
		return lc_eq(w, len, "bn") || lc_eq(w, len, "bln") ? 9 : -1;
	case 't' * 16 + 8:
	case 't' * 16 + 9:
		if (lc_eq(w, len, "thousand") || lc_eq(w, len, "thousands"))
			return 3;
		return lc_eq(w, len, "trillion") || lc_eq(w, len, "trillions")
		    ? 12
		    : -1;
	case 't' * 16 + 2:
	case 't' * 16 + 3:
	case 't' * 16 + 4:
		return lc_eq(w, len, "tn") || lc_eq(w, len, "trn") ||
			lc_eq(w, len, "trln")
		    ? 12
		    : -1;
	case 'l' * 16 + 4:
	case 'l' * 16 + 5:
		return lc_eq(w, len, "lakh") || lc_eq(w, len, "lakhs") ? 5 : -1;
	case 'c' * 16 + 5:
	case 'c' * 16 + 6:
		return lc_eq(w, len, "crore") || lc_eq(w, len, "crores") ? 7
									 : -1;
	case 'h' * 16 + 7:
	case 'h' * 16 + 8:
		return lc_eq(w, len, "hundred") || lc_eq(w, len, "hundreds")
		    ? 2
		    : -1;
	default:
		return -1;
	}
}

/* thousand, million, billion, trillion, lakh, crore, hundred */
static int
scale_initial(int c)
{
	switch (lower(c)) {
	case 't':
	case 'm':
	case 'b':
	case 'l':
	case 'c':
	case 'h':
	case 'k':
		return 1;
	default:
		return 0;
	}
}

/*
 * Scale after a number at i: attached k, m, bn, b, tn, mn ... or, after a
 * space or hyphen, thousand, million, billion, trillion, lakh, crore,
 * hundred, mn, bn, tn, mln, bln; several multiply (lakh crore).  Returns
 * the end, and the power of ten in *exp (0: none).
 */
static size_t
scale_right(const struct scan *sc, size_t i, int *exp)
{
	const char *s = sc->s;
	size_t e, b;
	int v, got = 0;

	*exp = 0;
	/* Attached: $1.5bn, $5.5k, $600M, $1b */
	e = i < sc->n && scale_initial(s[i]) ? word_end(sc, i) : i;
	if (e > i && (e == sc->n || !is_digit((unsigned char)s[e]))) {
		v = scale_word(s + i, e - i, 1);
		if (v < 0)
			return i;
		*exp = v;
		i = e;
		got = 1;
	}
	/* Apart: 5 million, Rs 10 mn, lakh crore, $1.5-billion */
	for (;;) {
		int hyphen = 0;

		b = skip_space(sc, i);
		if (b == i && !(got == 0 && i < sc->n && s[i] == '-'))
			break;
		if (b == i) {
			b = i + 1;
			hyphen = 1;
		}
		if (b >= sc->n || !scale_initial(s[b]))
			break;
		e = word_end(sc, b);
		if (e == b || (e < sc->n && is_digit((unsigned char)s[e])))
			break;
		v = scale_word(s + b, e - b, 0);
		if (v < 0 || (hyphen && e - b < 4))
			break; /* a hyphen only before words: 1.5-billion */
		*exp += v;
		i = e;
		got = 1;
	}
	return i;
}

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

/* A symbol from the table at i: its index, length in *len; -1 if none. */
static int
symbol_at(const struct scan *sc, size_t i, size_t *len)
{
	int k;
	size_t l;
	unsigned char c;

	if (i >= sc->n)
		return -1;
	c = (unsigned char)sc->s[i];
	if (!symbol_start[c])
		return -1;
	for (k = 0; symbols[k].sym != NULL; k++) {
		l = symbol_len[k];
		if ((unsigned char)symbols[k].sym[0] != c || i + l > sc->n ||
		    (l > 1 && symbols[k].sym[1] != sc->s[i + 1]))
			continue;
		if (memcmp(sc->s + i, symbols[k].sym, l) == 0) {
			*len = l;
			return k;
		}
	}
	return -1;
}

/* Adjectives before a currency word: "Swedish", "New Zealand", "us". */
static size_t
adjectives(const struct scan *sc, size_t i, const char **adj)
{
	size_t b = skip_space(sc, i), e;
	const struct lex *x;
	int k;

	*adj = NULL;
	for (k = 0; k < 2; k++) {
		e = word_end(sc, b);
		if (e == b)
			break;
		x = lex_get(sc->s + b, e - b);
		if (x != NULL && (x->f & W_ADJ) && x->adj != NULL &&
		    !(x->f & W_CUR)) {
			*adj = x->adj;
			b = skip_space(sc, e);
			continue;
		}
		if (lc_eq(sc->s + b, e - b, "new") ||
		    lc_eq(sc->s + b, e - b, "hong") ||
		    lc_eq(sc->s + b, e - b, "south") ||
		    lc_eq(sc->s + b, e - b, "sri") ||
		    lc_eq(sc->s + b, e - b, "north")) {
			b = skip_space(sc, e);
			continue;
		}
		break;
	}
	return b;
}

/*
 * The unit after a number (and its scale) at i: %, percent words, a
 * currency symbol, code or word (with adjectives), a minor unit.  Fills u
 * and returns 1, or returns 0.
 */
static int
unit_right(struct scan *sc, size_t i, struct unit *u)
{
	const char *s = sc->s;
	size_t n = sc->n, b, e, l, ws, we;
	const struct lex *x, *y;
	const char *code, *adj;
	int k, hyphen = 0;

	memset(u, 0, sizeof(*u));
	b = skip_space(sc, i);
	u->beg = b;
	if (b == i && b < n && s[b] == '-') {
		hyphen = 1;
		b++;
	}
	if (b >= n)
		return 0;
	/* % and fullwidth ％ */
	if (!hyphen &&
	    (s[b] == '%' ||
		(b + 2 < n && memcmp(s + b, "\xef\xbc\x85", 3) == 0))) {
		e = b + (s[b] == '%' ? 1 : 3);
		if (e < n &&
		    (is_alpha((unsigned char)s[e]) ||
			is_digit((unsigned char)s[e])))
			return 0;
		u->kind = K_PERCENT;
		u->code = "%";
		u->end = e;
		return 1;
	}
	/* ¢ */
	if (!hyphen && b + 1 < n && memcmp(s + b, "\xc2\xa2", 2) == 0) {
		u->kind = K_MONEY;
		u->grp = G_CENT;
		u->exp = -2;
		u->minor = u->symbol = 1;
		u->end = b + 2;
		return 1;
	}
	/* Symbols: 10$, 20 €, 100元; not a "$" that starts the next
	 * amount ("1 $10"). */
	if (!hyphen && symbol_start[(unsigned char)s[b]] &&
	    (k = symbol_at(sc, b, &l)) >= 0) {
		e = b + l;
		if (e < n && is_digit((unsigned char)s[e]))
			return 0;
		if (e < n && is_alpha((unsigned char)s[e])) {
			if (e + 1 < n && s[e] == 'u' && s[e + 1] == 'r' &&
			    strcmp(symbols[k].sym, "\xe2\x82\xac") == 0)
				e += 2; /* 20 €ur */
			else
				return 0;
		}
		if (space_at(sc, e)) {
			size_t q = skip_space(sc, e), r;

			if (q < n && is_digit((unsigned char)s[q])) {
				r = q;
				while (r < n &&
				    (is_digit((unsigned char)s[r]) ||
					s[r] == '.' || s[r] == ','))
					r++;
				x = word_after(sc, r, NULL, NULL);
				if (x != NULL && (x->f & W_CUR))
					return 0;
			}
		}
		u->kind = K_MONEY;
		u->code = symbols[k].code;
		u->grp = symbols[k].grp;
		u->symbol = 1;
		u->sym = symbols[k].sym;
		u->end = e;
		return 1;
	}
	if (b + 2 < n && is_alpha((unsigned char)s[b]) &&
	    !prefix_in(unit_prefix, (const unsigned char *)s + b))
		return 0;
	e = word_end(sc, b);
	if (e == b)
		return 0;
	/* Letters then "$": 3.14US$ */
	if (!hyphen && e < n && s[e] == '$') {
		for (k = 0; dollar_prefixes[k].pre != NULL; k++)
			if (lc_eq(s + b, e - b, dollar_prefixes[k].pre)) {
				u->kind = K_MONEY;
				u->code = dollar_prefixes[k].code;
				u->symbol = 1;
				u->end = e + 1;
				return 1;
			}
	}
	if (e < n && is_digit((unsigned char)s[e]))
		return 0; /* USD50: the next amount's prefix */
	/* Letter signs after the number: 45 kr, 20Rs, 100 zł */
	if (!hyphen && e - b <= 4 && letter_sym_start[(unsigned char)s[b]])
		for (k = 0; letter_syms[k].sym != NULL; k++)
			if ((letter_syms[k].where & SYM_POST) &&
			    letter_len[k] == e - b &&
			    memcmp(letter_syms[k].sym, s + b, e - b) == 0 &&
			    !(e < n && s[e] == '.' && e + 1 < n &&
				is_alpha((unsigned char)s[e + 1]))) {
				u->kind = K_MONEY;
				u->code = letter_syms[k].code;
				u->grp = letter_syms[k].grp;
				u->symbol = 1;
				u->end = e;
				return 1;
			}
	/* Codes: 5 USD, 115usd, 30 MUSD */
	if (!hyphen && (code = code_get(s + b, e - b, 1)) != NULL) {
		u->kind = K_MONEY;
		u->code = code;
		u->exp = e - b == 4 ? 6 : 0;
		u->end = e;
		return 1;
	}
	/* Attached minor units: 20p, 43c */
	if (!hyphen && b == i && e - b == 1 && (s[b] == 'p' || s[b] == 'c')) {
		u->sym = s[b] == 'p' ? "p" : "c";
		u->kind = K_MONEY;
		u->code = s[b] == 'p' ? "GBP" : NULL;
		u->grp = s[b] == 'p' ? 0 : G_CENT;
		u->exp = -2;
		u->minor = 1;
		u->end = e;
		return 1;
	}
	if (!hyphen && b > i && e - b == 1 && s[b] == 'c' &&
	    (e == n ||
		!(s[e] == '.' && e + 1 < n &&
		    is_alpha((unsigned char)s[e + 1])))) {
		u->kind = K_MONEY;
		u->grp = G_CENT;
		u->exp = -2;
		u->minor = 1;
		u->end = e;
		return 1;
	}
	if (e - b >= TRIG_LEN ||
	    !maybe_in(
		unit_second, unit_first, (const unsigned char *)s + b, e - b))
		return 0;
	x = lex_get(s + b, e - b);
	/* Percent words. */
	if (x != NULL && (x->f & W_PCT)) {
		u->kind = K_PERCENT;
		u->code = "%";
		u->word = 1;
		if (lc_eq(s + b, e - b, "per")) {
			ws = skip_space(sc, e);
			if (ws == e && e < n && s[e] == '-')
				ws = e + 1;
			we = word_end(sc, ws);
			if (ws == e ||
			    !(lc_eq(s + ws, we - ws, "cent") ||
				lc_eq(s + ws, we - ws, "cents")))
				return 0;
			e = we;
		} else if (lc_eq(s + b, e - b, "basis")) {
			ws = skip_space(sc, e);
			if (ws == e && e < n && s[e] == '-')
				ws = e + 1; /* 25-basis-point */
			we = word_end(sc, ws);
			if (!(lc_eq(s + ws, we - ws, "point") ||
				lc_eq(s + ws, we - ws, "points") ||
				lc_eq(s + ws, we - ws, "pts") ||
				lc_eq(s + ws, we - ws, "pt")))
				return 0;
			u->code = "bp";
			e = we;
		} else if (lc_eq(s + b, e - b, "percentage")) {
			size_t p = e;

			if (p < n && s[p] == '-')
				p++;
			ws = skip_space(sc, p);
			we = word_end(sc, ws);
			if (lc_eq(s + ws, we - ws, "point") ||
			    lc_eq(s + ws, we - ws, "points")) {
				u->code = "pp";
				e = we;
			}
		} else {
			u->code = x->code;
		}
		u->end = e;
		return 1;
	}
	/* Currency words, after adjectives. */
	adj = NULL;
	if (x == NULL || !(x->f & (W_CUR | W_MINOR))) {
		b = adjectives(sc, b, &adj);
		e = word_end(sc, b);
		if (adj == NULL || e == b)
			return 0;
		x = lex_get(s + b, e - b);
		if (x == NULL || !(x->f & (W_CUR | W_MINOR)))
			return 0;
	}
	u->kind = K_MONEY;
	u->code = x->code;
	u->grp = x->grp;
	u->adj = adj;
	u->word = 1;
	u->needadj = (x->f & W_NEEDADJ) != 0;
	if (x->f & W_MINOR) {
		u->minor = 1;
		u->exp = x->val;
	}
	if (hyphen && u->grp == G_POUND)
		return 0; /* a 20-pound turkey */
	if (u->needadj && u->code != NULL &&
	    (adj == NULL || strcmp(adj, u->code) != 0))
		return 0; /* marks without "German" */
	/* "50 euro cents": the cents of that currency */
	if (!u->minor &&
	    (u->grp == G_DOLLAR ||
		(u->code != NULL && strcmp(u->code, "EUR") == 0))) {
		ws = skip_space(sc, e);
		we = word_end(sc, ws);
		if (ws > e &&
		    (lc_eq(s + ws, we - ws, "cent") ||
			lc_eq(s + ws, we - ws, "cents"))) {
			u->minor = 1;
			u->exp = -2;
			e = we;
		}
	}
	/* "pounds sterling" */
	if (u->grp == G_POUND) {
		y = word_after(sc, e, &ws, &we);
		if (y != NULL && lc_eq(s + ws, we - ws, "sterling")) {
			u->adj = "GBP";
			e = we;
		}
	}
	u->end = e;
	return 1;
}

/* The dollar of the letters p[0..len) before "$" (spaced: written apart,
 * as "c $ 16.4 million"), or NULL. */
static const char *
dollar_prefix(const char *p, size_t len, int spaced)
{
	int k;

	if (spaced) {
		switch (lower((unsigned char)p[0])) {
		case 'c': /* c $ */
		case 'u': /* us $, u.s $ */
		case 'h': /* hk $ */
		case 'n': /* nz $ */
		case 'm': /* mex $ */
			break;
		default:
			return NULL;
		}
	}
	for (k = 0; dollar_prefixes[k].pre != NULL; k++)
		if ((!spaced || dollar_prefixes[k].spaced) &&
		    lc_eq(p, len, dollar_prefixes[k].pre))
			return dollar_prefixes[k].code;
	return NULL;
}

/* A currency prefix ending just before i (the number): $, US$, €, Rs, USD,
 * MAUD, "dollar".  Fills u (u->beg its start) and returns 1, or 0. */
static int
unit_left(struct scan *sc, size_t i, struct unit *u)
{
	const char *s = sc->s;
	size_t b = i, l, e, ws;
	const struct lex *x;
	int k, spaced = 0;

	memset(u, 0, sizeof(*u));
	if ((l = space_before(sc, b)) != 0 && b - l >= sc->floor) {
		b -= l;
		spaced = 1;
	}
	if (b <= sc->floor)
		return 0;
	e = b;
	/* "$" with its letters */
	if (s[b - 1] == '$') {
		size_t d = b - 1, wb = word_start(sc, d, sc->floor);

		u->kind = K_MONEY;
		u->symbol = 1;
		u->sym = "$";
		u->grp = G_DOLLAR;
		u->beg = d;
		u->end = e;
		/* U.S.$ and u.s $: letters with dots */
		while (wb > sc->floor && s[wb - 1] == '.' && wb >= 2 &&
		    is_alpha((unsigned char)s[wb - 2]))
			wb = word_start(sc, wb - 1, sc->floor);
		if (wb < d) {
			u->code = dollar_prefix(s + wb, d - wb, 0);
			if (u->code == NULL)
				u->code = code_get(s + wb, d - wb, 0);
			if (u->code != NULL) {
				u->grp = 0;
				u->beg = wb;
				return 1;
			}
			return 0; /* $TSLA-like: letters glued to $ */
		}
		if (space_before(sc, d) == 1 && d >= 2) {
			size_t we2 = d - 1, wb2 = we2;
			const char *c;

			while (wb2 > sc->floor &&
			    (is_alpha((unsigned char)s[wb2 - 1]) ||
				s[wb2 - 1] == '.'))
				wb2--;
			c = wb2 < we2 && we2 - wb2 <= 4
			    ? dollar_prefix(s + wb2, we2 - wb2, 1)
			    : NULL;
			if (c != NULL) {
				u->code = c;
				u->grp = 0;
				u->beg = wb2;
			}
		}
		return 1;
	}
	/* Other symbols: look back up to 6 bytes for one ending here. */
	for (l = 1;
	     (unsigned char)s[b - 1] >= 0x80 && l <= 6 && l <= b - sc->floor;
	     l++) {
		size_t len;

		if (!symbol_start[(unsigned char)s[b - l]])
			continue;
		if ((k = symbol_at(sc, b - l, &len)) >= 0 && len == l) {
			u->kind = K_MONEY;
			u->symbol = 1;
			u->sym = symbols[k].sym;
			u->code = symbols[k].code;
			u->grp = symbols[k].grp;
			u->beg = b - l;
			u->end = e;
			/* E£ is the Egyptian pound, GH₵ the cedi */
			if (l == 2 &&
			    memcmp(symbols[k].sym, "\xc2\xa3", 2) == 0 &&
			    u->beg > sc->floor && s[u->beg - 1] == 'E' &&
			    (u->beg < 2 ||
				!is_alpha((unsigned char)s[u->beg - 2]))) {
				u->code = "EGP";
				u->beg--;
			}
			return 1;
		}
	}
	/* Letters: Rs, RM, kr, USD, MAUD, dollar */
	if (!is_alpha((unsigned char)s[b - 1]) && s[b - 1] != '.')
		return 0;
	ws = b;
	while (ws > sc->floor && b - ws <= 9 &&
	    (is_alpha((unsigned char)s[ws - 1]) ||
		(s[ws - 1] == '.' && ws - 1 > sc->floor &&
		    is_alpha((unsigned char)s[ws - 2]))))
		ws--;
	if (b - ws > 9)
		return 0; /* longer than any sign, code or word here */
	if (ws > 0 && (is_digit((unsigned char)s[ws - 1]) || s[ws - 1] == '$'))
		return 0;
	for (k = 0; b - ws <= 4 && letter_sym_start[(unsigned char)s[ws]] &&
	     letter_syms[k].sym != NULL;
	     k++)
		if ((letter_syms[k].where & SYM_PRE) &&
		    letter_len[k] == b - ws &&
		    memcmp(letter_syms[k].sym, s + ws, b - ws) == 0) {
			if (spaced && letter_len[k] == 1)
				return 0; /* R and N only attached */
			u->kind = K_MONEY;
			u->symbol = 1;
			u->sym = letter_syms[k].sym;
			u->code = letter_syms[k].code;
			u->grp = letter_syms[k].grp;
			u->beg = ws;
			u->end = e;
			return 1;
		}
	if (s[b - 1] == '.')
		return 0;
	if ((u->code = code_get(s + ws, b - ws, 1)) != NULL) {
		u->kind = K_MONEY;
		u->exp = b - ws == 4 ? 6 : 0;
		u->beg = ws;
		u->end = e;
		return 1;
	}
	/* "dollar 22.5 million", "malaysian ringgit 42": lower case,
	 * spaced, not after "the". */
	if (spaced &&
	    (((s[ws] == 'd' && (b - ws == 6 || b - ws == 7)) ||
		(s[ws] == 'r' && (b - ws == 7 || b - ws == 8)) ||
		(s[ws] == 'y' && b - ws == 4)))) {
		const struct lex *d;
		size_t as;

		x = lex_get(s + ws, b - ws);
		if (x == NULL || !(x->f & W_PREFIX))
			return 0;
		u->kind = K_MONEY;
		u->word = 1;
		u->code = x->code;
		u->grp = x->grp;
		u->beg = ws;
		u->end = e;
		d = word_before(sc, ws, sc->floor, &as);
		if (d != NULL && (d->f & W_ADJ) && d->adj != NULL) {
			u->adj = d->adj;
			u->beg = as;
			d = word_before(sc, as, sc->floor, NULL);
		}
		if (d != NULL && (d->f & W_DET))
			return 0;
		return 1;
	}
	return 0;
}

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

static int
prev_word(const struct scan *sc, size_t i, size_t *ws, size_t *we)
{
	size_t e = skip_space_back(sc, i, sc->floor), b;

	if (e == i)
		return 0;
	b = word_start(sc, e, sc->floor);
	if (b == e || (b > 0 && is_digit((unsigned char)sc->s[b - 1])))
		return 0;
	*ws = b;
	*we = e;
	return 1;
}

/* The lexicon entry of the word before i, skipping a qualifier. */
static const struct lex *
word_before_qual(const struct scan *sc, size_t i, size_t *at)
{
	size_t ws, we, w2s, w2e;
	const struct lex *x;

	if (!prev_word(sc, i, &ws, &we))
		return NULL;
	x = lex_get(sc->s + ws, we - ws);
	if (x != NULL && (x->f & W_QUAL)) {
		if (!prev_word(sc, ws, &w2s, &w2e))
			return NULL;
		ws = w2s;
		we = w2e;
		x = lex_get(sc->s + ws, we - ws);
	} else if (lc_eq(sc->s + ws, we - ws, "than") ||
	    lc_eq(sc->s + ws, we - ws, "least")) {
		if (!prev_word(sc, ws, &w2s, &w2e) ||
		    !prev_word(sc, w2s, &ws, &we))
			return NULL;
		x = lex_get(sc->s + ws, we - ws);
	}
	if (at != NULL)
		*at = ws;
	return x;
}

/* The qualifier before i ("about", "more than"), lower case, or NULL. */
/* Verbs after which "up to" tells a move, not a bound. */
static int
motion_verb(const char *w, size_t len)
{
	static const char *const verbs[] = {"went", "go", "goes", "going",
	    "gone", "moved", "move", "moves", "shot", "ran", "climbed",
	    "jumped", "rose", "crept", "edged", "ticked", "inched", "soared",
	    "surged", "leapt", "leaped", NULL};
	int k;

	for (k = 0; verbs[k] != NULL; k++)
		if (lc_eq(w, len, verbs[k]))
			return 1;
	return 0;
}

/*
 * The words that qualify an amount written after them: one word
 * ("nearly"), or a word and the one before it ("more than").  Sorted by
 * the first letter of word (qualifier() looks only at the entries of
 * one letter); of two entries with the same word, the first that fits
 * wins.
 */
static const struct qualifier_word {
	const char *word;   /* the word just before the amount */
	const char *before; /* the word before that one; NULL: none */
	const char *name;   /* the qualifier reported */
	int not_moving;     /* not after a verb of motion ("went up to") */
} qualifier_words[] = {
    {"about", NULL, "about", 0},
    {"almost", NULL, "almost", 0},
    {"approximately", NULL, "approximately", 0},
    {"around", NULL, "around", 0},
    {"least", "at", "at least", 0},
    {"nearly", NULL, "nearly", 0},
    {"over", NULL, "over", 0},
    {"roughly", NULL, "roughly", 0},
    {"some", NULL, "some", 0},
    {"than", "more", "more than", 0},
    {"than", "less", "less than", 0},
    {"to", "up", "up to", 1},
    {"under", NULL, "under", 0},
};
#define N_QUALIFIER_WORDS (sizeof(qualifier_words) / sizeof(*qualifier_words))

/* Bit n of qualifier_shape[letter_index[c]]: some qualifier_words word
 * of n letters starts with c.  Most words before an amount fail this
 * one test.  qualifier_from[letter_index[c]]: the first entry whose word
 * starts with c. */
static uint32_t qualifier_shape[27];
static unsigned char qualifier_from[27];

static void
qualifier_init(void)
{
	size_t k;

	memset(qualifier_shape, 0, sizeof(qualifier_shape));
	for (k = N_QUALIFIER_WORDS; k-- > 0;) {
		unsigned char c =
		    letter_index[(unsigned char)qualifier_words[k].word[0]];

		qualifier_shape[c] |= 1u << strlen(qualifier_words[k].word);
		qualifier_from[c] = (unsigned char)k;
	}
}

static const char *
qualifier(const struct scan *sc, size_t i)
{
	size_t ws, we, w2s, w2e, k;
	const struct qualifier_word *q;
	unsigned char c;

	if (space_before(sc, i) == 0 || !prev_word(sc, i, &ws, &we))
		return NULL;
	c = letter_index[(unsigned char)sc->s[ws]];
	if (we - ws >= 32 || !((qualifier_shape[c] >> (we - ws)) & 1u))
		return NULL;
	for (k = qualifier_from[c]; k < N_QUALIFIER_WORDS &&
	     letter_index[(unsigned char)qualifier_words[k].word[0]] == c;
	     k++) {
		q = &qualifier_words[k];
		if (!lc_eq(sc->s + ws, we - ws, q->word))
			continue;
		if (q->before == NULL)
			return q->name;
		if (!prev_word(sc, ws, &w2s, &w2e) ||
		    !lc_eq(sc->s + w2s, w2e - w2s, q->before))
			continue;
		/* "went up to £50" is a move, "up to £50" a bound */
		if (q->not_moving && prev_word(sc, w2s, &ws, &we) &&
		    motion_verb(sc->s + ws, we - ws))
			return NULL;
		return q->name;
	}
	return NULL;
}

/* A sign before the span: -$5m, −0.3%, +$95m, minus 1.1 percent. */
static void
sign_left(const struct scan *sc, struct amount *a)
{
	const char *s = sc->s;
	size_t b = a->beg, ws, we;

	if (b > sc->floor && (s[b - 1] == '-' || s[b - 1] == '+') &&
	    (b - 1 == sc->floor || b - 1 == 0 ||
		!(is_alpha((unsigned char)s[b - 2]) ||
		    is_digit((unsigned char)s[b - 2]) || s[b - 2] == '-' ||
		    s[b - 2] == '.' || s[b - 2] == ','))) {
		a->neg = s[b - 1] == '-';
		a->beg = b - 1;
		return;
	}
	if (b >= sc->floor + 3 && memcmp(s + b - 3, "\xe2\x88\x92", 3) == 0) {
		a->neg = 1;
		a->beg = b - 3;
		return;
	}
	if (b >= 6 && lower((unsigned char)s[b - 2]) == 's' &&
	    lower((unsigned char)s[b - 3]) == 'u' &&
	    prev_word(sc, b, &ws, &we) && lc_eq(s + ws, we - ws, "minus")) {
		a->neg = 1;
		a->beg = ws;
	}
}

static int
same_family(const struct unit *pre, const struct unit *post)
{
	if (post->minor || post->kind != K_MONEY)
		return 0;
	if (pre->code != NULL && post->code != NULL)
		return strcmp(pre->code, post->code) == 0;
	if (post->grp == G_DOLLAR)
		return pre->grp == G_DOLLAR ||
		    (pre->code != NULL && in_group(G_DOLLAR, pre->code));
	if (pre->grp != 0 && pre->grp == post->grp)
		return 1;
	return pre->code != NULL && post->grp != 0 &&
	    in_group(post->grp, pre->code);
}

static int
ctx_has(struct scan *sc, const char *code)
{
	int j;

	line_context(sc);
	for (j = 0; j < sc->nctx; j++)
		if (strcmp(sc->ctx[j], code) == 0)
			return 1;
	return 0;
}

/* The line counts of video formats: 720p is not 7.20 GBP. */
static int
video_lines(uint64_t m)
{
	switch (m) {
	case 240:
	case 360:
	case 480:
	case 576:
	case 720:
	case 1080:
	case 1440:
	case 2160:
	case 4320:
		return 1;
	default:
		return 0;
	}
}

/* Whether the line speaks of weights: then bare "N pounds" are weights. */
static int
weight_line(struct scan *sc)
{
	static const char *const words[] = {
	    "weigh", "lb", "kg", "ounce", "heavier", "lighter", NULL};
	const char *p;
	size_t l;
	int k;

	if (sc->weight >= 0)
		return sc->weight;
	sc->weight = 0;

	for (k = 0; words[k] != NULL; k++) {
		l = strlen(words[k]);
		for (p = sc->s; (p = memchr(p, words[k][0],
				     (size_t)(sc->s + sc->n - p))) != NULL;
		     p++)
			if (p + l <= sc->s + sc->n &&
			    memcmp(p, words[k], l) == 0 &&
			    (l > 2 ||
				(p > sc->s && p[-1] == ' ' &&
				    (p + l == sc->s + sc->n ||
					!is_alpha((unsigned char)p[l]) ||
					p[l] == 's'))))
				return sc->weight = 1; /* lb, kg: words */
	}
	return 0;
}

/*
 * Parse the number at i with its currency prefix, scale and unit into a.
 * Returns 0 when there is no number here; a->kind is 0 when the number
 * has no unit (a count, a year, the first end of "3-4%").
 */
static int
parse_core(struct scan *sc, size_t i, struct amount *a)
{
	const char *s = sc->s;
	struct num nm;
	struct unit pre, post;
	int has_pre, has_post, sexp, sexp2;
	size_t p, q, ws, we;
	const struct lex *x;

	memset(a, 0, sizeof(*a));
	if (!read_number(sc, i, &nm))
		return 0;
	a->m = nm.m;
	a->ne = nm.e;
	a->beg = i;
	/* A percent sign right after the number: no currency before it. */
	if (nm.end < sc->n && s[nm.end] == '%') {
		has_pre = 0;
		pre.kind = 0;
	} else {
		has_pre = unit_left(sc, i, &pre);
	}
	if (!has_pre && i > sc->floor && is_alpha((unsigned char)s[i - 1]))
		return 0;
	p = scale_right(sc, nm.end, &sexp);
	has_post = unit_right(sc, p, &post);
	if (!has_post && p < sc->n && is_alpha((unsigned char)s[p]))
		return 0; /* glued to letters: 16GB, 3rd, 38C */
	if (has_post && post.kind == K_MONEY && !post.minor && !post.word &&
	    sexp == 0) {
		q = scale_right(sc, post.end, &sexp2);
		if (sexp2 > 0 && q > post.end && space_at(sc, post.end)) {
			post.end = q; /* 75 USD million */
			sexp = sexp2;
		}
	}
	a->sexp = sexp;
	a->nend = p;
	a->end = p;
	a->is_int = !nm.has_frac && sexp == 0 && nm.e == 0;
	if (has_pre && has_post && (post.symbol || !same_family(&pre, &post)))
		has_post = 0;
	if (has_pre) {
		a->kind = K_MONEY;
		a->code = pre.code;
		a->grp = pre.grp;
		a->adj = pre.adj;
		a->uexp = pre.exp;
		a->beg = pre.beg;
		a->words = pre.word;
		if (has_post) {
			a->end = post.end;
			if (a->grp != 0 && post.adj != NULL)
				a->adj = post.adj;
		}
		/*
		 * R (rand) and N (naira) only with a scale, separators or
		 * decimals (R4.6 billion, R18.90, N1,301), not R2 or N95;
		 * N also only where Nigeria is named.
		 */
		if (pre.sym != NULL &&
		    (strcmp(pre.sym, "R") == 0 || strcmp(pre.sym, "N") == 0) &&
		    sexp == 0 && !nm.has_sep && !nm.has_frac)
			a->kind = 0;
		if (pre.sym != NULL && strcmp(pre.sym, "N") == 0 &&
		    !ctx_has(sc, "NGN"))
			a->kind = 0;
	} else if (has_post) {
		a->kind = post.kind;
		a->code = post.code;
		a->grp = post.grp;
		a->adj = post.adj;
		a->uexp = post.exp;
		a->minor = post.minor;
		a->end = post.end;
		a->words = post.word;
		if (nm.alt && post.symbol && sexp == 0) {
			a->m = nm.alt_m; /* 320.000 € */
			a->ne = 0;
		}
		if (post.sym != NULL && strcmp(post.sym, "p") == 0 &&
		    a->is_int && video_lines(a->m))
			a->kind = 0; /* 1080p is a video format */
		if (post.grp == G_WON && post.adj == NULL && sexp == 0 &&
		    !nm.has_sep && !ctx_has(sc, "KRW"))
			a->kind = 0;
		if (post.grp == G_WON && post.adj == NULL && sexp == 0 &&
		    (x = word_after(sc, post.end, NULL, NULL)) != NULL &&
		    (x->f & (W_DET | W_A)))
			a->kind = 0; /* 2019 won the title */
		if (post.grp == G_POUND && post.adj == NULL && sexp == 0) {
			x = word_after(sc, post.end, &ws, &we);
			if (x != NULL &&
			    (lc_eq(s + ws, we - ws, "of") ||
				lc_eq(s + ws, we - ws, "per")))
				a->kind = 0; /* 2 pounds of flour */
			x = word_before_qual(sc, i, NULL);
			if (x != NULL && (x->f & W_WEIGHT))
				a->kind = 0; /* lost 30 pounds */
			if (weight_line(sc))
				a->kind = 0; /* weighs 200 pounds and ... */
		}
		if (post.word && !post.minor && a->is_int && !nm.has_sep &&
		    a->m >= 1800 && a->m <= 2100 &&
		    prev_word(sc, i, &ws, &we) &&
		    (lc_eq(s + ws, we - ws, "in") ||
			lc_eq(s + ws, we - ws, "constant")))
			a->kind = 0; /* in 2019 dollars */
	}
	return 1;
}

/* Resolve the unit of a; 0 when no currency fits. */
static int
finish_unit(struct scan *sc, struct amount *a)
{
	if (a->kind == K_PERCENT) {
		a->unit = a->code;
		return 1;
	}
	if (a->code != NULL) {
		a->unit = a->code;
		return 1;
	}
	sc->at = a->beg;
	a->unit = resolve(sc, a->grp, a->adj, &a->assumed);
	return a->unit != NULL;
}

static double
amount_value(const struct amount *a)
{
	double v = dec_value(a->m, a->ne + a->sexp + a->uexp);

	return a->neg ? -v : v;
}

/* After the second end of a range: a plain word or punctuation. */
static int
range_end_ok(const struct scan *sc, const struct amount *b)
{
	size_t p = skip_space(sc, b->end), e;
	const struct lex *x;

	if (b->sexp > 0 || p >= sc->n)
		return 1;
	if (is_digit((unsigned char)sc->s[p]))
		return 0;
	if (!is_alpha((unsigned char)sc->s[p]))
		return 1;
	e = word_end(sc, p);
	x = lex_get(sc->s + p, e - p);
	return x != NULL && (x->f & (W_FUNC | W_CHANGE | W_QUAL));
}

/*
 * A range after a: "-", "–", "to", or "and" after "between", then a second
 * amount.  On success fills b, completes the unit and scale of either end
 * from the other, and returns 1.
 */
static int
range_right(struct scan *sc, struct amount *a, struct amount *b)
{
	const char *s = sc->s;
	size_t n = sc->n, p, q, r, save, ws, we;
	int conn, ok;
	const struct lex *before;
	double va, vb;

	p = skip_space(sc, a->end);
	if (p >= n)
		return 0;
	if (s[p] == '-') {
		conn = '-';
		q = p + 1;
	} else if (p + 2 < n &&
	    (memcmp(s + p, "\xe2\x80\x93", 3) == 0 ||
		memcmp(s + p, "\xe2\x80\x94", 3) == 0)) {
		conn = '-';
		q = p + 3;
	} else if (p > a->end && p + 2 < n && s[p] == 't' && s[p + 1] == 'o' &&
	    space_at(sc, p + 2)) {
		conn = 't';
		q = p + 2;
	} else if (p > a->end && p + 3 < n && memcmp(s + p, "and", 3) == 0 &&
	    space_at(sc, p + 3) && prev_word(sc, a->beg, &ws, &we) &&
	    lc_eq(s + ws, we - ws, "between")) {
		conn = 'a';
		q = p + 3;
	} else {
		return 0;
	}
	q = skip_space(sc, q);
	r = q;
	while (r < n && r < q + 8 && !is_digit((unsigned char)s[r]) &&
	    !space_at(sc, r))
		r++;
	if (r > q && space_at(sc, r))
		r = skip_space(sc, r);
	if (r >= n || !is_digit((unsigned char)s[r]))
		return 0;
	save = sc->floor;
	sc->floor = q;
	ok = parse_core(sc, r, b);
	sc->floor = save;
	if (!ok || b->beg != q || (a->kind == 0 && b->kind == 0))
		return 0;
	if (a->kind != 0 && b->kind != 0) {
		if (!finish_unit(sc, a) || !finish_unit(sc, b) ||
		    strcmp(a->unit, b->unit) != 0)
			return 0;
	} else if (a->kind != 0) {
		if (!range_end_ok(sc, b))
			return 0;
		b->kind = a->kind;
		b->code = a->code;
		b->grp = a->grp;
		b->adj = a->adj;
		b->uexp = a->uexp;
		b->minor = a->minor;
	} else {
		a->kind = b->kind;
		a->code = b->code;
		a->grp = b->grp;
		a->adj = b->adj;
		a->uexp = b->uexp;
		a->minor = b->minor;
	}
	if (a->sexp == 0 && b->sexp > 0 &&
	    dec_value(a->m, a->ne) <= dec_value(b->m, b->ne))
		a->sexp = b->sexp; /* $10-20 million */
	else if (b->sexp == 0 && a->sexp > 0 &&
	    dec_value(b->m, b->ne) >= dec_value(a->m, a->ne))
		b->sexp = a->sexp;
	va = amount_value(a);
	vb = amount_value(b);
	if (!(va < vb))
		return 0;
	if (conn == 't') {
		before = word_before_qual(sc, a->beg, NULL);
		if (before != NULL && (before->f & W_CHANGE) &&
		    !(prev_word(sc, a->beg, &ws, &we) &&
			lc_eq(s + ws, we - ws, "from")))
			return 0; /* rose $2bn to $50bn: a change */
	}
	if (!finish_unit(sc, a) || !finish_unit(sc, b))
		return 0;
	a->range = "from";
	b->range = "to";
	return 1;
}

/* The value of one to three number words below 100 at i: "forty-five". */
static int
small_words(const struct scan *sc, size_t i, size_t *end)
{
	size_t b = i, e;
	const struct lex *x;
	int v = 0, k;

	for (k = 0; k < 2; k++) {
		e = word_end(sc, b);
		x = e > b ? lex_get(sc->s + b, e - b) : NULL;
		if (x == NULL || !(x->f & W_NUM) ||
		    (k == 1 && (v % 10 != 0 || v < 20 || x->val >= 10)))
			break;
		v += x->val;
		*end = e;
		if (e < sc->n && sc->s[e] == '-')
			b = e + 1;
		else
			b = skip_space(sc, e);
	}
	return k == 0 ? -1 : v;
}

/* Cents after a whole amount: "$20 and 43c", "3 dollars 50 cents",
 * "15 USD 50", "thirteen dollars and forty-five cents". */
static void
cents_tail(struct scan *sc, struct amount *a)
{
	const char *s = sc->s;
	size_t p, q, e, ws, we;
	int v;
	struct unit u;

	if (a->kind != K_MONEY || a->minor || !a->is_int || a->sexp != 0 ||
	    a->uexp != 0 || a->m > 1000000000000ULL)
		return;
	p = skip_space(sc, a->end);
	if (p == a->end)
		return;
	if (p + 3 < sc->n && lc_eq(s + p, 3, "and") && space_at(sc, p + 3))
		p = skip_space(sc, p + 3);
	if (p >= sc->n)
		return;
	if (is_digit((unsigned char)s[p])) {
		q = digit_run(sc, p);
		if (q - p > 2 ||
		    (q < sc->n && (s[q] == '.' || s[q] == ',') &&
			q + 1 < sc->n && is_digit((unsigned char)s[q + 1])))
			return;
		v = (int)strtol(s + p, NULL, 10);
	} else {
		q = p;
		v = small_words(sc, p, &q);
		if (v < 0)
			return;
	}
	if (unit_right(sc, q, &u)) {
		if (!u.minor)
			return;
		e = u.end;
	} else {
		e = skip_space(sc, q);
		if (e < sc->n &&
		    (is_alpha((unsigned char)s[e]) ||
			is_digit((unsigned char)s[e]))) {
			ws = e;
			we = word_end(sc, e);
			if (!(lc_eq(s + ws, we - ws, "and") ||
				lc_eq(s + ws, we - ws, "more") ||
				lc_eq(s + ws, we - ws, "less")))
				return;
		} else if (e < sc->n && strchr(".,;:!?)", s[e]) == NULL) {
			return;
		}
		e = q;
	}
	a->m = a->m * 100 + (uint64_t)v;
	a->ne = -2;
	a->end = e;
}

/* ---- output ---- */

struct span {
	size_t beg, end;
	int kind;
};

static struct span *spans; /* the line's amounts, for --highlight */
static size_t nspans, capspans;

static int
unit_wanted(const char *unit)
{
	const char *p;
	size_t l;

	if (opt.units == NULL)
		return 1;
	l = strlen(unit);
	for (p = opt.units; (p = strstr(p, unit)) != NULL; p++)
		if (p[-1] == ',' && p[l] == ',')
			return 1;
	return 0;
}

/*
 * Write the value of a at out, exactly the decimal the text states: the
 * digits of m with the decimal point -e places from the right, or e zeros
 * after them; no exponent, no trailing zeros after the point (0.5,
 * 138000000000, 0.0000001, 999999999999999000000000).  finish_and_emit()
 * keeps |e| within VALUE_EXP_MAX, so it takes at most 64 bytes.  Returns
 * its length.
 */
static size_t
value_text(const struct amount *a, char *out)
{
	int e = a->ne + a->sexp + a->uexp, nd = 0, k;
	uint64_t m = a->m;
	char dig[24]; /* the digits of m, lowest first */
	size_t l = 0;

	if (m == 0) {
		out[0] = '0';
		return 1;
	}
	while (e < 0 && m % 10 == 0) {
		m /= 10;
		e++;
	}
	for (; m != 0; m /= 10)
		dig[nd++] = (char)('0' + m % 10);
	if (a->neg)
		out[l++] = '-';
	if (e < 0 && nd + e <= 0) {
		/* 0.0025: zeros between the point and the digits */
		out[l++] = '0';
		out[l++] = '.';
		for (k = nd + e; k < 0; k++)
			out[l++] = '0';
	}
	for (k = nd - 1; k >= 0; k--) {
		if (k == -e - 1 && nd + e > 0)
			out[l++] = '.';
		out[l++] = dig[k];
	}
	for (k = 0; k < e; k++)
		out[l++] = '0';
	return l;
}

static size_t
put_int(char *out, long long v)
{
	char tmp[24], *p = tmp + sizeof(tmp);
	unsigned long long u =
	    v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	size_t l = 0;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		*--p = '-';
	while (p < tmp + sizeof(tmp))
		out[l++] = *p++;
	return l;
}

/*
 * The JSON value of the C string s at out (at most 64 bytes): "s", or null
 * for NULL, as rec_cstr() writes it.  Returns the length, or 0 when s is
 * too long or needs escapes (then rec_cstr()'s json_write_string() must
 * write it).  The units, kinds, qualifiers and the like are short plain
 * ASCII.
 */
static size_t
put_json_cstr(char *out, const char *s)
{
	size_t l = 0;

	if (s == NULL) {
		/* A field, not a string: the caller takes the length. */
		/* NOLINTNEXTLINE(bugprone-not-null-terminated-result) */
		memcpy(out, "null", 4);
		return 4;
	}
	out[l++] = '"';
	for (; *s != '\0'; s++) {
		if (l == 62 || (unsigned char)*s < 0x20 ||
		    (unsigned char)*s >= 0x80 || *s == '"' || *s == '\\')
			return 0;
		out[l++] = *s;
	}
	out[l++] = '"';
	return l;
}

/*
 * One JSONL record, the same bytes as the rec_*() calls in emit() give,
 * in a few writes: the record layer writes a field at a time and prints
 * its integers with printf, which costs more than finding the amount.
 * buf has 800 bytes.
 */
static void
emit_jsonl(const struct scan *sc, const struct amount *a,
    const struct input *in, unsigned long long lineno, char *buf)
{
	static const char *const names[] = {
	    "unit", "kind", "qualifier", "range", "assumed"};
	const char *vals[5];
	size_t l, k, f;
	int i;

	out_write("{\"file\":\"", 9);
	json_write_string(in->name, strlen(in->name));
	memcpy(buf, "\",\"line\":", 9);
	l = 9;
	l += put_int(buf + l, (long long)lineno);
	memcpy(buf + l, ",\"col\":", 7);
	l += 7;
	l += put_int(buf + l, (long long)a->beg + 1);
	memcpy(buf + l, ",\"text\":\"", 9);
	l += 9;
	out_write(buf, l);
	json_write_string(sc->s + a->beg, a->end - a->beg);
	memcpy(buf, "\",\"value\":", 10);
	l = 10;
	l += value_text(a, buf + l);
	vals[0] = a->unit;
	vals[1] = a->kind == K_MONEY ? "money" : "percent";
	vals[2] = a->qual;
	vals[3] = a->range;
	vals[4] = a->assumed;
	for (i = 0; i < 5; i++) {
		f = strlen(names[i]);
		buf[l++] = ',';
		buf[l++] = '"';
		memcpy(buf + l, names[i], f);
		l += f;
		buf[l++] = '"';
		buf[l++] = ':';
		if ((k = put_json_cstr(buf + l, vals[i])) == 0) {
			/* an odd string: the record layer escapes it */
			out_write(buf, l);
			l = 0;
			out_putc('"');
			json_write_string(vals[i], strlen(vals[i]));
			out_putc('"');
		}
		l += k;
	}
	buf[l++] = '}';
	buf[l++] = '\n';
	out_write(buf, l);
	out_end_record();
}

/*
 * One TSV record, the same bytes as the rec_*() calls in emit() give (a
 * NULL string is an empty field), in a few writes.  buf has 800 bytes.
 */
static void
emit_tsv(const struct scan *sc, const struct amount *a, const struct input *in,
    unsigned long long lineno, char *buf)
{
	const char *vals[5], *p;
	size_t l;
	int i;

	tsv_write_field(in->name, strlen(in->name));
	buf[0] = '\t';
	l = 1;
	l += put_int(buf + l, (long long)lineno);
	buf[l++] = '\t';
	l += put_int(buf + l, (long long)a->beg + 1);
	buf[l++] = '\t';
	out_write(buf, l);
	tsv_write_field(sc->s + a->beg, a->end - a->beg);
	buf[0] = '\t';
	l = 1;
	l += value_text(a, buf + l);
	vals[0] = a->unit;
	vals[1] = a->kind == K_MONEY ? "money" : "percent";
	vals[2] = a->qual;
	vals[3] = a->range;
	vals[4] = a->assumed;
	for (i = 0; i < 5; i++) {
		buf[l++] = '\t';
		if (vals[i] == NULL)
			continue;
		if (strlen(vals[i]) > 64 || strpbrk(vals[i], "\t\n\r\\")) {
			/* an odd string: the record layer escapes it */
			out_write(buf, l);
			l = 0;
			tsv_write_field(vals[i], strlen(vals[i]));
			continue;
		}
		for (p = vals[i]; *p != '\0'; p++)
			buf[l++] = *p;
	}
	buf[l++] = '\n';
	out_write(buf, l);
	out_end_record();
}

static void
emit(struct scan *sc, struct amount *a, const struct input *in,
    unsigned long long lineno)
{
	char buf[800];

	if (!(opt.kinds & (unsigned)a->kind) || !unit_wanted(a->unit))
		return;
	found_any = 1;
	if (common.quiet)
		return;
	if (common.highlight) {
		if (nspans == capspans) {
			capspans = capspans ? capspans * 2 : 16;
			spans = xreallocarray(spans, capspans, sizeof(*spans));
		}
		spans[nspans].beg = a->beg;
		spans[nspans].end = a->end;
		spans[nspans].kind = a->kind;
		nspans++;
		return;
	}
	if (common.format == FMT_TEXT) {
		const char *u;
		size_t l;

		if (common.with_filename || common.line_number)
			rec_text_prefix(in->name, lineno);
		/* "SPAN\tVALUE\tUNIT\n", in one write when the span is short */
		l = 0;
		if (common.color) {
			out_puts(a->kind == K_MONEY ? SGR_BOLD SGR_GREEN
						    : SGR_BOLD SGR_YELLOW);
			out_write(sc->s + a->beg, a->end - a->beg);
			out_puts(SGR_RESET);
		} else if (a->end - a->beg <= 256) {
			memcpy(buf, sc->s + a->beg, a->end - a->beg);
			l = a->end - a->beg;
		} else {
			out_write(sc->s + a->beg, a->end - a->beg);
		}
		buf[l++] = '\t';
		l += value_text(a, buf + l);
		buf[l++] = '\t';
		for (u = a->unit; *u != '\0'; u++)
			buf[l++] = *u; /* three bytes or so: no calls */
		buf[l++] = '\n';
		out_write(buf, l);
		out_end_record();
		return;
	}
	if (common.format == FMT_JSONL) {
		emit_jsonl(sc, a, in, lineno, buf);
		return;
	}
	if (common.format == FMT_TSV) {
		emit_tsv(sc, a, in, lineno, buf);
		return;
	}
	rec_begin();
	rec_cstr("file", in->name);
	rec_int("line", (long long)lineno);
	rec_int("col", (long long)a->beg + 1);
	rec_str("text", sc->s + a->beg, a->end - a->beg);
	rec_num("value", amount_value(a));
	rec_cstr("unit", a->unit);
	rec_cstr("kind", a->kind == K_MONEY ? "money" : "percent");
	rec_cstr("qualifier", a->qual);
	rec_cstr("range", a->range);
	rec_cstr("assumed", a->assumed);
	rec_end();
}

/* ---- the scanner ---- */

/* The largest power of ten a value may carry either way (a value is m *
 * 10^e, m of at most 18 digits): past it, a run of digits is no amount. */
#define VALUE_EXP_MAX 40

struct sink {
	const struct input *in;
	unsigned long long lineno;
};

static void
finish_and_emit(struct scan *sc, struct amount *a, const struct sink *k)
{
	int e;

	if (a->kind == 0 || !finish_unit(sc, a))
		return;
	e = a->ne + a->sexp + a->uexp;
	if (e > VALUE_EXP_MAX || e < -VALUE_EXP_MAX)
		return; /* 10^40 dollars: a digit run, not a value */
	emit(sc, a, k->in, k->lineno);
}

/* A number at i: returns where scanning goes on. */
static size_t
try_digits(struct scan *sc, size_t i, const struct sink *k)
{
	struct amount a, b;
	size_t after;

	if (!parse_core(sc, i, &a)) {
		while (i < sc->n &&
		    (is_digit((unsigned char)sc->s[i]) || sc->s[i] == '.' ||
			sc->s[i] == ','))
			i++;
		return i;
	}
	after = a.kind != 0 ? a.end : a.nend;
	if ((a.kind == 0 || !a.minor) && range_right(sc, &a, &b)) {
		sign_left(sc, &a);
		a.qual = qualifier(sc, a.beg);
		finish_and_emit(sc, &a, k);
		finish_and_emit(sc, &b, k);
		return b.end;
	}
	if (a.kind == 0)
		return after;
	if (!a.minor && a.kind == K_MONEY)
		cents_tail(sc, &a);
	sign_left(sc, &a);
	a.qual = qualifier(sc, a.beg);
	finish_and_emit(sc, &a, k);
	return a.end;
}

/* "percent of 10", "per cent of twenty-two": the number after, at the
 * end of a clause. */
static size_t
percent_of(struct scan *sc, size_t ws, const struct sink *k)
{
	struct unit u;
	struct amount a;
	struct num nm;
	size_t p, q, e;
	int v;

	if (!unit_right(sc, ws, &u) || u.kind != K_PERCENT ||
	    strcmp(u.code, "%") != 0)
		return ws + 1;
	p = skip_space(sc, u.end);
	e = word_end(sc, p);
	if (p == u.end || !lc_eq(sc->s + p, e - p, "of"))
		return u.end;
	p = skip_space(sc, e);
	if (p == e || p >= sc->n)
		return u.end;
	memset(&a, 0, sizeof(a));
	if (is_digit((unsigned char)sc->s[p])) {
		if (!read_number(sc, p, &nm))
			return u.end;
		a.m = nm.m;
		a.ne = nm.e;
		q = nm.end;
	} else {
		q = p;
		v = small_words(sc, p, &q);
		if (v < 0)
			return u.end;
		a.m = (uint64_t)v;
	}
	e = skip_space(sc, q);
	if (e < sc->n &&
	    (is_alpha((unsigned char)sc->s[e]) ||
		is_digit((unsigned char)sc->s[e]) || sc->s[e] == '%'))
		return u.end;
	a.beg = ws;
	a.end = q;
	a.kind = K_PERCENT;
	a.code = "%";
	finish_and_emit(sc, &a, k);
	return q;
}

/*
 * Number words before a unit word at [ws, we): "two billion dollars",
 * "half a million", "a quarter of a billion", "Eighty percent".
 */
static size_t
try_words(struct scan *sc, size_t ws, size_t we, const struct lex *unit,
    const struct sink *k)
{
	const struct lex *w[16], *x;
	size_t at[16], b = ws, e, wb, cb;
	int nw = 0, j, any = 0;
	double total = 0, cur = 0;
	struct amount a;
	struct unit u;

	/* Skip the adjectives of the currency: "two billion Saudi riyals". */
	if (unit == NULL || (unit->f & (W_CUR | W_MINOR))) {
		for (j = 0; j < 2; j++) {
			if (!prev_word(sc, b, &wb, &e))
				break;
			x = lex_get(sc->s + wb, e - wb);
			if ((x != NULL && (x->f & W_ADJ) && !(x->f & W_CUR)) ||
			    lc_eq(sc->s + wb, e - wb, "new") ||
			    lc_eq(sc->s + wb, e - wb, "hong") ||
			    lc_eq(sc->s + wb, e - wb, "south") ||
			    lc_eq(sc->s + wb, e - wb, "sri"))
				b = wb;
			else
				break;
		}
	}
	/* Walk left over number words, across spaces and hyphens. */
	cb = b;
	while (nw < 16) {
		if (cb > sc->floor && sc->s[cb - 1] == '-') {
			e = cb - 1;
		} else {
			e = skip_space_back(sc, cb, sc->floor);
			if (e == cb)
				break;
		}
		wb = word_start(sc, e, sc->floor);
		if (wb == e ||
		    (wb > 0 &&
			(is_digit((unsigned char)sc->s[wb - 1]) ||
			    sc->s[wb - 1] == '$')))
			break;
		x = lex_get(sc->s + wb, e - wb);
		if (x == NULL || (x->f & W_PLURAL) ||
		    !(x->f &
			(W_NUM | W_HUNDRED | W_SCALE | W_A | W_HALF |
			    W_QUARTER | W_AND | W_OF)))
			break;
		w[nw] = x;
		at[nw] = wb;
		nw++;
		cb = wb;
	}
	/* w[0 .. nw) were all set in the loop above. */
	/* cppcheck-suppress uninitvar */
	while (nw > 0 && (w[nw - 1]->f & (W_AND | W_OF)))
		nw--;
	if (nw == 0 && unit != NULL && (unit->f & W_PCT))
		return percent_of(sc, ws, k);
	if (nw == 0 || (w[nw - 1]->f & W_SCALE))
		return we;
	/* w[] runs right to left; evaluate left to right. */
	for (j = nw - 1; j >= 0; j--) {
		unsigned f = w[j]->f;
		unsigned fl = j + 1 < nw ? w[j + 1]->f : 0; /* word before */
		unsigned fr = j > 0 ? w[j - 1]->f : 0;      /* word after */

		if (f & W_NUM) {
			cur += w[j]->val;
			any = 1;
		} else if (f & W_HUNDRED) {
			cur = (cur != 0 ? cur : 1) * 100;
			any = 1;
		} else if (f & W_SCALE) {
			if (cur == 0 && total > 0)
				total *= pow10i(w[j]->val);
			else
				total +=
				    (cur != 0 ? cur : 1) * pow10i(w[j]->val);
			cur = 0;
			any = 1;
		} else if (f & W_A) {
			if (!(fr & (W_HALF | W_QUARTER)) &&
			    !(fl & (W_HALF | W_QUARTER | W_OF))) {
				cur += 1;
				any = 1;
			}
		} else if (f & W_HALF) {
			cur = (fl & (W_AND | W_A)) && cur > 0 ? cur + 0.5 : 0.5;
			any = 1;
		} else if (f & W_QUARTER) {
			if (fl & W_NUM)
				cur *= 0.25;
			else if ((fl & (W_AND | W_A)) && cur > 0)
				cur += 0.25;
			else
				cur = 0.25;
			any = 1;
		}
	}
	if (!any)
		return we;
	/* "a" alone only for a dollar, a euro, a buck, a penny, a cent. */
	if (nw == 1 && (w[0]->f & W_A) &&
	    !(lc_eq(sc->s + ws, we - ws, "dollar") ||
		lc_eq(sc->s + ws, we - ws, "euro") ||
		lc_eq(sc->s + ws, we - ws, "buck") ||
		lc_eq(sc->s + ws, we - ws, "penny") ||
		lc_eq(sc->s + ws, we - ws, "cent")))
		return we;
	if ((w[nw - 1]->f & W_A) && unit != NULL && (unit->f & W_PCT) &&
	    nw == 1)
		return we;
	memset(&a, 0, sizeof(a));
	a.beg = at[nw - 1];
	cur += total;
	if (cur > 1e15)
		return we;
	a.m = (uint64_t)(cur * 100 + 0.5);
	a.ne = -2;
	a.is_int = cur == (double)(uint64_t)cur && total == 0;
	if (a.is_int) {
		a.m = (uint64_t)cur;
		a.ne = 0;
	}
	if (!unit_right(sc, at[0] + w[0]->len, &u))
		return we;
	a.kind = u.kind;
	a.code = u.code;
	a.grp = u.grp;
	a.adj = u.adj;
	a.uexp = u.exp;
	a.minor = u.minor;
	a.end = u.end;
	a.words = 1;
	if (u.grp == G_POUND && u.adj == NULL) {
		x = word_before_qual(sc, a.beg, NULL);
		if (x != NULL && (x->f & W_WEIGHT))
			return we;
		x = word_after(sc, u.end, &wb, &e);
		if (x != NULL && lc_eq(sc->s + wb, e - wb, "of"))
			return we;
	}
	if (u.grp == G_WON && u.adj == NULL && !ctx_has(sc, "KRW") &&
	    total == 0)
		return we;
	sign_left(sc, &a);
	a.qual = qualifier(sc, a.beg);
	if (!a.minor && a.kind == K_MONEY)
		cents_tail(sc, &a);
	finish_and_emit(sc, &a, k);
	return a.end > we ? a.end : we;
}

/* Could the word s[0..len) be a trigger word?  Two table lookups. */
static inline int
maybe_trigger(const unsigned char *w, size_t len)
{
	unsigned c0, c1, cl;

	if (len < 2 || len >= TRIG_LEN)
		return 0;
	if (len == 4 && w[0] == 'M')
		return 1; /* MUSD */
	c0 = (w[0] | 0x20u) - 'a';
	c1 = (w[1] | 0x20u) - 'a';
	cl = (w[len - 1] | 0x20u) - 'a';
	return (trig_second[c0][len] >> c1 & 1) &&
	    (trig_first[cl][len] >> c0 & 1);
}

/*
 * A word of letters at [i, e): when it may be a unit word, look for number
 * words before it.  Returns where scanning goes on.
 */
static size_t
scan_word(struct scan *sc, size_t i, size_t e, const struct sink *k)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	const struct lex *x;
	size_t r;

	if (maybe_trigger(s + i, e - i) && (e == sc->n || !is_digit(s[e])) &&
	    (((x = lex_get(sc->s + i, e - i)) != NULL &&
		 (x->f & (W_CUR | W_MINOR | W_PCT))) ||
		code_get(sc->s + i, e - i, 1) != NULL)) {
		r = try_words(sc, i, e, x, k);
		if (r > e) {
			sc->floor = r;
			e = r;
		}
	}
	return e;
}

/* A number at i: parse it; returns where scanning goes on. */
static size_t
scan_digits(struct scan *sc, size_t i, const struct sink *k)
{
	const char *s = sc->s;
	size_t e;

	/* ".5%" and "$.50": start at the point */
	if (i > sc->floor && s[i - 1] == '.' &&
	    (i == 1 ||
		!(is_alpha((unsigned char)s[i - 2]) ||
		    is_digit((unsigned char)s[i - 2]) || s[i - 2] == '.')))
		i--;
	e = try_digits(sc, i, k);

	i = e > i ? e : i + 1;
	sc->floor = i;
	return i;
}

/* The byte-at-a-time scanner, from i to the end of the line. */
static void
scan_bytes(struct scan *sc, size_t i, const struct sink *k)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	unsigned c;

	while (i < sc->n) {
		c = s[i];
		if (is_digit((int)c))
			i = scan_digits(sc, i, k);
		else if (is_alpha((int)c))
			i = scan_word(sc, i, word_end_fast(s, sc->n, i + 1), k);
		else
			i++;
		if (found_any && common.quiet)
			return;
	}
}

#if defined(SCAN_SSE2) || defined(SCAN_SWAR)
/*
 * The letters and digits of the block of SCAN_BLOCK bytes at p, a bit a
 * byte (bit k: byte k): sixteen bytes with SSE2 (every x86-64 has it),
 * eight in a 64-bit word elsewhere on little-endian hosts.
 */
#if defined(SCAN_SSE2)
#define SCAN_BLOCK 16
static inline void
block_classes(const unsigned char *p, unsigned *letters, unsigned *digits)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	*letters = sse_bits(sse_letters(v));
	*digits = sse_bits(sse_digits(v));
}
#else
#define SCAN_BLOCK 8
static inline void
block_classes(const unsigned char *p, unsigned *letters, unsigned *digits)
{
	uint64_t v = swar_load(p);

	*letters = swar_bits(swar_letters(v));
	*digits = swar_bits(swar_digits(v));
}
#endif

/*
 * A block at a time: word starts are letters after non-letters, and a
 * word is looked at only when its first three letters can begin a unit
 * word (one bit test), so ordinary text costs a few operations per word;
 * a digit ends the block's words and starts a number.
 */
static void
scan_line(struct scan *sc, const struct sink *k)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	size_t n = sc->n, i = 0, ws, d, r, next = (size_t)-1;
	unsigned letters, digits, starts, carry = 0;

	while (i + SCAN_BLOCK + 2 <= n) {
		block_classes(s + i, &letters, &digits);
		if (i != next) /* not straight after the last block */
			carry = i > 0 && is_alpha(s[i - 1]);
		starts = letters & ~((letters << 1) | carry);
		d = digits != 0 ? (size_t)lowest_bit(digits) : SCAN_BLOCK;
		if (d < SCAN_BLOCK)
			starts &= (1u << d) - 1;
		r = 0;
		while (starts != 0) {
			ws = i + (size_t)lowest_bit(starts);
			starts &= starts - 1;
			if (!prefix_maybe(s + ws))
				continue;
			r = scan_word(sc, ws, word_end_fast(s, n, ws + 1), k);
			if (found_any && common.quiet)
				return;
			break;
		}
		if (r != 0) {
			i = r; /* go on after the word (or what it began) */
		} else if (d < SCAN_BLOCK) {
			i = scan_digits(sc, i + d, k);
			if (found_any && common.quiet)
				return;
		} else {
			carry = letters >> (SCAN_BLOCK - 1) & 1;
			i += SCAN_BLOCK;
			next = i;
		}
	}
	scan_bytes(sc, i, k);
}
#else
static void
scan_line(struct scan *sc, const struct sink *k)
{
	scan_bytes(sc, 0, k);
}
#endif

static void
highlight_line(const struct line *line)
{
	size_t i, pos = 0;

	for (i = 0; i < nspans; i++) {
		if (spans[i].beg < pos)
			continue;
		out_write(line->p + pos, spans[i].beg - pos);
		out_puts(spans[i].kind == K_MONEY ? SGR_BOLD SGR_GREEN
						  : SGR_BOLD SGR_YELLOW);
		out_write(line->p + spans[i].beg, spans[i].end - spans[i].beg);
		out_puts(SGR_RESET);
		pos = spans[i].end;
	}
	out_write(line->p + pos, line->len - pos);
	out_puts(line->crlf ? "\r\n" : "\n");
	out_end_record();
}

static int
amounts_document(struct input *in, void *ctx)
{
	struct line line;
	struct scan sc;
	struct sink k;
	int g;

	(void)ctx;
	for (g = 0; g < NGROUP; g++)
		doc_memory[g] = NULL;
	k.in = in;
	while (input_next(in, &line)) {
		memset(&sc, 0, sizeof(sc));
		sc.euro = sc.weight = -1;
		sc.s = line.p;
		sc.n = line.len;
		k.lineno = in->lr.lineno;
		nspans = 0;
		scan_line(&sc, &k);
		if (common.highlight && !common.quiet)
			highlight_line(&line);
		if (out_failed() || (common.quiet && found_any))
			return 1;
	}
	return 0;
}

/* ---- options ---- */

enum {
	OPT_KIND = CLI_OWN,
	OPT_UNIT,
	OPT_ASSUME,
	OPT_DOLLAR,
	OPT_YEN,
	OPT_KR,
	OPT_LIST
};

static const struct cli_option options[] = {
    {OPT_KIND, "kind", CLI_REQUIRED, "LIST",
	"only these kinds: money, percent (comma-separated)"},
    {OPT_UNIT, "unit", CLI_REQUIRED, "LIST",
	"only these units: USD,EUR,%,pp,bp ..."},
    {OPT_ASSUME, "assume", CLI_REQUIRED, "SYM=CODE",
	"read the ambiguous SYM ($, ¥, kr, pesos ...) as CODE"},
    {OPT_DOLLAR, "dollar", CLI_REQUIRED, "CODE", "same as --assume='$=CODE'"},
    {OPT_YEN, "yen", CLI_REQUIRED, "CODE", "same as --assume='¥=CODE'"},
    {OPT_KR, "kr", CLI_REQUIRED, "CODE", "same as --assume=kr=CODE"},
    {OPT_LIST, "list-currencies", CLI_NOARG, NULL,
	"print the currency table and exit"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static int list_currencies_wanted;

static int
valid_code(const char *c)
{
	return strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' &&
	    c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z';
}

static void
set_assume(const char *sym, size_t len, const char *code, const char *what)
{
	int g;

	if (!valid_code(code))
		cli_usage_error("%s: '%s' is not a currency code (three "
				"capital letters, e.g. CAD)",
		    what, code);
	for (g = 1; g < NGROUP; g++)
		if (strlen(groups[g].name) == len &&
		    memcmp(groups[g].name, sym, len) == 0)
			break;
	if (g == NGROUP && len == 6 && memcmp(sym, "dollar", 6) == 0)
		g = G_DOLLAR;
	if (g == NGROUP && len == 3 && memcmp(sym, "yen", 3) == 0)
		g = G_YEN;
	if (g < NGROUP)
		opt.assume[g] = code;
	else
		cli_usage_error("%s: unknown symbol '%.*s' (see "
				"extract-amounts(1))",
		    what, (int)len, sym);
}

static void
handle_option(int code, const char *arg)
{
	const char *eq, *p;
	size_t l;
	char *u;

	switch (code) {
	case OPT_KIND:
		/* every item of the list a kind: "--kind=" and
		 * "--kind=money," are refused, not read as "none" */
		opt.kinds = 0;
		for (p = arg;; p += l + 1) {
			l = strcspn(p, ",");
			if (l == 5 && memcmp(p, "money", 5) == 0)
				opt.kinds |= K_MONEY;
			else if (l == 7 && memcmp(p, "percent", 7) == 0)
				opt.kinds |= K_PERCENT;
			else
				cli_usage_error("--kind: unknown kind '%.*s' "
						"(money, percent)",
				    (int)l, p);
			if (p[l] == '\0')
				break;
		}
		break;
	case OPT_UNIT:
		free(opt.units);
		l = strlen(arg);
		opt.units = u = xmalloc(l + 3);
		u[0] = ',';
		memcpy(u + 1, arg, l);
		u[l + 1] = ',';
		u[l + 2] = '\0';
		/* Codes in capitals; pp and bp in lower case. */
		for (u++; *u != '\0'; u += l + 1) {
			l = strcspn(u, ",");
			for (p = u; p < u + l; p++)
				u[p - u] = (char)(l == 2 &&
					    (lower(u[0]) == 'p' ||
						lower(u[0]) == 'b') &&
					    lower(u[1]) == 'p'
					? lower(*p)
					: (*p >= 'a' && *p <= 'z' ? *p - 32
								  : *p));
		}
		break;
	case OPT_ASSUME:
		eq = strchr(arg, '=');
		if (eq != NULL)
			set_assume(arg, (size_t)(eq - arg), eq + 1, "--assume");
		else
			cli_usage_error(
			    "--assume: expected SYM=CODE, got '%s'", arg);
		break;
	case OPT_DOLLAR:
		set_assume("$", 1, arg, "--dollar");
		break;
	case OPT_YEN:
		set_assume("\xc2\xa5", 2, arg, "--yen");
		break;
	case OPT_KR:
		set_assume("kr", 2, arg, "--kr");
		break;
	case OPT_LIST:
		list_currencies_wanted = 1;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[--kind=LIST] [--unit=LIST] [--assume=SYM=CODE] [FILE]...",
    "Find money amounts and percentages; print each with its value and "
    "unit.",
    options, CLI_EXTRACTOR, handle_option,
    "Fields (tsv, jsonl): file line col text value unit kind qualifier "
    "range assumed\n"};

/* ---- the currency listing, made from the recognition tables ---- */

static int
code_matches(const char *code, const char *c, int g)
{
	if (c != NULL)
		return strcmp(c, code) == 0;
	return g != 0 && in_group(g, code);
}

static void
list_add(const char **list, size_t *n, const char *code)
{
	size_t i;

	if (code == NULL)
		return;
	for (i = 0; i < *n; i++)
		if (strcmp(list[i], code) == 0)
			return;
	list[(*n)++] = code;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
list_currencies(void)
{
	const char *list[400];
	size_t n = 0, i, k;
	int g, j, sep;

	for (k = 0; codes[k].code != NULL; k++)
		list_add(list, &n, codes[k].as);
	for (g = 1; g < NGROUP; g++)
		for (j = 0; j < 10; j++)
			list_add(list, &n, groups[g].members[j]);
	for (k = 0; k < lex_used; k++)
		if (lex_pool[k].f & (W_CUR | W_MINOR))
			list_add(list, &n, lex_pool[k].code);
	qsort(list, n, sizeof(list[0]), cmp_str);
	out_puts("code\tas code\tsymbols\twords\tminor\n");
	for (i = 0; i < n; i++) {
		const char *c = list[i];

		out_puts(c);
		for (k = 0; codes[k].code != NULL; k++)
			if (codes[k].as != NULL && strcmp(codes[k].as, c) == 0)
				break;
		out_putc('\t');
		sep = 0;
		for (; codes[k].code != NULL; k++)
			if (codes[k].as != NULL && strcmp(codes[k].as, c) == 0)
				out_printf("%s%s%s", sep++ ? " " : "",
				    codes[k].code, codes[k].lc ? "+" : "");
		out_putc('\t');
		sep = 0;
		for (k = 0; symbols[k].sym != NULL; k++)
			if (code_matches(c, symbols[k].code, symbols[k].grp)) {
				out_printf("%s%s%s", sep++ ? " " : "",
				    symbols[k].sym, symbols[k].code ? "" : "*");
			}
		for (k = 0; letter_syms[k].sym != NULL; k++)
			if (code_matches(
				c, letter_syms[k].code, letter_syms[k].grp))
				out_printf("%s%s%s", sep++ ? " " : "",
				    letter_syms[k].sym,
				    letter_syms[k].code ? "" : "*");
		for (k = 0; dollar_prefixes[k].pre != NULL; k++)
			if (strcmp(dollar_prefixes[k].code, c) == 0 &&
			    strchr(dollar_prefixes[k].pre, '.') == NULL) {
				const char *q = dollar_prefixes[k].pre;

				if (sep++)
					out_putc(' ');
				for (; *q != '\0'; q++)
					out_putc(*q - 32);
				out_putc('$');
			}
		out_putc('\t');
		sep = 0;
		for (k = 0; k < lex_used; k++)
			if ((lex_pool[k].f & W_CUR) &&
			    code_matches(c, lex_pool[k].code, lex_pool[k].grp))
				out_printf("%s%s%s", sep++ ? " " : "",
				    lex_pool[k].w, lex_pool[k].code ? "" : "*");
		out_putc('\t');
		sep = 0;
		for (k = 0; k < lex_used; k++)
			if ((lex_pool[k].f & W_MINOR) &&
			    code_matches(c, lex_pool[k].code, lex_pool[k].grp))
				out_printf("%s%s%s", sep++ ? " " : "",
				    lex_pool[k].w, lex_pool[k].code ? "" : "*");
		out_putc('\n');
	}
}

int
main(int argc, char **argv)
{
	static const char *const names[] = {"file", "line", "col", "text",
	    "value", "unit", "kind", "qualifier", "range", "assumed"};
	int first, status;

	memset(&opt, 0, sizeof(opt));
	opt.kinds = K_MONEY | K_PERCENT;
	found_any = 0;
	list_currencies_wanted = 0;
	spans = NULL;
	nspans = capspans = 0;
	lex_init();
	first = cli_parse(argc, argv, &spec);
	/* Separators go through the text view only; records say their
	 * file and line. */
	inputs_quiet_separators(common.format != FMT_TEXT || common.quiet);
	out_open(common.output, common.line_buffered);
	if (list_currencies_wanted) {
		list_currencies();
	} else {
		if (common.format == FMT_TSV && !common.quiet)
			rec_header(names, sizeof(names) / sizeof(names[0]));
		(void)inputs_run(
		    argv + first, argc - first, amounts_document, NULL);
	}
	free(spans);
	free(opt.units);
	spans = NULL;
	opt.units = NULL;
	status = common.quiet && !found_any ? EXIT_NOMATCH : EXIT_OK;
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble()
	    ? EXIT_TROUBLE
	    : status;
}
