/*
** test_norm_below.c: a quantity range of type "below" (norm_quantity.c)
** negates both bounds: "15 to 25 below zero" is -25 to -15, its value
** the first number said (-15), in either order; a range of another type
** keeps its signs.
*/
#include <math.h>

#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The one quantity of text: value, low, high. */
static void expect_one(struct fc_rules *r, struct fc_arena *a,
		       const char *text, double value, double lo, double hi)
{
	struct fc_document doc;
	fc_test_norm_doc(r, a, text, "2026-01-16", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_true(doc.mentions[0].quantity.value == value);
	assert_true(doc.mentions[0].quantity.lo == lo);
	assert_true(doc.mentions[0].quantity.hi == hi);
	assert_string_equal(doc.mentions[0].quantity.unit, "degree");
}

static void test_norm_below_negates_both(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/below.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	expect_one(r, &a, "Lows of 15 to 25 below zero.", -15, -25, -15);
	expect_one(r, &a, "Lows of 25 to 15 below zero.", -25, -25, -15);
	expect_one(r, &a, "Highs of 15 to 25 above zero.", 15, 15, 25);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

/* "0 to 5 below zero": the zero bound stays 0, not -0 (which the JSON
** prints as "-0", as if the text said "minus 0") */
static void test_norm_below_zero_bound(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/below.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	expect_one(r, &a, "Lows of 0 to 5 below zero.", 0, -5, 0);
	fc_test_norm_doc(r, &a, "Lows of 0 to 5 below zero.", "2026-01-16",
			 &doc);
	assert_false(signbit(doc.mentions[0].quantity.value));
	assert_false(signbit(doc.mentions[0].quantity.hi));
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_below_negates_both),
		cmocka_unit_test(test_norm_below_zero_bound),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
