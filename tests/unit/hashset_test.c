/* Unit tests of lib/hashset: membership, growth, the limit, iteration. */
#include <stdint.h>

#include "hashset.h"
#include "unit.h"

static struct fp128
key(uint64_t i)
{
	return hash128(&i, sizeof(i), 0);
}

int
main(void)
{
	struct hashset h;
	struct hs_iter it = HS_ITER_INIT;
	struct fp128 fp, zero = {0, 0}, one = {1, 0};
	uint64_t i, n = 200000, seen = 0, bad = 0;

	hs_init(&h);
	test_cond("hashset: empty contains nothing", !hs_contains(&h, key(1)));
	for (i = 0; i < n; i++)
		if (hs_add(&h, key(i)) != 1)
			bad++;
	test_cond("hashset: every new key is new", bad == 0);
	test_cond("hashset: count", h.count == n);
	for (i = 0, bad = 0; i < n; i++)
		if (hs_add(&h, key(i)) != 0 || !hs_contains(&h, key(i)))
			bad++;
	test_cond("hashset: every old key is found", bad == 0);
	for (i = n, bad = 0; i < n + 10000; i++)
		if (hs_contains(&h, key(i)))
			bad++;
	test_cond("hashset: absent keys are absent", bad == 0);
	test_cond("hashset: under 28 bytes a key",
	    h.bytes <= 28 * n + HS_SUBTABLES * 4096);
	{
		/* the set stores keys (hs_key()): iteration gives the
		 * fingerprints back, each once */
		struct hashset back;
		uint64_t x = 0, y = 0;

		hs_init(&back);
		for (i = 0; i < n; i++) {
			x ^= key(i).lo ^ (key(i).hi * 3);
			(void)hs_add(&back, key(i));
		}
		while (hs_next(&h, &it, &fp)) {
			seen++;
			y ^= fp.lo ^ (fp.hi * 3);
			bad += hs_add(&back, fp) != 0;
		}
		test_cond("hashset: iteration visits each key once", seen == n);
		test_cond("hashset: iteration gives the fingerprints added",
		    x == y && bad == 0 && back.count == n);
		hs_free(&back);
	}
	hs_free(&h);
	test_cond("hashset: free empties", h.count == 0 && h.bytes == 0);

	test_cond("hashset: zero fingerprint",
	    hs_add(&h, zero) == 1 && hs_contains(&h, zero) &&
		hs_add(&h, zero) == 0);
	test_cond("hashset: zero is stored as one", hs_contains(&h, one));
	hs_free(&h);

	hs_set_limit(&h, 100000);
	for (i = 0; i < n; i++)
		if (hs_add(&h, key(i)) == HS_FULL)
			break;
	test_cond("hashset: limit stops growth", i < n && h.bytes <= 100000);
	test_cond("hashset: full set still answers",
	    hs_contains(&h, key(0)) && hs_add(&h, key(0)) == 0);
	hs_free(&h);
	return test_report();
}
