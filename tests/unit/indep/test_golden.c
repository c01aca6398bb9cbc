/*
** test_golden.c: the `tests:` cases of every rules/independence file,
** run through fc_indep_groups now (the lead's `factcross test` runs them
** through the whole pipeline once the ingest and text stages land).
**
** Items, as src/pipeline/ruletest.c builds them for kind independence:
**   {kind: group, source, group}              one per source
**   {kind: dependence, a, b, reason, detail}  one per dependent pair
** An `expect` entry must match some item (every field it names equal as
** a string); no item may match a `reject` entry.
*/
#include "indep_test.h"

#include "core/core.h"

#define MAX_FIELDS 6

struct item {
	const char *k[MAX_FIELDS], *v[MAX_FIELDS];
	int n;
};

static void set(struct item *x, const char *k, const char *v)
{
	x->k[x->n] = k;
	x->v[x->n++] = v;
}

static bool item_matches(const struct item *x, const struct fc_ynode *w)
{
	for (size_t i = 0; i + 1 < w->nkids; i += 2) {
		const char *key = w->kids[i]->str;
		const struct fc_ynode *val = w->kids[i + 1];
		if (val->type != FC_Y_SCALAR)
			return false;
		int j;
		for (j = 0; j < x->n; j++)
			if (!strcmp(x->k[j], key))
				break;
		if (j == x->n || !x->v[j] || strcmp(x->v[j], val->str))
			return false;
	}
	return true;
}

static const char *const reasons[] = {"declared", "wire", "reuse", "canonical"};

static size_t items_of(struct fc_corpus *c, struct item *it, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < c->ndocs && n < cap; i++) {
		struct item *x = &it[n++];
		x->n = 0;
		set(x, "kind", "group");
		set(x, "source", c->docs[i].src->id);
		set(x, "group",
		    fc_arena_printf(&c->arena, "%d",
				    (int)c->docs[i].independent_group));
	}
	for (size_t i = 0; i < c->ndeps && n < cap; i++) {
		const struct fc_dependence *p = &c->deps[i];
		struct item *x = &it[n++];
		x->n = 0;
		set(x, "kind", "dependence");
		set(x, "a", c->docs[p->a].src->id);
		set(x, "b", c->docs[p->b].src->id);
		set(x, "reason", reasons[p->reason]);
		set(x, "detail", p->detail);
	}
	return n;
}

static const char *scalar(const struct fc_ynode *m, const char *key)
{
	const struct fc_ynode *n = fc_ymap_get(m, key);
	return n && n->type == FC_Y_SCALAR ? n->str : NULL;
}

static void test_golden(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	size_t ncases = 0, nexpect = 0, nreject = 0, nfail = 0;
	for (size_t f = 0; f < r->nfiles; f++) {
		const struct fc_rulefile *file = &r->files[f];
		const struct fc_ynode *tests = fc_ymap_get(file->root, "tests");
		assert_non_null(tests);
		assert_int_equal(tests->type, FC_Y_SEQ);
		for (size_t ci = 0; ci < tests->nkids; ci++) {
			const struct fc_ynode *tc = tests->kids[ci];
			const struct fc_ynode *srcs =
				fc_ymap_get(tc, "sources");
			assert_non_null(srcs);
			struct tdoc t[32];
			char ids[32][24];
			assert_true(srcs->nkids <= 32);
			for (size_t i = 0; i < srcs->nkids; i++) {
				const struct fc_ynode *s = srcs->kids[i];
				const char *id = scalar(s, "id");
				if (!id) {
					snprintf(ids[i], sizeof(ids[i]), "s%zu",
						 i + 1);
					id = ids[i];
				}
				t[i] = (struct tdoc){id, scalar(s, "text"),
						     scalar(s, "derived_from"),
						     scalar(s, "outlet")};
				assert_non_null(t[i].text);
			}
			struct fc_corpus *c =
				corpus_of(r, t, srcs->nkids, true);
			struct fc_diags d;
			fc_diags_init(&d);
			assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
			assert_int_equal(d.nerr, 0);
			struct item it[600];
			size_t n = items_of(c, it, 600);
			const struct fc_ynode *ex = fc_ymap_get(tc, "expect");
			const struct fc_ynode *rj = fc_ymap_get(tc, "reject");
			for (size_t i = 0; ex && i < ex->nkids; i++) {
				size_t j = 0;
				while (j < n &&
				       !item_matches(&it[j], ex->kids[i]))
					j++;
				nexpect++;
				if (j == n) {
					nfail++;
					fprintf(stderr,
						"%s:%u:%u: FAIL: expected item "
						"not produced\n",
						file->path,
						(unsigned)ex->kids[i]->loc.line,
						(unsigned)ex->kids[i]->loc.col);
				}
			}
			for (size_t i = 0; rj && i < rj->nkids; i++) {
				nreject++;
				for (size_t j = 0; j < n; j++)
					if (item_matches(&it[j], rj->kids[i])) {
						nfail++;
						fprintf(stderr,
							"%s:%u:%u: FAIL: "
							"rejected item "
							"produced\n",
							file->path,
							(unsigned)rj->kids[i]
								->loc.line,
							(unsigned)rj->kids[i]
								->loc.col);
					}
			}
			ncases++;
			fc_diags_finish(&d);
			fc_corpus_destroy(c);
		}
	}
	assert_int_equal(nfail, 0);
	/* reuse.yaml: 3 cases; wire.yaml: 8 cases. */
	assert_int_equal(ncases, 11);
	assert_int_equal(nexpect, 27);
	assert_int_equal(nreject, 14);
	fc_rules_destroy(r);
}

/* The runner's matching fails when it should (no vacuous pass). */
static void test_matcher(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);
	static const char y[] =
		"- {kind: dependence, a: x, b: y, reason: wire}\n"
		"- {kind: dependence, a: x, b: y, reason: reuse}\n"
		"- {kind: dependence, detail: Reuters}\n"
		"- {kind: group}\n";
	struct fc_ynode *root;
	assert_int_equal(fc_yaml_load(&a, "m.yaml", y, strlen(y), &root, &d),
			 FC_OK);
	struct item x = {0};
	set(&x, "kind", "dependence");
	set(&x, "a", "x");
	set(&x, "b", "y");
	set(&x, "reason", "wire");
	set(&x, "detail", "Reuters");
	assert_true(item_matches(&x, root->kids[0]));
	assert_false(item_matches(&x, root->kids[1]));
	assert_true(item_matches(&x, root->kids[2]));
	assert_false(item_matches(&x, root->kids[3]));
	fc_diags_finish(&d);
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
		cmocka_unit_test(test_matcher),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
