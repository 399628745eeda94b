/*
 * dates.h - the parts of extract-dates and what they share.
 *
 * A line is read once by scan.c, which stops only at candidate triggers
 * (a digit, or a word whose first letters can begin a lexicon word) and
 * tokenizes a small window around each; parse.c reads a date expression
 * from the window's tokens, resolving relative ones against the anchor of
 * the document (anchor.c: the dateline, else --ref); emit.c writes the
 * value in ISO 8601 with the TIMEX3 extensions.  calendar.c does the day
 * arithmetic, lexicon.c the word lookups (tables made from *.words).
 */
#ifndef DATES_H
#define DATES_H

#include <stddef.h>
#include <stdint.h>

/* An ASCII letter (anchor.c and scan.c read words with it; the bytes of
 * UTF-8 letters are not, as the lexicon holds ASCII words only). */
static inline int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ---- lexicon (lexicon.c; one class a *.words file) ---- */

enum lexclass {
	L_NONE,
	L_MONTHS,    /* january 1 ... december 12 */
	L_WEEKDAYS,  /* monday 1 ... sunday 7; plural +10 (a set) */
	L_RELDAYS,   /* today 0, tomorrow 1, yesterday -1 ... */
	L_UNITS,     /* day, week ... (enum unit) */
	L_NUMBERS,   /* one 1 ... ninety 90 */
	L_ORDINALS,  /* first 1 ... thirty-first 31 */
	L_MODIFIERS, /* this, next, last, early ... (enum mod) */
	L_PARTS,     /* morning ... (enum pod), noon, midnight */
	L_SEASONS,   /* spring 1 ... winter 4 */
	L_HOLIDAYS,  /* christmas ... (holiday number) */
	L_PAST,      /* said, was ... : the clause is in the past */
	L_FUTURE,    /* will, 'll ... : the clause is in the future */
	L_BLOCKERS,  /* Route, Boeing, version ...: the number after is no date
		      */
	L_ZONES,     /* GMT, EST ...: a clock time's zone (kept in the span) */
	L_AGENCIES,  /* Reuters, AP ...: a dateline's agency */
	L_STREETS,   /* Avenue, St ...: 1600 Pennsylvania Avenue */
	L_BOUNDS,    /* EOY, BOM ...: the end or beginning of a period */
	NLEXCLASS
};

/* Units of time (L_UNITS values). */
enum unit {
	U_NONE,
	U_SECOND,
	U_MINUTE,
	U_HOUR,
	U_DAY,
	U_WEEK,
	U_WEEKEND,
	U_FORTNIGHT,
	U_MONTH,
	U_QUARTER,
	U_HALF,
	U_YEAR,
	U_DECADE,
	U_CENTURY
};
#define U_PLURAL 100 /* added to a unit's value: "days" */

#define M_UNTIL_ALIAS M_TO /* until, till, through: the same signal as to */

/* Modifiers (L_MODIFIERS values). */
enum mod {
	M_NONE,
	M_THIS,
	M_NEXT,
	M_LAST,
	M_PAST, /* the past week: the last seven days */
	M_COMING,
	M_PREVIOUS,
	M_FOLLOWING,
	M_EARLY,
	M_MID,
	M_LATE,
	M_EARLIER, /* earlier this year */
	M_LATER,
	M_AGO,
	M_THE,
	M_FROM,
	M_TO, /* to, through, until, till, thru */
	M_BETWEEN,
	M_AND,
	M_SINCE,
	M_BEFORE,
	M_AFTER,
	M_ON,
	M_IN,
	M_OF,
	M_AT,
	M_BY,
	M_DURING,
	M_FISCAL,
	M_SAME,
	M_HENCE, /* from now */
	M_END,   /* end, beginning, start, middle: "the end of March" */
	M_BEGIN,
	M_MIDDLE,
	M_A,     /* a, an */
	M_EVERY, /* every, each: a set, not a date */
	M_CURRENT,
	M_OCLOCK,
	M_AM,
	M_PM,
	M_HALFWORD, /* half past */
	M_QUARTERW,
	M_PASTW, /* past (after a clock) */
	M_NOW,
	M_WITHIN,
	M_FOR,
	M_AROUND,
	M_KIND /* calendar, working, business: "this calendar year" */
};

/* Parts of the day (L_PARTS values). */
enum pod { P_NONE, P_MO, P_AF, P_EV, P_NI, P_NOON, P_MIDNIGHT, P_DAYTIME };

struct lexent {
	uint8_t cls;
	uint8_t trigger; /* may start a date expression */
	int16_t val;
};

/* Every class of a word (second: a unit and an ordinal). */
#define LEX_MAXCLASS 4
struct lexword_all {
	uint32_t mask; /* bit 1 << cls for each class */
	int n;
	struct lexent e[LEX_MAXCLASS]; /* e[0]: the first class */
	/* what the scanner copies into a token, worked out once by
	 * lex_init() instead of at every occurrence of the word: */
	uint8_t mod;  /* its L_MODIFIERS value, else 0 ("at": M_AT) */
	uint8_t trig; /* may head an expression: a trigger class, or
		       * a.m., p.m., o'clock ("pm" in "at 5 pm") */
};

void lex_init(void);
/* All the classes of the word p[0..len) (A-Z read as a-z), or NULL. */
const struct lexword_all *lex_find(const char *p, size_t len);
/* The same for the word s[i..i+len) of a line of n bytes: reads the
 * line's bytes in two 8-byte loads when 16 of them are there. */
const struct lexword_all *lex_find_at(
    const char *s, size_t n, size_t i, size_t len);
/* The entry of the word p[0..len) (any case), or NULL. */
const struct lexent *lex_get(const char *p, size_t len);
/* The entry of the word in class cls (a word may be in several). */
const struct lexent *lex_get_class(const char *p, size_t len, int cls);
/*
 * For each possible first three letters of a word (a letter: 0 a blank,
 * 1-26 a-z; 32 entries a letter, so that an index is made by shifts), the
 * lengths of the lexicon's words that begin so, a bit a length: bits 0-15 for
 * all words, bits 16-31 for the trigger words. One table load and a shift
 * reject most words of a line ("that" shares its letters with "thanksgiving",
 * not its length).
 *
 * The table is in two levels, so that it stays in the first-level cache
 * (a flat one of 27^3 entries took 78 KiB, and its load was the slowest
 * instruction of the scanner): lex_pre2[] gives, for the first two
 * letters, a block of 32 entries for the third, block 0 being all zero
 * for the two-letter beginnings no word has ("xq").
 */
#define LEX_TRIGGER_SHIFT 16
extern uint16_t lex_pre2[32 * 32];
extern uint32_t lex_pre3[32 * 32 + 1][32];
extern const unsigned char lex_letter[256]; /* a-z, A-Z: 1-26; else 0 */

/* The length bits of the words that begin as w[0..len) does. */
static inline uint32_t
lex_prefix_bits(const unsigned char *w, size_t len)
{
	/* no branch on the length: w[0] is read again in place of the
	 * letters a short word has not, then multiplied away */
	unsigned a = lex_letter[w[0]];
	unsigned b = lex_letter[w[len > 1]] * (len > 1);
	unsigned c = lex_letter[w[(len > 2) * 2]] * (len > 2);

	return lex_pre3[lex_pre2[a << 5 | b]][c];
}

/* Whether the word w[0..len) may be a trigger word. */
static inline int
lex_maybe_trigger(const unsigned char *w, size_t len)
{
	return len <= 15 &&
	    (lex_prefix_bits(w, len) >> (LEX_TRIGGER_SHIFT + len) & 1);
}

/* Whether the word w[0..len) may be in the lexicon at all. */
static inline int
lex_maybe_word(const unsigned char *w, size_t len)
{
	return len <= 15 && (lex_prefix_bits(w, len) >> len & 1);
}

/* ---- calendar.c ---- */

long days_from_civil(int y, int m, int d);
void civil_from_days(long z, int *y, int *m, int *d);
int weekday_of(long days); /* 1 Monday .. 7 Sunday */
int month_days(int y, int m);
/* y-m-d moved by n months (n < 0: back), a day past the new month's end
 * its last day: 2024-01-31 and one month is 2024-02-29. */
void months_later(int *y, int *m, int *d, long n);
/* The ISO week of a day: its number, and its year in *wy. */
int iso_week(long days, int *wy);
long easter_days(int y);
/* The n-th (1..5, or -1 the last) weekday wd of month m of year y. */
long nth_weekday(int y, int m, int wd, int n);
long orthodox_easter_days(int y);
/* Hebrew date (months from Nisan 1 .. Adar 12, Adar II 13; the year
 * begins at Tishrei 7) to days; whether the Hebrew year y is a leap. */
long hebrew_days(long y, int m, int d);
int hebrew_is_leap(long y);
/* Tabular Islamic date to days. */
long islamic_days(long y, int m, int d);
/* The first day of Islamic month m of year y (Umm al-Qura). */
long islamic_month_start(long y, int m);
long chinese_new_year_days(int y);
/* Diwali (Lakshmi Puja) of year y; 0 if none found. */
long diwali_days(int y);
long lunar_festival_days(int y, int month, int tithi, int hour);
long solar_ingress_days(int y, int sign, int hour);
long nakshatra_days(int y, int sign, int nak, int hour);

/* ---- values ---- */

enum grain {
	G_NONE,
	G_CENTURY,
	G_DECADE,
	G_YEAR,
	G_HALF,
	G_QUARTER,
	G_SEASON,
	G_MONTH,
	G_WEEK,
	G_WEEKEND,
	G_DAY,
	G_POD,
	G_HOUR,
	G_MINUTE,
	G_SECOND
};

/*
 * A value: a span of time at a grain.  y/m/d are the civil date of its
 * start (a week's Monday); q is the quarter, half, season (1 spring ..
 * 4 winter) or part of day; fiscal marks FY values (G_YEAR, G_QUARTER,
 * G_HALF).  hh/mm/ss for clock grains.
 */
struct tv {
	int grain;
	int y, m, d;
	int q;
	int hh, mm, ss;
	int fiscal;
};

/* Write v as a TIMEX3 value into buf (64 bytes); returns the length. */
size_t tv_format(const struct tv *v, char *buf);

/* ---- tokens (scan.c) ---- */

enum toktype { T_WORD = 1, T_NUM, T_PUNCT, T_TAG };

#define TF_CAP 0x01   /* a word starting with a capital */
#define TF_SP 0x02    /* white space before the token */
#define TF_ORD 0x04   /* 1st, 22nd */
#define TF_S 0x08     /* 1990s, '90s */
#define TF_POSS 0x10  /* word's, word’s */
#define TF_UPPER 0x20 /* a word all in capitals */
#define TF_DOT 0x40   /* the word's abbreviation dot is in the span */
#define TF_COMMA 0x80 /* a number written with thousands commas */

struct tok {
	size_t beg, end;
	uint8_t type;
	uint8_t flags;
	uint8_t cls;  /* words: lexicon class */
	uint8_t ndig; /* numbers: digits; tags: letters */
	char ch;      /* punctuation: '-' (any dash), '/', ',', ':' ... */
	char tag[3]; /* T_TAG: lower-case letters before the digits: q, h, fy */
	uint8_t trig;   /* may be the head of an expression */
	uint8_t lazy;   /* a word not looked up yet: tok_lookup(); 2
			 * (LAZY_WIDE) when 16 bytes of the line follow */
	uint8_t mod;    /* its enum mod when it is a modifier word, else 0 */
	uint32_t cmask; /* bit 1 << cls for each class of the word */
	int32_t val;    /* number, or lexicon value */
	const struct lexword_all *lex; /* words: all their classes, or NULL */
};

#define LAZY_WIDE 2

#define WIN_TOKS 96
#define WIN_LEFT 12  /* tokens kept before a head when the window slides */
#define WIN_RIGHT 32 /* tokens wanted after a head */

/*
 * A window of tokens sliding over a line: each byte is tokenized once;
 * when a head comes near the end, the tokens before it (but WIN_LEFT)
 * are dropped and more are read.
 */
struct window {
	const char *s; /* the line */
	size_t n;
	size_t pos;    /* where tokenizing goes on */
	int sp;        /* white space before pos */
	struct tok *t; /* buf */
	int nt;
	int head; /* the token the window was made for */
	/* bit k (of word k / 64) set: t[k].trig; main.c goes from one
	 * trigger to the next without looking at the tokens between */
	uint64_t trigs[(WIN_TOKS + 63) / 64];
	struct tok buf[WIN_TOKS];
};

/* Whether the line goes on past the window's last token: there may be
 * more tokens to slide in. */
int window_more(const struct window *w);

/* Start a window on s[from..n): tokenize as much as fits; head is set to
 * the first token ending after at. */
void tokenize(
    struct window *w, const char *s, size_t n, size_t from, size_t at);
/* Look up the word t of the line s if it was left for later. */
void tok_lookup(const char *s, struct tok *t);

/* Drop the tokens before index keep and read more.  Returns how many
 * were dropped. */
int window_slide(struct window *w, int keep);
/* The first trigger token at index h or after, or w->nt. */
int window_next_trigger(const struct window *w, int h);
/* Whether s[i..n) has a digit or a word that may be a trigger. */
int has_candidate(const char *s, size_t n, size_t i);

/* The next candidate trigger in s[i..n), or n. */
size_t next_candidate(const char *s, size_t n, size_t i);

/* ---- the document's state (anchor.c) ---- */

struct anchor {
	int have;      /* an anchor is known */
	long days;     /* its day */
	int hh, mm;    /* its clock, -1 if none */
	int from_line; /* dateline (1) or --ref (0) */
	long last;     /* the last day mentioned, for "the following day" */
	int have_last;
	long sday;   /* the last day named in this line ... */
	size_t send; /* ... ending here (byte), for a bare clock */
	int have_sday;
	/* the last month, quarter or half named in this line, with no day
	 * named after it: "sales rose in July from a year ago" (2010-07) */
	struct tv speriod;
	int have_speriod;
	int tense; /* -1: read as past whatever the clause (the dateline) */
};

struct options {
	int have_ref;
	long ref_days;
	int ref_hh, ref_mm;
	int day_first;      /* --locale en-GB */
	int open_intervals; /* --open-intervals */
	int no_dateline;    /* --no-dateline */
	int each_line;      /* --each-line */
};
extern struct options opt;

/* Whether a sentence ends between bytes a and b of s. */
int sentence_between(const char *s, size_t n, size_t a, size_t b);

/* Tense of the clause around [beg, end) of s: -1 past, 1 future, 0 none. */
int clause_tense(const char *s, size_t n, size_t beg, size_t end);

/* ---- expressions (parse.c) ---- */

/*
 * The hour h (0..23) of a clock written without a.m. or p.m., read in
 * the part of the day pod (enum pod): "this afternoon at 2" is 14, "9 at
 * night" 21 but "2 at night" 2; 12 in the morning is 0, in the evening or
 * at night 24, the midnight that ends the day (the caller moves it to
 * the next day's 00:00).  Other parts (noon, daytime) leave h as it is.
 */
int pod_hour(int pod, int h);

enum kind { K_DATE, K_TIME, K_INTERVAL };

struct expr {
	size_t beg, end; /* bytes of the line */
	struct tv a, b;  /* b.grain: an interval a/b */
	int open;        /* 1: a/.. ; -1: ../a */
	int relative;    /* needed the anchor */
	int xyear;       /* only the year came from the anchor */
	int wd;          /* a bare weekday, for the unresolved form */
	int kind;
	/* for compose.c: a clock (or clock range) whose day was not
	 * written ("9 a.m.", "from 3 to 5 p.m."), and whether its hours
	 * are fixed by a.m./p.m., noon or midnight */
	int clock_only, ampm;
	int tense; /* of the clause, when a bare weekday asked: -1, 0, 1 */
};

/*
 * Read the date expression whose trigger is token w->head.  Returns 1
 * with *e filled, else 0.  floor: no byte before it may be taken.
 */
int parse_at(
    struct window *w, const struct anchor *an, size_t floor, struct expr *e);

/* ---- composition (compose.c) ---- */

/*
 * Join b, the expression found after a on the same line of s, into a
 * when the words between them make one expression of the two ("Jan 2019
 * and today" after "between", "Saturday for 9am", "5 p.m. on April 22").
 * floor: no byte before it may be taken into a's span.  Returns 1 when
 * joined (a is then the whole), else 0.
 */
int compose_exprs(struct expr *a, const struct expr *b, const char *s, size_t n,
    size_t floor, const struct anchor *an);

/*
 * Take into x the bare hours written just before it (after floor), which
 * are no expression alone: "9 tomorrow", "eight tonight", "between 3 and
 * 5 on 1/1/2015".  Returns 1 when x grew.
 */
int compose_lead(struct expr *x, const char *s, size_t n, size_t floor,
    const struct anchor *an);

/* x, a clock after from or between, with the bare hour that ends its
 * range after it ("from 10:30 to 3", "between 6:30 to 9 pst"); 1 when x
 * grew. */
int compose_tail(struct expr *x, const char *s, size_t n, size_t floor);

/* b, a clock that ends an interval begun at clock a on the same day but
 * earlier in it, moved to the next day: "10 p.m. to 2 a.m." */
void tv_overnight(const struct tv *a, struct tv *b);

/* A dateline at the start of the line: its day in *days. */
int find_dateline(const char *s, size_t n, const struct anchor *an, long *days,
    struct expr *e);

#endif
