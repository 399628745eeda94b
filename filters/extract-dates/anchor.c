/*
 * anchor.c - what a relative date is read against: the dateline, and the
 * tense of the clause.
 *
 * A news article opens with a dateline, "WASHINGTON, March 10 (Reuters) -"
 * or "LONDON, Nov. 4, 2024 (AP) —": a place in capitals, a date, an
 * agency in parentheses or a dash.  Its day is the anchor of the document
 * (until the next document); without one the anchor is --ref.
 *
 * The tense decides a bare weekday: "said on Tuesday" is the last
 * Tuesday, "will meet on Thursday" the next.  The nearest tense word to
 * the left of the expression in its sentence decides, else the nearest to
 * the right: past verbs (said, was, told; any -ed word) or future words
 * (will, 'll, scheduled, due, plans).
 */
#include <string.h>

#include "dates.h"

/* The word s[b..e) is w (lower case), in any case. */
static int
word_spelt(const char *s, size_t b, size_t e, const char *w)
{
	size_t k;

	for (k = 0; b + k < e && w[k] != '\0'; k++)
		if ((s[b + k] | 0x20) != w[k])
			return 0;
	return b + k == e && w[k] == '\0';
}

/*
 * A future word at s[b..e): 1, but those that are as often nouns or past
 * participles only where they plan: "set" after a form of be or before
 * to or for ("the vote is set for Friday", "set to open"; not "the high
 * set Dec. 5", "set up a call on Friday"), "plan" and "plans" before to
 * ("plans to open on Monday"; not "approved the plan on Tuesday"); else 0.
 */
static int
set_ahead(const char *s, size_t n, size_t b, size_t e)
{
	size_t p = b;
	int to = e + 4 <= n && memcmp(s + e, " to ", 4) == 0;

	if (word_spelt(s, b, e, "plan") || word_spelt(s, b, e, "plans"))
		return to;
	if (!word_spelt(s, b, e, "set"))
		return 1;
	if (to || (e + 5 <= n && memcmp(s + e, " for ", 5) == 0))
		return 1;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	return (p >= 3 && memcmp(s + p - 3, " is", 3) == 0) ||
	    (p >= 4 &&
		(memcmp(s + p - 4, " are", 4) == 0 ||
		    memcmp(s + p - 4, " was", 4) == 0)) ||
	    (p >= 5 &&
		(memcmp(s + p - 5, " were", 5) == 0 ||
		    memcmp(s + p - 5, " been", 5) == 0)) ||
	    (p >= 3 && memcmp(s + p - 3, " be", 3) == 0);
}

/* The tense of the word s[b..e): -1, 1 or 0. */
static int
word_tense(const char *s, size_t n, size_t b, size_t e)
{
	size_t len = e - b;
	const struct lexword_all *a;

	/* I'll, they'll, we’ll: the 'll of future.words on its word */
	if (len >= 2 && (s[e - 1] | 0x20) == 'l' && (s[e - 2] | 0x20) == 'l' &&
	    ((len >= 4 && s[e - 3] == '\'') ||
		(len == 2 && b >= 3 && (unsigned char)s[b - 3] == 0xe2 &&
		    (unsigned char)s[b - 2] == 0x80 &&
		    (unsigned char)s[b - 1] == 0x99)))
		return 1;
	/* most words: no -ed, not in any list (one bit test) */
	if (!(len >= 4 && (s[e - 1] | 0x20) == 'd' &&
		(s[e - 2] | 0x20) == 'e') &&
	    !lex_maybe_word((const unsigned char *)s + b, len))
		return 0;

	/* one lookup for the three questions */
	a = lex_find(s + b, len);
	if (a != NULL && (a->mask & 1u << L_FUTURE))
		return set_ahead(s, n, b, e); /* will, planned, scheduled */
	if (!(a != NULL && (a->mask & 1u << L_PAST)) &&
	    !(len >= 4 && (s[e - 1] | 0x20) == 'd' &&
		(s[e - 2] | 0x20) == 'e' && a == NULL &&
		!(len == 4 && (s[b + 1] | 0x20) == 'e'))) /* need, seed */
		return 0;
	/* a participle after is, are, be, to: "is closed", "will be
	 * held", "to cut" are no past; nor is a verb after will ("will
	 * last from August to October") */
	if (b >= 4 && s[b - 1] == ' ' &&
	    ((s[b - 3] == 'i' && s[b - 2] == 's' && s[b - 4] == ' ') ||
		(b >= 5 && s[b - 5] == 'w' && s[b - 4] == 'i' &&
		    s[b - 3] == 'l' && s[b - 2] == 'l') ||
		(b >= 5 && s[b - 4] == 'a' && s[b - 3] == 'r' &&
		    s[b - 2] == 'e' && s[b - 5] == ' ') ||
		(s[b - 3] == 'b' && s[b - 2] == 'e' && s[b - 4] == ' ') ||
		(s[b - 3] == 't' && s[b - 2] == 'o' && s[b - 4] == ' ')))
		return 0;
	return -1;
}

/* A sentence ends at s[i] (". " before a capital, "!" or "?"). */
static int
sentence_end(const char *s, size_t n, size_t i)
{
	if (s[i] == '!' || s[i] == '?' || s[i] == ';')
		return 1;
	if (s[i] != '.')
		return 0;
	/* "Jan. 5", "U.S. officials", "a.m. Tuesday" do not end it */
	if (i >= 2 && s[i - 2] == '.')
		return 0;
	if (i + 2 < n && s[i + 1] == ' ' && s[i + 2] >= 'A' && s[i + 2] <= 'Z')
		return i < 4 || s[i - 4] == ' ' ? 0 : 1;
	return 0;
}

int
sentence_between(const char *s, size_t n, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b && i < n; i++)
		if (sentence_end(s, n, i))
			return 1;
	return 0;
}

/*
 * What a byte is to clause_tense(), in one load: CT_W part of a word (a
 * letter, or the apostrophe of "'ll"), CT_S a byte that may end a
 * sentence (sentence_end() decides), CT_O neither.
 */
enum { CT_O, CT_W, CT_S };
static const unsigned char tense_byte[256] = {
    /* 0x00 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0x10 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0x20 */ CT_O, CT_S, CT_O, CT_O, CT_O, CT_O, CT_O, CT_W, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_S, CT_O,
    /* 0x30 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_S, CT_O, CT_O, CT_O, CT_S,
    /* 0x40 */ CT_O, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W,
    CT_W, CT_W, CT_W, CT_W, CT_W,
    /* 0x50 */ CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0x60 */ CT_O, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W,
    CT_W, CT_W, CT_W, CT_W, CT_W,
    /* 0x70 */ CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W, CT_W,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0x80 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0x90 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0xa0 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0xb0 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0xc0 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0xd0 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0xe0 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O,
    /* 0xf0 */ CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O, CT_O,
    CT_O, CT_O, CT_O, CT_O, CT_O};

int
clause_tense(const char *s, size_t n, size_t beg, size_t end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, e, lim;
	int t;

	/* to the left, nearest first */
	lim = beg > 200 ? beg - 200 : 0;
	i = beg;
	while (i > lim) {
		if (tense_byte[u[i - 1]] == CT_S && sentence_end(s, n, i - 1))
			break;
		if (tense_byte[u[i - 1]] != CT_W) {
			i--;
			continue;
		}
		e = i;
		while (i > lim && tense_byte[u[i - 1]] == CT_W)
			i--;
		if ((t = word_tense(s, n, i, e)) != 0)
			return t;
	}
	/* to the right */
	lim = end + 200 < n ? end + 200 : n;
	i = end;
	while (i < lim) {
		if (tense_byte[u[i]] == CT_S && sentence_end(s, n, i))
			break;
		if (tense_byte[u[i]] != CT_W) {
			i++;
			continue;
		}
		e = i;
		while (e < lim && tense_byte[u[e]] == CT_W)
			e++;
		if ((t = word_tense(s, n, i, e)) != 0)
			return t;
		i = e;
	}
	return 0;
}

/*
 * A dateline: from the start of the line, words in capitals (a place,
 * with commas, periods, a state "Calif." or country), then a date of day
 * grain, then within a few tokens an agency in parentheses or a dash.
 */
int
find_dateline(const char *s, size_t n, const struct anchor *an, long *days,
    struct expr *e)
{
	struct window w;
	const struct tok *t;
	int i, k, upper = 0, agency = 0;

	/* a place in capitals first: WASHINGTON, NEW DELHI, KYIV */
	if (n < 2 || !(s[0] >= 'A' && s[0] <= 'Z') ||
	    !(s[1] >= 'A' && s[1] <= 'Z'))
		return 0;
	tokenize(&w, s, n < 160 ? n : 160, 0, 0);
	for (i = 0; i < w.nt && i < 14; i++) {
		tok_lookup(s, &w.t[i]);
		t = &w.t[i];
		if (t->type == T_WORD && (t->cls == L_MONTHS)) {
			break;
		}
		if (t->type == T_NUM && i + 1 < w.nt &&
		    w.t[i + 1].cls == L_MONTHS)
			break;
		if (t->type == T_WORD && (t->flags & TF_CAP)) {
			if (t->flags & TF_UPPER)
				upper = 1;
			continue;
		}
		if (t->type == T_PUNCT &&
		    (t->ch == ',' || t->ch == '.' || t->ch == '(' ||
			t->ch == '-' || t->ch == '\''))
			continue;
		return 0;
	}
	if (i == 0 || i >= w.nt || i >= 14)
		return 0;
	if (w.t[i - 1].type != T_PUNCT ||
	    (w.t[i - 1].ch != ',' && w.t[i - 1].ch != '('))
		return 0;
	w.head = i;
	if (!parse_at(&w, an, 0, e) || e->b.grain != G_NONE ||
	    e->a.grain != G_DAY || e->beg != w.t[i].beg)
		return 0;
	for (k = i; k < w.nt && w.t[k].end <= e->end; k++)
		continue;
	/* (Reuters) -, (AP) —, ) -, -- , : */
	for (; k < w.nt && k < i + 12; k++) {
		tok_lookup(s, &w.t[k]);
		t = &w.t[k];
		if (t->type == T_PUNCT && (t->ch == '-' || t->ch == ':'))
			break;
		/* "(IANS) The ...", "(PTI) The ...": no dash after */
		if (agency && t->type == T_PUNCT && t->ch == ')')
			break;
		if (t->type == T_WORD && t->cls == L_AGENCIES) {
			agency = 1; /* (dpa), (AFP) */
			continue;
		}
		if (t->type == T_PUNCT &&
		    (t->ch == '(' || t->ch == ')' || t->ch == ',' ||
			t->ch == '/'))
			continue;
		if (t->type == T_WORD && (t->flags & TF_CAP))
			continue;
		return 0;
	}
	if (k >= w.nt || k >= i + 12)
		return 0;
	if (!upper && !agency)
		return 0;
	*days = days_from_civil(e->a.y, e->a.m, e->a.d);
	return 1;
}
