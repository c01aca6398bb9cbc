/*
** coref_made.c: the entities a document makes, one of each (coreference,
** coref_track.c). A lexicon entity is interned once into the corpus
** arena with the role of the document's date (lx_intern); a name the
** lexicon does not know becomes an entity made once per scan
** (lx_new_entity, lx_with_role, lx_group), so mentions and speakers point
** at stable memory and long texts stay small.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extract/coref_p.h"
#include "extract/entity_p.h"
#include "extract/lexicon_p.h"

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

bool lx_before_public(const struct lx_scan *s, uint32_t ent)
{
	return s->has_date && s->doc_days < s->l->ents[ent].public_since;
}

/* A copy of src's id, label, type and country in the scan's arena (the
** role is the caller's); NULL on out of memory (s->err set). */
static struct fc_entity *copy_entity(struct lx_scan *s,
				     const struct fc_entity *src)
{
	struct fc_entity *e = fc_arena_alloc(s->pa, sizeof(*e));
	if (!e) {
		s->err = FC_ENOMEM;
		return NULL;
	}
	e->id = dup(s, src->id);
	e->label = dup(s, src->label);
	e->type = src->type;
	e->country = dup(s, src->country);
	return e;
}

const struct fc_entity *lx_intern(struct lx_scan *s, uint32_t ent)
{
	if (ent == FC_NONE || ent >= s->l->nents)
		return NULL;
	if (s->interned[ent])
		return s->interned[ent];
	const struct fc_entity *src = &s->l->ents[ent].e;
	struct fc_entity *e = copy_entity(s, src);
	if (!e)
		return NULL;
	/* (the role of the document's date: Putin in 2009 is the prime
	** minister) */
	const char *role = lx_term_role(s, &s->l->ents[ent]);
	e->role = role || !before_terms(s, &s->l->ents[ent])
			  ? dup(s, role ? role : src->role)
			  : NULL;
	s->interned[ent] = e;
	return e;
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

/* Is the slot at p free (its first member, a pointer, NULL)? */
static bool slot_free(const unsigned char *p)
{
	const void *key;
	memcpy(&key, p, sizeof(key));
	return !key;
}

void *lx_table_room(void *v, size_t *mask, size_t n, size_t first,
		    size_t size, size_t hash_at)
{
	size_t nslots = v ? *mask + 1 : 0;
	if (v && (n + 1) * 2 <= nslots)
		return v;
	size_t cap = v ? nslots * 2 : first;
	unsigned char *w = calloc(cap, size);
	if (!w)
		return NULL;
	for (size_t i = 0; i < nslots; i++) {
		const unsigned char *sl = (const unsigned char *)v + i * size;
		if (slot_free(sl))
			continue;
		uint32_t h;
		memcpy(&h, sl + hash_at, sizeof(h));
		size_t k = h & (cap - 1);
		while (!slot_free(w + k * size))
			k = (k + 1) & (cap - 1);
		memcpy(w + k * size, sl, size);
	}
	free(v);
	*mask = cap - 1;
	return w;
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
	if (m) {
		struct lx_emap_slot *v = lx_table_room(
			m->v, &m->mask, m->n, 256, sizeof(*v),
			offsetof(struct lx_emap_slot, hash));
		if (!v) {
			s->err = FC_ENOMEM;
			return NULL;
		}
		m->v = v;
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
	struct fc_entity *c = copy_entity(s, e);
	if (!c)
		return NULL;
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
