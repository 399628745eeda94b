/*
 * Unit tests of lib/scan.h: every byte-parallel test agrees with the
 * byte-at-a-time definition, for every byte value at every position of a
 * block, next to neighbours that could make a sum carry (0x00, 0x7f,
 * 0x80, 0xff).
 */
#include <string.h>

#include "scan.h"
#include "unit.h"

static int
is_letter(unsigned c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(unsigned c)
{
	return is_letter(c) || is_digit(c);
}

/* The SWAR mask m as one flag a byte (0 or 1). */
static void
swar_flags(uint64_t m, int out[8])
{
	int k;

	for (k = 0; k < 8; k++)
		out[k] = (int)((m >> (8 * k + 7)) & 1);
}

int
main(void)
{
	static const unsigned char fill[] = {0x00, 0x7f, 0x80, 0xff, ' '};
	unsigned char b[16];
	int f[8], k, pos, c, fi, bad_range = 0, bad_letters = 0;
	int bad_digits = 0, bad_high = 0, bad_bits = 0, bad_first = 0;
	int bad_first_not_alnum = 0;

	for (fi = 0; fi < (int)sizeof(fill); fi++)
		for (pos = 0; pos < 8; pos++)
			for (c = 0; c < 256; c++) {
				uint64_t v, m;

				memset(b, fill[fi], sizeof(b));
				b[pos] = (unsigned char)c;
				v = swar_load(b);
				swar_flags(swar_range(v, 'A', 'Z'), f);
				for (k = 0; k < 8; k++)
					bad_range += f[k] !=
					    (b[k] >= 'A' && b[k] <= 'Z');
				swar_flags(swar_letters(v), f);
				for (k = 0; k < 8; k++)
					bad_letters += f[k] != is_letter(b[k]);
				swar_flags(swar_digits(v), f);
				for (k = 0; k < 8; k++)
					bad_digits += f[k] != is_digit(b[k]);
				swar_flags(swar_high(v), f);
				for (k = 0; k < 8; k++)
					bad_high += f[k] != (b[k] >= 0x80);
				m = swar_letters(v);
				for (k = 0; k < 8; k++)
					bad_bits += (int)((swar_bits(m) >> k) &
							1) != is_letter(b[k]);
#if defined(SCAN_SWAR)
				if (m != 0) {
					for (k = 0; !is_letter(b[k]); k++)
						;
					bad_first += swar_first(m) != (size_t)k;
				}
				m = swar_first_not_alnum(v);
				for (k = 0; k < 8 && is_alnum(b[k]); k++)
					;
				bad_first_not_alnum += k < 8
				    ? m == 0 || swar_first(m) != (size_t)k
				    : m != 0;
#endif
			}
	{
		int bad_lowest = 0, bit, extra;
		uint64_t x;

		/* every bit alone, and with bits above it set */
		for (bit = 0; bit < 64; bit++)
			for (extra = 0; extra < 4; extra++) {
				x = (uint64_t)1 << bit;
				if (extra > 0 && bit < 63)
					x |= (~(uint64_t)0 << (bit + 1)) &
					    (0x9e3779b97f4a7c15ULL *
						(uint64_t)extra);
				bad_lowest += lowest_bit(x) != (unsigned)bit ||
				    lowest_bit_debruijn(x) != (unsigned)bit;
			}
		test_cond("scan: lowest_bit and its de Bruijn twin, every bit",
		    bad_lowest == 0);
	}
	{
		/* the k bytes of a string's end, each k, read no further:
		 * the bytes after them in b are not theirs */
		int bad_short = 0;
		size_t n;
		uint64_t v;

		for (n = 0; n < 8; n++) {
			for (k = 0; k < 16; k++)
				b[k] = (unsigned char)(0xa1 + 7 * k);
			v = swar_load_short(b, n);
			for (k = 0; k < 8; k++)
				bad_short += (unsigned char)(v >> (8 * k)) !=
				    ((size_t)k < n ? b[k] : 0);
			bad_short += (swar_below(n) & SWAR_HIGH) !=
			    (SWAR_HIGH &
				(n == 0 ? 0 : ~(uint64_t)0 >> (64 - 8 * n)));
		}
		bad_short += swar_below(8) != ~(uint64_t)0;
		test_cond("scan: swar_load_short and swar_below, every length",
		    bad_short == 0);
	}
	test_cond("scan: swar_range is exact", bad_range == 0);
	test_cond("scan: swar_letters is exact", bad_letters == 0);
	test_cond("scan: swar_digits is exact", bad_digits == 0);
	test_cond("scan: swar_high is exact", bad_high == 0);
	test_cond("scan: swar_bits gathers a bit a byte", bad_bits == 0);
	test_cond("scan: swar_first finds the first flag", bad_first == 0);
	test_cond("scan: swar_first_not_alnum finds the first non-alnum",
	    bad_first_not_alnum == 0);
#if defined(SCAN_SSE2)
	{
		int bad_sse = 0;

		for (fi = 0; fi < (int)sizeof(fill); fi++)
			for (pos = 0; pos < 16; pos++)
				for (c = 0; c < 256; c++) {
					__m128i v;
					unsigned l, d, r, e;

					memset(b, fill[fi], sizeof(b));
					b[pos] = (unsigned char)c;
					v = _mm_loadu_si128((const void *)b);
					l = sse_bits(sse_letters(v));
					d = sse_bits(sse_digits(v));
					r = sse_bits(sse_range(v, '"', '\''));
					e = sse_bits(sse_eq(v, (char)0xe2));
					for (k = 0; k < 16; k++)
						bad_sse +=
						    (int)((l >> k) & 1) !=
							is_letter(b[k]) ||
						    (int)((d >> k) & 1) !=
							is_digit(b[k]) ||
						    (int)((r >> k) & 1) !=
							(b[k] >= '"' &&
							    b[k] <= '\'') ||
						    (int)((e >> k) & 1) !=
							(b[k] == 0xe2);
				}
		test_cond("scan: SSE2 tests are exact", bad_sse == 0);
	}
#endif
	return test_report();
}
