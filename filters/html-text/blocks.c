/*
 * blocks.c - --main: keep the document's lines with their markup, then
 * choose the article.
 *
 * What is kept: every visible element as a node (parent, what its tag,
 * role, itemprop and class/id words say), every line with its node, its
 * link text and its cells, the <title>, and the articleBody string of
 * any JSON-LD script.  How the article is chosen, at the end of the
 * document (choose()):
 *
 *  1. Furniture: nodes that markup marks as not the article: nav, aside,
 *     footer, form, button, dialog, menu, search; role navigation,
 *     banner, contentinfo, complementary, search, menu, dialog; a
 *     <header> outside <article>/<main>; a class or id word of
 *     furniture.words (comments, sidebar, related, share ...).  A node
 *     that holds the article markup (<article>, <main>, itemprop=
 *     articleBody) or most of the page's prose is not furniture, however
 *     it is named: a <div class="page has-sidebar"> wraps everything.
 *  2. Prose and clutter (prose_weight()): a line is prose when it has
 *     PROSE_CHARS bytes of text that is not link text and less than half
 *     of it links, or is a table row of three cells; a prose line with
 *     no prose line beside it counts ISOLATED_WEIGHT (an article is a run
 *     of paragraphs; teasers and comments are one excerpt at a time
 *     between a headline and a byline); links inside a paragraph are
 *     part of it.  Other lines are clutter.
 *  3. The article: the node whose subtree, furniture left out, has the
 *     most prose less clutter (node_score()), narrowed to the innermost
 *     node that keeps INNER_SHARE of that score when such nodes nest
 *     (refine()).  The markup decides first when it can: an itemprop=
 *     articleBody with prose wins outright; an <article> or <main> wins
 *     when it scores at least LANDMARK_SHARE as well, narrowed the same
 *     way.
 *  4. Its lines are written, less furniture inside it and lines that are
 *     mostly link text.  When JSON-LD articleBody holds much more text
 *     than that (a page that loads its text by script), it is written
 *     instead.
 *
 * Readability scores paragraphs and hands each score to the parent and
 * half to the grandparent, then joins siblings; trafilatura tries lists
 * of known content containers, then falls back to such scoring.  Here
 * every ancestor gets the whole of its subtree and the clutter inside
 * decides, so an article split into several <div> under one parent is
 * found whole, and the refinement takes away the wrapper's teasers and
 * comments rather than a Readability-style sibling search adding them.
 */
#include "blocks.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chars.h"
#include "element.h"
#include "options.h"
#include "output.h"
#include "tree.h"
#include "words.h"
#include "xalloc.h"

#define PROSE_CHARS 60       /* non-link bytes that make a line prose */
#define ROW_CHARS 12         /* ... or a table row of three cells */
#define CLUTTER_WEIGHT 1.0   /* what a byte of clutter costs a node */
#define BODYPROP_BONUS 1.5   /* itemprop=articleBody */
#define LANDMARK_BONUS 1.25  /* <article>, <main>, role=main */
#define CONTENT_BONUS 1.1    /* a class word of content.words */
#define MAJORITY 0.7         /* share of prose that outranks a class word */
#define MARKED_PROSE 400     /* prose that makes marked-up article count */
#define LANDMARK_SHARE 0.5   /* an <article> against the best node */
#define INNER_SHARE 0.85     /* score an inner node keeps to stand for it */
#define ISOLATED_WEIGHT 0.25 /* a prose line with no prose line beside it */
#define JSONLD_MIN 200       /* JSON-LD text that may stand for the markup */

/* Node flags: what the markup says of an element. */
enum {
	N_BOILER_TAG = 1u << 0,  /* nav, aside, footer, form ... */
	N_BOILER_ROLE = 1u << 1, /* role=navigation ... */
	N_BOILER_WORD = 1u << 2, /* class/id word of furniture.words */
	N_HEADER = 1u << 3,      /* <header> */
	N_LANDMARK = 1u << 4,    /* <article>, <main>, role=main/article */
	N_BODYPROP = 1u << 5,    /* itemprop=articleBody */
	N_CONTENT_WORD = 1u << 6,
	/* computed by choose() */
	N_HOLDS_ARTICLE = 1u << 7, /* its subtree has landmark or bodyprop */
	N_FURNITURE = 1u << 8,     /* it or an ancestor is furniture */
	N_IN_LANDMARK = 1u << 9    /* inside an <article> or <main> */
};

struct node {
	int parent;
	unsigned flags;
	double prose, clutter; /* bytes in the subtree, furniture left out */
	int why;               /* furniture: the node that made it so */
	int last;              /* the last node of its subtree */
	size_t label;          /* --explain: "div.class#id" in blk.labels */
};

struct bline {
	size_t off, len; /* its text in blk.text */
	int node;
	size_t links;  /* bytes of link text */
	unsigned tabs; /* table cells after the first */
};

static void blk_spill(void);

/* The entries of a list of words.h (words/furniture.words and
 * words/content.words, sorted: in_list() searches them by halves), the
 * NULL that ends it not counted. */
#define NWORDS(list) (sizeof(list) / sizeof((list)[0]) - 1)
static const size_t nfurniture = NWORDS(words_furniture),
		    ncontent = NWORDS(words_content);

static struct {
	struct node *nodes;
	size_t nnodes, capnodes;
	struct bline *lines;
	size_t nlines, caplines;
	struct buf text;
	int in_line; /* a line has begun */
	int in_link; /* the text being added is link text */
	int spilled; /* a cap was reached: lines are written as they come */
	int title;   /* the current line is the title */
	int title_written;
	struct buf title_text;
	struct buf jsonld;  /* the text of the current JSON-LD script */
	struct buf article; /* the longest JSON-LD articleBody */
	struct buf labels;  /* --explain: node labels, NUL-terminated */
} blk;

/*
 * Compare the word a (a C string) with the n bytes at w, which may hold
 * anything, a NUL too: <0, 0 or >0 as a sorts before, equal, after.
 */
static int
word_cmp(const char *a, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (a[i] == '\0')
			return -1;
		if (a[i] != w[i])
			return (unsigned char)a[i] < (unsigned char)w[i] ? -1
									 : 1;
	}
	return a[n] == '\0' ? 0 : 1;
}

/* Is w (n bytes, lower case) in the sorted list? */
static int
in_list(const char *const *list, size_t nlist, const char *w, size_t n)
{
	size_t lo = 0, hi = nlist, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = word_cmp(list[mid], w, n);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Does a class or id value name a word of the list?  Each name is tried
 * whole ("sr-only") and split into words at non-letters and at a lower
 * to upper case step ("shareBar": share, bar).
 */
static int
names_word(const struct attr *a, const char *const *list, size_t nlist)
{
	char w[64];
	size_t i = 0, j, n, k;
	int c, prev;

	while (i < a->len) {
		while (i < a->len &&
		    (a->val[i] == ' ' || a->val[i] == '\t' ||
			a->val[i] == '\n'))
			i++;
		j = i;
		while (j < a->len && a->val[j] != ' ' && a->val[j] != '\t' &&
		    a->val[j] != '\n')
			j++;
		n = j - i < sizeof(w) ? j - i : sizeof(w) - 1;
		for (k = 0; k < n; k++) {
			c = (unsigned char)a->val[i + k];
			w[k] = (char)ascii_lower(c);
		}
		if (n > 0 && in_list(list, nlist, w, n))
			return 1;
		/* Its words. */
		for (k = 0; k < n;) {
			size_t s = k;

			c = (unsigned char)a->val[i + k];
			if (!((c >= 'a' && c <= 'z') ||
				(c >= 'A' && c <= 'Z'))) {
				k++;
				continue;
			}
			k++;
			prev = c;
			while (k < n) {
				c = (unsigned char)a->val[i + k];
				if (c >= 'A' && c <= 'Z' && prev >= 'a' &&
				    prev <= 'z')
					break;
				if (!((c >= 'a' && c <= 'z') ||
					(c >= 'A' && c <= 'Z')))
					break;
				prev = c;
				k++;
			}
			if (in_list(list, nlist, w + s, k - s))
				return 1;
		}
		i = j;
	}
	return 0;
}

static int
attr_has(const struct attr *a, const char *v)
{
	size_t n = strlen(v), i;
	int c;

	if (!a->present)
		return 0;
	for (i = 0; i + n <= a->len; i++) {
		size_t k;

		for (k = 0; k < n; k++) {
			c = (unsigned char)a->val[i + k];
			if (ascii_lower(c) != v[k])
				break;
		}
		if (k == n)
			return 1;
	}
	return 0;
}

void
blk_begin(void)
{
	blk.nnodes = blk.nlines = 0;
	buf_reset(&blk.text);
	buf_reset(&blk.title_text);
	buf_reset(&blk.jsonld);
	buf_reset(&blk.article);
	buf_reset(&blk.labels);
	blk.in_line = blk.in_link = blk.spilled = blk.title = 0;
	blk.title_written = 0;
}

int
blk_open(int parent, const struct tag *t)
{
	static const char *const boiler_roles[] = {"navigation", "banner",
	    "contentinfo", "complementary", "search", "menu", "menubar",
	    "dialog", "alertdialog", "toolbar"};
	struct node *n;
	uint32_t f = elem_flags(t->elem);
	size_t i;

	if (blk.nnodes >= BLK_NODES)
		return parent;
	blk.nodes = xgrowarray(
	    blk.nodes, &blk.capnodes, blk.nnodes + 1, sizeof(*blk.nodes), 1024);
	n = &blk.nodes[blk.nnodes];
	memset(n, 0, sizeof(*n));
	n->parent = parent;
	if (f & EF_BOILER)
		n->flags |= N_BOILER_TAG;
	if (f & EF_LANDMARK)
		n->flags |= N_LANDMARK;
	if (t->elem == E_HEADER)
		n->flags |= N_HEADER;
	if (t->attr[A_ROLE].present) {
		for (i = 0; i < sizeof(boiler_roles) / sizeof(boiler_roles[0]);
		     i++)
			if (attr_has(&t->attr[A_ROLE], boiler_roles[i]))
				n->flags |= N_BOILER_ROLE;
		if (attr_has(&t->attr[A_ROLE], "main") ||
		    attr_has(&t->attr[A_ROLE], "article"))
			n->flags |= N_LANDMARK;
	}
	if (attr_has(&t->attr[A_ITEMPROP], "articlebody"))
		n->flags |= N_BODYPROP;
	if (names_word(&t->attr[A_CLASS], words_furniture, nfurniture) ||
	    names_word(&t->attr[A_ID], words_furniture, nfurniture))
		n->flags |= N_BOILER_WORD;
	if (names_word(&t->attr[A_CLASS], words_content, ncontent) ||
	    names_word(&t->attr[A_ID], words_content, ncontent))
		n->flags |= N_CONTENT_WORD;
	if (opt.explain) {
		n->label = blk.labels.len;
		buf_adds(&blk.labels,
		    elements[t->elem].name[0] != '\0' ? elements[t->elem].name
						      : t->name);
		if (t->attr[A_CLASS].len > 0) {
			buf_addc(&blk.labels, '.');
			buf_add(&blk.labels, t->attr[A_CLASS].val,
			    t->attr[A_CLASS].len < 40 ? t->attr[A_CLASS].len
						      : 40);
		}
		if (t->attr[A_ID].len > 0) {
			buf_addc(&blk.labels, '#');
			buf_add(&blk.labels, t->attr[A_ID].val,
			    t->attr[A_ID].len < 30 ? t->attr[A_ID].len : 30);
		}
		for (i = n->label; i < blk.labels.len; i++)
			if (blk.labels.p[i] == '\t' || blk.labels.p[i] == '\n')
				blk.labels.p[i] = ' ';
		buf_addc(&blk.labels, '\0');
	}
	return (int)blk.nnodes++;
}

void
blk_link_text(int in_link)
{
	blk.in_link = in_link;
}

/* Past a cap, a line is written at once unless furniture markup holds
 * it (the flags of its node and its ancestors, as far as they are
 * known). */
static int
spill_keeps(int node)
{
	for (; node >= 0; node = blk.nodes[node].parent)
		if (blk.nodes[node].flags &
		    (N_BOILER_TAG | N_BOILER_ROLE | N_BOILER_WORD))
			return 0;
	return 1;
}

void
blk_add(const char *p, size_t n)
{
	struct bline *l;

	if (blk.title) {
		buf_add(&blk.title_text, p, n);
		return;
	}
	if (!blk.in_line) {
		if (blk.nlines >= BLK_LINES || blk.text.len + n > BLK_TEXT_CAP)
			blk_spill();
		blk.lines = xgrowarray(blk.lines, &blk.caplines, blk.nlines + 1,
		    sizeof(*blk.lines), 256);
		l = &blk.lines[blk.nlines++];
		l->off = blk.text.len;
		l->len = 0;
		l->node = tree_node();
		l->links = 0;
		l->tabs = 0;
		blk.in_line = 1;
	}
	l = &blk.lines[blk.nlines - 1];
	buf_add(&blk.text, p, n);
	l->len += n;
	if (blk.in_link)
		l->links += n;
	if (n > 0 && *p == '\t')
		l->tabs += (unsigned)n; /* text.c writes a cell's tabs alone */
}

void
blk_eol(void)
{
	struct bline *l;

	blk.in_line = 0;
	if (!blk.spilled || blk.nlines == 0)
		return;
	l = &blk.lines[--blk.nlines];
	if (spill_keeps(l->node)) {
		out_write(blk.text.p + l->off, l->len);
		out_putc('\n');
		out_end_record();
	}
	blk.text.len = l->off;
}

void
blk_title_begin(void)
{
	blk.title = 1;
	buf_reset(&blk.title_text);
}

void
blk_title_end(void)
{
	blk.title = 0;
}

/* --- JSON-LD ------------------------------------------------------------ */

void
blk_jsonld(const char *p, size_t n)
{
	if (blk.jsonld.len + n <= BLK_JSONLD_CAP)
		buf_add(&blk.jsonld, p, n);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at p (end e): the value, or -1. */
static long
hex4(const char *p, const char *e)
{
	long v = 0;
	int i, h;

	if (e - p < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		h = hexval((unsigned char)p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/*
 * Decode the JSON string that starts after the '"' at p into out; tags
 * inside it (some sites put HTML there) are taken out, a <p> or <br>
 * becoming a newline.  Returns the end of the string.
 */
static const char *
json_string(const char *p, const char *e, struct buf *out)
{
	long v, lo;
	int in_tag = 0;

	while (p < e && *p != '"') {
		if (*p != '\\') {
			if (*p == '<' && p + 1 < e &&
			    (p[1] == '/' || (p[1] | 32) >= 'a')) {
				in_tag = 1;
				if ((p[1] | 32) == 'p' || (p[1] | 32) == 'b')
					buf_addc(out, '\n');
			} else if (*p == '>' && in_tag) {
				in_tag = 0;
			} else if (!in_tag) {
				buf_addc(out, *p);
			}
			p++;
			continue;
		}
		if (++p >= e)
			break;
		switch (*p) {
		case 'n':
		case 'r':
			buf_addc(out, '\n');
			break;
		case 't':
		case 'b':
		case 'f':
			buf_addc(out, ' ');
			break;
		case 'u':
			v = hex4(p + 1, e);
			if (v < 0)
				break;
			p += 4;
			if (v >= 0xd800 && v < 0xdc00 && e - p > 6 &&
			    p[1] == '\\' && p[2] == 'u' &&
			    (lo = hex4(p + 3, e)) >= 0xdc00 && lo < 0xe000) {
				v = 0x10000 + ((v - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			} else if (v >= 0xd800 && v < 0xe000) {
				v = 0xfffd;
			}
			if (v == 0)
				v = 0xfffd;
			if (!in_tag)
				buf_add_utf8(out, (unsigned long)v);
			break;
		default:
			if (!in_tag)
				buf_addc(out, *p);
			break;
		}
		p++;
	}
	return p;
}

void
blk_jsonld_end(void)
{
	static const char key[] = "\"articleBody\"";
	const char *p = blk.jsonld.p, *e = p + blk.jsonld.len, *q;
	struct buf s = BUF_INIT;

	while (p != NULL && p < e) {
		q = NULL;
		for (; p + sizeof(key) - 1 <= e; p++)
			if (*p == '"' && memcmp(p, key, sizeof(key) - 1) == 0) {
				q = p;
				break;
			}
		if (q == NULL)
			break;
		p = q + sizeof(key) - 1;
		while (p < e &&
		    (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
			*p == ':'))
			p++;
		if (p >= e || *p != '"')
			continue;
		buf_reset(&s);
		p = json_string(p + 1, e, &s);
		if (s.len > blk.article.len) {
			buf_reset(&blk.article);
			buf_add(&blk.article, s.p, s.len);
		}
	}
	buf_free(&s);
	buf_reset(&blk.jsonld);
}

/* --- choosing the article ------------------------------------------------ */

static void
write_line(const char *p, size_t n)
{
	out_write(p, n);
	out_putc('\n');
	out_end_record();
}

/* Write text as lines, white space collapsed (JSON-LD text). */
static void
write_collapsed(const char *p, size_t n)
{
	struct buf line = BUF_INIT;
	size_t i;
	int c, space = 0;

	for (i = 0; i <= n; i++) {
		c = i < n ? (unsigned char)p[i] : '\n';
		if (c == '\n') {
			if (line.len > 0)
				write_line(line.p, line.len);
			buf_reset(&line);
			space = 0;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
			space = line.len > 0;
		} else {
			if (space)
				buf_addc(&line, ' ');
			space = 0;
			buf_addc(&line, c);
		}
	}
	buf_free(&line);
}

/* Prose: a paragraph's worth of text that is not link text, or a
 * table row of three cells or more (a table of results is content). */
static int
is_prose(const struct bline *l)
{
	if (l->links * 2 >= l->len)
		return 0;
	return l->len - l->links >= PROSE_CHARS ||
	    (l->tabs >= 2 && l->len - l->links >= ROW_CHARS);
}

/*
 * What line i gives as prose: its text that is not link text, half of
 * it when neither line beside it is prose.  An article is a run of
 * paragraphs; a list of teasers is an excerpt between a linked headline
 * and a byline, again and again.
 */
static double
prose_weight(size_t i)
{
	const struct bline *l = &blk.lines[i];
	double w;

	if (!is_prose(l))
		return 0;
	w = (double)(l->len - l->links);
	if ((i == 0 || !is_prose(l - 1)) &&
	    (i + 1 == blk.nlines || !is_prose(l + 1)))
		w *= ISOLATED_WEIGHT;
	return w;
}

/*
 * A line of the article that is mostly link text is a related link or
 * a tag, unless it ends as a sentence ends: a paragraph can be a link.
 */
static int
link_line(const struct bline *l)
{
	const char *p = blk.text.p + l->off;
	size_t n = l->len;

	if (l->links * 2 <= l->len)
		return 0;
	/* Closing quotes and brackets after the stop. */
	while (
	    n > 0 && (p[n - 1] == '"' || p[n - 1] == ')' || p[n - 1] == '\''))
		n--;
	if (n >= 3 && (unsigned char)p[n - 3] == 0xe2 &&
	    (unsigned char)p[n - 2] == 0x80 &&
	    ((unsigned char)p[n - 1] == 0x9d ||
		(unsigned char)p[n - 1] == 0x99))
		n -= 3; /* ” ’ */
	return !(n > 0 &&
	    (p[n - 1] == '.' || p[n - 1] == '!' || p[n - 1] == '?') &&
	    l->len >= PROSE_CHARS);
}

static const char *
label(int node)
{
	return node < 0 ? "(root)" : blk.labels.p + blk.nodes[node].label;
}

/*
 * --explain: every line with its verdict, "+" or "-", and why:
 *
 *	+	in div.article-body
 *	-	furniture nav.site-menu
 *	-	outside div.article-body
 *	-	links
 *	-	json-ld (the JSON-LD articleBody was written instead)
 */
static void
explain(int best, const char *inbest, int jsonld)
{
	const struct bline *l;
	size_t i;

	for (i = 0; i < blk.nlines; i++) {
		l = &blk.lines[i];
		if (jsonld)
			out_printf("-\tjson-ld\t");
		else if (l->node >= 0 &&
		    (blk.nodes[l->node].flags & N_FURNITURE))
			out_printf(
			    "-\tfurniture %s\t", label(blk.nodes[l->node].why));
		else if (l->node < 0 ? best >= 0 : !inbest[l->node])
			out_printf("-\toutside %s\t", label(best));
		else if (link_line(l))
			out_printf("-\tlinks\t");
		else
			out_printf("+\tin %s\t", label(best));
		write_line(blk.text.p + l->off, l->len);
	}
	if (jsonld)
		write_collapsed(blk.article.p, blk.article.len);
}

/* Prose less clutter. */
static double
plain_score(int i)
{
	return blk.nodes[i].prose - CLUTTER_WEIGHT * blk.nodes[i].clutter;
}

/* The score of node i: prose, less clutter, with the markup's bonus. */
static double
node_score(int i)
{
	const struct node *n = &blk.nodes[i];
	double bonus = 1;

	if (i < 0)
		return 0;
	if (n->flags & N_BODYPROP)
		bonus = BODYPROP_BONUS;
	else if (n->flags & N_LANDMARK)
		bonus = LANDMARK_BONUS;
	else if (n->flags & N_CONTENT_WORD)
		bonus = CONTENT_BONUS;
	return bonus * n->prose - CLUTTER_WEIGHT * n->clutter;
}

/* The best node that is not furniture and has all of the flags want
 * (0: any); -1 if none has prose.  A tie goes to the inner node. */
static int
pick(unsigned want)
{
	double s, best_score = 0;
	size_t i;
	int best = -1;

	for (i = 0; i < blk.nnodes; i++) {
		if ((blk.nodes[i].flags & N_FURNITURE) ||
		    (blk.nodes[i].flags & want) != want ||
		    blk.nodes[i].prose <= 0)
			continue;
		s = node_score((int)i);
		if (s >= best_score) {
			best_score = s;
			best = (int)i;
		}
	}
	return best;
}

/* Is node d inside node a (or a itself)?  Nodes are in document
 * order: a subtree is a run of nodes. */
static int
inside(int d, int a)
{
	return d >= a && d <= blk.nodes[a].last;
}

/*
 * The node chosen often holds more than the article: related stories
 * and comments around it add a little prose and much clutter, and a
 * <main> holds everything.  The nodes inside k that keep INNER_SHARE
 * of its score (prose less clutter, no bonus) nest one in another when
 * one of them is the article: the innermost is then the article.  When
 * two of them stand side by side (two halves of a long text), k stays.
 * Nodes are in document order, so the subtree of k is the run of nodes
 * after it whose ancestors include k.
 */
static int
refine(int k)
{
	struct node *nd = blk.nodes;
	double want = INNER_SHARE * plain_score(k);
	size_t i;
	int last = k;

	for (i = (size_t)k + 1; i < blk.nnodes; i++) {
		if (!inside((int)i, k))
			break;
		if ((nd[i].flags & N_FURNITURE) || plain_score((int)i) < want)
			continue;
		if (!inside((int)i, last))
			return k;
		last = (int)i;
	}
	return last;
}

/* Choose the article among the lines kept and write it. */
static void
choose(void)
{
	struct node *nd = blk.nodes;
	size_t i, nn = blk.nnodes;
	double all = 0, s, kept = 0;
	unsigned own;
	int best = -1, k;
	char *inbest;

	/* Raw prose of each subtree, and which hold article markup. */
	for (i = 0; i < nn; i++)
		nd[i].prose = nd[i].clutter = 0;
	for (i = 0; i < blk.nlines; i++) {
		s = prose_weight(i);
		all += s;
		if (blk.lines[i].node >= 0)
			nd[blk.lines[i].node].prose += s;
	}
	for (i = 0; i < nn; i++)
		nd[i].last = (int)i;
	for (i = nn; i-- > 0;) {
		if (nd[i].parent >= 0 && nd[nd[i].parent].last < nd[i].last)
			nd[nd[i].parent].last = nd[i].last;
		if (nd[i].flags & (N_LANDMARK | N_BODYPROP))
			nd[i].flags |= N_HOLDS_ARTICLE;
		if (nd[i].parent >= 0) {
			nd[nd[i].parent].prose += nd[i].prose;
			nd[nd[i].parent].flags |= nd[i].flags & N_HOLDS_ARTICLE;
		}
	}
	/* Furniture, from the root down. */
	for (i = 0; i < nn; i++) {
		k = nd[i].parent;
		nd[i].why = k >= 0 ? nd[k].why : -1;
		if (k >= 0) {
			nd[i].flags |=
			    nd[k].flags & (N_FURNITURE | N_IN_LANDMARK);
			if (nd[k].flags & N_LANDMARK)
				nd[i].flags |= N_IN_LANDMARK;
		}
		own = nd[i].flags &
		    (N_BOILER_TAG | N_BOILER_ROLE | N_BOILER_WORD);
		if ((nd[i].flags & N_HEADER) && !(nd[i].flags & N_IN_LANDMARK))
			own = 1;
		if (own && !(nd[i].flags & N_FURNITURE) &&
		    !(nd[i].flags & N_HOLDS_ARTICLE) &&
		    nd[i].prose < MAJORITY * all) {
			nd[i].flags |= N_FURNITURE;
			nd[i].why = (int)i;
		}
	}
	/* Prose and clutter of each subtree, furniture left out. */
	for (i = 0; i < nn; i++)
		nd[i].prose = nd[i].clutter = 0;
	for (i = 0; i < blk.nlines; i++) {
		const struct bline *l = &blk.lines[i];

		if (l->node < 0 || (nd[l->node].flags & N_FURNITURE))
			continue;
		if (is_prose(l)) {
			/* Links inside a paragraph are part of it. */
			nd[l->node].prose += prose_weight(i);
		} else {
			nd[l->node].clutter += (double)l->len;
		}
	}
	for (i = nn; i-- > 0;)
		if (nd[i].parent >= 0) {
			nd[nd[i].parent].prose += nd[i].prose;
			nd[nd[i].parent].clutter += nd[i].clutter;
		}
	best = pick(0);
	if (best >= 0)
		best = refine(best);
	/* What the markup names the article wins when it holds prose. */
	k = pick(N_BODYPROP);
	if (k >= 0 && nd[k].prose >= MARKED_PROSE)
		best = k;
	else if ((k = pick(N_LANDMARK)) >= 0 && nd[k].prose >= MARKED_PROSE &&
	    node_score(k) >= LANDMARK_SHARE * node_score(best))
		best = refine(k);
	inbest = xcalloc(nn + 1, 1);
	for (i = 0; i < nn; i++)
		inbest[i] = (char)(!(nd[i].flags & N_FURNITURE) &&
		    (best < 0 || (int)i == best ||
			(nd[i].parent >= 0 && inbest[nd[i].parent])));
	if (best >= 0)
		kept = nd[best].prose;
	if (opt.explain) {
		explain(best, inbest, blk.article.len > 2 * kept + JSONLD_MIN);
	} else if (blk.article.len > 2 * kept + JSONLD_MIN) {
		write_collapsed(blk.article.p, blk.article.len);
	} else {
		for (i = 0; i < blk.nlines; i++) {
			const struct bline *l = &blk.lines[i];

			if (l->node < 0 ? best >= 0 : !inbest[l->node])
				continue;
			if (link_line(l))
				continue;
			write_line(blk.text.p + l->off, l->len);
		}
	}
	free(inbest);
}

/* --title: the title goes first. */
static void
write_title(void)
{
	if (opt.title && !blk.title_written && blk.title_text.len > 0)
		write_line(blk.title_text.p, blk.title_text.len);
	blk.title_written = 1;
}

/* A cap was reached: decide on what came so far, then stream. */
static void
blk_spill(void)
{
	write_title();
	choose();
	blk.nlines = 0;
	buf_reset(&blk.text);
	blk.spilled = 1;
}

void
blk_finish(void)
{
	write_title();
	if (!blk.spilled)
		choose();
	blk_begin();
}

void
blk_free(void)
{
	free(blk.nodes);
	free(blk.lines);
	buf_free(&blk.text);
	buf_free(&blk.title_text);
	buf_free(&blk.jsonld);
	buf_free(&blk.article);
	buf_free(&blk.labels);
	memset(&blk, 0, sizeof(blk));
}

void
blk_list_words(void)
{
	wordtab_print_lists(word_lists, 1);
}
