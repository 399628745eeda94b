/*
 * extract-quotes - direct quotations in news text, with who said them.
 *
 * Record model: a paragraph is a line (blank lines separate paragraphs
 * too).  Each paragraph is scanned once for quotation marks; the text
 * outside the quotations is cut into tokens, with one token standing for
 * each quotation, and the attribution rules look at the tokens next to a
 * quotation: a speech verb with a name or pronoun after it ("...," said X,
 * "...," X said), before it in the same sentence (X said: "...", X said
 * that "...", according to X, "..."), then the speaker of the previous
 * quotation of the paragraph.  A quotation left open at the end of a
 * paragraph goes on when the next paragraph opens with a quotation mark
 * (the multi-paragraph convention) and is held until it closes; it is the
 * only state kept between paragraphs besides a small table of the people
 * and organisations named so far, for pronouns and surnames.
 *
 * Lines without a quotation mark byte are only scanned for names.
 *
 * Past the first MiB of a document a second thread (lib/readahead.c) reads
 * the lines, finds their quotations and cuts them into tokens ahead of the
 * main thread, which tracks names, attributes and prints: that split is
 * what makes the filter faster than one core allows.  The quotation scan
 * depends on the quotation held open from earlier paragraphs, so the
 * reading thread keeps its own copy of that (held_shape) and each
 * paragraph carries the state its scan assumed; the main thread uses the
 * work only when that state is its own, so the output never depends on
 * the threads.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "color.h"
#include "extract-quotes.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "readahead.h"
#include "record.h"
#include "xalloc.h"

static struct options opt;

enum { OPT_KIND = CLI_OWN, OPT_MIN_WORDS, OPT_ATTRIBUTED, OPT_LIST_WORDS };

static const struct cli_option options[] = {
    {OPT_KIND, "kind", CLI_REQUIRED, "LIST",
	"print only these kinds: full, partial, scare (comma list)"},
    {OPT_MIN_WORDS, "min-words", CLI_REQUIRED, "N",
	"drop partial and scare quotes of fewer than N words"},
    {OPT_ATTRIBUTED, "attributed-only", CLI_NOARG, NULL,
	"print only quotations with a speaker"},
    {OPT_LIST_WORDS, "list-words", CLI_NOARG, NULL,
	"print the built-in word lists and exit"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

/* The names of --kind, bit i for K_FULL, K_PARTIAL, K_SCARE. */
static const char *const kind_names[] = {"full", "partial", "scare", NULL};

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case OPT_KIND:
		opt.kinds = cli_name_list("--kind", "kind", arg, kind_names);
		break;
	case OPT_MIN_WORDS:
		opt.min_words = parse_num(arg, 0, 1000000, "--min-words");
		break;
	case OPT_ATTRIBUTED:
		opt.attributed_only = 1;
		break;
	case OPT_LIST_WORDS:
		opt.list_words = 1;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[--kind=LIST] [--min-words=N] [--attributed-only] [FILE]...",
    "Print the direct quotations of news text with their speakers.", options,
    CLI_EXTRACTOR, handle_option,
    "Kinds: full (a spoken sentence), partial (a fragment in the "
    "writer's sentence),\nscare (a term or title in quotes).  "
    "See extract-quotes(1) for the rules.\n"};

struct run run;

static const char *const fields[] = {
    "file", "line", "col", "quote", "speaker", "role", "verb", "kind"};

static const char *
kind_name(unsigned k)
{
	return k == K_FULL ? "full" : k == K_PARTIAL ? "partial" : "scare";
}

/* Print one quotation, if the options want it. */
void
emit(unsigned long long line, size_t col, const char *q, size_t qlen,
    const struct attr *a, unsigned kind)
{
	size_t w;

	uint32_t c;

	while (qlen > 0) {
		w = utf8_decode_back((const unsigned char *)q, qlen, &c);
		if (!is_space(c))
			break;
		qlen -= w;
	}
	while (qlen > 0 && is_space(char_at(q, qlen, 0, &w))) {
		q += w;
		qlen -= w;
	}
	if (qlen == 0 || !(opt.kinds & kind))
		return;
	if (kind != K_FULL && opt.min_words > 0 &&
	    count_words(q, qlen, (size_t)opt.min_words) < (size_t)opt.min_words)
		return;
	if (opt.attributed_only && a->slen == 0)
		return;
	run.found++;
	if (common.quiet) {
		run.stop = 1;
		return;
	}
	if (common.highlight)
		return;
	if (common.format == FMT_TEXT) {
		rec_text_prefix(run.file, line);
		if (common.color)
			out_puts(SGR_CYAN);
		out_puts("\xe2\x80\x9c");
		out_write(q, qlen);
		out_puts("\xe2\x80\x9d");
		if (common.color)
			out_puts(SGR_RESET);
		if (a->slen > 0) {
			out_puts(" \xe2\x80\x94 ");
			if (common.color)
				out_puts(SGR_BOLD SGR_YELLOW);
			out_write(a->speaker, a->slen);
			if (common.color)
				out_puts(SGR_RESET);
		}
		out_putc('\n');
		out_end_record();
		return;
	}
	rec_begin();
	rec_cstr("file", run.file);
	rec_int("line", (long long)line);
	rec_int("col", (long long)col);
	rec_str("quote", q, qlen);
	if (a->slen > 0)
		rec_str("speaker", a->speaker, a->slen);
	else
		rec_null("speaker");
	if (a->rlen > 0)
		rec_str("role", a->role, a->rlen);
	else
		rec_null("role");
	if (a->vlen > 0)
		rec_str("verb", a->verb, a->vlen);
	else
		rec_null("verb");
	rec_cstr("kind", kind_name(kind));
	rec_end();
}

/* Write the line with its quotations and speakers coloured. */
void
highlight_line(const struct line *ln)
{
	size_t pos = 0, i, x, b, e;
	int any;

	for (;;) {
		/* the next range after pos: a quote span or a speaker */
		b = e = ln->len;
		any = 0;
		for (i = 0; i < nspans; i++)
			if (spans[i].ob >= pos && spans[i].ob < b) {
				b = spans[i].ob;
				e = spans[i].end;
				any = 1;
			}
		for (x = 0; x < nspans && !long_mode; x++) {
			const struct attr *a = &pq[x].at;

			if (a->se > a->sb && a->sb >= pos && a->sb < b &&
			    (a->how == A_AFTER || a->how == A_BEFORE)) {
				b = a->sb;
				e = a->se;
				any = 2;
			}
		}
		out_write(ln->p + pos, b - pos);
		if (!any)
			break;
		out_puts(any == 1 ? SGR_CYAN : SGR_BOLD SGR_YELLOW);
		out_write(ln->p + b, e - b);
		out_puts(SGR_RESET);
		pos = e;
	}
	out_puts(ln->crlf ? "\r\n" : "\n");
	out_end_record();
}

static int
quotes_document(struct input *in, void *ctx)
{
	struct line ln;
	size_t after = ahead_after, seen = 0;
	int failed = 0;

	(void)ctx;
	run.file = in->name;
	memset(&doc, 0, sizeof(doc));
	while (!run.stop) {
		if (seen >= after) {
			if (quotes_ahead(in, &failed))
				break;
			after = (size_t)-1;
		}
		if (!input_next(in, &ln))
			break;
		process_line(&ln, in->lr.lineno, NULL, 0, 0);
		if (out_failed())
			return 1;
		seen += ln.len + 1;
	}
	if (failed)
		return 1;
	if (doc.pend.active && doc.pend.oq.what == 2)
		doc.pend.active = 0;
	pend_finish();
	return run.stop || out_failed();
}

int
main(int argc, char **argv)
{
	int first;

	memset(&opt, 0, sizeof(opt));
	opt.kinds = K_FULL | K_PARTIAL | K_SCARE;
	memset(&run, 0, sizeof(run));
	spans = NULL;
	nspans = spans_cap = 0;
	toks = NULL;
	ntoks = toks_cap = 0;
	pq = NULL;
	pq_cap = 0;
	first = cli_parse(argc, argv, &spec);
	/* Separators go through the text view only; records say their
	 * file and line. */
	inputs_quiet_separators(common.format != FMT_TEXT || common.quiet);
	lex_init();
	ahead_after = ra_threshold();
	out_open(common.output, common.line_buffered);
	if (opt.list_words) {
		list_words();
	} else {
		if (common.format == FMT_TSV && !common.quiet &&
		    !common.highlight)
			rec_header(fields, sizeof(fields) / sizeof(fields[0]));
		(void)inputs_run(
		    argv + first, argc - first, quotes_document, NULL);
	}
	free(spans);
	free(toks);
	free(pq);
	lex_free();
	buf_free(&run.pend_text);
	buf_free(&run.held);
	return prog_status(
	    out_close(!prog_trouble()), common.quiet && run.found == 0);
}
