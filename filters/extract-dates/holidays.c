/*
 * holidays.c - the holidays a news reader dates, by name, and their day
 * (or days) in a given year.
 *
 * A name is a phrase of lower-case words (parse.c matches it on the
 * tokens, any case, skipping a dash, apostrophe or dot between words):
 * a word ending in '$' also matches its plural and possessive forms
 * ("mother$ day": Mother's Day, Mothers Day, mothers' day), a word
 * starting with '?' may be left out ("christmas ?day").  The first word
 * of every name, and the words before its first trigger word (a
 * weekday, "day", "year"), are in holidays.words so that the scanner
 * stops there: a distinctive first word (christmas, ramadan) with value
 * 1, a common one (labor, new, good) with -1, found from the trigger.
 *
 * Moving holidays are computed from the year: Easter (Gregorian and
 * Julian computus), the n-th weekday of a month, the Hebrew calendar,
 * the Islamic calendar of Umm al-Qura (from the new moon), the new moon of
 * Chinese New Year.  The
 * Jewish holidays begin at sundown on their eve, and are dated from the
 * eve as in the calendars printed for the diaspora: Yom Kippur 2018 is
 * 2018-09-18 (10 Tishrei 5779 is September 19).
 */
#include <stddef.h>

#include "dates.h"
#include "holidays.h"

#define FIX(m, d) H_FIXED, m, d, 0
#define NTH(m, n, wd) H_NTH, m, n, wd
#define EASTER H_EASTER, 0, 0, 0
#define ORTHODOX H_ORTHODOX, 0, 0, 0
#define HEB(m, d) H_HEBREW, m, d, 0
#define ISL(m, d) H_ISLAMIC, m, d, 0

/* name, rule, offset in days, length in days (0: one day), flags */
const struct holiday holidays[] = {
    {"christmas ?day", FIX(12, 25), 0, 0, 0},
    {"xmas ?day", FIX(12, 25), 0, 0, 0},
    {"new year$ ?day", FIX(1, 1), 0, 0, HF_MARK},
    {"halloween", FIX(10, 31), 0, 0, 0},
    {"valentine$ ?day", FIX(2, 14), 0, 0, 0},
    {"saint valentine$ ?day", FIX(2, 14), 0, 0, 0},
    {"st valentine$ ?day", FIX(2, 14), 0, 0, 0},
    {"independence day", FIX(7, 4), 0, 0, 0},
    {"juneteenth", FIX(6, 19), 0, 0, 0},
    {"veteran$ day", FIX(11, 11), 0, 0, 0},
    {"armistice day", FIX(11, 11), 0, 0, 0},
    {"remembrance day", FIX(11, 11), 0, 0, 0},
    {"boxing day", FIX(12, 26), 0, 0, 0},
    {"epiphany", FIX(1, 6), 0, 0, HF_CAP},
    {"saint patrick$ ?day", FIX(3, 17), 0, 0, 0},
    {"st patrick$ ?day", FIX(3, 17), 0, 0, 0},
    {"st paddy$ ?day", FIX(3, 17), 0, 0, 0},
    {"saint paddy$ ?day", FIX(3, 17), 0, 0, 0},
    {"patrick$ day", FIX(3, 17), 0, 0, 0},
    {"earth day", FIX(4, 22), 0, 0, 0},
    {"groundhog$ day", FIX(2, 2), 0, 0, 0},
    {"law day", FIX(5, 1), 0, 0, 0},
    {"lei day", FIX(5, 1), 0, 0, 0},
    {"loyalty day", FIX(5, 1), 0, 0, 0},
    {"guy fawkes ?day", FIX(11, 5), 0, 0, 0},
    {"world vegan day", FIX(11, 1), 0, 0, 0},
    {"sibling$ day", FIX(4, 10), 0, 0, 0},
    {"national sibling$ day", FIX(4, 10), 0, 0, 0},
    {"cinco de mayo", FIX(5, 5), 0, 0, 0},
    {"bastille day", FIX(7, 14), 0, 0, 0},
    {"canada day", FIX(7, 1), 0, 0, 0},
    {"australia day", FIX(1, 26), 0, 0, 0},
    {"anzac day", FIX(4, 25), 0, 0, 0},
    {"all saint$ day", FIX(11, 1), 0, 0, 0},
    {"all soul$ day", FIX(11, 2), 0, 0, 0},
    {"kwanzaa", FIX(12, 26), 0, 7, 0},
    {"hogmanay", FIX(12, 31), 0, 0, 0},
    {"flag day", FIX(6, 14), 0, 0, 0},
    {"human rights day", FIX(12, 10), 0, 0, 0},
    {"international women$ day", FIX(3, 8), 0, 0, 0},
    {"boss$ ?day", H_OBSERVED, 10, 16, 0, 0, 0, 0},
    {"bosses ?day", H_OBSERVED, 10, 16, 0, 0, 0, 0},
    {"emancipation day", H_OBSERVED, 4, 16, 0, 0, 0, 0},
    {"tax day", H_TAXDAY, 0, 0, 0, 0, 0, 0},

    {"thanksgiving ?day", NTH(11, 4, 4), 0, 0, 0},
    {"black friday", NTH(11, 4, 4), 1, 0, 0},
    {"small business saturday", NTH(11, 4, 4), 2, 0, 0},
    {"cyber monday", NTH(11, 4, 4), 4, 0, 0},
    {"giving tuesday", NTH(11, 4, 4), 5, 0, 0},
    {"labor day", NTH(9, 1, 1), 0, 0, 0},
    {"labour day", NTH(9, 1, 1), 0, 0, 0},
    {"memorial day", NTH(5, -1, 1), 0, 0, 0},
    {"decoration day", NTH(5, -1, 1), 0, 0, 0},
    {"columbus day", NTH(10, 2, 1), 0, 0, 0},
    {"indigenous people$ day", NTH(10, 2, 1), 0, 0, 0},
    {"martin luther king$ ?jr ?day", NTH(1, 3, 1), 0, 0, 0},
    {"mlk ?jr ?day", NTH(1, 3, 1), 0, 0, 0},
    {"civil rights day", NTH(1, 3, 1), 0, 0, 0},
    {"president$ day", NTH(2, 3, 1), 0, 0, 0},
    {"george washington day", NTH(2, 3, 1), 0, 0, 0},
    {"daisy gatson bates day", NTH(2, 3, 1), 0, 0, 0},
    {"patriot$ day", NTH(4, 3, 1), 0, 0, 0},
    {"mother$ day", H_MOTHERS, 0, 0, 0, 0, 0, 0},
    {"father$ day", NTH(6, 3, 7), 0, 0, 0},
    {"grandparent$ day", NTH(9, 1, 1), 6, 0, 0},
    {"national grandparent$ day", NTH(9, 1, 1), 6, 0, 0},
    /* the Wednesday of the last full week of April */
    {"administrative professional$ day", NTH(4, -1, 6), -3, 0, 0},
    {"admin$ day", NTH(4, -1, 6), -3, 0, 0},
    {"secretaries ?day", NTH(4, -1, 6), -3, 0, 0},
    {"secretary$ day", NTH(4, -1, 6), -3, 0, 0},
    /* the Friday before Mother's Day */
    {"military spouse$ day", NTH(5, 2, 7), -2, 0, 0},
    {"election day", NTH(11, 1, 1), 1, 0, 0},
    {"daylight saving$ start ?day", NTH(3, 2, 7), 0, 0, 0},
    {"daylight saving$ end ?day", NTH(11, 1, 7), 0, 0, 0},

    {"easter ?sunday", EASTER, 0, 0, 0},
    {"easter monday", EASTER, 1, 0, 0},
    {"easter saturday", EASTER, -1, 0, 0},
    {"holy saturday", EASTER, -1, 0, 0},
    {"good friday", EASTER, -2, 0, 0},
    {"holy thursday", EASTER, -3, 0, 0},
    {"maundy thursday", EASTER, -3, 0, 0},
    {"covenant thursday", EASTER, -3, 0, 0},
    {"palm sunday", EASTER, -7, 0, 0},
    {"branch sunday", EASTER, -7, 0, 0},
    {"ash wednesday", EASTER, -46, 0, 0},
    {"shrove tuesday", EASTER, -47, 0, 0},
    {"mardi gras", EASTER, -47, 0, 0},
    {"pancake day", EASTER, -47, 0, 0},
    {"fat tuesday", EASTER, -47, 0, 0},
    {"lent", EASTER, -46, 46, HF_CAP},
    {"ascension day", EASTER, 39, 0, 0},
    {"ascension thursday", EASTER, 39, 0, 0},
    {"pentecost", EASTER, 49, 0, 0},
    {"whitsunday", EASTER, 49, 0, 0},
    {"whitsun", EASTER, 49, 0, 0},
    {"whit sunday", EASTER, 49, 0, 0},
    {"white sunday", EASTER, 49, 0, 0},
    {"whit monday", EASTER, 50, 0, 0},
    {"trinity sunday", EASTER, 56, 0, 0},
    {"corpus christi", EASTER, 60, 0, HF_CAP},
    {"mothering sunday", EASTER, -21, 0, 0},
    {"orthodox easter ?sunday", ORTHODOX, 0, 0, 0},
    {"orthodox good friday", ORTHODOX, -2, 0, 0},
    {"orthodox great friday", ORTHODOX, -2, 0, 0},
    {"orthodox holy saturday", ORTHODOX, -1, 0, 0},
    {"lazarus saturday", ORTHODOX, -8, 0, 0},
    {"clean monday", ORTHODOX, -48, 0, 0},
    {"orthodox shrove monday", ORTHODOX, -48, 0, 0},
    {"great lent", ORTHODOX, -48, 40, 0},
    {"great fast", ORTHODOX, -48, 40, 0},

    {"chinese new year$ ?day", H_CHINESE, 0, 0, 0, 0, 0, 0},
    {"chinese lunar new year$ ?day", H_CHINESE, 0, 0, 0, 0, 0, 0},
    {"lunar new year$ ?day", H_CHINESE, 0, 0, 0, 0, 0, 0},

    /* from the eve: see the top */
    {"rosh hashanah", HEB(7, 1), -1, 3, 0},
    {"rosh hashana", HEB(7, 1), -1, 3, 0},
    {"rosh hashanna", HEB(7, 1), -1, 3, 0},
    {"rosh hoshanah", HEB(7, 1), -1, 3, 0},
    {"yom kippur", HEB(7, 10), -1, 0, 0},
    {"sukkot", HEB(7, 15), -1, 9, 0},
    {"succot", HEB(7, 15), -1, 9, 0},
    {"succos", HEB(7, 15), -1, 9, 0},
    {"sukkos", HEB(7, 15), -1, 9, 0},
    {"feast of tabernacles", HEB(7, 15), -1, 9, 0},
    {"feast of booths", HEB(7, 15), -1, 9, 0},
    {"feast of the ingathering", HEB(7, 15), -1, 9, 0},
    {"shemini atzeret", HEB(7, 22), -1, 0, 0},
    {"simchat torah", HEB(7, 23), -1, 0, 0},
    {"simchas torah", HEB(7, 23), -1, 0, 0},
    {"hanukkah", HEB(9, 25), -1, 8, 0},
    {"hanukah", HEB(9, 25), -1, 8, 0},
    {"hannukah", HEB(9, 25), -1, 8, 0},
    {"hannukkah", HEB(9, 25), -1, 8, 0},
    {"chanukah", HEB(9, 25), -1, 8, 0},
    {"chanukkah", HEB(9, 25), -1, 8, 0},
    {"tu bishvat", HEB(11, 15), -1, 0, 0},
    {"tu b shvat", HEB(11, 15), -1, 0, 0},
    {"purim", HEB(12, 14), -1, 0, 0},
    {"shushan purim", HEB(12, 15), -1, 0, 0},
    {"passover", HEB(1, 15), -1, 9, 0},
    {"pesach", HEB(1, 15), -1, 9, 0},
    {"yom hashoah", HEB(1, 27), -1, 0, 0},
    {"holocaust day", HEB(1, 27), -1, 0, 0},
    {"yom haatzmaut", HEB(2, 5), -1, 0, HF_MOVED},
    {"lag b omer", HEB(2, 18), -1, 0, 0},
    {"lag baomer", HEB(2, 18), -1, 0, 0},
    {"shavuot", HEB(3, 6), -1, 3, 0},
    {"shavuos", HEB(3, 6), -1, 3, 0},
    {"tisha b av", HEB(5, 9), -1, 0, HF_MOVED},
    {"tisha beav", HEB(5, 9), -1, 0, HF_MOVED},

    {"ramadan", ISL(9, 1), 0, -1, 0},
    {"eid ?al fitr", ISL(10, 1), 0, 0, 0},
    {"eid ul fitr", ISL(10, 1), 0, 0, 0},
    {"id ul fitr", ISL(10, 1), 0, 0, 0},
    {"eid ?al adha", ISL(12, 10), 0, 0, 0},
    {"eid ul adha", ISL(12, 10), 0, 0, 0},
    {"id ul adha", ISL(12, 10), 0, 0, 0},
    {"bakr id", ISL(12, 10), 0, 0, 0},
    {"bakrid", ISL(12, 10), 0, 0, 0},
    {"islamic new year", ISL(1, 1), 0, 0, 0},
    {"hijri new year", ISL(1, 1), 0, 0, 0},
    {"amun jadid", ISL(1, 1), 0, 0, 0},
    {"ashura", ISL(1, 10), 0, 0, 0},
    {"mawlid ?al ?nabawi", ISL(3, 12), 0, 0, 0},
    {"mawlid an nabi", ISL(3, 12), 0, 0, 0},
    {"laylat al qadr", ISL(9, 27), 0, 0, 0},
    {"laylat al kadr", ISL(9, 27), 0, 0, 0},
    {"isra and mi raj", ISL(7, 27), 0, 0, 0},
    {NULL, 0, 0, 0, 0, 0, 0, 0}};

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
			*next_month = m < 12 ? islamic_month_start(iy, m + 1) :
			    islamic_month_start(iy + 1, 1);
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
	int wd;

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
	default:
		return 0;
	}
	d += h->off;
	*from = d;
	if (h->len < 0 && h->kind == H_ISLAMIC)
		*to = next - 1; /* the whole month: Ramadan */
	else
		*to = h->len > 1 ? d + h->len - 1 : d;
	return 1;
}
