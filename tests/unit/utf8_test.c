/* Unit tests of lib/utf8: decoding of valid and invalid forms, folding. */
#include <string.h>

#include "unit.h"
#include "utf8.h"

static int
decodes_bad(const char *s, size_t len)
{
	uint32_t cp;

	return utf8_decode((const unsigned char *)s, len, &cp) == 1 &&
	    cp == UTF8_BAD;
}

int
main(void)
{
	uint32_t cp, f[3];
	unsigned char enc[4];

	test_cond("utf8: two-byte",
	    utf8_decode((const unsigned char *)"\xc3\xa9", 2, &cp) == 2 &&
		cp == 0xE9);
	test_cond("utf8: four-byte",
	    utf8_decode((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp) ==
		    4 &&
		cp == 0x1F600);
	test_cond("utf8: overlong is bad", decodes_bad("\xc0\xaf", 2));
	test_cond(
	    "utf8: overlong 3-byte is bad", decodes_bad("\xe0\x80\xaf", 3));
	test_cond("utf8: surrogate is bad", decodes_bad("\xed\xa0\x80", 3));
	test_cond(
	    "utf8: past U+10FFFF is bad", decodes_bad("\xf4\x90\x80\x80", 4));
	test_cond("utf8: truncated is bad", decodes_bad("\xe2\x80", 2));
	test_cond("utf8: stray continuation is bad", decodes_bad("\x80", 1));
	test_cond("utf8: 0xFF is bad", decodes_bad("\xff", 1));
	test_cond("utf8: valid()",
	    utf8_valid("a\xc3\xa9", 3) && !utf8_valid("a\xc3", 2));
	test_cond("utf8: encode",
	    utf8_encode(0x20AC, enc) == 3 &&
		memcmp(enc, "\xe2\x82\xac", 3) == 0);
	test_cond("utf8: decode back",
	    utf8_decode_back((const unsigned char *)"a\xe2\x82\xac", 4, &cp) ==
		    3 &&
		cp == 0x20AC);
	test_cond("fold: Latin",
	    uc_tolower('Q') == 'q' && uc_tolower(0xC9) == 0xE9 &&
		uc_tolower(0x141) == 0x142);
	test_cond("fold: Greek",
	    uc_tolower(0x3A3) == 0x3C3 && uc_tolower(0x3C2) == 0x3C3 &&
		uc_tolower(0x386) == 0x3AC);
	test_cond("fold: Cyrillic",
	    uc_tolower(0x416) == 0x436 && uc_tolower(0x401) == 0x451 &&
		uc_tolower(0x490) == 0x491);
	test_cond("fold: sharp s", uc_fold(0xDF, f) == 2 && f[0] == 's');
	test_cond("class: spaces",
	    uc_isspace(0xA0) && uc_isspace(0x202F) && !uc_isspace('x'));
	test_cond("class: punctuation",
	    uc_ispunct(0x201C) && uc_ispunct(',') && !uc_ispunct(0xE9));
	test_cond("plain: typographic",
	    uc_plain(0x2019) == '\'' && uc_plain(0x201C) == '"' &&
		uc_plain(0x2014) == '-' && uc_plain(0xA0) == ' ');
	test_cond("quotes: classes",
	    uc_quote_mark(0x201C) == QM_DOUBLE_OPEN &&
		uc_quote_mark(0xBB) == QM_DOUBLE_CLOSE &&
		uc_quote_mark('\'') == QM_SINGLE_AMBIG);
	return test_report();
}
