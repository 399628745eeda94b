/*
 * decode.c - choose the document's encoding and decode it to UTF-8.
 */
#include "decode.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "chars.h"
#include "charsets.h"
#include "utf8.h"

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

/* One row of charsets.def: a label and the iconv name it means. */
struct charset_label {
	const char *label;
	const char *iconv_name;
};

/* The rows of charsets.def (charsets.h, made by charsets.awk), sorted by
 * label. */
static const struct charset_label charset_labels[] = {CHARSET_ROWS};

static int
label_cmp(const void *key, const void *row)
{
	return strcmp(key, ((const struct charset_label *)row)->label);
}

const char *
charset_lookup(const char *label, size_t n, char *store, size_t cap)
{
	const struct charset_label *lo, *hi, *mid;
	iconv_t cd;
	size_t i;
	int c;

	while (n > 0 && html_space((unsigned char)*label)) {
		label++;
		n--;
	}
	while (n > 0 && html_space((unsigned char)label[n - 1]))
		n--;
	if (n == 0 || n >= cap)
		return NULL;
	for (i = 0; i < n; i++) {
		c = (unsigned char)label[i];
		store[i] = (char)ascii_lower(c);
	}
	store[n] = '\0';
	lo = charset_labels;
	hi =
	    charset_labels + sizeof(charset_labels) / sizeof(charset_labels[0]);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = label_cmp(store, mid);
		if (c == 0)
			return mid->iconv_name;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	cd = iconv_open("UTF-8", store);
	if (cd == (iconv_t)-1)
		return NULL;
	(void)iconv_close(cd);
	return store;
}

/* Case-insensitive: does p[0..n) begin with the lower-case word w? */
static int
starts(const char *p, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncasecmp(p, w, k) == 0;
}

/*
 * The value of "charset=" inside a content attribute (WHATWG "extract a
 * character encoding from a meta element"): stores its span.
 */
static int
content_charset(const char *p, size_t n, const char **v, size_t *vn)
{
	size_t i, j;
	char q;

	for (i = 0; i + 7 <= n; i++) {
		if (strncasecmp(p + i, "charset", 7) != 0)
			continue;
		j = i + 7;
		while (j < n && html_space((unsigned char)p[j]))
			j++;
		if (j >= n || p[j] != '=')
			continue;
		j++;
		while (j < n && html_space((unsigned char)p[j]))
			j++;
		if (j < n && (p[j] == '"' || p[j] == '\'')) {
			q = p[j++];
			*v = p + j;
			while (j < n && p[j] != q)
				j++;
			if (j >= n)
				return 0;
			*vn = (size_t)(p + j - *v);
			return 1;
		}
		*v = p + j;
		while (j < n && !html_space((unsigned char)p[j]) && p[j] != ';')
			j++;
		*vn = (size_t)(p + j - *v);
		return *vn > 0;
	}
	return 0;
}

/*
 * Read one attribute of a tag at p[*i..n) as the prescan does: its name
 * and value spans.  Returns 0 at the end of the tag ('>' or the end).
 */
static int
next_attr(const char *p, size_t n, size_t *i, const char **name, size_t *nn,
    const char **val, size_t *vn)
{
	size_t j = *i;
	char q;

	while (j < n && (html_space((unsigned char)p[j]) || p[j] == '/'))
		j++;
	if (j >= n || p[j] == '>') {
		*i = j;
		return 0;
	}
	*name = p + j;
	while (j < n && p[j] != '=' && p[j] != '>' && p[j] != '/' &&
	    !html_space((unsigned char)p[j]))
		j++;
	*nn = (size_t)(p + j - *name);
	*val = p + j;
	*vn = 0;
	while (j < n && html_space((unsigned char)p[j]))
		j++;
	if (j < n && p[j] == '=') {
		j++;
		while (j < n && html_space((unsigned char)p[j]))
			j++;
		if (j < n && (p[j] == '"' || p[j] == '\'')) {
			q = p[j++];
			*val = p + j;
			while (j < n && p[j] != q)
				j++;
			*vn = (size_t)(p + j - *val);
			if (j < n)
				j++;
		} else {
			*val = p + j;
			while (j < n && p[j] != '>' &&
			    !html_space((unsigned char)p[j]))
				j++;
			*vn = (size_t)(p + j - *val);
		}
	}
	*i = j;
	return 1;
}

/* A <meta> tag at p[*i..n) (after "<meta"): its declared encoding. */
static const char *
meta_charset(const char *p, size_t n, size_t *i, char *store, size_t cap)
{
	const char *name, *val, *cs = NULL, *ct = NULL;
	size_t nn, vn, csn = 0, ctn = 0;
	int pragma = 0;

	while (next_attr(p, n, i, &name, &nn, &val, &vn)) {
		if (nn == 7 && strncasecmp(name, "charset", 7) == 0 &&
		    cs == NULL) {
			cs = val;
			csn = vn;
		} else if (nn == 10 &&
		    strncasecmp(name, "http-equiv", 10) == 0) {
			pragma = vn == 12 &&
			    strncasecmp(val, "content-type", 12) == 0;
		} else if (nn == 7 && strncasecmp(name, "content", 7) == 0 &&
		    ct == NULL) {
			ct = val;
			ctn = vn;
		}
	}
	if (cs == NULL && pragma && ct != NULL)
		(void)content_charset(ct, ctn, &cs, &csn);
	if (cs == NULL)
		return NULL;
	return charset_lookup(cs, csn, store, cap);
}

const char *
charset_sniff(const char *p, size_t n, size_t *skip, char *store, size_t cap)
{
	const char *cs, *e;
	size_t i = 0;

	*skip = 0;
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		*skip = 3;
		return "UTF-8";
	}
	if (n >= 2 && memcmp(p, "\xfe\xff", 2) == 0) {
		*skip = 2;
		return "UTF-16BE";
	}
	if (n >= 2 && memcmp(p, "\xff\xfe", 2) == 0) {
		*skip = 2;
		return "UTF-16LE";
	}
	while (i < n) {
		e = memchr(p + i, '<', n - i);
		if (e == NULL)
			break;
		i = (size_t)(e - p);
		if (starts(p + i, n - i, "<!--")) {
			e = NULL;
			for (i += 4; i + 3 <= n; i++)
				if (memcmp(p + i, "-->", 3) == 0) {
					e = p + i;
					break;
				}
			if (e == NULL)
				break;
			i += 3;
		} else if (starts(p + i, n - i, "<meta") && i + 5 < n &&
		    (html_space((unsigned char)p[i + 5]) || p[i + 5] == '/')) {
			i += 5;
			cs = meta_charset(p, n, &i, store, cap);
			if (cs != NULL) {
				/* A page cannot declare itself UTF-16 in
				 * ASCII bytes: browsers take UTF-8. */
				if (strncmp(cs, "UTF-16", 6) == 0)
					cs = "UTF-8";
				return cs;
			}
		} else {
			/* Another tag, a comment-like <! or <?: skip it. */
			const char *name, *val;
			size_t nn, vn;

			i++;
			if (i < n &&
			    (p[i] == '!' || p[i] == '?' || p[i] == '/'))
				i++;
			while (i < n && p[i] != '>' &&
			    !html_space((unsigned char)p[i]))
				i++;
			while (next_attr(p, n, &i, &name, &nn, &val, &vn))
				;
		}
	}
	return NULL;
}

int
dec_start(struct decoder *d, const char *name)
{
	d->ntail = 0;
	d->cd = (iconv_t)-1;
	if (name == NULL || strcasecmp(name, "UTF-8") == 0)
		return 0;
	d->cd = iconv_open("UTF-8", name);
	return d->cd == (iconv_t)-1 ? -1 : 0;
}

/* Bytes a UTF-8 sequence led by byte c takes: 1-4, or 0 for no lead. */
static size_t
seq_len(unsigned c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

/*
 * The length of the longest prefix of p[0..n) made of whole, valid
 * UTF-8 characters.
 */
static size_t
valid_prefix(const unsigned char *p, size_t n)
{
	size_t i = 0, k;
	uint64_t v;
	uint32_t cp;

	while (i < n) {
		while (i + 8 <= n) {
			memcpy(&v, p + i, 8);
			if (v & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = seq_len(p[i]);
		if (k == 0 || i + k > n)
			return i;
		if (utf8_decode(p + i, k, &cp) != k || cp == UTF8_BAD)
			return i;
		i += k;
	}
	return n;
}

/* Append UTF-8 text p[0..n) to out, each invalid byte as U+FFFD; an
 * unfinished character at the end goes to the tail unless eof. */
static void
fix_utf8(struct decoder *d, const unsigned char *p, size_t n, int eof)
{
	size_t i = 0, k, j;

	while (i < n) {
		k = valid_prefix(p + i, n - i);
		buf_add(&d->out, p + i, k);
		i += k;
		if (i >= n)
			break;
		k = seq_len(p[i]);
		if (k > 1 && i + k > n && !eof) {
			for (j = i + 1; j < n; j++)
				if ((p[j] & 0xc0) != 0x80)
					break;
			if (j == n) {
				memcpy(d->tail, p + i, n - i);
				d->ntail = n - i;
				return;
			}
		}
		buf_add(&d->out, replacement, 3);
		i++;
	}
}

static const char *
feed_utf8(struct decoder *d, const char *p, size_t n, int eof, size_t *outn)
{
	size_t k, take, need;

	if (d->ntail == 0) {
		k = valid_prefix((const unsigned char *)p, n);
		if (k == n) {
			*outn = n;
			return p;
		}
	}
	buf_reset(&d->out);
	if (d->ntail > 0) {
		/* Finish the character the last chunk began: its
		 * continuation bytes open this chunk. */
		need = seq_len((unsigned char)d->tail[0]);
		take = 0;
		while (d->ntail + take < need && take < n &&
		    ((unsigned char)p[take] & 0xc0) == 0x80)
			take++;
		memcpy(d->tail + d->ntail, p, take);
		k = d->ntail + take;
		p += take;
		n -= take;
		if (k < need && n == 0 && !eof) {
			d->ntail = k;
			*outn = 0;
			return p;
		}
		d->ntail = 0;
		if (k == need && valid_prefix((unsigned char *)d->tail, k) == k)
			buf_add(&d->out, d->tail, k);
		else
			/* As fix_utf8() does: one U+FFFD a byte. */
			for (; k > 0; k--)
				buf_add(&d->out, replacement, 3);
	}
	fix_utf8(d, (const unsigned char *)p, n, eof);
	*outn = d->out.len;
	return d->out.p;
}

static const char *
feed_iconv(struct decoder *d, const char *p, size_t n, int eof, size_t *outn)
{
	char *in, *out;
	size_t inleft, outleft, r;

	buf_reset(&d->out);
	buf_reset(&d->scratch);
	buf_add(&d->scratch, d->tail, d->ntail);
	buf_add(&d->scratch, p, n);
	d->ntail = 0;
	in = d->scratch.p;
	inleft = d->scratch.len;
	while (inleft > 0) {
		buf_reserve(&d->out, inleft * 4 + 16);
		out = d->out.p + d->out.len;
		outleft = d->out.cap - d->out.len;
		r = iconv(d->cd, &in, &inleft, &out, &outleft);
		d->out.len = (size_t)(out - d->out.p);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL && !eof && inleft < sizeof(d->tail)) {
			memcpy(d->tail, in, inleft);
			d->ntail = inleft;
			break;
		}
		/* EILSEQ, or an unfinished character at the end. */
		buf_add(&d->out, replacement, 3);
		in++;
		inleft--;
	}
	if (eof) {
		/* Return a stateful encoding (ISO-2022-JP) to its start. */
		buf_reserve(&d->out, 16);
		out = d->out.p + d->out.len;
		outleft = d->out.cap - d->out.len;
		(void)iconv(d->cd, NULL, NULL, &out, &outleft);
		d->out.len = (size_t)(out - d->out.p);
	}
	*outn = d->out.len;
	return d->out.p;
}

const char *
dec_feed(struct decoder *d, const char *p, size_t n, int eof, size_t *outn)
{
	if (d->cd == (iconv_t)-1)
		return feed_utf8(d, p, n, eof, outn);
	return feed_iconv(d, p, n, eof, outn);
}

void
dec_end(struct decoder *d)
{
	if (d->cd != (iconv_t)-1)
		(void)iconv_close(d->cd);
	d->cd = (iconv_t)-1;
	d->ntail = 0;
	buf_free(&d->out);
	buf_free(&d->scratch);
}
