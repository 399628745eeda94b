/*
 * parse.c - the grammar of date expressions, and their resolution.
 *
 * parse_at() is called with a window of tokens and its head, a trigger
 * (a digit, a month, a weekday, a unit word ...).  It backs up over the
 * words that can open an expression ("from", "between", "since", "the",
 * "last", "early", "mid-", "two" of "two days ago") and reads from each
 * start in turn, leftmost first, the first reading that covers the head
 * wins.  A reading is
 *
 *	[signal] [early|mid|late|the end of] main [range-end]
 *
 * where main is a point ("Tuesday, March 10, 2025 at 5 p.m."), a unit
 * relative to the anchor ("last week", "two days ago", "in three
 * months", "earlier this year"), a quarter, half, fiscal year, decade,
 * season or holiday; a range end ("-5", "to April 2", "and 2022") makes
 * one interval.  Values are resolved at once against the anchor.
 */
#include <string.h>

#include "dates.h"
#include "holidays.h"

/* A reader of a rare shape, kept out of line: inlined, it takes from the
 * unit's growth budget that the common paths (opener(), tk()) need. */
#define RARE __attribute__((noinline, cold))
/* ... and one of the common paths, called at every word before a head */
#define HOT inline __attribute__((always_inline))

struct ctx {
	struct window *w;
	struct tok *t; /* w->t and w->nt, which tk() reads at every call: */
	int nt;        /* one load each, where through w two */
	const struct anchor *an;
	size_t floor;
	int used;  /* the anchor was needed */
	int xyear; /* only for the year */
	int tense; /* -1, 0, 1; 2 = not yet computed */
	int head;
	int wd;
	int part;  /* after early, late, the end of ... */
	int since; /* after since: the past */
	int lead;  /* the sign before the reading is in its span: "+15
		    * minutes" */
};

/* A point as written, before resolution. */
struct point {
	int y, m, d, wd;
	int yy2;
	int hh, mm, ss;
	int pod;
	int reld, hasreld; /* today 0, tomorrow 1 ... */
	int hasdate, hastime;
	int ampm;     /* the clock had a.m./p.m. */
	int lastday;  /* "the following day": from the last day */
	int dayonly;  /* "on the 15th": a day of the anchor's month */
	int weekof;   /* "Tuesday of next week": 10 + the week's shift */
	int midnight; /* the clock is the word midnight */
};

static int unit_at(const struct ctx *c, int i, int *plural);
struct reading;
static int relative_at(struct ctx *c, int i, struct reading *r);
static int clock_at(const struct ctx *c, int i, struct point *p, int context);
static int main_at(struct ctx *c, int i, struct reading *r, struct point *pt);
RARE static int hours_before_day(struct ctx *c, int i, struct reading *r);
static int number_words(const struct ctx *c, int i, int *end);
static int tv_valid(const struct tv *v);
static int invalid_day(const struct tv *v);
static int in_count(const struct ctx *c, int i);

/* Token i as cut, its word not looked up: for the tests of its type,
 * punctuation and spacing, which need no lookup. */
static inline const struct tok *
tk_raw(const struct ctx *c, int i)
{
	static const struct tok none;

	/* i < 0 or i >= nt in one test (nt >= 0) */
	return (unsigned)i >= (unsigned)c->nt ? &none : &c->t[i];
}

static inline const struct tok *
tk(const struct ctx *c, int i)
{
	static const struct tok none;

	if ((unsigned)i >= (unsigned)c->nt) /* i < 0 or i >= nt */
		return &none;
	if (c->t[i].lazy)
		tok_lookup(c->w->s, &c->t[i]);
	return &c->t[i];
}

static inline int
is_word(const struct ctx *c, int i, int cls)
{
	const struct tok *t = tk(c, i);

	return t->type == T_WORD && t->cls == cls;
}

/* The value of the word at i in class cls, or -1. */
static inline int
class_val(const struct ctx *c, int i, int cls)
{
	const struct tok *t = tk(c, i);
	int k;

	if (!(t->cmask & (1u << cls)))
		return -1;
	if (t->cls == cls)
		return t->val;
	for (k = 0; k < t->lex->n; k++)
		if (t->lex->e[k].cls == cls)
			return t->lex->e[k].val;
	return -1;
}

static inline int
class_is(const struct ctx *c, int i, int cls)
{
	return (tk(c, i)->cmask & (1u << cls)) != 0;
}

static inline int
is_mod(const struct ctx *c, int i, int m)
{
	return tk(c, i)->mod == m;
}

#define CL(cls) (1u << (cls))

/*
 * The word at i is in one of the classes of mask (CL(L_UNITS) |
 * CL(L_MODIFIERS) ...).  The readings of main_at() open with it: each
 * lets go at once of a head none of its forms can begin with (Tuesday is
 * no quarter, "discuss" no holiday), where its tests one after the other
 * would each have failed (and done nothing else).
 */
static inline int
word_in(const struct ctx *c, int i, uint32_t mask)
{
	const struct tok *t = tk(c, i);

	return t->type == T_WORD && (t->cmask & mask) != 0;
}

/*
 * The word t is spelt w, letter for letter when fold is 0, in any case
 * when fold is 0x20 (w then in lower case: "TUES" and "Tues" are "tues").
 */
static inline int
tok_spells(
    const struct ctx *c, const struct tok *t, const char *w, unsigned char fold)
{
	size_t k, len;

	/* the first letter before the length: most words asked about are
	 * not w ("said" asked for "ago"), and strlen() costs more than that */
	if (t->type != T_WORD || (c->w->s[t->beg] | fold) != w[0])
		return 0;
	len = strlen(w);
	if (t->end - t->beg != len)
		return 0;
	for (k = 1; k < len; k++)
		if ((c->w->s[t->beg + k] | fold) != w[k])
			return 0;
	return 1;
}

/* The word at i is w (lower case). */
static inline int
is_word_text(const struct ctx *c, int i, const char *w)
{
	return tok_spells(c, tk_raw(c, i), w, 0x20);
}

static int
is_punct(const struct ctx *c, int i, char ch)
{
	const struct tok *t = tk_raw(c, i);

	return t->type == T_PUNCT && t->ch == ch;
}

static int
is_num(const struct ctx *c, int i)
{
	return tk_raw(c, i)->type == T_NUM;
}

/* "recent" at i after "most": "the most recent quarter" is the last one
 * ("a recent Sunday" is none in particular). */
static int
most_recent(const struct ctx *c, int i)
{
	return is_word_text(c, i, "recent") && is_word_text(c, i - 1, "most");
}

/* Adjacent: no space between tokens i-1 and i. */
static int
tight(const struct ctx *c, int i)
{
	return !(tk_raw(c, i)->flags & TF_SP);
}

/* A colon at i glued to a number after it: the clock of "March 3
 * 10:30", not the colon of the dateline "NEW DELHI, March 3: The". */
static int
clock_colon(const struct ctx *c, int i)
{
	return is_punct(c, i, ':') && is_num(c, i + 1) && tight(c, i + 1);
}

/* A dot at i glued to a number after it (3-5.2, 1.2.3), not the full
 * stop that ends "meet again Feb. 3-4." */
static int
decimal_dot(const struct ctx *c, int i)
{
	return is_punct(c, i, '.') && is_num(c, i + 1) && tight(c, i + 1);
}

static int
tense(struct ctx *c, int i, int j)
{
	if (c->an->tense != 0)
		return c->an->tense;
	/* since August: on or before the anchor, whatever the clause */
	if (c->since)
		return -1;
	if (c->tense == 2)
		c->tense = clause_tense(
		    c->w->s, c->w->n, tk(c, i)->beg, tk(c, j - 1)->end);
	return c->tense;
}

static long
anchor_days(struct ctx *c)
{
	c->used = 1;
	return c->an->days;
}

static void
anchor_civil(struct ctx *c, int *y, int *m, int *d)
{
	civil_from_days(anchor_days(c), y, m, d);
}

static void
tv_day(struct tv *v, long days)
{
	memset(v, 0, sizeof(*v));
	v->grain = G_DAY;
	civil_from_days(days, &v->y, &v->m, &v->d);
}

static void
tv_set(struct tv *v, int grain, int y, int m, int d)
{
	memset(v, 0, sizeof(*v));
	v->grain = grain;
	v->y = y;
	v->m = m;
	v->d = d;
}

/* ---- numbers ---- */

/* A number written in words or digits at i ("two", "a", "12"): its value,
 * the index after it in *end; -1 if none. */
static int
count_at(const struct ctx *c, int i, int *end)
{
	const struct tok *t = tk(c, i);
	int v;

	if (t->type == T_NUM && !(t->flags & (TF_COMMA | TF_ORD | TF_S)) &&
	    t->ndig <= 4) {
		*end = i + 1;
		return t->val;
	}
	if (is_mod(c, i, M_A)) {
		/* a couple of, a few */
		if ((v = class_val(c, i + 1, L_NUMBERS)) > 0 &&
		    is_mod(c, i + 2, M_OF)) {
			*end = i + 3;
			return v;
		}
		if (class_val(c, i + 1, L_NUMBERS) == 3) {
			*end = i + 2;
			return 3;
		}
		/* a couple hours */
		if (is_word_text(c, i + 1, "couple") &&
		    class_is(c, i + 2, L_UNITS)) {
			*end = i + 2;
			return 2;
		}
		*end = i + 1;
		return 1;
	}
	if ((v = class_val(c, i, L_NUMBERS)) > 0) {
		int u;

		*end = i + 1;
		if (v >= 20 && is_punct(c, i + 1, '-') &&
		    (u = class_val(c, i + 2, L_NUMBERS)) > 0 && u < 10) {
			*end = i + 3;
			v += u;
		}
		if (v == 2 && is_mod(c, *end, M_OF))
			(*end)++; /* couple of */
		return v;
	}
	return -1;
}

/* An ordinal at i: 1st, first, twenty-first; -1 if none. */
static int
ordinal_at(const struct ctx *c, int i, int *end)
{
	const struct tok *t = tk(c, i);
	int v, u;

	if (t->type == T_NUM && (t->flags & TF_ORD)) {
		*end = i + 1;
		return t->val;
	}
	if (t->cmask == 0)
		return -1; /* the rest are words of the lists: no number */
	if ((v = class_val(c, i, L_NUMBERS)) >= 20 && is_punct(c, i + 1, '-') &&
	    (u = class_val(c, i + 2, L_ORDINALS)) > 0 && u < 10) {
		*end = i + 3;
		return v + u;
	}
	/* twenty second, thirty first */
	if (((v = class_val(c, i, L_NUMBERS)) == 20 || v == 30) &&
	    tk(c, i)->type == T_WORD &&
	    (u = class_val(c, i + 1, L_ORDINALS)) > 0 && u < 10) {
		*end = i + 2;
		return v + u;
	}
	if ((v = class_val(c, i, L_ORDINALS)) > 0) {
		*end = i + 1;
		return v;
	}
	return -1;
}

/* A number from 1 to 99 in words: "five", "fifteen", "twenty five",
 * "ninety-six"; -1 if none.  Not "few", "several", "couple". */
static int
number_words(const struct ctx *c, int i, int *end)
{
	int v = class_val(c, i, L_NUMBERS), u, k = i + 1;

	if (tk(c, i)->type != T_WORD || v < 1 || is_word_text(c, i, "few") ||
	    is_word_text(c, i, "several") || is_word_text(c, i, "couple"))
		return -1;
	if (v >= 20 && v % 10 == 0) {
		if (is_punct(c, k, '-') && tight(c, k))
			k++;
		if ((u = class_val(c, k, L_NUMBERS)) >= 1 && u <= 9 &&
		    tk(c, k)->type == T_WORD)
			return *end = k + 1, v + u;
	}
	*end = i + 1;
	return v;
}

/*
 * A year in words: "nineteen eighty six", "two thousand and fifteen",
 * "two thousand ten", "nineteen hundred ninety three", "twenty twenty";
 * 0 if none.
 */
static int
year_words(const struct ctx *c, int i, int *end)
{
	int a, b, e, k;

	if ((a = number_words(c, i, &e)) < 1)
		return 0;
	k = e;
	if (a == 2 && is_word_text(c, k, "thousand")) {
		k++;
		if (is_mod(c, k, M_AND))
			k++;
		if ((b = number_words(c, k, &e)) > 0)
			return *end = e, 2000 + b;
		/* October two thousand and returned: the year ends there */
		if (is_mod(c, k - 1, M_AND))
			return *end = k - 1, 2000;
		return *end = k, 2000;
	}
	if (a >= 10 && a <= 29 && is_word_text(c, k, "hundred")) {
		k++;
		if (is_mod(c, k, M_AND))
			k++;
		if ((b = number_words(c, k, &e)) > 0)
			return *end = e, a * 100 + b;
		return 0;
	}
	/* nineteen eighty six: a single word for the century */
	if (a >= 11 && a <= 20 && k == i + 1 &&
	    (b = number_words(c, k, &e)) >= 10)
		return *end = e, a * 100 + b;
	return 0;
}

/* A year at i: 4 digits, or "'25"; 0 if none. */
static int
year_at(const struct ctx *c, int i, int *end, int loose)
{
	const struct tok *t = tk(c, i);

	if (t->type == T_NUM && t->ndig == 4 &&
	    !(t->flags & (TF_COMMA | TF_ORD | TF_S)) && t->val >= 1000 &&
	    t->val <= 2999 && !is_punct(c, i + 1, '%')) {
		if (!loose && (t->val < 1200 || t->val > 2200))
			return 0;
		*end = i + 1;
		return t->val;
	}
	if (is_punct(c, i, '\'') && tk(c, i + 1)->type == T_NUM &&
	    tk(c, i + 1)->ndig == 2 && tight(c, i + 1) &&
	    !(tk(c, i + 1)->flags & (TF_S | TF_ORD))) {
		*end = i + 2;
		return tk(c, i + 1)->val +
		    (tk(c, i + 1)->val < 50 ? 2000 : 1900);
	}
	return 0;
}

/* A day of the month at i (1-31, maybe 1st); 0 if none. */
static int
mday_at(const struct ctx *c, int i)
{
	const struct tok *t = tk(c, i);

	if (t->type == T_NUM && t->ndig <= 2 && t->val >= 1 && t->val <= 31 &&
	    !(t->flags & (TF_S | TF_COMMA)))
		return t->val;
	return 0;
}

/* ---- months and weekdays ---- */

/*
 * A month word at i that reads as a month here.  "May" and the short
 * forms ("Mar", "Dec") need a day or year after them, or a cue before.
 */
static int
month_at(const struct ctx *c, int i, int need_cue)
{
	const struct tok *t = tk(c, i);
	int v = class_val(c, i, L_MONTHS), m, e;
	size_t len;

	if (v <= 0)
		return 0;
	len = t->ndig;
	if (mday_at(c, i + 1) && !clock_colon(c, i + 2))
		return v;
	if ((is_punct(c, i + 1, '-') || is_punct(c, i + 1, '/')) &&
	    tight(c, i + 1) && tight(c, i + 2) &&
	    (year_at(c, i + 2, &e, 1) || class_val(c, i + 2, L_MONTHS) > 0 ||
		(mday_at(c, i + 2) && tk(c, i + 2)->ndig <= 2 &&
		    tight(c, i + 2) && !is_punct(c, i + 3, ':'))))
		return v; /* Sep-2012, Jan-Feb, Sep-23-2020, Oct/2 */
	if (is_mod(c, i + 1, M_THE) && ordinal_at(c, i + 2, &e) > 0)
		return v; /* february the 15th */
	if (tk(c, i + 1)->type == T_WORD && ordinal_at(c, i + 1, &e) > 0 &&
	    ordinal_at(c, i + 1, &e) <= 31 && need_cue != 2)
		return v; /* May twenty-fourth */
	if (mday_at(c, i - 1) && tk(c, i - 1)->ndig <= 2)
		return v; /* 14 nov */
	if (tk(c, i - 1)->type == T_WORD &&
	    class_val(c, i - 1, L_NUMBERS) > 0 && year_words(c, i + 1, &e))
		return v; /* nineteen May nineteen forty one */
	if (is_num(c, i - 1) && tk(c, i - 1)->ndig == 4 &&
	    ((t->flags & TF_CAP) || (len > 3 && v != 3 && v != 5)))
		return v; /* 2024 Aug */
	if (is_mod(c, i - 1, M_OF) &&
	    (ordinal_at(c, i - 2, &e) > 0 || mday_at(c, i - 2)))
		return v; /* the third of march */
	if (year_at(c, i + 1, &e, 0) ||
	    ((is_punct(c, i + 1, ',') || is_mod(c, i + 1, M_OF)) &&
		year_at(c, i + 2, &e, 0)))
		return v;
	if (need_cue == 2)
		return 0;
	if (t->flags & TF_DOT)
		return v;
	m = class_val(c, i - 1, L_MODIFIERS);
	if (!(t->flags & TF_CAP) && (v == 3 || v == 5) &&
	    tk(c, i + 1)->type == T_WORD && !is_mod(c, i + 1, M_AND) &&
	    !is_mod(c, i + 1, M_TO) && !class_is(c, i + 1, L_MONTHS))
		return 0; /* "this may take longer", "this may or may not" */
	if (!(t->flags & TF_CAP) && (v == 3 || v == 5))
		/* "may rise", "march on": a strong cue only */
		return m == M_IN || m == M_SINCE || m == M_EARLY ||
			m == M_MID || m == M_LATE || m == M_LAST ||
			m == M_NEXT || m == M_THIS || m == M_DURING ||
			m == M_UNTIL_ALIAS
		    ? v
		    : 0;
	if (len <= 3 || (v == 5 && (t->flags & TF_CAP)) || need_cue) {
		if (m == M_IN || m == M_SINCE || m == M_BY || m == M_OF ||
		    m == M_EARLY || m == M_MID || m == M_LATE || m == M_LAST ||
		    m == M_NEXT || m == M_THIS || m == M_DURING ||
		    m == M_FROM || m == M_TO || m == M_UNTIL_ALIAS ||
		    m == M_BETWEEN || m == M_AND || m == M_PAST ||
		    m == M_COMING || m == M_BEFORE || m == M_AFTER ||
		    m == M_END || m == M_BEGIN || m == M_MIDDLE ||
		    is_punct(c, i - 1, '-'))
			return v;
		return 0;
	}
	return v;
}

/* A weekday word at i: 1..7; plural (a set): 11..17; 0 if none. */
static int
weekday_at(const struct ctx *c, int i)
{
	const struct tok *t = tk(c, i);
	int v = class_val(c, i, L_WEEKDAYS);

	if (v <= 0)
		return 0;
	if (t->ndig <= 4 && !(t->flags & TF_DOT)) {
		/* Sat, Sun, Wed: a capital and a date, a comma or a clock
		 * after ("Sat at 5"); Jul 18, Fri: after a date and a comma */
		if (!(t->flags & TF_CAP) ||
		    !(is_punct(c, i + 1, ',') || month_at(c, i + 1, 2) ||
			mday_at(c, i + 1) ||
			(is_mod(c, i + 1, M_AT) && is_num(c, i + 2)) ||
			(is_punct(c, i - 1, ',') && mday_at(c, i - 2) &&
			    class_is(c, i - 3, L_MONTHS))))
			return 0;
	}
	return v;
}

/* ---- clock times ---- */

static int
zone_after(const struct ctx *c, int i)
{
	if (is_word(c, i, L_ZONES))
		return i + 1;
	/* 6 a.m. local time Sunday */
	if (is_word_text(c, i, "local") && is_word_text(c, i + 1, "time"))
		return i + 2;
	if (is_punct(c, i, '(') && is_word(c, i + 1, L_ZONES) &&
	    is_punct(c, i + 2, ')'))
		return i + 3;
	return i;
}

/* How many tokens from i spell a.m. or p.m. (*pm set for p.m.): 1 for
 * "am", "p.m.", 2 for "a m"; 0 for none. */
static int
meridiem(const struct ctx *c, int i, int *pm)
{
	int m = class_val(c, i, L_MODIFIERS);

	if (tk(c, i)->type != T_WORD)
		return 0;
	/* one letter, a or p (the length first: this is asked often) */
	if (tk(c, i)->end - tk(c, i)->beg == 1 &&
	    (is_word_text(c, i, "p") || is_word_text(c, i, "a"))) {
		/* 3:20p: against the minutes of a clock */
		if (tight(c, i) && i >= 3 && is_num(c, i - 1) &&
		    tk(c, i - 1)->ndig == 2 && is_punct(c, i - 2, ':') &&
		    tk(c, i + 1)->type != T_WORD) {
			*pm = is_word_text(c, i, "p");
			return 1;
		}
		/* "nine a m", "one thirty p m": two letters apart (2
		 * tokens) */
		if (is_word_text(c, i + 1, "m") && !is_punct(c, i + 2, '\'')) {
			*pm = is_word_text(c, i, "p");
			return 2;
		}
		/* "4 p . m .", as transcripts space it out */
		if (is_punct(c, i + 1, '.') && is_word_text(c, i + 2, "m") &&
		    tk(c, i + 2)->end - tk(c, i + 2)->beg == 1) {
			*pm = is_word_text(c, i, "p");
			return is_punct(c, i + 3, '.') ? 4 : 3;
		}
		/* "at 4p", "from 8a to 10a": against a bare hour, after a
		 * word that asks for a clock; "p" only after at, since "fell
		 * to 5p" is five pence */
		if (tight(c, i) && i >= 2 && is_num(c, i - 1) &&
		    tk(c, i - 1)->ndig <= 2 &&
		    (tk(c, i + 1)->type != T_WORD || is_mod(c, i + 1, M_TO) ||
			is_mod(c, i + 1, M_AND)) &&
		    (is_mod(c, i - 2, M_AT) ||
			(is_word_text(c, i, "a") &&
			    (is_mod(c, i - 2, M_FROM) ||
				is_mod(c, i - 2, M_TO))))) {
			*pm = is_word_text(c, i, "p");
			return 1;
		}
		return 0;
	}
	if (m == M_AM || m == M_PM) {
		/* not inside a run of letters and digits: "4pm2xQ7" of a
		 * link's query */
		if (tight(c, i + 1) &&
		    (tk(c, i + 1)->type == T_NUM ||
			tk(c, i + 1)->type == T_WORD))
			return 0;
		/* "am" as a word ("I am") only straight after the number */
		if (tk(c, i)->ndig == 2 && tk(c, i)->end - tk(c, i)->beg == 2 &&
		    (tk(c, i)->flags & TF_SP) &&
		    (tk(c, i)->flags & (TF_CAP | TF_UPPER)) == TF_CAP)
			return 0;
		*pm = m == M_PM;
		return 1;
	}
	return 0;
}

/*
 * A clock time at i: 5 p.m., 5:30pm, 17:00, noon, midnight, 9 o'clock,
 * 1930 GMT.  Returns the index after it, or -1.  context: a date or "at"
 * is near, so "10:30" alone counts.
 */
/*
 * Minutes written in words after an hour: "thirty", "fifteen", "forty
 * five", "fifty-nine" (10 to 59); 0 if none.
 */
static int
word_minutes(const struct ctx *c, int i, int *end)
{
	int v = class_val(c, i, L_NUMBERS), u, k = i + 1;

	if (tk(c, i)->type != T_WORD || v < 10 || v > 59 ||
	    tk(c, i)->ndig > 9 /* several */)
		return 0;
	if (v >= 20 && v % 10 == 0) {
		if (is_punct(c, k, '-') && tight(c, k))
			k++;
		if ((u = class_val(c, k, L_NUMBERS)) >= 1 && u <= 9 &&
		    tk(c, k)->type == T_WORD) {
			v += u;
			k++; /* after "forty-five" */
		} else {
			k = i + 1;
		}
	}
	*end = k;
	return v;
}

/*
 * Whether the token at k may follow a clock whose only sign is its form:
 * the end, a stop or comma, a part of the day, a day, a zone or a word of
 * time ("at 9.45 on Friday", "at 9.45."), not a count's noun ("at 4.15
 * percent", "at 3.50 a gallon").
 */
static int
clock_follows(const struct ctx *c, int k)
{
	const struct tok *t = tk(c, k);

	if (t->type == 0)
		return 1;
	if (t->type == T_PUNCT)
		return t->ch != '%' && t->ch != '-' && t->ch != '/';
	if (t->type != T_WORD)
		return 0;
	if (is_word_text(c, k, "local") && is_word_text(c, k + 1, "time"))
		return 1; /* at 1400 local time */
	if (t->cls == L_PARTS || t->cls == L_RELDAYS || t->cls == L_WEEKDAYS ||
	    t->cls == L_MONTHS || t->cls == L_ZONES || t->cls == L_PAST ||
	    t->cls == L_FUTURE)
		return 1;
	switch (t->mod) {
	case M_AM:
	case M_PM:
	case M_ON:
	case M_AND:
	case M_TO:
	case M_IN:
	case M_AT:
	case M_THIS:
	case M_NEXT:
	case M_LAST:
	case M_BEFORE:
	case M_AFTER:
	case M_OCLOCK:
		return 1;
	default:
		return 0;
	}
}

/* "mid day" (12) and "mid night" (0), also with a dash, at i; else -1. */
static int
mid_clock(const struct ctx *c, int i)
{
	int k = i + 1, pl;

	if (is_punct(c, k, '-') && tight(c, k))
		k++;
	if (unit_at(c, k, &pl) == U_DAY && !pl)
		return 12;
	if (class_val(c, k, L_PARTS) == P_NI && is_word_text(c, k, "night"))
		return 0;
	return -1;
}

/* After a number, "ish" written against it ("10ish", "noonish" is a
 * word of parts.words): the index after it, else i. */
static int
ish_after(const struct ctx *c, int i)
{
	if (is_word_text(c, i, "ish") && tight(c, i))
		return i + 1;
	return i;
}

/* An hour 1..12 written as a word or a number at i; 0 if none. */
static int
bare_hour(const struct ctx *c, int i)
{
	const struct tok *t = tk(c, i);
	int v;

	if (t->type == T_NUM && t->ndig <= 2 &&
	    !(t->flags & (TF_COMMA | TF_ORD | TF_S)) && t->val >= 1 &&
	    t->val <= 12 && !is_punct(c, i + 1, ':') &&
	    !decimal_dot(c, i + 1) && !is_punct(c, i + 1, '/'))
		return t->val;
	if (t->type == T_WORD && (v = class_val(c, i, L_NUMBERS)) >= 1 &&
	    v <= 12 && t->ndig > 2 /* not "a" */)
		return v;
	return 0;
}

/*
 * A clock told in words:
 *	[a] quarter|half|N [minutes] past|after|to|till|before|of CLOCK
 *	    (a quarter past 3pm, twenty to noon, 10 minutes to 5)
 *	HOUR MINUTES [am|pm|o'clock] (ten thirty am, five-thirty, seven
 *	    forty-five p.m.; without a meridiem only after "at")
 * The offset form needs a clock that cannot be a count ("3 p.m.", noon,
 * "5 o'clock"), or "past", "quarter", "half" or "minutes": "two to three
 * weeks" is no clock.
 */
static int
clock_words(const struct ctx *c, int i, struct point *p, int context)
{
	struct point q;
	int k = i, n = -1, strong = 0, to, e, h, m, pm = 0, quarter = 0;

	/* one-quarter to one-third, one-half of 1 percent: fractions */
	if (i > 0 && is_punct(c, i - 1, '-') && tight(c, i))
		return -1;
	if (is_mod(c, k, M_A))
		k++;
	if (unit_at(c, k, &e) == U_QUARTER && !e) {
		n = 15;
		strong = quarter = 1;
		k++;
	} else if (unit_at(c, k, &e) == U_HALF && !e) {
		n = 30;
		strong = 1;
		k++;
	} else if (k == i && (is_num(c, k) || tk(c, k)->type == T_WORD)) {
		if (is_num(c, k) && tk(c, k)->ndig <= 2 &&
		    !(tk(c, k)->flags & (TF_COMMA | TF_ORD | TF_S)))
			n = tk(c, k)->val, e = k + 1;
		else if ((n = word_minutes(c, k, &e)) == 0 &&
		    ((n = class_val(c, k, L_NUMBERS)) < 1 || n > 9 ||
			tk(c, k)->ndig <= 2))
			n = -1;
		else if (n >= 1 && n <= 9)
			e = k + 1;
		if (n >= 1 && n < 60) {
			k = e;
			if ((e = unit_at(c, k, &to)) == U_MINUTE) {
				strong = 1;
				k++;
			}
		} else {
			n = -1;
		}
	}
	if (n > 0) {
		int w = class_val(c, k, L_MODIFIERS);

		/* "a quarter of five" is American for 4:45; "half of 1"
		 * is a fraction */
		to = w == M_TO || w == M_BEFORE || (w == M_OF && quarter);
		if ((w == M_PAST || w == M_AFTER || to) &&
		    tk(c, k)->type == T_WORD) {
			memset(&q, 0, sizeof(q));
			q.hh = q.mm = q.ss = -1;
			if (class_val(c, k + 1, L_PARTS) == P_NOON ||
			    class_val(c, k + 1, L_PARTS) == P_MIDNIGHT) {
				q.hh = class_val(c, k + 1, L_PARTS) == P_NOON
				    ? 12
				    : 0;
				q.mm = 0;
				q.ampm = 1;
				e = k + 2;
			} else if ((e = clock_at(c, k + 1, &q, 0)) > 0 &&
			    q.mm == 0) {
				/* 3pm, 5 o'clock, three pm */
			} else if ((h = bare_hour(c, k + 1)) > 0 &&
			    (strong || w == M_PAST)) {
				q.hh = h;
				q.mm = 0;
				e = k + 2;
			} else {
				e = -1;
			}
			if (e > 0 && is_punct(c, e, '-') && tight(c, e))
				e = -1; /* one-quarter to one-third */
			if (e > 0) {
				h = q.hh;
				m = n;
				if (to) {
					h = (h + 23) % 24;
					m = 60 - n;
				}
				p->hh = h;
				p->mm = m;
				p->ss = 0;
				p->ampm = q.ampm;
				p->hastime = 1;
				return zone_after(c, e);
			}
		}
	}
	/* ten thirty am, five-thirty */
	if ((h = bare_hour(c, i)) > 0 && tk(c, i)->type == T_WORD) {
		k = i + 1;
		if (is_punct(c, k, '-') && tight(c, k) && tight(c, k + 1))
			k++;
		if ((m = word_minutes(c, k, &e)) > 0) {
			int mer = meridiem(c, e, &pm);

			if (mer > 0) {
				p->ampm = 1;
				if (pm && h < 12)
					h += 12;
				if (!pm && h == 12)
					h = 0;
				e += mer;
			} else if (context < 1 && k == i + 1) {
				/* "ten thirty" without a.m. only after at,
				 * from, to ... or a day: "three twenty people"
				 * is a count */
				return -1;
			}
			p->hh = h;
			p->mm = m;
			p->ss = 0;
			p->hastime = 1;
			return zone_after(c, e);
		}
	}
	return -1;
}

static int
clock_at(const struct ctx *c, int i, struct point *p, int context)
{
	const struct tok *t = tk(c, i);
	int h, m = 0, s = 0, j = i, pm = 0, have_mer, pod;

	if ((j = clock_words(c, i, p, context)) > 0)
		return j;
	j = i;

	/* "tomorrow at eight", "in the evening at eight": an hour in words
	 * after a day and at */
	if (context == 2 && t->type == T_WORD && (h = bare_hour(c, i)) > 0 &&
	    (tk(c, i + 1)->type != T_WORD || is_word(c, i + 1, L_PARTS) ||
		is_word(c, i + 1, L_RELDAYS) || is_word(c, i + 1, L_ZONES))) {
		p->hh = h;
		p->mm = p->ss = 0;
		p->hastime = 1;
		return zone_after(c, i + 1);
	}
	/* "mid day", "mid-night": noon and midnight in two words */
	if (is_mod(c, i, M_MID) && mid_clock(c, i) >= 0) {
		p->hh = mid_clock(c, i);
		p->mm = 0;
		p->hastime = 1;
		p->ampm = 1;
		return i + 2 + is_punct(c, i + 1, '-');
	}
	pod = class_val(c, i, L_PARTS);
	if (pod == P_NOON || pod == P_MIDNIGHT) {
		p->hh = pod == P_NOON ? 12 : 0;
		p->mm = 0;
		p->hastime = 1;
		p->ampm = 1;
		p->midnight = pod == P_MIDNIGHT;
		return zone_after(c, i + 1); /* midnight EST on Nov. 15 */
	}
	/* three am, seven o'clock */
	if (t->type == T_WORD && (h = class_val(c, i, L_NUMBERS)) >= 1 &&
	    h <= 12 &&
	    ((have_mer = meridiem(c, i + 1, &pm)) > 0 ||
		is_mod(c, i + 1, M_OCLOCK))) {
		j = i + 1;
		if (is_mod(c, j, M_OCLOCK)) {
			j++;
			/* "three o'clock pm" */
			if ((have_mer = meridiem(c, j, &pm)) > 0)
				goto mer;
			goto done;
		}
		goto mer;
	}
	if (t->type != T_NUM || (t->flags & (TF_COMMA | TF_S | TF_ORD)))
		return -1;
	/* 15h30, 15h (French and news-wire style) */
	if (t->ndig <= 2 && t->val <= 23 && tight(c, i + 1) &&
	    ((tk(c, i + 1)->type == T_TAG && tk(c, i + 1)->tag[0] == 'h' &&
		 tk(c, i + 1)->tag[1] == '\0' && tk(c, i + 1)->ndig == 2 &&
		 tk(c, i + 1)->val < 60) ||
		((context ||
		     (t->val >= 13 &&
			 (tk(c, i + 2)->type != T_WORD ||
			     is_word(c, i + 2, L_ZONES)))) &&
		    tk(c, i + 1)->type == T_WORD &&
		    tk(c, i + 1)->end - tk(c, i + 1)->beg == 1 &&
		    (c->w->s[tk(c, i + 1)->beg] | 0x20) == 'h'))) {
		p->hh = t->val;
		p->mm = tk(c, i + 1)->type == T_TAG ? tk(c, i + 1)->val : 0;
		p->hastime = 1;
		p->ampm = 1;
		return zone_after(c, i + 2);
	}
	/* at 1045; around 1045, but "around 1950" is a year; between
	 * 0615 and 0845, 0615-0845 (a leading zero: no year, no count) */
	if (t->ndig == 4 &&
	    (context == 3 ||
		(t->val < 1000 &&
		    (context ||
			(i >= 2 && is_punct(c, i - 1, '-') &&
			    tk(c, i - 2)->ndig == 4))) ||
		(is_mod(c, i - 1, M_AROUND) &&
		    (t->val < 1500 || t->val >= 2100))) &&
	    t->val % 100 < 60 && t->val / 100 < 24 &&
	    ((tk(c, i + 1)->type == T_PUNCT && tk(c, i + 1)->ch != '%') ||
		clock_follows(c, i + 1)) &&
	    !meridiem(c, i + 1, &pm) /* at 1045 a.m.: below */) {
		p->hh = t->val / 100;
		p->mm = t->val % 100;
		p->hastime = 1;
		return zone_after(c, i + 1);
	}
	if (t->ndig == 4 && t->val % 100 < 60 && t->val / 100 < 24 &&
	    (is_word(c, i + 1, L_ZONES) ||
		(is_word_text(c, i + 1, "local") &&
		    is_word_text(c, i + 2, "time")) ||
		(context && is_word(c, i + 1, L_UNITS) &&
		    class_val(c, i + 1, L_UNITS) % U_PLURAL == U_HOUR))) {
		p->hh = t->val / 100;
		p->mm = t->val % 100;
		p->hastime = 1;
		j = i + 1;
		if (is_word(c, j, L_UNITS))
			j++;
		return zone_after(c, j);
	}
	/* 415 p.m., 1045 a.m., at 245ish: the hour and its minutes run
	 * together, told from a count by what follows */
	if ((t->ndig == 3 || t->ndig == 4) && t->val % 100 < 60 &&
	    t->val / 100 >= 1 && t->val / 100 <= 12) {
		j = ish_after(c, i + 1);
		have_mer = meridiem(c, j, &pm);
		if (have_mer > 0 || (j > i + 1 && context)) {
			h = t->val / 100;
			m = t->val % 100;
			if (have_mer > 0)
				goto mer;
			goto done;
		}
		return -1;
	}
	if (t->ndig > 2 || t->val > 24)
		return -1;
	h = t->val;
	j = i + 1;
	if ((is_punct(c, j, ':') ||
		(is_punct(c, j, '.') &&
		    (context || meridiem(c, j + 2, &pm)))) &&
	    tight(c, j) && tk(c, j + 1)->type == T_NUM &&
	    tk(c, j + 1)->ndig == 2 && tight(c, j + 1) &&
	    tk(c, j + 1)->val < 60) {
		m = tk(c, j + 1)->val;
		j += 2;
		if (is_punct(c, j, ':') && tight(c, j) &&
		    tk(c, j + 1)->type == T_NUM && tk(c, j + 1)->ndig == 2 &&
		    tight(c, j + 1)) {
			s = tk(c, j + 1)->val;
			j += 2;
		}
		have_mer = meridiem(c, j, &pm);
		if (!have_mer && tk(c, i + 1)->ch == '.' &&
		    (!context || !clock_follows(c, j)))
			return -1; /* 3.5, at 4.15 percent */
	} else {
		/* "8.am" */
		if (is_punct(c, j, '.') && tight(c, j) && tight(c, j + 1) &&
		    (is_mod(c, j + 1, M_AM) || is_mod(c, j + 1, M_PM)))
			j++;
		/* "10ish", "4ish pm": about that hour, a clock */
		if (ish_after(c, j) > j && h >= 1 && h <= 12) {
			j = ish_after(c, j);
			if ((have_mer = meridiem(c, j, &pm)) > 0)
				goto mer;
			goto done;
		}
		have_mer = meridiem(c, j, &pm);
		if (!have_mer) {
			if (is_mod(c, j, M_OCLOCK)) {
				j++;
				/* "4 oclock pm" */
				if ((have_mer = meridiem(c, j, &pm)) > 0)
					goto mer;
				goto done;
			}
			/* "tomorrow at 5", "tonight around 7"; "9 tomorrow",
			 * "8 this evening" */
			if ((context == 2 ||
				(context == 3 &&
				    ((class_is(c, j, L_RELDAYS) &&
					 tk(c, j)->type == T_WORD &&
					 class_val(c, j, L_RELDAYS) != 102) ||
					(is_mod(c, j, M_THIS) &&
					    class_val(c, j + 1, L_PARTS) >
						0)))) &&
			    h >= 1 && h <= 12 && !is_word(c, j, L_UNITS) &&
			    !is_punct(c, j, '%') && !is_punct(c, j, '/') &&
			    !is_punct(c, j, '-') &&
			    !(is_punct(c, j, '.') && is_num(c, j + 1) &&
				tight(c, j + 1)))
				goto done;
			return -1;
		}
	}
	if (have_mer) {
	mer:
		if (h > 12 || h == 0)
			return -1;
		j += have_mer; /* a.m.: 1 token; a m: 2 */
		p->ampm = 1;
		if (pm && h < 12)
			h += 12;
		if (!pm && h == 12)
			h = 0;
	}
done:
	if (h > 24)
		return -1;
	p->hh = h == 24 ? 0 : h;
	p->mm = m;
	p->ss = s;
	p->hastime = 1;
	return zone_after(c, j);
}

/* ---- points: days with or without a clock ---- */

/*
 * A currency sign glued before the number at i: "$5m", "£98m", "€3bn"
 * (signs outside ASCII are punctuation '?' to the scanner).
 */
static int
money_before(const struct ctx *c, int i)
{
	const struct tok *p = tk(c, i - 1);

	return i > 0 && p->type == T_PUNCT && tight(c, i) &&
	    (p->ch == '$' || p->ch == '?');
}

static int
blocked_before(const struct ctx *c, int i)
{
	const struct tok *p = tk(c, i - 1);

	if (i == 0)
		return 0;
	if (p->type == T_WORD && p->cls == L_BLOCKERS)
		return 1;
	if (money_before(c, i))
		return 1;
	if (p->type == T_PUNCT && !(tk(c, i)->flags & TF_SP) &&
	    (p->ch == '#' || p->ch == '.' || p->ch == ':' || p->ch == '+'))
		return 1;
	if (p->type == T_PUNCT && p->ch == '-' && !(tk(c, i)->flags & TF_SP) &&
	    tk(c, i - 2)->type == T_NUM)
		return 1;
	return 0;
}

/* "2,024 people", "17.4.1": digits glued to more digits */
static int
blocked_after(const struct ctx *c, int i)
{
	const struct tok *n = tk(c, i);

	if (n->type == T_PUNCT && !(n->flags & TF_SP) &&
	    (n->ch == '%' || n->ch == '.' || n->ch == ',') &&
	    tk(c, i + 1)->type == T_NUM && !(tk(c, i + 1)->flags & TF_SP))
		return 1;
	if (n->type == T_PUNCT && n->ch == '%')
		return 1;
	return 0;
}

/*
 * Whether the month/day at i has another one glued to it by a dash, after
 * or before: "10/1-11/7", "5/1-5/7, 2020", "10/1-11/2/2017" (a range of
 * days; the two halves are each other's cue).
 */
RARE static int
md_pair_beside(const struct ctx *c, int i)
{
	int after;

	if (is_punct(c, i + 3, '-') && tight(c, i + 3) && tight(c, i + 4) &&
	    is_num(c, i + 4) && tk_raw(c, i + 4)->ndig <= 2 &&
	    is_punct(c, i + 5, '/') && tight(c, i + 5) && is_num(c, i + 6) &&
	    tight(c, i + 6))
		after = i + 7;
	else if (i >= 4 && is_punct(c, i - 1, '-') && tight(c, i - 1) &&
	    tight(c, i) && is_num(c, i - 2) && tk_raw(c, i - 2)->ndig <= 2 &&
	    is_punct(c, i - 3, '/') && tight(c, i - 3) && is_num(c, i - 4))
		after = i + 3;
	else
		return 0;
	/* no noun after: "1/2-3/4 cup" is a measure */
	return tk(c, after)->type != T_WORD || tk(c, after)->cmask != 0;
}

/*
 * A numeric date at i: 3/10/2025, 2025-03-10, 10.03.2025, 3/10 (with a
 * cue).  Returns the index after it or -1.
 */
static int
numeric_date1(const struct ctx *c, int i, struct point *p)
{
	const struct tok *a = tk(c, i), *b, *d;
	char sep;
	int x, y, z, m, day, yr;

	if (a->type != T_NUM || (a->flags & (TF_COMMA | TF_ORD | TF_S)))
		return -1;
	if (!(is_punct(c, i + 1, '/') || is_punct(c, i + 1, '-') ||
		is_punct(c, i + 1, '.')) ||
	    !tight(c, i + 1) || !is_num(c, i + 2) || !tight(c, i + 2))
		return -1;
	sep = tk(c, i + 1)->ch;
	b = tk(c, i + 2);
	if (b->flags & (TF_COMMA | TF_ORD | TF_S))
		return -1;
	if (is_punct(c, i + 3, sep) && tight(c, i + 3) && is_num(c, i + 4) &&
	    tight(c, i + 4)) {
		d = tk(c, i + 4);
		if (d->flags & (TF_COMMA | TF_ORD | TF_S))
			return -1;
		if (is_punct(c, i + 5, sep) && tight(c, i + 5) &&
		    is_num(c, i + 6))
			return -1; /* 1.2.3.4 */
		x = a->val;
		y = b->val;
		z = d->val;
		if (a->ndig == 4) {
			yr = x;
			m = y;
			day = z;
			if (d->ndig > 2 || b->ndig > 2)
				return -1;
		} else {
			if (d->ndig != 4 && d->ndig != 2)
				return -1;
			if (a->ndig > 2 || b->ndig > 2)
				return -1;
			if (sep == '.' && d->ndig != 4)
				return -1;
			yr = d->ndig == 4 ? z : z + (z < 50 ? 2000 : 1900);
			if (opt.day_first || sep == '.' || x > 12) {
				day = x;
				m = y;
			} else {
				m = x;
				day = y;
			}
			if (m > 12 && day <= 12) {
				int tmp = m;

				m = day;
				day = tmp;
			}
		}
		if (m < 1 || m > 12 || day < 1 || day > month_days(yr, m))
			return -1;
		p->y = yr;
		p->m = m;
		p->d = day;
		p->hasdate = 1;
		return i + 5;
	}
	/* 2014/10: a month */
	if (sep == '/' && a->ndig == 4 && b->ndig <= 2 && b->val >= 1 &&
	    b->val <= 12 && a->val >= 1200 && a->val <= 2200) {
		p->y = a->val;
		p->m = b->val;
		p->hasdate = 1;
		return i + 3;
	}
	/* two parts: 2014-10, 2015-3 (a month; not the season 2003-4),
	 * 3/10 (with a cue) */
	if (sep == '-' && a->ndig == 4 &&
	    (b->ndig == 2 || (b->ndig == 1 && b->val != (a->val + 1) % 10)) &&
	    b->val >= 1 && b->val <= 12 && b->val <= a->val % 100 &&
	    a->val >= 1200 && a->val <= 2200) {
		p->y = a->val;
		p->m = b->val;
		p->hasdate = 1;
		return i + 3;
	}
	/* 06/2004: a month */
	if ((sep == '/' || sep == '-') && a->ndig <= 2 && b->ndig == 4 &&
	    a->val >= 1 && a->val <= 12 && b->val >= 1200 && b->val <= 2200) {
		p->y = b->val;
		p->m = a->val;
		p->hasdate = 1;
		return i + 3;
	}
	if (sep == '/' && a->ndig <= 2 && b->ndig <= 2) {
		int cue = is_mod(c, i - 1, M_ON) || is_mod(c, i - 1, M_SINCE) ||
		    is_mod(c, i - 1, M_BY) || is_mod(c, i - 1, M_FROM) ||
		    is_mod(c, i - 1, M_TO) ||
		    ((is_mod(c, i - 1, M_BEFORE) ||
			 is_mod(c, i - 1, M_AFTER)) &&
			(tk(c, i + 3)->type != T_WORD ||
			    tk(c, i + 3)->cmask != 0) &&
			!is_mod(c, i + 3, M_OF)) ||
		    weekday_at(c, i - 1) ||
		    (is_punct(c, i - 1, ',') && weekday_at(c, i - 2)) ||
		    md_pair_beside(c, i);

		x = a->val;
		y = b->val;
		/* 2/15, 15/2: a day above 12 is no fraction; 24/7 is */
		if (!cue &&
		    ((x > 12) == (y > 12) || is_mod(c, i - 1, M_A) ||
			is_mod(c, i - 1, M_THE)))
			return -1; /* a 12/24 rotation */
		if (!cue &&
		    ((x == 24 && y == 7) || is_word(c, i + 3, L_UNITS) ||
			tk(c, i + 3)->type == T_NUM))
			return -1;
		if (is_punct(c, i + 3, '/'))
			return -1;
		if (opt.day_first || x > 12) {
			day = x;
			m = y;
		} else {
			m = x;
			day = y;
		}
		if (m < 1 || m > 12 || day < 1 || day > month_days(2000, m))
			return -1;
		p->m = m;
		p->d = day;
		p->hasdate = 1;
		return i + 3;
	}
	return -1;
}

/*
 * numeric_date1(), but not in a longer run of numbers glued by the same
 * marks: a social security number (123-12-1234), a code (133-03-03-2020),
 * a ratio with decimals (30/4.85), 4/13/1.
 */
static int
numeric_date(const struct ctx *c, int i, struct point *p)
{
	int e;
	const struct tok *s;

	if (i >= 2 && tight(c, i) && tight(c, i - 1) && is_num(c, i - 2) &&
	    tk(c, i + 1)->type == T_PUNCT &&
	    (is_punct(c, i - 1, tk(c, i + 1)->ch) || is_punct(c, i - 1, '.')))
		return -1;
	if ((e = numeric_date1(c, i, p)) < 0)
		return -1;
	s = tk(c, e);
	/* but 10/1/2018-10/7/2018 is a range, 05/31/2024.14:15 a clock */
	if (s->type == T_PUNCT && tight(c, e) && tight(c, e + 1) &&
	    is_num(c, e + 1) && !is_punct(c, e + 2, ':') &&
	    (s->ch == '/' || s->ch == '.' || s->ch == tk(c, i + 1)->ch))
		return -1;
	return e;
}

/* A plain number at i: no comma, ordinal or plural, not glued to the
 * token before it. */
static int
plain_num(const struct ctx *c, int i)
{
	return is_num(c, i) && !(tk(c, i)->flags & (TF_COMMA | TF_ORD | TF_S));
}

/*
 * A date of numbers without marks: 20161016 (compact ISO), 2016 10 16,
 * 10 31 1974, 31 10 1974 (two digits each for the month and day, month
 * first unless --locale=en-GB or the first is above 12).  The numbers
 * must stand alone: no number before, none after, no mark glued after.
 * Returns the index after it or -1.
 */
static int
spaced_date(const struct ctx *c, int i, struct point *p)
{
	const struct tok *a = tk(c, i);
	int y, m, d, x, z, e;

	if (!plain_num(c, i) || is_num(c, i - 1))
		return -1;
	if (a->ndig == 8) {
		y = a->val / 10000;
		m = a->val / 100 % 100;
		d = a->val % 100;
		e = i + 1;
	} else if (!plain_num(c, i + 1) || !plain_num(c, i + 2) ||
	    tight(c, i + 1) || tight(c, i + 2) || tk(c, i + 1)->ndig != 2 ||
	    (a->ndig == 4) != (tk(c, i + 2)->ndig == 2) ||
	    (a->ndig != 4 && (a->ndig != 2 || tk(c, i + 2)->ndig != 4))) {
		return -1;
	} else if (a->ndig == 4) {
		y = a->val;
		m = tk(c, i + 1)->val;
		d = tk(c, i + 2)->val;
		e = i + 3;
	} else {
		x = a->val;
		z = tk(c, i + 1)->val;
		y = tk(c, i + 2)->val;
		if (opt.day_first || x > 12) {
			d = x;
			m = z;
		} else {
			m = x;
			d = z;
		}
		e = i + 3;
	}
	if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, m) || is_num(c, e) ||
	    (tk(c, e)->type == T_PUNCT && tight(c, e) && tight(c, e + 1) &&
		(tk(c, e + 1)->type == T_NUM ||
		    tk(c, e + 1)->type == T_WORD)) ||
	    is_word(c, e, L_UNITS))
		return -1;
	p->y = y;
	p->m = m;
	p->d = d;
	p->hasdate = 1;
	return e;
}

/* The letters of the word at i, in capitals only: "AD", not "ad". */
static inline int
is_caps(const struct ctx *c, int i, const char *w)
{
	return tok_spells(c, tk_raw(c, i), w, 0);
}

/*
 * An era after a year at i: AD, CE, A.D., a.d., C.E. (the year as
 * written) or BE, B.E. (the Buddhist era, 543 years ahead: 2555 BE is
 * 2012).  Returns the index after it, or 0; *shift the years to add.
 */
static int
era_at(const struct ctx *c, int i, int *shift)
{
	static const char *const caps[] = {"AD", "CE", "BE"};
	static const char letters[][2] = {{'a', 'd'}, {'c', 'e'}, {'b', 'e'}};
	const struct tok *t = tk_raw(c, i);
	int k, e;

	/* every era starts with a word of one or two letters: most heads
	 * (a number, then "people") are let go here (*shift as the loop
	 * leaves it) */
	if (t->type != T_WORD || t->end - t->beg > 2) {
		*shift = -543;
		return 0;
	}
	for (k = 0; k < 3; k++) {
		*shift = k == 2 ? -543 : 0;
		if (is_caps(c, i, caps[k]))
			return i + 1;
		if (tk(c, i)->type == T_WORD &&
		    tk(c, i)->end - tk(c, i)->beg == 1 &&
		    (c->w->s[tk(c, i)->beg] | 0x20) == letters[k][0] &&
		    is_punct(c, i + 1, '.') && tight(c, i + 1) &&
		    tight(c, i + 2) && tk(c, i + 2)->type == T_WORD &&
		    tk(c, i + 2)->end - tk(c, i + 2)->beg == 1 &&
		    (c->w->s[tk(c, i + 2)->beg] | 0x20) == letters[k][1]) {
			e = i + 3;
			if (is_punct(c, e, '.') && tight(c, e))
				e++;
			return e;
		}
	}
	return 0;
}

/* A year after a date: ", 2025", " 2025", " of 2025", " '25". */
static int
year_tail(const struct ctx *c, int j, struct point *p)
{
	int y, e, k, sh;

	if ((is_punct(c, j, ',') || is_mod(c, j, M_OF)) &&
	    (y = year_at(c, j + 1, &e, 1)) > 0) {
		p->y = y;
		return e;
	}
	/* Feb. 17 in 2026 */
	if (is_mod(c, j, M_IN) && (y = year_at(c, j + 1, &e, 0)) > 0 &&
	    !is_punct(c, e, '-')) {
		p->y = y;
		return e;
	}
	if ((y = year_at(c, j, &e, 1)) > 0) {
		p->y = y;
		if ((k = era_at(c, e, &sh)) > 0) {
			p->y += sh; /* August 10 2555 BE */
			return k;
		}
		return e;
	}
	/* January 25, nineteen eighty six */
	if ((y = year_words(c, j + is_punct(c, j, ','), &e)) > 0) {
		p->y = y;
		return e;
	}
	/* Aug 9, 96 / Aug 9 96: two digits end the clause (not "Aug 9, 96
	 * people"); April of 87 was (a verb after; not "of 30 people") */
	k = j + (is_punct(c, j, ',') || is_mod(c, j, M_OF));
	if (plain_num(c, k) && tk(c, k)->ndig == 2 &&
	    (tk(c, k + 1)->type == 0 ||
		(is_mod(c, j, M_OF) &&
		    (class_is(c, k + 1, L_PAST) ||
			class_is(c, k + 1, L_FUTURE))) ||
		(tk(c, k + 1)->type == T_PUNCT && tk(c, k + 1)->ch != '-' &&
		    tk(c, k + 1)->ch != '/' && tk(c, k + 1)->ch != ':' &&
		    tk(c, k + 1)->ch != '%' &&
		    !(tight(c, k + 2) && is_num(c, k + 2))))) {
		p->y = tk(c, k)->val + (tk(c, k)->val < 50 ? 2000 : 1900);
		return k + 1;
	}
	return j;
}

/*
 * A day-grain date or a month at i: [Weekday,] Month Day[,] [Year],
 * [Weekday,] [the] Day [of] Month [Year], Month [of] Year, Month, a
 * numeric date, Weekday, today / tomorrow / yesterday / tonight.
 */
static int
date_at(struct ctx *c, int i, struct point *p)
{
	int j = i, k, v, e, o;

	if (class_is(c, j, L_RELDAYS) &&
	    (v = class_val(c, j, L_RELDAYS)) != 101 && v != 102) {
		p->hasreld = 1;
		p->reld = v == 100 ? 0 : v;
		if (v == 100)
			p->pod = P_NI;
		p->hasdate = 1;
		return j + 1;
	}
	if ((v = weekday_at(c, j)) > 0) {
		if (v > 10)
			return -1; /* Mondays: a set */
		p->wd = v;
		p->hasdate = 1;
		j++;
		k = j;
		if (is_punct(c, k, ','))
			k++;
		/* Mon 13th, Friday 31 */
		if (tk(c, k)->type == T_NUM &&
		    (tk(c, k)->flags & TF_ORD ||
			(k == j && tk(c, k)->ndig <= 2 &&
			    !is_punct(c, k + 1, ':') &&
			    !is_punct(c, k + 1, '/') &&
			    !is_punct(c, k + 1, '-') &&
			    !is_punct(c, k + 1, '.') &&
			    !meridiem(c, k + 1, &e) &&
			    !is_word(c, k + 1, L_UNITS) &&
			    tk(c, k + 1)->type != T_TAG && /* 9h30 */
			    (tk(c, k + 1)->type != T_WORD ||
				is_mod(c, k + 1, M_AT) ||
				((is_mod(c, k + 1, M_FROM) ||
				     is_mod(c, k + 1, M_BETWEEN)) &&
				    is_num(c, k + 2))))) &&
		    tk(c, k)->val >= 1 && tk(c, k)->val <= 31 &&
		    !month_at(c, k + 1, 0) && !is_mod(c, k + 1, M_OF)) {
			p->d = tk(c, k)->val;
			return k + 1;
		}
		/* Tuesday of last week, Tuesday next week, Tuesday, next week
		 */
		{
			int k2 = k, sh = 9;

			if (is_mod(c, k2, M_OF))
				k2++;
			if (is_mod(c, k2, M_THIS) || is_mod(c, k2, M_CURRENT))
				sh = 0;
			else if (is_mod(c, k2, M_NEXT) ||
			    is_mod(c, k2, M_COMING) ||
			    is_mod(c, k2, M_FOLLOWING))
				sh = 1;
			else if (is_mod(c, k2, M_LAST) ||
			    is_mod(c, k2, M_PREVIOUS) || is_mod(c, k2, M_PAST))
				sh = -1;
			if (sh != 9 && unit_at(c, k2 + 1, &e) == U_WEEK && !e) {
				p->weekof = sh + 10;
				return k2 + 2;
			}
		}
		/* Sunday, March, 6th 2016 */
		if (month_at(c, k, 0) && is_punct(c, k + 1, ',') &&
		    (o = mday_at(c, k + 2)) != 0) {
			p->m = class_val(c, k, L_MONTHS);
			p->d = o;
			return year_tail(c, k + 3, p);
		}
		if (month_at(c, k, 2) ||
		    numeric_date(c, k, &(struct point){0}) > 0 ||
		    (mday_at(c, k) && month_at(c, k + 1, 0)) ||
		    (is_mod(c, k, M_THE) && ordinal_at(c, k + 1, &e) > 0)) {
			struct point q;

			memset(&q, 0, sizeof(q));
			if (is_mod(c, k, M_THE) &&
			    (o = ordinal_at(c, k + 1, &e)) > 0 && o <= 31 &&
			    !month_at(c, e, 0) && !is_mod(c, e, M_OF)) {
				p->d = o; /* Tuesday the 19th: month below */
				return e;
			}
			if ((e = date_at(c, k, &q)) > 0 && q.d) {
				p->y = q.y;
				p->m = q.m;
				p->d = q.d;
				p->yy2 = q.yy2;
				return e;
			}
		}
		return j;
	}
	if ((v = month_at(c, j, 0)) > 0) {
		p->m = v;
		p->hasdate = 1;
		j++;
		/* February the 15th */
		if (is_mod(c, j, M_THE) && (o = ordinal_at(c, j + 1, &e)) > 0 &&
		    o <= 31) {
			p->d = o;
			return year_tail(c, e, p);
		}
		if ((o = mday_at(c, j)) && !clock_colon(c, j + 1) &&
		    !(is_punct(c, j + 1, '-') && tight(c, j + 1) &&
			tight(c, j + 2) && is_num(c, j + 2) &&
			tk(c, j + 2)->ndig > 2)) {
			p->d = o;
			return year_tail(c, j + 1, p);
		}
		if ((o = ordinal_at(c, j, &e)) > 0 && o <= 31 &&
		    tk(c, j)->type == T_WORD) {
			p->d = o; /* July fourth, January first 2000 */
			return year_tail(c, e, p);
		}
		/* May twenty nine, January twenty five nineteen eighty
		 * six; not the year alone (October two thousand and
		 * five) */
		if (tk(c, j)->type == T_WORD &&
		    (o = number_words(c, j, &e)) > 0 && o <= 31 &&
		    (v = year_words(c, e, &k)) > 0) {
			p->d = o;
			p->y = v;
			return k;
		}
		if (tk(c, j)->type == T_WORD && !year_words(c, j, &e) &&
		    (o = number_words(c, j, &e)) > 0 && o <= 31 &&
		    !is_word(c, e, L_UNITS) && !is_word_text(c, e, "hundred") &&
		    !is_word_text(c, e, "thousand") && !meridiem(c, e, &v) &&
		    !is_mod(c, e, M_OCLOCK) && !is_mod(c, e, M_OF) &&
		    !(is_punct(c, e, '-') && tight(c, e)) &&
		    tk(c, e)->type != T_WORD /* "in May two people" */) {
			p->d = o;
			return year_tail(c, e, p);
		}
		/* Sep-23-2020, Oct/2 */
		if ((is_punct(c, j, '-') || is_punct(c, j, '/')) &&
		    tight(c, j) && tight(c, j + 1) && (o = mday_at(c, j + 1)) &&
		    tk(c, j + 1)->ndig <= 2 && !is_punct(c, j + 2, ':') &&
		    !(is_punct(c, j + 2, '.') && is_num(c, j + 3))) {
			p->d = o;
			if ((is_punct(c, j + 2, '-') ||
				is_punct(c, j + 2, '/')) &&
			    tight(c, j + 2) && tight(c, j + 3) &&
			    (v = year_at(c, j + 3, &e, 1)) > 0) {
				p->y = v;
				return e;
			}
			return j + 2;
		}
		/* Sep-2012, Dec/2018 */
		if ((is_punct(c, j, '-') || is_punct(c, j, '/')) &&
		    tight(c, j) && tight(c, j + 1) &&
		    (v = year_at(c, j + 1, &e, 1)) > 0) {
			p->y = v;
			return e;
		}
		return year_tail(c, j, p);
	}
	/* 2018 March 18, 2024 Aug */
	if (is_num(c, j) && tk(c, j)->ndig == 4 && year_at(c, j, &e, 0) &&
	    (v = month_at(c, j + 1, 0)) > 0 && !tight(c, j + 1)) {
		p->y = tk(c, j)->val;
		p->m = v;
		p->hasdate = 1;
		if ((o = mday_at(c, j + 2)) && !is_punct(c, j + 3, ':') &&
		    !is_word(c, j + 3, L_UNITS)) {
			p->d = o;
			return j + 3;
		}
		return j + 2;
	}
	/* 2024/August, 2012/Aug/10, 2024-August */
	if (is_num(c, j) && tk(c, j)->ndig == 4 &&
	    (is_punct(c, j + 1, '/') || is_punct(c, j + 1, '-')) &&
	    tight(c, j + 1) && tight(c, j + 2) &&
	    (v = class_val(c, j + 2, L_MONTHS)) > 0) {
		p->y = tk(c, j)->val;
		p->m = v;
		p->hasdate = 1;
		k = j + 3;
		/* 2019/aug/01, 2019-aug-1 (the same mark twice) */
		if (is_punct(c, k, tk(c, j + 1)->ch) && tight(c, k) &&
		    (o = mday_at(c, k + 1)) && tight(c, k + 1) &&
		    !(tk(c, k + 2)->type == T_PUNCT && tight(c, k + 2) &&
			is_num(c, k + 3) && tight(c, k + 3))) {
			p->d = o;
			k += 2;
		}
		return k;
	}
	/* 31-Oct-74, 31/Oct/1974 */
	if ((o = mday_at(c, j)) &&
	    (is_punct(c, j + 1, '-') || is_punct(c, j + 1, '/')) &&
	    tight(c, j + 1) && tight(c, j + 2) &&
	    (v = class_val(c, j + 2, L_MONTHS)) > 0 &&
	    is_punct(c, j + 3, tk(c, j + 1)->ch) && tight(c, j + 3) &&
	    is_num(c, j + 4) && tight(c, j + 4) &&
	    (tk(c, j + 4)->ndig == 2 || tk(c, j + 4)->ndig == 4)) {
		p->d = o;
		p->m = v;
		p->y = tk(c, j + 4)->val;
		if (tk(c, j + 4)->ndig == 2)
			p->y += p->y < 50 ? 2000 : 1900;
		p->hasdate = 1;
		return j + 5;
	}
	/* 10-August 2012, 10/Aug, 2012 */
	if ((o = mday_at(c, j)) &&
	    (is_punct(c, j + 1, '-') || is_punct(c, j + 1, '/')) &&
	    tight(c, j + 1) && tight(c, j + 2) &&
	    (v = class_val(c, j + 2, L_MONTHS)) > 0 &&
	    !(is_punct(c, j + 3, tk(c, j + 1)->ch) && tight(c, j + 3)) &&
	    !is_num(c, j - 1) && (e = year_tail(c, j + 3, p)) > j + 3) {
		p->d = o;
		p->m = v;
		p->hasdate = 1;
		return e;
	}
	if (tk(c, j)->type == T_NUM) {
		if ((e = numeric_date(c, j, p)) > 0)
			return e;
		if (blocked_before(c, j))
			return -1;
		if ((e = spaced_date(c, j, p)) > 0)
			return e;
		/* 10 March 2025, 10th of March */
		if ((o = mday_at(c, j))) {
			k = j + 1;
			if (is_mod(c, k, M_OF))
				k++;
			if ((v = month_at(c, k, 0)) > 0 &&
			    !(tk(c, j)->flags & TF_SP && 0)) {
				p->d = o;
				p->m = v;
				p->hasdate = 1;
				/* 3 Aug 96 */
				if (is_num(c, k + 1) &&
				    tk(c, k + 1)->ndig == 2 &&
				    !(tk(c, k + 1)->flags & (TF_ORD | TF_S)) &&
				    !is_punct(c, k + 2, ':') &&
				    !meridiem(c, k + 2, &e) &&
				    !is_word(c, k + 2, L_UNITS)) {
					int sh, e2;

					p->y = tk(c, k + 1)->val;
					/* 10 August 88 AD: the year 88 */
					if ((e2 = era_at(c, k + 2, &sh)) > 0) {
						p->y += sh;
						return e2;
					}
					p->y += p->y < 50 ? 2000 : 1900;
					return k + 2;
				}
				return year_tail(c, k + 1, p);
			}
		}
	}
	if (is_mod(c, j, M_THE) && (o = ordinal_at(c, j + 1, &e)) > 0 &&
	    o <= 31) {
		k = e;
		if (is_mod(c, k, M_OF))
			k++;
		if ((v = month_at(c, k, 0)) > 0) {
			p->d = o;
			p->m = v;
			p->hasdate = 1;
			return year_tail(c, k + 1, p);
		}
	}
	/* twenty five January nineteen eighty six: a day in words, only
	 * with its year ("five March marches" is no date) */
	if (tk(c, j)->type == T_WORD && (o = number_words(c, j, &e)) > 0 &&
	    o <= 31) {
		k = e + is_mod(c, e, M_OF);
		if ((v = month_at(c, k, 0)) > 0) {
			p->d = o;
			p->m = v;
			if ((e = year_tail(c, k + 1, p)) > k + 1) {
				p->hasdate = 1;
				return e;
			}
			p->d = p->m = p->y = 0;
		}
	}
	/* on the 15th: a day of the anchor's month */
	if (is_mod(c, j, M_THE) && is_mod(c, j - 1, M_ON) && is_num(c, j + 1) &&
	    (tk(c, j + 1)->flags & TF_ORD) && (o = tk(c, j + 1)->val) >= 1 &&
	    o <= 31 && !is_mod(c, j + 2, M_OF) && !month_at(c, j + 2, 0)) {
		p->d = o;
		p->dayonly = 1;
		p->hasdate = 1;
		return j + 2;
	}
	if ((o = ordinal_at(c, j, &e)) > 0 && o <= 31 &&
	    tk(c, j)->type == T_WORD && is_mod(c, e, M_OF) &&
	    (v = month_at(c, e + 1, 0)) > 0) {
		p->d = o; /* Fourth of July [, 1995] */
		p->m = v;
		p->hasdate = 1;
		return year_tail(c, e + 2, p);
	}
	return -1;
}

/*
 * A point: a date, a clock, or both in either order ("Tuesday at 5
 * p.m.", "5 p.m. Tuesday", "March 10 at 17:00", "yesterday morning",
 * "this morning").
 */
int
pod_hour(int pod, int h)
{
	switch (pod) {
	case P_MO:
		return h == 12 ? 0 : h;
	case P_AF:
		return h < 12 ? h + 12 : h;
	case P_EV:
		return h < 12 ? h + 12 : h == 12 ? 24 : h;
	case P_NI:
		return h == 12 ? 24 : h >= 5 && h < 12 ? h + 12 : h;
	default:
		return h;
	}
}

/* A part of the day at i (morning, afternoon, evening, night; not
 * "mornings", a set), else 0. */
static int
pod_word(const struct ctx *c, int i)
{
	int pod = class_val(c, i, L_PARTS);

	if (pod < P_MO || pod > P_NI || tk(c, i)->type != T_WORD ||
	    (c->w->s[tk(c, i)->end - 1] | 0x20) == 's')
		return 0;
	return pod;
}

/*
 * After a part of the day pod ending at k, its clock: "in the evening at
 * seven", "this afternoon at 2", "Sunday late evening at 9:30".  The
 * clock is read into p, moved into the part of the day, and the index
 * after it returned; else k.
 */
static int
pod_clock(struct ctx *c, int k, struct point *p, int pod)
{
	int j, k2 = k;

	if (is_punct(c, k2, ','))
		k2++;
	if (!is_mod(c, k2, M_AT) && !is_mod(c, k2, M_AROUND))
		return k;
	if ((j = clock_at(c, k2 + 1, p, 2)) <= 0)
		return k;
	if (!p->ampm)
		p->hh = pod_hour(pod, p->hh);
	p->pod = 0;
	return j;
}

static int
point_at(struct ctx *c, int i, struct point *p)
{
	int j, k, pod;

	memset(p, 0, sizeof(*p));
	p->hh = p->mm = p->ss = -1;
	/* "the morning of March 3", "on the night of the 15th": that day's
	 * part */
	k = is_mod(c, i, M_THE) ? i + 1 : i;
	if ((pod = pod_word(c, k)) > 0 && is_mod(c, k + 1, M_OF)) {
		if ((j = date_at(c, k + 2, p)) > 0 && !p->hastime &&
		    p->pod == 0) {
			p->pod = pod;
			return pod_clock(c, j, p, pod);
		}
		memset(p, 0, sizeof(*p));
		p->hh = p->mm = p->ss = -1;
	}
	if ((j = date_at(c, i, p)) > 0) {
		int strong;

		/* a part of the day ("Tuesday morning", "Tuesday in the
		 * morning"), then maybe a clock ("tomorrow evening at 5") */
		k = j;
		if (is_mod(c, k, M_IN) && is_mod(c, k + 1, M_THE) &&
		    (pod = class_val(c, k + 2, L_PARTS)) > 0 && pod <= P_NI &&
		    p->pod == 0) {
			p->pod = pod;
			j = k = k + 3;
		} else if ((pod = class_val(c, k, L_PARTS)) > 0 &&
		    pod <= P_NI && p->pod == 0) {
			p->pod = pod;
			j = k = k + 1;
		} else if ((is_mod(c, k, M_EARLY) || is_mod(c, k, M_LATE)) &&
		    (pod = pod_word(c, k + 1)) > 0 && p->pod == 0 &&
		    !p->hasreld) {
			/* "Sunday late evening (at 9:30)": the part of the day;
			 * "early Monday" is read by the modifier */
			p->pod = pod;
			j = k = k + 2;
		}
		strong = is_mod(c, k, M_AT) || is_mod(c, k, M_AROUND);
		if (is_punct(c, k, ',') || is_mod(c, k, M_AT) ||
		    is_mod(c, k, M_AROUND) || is_mod(c, k, M_BY))
			k++;
		if (is_mod(c, k, M_AT))
			k++;
		if (clock_at(c, k, p, strong ? 2 : 1) > 0) {
			j = clock_at(c, k, p, strong ? 2 : 1);
			if (!p->ampm)
				p->hh = pod_hour(p->pod, p->hh);
			p->pod = 0;
			if ((pod = class_val(c, j, L_PARTS)) > 0 && !p->ampm) {
				if (pod >= P_AF && pod <= P_NI && p->hh < 12)
					p->hh += 12;
				j++;
			}
		}
		return j;
	}
	/* 8 tonight (at 8, or opening the line: not "scored 2 tonight") */
	if (is_num(c, i) && tk(c, i)->ndig <= 2 && tk(c, i)->val >= 1 &&
	    tk(c, i)->val <= 12 && !(tk(c, i)->flags & (TF_ORD | TF_S)) &&
	    class_val(c, i + 1, L_RELDAYS) == 100 &&
	    (tk(c, i)->beg == 0 || is_mod(c, i - 1, M_AT) ||
		is_mod(c, i - 1, M_AROUND) || is_mod(c, i - 1, M_BY) ||
		is_mod(c, i - 1, M_UNTIL_ALIAS) || is_mod(c, i - 1, M_FROM) ||
		is_punct(c, i - 1, ','))) {
		p->hh = tk(c, i)->val % 12 + 12;
		p->mm = 0;
		p->hastime = 1;
		p->ampm = 1;
		p->hasdate = 1;
		p->hasreld = 1;
		p->reld = 0;
		return i + 2;
	}
	/* 10 at night, two in the morning, at 845 in the evening: an hour
	 * (as a number, a word, or with its minutes run together) and its
	 * part of the day */
	if ((k = bare_hour(c, i)) > 0 ||
	    (is_num(c, i) && (tk(c, i)->ndig == 3 || tk(c, i)->ndig == 4) &&
		tk(c, i)->val / 100 >= 1 && tk(c, i)->val / 100 <= 12 &&
		tk(c, i)->val % 100 < 60)) {
		/* after at (by, around, until ...) or before the end of the
		 * clause: not "only one in the morning session" */
		int cue = is_mod(c, i - 1, M_AT) ||
		    is_mod(c, i - 1, M_AROUND) || is_mod(c, i - 1, M_BY) ||
		    is_mod(c, i - 1, M_UNTIL_ALIAS) ||
		    is_mod(c, i - 1, M_AFTER) || is_mod(c, i - 1, M_BEFORE) ||
		    is_mod(c, i - 1, M_SINCE) || is_mod(c, i - 1, M_FROM);
		int at = is_mod(c, i + 1, M_AT) && pod_word(c, i + 2) == P_NI &&
		    (cue || clock_follows(c, i + 3));

		if (at ||
		    (is_mod(c, i + 1, M_IN) && is_mod(c, i + 2, M_THE) &&
			(pod = pod_word(c, i + 3)) > 0 &&
			(cue || clock_follows(c, i + 4)) &&
			(tk(c, i)->type == T_WORD || tk(c, i)->ndig > 2))) {
			if (at)
				pod = P_NI;
			p->hh = pod_hour(pod, k > 0 ? k : tk(c, i)->val / 100);
			p->mm = k > 0 ? 0 : tk(c, i)->val % 100;
			p->hastime = 1;
			p->ampm = 1;
			return at ? i + 3 : i + 4;
		}
	}
	/* 6 in the afternoon, 3 in the morning */
	if (is_num(c, i) && tk(c, i)->ndig <= 2 && tk(c, i)->val >= 1 &&
	    tk(c, i)->val <= 12 && !(tk(c, i)->flags & (TF_ORD | TF_S)) &&
	    is_mod(c, i + 1, M_IN) && is_mod(c, i + 2, M_THE) &&
	    (((pod = class_val(c, i + 3, L_PARTS)) > 0 && pod <= P_NI) ||
		is_mod(c, i + 3, M_AM) || is_mod(c, i + 3, M_PM))) {
		p->hh = tk(c, i)->val % 12;
		if (is_mod(c, i + 3, M_PM) ||
		    (pod >= P_AF && pod <= P_NI && !(pod == P_NI && p->hh < 5)))
			p->hh += 12;
		p->mm = 0;
		p->hastime = 1;
		p->ampm = 1;
		return i + 4;
	}
	if ((j = clock_at(c, i, p,
		 is_mod(c, i - 1, M_AT) ? 3
					: is_mod(c, i - 1, M_FROM) ||
			 is_mod(c, i - 1, M_TO) || is_mod(c, i - 1, M_BY) ||
			 is_mod(c, i - 1, M_BETWEEN) ||
			 is_mod(c, i - 1, M_AND) || is_mod(c, i - 1, M_SINCE) ||
			 is_mod(c, i - 1, M_AROUND) ||
			 is_mod(c, i - 1, M_BEFORE) ||
			 is_mod(c, i - 1, M_AFTER))) > 0) {
		/* "6 a.m. (0400 GMT)": the same time in another zone */
		if (is_punct(c, j, '(')) {
			struct point z;
			int ze;

			memset(&z, 0, sizeof(z));
			if ((ze = clock_at(c, j + 1, &z, 1)) > 0 &&
			    is_punct(c, ze, ')'))
				j = ze + 1;
		}
		/* "5 p.m. Tuesday", "9 pm tonight", "at 5 on Friday" */
		k = j;
		if (is_mod(c, k, M_IN) && is_mod(c, k + 1, M_THE) &&
		    (pod = class_val(c, k + 2, L_PARTS)) > 0 && pod <= P_NI &&
		    !p->ampm) {
			if (pod >= P_AF && p->hh < 12)
				p->hh += 12;
			k += 3;
			j = k;
		} else if (is_mod(c, k, M_IN) && (pod = pod_word(c, k + 1)) &&
		    !p->ampm) {
			/* "4:10 in afternoon" */
			p->hh = pod_hour(pod, p->hh);
			k += 2;
			j = k;
		} else if ((pod = class_val(c, k, L_PARTS)) > 0 &&
		    pod <= P_NI && !p->ampm) {
			if (pod >= P_AF && p->hh < 12)
				p->hh += 12;
			k++;
			j = k;
		}
		if (is_punct(c, k, ',') || is_mod(c, k, M_ON) ||
		    is_mod(c, k, M_OF))
			k++;
		/* "8 this evening" */
		if (is_mod(c, k, M_THIS) &&
		    (pod = class_val(c, k + 1, L_PARTS)) > 0 && pod <= P_NI &&
		    !p->ampm) {
			p->hasdate = 1;
			p->hasreld = 1;
			p->reld = 0;
			p->pod = pod;
			j = k + 2;
		} else if (date_at(c, k, p) > 0) {
			/* "midnight Friday": the midnight that ends Friday,
			 * as a deadline is set (but "midnight on 12th
			 * August" opens it) */
			if (k == j && p->wd &&
			    class_val(c, i, L_PARTS) == P_MIDNIGHT)
				p->hh = 24;
			j = date_at(c, k, p);
			/* "9 tomorrow evening", "10 o'clock Saturday
			 * night" */
			if ((p->hasreld || (p->wd && !p->d)) && p->pod == 0 &&
			    (pod = class_val(c, j, L_PARTS)) > 0 &&
			    pod <= P_NI && tk(c, j)->type == T_WORD) {
				p->pod = pod;
				j++;
			}
		}
		/* "five-thirty tomorrow evening": 17:30; "12:30 this
		 * morning": 00:30 */
		if (!p->ampm && p->pod >= P_MO && p->pod <= P_NI)
			p->hh = pod_hour(p->pod, p->hh);
		p->pod = 0;
		return j;
	}
	/* "in the afternoon", "during the night": of the day the line named
	 * last ("On Tuesday ... In the afternoon, ..."), else the anchor's */
	if (is_mod(c, i, M_THE) && i > 0 &&
	    (is_mod(c, i - 1, M_IN) || is_word_text(c, i - 1, "during")) &&
	    (pod = class_val(c, i + 1, L_PARTS)) > 0 && pod <= P_NI &&
	    tk(c, i + 1)->type == T_WORD &&
	    (c->w->s[tk(c, i + 1)->end - 1] | 0x20) != 's' &&
	    !is_mod(c, i + 2, M_OF)) {
		p->hasdate = 1;
		if (c->an->have_sday && c->an->send <= tk(c, i)->beg) {
			civil_from_days(c->an->sday, &p->y, &p->m, &p->d);
		} else {
			p->hasreld = 1;
			p->reld = 0;
		}
		p->pod = pod;
		/* "in the evening at eight" */
		return pod_clock(c, i + 2, p, pod);
	}
	/* this morning, this afternoon */
	if (is_mod(c, i, M_THIS) && (pod = class_val(c, i + 1, L_PARTS)) > 0 &&
	    pod <= P_NI && tk(c, i + 1)->type == T_WORD) {
		p->hasdate = 1;
		p->hasreld = 1;
		p->reld = 0;
		p->pod = pod;
		k = i + 2;
		/* this afternoon at 2; this evening at 12: midnight */
		return pod_clock(c, k, p, pod);
	}
	/* last night */
	if (is_mod(c, i, M_LAST) && class_val(c, i + 1, L_PARTS) == P_NI) {
		p->hasdate = 1;
		p->hasreld = 1;
		p->reld = -1;
		p->pod = P_NI;
		return i + 2;
	}
	return -1;
}

/*
 * With no tense to go by, the year of a month and day is the one nearest
 * the anchor, a day in the past counting double: a news story names what
 * is coming more than what is long gone ("the deadline is Sept. 30" in
 * March is this September; "markets close on Good Friday" in November is
 * next spring's).
 */
static int
nearest_year(long an, int m, int d, int y)
{
	int best = y, k;
	long cost = -1;

	for (k = y - 1; k <= y + 1; k++) {
		long day, c;

		if (d > month_days(k, m))
			continue;
		day = days_from_civil(k, m, d);
		c = day >= an ? day - an : 2 * (an - day);
		if (cost < 0 || c < cost) {
			cost = c;
			best = k;
		}
	}
	return best;
}

/*
 * The year of a day (d > 0) or month (d == 0) written without one, for
 * the expression at tokens [i, j): the anchor's, a year back when the
 * clause is past and the date (a month: its first day) after the
 * anchor, a year on when it is future and the date (its last day)
 * before; with no tense, the nearest reading (nearest_year()).
 */
static int
year_for(struct ctx *c, int i, int j, int m, int d)
{
	int ay, am, ad, t;
	long an;

	anchor_civil(c, &ay, &am, &ad);
	c->xyear = 1;
	an = c->an->days;
	t = tense(c, i, j);
	if (t < 0 && days_from_civil(ay, m, d ? d : 1) > an)
		return ay - 1;
	if (t > 0 && days_from_civil(ay, m, d ? d : month_days(ay, m)) < an)
		return ay + 1;
	if (t == 0)
		return nearest_year(an, m, d ? d : 15, ay);
	return ay;
}

/* Resolve a point into v (a day, month, part of day or clock). */
static int
resolve_point(struct ctx *c, struct point *p, int i, int j, struct tv *v,
    const struct point *ctxday)
{
	int y, t;
	long days, an;

	memset(v, 0, sizeof(*v));
	if (!p->hasdate && p->hastime && ctxday != NULL && ctxday->y) {
		p->y = ctxday->y;
		p->m = ctxday->m;
		p->d = ctxday->d;
		p->hasdate = 1;
	}
	if (p->weekof && p->wd) {
		long mon;

		an = anchor_days(c);
		mon = an - (weekday_of(an) - 1) + 7L * (p->weekof - 10);
		civil_from_days(mon + p->wd - 1, &p->y, &p->m, &p->d);
	}
	if (p->dayonly) {
		int ay2, am2, ad2;

		anchor_civil(c, &ay2, &am2, &ad2);
		t = tense(c, i, j);
		if (t < 0 && p->d > ad2)
			am2--;
		else if (t > 0 && p->d < ad2)
			am2++;
		if (am2 < 1)
			am2 = 12, ay2--;
		if (am2 > 12)
			am2 = 1, ay2++;
		p->y = ay2;
		p->m = am2;
	}
	if (p->d && !p->m && p->wd) {
		/* Tuesday the 19th: the nearest month whose 19th is a
		 * Tuesday, this one first */
		int k, yy, mm, dd;

		an = anchor_days(c);
		civil_from_days(an, &yy, &mm, &dd);
		for (k = 0; k < 24; k++) {
			int off = (k % 2 ? 1 : -1) * ((k + 1) / 2);
			int y2 = yy, m2 = mm + off;

			while (m2 > 12)
				m2 -= 12, y2++;
			while (m2 < 1)
				m2 += 12, y2--;
			if (p->d <= month_days(y2, m2) &&
			    weekday_of(days_from_civil(y2, m2, p->d)) ==
				p->wd) {
				p->y = y2;
				p->m = m2;
				break;
			}
		}
		if (!p->m)
			return 0;
	}
	if (p->hasreld) {
		an = anchor_days(c);
		tv_day(v, an + p->reld);
	} else if (p->m && p->d) {
		y = p->y;
		if (y == 0) {
			y = year_for(c, i, j, p->m, p->d);
			/* Tuesday, 10 January: the year whose day it is */
			if (p->wd && p->d <= month_days(y, p->m) &&
			    weekday_of(days_from_civil(y, p->m, p->d)) !=
				p->wd) {
				int dy;

				for (dy = 1; dy <= 6; dy++) {
					if (p->d <= month_days(y + dy, p->m) &&
					    weekday_of(days_from_civil(
						y + dy, p->m, p->d)) == p->wd) {
						y += dy;
						break;
					}
					if (p->d <= month_days(y - dy, p->m) &&
					    weekday_of(days_from_civil(
						y - dy, p->m, p->d)) == p->wd) {
						y -= dy;
						break;
					}
				}
			}
		}
		if (p->d > month_days(y, p->m) && !p->y)
			return 0;
		/* with its year, June 31 is kept as written: expr_from()
		 * takes its span and reports nothing (invalid_day()) */
		tv_set(v, G_DAY, y, p->m, p->d);
	} else if (p->m) {
		y = p->y ? p->y : year_for(c, i, j, p->m, 0);
		tv_set(v, G_MONTH, y, p->m, 1);
	} else if (p->wd) {
		int dw;

		an = anchor_days(c);
		dw = weekday_of(an);
		c->wd = p->wd;
		t = tense(c, i, j);
		if (t < 0)
			days = an - (dw - p->wd + 7) % 7;
		else if (t > 0)
			days = an +
			    ((p->wd - dw + 7) % 7 == 0 ? 7
						       : (p->wd - dw + 7) % 7);
		else {
			int back = (dw - p->wd + 7) % 7;
			int fwd = (p->wd - dw + 7) % 7;

			/* with its clock and no tense, a weekday is a plan:
			 * "at 9am on Saturday" is the coming one */
			days =
			    back <= fwd && !p->hastime ? an - back : an + fwd;
		}
		tv_day(v, days);
	} else if (p->hastime) {
		/* the day named before it in the sentence, else the
		 * anchor's: "on March 3 ... landed at 6:45 a.m." */
		if (c->an->have_sday && c->an->send <= tk(c, i)->beg &&
		    !sentence_between(
			c->w->s, c->w->n, c->an->send, tk(c, i)->beg)) {
			tv_day(v, c->an->sday);
			if (p->midnight) /* "On Tuesday, talks ran past
					  * midnight": the end of it */
				p->hh = 24;
		} else {
			tv_day(v, anchor_days(c));
			/* "the deadline is midnight": the one that ends the
			 * day, but "the truce took effect at midnight" the
			 * one that began it */
			if (p->midnight && tense(c, i, j) >= 0)
				p->hh = 24;
		}
	} else {
		return 0;
	}
	/* the midnight that ends the day ("tonight at 12"): the next
	 * day's 00:00 */
	if (p->hastime && p->hh == 24 && v->grain == G_DAY) {
		tv_day(v, days_from_civil(v->y, v->m, v->d) + 1);
		p->hh = 0;
	}
	if (p->hastime) {
		v->grain = p->ss > 0 ? G_SECOND : G_MINUTE;
		v->hh = p->hh;
		v->mm = p->mm;
		v->ss = p->ss;
	} else if (p->pod && v->grain == G_DAY) {
		v->grain = G_POD;
		v->q = p->pod;
	}
	return 1;
}

/* ---- units relative to the anchor ---- */

static int
unit_at(const struct ctx *c, int i, int *plural)
{
	int v = class_val(c, i, L_UNITS);

	if (v <= 0 || tk(c, i)->type != T_WORD)
		return 0;
	*plural = v >= U_PLURAL;
	return v % U_PLURAL;
}

/* The tokens of a weekend at i: 1 (weekend, wkend), 3 (week-end), else 0. */
static int
weekend_at(const struct ctx *c, int i)
{
	int pl, u = unit_at(c, i, &pl);

	if (u == U_WEEKEND && !pl)
		return 1;
	return u == U_WEEK && !pl && is_punct(c, i + 1, '-') &&
		is_mod(c, i + 2, M_END) && tight(c, i + 2)
	    ? 3
	    : 0;
}

/* Words in -est that are no superlative: "an arrest in two hours". */
static int
not_superlative(const char *w, size_t len)
{
	static const char *const words[] = {"arrest", "interest", "unrest",
	    "forest", "protest", "contest", "harvest", "suggest", "request",
	    "honest", "modest", "invest", "digest", "manifest", "conquest",
	    "inquest", "behest", "detest", "attest", "divest", NULL};
	size_t k, n;
	int i;

	for (i = 0; words[i] != NULL; i++) {
		n = strlen(words[i]);
		if (n != len)
			continue;
		for (k = 0; k < n && (w[k] | 0x20) == words[i][k]; k++)
			continue;
		if (k == n)
			return 1;
	}
	return 0;
}

/*
 * "the first drop in two years", "its highest level in a decade": after
 * first, last or a word in -est, "in N units" is how long, not when.
 */
static int
superlative_before(const struct ctx *c, int i)
{
	int k;

	for (k = i - 1; k >= 0 && k >= i - 4; k--) {
		const struct tok *t = tk(c, k);
		size_t len = t->end - t->beg;
		const char *w = c->w->s + t->beg;

		if (t->type != T_WORD)
			return 0;
		if (class_val(c, k, L_ORDINALS) == 1 || t->mod == M_LAST)
			return 1;
		if (len > 4 && w[len - 3] == 'e' && w[len - 2] == 's' &&
		    w[len - 1] == 't' && !not_superlative(w, len))
			return 1;
		if (len == 4 && memcmp(w, "time", 4) == 0)
			return 1; /* for the first time in 20 years */
		if (is_word_text(c, k, "worst") || is_word_text(c, k, "best") ||
		    is_word_text(c, k, "most") || is_word_text(c, k, "least"))
			return 1; /* its worst drop in two years */
	}
	return 0;
}

/* Shift the anchor day by n units; the value at the unit's grain. */
static void
shift(struct ctx *c, long base, int unit, int n, struct tv *v)
{
	int y, m, d, wy;

	civil_from_days(base, &y, &m, &d);
	switch (unit) {
	case U_DAY:
		tv_day(v, base + n);
		break;
	case U_WEEK:
		tv_day(v, base + 7L * n);
		break;
	case U_FORTNIGHT:
		tv_day(v, base + 14L * n);
		break;
	case U_MONTH:
		months_later(&y, &m, &d, n);
		tv_set(v, G_MONTH, y, m, 1);
		break;
	case U_QUARTER:
		m = (m - 1) / 3 + n * 1;
		y += m >= 0 ? m / 4 : -((3 - m) / 4);
		m = ((m % 4) + 4) % 4;
		tv_set(v, G_QUARTER, y, 1, 1);
		v->q = m + 1;
		break;
	case U_HALF:
		m = (m - 1) / 6 + n;
		y += m >= 0 ? m / 2 : -((1 - m) / 2);
		tv_set(v, G_HALF, y, 1, 1);
		v->q = ((m % 2) + 2) % 2 + 1;
		break;
	case U_YEAR:
		tv_set(v, G_YEAR, y + n, 1, 1);
		break;
	case U_DECADE:
		tv_set(v, G_DECADE, y + 10 * n, 1, 1);
		break;
	case U_CENTURY:
		tv_set(v, G_CENTURY, y + 100 * n, 1, 1);
		break;
	case U_HOUR:
	case U_MINUTE:
	case U_SECOND: {
		long mins = (long)(c->an->hh >= 0 ? c->an->hh : 0) * 60 +
		    (c->an->mm >= 0 ? c->an->mm : 0);

		long secs;

		mins += unit == U_HOUR ? 60L * n : unit == U_MINUTE ? n : 0;
		/* 12 seconds ago: to the second */
		secs = mins * 60 + (unit == U_SECOND ? n : 0);
		base += secs >= 0 ? secs / 86400 : -((86399 - secs) / 86400);
		secs = ((secs % 86400) + 86400) % 86400;
		tv_day(v, base);
		v->grain = unit == U_SECOND ? G_SECOND : G_MINUTE;
		v->hh = (int)(secs / 3600);
		v->mm = (int)(secs / 60 % 60);
		v->ss = (int)(secs % 60);
		break;
	}
	default:
		tv_day(v, base);
		break;
	}
	(void)wy;
}

/* The unit containing the anchor shifted by n: this/next/last week. */
static void
this_unit(struct ctx *c, int unit, int n, struct tv *v)
{
	long an = anchor_days(c);
	long mon = an - (weekday_of(an) - 1);

	switch (unit) {
	case U_WEEK:
		tv_day(v, mon + 7L * n);
		v->grain = G_WEEK;
		break;
	case U_WEEKEND:
		tv_day(v, mon + 7L * n);
		v->grain = G_WEEKEND;
		break;
	case U_DAY:
		tv_day(v, an + n);
		break;
	default:
		shift(c, an, unit, n, v);
		break;
	}
}

struct reading {
	struct tv a, b;
	int end;
	int nodate; /* a set or duration: consume, do not report */
};

/* v: the clock secs seconds after the start of day (carried into the
 * days before or after it), at grain G_MINUTE or G_SECOND. */
static void
tv_clock(struct tv *v, long day, long secs, int grain)
{
	day += secs >= 0 ? secs / 86400 : -((86399 - secs) / 86400);
	secs = ((secs % 86400) + 86400) % 86400;
	tv_day(v, day);
	v->grain = grain;
	v->hh = (int)(secs / 3600);
	v->mm = (int)(secs / 60 % 60);
	v->ss = (int)(secs % 60);
}

/*
 * The next (n > 0) or last (n < 0) |n| whole units beside the anchor's,
 * as one interval: the next five days are tomorrow to five days on, the
 * last two years the two years before this one.  Clock units are
 * instants, the ends of the units: at 04:30 the last two minutes are
 * 04:28/04:30 and the next three hours 05:00/08:00 (from the next whole
 * hour).  (TIMEX3 calls these durations; its gold marks them to be
 * ignored, so an interval costs nothing there.)
 */
static void
n_units(struct ctx *c, int u, int n, struct reading *r)
{
	struct tv a, b;

	if (u == U_HOUR || u == U_MINUTE || u == U_SECOND) {
		long step = u == U_HOUR ? 3600 : u == U_MINUTE ? 60 : 1;
		long cur = 3600L * (c->an->hh >= 0 ? c->an->hh : 0) +
		    60L * (c->an->mm >= 0 ? c->an->mm : 0);
		int g = u == U_SECOND ? G_SECOND : G_MINUTE;

		cur -= cur % step;
		tv_clock(&a, anchor_days(c), cur + step * (n > 0 ? 1 : n), g);
		tv_clock(
		    &b, anchor_days(c), cur + step * (n > 0 ? n + 1 : 0), g);
	} else if (u == U_WEEK || u == U_WEEKEND) {
		this_unit(c, U_WEEK, n > 0 ? 1 : n, &a);
		this_unit(c, U_WEEK, n > 0 ? n : -1, &b);
		b.grain = G_WEEK;
	} else {
		this_unit(c, u, n > 0 ? 1 : n, &a);
		this_unit(c, u, n > 0 ? n : -1, &b);
	}
	r->a = a;
	r->b = b;
}

/*
 * A length of n units (days or longer) that ends on the day before the
 * anchor, as one interval of days: "for the last 3 months" on 2016-11-07
 * is 2016-08-07/2016-11-06 (what the length covers, not the whole months
 * beside the anchor's that "the last 3 months" alone names).
 */
RARE static void
back_length(struct ctx *c, int u, int n, struct reading *r)
{
	long an = anchor_days(c), from;
	int y, m, d;

	if (u <= U_FORTNIGHT) {
		from = an - (u == U_DAY ? 1L : u == U_WEEK ? 7L : 14L) * n;
	} else {
		civil_from_days(an, &y, &m, &d);
		months_later(&y, &m, &d,
		    -(long)n *
			(u == U_MONTH           ? 1
				: u == U_YEAR   ? 12
				: u == U_DECADE ? 120
						: 1200));
		from = days_from_civil(y, m, d);
	}
	if (from < days_from_civil(1, 1, 1)) {
		r->nodate = 1; /* for the past 4000 decades: before year 1 */
		return;
	}
	tv_day(&r->a, from);
	tv_day(&r->b, an - 1);
}

/*
 * The n weekdays (Monday to Friday) after the day an (n > 0) or before it
 * (n < 0), as one interval: on Tuesday 2018-08-21 the next four business
 * days are 2018-08-22/2018-08-27, the previous four 2018-08-15/2018-08-20.
 */
RARE static void
work_days(long an, int n, struct reading *r)
{
	long d = an, step = n > 0 ? 1 : -1, end = 0;
	int k = n > 0 ? n : -n;

	while (k > 0) {
		d += step;
		if (weekday_of(d) <= 5) {
			if (end == 0)
				end = d;
			k--;
		}
	}
	tv_day(&r->a, n > 0 ? end : d);
	tv_day(&r->b, n > 0 ? d : end);
}

/* ---- the main readings ---- */

/*
 * Whether the word at i is w[0..len) (lower case, any case in the text);
 * plural: also w+"s" ("mothers"), and its possessive forms, which set
 * *marked.
 */
static int
word_is(const struct ctx *c, int i, const char *w, size_t len, int plural,
    int *marked)
{
	const struct tok *t = tk(c, i);
	const char *s = c->w->s + t->beg;
	size_t n = t->ndig, k;

	if (t->type != T_WORD || (n != len && !(plural && n == len + 1)))
		return 0;
	for (k = 0; k < len; k++)
		if ((s[k] | 0x20) != w[k])
			return 0;
	if (n == len + 1) {
		if ((s[len] | 0x20) != 's')
			return 0;
		*marked = 1;
	}
	if (t->flags & TF_POSS)
		*marked = 1;
	return 1;
}

/*
 * The holiday name (holiday-table.def) at token j: the token after it, or -1.
 * A dash, apostrophe or dot may join two words (Eid al-Fitr, Tisha B'Av,
 * MLK Jr. Day).
 */
static int
name_at(const struct ctx *c, int j, const char *name, int *marked)
{
	const char *p = name;
	int k = j;

	*marked = 0;
	while (*p != '\0') {
		const char *w = p;
		size_t len;
		int optional = 0, plural = 0, k0 = k;

		while (*p != '\0' && *p != ' ')
			p++;
		len = (size_t)(p - w);
		if (*p == ' ')
			p++;
		if (*w == '?') {
			optional = 1;
			w++;
			len--;
		}
		if (len > 0 && w[len - 1] == '$') {
			plural = 1;
			len--;
		}
		if (k > j &&
		    (is_punct(c, k, '-') || is_punct(c, k, '\'') ||
			is_punct(c, k, '.')))
			k++;
		if (word_is(c, k, w, len, plural, marked))
			k++;
		else if (optional)
			k = k0;
		else
			return -1;
	}
	/* the apostrophe of a plural possessive: Presidents' Day */
	if (*marked && is_punct(c, k, '\'') && tight(c, k))
		k++;
	return k;
}

/*
 * Whether token j, a word of another class, may begin a holiday's name:
 * a month, season, part of day, "late", "early" or "St" with a holiday word
 * (holidays.words) among the three after it: "August bank holiday", "late
 * summer bank holiday", "night of power", "St Paddy's Day", "the morning
 * of Christmas".  Such a word is not in
 * holidays.words, where it would take the place of its own class.
 */
static inline int
name_opens(const struct ctx *c, int j)
{
	const struct tok *t = tk(c, j);

	/* one test on the word before any look at the next ones */
	if (!(t->cmask &
		(1u << L_MONTHS | 1u << L_SEASONS | 1u << L_PARTS |
		    1u << L_STREETS)) &&
	    t->mod != M_LATE && t->mod != M_EARLY)
		return 0;
	return class_is(c, j + 1, L_HOLIDAYS) ||
	    class_is(c, j + 2, L_HOLIDAYS) || class_is(c, j + 3, L_HOLIDAYS);
}

/* The first day of holiday h in year y (its last in *to); NO_DAY if it
 * has none that year (days before 1970 are negative). */
#define NO_DAY (-100000000L)

/* A holiday this many days before the anchor, named without a tense or a
 * modifier, is that one: news speaks of the holiday just past ("Groundhog
 * Day" on February 12) rather than of next year's. */
#define RECENT_DAYS 14
static long
holiday_in(const struct holiday *h, int y, long *to)
{
	long from, t;

	if (!holiday_days(h, y, opt.day_first, &from, &t))
		return NO_DAY;
	if (to != NULL)
		*to = t;
	return from;
}

/*
 * "the [n-th] closest HOLIDAY to DATE" (dir 0), "the n-th HOLIDAY after
 * DATE" (1) or "before DATE" (-1), the name ending at k: the holiday's
 * n-th nearest day to the first day of DATE, or n-th after its last day
 * or before its first, in *days; the token after DATE, or -1.  "the
 * closest Christmas to today" in February is the last one, "the second
 * closest" the next; "the closest Super Tuesday to 2019" is 2020's, and
 * so is "the second Super Tuesday after 2013".
 */
static int
closest_to(
    struct ctx *c, int k, const struct holiday *h, int n, int dir, long *days)
{
	struct reading r3;
	struct point pt;
	long t, last, d, seen[16];
	int e, y, ns = 0, best, q;

	*days = NO_DAY;
	if (!is_mod(c, k,
		dir == 0      ? M_TO
		    : dir > 0 ? M_AFTER
			      : M_BEFORE) ||
	    (e = main_at(c, k + 1, &r3, &pt)) <= 0 || r3.b.grain ||
	    (r3.a.grain != G_YEAR && r3.a.grain != G_MONTH &&
		r3.a.grain != G_WEEK && r3.a.grain < G_DAY))
		return -1;
	t = days_from_civil(
	    r3.a.y, r3.a.m > 0 ? r3.a.m : 1, r3.a.d > 0 ? r3.a.d : 1);
	last = r3.a.grain == G_YEAR ? days_from_civil(r3.a.y, 12, 31)
	    : r3.a.grain == G_MONTH
	    ? days_from_civil(r3.a.y, r3.a.m, month_days(r3.a.y, r3.a.m))
	    : r3.a.grain == G_WEEK ? t + 6
				   : t;
	/* n rounds of the nearest not yet taken, over the 16 years around */
	for (q = 0; q < n; q++) {
		best = 0;
		*days = NO_DAY;
		for (y = r3.a.y - 8; y < r3.a.y + 8; y++) {
			if ((d = holiday_in(h, y, NULL)) == NO_DAY ||
			    (dir > 0 && d <= last) || (dir < 0 && d >= t))
				continue;
			for (best = 0; best < ns && seen[best] != d; best++)
				;
			if (best < ns)
				continue;
			if (*days == NO_DAY || labs(d - t) < labs(*days - t))
				*days = d;
		}
		if (*days == NO_DAY)
			return -1;
		seen[ns++] = *days;
	}
	return e;
}

/*
 * Christmas, Thanksgiving [Day], Easter Monday, Labor Day weekend, New
 * Year's Eve, Martin Luther King Day, Mother's Day [2025], next
 * Thanksgiving, last Easter, Christmas of 2024, Passover (an interval),
 * Ramadan last year, Thanksgiving in three years.  Without a year or a
 * modifier, the clause's tense picks the last or the next one; without a
 * tense, the next one (on or after the anchor): news names a holiday
 * ahead of it more often than after.
 */
static int
holiday_at(struct ctx *c, int i, struct reading *r)
{
	int j = i, y, e, m = 0, k = -1, eve = 0, ay, am, ad, marked = 0, mk;
	int weekend = 0, pod = 0, nopod = 0, l, close = 0, dir = 0, j0, yw;
	const struct holiday *h, *best = NULL;
	long days, to, an;
	struct reading r2;

	/* a holiday's name, or a word before it: the, next, morning ... */
	if (!word_in(c, i,
		CL(L_MODIFIERS) | CL(L_HOLIDAYS) | CL(L_MONTHS) |
		    CL(L_SEASONS) | CL(L_PARTS) | CL(L_STREETS)))
		return -1;
	/* the [second] closest Christmas to today */
	if (is_mod(c, j, M_THE)) {
		int o = ordinal_at(c, j + 1, &e);

		if (o > 0 && o <= 8 && is_word_text(c, e, "closest")) {
			close = o;
			j = e + 1;
		} else if (is_word_text(c, j + 1, "closest")) {
			close = 1;
			j += 2;
		} else if (o > 0 && o <= 8 &&
		    (class_is(c, e, L_HOLIDAYS) || name_opens(c, e))) {
			/* the second Super Tuesday after 2013 */
			close = o;
			dir = 2;
			j = e;
		}
	}
	/* the morning of Christmas, the evening of this Christmas Day (but
	 * the night of power is a name) */
	j0 = j;
pod_again:
	if (is_mod(c, j, M_THE) && class_val(c, j + 1, L_PARTS) > 0 &&
	    is_mod(c, j + 2, M_OF) && !nopod)
		j++;
	if ((pod = class_val(c, j, L_PARTS)) > 0 && pod <= P_NI &&
	    is_mod(c, j + 1, M_OF) && !nopod) {
		j += 2;
		if (is_mod(c, j, M_THE))
			j++;
	} else {
		pod = 0;
		j = j0;
	}
v_again:
	if (is_mod(c, j, M_NEXT) || is_mod(c, j, M_LAST) ||
	    is_mod(c, j, M_THIS) || is_mod(c, j, M_COMING) ||
	    is_mod(c, j, M_PREVIOUS) || is_mod(c, j, M_FOLLOWING)) {
		m = tk(c, j)->mod;
		j++;
	} else if (is_mod(c, j, M_THE) && j == j0) {
		j++;
		goto v_again;
	}
	if (tk(c, j)->type != T_WORD ||
	    (!class_is(c, j, L_HOLIDAYS) && !name_opens(c, j)))
		return -1;
	l = (c->w->s[tk(c, j)->beg] | 0x20) - 'a';
	if (l < 0 || l >= 26)
		return -1;
	for (h = holidays + holiday_first[l];
	     h < holidays + holiday_first[l + 1]; h++) {
		if ((e = name_at(c, j, h->name, &mk)) > k) {
			k = e;
			best = h;
			marked = mk;
		}
	}
	if (best == NULL && pod > 0) {
		nopod = 1;
		j = j0;
		m = 0;
		goto pod_again;
	}
	if (best == NULL)
		return -1;
	if ((best->flags & HF_CAP) && !(tk(c, j)->flags & TF_CAP) &&
	    !year_at(c, k, &e, 0))
		return -1; /* lent money, but lent 2018 */
	if ((best->flags & HF_MARK) && !(tk(c, j)->flags & TF_CAP) && !marked &&
	    k - j < 3)
		return -1; /* a new year */
	if (dir == 2)
		dir = is_mod(c, k, M_BEFORE) ? -1 : 1;
	if (close > 0) {
		if ((e = closest_to(c, k, best, close, dir, &days)) < 0)
			return -1;
		tv_day(&r->a, days);
		return e;
	}
	if (tk(c, k)->type == T_WORD && tk(c, k)->ndig == 3 &&
	    (c->w->s[tk(c, k)->beg] | 0x20) == 'e' &&
	    (c->w->s[tk(c, k)->beg + 1] | 0x20) == 'v' &&
	    (c->w->s[tk(c, k)->beg + 2] | 0x20) == 'e') {
		eve = 1; /* Christmas Eve, New Year's Eve */
		k++;
	}
	anchor_civil(c, &ay, &am, &ad);
	memset(&r2, 0, sizeof(r2));
	/* Labor Day weekend [2021], Memorial Day week-end last year */
	if ((e = weekend_at(c, k)) > 0) {
		weekend = 1;
		k += e;
	}
	if (year_at(c, k, &e, 0)) {
		y = tk(c, e - 1)->val;
		k = e;
	} else if ((is_mod(c, k, M_OF) || is_mod(c, k, M_IN)) &&
	    year_at(c, k + 1, &e, 0)) {
		/* Christmas of 2024, Diwali in 2019 */
		y = tk(c, e - 1)->val;
		k = e;
	} else if ((yw = year_words(c, k, &e)) > 0) {
		y = yw; /* Easter Sunday two thousand ten */
		k = e;
	} else if (is_mod(c, k, M_OF) &&
	    (is_mod(c, k + 1, M_THIS) || is_mod(c, k + 1, M_NEXT) ||
		is_mod(c, k + 1, M_LAST)) &&
	    unit_at(c, k + 2, &e) == U_YEAR) {
		y = ay +
		    (is_mod(c, k + 1, M_NEXT)          ? 1
			    : is_mod(c, k + 1, M_LAST) ? -1
						       : 0);
		k += 3;
	} else if ((tk(c, k)->type == T_WORD || tk(c, k)->type == T_NUM) &&
	    (e = relative_at(c, k, &r2)) > 0 && !r2.b.grain &&
	    (r2.a.grain == G_YEAR || r2.a.grain == G_MONTH)) {
		/* Thanksgiving last year, Easter in two years */
		y = r2.a.y;
		k = e;
	} else {
		an = anchor_days(c);
		y = ay;
		days = holiday_in(best, y, &to);
		if (m == 0)
			c->xyear = 1;
		if (m == M_LAST || m == M_PREVIOUS ||
		    ((m == 0 || m == M_THIS) && tense(c, i, k) < 0)) {
			/* the last one, on or before the anchor (before it
			 * after "last") */
			if (days == NO_DAY || days - eve > an ||
			    (m != 0 && m != M_THIS && days - eve == an))
				y--;
			/* Super Tuesday is every fourth year */
			for (e = 0;
			     e < 8 && holiday_in(best, y, NULL) == NO_DAY; e++)
				y--;
		} else if (m == 0 && days != NO_DAY && days - eve < an &&
		    tense(c, i, k) == 0 && to >= an - RECENT_DAYS) {
			/* Groundhog Day in an article of February 12: the
			 * one ten days before, not next year's; Ramadan
			 * while it lasts */
		} else if (days == NO_DAY || days - eve < an ||
		    (m != 0 && m != M_THIS && days - eve == an)) {
			y++; /* the next one */
			for (e = 0;
			     e < 8 && holiday_in(best, y, NULL) == NO_DAY; e++)
				y++;
		}
		/* Tsunami Tuesday: the one year it has */
		if (best->year != 0 && holiday_in(best, y, NULL) == NO_DAY)
			y = best->year;
	}
	if ((days = holiday_in(best, y, &to)) == NO_DAY)
		return -1;
	if (!weekend && (e = weekend_at(c, k)) > 0) {
		weekend = 1;
		k += e;
	}
	if (weekend) {
		/* Labor Day weekend: the one before a Monday holiday, else
		 * the weekend of its week */
		int wd = weekday_of(days);

		days = wd == 1 ? days - 2 : days + 6 - wd;
		tv_day(&r->a, days);
		r->a.grain = G_WEEKEND;
		return k;
	}
	tv_day(&r->a, days - eve);
	if (to > days && !eve)
		tv_day(&r->b, to);
	else if (pod > 0) {
		r->a.grain = G_POD;
		r->a.q = pod;
	}
	return k;
}

/* Q3, H1, FY2025, FY25, CY2020 [,] [Year] */
static int
tag_at(struct ctx *c, int i, struct reading *r)
{
	const struct tok *t = tk(c, i);
	int j = i + 1, y = 0, e, ay, am, ad;

	if (t->type != T_TAG)
		return -1;
	if ((t->tag[0] == 'q' || t->tag[0] == 'h') && t->tag[1] == '\0' &&
	    t->ndig == 1 && t->val >= 1 &&
	    t->val <= (t->tag[0] == 'q' ? 4 : 2)) {
		if (year_at(c, j, &e, 0)) {
			y = tk(c, e - 1)->val;
			j = e;
		} else if (tk(c, j)->type == T_TAG && tk(c, j)->tag[0] == 'f') {
			y = tk(c, j)->val;
			y = y < 100 ? 2000 + y : y;
			r->a.fiscal = 1;
			j++;
		} else {
			anchor_civil(c, &ay, &am, &ad);
			c->xyear = 1;
			y = ay;
		}
		r->a.grain = t->tag[0] == 'q' ? G_QUARTER : G_HALF;
		r->a.y = y;
		r->a.q = t->val;
		return j;
	}
	if ((t->tag[0] == 'f' && t->tag[1] == 'y') ||
	    (t->tag[0] == 'c' && t->tag[1] == 'y')) {
		if (t->ndig == 2)
			y = 2000 + t->val;
		else if (t->ndig == 4)
			y = t->val;
		else
			return -1;
		tv_set(&r->a, G_YEAR, y, 1, 1);
		r->a.fiscal = t->tag[0] == 'f';
		return j;
	}
	return -1;
}

/* the third quarter [of 2025], the first half, fiscal 2025, 1990s ... */
/* The expression at i is when something happens: after in, by, until,
 * before, during, or the end, start or middle of ("completed by the end
 * of the first quarter"). */
static int
happens_in(const struct ctx *c, int i)
{
	int b = i - 1;

	if (is_mod(c, b, M_OF) &&
	    (is_mod(c, b - 1, M_END) || is_mod(c, b - 1, M_BEGIN) ||
		is_mod(c, b - 1, M_MIDDLE)))
		b -= 2 + is_mod(c, b - 2, M_THE);
	return is_mod(c, b, M_IN) || is_mod(c, b, M_BY) ||
	    is_mod(c, b, M_UNTIL_ALIAS) || is_mod(c, b, M_BEFORE) ||
	    is_mod(c, b, M_DURING);
}

static int
period_at(struct ctx *c, int i, struct reading *r)
{
	int j = i, o, e, u, pl, y = 0, fiscal = 0, ay, am, ad, t, v;

	/* the, fiscal, third, week; 1st, 1990s; '90s */
	if (!word_in(c, i,
		CL(L_MODIFIERS) | CL(L_ORDINALS) | CL(L_NUMBERS) |
		    CL(L_UNITS)) &&
	    !(is_num(c, i) && (tk(c, i)->flags & (TF_ORD | TF_S))) &&
	    !is_punct(c, i, '\''))
		return -1;
	if (is_mod(c, j, M_THE))
		j++;
	if (is_mod(c, j, M_FISCAL)) {
		fiscal = 1;
		j++;
		if (unit_at(c, j, &pl) == U_YEAR)
			j++;
		if ((y = year_at(c, j, &e, 0))) {
			j = e;
			if (is_punct(c, j, '-') && tight(c, j) &&
			    is_num(c, j + 1) && tk(c, j + 1)->ndig == 2) {
				y = y / 100 * 100 + tk(c, j + 1)->val;
				j += 2;
			}
			tv_set(&r->a, G_YEAR, y, 1, 1);
			r->a.fiscal = 1;
			return j;
		}
	}
	if ((o = ordinal_at(c, j, &e)) > 0 && o <= 4) {
		int k = e;

		if (is_punct(c, k, '-'))
			k++;
		u = unit_at(c, k, &pl);
		if ((u == U_QUARTER && o <= 4) || (u == U_HALF && o <= 2)) {
			k++;
			if (is_mod(c, k, M_OF) && is_mod(c, k + 1, M_FISCAL)) {
				fiscal = 1;
				k++;
			}
			if (is_mod(c, k, M_OF) &&
			    (y = year_at(c, k + 1, &e, 0))) {
				k = e;
			} else if (fiscal && (y = year_at(c, k + 1, &e, 0))) {
				k = e;
			} else if (is_mod(c, k, M_OF) &&
			    is_mod(c, k + 1, M_THE) &&
			    is_mod(c, k + 2, M_FISCAL) &&
			    unit_at(c, k + 3, &pl) == U_YEAR) {
				fiscal = 1;
				k += 4;
				anchor_civil(c, &ay, &am, &ad);
				y = ay;
			} else if ((y = year_at(c, k, &e, 0))) {
				k = e;
			} else if (is_mod(c, k, M_OF) &&
			    (is_mod(c, k + 1, M_THIS) ||
				is_mod(c, k + 1, M_NEXT) ||
				is_mod(c, k + 1, M_LAST)) &&
			    unit_at(c, k + 2, &pl) == U_YEAR) {
				anchor_civil(c, &ay, &am, &ad);
				y = ay +
				    (is_mod(c, k + 1, M_NEXT)          ? 1
					    : is_mod(c, k + 1, M_LAST) ? -1
								       : 0);
				k += 3;
			} else {
				anchor_civil(c, &ay, &am, &ad);
				c->xyear = 1;
				y = ay;
				t = tense(c, i, k);
				if (!fiscal && t < 0 &&
				    (u == U_QUARTER ? (am - 1) / 3 + 1 < o
						    : (am - 1) / 6 + 1 < o))
					y--;
				/* and the year after when the clause is
				 * future, the period ended more than three
				 * months before, and something is to happen
				 * in it: "will be completed by the end of the
				 * first quarter", said in October (but "will
				 * report third-quarter results" is this
				 * year's, and so is "will exceed those of the
				 * first half") */
				else if (!fiscal && t > 0 &&
				    am - o * (u == U_QUARTER ? 3 : 6) > 3 &&
				    happens_in(c, i))
					y++;
				/* the last quarter or half of the year
				 * before, just ended, in January or
				 * February, when nothing is to happen in it:
				 * "will report fourth-quarter results" (but
				 * "will close in the fourth quarter" is this
				 * year's) */
				else if (!fiscal && t >= 0 && am <= 2 &&
				    o == (u == U_QUARTER ? 4 : 2) &&
				    !happens_in(c, i))
					y--;
			}
			tv_set(&r->a, u == U_QUARTER ? G_QUARTER : G_HALF, y, 1,
			    1);
			r->a.q = o;
			r->a.fiscal = fiscal;
			return k;
		}
	}
	if (fiscal)
		return -1;
	/* last fiscal year, this fiscal year, the next fiscal year */
	j = i + is_mod(c, i, M_THE);
	if ((is_mod(c, j, M_LAST) || is_mod(c, j, M_THIS) ||
		is_mod(c, j, M_NEXT) || is_mod(c, j, M_CURRENT) ||
		is_mod(c, j, M_PREVIOUS) || is_mod(c, j, M_COMING)) &&
	    is_mod(c, j + 1, M_FISCAL) && unit_at(c, j + 2, &pl) == U_YEAR &&
	    !pl) {
		anchor_civil(c, &ay, &am, &ad);
		y = ay +
		    (is_mod(c, j, M_LAST) || is_mod(c, j, M_PREVIOUS) ? -1
			    : is_mod(c, j, M_NEXT) || is_mod(c, j, M_COMING)
			    ? 1
			    : 0);
		tv_set(&r->a, G_YEAR, y, 1, 1);
		r->a.fiscal = 1;
		return j + 3;
	}
	/* week 23 [of 2018] */
	if (unit_at(c, j, &pl) == U_WEEK && !pl && is_num(c, j + 1) &&
	    !is_mod(c, j - 1, M_A) && !is_word(c, j + 2, L_UNITS) &&
	    tk(c, j + 1)->ndig <= 2 && tk(c, j + 1)->val >= 1 &&
	    tk(c, j + 1)->val <= 53 && !(tk(c, j + 1)->flags & TF_ORD)) {
		long w1;
		int k2 = j + 2;

		anchor_civil(c, &ay, &am, &ad);
		y = ay;
		if (is_mod(c, k2, M_OF) &&
		    (v = year_at(c, k2 + 1, &e, 0)) > 0) {
			y = v;
			k2 = e;
		} else if (is_mod(c, k2, M_OF) &&
		    (is_mod(c, k2 + 1, M_LAST) || is_mod(c, k2 + 1, M_THIS) ||
			is_mod(c, k2 + 1, M_NEXT)) &&
		    unit_at(c, k2 + 2, &v) == U_YEAR && !v) {
			/* week 27 of last year */
			y += is_mod(c, k2 + 1, M_LAST)  ? -1
			    : is_mod(c, k2 + 1, M_NEXT) ? 1
							: 0;
			k2 += 3;
		}
		w1 = days_from_civil(y, 1, 4);
		w1 -= weekday_of(w1) - 1;
		tv_day(&r->a, w1 + 7L * (tk(c, j + 1)->val - 1));
		r->a.grain = G_WEEK;
		return k2;
	}
	j = i;
	if (is_mod(c, j, M_THE))
		j++;
	/* the 1990s, the '90s, the 20th century */
	if (tk(c, j)->type == T_NUM && (tk(c, j)->flags & TF_S) &&
	    (tk(c, j)->ndig == 4 ||
		(tk(c, j)->ndig == 2 && is_punct(c, j - 1, '\''))) &&
	    tk(c, j)->val % 10 == 0) {
		y = tk(c, j)->val;
		if (y < 100)
			y += y < 30 ? 2000 : 1900;
		if (y < 1000 || y > 2990)
			return -1;
		tv_set(
		    &r->a, y % 100 == 0 && 0 ? G_CENTURY : G_DECADE, y, 1, 1);
		return j + 1;
	}
	if (is_punct(c, j, '\'') && tk(c, j + 1)->type == T_NUM &&
	    (tk(c, j + 1)->flags & TF_S) && tk(c, j + 1)->ndig == 2 &&
	    tk(c, j + 1)->val % 10 == 0) {
		y = tk(c, j + 1)->val;
		y += y < 30 ? 2000 : 1900;
		tv_set(&r->a, G_DECADE, y, 1, 1);
		return j + 2;
	}
	if ((o = ordinal_at(c, j, &e)) > 0 && o <= 30 &&
	    unit_at(c, e, &pl) == U_CENTURY && !pl) {
		tv_set(&r->a, G_CENTURY, (o - 1) * 100, 1, 1);
		return e + 1;
	}
	return -1;
}

/* summer 2024, the summer of 2024, this summer, last winter */
static int
season_at(struct ctx *c, int i, struct reading *r)
{
	int j = i, s, m = 0, y, e, ay, am, ad, t;

	if (!word_in(c, i, CL(L_MODIFIERS) | CL(L_SEASONS)))
		return -1;
	if (is_mod(c, j, M_THIS) || is_mod(c, j, M_NEXT) ||
	    is_mod(c, j, M_LAST) || is_mod(c, j, M_COMING) ||
	    is_mod(c, j, M_PAST))
		m = class_val(c, j++, L_MODIFIERS);
	else if (is_mod(c, j, M_THE))
		j++;
	if ((s = class_val(c, j, L_SEASONS)) <= 0 || tk(c, j)->type != T_WORD)
		return -1;
	j++;
	if (year_at(c, j, &e, 0)) {
		y = tk(c, e - 1)->val;
		j = e;
	} else if (is_mod(c, j, M_OF) && year_at(c, j + 1, &e, 0)) {
		y = tk(c, e - 1)->val;
		j = e;
	} else {
		int cur;

		if (m == 0 && !is_mod(c, i - 1, M_IN) &&
		    !is_mod(c, i - 1, M_DURING) && !is_mod(c, i - 1, M_BY) &&
		    !is_mod(c, i - 1, M_SINCE) &&
		    !is_mod(c, i - 1, M_UNTIL_ALIAS) &&
		    !is_mod(c, i - 1, M_EARLY) && !is_mod(c, i - 1, M_LATE) &&
		    !is_mod(c, i - 1, M_MID))
			return -1;
		if (s == 3 && m == 0 && is_mod(c, i, M_THE) &&
		    !is_mod(c, j, M_OF) && 0)
			return -1;
		if (is_mod(c, j, M_OF))
			return -1; /* the fall of Rome */
		/* "expect profit to fall" is the verb; "from spring to
		 * fall" a range of seasons */
		if (s == 3 && is_word_text(c, i - 1, "to") &&
		    class_val(c, i - 2, L_SEASONS) <= 0 &&
		    class_val(c, i - 3, L_SEASONS) <= 0)
			return -1;
		long now, k;

		anchor_civil(c, &ay, &am, &ad);
		/* seasons counted on one line, y * 4 + s - 1 (spring 3-5,
		 * summer 6-8, fall 9-11, winter 12-2 of the year it begins):
		 * in February it is the winter of last year, and "last
		 * spring" is last year's */
		cur = am <= 2  ? 4
		    : am <= 5  ? 1
		    : am <= 8  ? 2
		    : am <= 11 ? 3
			       : 4;
		now = (long)(am <= 2 ? ay - 1 : ay) * 4 + cur - 1;
		k = (long)(am <= 2 ? ay - 1 : ay) * 4 + s - 1; /* this cycle */
		t = m == 0 ? tense(c, i, j) : 0;
		if (m == M_LAST || m == M_PAST) {
			while (k >= now)
				k -= 4;
		} else if (m == M_NEXT || m == M_COMING) {
			while (k <= now)
				k += 4;
		} else if (m == 0 && t < 0) {
			while (k > now)
				k -= 4;
		} else if (m == 0 && t > 0) {
			while (k < now)
				k += 4;
		} else if (am <= 2 && s != 4) {
			k += 4; /* "summer" in January: this year's */
		}
		y = (int)(k >= 0 ? k / 4 : -((3 - k) / 4));
	}
	tv_set(&r->a, G_SEASON, y, 1, 1);
	r->a.q = s;
	return j;
}

/*
 * Relative to the anchor: last week, next month, this year, the coming
 * weekend, two days ago, in three weeks, a year earlier, earlier this
 * month, last Tuesday, next March, the following day.
 */
/*
 * A time in hours that is no whole count, in minutes: "half an hour"
 * (30), "a quarter of an hour" (15), "three-quarters of an hour" (45),
 * "2.5 hours" (150), "two and a half hours" (150); 0 if none.
 */
static int
minutes_at(const struct ctx *c, int i, int *end)
{
	int k = i, n, e, pl, q = 0;

	if (is_mod(c, k, M_A))
		k++;
	/* half an hour, a quarter of an hour, three-quarters of an hour */
	if ((n = number_words(c, k, &e)) == 3 && is_punct(c, e, '-') &&
	    unit_at(c, e + 1, &pl) == U_QUARTER) {
		q = 45;
		k = e + 2;
	} else if (n == 3 && unit_at(c, e, &pl) == U_QUARTER) {
		q = 45;
		k = e + 1;
	} else if (unit_at(c, k, &pl) == U_HALF && !pl) {
		q = 30;
		k++;
	} else if (unit_at(c, k, &pl) == U_QUARTER && !pl) {
		q = 15;
		k++;
	}
	if (q > 0) {
		if (is_mod(c, k, M_OF))
			k++;
		if (is_mod(c, k, M_A))
			k++;
		if (unit_at(c, k, &pl) != U_HOUR || pl)
			return 0;
		*end = k + 1;
		return q;
	}
	/* 2.5 hours, 1.25 hours */
	k = i;
	if (is_num(c, k) && tk(c, k)->ndig <= 2 && is_punct(c, k + 1, '.') &&
	    tight(c, k + 1) && is_num(c, k + 2) && tight(c, k + 2) &&
	    tk(c, k + 2)->ndig <= 2 && unit_at(c, k + 3, &pl) == U_HOUR) {
		int f = tk(c, k + 2)->val,
		    d = tk(c, k + 2)->ndig == 1 ? 10 : 100;

		*end = k + 4;
		return tk(c, k)->val * 60 + f * 60 / d;
	}
	/* two and a half hours */
	if ((n = count_at(c, k, &e)) > 0 && n < 100 && is_mod(c, e, M_AND) &&
	    is_mod(c, e + 1, M_A) && unit_at(c, e + 2, &pl) == U_HALF &&
	    unit_at(c, e + 3, &pl) == U_HOUR) {
		*end = e + 4;
		return n * 60 + 30;
	}
	return 0;
}

/* ---- lengths of time written in several parts or in short ---- */

/*
 * A length of time as written: how many of each unit (n[U_SECOND] ..
 * n[U_CENTURY]); fine, the smallest unit written, which is the grain of
 * a moment counted with it ("1 day 21 hours ago" is a clock time, "2
 * years 1 month 21 days later" a day); parts, the count-unit pairs; and
 * whether it is a form the single-unit readings of relative_at() do not
 * take: several parts, a short unit ("1h", "3mo", "25m"), "more" ("in 2
 * more minutes") or a fraction of an hour ("in 1/2 hour").
 */
struct dur {
	long n[U_CENTURY + 1];
	int fine, parts, other;
};

/*
 * The unit of the short form at i, a word after a number: "h", "hrs",
 * "m", "s", "sec", "d", "w", "wks", "mo", "y", "yrs" ("min", "hr", "wk",
 * "yr" are in units.words).  A one-letter unit, or "mo", must be tight
 * after its number ("1h", "3mo", "25m") unless another part came before
 * it ("1d 21 h"), as "3 m" is more often metres or millions.
 */
static int
short_unit(const struct ctx *c, int i, int later)
{
	static const struct {
		const char *w;
		int u;
	} abbr[] = {{"h", U_HOUR}, {"hrs", U_HOUR}, {"m", U_MINUTE},
	    {"s", U_SECOND}, {"sec", U_SECOND}, {"secs", U_SECOND},
	    {"d", U_DAY}, {"w", U_WEEK}, {"wks", U_WEEK}, {"mo", U_MONTH},
	    {"mos", U_MONTH}, {"y", U_YEAR}, {"yrs", U_YEAR}};
	size_t k;
	const struct tok *t = tk(c, i);

	if (t->type != T_WORD || t->end - t->beg > 4)
		return 0; /* no abbreviation has more than four letters */
	for (k = 0; k < sizeof(abbr) / sizeof(abbr[0]); k++)
		if (is_word_text(c, i, abbr[k].w))
			return t->end - t->beg > 2 || tight(c, i) || later
			    ? abbr[k].u
			    : 0;
	return 0;
}

/*
 * A length of time at i: "15 hours 29 min", "1d 21 h 25m", "2 years, 1
 * month and 21 days", "5 minutes, 30 seconds", "a year and a half",
 * "3m 49s", "1/2 hour", "2 more minutes".  Returns the index after it,
 * else -1.  The parts are counts of the units from seconds to centuries
 * (not weekends, quarters or halves, which relative_at() reads alone).
 */
static int
duration_at(const struct ctx *c, int i, struct dur *d)
{
	int k = i, e, n, u, pl, p;

	memset(d, 0, sizeof(*d));
	d->fine = U_CENTURY + 1;
	/* a length has at most a part a unit, seconds to centuries */
	while (d->parts < U_CENTURY) {
		const struct tok *t;

		p = k;
		if (d->parts > 0) {
			if (is_punct(c, p, ','))
				p++;
			if (is_mod(c, p, M_AND))
				p++;
		}
		t = tk(c, p);
		u = 0;
		/* "£98m a year ago", "$5m": money, not minutes */
		if (d->parts == 0 && t->type == T_NUM && money_before(c, p))
			break;
		if (d->parts == 0 && t->type == T_NUM && t->ndig == 1 &&
		    is_punct(c, p + 1, '/') && tight(c, p + 1) &&
		    is_num(c, p + 2) && tight(c, p + 2) &&
		    (tk(c, p + 2)->val == 2 || tk(c, p + 2)->val == 4) &&
		    t->val < tk(c, p + 2)->val &&
		    (unit_at(c, p + 3, &pl) == U_HOUR ||
			short_unit(c, p + 3, 1) == U_HOUR)) {
			/* in 1/2 hour, in 3/4h, in 1/4 h */
			d->n[U_MINUTE] += 60L * t->val / tk(c, p + 2)->val;
			u = U_MINUTE;
			d->other = 1;
			e = p + 4;
		} else if (t->type == T_NUM && (t->flags & TF_S) &&
		    !(t->flags & (TF_COMMA | TF_ORD)) && t->ndig <= 2 &&
		    d->parts > 0 && c->w->s[t->end - 1] == 's') {
			/* the seconds of "3m 49s" */
			d->n[U_SECOND] += t->val;
			u = U_SECOND;
			e = p + 1;
		} else {
			if ((n = count_at(c, p, &e)) <= 0 || n >= 1000)
				break;
			if (is_word_text(c, e, "more")) {
				d->other = 1;
				e++;
			}
			/* two and a half years */
			if (is_mod(c, e, M_AND) && is_mod(c, e + 1, M_A) &&
			    unit_at(c, e + 2, &pl) == U_HALF && !pl &&
			    unit_at(c, e + 3, &pl) == U_YEAR) {
				d->n[U_MONTH] += 6;
				d->fine = U_MONTH;
				d->other = 1;
				e += 3;
			}
			if ((u = unit_at(c, e, &pl)) == 0 && is_num(c, e - 1) &&
			    (u = short_unit(c, e, d->parts > 0)) != 0)
				d->other = 1;
			if (u == 0 || u == U_WEEKEND || u == U_QUARTER ||
			    u == U_HALF)
				break;
			d->n[u] += n;
			e++;
			/* a year and a half, an hour and a half */
			if ((u == U_YEAR || u == U_HOUR) &&
			    is_mod(c, e, M_AND) && is_mod(c, e + 1, M_A) &&
			    unit_at(c, e + 2, &pl) == U_HALF && !pl) {
				if (u == U_YEAR)
					d->n[U_MONTH] += 6, u = U_MONTH;
				else
					d->n[U_MINUTE] += 30, u = U_MINUTE;
				d->other = 1;
				e += 3;
			}
		}
		if (u < d->fine)
			d->fine = u;
		d->parts++;
		k = e;
	}
	if (d->parts == 0)
		return -1;
	if (d->parts > 1)
		d->other = 1;
	return k;
}

/*
 * The moment day hh:mm:ss moved by the length d, forward (sign 1) or
 * back (-1): months first (a day past the month's end is its last day),
 * then days, then the clock.  The value has the grain of d's smallest
 * unit: a year, month, day, or a clock to the minute or second.
 */
static void
dur_shift(long day, long secs, const struct dur *d, int sign, struct tv *v)
{
	int y, m, dd;
	long months = 12L * d->n[U_YEAR] + d->n[U_MONTH] +
	    120L * d->n[U_DECADE] + 1200L * d->n[U_CENTURY];

	if (months != 0) {
		civil_from_days(day, &y, &m, &dd);
		months_later(&y, &m, &dd, sign * months);
		day = days_from_civil(y, m, dd);
	}
	day +=
	    sign * (d->n[U_DAY] + 7L * d->n[U_WEEK] + 14L * d->n[U_FORTNIGHT]);
	secs += sign *
	    (3600L * d->n[U_HOUR] + 60L * d->n[U_MINUTE] + d->n[U_SECOND]);
	tv_clock(v, day, secs, d->fine == U_SECOND ? G_SECOND : G_MINUTE);
	if (d->fine <= U_HOUR)
		return;
	v->grain = G_DAY;
	if (d->fine == U_MONTH) {
		v->grain = G_MONTH;
		v->d = 1;
	} else if (d->fine >= U_YEAR) {
		v->grain = G_YEAR;
		v->m = v->d = 1;
	}
}

/*
 * The interval a length makes from the moment x: a day's length counts
 * x as its first day ("for 3 days from Monday" is Monday to Wednesday),
 * a clock's length runs from the clock ("4 p.m. for 30 minutes" is
 * 16:00/16:30, "a day starting Friday at 5 p.m." ends at 17:00 on
 * Saturday).  Returns 0 when they do not go together: a length in hours
 * from a day, in days from a month.
 */
static int
dur_span(const struct tv *x, const struct dur *d, struct reading *r)
{
	struct dur back, dd = *d;
	struct tv end;
	long day = days_from_civil(x->y, x->m, x->d);

	if (x->grain >= G_HOUR) {
		dd.fine = x->grain == G_SECOND || d->fine == U_SECOND
		    ? U_SECOND
		    : U_MINUTE;
		dur_shift(day,
		    3600L * x->hh + 60L * (x->mm > 0 ? x->mm : 0) +
			(x->ss > 0 ? x->ss : 0),
		    &dd, 1, &end);
	} else {
		if (x->grain != G_DAY || d->fine < U_DAY)
			return 0;
		/* to the day before the length is over: both ends are
		 * days */
		memset(&back, 0, sizeof(back));
		back.n[U_DAY] = 1;
		back.fine = U_DAY;
		dd.fine = U_DAY;
		dur_shift(day, 0, &dd, 1, &end);
		dur_shift(
		    days_from_civil(end.y, end.m, end.d), 0, &back, -1, &end);
	}
	if (end.y > 9999)
		return 0;
	r->a = *x;
	r->b = end;
	return 1;
}

/* The anchor's clock in seconds of its day (0 without one). */
static long
anchor_secs(const struct ctx *c)
{
	return 3600L * (c->an->hh >= 0 ? c->an->hh : 0) +
	    60L * (c->an->mm >= 0 ? c->an->mm : 0);
}

/* Whether the clause ends at i: the line's end or a stop, not a dash or
 * slash ("two days before." but not "two days before May 3"). */
static int
clause_end(const struct ctx *c, int i)
{
	const struct tok *t = tk(c, i);

	return t->type == 0 ||
	    (t->type == T_PUNCT && t->ch != '-' && t->ch != '/');
}

/*
 * The moment a length d read at j..e (i: where the reading began, before
 * "in" or "within") points to, in *v; returns the index after the
 * expression, else 0:
 *   before it a sign tight to the number, at the start of a word:
 *     "+15 minutes", "-3y" (from the anchor; the sign is in the span);
 *   after it ago, earlier or back; later, hence, from now; or, at the
 *     end of a clause, before, after, or out after hours or minutes ("a
 *     min before.", "15 minute out"): the anchor's moment, or for a
 *     length in days or more after earlier, later, before or after the
 *     last day named, as "the day before" is;
 *   before it in or within ("in 1d 2hr 5min").
 * Lengths of one part written out in full ("two days ago", "in three
 * weeks") are left to the readings after this one, but for the sign and
 * the end of a clause.
 */
static int
dur_moment(
    struct ctx *c, int i, int j, int e, const struct dur *d, struct tv *v)
{
	int sign = 0, k = e, last = 0, end = e, any = 0;
	long day;

	if (j == i && (is_punct(c, i - 1, '+') || is_punct(c, i - 1, '-')) &&
	    tight(c, i) &&
	    (!tight(c, i - 1) || tk(c, i - 1)->beg == 0 ||
		is_punct(c, i - 2, '(')) &&
	    tk(c, i - 1)->beg >= c->floor) {
		sign = is_punct(c, i - 1, '+') ? 1 : -1;
		c->lead = any = 1;
	} else if (is_mod(c, k, M_AGO) || is_mod(c, k, M_EARLIER) ||
	    is_word_text(c, k, "back")) {
		sign = -1;
		last = is_mod(c, k, M_EARLIER);
		end = k + 1;
	} else if (is_mod(c, k, M_LATER) || is_mod(c, k, M_HENCE)) {
		sign = 1;
		last = is_mod(c, k, M_LATER);
		end = k + 1;
	} else if (is_mod(c, k, M_FROM) &&
	    class_val(c, k + 1, L_MODIFIERS) == M_NOW) {
		sign = 1;
		end = k + 2;
	} else if (j == i &&
	    (is_mod(c, k, M_BEFORE) || is_mod(c, k, M_AFTER) ||
		(is_word_text(c, k, "out") && d->fine <= U_HOUR)) &&
	    clause_end(c, k + 1) && (d->fine >= U_DAY || c->an->hh >= 0)) {
		/* (a clock counted so needs the anchor's clock: "a min
		 * before" with no time in --ref counts from nothing; "out"
		 * only with hours or minutes, as "laying out a strategy a
		 * week out" is a week before an event) */
		sign = is_mod(c, k, M_BEFORE) ? -1 : 1;
		last = !is_word_text(c, k, "out");
		end = k + 1;
		any = 1;
	} else if (j > i) {
		sign = 1;
	}
	if (sign == 0 || (!d->other && !any))
		return 0;
	day = last && d->fine >= U_DAY && c->an->have_last ? c->an->last
							   : anchor_days(c);
	c->used = 1;
	dur_shift(day, anchor_secs(c), d, sign, v);
	return v->y >= 1 && v->y <= 9999 ? end : 0;
}

/* Whether "in" at i counts a time ("in two days", "in about five
 * hours", "in half an hour"), else it is a preposition ("in March"). */
static int
in_count(const struct ctx *c, int i)
{
	int j = i + 1, e;

	if (is_mod(c, j, M_AROUND) || is_word_text(c, j, "approximately") ||
	    is_word_text(c, j, "roughly"))
		j++;
	return count_at(c, j, &e) >= 0 || minutes_at(c, j, &e) > 0;
}

/*
 * x moved by n units: to the day for weeks, months and years ("two
 * months after May 31" is July 31, a day past a month's end its last
 * day), else at the unit's grain (shift()).
 */
static void
shift_day(struct ctx *c, const struct tv *x, int u, int n, struct tv *v)
{
	long d0 = days_from_civil(x->y, x->m, x->d);
	int yy = x->y, mm = x->m, dd = x->d;

	shift(c, d0, u, n, v);
	if (u == U_WEEK) {
		tv_day(v, d0 + 7L * n);
	} else if (u == U_MONTH || u == U_YEAR) {
		months_later(&yy, &mm, &dd, (u == U_YEAR ? 12L : 1L) * n);
		tv_set(v, G_DAY, yy, mm, dd);
	}
}

/* Whether the reading at b..e is a holiday named with no year and no
 * next, last or this: "Christmas", "Easter Monday". */
static int
bare_holiday(const struct ctx *c, int b, int e)
{
	int k;

	if (!class_is(c, b, L_HOLIDAYS) && !name_opens(c, b))
		return 0;
	for (k = b; k < e; k++)
		if (tk(c, k)->type == T_NUM || tk(c, k)->type == T_TAG)
			return 0;
	return 1;
}

/*
 * A bare holiday moved by n units (*v, the holiday its clause's tense
 * chose, moved): the moved day is what the clause is about, so it is
 * the day that takes the tense, as a bare date does: on or before the
 * anchor in a past clause, on or after it in a future one, else the
 * nearer, a day past counting double.  With the anchor in February, "a year
 * after Christmas" is 2013-12-25 (Christmas 2012 moved), not a year after the
 * coming one. The holiday of the year before or after is read again from b..e
 * with the anchor moved by that year.
 */
static void
holiday_by_tense(struct ctx *c, int i, int b, int e, int u, int n, struct tv *v)
{
	const struct anchor *save = c->an;
	struct anchor moved = *c->an;
	struct reading qr;
	struct point q;
	struct tv alt;
	long an = anchor_days(c), day = days_from_civil(v->y, v->m, v->d);
	long aday;
	int t = tense(c, i, e), dy;

	if ((t < 0 && day <= an) || (t > 0 && day >= an) || day == an)
		return;
	dy = day > an ? -1 : 1;
	moved.days += 365L * dy;
	c->an = &moved;
	if (main_at(c, b, &qr, &q) != e || qr.b.grain || qr.a.grain != G_DAY) {
		c->an = save;
		return;
	}
	c->an = save;
	shift_day(c, &qr.a, u, n, &alt);
	aday = days_from_civil(alt.y, alt.m, alt.d);
	if (alt.grain != v->grain || (dy < 0 ? aday >= day : aday <= day))
		return;
	/* no tense: the nearer, a day in the past counting double, as
	 * for a date written without its year */
	if (t != 0 ||
	    (aday > an ? aday - an : 2 * (an - aday)) <
		(day > an ? day - an : 2 * (an - day)))
		*v = alt;
}

/* Whether the words before i ask how long: "for the past two years",
 * "during the next three days", "over the last decade" (a duration, not
 * reported). */
static int
how_long(const struct ctx *c, int i)
{
	return is_mod(c, i - 1, M_FOR) || is_mod(c, i - 1, M_DURING) ||
	    is_word_text(c, i - 1, "over");
}

/*
 * "a year ago" or "a year earlier" after a month, quarter or half named
 * in the line: that period a year before, as a wire story compares it
 * and TIMEX3 writes it ("third-quarter profit fell from a year earlier":
 * the third quarter of the year before; "prices rose in July from a
 * year ago": July of the year before).  Returns 0 when no such period
 * was named.
 */
static int
year_before_period(struct ctx *c, int u, int n, struct tv *v)
{
	if (u != U_YEAR || n != 1 || !c->an->have_speriod)
		return 0;
	c->used = 1; /* as a year earlier than a day named */
	*v = c->an->speriod;
	v->y--;
	return 1;
}

/*
 * "the year-ago quarter", "the year-earlier month" (j after "the"), else
 * -1: the quarter or month named before it in the line a year before
 * ("December sales rose from the year-ago month": December of the year
 * before), else the one just reported a year before (on Oct. 25, 1989
 * the third quarter of 1988), as "the latest quarter" (latest reads as
 * last, modifiers.words) is the third quarter of 1989.  Reached only
 * for a word after "the" that is no modifier.
 */
static int
year_ago_quarter(struct ctx *c, int j, struct tv *v)
{
	int pl, u;

	if (unit_at(c, j, &pl) == U_YEAR && !pl && is_punct(c, j + 1, '-') &&
	    (is_mod(c, j + 2, M_AGO) || is_mod(c, j + 2, M_EARLIER)) &&
	    ((u = unit_at(c, j + 3, &pl)) == U_QUARTER || u == U_MONTH) &&
	    !pl) {
		if (!(year_before_period(c, U_YEAR, 1, v) &&
			v->grain == (u == U_MONTH ? G_MONTH : G_QUARTER)))
			this_unit(c, u, u == U_MONTH ? -13 : -5, v);
		return j + 4;
	}
	return -1;
}

static int
relative_at(struct ctx *c, int i, struct reading *r)
{
	int j = i, m = 0, n, u, pl, e, v, ay, am, ad, k;
	long an, base;
	struct dur len;

	/* a number or count (two days ago), a modifier (in, last, the), a
	 * unit (day after tomorrow); a weekday only before "after" (Friday
	 * after next) */
	if (!is_num(c, i) &&
	    !word_in(c, i, CL(L_MODIFIERS) | CL(L_NUMBERS) | CL(L_UNITS)) &&
	    !(word_in(c, i, CL(L_WEEKDAYS)) && is_mod(c, i + 1, M_AFTER)))
		return -1;
	/* N units ago / later / from now; in N units */
	if (is_mod(c, j, M_IN) || is_mod(c, j, M_WITHIN)) {
		j++;
		if (is_mod(c, j, M_AROUND) ||
		    is_word_text(c, j, "approximately") ||
		    is_word_text(c, j, "roughly"))
			j++; /* in about five hours */
	}
	/* a length in several parts or in short, or one after a sign or
	 * before a stop: "15 hours 29 min ago", "in 1d 2hr 5min", "+15
	 * minutes", "-3y", "a min before." (read once for the two tests
	 * below: nothing between them changes it) */
	e = duration_at(c, j, &len);
	if (e > 0 && j == i) {
		/* a length, then the moment it runs from: "a week starting
		 * tomorrow", "3 days beginning on Monday", and after "for":
		 * "for 10 days from Dec. 18", "for 3 days, from today" */
		struct point q;
		struct reading qr;
		int qe;

		k = e;
		if (is_word_text(c, k, "starting") ||
		    is_word_text(c, k, "beginning")) {
			k++;
			if (is_mod(c, k, M_FROM) || is_mod(c, k, M_ON))
				k++;
		} else if (is_mod(c, i - 1, M_FOR) &&
		    (is_mod(c, k, M_FROM) ||
			(is_punct(c, k, ',') && is_mod(c, k + 1, M_FROM)))) {
			k += 1 + is_punct(c, k, ',');
		} else {
			k = 0;
		}
		/* (not before a clock that would be joined to the day:
		 * "a day starting Friday at 5 p.m.") */
		if (k > 0 && (qe = main_at(c, k, &qr, &q)) > 0 && !qr.b.grain &&
		    !qr.nodate && !is_mod(c, qe, M_AT) &&
		    dur_span(&qr.a, &len, r))
			return qe;
	}
	if (e > 0 && j > i && len.other) {
		/* how long, as for one part below: "the first drop in 2
		 * years and 3 months", "within 2 weeks and 3 days of the
		 * vote" */
		if (tk(c, i - 1)->type == T_WORD && superlative_before(c, i))
			return -1;
		if (is_mod(c, e, M_OF)) {
			r->nodate = 1;
			return e;
		}
	}
	if (e > 0 && (k = dur_moment(c, i, j, e, &len, &r->a)) > 0)
		return k;
	/* three Fridays from now, two Thursdays ago: counted from the
	 * anchor, which is not one of them */
	if (j == i && (n = count_at(c, j, &e)) > 0 && n < 60 &&
	    (v = class_val(c, e, L_WEEKDAYS)) > 10 && v < 20 &&
	    ((k = e + 1),
		is_mod(c, k, M_AGO) || is_word_text(c, k, "back") ||
		    is_mod(c, k, M_HENCE) ||
		    (is_mod(c, k, M_FROM) &&
			class_val(c, k + 1, L_MODIFIERS) == M_NOW))) {
		int back = is_mod(c, k, M_AGO) || is_word_text(c, k, "back");

		an = anchor_days(c);
		v -= 10;
		if (back)
			base = an - ((weekday_of(an) - v + 6) % 7 + 1) -
			    7L * (n - 1);
		else
			base = an + ((v - weekday_of(an) + 6) % 7 + 1) +
			    7L * (n - 1);
		tv_day(&r->a, base);
		return k + 1 + is_mod(c, k, M_FROM);
	}
	/* Friday after next: the second Friday after the anchor */
	if (j == i && (v = class_val(c, j, L_WEEKDAYS)) > 0 && v < 10 &&
	    is_mod(c, j + 1, M_AFTER) && is_mod(c, j + 2, M_NEXT) &&
	    !unit_at(c, j + 3, &pl) && class_val(c, j + 3, L_WEEKDAYS) < 0 &&
	    class_val(c, j + 3, L_MONTHS) < 0) {
		an = anchor_days(c);
		tv_day(&r->a, an + ((v - weekday_of(an) + 6) % 7 + 1) + 7);
		return j + 3;
	}
	/* the week after next, the month after next: two on */
	k = i + is_mod(c, i, M_THE);
	if (j == i && (u = unit_at(c, k, &pl)) >= U_WEEK && !pl &&
	    u != U_FORTNIGHT && is_mod(c, k + 1, M_AFTER) &&
	    is_mod(c, k + 2, M_NEXT) && !unit_at(c, k + 3, &pl) &&
	    class_val(c, k + 3, L_WEEKDAYS) < 0 &&
	    class_val(c, k + 3, L_MONTHS) < 0 &&
	    !class_is(c, k + 3, L_HOLIDAYS)) {
		this_unit(c, u, 2, &r->a);
		return k + 3;
	}
	/* half an hour ago, in 2.5 hours, in a quarter of an hour */
	if ((n = minutes_at(c, j, &e)) > 0) {
		k = e;
		if (is_mod(c, k, M_AGO) || is_mod(c, k, M_EARLIER)) {
			shift(c, anchor_days(c), U_MINUTE, -n, &r->a);
			return k + 1;
		}
		if (is_mod(c, k, M_LATER) || is_mod(c, k, M_HENCE) ||
		    (is_mod(c, k, M_FROM) &&
			class_val(c, k + 1, L_MODIFIERS) == M_NOW)) {
			shift(c, anchor_days(c), U_MINUTE, n, &r->a);
			return k + 1 + is_mod(c, k, M_FROM);
		}
		if (j > i) {
			shift(c, anchor_days(c), U_MINUTE, n, &r->a);
			return e;
		}
		return -1;
	}
	if ((n = count_at(c, j, &e)) > 0 && (u = unit_at(c, e, &pl)) != 0 &&
	    u != U_WEEKEND &&
	    !((u == U_QUARTER || u == U_HALF) && is_mod(c, e + 1, M_OF))) {
		k = e + 1;
		if ((is_mod(c, k, M_AGO) || is_mod(c, k, M_EARLIER)) &&
		    year_before_period(c, u, n, &r->a))
			return k + 1;
		if (is_mod(c, k, M_AGO) || is_mod(c, k, M_EARLIER)) {
			base = is_mod(c, k, M_EARLIER) && c->an->have_last
			    ? c->an->last
			    : anchor_days(c);
			c->used = 1;
			shift(c, base, u, -n, &r->a);
			return k + 1;
		}
		if (is_mod(c, k, M_LATER) || is_mod(c, k, M_HENCE) ||
		    (is_mod(c, k, M_FROM) &&
			class_val(c, k + 1, L_MODIFIERS) == M_NOW)) {
			base = is_mod(c, k, M_LATER) && c->an->have_last
			    ? c->an->last
			    : anchor_days(c);
			c->used = 1;
			shift(c, base, u, n, &r->a);
			return k + 1 + is_mod(c, k, M_FROM);
		}
		/* two weeks before May 13, three days after Tuesday, 2 days
		 * after tomorrow, 3 days from Tuesday */
		if ((is_mod(c, k, M_BEFORE) || is_mod(c, k, M_AFTER) ||
			is_mod(c, k, M_FROM)) &&
		    j == i) {
			struct point q;
			struct reading qr;
			struct tv qv;
			int qe;

			/* the date may be any reading of a day: a holiday,
			 * "next Friday", "March 3" */
			if ((qe = main_at(c, k + 1, &qr, &q)) > 0 &&
			    !qr.b.grain && !qr.nodate &&
			    (qr.a.grain == G_DAY ||
				(qr.a.grain >= G_HOUR && u <= U_HOUR))) {
				qv = qr.a;
				if (qv.grain >= G_HOUR) {
					/* 15 minutes before 1pm */
					long mins = qv.hh * 60L + qv.mm +
					    (u == U_HOUR ? 60L : 1L) *
						(is_mod(c, k, M_BEFORE) ? -n
									: n);
					long day =
					    days_from_civil(qv.y, qv.m, qv.d);

					if (u == U_SECOND)
						return -1;
					day += mins >= 0
					    ? mins / 1440
					    : -((1439 - mins) / 1440);
					mins = ((mins % 1440) + 1440) % 1440;
					tv_day(&r->a, day);
					r->a.grain = G_MINUTE;
					r->a.hh = (int)(mins / 60);
					r->a.mm = (int)(mins % 60);
					return qe;
				}
				shift_day(c, &qv, u,
				    is_mod(c, k, M_BEFORE) ? -n : n, &r->a);
				if (bare_holiday(c, k + 1, qe))
					holiday_by_tense(c, i, k + 1, qe, u,
					    is_mod(c, k, M_BEFORE) ? -n : n,
					    &r->a);
				return qe;
			}
		}
		if (j > i && tk(c, i - 1)->type == T_WORD &&
		    superlative_before(c, i))
			return -1; /* the first drop in two years */
		if (j > i && is_mod(c, e + 1, M_OF)) {
			/* within 30 days of the vote: counted from an event */
			r->nodate = 1;
			return e + 1;
		}
		if (j > i) { /* in N units */
			shift(c, anchor_days(c), u, n, &r->a);
			return e + 1;
		}
		return -1;
	}
	/* the day before yesterday, the day after tomorrow */
	j = i + is_mod(c, i, M_THE);
	if (unit_at(c, j, &pl) == U_DAY && !pl &&
	    (is_mod(c, j + 1, M_BEFORE) || is_mod(c, j + 1, M_AFTER)) &&
	    class_is(c, j + 2, L_RELDAYS) &&
	    (v = class_val(c, j + 2, L_RELDAYS)) >= -1 && v <= 1) {
		tv_day(&r->a,
		    anchor_days(c) + v + (is_mod(c, j + 1, M_BEFORE) ? -1 : 1));
		return j + 3;
	}
	/* "the day before", "the day after" at the end of a clause: from
	 * the last day named, else the anchor ("the day after the vote" is
	 * an event's, and unknown) */
	if (unit_at(c, j, &pl) == U_DAY && !pl && j > i &&
	    (is_mod(c, j + 1, M_BEFORE) || is_mod(c, j + 1, M_AFTER)) &&
	    (tk(c, j + 2)->type == 0 ||
		(tk(c, j + 2)->type == T_PUNCT && tk(c, j + 2)->ch != '-' &&
		    tk(c, j + 2)->ch != '/'))) {
		base = c->an->have_last ? c->an->last : anchor_days(c);
		c->used = 1;
		tv_day(&r->a, base + (is_mod(c, j + 1, M_BEFORE) ? -1 : 1));
		return j + 2;
	}
	/* after five days, after a year: from the anchor; but "after two
	 * weeks of talks" is how long something lasted, and so is "the
	 * strike ended Friday after 11 days" in a past clause */
	if (is_mod(c, i, M_AFTER) && (n = count_at(c, i + 1, &e)) > 0 &&
	    (u = unit_at(c, e, &pl)) != 0 && u != U_WEEKEND) {
		if (is_mod(c, e + 1, M_OF) || tense(c, i, e + 1) < 0) {
			r->nodate = 1;
			return e + 1;
		}
		shift(c, anchor_days(c), u, n, &r->a);
		return e + 1;
	}
	j = i;
	if (is_mod(c, j, M_THE))
		j++;
	/* over the weekend: the last one in a past clause, else the next */
	if (j > i && unit_at(c, j, &pl) == U_WEEKEND && !pl) {
		an = anchor_days(c);
		k = weekday_of(an);
		if (k >= 6)
			this_unit(c, U_WEEKEND, 0, &r->a);
		else
			this_unit(c, U_WEEKEND, tense(c, i, j + 1) < 0 ? -1 : 0,
			    &r->a);
		return j + 1;
	}
	/* earlier in the week, later in the month */
	if ((is_mod(c, j, M_EARLIER) || is_mod(c, j, M_LATER)) &&
	    is_mod(c, j + 1, M_IN) && is_mod(c, j + 2, M_THE) &&
	    (u = unit_at(c, j + 3, &pl)) >= U_WEEK && !pl && u != U_FORTNIGHT) {
		this_unit(c, u, 0, &r->a);
		return j + 4;
	}
	if (is_mod(c, j, M_EARLIER) || is_mod(c, j, M_LATER)) {
		/* earlier this year, later this month */
		if (is_mod(c, j + 1, M_THIS) && (u = unit_at(c, j + 2, &pl)) &&
		    !pl && u >= U_WEEK) {
			this_unit(c, u, 0, &r->a);
			return j + 3;
		}
		return -1;
	}
	v = class_val(c, j, L_MODIFIERS);
	if (tk(c, j)->type != T_WORD)
		return -1;
	/* the most recent quarter: the latest, the last one */
	if (j > i && v < 0 && most_recent(c, j + 1)) {
		v = M_LAST;
		j++;
	}
	/* the end of the month, the beginning of the week: this one */
	if (j > i && c->part && (u = unit_at(c, j, &pl)) >= U_WEEK && !pl &&
	    u != U_FORTNIGHT) {
		this_unit(c, u, 0, &r->a);
		return j + 1;
	}
	if (c->part && j == i && (u = unit_at(c, j, &pl)) >= U_WEEK && !pl &&
	    u != U_FORTNIGHT) {
		this_unit(c, u, 0, &r->a); /* end of year */
		return j + 1;
	}
	switch (v) {
	case M_THIS:
	case M_CURRENT:
		m = 0;
		break;
	case M_NEXT:
	case M_COMING:
		m = 1;
		break;
	case M_LAST:
	case M_PREVIOUS:
		m = -1;
		break;
	case M_FOLLOWING:
		m = 2;
		break;
	case M_SAME:
		m = 3;
		break;
	case M_PAST:
		m = -2;
		break;
	default:
		return j > i ? year_ago_quarter(c, j, &r->a) : -1;
	}
	/* this past Wednesday: the last one before the anchor */
	if (m == 0 && is_mod(c, j + 1, M_PAST) &&
	    (v = class_val(c, j + 2, L_WEEKDAYS)) > 0 && v < 10) {
		an = anchor_days(c);
		k = (weekday_of(an) - v + 7) % 7;
		tv_day(&r->a, an - (k == 0 ? 7 : k));
		return j + 3;
	}
	j++;
	/* this calendar year, next working week: the year, the week */
	if (is_mod(c, j, M_KIND) && unit_at(c, j + 1, &pl) >= U_WEEK && !pl)
		j++;
	/* the next four business days, the previous 5 working days: the
	 * weekdays after or before the anchor's day, whatever the verb */
	if ((m == 1 || m == -1 || m == -2) && (n = count_at(c, j, &e)) > 0 &&
	    n < 100 && is_mod(c, e, M_KIND) &&
	    unit_at(c, e + 1, &pl) == U_DAY && (pl ? n > 1 : n == 1)) {
		work_days(anchor_days(c), m == 1 ? n : -n, r);
		return e + 2;
	}
	/* the following two quarters, with no day named before: the next */
	if (m == 2 && !c->an->have_last && count_at(c, j, &e) > 1 &&
	    unit_at(c, e, &pl) >= U_WEEK && pl)
		m = 1;
	/* the next five days, the last 1 hour */
	if ((m == 1 || m == -1 || m == -2) && (n = count_at(c, j, &e)) > 0 &&
	    (u = unit_at(c, e, &pl)) != 0 &&
	    (pl ? n > 1 : n == 1 && !is_mod(c, j, M_A)) && u != U_WEEKEND) {
		if (how_long(c, i) && u != U_QUARTER && u != U_HALF &&
		    is_mod(c, i - 1, M_FOR) && m < 0 && u >= U_DAY &&
		    u != U_WEEKEND && !is_mod(c, e + 1, M_OF))
			/* "worked on it for the last 3 months": the length
			 * that ends at the anchor, counted back in days */
			back_length(c, u, n, r);
		else if (how_long(c, i) && u != U_QUARTER && u != U_HALF)
			/* over the past two years: how long; but "sales for
			 * the last two quarters" are reporting periods */
			r->nodate = 1;
		else
			n_units(c, u, m == 1 ? n : -n, r);
		return e + 1;
	}
	if ((u = unit_at(c, j, &pl)) != 0) {
		/* this week-end */
		if (u == U_WEEK && is_punct(c, j + 1, '-') &&
		    is_mod(c, j + 2, M_END) && tight(c, j + 2)) {
			this_unit(c, U_WEEKEND, m == -2 ? -1 : m, &r->a);
			return j + 3;
		}
		/* the next day, the previous day: from the last day named */
		if (u == U_DAY && !pl && (m == 1 || m == -1) &&
		    (is_mod(c, j - 2, M_THE) || m == 1)) {
			base = c->an->have_last ? c->an->last : anchor_days(c);
			c->used = 1;
			tv_day(&r->a, base + m);
			return j + 1;
		}
		if (pl && u != U_WEEKEND) {
			r->nodate = 1;
			return j + 1;
		}
		if ((m == -2 || m == -1) && u >= U_WEEK && i > 0 &&
		    u != U_QUARTER && u != U_HALF && is_mod(c, i, M_THE) &&
		    how_long(c, i)) {
			r->nodate = 1; /* over the past decade: how long */
			return j + 1;
		}
		if (m == -2) {
			/* the past week: the last seven days (a duration
			 * to TIMEX3); read as last week; the past weekend:
			 * the last one */
			m = -1;
		}
		if (m == 2 || m == 3) {
			if (!c->an->have_last && m == 3 && u == U_DAY)
				return -1;
			base = c->an->have_last ? c->an->last : anchor_days(c);
			c->used = 1;
			if (u == U_DAY)
				tv_day(&r->a, base + (m == 2 ? 1 : 0));
			else if (u == U_WEEK || u == U_WEEKEND) {
				long mon = base - (weekday_of(base) - 1);

				tv_day(&r->a, mon + (m == 2 ? 7 : 0));
				r->a.grain = u == U_WEEK ? G_WEEK : G_WEEKEND;
			} else
				shift(c, base, u, m == 2 ? 1 : 0, &r->a);
			return j + 1;
		}
		if (u == U_DAY || u < U_DAY)
			return -1;
		if (u == U_FORTNIGHT) {
			/* the next fortnight: the next two weeks, as "the
			 * next two weeks" is read; this fortnight: this
			 * week and the next */
			if (m == 0) {
				this_unit(c, U_WEEK, 0, &r->a);
				this_unit(c, U_WEEK, 1, &r->b);
			} else {
				n_units(c, U_WEEK, 2 * m, r);
			}
			return j + 1;
		}
		this_unit(c, u, m, &r->a);
		return j + 1;
	}
	if (m == 2 || m == 3)
		return -1;
	/* last Tuesday, next Friday, this Thursday */
	if ((v = class_val(c, j, L_WEEKDAYS)) > 0 && v < 10) {
		int dw;

		an = anchor_days(c);
		dw = weekday_of(an);
		/* last Friday: the Friday of last week; next Friday: of
		 * next week; this Friday: the coming one (or today) */
		if (m == -2)
			/* past Wednesday: the last one before the anchor, as
			 * "this past Wednesday" */
			base = an - ((dw - v + 6) % 7 + 1);
		else if (m == -1)
			base = an - (dw - 1) - 7 + (v - 1);
		else if (m == 1)
			base = an - (dw - 1) + 7 + (v - 1);
		else
			base = an + (v - dw + 7) % 7;
		tv_day(&r->a, base);
		k = j + 1;
		if ((v = class_val(c, k, L_PARTS)) > 0 && v <= P_NI) {
			r->a.grain = G_POD;
			r->a.q = v;
			k++;
		}
		return k;
	}
	/* last March, next January */
	if ((v = class_val(c, j, L_MONTHS)) > 0 && tk(c, j)->type == T_WORD &&
	    (tk(c, j)->flags & TF_CAP)) {
		anchor_civil(c, &ay, &am, &ad);
		if (m == -1 || m == -2)
			ay -= v >= am;
		else if (m == 1)
			ay += v <= am;
		tv_set(&r->a, G_MONTH, ay, v, 1);
		return j + 1;
	}
	return -1;
}

/* early March, mid-2024, late last year, the end of March */
static int
part_mod(struct ctx *c, int i, int *end)
{
	int j = i, v;

	if (is_mod(c, j, M_THE))
		j++;
	if ((is_mod(c, j, M_END) || is_mod(c, j, M_BEGIN) ||
		is_mod(c, j, M_MIDDLE)) &&
	    is_mod(c, j + 1, M_OF)) {
		*end = j + 2;
		return class_val(c, j, L_MODIFIERS);
	}
	/* end-2019, start-March: Reuters' short form of "the end of" */
	if ((is_mod(c, i, M_END) || is_mod(c, i, M_BEGIN)) &&
	    is_punct(c, i + 1, '-') && tight(c, i + 1) && tight(c, i + 2) &&
	    (year_at(c, i + 2, &v, 0) || class_val(c, i + 2, L_MONTHS) > 0)) {
		*end = i + 2;
		return class_val(c, i, L_MODIFIERS);
	}
	j = i;
	v = class_val(c, j, L_MODIFIERS);
	if ((v == M_EARLY || v == M_MID || v == M_LATE) &&
	    tk(c, j)->type == T_WORD &&
	    !(v == M_MID && mid_clock(c, j) >= 0) /* mid day: noon */) {
		j++;
		if (is_punct(c, j, '-'))
			j++;
		*end = j;
		return v;
	}
	return 0;
}

/*
 * early March, the end of the year, the beginning of next week: the part
 * of the unit, as Duckling writes it and as a TIMEX3 mod (START, MID,
 * END) accepts: a month's first, middle or last ten days; a year's first
 * three or last four months; a week's first three or last three days.
 * Other units keep their value.
 */
static void
part_of(struct reading *r, int pm)
{
	struct tv *a = &r->a, *b = &r->b;
	int early = pm == M_EARLY || pm == M_BEGIN;
	int late = pm == M_LATE || pm == M_END;
	long mon;

	if (a->fiscal)
		return;
	switch (a->grain) {
	case G_MONTH:
		*b = *a;
		a->grain = b->grain = G_DAY;
		a->d = early ? 1 : late ? 21 : 11;
		b->d = early ? 10 : late ? month_days(a->y, a->m) : 20;
		break;
	case G_YEAR:
		if (!early && !late)
			return;
		*b = *a;
		a->grain = b->grain = G_MONTH;
		a->m = early ? 1 : 9;
		b->m = early ? 3 : 12;
		break;
	case G_WEEK:
		if (!early && !late)
			return;
		mon = days_from_civil(a->y, a->m, a->d);
		tv_day(a, mon + (early ? 0 : 4));
		tv_day(b, mon + (early ? 2 : 6));
		break;
	default:
		break;
	}
}

/* "sold 2024 units": a count, not a year (no preposition before it,
 * a plural word after it). */
static int
count_of_things(const struct ctx *c, int i, int e)
{
	const struct tok *a = tk(c, e), *b = tk(c, i - 1);
	const char *w = c->w->s + a->beg;
	size_t len = a->end - a->beg;

	if (a->type != T_WORD || (a->flags & TF_CAP) || len < 3 ||
	    w[len - 1] != 's' || a->cmask != 0)
		return 0;
	return !(b->type == T_WORD && b->mod != 0);
}

/*
 * The month or year that "of" or "in" names after an ordinal: March
 * [2025], the month, this/next/last month, the current month, 2025,
 * next year.  *m is 0 for a year.  Returns the index after it or -1.
 */
static int
period_of(struct ctx *c, int k, int *y, int *m)
{
	/* pl: unit_at() sets it for a unit only */
	int ay, am, ad, v, e, pl = 0, sh = 0, u;

	anchor_civil(c, &ay, &am, &ad);
	if ((v = class_val(c, k, L_MONTHS)) > 0 && tk(c, k)->type == T_WORD) {
		*m = v;
		*y = ay;
		if ((v = year_at(c, k + 1, &e, 0)) > 0 ||
		    ((is_punct(c, k + 1, ',') || is_mod(c, k + 1, M_OF)) &&
			(v = year_at(c, k + 2, &e, 0)) > 0)) {
			*y = v;
			return e;
		}
		c->xyear = 1;
		return k + 1;
	}
	if ((v = year_at(c, k, &e, 0)) > 0) {
		*m = 0;
		*y = v;
		return e;
	}
	if (is_mod(c, k, M_THE))
		k++;
	switch (tk(c, k)->mod) {
	case M_THIS:
	case M_CURRENT:
		k++;
		break;
	case M_NEXT:
	case M_COMING:
	case M_FOLLOWING:
		sh = 1;
		k++;
		break;
	case M_LAST:
	case M_PREVIOUS:
	case M_PAST:
		sh = -1;
		k++;
		break;
	default:
		break;
	}
	u = unit_at(c, k, &pl);
	if (pl || (u != U_MONTH && u != U_YEAR))
		return -1;
	if (u == U_MONTH) {
		am += sh;
		while (am > 12)
			am -= 12, ay++;
		while (am < 1)
			am += 12, ay--;
		*m = am;
	} else {
		ay += sh;
		*m = 0;
	}
	*y = ay;
	return k + 1;
}

/*
 * The first Monday of October, the last week of July, the third day of
 * October, the 20th of next month, the 9th month of next year, the last
 * Friday in March 2025, the last week of 2016 (the year's last ISO week),
 * the third last week of 2018, the last week-end in October, the fifth
 * last day of May.
 */
static int
nth_of(struct ctx *c, int i, struct reading *r)
{
	int j = i, n, e, wd = 0, u = 0, pl, y, m, k;
	long d;

	/* the, last, a number, an ordinal */
	if (!is_num(c, i) &&
	    !word_in(c, i, CL(L_MODIFIERS) | CL(L_NUMBERS) | CL(L_ORDINALS)))
		return -1;
	if (is_mod(c, j, M_THE))
		j++;
	if (is_mod(c, j, M_LAST)) {
		n = -1;
		e = j + 1;
	} else if (mday_at(c, j) && is_mod(c, j + 1, M_OF) &&
	    period_of(c, j + 2, &y, &m) > 0 && m > 0) {
		n = tk(c, j)->val; /* 20 of this month */
		e = j + 1;
	} else if ((n = ordinal_at(c, j, &e)) <= 0 || n > 31) {
		return -1;
	} else if (n > 1 && n <= 5 && is_mod(c, e, M_LAST)) {
		n = -n; /* the second last week of October */
		e++;
	}
	if ((wd = class_val(c, e, L_WEEKDAYS)) > 0 && wd < 10) {
		k = e + 1;
	} else if ((wd = 0) == 0 && (u = unit_at(c, e, &pl)) != 0 && !pl &&
	    (u == U_WEEK || u == U_DAY || u == U_MONTH || u == U_WEEKEND)) {
		k = e + 1;
		if (weekend_at(c, e) == 3) {
			u = U_WEEKEND; /* the last week-end in October */
			k = e + 3;
		}
	} else if (n > 0 && tk(c, j)->type == T_NUM) {
		k = e; /* the 20th of next month */
		u = U_DAY;
	} else {
		return -1;
	}
	if (!is_mod(c, k, M_OF) && !is_mod(c, k, M_IN))
		return -1;
	if ((k = period_of(c, k + 1, &y, &m)) < 0)
		return -1;
	if (wd) {
		if (m == 0)
			return -1;
		if (n > 5)
			return -1;
		d = n < 0 ? nth_weekday(y, m, wd, -1) + 7L * (n + 1)
			  : nth_weekday(y, m, wd, n);
		if (n > 0 &&
		    nth_weekday(y, m, wd, 1) + 7L * (n - 1) >
			days_from_civil(y, m, month_days(y, m)))
			return -1;
		tv_day(&r->a, d);
		return k;
	}
	if (u == U_DAY) {
		if (m == 0 || n > month_days(y, m))
			return -1;
		/* the last day of October, the fifth last day of May */
		tv_set(
		    &r->a, G_DAY, y, m, n < 0 ? month_days(y, m) + n + 1 : n);
		return k;
	}
	if (u == U_MONTH) {
		if (m != 0 || n < 1 || n > 12)
			return -1;
		tv_set(&r->a, G_MONTH, y, n, 1);
		return k;
	}
	/* weeks: the n-th week starts on the n-th Monday (of the year's
	 * first ISO week); a month's weeks are those whose Thursday is in
	 * it, as ISO 8601 puts weeks in years (the first week of January
	 * 2015 is 2014-12-29 to 2015-01-04; the last week of December 2016
	 * ends on January 1); a weekend of a month has its days in it */
	if (m == 0 && n < 0) {
		/* the last ISO week of the year holds its December 28 */
		d = days_from_civil(y, 12, 28);
		d -= weekday_of(d) - 1;
		d += 7L * (n + 1);
	} else if (m == 0) {
		long w1 = days_from_civil(y, 1, 4);

		w1 -= weekday_of(w1) - 1;
		d = w1 + 7L * (n - 1);
	} else if (u == U_WEEK) {
		if (n > 5 ||
		    (n > 0 &&
			nth_weekday(y, m, 4, 1) + 7L * (n - 1) >
			    days_from_civil(y, m, month_days(y, m))))
			return -1;
		d = n > 0 ? nth_weekday(y, m, 4, n) - 3
			  : nth_weekday(y, m, 4, -1) - 3 + 7L * (n + 1);
	} else if (n > 0) {
		long first = days_from_civil(y, m, 1);

		if (n > 5)
			return -1;
		/* the first weekend of a month is the one of its 1st */
		d = first - (weekday_of(first) - 1) + 7L * (n - 1);
	} else {
		long last = days_from_civil(y, m, month_days(y, m));

		d = last - 6; /* the last Monday with its Sunday in it */
		d -= weekday_of(d) - 1;
		d += 7L * (n + 1);
	}
	tv_day(&r->a, d);
	r->a.grain = u == U_WEEKEND ? G_WEEKEND : G_WEEK;
	return k;
}

/*
 * The first ten days of last year, the first two weeks of March, the last
 * two days of the month: n days or weeks at the start or the end of a
 * month or a year, as one interval.  Not months: "the first nine months
 * of the year" is a reporting period, how long, as TIMEX3 has it.
 */
static int
units_of(struct ctx *c, int i, struct reading *r)
{
	int j = i, n, e, u, pl, y, m, k, first;
	long from, to, len;

	/* the, last, first (an ordinal in words) */
	if (!word_in(c, i, CL(L_MODIFIERS) | CL(L_NUMBERS) | CL(L_ORDINALS)))
		return -1;
	if (is_mod(c, j, M_THE))
		j++;
	if (is_mod(c, j, M_LAST))
		first = 0;
	else if (tk(c, j)->type == T_WORD && ordinal_at(c, j, &e) == 1)
		first = 1;
	else
		return -1;
	if ((n = count_at(c, j + 1, &e)) < 2 || (u = unit_at(c, e, &pl)) == 0 ||
	    !pl || (u != U_DAY && u != U_WEEK) ||
	    (!is_mod(c, e + 1, M_OF) && !is_mod(c, e + 1, M_IN)) ||
	    (k = period_of(c, e + 2, &y, &m)) < 0)
		return -1;
	from = days_from_civil(y, m > 0 ? m : 1, 1);
	to = m > 0 ? days_from_civil(y, m, month_days(y, m))
		   : days_from_civil(y, 12, 31);
	len = u == U_WEEK ? 7L * n : n;
	if (len > to - from + 1)
		return -1;
	tv_day(&r->a, first ? from : to - len + 1);
	tv_day(&r->b, first ? from + len - 1 : to);
	return k;
}

/*
 * The week of a day: "the week of March 10", "the week beginning
 * (starting, commencing) February 4", "w/c Feb 4": the ISO week (Monday
 * to Sunday) holding that day.
 */
static int
week_of(struct ctx *c, int i, struct reading *r)
{
	struct point q;
	struct tv v;
	int j = i, e, pl;

	/* the, week, weekend, w/c */
	if (!word_in(c, i, CL(L_MODIFIERS) | CL(L_UNITS)) &&
	    !is_word_text(c, i, "w"))
		return -1;
	if (is_mod(c, j, M_THE))
		j++;
	/* the weekend of Halloween, the weekend of March 8: the weekend of
	 * that day's week (of a Monday, the one before, as in "Labor Day
	 * weekend") */
	if ((e = weekend_at(c, j)) > 0 && is_mod(c, j + e, M_OF)) {
		struct reading r2;
		struct point p2;
		long days;
		int wd;

		j += e + 1;
		memset(&r2, 0, sizeof(r2));
		if ((e = main_at(c, j, &r2, &p2)) <= 0 || r2.b.grain ||
		    r2.a.grain != G_DAY)
			return -1;
		days = days_from_civil(r2.a.y, r2.a.m, r2.a.d);
		wd = weekday_of(days);
		tv_day(&r->a, wd == 1 ? days - 2 : days + 6 - wd);
		r->a.grain = G_WEEKEND;
		return e;
	}
	if (is_word_text(c, j, "w") && is_punct(c, j + 1, '/') &&
	    is_word_text(c, j + 2, "c") && tight(c, j + 1) && tight(c, j + 2)) {
		j += 3;
	} else {
		if (unit_at(c, j, &pl) != U_WEEK || pl)
			return -1;
		j++;
		if (is_mod(c, j, M_OF))
			j++;
		else if (is_word_text(c, j, "beginning") ||
		    is_word_text(c, j, "starting") ||
		    is_word_text(c, j, "commencing"))
			j += 1 +
			    (is_mod(c, j + 1, M_ON) ||
				is_mod(c, j + 1, M_FROM));
		else
			return -1;
	}
	if ((e = point_at(c, j, &q)) <= 0 || !q.hasdate || q.hastime ||
	    !resolve_point(c, &q, j, e, &v, NULL) || v.grain != G_DAY)
		return -1;
	{
		long days = days_from_civil(v.y, v.m, v.d);
		int wd = weekday_of(days);

		/* the ISO week of the day; of a Sunday, the week it opens,
		 * as an American calendar starts it ("the week of Oct. 6",
		 * a Sunday: October 7 to 13) */
		tv_day(&r->a, wd == 7 ? days + 1 : days - wd + 1);
	}
	r->a.grain = G_WEEK;
	return e;
}

/*
 * now, right now, just now: the anchor's moment, its clock when --ref
 * gave one, else the start of its day; after a dateline, its day (the
 * day of the report).  "from now", "by now" are read by their signals.
 */
static int
now_at(struct ctx *c, int i, struct reading *r)
{
	int w = i, e;

	/* at present, at the moment, at this moment, at the present time:
	 * now; not "present" or "moment" otherwise, nor "at the moment of
	 * impact" */
	if (class_val(c, i, L_RELDAYS) != 102) {
		if (!(is_mod(c, i, M_THE) || is_mod(c, i, M_THIS)) ||
		    class_val(c, i + 1, L_RELDAYS) != 102 ||
		    is_word_text(c, i + 1, "now"))
			return -1;
		w = i + 1;
	}
	e = w + 1;
	if (!is_word_text(c, w, "now")) {
		if (!(is_mod(c, w - 1, M_AT) ||
			((is_mod(c, w - 1, M_THE) ||
			     is_mod(c, w - 1, M_THIS)) &&
			    is_mod(c, w - 2, M_AT))))
			return -1;
		if (is_word_text(c, w, "present") &&
		    is_word_text(c, e, "time") && is_mod(c, w - 1, M_THE))
			e++;
		if (is_mod(c, e, M_OF) || is_word_text(c, e, "when"))
			return -1;
	}
	tv_day(&r->a, anchor_days(c));
	if (!c->an->from_line) {
		r->a.grain = G_MINUTE;
		r->a.hh = c->an->hh >= 0 ? c->an->hh : 0;
		r->a.mm = c->an->mm >= 0 ? c->an->mm : 0;
	}
	return e;
}

/*
 * The periods of business news: year-end, month-end, quarter-end [1997]
 * (the end of that unit, as part_of() reads "the end of the year"), the
 * June quarter (the quarter ending in June, said in Australia and India),
 * the 2024 fiscal year, and the financial press's 1H24, 3Q2025 (a
 * capital H or Q) and 18q4.  Returns the index after it or -1.
 */
static int
business_period(struct ctx *c, int i, struct reading *r)
{
	const struct tok *t = tk(c, i), *n = tk(c, i + 1);
	int u, pl, y, e, k, m;

	/* year-end, June quarter, 2024 fiscal year, '24 fiscal year, 1H24 */
	if (t->type != T_NUM && !is_punct(c, i, '\'') &&
	    !word_in(c, i, CL(L_UNITS) | CL(L_MONTHS)))
		return -1;
	/* (also "by year end", "at year end" in two words) */
	if ((u = unit_at(c, i, &pl)) != 0 && !pl &&
	    (u == U_YEAR || u == U_MONTH || u == U_QUARTER) &&
	    ((is_punct(c, i + 1, '-') && tight(c, i + 1) && tight(c, i + 2) &&
		 is_mod(c, i + 2, M_END)) ||
		(is_mod(c, i + 1, M_END) && !tight(c, i + 1) &&
		    (is_mod(c, i - 1, M_BY) || is_mod(c, i - 1, M_AT) ||
			is_mod(c, i - 1, M_BEFORE) ||
			is_mod(c, i - 1, M_UNTIL_ALIAS))))) {
		k = i + 2 + is_punct(c, i + 1, '-');
		if (u == U_YEAR && (y = year_at(c, k, &e, 0)) > 0) {
			tv_set(&r->a, G_YEAR, y, 1, 1);
			k = e;
		} else {
			this_unit(c, u, 0, &r->a);
		}
		part_of(r, M_END);
		return k;
	}
	/* the October-December quarter: the quarter of its months */
	if ((m = class_val(c, i, L_MONTHS)) > 0 && (m - 1) % 3 == 0 &&
	    is_punct(c, i + 1, '-') && class_val(c, i + 2, L_MONTHS) == m + 2 &&
	    unit_at(c, i + 3, &pl) == U_QUARTER && !pl) {
		k = i + 4;
		if ((y = year_at(c, k, &e, 0)) > 0)
			k = e;
		else
			y = year_for(c, i, k, m + 2, 0);
		tv_set(&r->a, G_QUARTER, y, 1, 1);
		r->a.q = (m + 2) / 3;
		return k;
	}
	if ((t->flags & TF_CAP) && (m = class_val(c, i, L_MONTHS)) > 0 &&
	    m % 3 == 0 && unit_at(c, i + 1, &pl) == U_QUARTER && !pl) {
		k = i + 2;
		if (is_mod(c, k, M_OF) && (y = year_at(c, k + 1, &e, 0)) > 0)
			k = e;
		else if ((y = year_at(c, k, &e, 0)) > 0)
			k = e;
		else
			y = year_for(c, i, k, m, 0);
		tv_set(&r->a, G_QUARTER, y, 1, 1);
		r->a.q = m / 3;
		return k;
	}
	if ((y = year_at(c, i, &e, 0)) > 0 && is_mod(c, e, M_FISCAL) &&
	    unit_at(c, e + 1, &pl) == U_YEAR && !pl) {
		tv_set(&r->a, G_YEAR, y, 1, 1);
		r->a.fiscal = 1;
		return e + 2;
	}
	/* 1H24, 2Q2025 (capitals); 18q4 */
	if (t->type == T_NUM && !(t->flags & (TF_COMMA | TF_ORD | TF_S)) &&
	    n->type == T_TAG && tight(c, i + 1) && n->tag[1] == '\0' &&
	    (n->tag[0] == 'q' || n->tag[0] == 'h')) {
		int cap = c->w->s[n->beg] == 'Q' || c->w->s[n->beg] == 'H';
		int max = n->tag[0] == 'q' ? 4 : 2;

		if (t->ndig == 1 && cap && t->val >= 1 && t->val <= max &&
		    (n->ndig == 2 || n->ndig == 4)) {
			y = n->ndig == 2 ? 2000 + n->val : n->val;
			u = t->val;
		} else if (t->ndig == 2 && n->tag[0] == 'q' && n->ndig == 1 &&
		    n->val >= 1 && n->val <= 4) {
			y = 2000 + t->val;
			u = n->val;
		} else {
			return -1;
		}
		if (y < 1200 || y > 2200)
			return -1;
		tv_set(&r->a, n->tag[0] == 'q' ? G_QUARTER : G_HALF, y, 1, 1);
		r->a.q = u;
		return i + 2;
	}
	return -1;
}

static int
main_at(struct ctx *c, int i, struct reading *r, struct point *pt)
{
	int e, tried, v;

	/* zeroed before the first reading, nth_of(), which sets r->a only:
	 * after "to the 28th of June", range_end() read r2.nodate and
	 * p2.hastime from what its stack held before */
	memset(r, 0, sizeof(*r));
	memset(pt, 0, sizeof(*pt));
	if ((e = nth_of(c, i, r)) > 0)
		return e;
	if ((e = units_of(c, i, r)) > 0)
		return e;
	if ((e = now_at(c, i, r)) > 0)
		return e;
	if ((e = tag_at(c, i, r)) > 0)
		return e;
	if ((e = business_period(c, i, r)) > 0)
		return e;
	/* a holiday's name before the readings of its words: "Early May
	 * bank holiday", not "Early May" */
	if ((tried = class_is(c, i, L_HOLIDAYS) || name_opens(c, i)) &&
	    (e = holiday_at(c, i, r)) > 0)
		return e;
	if ((e = week_of(c, i, r)) > 0)
		return e;
	if ((e = period_at(c, i, r)) > 0)
		return e;
	if ((e = relative_at(c, i, r)) > 0)
		return e;
	if ((e = season_at(c, i, r)) > 0)
		return e;
	if (!tried && (e = holiday_at(c, i, r)) > 0)
		return e;
	if ((e = point_at(c, i, pt)) > 0) {
		if (!resolve_point(c, pt, i, e, &r->a, NULL))
			return -1;
		if (!pt->hasdate && !pt->hastime)
			return -1;
		return e;
	}
	/* 2017 Q1, 2019 H2 */
	if (year_at(c, i, &e, 0) && tk(c, e)->type == T_TAG &&
	    tk(c, e)->tag[1] == '\0' && tk(c, e)->ndig == 1 &&
	    ((tk(c, e)->tag[0] == 'q' && tk(c, e)->val >= 1 &&
		 tk(c, e)->val <= 4) ||
		(tk(c, e)->tag[0] == 'h' && tk(c, e)->val >= 1 &&
		    tk(c, e)->val <= 2))) {
		tv_set(&r->a, tk(c, e)->tag[0] == 'q' ? G_QUARTER : G_HALF,
		    tk(c, i)->val, 1, 1);
		r->a.q = tk(c, e)->val;
		return e + 1;
	}
	/* EOY, BOM: the end of this year, the beginning of this month, as
	 * "the end of the year" reads (part_of()); in capitals only */
	if (class_is(c, i, L_BOUNDS) && tk(c, i)->end - tk(c, i)->beg == 3 &&
	    (v = class_val(c, i, L_BOUNDS)) > 0 &&
	    (is_caps(c, i, "EOY") || is_caps(c, i, "BOY") ||
		is_caps(c, i, "EOM") || is_caps(c, i, "BOM"))) {
		this_unit(c, v <= 2 ? U_YEAR : U_MONTH, 0, &r->a);
		part_of(r, v % 2 ? M_END : M_BEGIN);
		return i + 1;
	}
	/* 79 AD, AD 79, 2555 BE: a year with its era */
	if (tk(c, i)->type == T_NUM && tk(c, i)->ndig <= 4 &&
	    !(tk(c, i)->flags & (TF_COMMA | TF_ORD | TF_S)) &&
	    !blocked_before(c, i) && tk(c, i)->val > 0 &&
	    (e = era_at(c, i + 1, &v)) > 0 && tk(c, i)->val + v > 0) {
		tv_set(&r->a, G_YEAR, tk(c, i)->val + v, 1, 1);
		return e;
	}
	if ((is_caps(c, i, "AD") || is_caps(c, i, "CE")) &&
	    tk(c, i + 1)->type == T_NUM && tk(c, i + 1)->ndig <= 4 &&
	    !(tk(c, i + 1)->flags & (TF_COMMA | TF_ORD | TF_S)) &&
	    tk(c, i + 1)->val > 0 && !blocked_after(c, i + 2)) {
		tv_set(&r->a, G_YEAR, tk(c, i + 1)->val, 1, 1);
		return i + 2;
	}
	/* a year in words after a preposition, not a count ("in nineteen
	 * ninety six", "since two thousand and eight"; not "in two thousand
	 * villages") */
	if (tk(c, i)->type == T_WORD && (v = year_words(c, i, &e)) > 0 &&
	    (is_mod(c, i - 1, M_IN) || is_mod(c, i - 1, M_SINCE) ||
		is_mod(c, i - 1, M_BY) || is_mod(c, i - 1, M_UNTIL_ALIAS) ||
		is_mod(c, i - 1, M_FROM) || is_mod(c, i - 1, M_BEFORE) ||
		is_mod(c, i - 1, M_AFTER) || is_mod(c, i - 1, M_DURING)) &&
	    !(tk(c, e)->type == T_WORD && tk(c, e)->cmask == 0) &&
	    !is_word(c, e, L_UNITS) && !is_word_text(c, e, "hundred") &&
	    !is_word_text(c, e, "thousand") && !is_punct(c, e, '-')) {
		tv_set(&r->a, G_YEAR, v, 1, 1);
		return e;
	}
	/* a bare year, not the rest of a numeric date that is no date
	 * (02/29/2022, 2014-02-30, 2014/13/22) */
	if (year_at(c, i, &e, 0) && !blocked_before(c, i) &&
	    /* 0171 22 1998: the end of a run of numbers */
	    !(plain_num(c, i - 1) && plain_num(c, i - 2) &&
		tk(c, i - 1)->ndig != 4) &&
	    !(i > 1 && tight(c, i) &&
		(is_punct(c, i - 1, '/') || is_punct(c, i - 1, '-')) &&
		tight(c, i - 1) && is_num(c, i - 2)) &&
	    !(tight(c, e) && is_punct(c, e, '/') && is_num(c, e + 1)) &&
	    !(tight(c, e) && is_punct(c, e, '-') && is_num(c, e + 1) &&
		tight(c, e + 1) &&
		/* 2014-02-30, +86 2010-2015-86, 2012-1400 */
		((is_punct(c, e + 2, '-') && tight(c, e + 2) &&
		     (tk(c, e + 1)->ndig <= 2 || is_num(c, e + 3))) ||
		    (tk(c, e + 1)->ndig == 4 &&
			tk(c, e + 1)->val <= tk(c, i)->val))) &&
	    !blocked_after(c, e) && tk(c, i)->type == T_NUM &&
	    !count_of_things(c, i, e) && !class_is(c, e, L_STREETS) &&
	    !((tk(c, e)->flags & TF_CAP) && class_is(c, e + 1, L_STREETS))) {
		tv_set(&r->a, G_YEAR, tk(c, i)->val, 1, 1);
		return e;
	}
	return -1;
}

static int
is_range_word(const struct ctx *c, int i, int between)
{
	if (between)
		return is_mod(c, i, M_AND) || is_mod(c, i, M_TO) ||
		    is_punct(c, i, '-');
	return is_mod(c, i, M_TO) || is_punct(c, i, '-');
}

/* Whether the day of a value exists (no February 29, 2022). */
static int
tv_valid(const struct tv *v)
{
	if (v->grain < G_WEEK)
		return 1;
	return v->m >= 1 && v->m <= 12 && v->d >= 1 &&
	    v->d <= month_days(v->y, v->m);
}

/* A day written out that its month does not have: June 31, February 29
 * of a common year (not a computed day, which is never out of range by
 * a few days only). */
static int
invalid_day(const struct tv *v)
{
	return v->grain >= G_DAY && v->m >= 1 && v->m <= 12 && v->d >= 29 &&
	    v->d <= 31 && v->d > month_days(v->y, v->m);
}

/* The span of time of a value as two days (for ordering checks). */
static long
tv_start(const struct tv *v)
{
	return days_from_civil(v->y, v->m ? v->m : 1, v->d ? v->d : 1);
}

/*
 * A range end after a first reading: "March 3-5", "2019-22", "7 to 8
 * p.m.", "Monday through Friday", "March 3 to April 5, 2025".
 */
/*
 * A day or a clock, then a length after a sign: "next Tuesday +10 days",
 * "2023-12-29 -10days", "now + 40 minutes": the moment moved by it (a
 * clock stays a clock).  A minus must be tight to its number, as "March
 * 3 - 5" is a range.  r is the reading that ends at k; returns the new
 * end.
 */
static int
signed_shift(struct ctx *c, int k, struct reading *r)
{
	struct dur d;
	int e, sign = is_punct(c, k, '+') ? 1 : -1;
	long day, secs = 0;
	struct tv q;

	if (r->b.grain || r->nodate ||
	    !(r->a.grain == G_DAY || r->a.grain >= G_HOUR) ||
	    !(is_punct(c, k, '+') ||
		(is_punct(c, k, '-') && !tight(c, k) && tight(c, k + 1))) ||
	    (e = duration_at(c, k + 1, &d)) <= 0)
		return k;
	day = days_from_civil(r->a.y, r->a.m, r->a.d);
	if (r->a.grain >= G_HOUR) {
		secs = 3600L * r->a.hh + 60L * (r->a.mm > 0 ? r->a.mm : 0) +
		    (r->a.ss > 0 ? r->a.ss : 0);
		if (d.fine > U_HOUR)
			d.fine = r->a.grain == G_SECOND ? U_SECOND : U_MINUTE;
	}
	q = r->a;
	dur_shift(day, secs, &d, sign, &r->a);
	if (r->a.y < 1 || r->a.y > 9999) {
		r->a = q; /* 9999 years on: no date */
		return k;
	}
	return e;
}

/*
 * A day or clock, then how long from it: "18th Dec for 10 days", "4pm
 * for 30 mins", "from 10 am for 3 hours 30 minutes" (dur_span()).  r is
 * the reading that ends at k; returns the new end.
 */
static int
for_length(struct ctx *c, int k, struct reading *r)
{
	struct dur d;
	struct reading q;
	int e;

	if (r->b.grain || r->nodate || !is_mod(c, k, M_FOR) ||
	    (e = duration_at(c, k + 1, &d)) <= 0)
		return k;
	/* a run, not a span: "fell on Friday for 2 weeks in a row", "for
	 * 3 days running" */
	if (is_word_text(c, e, "running") || is_word_text(c, e, "straight") ||
	    (is_mod(c, e, M_IN) && is_mod(c, e + 1, M_A) &&
		is_word_text(c, e + 2, "row")))
		return k;
	memset(&q, 0, sizeof(q));
	if (!dur_span(&r->a, &d, &q))
		return k;
	r->a = q.a;
	r->b = q.b;
	return e;
}

static int
range_end(struct ctx *c, int k, struct reading *r, struct point *p1,
    int between, int i0)
{
	struct reading r2;
	struct point p2;
	int e, v, o, ke;

	if (!is_range_word(c, k, between))
		return -1;
	k++;
	/* a bare day after Month Day: March 3-5, March 3 to 5 [, 2025],
	 * April ninth through seventeenth */
	if (!(tk(c, k)->type == T_WORD && (o = ordinal_at(c, k, &ke)) > 0 &&
		o <= 31)) {
		o = mday_at(c, k);
		ke = k + 1;
	}
	if (r->a.grain == G_DAY && p1->m && p1->d && !p1->hastime && o &&
	    !month_at(c, ke, 0) && !is_punct(c, ke, '/') &&
	    !is_punct(c, ke, '-') && !decimal_dot(c, ke) &&
	    !is_punct(c, ke, ':') && !meridiem(c, ke, &v) && o > p1->d) {
		e = ke;
		r->b = r->a;
		r->b.d = o;
		if (is_punct(c, e, ',') && year_at(c, e + 1, &v, 1)) {
			r->a.y = r->b.y = tk(c, v - 1)->val;
			e = v;
		} else if (year_at(c, e, &v, 1)) {
			r->a.y = r->b.y = tk(c, v - 1)->val;
			e = v;
		}
		/* June 10-31, 2022: no date (expr_from()) */
		if (o > month_days(r->b.y, r->b.m) && e == k + 1)
			return -1;
		return e;
	}
	/* 8am until 6, 8pm - 11: a bare hour after a clock (not 11h00, not
	 * the month of 06/09/2025) */
	if (p1->hastime && p1->ampm && is_num(c, k) && tk(c, k)->ndig <= 2 &&
	    !(tk(c, k + 1)->type == T_TAG && tight(c, k + 1)) &&
	    (o = tk(c, k)->val) >= 1 && o <= 12 &&
	    !(tk(c, k)->flags & (TF_ORD | TF_S)) && !is_punct(c, k + 1, ':') &&
	    !is_punct(c, k + 1, '.') && !is_punct(c, k + 1, '/') &&
	    !is_punct(c, k + 1, '-') && !meridiem(c, k + 1, &v) &&
	    !is_word(c, k + 1, L_UNITS) && !month_at(c, k + 1, 0)) {
		if (o < 12 && o + 12 > p1->hh && o <= p1->hh)
			o += 12; /* 8am until 6: 18:00 */
		else if (o < 12 && p1->hh >= 12)
			o += 12; /* 8pm - 11: 23:00 */
		if (o <= p1->hh)
			return -1;
		r->b = r->a;
		r->b.hh = o;
		r->b.mm = 0;
		return k + 1;
	}
	/* 2019-22, 2019-2022, 2019 and 2022 */
	if (r->a.grain == G_YEAR && !r->a.fiscal && is_num(c, k) &&
	    !(tk(c, k)->flags & (TF_S | TF_COMMA | TF_ORD))) {
		int y2 = tk(c, k)->val;

		if (tk(c, k)->ndig == 2 && is_punct(c, k - 1, '-'))
			y2 += r->a.y / 100 * 100;
		else if (tk(c, k)->ndig != 4)
			return -1;
		if (y2 <= r->a.y || y2 > r->a.y + 100)
			return -1;
		tv_set(&r->b, G_YEAR, y2, 1, 1);
		return k + 1;
	}
	if ((e = main_at(c, k, &r2, &p2)) <= 0 || r2.nodate)
		return -1;
	/* 7 to 8 p.m., 10 a.m. to noon: the same day */
	if (p1->hastime && p2.hastime) {
		if (!p1->ampm && p2.ampm && p1->hh < 12 && p2.hh >= 12 &&
		    p1->hh + 12 <= p2.hh) {
			p1->hh += 12; /* 3:30-6 p.m. */
			r->a.hh = p1->hh;
		}
		/* 11:30-1:30: the end is after the start (an end with its
		 * own day keeps its hour: "to 03/04/2025 06:00") */
		if (!p2.ampm && !p2.hasdate && p2.hh < p1->hh &&
		    p2.hh + 12 > p1->hh && p2.hh < 12) {
			p2.hh += 12;
			r2.a.hh += 12;
		}
		if (p2.hasdate && !p1->hasdate) {
			resolve_point(c, p1, i0, e, &r->a, &p2);
			r->a.y = r2.a.y;
			r->a.m = r2.a.m;
			r->a.d = r2.a.d;
		}
		r->b = r2.a;
		if (!p2.hasdate) {
			r->b.y = r->a.y;
			r->b.m = r->a.m;
			r->b.d = r->a.d;
		}
		return e;
	}
	/* a month day and a later one: March 3 to April 5 [2025] */
	if (r->a.grain == G_DAY && r2.a.grain == G_DAY && p1->m && p2.m) {
		/* 5/1-5/7, 2020: the year after both */
		if (!p1->y && !p2.y && is_punct(c, e, ',') &&
		    year_at(c, e + 1, &v, 1) > 0) {
			p2.y = r2.a.y = tk(c, v - 1)->val;
			e = v;
		}
		if (!p1->y && !p2.y) {
			int ay, am, ad,
			    back =
				p2.m < p1->m || (p2.m == p1->m && p2.d < p1->d);

			/* the end follows the start; a range that holds
			 * the anchor's day is this year's, whatever the
			 * tense ("off from 10/1-11/7", said on October 24) */
			anchor_civil(c, &ay, &am, &ad);
			if (!back &&
			    (p1->m < am || (p1->m == am && p1->d <= ad)) &&
			    (p2.m > am || (p2.m == am && p2.d >= ad)))
				r->a.y = ay;
			r2.a.y = r->a.y + back;
		}
		if (p2.y && !p1->y)
			r->a.y = r2.a.y - (p1->m > p2.m);
		else if (p1->y && !p2.y) /* 10 August 2013 - 12 September */
			r2.a.y = r->a.y +
			    (p2.m < p1->m || (p2.m == p1->m && p2.d < p1->d));
		r->b = r2.a;
		if (!tv_valid(&r->b))
			return -1;
		if (tv_start(&r->b) < tv_start(&r->a))
			return -1;
		return e;
	}
	/* 3 to 5 March: handled by the caller; Monday to Friday */
	if (r->a.grain == r2.a.grain && r->a.grain != G_NONE &&
	    r->a.grain != G_MINUTE && r->a.grain != G_SECOND) {
		/* from April to June in 2017 */
		if (!p1->y && !p2.y &&
		    (r->a.grain == G_MONTH || r->a.grain == G_DAY) &&
		    is_mod(c, e, M_IN) && year_at(c, e + 1, &v, 0)) {
			r->a.y = tk(c, e + 1)->val;
			r2.a.y = r->a.y + (p1->m > p2.m);
			e = v;
		} else if (!p1->y && !p2.y && p1->m && p2.m &&
		    r->a.grain == G_MONTH) {
			int ay, am, ad;

			/* "from May to September", said in June: this
			 * year's months, whatever the tense */
			anchor_civil(c, &ay, &am, &ad);
			if (p1->m <= am && am <= p2.m)
				r->a.y = ay;
			r2.a.y = r->a.y + (p1->m > p2.m);
		}
		if (r->a.grain == G_MONTH && p1->m && !p1->y && p2.y) {
			r->a.y = r2.a.y - (p1->m > p2.m);
		} else if (r->a.grain == G_MONTH && p1->m && !p1->y && !p2.y &&
		    p1->m > p2.m) {
			r->a.y = r2.a.y - 1; /* From December to May */
		}
		if (p1->wd && p2.wd && !p1->d && !p2.d) {
			/* Monday through Friday: the same week */
			long a = tv_start(&r->a);
			long b = a + (p2.wd - p1->wd + 7) % 7;

			tv_day(&r2.a, b);
		}
		r->b = r2.a;
		if (tv_start(&r->b) < tv_start(&r->a))
			return -1;
		return e;
	}
	return -1;
}

/*
 * A bare hour before a clock range word and a clock: 9 to 11 a.m., 7-9pm,
 * 10 until noon; the hour takes the meridiem of the end ("9 to 11 a.m."
 * is 09:00, "7-9pm" 19:00) and both the day written after them; two
 * bare hours only before a day to come (hours_before_day()).
 */
static int
hour_range(struct ctx *c, int i, struct reading *r)
{
	struct point p1, p2;
	int h, k, e, e2;

	if (!is_num(c, i) || tk(c, i)->ndig > 2 || (h = tk(c, i)->val) < 1 ||
	    h > 12 || (tk(c, i)->flags & (TF_ORD | TF_S | TF_COMMA)))
		return -1;
	k = i + 1;
	if (!is_range_word(c, k, 1) && !is_mod(c, k, M_UNTIL_ALIAS))
		return -1;
	k++;
	memset(&p2, 0, sizeof(p2));
	p2.hh = p2.mm = p2.ss = -1;
	if ((e = clock_at(c, k, &p2, 1)) <= 0 || !p2.ampm)
		return hours_before_day(c, i, r); /* 6-8 next Monday */
	memset(&p1, 0, sizeof(p1));
	p1.hh = h;
	p1.mm = 0;
	p1.hastime = 1;
	if (p2.hh >= 12 && h + 12 <= p2.hh && h != 12)
		p1.hh = h + 12;
	/* a day after: on Tuesday, tomorrow */
	e2 = e;
	if (is_mod(c, e2, M_ON) || is_punct(c, e2, ','))
		e2++;
	{
		struct point d;

		memset(&d, 0, sizeof(d));
		d.hh = d.mm = d.ss = -1;
		if ((k = date_at(c, e2, &d)) > 0) {
			p1.y = d.y, p1.m = d.m, p1.d = d.d, p1.wd = d.wd;
			p1.reld = d.reld, p1.hasreld = d.hasreld;
			p1.hasdate = 1;
			p2.y = d.y, p2.m = d.m, p2.d = d.d, p2.wd = d.wd;
			p2.reld = d.reld, p2.hasreld = d.hasreld;
			p2.hasdate = 1;
			e = k;
		}
	}
	if (!resolve_point(c, &p1, i, e, &r->a, NULL) ||
	    !resolve_point(c, &p2, i, e, &r->b, NULL))
		return -1;
	return e;
}

/*
 * A range of bare hours at i, "7-9", "9-5": the hours are read as
 * written, the end moved into the afternoon when it is not after the
 * start ("9-5": 09:00 to 17:00, a working day; "7-9": 07:00 to 09:00,
 * which the suites take as well as 19:00 to 21:00).  Returns the index
 * after the pair with r's clocks set (no day yet), else -1; a falling
 * pair that is no working day ("3-2") is a score.
 */
RARE static int
bare_hours(struct ctx *c, int i, struct reading *r)
{
	int h1, h2;

	if ((h1 = bare_hour(c, i)) <= 0 || !is_num(c, i) ||
	    !is_punct(c, i + 1, '-') || !is_num(c, i + 2) ||
	    tk(c, i + 2)->ndig > 2 ||
	    (tk(c, i + 2)->flags & (TF_ORD | TF_S | TF_COMMA)) ||
	    (h2 = tk(c, i + 2)->val) < 1 || h2 > 12 || h1 == h2)
		return -1;
	/* 9-5 and 11-4 are working hours, 3-2 a score */
	if (h2 < h1 && h1 < 12 && h1 >= 7 && h2 <= 7)
		h2 += 12;
	else if (h1 == 12)
		h1 = 12, h2 = h2 % 12 + 12;
	if (h2 <= h1)
		return -1;
	memset(r, 0, sizeof(*r));
	r->a.grain = r->b.grain = G_MINUTE;
	r->a.hh = h1;
	r->b.hh = h2;
	return i + 3;
}

/*
 * After a day, a range of bare hours: "next Monday 7-9", "Thursday from
 * 9-5" (bare_hours()).  A score stays out: after the day at once (or
 * after from or between), and nothing after it but the end of the clause
 * ("lost Monday 2-7 to Boston" is no clock).  Returns the end, else -1.
 */
static int
day_hours(struct ctx *c, int i, struct reading *r)
{
	if (!(tk(c, i + 3)->type == 0 ||
		(tk(c, i + 3)->type == T_PUNCT &&
		    ((tk(c, i + 3)->ch == '.' &&
			 !(is_num(c, i + 4) && tight(c, i + 4))) ||
			tk(c, i + 3)->ch == ',' || tk(c, i + 3)->ch == '?' ||
			tk(c, i + 3)->ch == ';')) ||
		is_word(c, i + 3, L_ZONES)) ||
	    bare_hours(c, i, r) < 0)
		return -1;
	return zone_after(c, i + 3);
}

/*
 * A range of bare hours before a day still to come: "available 6-8 next
 * Monday", "open 9-5 tomorrow" (bare_hours(); compose() joins the day).
 * A score is never that of a day to come, so "lost 2-7 Monday" stays
 * out.  Returns the end of the hours, else -1.
 */
RARE static int
hours_before_day(struct ctx *c, int i, struct reading *r)
{
	struct reading d;
	struct point q;
	int e;

	if ((e = bare_hours(c, i, r)) < 0 || main_at(c, e, &d, &q) <= 0 ||
	    d.b.grain || d.nodate || d.a.grain != G_DAY ||
	    tv_start(&d.a) <= anchor_days(c))
		return -1;
	return e;
}

/* 3-5 March, from 13 to 15th of July: days before the month */
static int
days_then_month(struct ctx *c, int i, struct reading *r)
{
	int d1, d2, k, e, m, y = 0, ay, am, ad, t;
	struct point p;

	if (is_mod(c, i, M_THE) && mday_at(c, i + 1))
		i++;
	if ((d1 = mday_at(c, i)) && !blocked_before(c, i))
		k = i + 1;
	else if ((d1 = ordinal_at(c, i, &k)) <= 0 || d1 > 31)
		return -1;
	if (!is_range_word(c, k, 1))
		return -1;
	k++;
	if (is_mod(c, k, M_THE))
		k++;
	if ((d2 = mday_at(c, k)))
		k++;
	else if ((d2 = ordinal_at(c, k, &e)) > 0)
		k = e;
	if (d2 <= d1 || d2 > 31)
		return -1;
	if (is_mod(c, k, M_OF))
		k++;
	if (!(m = month_at(c, k, 0)))
		return -1;
	k++;
	if (is_punct(c, k, ',') && year_at(c, k + 1, &e, 1))
		k = e, y = tk(c, e - 1)->val;
	else if (year_at(c, k, &e, 1))
		k = e, y = tk(c, e - 1)->val;
	if (!y) {
		memset(&p, 0, sizeof(p));
		anchor_civil(c, &ay, &am, &ad);
		c->xyear = 1;
		y = ay;
		t = tense(c, i, k);
		if (t < 0 && days_from_civil(y, m, d1) > c->an->days)
			y--;
		else if (t > 0 && days_from_civil(y, m, d2) < c->an->days)
			y++;
		else if (t == 0)
			y = nearest_year(c->an->days, m, d1, y);
	}
	if (d2 > month_days(y, m))
		return -1;
	tv_set(&r->a, G_DAY, y, m, d1);
	tv_set(&r->b, G_DAY, y, m, d2);
	return k;
}

/* Words that may open an expression before its head. */
static HOT int
opener(const struct ctx *c, int i)
{
	const struct tok *t = tk(c, i);
	int v;

	if (t->type == T_NUM)
		return !(t->flags & TF_COMMA);
	if (t->type == T_PUNCT)
		return t->ch == '-' || t->ch == '\'' ||
		    (t->ch == '.' && i > 0 && class_is(c, i - 1, L_HOLIDAYS));
	if (t->type != T_WORD)
		return 0;
	if (is_caps(c, i, "AD") || is_caps(c, i, "CE"))
		return 1; /* AD 79 */
	if (is_word_text(c, i, "most") || is_word_text(c, i, "recent"))
		return most_recent(c, i + is_word_text(c, i, "most"));
	if (class_val(c, i, L_NUMBERS) > 0 || class_val(c, i, L_ORDINALS) > 0 ||
	    class_is(c, i, L_HOLIDAYS) ||
	    (class_is(c, i, L_STREETS) && class_is(c, i + 1, L_HOLIDAYS)))
		return 1;
	v = class_val(c, i, L_MODIFIERS);
	switch (v) {
	case M_THIS:
	case M_NEXT:
	case M_LAST:
	case M_PAST:
	case M_COMING:
	case M_PREVIOUS:
	case M_FOLLOWING:
	case M_EARLY:
	case M_MID:
	case M_LATE:
	case M_EARLIER:
	case M_LATER:
	case M_THE:
	case M_FROM:
	case M_BETWEEN:
	case M_SINCE:
	case M_IN:
	case M_WITHIN:
	case M_FISCAL:
	case M_SAME:
	case M_END:
	case M_BEGIN:
	case M_MIDDLE:
	case M_A:
	case M_OF:
	case M_CURRENT:
	case M_EVERY:
	case M_UNTIL_ALIAS:
	case M_BEFORE:
	case M_AFTER:
	case M_BY:
	case M_AT:
	case M_ON:
	case M_AND:
	case M_AROUND: /* in about five hours */
	case M_KIND:   /* this calendar year */
		return 1;
	default:
		return 0;
	}
}

/*
 * A day and its clock told apart: "xmas at 6 pm", "in 7 days at 5pm",
 * "last night at 8", "tomorrow, 9 a.m."; and a clock, or a clock range,
 * then its day: "8am this morning", "6-8 next Monday", "between 3 and 8
 * yesterday", "9:30 a.m. on Christmas".  r is the reading that ends at
 * token k; returns the new end (k when nothing was joined).
 */
/*
 * A middle dot at i (U+00B7, or the bullet operator U+2219): the clock and
 * the day of a post's time stamp, "8:23 AM \u00b7 Jul 9, 2016", as the
 * pages of news quote them.
 */
RARE static int
middle_dot(const struct ctx *c, int i)
{
	const unsigned char *s = (const unsigned char *)c->w->s;
	const struct tok *t = tk_raw(c, i);

	return t->type == T_PUNCT && t->ch == '?' &&
	    ((t->end - t->beg == 2 && s[t->beg] == 0xc2 &&
		 s[t->beg + 1] == 0xb7) ||
		(t->end - t->beg == 3 && s[t->beg] == 0xe2 &&
		    s[t->beg + 1] == 0x88 && s[t->beg + 2] == 0x99));
}

static int
compose(struct ctx *c, int k, struct reading *r, struct point *p1)
{
	struct reading r2;
	struct point p2;
	int e, k2, pod;

	memset(&r2, 0, sizeof(r2));
	memset(&p2, 0, sizeof(p2));
	p2.hh = p2.mm = p2.ss = -1;
	/* "next year's first quarter", "last year's second half": the
	 * period in the year named before it (not "2025's first quarter",
	 * a year with its own reading) */
	if (!r->b.grain && r->a.grain == G_YEAR && !r->a.fiscal && k > 0 &&
	    (tk(c, k - 1)->flags & TF_POSS) && !p1->y &&
	    (e = period_at(c, k, &r2)) > 0 && !r2.b.grain &&
	    (r2.a.grain == G_QUARTER || r2.a.grain == G_HALF) &&
	    !is_num(c, e - 1)) {
		r2.a.y = r->a.y;
		r->a = r2.a;
		return e;
	}
	/* "Oct. 20 this year", "in March last year": the year named after
	 * a day or month written without one */
	if (!r->b.grain && (r->a.grain == G_DAY || r->a.grain == G_MONTH) &&
	    p1->m && !p1->y && !p1->wd &&
	    (is_mod(c, k, M_THIS) || is_mod(c, k, M_LAST) ||
		is_mod(c, k, M_NEXT)) &&
	    unit_at(c, k + 1, &e) == U_YEAR && !e) {
		int ay, am, ad;

		anchor_civil(c, &ay, &am, &ad);
		r->a.y = ay +
		    (is_mod(c, k, M_NEXT)          ? 1
			    : is_mod(c, k, M_LAST) ? -1
						   : 0);
		if (!tv_valid(&r->a))
			return k;
		c->xyear = 0;
		return k + 2;
	}
	/* ISO 8601: 2015-07-31T12:00:00, 1994-11-05T13:15:30Z */
	if (!r->b.grain && r->a.grain == G_DAY && p1->y && p1->m && p1->d &&
	    tk(c, k)->type == T_TAG && tight(c, k) && tk(c, k)->tag[0] == 't' &&
	    tk(c, k)->tag[1] == '\0' && tk(c, k)->ndig == 2 &&
	    tk(c, k)->val < 24) {
		e = k + 1;
		r->a.hh = tk(c, k)->val;
		r->a.mm = r->a.ss = 0;
		r->a.grain = G_MINUTE;
		if (is_punct(c, e, ':') && tight(c, e) && is_num(c, e + 1) &&
		    tight(c, e + 1) && tk(c, e + 1)->ndig == 2 &&
		    tk(c, e + 1)->val < 60) {
			r->a.mm = tk(c, e + 1)->val;
			e += 2;
			if (is_punct(c, e, ':') && tight(c, e) &&
			    is_num(c, e + 1) && tight(c, e + 1) &&
			    tk(c, e + 1)->ndig == 2 && tk(c, e + 1)->val < 60) {
				r->a.ss = tk(c, e + 1)->val;
				r->a.grain = r->a.ss ? G_SECOND : G_MINUTE;
				e += 2;
			}
		}
		return e;
	}
	if (!r->b.grain && (r->a.grain == G_DAY || r->a.grain == G_POD)) {
		k2 = k;
		int strong = is_mod(c, k2, M_AT) || is_mod(c, k2, M_AROUND) ||
		    is_punct(c, k2, '@');

		if (strong || (is_punct(c, k2, ',') && is_num(c, k2 + 1)))
			k2++;
		if (k2 == k && !is_num(c, k2))
			return k;
		if ((e = clock_at(c, k2, &p2, strong ? 2 : 1)) <= 0 ||
		    !p2.hastime)
			return k;
		/* "on Tuesday, 12 people died": a bare number after a
		 * comma is no clock */
		if (!strong && !p2.ampm && !is_punct(c, k2 + 1, ':') &&
		    !is_punct(c, k2 + 1, '.'))
			return k;
		pod = r->a.grain == G_POD ? r->a.q : 0;
		if (pod >= P_AF && pod <= P_NI && p2.hh < 12 && !p2.ampm &&
		    !(pod == P_NI && p2.hh < 5))
			p2.hh += 12;
		if (pod == P_MO && p2.hh == 12 && !p2.ampm)
			p2.hh = 12;
		r->a.grain = p2.ss > 0 ? G_SECOND : G_MINUTE;
		r->a.hh = p2.hh;
		r->a.mm = p2.mm;
		r->a.ss = p2.ss > 0 ? p2.ss : 0;
		r->a.q = 0;
		return e;
	}
	/* a clock (or clock range) without a date, then a day */
	if (r->a.grain < G_HOUR || (r->b.grain && r->b.grain < G_HOUR) ||
	    (p1->hastime && p1->hasdate))
		return k;
	k2 = k;
	if (is_mod(c, k2, M_ON) || is_mod(c, k2, M_OF) ||
	    (is_punct(c, k2, ',') && !is_num(c, k2 + 1)) || middle_dot(c, k2))
		k2++;
	if ((e = main_at(c, k2, &r2, &p2)) <= 0 || r2.b.grain || r2.nodate ||
	    (r2.a.grain != G_DAY && r2.a.grain != G_POD))
		return k;
	pod = r2.a.grain == G_POD ? r2.a.q : 0;
	if (pod >= P_AF && pod <= P_NI && !p1->ampm) {
		if (r->a.hh < 12 && !(pod == P_NI && r->a.hh < 5))
			r->a.hh += 12;
		if (r->b.grain && r->b.hh < 12 && !(pod == P_NI && r->b.hh < 5))
			r->b.hh += 12;
	}
	r->a.y = r2.a.y;
	r->a.m = r2.a.m;
	r->a.d = r2.a.d;
	if (r->b.grain) {
		r->b.y = r2.a.y;
		r->b.m = r2.a.m;
		r->b.d = r2.a.d;
	}
	return e;
}

/*
 * Whether the tokens [i, k) of a clock reading name no day: no month,
 * weekday, today/tonight, unit, holiday, season, numeric date or year
 * ("9 a.m.", "from 3 to 5 p.m.", "noon"; not "Tuesday at 9", "9 a.m.
 * tomorrow").  *ampm: a.m., p.m., noon or midnight fixes the hours.
 */
static int
clock_only(const struct ctx *c, int i, int k, int *ampm)
{
	const uint32_t day = 1u << L_MONTHS | 1u << L_WEEKDAYS |
	    1u << L_RELDAYS | 1u << L_UNITS | 1u << L_HOLIDAYS |
	    1u << L_SEASONS;
	int j, v;

	*ampm = 0;
	for (j = i; j < k; j++) {
		const struct tok *t = tk(c, j);

		if (t->type == T_WORD && (t->cmask & day))
			return 0;
		if (t->type == T_PUNCT && t->ch == '/')
			return 0;
		if (t->type == T_NUM && t->ndig == 4 &&
		    is_punct(c, j + 1, '-') && tight(c, j + 1))
			return 0; /* 2015-03-28 17:00 (not "at 1030") */
		if (t->mod == M_AM || t->mod == M_PM ||
		    (v = class_val(c, j, L_PARTS)) == P_NOON || v == P_MIDNIGHT)
			*ampm = 1;
	}
	return 1;
}

/* Read one expression from token i; 1 with *e filled. */
static int
expr_from(struct ctx *c, int i, struct expr *x)
{
	struct reading r;
	struct point p1;
	int j = i, k, sig = 0, pm = 0, e, every = 0, sig_end = i, pl;

v_reset:
	c->used = c->xyear = c->wd = c->lead = 0;
	c->tense = 2;
	if (is_mod(c, j, M_EVERY)) {
		every = 1;
		j++;
	}
	if ((is_mod(c, j, M_FROM) || is_mod(c, j, M_BETWEEN) ||
		is_mod(c, j, M_SINCE) || is_mod(c, j, M_UNTIL_ALIAS) ||
		is_mod(c, j, M_BEFORE) || is_mod(c, j, M_AFTER) ||
		is_mod(c, j, M_BY)) &&
	    !(is_mod(c, j, M_AFTER) && count_at(c, j + 1, &e) > 0 &&
		unit_at(c, e, &pl) != 0)) {
		sig = class_val(c, j, L_MODIFIERS);
		j++;
		sig_end = j;
	} else if (is_mod(c, j, M_ON) || is_mod(c, j, M_AT) ||
	    is_mod(c, j, M_OF) || (is_mod(c, j, M_IN) && !in_count(c, j))) {
		j++; /* a preposition: not in the span */
		i = j;
		goto v_reset;
	}
	if ((pm = part_mod(c, j, &e)) != 0)
		j = e;
	c->part = pm;
	c->since = sig == M_SINCE;
	memset(&r, 0, sizeof(r));
	memset(&p1, 0, sizeof(p1));
	if ((k = days_then_month(c, j, &r)) <= 0 &&
	    (k = hour_range(c, j, &r)) <= 0) {
		if ((k = main_at(c, j, &r, &p1)) <= 0)
			return 0;
		k = signed_shift(c, k, &r);
		k = for_length(c, k, &r);
		if (!r.b.grain && !r.nodate && sig != M_SINCE &&
		    sig != M_BEFORE && sig != M_AFTER && sig != M_BY) {
			e = range_end(c, k, &r, &p1, sig == M_BETWEEN, j);
			if (e > 0)
				k = e;
		}
	}
	if (is_mod(c, k, M_EVERY))
		every = 1; /* on Independence Day every year: a set */
	/* a day, then its clock range: "tonight from 7 to 7:30",
	 * "Thursday from 9:30 until 11:00", "next Monday 6-8" */
	if (!r.b.grain && !r.nodate &&
	    (r.a.grain == G_DAY || r.a.grain == G_POD) &&
	    (is_mod(c, k, M_FROM) || is_mod(c, k, M_BETWEEN) || is_num(c, k))) {
		struct reading r3;
		struct point p3;
		int k2 = k + !is_num(c, k), e3;

		memset(&r3, 0, sizeof(r3));
		memset(&p3, 0, sizeof(p3));
		p3.hh = p3.mm = p3.ss = -1;
		e3 = hour_range(c, k2, &r3);
		if (e3 <= 0 && (is_num(c, k) || !is_mod(c, k, M_BETWEEN)))
			e3 = day_hours(c, k2, &r3);
		if (e3 <= 0 && clock_at(c, k2, &p3, 2) > 0) {
			e3 = clock_at(c, k2, &p3, 2);
			if (resolve_point(c, &p3, k2, e3, &r3.a, NULL))
				e3 = range_end(c, e3, &r3, &p3,
				    is_mod(c, k, M_BETWEEN), k2);
			else
				e3 = -1;
		}
		if (e3 > 0 && r3.b.grain >= G_HOUR && r3.a.grain >= G_HOUR) {
			int eve = r.a.grain == G_POD && r.a.q >= P_AF;

			r3.a.y = r3.b.y = r.a.y;
			r3.a.m = r3.b.m = r.a.m;
			r3.a.d = r3.b.d = r.a.d;
			if (eve && r3.a.hh < 12)
				r3.a.hh += 12;
			if (eve && r3.b.hh < 12)
				r3.b.hh += 12;
			r = r3;
			k = e3;
		}
	}
	if (!r.nodate && !every && sig != M_BETWEEN && sig != M_FROM)
		k = compose(c, k, &r, &p1);
	if (r.nodate || every) {
		x->beg = tk(c, i)->beg;
		x->end = tk(c, k - 1)->end;
		x->a.grain = G_NONE;
		return 1;
	}
	/* a span of "from"/"between" without its second half: drop the
	 * signal from the span */
	if (((sig == M_FROM || sig == M_BETWEEN) && !r.b.grain) ||
	    ((sig == M_SINCE || sig == M_AFTER || sig == M_BEFORE ||
		 sig == M_BY || sig == M_UNTIL_ALIAS) &&
		!opt.open_intervals))
		i = sig_end;
	if (r.a.grain == G_NONE)
		return 0;
	/* "February 29, 2022", "June 31": a day the month does not have,
	 * written out with its year.  It is no date, and its year is not one
	 * either: the span is taken and nothing reported. */
	if (invalid_day(&r.a) || (r.b.grain && invalid_day(&r.b))) {
		x->beg = tk(c, i)->beg;
		x->end = tk(c, k - 1)->end;
		x->a.grain = G_NONE;
		return 1;
	}
	/* no interval that ends before it begins: the reading from the next
	 * start may do better */
	if (!tv_valid(&r.a) ||
	    (r.b.grain && (!tv_valid(&r.b) || tv_start(&r.b) < tv_start(&r.a))))
		return 0;
	if (pm != 0 && !r.b.grain)
		part_of(&r, pm);
	if (r.b.grain)
		tv_overnight(&r.a, &r.b);
	x->beg = tk(c, i)->beg;
	x->end = tk(c, k - 1)->end;
	if (c->lead && i == j)
		x->beg = tk(c, i - 1)->beg; /* +15 minutes */
	if (k == i + 1 && class_val(c, i, L_RELDAYS) == 102 &&
	    (is_word_text(c, i - 1, "right") ||
		is_word_text(c, i - 1, "just")) &&
	    tk(c, i - 1)->beg >= c->floor)
		x->beg = tk(c, i - 1)->beg; /* right now */
	x->a = r.a;
	x->b = r.b;
	x->open = 0;
	if (!r.b.grain && opt.open_intervals) {
		if (sig == M_SINCE || sig == M_AFTER)
			x->open = 1;
		else if (sig == M_UNTIL_ALIAS || sig == M_BEFORE || sig == M_BY)
			x->open = -1;
	}
	x->relative = c->used && !c->xyear;
	x->xyear = c->xyear;
	x->wd = c->wd;
	x->kind = r.b.grain || x->open ? K_INTERVAL
	    : r.a.grain >= G_HOUR      ? K_TIME
				       : K_DATE;
	x->tense = c->tense == 2 ? 0 : c->tense;
	x->clock_only = r.a.grain >= G_HOUR &&
	    (!r.b.grain || r.b.grain >= G_HOUR) &&
	    clock_only(c, i, k, &x->ampm);
	return 1;
}

/*
 * Most numbers in news are counts and amounts: a cheap look at the tokens
 * around a number head rejects them before any reading (2,024; $5.2; 737;
 * 30 people).  A number of one or two digits stays only with a date-like
 * neighbour: a month, unit, a.m., o'clock, "of", "to", "and", a slash, a
 * dash, a colon, a dot, or an ordinal suffix.
 */
static int
head_worth(struct ctx *c, int h)
{
	const struct tok *t = tk(c, h), *n;
	int k;

	/* a unit word (year, quarter, day) heads an expression only with a
	 * word before it (last year, two days, the third quarter) or after
	 * it (days ago, year earlier) */
	if (t->type == T_WORD && t->cls == L_UNITS) {
		const struct tok *b = tk(c, h - 1), *a = tk(c, h + 1);

		return b->type == T_NUM || b->type == T_TAG ||
		    (b->type == T_WORD && b->cmask != 0) ||
		    (b->type == T_PUNCT && b->ch == '-') ||
		    /* Presidents' Day, Martin Luther King Jr. Day */
		    (b->type == T_PUNCT && (b->ch == '\'' || b->ch == '.') &&
			h > 1 && class_is(c, h - 2, L_HOLIDAYS)) ||
		    (a->type == T_WORD && a->mod != 0) || a->type == T_NUM ||
		    (a->type == T_PUNCT && a->ch == '-') ||
		    most_recent(c, h - 1);
	}
	if (t->type != T_NUM)
		return 1;
	if (t->flags & TF_COMMA)
		return 0;
	if (t->ndig == 4 || (t->flags & (TF_ORD | TF_S)))
		return 1;
	if (t->ndig == 8)
		return 1; /* 20161016 */
	if (era_at(c, h + 1, &k) || is_caps(c, h - 1, "AD") ||
	    is_caps(c, h - 1, "CE"))
		return 1; /* 79 AD, AD 79 */
	n = tk(c, h + 1);
	/* 330 p.m., 150ish, at 730 in the evening */
	if (t->ndig == 3)
		return n->type == T_WORD &&
		    (n->mod == M_AM || n->mod == M_PM || n->mod == M_IN ||
			is_word_text(c, h + 1, "ish") ||
			(n->end - n->beg == 1 &&
			    (is_word_text(c, h + 1, "a") ||
				is_word_text(c, h + 1, "p"))));
	if (t->ndig != 1 && t->ndig != 2)
		return 0;
	if (h > 0 && is_punct(c, h - 1, '.') && tight(c, h))
		return 0; /* 5.25 */
	if (h > 1 && is_mod(c, h - 1, M_PAST) && t->val <= 12 &&
	    tk(c, h - 2)->type == T_WORD)
		return 1; /* ten past 3, police said */
	if (n->type == T_PUNCT && n->ch == '.')
		/* 3.5 is a number; 10.03.2025 a date; "at 6.45", "9.am" a
		 * clock */
		return tight(c, h + 2) &&
		    ((is_num(c, h + 2) &&
			 ((is_punct(c, h + 3, '.') && is_num(c, h + 4)) ||
			     tk(c, h + 3)->mod == M_AM ||
			     tk(c, h + 3)->mod == M_PM ||
			     unit_at(c, h + 3, &k) == U_HOUR || /* 2.5 hours */
			     (h > 0 && tk(c, h - 1)->mod == M_AT &&
				 tk(c, h + 2)->ndig == 2 &&
				 clock_follows(c, h + 3)))) ||
			tk(c, h + 2)->mod == M_AM || tk(c, h + 2)->mod == M_PM);
	/* 3p, 9a, 3 p . m ., 15h, 11ish */
	if (n->type == T_WORD &&
	    ((n->end - n->beg == 1 &&
		 (is_word_text(c, h + 1, "a") || is_word_text(c, h + 1, "p") ||
		     (is_word_text(c, h + 1, "h") && tight(c, h + 1)))) ||
		is_word_text(c, h + 1, "ish")))
		return 1;
	if (n->type == T_PUNCT)
		return n->ch == '/' || n->ch == '-' || n->ch == ':' ||
		    n->ch == '\'';
	if (n->type == T_TAG)
		return 1; /* 15h30 */
	if (n->type == T_NUM)
		/* 10 31 1974 */
		return spaced_date(c, h, &(struct point){0}) > 0;
	if (n->type != T_WORD)
		return n->type == 0 && h > 0 && tk(c, h - 1)->type == T_WORD &&
		    tk(c, h - 1)->cmask != 0; /* "on 15" at the line's end */
	if (n->cls == L_MONTHS || n->cls == L_UNITS || n->cls == L_ZONES ||
	    n->cls == L_PARTS || n->cls == L_WEEKDAYS || n->cls == L_RELDAYS)
		return 1;
	if (short_unit(c, h + 1, 0) ||
	    (is_word_text(c, h + 1, "more") && class_is(c, h + 2, L_UNITS)))
		return 1; /* 1h ago, 3mo later, in 2 more minutes */
	switch (n->mod) {
	case M_AM:
	case M_PM:
	case M_OCLOCK:
	case M_OF:
	case M_TO:
	case M_AND:
	case M_IN:
	case M_ON:
	case M_AT:
	case M_PASTW:
	case M_PAST: /* 20 past 3pm */
	case M_AFTER:
		return 1;
	case M_THIS: /* at 8 this evening */
		if (class_val(c, h + 2, L_PARTS) > 0)
			return 1;
		break;
	default:
		break;
	}
	/* the month or weekday before: "Tuesday 10 ..." */
	for (k = h - 1; k >= 0 && k >= h - 2; k--)
		if (tk(c, k)->type == T_WORD &&
		    (tk(c, k)->cls == L_MONTHS || tk(c, k)->cls == L_WEEKDAYS))
			return 1;
	return 0;
}

int
parse_at(
    struct window *w, const struct anchor *an, size_t floor, struct expr *e)
{
	struct ctx c;
	int start, i;

	memset(&c, 0, sizeof(c));
	c.w = w;
	c.t = w->t;
	c.nt = w->nt;
	c.an = an;
	c.floor = floor;
	c.head = w->head;
	if (w->head < 0)
		return 0;
	if (!head_worth(&c, w->head))
		return 0;
	/* not before head_worth(): two heads in three are let go there
	 * (the 4 of "2.4%", "$747,761"), and the memset() is a rep stos */
	memset(e, 0, sizeof(*e));
	start = w->head;
	while (start > 0 && w->head - start < 5 &&
	    w->t[start - 1].beg >= floor && opener(&c, start - 1))
		start--;
	for (i = start; i <= w->head; i++) {
		const struct tok *t = tk(&c, i);

		/* a trigger before the head was a head itself, and a
		 * preposition is skipped by the reading of the next token */
		if (i < w->head &&
		    (t->type == T_PUNCT || t->trig || t->mod == M_ON ||
			t->mod == M_AT || t->mod == M_OF ||
			(t->mod == M_IN && !in_count(&c, i))))
			continue;
		if (expr_from(&c, i, e) && e->end > w->t[w->head].beg)
			return 1;
	}
	return 0;
}
