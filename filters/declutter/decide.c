/*
 * decide.c - the verdict of each line: what the line is before context
 * (classify: a rule, a repeat, a credit, a byline, prose or a short line)
 * and then, with the lines before and after it in the window, what it is
 * (decide).  A short line between paragraphs is a sub-heading, between
 * furniture it is furniture; the headline is the last headline-like line
 * before the first paragraph; after an end marker ("Most viewed",
 * "Comments") the story is over.
 *
 * Lines wait in win.ring until AHEAD lines after them are read; BEHIND
 * decided lines stay for context.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "declutter.h"
#include "lineio.h"
#include "scan.h"
#include "xalloc.h"

struct document doc;
struct window win;

void
window_init(void)
{
	memset(&win, 0, sizeof(win));
	fpset_init(&win.seen, SEEN_CAP, 0);
	/* Empty for every run: the rules in force may differ. */
	win.memo = xcalloc(MEMO_SLOTS, sizeof(*win.memo));
	win.memo_set = xcalloc(MEMO_SLOTS / 2, sizeof(*win.memo_set));
}

void
window_free(void)
{
	size_t i;

	for (i = 0; i < WINDOW; i++)
		buf_free(&win.ring[i].text);
	fpset_free(&win.seen);
	free(win.memo);
	free(win.memo_set);
	win.memo = NULL;
	win.memo_set = NULL;
}

void
document_start(const char *label, unsigned long docno)
{
	memset(&doc, 0, sizeof(doc));
	doc.label = label;
	doc.docno = docno;
	fpset_clear(&win.seen);
}

static int
see_through(const struct slot *s)
{
	return s->sig == SIG_SEE_THROUGH ||
	    (s->decided && !s->kept &&
		(s->cat == CAT_AD || s->cat == CAT_LABEL));
}

/*
 * The nearest decided line before i that is neither blank nor an ad slot
 * or label, within the remembered lines; NULL at the document start.
 */
const struct slot *
prev_decided(unsigned long long i)
{
	unsigned long long j;
	const struct slot *s;

	for (j = i; j > 0 && i - j < BEHIND; j--) {
		s = SLOT(j - 1);
		if (s->sig == SIG_BLANK || see_through(s))
			continue;
		return s;
	}
	return NULL;
}

/* What lies after line i: the first line with a strong signal. */
struct ahead {
	const struct slot *s; /* NULL: the document or the window ends */
	unsigned weak;        /* weak lines passed on the way */
	unsigned dist;        /* lines from i to s */
};

/* Menu entries ahead that make a menu. */
#define MENU_AHEAD 16

static struct ahead
next_strong(unsigned long long i)
{
	struct ahead a = {NULL, 0, 0};
	unsigned long long j;
	const struct slot *s;

	for (j = i + 1; j < doc.next; j++) {
		s = SLOT(j);
		a.dist++;
		if (s->sig == SIG_BLANK || s->sig == SIG_SEE_THROUGH)
			continue;
		/* A table's row reads as content for its neighbours. */
		if (s->sig == SIG_WEAK && !s->row) {
			a.weak++;
			continue;
		}
		a.s = s;
		break;
	}
	return a;
}

/*
 * Does a menu follow line i: MENU_AHEAD entries or more in the window, a
 * list bullet and a few capitalised words each, no number, no sentence
 * ("* Harbour Herald", "* Gull Radio": a site's menu as text browsers
 * print it)?  A text of short lines ("line 1", "Line 2", a poem, a list
 * of names) is not one.
 */
static int
menu_ahead(unsigned long long i)
{
	unsigned long long j;
	unsigned n = 0;
	const struct slot *s;

	for (j = i + 1; j < doc.next && n < MENU_AHEAD; j++) {
		s = SLOT(j);
		n += s->sig == SIG_WEAK && s->f.bullet && s->f.first_upper &&
		    s->f.words <= 4 && s->f.numwords == 0 && !s->f.term;
	}
	return n >= MENU_AHEAD;
}

/*
 * Is line i inside a box of furniture: is there a furniture line (not an
 * ad slot or a label) at most BOX_SPAN lines ahead, with only sentences
 * and short lines, no paragraph, on the way?
 */
#define BOX_SPAN 4

static int
furniture_ahead(unsigned long long i)
{
	unsigned long long j;
	const struct slot *s;

	for (j = i + 1; j < doc.next && j <= i + BOX_SPAN; j++) {
		s = SLOT(j);
		if (s->sig == SIG_FURN)
			return 1;
		if (s->sig == SIG_LONG)
			return 0;
	}
	return 0;
}

/*
 * Is there a paragraph anywhere ahead of line i in the window?  Prose
 * before the first paragraph is page furniture only when an article
 * starts further down; a short text made of prose lines alone is the
 * article itself.
 */
static int
paragraph_ahead(unsigned long long i)
{
	unsigned long long j;

	for (j = i + 1; j < doc.next; j++)
		if (SLOT(j)->sig == SIG_LONG)
			return 1;
	return 0;
}

static int
strong_content(const struct slot *s)
{
	return s->sig == SIG_LONG || s->sig == SIG_PROSE || s->row;
}

/* A line that can be a headline: a few words, no sentence ending. */
static int
headline_like(const struct features *f)
{
	return f->words >= 5 && f->words <= 30 && !f->colon && !f->bullet &&
	    f->lower < f->words && f->numwords * 3 < f->words;
}

/* A sub-heading: a few words, starting with a capital, no full stop. */
static int
heading_like(const struct features *f)
{
	return f->words >= 1 && f->words <= 10 && f->first_upper &&
	    !(f->period && f->words > 3);
}

/* A line that reads like a headline and has no rule or repetition. */
int
top_candidate(const struct slot *s)
{
	return (s->sig == SIG_WEAK || s->sig == SIG_PROSE) &&
	    headline_like(&s->f) && !s->f.period && !s->f.bar && !s->f.url;
}

/*
 * Is line i the headline?  It reads like one, a paragraph follows in the
 * window, and no other headline-like line stands between them, apart from
 * the lines right after it (the standfirst).  Menus, taglines and kickers
 * come earlier on the page; the headline is the last such line before the
 * story.
 */
static int
is_headline(unsigned long long i)
{
	unsigned long long j = i + 1;
	const struct slot *s;
	int byline = 0;

	if (!top_candidate(SLOT(i)))
		return 0;
	for (; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_BLANK || s->sig == SIG_SEE_THROUGH)
			continue;
		if ((s->sig != SIG_WEAK && s->sig != SIG_PROSE) ||
		    s->f.words < 8)
			break;
	}
	for (; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_LONG)
			return 1;
		if (s->sig == SIG_FURN && s->cat == CAT_META)
			byline = 1;
		else if (top_candidate(s) && !byline)
			return 0;
	}
	return 0;
}

/*
 * The top of the page, before the first paragraph: menus, kickers, the
 * headline, the standfirst, bylines.
 */
static int
decide_top(unsigned long long i, struct slot *s, const struct slot *p)
{
	if (!doc.headline && is_headline(i)) {
		s->cat = CAT_CONTENT;
		s->why = "headline";
		doc.headline = 1;
		doc.standfirst = i + 1;
		return 1;
	}
	if (doc.headline && doc.standfirst != 0 && p != NULL && p->kept &&
	    p->lineno == doc.standfirst && s->f.words >= 5) {
		s->cat = CAT_CONTENT;
		s->why = "standfirst";
		doc.standfirst = i + 1;
		return 1;
	}
	return 0;
}

/*
 * The category of a short line in a run of furniture: the widget's when
 * the lines on both sides share one and the run is short (a line or two,
 * like the "or" between two account buttons), else a menu entry's (a few
 * capitalised words), else that of the line before.
 */
unsigned char
run_category(const struct slot *s, const struct slot *p, const struct slot *n,
    unsigned run)
{
	if (p != NULL && n != NULL && p->cat == n->cat && run <= 1)
		return p->cat;
	if (s->f.words <= 3 && heading_like(&s->f))
		return CAT_NAV;
	return p != NULL ? p->cat : n != NULL ? n->cat : CAT_NAV;
}

static void
decide_context(unsigned long long i, struct slot *s)
{
	const struct slot *p = prev_decided(i);
	struct ahead a = next_strong(i);
	int p_content = p != NULL && p->kept && p->cat == CAT_CONTENT;
	int p_furn = p != NULL && !(p->kept && p->cat == CAT_CONTENT);
	int n_content = a.s != NULL && strong_content(a.s);
	int n_furn = a.s != NULL && a.s->sig == SIG_FURN;

	if (doc.paragraphs == 0 && decide_top(i, s, p))
		return;
	if (s->sig == SIG_PROSE) {
		if (p_furn && n_furn && a.dist <= 3) {
			s->cat = p->cat;
			s->why = "prose-between-furniture";
		} else if (p_furn && doc.paragraphs > 0 && furniture_ahead(i)) {
			s->cat = p->cat;
			s->why = "sentence-in-box";
		} else if (doc.paragraphs == 0 && !doc.headline &&
		    paragraph_ahead(i)) {
			s->cat = p_furn ? p->cat : CAT_NAV;
			s->why = "prose-at-top";
		} else {
			s->cat = CAT_CONTENT;
			s->why = "sentence";
		}
		return;
	}
	/* A short line. */
	if (p_content && n_content) {
		s->cat = CAT_CONTENT;
		s->why = "short-between-paragraphs";
	} else if (p_furn && n_furn) {
		s->cat = run_category(s, p, a.s, a.weak);
		s->why = "short-between-furniture";
	} else if (p_content && n_furn) {
		if (s->f.term && s->f.words >= 4) {
			s->cat = CAT_CONTENT;
			s->why = "short-sentence";
		} else {
			s->cat = a.s->cat;
			s->why = "short-before-furniture";
		}
	} else if (p_furn && n_content && doc.headline && a.weak == 0 &&
	    a.s->sig == SIG_LONG && heading_like(&s->f) &&
	    !(p->cat == CAT_MEDIA && p->f.words <= 4)) {
		s->cat = CAT_CONTENT;
		s->why = "heading-after-furniture";
	} else if (p_furn && n_content && doc.headline && doc.paragraphs == 0 &&
	    s->f.words >= 4 && !(p->cat == CAT_MEDIA && p->f.words <= 4)) {
		s->cat = CAT_CONTENT;
		s->why = "list-before-story";
	} else if (p_furn) {
		s->cat = run_category(s, p, NULL, 0);
		s->why = "short-after-furniture";
	} else if (p_content) {
		/* Nothing strong follows in the window: a long run of short
		 * capitalised lines is a menu (a footer), a line or two is
		 * the story's end. */
		if (a.weak >= 3 && heading_like(&s->f) && !s->f.term) {
			s->cat = CAT_NAV;
			s->why = "short-run";
		} else {
			s->cat = CAT_CONTENT;
			s->why = "short-after-paragraph";
		}
	} else if (a.s == NULL && !menu_ahead(i) &&
	    !(s->f.words <= 3 && heading_like(&s->f))) {
		/* Nothing around says furniture, nor does it read like a
		 * menu entry: keep it.  A menu of MENU_AHEAD short lines
		 * below says furniture (a site's tagline above its menu,
		 * "Dow Jones, a News Corp company"). */
		s->cat = CAT_CONTENT;
		s->why = "short-no-evidence";
	} else {
		s->cat = n_furn ? a.s->cat : CAT_NAV;
		s->why = "short-at-top";
	}
}

/* Does the text of b start with the lower-case word w (any case)? */
static int
starts_with(const struct buf *b, const char *w)
{
	size_t n = strlen(w), i;

	if (b->len < n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower_byte[(unsigned char)b->p[i]] != (unsigned char)w[i])
			return 0;
	return 1;
}

/* Words of a credit alone ("Photo: Ann Lee, The Courier"), at most. */
#define CREDIT_WORDS 10
/* Copies of a caption between it and its credit, at most. */
#define CAPTION_COPIES 3

/* The reading of slot s (not huge): its text without the marks a text
 * browser puts around it, as classify() found it. */
static const char *
slot_reading(const struct slot *s, size_t *n)
{
	*n = s->rd_len;
	return s->text.p + s->rd_off;
}

/*
 * Does the reading of slot n start as t[0..tn) does (COPY_PREFIX bytes):
 * a copy of it, whole or cut short ("... with the South ... more")?
 */
static int
copy_of(const struct slot *n, const char *t, size_t tn)
{
	const char *u;
	size_t un = n->text.len;

	if (n->huge || tn < COPY_PREFIX)
		return 0;
	u = slot_reading(n, &un);
	return un >= COPY_PREFIX && memcmp(u, t, COPY_PREFIX) == 0;
}

/*
 * A caption: a sentence of fewer than 40 words right above a photo credit
 * ("Ann Lee/The Courier", "Photograph by Ann Lee"; not "Image source",
 * which comes above the picture).  A gallery may print the caption two or
 * three times, whole and cut short, before its credit (then it may run to
 * 80 words):
 *
 *	* Divers search the harbour on Monday. The ...      a caption
 *	  Divers search the harbour on Monday. The ...      its copies
 *	  Photo: Ann Lee, AP                                the credit
 */
static int
caption_before_credit(unsigned long long i)
{
	const struct slot *s = SLOT(i), *n = NULL;
	unsigned long long j;
	unsigned copies = 0;
	const char *t;
	size_t tn = s->text.len;

	if (!s->f.period || s->f.words >= 80)
		return 0;
	t = s->huge ? NULL : slot_reading(s, &tn);
	for (j = i + 1; j < doc.next; j++) {
		n = SLOT(j);
		if (n->sig == SIG_BLANK) {
			n = NULL;
			continue;
		}
		if (t == NULL || copies >= CAPTION_COPIES || !copy_of(n, t, tn))
			break;
		copies++;
		/* "... last week.Credit...Ann Lee/AP": its copy is its
		 * credit. */
		if (n->f.credit)
			break;
		n = NULL;
	}
	/* A longer caption is told by its copies. */
	if (s->f.words >= 40 && copies == 0)
		return 0;
	if (n == NULL || n->sig != SIG_FURN || n->cat != CAT_MEDIA || n->huge)
		return 0;
	/* A credit that carries a caption of its own ("Boats at the pier.
	 * (Photo by Ann Lee)") is not the credit of the line above. */
	if (copies == 0 && n->f.words > CREDIT_WORDS)
		return 0;
	if (n->f.credit || copies > 0)
		return n->text.len > 0 && n->text.p[0] != '(';
	return n->f.words <= 12 && starts_with(&n->text, "photograph");
}

/*
 * A sentence printed twice in a row, the second copy right under the
 * first, is a picture's caption (its alt text and its caption, a video
 * card's title and summary): a story never repeats its paragraph at once.
 */
static int
printed_twice(unsigned long long i)
{
	const struct slot *s = SLOT(i), *n;
	unsigned long long j;

	if (s->sig != SIG_LONG && s->sig != SIG_PROSE)
		return 0;
	for (j = i + 1; j < doc.next; j++) {
		n = SLOT(j);
		if (n->sig == SIG_BLANK)
			continue;
		return n->repeated && n->fp == s->fp;
	}
	return 0;
}

/*
 * A copy of the caption just dropped, whole or cut short (a gallery's
 * "... more" and "... less" views of it).
 */
static int
caption_copy(unsigned long long i)
{
	const struct slot *p = prev_decided(i);
	const char *t;
	size_t tn;

	if (p == NULL || p->kept || p->cat != CAT_MEDIA || p->huge ||
	    strcmp(p->why, "caption") != 0)
		return 0;
	tn = p->text.len;
	t = slot_reading(p, &tn);
	return copy_of(SLOT(i), t, tn);
}

/* The seen set's value for the start of a kept line of prose (see
 * content_copy), and for a line not seen or not decided yet. */
#define SEEN_PROSE_START 0xFE
#define SEEN_NONE 0xFF

/* What the document's seen set holds for fingerprint fp: the category of
 * the line's first copy, SEEN_PROSE_START, or SEEN_NONE. */
static unsigned
seen_value(uint64_t fp)
{
	size_t k;
	int fresh;

	k = fpset_find(&win.seen, fp, 0, &fresh);
	return k != (size_t)-1 ? win.seen.val[k] : SEEN_NONE;
}

/* Sentence ends looked at for a copy run on into the next paragraphs. */
#define RUN_ON_SENTENCES 4

/* Does p[0..n) end with an ellipsis ("..." or "…")? */
static int
ends_cut(const char *p, size_t n)
{
	return (n >= 3 && memcmp(p + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0);
}

/*
 * A copy of a kept line of prose: the story's lead again as its own
 * teaser, cut short, or run on into the next paragraphs (a summary the
 * page prints of itself):
 *
 *	Good morning, here is the news you need today.      kept
 *	Good morning, here is the news you need to...       cut short
 *	Good morning, here is the news you need today. The council voted ...
 *
 * A cut copy starts as a kept line did (COPY_PREFIX bytes, 40) and ends in
 * an ellipsis; a run-on copy holds a kept line whole, then more (its
 * first sentences, up to one of its first RUN_ON_SENTENCES full stops,
 * are that line).  A line that only starts like another (a pull quote
 * printed again, a video's caption that repeats the lead with a word
 * changed) is not a copy: the story may print those twice.
 */
/* prefix_fp() of s's reading, worked out once (content_copy and
 * note_prose_start both ask). */
static uint64_t
slot_prefix_fp(struct slot *s)
{
	const char *t;
	size_t n;

	if (!s->prefix_done) {
		t = slot_reading(s, &n);
		s->prefix = prefix_fp(t, n);
		s->prefix_done = 1;
	}
	return s->prefix;
}

static int
content_copy(struct slot *s)
{
	uint64_t fp;
	size_t n = s->text.len, e;
	unsigned ends = 0;
	const char *t, *q;

	if ((s->sig != SIG_LONG && s->sig != SIG_PROSE) || s->huge)
		return 0;
	t = slot_reading(s, &n);
	/* Either copy starts as a kept line did: most lines stop here. */
	if ((fp = slot_prefix_fp(s)) == 0)
		return 0;
	if (seen_value(fp) != SEEN_PROSE_START)
		return 0;
	if (ends_cut(t, n))
		return 1;
	/* Full stops followed by a space, found with memchr: a kept line
	 * ends at one ("... this Tuesday. The council ..."). */
	for (e = COPY_PREFIX - 1; ends < RUN_ON_SENTENCES; e++) {
		q = memchr(t + e, '.', n - e);
		if (q == NULL)
			break;
		e = (size_t)(q - t) + 1;
		if (e >= n)
			break;
		if (t[e] != ' ')
			continue;
		ends++;
		if (seen_value(reading_fp(t, e)) == CAT_CONTENT)
			return 1;
	}
	return 0;
}

/* Line s of prose was kept: note its start for content_copy. */
static void
note_prose_start(struct slot *s)
{
	uint64_t fp;
	size_t k;
	int fresh;

	if (s->huge)
		return;
	if ((fp = slot_prefix_fp(s)) == 0)
		return;
	k = fpset_find(&win.seen, fp, 1, &fresh);
	if (k != (size_t)-1 && fresh)
		win.seen.val[k] = SEEN_PROSE_START;
}

/*
 * A numbered list under a header of links to other stories ("Most
 * popular", "Related") is a list of their headlines, however long
 * (a picture's caption glued to each):
 *
 *	Most popular                                  a related rule
 *	  1. Council votes to rebuild the harbour wall    numbered-list
 *	  2. Ferry to run through the winter ...          numbered-list
 */
static int
numbered_links(unsigned long long i, struct slot *s)
{
	const struct slot *p;

	if (!s->numbered || (p = prev_decided(i)) == NULL || p->kept ||
	    p->cat != CAT_RELATED)
		return 0;
	if (p->rule < 0 && strcmp(p->why, "numbered-list") != 0)
		return 0;
	s->cat = CAT_RELATED;
	s->why = "numbered-list";
	return 1;
}

/*
 * A line seen before in the document takes the category of its first
 * copy ("Share" twice, the paywall pitch printed at the top and the
 * bottom); a short one whose first copy was furniture may still be a
 * sub-heading that a menu repeats.
 */
static void
decide_repeated(unsigned long long i, struct slot *s)
{
	unsigned first = seen_value(s->fp);
	int first_furniture = first != SEEN_NONE && first != CAT_CONTENT;

	if (first_furniture && s->sig == SIG_WEAK && !doc.outside) {
		/* A menu entry that is also a sub-heading (not after the
		 * article's end, where a teaser's title comes twice). */
		decide_context(i, s);
		if (s->cat != CAT_CONTENT) {
			s->cat = first;
			s->why = "repeated-in-document";
		}
	} else {
		s->cat = first_furniture ? first : CAT_META;
		s->why = "repeated-in-document";
	}
}

/*
 * After an end marker ("Most viewed", "Comments"): the story is over,
 * unless two paragraphs in a row say it goes on.
 */
static void
decide_after_end(unsigned long long i, struct slot *s)
{
	const struct slot *p;
	struct ahead a = next_strong(i);

	if (s->sig == SIG_LONG && a.s != NULL && a.s->sig == SIG_LONG &&
	    a.weak == 0) {
		s->cat = CAT_CONTENT;
		s->why = "prose-after-end-marker";
		doc.after_end = 0;
	} else {
		p = prev_decided(i);
		s->cat = (unsigned char)doc.after_end;
		/* A headline after the comments: a related list. */
		if (doc.after_end == CAT_COMMENTS && s->f.words >= 4 &&
		    !s->f.term && s->f.first_upper && !s->f.colon)
			s->cat = CAT_RELATED;
		if (doc.after_end != CAT_COMMENTS && p != NULL && !p->kept)
			s->cat = run_category(s, p, NULL, 0);
		else if (doc.after_end != CAT_COMMENTS && s->f.words <= 3 &&
		    heading_like(&s->f))
			s->cat = CAT_NAV;
		s->why = "after-end-marker";
	}
}

void
decide(unsigned long long i)
{
	struct slot *s = SLOT(i);
	const struct rule *r;
	const struct slot *p;
	size_t k;
	int fresh;

	s->kept = 0;
	/* The seen set's slots the next line's verdict looks up (its copy
	 * of a kept line's start, its first copy's category): fetch them
	 * now, while this one is decided. */
	if (i + 1 < doc.next) {
		struct slot *n = SLOT(i + 1);

		if ((n->sig == SIG_LONG || n->sig == SIG_PROSE) && !n->huge)
			fpset_prefetch(&win.seen, slot_prefix_fp(n));
		if (n->sig != SIG_BLANK && win.seen.gen == n->seen_gen &&
		    n->seen_slot != (size_t)-1)
			cache_prefetch(&win.seen.val[n->seen_slot]);
	}
	layout_scan(i);
	if (s->sig == SIG_BLANK) {
		p = prev_decided(i);
		s->cat = p != NULL ? p->cat : CAT_CONTENT;
		if (p != NULL && !p->kept)
			s->cat = p->cat;
		else
			s->cat = CAT_CONTENT;
		s->why = "blank";
	} else if (s->chrome) {
		s->why = s->chrome == CHROME_IMAGE ? "image-placeholder"
		    : s->chrome == CHROME_DOUBLED  ? "doubled-text"
		    : s->chrome == CHROME_RULE     ? "drawn-rule"
						   : "browser-chrome";
	} else if (s->rule >= 0) {
		r = rule_at(s->rule);
		s->cat = r->cat;
		s->why = r->why;
		if (r->weak) {
			p = prev_decided(i);
			if (p != NULL && !p->kept)
				s->cat = p->cat;
		}
		if (r->end && doc.paragraphs > 0)
			doc.after_end = r->cat;
	} else if (s->f.credit) {
		s->cat = CAT_MEDIA;
		s->why = "photo-credit";
	} else if (s->f.byline) {
		s->cat = CAT_META;
		s->why = "byline";
	} else if (s->repeated) {
		decide_repeated(i, s);
	} else if (s->learned) {
		p = prev_decided(i);
		s->cat = p != NULL && !p->kept ? p->cat : CAT_NAV;
		s->why = "repeated-across-documents";
	} else if (numbered_links(i, s)) {
		/* A numbered list of other stories (see there). */
	} else if (s->row && decide_table(i, s)) {
		/* A table's row, decided with its table (table.c). */
	} else if (layout_list(i, s) || layout_legal(i, s)) {
		/* A teaser, a comment or legal text (layout.c). */
	} else if (doc.outside && layout_outside(i, s)) {
		/* After the article's end (layout.c). */
	} else if (doc.after_end) {
		decide_after_end(i, s);
	} else if (content_copy(s)) {
		s->cat = CAT_META;
		s->why = "copy-of-content";
	} else if (caption_before_credit(i) || caption_copy(i) ||
	    printed_twice(i)) {
		s->cat = CAT_MEDIA;
		s->why = "caption";
	} else if (s->sig == SIG_LONG) {
		s->cat = CAT_CONTENT;
		s->why = "paragraph";
	} else {
		decide_context(i, s);
	}
	if (s->cat == CAT_CONTENT || opt.keep[s->cat])
		s->kept = 1;
	if (s->cat == CAT_CONTENT && s->sig != SIG_BLANK)
		doc.seen_content = 1;
	if (s->cat == CAT_CONTENT && s->sig == SIG_LONG)
		doc.paragraphs++;
	s->decided = 1;
	layout_note(s);
	if (s->kept && s->cat == CAT_CONTENT &&
	    (s->sig == SIG_LONG || s->sig == SIG_PROSE))
		note_prose_start(s);
	if (s->sig != SIG_BLANK && !s->repeated) {
		/* The first copy gives later ones its category. */
		k = win.seen.gen == s->seen_gen
		    ? s->seen_slot
		    : fpset_find(&win.seen, s->fp, 0, &fresh);
		if (k != (size_t)-1 && win.seen.val[k] == SEEN_NONE)
			win.seen.val[k] = s->cat;
	}
}

/* A memo answer not worked out yet (no answer is negative but a rule's
 * -1: none). */
#define MEMO_UNKNOWN (-2)

/* The tag of fingerprint fp in its memo set: bits the set's index does
 * not use, never 0. */
static uint32_t
memo_tag(uint64_t fp)
{
	return (uint32_t)(fp >> 32) | 1;
}

/* The memo set of the reading with fingerprint fp: its entries are
 * win.memo[2k] and win.memo[2k + 1], k = memo_set_of(fp). */
static size_t
memo_set_of(uint64_t fp)
{
	return fp & (MEMO_SLOTS / 2 - 1);
}

/*
 * The memo slot of the reading t[0..n) with fingerprint fp, and whether
 * it holds that reading (*hit); when no slot does, the one of its set
 * met less recently is given to it, to be filled by memo_fill() once the
 * line's features are worked out (classify_start() fetched the set's
 * entries).  NULL (no memo) before the page's text has started: lynx's
 * list of links is told from the same line after it (browser_chrome).
 */
static struct memo_entry *
memo_slot(uint64_t fp, size_t n, int *hit)
{
	struct memo_set *set;
	struct memo_entry *m;
	uint32_t tag = memo_tag(fp);
	size_t k = memo_set_of(fp);
	int w;

	*hit = 0;
	if (!doc.text_started || fp == 0)
		return NULL;
	set = &win.memo_set[k];
	for (w = 0; w < 2; w++) {
		m = &win.memo[2 * k + (size_t)w];
		if (set->tag[w] == tag && m->fp == fp && m->len == n) {
			set->recent = (unsigned char)w;
			*hit = 1;
			return m;
		}
	}
	w = set->recent ^ 1;
	set->tag[w] = tag;
	set->recent = (unsigned char)w;
	return &win.memo[2 * k + (size_t)w];
}

/* Fill the memo entry m (if not NULL) that memo_slot() gave the new
 * reading of fingerprint fp, n bytes, whose features are f. */
static void
memo_fill(struct memo_entry *m, uint64_t fp, size_t n, const struct features *f)
{
	int k;

	if (m == NULL)
		return;
	m->fp = fp;
	m->len = n;
	m->f = *f;
	for (k = 0; k < MEMO_FIELDS; k++)
		m->v[k] = MEMO_UNKNOWN;
}

/*
 * Answer field k of the memo for slot s, whose reading is t[0..n): from
 * entry m when it holds the answer, else worked out and kept in m (when
 * not NULL).  Every answer besides the features goes through here.
 */
static int64_t
memo_take(struct memo_entry *m, enum memo_field k, const struct slot *s,
    const char *t, size_t n)
{
	int64_t v;

	if (m != NULL && m->v[k] != MEMO_UNKNOWN)
		return m->v[k];
	switch (k) {
	case MEMO_CHROME:
		v = browser_chrome(t, n, doc.text_started);
		break;
	case MEMO_DOUBLED:
		v = (int64_t)doubled_text(t, n);
		break;
	case MEMO_RULE:
		v = rules_match(
		    t, n, s->f.shape == SHAPE_LONG, doc.label, s->lineno);
		break;
	default:
		v = text_cells(t, n);
		break;
	}
	if (m != NULL)
		m->v[k] = v;
	return v;
}

void
classify_start(struct slot *s, const struct line *line)
{
	size_t tlen = line->len, k;
	const char *t, *e;
	unsigned marks;

	s->crlf = line->crlf;
	s->nonl = line->nonl;
	/* Features, fingerprint and rules read the line's text without
	 * the marks a text browser puts before it (reading.c). */
	t = line_reading(line->p, &tlen, &marks);
	s->rd_off = (size_t)(t - line->p);
	s->rd_len = tlen;
	s->marks = (unsigned char)marks;
	s->fp = tlen > 0 ? reading_fp(t, tlen) : 0; /* line_fp, as learn.c */
	/*
	 * The tables classify() looks the line up in (the memo, the seen
	 * set, the rules' first bytes and trie) are too big for the cache:
	 * fetch their slots now, while the line before is classified.
	 */
	k = memo_set_of(s->fp);
	cache_prefetch(&win.memo_set[k]);
	/* Both entries of the set: one is read on a hit, or written. */
	for (e = (const char *)&win.memo[2 * k];
	     e < (const char *)&win.memo[2 * k + 2]; e += 64)
		cache_prefetch(e);
	cache_prefetch((const char *)&win.memo[2 * k + 2] - 1);
	fpset_prefetch(&win.seen, s->fp);
	if (learning.min > 0)
		fpset_prefetch(&learning.set, s->fp);
	rules_prefetch(t, tlen);
}

void
classify(struct slot *s, const struct line *line)
{
	int fresh, hit;
	size_t k, tlen = s->rd_len;
	const char *t = line->p + s->rd_off;
	unsigned marks = s->marks;
	uint64_t fp = s->fp;
	struct memo_entry *m;

	s->lineno = doc.next + 1;
	s->decided = s->kept = 0;
	s->repeated = s->learned = s->chrome = s->cells = s->row = 0;
	s->prefix_done = 0;
	s->why = "";
	s->rule = -1;
	s->cat = CAT_CONTENT;
	/* What follows up to the verdict depends on the reading alone (and
	 * the marks): a reading met before takes it from the memo. */
	m = memo_slot(fp, tlen, &hit);
	if (hit) {
		s->f = m->f;
	} else {
		line_features(t, tlen, &s->f);
		prose_any_script(t, tlen, &s->f);
		memo_fill(m, fp, tlen, &s->f);
	}
	/* (prose_any_script() does not read the bullet.) */
	if (marks & (MARK_BULLET | MARK_NUMBER))
		s->f.bullet = 1;
	s->numbered = (marks & MARK_NUMBER) != 0;
	if (s->f.shape == SHAPE_BLANK) {
		s->sig = SIG_BLANK;
		s->fp = 0;
		return;
	}
	s->fp = fp;
	k = fpset_find(&win.seen, s->fp, 1, &fresh);
	s->repeated = k != (size_t)-1 && !fresh;
	s->seen_slot = k;
	s->seen_gen = win.seen.gen;
	if (learning.min > 0) {
		k = fpset_find(&learning.set, s->fp, 0, &fresh);
		s->learned =
		    k != (size_t)-1 && learning.set.val[k] >= learning.min;
	}
	s->chrome = (unsigned char)memo_take(m, MEMO_CHROME, s, t, tlen);
	if (s->chrome == CHROME_IMAGE || s->chrome == CHROME_RULE) {
		/* Looked through, like an ad slot: a picture between two
		 * paragraphs does not part them, nor does a heading's
		 * underline part it from its paragraph. */
		s->sig = SIG_SEE_THROUGH;
		s->cat = s->chrome == CHROME_IMAGE ? CAT_MEDIA : CAT_LABEL;
		return;
	}
	if (s->chrome == CHROME_BROWSER) {
		s->sig = SIG_FURN;
		s->cat = CAT_NAV;
		return;
	}
	doc.text_started = 1;
	/* "FacebookFacebook" is found by the rule for "Facebook". */
	k = (size_t)memo_take(m, MEMO_DOUBLED, s, t, tlen);
	if (k > 0) {
		s->chrome = CHROME_DOUBLED;
		tlen = k;
	}
	s->rule = (int)memo_take(m, MEMO_RULE, s, t, tlen);
	if (s->rule < 0 && s->chrome == CHROME_DOUBLED) {
		s->sig = SIG_FURN;
		s->cat = CAT_RELATED;
		return;
	}
	s->chrome = 0;
	if (s->rule >= 0) {
		s->cat = rule_at(s->rule)->cat;
		s->sig = s->cat == CAT_AD || s->cat == CAT_LABEL
		    ? SIG_SEE_THROUGH
		    : SIG_FURN;
	} else if (s->f.credit) {
		s->sig = SIG_FURN;
		s->cat = CAT_MEDIA;
	} else if (s->f.byline) {
		s->sig = SIG_FURN;
		s->cat = CAT_META;
	} else if ((s->repeated && s->f.shape != SHAPE_SHORT) || s->learned) {
		s->sig = SIG_FURN;
		s->cat = CAT_LABEL;
	} else if (s->f.shape == SHAPE_LONG) {
		s->sig = SIG_LONG;
	} else if (s->f.shape == SHAPE_PROSE) {
		s->sig = SIG_PROSE;
	} else {
		s->sig = SIG_WEAK;
	}
	/* Only a short line or a sentence can be a table's row. */
	if (s->sig == SIG_WEAK || s->sig == SIG_PROSE) {
		s->cells = (unsigned char)memo_take(m, MEMO_CELLS, s, t, tlen);
		table_note(doc.next);
	}
}
