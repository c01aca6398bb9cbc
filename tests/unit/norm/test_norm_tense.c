/*
** test_norm_tense.c: a past verb joined by "and" to a verb before it
** (norm_tense.c) takes that one's auxiliary: "will be mailed next week
** and tallied on Jan. 23" is a coming date; a past verb before "and"
** keeps the date past; after a verb in another form ("will cut 500 jobs
** and said on Jan. 23") the past verb is its own.
*/
#include "fc_test.h"

/* The value of span in text, published 2019-03-01 (a Friday). */
static const char *value(void **state, struct fc_arena *a, const char *text,
			 const char *span)
{
	return fc_test_time_value(*state, a, text, "2019-03-01", span);
}

static void test_norm_tense_coordinated_future(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		value(state, &a,
		      "Ballots will be mailed next week and tallied on Jan. 23.",
		      "Jan. 23"),
		"2020-01-23");
	assert_string_equal(
		value(state, &a, "The plant will be closed and sold on Jan. 23.",
		      "Jan. 23"),
		"2020-01-23");
	fc_arena_finish(&a);
}

static void test_norm_tense_coordinated_past(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(value(state, &a, "He resigned and left on Jan. 23.",
				  "Jan. 23"),
			    "2019-01-23");
	assert_string_equal(
		value(state, &a,
		      "The law was passed in 2005 and amended on Jan. 23.",
		      "Jan. 23"),
		"2019-01-23");
	/* a date's own past verb after "and" stays the strongest cue: a
	** month and a half ahead or ten months back, the past one */
	assert_string_equal(
		fc_test_time_value(*state, &a,
				   "Eder was suspended January 22 and resigned "
				   "from the firm on February 17.",
				   "2000-01-01", "February 17"),
		"1999-02-17");
	fc_arena_finish(&a);
}

/* after a verb in another form ("will cut 500 jobs and said"), a past
** verb joined by "and" is a finite one: its own tense */
static void test_norm_tense_coordinated_finite_past(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		value(state, &a,
		      "The company will cut 500 jobs and said on Jan. 23 it "
		      "expects a loss.",
		      "Jan. 23"),
		"2019-01-23");
	assert_string_equal(
		value(state, &a,
		      "The union will strike next month and warned on Jan. 23 "
		      "of more action.",
		      "Jan. 23"),
		"2019-01-23");
	/* a passive before "and": the auxiliary is shared */
	assert_string_equal(
		value(state, &a, "The land will be taken and sold on Jan. 23.",
		      "Jan. 23"),
		"2020-01-23");
	fc_arena_finish(&a);
}

/* a past verb right before the date keeps it past when a colon or
** semicolon ends the clause before the verb, as when the window ends
** there (tense_back_scan's clause_end; at 1da530c it read as any past
** verb, and March 9 eight days ahead won) */
static void test_norm_tense_adjacent_past_after_stop(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(value(state, &a,
				  "Update: reopened March 9 in Paris.",
				  "March 9"),
			    "2018-03-09");
	assert_string_equal(
		value(state, &a,
		      "The bridge was damaged; reopened March 9, it carries "
		      "cars.",
		      "March 9"),
		"2018-03-09");
	fc_arena_finish(&a);
}

/* a plan word between a determiner and a noun is an adjective: the
** verb before decides ("announced the planned tariffs on March 27":
** the past one, 1987-03-27 at 1987-04-08) */
static void test_norm_tense_plan_adjective(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		fc_test_time_value(*state, &a,
				   "Reagan announced the planned tariffs on "
				   "March 27 after a review.",
				   "1987-04-08", "March 27"),
		"1987-03-27");
	assert_string_equal(
		fc_test_time_value(*state, &a,
				   "The talks are scheduled for May 3.",
				   "1987-04-08", "May 3"),
		"1987-05-03");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_tense_coordinated_future),
		cmocka_unit_test(test_norm_tense_coordinated_past),
		cmocka_unit_test(test_norm_tense_coordinated_finite_past),
		cmocka_unit_test(test_norm_tense_adjacent_past_after_stop),
		cmocka_unit_test(test_norm_tense_plan_adjective),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
