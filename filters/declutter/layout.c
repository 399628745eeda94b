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
 * Lists have a rhythm that a story has not: the same few short lines
 * and one line of prose, again and again.  A list of teasers:
 *
 *	WORTH A LOOK                                  a kicker
 *	Old Mill Reopens As A Bakery                  a title
 *	The sisters who bought it sold out by noon.   one line of summary
 *	NEW IN TOWN                                   and again, the same shape
 *	...
 *
 * (or a title and a summary, a title and a summary; or summaries cut
 * short by an ellipsis, one after the other: "Mill reopens as a ..."; or
 * titles alone, each under a kicker in capitals), and a comment thread: a
 * name, a date with a time, a few lines of text, again.  Three teasers or
 * two comments make a list; its lines go as teaser or comment.
 *
 * Legal text (a cookie notice, a privacy notice) has its own words and
 * speaks to the reader: "By choosing Accept, you consent to our use of
 * cookies."  Such a line above the story's first paragraph (a banner)
 * goes as legal; below the story, the article's end takes care of it.
 *
 * The state lives in doc (declutter.h): the words of content kept, the
 * furniture lines since the last content line, and whether the article is
 * over.  decide.c asks layout_outside() about a line that no rule or
 * repetition decided, and tells layout_note() about every line decided.
 */
#include <limits.h>
#include <string.h>

#include "declutter.h"
#include "wordtab.h"

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
/* Another story's headline: the bylines and dates under it, at most, and
 * the words of the run of prose after them, at least. */
#define NEXT_META 3
#ifndef NEXT_WORDS
#define NEXT_WORDS 100
#endif

/* The words of a line; a line of Chinese or Japanese by its characters
 * (about two to a word). */
static unsigned long
line_weight(const struct features *f)
{
	return f->words + f->wide / 2;
}

/* Is s a line of prose? */
static int
prose(const struct slot *s)
{
	return s->sig == SIG_LONG || s->sig == SIG_PROSE;
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

/*
 * Is line i the headline of another story, the next of several pages or
 * articles in one input: it reads like a headline, at most NEXT_META
 * bylines and dates follow it, then a story's run of prose of at least
 * NEXT_WORDS words (see prose_run: three paragraphs, few short lines)?
 *
 *	Library to open on Sundays from next month   the headline
 *	By Tom Reed                                  a byline
 *	March 4, 2025 at 9:15 am                     a date
 *	The town library will open on Sunday ...     three paragraphs or more
 */
static int
next_story(unsigned long long i)
{
	unsigned long long j;
	unsigned meta = 0;
	const struct slot *t;

	if (!top_candidate(SLOT(i)) || SLOT(i)->f.term)
		return 0;
	for (j = i + 1; j < doc.next; j++) {
		t = SLOT(j);
		if (t->sig == SIG_BLANK || t->sig == SIG_SEE_THROUGH)
			continue;
		if (t->sig == SIG_FURN && t->cat == CAT_META &&
		    ++meta <= NEXT_META)
			continue;
		break;
	}
	return j < doc.next && prose(SLOT(j)) && prose_run(j) >= NEXT_WORDS;
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
	if ((j < doc.next && prose(SLOT(j)) &&
		prose_run(j) > doc.content_words) ||
	    next_story(i)) {
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
	s->cat = p != NULL && p->cat != CAT_CONTENT
	    ? run_category(s, p, NULL, 0)
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

/* ------------------------------------------------------------------ */
/* Lists: teasers and comments.                                        */

/* Lines of a teaser's summary, at most; a comment's paragraphs. */
#define TEASER_WORDS 60
#define TITLE_WORDS 40 /* the summary after a lone title */
#define UNIT_HEADS 4   /* short lines before the prose, at most */
#define COMMENT_PARAS 4
#define TEASERS 3 /* units in a row that make a list */
#define COMMENTS 2
#define LIVE_GAP 2 /* see live_entries() */

/* One unit of a list: a few lines that are not prose, then prose. */
struct unit {
	unsigned long long end; /* the line after its last prose line */
	unsigned heads;         /* its lines that are not prose */
	unsigned paras;         /* its prose lines */
	unsigned long words;    /* words of its longest prose line */
	int title;              /* its one head reads like a title */
	int numeric;            /* a prose line is a quarter numbers */
	int stamp;              /* a head is a date or time (a meta rule) */
	int name;               /* a head is a name: 1-4 capitalised words */
	int clock;              /* a stamp gives a time of day, "14:52" */
};

/* A digit. */
static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Does p[0..n) hold a time of day: a digit, a colon, two digits? */
static int
has_clock(const char *p, size_t n)
{
	size_t k;

	for (k = 0; k + 3 < n; k++)
		if (p[k + 1] == ':' && digit(p[k]) && digit(p[k + 2]) &&
		    digit(p[k + 3]))
			return 1;
	return 0;
}

/*
 * A title: a short line of 4 to 30 words that no rule took, capitalised
 * but not in capitals alone (a kicker, a promotion), not a sentence, few
 * numbers (not a score line).
 */
static int
title_like(const struct slot *s)
{
	const struct features *f = &s->f;
	size_t k;

	if (s->sig != SIG_WEAK || f->words < 4 || f->words > 30 ||
	    !f->first_upper || f->term || f->colon || f->bullet ||
	    f->numwords * 3 >= f->words)
		return 0;
	for (k = 0; k < s->text.len; k++)
		if (s->text.p[k] >= 'a' && s->text.p[k] <= 'z')
			return 1;
	return 0;
}

/*
 * Read the unit that starts at line i into u; 0 when there is none: no
 * head, too many heads, or the window ends before its prose does.
 */
static int
read_unit(unsigned long long i, struct unit *u)
{
	unsigned long long j;
	const struct slot *s;

	memset(u, 0, sizeof(*u));
	for (j = i; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_BLANK)
			continue;
		if (prose(s)) {
			if (u->heads == 0)
				return 0;
			u->paras++;
			if (s->f.numwords * 4 >= s->f.words)
				u->numeric = 1;
			if (line_weight(&s->f) > u->words)
				u->words = line_weight(&s->f);
			continue;
		}
		if (u->paras > 0)
			break;
		if (++u->heads > UNIT_HEADS)
			return 0;
		u->title = u->heads == 1 && title_like(s);
		if (s->sig == SIG_FURN && s->cat == CAT_META &&
		    s->f.numwords > 0) {
			u->stamp = 1;
			u->clock |= has_clock(s->text.p, s->text.len);
		}
		if (s->sig == SIG_WEAK && s->f.words <= 4 && s->f.first_upper &&
		    !s->f.term && s->f.numwords == 0)
			u->name = 1;
	}
	u->end = j;
	return u->paras > 0 && j < doc.next;
}

/* A teaser: one line of summary after a title or a few short lines. */
static int
teaser_unit(const struct unit *u)
{
	return u->paras == 1 && u->words <= TEASER_WORDS && !u->numeric &&
	    (u->heads >= 2 || (u->title && u->words <= TITLE_WORDS));
}

/*
 * A live blog's entries have a teaser's rhythm but are the story:
 *
 *	... the story's paragraph.                   kept
 *	Share
 *	14:10 GMT                                     a stamp with a time
 *	Coastguard warns people to stay away          a title
 *	"We have had two calls this afternoon ..."    one paragraph
 *	Share                                         and again
 *
 * Units whose stamps give a time of day, starting at most LIVE_GAP lines
 * after the story's headline or last paragraph, are not a list of
 * teasers (other stories come under a header, and their stamps give a
 * date).
 */
static int
live_entries(const struct unit *u)
{
	return u->clock && (doc.paragraphs > 0 || doc.headline) &&
	    !doc.outside && doc.gap <= LIVE_GAP;
}

/* A comment: a name and a date over a few paragraphs. */
static int
comment_unit(const struct unit *u)
{
	return u->stamp && u->name && u->heads <= 3 &&
	    u->paras <= COMMENT_PARAS;
}

/* A kicker: one to six words in capitals alone ("TIME TRAVELLER"). */
static int
kicker_like(const struct slot *s)
{
	size_t k;
	int upper = 0;

	if (prose(s) || s->f.words < 1 || s->f.words > 6)
		return 0;
	for (k = 0; k < s->text.len; k++) {
		if (s->text.p[k] >= 'a' && s->text.p[k] <= 'z')
			return 0;
		upper |= s->text.p[k] >= 'A' && s->text.p[k] <= 'Z';
	}
	return upper;
}

/*
 * Headlines of other stories, each under its kicker: TEASERS pairs or more
 * in a row of a kicker and a title.  The line after the last pair, or 0.
 */
static unsigned long long
kicker_list(unsigned long long i)
{
	unsigned long long j, end = 0;
	unsigned n = 0;
	int kicker = 0;
	const struct slot *s;

	for (j = i; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_BLANK)
			continue;
		if (!kicker && kicker_like(s)) {
			kicker = 1;
		} else if (kicker && title_like(s)) {
			kicker = 0;
			n++;
			end = j + 1;
		} else {
			break;
		}
	}
	return n >= TEASERS ? end : 0;
}

/*
 * Does line s end with an ellipsis ("..." or "…"), the mark of a summary
 * cut short?
 */
static int
cut_short(const struct slot *s)
{
	const char *p = s->text.p;
	size_t n = s->text.len;

	while (
	    n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
		n--;
	return (n >= 3 && memcmp(p + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/*
 * Summaries cut short, one after another: TEASERS lines or more in a row,
 * each of at most TEASER_WORDS words ending with an ellipsis (a story may
 * trail off once, not three times running).  The line after the last
 * one, or 0.
 */
static unsigned long long
cut_list(unsigned long long i)
{
	unsigned long long j, end = 0;
	unsigned n = 0;
	const struct slot *s;

	for (j = i; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_BLANK)
			continue;
		if (s->sig == SIG_FURN || s->f.words > TEASER_WORDS ||
		    !cut_short(s))
			break;
		n++;
		end = j + 1;
	}
	return n >= TEASERS ? end : 0;
}

/*
 * Does a list start at line i?  Units of one kind in a row make one:
 * TEASERS teasers with as many heads each (or a lone title each), or
 * COMMENTS comments; right after a list, one more unit of its kind
 * carries it on (the window may have ended it early).  Sets doc.list_*.
 *
 * A list of teasers starts after furniture ("Top stories", a share row),
 * never right after the story's own prose or at the top of the page: a
 * how-to whose steps are a heading and a paragraph each has the same
 * rhythm, but it follows its own introduction or starts the text.  A
 * teaser with a lone title, the closest to such a step, must also come
 * after a paragraph of the story.  Comments too follow furniture (their
 * count, "Leave a reply"), not the story's last paragraph.  p is the line
 * before the list (or before its header).
 */
static int
list_at(unsigned long long i, const struct slot *p)
{
	struct unit first, u;
	unsigned long long tend = i, cend = i, end;
	unsigned nt = 0, nc = 0;
	int more = doc.list_cat != CAT_CONTENT && i == doc.list_end;
	int tlive, clive;

	if ((end = cut_list(i)) != 0 || (end = kicker_list(i)) != 0) {
		doc.list_cat = CAT_RELATED;
		doc.list_end = end;
		doc.list_heads = 0;
		return 1;
	}
	if (!read_unit(i, &first))
		return 0;
	tlive = more ? doc.list_cat == CAT_RELATED &&
		first.heads == doc.list_heads && first.title == doc.list_title
		     : p != NULL && p->cat != CAT_CONTENT &&
		(!first.title || doc.paragraphs > 0) && !live_entries(&first);
	clive = more ? doc.list_cat == CAT_COMMENTS
		     : p != NULL && p->cat != CAT_CONTENT;
	for (u = first;;) {
		if (tlive && teaser_unit(&u) && u.heads == first.heads &&
		    u.title == first.title) {
			nt++;
			tend = u.end;
		} else {
			tlive = 0;
		}
		if (clive && comment_unit(&u)) {
			nc++;
			cend = u.end;
		} else {
			clive = 0;
		}
		if ((!tlive && !clive) || !read_unit(u.end, &u))
			break;
	}
	if (nt >= (more ? 1u : TEASERS) && tend >= cend) {
		doc.list_cat = CAT_RELATED;
		doc.list_end = tend;
		doc.list_heads = first.heads;
		doc.list_title = first.title;
	} else if (nc >= (more ? 1u : COMMENTS)) {
		doc.list_cat = CAT_COMMENTS;
		doc.list_end = cend;
	} else {
		return 0;
	}
	return 1;
}

/*
 * A list's header: a short line of a few words, not a sentence ("Top
 * stories", "Readers also liked") right above it.
 */
static int
header_like(const struct slot *s)
{
	return s->sig == SIG_WEAK && s->f.words >= 1 && s->f.words <= 6 &&
	    !s->f.term;
}

void
layout_scan(unsigned long long i)
{
	const struct slot *s = SLOT(i);
	unsigned long long j;

	if (i < doc.list_end || s->sig == SIG_BLANK)
		return;
	if (list_at(i, prev_decided(i)) || !header_like(s))
		return;
	/* The header goes with the list under it. */
	for (j = i + 1; j < doc.next && SLOT(j)->sig == SIG_BLANK; j++)
		;
	if (j < doc.next)
		(void)list_at(j, prev_decided(i));
}

int
layout_list(unsigned long long i, struct slot *s)
{
	if (doc.list_cat == CAT_CONTENT || i >= doc.list_end)
		return 0;
	s->cat = (unsigned char)doc.list_cat;
	s->why = doc.list_cat == CAT_COMMENTS ? "comment" : "teaser";
	return 1;
}

/* ------------------------------------------------------------------ */
/* Legal text: its words.                                              */

#define LEGAL_SCAN 240 /* bytes of a line read for its words */
#define LEGAL_WORDS 50 /* a longer line is a story's paragraph */

/* An ASCII letter. */
static int
ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * Does the text of s read as legal text: two different legal words and a
 * word that speaks to the reader, in its first LEGAL_SCAN bytes?
 */
static int
legal_text(const struct slot *s)
{
	const char *p = s->text.p;
	size_t n = s->text.len < LEGAL_SCAN ? s->text.len : LEGAL_SCAN;
	size_t k = 0, b;
	uint32_t first = 0;
	int legal = 0, address = 0;
	const struct wordtab_slot *w;

	while (k < n && !(legal && address)) {
		if (!ascii_letter((unsigned char)p[k])) {
			k++;
			continue;
		}
		for (b = k; k < n && ascii_letter((unsigned char)p[k]); k++)
			;
		if (k - b > 14 || (w = legal_word(p + b, k - b)) == NULL)
			continue;
		if (w->flags & ADDRESS_WORD)
			address = 1;
		if ((w->flags & LEGAL_WORD) && w->value != first) {
			if (first == 0)
				first = w->value;
			else
				legal = 1;
		}
	}
	return legal && address;
}

int
layout_legal(unsigned long long i, struct slot *s)
{
	(void)i;
	if (doc.paragraphs > 0 || !prose(s) || s->huge ||
	    s->f.words > LEGAL_WORDS)
		return 0;
	if (!legal_text(s))
		return 0;
	s->cat = CAT_LEGAL;
	s->why = "legal";
	return 1;
}
