/*
** test_norm_iso4217.c: `options: iso4217` fills normalizer tables from
** an ISO 4217 list beside the ISO 3166-1 list (FACTCROSS_ISO_CODES):
** names and plurals, codes, skipped entries and codes, YAML words that
** win, the heads table, and the diagnostics of a bad option or a missing
** list. Fixtures in data/iso4217/; each test links the lists into a
** temp folder.
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fc_test.h"

#include "extract/norm_p.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data/iso4217"

struct tmp {
	char dir[64];
	char iso3166[128], iso4217[128];
};

/* A temp folder holding iso_3166-1.json and, when with_4217,
** iso_4217.json; FACTCROSS_ISO_CODES points at the first. */
static void tmp_make(struct tmp *t, bool with_4217)
{
	snprintf(t->dir, sizeof(t->dir), "/tmp/fc-iso4217-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->iso3166, sizeof(t->iso3166), "%s/iso_3166-1.json",
		 t->dir);
	snprintf(t->iso4217, sizeof(t->iso4217), "%s/iso_4217.json", t->dir);
	assert_int_equal(symlink(FC_ISO_CODES_PATH, t->iso3166), 0);
	if (with_4217)
		assert_int_equal(symlink(DATA "/iso_4217.json", t->iso4217),
				 0);
	assert_int_equal(setenv("FACTCROSS_ISO_CODES", t->iso3166, 1), 0);
}

static void tmp_remove(struct tmp *t)
{
	unlink(t->iso4217);
	unlink(t->iso3166);
	rmdir(t->dir);
	unsetenv("FACTCROSS_ISO_CODES");
}

/* The value of key in table name, or NULL. */
static const char *table_val(const struct fc_norm *n, const char *name,
			     const char *key)
{
	int t = norm_table_find(n, name);
	assert_true(t >= 0);
	for (size_t i = 0; i < n->tables[t].n; i++)
		if (!strcmp(n->tables[t].keys[i], key))
			return n->tables[t].vals[i];
	return NULL;
}

static void test_iso4217_fills_tables(void **state)
{
	struct tmp t;
	tmp_make(&t, true);
	const char *dirs[] = {DATA "/rules.yaml", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_OK);
	assert_int_equal(d.nerr, 0);
	const struct fc_norm *n = r->norm;
	/* names and plurals */
	assert_string_equal(table_val(n, "cur_word", "Swiss Franc"), "CHF");
	assert_string_equal(table_val(n, "cur_word", "Pound Sterling"), "GBP");
	assert_string_equal(table_val(n, "cur_word", "Pound Sterlings"),
			    "GBP");
	/* a code skipped with "code" keeps its names */
	assert_string_equal(table_val(n, "cur_word", "Turkish Lira"), "TRY");
	assert_null(table_val(n, "cur_code", "TRY"));
	/* a skipped entry, a name with parentheses: left out */
	assert_null(table_val(n, "cur_word", "Gold"));
	assert_null(table_val(n, "cur_code", "XAU"));
	assert_null(table_val(n, "cur_code", "USN"));
	/* one name for two codes: the first entry keeps it */
	assert_string_equal(table_val(n, "cur_word", "Leone"), "SLE");
	assert_string_equal(table_val(n, "cur_code", "SLL"), "SLL");
	/* a word already in YAML wins (matched without case) */
	assert_null(table_val(n, "cur_word", "Swiss Francs"));
	assert_string_equal(table_val(n, "cur_word", "SWISS FRANCS"), "XCH");
	assert_string_equal(table_val(n, "cur_code", "GBP"), "GBP");
	/* heads: the last word of every name */
	assert_string_equal(table_val(n, "cur_head", "Franc"), "CHF");
	assert_string_equal(table_val(n, "cur_head", "sterling"), "GBX");
	assert_int_equal(n->tables[norm_table_find(n, "cur_head")].n, 8);

	/* and the patterns use them: heads and codes trigger */
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = "It cost 4 Swiss Francs, CHF 8, TRY 9, 7 Gold, 3 Leones and "
		   "5 pounds sterling.";
	doc.text_len = strlen(doc.text);
	assert_int_equal(fc_norm_doc(r, &a, &doc, &d), FC_OK);
	fc_mentions_finish(&doc);
	static const char *const want[][2] = {
		{"4 Swiss Francs", "XCH"}, {"CHF 8", "CHF"},
		{"3 Leones", "SLE"}, {"5 pounds sterling", "GBX"},
	};
	assert_int_equal(doc.nmentions, 4);
	for (size_t i = 0; i < 4; i++) {
		const struct fc_mention *m = &doc.mentions[i];
		char got[64];
		snprintf(got, sizeof(got), "%.*s", (int)(m->end - m->start),
			 doc.text + m->start);
		assert_string_equal(got, want[i][0]);
		assert_string_equal(m->quantity.unit, want[i][1]);
	}
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	tmp_remove(&t);
}

static void test_iso4217_missing_list(void **state)
{
	struct tmp t;
	tmp_make(&t, false);
	const char *dirs[] = {DATA "/rules.yaml", NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_EIO);
	assert_int_equal(d.nerr, 1);
	char msg[512];
	snprintf(msg, sizeof(msg),
		 "cannot read the ISO 4217 currency list '%s' (asked for by "
		 "%s:4): install the iso-codes package (apt-get install "
		 "iso-codes) or point FACTCROSS_ISO_CODES at an "
		 "iso_3166-1.json with iso_4217.json beside it",
		 t.iso4217, DATA "/rules.yaml");
	fc_assert_diag(&d, 0, t.iso4217, 0, 0, msg);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	tmp_remove(&t);
}

static void test_iso4217_bad_option(void **state)
{
	struct tmp t;
	tmp_make(&t, true);
	const char *f = DATA "/bad.yaml";
	const char *dirs[] = {f, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 0, &r, &d), FC_ESCHEMA);
	assert_int_equal(d.nerr, 3);
	fc_assert_diag(&d, 0, f, 4, 5,
		       "unknown key 'nmes' in iso4217 (did you mean "
		       "'names'?)");
	fc_assert_diag(&d, 1, f, 4, 5, "iso4217 needs 'names: TABLE'");
	fc_assert_diag(&d, 2, f, 5, 12, "iso4217 codes: no table 'nope'");
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	tmp_remove(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso4217_fills_tables),
		cmocka_unit_test(test_iso4217_missing_list),
		cmocka_unit_test(test_iso4217_bad_option),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
