/*
** schema.c: the fact schema, read from the `facts:` of claims files.
**
**   kind: claims
**   facts:
**     call:                                   # a fact kind
**       participants: {type: list, required: true, min_items: 2}
**       date: time                            # shorthand: the type only
**
** It is the contract between the claim patterns (which fill slots) and
** the checks (which compare them): a claim rule may only name a kind
** declared here and only fill that kind's slots, and a check may only
** compare them (fc_claims_slot_type). A required slot must be filled for
** a fact to count; a list slot with min_items needs that many items (a
** call needs two participants). A kind declared again in a later file
** replaces the earlier one whole, so a --rules folder can retune a kind
** or add one without touching C. The built-in kinds are in
** rules/claims/00-facts.yaml.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims_p.h"

/* Slot types: the name in YAML and the name in messages. */
static const char *const type_names[] = {
	[SLOT_LIST] = "list",	      [SLOT_ENTITY] = "entity",
	[SLOT_ENTITY_TEXT] = "entity_or_text",
	[SLOT_TIME] = "time",	      [SLOT_DURATION] = "duration",
	[SLOT_TEXT] = "text",	      [SLOT_INT] = "int",
	[SLOT_QUANTITY] = "quantity", NULL,
};

static const char *const type_words[] = {
	[SLOT_LIST] = "a list of entities",
	[SLOT_ENTITY] = "an entity",
	[SLOT_ENTITY_TEXT] = "an entity or text",
	[SLOT_TIME] = "a time",
	[SLOT_DURATION] = "a duration",
	[SLOT_TEXT] = "text",
	[SLOT_INT] = "a number",
	[SLOT_QUANTITY] = "a quantity",
};

/* Fields every fact has (and golden items show): not slot names. */
static const char *const reserved[] = {"kind",	   "rule",	  "polarity",
				       "modality", "attribution", "source",
				       NULL};

static const char *const spec_keys[] = {"type", "required", "min_items",
					"description", NULL};

#define MAX_MIN_ITEMS 1000

const char *cl_schema_slot_type_name(enum slot_type t)
{
	return type_words[t];
}

/* ---- Loading ------------------------------------------------------------- */

/* A kind or slot name: a lower-case letter, then letters, digits, '_'. */
static bool valid_name(const char *s)
{
	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return false;
	return true;
}

static bool parse_type(struct loader *ld, const struct fc_ynode *n,
		       enum slot_type *out)
{
	const char *s;
	if (!fc_ynode_str(n, "slot type", &s, ld->d)) {
		ld->nerr++;
		return false;
	}
	int t = fc_name_index(s, type_names);
	if (t < 0) {
		fc_ynode_unknown(n, "slot type", type_names, ld->d);
		ld->nerr++;
		return false;
	}
	*out = (enum slot_type)t;
	return true;
}

/* One slot: `name: TYPE` or `name: {type:, required:, min_items:}`. */
static bool parse_slot(struct loader *ld, const char *kind,
		       const struct fc_ynode *key, const struct fc_ynode *n,
		       struct slot_def *out)
{
	if (!valid_name(key->str)) {
		cl_load_err(ld, FC_ESCHEMA, &key->loc,
		    "slot name '%s' must be lower-case letters, digits and "
		    "'_', starting with a letter",
		    key->str);
		return false;
	}
	if (fc_name_index(key->str, reserved) >= 0) {
		cl_load_err(ld, FC_ESCHEMA, &key->loc,
		    "'%s' is reserved: every fact has it", key->str);
		return false;
	}
	*out = (struct slot_def){.name = key->str};
	if (n->type == FC_Y_SCALAR && !fc_ynode_is_null(n))
		return parse_type(ld, n, &out->type);
	if (n->type != FC_Y_MAP) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "slot '%s' of fact kind '%s' must be a type or a mapping "
		    "{type, required, min_items}",
		    key->str, kind);
		return false;
	}
	char what[96];
	snprintf(what, sizeof(what), "slot '%s'", key->str);
	bool ok = true;
	if (fc_ymap_check_keys(n, spec_keys, what, ld->d)) {
		ld->nerr++;
		ok = false;
	}
	const struct fc_ynode *tn = fc_ymap_get(n, "type");
	const struct fc_ynode *rn = fc_ymap_get(n, "required");
	const struct fc_ynode *mn = fc_ymap_get(n, "min_items");
	const struct fc_ynode *dn = fc_ymap_get(n, "description");
	const char *s;
	bool has_type = tn && parse_type(ld, tn, &out->type);
	if (!tn)
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "slot '%s' of fact kind '%s' needs a 'type'", key->str,
		    kind);
	ok = has_type && ok;
	if (rn && !fc_ynode_bool(rn, "required", &out->is_required, ld->d)) {
		ld->nerr++;
		ok = false;
	}
	if (dn && !fc_ynode_str(dn, "description", &s, ld->d)) {
		ld->nerr++;
		ok = false;
	}
	if (mn) {
		long long v;
		if (!fc_ynode_int(mn, "min_items", 0, MAX_MIN_ITEMS, &v,
				  ld->d)) {
			ld->nerr++;
			ok = false;
		} else if (has_type && out->type != SLOT_LIST) {
			cl_load_err(ld, FC_ESCHEMA, &mn->loc,
			    "min_items applies to list slots; '%s' is %s",
			    key->str, type_words[out->type]);
			ok = false;
		} else {
			out->min_items = (size_t)v;
		}
	}
	return ok;
}

/* Register k, replacing a kind of the same name from an earlier file. */
static bool keep_kind(struct fc_claims *cl, struct fact_kind *k)
{
	for (size_t i = 0; i < cl->nkinds; i++)
		if (!strcmp(cl->kinds[i]->name, k->name)) {
			cl->kinds[i] = k;
			return true;
		}
	if (cl->nkinds == cl->capkinds) {
		size_t ncap = cl->capkinds ? cl->capkinds * 2 : 16;
		struct fact_kind **v = realloc(cl->kinds, ncap * sizeof(*v));
		if (!v)
			return false;
		cl->kinds = v;
		cl->capkinds = ncap;
	}
	cl->kinds[cl->nkinds++] = k;
	return true;
}

/*
** One kind. Its slots with errors are reported and left out; the kind
** itself is kept when its name is valid and it has a slot, so that
** rules and checks naming it do not repeat the error.
*/
static void add_kind(struct loader *ld, const struct fc_ynode *key,
		     const struct fc_ynode *n)
{
	if (!valid_name(key->str)) {
		cl_load_err(ld, FC_ESCHEMA, &key->loc,
		    "fact kind name '%s' must be lower-case letters, digits "
		    "and '_', starting with a letter",
		    key->str);
		return;
	}
	if (n->type != FC_Y_MAP || n->nkids == 0) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "fact kind '%s' must be a mapping of slot name to its "
		    "type (at least one slot)",
		    key->str);
		return;
	}
	struct fact_kind *k = fc_arena_alloc(ld->a, sizeof(*k));
	size_t ns = n->nkids / 2;
	if (!k || !(k->slots = fc_arena_alloc(ld->a, ns * sizeof(*k->slots)))) {
		cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
		return;
	}
	k->name = key->str;
	k->loc = key->loc;
	for (size_t i = 0; i < ns; i++)
		if (parse_slot(ld, k->name, n->kids[2 * i], n->kids[2 * i + 1],
			       &k->slots[k->nslots]))
			k->nslots++;
	if (k->nslots && !keep_kind(ld->cl, k))
		cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
}

void cl_schema_add(struct loader *ld, const struct fc_ynode *n)
{
	if (fc_ynode_is_null(n))
		return;
	if (n->type != FC_Y_MAP) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "facts must be a mapping of fact kind to its slots");
		return;
	}
	for (size_t i = 0; i + 1 < n->nkids; i += 2)
		add_kind(ld, n->kids[i], n->kids[i + 1]);
}

/* ---- Lookups ------------------------------------------------------------- */

const struct fact_kind *cl_schema_kind(const struct fc_claims *cl,
				       const char *name)
{
	for (size_t i = 0; cl && i < cl->nkinds; i++)
		if (!strcmp(cl->kinds[i]->name, name))
			return cl->kinds[i];
	return NULL;
}

const char *cl_schema_suggest_kind(const struct fc_claims *cl,
				   const char *name)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; cl && i < cl->nkinds; i++) {
		size_t dist = fc_edit_distance(name, cl->kinds[i]->name, 2);
		if (dist < bestd) {
			bestd = dist;
			best = cl->kinds[i]->name;
		}
	}
	return best;
}

static int cmp_cstr(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

void cl_schema_unknown_kind(struct loader *ld, const struct fc_ynode *n,
			    const char *name)
{
	struct fc_claims *cl = ld->cl;
	if (!cl->nkinds) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "unknown fact kind '%s' (no claims file declares any "
		    "under 'facts:')",
		    name);
		return;
	}
	const char **names = fc_arena_alloc(ld->a, (cl->nkinds + 1) *
						       sizeof(*names));
	if (!names) {
		cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
		return;
	}
	for (size_t i = 0; i < cl->nkinds; i++)
		names[i] = cl->kinds[i]->name;
	qsort(names, cl->nkinds, sizeof(*names), cmp_cstr);
	names[cl->nkinds] = NULL;
	fc_ynode_unknown(n, "fact kind", names, ld->d);
	ld->nerr++;
}

const struct slot_def *cl_schema_slot(const struct fact_kind *k,
				      const char *name)
{
	for (size_t i = 0; i < k->nslots; i++)
		if (!strcmp(k->slots[i].name, name))
			return &k->slots[i];
	return NULL;
}

const char *cl_schema_suggest_slot(const struct fact_kind *k, const char *name)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < k->nslots; i++) {
		size_t dist = fc_edit_distance(name, k->slots[i].name, 2);
		if (dist < bestd) {
			bestd = dist;
			best = k->slots[i].name;
		}
	}
	return best;
}

/* ---- For other modules (stages.h) ---------------------------------------- */

const char *fc_claims_slot_type(const struct fc_rules *r, const char *kind,
				const char *slot, const char **suggest)
{
	const struct fc_claims *cl = r ? r->claims : NULL;
	if (suggest)
		*suggest = NULL;
	const struct fact_kind *k = cl_schema_kind(cl, kind);
	if (!k) {
		if (suggest)
			*suggest = cl_schema_suggest_kind(cl, kind);
		return NULL;
	}
	if (!slot)
		return k->name;
	const struct slot_def *s = cl_schema_slot(k, slot);
	if (!s) {
		if (suggest)
			*suggest = cl_schema_suggest_slot(k, slot);
		return NULL;
	}
	return type_names[s->type];
}
