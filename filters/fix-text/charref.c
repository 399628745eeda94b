/*
 * charref.c - step 1: HTML character references left in text.
 *
 * Decoded: the named references of the HTML5 table closed by ';' (&amp;
 * &rsquo; &nbsp; -> U+00A0), also in capitals, as text upper-cased after
 * it was escaped has them (&EACUTE; -> É, &AELIG; -> Æ, &EURO; -> €:
 * the name the same but for case, a capital first); decimal and hex references
 * closed by ';', with the browsers' repairs (lib/htmlent.h: &#146; is ’,
 * &#0; and &#x110000; are U+FFFD).
 *
 * Kept: an '&' that starts no closed reference: AT&T, R&D, &c, and the
 * legacy names a browser decodes without ';' (&copy 2026, &not html),
 * which in plain text are words far more often than markup.
 *
 * Double escaping is undone: a reference that decodes to '&' is read
 * again with the text after it, so &amp;#8217; is ’ and &amp;amp;amp; is &.
 */
#include <string.h>

#include "fixtext.h"
#include "htmlent.h"
#include "utf8.h"

static int
is_upper_alnum(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* 1 when the first m bytes of a and b are the same letters ignoring case. */
static int
same_nocase(const char *a, const char *b, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++) {
		char x = a[i], y = b[i];

		if (x >= 'a' && x <= 'z')
			x -= 32;
		if (y >= 'a' && y <= 'z')
			y -= 32;
		if (x != y)
			return 0;
	}
	return 1;
}

/*
 * A name written in capitals, as upper-cased text has them: "&EACUTE;"
 * is the table's name that is the same but for case ("Eacute;" and
 * "eacute;"), the one that gives a capital when there is one (É, Æ for
 * "&AELIG;", Ь for "&SOFTCY;"), else the other ("&EURO;" is €).  The
 * name must hold a letter and end with ';'.  Unknown names are rare, so
 * the table is searched from end to end.
 */
static int
match_capitals(const char *p, size_t n, struct htmlent_ref *r)
{
	struct htmlent_ref cand;
	size_t k, i, count = htmlent_count();
	int letters = 0, found = 0;

	for (k = 1; k < n && k <= HTMLENT_NAME_MAX &&
	     is_upper_alnum((unsigned char)p[k]);
	     k++)
		letters += p[k] >= 'A';
	if (letters == 0 || k >= n || p[k] != ';' || k - 1 < 2)
		return 0;
	for (i = 0; i < count; i++) {
		const char *name = htmlent_name(i);

		if (strlen(name) != k || !same_nocase(name, p + 1, k) ||
		    !htmlent_lookup(name, k, &cand))
			continue;
		if (!found || (!uc_isupper(r->cp[0]) && uc_isupper(cand.cp[0])))
			*r = cand;
		found = 1;
	}
	return found;
}

/* A reference closed by ';' at p (p[0] == '&'), as this step reads one. */
static int
match_closed(const char *p, size_t n, struct htmlent_ref *r)
{
	if (htmlent_match(p, n, 0, r) && r->semicolon)
		return 1;
	return match_capitals(p, n, r);
}

/*
 * The reference at p, with the references that an '&' it decodes to
 * starts in the text after it (double escaping).  Returns the bytes
 * taken, 0 for none, and the decoded text in *r.
 */
static size_t
match_ref(const char *p, size_t n, struct htmlent_ref *r)
{
	char again[2 * HTMLENT_NAME_MAX + 16];
	size_t used, more;
	struct htmlent_ref r2;

	if (!match_closed(p, n, r))
		return 0;
	used = r->len;
	while (r->utf8_len == 1 && r->utf8[0] == '&' && used < n) {
		more =
		    n - used < sizeof(again) - 1 ? n - used : sizeof(again) - 1;
		again[0] = '&';
		memcpy(again + 1, p + used, more);
		if (!match_closed(again, more + 1, &r2))
			break;
		*r = r2;
		used += r2.len - 1;
	}
	return used;
}

size_t
fx_charref(const char *p, size_t n, struct buf *out)
{
	struct fx_edits e = {p, 0, 0, out};
	const char *amp, *at = p, *end = p + n;
	struct htmlent_ref r;
	size_t used;

	while ((amp = memchr(at, '&', (size_t)(end - at))) != NULL) {
		used = match_ref(amp, (size_t)(end - amp), &r);
		if (used == 0) {
			at = amp + 1;
			continue;
		}
		fx_edit(&e, FX_ENTITY, (size_t)(amp - p), used,
		    (const char *)r.utf8, r.utf8_len);
		at = amp + used;
	}
	return fx_edits_end(&e, n);
}
