/*
** test_norm_score.c: a relative date (norm_relative.c) whose number
** follows a score's first (slot num2, no den) is a
** date only when num2 is below num: "3-4 days later" reads 4 days, mod
** APPROX, its mention the whole range;
** "1-1 days later", "2 to 1 days later", "10-9 weeks earlier", "0-1 days
** later" are scores,
** a mask over both numbers and the rest, no mention at all.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The mentions of text, in doc (published 2026-01-16). */
static void scan(struct fc_rules *r, struct fc_arena *a, const char *text,
		 struct fc_document *doc)
{
	fc_test_norm_doc(r, a, text, "2026-01-16", doc);
}

static void test_norm_score_range_reads_upper(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/score.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	scan(r, &a, "It came 3-4 days later.", &doc);
	assert_int_equal(doc.nmentions, 1);
	/* the mention is the whole range, "3-4 days later" */
	assert_int_equal(doc.mentions[0].start, 8);
	assert_int_equal(doc.mentions[0].end, 22);
	assert_string_equal(doc.mentions[0].rule, "t.later");
	assert_string_equal(doc.mentions[0].time.value, "2026-01-20");
	scan(r, &a, "It came 2 to 5 days later.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_int_equal(doc.mentions[0].start, 8);
	assert_int_equal(doc.mentions[0].end, 25);
	assert_string_equal(doc.mentions[0].time.value, "2026-01-21");
	/* a range is no exact count: mod APPROX */
	assert_int_equal(doc.mentions[0].time.mod, FC_MOD_APPROX);
	/* no score before it: the count alone, exact */
	scan(r, &a, "It came 5 days later.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_string_equal(doc.mentions[0].time.value, "2026-01-21");
	assert_int_equal(doc.mentions[0].time.mod, FC_MOD_NONE);
	/* a count of decades is ten years each, not the calendar decade */
	scan(r, &a, "It came 2 decades later.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_string_equal(doc.mentions[0].time.value, "2046");
	assert_int_equal(doc.mentions[0].time.grain, FC_GRAIN_YEAR);
	scan(r, &a, "It came 3 decades earlier.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_string_equal(doc.mentions[0].time.value, "1996");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_score_is_a_mask(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/score.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	static const char *const scores[] = {
		"They drew 1-1 days later.", "They won 2 to 1 days later.",
		"They lost 10-9 weeks earlier.", "They lost 0-1 days later.",
		"They lost 0 to 2 weeks earlier.",
	};
	struct fc_document doc;
	for (size_t i = 0; i < sizeof(scores) / sizeof(*scores); i++) {
		scan(r, &a, scores[i], &doc);
		assert_int_equal(doc.nmentions, 0);
	}
	/* the mask is the score's only: a count after it is read */
	scan(r, &a, "Drew 2-2 days later, 5 days later.", &doc);
	assert_int_equal(doc.nmentions, 1);
	assert_int_equal(doc.mentions[0].start, 21);
	assert_string_equal(doc.mentions[0].time.value, "2026-01-21");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_score_range_reads_upper),
		cmocka_unit_test(test_norm_score_is_a_mask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
