/*
** test_norm_load.c: normalizer rule files are loaded strictly, and every
** problem is reported with its file:line:col (fixtures in data/).
*/
#include <stdio.h>

#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

/* Index of the diagnostic with this message, or -1. */
static int find(const struct fc_diags *d, const char *msg)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].msg && !strcmp(d->v[i].msg, msg))
			return (int)i;
	return -1;
}

static size_t count_file(const struct fc_diags *d, const char *file)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i].loc.file && !strcmp(d->v[i].loc.file, file);
	return n;
}

/* Diagnostic msg is there, at file:line:col, of severity sev. */
static void expect_sev(const struct fc_diags *d, const char *file,
		       unsigned line, unsigned col, const char *msg, int sev)
{
	int i = find(d, msg);
	if (i < 0)
		fprintf(stderr, "missing diagnostic: %s\n", msg);
	assert_true(i >= 0);
	fc_assert_diag(d, (size_t)i, file, line, col, msg);
	assert_int_equal(d->v[i].sev, sev);
}

static void expect(const struct fc_diags *d, const char *file, unsigned line,
		   unsigned col, const char *msg)
{
	expect_sev(d, file, line, col, msg, FC_SEV_ERROR);
}

static void expect_warn(const struct fc_diags *d, const char *file,
			unsigned line, unsigned col, const char *msg)
{
	expect_sev(d, file, line, col, msg, FC_SEV_WARNING);
}

static void test_norm_load_keys_and_types(void **state)
{
	const char *f = DATA "/bad_keys.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	expect(&d, f, 2, 1,
	       "unknown key 'pattern' in a normalizer file (did you mean "
	       "'patterns'?)");
	expect(&d, f, 4, 10,
	       "table 'month' must be a mapping of words to values");
	expect(&d, f, 9, 5,
	       "unknown key 'prodution' in a pattern (did you mean "
	       "'production'?)");
	expect(&d, f, 11, 15,
	       "priority must be a whole number from -1000 to 1000");
	expect(&d, f, 12, 13, "anchor must be a string or a list of strings");
	assert_int_equal(count_file(&d, f), 5);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

static void test_norm_load_regex_tables_productions(void **state)
{
	const char *f = DATA "/bad_regex.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	/* PCRE2's message, at the column inside the quoted scalar */
	expect(&d, f, 8, 24,
	       "bad regex in pattern 'p.paren': missing closing parenthesis");
	expect(&d, f, 12, 16, "unknown table 'mnth' (did you mean 'month'?)");
	expect(&d, f, 16, 17,
	       "unknown production 'datee' (did you mean 'date'?)");
	/* an error inside a macro points at the reference to it */
	expect(&d, f, 18, 14,
	       "bad regex in pattern 'p.macro': syntax error in subpattern "
	       "name (missing terminator?)");
	expect(&d, f, 23, 11, "unknown slot 'valeu' (did you mean 'value'?)");
	expect(&d, f, 24, 9,
	       "duplicate pattern id 'p.paren' (first at line 7)");
	/* an underscore in an anchor: a table's name mistyped, or a macro */
	expect(&d, f, 31, 14,
	       "anchor 'month_s' is no table and no word (did you mean "
	       "'month'?)");
	expect(&d, f, 31, 23, "anchor 'big_word' is no table and no word");
	assert_int_equal(count_file(&d, f), 8);
	int i = find(&d, "bad regex in pattern 'p.paren': missing closing "
			 "parenthesis");
	assert_int_equal(d.v[i].code, FC_EREGEX);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* A quoted pattern after characters of more than one byte: the column
** inside it is still the one of the character PCRE2 names (libyaml's
** marks count characters; the raw text is cut from the file's bytes). */
static void test_norm_load_regex_after_utf8(void **state)
{
	(void)state;
	const char *f = DATA "/bad_regex_utf8.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	/* the end of the pattern: its closing quote */
	expect(&d, f, 8, 30,
	       "bad regex in pattern 'p.utf8': missing closing parenthesis");
	assert_int_equal(count_file(&d, f), 1);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* A macro with the name of a table is an error at the macro (the test
** goes through the index of names the expansion uses). */
static void test_norm_load_macro_named_as_table(void **state)
{
	(void)state;
	const char *f = DATA "/macro_table.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	expect(&d, f, 7, 10, "macro 'month' has the name of a table");
	assert_int_equal(count_file(&d, f), 1);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* table_keys: the built-in checks hold on the tables a --rules folder
** replaces, and a folder's own checks are read like the rest. */
static void test_norm_load_table_keys(void **state)
{
	(void)state;
	const char *f = DATA "/keys_override/over.yaml";
	const char *dirs[] = {DATA "/keys_override", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_not_equal(fc_rules_load(dirs, 1, &r, &d), FC_OK);
	expect(&d, f, 5, 5,
	       "key '1k' of table 'scale' must not match "
	       "'^(?:[0-9\\s.,/^+\\-\u2013\u00d7\\x{a0}\\x{202f}]|[eE][+-]?[0-9]|"
	       "x\\s?10\\^)': {qd_scale} reads what a number can hold up to "
	       "the scale word, without giving back");
	expect(&d, f, 8, 5,
	       "key '1/2' of table 'vulgar_fraction' must not match "
	       "'^(?![^\\x00-\\x7f]\\z)': {vulgar} tries a fraction only at "
	       "one character above ASCII");
	expect(&d, f, 4, 5,
	       "key 'million' of table 'scale' must not match '^mil': no "
	       "scale word starts with mil here");
	expect(&d, f, 10, 21, "table_keys: no table 'no_such_table'");
	expect(&d, f, 14, 31,
	       "bad regex in table_keys: missing closing parenthesis");
	/* both tables replace built-in ones and drop words: lint warns */
	expect_warn(&d, f, 3, 3,
		    "scale replaces the built-in table; 9 of its 10 keys are "
		    "not repeated (e.g. 'dozen'): copy them to extend it");
	expect_warn(&d, f, 6, 3,
		    "vulgar_fraction replaces the built-in table; 14 of its "
		    "15 keys are not repeated (e.g. '\u2153'): copy them to "
		    "extend it");
	assert_int_equal(count_file(&d, f), 7);
	/* the built-in files check clean */
	assert_int_equal(d.n, 7);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

static size_t run(const struct fc_rules *r, const char *text,
		  struct fc_arena *a, struct fc_document *doc)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = fc_arena_strdup(a, text);
	doc->text_len = strlen(text);
	doc->published = "2026-01-16";
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(r, a, doc, &d), FC_OK);
	fc_diags_finish(&d);
	fc_mentions_finish(doc);
	return doc->nmentions;
}

/* A later folder's rule with the same id replaces the earlier one. */
static void test_norm_load_override_by_id(void **state)
{
	const char *dirs[] = {DATA "/over_a", DATA "/over_b", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.nerr, 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	assert_int_equal(run(r, "foo and bar", &a, &doc), 1);
	assert_int_equal(doc.mentions[0].start, 8);
	assert_string_equal(doc.mentions[0].time.value, "FUTURE_REF");
	assert_string_equal(doc.mentions[0].rule, "ref.word");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	fc_diags_finish(&d);

	/* alone, over_a finds foo */
	const char *only_a[] = {DATA "/over_a", NULL};
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load(only_a, 0, &r, &d), FC_OK);
	fc_arena_init(&a);
	assert_int_equal(run(r, "foo and bar", &a, &doc), 1);
	assert_string_equal(doc.mentions[0].time.value, "PRESENT_REF");
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* An anchor that names a table is the table's words: a pattern that has
** the name as a word and does not use the table meant the word (a
** warning at the anchor, once however many groups name it; a load for
** lint or test only). */
static void test_norm_load_anchor_names_table(void **state)
{
	(void)state;
	const char *f = DATA "/anchor_table.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.nerr, 0);
	assert_int_equal(count_file(&d, f), 1);
	const char *msg = "anchor 'soon' is the words of table 'soon' (such as "
			  "'shortly'), not the word 'soon' of pattern 'p.word': "
			  "anchor on another word every match has";
	int i = find(&d, msg);
	assert_true(i >= 0);
	fc_assert_diag(&d, (size_t)i, f, 13, 15, msg);
	assert_int_equal(d.v[i].sev, FC_SEV_WARNING);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	/* a run that reads text (normalize, verify) pays for no author's
	** hint: the check is lint's and test's */
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load_kinds(dirs, 0, FC_KIND_NORMALIZER, &r,
					     &d),
			 FC_OK);
	assert_int_equal(count_file(&d, f), 0);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* The values of the tables the C code reads by name are checked
** against what each reader understands: one error at each value it
** would misread, none for a value it reads (1.0 is tense_word's 1). */
static void test_norm_load_table_values(void **state)
{
	(void)state;
	const char *f = DATA "/table_values/values.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_ESCHEMA);
	expect(&d, f, 4, 17,
	       "table 'tense_word': the value '99' of 'frobnicate' must be "
	       "an integer from -3 to 22");
	expect(&d, f, 5, 12,
	       "table 'tense_word': the value 'banana' of 'would' must be an "
	       "integer from -3 to 22");
	expect(&d, f, 10, 13,
	       "table 'tense_pair': the value '-2' of 'due to' must be one "
	       "of -3, -1, 0, 1, 2, 3, 4, 5");
	expect(&d, f, 12, 16,
	       "table 'game_cue': the value '2' of 'touchdown' must be 0 or "
	       "1");
	expect(&d, f, 15, 9,
	       "table 'told_year_word': the value 'versus' of 'vs' must be "
	       "compare or clause");
	const char *mods = "a TIMEX3 mod (START, MID, END, APPROX, BEFORE, "
			   "AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, "
			   "MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE)";
	char msg[512];
	snprintf(msg, sizeof(msg),
		 "table 'hedge': the value 'approx' of 'nearly' must be %s",
		 mods);
	expect(&d, f, 18, 13, msg);
	snprintf(msg, sizeof(msg),
		 "table 'hedge_sym': the value '1' of '>=' must be %s", mods);
	expect(&d, f, 20, 11, msg);
	expect(&d, f, 22, 15,
	       "table 'number': the value 'eleven' of 'eleventy' must be a "
	       "number");
	expect(&d, f, 23, 12,
	       "table 'number': the value 'nan' of 'oodle' must be a number");
	/* 18 (TW_COORD, "and") is tense_word's; a unit for "the year
	** before" is a code of unit_grain, not a word */
	expect(&d, f, 29, 12,
	       "table 'cal_unit_one': the value 'month' of 'month' must be a "
	       "unit: D, W, WE, M, Q, H, Y or DE");
	/* without the built-in suite nothing is replaced: no warning */
	assert_int_equal(d.n, 10);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	/* a run that reads text refuses them too (exit 2, not a silent
	** change of meaning) */
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load_kinds(dirs, 0,
					     FC_KIND_NORMALIZER |
						     FC_LOAD_NO_TESTS,
					     &r, &d),
			 FC_ESCHEMA);
	assert_int_equal(d.nerr, 10);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* A --rules table that replaces a built-in one the C code reads warns
** (lint, test) when it drops built-in keys, and is quiet when it repeats
** them all (in any case) or for a run that reads text. */
static void test_norm_load_table_replaced(void **state)
{
	(void)state;
	const char *f = DATA "/table_values/replace_some/passive.yaml";
	const char *some[] = {DATA "/table_values/replace_some", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(some, 1, &r, &d), FC_OK);
	expect_warn(&d, f, 4, 3,
		    "passive replaces the built-in table; 1 of its 6 keys is "
		    "not repeated (e.g. 'get'): copy them to extend it");
	assert_int_equal(d.n, 1);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load_kinds(some, 1, FC_KIND_NORMALIZER, &r,
					     &d),
			 FC_OK);
	assert_int_equal(d.n, 0);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	const char *all[] = {DATA "/table_values/replace_all", NULL};
	fc_diags_init(&d);
	assert_int_equal(fc_rules_load(all, 1, &r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

/* The built-in rules load without a single diagnostic. */
static void test_norm_load_builtin_clean(void **state)
{
	const char *dirs[] = {FC_SOURCE_ROOT "/rules/normalizers", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	if (d.n)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(d.n, 0);
	assert_non_null(r->norm);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_load_keys_and_types),
		cmocka_unit_test(test_norm_load_regex_tables_productions),
		cmocka_unit_test(test_norm_load_regex_after_utf8),
		cmocka_unit_test(test_norm_load_macro_named_as_table),
		cmocka_unit_test(test_norm_load_table_keys),
		cmocka_unit_test(test_norm_load_override_by_id),
		cmocka_unit_test(test_norm_load_anchor_names_table),
		cmocka_unit_test(test_norm_load_table_values),
		cmocka_unit_test(test_norm_load_table_replaced),
		cmocka_unit_test(test_norm_load_builtin_clean),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
