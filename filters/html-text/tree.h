/*
 * tree.h - the parser: the stack of open elements and what it means for
 * the text.
 *
 * The tokenizer hands it tags and text.  It keeps the stack of open
 * elements as a browser's tree builder would for the cases that change
 * the text (implied end tags: a <p> closed by a block, <li> by the next
 * <li>, <td> by <td> or <tr>; stray end tags ignored; formatting
 * elements closed across blocks), and tells the text layer (text.h)
 * where lines and cells begin and end and which text is hidden.  It
 * never builds the tree: memory is the stack, capped at TREE_DEPTH
 * (deeper elements are counted, not kept), and every step is bounded,
 * so a million nested <div> take linear time.
 */
#ifndef HTMLTEXT_TREE_H
#define HTMLTEXT_TREE_H

#include <stddef.h>

#include "tokenize.h"

#define TREE_DEPTH 1024 /* elements kept on the stack */

/* Begin a document. */
void tree_begin(void);

/* A start tag; returns how the tokenizer reads what follows. */
enum tok_mode tree_start(struct tag *t);

/* An end tag. */
void tree_end(struct tag *t);

/* Text (valid UTF-8, references decoded). */
void tree_text(const char *p, size_t n);

/* 1 when the current element is SVG or MathML (CDATA sections). */
int tree_foreign(void);

/* --main: the block buffer's node of the innermost open element (-1:
 * none). */
int tree_node(void);

/* The document has ended: close everything. */
void tree_finish(void);

#endif
