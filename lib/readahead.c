/*
 * readahead.c - read a document's lines on a second thread.  See
 * readahead.h.
 *
 * Batch number s (1, 2, ...) lives in batch[(s - 1) % RA_BATCHES].  The
 * producer fills batch filled + 1 once the slot's last occupant has been
 * given back (freed); the main thread begins batch taken + 1 once it has
 * been filled.  Beginning batch t gives back batch t - 2, so that batch
 * t - 1 stays valid; a lent batch is given back as soon as it has been
 * read, since the producer waits for it before it reads on.
 */
#if defined(__linux__)
/* sched_getaffinity(), before any header */
#define _GNU_SOURCE
#endif

#include "readahead.h"

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "prog.h"
#include "xalloc.h"

/* A batch is handed over once it holds this much, at the latest. */
#define RA_BATCH_BYTES (256u << 10)

/* Bytes of a document read on the main thread before the producer starts,
 * by default: small inputs (one article, a test) never pay for a thread. */
#define RA_THRESHOLD (1u << 20)

/* The processors this process may run on. */
static long
processors(void)
{
#if defined(__linux__) && defined(CPU_COUNT)
	cpu_set_t set;

	/* taskset(1) and container limits show here, not in sysconf() */
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		return CPU_COUNT(&set);
#endif
	return sysconf(_SC_NPROCESSORS_ONLN);
}

size_t
ra_threshold(void)
{
	const char *s = getenv("WINNOW_READAHEAD");
	char *end;
	unsigned long long v;

	if (s != NULL && *s != '\0') {
		if (strcmp(s, "off") == 0)
			return (size_t)-1;
		errno = 0;
		v = strtoull(s, &end, 10);
		if (errno == 0 && *end == '\0' && *s >= '0' && *s <= '9')
			return v >= (size_t)-1 ? (size_t)-1 : (size_t)v;
	}
	return processors() > 1 ? RA_THRESHOLD : (size_t)-1;
}

static struct ra_batch *
slot(struct readahead *ra, unsigned long long seq)
{
	return &ra->batch[(seq - 1) % RA_BATCHES];
}

/* Producer: wait for a free slot and empty it; NULL when told to stop. */
static struct ra_batch *
claim(struct readahead *ra)
{
	struct ra_batch *b;

	pthread_mutex_lock(&ra->lock);
	while (!ra->stop && ra->filled - ra->freed >= RA_BATCHES)
		pthread_cond_wait(&ra->changed, &ra->lock);
	if (ra->stop) {
		pthread_mutex_unlock(&ra->lock);
		return NULL;
	}
	pthread_mutex_unlock(&ra->lock);
	b = slot(ra, ra->filled + 1);
	buf_reset(&b->text);
	b->n = 0;
	b->lent = 0;
	b->seq = ra->filled + 1;
	if (b->data == NULL && ra->hooks->data_new != NULL)
		b->data = ra->hooks->data_new(ra->hooks->ctx);
	if (ra->hooks->data_reset != NULL)
		ra->hooks->data_reset(b->data, ra->hooks->ctx);
	return b;
}

/* Producer: hand batch b over. */
static void
publish(struct readahead *ra, struct ra_batch *b)
{
	pthread_mutex_lock(&ra->lock);
	ra->filled = b->seq;
	pthread_cond_broadcast(&ra->changed);
	pthread_mutex_unlock(&ra->lock);
}

/* Producer: wait until batch seq has been given back; 0 when told to
 * stop. */
static int
wait_freed(struct readahead *ra, unsigned long long seq)
{
	int ok;

	pthread_mutex_lock(&ra->lock);
	while (!ra->stop && ra->freed < seq)
		pthread_cond_wait(&ra->changed, &ra->lock);
	ok = !ra->stop;
	pthread_mutex_unlock(&ra->lock);
	return ok;
}

/* Producer: add line ln to b (lent: b holds only it). */
static void
add_line(
    struct readahead *ra, struct ra_batch *b, const struct line *ln, int lent)
{
	struct ra_item *it;

	b->items =
	    xgrowarray(b->items, &b->items_cap, b->n + 1, sizeof(*it), 256);
	it = &b->items[b->n];
	it->ln = *ln;
	it->lineno = ra->in->lr.lineno;
	it->off = b->text.len;
	if (lent) {
		b->lent = 1;
	} else {
		buf_add(&b->text, ln->p, ln->len);
	}
	if (ra->hooks->prepare != NULL)
		ra->hooks->prepare(b->data, b->n, ln, ra->hooks->ctx);
	b->n++;
}

/*
 * Producer: the next line, or 0 at the end or when told to stop.  When
 * it must read, it first waits for input or for ra_finish() to stop it
 * early (a byte on the wake pipe): a pipe or a terminal may have nothing
 * more to say for a long time.
 */
static int
next_line(struct readahead *ra, struct line *ln, int ready)
{
	struct pollfd fds[2];

	if (!ready) {
		fds[0].fd = ra->in->lr.fd;
		fds[0].events = POLLIN;
		fds[1].fd = ra->wake[0];
		fds[1].events = POLLIN;
		for (;;) {
			fds[0].revents = fds[1].revents = 0;
			if (poll(fds, 2, -1) >= 0 || errno != EINTR)
				break;
		}
		if (fds[1].revents != 0)
			return 0;
	}
	return input_next(ra->in, ln);
}

static void *
produce(void *arg)
{
	struct readahead *ra = arg;
	struct ra_batch *b;
	struct line ln;
	int ready;

	b = claim(ra);
	while (b != NULL) {
		ready = lr_ready(&ra->in->lr);
		if (b->n > 0 && (!ready || b->text.len >= RA_BATCH_BYTES)) {
			/* hand over what there is rather than wait */
			publish(ra, b);
			b = claim(ra);
			continue;
		}
		if (!next_line(ra, &ln, ready))
			break;
		if (ln.len <= RA_COPY_MAX) {
			add_line(ra, b, &ln, 0);
			continue;
		}
		/* A long line is lent: alone in its batch, read in place,
		 * given back before the reader moves on. */
		if (b->n > 0) {
			publish(ra, b);
			b = claim(ra);
			if (b == NULL)
				break;
		}
		add_line(ra, b, &ln, 1);
		publish(ra, b);
		b = wait_freed(ra, b->seq) ? claim(ra) : NULL;
	}
	if (b != NULL && b->n > 0)
		publish(ra, b);
	if (ra->hooks->done != NULL)
		ra->hooks->done(ra->hooks->ctx);
	pthread_mutex_lock(&ra->lock);
	ra->done = 1;
	pthread_cond_broadcast(&ra->changed);
	pthread_mutex_unlock(&ra->lock);
	return NULL;
}

int
ra_start(struct readahead *ra, struct input *in, const struct ra_hooks *hooks)
{
	memset(ra, 0, sizeof(*ra));
	ra->in = in;
	ra->hooks = hooks;
	if (pipe(ra->wake) != 0)
		return -1;
	if (pthread_mutex_init(&ra->lock, NULL) != 0)
		goto no_mutex;
	if (pthread_cond_init(&ra->changed, NULL) != 0)
		goto no_cond;
	if (pthread_create(&ra->thread, NULL, produce, ra) != 0)
		goto no_thread;
	ra->started = 1;
	return 0;
no_thread:
	pthread_cond_destroy(&ra->changed);
no_cond:
	pthread_mutex_destroy(&ra->lock);
no_mutex:
	(void)close(ra->wake[0]);
	(void)close(ra->wake[1]);
	return -1;
}

int
ra_next(struct readahead *ra, struct line *ln, unsigned long long *lineno,
    void **data, size_t *item, unsigned long long *seq)
{
	struct ra_batch *b = ra->taken > 0 ? slot(ra, ra->taken) : NULL;
	struct ra_item *it;

	if (b == NULL || ra->cur >= b->n) {
		pthread_mutex_lock(&ra->lock);
		for (;;) {
			if (b != NULL && b->lent && ra->freed < ra->taken) {
				ra->freed = ra->taken;
				pthread_cond_broadcast(&ra->changed);
			}
			if (ra->filled > ra->taken) {
				ra->taken++;
				ra->cur = 0;
				if (ra->taken > 2 &&
				    ra->freed < ra->taken - 2) {
					ra->freed = ra->taken - 2;
					pthread_cond_broadcast(&ra->changed);
				}
				b = slot(ra, ra->taken);
				if (b->n > 0)
					break;
				continue;
			}
			if (ra->done) {
				pthread_mutex_unlock(&ra->lock);
				return 0;
			}
			pthread_cond_wait(&ra->changed, &ra->lock);
		}
		pthread_mutex_unlock(&ra->lock);
	}
	it = &b->items[ra->cur];
	*ln = it->ln;
	/* a batch of empty lines has no text buffer */
	if (!b->lent)
		ln->p = b->text.p != NULL ? b->text.p + it->off : "";
	*lineno = it->lineno;
	*data = b->data;
	*item = ra->cur++;
	*seq = b->seq;
	return 1;
}

int
ra_valid(const struct readahead *ra, unsigned long long seq)
{
	return seq > ra->freed && seq <= ra->taken;
}

void
ra_finish(struct readahead *ra)
{
	size_t i;
	int early;

	if (!ra->started)
		return;
	pthread_mutex_lock(&ra->lock);
	early = !ra->done;
	ra->stop = 1;
	pthread_cond_broadcast(&ra->changed);
	pthread_mutex_unlock(&ra->lock);
	/* The producer may be waiting for input that is slow to come. */
	if (early)
		(void)write(ra->wake[1], "", 1);
	pthread_join(ra->thread, NULL);
	(void)close(ra->wake[0]);
	(void)close(ra->wake[1]);
	pthread_cond_destroy(&ra->changed);
	pthread_mutex_destroy(&ra->lock);
	for (i = 0; i < RA_BATCHES; i++) {
		if (ra->batch[i].data != NULL && ra->hooks->data_free != NULL)
			ra->hooks->data_free(ra->batch[i].data, ra->hooks->ctx);
		buf_free(&ra->batch[i].text);
		free(ra->batch[i].items);
	}
	ra->started = 0;
}
