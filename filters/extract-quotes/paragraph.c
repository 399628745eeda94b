/*
 * paragraph.c - one paragraph through the pipeline, and what goes on
 * between paragraphs.
 *
 * process_line() takes a paragraph (a line): its scan and tokens, made
 * here or ahead on the reading thread (quotes_ahead(): the ahead_*()
 * hooks run marks.c there and lend their tokens), then its attribution
 * (attribute.c) and its records (emit() in main.c).  A quotation left
 * open at the end of a paragraph is held (pend) until a later paragraph
 * closes it; a paragraph without quotations is held too, until the next
 * one shows whether it introduced a quotation ("X said:").  A paragraph
 * over LONG_PARA bytes or MANY_SPANS quotations is read in windows.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "extract-quotes.h"
#include "output.h"
#include "readahead.h"
#include "xalloc.h"

struct pquote *pq;

size_t pq_cap;

struct doc doc;

void
pend_finish(void)
{
	if (!doc.pend.active)
		return;
	emit(doc.pend.line, doc.pend.col, run.pend_text.p, run.pend_text.len,
	    &doc.pend.at, doc.pend.kind);
	doc.pend.active = 0;
	buf_reset(&run.pend_text);
}

/* Set the sentence flags of the quotation tokens. */
static void
mark_quote_ends(void)
{
	size_t i, e, x;
	struct tok *t;
	struct span *sp;
	uint32_t c;

	for (x = 0; x < nspans; x++) {
		/* the quotation tokens, one a span */
		i = spans[x].tok;
		t = &toks[i];
		sp = &spans[x];
		e = sp->ce;
		while (e > sp->cb && is_space(char_before(para, e)))
			e--;
		c = e > sp->cb ? char_before(para, e) : ' ';
		if (c == '.' || c == 0x2026)
			t->flags |= TF_QSTOP;
		else if (c == '?' || c == '!')
			t->flags |= TF_QASK;
		else
			continue;
		if (i + 1 < ntoks &&
		    (tok_lower(i + 1) || tok_punct(i + 1, ',') ||
			tok_punct(i + 1, ';')))
			continue;
		if ((t->flags & TF_QSTOP) || i + 1 == ntoks ||
		    toks[i + 1].type == T_QUOTE || tok_cap(i + 1))
			t->flags |= TF_SEND;
	}
}

/* The paragraph is read in windows (its attributions are not all kept). */
int long_mode;

/* The paragraph ended inside a quotation: the colon rule's speaker. */
static void
note_colon(void)
{
	struct attr a;

	doc.colon_ok = 0;
	if (ntoks == 0 || !tok_punct(ntoks - 1, ':'))
		return;
	attr_clear(&a);
	if (find_before(ntoks, &a)) {
		a.how = A_COLON;
		a.sb = a.se = 0;
		doc.colon_at = a;
		doc.colon_ok = 1;
	}
}

/* The reading thread of the document, when it has one, and the bytes of
 * a document read before it starts (ra_threshold(), once a run). */
static struct readahead *ahead_reader;

size_t ahead_after;

/*
 * Read the held paragraph in full (tokens, names, subjects) with para
 * pointing at it, then point para back at cur, the paragraph being read:
 * the tok_*() helpers read the tokens' bytes through para.
 */
static void
read_held(const char *cur)
{
	if (!doc.held_ok)
		return;
	doc.held_ok = 0;
	para = run.held.p;
	if (doc.held_toks != NULL && ahead_reader != NULL &&
	    ra_valid(ahead_reader, doc.held_seq)) {
		toks_lend(doc.held_toks, doc.held_ntoks);
	} else {
		toks_unlend();
		tokenize(run.held.p, 0, run.held.len);
	}
	tracked = 0;
	reported_ok = 0;
	track_upto(ntoks);
	/* "Howard continued his scathing remarks." and then a paragraph
	 * that is one quotation. */
	if (reported_ok && ntoks > 0 && reported_tok >= sent_start(ntoks - 1)) {
		doc.prev_at = reported;
		doc.prev_ok = 1;
	}
	para = cur;
	toks_unlend();
	ntoks = 0;
}

/* 1 if the paragraph holds nothing but quotations and punctuation. */
int
pure_quotes(void)
{
	size_t i;

	for (i = 0; i < ntoks; i++)
		if (toks[i].type == T_WORD)
			return 0;
	return 1;
}

/* Append the text of span sp to the held quotation. */
/* The bytes of s[0..n) that a held quotation of len bytes takes in, after
 * a space when len > 0: all, or as many as MAX_QUOTE_BYTES leaves room
 * for. */
static size_t
pend_take(size_t len, const char *s, size_t n)
{
	size_t at = len + (len > 0);

	return at + n > MAX_QUOTE_BYTES ? cut_len(s, n, MAX_QUOTE_BYTES - at)
					: n;
}

/* A trailing byte that pend_add() trims: ASCII white space only, since a
 * byte of 0x80 or more is part of a character. */
static int
trailing_space(char b)
{
	return (unsigned char)b < 0x80 && is_space((unsigned char)b);
}

/* The length of a held quotation of len bytes after pend_add() of s[0..n):
 * what the reading thread computes for its held_shape. */
size_t
pend_len_after(size_t len, const char *s, size_t n)
{
	size_t k = pend_take(len, s, n);

	while (k > 0 && trailing_space(s[k - 1]))
		k--;
	return k > 0 ? len + (len > 0) + k : len;
}

static void
pend_add(const struct span *sp)
{
	const char *s = para + sp->cb;
	size_t n = sp->ce - sp->cb;
	size_t take = pend_take(run.pend_text.len, s, n);
	size_t len = pend_len_after(run.pend_text.len, s, n);

	if (run.pend_text.len > 0)
		buf_addc(&run.pend_text, ' ');
	buf_add(&run.pend_text, s, take);
	run.pend_text.len = len; /* its trailing spaces trimmed */
	doc.pend.paras++;
}

static void
tokenize_view(const char *p, size_t w0, size_t w1)
{
	tokenize_spans(p, w0, w1);
	tracked = 0;
}

/*
 * Print the quotations of spans[0 .. nspans), or hold the one that goes
 * on into the next paragraph (last: these are the paragraph's last).
 */
static void
emit_view(
    const char *p, unsigned long long lineno, const struct openq *oq, int last)
{
	size_t x;
	struct span *sp;

	for (x = 0; x < nspans && !run.stop; x++) {
		sp = &spans[x];
		if (sp->cont) {
			/* The held quotation: the attribution found here
			 * counts only when it was found at its close. */
			if (pq[x].at.how == A_AFTER || doc.pend.at.slen == 0)
				doc.pend.at = pq[x].at;
			pend_add(sp);
			doc.pend.kind = K_FULL;
			if (sp->closed)
				pend_finish();
			continue;
		}
		if (!sp->closed && oq->what != 0 && x + 1 == nspans && last) {
			doc.pend.active = 1;
			buf_reset(&run.pend_text);
			doc.pend.paras = 0;
			doc.pend.line = lineno;
			doc.pend.col = sp->ob + 1;
			doc.pend.at = pq[x].at;
			doc.pend.kind = pq[x].kind;
			doc.pend.oq = *oq;
			pend_add(sp);
			continue;
		}
		emit(lineno, sp->ob + 1, p + sp->cb, sp->ce - sp->cb, &pq[x].at,
		    pq[x].kind);
	}
}

/* A very long paragraph with quotations: windows of spans, each read
 * with its context. */
static void
process_long(
    const char *p, size_t n, unsigned long long lineno, const struct openq *oq)
{
	struct span *all = spans;
	size_t nall = nspans, x0 = 0, x1, w0, w1;

	long_mode = 1;
	while (x0 < nall && !run.stop) {
		/* the writer's text before the first quotation of the window
		 * is read again: the speaker of "X said: ..." is there */
		w0 = all[x0].ob > CONTEXT ? all[x0].ob - CONTEXT : 0;
		if (x0 > 0 && w0 < all[x0 - 1].end)
			w0 = all[x0 - 1].end;
		for (x1 = x0 + 1; x1 < nall && all[x1].end - w0 < WINDOW &&
		     x1 - x0 < WINDOW_SPANS;
		     x1++)
			;
		w1 = all[x1 - 1].end + CONTEXT;
		if (w1 > n)
			w1 = n;
		if (x1 < nall && w1 > all[x1].ob)
			w1 = all[x1].ob;
		spans = all + x0;
		nspans = x1 - x0;
		tokenize_view(p, w0, w1);
		mark_quote_ends();
		attribute_all();
		emit_view(p, lineno, oq, x1 == nall);
		x0 = x1;
	}
	spans = all;
	nspans = nall;
}

/* The held quotation of the main thread. */
static void
pend_shape(struct held_shape *sh)
{
	memset(sh, 0, sizeof(*sh));
	sh->active = doc.pend.active;
	sh->oq = doc.pend.oq;
	sh->paras = doc.pend.paras;
	sh->len = run.pend_text.len;
}

/* 1 if a paragraph scans the same after held quotations a and b: both
 * none, or both open the same way with the same room. */
static int
same_scan(const struct held_shape *a, const struct held_shape *b)
{
	if (a->active != b->active)
		return 0;
	return !a->active ||
	    (shape_room(a) == shape_room(b) && a->oq.what == b->oq.what &&
		a->oq.nclosers == b->oq.nclosers &&
		a->oq.closers[0] == b->oq.closers[0] &&
		a->oq.closers[1] == b->oq.closers[1] &&
		a->oq.depth == b->oq.depth);
}

#define AHEAD_SPANS(ah) ((struct span *)(void *)(ah)->spans.p)

#define AHEAD_TOKS(ah) ((struct tok *)(void *)(ah)->toks.p)

/*
 * The tokens of line al of batch ah, NULL when it has none: a batch whose
 * lines have no tokens at all (a line holding only "\v") has no array,
 * and NULL + 0 is undefined (clang's UBSan reports it).
 */
static struct tok *
ahead_toks(const struct ahead *ah, const struct ahead_line *al)
{
	return al->ntoks == 0 ? NULL : AHEAD_TOKS(ah) + al->tok0;
}

/* Append the n items of size sz at src to the array in b; the index of
 * the first. */
static size_t
array_append(struct buf *b, const void *src, size_t n, size_t sz)
{
	size_t first = b->len / sz;

	if (n > 0)
		buf_add(b, src, n * sz);
	return first;
}

/*
 * The tokens of the paragraph p[0..n): lent by the reading thread when it
 * made them (al, its line in the batch ah), else made here; none tracked
 * yet.
 */
static void
para_tokens(const char *p, size_t n, const struct ahead *ah,
    const struct ahead_line *al)
{
	if (al != NULL)
		toks_lend(ahead_toks(ah, al), al->ntoks);
	else
		tokenize_spans(p, 0, n);
	tracked = 0;
}

void
process_line(const struct line *ln, unsigned long long lineno,
    const struct ahead *ah, size_t item, unsigned long long seq)
{
	const char *p = ln->p;
	size_t n = ln->len;
	const struct ahead_line *al = NULL;
	struct held_shape sh;
	struct scanned sc;
	struct openq oq;
	int cont;

	para = p;
	long_mode = 0;
	ntoks = 0;
	pend_shape(&sh);
	if (ah != NULL && ah->lines[item].ready &&
	    same_scan(&ah->lines[item].sh, &sh)) {
		al = &ah->lines[item];
		sc = al->sc;
		spans_reserve(al->nspans);
		if (al->nspans > 0)
			memcpy(spans, AHEAD_SPANS(ah) + al->span0,
			    al->nspans * sizeof(*spans));
		nspans = al->nspans;
	} else {
		scan_para(p, n, &sh, &sc);
	}
	if (sc.blank) {
		if (common.highlight)
			highlight_line(ln);
		return;
	}
	if (doc.pend.active && !sc.cont)
		pend_finish();
	oq = sc.oq;
	cont = sc.cont;
	if (nspans == 0 && (n == 0 || p[n - 1] != ':')) {
		/* Hold it; the one held before gets the quick scan. */
		if (doc.held_ok)
			scan_names(run.held.p, run.held.len);
		doc.held_ok = 0;
		doc.prev_ok = 0;
		doc.colon_ok = 0;
		if (n > LONG_PARA) {
			scan_names(p, n);
			if (common.highlight)
				highlight_line(ln);
			return;
		}
		buf_reset(&run.held);
		buf_add(&run.held, p, n);
		doc.held_ok = 1;
		doc.held_toks = al != NULL ? ahead_toks(ah, al) : NULL;
		doc.held_ntoks = al != NULL ? al->ntoks : 0;
		doc.held_seq = seq;
		if (common.highlight)
			highlight_line(ln);
		return;
	}
	read_held(p);
	if (nspans == 0) {
		doc.prev_ok = 0;
		if (n > LONG_PARA) {
			scan_names(p, n);
		} else {
			para_tokens(p, n, ah, al);
			track_upto(ntoks);
			note_colon();
		}
	} else if (n > LONG_PARA || nspans > MANY_SPANS) {
		process_long(p, n, lineno, &oq);
	} else {
		para_tokens(p, n, ah, al);
		mark_quote_ends();
		reported_ok = 0;
		attribute_all();
		emit_view(p, lineno, &oq, 1);
	}
	toks_unlend();
	if (cont && doc.pend.active && oq.what != 0)
		doc.pend.oq = oq;
	if (common.highlight)
		highlight_line(ln);
}

/* The reading thread's copy of the held quotation. */
static struct held_shape ahead_shape;

static void *
ahead_new(void *ctx)
{
	(void)ctx;
	return xcalloc(1, sizeof(struct ahead));
}

static void
ahead_reset(void *data, void *ctx)
{
	struct ahead *ah = data;

	(void)ctx;
	buf_reset(&ah->spans);
	buf_reset(&ah->toks);
}

/* Reading thread: scan and tokenize paragraph number item of a batch. */
static void
ahead_prepare(void *data, size_t item, const struct line *ln, void *ctx)
{
	struct ahead *ah = data;
	struct ahead_line *al;
	struct held_shape *sh = ctx;

	ah->lines =
	    xgrowarray(ah->lines, &ah->lines_cap, item + 1, sizeof(*al), 256);
	al = &ah->lines[item];
	memset(al, 0, sizeof(*al));
	al->sh = *sh;
	para = ln->p;
	scan_para(ln->p, ln->len, sh, &al->sc);
	if (!al->sc.blank && ln->len <= LONG_PARA && nspans <= MANY_SPANS) {
		tokenize_spans(ln->p, 0, ln->len);
		al->tok0 = array_append(&ah->toks, toks, ntoks, sizeof(*toks));
		al->ntoks = ntoks;
		/* after the tokens: tokenize_spans() numbers the spans' */
		al->span0 =
		    array_append(&ah->spans, spans, nspans, sizeof(*spans));
		al->nspans = nspans;
		al->ready = 1;
	}
	shape_after(sh, ln->p, &al->sc);
}

/* Reading thread, at its end: its own arrays. */
static void
ahead_done(void *ctx)
{
	(void)ctx;
	free(spans);
	spans = NULL;
	nspans = spans_cap = 0;
	free(toks);
	toks = NULL;
	ntoks = toks_cap = 0;
}

static void
ahead_free(void *data, void *ctx)
{
	struct ahead *ah = data;

	(void)ctx;
	free(ah->lines);
	buf_free(&ah->spans);
	buf_free(&ah->toks);
	free(ah);
}

static const struct ra_hooks ahead_hooks = {ahead_new, ahead_reset,
    ahead_prepare, ahead_done, ahead_free, &ahead_shape};

/*
 * The rest of the document read on a second thread, which scans and
 * tokenizes each paragraph ahead: about a third of the work.  Returns 0
 * when the thread could not start (the caller reads on), 1 when the
 * document has been read (or reading stopped), with *failed set on a
 * write error.
 */
int
quotes_ahead(struct input *in, int *failed)
{
	struct readahead ra;
	struct line ln;
	unsigned long long lineno, seq;
	void *data;
	size_t item;

	pend_shape(&ahead_shape);
	if (ra_start(&ra, in, &ahead_hooks) != 0)
		return 0;
	ahead_reader = &ra;
	while (!run.stop && ra_next(&ra, &ln, &lineno, &data, &item, &seq)) {
		process_line(&ln, lineno, data, item, seq);
		if (out_failed()) {
			*failed = 1;
			break;
		}
	}
	ra_finish(&ra);
	ahead_reader = NULL;
	doc.held_toks = NULL;
	return 1;
}
