/*
** coref_track.c: within-document coreference for the lexicon stage.
**
** Entities a document uses are interned once into the corpus arena, so
** mentions and speakers point at stable memory. The scan keeps every
** entity mention in text order (s->ments) and every distinct person
** (s->persons, with the normalised last name token) to resolve:
**   surnames            "Pezeshkian" after "President Masoud Pezeshkian"
**   demonym + role      "the Russian leader" -> the last Russian leader
**   groups              "the two leaders" -> the last two persons
**   typed names         an untyped name:<slug> takes the type a cue gave
**                       the same label (a title or an apposition's role,
**                       an org-word, a team, a city) anywhere in the
**                       document (lx_type_names)
** Look-backs are bounded, so long documents stay linear.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/entity_p.h"
#include "extract/lexicon_p.h"
#include "extract/lx_prose.h"


static char *dup(struct lx_scan *s, const char *p)
{
	if (!p)
		return NULL;
	char *q = fc_arena_strdup(s->pa, p);
	if (!q)
		s->err = FC_ENOMEM;
	return q;
}

/* Is the document dated before every term of the lexicon person p? (No
** one held the role yet: Donald Trump in a text of 1987 is no
** president; terms_hold and lx_term_role below.) */
static bool before_terms(const struct lx_scan *s, const struct lx_ent *p)
{
	if (!s->has_date || !p->nterms)
		return false;
	for (uint32_t k = 0; k < p->nterms; k++)
		if (s->doc_days >= p->terms[k].since)
			return false;
	return true;
}

const struct fc_entity *lx_intern(struct lx_scan *s, uint32_t ent)
{
	if (ent == FC_NONE || ent >= s->l->nents)
		return NULL;
	if (s->interned[ent])
		return s->interned[ent];
	const struct fc_entity *src = &s->l->ents[ent].e;
	struct fc_entity *e = fc_arena_alloc(s->pa, sizeof(*e));
	if (!e) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	e->id = dup(s, src->id);
	e->label = dup(s, src->label);
	e->type = src->type;
	e->country = dup(s, src->country);
	/* (the role of the document's date: Putin in 2009 is the prime
	** minister) */
	const char *role = lx_term_role(s, &s->l->ents[ent]);
	e->role = role || !before_terms(s, &s->l->ents[ent])
			  ? dup(s, role ? role : src->role)
			  : NULL;
	s->interned[ent] = e;
	return e;
}

/* ---- Person maps (hashing, so lookups stay O(1) on long texts) ------- */

/* (the hash of the gazetteer and the tokens: a token's key has its
** token's hash) */
static uint32_t hash_bytes(const char *k, size_t len)
{
	return lx_hash_tok(k, len);
}

static bool pkey_eq(const struct lx_scan *s, bool by_id, uint32_t p,
		    const char *k, size_t len)
{
	const struct lx_person *pe = &s->persons[p];
	if (by_id)
		return !strncmp(pe->ent->id, k, len) && !pe->ent->id[len];
	return pe->surname_len == len && !memcmp(pe->surname, k, len);
}

/* The person a slot of a map holds (index + 1 in its low half). */
static uint32_t slot_person(uint64_t v)
{
	return (uint32_t)v - 1;
}

/* The slot of key k (hash h: hash_bytes) in map m: holding it, or the
** free one to use. */
static uint64_t *pmap_slot_h(const struct lx_scan *s, const struct lx_pmap *m,
			     bool by_id, const char *k, size_t len, uint32_t h)
{
	if (!m->v)
		return NULL;
	for (size_t i = h & m->mask;; i = (i + 1) & m->mask) {
		uint64_t *slot = &m->v[i];
		if (!*slot || ((uint32_t)(*slot >> 32) == h &&
			       pkey_eq(s, by_id, slot_person(*slot), k, len)))
			return slot;
	}
}

static bool pmap_grow(struct lx_scan *s, struct lx_pmap *m)
{
	if (m->v && (m->n + 1) * 2 <= m->mask + 1)
		return true;
	size_t cap = m->v ? (m->mask + 1) * 2 : 64;
	uint64_t *v = calloc(cap, sizeof(*v));
	if (!v) {
		s->err = FC_ENOMEM;
		return false;
	}
	/* (the keys differ: each to the first free slot from its hash) */
	for (size_t i = 0; m->v && i <= m->mask; i++) {
		if (!m->v[i])
			continue;
		size_t k = (uint32_t)(m->v[i] >> 32) & (cap - 1);
		while (v[k])
			k = (k + 1) & (cap - 1);
		v[k] = m->v[i];
	}
	free(m->v);
	m->v = v;
	m->mask = cap - 1;
	return true;
}

/* Point key (of person p) at p in m. */
static void pmap_put(struct lx_scan *s, struct lx_pmap *m, bool by_id,
		     uint32_t p)
{
	if (!pmap_grow(s, m))
		return;
	const struct lx_person *pe = &s->persons[p];
	const char *k = by_id ? pe->ent->id : pe->surname;
	size_t len = by_id ? strlen(k) : pe->surname_len;
	uint32_t h = hash_bytes(k, len);
	uint64_t *slot = pmap_slot_h(s, m, by_id, k, len, h);
	if (!*slot)
		m->n++;
	*slot = (uint64_t)h << 32 | (p + 1);
}

const struct fc_entity *lx_find_person(const struct lx_scan *s,
				       const char *id)
{
	size_t len = strlen(id);
	const uint64_t *slot =
		pmap_slot_h(s, &s->by_id, true, id, len, hash_bytes(id, len));
	return slot && *slot ? s->persons[slot_person(*slot)].ent : NULL;
}

void lx_persons_finish(struct lx_scan *s)
{
	free(s->persons);
	free(s->by_id.v);
	free(s->by_surname.v);
	s->persons = NULL;
	s->by_id.v = s->by_surname.v = NULL;
}

/* The surname key of token i's word (borrowed: the tokens'), *len bytes:
** its key without a particle written on it, so that "Maliki" and
** "Al-Maliki" after "Nouri al-Maliki" key the same person; *p0: the
** particle's bytes cut. */
static const char *surname_key(const struct lx_scan *s, size_t i,
			       size_t *len, size_t *p0)
{
	const char *key = lx_key(&s->t, i, 1, len);
	*p0 = lx_particle_len(s, key, *len);
	*len -= *p0;
	return key + *p0;
}

/* The slot of by_surname that token i's word keys (surname_key):
** holding it, or the free one (NULL: no map yet). */
static const uint64_t *surname_slot(const struct lx_scan *s, size_t i)
{
	size_t len, p0;
	const char *key = surname_key(s, i, &len, &p0);
	/* (a token's hash is hash_bytes of its key) */
	return pmap_slot_h(s, &s->by_surname, false, key, len,
			   p0 ? hash_bytes(key, len) : s->t.v[i].hash);
}

/* A new person record of e keyed by token tok's word (is_word: a word
** of the name before its last); its index, or UINT32_MAX on out of
** memory. */
static uint32_t add_person(struct lx_scan *s, const struct fc_entity *e,
			   uint32_t tok, bool is_word)
{
	if (s->npersons == s->cappersons) {
		size_t cap = s->cappersons ? s->cappersons * 2 : 16;
		struct lx_person *v = realloc(s->persons, cap * sizeof(*v));
		if (!v) {
			s->err = FC_ENOMEM;
			return UINT32_MAX;
		}
		s->persons = v;
		s->cappersons = cap;
	}
	size_t len, p0;
	const char *key = surname_key(s, tok, &len, &p0);
	char *copy = fc_arena_strndup(s->pa, key, len); /* outlives t.norm */
	if (!copy) {
		s->err = FC_ENOMEM;
		return UINT32_MAX;
	}
	uint32_t p = (uint32_t)s->npersons++;
	s->persons[p] = (struct lx_person){e, copy, len, is_word, false, 0};
	return p;
}

/* Note token k, a word of person e's name before its last, for
** lx_find_name_word (links: it finds e; else it only marks the word as
** e's, so that another person's name with it finds no one): unless it
** is another person's surname. The record goes before the word's
** earlier ones (prev): lx_find_name_word weighs the persons named
** lately ("Kim" of "Kim Jong Un" and "Kim Young-sam": neither). */
static void note_name_word(struct lx_scan *s, const struct fc_entity *e,
			   uint32_t k, bool links)
{
	const uint64_t *slot = surname_slot(s, k);
	uint32_t prev = slot && *slot ? slot_person(*slot) + 1 : 0;
	if (prev && !s->persons[prev - 1].is_word)
		return;
	uint32_t p = add_person(s, e, k, true);
	if (p == UINT32_MAX)
		return;
	s->persons[p].no_link = !links;
	s->persons[p].prev = prev;
	pmap_put(s, &s->by_surname, false, p);
}

/* The word of label lab that ends at *we (no space before it): its
** start; *we moves to the end of the word before (NULL: none). */
static const char *label_word(const char *lab, const char **we)
{
	const char *ws = *we;
	while (ws > lab && ws[-1] != ' ')
		ws--;
	*we = ws > lab ? ws - 1 : NULL;
	return ws;
}

/* (note_name_words) the most words of a name whose words before the
** last are noted: longer ones are mostly a title and a name read as one
** ("Colts QB Andrew Luck") */
#define NAME_WORDS_MAX 3

/* The first token of person e's name ending at last_tok when the text
** writes its whole label there, in capitalised words, no acronym, of
** NAME_WORDS_MAX words at most; else UINT32_MAX. */
static uint32_t label_start(const struct lx_scan *s, const struct fc_entity *e,
			    uint32_t last_tok)
{
	const char *lab = e->label;
	const char *we = lab + strlen(lab);
	uint32_t k = last_tok;
	for (int n = 1;; n++, k--) {
		const char *end = we;
		const char *ws = label_word(lab, &we);
		const struct lx_tok *t = &s->t.v[k];
		if (n > NAME_WORDS_MAX || (size_t)(end - ws) != t->end - t->start ||
		    memcmp(ws, s->text + t->start, t->end - t->start) ||
		    !(t->flags & LX_T_CAP) || (t->flags & LX_T_UPPER))
			return UINT32_MAX;
		if (!we)
			return k;
		if (k == 0 || !lx_joins(s, k))
			return UINT32_MAX;
	}
}

/* Note the words of person e's name before its last token last_tok
** ("Liu" of "Vice Premier Liu He"; none of "Kremlin spokesman Dmitri
** Peskov", labelled "Dmitry Peskov": label_start) when the person has a
** role (a title or the lexicon made it a person: an unknown name before
** "said" is as often a firm's, "Morgan Stanely said"), but a letter, a
** word a phrase of the lexicon claims, a common given name (many people
** share it: "Mark" of "Mark Heller" is no "Mr. Mark"), a place's name
** that is a given name too (alone the place's or a club's: "Chelsea
** beat Arsenal" after "Chelsea Clinton"; names.yaml place-given-name)
** and a word the document writes in lower case too. The others, and
** every word of a name with no role, are noted as the person's without
** a link: a second person's name with the word then finds no one (the
** lexicon's "North Korean leader Kim Jong Un", then "President Kim
** Young-sam ... Kim said"). */
static void note_name_words(struct lx_scan *s, const struct fc_entity *e,
			    uint32_t last_tok)
{
	uint32_t k0 = label_start(s, e, last_tok);
	for (uint32_t k = k0; k < last_tok && !s->err; k++)
		note_name_word(s, e, k,
			       e->role &&
				       s->t.v[k].end - s->t.v[k].start > 1 &&
				       lx_is_name_word(s, k) &&
				       !lx_word_cue(s, k, LX_CUE_GIVEN_NAME) &&
				       !lx_word_cue(s, k, LX_CUE_PLACE_GIVEN) &&
				       !lx_lower_elsewhere(s, k));
}

static void note_person(struct lx_scan *s, const struct fc_entity *e,
			uint32_t last_tok)
{
	size_t id_len = strlen(e->id);
	const uint64_t *slot = pmap_slot_h(s, &s->by_id, true, e->id, id_len,
					   hash_bytes(e->id, id_len));
	if (slot && *slot) {
		/* Named again: its surname now means this person. */
		if (s->persons[slot_person(*slot)].surname_len > 1)
			pmap_put(s, &s->by_surname, false, slot_person(*slot));
		return;
	}
	uint32_t p = add_person(s, e, last_tok, false);
	if (p == UINT32_MAX)
		return;
	pmap_put(s, &s->by_id, true, p);
	/* (a name cut at an initial, "William T", gives no surname: "T"
	** alone is a letter, not that person) */
	if (s->persons[p].surname_len > 1)
		pmap_put(s, &s->by_surname, false, p);
	note_name_words(s, e, last_tok);
}

/* ---- Names of the document (labels and words, O(1) each) ------------ */

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
	if (!m->v || (m->n + 1) * 2 > m->mask + 1) {
		size_t cap = m->v ? (m->mask + 1) * 2 : 64;
		struct lx_nslot *v = calloc(cap, sizeof(*v));
		if (!v) {
			s->err = FC_ENOMEM;
			return NULL;
		}
		for (size_t i = 0; m->v && i <= m->mask; i++) {
			if (!m->v[i].key)
				continue;
			size_t j = m->v[i].hash & (cap - 1);
			while (v[j].key)
				j = (j + 1) & (cap - 1);
			v[j] = m->v[i];
		}
		free(m->v);
		m->v = v;
		m->mask = cap - 1;
	}
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
	n->labels.v = n->words.v = NULL;
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
static void note_words(struct lx_scan *s, uint32_t t0, uint32_t t1,
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
static void note_last_word(struct lx_scan *s, uint32_t t0, uint32_t t1,
			   const struct fc_entity *e)
{
	note_words(s, t1 - 1, t1, e, 0);
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

/* Is token i a common noun's word in lower case: right after a function
** word ("the reports", "a relative", "with enough"; not in a web address
** split into tokens, "/ microsoft - rushes", nor a name in a text that
** writes names in lower case, "minister azpurua")? */
static inline bool is_prose_lower(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return lx_prose_lower(t->flags, t[-1].flags);
}

/* Are tokens a and b the same word (normalised)? (Two words with their
** own gazetteer slots are the same word when the slot is: no compare of
** their bytes.) */
static bool same_word(const struct lx_scan *s, const struct lx_tok *a,
		      const struct lx_tok *b)
{
	if (a->word != b->word)
		return false;
	if (a->word)
		return true;
	return a->hash == b->hash && a->norm_len == b->norm_len &&
	       !memcmp(s->t.norm + a->norm_off, s->t.norm + b->norm_off,
		       a->norm_len);
}

/* v (capacity *cap, a power of two, one entry a word) at twice the
** capacity; NULL when out of memory (v is then freed). */
static uint32_t *lower_grow(const struct lx_scan *s, uint32_t *v, size_t *cap)
{
	size_t nc = 2 * *cap;
	uint32_t *w = calloc(nc, sizeof(*w));
	if (w)
		for (size_t j = 0; j < *cap; j++) {
			if (!v[j])
				continue;
			size_t k = s->t.v[v[j] - 1].hash & (nc - 1);
			while (w[k])
				k = (k + 1) & (nc - 1);
			w[k] = v[j];
		}
	free(v);
	*cap = nc;
	return w;
}

/*
** The table of the words written in lower case (lx_scan.lower, and
** lx_scan.lower_words for the words with a gazetteer slot: a bit by
** the slot, no hashing). The table starts small and doubles at half
** full: a text has some thousands of such words among tens of
** thousands of tokens, and clearing a table sized by the tokens cost
** more than filling it.
*/
static bool lower_build(struct lx_scan *s)
{
	size_t cap = 512, n = 0;
	uint32_t *v = calloc(cap, sizeof(*v));
	uint64_t *bits = calloc(s->l->capslots / 64 + 1, sizeof(*bits));
	/* the tokens kept from the last piece, then those mark_sentences
	** noted (lx_scan.lowers), in the order of the text */
	size_t nkept = s->t0 > 1 ? s->t0 - 1 : 0;
	for (size_t j = 0; v && bits && j < nkept + s->nlowers; j++) {
		size_t i = j < nkept ? j + 1 : s->lowers[j - nkept];
		const struct lx_tok *t = &s->t.v[i];
		if (j < nkept && !is_prose_lower(s, i))
			continue;
		if (t->word) {
			bits[(t->word - 1) / 64] |= 1ull << (t->word - 1) % 64;
			continue;
		}
		size_t k = t->hash & (cap - 1);
		while (v[k] && !same_word(s, &s->t.v[v[k] - 1], t))
			k = (k + 1) & (cap - 1);
		if (v[k])
			continue; /* (one entry a word) */
		v[k] = (uint32_t)i + 1;
		if (2 * ++n > cap)
			v = lower_grow(s, v, &cap);
	}
	if (!v || !bits) {
		free(v);
		free(bits);
		s->err = FC_ENOMEM;
		return false;
	}
	s->lower = v;
	s->lower_mask = cap - 1;
	s->lower_words = bits;
	return true;
}

bool lx_lower_elsewhere(struct lx_scan *s, size_t i)
{
	if (!s->lower && (s->err || !lower_build(s)))
		return false;
	const struct lx_tok *t = &s->t.v[i];
	if (t->word)
		return s->lower_words[(t->word - 1) / 64] >>
			       (t->word - 1) % 64 & 1;
	for (size_t k = t->hash & s->lower_mask; s->lower[k];
	     k = (k + 1) & s->lower_mask) {
		if (same_word(s, &s->t.v[s->lower[k] - 1], t))
			return true;
	}
	return false;
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


void lx_push_ment(struct lx_scan *s, uint32_t t0, uint32_t t1,
		  const struct fc_entity *e, const char *rule)
{
	if (!e || s->err || t1 <= t0)
		return;
	if (s->nments == s->capments) {
		size_t cap = s->capments ? s->capments * 2 : 64;
		struct lx_ment *v = realloc(s->ments, cap * sizeof(*v));
		if (!v) {
			s->err = FC_ENOMEM;
			return;
		}
		s->ments = v;
		s->capments = cap;
	}
	uint32_t mi = (uint32_t)s->nments++;
	s->ments[mi] = (struct lx_ment){t0, t1, s->t.v[t0].sent, e, rule};
	for (uint32_t i = t0; i < t1; i++)
		s->t.v[i].ment = mi;
	/* The last name token of a person, for later surnames (a surname
	** that found its person means it already). */
	if (e->type == FC_ENT_PERSON && strcmp(rule, "coref.surname"))
		note_person(s, e, t1 - 1);
	else if (e->type == FC_ENT_ORG)
		note_words(s, t0, t1, NULL, lx_is_firm_full(s, t0, t1, rule)
						    ? mi + 1
						    : 0);
	else if (e->type == FC_ENT_OTHER && t1 - t0 >= 2 && !strcmp(rule, "name"))
		note_last_word(s, t0, t1, e);
}

/* ---- Made entities (one of each, so long texts stay small) ----------- */

/* A hash of string k (NULL too) from h, eight bytes a step (the
** emap's order never shows in the output, so any good mix will do). */
static uint32_t hash_str(uint32_t h0, const char *k)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ h0;
	size_t n = k ? strlen(k) : 0, i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, k + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	if (n > i)
		memcpy(&w, k + i, n - i);
	h = (h ^ w ^ (uint64_t)n << 56) * 0xC4CEB9FE1A85EC53ull;
	return (uint32_t)(h ^ h >> 32);
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool ent_eq(const struct fc_entity *a, const struct fc_entity *b)
{
	return a->type == b->type && str_eq(a->id, b->id) &&
	       str_eq(a->label, b->label) && str_eq(a->country, b->country) &&
	       str_eq(a->role, b->role);
}

/* (the id alone: it comes from the label, and ent_eq tells the rest) */
static uint32_t ent_hash(const struct fc_entity *e)
{
	return hash_str(2166136261u ^ (uint32_t)e->type, e->id);
}

/*
** The entity equal to e made before, else a copy of e in s->pa (its
** strings copied there too); NULL on out of memory.
*/
static const struct fc_entity *made(struct lx_scan *s,
				    const struct fc_entity *e)
{
	struct lx_emap *m = s->made;
	if (m && (m->n + 1) * 2 > m->mask + 1) {
		size_t cap = m->v ? (m->mask + 1) * 2 : 256;
		struct lx_emap_slot *v = calloc(cap, sizeof(*v));
		if (!v) {
			s->err = FC_ENOMEM;
			return NULL;
		}
		for (size_t i = 0; m->v && i <= m->mask; i++) {
			if (!m->v[i].e)
				continue;
			size_t k = m->v[i].hash & (cap - 1);
			while (v[k].e)
				k = (k + 1) & (cap - 1);
			v[k] = m->v[i];
		}
		free(m->v);
		m->v = v;
		m->mask = cap - 1;
	}
	size_t k = 0;
	uint32_t h = 0;
	if (m) {
		/* (the hashes first: a probe past another entity reads
		** none of its strings) */
		h = ent_hash(e);
		for (k = h & m->mask; m->v[k].e; k = (k + 1) & m->mask)
			if (m->v[k].hash == h && ent_eq(m->v[k].e, e))
				return m->v[k].e;
	}
	struct fc_entity *c = fc_arena_alloc(s->pa, sizeof(*c));
	if (!c) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	c->id = dup(s, e->id);
	c->label = dup(s, e->label);
	c->type = e->type;
	c->country = dup(s, e->country);
	c->role = dup(s, e->role);
	if (m) {
		m->v[k] = (struct lx_emap_slot){c, h};
		m->n++;
	}
	return c;
}

void lx_emap_finish(struct lx_emap *m)
{
	if (m)
		free(m->v);
}

#define NAME_BUF 256 /* label and id bytes built on the stack */

const struct fc_entity *lx_new_entity(struct lx_scan *s, const char *prefix,
				      const char *name, size_t name_len,
				      enum fc_entity_type type,
				      const char *country, const char *role)
{
	/* The label as written, white space runs made one space, and the
	** id: scratch (on the stack when short, else in the scan's arena),
	** since made() copies a new entity's strings into pa. */
	char lbuf[NAME_BUF], ibuf[NAME_BUF];
	char *label = name_len < sizeof(lbuf) ? lbuf
					      : fc_arena_alloc(s->a, name_len + 1);
	if (!label) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	size_t o = 0;
	for (size_t i = 0; i < name_len; i++) {
		char c = name[i];
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (o && label[o - 1] != ' ')
				label[o++] = ' ';
			continue;
		}
		label[o++] = c;
	}
	while (o && label[o - 1] == ' ')
		o--;
	label[o] = '\0';
	char *slug = fc_slug(s->a, label, o);
	if (!slug || !*slug)
		return NULL;
	size_t pl = strlen(prefix), sl = strlen(slug);
	char *id = pl + sl + 2 <= sizeof(ibuf) ? ibuf
					       : fc_arena_alloc(s->a, pl + sl + 2);
	if (!id) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	memcpy(id, prefix, pl);
	id[pl] = ':';
	memcpy(id + pl + 1, slug, sl + 1);
	/* The same person named again keeps the first entity. (Every
	** person's id is "person:...": another prefix finds none.) */
	const struct fc_entity *known =
		!strcmp(prefix, "person") ? lx_find_person(s, id) : NULL;
	if (known)
		return known;
	struct fc_entity e = {id, label, type, country, role};
	return made(s, &e);
}

const struct fc_entity *lx_with_role(struct lx_scan *s,
				     const struct fc_entity *e, const char *role)
{
	if (!e || !role || (e->role && !strcmp(e->role, role)))
		return e;
	struct fc_entity c = *e;
	c.role = role;
	return made(s, &c);
}

/* The person record that token i's word keys in by_surname, or NULL. */
static const struct lx_person *person_of_word(const struct lx_scan *s,
					      size_t i)
{
	const uint64_t *slot = surname_slot(s, i);
	return slot && *slot ? &s->persons[slot_person(*slot)] : NULL;
}

const struct fc_entity *lx_find_surname(const struct lx_scan *s, size_t i)
{
	const struct lx_person *p = person_of_word(s, i);
	return p && !p->is_word ? p->ent : NULL;
}

const struct fc_entity *lx_find_surname_role(const struct lx_scan *s,
					     size_t i, const char *role)
{
	size_t len, p0;
	const char *key = surname_key(s, i, &len, &p0);
	for (size_t p = s->npersons; p-- > 0;) {
		const struct lx_person *pe = &s->persons[p];
		/* (named in full: a surname alone after the title, "President
		** Reagan" before "Ronald Reagan", is a form of the later name) */
		if (!pe->is_word && pe->ent->role &&
		    pkey_eq(s, false, (uint32_t)p, key, len) &&
		    strchr(pe->ent->label, ' ') &&
		    !strcmp(pe->ent->role, role))
			return pe->ent;
	}
	return NULL;
}

bool lx_named_within(const struct lx_scan *s, const struct fc_entity *e,
		     size_t i, uint32_t nsents)
{
	uint32_t sent = s->t.v[i].sent;
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		if (mt->sent + nsents < sent)
			return false;
		if (mt->ent == e || !strcmp(mt->ent->id, e->id))
			return true;
	}
	return false;
}

/* Do persons a and b's labels end with one word (one person's forms:
** "Leon Febres Cordero", "Febres Cordero")? */
static bool same_last_word(const struct fc_entity *a,
			   const struct fc_entity *b)
{
	const char *la = strrchr(a->label, ' '), *lb = strrchr(b->label, ' ');
	return !strcmp(la ? la + 1 : a->label, lb ? lb + 1 : b->label);
}

/* (lx_find_name_word) the most records of one word weighed */
#define NAME_WORD_CHAIN 8

const struct fc_entity *lx_find_name_word(const struct lx_scan *s, size_t i)
{
	const struct lx_person *p = person_of_word(s, i);
	if (!p || !p->is_word)
		return p ? p->ent : NULL;
	if (s->t.v[i].flags & LX_T_UPPER)
		return NULL;
	/* the one person (of one last word) whose name with the word was
	** named lately, and one the word links to */
	const struct fc_entity *found = NULL;
	bool links = false;
	for (int n = 0; n < NAME_WORD_CHAIN; n++) {
		if (lx_named_within(s, p->ent, i, LX_SHORT_SENTS)) {
			if (found && !same_last_word(found, p->ent))
				return NULL;
			links |= !p->no_link;
			if (!found || !p->no_link)
				found = p->ent;
		}
		if (!p->prev)
			break;
		p = &s->persons[p->prev - 1];
	}
	return links ? found : NULL;
}

static bool is_leader_role(const struct fc_lexicon *l, const char *role)
{
	if (!role)
		return false;
	for (size_t i = 0; i < l->nroles; i++)
		if (l->roles[i].is_leader && !l->roles[i].is_generic &&
		    !strcmp(l->roles[i].role, role))
			return true;
	return false;
}

bool lx_role_matches(const struct fc_lexicon *l, const struct fc_entity *e,
		     const struct lx_role *role)
{
	if (role->is_generic)
		return !role->is_leader || is_leader_role(l, e->role);
	return e->role && !strcmp(e->role, role->role);
}

const struct fc_entity *lx_recent_person(const struct lx_scan *s,
					 const char *country,
					 const struct lx_role *role,
					 uint32_t before_tok)
{
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct lx_ment *mt = &s->ments[m];
		const struct fc_entity *e = mt->ent;
		if (mt->t0 >= before_tok || e->type != FC_ENT_PERSON)
			continue;
		if (e->country && !strcmp(e->country, country) &&
		    lx_role_matches(s->l, e, role))
			return e;
	}
	return NULL;
}

/* Does term t hold the document's date (false when it has none)? */
static bool term_holds(const struct lx_scan *s, const struct lx_term *t)
{
	return s->has_date && s->doc_days >= t->since &&
	       s->doc_days <= t->until;
}

const char *lx_term_role(const struct lx_scan *s, const struct lx_ent *p)
{
	for (uint32_t k = 0; k < p->nterms; k++)
		if (term_holds(s, &p->terms[k]))
			return p->terms[k].role;
	return NULL;
}

/* Does the document's date (none: any date) lie within a term of the
** lexicon person's role (a term of another role aside)? (people.yaml
** lists today's office holders: "the American president" of a 2009 text
** is not the president of 2025.) */
static bool in_term(const struct lx_scan *s, const struct lx_ent *p)
{
	if (!p->nterms || !s->has_date)
		return true;
	for (uint32_t k = 0; k < p->nterms; k++)
		if (!p->terms[k].role && term_holds(s, &p->terms[k]))
			return true;
	return false;
}

/* Is role the lexicon person's, or the role of one of its terms; and
** *now whether the person holds it at the document's date. */
static bool has_role(const struct lx_scan *s, const struct lx_ent *p,
		     const struct lx_role *role, bool *now)
{
	struct fc_entity e = p->e;
	bool any = lx_role_matches(s->l, &e, role);
	*now = any && in_term(s, p);
	for (uint32_t k = 0; k < p->nterms; k++) {
		if (!p->terms[k].role)
			continue;
		e.role = p->terms[k].role;
		if (!lx_role_matches(s->l, &e, role))
			continue;
		any = true;
		*now |= term_holds(s, &p->terms[k]);
	}
	return any;
}

const struct fc_entity *lx_lexicon_person(struct lx_scan *s,
					  const char *country,
					  const struct lx_role *role,
					  bool *listed)
{
	const struct fc_lexicon *l = s->l;
	*listed = false;
	for (size_t i = 0; i < l->nents; i++) {
		const struct fc_entity *e = &l->ents[i].e;
		bool now;
		if (e->type != FC_ENT_PERSON || !e->country ||
		    strcmp(e->country, country) ||
		    !has_role(s, &l->ents[i], role, &now))
			continue;
		*listed = true;
		if (now)
			return lx_intern(s, (uint32_t)i);
	}
	return NULL;
}

const struct fc_entity *lx_group(struct lx_scan *s, uint32_t before_tok)
{
	const struct fc_entity *a = NULL, *b = NULL; /* b: the latest */
	size_t steps = 0;
	for (size_t m = s->nments; m-- > 0 && steps < LX_LOOKBACK; steps++) {
		const struct fc_entity *e = s->ments[m].ent;
		if (s->ments[m].t0 >= before_tok || e->type != FC_ENT_PERSON)
			continue;
		if (!b) {
			b = e;
		} else if (strcmp(e->id, b->id)) {
			a = e;
			break;
		}
	}
	if (!a)
		return NULL;
	/* id: members sorted; label: in text order. */
	const char *lo = strcmp(a->id, b->id) < 0 ? a->id : b->id;
	const char *hi = lo == a->id ? b->id : a->id;
	struct fc_entity g = {0};
	g.id = fc_arena_printf(s->a, "group:%s+%s", lo, hi);
	g.label = fc_arena_printf(s->a, "%s and %s", a->label, b->label);
	g.type = FC_ENT_GROUP;
	if (a->country && b->country && !strcmp(a->country, b->country))
		g.country = a->country;
	if (!g.id || !g.label) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	return made(s, &g);
}
