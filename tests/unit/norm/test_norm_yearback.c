/*
** test_norm_yearback.c: one year back from the date mentioned last
** (norm_relative.c, base mention) after a quarter told of is that
** quarter a year before, a report's comparison ("Q3 ... the year
** before"); two years back, one year forward, a possessor and a year
** told of in the sentence stay years.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

static int setup(void **state)
{
	*state = fc_test_load_rules(DATA "/yearback.yaml", 0);
	return *state ? 0 : -1;
}

/* The value of the year back (rule t.back) in text (published
** 2019-03-01), the other mention being the quarter. */
static void check(void **state, const char *text, const char *want)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	fc_test_norm_doc(*state, &a, text, "2019-03-01", &doc);
	assert_int_equal(doc.nmentions, 2);
	size_t i = strcmp(doc.mentions[0].rule, "t.back") ? 1 : 0;
	assert_string_equal(doc.mentions[i].rule, "t.back");
	assert_string_equal(doc.mentions[i].time.value, want);
	fc_arena_finish(&a);
}

static void test_norm_yearback_quarter(void **state)
{
	check(state, "In Q3 it fell from the year before.", "2017-Q3");
	check(state, "In Q3 it was sold two years earlier.", "2016");
	check(state, "In Q3 it opened; the year after, it closed.", "2019");
}

/* a possessor ("the year before's"), or a year told of before it in its
** sentence: the year's figures */
static void test_norm_yearback_year_said(void **state)
{
	check(state, "In Q3 it beat the year before's.", "2017");
	check(state, "In Q3 it beat the year before\xe2\x80\x99s.", "2017");
	check(state, "In Q3 the year's sales beat the year before.", "2017");
}

/* the words of a year are table cal_unit_one's: a word valued Y there
** is one, a word of another unit is none */
static void test_norm_yearback_year_word_from_table(void **state)
{
	check(state, "In Q3 the twelvemonth's sales beat the year before.",
	      "2017");
	check(state, "In Q3 the month's sales beat the year before.",
	      "2017-Q3");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_yearback_quarter),
		cmocka_unit_test(test_norm_yearback_year_said),
		cmocka_unit_test(test_norm_yearback_year_word_from_table),
	};
	return cmocka_run_group_tests(tests, setup, fc_test_rules_teardown);
}
