/*
 * rxlit.c - a walker over PCRE2 pattern syntax (see rxlit.h).
 */
#include "rxlit.h"

#include <string.h>

static int
is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(unsigned c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* The bytes of the UTF-8 character at p (at least 1, at most 4). */
static size_t
char_len(const char *p, const char *end)
{
	size_t n = 1;

	if ((unsigned char)*p >= 0xC0)
		while (p + n < end && n < 4 &&
		    ((unsigned char)p[n] & 0xC0) == 0x80)
			n++;
	return n;
}

static void
set_char(unsigned char *c, unsigned char *n, const char *p, size_t len)
{
	memcpy(c, p, len);
	*n = (unsigned char)len;
}

/* The code point of the UTF-8 bytes c[0..n) (a lone byte: its value). */
static unsigned long
code_point(const unsigned char *c, size_t n)
{
	unsigned long v;
	size_t i;

	if (n == 1)
		return c[0];
	v = c[0] & (0x7Fu >> n);
	for (i = 1; i < n; i++)
		v = v << 6 | (c[i] & 0x3Fu);
	return v;
}

/* The end of a bracket class whose body starts at p (after '[' and any
 * '^'): the position of its closing ']', or end. */
static const char *
class_close(const char *p, const char *end)
{
	if (p < end && *p == ']')
		p++; /* a ']' first is a member */
	while (p < end && *p != ']') {
		if (*p == '\\' && p + 1 < end) {
			p += 2;
		} else if (*p == '[' && p + 1 < end && p[1] == ':') {
			const char *q = p + 2;

			while (q + 1 < end && !(q[0] == ':' && q[1] == ']'))
				q++;
			p = q + 1 < end ? q + 2 : q + 1;
		} else {
			p++;
		}
	}
	return p;
}

/*
 * The bracket class at p ('[') as an RXL_SET item: its members (after a
 * '^', which negates it) in [body, body_end).  Returns the byte after its
 * ']', or end.  rxl_next() and rxl_alt_end() both step over a class
 * here, so "[|)]" is one item to both.
 */
static const char *
class_end(const char *p, const char *end, struct rxl_item *it)
{
	const char *q = p + 1;

	it->kind = RXL_SET;
	it->set = '[';
	it->negated = 0;
	if (q < end && *q == '^') {
		it->negated = 1;
		q++;
	}
	it->body = q;
	it->body_end = class_close(q, end);
	return it->body_end < end ? it->body_end + 1 : end;
}

/* The position of the ')' closing the group whose body starts at p. */
static const char *
group_close(const char *p, const char *end)
{
	for (;;) {
		p = rxl_alt_end(p, end);
		if (p >= end || *p == ')')
			return p;
		p++; /* '|' */
	}
}

/*
 * An escape that takes an argument and that the walker does not follow:
 * \x41 \x{263a} \o{17} \g{1} \g-1 \k<n> \k{n} \c? \1 \Q...\E.  Returns the
 * byte after it.
 */
static const char *
skip_escape(const char *p, const char *end)
{
	unsigned e = (unsigned char)p[1];
	const char *q = p + 2;

	if (e == 'Q') {
		while (q < end && !(q[0] == '\\' && q + 1 < end && q[1] == 'E'))
			q++;
		return q < end ? q + 2 : end;
	}
	if (q < end && (*q == '{' || *q == '<' || *q == '\'')) {
		char close = *q == '{' ? '}' : *q == '<' ? '>' : '\'';

		while (q < end && *q != close)
			q++;
		return q < end ? q + 1 : end;
	}
	if (e == 'c')
		return q < end ? q + 1 : end;
	if (e == 'x') {
		while (q < end && q < p + 4 &&
		    (is_digit((unsigned char)*q) ||
			((*q | 0x20) >= 'a' && (*q | 0x20) <= 'f')))
			q++;
		return q;
	}
	if (e == 'g' && q < end && (*q == '-' || *q == '+'))
		q++;
	while (q < end && is_digit((unsigned char)*q))
		q++;
	return q;
}

/* A quantifier at p: sets min, max and returns the byte after it (and
 * after a lazy or possessive mark), or p when there is none. */
static const char *
quantifier(const char *p, const char *end, struct rxl_item *it)
{
	const char *q;
	unsigned long lo = 0, hi;

	if (p >= end)
		return p;
	switch (*p) {
	case '?':
		it->min = 0;
		it->max = 1;
		q = p + 1;
		break;
	case '*':
		it->min = 0;
		it->max = RXL_MANY;
		q = p + 1;
		break;
	case '+':
		it->min = 1;
		it->max = RXL_MANY;
		q = p + 1;
		break;
	case '{':
		q = p + 1;
		if (q >= end || !is_digit((unsigned char)*q))
			return p;
		while (q < end && is_digit((unsigned char)*q)) {
			if (lo < RXL_MANY)
				lo = lo * 10 + (unsigned)(*q - '0');
			q++;
		}
		hi = lo;
		if (q < end && *q == ',') {
			q++;
			hi = RXL_MANY;
			if (q < end && is_digit((unsigned char)*q)) {
				hi = 0;
				while (q < end && is_digit((unsigned char)*q)) {
					if (hi < RXL_MANY)
						hi = hi * 10 +
						    (unsigned)(*q - '0');
					q++;
				}
			}
		}
		if (q >= end || *q != '}')
			return p; /* not a quantifier: a literal '{' */
		q++;
		it->min = lo < RXL_MANY ? (unsigned)lo : RXL_MANY;
		it->max = hi < RXL_MANY ? (unsigned)hi : RXL_MANY;
		break;
	default:
		return p;
	}
	it->quantified = (unsigned char)*p;
	if (q < end && (*q == '?' || *q == '+'))
		q++;
	return q;
}

/* An escape at p ('\\', p + 1 < end) as an item; returns the byte after. */
static const char *
escape_item(const char *p, const char *end, struct rxl_item *it)
{
	unsigned e = (unsigned char)p[1];
	const char *q = p + 2;
	static const char ctl[] = "n\nt\tr\rf\fe\033a\007";
	const char *k;

	if (e >= 0x80) {
		size_t n = char_len(p + 1, end);

		it->kind = RXL_CHAR;
		set_char(it->c, &it->n, p + 1, n);
		return p + 1 + n;
	}
	if (!is_alpha(e) && !is_digit(e)) {
		it->kind = RXL_CHAR;
		it->c[0] = (unsigned char)e;
		it->n = 1;
		return q;
	}
	if (strchr("bBAzZG", (int)e) != NULL) {
		it->kind = RXL_ASSERT;
		it->set = (char)e;
		return q;
	}
	if (strchr("dswDSWhvHVN", (int)e) != NULL) {
		it->kind = RXL_SET;
		it->set = (char)e;
		return q;
	}
	if (e == 'p' || e == 'P') {
		it->kind = RXL_SET;
		it->set = (char)e;
		if (q < end && *q == '{') {
			it->body = q + 1;
			while (q < end && *q != '}')
				q++;
			it->body_end = q;
			if (q < end)
				q++;
		} else {
			it->body = q;
			it->body_end = q < end ? q + 1 : q;
			q = it->body_end;
		}
		if (it->body < it->body_end && *it->body == '^') {
			it->negated = 1;
			it->body++;
		}
		return q;
	}
	for (k = ctl; *k != '\0'; k += 2) {
		if ((unsigned char)*k == e) {
			it->kind = RXL_CHAR;
			it->c[0] = (unsigned char)k[1];
			it->n = 1;
			return q;
		}
	}
	it->kind = RXL_OTHER;
	return skip_escape(p, end);
}

/* A group at p ('('); returns the byte after its ')'. */
static const char *
group_item(const char *p, const char *end, struct rxl_item *it)
{
	const char *q = p + 1, *close;

	it->kind = RXL_GROUP;
	it->group = RXL_CAPTURE;
	if (q < end && *q == '*') {
		it->kind = RXL_OTHER; /* a verb: (*UCP) (*SKIP) */
	} else if (q < end && *q == '?') {
		q++;
		if (q < end && *q == '#') {
			while (q < end && *q != ')')
				q++;
			it->kind = RXL_COMMENT;
			return q < end ? q + 1 : end;
		}
		if (q < end && (*q == '=' || *q == '!')) {
			it->group = RXL_LOOKAROUND;
			q++;
		} else if (q + 1 < end && *q == '<' &&
		    (q[1] == '=' || q[1] == '!')) {
			it->group = RXL_LOOKAROUND;
			q += 2;
		} else if (q < end &&
		    (*q == '<' || *q == '\'' ||
			(*q == 'P' && q + 1 < end && q[1] == '<'))) {
			char close_ch = *q == '\'' ? '\'' : '>';

			q++;
			while (q < end && *q != close_ch)
				q++;
			if (q < end)
				q++;
		} else if (q < end && (*q == ':' || *q == '>')) {
			it->group = RXL_NONCAPTURE;
			q++;
		} else {
			/* Option letters: (?i) (?x-s:...) (?^i) */
			int on = 1;

			while (q < end && *q != '\0' &&
			    strchr("imnsxJU-^", *q) != NULL) {
				if (*q == '-')
					on = 0;
				else if (*q == 'x' && on)
					it->extended = 1;
				q++;
			}
			if (q < end && *q == ')') {
				it->kind = RXL_OPTIONS;
				return q + 1;
			}
			if (q < end && *q == ':') {
				it->group = RXL_NONCAPTURE;
				q++;
			} else {
				/* (?| (?( (?R) (?1) (?&n) (?P>n) (?C) ... */
				it->kind = RXL_OTHER;
				it->extended = 0;
			}
		}
	}
	close = group_close(q, end);
	it->body = q;
	it->body_end = close;
	return close < end ? close + 1 : end;
}

const char *
rxl_next(const char *p, const char *end, struct rxl_item *it)
{
	const char *q;
	unsigned c = (unsigned char)*p;

	memset(it, 0, sizeof(*it));
	it->at = p;
	it->min = it->max = 1;
	if (c == '\\' && p + 1 < end) {
		q = escape_item(p, end, it);
	} else if (c == '[') {
		q = class_end(p, end, it);
	} else if (c == '(') {
		q = group_item(p, end, it);
	} else if (c == '.') {
		it->kind = RXL_SET;
		it->set = '.';
		q = p + 1;
	} else if (c == '^' || c == '$') {
		it->kind = RXL_ASSERT;
		it->set = (char)c;
		q = p + 1;
	} else if (c == '?' || c == '*' || c == '+' ||
	    (c == '{' && quantifier(p, end, it) != p)) {
		/* A quantifier with nothing to repeat (a compile error). */
		it->kind = RXL_OTHER;
		it->min = it->max = 1;
		it->quantified = 0;
		q = p + 1;
		it->next = q;
		return q;
	} else {
		size_t n = c >= 0x80 ? char_len(p, end) : 1;

		it->kind = RXL_CHAR;
		set_char(it->c, &it->n, p, n);
		q = p + n;
	}
	if (it->kind != RXL_OPTIONS && it->kind != RXL_COMMENT)
		q = quantifier(q, end, it);
	it->next = q;
	return q;
}

/*
 * Where rxl_next() item by item would stop, found with less work: only
 * an escape, a class and a group can hold a '|' or ')' that does not end
 * the alternative; any other item (a character, '.', an anchor, a
 * quantifier) is stepped over a byte at a time, since none of its bytes
 * is one of those (a UTF-8 character's bytes past the first are 80-BF).
 * Every group's close is found by this (group_close), so the analyses,
 * which walk a pattern several times over, spend much of their time here.
 */
const char *
rxl_alt_end(const char *p, const char *end)
{
	struct rxl_item it;

	while (p < end && *p != '|' && *p != ')') {
		switch (*p) {
		case '\\':
			p = p + 1 < end ? escape_item(p, end, &it) : p + 1;
			break;
		case '[':
			p = class_end(p, end, &it);
			break;
		case '(':
			p = group_item(p, end, &it);
			break;
		default:
			p++;
			break;
		}
	}
	return p;
}

/* One member at p, without looking for a range. */
static const char *
member_one(const char *p, const char *end, struct rxl_member *m)
{
	const char *q;

	memset(m, 0, sizeof(*m));
	if (*p == '[' && p + 1 < end && p[1] == ':') {
		m->kind = RXL_M_POSIX;
		m->body = p + 2;
		for (q = p + 2; q + 1 < end && !(q[0] == ':' && q[1] == ']');)
			q++;
		m->body_end = q;
		return q + 1 < end ? q + 2 : end;
	}
	if (*p == '\\' && p + 1 < end) {
		struct rxl_item it;

		if (p[1] == 'b') {
			m->kind = RXL_M_CHAR; /* backspace, in a class */
			m->c[0] = '\b';
			m->n = 1;
			q = p + 2;
		} else {
			q = escape_item(p, end, &it);
			if (it.kind == RXL_CHAR) {
				m->kind = RXL_M_CHAR;
				memcpy(m->c, it.c, it.n);
				m->n = it.n;
			} else if (it.kind == RXL_SET) {
				m->kind = RXL_M_SET;
				m->set = it.set;
				m->body = it.body;
				m->body_end = it.body_end;
			} else {
				m->kind = RXL_M_OTHER;
				return q;
			}
		}
	} else {
		size_t n = char_len(p, end);

		m->kind = RXL_M_CHAR;
		set_char(m->c, &m->n, p, n);
		q = p + n;
	}
	return q;
}

const char *
rxl_member_next(const char *p, const char *end, struct rxl_member *m)
{
	const char *q = member_one(p, end, m);
	struct rxl_member hi;

	/* A range: a character, '-', a character ('-' last is a member). */
	if (m->kind == RXL_M_CHAR && q + 1 < end && *q == '-' &&
	    !(q[1] == '[' && q + 2 < end && q[2] == ':')) {
		const char *r = member_one(q + 1, end, &hi);

		if (hi.kind == RXL_M_CHAR) {
			m->kind = RXL_M_RANGE;
			m->lo = code_point(m->c, m->n);
			m->hi = code_point(hi.c, hi.n);
			return r;
		}
	}
	return q;
}
