/*
 * lexicon.c - the words and signs extract-amounts knows, and the line
 * walked a word at a time.
 *
 * One open-addressing table maps a lower-case word to its W_* flags and
 * what goes with them (a currency code or group, a number's value, a
 * power of ten): number words, the currency words, codes and places of
 * currencies.def (scripts/def2c turns its rows into the tables below),
 * and a few function words.  Prefilters by first letters and length
 * (trig_*, unit_*, adj_*) answer "no" for most words without a lookup.
 * The word helpers (word_before(), word_after() ...) walk the line of a
 * struct scan.  list_currencies() prints the tables (--list-currencies).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-amounts.h"
#include "output.h"
#include "scan.h"
#include "wordtab.h"

const struct group groups[NGROUP] = {{"", {NULL}, 0, 0},
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

/*
 * Number words: NUM(word, value); a scale word and its power of ten,
 * SCALE(word, exponent), and its plural, SCALES(word, exponent), vague
 * alone ("millions of dollars": W_PLURAL); WORD(word, flags, value) for
 * the rest.
 */
#define WORD(w, f, v)                                                          \
	{                                                                      \
		w, f, NULL, 0, v, NULL                                         \
	}
#define NUM(w, v) WORD(w, W_NUM, v)
#define SCALE(w, e) WORD(w, W_SCALE, e)
#define SCALES(w, e) WORD(w, W_SCALE | W_PLURAL, e)

/* clang-format off */
static const struct lexdef lex_numbers[] = {
    NUM("zero", 0), NUM("one", 1), NUM("two", 2), NUM("three", 3),
    NUM("four", 4), NUM("five", 5), NUM("six", 6), NUM("seven", 7),
    NUM("eight", 8), NUM("nine", 9), NUM("ten", 10), NUM("eleven", 11),
    NUM("twelve", 12), NUM("thirteen", 13), NUM("fourteen", 14),
    NUM("fifteen", 15), NUM("sixteen", 16), NUM("seventeen", 17),
    NUM("eighteen", 18), NUM("nineteen", 19), NUM("twenty", 20),
    NUM("thirty", 30), NUM("forty", 40), NUM("fifty", 50), NUM("sixty", 60),
    NUM("seventy", 70), NUM("eighty", 80), NUM("ninety", 90),
    WORD("hundred", W_HUNDRED, 2),
    SCALE("thousand", 3), SCALE("million", 6), SCALE("billion", 9),
    SCALE("trillion", 12),
    SCALE("lakh", 5), SCALE("lakhs", 5), SCALE("crore", 7), SCALE("crores", 7),
    WORD("hundreds", W_HUNDRED | W_PLURAL, 2),
    SCALES("thousands", 3), SCALES("millions", 6), SCALES("billions", 9),
    SCALES("trillions", 12),
    WORD("a", W_A | W_DET | W_FUNC, 1), WORD("an", W_A | W_DET | W_FUNC, 1),
    WORD("half", W_HALF, 0), WORD("quarter", W_QUARTER, 0),
    WORD("quarters", W_QUARTER, 0),
    WORD("and", W_AND | W_FUNC, 0), WORD("of", W_OF | W_FUNC, 0),
    {NULL, 0, NULL, 0, 0, NULL}};
/* clang-format on */

/*
 * The currency tables below are filled from the rows of
 * filters/extract-amounts/currencies.def (scripts/def2c), which say what
 * each kind of row means.
 */
#include "extract-amounts/currencies.h"

static const struct lexdef lex_currencies[] = {
    CURRENCY_WORDS, {NULL, 0, NULL, 0, 0, NULL}};

static const struct code_row codes[] = {CURRENCY_CODES, {NULL, NULL, 0}};

/* Countries, their adjectives and some cities: which currency they use
 * ("place" rows). */
static const struct lexdef lex_places[] = {
    CURRENCY_PLACES, {NULL, 0, NULL, 0, 0, NULL}};

#define FLAG(w, f) WORD(w, f, 0)

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

/* The merged lexicon: its entries in the order they were added, and a
 * word table (lib/wordtab) whose value is an entry's index + 1. */
#define LEX_MAX 1024

static struct lex lex_pool[LEX_MAX];

static size_t lex_used;

static struct wordtab lex_words;

uint32_t trig_second[27][TRIG_LEN], trig_first[27][TRIG_LEN];

uint32_t adj_second[27][TRIG_LEN], adj_first[27][TRIG_LEN];

uint32_t unit_second[27][TRIG_LEN], unit_first[27][TRIG_LEN];

/* The first three letters (27: not a letter) of trigger words, a bit each. */
unsigned char trig_prefix[(27 * 27 * 27 + 7) / 8];

/* The same for every word that may follow a number as (part of) its unit. */
unsigned char unit_prefix[(27 * 27 * 27 + 7) / 8];

const struct symbol_row symbols[] = {CURRENCY_SYMBOLS, {NULL, NULL, 0}};

const struct letter_row letter_syms[] = {CURRENCY_LETTERS, {NULL, NULL, 0, 0}};

const struct dollar_row dollar_prefixes[] = {CURRENCY_DOLLARS, {NULL, NULL, 0}};

size_t symbol_len[64], letter_len[64];

unsigned char letter_sym_start[256]; /* first letters of letter_syms */

unsigned char symbol_start[256]; /* bytes that begin a symbol */

/* ---- the lexicon ---- */

unsigned char char_class[256];

/* A letter's place in the alphabet, either case; 26 for anything else. */
unsigned char letter_index[256];

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

int
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

static void
lex_add(const struct lexdef *d)
{
	size_t len = strlen(d->w);
	struct wordtab_slot *s = wordtab_add(&lex_words, d->w, len);
	struct lex *x;
	unsigned h;

	if (s == NULL)
		return;
	if (s->value == 0) {
		if (lex_used == LEX_MAX)
			return; /* a slot without an entry: never found */
		x = &lex_pool[lex_used++];
		memset(x, 0, sizeof(*x));
		memcpy(x->w, d->w, len);
		x->len = len;
		s->value = (uint32_t)lex_used;
	} else {
		x = &lex_pool[s->value - 1];
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

void
lex_init(void)
{
	static const struct lexdef *const tables[] = {
	    lex_numbers, lex_currencies, lex_places, lex_misc};
	size_t t, i;
	char lc[8];
	struct lexdef d;

	char_class_init();
	qualifier_init();
	wordtab_init(&lex_words, 12);
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

/* Free the word table. */
void
lex_free(void)
{
	wordtab_free(&lex_words);
}

/* The entry of the word p[0..len) in any case, or NULL. */
const struct lex *
lex_get(const char *p, size_t len)
{
	const struct wordtab_slot *s = wordtab_find(&lex_words, p, len);

	return s != NULL && s->value != 0 ? &lex_pool[s->value - 1] : NULL;
}

/* A code as written: capitals, or lower case where allowed. */
const char *
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

int
lc_eq(const char *p, size_t len, const char *w)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (w[i] == '\0' || lower((unsigned char)p[i]) != w[i])
			return 0;
	return w[len] == '\0';
}

size_t
skip_space_back(const struct scan *sc, size_t i, size_t lim)
{
	size_t k;

	while (i > lim && (k = space_before(sc, i)) != 0 && i - k >= lim)
		i -= k;
	return i;
}

/* The entry of the word before position i (across spaces), or NULL. */
const struct lex *
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
const struct lex *
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
size_t
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

void
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
