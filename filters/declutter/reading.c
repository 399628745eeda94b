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
 * The length of one bracketed mark at p[0..n), 0 if none: a link number
 * "[12]" (no space needed after it), a check box "[ ]" "[X]", a radio
 * button "( )" "(*)", lynx's "(BUTTON)".
 */
static size_t
bracket_len(const unsigned char *p, size_t n)
{
	size_t i;

	if (n >= 3 && p[0] == '[') {
		for (i = 1; i < n && i <= 6 && p[i] >= '0' && p[i] <= '9'; i++)
			;
		if (i > 1 && i < n && p[i] == ']')
			return i + 1;
		if ((p[1] == ' ' || p[1] == 'X' || p[1] == 'x') && p[2] == ']')
			return 3;
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

const char *
line_reading(const char *line, size_t *len, unsigned *marks)
{
	const unsigned char *p;
	size_t n = *len, k;
	unsigned m = 0;
	int indented;

	p = (const unsigned char *)line_trim(line, &n);
	indented = p - (const unsigned char *)line >= 2;
	if (indented)
		m |= MARK_INDENT;
	/* Marks can stack: "   * [3]Home", "• 2. Step two". */
	for (;;) {
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
	if (marks != NULL)
		*marks = m;
	*len = n;
	return (const char *)p;
}

/*
 * Is p[0..n) (a reading) only bracketed names without spaces, "[gif]",
 * "[logo.svg] [tr?id=12]": the file name a text browser prints for a
 * picture, a tracking pixel or an ad frame that has no alt text?  A name
 * has a file's marks (. ? = & _ / : or a digit) or no capital first;
 * "[Engadget]" (a source named in a list) and "[Update: the vote was
 * moved]" are not.
 */
static int
image_only(const unsigned char *p, size_t n)
{
	size_t i = 0, groups = 0, s;
	int filelike;

	while (i < n) {
		if (p[i] == ' ') {
			i++;
			continue;
		}
		if (p[i] != '[')
			return 0;
		s = ++i;
		filelike = s < n && !(p[s] >= 'A' && p[s] <= 'Z');
		for (; i < n && p[i] != ']'; i++) {
			if (p[i] == ' ' || p[i] == '[')
				return 0;
			if ((p[i] != 0 && strchr(".?=&_/:", p[i]) != NULL) ||
			    (p[i] >= '0' && p[i] <= '9'))
				filelike = 1;
		}
		if (i == n || !filelike)
			return 0;
		i++;
		groups++;
	}
	return groups > 0;
}

int
browser_chrome(const char *line, size_t n, int text_started)
{
	const unsigned char *p = (const unsigned char *)line;

	if (image_only(p, n))
		return CHROME_IMAGE;
	/* lynx: "IFRAME: URL", "REFRESH(2700 sec): URL" */
	if ((n > 8 && memcmp(p, "IFRAME: ", 8) == 0) ||
	    (n > 8 && memcmp(p, "REFRESH(", 8) == 0))
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
