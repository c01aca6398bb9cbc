/*
** test_lexicon_load.c: the lexicon loader on small rule files written
** to a temporary folder: positioned errors (unknown keys with a
** suggestion, wrong types, bad ids, duplicate ids, unknown cue kinds),
** overrides across files, a missing iso-codes file, and a person's
** role terms (since:, until:, roles_since:, terms:).
*/
#include <unistd.h>

#include "lx_test.h"

/* Load the fixture folder with the real iso-codes list. */
static struct fc_rules *fx_load(struct fx *f, struct fc_diags *d)
{
	return lx_rules_from(f->dir, FC_ISO_CODES_PATH, d);
}

static void test_unknown_keys_are_positioned_with_a_suggestion(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "peopel: []\n"
		 "people:\n"
		 "  - id: ann-example\n"
		 "    nmae: Ann Example\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 3);
	fc_assert_diag(&d, 0, f.path[0], 2, 1,
		       "unknown key 'peopel' in a lexicon file (did you mean "
		       "'people'?)");
	fc_assert_diag(&d, 1, f.path[0], 5, 5,
		       "unknown key 'nmae' in a person (did you mean "
		       "'name'?)");
	fc_assert_diag(&d, 2, f.path[0], 4, 5, "a person needs a 'name:'");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_wrong_types_and_bad_ids_are_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "people:\n"
		 "  - id: Ann Example\n"
		 "    name: Ann Example\n"
		 "    aliases: {x: y}\n"
		 "    country: Ruritania\n"
		 "countries:\n"
		 "  - id: rus\n"
		 "roles:\n"
		 "  - {id: boss, words: [boss], leader: maybe}\n"
		 "cues: {id: x}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 6);
	fc_assert_diag(&d, 0, f.path[0], 8, 9,
		       "a country id must be an ISO 3166-1 alpha-2 code like "
		       "'RU', not 'rus'");
	fc_assert_diag(&d, 1, f.path[0], 3, 9,
		       "id 'Ann Example' must be lower-case letters, digits "
		       "and '-' (like 'ann-example')");
	fc_assert_diag(&d, 2, f.path[0], 5, 14,
		       "aliases must be a string or a list of strings");
	fc_assert_diag(&d, 3, f.path[0], 6, 14,
		       "country must be an ISO 3166-1 alpha-2 code like 'RU', "
		       "not 'Ruritania'");
	fc_assert_diag(&d, 4, f.path[0], 10, 39, "leader must be true or false");
	fc_assert_diag(&d, 5, f.path[0], 11, 7,
		       "'cues' must be a list of entries");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* A role's term: dates YYYY-MM-DD (not a time, not a non-day), until
** not before since; the file's roles_since: is checked the same way. */
static void test_bad_role_dates_are_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "roles_since: 2025-13-01\n"
		 "people:\n"
		 "  - {id: ann, name: Ann, role: queen, since: 2025-02-30}\n"
		 "  - {id: bo, name: Bo, role: king, since: 2020-01-01T10:00}\n"
		 "  - {id: cy, name: Cy, role: king, since: 2020-01-02,\n"
		 "     until: 2020-01-01}\n"
		 "  - {id: di, name: Di, role: king, until: [2020]}\n"
		 "  - {id: ed, name: Ed, role: king, since: 2020-01-01,\n"
		 "     until: 2020-01-01}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 5);
	fc_assert_diag(&d, 0, f.path[0], 2, 14,
		       "roles_since must be a date YYYY-MM-DD, not "
		       "'2025-13-01'");
	fc_assert_diag(&d, 1, f.path[0], 4, 46,
		       "since must be a date YYYY-MM-DD, not '2025-02-30'");
	fc_assert_diag(&d, 2, f.path[0], 5, 43,
		       "since must be a date YYYY-MM-DD, not "
		       "'2020-01-01T10:00'");
	fc_assert_diag(&d, 3, f.path[0], 7, 13,
		       "until must not be before since");
	fc_assert_diag(&d, 4, f.path[0], 8, 43,
		       "until must be a string, not a sequence");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* A person's gender: is female or male, its public_since: a date
** YYYY-MM-DD; else an error at the value. */
static void test_bad_gender_and_public_since_are_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "people:\n"
		 "  - {id: ann, name: Ann, gender: female, public_since: 2004-01-08}\n"
		 "  - {id: bo, name: Bo, gender: m}\n"
		 "  - {id: cy, name: Cy, public_since: 2004}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 2);
	fc_assert_diag(&d, 0, f.path[0], 4, 32, "gender must be female or male");
	fc_assert_diag(&d, 1, f.path[0], 5, 38,
		       "public_since must be a date YYYY-MM-DD, not '2004'");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* A country's capital_actor: and city_states: are booleans (a capital
** that names no government, states written after a city's name);
** capital_actor is true when absent; another value is an error at it. */
static void test_country_flags_are_read_and_checked(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "countries:\n"
		 "  - {id: CR, capital: [San Jose], capital_actor: false}\n"
		 "  - {id: US, city_states: true}\n"
		 "  - {id: FR, capital: [Paris]}\n"
		 "  - {id: DE, capital: [Berlin], capital_actor: sometimes}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, f.path[0], 6, 48,
		       "capital_actor must be true or false");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fc_diags_init(&d);
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "countries:\n"
		 "  - {id: CR, capital: [San Jose], capital_actor: false}\n"
		 "  - {id: US, city_states: true}\n"
		 "  - {id: FR, capital: [Paris]}\n");
	r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 0);
	const struct fc_lexicon *l = r->lexicon;
	bool seen[3] = {false, false, false};
	for (size_t i = 0; i < l->ndefs; i++) {
		const struct lx_def *def = &l->defs[i];
		if (def->sec != LX_SEC_COUNTRY)
			continue;
		if (!strcmp(def->id, "CR")) {
			seen[0] = true;
			assert_true(def->no_capital_actor);
			assert_false(def->is_city_states);
		} else if (!strcmp(def->id, "US")) {
			seen[1] = true;
			assert_true(def->is_city_states);
			assert_false(def->no_capital_actor);
		} else if (!strcmp(def->id, "FR")) {
			seen[2] = true;
			assert_false(def->no_capital_actor);
		}
	}
	assert_true(seen[0] && seen[1] && seen[2]);
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* Two files that give subdivisions: the second is an error at its key,
** naming the first, not a silent override. */
static void test_second_subdivisions_is_an_error(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "subdivisions: {types: [State]}\n");
	fx_write(&f, "b.yaml",
		 "kind: lexicon\n"
		 "description: more\n"
		 "subdivisions: {types: [Province]}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 1);
	char want[300];
	snprintf(want, sizeof(want),
		 "a second 'subdivisions:' (%s:2 has one): one lexicon file "
		 "of the rules gives them",
		 f.path[0]);
	fc_assert_diag(&d, 0, f.path[1], 3, 15, want);
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* An until: before the file's roles_since: on a person with no since:
** says where the term's start came from. */
static void test_until_before_roles_since_names_roles_since(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "roles_since: 2025-01-01\n"
		 "people:\n"
		 "  - {id: bo, name: Bo, role: king, until: 2024-06-01}\n"
		 "  - {id: cy, name: Cy, role: king, until: 2025-01-01}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, f.path[0], 4, 43,
		       "until must not be before the file's roles_since: "
		       "(give the person a since:)");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* A term with no role to bound is refused where it is written. */
static void test_term_without_role_is_refused(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "people:\n"
		 "  - {id: bo, name: Bo, since: 2024-06-01}\n"
		 "  - {id: cy, name: Cy, until: 2025-01-01}\n"
		 "  - {id: di, name: Di, role: king, since: 2024-06-01}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 2);
	fc_assert_diag(&d, 0, f.path[0], 3, 31,
		       "since:, until: and terms: date a role: give the "
		       "person a role:");
	fc_assert_diag(&d, 1, f.path[0], 4, 31,
		       "since:, until: and terms: date a role: give the "
		       "person a role:");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* The id of the person "the Norwegian queen" means in a document of
** date ref (NULL: no date), or NULL (a static copy: the mention's id
** lives in the document's arena). */
static const char *queen_at(const struct fc_rules *r, const char *ref)
{
	static char id[64];
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	struct fc_diags d;
	fc_diags_init(&d);
	lx_doc(&a, &doc, "She met the Norwegian queen on Monday.", 1);
	doc.published = ref;
	assert_int_equal(fc_lexicon_doc(r, &a, &doc, &d), FC_OK);
	const char *who = NULL;
	for (size_t i = 0; i < doc.nmentions; i++)
		if (doc.mentions[i].kind == FC_MENTION_ENTITY &&
		    doc.mentions[i].entity.type == FC_ENT_PERSON)
			who = doc.mentions[i].entity.id;
	if (who)
		snprintf(id, sizeof(id), "%s", who);
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	return who ? id : NULL;
}

/* A lexicon file of Norway, the role queen and Ann Example, its queen,
** whose entry the role's term ends. */
#define QUEEN_FILE                                                     \
	"kind: lexicon\n"                                              \
	"roles_since: 2025-01-01\n"                                    \
	"countries:\n"                                                 \
	"  - {id: NO, label: Norway, names: [Norway],\n"               \
	"     demonyms: [Norwegian]}\n"                                \
	"roles:\n"                                                     \
	"  - {id: queen, words: [queen], role: queen}\n"               \
	"people:\n"                                                    \
	"  - {id: ann-example, name: Ann Example, country: NO,\n"

/* The person "the Norwegian queen" means at each date (NULL: none)
** with Ann Example's role ended by entry (QUEEN_FILE's last line). */
struct queen_case {
	const char *ref, *who;
};

static void check_queen(const char *entry, const struct queen_case *v,
			size_t n)
{
	struct fx f = {0};
	char text[1024];
	snprintf(text, sizeof(text), "%s%s", QUEEN_FILE, entry);
	fx_write(&f, "a.yaml", text);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 0);
	for (size_t i = 0; i < n; i++) {
		const char *got = queen_at(r, v[i].ref);
		if (v[i].who)
			assert_string_equal(got, v[i].who);
		else
			assert_null(got);
	}
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

#define ANN "person:ann-example"

/* since: and until: bound the term on both sides, both days included;
** a document without a date takes the holder as before. */
static void test_a_role_means_its_holder_only_within_the_term(void **st)
{
	(void)st;
	static const struct queen_case v[] = {
		{"1999-12-31", NULL}, {"2000-01-01", ANN},
		{"2009-12-31T23:00:00Z", ANN}, {"2010-01-01", NULL},
		{NULL, ANN},
	};
	check_queen("     role: queen, since: 2000-01-01, until: "
		    "2009-12-31}\n",
		    v, sizeof(v) / sizeof(v[0]));
}

/* terms: a role held more than once: the holder in each term, both
** days included, and no one between them or before the first. */
static void test_a_role_held_twice_means_its_holder_in_each_term(void **st)
{
	(void)st;
	static const struct queen_case v[] = {
		{"1999-12-31", NULL}, {"2000-01-01", ANN},
		{"2003-12-31", ANN},  {"2004-01-01", NULL},
		{"2008-05-06", NULL}, {"2008-05-07", ANN},
		{"2030-01-01", ANN},  {NULL, ANN},
	};
	check_queen("     role: queen, terms: [{since: 2000-01-01, until: "
		    "2003-12-31},\n"
		    "                          {since: 2008-05-07}]}\n",
		    v, sizeof(v) / sizeof(v[0]));
}

/* A term with role: is one of another role: the role's holder is the
** person in the terms of that role only ("the Norwegian queen" of 2001
** is no one when Ann was a princess then; Ann when she was queen). */
static void test_a_term_of_another_role_holds_that_role(void **st)
{
	(void)st;
	/* Ann's role and her first term's: the Norwegian queen of 2001 is
	** Ann only where that term is the queen's */
	static const char *const roles[2][2] = {{"queen", "princess"},
						{"princess", "queen"}};
	for (int k = 0; k < 2; k++) {
		const struct queen_case v[] = {
			{"1999-12-31", NULL},
			{"2001-06-01", k ? ANN : NULL},
			{"2008-05-07", k ? NULL : ANN},
		};
		char entry[256];
		snprintf(entry, sizeof(entry),
			 "     role: %s, terms: [{since: 2000-01-01, until: "
			 "2003-12-31, role: %s},\n"
			 "                          {since: 2008-05-07}]}\n",
			 roles[k][0], roles[k][1]);
		check_queen(entry, v, 3);
	}
}

/* Bad terms: reversed, overlapping, out of order, an open one before
** another, no since:, beside since:, not a list, unknown key. */
static void test_bad_terms_are_positioned(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "people:\n"
		 "  - {id: a, name: A, role: king, terms: [{since: 2002-01-01, "
		 "until: 2001-01-01}]}\n"
		 "  - {id: b, name: B, role: king, terms: [{since: 2000-01-01, "
		 "until: 2005-01-01}, {since: 2005-01-01}]}\n"
		 "  - {id: c, name: C, role: king, terms: [{since: 2010-01-01, "
		 "until: 2011-01-01}, {since: 2000-01-01}]}\n"
		 "  - {id: d, name: D, role: king, terms: [{since: 2000-01-01}, "
		 "{since: 2010-01-01}]}\n"
		 "  - {id: e, name: E, role: king, terms: [{until: 2000-01-01}]}\n"
		 "  - {id: g, name: G, role: king, since: 2000-01-01, terms: "
		 "[{since: 2001-01-01}]}\n"
		 "  - {id: h, name: H, role: king, terms: 2000-01-01}\n"
		 "  - {id: i, name: I, role: king, terms: [{sinse: 2000-01-01}]}\n"
		 "  - {id: j, name: J, terms: [{since: 2000-01-01}]}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 9);
	fc_assert_diag(&d, 0, f.path[0], 3, 69,
		       "until must not be before since");
	fc_assert_diag(&d, 1, f.path[0], 4, 90,
		       "terms must be in date order and must not overlap: "
		       "this one begins on or before the one before it ends");
	fc_assert_diag(&d, 2, f.path[0], 5, 90,
		       "terms must be in date order and must not overlap: "
		       "this one begins on or before the one before it ends");
	fc_assert_diag(&d, 3, f.path[0], 6, 71,
		       "terms must not overlap: only the last term may lack "
		       "an until:");
	fc_assert_diag(&d, 4, f.path[0], 7, 42, "a term needs a 'since:'");
	fc_assert_diag(&d, 5, f.path[0], 8, 41,
		       "give a role's terms as terms: or as since: and "
		       "until:, not both");
	fc_assert_diag(&d, 6, f.path[0], 9, 41,
		       "terms must be a list of {since:, until:}");
	fc_assert_diag(&d, 7, f.path[0], 10, 43,
		       "unknown key 'sinse' in a term (did you mean "
		       "'since'?)");
	fc_assert_diag(&d, 8, f.path[0], 11, 29,
		       "since:, until: and terms: date a role: give the "
		       "person a role:");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* An id with no letter or digit has no slug to suggest: no "(like '')". */
static void test_bad_id_without_letters_has_no_hint(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "orgs:\n"
		 "  - {id: '!!!', name: Bang}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, f.path[0], 3, 10,
		       "id '!!!' must be lower-case letters, digits and '-'");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_duplicate_ids_in_one_file_and_unknown_cue_kind(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "cues:\n"
		 "  - {id: neg, kind: negaton, words: [nay]}\n"
		 "  - {id: hedge, kind: hedge, words: [perchance]}\n"
		 "  - {id: hedge, kind: hedge, words: [mayhap]}\n"
		 "orgs:\n"
		 "  - {id: acme, name: Acme Corporation}\n"
		 "  - {id: acme, name: Acme Inc}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 3);
	fc_assert_diag(&d, 0, f.path[0], 8, 10,
		       "duplicate id 'acme' in orgs (first at line 7)");
	/* orgs come before cues in section order; the duplicate org is
	** reported where its id stands */
	fc_assert_diag(&d, 1, f.path[0], 3, 21,
		       "unknown cue kind 'negaton' (did you mean "
		       "'negation'?)");
	fc_assert_diag(&d, 2, f.path[0], 5, 10,
		       "duplicate id 'hedge' in cues (first at line 4)");
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_a_later_file_replaces_an_entry_by_id(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml",
		 "kind: lexicon\n"
		 "roles:\n"
		 "  - {id: president, words: [president], leader: true}\n"
		 "people:\n"
		 "  - {id: ann-example, name: Ann Example, country: IS, "
		 "role: president}\n");
	fx_write(&f, "b.yaml",
		 "kind: lexicon\n"
		 "people:\n"
		 "  - {id: ann-example, name: Ann Example, aliases: [Annie], "
		 "country: NO, role: queen}\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 0);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	size_t n;
	struct lx_item *v = lx_run(r, &a, &doc, "Annie met Iceland.", &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].id, "person:ann-example");
	assert_string_equal(v[0].country, "NO");
	assert_string_equal(v[0].role, "queen");
	assert_string_equal(v[1].id, "country:IS");
	assert_string_equal(v[1].label, "Iceland");
	fc_arena_finish(&a);
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

/* Many entries (the map of live ids grows several times): a later file
** replaces one of the last, a duplicate in one file is still found,
** and the same id in another section is another entry. */
static void test_replacing_and_duplicates_among_many_entries(void **st)
{
	(void)st;
	struct fx f = {0};
	size_t cap = 64 * 1024, o = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	o += (size_t)snprintf(text + o, cap - o, "kind: lexicon\norgs:\n");
	for (int i = 0; i < 1500; i++)
		o += (size_t)snprintf(text + o, cap - o,
				      "  - {id: org%d, name: Orgname%d}\n", i,
				      i);
	o += (size_t)snprintf(text + o, cap - o,
			      "  - {id: org777, name: Again}\n"
			      "places:\n  - {id: org1499, name: Placename}\n");
	fx_write(&f, "a.yaml", text);
	fx_write(&f, "b.yaml",
		 "kind: lexicon\n"
		 "orgs:\n"
		 "  - {id: org1499, name: Renamed Org, aliases: [Zorblax]}\n");
	free(text);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = fx_load(&f, &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, f.path[0], 1503, 10,
		       "duplicate id 'org777' in orgs (first at line 780)");
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	size_t n;
	struct lx_item *v = lx_run(r, &a, &doc,
				   "Zorblax met Orgname3 in Placename.", &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].id, "org:org1499");
	assert_string_equal(v[0].label, "Renamed Org");
	assert_string_equal(v[1].id, "org:org3");
	assert_string_equal(v[2].id, "name:org1499");
	fc_arena_finish(&a);
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_missing_iso_codes_names_the_path_and_package(void **st)
{
	(void)st;
	struct fx f = {0};
	fx_write(&f, "a.yaml", "kind: lexicon\n");
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules_from(f.dir, "/nonexistent/iso_3166-1.json",
					   &d);
	assert_int_equal(d.nerr, 1);
	fc_assert_diag(&d, 0, "/nonexistent/iso_3166-1.json", 0, 0,
		       "cannot read the ISO 3166-1 country list "
		       "'/nonexistent/iso_3166-1.json': install the iso-codes "
		       "package (apt-get install iso-codes) or point "
		       "FACTCROSS_ISO_CODES at iso_3166-1.json");
	assert_int_equal(d.v[0].code, FC_EIO);
	lx_rules_free(r);
	fc_diags_finish(&d);
	fx_clean(&f);
}

static void test_real_rules_load_without_diagnostics(void **st)
{
	(void)st;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	if (d.n)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(d.n, 0);
	assert_non_null(r->lexicon);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unknown_keys_are_positioned_with_a_suggestion),
		cmocka_unit_test(test_wrong_types_and_bad_ids_are_positioned),
		cmocka_unit_test(test_bad_id_without_letters_has_no_hint),
		cmocka_unit_test(test_bad_role_dates_are_positioned),
		cmocka_unit_test(test_until_before_roles_since_names_roles_since),
		cmocka_unit_test(test_term_without_role_is_refused),
		cmocka_unit_test(test_a_role_means_its_holder_only_within_the_term),
		cmocka_unit_test(test_a_role_held_twice_means_its_holder_in_each_term),
		cmocka_unit_test(test_bad_terms_are_positioned),
		cmocka_unit_test(test_duplicate_ids_in_one_file_and_unknown_cue_kind),
		cmocka_unit_test(test_a_later_file_replaces_an_entry_by_id),
		cmocka_unit_test(test_replacing_and_duplicates_among_many_entries),
		cmocka_unit_test(test_missing_iso_codes_names_the_path_and_package),
		cmocka_unit_test(test_real_rules_load_without_diagnostics),
		cmocka_unit_test(test_a_term_of_another_role_holds_that_role),
		cmocka_unit_test(test_bad_gender_and_public_since_are_positioned),
		cmocka_unit_test(test_second_subdivisions_is_an_error),
		cmocka_unit_test(test_country_flags_are_read_and_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
