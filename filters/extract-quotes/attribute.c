/*
 * attribute.c - who said a quotation: the attribution rules over the
 * tokens around it.
 *
 * A noun phrase is read forward (np_forward: "said Finance Minister Joe
 * Blake") or backward (np_backward: "Joe Blake, the minister, said") and
 * np_speaker() makes the speaker and role of an attribution from it.
 * attribute_all() attributes each quotation of a paragraph: find_after()
 * looks after it ('"...," said X', '"...," X said'), find_before() before
 * it in its sentence ('X said: "..."', 'according to X, "..."'),
 * find_later() further on, then the speaker of the quotation before; and
 * quote_kind() says whether it is full, partial or scare.  track_upto()
 * reads the paragraph's tokens up to a quotation for the names they note
 * (entities.c) and for speech_subject(): who spoke in a sentence without
 * a quotation, for the paragraph that follows.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract-quotes.h"
#include "utf8.h"
#include "xalloc.h"

/*
 * An empty attribution.  The text arrays are read only up to their
 * lengths, so only the scalars are cleared (a memset of the whole
 * struct, several times a quotation, showed in profiles).
 */
void
attr_clear(struct attr *a)
{
	a->how = A_NONE;
	a->slen = a->rlen = a->vlen = 0;
	a->sb = a->se = 0;
	a->vtok = a->etok = 0;
}

/* 1 if the word w[0..n) ends in the clitic of a contraction (I'm, They'd,
 * We've, We're, You'll, Don't, with ' or U+2019): a pronoun or a verb,
 * never a name (a possessive's 's is left to the callers).  Asked of
 * every capitalised word once, so the last byte decides most. */
static int
contraction(const char *w, size_t n)
{
	size_t t, a; /* the clitic's and the apostrophe's lengths */

	if (n < 3)
		return 0;
	switch (w[n - 1]) {
	case 'm':
	case 'd':
	case 't':
		t = 1;
		break;
	case 'e':
		if (w[n - 2] != 'v' && w[n - 2] != 'r')
			return 0;
		t = 2;
		break;
	case 'l':
		if (w[n - 2] != 'l')
			return 0;
		t = 2;
		break;
	default:
		return 0;
	}
	if (n >= t + 2 && w[n - t - 1] == '\'')
		a = 1;
	else if (n >= t + 4 && memcmp(w + n - t - 3, "\xe2\x80\x99", 3) == 0)
		a = 3;
	else
		return 0;
	/* n't: the n before the apostrophe */
	return w[n - 1] != 't' || w[n - t - a - 1] == 'n';
}

/* A capitalised word that can be part of a name. */
static NOINLINE int
tok_namecap_uncached(size_t i)
{
	uint32_t lx;
	const struct tok *t = &toks[i];
	size_t n;

	n = t->end - t->beg;
	if (n == 2 && para[t->end - 1] == '.')
		return 1; /* an initial: James A. Baker */
	lx = tok_lex(i);
	if ((lx & (LX_STOPCAP | LX_PREP)) && !(lx & LX_TITLE))
		return 0;
	if ((t->flags & TF_APOS) && contraction(para + t->beg, n))
		return 0;
	/* "Continuing to explain...", "Shortly after": a capital that
	 * only starts the sentence; not a first name (Carly, Kelly). */
	if ((i == 0 || (toks[i - 1].flags & TF_SEND)) &&
	    !(lx & (LX_HIS | LX_HERS)) &&
	    ((n > 4 &&
		 (memcmp(para + t->end - 3, "ing", 3) == 0 ||
		     memcmp(para + t->end - 2, "ly", 2) == 0)) ||
		(lx & LX_VERB)))
		return 0;
	return 1;
}

static inline int
tok_namecap(size_t i)
{
	struct tok *t;

	if (!tok_cap(i))
		return 0;
	t = &toks[i];
	if (!(t->flags & TF_NCDONE))
		t->flags |=
		    TF_NCDONE | (tok_namecap_uncached(i) ? TF_NAMECAP : 0);
	return (t->flags & TF_NAMECAP) != 0;
}

/* 1 if the "and" at token j joins two people rather than making one
 * name: "Ines Valdes and Marco Ferri", "Mr. Falk and Ms. Remy" (but
 * "Procter and Gamble", "Health and Human Services" stay one). */
static int
two_names(size_t j)
{
	if (!tok_is(j, "and") && !tok_punct(j, '&'))
		return 0;
	if (tok_lex(j + 1) & LX_TITLE)
		return 1;
	return j >= 2 && tok_namecap(j - 2) && tok_namecap(j - 1) &&
	    tok_namecap(j + 1) && tok_namecap(j + 2) &&
	    !(tok_lex(j - 1) & LX_ORG) && !(tok_lex(j + 2) & LX_ORG);
}

/* Skip a party label after a name: Sen. Jack Reed (D-R.I.). */
static size_t
skip_paren(size_t j)
{
	size_t k;

	if (!tok_punct(j, '('))
		return j;
	for (k = j + 1; k < ntoks && k < j + 8; k++)
		if (tok_punct(k, ')'))
			return k + 1;
	return j;
}

/*
 * The owner's name in w[0..n), without its apostrophe (Apple's, Reuters'
 * give Apple, Reuters), or n when w is no owner's.  People's, Women's,
 * Men's and Children's own nothing: they are inside names ("the People's
 * Liberation Front", "Women's March").
 */
size_t
owner_len(const char *w, size_t n)
{
	size_t k = without_possessive(w, n);

	if (k == n) {
		if (n > 2 && w[n - 1] == '\'' && w[n - 2] == 's')
			k = n - 1;
		else if (n > 4 && w[n - 4] == 's' &&
		    memcmp(w + n - 3, "\xe2\x80\x99", 3) == 0)
			k = n - 3;
		else
			return n;
	}
	if (lex_lookup(w, k) & LX_GROUPWORD)
		return n;
	return k;
}

/* 1 if token i is an owner's word: Apple's, Reuters'. */
static int
owner_word(size_t i)
{
	const struct tok *t = &toks[i];
	size_t n = t->end - t->beg;

	return t->type == T_WORD && owner_len(para + t->beg, n) < n;
}

/* A lower-case word that may stand before a name in a noun phrase:
 * "former", "retired neurosurgeon". */
static int
tok_modifier(size_t i)
{
	/* "the 43-year-old" */
	if (i < ntoks && toks[i].type == T_WORD && (toks[i].flags & TF_DIGIT) &&
	    memchr(para + toks[i].beg, '-', toks[i].end - toks[i].beg))
		return 1;
	return tok_lower(i) &&
	    !(tok_lex(i) &
		(LX_VERB | LX_AUX | LX_PREP | LX_REL | LX_DET | LX_PRONOUN |
		    LX_CONN));
}

/* After a capital, lower-case words and then a title with a name:
 * "Sanders campaign manager Jeff Weaver".  Returns the title's token,
 * or j. */
static size_t
modifiers_then_name(size_t j)
{
	size_t m;

	for (m = j; m < ntoks && m < j + 3 && tok_modifier(m); m++) {
		const struct tok *t = &toks[m];

		if ((tok_lex(m) & LX_TITLE) && tok_namecap(m + 1))
			return m;
		/* "Mr. Carson endorsed Mr. Trump": a verb, not a role */
		if (t->end - t->beg > 3 &&
		    (memcmp(para + t->end - 2, "ed", 2) == 0 ||
			memcmp(para + t->end - 3, "ing", 3) == 0))
			return j;
	}
	if (m > j && tok_namecap(m) && (tok_lex(m) & LX_TITLE))
		return m;
	return j;
}

/*
 * The noun phrase that starts at token i: a pronoun; a name with its
 * titles ("former Wisconsin Gov. Jim Doyle"); or a determiner and a few
 * words ("the ministry", "one Trump campaign source"), or a group noun
 * ("officials").  np->end is the token after it (past a party label).
 */
static int
np_forward(size_t i, struct np *np)
{
	size_t j, start, m;
	uint32_t lx;
	int det = 0, caps = 0;

	np->kind = NP_NONE;
	if (i >= ntoks || toks[i].type != T_WORD)
		return 0;
	lx = tok_lex(i);
	if (lx & LX_PRONOUN) {
		np->kind = NP_PRON;
		np->t0 = np->name = i;
		np->t1 = np->end = i + 1;
		return 1;
	}
	j = i;
	if (lx & LX_DET) {
		det = 1;
		j++;
	}
	start = j;
	/* "former secretary of state Hillary Clinton": lower-case words,
	 * a title with "of" and its object among them */
	for (m = j; m < ntoks && m < j + 6; m++) {
		if (tok_modifier(m))
			continue;
		if (m > j && tok_is(m, "of") && (tok_lex(m - 1) & LX_TITLE) &&
		    tok_modifier(m + 1))
			continue;
		break;
	}
	if (m > j && tok_namecap(m))
		j = m;
	while (j < ntoks && toks[j].type == T_WORD) {
		if (tok_namecap(j)) {
			caps++;
			j++;
		} else if (tok_lower(j) && tok_namecap(j + 1) &&
		    ((tok_lex(j) & LX_TITLE) ||
			((tok_lex(j) & LX_CONN) && caps > 0 &&
			    !two_names(j)))) {
			j++;
		} else if (tok_lower(j) && (tok_lex(j) & LX_CONN) && caps > 0 &&
		    tok_is(j + 1, "the") && tok_namecap(j + 2)) {
			j += 2; /* the Museum of the Lower Rhone */
		} else if (caps > 0 && tok_modifier(j) &&
		    (m = modifiers_then_name(j)) > j) {
			j = m;
		} else {
			break;
		}
	}
	if (caps > 0 && possessive(j - 1) && tok_modifier(j) && !tok_verb(j)) {
		/* "Smith's mother said": the mother speaks */
		for (m = j;
		     m < ntoks && m < j + 3 && tok_modifier(m) && !tok_verb(m);
		     m++)
			;
		np->kind = NP_COMMON;
		np->t0 = np->name = start;
		np->t1 = np->end = m;
		return 1;
	}
	if (caps > 0 && !(det && tok_modifier(j) && !tok_verb(j))) {
		np->kind = NP_NAME;
		np->t0 = np->name = start;
		np->t1 = j;
		np->end = skip_paren(j);
		return 1;
	}
	/* A common noun: "the ministry", "one Trump campaign source". */
	j = start;
	while (
	    j < ntoks && j < start + 5 && (tok_modifier(j) || tok_namecap(j)))
		j++;
	if (j == start ||
	    (!det &&
		(j > start + 1 || !tok_lower(start) ||
		    !(tok_lex(start) & LX_GROUP))))
		return 0;
	np->kind = NP_COMMON;
	np->t0 = i;
	np->name = start;
	np->t1 = np->end = j;
	return 1;
}

/* The noun phrase that ends with token e, not before token s. */
static int
np_backward(size_t e, size_t s, struct np *np)
{
	size_t j, k;
	uint32_t lx;

	np->kind = NP_NONE;
	if (tok_punct(e, ')')) {
		for (k = e; k > s && e - k < 8; k--)
			if (tok_punct(k - 1, '('))
				break;
		if (k > s + 1 && tok_punct(k - 1, '('))
			e = k - 2;
	}
	if (e >= ntoks || toks[e].type != T_WORD)
		return 0;
	lx = tok_lex(e);
	if (lx & LX_PRONOUN) {
		np->kind = NP_PRON;
		np->t0 = np->name = e;
		np->t1 = e + 1;
		return 1;
	}
	if (tok_namecap(e)) {
		j = e;
		while (j > s) {
			k = j - 1;
			if (tok_namecap(k) ||
			    (tok_lower(k) && (tok_lex(k) & LX_TITLE)) ||
			    (tok_lower(k) && (tok_lex(k) & LX_CONN) && k > s &&
				tok_namecap(k - 1) && !two_names(k)))
				j = k;
			else if (tok_is(k, "the") && k > s + 1 &&
			    tok_lower(k - 1) && (tok_lex(k - 1) & LX_CONN) &&
			    tok_namecap(k - 2))
				j = k - 1;
			else
				break;
		}
		/* "the Trump campaign" is a common noun phrase; "the
		 * Carrow Group" a name. */
		k = j;
		while (k > s && e - k < 5 && tok_modifier(k - 1))
			k--;
		if (k < j && k > s && (tok_lex(k - 1) & LX_DET)) {
			np->kind = NP_COMMON;
			np->t0 = k - 1;
			np->name = k;
			np->t1 = e + 1;
			return 1;
		}
		while (j < e && !tok_cap(j))
			j++;
		np->kind = NP_NAME;
		np->t0 = np->name = j;
		np->t1 = e + 1;
		return 1;
	}
	if (!tok_modifier(e))
		return 0;
	for (j = e; j > s && e - j < 5; j--) {
		if (tok_lex(j - 1) & LX_DET) {
			np->kind = NP_COMMON;
			np->t0 = j - 1;
			np->name = j;
			np->t1 = e + 1;
			return 1;
		}
		if (!tok_modifier(j - 1) && !tok_namecap(j - 1))
			break;
	}
	if (lx & LX_GROUP) {
		np->kind = NP_COMMON;
		np->t0 = np->name = e;
		np->t1 = e + 1;
		return 1;
	}
	/* "Smith's mother" */
	for (j = e; j > s && e - j < 3 && tok_modifier(j - 1); j--)
		;
	if (j > s && tok_namecap(j - 1) && possessive(j - 1)) {
		for (j--; j > s && tok_namecap(j - 1); j--)
			;
		np->kind = NP_COMMON;
		np->t0 = np->name = j;
		np->t1 = e + 1;
		return 1;
	}
	return 0;
}

static void
set_text(char *dst, size_t *dlen, size_t max, const char *s, size_t n)
{
	n = cut_len(s, n, max);
	copy_short(dst, s, n);
	*dlen = n;
}

/* Fill a's verb from tokens [v0, v1). */
static void
set_verb(struct attr *a, size_t v0, size_t v1)
{
	set_text(a->verb, &a->vlen, VERB_MAX_LEN, para + toks[v0].beg,
	    toks[v1 - 1].end - toks[v0].beg);
	a->vtok = v0;
}

/* Fill a's role from tokens [r0, r1), unless it is a clause or an age. */
static void
set_role(struct attr *a, size_t r0, size_t r1)
{
	if (r0 >= r1 || toks[r0].type != T_WORD || (tok_lex(r0) & LX_REL) ||
	    (toks[r0].flags & TF_DIGIT))
		return;
	if (r1 > a->etok)
		a->etok = r1;
	if (a->rlen > 0)
		return;
	set_text(a->role, &a->rlen, ROLE_MAX_LEN, para + toks[r0].beg,
	    toks[r1 - 1].end - toks[r0].beg);
}

/* The end of an appositive that starts at token i: the next comma, full
 * stop or quotation; ntoks + 1 if it runs too long. */
static size_t
appositive_end(size_t i)
{
	size_t j;

	for (j = i; j < ntoks && j < i + 25; j++) {
		if (toks[j].type == T_QUOTE || (toks[j].flags & TF_SEND))
			return j;
		/* the full stop of an abbreviation before the comma goes
		 * with it: ", R-Pa., said" */
		if (tok_punct(j, '.') && tok_punct(j + 1, ',') &&
		    toks[j + 1].beg == toks[j].end)
			continue;
		if (toks[j].type == T_PUNCT &&
		    (toks[j].ch == ',' || toks[j].ch == ';' ||
			toks[j].ch == ')' || toks[j].ch == '.' ||
			toks[j].ch == 0x2014))
			return j;
	}
	return j < ntoks ? ntoks + 1 : j;
}

/* The gender a name's first word suggests: 'm', 'f' or 0. */
static int
first_name_gender(size_t t)
{
	return lex_gender(tok_lex(t) & (LX_HIS | LX_HERS));
}

/* The speaker of a pronoun: the entity it points to ("he" is the man
 * named last as a subject), which its gender then fits; else the pronoun
 * itself, in lower case ("they"). */
static void
speaker_pronoun(const struct np *np, struct attr *a)
{
	uint32_t lx = tok_lex(np->t0);
	long e = ent_for_pronoun(lx);

	if (e >= 0) {
		struct entity *en = &doc.ents[e];

		if (en->gender == 0 && !en->org && (lx & LX_HE))
			en->gender = 'm';
		else if (en->gender == 0 && !en->org && (lx & LX_SHE))
			en->gender = 'f';
		set_text(a->speaker, &a->slen, NAME_MAX_LEN, en->name, en->len);
		(void)ent_renote((size_t)e, 0, 0, 1);
	} else {
		set_text(a->speaker, &a->slen, NAME_MAX_LEN, para + a->sb,
		    a->se - a->sb);
		if (a->slen > 0 && a->speaker[0] >= 'A' && a->speaker[0] <= 'Z')
			a->speaker[0] = (char)(a->speaker[0] + 32);
	}
}

/* The speaker of a common noun phrase: "the ministry" is the Finance
 * Ministry named before; "the nurses" are a group, remembered for a
 * later "they added". */
static void
speaker_common(const struct np *np, struct attr *a)
{
	size_t nb = toks[np->t1 - 1].beg;
	long e = -1;

	if (np->t1 == np->name + 1 && (tok_lex(np->name) & LX_ORG))
		e = ent_by_last(para + nb, a->se - nb, 1);
	if (e >= 0 && doc.ents[e].org) {
		set_text(a->speaker, &a->slen, NAME_MAX_LEN, doc.ents[e].name,
		    doc.ents[e].len);
		(void)ent_renote((size_t)e, 0, 1, 1);
	} else {
		set_text(a->speaker, &a->slen, NAME_MAX_LEN, para + a->sb,
		    a->se - a->sb);
		(void)ent_note(a->speaker, a->slen, 0, 1, 1);
	}
}

/*
 * Where the name proper starts in the capitalised phrase np: after the
 * last title, when no "of" comes after it ("RNC Chief of Staff Katie
 * Walsh"), after an owner ("Apple's Tim Cook"; not "the People's
 * Liberation Front" nor "Trump's Virginia chairman"), or at a known first
 * name after other capitalised words ("House Republican Thomas Massie").
 * *org: the phrase names an organisation (a phrase with "of" and no
 * title after it, or one that ends with an organisation word); *gender:
 * the last title's, if it has one.
 */
static size_t
name_start(const struct np *np, int *org, int *gender)
{
	size_t k, split, owner = 0;
	uint32_t lx;

	*org = (tok_lex(np->t1 - 1) & LX_ORG) != 0;
	for (split = np->t0; split + 1 < np->t1 && !tok_cap(split); split++)
		;
	for (k = split; k + 1 < np->t1; k++) {
		lx = tok_lex(k);
		if ((lx & LX_CONN) && tok_lower(k))
			*org = 1;
		if (lx & LX_TITLE) {
			split = k + 1;
			*org = 0;
			if (lex_gender(lx & (LX_MALE | LX_FEMALE)) != 0)
				*gender =
				    lex_gender(lx & (LX_MALE | LX_FEMALE));
		} else if (tok_cap(k) && owner_word(k)) {
			owner = k + 1;
		}
	}
	if (tok_lex(np->t1 - 1) & LX_ORG)
		*org = 1;
	if (owner > split && !*org && np->t1 - owner >= 2)
		split = owner;
	if (split == np->t0 && !*org && !(tok_lex(split) & (LX_HIS | LX_HERS)))
		for (k = split + 1; k + 1 < np->t1; k++)
			if (tok_lex(k) & (LX_HIS | LX_HERS))
				return k;
	return split;
}

/* "Kaveh Rostami of the Lindell Institute": where a person of two or
 * more words from split ends and where they work starts (the "of"), or
 * np->t1; "Bank of America" and "Royal Bank of Scotland" stay whole. */
static size_t
affiliation_start(const struct np *np, size_t split)
{
	size_t k;

	for (k = split; k < np->t1; k++) {
		if (tok_lower(k) && (tok_lex(k) & LX_CONN) && !tok_is(k, "and"))
			return k >= split + 2 ? k : np->t1;
		if (tok_lex(k) & LX_ORG)
			break;
	}
	return np->t1;
}

/* The speaker of a name: titles and owners go to the role, a workplace
 * after "of" too; a lone surname or first name is the entity named
 * before in full ("Okafor" is Lena Okafor); the name is remembered. */
static void
speaker_name(const struct np *np, struct attr *a)
{
	size_t split, nb, ne, last;
	int gender = 0, org;
	long e;

	split = name_start(np, &org, &gender);
	last = affiliation_start(np, split);
	if (last < np->t1) {
		org = 0;
		set_text(a->role, &a->rlen, ROLE_MAX_LEN, para + toks[last].beg,
		    toks[np->t1 - 1].end - toks[last].beg);
		a->se = toks[last - 1].end;
	}
	if (!org && gender == 0)
		gender = first_name_gender(split);
	if (split > np->t0 && a->rlen == 0)
		set_text(a->role, &a->rlen, ROLE_MAX_LEN, para + a->sb,
		    owner_word(split - 1)
			? owner_len(para + a->sb, toks[split - 1].end - a->sb)
			: toks[split - 1].end - a->sb);
	nb = toks[split].beg;
	/* "Trump's": the speaker is Trump. */
	ne = nb + without_possessive(para + nb, a->se - nb);
	a->sb = nb;
	if (split + 1 == np->t1) {
		e = ent_by_last(para + nb, ne - nb, 0);
		if (e < 0)
			e = ent_by_first(para + nb, ne - nb);
		if (e >= 0) {
			set_text(a->speaker, &a->slen, NAME_MAX_LEN,
			    doc.ents[e].name, doc.ents[e].len);
			(void)ent_renote((size_t)e, gender, org, 1);
			return;
		}
	}
	set_text(a->speaker, &a->slen, NAME_MAX_LEN, para + nb, ne - nb);
	(void)ent_note(para + nb, ne - nb, gender, org, 1);
}

/*
 * Make the speaker of a from the noun phrase np, by its kind: a pronoun
 * is resolved through the entities, a common noun may be an organisation
 * named before, a name loses its titles to the role; the speaker is
 * remembered.
 */
static void
np_speaker(const struct np *np, struct attr *a)
{
	a->slen = a->rlen = 0;
	a->etok = np->t1;
	a->sb = toks[np->t0].beg;
	a->se = toks[np->t1 - 1].end;
	if (np->kind == NP_PRON)
		speaker_pronoun(np, a);
	else if (np->kind == NP_COMMON)
		speaker_common(np, a);
	else
		speaker_name(np, a);
}

/* The role in an appositive after the noun phrase: ", ROLE," */
static void
np_role(const struct np *np, struct attr *a)
{
	size_t r;

	if (tok_punct(np->end, ',') &&
	    (r = appositive_end(np->end + 1)) <= ntoks)
		set_role(a, np->end + 1, r);
}

/* "according to X" at token k (the word "according"). */
static int
according(size_t k, struct attr *a)
{
	struct np np;
	size_t j;

	if (!np_forward(k + 2, &np))
		return 0;
	j = np.end;
	if (np.kind == NP_COMMON && j < ntoks &&
	    (tok_is(j, "from") || tok_is(j, "by") || tok_is(j, "of") ||
		tok_is(j, "at"))) {
		struct np inner;

		if (np_forward(j + 1, &inner) && inner.kind == NP_NAME)
			np = inner;
	}
	np_speaker(&np, a);
	set_verb(a, k, k + 2);
	np_role(&np, a);
	return 1;
}

/*
 * The first token of the sentence that holds token i, at most SENT_MAX
 * tokens back: what looks back to a sentence's start (the speech verb
 * before a quotation, the subject) then costs a bounded time a token, so
 * a paragraph that never ends a sentence (400,000 quotation marks in a
 * row) takes linear time, not quadratic.
 */
#define SENT_MAX 256

size_t
sent_start(size_t i)
{
	size_t lim = i > SENT_MAX ? i - SENT_MAX : 0;

	while (i > lim && !(toks[i - 1].flags & TF_SEND))
		i--;
	return i;
}

/* A verb that may come before its subject: said X, added X. */
static int
verb_inverts(size_t k)
{
	size_t n = toks[k].end - toks[k].beg;

	return !(tok_lex(k) & LX_OBJ) &&
	    !(n > 4 && memcmp(para + toks[k].end - 3, "ing", 3) == 0);
}

/*
 * "...," said X / "...," X said / "...," X, ROLE, said / "...,"
 * according to X, starting at token j.  strict: only a name or pronoun
 * right next to the verb (after a quotation that ended its sentence).
 */
static int
attribution_at(size_t j, struct attr *a, int strict)
{
	size_t k, r0 = 0, r1 = 0, c, m, n;
	struct np np;

	if (j >= ntoks || toks[j].type != T_WORD)
		return 0;
	if (tok_is(j, "according") && tok_is(j + 1, "to"))
		return !strict && according(j, a);
	if (tok_verb(j)) {
		struct np name;

		/* After a quotation "warned X" and "asked X" invert too. */
		n = toks[j].end - toks[j].beg;
		if ((n > 4 && memcmp(para + toks[j].end - 3, "ing", 3) == 0) ||
		    tok_is(j, "told") || tok_is(j, "tells") ||
		    tok_is(j, "tell"))
			return 0;
		if (!np_forward(j + 1, &np)) {
			/* "said one of two witnesses who relayed it" */
			if (strict || j + 1 >= ntoks ||
			    !(tok_lex(j + 1) & LX_DET))
				return 0;
			for (k = j + 2; k < ntoks && k < j + 14 &&
			     toks[k].type == T_WORD && !(tok_lex(k) & LX_REL);
			     k++)
				;
			if (k == j + 2 || (k < ntoks && toks[k].type == T_WORD))
				return 0;
			np.kind = NP_COMMON;
			np.t0 = j + 1;
			np.name = j + 2;
			np.t1 = np.end = k;
		}
		if (strict && np.kind == NP_COMMON)
			return 0;
		/* "replied the goalkeeper, Abel Mendoza-Ruiz." */
		if (np.kind == NP_COMMON && tok_punct(np.end, ',') &&
		    np_forward(np.end + 1, &name) && name.kind == NP_NAME &&
		    (tok_punct(name.end, ',') || tok_punct(name.end, '.') ||
			name.end >= ntoks ||
			(toks[name.end].flags & TF_SEND))) {
			np_speaker(&name, a);
			set_role(a, np.t0, np.t1);
		} else {
			np_speaker(&np, a);
			np_role(&np, a);
		}
		set_verb(a, j, j + 1);
		return 1;
	}
	if (!np_forward(j, &np) || (strict && np.kind == NP_COMMON))
		return 0;
	k = np.end;
	/* "Kaveh Rostami of the Lindell Institute wrote", "a spokeswoman
	 * for the ministry said" */
	if (k < ntoks &&
	    (tok_is(k, "of") || tok_is(k, "for") || tok_is(k, "at") ||
		tok_is(k, "from"))) {
		struct np pp;

		if (np_forward(k + 1, &pp) && pp.kind != NP_PRON &&
		    tok_verb(pp.end)) {
			if (np.kind == NP_COMMON) {
				np.t1 = pp.t1;
			} else {
				r0 = k;
				r1 = pp.t1;
			}
			k = pp.end;
		}
	}
	/* "Edward-Isaac Dovere and Gabriel Debenedetti wrote": the first */
	if (np.kind == NP_NAME && tok_is(k, "and")) {
		struct np second;

		if (np_forward(k + 1, &second) && second.kind == NP_NAME &&
		    tok_verb(second.end))
			k = second.end;
	}
	if (tok_punct(k, ',') && !strict) {
		struct np name;

		c = appositive_end(k + 1);
		if (c >= ntoks || !tok_punct(c, ','))
			return 0;
		r0 = k + 1;
		r1 = c;
		k = c + 1;
		/* More commas before the verb: "Harry Bond, 30, of
		 * Raleigh, N.C., who was among those polled, said". */
		for (m = c; m < ntoks && m < c + 30 && !tok_verb(k); m++) {
			if (toks[m].type == T_QUOTE ||
			    (toks[m].flags & TF_SEND))
				break;
			if (tok_punct(m, ',') && tok_verb(m + 1))
				k = m + 1;
		}
		if (np.kind == NP_COMMON && np_forward(r0, &name) &&
		    name.kind == NP_NAME && name.end == r1) {
			r0 = np.t0;
			r1 = np.t1;
			np = name;
		}
	}
	while (!strict && k < ntoks && tok_lower(k) && (tok_lex(k) & LX_AUX) &&
	    !(tok_lex(k) & LX_VERB))
		k++;
	if (!tok_verb(k))
		return 0;
	/* "Neighbours say it needs a new roof" reports other words. */
	if (strict && k + 1 < ntoks && toks[k + 1].type == T_WORD &&
	    !(tok_lex(k + 1) & LX_PREP) && !tok_namecap(k + 1))
		return 0;
	np_speaker(&np, a);
	set_role(a, r0, r1);
	set_verb(a, k, k + 1);
	return 1;
}

/* The attribution right after the quotation of token qi. */
static int
find_after(size_t qi, struct attr *a)
{
	size_t j = qi + 1;
	int strict;

	strict =
	    (toks[qi].flags & (TF_QSTOP | TF_SEND)) == (TF_QSTOP | TF_SEND);
	while (j < ntoks && toks[j].type == T_PUNCT &&
	    (toks[j].ch == ',' || is_dash(toks[j].ch) ||
		uc_quote_mark(toks[j].ch) != QM_NONE))
		j++;
	if (attribution_at(j, a, strict))
		return 1;
	/* "“Life is short.” — Ann Bell": a dash and a name that ends the
	 * paragraph */
	if (j == qi + 2 && is_dash(toks[qi + 1].ch)) {
		struct np np;

		attr_clear(a);
		if (np_forward(j, &np) && np.kind == NP_NAME &&
		    (np.end >= ntoks || toks[np.end].type == T_PUNCT)) {
			np_speaker(&np, a);
			np_role(&np, a);
			return 1;
		}
	}
	return 0;
}

/* Later in the sentence, after a comma: "... “hidden barriers” for
 * companies, said NPC deputy Zhou Tongyu." */
static int
find_later(size_t qi, struct attr *a)
{
	size_t j;

	if (toks[qi].flags & TF_SEND)
		return 0;
	for (j = qi + 1; j < ntoks && j < qi + 40; j++) {
		if (toks[j].flags & TF_SEND)
			return 0;
		if (tok_punct(j, ',') && attribution_at(j + 1, a, 0))
			return 1;
	}
	return 0;
}

/* 1 if a comma stands in tokens [s, k). */
static int
comma_before(size_t s, size_t k)
{
	for (; s < k; s++)
		if (tok_punct(s, ','))
			return 1;
	return 0;
}

/* The subject at the start of sentence s, for "saying" and "to say". */
static int
sentence_subject(size_t s, size_t k, struct np *np)
{
	size_t c;

	while (s < k &&
	    (tok_is(s, "But") || tok_is(s, "And") || tok_is(s, "So") ||
		tok_is(s, "Yet") || tok_punct(s, ',')))
		s++;
	/* Not a capital that only opens an adverbial ("Hours later, Trump
	 * told Reuters", "Ever since she endorsed him, Warren has..."):
	 * the subject follows its comma. */
	if (np_forward(s, np) && np->kind != NP_COMMON && np->end < k &&
	    !(np->kind == NP_NAME && np->t1 == s + 1 && tok_lower(np->end) &&
		(tok_punct(np->end + 1, ',') || (tok_lex(np->end) & LX_SUB)) &&
		comma_before(s, k)))
		return 1;
	/* "After the Paris attacks, Trump released an ad calling...";
	 * a name between commas with another after it is a place's
	 * state or country ("in Salem, New Hampshire, Trump went"). */
	for (c = s; c < k && c < s + 25; c++) {
		if (!tok_punct(c, ','))
			continue;
		if (!np_forward(c + 1, np) || np->kind == NP_COMMON ||
		    np->end >= k)
			return 0;
		if (np->kind == NP_NAME && tok_punct(np->end, ',') &&
		    np->end + 1 < k) {
			struct np next;

			if (np_forward(np->end + 1, &next) &&
			    next.kind == NP_NAME && next.end < k &&
			    tok_lower(next.end)) {
				*np = next;
				return 1;
			}
		}
		return 1;
	}
	return 0;
}

/* 1 if token qi is a quotation whose text starts with a capital. */
static int
quote_upper(size_t qi)
{
	const struct span *sp;
	uint32_t c;
	size_t w;

	if (qi >= ntoks || toks[qi].type != T_QUOTE)
		return 0;
	sp = &spans[toks[qi].q];
	c = char_at(para, sp->ce, sp->cb, &w);
	return is_upper(c);
}

/* A name that opens sentence s and is followed by a comma before token
 * e: the subject of "NAME, ..., ..., said". */
static int
lead_name(size_t s, size_t e, struct np *np)
{
	while (s < e && (tok_is(s, "But") || tok_is(s, "And")))
		s++;
	return np_forward(s, np) && np->kind == NP_NAME &&
	    tok_punct(np->end, ',') && np->end < e && tok_namecap(np->t1 - 1) &&
	    !(tok_lex(np->t1 - 1) & LX_ORG);
}

/* 1 if "NAME, APPOSITIVE," stands right before the verb at token k. */
static int
appositive_subject(size_t s, size_t k)
{
	size_t c;
	struct np np;

	if (k < s + 4 || !tok_punct(k - 1, ','))
		return 0;
	for (c = k - 1; c > s && k - c < 25; c--)
		if (tok_punct(c - 1, ',') || toks[c - 1].type == T_QUOTE)
			break;
	if (c <= s + 1 || !tok_punct(c - 1, ','))
		return 0;
	return np_backward(c - 2, s, &np) && np.kind == NP_NAME &&
	    (np.t0 == s || tok_punct(np.t0 - 1, ','));
}

/*
 * find_before()'s patterns.  It walks the words of the quotation's
 * sentence from the nearest back to its start and tries the patterns on
 * each in the order find_before() lists them; the first that decides
 * ends the word.  Each pattern sees the sentence's first token s, the
 * quotation qi and the word k; from before_aux() on, b, the first of the
 * auxiliaries before the verb ("has said", "would later say"); from
 * before_commas() on, e, the last token of the subject, and [r0, r1),
 * an appositive between the subject and the verb.  A pattern fills a
 * and says BEFORE_FOUND, says BEFORE_NEXT when the word has no speaker
 * (the walk goes on with the word before it), or BEFORE_PASS.
 */
struct before {
	size_t s, qi, k, b, e, r0, r1;
};

enum { BEFORE_PASS, BEFORE_FOUND, BEFORE_NEXT };

/* Speaker np, verb token k: the attribution is found. */
static int
before_found(const struct np *np, size_t k, struct attr *a)
{
	np_speaker(np, a);
	set_verb(a, k, k + 1);
	return BEFORE_FOUND;
}

/* "According to Mira Holm, “...”", "according to the agency's
 * spokesman, Dan Reyes, “...”" */
static int
before_according(struct before *r, struct attr *a)
{
	size_t k = r->k;

	if (!(tok_is(k, "according") || tok_is(k, "According")) ||
	    !tok_is(k + 1, "to") || k + 2 >= r->qi)
		return BEFORE_PASS;
	return according(k, a) ? BEFORE_FOUND : BEFORE_NEXT;
}

/* Only a speech verb goes on: "said", "warned"; at the start of the
 * sentence, one that inverts ("Said Mira Holm: “...”"). */
static int
before_verb(struct before *r, struct attr *a)
{
	size_t k = r->k;

	(void)a;
	if (tok_verb(k) ||
	    (k == r->s && tok_cap(k) && (tok_lex(k) & LX_VERB) &&
		verb_inverts(k)))
		return BEFORE_PASS;
	return BEFORE_NEXT;
}

/* ", said Ana Petrescu, “...”" -- unless a name and an appositive come
 * first: "Tad Devine, Sanders' adviser, said X ..." */
static int
before_inverted(struct before *r, struct attr *a)
{
	size_t k = r->k;
	struct np np;

	if (!((k == r->s || tok_punct(k - 1, ',')) && verb_inverts(k) &&
		np_forward(k + 1, &np) && np.kind == NP_NAME &&
		np.t1 <= r->qi && !appositive_subject(r->s, k)))
		return BEFORE_PASS;
	(void)before_found(&np, k, a);
	np_role(&np, a);
	return BEFORE_FOUND;
}

/* "Ana Petrescu went on to say “...”", "Ana Petrescu, speaking at the
 * launch, “...”": an infinitive or a participle speaks for the name
 * before the few plain words before it, or for the subject of the
 * sentence. */
static int
before_infinitive(struct before *r, struct attr *a)
{
	size_t k = r->k, s = r->s, b, e, n = toks[k].end - toks[k].beg;
	struct np np;

	if (!tok_is(k - 1, "to") &&
	    !(n > 4 && memcmp(para + toks[k].end - 3, "ing", 3) == 0))
		return BEFORE_PASS;
	b = tok_is(k - 1, "to") ? k - 1 : k;
	for (e = b; e > s && b - e < 4 && tok_lower(e - 1) &&
	     !(tok_lex(e - 1) & (LX_PREP | LX_DET));
	     e--)
		;
	if (e < b && e > s && np_backward(e - 1, s, &np) &&
	    np.kind != NP_COMMON)
		return before_found(&np, k, a);
	if (sentence_subject(s, k, &np))
		return before_found(&np, k, a);
	return BEFORE_NEXT;
}

/* The auxiliaries before the verb belong to it: "has said", "would
 * later say"; a verb with nothing before them has no subject before
 * it. */
static int
before_aux(struct before *r, struct attr *a)
{
	size_t b = r->k;

	(void)a;
	while (b > r->s && tok_lower(b - 1) && (tok_lex(b - 1) & LX_AUX))
		b--;
	r->b = b;
	return b == r->s ? BEFORE_NEXT : BEFORE_PASS;
}

/* "Iris Vale ran the shop and said it was ...": the subject of the
 * sentence speaks. */
static int
before_coordinated(struct before *r, struct attr *a)
{
	struct np np;

	if (!tok_is(r->b - 1, "and") && !tok_is(r->b - 1, "but"))
		return BEFORE_PASS;
	if (sentence_subject(r->s, r->b - 1, &np))
		return before_found(&np, r->k, a);
	return BEFORE_NEXT;
}

/* A comma before the verb: "Nora Quist, who ran the depot for a decade,
 * a careful woman, said" (several commas: the name opening the sentence
 * speaks), or an appositive between two commas, [r0, r1), after the
 * subject that ends at e: "Kai Moreno, the club's treasurer, said". */
static int
before_commas(struct before *r, struct attr *a)
{
	size_t s = r->s, e = r->b - 1, c;
	struct np lead, np;
	int ok;

	r->e = e;
	r->r0 = r->r1 = 0;
	if (!tok_punct(e, ','))
		return BEFORE_PASS;
	ok = lead_name(s, e, &lead);
	for (c = e; c > s && e - c < 25; c--)
		if (tok_punct(c - 1, ',') || toks[c - 1].type == T_QUOTE)
			break;
	if (ok &&
	    (c <= s + 1 || !tok_punct(c - 1, ',') ||
		!np_backward(c - 2, s, &np) || np.kind != NP_NAME ||
		np.t0 != lead.t0))
		return before_found(&lead, r->k, a);
	if (c <= s + 1 || !tok_punct(c - 1, ','))
		return BEFORE_NEXT;
	r->r0 = c;
	r->r1 = e;
	r->e = c - 2;
	return BEFORE_PASS;
}

/* "Kaveh Rostami of the Lindell Institute argued": the name before "of
 * the ..." speaks, and what follows it is the role. */
static void
before_of(const struct before *r, struct np *np, size_t *r0, size_t *r1)
{
	struct np head;
	size_t d = np->t0, s = r->s;

	if (d > s && (tok_lex(d - 1) & LX_DET))
		d--;
	if (*r1 == *r0 && d > s + 1 &&
	    (tok_is(d - 1, "of") || tok_is(d - 1, "for") ||
		tok_is(d - 1, "at") || tok_is(d - 1, "from")) &&
	    np_backward(d - 2, s, &head) && head.kind != NP_PRON) {
		*r0 = d - 1;
		*r1 = np->t1;
		*np = head;
	}
}

/* "the White House press secretary, Josh Earnest, said", "The president
 * of the Farmers' Union, Hamish Laird, warned": the appositive names the
 * speaker, and the phrase before it is the role. */
static void
before_named_role(const struct before *r, struct np *np, size_t *r0, size_t *r1)
{
	struct np name;

	if (*r1 > *r0 && np_forward(*r0, &name) && name.kind == NP_NAME &&
	    name.end == *r1 && !(tok_lex(name.t1 - 1) & LX_ORG) &&
	    (np->kind == NP_COMMON || (tok_lex(np->t1 - 1) & LX_ORG) ||
		(np->t0 > r->s &&
		    (tok_lex(np->t0 - 1) & (LX_PREP | LX_DET))))) {
		*r1 = np->t1;
		*r0 = np->t0;
		while (*r0 > r->s && !tok_punct(*r0 - 1, ',') &&
		    toks[*r0 - 1].type == T_WORD)
			(*r0)--;
		*np = name;
	}
}

/* "Officials at the port said", "Nora Quist, the depot's manager,
 * said": the noun phrase that ends at e speaks, with the appositive as
 * its role. */
static int
before_subject(struct before *r, struct attr *a)
{
	struct np np;
	size_t r0 = r->r0, r1 = r->r1;

	if (!np_backward(r->e, r->s, &np))
		return BEFORE_PASS;
	before_of(r, &np, &r0, &r1);
	before_named_role(r, &np, &r0, &r1);
	np_speaker(&np, a);
	set_role(a, r0, r1);
	set_verb(a, r->k, r->k + 1);
	return BEFORE_FOUND;
}

/* "The 6'2" forward, Tom Ruiz, said": the appositive names the speaker
 * when nothing before it is a noun phrase. */
static int
before_appositive(struct before *r, struct attr *a)
{
	struct np np;

	if (r->r1 > r->r0 && np_forward(r->r0, &np) && np.kind == NP_NAME &&
	    np.end == r->r1)
		return before_found(&np, r->k, a);
	return BEFORE_NEXT;
}

/* "... the plan did not convince harbour master Ines Falk: “...”": a
 * name right before the colon speaks (no verb). */
static int
before_colon_name(size_t s, size_t qi, struct attr *a)
{
	struct np np;

	if (!(qi > s + 1 && tok_punct(qi - 1, ':') &&
		np_backward(qi - 2, s, &np) && np.kind == NP_NAME))
		return 0;
	np_speaker(&np, a);
	a->vlen = 0;
	return 1;
}

/* "She then turned to the crowd again: “...”", "Ruth Kell issued a
 * statement, “Last night ...”": the subject of the sentence speaks. */
static int
before_statement(size_t s, size_t qi, struct attr *a)
{
	struct np np;

	if (!(qi > s &&
		(tok_punct(qi - 1, ':') ||
		    (tok_punct(qi - 1, ',') && quote_upper(qi) &&
			(qi + 1 >= ntoks || (toks[qi].flags & TF_SEND)))) &&
		sentence_subject(s, qi - 1, &np)))
		return 0;
	np_speaker(&np, a);
	a->vlen = 0;
	return 1;
}

/* X said: "..." / X said that "..." / According to X, "...": the nearest
 * speech verb before token qi in its sentence that has a subject (the
 * patterns above, in this order), else a speaker without a verb. */
int
find_before(size_t qi, struct attr *a)
{
	struct before r;
	int v;

	r.s = sent_start(qi);
	r.qi = qi;
	for (r.k = qi; r.k-- > r.s;) {
		if (toks[r.k].type != T_WORD)
			continue;
		if ((v = before_according(&r, a)) == BEFORE_PASS &&
		    (v = before_verb(&r, a)) == BEFORE_PASS &&
		    (v = before_inverted(&r, a)) == BEFORE_PASS &&
		    (v = before_infinitive(&r, a)) == BEFORE_PASS &&
		    (v = before_aux(&r, a)) == BEFORE_PASS &&
		    (v = before_coordinated(&r, a)) == BEFORE_PASS &&
		    (v = before_commas(&r, a)) == BEFORE_PASS &&
		    (v = before_subject(&r, a)) == BEFORE_PASS)
			v = before_appositive(&r, a);
		if (v == BEFORE_FOUND)
			return 1;
	}
	return before_colon_name(r.s, qi, a) || before_statement(r.s, qi, a);
}

/* The last speaker of reported speech seen, and its verb's token. */
struct attr reported;

size_t reported_tok;

int reported_ok;

/* The subject of the speech verb at token k outside quotations, made the
 * latest subject: reported speech names the next "he said". */
static void
speech_subject(size_t k, struct attr *a)
{
	size_t s = sent_start(k), b = k, c, n = toks[k].end - toks[k].beg;
	struct np np;

	if (n > 4 && memcmp(para + toks[k].end - 3, "ing", 3) == 0)
		return;
	if (tok_punct(k - 1, ',') && verb_inverts(k) &&
	    np_forward(k + 1, &np) && np.kind == NP_NAME) {
		np_speaker(&np, a);
		reported_ok = 0;
		return;
	}
	while (b > s && tok_lower(b - 1) && (tok_lex(b - 1) & LX_AUX))
		b--;
	if (b > s + 2 && tok_is(b - 1, "who") && tok_punct(b - 2, ','))
		b -= 2;
	if (b == s)
		return;
	if (tok_is(b - 1, "and") || tok_is(b - 1, "but")) {
		if (sentence_subject(s, b - 1, &np) && np.kind == NP_NAME) {
			np_speaker(&np, a);
			goto reported_speaker;
		}
		return;
	}
	if (tok_punct(b - 1, ',')) {
		/* "Sandy Phillips, who lost her daughter in Aurora,
		 * Colorado, in July 2012, said": the name that opens the
		 * sentence. */
		struct np lead;
		int ok = lead_name(s, b - 1, &lead);

		/* "Humphrey, for example, said" */
		for (c = b - 1; c > s && b - c < 25; c--)
			if (tok_punct(c - 1, ',') ||
			    toks[c - 1].type == T_QUOTE)
				break;
		if (ok &&
		    (c <= s + 1 || !tok_punct(c - 1, ',') ||
			!np_backward(c - 2, s, &np) || np.kind != NP_NAME ||
			np.t0 != lead.t0)) {
			np_speaker(&lead, a);
			return;
		}
		if (c <= s + 1 || !tok_punct(c - 1, ','))
			return;
		b = c - 1;
	}
	if (!np_backward(b - 1, s, &np) || np.kind == NP_COMMON)
		return;
	/* "... when Tapper asked whether ...": Tapper is not the one the
	 * next "he said" means */
	if (np.t0 > s && tok_lower(np.t0 - 1) && (tok_lex(np.t0 - 1) & LX_SUB))
		return;
	np_speaker(&np, a);
reported_speaker:
	a->how = A_NONE;
	a->vlen = 0;
	a->vtok = k;
	if (a->slen > 0) {
		reported = *a;
		reported.how = A_FOLLOW;
		reported.vlen = reported.rlen = 0;
		reported.sb = reported.se = 0;
		reported_tok = k;
		reported_ok = 1;
	}
}

/* Count the words of s[0..n), runs of characters between spaces, up to
 * max + 1 (no caller needs to know more). */
size_t
count_words(const char *s, size_t n, size_t max)
{
	size_t i = 0, w, words = 0;
	int in = 0;
	uint32_t c;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			w = 1;
		} else {
			c = char_at(s, n, i, &w);
		}
		if (is_space(c) || is_dash(c)) {
			in = 0;
		} else if (!in && (is_alnum(c) || c == '+' || c == '$')) {
			in = 1;
			if (++words > max)
				break;
		}
		i += w;
	}
	return words;
}

/* 1 if every word of s[0..n) starts with a capital or is not a word:
 * a title, a name, a term like "AI+". */
static int
title_like(const char *s, size_t n)
{
	size_t i = 0, w;
	int start = 1, small = 0;
	uint32_t c;

	while (i < n) {
		c = char_at(s, n, i, &w);
		if (is_space(c)) {
			start = 1;
		} else if (start) {
			start = 0;
			if (is_letter(c) && !is_upper(c)) {
				size_t e = i;

				while (e < n && !is_space((unsigned char)s[e]))
					e++;
				if (small > 0 ||
				    !(lex_lookup(s + i, e - i) & LX_CONN))
					return 0;
				small++;
			}
		}
		i += w;
	}
	return 1;
}

/* The paragraph's tokens before this one have been tracked. */
size_t tracked;

/* 1 if the tokens look like a headline ("Woman Steps Forward"): mostly
 * capitalised words and no full stop at the end.  A headline names
 * people but has no subject a pronoun could point to. */
static int
headline(void)
{
	size_t i, words = 0, caps = 0;

	if (ntoks == 0 || (toks[ntoks - 1].flags & (TF_SEND | TF_QSTOP)) ||
	    tok_punct(ntoks - 1, '.'))
		return 0;
	for (i = 0; i < ntoks; i++)
		if (toks[i].type == T_WORD) {
			words++;
			caps += (toks[i].flags & TF_CAP) != 0;
		}
	return words >= 2 && caps * 10 >= words * 6;
}

/*
 * Names outside quotations, in reading order up to token end: every run
 * of two or more capitalised words (or a title and a name) is remembered
 * for surnames; one that starts a sentence (or follows "The forward,"),
 * and the subject of a speech verb ("Greenberg said the party..."),
 * become the latest subject, for pronouns.
 */
void
track_upto(size_t end)
{
	size_t i, j, k, split, s, owner;
	int gender, org, subject, caps;
	uint32_t lx;
	struct attr scratch;

	s = tracked < ntoks ? sent_start(tracked) : tracked;
	if (tracked == 0 && end == ntoks && headline()) {
		/* names only */
		for (i = 0; i<ntoks; i = j> i ? j : i + 1) {
			j = i;
			if (!tok_namecap(i))
				continue;
			while (j < ntoks && tok_namecap(j))
				j++;
			if (j - i >= 2)
				(void)ent_note(para + toks[i].beg,
				    toks[j - 1].end - toks[i].beg, 0, 0, 0);
		}
		tracked = end;
		return;
	}
	for (i = tracked; i<end; i = j> i ? j : i + 1) {
		j = i;
		if (i > 0 && (toks[i - 1].flags & TF_SEND))
			s = i; /* the sentence starts here */
		if (tok_lower(i)) {
			if (maybe_verb(para + toks[i].beg,
				toks[i].end - toks[i].beg) &&
			    (tok_lex(i) & LX_VERB))
				speech_subject(i, &scratch);
			continue;
		}
		if (!tok_namecap(i))
			continue;
		if (i == s || (tok_punct(i - 1, ',') && i < s + 8) ||
		    (i == s + 1 && (tok_lex(s) & LX_STOPCAP) &&
			!(tok_lex(s) & (LX_DET | LX_SUB | LX_PREP)))) {
			struct np np;

			/* The subject of a sentence: "Obama consultant
			 * Cornell Belcher ... picked up". */
			if (np_forward(i, &np) && np.kind == NP_NAME &&
			    (tok_lower(np.end) || tok_punct(np.end, ',')) &&
			    (np.t1 > np.name + 1 ||
				ent_by_last(para + toks[np.name].beg,
				    toks[np.name].end - toks[np.name].beg,
				    0) >= 0)) {
				np_speaker(&np, &scratch);
				j = np.t1;
				continue;
			}
		}
		caps = 0;
		while (j < ntoks &&
		    (tok_namecap(j) ||
			(tok_lower(j) && (tok_lex(j) & LX_CONN) && caps > 0 &&
			    tok_namecap(j + 1) && !two_names(j)))) {
			caps += tok_cap(j);
			j++;
		}
		split = i;
		owner = 0;
		gender = 0;
		for (k = i; k + 1 < j; k++) {
			lx = tok_lex(k);
			if (lx & LX_TITLE) {
				split = k + 1;
				if (lex_gender(lx & (LX_MALE | LX_FEMALE)) != 0)
					gender = lex_gender(
					    lx & (LX_MALE | LX_FEMALE));
			} else if (owner_word(k)) {
				owner = k + 1;
			}
		}
		subject = i == s ||
		    (tok_punct(i - 1, ',') && i >= s + 3 &&
			(tok_lex(s) & LX_DET) && tok_lower(s + 1));
		if (j - split < 2 && split == i) {
			long e;

			/* "Meanwhile Rihanna, who was honoured ...": one word
			 * opening the sentence, then ", who", is a person */
			if (j == i + 1 && tok_punct(j, ',') &&
			    tok_is(j + 1, "who") &&
			    (i == s ||
				(i == s + 1 && (tok_lex(s) & LX_STOPCAP)))) {
				e = ent_by_last(para + toks[i].beg,
				    toks[i].end - toks[i].beg, 0);
				if (e >= 0)
					(void)ent_renote((size_t)e, 0, 0, 1);
				else
					(void)ent_note(para + toks[i].beg,
					    toks[i].end - toks[i].beg, 0, 0, 1);
				continue;
			}
			/* "Sanders wasn't impressed." */
			if (!subject || !tok_lower(j) || j != i + 1)
				continue;
			e = ent_by_last(
			    para + toks[i].beg, toks[i].end - toks[i].beg, 0);
			if (e >= 0)
				(void)ent_renote((size_t)e, 0, 0, 1);
			continue;
		}
		lx = tok_lex(j - 1);
		if (lx & LX_JOB)
			continue; /* "the former Hewlett-Packard CEO" */
		org = (lx & LX_ORG) != 0;
		if (owner > split && !org && j - owner >= 2)
			split =
			    owner; /* Apple's Tim Cook, as in np_speaker() */
		for (k = split; k < j; k++)
			if (tok_lex(k) & LX_CONN)
				org = 1;
		if (!org && gender == 0)
			gender = first_name_gender(split);
		(void)ent_note(para + toks[split].beg,
		    toks[j - 1].end - toks[split].beg, gender, org, subject);
	}
	if (end > tracked)
		tracked = end;
}

/* The kind of the quotation of token qi (span sp, quotation index x). */
static unsigned
quote_kind(size_t x, const struct span *sp, size_t qi)
{
	const char *q = para + sp->cb;
	size_t n = sp->ce - sp->cb, w, words, p;
	uint32_t c = ' ';
	int start, up;
	const struct attr *a = &pq[x].at;

	if (sp->cont)
		return K_FULL;
	while (n > 0) {
		c = char_at(q, n, 0, &w);
		if (is_alnum(c) || (!is_space(c) && !uc_ispunct(c)))
			break;
		q += w;
		n -= w;
	}
	up = !is_letter(c) || is_upper(c);
	start =
	    qi == 0 || (toks[qi - 1].flags & TF_SEND) || tok_punct(qi - 1, ':');
	/* X said, "..." / X told reporters "..." / According to X, "..." /
	 * X told the crowd, "..." */
	if (!start && a->how == A_BEFORE && a->vtok < qi &&
	    (qi - a->vtok <= 3 ||
		(qi - a->vtok <= 6 && tok_punct(qi - 1, ','))) &&
	    !tok_is(qi - 1, "that") && !tok_is(a->vtok + 1, "that") &&
	    !(tok_lex(qi - 1) & (LX_DET | LX_PREP)))
		start = up;
	if (!start && a->how == A_BEFORE && tok_punct(qi - 1, ',') &&
	    (a->etok + 1 == qi || a->vlen == 0))
		start = up;
	if (!start && x > 0 && qi > 0) {
		/* "It was," she said, "the hardest winter." */
		for (p = qi - 1; p > 0 && toks[p].type != T_QUOTE; p--)
			;
		if (toks[p].type == T_QUOTE && qi - p <= 12 &&
		    pq[x - 1].at.how == A_AFTER && pq[x - 1].kind == K_FULL &&
		    pq[x - 1].at.vtok > p && pq[x - 1].at.vtok < qi &&
		    tok_punct(qi - 1, ','))
			return K_FULL;
	}
	if (start && (up || qi == 0))
		return K_FULL;
	words = count_words(q, n, 6);
	if (a->how == A_AFTER || a->how == A_BEFORE)
		return words <= 4 && title_like(q, n) ? K_SCARE : K_PARTIAL;
	return words <= 5 || title_like(q, n) ? K_SCARE : K_PARTIAL;
}

/* Attribute and classify the quotations of the paragraph. */
void
attribute_all(void)
{
	size_t x, qi, p;
	struct attr *a;

	pq = xgrowarray(pq, &pq_cap, nspans, sizeof(*pq), 16);
	for (x = 0; x < nspans; x++) {
		qi = spans[x].tok;
		track_upto(qi);
		a = &pq[x].at;
		attr_clear(a);
		/* The order of the tests is the order of evidence: branches
		 * that share a body (after, follow-on) are kept apart on
		 * purpose. */
		if (find_after(qi, a))
			/* NOLINTNEXTLINE(bugprone-branch-clone) */
			a->how = A_AFTER;
		else if (x > 0 && pq[x - 1].at.how == A_AFTER &&
		    pq[x - 1].at.slen > 0 && pq[x - 1].at.vtok < qi &&
		    sent_start(qi) <= spans[x - 1].tok) {
			/* "...," X wrote in a statement, "...": the second
			 * piece of an interrupted quotation */
			*a = pq[x - 1].at;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
		} else if (attr_clear(a), find_before(qi, a))
			a->how = A_BEFORE;
		else if (attr_clear(a), find_later(qi, a))
			a->how = A_AFTER;
		/* A follow-on again, but only after every other attribution
		 * failed: the same body as the interrupted case above. */
		else if (attr_clear(a), x > 0 && pq[x - 1].at.slen > 0) {
			*a = pq[x - 1].at;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
			/* Keep the verb of an interrupted quotation only. */
			p = spans[x - 1].tok;
			if (!(pq[x - 1].at.vtok > p && pq[x - 1].at.vtok < qi &&
				pq[x - 1].at.how == A_AFTER && qi - p <= 12)) {
				a->vlen = 0;
				a->rlen = 0;
			}
		} else if (qi == 0 && doc.colon_ok) {
			*a = doc.colon_at;
		} else if (qi == 0 && doc.prev_ok && pure_quotes()) {
			*a = doc.prev_at;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
			a->vlen = a->rlen = 0;
		} else if (reported_ok && qi > 0 &&
		    (toks[qi - 1].flags & TF_SEND) &&
		    reported_tok >= sent_start(qi - 1) && reported_tok < qi) {
			/* "Cruz tweeted a warning. “Missouri: ...”" */
			*a = reported;
			a->how = A_FOLLOW;
			a->sb = a->se = 0;
		}
		if ((a->how == A_BEFORE || a->how == A_AFTER) &&
		    (tok_lex(a->vtok) & LX_NAMING) &&
		    count_words(para + spans[x].cb, spans[x].ce - spans[x].cb,
			3) <= 3) {
			/* Locals call the junction "Spaghetti Corner". */
			attr_clear(a);
			pq[x].kind = K_SCARE;
			continue;
		}
		pq[x].kind = quote_kind(x, &spans[x], qi);
	}
	track_upto(ntoks);
	doc.colon_ok = 0;
	x = nspans - 1;
	doc.prev_ok =
	    pq[x].at.slen > 0 && spans[x].tok >= sent_start(ntoks - 1);
	if (doc.prev_ok)
		doc.prev_at = pq[x].at;
}
