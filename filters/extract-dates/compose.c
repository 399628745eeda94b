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
    {"on", J_ON},
    {"of", J_ON},
};

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

/* The interval a to b; 0 if b ends before a begins. */
static int
join_range(struct expr *a, const struct expr *b0)
{
	struct expr b = *b0;
	struct tv *end;

	/* a year not written takes the other's: "10 August 2013 - 12
	 * September", "Nov. - Feb. 5, 2017" */
	if (b.xyear && !a->xyear && !a->relative && a->a.y != b.a.y) {
		set_year(&b.a, a->a.y);
		if (b.b.grain)
			set_year(&b.b, a->a.y);
		if (tv_minutes(&b.a, 0) < tv_minutes(&a->a, 0)) {
			set_year(&b.a, a->a.y + 1);
			if (b.b.grain)
				set_year(&b.b, a->a.y + 1);
		}
	} else if (a->xyear && !b.xyear && !b.relative && a->a.y != b.a.y) {
		int y = b.a.y;

		set_year(&a->a, y);
		if (a->b.grain)
			set_year(&a->b, y);
		if (tv_minutes(&a->a, 0) > tv_minutes(&b.a, 0)) {
			set_year(&a->a, y - 1);
			if (a->b.grain)
				set_year(&a->b, y - 1);
		}
	} else if (a->xyear && b.xyear &&
	    tv_minutes(&a->a, 0) > tv_minutes(&b.a, 0)) {
		/* "from the end of March to the middle of September",
		 * each year from the tense: the earlier year for both */
		set_year(&a->a, a->a.y - 1);
		if (a->b.grain)
			set_year(&a->b, a->b.y - 1);
	}
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
	if (tv_minutes(end, 1) < tv_minutes(&a->a, 0))
		return 0;
	if (!tv_valid_day(&a->a) || !tv_valid_day(end))
		return 0;
	a->b = *end;
	a->kind = K_INTERVAL;
	a->clock_only = a->clock_only && b.clock_only;
	return 1;
}

/*
 * A quarter or half written without its year, part, and a year written
 * beside it in four digits, year: x becomes the part in that year ("2017-Q1", "Q3 of
 * 2018").  0 when the two are not such a pair.
 */
static int
year_part(struct expr *x, const struct expr *part, const struct expr *year,
    const char *s)
{
	size_t k;

	if (year->a.grain != G_YEAR || year->b.grain || year->a.fiscal ||
	    year->end - year->beg != 4)
		return 0;
	for (k = year->beg; k < year->end; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0; /* written as four digits: 2017 */
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

int
compose_exprs(struct expr *a, const struct expr *b, const char *s, size_t n,
    size_t floor, const struct anchor *an)
{
	int j, between = 0;
	size_t beg = a->beg, end = b->end, o;
	struct expr x = *a;

	if (b->beg < a->end || b->end > n || a->open || b->open ||
	    a->a.grain == G_NONE || b->a.grain == G_NONE)
		return 0;
	/* without an anchor a relative expression is written unresolved:
	 * nothing to join it with */
	if (!an->have && (a->relative || a->xyear || b->relative || b->xyear))
		return 0;
	j = gap_join(s, a->end, b->beg);
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
	} else if (j == J_RANGE || (j == J_AND && between && o != (size_t)-1)) {
		if (j == J_RANGE && a->b.grain && b->b.grain)
			return 0; /* two ranges side by side: a list */
		if (!join_range(&x, b))
			return 0;
		if (o != (size_t)-1)
			beg = o;
	} else if ((j == J_AT || j == J_NONE || j == J_COMMA) &&
	    !a->clock_only && has_day(&a->a) && a->a.grain <= G_POD &&
	    (!a->b.grain || a->b.grain == G_DAY) && b->clock_only) {
		/* on Saturday for 9 a.m.; 22-23 Feb at 7pm */
		x.a = b->a;
		clock_on(&x.a, &a->a, b->ampm);
		if (a->b.grain || b->b.grain) {
			x.b = b->b.grain ? b->b : b->a;
			clock_on(&x.b, a->b.grain ? &a->b : &a->a, b->ampm);
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
	    a->a.grain == G_DAY && !a->b.grain && b->a.grain == G_DAY &&
	    !b->b.grain && ends_in_weekday(s, a->beg, a->end) &&
	    !ends_in_weekday(s, b->beg, b->end) && !b->relative) {
		/* Friday (March 15), next Friday 5/12: the date it names */
		x.a = b->a;
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
	} else if ((j == J_NONE || j == J_COMMA) && a->a.grain == G_DAY &&
	    !a->b.grain && !a->relative && b->a.grain == G_DAY &&
	    !b->b.grain && b->wd && !ends_in_weekday(s, a->beg, a->end) &&
	    ends_in_weekday(s, b->beg, b->end)) {
		/* Jul 18, Fri */
		if (a->xyear)
			year_of_weekday(&x.a, b->wd);
	} else if ((j == J_NONE || j == J_ON || j == J_COMMA) &&
	    a->a.grain == G_WEEK && !a->b.grain && b->a.grain == G_DAY &&
	    !b->b.grain && b->wd) {
		/* next week on Tuesday: the Tuesday of that week */
		tv_on_day(&x.a, tv_days(&a->a) + b->wd - 1);
		x.wd = 0;
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
