/* Unit tests of lib/buf. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "unit.h"
#include "xalloc.h"

int
main(void)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < 1000; i++)
		buf_add(&b, "abc", 3);
	test_cond(
	    "buf: grows", b.len == 3000 && memcmp(b.p + 2997, "abc", 3) == 0);
	buf_reset(&b);
	buf_addc(&b, 0);
	buf_add_utf8(&b, 0x201C);
	test_cond("buf: NUL and UTF-8",
	    b.len == 4 && memcmp(b.p, "\0\xe2\x80\x9c", 4) == 0);
	buf_free(&b);
	test_cond("buf: free", b.p == NULL && b.len == 0);
	{
		/* xgrowarray: first size, then doubling, never shrinking */
		int *a = NULL;
		size_t cap = 0;

		a = xgrowarray(a, &cap, 1, sizeof(*a), 16);
		test_cond("xgrowarray: first size", a != NULL && cap == 16);
		a = xgrowarray(a, &cap, 16, sizeof(*a), 16);
		test_cond("xgrowarray: enough room, unchanged", cap == 16);
		a = xgrowarray(a, &cap, 40, sizeof(*a), 16);
		test_cond("xgrowarray: doubled past need", cap == 64);
		a[63] = 7;
		test_cond("xgrowarray: usable", a[63] == 7);
		free(a);
	}
	return test_report();
}
