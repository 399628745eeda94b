/*
 * utf8.h - UTF-8 decoding and the character classes winnow needs.
 *
 * Text is taken as UTF-8 whatever the locale (winnow never calls
 * setlocale), so the same input gives the same output everywhere.  Bytes
 * that do not form valid UTF-8 (overlongs, surrogates, values past
 * U+10FFFF, truncated sequences, stray continuation bytes, 0xF5-0xFF) are
 * decoded one byte at a time as UTF8_BAD and never stop a filter.
 */
#ifndef WINNOW_UTF8_H
#define WINNOW_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What utf8_decode() gives for a byte that starts no valid sequence. */
#define UTF8_BAD 0xFFFFFFFFu

/*
 * Decode the character at s (len > 0 bytes available).  Returns the
 * number of bytes it takes (1 to 4) and stores the code point in *cp, or
 * returns 1 and stores UTF8_BAD for an invalid byte.
 */
size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/*
 * Decode the character that ends just before s + len (len > 0); returns
 * its length and stores it in *cp (UTF8_BAD and 1 for an invalid byte).
 */
size_t utf8_decode_back(const unsigned char *s, size_t len, uint32_t *cp);

/* Encode cp (at most U+10FFFF) into out; returns 1 to 4. */
size_t utf8_encode(unsigned long cp, unsigned char *out);

/*
 * Windows-1252, the code page that most mis-decoded UTF-8 went through.
 * cp1252_decode(): the character of byte b (0x80-0x9F: the 27 it assigns,
 * such as 0x92 -> U+2019; 0 for the five it leaves unassigned, 0x81 0x8D
 * 0x8F 0x90 0x9D; any other byte is its Latin-1 code point).
 * cp1252_encode(): the byte a decoder that passes the five unassigned
 * bytes through as C1 controls ("sloppy" Windows-1252, which also reads
 * as Latin-1) makes of cp: U+0000-U+00FF are themselves, the 27 are their
 * byte; -1 for any other character.
 */
uint32_t cp1252_decode(unsigned char b);
int cp1252_encode(uint32_t cp);

/* 1 if s[0..len) is entirely valid UTF-8. */
int utf8_valid(const char *s, size_t len);

/*
 * Case folding for caseless comparison: Latin (ASCII, Latin-1, Extended-A
 * and -B, Extended Additional), Greek (with final sigma), Cyrillic,
 * Armenian, Georgian, Cherokee-free subset, fullwidth Latin.  Writes up to
 * 3 code points to out (U+00DF and U+1E9E fold to "ss") and returns how
 * many.  Other characters fold to themselves.
 */
size_t uc_fold(uint32_t cp, uint32_t out[3]);

/* Simple lower-case mapping: the one-character part of uc_fold(). */
uint32_t uc_tolower(uint32_t cp);

/* 1 for an upper-case letter of the scripts uc_fold() knows. */
int uc_isupper(uint32_t cp);

/* White space: ASCII space and controls \t\n\v\f\r, U+0085, no-break
 * spaces, the U+2000 spaces, U+2028/2029, U+202F, U+205F, U+3000, BOM. */
int uc_isspace(uint32_t cp);

/* Punctuation and symbols: ASCII punctuation, Latin-1 punctuation, the
 * General Punctuation block, CJK and fullwidth punctuation. */
int uc_ispunct(uint32_t cp);

/* A letter or digit (anything that is not space, punctuation, control). */
int uc_isalnum(uint32_t cp);

/*
 * Typographic variants folded to their plain ASCII form: curly and low
 * single quotes and primes to ', curly, low and angle double quotes to ",
 * hyphens and dashes (U+2010-2015, U+2212) to -, no-break and other spaces
 * to ' ', the ellipsis U+2026 stays (it is three characters in ASCII).
 * Anything else is returned as it is.
 */
uint32_t uc_plain(uint32_t cp);

/* Quotation mark classes, for extract-quotes. */
enum quote_mark {
	QM_NONE = 0,
	QM_DOUBLE_OPEN,  /* “ „ ‟ « 「 『 */
	QM_DOUBLE_CLOSE, /* ” » 」 』 */
	QM_DOUBLE_AMBIG, /* " ＂ */
	QM_SINGLE_OPEN,  /* ‘ ‚ ‛ ‹ */
	QM_SINGLE_CLOSE, /* ’ › */
	QM_SINGLE_AMBIG  /* ' */
};
enum quote_mark uc_quote_mark(uint32_t cp);

/*
 * The closing mark that pairs with an opening one: “ -> ”, „ -> “ (German)
 * or ” , « -> », 「 -> 」, ‘ -> ’.  Writes up to 2 candidates to out and
 * returns how many (0 for a character that opens nothing).
 */
size_t uc_quote_closers(uint32_t open, uint32_t out[2]);

#endif
