/*
 * typography.c - --typography: plain forms for typographic characters,
 * after the repairs.
 *
 *	quotes     ‘ ’ ‚ ‛ ʼ -> '   “ ” „ ‟ -> "   (« » ‹ › and primes stay)
 *	dashes     U+2010-U+2015 and − (U+2212) -> '-', one for one
 *	spaces     U+00A0, U+2000-U+200A, U+202F, U+205F -> ' ' (U+3000 stays:
 *	           it is the space of CJK text)
 *	ligatures  ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ Ĳ ĳ ŉ and the Latin digraphs Ǆ ... ǳ
 *	width      full-width digits and Latin letters -> ASCII (full-width
 *	           punctuation stays: it is the punctuation of CJK text)
 *
 * Nothing else: … and ½ stay, no Unicode normalisation.
 */
#include <string.h>

#include "fixtext.h"
#include "utf8.h"

/* The plain text of cp, or NULL when it has none here. */
static const char *
plain(uint32_t cp, char one[2])
{
	static const char *const lig[] = {
	    "ff", "fi", "fl", "ffi", "ffl", "\xc5\xbft", "st"};
	static const char *const digraph[] = {"D\xc5\xbd", "D\xc5\xbe",
	    "d\xc5\xbe", "LJ", "Lj", "lj", "NJ", "Nj", "nj"};
	static const char *const dz[] = {"DZ", "Dz", "dz"};

	one[1] = '\0';
	switch (cp) {
	case 0x2018:
	case 0x2019:
	case 0x201A:
	case 0x201B:
	case 0x02BC:
		return "'";
	case 0x201C:
	case 0x201D:
	case 0x201E:
	case 0x201F:
		return "\"";
	case 0x2212:
	case 0xA0:
	case 0x202F:
	case 0x205F:
		break;
	case 0x132:
		return "IJ";
	case 0x133:
		return "ij";
	case 0x149:
		return "'n";
	default:
		if (cp >= 0xFB00 && cp <= 0xFB06)
			return lig[cp - 0xFB00];
		if (cp >= 0x1C4 && cp <= 0x1CC)
			return digraph[cp - 0x1C4];
		if (cp >= 0x1F1 && cp <= 0x1F3)
			return dz[cp - 0x1F1];
		if ((cp >= 0xFF10 && cp <= 0xFF19) ||
		    (cp >= 0xFF21 && cp <= 0xFF3A) ||
		    (cp >= 0xFF41 && cp <= 0xFF5A)) {
			one[0] = (char)(cp - 0xFEE0);
			return one;
		}
		if (!(cp >= 0x2010 && cp <= 0x2015) &&
		    !(cp >= 0x2000 && cp <= 0x200A))
			return NULL;
	}
	one[0] = cp >= 0x2010 && cp <= 0x2015 ? '-' : cp == 0x2212 ? '-' : ' ';
	return one;
}

size_t
fx_typography(const char *p, size_t n, struct buf *out)
{
	struct fx_edits e = {p, 0, 0, out};
	size_t i = 0, len;
	const char *to;
	char one[2];
	uint32_t cp;

	while ((len = fx_next_wide(p, n, &i, &cp)) != 0) {
		if (cp == UTF8_BAD || (to = plain(cp, one)) == NULL) {
			i += len;
			continue;
		}
		fx_edit(&e, FX_TYPO, i, len, to, strlen(to));
		i += len;
	}
	return fx_edits_end(&e, n);
}
