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
 * The unit after a number (and its scale) at i: %, percent words, a
 * currency symbol, code or word (with adjectives), a minor unit.  Fills u
 * and returns 1, or returns 0.
 */
int
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
int
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
