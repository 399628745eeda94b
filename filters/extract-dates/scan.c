/*
 * scan.c - where date expressions may start, and the tokens around them.
 *
 * next_candidate() walks a line looking only for digits and for words
 * whose first three letters can begin a trigger word (a month, weekday,
 * unit, part of day, season, holiday or a day like "today"): one bit test
 * a word, so most of a news line is passed over without a lookup.
 * tokenize() then cuts a small window of the line into tokens for the
 * parser: numbers (with "1st", "1990s", "2,024" folded in), words (with a
 * month's abbreviation dot, "a.m.", and "Q3", "FY2025" as tags),
 * punctuation (every dash is '-').
 */
#include <string.h>

#include "dates.h"
#include "scan.h"

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

size_t
next_candidate(const char *str, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t e;

	while (i < n) {
		unsigned c = s[i];

		if (is_digit((int)c))
			return i;
		if (is_alpha((int)c)) {
			for (e = i + 1; e < n && is_alpha(s[e]); e++)
				continue;
			if ((i == 0 || !is_alpha(s[i - 1])) &&
			    (lex_maybe_trigger(s + i, e - i) ||
				(e - i == 2 && (s[i + 1] | 0x20) == 'm' &&
				    ((s[i] | 0x20) == 'a' ||
					(s[i] | 0x20) == 'p')) ||
				(e - i == 1 && (s[i] | 0x20) == 'o' && e < n &&
				    s[e] == '\'') ||
				(e - i == 1 && e + 1 < n && s[e] == '.' &&
				    (s[e + 1] | 0x20) == 'm' &&
				    ((s[i] | 0x20) == 'a' ||
					(s[i] | 0x20) == 'p'))))
				return i; /* and am, pm, a.m., o'clock */
			i = e;
			continue;
		}
		i++;
	}
	return n;
}

/* The right single quote (’) at s[i]. */
static int
is_rsquo(const unsigned char *s, size_t n, size_t i)
{
	return i + 2 < n + 0 && s[i] == 0xe2 && s[i + 1] == 0x80 &&
	    s[i + 2] == 0x99;
}

/* Length of an apostrophe at i: 1 ('), 3 (’) or 0. */
static size_t
apostrophe(const unsigned char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '\'')
		return 1;
	if (i + 2 < n && is_rsquo(s, n, i))
		return 3;
	return 0;
}

/* The class mask and modifier value of a looked-up word. */
static void
tok_classes(struct tok *t)
{
	int k;

	t->cmask = t->lex->mask;
	for (k = 0; k < t->lex->n; k++)
		if (t->lex->e[k].cls == L_MODIFIERS)
			t->mod = (uint8_t)t->lex->e[k].val;
}

static void
word_token(struct tok *t, const unsigned char *s, size_t n, size_t i,
    size_t *next)
{
	size_t e, a, klen;
	char key[16];
	const struct lexent *le;

	unsigned c;

	e = i + 1;
#if defined(SCAN_SWAR)
	/* eight letters at a time: most words end within the first word */
	while (e + 8 <= n) {
		uint64_t m = ~swar_letters(swar_load(s + e)) & SWAR_HIGH;

		if (m != 0) {
			e += swar_first(m);
			break;
		}
		e += 8;
	}
#endif
	while (e < n && (unsigned)((s[e] | 0x20) - 'a') < 26u)
		e++;
	t->type = T_WORD;
	if (s[i] < 'a')
		t->flags |= TF_CAP;
	if (e - i > 1 && s[i + 1] < 'a')
		t->flags |= TF_UPPER; /* AM, WASHINGTON: two capitals */
	/* the common case: a plain word, space or punctuation after it */
	c = e < n ? s[e] : ' ';
	klen = e - i;
	if (c != '.' && c != '\'' && c != 0xe2 && !is_digit((int)c) &&
	    klen < sizeof(key)) {
		t->ndig = (uint8_t)klen;
		if (lex_maybe_trigger(s + i, klen)) {
			t->lazy = 1;
			tok_lookup((const char *)s, t);
		} else {
			t->lazy = lex_maybe_word(s + i, klen);
		}
		t->ndig = (uint8_t)klen;
		t->end = e;
		*next = e;
		return;
	}
	/* "a.m.", "p.m." */
	if (e == i + 1 && (lower(s[i]) == 'a' || lower(s[i]) == 'p') &&
	    e + 1 < n && s[e] == '.' && lower(s[e + 1]) == 'm' &&
	    (e + 2 == n || !is_alpha(s[e + 2]))) {
		t->cls = L_MODIFIERS;
		t->val = lower(s[i]) == 'a' ? M_AM : M_PM;
		t->mod = (uint8_t)t->val;
		t->cmask = 1u << L_MODIFIERS;
		e += 2;
		if (e < n && s[e] == '.')
			e++;
		t->end = e;
		t->ndig = 2;
		*next = e;
		return;
	}
	/* "Q3", "H1", "FY2025", "CY2020" */
	if (e - i <= 2 && e < n && is_digit(s[e])) {
		size_t d;
		long v = 0;

		for (d = e; d < n && is_digit(s[d]) && d - e < 5; d++)
			v = v * 10 + (s[d] - '0');
		if (d == n || !(is_alpha(s[d]) || is_digit(s[d]))) {
			t->type = T_TAG;
			t->tag[0] = (char)lower(s[i]);
			t->tag[1] = e - i > 1 ? (char)lower(s[i + 1]) : '\0';
			t->tag[2] = '\0';
			t->val = (int32_t)v;
			t->ndig = (uint8_t)(d - e);
			t->end = d;
			*next = d;
			return;
		}
	}
	/* o'clock; a possessive 's */
	klen = e - i;
	if ((a = apostrophe(s, n, e)) != 0 && e + a < n && is_alpha(s[e + a])) {
		size_t f;

		for (f = e + a; f < n && is_alpha(s[f]); f++)
			continue;
		if (f - (e + a) == 1 && lower(s[e + a]) == 's') {
			t->flags |= TF_POSS;
			e = f;
		} else if (klen == 1 && lower(s[i]) == 'o') {
			klen = 0; /* o'clock: look up below */
			e = f;
		}
	}
	if (klen == 0) {
		t->cls = L_MODIFIERS;
		t->val = M_OCLOCK;
		t->mod = M_OCLOCK;
		t->cmask = 1u << L_MODIFIERS;
	} else if (klen < sizeof(key) && !lex_maybe_trigger(s + i, klen)) {
		/* no head: looked up only if the parser asks (most words
		 * of a line never are) */
		t->lazy = lex_maybe_word(s + i, klen);
	} else if (klen < sizeof(key)) {
		memcpy(key, s + i, klen);
		t->lex = lex_find(key, klen);
		if (t->lex != NULL && (le = &t->lex->e[0]) != NULL) {
			t->cls = le->cls;
			t->val = le->val;
			tok_classes(t);
			/* Jan., Tues., Sept. */
			if ((le->cls == L_MONTHS || le->cls == L_WEEKDAYS) &&
			    klen <= 5 && e == i + klen && e < n &&
			    s[e] == '.') {
				t->flags |= TF_DOT;
				e++;
			}
		}
	}
	t->ndig = (uint8_t)(klen > 255 ? 255 : klen);
	t->end = e;
	*next = e;
}

void
tok_lookup(const char *s, struct tok *t)
{
	if (!t->lazy)
		return;
	t->lazy = 0;
	t->lex = lex_find(s + t->beg, t->ndig);
	if (t->lex != NULL) {
		t->cls = t->lex->e[0].cls;
		t->val = t->lex->e[0].val;
		tok_classes(t);
	}
}

static void
number_token(struct tok *t, const unsigned char *s, size_t n, size_t i,
    size_t *next)
{
	size_t e;
	long v = 0;

	t->type = T_NUM;
	for (e = i; e < n && is_digit(s[e]); e++)
		if (v < 100000000)
			v = v * 10 + (s[e] - '0');
	t->ndig = (uint8_t)(e - i > 255 ? 255 : e - i);
	/* 2,024 and 1,000,000: a count, never a date */
	while (e + 3 < n + 0 && s[e] == ',' && is_digit(s[e + 1]) &&
	    is_digit(s[e + 2]) && is_digit(s[e + 3]) &&
	    (e + 4 == n || !is_digit(s[e + 4])) && e - i <= 3) {
		t->flags |= TF_COMMA;
		e += 4;
		while (e + 3 < n && s[e] == ',' && is_digit(s[e + 1]) &&
		    is_digit(s[e + 2]) && is_digit(s[e + 3]))
			e += 4;
		v = 99999999;
	}
	if (e + 1 < n && is_alpha(s[e])) {
		int a = lower(s[e]), b = lower(s[e + 1]);
		int after = e + 2 < n ? s[e + 2] : ' ';

		if (!is_alpha(after) &&
		    ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
			(a == 'r' && b == 'd') || (a == 't' && b == 'h'))) {
			t->flags |= TF_ORD;
			e += 2;
		}
	}
	if (e < n && lower(s[e]) == 's' && (e + 1 == n || !is_alpha(s[e + 1])) &&
	    t->ndig >= 2) {
		t->flags |= TF_S;
		e++;
	} else if (t->ndig >= 2 && apostrophe(s, n, e) &&
	    e + apostrophe(s, n, e) < n && s[e + apostrophe(s, n, e)] == 's' &&
	    (e + apostrophe(s, n, e) + 1 == n ||
		!is_alpha(s[e + apostrophe(s, n, e) + 1]))) {
		t->flags |= TF_S; /* 1990's */
		e += apostrophe(s, n, e) + 1;
	}
	t->val = (int32_t)v;
	t->end = e;
	*next = e;
}

/* Append tokens from w->pos until the window is full or the line ends. */
static void
fill(struct window *w)
{
	const unsigned char *s = (const unsigned char *)w->s;
	size_t n = w->n, i = w->pos, next;
	int sp = w->sp;

	while (i < n && w->nt < WIN_TOKS) {
		unsigned c = s[i];
		struct tok *t;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v') {
			sp = 1;
			i++;
			continue;
		}
		if (c == 0xc2 && i + 1 < n && s[i + 1] == 0xa0) {
			sp = 1; /* no-break space */
			i += 2;
			continue;
		}
		t = &w->t[w->nt];
		*t = (struct tok){0};
		t->beg = i;
		if (sp)
			t->flags |= TF_SP;
		sp = 0;
		if (is_digit((int)c)) {
			number_token(t, s, n, i, &next);
			t->trig = 1;
		} else if (is_alpha((int)c)) {
			word_token(t, s, n, i, &next);
			/* am, pm, o'clock: heads of "three am", "seven
			 * o'clock", where the number is a word */
			if (t->ndig == 2 && t->lazy &&
			    (s[i + 1] | 0x20) == 'm' &&
			    ((s[i] | 0x20) == 'a' || (s[i] | 0x20) == 'p'))
				tok_lookup(w->s, t);
			if (t->mod == M_AM || t->mod == M_PM ||
			    t->mod == M_OCLOCK) {
				t->trig = 1;
			} else if (t->type == T_TAG) {
				t->trig = 1;
			} else if (t->lex != NULL) {
				int k;

				for (k = 0; k < t->lex->n; k++)
					t->trig |= t->lex->e[k].trigger;
			}
		} else {
			t->type = T_PUNCT;
			next = i + 1;
			if (c < 0x80) {
				t->ch = (char)c;
			} else if (c == 0xe2 && i + 2 < n && s[i + 1] == 0x80 &&
			    s[i + 2] >= 0x90 && s[i + 2] <= 0x95) {
				t->ch = '-'; /* hyphens and dashes */
				next = i + 3;
			} else if (is_rsquo(s, n, i)) {
				t->ch = '\'';
				next = i + 3;
			} else {
				t->ch = '?';
				while (next < n && (s[next] & 0xc0) == 0x80)
					next++;
			}
			t->end = next;
		}
		w->nt++;
		i = next;
	}
	w->pos = i;
	w->sp = sp;
}

void
tokenize(struct window *w, const char *str, size_t n, size_t from, size_t at)
{
	int k;

	w->s = str;
	w->n = n;
	w->nt = 0;
	w->pos = from;
	w->sp = 0;
	w->head = -1;
	fill(w);
	for (k = 0; k < w->nt; k++)
		if (w->t[k].end > at) {
			w->head = k;
			break;
		}
}

int
window_slide(struct window *w, int keep)
{
	if (keep <= 0)
		return 0;
	if (keep > w->nt)
		keep = w->nt;
	memmove(w->t, w->t + keep, (size_t)(w->nt - keep) * sizeof(w->t[0]));
	w->nt -= keep;
	fill(w);
	return keep;
}
