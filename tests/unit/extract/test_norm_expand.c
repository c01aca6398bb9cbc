/*
** test_norm_expand.c: a reference's group holds the macro's text or the
** table's alternation directly ("(?<b>x(?:y|z))", not
** "(?<b>(?:x(?:y|z)))"; "(?<w>one|two)" for a macro "(?:one|two)"; "abc?",
** not "ab(?:c)?"), the same with the tables' cache and without; a macro
** whose parentheses do not balance stays in a group of its own, so it
** matches as before; a reference that is a whole branch of a
** look-behind goes in as its branches (PCRE2 10.42 takes branches of
** different lengths at a look-behind's top level only); a bad regex still fails at load at its file:line:col
** (rules in data/expand_*.yaml, read by libyaml).
*/
#include <stdio.h>

#include "fc_test.h"
#include "extract/norm_expand_p.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/extract/data"

static struct norm_pattern *pattern(struct fc_norm *n, const char *id)
{
	for (size_t i = 0; i < n->npatterns; i++)
		if (!strcmp(n->patterns[i].id, id))
			return &n->patterns[i];
	fail_msg("no pattern %s", id);
	return NULL;
}

/* The expansion of pattern id (with the tables' cache when cache). */
static void expect_rx(struct fc_norm *n, const char *id,
		      struct table_rx *cache, const char *want)
{
	struct name_index ix;
	assert_true(norm_names_index(n, &ix));
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);
	struct norm_pattern *p = pattern(n, id);
	struct expand e = {.n = n, .a = &a, .d = &d, .p = p, .cache = cache,
			   .names_ix = &ix, .is_mapless = true};
	fc_buf_init(&e.out, 0);
	norm_expand_str(&e, p->match, 0);
	assert_false(e.failed);
	assert_string_equal(fc_buf_cstr(&e.out), want);
	assert_int_equal(d.n, 0);
	fc_buf_finish(&e.out);
	free(e.map);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	free(ix.slot);
}

static void test_groups(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/expand_groups.yaml", 0);
	struct fc_norm *n = r->norm;
	struct table_rx *cache = calloc(2 * n->ntables + 1, sizeof(*cache));
	assert_non_null(cache);
	/* twice with the cache: made, then taken from it */
	for (int k = 0; k < 3; k++) {
		struct table_rx *c = k ? cache : NULL;
		expect_rx(n, "t.macros", c,
			  "\\b(?<b>x(?:y|z))(?:p|q)(?:x(?:y|z))\\b");
		expect_rx(n, "t.tables", c,
			  "\\b(?:bar|foo)(?<t>bar|foo)(?:solo)(?:abc?)\\b");
		/* a macro written whole in a group goes in without it */
		expect_rx(n, "t.wrap", c,
			  "\\b(?<w>one|two)(?:(?:a)|(?:b))(?:(?:c|d)?)\\b");
		/* an optional last character: "c?", "é?", not "(?:c)?" */
		expect_rx(n, "t.utf", c, "\\b(?:caf\xc3\xa9?)$");
		expect_rx(n, "t.unbal", c, "\\b(?:(?:zq)|(zr))\\b");
		expect_rx(n, "t.nest", c,
			  "\\b(?<n>(?:k(?:(?:zq)|(zr))))\\b");
		expect_rx(n, "t.lookbehind", c,
			  "(?<=x\\s|ab\\s|c\\s)y(?<!ab\\s|c\\s|(?:m)|ab\\s|c\\s)"
			  "(?<=(?:m)|ab\\s|c\\s|y)");
		/* not a whole branch, or outside a look-behind: a group */
		expect_rx(n, "t.lookbehind-group", c,
			  "(?<=x(?:ab|cd)|\\|(?:ab|cd))y(?:u|(?:ab|cd))"
			  "(?<=(?:ab|cd)q)");
		/* a macro that sets an option keeps its group when a
		** branch follows it: the option would reach that branch */
		expect_rx(n, "t.lookbehind-option", c,
			  "(?<=(?:(?-i)ab\\s|cd\\s)|xy\\s)z"
			  "(?<!(?:(?-i)ab\\s|cd\\s)|q)");
		expect_rx(n, "t.lookbehind-option-last", c,
			  "(?<=xy\\s|(?-i)ab\\s|cd\\s)z");
		/* PCRE2's other spelling of a look-behind; a look-ahead's
		** reference keeps its group */
		expect_rx(n, "t.lookbehind-alpha", c,
			  "(*plb:x\\s|ab\\s|c\\s)y"
			  "(*negative_lookbehind:ab\\s|c\\s|q)");
		expect_rx(n, "t.lookbehind-alpha2", c,
			  "(*naplb:ab\\s|c\\s)z(*nlb:q|ab\\s|c\\s)"
			  "(*pla:(?:ab\\s|c\\s)|x)");
	}
	for (size_t i = 0; i < 2 * n->ntables; i++)
		free(cache[i].rx);
	free(cache);
	fc_rules_destroy(r);
}

/* Where pattern id first matches s (-1: nowhere); tried at each offset,
** as the normalizer tries it (compiled anchored or not). */
static long match_at(struct fc_norm *n, const char *id, const char *s)
{
	pcre2_code *code = pattern(n, id)->code;
	assert_non_null(code);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	long at = -1;
	for (size_t i = 0; i < strlen(s) && at < 0; i++)
		if (pcre2_match(code, (PCRE2_SPTR)s, strlen(s), i, 0, md,
				NULL) > 0)
			at = (long)pcre2_get_ovector_pointer(md)[0];
	pcre2_match_data_free(md);
	return at;
}

/* Does the compiled pattern id match all of s? */
static bool matches(struct fc_norm *n, const char *id, const char *s)
{
	pcre2_code *code = pattern(n, id)->code;
	assert_non_null(code);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
	int rc = pcre2_match(code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
	bool is_whole = rc > 0 && pcre2_get_ovector_pointer(md)[0] == 0 &&
			pcre2_get_ovector_pointer(md)[1] == strlen(s);
	pcre2_match_data_free(md);
	return is_whole;
}

static void test_unbalanced_matches_as_before(void **state)
{
	(void)state;
	struct fc_rules *r = fc_test_load_rules(DATA "/expand_groups.yaml", 0);
	struct fc_norm *n = r->norm;
	/* "\b(?:(?:zq)|(zr))\b": \b on both sides of both branches (in a
	** group of one's own, "\b(?:zq)|(zr)\b" would take "zq" of "zqa") */
	assert_true(matches(n, "t.unbal", "zq"));
	assert_true(matches(n, "t.unbal", "zr"));
	assert_false(matches(n, "t.unbal", "zqa"));
	assert_false(matches(n, "t.unbal", "azr"));
	assert_true(matches(n, "t.nest", "kzr"));
	assert_true(matches(n, "t.macros", "xypxz"));
	assert_true(matches(n, "t.tables", "foobarsoloabc"));
	assert_true(matches(n, "t.tables", "foobarsoloab"));
	assert_true(matches(n, "t.utf", "caf\xc3\xa9"));
	assert_true(matches(n, "t.utf", "caf"));
	assert_true(matches(n, "t.wrap", "twobd"));
	assert_true(matches(n, "t.wrap", "onea"));
	assert_false(matches(n, "t.wrap", "oneab"));
	assert_false(matches(n, "t.utf", "cafe"));
	/* each branch of the look-behind a branch of its own */
	assert_int_equal(match_at(n, "t.lookbehind", "x y"), 2);
	assert_int_equal(match_at(n, "t.lookbehind", "ab y"), 3);
	assert_int_equal(match_at(n, "t.lookbehind", "c y"), 2);
	assert_int_equal(match_at(n, "t.lookbehind", "b y"), -1);
	/* the pattern is caseless; "(?-i)" in the macro reaches its own
	** branches, not "xy\s" */
	assert_int_equal(match_at(n, "t.lookbehind-option", "ab z"), 3);
	assert_int_equal(match_at(n, "t.lookbehind-option", "AB z"), -1);
	assert_int_equal(match_at(n, "t.lookbehind-option", "XY z"), 3);
	assert_int_equal(match_at(n, "t.lookbehind-option-last", "cd z"), 3);
	assert_int_equal(match_at(n, "t.lookbehind-option-last", "CD z"), -1);
	assert_int_equal(match_at(n, "t.lookbehind-alpha", "ab y"), 3);
	assert_int_equal(match_at(n, "t.lookbehind-alpha", "b y"), -1);
	fc_rules_destroy(r);
}

static void test_bad_regex_at_load(void **state)
{
	(void)state;
	const char *f = DATA "/expand_bad.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_EREGEX);
	assert_int_equal(d.nerr, 5);
	fc_assert_diag(&d, 0, f, 13, 48,
		       "bad regex in pattern 'bad.one': subpattern name "
		       "expected");
	fc_assert_diag(&d, 1, f, 16, 29,
		       "bad regex in pattern 'bad.two': missing terminating ] "
		       "for character class");
	fc_assert_diag(&d, 2, f, 19, 27,
		       "bad regex in pattern 'bad.three': unmatched closing "
		       "parenthesis");
	fc_assert_diag(&d, 3, f, 22, 13,
		       "bad regex in pattern 'bad.four': subpattern name "
		       "expected");
	/* a macro's lone '\\' spliced into a look-behind: it keeps its
	** group, whose ')' it escapes, as before the splice */
	fc_assert_diag(&d, 4, f, 25, 28,
		       "bad regex in pattern 'bad.five': missing closing "
		       "parenthesis");
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_unbalanced_matches_as_before),
		cmocka_unit_test(test_bad_regex_at_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
