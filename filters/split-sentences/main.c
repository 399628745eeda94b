/*
 * split-sentences - one sentence a line, the input bytes unchanged.
 *
 * Each input line is a paragraph (blank lines separate paragraphs too).
 * Each sentence of it is written on a line of its own, in order, as the
 * input bytes with only the white space around it left out, so that
 * `split-sentences | tr '\n' ' '` gives back the paragraph's words.  In
 * text output one blank line separates the sentences of one paragraph
 * from those of the next, so that paragraphs stay visible to whatever
 * reads on (dedupe-lines passes blank lines, `grep .` drops them).
 *
 * This file reads the input and writes the output; split.c decides where
 * sentences end, from the word lists of lexicon.c (*.words).
 *
 * Records (--format=tsv, jsonl): file, line, col (1-based byte column of
 * the sentence in its line), offset (0-based byte offset in the document),
 * paragraph (1-based, in the document), sentence (1-based, in the
 * paragraph), text.  A document is a file, or the part of one between
 * separator lines (a lone form feed, see lib/inputs.h): line numbers,
 * offsets and paragraphs count from there.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "color.h"
#include "inputs.h"
#include "lexicon.h"
#include "output.h"
#include "record.h"
#include "split.h"

/* One document (file) being read, and where its output stands. */
struct doc {
	struct input *in;
	unsigned long long lineno; /* the paragraph's line */
	uint64_t line_off;         /* its first byte's offset in the file */
	int crlf;                  /* it ended in \r\n */
	unsigned long long para;   /* paragraphs with a sentence so far */
	unsigned long long sent;   /* sentences of this paragraph so far */
	int in_sentence;           /* a sentence's first piece is out */
	int blank_pending; /* a paragraph was written: blank line next */
};

static int found_any;

static void
newline(const struct doc *d)
{
	if (d->crlf)
		out_write("\r\n", 2);
	else
		out_putc('\n');
}

/* The start of a sentence's record or line. */
static void
sentence_start(struct doc *d, uint64_t off)
{
	if (d->sent == 0)
		d->para++;
	d->sent++;
	d->in_sentence = 1;
	if (common.highlight) {
		out_puts(d->sent % 2 ? SGR_BOLD : SGR_CYAN);
		return;
	}
	if (common.format == FMT_TEXT) {
		if (d->sent == 1 && d->blank_pending)
			newline(d);
		if (common.with_filename || common.line_number)
			rec_text_prefix(d->in->name, d->lineno);
		return;
	}
	rec_begin();
	rec_cstr("file", d->in->name);
	rec_int("line", (long long)d->lineno);
	rec_int("col", (long long)off + 1);
	rec_int("offset", (long long)(d->line_off + off));
	rec_int("paragraph", (long long)d->para);
	rec_int("sentence", (long long)d->sent);
	/* the text last, written piece by piece as it comes */
	rec_open("text");
}

static void
emit(enum ss_kind kind, const char *p, size_t len, uint64_t off, void *ctx)
{
	struct doc *d = ctx;

	if (kind != SS_GAP)
		found_any = 1;
	if (common.quiet)
		return;
	if (kind == SS_GAP) {
		if (common.highlight)
			out_write(p, len);
		return;
	}
	if (!d->in_sentence)
		sentence_start(d, off);
	if (common.highlight || common.format == FMT_TEXT)
		out_write(p, len);
	else
		rec_piece(p, len);
	if (kind == SS_PIECE)
		return;
	d->in_sentence = 0;
	if (common.highlight) {
		out_puts(SGR_RESET);
		return;
	}
	if (common.format == FMT_TEXT) {
		newline(d);
		out_end_record();
		return;
	}
	rec_close();
	rec_end();
}

/*
 * Lines longer than this come in pieces (lr_set_pieces()), and only a
 * window of such a line is held: its sentences go out piece by piece.
 * WINNOW_PIECE (bytes) sets it, so that tests can prove that the window
 * changes nothing.
 */
static size_t piece_size = 1 << 20;

/* The window over a line that comes in pieces: bytes still needed. */
static struct buf window;

static int
sentences_document(struct input *in, void *ctx)
{
	struct line line;
	struct splitter sp;
	struct doc d;
	uint64_t line_len = 0;
	int in_line = 0;

	(void)ctx;
	memset(&d, 0, sizeof(d));
	d.in = in;
	lr_set_pieces(&in->lr, piece_size);
	while (input_next(in, &line)) {
		if (!in_line) {
			/* lineno counts the line when its last piece is in */
			d.lineno = in->lr.lineno + (line.partial ? 1 : 0);
			d.sent = 0;
			ss_begin(&sp, emit, &d);
			window.len = 0;
			line_len = 0;
			in_line = 1;
		}
		/* a piece's sentences end as the line before did (\r\n or
		 * \n): its own ending is not known before its last piece */
		if (!line.partial)
			d.crlf = line.crlf;
		line_len += line.len;
		if (!line.partial && window.len == 0) {
			(void)ss_feed(&sp, line.p, line.len, 1);
		} else {
			size_t used;

			buf_add(&window, line.p, line.len);
			used =
			    ss_feed(&sp, window.p, window.len, !line.partial);
			memmove(window.p, window.p + used, window.len - used);
			window.len -= used;
		}
		if (out_failed() || (common.quiet && found_any))
			return 1;
		if (line.partial)
			continue;
		in_line = 0;
		if (common.highlight && !common.quiet) {
			newline(&d);
			out_end_record();
		}
		if (d.sent > 0)
			d.blank_pending = 1;
		d.line_off +=
		    line_len + (line.nonl ? 0 : 1) + (line.crlf ? 1 : 0);
	}
	return 0;
}

/* ---- options ---- */

enum { OPT_LIST_WORDS = CLI_OWN };

static const struct cli_option options[] = {
    {OPT_LIST_WORDS, "list-words", CLI_NOARG, NULL,
	"print the built-in word lists (list, word) and exit"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static int list_words_wanted;

static void
handle_option(int code, const char *arg)
{
	(void)arg;
	if (code == OPT_LIST_WORDS)
		list_words_wanted = 1;
}

static const struct cli_spec spec = {
    "[-Hnq] [--format=FMT] [--highlight] [FILE]...",
    "Write each sentence of each paragraph (line) on a line of its own, "
    "the input bytes unchanged.",
    options, CLI_EXTRACTOR, handle_option,
    "Text output: one sentence a line, a blank line between paragraphs.\n"
    "Fields (tsv, jsonl): file line col offset paragraph sentence text\n"};

int
main(int argc, char **argv)
{
	static const char *const names[] = {
	    "file", "line", "col", "offset", "paragraph", "sentence", "text"};
	int first, status;

	found_any = 0;
	list_words_wanted = 0;
	ss_init();
	if (getenv("WINNOW_PIECE") != NULL) {
		unsigned long long v;

		if (str_to_size(getenv("WINNOW_PIECE"), &v) == NULL && v > 0 &&
		    v < ((size_t)1 << 40))
			piece_size = (size_t)v;
	}
	first = cli_parse(argc, argv, &spec);
	out_open(common.output, common.line_buffered);
	if (list_words_wanted) {
		lex_list_words();
	} else {
		if (common.format == FMT_TSV && !common.quiet &&
		    !common.highlight)
			rec_header(names, sizeof(names) / sizeof(names[0]));
		/* a document separator is a line of text, not a record */
		inputs_quiet_separators(
		    common.format != FMT_TEXT || common.quiet);
		(void)inputs_run(
		    argv + first, argc - first, sentences_document, NULL);
	}
	buf_free(&window);
	status = common.quiet && !found_any ? EXIT_NOMATCH : EXIT_OK;
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble()
	    ? EXIT_TROUBLE
	    : status;
}
