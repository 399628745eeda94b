/*
 * Unit tests of lib/record: exact number formatting; records and their
 * escapes, byte for byte, against a byte-at-a-time statement of the
 * format (JSON: \" \\ \n \r \t, \u00XX for other control characters,
 * U+FFFD for a byte that starts no valid UTF-8 character; TSV: \t \n \r
 * \\), for strings whose special bytes fall on every place of the eight
 * bytes record.c tests at a time, and for long strings whose UTF-8
 * characters straddle the place where it cuts them (SHORT_FIELD, 1024).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "output.h"
#include "record.h"
#include "unit.h"
#include "utf8.h"

static int
fmt_is(double v, const char *want)
{
	char buf[400];

	return strcmp(fmt_number(v, buf, sizeof(buf)), want) == 0;
}

/* The records go to a file read back after each one. */
static int fd;
static off_t done;
static struct buf got;

/* What was written since the last call, in got. */
static void
take(void)
{
	char chunk[4096];
	ssize_t n;

	out_flush();
	buf_reset(&got);
	while ((n = pread(fd, chunk, sizeof(chunk), done)) > 0) {
		buf_add(&got, chunk, (size_t)n);
		done += n;
	}
}

static int
got_is(const char *want, size_t n)
{
	return got.len == n && memcmp(got.p, want, n) == 0;
}

/* The statement of the escapes, a byte at a time. */
static void
ref_escape(struct buf *b, const unsigned char *s, size_t len, int json)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, n;
	uint32_t cp;
	unsigned char c;

	while (i < len) {
		c = s[i];
		if (!json) {
			if (c == '\t')
				buf_adds(b, "\\t");
			else if (c == '\n')
				buf_adds(b, "\\n");
			else if (c == '\r')
				buf_adds(b, "\\r");
			else if (c == '\\')
				buf_adds(b, "\\\\");
			else
				buf_addc(b, c);
			i++;
			continue;
		}
		if (c >= 0x80) {
			n = utf8_decode(s + i, len - i, &cp);
			if (cp == UTF8_BAD) {
				buf_adds(b, "\xef\xbf\xbd");
				i++;
			} else {
				buf_add(b, s + i, n);
				i += n;
			}
			continue;
		}
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, c);
		} else if (c == '\n') {
			buf_adds(b, "\\n");
		} else if (c == '\r') {
			buf_adds(b, "\\r");
		} else if (c == '\t') {
			buf_adds(b, "\\t");
		} else if (c < 0x20) {
			buf_adds(b, "\\u00");
			buf_addc(b, hex[c >> 4]);
			buf_addc(b, hex[c & 15]);
		} else {
			buf_addc(b, c);
		}
		i++;
	}
}

static uint64_t seed = 0x9e3779b97f4a7c15ULL;

static unsigned
rnd(unsigned n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed % n);
}

/* A random string: mostly plain ASCII, with specials, UTF-8 (valid,
 * cut short, stray continuation bytes) and odd bytes among it. */
static void
random_string(struct buf *b, size_t len)
{
	static const char *const bits[] = {"\t", "\n", "\r", "\\", "\"", "\x01",
	    "\x1f", "\x7f", "\x0b", "\x0c", "\xc3\xa9", "\xe2\x82\xac",
	    "\xf0\x9f\x98\x80", "\xe2\x82", "\x80", "\xff", "\xc3", "\xa9\xa9",
	    "\xed\xa0\x80", "\xc0\xaf"};

	buf_reset(b);
	while (b->len < len) {
		if (rnd(4) == 0)
			buf_adds(b, bits[rnd(sizeof(bits) / sizeof(bits[0]))]);
		else
			buf_addc(b, 'a' + (int)rnd(26));
	}
	b->len = len;
}

/* One record of one string field, as the format writes it. */
static int
string_ok(const char *s, size_t len)
{
	struct buf want = BUF_INIT;
	int json = common.format == FMT_JSONL, ok;

	rec_begin();
	rec_str("text", s, len);
	rec_end();
	take();
	buf_adds(&want, json ? "{\"text\":\"" : "");
	ref_escape(&want, (const unsigned char *)s, len, json);
	buf_adds(&want, json ? "\"}\n" : "\n");
	ok = got_is(want.p, want.len);
	if (!ok)
		fprintf(stderr, "record: string of %zu bytes differs\n", len);
	buf_free(&want);
	return ok;
}

/* The same string in pieces (rec_open(), rec_piece(), rec_close()):
 * each piece escaped as a string of its own. */
static int
pieces_ok(const char *s, size_t len, size_t cut)
{
	struct buf want = BUF_INIT;
	int json = common.format == FMT_JSONL, ok;

	rec_begin();
	rec_int("n", 1);
	rec_open("text");
	rec_piece(s, cut);
	rec_piece(s + cut, len - cut);
	rec_close();
	rec_end();
	take();
	buf_adds(&want, json ? "{\"n\":1,\"text\":\"" : "1\t");
	ref_escape(&want, (const unsigned char *)s, cut, json);
	ref_escape(&want, (const unsigned char *)s + cut, len - cut, json);
	buf_adds(&want, json ? "\"}\n" : "\n");
	ok = got_is(want.p, want.len);
	buf_free(&want);
	return ok;
}

/* Random strings of 0 to 40 bytes, and long ones with a character of
 * 2, 3 and 4 bytes at every place around the cut at 1024. */
static int
strings_ok(void)
{
	static const char *const wide[] = {
	    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xe2\x82\x22"};
	struct buf s = BUF_INIT;
	int ok = 1, i, at, w;

	for (i = 0; i < 4000; i++) {
		random_string(&s, rnd(41));
		ok &= string_ok(s.p, s.len);
		if (s.len > 0)
			ok &= pieces_ok(s.p, s.len, rnd((unsigned)s.len));
	}
	for (i = 0; i < 40; i++) {
		random_string(&s, 1000 + rnd(3000));
		ok &= string_ok(s.p, s.len);
	}
	for (w = 0; w < 4; w++)
		for (at = 1016; at <= 1026; at++) {
			buf_reset(&s);
			while (s.len < (size_t)at)
				buf_addc(&s, 'x');
			buf_adds(&s, wide[w]);
			buf_adds(&s, "\"tail\"");
			ok &= string_ok(s.p, s.len);
		}
	buf_free(&s);
	return ok;
}

int
main(void)
{
	static const char rec1_jsonl[] =
	    "{\"file\":\"a\\tb.txt\",\"line\":12,\"col\":-3,"
	    "\"value\":138000000000,\"ratio\":0.25,\"unit\":\"USD\","
	    "\"qualifier\":null,\"nan\":null}\n";
	static const char rec1_tsv[] =
	    "a\\tb.txt\t12\t-3\t138000000000\t0.25\tUSD\t\t\n";
	char path[32], tmpl[] = "/tmp/winnow-record-XXXXXX";
	char many[] = "{\"f0\":0,\"f1\":1,\"f2\":2,\"f3\":3,\"f4\":4,"
		      "\"f5\":5,\"f6\":6,\"f7\":7,\"f8\":8,\"f9\":9,\"f10\":10,"
		      "\"f11\":11,\"f12\":12,\"f13\":13,\"f14\":14,\"f15\":15,"
		      "\"f16\":16,\"f17\":17,"
		      "\"a_field_name_longer_than_a_kept_key_is\":null}\n";
	static const char *const names[] = {"f0", "f1", "f2", "f3", "f4", "f5",
	    "f6", "f7", "f8", "f9", "f10", "f11", "f12", "f13", "f14", "f15",
	    "f16", "f17"};
	int round, i, ok;

	test_cond("number: big integer without exponent",
	    fmt_is(1.38e11, "138000000000"));
	test_cond("number: trillion", fmt_is(1e12, "1000000000000"));
	test_cond(
	    "number: 2^53", fmt_is(9007199254740992.0, "9007199254740992"));
	test_cond("number: fraction", fmt_is(0.5, "0.5"));
	test_cond("number: shortest decimal",
	    fmt_is(0.1, "0.1") && fmt_is(48.2e6, "48200000"));
	test_cond(
	    "number: negative", fmt_is(-3, "-3") && fmt_is(-0.25, "-0.25"));
	test_cond("number: zero", fmt_is(0, "0"));

	if ((fd = mkstemp(tmpl)) < 0) {
		perror(tmpl);
		return 1;
	}
	(void)unlink(tmpl);
	(void)snprintf(path, sizeof(path), "/dev/fd/%d", fd);
	out_open(path, 0);

	/* Twice each, in turn: the keys made for one format are not
	 * written in the other. */
	for (round = 0; round < 4; round++) {
		common.format = round % 2 ? FMT_TSV : FMT_JSONL;
		rec_begin();
		rec_cstr("file", "a\tb.txt");
		rec_int("line", 12);
		rec_int("col", -3);
		rec_decimal("value", "138000000000", 12);
		rec_num("ratio", 0.25);
		rec_cstr("unit", "USD");
		rec_null("qualifier");
		rec_num("nan", NAN);
		rec_end();
		take();
		test_cond(
		    round % 2 ? "record: tsv fields" : "record: jsonl fields",
		    round % 2 ? got_is(rec1_tsv, sizeof(rec1_tsv) - 1)
			      : got_is(rec1_jsonl, sizeof(rec1_jsonl) - 1));
	}

	common.format = FMT_JSONL;
	for (round = 0; round < 2; round++) {
		rec_begin();
		for (i = 0; i < 18; i++)
			rec_int(names[i], i);
		rec_null("a_field_name_longer_than_a_kept_key_is");
		rec_end();
		take();
		test_cond("record: more fields than keys kept, a long name",
		    got_is(many, sizeof(many) - 1));
	}

	for (round = 0; round < 2; round++) {
		common.format = round ? FMT_TSV : FMT_JSONL;
		ok = strings_ok();
		test_cond(round
			? "record: tsv escapes as stated, a byte at a time"
			: "record: json escapes as stated, a byte at a time",
		    ok);
	}
	buf_free(&got);
	return out_close(1) == 0 ? test_report() : 1;
}
