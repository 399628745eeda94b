/*
 * features.c - how a line reads, before any context: its words, how many
 * are English function words (stopwords), capitals and digits, how it
 * ends, whether it ends with a photo credit or reads like a byline; and
 * from these its shape (short, prose, a paragraph).
 *
 * The word scan is the hot loop of declutter: word bytes are marked in
 * 64-bit masks eight bytes at a time (lib/scan.h), words are visited by
 * their first and last bytes, and each is looked up in the stopword
 * table (lib/wordtab) without a branch on the word.
 */
#include <stdint.h>
#include <string.h>

#include "declutter.h"
#include "scan.h"
#include "wordtab.h"

/* A byte with A-Z folded to a-z; every other byte as it is (rules and
 * stopwords are matched without case in ASCII only: "É" stays). */
#define LOWER1(c) ((c) >= 'A' && (c) <= 'Z' ? (c) | 0x20 : (c))
#define LOWER4(c) LOWER1(c), LOWER1((c) + 1), LOWER1((c) + 2), LOWER1((c) + 3)
#define LOWER16(c) LOWER4(c), LOWER4((c) + 4), LOWER4((c) + 8), LOWER4((c) + 12)
#define LOWER64(c)                                                             \
	LOWER16(c), LOWER16((c) + 16), LOWER16((c) + 32), LOWER16((c) + 48)
const unsigned char lower_byte[256] = {
    LOWER64(0), LOWER64(64), LOWER64(128), LOWER64(192)};

/* The 64-byte masks of a word scan. */
#define SCAN_CHUNKS ((SCAN_MAX + 63) / 64)

/*
 * English function words (words/stopwords.words).  A line of prose is
 * full of them; menus, headlines, bylines and captions have few.  Only
 * words of at most 8 bytes count ("although" does, "something" does
 * not): wordtab_short_has() looks up those.
 */
#include "declutter/words.h"

/* The stopwords of at most 8 bytes; features_init() fills it, and
 * stopword_keys, the set word_scan() looks words up in. */
static struct wordtab stopwords;
static struct wordtab_short stopword_keys;

/*
 * The words of legal text (words/legal.words, flag LEGAL_WORD, value its
 * number in the list from 1) and of a word to the reader
 * (words/address.words, flag ADDRESS_WORD), for layout.c's legal_text().
 */
static struct wordtab legal_words;

/*
 * Bytes by class for the word scan: word bytes (letters, digits, UTF-8,
 * apostrophes), and among them lower-case letters, capitals and digits.
 */
#define WC_WORD 1
#define WC_LOWER 2
#define WC_UPPER 4
#define WC_DIGIT 8
#define WC_HIGH 16 /* the lead byte of a letter past ASCII: C3-DF, E3-EF */
#define WC_WIDE 32 /* the lead byte of a kana or CJK character: E3-E9 */

/* The tables of the word scan, built by features_init(). */
static struct scan_tables {
	unsigned char word_class[256]; /* WC_* of each byte */
	/*
	 * A word of at most 8 bytes is looked up by a key: its bytes ORed
	 * with 0x20 (which lower-cases letters and changes no other byte of
	 * a word: digits and the apostrophe have the bit, bytes past ASCII
	 * stay past it, so only words of letters can equal a stopword),
	 * loaded into a uint64_t in memory order and the rest zeroed with
	 * key_mask[length]: the key wordtab_key() makes of the lower-case
	 * word, on any byte order.
	 */
	uint64_t key_mask[9];
	uint64_t key_or;
	/*
	 * What a word starting with the byte adds to the counts, one count
	 * a byte (WORD_COUNT_*): the word loop adds one value instead of
	 * testing five classes.  A scan reads at most SCAN_MAX bytes, so no
	 * count passes 255.
	 */
	uint64_t word_count[256];
	int little_endian; /* the word scan's SWAR path needs it */
} wt;

/* The counts in wt.word_count: the byte (times 8) that holds each. */
#define WORD_COUNT_WORDS 0
#define WORD_COUNT_LOWER 8
#define WORD_COUNT_UPPER 16
#define WORD_COUNT_DIGIT 24
#define WORD_COUNT_HIGH 32
#define WORD_COUNT_WIDE 40
_Static_assert((SCAN_MAX + 1) / 2 <= 255, "a word count fits a byte");

/* The key of the n (at most 8) bytes at w; lim bytes are readable at w. */
static uint64_t
word_key(const unsigned char *w, size_t n, size_t lim)
{
	uint64_t v;

	if (lim >= 8) {
		memcpy(&v, w, 8);
	} else {
		unsigned char b[8] = {0};

		memcpy(b, w, n);
		memcpy(&v, b, 8);
	}
	return (v | wt.key_or) & wt.key_mask[n];
}

void
features_init(void)
{
	size_t i, n;
	unsigned bits;
	uint64_t key;
	unsigned char b[8];
	struct wordtab_slot *slot;

	memset(wt.word_class, 0, sizeof(wt.word_class));
	for (i = 0; i < 256; i++) {
		if (i >= 'a' && i <= 'z')
			wt.word_class[i] = WC_WORD | WC_LOWER;
		else if (i >= 'A' && i <= 'Z')
			wt.word_class[i] = WC_WORD | WC_UPPER;
		else if (i >= '0' && i <= '9')
			wt.word_class[i] = WC_WORD | WC_DIGIT;
		else if (i >= 0xE3 && i <= 0xE9)
			wt.word_class[i] = WC_WORD | WC_HIGH | WC_WIDE;
		else if ((i >= 0xC3 && i <= 0xDF) || (i >= 0xEA && i <= 0xEF))
			wt.word_class[i] = WC_WORD | WC_HIGH;
		else if (i >= 0x80 || i == '\'')
			wt.word_class[i] = WC_WORD;
	}
	for (i = 0; i < 256; i++) {
		unsigned c = wt.word_class[i];

		wt.word_count[i] = (uint64_t)1 << WORD_COUNT_WORDS |
		    (uint64_t)((c & WC_LOWER) != 0) << WORD_COUNT_LOWER |
		    (uint64_t)((c & WC_UPPER) != 0) << WORD_COUNT_UPPER |
		    (uint64_t)((c & WC_DIGIT) != 0) << WORD_COUNT_DIGIT |
		    (uint64_t)((c & WC_HIGH) != 0) << WORD_COUNT_HIGH |
		    (uint64_t)((c & WC_WIDE) != 0) << WORD_COUNT_WIDE;
	}
	memset(b, 0x20, sizeof(b));
	memcpy(&wt.key_or, b, 8);
	key = 1;
	memcpy(b, &key, 8);
	wt.little_endian = b[0] == 1;
	for (n = 0; n <= 8; n++) {
		memset(b, 0, sizeof(b));
		memset(b, 0xFF, n);
		memcpy(&wt.key_mask[n], b, 8);
	}
	/*
	 * The smallest table, from 1024 slots, where every word sits at most
	 * one slot from home, as wordtab_short_has() needs (the list is
	 * fixed: 1024 slots do for its 139 words of up to 8 bytes).  A table
	 * a run left behind through exit() (the fuzz harness runs main()
	 * again) is freed first.
	 */
	for (bits = 10;; bits++) {
		wordtab_free(&stopwords);
		wordtab_init(&stopwords, bits);
		for (i = 0; words_stopwords[i] != NULL; i++) {
			n = strlen(words_stopwords[i]);
			if (n <= 8)
				(void)wordtab_add(
				    &stopwords, words_stopwords[i], n);
		}
		if (wordtab_spread(&stopwords) <= 1 || bits == 24)
			break;
	}
	wordtab_short_free(&stopword_keys);
	wordtab_short_init(&stopword_keys, &stopwords);
	wordtab_free(&legal_words);
	wordtab_init(&legal_words, 8); /* a few dozen words */
	for (i = 0; words_legal[i] != NULL; i++) {
		n = strlen(words_legal[i]);
		if ((slot = wordtab_add(&legal_words, words_legal[i], n))) {
			slot->flags |= LEGAL_WORD;
			slot->value = (uint32_t)i + 1;
		}
	}
	for (i = 0; words_address[i] != NULL; i++) {
		n = strlen(words_address[i]);
		if ((slot = wordtab_add(&legal_words, words_address[i], n)))
			slot->flags |= ADDRESS_WORD;
	}
}

void
features_free(void)
{
	wordtab_free(&stopwords);
	wordtab_short_free(&stopword_keys);
	wordtab_free(&legal_words);
}

const struct wordtab_slot *
legal_word(const char *w, size_t n)
{
	return wordtab_find(&legal_words, w, n);
}

static int
is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim ASCII white space and no-break spaces around p[0..*len). */
const char *
line_trim(const char *p, size_t *len)
{
	size_t n = *len;

	for (;;) {
		if (n > 0 && is_space_byte((unsigned char)*p)) {
			p++;
			n--;
		} else if (n >= 2 && (unsigned char)p[0] == 0xC2 &&
		    (unsigned char)p[1] == 0xA0) {
			p += 2;
			n -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		if (n > 0 && is_space_byte((unsigned char)p[n - 1]))
			n--;
		else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 &&
		    (unsigned char)p[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	*len = n;
	return p;
}

/* A capital letter or the first byte of a non-ASCII letter. */
static int
capital(unsigned c)
{
	return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

/*
 * Does the line end with a photo credit, "AGENCY/Name Name" or
 * "Name Name/Agency": a slash in the last 48 bytes, a capitalised word
 * before it, one to four capitalised words after it and nothing else?
 */
static int
credit_ending(const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len, *q, *slash = NULL;
	int words = 0;

	if (len > 0 && end[-1] == '.')
		end--;
	/* The last slash in the last 48 bytes (memchr is fast on most lines,
	 * which have none). */
	q = end - p > 48 ? end - 48 : p;
	while ((q = memchr(q, '/', (size_t)(end - q))) != NULL)
		slash = q++;
	if (slash == NULL || slash - p < 2)
		return 0;
	/* The word before the slash. */
	q = slash;
	if (q > p && q[-1] == ' ')
		q--;
	while (q > p && q[-1] != ' ')
		q--;
	if (!capital(*q) || slash - q < 2)
		return 0;
	/* Capitalised words after it. */
	q = slash + 1;
	if (q < end && *q == ' ')
		q++;
	while (q < end) {
		if (!capital(*q))
			return 0;
		while (q < end && *q != ' ' && *q != '/' && *q != ':')
			q++;
		if (q < end && *q != ' ')
			return 0;
		words++;
		while (q < end && *q == ' ')
			q++;
	}
	return words >= 1 && words <= 4;
}

/*
 * A byline by its shape: two or three capitalised words (a name), then
 * "in", "at" or "from" or a comma, then one to four capitalised words ("Ann
 * Lee in Paris", "Ann Lee, The Courier"); or a name and an @handle.
 */
static int
byline_shape(const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len, *w;
	int names = 0, after = 0, joined = 0;

	if (len > 64 || len == 0 || !capital(*p))
		return 0;
	while (p < end) {
		w = p;
		while (p < end && *p != ' ')
			p++;
		if (!joined) {
			if (*w == '@')
				return names >= 1 && p == end;
			if (names >= 2 &&
			    (((p - w == 2 &&
				 (memcmp(w, "in", 2) == 0 ||
				     memcmp(w, "at", 2) == 0))) ||
				(p - w == 4 && memcmp(w, "from", 4) == 0))) {
				joined = 1;
			} else if (capital(*w) && names < 3) {
				names++;
				if (p[-1] == ',' && names >= 2)
					joined = 1;
			} else {
				return 0;
			}
		} else if (capital(*w) ||
		    (after == 0 && p - w == 3 && memcmp(w, "the", 3) == 0)) {
			after++;
		} else {
			return 0;
		}
		if (p < end)
			p++;
	}
	return joined && after >= 1 && after <= 4;
}

/* Does p[0..len) hold " | "? */
static int
memmem_bar(const unsigned char *p, size_t len)
{
	const unsigned char *q = p, *end = p + len;

	while ((q = memchr(q, '|', (size_t)(end - q))) != NULL) {
		if (q > p && q + 1 < end && q[-1] == ' ' && q[1] == ' ')
			return 1;
		q++;
	}
	return 0;
}

/* Does p[0..len) hold a web address, "https://..."? */
static int
has_url(const unsigned char *p, size_t len)
{
	const unsigned char *q = p, *end = p + len;

	while ((q = memchr(q, ':', (size_t)(end - q))) != NULL) {
		if (q - p >= 4 && end - q >= 4 && q[1] == '/' && q[2] == '/' &&
		    (q[-1] | 0x20) >= 'a' && (q[-1] | 0x20) <= 'z')
			return 1;
		q++;
	}
	return 0;
}

/* The end of the line: closing quotes and brackets are looked through. */
static void
line_ending(const unsigned char *p, size_t n, struct features *f)
{
	while (n > 0) {
		unsigned char c = p[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' ||
		    c == ' ') {
			n--;
		} else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
		    (p[n - 1] == 0x9D || p[n - 1] == 0x99)) {
			n -= 3; /* ” ’ */
		} else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xBB) {
			n -= 2; /* » */
		} else {
			break;
		}
	}
	if (n == 0)
		return;
	switch (p[n - 1]) {
	case '.':
		f->period = 1;
		f->term = 1;
		break;
	case '!':
	case '?':
		f->term = 1;
		break;
	case ':':
		f->colon = 1;
		break;
	case 0xA6:
		if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80)
			f->term = 1; /* … */
		break;
	case 0x82:
		if (n >= 3 && p[n - 3] == 0xE3 && p[n - 2] == 0x80)
			f->term = f->period = 1; /* 。 */
		break;
	case 0x81:
	case 0x9F:
		if (n >= 3 && p[n - 3] == 0xEF && p[n - 2] == 0xBC)
			f->term = 1; /* ！ ？ */
		break;
	default:
		break;
	}
}

/*
 * The word bytes (WC_WORD: letters, digits, the apostrophe, bytes of
 * 0x80 or more) of the 8 bytes at p as bits 0..7, on a little-endian
 * host (where byte i of the load is bits 8i..8i+7).
 */
static uint64_t
word_bits8(const unsigned char *p)
{
	uint64_t v = swar_load(p), word;

	word = swar_high(v) | swar_letters(v) | swar_digits(v) |
	    swar_range(v, '\'', '\'');
	return swar_bits(word);
}

#if defined(SCAN_SSE2)
/* The word bytes of the 16 bytes at p as bits 0..15, as word_bits8()
 * gives them eight at a time: half the work a byte. */
static unsigned
word_bits16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i w = _mm_or_si128(
	    _mm_or_si128(sse_letters(v), sse_digits(v)), sse_eq(v, '\''));

	/* Bytes of 0x80 or more have their top bit set. */
	return sse_bits(w) | (unsigned)_mm_movemask_epi8(v);
}
#endif

/*
 * Count the words of p[0..n) (runs of word bytes; lim >= n bytes are
 * readable at p) and among them the stopwords and those starting with a
 * lower-case letter, a capital or a digit.  One pass of table lookups
 * marks the word bytes in bit masks; the words are then visited by their
 * first and last bytes, so the loop does not branch on every byte.
 */
static void
word_scan(const unsigned char *p, size_t n, size_t lim, struct features *f)
{
	uint64_t mask[SCAN_CHUNKS] = {0}, ends[SCAN_CHUNKS] = {0}, starts, m,
		 bits;
	size_t nchunks = (n + 63) / 64, k, i, s, e, ek = 0, len;
	unsigned stops = 0;
	uint64_t counts = 0;

	for (k = 0; k < nchunks; k++) {
		size_t lo = k * 64, hi = n - lo < 64 ? n : lo + 64, t;

		m = 0;
		for (i = lo; i < hi; i += 8) {
			uint64_t bits8 = 0;

#if defined(SCAN_SSE2)
			if (i + 16 <= lim && i + 8 < hi) {
				m |= (uint64_t)word_bits16(p + i) << (i - lo);
				i += 8;
				continue;
			}
#endif
			if (wt.little_endian && i + 8 <= lim) {
				bits8 = word_bits8(p + i);
			} else {
				for (t = 0; t < 8 && i + t < hi; t++)
					bits8 |=
					    (uint64_t)(wt.word_class[p[i + t]] &
						WC_WORD)
					    << t;
			}
			m |= bits8 << (i - lo);
		}
		/* word_bits8 may have read past hi. */
		if (hi - lo < 64)
			m &= ((uint64_t)1 << (hi - lo)) - 1;
		mask[k] = m;
	}
	/* A word's last byte: a word byte not followed by one. */
	for (k = 0; k < nchunks; k++)
		ends[k] = mask[k] &
		    ~(mask[k] >> 1 | (k + 1 < nchunks ? mask[k + 1] << 63 : 0));
	bits = nchunks > 0 ? ends[0] : 0;
	for (k = 0; k < nchunks; k++) {
		/* A word's first byte: a word byte not after one. */
		starts =
		    mask[k] & ~(mask[k] << 1 | (k > 0 ? mask[k - 1] >> 63 : 0));
		while (starts != 0) {
			s = k * 64 + lowest_bit(starts);
			starts &= starts - 1;
			while (bits == 0)
				bits = ends[++ek];
			e = ek * 64 + lowest_bit(bits);
			bits &= bits - 1;
			counts += wt.word_count[p[s]];
			/*
			 * Every word is looked up (a word of more than 8
			 * bytes by its first 8, its answer dropped), so that
			 * nothing here branches on the text.
			 */
			len = e - s + 1;
			stops += (len <= 8) &
			    wordtab_short_has(&stopword_keys,
				word_key(p + s, len <= 8 ? len : 8, lim - s),
				len <= 8 ? len : 8);
		}
	}
	f->words = (unsigned)(counts >> WORD_COUNT_WORDS) & 0xFF;
	f->stops = stops;
	f->lower = (unsigned)(counts >> WORD_COUNT_LOWER) & 0xFF;
	f->capwords = (unsigned)(counts >> WORD_COUNT_UPPER) & 0xFF;
	f->numwords = (unsigned)(counts >> WORD_COUNT_DIGIT) & 0xFF;
	f->hiwords = (unsigned)(counts >> WORD_COUNT_HIGH) & 0xFF;
	f->wide = (unsigned)(counts >> WORD_COUNT_WIDE) & 0xFF;
}

/*
 * The kana and CJK characters of p[0..n) (lead bytes E3-E9, U+3000 to
 * U+9FFF): a line of Chinese or Japanese has few spaces, so its words are
 * not counted; its characters are.  (Korean puts spaces between words.)
 */
static unsigned
wide_chars(const unsigned char *p, size_t n)
{
	unsigned k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		k += p[i] >= 0xE3 && p[i] <= 0xE9;
	return k;
}

void
line_features(const char *line, size_t len, struct features *f)
{
	const unsigned char *p;
	int script;

	memset(f, 0, sizeof(*f));
	p = (const unsigned char *)line_trim(line, &len);
	f->len = len;
	if (len == 0) {
		f->shape = SHAPE_BLANK;
		return;
	}
	line_ending(p, len, f);
	f->bar = len >= 3 && memmem_bar(p, len < SCAN_MAX ? len : SCAN_MAX);
	f->url = len <= ANY_MAX && has_url(p, len);
	f->credit = len <= ANY_MAX && credit_ending(p, len);
	f->byline = byline_shape(p, len);
	f->first_upper =
	    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p >= 0xC3;
	if (*p == '-' || *p == '*' ||
	    (len >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
		(p[2] == 0xA2 || p[2] == 0x93 || p[2] == 0x94)))
		f->bullet = 1;
	/*
	 * Words: a short line is read in full; a long one by its first
	 * SCAN_LONG bytes, which stand for the whole of it.
	 */
	word_scan(p, len <= SCAN_MAX ? len : SCAN_LONG, len, f);
	if (len > SCAN_MAX) {
		unsigned scale = (unsigned)(len / SCAN_LONG);

		f->words *= scale;
		f->stops *= scale;
		f->lower *= scale;
		f->capwords *= scale;
		f->numwords *= scale;
		f->hiwords *= scale;
	}
	if (f->wide > 0)
		f->wide =
		    wide_chars(p, len < 3 * SCAN_MAX ? len : 3 * SCAN_MAX);
	/*
	 * Prose in other scripts, where English stopwords say nothing: words
	 * mostly in letters past ASCII (Cyrillic, Greek, Hangul, Arabic) and
	 * a sentence's end; in Chinese and Japanese, which need no spaces,
	 * characters stand for words.
	 */
	script = f->hiwords * 3 >= f->words * 2;
	if ((f->words >= 25 && f->stops * 8 >= f->words) ||
	    (f->words >= 30 && f->term) || /* prose in another language */
	    (f->words >= 14 && f->term && f->stops * 6 >= f->words &&
		f->lower * 3 >= f->words) ||
	    (script && f->words >= 16 && f->term) || f->wide >= 40 ||
	    (f->wide >= 20 && f->term))
		f->shape = SHAPE_LONG;
	else if ((f->words >= 6 && f->term && f->stops >= 1 && f->lower >= 2) ||
	    (f->wide >= 8 && f->term))
		f->shape = SHAPE_PROSE;
	else
		f->shape = SHAPE_SHORT;
}
