/*
 * hashset.c - sharded open-addressing set of 128-bit fingerprints.
 */
/* MAP_ANONYMOUS is POSIX.1-2024; glibc shows it to POSIX 2008 programs
 * only with _DEFAULT_SOURCE.  Without it the tables come from malloc. */
#define _DEFAULT_SOURCE 1

#include "hashset.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#endif

/* Sub-tables start this small, so that a set of a few hundred keys costs
 * a few kilobytes; tables this big or bigger are mapped. */
#define HS_FIRST_CAP 16
#define HS_MAP_BYTES ((size_t)64 * 1024)
#define HS_MAX_CAP ((size_t)1 << 32)

/* The process's seed: 16 bytes of /dev/urandom, or, without it, the
 * clock, the process id and an address (not secret, but not fixed). */
static void
process_seed(uint64_t seed[2])
{
	static uint64_t s[2];
	static int have;
	struct timespec ts;
	ssize_t n = 0;
	int fd;

	if (!have) {
		fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			n = read(fd, s, sizeof(s));
			(void)close(fd);
		}
		if (n != (ssize_t)sizeof(s)) {
			(void)clock_gettime(CLOCK_REALTIME, &ts);
			s[0] = hash_mix64((uint64_t)ts.tv_sec * 1000000000u +
			    (uint64_t)ts.tv_nsec);
			s[1] = hash_mix64(
			    (uint64_t)getpid() ^ (uint64_t)(uintptr_t)&have);
		}
		have = 1;
	}
	seed[0] = s[0];
	seed[1] = s[1];
}

static struct fp128 *
slots_alloc(size_t cap, int *mapped)
{
	size_t n = cap * sizeof(struct fp128);
	void *p;

	*mapped = 0;
#if defined(MAP_ANONYMOUS)
	if (n >= HS_MAP_BYTES) {
		p = mmap(NULL, n, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			*mapped = 1;
			return p;
		}
	}
#endif
	p = xcalloc(cap, sizeof(struct fp128));
	return p;
}

static void
slots_free(struct fp128 *slot, size_t cap, int mapped)
{
	if (slot == NULL)
		return;
#if defined(MAP_ANONYMOUS)
	if (mapped) {
		(void)munmap(slot, cap * sizeof(struct fp128));
		return;
	}
#else
	(void)cap;
	(void)mapped;
#endif
	free(slot);
}

void
hs_init(struct hashset *h)
{
	int k;

	memset(h, 0, sizeof(*h));
	process_seed(h->seed);
	h->mul = hash_mix64(h->seed[0] ^ h->seed[1]) | 1;
	/* Newton's iteration: each step doubles the bits of mul * inv that
	 * are 1 (an odd mul is its own inverse to 3 bits). */
	h->mul_inv = h->mul;
	for (k = 0; k < 5; k++)
		h->mul_inv *= 2 - h->mul * h->mul_inv;
}

void
hs_set_limit(struct hashset *h, size_t limit)
{
	h->limit = limit;
}

static inline int
is_empty(const struct fp128 *s)
{
	return (s->lo | s->hi) == 0;
}

/* Put key k, known to be absent, into t (which has room). */
static inline void
place(struct hs_table *t, struct fp128 k)
{
	size_t j = hs_home(k, t->cap);

	while (!is_empty(&t->slot[j]))
		if (++j == t->cap)
			j = 0;
	t->slot[j] = k;
}

/* Growing is rare: keep it out of line, so that the probe loop of
 * hs_add() stays small and needs few registers. */
#if defined(__GNUC__)
#define COLD __attribute__((noinline, cold))
#else
#define COLD
#endif

/* Grow t by about 1.5x.  Returns 0, or HS_FULL past the limit. */
static COLD int
grow(struct hashset *h, struct hs_table *t)
{
	size_t cap, i, add;
	struct fp128 *old = t->slot;
	size_t oldcap = t->cap;
	int oldmapped = t->mapped;
	struct hs_table nt;

	if (oldcap == 0)
		cap = HS_FIRST_CAP;
	else
		cap = oldcap + oldcap / 2;
	/* Whole pages for mapped tables: the page is paid for anyway. */
	if (cap * sizeof(struct fp128) >= HS_MAP_BYTES)
		cap = (cap + 255) & ~(size_t)255;
	if (cap > HS_MAX_CAP)
		cap = HS_MAX_CAP;
	if (cap <= oldcap)
		return HS_FULL;
	add = cap * sizeof(struct fp128);
	if (h->limit != 0 &&
	    h->bytes - oldcap * sizeof(struct fp128) + add > h->limit)
		return HS_FULL;
	nt.slot = slots_alloc(cap, &nt.mapped);
	nt.cap = cap;
	nt.used = t->used;
	nt.grow_at = cap - cap / 8;
	/* Home slots rise with the keys, so walking the old table in order
	 * writes the new one almost sequentially; a key is placed by its own
	 * bits, without hashing. */
	for (i = 0; i < oldcap; i++)
		if (!is_empty(&old[i]))
			place(&nt, old[i]);
	slots_free(old, oldcap, oldmapped);
	h->bytes = h->bytes - oldcap * sizeof(struct fp128) + add;
	*t = nt;
	return 0;
}

int
hs_add_key(struct hashset *h, struct fp128 k)
{
	struct hs_table *t = hs_sub(h, k);
	size_t j;

	if (t->cap != 0) {
		j = hs_home(k, t->cap);
		for (;;) {
			if (t->slot[j].lo == k.lo && t->slot[j].hi == k.hi)
				return 0;
			if (is_empty(&t->slot[j]))
				break;
			if (++j == t->cap)
				j = 0;
		}
		if (t->used + 1 < t->grow_at) {
			t->slot[j] = k;
			t->used++;
			h->count++;
			return 1;
		}
	}
	if (grow(h, t) != 0)
		return HS_FULL;
	place(t, k);
	t->used++;
	h->count++;
	return 1;
}

int
hs_add(struct hashset *h, struct fp128 fp)
{
	return hs_add_key(h, hs_key(h, fp));
}

int
hs_contains(const struct hashset *h, struct fp128 fp)
{
	struct fp128 k = hs_key(h, fp);
	const struct hs_table *t = hs_sub(h, k);
	size_t j;

	if (t->cap == 0)
		return 0;
	j = hs_home(k, t->cap);
	for (;;) {
		if (t->slot[j].lo == k.lo && t->slot[j].hi == k.hi)
			return 1;
		if (is_empty(&t->slot[j]))
			return 0;
		if (++j == t->cap)
			j = 0;
	}
}

int
hs_next(const struct hashset *h, struct hs_iter *it, struct fp128 *fp)
{
	const struct hs_table *t;

	for (; it->sub < HS_SUBTABLES; it->sub++, it->i = 0) {
		t = &h->sub[it->sub];
		while (it->i < t->cap) {
			if (!is_empty(&t->slot[it->i])) {
				/* hs_key() undone */
				struct fp128 k = t->slot[it->i++];

				fp->hi = k.hi;
				fp->lo =
				    ((k.lo -
					 hs_fold(k.hi ^ h->seed[1], h->mul)) *
					h->mul_inv) ^
				    h->seed[0];
				return 1;
			}
			it->i++;
		}
	}
	return 0;
}

void
hs_free(struct hashset *h)
{
	size_t i, limit = h->limit;

	for (i = 0; i < HS_SUBTABLES; i++)
		slots_free(h->sub[i].slot, h->sub[i].cap, h->sub[i].mapped);
	hs_init(h);
	h->limit = limit;
}
