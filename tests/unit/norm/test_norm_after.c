/*
** test_norm_after.c: `after:` and `not_after:` (norm_jit.c) read the
** word before a match as the look-backs (?<=\bWORD\s) and (?<!\bWORD\s)
** of the table's words would: caseless (U+212A folds to k), with a word
** boundary before the word, one blank after it, a blank inside a key
** standing for one blank; on patterns tried at their start strings and
** on searched ones; bad values are errors at file:line:col.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* The value of the mention that is exactly span in text, or NULL. */
static const char *value(struct fc_rules *r, struct fc_arena *a,
			 const char *text, const char *span)
{
	return fc_test_time_value(r, a, text, "2026-01-16", span);
}

static void test_norm_after_not_after_words(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/after.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	static const char *const refused[] = {
		"by noon", "BY noon", "Talks by\tnoon.", "Jan. noon",
		"a ratio of noon", "a ratio\nof noon", "OK noon",
		"o\xE2\x84\xAA noon", /* U+212A: "oK" */
		"\xE2\x84\xAAok noon", /* a boundary after U+212A */
	};
	for (size_t i = 0; i < sizeof(refused) / sizeof(*refused); i++)
		assert_null(value(r, &a, refused[i], "noon"));
	static const char *const kept[] = {
		"noon", " noon", "at noon", "Jan noon", "by  noon",
		"nearby noon", "_by noon", "x_ok noon", "ratio  of noon",
		"ratio-of noon", "by, noon", "by\xC2\xA0noon", /* NBSP */
		"ab\xE2\x84\xAA noon",
	};
	for (size_t i = 0; i < sizeof(kept) / sizeof(*kept); i++)
		assert_string_equal(value(r, &a, kept[i], "noon"),
				    "PRESENT_REF");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_after_after_words(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/after.yaml", 0);
	struct fc_arena a;
	fc_arena_init(&a);
	/* anchored (dawn) and searched (dusk); any of the tables */
	assert_string_equal(value(r, &a, "at dawn", "dawn"), "PAST_REF");
	assert_string_equal(value(r, &a, "Towards dawn", "dawn"), "PAST_REF");
	assert_string_equal(value(r, &a, "AT dusk", "dusk"), "FUTURE_REF");
	assert_null(value(r, &a, "dawn", "dawn"));
	assert_null(value(r, &a, "in dawn", "dawn"));
	assert_null(value(r, &a, "that dawn", "dawn"));
	assert_null(value(r, &a, "dusk", "dusk"));
	assert_null(value(r, &a, "at  dusk", "dusk"));
	assert_null(value(r, &a, "bat dusk", "dusk"));
	/* a refused start does not end the search: the next one is found */
	assert_null(value(r, &a, "in dusk and by dusk", "in dusk"));
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	const char *text = "in dusk and by dusk";
	doc.text = fc_arena_strdup(&a, text);
	doc.text_len = strlen(text);
	doc.published = "2026-01-16";
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(r, &a, &doc, &d), FC_OK);
	fc_diags_finish(&d);
	assert_int_equal(doc.nmentions, 1);
	assert_int_equal(doc.mentions[0].start, 15);
	assert_int_equal(doc.mentions[0].end, 19);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
}

static void test_norm_after_bad_values_report_col(void **state)
{
	(void)state;
	const char *f = DATA "/bad_after.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.nerr, 3);
	fc_assert_diag(&d, 0, f, 14, 12,
		       "after must be a table name or a list of 1 to 4 "
		       "table names");
	fc_assert_diag(&d, 1, f, 9, 17, "not_after: no table 'stop_words'");
	fc_assert_diag(&d, 2, f, 3, 10,
		       "word 'déjà' of table 'wide' (not_after): only ASCII "
		       "words can be looked up");
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_after_not_after_words),
		cmocka_unit_test(test_norm_after_after_words),
		cmocka_unit_test(test_norm_after_bad_values_report_col),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
