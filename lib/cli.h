/*
 * cli.h - command-line parsing shared by every filter.
 *
 * A filter describes its own options once, in a table of struct
 * cli_option; cli_parse() adds the options every filter has
 * (doc/contract.md, "Options every filter has"; with CLI_EXTRACTOR those
 * of "The extractors" too), parses with getopt_long (stopping at the
 * first operand, "--" ends options), prints --help from the same table
 * (so the help text and the parser cannot disagree), handles --version,
 * and reports usage errors as "NAME: message" plus the synopsis on
 * stderr, exit 2.
 */
#ifndef WINNOW_CLI_H
#define WINNOW_CLI_H

#include "prog.h"

enum cli_arg {
	CLI_NOARG,
	CLI_REQUIRED, /* --name=ARG or --name ARG, -x ARG */
	CLI_OPTIONAL  /* --name[=ARG] only */
};

/*
 * Codes of long-only options: a filter numbers its own from CLI_OWN up;
 * the common options use CLI_COMMON and up.
 */
#define CLI_OWN 0x100
#define CLI_COMMON 0x1000

struct cli_option {
	int code;         /* the short letter, or CLI_OWN + n */
	const char *name; /* long name without "--" */
	enum cli_arg arg;
	const char *argname; /* "FILE", shown in --help; NULL if none */
	const char *help;    /* one line for --help */
};

/* The filter kinds: extractors get the extractor options too. */
#define CLI_EXTRACTOR 0x1u

struct cli_spec {
	const char *synopsis; /* usage line after the name */
	const char *summary;  /* one sentence: what the filter does */
	const struct cli_option *options; /* ends with a zero code */
	unsigned flags;
	/*
	 * Handle one of the filter's own options.  arg is NULL for options
	 * without one.  Report a bad argument with cli_usage_error().
	 */
	void (*handle)(int code, const char *arg);
	const char *epilogue; /* printed after the options; NULL: none */
};

enum out_format { FMT_TEXT, FMT_TSV, FMT_JSONL };

/* The common options, after cli_parse(). */
struct common_opts {
	const char *output; /* -o FILE, NULL for standard output */
	int line_buffered;  /* --line-buffered */
	int color;          /* 1: colour the output (decided) */
	const char *label;  /* --label: standard input's name, NULL: "-" */
	/* extractors only */
	enum out_format format; /* --format */
	int with_filename;      /* -H, or more than one operand */
	int line_number;        /* -n */
	int highlight;          /* --highlight (implies colour) */
	int quiet;              /* -q */
};

extern struct common_opts common;

/*
 * Parse argv.  Returns the index of the first operand (optind).  Exits
 * for --help (status 0), --version (0) and usage errors (2).
 */
int cli_parse(int argc, char **argv, const struct cli_spec *spec);

/* "NAME: message", then the usage hint on stderr; exit 2. */
NORETURN void cli_usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);

/*
 * The bits of a comma list of names, as --kind=full,scare takes them: bit
 * i for names[i] (a list that ends with NULL).  Every item must be a name:
 * "--kind=" and "--kind=money," are refused, not read as "none", with the
 * usage error "OPT: unknown WHAT 'ITEM' (NAME, NAME ...)".
 * Usage: opt.kinds = cli_name_list("--kind", "kind", arg, kind_names);
 */
unsigned cli_name_list(const char *opt, const char *what, const char *arg,
    const char *const *names);

#endif
