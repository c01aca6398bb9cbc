/*
** test_norm_lookref.c: the look-back's caches (norm_anchor.c: the kept
** windows and the memo of relative times) carry no reference key, since
** every look-back of a document reads against the document's reference.
** The look-back holds that: the first look-back after
** norm_lookback_forget takes its reference, and a match read against
** any other reference (norm_shift.c's moved one, which it marks
** is_rescan anyway) looks back at nothing, so it can never be given
** what was read against the first. The scan's own readings are those
** of a reading without the caches (a fresh look-back for each).
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"
#include "extract/norm_p.h"
#include "extract/norm_ref.h"

static struct fc_rules *rules;

static int setup(void **state)
{
	int rc = fc_test_rules_setup(state);
	rules = *state;
	return rc;
}

static const char text[] = "In 1910 the dam broke. The following year "
			   "the town was rebuilt.";

/* A match at the first occurrence of word in text, read against ref,
** with look-back *lb (lb NULL: none kept). */
static struct norm_match match_at(const char *word, const struct norm_ref *ref,
				  struct norm_lookback **lb, PCRE2_SIZE *ov)
{
	const struct fc_norm *n = rules->norm;
	const char *at = strstr(text, word);
	assert_non_null(at);
	uint32_t start = (uint32_t)(at - text);
	struct norm_match m = {
		.n = n, .p = &n->patterns[0], .text = text, .ov = ov,
		.nov = 1, .start = start,
		.end = start + (uint32_t)strlen(word), .stretch_start = 23,
		.stretch_end = (uint32_t)strlen(text), .ref = ref,
		.lookback = lb,
	};
	return m;
}

static void test_lookback_reads_against_one_reference(void **state)
{
	(void)state;
	PCRE2_SIZE ov[2] = {0, 0};
	struct norm_ref ref, moved;
	assert_true(fc_norm_ref_parse("2013-06-10", &ref));
	moved = ref; /* the same value elsewhere: another reference */
	struct fc_time t;

	/* no look-back kept: a fresh one each time, for either */
	struct norm_match m = match_at("The following year", &ref, NULL, ov);
	assert_true(norm_last_mention(&m, 0, 0, 0, &t));
	assert_string_equal(t.value, "1910");
	m = match_at("The following year", &moved, NULL, ov);
	assert_true(norm_last_mention(&m, 0, 0, 0, &t));
	assert_string_equal(t.value, "1910");

	/* one kept: its first look-back decides the reference */
	struct norm_lookback *lb = norm_lookback_create(rules->norm, NULL);
	assert_non_null(lb);
	m = match_at("The following year", &ref, &lb, ov);
	assert_true(norm_last_mention(&m, 0, 0, 0, &t));
	assert_string_equal(t.value, "1910");
	assert_true(norm_last_mention(&m, 0, 0, 0, &t)); /* kept window */
	assert_string_equal(t.value, "1910");
	struct norm_match mv = match_at("The following year", &moved, &lb, ov);
	assert_false(norm_last_mention(&mv, 0, 0, 0, &t));
	assert_false(norm_last_mention_near(&mv, &t));
	/* a match made by a look-back never looks back */
	struct norm_match re = m;
	re.is_rescan = true;
	assert_false(norm_last_mention(&re, 0, 0, 0, &t));
	/* the next document: the moved one is its reference now */
	norm_lookback_forget(lb);
	assert_true(norm_last_mention(&mv, 0, 0, 0, &t));
	assert_string_equal(t.value, "1910");
	assert_false(norm_last_mention(&m, 0, 0, 0, &t));
	norm_lookback_destroy(lb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookback_reads_against_one_reference),
	};
	return cmocka_run_group_tests(tests, setup, fc_test_rules_teardown);
}
