/*
** test_norm_title.c: a number that is no amount (norm_quantity.c): a
** capitalised number word in a run of capitalised words is a name's
** part ("Ocean's Twelve", "BBC One", "the Six Nations"), and a bare
** capitalised scale word before a capital is one even at a sentence's
** start ("Million Dollar Baby"); "Six people died" counts, and so
** does a headline's number ("Gunman Kills Two In Kraft Shooting"). A lone
** scale word right after digits glued to letters ("M2.5 billion") is
** no count of 1e9.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The number of mentions of text; the value of the first in *value. */
static size_t count(struct fc_rules *r, struct fc_arena *a,
		    const char *text, double *value)
{
	struct fc_document doc;
	fc_test_norm_doc(r, a, text, "2026-01-16", &doc);
	if (doc.nmentions)
		*value = doc.mentions[0].quantity.value;
	return doc.nmentions;
}

static void test_norm_title_name_parts(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/title.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	double v = 0;
	static const char *const names[] = {
		"Ocean's Twelve topped the box office.",
		"Ocean\u2019s Twelve topped the box office.",
		"BBC One aired it.", "Fans watched the Six Nations.",
		"Million Dollar Baby won.", "He won Formula One.",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		assert_int_equal(count(r, &a, names[i], &v), 0);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_title_counts_stay(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/title.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	double v = 0;
	assert_int_equal(count(r, &a, "Six people died.", &v), 1);
	assert_true(v == 6);
	assert_int_equal(count(r, &a, "Two Britons died.", &v), 1);
	assert_true(v == 2);
	/* a headline in title case, a heading in capitals before */
	assert_int_equal(count(r, &a, "Gunman Kills Two In Kraft Shooting",
			       &v), 1);
	assert_true(v == 2);
	assert_int_equal(count(r, &a, "AND OTHER GAFFES Six people left.",
			       &v), 1);
	assert_true(v == 6);
	assert_int_equal(count(r, &a, "They saw six Nations.", &v), 1);
	assert_true(v == 6);
	assert_int_equal(count(r, &a, "It cost a billion.", &v), 1);
	assert_true(v == 1e9);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_title_orphan_scale(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/title.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	double v = 0;
	assert_int_equal(count(r, &a, "Bill gave M2.5 billion.", &v), 0);
	assert_int_equal(count(r, &a, "Bill gave 2.5 billion.", &v), 1);
	assert_true(v == 2.5e9);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_title_name_parts),
		cmocka_unit_test(test_norm_title_counts_stay),
		cmocka_unit_test(test_norm_title_orphan_scale),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
