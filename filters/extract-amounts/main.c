/*
 * extract-amounts - find money amounts and percentages in English text and
 * print each with its normalised value and unit.
 *
 * Record model: one amount found in one line: its span (byte offsets in the
 * line), its value in the major unit of its currency (or the number of
 * percent, percentage points, basis points), its unit (an ISO 4217 code, or
 * %, pp, bp), a qualifier ("about", "more than" ...), its place in a range
 * ("from", "to") and, for an ambiguous symbol or word ($, ¥, kr, pesos ...),
 * how the currency was chosen.  Amounts never span lines.
 *
 * The scanner is hand-written: it walks each line once, stops at digits and
 * at unit words (currency names, codes, percent words), parses the number
 * there (digits with separators, or number words), then looks right for a
 * scale, a unit and a range, and left for a currency prefix, a sign and a
 * qualifier, with table lookups.  A little context (country words in the
 * line, and for some symbols in the document so far) resolves ambiguous
 * currencies.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "extract-amounts.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "record.h"
#include "scan.h"
#include "xalloc.h"

struct options opt;

int found_any; /* for -q */

static int
amounts_document(struct input *in, void *ctx)
{
	struct line line;
	struct scan sc;
	struct sink k;
	int g;

	(void)ctx;
	for (g = 0; g < NGROUP; g++)
		doc_memory[g] = NULL;
	k.in = in;
	while (input_next(in, &line)) {
		memset(&sc, 0, sizeof(sc));
		sc.euro = sc.weight = -1;
		sc.s = line.p;
		sc.n = line.len;
		k.lineno = in->lr.lineno;
		nspans = 0;
		scan_line(&sc, &k);
		if (common.highlight && !common.quiet)
			highlight_line(&line);
		if (out_failed() || (common.quiet && found_any))
			return 1;
	}
	return 0;
}

/* ---- options ---- */

enum {
	OPT_KIND = CLI_OWN,
	OPT_UNIT,
	OPT_ASSUME,
	OPT_DOLLAR,
	OPT_YEN,
	OPT_KR,
	OPT_LIST
};

static const struct cli_option options[] = {
    {OPT_KIND, "kind", CLI_REQUIRED, "LIST",
	"only these kinds: money, percent (comma-separated)"},
    {OPT_UNIT, "unit", CLI_REQUIRED, "LIST",
	"only these units: USD,EUR,%,pp,bp ..."},
    {OPT_ASSUME, "assume", CLI_REQUIRED, "SYM=CODE",
	"read the ambiguous SYM ($, ¥, kr, pesos ...) as CODE"},
    {OPT_DOLLAR, "dollar", CLI_REQUIRED, "CODE", "same as --assume='$=CODE'"},
    {OPT_YEN, "yen", CLI_REQUIRED, "CODE", "same as --assume='¥=CODE'"},
    {OPT_KR, "kr", CLI_REQUIRED, "CODE", "same as --assume=kr=CODE"},
    {OPT_LIST, "list-currencies", CLI_NOARG, NULL,
	"print the currency table and exit"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static int list_currencies_wanted;

static int
valid_code(const char *c)
{
	return strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' &&
	    c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z';
}

static void
set_assume(const char *sym, size_t len, const char *code, const char *what)
{
	int g;

	if (!valid_code(code))
		cli_usage_error("%s: '%s' is not a currency code (three "
				"capital letters, e.g. CAD)",
		    what, code);
	for (g = 1; g < NGROUP; g++)
		if (strlen(groups[g].name) == len &&
		    memcmp(groups[g].name, sym, len) == 0)
			break;
	if (g == NGROUP && len == 6 && memcmp(sym, "dollar", 6) == 0)
		g = G_DOLLAR;
	if (g == NGROUP && len == 3 && memcmp(sym, "yen", 3) == 0)
		g = G_YEN;
	if (g < NGROUP)
		opt.assume[g] = code;
	else
		cli_usage_error("%s: unknown symbol '%.*s' (see "
				"extract-amounts(1))",
		    what, (int)len, sym);
}

/* The names of --kind, bit i for K_MONEY, K_PERCENT. */
static const char *const kind_names[] = {"money", "percent", NULL};

static void
handle_option(int code, const char *arg)
{
	const char *eq, *p;
	size_t l;
	char *u;

	switch (code) {
	case OPT_KIND:
		opt.kinds = cli_name_list("--kind", "kind", arg, kind_names);
		break;
	case OPT_UNIT:
		free(opt.units);
		l = strlen(arg);
		opt.units = u = xmalloc(l + 3);
		u[0] = ',';
		memcpy(u + 1, arg, l);
		u[l + 1] = ',';
		u[l + 2] = '\0';
		/* Codes in capitals; pp and bp in lower case. */
		for (u++; *u != '\0'; u += l + 1) {
			l = strcspn(u, ",");
			for (p = u; p < u + l; p++)
				u[p - u] = (char)(l == 2 &&
					    (lower(u[0]) == 'p' ||
						lower(u[0]) == 'b') &&
					    lower(u[1]) == 'p'
					? lower(*p)
					: (*p >= 'a' && *p <= 'z' ? *p - 32
								  : *p));
		}
		break;
	case OPT_ASSUME:
		eq = strchr(arg, '=');
		if (eq != NULL)
			set_assume(arg, (size_t)(eq - arg), eq + 1, "--assume");
		else
			cli_usage_error(
			    "--assume: expected SYM=CODE, got '%s'", arg);
		break;
	case OPT_DOLLAR:
		set_assume("$", 1, arg, "--dollar");
		break;
	case OPT_YEN:
		set_assume("\xc2\xa5", 2, arg, "--yen");
		break;
	case OPT_KR:
		set_assume("kr", 2, arg, "--kr");
		break;
	case OPT_LIST:
		list_currencies_wanted = 1;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[--kind=LIST] [--unit=LIST] [--assume=SYM=CODE] [FILE]...",
    "Find money amounts and percentages; print each with its value and "
    "unit.",
    options, CLI_EXTRACTOR, handle_option,
    "Fields (tsv, jsonl): file line col text value unit kind qualifier "
    "range assumed\n"};

int
main(int argc, char **argv)
{
	static const char *const names[] = {"file", "line", "col", "text",
	    "value", "unit", "kind", "qualifier", "range", "assumed"};
	int first;

	memset(&opt, 0, sizeof(opt));
	opt.kinds = K_MONEY | K_PERCENT;
	found_any = 0;
	list_currencies_wanted = 0;
	spans = NULL;
	nspans = capspans = 0;
	lex_init();
	first = cli_parse(argc, argv, &spec);
	/* Separators go through the text view only; records say their
	 * file and line. */
	inputs_quiet_separators(common.format != FMT_TEXT || common.quiet);
	out_open(common.output, common.line_buffered);
	if (list_currencies_wanted) {
		list_currencies();
	} else {
		if (common.format == FMT_TSV && !common.quiet)
			rec_header(names, sizeof(names) / sizeof(names[0]));
		(void)inputs_run(
		    argv + first, argc - first, amounts_document, NULL);
	}
	free(spans);
	free(opt.units);
	lex_free();
	spans = NULL;
	opt.units = NULL;
	return prog_status(
	    out_close(!prog_trouble()), common.quiet && !found_any);
}
