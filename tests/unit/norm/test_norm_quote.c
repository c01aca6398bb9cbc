/*
** test_norm_quote.c: a range low to high whose second number is the
** tail of the first's decimals (norm_quantity.c): "1.2969-2972" is
** 1.2969 to 1.2972 and "150.88-92" 150.88 to 150.92 (the wires' bid and
** ask quotes); "12.75-15", "1.5-2" and "2.5-7.5" stay as written, and
** "150.88-12" is no range (no tail above the first, no number above it).
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The one range of text: its low and high. */
static void expect_range(struct fc_rules *r, struct fc_arena *a,
			 const char *text, double lo, double hi)
{
	struct fc_document doc;
	fc_test_norm_doc(r, a, text, "2026-01-16", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_true(doc.mentions[0].quantity.lo == lo);
	assert_true(doc.mentions[0].quantity.hi == hi);
}

static void test_norm_quote_tail(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/quote.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	expect_range(r, &a, "quoted at 1.2969-2972 dollars", 1.2969, 1.2972);
	expect_range(r, &a, "quoted at 150.88-92 yen", 150.88, 150.92);
	expect_range(r, &a, "priced at 2.50-75 each", 2.5, 2.75);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_quote_as_written(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/quote.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	expect_range(r, &a, "priced at 12.75-15 each", 12.75, 15);
	expect_range(r, &a, "up 1.5-2 times", 1.5, 2);
	expect_range(r, &a, "up 2.5-7.5 times", 2.5, 7.5);
	struct fc_document doc;
	fc_test_norm_doc(r, &a, "quoted at 150.88-12 yen", "2026-01-16", &doc);
	assert_int_equal(doc.nmentions, 0);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_quote_tail),
		cmocka_unit_test(test_norm_quote_as_written),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
