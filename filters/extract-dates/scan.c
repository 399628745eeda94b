/*
 * scan.c - where date expressions may start, and the tokens around them.
 *
 * next_candidate() walks a line looking only for digits and for words
 * whose first three letters can begin a trigger word (a month, weekday,
 * unit, part of day, season, holiday or a day like "today"): one bit test
 * a word, so most of a news line is passed over without a lookup.
 * tokenize() then cuts a small window of the line into tokens for the
 * parser: numbers (with "1st", "1990s", "2,024" folded in), words (with a
 * month's abbreviation dot, "a.m.", and "Q3", "FY2025" as tags),
 * punctuation (every dash is '-').
 */
#include "scan.h"

#include <string.h>

#include "dates.h"

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

/*
 * What a byte is to fill() and word_fast(): one table load instead of a
 * chain of compares on every byte of a line.  B_WORD_GOES_ON marks the
 * bytes after a word's letters that word_token() reads on ("a.m.",
 * "Q3", "o'clock", "Monday’s": '.', digits, the apostrophe, and 0xe2,
 * the first byte of ’).
 */
enum {
	B_PUNCT = 0, /* other ASCII */
	B_SPACE = 1, /* space, tab, CR, FF, VT */
	B_DIGIT = 2,
	B_ALPHA = 3,
	B_HIGH = 4, /* 0x80 and above: UTF-8 */
	B_KIND = 7,
	B_WORD_GOES_ON = 8
};

#define K4(x) x, x, x, x
#define K8(x) K4(x), K4(x)
#define K16(x) K8(x), K8(x)
#define DG (B_DIGIT | B_WORD_GOES_ON)
static const unsigned char byte_kind[256] = {
    /* 0x00 */ K8(B_PUNCT), B_PUNCT, B_SPACE, B_PUNCT, B_SPACE, B_SPACE,
    B_SPACE, B_PUNCT, B_PUNCT,
    /* 0x10 */ K16(B_PUNCT),
    /* 0x20 */ B_SPACE, B_PUNCT, B_PUNCT, B_PUNCT, B_PUNCT, B_PUNCT, B_PUNCT,
    B_PUNCT | B_WORD_GOES_ON, K4(B_PUNCT), B_PUNCT, B_PUNCT,
    B_PUNCT | B_WORD_GOES_ON, B_PUNCT,
    /* 0x30 */ K8(DG), DG, DG, K4(B_PUNCT), B_PUNCT, B_PUNCT,
    /* 0x40 */ B_PUNCT, K8(B_ALPHA), K4(B_ALPHA), B_ALPHA, B_ALPHA, B_ALPHA,
    /* 0x50 */ K8(B_ALPHA), B_ALPHA, B_ALPHA, B_ALPHA, K4(B_PUNCT), B_PUNCT,
    /* 0x60 */ B_PUNCT, K8(B_ALPHA), K4(B_ALPHA), B_ALPHA, B_ALPHA, B_ALPHA,
    /* 0x70 */ K8(B_ALPHA), B_ALPHA, B_ALPHA, B_ALPHA, K4(B_PUNCT), B_PUNCT,
    /* 0x80 */ K16(B_HIGH), K16(B_HIGH), K16(B_HIGH), K16(B_HIGH),
    /* 0xc0 */ K16(B_HIGH), K16(B_HIGH),
    /* 0xe0 */ B_HIGH, B_HIGH, B_HIGH | B_WORD_GOES_ON, B_HIGH, K4(B_HIGH),
    K8(B_HIGH),
    /* 0xf0 */ K16(B_HIGH)};
#undef DG

static inline size_t letters_end(const unsigned char *s, size_t n, size_t e);

size_t
next_candidate(const char *str, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t e;

	while (i < n) {
		unsigned c = s[i];

		if (is_digit((int)c))
			return i;
		if (is_alpha((int)c)) {
			e = letters_end(s, n, i + 1);
			if ((i == 0 || !is_alpha(s[i - 1])) &&
			    (lex_maybe_trigger(s + i, e - i) ||
				(e - i == 2 && (s[i + 1] | 0x20) == 'm' &&
				    ((s[i] | 0x20) == 'a' ||
					(s[i] | 0x20) == 'p')) ||
				(e - i == 1 && (s[i] | 0x20) == 'o' && e < n &&
				    s[e] == '\'') ||
				(e - i == 1 && e + 1 < n && s[e] == '.' &&
				    (s[e + 1] | 0x20) == 'm' &&
				    ((s[i] | 0x20) == 'a' ||
					(s[i] | 0x20) == 'p'))))
				return i; /* and am, pm, a.m., o'clock */
			i = e;
			continue;
		}
		i++;
	}
	return n;
}

int
has_candidate(const char *str, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t k = i;

	/* most lines of news have a digit: found sixteen (or eight) bytes
	 * at a time, where next_candidate() walks word by word */
#if defined(SCAN_SSE2)
	for (; k + 16 <= n; k += 16)
		if (sse_bits(sse_digits(
			_mm_loadu_si128((const __m128i *)(s + k)))) != 0)
			return 1;
#endif
#if defined(SCAN_SWAR)
	for (; k + 8 <= n; k += 8)
		if (swar_digits(swar_load(s + k)) != 0)
			return 1;
#endif
	for (; k < n; k++)
		if (is_digit(s[k]))
			return 1;
	return next_candidate(str, n, i) < n;
}

/* The right single quote (’) at s[i]. */
static int
is_rsquo(const unsigned char *s, size_t n, size_t i)
{
	return i + 2 < n + 0 && s[i] == 0xe2 && s[i + 1] == 0x80 &&
	    s[i + 2] == 0x99;
}

/* Length of an apostrophe at i: 1 ('), 3 (’) or 0. */
static size_t
apostrophe(const unsigned char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '\'')
		return 1;
	if (i + 2 < n && is_rsquo(s, n, i))
		return 3;
	return 0;
}

/* The class mask and modifier value of a looked-up word. */
static void
tok_classes(struct tok *t)
{
	t->cmask = t->lex->mask;
	t->mod = t->lex->mod;
}

/* The end of the run of ASCII letters from s[e]. */
static inline size_t
letters_end(const unsigned char *s, size_t n, size_t e)
{
#if defined(SCAN_SSE2)
	/* sixteen bytes at a time: most words end within the first load */
	while (e + 16 <= n) {
		unsigned m = ~(unsigned)_mm_movemask_epi8(sse_letters(
				 _mm_loadu_si128((const __m128i *)(s + e)))) &
		    0xffffu;

		if (m != 0)
			return e + lowest_bit(m);
		e += 16;
	}
#endif
#if defined(SCAN_SWAR)
	/* eight letters at a time: most words end within the first word */
	while (e + 8 <= n) {
		uint64_t m = ~swar_letters(swar_load(s + e)) & SWAR_HIGH;

		if (m != 0)
			return e + swar_first(m);
		e += 8;
	}
#endif
	while (e < n && (unsigned)((s[e] | 0x20) - 'a') < 26u)
		e++;
	return e;
}

/*
 * Whether a word of months.words is the month's name in full: the
 * longest spelling of its number ("june" 6, not "jun"), so its dot is a
 * full stop ("since July.") where an abbreviation's is its own ("Jan.").
 */
static int
month_in_full(int month, size_t len)
{
	/* January to December: 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8 letters */
	static const unsigned char full_len[13] = {
	    0, 7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};

	return month >= 1 && month <= 12 && len == full_len[month];
}

/*
 * The common word: letters, then a space or punctuation other than '.',
 * an apostrophe or a digit ("said", "Tuesday,"), fifteen letters at most.
 * Returns 0 for the others ("a.m.", "Jan.", "Q3", "o'clock", "Monday's"),
 * which word_token() reads, and leaves *t alone then.  A word that may be
 * a trigger (or "am", "pm", which head "three am": lexicon.c marks them
 * so) is looked up at once (main.c's loop needs t->trig); one that may be
 * another lexicon word is left lazy: the parser asks for a few.
 */
static inline int
word_fast(struct tok *t, const unsigned char *s, size_t n, size_t i, int sp,
    size_t *next)
{
	/* the first three letters of a word of one, two, three or more */
	static const uint32_t first3[16] = {0, 0xff, 0xffff, 0xffffff, 0xffffff,
	    0xffffff, 0xffffff, 0xffffff, 0xffffff, 0xffffff, 0xffffff,
	    0xffffff, 0xffffff, 0xffffff, 0xffffff, 0xffffff};
	size_t e = letters_end(s, n, i + 1), klen = e - i;
	unsigned c = e < n ? s[e] : ' ';
	uint32_t bits, v;

	if ((byte_kind[c] & B_WORD_GOES_ON) || klen > 15)
		return 0;
#if defined(SCAN_SWAR)
	/* its first three letters, zero past its end, byte k at bits 8k:
	 * in one load when four bytes are there (little-endian) */
	if (n - i >= 4) {
		memcpy(&v, s + i, 4);
		v &= first3[klen];
	} else
#endif
	{
		v = s[i] | (uint32_t)(klen > 1 ? s[i + 1] : 0) << 8 |
		    (uint32_t)(klen > 2 ? s[i + 2] : 0) << 16;
	}
	/* as lex_prefix_bits(), but a letter's low five bits are its number
	 * (A and a: 1): one load less in the chain */
	bits =
	    lex_pre3[lex_pre2[(v & 31u) << 5 | (v >> 8 & 31u)]][v >> 16 & 31u];
	*t = (struct tok){0};
	t->beg = i;
	t->end = e;
	t->type = T_WORD;
	t->ndig = (uint8_t)klen;
	/* AM, WASHINGTON: two capitals.  A capital is a letter with bit 5
	 * clear: TF_CAP (0x01) is that bit of the first letter turned over
	 * and moved down from bit 5, TF_UPPER (0x20) the second letter's
	 * from bit 13 (when there is a second letter); computed without a
	 * branch, as capitals come at random to the branch predictor */
	t->flags = (uint8_t)((unsigned)sp * TF_SP | (~v >> 5 & TF_CAP) |
	    (~v >> 8 & TF_UPPER & -(uint32_t)(klen > 1)));
	*next = e;
	if (!(bits >> (LEX_TRIGGER_SHIFT + klen) & 1)) {
		t->lazy = (uint8_t)((bits >> klen & 1) *
		    (n - i >= 16 ? LAZY_WIDE : 1));
		return 1;
	}
	t->lex = lex_find_at((const char *)s, n, i, klen);
	if (t->lex != NULL) {
		t->cls = t->lex->e[0].cls;
		t->val = t->lex->e[0].val;
		tok_classes(t);
		t->trig = t->lex->trig;
	}
	return 1;
}

static void
word_token(
    struct tok *t, const unsigned char *s, size_t n, size_t i, size_t *next)
{
	size_t e, a, klen;
	char key[16];
	const struct lexent *le;

	unsigned c;

	e = letters_end(s, n, i + 1);
	t->type = T_WORD;
	if (s[i] < 'a')
		t->flags |= TF_CAP;
	if (e - i > 1 && s[i + 1] < 'a')
		t->flags |= TF_UPPER; /* AM, WASHINGTON: two capitals */
	/* the common case: a plain word, space or punctuation after it */
	c = e < n ? s[e] : ' ';
	klen = e - i;
	if (c != '.' && c != '\'' && c != 0xe2 && !is_digit((int)c) &&
	    klen < sizeof(key)) {
		t->ndig = (uint8_t)klen;
		if (lex_maybe_trigger(s + i, klen)) {
			t->lazy = 1;
			tok_lookup((const char *)s, t);
		} else {
			t->lazy = lex_maybe_word(s + i, klen);
		}
		t->ndig = (uint8_t)klen;
		t->end = e;
		*next = e;
		return;
	}
	/* "a.m.", "p.m." */
	if (e == i + 1 && (lower(s[i]) == 'a' || lower(s[i]) == 'p') &&
	    e + 1 < n && s[e] == '.' && lower(s[e + 1]) == 'm' &&
	    (e + 2 == n || !is_alpha(s[e + 2]))) {
		t->cls = L_MODIFIERS;
		t->val = lower(s[i]) == 'a' ? M_AM : M_PM;
		t->mod = (uint8_t)t->val;
		t->cmask = 1u << L_MODIFIERS;
		e += 2;
		if (e < n && s[e] == '.')
			e++;
		t->end = e;
		t->ndig = 2;
		*next = e;
		return;
	}
	/* "Q3", "H1", "FY2025", "CY2020" */
	if (e - i <= 2 && e < n && is_digit(s[e])) {
		size_t d;
		long v = 0;

		for (d = e; d < n && is_digit(s[d]) && d - e < 5; d++)
			v = v * 10 + (s[d] - '0');
		if (d == n || !(is_alpha(s[d]) || is_digit(s[d]))) {
			t->type = T_TAG;
			t->tag[0] = (char)lower(s[i]);
			t->tag[1] = e - i > 1 ? (char)lower(s[i + 1]) : '\0';
			t->tag[2] = '\0';
			t->val = (int32_t)v;
			t->ndig = (uint8_t)(d - e);
			t->end = d;
			*next = d;
			return;
		}
	}
	/* o'clock; a possessive 's */
	klen = e - i;
	if ((a = apostrophe(s, n, e)) != 0 && e + a < n && is_alpha(s[e + a])) {
		size_t f;

		for (f = e + a; f < n && is_alpha(s[f]); f++)
			continue;
		if (f - (e + a) == 1 && lower(s[e + a]) == 's') {
			t->flags |= TF_POSS;
			e = f;
		} else if (klen == 1 && lower(s[i]) == 'o') {
			klen = 0; /* o'clock: look up below */
			e = f;
		}
	}
	if (klen == 0) {
		t->cls = L_MODIFIERS;
		t->val = M_OCLOCK;
		t->mod = M_OCLOCK;
		t->cmask = 1u << L_MODIFIERS;
	} else if (klen < sizeof(key) && !lex_maybe_trigger(s + i, klen)) {
		/* no head: looked up only if the parser asks (most words
		 * of a line never are) */
		t->lazy = lex_maybe_word(s + i, klen);
	} else if (klen < sizeof(key)) {
		memcpy(key, s + i, klen);
		t->lex = lex_find(key, klen);
		if (t->lex != NULL && (le = &t->lex->e[0]) != NULL) {
			t->cls = le->cls;
			t->val = le->val;
			tok_classes(t);
			/* Jan., Tues., Sept.; not the stop after a name in
			 * full ("since July.") */
			if ((le->cls == L_MONTHS || le->cls == L_WEEKDAYS) &&
			    klen <= 5 && e == i + klen && e < n &&
			    s[e] == '.' &&
			    !(le->cls == L_MONTHS &&
				month_in_full(le->val, klen))) {
				t->flags |= TF_DOT;
				e++;
			}
		}
	}
	t->ndig = (uint8_t)(klen > 255 ? 255 : klen);
	t->end = e;
	*next = e;
}

void
tok_lookup(const char *s, struct tok *t)
{
	if (!t->lazy)
		return;
	/* LAZY_WIDE: sixteen bytes of the line from the word on, read as
	 * two integers by lex_find_at() */
	t->lex = t->lazy == LAZY_WIDE
	    ? lex_find_at(s, t->beg + 16, t->beg, t->ndig)
	    : lex_find(s + t->beg, t->ndig);
	t->lazy = 0;
	if (t->lex != NULL) {
		t->cls = t->lex->e[0].cls;
		t->val = t->lex->e[0].val;
		tok_classes(t);
	}
}

static void
number_token(
    struct tok *t, const unsigned char *s, size_t n, size_t i, size_t *next)
{
	size_t e;
	long v = 0;

	t->type = T_NUM;
	for (e = i; e < n && is_digit(s[e]); e++)
		if (v < 100000000)
			v = v * 10 + (s[e] - '0');
	t->ndig = (uint8_t)(e - i > 255 ? 255 : e - i);
	/* 2,024 and 1,000,000: a count, never a date */
	while (e + 3 < n + 0 && s[e] == ',' && is_digit(s[e + 1]) &&
	    is_digit(s[e + 2]) && is_digit(s[e + 3]) &&
	    (e + 4 == n || !is_digit(s[e + 4])) && e - i <= 3) {
		t->flags |= TF_COMMA;
		e += 4;
		while (e + 3 < n && s[e] == ',' && is_digit(s[e + 1]) &&
		    is_digit(s[e + 2]) && is_digit(s[e + 3]))
			e += 4;
		v = 99999999;
	}
	if (e + 1 < n && is_alpha(s[e])) {
		int a = lower(s[e]), b = lower(s[e + 1]);
		int after = e + 2 < n ? s[e + 2] : ' ';

		if (!is_alpha(after) &&
		    ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
			(a == 'r' && b == 'd') || (a == 't' && b == 'h'))) {
			t->flags |= TF_ORD;
			e += 2;
		}
	}
	if (e < n && lower(s[e]) == 's' &&
	    (e + 1 == n || !is_alpha(s[e + 1])) && t->ndig >= 2) {
		t->flags |= TF_S;
		e++;
	} else if (t->ndig >= 2 && apostrophe(s, n, e) &&
	    e + apostrophe(s, n, e) < n && s[e + apostrophe(s, n, e)] == 's' &&
	    (e + apostrophe(s, n, e) + 1 == n ||
		!is_alpha(s[e + apostrophe(s, n, e) + 1]))) {
		t->flags |= TF_S; /* 1990's */
		e += apostrophe(s, n, e) + 1;
	}
	t->val = (int32_t)v;
	t->end = e;
	*next = e;
}

static void
mark_trigger(struct window *w, int k)
{
	w->trigs[k >> 6] |= (uint64_t)1 << (k & 63);
}

int
window_next_trigger(const struct window *w, int h)
{
	int k;

	for (k = h >> 6; k < (int)(sizeof(w->trigs) / sizeof(w->trigs[0]));
	     k++) {
		uint64_t m = w->trigs[k];

		if (k == h >> 6)
			m &= ~(uint64_t)0 << (h & 63);
		if (m != 0) {
			h = k * 64 + (int)lowest_bit(m);
			return h < w->nt ? h : w->nt;
		}
	}
	return w->nt;
}

/* Append tokens from w->pos until the window is full or the line ends. */
static void
fill(struct window *w)
{
	const unsigned char *s = (const unsigned char *)w->s;
	size_t n = w->n, i = w->pos, next;
	int sp = w->sp;

	while (i < n && w->nt < WIN_TOKS) {
		unsigned c = s[i], kind = byte_kind[c] & B_KIND;
		struct tok *t;

		if (kind == B_ALPHA) {
			/* the commonest tokens: plain words, most often one
			 * space apart, taken here one after the other; the
			 * others (word_fast() 0) go on below */
			int plain, nt = w->nt;

			while ((plain = word_fast(
				    &w->t[nt], s, n, i, sp, &next)) != 0) {
				if (w->t[nt].trig)
					mark_trigger(w, nt);
				nt++;
				/* not the space after the window's last
				 * token: w->pos must stay before it, where
				 * main.c reads that the line goes on */
				sp =
				    next < n && s[next] == ' ' && nt < WIN_TOKS;
				i = next + (size_t)sp;
				if (!sp || i >= n || !is_alpha(s[i]))
					break;
			}
			w->nt = nt;
			if (plain)
				continue;
		}
		if (kind == B_SPACE) {
			sp = 1;
			i++;
			continue;
		}
		if (c == 0xc2 && i + 1 < n && s[i + 1] == 0xa0) {
			sp = 1; /* no-break space */
			i += 2;
			continue;
		}
		t = &w->t[w->nt];
		*t = (struct tok){0};
		t->beg = i;
		t->flags = sp ? TF_SP : 0;
		sp = 0;
		if (kind == B_ALPHA) {
			word_token(t, s, n, i, &next);
			/* am, pm, o'clock: heads of "three am", "seven
			 * o'clock", where the number is a word */
			if (t->ndig == 2 && t->lazy &&
			    (s[i + 1] | 0x20) == 'm' &&
			    ((s[i] | 0x20) == 'a' || (s[i] | 0x20) == 'p'))
				tok_lookup(w->s, t);
			if (t->mod == M_AM || t->mod == M_PM ||
			    t->mod == M_OCLOCK) {
				t->trig = 1;
			} else if (t->type == T_TAG) {
				t->trig = 1;
			} else if (t->lex != NULL) {
				t->trig = t->lex->trig;
			}
		} else if (kind == B_DIGIT) {
			number_token(t, s, n, i, &next);
			t->trig = 1;
		} else {
			t->type = T_PUNCT;
			next = i + 1;
			if (c < 0x80) {
				t->ch = (char)c;
			} else if (c == 0xe2 && i + 2 < n && s[i + 1] == 0x80 &&
			    s[i + 2] >= 0x90 && s[i + 2] <= 0x95) {
				t->ch = '-'; /* hyphens and dashes */
				next = i + 3;
			} else if (is_rsquo(s, n, i)) {
				t->ch = '\'';
				next = i + 3;
			} else {
				t->ch = '?';
				while (next < n && (s[next] & 0xc0) == 0x80)
					next++;
			}
			t->end = next;
		}
		if (t->trig)
			mark_trigger(w, w->nt);
		w->nt++;
		i = next;
	}
	w->pos = i;
	w->sp = sp;
}

void
tokenize(struct window *w, const char *str, size_t n, size_t from, size_t at)
{
	int k;

	w->s = str;
	w->n = n;
	w->t = w->buf;
	w->nt = 0;
	memset(w->trigs, 0, sizeof(w->trigs));
	w->pos = from;
	w->sp = 0;
	w->head = -1;
	fill(w);
	for (k = 0; k < w->nt; k++)
		if (w->t[k].end > at) {
			w->head = k;
			break;
		}
}

/* The trigger bits of the tokens from index keep on, moved to 0. */
static void
shift_triggers(struct window *w, int keep)
{
	const int nw = (int)(sizeof(w->trigs) / sizeof(w->trigs[0]));
	int k, q = keep >> 6, r = keep & 63;

	for (k = 0; k < nw; k++) {
		uint64_t lo = k + q < nw ? w->trigs[k + q] : 0;
		uint64_t hi = k + q + 1 < nw ? w->trigs[k + q + 1] : 0;

		w->trigs[k] = r == 0 ? lo : lo >> r | hi << (64 - r);
	}
}

int
window_slide(struct window *w, int keep)
{
	if (keep <= 0)
		return 0;
	if (keep > w->nt)
		keep = w->nt;
	memmove(w->t, w->t + keep, (size_t)(w->nt - keep) * sizeof(w->t[0]));
	w->nt -= keep;
	shift_triggers(w, keep);
	fill(w);
	return keep;
}

int
window_more(const struct window *w)
{
	/* a window stops filling after its last token */
	return w->pos < w->n;
}
