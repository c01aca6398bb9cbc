/*
** test_load.c: loading `kind: independence` files: every error with its
** exact file:line:col and message (PCRE2 errors point into the YAML
** pattern, past the {agency} expansion), and overrides across folders.
*/
#include "indep_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/indep/data"

struct want {
	const char *file;
	unsigned line, col;
	const char *msg;
};

static void test_errors(void **state)
{
	(void)state;
	static const char bad[] = DATA "/bad/bad.yaml";
	static const char shapes[] = DATA "/bad/shapes.yaml";
	static const struct want w[] = {
		{bad, 2, 1,
		 "unknown key 'descripton' in independence file (did you mean "
		 "'description'?)"},
		{bad, 5, 10, "duplicate agency id 'reuters' (first at line 4)"},
		{bad, 6, 5, "an agency needs an 'id'"},
		{bad, 7, 5,
		 "agency 'ap' needs 'aliases' (the names that credit it)"},
		{bad, 8, 40,
		 "unknown key 'nme' in an agency (did you mean 'name'?)"},
		{bad, 9, 5,
		 "each agency must be a mapping with 'id', 'name' and "
		 "'aliases'"},
		{bad, 10, 10, "id must not be empty"},
		{bad, 11, 23, "an alias must not be empty"},
		{bad, 14, 52, "an alias must not be empty"},
		{bad, 20, 45,
		 "within must be a whole number from 1 to 1073741824"},
		{bad, 21, 5, "credit 'c6' needs a 'pattern'"},
		{bad, 23, 10, "duplicate credit id 'c1' (first at line 16)"},
		{bad, 32, 3, "unknown key 'colour' in reuse"},
		{bad, 26, 12, "shingle must be a whole number from 1 to 16"},
		{bad, 30, 9,
		 "seed must be a whole number from 0 to 4611686018427387904"},
		{bad, 27, 16,
		 "containment must be a fraction above 0 and at most 1"},
		{bad, 31, 23,
		 "unknown key 'clse' in quotes (did you mean 'close'?)"},
		{bad, 29, 10, "bands (32) must divide hashes (100)"},
		{shapes, 2, 11, "agencies must be a sequence of agencies"},
		{shapes, 3, 11,
		 "each credit must be a mapping with 'id' and 'pattern'"},
		{shapes, 4, 8, "reuse must be a mapping of settings"},
		{bad, 12, 32,
		 "alias 'Reuters' of agency 'afp2' is also an alias of "
		 "'reuters'"},
		{bad, 13, 52,
		 "alias 'AFPX' of agency 'afp3' is also an alias of 'afp2'"},
		{bad, 16, 40,
		 "bad pattern in credit 'c1': missing closing parenthesis"},
		{bad, 17, 23,
		 "credit 'c2' names no agency: use {agency} in the pattern, a "
		 "group (?<byline>...), or 'agency:'"},
		{bad, 18, 36,
		 "unknown agency 'reuter' (did you mean 'reuters'?)"},
		{bad, 19, 37,
		 "credit 'c4' uses an agency placeholder more than once"},
		{bad, 22, 27,
		 "bad pattern in credit 'c7': missing terminating ] for "
		 "character class"},
		{bad, 24, 46, "unknown agency 'nobody'"},
	};
	const size_t n = sizeof(w) / sizeof(*w);
	static const char *const dirs[] = {DATA "/bad", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(dirs, 0, &r, &d);
	assert_int_not_equal(st, FC_OK);
	if (d.n != n)
		diags_dump(&d);
	for (size_t i = 0; i < n && i < d.n; i++)
		fc_assert_diag(&d, i, w[i].file, w[i].line, w[i].col, w[i].msg);
	assert_int_equal(d.n, n);
	assert_int_equal(d.nerr, n);
	/* The regex errors carry their own code. */
	assert_int_equal(d.v[23].code, FC_EREGEX);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* A later folder replaces agencies and credits by id, reuse by key. */
static void test_override(void **state)
{
	(void)state;
	static const char *const dirs[] = {DATA "/base", DATA "/override",
					   NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_dirs(dirs, &d);
	assert_int_equal(d.n, 0);
	const struct fc_indep *x = r->indep;
	assert_int_equal(x->nagencies, 3);
	assert_string_equal(x->agencies[0].id, "alpha");
	assert_string_equal(x->agencies[0].name, "Alpha News");
	assert_string_equal(x->agencies[2].id, "gamma");
	assert_string_equal(x->agencies[2].name, "gamma");
	assert_int_equal(x->ncredits, 3);
	assert_true(x->reuse.is_enabled);
	assert_true(x->reuse.containment == 0.9);
	assert_int_equal(x->reuse.shingle, 3);
	assert_int_equal(x->reuse.hashes, 128); /* engine default */

	static const struct {
		const char *text, *key, *detail;
	} cases[] = {
		{"(ALPHA) The old alias and the old pattern.", NULL, NULL},
		{"[ALPHA] The old alias.", NULL, NULL},
		{"(ALPHANEWS) The old pattern.", NULL, NULL},
		{"x [ALPHANEWS] y", "agency:alpha", "Alpha News"},
		{"[GAMMA]", "agency:gamma", "gamma"},
		{"[BETA]", "agency:beta", "Beta"},
		{"written by Smith", "byline:smith", "Smith"},
		{"[BB] a dateline alias outside a dateline", NULL, NULL},
		{"BB: in a dateline", "agency:beta", "Beta"},
		{"BETA: in a dateline", "agency:beta", "Beta"},
	};
	struct fc_arena a;
	fc_arena_init(&a);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct tdoc t = {"x", cases[i].text, NULL, NULL};
		struct fc_corpus *c = corpus_of(r, &t, 1, false);
		struct wire_key *k = NULL;
		size_t n = 0, cap = 0;
		assert_int_equal(
			indep_wire_keys(x, &a, &c->docs[0], 0, &k, &n, &cap),
			FC_OK);
		assert_int_equal(n, cases[i].key ? 1 : 0);
		if (cases[i].key) {
			assert_string_equal(k[0].key, cases[i].key);
			assert_string_equal(k[0].detail, cases[i].detail);
		}
		fc_corpus_destroy(c);
	}
	fc_arena_finish(&a);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* Without any independence file: declared dependence only. */
static void test_no_files(void **state)
{
	(void)state;
	static const char *const dirs[] = {DATA "/bad/none", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_rules_load(dirs, 0, &r, &d);
	assert_non_null(r);
	assert_null(r->indep);
	static const struct tdoc t[] = {
		{"a", "MOSCOW (Reuters) - One.", NULL, NULL},
		{"b", "MOSCOW (Reuters) - One.", NULL, NULL},
	};
	struct fc_corpus *c = corpus_of(r, t, 2, false);
	fc_diags_finish(&d);
	fc_diags_init(&d);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ngroups, 2);
	assert_int_equal(c->ndeps, 0);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_override),
		cmocka_unit_test(test_no_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
