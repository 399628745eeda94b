/* Unit tests of lib/htmlent: named and numeric references, HTML5 rules. */
#include <string.h>

#include "htmlent.h"
#include "unit.h"

/*
 * 1 when s (a C string starting with '&') matches as a reference taking
 * len bytes and decoding to the UTF-8 want; len 0 means "no reference".
 */
static int
check(const char *s, int in_attribute, size_t len, const char *want)
{
	struct htmlent_ref r;
	int m = htmlent_match(s, strlen(s), in_attribute, &r);

	if (len == 0)
		return m == 0;
	return m == 1 && r.len == len && r.utf8_len == strlen(want) &&
	    memcmp(r.utf8, want, r.utf8_len) == 0;
}

int
main(void)
{
	struct htmlent_ref r;
	size_t i, n = htmlent_count();
	int sorted = 1;

	test_cond("htmlent: 2231 names", n == 2231);
	for (i = 1; i < n; i++)
		if (strcmp(htmlent_name(i - 1), htmlent_name(i)) >= 0)
			sorted = 0;
	test_cond("htmlent: table in byte order", sorted);
	test_cond("htmlent: out of range name", htmlent_name(n) == NULL);

	test_cond("named: &amp;", check("&amp;", 0, 5, "&"));
	test_cond("named: &rsquo; ends with ';'",
	    htmlent_match("&rsquo;s", 8, 0, &r) == 1 && r.len == 7 &&
		r.semicolon == 1 && r.numeric == 0 && r.cp[0] == 0x2019 &&
		r.ncp == 1);
	test_cond("named: &nbsp; is U+00A0", check("&nbsp;", 0, 6, "\xc2\xa0"));
	test_cond("named: case matters",
	    check("&Eacute;", 0, 8, "\xc3\x89") && check("&EACUTE;", 0, 0, ""));
	test_cond("named: two code points",
	    htmlent_match("&NotEqualTilde;", 15, 0, &r) == 1 && r.ncp == 2 &&
		r.cp[0] == 0x2242 && r.cp[1] == 0x338 && r.utf8_len == 5);
	test_cond(
	    "named: longest name wins", check("&notin;", 0, 7, "\xe2\x88\x89"));
	test_cond("named: legacy prefix of an unknown name",
	    check("&notit;", 0, 4, "\xc2\xac"));
	test_cond("named: legacy without ';' in text",
	    check("&copy 2026", 0, 5, "\xc2\xa9") && check("&ampx", 0, 4, "&"));
	test_cond("named: legacy followed by '=' in attribute is kept",
	    check("&copy=2", 1, 0, "") && check("&copyx", 1, 0, "") &&
		check("&copy 2", 1, 5, "\xc2\xa9") &&
		check("&copy;=", 1, 6, "\xc2\xa9"));
	test_cond("named: non-legacy name needs ';'",
	    check("&rsquo", 0, 0, "") && check("&hellip ", 0, 0, ""));
	test_cond("named: unknown and bare ampersands",
	    check("&T", 0, 0, "") && check("& ", 0, 0, "") &&
		check("&", 0, 0, "") && check("&nosuchname;", 0, 0, "") &&
		check("&c.", 0, 0, ""));
	test_cond("named: the longest name",
	    check("&CounterClockwiseContourIntegral;", 0, 33, "\xe2\x88\xb3"));
	test_cond("named: a run longer than any name",
	    check("&ampxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;", 0, 4, "&"));
	test_cond("named: a name cut by the end of the input",
	    htmlent_match("&amp;", 4, 0, &r) == 1 && r.len == 4 &&
		htmlent_match("&rsquo;", 6, 0, &r) == 0);

	test_cond("numeric: decimal", check("&#8217;", 0, 7, "\xe2\x80\x99"));
	test_cond("numeric: hex, either case",
	    check("&#x2019;", 0, 8, "\xe2\x80\x99") &&
		check("&#X201c;", 0, 8, "\xe2\x80\x9c"));
	test_cond("numeric: ';' is optional",
	    htmlent_match("&#39s", 5, 0, &r) == 1 && r.len == 4 &&
		r.semicolon == 0 && r.numeric == 1 && r.cp[0] == '\'');
	test_cond("numeric: no digits is no reference",
	    check("&#;", 0, 0, "") && check("&#x;", 0, 0, "") &&
		check("&#xg;", 0, 0, "") && check("&#", 0, 0, ""));
	test_cond("numeric: 128-159 as Windows-1252",
	    check("&#146;", 0, 6, "\xe2\x80\x99") &&
		check("&#151;", 0, 6, "\xe2\x80\x94") &&
		check("&#x80;", 0, 6, "\xe2\x82\xac"));
	test_cond("numeric: Windows-1252 holes stay C1",
	    check("&#129;", 0, 6, "\xc2\x81") &&
		check("&#x9d;", 0, 6, "\xc2\x9d"));
	test_cond("numeric: zero, surrogate, too big are U+FFFD",
	    check("&#0;", 0, 4, "\xef\xbf\xbd") &&
		check("&#xD800;", 0, 8, "\xef\xbf\xbd") &&
		check("&#x110000;", 0, 10, "\xef\xbf\xbd") &&
		check("&#99999999999999999999;", 0, 23, "\xef\xbf\xbd"));
	test_cond("numeric: the last code point",
	    check("&#x10FFFF;", 0, 10, "\xf4\x8f\xbf\xbf"));
	test_cond("numeric: leading zeros",
	    check("&#000000000000000000065;", 0, 24, "A"));

	test_cond("lookup: exact name only",
	    htmlent_lookup("eacute;", 7, &r) == 1 && r.cp[0] == 0xE9 &&
		r.len == 8 && r.semicolon == 1 &&
		htmlent_lookup("eacute", 6, &r) == 1 && r.semicolon == 0 &&
		htmlent_lookup("rsquo", 5, &r) == 0 &&
		htmlent_lookup("", 0, &r) == 0);
	return test_report();
}
