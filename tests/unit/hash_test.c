/* Unit tests of lib/hash: determinism, sensitivity, spread. */
#include <string.h>

#include "hash.h"
#include "unit.h"

int
main(void)
{
	struct fp128 a, b;
	char s[64];
	int i, same = 0, bits;
	uint64_t x;

	a = hash128("hello", 5, 0);
	b = hash128("hello", 5, 0);
	test_cond("hash: deterministic", a.lo == b.lo && a.hi == b.hi);
	b = hash128("hellp", 5, 0);
	test_cond("hash: one bit changes both lanes", a.lo != b.lo && a.hi != b.hi);
	b = hash128("hello", 5, 1);
	test_cond("hash: seed matters", a.lo != b.lo);
	a = hash128("", 0, 0);
	b = hash128("\0", 1, 0);
	test_cond("hash: length matters", a.lo != b.lo || a.hi != b.hi);
	/* Avalanche: flipping one input bit flips about half the output. */
	memset(s, 'q', sizeof(s));
	a = hash128(s, 40, 0);
	for (i = 0; i < 40 * 8; i++) {
		s[i / 8] ^= (char)(1 << (i % 8));
		b = hash128(s, 40, 0);
		s[i / 8] ^= (char)(1 << (i % 8));
		x = a.lo ^ b.lo;
		for (bits = 0; x != 0; x &= x - 1)
			bits++;
		if (bits < 16 || bits > 48)
			same++;
	}
	test_cond("hash: avalanche", same < 4);
	test_cond("hash: hash64 agrees with itself",
	    hash64("abc", 3, 7) == hash64("abc", 3, 7));
	return test_report();
}
