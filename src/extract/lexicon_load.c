/*
** lexicon_load.c: read one `kind: lexicon` rule file into definitions.
**
**   countries: [{id: RU, label, names, demonyms, capital, government,
**                government_label, capital_actor, city_states}]
**   people:    [{id: vladimir-putin, name, aliases, short, country, role,
**                since, until | terms: [{since, until, role}, ...]}]
**   roles_since: the day roles without `since:` begin (the file's "as of")
**   orgs:      [{id: sco, name, aliases, country}]
**   cities:    [{id: new-york, name, aliases, country, actor}]
**   places:    [{id: middle-east, name, aliases, country}]
**   roles:     [{id: president, words, role, leader, generic, honorific,
**                office}]
**   cues:      [{id: negation.not, kind, words}]
**
** Every entry is checked here (keys, types, id shape, duplicates within
** the file); a later entry with the id of an earlier file's entry of the
** same section replaces it. Tables are built by fc_lexicon_compile().
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"
#include "extract/norm_ref.h"

const char *const lx_cue_kind_names[LX_NCUE_KINDS] = {
	[LX_CUE_NEGATION] = "negation",
	[LX_CUE_HEDGE] = "hedge",
	[LX_CUE_REPORT] = "report",
	[LX_CUE_QUOTE_VERB] = "quote-verb",
	[LX_CUE_SOURCE] = "source",
	[LX_CUE_IGNORE] = "ignore",
	[LX_CUE_GROUP] = "group",
	[LX_CUE_GOV_NOUN] = "government-noun",
	[LX_CUE_CAPITAL_NOUN] = "capital-noun",
	[LX_CUE_TITLE_MOD] = "title-modifier",
	[LX_CUE_DET] = "determiner",
	[LX_CUE_SKIP] = "skip",
	[LX_CUE_STOP] = "stop",
	[LX_CUE_PLACE_CONTEXT] = "place-context",
	[LX_CUE_PRONOUN] = "pronoun",
	[LX_CUE_PARTICLE] = "name-particle",
	[LX_CUE_SOURCE_NOUN] = "source-noun",
	[LX_CUE_PLACE_AFTER] = "place-after",
	[LX_CUE_ORG_WORD] = "org-word",
	[LX_CUE_PLACE_WORD] = "place-word",
	[LX_CUE_APPOSITION] = "apposition",
	[LX_CUE_PERSON_VERB] = "person-verb",
	[LX_CUE_GIVEN_NAME] = "given-name",
	[LX_CUE_PLACE_GIVEN] = "place-given-name",
	[LX_CUE_MODIFIED] = "modified-noun",
	[LX_CUE_MISSION] = "mission-word",
	[LX_CUE_SAINT] = "saint",
	[LX_CUE_COMMON_WORD] = "common-word",
	[LX_CUE_AUX] = "auxiliary",
	[LX_CUE_FEMALE] = "female-word",
	[LX_CUE_MALE] = "male-word",
	[LX_CUE_COMPASS] = "compass-word",
};

static const char *const sec_names[LX_NSECTIONS] = {
	"countries", "people", "orgs", "cities", "places", "roles", "cues",
};

static const char *const top_keys[] = {
	"kind", "description", "tests", "roles_since", "countries", "people",
	"orgs", "cities", "places", "roles", "cues", "subdivisions", NULL,
};

static const char *const *const sec_keys[LX_NSECTIONS] = {
	(const char *const[]){"id", "label", "names", "demonyms", "capital",
			      "government", "government_label", "capital_actor",
			      "city_states", NULL},
	(const char *const[]){"id", "name", "aliases", "short", "country",
			      "role", "since", "until", "terms", "gender",
			      "public_since", NULL},
	(const char *const[]){"id", "name", "aliases", "country", NULL},
	(const char *const[]){"id", "name", "aliases", "country", "actor",
			      NULL},
	(const char *const[]){"id", "name", "aliases", "country", NULL},
	(const char *const[]){"id", "words", "role", "leader", "generic",
			      "honorific", "office", NULL},
	(const char *const[]){"id", "kind", "words", NULL},
};

static const char *const sec_what[LX_NSECTIONS] = {
	"a country", "a person", "an organisation", "a city", "a place",
	"a role", "a cue",
};

static struct fc_lexicon *get_lexicon(struct fc_rules *r)
{
	if (!r->lexicon) {
		r->lexicon = calloc(1, sizeof(*r->lexicon));
		if (r->lexicon)
			for (size_t i = 0; i < 26 * 26; i++)
				r->lexicon->by_alpha2[i] = FC_NONE;
	}
	return r->lexicon;
}

static bool is_alpha2(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
	       !s[2];
}

/* Entity id suffixes: lower-case letters, digits, '-', '.', '_'. */
static bool is_slug_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-' || *s == '.' || *s == '_'))
			return false;
	return true;
}

struct ctx {
	struct fc_rules *r;
	const struct fc_rulefile *file;
	struct fc_diags *d;
	size_t nerr;
	int32_t roles_since; /* the file's roles_since:, or INT32_MIN */
};

static void err(struct ctx *c, const struct fc_ynode *n, const char *fmt,
		...) FC_PRINTF(3, 4);

static void err(struct ctx *c, const struct fc_ynode *n, const char *fmt,
		...)
{
	va_list ap;
	va_start(ap, fmt);
	fc_diag_vadd(c->d, FC_ESCHEMA, FC_SEV_ERROR, &n->loc, fmt, ap);
	va_end(ap);
	c->nerr++;
}

static bool get_str(struct ctx *c, const struct fc_ynode *e, const char *key,
		    const char *what, const char **out)
{
	const struct fc_ynode *n = fc_ymap_get(e, key);
	*out = NULL;
	if (!n)
		return true;
	if (fc_ynode_is_null(n))
		return true;
	if (!fc_ynode_str(n, what, out, c->d)) {
		c->nerr++;
		return false;
	}
	return true;
}

static bool get_list(struct ctx *c, const struct fc_ynode *e, const char *key,
		     const char *what, const char ***out, size_t *nout)
{
	const struct fc_ynode *n = fc_ymap_get(e, key);
	*out = NULL;
	*nout = 0;
	if (!n || fc_ynode_is_null(n))
		return true;
	if (!fc_ynode_strlist(&c->r->arena, n, what, out, nout, c->d)) {
		c->nerr++;
		return false;
	}
	for (size_t i = 0; i < *nout; i++)
		if (!(*out)[i][0]) {
			err(c, n->type == FC_Y_SEQ ? n->kids[i] : n,
			    "%s must not be empty", what);
			return false;
		}
	return true;
}

static bool get_bool(struct ctx *c, const struct fc_ynode *e, const char *key,
		     const char *what, bool *out)
{
	const struct fc_ynode *n = fc_ymap_get(e, key);
	*out = false;
	if (!n)
		return true;
	if (!fc_ynode_bool(n, what, out, c->d)) {
		c->nerr++;
		return false;
	}
	return true;
}

/* key: a day YYYY-MM-DD into *days (fc_days_from_civil); *days kept when
** the key is absent. */
static bool get_date(struct ctx *c, const struct fc_ynode *e, const char *key,
		     int32_t *days)
{
	const struct fc_ynode *n = fc_ymap_get(e, key);
	const char *s;
	struct norm_ref ref;
	if (!n)
		return true;
	if (!fc_ynode_str(n, key, &s, c->d)) {
		c->nerr++;
		return false;
	}
	if (strlen(s) != 10 || !fc_norm_ref_parse(s, &ref)) {
		err(c, n, "%s must be a date YYYY-MM-DD, not '%s'", key, s);
		return false;
	}
	*days = ref.days;
	return true;
}

static const char *const term_keys[] = {"since", "until", "role", NULL};

/* One term's since: and until: into *t; the since defaults to dflt. An
** until before a defaulted since names the file's roles_since: as the
** cause. Returns false on an error. */
static bool get_one_term(struct ctx *c, const struct fc_ynode *e,
			 int32_t dflt, struct lx_term *t)
{
	t->since = dflt;
	t->until = INT32_MAX;
	t->role = NULL;
	if (!get_date(c, e, "since", &t->since) ||
	    !get_date(c, e, "until", &t->until))
		return false;
	if (t->until >= t->since)
		return true;
	err(c, fc_ymap_get(e, "until"), "%s",
	    fc_ymap_get(e, "since")
		    ? "until must not be before since"
		    : "until must not be before the file's "
		      "roles_since: (give the person a since:)");
	return false;
}

/* terms: [{since, until}, ...]: each with a since:, in date order and
** not overlapping (the days are within their terms: a term begins after
** the one before it ends). */
static void get_terms(struct ctx *c, const struct fc_ynode *list,
		      struct lx_def *def)
{
	if (list->type != FC_Y_SEQ || !list->nkids) {
		err(c, list, "terms must be a list of {since:, until:}");
		return;
	}
	struct lx_term *v =
		fc_arena_alloc(&c->r->arena, list->nkids * sizeof(*v));
	if (!v) {
		err(c, list, "out of memory");
		return;
	}
	for (size_t k = 0; k < list->nkids; k++) {
		const struct fc_ynode *e = list->kids[k];
		if (e->type != FC_Y_MAP) {
			err(c, e, "each term must be a mapping {since:, until:}");
			return;
		}
		size_t bad = fc_ymap_check_keys(e, term_keys, "a term", c->d);
		c->nerr += bad;
		if (bad)
			return;
		if (!fc_ymap_get(e, "since")) {
			err(c, e, "a term needs a 'since:'");
			return;
		}
		if (!get_one_term(c, e, INT32_MIN, &v[k]) ||
		    !get_str(c, e, "role", "role", &v[k].role))
			return;
		if (k && v[k].since <= v[k - 1].until) {
			err(c, fc_ymap_get(e, "since"),
			    v[k - 1].until == INT32_MAX
				    ? "terms must not overlap: only the last "
				      "term may lack an until:"
				    : "terms must be in date order and must not "
				      "overlap: this one begins on or before the "
				      "one before it ends");
			return;
		}
	}
	def->terms = v;
	def->nterms = list->nkids;
}

/* A person's role's terms: terms:, or since: and until: (one term). */
static void get_term(struct ctx *c, const struct fc_ynode *e,
		     struct lx_def *def)
{
	const struct fc_ynode *list = fc_ymap_get(e, "terms");
	const struct fc_ynode *dated = fc_ymap_get(e, "since");
	if (!dated)
		dated = fc_ymap_get(e, "until");
	if ((dated || list) && !def->role) {
		/* (a term bounds the role's link; with no role it would be
		** read by nothing) */
		err(c, dated ? dated : list,
		    "since:, until: and terms: date a role: give the person "
		    "a role:");
		return;
	}
	if (list && dated) {
		err(c, dated, "give a role's terms as terms: or as since: and "
			      "until:, not both");
		return;
	}
	if (list) {
		get_terms(c, list, def);
		return;
	}
	struct lx_term t;
	if (!get_one_term(c, e, c->roles_since, &t) ||
	    (t.since == INT32_MIN && t.until == INT32_MAX))
		return; /* (open: no terms) */
	struct lx_term *v = fc_arena_alloc(&c->r->arena, sizeof(*v));
	if (!v) {
		err(c, e, "out of memory");
		return;
	}
	*v = t;
	def->terms = v;
	def->nterms = 1;
}

static bool check_country(struct ctx *c, const struct fc_ynode *e,
			  const char *country)
{
	if (!country || is_alpha2(country))
		return true;
	err(c, fc_ymap_get(e, "country"),
	    "country must be an ISO 3166-1 alpha-2 code like 'RU', not '%s'", country);
	return false;
}

static enum lx_cue_kind cue_kind(struct ctx *c, const struct fc_ynode *n,
				 bool *ok)
{
	const char *s;
	*ok = false;
	if (!n) {
		return LX_CUE_STOP;
	}
	if (!fc_ynode_str(n, "cue kind", &s, c->d)) {
		c->nerr++;
		return LX_CUE_STOP;
	}
	const char *best = NULL;
	size_t bestd = 3;
	for (int k = 0; k < LX_NCUE_KINDS; k++) {
		if (!strcmp(s, lx_cue_kind_names[k])) {
			*ok = true;
			return (enum lx_cue_kind)k;
		}
		size_t dist = fc_edit_distance(s, lx_cue_kind_names[k], 2);
		if (dist < bestd) {
			bestd = dist;
			best = lx_cue_kind_names[k];
		}
	}
	if (best)
		err(c, n, "unknown cue kind '%s' (did you mean '%s'?)", s, best);
	else
		err(c, n, "unknown cue kind '%s' (one of negation, hedge, "
			  "report, quote-verb, source, ignore, group, ...)", s);
	return LX_CUE_STOP;
}

/* Parse one entry of section sec; returns false on an error. */
static bool parse_entry(struct ctx *c, enum lx_section sec,
			const struct fc_ynode *e, struct lx_def *def)
{
	memset(def, 0, sizeof(*def));
	def->sec = sec;
	def->file = c->file->path;
	def->loc = e->loc;
	size_t nerr0 = c->nerr;
	c->nerr += fc_ymap_check_keys(e, sec_keys[sec], sec_what[sec], c->d);
	const struct fc_ynode *idn = fc_ymap_get(e, "id");
	if (!idn) {
		err(c, e, "%s needs an 'id:'", sec_what[sec]);
		return false;
	}
	if (!fc_ynode_str(idn, "id", &def->id, c->d)) {
		c->nerr++;
		return false;
	}
	if (sec == LX_SEC_COUNTRY && !is_alpha2(def->id))
		err(c, idn, "a country id must be an ISO 3166-1 alpha-2 code "
			    "like 'RU', not '%s'", def->id);
	else if (sec != LX_SEC_COUNTRY && !is_slug_id(def->id)) {
		const char *like =
			fc_slug(&c->r->arena, def->id, strlen(def->id));
		if (like && *like) /* no hint from an id with no letters */
			err(c, idn, "id '%s' must be lower-case letters, "
				    "digits and '-' (like '%s')",
			    def->id, like);
		else
			err(c, idn, "id '%s' must be lower-case letters, "
				    "digits and '-'",
			    def->id);
	}
	switch (sec) {
	case LX_SEC_COUNTRY:
		get_str(c, e, "label", "label", &def->name);
		get_str(c, e, "government_label", "government_label",
			&def->gov_label);
		get_list(c, e, "names", "names", &def->aliases, &def->naliases);
		get_list(c, e, "demonyms", "demonyms", &def->demonyms,
			 &def->ndemonyms);
		get_list(c, e, "capital", "capital", &def->capital,
			 &def->ncapital);
		get_list(c, e, "government", "government", &def->government,
			 &def->ngovernment);
		get_bool(c, e, "city_states", "city_states",
			 &def->is_city_states);
		/* (capital_actor: true by default) */
		bool is_actor = true;
		if (fc_ymap_get(e, "capital_actor") &&
		    get_bool(c, e, "capital_actor", "capital_actor", &is_actor))
			def->no_capital_actor = !is_actor;
		break;
	case LX_SEC_PERSON:
	case LX_SEC_ORG:
	case LX_SEC_CITY:
	case LX_SEC_PLACE:
		get_str(c, e, "name", "name", &def->name);
		if (!def->name && !fc_ymap_get(e, "name"))
			err(c, e, "%s needs a 'name:'", sec_what[sec]);
		get_list(c, e, "aliases", "aliases", &def->aliases,
			 &def->naliases);
		get_str(c, e, "country", "country", &def->country);
		check_country(c, e, def->country);
		if (sec == LX_SEC_PERSON) {
			get_str(c, e, "role", "role", &def->role);
			get_term(c, e, def);
			def->has_shorts = fc_ymap_get(e, "short") != NULL;
			get_list(c, e, "short", "short", &def->shorts,
				 &def->nshorts);
			get_str(c, e, "gender", "gender", &def->gender);
			if (def->gender && strcmp(def->gender, "female") &&
			    strcmp(def->gender, "male"))
				err(c, fc_ymap_get(e, "gender"),
				    "gender must be female or male");
			def->public_since = INT32_MIN;
			get_date(c, e, "public_since", &def->public_since);
		}
		if (sec == LX_SEC_CITY)
			get_str(c, e, "actor", "actor", &def->actor);
		break;
	case LX_SEC_ROLE:
	case LX_SEC_CUE:
		if (!fc_ymap_get(e, "words"))
			err(c, e, "%s needs 'words:'", sec_what[sec]);
		get_list(c, e, "words", "words", &def->aliases,
			 &def->naliases);
		if (sec == LX_SEC_ROLE) {
			get_str(c, e, "role", "role", &def->role);
			get_bool(c, e, "leader", "leader", &def->is_leader);
			get_bool(c, e, "generic", "generic", &def->is_generic);
			get_bool(c, e, "honorific", "honorific",
				 &def->is_honorific);
			get_bool(c, e, "office", "office", &def->is_office);
		} else {
			bool ok;
			const struct fc_ynode *kn = fc_ymap_get(e, "kind");
			if (!kn)
				err(c, e, "a cue needs a 'kind:'");
			def->cue_kind = cue_kind(c, kn, &ok);
		}
		break;
	default:
		break;
	}
	return c->nerr == nerr0;
}

static fc_status push_def(struct fc_rules *r, struct fc_lexicon *l,
			  const struct lx_def *def)
{
	void *v = fc_arena_grow(&r->arena, l->defs, sizeof(*l->defs),
				&l->capdefs, l->ndefs + 1);
	if (!v)
		return FC_ENOMEM;
	l->defs = v;
	l->defs[l->ndefs++] = *def;
	return FC_OK;
}

static uint32_t def_hash(enum lx_section sec, const char *id)
{
	uint32_t h = 2166136261u ^ (uint32_t)sec;
	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 16777619u;
	return h;
}

/* The slot of the live definition of id in section sec: holding its
** index + 1, or the free one to fill; NULL on out of memory. Each
** (section, id) has one live definition: a later one replaces it. */
static uint32_t *live_slot(struct fc_lexicon *l, enum lx_section sec,
			   const char *id)
{
	if (!l->live || (l->nlive + 1) * 2 > l->live_mask + 1) {
		size_t cap = l->live ? (l->live_mask + 1) * 2 : 256;
		uint32_t *v = calloc(cap, sizeof(*v));
		if (!v)
			return NULL;
		for (size_t i = 0; l->live && i <= l->live_mask; i++) {
			if (!l->live[i])
				continue;
			const struct lx_def *o = &l->defs[l->live[i] - 1];
			size_t k = def_hash(o->sec, o->id) & (cap - 1);
			while (v[k])
				k = (k + 1) & (cap - 1);
			v[k] = l->live[i];
		}
		free(l->live);
		l->live = v;
		l->live_mask = cap - 1;
	}
	for (size_t k = def_hash(sec, id) & l->live_mask;;
	     k = (k + 1) & l->live_mask) {
		uint32_t *slot = &l->live[k];
		if (!*slot)
			return slot;
		const struct lx_def *o = &l->defs[*slot - 1];
		if (o->sec == sec && !strcmp(o->id, id))
			return slot;
	}
}

fc_status fc_lexicon_add(struct fc_rules *r, const struct fc_rulefile *file,
			 struct fc_diags *d)
{
	struct fc_lexicon *l = get_lexicon(r);
	if (!l)
		return FC_ENOMEM;
	struct ctx c = {r, file, d, 0, INT32_MIN};
	const struct fc_ynode *root = file->root;
	c.nerr += fc_ymap_check_keys(root, top_keys, "a lexicon file", d);
	get_date(&c, root, "roles_since", &c.roles_since);
	/* (lexicon_iso2.c reads it: one file of the suite gives it) */
	const struct fc_ynode *sub = fc_ymap_get(root, "subdivisions");
	if (sub && l->iso2_node)
		err(&c, sub, "a second 'subdivisions:' (%s:%u has one): one "
			     "lexicon file of the rules gives them",
		    l->iso2_node->loc.file ? l->iso2_node->loc.file : "?",
		    (unsigned)l->iso2_node->loc.line);
	else if (sub)
		l->iso2_node = sub;
	size_t first_here = l->ndefs;
	for (int sec = 0; sec < LX_NSECTIONS; sec++) {
		const struct fc_ynode *list = fc_ymap_get(root, sec_names[sec]);
		if (!list || fc_ynode_is_null(list))
			continue;
		if (list->type != FC_Y_SEQ) {
			err(&c, list, "'%s' must be a list of entries",
			    sec_names[sec]);
			continue;
		}
		for (size_t i = 0; i < list->nkids; i++) {
			const struct fc_ynode *e = list->kids[i];
			if (e->type != FC_Y_MAP) {
				err(&c, e, "each entry of '%s' must be a "
					   "mapping with an 'id:'",
				    sec_names[sec]);
				continue;
			}
			struct lx_def def;
			if (!parse_entry(&c, (enum lx_section)sec, e, &def))
				continue;
			uint32_t *slot = live_slot(l, def.sec, def.id);
			if (!slot)
				return FC_ENOMEM;
			if (*slot) {
				struct lx_def *o = &l->defs[*slot - 1];
				if (*slot - 1 >= first_here) {
					fc_diag_add(d, FC_ESCHEMA,
						    &fc_ymap_get(e, "id")->loc,
						    "duplicate id '%s' in %s "
						    "(first at line %u)",
						    def.id, sec_names[sec],
						    (unsigned)o->loc.line);
					c.nerr++;
					continue;
				}
				o->is_dead = true; /* overridden */
			} else {
				l->nlive++;
			}
			if (push_def(r, l, &def))
				return FC_ENOMEM;
			*slot = (uint32_t)l->ndefs;
		}
	}
	l->is_compiled = false;
	return c.nerr ? FC_ESCHEMA : FC_OK;
}
