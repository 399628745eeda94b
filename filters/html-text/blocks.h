/*
 * blocks.h - --main: the document's lines with what the markup says
 * about each, and the choice of the article among them.
 *
 * Under --main the parser records each element it opens as a node
 * (its kind, its parent, what its tag, role, itemprop and class/id words
 * say) and the text layer gives each line to the buffer with its node
 * and how much of it was link text.  At the end of the document
 * blk_finish() picks the article (blocks.c explains how) and writes its
 * lines.  The buffer is capped (BLK_TEXT_CAP bytes of text, BLK_NODES
 * nodes, BLK_LINES lines): a page past a cap is decided on what came
 * before it, and its remaining lines are written unless furniture
 * markup (nav, aside, footer ...) holds them.
 */
#ifndef HTMLTEXT_BLOCKS_H
#define HTMLTEXT_BLOCKS_H

#include <stddef.h>

#include "tokenize.h"

#define BLK_TEXT_CAP (16u << 20)
#define BLK_NODES 200000
#define BLK_LINES 200000
#define BLK_JSONLD_CAP (4u << 20)

/* Begin a document. */
void blk_begin(void);

/* A visible element opens under node parent (-1: the root).  Returns
 * its node. */
int blk_open(int parent, const struct tag *t);

/* The text that follows is link text (1) or not (0). */
void blk_link_text(int in_link);

/* Text of the current line; the current line ends. */
void blk_add(const char *p, size_t n);
void blk_eol(void);

/* The text between these two calls is the document's title. */
void blk_title_begin(void);
void blk_title_end(void);

/* The text of a <script type="application/ld+json">, then its end. */
void blk_jsonld(const char *p, size_t n);
void blk_jsonld_end(void);

/* The document ends: choose and write its lines. */
void blk_finish(void);

/* Release the buffer's memory. */
void blk_free(void);

/* --list-words: the class and id words --main reads (the lists of words/) as
 * LIST<TAB>WORD under a "list<TAB>word" header, as extract-quotes'. */
void blk_list_words(void);

#endif
