/*
 * cli.c - one parser for all the filters' options.
 */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "color.h"
#include "output.h"
#include "xalloc.h"

#ifndef VERSION
#define VERSION "unknown" /* the Makefile defines it from config.mk */
#endif

struct common_opts common;

enum {
	OPT_VERSION = CLI_COMMON,
	OPT_COLOR,
	OPT_LINE_BUFFERED,
	OPT_FORMAT,
	OPT_HIGHLIGHT,
	OPT_LABEL
};

static const struct cli_option common_options[] = {
    {'h', "help", CLI_NOARG, NULL, "print this help and exit"},
    {OPT_VERSION, "version", CLI_NOARG, NULL, "print the version and exit"},
    {OPT_COLOR, "color", CLI_OPTIONAL, "WHEN",
	"never, always or auto (default: auto)"},
    {'o', "output", CLI_REQUIRED, "FILE",
	"write to FILE, replaced only when the run succeeds"},
    {OPT_LINE_BUFFERED, "line-buffered", CLI_NOARG, NULL,
	"flush after each line (automatic on a terminal)"},
    {OPT_LABEL, "label", CLI_REQUIRED, "NAME",
	"call standard input NAME in messages and records"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static const struct cli_option extractor_options[] = {
    {OPT_FORMAT, "format", CLI_REQUIRED, "FMT",
	"text (default), tsv (with a header line) or jsonl"},
    {'H', "with-filename", CLI_NOARG, NULL,
	"prefix text output with FILE: (default with >1 file)"},
    {'n', "line-number", CLI_NOARG, NULL, "prefix text output with LINE:"},
    {OPT_HIGHLIGHT, "highlight", CLI_NOARG, NULL,
	"print the whole input with the found spans coloured"},
    {'q', "quiet", CLI_NOARG, NULL,
	"print nothing; exit 0 if anything was found, else 1"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

/* Room for a filter's own options plus the common ones. */
#define CLI_MAX_OPTIONS 64

static const struct cli_spec *cur_spec;

static void
print_usage_line(FILE *fp)
{
	(void)fprintf(fp, "usage: %s %s\n", progname, cur_spec->synopsis);
}

void
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	(void)fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	(void)vfprintf(stderr, fmt, ap);
	va_end(ap);
	(void)fputc('\n', stderr);
	if (cur_spec != NULL)
		print_usage_line(stderr);
	(void)fprintf(
	    stderr, "Try '%s --help' for more information.\n", progname);
	exit(EXIT_TROUBLE);
}

unsigned
cli_name_list(const char *opt, const char *what, const char *arg,
    const char *const *names)
{
	unsigned bits = 0;
	const char *p;
	size_t l, i, all;
	char *known, *k;

	for (p = arg;; p += l + 1) {
		l = strcspn(p, ",");
		for (i = 0; names[i] != NULL; i++)
			if (strlen(names[i]) == l &&
			    memcmp(p, names[i], l) == 0)
				break;
		if (names[i] == NULL) {
			/* "full, partial, scare" */
			for (all = 0, i = 0; names[i] != NULL; i++)
				all += strlen(names[i]) + 2;
			known = k = xmalloc(all + 1);
			for (i = 0; names[i] != NULL; i++)
				k += sprintf(
				    k, "%s%s", i > 0 ? ", " : "", names[i]);
			cli_usage_error("%s: unknown %s '%.*s' (%s)", opt, what,
			    (int)l, p, known);
		}
		bits |= 1u << i;
		if (p[l] == '\0')
			return bits;
	}
}

static void
print_options(const struct cli_option *o)
{
	char left[64];
	int n;

	for (; o->code != 0; o++) {
		if (o->code < CLI_OWN)
			n = snprintf(left, sizeof(left), "  -%c, --%s", o->code,
			    o->name);
		else
			n = snprintf(left, sizeof(left), "      --%s", o->name);
		if (n > 0 && (size_t)n < sizeof(left) && o->argname != NULL) {
			if (o->arg == CLI_OPTIONAL)
				(void)snprintf(left + n,
				    sizeof(left) - (size_t)n, "[=%s]",
				    o->argname);
			else
				(void)snprintf(left + n,
				    sizeof(left) - (size_t)n, "=%s",
				    o->argname);
		}
		if (strlen(left) < 28)
			(void)printf("%-28s%s\n", left, o->help);
		else
			(void)printf("%s\n%28s%s\n", left, "", o->help);
	}
}

static NORETURN void
print_help(void)
{
	print_usage_line(stdout);
	(void)printf("%s\n\nOptions:\n", cur_spec->summary);
	print_options(cur_spec->options);
	if (cur_spec->flags & CLI_EXTRACTOR) {
		(void)printf("\nOutput options:\n");
		print_options(extractor_options);
	}
	(void)printf("\nCommon options:\n");
	print_options(common_options);
	if (cur_spec->epilogue != NULL)
		(void)printf("\n%s", cur_spec->epilogue);
	(void)printf(
	    "\nWith no FILE, or when FILE is -, read standard input."
	    "\nExit status: 0 success, %s2 trouble.\nSee %s(1) for details.\n",
	    cur_spec->flags & CLI_EXTRACTOR ? "1 nothing found (with -q), "
					    : "",
	    progname);
	if (fflush(stdout) != 0 || ferror(stdout))
		pdie_sys("write error");
	exit(EXIT_OK);
}

/* The option before optind lacks its argument: name it as it was written
 * (-o, --output, --out) with what it wants (FILE). */
static NORETURN void
missing_argument(const char *word, int code)
{
	const struct cli_option *tables[] = {
	    cur_spec->options, common_options, extractor_options};
	const struct cli_option *o;
	const char *argname = NULL;
	size_t i;

	for (i = 0; i < 3 && argname == NULL; i++)
		for (o = tables[i]; o->code != 0; o++)
			if (o->code == code)
				argname = o->argname;
	if (strncmp(word, "--", 2) == 0)
		cli_usage_error("option '%.*s' requires an argument%s%s%s",
		    (int)strcspn(word, "="), word, argname ? " (" : "",
		    argname ? argname : "", argname ? ")" : "");
	cli_usage_error("option '-%c' requires an argument%s%s%s", code,
	    argname ? " (" : "", argname ? argname : "", argname ? ")" : "");
}

static size_t
count_options(const struct cli_option *o)
{
	size_t n = 0;

	while (o[n].code != 0)
		n++;
	return n;
}

/* Append the table to the getopt_long arrays. */
static void
add_options(const struct cli_option *o, struct option *lo, size_t *nlo,
    char *shorts, size_t *nshort)
{
	static const int has_arg[] = {
	    no_argument, required_argument, optional_argument};

	for (; o->code != 0; o++) {
		lo[*nlo].name = o->name;
		lo[*nlo].has_arg = has_arg[o->arg];
		lo[*nlo].flag = NULL;
		lo[*nlo].val = o->code;
		(*nlo)++;
		if (o->code < CLI_OWN) {
			shorts[(*nshort)++] = (char)o->code;
			/* A short option with an optional argument takes
			 * it as -x ARG too. */
			if (o->arg != CLI_NOARG)
				shorts[(*nshort)++] = ':';
		}
	}
}

static enum out_format
parse_format(const char *arg)
{
	if (strcmp(arg, "text") == 0)
		return FMT_TEXT;
	if (strcmp(arg, "tsv") == 0)
		return FMT_TSV;
	if (strcmp(arg, "jsonl") == 0 || strcmp(arg, "json") == 0)
		return FMT_JSONL;
	cli_usage_error(
	    "--format: unknown format '%s' (text, tsv, jsonl)", arg);
}

int
cli_parse(int argc, char **argv, const struct cli_spec *spec)
{
	/* Static, not allocated: a usage error leaves through exit(). */
	static struct option lo[CLI_MAX_OPTIONS + 1];
	static char shorts[CLI_MAX_OPTIONS * 2 + 3];
	size_t total, nlo = 0, nshort = 0;
	int c, color_when = COLOR_AUTO, with_filename = -1;
	int extractor = (spec->flags & CLI_EXTRACTOR) != 0;

	prog_init(argc, argv);
	cur_spec = spec;
	memset(&common, 0, sizeof(common));
	total = count_options(spec->options) + count_options(common_options) +
	    (extractor ? count_options(extractor_options) : 0);
	if (total > CLI_MAX_OPTIONS)
		pdie("too many options (%zu): raise CLI_MAX_OPTIONS", total);
	memset(lo, 0, sizeof(lo));
	memset(shorts, 0, sizeof(shorts));
	shorts[nshort++] = '+'; /* stop at the first operand */
	shorts[nshort++] = ':'; /* report a missing argument as ':' */
	add_options(spec->options, lo, &nlo, shorts, &nshort);
	add_options(common_options, lo, &nlo, shorts, &nshort);
	if (extractor)
		add_options(extractor_options, lo, &nlo, shorts, &nshort);

	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
		switch (c) {
		case 'h':
			print_help();
		case OPT_VERSION:
			(void)printf("%s (winnow) %s\n", progname, VERSION);
			if (fflush(stdout) != 0 || ferror(stdout))
				pdie_sys("write error");
			exit(EXIT_OK);
		case OPT_COLOR:
			color_when = color_parse(optarg);
			if (color_when < 0)
				cli_usage_error("--color: unknown value '%s' "
						"(never, always, auto)",
				    optarg);
			break;
		case 'o':
			/* Two -o would write one file and silently drop the
			 * other's output. */
			if (common.output != NULL)
				cli_usage_error("-o given twice ('%s', '%s')",
				    common.output, optarg);
			if (*optarg == '\0')
				cli_usage_error("-o: the file name is empty");
			common.output = optarg;
			break;
		case OPT_LINE_BUFFERED:
			common.line_buffered = 1;
			break;
		case OPT_LABEL:
			common.label = optarg;
			break;
		case OPT_FORMAT:
			common.format = parse_format(optarg);
			break;
		case 'H':
			with_filename = 1;
			break;
		case 'n':
			common.line_number = 1;
			break;
		case OPT_HIGHLIGHT:
			common.highlight = 1;
			break;
		case 'q':
			common.quiet = 1;
			break;
		case ':':
			missing_argument(argv[optind - 1], optopt);
		case '?':
			if (optopt != 0 && optopt < CLI_OWN)
				cli_usage_error(
				    "invalid option -- '%c'", optopt);
			cli_usage_error(
			    "unrecognized option '%s'", argv[optind - 1]);
		default:
			spec->handle(c, optarg);
			break;
		}
	}
	if (common.highlight) {
		if (common.format != FMT_TEXT)
			cli_usage_error("--highlight prints text; it cannot "
					"be combined with --format");
		color_when = COLOR_ALWAYS;
	}
	/* An output replaced by the run must not be one of its inputs. */
	out_reset();
	if (common.output != NULL && strcmp(common.output, "-") != 0) {
		out_claim("-o", common.output);
		if (optind >= argc)
			out_check_input("-");
		for (c = optind; c < argc; c++)
			out_check_input(argv[c]);
	}
	common.color = color_decide(
	    color_when, common.output != NULL ? -1 : STDOUT_FILENO);
	common.with_filename =
	    with_filename >= 0 ? with_filename : argc - optind > 1;
	return optind;
}
