/*
** test_golden.c: the `tests:` cases of every rules/boilerplate file, run
** through fc_text_clean with the built-in boilerplate rules. Items are
** {kind: dropped, rule, text} per dropped block and {kind: sentence,
** text} per kept sentence; an `expect` entry must match some item (on
** the fields it gives), a `reject` entry must match none. (`factcross
** test` runs the same cases through the whole pipeline.)
*/
#include "text_test.h"
#include "core/core.h"

struct item {
	const char *kind, *rule, *text;
};

static const char *field(const struct item *it, const char *key)
{
	if (!strcmp(key, "kind"))
		return it->kind;
	if (!strcmp(key, "rule"))
		return it->rule;
	if (!strcmp(key, "text"))
		return it->text;
	return NULL;
}

static bool entry_matches(const struct fc_ynode *e, const struct item *it)
{
	for (size_t i = 0; i + 1 < e->nkids; i += 2) {
		const char *v = field(it, e->kids[i]->str);
		if (!v || e->kids[i + 1]->type != FC_Y_SCALAR ||
		    strcmp(v, e->kids[i + 1]->str))
			return false;
	}
	return true;
}

static size_t run_case(const struct fc_rules *r, const char *file,
		       const struct fc_ynode *tc)
{
	const struct fc_ynode *text = fc_ymap_get(tc, "text");
	const struct fc_ynode *ref = fc_ymap_get(tc, "ref");
	assert_non_null(text);
	struct cleaned c;
	clean_buf(&c, r, "case.txt", ref ? ref->str : NULL, text->str,
		  text->len);
	assert_int_equal(c.st, FC_OK);
	assert_doc_sane(&c.doc);
	size_t n = c.doc.ndropped + c.doc.nsentences, k = 0, bad = 0;
	struct item *items = calloc(n ? n : 1, sizeof(*items));
	for (size_t i = 0; i < c.doc.ndropped; i++)
		items[k++] = (struct item){"dropped", c.doc.dropped[i].rule,
					   dropped_text(&c, i)};
	for (size_t i = 0; i < c.doc.nsentences; i++)
		items[k++] = (struct item){"sentence", NULL,
					   sentence_text(&c, i)};
	static const char *const lists[] = {"expect", "reject"};
	for (size_t l = 0; l < 2; l++) {
		const struct fc_ynode *v = fc_ymap_get(tc, lists[l]);
		for (size_t i = 0; v && i < v->nkids; i++) {
			bool hit = false;
			for (size_t j = 0; j < n && !hit; j++)
				hit = entry_matches(v->kids[i], &items[j]);
			if (hit == (l == 0))
				continue;
			bad++;
			print_message("%s:%u: %s entry %s\n", file,
				      v->kids[i]->loc.line,
				      l == 0 ? "unmet" : "matched", lists[l]);
		}
	}
	if (bad)
		for (size_t j = 0; j < n; j++)
			print_message("  item %s %s [%s]\n", items[j].kind,
				      items[j].rule ? items[j].rule : "",
				      items[j].text);
	free(items);
	cleaned_finish(&c);
	return bad;
}

static void test_golden(void **state)
{
	const struct fc_rules *r = *state;
	size_t ncases = 0, bad = 0, nfiles = 0;
	for (size_t f = 0; f < r->nfiles; f++) {
		const struct fc_rulefile *rf = &r->files[f];
		if (!rf->kind || strcmp(rf->kind, "boilerplate"))
			continue;
		nfiles++;
		const struct fc_ynode *tests = fc_ymap_get(rf->root, "tests");
		/* Every rule file carries golden cases. */
		assert_non_null(tests);
		assert_true(tests->nkids > 0);
		for (size_t i = 0; i < tests->nkids; i++, ncases++)
			bad += run_case(r, rf->path, tests->kids[i]);
	}
	print_message("%zu boilerplate files, %zu golden cases\n", nfiles,
		      ncases);
	assert_true(nfiles >= 2);
	assert_int_equal(bad, 0);
}

static int setup(void **state)
{
	*state = load_rules(BOILER_DIR);
	return 0;
}

static int teardown(void **state)
{
	fc_rules_destroy(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
