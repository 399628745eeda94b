/*
 * fuzz.h - what the libFuzzer harnesses share.
 *
 * The harnesses compile lib/ and a filter with -Dexit=fuzz_exit, so that
 * the exit() of an error path (a bad rule file, a corrupt seen-set file)
 * returns to the harness through longjmp instead of ending the fuzzer.
 */
#ifndef WINNOW_FUZZ_H
#define WINNOW_FUZZ_H

#include <setjmp.h>
#include <stddef.h>

extern jmp_buf fuzz_jmp;
extern int fuzz_armed;

void fuzz_exit(int status);

/* Write data to a fresh temporary file; return its path (static). */
const char *fuzz_file(const char *tag, const unsigned char *data, size_t n);

#endif
