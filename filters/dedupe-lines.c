/*
 * dedupe-lines - write each line the first time it is seen.
 *
 * Record model: a line, as lib/lineio gives it.  The key of a line is the
 * line itself; a line whose key was seen before is dropped.  Blank lines
 * are paragraph structure, not duplicates, and always pass unless -b.
 * The seen set holds 128-bit fingerprints of the keys, not the lines.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "hash.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "xalloc.h"

static struct {
	int dedupe_blank;	/* -b */
} opt;

/* An open-addressing set of fingerprints; a zero fingerprint marks an
 * empty slot (a real zero is nudged to one). */
static struct {
	struct fp128 *slot;
	size_t mask, used;
} seen;

static const struct cli_option options[] = {
	{'b', "dedupe-blank", CLI_NOARG, NULL,
	    "treat blank lines like any other line"},
	{0, NULL, CLI_NOARG, NULL, NULL}
};

static void
handle_option(int code, const char *arg)
{
	(void)arg;
	switch (code) {
	case 'b':
		opt.dedupe_blank = 1;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
	"[-b] [FILE]...",
	"Write each line the first time it is seen; drop repeats.",
	options,
	0,
	handle_option,
	NULL
};

static void
seen_grow(void)
{
	size_t n = seen.mask == 0 ? 1024 : (seen.mask + 1) * 2, i, j;
	struct fp128 *old = seen.slot, *slot = xcalloc(n, sizeof(*slot));

	for (i = 0; seen.mask != 0 && i <= seen.mask; i++) {
		if (old[i].lo == 0 && old[i].hi == 0)
			continue;
		for (j = old[i].lo & (n - 1); slot[j].lo != 0 || slot[j].hi != 0;
		    j = (j + 1) & (n - 1))
			;
		slot[j] = old[i];
	}
	free(old);
	seen.slot = slot;
	seen.mask = n - 1;
}

/* Add fp; return 1 if it was new. */
static int
seen_add(struct fp128 fp)
{
	size_t j;

	if (fp.lo == 0 && fp.hi == 0)
		fp.lo = 1;
	if (seen.used + 1 > (seen.mask + 1) / 4 * 3)
		seen_grow();
	for (j = fp.lo & seen.mask; seen.slot[j].lo != 0 || seen.slot[j].hi != 0;
	    j = (j + 1) & seen.mask)
		if (seen.slot[j].lo == fp.lo && seen.slot[j].hi == fp.hi)
			return 0;
	seen.slot[j] = fp;
	seen.used++;
	return 1;
}

static int
dedupe_document(struct input *in, void *ctx)
{
	struct line line;

	(void)ctx;
	while (input_next(in, &line)) {
		if ((line.len == 0 && !opt.dedupe_blank) ||
		    seen_add(hash128(line.p, line.len + (size_t)line.crlf, 0))) {
			out_line(&line);
			out_end_record();
		}
		if (out_failed())
			return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int first;

	first = cli_parse(argc, argv, &spec);
	out_open(common.output, common.line_buffered);
	(void)inputs_run(argv + first, argc - first, dedupe_document, NULL);
	free(seen.slot);
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble() ?
	    EXIT_TROUBLE : EXIT_OK;
}
