/*
 * charref.c - character references through lib/htmlent.
 *
 * The tokenizer collects the bytes after '&' that can belong to a
 * reference (at most CHARREF_MAX) and asks here what they decode to;
 * the table and the browsers' numeric rules live once, in lib/htmlent.
 */
#include "charref.h"

#include <string.h>

#include "htmlent.h"

size_t
charref_decode(const char *p, size_t n, int next, int in_attr, struct buf *out)
{
	char s[CHARREF_MAX + 3];
	struct htmlent_ref r;
	size_t k = 0;

	if (n > CHARREF_MAX)
		n = CHARREF_MAX;
	s[k++] = '&';
	memcpy(s + k, p, n);
	k += n;
	/* The byte after decides "&copy=" in an attribute. */
	if (next >= 0)
		s[k++] = (char)next;
	if (!htmlent_match(s, k, in_attr, &r) || r.len < 2 || r.len - 1 > n)
		return 0;
	buf_add(out, r.utf8, r.utf8_len);
	return r.len - 1;
}

void
charref_decode_all(const char *p, size_t n, int in_attr, struct buf *out)
{
	const char *end = p + n, *amp;
	size_t used, k;

	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL) {
			buf_add(out, p, (size_t)(end - p));
			return;
		}
		buf_add(out, p, (size_t)(amp - p));
		p = amp + 1;
		k = (size_t)(end - p);
		if (k > CHARREF_MAX)
			k = CHARREF_MAX;
		used = charref_decode(
		    p, k, p + k < end ? (unsigned char)p[k] : -1, in_attr, out);
		if (used == 0)
			buf_addc(out, '&');
		p += used;
	}
}
