/*
 * context.c - which currency an ambiguous sign or word means.
 *
 * "$", "¥", "kr", "pesos" ... name several currencies (the groups of
 * extract-amounts.h).  The country and city words of the line decide
 * ("Hong Kong ... $5 million" is HKD), then, for some groups, what the
 * document decided before (doc_memory), then the group's default; each
 * amount records how its currency was chosen (assumed: context, document,
 * default).  The line's other hints live here too: a line about weights
 * ("lost 20 pounds") or video lengths.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract-amounts.h"
#include "scan.h"

/* ---- per-document state ---- */

const char *doc_memory[NGROUP]; /* what context decided before */

/*
 * The dollar named in the line by a phrase ("Canadian dollars"), once.  A
 * substring search, cheap enough to run for every line with a bare "$".
 */
static void
dollar_context(struct scan *sc)
{
	const char *s = sc->s;
	size_t i, ws, we;
	const struct lex *x;
	int j;

	if (sc->dollar_done)
		return;
	sc->dollar_done = 1;
	for (i = 0; (i = find_bytes(s, sc->n, i, "ollar", 5)) < sc->n; i++) {
		if (i < 1 || lower((unsigned char)s[i - 1]) != 'd')
			continue;
		we = skip_space_back(sc, i - 1, 0);
		ws = word_start(sc, we, 0);
		if (we == i - 1 || ws == we)
			continue;
		x = lex_get(s + ws, we - ws);
		if (x == NULL || !(x->f & W_ADJ) || x->adj == NULL)
			continue;
		for (j = 0; j < 10 && groups[G_DOLLAR].members[j]; j++)
			if (strcmp(groups[G_DOLLAR].members[j], x->adj) == 0) {
				sc->dollar_phrase = x->adj;
				break;
			}
		if (sc->dollar_phrase != NULL)
			break;
	}
}

/* The first prefixed dollar (A$, C$) in the line: cents are its cents. */
static void
prefixed_dollar_context(struct scan *sc)
{
	const char *s = sc->s, *p;
	size_t i, k, b;

	if (sc->any_done)
		return;
	sc->any_done = 1;
	for (p = s; (p = memchr(p, '$', (size_t)(s + sc->n - p))) != NULL;
	     p++) {
		i = (size_t)(p - s);
		b = word_start(sc, i, 0);
		for (k = 0; b < i && dollar_prefixes[k].pre != NULL; k++)
			if (lc_eq(s + b, i - b, dollar_prefixes[k].pre)) {
				sc->any_dollar = dollar_prefixes[k].code;
				break;
			}
		if (sc->any_dollar != NULL)
			break;
	}
}

/* Whether the line names euros (€, euro): cents are then euro cents. */
static int
euro_context(struct scan *sc)
{
	const char *s = sc->s, *p;
	size_t i;

	if (sc->euro >= 0)
		return sc->euro;
	sc->euro = 0;

	for (p = s; (p = memchr(p, 0xe2, (size_t)(s + sc->n - p))) != NULL; p++)
		if (p + 2 < s + sc->n && memcmp(p, "\xe2\x82\xac", 3) == 0)
			return sc->euro = 1;
	for (i = 0; i + 3 < sc->n; i++)
		if ((s[i] == 'e' || s[i] == 'E') && lc_eq(s + i, 4, "euro"))
			return sc->euro = 1;
	return 0;
}

/* Gather the currencies of the places named in the line, once. */
/* Add a place's currency seen at pos; the list stays in line order. */
static void
ctx_add(struct scan *sc, const char *code, size_t pos)
{
	int j, k;

	for (j = 0; j < sc->nctx; j++)
		if (strcmp(sc->ctx[j], code) == 0) {
			if (sc->ctx_pos[j] <= pos)
				return;
			for (k = j; k + 1 < sc->nctx; k++) {
				sc->ctx[k] = sc->ctx[k + 1];
				sc->ctx_pos[k] = sc->ctx_pos[k + 1];
			}
			sc->nctx--;
			break;
		}
	if (sc->nctx == 8)
		return;
	for (j = sc->nctx; j > 0 && sc->ctx_pos[j - 1] > pos; j--) {
		sc->ctx[j] = sc->ctx[j - 1];
		sc->ctx_pos[j] = sc->ctx_pos[j - 1];
	}
	sc->ctx[j] = code;
	sc->ctx_pos[j] = pos;
	sc->nctx++;
}

/*
 * Gather the currencies of the places named in the line, once.  Places
 * are capitalised, so only words that begin with a capital are looked
 * up (found eight bytes at a time); "yuan" and "renminbi" are searched
 * for apart.
 */
static void
line_context(struct scan *sc)
{
	const unsigned char *s = (const unsigned char *)sc->s;
	const struct lex *x;
	size_t i = 0, e, n = sc->n;
	uint64_t caps;

	if (sc->ctx_done)
		return;
	sc->ctx_done = 1;
	while (i < n) {
		if (i + 8 <= n) {
			caps = swar_range(swar_load(s + i), 'A', 'Z');
			if (caps == 0) {
				i += 8;
				continue;
			}
#if defined(SCAN_SWAR)
			/* straight to the first capital of the eight */
			i += swar_first(caps);
#endif
		}
		if (!(s[i] >= 'A' && s[i] <= 'Z') ||
		    (i > 0 && is_alpha(s[i - 1]))) {
			i++;
			continue;
		}
		e = word_end_fast(s, n, i + 1);
		if (e - i >= 2 && e - i < TRIG_LEN &&
		    maybe_in(adj_second, adj_first, s + i, e - i) &&
		    (x = lex_get(sc->s + i, e - i)) != NULL && (x->f & W_ADJ) &&
		    x->adj != NULL)
			ctx_add(sc, x->adj, i);
		i = e;
	}
	for (i = 0; (i = find_bytes(sc->s, n, i, "yuan", 4)) < n; i++)
		ctx_add(sc, "CNY", i);
	for (i = 0; (i = find_bytes(sc->s, n, i, "renminbi", 8)) < n; i++)
		ctx_add(sc, "CNY", i);
}

int
in_group(int g, const char *code)
{
	int j;

	for (j = 0; j < 10; j++)
		if (groups[g].members[j] != NULL &&
		    strcmp(groups[g].members[j], code) == 0)
			return 1;
	return 0;
}

/*
 * The currency of group g in this line: an explicit adjective wins, then
 * --assume, then the line's context, then the document's, then the
 * default.  *how says which (NULL when explicit).  NULL: none fits.
 */
const char *
resolve(struct scan *sc, int g, const char *adj, const char **how)
{
	int j;

	*how = NULL;
	if (adj != NULL && in_group(g, adj))
		return adj;
	if (opt.assume[g] != NULL) {
		*how = "option";
		return opt.assume[g];
	}
	if (g == G_DOLLAR || g == G_CENT)
		dollar_context(sc);
	if (g == G_DOLLAR && sc->dollar_phrase != NULL) {
		*how = "context";
		return sc->dollar_phrase;
	}
	if (g == G_CENT) {
		*how = "context";
		if (sc->dollar_phrase != NULL)
			return sc->dollar_phrase;
		prefixed_dollar_context(sc);
		if (sc->any_dollar != NULL)
			return sc->any_dollar;
		if (euro_context(sc))
			return "EUR";
	}
	if (groups[g].use_line) {
		const char *best = NULL;
		size_t dist = (size_t)-1, d;

		/* The place named nearest to the amount decides. */
		line_context(sc);
		for (j = 0; j < sc->nctx; j++) {
			if (!in_group(g, sc->ctx[j]))
				continue;
			d = sc->ctx_pos[j] > sc->at ? sc->ctx_pos[j] - sc->at
						    : sc->at - sc->ctx_pos[j];
			if (d < dist) {
				dist = d;
				best = sc->ctx[j];
			}
		}
		if (best != NULL) {
			*how = "context";
			doc_memory[g] = best;
			return best;
		}
	}
	if (groups[g].use_doc && doc_memory[g] != NULL) {
		*how = "document";
		return doc_memory[g];
	}
	*how = "default";
	return groups[g].members[0];
}

int
ctx_has(struct scan *sc, const char *code)
{
	int j;

	line_context(sc);
	for (j = 0; j < sc->nctx; j++)
		if (strcmp(sc->ctx[j], code) == 0)
			return 1;
	return 0;
}

/* The line counts of video formats: 720p is not 7.20 GBP. */
int
video_lines(uint64_t m)
{
	switch (m) {
	case 240:
	case 360:
	case 480:
	case 576:
	case 720:
	case 1080:
	case 1440:
	case 2160:
	case 4320:
		return 1;
	default:
		return 0;
	}
}

/* Whether the line speaks of weights: then bare "N pounds" are weights. */
int
weight_line(struct scan *sc)
{
	static const char *const words[] = {
	    "weigh", "lb", "kg", "ounce", "heavier", "lighter", NULL};
	const char *p;
	size_t l;
	int k;

	if (sc->weight >= 0)
		return sc->weight;
	sc->weight = 0;

	for (k = 0; words[k] != NULL; k++) {
		l = strlen(words[k]);
		for (p = sc->s; (p = memchr(p, words[k][0],
				     (size_t)(sc->s + sc->n - p))) != NULL;
		     p++)
			if (p + l <= sc->s + sc->n &&
			    memcmp(p, words[k], l) == 0 &&
			    (l > 2 ||
				(p > sc->s && p[-1] == ' ' &&
				    (p + l == sc->s + sc->n ||
					!is_alpha((unsigned char)p[l]) ||
					p[l] == 's'))))
				return sc->weight = 1; /* lb, kg: words */
	}
	return 0;
}
