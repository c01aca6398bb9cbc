/*
** test_schema.c: the fact schema as YAML. The built-in
** rules/claims/00-facts.yaml holds exactly the brief's table of kinds and
** slots; fc_claims_slot_type answers other modules; `required` and
** `min_items` decide which facts are made; a later file adds a kind or
** replaces one whole, and rules of any file use the final schema.
*/
#include <unistd.h>

#include "claims_test.h"
#include "claims/claims_p.h"

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-claims-schema");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

/* The built-in schema and the YAML texts (NULL-terminated); clean load. */
static struct fc_rules *rules_from(const char *const *yaml)
{
	static int n;
	char paths[8][512];
	const char *v[9];
	size_t k = 0;
	for (; yaml[k] && k < 8; k++) {
		snprintf(paths[k], sizeof(paths[k]), "%s/r%d.yaml", tmpdir, n++);
		FILE *f = fopen(paths[k], "w");
		assert_non_null(f);
		fputs(yaml[k], f);
		fclose(f);
		v[k] = paths[k];
	}
	v[k] = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	fc_status st = rules_load_files(v, &r, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%u:%u: %s\n", d.v[i].loc.file,
			d.v[i].loc.line, d.v[i].loc.col, d.v[i].msg);
	assert_int_equal(d.n, 0);
	assert_int_equal(st, FC_OK);
	fc_diags_finish(&d);
	return r;
}

static void run_expect(struct fc_rules *r, struct tdoc *t, const char *want)
{
	tdoc_expect(r, t, want);
}

/* ---- The built-in schema is the brief's table ---------------------------- */

struct want_slot {
	const char *kind, *slot, *type;
	bool is_required;
	size_t min_items;
};

static const struct want_slot contract[] = {
	{"call", "participants", "list", true, 2},
	{"call", "date", "time", false, 0},
	{"meeting", "participants", "list", true, 2},
	{"meeting", "place", "entity", false, 0},
	{"meeting", "date", "time", false, 0},
	{"agreement", "parties", "list", true, 2},
	{"agreement", "type", "text", false, 0},
	{"agreement", "duration", "duration", false, 0},
	{"agreement", "signed", "time", false, 0},
	{"closure", "country", "entity", true, 0},
	{"closure", "mission", "text", false, 0},
	{"closure", "city", "entity", false, 0},
	{"closure", "order", "int", false, 0},
	{"closure", "after", "list", false, 0},
	{"closure", "date", "time", false, 0},
	{"protest", "place", "entity", false, 0},
	{"protest", "start", "time", false, 0},
	{"protest", "cause", "text", false, 0},
	{"capture", "person", "entity", true, 0},
	{"capture", "by", "entity", false, 0},
	{"capture", "date", "time", false, 0},
	{"ouster", "person", "entity", true, 0},
	{"ouster", "date", "time", false, 0},
	{"war", "parties", "list", true, 0},
	{"war", "duration", "duration", false, 0},
	{"war", "start", "time", false, 0},
	{"mediation", "mediator", "entity", true, 0},
	{"mediation", "subject", "entity", false, 0},
	{"mediation", "date", "time", false, 0},
	{"quote", "speaker", "entity", true, 0},
	{"quote", "quote", "text", true, 0},
	{"quote", "date", "time", false, 0},
	{"statement", "speaker", "entity", true, 0},
	{"statement", "topic", "text", false, 0},
	{"statement", "date", "time", false, 0},
	{"strike", "attacker", "entity", true, 0},
	{"strike", "target", "entity_or_text", false, 0},
	{"strike", "date", "time", false, 0},
	{"death_toll", "place", "entity", false, 0},
	{"death_toll", "count", "quantity", true, 0},
	{"death_toll", "date", "time", false, 0},
};

static void test_builtin_schema_is_the_contract(void **state)
{
	const char *none[] = {NULL};
	struct fc_rules *r = rules_from(none);
	const struct fc_claims *cl = r->claims;
	assert_int_equal(cl->nkinds, 13);
	size_t nwant = sizeof(contract) / sizeof(*contract), nslots = 0;
	for (size_t i = 0; i < cl->nkinds; i++)
		nslots += cl->kinds[i]->nslots;
	assert_int_equal(nslots, nwant);
	for (size_t i = 0; i < nwant; i++) {
		const struct want_slot *w = &contract[i];
		const struct fact_kind *k = cl_schema_kind(cl, w->kind);
		assert_non_null(k);
		const struct slot_def *s = cl_schema_slot(k, w->slot);
		if (!s)
			fail_msg("%s has no slot %s", w->kind, w->slot);
		const char *t = fc_claims_slot_type(r, w->kind, w->slot, NULL);
		assert_non_null(t);
		if (strcmp(t, w->type) || s->is_required != w->is_required ||
		    s->min_items != w->min_items)
			fail_msg("%s.%s: %s required=%d min_items=%zu", w->kind,
				 w->slot, t, s->is_required, s->min_items);
	}
	rules_free(r);
}

/* ---- fc_claims_slot_type ------------------------------------------------- */

static void test_slot_type_lookups(void **state)
{
	const char *none[] = {NULL};
	struct fc_rules *r = rules_from(none);
	const char *best = "x";
	assert_string_equal(fc_claims_slot_type(r, "call", NULL, &best),
			    "call");
	assert_null(best);
	assert_string_equal(fc_claims_slot_type(r, "strike", "target", &best),
			    "entity_or_text");
	assert_string_equal(fc_claims_slot_type(r, "war", "duration", NULL),
			    "duration");
	/* an unknown kind: the nearest kind */
	assert_null(fc_claims_slot_type(r, "cal", "date", &best));
	assert_string_equal(best, "call");
	assert_null(fc_claims_slot_type(r, "weather", NULL, &best));
	assert_null(best);
	/* an unknown slot: the nearest slot of the kind */
	assert_null(fc_claims_slot_type(r, "call", "dat", &best));
	assert_string_equal(best, "date");
	assert_null(fc_claims_slot_type(r, "call", "place", &best));
	assert_null(best);
	rules_free(r);
	/* no claims module at all */
	struct fc_rules empty = {0};
	assert_null(fc_claims_slot_type(&empty, "call", NULL, &best));
	assert_null(best);
}

/* ---- required and min_items decide which facts are made ------------------ */

static void test_required_and_min_items(void **state)
{
	const char *yaml[] = {
		"kind: claims\n"
		"facts:\n"
		"  resignation:\n"
		"    person: {type: entity, required: true}\n"
		"    date: time\n"
		"  vote:\n"
		"    date: {type: time, required: true}\n"
		"    voters: {type: list, min_items: 2}\n"
		"claims:\n"
		"  - id: resigned\n"
		"    fact: resignation\n"
		"    pattern: '(?:(?<p>{PERSON})|[Hh]e) resigned on "
		"(?<d>{DATE})'\n"
		"    slots: {person: p, date: d}\n"
		"  - id: voted\n"
		"    fact: vote\n"
		"    pattern: '(?:(?<v>{PERSONS})|They) voted on (?<d>{DATE})'\n"
		"    slots: {voters: v, date: d}\n",
		NULL};
	struct fc_rules *r = rules_from(yaml);
	struct tdoc t;
	tdoc_init(&t,
		  "Macron resigned on Friday.\n"
		  "He resigned on Friday.\n"
		  "Putin and Macron voted on Friday.\n"
		  "Putin voted on Friday.\n"
		  "They voted on Friday.",
		  "2026-01-16");
	for (int i = 0; i < 5; i++)
		tdoc_time(&t, "Friday", i, "2026-01-16");
	/* no person: no resignation (required); one voter: no vote
	** (min_items 2); no voters at all: a vote (not required) */
	run_expect(r, &t,
		   "resignation person=person:emmanuel-macron "
		   "date=2026-01-16 @Macron resigned on Friday\n"
		   "vote voters=[person:vladimir-putin,person:emmanuel-macron] "
		   "date=2026-01-16 @Putin and Macron voted on Friday\n"
		   "vote date=2026-01-16 @They voted on Friday\n");
	rules_free(r);
}

/* ---- a later file adds or replaces a kind -------------------------------- */

static void test_later_file_replaces_kind(void **state)
{
	/* The rule comes first; the schema it is checked against is the
	** final one: call replaced (three participants, and a place). */
	const char *yaml[] = {
		"kind: claims\n"
		"claims:\n"
		"  - id: c1\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTORS})'\n"
		"    slots: {participants: [a, b], place: sentence}\n",
		"kind: claims\n"
		"facts:\n"
		"  call:\n"
		"    participants: {type: list, required: true, min_items: 3}\n"
		"    place: entity\n",
		NULL};
	struct fc_rules *r = rules_from(yaml);
	assert_string_equal(fc_claims_slot_type(r, "call", "place", NULL),
			    "entity");
	assert_null(fc_claims_slot_type(r, "call", "date", NULL));
	assert_int_equal(r->claims->nkinds, 13);
	struct tdoc t;
	tdoc_init(&t,
		  "Putin phoned Netanyahu from Paris.\n"
		  "Putin phoned Netanyahu and Macron from Paris.",
		  "2026-01-16");
	run_expect(r, &t,
		   "call participants=[person:vladimir-putin,"
		   "person:benjamin-netanyahu,person:emmanuel-macron] "
		   "place=city:paris @Putin phoned Netanyahu and Macron\n");
	rules_free(r);
}

/* Facts keep their kind and slot names after the rules are gone. */
static void test_fact_names_outlive_rules(void **state)
{
	const char *yaml[] = {
		"kind: claims\n"
		"facts:\n"
		"  handshake: {who: {type: list, min_items: 2}}\n"
		"claims:\n"
		"  - id: shook\n"
		"    fact: handshake\n"
		"    pattern: '(?<w>{PERSONS}) shook hands'\n"
		"    slots: {who: w}\n",
		NULL};
	struct fc_rules *r = rules_from(yaml);
	struct tdoc t;
	tdoc_init(&t, "Putin and Macron shook hands.", NULL);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(tdoc_run(&t, r, &d), FC_OK);
	rules_free(r);
	assert_int_equal(t.c->nfacts, 1);
	assert_string_equal(t.c->facts[0].kind, "handshake");
	assert_string_equal(t.c->facts[0].slots[0].name, "who");
	assert_int_equal(t.c->facts[0].slots[0].value.nitems, 2);
	fc_diags_finish(&d);
	tdoc_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_schema_is_the_contract),
		cmocka_unit_test(test_slot_type_lookups),
		cmocka_unit_test(test_required_and_min_items),
		cmocka_unit_test(test_later_file_replaces_kind),
		cmocka_unit_test(test_fact_names_outlive_rules),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
