/*
** test_norm_threads.c: the normalizer compiles its patterns on two
** threads when it may (FACTCROSS_THREADS); a rules folder with broken
** patterns, given after the built-in rules as --rules is, gives the same
** diagnostics, in the same order, at the same file:line:col on one
** thread and on two, and the same patterns compile.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_p.h"

#define BROKEN FC_SOURCE_ROOT "/tests/unit/norm/data/broken_rules"

static struct fc_rules *load(const char *threads, struct fc_diags *d)
{
	setenv("FACTCROSS_THREADS", threads, 1);
	const char *dirs[] = {BROKEN, NULL};
	struct fc_rules *r;
	fc_diags_init(d);
	assert_int_not_equal(fc_rules_load_kinds(dirs, 1, FC_KIND_TEXT, &r, d),
			     FC_OK);
	assert_non_null(r);
	return r;
}

static void test_norm_threads_same_diagnostics(void **state)
{
	const char *f = BROKEN "/broken.yaml";
	/* in rule order: expansion problems and PCRE2 errors interleaved */
	static const struct {
		unsigned line, col;
		fc_status code;
		const char *msg;
	} want[] = {
		{13, 24, FC_EREGEX,
		 "bad regex in pattern 'b.paren': missing closing parenthesis"},
		{17, 16, FC_ESCHEMA,
		 "unknown table 'colr' (did you mean 'colour'?)"},
		{24, 14, FC_EREGEX,
		 "bad regex in pattern 'b.macro': syntax error in subpattern "
		 "name (missing terminator?)"},
		{29, 11, FC_ESCHEMA,
		 "span 'when' is not a capture of pattern 'b.span'"},
		{31, 18, FC_EREGEX,
		 "bad regex in pattern 'b.class': range out of order in "
		 "character class"},
	};
	size_t nwant = sizeof(want) / sizeof(*want);
	struct fc_diags d1, d2;
	struct fc_rules *r1 = load("1", &d1);
	struct fc_rules *r2 = load("2", &d2);
	if (d1.n != nwant)
		fc_diags_print(&d1, stderr, 0);
	assert_int_equal(d1.n, nwant);
	assert_int_equal(d2.n, nwant);
	assert_int_equal(d1.nerr, nwant);
	assert_int_equal(d2.nerr, nwant);
	for (size_t i = 0; i < nwant; i++) {
		fc_assert_diag(&d1, i, f, want[i].line, want[i].col,
			       want[i].msg);
		fc_assert_diag(&d2, i, f, want[i].line, want[i].col,
			       want[i].msg);
		assert_int_equal(d1.v[i].code, want[i].code);
		assert_int_equal(d2.v[i].code, want[i].code);
		assert_int_equal(d2.v[i].sev, d1.v[i].sev);
	}
	/* the same patterns compiled, with the same captures and start
	** strings (the built-in ones and the good ones of the folder) */
	const struct fc_norm *n1 = r1->norm, *n2 = r2->norm;
	assert_int_equal(n1->npatterns, n2->npatterns);
	assert_int_equal(n1->maxcap, n2->maxcap);
	size_t ncode = 0;
	for (size_t i = 0; i < n1->npatterns; i++) {
		const struct norm_pattern *p1 = &n1->patterns[i];
		const struct norm_pattern *p2 = &n2->patterns[i];
		assert_string_equal(p1->id, p2->id);
		assert_int_equal(p1->code != NULL, p2->code != NULL);
		ncode += p1->code != NULL;
		assert_memory_equal(p1->slot_group, p2->slot_group,
				    sizeof(p1->slot_group));
		assert_memory_equal(p1->slot_table, p2->slot_table,
				    sizeof(p1->slot_table));
		assert_int_equal(p1->span_group, p2->span_group);
		assert_int_equal(p1->is_quarterly, p2->is_quarterly);
		assert_int_equal(p1->first.is_ok, p2->first.is_ok);
		assert_int_equal(p1->first.nstrs, p2->first.nstrs);
		assert_int_equal(p1->first.nsets, p2->first.nsets);
		if (p1->first.nstrs)
			assert_memory_equal(p1->first.strs, p2->first.strs,
					    p1->first.nstrs *
						    sizeof(*p1->first.strs));
		if (p1->first.nsets)
			assert_memory_equal(p1->first.sets, p2->first.sets,
					    p1->first.nsets *
						    sizeof(*p1->first.sets));
		if (p1->code) {
			size_t s1 = 0, s2 = 0;
			pcre2_pattern_info(p1->code, PCRE2_INFO_SIZE, &s1);
			pcre2_pattern_info(p2->code, PCRE2_INFO_SIZE, &s2);
			assert_int_equal(s1, s2);
		}
		if (!strncmp(p1->id, "b.", 2))
			assert_int_equal(p1->code != NULL,
					 !strcmp(p1->id, "b.good1") ||
						 !strcmp(p1->id, "b.good2"));
	}
	assert_true(ncode > 100);
	fc_rules_destroy(r1);
	fc_rules_destroy(r2);
	fc_diags_finish(&d1);
	fc_diags_finish(&d2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_threads_same_diagnostics),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
