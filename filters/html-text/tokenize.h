/*
 * tokenize.h - the HTML tokenizer, one byte at a time, never stuck.
 *
 * It follows the WHATWG tokenizer where that changes the text a page
 * shows: tags with attributes quoted, single-quoted or bare; comments
 * (including <!--> and --!>), <!DOCTYPE>, <?...> and <![CDATA[...]]> as
 * bogus comments outside SVG and MathML; raw text (<script>, <style>)
 * ended only by its own end tag; character references in text.  It keeps
 * no more than a tag name, the few attribute values the parser asks for
 * (each cut at a fixed size) and the longest character reference, so a
 * 50 MB attribute or a never-closed <script> streams through in constant
 * memory.  Input arrives in chunks of any size (even one byte): every
 * state survives the end of a chunk.
 */
#ifndef HTMLTEXT_TOKENIZE_H
#define HTMLTEXT_TOKENIZE_H

#include <stddef.h>

/* The attributes the parser reads; others are skipped. */
enum {
	A_CLASS,
	A_ID,
	A_STYLE,
	A_HIDDEN,
	A_ITEMPROP,
	A_ROLE,
	A_TYPE,
	A_ALT,
	A_HREF,
	A_OPEN,
	A_ARIA_HIDDEN,
	NATTRS
};

#define ATTR_CAP 512 /* bytes kept of a value; the rest is skipped */

struct attr {
	int present;
	size_t len; /* bytes kept in val */
	char val[ATTR_CAP];
};

struct tag {
	int elem;      /* E_ constant, E_UNKNOWN for any other name */
	char name[32]; /* the name in lower case, cut at 31 bytes */
	size_t nlen;
	int end;          /* an end tag */
	int self_closing; /* <x/> */
	struct attr attr[NATTRS];
};

/* What the tokenizer reads after a start tag, as the parser says. */
enum tok_mode {
	TOK_DATA,     /* markup */
	TOK_RAWTEXT,  /* text up to the element's end tag */
	TOK_RCDATA,   /* the same, with character references */
	TOK_PLAINTEXT /* text to the end of the document */
};

struct tok;

/* Make a tokenizer for one document; tok_free() releases it. */
struct tok *tok_new(void);
void tok_free(struct tok *t);

/* Read the next n bytes (valid UTF-8) of the document. */
void tok_feed(struct tok *t, const char *p, size_t n);

/* The document has ended: finish what is open (a tag open at the end is
 * dropped, as browsers do; a comment or raw text simply ends). */
void tok_finish(struct tok *t);

#endif
