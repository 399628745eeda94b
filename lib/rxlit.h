/*
 * rxlit.h - a walker over PCRE2 pattern syntax, for analyses that read a
 * pattern's text: which bytes a match can start with, which literal words
 * it must begin with or contain.
 *
 * The walker does not compile anything and never allocates.  It cuts one
 * alternative of a pattern into items, each with its quantifier:
 *
 *     (?:read|see) next\.?   ->  GROUP "read|see", CHAR ' ', CHAR 'n',
 *                                CHAR 'e', CHAR 'x', CHAR 't', CHAR '.' {0,1}
 *
 * A group's body, a bracket class's members and an alternation's
 * alternatives are walked the same way by the caller, which recurses as its
 * analysis needs.  Whatever the walker does not follow (back-references,
 * \Q...\E, verbs, recursion, conditionals, \x and \g escapes) is one
 * RXL_OTHER item: an analysis must then give its most cautious answer.
 * Patterns are taken as written for PCRE2 10.42 in UTF mode, not extended
 * ((?x) is reported as RXL_OPTIONS with extended set, and the text after
 * it is walked as if it were not extended: a caller gives up there).
 */
#ifndef WINNOW_RXLIT_H
#define WINNOW_RXLIT_H

#include <stddef.h>

enum rxl_kind {
	RXL_CHAR,    /* one character: its UTF-8 bytes in c[0..n) */
	RXL_SET,     /* a set of characters: set says which */
	RXL_GROUP,   /* a group: its body is [body, body_end) */
	RXL_ASSERT,  /* zero width: ^ $ \b \B \A \z \Z \G */
	RXL_OPTIONS, /* an option setting alone, (?i): no text */
	RXL_COMMENT, /* (?#...) */
	RXL_OTHER    /* something the walker does not follow */
};

enum rxl_group {
	RXL_CAPTURE,    /* ( ) and named groups: numbered */
	RXL_NONCAPTURE, /* (?: ) (?i: ) (?> ) */
	RXL_LOOKAROUND  /* (?= ) (?! ) (?<= ) (?<! ): zero width */
};

#define RXL_MANY 0xFFFFFFFFu /* an unbounded repeat: * + {n,} */

struct rxl_item {
	enum rxl_kind kind;
	const char *at;   /* the item's first byte in the pattern */
	const char *next; /* the byte after it and its quantifier */
	/* RXL_CHAR */
	unsigned char c[4];
	unsigned char n;
	/*
	 * RXL_SET: '.' any character, '[' a bracket class (its members in
	 * [body, body_end), negated), or the letter of an escape: 'd' 's'
	 * 'w' 'D' 'S' 'W' 'h' 'v' 'H' 'V' 'N' 'R' 'X', 'p' or 'P' with the
	 * property name in [body, body_end) ("Lu" for \p{Lu} and \pL's "L").
	 * RXL_ASSERT: the byte '^' '$' or the escape letter.
	 */
	char set;
	int negated;
	/* RXL_GROUP: the body; RXL_SET: the class or the property name */
	const char *body, *body_end;
	enum rxl_group group;
	/* RXL_GROUP, RXL_OPTIONS: option letters, (?x-i: has extended 1 */
	int extended;
	/* The quantifier: {1,1} when there is none. */
	unsigned min, max;
	int quantified; /* the item had a quantifier */
};

/*
 * The item that starts at p (p < end, *p is not '|' or ')') into *it.
 * Returns it->next, the byte after the item and its quantifier (a lazy
 * '?' or possessive '+' included).
 */
const char *rxl_next(const char *p, const char *end, struct rxl_item *it);

/*
 * The end of the alternative that starts at p: the '|' or ')' that ends
 * it at its own level, or end.
 */
const char *rxl_alt_end(const char *p, const char *end);

/* A member of a bracket class. */
enum rxl_member_kind {
	RXL_M_CHAR,  /* one character, bytes c[0..n) */
	RXL_M_RANGE, /* characters lo..hi (code points) */
	RXL_M_SET,   /* an escape set: set as in struct rxl_item */
	RXL_M_POSIX, /* a POSIX class [:alpha:]; name in [body, body_end) */
	RXL_M_OTHER  /* an escape the walker does not follow (\x41) */
};

struct rxl_member {
	enum rxl_member_kind kind;
	unsigned char c[4];
	unsigned char n;
	unsigned long lo, hi;
	char set;
	const char *body, *body_end;
};

/*
 * The member of the bracket class body [p, end) (as given by an RXL_SET
 * item '[') that starts at p into *m.  Returns the byte after it.
 */
const char *rxl_member_next(
    const char *p, const char *end, struct rxl_member *m);

#endif
