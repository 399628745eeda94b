/*
 * scan.h - byte-parallel tests for the filters' hot loops.
 *
 * Eight bytes are tested at once in a uint64_t (SWAR: "SIMD within a
 * register"), sixteen in an SSE2 register where the compiler targets it.
 * A SWAR mask flags a byte by its top bit (0x80 in that byte); an SSE2
 * test gives 0xff in each byte that passes, for _mm_movemask_epi8().
 *
 * The SWAR range test is exact for every byte: the sums are made on the
 * low seven bits, so no byte carries into the next, and bytes of 0x80 or
 * more (pieces of UTF-8 characters) never pass.  swar_first() needs the
 * first byte in memory to be the lowest of the word: it exists only on
 * little-endian GNU C (SCAN_SWAR); elsewhere callers test byte by byte.
 */
#ifndef WINNOW_SCAN_H
#define WINNOW_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#define SCAN_SSE2 1
#include <emmintrin.h>
#endif

#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SCAN_SWAR 1
#endif

#define SWAR_ONES 0x0101010101010101ULL
#define SWAR_HIGH 0x8080808080808080ULL

/* The eight bytes at p, as they lie in memory. */
static inline uint64_t
swar_load(const void *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

/* The bytes of v in lo..hi (ASCII, lo <= hi <= 0x7f). */
static inline uint64_t
swar_range(uint64_t v, unsigned lo, unsigned hi)
{
	uint64_t t = v & ~SWAR_HIGH;

	return (t + SWAR_ONES * (0x80 - lo)) & ~(t + SWAR_ONES * (0x7f - hi)) &
	    ~v & SWAR_HIGH;
}

/*
 * The k bytes at p (k < 8) as they lie in memory, the bytes after them
 * 0: the end of a string, or a short word, in one word without reading
 * past it ("USD" in one step of a loop that tests eight bytes at a time;
 * lib/wordtab's keys).  Two loads at most, which overlap on the same
 * bytes, and no call.  Flags of the bytes past k must be masked off
 * (swar_below()).
 */
static inline uint64_t
swar_load_short(const void *p, size_t k)
{
	const unsigned char *s = p;
	uint32_t lo, hi;
	uint64_t x;

	if (k >= 4) {
		memcpy(&lo, s, 4);
		memcpy(&hi, s + k - 4, 4);
		return lo | (uint64_t)hi << 8 * (k - 4);
	}
	x = 0;
	if (k > 0)
		x = s[0];
	if (k > 1)
		x |= (uint64_t)s[1] << 8;
	if (k > 2)
		x |= (uint64_t)s[2] << 16;
	return x;
}

/* The bits of the first k bytes of a word (k <= 8). */
static inline uint64_t
swar_below(size_t k)
{
	return k >= 8 ? ~(uint64_t)0 : ((uint64_t)1 << (8 * k)) - 1;
}

/* ASCII letters, either case. */
static inline uint64_t
swar_letters(uint64_t v)
{
	return swar_range(v | SWAR_ONES * 0x20, 'a', 'z');
}

static inline uint64_t
swar_digits(uint64_t v)
{
	return swar_range(v, '0', '9');
}

/*
 * The bytes of v that are not ASCII letters or digits, bytes of 0x80 or
 * more among them, for a loop that wants only the first: a byte of 0x80
 * or more may carry into the flags of the bytes after it, so only the
 * lowest flag is exact.  Fewer operations than ~(swar_letters(v) |
 * swar_digits(v)) & SWAR_HIGH, which is exact everywhere.
 */
static inline uint64_t
swar_first_not_alnum(uint64_t v)
{
	uint64_t low = v | SWAR_ONES * 0x20, ok;

	ok = ((low + SWAR_ONES * (0x80 - 'a')) &
		 ~(low + SWAR_ONES * (0x7f - 'z'))) |
	    ((v + SWAR_ONES * (0x80 - '0')) & ~(v + SWAR_ONES * (0x7f - '9')));
	return (~ok | v) & SWAR_HIGH;
}

/* Bytes of 0x80 or more. */
static inline uint64_t
swar_high(uint64_t v)
{
	return v & SWAR_HIGH;
}

/* The flags of m gathered a bit a byte (bit k: byte k; little-endian
 * order): the multiplication adds each flag into the top byte. */
static inline unsigned
swar_bits(uint64_t m)
{
	return (
	    unsigned)((((m >> 7) & SWAR_ONES) * 0x0102040810204080ULL) >> 56);
}

/*
 * The index of the lowest set bit of x (x != 0) by a de Bruijn sequence:
 * x & -x isolates the bit, the product puts a distinct six-bit pattern in
 * the top bits for each of the 64, and the table indexes it.  For
 * compilers without a builtin; the unit test checks it against
 * lowest_bit() for every bit.
 */
static inline unsigned
lowest_bit_debruijn(uint64_t x)
{
	static const unsigned char index[64] = {0, 1, 48, 2, 57, 49, 28, 3, 61,
	    58, 50, 42, 38, 29, 17, 4, 62, 55, 59, 36, 53, 51, 43, 22, 45, 39,
	    33, 30, 24, 18, 12, 5, 63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52,
	    21, 44, 32, 23, 11, 46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9,
	    13, 8, 7, 6};

	return index[(x & (0 - x)) * 0x03F79D71B4CB0A89ULL >> 58];
}

/*
 * The index of the lowest set bit of x (x != 0): the first flagged byte
 * of a mask, the first member of a bit set.  One instruction (tzcnt, bsf)
 * through GNU C's builtin.  Example: lowest_bit(0x28) is 3.
 */
static inline unsigned
lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
	return (unsigned)__builtin_ctzll(x);
#else
	return lowest_bit_debruijn(x);
#endif
}

/*
 * Ask the processor to fetch the cache line at p, which a lookup will
 * read soon: a probe of a table too big for the cache (a set of line
 * fingerprints) waits a few hundred cycles for memory unless the fetch
 * started earlier, while other work went on.  It changes nothing else;
 * without GNU C it does nothing.  Example: cache_prefetch(&set[h & mask])
 * when h is known, the probe after the line's other work.
 */
static inline void
cache_prefetch(const void *p)
{
#if defined(__GNUC__)
	__builtin_prefetch(p);
#else
	(void)p;
#endif
}

#if defined(SCAN_SWAR)
/* The index (0-7) of the first byte flagged in m (m != 0). */
static inline size_t
swar_first(uint64_t m)
{
	return (size_t)lowest_bit(m) >> 3;
}
#endif

#if defined(SCAN_SSE2)
/* The bytes of v in lo..hi (ASCII); signed compares, so that a byte of
 * 0x80 or more, being negative, is below every range. */
static inline __m128i
sse_range(__m128i v, char lo, char hi)
{
	return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)(lo - 1))),
	    _mm_cmplt_epi8(v, _mm_set1_epi8((char)(hi + 1))));
}

/* The bytes of v equal to c. */
static inline __m128i
sse_eq(__m128i v, char c)
{
	return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

static inline __m128i
sse_letters(__m128i v)
{
	return sse_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
}

static inline __m128i
sse_digits(__m128i v)
{
	return sse_range(v, '0', '9');
}

/* A bit a byte: the bytes of the test t (bit k: byte k). */
static inline unsigned
sse_bits(__m128i t)
{
	return (unsigned)_mm_movemask_epi8(t);
}
#endif

#endif
