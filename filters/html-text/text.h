/*
 * text.h - innerText: the text of the page, one block a line.
 *
 * The parser calls these as it reads.  Outside <pre>, white space is
 * collapsed as CSS "white-space: normal" does: a run of ASCII white
 * space (space, tab, newline, form feed, carriage return) is one space,
 * none at the start or end of a line; U+00A0 is not white space and
 * stays.  In <pre>, <textarea>, <listing> and <xmp> the spaces and lines
 * are kept (CRLF and CR are newlines; a form feed becomes a space, so
 * that no line of a document can read as the document separator).  A
 * line with nothing but white space is not written.
 *
 * Lines go to the output as they are made, or, under --main, to the
 * block buffer (blocks.h) that decides at the end of the document.
 */
#ifndef HTMLTEXT_TEXT_H
#define HTMLTEXT_TEXT_H

#include <stddef.h>

/* Begin a document.  main: lines go to the block buffer. */
void text_begin(int main_mode);

/* Visible text; pre: white space kept. */
void text_chars(const char *p, size_t n, int pre);

/* A block boundary: the current line, if it has text, ends. */
void text_break(void);

/* A table cell other than the first of its row begins: a tab goes
 * between its text and the text before it on the line. */
void text_cell(void);

/* The document's <title>, collapsed, as a line of its own (--title). */
void text_title(const char *p, size_t n);

/* End the document: finish the last line. */
void text_finish(void);

#endif
