/*
 * holidays.c - the holidays a news reader dates, by name, and their day
 * (or days) in a given year.
 *
 * The names and their rules are data, holiday-table.def (its header says
 * how a name is written and matched; parse.c matches it).  The first word
 * of every name, and the words before its first trigger word (a
 * weekday, "day", "year"), are in holidays.words so that the scanner
 * stops there: a distinctive first word (christmas, ramadan) with value
 * 1, a common one (labor, new, good) with -1, found from the trigger.
 *
 * Moving holidays are computed from the year: Easter (Gregorian and
 * Julian computus), the n-th weekday of a month, the Hebrew calendar,
 * the Islamic calendar of Umm al-Qura (from the new moon), the new moon of
 * Chinese New Year and of Diwali.  The
 * Jewish holidays begin at sundown on their eve, and are dated from the
 * eve as in the calendars printed for the diaspora: Yom Kippur 2018 is
 * 2018-09-18 (10 Tishrei 5779 is September 19).
 */
#include "holidays.h"

#include <stddef.h>

#include "dates.h"
#include "holiday-table.h"

/* The rows of holiday-table.def, sorted by name. */
const struct holiday holidays[] = {HOLIDAY_ROWS{NULL, 0, 0, 0, 0, 0, 0, 0, 0}};
const unsigned short holiday_first[27] = HOLIDAY_FIRST;

/* The Gregorian Hebrew year of Hebrew month m in civil year y: Tishrei to
 * Kislev (autumn) begin the next Hebrew year. */
static long
hebrew_year_for(int y, int m)
{
	return m >= 7 && m <= 9 ? y + 3761L : y + 3760L;
}

/* The first day of a tabular Islamic date m/d falling in civil year y. */
static long
islamic_in_year(int y, int m, int d, long *next_month)
{
	long iy = (long)((y - 622) * 33 / 32) - 1, days;
	int k, yy, mm, dd;

	for (k = 0; k < 4; k++, iy++) {
		days = islamic_month_start(iy, m) + d - 1;
		civil_from_days(days, &yy, &mm, &dd);
		if (yy == y) {
			*next_month = m < 12 ? islamic_month_start(iy, m + 1)
					     : islamic_month_start(iy + 1, 1);
			return days;
		}
	}
	*next_month = 0;
	return 0;
}

int
holiday_days(const struct holiday *h, int y, int gb, long *from, long *to)
{
	long d = 0, next = 0;
	int wd, yy, mm, dd;

	if (h->year != 0 && h->kind != H_YEAR365 && h->year != y)
		return 0;
	switch (h->kind) {
	case H_FIXED:
		d = days_from_civil(y, h->a, h->b);
		break;
	case H_NTH:
		d = nth_weekday(y, h->a, h->c, h->b);
		break;
	case H_EASTER:
		d = easter_days(y);
		break;
	case H_ORTHODOX:
		d = orthodox_easter_days(y);
		break;
	case H_MOTHERS:
		/* Mothering Sunday in Britain: three weeks before Easter */
		d = gb ? easter_days(y) - 21 : nth_weekday(y, 5, 7, 2);
		break;
	case H_CHINESE:
		d = chinese_new_year_days(y);
		break;
	case H_DIWALI:
		if ((d = diwali_days(y)) == 0)
			return 0;
		break;
	case H_LUNAR:
		if ((d = lunar_festival_days(y, h->a, h->b, h->c)) == 0)
			return 0;
		break;
	case H_NAKSHATRA:
		if ((d = nakshatra_days(y, h->a, h->b, h->c)) == 0)
			return 0;
		break;
	case H_SOLAR:
		d = solar_ingress_days(y, h->a, h->c);
		break;
	case H_NOSUNDAY:
		d = days_from_civil(y, h->a, h->b);
		if (weekday_of(d) == 7)
			d--;
		break;
	case H_SUPERTUE:
		/* the Tuesday most states hold their presidential primaries:
		 * the first of March, but February 5 in 2008 */
		if (y % 4 != 0)
			return 0;
		d = y == 2008 ? days_from_civil(y, 2, 5)
			      : nth_weekday(y, 3, 2, 1);
		break;
	case H_YEAR365:
		/* the Parsi (Shahenshahi) year has no leap day: its new year
		 * comes a day earlier in the Gregorian year after each
		 * February 29 (2018-08-17, 2022-08-16) */
		d = days_from_civil(h->year, h->a, h->b) + 365L * (y - h->year);
		civil_from_days(d, &yy, &mm, &dd);
		if (yy != y)
			d += yy < y ? 365 : -365;
		break;
	case H_OBSERVED:
		/* on a Saturday, the Friday before; on a Sunday, the Monday */
		d = days_from_civil(y, h->a, h->b);
		wd = weekday_of(d);
		d += wd == 6 ? -1 : wd == 7 ? 1 : 0;
		break;
	case H_TAXDAY: {
		/* April 15, else the next working day that is not
		 * Emancipation Day as observed in Washington */
		long em = days_from_civil(y, 4, 16);

		wd = weekday_of(em);
		em += wd == 6 ? -1 : wd == 7 ? 1 : 0;
		d = days_from_civil(y, 4, 15);
		while (weekday_of(d) >= 6 || d == em)
			d++;
		break;
	}
	case H_HEBREW: {
		long hy = hebrew_year_for(y, h->a);
		int m = h->a;

		if (m == 12 && hebrew_is_leap(hy))
			m = 13; /* Purim is in Adar II */
		d = hebrew_days(hy, m, h->b);
		wd = weekday_of(d);
		if ((h->flags & HF_MOVED) && h->a == 5 && wd == 6)
			d++; /* Tisha B'Av: not on the Sabbath */
		if ((h->flags & HF_MOVED) && h->a == 2)
			/* Yom Ha'atzmaut: not next to the Sabbath */
			d += wd == 5 ? -1 : wd == 6 ? -2 : wd == 1 ? 1 : 0;
		break;
	}
	case H_ISLAMIC:
		d = islamic_in_year(y, h->a, h->b, &next);
		if (d == 0)
			return 0;
		break;
	case H_ISLASTWD:
		/* the last Friday of Ramadan: from the month's last day */
		if (islamic_in_year(y, h->a, 1, &next) == 0)
			return 0;
		d = next - 1 - (weekday_of(next - 1) - h->c + 7) % 7;
		break;
	default:
		return 0;
	}
	d += h->off;
	*from = d;
	if (h->len < 0 && h->kind == H_ISLAMIC)
		*to = next - 1; /* the whole month: Ramadan */
	else if (h->len > 1 && h->kind == H_LUNAR)
		/* Navratri: from the 1st lunar day to the 9th, 9 or 10 days
		 * as the lunar days fall */
		*to = lunar_festival_days(y, h->a, h->b + h->len - 1, h->c) +
		    h->off;
	else
		*to = h->len > 1 ? d + h->len - 1 : d;
	return 1;
}
