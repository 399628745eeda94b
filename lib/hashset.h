/*
 * hashset.h - a set of 128-bit fingerprints (lib/hash hash128), built to
 * hold tens of millions of them in little memory.
 *
 * Layout: 256 sub-tables chosen by the top 8 bits of a keyed hash of the
 * fingerprint (hs_where(): its two words XORed with a random seed drawn
 * once per process, multiplied, the product's halves folded), so that where a
 * key lands cannot be known in advance: a seen-set file crafted so that its
 * keys share one slot costs no more to load than any other.  Each
 * sub-table is an open-addressing array of 16-byte slots with linear
 * probing; the home slot is the multiply-shift range reduction of the
 * hash's next 32 bits, (bits * capacity) >> 32, so capacities need not be
 * powers of two.  Iteration order therefore differs from run to run.  A
 * sub-table grows on its own by 1.5x when it is 87.5% full, so only one
 * sub-table (1/256 of the set) is ever being copied: there is no doubling
 * rehash that briefly needs 1.5 times the memory. A fingerprint of all zero
 * bits marks an empty slot; a real one is stored as lo = 1 (a 2^-128 event that
 * merges two keys at worst).
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
	uint64_t seed[2]; /* the process's slot-hash seed */
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

/* fp as the set stores it: the all-zero fingerprint marks an empty slot,
 * so it is kept as lo = 1. */
static inline struct fp128
hs_key(struct fp128 fp)
{
	if ((fp.lo | fp.hi) == 0)
		fp.lo = 1;
	return fp;
}

/*
 * Where fp goes in h: the 64-bit product-fold of its two words, each
 * XORed with the process's secret seed.  The top 8 bits choose the
 * sub-table (hs_sub()), the next 32 the home slot (hs_home()).
 * Fingerprints are not secret (a seen-set file can come from anyone, and
 * a crafted one can hold a million keys that would share one home slot
 * under a fixed mapping, which makes linear probing quadratic); with a
 * seed drawn at start-up, no file can know where its keys land.  The same
 * seed also spreads a file that was saved in the table order of another
 * run.  A caller that prefetches computes it once for both steps:
 *	x = hs_where(h, fp); hs_prefetch_at(h, x); ... hs_add_at(h, fp, x);
 * (dedupe-lines' exact loop: hashing twice cost 2% of its instructions).
 */
static inline uint64_t
hs_where(const struct hashset *h, struct fp128 fp)
{
	uint64_t a, b;

	fp = hs_key(fp);
	a = fp.lo ^ h->seed[0];
	b = fp.hi ^ h->seed[1];
#if defined(__SIZEOF_INT128__)
	{
		__extension__ unsigned __int128 r = (unsigned __int128)a * b;

		return (uint64_t)r ^ (uint64_t)(r >> 64);
	}
#else
	return hash_mix64(hash_mix64(a) ^ b);
#endif
}

/* The sub-table of the fingerprints whose hs_where() is x. */
static inline struct hs_table *
hs_sub(const struct hashset *h, uint64_t x)
{
	return (struct hs_table *)&h->sub[x >> 56];
}

/* The home slot in a sub-table of cap slots for hs_where() x. */
static inline size_t
hs_home(uint64_t x, size_t cap)
{
	return (size_t)((((x >> 24) & 0xffffffffu) * (uint64_t)cap) >> 32);
}

/* hs_add() of fp, whose hs_where() is x. */
int hs_add_at(struct hashset *h, struct fp128 fp, uint64_t x);

/*
 * Ask the processor to fetch the cache line where the fingerprint whose
 * hs_where() is x would be found, so that a caller that knows the next
 * few fingerprints in advance can hide the memory latency of the probe.
 * It changes nothing.  Inline: it runs once a line.
 */
static inline void
hs_prefetch_at(const struct hashset *h, uint64_t x)
{
#if defined(__GNUC__)
	const struct hs_table *t = hs_sub(h, x);

	if (t->cap != 0) {
		const struct fp128 *s = &t->slot[hs_home(x, t->cap)];

		__builtin_prefetch(s);
		__builtin_prefetch(s + 4);
	}
#else
	(void)h;
	(void)x;
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
