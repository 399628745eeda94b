/*
 * declutter - keep the article, drop the page furniture.
 *
 * Record model: a line, as lib/lineio gives it; each FILE operand is one
 * document (a page).  For every line declutter decides: content (the
 * headline, standfirst, paragraphs, sub-headings and lists of the story)
 * or furniture of one category (ad, paywall, account, newsletter, share,
 * comments, nav, related, media, legal, meta, label).
 *
 * The decision uses, in this order:
 *  - rules by category (built-in and from -r files), compiled once: rules
 *    that start with literal words are found through a prefix trie over
 *    the line's first bytes and tried alone; rules that start with a class
 *    are joined into one alternation per pair of first bytes (a marker
 *    group "()" ending each alternative tells which rule hit); contains
 *    rules are tried only on lines holding their literal text, found
 *    four bytes at a time through a bloom filter;
 *  - repetition: a line seen before in the document (fingerprint set) and,
 *    with --learn, a line found in many documents of the run;
 *  - line features: words, stopwords, terminal punctuation, capitals and
 *    digits, which say whether the line reads as prose;
 *  - context in a window of lines before and after: a short line between
 *    paragraphs is a sub-heading, between furniture it is furniture; the
 *    headline is the last headline-like line before the first paragraph;
 *    end markers ("Most viewed", "Comments") end the story.
 *
 * Lines wait in a ring of WINDOW slots until their lookahead is read, so
 * memory is bounded by the window (plus the capped fingerprint sets) and
 * output order is input order.
 *
 * This file holds the options, the loop over a document's lines and the
 * output; declutter.h says where the other parts are.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "declutter.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "xalloc.h"

struct options opt;

enum {
	OPT_NO_DEFAULT_RULES = CLI_OWN,
	OPT_KEEP,
	OPT_EXPLAIN,
	OPT_MARK,
	OPT_LIST_RULES,
	OPT_LEARN,
	OPT_NO_LEARN
};

static const struct cli_option options[] = {
    {'r', "rules", CLI_REQUIRED, "FILE",
	"add the rules in FILE (repeatable; format in declutter(1))"},
    {OPT_NO_DEFAULT_RULES, "no-default-rules", CLI_NOARG, NULL,
	"do not use the built-in rules"},
    {OPT_KEEP, "keep", CLI_REQUIRED, "CATS",
	"keep lines of these categories too (comma list)"},
    {'v', "invert", CLI_NOARG, NULL, "print only the dropped lines"},
    {OPT_EXPLAIN, "explain", CLI_NOARG, NULL,
	"print every line as V<TAB>CAT<TAB>WHY<TAB>TEXT"},
    {OPT_MARK, "mark", CLI_NOARG, NULL,
	"print every line, dropped ones dimmed and tagged"},
    {OPT_LIST_RULES, "list-rules", CLI_NOARG, NULL,
	"print the rules in force and exit"},
    {OPT_LEARN, "learn", CLI_NOARG, NULL,
	"drop lines that recur across the FILEs (default with 3+ files)"},
    {OPT_NO_LEARN, "no-learn", CLI_NOARG, NULL,
	"do not learn recurring lines across FILEs"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static void
parse_keep(const char *arg)
{
	const char *p = arg, *e;
	size_t n;
	int c;

	if (*arg == '\0')
		cli_usage_error("--keep: an empty list (name a category: ad "
				"paywall account newsletter share comments "
				"nav related media legal meta label)");
	while (*p != '\0') {
		e = strchr(p, ',');
		n = e == NULL ? strlen(p) : (size_t)(e - p);
		for (c = 0; c < NCAT; c++)
			if (strlen(cat_names[c]) == n &&
			    strncmp(cat_names[c], p, n) == 0)
				break;
		if (n == 0)
			cli_usage_error("--keep: an empty name in '%s'", arg);
		if (c < NCAT)
			opt.keep[c] = 1;
		else
			cli_usage_error(
			    "--keep: unknown category '%.*s' (ad "
			    "paywall account newsletter share comments nav "
			    "related media legal meta label)",
			    (int)n, p);
		p += n;
		if (*p == ',')
			p++;
	}
}

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case 'r':
		opt.rule_files = xreallocarray(opt.rule_files,
		    opt.nrule_files + 1, sizeof(*opt.rule_files));
		opt.rule_files[opt.nrule_files++] = arg;
		break;
	case OPT_NO_DEFAULT_RULES:
		opt.no_default_rules = 1;
		break;
	case OPT_KEEP:
		parse_keep(arg);
		break;
	case 'v':
		opt.invert = 1;
		break;
	case OPT_EXPLAIN:
		opt.explain = 1;
		break;
	case OPT_MARK:
		opt.mark = 1;
		break;
	case OPT_LIST_RULES:
		opt.list_rules = 1;
		break;
	case OPT_LEARN:
		opt.learn = 1;
		break;
	case OPT_NO_LEARN:
		opt.learn = 0;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[-v] [-r FILE]... [--keep=CATS] [--explain | --mark] [FILE]...",
    "Keep the article of a scraped page; drop ads, menus, paywall "
    "pitches and other page furniture.",
    options, 0, handle_option,
    "Categories: ad paywall account newsletter share comments nav related\n"
    "media legal meta label.  Rule file lines: CATEGORY KIND[,FLAGS] PCRE\n"
    "(KIND line, start or any; FLAGS end, weak).  --explain names why a\n"
    "line went: a rule, or a reason such as outside-article (below the\n"
    "story's end), teaser, comment or legal.  See declutter(1).\n"};
/* ------------------------------------------------------------------ */
/* Output.                                                             */

static void
write_line(const struct slot *s, const char *p, size_t len)
{
	struct line l;

	l.p = p;
	l.len = len;
	l.crlf = s->crlf;
	l.nonl = s->nonl;
	if (opt.explain) {
		out_putc(s->kept ? '+' : '-');
		out_putc('\t');
		out_puts(cat_names[s->cat]);
		out_putc('\t');
		out_puts(s->why);
		out_putc('\t');
		out_line(&l);
	} else if (opt.mark) {
		if (s->kept) {
			out_line(&l);
		} else if (common.color) {
			out_printf(SGR_DIM "[%s] ", cat_names[s->cat]);
			out_write(p, len);
			out_puts(SGR_RESET);
			out_puts(s->crlf ? "\r\n" : "\n");
		} else {
			out_printf("[%s] ", cat_names[s->cat]);
			out_line(&l);
		}
	} else if (s->kept != opt.invert) {
		out_line(&l);
	} else {
		return;
	}
	out_end_record();
}

/* Decide and write line i (its bytes are in the slot). */
static void
flush_one(unsigned long long i)
{
	struct slot *s = SLOT(i);

	decide(i);
	if (!s->huge)
		write_line(s, s->text.p, s->text.len);
	doc.done = i + 1;
}

/*
 * Classify line s, begun with classify_start(), from its bytes in the
 * slot; decide the oldest line once the lookahead is in.  Returns
 * nonzero on a write error.
 */
static int
finish_line(struct slot *s)
{
	struct line l = {0};

	/* An empty line's slot may never have held a byte: its buffer is
	 * still NULL, and classify() adds an offset to it (NULL + 0 is
	 * undefined behaviour; clang's UBSan stops on it). */
	l.p = s->text.p != NULL ? s->text.p : "";
	l.len = s->text.len;
	l.crlf = s->crlf;
	l.nonl = s->nonl;
	classify(s, &l);
	doc.next++;
	if (doc.next - doc.done > AHEAD)
		flush_one(doc.done);
	return out_failed();
}

/*
 * Read a document, deciding each line once its lookahead is in.  A line
 * is classified while the next one is read and begun (classify_start):
 * the fetches the next one starts from memory have the time of a whole
 * line to arrive.  A huge line is not copied, so it is classified at
 * once, from the reader's buffer.
 */
static int
declutter_document(struct input *in, void *ctx)
{
	struct line line;
	struct slot *s, *pending = NULL;

	(void)ctx;
	document_start(in->label, in->index);
	while (input_next(in, &line)) {
		/* The ring has room for one line past the lookahead. */
		s = SLOT(doc.next + (pending != NULL));
		s->huge = line.len > COPY_MAX;
		buf_reset(&s->text);
		if (!s->huge)
			buf_add(&s->text, line.p, line.len);
		classify_start(s, &line);
		if (pending != NULL && finish_line(pending))
			return 1;
		pending = NULL;
		if (!s->huge) {
			pending = s;
			continue;
		}
		/* Decide everything now; the line is written from the
		 * reader's buffer. */
		classify(s, &line);
		doc.next++;
		while (doc.done < doc.next)
			flush_one(doc.done);
		write_line(s, line.p, line.len);
		if (out_failed())
			return 1;
	}
	if (pending != NULL && finish_line(pending))
		return 1;
	while (doc.done < doc.next)
		flush_one(doc.done);
	return out_failed();
}

int
main(int argc, char **argv)
{
	int first, nfiles;

	/* The -r list of a run that left through exit() (a bad rule): the
	 * fuzz harness runs main() again in the same process. */
	free(opt.rule_files);
	memset(&opt, 0, sizeof(opt));
	memset(&learning, 0, sizeof(learning));
	opt.learn = -1;
	first = cli_parse(argc, argv, &spec);
	if (opt.explain && opt.mark)
		cli_usage_error("--explain and --mark exclude each other");
	nfiles = argc - first;
	rules_load();
	out_open(common.output, common.line_buffered);
	if (opt.list_rules) {
		rules_list();
		rules_free();
		free(opt.rule_files);
		opt.rule_files = NULL;
		return out_close(1);
	}
	features_init();
	window_init();
	if (opt.learn == 1 || (opt.learn == -1 && nfiles >= 3))
		learn(argv + first, nfiles);
	(void)inputs_run(argv + first, nfiles, declutter_document, NULL);
	window_free();
	features_free();
	fpset_free(&learning.set);
	rules_free();
	free(opt.rule_files);
	opt.rule_files = NULL;
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble()
	    ? EXIT_TROUBLE
	    : EXIT_OK;
}
