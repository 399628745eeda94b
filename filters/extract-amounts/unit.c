/*
 * unit.c - what makes a number an amount: the unit on its right (unit
 * words, codes, "%", "percent", "basis points", postfix signs) and on its
 * left (currency symbols and prefixes: $, US$, C$, EUR, Rs, ...).
 *
 * unit_right() and unit_left() try their matchers in order and fill a
 * struct unit; finish_unit() resolves a group to one currency through
 * context.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-amounts.h"
#include "scan.h"

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
 * The unit after a number: the matchers below, tried in the order they
 * are written (unit_right() lists them).  Each sees the number's end i and the
 * first byte b of what follows (after spaces, or after a hyphen glued to the
 * number: "25-basis-point"); from word_gate() on, also the word [b, e) there,
 * and from lex_gate() on its lexicon entry x.  A matcher fills u and says
 * RIGHT_UNIT, says RIGHT_NONE when what follows is no unit at all (the
 * later matchers are not tried), or RIGHT_NEXT.
 */
struct right {
	struct scan *sc;
	const char *s;
	size_t n, i, b, e;
	int hyphen;          /* "25-": a hyphen between number and word */
	const struct lex *x; /* the word's entry (lex_gate() on) */
};

enum { RIGHT_NEXT, RIGHT_UNIT, RIGHT_NONE };

/* "4.5%", "4.5 ％" (fullwidth); not "5%ers" */
static int
right_percent_sign(struct right *r, struct unit *u)
{
	const char *s = r->s;
	size_t b = r->b, n = r->n, e;

	if (r->hyphen ||
	    !(s[b] == '%' ||
		(b + 2 < n && memcmp(s + b, "\xef\xbc\x85", 3) == 0)))
		return RIGHT_NEXT;
	e = b + (s[b] == '%' ? 1 : 3);
	if (e < n &&
	    (is_alpha((unsigned char)s[e]) || is_digit((unsigned char)s[e])))
		return RIGHT_NONE;
	u->kind = K_PERCENT;
	u->code = "%";
	u->end = e;
	return RIGHT_UNIT;
}

/* "99¢" */
static int
right_cent_sign(struct right *r, struct unit *u)
{
	if (r->hyphen || r->b + 1 >= r->n ||
	    memcmp(r->s + r->b, "\xc2\xa2", 2) != 0)
		return RIGHT_NEXT;
	u->kind = K_MONEY;
	u->grp = G_CENT;
	u->exp = -2;
	u->minor = u->symbol = 1;
	u->end = r->b + 2;
	return RIGHT_UNIT;
}

/* Symbols: "10$", "20 €", "100元", "20 €ur"; not a "$" that starts the
 * next amount ("1 $10", "5 $ 20 dollars"). */
static int
right_symbol(struct right *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	size_t b = r->b, n = r->n, e, l;
	const struct lex *x;
	int k;

	if (r->hyphen || !symbol_start[(unsigned char)s[b]] ||
	    (k = symbol_at(sc, b, &l)) < 0)
		return RIGHT_NEXT;
	e = b + l;
	if (e < n && is_digit((unsigned char)s[e]))
		return RIGHT_NONE;
	if (e < n && is_alpha((unsigned char)s[e])) {
		if (e + 1 < n && s[e] == 'u' && s[e + 1] == 'r' &&
		    strcmp(symbols[k].sym, "\xe2\x82\xac") == 0)
			e += 2; /* 20 €ur */
		else
			return RIGHT_NONE;
	}
	if (space_at(sc, e)) {
		size_t q = skip_space(sc, e), t;

		if (q < n && is_digit((unsigned char)s[q])) {
			t = q;
			while (t < n &&
			    (is_digit((unsigned char)s[t]) || s[t] == '.' ||
				s[t] == ','))
				t++;
			x = word_after(sc, t, NULL, NULL);
			if (x != NULL && (x->f & W_CUR))
				return RIGHT_NONE;
		}
	}
	u->kind = K_MONEY;
	u->code = symbols[k].code;
	u->grp = symbols[k].grp;
	u->symbol = 1;
	u->sym = symbols[k].sym;
	u->end = e;
	return RIGHT_UNIT;
}

/* What follows must start a unit word (the prefix filter of lexicon.c)
 * and be a word: from here on, the matchers see it as [b, e). */
static int
right_word_gate(struct right *r, struct unit *u)
{
	(void)u;
	if (r->b + 2 < r->n && is_alpha((unsigned char)r->s[r->b]) &&
	    !prefix_in(unit_prefix, (const unsigned char *)r->s + r->b))
		return RIGHT_NONE;
	r->e = word_end(r->sc, r->b);
	return r->e == r->b ? RIGHT_NONE : RIGHT_NEXT;
}

/* Letters then "$": "3.14US$" */
static int
right_dollar_letters(struct right *r, struct unit *u)
{
	const char *s = r->s;
	size_t b = r->b, e = r->e;
	int k;

	if (r->hyphen || e >= r->n || s[e] != '$')
		return RIGHT_NEXT;
	for (k = 0; dollar_prefixes[k].pre != NULL; k++)
		if (lc_eq(s + b, e - b, dollar_prefixes[k].pre)) {
			u->kind = K_MONEY;
			u->code = dollar_prefixes[k].code;
			u->symbol = 1;
			u->end = e + 1;
			return RIGHT_UNIT;
		}
	return RIGHT_NEXT;
}

/* "USD50": the word is the next amount's prefix */
static int
right_next_prefix(struct right *r, struct unit *u)
{
	(void)u;
	return r->e < r->n && is_digit((unsigned char)r->s[r->e]) ? RIGHT_NONE
								  : RIGHT_NEXT;
}

/* Letter signs after the number: "45 kr", "20Rs", "100 zł"; not "5 kr.x" */
static int
right_letter_sign(struct right *r, struct unit *u)
{
	const char *s = r->s;
	size_t b = r->b, e = r->e, n = r->n;
	int k;

	if (r->hyphen || e - b > 4 || !letter_sym_start[(unsigned char)s[b]])
		return RIGHT_NEXT;
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
			return RIGHT_UNIT;
		}
	return RIGHT_NEXT;
}

/* Codes: "5 USD", "115usd", "30 MUSD" (millions) */
static int
right_code(struct right *r, struct unit *u)
{
	const char *code;

	if (r->hyphen || (code = code_get(r->s + r->b, r->e - r->b, 1)) == NULL)
		return RIGHT_NEXT;
	u->kind = K_MONEY;
	u->code = code;
	u->exp = r->e - r->b == 4 ? 6 : 0;
	u->end = r->e;
	return RIGHT_UNIT;
}

/* Minor units glued to the number: "20p", "43c" */
static int
right_attached_minor(struct right *r, struct unit *u)
{
	char c = r->s[r->b];

	if (r->hyphen || r->b != r->i || r->e - r->b != 1 ||
	    (c != 'p' && c != 'c'))
		return RIGHT_NEXT;
	u->sym = c == 'p' ? "p" : "c";
	u->kind = K_MONEY;
	u->code = c == 'p' ? "GBP" : NULL;
	u->grp = c == 'p' ? 0 : G_CENT;
	u->exp = -2;
	u->minor = 1;
	u->end = r->e;
	return RIGHT_UNIT;
}

/* "43 c" apart; not "5 c.f." */
static int
right_spaced_cent(struct right *r, struct unit *u)
{
	const char *s = r->s;
	size_t e = r->e, n = r->n;

	if (r->hyphen || r->b <= r->i || e - r->b != 1 || s[r->b] != 'c' ||
	    !(e == n ||
		!(s[e] == '.' && e + 1 < n &&
		    is_alpha((unsigned char)s[e + 1]))))
		return RIGHT_NEXT;
	u->kind = K_MONEY;
	u->grp = G_CENT;
	u->exp = -2;
	u->minor = 1;
	u->end = e;
	return RIGHT_UNIT;
}

/* The word must look like a unit word of the lexicon (its prefilter);
 * from here on, the matchers see its entry x (NULL: none). */
static int
right_lex_gate(struct right *r, struct unit *u)
{
	(void)u;
	if (r->e - r->b >= TRIG_LEN ||
	    !maybe_in(unit_second, unit_first,
		(const unsigned char *)r->s + r->b, r->e - r->b))
		return RIGHT_NONE;
	r->x = lex_get(r->s + r->b, r->e - r->b);
	return RIGHT_NEXT;
}

/* Percent words: "5 percent", "5 per cent", "25 basis points",
 * "25-basis-point", "3 percentage points" */
static int
right_percent_word(struct right *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	size_t b = r->b, e = r->e, n = r->n, ws, we;

	if (r->x == NULL || !(r->x->f & W_PCT))
		return RIGHT_NEXT;
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
			return RIGHT_NONE;
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
			return RIGHT_NONE;
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
		u->code = r->x->code;
	}
	u->end = e;
	return RIGHT_UNIT;
}

/* Currency words, after adjectives: "5 dollars", "5 Hong Kong dollars",
 * "50 euro cents", "20 pounds sterling"; not "a 20-pound turkey", nor
 * "200 marks" without "German" */
static int
right_currency_word(struct right *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	const struct lex *x = r->x, *y;
	const char *adj = NULL;
	size_t b = r->b, e = r->e, ws, we;

	if (x == NULL || !(x->f & (W_CUR | W_MINOR))) {
		b = adjectives(sc, b, &adj);
		e = word_end(sc, b);
		if (adj == NULL || e == b)
			return RIGHT_NONE;
		x = lex_get(s + b, e - b);
		if (x == NULL || !(x->f & (W_CUR | W_MINOR)))
			return RIGHT_NONE;
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
	if (r->hyphen && u->grp == G_POUND)
		return RIGHT_NONE; /* a 20-pound turkey */
	if (u->needadj && u->code != NULL &&
	    (adj == NULL || strcmp(adj, u->code) != 0))
		return RIGHT_NONE; /* marks without "German" */
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
	return RIGHT_UNIT;
}

/*
 * The unit after a number (and its scale) at i: %, percent words, a
 * currency symbol, code or word (with adjectives), a minor unit.  Fills u
 * and returns 1, or returns 0.
 */
int
unit_right(struct scan *sc, size_t i, struct unit *u)
{
	struct right r;
	int v;

	memset(u, 0, sizeof(*u));
	r.sc = sc;
	r.s = sc->s;
	r.n = sc->n;
	r.i = i;
	r.b = skip_space(sc, i);
	r.e = r.b;
	r.x = NULL;
	r.hyphen = 0;
	u->beg = r.b;
	if (r.b == i && r.b < r.n && r.s[r.b] == '-') {
		r.hyphen = 1;
		r.b++;
	}
	if (r.b >= r.n)
		return 0;
	/* The matchers in order, up to the first that decides (a list the
	 * compiler can inline, which a table of pointers is not). */
	if ((v = right_percent_sign(&r, u)) == RIGHT_NEXT &&
	    (v = right_cent_sign(&r, u)) == RIGHT_NEXT &&
	    (v = right_symbol(&r, u)) == RIGHT_NEXT &&
	    (v = right_word_gate(&r, u)) == RIGHT_NEXT &&
	    (v = right_dollar_letters(&r, u)) == RIGHT_NEXT &&
	    (v = right_next_prefix(&r, u)) == RIGHT_NEXT &&
	    (v = right_letter_sign(&r, u)) == RIGHT_NEXT &&
	    (v = right_code(&r, u)) == RIGHT_NEXT &&
	    (v = right_attached_minor(&r, u)) == RIGHT_NEXT &&
	    (v = right_spaced_cent(&r, u)) == RIGHT_NEXT &&
	    (v = right_lex_gate(&r, u)) == RIGHT_NEXT &&
	    (v = right_percent_word(&r, u)) == RIGHT_NEXT)
		v = right_currency_word(&r, u);
	return v == RIGHT_UNIT;
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

/*
 * The unit before a number: the matchers below, tried in the order
 * unit_left() lists them.  Each sees b, where the number starts (or,
 * after one space, where that space starts: spaced), and from
 * left_letters_gate() on the run of letters [ws, b) before it.  Return
 * values as for the matchers after a number.
 */
struct left {
	struct scan *sc;
	const char *s;
	size_t b, ws;
	int spaced;
};

/* "$5", "US$5", "C$ 5", "U.S.$5", "us $5"; "$TSLA"-like letters glued to
 * "$" make no unit */
static int
left_dollar(struct left *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	size_t b = r->b, d = b - 1, wb;

	if (s[d] != '$')
		return RIGHT_NEXT;
	wb = word_start(sc, d, sc->floor);
	u->kind = K_MONEY;
	u->symbol = 1;
	u->sym = "$";
	u->grp = G_DOLLAR;
	u->beg = d;
	u->end = b;
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
			return RIGHT_UNIT;
		}
		return RIGHT_NONE; /* $TSLA-like: letters glued to $ */
	}
	if (space_before(sc, d) == 1 && d >= 2) {
		size_t we2 = d - 1, wb2 = we2;
		const char *c;

		while (wb2 > sc->floor &&
		    (is_alpha((unsigned char)s[wb2 - 1]) || s[wb2 - 1] == '.'))
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
	return RIGHT_UNIT;
}

/* Other symbols: "€5", "£ 5", "E£5" (the Egyptian pound), "GH₵5": one
 * of up to 6 bytes ending at b */
static int
left_symbol(struct left *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	size_t b = r->b, l, len;
	int k;

	for (l = 1;
	     (unsigned char)s[b - 1] >= 0x80 && l <= 6 && l <= b - sc->floor;
	     l++) {
		if (!symbol_start[(unsigned char)s[b - l]])
			continue;
		if ((k = symbol_at(sc, b - l, &len)) < 0 || len != l)
			continue;
		u->kind = K_MONEY;
		u->symbol = 1;
		u->sym = symbols[k].sym;
		u->code = symbols[k].code;
		u->grp = symbols[k].grp;
		u->beg = b - l;
		u->end = b;
		if (l == 2 && memcmp(symbols[k].sym, "\xc2\xa3", 2) == 0 &&
		    u->beg > sc->floor && s[u->beg - 1] == 'E' &&
		    (u->beg < 2 || !is_alpha((unsigned char)s[u->beg - 2]))) {
			u->code = "EGP";
			u->beg--;
		}
		return RIGHT_UNIT;
	}
	return RIGHT_NEXT;
}

/* Letters must end at b ("Rs", "RM", "kr", "USD", "MAUD", "dollar", at
 * most 9 of them, dots between: "Rs."), with no digit or "$" before them;
 * from here on, the matchers see them as [ws, b). */
static int
left_letters_gate(struct left *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	size_t b = r->b, ws = b;

	(void)u;
	if (!is_alpha((unsigned char)s[b - 1]) && s[b - 1] != '.')
		return RIGHT_NONE;
	while (ws > sc->floor && b - ws <= 9 &&
	    (is_alpha((unsigned char)s[ws - 1]) ||
		(s[ws - 1] == '.' && ws - 1 > sc->floor &&
		    is_alpha((unsigned char)s[ws - 2]))))
		ws--;
	if (b - ws > 9)
		return RIGHT_NONE; /* longer than any sign, code or word */
	if (ws > 0 && (is_digit((unsigned char)s[ws - 1]) || s[ws - 1] == '$'))
		return RIGHT_NONE;
	r->ws = ws;
	return RIGHT_NEXT;
}

/* Letter signs before the number: "Rs 500", "RM5", "kr 45"; "R" and "N"
 * only attached ("R5", not "R 5") */
static int
left_letter_sign(struct left *r, struct unit *u)
{
	const char *s = r->s;
	size_t b = r->b, ws = r->ws;
	int k;

	for (k = 0; b - ws <= 4 && letter_sym_start[(unsigned char)s[ws]] &&
	     letter_syms[k].sym != NULL;
	     k++)
		if ((letter_syms[k].where & SYM_PRE) &&
		    letter_len[k] == b - ws &&
		    memcmp(letter_syms[k].sym, s + ws, b - ws) == 0) {
			if (r->spaced && letter_len[k] == 1)
				return RIGHT_NONE; /* R and N only attached */
			u->kind = K_MONEY;
			u->symbol = 1;
			u->sym = letter_syms[k].sym;
			u->code = letter_syms[k].code;
			u->grp = letter_syms[k].grp;
			u->beg = ws;
			u->end = b;
			return RIGHT_UNIT;
		}
	/* past a sign, a final dot ends a sentence or an abbreviation */
	return r->s[b - 1] == '.' ? RIGHT_NONE : RIGHT_NEXT;
}

/* Codes: "USD 5", "EUR5", "MUSD 30" (millions) */
static int
left_code(struct left *r, struct unit *u)
{
	if ((u->code = code_get(r->s + r->ws, r->b - r->ws, 1)) == NULL)
		return RIGHT_NEXT;
	u->kind = K_MONEY;
	u->exp = r->b - r->ws == 4 ? 6 : 0;
	u->beg = r->ws;
	u->end = r->b;
	return RIGHT_UNIT;
}

/* Currency words before the number: "dollar 22.5 million", "malaysian
 * ringgit 42", "yuan 5": spaced, and not after "the" */
static int
left_currency_word(struct left *r, struct unit *u)
{
	struct scan *sc = r->sc;
	const char *s = r->s;
	size_t b = r->b, ws = r->ws, as;
	const struct lex *x, *d;

	if (!r->spaced ||
	    !((s[ws] == 'd' && (b - ws == 6 || b - ws == 7)) ||
		(s[ws] == 'r' && (b - ws == 7 || b - ws == 8)) ||
		(s[ws] == 'y' && b - ws == 4)))
		return RIGHT_NONE;
	x = lex_get(s + ws, b - ws);
	if (x == NULL || !(x->f & W_PREFIX))
		return RIGHT_NONE;
	u->kind = K_MONEY;
	u->word = 1;
	u->code = x->code;
	u->grp = x->grp;
	u->beg = ws;
	u->end = b;
	d = word_before(sc, ws, sc->floor, &as);
	if (d != NULL && (d->f & W_ADJ) && d->adj != NULL) {
		u->adj = d->adj;
		u->beg = as;
		d = word_before(sc, as, sc->floor, NULL);
	}
	if (d != NULL && (d->f & W_DET))
		return RIGHT_NONE;
	return RIGHT_UNIT;
}

/*
 * The unit before a number at i: "$", a symbol, a letter sign, a code, a
 * currency word.  Fills u and returns 1, or returns 0.
 */
int
unit_left(struct scan *sc, size_t i, struct unit *u)
{
	struct left r;
	size_t l;
	int v;

	memset(u, 0, sizeof(*u));
	r.sc = sc;
	r.s = sc->s;
	r.b = i;
	r.ws = i;
	r.spaced = 0;
	if ((l = space_before(sc, r.b)) != 0 && r.b - l >= sc->floor) {
		r.b -= l;
		r.spaced = 1;
	}
	if (r.b <= sc->floor)
		return 0;
	/* The matchers in order, up to the first that decides. */
	if ((v = left_dollar(&r, u)) == RIGHT_NEXT &&
	    (v = left_symbol(&r, u)) == RIGHT_NEXT &&
	    (v = left_letters_gate(&r, u)) == RIGHT_NEXT &&
	    (v = left_letter_sign(&r, u)) == RIGHT_NEXT &&
	    (v = left_code(&r, u)) == RIGHT_NEXT)
		v = left_currency_word(&r, u);
	return v == RIGHT_UNIT;
}

int
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

/* Resolve the unit of a; 0 when no currency fits. */
int
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
