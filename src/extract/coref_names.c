/*
** coref_names.c: what a document taught about its names (coreference,
** coref_track.c): the words of its organisations' names and the last
** words of its untyped names (lx_word_names), and the type a cue gave a
** label anywhere in the document, which an untyped name:<slug> of the
** same label takes (lx_type_names).
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"

/* The slot of key k (hash h) in m: holding it, or the free one. */
static struct lx_nslot *nt_slot(const struct lx_ntab *m, const char *k,
				size_t len, uint32_t h)
{
	if (!m->v)
		return NULL;
	for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
		struct lx_nslot *sl = &m->v[i];
		if (!sl->key || (sl->hash == h && sl->len == len &&
				 !memcmp(sl->key, k, len)))
			return sl;
	}
}

/* The slot of key k in m, made (key copied into pa when copy) if new;
** NULL on out of memory. */
static struct lx_nslot *nt_put(struct lx_scan *s, struct lx_ntab *m,
			       const char *k, size_t len, uint32_t h,
			       bool copy)
{
	struct lx_nslot *v = lx_table_room(m->v, &m->mask, m->n, 64,
					   sizeof(*v),
					   offsetof(struct lx_nslot, hash));
	if (!v) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	m->v = v;
	struct lx_nslot *sl = nt_slot(m, k, len, h);
	if (!sl->key) {
		const char *key = copy ? fc_arena_strndup(s->pa, k, len) : k;
		if (!key) {
			s->err = FC_ENOMEM;
			return NULL;
		}
		*sl = (struct lx_nslot){key, (uint32_t)len, h, 0, 0, NULL};
		m->n++;
	}
	return sl;
}

void lx_names_finish(struct lx_names *n)
{
	if (!n)
		return;
	free(n->labels.v);
	free(n->words.v);
	free(n->parts.v);
	n->labels.v = n->words.v = n->parts.v = NULL;
}

/* Does a firm's arm's word follow the first word of [t0, t1) ("Ford
** Motor Credit Co", "Toshiba Electronics")? */
static bool has_arm(const struct lx_scan *s, uint32_t t0, uint32_t t1)
{
	for (uint32_t k = t0 + 1; k < t1; k++)
		if (lx_is_firm_arm(s, k))
			return true;
	return false;
}

/* Does the slot sl of a firm's first word hold a full name without an
** arm, named within a short name's reach of sentence sent: the parent
** that a later arm's name leaves the short name to ("Ford" after "Ford
** Motor Co and Ford Motor Credit Co" is Ford Motor Co)? */
static bool holds_parent(const struct lx_scan *s, const struct lx_nslot *sl,
			 uint32_t sent)
{
	if (!sl->first_ment || sl->first_ment > s->nments)
		return false;
	const struct lx_ment *p = &s->ments[sl->first_ment - 1];
	return p->sent + LX_SHORT_SENTS >= sent && !has_arm(s, p->t0, p->t1);
}

/* Note the words [t0, t1): of an organisation (last == NULL; its
** first word begins mention first_ment - 1 when first_ment > 0), or the
** last word of the untyped name last. */
void lx_note_words(struct lx_scan *s, uint32_t t0, uint32_t t1,
		       const struct fc_entity *last, uint32_t first_ment)
{
	if (!s->names)
		return;
	for (uint32_t i = t0; i < t1; i++) {
		if (!(s->t.v[i].flags & LX_T_CAP))
			continue;
		size_t len;
		const char *k = lx_key(&s->t, i, 1, &len);
		struct lx_nslot *sl = nt_put(s, &s->names->words, k, len,
					     s->t.v[i].hash, true);
		if (!sl)
			return;
		if (!last) {
			sl->flags |= LX_N_ORG;
			if (i == t0 && first_ment &&
			    !(has_arm(s, t0, t1) &&
			      holds_parent(s, sl, s->t.v[t0].sent)))
				sl->first_ment = first_ment;
		} else if (!(sl->flags & LX_N_LAST)) {
			sl->flags |= LX_N_LAST;
			sl->e = last;
		} else if (sl->e != last) {
			sl->flags |= LX_N_MANY;
		}
	}
}

/* Note the last word of the untyped name e at [t0, t1), and whether a
** given name opens it (LX_N_GIVEN: lx_last_word_name links the word
** alone to it then; "Oper Shr", "Coffee Roasters" are no persons). */
void lx_note_last_word(struct lx_scan *s, uint32_t t0, uint32_t t1,
			   const struct fc_entity *e)
{
	lx_note_words(s, t1 - 1, t1, e, 0);
	if (!s->names || !(lx_word_cue(s, t0, LX_CUE_GIVEN_NAME) ||
			   lx_word_cue(s, t0, LX_CUE_PLACE_GIVEN)))
		return;
	/* (a possessive inside is a place's, "Brooklyn's Brownsville") */
	for (uint32_t k = t0; k < t1; k++)
		if (s->t.v[k].flags & LX_T_POSS)
			return;
	size_t len;
	const char *k = lx_key(&s->t, t1 - 1, 1, &len);
	struct lx_nslot *sl =
		nt_slot(&s->names->words, k, len, s->t.v[t1 - 1].hash);
	if (sl && sl->key && sl->e == e)
		sl->flags |= LX_N_GIVEN;
}

const struct lx_nslot *lx_word_names(const struct lx_scan *s, size_t i)
{
	if (!s->names)
		return NULL;
	size_t len;
	const char *k = lx_key(&s->t, i, 1, &len);
	const struct lx_nslot *sl =
		nt_slot(&s->names->words, k, len, s->t.v[i].hash);
	return sl && sl->key ? sl : NULL;
}

static uint32_t str_hash(const char *k, size_t len)
{
	return lx_hash_tok(k, len);
}

/* Is the mention an untyped name a cue elsewhere may type? */
static bool is_untyped(const struct lx_ment *m)
{
	return m->ent->type == FC_ENT_OTHER &&
	       (!strcmp(m->rule, "name") || !strcmp(m->rule, "name.speaker") ||
		!strcmp(m->rule, "name.place"));
}

/* The label slot of mention m's entity (NULL: none yet, or no memory
** with put). */
static struct lx_nslot *label_slot(struct lx_scan *s, const struct lx_ment *m,
				   bool put)
{
	const char *k = m->ent->label;
	size_t len = strlen(k);
	uint32_t h = str_hash(k, len);
	if (put)
		return nt_put(s, &s->names->labels, k, len, h, false);
	struct lx_nslot *sl = nt_slot(&s->names->labels, k, len, h);
	return sl && sl->key ? sl : NULL;
}

/* May a mention typed by a cue give its type to the same name elsewhere?
** (a person only by a title or an apposition's role, or a full name a
** surname said: "said Pan Am" makes no person of "Pan Am" elsewhere) */
static bool types_others(const struct lx_ment *m)
{
	const struct fc_entity *e = m->ent;
	/* (the lexicon's names it finds by themselves; "lexicon.title"
	** types a name it does not know) */
	if (!strncmp(m->rule, "lexicon.", 8) && strcmp(m->rule, "lexicon.title"))
		return false;
	if (e->type == FC_ENT_ORG || e->type == FC_ENT_CITY)
		return true;
	return e->type == FC_ENT_PERSON &&
	       (e->role || !strcmp(m->rule, "name.person-surname"));
}

void lx_type_names(struct lx_scan *s)
{
	if (!s->names || s->err)
		return;
	/* the names typed in this piece */
	bool any = false;
	for (size_t i = s->m0; i < s->nments && !s->err; i++) {
		if (!types_others(&s->ments[i]))
			continue;
		struct lx_nslot *sl = label_slot(s, &s->ments[i], true);
		if (!sl)
			return;
		if (!sl->e)
			sl->e = s->ments[i].ent;
		else if (sl->e->type != s->ments[i].ent->type)
			sl->flags |= LX_N_AMBIG;
		any = true;
	}
	if (!any && !s->names->labels.n)
		return;
	/* the untyped names: typed before (here or in an earlier piece),
	** or later in the document (in the piece of a long text read in
	** pieces: they end at blank lines 256 KiB apart) */
	for (size_t i = s->m0; i < s->nments; i++) {
		struct lx_ment *m = &s->ments[i];
		if (!is_untyped(m))
			continue;
		const struct lx_nslot *sl = label_slot(s, m, false);
		if (!sl || !sl->e || (sl->flags & LX_N_AMBIG))
			continue;
		m->ent = sl->e;
		m->rule = "coref.name";
	}
}

/* Is the organisation's name [t0, t1) a firm's full name that short
** names may stand for (lx_firm_short): two words or more ending with a
** legal form or a business line ("Dome Petroleum Ltd", "CrossLand
** Savings"; not "Dome Mines", which leaves "Dome" the former's); with a
** firm's arm, ending with a legal form ("Zenith Electronics Corp"; not
** "Toshiba Electronics", "Westpac Finance", a parent's unit)? (also
** lx_firm_short) */
bool lx_is_firm_full(const struct lx_scan *s, uint32_t t0, uint32_t t1,
		     const char *rule)
{
	if (t1 - t0 < 2 || !strcmp(rule, "coref.org") ||
	    !(lx_is_firm_form(s, t1 - 1) || lx_is_firm_line(s, t1 - 1)))
		return false;
	return lx_is_firm_form(s, t1 - 1) || !has_arm(s, t0, t1);
}

/* (lx_nslot.flags of a part) the first words of the name, not its last:
** a title and a given name ("Prince Turki"), or a party's ("Liberal
** Democrat" of "Liberal Democrat MP Jackie Ballard") */
#define PART_PREFIX (1u << 8)

/* May the title and one word of the short form e name the person
** full? (one role, or a title of none, "Sheikh Ali": "Queen Elizabeth"
** is no "Transportation Secretary Elizabeth Dole"; a letter, "President
** C", names no one) */
static bool same_office(const struct fc_entity *e,
			const struct fc_entity *full)
{
	return e->label[0] && e->label[1] &&
	       (!e->role || (full->role && !strcmp(e->role, full->role)));
}

const struct fc_entity *lx_short_form(const struct lx_scan *s,
				      const struct fc_entity *e, bool titled)
{
	if (!s->names || !s->names->parts.v ||
	    (!titled && !strchr(e->label, ' ')))
		return NULL;
	size_t len = strlen(e->label);
	const struct lx_nslot *sl = nt_slot(&s->names->parts, e->label, len,
					    str_hash(e->label, len));
	if (!sl || !sl->key || (sl->flags & LX_N_AMBIG) || sl->e == e)
		return NULL;
	/* (the first words after a title, "President Jose Luis" after
	** "President Jose Luis Machinea": a firm's name read as a
	** person's has its first words too, "Legg Mason" of "Legg Mason
	** Wood"; the last words, with the surname, of a person's name in
	** an untyped one or one of no role, "Febres Cordero" after
	** "President Leon Febres Cordero": but for a person of no role,
	** whose label may hold a word read as a name, "Sumner Redstone"
	** after "Investor Sumner Redstone") */
	if (sl->flags & PART_PREFIX)
		return titled && (strchr(e->label, ' ') ||
				  same_office(e, sl->e))
			       ? sl->e
			       : NULL;
	if (sl->e->type != FC_ENT_PERSON)
		return NULL;
	return e->type == FC_ENT_OTHER || (!e->role && sl->e->role) ? sl->e
								    : NULL;
}

/* Note [k, k + len) of person e's label as a part of e's name (one
** entity a part: two make it ambiguous, "Kim Jong" of "Kim Jong Un" and
** "Kim Jong Il"). */
static void note_part(struct lx_scan *s, const struct fc_entity *e,
		      const char *k, size_t len, uint32_t prefix)
{
	struct lx_nslot *sl =
		nt_put(s, &s->names->parts, k, len, str_hash(k, len), false);
	if (!sl)
		return;
	if (!sl->e) {
		sl->e = e;
		sl->flags |= prefix;
	} else if (sl->e != e && strcmp(sl->e->id, e->id)) {
		sl->flags |= LX_N_AMBIG;
	}
}

void lx_note_parts(struct lx_scan *s, const struct fc_entity *e, bool titled)
{
	const char *lab = e->label, *first = strchr(lab, ' ');
	const char *last = strrchr(lab, ' ');
	if (!s->names || !first)
		return;
	size_t n = strlen(lab);
	/* every cut between two words: the words before it (after a title
	** one word, "Prince Turki" of "Prince Turki al-Faisal"; else two
	** or more) and after it (two or more) */
	for (const char *sp = titled ? first : strchr(first + 1, ' '); sp;
	     sp = strchr(sp + 1, ' '))
		note_part(s, e, lab, (size_t)(sp - lab), PART_PREFIX);
	for (const char *sp = first; sp && sp < last; sp = strchr(sp + 1, ' '))
		note_part(s, e, sp + 1, n - (size_t)(sp + 1 - lab), 0);
}
