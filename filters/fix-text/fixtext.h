/*
 * fixtext.h - the parts of fix-text and what they share.
 *
 * A line goes through the steps of the contract in order, each reading
 * the text the step before wrote:
 *
 *	charref.c     1. HTML character references (&amp; &#8217; &EACUTE;)
 *	mojibake.c    2. UTF-8 that was decoded as Windows-1252 or Latin-1
 *	invisible.c   3. C1 controls as Windows-1252, 4. deleted junk
 *	typography.c  --typography: quotes, dashes, spaces, ligatures, width
 *
 * Each step appends its result to a struct buf and returns the number of
 * repairs it made (0: the line stands as it was, and what out holds is
 * not used).  Bytes that are not valid UTF-8 are copied as they are by
 * every step.  With --explain each repair is also reported through
 * fx_note().  A step writes its repairs through fx_edit() (below).
 */
#ifndef FIXTEXT_H
#define FIXTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The kinds of repair, as --explain and --skip name them. */
enum fx_kind {
	FX_ENTITY,    /* an HTML character reference */
	FX_MOJIBAKE,  /* UTF-8 read as Windows-1252 or Latin-1 */
	FX_C1,        /* a C1 control read back as Windows-1252 */
	FX_CONTROL,   /* a deleted C0 control, DEL or ANSI sequence */
	FX_INVISIBLE, /* a deleted BOM, zero-width character, soft hyphen */
	FX_INVALID,   /* --replace: a byte of invalid UTF-8 -> U+FFFD */
	FX_TYPO,      /* --typography */
	FX_NKINDS
};

/* The kinds --skip leaves out: bit (1 << kind) for each. */
extern unsigned fx_skip;

/* 1 while --explain is on: the steps then call fx_note() for each repair. */
extern int fx_explaining;

/*
 * Report one repair: before[0..bn) became after[0..an) (an may be 0: a
 * deletion).  Called by the steps only while fx_explaining.  For
 * FX_MOJIBAKE, fx_codepage names the code page read back when it is not
 * Windows-1252 ("cp1251"; NULL otherwise).
 */
extern const char *fx_codepage;
void fx_note(enum fx_kind kind, const char *before, size_t bn,
    const char *after, size_t an);

/*
 * The repairs of one step over the line p[0..n), written to out: each
 * repair copies the bytes kept since the one before, then its new text,
 * and reports itself under --explain; fx_edits_end() copies the rest when
 * anything was repaired and returns the count.  Usage:
 *	struct fx_edits e = {p, 0, 0, out};
 *	... fx_edit(&e, FX_TYPO, i, len, "\"", 1); ...
 *	return fx_edits_end(&e, n);
 */
struct fx_edits {
	const char *p;   /* the line */
	size_t start;    /* its first byte not copied to out yet */
	size_t fixes;    /* repairs so far */
	struct buf *out; /* the repaired line */
};

/* p[at..at + len) becomes to[0..tolen) (tolen 0: it is deleted). */
static inline void
fx_edit(struct fx_edits *e, enum fx_kind kind, size_t at, size_t len,
    const char *to, size_t tolen)
{
	buf_add(e->out, e->p + e->start, at - e->start);
	buf_add(e->out, to, tolen);
	if (fx_explaining)
		fx_note(kind, e->p + at, len, to, tolen);
	e->fixes++;
	e->start = at + len;
}

static inline size_t
fx_edits_end(struct fx_edits *e, size_t n)
{
	if (e->fixes > 0)
		buf_add(e->out, e->p + e->start, n - e->start);
	return e->fixes;
}

/* Step 1: decode character references.  See charref.c. */
size_t fx_charref(const char *p, size_t n, struct buf *out);

/* Step 2: repair mojibake.  See mojibake.c. */
int fx_mojibake_at(const char *p, size_t n);
int fx_maybe_mojibake(const char *p, size_t n);
size_t fx_mojibake(const char *p, size_t n, struct buf *out);

/* The MacRoman character of byte b (0x80-0xFF; mojibake.c's table). */
uint32_t fx_macroman(uint32_t b);

/* Steps 3 and 4: C1 controls, deleted controls and invisibles. */
size_t fx_invisible(const char *p, size_t n, struct buf *out);

/* --replace: each invalid UTF-8 sequence becomes U+FFFD. */
size_t fx_replace_invalid(const char *p, size_t n, struct buf *out);

/* --typography.  See typography.c. */
size_t fx_typography(const char *p, size_t n, struct buf *out);

/*
 * The decoded character at p[0..n) (n > 0): its code point in *cp and its
 * length, or UTF8_BAD and 1 for a byte of invalid UTF-8.
 */
size_t fx_decode(const char *p, size_t n, uint32_t *cp);

/*
 * The next character of p[*i..n) that is not ASCII, for a step that
 * repairs only such characters: *i moves to it; returns its length and
 * sets *cp as fx_decode() does, or returns 0 at the end of p.
 *	while ((len = fx_next_wide(p, n, &i, &cp)) != 0) ... i += len;
 */
static inline size_t
fx_next_wide(const char *p, size_t n, size_t *i, uint32_t *cp)
{
	while (*i < n && (unsigned char)p[*i] < 0x80)
		(*i)++;
	return *i < n ? fx_decode(p + *i, n - *i, cp) : 0;
}

#endif
