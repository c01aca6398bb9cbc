/*
** test_load.c: loading `kind: checks` files: every error with its exact
** file:line:col and message, defaults, and overrides across files.
*/
#include <unistd.h>

#include "check_test.h"

#define MOVED                                                              \
	"fact kinds are declared in claims files now: move 'facts:' to a "  \
	"'kind: claims' file (built-in: rules/claims/00-facts.yaml)"

struct want {
	unsigned line, col;
	const char *msg;
};

static void assert_diags(const struct fc_diags *d, const char *file,
			 const struct want *w, size_t n)
{
	if (d->n != n)
		diags_dump(d);
	for (size_t i = 0; i < n && i < d->n; i++)
		fc_assert_diag(d, i, file, w[i].line, w[i].col, w[i].msg);
	assert_int_equal(d->n, n);
	assert_int_equal(d->nerr, n);
}

static void test_structure_errors(void **state)
{
	(void)state;
	const char *path = CHECK_DATA "/syntax.yaml";
	static const struct want w[] = {
		{2, 1,
		 "unknown key 'descripton' in checks file (did you mean "
		 "'description'?)"},
		{3, 1, MOVED},
		{11, 14, "unknown compare 'tme' (did you mean 'time'?)"},
		{16, 5, "unknown key 'feild' in check (did you mean 'field'?)"},
		{17, 22,
		 "min_independent must be a whole number from 1 to 1000000"},
		{18, 15, "unknown severity 'fatal' (one of info, warning, error)"},
		{23, 9, "duplicate check id 'call.dup' (first at line 19)"},
		{31, 15,
		 "unknown placeholder '{participans}' in message (did you "
		 "mean '{participants}'?)"},
		{31, 46, "unmatched '}' in message (write '}}' for a brace)"},
		{31, 48, "unclosed '{' in message (write '{{' for a brace)"},
		{36, 41,
		 "unknown key 'corroborate' in message (did you mean "
		 "'corroborated'?)"},
		{37, 5, "check is missing 'id'"},
		{37, 5, "check is missing 'field'"},
		{43, 16,
		 "tolerance must be a number >= 0 (0.05), a percentage (5%) or "
		 "an ISO 8601 duration (P1D)"},
		{47, 12,
		 "compare 'polarity' compares the facts' polarity: write "
		 "field: polarity or leave field out"},
		{53, 14, "field 'polarity' needs compare: polarity"},
		{54, 5, "a check must be a mapping"},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_file(path, &d);
	assert_diags(&d, path, w, sizeof(w) / sizeof(*w));
	/* The valid checks are kept: the first call.dup only. */
	assert_int_equal(r->checks->nlive, 1);
	assert_string_equal(r->checks->live[0]->id, "call.dup");
	assert_int_equal(r->checks->live[0]->node->loc.line, 19);
	/* The `facts:` of a checks file declares nothing: ouster is not
	** a kind of the schema (facts.yaml). */
	assert_null(fc_claims_slot_type(r, "ouster", NULL, NULL));
	assert_string_equal(fc_claims_slot_type(r, "call", "date", NULL),
			    "time");
	rules_free(r);
	fc_diags_finish(&d);
}

static void test_reference_errors(void **state)
{
	(void)state;
	const char *path = CHECK_DATA "/refs.yaml";
	static const struct want w[] = {
		{4, 11, "unknown fact kind 'cal' (did you mean 'call'?)"},
		{9, 11,
		 "'participant' is not a slot of fact kind 'call' (did you "
		 "mean 'participants'?)"},
		{9, 24, "the compared field 'date' cannot be part of the key"},
		{14, 12,
		 "'dat' is not a slot of fact kind 'call' (did you mean "
		 "'date'?)"},
		{19, 14,
		 "compare 'time' does not fit slot 'after' of fact kind "
		 "'closure' (a list slot)"},
		{25, 16, "compare 'set' takes no tolerance"},
		{30, 16,
		 "compare 'quantity' takes a relative tolerance (0.05 or 5%)"},
		{32, 11,
		 "unknown fact kind 'strike' (declare it under 'facts:' in a "
		 "claims file)"},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_file(path, &d);
	assert_diags(&d, path, w, sizeof(w) / sizeof(*w));
	assert_int_equal(r->checks->nlive, 1);
	const struct check *c = r->checks->live[0];
	assert_string_equal(c->id, "a.ok");
	/* Defaults: compare from the slot type (int -> quantity), two
	** independent groups, contradictions are errors. */
	assert_int_equal(c->cmp, CMP_QUANTITY);
	assert_int_equal(c->min_independent, 2);
	assert_int_equal(c->severity, FC_SEV_ERROR);
	assert_int_equal(c->nkey, 1);
	assert_string_equal(c->key[0], "country");
	rules_free(r);
	fc_diags_finish(&d);
}

static void test_type_errors(void **state)
{
	(void)state;
	const char *path = CHECK_DATA "/types.yaml";
	static const struct want w[] = {
		{2, 1, MOVED},
		{4, 9, "id must be a string, not a sequence"},
		{6, 10, "key must be a string or a list of strings"},
		{8, 14,
		 "message must be a string or a mapping of status to string"},
	};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_file(path, &d);
	assert_diags(&d, path, w, sizeof(w) / sizeof(*w));
	assert_int_equal(r->checks->nlive, 0);
	rules_free(r);
	fc_diags_finish(&d);
}

static void test_later_file_overrides(void **state)
{
	(void)state;
	const char *paths[] = {CHECK_DATA "/base.yaml",
			       CHECK_DATA "/override.yaml"};
	const char *files[] = {CHECK_FACTS, paths[0], paths[1]};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_files(files, 3, &d);
	diags_dump(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(r->checks->nlive, 2);
	const struct check *c = r->checks->live[0];
	assert_string_equal(c->id, "call.date");
	assert_string_equal(c->file, paths[1]);
	assert_int_equal(c->min_independent, 1);
	assert_string_equal(r->checks->live[1]->id, "call.place");
	assert_string_equal(r->checks->live[1]->file, paths[0]);
	assert_int_equal(r->checks->live[1]->cmp, CMP_ENTITY);

	/* The overriding check runs: its message, its min_independent. */
	struct fc_corpus *c1 = corpus_new(1, NULL);
	static const char *const names[] = {"participants", "date"};
	const char *ids[] = {"country:RU", "country:IR"};
	struct fc_value v[2] = {v_list(&c1->arena, 2, ids),
				v_time("2026-01-16")};
	fact_add(c1, "call", 0, FC_POL_ASSERTED, 2, names, v);
	assert_int_equal(fc_checks_run(r, c1, &d), FC_OK);
	assert_int_equal(c1->nfindings, 1);
	assert_string_equal(c1->findings[0].rule, "call.date");
	assert_string_equal(fc_finding_status_name(c1->findings[0].status),
			    "corroborated");
	assert_string_equal(c1->findings[0].message,
			    "Override: country:IR and country:RU on 16 January 2026");
	/* Findings live in the corpus arena: they outlive the rules. */
	rules_free(r);
	assert_string_equal(c1->findings[0].rule, "call.date");
	assert_string_equal(c1->findings[0].kind, "call");
	assert_string_equal(c1->findings[0].field, "date");
	assert_string_equal(c1->findings[0].key[0].name, "participants");
	assert_string_equal(c1->findings[0].id,
			    "call.date:country:IR,country:RU");
	fc_corpus_destroy(c1);
	fc_diags_finish(&d);
}

/*
** A rules folder defines a new fact kind (claims: its schema and a
** pattern) and a check of it; with the built-in suite it runs end to end
** without any C knowing the kind.
*/
static void test_new_kind_from_rules_folder(void **state)
{
	(void)state;
	char dir[] = "/tmp/fc-check-kind-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char claims[64], checks[64];
	snprintf(claims, sizeof(claims), "%s/resign.yaml", dir);
	snprintf(checks, sizeof(checks), "%s/resign-checks.yaml", dir);
	FILE *f = fopen(claims, "w");
	assert_non_null(f);
	fputs("kind: claims\n"
	      "facts:\n"
	      "  resignation:\n"
	      "    person: {type: entity, required: true}\n"
	      "    date: time\n"
	      "claims:\n"
	      "  - id: resignation.resigned\n"
	      "    fact: resignation\n"
	      "    pattern: '{T}(?<p>{PERSON})\\s+resigned'\n"
	      "    slots: {person: p, date: sentence}\n",
	      f);
	fclose(f);
	f = fopen(checks, "w");
	assert_non_null(f);
	fputs("kind: checks\n"
	      "checks:\n"
	      "  - id: resignation.date\n"
	      "    kind: resignation\n"
	      "    key: [person]\n"
	      "    field: date\n"
	      "    message: \"{person} resigned on {value}\"\n",
	      f);
	fclose(f);
	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(dirs, 1, &r, &d);
	diags_dump(&d);
	assert_int_equal(st, FC_OK);
	assert_string_equal(fc_claims_slot_type(r, "resignation", "date", NULL),
			    "time");
	struct fc_corpus *c = fc_corpus_create();
	assert_non_null(c);
	static const char a[] =
		"Israeli Prime Minister Benjamin Netanyahu resigned on Friday.";
	static const char b[] =
		"Benjamin Netanyahu resigned on Thursday, officials said.";
	assert_int_equal(fc_corpus_add_text(c, "a", "2026-01-16", a,
					    strlen(a)),
			 FC_OK);
	assert_int_equal(fc_corpus_add_text(c, "b", "2026-01-16", b,
					    strlen(b)),
			 FC_OK);
	struct fc_verify_opts o = {0};
	assert_int_equal(fc_verify(r, c, &o, &d), FC_OK);
	const struct fc_finding *x = NULL;
	for (size_t i = 0; i < c->nfindings; i++)
		if (!strcmp(c->findings[i].rule, "resignation.date"))
			x = &c->findings[i];
	assert_non_null(x);
	assert_string_equal(x->kind, "resignation");
	assert_string_equal(fc_finding_status_name(x->status),
			    "contradicted");
	assert_int_equal(x->nvalues, 2);
	fc_corpus_destroy(c);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	remove(claims);
	remove(checks);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_structure_errors),
		cmocka_unit_test(test_reference_errors),
		cmocka_unit_test(test_type_errors),
		cmocka_unit_test(test_later_file_overrides),
		cmocka_unit_test(test_new_kind_from_rules_folder),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
