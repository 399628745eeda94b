/*
 * hashset.h - a set of 128-bit fingerprints (lib/hash hash128), built to
 * hold tens of millions of them in little memory.
 *
 * Layout: 256 sub-tables chosen by the top 8 bits of the key the set
 * stores for a fingerprint (hs_key(): a bijection of its bits keyed by a
 * random seed drawn once per process), so that where a key lands cannot
 * be known in advance: a seen-set file crafted so that its keys share one
 * slot costs no more to load than any other.  Each sub-table is an
 * open-addressing array of 16-byte slots with linear probing; the home
 * slot is the multiply-shift range reduction of the key's next 32 bits,
 * (bits * capacity) >> 32, so capacities need not be powers of two.
 * Iteration order therefore differs from run to run.  A sub-table grows
 * on its own by 1.5x when it is 87.5% full, so only one sub-table (1/256
 * of the set) is ever being copied: there is no doubling rehash that
 * briefly needs 1.5 times the memory.  A key of all zero bits marks an
 * empty slot (see hs_key()).
 *
 * Memory: 16 bytes per slot at a load between 0.58 (just after a growth)
 * and 0.875, so 18.3 to 27.4 bytes per fingerprint, about 22 on average,
 * plus up to 256 partly used pages.  Sub-tables of 64 KiB and more are
 * mapped with mmap(2) and returned to the system with munmap(2) when they
 * grow, so freed big tables never linger as heap holes.  Smaller ones come
 * from malloc, which reuses their memory without new page faults (mapping
 * every small table was 20% slower); the heap keeps the last of them,
 * about 13 MB in all, once the sub-tables have outgrown it (near a million
 * fingerprints).  Measured peak RSS past start-up, `seq -f 'line %.0f'`
 * input: 25 bytes a line at 300 000 lines, 34 at 1 million (the heap
 * residue), 23 at 2 million, 21 at 5 million, 23.6 at 10 million.
 *
 * The set owns its memory; hs_free() releases it.
 */
#ifndef WINNOW_HASHSET_H
#define WINNOW_HASHSET_H

#include <stddef.h>

#include "hash.h"

#define HS_SUBTABLES 256

struct hs_table {
	struct fp128 *slot; /* cap slots; all-zero means empty */
	size_t cap;         /* number of slots (at most 2^32) */
	size_t used;        /* fingerprints stored */
	size_t grow_at;     /* grow before used reaches this */
	int mapped;         /* slot came from mmap(2), not malloc */
};

struct hashset {
	struct hs_table sub[HS_SUBTABLES];
	size_t count;     /* fingerprints in the whole set */
	size_t bytes;     /* bytes of slot memory allocated */
	size_t limit;     /* most bytes allowed, 0 for no limit */
	uint64_t seed[2]; /* the process's secret seed (hs_key()) */
	uint64_t mul;     /* hs_key()'s odd multiplier, from the seed */
	uint64_t mul_inv; /* its inverse modulo 2^64, for hs_next() */
};

/* What hs_add() returns besides 0 and 1. */
#define HS_FULL (-1)

/* Make h an empty set without a limit.  It allocates nothing yet (the
 * first call reads the process's seed from /dev/urandom). */
void hs_init(struct hashset *h);

/*
 * Bound the slot memory of h to limit bytes (0: no bound).  An hs_add()
 * that would need more returns HS_FULL and leaves the set as it was.
 */
void hs_set_limit(struct hashset *h, size_t limit);

/*
 * Add fp.  Returns 1 if it was not in the set (it is now), 0 if it was
 * already there, HS_FULL if the set would have had to grow past its
 * limit (fp is then not added).
 */
int hs_add(struct hashset *h, struct fp128 fp);

/* 1 if fp is in the set, else 0. */
int hs_contains(const struct hashset *h, struct fp128 fp);

/*
 * The key the set stores for fp, and where it goes: a bijection of the
 * fingerprint's 128 bits keyed by the process's secret seed,
 *	key.hi = fp.hi,
 *	key.lo = (fp.lo ^ seed0) * mul + fold(fp.hi ^ seed1, mul),
 * mul odd (fold: the two halves of the 128-bit product XORed), whose
 * top 8 bits choose the sub-table (hs_sub()) and next 32 the home slot
 * (hs_home()).  Fingerprints are not secret (a seen-set file can come
 * from anyone, and a crafted one can hold a million keys that would share
 * one home slot under a fixed mapping, which makes linear probing
 * quadratic); with a seed drawn at start-up, no file can know where its
 * keys land.  The same seed also spreads a file that was saved in the
 * table order of another run.  The set stores the key, not the
 * fingerprint, so that a growth places each key by its own bits without
 * hashing it again (hashing every moved key cost dedupe-lines 1.5% of its
 * instructions); hs_next() turns keys back into fingerprints.  The
 * all-zero key marks an empty slot: the zero fingerprint is taken as
 * lo = 1 first, and a key that comes out zero is stored as lo = 1 (a
 * 2^-128 event that merges two keys at worst).
 *
 * A caller that prefetches makes the key once for both steps:
 *	k = hs_key(h, fp); hs_prefetch_key(h, k); ... hs_add_key(h, k);
 */
static inline uint64_t
hs_fold(uint64_t a, uint64_t b)
{
#if defined(__SIZEOF_INT128__)
	__extension__ unsigned __int128 r = (unsigned __int128)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
	return hash_mix64(hash_mix64(a) ^ b);
#endif
}

static inline struct fp128
hs_key(const struct hashset *h, struct fp128 fp)
{
	struct fp128 k;

	if ((fp.lo | fp.hi) == 0)
		fp.lo = 1;
	k.hi = fp.hi;
	k.lo =
	    (fp.lo ^ h->seed[0]) * h->mul + hs_fold(fp.hi ^ h->seed[1], h->mul);
	if ((k.lo | k.hi) == 0)
		k.lo = 1;
	return k;
}

/* The sub-table of key k. */
static inline struct hs_table *
hs_sub(const struct hashset *h, struct fp128 k)
{
	return (struct hs_table *)&h->sub[k.lo >> 56];
}

/* The home slot of key k in a sub-table of cap slots. */
static inline size_t
hs_home(struct fp128 k, size_t cap)
{
	return (size_t)((((k.lo >> 24) & 0xffffffffu) * (uint64_t)cap) >> 32);
}

/* hs_add() of the fingerprint whose hs_key() is k. */
int hs_add_key(struct hashset *h, struct fp128 k);

/*
 * Ask the processor to fetch the cache line where key k would be found,
 * so that a caller that knows the next few fingerprints in advance can
 * hide the memory latency of the probe.  It changes nothing.  Inline: it
 * runs once a line.
 */
static inline void
hs_prefetch_key(const struct hashset *h, struct fp128 k)
{
#if defined(__GNUC__)
	const struct hs_table *t = hs_sub(h, k);

	if (t->cap != 0) {
		const struct fp128 *s = &t->slot[hs_home(k, t->cap)];

		__builtin_prefetch(s);
		__builtin_prefetch(s + 4);
	}
#else
	(void)h;
	(void)k;
#endif
}

/*
 * Iterate over the fingerprints, in no particular order:
 *	struct hs_iter it = HS_ITER_INIT;
 *	while (hs_next(h, &it, &fp))
 * Returns 1 with *fp set, 0 after the last one.  The set must not change
 * during the iteration.
 */
struct hs_iter {
	size_t sub, i;
};
#define HS_ITER_INIT                                                           \
	{                                                                      \
		0, 0                                                           \
	}
int hs_next(const struct hashset *h, struct hs_iter *it, struct fp128 *fp);

/* Release the memory; h is an empty set again (its limit is kept). */
void hs_free(struct hashset *h);

#endif
