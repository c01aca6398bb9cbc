/*
** test_rules.c: loading `kind: boilerplate` files: every error with its
** position, overriding and disabling built-in rules by id, and each
** action (drop, drop-next, drop-rest, keep) on a document.
*/
#include "text_test.h"
#include "../ingest/tmpdir.h"

struct want {
	unsigned line, col;
	fc_status code;
	const char *msg;
};

/* Load one rule file; its diagnostics must be exactly want[0, n). */
static fc_status load_one(const char *yaml, const struct want *w, size_t n,
			  struct fc_rules **out)
{
	char *dir = tmp_make();
	char *path = tmp_write_n(dir, "x.yaml", yaml, strlen(yaml));
	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(dirs, 0, &r, &d);
	bool same = d.n == n;
	for (size_t i = 0; same && i < n; i++)
		same = d.v[i].loc.line == w[i].line &&
		       d.v[i].loc.col == w[i].col && d.v[i].code == w[i].code &&
		       !strcmp(d.v[i].msg, w[i].msg);
	if (!same)
		for (size_t i = 0; i < d.n; i++)
			print_message("got %u:%u: %s\n", d.v[i].loc.line,
				      d.v[i].loc.col, d.v[i].msg);
	assert_true(same);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(d.v[i].loc.file, path);
	fc_diags_finish(&d);
	if (out)
		*out = r;
	else
		fc_rules_destroy(r);
	free(path);
	tmp_remove(dir);
	return st;
}

static void test_rule_errors(void **state)
{
	(void)state;
	static const char yaml[] =
		"kind: boilerplate\n"
		"abreviations: [Mr.]\n"
		"final_abbreviations: [Inc, U.S.]\n"
		"sentence_starters: [The, New York]\n"
		"rules:\n"
		"  - id: a\n"
		"    pattern: '^(unclosed'\n"
		"  - id: b\n"
		"    patern: x\n"
		"  - id: c\n"
		"    pattern: x\n"
		"    action: delete\n"
		"  - id: d\n"
		"    pattern: x\n"
		"    next: 2\n"
		"  - id: e\n"
		"    heuristic: heading\n"
		"    pattern: x\n"
		"    title_min_words: 0\n"
		"  - id: a\n"
		"    pattern: y\n"
		"  - pattern: z\n"
		"  - id: f\n"
		"    heuristic: guess\n"
		"  - id: g\n"
		"    pattern: [ok, 'a{2,1}']\n"
		"    max_length: -5\n"
		"  - just a string\n"
		"tests: {}\n";
	static const struct want w[] = {
		{2, 1, FC_ESCHEMA,
		 "unknown key 'abreviations' in boilerplate file (did you "
		 "mean 'abbreviations'?)"},
		{3, 23, FC_ESCHEMA,
		 "final_abbreviations: 'Inc' must end with '.'"},
		{4, 26, FC_ESCHEMA,
		 "sentence_starters: 'New York' must be one word"},
		{29, 8, FC_ESCHEMA, "tests must be a list of cases"},
		{7, 25, FC_EREGEX,
		 "bad regular expression in rule 'a': missing closing "
		 "parenthesis"},
		{9, 5, FC_ESCHEMA,
		 "unknown key 'patern' in boilerplate rule (did you mean "
		 "'pattern'?)"},
		{8, 5, FC_ESCHEMA, "rule 'b' needs a 'pattern' or a 'heuristic'"},
		{12, 13, FC_ESCHEMA,
		 "unknown action 'delete' (one of drop, drop-next, drop-rest, "
		 "keep)"},
		{15, 11, FC_ESCHEMA, "'next' only applies to action drop-next"},
		{18, 14, FC_ESCHEMA,
		 "'pattern' does not apply to the heading rule 'e'"},
		{19, 22, FC_ESCHEMA,
		 "title_min_words must be a whole number from 1 to 100"},
		{20, 9, FC_ESCHEMA, "duplicate rule id 'a' (first at line 6)"},
		{22, 5, FC_ESCHEMA, "rule has no 'id'"},
		{24, 16, FC_ESCHEMA,
		 "unknown heuristic 'guess' (one of heading, duplicate)"},
		{27, 17, FC_ESCHEMA,
		 "max_length must be a whole number from 0 to 1000000"},
		{26, 25, FC_EREGEX,
		 "bad regular expression in rule 'g': numbers out of order in "
		 "{} quantifier"},
		{28, 5, FC_ESCHEMA, "a rule must be a mapping with an 'id'"},
	};
	assert_int_not_equal(load_one(yaml, w, sizeof(w) / sizeof(*w), NULL),
			     FC_OK);
}

static void test_rules_not_a_list(void **state)
{
	(void)state;
	static const struct want w[] = {
		{2, 8, FC_ESCHEMA, "rules must be a list of rules"},
	};
	assert_int_equal(load_one("kind: boilerplate\nrules: {id: x}\n", w, 1,
				  NULL),
			 FC_ESCHEMA);
}

/* A user folder overrides a built-in rule by id and disables another. */
static void test_override_and_disable(void **state)
{
	(void)state;
	char *dir = tmp_make();
	tmp_write(dir, "mine.yaml",
		  "kind: boilerplate\n"
		  "rules:\n"
		  "  - id: advertisement\n"
		  "    pattern: '^PROMO$'\n"
		  "  - {id: heading, enabled: false}\n"
		  "  - {id: house-style, pattern: '^Staff report$'}\n");
	const char *dirs[] = {BOILER_DIR, dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	static const char raw[] = "ADVERTISEMENT\nPROMO\nA short headline\n"
				  "Staff report\nThe talks ended.\n";
	struct cleaned c;
	clean_buf(&c, r, "o.txt", NULL, raw, sizeof(raw) - 1);
	assert_string_equal(c.doc.text,
			    "ADVERTISEMENT\n\nA short headline\n\nThe talks "
			    "ended.");
	assert_int_equal(c.doc.ndropped, 2);
	assert_string_equal(c.doc.dropped[0].rule, "advertisement");
	assert_string_equal(dropped_text(&c, 0), "PROMO");
	assert_string_equal(c.doc.dropped[1].rule, "house-style");
	/* With the heuristic off there is no headline, so no title. */
	assert_null(c.doc.title);
	cleaned_finish(&c);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
	tmp_remove(dir);
}

static void test_actions(void **state)
{
	(void)state;
	struct fc_rules *r = NULL;
	load_one("kind: boilerplate\n"
		 "rules:\n"
		 "  - {id: two-after, pattern: '^Gallery$', action: drop-next, "
		 "next: 2}\n"
		 "  - {id: footer, pattern: '^END$', action: drop-rest}\n"
		 "  - {id: ours, pattern: '^Note:', action: keep}\n"
		 "  - {id: notes, pattern: '^Note'}\n"
		 "  - {id: long, pattern: 'x', max_length: 5}\n"
		 "  - {id: h, heuristic: heading, max_length: 20, final: '.'}\n",
		 NULL, 0, &r);
	static const char raw[] = "Gallery\nOne.\nTwo.\nThree.\n"
				  "Note: kept as prose.\nNotebook\n"
				  "Xxxx.\nXxxxxx.\n"
				  "Short line\nA very long line without any stop\n"
				  "A question?\n"
				  "END\nAfter.\nMore after.\n";
	struct cleaned c;
	clean_buf(&c, r, "a.txt", NULL, raw, sizeof(raw) - 1);
	assert_string_equal(c.doc.text,
			    "Three.\n\nNote: kept as prose.\n\nXxxxxx.\n\n"
			    "A very long line without any stop");
	static const char *const want[] = {
		"two-after", "Gallery", "two-after", "One.", "two-after",
		"Two.", "notes", "Notebook", "long", "Xxxx.", "h",
		"Short line", "h", "A question?", "footer", "END",
		"footer", "After.", "footer", "More after.",
	};
	assert_int_equal(c.doc.ndropped, 10);
	for (size_t i = 0; i < 10; i++) {
		assert_string_equal(c.doc.dropped[i].rule, want[2 * i]);
		assert_string_equal(dropped_text(&c, i), want[2 * i + 1]);
	}
	cleaned_finish(&c);
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rule_errors),
		cmocka_unit_test(test_rules_not_a_list),
		cmocka_unit_test(test_override_and_disable),
		cmocka_unit_test(test_actions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
