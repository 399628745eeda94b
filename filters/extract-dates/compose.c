/*
 * compose.c - two expressions found side by side read as one.
 *
 * parse.c reads one expression from its head; some expressions are made
 * of two that it also finds alone, joined by a word:
 *
 *	between Jan 2019 and today	an interval from the first to the
 *	from the end of March to May	second (the end of an interval: its
 *	10 August 2013 - 12 September	end; a year not written: the other's)
 *	on Saturday for 9 a.m.		a day, then a clock on it
 *	from 5 to 6 p.m. on April 22	a clock (or clock range), then its day
 *	Friday (March 15)		a weekday, then the date it names
 *	next week on Tuesday		a week, then a weekday of it
 *
 * scan_line() (main.c) keeps the last expression of a line back until
 * the next one is found, and asks compose_exprs() whether the bytes
 * between them join them; a joined pair may join a third ("Friday, March
 * 15, at 9 a.m.").  The joining words are the table joins[] below.
 *
 * compose_lead() takes in the bare hours written just before an
 * expression, which are no expression alone: "9 tomorrow", "eight
 * tonight", "between 3 and 5 on 1/1/2015", "between 7 and 9:30 last
 * night".
 */
#include <string.h>

#include "dates.h"

/* What the words between two expressions make of them. */
enum join {
	J_NONE,  /* nothing but white space */
	J_COMMA, /* "," */
	J_RANGE, /* to, through, until, a dash: an interval */
	J_AND,   /* and: an interval after "between" */
	J_AT,    /* at, for, around: a day, then its clock */
	J_ON,    /* on, of: a clock, then its day */
	J_PAREN, /* "(": a weekday, then its date in parentheses */
	J_BOUND, /* before, after, by: a day, then a bound on its clock */
	J_NO
};

static const struct {
	const char *w;
	int join;
} joins[] = {
    {"to", J_RANGE},
    {"through", J_RANGE},
    {"thru", J_RANGE},
    {"until", J_RANGE},
    {"till", J_RANGE},
    {"til", J_RANGE},
    {"and", J_AND},
    {"at", J_AT},
    {"for", J_AT},
    {"around", J_AT},
    {"about", J_AT},
    {"before", J_BOUND},
    {"after", J_BOUND},
    {"by", J_BOUND},
    {"on", J_ON},
    {"of", J_ON},
};

/* The longest expression (bytes) that is joined to another. */
#define COMPOSE_MAX 120

static int hour_text(const char *s, size_t b, size_t e);
static int is_range_text(const char *s, size_t b, size_t e, int *and);

/* The words that open an interval before its first end. */
static const char *const openers[] = {"from", "between"};

static int
is_letter(unsigned char ch)
{
	return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static int
is_blank(const char *s, size_t i)
{
	return s[i] == ' ' || s[i] == '\t';
}

/* The word s[b..e) is w (any case). */
static int
word_eq(const char *s, size_t b, size_t e, const char *w)
{
	size_t k, len = strlen(w);

	if (e - b != len)
		return 0;
	for (k = 0; k < len; k++)
		if ((s[b + k] | 0x20) != w[k])
			return 0;
	return 1;
}

/*
 * The join made by the bytes s[b..e) between two expressions: white
 * space, then at most a comma and one word or sign.  ", at" is J_AT.
 */
static int
gap_join(const char *s, size_t b, size_t e)
{
	size_t i = b, w;
	int comma = 0;
	size_t k;

	while (i < e && is_blank(s, i))
		i++;
	if (i < e && s[i] == ',') {
		comma = 1;
		for (i++; i < e && is_blank(s, i); i++)
			;
	}
	if (i == e)
		return comma ? J_COMMA : J_NONE;
	for (w = i; w < e && is_letter((unsigned char)s[w]); w++)
		;
	if (w == i) {
		/* a sign: - ~ ( @, an en or em dash */
		if (comma)
			return J_NO;
		if (s[i] == '-' || s[i] == '~')
			w = i + 1;
		else if (e - i >= 3 && (unsigned char)s[i] == 0xe2 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x93 ||
			(unsigned char)s[i + 2] == 0x94))
			w = i + 3;
		else if (s[i] == '(' || s[i] == '@')
			w = i + 1;
		else
			return J_NO;
		for (k = w; k < e; k++)
			if (!is_blank(s, k))
				return J_NO;
		return s[i] == '(' ? J_PAREN : s[i] == '@' ? J_AT : J_RANGE;
	}
	for (k = w; k < e; k++)
		if (!is_blank(s, k))
			return J_NO;
	for (k = 0; k < sizeof(joins) / sizeof(joins[0]); k++)
		if (word_eq(s, i, w, joins[k].w)) {
			if (comma && joins[k].join != J_AT &&
			    joins[k].join != J_ON)
				return J_NO;
			return joins[k].join;
		}
	return J_NO;
}

/* The opener ("from", "between") just before byte b, not before floor:
 * its first byte, else (size_t)-1. */
static size_t
opener_before(const char *s, size_t floor, size_t b, int *between)
{
	size_t e = b, w;
	size_t k;

	while (e > floor && is_blank(s, e - 1))
		e--;
	if (e == b)
		return (size_t)-1;
	for (w = e; w > floor && is_letter((unsigned char)s[w - 1]); w--)
		;
	if (w > floor && !is_blank(s, w - 1) && s[w - 1] != '(')
		return (size_t)-1;
	for (k = 0; k < sizeof(openers) / sizeof(openers[0]); k++)
		if (word_eq(s, w, e, openers[k])) {
			*between = k == 1;
			return w;
		}
	return (size_t)-1;
}

/* The last word of s[b..e) is a weekday: "Friday", "next Fri." */
static int
ends_in_weekday(const char *s, size_t b, size_t e)
{
	size_t w;
	const struct lexent *x;

	if (e > b && s[e - 1] == '.')
		e--;
	for (w = e; w > b && is_letter((unsigned char)s[w - 1]); w--)
		;
	if (w == e)
		return 0;
	x = lex_get_class(s + w, e - w, L_WEEKDAYS);
	return x != NULL && x->val >= 1 && x->val <= 7;
}

/*
 * Whether one run of s[b..e) passes run_ok: a run is a longest stretch of
 * bytes that in_run takes (letters: "3 weeks after" has the runs "weeks"
 * and "after"; digits: "June 2024" has "2024").  counted() and has_year()
 * below are this walk with two predicates.
 */
static int
any_run(const char *s, size_t b, size_t e, int (*in_run)(unsigned char),
    int (*run_ok)(const char *, size_t))
{
	size_t w;

	while (b < e) {
		for (w = b; w < e && in_run((unsigned char)s[w]); w++)
			;
		if (w > b && run_ok(s + b, w - b))
			return 1;
		b = w > b ? w : b + 1;
	}
	return 0;
}

static int
is_digit_byte(unsigned char ch)
{
	return ch >= '0' && ch <= '9';
}

static int
is_unit_word(const char *w, size_t len)
{
	return lex_get_class(w, len, L_UNITS) != NULL;
}

static int
is_four_digits(const char *w, size_t len)
{
	(void)w;
	return len == 4;
}

/* Whether s[b..e) counts units from a day: "two weeks from now", "3
 * weeks after Christmas" (a word of the units list). */
static int
counted(const char *s, size_t b, size_t e)
{
	return any_run(s, b, e, is_letter, is_unit_word);
}

/* Whether s[b..e) has a number of four digits (a year). */
static int
has_year(const char *s, size_t b, size_t e)
{
	return any_run(s, b, e, is_digit_byte, is_four_digits);
}

/* The first word of s[b..e) is a weekday: "Friday (June 14)". */
static int
starts_with_weekday(const char *s, size_t b, size_t e)
{
	size_t w;
	const struct lexent *x;

	for (w = b; w < e && is_letter((unsigned char)s[w]); w++)
		;
	x = w > b ? lex_get_class(s + b, w - b, L_WEEKDAYS) : NULL;
	return x != NULL && x->val >= 1 && x->val <= 7;
}

static long
tv_days(const struct tv *v)
{
	return days_from_civil(v->y, v->m ? v->m : 1, v->d ? v->d : 1);
}

/* A point of time as minutes, for ordering: the start of v, or its last
 * minute when last is set (a day's end is 23:59). */
static long long
tv_minutes(const struct tv *v, int last)
{
	long long t;
	int y = v->y, m = v->m, d;

	if (v->grain >= G_HOUR)
		return (long long)tv_days(v) * 1440 + v->hh * 60 +
		    (v->mm > 0 ? v->mm : 0);
	if (!last)
		return (long long)tv_days(v) * 1440;
	switch (v->grain) {
	case G_DECADE:
		y = v->y + 9, m = 12;
		break;
	case G_CENTURY:
		y = v->y + 99, m = 12;
		break;
	case G_YEAR:
		m = 12;
		break;
	case G_HALF:
		m = v->q * 6;
		break;
	case G_QUARTER:
		m = v->q * 3;
		break;
	case G_SEASON:
		m = v->m + 2; /* near enough for an order */
		break;
	case G_WEEK:
		return ((long long)tv_days(v) + 7) * 1440 - 1;
	case G_WEEKEND:
		return ((long long)tv_days(v) + 2) * 1440 - 1;
	default:
		break;
	}
	if (v->grain >= G_WEEK)
		return ((long long)tv_days(v) + 1) * 1440 - 1;
	if (m > 12)
		m = 12;
	if (m < 1)
		m = 1;
	d = month_days(y, m);
	t = (long long)days_from_civil(y, m, d) * 1440 + 1439;
	return t;
}

/* Whether the day of v exists (no February 30 made by a year taken from
 * the other end). */
static int
tv_valid_day(const struct tv *v)
{
	if (v->grain < G_WEEK)
		return 1;
	return v->m >= 1 && v->m <= 12 && v->d >= 1 &&
	    v->d <= month_days(v->y, v->m);
}

static void
tv_on_day(struct tv *v, long days)
{
	memset(v, 0, sizeof(*v));
	v->grain = G_DAY;
	civil_from_days(days, &v->y, &v->m, &v->d);
}

/* Whether v has a calendar day (a day, a part of one, a clock). */
static int
has_day(const struct tv *v)
{
	return v->grain >= G_DAY;
}

/* A clock on the day of d: v keeps its hours, takes d's date, and a part
 * of the day without a.m./p.m. moves it ("eight" in the evening: 20:00). */
static void
clock_on(struct tv *v, const struct tv *d, int ampm)
{
	v->y = d->y;
	v->m = d->m;
	v->d = d->d;
	if (d->grain == G_POD && !ampm && v->hh < 12 &&
	    ((d->q >= P_AF && d->q <= P_EV) || (d->q == P_NI && v->hh >= 5)))
		v->hh += 12;
}

void
tv_overnight(const struct tv *a, struct tv *b)
{
	int y, m, d;

	if (a->grain < G_HOUR || b->grain < G_HOUR || a->y != b->y ||
	    a->m != b->m || a->d != b->d ||
	    b->hh * 60 + b->mm >= a->hh * 60 + a->mm)
		return;
	civil_from_days(tv_days(b) + 1, &y, &m, &d);
	b->y = y;
	b->m = m;
	b->d = d;
}

static void
set_year(struct tv *v, int y)
{
	v->y = y; /* February 29 of a year without one: tv_valid_day() */
}

/* Whether s[b..e) is "now" ("right now", "just now"). */
static int
is_now(const char *s, size_t b, size_t e)
{
	return e - b >= 3 && word_eq(s, e - 3, e, "now") &&
	    (e - b == 3 || is_blank(s, e - 4));
}

/* The interval a to b; 0 if b ends before a begins. */
static int
join_range(struct expr *a, const struct expr *b0, const char *s)
{
	struct expr b = *b0;
	struct tv *end;
	/* whether an end's year is not written (four digits are a year
	 * written, whatever the flags say: "2018" in "to 2018-Q1") */
	int bx = b.xyear && !has_year(s, b.beg, b.end);
	int ax = a->xyear && !has_year(s, a->beg, a->end);

	/* a year not written takes the other's: "10 August 2013 - 12
	 * September", "Nov. - Feb. 5, 2017" */
	if (bx && !ax && !a->relative && a->a.y != b.a.y) {
		set_year(&b.a, a->a.y);
		if (b.b.grain)
			set_year(&b.b, a->a.y);
		if (tv_minutes(&b.a, 0) < tv_minutes(&a->a, 0)) {
			set_year(&b.a, a->a.y + 1);
			if (b.b.grain)
				set_year(&b.b, a->a.y + 1);
		}
	} else if (ax && !bx && !b.relative && a->a.y != b.a.y) {
		int y = b.a.y;

		set_year(&a->a, y);
		if (a->b.grain)
			set_year(&a->b, y);
		if (tv_minutes(&a->a, 0) > tv_minutes(&b.a, 0)) {
			set_year(&a->a, y - 1);
			if (a->b.grain)
				set_year(&a->b, y - 1);
		}
	} else if (ax && bx && tv_minutes(&a->a, 0) > tv_minutes(&b.a, 0)) {
		/* "from the end of March to the middle of September",
		 * each year from the tense: the earlier year for both */
		set_year(&a->a, a->a.y - 1);
		if (a->b.grain)
			set_year(&a->b, a->b.y - 1);
	}
	/* now, an end beside a day or longer, is its day: "between Jan
	 * 2019 and now" (2019-01/2020-04-26) */
	if (b.a.grain >= G_HOUR && a->a.grain < G_HOUR &&
	    is_now(s, b.beg, b.end))
		b.a.grain = G_DAY;
	if (a->a.grain >= G_HOUR && b.a.grain < G_HOUR && !a->b.grain &&
	    is_now(s, a->beg, a->end))
		a->a.grain = G_DAY;
	/* a clock goes to a clock or a day, and one without its day only
	 * to a clock ("3pm - this week" are two) */
	if ((a->a.grain >= G_HOUR) != (b.a.grain >= G_HOUR) &&
	    (a->clock_only || b.clock_only || a->a.grain < G_DAY ||
		b.a.grain < G_DAY))
		return 0;
	/* a clock without its day takes the other end's: "from 9:30 to
	 * 11:00 on Thursday" */
	if (a->clock_only && b.a.grain >= G_HOUR && !b.clock_only)
		clock_on(&a->a, &b.a, 1);
	else if (b.clock_only && a->a.grain >= G_HOUR && !a->clock_only) {
		const struct tv *d = a->b.grain ? &a->b : &a->a;

		clock_on(&b.a, d, 1);
		if (b.b.grain)
			clock_on(&b.b, d, 1);
	}
	end = b.b.grain ? &b.b : &b.a;
	/* between now (10:20) and eight o'clock: 20:00 */
	if (end->grain >= G_HOUR && a->a.grain >= G_HOUR && !b.ampm &&
	    end->hh < 12 && tv_minutes(end, 0) < tv_minutes(&a->a, 0) &&
	    tv_days(end) == tv_days(&a->a) && end->hh + 12 > a->a.hh)
		end->hh += 12;
	if (tv_minutes(end, 1) < tv_minutes(&a->a, 0))
		return 0;
	if (!tv_valid_day(&a->a) || !tv_valid_day(end))
		return 0;
	a->b = *end;
	a->kind = K_INTERVAL;
	a->clock_only = a->clock_only && b.clock_only;
	return 1;
}

/* Whether y is a year written in four digits: "2017". */
static int
year_written(const struct expr *y, const char *s)
{
	size_t k;

	if (y->a.grain != G_YEAR || y->b.grain || y->a.fiscal ||
	    y->end - y->beg != 4)
		return 0;
	for (k = y->beg; k < y->end; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	return 1;
}

/*
 * A quarter or half written without its year, part, and a year written
 * beside it in four digits, year: x becomes the part in that year ("2017-Q1",
 * "Q3 of 2018").  0 when the two are not such a pair.
 */
static int
year_part(struct expr *x, const struct expr *part, const struct expr *year,
    const char *s)
{
	if (!year_written(year, s))
		return 0;
	if ((part->a.grain != G_QUARTER && part->a.grain != G_HALF) ||
	    part->b.grain || !(part->relative || part->xyear))
		return 0;
	x->a = part->a;
	x->a.y = year->a.y;
	x->b.grain = G_NONE;
	x->kind = K_DATE;
	x->relative = x->xyear = 0;
	x->wd = 0;
	return 1;
}

/* A weekday "wd" named beside a month day d written without its year:
 * the year whose d is that weekday, the nearest to d's first. */
static void
year_of_weekday(struct tv *d, int wd)
{
	int k;

	if (weekday_of(tv_days(d)) == wd)
		return;
	for (k = 1; k <= 6; k++) {
		if (d->d <= month_days(d->y + k, d->m) &&
		    weekday_of(days_from_civil(d->y + k, d->m, d->d)) == wd) {
			d->y += k;
			return;
		}
		if (d->d <= month_days(d->y - k, d->m) &&
		    weekday_of(days_from_civil(d->y - k, d->m, d->d)) == wd) {
			d->y -= k;
			return;
		}
	}
}

/*
 * A clock after from or between, then a range word and a bare hour that
 * is no expression alone: "from 10:30 to 3", "between 6:30 to 9 pst".  x
 * becomes the clock range; the bytes read end at *end (a zone word is
 * taken).  The bare hour is the first one after the clock, within twelve
 * hours ("10:30 to 3": 15:00).  lim: where the next expression begins.
 */
static int
clock_tail(struct expr *x, const char *s, size_t lim, size_t floor, size_t *end)
{
	size_t i = x->end, w;
	int h, and, between;
	const struct lexent *z;

	if (!x->clock_only || x->open || x->b.grain || x->a.grain < G_HOUR ||
	    opener_before(s, floor, x->beg, &between) == (size_t)-1)
		return 0;
	while (i < lim && is_blank(s, i))
		i++;
	for (w = i; w < lim && is_letter((unsigned char)s[w]); w++)
		;
	if (w == i && i < lim && s[i] == '-')
		w = i + 1;
	if (w == i || !is_range_text(s, i, w, &and) || (and&&!between))
		return 0;
	for (i = w; i < lim && is_blank(s, i); i++)
		;
	for (w = i; w < lim &&
	     ((s[w] >= '0' && s[w] <= '9') || is_letter((unsigned char)s[w]));
	     w++)
		;
	if (w == i ||
	    (w < lim &&
		(s[w] == ':' || s[w] == '%' ||
		    ((s[w] == '.' || s[w] == ',') && w + 1 < lim &&
			s[w + 1] >= '0' && s[w + 1] <= '9'))) ||
	    (h = hour_text(s, i, w)) < 1 || h > 12)
		return 0;
	x->b = x->a;
	x->b.hh = h;
	x->b.mm = x->b.ss = 0;
	x->b.grain = G_MINUTE;
	if (h * 60 <= x->a.hh * 60 + x->a.mm && h < 12)
		x->b.hh += 12; /* from 10:30 to 3: 15:00 */
	if (x->b.hh * 60 <= x->a.hh * 60 + x->a.mm || x->b.hh > 23)
		return 0;
	/* a zone word after it: "9 pst" */
	for (i = w; i < lim && is_blank(s, i); i++)
		;
	for (*end = w, w = i; w < lim && is_letter((unsigned char)s[w]); w++)
		;
	if (w > i && (z = lex_get_class(s + i, w - i, L_ZONES)) != NULL)
		*end = w, i = w;
	/* then no word but "on" before the next expression: not "from
	 * 10:30 to 3 points" */
	while (i < lim && is_blank(s, i))
		i++;
	for (w = i; w < lim && is_letter((unsigned char)s[w]); w++)
		;
	if (w > i && !word_eq(s, i, w, "on"))
		return 0;
	x->kind = K_INTERVAL;
	return 1;
}

int
compose_tail(struct expr *x, const char *s, size_t n, size_t floor)
{
	size_t end;
	struct expr y = *x;
	int between;

	if (!clock_tail(&y, s, n, floor, &end))
		return 0;
	y.beg = opener_before(s, floor, x->beg, &between);
	y.end = end;
	*x = y;
	return 1;
}

int
compose_exprs(struct expr *a, const struct expr *b, const char *s, size_t n,
    size_t floor, const struct anchor *an)
{
	int j, between = 0;
	size_t beg = a->beg, end = b->end, o;
	struct expr x = *a;
	struct tv z;

	/* most pairs of a line are far apart: the longest join is ",
	 * through " with some white space; and one expression of two is
	 * short (the looks at a's words below stay constant work, not a
	 * chain of "Friday (June 14) Friday (June 14) ..." read again and
	 * again) */
	if (b->beg < a->end || b->beg - a->end > 16 || b->end > n ||
	    a->end - a->beg > COMPOSE_MAX || b->end - b->beg > COMPOSE_MAX ||
	    a->open || (b->open && !b->clock_only) || a->a.grain == G_NONE ||
	    b->a.grain == G_NONE)
		return 0;
	/* without an anchor a relative expression is written unresolved:
	 * nothing to join it with */
	if (!an->have && (a->relative || a->xyear || b->relative || b->xyear))
		return 0;
	j = gap_join(s, a->end, b->beg);
	if (j == J_NO && clock_tail(&x, s, b->beg, floor, &o)) {
		/* from 10:30 to 3 on Friday */
		size_t k = o;

		while (k < b->beg && is_blank(s, k))
			k++;
		if (k < b->beg &&
		    (s[k] == ',' ||
			(b->beg - k >= 2 && word_eq(s, k, k + 2, "on"))))
			k += s[k] == ',' ? 1 : 2;
		while (k < b->beg && is_blank(s, k))
			k++;
		if (k != b->beg || !has_day(&b->a) || b->a.grain > G_POD ||
		    b->b.grain)
			return 0;
		clock_on(&x.a, &b->a, 0);
		clock_on(&x.b, &b->a, 0);
		x.beg = opener_before(s, floor, a->beg, &between);
		x.end = end;
		x.clock_only = 0;
		x.wd = b->wd;
		x.relative = x.relative || b->relative;
		*a = x;
		return 1;
	}
	if (j == J_NO)
		return 0;
	o = opener_before(s, floor, a->beg, &between);
	if ((j == J_NONE || j == J_ON || j == J_RANGE) &&
	    (j != J_RANGE || a->end + 1 == b->beg) &&
	    (year_part(&x, b, a, s) || year_part(&x, a, b, s))) {
		/* 2017-Q1, Q3 of 2018: a part of the year beside it */
		x.relative = x.xyear = 0;
		x.beg = beg;
		x.end = end;
		*a = x;
		return 1;
	} else if ((j == J_NONE || (j == J_RANGE && a->end + 1 == b->beg)) &&
	    a->b.grain == G_YEAR && !a->b.fiscal && a->end - a->beg > 4 &&
	    has_year(s, a->end - 4, a->end) &&
	    (b->a.grain == G_QUARTER || b->a.grain == G_HALF) && !b->b.grain &&
	    (b->relative || b->xyear)) {
		/* from 2017-Q1 to 2018-Q1: the end's year and its quarter */
		x.b = b->a;
		x.b.y = a->b.y;
	} else if (b->open) {
		if (!((j == J_NONE || j == J_COMMA) && !a->clock_only &&
			has_day(&a->a) && a->a.grain <= G_POD && !a->b.grain))
			return 0;
		/* tomorrow before 4pm, with --open-intervals */
		x.a = b->a;
		clock_on(&x.a, &a->a, b->ampm);
		x.open = b->open;
		x.kind = K_INTERVAL;
		x.clock_only = 0;
		x.wd = 0;
	} else if (j == J_RANGE || (j == J_AND && between && o != (size_t)-1)) {
		if (a->b.grain)
			return 0; /* a range and more: a list */
		if (!join_range(&x, b, s))
			return 0;
		if (o != (size_t)-1)
			beg = o;
	} else if ((j == J_AT || j == J_NONE || j == J_COMMA ||
		       (j == J_BOUND && !a->b.grain && !b->b.grain)) &&
	    !a->clock_only && has_day(&a->a) && a->a.grain <= G_POD &&
	    (!a->b.grain || a->b.grain == G_DAY) && b->clock_only) {
		/* on Saturday for 9 a.m.; 22-23 Feb at 7pm; tomorrow
		 * before 4 p.m. (its bound, as "before 4 p.m." alone) */
		x.a = b->a;
		z = a->a;
		if (a->wd && !a->tense &&
		    !a->b.grain) /* a plan, as parse.c
				  * reads "9am on Saturday" */
			civil_from_days(
			    an->days + (a->wd - weekday_of(an->days) + 7) % 7,
			    &z.y, &z.m, &z.d);
		clock_on(&x.a, &z, b->ampm);
		if (a->b.grain || b->b.grain) {
			x.b = b->b.grain ? b->b : b->a;
			clock_on(&x.b, a->b.grain ? &a->b : &z, b->ampm);
			x.kind = K_INTERVAL;
		} else {
			x.kind = K_TIME;
		}
		x.clock_only = 0;
		x.wd = 0;
	} else if ((j == J_ON || j == J_NONE || j == J_COMMA) &&
	    a->clock_only && has_day(&b->a) && b->a.grain <= G_POD &&
	    !b->b.grain) {
		/* from 5 to 6 p.m. on April 22; between 3 and 8am next
		 * Monday */
		clock_on(&x.a, &b->a, a->ampm);
		if (x.b.grain)
			clock_on(&x.b, &b->a, a->ampm);
		x.clock_only = 0;
		x.wd = b->wd;
	} else if ((j == J_NONE || j == J_COMMA || j == J_PAREN) &&
	    a->a.grain == G_DAY && !a->b.grain && b->a.grain >= G_DAY &&
	    !b->b.grain && ends_in_weekday(s, a->beg, a->end) &&
	    !ends_in_weekday(s, b->beg, b->end) && !b->relative) {
		/* Friday (March 15), next Friday 5/12, friday march
		 * fifteenth nine a m: the date it names */
		x.a = b->a;
		x.kind = b->kind;
		if (b->xyear)
			year_of_weekday(&x.a, weekday_of(tv_days(&a->a)));
		x.wd = 0;
		x.relative = 0;
		x.xyear = b->xyear;
		if (j == J_PAREN) {
			o = b->end;
			while (o < n && is_blank(s, o))
				o++;
			if (o >= n || s[o] != ')')
				return 0;
			end = o + 1;
		}
	} else if ((j == J_NONE || j == J_COMMA ||
		       (j == J_ON && counted(s, a->beg, a->end))) &&
	    a->a.grain == G_DAY && !a->b.grain && b->a.grain == G_DAY &&
	    !b->b.grain && b->wd && !ends_in_weekday(s, a->beg, a->end) &&
	    !starts_with_weekday(s, a->beg, a->end) &&
	    ends_in_weekday(s, b->beg, b->end)) {
		/* Jul 18, Fri; two weeks from now on Monday: the weekday
		 * of the week of a day counted from the anchor */
		if (counted(s, a->beg, a->end))
			tv_on_day(&x.a,
			    tv_days(&a->a) - weekday_of(tv_days(&a->a)) +
				b->wd);
		else if (a->xyear)
			year_of_weekday(&x.a, b->wd);
	} else if ((j == J_NONE || j == J_COMMA) && a->a.grain == G_DAY &&
	    !a->b.grain && a->wd && counted(s, b->beg, b->end) &&
	    b->a.grain == G_DAY && !b->b.grain && !b->wd) {
		/* Monday two weeks from now: that week's Monday */
		tv_on_day(
		    &x.a, tv_days(&b->a) - weekday_of(tv_days(&b->a)) + a->wd);
		x.wd = 0;
	} else if ((j == J_NONE || j == J_ON || j == J_COMMA) &&
	    a->a.grain == G_WEEK && !a->b.grain && b->a.grain >= G_DAY &&
	    !b->b.grain && b->wd) {
		/* next week on Tuesday [9 a.m.]: that Tuesday of the week */
		x.a = b->a;
		tv_on_day(&z, tv_days(&a->a) + b->wd - 1);
		x.a.y = z.y, x.a.m = z.m, x.a.d = z.d;
		x.kind = b->kind;
		x.wd = 0;
	} else if (j == J_ON && a->a.grain == G_DAY && !a->b.grain && a->wd &&
	    b->a.grain == G_WEEK && !b->b.grain) {
		/* Monday of the following week */
		tv_on_day(&x.a, tv_days(&b->a) + a->wd - 1);
		x.wd = 0;
	} else if ((j == J_NONE || j == J_COMMA) &&
	    !has_year(s, a->beg, a->end) && !a->relative &&
	    a->a.grain >= G_DAY && year_written(b, s) &&
	    (!a->b.grain || (a->b.grain >= G_DAY && a->b.y == a->a.y))) {
		/* Thu Oct 26 11:00:09 2023: the year after the clock */
		set_year(&x.a, b->a.y);
		if (x.b.grain)
			set_year(&x.b, b->a.y);
		if (!tv_valid_day(&x.a) || (x.b.grain && !tv_valid_day(&x.b)))
			return 0;
		x.xyear = 0;
	} else {
		return 0;
	}
	if (x.b.grain)
		tv_overnight(&x.a, &x.b);
	x.beg = beg;
	x.end = end;
	x.relative = x.relative || b->relative;
	x.xyear = x.xyear && b->xyear;
	*a = x;
	return 1;
}

/*
 * The token just before byte pos (not before floor), white space
 * skipped: a run of letters, of digits, or one other byte, in
 * [*b, *e).  0 if none, -1 when it is the end of a longer token ("v2",
 * "$9", "3.5").
 */
static int
token_before(const char *s, size_t floor, size_t pos, size_t *b, size_t *e)
{
	size_t i = pos;

	while (i > floor && is_blank(s, i - 1))
		i--;
	if (i == floor)
		return 0;
	*e = i;
	if (is_letter((unsigned char)s[i - 1]))
		while (i > floor && is_letter((unsigned char)s[i - 1]))
			i--;
	else if (s[i - 1] >= '0' && s[i - 1] <= '9')
		while (i > floor && s[i - 1] >= '0' && s[i - 1] <= '9')
			i--;
	else
		i--;
	/* a word or number must not be the end of a longer one: "v2" */
	if (i > floor &&
	    (is_letter((unsigned char)s[i - 1]) ||
		(s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.' ||
		s[i - 1] == ',' || s[i - 1] == ':' || s[i - 1] == '/' ||
		s[i - 1] == '$') &&
	    (is_letter((unsigned char)s[i]) || (s[i] >= '0' && s[i] <= '9')))
		return -1;
	*b = i;
	return 1;
}

/* The hour s[b..e) as a bare number: 0-23 in digits (at most two), one to
 * twelve in words; else -1. */
static int
hour_text(const char *s, size_t b, size_t e)
{
	const struct lexent *x;

	if (s[b] >= '0' && s[b] <= '9') {
		if (e - b > 2)
			return -1;
		return e - b == 1 ? s[b] - '0'
		    : (s[b] - '0') * 10 + (s[b + 1] - '0') < 24
		    ? (s[b] - '0') * 10 + (s[b + 1] - '0')
		    : -1;
	}
	x = lex_get_class(s + b, e - b, L_NUMBERS);
	return x != NULL && x->val >= 1 && x->val <= 12 ? x->val : -1;
}

/* The first word of s[b..e) is a clock's hour: "9:30", "six". */
static int
starts_with_hour(const char *s, size_t b, size_t e)
{
	size_t w;

	if (s[b] >= '0' && s[b] <= '9')
		return 1;
	for (w = b; w < e && is_letter((unsigned char)s[w]); w++)
		;
	return w > b && hour_text(s, b, w) > 0;
}

static int
is_range_text(const char *s, size_t b, size_t e, int *and)
{
	*and = word_eq(s, b, e, "and");
	return *and || word_eq(s, b, e, "to") || word_eq(s, b, e, "until") ||
	    word_eq(s, b, e, "till") || word_eq(s, b, e, "through") ||
	    (e - b == 1 && s[b] == '-');
}

/*
 * Whether the byte p[0] (with the byte before it, when back > 1) may end
 * the word before an expression that compose_lead() takes: the end of an
 * hour ("9", "one" ... "twelve") or of "on"; before a clock, of a range
 * word ("and", "to", "until", "till", "through", "-").  Two letters tell
 * "nine" from "the" and "in", which come before most expressions.
 */
static int
may_end_lead(const char *p, size_t back, int clock)
{
	char a = back > 1 ? (char)(p[-1] | 0x20) : ' ', z = (char)(*p | 0x20);

	if (clock) /* and, to, until, till, through, - */
		return *p == '-' || (z == 'd' && a == 'n') ||
		    (z == 'o' && a == 't') ||
		    (z == 'l' && (a == 'i' || a == 'l')) ||
		    (z == 'h' && a == 'g');
	if (*p >= '0' && *p <= '9')
		return 1;
	switch (z) {
	case 'e': /* one, nine, three, five, twelve */
		return a == 'n' || a == 'e' || a == 'v';
	case 'o': /* two */
		return a == 'w';
	case 'r': /* four */
		return a == 'u';
	case 'x': /* six */
		return a == 'i';
	case 'n': /* seven, ten, eleven; on */
		return a == 'e' || a == 'o';
	case 't': /* eight */
		return a == 'h';
	default:
		return 0;
	}
}

int
compose_lead(struct expr *x, const char *s, size_t n, size_t floor,
    const struct anchor *an)
{
	size_t b, e, pos = x->beg, beg;
	int m = -1, h0 = -1, and = 0, clock = x->a.grain >= G_HOUR, k;
	int pod = x->a.grain == G_POD ? x->a.q : 0, end_hh;
	struct tv a, z;

	if (x->b.grain || x->open || x->a.grain < G_DAY || x->end > n ||
	    (!an->have && (x->relative || x->xyear)))
		return 0;
	/* a cheap look first, for most expressions have a word before
	 * them that is none of these: the byte before must end an hour
	 * (9, one ... twelve) or "on"; before a clock, a range word (and,
	 * to, until, till, through, a dash) */
	for (b = pos; b > floor && is_blank(s, b - 1); b--)
		;
	if (b == floor || !may_end_lead(s + b - 1, b - floor, clock))
		return 0;
	if (clock && !starts_with_hour(s, x->beg, x->end))
		return 0;
	if (token_before(s, floor, pos, &b, &e) <= 0)
		return 0;
	if (!clock) {
		/* [between N and] M [on] DAY */
		if (word_eq(s, b, e, "on")) {
			pos = b;
			if (token_before(s, floor, pos, &b, &e) <= 0)
				return 0;
		}
		if (!may_end_lead(s + e - 1, e - floor, 0) ||
		    (m = hour_text(s, b, e)) < 0)
			return 0; /* "on Monday": the word before "on" */
		pos = beg = b;
		if ((k = token_before(s, floor, pos, &b, &e)) < 0) {
			return 0;
		} else if (k == 0) {
			b = e = pos; /* the line opens with it: "9 tomorrow" */
		} else if (is_range_text(s, b, e, &and)) {
			goto range;
		}
		/* one hour: only where it can be nothing else, "eight
		 * tonight" (a word), "at 9 tomorrow", "9 tomorrow" opening
		 * the line (not "won 9 on Tuesday", "lost 7 this morning") */
		if (m < 1 || m > 12)
			return 0;
		if (!(pod >= P_MO && pod <= P_NI && is_letter(s[beg])) &&
		    b < e && !word_eq(s, b, e, "at") &&
		    !word_eq(s, b, e, "around") && !word_eq(s, b, e, "about") &&
		    !word_eq(s, b, e, "by"))
			return 0;
		goto make;
	} else if (!is_range_text(s, b, e, &and)) {
		return 0;
	}
	/* N and|to|- M: the first hour of a range, then its opener */
range:
	pos = b;
	if (token_before(s, floor, pos, &b, &e) <= 0 ||
	    (h0 = hour_text(s, b, e)) < 0)
		return 0;
	beg = b;
	if (token_before(s, floor, beg, &b, &e) > 0 &&
	    word_eq(s, b, e, "between"))
		beg = b;
	else if (clock && token_before(s, floor, beg, &b, &e) > 0 &&
	    word_eq(s, b, e, "from") && !and)
		beg = b;
	else if (and || !clock)
		return 0; /* two bare numbers are hours only after between, or
			   * before a clock: not "rose from 3 to 5 yesterday" */
make:
	a = x->a;
	if (!clock) {
		a.grain = G_MINUTE;
		a.hh = m;
		a.mm = a.ss = 0;
		a.q = 0;
		clock_on(&a, &x->a, 0);
	}
	end_hh = a.hh;
	z = a;
	if (h0 >= 0) {
		z.hh = h0;
		z.mm = z.ss = 0;
		z.grain = G_MINUTE;
		clock_on(&z, &x->a, 0);
		if (z.hh < 12 && end_hh >= 12 && z.hh + 12 <= end_hh)
			z.hh += 12; /* between 7 and 9:30 last night: 19:00 */
		if (z.hh * 60 >= a.hh * 60 + a.mm)
			return 0;
		x->a = z;
		x->b = a;
		x->kind = K_INTERVAL;
	} else {
		x->a = a;
		x->kind = K_TIME;
	}
	x->beg = beg;
	x->clock_only = 0;
	x->wd = 0;
	return 1;
}
