/*
 * tokenize.c - the tokenizer: bytes in, tags and text out to the parser.
 *
 * One switch over the states of the WHATWG tokenizer that matter for
 * text; each state reads as many bytes as it can in a tight loop (text
 * up to the next '<' or '&', a comment up to the next '-', raw text up
 * to the next '<') before it returns to the switch.  A state that has
 * not decided yet when the chunk ends keeps what it needs in struct tok
 * (the tag being read, the reference being collected, how much of
 * "</script" matched) and goes on with the next chunk.
 */
#include "tokenize.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charref.h"
#include "chars.h"
#include "element.h"
#include "tree.h"
#include "xalloc.h"

enum state {
	S_DATA,
	S_CHARREF, /* after '&', collecting the reference */
	S_TAG_OPEN,
	S_END_TAG_OPEN,
	S_TAG_NAME,
	S_BEFORE_ATTR,
	S_ATTR_NAME,
	S_AFTER_ATTR_NAME,
	S_BEFORE_VALUE,
	S_VALUE_DQ,
	S_VALUE_SQ,
	S_VALUE_UQ,
	S_AFTER_VALUE,
	S_SELF_CLOSING,
	S_MARKUP, /* after "<!" */
	S_COMMENT,
	S_BOGUS,
	S_CDATA,
	S_RAW,     /* raw text or RCDATA */
	S_RAW_END, /* after '<' in raw text: "/name" matching */
	S_PLAINTEXT
};

struct tok {
	enum state st;
	enum state ref_return; /* S_DATA or S_RAW, after a reference */
	struct tag tag;
	int attr;       /* the attribute being read: A_*, or -1 */
	char aname[16]; /* its name, cut */
	size_t anlen;
	char mbuf[8]; /* after "<!": the bytes read */
	size_t mlen;
	int dashes;       /* comment: '-' seen in a row (0-2), 3: "--!" */
	int brackets;     /* CDATA: ']' seen in a row */
	int rcdata;       /* the raw text is RCDATA */
	char rawname[32]; /* raw text ends at "</" rawname */
	size_t rawlen;
	size_t rawi;               /* bytes of "/" rawname matched after '<' */
	char ref[CHARREF_MAX + 1]; /* the reference after '&' */
	size_t reflen;
	struct buf dec; /* a decoded reference */
};

/* The attribute names the parser reads, in A_* order. */
static const char *const attr_names[NATTRS] = {"class", "id", "style", "hidden",
    "itemprop", "role", "type", "alt", "href", "open", "aria-hidden"};

/* Bytes that end a run of text in the data state. */
static unsigned char data_stop[256];

struct tok *
tok_new(void)
{
	struct tok *t = xcalloc(1, sizeof(*t));

	data_stop['<'] = data_stop['&'] = data_stop['\0'] = 1;
	t->st = S_DATA;
	return t;
}

void
tok_free(struct tok *t)
{
	if (t == NULL)
		return;
	buf_free(&t->dec);
	free(t);
}

static void
new_tag(struct tok *t, int end)
{
	int i;

	t->tag.end = end;
	t->tag.self_closing = 0;
	t->tag.nlen = 0;
	t->tag.elem = E_UNKNOWN;
	for (i = 0; i < NATTRS; i++) {
		t->tag.attr[i].present = 0;
		t->tag.attr[i].len = 0;
	}
	t->attr = -1;
}

/* The tag is complete: hand it to the parser, switch to what follows. */
static void
emit_tag(struct tok *t)
{
	enum tok_mode m;

	t->tag.name[t->tag.nlen] = '\0';
	t->st = S_DATA;
	if (t->tag.end) {
		tree_end(&t->tag);
		return;
	}
	m = tree_start(&t->tag);
	if (m == TOK_DATA)
		return;
	if (m == TOK_PLAINTEXT) {
		t->st = S_PLAINTEXT;
		return;
	}
	memcpy(t->rawname, t->tag.name, t->tag.nlen);
	t->rawlen = t->tag.nlen;
	t->rcdata = m == TOK_RCDATA;
	t->st = S_RAW;
}

/* The attribute name is complete: is it one the parser reads? */
static void
end_attr_name(struct tok *t)
{
	int i;

	t->attr = -1;
	for (i = 0; i < NATTRS; i++)
		if (strlen(attr_names[i]) == t->anlen &&
		    memcmp(attr_names[i], t->aname, t->anlen) == 0) {
			/* The first of two equal names wins. */
			if (!t->tag.attr[i].present) {
				t->tag.attr[i].present = 1;
				t->attr = i;
			}
			break;
		}
	t->anlen = 0;
}

static void
add_value(struct tok *t, const char *p, size_t n)
{
	struct attr *a;

	if (t->attr < 0)
		return;
	a = &t->tag.attr[t->attr];
	if (n > ATTR_CAP - a->len)
		n = ATTR_CAP - a->len;
	memcpy(a->val + a->len, p, n);
	a->len += n;
}

/* The reference in t->ref is complete (c, the byte after it, is not
 * taken): decode it and pass the text on. */
static void
end_charref(struct tok *t, int c)
{
	size_t used;

	buf_reset(&t->dec);
	used = charref_decode(t->ref, t->reflen, c, 0, &t->dec);
	if (used == 0)
		buf_addc(&t->dec, '&');
	buf_add(&t->dec, t->ref + used, t->reflen - used);
	tree_text(t->dec.p, t->dec.len);
	t->reflen = 0;
	t->st = t->ref_return;
}

/*
 * Does the reference collected so far go on with c?  "#", "#x", digits
 * after them; letters and digits after a name; ';' ends both.
 */
static int
charref_takes(const struct tok *t, int c)
{
	const char *r = t->ref;
	size_t n = t->reflen;

	if (n >= CHARREF_MAX)
		return 0;
	if (n > 0 && r[n - 1] == ';')
		return 0;
	if (n == 0)
		return c == '#' || ascii_alnum(c);
	if (r[0] == '#') {
		if (n == 1 && (c == 'x' || c == 'X'))
			return 1;
		if (c == ';')
			return n > 1 &&
			    !(n == 2 && (r[1] == 'x' || r[1] == 'X'));
		if (n >= 2 && (r[1] == 'x' || r[1] == 'X'))
			return (c >= '0' && c <= '9') ||
			    (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f');
		return c >= '0' && c <= '9';
	}
	return ascii_alnum(c) || c == ';';
}

/* Is s[0..n) the lower-case w[0..n), ignoring the case of s? */
static int
prefix_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != (unsigned char)w[i])
			return 0;
	return 1;
}

/* After "<!": which of "--", "DOCTYPE", "[CDATA[" can mbuf still be? */
static int
markup_step(struct tok *t, int c)
{
	static const char doctype[] = "doctype", cdata[] = "[CDATA[";
	size_t n = t->mlen;

	t->mbuf[n] = (char)c;
	t->mlen = ++n;
	if (n <= 2 && memcmp(t->mbuf, "--", n) == 0) {
		if (n == 2) {
			t->st = S_COMMENT;
			t->dashes = -1; /* "<!--" just opened: "<!-->" ends */
		}
		return 1;
	}
	if (n <= 7 && prefix_ci(t->mbuf, n, doctype)) {
		if (n == 7)
			t->st = S_BOGUS;
		return 1;
	}
	if (n <= 7 && memcmp(t->mbuf, cdata, n) == 0) {
		if (n == 7)
			t->st = tree_foreign() ? S_CDATA : S_BOGUS;
		return 1;
	}
	t->st = S_BOGUS;
	return 0;
}

void
tok_feed(struct tok *t, const char *p, size_t n)
{
	const char *end = p + n, *s, *q;
	int c;

	while (p < end) {
		switch (t->st) {
		case S_DATA:
			s = p;
			while (p < end && !data_stop[(unsigned char)*p])
				p++;
			if (p > s)
				tree_text(s, (size_t)(p - s));
			if (p == end)
				break;
			c = (unsigned char)*p++;
			if (c == '<') {
				t->st = S_TAG_OPEN;
			} else if (c == '&') {
				t->ref_return = S_DATA;
				t->reflen = 0;
				t->st = S_CHARREF;
			}
			/* NUL: dropped, as the tree builder does in body. */
			break;
		case S_CHARREF:
			c = (unsigned char)*p;
			if (charref_takes(t, c)) {
				t->ref[t->reflen++] = (char)c;
				p++;
			} else {
				end_charref(t, c);
			}
			break;
		case S_TAG_OPEN:
			c = (unsigned char)*p;
			if (ascii_alpha(c)) {
				new_tag(t, 0);
				t->st = S_TAG_NAME;
			} else if (c == '!') {
				p++;
				t->mlen = 0;
				t->st = S_MARKUP;
			} else if (c == '/') {
				p++;
				t->st = S_END_TAG_OPEN;
			} else if (c == '?') {
				t->st = S_BOGUS;
			} else {
				tree_text("<", 1);
				t->st = S_DATA;
			}
			break;
		case S_END_TAG_OPEN:
			c = (unsigned char)*p;
			if (ascii_alpha(c)) {
				new_tag(t, 1);
				t->st = S_TAG_NAME;
			} else if (c == '>') {
				p++;
				t->st = S_DATA;
			} else {
				t->st = S_BOGUS;
			}
			break;
		case S_TAG_NAME:
			while (p < end) {
				c = (unsigned char)*p;
				if (html_space(c) || c == '/' || c == '>')
					break;
				if (t->tag.nlen < sizeof(t->tag.name) - 1 && c)
					t->tag.name[t->tag.nlen++] =
					    (char)ascii_lower(c);
				p++;
			}
			if (p == end)
				break;
			t->tag.elem = t->tag.nlen < sizeof(t->tag.name) - 1
			    ? elem_lookup(t->tag.name, t->tag.nlen)
			    : E_UNKNOWN;
			c = (unsigned char)*p++;
			if (c == '>')
				emit_tag(t);
			else if (c == '/')
				t->st = S_SELF_CLOSING;
			else
				t->st = S_BEFORE_ATTR;
			break;
		case S_BEFORE_ATTR:
			c = (unsigned char)*p;
			if (html_space(c)) {
				p++;
			} else if (c == '/') {
				p++;
				t->st = S_SELF_CLOSING;
			} else if (c == '>') {
				p++;
				emit_tag(t);
			} else {
				/* '=' here starts a name, as in the spec. */
				t->anlen = 0;
				t->aname[t->anlen++] = (char)ascii_lower(c);
				p++;
				t->st = S_ATTR_NAME;
			}
			break;
		case S_ATTR_NAME:
			while (p < end) {
				c = (unsigned char)*p;
				if (html_space(c) || c == '/' || c == '>' ||
				    c == '=')
					break;
				if (t->anlen < sizeof(t->aname))
					t->aname[t->anlen++] =
					    (char)ascii_lower(c);
				else
					t->anlen = sizeof(t->aname) + 1;
				p++;
			}
			if (p == end)
				break;
			if (t->anlen > sizeof(t->aname))
				t->anlen = 0; /* too long to be ours */
			end_attr_name(t);
			c = (unsigned char)*p++;
			if (c == '>')
				emit_tag(t);
			else if (c == '/')
				t->st = S_SELF_CLOSING;
			else if (c == '=')
				t->st = S_BEFORE_VALUE;
			else
				t->st = S_AFTER_ATTR_NAME;
			break;
		case S_AFTER_ATTR_NAME:
			c = (unsigned char)*p;
			if (html_space(c)) {
				p++;
			} else if (c == '=') {
				p++;
				t->st = S_BEFORE_VALUE;
			} else {
				t->attr = -1;
				t->st = S_BEFORE_ATTR;
			}
			break;
		case S_BEFORE_VALUE:
			c = (unsigned char)*p;
			if (html_space(c)) {
				p++;
			} else if (c == '"') {
				p++;
				t->st = S_VALUE_DQ;
			} else if (c == '\'') {
				p++;
				t->st = S_VALUE_SQ;
			} else if (c == '>') {
				p++;
				emit_tag(t);
			} else {
				t->st = S_VALUE_UQ;
			}
			break;
		case S_VALUE_DQ:
		case S_VALUE_SQ:
			q = memchr(p, t->st == S_VALUE_DQ ? '"' : '\'',
			    (size_t)(end - p));
			add_value(t, p, (size_t)((q ? q : end) - p));
			if (q == NULL) {
				p = end;
				break;
			}
			p = q + 1;
			t->st = S_AFTER_VALUE;
			break;
		case S_VALUE_UQ:
			s = p;
			while (p < end && !html_space((unsigned char)*p) &&
			    *p != '>')
				p++;
			add_value(t, s, (size_t)(p - s));
			if (p == end)
				break;
			if (*p++ == '>')
				emit_tag(t);
			else
				t->st = S_BEFORE_ATTR;
			break;
		case S_AFTER_VALUE:
			c = (unsigned char)*p;
			if (c == '>') {
				p++;
				emit_tag(t);
			} else if (c == '/') {
				p++;
				t->st = S_SELF_CLOSING;
			} else {
				t->st = S_BEFORE_ATTR;
			}
			break;
		case S_SELF_CLOSING:
			if (*p == '>') {
				p++;
				t->tag.self_closing = 1;
				emit_tag(t);
			} else {
				t->st = S_BEFORE_ATTR;
			}
			break;
		case S_MARKUP:
			if (markup_step(t, (unsigned char)*p))
				p++;
			break;
		case S_COMMENT:
			/* dashes: -1 right after "<!--", -2 after "<!---"
			 * (both end at '>'), else the count of '-' just
			 * seen (at most 2), 3 after "--!". */
			if (t->dashes == 0) {
				q = memchr(p, '-', (size_t)(end - p));
				if (q == NULL) {
					p = end;
					break;
				}
				p = q;
			}
			c = (unsigned char)*p++;
			if (c == '-') {
				if (t->dashes == -1)
					t->dashes = -2;
				else if (t->dashes == -2)
					t->dashes = 2;
				else if (t->dashes < 2)
					t->dashes++;
				else if (t->dashes == 3)
					t->dashes = 1;
			} else if (c == '>' && t->dashes != 0 &&
			    t->dashes != 1) {
				/* "-->", "--!>", "<!-->" and "<!--->" */
				t->st = S_DATA;
			} else if (c == '!' && t->dashes == 2) {
				t->dashes = 3;
			} else {
				t->dashes = 0;
			}
			break;
		case S_BOGUS:
			q = memchr(p, '>', (size_t)(end - p));
			if (q == NULL) {
				p = end;
				break;
			}
			p = q + 1;
			t->st = S_DATA;
			break;
		case S_CDATA:
			c = (unsigned char)*p++;
			if (c == ']')
				t->brackets++;
			else if (c == '>' && t->brackets >= 2)
				t->st = S_DATA;
			else
				t->brackets = 0;
			if (t->st == S_DATA)
				t->brackets = 0;
			break;
		case S_RAW:
			s = p;
			while (
			    p < end && *p != '<' && (*p != '&' || !t->rcdata))
				p++;
			if (p > s)
				tree_text(s, (size_t)(p - s));
			if (p == end)
				break;
			if (*p++ == '&') {
				t->ref_return = S_RAW;
				t->reflen = 0;
				t->st = S_CHARREF;
			} else {
				t->rawi = 0;
				t->st = S_RAW_END;
			}
			break;
		case S_RAW_END:
			/* "<" was read; match "/" rawname, then a byte that
			 * ends a tag name. */
			c = (unsigned char)*p;
			if (t->rawi == 0 ? c == '/'
					 : t->rawi <= t->rawlen &&
				    ascii_lower(c) ==
					(unsigned char)
					    t->rawname[t->rawi - 1]) {
				t->rawi++;
				p++;
				break;
			}
			if (t->rawi == t->rawlen + 1 &&
			    (html_space(c) || c == '/' || c == '>')) {
				new_tag(t, 1);
				memcpy(t->tag.name, t->rawname, t->rawlen);
				t->tag.nlen = t->rawlen;
				t->tag.elem =
				    elem_lookup(t->rawname, t->rawlen);
				t->st = S_BEFORE_ATTR;
				break;
			}
			/* Not the end tag: what matched is text. */
			tree_text("</", t->rawi > 0 ? 2 : 1);
			if (t->rawi > 1)
				tree_text(t->rawname, t->rawi - 1);
			t->st = S_RAW;
			break;
		case S_PLAINTEXT:
			tree_text(p, (size_t)(end - p));
			p = end;
			break;
		}
	}
}

void
tok_finish(struct tok *t)
{
	switch (t->st) {
	case S_CHARREF:
		end_charref(t, -1);
		break;
	case S_TAG_OPEN:
		tree_text("<", 1);
		break;
	case S_END_TAG_OPEN:
		tree_text("</", 2);
		break;
	case S_RAW_END:
		tree_text("</", t->rawi > 0 ? 2 : 1);
		if (t->rawi > 1)
			tree_text(t->rawname, t->rawi - 1);
		break;
	default:
		/* An open tag is dropped; a comment, raw text, CDATA
		 * simply end. */
		break;
	}
	t->st = S_DATA;
}
