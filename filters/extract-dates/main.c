/*
 * extract-dates - find date and time expressions in English news text and
 * print each with its value in ISO 8601 with the TIMEX3 extensions.
 *
 * Record model: one expression found in one line ("March 10", "last
 * week", "from 7 a.m. to 8 p.m. on Tuesday", "the third quarter of
 * 2024"): its span, its value ("2025-03-10", "2025-W10",
 * "2025-03-11T07:00/2025-03-11T20:00", "2024-Q3") and its kind (date,
 * time, interval).  Expressions never span lines.
 *
 * Relative expressions are read against the anchor of the document: the
 * date of its dateline ("WASHINGTON, March 10 (Reuters) -"), else --ref,
 * else none (see emit.c for what is written then).  A document is a file
 * operand, or the text between form-feed lines (lib/inputs calls
 * dates_document() again for each: the anchor starts afresh).
 *
 * The parts: scan.c finds candidates and cuts tokens, parse.c reads and
 * resolves an expression, compose.c joins two found side by side into
 * one ("between Jan 2019 and today"), anchor.c knows datelines and tenses,
 * calendar.c counts days, lexicon.c holds the *.words lists, emit.c
 * writes records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "dates.h"
#include "emit.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "xalloc.h"

struct options opt;

static int found_any;
/* the number of the line being read (in->lr.lineno) */
static unsigned long long line_no;

/* --highlight: the spans of the current line */
static struct out_span *spans;
static size_t nspans, capspans;

/* The anchor a document starts with: --ref, or none. */
static void
anchor_reset(struct anchor *an)
{
	memset(an, 0, sizeof(*an));
	an->hh = an->mm = -1;
	if (opt.have_ref) {
		an->have = 1;
		an->days = opt.ref_days;
		an->hh = opt.ref_hh;
		an->mm = opt.ref_mm;
	}
}

static void
found(const struct expr *e, const struct anchor *an, const struct input *in,
    const struct line *line)
{
	found_any = 1;
	if (common.quiet)
		return;
	if (common.highlight) {
		if (nspans == capspans) {
			capspans = capspans ? capspans * 2 : 16;
			spans = xreallocarray(spans, capspans, sizeof(*spans));
		}
		spans[nspans].beg = e->beg;
		spans[nspans].end = e->end;
		spans[nspans].sgr = SGR_BOLD SGR_CYAN;
		nspans++;
		return;
	}
	emit_expr(e, an, in->name, line_no, line->p);
}

/* The remembered day: "the following day" counts from it. */
static void
remember(struct anchor *an, const struct expr *e)
{
	const struct tv *v = e->b.grain ? &e->b : &e->a;

	if (v->grain >= G_DAY) {
		an->last = days_from_civil(v->y, v->m, v->d);
		an->have_last = 1;
		an->sday = an->last;
		an->send = e->end;
		an->have_sday = 1;
		an->have_speriod = 0;
	} else if (!e->b.grain && !v->fiscal &&
	    (v->grain == G_MONTH || v->grain == G_QUARTER ||
		v->grain == G_HALF)) {
		an->speriod = *v;
		an->have_speriod = 1;
	}
}

/*
 * The dateline, if the line opens with one: it becomes the anchor; its
 * year, when not written, is the one that puts it on or before --ref.
 */
static size_t
dateline(struct anchor *an, const struct input *in, const struct line *line)
{
	struct anchor tmp = *an;
	struct expr e;
	long days;

	if (opt.no_dateline)
		return 0;
	if (!tmp.have) {
		/* without --ref a dateline needs its year */
		tmp.have = 1;
		tmp.days = 0;
	}
	tmp.tense = -1;
	memset(&e, 0, sizeof(e));
	if (!find_dateline(line->p, line->len, &tmp, &days, &e))
		return 0;
	if (e.xyear && !an->have)
		return 0;
	an->have = 1;
	an->days = days;
	an->hh = an->mm = -1;
	an->from_line = 1;
	an->last = days;
	an->have_last = 1;
	e.relative = e.xyear = 0;
	found(&e, an, in, line);
	return e.end;
}

/*
 * The line's tokens are read once, through a sliding window; the parser
 * runs at each trigger token (a number, a tag, a month, a weekday, a unit
 * ...), with at least WIN_RIGHT tokens after it when the line has them.
 */
static void
scan_line(struct anchor *an, const struct input *in, const struct line *line)
{
	struct window w;
	struct expr two[2], *e = &two[0], *pend = &two[1], *t;
	size_t floor, pend_floor = 0;
	const char *s = line->p;
	size_t n = line->len;
	int h, cur, npend = 0;

	an->have_sday = an->have_speriod = 0;
	floor = dateline(an, in, line);
	if (!has_candidate(s, n, floor))
		return; /* no digit, no trigger word */
	tokenize(&w, s, n, floor, floor);
	for (cur = 0;; cur = h + 1) {
		h = window_next_trigger(&w, cur);
		/* Slide the window where a walk over every token would:
		 * at the first token from cur on that has fewer than
		 * WIN_RIGHT tokens after it (and WIN_LEFT before), when
		 * that comes before the next head.  Each head then sees the
		 * very tokens it always did. */
		if (window_more(&w)) {
			int at = w.nt - WIN_RIGHT + 1;

			if (at < WIN_LEFT + 1)
				at = WIN_LEFT + 1;
			if (at < cur)
				at = cur;
			if (h >= at && at < w.nt) {
				h = at - window_slide(&w, at - WIN_LEFT) - 1;
				continue; /* look again from token at */
			}
		}
		if (h >= w.nt)
			break;
		if (w.t[h].beg < floor)
			continue;
		w.head = h;
		if (!parse_at(&w, an, floor, e) || e->end <= w.t[h].beg)
			continue;
		if (e->a.grain != G_NONE) {
			compose_lead(e, s, n, floor, an); /* eight tonight */
			/* kept back until the next one: the two may be one
			 * ("between Jan 2019 and today", compose.c) */
			if (npend &&
			    compose_exprs(pend, e, s, n, pend_floor, an)) {
				remember(an, pend);
			} else {
				if (npend &&
				    compose_tail(pend, s, e->beg, pend_floor))
					remember(an, pend);
				if (npend)
					found(pend, an, in, line);
				t = pend, pend = e, e = t;
				pend_floor = floor;
				npend = 1;
				remember(an, pend);
				if (common.quiet) {
					found(pend, an, in, line);
					return;
				}
			}
			floor = pend->end;
		} else {
			if (npend)
				found(pend, an, in, line); /* a set between */
			npend = 0;
			floor = e->end;
		}
		while (h + 1 < w.nt && w.t[h + 1].beg < floor)
			h++;
		if (h + 1 >= w.nt && window_more(&w)) /* to the window's end */
			h -= window_slide(&w, h + 1);
	}
	if (npend) {
		if (compose_tail(pend, s, n, pend_floor))
			remember(an, pend);
		found(pend, an, in, line);
	}
}

/* One line of the document: its records (or its highlighted copy). */
static int
dates_line(struct anchor *an, struct input *in, struct line *line)
{
	nspans = 0;
	if (opt.each_line)
		anchor_reset(an);
	scan_line(an, in, line);
	if (common.highlight && !common.quiet)
		out_highlight(line, spans, nspans);
	return out_failed() || (common.quiet && found_any);
}

static int
dates_document(struct input *in, void *ctx)
{
	struct anchor an;
	struct line line;

	(void)ctx;
	anchor_reset(&an);
	while (input_next(in, &line)) {
		line_no = in->lr.lineno;
		if (dates_line(&an, in, &line))
			return 1;
	}
	return 0;
}

/* ---- options ---- */

enum {
	OPT_REF = CLI_OWN,
	OPT_LOCALE,
	OPT_OPEN,
	OPT_NODATELINE,
	OPT_EACH,
	OPT_LIST_WORDS
};

static const struct cli_option options[] = {
    {OPT_REF, "ref", CLI_REQUIRED, "DATE",
	"anchor for relative dates without a dateline: "
	"YYYY-MM-DD[THH:MM[:SS]]"},
    {OPT_LOCALE, "locale", CLI_REQUIRED, "LOC",
	"en-US (default: 3/4/2025 is March 4) or en-GB (4 March)"},
    {OPT_OPEN, "open-intervals", CLI_NOARG, NULL,
	"since X as X/.., until X as ../X (default: X)"},
    {OPT_NODATELINE, "no-dateline", CLI_NOARG, NULL,
	"do not take a dateline as the anchor"},
    {OPT_EACH, "each-line", CLI_NOARG, NULL,
	"every line is a document (a dateline anchors its line only)"},
    {OPT_LIST_WORDS, "list-words", CLI_NOARG, NULL,
	"print the built-in word lists and holiday names and exit"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static int list_words; /* --list-words */

/*
 * --list-words: every word of the *.words files, then every name of
 * holiday-table.def, one a line as LIST<TAB>WORD under a header, as
 * extract-quotes and html-text print theirs ("months<TAB>january",
 * "holiday-table<TAB>christmas ?day": a name in the table's own syntax).
 * LIST is the file the entry is in, so that it can be found and changed.
 */
static void
print_word_lists(void)
{
	const struct lexword *w;
	unsigned h;

	out_puts("list\tword\n");
	for (w = lex_words; w->w != NULL; w++) {
		out_puts(w->list);
		out_putc('\t');
		out_puts(w->w);
		out_putc('\n');
	}
	for (h = 0; h < holiday_first[26]; h++) {
		out_puts("holiday-table\t");
		out_puts(holidays[h].name);
		out_putc('\n');
	}
}

static int
parse_ref(const char *a)
{
	int y, m, d, hh = -1, mm = -1, ss = 0, n = 0;

	if (sscanf(a, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return 0;
	if (a[n] == 'T' || a[n] == ' ') {
		int k = 0;

		if (sscanf(a + n + 1, "%2d:%2d%n", &hh, &mm, &k) != 2 || k != 5)
			return 0;
		n += 1 + k;
		if (a[n] == ':') {
			if (sscanf(a + n + 1, "%2d%n", &ss, &k) != 1 || k != 2)
				return 0;
			n += 3;
		}
		if (hh > 23 || mm > 59 || ss > 60)
			return 0;
	}
	if (a[n] != '\0' || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return 0;
	opt.have_ref = 1;
	opt.ref_days = days_from_civil(y, m, d);
	opt.ref_hh = hh;
	opt.ref_mm = mm;
	return 1;
}

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case OPT_REF:
		if (!parse_ref(arg))
			cli_usage_error("--ref: '%s' is not a date "
					"(YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
			    arg);
		break;
	case OPT_LOCALE:
		if (strcmp(arg, "en-GB") == 0 || strcmp(arg, "en_GB") == 0)
			opt.day_first = 1;
		else if (strcmp(arg, "en-US") == 0 || strcmp(arg, "en_US") == 0)
			opt.day_first = 0;
		else
			cli_usage_error(
			    "--locale: unknown locale '%s' (en-US, en-GB)",
			    arg);
		break;
	case OPT_OPEN:
		opt.open_intervals = 1;
		break;
	case OPT_NODATELINE:
		opt.no_dateline = 1;
		break;
	case OPT_EACH:
		opt.each_line = 1;
		break;
	case OPT_LIST_WORDS:
		list_words = 1;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[--each-line] [--no-dateline] [--open-intervals] [--locale=LOC] "
    "[--ref=DATE] [FILE]...",
    "Find dates and times; print each with its ISO 8601 (TIMEX3) value.",
    options, CLI_EXTRACTOR, handle_option,
    "Fields (tsv, jsonl): file line col text value kind anchor\n"
    "Holidays are dated by their calendar in each year: fixed and n-th\n"
    "weekday days, Easter, the Hebrew, Islamic (Umm al-Qura), Chinese\n"
    "and Hindu lunar calendars (Holi, Diwali, Eid al-Fitr, Passover ...).\n"};

int
main(int argc, char **argv)
{
	int first, status;

	memset(&opt, 0, sizeof(opt));
	list_words = 0;
	found_any = 0;
	spans = NULL;
	nspans = capspans = 0;
	lex_init();
	first = cli_parse(argc, argv, &spec);
	out_open(common.output, common.line_buffered);
	if (list_words) {
		print_word_lists();
		return out_close(!prog_trouble()) != EXIT_OK ? EXIT_TROUBLE
							     : EXIT_OK;
	}
	if (common.format == FMT_TSV && !common.quiet && !common.highlight)
		emit_header();
	/* a form-feed line starts a new document (lib/inputs): a new anchor */
	inputs_quiet_separators(common.format != FMT_TEXT || common.quiet);
	(void)inputs_run(argv + first, argc - first, dates_document, NULL);
	free(spans);
	spans = NULL;
	status = common.quiet && !found_any ? EXIT_NOMATCH : EXIT_OK;
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble()
	    ? EXIT_TROUBLE
	    : status;
}
