/*
** test_norm_clockdur.c: a duration pattern with hour, minute and second
** slots and no unit (norm_time.c) is a duration told as a clock reads:
** "in 2:08:14" is PT2H8M14S, zero parts left out, a fraction of the
** second kept ("2:08:14.5" is PT2H8M14.5S); a part out of range makes
** no mention.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The value of the only mention of text, or NULL when there is none. */
static const char *value_of(struct fc_rules *r, struct fc_arena *a,
			    const char *text)
{
	struct fc_document doc;
	fc_test_norm_doc(r, a, text, "2026-01-16", &doc);
	if (doc.nmentions != 1)
		return NULL;
	assert_int_equal(doc.mentions[0].time.type, FC_TIMEX_DURATION);
	return doc.mentions[0].time.value;
}

static void test_norm_clockdur_parts(void **state)
{
	(void)state;
	/* a text and the value of its one mention */
	static const char *const cases[][2] = {
		{"She won in 2:08:14.", "PT2H8M14S"},
		{"It ended in 1:00:05.", "PT1H5S"},
		{"It ended in 0:00:05.", "PT5S"},
		{"It ended in 0:00:00.", "PT0S"},
		{"It lasted 2:30 hours.", "PT2H30M"},
		/* a fraction of the second is kept, a zero one left out */
		{"He won in 2:08:14.5.", "PT2H8M14.5S"},
		{"He won in 0:00:09.58.", "PT9.58S"},
		{"He won in 1:02:00.0.", "PT1H2M"},
		/* no second slot at all: zero seconds, no "nan" */
		{"It lasted 0:00 hours.", "PT0S"},
	};
	struct fc_rules *r = fc_test_load_rules(DATA "/clockdur.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(value_of(r, &a, cases[i][0]), cases[i][1]);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_clockdur_out_of_range(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/clockdur.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	assert_null(value_of(r, &a, "She won in 2:75:14."));
	assert_null(value_of(r, &a, "She won in 2:08:61."));
	assert_null(value_of(r, &a, "She won in 2:08:60.5."));
	assert_null(value_of(r, &a, "It lasted 2:60 hours."));
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_clockdur_parts),
		cmocka_unit_test(test_norm_clockdur_out_of_range),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
