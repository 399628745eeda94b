/*
 * utf8.c - UTF-8 decoding, case folding and character classes.
 *
 * The tables are written as ranges and rules rather than generated from
 * the Unicode database: they cover the scripts of the news text winnow is
 * for (Latin, Greek, Cyrillic, Armenian, Georgian, fullwidth forms).
 */
#include "utf8.h"

size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char c = s[0];
	uint32_t v;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		v = c & 0x07;
	} else {
		*cp = UTF8_BAD;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_BAD;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_BAD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	/* Overlongs, surrogates and values past U+10FFFF. */
	if ((n == 3 && (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))) ||
	    (n == 4 && (v < 0x10000 || v > 0x10FFFF))) {
		*cp = UTF8_BAD;
		return 1;
	}
	*cp = v;
	return n;
}

/* clang-format off */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};
/* clang-format on */

uint32_t
cp1252_decode(unsigned char b)
{
	if (b >= 0x80 && b <= 0x9F)
		return cp1252_high[b - 0x80];
	return b;
}

int
cp1252_encode(uint32_t cp)
{
	int i;

	if (cp <= 0xFF)
		return (int)cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (i = 0; i < 32; i++)
		if (cp1252_high[i] == cp)
			return 0x80 + i;
	return -1;
}

size_t
utf8_decode_back(const unsigned char *s, size_t len, uint32_t *cp)
{
	size_t back, n;

	for (back = 1; back <= 4 && back <= len; back++) {
		if ((s[len - back] & 0xC0) != 0x80) {
			n = utf8_decode(s + len - back, back, cp);
			if (n == back && *cp != UTF8_BAD)
				return n;
			break;
		}
	}
	*cp = s[len - 1] < 0x80 ? s[len - 1] : UTF8_BAD;
	return 1;
}

size_t
utf8_encode(unsigned long cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		cp = 0xFFFD;
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		i += utf8_decode(p + i, len - i, &cp);
		if (cp == UTF8_BAD)
			return 0;
	}
	return 1;
}

/* Upper-case ranges where the lower case is at a fixed offset. */
struct fold_range {
	uint32_t lo, hi;
	int32_t delta;
};

static const struct fold_range fold_ranges[] = {
    {0x0041, 0x005A, 32},   /* Latin A-Z */
    {0x00C0, 0x00D6, 32},   /* Latin-1 À-Ö */
    {0x00D8, 0x00DE, 32},   /* Ø-Þ */
    {0x0388, 0x038A, 37},   /* Έ Ή Ί */
    {0x0391, 0x03A1, 32},   /* Greek Α-Ρ */
    {0x03A3, 0x03AB, 32},   /* Σ-Ϋ */
    {0x0400, 0x040F, 80},   /* Cyrillic Ѐ-Џ */
    {0x0410, 0x042F, 32},   /* А-Я */
    {0x0531, 0x0556, 48},   /* Armenian */
    {0x10A0, 0x10C5, 7264}, /* Georgian Asomtavruli */
    {0x1F08, 0x1F0F, -8},   /* Greek extended, by eights */
    {0x1F18, 0x1F1D, -8}, {0x1F28, 0x1F2F, -8}, {0x1F38, 0x1F3F, -8},
    {0x1F48, 0x1F4D, -8}, {0x1F68, 0x1F6F, -8},
    {0x2160, 0x216F, 16}, /* Roman numerals */
    {0x24B6, 0x24CF, 26}, /* circled letters */
    {0xFF21, 0xFF3A, 32}, /* fullwidth Ａ-Ｚ */
};

/* Blocks where upper and lower case alternate: even upper, odd lower
 * (or the reverse, odd_upper). */
struct fold_pairs {
	uint32_t lo, hi;
	int odd_upper;
};

static const struct fold_pairs fold_pairs[] = {
    {0x0100, 0x012F, 0}, /* Latin Extended-A */
    {0x0132, 0x0137, 0},
    {0x0139, 0x0148, 1},
    {0x014A, 0x0177, 0},
    {0x0179, 0x017E, 1},
    {0x0182, 0x0185, 0}, /* Latin Extended-B, the regular parts */
    {0x01A0, 0x01A5, 0},
    {0x01B3, 0x01B6, 1},
    {0x01CD, 0x01DC, 1},
    {0x01DE, 0x01EF, 0},
    {0x01F8, 0x021F, 0},
    {0x0222, 0x0233, 0},
    {0x0246, 0x024F, 0},
    {0x0370, 0x0373, 0}, /* Greek archaic */
    {0x03D8, 0x03EF, 0},
    {0x0460, 0x0481, 0}, /* Cyrillic extended */
    {0x048A, 0x04BF, 0},
    {0x04C1, 0x04CE, 1},
    {0x04D0, 0x052F, 0},
    {0x1E00, 0x1E95, 0}, /* Latin Extended Additional */
    {0x1EA0, 0x1EFF, 0},
    {0x2C80, 0x2CE3, 0}, /* Coptic */
    {0xA640, 0xA66D, 0}, /* Cyrillic Extended-B */
    {0xA680, 0xA69B, 0},
    {0xA722, 0xA72F, 0}, /* Latin Extended-D */
    {0xA732, 0xA76F, 0},
    {0xA779, 0xA77C, 1},
    {0xA77E, 0xA787, 0},
};

/* Single exceptions: upper -> lower. */
static const uint32_t fold_single[][2] = {
    {0x0130, 0x0069}, /* İ -> i (the dot is dropped, as caseless match) */
    {0x0178, 0x00FF}, /* Ÿ */
    {0x0181, 0x0253},
    {0x0186, 0x0254},
    {0x0187, 0x0188},
    {0x0189, 0x0256},
    {0x018A, 0x0257},
    {0x018B, 0x018C},
    {0x018E, 0x01DD},
    {0x018F, 0x0259},
    {0x0190, 0x025B},
    {0x0191, 0x0192},
    {0x0193, 0x0260},
    {0x0194, 0x0263},
    {0x0196, 0x0269},
    {0x0197, 0x0268},
    {0x0198, 0x0199},
    {0x019C, 0x026F},
    {0x019D, 0x0272},
    {0x019F, 0x0275},
    {0x01A7, 0x01A8},
    {0x01A9, 0x0283},
    {0x01AC, 0x01AD},
    {0x01AE, 0x0288},
    {0x01AF, 0x01B0},
    {0x01B1, 0x028A},
    {0x01B2, 0x028B},
    {0x01B7, 0x0292},
    {0x01B8, 0x01B9},
    {0x01BC, 0x01BD},
    {0x01C4, 0x01C6},
    {0x01C5, 0x01C6},
    {0x01C7, 0x01C9},
    {0x01C8, 0x01C9},
    {0x01CA, 0x01CC},
    {0x01CB, 0x01CC},
    {0x01F1, 0x01F3},
    {0x01F2, 0x01F3},
    {0x01F4, 0x01F5},
    {0x01F6, 0x0195},
    {0x01F7, 0x01BF},
    {0x0220, 0x019E},
    {0x023A, 0x2C65},
    {0x023B, 0x023C},
    {0x023D, 0x019A},
    {0x023E, 0x2C66},
    {0x0241, 0x0242},
    {0x0243, 0x0180},
    {0x0244, 0x0289},
    {0x0245, 0x028C},
    {0x0376, 0x0377},
    {0x037F, 0x03F3},
    {0x0386, 0x03AC},
    {0x038C, 0x03CC},
    {0x038E, 0x03CD},
    {0x038F, 0x03CE},
    {0x03C2, 0x03C3}, /* final sigma folds to sigma */
    {0x03CF, 0x03D7},
    {0x03F4, 0x03B8},
    {0x03F7, 0x03F8},
    {0x03F9, 0x03F2},
    {0x03FA, 0x03FB},
    {0x03FD, 0x037B},
    {0x03FE, 0x037C},
    {0x03FF, 0x037D},
    {0x04C0, 0x04CF},
    {0x10C7, 0x2D27},
    {0x10CD, 0x2D2D},
    {0x1E9E, 0x00DF},
    {0x1F59, 0x1F51},
    {0x1F5B, 0x1F53},
    {0x1F5D, 0x1F55},
    {0x1F5F, 0x1F57},
    {0x2126, 0x03C9},
    {0x212A, 0x006B},
    {0x212B, 0x00E5},
    {0x2132, 0x214E},
    {0x2183, 0x2184},
};

uint32_t
uc_tolower(uint32_t cp)
{
	size_t i;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	if (cp == UTF8_BAD)
		return cp;
	for (i = 0; i < sizeof(fold_ranges) / sizeof(fold_ranges[0]); i++)
		if (cp >= fold_ranges[i].lo && cp <= fold_ranges[i].hi)
			return (uint32_t)((int32_t)cp + fold_ranges[i].delta);
	for (i = 0; i < sizeof(fold_pairs) / sizeof(fold_pairs[0]); i++)
		if (cp >= fold_pairs[i].lo && cp <= fold_pairs[i].hi) {
			if ((int)(cp & 1) == fold_pairs[i].odd_upper)
				return cp + 1;
			return cp;
		}
	for (i = 0; i < sizeof(fold_single) / sizeof(fold_single[0]); i++)
		if (fold_single[i][0] == cp)
			return fold_single[i][1];
	return cp;
}

int
uc_isupper(uint32_t cp)
{
	if (cp == 0x03C2) /* final sigma is lower case */
		return 0;
	return uc_tolower(cp) != cp;
}

size_t
uc_fold(uint32_t cp, uint32_t out[3])
{
	if (cp == 0x00DF || cp == 0x1E9E) {
		out[0] = out[1] = 's';
		return 2;
	}
	out[0] = uc_tolower(cp);
	return 1;
}

int
uc_isspace(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

int
uc_ispunct(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 0x21 && cp <= 0x2F) ||
		    (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60) ||
		    (cp >= 0x7B && cp <= 0x7E);
	if (cp >= 0xA1 && cp <= 0xBF)
		return cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 &&
		    cp != 0xB9 && cp != 0xBA && cp != 0xBC && cp != 0xBD &&
		    cp != 0xBE;
	if (cp == 0xD7 || cp == 0xF7)
		return 1;
	if (cp >= 0x2010 && cp <= 0x2027)
		return 1;
	if (cp >= 0x2030 && cp <= 0x205E)
		return 1;
	if (cp >= 0x20A0 && cp <= 0x20CF) /* currency signs */
		return 1;
	if (cp >= 0x2190 && cp <= 0x23FF) /* arrows, math, technical */
		return 1;
	if (cp >= 0x2500 && cp <= 0x27BF) /* boxes, shapes, dingbats */
		return 1;
	if (cp >= 0x3001 && cp <= 0x3003)
		return 1;
	if (cp >= 0x3008 && cp <= 0x3011)
		return 1;
	if (cp >= 0x3014 && cp <= 0x301F)
		return 1;
	if (cp >= 0xFF01 && cp <= 0xFF0F)
		return 1;
	if ((cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	    (cp >= 0xFF5B && cp <= 0xFF65))
		return 1;
	return 0;
}

int
uc_isalnum(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= 'a' && cp <= 'z');
	if (cp == UTF8_BAD || cp < 0xA0)
		return 0;
	return !uc_isspace(cp) && !uc_ispunct(cp) &&
	    !(cp >= 0x1F000 && cp <= 0x1FAFF); /* emoji */
}

uint32_t
uc_plain(uint32_t cp)
{
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x2032:
	case 0x2035:
	case 0x00B4:
	case 0x0060:
	case 0x2039:
	case 0x203A:
	case 0xFF07:
		return '\'';
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
	case 0x2033:
	case 0x2036:
	case 0x00AB:
	case 0x00BB:
	case 0xFF02:
	case 0x300C:
	case 0x300D:
	case 0x300E:
	case 0x300F:
		return '"';
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2015:
	case 0x2212:
	case 0xFE58:
	case 0xFE63:
	case 0xFF0D:
	case 0x00AD:
		return '-';
	default:
		break;
	}
	if (cp != ' ' && uc_isspace(cp) && cp != '\t' && cp != '\n' &&
	    cp != '\r' && cp != 0xFEFF)
		return ' ';
	return cp;
}

enum quote_mark
uc_quote_mark(uint32_t cp)
{
	switch (cp) {
	case 0x201C:
	case 0x201E:
	case 0x201F:
	case 0x00AB:
	case 0x300C:
	case 0x300E:
		return QM_DOUBLE_OPEN;
	case 0x201D:
	case 0x00BB:
	case 0x300D:
	case 0x300F:
		return QM_DOUBLE_CLOSE;
	case '"':
	case 0xFF02:
		return QM_DOUBLE_AMBIG;
	case 0x2018:
	case 0x201A:
	case 0x201B:
	case 0x2039:
		return QM_SINGLE_OPEN;
	case 0x2019:
	case 0x203A:
		return QM_SINGLE_CLOSE;
	case '\'':
		return QM_SINGLE_AMBIG;
	default:
		return QM_NONE;
	}
}

size_t
uc_quote_closers(uint32_t open, uint32_t out[2])
{
	switch (open) {
	case 0x201C: /* “ */
		out[0] = 0x201D;
		return 1;
	case 0x201E: /* „ closes with “ (German) or ” (Polish) */
		out[0] = 0x201C;
		out[1] = 0x201D;
		return 2;
	case 0x201F:
		out[0] = 0x201D;
		return 1;
	case 0x00AB: /* « */
		out[0] = 0x00BB;
		return 1;
	case 0x300C: /* 「 */
		out[0] = 0x300D;
		return 1;
	case 0x300E: /* 『 */
		out[0] = 0x300F;
		return 1;
	case '"':
		out[0] = '"';
		return 1;
	case 0xFF02:
		out[0] = 0xFF02;
		return 1;
	case 0x2018: /* ‘ */
	case 0x201B:
		out[0] = 0x2019;
		return 1;
	case 0x201A: /* ‚ closes with ‘ or ’ */
		out[0] = 0x2018;
		out[1] = 0x2019;
		return 2;
	case 0x2039:
		out[0] = 0x203A;
		return 1;
	case '\'':
		out[0] = '\'';
		return 1;
	default:
		return 0;
	}
}
