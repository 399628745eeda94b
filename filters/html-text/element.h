/*
 * element.h - what html-text knows about each HTML element.
 *
 * The elements and their flags are data: elements.def, one element a
 * line, which the Makefile turns into elements.h (elements.awk: an E_NAME
 * constant for each, E_UNKNOWN for any other name, NELEMENTS, and the
 * rows of the table).  element.c defines the table and finds a tag name
 * in it.
 */
#ifndef HTMLTEXT_ELEMENT_H
#define HTMLTEXT_ELEMENT_H

#include <stddef.h>
#include <stdint.h>

#include "elements.h"

/* The flags of elements.def. */
enum {
	EF_BLOCK = 1u << 0,    /* starts and ends a line */
	EF_VOID = 1u << 1,     /* no content, no end tag */
	EF_SPECIAL = 1u << 2,  /* stops the search of an unrelated end tag */
	EF_FORMAT = 1u << 3,   /* closed across blocks by its end tag */
	EF_PCLOSE = 1u << 4,   /* its start tag closes an open <p> */
	EF_HIDE = 1u << 5,     /* its content is not text */
	EF_RAW = 1u << 6,      /* raw text up to its end tag */
	EF_RCDATA = 1u << 7,   /* raw text with character references */
	EF_PRE = 1u << 8,      /* white space kept */
	EF_FOREIGN = 1u << 9,  /* SVG or MathML */
	EF_SCOPE = 1u << 10,   /* boundary of "in scope" searches */
	EF_HEADING = 1u << 11, /* h1 to h6 */
	EF_ROW = 1u << 12,     /* table row */
	EF_CELL = 1u << 13,    /* table cell */
	EF_ROWGROUP = 1u << 14,
	EF_LISTITEM = 1u << 15, /* li, dd, dt */
	EF_BOILER = 1u << 16,   /* furniture for --main */
	EF_LANDMARK = 1u << 17  /* article or main */
};

struct element {
	const char *name;
	uint32_t flags;
};

/* The table, indexed by E_ constants; entry E_UNKNOWN has no flags. */
extern const struct element elements[NELEMENTS];

/* The flags of element e. */
static inline uint32_t
elem_flags(int e)
{
	return elements[e].flags;
}

/*
 * The element named by the n bytes at name, which must be lower case
 * ASCII (the tokenizer folds tag names); E_UNKNOWN when it is not in
 * the table.
 */
int elem_lookup(const char *name, size_t n);

#endif
