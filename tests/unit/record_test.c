/* Unit tests of lib/record: exact number formatting. */
#include <string.h>

#include "record.h"
#include "unit.h"

static int
fmt_is(double v, const char *want)
{
	char buf[400];

	return strcmp(fmt_number(v, buf, sizeof(buf)), want) == 0;
}

int
main(void)
{
	test_cond("number: big integer without exponent",
	    fmt_is(1.38e11, "138000000000"));
	test_cond("number: trillion", fmt_is(1e12, "1000000000000"));
	test_cond(
	    "number: 2^53", fmt_is(9007199254740992.0, "9007199254740992"));
	test_cond("number: fraction", fmt_is(0.5, "0.5"));
	test_cond("number: shortest decimal",
	    fmt_is(0.1, "0.1") && fmt_is(48.2e6, "48200000"));
	test_cond(
	    "number: negative", fmt_is(-3, "-3") && fmt_is(-0.25, "-0.25"));
	test_cond("number: zero", fmt_is(0, "0"));
	return test_report();
}
