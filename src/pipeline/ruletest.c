/*
** ruletest.c: run the golden cases kept in rule files.
**
** A case gives one text (or several sources), runs the whole pipeline
** with the loaded suite, flattens the output of the layer that matches
** the file's kind into items (string fields, list fields), and checks
** that every `expect` entry matches an item of its own (two equal entries
** need two items) and no `reject` entry
** matches any. Fields compare as strings; an expected list compares as
** a multiset with a list field; an expected scalar matches a list field
** that contains it.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_ref.h"
#include "stages.h"
#include "pipeline/ruletest.h"
#include "ruletest_p.h"

static const struct field *find_field(const struct item *x, const char *key)
{
	for (size_t i = 0; i < x->n; i++)
		if (!strcmp(x->f[i].key, key))
			return &x->f[i];
	return NULL;
}

/* Multiset equality of an expected sequence and a list field. */
static int same_multiset(const struct fc_ynode *seq, const struct field *f)
{
	if (seq->nkids != f->nlist || f->nlist > 64)
		return 0;
	unsigned char used[64] = {0};
	for (size_t i = 0; i < seq->nkids; i++) {
		const struct fc_ynode *e = seq->kids[i];
		if (e->type != FC_Y_SCALAR)
			return 0;
		size_t j;
		for (j = 0; j < f->nlist; j++)
			if (!used[j] && !strcmp(f->list[j], e->str))
				break;
		if (j == f->nlist)
			return 0;
		used[j] = 1;
	}
	return 1;
}

/* Does item x satisfy the expected field key: v? */
static int field_matches(const struct item *x, const char *key,
			 const struct fc_ynode *v)
{
	const struct field *f = find_field(x, key);
	if (fc_ynode_is_null(v))
		return !f; /* `mod: ~` means: no such field */
	if (!f)
		return 0;
	if (v->type == FC_Y_SEQ) {
		if (f->val)
			return v->nkids == 1 && v->kids[0]->type == FC_Y_SCALAR &&
			       !strcmp(v->kids[0]->str, f->val);
		return same_multiset(v, f);
	}
	if (v->type != FC_Y_SCALAR)
		return 0;
	if (f->val)
		return !strcmp(f->val, v->str);
	for (size_t j = 0; j < f->nlist; j++)
		if (!strcmp(f->list[j], v->str))
			return 1;
	return 0;
}

/* How many fields of want x satisfies. */
static size_t fields_matched(const struct item *x, const struct fc_ynode *want)
{
	size_t n = 0;
	for (size_t i = 0; i + 1 < want->nkids; i += 2)
		n += (size_t)field_matches(x, want->kids[i]->str,
					   want->kids[i + 1]);
	return n;
}

static int item_matches(const struct item *x, const struct fc_ynode *want)
{
	return fields_matched(x, want) == want->nkids / 2;
}

static void print_field_value(struct fc_buf *out, const struct field *f)
{
	if (f->val) {
		fc_json_str(out, f->val);
		return;
	}
	fc_buf_addc(out, '[');
	for (size_t j = 0; j < f->nlist; j++) {
		if (j)
			fc_buf_adds(out, ", ");
		fc_json_str(out, f->list[j]);
	}
	fc_buf_addc(out, ']');
}

static void print_item(struct fc_buf *out, const struct item *x)
{
	fc_buf_adds(out, "{");
	size_t shown = 0;
	for (size_t i = 0; i < x->n; i++) {
		const struct field *f = &x->f[i];
		if (!strcmp(f->key, "message"))
			continue;
		fc_buf_printf(out, "%s%s: ", shown++ ? ", " : "", f->key);
		print_field_value(out, f);
	}
	fc_buf_adds(out, "}");
}

static void print_want(struct fc_buf *out, const struct fc_ynode *w)
{
	if (w->type == FC_Y_SCALAR) {
		fc_json_str(out, w->str);
		return;
	}
	fc_buf_adds(out, w->type == FC_Y_MAP ? "{" : "[");
	for (size_t i = 0; i < w->nkids; i++) {
		if (w->type == FC_Y_MAP) {
			if (i % 2 == 0) {
				fc_buf_printf(out, "%s%s: ", i ? ", " : "",
					      w->kids[i]->str);
				continue;
			}
		} else if (i) {
			fc_buf_adds(out, ", ");
		}
		print_want(out, w->kids[i]);
	}
	fc_buf_adds(out, w->type == FC_Y_MAP ? "}" : "]");
}

enum layer { LAYER_TEXT, LAYER_MENTIONS, LAYER_FACTS, LAYER_FINDINGS,
	     LAYER_GROUPS };

static enum layer layer_of(const char *kind)
{
	if (!strcmp(kind, "boilerplate"))
		return LAYER_TEXT;
	if (!strcmp(kind, "claims"))
		return LAYER_FACTS;
	if (!strcmp(kind, "checks"))
		return LAYER_FINDINGS;
	if (!strcmp(kind, "independence"))
		return LAYER_GROUPS;
	return LAYER_MENTIONS;
}

static const char *const case_keys[] = {"name", "note", "text", "ref",
					"sources", "expect", "reject", NULL};
static const char *const source_keys[] = {"id", "text", "ref", "outlet",
					  "derived_from", NULL};

/* Every field an item can have (ruletest_items.c), bar a fact's slots.
** An entry naming any other field could never match, so a reject of it
** would pass whatever the rules do: it is an error in the file. */
static const char *const item_fields[] = {
	"a",	    "attribution", "b",	      "country", "detail", "field",
	"grain",    "group",	   "high",    "id",	 "independent_sources",
	"kind",	    "label",	   "low",     "message", "mod",	   "modality",
	"partial",  "polarity",	   "reason",  "role",	 "rule",   "source",
	"sources",  "speaker",	   "status",  "text",	 "type",   "unit",
	"value",    NULL};

/* Report the fields of entry w (of list `list`) no item can have; facts
** may also name the slots of their kind (when w names no declared kind,
** any name is let through: the slots are the schema's). Returns how
** many. */
static size_t check_fields(const struct fc_rules *r, enum layer layer,
			   const struct fc_ynode *w, const char *list,
			   struct fc_diags *d)
{
	const struct fc_ynode *kn = fc_ymap_get(w, "kind");
	const char *kind = kn && kn->type == FC_Y_SCALAR ? kn->str : NULL;
	size_t bad = 0;
	for (size_t i = 0; i + 1 < w->nkids; i += 2) {
		const struct fc_ynode *k = w->kids[i];
		const char *hint = NULL;
		if (fc_name_index(k->str, item_fields) >= 0)
			continue;
		if (layer == LAYER_FACTS &&
		    (!kind || !fc_claims_slot_type(r, kind, NULL, NULL) ||
		     fc_claims_slot_type(r, kind, k->str, &hint)))
			continue;
		if (!hint)
			hint = fc_nearest(k->str, item_fields, (size_t)-1);
		bad++;
		if (hint)
			fc_diag_add(d, FC_ESCHEMA, &k->loc,
				    "unknown field '%s' in a '%s' entry (did "
				    "you mean '%s'?)",
				    k->str, list, hint);
		else
			fc_diag_add(d, FC_ESCHEMA, &k->loc,
				    "unknown field '%s' in a '%s' entry",
				    k->str, list);
	}
	return bad;
}

static bool check_ref(const struct fc_ynode *n, const char **out,
		      struct fc_diags *d)
{
	struct norm_ref r;
	if (!n)
		return true;
	if (!fc_ynode_str(n, "ref", out, d))
		return false;
	if (!fc_norm_ref_parse(*out, &r)) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "ref must be a date YYYY-MM-DD or a date and time "
			    "YYYY-MM-DDThh:mm[:ss][zone], not '%s'", *out);
		return false;
	}
	return true;
}

/* Build the corpus of one case; false on a malformed case. */
static bool build_case(struct fc_corpus *c, const struct fc_ynode *tc,
		       struct fc_diags *d)
{
	const struct fc_ynode *text = fc_ymap_get(tc, "text");
	const struct fc_ynode *srcs = fc_ymap_get(tc, "sources");
	const char *ref = NULL;
	if (!check_ref(fc_ymap_get(tc, "ref"), &ref, d))
		return false;
	c->name = "test";
	c->reference_date = ref;
	if (text && srcs) {
		fc_diag_add(d, FC_ESCHEMA, &srcs->loc,
			    "a test case has either 'text' or 'sources'");
		return false;
	}
	if (text) {
		const char *s;
		if (!fc_ynode_str(text, "text", &s, d))
			return false;
		return fc_corpus_add_text(c, "t", ref, s, strlen(s)) == FC_OK &&
		       c->nsources > 0;
	}
	if (!srcs || srcs->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, srcs ? &srcs->loc : &tc->loc,
			    "a test case needs 'text' or a list 'sources'");
		return false;
	}
	for (size_t i = 0; i < srcs->nkids; i++) {
		const struct fc_ynode *s = srcs->kids[i];
		if (s->type != FC_Y_MAP) {
			fc_diag_add(d, FC_ESCHEMA, &s->loc,
				    "each source is a mapping with 'text'");
			return false;
		}
		if (fc_ymap_check_keys(s, source_keys, "a test source", d))
			return false;
		const char *id = NULL, *t = NULL, *sref = ref;
		const struct fc_ynode *idn = fc_ymap_get(s, "id");
		if (idn && !fc_ynode_str(idn, "id", &id, d))
			return false;
		if (!fc_ynode_str(fc_ymap_get(s, "text"), "text", &t, d)) {
			if (!fc_ymap_get(s, "text"))
				fc_diag_add(d, FC_ESCHEMA, &s->loc,
					    "a test source needs 'text'");
			return false;
		}
		if (!check_ref(fc_ymap_get(s, "ref"), &sref, d))
			return false;
		if (!id)
			id = fc_arena_printf(&c->arena, "s%zu", i + 1);
		if (fc_corpus_add_text(c, id, sref, t, strlen(t)) ||
		    c->nsources == 0)
			return false;
		struct fc_source *src = &c->sources[c->nsources - 1];
		const struct fc_ynode *o = fc_ymap_get(s, "outlet");
		const struct fc_ynode *df = fc_ymap_get(s, "derived_from");
		const char *v;
		if (o && fc_ynode_str(o, "outlet", &v, d))
			src->outlet = fc_arena_strdup(&c->arena, v);
		if (df && fc_ynode_str(df, "derived_from", &v, d))
			src->derived_from = fc_arena_strdup(&c->arena, v);
	}
	return true;
}

/* ---- Outcomes per rule ----------------------------------------------------- */

#define NO_RULE "(none)"

/* The stat of rule (created on first use); NULL on out of memory. */
static struct fc_rule_stat *stat_of(struct fc_test_counts *n, const char *rule)
{
	if (!rule || !*rule)
		rule = NO_RULE;
	for (size_t i = 0; i < n->nrules; i++)
		if (!strcmp(n->rules[i].rule, rule))
			return &n->rules[i];
	if (n->nrules == n->caprules) {
		size_t cap = n->caprules ? 2 * n->caprules : 64;
		struct fc_rule_stat *v = realloc(n->rules, cap * sizeof(*v));
		if (!v)
			return NULL;
		n->rules = v;
		n->caprules = cap;
	}
	struct fc_rule_stat *st = &n->rules[n->nrules];
	memset(st, 0, sizeof(*st));
	if (!(st->rule = strdup(rule)))
		return NULL;
	n->nrules++;
	return st;
}

/* The rule an expect or reject entry names, or NULL. */
static const char *want_rule(const struct fc_ynode *w)
{
	const struct fc_ynode *v = fc_ymap_get(w, "rule");
	return v && v->type == FC_Y_SCALAR && !fc_ynode_is_null(v) ? v->str
								   : NULL;
}

static const char *item_rule(const struct item *x)
{
	const struct field *f = x ? find_field(x, "rule") : NULL;
	return f && f->val ? f->val : NULL;
}

/* The produced item satisfying most fields of want (the first of
** equals); NULL when none satisfies any. */
static const struct item *nearest(const struct items *it,
				  const struct fc_ynode *want, size_t *score)
{
	const struct item *best = NULL;
	*score = 0;
	for (size_t j = 0; j < it->n; j++) {
		size_t k = fields_matched(&it->v[j], want);
		if (k > *score) {
			*score = k;
			best = &it->v[j];
		}
	}
	return best;
}

/* Field by field, what want expects and what x has instead. */
static void print_diff(struct fc_buf *out, const struct item *x,
		       const struct fc_ynode *want)
{
	for (size_t i = 0; i + 1 < want->nkids; i += 2) {
		const char *key = want->kids[i]->str;
		const struct fc_ynode *v = want->kids[i + 1];
		if (field_matches(x, key, v))
			continue;
		const struct field *f = find_field(x, key);
		fc_buf_printf(out, "      %s: expected ", key);
		if (fc_ynode_is_null(v))
			fc_buf_adds(out, "no such field");
		else
			print_want(out, v);
		fc_buf_adds(out, ", got ");
		if (f)
			print_field_value(out, f);
		else
			fc_buf_adds(out, "nothing");
		fc_buf_addc(out, '\n');
	}
}

#define NO_OWNER ((size_t)-1)

/* The items expectation i matches, found so far: the items before pos
** were asked (item_matches, once a pair), those that matched are in v. */
struct match_list {
	size_t *v, n, cap, pos;
};

/* The pairing's state; m holds one match_list per expectation. */
struct pairing {
	const struct items *it;
	const struct fc_ynode *expect;
	struct match_list *m;
	size_t *owner;
	unsigned char *seen;
	int oom;
};

/*
** Find the next item expectation i matches after its list, onto the list.
** A search may revisit an expectation once for every other one, and
** item_matches compares strings: each pair is asked once.
** Returns 0 when there is none (or out of memory).
*/
static int grow_matches(struct pairing *p, size_t i)
{
	struct match_list *l = &p->m[i];
	while (l->pos < p->it->n) {
		size_t x = l->pos++;
		if (!item_matches(&p->it->v[x], p->expect->kids[i]))
			continue;
		if (l->n == l->cap) {
			size_t cap = l->cap ? 2 * l->cap : 8;
			size_t *g = realloc(l->v, cap * sizeof *g);
			if (!g) {
				p->oom = 1;
				return 0;
			}
			l->v = g;
			l->cap = cap;
		}
		l->v[l->n++] = x;
		return 1;
	}
	return 0;
}

/* Give expectation i an item of its own: a free one it matches, or else
** one held by an expectation that can move to another (an augmenting
** path): two equal expectations need two items, not one item twice. */
static int claim(struct pairing *p, size_t i)
{
	const struct match_list *l = &p->m[i];
	for (size_t k = 0; k < l->n || grow_matches(p, i); k++) {
		size_t j = l->v[k];
		if (p->owner[j] == NO_OWNER) {
			p->seen[j] = 1;
			p->owner[j] = i;
			return 1;
		}
	}
	for (size_t k = 0; k < l->n; k++) {
		size_t j = l->v[k];
		if (p->seen[j])
			continue;
		p->seen[j] = 1;
		if (claim(p, p->owner[j])) {
			p->owner[j] = i;
			return 1;
		}
	}
	return 0;
}

/* Free what pair_items allocated in p for ne expectations. */
static void pairing_finish(struct pairing *p, size_t ne)
{
	for (size_t i = 0; p->m && i < ne; i++)
		free(p->m[i].v);
	free(p->m);
	free(p->owner);
	free(p->seen);
}

/*
** Pair expectations with distinct items, as many as can be; the item of
** expectation i into got[i] (it->n: none). got holds expect->nkids
** entries. Returns 0, or -1 out of memory.
*/
static int pair_items(const struct items *it, const struct fc_ynode *expect,
		      size_t *got)
{
	size_t ne = expect ? expect->nkids : 0;
	struct pairing p = {.it = it, .expect = expect};
	p.m = calloc(ne + 1, sizeof *p.m);
	p.owner = malloc((it->n + 1) * sizeof *p.owner);
	p.seen = malloc(it->n + 1);
	if (!p.m || !p.owner || !p.seen) {
		pairing_finish(&p, ne);
		return -1;
	}
	for (size_t j = 0; j < it->n; j++)
		p.owner[j] = NO_OWNER;
	for (size_t i = 0; i < ne; i++) {
		memset(p.seen, 0, it->n + 1);
		claim(&p, i);
		got[i] = it->n;
	}
	for (size_t j = 0; j < it->n; j++)
		if (p.owner[j] != NO_OWNER)
			got[p.owner[j]] = j;
	int rc = p.oom ? -1 : 0;
	pairing_finish(&p, ne);
	return rc;
}

/* Check the case's expectations against its items into log. */
static int judge_case(const struct fc_rulefile *file,
		      const struct fc_ynode *expect,
		      const struct fc_ynode *reject, const struct items *it,
		      struct fc_buf *log, struct fc_test_counts *n)
{
	int failed = 0;
	size_t ne = expect ? expect->nkids : 0;
	size_t *got = malloc((ne + 1) * sizeof *got);
	if (!got || pair_items(it, expect, got)) {
		free(got);
		fc_buf_printf(log, "%s: FAIL: out of memory\n", file->path);
		return 1;
	}
	for (size_t i = 0; i < ne; i++) {
		const struct fc_ynode *w = expect->kids[i];
		size_t j = got[i], score;
		n->nexpect++;
		const char *rule = want_rule(w);
		if (j < it->n) {
			struct fc_rule_stat *st =
				stat_of(n, rule ? rule : item_rule(&it->v[j]));
			if (st)
				st->tp++;
			continue;
		}
		const struct item *near = nearest(it, w, &score);
		size_t nwant = w->nkids / 2;
		if (!rule && near && 2 * score >= nwant)
			rule = item_rule(near);
		struct fc_rule_stat *st = stat_of(n, rule);
		if (st)
			st->fn++;
		n->nmissed++;
		failed = 1;
		fc_buf_printf(log, "%s:%u:%u: FAIL: expected ", file->path,
			      (unsigned)w->loc.line, (unsigned)w->loc.col);
		print_want(log, w);
		fc_buf_adds(log, "\n");
		if (near && score == nwant) {
			fc_buf_adds(log, "    each item it matches is claimed by "
					 "another expectation, as: ");
			print_item(log, near);
			fc_buf_adds(log, "\n");
			continue;
		}
		if (!near) {
			fc_buf_adds(log, "    no produced item has any of these "
					 "fields\n");
			continue;
		}
		fc_buf_printf(log, "    nearest item (%zu of %zu fields): ", score,
			      nwant);
		print_item(log, near);
		fc_buf_adds(log, "\n");
		print_diff(log, near, w);
	}
	for (size_t i = 0; reject && i < reject->nkids; i++) {
		const struct fc_ynode *w = reject->kids[i];
		n->nreject++;
		for (size_t j = 0; j < it->n; j++) {
			if (!item_matches(&it->v[j], w))
				continue;
			const char *rule = item_rule(&it->v[j]);
			struct fc_rule_stat *st =
				stat_of(n, rule ? rule : want_rule(w));
			if (st)
				st->fp++;
			n->nrejected++;
			failed = 1;
			fc_buf_printf(log, "%s:%u:%u: FAIL: rejected ",
				      file->path, (unsigned)w->loc.line,
				      (unsigned)w->loc.col);
			print_want(log, w);
			fc_buf_adds(log, " was produced: ");
			print_item(log, &it->v[j]);
			fc_buf_adds(log, "\n");
			break;
		}
	}
	free(got);
	return failed;
}

/* "(name)" of a case, or "" when it has none. */
static void case_title(struct fc_buf *out, const struct fc_rulefile *file,
		       const struct fc_ynode *tc)
{
	const struct fc_ynode *name = fc_ymap_get(tc, "name");
	fc_buf_printf(out, "%s:%u", file->path, (unsigned)tc->loc.line);
	if (name && name->type == FC_Y_SCALAR && name->len)
		fc_buf_printf(out, " (%s)", name->str);
	fc_buf_addc(out, '\n');
}

static void run_case(const struct fc_rules *r, const struct fc_rulefile *file,
		     const struct fc_ynode *tc, int verbose,
		     struct fc_buf *out, struct fc_test_counts *n,
		     struct fc_diags *d)
{
	if (tc->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &tc->loc,
			    "a test case must be a mapping");
		return;
	}
	if (fc_ymap_check_keys(tc, case_keys, "a test case", d))
		return;
	const struct fc_ynode *expect = fc_ymap_get(tc, "expect");
	const struct fc_ynode *reject = fc_ymap_get(tc, "reject");
	const struct fc_ynode *lists[2] = {expect, reject};
	for (int k = 0; k < 2; k++) {
		const struct fc_ynode *l = lists[k];
		if (!l)
			continue;
		if (l->type != FC_Y_SEQ) {
			fc_diag_add(d, FC_ESCHEMA, &l->loc,
				    "'%s' must be a list of mappings",
				    k ? "reject" : "expect");
			return;
		}
		size_t bad = 0;
		for (size_t i = 0; i < l->nkids; i++) {
			if (l->kids[i]->type != FC_Y_MAP) {
				fc_diag_add(d, FC_ESCHEMA, &l->kids[i]->loc,
					    "each entry of '%s' must be a "
					    "mapping of fields",
					    k ? "reject" : "expect");
				return;
			}
			bad += check_fields(r, layer_of(file->kind),
					    l->kids[i], k ? "reject" : "expect",
					    d);
		}
		if (bad)
			return;
	}
	struct fc_corpus *c = fc_corpus_create();
	if (!c)
		return;
	struct fc_diags cd;
	fc_diags_init(&cd);
	struct fc_buf log;
	fc_buf_init(&log, 0);
	n->ncases++;
	int failed = 0;
	if (!build_case(c, tc, d)) {
		fc_corpus_destroy(c);
		fc_diags_finish(&cd);
		fc_buf_finish(&log);
		return;
	}
	enum layer layer = layer_of(file->kind);
	struct fc_verify_opts o = {0};
	o.stop_after = layer == LAYER_TEXT || layer == LAYER_GROUPS ? 1
		       : layer == LAYER_MENTIONS ? 2
		       : layer == LAYER_FACTS    ? 3
						 : 0;
	fc_status st = fc_verify(r, c, &o, &cd);
	struct items it = {.a = &c->arena};
	if (st) {
		fc_buf_printf(&log, "%s:%u:%u: FAIL: the pipeline failed: %s\n",
			      file->path, (unsigned)tc->loc.line,
			      (unsigned)tc->loc.col,
			      cd.n && cd.v[0].msg ? cd.v[0].msg
						  : fc_strerror(st));
		failed = 1;
		goto done;
	}
	for (size_t i = 0; i < c->ndocs; i++) {
		if (layer == LAYER_TEXT)
			rt_text_items(&c->docs[i], &it);
		else if (layer == LAYER_MENTIONS)
			rt_mention_items(&c->docs[i], &it);
	}
	if (layer == LAYER_GROUPS)
		rt_group_items(c, &it);
	else if (layer == LAYER_FACTS)
		rt_fact_items(c, &it);
	else if (layer == LAYER_FINDINGS)
		rt_finding_items(c, &it);
	failed = judge_case(file, expect, reject, &it, &log, n);
done:
	if (failed) {
		n->nfailed++;
		fc_buf_adds(out, "FAIL ");
		case_title(out, file, tc);
		fc_buf_add(out, log.p ? log.p : "", log.len);
		fc_buf_printf(out, "  in the case at %s:%u; it produced %zu "
				   "item%s:\n",
			      file->path, (unsigned)tc->loc.line, it.n,
			      it.n == 1 ? "" : "s");
		for (size_t j = 0; j < it.n && j < 40; j++) {
			fc_buf_adds(out, "    ");
			print_item(out, &it.v[j]);
			fc_buf_adds(out, "\n");
		}
		if (it.n > 40)
			fc_buf_printf(out, "    ... and %zu more\n", it.n - 40);
	} else if (verbose) {
		fc_buf_adds(out, "ok   ");
		case_title(out, file, tc);
	}
	if (log.err && !out->err)
		out->err = log.err;
	fc_buf_finish(&log);
	fc_diags_finish(&cd);
	fc_corpus_destroy(c);
}

static int cmp_stat(const void *x, const void *y)
{
	const struct fc_rule_stat *a = x, *b = y;
	return strcmp(a->rule, b->rule);
}

static int selected(const char *path, const char *const *only)
{
	if (!only)
		return 1;
	for (size_t i = 0; only[i]; i++)
		if (fc_str_ends_with(path, only[i]))
			return 1;
	return 0;
}

fc_status fc_rules_test(const struct fc_rules *r, const char *const *only,
			int verbose, struct fc_buf *out,
			struct fc_test_counts *n, struct fc_diags *d)
{
	memset(n, 0, sizeof(*n));
	fc_status st = FC_OK;
	for (size_t i = 0; i < r->nfiles; i++) {
		const struct fc_rulefile *f = &r->files[i];
		if (!f->root || !f->kind || !selected(f->path, only))
			continue;
		/* HTML extraction cases need pages, not texts: they run in
		** the unit suite (tests/unit/fetch). */
		if (!strcmp(f->kind, "html"))
			continue;
		const struct fc_ynode *tests = fc_ymap_get(f->root, "tests");
		if (!tests)
			continue;
		if (tests->type != FC_Y_SEQ) {
			fc_diag_add(d, FC_ESCHEMA, &tests->loc,
				    "'tests' must be a list of cases");
			continue;
		}
		n->nfiles++;
		size_t failed0 = n->nfailed, cases0 = n->ncases;
		for (size_t k = 0; k < tests->nkids; k++)
			run_case(r, f, tests->kids[k], verbose, out, n, d);
		if (verbose)
			fc_buf_printf(out, "%s: %zu cases, %zu failed\n",
				      f->path, n->ncases - cases0,
				      n->nfailed - failed0);
	}
	if (n->nrules > 1)
		qsort(n->rules, n->nrules, sizeof(*n->rules), cmp_stat);
	if (out->err)
		st = out->err;
	return st;
}

void fc_test_counts_finish(struct fc_test_counts *n)
{
	for (size_t i = 0; i < n->nrules; i++)
		free(n->rules[i].rule);
	free(n->rules);
	n->rules = NULL;
	n->nrules = n->caprules = 0;
}
