/*
 * declutter.h - what the parts of declutter share: the categories, a rule,
 * a line's features, a slot of the window, and each part's entry points.
 *
 *   main.c      options, the per-document loop, output
 *   rules.c     rule files, the built-in rules, compiling and matching
 *   features.c  how a line reads: words, stopwords, endings, credits
 *   reading.c   a line without the bullets and marks text browsers add
 *   table.c     runs of lines of cells: a table decided as one block
 *   prose.c     prose in any language: clauses, case, characters
 *   decide.c    the window of lines and the verdict of each line
 *   learn.c     fingerprint sets: repeats in a document, across documents
 *   layout.c    where a line stands relative to the article's run of prose
 *
 * The parts are compiled as one translation unit (the Makefile's rule for
 * a filter that is a folder), so the calls between them cost nothing.
 */
#ifndef DECLUTTER_H
#define DECLUTTER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lineio.h"

/* The categories; CAT_CONTENT is what a reader came for. */
enum category {
	CAT_CONTENT,
	CAT_AD,
	CAT_PAYWALL,
	CAT_ACCOUNT,
	CAT_NEWSLETTER,
	CAT_SHARE,
	CAT_COMMENTS,
	CAT_NAV,
	CAT_RELATED,
	CAT_MEDIA,
	CAT_LEGAL,
	CAT_META,
	CAT_LABEL,
	NCAT
};

extern const char *const cat_names[NCAT];

/*
 * Tunables.  Contains rules describe short furniture; past ANY_MAX bytes a
 * line that merely mentions the words is prose.  A line longer than
 * COPY_MAX is not copied into the window: it is decided at once.
 */
#define ANY_MAX 240
#define LINE_RULE_MAX 200 /* longer lines: prefix rules only */
#define GRAM_LONG 40      /* grams looked for in a longer line */
#define COPY_MAX (1u << 20)
#define BEHIND 14 /* decided lines kept for context */
#define AHEAD 48  /* lines read before the oldest is decided */
#define WINDOW 64 /* ring size: a power of two > BEHIND + AHEAD + 1 */
_Static_assert(WINDOW > BEHIND + AHEAD + 1 && (WINDOW & (WINDOW - 1)) == 0,
    "the ring must hold the lines behind and ahead of the one decided, "
    "and the next line, begun (main.c)");
#define SCAN_MAX 160         /* a longer line is sampled ... */
#define SCAN_LONG 56         /* ... by its first SCAN_LONG bytes */
#define SEEN_CAP (1u << 15)  /* fingerprint slots per document, at most */
#define LEARN_CAP (1u << 21) /* fingerprint slots for --learn, at most */

/* The options (main.c). */
struct options {
	int keep[NCAT];       /* 1: a kept category (content always) */
	int invert;           /* -v */
	int explain;          /* --explain */
	int mark;             /* --mark */
	int list_rules;       /* --list-rules */
	int no_default_rules; /* --no-default-rules */
	int learn;            /* -1 auto, 0 no, 1 yes */
	const char **rule_files;
	size_t nrule_files;
};
extern struct options opt;

/* ------------------------------------------------------------------ */
/* rules.c                                                             */

/* How a rule matches a line. */
enum rule_kind {
	KIND_LINE,  /* the whole line, white space around it ignored */
	KIND_START, /* a prefix of the line */
	KIND_ANY    /* anywhere in a line of at most ANY_MAX bytes */
};

/* A set of bytes, one bit each. */
struct byteset {
	uint64_t w[4];
};

struct rule {
	const char *file;     /* "builtin" or the -r operand */
	unsigned long lineno; /* its line in that file */
	char *text;           /* the rule line as written, for --list-rules */
	char *pat;            /* its pattern as joined (an open \Q closed) */
	char *why;            /* "rule:FILE:LINE", tabs replaced */
	unsigned groups;      /* capturing groups of its pattern, or
			       * RULE_GROUPS_UNKNOWN: see rule_groups() */
	struct rx *rx;        /* contains rules: compiled alone */
	struct rx *arx;       /* literal-led rules: compiled alone,
			       * anchored, on first use */
	int generic;          /* no literal prefix: use the buckets */
	int gated;            /* generic, but found through its grams */
	unsigned char cat, kind, end, weak;
	/* Of a generic anchored rule (others: empty): */
	struct byteset first;  /* bytes a match can start with */
	struct byteset second; /* bytes that can come second */
	uint64_t punct;        /* of the characters U+2000-U+203F (E2 80
				* xx), those a match can start with: bit
				* xx - 0x80 */
};

/* Load the built-in rules (unless --no-default-rules) and the -r files;
 * a bad rule is a fatal "FILE:LINE: message". */
void rules_load(void);
/* Print the rules in force (--list-rules). */
void rules_list(void);
void rules_free(void);
/* Keep the built-in rules from one rules_free() to the next rules_load()
 * (for a harness that runs main() many times; see rules.c). */
void rules_keep(int on);
/* Rule i (0 <= i < the number loaded). */
const struct rule *rule_at(int i);
/*
 * The capturing groups of rule r's pattern.  A built-in rule's are
 * counted from its text when first asked for (the buckets that join it
 * with others number their marker groups by them; few rules are in a
 * bucket, and counting all of them was a seventh of the start-up).
 */
#define RULE_GROUPS_UNKNOWN (~0u)
unsigned rule_groups(const struct rule *r);
/*
 * The first rule (in rule order) that matches p[0..len), the line without
 * surrounding white space, or -1.  prose: the line reads as a paragraph
 * (only its ends are searched for contains rules).
 */
int rules_match(const char *p, size_t len, int prose, const char *label,
    unsigned long long lineno);
/*
 * Start fetching what rules_match(p, len, ...) reads first for a line
 * that starts p[0..len) (its bucket by the first two bytes, the trie's
 * node for them), which the cache seldom holds: classify() asks before
 * the line's features, which take long enough for the fetch.
 */
void rules_prefetch(const char *p, size_t len);
/*
 * The bytes a match of pattern[0..len) can start with and those that can
 * come second, and (if punct is not NULL) which of the characters U+2000
 * to U+203F it can start with (bit c: U+2000 + c); all where the
 * analysis cannot tell.
 */
void rule_first_bytes(const char *pat, size_t len, struct byteset *first,
    struct byteset *second, uint64_t *punct);

/* ------------------------------------------------------------------ */
/* features.c                                                          */

/* How a line reads. */
enum shape {
	SHAPE_BLANK,
	SHAPE_SHORT, /* a few words, no sentence: a heading, a menu item */
	SHAPE_PROSE, /* a sentence of some length */
	SHAPE_LONG   /* a paragraph: clearly prose */
};

struct features {
	size_t len;                /* bytes without surrounding white space */
	unsigned words;            /* words in the first SCAN_MAX bytes */
	unsigned stops;            /* stopwords among them */
	unsigned lower;            /* words starting with a lower-case letter */
	unsigned capwords;         /* words starting with a capital */
	unsigned numwords;         /* words starting with a digit */
	unsigned hiwords;          /* words starting with a letter past ASCII */
	unsigned wide;             /* kana and CJK characters (if any word
				      starts with one) */
	unsigned char term;        /* ends with . ! ? or an ellipsis */
	unsigned char period;      /* ends with a full stop */
	unsigned char bar;         /* holds " | ": a site title, a menu row */
	unsigned char credit;      /* ends with a photo credit */
	unsigned char url;         /* holds a web address ("https://"; lines
				      of at most ANY_MAX bytes) */
	unsigned char byline;      /* reads like a byline: a name and a place */
	unsigned char colon;       /* ends with ':' */
	unsigned char bullet;      /* starts with a bullet or dash */
	unsigned char first_upper; /* starts with a capital letter or digit */
	unsigned char shape;
};

/* ASCII lower-casing as a table: lower_byte['A'] is 'a', lower_byte[0xC3]
 * is 0xC3 (features.c). */
extern const unsigned char lower_byte[256];

/* Build the tables of the word scan; once, before any line is read. */
void features_init(void);
void features_free(void);
/*
 * The slot of the word w[0..n) (ASCII letters, any case) in the lists of
 * legal text, or NULL: flags LEGAL_WORD (value: the word's number in
 * legal.words, from 1) and ADDRESS_WORD ("you", "your": the reader).
 */
struct wordtab_slot;
#define LEGAL_WORD 1u
#define ADDRESS_WORD 2u
const struct wordtab_slot *legal_word(const char *w, size_t n);
/* Trim ASCII white space and no-break spaces around p[0..*len). */
const char *line_trim(const char *p, size_t *len);
void line_features(const char *line, size_t len, struct features *f);

/* ------------------------------------------------------------------ */
/* reading.c                                                           */

/* The marks line_reading() found before a line's text. */
#define MARK_INDENT 1  /* two or more columns of white space */
#define MARK_BULLET 2  /* a list bullet: * + o # - • □ ☆ ... */
#define MARK_BRACKET 4 /* a link number "[12]", "[ ]", "(BUTTON)" */
#define MARK_NUMBER 8  /* a list number "3. " */

/*
 * The text of line[0..*len) without surrounding white space and the
 * bullets, link numbers and widgets a text browser prints before it
 * ("   * [4]More stories" reads "More stories"; a line of marks alone,
 * "•", reads as itself); *len is set to its length and *marks (if not
 * NULL) to the MARK_* bits found (at most 8 marks are read).
 */
const char *line_reading(const char *line, size_t *len, unsigned *marks);

/* What a text browser prints that is not the page's text. */
#define CHROME_IMAGE 1   /* a picture's file name: "[logo.svg]", "[gif]" */
#define CHROME_BROWSER 2 /* lynx's "#alternate" link list, "IFRAME: URL" */
#define CHROME_DOUBLED 3 /* a teaser's text printed twice (alt + link) */
#define CHROME_RULE 4 /* a drawn rule: "=====" under a heading, "━━━━" */

/*
 * Is the reading p[0..n) browser chrome (CHROME_*), or 0?  text_started:
 * a line of the page's text came before (lynx's link list is first).
 */
int browser_chrome(const char *p, size_t n, int text_started);

/*
 * The length of the text that p[0..n) holds two or three times over
 * ("Tax rises aheadTax rises ahead": a teaser card's picture alt text and
 * link), or 0.
 */
size_t doubled_text(const char *p, size_t n);

/*
 * The cells of p[0..n), a line's reading: parted by a tab or by two
 * spaces or more ("1  Ana Ruiz  4120" has 3); 1 for a line of one cell
 * or longer than a table row (512 bytes); at most 255.
 */
unsigned text_cells(const char *p, size_t n);

/* ------------------------------------------------------------------ */
/* learn.c                                                             */

/* A set of line fingerprints with a byte of value each. */
struct fpset {
	uint64_t *key; /* 0: empty slot */
	unsigned char *val;
	unsigned *doc; /* --learn: last document that counted it */
	size_t mask, used, cap;
	unsigned gen; /* changes when slots move (grow, clear) */
};

void fpset_init(struct fpset *s, size_t cap, int with_doc);
void fpset_free(struct fpset *s);
void fpset_clear(struct fpset *s);
size_t fpset_find(struct fpset *s, uint64_t fp, int add, int *fresh);
/*
 * Start fetching the slot where fpset_find(s, fp, ...) looks first: the
 * sets are too big for the cache, so a lookup waits for memory unless
 * the line's other work was done in between.  Changes nothing.
 */
void fpset_prefetch(const struct fpset *s, uint64_t fp);
/* The fingerprint of a line's reading (white space and a text browser's
 * marks around it ignored). */
uint64_t line_fp(const char *p, size_t len);
/* line_fp of a line whose reading is t[0..n). */
uint64_t reading_fp(const char *t, size_t n);

/* Bytes two lines' readings share at the start when one is a copy of
 * the other, whole or cut short ("The mill reopened on Saturday as a
 * bakery ..." and "The mill reopened on Saturday as a ..."). */
#define COPY_PREFIX 40
/* The fingerprint of the first COPY_PREFIX bytes of a line's reading
 * p[0..len) (see line_reading; not one of line_fp's), or 0 when the
 * reading is shorter. */
uint64_t prefix_fp(const char *p, size_t len);

/* --learn: the lines found in many documents of the run. */
struct learning {
	struct fpset set; /* documents per line */
	unsigned min;     /* documents a line must be in; 0: not learning */
};
extern struct learning learning;

/* Count the documents each line of files[0..nfiles) is in (standard
 * input is not read twice: it is left out); fewer than three documents
 * learn nothing. */
void learn(char **files, int nfiles);

/* ------------------------------------------------------------------ */
/* decide.c                                                            */

/* What the line is, before context. */
enum signal {
	SIG_BLANK,
	SIG_WEAK,       /* short, no rule: context decides */
	SIG_PROSE,      /* a sentence: content unless hemmed in by furniture */
	SIG_LONG,       /* a paragraph: content */
	SIG_FURN,       /* a rule or a repetition said furniture */
	SIG_SEE_THROUGH /* an ad slot or a label: context looks past it */
};

struct slot {
	struct buf text; /* the line's bytes, unless it is huge */
	int crlf, nonl, huge;
	unsigned long long lineno;
	struct features f;
	uint64_t fp;
	size_t seen_slot;      /* its slot in the seen set ... */
	unsigned seen_gen;     /* ... while the set keeps this generation */
	size_t rd_off, rd_len; /* its reading (line_reading) in text */
	unsigned char marks;   /* MARK_* before the reading */
	int rule;              /* index of the rule that matched, or -1 */
	unsigned char sig;
	unsigned char cat;      /* the signal's category, then the verdict's */
	unsigned char repeated; /* seen before in this document */
	unsigned char learned;  /* recurs across the run's documents */
	unsigned char chrome;   /* CHROME_*: a text browser's, not the page's */
	unsigned char cells;    /* cells parted by tabs or runs of spaces */
	unsigned char numbered; /* starts with a list number, "3. " */
	unsigned char row;      /* ROW_*: a row of a table (table.c) */
	unsigned char prefix_done; /* prefix is worked out (decide.c) */
	uint64_t prefix;           /* prefix_fp() of the reading */
	unsigned char decided;
	unsigned char kept;
	const char *why;
};

/* The state of the document being read: its lines wait in the ring. */
struct document {
	const char *label;
	unsigned long long next;       /* lines read */
	unsigned long long done;       /* lines decided */
	int after_end;                 /* category of the end marker, or 0 */
	int seen_content;              /* a content line was decided */
	int headline;                  /* a headline was kept */
	unsigned paragraphs;           /* paragraphs kept so far */
	unsigned long long standfirst; /* line that may carry on the top */
	unsigned long docno;
	/* Where the article stands (layout.c). */
	unsigned long content_words; /* words of the content kept so far */
	unsigned gap;      /* furniture lines since the last content */
	unsigned gap_furn; /* those a rule or a repeat said */
	int outside;       /* the article is over: what follows is not */
	unsigned long long
	    list_end;        /* a list of teasers or comments ends here */
	int list_cat;        /* its category (CAT_CONTENT: none yet) */
	unsigned list_heads; /* a teaser's short lines */
	int list_title;      /* a teaser's one short line is a title */
	int text_started;    /* a line of the page's own text was read */
};
extern struct document doc;

/*
 * What classify() works out from a line's reading alone (its features,
 * browser chrome, doubled text, rule and cells), kept by the reading's
 * fingerprint: a line read again (a menu item, "Advertisement", a share
 * row, on every page of a site) is not measured and matched again.  Two
 * slots a set: a new reading takes the place of the one less recently
 * met, so memory stays MEMO_SLOTS entries whatever the input.
 */
#define MEMO_SLOTS 4096 /* a power of two */
/* The answers a memo entry keeps besides the features (memo_take()). */
enum memo_field {
	MEMO_CHROME,  /* browser_chrome() after the page's text */
	MEMO_DOUBLED, /* doubled_text() */
	MEMO_RULE,    /* rules_match() */
	MEMO_CELLS,   /* text_cells() */
	MEMO_FIELDS
};
struct memo_entry {
	uint64_t fp;            /* the reading's fingerprint; 0: empty */
	size_t len;             /* its length (a second check) */
	struct features f;      /* line_features and prose_any_script */
	int64_t v[MEMO_FIELDS]; /* MEMO_UNKNOWN (-2): not worked out */
};
/*
 * The tags of a set's two entries (32 bits of each fingerprint, 0: an
 * empty entry) and which of them was met last: a line looks here first
 * (24 KiB, which the cache keeps), and reads an entry (96 bytes, 384 KiB
 * in all, which it does not) only when its tag is there.  Most lines
 * are new: they cost no wait for memory.
 */
struct memo_set {
	uint32_t tag[2];
	unsigned char recent; /* the entry met last, 0 or 1 */
};

/* The window: a ring of WINDOW slots, and the lines seen in the
 * document (the first copy of a line gives later ones its category). */
struct window {
	struct slot ring[WINDOW];
	struct fpset seen;
	struct memo_entry *memo;   /* MEMO_SLOTS of them (for the run) */
	struct memo_set *memo_set; /* MEMO_SLOTS / 2: entries 2k, 2k + 1 */
};
extern struct window win;

#define SLOT(i) (&win.ring[(i) & (WINDOW - 1)])

void window_init(void);
void window_free(void);
/* Start document docno, named label: the window and the seen set empty. */
void document_start(const char *label, unsigned long docno);
/*
 * Begin slot s with the line just read (its reading and fingerprint) and
 * start fetching what classify() will look it up in; nothing else
 * changes, so the line before can be classified meanwhile.
 */
void classify_start(struct slot *s, const struct line *line);
/* Fill slot s, begun by classify_start() with the same line (the same
 * bytes), with its rule, features and repeats. */
void classify(struct slot *s, const struct line *line);
/* Decide line i, all of whose lookahead that exists has been read. */
void decide(unsigned long long i);
/* Does s read like a headline (5 to 30 words, no sentence, not in lower
 * case), with no rule or repetition? */
int top_candidate(const struct slot *s);
/* The nearest decided line before i that is neither blank nor an ad slot
 * or label, within the remembered lines; NULL at the document start. */
const struct slot *prev_decided(unsigned long long i);
/* The category of short line s in a run of furniture between p and n
 * (either NULL), run weak lines long. */
unsigned char run_category(const struct slot *s, const struct slot *p,
    const struct slot *n, unsigned run);

/* ------------------------------------------------------------------ */
/* layout.c                                                            */

/*
 * Line i (not blank, no rule, no repeat) after the article's end: 1 when
 * it is decided as outside the article (s->cat and s->why set), 0 when a
 * run of prose ahead says the article starts again (the end is undone).
 */
int layout_outside(unsigned long long i, struct slot *s);
/* Count decided line s into the article's run and its end. */
void layout_note(const struct slot *s);
/* Before line i is decided: does a list of teasers or comments start? */
void layout_scan(unsigned long long i);
/* Line i (no rule, no repeat) in a list: 1, with s->cat and s->why set
 * (teaser or comment). */
int layout_list(unsigned long long i, struct slot *s);
/* Line i (no rule, no repeat), prose above the story's first paragraph
 * that reads as legal text (a cookie banner): 1, with s->cat and s->why
 * set. */
int layout_legal(unsigned long long i, struct slot *s);

/* ------------------------------------------------------------------ */
/* prose.c                                                             */

/*
 * Raise the shape f of line[0..n) (its reading) to a sentence or a
 * paragraph when it reads as prose in another language or script: a
 * sentence's end, commas, lower-case words, CJK characters.
 */
void prose_any_script(const char *line, size_t n, struct features *f);

/* ------------------------------------------------------------------ */
/* table.c                                                             */

/* slot.row: a row of a table, then one decided with its table. */
#define ROW_MARKED 1
#define ROW_DECIDED 2

/* Line j was just classified: mark it and the rows above it when they
 * make a table (three rows of close cell counts). */
void table_note(unsigned long long j);
/* Line i is a table's row: decide it with its table (1), or 0. */
int decide_table(unsigned long long i, struct slot *s);

#endif
