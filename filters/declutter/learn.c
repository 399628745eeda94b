/*
 * learn.c - repetition: fingerprint sets of lines.  In a document, a line
 * printed again ("Share", a paywall pitch twice) takes the category of its
 * first copy; with --learn, a first pass over the FILEs counts the
 * documents each line is in (each FILE, and each part of one between
 * document separators), and a line found in at least half of them (and
 * three) is site furniture ("Sign in", the footer).
 *
 * A set holds 64-bit fingerprints of the trimmed lines, never the lines:
 * memory is bounded by its cap (SEEN_CAP, LEARN_CAP), not by the input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "declutter.h"
#include "hash.h"
#include "inputs.h"
#include "lineio.h"
#include "scan.h"
#include "xalloc.h"

struct learning learning;

void
fpset_init(struct fpset *s, size_t cap, int with_doc)
{
	memset(s, 0, sizeof(*s));
	s->cap = cap;
	s->mask = 1023;
	s->key = xcalloc(s->mask + 1, sizeof(*s->key));
	s->val = xcalloc(s->mask + 1, 1);
	if (with_doc)
		s->doc = xcalloc(s->mask + 1, sizeof(*s->doc));
}

void
fpset_free(struct fpset *s)
{
	free(s->key);
	free(s->val);
	free(s->doc);
	memset(s, 0, sizeof(*s));
}

void
fpset_clear(struct fpset *s)
{
	memset(s->key, 0, (s->mask + 1) * sizeof(*s->key));
	s->used = 0;
	s->gen++;
}

/* The key fingerprint fp is kept under: 0 marks a free slot, so a
 * fingerprint of 0 is kept as 1. */
static uint64_t
fpset_key(uint64_t fp)
{
	return fp == 0 ? 1 : fp;
}

/* The first free slot of key[0..mask] from the slot of key k on. */
static size_t
free_slot(const uint64_t *key, size_t mask, uint64_t k)
{
	size_t j;

	for (j = k & mask; key[j] != 0; j = (j + 1) & mask)
		;
	return j;
}

static void
fpset_grow(struct fpset *s)
{
	size_t n = (s->mask + 1) * 2, i, j;
	uint64_t *key = xcalloc(n, sizeof(*key));
	unsigned char *val = xcalloc(n, 1);
	unsigned *docs = s->doc != NULL ? xcalloc(n, sizeof(*docs)) : NULL;

	for (i = 0; i <= s->mask; i++) {
		if (s->key[i] == 0)
			continue;
		j = free_slot(key, n - 1, s->key[i]);
		key[j] = s->key[i];
		val[j] = s->val[i];
		if (docs != NULL)
			docs[j] = s->doc[i];
	}
	free(s->key);
	free(s->val);
	free(s->doc);
	s->key = key;
	s->val = val;
	s->doc = docs;
	s->mask = n - 1;
	s->gen++;
}

/*
 * Find fp; with add, insert it when missing (val 0xFF).  Returns the slot,
 * or (size_t)-1 when it is missing and was not added.  *fresh tells an
 * insertion.  The set never grows past its cap: when full it is cleared
 * (per-document set) or stops taking new keys (learning set).
 */
size_t
fpset_find(struct fpset *s, uint64_t fp, int add, int *fresh)
{
	size_t j;

	fp = fpset_key(fp);
	*fresh = 0;
	for (j = fp & s->mask; s->key[j] != 0; j = (j + 1) & s->mask)
		if (s->key[j] == fp)
			return j;
	if (!add)
		return (size_t)-1;
	if (s->used + 1 > (s->mask + 1) / 2) {
		if ((s->mask + 1) * 2 > s->cap) {
			if (s->doc != NULL)
				return (size_t)-1;
			fpset_clear(s);
		} else {
			fpset_grow(s);
		}
		j = free_slot(s->key, s->mask, fp);
	}
	s->key[j] = fp;
	s->val[j] = 0xFF;
	if (s->doc != NULL)
		s->doc[j] = 0;
	s->used++;
	*fresh = 1;
	return j;
}

void
fpset_prefetch(const struct fpset *s, uint64_t fp)
{
	size_t j = fpset_key(fp) & s->mask;

	cache_prefetch(&s->key[j]);
	cache_prefetch(&s->val[j]);
}

/* The fingerprint of a line's reading: white space and a text browser's
 * bullets around it ignored ("  • Home" is "Home"). */
uint64_t
line_fp(const char *p, size_t len)
{
	p = line_reading(p, &len, NULL);
	return reading_fp(p, len);
}

uint64_t
reading_fp(const char *t, size_t n)
{
	return hash64(t, n, 0x6465636c75747472ULL);
}

uint64_t
prefix_fp(const char *p, size_t len)
{
	uint64_t h;

	if (len < COPY_PREFIX)
		return 0;
	h = hash64(p, COPY_PREFIX, 0x636f70792d6f6621ULL);
	return h != 0 ? h : 1;
}

/*
 * Count the lines of the documents of path (a document separator starts
 * the next one); *docno numbers the documents of the run.
 */
static void
learn_file(const char *path, unsigned *docno)
{
	struct linereader lr;
	struct line line;
	FILE *fp;
	size_t k;
	int fresh;

	fp = fopen(path, "r");
	if (fp == NULL)
		return; /* the second pass reports it */
	lr_init(&lr, fileno(fp));
	++*docno;
	while (lr_next(&lr, &line) > 0) {
		size_t len = line.len;

		if (line_is_separator(&line)) {
			++*docno;
			continue;
		}
		(void)line_reading(line.p, &len, NULL);
		if (len == 0)
			continue;
		k = fpset_find(
		    &learning.set, line_fp(line.p, line.len), 1, &fresh);
		if (k == (size_t)-1 || learning.set.doc == NULL ||
		    learning.set.doc[k] == *docno)
			continue;
		learning.set.doc[k] = *docno;
		if (learning.set.val[k] == 0xFF)
			learning.set.val[k] = 0;
		if (learning.set.val[k] < 254)
			learning.set.val[k]++;
	}
	lr_free(&lr);
	(void)fclose(fp);
}

void
learn(char **files, int nfiles)
{
	unsigned ndocs = 0;
	int i;

	fpset_init(&learning.set, LEARN_CAP, 1);
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") != 0)
			learn_file(files[i], &ndocs);
	if (ndocs < 3) {
		fpset_free(&learning.set);
		return;
	}
	/* In at least half the documents, and at least three. */
	learning.min = (ndocs + 1) / 2;
	if (learning.min < 3)
		learning.min = 3;
	if (learning.min > 254)
		learning.min = 254;
}
