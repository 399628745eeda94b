/*
 * extract-quotes.h - what the parts of extract-quotes share: the limits,
 * the lexicon flags, spans and tokens, attributions, and each part's entry
 * points.
 *
 *   main.c       options, the per-document loop, the records
 *   lexicon.c    what a word can be (words/NAME.words), character classes
 *   marks.c      the quotation scan and the tokenizer (the reading thread)
 *   entities.c   the people and organisations named in a document
 *   attribute.c  who said a quotation: the rules over the tokens
 *   paragraph.c  one paragraph through the pipeline; what is held
 *                between paragraphs; reading ahead
 *
 * The parts are compiled as one translation unit (the Makefile's rule for
 * a filter that is a folder), so the calls between them cost what calls
 * inside one file do.
 */
#ifndef EXTRACT_QUOTES_H
#define EXTRACT_QUOTES_H

/*
 * SHARED marks a function of one part that the others call.  In the build
 * the parts are one translation unit (WINNOW_UNITY) and SHARED is static:
 * the compiler sees every caller, and inlines a function called once as
 * it did when the filter was one file.  Compiled a part at a time (the
 * fuzz targets), SHARED is empty.
 */
#if defined(WINNOW_UNITY)
#define SHARED static
#else
#define SHARED
#endif

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "inputs.h"
#include "lineio.h"
#include "readahead.h"
#include "utf8.h"

/* The slow paths of the per-token helpers stay out of line, so that the
 * fast paths inline into the loops that call them. */
#if defined(__GNUC__)

#define NOINLINE __attribute__((noinline))

#else

#define NOINLINE

#endif

/*
 * The paragraph scan and the tokenizer also run ahead on the reading
 * thread (see quotes_ahead()): what they write is kept per thread.
 */
#define THREAD_LOCAL _Thread_local

/* The kinds of quotation, as bits for --kind. */
#define K_FULL 0x1u

#define K_PARTIAL 0x2u

#define K_SCARE 0x4u

/*
 * A quotation still open after this many paragraphs, or holding more than
 * this many bytes, is closed there: a stray opening mark at the top of a
 * long run of paragraphs that each open with a quote must not hold the
 * whole article.
 */
#define MAX_QUOTE_PARAS 20

#define MAX_QUOTE_BYTES (1u << 20)

/*
 * A paragraph longer than LONG_PARA, or with more than MANY_SPANS
 * quotations, is read in windows of about WINDOW bytes and at most
 * WINDOW_SPANS quotations (CONTEXT bytes on each side), so that the
 * tokens and attributions stay bounded whatever the paragraph holds (a
 * line of 400,000 quotation marks); one without quotations is
 * only scanned for names.
 */
#define LONG_PARA (1u << 20)

#define MANY_SPANS 1024

#define WINDOW (64u << 10)

#define WINDOW_SPANS 256

#define CONTEXT (2u << 10)

/* Longest speaker, role and verb kept, in bytes (longer ones are cut at
 * a character boundary). */
#define NAME_MAX_LEN 120

#define ROLE_MAX_LEN 200

#define VERB_MAX_LEN 32

/* The people and organisations remembered per document. */
#define MAX_ENTITIES 64

struct options {
	unsigned kinds;      /* --kind */
	long long min_words; /* --min-words, for partial and scare */
	int attributed_only; /* --attributed-only */
	int list_words;      /* --list-words */
};

/*
 * The lexicon: lower-case ASCII words and what they can be.  One open
 * addressing table, filled once per run from the word lists below.
 */
#define LX_VERB 0x0001u /* speech verb, any inflection */

#define LX_TITLE 0x0002u /* title or job before a name */

#define LX_HE 0x0004u

#define LX_SHE 0x0008u

#define LX_IT 0x0010u /* it, they: organisations and groups */

#define LX_DET 0x0020u /* the, a, an */

#define LX_AUX 0x0040u /* may stand between subject and verb */

#define LX_PREP 0x0080u

#define LX_STOPCAP 0x0100u /* capitalised, yet not part of a name */

#define LX_ORG 0x0200u /* ends an organisation's name */

#define LX_MALE 0x0400u /* Mr, Sir: the person is male */

#define LX_FEMALE 0x0800u

#define LX_REL 0x1000u /* who, which: not a role */

#define LX_CONN 0x2000u /* of, for, de: inside a name */

#define LX_ABBR 0x4000u /* takes a full stop: Mr. Dr. */

#define LX_GROUP 0x8000u /* a common noun that speaks: officials */

#define LX_OBJ 0x10000u /* a verb whose object follows: told X */

#define LX_HIS 0x20000u /* a male first name */

#define LX_HERS 0x40000u /* a female first name */

#define LX_NAMING 0x80000u /* call, describe: names a term */

#define LX_ELIDED 0x100000u /* 'tis, 'em: an apostrophe, no quote */

#define LX_SUB                                                                 \
	0x200000u /* when, as, after: a clause that is not                     \
		   * the sentence's own */

#define LX_NEUTER 0x400000u /* it: never a person */

#define LX_JOB 0x800000u /* a job that ends no name: Apple CEO */

#define LX_GROUPWORD 0x1000000u /* people, women: owns no name */

#define LX_PRONOUN (LX_HE | LX_SHE | LX_IT)

/*
 * The quotation scanner.  A span is one quotation, or the part of one that
 * lies in this paragraph: ob is the opening mark (or the continuation mark
 * at the start of the paragraph), [cb, ce) the quoted text, end the byte
 * after the closing mark (or the end of the paragraph).
 */
struct span {
	size_t ob, cb, ce, end;
	int closed; /* the closing mark is in this paragraph */
	int cont;   /* continues the quotation of an earlier one */
	int single; /* opened by a single mark */
	size_t tok; /* its token */
};

/* What is open at the end of a paragraph. */
struct openq {
	int what; /* 0 nothing, 1 a double quote, 2 single */
	uint32_t closers[2];
	size_t nclosers;
	int depth;
};

/* What the scan of a paragraph found, besides its spans. */
struct scanned {
	int blank;       /* spaces only: not a paragraph */
	int cont;        /* spans[0] goes on with the held quotation */
	struct openq oq; /* what is open at the paragraph's end */
};

/*
 * The quotation held open at the end of the paragraphs read so far, as
 * far as the scan of the next paragraph depends on it.  The main thread
 * has it in pend (pend_shape()); the reading thread keeps its own copy,
 * so that it can scan ahead; each paragraph scanned ahead carries the
 * shape it assumed, and the main thread takes the scan only if that
 * scans as its own (same_scan()).
 */
struct held_shape {
	int active;      /* a quotation is held open */
	struct openq oq; /* and how */
	int paras;       /* paragraphs it holds */
	size_t len;      /* bytes of its text */
};

/*
 * Tokens of the writer's text of one paragraph; a quotation is one token.
 */
enum { T_WORD, T_PUNCT, T_QUOTE };

#define TF_CAP 0x01u /* a word that starts with a capital */

#define TF_SEND 0x02u /* ends a sentence (. ! ? or a quote) */

#define TF_DIGIT 0x04u /* a word that starts with a digit */

#define TF_LEXED 0x08u /* lex holds the lexicon flags */

#define TF_QSTOP 0x10u /* a quotation whose text ends with . */

#define TF_QASK 0x20u /* a quotation whose text ends with ? or ! */

#define TF_NCDONE 0x40u /* TF_NAMECAP is known */

#define TF_NAMECAP 0x80u /* tok_namecap() holds */

#define TF_APOS 0x100u /* a word with an apostrophe inside (I'm, O'Neill) */

/* The fields after type and flags hold only for the tokens named: the
 * tokenizer writes a token's first four fields and nothing more. */
struct tok {
	size_t beg, end;
	unsigned short type, flags;
	uint32_t lex; /* with TF_LEXED: the lexicon flags */
	uint32_t ch;  /* T_PUNCT: the character */
	uint32_t q;   /* T_QUOTE: the span */
};

/* 1 if token i is the word w (a string literal). */
#define tok_is(i, w) tok_is_n((i), (w), sizeof(w) - 1)

/*
 * The people and organisations of the document.  stamp orders them by
 * how recently they spoke or were the subject of a sentence, for pronouns.
 */
struct entity {
	uint64_t hash; /* of the name, to compare quickly */
	char name[NAME_MAX_LEN];
	size_t len;
	size_t last;       /* offset of the last word in name */
	uint64_t lasthash; /* word_hash of the last word, as written */
	int gender;        /* 0 unknown, 'm', 'f' */
	int org;
	unsigned long stamp; /* 0: only mentioned, never a subject */
	unsigned long seen;
};

/* An attribution: who said a quotation, as found in the paragraph. */
enum {
	A_NONE,
	A_AFTER,  /* "...," said X / X said */
	A_BEFORE, /* X said: "..." / according to X, "..." */
	A_FOLLOW, /* the speaker of the quotation before */
	A_COLON   /* X said: at the end of the paragraph before */
};

struct attr {
	int how;
	char speaker[NAME_MAX_LEN];
	size_t slen;
	char role[ROLE_MAX_LEN];
	size_t rlen;
	char verb[VERB_MAX_LEN];
	size_t vlen;
	size_t sb, se; /* the speaker's bytes in the paragraph */
	size_t vtok;   /* the verb's token */
	size_t etok;   /* the token after the speaker (and role) */
};

enum {
	NP_NONE,
	NP_NAME,  /* Finance Minister Joe Blake */
	NP_PRON,  /* he, she, they, it */
	NP_COMMON /* the ministry, officials */
};

/* A noun phrase: tokens [t0, t1), of which [t0, name) are a title or a
 * determiner; end is the token after it. */
struct np {
	int kind;
	size_t t0, t1, name, end;
};

/* The quotations of the paragraph being processed. */
struct pquote {
	struct attr at;
	unsigned kind;
};

/* The quotation held open across paragraphs (its text: run.pend_text). */
struct pending {
	int active;
	unsigned long long line;
	size_t col;
	struct attr at;
	unsigned kind;
	int paras;
	struct openq oq;
};

/*
 * What one document carries from paragraph to paragraph: the quotation
 * held open, the speakers a next paragraph may take over, the paragraph
 * held back, and the people and organisations named.  quotes_document()
 * zeroes it at the start of every document: that is the whole reset.
 * The bytes it holds live in struct run, allocated once a run.
 */
struct doc {
	struct pending pend; /* the quotation held open */
	/* X said: at the end of the paragraph before, for a quotation that
	 * opens the next one (paragraph.c: note_colon()) */
	struct attr colon_at;
	int colon_ok;
	/* The speaker of the quotation that ended the paragraph before: a
	 * paragraph that is one more quotation goes on with the same voice. */
	struct attr prev_at;
	int prev_ok;
	/*
	 * The paragraph before a paragraph with quotations names the people
	 * its pronouns point to, so a paragraph without quotations is held
	 * back (its bytes: run.held) and read in full only when quotations
	 * follow it; one that is pushed out unread gets only the quick scan
	 * for names (surnames resolve against those).  Its tokens, when they
	 * were made ahead in batch held_seq of the reading thread, are
	 * held_toks (NULL: none).
	 */
	int held_ok;
	struct tok *held_toks;
	size_t held_ntoks;
	unsigned long long held_seq;
	/*
	 * The people and organisations named (entities.c), at most
	 * MAX_ENTITIES, an empty slot's len 0.  ent_lasthash[i] is
	 * ents[i].lasthash, packed; bit i of ent_bucket[b] says it falls in
	 * bucket b (its top six bits), so that a surname is compared with
	 * the few entities whose last word may match rather than with all
	 * of them.  ent_clock orders the namings; ent_last_noted is the slot
	 * named last.
	 */
	struct entity ents[MAX_ENTITIES];
	uint64_t ent_lasthash[MAX_ENTITIES];
	uint64_t ent_bucket[64];
	size_t ent_last_noted;
	unsigned long ent_clock;
};

#if MAX_ENTITIES > 64

#error "doc.ent_bucket holds one bit an entity"

#endif

/* What the run has done: quotations printed, the document's name; the
 * bytes documents hold, kept from one document to the next. */
struct run {
	unsigned long found;
	int stop; /* -q found something */
	const char *file;
	struct buf pend_text; /* the text of doc.pend */
	struct buf held;      /* the paragraph held back (doc.held_ok) */
};

/*
 * One paragraph scanned ahead on the reading thread: its scan, and its
 * tokens as tokenize_view(p, 0, n) makes them (not for a paragraph over
 * LONG_PARA or MANY_SPANS, which is read in windows).
 */
struct ahead_line {
	struct held_shape sh; /* the held quotation the scan assumed */
	struct scanned sc;
	int ready; /* sc, spans and tokens are here */
	size_t span0, nspans;
	size_t tok0, ntoks;
};

/* The hook data of one batch of paragraphs: the spans and tokens of all
 * its paragraphs, one after the other, as arrays in byte buffers. */
struct ahead {
	struct ahead_line *lines;
	size_t lines_cap;
	struct buf spans; /* struct span [] */
	struct buf toks;  /* struct tok [] */
};

/* main.c */
extern struct run run;
extern struct doc doc;
SHARED void emit(unsigned long long line, size_t col, const char *q,
    size_t qlen, const struct attr *a, unsigned kind);
SHARED void highlight_line(const struct line *ln);

/* lexicon.c */
extern uint32_t verb_shape[24][26];
extern uint32_t verb_start[26];
SHARED uint32_t lex_lookup(const char *w, size_t n);
SHARED int lex_gender(uint32_t lx);
SHARED uint32_t char_at_multi(const char *p, size_t n, size_t i, size_t *w);
SHARED uint32_t char_before(const char *p, size_t i);
extern unsigned char ascii_class[128];
extern unsigned char mark_byte[256];
extern unsigned char word_byte[256];
SHARED int is_space(uint32_t c);
SHARED int is_letter(uint32_t c);
SHARED int is_upper(uint32_t c);
SHARED int is_dash(uint32_t c);
SHARED int opens_after(uint32_t c);
SHARED void lex_init(void);
SHARED void lex_free(void);
SHARED void list_words(void);

/* marks.c */
extern THREAD_LOCAL struct span *spans;
extern THREAD_LOCAL size_t nspans, spans_cap;
SHARED void spans_reserve(size_t n);
extern THREAD_LOCAL struct tok *toks;
extern THREAD_LOCAL size_t ntoks, toks_cap;
extern THREAD_LOCAL const char *para;
SHARED void toks_lend(struct tok *v, size_t n);
SHARED void toks_unlend(void);
SHARED size_t without_possessive(const char *s, size_t n);
SHARED int possessive(size_t i);
SHARED int tok_verb(size_t i);
SHARED void tokenize(const char *p, size_t from, size_t to);
SHARED void tokenize_spans(const char *p, size_t w0, size_t w1);
SHARED int shape_room(const struct held_shape *sh);
SHARED void scan_para(
    const char *p, size_t n, const struct held_shape *sh, struct scanned *sc);
SHARED void shape_after(
    struct held_shape *sh, const char *p, const struct scanned *sc);

/* entities.c */
SHARED size_t cut_len(const char *s, size_t n, size_t max);
SHARED void copy_short(char *d, const char *s, size_t n);
SHARED size_t ent_renote(size_t i, int gender, int org, int subject);
SHARED size_t ent_note(
    const char *s, size_t n, int gender, int org, int subject);
SHARED long ent_by_last(const char *w, size_t n, int caseless);
SHARED long ent_by_first(const char *w, size_t n);
SHARED long ent_for_pronoun(uint32_t lx);
SHARED void scan_names(const char *p, size_t n);

/* attribute.c */
SHARED void attr_clear(struct attr *a);
SHARED size_t owner_len(const char *w, size_t n);
SHARED size_t sent_start(size_t i);
SHARED int find_before(size_t qi, struct attr *a);
extern struct attr reported;
extern size_t reported_tok;
extern int reported_ok;
SHARED size_t count_words(const char *s, size_t n, size_t max);
extern size_t tracked;
SHARED void track_upto(size_t end);
SHARED void attribute_all(void);

/* paragraph.c */
extern struct pquote *pq;
extern size_t pq_cap;
SHARED void pend_finish(void);
extern int long_mode;
extern size_t ahead_after;
SHARED int pure_quotes(void);
SHARED size_t pend_len_after(size_t len, const char *s, size_t n);
SHARED void process_line(const struct line *ln, unsigned long long lineno,
    const struct ahead *ah, size_t item, unsigned long long seq);
SHARED int quotes_ahead(struct input *in, int *failed);

/* 0 if the lower-case word w[0..n) cannot be a speech verb. */
static inline int
maybe_verb(const char *w, size_t n)
{
	unsigned char a = (unsigned char)w[0], z = (unsigned char)w[n - 1], b;

	if (!(n >= 3 && n < 24 && a >= 'a' && a <= 'z' && z >= 'a' &&
		z <= 'z' && (verb_shape[n][a - 'a'] & (1u << (z - 'a')))))
		return 0;
	b = (unsigned char)w[1];
	return b < 'a' || b > 'z' || (verb_start[a - 'a'] & (1u << (b - 'a')));
}

/* The character at p[i] (' ' past the end) and its length in *w. */
static inline uint32_t
char_at(const char *p, size_t n, size_t i, size_t *w)
{
	if (i >= n) {
		*w = 0;
		return ' ';
	}
	if ((unsigned char)p[i] < 0x80) {
		*w = 1;
		return (unsigned char)p[i];
	}
	return char_at_multi(p, n, i, w);
}

static inline int
is_alnum(uint32_t c)
{
	if (c < 0x80)
		return ascii_class[c] & 3;
	return c != UTF8_BAD && uc_isalnum(c);
}

static inline uint32_t
tok_lex(size_t i)
{
	struct tok *t = &toks[i];

	if (t->type != T_WORD)
		return 0;
	if (!(t->flags & TF_LEXED)) {
		t->lex = lex_lookup(para + t->beg, t->end - t->beg);
		t->flags |= TF_LEXED;
	}
	return t->lex;
}

static inline int
tok_is_n(size_t i, const char *w, size_t n)
{
	return i < ntoks && toks[i].type == T_WORD &&
	    toks[i].end - toks[i].beg == n &&
	    memcmp(para + toks[i].beg, w, n) == 0;
}

static inline int
tok_punct(size_t i, uint32_t c)
{
	return i < ntoks && toks[i].type == T_PUNCT && toks[i].ch == c;
}

static inline int
tok_cap(size_t i)
{
	return i < ntoks && toks[i].type == T_WORD && (toks[i].flags & TF_CAP);
}

static inline int
tok_lower(size_t i)
{
	return i < ntoks && toks[i].type == T_WORD &&
	    !(toks[i].flags & (TF_CAP | TF_DIGIT));
}

#endif
