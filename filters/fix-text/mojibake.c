/*
 * mojibake.c - step 2: UTF-8 that was decoded as Windows-1252 or Latin-1.
 *
 * The mechanism: the bytes of "é" (C3 A9) read one byte a character as
 * Windows-1252 give "Ã©"; "’" (E2 80 99) gives "â€™"; read as Latin-1,
 * E2 80 99 gives "â" and the C1 controls U+0080 U+0099.  Done twice,
 * "’" becomes "Ã¢â‚¬â„¢".  So a candidate for repair is a lead character
 * whose Windows-1252 (or Latin-1) byte starts a UTF-8 sequence (Â..ô:
 * 0xC2-0xF4) followed by the characters whose bytes complete it
 * (0x80-0xBF: € ‚ … ’ “ ” ™ œ NBSP © ® ° ± ...), the whole decoding to
 * valid UTF-8.  Each layer of mis-decoding is undone in turn.
 *
 * A candidate is only the possibility of mojibake: "NESTLÉ®" holds "É®"
 * (C9 AE, valid UTF-8 for U+026E), "ZZAJÉ’s" and "MARQUÉ…" hold others.
 * Each candidate is judged by what it would decode to and where:
 *
 *   REJECT  the result is nothing text holds (IPA letters, private use,
 *           phonetic extensions), or a letter of a script other than
 *           Latin and Greek standing against a Latin letter ("SÓ…" would
 *           give a Cyrillic letter after "S");
 *   STRONG  the result fits its place: a symbol or punctuation from a
 *           three- or four-byte sequence (“ ’ € — ✔ emoji), a lower-case
 *           letter inside a lower-case word ("cafÃ©"), an upper-case one
 *           inside an upper-case word ("HÃ”TEL"), a letter of a script
 *           beside another of the same script ("Ð¼Ð¾" -> "мо");
 *   WEAK    the result would fit but the text could be right as it is:
 *           an upper-case letter at the end of a capitalised word
 *           before punctuation ("AHÅ™,"), a letter standing alone, an
 *           accented capital before an apostrophe and "s" ("Ã’s").
 *
 * Then the line decides: nothing is repaired without a STRONG candidate;
 * with one, the STRONG and the WEAK are repaired together (real mojibake
 * breaks every non-ASCII character of the text it hits).  A line that
 * also holds characters that are right as they are but would have been
 * broken too if the line had gone through the bad decoding (the "–" in
 * "Bremer/Mccoy – DrÃ¥ber") is text of two origins: there one STRONG
 * two-byte candidate is not enough; it takes two, or a longer one, or,
 * when the right characters include letters (so the text's accents are
 * known to be encoded right), one that puts a lower-case letter after a
 * lower-case letter ("CrÃ¨me brûlée": no capital Ã ends "Cr").
 * Curly quotes do not count: they are what a publishing system adds
 * right (or an &rsquo; step 1 decoded) to text that is broken anyway.
 *
 * Damaged forms are repaired as well: a sequence with a byte lost and
 * replaced by U+FFFD, or by '?' in "â?" and "Ã?" sequences, becomes
 * U+FFFD, as ftfy does ("Ã?" only as WEAK evidence: "IRMÃ?" asks); "â€" whose
 * last byte a decoder dropped (it drops only the five bytes Windows-1252 leaves
 * unassigned, and of those only 9D makes a character of text, ”) becomes ”; "Ã"
 * followed by a space, where a no-break space (the second byte of "à", A0) was
 * turned into a space or dropped, becomes "à" when a lower-case word follows
 * ("voilÃ le", Portuguese "Ã s" -> "às").
 */
#include <stdlib.h>
#include <string.h>

#include "fixtext.h"
#include "utf8.h"

#define MAX_LAYERS 4

enum verdict { REJECT, WEAK, STRONG };

enum tok_type {
	T_PLAIN, /* one character (or invalid byte) as it is */
	T_SEQ,   /* a complete sequence: decodes to cp */
	T_LOSSY  /* a sequence with a byte lost: U+FFFD */
};

/* One token of a line: a character, or a candidate for repair. */
struct tok {
	size_t off, len; /* bytes of the line it covers */
	enum tok_type type;
	uint32_t cp;   /* what it decodes to (T_PLAIN: itself) */
	int nbytes;    /* UTF-8 length of the sequence (T_SEQ) */
	uint32_t lead; /* the first character */
	uint32_t cont; /* the second character */
	int lead_byte; /* the first byte of the sequence */
	int sloppy;    /* T_PLAIN: its Windows-1252 byte, or -1 */
	int spaced;    /* a space stands for a no-break space (A0) */
	int keep;      /* "Ã" + space: the space is the text's own */
	int dropped;   /* "â€" for ”, its last byte dropped */
	int qmark;     /* T_LOSSY: a '?' stands for the lost byte */
};

enum script {
	S_NONE, /* symbols, punctuation, digits, spaces, controls */
	S_LATIN,
	S_GREEK,
	S_CYRILLIC,
	S_ARMENIAN,
	S_HEBREW,
	S_ARABIC,
	S_SYRIAC,
	S_THAANA,
	S_NKO,
	S_INDIC, /* one value per 128-character block, from here up */
	S_THAI = S_INDIC + 12,
	S_GEORGIAN,
	S_HANGUL,
	S_CJK,
	S_OTHER /* the letters of other scripts */
};

static enum script
script_of(uint32_t c)
{
	if (c < 0x80)
		return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? S_LATIN
								: S_NONE;
	if (c < 0x250) {
		if (c == 0xAA || c == 0xBA || c == 0xB5)
			return S_LATIN;
		if (c < 0xC0 || c == 0xD7 || c == 0xF7)
			return S_NONE;
		return S_LATIN;
	}
	if (c < 0x370)
		return S_NONE;
	if (c < 0x400)
		return c == 0x37E || c == 0x384 || c == 0x385 || c == 0x387
		    ? S_NONE
		    : S_GREEK;
	if (c < 0x530)
		return c >= 0x482 && c <= 0x489 ? S_NONE : S_CYRILLIC;
	if (c < 0x590)
		return S_ARMENIAN;
	if (c < 0x600)
		return S_HEBREW;
	if (c < 0x700 || (c >= 0x750 && c < 0x780))
		return S_ARABIC;
	if (c < 0x750)
		return S_SYRIAC;
	if (c < 0x7C0)
		return S_THAANA;
	if (c < 0x800)
		return S_NKO;
	if (c >= 0x900 && c < 0xE00)
		return (enum script)(S_INDIC + (int)((c - 0x900) >> 7));
	if (c >= 0xE00 && c < 0xF00)
		return S_THAI;
	if (c >= 0x10A0 && c < 0x1100)
		return S_GEORGIAN;
	if ((c >= 0x1100 && c < 0x1200) || (c >= 0x3130 && c < 0x3190) ||
	    (c >= 0xAC00 && c < 0xD7B0))
		return S_HANGUL;
	if (c >= 0x1E00 && c < 0x1F00)
		return S_LATIN;
	if (c >= 0x1F00 && c < 0x2000)
		return S_GREEK;
	if ((c >= 0x3000 && c < 0x3040) ||
	    (c >= 0xFF00 && c < 0xFF66 &&
		!((c | 0x20) >= 0xFF41 && (c | 0x20) <= 0xFF5A)))
		return S_NONE;
	if ((c >= 0x3040 && c < 0x3130) || (c >= 0x3190 && c < 0xA000) ||
	    (c >= 0xF900 && c < 0xFB00) || (c >= 0xFF00 && c < 0xFFF0) ||
	    (c >= 0x20000 && c < 0x40000))
		return S_CJK;
	if (c >= 0xFB00 && c < 0xFB07)
		return S_LATIN;
	if ((c >= 0x800 && c < 0x900) || (c >= 0xF00 && c < 0x10A0) ||
	    (c >= 0x1200 && c < 0x1E00))
		return S_OTHER;
	return S_NONE;
}

static int
is_letter(uint32_t c)
{
	return script_of(c) != S_NONE;
}

static int
is_upper(uint32_t c)
{
	if (c < 0x100) /* the common case, without uc_isupper()'s tables */
		return (c >= 'A' && c <= 'Z') ||
		    (c >= 0xC0 && c <= 0xDE && c != 0xD7);
	return is_letter(c) && uc_isupper(c);
}

/* A letter of a cased script that is not upper-case (ß and ª count). */
static int
is_lower(uint32_t c)
{
	enum script s = script_of(c);

	return (s == S_LATIN || s == S_GREEK || s == S_CYRILLIC ||
		   s == S_ARMENIAN) &&
	    !is_upper(c);
}

/* The code points from U+0800 on that Unicode assigns (assigned.def). */
static const uint32_t assigned[][2] = {
#include "assigned.h"
};

static int
is_assigned(uint32_t c)
{
	size_t lo = 0, hi = sizeof(assigned) / sizeof(assigned[0]);

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c < assigned[mid][0])
			hi = mid;
		else if (c > assigned[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/*
 * 1 for a character mojibake can decode to.  Two bytes: not the IPA
 * letters and most of Latin Extended-B, which no news text holds (it
 * keeps the letters languages use: ƒ, Vietnamese ơ ư, pinyin ǎ ǐ ǒ ǔ,
 * Romanian ș ț), not the long s.  Three and four: a character Unicode
 * assigns, other than phonetic extensions and the specials; never
 * private use, surrogates or noncharacters.
 */
static int
plausible(uint32_t c)
{
	if (c < 0x180)
		return c != 0x17F; /* long s: not in modern text */
	if (c < 0x250)
		return c == 0x192 || c == 0x1A0 || c == 0x1A1 || c == 0x1AF ||
		    c == 0x1B0 || (c >= 0x1CD && c <= 0x1DC) ||
		    (c >= 0x218 && c <= 0x21B) || c == 0x18F;
	if (c < 0x300)
		return c >= 0x2C6 && c <= 0x2DD;
	if (c < 0x800)
		return 1;
	if ((c >= 0x1D00 && c < 0x1E00) || (c >= 0xFFF0 && c < 0xFFFD) ||
	    (c >= 0xFDD0 && c <= 0xFDEF))
		return 0;
	return is_assigned(c);
}

/*
 * The code pages whose misreading of UTF-8 is undone: Windows-1252 (with
 * Latin-1, whose C1 controls it takes for the same bytes) first, then
 * the others of codepages.def, tried on a line only when Windows-1252
 * repairs nothing there, and held to a stricter rule (see layer()).
 */
struct codepage {
	const char *name;
	uint32_t high[128]; /* the characters of bytes 0x80-0xFF */
};

static const struct codepage codepages[] = {
#include "codepages.h"
};

#define NCODEPAGES (sizeof(codepages) / sizeof(codepages[0]))

/* Each code page's characters sorted, with their bytes, for encoding. */
struct byte_of {
	uint32_t cp;
	unsigned char b;
};
static struct byte_of reverse[NCODEPAGES][128];
static int reverse_made;

static int
by_cp(const void *a, const void *b)
{
	uint32_t x = ((const struct byte_of *)a)->cp;
	uint32_t y = ((const struct byte_of *)b)->cp;

	return x < y ? -1 : x > y;
}

/*
 * For the characters below U+10000: whether some code page reads a byte
 * C2-F4 (a lead) or 80-BF (a continuation) as it, one bit each, so that
 * the scan passes over Cyrillic or Greek text ("Правительство") with one
 * look-up a character instead of a search in every code page.
 */
static unsigned char lead_bits[0x10000 / 8], cont_bits[0x10000 / 8];

static void
mark(unsigned char *bits, uint32_t cp)
{
	if (cp < 0x10000)
		bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

static int
marked(const unsigned char *bits, uint32_t cp)
{
	return cp >= 0x10000 || (bits[cp >> 3] >> (cp & 7) & 1);
}

static void
make_reverse(void)
{
	size_t k, i;

	for (k = 0; k < NCODEPAGES; k++) {
		for (i = 0; i < 128; i++) {
			reverse[k][i].cp = codepages[k].high[i];
			reverse[k][i].b = (unsigned char)(0x80 + i);
			if (i >= 0x42 && i <= 0x74)
				mark(lead_bits, codepages[k].high[i]);
			if (i < 0x40)
				mark(cont_bits, codepages[k].high[i]);
		}
		qsort(reverse[k], 128, sizeof(reverse[k][0]), by_cp);
	}
	for (i = 0x80; i < 0x100; i++) { /* Windows-1252 and Latin-1 */
		if (i >= 0xC2 && i <= 0xF4)
			mark(lead_bits, (uint32_t)i);
		if (i < 0xC0) {
			mark(cont_bits, (uint32_t)i);
			mark(cont_bits, cp1252_decode((unsigned char)i));
		}
	}
	reverse_made = 1;
}

uint32_t
fx_macroman(uint32_t b)
{
	size_t k;

	for (k = 0; k < NCODEPAGES; k++)
		if (strcmp(codepages[k].name, "macroman") == 0)
			return b >= 0x80 && b <= 0xFF
			    ? codepages[k].high[b - 0x80]
			    : b;
	return b;
}

/* The code page being tried: NULL for Windows-1252, else one of them. */
static const struct codepage *cur_page;

/* The byte of cp in the code page being tried, or -1. */
static int
page_encode(uint32_t cp)
{
	const struct byte_of *r;
	struct byte_of key;

	if (cur_page == NULL)
		return cp1252_encode(cp);
	if (cp < 0x80)
		return (int)cp;
	key.cp = cp;
	r = bsearch(
	    &key, reverse[cur_page - codepages], 128, sizeof(key), by_cp);
	return r != NULL ? r->b : -1;
}

/* 1 when the code page reads byte A0 as a no-break space. */
static int
page_has_nbsp(void)
{
	return cur_page == NULL || cur_page->high[0x20] == 0xA0;
}

/* The character at p[i..n) and its byte in the code page (-1: none). */
static size_t
sloppy_at(const char *p, size_t n, size_t i, uint32_t *cp, int *b)
{
	size_t len = fx_decode(p + i, n - i, cp);

	*b = *cp == UTF8_BAD ? -1 : page_encode(*cp);
	return len;
}

static int
is_cont(int b)
{
	return b >= 0x80 && b <= 0xBF;
}

/*
 * After "Ã" read for "à" (C3 A0) with its A0 turned into a space: 1 when
 * that space is the A0 and no space of the text: another space follows
 * ("Ã  le" -> "à le"), or a word that "à" starts ("Ã s " -> "às ",
 * "Ã quele" -> "àquele"); 0 when the A0 was dropped and the space is
 * the text's own ("voilÃ le" -> "voilà le").
 */
static int
space_was_a0(const char *p, size_t n)
{
	static const char *const joined[] = {
	    " ", "s ", "quele", "quela", "quilo"};
	size_t k, m;

	for (k = 0; k < sizeof(joined) / sizeof(joined[0]); k++) {
		m = strlen(joined[k]);
		if (n >= m && memcmp(p, joined[k], m) == 0)
			return 1;
	}
	/* A lone letter after it is the rest of a word: "hĂ i" is "hài". */
	return n >= 1 && p[0] >= 'a' && p[0] <= 'z' &&
	    (n == 1 || p[1] == ' ' || p[1] == ',' || p[1] == '.' ||
		p[1] == ';' || p[1] == ':' || p[1] == '!' || p[1] == '?');
}

/*
 * 1 when c, the byte after "â€", may follow a ” whose byte was dropped:
 * ASCII other than a letter or digit ("â€ he said", "â€.").
 */
static int
dropped_before(char c)
{
	return (unsigned char)c < 0x80 &&
	    !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') &&
	    !(c >= '0' && c <= '9');
}

/*
 * The sequence of sloppy bytes that starts with lead byte b at p[i]:
 * fills t and returns 1 when the characters after it complete a valid
 * UTF-8 sequence, 0 otherwise.  A continuation byte may also be a space
 * that was a no-break space (byte A0: "â €" for U+2800), or be lost and
 * stand as U+FFFD (or '?' at the end of "â€?"): T_LOSSY.
 */
static int
sequence_at(const char *p, size_t n, size_t i, int b, struct tok *t)
{
	unsigned char bytes[6];
	size_t j = i, len;
	int need, k, bb, lost = 0;
	uint32_t c, v;

	need = b <= 0xDF ? 2 : b <= 0xEF ? 3 : 4;
	len = sloppy_at(p, n, j, &c, &bb);
	t->lead = c;
	t->lead_byte = b;
	bytes[0] = (unsigned char)b;
	j += len;
	for (k = 1; k < need; k++) {
		if (k == 2 && b == 0xE2 && bytes[1] == 0x80 && !lost &&
		    (j >= n || (p[j] != '?' && dropped_before(p[j])))) {
			/* "â€" whose third byte a decoder dropped: the
			 * bytes it drops (81 8D 8F 90 9D) leave ” (9D) as
			 * the only character of text. */
			t->type = T_SEQ;
			t->cp = 0x201D;
			t->nbytes = 3;
			t->dropped = 1;
			t->len = j - i;
			return 1;
		}
		if (j >= n)
			return 0;
		len = sloppy_at(p, n, j, &c, &bb);
		if (k == 1)
			t->cont = c;
		if (c == ' ' && !lost && page_has_nbsp()) {
			if (b == 0xC3 && need == 2 &&
			    !space_was_a0(p + j + 1, n - j - 1)) {
				/* "voilÃ le": the space stays. */
				t->keep = 1;
				len = 0;
			}
			t->spaced = 1;
			bb = 0xA0;
		} else if (!lost &&
		    (c == 0xFFFD ||
			(c == '?' &&
			    ((b == 0xE2 && (k == 1 || bytes[1] <= 0x86)) ||
				(b == 0xC3 && need == 2))))) {
			lost = 1;
			t->qmark = c == '?';
			bb = 0x80;
		} else if (!is_cont(bb))
			return 0;
		bytes[k] = (unsigned char)bb;
		j += len;
	}
	if ((b == 0xE0 && bytes[1] < 0xA0) || (b == 0xF0 && bytes[1] < 0x90) ||
	    (b == 0xF4 && bytes[1] > 0x8F))
		return 0;
	t->nbytes = need;
	if (lost) {
		t->type = T_LOSSY;
		t->cp = 0xFFFD;
		t->len = j - i;
		return 1;
	}
	if (need == 2)
		v = ((uint32_t)(b & 0x1F) << 6) | (bytes[1] & 0x3F);
	else if (need == 3)
		v = ((uint32_t)(b & 0x0F) << 12) |
		    ((uint32_t)(bytes[1] & 0x3F) << 6) | (bytes[2] & 0x3F);
	else
		v = ((uint32_t)(b & 0x07) << 18) |
		    ((uint32_t)(bytes[1] & 0x3F) << 12) |
		    ((uint32_t)(bytes[2] & 0x3F) << 6) | (bytes[3] & 0x3F);
	if (v >= 0xD800 && v <= 0xDFFF) {
		/* CESU-8: a surrogate pair, each half as three bytes. */
		uint32_t lo = 0;

		if (v > 0xDBFF || t->spaced)
			return 0;
		for (k = 0; k < 3; k++) {
			if (j >= n)
				return 0;
			len = sloppy_at(p, n, j, &c, &bb);
			if (bb < 0 || (k == 0 && bb != 0xED) ||
			    (k == 1 && (bb < 0xB0 || bb > 0xBF)) ||
			    (k == 2 && !is_cont(bb)))
				return 0;
			lo = (lo << 6) | (uint32_t)(bb & 0x3F);
			j += len;
		}
		v = 0x10000 + ((v - 0xD800) << 10) + (lo & 0x3FF);
		t->nbytes = 4;
	}
	t->type = T_SEQ;
	t->cp = v;
	t->len = j - i;
	return 1;
}

/* The token at p[i] (i < n). */
static void
tok_at(const char *p, size_t n, size_t i, struct tok *t)
{
	uint32_t c;
	int b;
	size_t len = sloppy_at(p, n, i, &c, &b);

	memset(t, 0, sizeof(*t));
	if (b >= 0xC2 && b <= 0xF4 && sequence_at(p, n, i, b, t)) {
		t->off = i;
		return;
	}
	memset(t, 0, sizeof(*t));
	t->off = i;
	t->type = T_PLAIN;
	t->cp = c;
	t->len = len;
	t->sloppy = b;
}

/* What a token looks like to its neighbours once repaired. */
static uint32_t
tok_char(const struct tok *t)
{
	if (t->type == T_PLAIN || !plausible(t->cp))
		return t->cp == UTF8_BAD ? ' ' : t->cp;
	return t->cp;
}

/* 1 when p[0..m) is s[0..m) in ASCII letters of either case. */
static int
same_ascii_nocase(const char *p, const char *s, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++)
		if ((p[i] | 0x20) != s[i])
			return 0;
	return 1;
}

/*
 * 1 when the text at p[0..n) is an English contraction or possessive
 * ending: s, t, d, m, ll, re, ve, then no letter ("JOSÉ’S", "Ã’s").
 */
static int
contraction_after(const char *p, size_t n)
{
	static const char *const ends[] = {
	    "s", "t", "d", "m", "ll", "re", "ve"};
	size_t k, m;

	for (k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
		m = strlen(ends[k]);
		if (n < m)
			continue;
		if (same_ascii_nocase(p, ends[k], m) &&
		    (n == m || !is_letter((unsigned char)p[m])))
			return 1;
	}
	return 0;
}

static int
is_apostrophe(uint32_t c)
{
	return c == 0x2019 || c == 0x2018 || c == 0xB4;
}

/*
 * Punctuation that may follow a word that ends in a real "Ã" (IRMÃ…,
 * AMANHÃ”): after "Ã" the other continuation characters (™ ‰ € Š œ ...)
 * are mojibake of À-Ý whatever stands before ("OÃ™" is "OÙ").
 */
static int
closing_mark(uint32_t c)
{
	return c == 0x2026 || c == 0x2019 || c == 0x201D || c == 0x201C ||
	    c == 0x2018 || c == 0xBB || c == 0xAB || c == 0xB4 || c == 0xB7;
}

/* The character before the one judge() gets as prev (set by walk()). */
static uint32_t before_prev;

/* A two-byte candidate that decodes to a Latin letter. */
static enum verdict
judge_latin(const struct tok *t, uint32_t prev, uint32_t next,
    const char *after, size_t alen)
{
	int pl = is_letter(prev), nl = is_letter(next), up = is_upper(t->cp);

	if (t->cont == 0xA0) {
		if (up) /* "Å\u00A0koda" is "Škoda" */
			return !pl && is_lower(next) ? STRONG : WEAK;
		return is_lower(prev) || is_lower(next) || !pl ||
			!is_letter(before_prev)
		    ? STRONG
		    : WEAK;
	}
	if (is_apostrophe(t->cont) && nl && contraction_after(after, alen))
		return WEAK;
	if (up && cur_page != NULL)
		/* Other code pages: a capital counts at the head of a
		 * lower-case word ("Å½inoma" is "Žinoma"), and in a word of
		 * capitals when it is one of Latin-1's and not the last
		 * ("PRГ‰SIDENT" is "PRÉSIDENT", "NICIODATĂ™" is Romanian);
		 * "HÅØYA" is Norwegian, not cp1257 for "HŨYA". */
		return (!pl && is_lower(next)) ||
			(t->cp <= 0xDE && (is_upper(prev) || !pl) &&
			    is_upper(next))
		    ? STRONG
		    : WEAK;
	if (pl && nl) {
		if (up)
			return is_upper(prev) && is_upper(next) ? STRONG : WEAK;
		return is_lower(prev) || is_lower(next) ? STRONG : WEAK;
	}
	if (pl && up && t->lead_byte == 0xC3 && cur_page == NULL &&
	    is_upper(prev) && !closing_mark(t->cont))
		return STRONG;
	if (pl && !up && is_upper(prev) && !is_letter(before_prev))
		/* A short word in title case: "NÃ\u00AD" is "Ní". */
		return STRONG;
	if (pl)
		return !up && is_lower(prev) ? STRONG : WEAK;
	if (nl)
		return up || is_lower(next) ? STRONG : WEAK;
	return WEAK;
}

/* A letter of a script other than Latin: by its neighbours' script. */
static enum verdict
judge_script(uint32_t c, uint32_t prev, uint32_t next)
{
	enum script s = script_of(c);

	if (script_of(prev) == s || script_of(next) == s)
		return STRONG;
	if (s == S_GREEK)
		return is_letter(next) || (next >= '0' && next <= '9') ||
			is_lower(prev) || (prev >= '0' && prev <= '9')
		    ? STRONG
		    : WEAK;
	if (script_of(prev) == S_LATIN || script_of(next) == S_LATIN)
		return REJECT;
	return WEAK;
}

static enum verdict judge(const struct tok *t, uint32_t prev, uint32_t next,
    const char *after, size_t alen, int near_repair);

/*
 * A sequence with a space for its no-break space.  "Ã" + space is "à"
 * when a lower-case word follows and no capital stands before ("voilÃ
 * le", not "S Ã O"): STRONG after a lower-case letter (a capital Ã does
 * not end a lower-case word), else WEAK ("Ms Ã was" is a name unless the
 * line is mojibake anyway).  Any other is WEAK at best: a space is a
 * space far more often than a lost byte.
 */
static enum verdict
judge_spaced(const struct tok *t, uint32_t prev, uint32_t next,
    const char *after, size_t alen, int near_repair)
{
	struct tok plain = *t;
	uint32_t c = ' ';
	size_t i = 0;

	if (t->lead_byte == 0xC3 && t->nbytes == 2) {
		while (i < alen && after[i] == ' ')
			i++;
		if (i < alen)
			(void)fx_decode(after + i, alen - i, &c);
		if (is_upper(prev) || !is_lower(c))
			return REJECT;
		return is_lower(prev) ? STRONG : WEAK;
	}
	plain.spaced = 0;
	return judge(&plain, prev, next, after, alen, near_repair) == REJECT
	    ? REJECT
	    : WEAK;
}

/*
 * The verdict on candidate t between the repaired characters prev and
 * next; after[0..alen) is the text that follows it.  near_repair: a
 * neighbour is a candidate too.
 */
static enum verdict
judge(const struct tok *t, uint32_t prev, uint32_t next, const char *after,
    size_t alen, int near_repair)
{
	uint32_t c = t->cp;
	enum script s;

	if (t->type == T_PLAIN)
		return REJECT;
	if (t->dropped)
		return STRONG;
	if (t->spaced)
		return judge_spaced(t, prev, next, after, alen, near_repair);
	if (t->type == T_LOSSY) {
		if (t->nbytes == 2 && t->qmark) /* "IRMÃ?" is a question */
			return WEAK;
		if (t->nbytes == 2)
			return (is_letter(prev) || is_letter(next)) &&
				(is_lower(prev) || is_lower(next))
			    ? STRONG
			    : WEAK;
		return t->lead_byte == 0xE2 ? STRONG : WEAK;
	}
	if (!plausible(c))
		return REJECT;
	if (c >= 0x80 && c <= 0x9F)
		return near_repair ? WEAK : REJECT;
	s = script_of(c);
	if (t->nbytes >= 3) {
		if (s == S_NONE || s == S_LATIN)
			return STRONG;
		return judge_script(c, prev, next);
	}
	if (c >= 0x300 && c < 0x370)
		/* Decomposed text: "cafeÌ\u0081" is "café"; "COSÌ…" is
		 * Italian, not "COS" and a combining overline. */
		return t->lead_byte == 0xCC && cur_page == NULL &&
			prev != ' ' && prev != '\t' && !is_upper(prev)
		    ? STRONG
		    : WEAK;
	if (s == S_NONE) {
		/* Â + a symbol (£ © ° NBSP), Ã + × or ÷; in another code
		 * page, a pair such as "Āø" for "¸" is too weak alone. */
		if (cur_page != NULL)
			/* Not "Āø" for "¸" after a space, nor "`¬´ "; but
			 * "¬£0.86" (MacRoman) or "1Â˝" (Windows-1250) for
			 * "£" and "½": no letter stands for the lead and a
			 * number or word follows, or the lead would be a
			 * capital glued to a number or a word. */
			return t->lead_byte == 0xC2 &&
				((!is_letter(t->lead) &&
				     (is_letter(next) ||
					 (next >= '0' && next <= '9'))) ||
				    (prev >= '0' && prev <= '9') ||
				    (next >= '0' && next <= '9') ||
				    is_lower(prev) ||
				    ((c == 0xBF || c == 0xA1) &&
					is_letter(next) && !is_letter(prev)))
			    ? STRONG
			    : WEAK;
		if (c == 0xA0)
			return is_upper(prev) || prev == ' ' ? WEAK : STRONG;
		return is_upper(prev) ? WEAK : STRONG;
	}
	if (s == S_LATIN)
		return judge_latin(t, prev, next, after, alen);
	return judge_script(c, prev, next);
}

/* The counts one pass over a line's candidates gives. */
struct tally {
	size_t strong, weak, strong_long;
	size_t strong_latin2; /* two-byte, a Latin letter */
	size_t switches;      /* letters after a letter of another script */
	size_t broken;        /* lead characters that start no sequence */
	int mixed;          /* right characters that bad decoding would break */
	int mixed_letter;   /* ... and one of them is a letter */
	size_t outside;     /* letters past ASCII in no candidate */
	size_t outside_any; /* characters past ASCII in no candidate */
	size_t weak_a0;     /* WEAK: a letter + space for "à", "Š" */
	size_t rejected;    /* candidates judged REJECT */
};

/*
 * The number of candidates in a row, from cur on, whose repaired
 * characters are a second layer of mojibake, read in the code page being
 * tried or in Windows-1252 ("ÃƒÂ©" gives "Ã" and "©", which are "é";
 * "РІСњВ¤" gives "в", "ќ", "¤", which are "❤"); 0 when they are not.
 * nxt is the token after cur.
 */
static int
second_layer(
    const char *p, size_t n, const struct tok *cur, const struct tok *nxt)
{
	const struct codepage *saved = cur_page;
	struct tok t = *nxt;
	int pass, need = 0, k = 0, x, y;
	uint32_t v = 0;

	for (pass = 0; pass < 2 && k == 0; pass++) {
		if (pass == 1 && cur_page == NULL)
			break;
		x = pass == 0 ? page_encode(cur->cp) : cp1252_encode(cur->cp);
		if (cur->type != T_SEQ || x < 0xC2 || x > 0xF4)
			continue;
		need = x <= 0xDF ? 2 : x <= 0xEF ? 3 : 4;
		v = (uint32_t)x & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
		t = *nxt;
		for (k = 1; k < need; k++) {
			y = pass == 0 ? page_encode(t.cp) : cp1252_encode(t.cp);
			if (t.type != T_SEQ || !is_cont(y))
				break;
			v = (v << 6) | ((uint32_t)y & 0x3F);
			if (k + 1 < need) {
				if (t.off + t.len >= n)
					break;
				cur_page = saved;
				tok_at(p, n, t.off + t.len, &t);
			}
		}
		if (k < need ||
		    v < (need == 2          ? 0x80u
				: need == 3 ? 0x800u
					    : 0x10000u) ||
		    (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF ||
		    !plausible(v))
			k = 0;
	}
	cur_page = saved;
	return k;
}

/*
 * Walk the tokens of p[0..n), judging each candidate; with out != NULL,
 * write the line with the candidates whose verdict is at least WEAK
 * repaired.  Returns the number of repairs written.
 */
static size_t
walk(const char *p, size_t n, struct tally *ty, struct buf *out)
{
	struct tok cur, nxt;
	uint32_t prev = ' ', prev2 = ' ', next;
	enum script last_script = S_NONE;
	struct fx_edits e = {p, 0, 0, out};
	int prev_cand = 0, forced = 0;
	enum verdict v;
	unsigned char enc[4];

	if (n == 0)
		return 0;
	tok_at(p, n, 0, &cur);
	for (;;) {
		size_t end = cur.off + cur.len, elen;
		int has_next = end < n;

		if (has_next)
			tok_at(p, n, end, &nxt);
		next = has_next ? tok_char(&nxt) : ' ';
		if (cur.type == T_PLAIN) {
			if (ty != NULL && cur.cp >= 0x80 &&
			    cur.cp != UTF8_BAD) {
				ty->outside_any++;
				if (is_letter(cur.cp))
					ty->outside++;
			}
			if (ty != NULL && cur.sloppy >= 0x80 &&
			    !(cur.cp >= 0x80 && cur.cp <= 0x9F) &&
			    !(cur.cp >= 0x2018 && cur.cp <= 0x201D)) {
				ty->mixed = 1;
				if (is_letter(cur.cp))
					ty->mixed_letter = 1;
			}
			if (ty != NULL && cur.sloppy >= 0xC2 &&
			    cur.sloppy <= 0xF4 && has_next &&
			    nxt.type == T_PLAIN && is_cont(nxt.sloppy))
				ty->broken++;
			v = REJECT;
			forced = 0;
		} else {
			before_prev = prev2;
			v = judge(&cur, prev, next, p + end, n - end,
			    prev_cand || (has_next && nxt.type != T_PLAIN));
			if (forced > 0)
				forced--;
			if (forced == 0 && has_next)
				forced = second_layer(p, n, &cur, &nxt);
			if (forced > 0)
				v = STRONG;
			if (ty != NULL && v == STRONG) {
				ty->strong++;
				if (cur.nbytes >= 3)
					ty->strong_long++;
				else if (script_of(cur.cp) == S_LATIN ||
				    (cur.lead_byte == 0xC2 &&
					((next >= '0' && next <= '9') ||
					    (prev >= '0' && prev <= '9'))))
					/* "Â£2.2bn", "20Â°C" too */
					ty->strong_latin2++;
			} else if (ty != NULL && v == WEAK) {
				ty->weak++;
				if (cur.spaced && cur.nbytes == 2 &&
				    is_letter(cur.cp))
					ty->weak_a0++;
			} else if (ty != NULL)
				ty->rejected++;
		}
		if (out != NULL && v != REJECT) {
			elen = utf8_encode(cur.cp, enc);
			if (fx_explaining)
				fx_codepage =
				    cur_page != NULL ? cur_page->name : NULL;
			fx_edit(&e, FX_MOJIBAKE, cur.off, cur.len,
			    (const char *)enc, elen);
		}
		if (ty != NULL && is_letter(tok_char(&cur))) {
			enum script sc = script_of(tok_char(&cur));

			if (last_script != S_NONE && sc != last_script)
				ty->switches++;
			last_script = sc;
		} else if (tok_char(&cur) == ' ')
			last_script = S_NONE;
		prev2 = prev;
		prev = tok_char(&cur);
		prev_cand = cur.type != T_PLAIN;
		if (!has_next)
			break;
		cur = nxt;
	}
	return out != NULL ? fx_edits_end(&e, n) : 0;
}

/*
 * Whether one layer of repair in the code page being tried (cur_page)
 * would be made, from the tally of its candidates.  Windows-1252 follows
 * the rules at the top of the file.  Another code page must explain the
 * line: every letter past ASCII inside a candidate, at most one WEAK
 * candidate for two STRONG ones (a letter with a space for its A0, "Г "
 * for "à", "Å " for "Š", not counted), no more changes of script, no lead
 * left without its
 * sequence; a line of real Czech or Russian text always has letters of
 * its own outside candidates, so it is never read as mojibake of another
 * code page.
 */
static int
accepted(const struct tally *ty)
{
	if (ty->strong == 0 || ty->broken > ty->strong)
		return 0;
	if (cur_page != NULL)
		return 2 * (ty->weak - ty->weak_a0) <= ty->strong &&
		    ty->rejected == 0 && ty->broken == 0 && ty->outside == 0 &&
		    4 * ty->switches <= ty->strong;
	return !(ty->mixed && ty->strong < 2 && ty->strong_long == 0 &&
	    !(ty->mixed_letter && ty->strong_latin2 > 0));
}

/*
 * One layer of repair: returns the repairs written to out (0: none).
 * Windows-1252 when it explains every character of the line; else the
 * other code page that explains it best (most STRONG candidates, fewest
 * WEAK ones and changes of script between letters: MacRoman read as
 * Windows-1257 gives Latin, CJK and Cyrillic letters side by side); else
 * Windows-1252 for what it explains
 * ("Å iaip ÄÆdomu" is Windows-1257 whole, though Windows-1252 would
 * repair "Å " alone).
 */
static size_t
layer(const char *p, size_t n, struct buf *out)
{
	struct tally ty;
	const struct codepage *best = NULL;
	size_t k, f = 0, best_score = 0, score;
	int latin;

	if (!reverse_made)
		make_reverse();
	cur_page = NULL;
	memset(&ty, 0, sizeof(ty));
	(void)walk(p, n, &ty, NULL);
	latin = accepted(&ty);
	if (!latin || ty.outside_any > 0) {
		for (k = 0; k < NCODEPAGES; k++) {
			cur_page = &codepages[k];
			memset(&ty, 0, sizeof(ty));
			(void)walk(p, n, &ty, NULL);
			score = ty.strong + ty.weak_a0 > ty.weak + ty.switches
			    ? ty.strong + ty.weak_a0 - ty.weak - ty.switches
			    : 0;
			if (accepted(&ty) && score > best_score) {
				best = cur_page;
				best_score = score;
			}
		}
		if ((cur_page = best) != NULL)
			f = walk(p, n, NULL, out);
		cur_page = NULL;
	}
	if (f == 0 && latin)
		f = walk(p, n, NULL, out);
	return f;
}

/*
 * 1 if p[0..n) starts with a lead of the code page being tried followed
 * by as many characters as its sequence needs that may continue it
 * (their byte is 80-BF, or U+FFFD, or '?' last, or a space after "Ã" or
 * its like in a code page with a no-break space at A0).  A space after
 * another lead is only ever WEAK evidence, which needs a candidate found
 * here anyway.
 */
static int
starts_sequence(const char *p, size_t n)
{
	size_t i, len;
	int need, k, b, lead, first = 0;
	uint32_t cp;

	i = sloppy_at(p, n, 0, &cp, &lead);
	if (lead < 0xC2 || lead > 0xF4)
		return 0;
	need = lead <= 0xDF ? 2 : lead <= 0xEF ? 3 : 4;
	for (k = 1; k < need; k++) {
		if (k == 2 && lead == 0xE2 && first == 0x80 &&
		    (i >= n || dropped_before(p[i])))
			return 1; /* "â€" and a dropped byte */
		if (i >= n)
			return 0;
		len = sloppy_at(p, n, i, &cp, &b);
		if (k == 1)
			first = b;
		if (!is_cont(b) && cp != 0xFFFD &&
		    !(cp == '?' &&
			(lead == 0xE2 || (lead == 0xC3 && need == 2))) &&
		    !(cp == ' ' && lead == 0xC3 && page_has_nbsp()))
			return 0;
		i += len;
	}
	return 1;
}

/*
 * fx_mojibake_at(): 1 if p[0..n) starts with what may be a candidate in
 * any of the code pages (starts_sequence()).  The scan that keeps clean
 * accented text off the slow path: a character past ASCII followed by
 * ASCII ("Córdoba": "ó" then 'r'; "’s") is no candidate, unless the ASCII
 * is a space after "Ã" or a letter read from the same byte (Ă Г Ć).
 * fx_maybe_mojibake(): 1 if such a start is anywhere in p[0..n).
 */
int
fx_mojibake_at(const char *p, size_t n)
{
	const struct codepage *saved = cur_page;
	uint32_t c0, c1;
	size_t len, k;
	int found = 0;

	len = fx_decode(p, n, &c0);
	if (c0 < 0x80 || c0 == UTF8_BAD || len >= n)
		return 0;
	(void)fx_decode(p + len, n - len, &c1);
	if (c1 < 0x80 && c1 != '?' &&
	    !(c1 == ' ' &&
		(c0 == 0xC3 || c0 == 0x102 || c0 == 0x106 || c0 == 0x413)))
		return 0;
	if (!reverse_made)
		make_reverse();
	if (!marked(lead_bits, c0) ||
	    (c1 >= 0x80 && c1 != 0xFFFD && c1 != UTF8_BAD &&
		!marked(cont_bits, c1)))
		return 0;
	cur_page = NULL;
	found = starts_sequence(p, n);
	for (k = 0; k < NCODEPAGES && !found; k++) {
		cur_page = &codepages[k];
		found = starts_sequence(p, n);
	}
	cur_page = saved;
	return found;
}

int
fx_maybe_mojibake(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0xC2 && fx_mojibake_at(s + i, n - i))
			return 1;
	return 0;
}

size_t
fx_mojibake(const char *p, size_t n, struct buf *out)
{
	struct buf a = BUF_INIT, b = BUF_INIT, *to = &a, *from = NULL;
	size_t fixes = 0, f;
	int k;

	for (k = 0; k < MAX_LAYERS && fx_maybe_mojibake(p, n); k++) {
		buf_reset(to);
		if ((f = layer(p, n, to)) == 0)
			break;
		fixes += f;
		p = to->p;
		n = to->len;
		from = to;
		to = to == &a ? &b : &a;
	}
	if (fixes > 0)
		buf_add(out, p, n);
	(void)from;
	buf_free(&a);
	buf_free(&b);
	return fixes;
}
