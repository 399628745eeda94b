/*
 * marks.c - the quotation scan and the tokenizer: the only code the
 * reading thread may run (lib/readahead.c; paragraph.c's ahead_*()
 * hooks), so everything it writes is per thread (THREAD_LOCAL) or in the
 * arguments it is given.
 *
 * scan_para() finds a paragraph's quotations (spans) from its quotation
 * marks, given the quotation held open from the paragraphs before
 * (struct held_shape); shape_after() says what it holds open after.
 * tokenize_spans() cuts the text outside the quotations into word and
 * punctuation tokens, with one T_QUOTE token standing for each quotation:
 * the attribution rules (attribute.c) read these tokens.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract-quotes.h"
#include "scan.h"
#include "utf8.h"
#include "xalloc.h"

THREAD_LOCAL struct span *spans;

THREAD_LOCAL size_t nspans, spans_cap;

/* Room for n spans in all. */
void
spans_reserve(size_t n)
{
	spans = xgrowarray(spans, &spans_cap, n, sizeof(*spans), 16);
}

static struct span *
span_new(size_t ob, size_t cb)
{
	struct span *s;

	spans_reserve(nspans + 1);
	s = &spans[nspans++];
	memset(s, 0, sizeof(*s));
	s->ob = ob;
	s->cb = cb;
	return s;
}

/* 1 if another straight double quote (or two apostrophes) follows i. */
static int
straight_follows(const char *p, size_t n, size_t i)
{
	const char *q = memchr(p + i, '"', n - i);
	size_t k;

	if (q != NULL)
		return 1;
	for (k = i; k + 1 < n; k++)
		if (p[k] == '\'' && p[k + 1] == '\'')
			return 1;
	return 0;
}

/* 1 if the word that ends at byte j (after i) is an elided word that
 * opened with an apostrophe: the second mark of rock 'n' roll. */
static int
elided_before(const char *p, size_t i, size_t j)
{
	size_t b = j;

	while (b > i && (ascii_class[(unsigned char)p[b - 1] & 0x7f] & 1) &&
	    (unsigned char)p[b - 1] < 0x80)
		b--;
	if (b == j || b == i || j - b > 6)
		return 0;
	if (p[b - 1] != '\'' &&
	    !(b >= i + 3 && memcmp(p + b - 3, "\xe2\x80\x99", 3) == 0))
		return 0;
	return (lex_lookup(p + b, j - b) & LX_ELIDED) != 0;
}

/* What a right single quote or apostrophe at j is to a single quotation
 * whose text starts at i (closer_kind()). */
enum { CLOSES_NOT, CLOSES = 1, CLOSES_LAST = 2 };

/*
 * The mark c (' or U+2019) at j: no closer (a letter after it, a space
 * before it, an elided word: rock 'n' roll), a closer (after punctuation
 * or before it), or a last resort (between an "s" and a space: the
 * students' union).  i matters only when j < i + CLOSER_NEAR: the elided
 * word is looked for back to i.
 */
#define CLOSER_NEAR 10

static int
closer_kind(const char *p, size_t n, size_t i, size_t j, uint32_t c)
{
	uint32_t prev = char_before(p, j), next;
	size_t w;

	next = char_at(p, n, j + (c == '\'' ? 1 : 3), &w);
	if (is_space(prev) || is_alnum(next) || elided_before(p, i, j))
		return CLOSES_NOT;
	if (!is_alnum(prev) || !is_space(next) || (prev != 's' && prev != 'S'))
		return CLOSES;
	return CLOSES_LAST;
}

/*
 * What closer_next() found in the paragraph being scanned, for each kind
 * (bit kind of valid): none in [from[kind], at[kind]), and at[kind] one,
 * or n.  scan_para() forgets it.
 */
static THREAD_LOCAL struct {
	int valid;
	size_t from[3], at[3];
} closer_memo;

/*
 * The first mark at or after from that is of the kind (CLOSES or
 * CLOSES_LAST) to any quotation that starts CLOSER_NEAR bytes or more
 * before from, or n.  The answer holds for every later opening mark up
 * to it, so a line of "'a 'a 'a ..." is read once, not once a mark.
 */
static size_t
closer_next(const char *p, size_t n, size_t from, int kind)
{
	size_t j, w;
	uint32_t c;

	if ((closer_memo.valid & kind) && closer_memo.from[kind] <= from &&
	    from <= closer_memo.at[kind])
		return closer_memo.at[kind];
	for (j = from; j < n; j += w) {
		c = char_at(p, n, j, &w);
		if (c != '\'' && c != 0x2019)
			continue;
		if (closer_kind(p, n, 0, j, c) == kind)
			break;
		w = c == '\'' ? 1 : 3;
	}
	closer_memo.valid |= kind;
	closer_memo.from[kind] = from;
	closer_memo.at[kind] = j < n ? j : n;
	return closer_memo.at[kind];
}

/*
 * Find the mark that closes a single quotation whose text starts at i:
 * the first closer, else the first last resort (closer_kind()).  The
 * marks near i are judged here, the rest through closer_next().  Returns
 * the offset, or n.
 */
static size_t
single_closer(const char *p, size_t n, size_t i)
{
	size_t j, j0, w, near = n - i > CLOSER_NEAR ? i + CLOSER_NEAR : n;
	size_t last = n;
	uint32_t c;
	int k;

	for (j = i; j < near; j += w) {
		c = char_at(p, n, j, &w);
		if (c != '\'' && c != 0x2019)
			continue;
		k = closer_kind(p, n, i, j, c);
		if (k == CLOSES)
			return j;
		if (k == CLOSES_LAST && last == n)
			last = j;
		w = c == '\'' ? 1 : 3;
	}
	if (j >= n)
		return last;
	j0 = closer_next(p, n, j, CLOSES);
	if (j0 < n)
		return j0;
	return last < n ? last : closer_next(p, n, j, CLOSES_LAST);
}

/*
 * 1 if what follows an opening single mark at i cannot open a quotation:
 * no letter ("the '90s"), or an elided word ('tis, 'em, rock 'n' roll).
 * "‘’Twas ever thus" opens one, with the apostrophe inside.
 */
static int
elided(const char *p, size_t n, size_t i)
{
	size_t w, e;
	uint32_t c = char_at(p, n, i, &w);

	if (c == 0x2019 || c == '\'') {
		i += w;
		c = char_at(p, n, i, &w);
		return !is_letter(c);
	}
	if (!is_letter(c))
		return 1;
	for (e = i; e < n && e < i + 8 && is_letter((unsigned char)p[e]); e++)
		;
	return (e == n || !is_letter((unsigned char)p[e])) &&
	    (lex_lookup(p + i, e - i) & LX_ELIDED);
}

/* Count the letters of p[b..e), stopping at 2. */
static int
two_letters(const char *p, size_t b, size_t e)
{
	size_t w;
	int k = 0;

	while (b < e && k < 2) {
		if (is_letter(char_at(p, e, b, &w)))
			k++;
		b += w;
	}
	return k >= 2;
}

/* 1 if the mark at i follows feet and inches written with curly marks:
 * 6’2” (a digit, a right single quote or apostrophe, digits). */
static int
feet_inches(const char *p, size_t i)
{
	size_t j = i;

	while (j > 0 && p[j - 1] >= '0' && p[j - 1] <= '9')
		j--;
	if (j == i || j == 0)
		return 0;
	if (p[j - 1] == '\'')
		return j >= 2 && p[j - 2] >= '0' && p[j - 2] <= '9';
	return j >= 4 && memcmp(p + j - 3, "\xe2\x80\x99", 3) == 0 &&
	    p[j - 4] >= '0' && p[j - 4] <= '9';
}

/*
 * The first byte at or after i that may start a quotation mark (see
 * mark_byte), or n.  Most text has none for dozens of bytes: eight bytes
 * are tested at a time for a quote or apostrophe byte or one of 0x80 or
 * more, and only such a byte is looked up.
 */
static size_t
next_mark_byte(const char *p, size_t n, size_t i)
{
#if defined(SCAN_SSE2)
	/* Sixteen bytes at a time: a mask of the quote, apostrophe and
	 * high bytes; each is looked up in turn. */
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const void *)(p + i));
		unsigned hit = sse_bits(_mm_or_si128(
		    v, _mm_or_si128(sse_eq(v, '"'), sse_eq(v, '\''))));

		while (hit != 0) {
			size_t k = i + (size_t)lowest_bit(hit);

			if (mark_byte[(unsigned char)p[k]])
				return k;
			hit &= hit - 1;
		}
		i += 16;
	}
#endif
#if defined(SCAN_SWAR)
	while (i + 8 <= n) {
		uint64_t v = swar_load(p + i), hit;

		hit = swar_range(v, '"', '"') | swar_range(v, '\'', '\'') |
		    swar_high(v);
		if (hit == 0) {
			i += 8;
			continue;
		}
		i += swar_first(hit);
		if (mark_byte[(unsigned char)p[i]])
			return i;
		i++;
	}
#endif
	while (i < n && !mark_byte[(unsigned char)p[i]])
		i++;
	return i;
}

/*
 * Scan the paragraph p[0..n) from offset i for quotations, adding spans;
 * *oq says what is open on entry and is updated for the exit.
 */
static void
scan_quotes(const char *p, size_t n, size_t i, struct openq *oq)
{
	struct span *cur =
	    nspans > 0 && oq->what != 0 ? &spans[nspans - 1] : NULL;
	size_t w, j;
	uint32_t c, prev, next;
	enum quote_mark m;

	while (i < n) {
		i = next_mark_byte(p, n, i);
		if (i >= n)
			break;
		c = char_at(p, n, i, &w);
		if (c == '\'' && i + 1 < n && p[i + 1] == '\'') {
			m = QM_DOUBLE_AMBIG;
			w = 2;
		} else {
			m = uc_quote_mark(c);
		}
		if (m == QM_NONE) {
			i += w;
			continue;
		}
		prev = char_before(p, i);
		next = char_at(p, n, i + w, &j);
		if (oq->what == 0) {
			switch (m) {
			case QM_DOUBLE_OPEN:
				oq->what = 1;
				oq->nclosers = uc_quote_closers(c, oq->closers);
				oq->depth = 1;
				cur = span_new(i, i + w);
				break;
			case QM_DOUBLE_AMBIG:
				if (!opens_after(prev) || is_space(next) ||
				    i + w >= n)
					break;
				oq->what = 1;
				oq->nclosers = 0;
				oq->depth = 1;
				cur = span_new(i, i + w);
				break;
			case QM_SINGLE_OPEN:
			case QM_SINGLE_AMBIG:
				if ((c != 0x2018 && c != 0x201B && c != '\'') ||
				    !opens_after(prev) || elided(p, n, i + w))
					break;
				j = single_closer(p, n, i + w);
				if (j < n) {
					if (!two_letters(p, i + w, j))
						break;
					cur = span_new(i, i + w);
					cur->single = 1;
					cur->closed = 1;
					cur->ce = j;
					cur->end = j + (p[j] == '\'' ? 1 : 3);
					i = cur->end;
					cur = NULL;
					continue;
				}
				if (c != 0x2018)
					break;
				/* A curly opening quote left open may go on
				 * in the next paragraph. */
				cur = span_new(i, i + w);
				cur->single = 1;
				oq->what = 2;
				oq->depth = 1;
				i = n;
				continue;
			default:
				break;
			}
			i += w;
			continue;
		}
		if (oq->what == 2) {
			i += w;
			continue;
		}
		switch (m) {
		case QM_DOUBLE_OPEN:
			if ((oq->nclosers > 0 && c == oq->closers[0]) ||
			    (oq->nclosers > 1 && c == oq->closers[1]))
				oq->depth--;
			else
				oq->depth++;
			break;
		case QM_DOUBLE_CLOSE:
			if (feet_inches(p, i) &&
			    memchr(p + i + w, 0xe2, n - i - w) != NULL)
				break; /* 6’2”, and the quotation goes on */
			oq->depth--;
			break;
		case QM_DOUBLE_AMBIG:
			if (opens_after(prev) && is_alnum(next) &&
			    !is_alnum(prev))
				oq->depth++;
			else if (prev >= '0' && prev <= '9' &&
			    (oq->nclosers > 0 || straight_follows(p, n, i + w)))
				break; /* an inch mark: 5'11" */
			else
				oq->depth--;
			break;
		default:
			break;
		}
		if (oq->depth <= 0 && cur != NULL) {
			cur->ce = i;
			cur->end = i + w;
			cur->closed = 1;
			cur = NULL;
			oq->what = 0;
		}
		i += w;
	}
	if (cur != NULL) {
		cur->ce = n;
		cur->end = n;
	}
}

THREAD_LOCAL struct tok *toks;

THREAD_LOCAL size_t ntoks, toks_cap;

THREAD_LOCAL const char *para; /* the paragraph being looked at */

/*
 * The tokens made ahead on the reading thread are lent to toks, not
 * copied; the thread's own array waits in toks_mine meanwhile.
 */
static THREAD_LOCAL struct tok *toks_mine;

static THREAD_LOCAL size_t toks_mine_cap;

static THREAD_LOCAL int toks_lent;

void
toks_lend(struct tok *v, size_t n)
{
	if (!toks_lent) {
		toks_mine = toks;
		toks_mine_cap = toks_cap;
		toks_lent = 1;
	}
	toks = v;
	ntoks = toks_cap = n;
}

/* The thread's own array back in toks, empty. */
void
toks_unlend(void)
{
	if (!toks_lent)
		return;
	toks = toks_mine;
	toks_cap = toks_mine_cap;
	toks_lent = 0;
	ntoks = 0;
}

static void
toks_grow(void)
{
	if (toks_lent) {
		/* Lent tokens are only read; should one be added, they are
		 * copied to the thread's own array first. */
		struct tok *v = toks;
		size_t n = ntoks;

		toks_unlend();
		while (toks_cap < n)
			toks_grow();
		memcpy(toks, v, n * sizeof(*toks));
		ntoks = n;
		return;
	}
	toks = xgrowarray(toks, &toks_cap, toks_cap + 1, sizeof(*toks), 256);
}

/* Token t (a slot in toks) set to a new token. */
static inline struct tok *
tok_set(struct tok *t, unsigned type, size_t beg, size_t end)
{
	t->beg = beg;
	t->end = end;
	t->type = (unsigned short)type;
	t->flags = 0;
	return t;
}

/* Room for n more tokens. */
static inline void
toks_reserve(size_t n)
{
	while (toks_cap - ntoks < n)
		toks_grow();
}

static inline struct tok *
tok_new(unsigned type, size_t beg, size_t end)
{
	toks_reserve(1);
	return tok_set(&toks[ntoks++], type, beg, end);
}

/* The length of the name s[0..n) without a final possessive 's or
 * U+2019 s ("Trump's" is Trump). */
size_t
without_possessive(const char *s, size_t n)
{
	if (n > 2 && s[n - 1] == 's' && s[n - 2] == '\'')
		return n - 2;
	if (n > 4 && s[n - 1] == 's' &&
	    memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0)
		return n - 4;
	return n;
}

/* A word that ends in 's or ’s. */
int
possessive(size_t i)
{
	const struct tok *t = &toks[i];
	size_t n = t->end - t->beg;

	return t->type == T_WORD && without_possessive(para + t->beg, n) < n;
}

/* A speech verb written in lower case, not a noun after a possessive
 * ("Ginsburg's comments", "his remarks"). */
int
tok_verb(size_t i)
{
	if (!tok_lower(i) || !(tok_lex(i) & LX_VERB))
		return 0;
	if (i == 0 || toks[i - 1].type != T_WORD)
		return 1;
	if (possessive(i - 1))
		return 0;
	return !tok_is(i - 1, "his") && !tok_is(i - 1, "her") &&
	    !tok_is(i - 1, "their") && !tok_is(i - 1, "its") &&
	    !tok_is(i - 1, "the") && !tok_is(i - 1, "a");
}

/*
 * Cut p[from..to) into word and punctuation tokens.  A word holds letters
 * and digits joined by apostrophes, hyphens and inner full stops (U.S.,
 * 2.15); a final full stop stays on an abbreviation or an initial.
 */
void
tokenize(const char *p, size_t from, size_t to)
{
	size_t i = from, w, b, w2, nt;
	uint32_t c, d;
	struct tok *tk, *t;
	unsigned ended; /* the space or comma found to end a word */

	/* Every token takes at least one byte: room made once, not checked
	 * per token.  The array and the count are kept in locals, which a
	 * store through t cannot change, and put back at the end. */
	if (to > from)
		toks_reserve(to - from);
	tk = toks;
	nt = ntoks;
	while (i < to) {
		unsigned char x = (unsigned char)p[i];

		if (x < 0x80) {
			if (ascii_class[x] & 4) {
				i++;
				continue;
			}
			if (!(ascii_class[x] & 3)) {
				t = tok_set(&tk[nt++], T_PUNCT, i, i + 1);
				t->ch = x;
				if ((x == '.' || x == '!' || x == '?') &&
				    (i + 1 >= to ||
					is_space(char_at(p, to, i + 1, &w2))))
					t->flags |= TF_SEND;
				i++;
				/* the space that usually follows */
				if (i < to && p[i] == ' ')
					i++;
				continue;
			}
			/* an ASCII letter or digit: no decoding */
			c = x;
			w = 1;
		} else {
			c = char_at(p, to, i, &w);
			if (is_space(c)) {
				i += w;
				continue;
			}
			if (!is_alnum(c)) {
				t = tok_set(&tk[nt++], T_PUNCT, i, i + w);
				t->ch = c;
				if ((c == '.' || c == '!' || c == '?') &&
				    is_space(char_at(p, to, i + w, &w2)))
					t->flags |= TF_SEND;
				i += w;
				continue;
			}
		}
		b = i;
		ended = 0;
		t = tok_set(&tk[nt++], T_WORD, b, b);
		if (c >= '0' && c <= '9')
			t->flags |= TF_DIGIT;
		else if (is_upper(c))
			t->flags |= TF_CAP;
		i += w;
#if defined(SCAN_SWAR)
		/*
		 * Eight bytes at a time while they are all ASCII letters or
		 * digits: one branch a word, not one a byte.  The first byte
		 * that is not ends the word; it is taken from v: a space or a
		 * comma, the usual ends, end the word without reading it
		 * again.
		 */
		while (i + 8 <= to) {
			uint64_t v = swar_load(p + i), stop;
			unsigned k, y;

			stop = swar_first_not_alnum(v);
			if (stop == 0) {
				i += 8;
				continue;
			}
			k = (unsigned)swar_first(stop);
			i += k;
			y = (unsigned)(v >> 8 * k) & 0xff;
			if (y == ' ' || y == ',')
				ended = y;
			break;
		}
#endif
		while (!ended && i < to) {
			unsigned char y = (unsigned char)p[i];

			if (word_byte[y]) {
				i++;
				continue;
			}
			if (y == ' ' || y == ',')
				break;
			if (y >= 0xc3 && y <= 0xc8 && i + 1 < to &&
			    ((unsigned char)p[i + 1] & 0xc0) == 0x80 &&
			    !(y == 0xc3 &&
				((unsigned char)p[i + 1] == 0x97 ||
				    (unsigned char)p[i + 1] == 0xb7))) {
				/* a Latin letter of U+00C0-U+023F (not the
				 * times and division signs): accented names */
				i += 2;
				continue;
			}
			c = char_at(p, to, i, &w);
			if (is_alnum(c)) {
				i += w;
				continue;
			}
			if (c == '\'' || c == 0x2019 || c == '-' || c == '.' ||
			    c == 0x2010 || c == '&') {
				d = char_at(p, to, i + w, &w2);
				if (is_alnum(d)) {
					if (c == '\'' || c == 0x2019)
						t->flags |= TF_APOS;
					i += w + w2;
					continue;
				}
				/* Plural possessive: the Florists' guild. */
				if ((c == '\'' || c == 0x2019) &&
				    (p[i - 1] == 's') && is_space(d)) {
					i += w;
					break;
				}
			}
			break;
		}
		t->end = i;
		if (ended != 0) {
			/* not a full stop; a space is skipped as below */
			i += ended == ' ';
			continue;
		}
		if (i < to && p[i] == '.') {
			size_t n = i - b;

			if ((n == 1 && is_upper((unsigned char)p[b])) ||
			    (n <= 6 && (tok_lex(nt - 1) & LX_ABBR)) ||
			    memchr(p + b, '.', n) != NULL) {
				t->end = ++i;
				t->flags &= ~TF_LEXED;
			}
		}
		/* the space that usually follows */
		if (i < to && p[i] == ' ')
			i++;
	}
	ntoks = nt;
}

/* Does the paragraph open with a mark that continues the held quote? */
static size_t
continues(const char *p, size_t n, size_t *w, int what)
{
	size_t i = 0;
	uint32_t c;
	enum quote_mark m;

	while (i < n && is_space(char_at(p, n, i, w)))
		i += *w;
	if (i >= n)
		return n;
	c = char_at(p, n, i, w);
	if (c == '\'' && i + 1 < n && p[i + 1] == '\'') {
		*w = 2;
		return what == 1 ? i : n;
	}
	m = uc_quote_mark(c);
	if (what == 1 && (m == QM_DOUBLE_OPEN || m == QM_DOUBLE_AMBIG))
		return i;
	if (what == 2 && (c == 0x2018 || c == '\''))
		return i;
	return n;
}

/* Tokens of p[w0..w1): the writer's text, one token for each quotation
 * of spans[0 .. nspans). */
void
tokenize_spans(const char *p, size_t w0, size_t w1)
{
	size_t i = w0, x;

	toks_unlend();
	ntoks = 0;
	for (x = 0; x < nspans; x++) {
		tokenize(p, i, spans[x].ob);
		spans[x].tok = ntoks;
		tok_new(T_QUOTE, spans[x].ob, spans[x].end)->q = (uint32_t)x;
		i = spans[x].end;
	}
	tokenize(p, i, w1);
}

/* 1 if the held quotation may take in one more paragraph. */
int
shape_room(const struct held_shape *sh)
{
	return sh->paras < MAX_QUOTE_PARAS && sh->len < MAX_QUOTE_BYTES;
}

/*
 * Scan the paragraph p[0..n) for quotations into spans, the held
 * quotation being as sh says.
 */
void
scan_para(
    const char *p, size_t n, const struct held_shape *sh, struct scanned *sc)
{
	size_t i, w, j;
	struct span *sp;

	nspans = 0;
	closer_memo.valid = 0;
	memset(sc, 0, sizeof(*sc));
	sc->blank = 1;
	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
			sc->blank = 0;
			break;
		}
	if (sc->blank)
		return;
	if (sh->active && shape_room(sh) &&
	    (i = continues(p, n, &w, sh->oq.what)) < n) {
		sc->cont = 1;
		sp = span_new(i, i + w);
		sp->cont = 1;
		sc->oq = sh->oq;
		sc->oq.depth = 1;
		if (sc->oq.what == 2) {
			sp->single = 1;
			j = single_closer(p, n, i + w);
			sp->ce = sp->end = j;
			if (j < n) {
				sp->closed = 1;
				sp->end = j + (p[j] == '\'' ? 1 : 3);
				sc->oq.what = 0;
			}
			scan_quotes(p, n, sp->end, &sc->oq);
		} else {
			scan_quotes(p, n, i + w, &sc->oq);
		}
		return;
	}
	scan_quotes(p, n, 0, &sc->oq);
}

/*
 * The held quotation after the paragraph p whose scan is sc and spans:
 * what pend_finish(), emit_view() and process_line() do to pend.
 */
void
shape_after(struct held_shape *sh, const char *p, const struct scanned *sc)
{
	size_t x;
	const struct span *sp;

	if (sc->blank)
		return;
	if (sh->active && !sc->cont)
		sh->active = 0;
	for (x = 0; x < nspans; x++) {
		sp = &spans[x];
		if (sp->cont) {
			sh->len = pend_len_after(
			    sh->len, p + sp->cb, sp->ce - sp->cb);
			sh->paras++;
			if (sp->closed)
				sh->active = 0;
			continue;
		}
		if (!sp->closed && sc->oq.what != 0 && x + 1 == nspans) {
			sh->active = 1;
			sh->oq = sc->oq;
			sh->len =
			    pend_len_after(0, p + sp->cb, sp->ce - sp->cb);
			sh->paras = 1;
		}
	}
	if (sc->cont && sh->active && sc->oq.what != 0)
		sh->oq = sc->oq;
}
