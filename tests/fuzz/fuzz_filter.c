/*
 * fuzz_filter.c - a libFuzzer target for one filter, built with
 * -DFILTER_NAME='"dedupe-lines"' -DFILTER_SRC='"../../filters/dedupe-lines.c"'
 * (a filter that is a folder: its translation unit build/filters/NAME.c).
 *
 * The filter's main() is compiled in as filter_main() and run once per
 * input: the first byte of the input picks a set of options (each filter's
 * modes, below), the rest is the document, given as a file operand.  For
 * filters that read a side file (declutter's rule file, dedupe-lines'
 * seen set), the options include one made from the input too.
 */
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

int filter_main(int argc, char **argv);
#define main filter_main
#include FILTER_SRC
#undef main

#include "prog.h"

struct fuzz_mode {
	const char *filter;
	const char *args[6];	/* "@" is replaced by the input's path */
	const char *env;	/* NAME=VALUE set for the run, or NULL */
};

static const struct fuzz_mode fuzz_modes[] = {
	{"dedupe-lines", {"@"}},
	{"dedupe-lines", {"-b", "@"}},
	{"dedupe-lines", {"-N", "@"}},
	{"dedupe-lines", {"-i", "-S", "@"}},
	{"dedupe-lines", {"-P", "-c", "@"}},
	{"dedupe-lines", {"-d", "@"}},
	{"dedupe-lines", {"-u", "-a", "@"}},
	{"dedupe-lines", {"-v", "@"}},
	{"dedupe-lines", {"--near", "@"}},
	{"dedupe-lines", {"--near=0.5", "-N", "@"}},
	{"dedupe-lines", {"-k", "2", "-t", ",", "@"}},
	{"dedupe-lines", {"-e", "[a-z]+([0-9]+)", "@"}},
	{"dedupe-lines", {"--seen=%", "@"}},
	{"declutter", {"@"}},
	{"declutter", {"-v", "@"}},
	{"declutter", {"--explain", "@"}},
	{"declutter", {"--mark", "--color=always", "@"}},
	{"declutter", {"--keep=meta,ad", "@"}},
	{"declutter", {"-r", "%", "@"}},
	{"declutter", {"--no-default-rules", "-r", "%", "@"}},
	{"extract-amounts", {"@"}},
	{"extract-amounts", {"--format=jsonl", "@"}},
	{"extract-amounts", {"--format=tsv", "-n", "@"}},
	{"extract-amounts", {"--highlight", "@"}},
	{"split-sentences", {"@"}},
	{"split-sentences", {"--format=jsonl", "@"}},
	{"split-sentences", {"--format=tsv", "-n", "@"}},
	{"split-sentences", {"--highlight", "@"}},
	{"split-sentences", {"-H", "-n", "@"}},
	/* lines in pieces through the sliding window */
	{"split-sentences", {"@"}, "WINNOW_PIECE=7"},
	{"split-sentences", {"--format=jsonl", "@"}, "WINNOW_PIECE=2"},
	{"extract-dates", {"@"}},
	{"extract-dates", {"--format=jsonl", "--ref=2025-03-10", "@"}},
	{"extract-dates", {"--format=tsv", "-n", "--locale=en-GB", "@"}},
	{"extract-dates", {"--highlight", "--open-intervals", "@"}},
	{"extract-quotes", {"@"}},
	{"extract-quotes", {"--format=jsonl", "@"}},
	{"extract-quotes", {"--format=tsv", "@"}},
	{"extract-quotes", {"--highlight", "@"}},
	{"extract-quotes", {"--attributed-only", "--min-words=3", "@"}},
	{"html-text", {"@"}},
	{"html-text", {"--main", "@"}},
	{"html-text", {"--main", "--title", "@"}},
	{"html-text", {"--title", "--alt", "@"}},
	{"html-text", {"--charset=windows-1251", "@"}},
	{"html-text", {"--charset=shift_jis", "--main", "@"}},
	/* scanning ahead on the reading thread from the first line */
	{"extract-quotes", {"--format=jsonl", "@"}, "WINNOW_READAHEAD=0"},
	{"extract-quotes", {"--highlight", "@"}, "WINNOW_READAHEAD=0"},
	{"fix-text", {"@"}},
	{"fix-text", {"--typography", "@"}},
	{"fix-text", {"--explain", "@"}},
	{"fix-text", {"--replace", "-t", "@"}},
	{"fix-text", {"--skip=mojibake,c1", "@"}},
	{"unwrap", {"@"}},
	{"unwrap", {"-k", "@"}},
	{"unwrap", {"-w", "24", "@"}},
	{"unwrap", {"--print-width", "@"}},
};

static int fuzz_devnull = -1;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct fuzz_mode *pick[sizeof(fuzz_modes) / sizeof(fuzz_modes[0])];
	size_t npick = 0, i;
	const struct fuzz_mode *m;
	char *argv[8];
	int argc = 0;
	const char *doc, *side;
	static char name[] = FILTER_NAME;

	for (i = 0; i < sizeof(fuzz_modes) / sizeof(fuzz_modes[0]); i++)
		if (strcmp(fuzz_modes[i].filter, FILTER_NAME) == 0)
			pick[npick++] = &fuzz_modes[i];
	if (size < 1 || npick == 0)
		return 0;
	m = pick[data[0] % npick];
	data++;
	size--;
	/* The side file gets the input up to the first "\n\n", the document
	 * the whole input. */
	for (i = 0; i + 1 < size && !(data[i] == '\n' && data[i + 1] == '\n');
	    i++)
		;
	side = fuzz_file("side", data, i < size ? i : size);
	doc = fuzz_file("doc", data, size);
	if (fuzz_devnull < 0) {
		fuzz_devnull = open("/dev/null", O_WRONLY);
		(void)dup2(fuzz_devnull, STDOUT_FILENO);
	}
	argv[argc++] = name;
	for (i = 0; i < 6 && m->args[i] != NULL; i++) {
		static char buf[6][300];

		if (strcmp(m->args[i], "@") == 0) {
			(void)snprintf(buf[i], sizeof(buf[i]), "%s", doc);
		} else if (strchr(m->args[i], '%') != NULL) {
			const char *pct = strchr(m->args[i], '%');

			(void)snprintf(buf[i], sizeof(buf[i]), "%.*s%s",
			    (int)(pct - m->args[i]), m->args[i], side);
		} else {
			(void)snprintf(buf[i], sizeof(buf[i]), "%s",
			    m->args[i]);
		}
		argv[argc++] = buf[i];
	}
	argv[argc] = NULL;
#ifdef DECLUTTER_H
	/* declutter's built-in rules are the same for every input: built
	 * once, not per input (a rule file from the input is still read). */
	rules_keep(1);
#endif
	optind = 0;	/* glibc: 0 re-initialises getopt */
	prog_reset();
	if (m->env != NULL) {
		static char env[64];

		(void)snprintf(env, sizeof(env), "%s", m->env);
		(void)putenv(env);
	}
	fuzz_armed = 1;
	if (setjmp(fuzz_jmp) == 0)
		(void)filter_main(argc, argv);
	fuzz_armed = 0;
	if (m->env != NULL) {
		char var[64];

		(void)snprintf(var, sizeof(var), "%.*s",
		    (int)strcspn(m->env, "="), m->env);
		(void)unsetenv(var);
	}
	return 0;
}
