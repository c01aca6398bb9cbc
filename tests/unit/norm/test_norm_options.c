/*
** test_norm_options.c: `options: {prefer: ...}` changes how a bare
** weekday, a date without a year and a holiday resolve, patterns marked
** `reading: future` run only under that reading, `shift_grain: finer`
** places "a week ago" on a day, and a bad setting is reported with its
** file:line:col.
*/
#include <stdio.h>

#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"
#define BENCH FC_SOURCE_ROOT "/bench/prefer-future"

static void check(const char *const *dirs, const char *friday,
		  const char *march, const char *monday)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 1, &r, &d), FC_OK);
	struct fc_arena a;
	fc_arena_init(&a);
	/* 2026-01-14 is a Wednesday */
	assert_string_equal(fc_test_time_value(r, &a, "The vote is on Friday.",
					       "2026-01-14", "Friday"),
			    friday);
	assert_string_equal(fc_test_time_value(r, &a, "Talks in March stalled.",
					       "2026-01-14", "March"),
			    march);
	/* on a Monday, a bare "Monday" is that day (past reading) or the
	** next one (future reading); no tense cue before or after it */
	assert_string_equal(fc_test_time_value(r, &a, "Talks on Monday.",
					       "2026-01-12", "Monday"),
			    monday);
	/* a tense cue wins over the setting either way */
	assert_string_equal(fc_test_time_value(r, &a,
					       "They will meet on Friday.",
					       "2026-01-14", "Friday"),
			    "2026-01-16");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

static void test_norm_options_default_is_past(void **state)
{
	(void)state;
	check(NULL, "2026-01-09", "2026-03", "2026-01-12");
}

static void test_norm_options_prefer_future(void **state)
{
	(void)state;
	const char *dirs[] = {BENCH, NULL};
	check(dirs, "2026-01-16", "2026-03", "2026-01-19");
}

static void test_norm_options_bad_value_reports_col(void **state)
{
	(void)state;
	const char *f = DATA "/bad_options.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.nerr, 2);
	size_t i = d.v[0].loc.line == 3 ? 0 : 1;
	fc_assert_diag(&d, i, f, 3, 11,
		       "prefer must be past, nearest or future");
	fc_assert_diag(&d, 1 - i, f, 4, 3,
		       "unknown key 'order' in normalizer options");
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* "in a week", "a week ago", "two years ago" under the given rules. */
static void check_shift(const char *const *dirs, const char *in_week,
			const char *week_ago, const char *years_ago)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 1, &r, &d), FC_OK);
	struct fc_arena a;
	fc_arena_init(&a);
	const char *v = fc_test_time_value(r, &a, "Results come in a week.",
					   "2026-01-16", "in a week");
	if (in_week)
		assert_string_equal(v, in_week);
	else
		assert_null(v);
	assert_string_equal(fc_test_time_value(r, &a, "It began a week ago.",
					       "2026-01-16", "a week ago"),
			    week_ago);
	assert_string_equal(fc_test_time_value(r, &a, "It began two years ago.",
					       "2026-01-16", "two years ago"),
			    years_ago);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

static void test_norm_options_shift_default_is_unit(void **state)
{
	(void)state;
	/* news: "in a week" is no point in time, "a week ago" a week */
	check_shift(NULL, NULL, "2026-W02", "2024");
}

static void test_norm_options_shift_finer(void **state)
{
	(void)state;
	const char *dirs[] = {BENCH, NULL};
	check_shift(dirs, "2026-01-23", "2026-01-09", "2024-01");
}

static void test_norm_options_bad_shift_reports_col(void **state)
{
	(void)state;
	const char *f = DATA "/bad_shift.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, f, 3, 16, "shift_grain must be unit or finer");
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_options_default_is_past),
		cmocka_unit_test(test_norm_options_prefer_future),
		cmocka_unit_test(test_norm_options_bad_value_reports_col),
		cmocka_unit_test(test_norm_options_shift_default_is_unit),
		cmocka_unit_test(test_norm_options_shift_finer),
		cmocka_unit_test(test_norm_options_bad_shift_reports_col),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
