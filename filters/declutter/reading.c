/*
 * reading.c - what a line says without the marks a text browser puts
 * before it.  `w3m -dump` and `lynx -dump` print a page with list bullets
 * ("•", "□", "☆" from w3m; "*", "+", "o", "#" from lynx), indentation
 * (lynx indents every block by three columns, nested lists by more),
 * link numbers ("[12]Home" without -nolist), form widgets ("(BUTTON)",
 * "[ ]") and numbered list items ("3. ").  A rule written for "More
 * stories" must also find "   * More stories", and the fingerprint of a
 * menu entry must not change with its indentation; so the features, the
 * rules and the fingerprints read a line from where its text starts.  The
 * line itself is written out whole, marks and all.
 */
#include <string.h>

#include "declutter.h"

/*
 * The length of one list bullet at p[0..n), 0 if none: a bullet is
 * followed by a space or ends the line ("•" alone on a line is an empty
 * list item).  "o" is a bullet only in an indented line (lynx's third
 * level), since "o " starts sentences in Portuguese; a hyphen is a bullet
 * but an en or em dash is left alone (an attribution, a line of dialogue).
 */
static size_t
bullet_len(const unsigned char *p, size_t n, int indented)
{
	size_t k = 0;

	if (n == 0)
		return 0;
	switch (p[0]) {
	case '*':
	case '+':
	case '#':
	case '-':
		k = 1;
		break;
	case 'o':
		k = indented ? 1 : 0;
		break;
	case 0xC2: /* · */
		k = n >= 2 && p[1] == 0xB7 ? 2 : 0;
		break;
	case 0xE2:
		if (n < 3)
			return 0;
		/* • ‣ */
		if (p[1] == 0x80 && (p[2] == 0xA2 || p[2] == 0xA3))
			k = 3;
		/* ■ □ ▪ ▫ ▶ ▸ ► ○ ◆ ◇ ● ◦ */
		else if (p[1] == 0x96 &&
		    (p[2] == 0xA0 || p[2] == 0xA1 || p[2] == 0xAA ||
			p[2] == 0xAB || p[2] == 0xB6 || p[2] == 0xB8 ||
			p[2] == 0xBA))
			k = 3;
		else if (p[1] == 0x97 &&
		    (p[2] == 0x8B || p[2] == 0x86 || p[2] == 0x87 ||
			p[2] == 0x8F || p[2] == 0xA6))
			k = 3;
		/* ☆ ★ */
		else if (p[1] == 0x98 && (p[2] == 0x86 || p[2] == 0x85))
			k = 3;
		break;
	default:
		break;
	}
	if (k == 0 || (k < n && p[k] != ' ' && p[k] != '\t'))
		return 0;
	/* "--" or "**" runs are rules and emphasis, not bullets. */
	return k;
}

/*
 * The length of a bracketed file name at p[0..n), 0 if none: the name a
 * text browser prints for a picture, a tracking pixel or an ad frame that
 * has no alt text, "[gif]", "[logo.svg]", "[tr?id=12&ev=PageView]".  It
 * has no spaces, and a file's marks (. ? = & _ / : or a digit) or no
 * capital first: "[Engadget]" (a source named in a list) and "[Update:
 * the vote was moved]" are not file names.
 */
static size_t
file_group_len(const unsigned char *p, size_t n)
{
	size_t i;
	int filelike, counter = 1;

	if (n < 3 || p[0] != '[')
		return 0;
	filelike = !(p[1] >= 'A' && p[1] <= 'Z');
	for (i = 1; i < n && p[i] != ']'; i++) {
		if (p[i] == ' ' || p[i] == '[')
			return 0;
		if ((p[i] != 0 && strchr(".?=&_/:", p[i]) != NULL) ||
		    (p[i] >= '0' && p[i] <= '9'))
			filelike = 1;
		if (p[i] != '/' && !(p[i] >= '0' && p[i] <= '9'))
			counter = 0;
	}
	/* "[1/4]" counts a gallery's pictures: a media rule's. */
	return i < n && i > 1 && filelike && !counter ? i + 1 : 0;
}

/*
 * The length of one bracketed mark at p[0..n), 0 if none: a link number
 * "[12]" (no space needed after it), a check box "[ ]" "[X]", a text
 * field "[____]", a picture's file name, a radio button "( )" "(*)",
 * lynx's "(BUTTON)".
 */
static size_t
bracket_len(const unsigned char *p, size_t n)
{
	size_t i;

	if (n >= 2 && p[0] == '[') {
		for (i = 1; i < n && i <= 6 && p[i] >= '0' && p[i] <= '9'; i++)
			;
		if (i > 1 && i < n && p[i] == ']')
			return i + 1;
		if (n >= 3 && (p[1] == 'X' || p[1] == 'x') && p[2] == ']')
			return 3;
		/* A text field: "[ ]", "[____________]". */
		for (i = 1; i < n && (p[i] == ' ' || p[i] == '_'); i++)
			;
		if (i < n && p[i] == ']')
			return i + 1;
		/* A picture's file name before a link's text:
		 * "[DSC_3255]Bonuses of May". */
		if ((i = file_group_len(p, n)) > 0)
			return i;
	}
	if (n >= 3 && p[0] == '(' && (p[1] == ' ' || p[1] == '*') &&
	    p[2] == ')')
		return 3;
	if (n >= 8 && memcmp(p, "(BUTTON)", 8) == 0)
		return 8;
	return 0;
}

/*
 * The length of a list number "1. " to "999. " at p[0..n), 0 if none
 * ("2019. " and "3.5" are not list numbers).
 */
static size_t
number_len(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 4 && p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 || i > 3 || i + 1 >= n || p[i] != '.' || p[i + 1] != ' ')
		return 0;
	return i + 1;
}

/*
 * Does p[0..n) repeat a unit of at most 4 bytes, "━━━━━", "-=-=-=", that
 * any halving finds twice?
 */
static int
short_period(const unsigned char *p, size_t n)
{
	size_t k;

	for (k = 1; k <= 4 && k < n; k++)
		if (memcmp(p, p + k, n - k) == 0)
			return 1;
	return 0;
}

/*
 * The length of p[0..n)'s text once if p[0..n) is that text k times over,
 * one after another (sep 0) or with a space between (sep 1), else 0.
 * Inlined with k and sep constants, the remainder is a multiplication,
 * not a 64-bit division (tens of cycles; four a line), and the first
 * bytes of two parts are compared before memcmp() is called: on 3 MB of
 * news, doubled_text() went from 1.00M to 0.51M instructions.
 */
static inline size_t
times_over(const unsigned char *p, size_t n, size_t k, size_t sep)
{
	size_t part;

	if ((n - (k - 1) * sep) % k != 0)
		return 0;
	part = (n - (k - 1) * sep) / k;
	if (part < 8 || (sep && p[part] != ' ') || p[0] != p[part + sep])
		return 0;
	if (memcmp(p, p + part + sep, part) != 0 || short_period(p, part))
		return 0;
	if (k == 3 &&
	    (memcmp(p, p + 2 * (part + sep), part) != 0 ||
		(sep && p[2 * part + sep] != ' ')))
		return 0;
	return part;
}

/*
 * Is p[0..n) one text two or three times over, "Tax rises ahead for
 * savers Tax rises ahead for savers"?  A teaser card whose picture's alt
 * text repeats its link's text prints so in a text browser; no sentence
 * of an article does.  The length of the text once, or 0.
 */
size_t
doubled_text(const char *line, size_t n)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t part;

	if (n < 16 || n > 1024)
		return 0;
	if ((part = times_over(p, n, 2, 0)) > 0 ||
	    (part = times_over(p, n, 2, 1)) > 0 ||
	    (part = times_over(p, n, 3, 0)) > 0)
		return part;
	return times_over(p, n, 3, 1);
}

/*
 * Is p[0..n) a file name or a page's slug alone, "milan-week-2018-lamp-
 * arrangements-01", "IMG_2041_final": no spaces, three or more parts
 * joined by '-' or '_', and not an address ("http://a.org/one-two-three"
 * is a source the article cites)?  w3m prints a picture's alt text so when a
 * site fills it with the file's name.
 */
static int
slug_only(const unsigned char *p, size_t n)
{
	size_t i, joins = 0;

	if (n < 16)
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] == ' ' || p[i] == '/' || p[i] == ':')
			return 0; /* an address, cited in the text */
		joins += (p[i] == '-' || p[i] == '_') && i > 0 && i + 1 < n &&
		    p[i - 1] != '-' && p[i - 1] != '_';
	}
	return joins >= 3;
}

/* Is p[0..n) only bracketed file names, "[logo.svg] [tr?id=12]"? */
static int
image_only(const unsigned char *p, size_t n)
{
	size_t i = 0, k, groups = 0;

	while (i < n) {
		if (p[i] == ' ') {
			i++;
			continue;
		}
		if ((k = file_group_len(p + i, n - i)) == 0)
			return 0;
		i += k;
		groups++;
	}
	return groups > 0;
}

#define MARKS_MAX 8

const char *
line_reading(const char *line, size_t *len, unsigned *marks)
{
	const unsigned char *p;
	const unsigned char *t;
	size_t n = *len, k, tn;
	unsigned m = 0, steps;
	int indented;

	p = (const unsigned char *)line_trim(line, &n);
	t = p;
	tn = n;
	indented = p - (const unsigned char *)line >= 2;
	if (indented)
		m |= MARK_INDENT;
	/*
	 * Marks can stack: "   * [3]Home", "• 2. Step two"; at most
	 * MARKS_MAX of them are read, so that a line of a million "[a1]"
	 * costs no more than eight scans of it (image_only reads to its end).
	 */
	for (steps = 0; steps < MARKS_MAX; steps++) {
		/* Pictures alone are left for browser_chrome(). */
		if (image_only(p, n))
			break;
		if ((k = bullet_len(p, n, indented)) > 0)
			m |= MARK_BULLET;
		else if ((k = bracket_len(p, n)) > 0)
			m |= MARK_BRACKET;
		else if ((k = number_len(p, n)) > 0)
			m |= MARK_NUMBER;
		else
			break;
		p += k;
		n -= k;
		p = (const unsigned char *)line_trim((const char *)p, &n);
		indented = 1;
	}
	/*
	 * A bullet alone ("•", an empty list item) or a text field alone is
	 * not a blank line: runs of them build menus and teaser lists, which
	 * the context reads as such.  So a line is never read as empty.
	 */
	if (n == 0) {
		p = t;
		n = tn;
	}
	if (marks != NULL)
		*marks = m;
	*len = n;
	return (const char *)p;
}

/*
 * Is p[0..n) a drawn rule: one character three times or more, "=====",
 * "-----", "_____" (lynx's text field), "━━━━" (w3m's <hr>), with spaces
 * between if any?  It underlines a heading or parts two blocks.
 */
static int
drawn_rule(const unsigned char *p, size_t n)
{
	size_t i, k = 0, w;

	if (n < 3)
		return 0;
	/* One ASCII character ... */
	if (p[0] < 0x80) {
		if (p[0] == 0 || strchr("=-_~*.#+", p[0]) == NULL)
			return 0;
		for (i = 0; i < n; i++)
			if (p[i] != p[0] && p[i] != ' ')
				return 0;
		return 1;
	}
	/* ... or box-drawing characters, U+2500 to U+257F (E2 94-95 xx). */
	for (i = 0; i < n; i += w) {
		w = 1;
		if (p[i] == ' ')
			continue;
		if (i + 3 > n || p[i] != 0xE2 ||
		    (p[i + 1] != 0x94 && p[i + 1] != 0x95))
			return 0;
		w = 3;
		k++;
	}
	return k >= 3;
}

int
browser_chrome(const char *line, size_t n, int text_started)
{
	const unsigned char *p = (const unsigned char *)line;

	if (image_only(p, n) || slug_only(p, n))
		return CHROME_IMAGE;
	if (drawn_rule(p, n))
		return CHROME_RULE;
	/* lynx: "IFRAME: URL", "REFRESH(2700 sec): URL", and the marks of
	 * an empty <ins> or <del>, "[ins: :ins]" */
	if ((n > 8 && memcmp(p, "IFRAME: ", 8) == 0) ||
	    (n > 8 && memcmp(p, "REFRESH(", 8) == 0) ||
	    (n == 11 && memcmp(p, "[ins: :ins]", 11) == 0) ||
	    (n == 11 && memcmp(p, "[del: :del]", 11) == 0))
		return CHROME_BROWSER;
	/*
	 * lynx lists the page's <link>s as its first line, "#alternate
	 * alternate", "#Site » Feed Site » Comments Feed": a '#' and a word,
	 * before any text of the page (a heading "# Title" has a space).
	 */
	if (!text_started && n >= 2 && p[0] == '#' && p[1] != ' ' &&
	    p[1] != '#')
		return CHROME_BROWSER;
	return 0;
}

unsigned
text_cells(const char *line, size_t n)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t i = 0, run;
	unsigned cells = 1;
	int tab;

	if (n > 512)
		return 1;
	while (i < n) {
		if (p[i] == '[') {
			/* A form's text field, "[          ]", is no cell. */
			for (run = i; run < n && run - i < 80 && p[run] != ']';
			     run++)
				;
			i = run < n && p[run] == ']' ? run + 1 : i + 1;
		} else if (p[i] == ' ' || p[i] == '\t') {
			for (run = 0, tab = 0;
			     i < n && (p[i] == ' ' || p[i] == '\t'); i++, run++)
				tab |= p[i] == '\t';
			if ((tab || run >= 2) && cells < 255)
				cells++;
		} else {
			i++;
		}
	}
	return cells;
}
