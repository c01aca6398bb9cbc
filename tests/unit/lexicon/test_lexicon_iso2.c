/*
** test_lexicon_iso2.c: ISO 3166-2 subdivisions (lexicon_iso2.c) from a
** lexicon file's `subdivisions:` on the real iso-codes lists, and on
** broken copies in a temporary folder: places with the country of their
** code, the lexicon's own names first, skip by name, code and first
** word, a name two countries share, and positioned errors (a missing
** list, a malformed entry, a bad option).
*/
#include <unistd.h>

#include "lx_test.h"

/* The place entity of id, or NULL. */
static const struct lx_ent *ent(const struct fc_rules *r, const char *id)
{
	uint32_t e = lx_ent_find(r->lexicon, id);
	return e == FC_NONE ? NULL : &r->lexicon->ents[e];
}

static void test_places_get_the_country_of_their_code(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "places:\n"
		 "  - {id: bavaria, name: Bavaria, aliases: [Bayern], "
		 "country: DE}\n"
		 "cities:\n"
		 "  - {id: lagos, name: Lagos, country: NG}\n"
		 "subdivisions:\n"
		 "  types: [State, Province, Land]\n"
		 "  skip: [Texas, US-OH, Santa *]\n"
		 "  suffixes: [\" Sheng\"]\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, FC_ISO_CODES_PATH, &d);
	assert_int_equal(d.nerr, 0);
	const struct lx_ent *e = ent(r, "name:kerala");
	assert_non_null(e);
	assert_string_equal(e->e.country, "IN");
	assert_int_equal(e->e.type, FC_ENT_OTHER);
	/* "Gujarāt": the id of the folded name, ISO's label */
	e = ent(r, "name:gujarat");
	assert_non_null(e);
	assert_string_equal(e->e.label, "Gujarāt");
	assert_string_equal(ent(r, "name:sichuan")->e.country, "CN");
	/* Punjab: a state of IN and a province of PK */
	e = ent(r, "name:punjab");
	assert_non_null(e);
	assert_null(e->e.country);
	assert_int_equal(e->country, FC_NONE);
	/* skipped by name, by code, by first word; the lexicon's Bayern */
	assert_null(ent(r, "name:texas"));
	assert_null(ent(r, "name:ohio"));
	assert_null(ent(r, "name:santa-cruz"));
	assert_null(ent(r, "name:bayern"));
	assert_string_equal(ent(r, "name:bavaria")->e.country, "DE");
	/* Georgia (US-GA) is the country's name (ISO 3166-1); Lagos
	** (NG-LA) the lexicon's city */
	assert_null(ent(r, "name:georgia"));
	assert_null(ent(r, "name:lagos"));
	assert_non_null(ent(r, "city:lagos"));
	/* a type not asked for: Japan's prefectures */
	assert_null(ent(r, "name:nagano"));
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_no_subdivisions_without_the_option(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml", "kind: lexicon\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, FC_ISO_CODES_PATH, &d);
	assert_int_equal(d.nerr, 0);
	assert_null(ent(r, "name:kerala"));
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_a_missing_list_names_the_path_and_the_asker(void **st)
{
	(void)st;
	struct fx f = {0};
	const char *lex = fx_write(&f, "a.yaml",
				   "kind: lexicon\n"
				   "subdivisions: {types: [State]}\n");
	char iso[160], want2[160], msg[512];
	snprintf(iso, sizeof(iso), "%s/iso_3166-1.json", f.dir);
	assert_int_equal(symlink(FC_ISO_CODES_PATH, iso), 0);
	snprintf(want2, sizeof(want2), "%s/iso_3166-2.json", f.dir);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, iso, &d);
	assert_int_equal(d.nerr, 1);
	snprintf(msg, sizeof(msg),
		 "cannot read the ISO 3166-2 subdivision list '%s' (asked "
		 "for by %s:2): install the iso-codes package (apt-get "
		 "install iso-codes) or point FACTCROSS_ISO_CODES at an "
		 "iso_3166-1.json with iso_3166-2.json beside it",
		 want2, lex);
	fc_assert_diag(&d, 0, want2, 0, 0, msg);
	assert_int_equal(d.v[0].code, FC_EIO);
	/* the countries are there still */
	assert_non_null(ent(r, "country:IN"));
	lx_rules_free(r);
	fc_diags_finish(&d);
	unlink(iso);
	fx_clean(&f);
}

static void test_a_malformed_entry_is_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "subdivisions: {types: [State]}\n");
	const char *bad = fx_write(&f, "iso_3166-2.json",
				   "{\n"
				   "  \"3166-2\": [\n"
				   "    {\"code\": \"IN-KL\", \"name\": \"Kerala\", "
				   "\"type\": \"State\"},\n"
				   "    {\"code\": \"IN-GJ\", \"name\": \"Gujarat\"}\n"
				   "  ]\n"
				   "}\n");
	char iso[160];
	snprintf(iso, sizeof(iso), "%s/iso_3166-1.json", f.dir);
	assert_int_equal(symlink(FC_ISO_CODES_PATH, iso), 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, iso, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, bad, 4, 5,
		       "a subdivision must be an object with \"code\", "
		       "\"name\" and \"type\"");
	assert_int_equal(d.v[0].code, FC_ESCHEMA);
	lx_rules_free(r);
	fc_diags_finish(&d);
	unlink(iso);
	fx_clean(&f);
}

static void test_bad_options_are_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	const char *lex = fx_write(&f, "a.yaml",
				   "kind: lexicon\n"
				   "subdivisions: [State]\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, FC_ISO_CODES_PATH, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, lex, 2, 15,
		       "subdivisions must be a mapping {types: [...], "
		       "skip: [...]}");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places_get_the_country_of_their_code),
		cmocka_unit_test(test_no_subdivisions_without_the_option),
		cmocka_unit_test(test_a_missing_list_names_the_path_and_the_asker),
		cmocka_unit_test(test_a_malformed_entry_is_positioned),
		cmocka_unit_test(test_bad_options_are_positioned),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
