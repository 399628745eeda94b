/*
 * dedupe-lines - write each line the first time its key is seen.
 *
 * Record model: a line, as lib/lineio gives it.  The key of a line is the
 * line itself, or the part -k or -e selects, normalised by -i, -S, -P, -N.
 * A line whose key was seen before is dropped (-v prints those instead);
 * with --near a line is also dropped when its word shingles resemble an
 * earlier kept line's.  Blank lines (empty, or only spaces and tabs) are
 * paragraph structure, not duplicates: they always pass unless -b.
 *
 * The seen set (lib/hashset) holds 128-bit fingerprints of the keys, not
 * the keys, so memory grows with the number of distinct keys, about 22
 * bytes each, not with their length.  --seen saves it to a file and loads
 * it back, so that runs over shards dedupe together.  -c, -d and -u
 * without -a must print lines at the end and keep one copy of each
 * distinct line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "hash.h"
#include "hashset.h"
#include "inputs.h"
#include "output.h"
#include "prog.h"
#include "rx.h"
#include "utf8.h"
#include "xalloc.h"

/* Key normalisation, and how the key was selected; also the flags word
 * of a seen-set file, so that a set is only used with the same keys. */
#define KEY_FOLD 0x01u   /* -i */
#define KEY_SPACE 0x02u  /* -S */
#define KEY_PUNCT 0x04u  /* -P */
#define KEY_PLAIN 0x08u  /* -N: typographic variants */
#define KEY_FIELDS 0x10u /* -k */
#define KEY_REGEX 0x20u  /* -e */
#define KEY_NORMALIZE (KEY_FOLD | KEY_SPACE | KEY_PUNCT | KEY_PLAIN)

/* The seen-set file: header, 16 bytes per fingerprint, checksum. */
#define SEEN_MAGIC "\x89WNSEEN\n"
#define SEEN_VERSION 1
#define SEEN_HEADER 32
#define SEEN_RECORD 16
#define SEEN_TRAILER 8
#define SEEN_CHUNK 4096 /* records per read or write */

/* --near: shingles of 3 words; 64 MinHash values, 8 bits of each kept. */
#define NEAR_WORDS 3
#define NEAR_HASHES 64
#define NEAR_SIG_BYTES NEAR_HASHES
#define NEAR_BLOCK 4096     /* signatures per allocation block */
#define NEAR_MAX_CHECKS 256 /* candidates verified per line at most */
/* The top half of a band's hash, kept in its index slot, which it also
 * chooses. */
#define BAND_TAG 0xffffffff00000000ULL
/* The index is cut in 16 by the tag's top bits, each part doubling on its
 * own, so that growing copies a sixteenth of it at a time. */
#define NEAR_INDEXES 16
#define NEAR_INDEX_OF(entry) ((size_t)((entry) >> 60))
#define NEAR_SLOT_OF(entry, mask) ((size_t)((entry) >> 32) & (mask))

enum { OPT_NEAR = CLI_OWN, OPT_SEEN, OPT_SEEN_FROM, OPT_MAX_MEMORY };

struct field_range {
	size_t lo, hi; /* 1-based, inclusive; hi SIZE_MAX: to the end */
};

static struct {
	unsigned norm;              /* KEY_FOLD ... KEY_PLAIN */
	struct field_range *fields; /* -k, nfields of them */
	size_t nfields;
	const char *sep;        /* -t, NULL: runs of blanks */
	const char *key_regex;  /* -e */
	int adjacent;           /* -a */
	int count;              /* -c */
	int repeated;           /* -d */
	int unique;             /* -u */
	int invert;             /* -v */
	int dedupe_blank;       /* -b */
	int near;               /* --near */
	double near_t;          /* its Jaccard threshold */
	const char *seen_file;  /* --seen */
	const char **seen_from; /* --seen-from, nseen_from of them */
	size_t nseen_from;
	unsigned long long max_memory; /* --max-memory, 0: none */
	const char *max_memory_arg;
} opt;

static const struct cli_option options[] = {
    {'a', "adjacent", CLI_NOARG, NULL,
	"only consecutive repeats count (like uniq)"},
    {'b', "dedupe-blank", CLI_NOARG, NULL,
	"treat blank lines like any other line"},
    {'c', "count", CLI_NOARG, NULL,
	"at the end, each distinct line with its count"},
    {'d', "repeated", CLI_NOARG, NULL,
	"only lines that occur more than once, once each"},
    {'e', "key-regex", CLI_REQUIRED, "REGEX",
	"the key is the match of REGEX (or its first group)"},
    {'i', "ignore-case", CLI_NOARG, NULL, "Unicode case folding"},
    {'k', "key", CLI_REQUIRED, "FIELDS",
	"the key is these fields: 2, 2-4, 1,3, 3- (like cut -f)"},
    {'N', "normalize", CLI_NOARG, NULL,
	"-i -S -P and typographic variants (quotes, dashes)"},
    {'P', "ignore-punct", CLI_NOARG, NULL, "punctuation is ignored"},
    {'S', "ignore-space", CLI_NOARG, NULL,
	"runs of white space count as one, ends trimmed"},
    {'t', "field-separator", CLI_REQUIRED, "SEP",
	"fields of -k are separated by SEP, not blanks"},
    {'u', "unique", CLI_NOARG, NULL, "only lines that occur exactly once"},
    {'v', "invert", CLI_NOARG, NULL, "print the lines that would be dropped"},
    {OPT_NEAR, "near", CLI_OPTIONAL, "T",
	"also drop near repeats: word-shingle Jaccard >= T (0.8)"},
    {OPT_SEEN, "seen", CLI_REQUIRED, "FILE",
	"load the seen set from FILE, save it back at the end"},
    {OPT_SEEN_FROM, "seen-from", CLI_REQUIRED, "FILE",
	"also load the seen set FILE, read only (repeatable)"},
    {OPT_MAX_MEMORY, "max-memory", CLI_REQUIRED, "SIZE",
	"bound the seen set (e.g. 512M); past it, stop with an error"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

/* The key of the current line is built here (not for exact keys). */
static struct buf keybuf;
/* The -N form of the line, for --near, when the key is not already it. */
static struct buf nearbuf;
static struct rx *key_rx;
static int rx_reported;

static struct hashset seen;

/* -a: the previous key, and with -c -d -u the group it starts. */
static struct {
	struct fp128 fp;
	int have;
	unsigned long long count;
	struct buf line;
	int crlf;
} prev;

/* -c -d -u without -a: the distinct lines in order of first appearance,
 * and a map from fingerprint to entry. */
struct tally_entry {
	unsigned long long count;
	size_t off, len; /* the line's bytes in tally.text */
	int crlf;
};
struct tally_slot {
	struct fp128 fp;
	size_t idx; /* entry index + 1; 0: empty */
};
static struct {
	struct tally_entry *e;
	size_t n, cap;
	struct buf text;
	struct tally_slot *map;
	size_t mask;
} tally;

/* --near: signatures of kept lines and the LSH band index over them. */
static struct {
	uint8_t **block; /* NEAR_BLOCK signatures each */
	size_t nblock, n;
	struct near_index {
		uint64_t *slot; /* tag << 32 | signature id + 1; 0: empty */
		size_t mask, used;
	} index[NEAR_INDEXES];
	int rows, bands, need; /* rows per band; equal values for a dup */
	/* The hash family: h(u) = ((u ^ seed) * mul1 ^ >> 7) * mul2, on
	 * 16 bits (mod 2^16, odd multipliers), a permutation of the 16-bit
	 * values that SSE2 computes eight at a time. */
	uint16_t seed[NEAR_HASHES], mul1[NEAR_HASHES], mul2[NEAR_HASHES];
	size_t bytes;
} near;

static int memory_exceeded;

static void
parse_fields(const char *arg)
{
	const char *p = arg;
	char *end;
	unsigned long long lo, hi;
	struct field_range r;

	for (;;) {
		lo = 1;
		hi = 0;
		if (*p >= '0' && *p <= '9') {
			errno = 0;
			lo = strtoull(p, &end, 10);
			if (errno != 0 || lo == 0 || lo > SIZE_MAX / 2)
				goto bad;
			p = end;
			hi = lo;
		}
		if (*p == '-') {
			p++;
			if (*p >= '0' && *p <= '9') {
				errno = 0;
				hi = strtoull(p, &end, 10);
				if (errno != 0 || hi < lo || hi > SIZE_MAX / 2)
					goto bad;
				p = end;
			} else if (p - 1 == arg || p[-2] == ',') {
				goto bad; /* a lone "-" */
			} else {
				hi = SIZE_MAX;
			}
		}
		if (hi == 0)
			goto bad;
		r.lo = (size_t)lo;
		r.hi = hi == SIZE_MAX ? SIZE_MAX : (size_t)hi;
		opt.fields = xreallocarray(
		    opt.fields, opt.nfields + 1, sizeof(*opt.fields));
		opt.fields[opt.nfields++] = r;
		if (*p == '\0')
			return;
		if (*p != ',')
			goto bad;
		p++;
	}
bad:
	cli_usage_error(
	    "-k: invalid field list '%s' (use 2, 2-4, 1,3 or 3-)", arg);
}

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case 'a':
		opt.adjacent = 1;
		break;
	case 'b':
		opt.dedupe_blank = 1;
		break;
	case 'c':
		opt.count = 1;
		break;
	case 'd':
		opt.repeated = 1;
		break;
	case 'e':
		/* One key per line: a second -e would silently replace the
		 * first. */
		if (opt.key_regex != NULL)
			cli_usage_error(
			    "-e given twice ('%s', '%s')", opt.key_regex, arg);
		opt.key_regex = arg;
		break;
	case 'i':
		opt.norm |= KEY_FOLD;
		break;
	case 'k':
		parse_fields(arg);
		break;
	case 'N':
		opt.norm |= KEY_NORMALIZE;
		break;
	case 'P':
		opt.norm |= KEY_PUNCT;
		break;
	case 'S':
		opt.norm |= KEY_SPACE;
		break;
	case 't':
		if (*arg == '\0')
			cli_usage_error("-t: the separator is empty");
		opt.sep = arg;
		break;
	case 'u':
		opt.unique = 1;
		break;
	case 'v':
		opt.invert = 1;
		break;
	case OPT_NEAR:
		opt.near = 1;
		opt.near_t =
		    arg == NULL ? 0.8 : parse_real(arg, 0.01, 1.0, "--near");
		break;
	case OPT_SEEN:
		if (opt.seen_file != NULL)
			cli_usage_error("--seen given twice ('%s', '%s')",
			    opt.seen_file, arg);
		opt.seen_file = arg;
		break;
	case OPT_SEEN_FROM:
		opt.seen_from = xreallocarray(
		    opt.seen_from, opt.nseen_from + 1, sizeof(*opt.seen_from));
		opt.seen_from[opt.nseen_from++] = arg;
		break;
	case OPT_MAX_MEMORY:
		opt.max_memory = parse_size(arg, "--max-memory");
		opt.max_memory_arg = arg;
		if (opt.max_memory == 0)
			cli_usage_error("--max-memory: must be more than 0");
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[-abcdiNPSuv] [-e REGEX | -k FIELDS [-t SEP]] [--near[=T]]\n"
    "    [--seen=FILE] [--seen-from=FILE]... [--max-memory=SIZE] [FILE]...",
    "Write each line the first time its key is seen; drop repeats.", options, 0,
    handle_option,
    "Blank lines always pass unless -b.  -c, -d and -u imply -b and keep\n"
    "the distinct lines in memory (not with -a).\n"};

static int
tallying(void)
{
	return opt.count || opt.repeated || opt.unique;
}

static void
check_options(void)
{
	if (opt.fields != NULL && opt.key_regex != NULL)
		cli_usage_error("-k and -e cannot be combined");
	if (opt.sep != NULL && opt.fields == NULL)
		cli_usage_error("-t needs -k");
	if (opt.invert && tallying())
		cli_usage_error("-v cannot be combined with -c, -d or -u");
	if (opt.near &&
	    (opt.adjacent || tallying() || opt.fields != NULL ||
		opt.key_regex != NULL))
		cli_usage_error("--near cannot be combined with -a, -c, -d, "
				"-u, -k or -e");
	if ((opt.seen_file != NULL || opt.nseen_from > 0) &&
	    (opt.adjacent || tallying()))
		cli_usage_error("--seen cannot be combined with -a, -c, -d "
				"or -u");
	if (tallying())
		opt.dedupe_blank = 1;
}

/* The memory of everything but the seen set, for --max-memory. */
static size_t
other_bytes(void)
{
	return near.bytes + tally.cap * sizeof(*tally.e) + tally.text.cap +
	    (tally.map == NULL ? 0 : (tally.mask + 1) * sizeof(*tally.map));
}

/* Give the seen set what the other structures leave of --max-memory;
 * returns -1 when they alone use it up. */
static int
account(void)
{
	size_t other = other_bytes();

	if (opt.max_memory == 0)
		return 0;
	if (other >= opt.max_memory) {
		memory_exceeded = 1;
		return -1;
	}
	hs_set_limit(&seen, (size_t)opt.max_memory - other);
	return 0;
}

static int
is_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}

/* ASCII classes for normalize(): KEY_SPACE for white space, KEY_PUNCT
 * for punctuation (so that masking with the key flags says what to skip),
 * and the case-folded byte. */
static unsigned char ascii_class[128], ascii_fold[128];

static void
ascii_tables(void)
{
	unsigned c;

	for (c = 0; c < 128; c++) {
		ascii_class[c] = 0;
		if (c == ' ' || (c >= '\t' && c <= '\r'))
			ascii_class[c] = KEY_SPACE;
		else if (uc_ispunct(c))
			ascii_class[c] = KEY_PUNCT;
		ascii_fold[c] =
		    (unsigned char)(c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
	}
}

/*
 * Append the normalised form of s[0..n) to out: typographic variants made
 * plain (KEY_PLAIN), white space runs as one space and none at the ends
 * (KEY_SPACE), punctuation gone (KEY_PUNCT), case folded (KEY_FOLD).
 * Invalid bytes are copied as they are.
 */
static void
normalize(struct buf *out, const char *s, size_t n, unsigned norm)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t start = out->len, k, i, nf;
	uint32_t cp, f[3];
	unsigned char *o;
	unsigned cls;
	int pending = 0;

	/* Folding turns a character into at most twice its bytes. */
	buf_reserve(out, 2 * n + 8);
	o = (unsigned char *)out->p + out->len;
	while (p < end) {
		cp = *p;
		if (cp < 0x80) {
			/* -N always comes with -P, which drops the one ASCII
			 * character uc_plain() changes (the backtick). */
			cls = ascii_class[cp] & norm;
			p++;
			if (cls == KEY_SPACE) {
				pending = o > (unsigned char *)out->p + start;
				continue;
			}
			if (cls == KEY_PUNCT)
				continue;
			if (pending)
				*o++ = ' ';
			pending = 0;
			*o++ = (norm & KEY_FOLD) ? ascii_fold[cp]
						 : (unsigned char)cp;
			continue;
		}
		k = utf8_decode(p, (size_t)(end - p), &cp);
		if (cp == UTF8_BAD) {
			if (pending)
				*o++ = ' ';
			pending = 0;
			*o++ = *p++;
			continue;
		}
		if (norm & KEY_PLAIN)
			cp = uc_plain(cp);
		p += k;
		if ((norm & KEY_SPACE) && uc_isspace(cp)) {
			pending = o > (unsigned char *)out->p + start;
			continue;
		}
		if ((norm & KEY_PUNCT) && uc_ispunct(cp))
			continue;
		if (pending)
			*o++ = ' ';
		pending = 0;
		if (cp < 0x80) {
			*o++ = (norm & KEY_FOLD) ? ascii_fold[cp]
						 : (unsigned char)cp;
			continue;
		}
		nf = 1;
		f[0] = cp;
		if (norm & KEY_FOLD)
			nf = uc_fold(cp, f);
		for (i = 0; i < nf; i++)
			o += utf8_encode(f[i], o);
	}
	out->len = (size_t)(o - (unsigned char *)out->p);
}

static int
field_wanted(size_t f)
{
	size_t i;

	for (i = 0; i < opt.nfields; i++)
		if (f >= opt.fields[i].lo && f <= opt.fields[i].hi)
			return 1;
	return 0;
}

static size_t
last_field_wanted(void)
{
	size_t i, last = 0;

	for (i = 0; i < opt.nfields; i++)
		if (opt.fields[i].hi > last)
			last = opt.fields[i].hi;
	return last;
}

/* Append a field to the key: its normalised bytes, then their length, so
 * that "a b" + "c" and "a" + "b c" make different keys. */
static void
add_field(const char *p, size_t n)
{
	size_t before = keybuf.len, len;
	unsigned char l[8];
	int i;

	if (opt.norm != 0)
		normalize(&keybuf, p, n, opt.norm);
	else
		buf_add(&keybuf, p, n);
	len = keybuf.len - before;
	for (i = 0; i < 8; i++)
		l[i] = (unsigned char)(len >> (8 * i));
	buf_add(&keybuf, l, sizeof(l));
}

/* -k: the wanted fields of p[0..n). */
static void
field_key(const char *p, size_t n)
{
	const char *end = p + n, *q, *fe;
	size_t f = 0, last = last_field_wanted(), seplen;

	if (opt.sep == NULL) {
		/* Fields are runs of non-blanks, as awk splits them. */
		q = p;
		for (;;) {
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (q == end)
				break;
			for (fe = q; fe < end && *fe != ' ' && *fe != '\t';
			     fe++)
				;
			if (++f > last)
				break;
			if (field_wanted(f))
				add_field(q, (size_t)(fe - q));
			q = fe;
		}
		return;
	}
	seplen = strlen(opt.sep);
	q = p;
	for (;;) {
		for (fe = q;
		     fe + seplen <= end && memcmp(fe, opt.sep, seplen) != 0;
		     fe++)
			;
		if (fe + seplen > end)
			fe = end;
		if (++f > last)
			break;
		if (field_wanted(f))
			add_field(q, (size_t)(fe - q));
		if (fe == end)
			break;
		q = fe + seplen;
	}
}

/* -e: the match, or its first group; the whole line when nothing
 * matches or the match runs away (reported once, exit 2 at the end). */
static void
regex_span(struct input *in, const char *p, size_t n, size_t *off, size_t *len)
{
	const size_t *ov;
	int rc;

	*off = 0;
	*len = n;
	rc = rx_search(key_rx, p, n, 0);
	if (rc > 0) {
		ov = rx_ovector(key_rx);
		if (rc > 1 && ov[2] != RX_UNSET && ov[3] >= ov[2]) {
			*off = ov[2];
			*len = ov[3] - ov[2];
		} else if (ov[1] >= ov[0]) {
			*off = ov[0];
			*len = ov[1] - ov[0];
		}
	} else if (rc < 0) {
		if (!rx_reported)
			pwarn("%s:%llu: %s, the key is the whole line",
			    in->label, in->lr.lineno, rx_error_string(rc));
		rx_reported = 1;
		prog_set_trouble();
	}
}

/* The fingerprint of the line's key. */
static struct fp128
key_of(struct input *in, const struct line *ln)
{
	size_t off, len;

	if (opt.fields != NULL) {
		buf_reset(&keybuf);
		field_key(ln->p, ln->len);
		return hash128(keybuf.p, keybuf.len, 0);
	}
	/* The whole line as written: a CRLF line's \r is part of its exact
	 * key, as awk, uniq and sort -u see it (-S trims it). */
	off = 0;
	len = ln->len + (size_t)ln->crlf;
	if (key_rx != NULL)
		regex_span(in, ln->p, ln->len, &off, &len);
	if (opt.norm == 0)
		return hash128(ln->p + off, len, 0);
	buf_reset(&keybuf);
	normalize(&keybuf, ln->p + off, len, opt.norm);
	return hash128(keybuf.p, keybuf.len, 0);
}

static void
emit(const struct line *ln)
{
	out_line(ln);
	out_end_record();
}

static int
fp_equal(struct fp128 a, struct fp128 b)
{
	return a.lo == b.lo && a.hi == b.hi;
}

/* ---- --near: MinHash signatures with LSH banding ---- */

static void
near_init(void)
{
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	double p;
	int k;

	for (k = 0; k < NEAR_HASHES; k++) {
		x = hash_mix64(x + 0x9e3779b97f4a7c15ULL);
		near.seed[k] = (uint16_t)x;
		near.mul1[k] = (uint16_t)(x >> 16) | 1;
		near.mul2[k] = (uint16_t)(x >> 32) | 1;
	}
	/* Rows per band: the band test lets through pairs well below T,
	 * which the signature comparison then sorts out. */
	if (opt.near_t >= 0.6)
		near.rows = 5; /* 12 bands: 0.99 of the pairs at J = 0.8 */
	else if (opt.near_t >= 0.35)
		near.rows = 2;
	else
		near.rows = 1;
	near.bands = NEAR_HASHES / near.rows;
	/* b-bit MinHash: unequal minima agree on 8 bits with probability
	 * 1/256, so P(equal) = J + (1 - J) / 256. */
	p = (opt.near_t + (1.0 - opt.near_t) / 256.0) * NEAR_HASHES;
	near.need = (int)p;
	if (near.need < p - 1e-9)
		near.need++; /* round up, without libm's ceil() */
}

static uint8_t *
near_sig(size_t id)
{
	return near.block[id / NEAR_BLOCK] + (id % NEAR_BLOCK) * NEAR_HASHES;
}

/* A 64-bit finaliser (murmur3's fmix64), inline: --near mixes several
 * words per shingle and per band, too often for a function call. */
static inline uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

/* The values of band b of a signature, as one word. */
static inline uint64_t
band_value(int b, const uint8_t *sig)
{
	const uint8_t *v = sig + (size_t)b * near.rows;
	uint64_t x = 0;
	int i;

	for (i = 0; i < near.rows; i++)
		x = x << 8 | v[i];
	return x;
}

/* Where band b of a signature goes in the index. */
static inline uint64_t
band_hash(int b, const uint8_t *sig)
{
	return mix64(
	    band_value(b, sig) + ((uint64_t)b + 1) * 0x9e3779b97f4a7c15ULL);
}

/* Stop with the --max-memory error if n more bytes would pass it. */
static int
afford(size_t n)
{
	if (opt.max_memory != 0 &&
	    seen.bytes + other_bytes() + n > opt.max_memory) {
		memory_exceeded = 1;
		return -1;
	}
	return 0;
}

/* Put the entry (hash's top half << 32 | id + 1) into its part of the
 * index, which has room.  Part and slot come from the top half too, so
 * that a bigger part can be filled from the entries alone. */
static void
band_put(struct near_index *x, uint64_t entry)
{
	size_t j = NEAR_SLOT_OF(entry, x->mask);

	while (x->slot[j] != 0)
		j = (j + 1) & x->mask;
	x->slot[j] = entry;
	x->used++;
}

/* Double a part of the index (or make it).  -1 past --max-memory. */
static int
band_grow(struct near_index *x)
{
	size_t oldcap = x->slot == NULL ? 0 : x->mask + 1, i;
	size_t cap = oldcap == 0 ? 256 : oldcap * 2;
	uint64_t *old = x->slot;

	/* The slot bits must stay below the 4 bits that chose the part. */
	if (cap > ((size_t)1 << 27) || afford(cap * sizeof(uint64_t)) != 0) {
		memory_exceeded = 1;
		return -1;
	}
	x->slot = xcalloc(cap, sizeof(uint64_t));
	near.bytes += cap * sizeof(uint64_t);
	x->mask = cap - 1;
	x->used = 0;
	for (i = 0; i < oldcap; i++)
		if (old[i] != 0)
			band_put(x, old[i]);
	free(old);
	near.bytes -= oldcap * sizeof(uint64_t);
	return 0;
}

/* The hash of a word: 8 bytes at a time, the tail byte by byte. */
static inline uint64_t
word_hash(const char *p, size_t n)
{
	uint64_t h = n * 0x9e3779b97f4a7c15ULL, v;
	size_t i;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&v, p, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (v = 0, i = 0; i < n; i++)
		v |= (uint64_t)(unsigned char)p[i] << (8 * i);
	return mix64(h ^ v);
}

/* Keep sig as the signature of a kept line; bh are its band hashes.
 * Returns -1 past --max-memory. */
static int
near_store(const uint8_t *sig, const uint64_t *bh)
{
	struct near_index *x;
	size_t id = near.n;
	int b;

	if (id >= UINT32_MAX - 1)
		return 0; /* ids are 32-bit; later lines go unindexed */
	if (id % NEAR_BLOCK == 0) {
		if (afford((size_t)NEAR_BLOCK * NEAR_SIG_BYTES) != 0)
			return -1;
		near.block = xreallocarray(
		    near.block, near.nblock + 1, sizeof(*near.block));
		near.block[near.nblock++] =
		    xmalloc((size_t)NEAR_BLOCK * NEAR_SIG_BYTES);
		near.bytes += (size_t)NEAR_BLOCK * NEAR_SIG_BYTES;
	}
	/* Each part at most three quarters full: the tags keep the probes
	 * of a band that is not there from touching any signature. */
	for (b = 0; b < near.bands; b++) {
		x = &near.index[NEAR_INDEX_OF(bh[b])];
		while (x->slot == NULL || (x->used + 1) * 4 > (x->mask + 1) * 3)
			if (band_grow(x) != 0)
				return -1;
	}
	memcpy(near_sig(id), sig, NEAR_SIG_BYTES);
	near.n++;
	for (b = 0; b < near.bands; b++)
		band_put(&near.index[NEAR_INDEX_OF(bh[b])],
		    (bh[b] & BAND_TAG) | ((uint64_t)id + 1));
	return account();
}

/*
 * --near: is the text p[0..n) a near repeat of a kept line?  Returns 1
 * if so, 0 if not (then its signature is kept, unless the line is too
 * short for shingles), -1 past --max-memory.  norm_ready: keybuf already
 * holds the -N form of the line.
 */
static int
near_check(const char *p, size_t n, int norm_ready)
{
	uint16_t mins[NEAR_HASHES], h;
	uint32_t checked[NEAR_MAX_CHECKS];
	uint64_t bhs[NEAR_HASHES];
	uint8_t sig[NEAR_HASHES];
	const uint8_t *cand;
	const struct near_index *part;
	const char *t, *end, *sp;
	uint64_t w0 = 0, w1 = 0, w, x, bv, bh;
	size_t words = 0, nchecked = 0, j, c, id;
	uint16_t u;
	int k, b, eq;

	if (norm_ready) {
		t = keybuf.p;
		end = t + keybuf.len;
	} else {
		buf_reset(&nearbuf);
		normalize(&nearbuf, p, n, KEY_NORMALIZE);
		t = nearbuf.p;
		end = t + nearbuf.len;
	}
	for (k = 0; k < NEAR_HASHES; k++)
		mins[k] = UINT16_MAX;
	/* The -N form has single spaces between words, none at the ends. */
	while (t < end) {
		sp = memchr(t, ' ', (size_t)(end - t));
		if (sp == NULL)
			sp = end;
		w = word_hash(t, (size_t)(sp - t));
		t = sp + 1;
		if (++words >= NEAR_WORDS) {
			x = mix64(w0 * 0x9e3779b97f4a7c15ULL +
			    w1 * 0xc2b2ae3d27d4eb4fULL + w);
			u = (uint16_t)(x ^ (x >> 16) ^ (x >> 32) ^ (x >> 48));
			for (k = 0; k < NEAR_HASHES; k++) {
				h = (uint16_t)((uint32_t)(u ^ near.seed[k]) *
				    near.mul1[k]);
				h = (uint16_t)((uint32_t)(h ^ (h >> 7)) *
				    near.mul2[k]);
				if (h < mins[k])
					mins[k] = h;
			}
		}
		w0 = w1;
		w1 = w;
	}
	if (words < NEAR_WORDS + 1)
		return 0; /* too short: the exact key decides */
	for (k = 0; k < NEAR_HASHES; k++)
		sig[k] = (uint8_t)(mins[k] ^ mins[k] >> 8);
	/* Each band's slot is a cache miss: start fetching them all. */
	for (b = 0; b < near.bands; b++) {
		bhs[b] = band_hash(b, sig);
		part = &near.index[NEAR_INDEX_OF(bhs[b])];
#if defined(__GNUC__)
		if (part->slot != NULL)
			__builtin_prefetch(
			    &part->slot[NEAR_SLOT_OF(bhs[b], part->mask)]);
#endif
	}
	for (b = 0; b < near.bands; b++) {
		bv = band_value(b, sig);
		bh = bhs[b];
		part = &near.index[NEAR_INDEX_OF(bh)];
		if (part->slot == NULL)
			continue;
		for (j = NEAR_SLOT_OF(bh, part->mask); part->slot[j] != 0;
		     j = (j + 1) & part->mask) {
			if ((part->slot[j] & BAND_TAG) != (bh & BAND_TAG))
				continue;
			id = (size_t)(part->slot[j] & ~BAND_TAG) - 1;
			cand = near_sig(id);
			if (band_value(b, cand) != bv)
				continue;
			for (c = 0; c < nchecked && checked[c] != id; c++)
				;
			if (c < nchecked)
				continue;
			if (nchecked == NEAR_MAX_CHECKS)
				goto store;
			checked[nchecked++] = (uint32_t)id;
			for (k = 0, eq = 0; k < NEAR_HASHES; k++)
				eq += sig[k] == cand[k];
			if (eq >= near.need)
				return 1;
		}
	}
store:
	return near_store(sig, bhs) != 0 ? -1 : 0;
}

/* ---- -a ---- */

/* Print the group of equal adjacent keys that just ended (-c -d -u). */
static void
group_flush(void)
{
	if (!prev.have || !tallying())
		return;
	if ((opt.repeated && prev.count < 2) || (opt.unique && prev.count != 1))
		return;
	if (opt.count)
		out_printf("%7llu ", prev.count);
	out_write(prev.line.p, prev.line.len);
	if (prev.crlf)
		out_putc('\r');
	out_putc('\n');
	out_end_record();
}

static void
adjacent_line(const struct line *ln, struct fp128 fp)
{
	int dup = prev.have && fp_equal(prev.fp, fp);

	if (tallying()) {
		if (dup) {
			prev.count++;
			return;
		}
		group_flush();
		buf_reset(&prev.line);
		buf_add(&prev.line, ln->p, ln->len);
		prev.crlf = ln->crlf;
		prev.count = 1;
	} else if (dup == opt.invert) {
		emit(ln);
	}
	prev.fp = fp;
	prev.have = 1;
}

/* ---- -c -d -u: the distinct lines, counted ---- */

static int
tally_grow_map(void)
{
	size_t cap = tally.map == NULL ? 1024 : (tally.mask + 1) * 2, i, j;
	struct tally_slot *old = tally.map, *nm;
	size_t oldcap = old == NULL ? 0 : tally.mask + 1;

	if (afford(cap * sizeof(*nm)) != 0)
		return -1;
	nm = xcalloc(cap, sizeof(*nm));
	for (i = 0; i < oldcap; i++) {
		if (old[i].idx == 0)
			continue;
		for (j = old[i].fp.lo & (cap - 1); nm[j].idx != 0;
		     j = (j + 1) & (cap - 1))
			;
		nm[j] = old[i];
	}
	free(old);
	tally.map = nm;
	tally.mask = cap - 1;
	return 0;
}

static int
tally_line(const struct line *ln, struct fp128 fp)
{
	struct tally_entry *e;
	size_t j;

	if ((tally.map == NULL || (tally.n + 1) * 4 > (tally.mask + 1) * 3) &&
	    tally_grow_map() != 0)
		return -1;
	for (j = fp.lo & tally.mask; tally.map[j].idx != 0;
	     j = (j + 1) & tally.mask) {
		if (fp_equal(tally.map[j].fp, fp)) {
			tally.e[tally.map[j].idx - 1].count++;
			return 0;
		}
	}
	if (afford(ln->len + sizeof(*e)) != 0)
		return -1;
	tally.e = xgrowarray(
	    tally.e, &tally.cap, tally.n + 1, sizeof(*tally.e), 1024);
	e = &tally.e[tally.n++];
	e->count = 1;
	e->off = tally.text.len;
	e->len = ln->len;
	e->crlf = ln->crlf;
	buf_add(&tally.text, ln->p, ln->len);
	tally.map[j].fp = fp;
	tally.map[j].idx = tally.n;
	return 0;
}

static void
tally_print(void)
{
	const struct tally_entry *e;
	size_t i;

	for (i = 0; i < tally.n && !out_failed(); i++) {
		e = &tally.e[i];
		if ((opt.repeated && e->count < 2) ||
		    (opt.unique && e->count != 1))
			continue;
		if (opt.count)
			out_printf("%7llu ", e->count);
		/* Only empty lines: the text buffer was never allocated. */
		if (e->len > 0)
			out_write(tally.text.p + e->off, e->len);
		if (e->crlf)
			out_putc('\r');
		out_putc('\n');
		out_end_record();
	}
}

/* ---- the line loop ---- */

/* Returns nonzero to stop reading (past --max-memory). */
static int
handle_line(struct input *in, const struct line *ln)
{
	struct fp128 fp;
	int r, dup;

	if (!opt.dedupe_blank && is_blank(ln->p, ln->len)) {
		prev.have = 0; /* a blank line ends a run of -a */
		if (!opt.invert)
			emit(ln);
		return 0;
	}
	fp = key_of(in, ln);
	if (opt.adjacent) {
		adjacent_line(ln, fp);
		return 0;
	}
	if (tallying())
		return tally_line(ln, fp) != 0;
	r = hs_add(&seen, fp);
	if (r == HS_FULL) {
		memory_exceeded = 1;
		return 1;
	}
	dup = r == 0;
	if (!dup && opt.near) {
		dup = near_check(ln->p, ln->len, opt.norm == KEY_NORMALIZE);
		if (dup < 0)
			return 1;
	}
	if (dup == opt.invert)
		emit(ln);
	return 0;
}

/* ---- lines of a gigabyte and more ---- */

/*
 * Exact keys need only a hash of the line, so a line of any length streams
 * through: a line of long_line_bytes or more (counting a "\r" before its
 * "\n") comes from the reader in pieces (lr_set_pieces()) and is hashed in
 * 1 MiB chunks as it goes, its bytes waiting in an unlinked temporary file
 * until its fingerprint says whether it is written.  Memory stays bounded
 * by the piece size (the reader's 1 GiB), not by the line.  Such a line's
 * fingerprint is a hash of its chunks' fingerprints and its length: it is
 * computed the same way when the whole line happens to be in memory
 * (exact_fp()), so the output never depends on where read() split it.
 * The other key modes need the whole line and stop at the reader's 1 GiB
 * limit ("line too long").  WINNOW_PIECE (bytes) lowers long_line_bytes so
 * that tests reach it.
 */
static size_t long_line_bytes = ((size_t)1 << 30) + 1;
static int write_full(int fd, const void *p, size_t n);
#define LONG_CHUNK ((size_t)1 << 20)
#define LONG_SEED 0x6c6f6e676c696e65ULL /* "longline" */

static struct {
	unsigned char *chunk; /* LONG_CHUNK bytes being gathered */
	size_t n;             /* bytes in chunk */
	struct fp128 acc;     /* the chunks so far */
	uint64_t len;         /* bytes so far */
	int spill;            /* the temporary file, -1 until needed */
} lng = {NULL, 0, {0, 0}, 0, -1};

static void
long_start(void)
{
	if (lng.chunk == NULL)
		lng.chunk = xmalloc(LONG_CHUNK);
	lng.n = 0;
	lng.len = 0;
	lng.acc.lo = lng.acc.hi = 0;
}

/* Fold the fingerprint of a chunk, and more (the length), into acc. */
static struct fp128
long_fold(struct fp128 acc, struct fp128 c, uint64_t extra)
{
	unsigned char w[40];
	uint64_t v[5];
	int i, k;

	v[0] = acc.lo;
	v[1] = acc.hi;
	v[2] = c.lo;
	v[3] = c.hi;
	v[4] = extra;
	for (k = 0; k < 5; k++)
		for (i = 0; i < 8; i++)
			w[k * 8 + i] = (unsigned char)(v[k] >> (8 * i));
	return hash128(w, sizeof(w), LONG_SEED);
}

static void
long_add(const char *p, size_t n)
{
	size_t take;

	lng.len += n;
	while (n > 0) {
		take = LONG_CHUNK - lng.n;
		if (take > n)
			take = n;
		memcpy(lng.chunk + lng.n, p, take);
		lng.n += take;
		p += take;
		n -= take;
		if (lng.n == LONG_CHUNK) {
			lng.acc = long_fold(
			    lng.acc, hash128(lng.chunk, LONG_CHUNK, 0), 0);
			lng.n = 0;
		}
	}
}

static struct fp128
long_end(void)
{
	return long_fold(lng.acc, hash128(lng.chunk, lng.n, 0), lng.len + 1);
}

/* The fingerprint of an exact key p[0..len) held whole in memory. */
static inline struct fp128
exact_fp(const char *p, size_t len)
{
	if (len < long_line_bytes)
		return hash128(p, len, 0);
	long_start();
	long_add(p, len);
	return long_end();
}

/* A write to the spill file, or its read back into the output, failed. */
static int
spill_error(void)
{
	pwarn_sys("temporary file for a long line");
	prog_set_trouble();
	return 1;
}

/*
 * The line whose first piece is *ln: hash and spill it to its end, then
 * write it or not as an exact key decides.  Returns nonzero to stop.
 */
static int
long_line(struct input *in, struct line *ln)
{
	const char *dir = getenv("TMPDIR");
	char *tmp, buf[65536];
	int blank = 1, r;
	struct fp128 fp;
	size_t n;
	ssize_t got;

	if (lng.spill < 0) {
		if (dir == NULL || *dir == '\0')
			dir = "/tmp";
		n = strlen(dir) + sizeof("/dedupe-lines.XXXXXX");
		tmp = xmalloc(n);
		(void)snprintf(tmp, n, "%s/dedupe-lines.XXXXXX", dir);
		lng.spill = mkstemp(tmp);
		if (lng.spill >= 0)
			(void)unlink(tmp);
		free(tmp);
		if (lng.spill < 0)
			return spill_error();
	}
	if (lseek(lng.spill, 0, SEEK_SET) != 0 || ftruncate(lng.spill, 0) != 0)
		return spill_error();
	long_start();
	for (;;) {
		/* A piece never ends in "\r"; the last one's "\r" (of its
		 * "\r\n") is part of the exact key and follows its bytes. */
		n = ln->len + (size_t)ln->crlf;
		long_add(ln->p, n);
		blank = blank && is_blank(ln->p, ln->len);
		if (write_full(lng.spill, ln->p, n) != 0)
			return spill_error();
		if (!ln->partial)
			break;
		if (!input_next(in, ln))
			return 0; /* a read error, reported: the line is cut */
	}
	fp = long_end();
	if (!opt.dedupe_blank && blank) {
		r = opt.invert ? 0 : 1;
	} else {
		r = hs_add(&seen, fp);
		if (r == HS_FULL) {
			memory_exceeded = 1;
			return 1;
		}
		r = (r == 0) == opt.invert;
	}
	if (!r)
		return 0;
	if (lseek(lng.spill, 0, SEEK_SET) != 0)
		return spill_error();
	while ((got = read(lng.spill, buf, sizeof(buf))) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return spill_error();
		out_write(buf, (size_t)got);
		if (out_failed())
			return 1;
	}
	out_putc('\n');
	out_end_record();
	return out_failed();
}

/*
 * The exact-key loop.  A probe of a big seen set is a cache miss, so the
 * fingerprints of the next few lines, which are already complete in the
 * reader's buffer (buf[beg..end) of lineio.h stays in place until the
 * reader runs out of complete lines), are computed ahead and their slots
 * prefetched: the misses of several lines overlap instead of adding up.
 * Lines found ahead are then taken straight from the buffer; the reader
 * is called only when the ring is empty, so its state stays exact.
 */
#define AHEAD 8
static int
exact_document(struct input *in)
{
	struct {
		const char *p;
		size_t len;
		struct fp128 key; /* hs_key(): made once, used twice */
	} ring[AHEAD];
	size_t head = 0, n = 0, len;
	const char *ahead = NULL, *end, *nl;
	struct fp128 key;
	struct line ln;
	int r;

	lr_set_pieces(&in->lr, long_line_bytes);
	for (;;) {
		if (n > 0) {
			/* Take the line from the ring and cut it off the
			 * reader's buffer exactly as lr_next() would, which
			 * saves looking for its end a second time. */
			ln.p = ring[head].p;
			len = ring[head].len;
			ln.crlf = len > 0 && ln.p[len - 1] == '\r';
			ln.len = len - (size_t)ln.crlf;
			ln.nonl = ln.partial = ln.tail = 0;
			in->lr.beg = (size_t)(ln.p + len + 1 - in->lr.buf);
			in->lr.scanned = in->lr.beg;
			in->lr.lineno++;
			key = ring[head].key;
			head = (head + 1) % AHEAD;
			n--;
		} else {
			if (!input_next(in, &ln))
				break;
			if (ln.partial) {
				if (long_line(in, &ln) != 0)
					return 1;
				continue;
			}
			len = ln.len + (size_t)ln.crlf;
			key = hs_key(&seen, exact_fp(ln.p, len));
		}
		if (n == 0)
			ahead = in->lr.buf + in->lr.beg;
		end = in->lr.buf + in->lr.end;
		while (n < AHEAD && ahead < end &&
		    (nl = memchr(ahead, '\n', (size_t)(end - ahead))) != NULL) {
			r = (int)((head + n) % AHEAD);
			ring[r].p = ahead;
			ring[r].len = (size_t)(nl - ahead);
			ring[r].key =
			    hs_key(&seen, exact_fp(ahead, ring[r].len));
			hs_prefetch_key(&seen, ring[r].key);
			n++;
			ahead = nl + 1;
		}
		if (line_is_separator(&ln)) {
			/* Taken from the ring, past input_next(): the
			 * document separator is written like it would be. */
			out_line(&ln);
			out_end_record();
			continue;
		}
		if (!opt.dedupe_blank && is_blank(ln.p, ln.len)) {
			if (!opt.invert)
				emit(&ln);
			continue;
		}
		r = hs_add_key(&seen, key);
		if (r == HS_FULL) {
			memory_exceeded = 1;
			return 1;
		}
		if ((r == 0) == opt.invert) {
			/* The line's own "\n" (and "\r") follow it in the
			 * buffer: one copy writes them all. */
			if (ln.nonl)
				out_line(&ln);
			else
				out_write(ln.p, len + 1);
			out_end_record();
		}
		if (out_failed())
			return 1;
	}
	return 0;
}

static int
dedupe_document(struct input *in, void *ctx)
{
	struct line ln;

	(void)ctx;
	if (opt.norm == 0 && opt.fields == NULL && key_rx == NULL &&
	    !opt.adjacent && !tallying() && !opt.near)
		return exact_document(in);
	while (input_next(in, &ln))
		if (handle_line(in, &ln) != 0 || out_failed())
			return 1;
	if (in->at_separator)
		prev.have = 0; /* -a: a separator ends a run, as a blank does */
	return 0;
}

/* ---- --seen files ---- */

static void
put64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t
get64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

/* The checksum folds in every 64-bit word before it, in file order. */
static uint64_t
sum_words(uint64_t sum, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 8 <= n; i += 8)
		sum = hash_mix64(sum ^ get64(p + i)) + 0x9e3779b97f4a7c15ULL;
	return sum;
}

static unsigned
key_flags(void)
{
	return opt.norm | (opt.fields != NULL ? KEY_FIELDS : 0) |
	    (opt.key_regex != NULL ? KEY_REGEX : 0);
}

/* A hash of what -k, -t and -e say, 0 without them: a set made with
 * -k 2 is not used with -k 3. */
static uint64_t
key_spec_hash(void)
{
	struct buf b = BUF_INIT;
	char num[64];
	uint64_t h;
	size_t i;

	for (i = 0; i < opt.nfields; i++) {
		if (opt.fields[i].hi == SIZE_MAX)
			(void)snprintf(
			    num, sizeof(num), "%zu-,", opt.fields[i].lo);
		else
			(void)snprintf(num, sizeof(num), "%zu-%zu,",
			    opt.fields[i].lo, opt.fields[i].hi);
		buf_adds(&b, num);
	}
	if (opt.sep != NULL) {
		buf_adds(&b, "\nt=");
		buf_adds(&b, opt.sep);
	}
	if (opt.key_regex != NULL) {
		buf_adds(&b, "\ne=");
		buf_adds(&b, opt.key_regex);
	}
	h = b.len == 0 ? 0 : hash64(b.p, b.len, 0);
	buf_free(&b);
	return h;
}

static void
flags_text(unsigned f, char *out, size_t size)
{
	(void)snprintf(out, size, "%s%s%s%s%s%s", (f & KEY_PLAIN) ? "-N " : "",
	    !(f & KEY_PLAIN) && (f & KEY_FOLD) ? "-i " : "",
	    !(f & KEY_PLAIN) && (f & KEY_SPACE) ? "-S " : "",
	    !(f & KEY_PLAIN) && (f & KEY_PUNCT) ? "-P " : "",
	    (f & KEY_FIELDS) ? "-k " : "", (f & KEY_REGEX) ? "-e " : "");
	if (*out == '\0')
		(void)snprintf(out, size, "exact keys");
	else
		out[strlen(out) - 1] = '\0';
}

/* Read exactly n bytes; returns how many were read (short at the end),
 * or -1 on a read error. */
static ssize_t
read_full(int fd, void *p, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(fd, (char *)p + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static int
write_full(int fd, const void *p, size_t n)
{
	size_t off = 0;
	ssize_t r;

	while (off < n) {
		r = write(fd, (const char *)p + off, n - off);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		off += (size_t)r;
	}
	return 0;
}

/* The --seen file, open and locked from the load to the end of the run;
 * -1 when there is none. */
static int seen_fd = -1;
/* This run created the --seen file (empty): remove it if nothing is saved. */
static int seen_created;

/* Open path for reading without blocking on a FIFO that has no writer. */
static int
open_nonblock(const char *path, int flags)
{
	int fd;

	do {
		fd = open(path, O_RDONLY | O_NONBLOCK | flags, 0666);
	} while (fd < 0 && errno == EINTR);
	return fd;
}

/*
 * Open the --seen file and take its lock (flock), which the run keeps to
 * the end: two runs saving one file take turns, the second waiting here
 * until the first has saved, and then loading what the first saved (else
 * the last rename would win and drop the other run's keys).  A missing
 * file is created empty, so that there is something to lock; an empty
 * file is an empty set.  Returns 0, or -1 after a message.
 */
static int
lock_seen(const char *path)
{
	struct stat st, now;
	int fd;

	for (;;) {
		seen_created = 0;
		fd = open_nonblock(path, 0);
		if (fd < 0 && errno == ENOENT) {
			fd = open_nonblock(path, O_CREAT | O_EXCL);
			seen_created = fd >= 0;
			/* A dangling symbolic link: create what it names. */
			if (fd < 0 && errno == EEXIST &&
			    lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
				fd = open_nonblock(path, O_CREAT);
			else if (fd < 0 && errno == EEXIST)
				continue; /* another run created it first */
		}
		if (fd < 0) {
			pwarn_sys("%s", path);
			return -1;
		}
		if (fstat(fd, &st) != 0) {
			pwarn_sys("%s", path);
			(void)close(fd);
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			pwarn("%s: not a seen-set file (not a regular file)",
			    path);
			(void)close(fd);
			return -1;
		}
		while (flock(fd, LOCK_EX) != 0) {
			if (errno != EINTR) {
				pwarn_sys("%s: lock", path);
				(void)close(fd);
				return -1;
			}
		}
		/* While this run waited, the run holding the lock may have
		 * renamed a new set over the name: lock that one instead. */
		if (stat(path, &now) == 0 && now.st_dev == st.st_dev &&
		    now.st_ino == st.st_ino) {
			seen_fd = fd;
			return 0;
		}
		(void)close(fd);
	}
}

/* Let the next run have the --seen file; remove it if this run created
 * it and saved nothing in it (it is still the file this run locked). */
static void
unlock_seen(int saved)
{
	struct stat st, now;

	if (seen_fd < 0)
		return;
	if (seen_created && !saved && fstat(seen_fd, &st) == 0 &&
	    stat(opt.seen_file, &now) == 0 && now.st_dev == st.st_dev &&
	    now.st_ino == st.st_ino)
		(void)unlink(opt.seen_file);
	(void)close(seen_fd);
	seen_fd = -1;
	seen_created = 0;
}

/*
 * Load the seen set in the file open on fd (named path) into the seen set.
 * allow_empty: an empty file is an empty set (the --seen file, which a run
 * creates empty), else it is no seen-set file.  Returns 0, or -1 after a
 * message.
 */
static int
read_seen(int fd, const char *path, int allow_empty)
{
	unsigned char hdr[SEEN_HEADER], *rec = NULL, tr[SEEN_TRAILER];
	char made[64], now[64];
	const char *why = NULL;
	uint64_t count, sum, done, i, n;
	struct fp128 fp;
	struct stat st;
	ssize_t r;

	if (fstat(fd, &st) != 0) {
		pwarn_sys("%s", path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		why = "not a regular file";
		goto bad;
	}
	if (st.st_size == 0 && allow_empty)
		return 0;
	r = read_full(fd, hdr, sizeof(hdr));
	if (r < 0)
		goto read_error;
	if (r != (ssize_t)sizeof(hdr) || memcmp(hdr, SEEN_MAGIC, 8) != 0) {
		why = "no seen-set header";
		goto bad;
	}
	if (get64(hdr + 8) % ((uint64_t)1 << 32) != SEEN_VERSION) {
		pwarn("%s: seen-set file version %llu is not supported", path,
		    (unsigned long long)(get64(hdr + 8) & 0xffffffffu));
		goto fail;
	}
	count = get64(hdr + 24);
	if (count > ((uint64_t)st.st_size - SEEN_HEADER) / SEEN_RECORD ||
	    (uint64_t)st.st_size !=
		SEEN_HEADER + count * SEEN_RECORD + SEEN_TRAILER) {
		why = "truncated or wrong size";
		goto bad;
	}
	sum = sum_words(0, hdr, sizeof(hdr));
	if ((unsigned)(get64(hdr + 8) >> 32) != key_flags() ||
	    get64(hdr + 16) != key_spec_hash()) {
		flags_text(
		    (unsigned)(get64(hdr + 8) >> 32), made, sizeof(made));
		flags_text(key_flags(), now, sizeof(now));
		if (strcmp(made, now) == 0)
			pwarn("%s: seen set was made with other -k, -t or -e "
			      "arguments",
			    path);
		else
			pwarn("%s: seen set was made with %s, not %s", path,
			    made, now);
		goto fail;
	}
	rec = xmalloc((size_t)SEEN_CHUNK * SEEN_RECORD);
	for (done = 0; done < count; done += n) {
		n = count - done < SEEN_CHUNK ? count - done : SEEN_CHUNK;
		r = read_full(fd, rec, (size_t)n * SEEN_RECORD);
		if (r < 0)
			goto read_error;
		if ((uint64_t)r != n * SEEN_RECORD) {
			why = "truncated";
			goto bad;
		}
		sum = sum_words(sum, rec, (size_t)r);
		for (i = 0; i < n; i++) {
			fp.lo = get64(rec + i * SEEN_RECORD);
			fp.hi = get64(rec + i * SEEN_RECORD + 8);
			if (hs_add(&seen, fp) == HS_FULL) {
				memory_exceeded = 1;
				pwarn("seen set exceeds --max-memory (%s)",
				    opt.max_memory_arg);
				goto fail;
			}
		}
	}
	r = read_full(fd, tr, sizeof(tr));
	if (r < 0)
		goto read_error;
	if (r != (ssize_t)sizeof(tr) || get64(tr) != sum) {
		why = "checksum mismatch";
		goto bad;
	}
	free(rec);
	return 0;
read_error:
	pwarn_sys("%s", path);
	goto fail;
bad:
	pwarn("%s: not a seen-set file (%s)", path, why);
fail:
	free(rec);
	return -1;
}

/* --seen-from: load path, read only.  Returns 0, or -1 after a message. */
static int
load_seen_from(const char *path)
{
	int fd, r;

	fd = open_nonblock(path, 0);
	if (fd < 0) {
		pwarn_sys("%s", path);
		return -1;
	}
	r = read_seen(fd, path, 0);
	(void)close(fd);
	return r;
}

/*
 * Write the seen set to a new file that replaces path at out_commit()
 * (lib/output: beside the file a symbolic link names).  Returns 0, or -1
 * after a message; the half-written file is then removed by out_commit().
 */
static int
save_seen(const char *path)
{
	size_t n = 0;
	unsigned char *chunk;
	unsigned char hdr[SEEN_HEADER], tr[SEEN_TRAILER];
	struct hs_iter it = HS_ITER_INIT;
	struct fp128 fp;
	uint64_t sum;
	int fd;

	fd = target_open(path);
	if (fd < 0) {
		pwarn_sys("%s", path);
		return -1;
	}
	chunk = xmalloc((size_t)SEEN_CHUNK * SEEN_RECORD);
	memcpy(hdr, SEEN_MAGIC, 8);
	put64(hdr + 8, SEEN_VERSION | (uint64_t)key_flags() << 32);
	put64(hdr + 16, key_spec_hash());
	put64(hdr + 24, seen.count);
	sum = sum_words(0, hdr, sizeof(hdr));
	if (write_full(fd, hdr, sizeof(hdr)) != 0)
		goto fail;
	for (;;) {
		if (n == SEEN_CHUNK || !hs_next(&seen, &it, &fp)) {
			sum = sum_words(sum, chunk, n * SEEN_RECORD);
			if (write_full(fd, chunk, n * SEEN_RECORD) != 0)
				goto fail;
			if (n < SEEN_CHUNK)
				break;
			n = 0;
			continue;
		}
		put64(chunk + n * SEEN_RECORD, fp.lo);
		put64(chunk + n * SEEN_RECORD + 8, fp.hi);
		n++;
	}
	put64(tr, sum);
	if (write_full(fd, tr, sizeof(tr)) != 0)
		goto fail;
	free(chunk);
	if (target_close(fd, 1) != 0) {
		pwarn_sys("%s", path);
		return -1;
	}
	return 0;
fail:
	/* The descriptor stays open: out_commit() closes it and, seeing
	 * it was not closed, keeps every file as it was. */
	pwarn_sys("%s", path);
	free(chunk);
	return -1;
}

static void
cleanup(void)
{
	size_t i;

	for (i = 0; i < near.nblock; i++)
		free(near.block[i]);
	free(near.block);
	for (i = 0; i < NEAR_INDEXES; i++)
		free(near.index[i].slot);
	free(tally.e);
	free(tally.map);
	buf_free(&tally.text);
	buf_free(&prev.line);
	buf_free(&keybuf);
	buf_free(&nearbuf);
	free(lng.chunk);
	lng.chunk = NULL;
	if (lng.spill >= 0)
		(void)close(lng.spill);
	lng.spill = -1;
	hs_free(&seen);
	if (key_rx != NULL)
		rx_free(key_rx);
	free(opt.fields);
	free(opt.seen_from);
}

int
main(int argc, char **argv)
{
	int first, status = EXIT_OK, ok, saved = 0;
	size_t i;

	/* main() may run several times in one process (the fuzz targets),
	 * and an earlier run may have left through exit(): start afresh. */
	if (seen_fd >= 0)
		(void)close(seen_fd);
	seen_fd = -1;
	memset(&opt, 0, sizeof(opt));
	memset(&prev, 0, sizeof(prev));
	memset(&tally, 0, sizeof(tally));
	memset(&near, 0, sizeof(near));
	memset(&keybuf, 0, sizeof(keybuf));
	memset(&nearbuf, 0, sizeof(nearbuf));
	key_rx = NULL;
	rx_reported = 0;
	memory_exceeded = 0;
	hs_init(&seen);
	ascii_tables();
	/* An empty key is hashed from keybuf.p, which must not be NULL. */
	buf_reserve(&keybuf, 256);
	long_line_bytes = ((size_t)1 << 30) + 1;
	if (getenv("WINNOW_PIECE") != NULL) {
		unsigned long long v;

		if (str_to_size(getenv("WINNOW_PIECE"), &v) == NULL && v > 0 &&
		    v < long_line_bytes)
			long_line_bytes = (size_t)v;
	}

	first = cli_parse(argc, argv, &spec);
	/* -c -d -u print at the end: no stream to keep separators in. */
	inputs_quiet_separators(tallying());
	check_options();
	/* The --seen file is replaced at the end: it must be neither the -o
	 * file nor an input, and a --seen-from file must not be either. */
	if (opt.seen_file != NULL) {
		out_claim("--seen", opt.seen_file);
		if (first >= argc)
			out_check_input("-");
		for (i = (size_t)first; i < (size_t)argc; i++)
			out_check_input(argv[i]);
	}
	for (i = 0; i < opt.nseen_from; i++)
		out_check_input(opt.seen_from[i]);
	if (opt.key_regex != NULL)
		key_rx = rx_compile_or_die(opt.key_regex, 0, "--key-regex");
	if (opt.near)
		near_init();
	if (opt.max_memory != 0)
		hs_set_limit(&seen, (size_t)opt.max_memory);
	if (opt.seen_file != NULL &&
	    (lock_seen(opt.seen_file) != 0 ||
		read_seen(seen_fd, opt.seen_file, 1) != 0))
		status = EXIT_TROUBLE;
	for (i = 0; i < opt.nseen_from && status == EXIT_OK; i++)
		if (load_seen_from(opt.seen_from[i]) != 0)
			status = EXIT_TROUBLE;
	if (status != EXIT_OK) {
		unlock_seen(0);
		cleanup();
		return status;
	}

	out_open(common.output, common.line_buffered);
	(void)inputs_run(argv + first, argc - first, dedupe_document, NULL);
	if (!memory_exceeded && !out_failed()) {
		if (opt.adjacent)
			group_flush();
		else if (tallying())
			tally_print();
	}
	if (memory_exceeded) {
		pwarn("seen set exceeds --max-memory (%s)", opt.max_memory_arg);
		prog_set_trouble();
	}
	/* Write everything, then commit everything: the -o file is replaced
	 * only once the seen set is saved beside its own file too. */
	status = out_end();
	ok = status == EXIT_OK && !out_failed() && !prog_trouble();
	if (opt.seen_file != NULL && ok) {
		saved = save_seen(opt.seen_file) == 0;
		if (!saved) {
			ok = 0;
			status = EXIT_TROUBLE;
		}
	} else if (opt.seen_file != NULL && prog_trouble()) {
		pwarn("%s: not saved after the errors above", opt.seen_file);
	}
	if (out_commit(ok) != EXIT_OK) {
		status = EXIT_TROUBLE;
		saved = 0;
	}
	unlock_seen(saved);
	cleanup();
	return status != EXIT_OK || prog_trouble() ? EXIT_TROUBLE : EXIT_OK;
}
