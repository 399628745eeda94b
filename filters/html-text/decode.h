/*
 * decode.h - the page's bytes to UTF-8, as a browser decodes them.
 *
 * The encoding is chosen once per document, from its first 1024 bytes:
 * a byte order mark, else a <meta charset> or <meta http-equiv=
 * Content-Type content="...; charset=..."> found by a prescan (WHATWG
 * "prescan a byte stream"), else the --charset default, else UTF-8.
 * UTF-8 input is validated; any other encoding is converted with
 * iconv(3).  Bytes that do not decode become U+FFFD, so what comes out
 * is always valid UTF-8 whatever went in.
 */
#ifndef HTMLTEXT_DECODE_H
#define HTMLTEXT_DECODE_H

#include <iconv.h>
#include <stddef.h>

#include "buf.h"

struct decoder {
	iconv_t cd;    /* (iconv_t)-1: the input is UTF-8 */
	char tail[16]; /* an unfinished character from the last chunk */
	size_t ntail;
	struct buf out;     /* converted text, when it cannot be lent */
	struct buf scratch; /* tail + chunk, for iconv */
};

/*
 * The iconv name for an encoding label (case and surrounding white
 * space ignored): the charsets.def row, or the label itself when iconv
 * knows it; NULL when neither.  The result is static or points into
 * store (cap bytes).
 */
const char *charset_lookup(
    const char *label, size_t n, char *store, size_t cap);

/*
 * The encoding of a document that begins with the n bytes at p (its
 * first 1024 bytes, or all of it if shorter): from a byte order mark
 * (whose length goes to *skip), else a <meta> declaration, else NULL
 * (the caller's default).  Returns an iconv name.
 */
const char *charset_sniff(
    const char *p, size_t n, size_t *skip, char *store, size_t cap);

/*
 * Start decoding a document in encoding name (an iconv name; NULL or
 * "UTF-8" for UTF-8).  Returns 0, or -1 when iconv cannot convert from
 * name (the caller falls back to UTF-8).
 */
int dec_start(struct decoder *d, const char *name);

/*
 * Decode the next n bytes of the document; eof says they are the last
 * ones (an unfinished character then becomes U+FFFD).  Returns valid
 * UTF-8 and its length in *outn: the input itself when it is valid
 * UTF-8 as it stands, else text in d->out.  Valid until the next call.
 */
const char *dec_feed(
    struct decoder *d, const char *p, size_t n, int eof, size_t *outn);

/* Release what the decoder holds; d can be started again. */
void dec_end(struct decoder *d);

#endif
