/*
 * layout.c - where a line stands relative to the article.  The article is
 * one contiguous run of prose; a page prints it once, with its furniture
 * around it.  Once a story of some length has been kept and a long run of
 * furniture follows it (share rows, "Most read" lists, a footer menu), the
 * story is over: prose further down (the teasers of other stories, the
 * site's privacy text, a comment policy, an author's other posts) is not
 * part of it, however much it reads like prose:
 *
 *	... the story's last paragraph.              kept
 *	Share | Tweet | Email                         \
 *	Most Read                                      > OUTSIDE_GAP lines or
 *	...                                           /  more, none kept
 *	We have updated our privacy policy to ...    outside-article
 *
 * The end is undone by a run of prose ahead that outweighs what was kept
 * (more words, at least three paragraphs): then what was kept was not the
 * story (a pitch or a teaser high on the page) and the story starts here.
 *
 * The state lives in doc (declutter.h): the words of content kept, the
 * furniture lines since the last content line, and whether the article is
 * over.  decide.c asks layout_outside() about a line that no rule or
 * repetition decided, and tells layout_note() about every line decided.
 */
#include <limits.h>

#include "declutter.h"

/*
 * A gap of OUTSIDE_GAP furniture lines after OUTSIDE_WORDS words of
 * content ends the article.  On the development pages the furniture inside
 * an article (a gallery, a "Most read" box, a product card) runs to 14
 * lines at most; after the article it runs to dozens.
 */
#define OUTSIDE_GAP 16
#define OUTSIDE_WORDS 150
#ifndef OUTSIDE_FURN
#define OUTSIDE_FURN 2
#endif
/* Paragraphs a run must hold to restart the article. */
#define RESTART_PARAGRAPHS 3

/* The words of a line; a line of Chinese or Japanese by its characters
 * (about two to a word). */
static unsigned long
line_weight(const struct features *f)
{
	return f->words + f->wide / 2;
}

/*
 * The run of prose that starts at line i: its words when it holds at
 * least RESTART_PARAGRAPHS paragraphs and at most one short line for two
 * of them, else 0.  Blank lines, ad slots and labels are looked through,
 * and one short line at a time (a sub-heading); two short lines in a row
 * or a furniture line end the run.  A list of teasers (a title, a
 * summary, a title, a summary) is not a story: it has as many short lines
 * as paragraphs.  The run is read as far as the window reaches.
 */
static unsigned long
prose_run(unsigned long long i)
{
	unsigned long words = 0;
	unsigned paragraphs = 0, weak = 0, heads = 0;
	unsigned long long j;
	const struct slot *s;

	for (j = i; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_BLANK || s->sig == SIG_SEE_THROUGH)
			continue;
		if (s->sig == SIG_LONG || s->sig == SIG_PROSE) {
			words += line_weight(&s->f);
			paragraphs += s->sig == SIG_LONG;
			weak = 0;
		} else if (s->sig != SIG_WEAK || ++weak > 1) {
			break;
		} else {
			heads++;
		}
	}
	return paragraphs >= RESTART_PARAGRAPHS && heads * 2 <= paragraphs
	    ? words
	    : 0;
}

/* Is s a line of prose? */
static int
prose(const struct slot *s)
{
	return s->sig == SIG_LONG || s->sig == SIG_PROSE;
}

int
layout_outside(unsigned long long i, struct slot *s)
{
	const struct slot *p;
	unsigned long long j = i;

	/* A short line may be the headline of the run after it. */
	if (s->sig == SIG_WEAK)
		for (j = i + 1; j < doc.next && SLOT(j)->sig == SIG_BLANK; j++)
			;
	if (j < doc.next && prose(SLOT(j)) &&
	    prose_run(j) > doc.content_words) {
		/* A longer story starts here: what was kept before was not
		 * the story, and this one is read from its top. */
		doc.outside = 0;
		doc.after_end = 0;
		doc.gap = doc.gap_furn = 0;
		doc.content_words = 0;
		doc.paragraphs = 0;
		doc.headline = 0;
		doc.standfirst = 0;
		return 0;
	}
	p = prev_decided(i);
	s->cat = p != NULL && p->cat != CAT_CONTENT ? run_category(s, p, NULL, 0)
						    : CAT_RELATED;
	s->why = "outside-article";
	return 1;
}

void
layout_note(const struct slot *s)
{
	if (s->sig == SIG_BLANK)
		return;
	if (s->cat == CAT_CONTENT) {
		if (doc.content_words < ULONG_MAX - COPY_MAX)
			doc.content_words += line_weight(&s->f);
		doc.gap = 0;
		doc.gap_furn = 0;
	} else if (doc.gap < UINT_MAX) {
		doc.gap++;
		doc.gap_furn += s->sig == SIG_FURN;
	}
	if (doc.gap >= OUTSIDE_GAP && doc.gap_furn >= OUTSIDE_FURN &&
	    doc.content_words >= OUTSIDE_WORDS)
		doc.outside = 1;
}
