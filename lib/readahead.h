/*
 * readahead.h - read a document's lines on a second thread.
 *
 * A filter whose work per line is heavy can hand the reading, and any
 * per-line work that needs no state of its own, to a producer thread: it
 * reads lines with input_next(), copies them into batches, calls the
 * filter's prepare() hook on each line (on its own thread), and passes
 * each full batch to the filter's main thread, which takes the lines in
 * order with ra_next().  Output stays on the main thread, so it is the
 * same whatever the threads' timing.
 *
 * A batch is handed over as soon as the next line is not already in the
 * read buffer, so `tail -f log | filter` still streams line by line.  A
 * line longer than RA_COPY_MAX is not copied: the producer waits until
 * the main thread is done with it, so memory stays bounded by the longest
 * line, as in the single-threaded loop.
 *
 * The lines and hook data of the batch being read and of the one before
 * it stay valid; ra_valid() says whether an older batch still is.
 */
#ifndef WINNOW_READAHEAD_H
#define WINNOW_READAHEAD_H

#include <pthread.h>

#include "buf.h"
#include "inputs.h"

/* Lines longer than this are lent, not copied. */
#define RA_COPY_MAX (1u << 20)

/* Batches in flight: the one being filled, the ones waiting, the one
 * being read and the one before it. */
#define RA_BATCHES 4

/* The filter's side of a batch. */
struct ra_hooks {
	/* Make the hook data of an empty batch (called once per batch). */
	void *(*data_new)(void *ctx);
	/* Empty the hook data before the batch is filled again. */
	void (*data_reset)(void *data, void *ctx);
	/* Work ahead on line number item of the batch (producer thread). */
	void (*prepare)(
	    void *data, size_t item, const struct line *ln, void *ctx);
	/* The producer's last call (its own clean-up). */
	void (*done)(void *ctx);
	void (*data_free)(void *data, void *ctx);
	void *ctx;
};

struct ra_item {
	size_t off; /* the line's bytes in the batch's text, unless lent */
	struct line ln;
	unsigned long long lineno;
};

struct ra_batch {
	struct buf text; /* the copied lines */
	struct ra_item *items;
	size_t n, items_cap;
	void *data;             /* the hooks' */
	unsigned long long seq; /* 1, 2, ... in the order filled */
	int lent;               /* items[0] points into the reader */
};

struct readahead {
	struct input *in;
	const struct ra_hooks *hooks;
	pthread_t thread;
	int wake[2]; /* a pipe: ra_finish() stops a producer waiting for input
		      */
	pthread_mutex_t lock;
	pthread_cond_t changed;
	struct ra_batch batch[RA_BATCHES];
	unsigned long long filled; /* batches handed over so far */
	unsigned long long taken;  /* batches the reader has begun */
	unsigned long long freed;  /* batches given back */
	int stop;                  /* the main thread wants no more */
	int done;                  /* the producer has finished */
	size_t cur;                /* in batch[(taken - 1) % RA_BATCHES] */
	int started;
};

/*
 * The number of bytes of a document after which a filter should move its
 * reading to a second thread: 1 MiB, or the environment variable
 * WINNOW_READAHEAD (bytes; "off" never), and never on a machine with one
 * processor unless the variable asks for it.  (size_t)-1 means never.
 */
size_t ra_threshold(void);

/*
 * Start reading in on a producer thread.  Returns 0 on success; -1 if no
 * thread could be made, and the caller goes on reading in itself.
 */
int ra_start(
    struct readahead *ra, struct input *in, const struct ra_hooks *hooks);

/*
 * The next line of the document, with its line number, the hook data of
 * its batch, its index there and the batch's sequence number.  Returns 0
 * at the end of the document.
 */
int ra_next(struct readahead *ra, struct line *ln, unsigned long long *lineno,
    void **data, size_t *item, unsigned long long *seq);

/* 1 if the lines and hook data of batch seq are still valid. */
int ra_valid(const struct readahead *ra, unsigned long long seq);

/*
 * Stop the producer (early, if the document is not at its end, even when
 * it waits for input) and release everything.
 */
void ra_finish(struct readahead *ra);

#endif
