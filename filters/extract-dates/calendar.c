/*
 * calendar.c - day arithmetic on the proleptic Gregorian calendar, and
 * the TIMEX3 spelling of a value.
 *
 * Days are counted from 1970-01-01 (day 0), with the civil-date
 * conversions of Howard Hinnant's "chrono-compatible low-level date
 * algorithms": exact for every year a text can name.
 */
#include <math.h>
#include <string.h>

#include "dates.h"

long
days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
weekday_of(long days)
{
	/* 1970-01-01 was a Thursday (4) */
	long w = (days % 7 + 7 + 3) % 7;

	return (int)w + 1;
}

int
month_days(int y, int m)
{
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31};

	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return m >= 1 && m <= 12 ? n[m - 1] : 30;
}

int
iso_week(long days, int *wy)
{
	long thu = days - weekday_of(days) + 4; /* the Thursday of its week */
	int y, m, d;

	civil_from_days(thu, &y, &m, &d);
	*wy = y;
	return (int)((thu - days_from_civil(y, 1, 1)) / 7 + 1);
}

/* Easter Sunday: the anonymous Gregorian algorithm (Meeus). */
long
easter_days(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;

	return days_from_civil(y, month, day);
}

long
nth_weekday(int y, int m, int wd, int n)
{
	long first, last;

	if (n < 0) {
		last = days_from_civil(y, m, month_days(y, m));
		return last - (weekday_of(last) - wd + 7) % 7;
	}
	first = days_from_civil(y, m, 1);
	return first + (wd - weekday_of(first) + 7) % 7 + 7L * (n - 1);
}

/*
 * Orthodox Easter: the Julian computus (Meeus), moved onto the Gregorian
 * calendar (13 days in 1900-2099).  2018: April 8.
 */
long
orthodox_easter_days(int y)
{
	int a = y % 4, b = y % 7, c = y % 19;
	int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
	int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;

	return days_from_civil(y, month, day) + (y / 100 - y / 400 - 2);
}

/*
 * The Hebrew calendar, after Reingold and Dershowitz, "Calendrical
 * Calculations": months are counted from Nisan (1) to Adar (12), Adar II
 * (13) in a leap year; the year begins at Tishrei (7).  Days are counted
 * from 1970-01-01 like the rest (R.D. 719163).
 */
#define RD1970 719163L
#define HEBREW_EPOCH (-1373427L) /* R.D. of 1 Tishrei AM 1 */

static int
hebrew_leap(long y)
{
	return ((7 * y + 1) % 19 + 19) % 19 < 7;
}

static long
hebrew_elapsed(long y)
{
	long months = (235 * y - 234) / 19;
	long parts = 12084 + 13753 * months;
	long day = 29 * months + parts / 25920;

	return (3 * (day + 1)) % 7 < 3 ? day + 1 : day;
}

static long
hebrew_new_year(long y)
{
	long ny0 = hebrew_elapsed(y - 1), ny1 = hebrew_elapsed(y);
	long ny2 = hebrew_elapsed(y + 1), corr = 0;

	if (ny2 - ny1 == 356)
		corr = 2;
	else if (ny1 - ny0 == 382)
		corr = 1;
	return HEBREW_EPOCH + ny1 + corr;
}

static int
hebrew_month_days(long y, int m)
{
	long len = hebrew_new_year(y + 1) - hebrew_new_year(y);

	if (m == 2 || m == 4 || m == 6 || m == 10 || m == 13)
		return 29;
	if (m == 12 && !hebrew_leap(y))
		return 29;
	if (m == 8 && len != 355 && len != 385)
		return 29; /* Heshvan is long only in a complete year */
	if (m == 9 && (len == 353 || len == 383))
		return 29; /* Kislev is short in a deficient year */
	return 30;
}

long
hebrew_days(long y, int m, int d)
{
	long r = hebrew_new_year(y) + d - 1;
	int last = hebrew_leap(y) ? 13 : 12, k;

	if (m < 7) {
		for (k = 7; k <= last; k++)
			r += hebrew_month_days(y, k);
		for (k = 1; k < m; k++)
			r += hebrew_month_days(y, k);
	} else {
		for (k = 7; k < m; k++)
			r += hebrew_month_days(y, k);
	}
	return r - RD1970;
}

int
hebrew_is_leap(long y)
{
	return hebrew_leap(y);
}

/*
 * The arithmetical (tabular) Islamic calendar, civil epoch 16 July 622
 * (Julian).  The months actually begin with the sighted crescent, which
 * may come a day later or earlier: this is the printed calendar's day.
 */
long
islamic_days(long y, int m, int d)
{
	long rd = d + 29L * (m - 1) + (6L * m - 1) / 11 + (y - 1) * 354 +
	    (3 + 11 * y) / 30 + 227015L - 1;

	return rd - RD1970;
}

/*
 * The day (UTC+8, the Chinese calendar's meridian) of the k-th new moon
 * after January 2000 (Meeus, "Astronomical Algorithms", ch. 49; within a
 * few minutes, enough for the day).
 */
static double new_moon_jd(long k);

static long
new_moon_day(long k, double tz_hours)
{
	double jd = new_moon_jd(k) + tz_hours / 24;

	return (long)floor(jd + 0.5) - 2440588L; /* JD 2440587.5: 1970-01-01 */
}

/* The Julian day (UT) of the k-th new moon after January 2000. */
static double
new_moon_jd(long k)
{
	double t = k / 1236.85, pi = 3.14159265358979;
	double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t * t;
	double e = 1 - 0.002516 * t - 0.0000074 * t * t;
	double m = (2.5534 + 29.10535670 * k) * pi / 180;
	double mp = (201.5643 + 385.81693528 * k + 0.0107582 * t * t) * pi / 180;
	double f = (160.7108 + 390.67050284 * k - 0.0016118 * t * t) * pi / 180;
	double om = (124.7746 - 1.56375588 * k + 0.0020672 * t * t) * pi / 180;
	double jd;

	jde += -0.40720 * sin(mp) + 0.17241 * e * sin(m) +
	    0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f) +
	    0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) +
	    0.00208 * e * e * sin(2 * m) - 0.00111 * sin(mp - 2 * f) -
	    0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m) -
	    0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) +
	    0.00038 * e * sin(m - 2 * f) - 0.00024 * e * sin(2 * mp - m) -
	    0.00017 * sin(om);
	jd = jde - 70.0 / 86400; /* TT to UT */
	return jd;
}

/*
 * The first day of Islamic month m of year y as the Umm al-Qura calendar
 * of Saudi Arabia fixes it (the dates news reports): the day after the
 * new moon when the moon is born before sunset in Mecca (about 18:00,
 * UTC+3), else the day after that.  The tabular date finds the new moon.
 */
long
islamic_month_start(long y, int m)
{
	long tab = islamic_days(y, m, 1);
	double jd = (double)tab + 2440587.5, conj, local;
	long k = (long)floor((jd - 2451550.09766) / 29.530588861 + 0.5), day;
	int n;

	/* the new moon just before the tabular first day */
	for (n = 0; n < 3 && new_moon_jd(k) > jd; n++)
		k--;
	for (n = 0; n < 3 && new_moon_jd(k + 1) <= jd; n++)
		k++;
	conj = new_moon_jd(k);
	local = conj + 3.0 / 24; /* Mecca */
	day = (long)floor(local + 0.5) - 2440588L;
	return local + 0.5 - floor(local + 0.5) < 18.0 / 24 ? day + 1 : day + 2;
}

/*
 * Chinese (lunar) New Year of year y: the new moon that falls on or after
 * January 21 in Beijing, the second after the winter solstice in all but
 * rare years.  2013: February 10; 2014: January 31.
 */
long
chinese_new_year_days(int y)
{
	long from = days_from_civil(y, 1, 21);
	long k = (long)floor((y - 2000) * 12.3685) - 1, d;
	int n;

	for (n = 0; n < 4; n++, k++)
		if ((d = new_moon_day(k, 8)) >= from)
			return d;
	return from;
}

static const char *const seasons[] = {"", "SP", "SU", "FA", "WI"};
static const char *const pods[] = {"", "MO", "AF", "EV", "NI", "", "", "DT"};

/* v as at least width digits (v >= 0); returns the length.  By hand:
 * snprintf cost more than the whole parse of a line. */
static size_t
put_num(char *b, long v, int width)
{
	char tmp[24];
	size_t n = 0, i;

	/* months, days, hours: two digits, the commonest call */
	if (width == 2 && v >= 0 && v < 100) {
		b[0] = (char)('0' + v / 10);
		b[1] = (char)('0' + v % 10);
		return 2;
	}
	if (v < 0) {
		b[0] = '-';
		return 1 + put_num(b + 1, -v, width);
	}
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < sizeof(tmp));
	while ((int)n < width)
		tmp[n++] = '0';
	for (i = 0; i < n; i++)
		b[i] = tmp[n - 1 - i];
	return n;
}

static size_t
put_str(char *b, const char *s)
{
	size_t n = strlen(s);

	memcpy(b, s, n);
	return n;
}

/* YYYY-MM-DD */
static size_t
put_day(char *b, const struct tv *v)
{
	size_t n = put_num(b, v->y, 4);

	b[n++] = '-';
	n += put_num(b + n, v->m, 2);
	b[n++] = '-';
	return n + put_num(b + n, v->d, 2);
}

size_t
tv_format(const struct tv *v, char *buf)
{
	int wy, w;
	size_t n = 0;
	long days;

	if (v->fiscal && (v->grain == G_YEAR || v->grain == G_HALF ||
			     v->grain == G_QUARTER))
		n = put_str(buf, "FY");
	switch (v->grain) {
	case G_CENTURY:
		n = put_num(buf, v->y / 100, 2);
		break;
	case G_DECADE:
		n = put_num(buf, v->y / 10, 3);
		break;
	case G_YEAR:
		n += put_num(buf + n, v->y, 4);
		break;
	case G_HALF:
	case G_QUARTER:
		n += put_num(buf + n, v->y, 4);
		n += put_str(buf + n, v->grain == G_HALF ? "-H" : "-Q");
		n += put_num(buf + n, v->q, 1);
		break;
	case G_SEASON:
		n = put_num(buf, v->y, 4);
		buf[n++] = '-';
		n += put_str(buf + n, seasons[v->q >= 1 && v->q <= 4 ? v->q : 4]);
		break;
	case G_MONTH:
		n = put_num(buf, v->y, 4);
		buf[n++] = '-';
		n += put_num(buf + n, v->m, 2);
		break;
	case G_WEEK:
	case G_WEEKEND:
		days = days_from_civil(v->y, v->m, v->d);
		w = iso_week(days, &wy);
		n = put_num(buf, wy, 4);
		n += put_str(buf + n, "-W");
		n += put_num(buf + n, w, 2);
		if (v->grain == G_WEEKEND)
			n += put_str(buf + n, "-WE");
		break;
	case G_DAY:
		n = put_day(buf, v);
		break;
	case G_POD:
		n = put_day(buf, v);
		buf[n++] = 'T';
		n += put_str(buf + n, pods[v->q >= 1 && v->q <= 7 ? v->q : 1]);
		break;
	case G_HOUR:
	case G_MINUTE:
	case G_SECOND:
		n = put_day(buf, v);
		buf[n++] = 'T';
		n += put_num(buf + n, v->hh, 2);
		buf[n++] = ':';
		n += put_num(buf + n, v->mm, 2);
		if (v->grain == G_SECOND) {
			buf[n++] = ':';
			n += put_num(buf + n, v->ss, 2);
		}
		break;
	default:
		n = 0;
		break;
	}
	buf[n] = '\0';
	return n;
}
