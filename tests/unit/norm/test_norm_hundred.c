/*
** test_norm_hundred.c: two readings of norm_quantity.c. A range whose
** second number ends in "hundred" shares it with a smaller whole first
** ("five or six hundred" is 500 to 600; "fifty or six hundred" stays 50
** to 600), also before a scale ("five or six hundred thousand" is
** 500,000 to 600,000). A proper ratio over a mixed number ("102 in
** 204 1/3", a count in innings) is no ratio; "one in three" is. A
** zero that ends another number ("000" after "20, ", the "0" of a
** tokenized "3 . 0") is no count.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The mentions of text, in doc (published 2026-01-16). */
static void scan(struct fc_rules *r, struct fc_arena *a, const char *text,
		 struct fc_document *doc)
{
	fc_test_norm_doc(r, a, text, "2026-01-16", doc);
}

/* Is text one range lo to hi, by rule t.or? */
static void assert_range(struct fc_rules *r, struct fc_arena *a,
			 const char *text, double lo, double hi)
{
	struct fc_document doc;
	scan(r, a, text, &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_string_equal(doc.mentions[0].rule, "t.or");
	assert_true(doc.mentions[0].quantity.lo == lo);
	assert_true(doc.mentions[0].quantity.hi == hi);
	assert_true(doc.mentions[0].quantity.value == lo);
}

static void test_norm_hundred_shared(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/hundred.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	assert_range(r, &a, "five or six hundred", 500, 600);
	assert_range(r, &a, "one or three hundred", 100, 300);
	/* as written: a first number not below the count of hundreds
	** ("two or one hundred"), a scale on the first too */
	assert_range(r, &a, "fifty or six hundred", 50, 600);
	assert_range(r, &a, "two or one hundred", 2, 100);
	assert_range(r, &a, "one hundred or two hundred", 100, 200);
	/* a scale after "hundred" shared too ("five or six hundred
	** thousand" is 500,000 to 600,000, not 5,000 to 600,000) */
	assert_range(r, &a, "five or six hundred thousand", 500000, 600000);
	assert_range(r, &a, "two or three hundred million", 2e8, 3e8);
	assert_range(r, &a, "five or six thousand", 5000, 6000);
	assert_range(r, &a, "fifty or six hundred thousand", 50000, 600000);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_hundred_mixed_ratio(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/hundred.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	scan(r, &a, "He struck out 102 in 204 1/3 innings.", &doc);
	assert_int_equal(doc.nmentions, 0);
	scan(r, &a, "It hit one in three.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_true(doc.mentions[0].quantity.value == 1.0 / 3);
	scan(r, &a, "It hit 2 in 5 1/2 of them and 5 in 2.", &doc);
	assert_int_equal(doc.nmentions, 0);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_hundred_zero_ends(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/zeroends.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	scan(r, &a, "a crowd of 20, 000 and USB 3 . 0 ports", &doc);
	assert_int_equal(doc.nmentions, 2); /* 20 and 3 */
	assert_true(doc.mentions[0].quantity.value == 20);
	assert_true(doc.mentions[1].quantity.value == 3);
	/* a zero elsewhere, a group with no zero first: counts */
	scan(r, &a, "In 2004, 150 died; 0 left; 2, 0 and 5 . 5", &doc);
	assert_int_equal(doc.nmentions, 7);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_hundred_shared),
		cmocka_unit_test(test_norm_hundred_mixed_ratio),
		cmocka_unit_test(test_norm_hundred_zero_ends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
