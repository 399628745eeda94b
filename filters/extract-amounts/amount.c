/*
 * amount.c - the scanner: where amounts start, and each amount whole.
 *
 * scan_line() walks a line once, a block of bytes at a time, and stops
 * only at digits and at words that may be units (the trigger prefilter of
 * lexicon.c).  At a number, parse_core() reads it with its scale and unit
 * (number.c, unit.c); range_right() reads "to $6 billion", cents_tail()
 * "and 50 cents", sign_left() a minus, qualifier() "about", "more than".
 * try_words() reads amounts in words ("two billion dollars", "half a
 * million"), percent_of() "percent of".  finish_and_emit() hands each
 * amount to emit.c.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "extract-amounts.h"
#include "scan.h"

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

void
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

double
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

/* ---- the scanner ---- */

/* The largest power of ten a value may carry either way (a value is m *
 * 10^e, m of at most 18 digits): past it, a run of digits is no amount. */
#define VALUE_EXP_MAX 40

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
void
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

void
scan_line(struct scan *sc, const struct sink *k)
{
	scan_bytes(sc, 0, k);
}

#endif
