/*
 * unit.h - a tiny test harness for the lib/ unit tests (after redis's
 * testhelp.h): test_cond() prints "PASS: name" or "FAIL: name (file:line)"
 * and test_report() returns the exit status.
 */
#ifndef WINNOW_UNIT_H
#define WINNOW_UNIT_H

#include <stdio.h>

static int unit_failed;

#define test_cond(name, expr)                                                  \
	do {                                                                   \
		if (expr) {                                                    \
			printf("PASS: %s\n", (name));                          \
		} else {                                                       \
			printf(                                                \
			    "FAIL: %s (%s:%d)\n", (name), __FILE__, __LINE__); \
			unit_failed++;                                         \
		}                                                              \
	} while (0)

#define test_report() (unit_failed ? 1 : 0)

#endif
