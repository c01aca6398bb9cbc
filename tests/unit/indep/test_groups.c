/*
** test_groups.c: declared dependence (chains, unknown ids with their
** manifest position), group numbering, the dependence list (sorted, one
** entry per pair, declared before wire before reuse).
*/
#include "indep_test.h"

static void assert_groups(const struct fc_corpus *c, const int32_t *want,
			  size_t n, int32_t ngroups)
{
	assert_int_equal(c->ndocs, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(c->docs[i].independent_group, want[i]);
	assert_int_equal(c->ngroups, ngroups);
}

static void assert_dep(const struct fc_dependence *p, uint32_t a, uint32_t b,
		       enum fc_dep_reason why, const char *detail)
{
	assert_int_equal(p->a, a);
	assert_int_equal(p->b, b);
	assert_int_equal(p->reason, why);
	assert_string_equal(p->detail, detail);
}

static void test_declared_chain(void **state)
{
	(void)state;
	static const struct tdoc t[] = {
		{"a", "Original report on the talks.", NULL, NULL},
		{"b", "A copy of the report.", "a", NULL},
		{"c", "A copy of the copy.", "b", NULL},
		{"d", "A separate report from another capital.", NULL, NULL},
		{"e", "Derived from the separate report.", "d", NULL},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = corpus_of(NULL, t, 5, false);
	assert_int_equal(fc_indep_groups(NULL, c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	static const int32_t want[] = {0, 0, 0, 1, 1};
	assert_groups(c, want, 5, 2);
	assert_int_equal(c->ndeps, 3);
	assert_dep(&c->deps[0], 0, 1, FC_DEP_DECLARED, "derived_from");
	assert_dep(&c->deps[1], 1, 2, FC_DEP_DECLARED, "derived_from");
	assert_dep(&c->deps[2], 3, 4, FC_DEP_DECLARED, "derived_from");
	assert_true(c->deps[0].similarity == 0.0);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
}

static void test_declared_unknown_id(void **state)
{
	(void)state;
	static const struct tdoc t[] = {
		{"000", "First.", NULL, NULL},
		{"001", "Second.", "999", NULL},
		{"002", "Third.", "000", NULL},
		{"003", "Fourth.", "0O0", NULL},
		{"004", "Fifth.", "004", NULL},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = corpus_of(NULL, t, 5, false);
	assert_int_equal(fc_indep_groups(NULL, c, &d), FC_OK);
	if (d.n != 3)
		diags_dump(&d);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.nerr, 2);
	assert_int_equal(d.nwarn, 1);
	fc_assert_diag(&d, 0, "corpus.yaml", 3, 5,
		       "derived_from names unknown source '999'");
	assert_int_equal(d.v[0].code, FC_ESCHEMA);
	fc_assert_diag(&d, 1, "corpus.yaml", 5, 5,
		       "derived_from names unknown source '0O0'");
	fc_assert_diag(&d, 2, "corpus.yaml", 6, 5,
		       "source '004' is derived_from itself");
	assert_int_equal(d.v[2].sev, FC_SEV_WARNING);
	/* The known link still counts. */
	static const int32_t want[] = {0, 1, 0, 2, 3};
	assert_groups(c, want, 5, 4);
	assert_int_equal(c->ndeps, 1);
	assert_dep(&c->deps[0], 0, 2, FC_DEP_DECLARED, "derived_from");
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
}

/* Groups are numbered by their first member in document order. */
static void test_group_numbering(void **state)
{
	(void)state;
	static const struct tdoc t[] = {
		{"p", "Derived from the last one.", "t", NULL},
		{"q", "Stands alone.", NULL, NULL},
		{"r", "Another one alone.", NULL, NULL},
		{"s", "Derived from q.", "q", NULL},
		{"t", "The origin of p.", NULL, NULL},
		{"u", "Derived from p, so from t too.", "p", NULL},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = corpus_of(NULL, t, 6, false);
	assert_int_equal(fc_indep_groups(NULL, c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	static const int32_t want[] = {0, 1, 2, 1, 0, 0};
	assert_groups(c, want, 6, 3);
	assert_int_equal(c->ndeps, 3);
	assert_dep(&c->deps[0], 0, 4, FC_DEP_DECLARED, "derived_from");
	assert_dep(&c->deps[1], 0, 5, FC_DEP_DECLARED, "derived_from");
	assert_dep(&c->deps[2], 1, 3, FC_DEP_DECLARED, "derived_from");
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
}

static void test_empty_corpus(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = corpus_of(r, NULL, 0, false);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ngroups, 0);
	assert_int_equal(c->ndeps, 0);
	assert_null(c->deps);
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* One entry per pair: declared wins over wire; sorted by (a, b). */
static void test_reasons_sorted(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	static const struct tdoc t[] = {
		{"x", "A report from a correspondent.", NULL, NULL},
		{"a", "MOSCOW (Reuters) - The Kremlin confirmed the call.",
		 NULL, NULL},
		{"b",
		 "LONDON (Reuters) - Britain said it had closed its "
		 "embassy.",
		 "a", NULL},
		{"c",
		 "Tehran was calm on Saturday.\n\nPARIS (Reuters) - "
		 "France followed.",
		 NULL, NULL},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = corpus_of(r, t, 4, true);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(d.n, 0);
	static const int32_t want[] = {0, 1, 1, 1};
	assert_groups(c, want, 4, 2);
	assert_int_equal(c->ndeps, 3);
	assert_dep(&c->deps[0], 1, 2, FC_DEP_DECLARED, "derived_from");
	assert_dep(&c->deps[1], 1, 3, FC_DEP_WIRE, "Reuters");
	assert_dep(&c->deps[2], 2, 3, FC_DEP_WIRE, "Reuters");
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

/* Past 64 documents with one credit, they are chained, not all paired. */
static void test_wire_many_chained(void **state)
{
	(void)state;
	struct fc_rules *r = rules_real();
	enum { N = 70 };
	struct tdoc t[N];
	char text[N][96], id[N][8];
	for (int i = 0; i < N; i++) {
		snprintf(id[i], sizeof(id[i]), "s%02d", i);
		snprintf(text[i], sizeof(text[i]),
			 "CITY%c%c (AFP) - Item number %d of the wire.",
			 'A' + i / 26, 'A' + i % 26, i);
		t[i] = (struct tdoc){id[i], text[i], NULL, NULL};
	}
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = corpus_of(r, t, N, true);
	assert_int_equal(fc_indep_groups(r, c, &d), FC_OK);
	assert_int_equal(c->ngroups, 1);
	assert_int_equal(c->ndeps, N - 1);
	for (uint32_t i = 0; i + 1 < N; i++)
		assert_dep(&c->deps[i], i, i + 1, FC_DEP_WIRE,
			   "Agence France-Presse");
	fc_corpus_destroy(c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_declared_chain),
		cmocka_unit_test(test_declared_unknown_id),
		cmocka_unit_test(test_group_numbering),
		cmocka_unit_test(test_empty_corpus),
		cmocka_unit_test(test_reasons_sorted),
		cmocka_unit_test(test_wire_many_chained),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
