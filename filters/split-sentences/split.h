/*
 * split.h - where the sentences of a paragraph begin and end.
 *
 * The splitter reads a paragraph (one input line) as bytes and reports
 * each sentence as a span [beg, end) of those bytes, in order, with the
 * white space around it left out: the spans never overlap, never rewrite
 * a byte, and together with the white space between them they are the
 * paragraph.  How it decides is in split.c; the word lists it consults are
 * the *.words files beside it.
 *
 * A paragraph may be given whole (ss_feed() with final set) or in pieces
 * of a window that slides along a very long line: ss_feed() returns how far
 * the caller may drop bytes, and keeps its state (open quotations, the
 * sentence in progress) in struct splitter between calls.
 */
#ifndef SPLIT_SENTENCES_SPLIT_H
#define SPLIT_SENTENCES_SPLIT_H

#include <stddef.h>
#include <stdint.h>

/*
 * How far a decision looks around a full stop: bytes behind it (the word
 * before, the start of a short sentence) and ahead of it (the next words,
 * the closing mark of an open quotation or parenthesis).  A window that
 * holds SS_AHEAD bytes past a candidate is enough to decide it.
 */
#define SS_BEHIND 256
#define SS_AHEAD 8192

/*
 * What the splitter hands over: every byte of the paragraph once, in
 * order, as the white space around sentences (SS_GAP) or as pieces of a
 * sentence: SS_PIECE for a piece that more of the sentence follows (a
 * long sentence in a sliding window comes in several), SS_LAST for the
 * piece that ends it (perhaps empty).  off is the offset of p[0] from the
 * paragraph's first byte.  Pieces end on character boundaries.
 */
enum ss_kind { SS_GAP, SS_PIECE, SS_LAST };
typedef void (*ss_emit_fn)(
    enum ss_kind kind, const char *p, size_t len, uint64_t off, void *ctx);

/* An open quotation mark or bracket, waiting for its closer. */
struct ss_open {
	uint32_t close;    /* the code point that closes it */
	uint64_t pos;      /* where it opened (paragraph offset) */
	uint64_t found;    /* where its closer is, or 0: not found yet */
	uint64_t searched; /* no closer before this offset */
};

#define SS_MAXOPEN 8

struct splitter {
	ss_emit_fn emit;
	void *ctx;
	/* the window: p[0..n) is the paragraph from offset base */
	uint64_t base;
	/* the sentence in progress */
	int in_sentence;     /* a sentence has begun (beg is valid) */
	uint64_t beg;        /* its first byte */
	uint64_t handed;     /* bytes before this went to emit */
	uint64_t alnum_seen; /* checked for letters and digits up to here */
	int has_alnum;       /* it holds a letter or digit */
	uint64_t scan;       /* where the scan goes on */
	uint64_t forced;     /* the next list item starts here (0: none) */
	int list_kind;       /* LIST_* of the item that began the sentence */
	int list_pending;    /* list_start() is still to run */
	unsigned list_next;  /* the number or letter the next item has */
	struct ss_open open[SS_MAXOPEN];
	int nopen;
};

/* Build the word tables (once per process). */
void ss_init(void);

/* Start a paragraph: its sentences go to emit(..., ctx). */
void ss_begin(struct splitter *s, ss_emit_fn fn, void *ctx);

/*
 * Split the paragraph bytes p[0..n), which are the paragraph from offset
 * s->base on (the first call has base 0).  final: p holds the rest of the
 * paragraph; every sentence is then emitted.  Otherwise the splitter stops
 * where it would need bytes past p + n to decide, emits what it can, and
 * returns the number of leading bytes of p it no longer needs; the caller
 * drops them, sets nothing (base advances here) and calls again with the
 * remaining bytes followed by more of the paragraph.  Returns n when final.
 */
size_t ss_feed(struct splitter *s, const char *p, size_t n, int final);

#endif
