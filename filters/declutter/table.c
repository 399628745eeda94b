/*
 * table.c - the rows of a table.  A table reaches declutter as a run of
 * lines of cells: html-text parts the cells with tabs, w3m and lynx lay
 * them out in columns parted by runs of spaces:
 *
 *     Pos.  Driver        Points  Wins
 *     1     Ana Ruiz      4120    5
 *     2     Tom Becker    4098    3
 *
 * Each row alone is a short line of names and numbers, which the context
 * rules would drop with the furniture around it (a results table between
 * the story and a share row).  Three rows or more in a row, with cell
 * counts that differ by one at most, are a table: it reads as one block
 * of content for the lines around it, and its rows share one verdict,
 * the table's, given by what stands before it: the article's text before
 * it makes it part of the article, furniture before it makes it
 * furniture (a prices box, a ticker strip).
 */
#include "declutter.h"

/* Can slot s be a table row: two cells or more, and no paragraph (whose
 * double spaces after full stops part no cells) nor furniture already? */
static int
row_like(const struct slot *s)
{
	return s->cells >= 2 && (s->sig == SIG_WEAK || s->sig == SIG_PROSE);
}

static int
cells_close(const struct slot *a, const struct slot *b)
{
	return a->cells <= b->cells + 1 && b->cells <= a->cells + 1;
}

/*
 * The row-like line before line j, with one blank line between at most
 * (w3m parts rows whose cells hold paragraphs), not yet decided; NULL if
 * none.
 */
static struct slot *
row_above(unsigned long long j)
{
	unsigned long long k;

	for (k = 1; k <= 2 && j >= k && j - k >= doc.done; k++) {
		struct slot *a = SLOT(j - k);

		if (a->sig == SIG_BLANK)
			continue;
		return row_like(a) ? a : NULL;
	}
	return NULL;
}

void
table_note(unsigned long long j)
{
	struct slot *s = SLOT(j), *a, *b;
	unsigned long long ja;

	s->row = 0;
	if (!row_like(s) || (a = row_above(j)) == NULL || !cells_close(s, a))
		return;
	if (a->row != 0) {
		/* The table goes on. */
		s->row = ROW_MARKED;
		return;
	}
	ja = (unsigned long long)(a - win.ring);
	ja = j - ((j - ja) & (WINDOW - 1)); /* a's line number */
	if ((b = row_above(ja)) != NULL && cells_close(a, b))
		s->row = a->row = b->row = ROW_MARKED;
}

int
decide_table(unsigned long long i, struct slot *s)
{
	const struct slot *up = NULL, *p;
	unsigned long long k;

	for (k = 1; k <= 2 && i >= k; k++) {
		up = SLOT(i - k);
		if (up->sig != SIG_BLANK)
			break;
	}
	/* The row above was decided with the table: so is this one. */
	if (up != NULL && up->decided && up->row == ROW_DECIDED) {
		s->cat = up->cat;
		s->why = "table-row";
		s->row = ROW_DECIDED;
		return 1;
	}
	/* The first row: what stands before the table decides. */
	p = prev_decided(i);
	if (p == NULL)
		return 0;
	s->cat = p->kept && p->cat == CAT_CONTENT ? CAT_CONTENT : p->cat;
	s->why = "table";
	s->row = ROW_DECIDED;
	return 1;
}
