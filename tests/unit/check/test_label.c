/*
** test_label.c: values in words for finding messages (label.h): dates
** with and without their preposition, hedged quantities, lists.
*/
#include <math.h>

#include "check_test.h"
#include "check/label.h"

static void assert_time(const char *value, bool with_prep, const char *want)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_check_time_words(&b, value, with_prep);
	assert_int_equal(b.err, FC_OK);
	assert_string_equal(fc_buf_cstr(&b), want);
	fc_buf_finish(&b);
}

static void test_dates(void **state)
{
	(void)state;
	assert_time("2026-01-16", true, "on 16 January 2026");
	assert_time("2026-01-16", false, "16 January 2026");
	assert_time("2026-01-16T10:30", true, "on 16 January 2026");
	assert_time("2024-12", true, "in December 2024");
	assert_time("2025", true, "in 2025");
	assert_time("XXXX-11-09", true, "on 9 November");
	assert_time("XXXX-01", true, "in January");
	assert_time("XXXX-WXX-2", true, "on Tuesday");
	assert_time("XXXX-WXX-7", false, "Sunday");
	assert_time("XXXX-WXX-WE", true, "on a weekend");
	assert_time("2026-W03", true, "in week 3 of 2026");
	assert_time("2025-Q2", true, "in the second quarter of 2025");
	assert_time("2025-SU", true, "in summer 2025");
	assert_time("XXXX-WI", true, "in winter");
	assert_time("199", true, "in the 1990s");
}

/* What the words cannot say stays as written. */
static void test_dates_unread(void **state)
{
	(void)state;
	assert_time("XXXX", true, "(date XXXX)");
	assert_time("XXXX-WXX", true, "(date XXXX-WXX)");
	assert_time("XXXX-WXX", false, "XXXX-WXX");
	assert_time("2026-13", true, "(date 2026-13)");
	assert_time("2026-01-32", true, "(date 2026-01-32)");
	assert_time("", true, "(date )");
}

static void assert_qty(double value, double lo, double hi, bool lo_open,
		       bool hi_open, const char *unit, const char *want)
{
	struct fc_value v = v_qty(value, lo, hi, unit, lo_open, hi_open);
	struct fc_arena a;
	fc_arena_init(&a);
	char *s = fc_check_value_words(&a, &v);
	assert_non_null(s);
	assert_string_equal(s, want);
	fc_arena_finish(&a);
}

static void test_quantities(void **state)
{
	(void)state;
	assert_qty(12, 12, 12, false, false, NULL, "12");
	assert_qty(12, 0, 0, false, false, NULL, "12");
	assert_qty(3000, 3000, 3000, false, false, NULL, "3,000");
	assert_qty(999, 999, 999, false, false, NULL, "999");
	assert_qty(168000, 168000, 168000, false, false, NULL, "168,000");
	assert_qty(168000, 151200, 184800, false, false, NULL, "about 168,000");
	assert_qty(540, 540, INFINITY, false, true, NULL, "at least 540");
	assert_qty(3000, -INFINITY, 3000, true, false, NULL, "up to 3,000");
	assert_qty(40, 40, 50, false, false, NULL, "40 to 50");
	assert_qty(30, 27, 33, false, false, "percent", "about 30 percent");
	assert_qty(2.5, 2.5, 2.5, false, false, "USD", "2.5 USD");
	assert_qty(-12000, -12000, -12000, false, false, NULL, "-12,000");
}

static void test_lists(void **state)
{
	(void)state;
	struct fc_value items[3] = {v_entity("country:IR", "Iran"),
				    v_entity("country:RU", "Russia"),
				    v_entity("country:CN", "China")};
	struct fc_value v = {.type = FC_VAL_LIST, .items = items, .nitems = 2};
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(fc_check_value_words(&a, &v), "Iran and Russia");
	v.nitems = 3;
	assert_string_equal(fc_check_value_words(&a, &v),
			    "Iran, Russia and China");
	v.nitems = 1;
	assert_string_equal(fc_check_value_words(&a, &v), "Iran");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dates_unread),
		cmocka_unit_test(test_quantities),
		cmocka_unit_test(test_lists),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
