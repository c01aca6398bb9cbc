/*
** lexicon_compile.c: fc_lexicon_compile() turns the definitions of every
** `kind: lexicon` file (lexicon_load.c) and the iso-codes country list
** (lexicon_iso.c) into entities, roles, cues and one gazetteer
** (lexicon_gaz.c); the entity index by id (lx_ent_find, lx_ent_add)
** serves it and the document passes.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"
int lx_alpha2_index(const char *s)
{
	if (!(s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	      !s[2]))
		return -1;
	return (s[0] - 'A') * 26 + (s[1] - 'A');
}

static uint32_t id_hash(const char *id)
{
	uint32_t h = 2166136261u;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

uint32_t lx_ent_find(const struct fc_lexicon *l, const char *id)
{
	if (!l->byid)
		return FC_NONE;
	for (size_t k = id_hash(id) & l->byid_mask; l->byid[k];
	     k = (k + 1) & l->byid_mask)
		if (!strcmp(l->ents[l->byid[k] - 1].e.id, id))
			return l->byid[k] - 1;
	return FC_NONE;
}

/* Index entity e by its id (the id map grows as it fills). */
static bool index_id(struct fc_lexicon *l, uint32_t e)
{
	if (!l->byid || (l->nents + 1) * 2 > l->byid_mask + 1) {
		size_t cap = l->byid ? (l->byid_mask + 1) * 2 : 1024;
		uint32_t *v = calloc(cap, sizeof(*v));
		if (!v)
			return false;
		for (uint32_t i = 0; i < e; i++) {
			size_t k = id_hash(l->ents[i].e.id) & (cap - 1);
			while (v[k])
				k = (k + 1) & (cap - 1);
			v[k] = i + 1;
		}
		free(l->byid);
		l->byid = v;
		l->byid_mask = cap - 1;
	}
	size_t k = id_hash(l->ents[e].e.id) & l->byid_mask;
	while (l->byid[k])
		k = (k + 1) & l->byid_mask;
	l->byid[k] = e + 1;
	return true;
}

uint32_t lx_ent_add(struct fc_rules *r, struct fc_lexicon *l, const char *id,
		    const char *label, enum fc_entity_type type,
		    const char *country)
{
	uint32_t have = lx_ent_find(l, id);
	if (have != FC_NONE)
		return have;
	void *v = fc_arena_grow(&r->arena, l->ents, sizeof(*l->ents),
				&l->capents, l->nents + 1);
	if (!v)
		return FC_NONE;
	l->ents = v;
	struct lx_ent *e = &l->ents[l->nents];
	memset(e, 0, sizeof(*e));
	e->e.id = fc_arena_strdup(&r->arena, id);
	e->e.label = fc_arena_strdup(&r->arena, label);
	e->e.type = type;
	e->e.country = country ? fc_arena_strdup(&r->arena, country) : NULL;
	e->country = e->gov = e->capital = e->actor = FC_NONE;
	if (!e->e.id || !e->e.label || (country && !e->e.country) ||
	    !index_id(l, (uint32_t)l->nents))
		return FC_NONE;
	return (uint32_t)l->nents++;
}

/* ---- Compile ----------------------------------------------------------- */

struct cc {
	struct fc_rules *r;
	struct fc_lexicon *l;
	struct fc_diags *d;
	fc_status st;
};

static void fail(struct cc *c, fc_status st)
{
	if (!c->st)
		c->st = st;
}

static void alias(struct cc *c, const struct lx_def *def, const char *text,
		  enum lx_sense_kind kind, uint32_t ref)
{
	fc_status st = lx_gaz_add(c->r, c->l, text, kind, ref);
	if (st == FC_ELIMIT) {
		struct fc_srcloc loc = def->loc;
		loc.file = def->file;
		fc_diag_add(c->d, FC_ESCHEMA, &loc,
			    "'%s' has no words or more than %d", text,
			    LX_MAX_PHRASE);
		fail(c, FC_ESCHEMA);
	} else if (st) {
		fail(c, st);
	}
}

static void aliases(struct cc *c, const struct lx_def *def,
		    const char **v, size_t n, enum lx_sense_kind kind,
		    uint32_t ref)
{
	for (size_t i = 0; i < n; i++)
		alias(c, def, v[i], kind, ref);
}

static uint32_t need(struct cc *c, uint32_t e)
{
	if (e == FC_NONE)
		fail(c, FC_ENOMEM);
	return e;
}

/* The government entity of country entity ce (made on first use). */
static uint32_t gov_of(struct cc *c, uint32_t ce, const char *label)
{
	struct lx_ent *ct = &c->l->ents[ce];
	if (ct->gov != FC_NONE) {
		if (label)
			c->l->ents[ct->gov].e.label =
				fc_arena_strdup(&c->r->arena, label);
		return ct->gov;
	}
	const char *code = ct->e.country;
	char id[16];
	snprintf(id, sizeof(id), "gov:%s", code);
	char *lab = label ? fc_arena_strdup(&c->r->arena, label)
			  : fc_arena_printf(&c->r->arena, "Government of %s",
					    ct->e.label);
	uint32_t g = need(c, lx_ent_add(c->r, c->l, id, lab ? lab : id,
					FC_ENT_GOVERNMENT, code));
	if (g != FC_NONE) {
		ct = &c->l->ents[ce]; /* ents may have moved */
		ct->gov = g;
		c->l->ents[g].country = ce;
	}
	return g;
}

static void compile_country(struct cc *c, const struct lx_def *def)
{
	struct fc_lexicon *l = c->l;
	int ix = lx_alpha2_index(def->id);
	uint32_t ce = l->by_alpha2[ix];
	if (ce == FC_NONE) {
		if (!def->name) {
			struct fc_srcloc loc = def->loc;
			loc.file = def->file;
			fc_diag_add(c->d, FC_ESCHEMA, &loc,
				    "country '%s' is not in the ISO 3166-1 "
				    "list: give it a 'label:'",
				    def->id);
			fail(c, FC_ESCHEMA);
			return;
		}
		char id[16];
		snprintf(id, sizeof(id), "country:%s", def->id);
		ce = need(c, lx_ent_add(c->r, l, id, def->name, FC_ENT_COUNTRY,
					def->id));
		if (ce == FC_NONE)
			return;
		l->by_alpha2[ix] = ce;
	} else if (def->name) {
		l->ents[ce].e.label = def->name;
	}
	if (def->name)
		alias(c, def, def->name, LX_S_COUNTRY, ce);
	aliases(c, def, def->aliases, def->naliases, LX_S_COUNTRY, ce);
	aliases(c, def, def->demonyms, def->ndemonyms, LX_S_DEMONYM, ce);
	l->ents[ce].is_city_states = def->is_city_states;
	const char *glabel = def->gov_label;
	char *tmp = NULL;
	if (!glabel && def->ndemonyms)
		glabel = tmp = fc_arena_printf(&c->r->arena, "%s government",
					       def->demonyms[0]);
	uint32_t g = gov_of(c, ce, glabel);
	if (g == FC_NONE)
		return;
	aliases(c, def, def->government, def->ngovernment, LX_S_GOV, g);
	if (def->ncapital) {
		const char *cap = def->capital[0];
		char *slug = fc_slug(&c->r->arena, cap, strlen(cap));
		char *id = slug ? fc_arena_printf(&c->r->arena, "city:%s", slug)
				: NULL;
		if (!id) {
			fail(c, FC_ENOMEM);
			return;
		}
		uint32_t ci = need(c, lx_ent_add(c->r, l, id, cap, FC_ENT_CITY,
						 def->id));
		if (ci == FC_NONE)
			return;
		l->ents[ci].country = ce;
		/* (a capital that is a big city elsewhere too, "San Jose",
		** names the city only) */
		l->ents[ci].actor = def->no_capital_actor ? FC_NONE : g;
		l->ents[ce].capital = ci;
		aliases(c, def, def->capital, def->ncapital, LX_S_CAPITAL, ci);
	}
}

static void compile_named(struct cc *c, const struct lx_def *def,
			  const char *prefix, enum fc_entity_type type,
			  enum lx_sense_kind kind)
{
	struct fc_lexicon *l = c->l;
	char *id = fc_arena_printf(&c->r->arena, "%s:%s", prefix, def->id);
	if (!id) {
		fail(c, FC_ENOMEM);
		return;
	}
	uint32_t e = need(c, lx_ent_add(c->r, l, id, def->name, type,
					def->country));
	if (e == FC_NONE)
		return;
	struct lx_ent *ent = &l->ents[e];
	ent->e.label = def->name;
	if (def->country) {
		ent->e.country = def->country;
		int ix = lx_alpha2_index(def->country);
		ent->country = ix >= 0 ? l->by_alpha2[ix] : FC_NONE;
	}
	if (type == FC_ENT_CITY && ent->actor != FC_NONE)
		kind = LX_S_CAPITAL; /* a capital given more names */
	if (type == FC_ENT_PERSON) {
		ent->e.role = def->role;
		ent->terms = def->terms;
		ent->nterms = (uint32_t)def->nterms;
		ent->gender = !def->gender	     ? 0
			      : *def->gender == 'f' ? LX_G_FEMALE
						    : LX_G_MALE;
		ent->public_since = def->public_since;
		for (size_t i = 0; i < l->nroles && def->role; i++)
			if (l->roles[i].is_leader &&
			    !strcmp(l->roles[i].role, def->role))
				ent->is_leader = true;
	}
	alias(c, def, def->name, kind, e);
	aliases(c, def, def->aliases, def->naliases, kind, e);
	if (type != FC_ENT_PERSON)
		return;
	if (def->has_shorts) {
		aliases(c, def, def->shorts, def->nshorts, LX_S_SURNAME, e);
	} else {
		const char *sp = strrchr(def->name, ' ');
		if (sp && sp[1])
			alias(c, def, sp + 1, LX_S_SURNAME, e);
	}
}

static void resolve_actor(struct cc *c, const struct lx_def *def)
{
	if (!def->actor)
		return;
	struct fc_lexicon *l = c->l;
	char id[256];
	snprintf(id, sizeof(id), "city:%s", def->id);
	uint32_t ci = lx_ent_find(l, id);
	uint32_t a = lx_ent_find(l, def->actor);
	if (a == FC_NONE) {
		struct fc_srcloc loc = def->loc;
		loc.file = def->file;
		fc_diag_add(c->d, FC_ESCHEMA, &loc,
			    "actor '%s' of city '%s' is no known entity",
			    def->actor, def->id);
		fail(c, FC_ESCHEMA);
		return;
	}
	if (ci == FC_NONE)
		return;
	l->ents[ci].actor = a;
	/* Its names become capital senses so the actor rule applies. */
	alias(c, def, def->name, LX_S_CAPITAL, ci);
	aliases(c, def, def->aliases, def->naliases, LX_S_CAPITAL, ci);
}

fc_status fc_lexicon_compile(struct fc_rules *r, struct fc_diags *d)
{
	if (!r->lexicon) {
		r->lexicon = calloc(1, sizeof(*r->lexicon));
		if (!r->lexicon)
			return FC_ENOMEM;
		for (size_t i = 0; i < 26 * 26; i++)
			r->lexicon->by_alpha2[i] = FC_NONE;
	}
	struct fc_lexicon *l = r->lexicon;
	if (l->is_compiled)
		return FC_OK;
	struct cc c = {r, l, d, FC_OK};
	const char *iso = r->iso_codes ? r->iso_codes : FC_ISO_CODES;
	fc_status st = lx_iso_load(r, l, iso, d);
	if (st)
		fail(&c, st);

	/* Roles and cues first: people need the leader roles. */
	size_t nroles = 0, ncues = 0;
	for (size_t i = 0; i < l->ndefs; i++) {
		nroles += !l->defs[i].is_dead && l->defs[i].sec == LX_SEC_ROLE;
		ncues += !l->defs[i].is_dead && l->defs[i].sec == LX_SEC_CUE;
	}
	l->roles = fc_arena_alloc(&r->arena, (nroles + 1) * sizeof(*l->roles));
	l->cues = fc_arena_alloc(&r->arena, (ncues + 1) * sizeof(*l->cues));
	if (!l->roles || !l->cues)
		return FC_ENOMEM;
	for (size_t i = 0; i < l->ndefs; i++) {
		const struct lx_def *def = &l->defs[i];
		if (def->is_dead)
			continue;
		if (def->sec == LX_SEC_ROLE) {
			struct lx_role *ro = &l->roles[l->nroles];
			ro->id = def->id;
			ro->role = def->role;
			if (!ro->role) {
				char *s = fc_arena_strdup(&r->arena, def->id);
				for (char *p = s; p && *p; p++)
					if (*p == '-')
						*p = ' ';
				ro->role = s;
			}
			ro->is_leader = def->is_leader;
			ro->is_generic = def->is_generic;
			ro->is_honorific = def->is_honorific;
			ro->is_office = def->is_office;
			ro->words = def->aliases;
			ro->nwords = def->naliases;
			aliases(&c, def, def->aliases, def->naliases,
				LX_S_ROLE, (uint32_t)l->nroles);
			l->nroles++;
		} else if (def->sec == LX_SEC_CUE) {
			l->cues[l->ncues].id = def->id;
			l->cues[l->ncues].kind = def->cue_kind;
			aliases(&c, def, def->aliases, def->naliases, LX_S_CUE,
				(uint32_t)l->ncues);
			l->ncues++;
		}
	}
	static const enum lx_section order[] = {
		LX_SEC_COUNTRY, LX_SEC_CITY, LX_SEC_PLACE, LX_SEC_ORG,
		LX_SEC_PERSON,
	};
	for (size_t o = 0; o < sizeof(order) / sizeof(*order); o++) {
		for (size_t i = 0; i < l->ndefs; i++) {
			const struct lx_def *def = &l->defs[i];
			if (def->is_dead || def->sec != order[o])
				continue;
			switch (def->sec) {
			case LX_SEC_COUNTRY: compile_country(&c, def); break;
			case LX_SEC_CITY:
				compile_named(&c, def, "city", FC_ENT_CITY,
					      LX_S_CITY);
				break;
			case LX_SEC_PLACE:
				compile_named(&c, def, "name", FC_ENT_OTHER,
					      LX_S_PLACE);
				break;
			case LX_SEC_ORG:
				compile_named(&c, def, "org", FC_ENT_ORG,
					      LX_S_ORG);
				break;
			case LX_SEC_PERSON:
				compile_named(&c, def, "person", FC_ENT_PERSON,
					      LX_S_PERSON);
				break;
			default: break;
			}
		}
	}
	for (size_t i = 0; i < l->ndefs; i++)
		if (!l->defs[i].is_dead && l->defs[i].sec == LX_SEC_CITY)
			resolve_actor(&c, &l->defs[i]);
	/* ISO 3166-2 places after the lexicon's own: its names win. */
	st = lx_iso2_load(r, l, d);
	if (st)
		fail(&c, st);
	/* Every country has a government entity ("Iran's government"). */
	for (size_t i = 0; i < 26 * 26; i++)
		if (l->by_alpha2[i] != FC_NONE)
			gov_of(&c, l->by_alpha2[i], NULL);
	l->is_compiled = true;
	if (!c.st)
		c.st = lx_gaz_finish(l);
	return c.st;
}

void fc_lexicon_destroy(struct fc_lexicon *l)
{
	if (!l)
		return;
	lx_gaz_scratch_free(l);
	free(l->live);
	free(l->slots);
	free(l->hashes);
	free(l->byid);
	free(l);
}
