/*
 * number.c - numbers as written: digits with their separators (1,250,000
 * 1,20,000 4.35 1.299,00 320.000), fractions without a zero (.5), scale
 * words and abbreviations (million, bn, lakh, k), small number words.
 *
 * A number is kept exactly as m * 10^e (m of at most 18 digits); a
 * number that would lose a digit, or is written in scientific notation,
 * is no number here.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-amounts.h"
#include "scan.h"

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

size_t
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
int
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
double
pow10i(int k)
{
	double v = 1;

	while (k-- > 0)
		v *= 10;
	return v;
}

/* The value of m * 10^e, correctly rounded. */
double
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
size_t
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

/* The value of one to three number words below 100 at i: "forty-five". */
int
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
