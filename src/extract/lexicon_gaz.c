/*
** lexicon_gaz.c: the gazetteer, a hash table from normalised token
** phrases ("vladimir putin", "u.s.", "according to") to their senses.
**
** Every proper prefix of a phrase is in the table too (is_prefix), so a
** longest-match scan stops at the first token sequence that no phrase
** starts with. The case of an alias as written decides how the text
** must be cased: an all-capital token ("US", "WHO") must be all capitals
** in the text, a capitalised one ("Turkey", "May") capitalised, and a
** lower-case one ("president", "not") matches any case.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"

static uint32_t hash_key(const char *k, size_t n)
{
	return lx_hash_key(k, n);
}

static struct lx_slot *probe(struct lx_slot *slots, size_t cap,
			     const char *key, size_t len, uint32_t h)
{
	size_t mask = cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct lx_slot *s = &slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->key_len == len &&
		    !memcmp(s->key, key, len))
			return s;
	}
}

const struct lx_slot *lx_gaz_find_slow(const struct fc_lexicon *l,
				       const char *key, size_t len, uint32_t h)
{
	if (!l->capslots)
		return NULL;
	const struct lx_slot *s = probe(l->slots, l->capslots, key, len, h);
	return s->key ? s : NULL;
}

const struct lx_slot *lx_gaz_find(const struct fc_lexicon *l, const char *key,
				  size_t len)
{
	return lx_gaz_find_h(l, key, len, hash_key(key, len));
}

void lx_gaz_scratch_free(struct fc_lexicon *l)
{
	if (l->scratch)
		lx_toks_finish(l->scratch);
	free(l->scratch);
	l->scratch = NULL;
}

fc_status lx_gaz_finish(struct fc_lexicon *l)
{
	lx_gaz_scratch_free(l);
	free(l->hashes);
	l->hashes = calloc(l->capslots ? l->capslots : 1, sizeof(*l->hashes));
	if (!l->hashes)
		return FC_ENOMEM;
	for (size_t i = 0; i < l->capslots; i++) {
		struct lx_slot *s = &l->slots[i];
		if (!s->key)
			continue;
		l->hashes[i] = s->hash | 1;
		s->kinds = 0;
		s->cues = 0;
		s->is_stop = false;
		for (struct lx_sense *se = s->senses; se; se = se->next) {
			s->kinds |= (uint16_t)(1u << se->kind);
			if (se->kind == LX_S_CUE) {
				se->cue_kind = (uint8_t)l->cues[se->ref].kind;
				s->cues |= 1u << se->cue_kind;
				s->is_stop |= se->cue_kind == LX_CUE_STOP ||
					      se->cue_kind == LX_CUE_DET ||
					      se->cue_kind == LX_CUE_PARTICLE;
			}
		}
	}
	return FC_OK;
}

static int grow(struct fc_lexicon *l)
{
	size_t cap = l->capslots ? l->capslots * 2 : 4096;
	struct lx_slot *v = calloc(cap, sizeof(*v));
	if (!v)
		return 0;
	for (size_t i = 0; i < l->capslots; i++) {
		struct lx_slot *o = &l->slots[i];
		if (o->key)
			*probe(v, cap, o->key, o->key_len, o->hash) = *o;
	}
	free(l->slots);
	l->slots = v;
	l->capslots = cap;
	return 1;
}

/* The slot of key (hash h), made when new. */
static struct lx_slot *intern(struct fc_rules *r, struct fc_lexicon *l,
			      const char *key, size_t len, uint32_t h)
{
	if ((l->nslots + 1) * 2 > l->capslots && !grow(l))
		return NULL;
	struct lx_slot *s = probe(l->slots, l->capslots, key, len, h);
	if (!s->key) {
		char *k = fc_arena_strndup(&r->arena, key, len);
		if (!k)
			return NULL;
		s->key = k;
		s->key_len = (uint32_t)len;
		s->hash = h;
		l->nslots++;
	}
	return s;
}

fc_status lx_gaz_add(struct fc_rules *r, struct fc_lexicon *l,
		     const char *alias, enum lx_sense_kind kind, uint32_t ref)
{
	/* (the token arrays of the last alias, reused: thousands of
	** aliases would each malloc and free them) */
	if (!l->scratch && !(l->scratch = calloc(1, sizeof(*l->scratch))))
		return FC_ENOMEM;
	struct lx_toks t = *l->scratch;
	t.n = t.norm_len = 0;
	fc_status st = lx_tokenize(&t, alias, strlen(alias));
	if (st)
		goto done;
	if (t.n == 0 || t.n > LX_MAX_PHRASE) {
		st = FC_ELIMIT;
		goto done;
	}
	uint16_t cap = 0, upper = 0;
	for (size_t i = 0; i < t.n; i++) {
		const struct lx_tok *k = &t.v[i];
		size_t letters = k->end - k->start;
		if ((k->flags & LX_T_UPPER) && letters >= 2 &&
		    !(k->flags & LX_T_DIGIT))
			upper |= (uint16_t)(1u << i);
		else if (k->flags & LX_T_CAP)
			cap |= (uint16_t)(1u << i);
	}
	size_t len;
	const char *key = lx_key(&t, 0, t.n, &len);
	if (len > LX_MAX_KEY) {
		st = FC_ELIMIT;
		goto done;
	}
	/* the hashes of the phrase's first k tokens (lx_hash_key) */
	uint32_t hs[LX_MAX_PHRASE];
	hs[0] = t.v[0].hash;
	for (size_t k = 1; k < t.n; k++)
		hs[k] = lx_hash_join(hs[k - 1], t.v[k].hash);
	struct lx_slot *s = intern(r, l, key, len, hs[t.n - 1]);
	if (!s) {
		st = FC_ENOMEM;
		goto done;
	}
	for (struct lx_sense *e = s->senses; e; e = e->next)
		if (e->kind == kind && e->ref == ref && e->cap_mask == cap &&
		    e->upper_mask == upper)
			goto prefixes;
	struct lx_sense *e = fc_arena_alloc(&r->arena, sizeof(*e));
	if (!e) {
		st = FC_ENOMEM;
		goto done;
	}
	e->kind = (uint8_t)kind;
	e->ntok = (uint8_t)t.n;
	e->cap_mask = cap;
	e->upper_mask = upper;
	e->ref = ref;
	/* Keep senses in definition order. */
	struct lx_sense **pp = &s->senses;
	while (*pp)
		pp = &(*pp)->next;
	*pp = e;
prefixes:
	for (size_t k = 1; k < t.n; k++) {
		key = lx_key(&t, 0, k, &len);
		struct lx_slot *p = intern(r, l, key, len, hs[k - 1]);
		if (!p) {
			st = FC_ENOMEM;
			goto done;
		}
		p->is_prefix = true;
		p->next |= 1ull << LX_NEXT_BIT(t.v[k].hash);
	}
done:
	*l->scratch = t;
	return st;
}
