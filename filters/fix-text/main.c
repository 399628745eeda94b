/*
 * fix-text - repair text as scraped: HTML character references left in,
 * mojibake (UTF-8 read as Windows-1252 or Latin-1, once or more), C1
 * controls, BOMs, zero-width characters, soft hyphens and ANSI colour
 * codes; with --typography also straighten quotes, dashes, odd spaces,
 * ligatures and full-width letters and digits.
 *
 * Records are lines.  Each line goes through the steps of fixtext.h in
 * order and is written once, repaired or as it was; everything that is
 * not one of these repairs stays byte for byte (no normalisation, no
 * white-space changes, invalid UTF-8 kept unless --replace).  A line with
 * nothing to repair is found by a scan of its bytes and copied: that is
 * the path nearly all of a clean text takes.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "fixtext.h"
#include "inputs.h"
#include "output.h"
#include "scan.h"
#include "utf8.h"

enum { OPT_EXPLAIN = CLI_OWN, OPT_REPLACE, OPT_SKIP };

static const struct cli_option options[] = {
    {'t', "typography", CLI_NOARG, NULL,
	"also straighten quotes, dashes, spaces, ligatures, full width"},
    {OPT_EXPLAIN, "explain", CLI_NOARG, NULL,
	"print what was repaired on which line instead of the text"},
    {OPT_REPLACE, "replace", CLI_NOARG, NULL,
	"turn bytes of invalid UTF-8 into U+FFFD (default: keep them)"},
    {OPT_SKIP, "skip", CLI_REQUIRED, "KINDS",
	"leave these repairs out: entity,mojibake,c1,control,invisible"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static const char *const kind_names[FX_NKINDS] = {"entity", "mojibake", "c1",
    "control", "invisible", "invalid", "typography"};

static struct options {
	int typography;
	int replace;
} opt;

int fx_explaining;
unsigned fx_skip;
const char *fx_codepage;

/* The document being read, for --explain's "FILE:LINE:" prefix. */
static const struct input *cur_in;
static unsigned long long cur_line;
static int many_inputs;

static void
parse_skip(const char *arg)
{
	const char *p = arg, *end;
	size_t k, len;

	for (;;) {
		end = strchr(p, ',');
		len = end != NULL ? (size_t)(end - p) : strlen(p);
		for (k = 0; k < FX_NKINDS; k++)
			if (strlen(kind_names[k]) == len &&
			    memcmp(kind_names[k], p, len) == 0 &&
			    k != FX_INVALID && k != FX_TYPO)
				break;
		if (k == FX_NKINDS)
			cli_usage_error("--skip: unknown kind '%.*s' (use "
					"entity, mojibake, c1, control, "
					"invisible)",
			    (int)len, p);
		fx_skip |= 1u << k;
		if (end == NULL)
			return;
		p = end + 1;
	}
}

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case 't':
		opt.typography = 1;
		break;
	case OPT_EXPLAIN:
		fx_explaining = 1;
		break;
	case OPT_REPLACE:
		opt.replace = 1;
		break;
	case OPT_SKIP:
		parse_skip(arg);
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {"[-t] [--explain] [--replace] "
				     "[--skip=KINDS] [FILE]...",
    "Repair mojibake, HTML character references and invisible junk in "
    "text; leave everything else as it is.",
    options, 0, handle_option,
    "Kinds of repair (--explain, --skip): entity, mojibake, c1, control,\n"
    "invisible; invalid (--replace) and typography (-t) are asked for.\n"};

/* ---- --explain ---- */

/* Write s[0..n) for --explain: invisible and broken characters escaped. */
static void
explain_text(const char *s, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	out_putc('"');
	while (i < n) {
		len = fx_decode(s + i, n - i, &cp);
		if (cp == UTF8_BAD)
			out_printf("\\x%02X", (unsigned char)s[i]);
		else if (cp == '"' || cp == '\\')
			out_printf("\\%c", (int)cp);
		else if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) ||
		    cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
		    (cp >= 0x2028 && cp <= 0x202F) ||
		    (cp >= 0x205F && cp <= 0x206F) || cp == 0xFEFF ||
		    (cp >= 0xFFF9 && cp <= 0xFFFC))
			out_printf("\\u{%04X}", (unsigned)cp);
		else
			out_write(s + i, len);
		i += len;
	}
	out_putc('"');
}

void
fx_note(enum fx_kind kind, const char *before, size_t bn, const char *after,
    size_t an)
{
	if (many_inputs)
		out_printf("%s:", cur_in->name);
	out_printf("%llu: %s", cur_line, kind_names[kind]);
	if (kind == FX_MOJIBAKE && fx_codepage != NULL)
		out_printf("(%s)", fx_codepage);
	out_putc(' ');
	explain_text(before, bn);
	out_puts(" -> ");
	explain_text(after, an);
	out_putc('\n');
	out_end_record();
}

/* ---- the fast path ---- */

/*
 * 1 when the byte at p[i] (i < n, not ASCII) may start something to
 * repair: C2 80-9F (C1 controls), C2 AD (soft hyphen), a character that
 * starts mojibake in some code page (fx_mojibake_at()), and the
 * invisible characters E2 80 8B (U+200B), E2 81 xx (U+2060, U+206A-F),
 * EF BB BF (U+FEFF) and EF BF B9-BC (U+FFF9-FFFC).
 */
static int
suspect_high(const unsigned char *p, size_t n, size_t i)
{
	switch (p[i]) {
	case 0xC2:
		if (i + 1 < n && (p[i + 1] <= 0x9F || p[i + 1] == 0xAD))
			return 1;
		break;
	case 0xE2:
		if (i + 2 < n &&
		    ((p[i + 1] == 0x80 && p[i + 2] == 0x8B) ||
			(p[i + 1] == 0x81 &&
			    (p[i + 2] == 0xA0 ||
				(p[i + 2] >= 0xAA && p[i + 2] <= 0xAF)))))
			return 1;
		break;
	case 0xEF:
		if (i + 2 < n &&
		    ((p[i + 1] == 0xBB && p[i + 2] == 0xBF) ||
			(p[i + 1] == 0xBF && p[i + 2] >= 0xB9 &&
			    p[i + 2] <= 0xBC)))
			return 1;
		break;
	default:
		break;
	}
	return p[i] >= 0xC2 && fx_mojibake_at((const char *)p + i, n - i);
}

/* The test of one byte, for the tail of the line and flagged bytes. */
static int
suspect_at(const unsigned char *p, size_t n, size_t i)
{
	unsigned char c = p[i];

	if (c >= 0x80)
		return suspect_high(p, n, i);
	return c == '&' || c == 0x7F ||
	    (c < 0x20 && c != '\t' && c != '\r' && c != '\f');
}

#if defined(SCAN_SSE2)
/*
 * The bytes of the 16 at p that suspect_at() must look at: ASCII
 * controls, '&', DEL, and the first bytes of characters from U+0080 on
 * (C2-FF, which a signed compare finds above C1); continuation bytes
 * and ordinary ASCII are passed over.
 */
static inline unsigned
sse_suspects(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)p);
	__m128i ascii = _mm_and_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
	    _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)));
	__m128i m =
	    _mm_or_si128(ascii, _mm_or_si128(sse_eq(v, '&'), sse_eq(v, 0x7F)));
	__m128i lead =
	    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xC1)),
		_mm_cmplt_epi8(v, _mm_setzero_si128()));

	return sse_bits(_mm_or_si128(m, lead));
}
#endif

/*
 * 1 when the line may hold something to repair (repair mode).  Sixteen
 * bytes at a time are tested for the starts of what suspect_at() looks
 * for (sse_suspects()); only the bytes flagged there are looked at one by
 * one, so a line of accented text with nothing to repair is one pass of
 * vector compares.
 */
static int
needs_repair(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

#if defined(SCAN_SSE2)
	while (i + 16 <= n) {
		unsigned m = sse_suspects(p + i);

		while (m != 0) {
			size_t k = i + (size_t)__builtin_ctz(m);

			if (suspect_at(p, n, k))
				return 1;
			m &= m - 1;
		}
		i += 16;
	}
#endif
	for (; i < n; i++)
		if ((p[i] < 0x20 || p[i] >= 0x7F || p[i] == '&') &&
		    suspect_at(p, n, i))
			return 1;
	return 0;
}

/* ---- the steps ---- */

static struct buf work[2];

/*
 * Run one step from *cur into the other work buffer; when it repaired
 * something, *cur and *len point to its result.
 */
static size_t
run_step(size_t (*step)(const char *, size_t, struct buf *), const char **cur,
    size_t *len, int *which)
{
	struct buf *to = &work[*which];
	size_t fixes;

	buf_reset(to);
	fixes = step(*cur, *len, to);
	if (fixes == 0)
		return 0;
	*cur = to->p != NULL ? to->p : "";
	*len = to->len;
	*which = !*which;
	return fixes;
}

/* Write one repaired line (or, under --explain, only its notes). */
static void
fix_line(const struct line *ln)
{
	const char *cur = ln->p;
	size_t len = ln->len, fixes = 0;
	int which = 0;

	if (opt.replace)
		fixes += run_step(fx_replace_invalid, &cur, &len, &which);
	if (!(fx_skip & (1u << FX_ENTITY)) && memchr(cur, '&', len) != NULL)
		fixes += run_step(fx_charref, &cur, &len, &which);
	if (!(fx_skip & (1u << FX_MOJIBAKE)) && fx_maybe_mojibake(cur, len))
		fixes += run_step(fx_mojibake, &cur, &len, &which);
	fixes += run_step(fx_invisible, &cur, &len, &which);
	if (opt.typography)
		fixes += run_step(fx_typography, &cur, &len, &which);
	if (fx_explaining)
		return;
	if (fixes == 0) {
		out_line(ln);
		return;
	}
	out_write(cur, len);
	out_write(ln->crlf ? "\r\n" : "\n", ln->crlf ? 2 : 1);
	out_end_record();
}

static int
fix_document(struct input *in, void *ctx)
{
	struct line ln;

	(void)ctx;
	cur_in = in;
	while (input_next(in, &ln)) {
		cur_line = in->lr.lineno;
		if (opt.typography || opt.replace || fx_skip != 0 ||
		    needs_repair(ln.p, ln.len))
			fix_line(&ln);
		else if (!fx_explaining)
			out_line(&ln);
		if (out_failed())
			return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int first, status;

	/* main() may run several times in one process: start afresh. */
	memset(&opt, 0, sizeof(opt));
	fx_explaining = 0;
	fx_skip = 0;
	cur_in = NULL;
	cur_line = 0;

	first = cli_parse(argc, argv, &spec);
	many_inputs = argc - first > 1;
	out_open(common.output, common.line_buffered);
	(void)inputs_run(argv + first, argc - first, fix_document, NULL);
	status = out_close(!prog_trouble());
	buf_free(&work[0]);
	buf_free(&work[1]);
	return status != EXIT_OK || prog_trouble() ? EXIT_TROUBLE : EXIT_OK;
}
