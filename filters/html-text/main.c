/*
 * html-text - HTML in, the text a reader sees out, one block a line.
 *
 * Each FILE is a document: its bytes are decoded to UTF-8 (decode.c),
 * tokenized (tokenize.c), given structure by the stack of open elements
 * (tree.c) and written as innerText lines (text.c) as they come; with
 * --main the lines wait in a bounded buffer with their markup until the
 * end of the document, which chooses the article (blocks.c).  Between
 * two documents html-text writes a line holding only a form feed, the
 * suite's document separator; such a line in its input ends a document
 * too (source.c).  Memory is constant whatever the input:
 * a chunk, a capped element stack, a tag's few attributes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "cli.h"
#include "decode.h"
#include "inputs.h"
#include "options.h"
#include "output.h"
#include "prog.h"
#include "source.h"
#include "text.h"
#include "tokenize.h"
#include "tree.h"

#define SNIFF_BYTES 1024 /* where a <meta charset> must be */

struct options opt;

enum { OPT_CHARSET = CLI_OWN, OPT_EXPLAIN, OPT_LIST_WORDS };

static const struct cli_option options[] = {
    {'a', "alt", CLI_NOARG, NULL, "write image alt text, in brackets"},
    {OPT_CHARSET, "charset", CLI_REQUIRED, "ENC",
	"the encoding of pages that declare none (default UTF-8)"},
    {OPT_EXPLAIN, "explain", CLI_NOARG, NULL,
	"with --main: every line with its verdict and why"},
    {OPT_LIST_WORDS, "list-words", CLI_NOARG, NULL,
	"print the built-in class and id word lists and exit"},
    {'m', "main", CLI_NOARG, NULL,
	"only the main content (the article), chosen by its markup"},
    {'t', "title", CLI_NOARG, NULL, "write the <title> as the first line"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static char charset_store[64];

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case 'a':
		opt.alt = 1;
		break;
	case 'm':
		opt.main = 1;
		break;
	case 't':
		opt.title = 1;
		break;
	case OPT_EXPLAIN:
		opt.explain = 1;
		opt.main = 1;
		break;
	case OPT_LIST_WORDS:
		opt.list_words = 1;
		break;
	case OPT_CHARSET:
		opt.charset = charset_lookup(
		    arg, strlen(arg), charset_store, sizeof(charset_store));
		if (opt.charset == NULL)
			cli_usage_error(
			    "--charset: unknown encoding '%s'", arg);
		break;
	}
}

static const struct cli_spec spec = {
    "[-amt] [--charset=ENC] [--explain] [FILE]...",
    "Write the text of HTML pages, one block a line, as a browser's "
    "innerText.",
    options, 0, handle_option,
    "Each FILE is a document; a line holding only a form feed separates\n"
    "documents.  Encoding: byte order mark, <meta charset>, --charset,\n"
    "else UTF-8.\n"};

static struct {
	size_t size; /* bytes a read(2) asks for */
	unsigned long documents;
	struct source src;     /* the operand being read */
	unsigned long operand; /* its index, for continued documents */
	struct tok *tok;
	struct decoder dec;
} run;

static void
feed(const char *p, size_t n, int eof)
{
	const char *d;
	size_t dn;

	d = dec_feed(&run.dec, p, n, eof, &dn);
	if (dn > 0)
		tok_feed(run.tok, d, dn);
}

/*
 * One document: an operand, or the part of one up to a separator line.
 * lib/inputs calls this again after a separator (in->at_separator), and
 * writes that separator itself; the separator between two operands is
 * written here.
 */
static int
html_document(struct input *in, void *ctx)
{
	char head[SNIFF_BYTES], store[64];
	const char *cs, *p;
	size_t nhead = 0, skip, n;
	struct source *s = &run.src;

	(void)ctx;
	if (s->buf == NULL || run.operand != in->index) {
		src_free(s);
		src_init(s, in->lr.fd, run.size);
		run.operand = in->index;
		/* A document that cannot be read at all is none. */
		n = src_next(s, &p, sizeof(head));
		if (n == 0 && s->failed) {
			errno = s->err;
			pwarn_sys("%s", in->label);
			prog_set_trouble();
			src_free(s);
			return 0;
		}
		if (run.documents > 0) {
			out_write("\f\n", 2);
			out_end_record();
		}
		if (n > 0)
			memcpy(head, p, n);
		nhead = n;
	} else {
		/* The next document after a separator. */
		s->at_sep = 0;
	}
	run.documents++;
	/* The first 1024 bytes name the encoding. */
	while (nhead < sizeof(head) &&
	    (n = src_next(s, &p, sizeof(head) - nhead)) > 0) {
		memcpy(head + nhead, p, n);
		nhead += n;
	}
	cs = charset_sniff(head, nhead, &skip, store, sizeof(store));
	if (cs == NULL)
		cs = opt.charset;
	if (dec_start(&run.dec, cs) != 0)
		(void)dec_start(&run.dec, NULL);
	tree_begin();
	text_begin(opt.main);
	if (opt.main)
		blk_begin();
	run.tok = tok_new();
	feed(head + skip, nhead - skip, 0);
	while (!out_failed() && (n = src_next(s, &p, run.size)) > 0)
		feed(p, n, 0);
	if (s->failed) {
		errno = s->err;
		pwarn_sys("%s", in->label);
		prog_set_trouble();
	}
	feed("", 0, 1);
	tok_finish(run.tok);
	tree_finish();
	if (opt.main)
		blk_finish();
	tok_free(run.tok);
	run.tok = NULL;
	dec_end(&run.dec);
	if (s->at_sep && !s->failed)
		in->at_separator = 1;
	else
		src_free(s);
	return out_failed();
}

int
main(int argc, char **argv)
{
	int first, status;

	/* main() may run several times in one process: start afresh. */
	memset(&opt, 0, sizeof(opt));
	memset(&run, 0, sizeof(run));
	run.dec.cd = (iconv_t)-1;
	first = cli_parse(argc, argv, &spec);
	run.size = lr_default_bufsize();
	out_open(common.output, common.line_buffered);
	if (opt.list_words)
		blk_list_words();
	else
		(void)inputs_run(
		    argv + first, argc - first, html_document, NULL);
	status = out_close(!prog_trouble());
	src_free(&run.src);
	tree_begin();
	blk_free();
	return status != EXIT_OK || prog_trouble() ? EXIT_TROUBLE : EXIT_OK;
}
