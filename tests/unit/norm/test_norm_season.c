/*
** test_norm_season.c: "this" before a season (norm_date.c) names the
** season of the reference's calendar year, or the one it is in: in
** January "this summer" is the coming one (not the summer of the
** winter's season-year, the last) unless a past verb of its own tells
** of that one, "this winter" the present one.
*/
#include "fc_test.h"

static void test_norm_season_this_in_january(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *text = "This summer will be hot; this winter is cold.";
	assert_string_equal(fc_test_time_value(*state, &a, text, "2000-01-15",
					       "This summer"),
			    "2000-SU");
	assert_string_equal(fc_test_time_value(*state, &a, text, "2000-01-15",
					       "this winter"),
			    "1999-WI");
	/* a past verb of its own tells of the one gone */
	assert_string_equal(
		fc_test_time_value(*state, &a,
				   "The banks burst when the thaw began "
				   "this spring.",
				   "2009-01-15", "this spring"),
		"2008-SP");
	/* later in the year the same as before: the year's */
	assert_string_equal(fc_test_time_value(*state, &a, text, "2005-10-10",
					       "This summer"),
			    "2005-SU");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_season_this_in_january),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
