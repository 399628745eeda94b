/*
 * hash.c - 128-bit fingerprints from multiply-fold lanes.
 *
 * Each lane keeps an accumulator; every 16-byte block is folded in as
 * fold(block_lo ^ key_a, block_hi ^ key_b), the two halves of the 128-bit
 * product XORed together, added to the rotated accumulator.  Adding
 * (rather than multiplying the accumulator) means a block that happens to
 * zero one factor loses only its own contribution.  The length and the
 * seed enter the start and the end.
 */
#include "hash.h"

#include <string.h>

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 u128;

static inline uint64_t
fold(uint64_t a, uint64_t b)
{
	u128 r = (u128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}
#else
static inline uint64_t
fold(uint64_t a, uint64_t b)
{
	uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
	uint64_t lo = (mid << 32) | (uint32_t)p00;
	uint64_t hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);

	return lo ^ hi;
}
#endif

/* Odd 64-bit constants with well-mixed bits (digits of pi and e). */
#define K0 0x243f6a8885a308d3ULL
#define K1 0x13198a2e03707345ULL
#define K2 0xa4093822299f31d1ULL
#define K3 0x082efa98ec4e6c89ULL
#define K4 0x452821e638d01377ULL
#define K5 0xbe5466cf34e90c6dULL
#define K6 0xc0ac29b7c97c50ddULL
#define K7 0x3f84d5b5b5470917ULL
#define K8 0xb7e151628aed2a6bULL
#define K9 0x9216d5d98979fb1bULL

static inline uint64_t
rd64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

static inline uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/*
 * The last 0..15 bytes as two words, zero-padded.  When the whole input
 * has 16 bytes or more, the words are loaded from within it and shifted
 * (on little-endian machines this gives the same words as the padded
 * copy): copying a few bytes to the stack and loading them back as words
 * stalls store forwarding, which cost about a fifth of hash128 on lines
 * of a few hundred bytes.  len is the length of the whole input.
 */
static inline void
tail_words(
    const unsigned char *p, size_t n, size_t len, uint64_t *x, uint64_t *y)
{
	unsigned char t[16] = {0};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (len >= 16) {
		/* p - 16 is still inside the input, so p + n - 8 is too. */
		if (n == 0) {
			*x = 0;
			*y = 0;
		} else if (n <= 8) {
			*x = rd64(p + n - 8) >> (64 - 8 * n);
			*y = 0;
		} else {
			*x = rd64(p);
			*y = rd64(p + n - 8) >> (128 - 8 * n);
		}
		return;
	}
#else
	(void)len;
#endif
	memcpy(t, p, n);
	*x = rd64(t);
	*y = rd64(t + 8);
}

uint64_t
hash_mix64(uint64_t x)
{
	return fold(x ^ K8, K9) ^ x;
}

struct fp128
hash128(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t a = seed ^ K0 ^ (len * K8), b = ~seed ^ K1 ^ (len * K9);
	uint64_t x, y;
	size_t n = len;
	struct fp128 fp;

	while (n >= 16) {
		x = rd64(p);
		y = rd64(p + 8);
		a = rotl(a, 23) + fold(x ^ K2, y ^ K3);
		b = rotl(b, 29) + fold(y ^ K4, x ^ K5);
		p += 16;
		n -= 16;
	}
	tail_words(p, n, len, &x, &y);
	a = rotl(a, 23) + fold(x ^ K6 ^ n, y ^ K7);
	b = rotl(b, 29) + fold(y ^ K2 ^ n, x ^ K3);
	/* Finish each lane so that every input bit reaches every output bit. */
	fp.lo = fold(a ^ K4, b ^ K5) ^ a;
	fp.hi = fold(b ^ K6, a ^ K7 ^ fp.lo) ^ b;
	return fp;
}

uint64_t
hash64(const void *data, size_t len, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t a = seed ^ K0 ^ (len * K8);
	uint64_t x, y;
	size_t n = len;

	while (n >= 16) {
		x = rd64(p);
		y = rd64(p + 8);
		a = rotl(a, 23) + fold(x ^ K2, y ^ K3);
		p += 16;
		n -= 16;
	}
	tail_words(p, n, len, &x, &y);
	a = rotl(a, 23) + fold(x ^ K6 ^ n, y ^ K7);
	return fold(a ^ K4, K5) ^ a;
}
