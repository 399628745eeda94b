/*
 * holidays.h - the holiday names of extract-dates and their days
 * (holiday-table.def says how a name is written and matched).
 */
#ifndef HOLIDAYS_H
#define HOLIDAYS_H

enum hkind {
	H_FIXED = 1, /* a: month, b: day */
	H_NTH,       /* the b-th (-1: last) weekday c of month a */
	H_EASTER,    /* Easter Sunday */
	H_ORTHODOX,  /* Orthodox Easter Sunday */
	H_MOTHERS,   /* Mother's Day: US, or Mothering Sunday (en-GB) */
	H_CHINESE,   /* Chinese New Year */
	H_OBSERVED,  /* a/b, moved off the weekend to Friday or Monday */
	H_TAXDAY,    /* US tax day */
	H_HEBREW,    /* Hebrew month a (Nisan 1), day b */
	H_ISLAMIC,   /* Islamic month a, day b (Umm al-Qura) */
	H_ISLASTWD,  /* the last weekday c of Islamic month a */
	H_DIWALI,    /* Diwali, from the new moon of Kartika */
	H_NOSUNDAY,  /* a/b, on a Sunday the Saturday before */
	H_SUPERTUE,  /* Super Tuesday of a presidential election year */
	H_YEAR365,   /* a/b of year `year` in a year of 365 days */
	H_LUNAR,     /* Hindu month a, tithi b, current at hour c */
	H_SOLAR,     /* the sun into sidereal sign a (0 Aries), by hour c */
	H_NAKSHATRA  /* the moon in mansion b at hour c, the sun in sign a */
};

#define HF_MARK                                                                \
	0x01        /* only with a capital, a possessive or "day":             \
		       New Year, new year's; not "a new year" */
#define HF_CAP 0x02 /* only with a capital: Lent, not "lent money" */
#define HF_MOVED                                                               \
	0x04 /* moved off the Sabbath (Tisha B'Av, Yom                         \
		Ha'atzmaut) */

struct holiday {
	const char *name;
	unsigned char kind;
	signed char a, b, c;
	short off; /* days added to the rule's day */
	short len; /* days of the holiday (0, 1: one; -1: to the end of
		      its month) */
	unsigned char flags;
	short year; /* H_YEAR365: its year; else, when not 0, the only year
		       the holiday has a day in (Tsunami Tuesday, 2008) */
};

extern const struct holiday holidays[];
/* holidays[holiday_first[L]] is the first whose name begins with letter
 * L (0: a) or a later one; holiday_first[26]: their count. */
extern const unsigned short holiday_first[27];

/*
 * The first day and the last of holiday h in year y (gb: --locale en-GB).
 * Returns 0 when it has no day that year.
 */
int holiday_days(const struct holiday *h, int y, int gb, long *from, long *to);

#endif
