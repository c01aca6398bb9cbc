/*
** test_norm_golden.c: run the `tests:` golden cases of every normalizer
** rule file (rules/normalizers/NAME.yaml) against the normalizer alone,
** with the item fields of `factcross test`: kind, text, rule; times:
** type, value, grain, mod; quantities: value, unit, low, high.
*/
#include <stdio.h>

#include "fc_test.h"

/* An item's values are copies in the case's arena, whole: a value cut
** to a fixed size (a mention's text past 63 bytes was) fails a case
** that `factcross test` passes. */
struct item {
	const char *key[10];
	const char *val[10];
	int n;
};

static void put(struct fc_arena *a, struct item *it, const char *k,
		const char *v)
{
	if (it->n >= 10 || !v || !(v = fc_arena_strdup(a, v)))
		return;
	it->key[it->n] = k;
	it->val[it->n] = v;
	it->n++;
}

static void put_num(struct fc_arena *a, struct item *it, const char *k,
		    double x)
{
	struct fc_buf b;
	fc_buf_init(&b, 64);
	fc_json_num(&b, x);
	put(a, it, k, fc_buf_cstr(&b));
	fc_buf_finish(&b);
}

static void make_item(struct fc_arena *a, const struct fc_document *doc,
		      const struct fc_mention *m, struct item *it)
{
	memset(it, 0, sizeof(*it));
	const char *text = fc_arena_strndup(a, doc->text + m->start,
					    m->end - m->start);
	put(a, it, "text", text);
	put(a, it, "rule", m->rule);
	if (m->kind == FC_MENTION_TIME) {
		put(a, it, "kind", "time");
		put(a, it, "type", fc_timex_type_name(m->time.type));
		put(a, it, "value", m->time.value);
		put(a, it, "grain", fc_grain_name(m->time.grain));
		put(a, it, "mod", fc_timex_mod_name(m->time.mod));
	} else {
		put(a, it, "kind", "quantity");
		put_num(a, it, "value", m->quantity.value);
		put(a, it, "unit", m->quantity.unit);
		if (!m->quantity.is_lo_open)
			put_num(a, it, "low", m->quantity.lo);
		if (!m->quantity.is_hi_open)
			put_num(a, it, "high", m->quantity.hi);
	}
}

/* Does item it have every field of the expectation map e? */
static bool item_matches(const struct item *it, const struct fc_ynode *e)
{
	for (size_t i = 0; i + 1 < e->nkids; i += 2) {
		const char *k = e->kids[i]->str;
		const struct fc_ynode *v = e->kids[i + 1];
		int j;
		for (j = 0; j < it->n; j++)
			if (!strcmp(it->key[j], k))
				break;
		if (j == it->n || v->type != FC_Y_SCALAR ||
		    strcmp(it->val[j], v->str))
			return false;
	}
	return true;
}

static int run_case(const struct fc_rules *r, const char *path,
		    const struct fc_ynode *c, size_t *nchecks)
{
	const struct fc_ynode *tn = fc_ymap_get(c, "text");
	const struct fc_ynode *rn = fc_ymap_get(c, "ref");
	if (!tn || tn->type != FC_Y_SCALAR) {
		fprintf(stderr, "%s:%u: case without text\n", path,
			c->loc.line);
		return 1;
	}
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc = {0};
	struct fc_sentence sent = {0, (uint32_t)tn->len, 1};
	doc.text = fc_arena_strdup(&a, tn->str);
	doc.text_len = tn->len;
	doc.published = rn ? rn->str : NULL;
	doc.sentences = &sent;
	doc.nsentences = 1;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_norm_doc(r, &a, &doc, &d);
	fc_diags_finish(&d);
	fc_mentions_finish(&doc);
	struct item *items = fc_arena_alloc(&a, (doc.nmentions + 1) *
						       sizeof(*items));
	for (size_t i = 0; i < doc.nmentions; i++)
		make_item(&a, &doc, &doc.mentions[i], &items[i]);
	int bad = 0;
	const struct fc_ynode *ex = fc_ymap_get(c, "expect");
	for (size_t k = 0; ex && k < ex->nkids; k++) {
		bool ok = false;
		for (size_t i = 0; i < doc.nmentions && !ok; i++)
			ok = item_matches(&items[i], ex->kids[k]);
		(*nchecks)++;
		if (!ok) {
			fprintf(stderr, "%s:%u: expected item not produced\n",
				path, ex->kids[k]->loc.line);
			bad++;
		}
	}
	const struct fc_ynode *rj = fc_ymap_get(c, "reject");
	for (size_t k = 0; rj && k < rj->nkids; k++) {
		(*nchecks)++;
		for (size_t i = 0; i < doc.nmentions; i++)
			if (item_matches(&items[i], rj->kids[k])) {
				fprintf(stderr, "%s:%u: rejected item produced "
						"(%s)\n",
					path, rj->kids[k]->loc.line,
					items[i].val[0]);
				bad++;
			}
	}
	if (bad)
		for (size_t i = 0; i < doc.nmentions; i++) {
			fprintf(stderr, "   got");
			for (int j = 0; j < items[i].n; j++)
				fprintf(stderr, " %s=%s", items[i].key[j],
					items[i].val[j]);
			fprintf(stderr, "\n");
		}
	fc_arena_finish(&a);
	return bad;
}

static void test_norm_golden_cases(void **state)
{
	const char *dirs[] = {FC_SOURCE_ROOT "/rules/normalizers", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	int bad = 0;
	size_t nfiles = 0, ncases = 0, nchecks = 0;
	for (size_t f = 0; f < r->nfiles; f++) {
		const struct fc_rulefile *rf = &r->files[f];
		if (!rf->kind || strcmp(rf->kind, "normalizer"))
			continue;
		nfiles++;
		const struct fc_ynode *tests = fc_ymap_get(rf->root, "tests");
		/* every normalizer file carries golden cases */
		if (!tests || tests->type != FC_Y_SEQ || !tests->nkids) {
			fprintf(stderr, "%s: no tests\n", rf->path);
			bad++;
			continue;
		}
		for (size_t k = 0; k < tests->nkids; k++, ncases++)
			bad += run_case(r, rf->path, tests->kids[k], &nchecks);
	}
	assert_true(nfiles >= 5);
	assert_true(ncases >= 20);
	assert_true(nchecks >= 60);
	assert_int_equal(bad, 0);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_golden_cases),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
