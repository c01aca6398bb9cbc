/*
** coref_person.c: the persons of a document (coreference, coref_track.c).
** Every distinct person is kept with the normalised last word of the
** name, in two hash maps (by id, by surname), so a later surname
** ("Pezeshkian" after "President Masoud Pezeshkian") or another word of
** the name ("Liu" of "Vice Premier Liu He") finds its person in O(1).
*/
#include <stdlib.h>
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"

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
	s->persons[p] = (struct lx_person){e, copy, len, is_word, false, 0, 0};
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

/* The gender the words of person mention [t0, t1) tell: the first word
** with one before the last (a title, a given name, a role noun: "Mrs
** Thatcher", "Angela Merkel"; not a surname, "Elizabeth Warren",
** "Warren"), up to the first given name; 0 when none. (a later word is a
** middle name or a surname's first word, of either sex: "Coretta Scott
** King", "Erich Maria Remarque") */
static uint8_t ment_gender(const struct lx_scan *s, uint32_t t0, uint32_t t1)
{
	for (uint32_t k = t0; k + 1 < t1; k++) {
		if (lx_word_cue(s, k, LX_CUE_FEMALE))
			return LX_G_FEMALE;
		if (lx_word_cue(s, k, LX_CUE_MALE))
			return LX_G_MALE;
		/* a given name, or a capitalised word the lexicon does not
		** know (not a title, a demonym or a place: "Barcelona
		** president Joan Laporta") */
		if ((s->t.v[k].flags & LX_T_CAP) &&
		    (!s->t.v[k].match || lx_word_cue(s, k, LX_CUE_GIVEN_NAME)))
			return 0;
	}
	return 0;
}

/* The gender people.yaml gives the listed person e (0: none, or not
** listed). */
static uint8_t listed_gender(const struct lx_scan *s, const struct fc_entity *e)
{
	uint32_t k = lx_ent_find(s->l, e->id);
	return k == FC_NONE ? 0 : s->l->ents[k].gender;
}

void lx_note_person(struct lx_scan *s, const struct fc_entity *e,
		    uint32_t t0, uint32_t t1)
{
	uint32_t last_tok = t1 - 1;
	size_t id_len = strlen(e->id);
	const uint64_t *slot = pmap_slot_h(s, &s->by_id, true, e->id, id_len,
					   hash_bytes(e->id, id_len));
	if (slot && *slot) {
		struct lx_person *pe = &s->persons[slot_person(*slot)];
		pe->gender |= ment_gender(s, t0, t1);
		/* Named again: its surname now means this person. */
		if (pe->surname_len > 1)
			pmap_put(s, &s->by_surname, false, slot_person(*slot));
		return;
	}
	uint32_t p = add_person(s, e, last_tok, false);
	if (p == UINT32_MAX)
		return;
	s->persons[p].gender = listed_gender(s, e) | ment_gender(s, t0, t1);
	pmap_put(s, &s->by_id, true, p);
	/* (a name cut at an initial, "William T", gives no surname: "T"
	** alone is a letter, not that person) */
	if (s->persons[p].surname_len > 1)
		pmap_put(s, &s->by_surname, false, p);
	note_name_words(s, e, last_tok);
}

unsigned lx_person_gender(const struct lx_scan *s, const struct fc_entity *e)
{
	size_t len = strlen(e->id);
	const uint64_t *slot =
		pmap_slot_h(s, &s->by_id, true, e->id, len, hash_bytes(e->id, len));
	if (!slot || !*slot)
		return 0;
	unsigned g = s->persons[slot_person(*slot)].gender;
	return g == (LX_G_FEMALE | LX_G_MALE) ? 0 : g;
}

/* The person record that token i's word keys in by_surname, or NULL. */
static const struct lx_person *person_of_word(const struct lx_scan *s,
					      size_t i)
{
	const uint64_t *slot = surname_slot(s, i);
	return slot && *slot ? &s->persons[slot_person(*slot)] : NULL;
}

/* Is word token i's neighbour j (i - 1 or i + 1) in its sentence a word
** with a letter in lower case? */
static bool lower_beside(const struct lx_scan *s, size_t i, size_t j)
{
	return j < s->t.n && s->t.v[j].sent == s->t.v[i].sent &&
	       (s->t.v[j].flags & (LX_T_WORD | LX_T_UPPER | LX_T_DIGIT)) ==
		       LX_T_WORD;
}

/* Is token i a word in capitals of two letters or more written among
** words in lower case ("the PAYE system"), not in a line of capitals
** ("PAYE SAYS NO")? An acronym, no surname. */
static bool is_acronym_among_lower(const struct lx_scan *s, size_t i)
{
	const struct lx_tok *t = &s->t.v[i];
	return (t->flags & LX_T_UPPER) && t->end - t->start > 1 &&
	       ((i > 0 && lower_beside(s, i, i - 1)) || lower_beside(s, i, i + 1));
}

/* Has the label a letter in lower case (a name written in mixed case)? */
static bool has_lower(const char *label)
{
	for (; *label; label++)
		if (*label >= 'a' && *label <= 'z')
			return true;
	return false;
}

const struct fc_entity *lx_find_surname(const struct lx_scan *s, size_t i)
{
	const struct lx_person *p = person_of_word(s, i);
	if (!p || p->is_word)
		return NULL;
	/* ("The PAYE system" after "John Paye": an acronym) */
	return is_acronym_among_lower(s, i) && has_lower(p->ent->label)
		       ? NULL
		       : p->ent;
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
		return p ? lx_find_surname(s, i) : NULL;
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
