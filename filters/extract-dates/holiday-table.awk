#!/usr/bin/awk -f
# holiday-table.awk - extract-dates' holiday-table.def to C (the Makefile
# runs it; the binary stays self-contained).
#
# usage: awk -f holiday-table.awk holiday-table.def > holiday-table.h
#
# Each row "NAME: RULE [ARG]... [+N|-N] [days N | month] [cap|mark|moved]"
# becomes one initializer of struct holiday (holidays.h), sorted by name
# (C locale), inside the macro HOLIDAY_ROWS:
#     black friday: nth 11 4 thu +1
#     {"black friday", H_NTH, 11, 4, 4, 1, 0, 0, 0},
# and HOLIDAY_FIRST gives, for each letter a-z and after z, the index of
# the first row whose name begins with it or a later letter, so that the
# parser tries only the names that begin as the word it reads does.
# A row it does not understand stops the build with FILE:LINE: message.
function fail(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	bad = 1
	exit 1
}
function num(s, lo, hi) {
	if (s !~ /^-?[0-9]+$/ || s + 0 < lo || s + 0 > hi)
		fail("'" s "' is not a number from " lo " to " hi)
	return s + 0
}
# The arguments of each rule: how many, and the kind of struct holiday.
BEGIN {
	nargs["fixed"] = 2;	kind["fixed"] = "H_FIXED"
	nargs["nth"] = 3;	kind["nth"] = "H_NTH"
	nargs["observed"] = 2;	kind["observed"] = "H_OBSERVED"
	nargs["easter"] = 0;	kind["easter"] = "H_EASTER"
	nargs["orthodox"] = 0;	kind["orthodox"] = "H_ORTHODOX"
	nargs["mothers"] = 0;	kind["mothers"] = "H_MOTHERS"
	nargs["chinese"] = 0;	kind["chinese"] = "H_CHINESE"
	nargs["taxday"] = 0;	kind["taxday"] = "H_TAXDAY"
	nargs["hebrew"] = 2;	kind["hebrew"] = "H_HEBREW"
	nargs["islamic"] = 2;	kind["islamic"] = "H_ISLAMIC"
	nargs["islamiclast"] = 2;	kind["islamiclast"] = "H_ISLASTWD"
	nargs["diwali"] = 0;	kind["diwali"] = "H_DIWALI"
	nargs["nosunday"] = 2;	kind["nosunday"] = "H_NOSUNDAY"
	nargs["supertuesday"] = 0;	kind["supertuesday"] = "H_SUPERTUE"
	nargs["year365"] = 3;	kind["year365"] = "H_YEAR365"
	nargs["lunar"] = 3;	kind["lunar"] = "H_LUNAR"
	nargs["solar"] = 2;	kind["solar"] = "H_SOLAR"
	nargs["nakshatra"] = 3;	kind["nakshatra"] = "H_NAKSHATRA"
	split("chaitra vaishakha jyeshtha ashadha shravana bhadrapada " \
	    "ashvin kartika margashirsha pausha magha phalguna", w, " ")
	for (i = 1; i <= 12; i++)
		hmonth[w[i]] = i
	split("aries taurus gemini cancer leo virgo libra scorpio " \
	    "sagittarius capricorn aquarius pisces", w, " ")
	for (i = 1; i <= 12; i++)
		sign[w[i]] = i - 1
	hour["sunrise"] = 6
	hour["noon"] = 12
	hour["afternoon"] = 14
	hour["sunset"] = 18
	hour["moonrise"] = 20
	hour["midnight"] = 24
	split("mon tue wed thu fri sat sun", w, " ")
	for (i = 1; i <= 7; i++)
		wday[w[i]] = i
	flag["cap"] = "HF_CAP"
	flag["mark"] = "HF_MARK"
	flag["moved"] = "HF_MOVED"
	nrows = 0
}
{
	sub(/#.*/, "")
	if (NF == 0)
		next
	c = index($0, ":")
	if (c == 0)
		fail("no ':' after the name")
	name = substr($0, 1, c - 1)
	gsub(/^[ \t]+|[ \t]+$/, "", name)
	if (name !~ /^[a-z?][a-z$? ]*$/)
		fail("a name is lower-case words ('?' before, '$' after one)")
	n = split(substr($0, c + 1), f, " ")
	rule = f[1]
	if (!(rule in kind))
		fail("unknown rule '" rule "'")
	if (n < 1 + nargs[rule])
		fail(rule " takes " nargs[rule] " arguments")
	a = b = cc = year = 0
	if (rule == "lunar") {
		if (!(f[2] in hmonth))
			fail("'" f[2] "' is not a Hindu month (chaitra ... phalguna)")
		a = hmonth[f[2]]
		b = num(f[3], 1, 30)
		if (!(f[4] in hour))
			fail("'" f[4] "' is not sunrise, noon, afternoon, sunset, moonrise or midnight")
		cc = hour[f[4]]
	} else if (rule == "nakshatra") {
		if (!(f[2] in sign))
			fail("'" f[2] "' is not a sign (aries ... pisces)")
		a = sign[f[2]]
		b = num(f[3], 0, 26)
		if (!(f[4] in hour))
			fail("'" f[4] "' is not sunrise, noon, afternoon, sunset, moonrise or midnight")
		cc = hour[f[4]]
	} else if (rule == "solar") {
		if (!(f[2] in sign))
			fail("'" f[2] "' is not a sign (aries ... pisces)")
		a = sign[f[2]]
		if (!(f[3] in hour))
			fail("'" f[3] "' is not sunrise, noon, afternoon, sunset, moonrise or midnight")
		cc = hour[f[3]]
	} else if (rule == "islamiclast") {
		a = num(f[2], 1, 12)
		if (!(f[3] in wday))
			fail("'" f[3] "' is not a weekday (mon ... sun)")
		cc = wday[f[3]]
	} else if (rule == "nth") {
		a = num(f[2], 1, 12)
		b = f[3] == "last" ? -1 : num(f[3], 1, 5)
		if (!(f[4] in wday))
			fail("'" f[4] "' is not a weekday (mon ... sun)")
		cc = wday[f[4]]
	} else if (nargs[rule] >= 2) {
		a = num(f[2], 1, 13)
		b = num(f[3], 1, 31)
		if (nargs[rule] == 3)
			year = num(f[4], 1, 9999)
	}
	off = 0
	len = 0
	flags = ""
	for (i = 2 + nargs[rule]; i <= n; i++) {
		if (f[i] ~ /^[-+][0-9]+$/)
			off = f[i] + 0
		else if (f[i] == "days" && i < n)
			len = num(f[++i], 1, 400)
		else if (f[i] == "month")
			len = -1
		else if (f[i] == "only" && i < n)
			year = num(f[++i], 1, 9999)
		else if (f[i] in flag)
			flags = flags (flags == "" ? "" : " | ") flag[f[i]]
		else
			fail("unknown word '" f[i] "' after the rule")
	}
	row[++nrows] = sprintf(" \\\n    {\"%s\", %s, %d, %d, %d, %d, %d, %s, %d},",
	    name, kind[rule], a, b, cc, off, len, flags == "" ? "0" : flags,
	    year)
	key[nrows] = name
}
END {
	if (bad)
		exit 1
	# insertion sort: a few hundred rows
	for (i = 2; i <= nrows; i++)
		for (j = i; j > 1 && key[j - 1] > key[j]; j--) {
			t = key[j]; key[j] = key[j - 1]; key[j - 1] = t
			t = row[j]; row[j] = row[j - 1]; row[j - 1] = t
		}
	first = ""
	letters = "abcdefghijklmnopqrstuvwxyz"
	for (l = 1; l <= 26; l++) {
		for (i = 1; i <= nrows &&
		    index(letters, substr(key[i], 1, 1)) < l; i++)
			;
		first = first (i - 1) ", "
	}
	first = first nrows
	print "/* Generated by holiday-table.awk from holiday-table.def: do not edit. */"
	printf "\n#define HOLIDAY_ROWS"
	for (i = 1; i <= nrows; i++)
		printf "%s", row[i]
	printf "\n\n#define HOLIDAY_FIRST {%s}\n", first
}
