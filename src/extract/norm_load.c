/*
** norm_load.c: normalizer rule files (kind: normalizer) -> definitions.
**
** Checks every key and type with positions and keeps going, so one run
** reports every problem. Tables, macros and patterns are global across
** files: a later file's table, macro or pattern of the same name or id
** replaces the earlier one (the --rules override); a pattern id used
** twice in one file is an error. Regexes are compiled later, in
** fc_norm_compile(), once every table is known.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

const char *const norm_slot_names[NSLOTS] = {
	"year", "month", "day", "weekday", "season", "quarter", "part",
	"hour", "minute", "ampm", "rel", "num", "unit", "ago", "mod",
	"hedge", "scale", "currency", "decade", "value", "type",
	"year2", "month2", "day2", "num2", "scale2", "future",
	"second", "holiday", "den", "sign", "hedge2", "base", "yrel",
	"reading", "zone", "snum", "sunit", "sago", "cents",
};

const char *const norm_prod_names[NPRODS] = {
	"date", "weekday", "relative", "decade", "duration", "set",
	"literal", "date_range", "time_of_day", "holiday", "nth_weekday",
	"shift", "nth_in", "closest",
	"quantity",
	"quantity_range", "quantity_vague", "ordinal", "mask",
};

/* An identifier: [a-z_][a-z0-9_]*. */
static bool is_ident(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '_'))
			return false;
	return true;
}

static struct fc_norm *get_norm(struct fc_rules *r)
{
	if (!r->norm)
		r->norm = fc_arena_alloc(&r->arena, sizeof(*r->norm));
	return r->norm;
}

static bool check_name(const struct fc_ynode *k, const char *what,
		       struct fc_diags *d)
{
	if (is_ident(k->str))
		return true;
	fc_diag_add(d, FC_ESCHEMA, &k->loc,
		    "%s name '%s' must be lower-case letters, digits and '_'",
		    what, k->str);
	return false;
}

static void add_table(struct fc_rules *r, struct fc_norm *n,
		      const struct fc_rulefile *f, const struct fc_ynode *k,
		      const struct fc_ynode *v, struct fc_diags *d)
{
	if (!check_name(k, "table", d))
		return;
	if (v->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "table '%s' must be a mapping of words to values",
			    k->str);
		return;
	}
	struct norm_table t = {
		.name = k->str, .file = f->path, .node = v, .name_node = k};
	size_t cnt = v->nkids / 2;
	t.keys = fc_arena_alloc(&r->arena, (cnt + 1) * sizeof(*t.keys));
	t.vals = fc_arena_alloc(&r->arena, (cnt + 1) * sizeof(*t.vals));
	t.nums = fc_arena_alloc(&r->arena, (cnt + 1) * sizeof(*t.nums));
	if (!t.keys || !t.vals || !t.nums)
		return;
	bool ok = true;
	for (size_t i = 0; i + 1 < v->nkids; i += 2) {
		const struct fc_ynode *ek = v->kids[i], *ev = v->kids[i + 1];
		if (ek->len == 0) {
			fc_diag_add(d, FC_ESCHEMA, &ek->loc,
				    "empty word in table '%s'", k->str);
			ok = false;
			continue;
		}
		if (ev->type != FC_Y_SCALAR || fc_ynode_is_null(ev)) {
			fc_diag_add(d, FC_ESCHEMA, &ev->loc,
				    "value of '%s' in table '%s' must be a "
				    "scalar",
				    ek->str, k->str);
			ok = false;
			continue;
		}
		char *end;
		double x = strtod(ev->str, &end);
		t.keys[t.n] = ek->str;
		t.vals[t.n] = ev->str;
		t.nums[t.n] = (*end || end == ev->str) ? NAN : x;
		t.n++;
	}
	if (!ok)
		return;
	for (size_t i = 0; i < n->ntables; i++) {
		if (strcmp(n->tables[i].name, t.name))
			continue;
		const struct norm_table *was = &n->tables[i];
		bool is_first = !was->first_file;
		t.first_file = is_first ? was->file : was->first_file;
		t.first_keys = is_first ? was->keys : was->first_keys;
		t.first_n = is_first ? was->n : was->first_n;
		n->tables[i] = t; /* a later file replaces */
		return;
	}
	void *g = fc_arena_grow(&r->arena, n->tables, sizeof(*n->tables),
				&n->captables, n->ntables + 1);
	if (!g)
		return;
	n->tables = g;
	n->tables[n->ntables++] = t;
}

static void add_macro(struct fc_rules *r, struct fc_norm *n,
		      const struct fc_rulefile *f, const struct fc_ynode *k,
		      const struct fc_ynode *v, struct fc_diags *d)
{
	const char *s;
	if (!check_name(k, "macro", d) ||
	    !fc_ynode_str(v, "a macro", &s, d))
		return;
	struct norm_macro m = {k->str, f->path, v};
	for (size_t i = 0; i < n->nmacros; i++)
		if (!strcmp(n->macros[i].name, m.name)) {
			n->macros[i] = m;
			return;
		}
	void *g = fc_arena_grow(&r->arena, n->macros, sizeof(*n->macros),
				&n->capmacros, n->nmacros + 1);
	if (!g)
		return;
	n->macros = g;
	n->macros[n->nmacros++] = m;
}

static int find_name(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, list[i]))
			return (int)i;
	return -1;
}

static bool load_set(struct norm_pattern *p, const struct fc_ynode *v,
		     struct fc_diags *d)
{
	if (v->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "set must be a mapping of slots to values");
		return false;
	}
	bool ok = true;
	for (size_t i = 0; i + 1 < v->nkids; i += 2) {
		const struct fc_ynode *k = v->kids[i], *x = v->kids[i + 1];
		int s = find_name(k->str, norm_slot_names, NSLOTS);
		if (s < 0) {
			const char *b = fc_nearest(k->str, norm_slot_names,
						NSLOTS);
			if (b)
				fc_diag_add(d, FC_ESCHEMA, &k->loc,
					    "unknown slot '%s' (did you mean "
					    "'%s'?)",
					    k->str, b);
			else
				fc_diag_add(d, FC_ESCHEMA, &k->loc,
					    "unknown slot '%s'", k->str);
			ok = false;
			continue;
		}
		const char *str;
		if (!fc_ynode_str(x, "a set value", &str, d)) {
			ok = false;
			continue;
		}
		p->set[s] = str;
	}
	return ok;
}

/*
** anchor: a word, a list of words (any of them triggers the pattern), or
** a list of such lists (groups: the pattern needs a word of each, every
** group its own word).
*/
static bool load_anchor(struct fc_rules *r, struct norm_pattern *p,
			const struct fc_ynode *v, struct fc_diags *d)
{
	p->anchor_node = v;
	if (v->type != FC_Y_SEQ || !v->nkids || v->kids[0]->type != FC_Y_SEQ) {
		bool ok = fc_ynode_strlist(&r->arena, v, "anchor", &p->anchors,
					   &p->nanchors, d);
		p->ngroups = p->nanchors ? 1 : 0;
		return ok;
	}
	if (v->nkids > NORM_ANCHOR_GROUPS) {
		fc_diag_add(d, FC_ESCHEMA, &v->kids[NORM_ANCHOR_GROUPS]->loc,
			    "anchor takes at most %d groups",
			    NORM_ANCHOR_GROUPS);
		return false;
	}
	size_t total = 0;
	bool ok = true;
	for (size_t g = 0; g < v->nkids; g++) {
		const struct fc_ynode *k = v->kids[g];
		if (k->type != FC_Y_SEQ || !k->nkids) {
			fc_diag_add(d, FC_ESCHEMA, &k->loc,
				    "an anchor group must be a list of one or "
				    "more words");
			ok = false;
			continue;
		}
		total += k->nkids;
	}
	if (!ok)
		return false;
	p->anchors = fc_arena_alloc(&r->arena, total * sizeof(*p->anchors));
	p->anchor_group = fc_arena_alloc(&r->arena, total);
	if (!p->anchors || !p->anchor_group)
		return false;
	for (size_t g = 0; g < v->nkids; g++) {
		const struct fc_ynode *k = v->kids[g];
		for (size_t i = 0; i < k->nkids; i++) {
			if (!fc_ynode_str(k->kids[i], "an anchor word",
					  &p->anchors[p->nanchors], d)) {
				ok = false;
				continue;
			}
			p->anchor_group[p->nanchors++] = (uint8_t)g;
		}
	}
	p->ngroups = (uint8_t)v->nkids;
	return ok;
}

/* `after:` / `not_after:`, a table name or a list of at most
** NORM_AFTER_TABLES of them (resolved once every table is read:
** norm_after_resolve); v, or NULL when malformed. */
static const struct fc_ynode *load_after(const struct fc_ynode *v,
					 const char *key, struct fc_diags *d)
{
	if (v->type == FC_Y_SCALAR && v->len)
		return v;
	bool ok = v->type == FC_Y_SEQ && v->nkids &&
		  v->nkids <= NORM_AFTER_TABLES;
	for (size_t i = 0; ok && i < v->nkids; i++)
		ok = v->kids[i]->type == FC_Y_SCALAR && v->kids[i]->len;
	if (!ok)
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "%s must be a table name or a list of 1 to %d "
			    "table names",
			    key, NORM_AFTER_TABLES);
	return ok ? v : NULL;
}

/* anchor_next: a boolean, on a pattern whose anchor is one group. */
static bool load_next(struct norm_pattern *p, const struct fc_ynode *v,
		      struct fc_diags *d)
{
	if (!fc_ynode_bool(v, "anchor_next", &p->is_next, d))
		return false;
	const char *why = NULL;
	if (p->is_next && !p->nanchors)
		why = "anchor_next needs an anchor";
	else if (p->is_next && p->ngroups > 1)
		why = "anchor_next takes an anchor of one group";
	if (why)
		fc_diag_add(d, FC_ESCHEMA, &v->loc, "%s", why);
	return !why;
}

static void add_pattern(struct fc_rules *r, struct fc_norm *n,
			const struct fc_rulefile *f,
			const struct fc_ynode *node, struct fc_diags *d)
{
	static const char *const keys[] = {
		"id", "match", "production", "anchor", "anchor_within",
		"anchor_next", "set", "span", "case", "priority",
		"description", "after", "not_after", NULL,
	};
	if (node->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &node->loc,
			    "a pattern must be a mapping with id, match and "
			    "production");
		return;
	}
	bool ok = fc_ymap_check_keys(node, keys, "a pattern", d) == 0;
	struct norm_pattern p = {.file = f->path, .node = node,
				 .is_caseless = true, .within = -1};
	const struct fc_ynode *v;
	const char *s;
	if (!(v = fc_ymap_get(node, "id"))) {
		fc_diag_add(d, FC_ESCHEMA, &node->loc, "pattern without 'id'");
		ok = false;
	} else if (fc_ynode_str(v, "id", &p.id, d)) {
		if (!*p.id) {
			fc_diag_add(d, FC_ESCHEMA, &v->loc, "empty id");
			ok = false;
		}
	} else {
		ok = false;
	}
	if (!(p.match = fc_ymap_get(node, "match"))) {
		fc_diag_add(d, FC_ESCHEMA, &node->loc,
			    "pattern '%s' has no 'match'", p.id ? p.id : "?");
		ok = false;
	} else if (!fc_ynode_str(p.match, "match", &s, d)) {
		ok = false;
	}
	if (!(v = fc_ymap_get(node, "production"))) {
		fc_diag_add(d, FC_ESCHEMA, &node->loc,
			    "pattern '%s' has no 'production'",
			    p.id ? p.id : "?");
		ok = false;
	} else if (fc_ynode_str(v, "production", &s, d)) {
		int k = find_name(s, norm_prod_names, NPRODS);
		if (k < 0) {
			const char *b = fc_nearest(s, norm_prod_names, NPRODS);
			if (b)
				fc_diag_add(d, FC_ESCHEMA, &v->loc,
					    "unknown production '%s' (did you "
					    "mean '%s'?)",
					    s, b);
			else
				fc_diag_add(d, FC_ESCHEMA, &v->loc,
					    "unknown production '%s'", s);
			ok = false;
		} else {
			p.prod = (enum norm_prod)k;
		}
	} else {
		ok = false;
	}
	if ((v = fc_ymap_get(node, "anchor")))
		ok = load_anchor(r, &p, v, d) && ok;
	long long within;
	if ((v = fc_ymap_get(node, "anchor_within"))) {
		p.within_node = v;
		if (!fc_ynode_int(v, "anchor_within", 0, NORM_WITHIN_MAX,
				  &within, d)) {
			ok = false;
		} else if (!p.nanchors) {
			fc_diag_add(d, FC_ESCHEMA, &v->loc,
				    "anchor_within needs an anchor");
			ok = false;
		} else {
			p.within = (int32_t)within;
		}
	}
	if ((v = fc_ymap_get(node, "anchor_next")))
		ok = load_next(&p, v, d) && ok;
	if ((v = fc_ymap_get(node, "after")))
		ok = (p.after_node = load_after(v, "after", d)) && ok;
	if ((v = fc_ymap_get(node, "not_after")))
		ok = (p.not_after_node = load_after(v, "not_after", d)) && ok;
	if ((v = fc_ymap_get(node, "set")))
		ok = load_set(&p, v, d) && ok;
	if ((v = fc_ymap_get(node, "span")))
		ok = fc_ynode_str(v, "span", &p.span_slot, d) && ok;
	if ((v = fc_ymap_get(node, "case")) && fc_ynode_str(v, "case", &s, d)) {
		if (!strcmp(s, "sensitive")) {
			p.is_caseless = false;
		} else if (strcmp(s, "insensitive")) {
			fc_diag_add(d, FC_ESCHEMA, &v->loc,
				    "case must be 'sensitive' or "
				    "'insensitive', not '%s'",
				    s);
			ok = false;
		}
	}
	long long pri;
	if ((v = fc_ymap_get(node, "priority"))) {
		if (fc_ynode_int(v, "priority", -1000, 1000, &pri, d))
			p.priority = (int)pri;
		else
			ok = false;
	}
	if (!ok || !p.id)
		return;
	/* a later file's rule of the same id replaces the earlier one: a
	** hash first (a strcmp with each pattern before, 0.9 M a start) */
	p.id_hash = norm_hash_str(0, p.id, strlen(p.id));
	for (size_t i = 0; i < n->npatterns; i++) {
		struct norm_pattern *o = &n->patterns[i];
		if (o->id_hash != p.id_hash || strcmp(o->id, p.id))
			continue;
		if (o->file == f->path) {
			fc_diag_add(d, FC_ESCHEMA,
				    &fc_ymap_get(node, "id")->loc,
				    "duplicate pattern id '%s' (first at "
				    "line %u)",
				    p.id, (unsigned)o->node->loc.line);
			return;
		}
		*o = p; /* a later file's rule replaces the earlier one */
		return;
	}
	if (n->npatterns == n->cappatterns) {
		/* malloc'd, not in the arena (fc_norm_destroy frees it): a
		** pattern is 5 KB, and doubling in the arena would clear and
		** copy the whole array each time */
		size_t cap = n->cappatterns ? 2 * n->cappatterns : 64;
		void *g = realloc(n->patterns, cap * sizeof(*n->patterns));
		if (!g) {
			fc_diag_add(d, FC_ENOMEM, &node->loc, "out of memory");
			return;
		}
		n->patterns = g;
		n->cappatterns = cap;
	}
	n->patterns[n->npatterns++] = p;
}

/*
** options: {prefer: past | nearest | future, shift_grain: unit | finer,
** iso4217: {...}}.
** A later file's setting replaces an earlier one (so `--rules DIR` can
** switch the reading).
*/
static void add_options(struct fc_norm *n, const struct fc_ynode *v,
			struct fc_diags *d)
{
	static const char *const keys[] = {"prefer", "iso4217", "shift_grain",
					   NULL};
	static const char *const prefer[] = {"past", "future", "nearest"};
	if (v->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "options must be a mapping");
		return;
	}
	fc_ymap_check_keys(v, keys, "normalizer options", d);
	const struct fc_ynode *iso = fc_ymap_get(v, "iso4217");
	if (iso && iso->type != FC_Y_MAP)
		fc_diag_add(d, FC_ESCHEMA, &iso->loc,
			    "iso4217 must be a mapping {names: TABLE, codes: "
			    "TABLE, skip: TABLE}");
	else if (iso)
		n->iso4217_node = iso; /* read in fc_norm_compile() */
	const struct fc_ynode *g = fc_ymap_get(v, "shift_grain");
	if (g && g->type == FC_Y_SCALAR && !strcmp(g->str, "finer"))
		n->is_shift_finer = true;
	else if (g && g->type == FC_Y_SCALAR && !strcmp(g->str, "unit"))
		n->is_shift_finer = false;
	else if (g)
		fc_diag_add(d, FC_ESCHEMA, &g->loc,
			    "shift_grain must be unit or finer");
	const struct fc_ynode *p = fc_ymap_get(v, "prefer");
	if (!p)
		return;
	for (int i = 0; i < 3; i++)
		if (p->type == FC_Y_SCALAR && !strcmp(p->str, prefer[i])) {
			n->prefer = i;
			n->prefer_node = p;
			return;
		}
	fc_diag_add(d, FC_ESCHEMA, &p->loc,
		    "prefer must be past, nearest or future");
}

fc_status fc_norm_add(struct fc_rules *r, const struct fc_rulefile *file,
		      struct fc_diags *d)
{
	static const char *const keys[] = {
		"kind", "description", "tests", "tables", "macros",
		"patterns", "options", "table_keys", NULL,
	};
	struct fc_norm *n = get_norm(r);
	if (!n) {
		fc_diag_add(d, FC_ENOMEM, NULL, "out of memory");
		return FC_ENOMEM;
	}
	const struct fc_ynode *root = file->root, *v;
	size_t nerr0 = d->nerr;
	fc_ymap_check_keys(root, keys, "a normalizer file", d);
	if ((v = fc_ymap_get(root, "description")) && v->type != FC_Y_SCALAR)
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "description must be a string, not a %s",
			    v->type == FC_Y_MAP ? "mapping" : "sequence");
	if ((v = fc_ymap_get(root, "tests")) && v->type != FC_Y_SEQ &&
	    !fc_ynode_is_null(v))
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "tests must be a list of cases");
	if ((v = fc_ymap_get(root, "tables")) && !fc_ynode_is_null(v)) {
		if (v->type != FC_Y_MAP)
			fc_diag_add(d, FC_ESCHEMA, &v->loc,
				    "tables must be a mapping of names to "
				    "tables");
		else
			for (size_t i = 0; i + 1 < v->nkids; i += 2)
				add_table(r, n, file, v->kids[i],
					  v->kids[i + 1], d);
	}
	if ((v = fc_ymap_get(root, "macros")) && !fc_ynode_is_null(v)) {
		if (v->type != FC_Y_MAP)
			fc_diag_add(d, FC_ESCHEMA, &v->loc,
				    "macros must be a mapping of names to "
				    "regex fragments");
		else
			for (size_t i = 0; i + 1 < v->nkids; i += 2)
				add_macro(r, n, file, v->kids[i],
					  v->kids[i + 1], d);
	}
	if ((v = fc_ymap_get(root, "options")) && !fc_ynode_is_null(v))
		add_options(n, v, d);
	if ((v = fc_ymap_get(root, "table_keys")) && !fc_ynode_is_null(v))
		norm_keys_add(r, n, v, d);
	if ((v = fc_ymap_get(root, "patterns")) && !fc_ynode_is_null(v)) {
		if (v->type != FC_Y_SEQ)
			fc_diag_add(d, FC_ESCHEMA, &v->loc,
				    "patterns must be a list");
		else
			for (size_t i = 0; i < v->nkids; i++)
				add_pattern(r, n, file, v->kids[i], d);
	}
	return d->nerr > nerr0 ? FC_ESCHEMA : FC_OK;
}

/* ---- Keys and tables by name (the lookups of the compiled rules) ------ */

size_t norm_key(const char *s, size_t len, char *buf, size_t cap)
{
	size_t o = 0;
	bool sp = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = o > 0;
			continue;
		}
		if (sp && o < cap)
			buf[o++] = ' ';
		sp = false;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (o < cap)
			buf[o++] = (char)c;
	}
	return o;
}

uint32_t norm_hash_str(int32_t ns, const char *key, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)ns;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)key[i];
		h *= 16777619u;
	}
	return h ? h : 1;
}

int32_t norm_hash_get(const struct norm_hash *h, int32_t ns, const char *key,
		      size_t len)
{
	if (!h->v)
		return -1;
	uint32_t hv = norm_hash_str(ns, key, len);
	for (size_t i = hv & h->mask;; i = (i + 1) & h->mask) {
		const struct norm_hent *e = &h->v[i];
		if (!e->hash)
			return -1;
		if (e->hash == hv && e->ns == ns && e->len == len &&
		    !memcmp(e->key, key, len))
			return e->val;
	}
}

int norm_table_find(const struct fc_norm *n, const char *name)
{
	for (size_t i = 0; i < n->ntables; i++)
		if (!strcmp(n->tables[i].name, name))
			return (int)i;
	return -1;
}
