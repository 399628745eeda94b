/*
 * fuzz_numbers.c - the strict number parsers: never crash, and a value
 * they accept is in range and reads back the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "prog.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64], buf[400];
	long long n;
	double r;
	unsigned long long z;

	if (size >= sizeof(s))
		size = sizeof(s) - 1;
	memcpy(s, data, size);
	s[size] = '\0';
	if (str_to_num(s, -1000, 1000000, &n) == NULL &&
	    (n < -1000 || n > 1000000))
		abort();
	if (str_to_real(s, 0, 1, &r) == NULL) {
		if (r < 0 || r > 1)
			abort();
		if (strtod(fmt_number(r, buf, sizeof(buf)), NULL) != r)
			abort();
	}
	(void)str_to_size(s, &z);
	return 0;
}
