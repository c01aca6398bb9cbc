/*
** html_rules.c: read `kind: html` rule files (main-content selection).
**
**   kind: html
**   description: ...
**   settings:                    # thresholds (each key optional)
**     min_paragraph_chars: 25
**     max_link_density: 0.5
**     sibling_ratio: 0.2
**     min_article_chars: 250
**     ancestor_levels: 5
**   metadata:                    # sources per field, first found wins
**     published: ["meta:article:published_time", "jsonld:datePublished",
**                 "time"]
**   rules:
**     - id: html.drop.chrome-words
**       action: drop             # drop | keep | weight
**       strict: false            # drop: true = never lifted by the fallback
**       weight: -25              # weight: added to the element's score
**       tags: [nav, footer]      # selectors, any of them matches
**       words: [related, "advert*"]    # class/id words; '*' = prefix
**       roles: [navigation]      # ARIA role values
**       attrs: [hidden, "aria-hidden=true", "style*=display:none"]
**   tests:                       # run by fc_html_rules_test
**     - html: "<html>...</html>"
**       url: https://example.org/a       # optional
**       content_type: "text/html; charset=iso-8859-1"   # optional
**       expect: [{kind: paragraph, text: "..."}]
**       reject: [{kind: dropped, rule: html.drop.chrome-words}]
**
** A rule whose id was loaded from an earlier file replaces it in place;
** the same id twice in one file is an error. Settings and metadata
** orders of a later file replace the earlier values key by key.
*/
#include <stdlib.h>
#include <string.h>

#include "fetch/fetch_p.h"

const char *const fc_html_meta_fields[META_NFIELDS + 1] = {
	[META_TITLE] = "title",         [META_PUBLISHED] = "published",
	[META_AUTHOR] = "author",       [META_CANONICAL] = "canonical",
	[META_SITE_NAME] = "site_name", [META_NFIELDS] = NULL,
};

static const char *const top_keys[] = {"kind",  "description", "settings",
				       "metadata", "rules", "tests", NULL};
static const char *const rule_keys[] = {"id",     "description", "action",
					"strict", "weight",      "tags",
					"words",  "roles",       "attrs",
					NULL};
static const char *const settings_keys[] = {
	"min_paragraph_chars", "max_link_density", "sibling_ratio",
	"min_article_chars",   "ancestor_levels",  NULL};
static const char *const action_names[] = {"drop", "keep", "weight", NULL};
static const char *const source_kinds[] = {"meta:", "jsonld:", "link:",
					   "title", "h1", "time", NULL};
static const char *const test_keys[] = {"description", "html",   "url",
					"content_type", "expect", "reject",
					NULL};
static const char *const item_keys[] = {"kind", "text", "rule", "tag", NULL};
static const char *const item_kinds[] = {
	"paragraph", "title",     "author",  "published",
	"canonical", "site_name", "dropped", NULL};

void fc_html_settings_default(struct html_settings *s)
{
	s->min_paragraph_chars = 25;
	s->max_link_density = 0.5;
	s->sibling_ratio = 0.2;
	s->min_article_chars = 250;
	s->ancestor_levels = 5;
}

static struct fc_html *get_html(struct fc_rules *r)
{
	if (!r->html) {
		r->html = calloc(1, sizeof(*r->html));
		if (r->html)
			fc_html_settings_default(&r->html->set);
	}
	return r->html;
}

/* The nearest of names within 2 edits, or NULL. */
static const char *nearest(const char *s, const char *const *names)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; names[i]; i++) {
		size_t dist = fc_edit_distance(s, names[i], 2);
		if (dist < bestd) {
			bestd = dist;
			best = names[i];
		}
	}
	return best;
}

static void unknown_name(struct fc_diags *d, const struct fc_ynode *n,
			 const char *what, const char *const *names)
{
	const char *best = nearest(n->str, names);
	if (best) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "unknown %s '%s' (did you mean '%s'?)", what,
			    n->str, best);
		return;
	}
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; names[i]; i++)
		fc_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	fc_diag_add(d, FC_ESCHEMA, &n->loc, "unknown %s '%s' (one of %s)", what,
		    n->str, fc_buf_cstr(&b));
	fc_buf_finish(&b);
}

static int name_index(const char *s, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

/* ---- settings and metadata ------------------------------------------ */

static void load_settings(struct fc_html *h, const struct fc_ynode *n,
			  struct fc_diags *d)
{
	if (n->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "settings must be a mapping");
		return;
	}
	fc_ymap_check_keys(n, settings_keys, "settings", d);
	static const struct {
		const char *key;
		size_t off;
		double lo, hi;
	} tab[] = {
		{"min_paragraph_chars",
		 offsetof(struct html_settings, min_paragraph_chars), 0, 10000},
		{"max_link_density",
		 offsetof(struct html_settings, max_link_density), 0, 1},
		{"sibling_ratio", offsetof(struct html_settings, sibling_ratio),
		 0, 1},
		{"min_article_chars",
		 offsetof(struct html_settings, min_article_chars), 0, 1e7},
		{"ancestor_levels",
		 offsetof(struct html_settings, ancestor_levels), 1, 10},
	};
	for (size_t i = 0; i < sizeof(tab) / sizeof(*tab); i++) {
		const struct fc_ynode *v = fc_ymap_get(n, tab[i].key);
		double x;
		if (!v || !fc_ynode_double(v, tab[i].key, &x, d))
			continue;
		if (x < tab[i].lo || x > tab[i].hi) {
			fc_diag_add(d, FC_ESCHEMA, &v->loc,
				    "%s must be from %g to %g", tab[i].key,
				    tab[i].lo, tab[i].hi);
			continue;
		}
		*(double *)((char *)&h->set + tab[i].off) = x;
	}
}

static bool source_ok(const char *s)
{
	for (size_t i = 0; source_kinds[i]; i++) {
		size_t k = strlen(source_kinds[i]);
		if (source_kinds[i][k - 1] == ':') {
			if (!strncmp(s, source_kinds[i], k) && s[k])
				return true;
		} else if (!strcmp(s, source_kinds[i])) {
			return true;
		}
	}
	return false;
}

static void load_metadata(struct fc_rules *r, struct fc_html *h,
			  const struct fc_ynode *n, struct fc_diags *d)
{
	if (n->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "metadata must be a mapping of field to sources");
		return;
	}
	for (size_t i = 0; i + 1 < n->nkids; i += 2) {
		const struct fc_ynode *k = n->kids[i], *v = n->kids[i + 1];
		int f = name_index(k->str, fc_html_meta_fields);
		if (f < 0) {
			unknown_name(d, k, "metadata field",
				     fc_html_meta_fields);
			continue;
		}
		const char **src;
		size_t nsrc;
		if (!fc_ynode_strlist(&r->arena, v, "metadata sources", &src,
				      &nsrc, d))
			continue;
		bool ok = true;
		for (size_t j = 0; j < nsrc; j++) {
			if (source_ok(src[j]))
				continue;
			const struct fc_ynode *at =
				v->type == FC_Y_SEQ ? v->kids[j] : v;
			fc_diag_add(d, FC_ESCHEMA, &at->loc,
				    "unknown metadata source '%s' (meta:NAME, "
				    "jsonld:KEY, link:REL, title, h1 or time)",
				    src[j]);
			ok = false;
		}
		if (ok) {
			h->meta[f] = src;
			h->nmeta[f] = nsrc;
			h->has_meta[f] = true;
		}
	}
}

/* ---- rules ----------------------------------------------------------- */

/* Lower-case copies of a string list; checks each entry with ok(). */
static bool load_names(struct fc_rules *r, const struct fc_ynode *rule,
		       const char *key, const char ***out, size_t *nout,
		       bool (*ok)(const char *), const char *what,
		       struct fc_diags *d)
{
	const struct fc_ynode *v = fc_ymap_get(rule, key);
	*out = NULL;
	*nout = 0;
	if (!v)
		return true;
	const char **list;
	size_t n;
	if (!fc_ynode_strlist(&r->arena, v, key, &list, &n, d))
		return false;
	bool good = true;
	for (size_t i = 0; i < n; i++) {
		const struct fc_ynode *at = v->type == FC_Y_SEQ ? v->kids[i] : v;
		list[i] = fc_lower(&r->arena, list[i], strlen(list[i]));
		if (!list[i])
			return false;
		if (!ok(list[i])) {
			fc_diag_add(d, FC_ESCHEMA, &at->loc, "bad %s '%s'",
				    what, list[i]);
			good = false;
		}
	}
	*out = list;
	*nout = n;
	return good;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '_' || c == ':' || c == '.';
}

static bool tag_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!is_name_char(*s))
			return false;
	return true;
}

/* A class/id word: name characters, optionally ending in '*'. */
static bool word_ok(const char *s)
{
	if (!*s || *s == '*')
		return false;
	for (; *s; s++)
		if (!is_name_char(*s) && !(*s == '*' && !s[1]))
			return false;
	return true;
}

static bool parse_attr(struct fc_arena *a, const char *s, struct attr_sel *o)
{
	const char *eq = strchr(s, '=');
	size_t nlen = eq ? (size_t)(eq - s) : strlen(s);
	o->op = ATTR_PRESENT;
	if (eq && nlen > 0 && s[nlen - 1] == '*') {
		o->op = ATTR_CONTAINS;
		nlen--;
	} else if (eq) {
		o->op = ATTR_EQUALS;
	}
	if (nlen == 0)
		return false;
	for (size_t i = 0; i < nlen; i++)
		if (!is_name_char(s[i]))
			return false;
	o->name = fc_arena_strndup(a, s, nlen);
	if (!eq) {
		o->value = NULL;
		return o->name != NULL;
	}
	/* CONTAINS compares without spaces: "display: none" ~ "display:none" */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (const char *p = eq + 1; *p; p++)
		if (o->op != ATTR_CONTAINS || *p != ' ')
			fc_buf_addc(&b, *p);
	o->value = fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return o->name && o->value && (o->op != ATTR_CONTAINS || *o->value);
}

static bool any_ok(const char *s)
{
	return *s != '\0';
}

static bool load_attrs(struct fc_rules *r, const struct fc_ynode *rule,
		       struct html_rule *out, struct fc_diags *d)
{
	const struct fc_ynode *v = fc_ymap_get(rule, "attrs");
	const char **list;
	size_t n;
	if (!load_names(r, rule, "attrs", &list, &n, any_ok, "attribute", d))
		return false;
	if (!n)
		return true;
	out->attrs = fc_arena_alloc(&r->arena, n * sizeof(*out->attrs));
	if (!out->attrs)
		return false;
	bool good = true;
	for (size_t i = 0; i < n; i++) {
		const struct fc_ynode *at = v->type == FC_Y_SEQ ? v->kids[i] : v;
		if (!parse_attr(&r->arena, list[i], &out->attrs[i])) {
			fc_diag_add(d, FC_ESCHEMA, &at->loc,
				    "bad attribute selector '%s' (name, "
				    "name=value or name*=value)",
				    list[i]);
			good = false;
		}
	}
	out->nattrs = n;
	return good;
}

/* Parse one rule mapping into *o; false when it has an error. */
static bool load_rule(struct fc_rules *r, const struct fc_ynode *n,
		      struct html_rule *o, struct fc_diags *d)
{
	bool ok = true;
	memset(o, 0, sizeof(*o));
	o->loc = n->loc;
	if (fc_ymap_check_keys(n, rule_keys, "html rule", d))
		ok = false;
	const struct fc_ynode *id = fc_ymap_get(n, "id");
	if (!id) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc, "html rule without an 'id'");
		ok = false;
	} else if (!fc_ynode_str(id, "id", &o->id, d)) {
		ok = false;
	}
	const struct fc_ynode *act = fc_ymap_get(n, "action");
	const char *as;
	if (!act) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "html rule without an 'action' (drop, keep or "
			    "weight)");
		ok = false;
	} else if (!fc_ynode_str(act, "action", &as, d)) {
		ok = false;
	} else {
		int k = name_index(as, action_names);
		if (k < 0) {
			unknown_name(d, act, "action", action_names);
			ok = false;
		} else {
			o->action = (enum html_action)k;
		}
	}
	const struct fc_ynode *w = fc_ymap_get(n, "weight");
	if (w && !fc_ynode_double(w, "weight", &o->weight, d))
		ok = false;
	if (act && ok && o->action == ACT_WEIGHT && !w) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "a weight rule needs 'weight'");
		ok = false;
	}
	if (w && ok && o->action != ACT_WEIGHT) {
		fc_diag_add(d, FC_ESCHEMA, &w->loc,
			    "'weight' only goes with action: weight");
		ok = false;
	}
	const struct fc_ynode *st = fc_ymap_get(n, "strict");
	if (st) {
		if (!fc_ynode_bool(st, "strict", &o->is_strict, d))
			ok = false;
		else if (act && o->action != ACT_DROP) {
			fc_diag_add(d, FC_ESCHEMA, &st->loc,
				    "'strict' only goes with action: drop");
			ok = false;
		}
	}
	ok = load_names(r, n, "tags", &o->tags, &o->ntags, tag_ok, "tag", d) &&
	     ok;
	ok = load_names(r, n, "words", &o->words, &o->nwords, word_ok,
			"class/id word", d) &&
	     ok;
	ok = load_names(r, n, "roles", &o->roles, &o->nroles, tag_ok, "role",
			d) &&
	     ok;
	ok = load_attrs(r, n, o, d) && ok;
	if (ok && !o->ntags && !o->nwords && !o->nroles && !o->nattrs) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "html rule '%s' has no selector (tags, words, "
			    "roles or attrs)",
			    o->id);
		ok = false;
	}
	return ok;
}

static void load_rules(struct fc_rules *r, struct fc_html *h,
		       const struct fc_rulefile *file,
		       const struct fc_ynode *list, struct fc_diags *d)
{
	if (list->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &list->loc,
			    "rules must be a sequence of mappings");
		return;
	}
	for (size_t i = 0; i < list->nkids; i++) {
		const struct fc_ynode *n = list->kids[i];
		if (n->type != FC_Y_MAP) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "an html rule must be a mapping");
			continue;
		}
		struct html_rule o;
		if (!load_rule(r, n, &o, d))
			continue;
		size_t j;
		for (j = 0; j < h->nrules; j++)
			if (!strcmp(h->rules[j].id, o.id))
				break;
		if (j < h->nrules && h->rules[j].loc.file == file->path) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "duplicate html rule id '%s' (first at "
				    "line %u)",
				    o.id, (unsigned)h->rules[j].loc.line);
			continue;
		}
		if (j == h->nrules) {
			void *g = fc_arena_grow(&r->arena, h->rules,
						sizeof(*h->rules),
						&h->caprules, h->nrules + 1);
			if (!g) {
				fc_diag_add(d, FC_ENOMEM, &n->loc,
					    "out of memory");
				return;
			}
			h->rules = g;
			h->nrules++;
		}
		h->rules[j] = o; /* a new rule, or an override in place */
	}
}

/* ---- tests (checked here, run by fc_html_rules_test) ----------------- */

static void check_items(const struct fc_ynode *list, const char *what,
			struct fc_diags *d)
{
	if (list->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &list->loc,
			    "%s must be a sequence of items", what);
		return;
	}
	for (size_t i = 0; i < list->nkids; i++) {
		const struct fc_ynode *it = list->kids[i];
		if (it->type != FC_Y_MAP) {
			fc_diag_add(d, FC_ESCHEMA, &it->loc,
				    "an %s item must be a mapping", what);
			continue;
		}
		fc_ymap_check_keys(it, item_keys, "test item", d);
		const struct fc_ynode *k = fc_ymap_get(it, "kind");
		const char *ks;
		if (!k) {
			fc_diag_add(d, FC_ESCHEMA, &it->loc,
				    "test item without a 'kind'");
			continue;
		}
		if (fc_ynode_str(k, "kind", &ks, d) &&
		    name_index(ks, item_kinds) < 0)
			unknown_name(d, k, "item kind", item_kinds);
		for (size_t j = 0; j + 1 < it->nkids; j += 2) {
			const char *s;
			fc_ynode_str(it->kids[j + 1], it->kids[j]->str, &s, d);
		}
	}
}

static void check_tests(const struct fc_ynode *tests, struct fc_diags *d)
{
	if (tests->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &tests->loc,
			    "tests must be a sequence");
		return;
	}
	for (size_t i = 0; i < tests->nkids; i++) {
		const struct fc_ynode *t = tests->kids[i];
		const char *s;
		if (t->type != FC_Y_MAP) {
			fc_diag_add(d, FC_ESCHEMA, &t->loc,
				    "a test must be a mapping");
			continue;
		}
		fc_ymap_check_keys(t, test_keys, "html test", d);
		const struct fc_ynode *html = fc_ymap_get(t, "html");
		if (!html)
			fc_diag_add(d, FC_ESCHEMA, &t->loc,
				    "html test without 'html'");
		else
			fc_ynode_str(html, "html", &s, d);
		const struct fc_ynode *v;
		if ((v = fc_ymap_get(t, "url")))
			fc_ynode_str(v, "url", &s, d);
		if ((v = fc_ymap_get(t, "content_type")))
			fc_ynode_str(v, "content_type", &s, d);
		if ((v = fc_ymap_get(t, "expect")))
			check_items(v, "expect", d);
		if ((v = fc_ymap_get(t, "reject")))
			check_items(v, "reject", d);
	}
}

/* ---- entry points ---------------------------------------------------- */

fc_status fc_html_add(struct fc_rules *r, const struct fc_rulefile *file,
		      struct fc_diags *d)
{
	struct fc_html *h = get_html(r);
	if (!h)
		return FC_ENOMEM;
	size_t nerr = d->nerr;
	const struct fc_ynode *root = file->root, *v;
	h->is_compiled = false;
	fc_ymap_check_keys(root, top_keys, "an html rule file", d);
	if ((v = fc_ymap_get(root, "description"))) {
		const char *s;
		fc_ynode_str(v, "description", &s, d);
	}
	if ((v = fc_ymap_get(root, "settings")))
		load_settings(h, v, d);
	if ((v = fc_ymap_get(root, "metadata")))
		load_metadata(r, h, v, d);
	if ((v = fc_ymap_get(root, "rules")))
		load_rules(r, h, file, v, d);
	if ((v = fc_ymap_get(root, "tests")))
		check_tests(v, d);
	return d->nerr > nerr ? FC_ESCHEMA : FC_OK;
}

static int cmp_key(const void *pa, const void *pb)
{
	const struct html_key *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	return a->rule < b->rule ? -1 : a->rule > b->rule;
}

static fc_status add_key(struct fc_arena *a, struct html_key **v, size_t *n,
			 size_t *cap, const char *s, uint32_t rule)
{
	void *g = fc_arena_grow(a, *v, sizeof(**v), cap, *n + 1);
	if (!g)
		return FC_ENOMEM;
	*v = g;
	size_t len = strlen(s);
	bool is_prefix = len && s[len - 1] == '*';
	(*v)[*n] = (struct html_key){
		.key = is_prefix ? fc_arena_strndup(a, s, len - 1) : s,
		.len = is_prefix ? len - 1 : len,
		.rule = rule,
		.is_prefix = is_prefix,
	};
	if (!(*v)[*n].key)
		return FC_ENOMEM;
	(*n)++;
	return FC_OK;
}

fc_status fc_html_compile(struct fc_rules *r, struct fc_diags *d)
{
	struct fc_html *h = r->html;
	if (!h)
		return FC_OK;
	size_t ctag = 0, cword = 0, cpre = 0;
	h->ntagkeys = h->nwordkeys = h->nprefixkeys = 0;
	h->tagkeys = h->wordkeys = h->prefixkeys = NULL;
	fc_status st = FC_OK;
	for (uint32_t i = 0; i < h->nrules && !st; i++) {
		const struct html_rule *ru = &h->rules[i];
		for (size_t j = 0; j < ru->ntags && !st; j++)
			st = add_key(&r->arena, &h->tagkeys, &h->ntagkeys,
				     &ctag, ru->tags[j], i);
		for (size_t j = 0; j < ru->nwords && !st; j++) {
			size_t len = strlen(ru->words[j]);
			if (ru->words[j][len - 1] == '*')
				st = add_key(&r->arena, &h->prefixkeys,
					     &h->nprefixkeys, &cpre,
					     ru->words[j], i);
			else
				st = add_key(&r->arena, &h->wordkeys,
					     &h->nwordkeys, &cword,
					     ru->words[j], i);
		}
	}
	if (st) {
		fc_diag_add(d, st, NULL, "html rules: out of memory");
		return st;
	}
	if (h->ntagkeys)
		qsort(h->tagkeys, h->ntagkeys, sizeof(*h->tagkeys), cmp_key);
	if (h->nwordkeys)
		qsort(h->wordkeys, h->nwordkeys, sizeof(*h->wordkeys), cmp_key);
	h->is_compiled = true;
	return FC_OK;
}

void fc_html_destroy(struct fc_html *h)
{
	free(h); /* everything else is in the rules arena */
}
