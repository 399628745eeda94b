/*
 * invisible.c - steps 3 and 4: C1 controls and invisible junk.
 *
 * Step 3: a C1 control (U+0080-U+009F) still there after the mojibake
 * step is a Windows-1252 byte that was read as Latin-1 ("didn\x92t"):
 * it becomes its Windows-1252 character (U+0092 -> ’, U+0085 -> …,
 * U+0080 -> €); the five bytes Windows-1252 leaves unassigned (U+0081
 * U+008D U+008F U+0090 U+009D) mean nothing and are deleted.  When the
 * line shows they are MacRoman bytes instead (c1_is_macroman()), they
 * become MacRoman's letters.
 *
 * Step 4, deleted: C0 controls other than TAB, CR and FF; DEL; ANSI
 * escape sequences whole (ESC '[' parameters intermediates final, as
 * "\e[1;31m"); U+FEFF (a BOM, anywhere); U+200B zero-width space; U+2060
 * word joiner; U+00AD soft hyphen; U+FFF9-U+FFFC (annotation marks and
 * the object replacement character); U+206A-U+206F (deprecated format
 * characters).  Kept: U+200C ZWNJ and U+200D ZWJ (emoji sequences,
 * Persian, Indic scripts), bidi marks, variation selectors, tag
 * characters (flag emoji), U+FFFD.
 */
#include <string.h>

#include "fixtext.h"
#include "utf8.h"

size_t
fx_decode(const char *p, size_t n, uint32_t *cp)
{
	if ((unsigned char)p[0] < 0x80) {
		*cp = (unsigned char)p[0];
		return 1;
	}
	return utf8_decode((const unsigned char *)p, n, cp);
}

/* The length of the ANSI CSI sequence at p (p[0] == ESC), or 0. */
static size_t
csi_length(const char *p, size_t n)
{
	size_t i = 2;

	if (n < 3 || p[1] != '[')
		return 0;
	while (i < n && p[i] >= 0x30 && p[i] <= 0x3F)
		i++;
	while (i < n && p[i] >= 0x20 && p[i] <= 0x2F)
		i++;
	if (i < n && p[i] >= 0x40 && p[i] <= 0x7E)
		return i + 1;
	return 0;
}

static int
deleted_invisible(uint32_t cp)
{
	return cp == 0xFEFF || cp == 0x200B || cp == 0x2060 || cp == 0xAD ||
	    (cp >= 0xFFF9 && cp <= 0xFFFC) || (cp >= 0x206A && cp <= 0x206F);
}

/* A letter of the Latin alphabet, ASCII or Latin-1 (not × ÷ ª º). */
static int
latin_letter(uint32_t c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

/*
 * 1 when the C1 controls of p[0..n) are MacRoman bytes read as Latin-1
 * rather than Windows-1252 ones: every one of them stands between two
 * letters, and one at least would make there a sign no word holds in
 * Windows-1252 (‡ † ƒ ˆ ‰ ‹ › ˜ ™ •), which is a letter in MacRoman
 * ("Coatl\u0087n" is "Coatlán", not "Coatl‡n").  The apostrophe (U+0092),
 * dashes, quotes, the ellipsis and the bytes Windows-1252 leaves
 * unassigned are no evidence: "l\u0092homme", "this\u0097that" are
 * Windows-1252.
 */
static int
c1_is_macroman(const char *p, size_t n)
{
	static const char evidence[] =
	    "\x83\x86\x87\x88\x89\x8b\x95\x98\x99\x9b";
	const unsigned char *s = (const unsigned char *)p;
	size_t i, len;
	uint32_t cp, before, after;
	int found = 0;

	for (i = 0; i + 1 < n; i++) {
		if (s[i] != 0xC2 || s[i + 1] < 0x80 || s[i + 1] > 0x9F)
			continue;
		if (i == 0 || i + 2 >= n)
			return 0;
		(void)utf8_decode_back(s, i, &before);
		len = fx_decode(p + i + 2, n - i - 2, &after);
		(void)len;
		if (!latin_letter(before) || !latin_letter(after))
			return 0;
		cp = s[i + 1];
		if (strchr(evidence, (int)cp) != NULL)
			found = 1;
		i++;
	}
	return found;
}

size_t
fx_invisible(const char *p, size_t n, struct buf *out)
{
	struct fx_edits e = {p, 0, 0, out};
	size_t i = 0, len;
	unsigned char enc[4];
	enum fx_kind kind;
	uint32_t cp, to;
	int macroman = -1;

	while (i < n) {
		unsigned char c = (unsigned char)p[i];

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		len = fx_decode(p + i, n - i, &cp);
		to = 0;
		if (cp == 0x1B && (len = csi_length(p + i, n - i)) != 0)
			kind = FX_CONTROL;
		else if (cp < 0x20 || cp == 0x7F) {
			if (cp == '\t' || cp == '\r' || cp == '\f') {
				i++;
				continue;
			}
			len = 1;
			kind = FX_CONTROL;
		} else if (cp >= 0x80 && cp <= 0x9F) {
			if (macroman < 0)
				macroman = c1_is_macroman(p, n);
			to = macroman ? fx_macroman(cp)
				      : cp1252_decode((unsigned char)cp);
			kind = FX_C1;
		} else if (deleted_invisible(cp))
			kind = FX_INVISIBLE;
		else {
			i += len;
			continue;
		}
		if (fx_skip & (1u << kind)) {
			i += len;
			continue;
		}
		fx_edit(&e, kind, i, len, (const char *)enc,
		    to != 0 ? utf8_encode(to, enc) : 0);
		i += len;
	}
	return fx_edits_end(&e, n);
}

size_t
fx_replace_invalid(const char *p, size_t n, struct buf *out)
{
	struct fx_edits e = {p, 0, 0, out};
	size_t i = 0, len;
	uint32_t cp;

	while ((len = fx_next_wide(p, n, &i, &cp)) != 0) {
		if (cp != UTF8_BAD) {
			i += len;
			continue;
		}
		fx_edit(&e, FX_INVALID, i, 1, "\xef\xbf\xbd", 3);
		i++;
	}
	return fx_edits_end(&e, n);
}
