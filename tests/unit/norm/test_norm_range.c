/*
** test_norm_range.c: a duration with `base: range` (norm_time.c) is a
** range only when its lower number (num2) is below its upper (num):
** "3-4 days" is P4D; "2-1 days" and "1-1 days" are scores, a mask that
** makes no mention and keeps a shorter reading inside it ("1 days") off.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The mentions of text, in doc (published 2026-01-16). */
static void scan(struct fc_rules *r, struct fc_arena *a, const char *text,
		 struct fc_document *doc)
{
	fc_test_norm_doc(r, a, text, "2026-01-16", doc);
}

static void test_norm_range_lower_first(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/range.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	scan(r, &a, "It took 3-4 days.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_int_equal(doc.mentions[0].start, 8);
	assert_int_equal(doc.mentions[0].end, 16);
	assert_string_equal(doc.mentions[0].rule, "t.range");
	assert_string_equal(doc.mentions[0].time.value, "P4D");
	assert_int_equal(doc.mentions[0].time.mod, FC_MOD_APPROX);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_range_score_is_a_mask(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/range.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	static const char *const scores[] = {
		"They won 2-1 days after.", "A 1-1 days later.",
		"It was 10-9 weeks on.",
	};
	struct fc_document doc;
	for (size_t i = 0; i < sizeof(scores) / sizeof(*scores); i++) {
		scan(r, &a, scores[i], &doc);
		assert_int_equal(doc.nmentions, 0);
	}
	/* the mask is the score's only: a count after it is read */
	scan(r, &a, "Won 2-1 days ago, 5 days on.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_string_equal(doc.mentions[0].rule, "t.count");
	assert_string_equal(doc.mentions[0].time.value, "P5D");
	/* no base range: any order is read */
	scan(r, &a, "It took 2~1 days.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_string_equal(doc.mentions[0].rule, "t.any");
	assert_string_equal(doc.mentions[0].time.value, "P1D");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_range_lower_first),
		cmocka_unit_test(test_norm_range_score_is_a_mask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
