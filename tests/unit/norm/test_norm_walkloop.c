/*
** test_norm_walkloop.c: a walk reports a pattern's start at a position
** once, not again at each byte of a run that a looping node of the trie
** reads ("[0-9]+", "[a-z]+"): the DFA's transition reports only the
** starts of the nodes it enters (norm_walk_dfa.c, pats_bits). Before,
** each further digit of a number made one more record, each queueing
** nothing new (a quarter of the records of news text).
**
** A walk's strings have at most NORM_PK classes, so past that many
** digits only looping nodes are left: a run of 21 digits and one of 20
** must make as many records, and both must queue the same starts.
*/
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_walk_p.h"

/* The records the walk of text (one stretch, fresh walk queueing for
** every pattern) makes; its queued starts into starts (sum over the
** patterns of each one's positions, position + 1 each). */
static size_t records_of(const struct fc_rules *rules, const char *text,
			 uint64_t *starts)
{
	const struct fc_norm *n = rules->norm;
	struct norm_walk *w = norm_walk_create(n);
	assert_non_null(w);
	norm_walk_queue_all(w);
	uint64_t *active = calloc(n->nwords, sizeof(*active));
	assert_non_null(active);
	assert_int_equal(norm_walk_stretch(w, text, 0,
					   (uint32_t)strlen(text), active),
			 FC_OK);
	*starts = 0;
	for (size_t pi = 0; pi < n->npatterns; pi++) {
		const struct norm_startq *q = norm_walk_starts(w, pi);
		for (size_t k = 0; k < q->n; k++)
			*starts += q->v[k] + 1;
	}
	size_t nrec = w->nrec_made;
	free(active);
	norm_walk_destroy(w);
	return nrec;
}

static void test_digit_run_reports_once(void **state)
{
	const struct fc_rules *rules = *state;
	uint64_t s20, s21, s40;
	size_t r20 = records_of(rules, "12345678901234567890 ", &s20);
	size_t r21 = records_of(rules, "123456789012345678901 ", &s21);
	size_t r40 = records_of(rules,
				"1234567890123456789012345678901234567890 ",
				&s40);
	assert_true(r20 > 0);
	assert_int_equal(r21, r20);
	assert_int_equal(r40, r20);
	/* the starts are the run's first digit's, whatever its length */
	assert_true(s20 > 0);
	assert_true(s21 == s20);
	assert_true(s40 == s20);
}

static void test_letter_run_reports_once(void **state)
{
	const struct fc_rules *rules = *state;
	uint64_t s1, s2;
	/* a long word after "a" ("a quarter", "an estimated"): its
	** letters past the strings' length make no record */
	size_t r1 = records_of(rules, "a xxxxxxxxxxxxxxxxxxxxxx ", &s1);
	size_t r2 = records_of(rules,
			       "a xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx ",
			       &s2);
	assert_int_equal(r2, r1);
	assert_true(s2 == s1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digit_run_reports_once),
		cmocka_unit_test(test_letter_run_reports_once),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
