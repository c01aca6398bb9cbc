/*
** load.c: read `kind: checks` rule files.
**
**   kind: checks
**   description: ...
**   checks:
**     - id: call.date
**       kind: call               # fact kind (the claims files' `facts:`)
**       key: [participants]      # slots naming the same fact
**       field: date              # the compared slot
**       compare: time            # default: from the slot's type
**       tolerance: P1D           # quantity: 0.05 or 5%; time: seconds
**       min_independent: 2       # groups needed to corroborate
**       severity: error          # of a contradiction
**       conflict: contradicted   # or variant: status of differing values
**       message: "{participants} spoke {when}"   # or by status:
**                                # {default, corroborated, contradicted,
**                                # single-source, variant, negated (a
**                                # polarity finding led by "negated")}
**     - id: quote.text
**       compare: quote           # one speaker's quotes, split by overlap
**                                # (conflict defaults to variant)
**       overlap: 0.5             # quote only: share of word pairs
**       min_words: 4             # quote only: shortest quote that links
**   tests: [...]
**
** Structure errors are reported by fc_checks_add; references to fact
** kinds and slots are resolved by fc_checks_compile against the fact
** schema, which the claims module reads from the `facts:` of claims
** files (fc_claims_slot_type). A check loaded later with the same id
** replaces the earlier one. A `facts:` key here is an error: the schema
** moved to the claims files, so that patterns and checks share one.
*/
#include <stdlib.h>
#include <string.h>

#include "check/check_p.h"

/*
** Slot types of the fact schema, by their YAML names (src/claims reads
** the schema; this is the one place the check module maps its types).
*/
enum slot_type {
	SLOT_ENTITY, SLOT_ENTITY_TEXT, SLOT_LIST, SLOT_TIME, SLOT_DURATION,
	SLOT_QUANTITY, SLOT_TEXT, SLOT_INT, SLOT_COUNT
};

static const char *const slot_type_names[SLOT_COUNT + 1] = {
	[SLOT_ENTITY] = "entity",     [SLOT_ENTITY_TEXT] = "entity_or_text",
	[SLOT_LIST] = "list",         [SLOT_TIME] = "time",
	[SLOT_DURATION] = "duration", [SLOT_QUANTITY] = "quantity",
	[SLOT_TEXT] = "text",         [SLOT_INT] = "int",
	[SLOT_COUNT] = NULL,
};

/* The compare a slot type gets when a check names none. */
static const enum compare default_compare[SLOT_COUNT] = {
	[SLOT_ENTITY] = CMP_ENTITY,     [SLOT_ENTITY_TEXT] = CMP_ENTITY,
	[SLOT_LIST] = CMP_SET,          [SLOT_TIME] = CMP_TIME,
	[SLOT_DURATION] = CMP_DURATION, [SLOT_QUANTITY] = CMP_QUANTITY,
	[SLOT_TEXT] = CMP_TEXT,         [SLOT_INT] = CMP_QUANTITY,
};

#define ENTITYISH (1u << SLOT_ENTITY | 1u << SLOT_ENTITY_TEXT)

/* Which slot types each compare accepts (bit per enum slot_type). */
static const unsigned compare_fits[CMP_COUNT] = {
	[CMP_TIME] = 1u << SLOT_TIME,
	[CMP_DURATION] = 1u << SLOT_DURATION,
	[CMP_QUANTITY] = 1u << SLOT_QUANTITY | 1u << SLOT_INT,
	[CMP_ENTITY] = ENTITYISH | 1u << SLOT_TEXT,
	[CMP_SET] = 1u << SLOT_LIST | ENTITYISH,
	[CMP_LIST_ORDER] = 1u << SLOT_LIST,
	[CMP_TEXT] = 1u << SLOT_TEXT | ENTITYISH | 1u << SLOT_INT,
	[CMP_POLARITY] = 0,
	[CMP_QUOTE] = 1u << SLOT_TEXT,
};

static const char *const severity_names[] = {"info", "warning", "error",
					     NULL};

static const char *const message_keys[MSG_COUNT + 1] = {
	[MSG_DEFAULT] = "default", [MSG_CORROBORATED] = "corroborated",
	[MSG_CONTRADICTED] = "contradicted", [MSG_SINGLE] = "single-source",
	[MSG_VARIANT] = "variant",  [MSG_NEGATED] = "negated",
	[MSG_COUNT] = NULL,
};

#define DEFAULT_MESSAGE "{kind} {field}: {values}"
#define POLARITY_FIELD "polarity"

/* Tolerance as written, checked against the compare at compile. */
enum tol_form { TOL_NONE, TOL_NUMBER, TOL_PERCENT, TOL_DURATION };

struct check_load {
	struct check c;
	enum tol_form tol_form;
	const struct fc_ynode *tol_node;
	bool has_compare;
	const struct fc_ynode *quote_node; /* overlap or min_words */
};

static struct fc_checks *get_checks(struct fc_rules *r)
{
	if (!r->checks)
		r->checks = calloc(1, sizeof(*r->checks));
	return r->checks;
}

/* ---- checks ------------------------------------------------------------- */

static bool parse_tolerance(const struct fc_ynode *n, struct check_load *l,
			    struct fc_diags *d)
{
	l->tol_node = n;
	if (n->type == FC_Y_SCALAR && n->len > 1 && n->str[0] == 'P') {
		struct fc_time t = {.type = FC_TIMEX_DURATION};
		if (fc_time_parse(n->str, &t) || t.type != FC_TIMEX_DURATION ||
		    !t.is_anchored) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "tolerance '%s' is not an ISO 8601 "
				    "duration (P1D, PT12H)",
				    n->str);
			return false;
		}
		l->c.tolerance = t.seconds;
		l->tol_form = TOL_DURATION;
		return true;
	}
	if (n->type == FC_Y_SCALAR && n->len > 1 && n->str[n->len - 1] == '%') {
		char *end;
		double v = strtod(n->str, &end);
		if (end == n->str + n->len - 1 && v >= 0 && v <= 1000) {
			l->c.tolerance = v / 100;
			l->tol_form = TOL_PERCENT;
			return true;
		}
	} else {
		double v;
		if (n->type == FC_Y_SCALAR && n->len > 0) {
			char *end;
			v = strtod(n->str, &end);
			if (*end == '\0' && v >= 0 && v < 1e12) {
				l->c.tolerance = v;
				l->tol_form = TOL_NUMBER;
				return true;
			}
		}
	}
	fc_diag_add(d, FC_ESCHEMA, &n->loc,
		    "tolerance must be a number >= 0 (0.05), a percentage "
		    "(5%%) or an ISO 8601 duration (P1D)");
	return false;
}

static bool parse_message(struct fc_arena *a, struct check *c,
			  const struct fc_ynode *n, struct fc_diags *d)
{
	if (n->type == FC_Y_SCALAR)
		return fc_check_tmpl_parse(a, c, n, &c->msg[MSG_DEFAULT], d);
	if (n->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "message must be a string or a mapping of status "
			    "to string");
		return false;
	}
	bool ok = fc_ymap_check_keys(n, message_keys, "message", d) == 0;
	for (int i = 0; i < MSG_COUNT; i++) {
		const struct fc_ynode *m = fc_ymap_get(n, message_keys[i]);
		const char *s;
		if (!m)
			continue;
		if (!fc_ynode_str(m, "message", &s, d))
			ok = false;
		else if (!fc_check_tmpl_parse(a, c, m, &c->msg[i], d))
			ok = false;
	}
	return ok;
}

/* overlap (0 < x <= 1) and min_words (1..1000): compare: quote only. */
static bool parse_quote_options(const struct fc_ynode *item,
				struct check_load *l, struct fc_diags *d)
{
	bool ok = true;
	const struct fc_ynode *n = fc_ymap_get(item, "overlap");
	if (n) {
		double v;
		l->quote_node = n;
		if (!fc_ynode_double(n, "overlap", &v, d)) {
			ok = false;
		} else if (!(v > 0 && v <= 1)) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "overlap must be above 0 and at most 1 "
				    "(a share of word pairs)");
			ok = false;
		} else {
			l->c.overlap = v;
		}
	}
	if ((n = fc_ymap_get(item, "min_words"))) {
		long long v;
		l->quote_node = n;
		if (fc_ynode_int(n, "min_words", 2, 1000, &v, d))
			l->c.min_words = (uint32_t)v;
		else
			ok = false;
	}
	if (l->quote_node && (!l->has_compare || l->c.cmp != CMP_QUOTE)) {
		fc_diag_add(d, FC_ESCHEMA, &l->quote_node->loc,
			    "'%s' applies to compare: quote only",
			    l->quote_node == fc_ymap_get(item, "overlap")
				    ? "overlap"
				    : "min_words");
		ok = false;
	}
	return ok;
}

/* A required string; reports "check is missing 'what'" at the item. */
static bool need_str(const struct fc_ynode *item, const char *key,
		     const char **out, const struct fc_ynode **node,
		     struct fc_diags *d)
{
	const struct fc_ynode *n = fc_ymap_get(item, key);
	if (node)
		*node = n;
	if (!n) {
		fc_diag_add(d, FC_ESCHEMA, &item->loc, "check is missing '%s'",
			    key);
		return false;
	}
	if (!fc_ynode_str(n, key, out, d))
		return false;
	if (!**out) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc, "%s must not be empty", key);
		return false;
	}
	return true;
}

/* Parse one check; NULL when it has an error (reported). *is_nomem on
** out of memory. */
static struct check *parse_check(struct fc_rules *r, const char *path,
				 const struct fc_ynode *item, bool *is_nomem,
				 struct fc_diags *d)
{
	static const char *const keys[] = {
		"id", "kind", "key", "field", "compare", "tolerance",
		"min_independent", "severity", "conflict", "message",
		"description", "overlap", "min_words", NULL,
	};
	struct fc_arena *a = &r->arena;
	if (item->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &item->loc,
			    "a check must be a mapping");
		return NULL;
	}
	struct check_load *l = fc_arena_alloc(a, sizeof(*l));
	if (!l)
		goto nomem;
	struct check *c = &l->c;
	bool ok = fc_ymap_check_keys(item, keys, "check", d) == 0;
	c->node = item;
	c->file = path;
	c->min_independent = 2;
	c->severity = FC_SEV_ERROR;
	c->conflict = FC_FIND_CONTRADICTED;
	c->overlap = 0.5;
	c->min_words = 4;
	ok = need_str(item, "id", &c->id, NULL, d) && ok;
	ok = need_str(item, "kind", &c->kind, &c->kind_node, d) && ok;

	const struct fc_ynode *n = fc_ymap_get(item, "compare");
	const char *s;
	c->cmp_node = n;
	if (n && fc_ynode_str(n, "compare", &s, d)) {
		if (fc_check_compare_parse(s, &c->cmp)) {
			l->has_compare = true;
		} else {
			fc_ynode_unknown(n, "compare", fc_check_compare_names, d);
			ok = false;
		}
	} else if (n) {
		ok = false;
	}
	if (l->has_compare && c->cmp == CMP_QUOTE)
		c->conflict = FC_FIND_VARIANT;

	n = fc_ymap_get(item, "field");
	c->field_node = n;
	if (n) {
		ok = need_str(item, "field", &c->field, NULL, d) && ok;
	} else if (l->has_compare && c->cmp == CMP_POLARITY) {
		c->field = POLARITY_FIELD;
	} else {
		fc_diag_add(d, FC_ESCHEMA, &item->loc,
			    "check is missing 'field'");
		ok = false;
	}
	/* field: polarity goes with compare: polarity (implied when no
	** compare is given), and the other way round. */
	if (c->field && !strcmp(c->field, POLARITY_FIELD)) {
		if (!l->has_compare) {
			c->cmp = CMP_POLARITY;
			l->has_compare = true;
		} else if (c->cmp != CMP_POLARITY) {
			fc_diag_add(d, FC_ESCHEMA, &c->cmp_node->loc,
				    "field 'polarity' needs compare: polarity");
			ok = false;
		}
	} else if (c->field && l->has_compare && c->cmp == CMP_POLARITY) {
		fc_diag_add(d, FC_ESCHEMA, &c->field_node->loc,
			    "compare 'polarity' compares the facts' polarity: "
			    "write field: polarity or leave field out");
		ok = false;
	}

	n = fc_ymap_get(item, "key");
	if (!n) {
		fc_diag_add(d, FC_ESCHEMA, &item->loc, "check is missing 'key'");
		ok = false;
	} else if (fc_ynode_strlist(a, n, "key", &c->key, &c->nkey, d)) {
		c->key_nodes = fc_arena_alloc(a, (c->nkey ? c->nkey : 1) *
							 sizeof(*c->key_nodes));
		if (!c->key_nodes)
			goto nomem;
		for (size_t i = 0; i < c->nkey; i++)
			c->key_nodes[i] = n->type == FC_Y_SEQ ? n->kids[i] : n;
		if (c->nkey == 0) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "key must name at least one slot");
			ok = false;
		}
	} else {
		/* an entry that is no string is reported, and left NULL in
		** the list: nothing after this (the message's placeholders)
		** may read it */
		c->key = NULL;
		c->nkey = 0;
		ok = false;
	}

	if ((n = fc_ymap_get(item, "tolerance")))
		ok = parse_tolerance(n, l, d) && ok;
	long long v;
	if ((n = fc_ymap_get(item, "min_independent"))) {
		if (fc_ynode_int(n, "min_independent", 1, 1000000, &v, d))
			c->min_independent = (uint32_t)v;
		else
			ok = false;
	}
	if ((n = fc_ymap_get(item, "severity")) &&
	    fc_ynode_str(n, "severity", &s, d)) {
		int sev = fc_name_index(s, severity_names);
		if (sev < 0) {
			fc_ynode_unknown(n, "severity", severity_names, d);
			ok = false;
		}
		c->severity = sev == 0 ? FC_SEV_NOTE
			      : sev == 1 ? FC_SEV_WARNING
					 : FC_SEV_ERROR;
	} else if (n) {
		ok = false;
	}
	if ((n = fc_ymap_get(item, "conflict")) &&
	    fc_ynode_str(n, "conflict", &s, d)) {
		if (!strcmp(s, "variant"))
			c->conflict = FC_FIND_VARIANT;
		else if (!strcmp(s, "contradicted"))
			c->conflict = FC_FIND_CONTRADICTED;
		else {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "conflict must be contradicted or variant, "
				    "not '%s'",
				    s);
			ok = false;
		}
	} else if (n) {
		ok = false;
	}
	ok = parse_quote_options(item, l, d) && ok;
	if ((n = fc_ymap_get(item, "description")) &&
	    !fc_ynode_str(n, "description", &s, d))
		ok = false;
	if ((n = fc_ymap_get(item, "message")))
		ok = parse_message(a, c, n, d) && ok;
	return ok ? c : NULL;
nomem:
	*is_nomem = true;
	return NULL;
}

static bool push_check(struct fc_arena *a, struct fc_checks *cs,
		       struct check *c)
{
	for (size_t i = 0; i < cs->n; i++)
		if (!cs->v[i]->is_replaced && !strcmp(cs->v[i]->id, c->id))
			cs->v[i]->is_replaced = true;
	void *g = fc_arena_grow(a, cs->v, sizeof(*cs->v), &cs->cap, cs->n + 1);
	if (!g)
		return false;
	cs->v = g;
	cs->v[cs->n++] = c;
	return true;
}

fc_status fc_checks_add(struct fc_rules *r, const struct fc_rulefile *file,
			struct fc_diags *d)
{
	static const char *const keys[] = {"kind", "description", "facts",
					   "checks", "tests", NULL};
	struct fc_checks *cs = get_checks(r);
	const struct fc_ynode *root = file->root;
	struct fc_srcloc floc = {file->path, 0, 0, 0};
	size_t nerr0 = d->nerr;
	if (!cs) {
		fc_diag_add(d, FC_ENOMEM, &floc, "out of memory");
		return FC_ENOMEM;
	}
	fc_ymap_check_keys(root, keys, "checks file", d);
	const struct fc_ynode *n = fc_ymap_get(root, "description");
	const char *s;
	if (n)
		fc_ynode_str(n, "description", &s, d);

	/* The schema moved: point old files at its new home. */
	for (size_t i = 0; root && i + 1 < root->nkids; i += 2)
		if (!strcmp(root->kids[i]->str, "facts"))
			fc_diag_add(d, FC_ESCHEMA, &root->kids[i]->loc,
				    "fact kinds are declared in claims files "
				    "now: move 'facts:' to a 'kind: claims' "
				    "file (built-in: rules/claims/"
				    "00-facts.yaml)");

	size_t first = cs->n; /* this file's checks start here */
	if ((n = fc_ymap_get(root, "checks"))) {
		if (n->type != FC_Y_SEQ) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "checks must be a sequence of checks");
			n = NULL;
		}
		for (size_t i = 0; n && i < n->nkids; i++) {
			bool is_nomem = false;
			struct check *c =
				parse_check(r, file->path, n->kids[i],
					    &is_nomem, d);
			if (is_nomem)
				goto nomem;
			if (!c)
				continue;
			bool is_dup = false;
			for (size_t j = first; j < cs->n; j++)
				if (!strcmp(cs->v[j]->id, c->id)) {
					const struct fc_ynode *idn =
						fc_ymap_get(c->node, "id");
					fc_diag_add(
						d, FC_ESCHEMA, &idn->loc,
						"duplicate check id '%s' "
						"(first at line %u)",
						c->id,
						(unsigned)cs->v[j]->node->loc.line);
					is_dup = true;
					break;
				}
			if (!is_dup && !push_check(&r->arena, cs, c))
				goto nomem;
		}
	}
	return d->nerr > nerr0 ? FC_ESCHEMA : FC_OK;
nomem:
	fc_diag_add(d, FC_ENOMEM, &floc, "out of memory");
	return FC_ENOMEM;
}

/* ---- compile ------------------------------------------------------------ */

/* The schema type of slot `name` of kind k, or -1 (reported at n). */
static int slot_type(const struct fc_rules *r, const char *k,
		     const struct fc_ynode *n, const char *name,
		     struct fc_diags *d)
{
	const char *best;
	const char *t = fc_claims_slot_type(r, k, name, &best);
	if (!t) {
		if (best)
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "'%s' is not a slot of fact kind '%s' (did "
				    "you mean '%s'?)",
				    name, k, best);
		else
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "'%s' is not a slot of fact kind '%s'", name,
				    k);
		return -1;
	}
	int i = fc_name_index(t, slot_type_names);
	if (i < 0)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "slot '%s' of fact kind '%s' has type '%s', which "
			    "checks do not know",
			    name, k, t);
	return i;
}

/* Resolve c against the fact kinds; false when it has an error. */
static bool resolve_check(const struct fc_rules *r,
			  struct check *c, struct fc_diags *d)
{
	struct check_load *l = (struct check_load *)c;
	const char *best;
	const char *k = fc_claims_slot_type(r, c->kind, NULL, &best);
	if (!k) {
		if (best)
			fc_diag_add(d, FC_ESCHEMA, &c->kind_node->loc,
				    "unknown fact kind '%s' (did you mean "
				    "'%s'?)",
				    c->kind, best);
		else
			fc_diag_add(d, FC_ESCHEMA, &c->kind_node->loc,
				    "unknown fact kind '%s' (declare it under "
				    "'facts:' in a claims file)",
				    c->kind);
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i < c->nkey; i++) {
		if (slot_type(r, k, c->key_nodes[i], c->key[i], d) < 0) {
			ok = false;
		} else if (!strcmp(c->key[i], c->field)) {
			fc_diag_add(d, FC_ESCHEMA, &c->key_nodes[i]->loc,
				    "the compared field '%s' cannot be part "
				    "of the key",
				    c->field);
			ok = false;
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(c->key[i], c->key[j])) {
				fc_diag_add(d, FC_ESCHEMA,
					    &c->key_nodes[i]->loc,
					    "key slot '%s' is named twice",
					    c->key[i]);
				ok = false;
			}
	}
	if (c->cmp != CMP_POLARITY || !l->has_compare) {
		int t = slot_type(r, k, c->field_node, c->field, d);
		if (t < 0)
			return false;
		if (!l->has_compare) {
			c->cmp = default_compare[t];
		} else if (!(compare_fits[c->cmp] & (1u << t))) {
			const char *tn = slot_type_names[t];
			fc_diag_add(d, FC_ESCHEMA, &c->cmp_node->loc,
				    "compare '%s' does not fit slot '%s' of "
				    "fact kind '%s' (%s %s slot)",
				    fc_check_compare_names[c->cmp], c->field,
				    k, strchr("aeiou", tn[0]) ? "an" : "a", tn);
			ok = false;
		}
	}
	if (l->tol_form != TOL_NONE) {
		bool fits = (c->cmp == CMP_QUANTITY &&
			     (l->tol_form == TOL_NUMBER ||
			      l->tol_form == TOL_PERCENT)) ||
			    ((c->cmp == CMP_TIME || c->cmp == CMP_DURATION) &&
			     (l->tol_form == TOL_NUMBER ||
			      l->tol_form == TOL_DURATION));
		if (!fits) {
			fc_diag_add(d, FC_ESCHEMA, &l->tol_node->loc,
				    "compare '%s' takes %s",
				    fc_check_compare_names[c->cmp],
				    c->cmp == CMP_QUANTITY
					    ? "a relative tolerance (0.05 or "
					      "5%)"
				    : c->cmp == CMP_TIME ||
						    c->cmp == CMP_DURATION
					    ? "a tolerance in seconds or an "
					      "ISO 8601 duration (P1D)"
					    : "no tolerance");
			ok = false;
		}
	}
	return ok;
}

static int cmp_live(const void *x, const void *y)
{
	const struct check *a = *(struct check *const *)x;
	const struct check *b = *(struct check *const *)y;
	int r = strcmp(a->kind, b->kind);
	return r ? r : strcmp(a->id, b->id);
}

fc_status fc_checks_compile(struct fc_rules *r, struct fc_diags *d)
{
	struct fc_checks *cs = r->checks;
	if (!cs)
		return FC_OK;
	size_t nerr0 = d->nerr;
	cs->live = fc_arena_alloc(&r->arena,
				  (cs->n ? cs->n : 1) * sizeof(*cs->live));
	if (!cs->live) {
		fc_diag_add(d, FC_ENOMEM, NULL, "out of memory");
		return FC_ENOMEM;
	}
	cs->nlive = 0;
	struct tmpl def = {0};
	for (size_t i = 0; i < cs->n; i++) {
		struct check *c = cs->v[i];
		if (c->is_replaced || !resolve_check(r, c, d))
			continue;
		if (!c->msg[MSG_DEFAULT].nparts) {
			/* The built-in default has known placeholders. */
			struct fc_ynode dn = {.type = FC_Y_SCALAR,
					      .str = DEFAULT_MESSAGE,
					      .len = strlen(DEFAULT_MESSAGE)};
			if (!fc_check_tmpl_parse(&r->arena, c, &dn, &def, d))
				return FC_ENOMEM;
			c->msg[MSG_DEFAULT] = def;
		}
		cs->live[cs->nlive++] = c;
	}
	qsort(cs->live, cs->nlive, sizeof(*cs->live), cmp_live);
	return d->nerr > nerr0 ? FC_ESCHEMA : FC_OK;
}

void fc_checks_destroy(struct fc_checks *c)
{
	free(c); /* everything else lives in the rules arena */
}
