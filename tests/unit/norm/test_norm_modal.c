/*
** test_norm_modal.c: a modal before a bare weekday (norm_tense.c
** scan_modal) places it ahead ("might not be operational by Monday");
** a perfect after the modal, "could" (no cue: as often a past ability,
** "said they could hear gunfire on Monday"), "May" in capitals and a
** possessive date keep the past one. And a span of many years counted
** back (norm_relative.c decades_as_years: "a quarter-century ago") is a
** year, as "two years ago".
*/
#include "fc_test.h"

/* The value of span in text, published 2005-02-01 (a Tuesday). */
static const char *value(void **state, struct fc_arena *a, const char *text,
			 const char *span)
{
	return fc_test_time_value(*state, a, text, "2005-02-01", span);
}

static void test_norm_modal_ahead(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(
		value(state, &a,
		      "The plant might not be operational by Monday.",
		      "Monday"),
		"2005-02-07");
	assert_string_equal(value(state, &a,
				  "The plant may be operational by Monday.",
				  "Monday"),
			    "2005-02-07");
	assert_string_equal(
		value(state, &a, "The firm must repay the loan by Friday.",
		      "Friday"),
		"2005-02-04");
	fc_arena_finish(&a);
}

/* the past one: a perfect, "could", "May" a name, a possessive
** date its noun's, a modal across a comma another clause's */
static void test_norm_modal_back(void **state)
{
	static const char *const cases[][2] = {
		{"The man may have died on Monday.", "Monday"},
		{"They may have been hurt on Monday.", "Monday"},
		{"The gunman may have fled on Monday.", "Monday"},
		{"The fire may have begun on Monday.", "Monday"},
		{"They may not have known on Monday.", "Monday"},
		{"He could not be reached Monday.", "Monday"},
		{"Neither he nor she could be located Monday.", "Monday"},
		{"Witnesses said they could hear gunfire on Monday.", "Monday"},
		{"Residents could smell smoke on Monday, officials said.",
		 "Monday"},
		{"Theresa May on Monday said no.", "Monday"},
		{"Offers may be behind Monday's rise in sales.", "Monday"},
		{"He ruled that he must return, and set Monday as the "
		 "deadline.",
		 "Monday"},
	};
	struct fc_arena a;
	fc_arena_init(&a);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		assert_string_equal(
			value(state, &a, cases[i][0], cases[i][1]),
			"2005-01-31");
	fc_arena_finish(&a);
}

static void test_norm_modal_long_ago(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(value(state, &a,
				  "The town was rebuilt a quarter-century ago.",
				  "a quarter-century ago"),
			    "1980");
	assert_string_equal(value(state, &a, "It began half a century ago.",
				  "half a century ago"),
			    "1955");
	assert_string_equal(value(state, &a, "It was a fort two centuries ago.",
				  "two centuries ago"),
			    "1805");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_modal_ahead),
		cmocka_unit_test(test_norm_modal_back),
		cmocka_unit_test(test_norm_modal_long_ago),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
