/*
 * tree.c - the stack of open elements, implied end tags, hidden text.
 *
 * Each start tag is looked at once: what it closes (a <p> before a
 * block, the previous <li>, <td>, <tr>, an open <a>), what it hides
 * (<script>, <template>, <svg>, hidden, style="display:none"), whether
 * its text keeps white space (<pre>), where lines break (blocks, <br>,
 * rows) and where tabs go (cells).  An end tag closes the nearest open
 * element of its name, unless a "special" element (a block, a cell)
 * stands in between: then it is a stray end tag and is ignored, as
 * browsers do.  Formatting elements (<b>, <a>) are closed across blocks
 * by taking them out of the stack.  Searches go at most WALK_MAX
 * entries down, and a count per element answers "is one open?" at
 * once, so no input makes the parser quadratic.
 */
#include "tree.h"

#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "charref.h"
#include "chars.h"
#include "element.h"
#include "options.h"
#include "text.h"

#define WALK_MAX 256   /* entries an end tag looks down the stack */
#define TITLE_CAP 4096 /* bytes of <title> kept */

/* What an open element changes while it is open. */
enum {
	B_HIDE = 1u << 0,    /* it hides its content */
	B_QUIET = 1u << 1,   /* it is inside hidden content: no breaks */
	B_PRE = 1u << 2,     /* white space kept inside */
	B_FOREIGN = 1u << 3, /* SVG or MathML */
	B_LINK = 1u << 4     /* an <a href> */
};

struct entry {
	unsigned short elem;
	unsigned short bits;
	unsigned name_hash; /* for unknown (SVG) names */
	int node;           /* --main: the block buffer's node */
};

/* What the raw text of the open raw element is for. */
enum raw_use { RAW_NONE, RAW_HIDDEN, RAW_TITLE, RAW_VISIBLE, RAW_JSONLD };

static struct {
	struct entry stack[TREE_DEPTH];
	int depth;
	unsigned long overflow; /* elements open past TREE_DEPTH */
	int counts[NELEMENTS];  /* open elements of each kind */
	int hidden, pre, foreign, links;
	enum raw_use raw;
	int pre_newline; /* a newline right after <pre> is not text */
	struct buf title;
	int title_seen;
	struct buf alt;
} tr;

static unsigned
hash_name(const char *s, size_t n)
{
	unsigned h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

void
tree_begin(void)
{
	buf_free(&tr.title);
	buf_free(&tr.alt);
	memset(&tr, 0, sizeof(tr));
}

int
tree_node(void)
{
	return tr.depth > 0 ? tr.stack[tr.depth - 1].node : -1;
}

int
tree_foreign(void)
{
	return tr.foreign > 0;
}

static int
quiet(void)
{
	return tr.hidden > 0;
}

/* Pop the top element. */
static void
pop(void)
{
	struct entry *e = &tr.stack[--tr.depth];
	uint32_t f = elem_flags(e->elem);

	tr.counts[e->elem]--;
	if (e->bits & B_HIDE)
		tr.hidden--;
	if (e->bits & B_PRE)
		tr.pre--;
	if (e->bits & B_FOREIGN)
		tr.foreign--;
	if (e->bits & B_LINK)
		tr.links--;
	if (!(e->bits & B_QUIET) && (f & (EF_BLOCK | EF_ROW)))
		text_break();
}

/* Pop down to and including the entry at index i. */
static void
pop_to(int i)
{
	while (tr.depth > i)
		pop();
}

/* Is a special element (a block, a cell) open above index i? */
static int
blocks_above(int i)
{
	int j;

	for (j = i + 1; j < tr.depth; j++)
		if (elem_flags(tr.stack[j].elem) & EF_SPECIAL)
			return 1;
	return 0;
}

/* Take the entry at index i out of the middle of the stack. */
static void
remove_at(int i)
{
	struct entry top;
	int d = tr.depth;

	/* Pop it as if on top (its counts and bits), keep those above. */
	top = tr.stack[i];
	memmove(&tr.stack[i], &tr.stack[i + 1],
	    (size_t)(d - i - 1) * sizeof(tr.stack[0]));
	tr.stack[d - 1] = top;
	pop();
}

/*
 * The index of the nearest open element of kind e (any heading, for
 * heading) that no element with a flag of stop hides; -1 if none.
 */
static int
find_open(int e, uint32_t stop, int heading)
{
	int i, k, x;

	if (!heading && tr.counts[e] == 0)
		return -1;
	for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX; i--, k++) {
		x = tr.stack[i].elem;
		if (x == e || (heading && (elem_flags(x) & EF_HEADING)))
			return i;
		if (elem_flags(x) & stop)
			return -1;
	}
	return -1;
}

/* Close an open <p> "in button scope" (a block start tag does). */
static void
close_p(void)
{
	int i;

	if (tr.counts[E_P] == 0)
		return;
	i = find_open(E_P, EF_SCOPE, 0);
	if (i >= 0)
		pop_to(i);
}

/* <li> closes an open <li>, <dd> or <dt> closes either. */
static void
close_list_item(int e)
{
	int i, k, x;

	for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX; i--, k++) {
		x = tr.stack[i].elem;
		if (x == e || (e != E_LI && (x == E_DD || x == E_DT))) {
			pop_to(i);
			return;
		}
		if ((elem_flags(x) & EF_SPECIAL) && x != E_ADDRESS &&
		    x != E_DIV && x != E_P)
			return;
	}
}

/* Pop to the nearest open element with a flag of want, not past a
 * table scope boundary. */
static void
close_in_table(uint32_t want)
{
	int i, k, x;

	for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX; i--, k++) {
		x = tr.stack[i].elem;
		if (elem_flags(x) & want) {
			pop_to(i);
			return;
		}
		if (x == E_TABLE || x == E_TEMPLATE || x == E_HTML)
			return;
	}
}

/* The cells of the open row so far (for the tab before a cell). */
static int
row_has_cell(void)
{
	int i, k;

	for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX; i--, k++) {
		if (elem_flags(tr.stack[i].elem) & EF_ROW)
			return 1;
		if (tr.stack[i].elem == E_TABLE)
			return 0;
	}
	return 0;
}

/* Does an inline style hide the element (display:none,
 * visibility:hidden)? */
static int
style_hides(const struct attr *a)
{
	char s[ATTR_CAP + 1];
	size_t i, n = 0;
	int c;

	for (i = 0; i < a->len && i < ATTR_CAP; i++) {
		c = (unsigned char)a->val[i];
		if (html_space(c))
			continue;
		s[n++] = (char)ascii_lower(c);
	}
	s[n] = '\0';
	return strstr(s, "display:none") != NULL ||
	    strstr(s, "visibility:hidden") != NULL;
}

static int
attr_is(const struct attr *a, const char *v)
{
	size_t n = strlen(v), i;
	int c;

	if (!a->present || a->len != n)
		return 0;
	for (i = 0; i < n; i++) {
		c = (unsigned char)a->val[i];
		if (ascii_lower(c) != v[i])
			return 0;
	}
	return 1;
}

static void
push(const struct tag *t, unsigned bits)
{
	struct entry *e;
	int parent;

	if (tr.depth == TREE_DEPTH) {
		tr.overflow++;
		return;
	}
	parent = tr.depth > 0 ? tr.stack[tr.depth - 1].node : -1;
	e = &tr.stack[tr.depth++];
	e->elem = (unsigned short)t->elem;
	e->name_hash = hash_name(t->name, t->nlen);
	if (tr.hidden > 0)
		bits |= B_QUIET;
	if (bits & B_HIDE) {
		bits |= B_QUIET;
		tr.hidden++;
	}
	if (bits & B_PRE)
		tr.pre++;
	if (bits & B_FOREIGN)
		tr.foreign++;
	if (bits & B_LINK)
		tr.links++;
	e->bits = (unsigned short)bits;
	tr.counts[t->elem]++;
	e->node = opt.main && !(bits & B_QUIET) ? blk_open(parent, t) : parent;
}

/* <img alt> under --alt: the alternative text in brackets. */
static void
alt_text(const struct tag *t)
{
	const struct attr *a = &t->attr[A_ALT];

	if (!a->present || quiet())
		return;
	buf_reset(&tr.alt);
	buf_addc(&tr.alt, '[');
	charref_decode_all(a->val, a->len, 1, &tr.alt);
	buf_addc(&tr.alt, ']');
	if (tr.alt.len > 2)
		tree_text(tr.alt.p, tr.alt.len);
}

/* HTML start tags that end SVG or MathML content left open. */
static int
breaks_foreign(int e)
{
	switch (e) {
	case E_B:
	case E_BIG:
	case E_BLOCKQUOTE:
	case E_BODY:
	case E_BR:
	case E_CENTER:
	case E_CODE:
	case E_DD:
	case E_DIV:
	case E_DL:
	case E_DT:
	case E_EM:
	case E_EMBED:
	case E_H1:
	case E_H2:
	case E_H3:
	case E_H4:
	case E_H5:
	case E_H6:
	case E_HEAD:
	case E_HR:
	case E_I:
	case E_IMG:
	case E_LI:
	case E_LISTING:
	case E_MENU:
	case E_META:
	case E_NOBR:
	case E_OL:
	case E_P:
	case E_PRE:
	case E_RUBY:
	case E_S:
	case E_SMALL:
	case E_SPAN:
	case E_STRONG:
	case E_STRIKE:
	case E_SUB:
	case E_SUP:
	case E_TABLE:
	case E_TT:
	case E_U:
	case E_UL:
	case E_VAR:
		return 1;
	}
	return 0;
}

enum tok_mode
tree_start(struct tag *t)
{
	int e = t->elem, i, was_quiet;
	uint32_t f = elem_flags(e);
	unsigned bits = 0;

	tr.pre_newline = 0;
	if (tr.foreign > 0) {
		if (!breaks_foreign(e)) {
			/* Inside SVG: XML-like, <x/> closes itself. */
			if (!t->self_closing) {
				t->elem = E_UNKNOWN;
				push(t, 0);
			}
			return TOK_DATA;
		}
		/* A page left <svg> open: HTML takes over again. */
		while (tr.depth > 0 && tr.foreign > 0)
			pop();
		tr.foreign = 0;
	}
	if (e == E_HTML || e == E_BODY || e == E_HEAD)
		return TOK_DATA;
	if (f & EF_VOID) {
		if (e == E_BR) {
			if (!quiet())
				text_break();
		} else if (e == E_HR) {
			close_p();
			if (!quiet())
				text_break();
		} else if (e == E_IMG && opt.alt) {
			alt_text(t);
		}
		return TOK_DATA;
	}
	if (f & EF_PCLOSE)
		close_p();
	if ((f & EF_HEADING) && tr.depth > 0 &&
	    (elem_flags(tr.stack[tr.depth - 1].elem) & EF_HEADING))
		pop();
	if (f & EF_LISTITEM)
		close_list_item(e);
	if (f & EF_CELL) {
		close_in_table(EF_CELL);
		if (row_has_cell() && !quiet())
			text_cell();
	}
	if (f & EF_ROW)
		close_in_table(EF_ROW);
	if (f & EF_ROWGROUP)
		close_in_table(EF_ROWGROUP);
	if (e == E_A || e == E_NOBR || e == E_BUTTON) {
		i = find_open(e, e == E_BUTTON ? EF_SCOPE : 0, 0);
		if (i >= 0)
			remove_at(i);
	}
	if (e == E_OPTION || e == E_OPTGROUP) {
		if (tr.depth > 0 && tr.stack[tr.depth - 1].elem == E_OPTION)
			pop();
	}
	if (t->self_closing && (f & EF_FOREIGN))
		return TOK_DATA;
	if ((f & EF_BLOCK) && !quiet())
		text_break();
	if (f & EF_HIDE)
		bits |= B_HIDE;
	if (f & EF_FOREIGN)
		bits |= B_FOREIGN;
	if (f & EF_PRE) {
		bits |= B_PRE;
		tr.pre_newline = 1;
	}
	if (e == E_A && t->attr[A_HREF].present)
		bits |= B_LINK;
	if (t->attr[A_HIDDEN].present ||
	    (t->attr[A_STYLE].present && style_hides(&t->attr[A_STYLE])) ||
	    (e == E_DIALOG && !t->attr[A_OPEN].present))
		bits |= B_HIDE;
	was_quiet = quiet();
	push(t, bits);
	if (f & (EF_RAW | EF_RCDATA)) {
		if (e == E_TITLE)
			tr.raw = RAW_TITLE;
		else if (!was_quiet && e == E_SCRIPT && opt.main &&
		    attr_is(&t->attr[A_TYPE], "application/ld+json"))
			tr.raw = RAW_JSONLD;
		else if (was_quiet || (f & EF_HIDE))
			tr.raw = RAW_HIDDEN;
		else
			tr.raw = RAW_VISIBLE;
		if (tr.raw == RAW_TITLE)
			buf_reset(&tr.title);
		return f & EF_RCDATA ? TOK_RCDATA : TOK_RAWTEXT;
	}
	if (e == E_PLAINTEXT)
		return TOK_PLAINTEXT;
	return TOK_DATA;
}

/* The end of a raw text element. */
static void
end_raw(void)
{
	if (tr.raw == RAW_TITLE && !tr.title_seen) {
		tr.title_seen = 1;
		if (opt.title)
			text_title(tr.title.p, tr.title.len);
	} else if (tr.raw == RAW_JSONLD) {
		blk_jsonld_end();
	}
	tr.raw = RAW_NONE;
}

void
tree_end(struct tag *t)
{
	int e = t->elem, i, k;
	uint32_t f = elem_flags(e);
	unsigned h;

	tr.pre_newline = 0;
	if (tr.raw != RAW_NONE)
		end_raw();
	if (tr.foreign > 0 && !(f & EF_FOREIGN)) {
		/* Inside SVG: the nearest element of that name. */
		h = hash_name(t->name, t->nlen);
		for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX &&
		     (tr.stack[i].bits & B_FOREIGN) == 0;
		     i--, k++)
			if (tr.stack[i].name_hash == h) {
				pop_to(i);
				return;
			}
		if (e == E_UNKNOWN)
			return;
	}
	switch (e) {
	case E_HTML:
	case E_BODY:
	case E_HEAD:
		return;
	case E_BR:
		/* </br> is <br>. */
		if (!quiet())
			text_break();
		return;
	case E_P:
		i = find_open(E_P, EF_SCOPE, 0);
		if (i >= 0)
			pop_to(i);
		else if (!quiet())
			text_break(); /* </p> alone is <p></p> */
		return;
	}
	if (tr.overflow > 0) {
		/* Past TREE_DEPTH: the innermost element ends. */
		tr.overflow--;
		if ((f & EF_BLOCK) && !quiet())
			text_break();
		return;
	}
	if (f & EF_HEADING) {
		i = find_open(e, EF_SCOPE, 1);
		if (i >= 0)
			pop_to(i);
		return;
	}
	if (e == E_UNKNOWN) {
		/* A custom element: by its name. */
		h = hash_name(t->name, t->nlen);
		for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX;
		     i--, k++) {
			if (tr.stack[i].elem == E_UNKNOWN &&
			    tr.stack[i].name_hash == h) {
				pop_to(i);
				return;
			}
			if (elem_flags(tr.stack[i].elem) & EF_SPECIAL)
				return;
		}
		return;
	}
	if (tr.counts[e] == 0)
		return;
	if ((f & EF_SPECIAL) && !(f & EF_FORMAT)) {
		/* </div>, </ul>, </td>: the nearest one in scope, and
		 * whatever is open inside it. */
		i = find_open(e, EF_SCOPE, 0);
		if (i >= 0)
			pop_to(i);
		return;
	}
	for (i = tr.depth - 1, k = 0; i >= 0 && k < WALK_MAX; i--, k++) {
		if (tr.stack[i].elem == e) {
			if (blocks_above(i))
				remove_at(i); /* <b><div>x</b>: b ends */
			else
				pop_to(i);
			return;
		}
		/* </span> does not close past a block. */
		if ((elem_flags(tr.stack[i].elem) & EF_SPECIAL) &&
		    !(f & EF_FORMAT))
			return;
	}
}

void
tree_text(const char *p, size_t n)
{
	if (tr.raw == RAW_TITLE) {
		if (tr.title.len < TITLE_CAP)
			buf_add(&tr.title, p,
			    n < TITLE_CAP - tr.title.len
				? n
				: TITLE_CAP - tr.title.len);
		return;
	}
	if (tr.raw == RAW_JSONLD) {
		blk_jsonld(p, n);
		return;
	}
	if (quiet() || tr.raw == RAW_HIDDEN)
		return;
	if (tr.pre_newline) {
		tr.pre_newline = 0;
		if (n > 0 && *p == '\n') {
			p++;
			n--;
		} else if (n > 0 && *p == '\r') {
			p++;
			n--;
			if (n > 0 && *p == '\n') {
				p++;
				n--;
			}
		}
	}
	if (opt.main)
		blk_link_text(tr.links > 0);
	text_chars(p, n, tr.pre > 0);
}

void
tree_finish(void)
{
	if (tr.raw != RAW_NONE)
		end_raw();
	while (tr.depth > 0)
		pop();
	tr.overflow = 0;
	text_finish();
}
