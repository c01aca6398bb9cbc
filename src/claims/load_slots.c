/*
** load_slots.c: the `slots:` of a claim rule: how each slot of the fact
** kind is filled. A slot is filled from named groups (shorthand: a group
** name or a list of them), from a `from:` source (sentence, item,
** position, preceding, speaker, quote), or a constant `value:`; `as:
** country`, `map:`, `before:`/`after:` and `item_of:` refine it. Each
** fill is checked against the slot's type in the fact schema (the
** `facts:` of claims files, schema.c).
*/
#include <stdio.h>
#include <string.h>

#include "claims/claims_p.h"

static const char *const spec_keys[] = {"group", "from",  "as",
					"value", "map",	  "before",
					"after", "item_of", NULL};

static const char *const from_names[] = {
	[FROM_GROUP] = "group",	      [FROM_SENTENCE] = "sentence",
	[FROM_ITEM] = "item",	      [FROM_POSITION] = "position",
	[FROM_PRECEDING] = "preceding", [FROM_SPEAKER] = "speaker",
	[FROM_QUOTE] = "quote",	      [FROM_VALUE] = "value",
};

/* ---- Slot specs ---------------------------------------------------------- */

int cl_name_index(const struct rule *ru, const char *name)
{
	for (size_t i = 0; i < ru->nnames; i++)
		if (!strcmp(ru->names[i], name))
			return (int)i;
	return -1;
}

static bool from_keyword(const char *s, enum fill_from *out)
{
	for (size_t i = 0; i < sizeof(from_names) / sizeof(*from_names); i++)
		if (i != FROM_GROUP && i != FROM_VALUE &&
		    !strcmp(from_names[i], s)) {
			*out = (enum fill_from)i;
			return true;
		}
	return false;
}

/* Resolve one group name of slot `slot`; reports a missing group. */
static bool add_group(struct loader *ld, struct rule *ru,
		      struct slot_spec *sp, const struct fc_ynode *n,
		      const char *slot, size_t cap)
{
	const char *name;
	if (!fc_ynode_str(n, "a group name", &name, ld->d)) {
		ld->nerr++;
		return false;
	}
	if (!strcmp(name, "item")) {
		sp->with_item = true;
		return true;
	}
	int gi = cl_name_index(ru, name);
	if (gi < 0 && ru->is_broken)
		return false; /* the pattern error is reported already */
	if (gi < 0) {
		if (ru->source == SRC_QUOTE)
			cl_load_err(ld, FC_ESCHEMA, &n->loc,
			    "slot '%s' names group '%s', but a 'mentions:' "
			    "rule has no groups",
			    slot, name);
		else
			cl_load_err(ld, FC_ESCHEMA, &n->loc,
			    "slot '%s' names group '%s', which no pattern of "
			    "rule '%s' defines",
			    slot, name, ru->id);
		return false;
	}
	if (sp->ngroups < cap)
		sp->groups[sp->ngroups++] = gi;
	return true;
}

static bool parse_groups(struct loader *ld, struct rule *ru,
			 struct slot_spec *sp, const struct fc_ynode *n,
			 const char *slot)
{
	size_t cap = n->type == FC_Y_SEQ ? n->nkids : 1;
	sp->groups = fc_arena_alloc(ld->a, (cap + 1) * sizeof(*sp->groups));
	if (!sp->groups)
		return false;
	if (n->type != FC_Y_SEQ)
		return add_group(ld, ru, sp, n, slot, cap);
	bool ok = true;
	for (size_t i = 0; i < n->nkids; i++)
		ok = add_group(ld, ru, sp, n->kids[i], slot, cap) && ok;
	return ok;
}

static bool parse_map(struct loader *ld, struct slot_spec *sp,
		      const struct fc_ynode *n)
{
	if (n->type != FC_Y_MAP) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "map must be a mapping of canonical text to variants");
		return false;
	}
	sp->nmap = n->nkids / 2;
	sp->map = fc_arena_alloc(ld->a, (sp->nmap + 1) * sizeof(*sp->map));
	if (!sp->map)
		return false;
	bool ok = true;
	for (size_t i = 0; i < sp->nmap; i++) {
		struct text_map *m = &sp->map[i];
		m->canon = n->kids[2 * i]->str;
		const char **v;
		size_t nv;
		if (!fc_ynode_strlist(ld->a, n->kids[2 * i + 1], "map variants",
				      &v, &nv, ld->d)) {
			ld->nerr++;
			ok = false;
			continue;
		}
		m->variants = fc_arena_alloc(ld->a, (nv + 1) * sizeof(*v));
		if (!m->variants)
			return false;
		for (size_t k = 0; k < nv; k++)
			m->variants[k] = fc_lower(ld->a, v[k], strlen(v[k]));
		m->nvariants = nv;
	}
	return ok;
}

/* Does the fill make sense for the slot's type? */
static bool check_spec(struct loader *ld, const struct rule *ru,
		       const struct slot_spec *sp,
		       const struct fc_srcloc *loc)
{
	enum slot_type t = sp->def->type;
	const char *why = NULL;
	switch (sp->from) {
	case FROM_GROUP:
		if (t == SLOT_INT)
			why = "a number slot is filled by 'from: position'";
		else if (ru->source == SRC_QUOTE)
			why = "a 'mentions:' rule has no groups";
		break;
	case FROM_SENTENCE:
		if (t == SLOT_LIST || t == SLOT_TEXT || t == SLOT_INT)
			why = "'from: sentence' fills dates, durations, "
			      "quantities and places";
		break;
	case FROM_ITEM:
		if (t != SLOT_ENTITY && t != SLOT_ENTITY_TEXT && t != SLOT_LIST)
			why = "'from: item' fills entities and lists";
		break;
	case FROM_POSITION:
		if (t != SLOT_INT)
			why = "'from: position' fills number slots";
		break;
	case FROM_PRECEDING:
		if (t != SLOT_LIST)
			why = "'from: preceding' fills list slots";
		break;
	case FROM_SPEAKER:
	case FROM_QUOTE:
		if (ru->source != SRC_QUOTE)
			why = "'from: speaker' and 'from: quote' need "
			      "'mentions: quote'";
		else if (sp->from == FROM_SPEAKER && t != SLOT_ENTITY &&
			 t != SLOT_LIST)
			why = "'from: speaker' fills entities";
		else if (sp->from == FROM_QUOTE && t != SLOT_TEXT &&
			 t != SLOT_ENTITY_TEXT)
			why = "'from: quote' fills text";
		break;
	case FROM_VALUE:
		if (t != SLOT_TEXT && t != SLOT_ENTITY_TEXT)
			why = "'value:' fills text slots";
		break;
	}
	if (!why && (sp->from == FROM_ITEM || sp->from == FROM_POSITION ||
		     sp->from == FROM_PRECEDING || sp->with_item) &&
	    !ru->neach)
		why = "items come from 'each:', which this rule lacks";
	if (!why && sp->is_country && t != SLOT_LIST && t != SLOT_ENTITY &&
	    t != SLOT_ENTITY_TEXT)
		why = "'as: country' applies to entities and lists";
	if (!why && sp->map && t != SLOT_TEXT && t != SLOT_ENTITY_TEXT)
		why = "'map:' applies to text slots";
	if (!why && sp->anchor && (t != SLOT_TIME || sp->from != FROM_GROUP))
		why = "'before:'/'after:' turn a duration group into a date";
	if (!why && sp->with_item && t != SLOT_LIST)
		why = "'item' in a group list needs a list slot";
	if (why) {
		cl_load_err(ld, FC_ESCHEMA, loc, "slot '%s' (%s): %s", sp->def->name,
		    cl_schema_slot_type_name(t), why);
		return false;
	}
	return true;
}

static bool parse_anchor(struct loader *ld, struct slot_spec *sp,
			 const struct fc_ynode *n, int sign)
{
	const char *s;
	if (!fc_ynode_str(n, sign < 0 ? "before" : "after", &s, ld->d)) {
		ld->nerr++;
		return false;
	}
	sp->anchor_sign = sign;
	if (!strcmp(s, "published"))
		sp->anchor = ANCHOR_PUBLISHED;
	else if (!strcmp(s, "sentence"))
		sp->anchor = ANCHOR_SENTENCE;
	else {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "%s must be 'published' or 'sentence', not '%s'",
		    sign < 0 ? "before" : "after", s);
		return false;
	}
	return true;
}

static bool is_each_group(const struct rule *ru, int gi)
{
	for (size_t i = 0; i < ru->neach; i++)
		if (ru->each[i] == gi)
			return true;
	return false;
}

/* The long form: {group:, from:, as:, value:, map:, before:, after:,
** item_of:}. */
static bool parse_spec_map(struct loader *ld, struct rule *ru,
			   struct slot_spec *sp, const struct fc_ynode *n,
			   const char *slot)
{
	char what[96];
	snprintf(what, sizeof(what), "slot '%s'", slot);
	bool ok = fc_ymap_check_keys(n, spec_keys, what, ld->d) == 0;
	if (!ok)
		ld->nerr++;
	const struct fc_ynode *g = fc_ymap_get(n, "group");
	const struct fc_ynode *f = fc_ymap_get(n, "from");
	const struct fc_ynode *as = fc_ymap_get(n, "as");
	const struct fc_ynode *v = fc_ymap_get(n, "value");
	const struct fc_ynode *m = fc_ymap_get(n, "map");
	const struct fc_ynode *b = fc_ymap_get(n, "before");
	const struct fc_ynode *af = fc_ymap_get(n, "after");
	const struct fc_ynode *io = fc_ymap_get(n, "item_of");
	sp->from = FROM_GROUP;
	if (io) {
		const char *gname;
		if (!fc_ynode_str(io, "item_of", &gname, ld->d)) {
			ld->nerr++;
			ok = false;
		} else if ((sp->item_of = cl_name_index(ru, gname)) < 0 ||
			   !is_each_group(ru, sp->item_of)) {
			cl_load_err(ld, FC_ESCHEMA, &io->loc,
			    "item_of names '%s', which is not a group of "
			    "'each'",
			    gname);
			ok = false;
		}
	}
	if (g)
		ok = parse_groups(ld, ru, sp, g, slot) && ok;
	if (f) {
		const char *s;
		if (!fc_ynode_str(f, "from", &s, ld->d)) {
			ld->nerr++;
			ok = false;
		} else if (!from_keyword(s, &sp->from)) {
			cl_load_err(ld, FC_ESCHEMA, &f->loc,
			    "from must be one of sentence, item, position, "
			    "preceding, speaker, quote; not '%s'",
			    s);
			ok = false;
		}
		if (g && sp->from == FROM_ITEM) {
			sp->from = FROM_GROUP;
			sp->with_item = true;
		} else if (g && sp->from != FROM_GROUP) {
			cl_load_err(ld, FC_ESCHEMA, &f->loc,
			    "slot '%s': 'group:' goes with 'from: item' only",
			    slot);
			ok = false;
		}
	}
	if (v) {
		if (!fc_ynode_str(v, "value", &sp->value, ld->d)) {
			ld->nerr++;
			ok = false;
		}
		if (g || f) {
			cl_load_err(ld, FC_ESCHEMA, &v->loc,
			    "slot '%s': 'value:' is a constant; it takes no "
			    "'group:' or 'from:'",
			    slot);
			ok = false;
		}
		sp->from = FROM_VALUE;
	}
	if (!g && !f && !v) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "slot '%s' needs 'group:', 'from:' or 'value:'", slot);
		ok = false;
	}
	if (as) {
		const char *s;
		if (!fc_ynode_str(as, "as", &s, ld->d)) {
			ld->nerr++;
			ok = false;
		} else if (strcmp(s, "country")) {
			cl_load_err(ld, FC_ESCHEMA, &as->loc,
			    "as must be 'country', not '%s'", s);
			ok = false;
		} else {
			sp->is_country = true;
		}
	}
	if (m)
		ok = parse_map(ld, sp, m) && ok;
	if (b)
		ok = parse_anchor(ld, sp, b, -1) && ok;
	if (af)
		ok = parse_anchor(ld, sp, af, +1) && ok;
	if (b && af) {
		cl_load_err(ld, FC_ESCHEMA, &af->loc,
		    "slot '%s': give 'before:' or 'after:', not both", slot);
		ok = false;
	}
	return ok;
}

bool cl_parse_spec(struct loader *ld, struct rule *ru,
		       struct slot_spec *sp, const struct fc_ynode *key,
		       const struct fc_ynode *n)
{
	const char *slot = key->str;
	const struct slot_def *def = cl_schema_slot(ru->kind, slot);
	if (!def) {
		const char *s = cl_schema_suggest_slot(ru->kind, slot);
		if (s)
			cl_load_err(ld, FC_ESCHEMA, &key->loc,
			    "fact kind '%s' has no slot '%s' (did you mean "
			    "'%s'?)",
			    ru->kind->name, slot, s);
		else
			cl_load_err(ld, FC_ESCHEMA, &key->loc,
			    "fact kind '%s' has no slot '%s'", ru->kind->name,
			    slot);
		return false;
	}
	sp->def = def;
	sp->item_of = -1;
	bool ok;
	if (n->type == FC_Y_MAP) {
		ok = parse_spec_map(ld, ru, sp, n, slot);
	} else if (n->type == FC_Y_SCALAR && cl_name_index(ru, n->str) < 0 &&
		   from_keyword(n->str, &sp->from)) {
		ok = true;
	} else {
		sp->from = FROM_GROUP;
		ok = parse_groups(ld, ru, sp, n, slot);
		if (ok && sp->with_item && !sp->ngroups) {
			sp->with_item = false;
			sp->from = FROM_ITEM;
		}
	}
	return ok && check_spec(ld, ru, sp, &n->loc);
}
