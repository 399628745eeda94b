/*
 * split.c - the sentence boundaries of a paragraph.
 *
 * The scan jumps from one byte that matters to the next (full stops, ? and
 * !, quotation marks, brackets, the lead bytes of ellipses, CJK stops and
 * bullets); everything else is skipped at memchr speed.  Quotation marks
 * and brackets are kept on a small stack, so that a full stop inside
 * “...” or (...) whose closer lies ahead in the paragraph ends no sentence.
 * At a terminator the decision reads the word before it and the words
 * after it:
 *
 *   "across the U.S. How long ..."   U.S. then a usual first word: split
 *   "the U.S. Government said"       U.S. then another capital: no split
 *   "Sen. Laura Brandt"              a title: never
 *   "p. 55", "Jan. 5", "No. 3"       before a number: never
 *   "at 5 p.m. Friday"               a day after a time: no split
 *   "“Where?” Alice asked."          name and speech verb: no split
 *   "grew 3.5% in 2025. The"         ordinary word or number: split
 *   "am 3. Oktober"                  German ordinal: no split
 *   "The river rose.Residents left"  no space, but unambiguous: split
 *   "1. Sign the form 2. Pay it"     a numbered list: split before 2.
 *
 * Positions are offsets from the paragraph's first byte (uint64_t), so the
 * same code works on a whole line or on a window that slides along a line
 * of hundreds of megabytes (see ss_feed()).
 */
#include "split.h"

#include <string.h>

#include "lexicon.h"
#include "scan.h"
#include "utf8.h"

/* A quotation or parenthesis whose closer lies further than this from its
 * opener does not hold its sentences together. */
#define QLIMIT 6000

/* Bytes the scan stops at. */
enum {
	B_NONE,
	B_TERM,  /* . ! ? */
	B_QUOTE, /* " ( ) [ ] { } */
	B_HIGH   /* lead byte of a character that may matter */
};
static unsigned char bclass[256];

/* What follows a terminator. */
enum next_kind {
	N_END,   /* the end of the paragraph */
	N_UPPER, /* an upper-case letter, or a letter of a caseless script */
	N_LOWER,
	N_DIGIT, /* a digit, or a currency or number sign */
	N_OTHER  /* a dash, a symbol ... */
};

struct next {
	enum next_kind kind;
	int spaced;    /* white space came before it */
	int opener;    /* a quotation mark or bracket came before it */
	int marker;    /* a list marker: "b." "(c)" "[z]" "vii)" "2." */
	uint64_t at;   /* its first byte (after openers) */
	const char *w; /* the word there (letters), for the lexicon */
	size_t wlen;
};

/* The window. */
struct win {
	struct splitter *s;
	const char *p;
	uint64_t base, end; /* p[0] is offset base; end = base + n */
	int final;
};

static inline unsigned char
at(const struct win *w, uint64_t off)
{
	return (unsigned char)w->p[off - w->base];
}

static inline const char *
ptr(const struct win *w, uint64_t off)
{
	return w->p + (off - w->base);
}

/* Decode the character at off (UTF8_BAD past the end). */
static inline size_t
dec(const struct win *w, uint64_t off, uint32_t *cp)
{
	if (off >= w->end) {
		*cp = UTF8_BAD;
		return 0;
	}
	if (at(w, off) < 0x80) {
		*cp = at(w, off);
		return 1;
	}
	return utf8_decode(
	    (const unsigned char *)ptr(w, off), (size_t)(w->end - off), cp);
}

/* Decode the character that ends at off (UTF8_BAD at lo). */
static inline size_t
dec_back(const struct win *w, uint64_t lo, uint64_t off, uint32_t *cp)
{
	if (off <= lo || off <= w->base) {
		*cp = UTF8_BAD;
		return 0;
	}
	if (at(w, off - 1) < 0x80) {
		*cp = at(w, off - 1);
		return 1;
	}
	lo = lo > w->base ? lo : w->base;
	return utf8_decode_back(
	    (const unsigned char *)ptr(w, lo), (size_t)(off - lo), cp);
}

/* White space, which is trimmed around sentences: not the zero-width
 * space nor the byte order mark, which are no space to a reader (nor to
 * Python's str.split(), which the shared scorer uses). */
static inline int
is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	return cp != UTF8_BAD && cp != 0x200B && cp != 0xFEFF && uc_isspace(cp);
}

static inline int
is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp == UTF8_BAD)
		return 0;
	if ((cp >= 0xDF && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x52F) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF))
		return uc_isalnum(cp) && !uc_isupper(cp) && cp != 0xD7 &&
		    cp != 0xF7;
	return 0;
}

static inline int
is_digit(uint32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static inline int
is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	return cp != UTF8_BAD && uc_isalnum(cp);
}

/* Opening marks that may stand before a sentence's first word. */
static int
is_opener(uint32_t cp)
{
	switch (cp) {
	case '"':
	case '\'':
	case '(':
	case '[':
	case '{':
	case 0x201C: /* “ */
	case 0x2018: /* ‘ */
	case 0x201E: /* „ */
	case 0x201A: /* ‚ */
	case 0xAB:   /* « */
	case 0xBB:   /* » (Danish, Swedish) */
	case 0x2039: /* ‹ */
	case 0x203A: /* › */
	case 0xBF:   /* ¿ */
	case 0xA1:   /* ¡ */
	case 0x300C: /* 「 */
	case 0x300E: /* 『 */
	case 0xFF08: /* （ */
	case '*':
	case '_':
		return 1;
	default:
		return 0;
	}
}

/* Closing marks that may follow a terminator: ." ?” .) !’ 。」 */
static int
is_closer(uint32_t cp)
{
	switch (cp) {
	case '"':
	case '\'':
	case ')':
	case ']':
	case '}':
	case 0x201D: /* ” */
	case 0x2019: /* ’ */
	case 0x201C: /* “ (German closer) */
	case 0xBB:   /* » */
	case 0xAB:   /* « (Danish) */
	case 0x203A: /* › */
	case 0x300D: /* 」 */
	case 0x300F: /* 』 */
	case 0xFF09: /* ） */
	case '*':
	case '_':
		return 1;
	default:
		return 0;
	}
}

/* Bullets: a line of items "• one • two" is a list of sentences. */
static int
is_bullet(uint32_t cp)
{
	switch (cp) {
	case 0x2022: /* • */
	case 0x2023: /* ‣ */
	case 0x2043: /* ⁃ */
	case 0x25AA: /* ▪ */
	case 0x25CF: /* ● */
	case 0x25A0: /* ■ */
	case 0x25E6: /* ◦ */
	case 0x25BA: /* ► */
	case 0x25B8: /* ▸ */
		return 1;
	default:
		return 0;
	}
}

/* Terminators of scripts without spaces or case: they end a sentence
 * whatever follows. */
static int
is_strong(uint32_t cp)
{
	switch (cp) {
	case 0x3002: /* 。 */
	case 0xFF01: /* ！ */
	case 0xFF1F: /* ？ */
	case 0xFF61: /* ｡ */
	case 0xFF0E: /* ． */
	case 0x061F: /* ؟ Arabic */
	case 0x06D4: /* ۔ Urdu */
	case 0x0964: /* । Devanagari */
	case 0x0965: /* ॥ */
	case 0x0589: /* ։ Armenian */
	case 0x1362: /* ። Ethiopic */
	case 0x203C: /* ‼ */
	case 0x2047: /* ⁇ */
	case 0x2048: /* ⁈ */
	case 0x2049: /* ⁉ */
		return 1;
	default:
		return 0;
	}
}

void
ss_init(void)
{
	const char *c;

	for (c = ".!?"; *c != '\0'; c++)
		bclass[(unsigned char)*c] = B_TERM;
	for (c = "\"'()[]{}"; *c != '\0'; c++)
		bclass[(unsigned char)*c] = B_QUOTE;
	/* « » ¿ ¡, Armenian, Arabic, Urdu, Devanagari, Ethiopic, General
	 * Punctuation and bullets, shapes, CJK, fullwidth */
	bclass[0xC2] = bclass[0xD6] = bclass[0xD8] = bclass[0xDB] = B_HIGH;
	bclass[0xE0] = bclass[0xE1] = bclass[0xE2] = bclass[0xE3] = B_HIGH;
	bclass[0xEF] = B_HIGH;
	lex_init();
}

void
ss_begin(struct splitter *s, ss_emit_fn fn, void *ctx)
{
	/* no memset of the stack of open marks: nopen says what is in it */
	s->emit = fn;
	s->ctx = ctx;
	s->base = s->beg = s->handed = s->alnum_seen = s->scan = 0;
	s->forced = 0;
	s->in_sentence = s->has_alnum = s->list_kind = s->nopen = 0;
	s->list_pending = 0;
	s->list_next = 0;
}

/*
 * The first byte at or after off that may matter (or the window's end):
 * sixteen bytes at a time where SSE2 is there.
 */
static inline uint64_t
skip_plain(const struct win *w, uint64_t off)
{
	const unsigned char *p = (const unsigned char *)ptr(w, off);
	const unsigned char *e = (const unsigned char *)ptr(w, w->end);

#if defined(SCAN_SSE2)
	while (e - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i m = _mm_or_si128(
		    _mm_or_si128(_mm_or_si128(sse_eq(v, '.'), sse_eq(v, '!')),
			_mm_or_si128(sse_eq(v, '?'), sse_eq(v, '"'))),
		    _mm_or_si128(_mm_or_si128(sse_eq(v, '\''), sse_eq(v, '(')),
			_mm_or_si128(sse_eq(v, ')'), sse_eq(v, '['))));
		unsigned bits;

		m = _mm_or_si128(m,
		    _mm_or_si128(_mm_or_si128(sse_eq(v, ']'), sse_eq(v, '{')),
			sse_eq(v, '}')));
		/* lead bytes: C2 (« » ¿ ¡), D6-E1 (other scripts' stops),
		 * E2 (quotes, ellipsis, bullets), E3 (CJK), EF (fullwidth);
		 * not the accented letters of C3-C5 nor continuation bytes */
		m = _mm_or_si128(m,
		    _mm_or_si128(_mm_or_si128(sse_eq(v, (char)0xC2),
				     sse_eq(v, (char)0xE2)),
			_mm_or_si128(
			    sse_eq(v, (char)0xE3), sse_eq(v, (char)0xEF))));
		m = _mm_or_si128(m,
		    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xD5)),
			_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xE2))));
		bits = sse_bits(m);
		if (bits != 0)
			return off + (uint64_t)__builtin_ctz(bits);
		p += 16;
		off += 16;
	}
#endif
	while (p < e && bclass[*p] == B_NONE) {
		p++;
		off++;
	}
	return off;
}

/* ---- the sentence in progress ---- */

/* The end of the sentence that stops before off: white space left out. */
static uint64_t
trim_back(const struct win *w, uint64_t lo, uint64_t off)
{
	uint32_t cp;
	size_t l;

	if (off > lo && off > w->base && at(w, off - 1) > ' ' &&
	    at(w, off - 1) < 0x80)
		return off;
	while (off > lo && (l = dec_back(w, lo, off, &cp)) > 0 && is_space(cp))
		off -= l;
	return off;
}

static uint64_t
skip_space(const struct win *w, uint64_t off)
{
	uint32_t cp;
	size_t l;

	while (off < w->end && at(w, off) == ' ')
		off++;
	if (off < w->end && at(w, off) > ' ' && at(w, off) < 0x80)
		return off;
	while (off < w->end && (l = dec(w, off, &cp)) > 0 && is_space(cp))
		off += l;
	return off;
}

/* Hand bytes [handed, to) over as kind. */
static void
hand(const struct win *w, uint64_t to, enum ss_kind kind)
{
	struct splitter *s = w->s;

	if (to < s->handed)
		to = s->handed;
	if (to > s->handed || kind == SS_LAST)
		s->emit(kind, ptr(w, s->handed), (size_t)(to - s->handed),
		    s->handed, s->ctx);
	s->handed = to;
}

static void list_start(struct win *w);

/* Begin a sentence at off (white space skipped), or none at the end. */
static void
sentence_begin(struct win *w, uint64_t off)
{
	struct splitter *s = w->s;

	off = skip_space(w, off);
	hand(w, off, SS_GAP);
	s->in_sentence = off < w->end;
	s->beg = s->alnum_seen = off;
	s->has_alnum = 0;
	s->forced = 0;
	s->list_kind = 0;
	/* list_start() looks ahead: the scan calls it when the window
	 * reaches far enough */
	s->list_pending = s->in_sentence;
}

/* End the sentence at end (exclusive) and begin the next at next. */
static void
boundary(struct win *w, uint64_t end, uint64_t next)
{
	struct splitter *s = w->s;

	if (s->in_sentence) {
		end = trim_back(w, s->beg, end);
		hand(w, end, SS_LAST);
	}
	sentence_begin(w, next);
	if (s->scan < next)
		s->scan = next;
}

/* 1 if the sentence so far (up to off) holds a letter or a digit. */
static int
sentence_has_alnum(const struct win *w, uint64_t off)
{
	struct splitter *s = w->s;
	uint32_t cp;
	size_t l;

	while (!s->has_alnum && s->alnum_seen < off) {
		l = dec(w, s->alnum_seen, &cp);
		if (cp != UTF8_BAD && uc_isalnum(cp))
			s->has_alnum = 1;
		s->alnum_seen += l > 0 ? l : 1;
	}
	return s->has_alnum;
}

/* 1 for the letters of small Roman numerals: i v x l, either case. */
static inline int
is_roman(unsigned char c)
{
	switch (c | 0x20) {
	case 'i':
	case 'v':
	case 'x':
	case 'l':
		return 1;
	default:
		return 0;
	}
}

/* 1 if the letters in [beg, off) are all Roman digits of one case. */
static int
roman_only(const struct win *w, uint64_t beg, uint64_t off)
{
	int lower = 0, upper = 0;

	for (; beg < off; beg++) {
		unsigned char c = at(w, beg);

		if (is_roman(c) && c >= 'a')
			lower = 1;
		else if (is_roman(c))
			upper = 1;
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			return 0;
	}
	return lower + upper == 1;
}

/*
 * 1 if the sentence so far, up to off, is only a list marker: "1." "2.)"
 * "a." "iv." "• 9." "(3)" - a full stop after it starts the item, it does
 * not end it.
 */
static int
only_marker(const struct win *w, uint64_t off)
{
	const struct splitter *s = w->s;
	uint64_t i = s->beg;
	uint32_t cp;
	size_t l, digits = 0, lowers = 0, uppers = 0;

	if (off - s->beg > 16)
		return 0;
	while (i < off && (l = dec(w, i, &cp)) > 0) {
		if (is_digit(cp))
			digits++;
		else if (is_lower(cp))
			lowers++;
		else if (cp >= 'A' && cp <= 'Z')
			uppers++;
		else if (!is_space(cp) && !is_bullet(cp) && cp != '(' &&
		    cp != '-' && cp != '#')
			return 0;
		i += l;
	}
	if (digits > 0)
		return digits <= 3 && lowers + uppers == 0;
	/* "a." "iv." "A." "II." */
	return (lowers == 1 && uppers == 0) || (uppers == 1 && lowers == 0) ||
	    (roman_only(w, s->beg, off) && lowers + uppers <= 4);
}

/* ---- numbered and lettered lists without full stops ---- */

enum { LIST_NONE, LIST_DOT, LIST_PAREN, LIST_DOTPAREN };

/*
 * A sentence that begins with a list marker ("1.", "2)", "3.)", "a.")
 * ends where the next marker of the same list begins, full stop or not:
 * "1) Register online 2) Pay the fee".  Find that marker ahead.
 */
static void
list_start(struct win *w)
{
	struct splitter *s = w->s;
	uint64_t i = s->beg, lim;
	unsigned v = 0;
	int letter = 0, kind;
	uint32_t cp;
	size_t l;
	char mark[8];
	size_t mlen;

	/* bullets and spaces first: "• 9. item" */
	while (i < w->end && (l = dec(w, i, &cp)) > 0 &&
	    (is_bullet(cp) || is_space(cp)))
		i += l;
	if (i >= w->end)
		return;
	if (is_digit(at(w, i))) {
		while (i < w->end && is_digit(at(w, i)) && v < 1000)
			v = v * 10 + (unsigned)(at(w, i++) - '0');
		if (v >= 100)
			return;
	} else if (at(w, i) >= 'a' && at(w, i) <= 'y') {
		v = at(w, i++);
		letter = 1;
	} else {
		return;
	}
	if (i + 1 >= w->end)
		return;
	if (at(w, i) == '.' && at(w, i + 1) == ')') {
		kind = LIST_DOTPAREN;
		i += 2;
	} else if (at(w, i) == '.') {
		kind = LIST_DOT;
		i++;
	} else if (at(w, i) == ')') {
		kind = LIST_PAREN;
		i++;
	} else {
		return;
	}
	if (i >= w->end || (at(w, i) != ' ' && at(w, i) != '\t'))
		return;
	s->list_kind = kind;
	s->list_next = v + 1;
	/* the next marker: " 2." " b)" " 3.)" */
	mlen = 0;
	mark[mlen++] = ' ';
	if (letter) {
		mark[mlen++] = (char)(v + 1);
	} else {
		if (v + 1 >= 10)
			mark[mlen++] = (char)('0' + (v + 1) / 10);
		mark[mlen++] = (char)('0' + (v + 1) % 10);
	}
	if (kind != LIST_PAREN)
		mark[mlen++] = '.';
	if (kind != LIST_DOT)
		mark[mlen++] = ')';
	lim = i + SS_AHEAD < w->end ? i + SS_AHEAD : w->end;
	for (; i + mlen < lim; i++) {
		const char *q = memchr(ptr(w, i), mark[1], (size_t)(lim - i));

		if (q == NULL)
			break;
		i = (uint64_t)(q - w->p) + w->base;
		if (i + mlen > lim)
			break;
		if (!is_space(at(w, i - 1)) ||
		    memcmp(ptr(w, i), mark + 1, mlen - 1) != 0)
			continue;
		if (i + mlen - 1 < w->end && at(w, i + mlen - 1) == ' ') {
			s->forced = i;
			return;
		}
	}
}

/* ---- quotation marks and brackets ---- */

static int
is_open_at(const struct win *w, uint64_t off)
{
	uint32_t cp;

	/* a straight " opens after a space or an opener, before a word */
	if (off + 1 >= w->end)
		return 0;
	if (is_space(at(w, off + 1)))
		return 0;
	(void)dec_back(w, w->base, off, &cp);
	return cp == UTF8_BAD || is_space(cp) || is_opener(cp) || cp == '-' ||
	    cp == 0x2014 || cp == 0x2013 || cp == ':' || cp == ',';
}

static void prune_open(struct splitter *s, uint64_t off);

static void
push_open(struct splitter *s, uint32_t close, uint64_t pos)
{
	prune_open(s, pos);
	if (s->nopen == SS_MAXOPEN) {
		memmove(s->open, s->open + 1,
		    (SS_MAXOPEN - 1) * sizeof(s->open[0]));
		s->nopen--;
	}
	s->open[s->nopen].close = close;
	s->open[s->nopen].pos = pos;
	s->open[s->nopen].found = 0;
	s->open[s->nopen].searched = pos + 1;
	s->nopen++;
}

/* Close the innermost open mark that c closes; 1 if there was one. */
static int
pop_open(struct splitter *s, uint32_t c)
{
	int k;

	for (k = s->nopen - 1; k >= 0; k--)
		if (s->open[k].close == c) {
			s->nopen = k;
			return 1;
		}
	return 0;
}

/* Track the quotation mark or bracket cp at off. */
static void
track(struct win *w, uint32_t cp, uint64_t off, size_t len)
{
	struct splitter *s = w->s;
	uint32_t nx;

	switch (cp) {
	case '(':
		push_open(s, ')', off);
		return;
	case '[':
		push_open(s, ']', off);
		return;
	case '{':
		push_open(s, '}', off);
		return;
	case ')':
	case ']':
	case '}':
		(void)pop_open(s, cp);
		return;
	case '"':
		if (s->nopen > 0 && s->open[s->nopen - 1].close == '"' &&
		    !is_open_at(w, off))
			s->nopen--;
		else if (is_open_at(w, off))
			push_open(s, '"', off);
		else
			(void)pop_open(s, '"');
		return;
	case 0x201C: /* “ closes „ (German), else opens ” */
		if (!pop_open(s, 0x201C))
			push_open(s, 0x201D, off);
		return;
	case 0x201E: /* „ */
		push_open(s, 0x201C, off);
		return;
	case 0x201D:
		if (!pop_open(s, 0x201D))
			(void)pop_open(s, 0x201C);
		return;
	case 0xAB: /* « */
		if (!pop_open(s, 0xAB))
			push_open(s, 0xBB, off);
		return;
	case 0xBB: /* » */
		(void)pop_open(s, 0xBB);
		return;
	case 0x2018: /* ‘ */
		push_open(s, 0x2019, off);
		return;
	case '\'':
		/* 'Well!' thought Alice: a straight single quote opens before
		 * a word after a space and closes after one; in a word it is
		 * an apostrophe (don't), and 'round or '90s open nothing that
		 * closes, so they hold nothing together */
		(void)dec(w, off + 1, &nx);
		if (s->nopen > 0 && s->open[s->nopen - 1].close == '\'' &&
		    !is_letter(nx) && !is_digit(nx))
			s->nopen--;
		else if (is_open_at(w, off))
			push_open(s, '\'', off);
		return;
	case 0x2019: /* ’ closes ‘ unless it is an apostrophe (don’t) */
		(void)dec(w, off + len, &nx);
		if (!is_letter(nx))
			(void)pop_open(s, 0x2019);
		return;
	case 0x300C:
		push_open(s, 0x300D, off);
		return;
	case 0x300E:
		push_open(s, 0x300F, off);
		return;
	case 0xFF08:
		push_open(s, 0xFF09, off);
		return;
	case 0x300D:
	case 0x300F:
	case 0xFF09:
		(void)pop_open(s, cp);
		return;
	default:
		return;
	}
}

/* 1 if the closer of o is at off. */
static int
closes_at(const struct win *w, const struct ss_open *o, uint64_t off)
{
	uint32_t cp, nx;
	size_t l = dec(w, off, &cp);

	if (cp != o->close && !(o->close == 0x201C && cp == 0x201D))
		return 0;
	if (cp == 0x2019) {
		(void)dec(w, off + l, &nx);
		return !is_letter(nx);
	}
	if (cp == '"')
		return !is_open_at(w, off);
	if (cp == '\'') {
		(void)dec(w, off + 1, &nx);
		return !is_letter(nx) && !is_digit(nx) && !is_open_at(w, off);
	}
	return 1;
}

/*
 * 1 if an open quotation or bracket holds the sentence together at off:
 * its closer comes later in the paragraph, not too far from its opener.
 * What was searched is remembered, so that many full stops inside one
 * long quotation cost one search.
 */
static int
held_open(struct win *w, uint64_t off)
{
	struct splitter *s = w->s;
	int k;

	for (k = s->nopen - 1; k >= 0; k--) {
		struct ss_open *o = &s->open[k];
		uint64_t lim = o->pos + QLIMIT, i;
		unsigned char lead;
		char enc[4];

		if (lim > w->end)
			lim = w->end;
		if (o->found > off)
			return 1;
		if (o->found != 0 || o->searched >= lim)
			continue;
		(void)utf8_encode(o->close, (unsigned char *)enc);
		lead = (unsigned char)enc[0];
		i = o->searched > off ? o->searched : off;
		while (i < lim) {
			const char *q =
			    memchr(ptr(w, i), lead, (size_t)(lim - i));

			if (q == NULL) {
				i = lim;
				break;
			}
			i = (uint64_t)(q - w->p) + w->base;
			if (closes_at(w, o, i)) {
				o->found = i;
				break;
			}
			i++;
		}
		o->searched = i;
		if (o->found > off)
			return 1;
	}
	return 0;
}

/* Forget marks opened too long ago to hold anything together. */
static void
prune_open(struct splitter *s, uint64_t off)
{
	int k, j = 0;

	for (k = 0; k < s->nopen; k++)
		if (s->open[k].pos + QLIMIT > off)
			s->open[j++] = s->open[k];
	s->nopen = j;
}

/* ---- the words around a terminator ---- */

/* The word before a terminator at t: back to white space, without leading
 * opening marks.  Returns its first byte. */
static uint64_t
word_before(const struct win *w, uint64_t t)
{
	uint64_t lo = w->s->beg, i = t;
	uint32_t cp;
	size_t l;

	if (t > lo + 64)
		lo = t - 64;
	if (lo < w->base)
		lo = w->base;
	/* ASCII letters first, then whatever else the word holds */
	while (i > lo &&
	    ((at(w, i - 1) | 0x20) >= 'a' && (at(w, i - 1) | 0x20) <= 'z'))
		i--;
	while (i > lo && (l = dec_back(w, lo, i, &cp)) > 0 && !is_space(cp))
		i -= l;
	while (i < t && (l = dec(w, i, &cp)) > 0 && is_opener(cp))
		i += l;
	/* "Monday.Dr": the word after a stop glued to it */
	if (t - i > 3) {
		uint64_t j = t - 1;

		while (j > i && ((at(w, j) >= 'a' && at(w, j) <= 'z')))
			j--;
		if (j > i && j + 2 < t && at(w, j) >= 'A' && at(w, j) <= 'Z' &&
		    at(w, j - 1) == '.' && j - 1 > i &&
		    ((at(w, j - 2) | 0x20) >= 'a' &&
			(at(w, j - 2) | 0x20) <= 'z'))
			return j;
	}
	return i;
}

/*
 * 1 if a list marker starts at off: one to three digits, one or two
 * letters or a small Roman numeral, then ")" "]" "." or ".)", then a
 * space: "2. " "b) " "[z] " "vii) " "(c) " (its "(" is skipped before).
 * Stores the end of the marker.
 */
static int
is_marker(const struct win *w, uint64_t off, uint64_t *end)
{
	uint64_t i = off;
	int digits = 0, letters = 0, roman = 1;

	/* most words: a letter, then a letter, then another */
	if (off + 3 < w->end && is_letter(at(w, off)) &&
	    is_letter(at(w, off + 1)) && is_letter(at(w, off + 2)) &&
	    !is_roman(at(w, off)))
		return 0;
	while (i < w->end && i - off < 5) {
		unsigned char c = at(w, i);

		if (c >= '0' && c <= '9')
			digits++;
		else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			letters++;
			if (!is_roman(c))
				roman = 0;
		} else
			break;
		i++;
	}
	if (i >= w->end || (digits > 0 && letters > 0) ||
	    (digits == 0 && letters == 0) || digits > 3 ||
	    (letters > 2 && !roman))
		return 0;
	if (at(w, i) == '.' && i + 1 < w->end && at(w, i + 1) == ')')
		i++;
	else if (at(w, i) == '.' && letters > 1 && !roman)
		return 0; /* "Inc." */
	else if (at(w, i) == '.' && letters == 1 && at(w, off) >= 'A' &&
	    at(w, off) <= 'Z')
		return 0; /* "J." is an initial */
	else if (at(w, i) != ')' && at(w, i) != ']' && at(w, i) != '.')
		return 0;
	i++;
	if (i >= w->end || at(w, i) != ' ')
		return 0;
	*end = i;
	return 1;
}

/* What follows white space (or nothing) at off. */
static void
read_next(const struct win *w, uint64_t off, struct next *n)
{
	uint64_t i = off;
	uint32_t cp;
	size_t l;

	memset(n, 0, sizeof(*n));
	i = skip_space(w, off);
	n->spaced = i > off;
	while (i < w->end && (l = dec(w, i, &cp)) > 0 && is_opener(cp) &&
	    cp != '*' && cp != '_') {
		n->opener = 1;
		i += l;
	}
	n->at = i;
	if (i >= w->end) {
		n->kind = N_END;
		return;
	}
	(void)dec(w, i, &cp);
	if (is_digit(cp) || cp == '$' || cp == '#' || cp == 0x20AC ||
	    cp == 0xA3 || cp == 0xA5 || cp == 0x20B9)
		n->kind = N_DIGIT;
	else if (is_lower(cp))
		n->kind = N_LOWER;
	else if (is_letter(cp))
		n->kind = N_UPPER;
	else if (is_bullet(cp))
		n->kind = N_UPPER;
	else
		n->kind = N_OTHER;
	n->w = ptr(w, i);
	while (i < w->end && i - n->at < 40 && (l = dec(w, i, &cp)) > 0 &&
	    (is_letter(cp) || cp == '\'' || cp == 0x2019 || cp == '-'))
		i += l;
	n->wlen = (size_t)(i - n->at);
	/* a trailing apostrophe or hyphen is no part of the word */
	while (n->wlen > 0 &&
	    (n->w[n->wlen - 1] == '\'' || n->w[n->wlen - 1] == '-'))
		n->wlen--;
	if (i < w->end && is_digit(at(w, i)))
		n->wlen = 0; /* "A13" is not the word "A" */
	if (is_marker(w, n->at, &i)) {
		n->marker = 1;
		n->kind = N_UPPER;
		n->wlen = 0;
	} else if (n->kind == N_OTHER &&
	    (cp == '-' || cp == 0x2013 || cp == 0x2014)) {
		/* "- Posted like ...", "— And": a dash opens a line */
		i = n->at + dec(w, n->at, &cp);
		if (i < w->end && at(w, i) == '-')
			i++;
		if (i < w->end && at(w, i) == ' ') {
			(void)dec(w, i + 1, &cp);
			if (is_letter(cp) && !is_lower(cp))
				n->kind = N_UPPER;
		}
	} else if (n->kind == N_LOWER && n->wlen == 1 && n->w[0] == 'i') {
		/* "i tried that. i also reset it": a small i is the pronoun */
		n->kind = N_UPPER;
	}
}

/* The word of n starts sentences ("The", "He", "However"). */
static int
next_starts(const struct next *n)
{
	size_t l = n->wlen;
	const char *q;

	if (l == 0)
		return 0;
	/* "It's", "He’s": the word before the apostrophe */
	q = memchr(n->w, '\'', l);
	if (q != NULL)
		l = (size_t)(q - n->w);
	else if (l > 3) {
		size_t k;

		for (k = 0; k + 2 < l; k++)
			if ((unsigned char)n->w[k] == 0xE2 &&
			    (unsigned char)n->w[k + 1] == 0x80 &&
			    (unsigned char)n->w[k + 2] == 0x99) {
				l = k;
				break;
			}
	}
	return n->kind == N_UPPER && (lex_flags(n->w, l) & LX_STARTER);
}

/*
 * 1 if words after off are a name and a speech verb: "Alice asked",
 * "Sen. Laura Brandt said", "the Duchess said".
 */
static int
attribution_after(const struct win *w, uint64_t off)
{
	uint64_t i = off;
	int names = 0;
	uint32_t cp;
	size_t l;

	while (names < 5 && i < w->end && i - off < 120) {
		uint64_t b;

		i = skip_space(w, i);
		b = i;
		while (i < w->end && (l = dec(w, i, &cp)) > 0 &&
		    (is_letter(cp) || cp == '.' || cp == '\'' || cp == '-'))
			i += l;
		if (i == b)
			return 0;
		(void)dec(w, b, &cp);
		if (is_lower(cp)) {
			uint64_t e = i;

			while (e > b && at(w, e - 1) == '.')
				e--; /* "asked." */
			return (lex_flags(ptr(w, b), (size_t)(e - b)) &
				   LX_SPEECH) != 0 &&
			    names > 0;
		}
		/* "“Who called?” She asked it twice": a capital
		 * pronoun or article starts a sentence */
		if (names == 0 &&
		    (lex_flags(ptr(w, b), (size_t)(i - b)) & LX_STARTER))
			return 0;
		names++;
		if (i < w->end && at(w, i) == ',')
			return 0;
	}
	return 0;
}

/* Kinds of the word before a full stop. */
enum before_kind {
	W_NONE,     /* nothing: " . " */
	W_WORD,     /* an ordinary word, or anything else */
	W_NUMBER,   /* digits, perhaps with , or . inside */
	W_INITIAL,  /* one capital letter: "J." */
	W_LETTER,   /* one small letter: "p.", "a." */
	W_INITIALS, /* letters with full stops: "U.S", "Ph.D" */
	W_TIME,     /* "a.m", "p.m" */
	W_EG        /* "e.g", "i.e" */
};

static enum before_kind
classify(const char *p, size_t n, unsigned *flags, int bang)
{
	size_t i, run = 0, groups = 0, digits = 0, letters = 0;
	int dotted = 1;

	*flags = 0;
	if (n == 0)
		return W_NONE;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			letters++;
	}
	if (digits > 0 && letters == 0) {
		for (i = 0; i < n; i++)
			if (!(p[i] >= '0' && p[i] <= '9') && p[i] != ',' &&
			    p[i] != '.')
				return W_WORD;
		return W_NUMBER;
	}
	if (n == 1 && p[0] >= 'A' && p[0] <= 'Z')
		return W_INITIAL;
	if (n == 1 && p[0] >= 'a' && p[0] <= 'z')
		return W_LETTER;
	/* letter groups of one or two joined by full stops: U.S, Ph.D */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			if (++run > 2)
				dotted = 0;
		} else if (c == '.' && run > 0) {
			groups++;
			run = 0;
		} else {
			dotted = 0;
		}
	}
	if (dotted && groups > 0 && run > 0) {
		if (n == 3 && (p[0] | 0x20) == 'a' && (p[2] | 0x20) == 'm')
			return W_TIME;
		if (n == 3 && (p[0] | 0x20) == 'p' && (p[2] | 0x20) == 'm')
			return W_TIME;
		if (n == 3 &&
		    ((p[0] == 'e' && p[2] == 'g') ||
			(p[0] == 'i' && p[2] == 'e')))
			return W_EG;
		/* "P.S. I still have it": a postscript opens its sentence */
		if ((n == 3 || (n == 5 && (p[2] | 0x20) == 'p')) &&
		    (p[0] | 0x20) == 'p' && (p[n - 1] | 0x20) == 's')
			return W_EG;
		return W_INITIALS;
	}
	/* the abbreviation lists hold nothing longer than LEX_ABBREV_MAX;
	 * only '!' asks about longer words ("Jeopardy!") */
	*flags = n <= LEX_ABBREV_MAX || bang ? lex_flags(p, n) : 0;
	return W_WORD;
}

/*
 * 1 if the small word of n, written with a capital, usually starts a
 * sentence: in text written without capitals ("thanks for the help. it
 * worked") that is what tells a new sentence from an abbreviation the
 * lists do not know ("the exp. date", "the dept. head").
 */
static int
lower_starter(const struct next *n)
{
	char word[16];
	size_t j;

	if (n->kind != N_LOWER || n->opener || n->wlen < 2 ||
	    n->wlen > sizeof(word))
		return 0;
	for (j = 0; j < n->wlen; j++) {
		if (!(n->w[j] >= 'a' && n->w[j] <= 'z'))
			return 0;
		word[j] = n->w[j];
	}
	word[0] = (char)(word[0] - 'a' + 'A');
	return (lex_flags(word, n->wlen) & LX_STARTER) != 0;
}

/*
 * 1 if a full stop between two small words ends a sentence: the word
 * before is an ordinary one (no abbreviation, only small letters), the
 * stop is followed by a space, and the word after starts sentences.
 */
static int
lower_start(const struct win *w, uint64_t t, uint64_t wb, enum before_kind k,
    unsigned flags, const struct next *n)
{
	uint64_t i;

	if (k != W_WORD || (flags & LX_ABBREV) || t - wb < 2 ||
	    at(w, t + 1) != ' ')
		return 0; /* "'This is great.' she said" */
	for (i = wb; i < t; i++)
		if (!(at(w, i) >= 'a' && at(w, i) <= 'z'))
			return 0;
	return lower_starter(n);
}

/* 1 if the sentence so far is a short opening phrase: "At 5 a.m." */
static int
short_opening(const struct win *w, uint64_t t)
{
	const struct splitter *s = w->s;
	uint64_t i = s->beg;
	int words = 0, space = 1;

	uint64_t e = i;

	if (t - s->beg > 40)
		return 0;
	while (e < t && at(w, e) != ' ')
		e++;
	if (!(lex_flags(ptr(w, i), (size_t)(e - i)) & LX_PREP))
		return 0;
	for (; i < t; i++) {
		if (at(w, i) == ' ')
			space = 1;
		else if (space) {
			words++;
			space = 0;
		}
	}
	return words <= 4;
}

/*
 * Decide at a single full stop, ending at e (closers included), the word
 * before it starting at wb, followed by n.
 */
static int
decide_stop(struct win *w, uint64_t t, uint64_t wb, const struct next *n)
{
	unsigned flags;
	enum before_kind k = classify(ptr(w, wb), (size_t)(t - wb), &flags, 0);
#define starts next_starts(n) /* asked only where it matters */

	if (!n->spaced) {
		/* "The river rose.Residents left": an ordinary word, then a
		 * capital and a small letter, and no dot or slash in either
		 * word */
		size_t i;

		if ((k != W_WORD && k != W_NUMBER) || t - wb < 2 ||
		    n->kind != N_UPPER || n->opener || (flags & LX_ABBREV))
			return 0;
		for (i = 0; i < t - wb; i++) {
			unsigned char c = (unsigned char)*ptr(w, wb + i);

			if (k == W_WORD &&
			    !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
				return 0;
		}
		if (k == W_WORD &&
		    !(at(w, t - 1) >= 'a' && at(w, t - 1) <= 'z'))
			return 0;
		if (n->wlen < 2 || !(n->w[1] >= 'a' && n->w[1] <= 'z'))
			return 0;
		if (n->at + n->wlen < w->end) {
			unsigned char c = at(w, n->at + n->wlen);

			/* "Monday.Dr. Adeyemi" but not "index.Html/" */
			if (c == '.' && (lex_flags(n->w, n->wlen) & LX_TITLE))
				return 1;
			if (c == '.' || c == '/' || c == '@' || c == '_' ||
			    c == '(' || (c >= '0' && c <= '9'))
				return 0;
		}
		return 1;
	}
	if (n->kind == N_LOWER)
		return lower_start(w, t, wb, k, flags, n);
	if (n->kind == N_OTHER)
		return 0;
	if (only_marker(w, t))
		return 0;
	switch (k) {
	case W_NONE:
		return 1;
	case W_NUMBER:
		/* "am 3. Oktober", "der 2. Weltkrieg" */
		if (t - wb <= 3) {
			uint64_t pb = trim_back(w, w->s->beg, wb), pw;

			if (lex_flags(n->w, n->wlen) & LX_ORDINAL_NEXT)
				return 0;
			pw = word_before(w, pb);
			if (pb > pw &&
			    (lex_flags(ptr(w, pw), (size_t)(pb - pw)) &
				LX_ORDINAL_BEFORE))
				return 0;
		}
		return 1;
	case W_INITIAL:
		/* "George W. Bush", "Q. Where": an initial, except the
		 * pronoun: "shared by you and I. Did Ruth come" */
		return at(w, wb) == 'I' && starts;
	case W_LETTER:
		/* "p. 55", "if x. Then": a page or a variable */
		return 0;
	case W_INITIALS:
		return starts;
	case W_EG:
		return 0;
	case W_TIME:
		if (lex_flags(n->w, n->wlen) & LX_AFTER_TIME)
			return 0;
		if (starts)
			return 1;
		return n->kind == N_DIGIT || !short_opening(w, t);
	case W_WORD:
		break;
	}
	if (n->kind == N_DIGIT && !n->marker)
		return 0; /* "Fig. 3", "No. 5", "unit. 40 more" */
	if (flags & LX_TITLE)
		return 0;
	if (flags & (LX_NUMBERED | LX_MONTH))
		return starts;
	if (flags & LX_SUFFIX)
		return starts;
	return 1;
#undef starts
}

/*
 * A stop that a separate run of dots follows: "talks. . . . The debate",
 * "Done. .. Next", "fini . ... Puis".  The stop ends the
 * sentence and the dots stand at the start of the next; but "it fell
 * . . . . Then" (spaced dots after a spaced first one) is one ellipsis.
 * Returns 1 when it ended the sentence.
 */
static int
stop_then_dots(struct win *w, uint64_t t)
{
	struct splitter *s = w->s;
	uint64_t f = t + 2;
	int d = 0, spaced = 0, attached;
	struct next n;

	if (t + 2 >= w->end || at(w, t + 1) != ' ' || at(w, t + 2) != '.')
		return 0;
	while (f < w->end) {
		if (at(w, f) == '.') {
			d++;
			f++;
		} else if (at(w, f) == ' ' && f + 1 < w->end &&
		    at(w, f + 1) == '.') {
			spaced = 1;
			f++;
		} else {
			break;
		}
	}
	attached = t > s->beg && !is_space(at(w, t - 1));
	if (!(attached || !spaced || d == 1))
		return 0;
	read_next(w, f, &n);
	if (n.kind != N_UPPER || held_open(w, t) || !sentence_has_alnum(w, t))
		return 0;
	boundary(w, t + 1, t + 2);
	return 1;
}

/* "[1]", "[7][8]", "[citation needed]" after a stop: part of it. */
static uint64_t
citation_at(const struct win *w, uint64_t e)
{
	uint64_t i = e + 1;

	if (e >= w->end || at(w, e) != '[')
		return 0;
	while (i < w->end && i - e < 24 && at(w, i) != ']' && at(w, i) != '[')
		i++;
	if (i >= w->end || at(w, i) != ']' || i == e + 1)
		return 0;
	return i + 1;
}

/* 1 if a closing guillemet (» ›) is at off. */
static int
guillemet_at(const struct win *w, uint64_t off)
{
	uint32_t cp;

	(void)dec(w, off, &cp);
	return cp == 0xBB || cp == 0x203A;
}

/*
 * Footnote numbers glued to a stop: "at clinics.14 15 Most", "(type
 * 2).10 This".  Returns their end, or e when there are none.
 */
static uint64_t
footnote_at(const struct win *w, uint64_t t, uint64_t e)
{
	uint64_t i = e, j;
	uint32_t cp;

	(void)dec_back(w, w->s->beg, t, &cp);
	if (!(is_letter(cp) || cp == ')') || is_digit(cp))
		return e;
	for (;;) {
		j = i;
		while (j < w->end && j - i < 4 && is_digit(at(w, j)))
			j++;
		if (j == i || j - i > 3 || j >= w->end || is_digit(at(w, j)))
			return i == e ? e : i;
		if (at(w, j) != ' ')
			return i == e ? e : (is_space(at(w, j)) ? j : e);
		i = j;
		if (i + 1 < w->end && is_digit(at(w, i + 1)))
			i++;
		else
			return i;
	}
}

/*
 * Handle the terminator at t.  Returns where the scan goes on; may end
 * the sentence.  Needs the window to reach SS_AHEAD past t (or the end).
 */
static uint64_t
terminator(struct win *w, uint64_t t)
{
	uint64_t e = t, wb, f;
	int dots = 0, marks = 0, ellipsis = 0, strong = 0, spaced_dots = 0;
	int quote_closed = 0, closers = 0, stop_after_closer = 0, cut;
	uint32_t cp, prev;
	size_t l;
	struct next n;

	if (at(w, t) == '.' && t + 2 < w->end) {
		unsigned char c1 = at(w, t + 1), c2 = at(w, t + 2);

		/* "8.2%", "example.com", "e.g. the": the common stops that end
		 * nothing, decided before any look around */
		if ((c1 >= '0' && c1 <= '9' && t > w->s->beg &&
			is_digit(at(w, t - 1))) ||
		    (c1 >= 'a' && c1 <= 'z'))
			return t + 1;
		if (c1 == ' ' && c2 >= 'a' && c2 <= 'z' && t + 3 < w->end &&
		    at(w, t + 3) >= 'a' && at(w, t + 3) <= 'z' &&
		    !(c2 == 'i' && at(w, t + 3) == 'v') &&
		    !(t > w->s->beg && at(w, t - 1) >= 'a' &&
			at(w, t - 1) <= 'z'))
			return t + 1;
		if (stop_then_dots(w, t))
			return t + 2;
	}
	/* the run of terminators: ". " "?!" "!!!" "..." "…" ". . ." "。"
	 * with the closing marks after it: ." ?) .’ .” .) ." */
	for (;;) {
		l = dec(w, e, &cp);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
		    is_strong(cp)) {
			if (cp == '.')
				dots++;
			else if (cp == 0x2026)
				ellipsis++;
			else if (is_strong(cp))
				strong++;
			else
				marks++;
			if (closers > 0)
				stop_after_closer = 1; /* "(see fig.). Then" */
		} else if (cp == ' ' && dots > 0 && closers == 0 &&
		    e + 1 < w->end && at(w, e + 1) == '.' &&
		    (e + 2 >= w->end || at(w, e + 2) == ' ' ||
			at(w, e + 2) == '.')) {
			spaced_dots++; /* ". . ." */
		} else if (is_closer(cp) && e > t) {
			if (cp == '\'' || cp == 0x2019) {
				uint32_t nx;

				(void)dec(w, e + l, &nx);
				if (is_letter(nx))
					break; /* Jr.'s */
			}
			if (cp != ')' && cp != ']' && cp != '}' && cp != 0xFF09)
				quote_closed = 1;
			track(w, cp, e, l);
			closers++;
		} else if ((f = citation_at(w, e)) != 0) {
			l = (size_t)(f - e);
		} else if (is_space(cp) && closers == 0 &&
		    guillemet_at(w, e + l)) {
			/* "pas. »": French spacing inside guillemets; the
			 * space is skipped, the mark closes next round */
		} else {
			break;
		}
		e += l;
	}
	if (dots == 1 && marks + ellipsis + strong + spaced_dots + closers == 0)
		e = footnote_at(w, t, e);
	if (e >= w->end)
		return e; /* the paragraph's end ends the sentence */
	/* inside a quotation or brackets that close later: no split */
	if (held_open(w, t))
		return e;
	read_next(w, e, &n);
	if (!sentence_has_alnum(w, t)) {
		/* ". Then a line that starts with a stop." but ". . . The"
		 * opens a sentence */
		if (spaced_dots == 0 && n.spaced && n.kind == N_UPPER)
			boundary(w, e, e);
		return e;
	}
	(void)dec_back(w, w->s->beg, t, &prev);
	if (strong) {
		cut = 1;
	} else if (dots + spaced_dots >= 2 || ellipsis > 0) {
		/* an ellipsis ends a sentence before a capital, but not
		 * before "I", and "[...]" is an omission */
		cut = n.spaced && n.kind == N_UPPER && !only_marker(w, t) &&
		    !(n.wlen == 1 && n.w[0] == 'I') &&
		    !((prev == '[' || prev == '(') && closers > 0);
	} else if (marks > 0) {
		unsigned flags;

		wb = word_before(w, t);
		cut = n.kind == N_UPPER || n.kind == N_DIGIT;
		if (!n.spaced) {
			/* "Hello!How": only a clear capitalised word */
			cut = cut && n.kind == N_UPPER && n.wlen >= 2 &&
			    n.w[1] >= 'a' && n.w[1] <= 'z' && t > wb &&
			    is_lower(prev);
		}
		(void)classify(ptr(w, wb), (size_t)(t - wb), &flags, 1);
		if (cut && (flags & LX_BANG) && !next_starts(&n))
			cut = 0; /* "Yahoo! Research" */
		if (cut && quote_closed && attribution_after(w, e))
			cut = 0; /* "“Where?” Alice asked." */
		if (cut && only_marker(w, t))
			cut = 0;
	} else if (stop_after_closer) {
		cut = n.spaced && n.kind == N_UPPER;
	} else {
		wb = word_before(w, t);
		cut = decide_stop(w, t, wb, &n);
	}
	if (cut)
		boundary(w, e, e);
	return e;
}

/*
 * A quotation broken off by a dash ends a sentence: "If you please,
 * say--" The chairman cut her off".  q is the closing mark, e just after it.
 */
static void
dash_quote(struct win *w, uint64_t q, uint64_t e)
{
	uint32_t cp;
	struct next n;

	(void)dec_back(w, w->s->beg, q, &cp);
	if (cp != '-' && cp != 0x2014 && cp != 0x2013)
		return;
	read_next(w, e, &n);
	if (!n.spaced || n.kind != N_UPPER || held_open(w, q) ||
	    attribution_after(w, e))
		return;
	boundary(w, e, e);
}

/* A bullet at b, after white space, starts a new sentence. */
static void
bullet(struct win *w, uint64_t b)
{
	struct splitter *s = w->s;
	uint32_t cp;

	if (b <= s->beg)
		return;
	(void)dec_back(w, s->beg, b, &cp);
	if (!is_space(cp))
		return;
	if (!sentence_has_alnum(w, b))
		return;
	boundary(w, b, b);
}

size_t
ss_feed(struct splitter *s, const char *p, size_t n, int final)
{
	struct win w;
	uint64_t i, keep;
	uint32_t cp;
	size_t l;

	w.s = s;
	w.p = p;
	w.base = s->base;
	w.end = s->base + n;
	w.final = final;
	if (!s->in_sentence) {
		sentence_begin(&w, s->scan > s->base ? s->scan : s->base);
		if (s->scan < s->beg)
			s->scan = s->beg;
	}
	i = s->scan;
	while (i < w.end) {
		unsigned char c;

		if (s->list_pending) {
			if (!final && s->beg + SS_AHEAD > w.end)
				break;
			s->list_pending = 0;
			list_start(&w);
		}
		/* skip what cannot matter */
		i = skip_plain(&w, i);
		if (s->forced != 0 && s->forced <= i) {
			uint64_t f = s->forced;

			boundary(&w, f, f);
			i = f;
			continue;
		}
		if (i >= w.end)
			break;
		if (!final && i + SS_AHEAD > w.end)
			break;
		c = at(&w, i);
		switch (bclass[c]) {
		case B_NONE: /* a byte of 0x80 or more that starts nothing */
			i++;
			break;
		case B_TERM:
			i = terminator(&w, i);
			break;
		case B_QUOTE:
			l = (size_t)s->nopen;
			track(&w, c, i, 1);
			i++;
			if (c == '"' && (size_t)s->nopen < l)
				dash_quote(&w, i - 1, i);
			break;
		default:
			l = dec(&w, i, &cp);
			if (l == 0)
				l = 1;
			if (cp == 0x2026 || is_strong(cp))
				i = terminator(&w, i);
			else if (is_bullet(cp)) {
				bullet(&w, i);
				i += l;
			} else {
				int was = s->nopen;

				track(&w, cp, i, l);
				i += l;
				if (cp == 0x201D && s->nopen < was)
					dash_quote(&w, i - l, i);
			}
			break;
		}
	}
	if (!final && i + 4 > w.end) {
		/* the window may end inside a character: stop before it */
		i = w.end > w.base + 4 ? w.end - 4 : w.base;
		while (i > w.base && (at(&w, i) & 0xC0) == 0x80)
			i--;
		if (i < s->scan)
			i = s->scan;
	}
	s->scan = i;
	if (final) {
		if (s->in_sentence)
			hand(&w, trim_back(&w, s->beg, w.end), SS_LAST);
		hand(&w, w.end, SS_GAP);
		s->in_sentence = 0;
		s->base = w.end;
		return n;
	}
	/* hand over the sentence so far, up to its last word before i; white
	 * space before i may end the sentence (a bullet may follow), but not
	 * more than SS_BEHIND bytes of it are held back: past that it goes
	 * out with the sentence, so that the window stays bounded */
	if (s->in_sentence) {
		uint64_t lo = s->handed;

		(void)sentence_has_alnum(&w, i);
		if (i > lo + SS_BEHIND) {
			lo = i - SS_BEHIND;
			while (lo < i && (at(&w, lo) & 0xC0) == 0x80)
				lo++; /* a piece ends on a character */
		}
		hand(&w, trim_back(&w, lo, i), SS_PIECE);
	}
	keep = i > SS_BEHIND ? i - SS_BEHIND : 0;
	if (s->handed < keep)
		keep = s->handed;
	if (keep < s->base)
		keep = s->base;
	l = (size_t)(keep - s->base);
	s->base = keep;
	return l;
}
