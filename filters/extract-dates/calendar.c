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
	static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return m >= 1 && m <= 12 ? n[m - 1] : 30;
}

void
months_later(int *y, int *m, int *d, long n)
{
	long t = 12L * *y + (*m - 1) + n;

	*y = (int)(t >= 0 ? t / 12 : -((11 - t) / 12));
	*m = (int)(t - 12L * *y) + 1;
	if (*d > month_days(*y, *m))
		*d = month_days(*y, *m);
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
	double mp =
	    (201.5643 + 385.81693528 * k + 0.0107582 * t * t) * pi / 180;
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
 * UTC+3), else the day after that.  From 1393 to 1419 AH (1973 to 1999)
 * the calendar began a month on the day after the new moon's date at
 * Greenwich instead: Eid al-Fitr 1988 (1 Shawwal 1408) was May 16, the
 * moon being new at 22:10 UT on May 15 (01:10 on May 16 in Mecca).  The
 * tabular date finds the new moon.
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
	if (y >= 1393 && y <= 1419)
		return (long)floor(conj + 0.5) - 2440588L + 1;
	local = conj + 3.0 / 24; /* Mecca */
	day = (long)floor(local + 0.5) - 2440588L;
	return local + 0.5 - floor(local + 0.5) < 18.0 / 24 ? day + 1 : day + 2;
}

/*
 * Diwali (Lakshmi Puja) of year y: the new moon of the Hindu month of
 * Kartika, the one born while the sun is in sidereal Libra (from about
 * noon of October 17 to noon of November 16 in India, UTC+5:30).  The festival
 * is kept on the evening when the dark-moon day (the day before the new moon)
 * still runs: the new moon's own day when the moon is new well after sunset
 * (19:30), else the day before. 2019: October 27; 2022: October 24; 2024:
 * October 31.
 */
long
diwali_days(int y)
{
	double from = days_from_civil(y, 10, 17) + 0.5;
	double to = days_from_civil(y, 11, 16) + 0.5;
	long k = (long)floor((y - 2000) * 12.3685) + 6, d;
	double jd, local;
	int n;

	for (n = 0; n < 8; n++, k++) {
		jd = new_moon_jd(k);
		local = jd + 5.5 / 24 + 0.5; /* days from midnight, IST */
		d = (long)floor(local) - 2440588L;
		if (local - 2440588.0 < from)
			continue;
		if (local - 2440588.0 > to)
			break;
		return local - floor(local) >= 19.5 / 24 ? d : d - 1;
	}
	return 0;
}

/*
 * The Hindu festivals: their day from the moon and the sun (Meeus,
 * "Astronomical Algorithms", ch. 25 and 47, the largest terms: the
 * moon's longitude within about 0.05 degrees, a few minutes of a tithi).
 */
#define RAD (3.14159265358979 / 180)
#define IST (5.5 / 24) /* India, UTC+5:30 */

/* The sun's ecliptic longitude (degrees, tropical) at Julian day jd. */
static double
sun_longitude(double jd)
{
	double t = (jd - 2451545.0) / 36525;
	double m = (357.52911 + 35999.05029 * t) * RAD;
	double l = 280.46646 + 36000.76983 * t +
	    (1.914602 - 0.004817 * t) * sin(m) + 0.019993 * sin(2 * m) +
	    0.000289 * sin(3 * m);

	return fmod(fmod(l, 360) + 360, 360);
}

/* The moon's ecliptic longitude (degrees) at Julian day jd. */
static double
moon_longitude(double jd)
{
	double t = (jd - 2451545.0) / 36525;
	double d = (297.8501921 + 445267.1114034 * t) * RAD;
	double m = (357.5291092 + 35999.0502909 * t) * RAD;
	double mp = (134.9633964 + 477198.8675055 * t) * RAD;
	double f = (93.2720950 + 483202.0175233 * t) * RAD;
	double l = 218.3164477 + 481267.88123421 * t + 6.288774 * sin(mp) +
	    1.274027 * sin(2 * d - mp) + 0.658314 * sin(2 * d) +
	    0.213618 * sin(2 * mp) - 0.185116 * sin(m) - 0.114332 * sin(2 * f) +
	    0.058793 * sin(2 * d - 2 * mp) + 0.057066 * sin(2 * d - m - mp) +
	    0.053322 * sin(2 * d + mp) + 0.045758 * sin(2 * d - m) -
	    0.040923 * sin(m - mp) - 0.034720 * sin(d) -
	    0.030383 * sin(m + mp) + 0.015327 * sin(2 * d - 2 * f) -
	    0.012528 * sin(mp + 2 * f) + 0.010980 * sin(mp - 2 * f) +
	    0.010675 * sin(4 * d - mp) + 0.010034 * sin(3 * mp) +
	    0.008548 * sin(4 * d - 2 * mp) - 0.007888 * sin(2 * d + m - mp) -
	    0.006766 * sin(2 * d + m) - 0.005163 * sin(d - mp) +
	    0.004987 * sin(d + m) + 0.004036 * sin(2 * d - m + mp);

	return fmod(fmod(l, 360) + 360, 360);
}

/* The sun's sidereal longitude (Lahiri's ayanamsa: 23.85 degrees in 2000,
 * growing 50.29 seconds a year), as the Indian calendars count it. */
static double
sun_sidereal(double jd)
{
	double l = sun_longitude(jd) - 23.85 -
	    (jd - 2451545.0) / 365.25 * (50.29 / 3600);

	return fmod(l + 360, 360);
}

/* The first moment after jd0 (within a day or two) when the moon is a
 * degrees east of the sun. */
static double
elongation_time(double jd0, double a)
{
	double jd = jd0, e;
	int n;

	for (n = 0; n < 8; n++) {
		e = fmod(moon_longitude(jd) - sun_longitude(jd) - a + 720, 360);
		if (e > 180)
			e -= 360;
		jd -= e / 12.19; /* the moon gains 12.19 degrees a day */
	}
	return jd;
}

/*
 * The day of a Hindu festival of year y: the day on which lunar day
 * (tithi) `tithi` of month `month` is current at `hour` (India time).
 * A tithi is the time the moon takes to gain 12 degrees on the sun: 1-15
 * the bright fortnight from the new moon, 16-30 the dark one (30: the
 * new moon's day).  Months are counted from new moon to new moon and
 * named by the sign the sun is in at the first (1 Chaitra: the sun in
 * sidereal Pisces ... 12 Phalguna: Aquarius); in a year with two new
 * moons in one sign, the second begins the true month.  A festival is
 * kept at sunrise (hour 6), noon, the evening or midnight by custom:
 * Holika Dahan is the evening of the full moon of Phalguna (2019-03-20),
 * Janmashtami the midnight of the 8th of the dark half of Shravana
 * (2019-08-23).  When the tithi holds at that hour on no day (it began
 * and ended between two), the day it holds at sunrise (Karva Chauth
 * 2025: from 22:54 on October 9 to 19:38 on the 10th, before the moon
 * rose, is kept on the 10th), else the day it began.  0 when none.
 */
long
lunar_festival_days(int y, int month, int tithi, int hour)
{
	int sign = (month + 10) % 12, yy, mm, dd;
	long k = (long)floor((y - 2000) * 12.3685) - 2, day;
	double nm, s, e, at;
	int n;

	for (n = 0; n < 16; n++, k++) {
		nm = new_moon_jd(k);
		if ((int)(sun_sidereal(nm) / 30) != sign ||
		    (int)(sun_sidereal(new_moon_jd(k + 1)) / 30) == sign)
			continue;
		s = tithi == 1
		    ? nm
		    : elongation_time(
			  nm + 12.0 * (tithi - 1) / 12.19, 12.0 * (tithi - 1));
		e = tithi == 30
		    ? new_moon_jd(k + 1)
		    : elongation_time(nm + 12.0 * tithi / 12.19, 12.0 * tithi);
		s += IST + 0.5; /* days from midnight, India */
		e += IST + 0.5;
		at = hour / 24.0;
		day = (long)ceil(s - at);
		if (day + at >= e) /* the day it holds at sunrise, else the
				      day it began */
			day = (long)ceil(s - 0.25) + 0.25 < e
			    ? (long)ceil(s - 0.25)
			    : (long)floor(s);
		day -= 2440588L;
		civil_from_days(day, &yy, &mm, &dd);
		if (yy == y)
			return day;
	}
	return 0;
}

/*
 * The day the sun enters sidereal sign `sign` (0 Aries ... 9 Capricorn)
 * in year y, in India; when it enters after `hour`, the next day: Makar
 * Sankranti is kept the next day when the sun enters Capricorn after
 * sunset (2019: at 19:50 on January 14, so January 15), Vaisakhi on the
 * day of the entry into Aries until midnight (2024: 21:15 on April 13).
 */
long
solar_ingress_days(int y, int sign, int hour)
{
	double jd = days_from_civil(y, 1, 1) + 2440587.5 +
	    fmod(sign * 30.0 - 270 + 360, 360) / 360 * 365.2422 + 14;
	double d, local;
	int n;

	for (n = 0; n < 8; n++) {
		d = fmod(sun_sidereal(jd) - sign * 30.0 + 720, 360);
		if (d > 180)
			d -= 360;
		jd -= d / 0.9856;
	}
	local = jd + IST + 0.5;
	return (long)floor(local) - 2440588L +
	    (local - floor(local) >= hour / 24.0);
}

/*
 * The day of solar month `sign` (the sun in that sidereal sign, 0 Aries)
 * of year y on which the moon is in lunar mansion (nakshatra) `nak` (0
 * Ashvini ... 21 Shravana, Thiruvonam ... 26 Revati: 13 1/3 sidereal
 * degrees each) at `hour` in India: Onam is Thiruvonam of the month
 * Chingam (the sun in Leo), 2018-08-25.  A mansion the moon reaches in
 * the month's first four days is left for its return a month later (2024:
 * September 15, not August 19).  0 when none.
 */
long
nakshatra_days(int y, int sign, int nak, int hour)
{
	long from = solar_ingress_days(y, sign, 24), d;
	double jd, l;

	for (d = from + 4; d < from + 35; d++) {
		jd = d + 2440587.5 + hour / 24.0 - IST;
		l = fmod(moon_longitude(jd) - sun_longitude(jd) +
			sun_sidereal(jd) + 720,
		    360);
		if ((int)(l / (40.0 / 3)) == nak)
			return d;
	}
	return 0;
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
	/* years: four digits, the next commonest */
	if (width == 4 && v >= 1000 && v <= 9999) {
		b[0] = (char)('0' + v / 1000);
		b[1] = (char)('0' + v / 100 % 10);
		b[2] = (char)('0' + v / 10 % 10);
		b[3] = (char)('0' + v % 10);
		return 4;
	}
	if (v < 0) {
		b[0] = '-';
		return 1 + put_num(b + 1, -v, width);
	}
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < sizeof(tmp));
	while ((int)n < width && n < sizeof(tmp))
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

	if (v->fiscal &&
	    (v->grain == G_YEAR || v->grain == G_HALF || v->grain == G_QUARTER))
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
		n += put_str(
		    buf + n, seasons[v->q >= 1 && v->q <= 4 ? v->q : 4]);
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
