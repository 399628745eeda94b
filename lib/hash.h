/*
 * hash.h - fast non-cryptographic hashing and 128-bit fingerprints.
 *
 * hash128() gives a 128-bit fingerprint of a byte string: two 64-bit
 * lanes computed with different keys, each folding 16 input bytes per
 * step through a 64x64->128-bit multiply.  For text that nobody crafted
 * against it, two distinct strings share a fingerprint with probability
 * about 2^-128, which is what lets dedupe-lines keep fingerprints instead
 * of lines.  It is not a defence against an adversary who knows it.
 */
#ifndef WINNOW_HASH_H
#define WINNOW_HASH_H

#include <stddef.h>
#include <stdint.h>

struct fp128 {
	uint64_t lo, hi;
};

/* The fingerprint of p[0..len), under seed. */
struct fp128 hash128(const void *p, size_t len, uint64_t seed);

/* A 64-bit hash of p[0..len) (the lo lane alone; cheaper). */
uint64_t hash64(const void *p, size_t len, uint64_t seed);

/* Mix a 64-bit value into a well-spread one (a bijection). */
uint64_t hash_mix64(uint64_t x);

#endif
