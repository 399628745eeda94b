/*
 * unwrap - hard-wrapped text back to one block a line.
 *
 * Record model: a block (paragraph, list item, heading) that a renderer,
 * a mail client or fmt(1) broke over several lines of at most W columns
 * becomes one line again; every other line passes through unchanged.
 *
 * Each document (each FILE) is read ahead, at most LOOKAHEAD_BYTES or
 * LOOKAHEAD_LINES, to find its wrap width W: the column that many lines
 * end just before and few pass (detect_width()).  A document without one
 * is not hard-wrapped and passes through line for line.  Then a line A is
 * joined to the next line B only when A was broken by wrapping:
 *
 *   - A is no wider than W, and B's first word would not have fitted on
 *     A (A's width + a space + the word > W): a wrapper would have put it
 *     there otherwise;
 *   - neither is blank, a rule (no letter or digit: "-----", "* * *") or
 *     a table row (a gap of three spaces or a tab inside the text);
 *   - B does not open a list item ("* ", "- ", "1. ", "(a) " ...), and it
 *     has the quoting depth of A (">" e-mail quotes) and the indentation
 *     of A's block (a list item's continuation lines are indented to the
 *     item's text; a paragraph's first line may be indented more).
 *
 * A joined line keeps the first line's indentation and quote prefix and
 * drops those of the continuation lines.  Words broken with a hyphen at
 * the line end are mended by the rule of hyphen_goes(); soft hyphens at a
 * line end go.  Chinese and Japanese text, which wraps between any two
 * characters, is joined without a space.
 *
 * Memory: the look-ahead, then two lines at a time.  Each part of the
 * input between document separators (lib/inputs) is a document too: the
 * width is found again after a separator.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "hash.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "scan.h"
#include "utf8.h"
#include "xalloc.h"

/* How much of a document is read before its width is decided. */
#define LOOKAHEAD_BYTES ((size_t)64 * 1024)
#define LOOKAHEAD_LINES 1000
/* Widths found by detection lie in [MIN_WIDTH, MAX_WIDTH]. */
#define MIN_WIDTH 30
#define MAX_WIDTH 250
/*
 * A greedy wrapper leaves a line shorter than W by less than the next
 * word: lines of a wrapped paragraph end in the last BAND columns.
 */
#define BAND 12
/* How far past the width an unindented heading may reach in text whose
 * paragraphs are indented (joins()). */
#define HEADING_REACH 6

enum { OPT_PRINT_WIDTH = CLI_OWN };

static struct {
	size_t width; /* -w, 0: detect */
	int keep_hyphens;
	int print_width;
} opt;

static const struct cli_option options[] = {
    {'k', "keep-hyphens", CLI_NOARG, NULL,
	"keep every hyphen at a line end (join with no space)"},
    {OPT_PRINT_WIDTH, "print-width", CLI_NOARG, NULL,
	"print each document's wrap width (0: not wrapped), not its text"},
    {'w', "width", CLI_REQUIRED, "N",
	"the text was wrapped at N columns (default: found per document)"},
    {0, NULL, 0, NULL, NULL}};

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case 'k':
		opt.keep_hyphens = 1;
		break;
	case OPT_PRINT_WIDTH:
		opt.print_width = 1;
		break;
	case 'w':
		opt.width = (size_t)parse_num(arg, 1, 100000, "--width");
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {"[-k] [-w N] [--print-width] [FILE]...",
    "Join hard-wrapped lines back into one block (paragraph, list item) a "
    "line.",
    options, 0, handle_option,
    "Each FILE is one document; its wrap width is found from its first\n"
    "64 KiB.  Text that is not hard-wrapped passes through unchanged.\n"};

/* One line of input and what the join decisions need to know of it. */
struct uline {
	struct buf b;     /* the bytes, without "\n" and a final "\r" */
	int crlf;         /* it ended in "\r\n" */
	int blank;        /* only white space (after any quote prefix) */
	int quote;        /* depth of ">" quoting */
	size_t start;     /* byte where the text starts: after quotes, indent */
	size_t end;       /* byte after the text: trailing white space cut */
	size_t indent;    /* columns before the text (quote prefix included) */
	size_t width[2];  /* up to the end of the text: columns, bytes */
	size_t firstw[2]; /* the text's first unbreakable piece: the same */
	size_t textcol;   /* where a list item's text starts; else indent */
	int item;         /* the text opens with a list marker */
	int label;        /* ... or with a tag and a gap ("--mark    Print") */
	int table;        /* a gap of 3+ spaces or a tab inside the text */
	int rule;         /* text without a letter or digit */
	int cjk_start;    /* the text opens with a Chinese/Japanese character */
	int cjk_end;      /* ... ends with one */
	int breakable;    /* the text has a place to break: a space, CJK */
	int wide;         /* it holds East Asian wide characters */
};

/*
 * How widths are measured: in columns, as terminals and text browsers
 * count, or in bytes, as fold(1) and fmt(1) count (a curly quote is three
 * bytes).  Each document is measured the way that explains it best.
 */
enum { M_COLS, M_BYTES };

/* The document being read. */
static struct {
	size_t width;  /* W; 0: not hard-wrapped */
	size_t slack;  /* 0: greedy wrapping; else see detect_ragged() */
	size_t margin; /* the indentation of most wrapped lines (up to 8) */
	int m;         /* M_COLS or M_BYTES */
	int in_block;  /* the line before joined into the current one */
	size_t cont;   /* column the current block's continuations start at */
	int eof;       /* no more lines in this input */
	size_t ahead;  /* bytes in the queue during look-ahead */
} doc;

/* The lines read and not yet written: a ring. */
static struct uline *q;
static size_t qcap, qhead, qlen;

static struct uline *
qat(size_t i)
{
	return &q[(qhead + i) & (qcap - 1)]; /* qcap is a power of 2 */
}

/*
 * Columns a character takes on a terminal (what renderers count): 2 for
 * East Asian wide and fullwidth characters, 0 for combining marks and
 * zero-width characters, 1 for the rest (an invalid byte too).
 */
static size_t
char_cols(uint32_t c)
{
	if (c < 0x300)
		return c == 0xAD ? 0 : 1;
	if (c < 0x370 || (c >= 0x200B && c <= 0x200F) ||
	    (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	if (c < 0x1100)
		return 1;
	if (c <= 0x115F || (c >= 0x2E80 && c <= 0x303E) ||
	    (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
	    (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

/*
 * Chinese and Japanese characters (and their punctuation): text in them
 * wraps between any two, and a join adds no space.  Korean words are
 * separated by spaces like Latin ones.
 */
static int
is_cjk(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
	    (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	    (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0x20000 && c <= 0x3FFFD);
}

/* Bullets that open a list item when a space follows. */
static int
is_bullet(uint32_t c)
{
	switch (c) {
	case '*':
	case '-':
	case '+':
	case 0x2022: /* • */
	case 0x2023: /* ‣ */
	case 0x2043: /* ⁃ */
	case 0x00B7: /* · */
	case 0x25AA: /* ▪ */
	case 0x25AB: /* ▫ */
	case 0x25A0: /* ■ */
	case 0x25A1: /* □ */
	case 0x25CB: /* ○ */
	case 0x25CF: /* ● */
	case 0x25E6: /* ◦ */
	case 0x2013: /* – as a bullet only when nothing precedes it */
		return 1;
	default:
		return 0;
	}
}

/*
 * Bytes of a list marker at s (bullet or number, with the space after
 * it), or 0.  "1. ", "12) ", "a) ", "(iv) ", "(b) ", "• ", "* ".
 */
static size_t
list_marker(const unsigned char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t c;

	if (n == 0)
		return 0;
	/* Most lines open with a letter that is no marker. */
	if (s[0] < 0x80 && s[0] != '(' && !(s[0] >= '0' && s[0] <= '9') &&
	    !(s[0] >= 'a' && s[0] <= 'z' && n > 1 &&
		(s[1] == ')' || s[1] == ' ')) &&
	    s[0] != '*' && s[0] != '-' && s[0] != '+' && s[0] != '#')
		return 0;
	k = utf8_decode(s, n, &c);
	if (is_bullet(c)) {
		if (k == n)
			return k;
		return s[k] == ' ' || s[k] == '\t' ? k + 1 : 0;
	}
	/* RFC-style "o  item" (two spaces: "o" is a word in some
	 * languages), lynx's third-level "# item" (a Markdown heading is a
	 * block of its own too). */
	if ((s[0] == 'o' && n > 2 && s[1] == ' ' && s[2] == ' ') ||
	    (s[0] == '#' && n > 1 && s[1] == ' '))
		return 2;
	if (s[0] == '(') {
		for (i = 1; i < n && i <= 5 && s[i] >= 'a' && s[i] <= 'z'; i++)
			;
		if (i == 1)
			for (; i < n && i <= 4 && s[i] >= '0' && s[i] <= '9';
			     i++)
				;
		if (i == 1 || i >= n || s[i] != ')')
			return 0;
		i++;
	} else if (s[0] >= '0' && s[0] <= '9') {
		for (i = 0; i < n && i < 3 && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i >= n || (s[i] != '.' && s[i] != ')'))
			return 0;
		i++;
	} else if (s[0] >= 'a' && s[0] <= 'z' && n > 1 && s[1] == ')') {
		i = 2;
	} else {
		return 0;
	}
	if (i < n && s[i] != ' ' && s[i] != '\t')
		return 0;
	return i < n ? i + 1 : i;
}

/* The width of a block of bytes scanned at once. */
#define BLOCK 16

/*
 * Masks of the BLOCK bytes at p (bit k: byte k): spaces in *sp, tabs in
 * *tab, bytes of 0x80 or more in *high.  p[0 .. BLOCK) must be readable
 * (the queue's line buffers have BLOCK bytes of slack).
 */
static void
block_masks(const unsigned char *p, unsigned *sp, unsigned *tab, unsigned *high)
{
#if defined(SCAN_SSE2)
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);

	*sp = sse_bits(sse_eq(v, ' '));
	*tab = sse_bits(sse_eq(v, '\t'));
	*high = sse_bits(v);
#else
	unsigned k;

	*sp = *tab = *high = 0;
	for (k = 0; k < BLOCK; k++) {
		*sp |= (unsigned)(p[k] == ' ') << k;
		*tab |= (unsigned)(p[k] == '\t') << k;
		*high |= (unsigned)(p[k] >= 0x80) << k;
	}
#endif
}

/* The index of the lowest set bit of m (m != 0). */
static unsigned
low_bit(unsigned m)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctz(m);
#else
	unsigned k = 0;

	while ((m & 1u) == 0) {
		m >>= 1;
		k++;
	}
	return k;
#endif
}

static int
ascii_alnum(unsigned c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    (c >= '0' && c <= '9');
}

/*
 * A line whose text holds tabs, column by column: its width with each tab
 * taken to the next multiple of 8, and whether a gap of 3 columns or more
 * lays out a table.  A tab that moves 1 or 2 columns is a space or two
 * that col(1) turned into a tab ("man ls | col -b"), not a gap.
 */
static void
tab_columns(struct uline *l, const unsigned char *s, size_t n, size_t col)
{
	size_t i, k, gap = 0;
	uint32_t c;

	l->table = 0;
	for (i = 0; i < n; i += k) {
		k = 1;
		if (s[i] == '\t' || s[i] == ' ') {
			size_t to = s[i] == ' ' ? col + 1 : (col / 8 + 1) * 8;

			gap += to - col;
			col = to;
			continue;
		}
		l->table |= gap >= 3;
		gap = 0;
		if (s[i] < 0x80) {
			col++;
		} else {
			k = utf8_decode(s + i, n - i, &c);
			col += c == UTF8_BAD ? 1 : char_cols(c);
		}
	}
	l->width[M_COLS] = col;
}

/*
 * The features of the text s[0..n) of a line (n > 0, the text starting at
 * column col; BLOCK bytes past n readable).  BLOCK bytes at a time, the
 * spaces, tabs and bytes of 0x80 or more are found as bit masks: the
 * first word ends at the first space or tab, three spaces in a row or a
 * tab are a table's gap, and only the characters that are not ASCII are
 * decoded, for their columns (a byte is a column otherwise), CJK and
 * letters.
 */
static void
classify_text(struct uline *l, const unsigned char *s, size_t n, size_t col)
{
	size_t i, pos, k, w, cols = n, word = n, next = 0;
	size_t wadj = 0; /* columns less bytes of the first word */
	unsigned sp, tab, high, ext, last2 = 0, tabs = 0;
	int letters = 0;
	uint32_t c;

	for (i = 0; i < n && !letters; i++)
		letters = ascii_alnum(s[i]);
	for (i = 0; i < n; i += BLOCK) {
		block_masks(s + i, &sp, &tab, &high);
		if (n - i < BLOCK) {
			unsigned valid = (1u << (n - i)) - 1;

			sp &= valid;
			tab &= valid;
			high &= valid;
		}
		if (word == n && (sp | tab) != 0)
			word = i + low_bit(sp | tab);
		/* The text is trimmed: any run of spaces is inside. */
		ext = sp << 2 | last2;
		if ((ext & ext >> 1 & ext >> 2) != 0)
			l->table = 1;
		tabs |= tab;
		last2 = sp >> (BLOCK - 2) & 3u;
		for (; high != 0; high &= high - 1) {
			pos = i + low_bit(high);
			if (pos < next)
				continue; /* inside the character before */
			if (s[pos] == 0xE2 && pos + 2 < n &&
			    s[pos + 1] == 0x80 && (s[pos + 2] & 0xC0) == 0x80 &&
			    s[pos + 2] >= 0x90) {
				/* Dashes, curly quotes, ellipsis (U+2010 to
				 * U+203F), the most common by far: a column,
				 * no letter, no CJK. */
				next = pos + 3;
				cols -= 2;
				if (pos < word)
					wadj -= 2;
				continue;
			}
			k = utf8_decode(s + pos, n - pos, &c);
			next = pos + k;
			w = c == UTF8_BAD ? 1 : char_cols(c);
			cols = cols + w - k; /* k bytes counted as k columns */
			l->wide |= w == 2;
			letters |=
			    c != UTF8_BAD && uc_isalnum(c) && !uc_ispunct(c);
			/* Runs of no-break spaces lay out tables too. */
			if (c == 0xA0 && next + 1 < n && s[next] == 0xC2 &&
			    s[next + 1] == 0xA0)
				l->table = 1;
			if (is_cjk(c)) {
				/* Text may break before and after it: the
				 * first piece is this character or ends
				 * before it. */
				l->breakable |= pos > 0 || next < n;
				l->cjk_start |= pos == 0;
				l->cjk_end = next == n;
				if (pos < word)
					word = pos == 0 ? k : pos;
			}
			if (pos < word)
				wadj += w - k;
		}
	}
	l->firstw[M_BYTES] = word;
	l->firstw[M_COLS] = word + wadj;
	l->breakable |= word < n;
	l->width[M_COLS] = col + cols;
	l->rule = !letters;
	if (tabs != 0)
		tab_columns(l, s, n, col);
}

/*
 * A table row whose only gap follows its first word is a tagged
 * paragraph, as man pages and RFCs lay out options and references:
 *
 *     --mark      Print every line; a dropped line is tagged
 *                 "[category]" ...
 *
 * Its continuation lines are indented to the text after the gap, like a
 * list item's.  The tag is at most 16 columns and the gap 3 or more.
 */
static void
find_label(struct uline *l, const unsigned char *s, size_t n, size_t col)
{
	size_t i, k, c0 = col;
	uint32_t c;
	struct uline rest;

	for (i = 0; i < n && s[i] != ' ' && s[i] != '\t'; i += k) {
		k = utf8_decode(s + i, n - i, &c);
		col += c == UTF8_BAD ? 1 : char_cols(c);
	}
	if (col - c0 > 16)
		return;
	for (k = col; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
		col = s[i] == ' ' ? col + 1 : (col / 8 + 1) * 8;
	if (col - k < 3 || i == n)
		return;
	/* No other gap in the text after it. */
	memset(&rest, 0, sizeof(rest));
	tab_columns(&rest, s + i, n - i, col);
	if (rest.table)
		return;
	l->table = 0;
	l->label = 1;
	l->textcol = col;
}

/* Work out the features of l from its bytes. */
static void
classify(struct uline *l)
{
	const unsigned char *s = (const unsigned char *)l->b.p;
	size_t n = l->b.len, i = 0, col = 0, k, mark;

	l->quote = 0;
	l->table = l->rule = l->item = l->label = 0;
	l->cjk_start = l->cjk_end = l->breakable = l->wide = 0;
	/* ">" quoting: ">", ">>", "> > ". */
	while (i < n && s[i] == '>') {
		l->quote++;
		i++;
		col++;
		if (i + 1 < n && s[i] == ' ' && s[i + 1] == '>') {
			i++;
			col++;
		}
	}
	/* Indentation. */
	for (; i < n; i++) {
		if (s[i] == ' ')
			col++;
		else if (s[i] == '\t')
			col = (col / 8 + 1) * 8;
		else
			break;
	}
	l->start = i;
	l->indent = l->textcol = col;
	/* Trailing white space, a no-break space (C2 A0) too. */
	while (n > i &&
	    (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		(s[n - 1] == 0xA0 && n - 1 > i && s[n - 2] == 0xC2)))
		n -= s[n - 1] == 0xA0 ? 2 : 1;
	l->end = n;
	l->blank = n == i;
	l->width[M_BYTES] = n;
	if (l->blank) {
		l->width[M_COLS] = col;
		l->firstw[M_COLS] = l->firstw[M_BYTES] = 0;
		return;
	}
	mark = list_marker(s + i, n - i);
	l->item = mark > 0;
	if (l->item) {
		/* The item's text starts after the marker and its spaces
		 * (a tab there is no table's gap). */
		for (k = 0; k < mark; k++, i++)
			l->textcol += s[i] == '\t' ? 8 - l->textcol % 8
						   : (s[i] & 0xC0) != 0x80;
		for (; i < n && (s[i] == ' ' || s[i] == '\t'); i++)
			l->textcol += s[i] == '\t' ? 8 - l->textcol % 8 : 1;
		col = l->textcol;
		if (i == n) {
			l->width[M_COLS] = col;
			l->rule = 1;
			return;
		}
	}
	classify_text(l, s + i, n - i, col);
	if (l->table && !l->item)
		find_label(l, s + i, n - i, col);
}

/*
 * Read the next line of the document into the queue.  Returns 0 at the
 * end of the input.
 */
static int
read_line(struct input *in)
{
	struct line line;
	struct uline *l;

	if (doc.eof || out_failed() || !input_next(in, &line)) {
		doc.eof = 1;
		return 0;
	}
	if (qlen == qcap) {
		size_t old = qcap, i;
		struct uline *nq;

		nq = xcalloc(old ? old * 2 : 8, sizeof(*nq));
		/* Every slot moves, so that no line buffer is lost. */
		for (i = 0; i < old; i++)
			nq[i] = *qat(i);
		free(q);
		q = nq;
		qcap = old ? old * 2 : 8;
		qhead = 0;
	}
	l = qat(qlen);
	qlen++;
	/* BLOCK bytes of slack for classify_text(); an empty line gets
	 * bytes to point to too. */
	if (l->b.cap < line.len + BLOCK) {
		buf_reset(&l->b);
		buf_reserve(&l->b, line.len + BLOCK);
	}
	memcpy(l->b.p, line.p, line.len);
	l->b.len = line.len;
	l->crlf = line.crlf;
	classify(l);
	doc.ahead += line.len + 1;
	return 1;
}

/*
 * Can b go on with a's block, whatever the width?  Not after or before a
 * blank line, a rule or a table row, not when b opens a list item or a
 * tagged paragraph or quotes at another depth, and only at the block's
 * indentation: in_block says that a is itself a continuation line (of the block
 * whose continuations start at doc.cont); else a list item's continuations are
 * indented to its text, and a paragraph's to its first line or a little less (a
 * first line indented like a book's).  (fmt(1) puts an item's continuations
 * under its marker: that is allowed too; lynx centres the rest of a heading
 * under it.)
 */
static int
may_continue(const struct uline *a, const struct uline *b, int in_block)
{
	if (a->blank || b->blank || a->rule || b->rule || a->table ||
	    b->table || b->item || b->label || a->quote != b->quote)
		return 0;
	if (in_block)
		return b->indent == doc.cont;
	if (a->label)
		return b->indent == a->textcol;
	if (a->item)
		return b->indent == a->textcol || b->indent == a->indent;
	if (b->indent <= a->indent && b->indent + 8 >= a->indent)
		return 1;
	/* The rest of a centred heading, centred under it (lynx). */
	return a->indent == 0 && b->indent > 8 &&
	    b->indent + b->width[M_COLS] + 1 >= a->width[M_COLS] &&
	    b->indent + b->width[M_COLS] <= a->width[M_COLS] + 1;
}

/*
 * Would the first word of b have fitted at the end of a within w, a and b
 * measured by m?  Then a was not broken by a wrapper at width w.
 */
static int
word_fits(const struct uline *a, const struct uline *b, int m, size_t w)
{
	size_t gap = a->cjk_end && b->cjk_start ? 0 : 1;

	return a->width[m] + gap + b->firstw[m] <= w;
}

/* The distinct voters of detect_width(), as hashes of their lines. */
static uint64_t *voters;
static size_t nvoters_cap;

static int
cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/*
 * The widths at which a greedy wrapper, filling lines up to w measured by
 * m, breaks between a and b: w in [lo, hi).  Returns 0 for a pair that is
 * not of one block (no vote).
 */
static int
vote_range(
    const struct uline *a, const struct uline *b, int m, size_t *lo, size_t *hi)
{
	if (!may_continue(a, b, 0) || a->width[m] < MIN_WIDTH ||
	    a->width[m] > MAX_WIDTH)
		return 0;
	*lo = a->width[m];
	*hi = *lo + (a->cjk_end && b->cjk_start ? 0 : 1) + b->firstw[m];
	if (*hi > MAX_WIDTH + 1)
		*hi = MAX_WIDTH + 1;
	return 1;
}

/*
 * The width, measured by m, with the most votes of the pairs of lines in
 * the queue; their number in *nvotes, the number of pairs that voted in
 * *npairs.
 */
static size_t
most_voted(int m, size_t *nvotes, size_t *npairs)
{
	long votes[MAX_WIDTH + 2], run = 0, best_votes = 0;
	size_t i, w, lo, hi, best = 0;

	memset(votes, 0, sizeof(votes));
	*npairs = 0;
	for (i = 0; i + 1 < qlen; i++) {
		if (!vote_range(qat(i), qat(i + 1), m, &lo, &hi))
			continue;
		(*npairs)++;
		votes[lo]++;
		votes[hi]--;
	}
	for (w = 0; w <= MAX_WIDTH; w++) {
		run += votes[w];
		if (run > best_votes) {
			best_votes = run;
			best = w;
		}
	}
	*nvotes = (size_t)best_votes;
	return best;
}

/*
 * Text wrapped by a wrapper that does not fill its lines greedily (fmt(1)
 * evens out line lengths, pdftotext follows the lines of a page set in a
 * proportional font) ends its lines anywhere in the last few columns
 * before its width W: the first word of the next line would often have
 * fitted.  Such text is recognised by its lines of one block: at least
 * four pairs, and three in four of them, have a first line in the last
 * fifth of W, W being the widest line but for one line in a hundred.
 * The slack is how far those first lines fall short of W (nine pairs
 * in ten): a line joins the next when the next one's first word would
 * not have fitted within W less the slack.  Returns W and sets
 * doc.slack, or returns 0.
 */
static size_t
detect_ragged(int m)
{
	size_t hist[MAX_WIDTH + 2], i, w, n = 0, over = 0, pairs = 0, high = 0;
	size_t shortfall[MAX_WIDTH + 1], k;

	memset(hist, 0, sizeof(hist));
	for (i = 0; i < qlen; i++) {
		const struct uline *l = qat(i);

		if (!l->blank && l->breakable && !l->table && !l->wide) {
			hist[l->width[m] > MAX_WIDTH ? MAX_WIDTH + 1
						     : l->width[m]]++;
			n++;
		}
	}
	for (w = MAX_WIDTH + 1; w > 0 && over + hist[w] <= n / 100; w--)
		over += hist[w];
	if (w < MIN_WIDTH || w > MAX_WIDTH)
		return 0;
	memset(shortfall, 0, sizeof(shortfall));
	for (i = 0; i + 1 < qlen; i++) {
		const struct uline *a = qat(i);

		if (!may_continue(a, qat(i + 1), 0) || a->width[m] > w ||
		    !a->breakable)
			continue;
		pairs++;
		if (a->width[m] * 5 >= w * 4) {
			high++;
			shortfall[w - a->width[m]]++;
		}
	}
	if (high < 4 || high * 4 < pairs * 3)
		return 0;
	for (k = 0, i = 0; k * 10 < high * 9; i++)
		k += shortfall[i];
	doc.slack = i;
	return w;
}

/*
 * Find the wrap width of the lines in the queue and how it is measured
 * (doc.m), or 0 if they are not hard-wrapped.  Each pair of lines A, B of
 * one block votes for the widths at which a greedy wrapper would have
 * broken between them: from A's width up to just before B's first word
 * would have fitted on A.  The width with the most votes wins, if the text
 * agrees: in wrapped text the wrapped pairs (at least a quarter of all
 * pairs) vote for the true width, from lines of several lengths, and
 * almost no line (an eighth of the votes) is wider.  Lines of one block a
 * line have every length, so that their votes scatter and many lines pass
 * any width they agree on; a line repeated (a menu printed twice) votes
 * for one width many times, so each distinct line counts once.  Both measures
 * vote; the one with more votes wins (columns on a tie: the same for ASCII
 * text).
 */
static size_t
detect_width(void)
{
	size_t i, best, votes, pairs, lo, hi, over = 0, lines = 0;
	size_t bbest, bvotes, bpairs, indents[9];
	int m = M_COLS;

	best = most_voted(M_COLS, &votes, &pairs);
	bbest = most_voted(M_BYTES, &bvotes, &bpairs);
	if (bvotes > votes) {
		m = M_BYTES;
		best = bbest;
		votes = bvotes;
		pairs = bpairs;
	}
	doc.m = m;
	if (votes < 2 || votes * 4 < pairs)
		return detect_ragged(m);
	/* The voters for the width, each line counted once. */
	voters = xgrowarray(voters, &nvoters_cap, qlen, sizeof(*voters), 64);
	memset(indents, 0, sizeof(indents));
	for (i = 0; i + 1 < qlen; i++)
		if (vote_range(qat(i), qat(i + 1), m, &lo, &hi) && lo <= best &&
		    best < hi) {
			voters[lines++] = hash64(qat(i)->b.p, qat(i)->b.len, 0);
			indents[qat(i)->indent < 8 ? qat(i)->indent : 8]++;
		}
	for (i = 1; i < 9; i++)
		if (indents[i] > indents[doc.margin])
			doc.margin = i;
	qsort(voters, lines, sizeof(*voters), cmp_u64);
	for (i = 1, hi = lines > 0; i < lines; i++)
		hi += voters[i] != voters[i - 1];
	/* Lines wider than the width; not those that could not be broken
	 * (a long URL) or that a renderer does not wrap (a table, CJK). */
	for (i = 0; i < qlen; i++) {
		const struct uline *l = qat(i);

		if (!l->blank && l->breakable && !l->table && !l->wide &&
		    l->width[m] > best)
			over++;
	}
	if (hi < 2 || over * 8 > votes)
		return detect_ragged(m);
	return best;
}

/*
 * Was a broken by wrapping, with b its next piece?  (The rules at the top
 * of the file.)
 */
static int
joins(const struct uline *a, const struct uline *b)
{
	size_t width = doc.width, fit;

	/*
	 * Text browsers indent the text of a page and not its headings,
	 * which run into the margin on the right too: lynx wraps paragraphs
	 * at 74 columns and headings at 79.
	 */
	if (a->width[doc.m] > width && a->indent == 0 && doc.margin >= 2)
		width += HEADING_REACH;
	fit = width;
	/*
	 * A block quotation is indented on both sides: lynx wraps one
	 * indented by 2 past the text at a column or two less.
	 */
	if (a->indent > doc.margin && !a->item && !a->label && width > 2)
		fit = width - (a->indent - doc.margin < 2 ? 1 : 2);
	return a->width[doc.m] <= width && may_continue(a, b, doc.in_block) &&
	    !word_fits(a, b, doc.m, fit - doc.slack);
}

static int
is_letter(uint32_t c)
{
	return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			: c != UTF8_BAD && uc_isalnum(c) && !uc_ispunct(c);
}

static int
is_alnum(uint32_t c)
{
	return is_letter(c) || (c >= '0' && c <= '9');
}

/*
 * The bytes of the hyphen that ends l's text, after at least one more
 * character: "-", or U+2010 HYPHEN (groff's, in man pages); else 0.
 */
static size_t
hyphen_at_end(const struct uline *l)
{
	const unsigned char *s = (const unsigned char *)l->b.p;
	size_t n = l->end - l->start;

	if (n >= 2 && s[l->end - 1] == '-')
		return 1;
	if (n >= 4 && s[l->end - 3] == 0xE2 && s[l->end - 2] == 0x80 &&
	    s[l->end - 1] == 0x90)
		return 3;
	return 0;
}

/*
 * The words of the document's look-ahead, for mending hyphenated words:
 * 64-bit hashes of ASCII words and hyphenated compounds, lower-cased, in
 * an open-addressing table, filled only when the look-ahead has a line
 * that ends in a hyphen after a letter (so that a stream of many small
 * documents does not clear it every time) and to three quarters at most.
 */
#define WORD_SLOTS ((size_t)8192)
static uint64_t words[WORD_SLOTS];
static size_t nwords;
static int words_filled;

/* The hash of a word given in pieces, ASCII letters lower-cased. */
static uint64_t
word_hash(const unsigned char *p1, size_t n1, const char *mid,
    const unsigned char *p2, size_t n2)
{
	unsigned char w[128];
	size_t n = 0, i;

	for (i = 0; i < n1 && n < sizeof(w); i++)
		w[n++] = p1[i] | (p1[i] >= 'A' && p1[i] <= 'Z' ? 0x20 : 0);
	for (i = 0; mid[i] != '\0' && n < sizeof(w); i++)
		w[n++] = (unsigned char)mid[i];
	for (i = 0; i < n2 && n < sizeof(w); i++)
		w[n++] = p2[i] | (p2[i] >= 'A' && p2[i] <= 'Z' ? 0x20 : 0);
	return hash64(w, n, 0x75e) | 1; /* 0 marks an empty slot */
}

static int
word_slot(uint64_t h, int add)
{
	size_t i = (size_t)h & (WORD_SLOTS - 1);

	while (words[i] != 0 && words[i] != h)
		i = (i + 1) & (WORD_SLOTS - 1);
	if (words[i] == h)
		return 1;
	if (add && nwords < WORD_SLOTS / 4 * 3) {
		words[i] = h;
		nwords++;
	}
	return 0;
}

static int
ascii_letter(unsigned c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Fill the table from the look-ahead, if a line there ends in "x-". */
static void
learn_words(void)
{
	size_t i, j, k;
	int any = 0;

	for (i = 0; i < qlen && !any; i++) {
		const struct uline *l = qat(i);
		const unsigned char *s = (const unsigned char *)l->b.p;

		k = hyphen_at_end(l);
		any = k > 0 && ascii_letter(s[l->end - k - 1]);
	}
	if (words_filled) {
		memset(words, 0, sizeof(words));
		nwords = 0;
		words_filled = 0;
	}
	if (!any)
		return;
	words_filled = 1;
	for (i = 0; i < qlen; i++) {
		const struct uline *l = qat(i);
		const unsigned char *s = (const unsigned char *)l->b.p;

		/* Runs of letters, with single hyphens between letters. */
		for (j = l->start; j < l->end; j = k + 1) {
			for (k = j; k < l->end &&
			     (ascii_letter(s[k]) ||
				 (s[k] == '-' && k > j && k + 1 < l->end &&
				     ascii_letter(s[k + 1])));
			     k++)
				;
			if (k - j >= 2 && (k == l->end || s[k] != '-'))
				(void)word_slot(
				    word_hash(s + j, k - j, "", s, 0), 1);
		}
	}
}

/*
 * a ends with a hyphen after a letter and b goes on with a letter: did
 * the break split one word (the hyphen goes: "exam-" + "ple" =
 * "example") or fall after the hyphen of a compound (it stays:
 * "well-" + "known")?  The hyphen stays when
 *   - -k was given;
 *   - b's piece starts with a capital or a digit, or a digit comes
 *     before the hyphen ("2019-" + "2020", "anti-" + "American");
 *   - a's word already holds a hyphen, a slash, a dot or "@" (a
 *     compound "state-of-" + "the-art", a URL, an address), or a capital
 *     after its first letter ("RFC-" + "style").
 * Else the document decides where it can: the hyphen goes when the
 * joined word is in its first 64 KiB ("repairs"), stays when the
 * hyphenated one is ("re-elected").  Else it stays after a word that
 * opens compounds and is no syllable a hyphenator splits off (anti,
 * cross, half, non, self, well), and goes otherwise.
 */
static const char *const compound_heads[] = {
    "anti", "cross", "half", "non", "self", "well", NULL};

/* The n bytes at s are the lower-case ASCII word w, in any case. */
static int
same_nocase(const unsigned char *s, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != (unsigned char)w[i])
			return 0;
	return 1;
}

static int
hyphen_goes(const struct uline *a, const struct uline *b, size_t hl)
{
	const unsigned char *s = (const unsigned char *)a->b.p;
	const unsigned char *t = (const unsigned char *)b->b.p + b->start;
	size_t e = a->end - hl, w = e, i, rest;
	uint32_t c;

	if (opt.keep_hyphens)
		return 0;
	utf8_decode(t, b->b.len - b->start, &c);
	if (!is_letter(c) || uc_isupper(c))
		return 0;
	/* The word before the hyphen: back to a space. */
	while (w > a->start && s[w - 1] != ' ' && s[w - 1] != '\t')
		w--;
	for (i = w; i < e; i++)
		if (s[i] == '-' || s[i] == '/' || s[i] == '.' || s[i] == '@' ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    (i > w && s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
	if (words_filled) {
		for (rest = 0;
		     rest < b->end - b->start && ascii_letter(t[rest]); rest++)
			;
		if (word_slot(word_hash(s + w, e - w, "", t, rest), 0))
			return 1;
		if (word_slot(word_hash(s + w, e - w, "-", t, rest), 0))
			return 0;
	}
	for (i = 0; compound_heads[i] != NULL; i++) {
		size_t len = strlen(compound_heads[i]);

		if (len == e - w && same_nocase(s + w, compound_heads[i], len))
			return 0;
	}
	return 1;
}

/* Write the end of a line: "\r\n" if the line had it. */
static void
end_line(const struct uline *l)
{
	if (l->crlf)
		out_putc('\r');
	out_putc('\n');
	out_end_record();
}

/*
 * Write a, the head of the queue, with b the line after it (NULL: none).
 * A continuation line loses its quote prefix and indentation; a line
 * that joins b loses its trailing white space and gets a space, or
 * nothing after a mended hyphen or between CJK characters.
 */
static void
emit(const struct uline *a, const struct uline *b)
{
	const unsigned char *s = (const unsigned char *)a->b.p;
	size_t from = doc.in_block ? a->start : 0, to = a->end, hl;
	int space = 1;
	uint32_t c;

	if (doc.width == 0 || b == NULL || !joins(a, b)) {
		out_write(s + from, a->b.len - from);
		end_line(a);
		doc.in_block = 0;
		return;
	}
	if (!doc.in_block)
		doc.cont = b->indent;
	if (to - a->start >= 2 && s[to - 2] == 0xC2 && s[to - 1] == 0xAD) {
		/* A soft hyphen where the renderer broke the word. */
		to -= 2;
		space = 0;
	} else if ((hl = hyphen_at_end(a)) > 0 &&
	    utf8_decode_back(s + a->start, to - hl - a->start, &c) > 0 &&
	    is_alnum(c)) {
		/* "exam-" + "ple", "well-" + "known", "1870-" + "1890". */
		utf8_decode((const unsigned char *)b->b.p + b->start,
		    b->b.len - b->start, &c);
		if (is_alnum(c)) {
			space = 0;
			if (hyphen_goes(a, b, hl))
				to -= hl;
		}
	} else if (a->cjk_end && b->cjk_start) {
		space = 0;
	}
	out_write(s + from, to - from);
	if (space)
		out_putc(' ');
	doc.in_block = 1;
}

/* Drop the head of the queue; a huge line's buffer goes with it. */
static void
pop(void)
{
	struct uline *l = qat(0);

	if (l->b.cap > LOOKAHEAD_BYTES * 16)
		buf_free(&l->b);
	qhead = (qhead + 1) & (qcap - 1);
	qlen--;
}

/*
 * One document: read ahead, find the width, then write each line knowing
 * the next.  (lib/inputs ends a document at a separator line, writes the
 * separator and calls here again for the next one.)
 */
static int
unwrap_document(struct input *in, void *ctx)
{
	(void)ctx;
	doc.eof = 0;
	doc.in_block = 0;
	doc.ahead = 0;
	while (qlen < LOOKAHEAD_LINES && doc.ahead < LOOKAHEAD_BYTES &&
	    read_line(in))
		;
	doc.m = M_COLS;
	doc.slack = 0;
	doc.margin = 0;
	doc.width = opt.width ? opt.width : detect_width();
	if (doc.width > 0 && !opt.keep_hyphens)
		learn_words();
	if (opt.print_width) {
		out_printf("%s\t%zu%s\n", in->name, doc.width,
		    doc.m == M_BYTES && doc.width > 0 ? "\tbytes" : "");
		out_end_record();
	}
	while (qlen > 0 && !out_failed()) {
		if (qlen < 2)
			(void)read_line(in);
		if (!opt.print_width)
			emit(qat(0), qlen >= 2 ? qat(1) : NULL);
		pop();
	}
	return out_failed();
}

static void
free_queue(void)
{
	size_t i;

	for (i = 0; i < qcap; i++)
		buf_free(&q[i].b);
	free(q);
	q = NULL;
	qcap = qhead = qlen = 0;
	free(voters);
	voters = NULL;
	nvoters_cap = 0;
}

int
main(int argc, char **argv)
{
	int first, status;

	prog_init(argc, argv);
	memset(&opt, 0, sizeof(opt));
	memset(&doc, 0, sizeof(doc));
	first = cli_parse(argc, argv, &spec);
	inputs_quiet_separators(opt.print_width);
	out_open(common.output, common.line_buffered);
	(void)inputs_run(argv + first, argc - first, unwrap_document, NULL);
	status = out_close(!prog_trouble());
	free_queue();
	return status != EXIT_OK || prog_trouble() ? EXIT_TROUBLE : EXIT_OK;
}
