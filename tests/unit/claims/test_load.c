/*
** test_load.c: the claims loader. Every error is reported with its
** exact file:line:col, the loader carries on after it, and a rule of a
** later file replaces a rule of the same id.
*/
#include <unistd.h>

#include "claims_test.h"
#include "claims/claims_p.h"

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-claims-load");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

static const char *write_file(const char *name, const char *text)
{
	static char paths[8][512];
	static int n;
	char *p = paths[n++ % 8];
	snprintf(p, 512, "%s/%s", tmpdir, name);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* Load the files and render every diagnostic as "name:line:col: msg". */
static char *load_diags(const char *const *names, const char *const *texts,
			struct fc_rules **out)
{
	const char *paths[8] = {0};
	for (size_t i = 0; names[i]; i++)
		paths[i] = write_file(names[i], texts[i]);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	fc_status st = rules_load_files(paths, &r, &d);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < d.n; i++) {
		const char *f = d.v[i].loc.file ? d.v[i].loc.file : "-";
		const char *base = strrchr(f, '/');
		fc_buf_printf(&b, "%s:%u:%u: %s\n", base ? base + 1 : f,
			      d.v[i].loc.line, d.v[i].loc.col, d.v[i].msg);
	}
	assert_true((st == FC_OK) == (d.nerr == 0));
	fc_diags_finish(&d);
	if (out)
		*out = r;
	else
		rules_free(r);
	return fc_buf_steal(&b, NULL);
}

static void expect_diags(const char *yaml, const char *want)
{
	const char *names[] = {"x.yaml", NULL};
	const char *texts[] = {yaml, NULL};
	char *got = load_diags(names, texts, NULL);
	if (strcmp(got, want))
		fprintf(stderr, "got:\n%s", got);
	assert_string_equal(got, want);
	free(got);
}

static void test_load_valid_file_has_no_diagnostics(void **state)
{
	expect_diags("kind: claims\n"
		     "description: calls\n"
		     "placeholders:\n"
		     "  VERB: '(?:spoke|talked)'\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR}) {VERB} with (?<b>{ACTORS})'\n"
		     "    slots: {participants: [a, b], date: sentence}\n"
		     "tests: []\n",
		     "");
}

static void test_load_unknown_keys_suggest(void **state)
{
	expect_diags("kind: claims\n"
		     "claim: []\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    patern: '(?<a>{ACTOR})'\n"
		     "    pattern: '(?<a>{ACTOR}) met (?<b>{ACTOR})'\n"
		     "    slots:\n"
		     "      participants: {grop: a}\n",
		     "x.yaml:2:1: unknown key 'claim' in claims file (did you "
		     "mean 'claims'?)\n"
		     "x.yaml:6:5: unknown key 'patern' in claim rule (did you "
		     "mean 'pattern'?)\n"
		     "x.yaml:9:22: unknown key 'grop' in slot 'participants' "
		     "(did you mean 'group'?)\n"
		     "x.yaml:9:21: slot 'participants' needs 'group:', "
		     "'from:' or 'value:'\n");
}

static void test_load_wrong_types(void **state)
{
	expect_diags("kind: claims\n"
		     "description: [a]\n"
		     "claims:\n"
		     "  - id: [c1]\n"
		     "    fact: call\n"
		     "    priority: high\n"
		     "    pattern: {a: b}\n"
		     "    slots: [participants]\n"
		     "  - just a string\n",
		     "x.yaml:2:14: description must be a string, not a "
		     "sequence\n"
		     "x.yaml:4:9: id must be a string, not a sequence\n"
		     "x.yaml:6:15: priority must be a whole number from -1000 "
		     "to 1000\n"
		     "x.yaml:7:14: pattern must be a string or a list of "
		     "strings\n"
		     "x.yaml:8:12: slots must be a mapping of slot name to its "
		     "filling\n"
		     "x.yaml:9:5: a claim rule must be a mapping\n");
}

static void test_load_unknown_fact_kind_and_slot(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: calls\n"
		     "    pattern: '(?<a>{ACTOR})'\n"
		     "    slots: {participants: a}\n"
		     "  - id: c2\n"
		     "    fact: weather\n"
		     "    pattern: '(?<a>{ACTOR})'\n"
		     "    slots: {participants: a}\n"
		     "  - id: c3\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR})'\n"
		     "    slots: {participant: a, place: a}\n",
		     "x.yaml:4:11: unknown fact kind 'calls' (did you mean "
		     "'call'?)\n"
		     "x.yaml:8:11: unknown fact kind 'weather' (one of "
		     "agreement, call, capture, closure, death_toll, "
		     "mediation, meeting, ouster, protest, quote, statement, "
		     "strike, war)\n"
		     "x.yaml:14:13: fact kind 'call' has no slot 'participant' "
		     "(did you mean 'participants'?)\n"
		     "x.yaml:14:29: fact kind 'call' has no slot 'place'\n");
}

static void test_load_unknown_placeholder_column(void **state)
{
	/* single-quoted with '' before it, double-quoted with escapes,
	** plain, and a literal block */
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern:\n"
		     "      - '(?<a>{ACTOR})''s call with (?<b>{PERSN})'\n"
		     "      - \"(?<a>{ACTOR})\\\\s+\\x41 (?<b>{ACTR})\"\n"
		     "      - (?<a>{ACTOR}) x (?<b>{COUNTRYS})\n"
		     "      - |\n"
		     "        (?<a>{ACTOR})\n"
		     "        \\s+with\\s+(?<b>{ACTORZ})\n"
		     "      - '(?<a>{ACTOR}) (?<b>{WEATHER})'\n"
		     "    slots: {participants: [a, b]}\n",
		     "x.yaml:6:42: unknown placeholder {PERSN} (did you mean "
		     "{PERSON}?)\n"
		     "x.yaml:7:37: unknown placeholder {ACTR} (did you mean "
		     "{ACTOR}?)\n"
		     "x.yaml:8:30: unknown placeholder {COUNTRYS} (did you "
		     "mean {COUNTRY}?)\n"
		     "x.yaml:11:24: unknown placeholder {ACTORZ} (did you "
		     "mean {ACTOR}?)\n"
		     "x.yaml:12:29: unknown placeholder {WEATHER}\n");
}

static void test_load_bad_regex_points_into_scalar(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR}) spoke with (?<b>{ACTORS}'\n"
		     "    slots: {participants: [a, b]}\n"
		     "  - id: c2\n"
		     "    fact: call\n"
		     "    pattern: \"(?<a>{ACTORS}) [z-a] (?<b>{ACTOR})\"\n"
		     "    slots: {participants: [a, b]}\n"
		     "  - id: c3\n"
		     "    fact: call\n"
		     "    pattern: (?<a>{ACTOR})(?<b>{ACTOR})x{2,1}\n"
		     "    slots: {participants: [a, b]}\n",
		     "x.yaml:5:53: bad regex: missing closing parenthesis\n"
		     "x.yaml:9:33: bad regex: range out of order in character "
		     "class\n"
		     "x.yaml:13:45: bad regex: numbers out of order in {} "
		     "quantifier\n");
}

static void test_load_groups_and_slots_must_agree(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern:\n"
		     "      - '(?<a>{ACTOR}) met (?<b>{ACTOR}) on (?<when>{DATE})'\n"
		     "    slots:\n"
		     "      participants: [a, c]\n"
		     "  - id: c2\n"
		     "    fact: closure\n"
		     "    each: [first, second]\n"
		     "    pattern: '(?<first>{COUNTRY})'\n"
		     "    slots:\n"
		     "      country: {from: item}\n"
		     "      order: sentence\n"
		     "      after: {from: preceding, as: countries}\n"
		     "      mission: {value: embassy, group: first}\n",
		     "x.yaml:8:25: slot 'participants' names group 'c', which "
		     "no pattern of rule 'c1' defines\n"
		     "x.yaml:11:19: each names group 'second', which no "
		     "pattern of rule 'c2' defines\n"
		     "x.yaml:15:14: slot 'order' (a number): 'from: sentence' "
		     "fills dates, durations, quantities and places\n"
		     "x.yaml:16:36: as must be 'country', not 'countries'\n"
		     "x.yaml:17:24: slot 'mission': 'value:' is a constant; it "
		     "takes no 'group:' or 'from:'\n");
}

static void test_load_unused_group(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern: '(?i)(?<a>{ACTOR}) met (?<b>{ACTOR}) (?<when>{DATE})'\n"
		     "    slots:\n"
		     "      participants: [a, b]\n",
		     "x.yaml:5:51: named group 'when' is not used by any "
		     "slot\n");
}

static void test_load_missing_keys(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - description: nothing\n"
		     "  - id: c2\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR})'\n"
		     "    mentions: quote\n"
		     "    slots: {participants: a}\n"
		     "  - id: c3\n"
		     "    fact: quote\n"
		     "    mentions: quotes\n"
		     "    slots: {speaker: speaker, quote: quote}\n",
		     "x.yaml:3:5: claim rule needs an 'id'\n"
		     "x.yaml:3:5: claim rule '?' needs a 'fact' kind\n"
		     "x.yaml:3:5: claim rule '?' needs a 'pattern' (or "
		     "'mentions: quote')\n"
		     "x.yaml:3:5: claim rule '?' needs 'slots'\n"
		     "x.yaml:7:15: give 'pattern:' or 'mentions:', not both\n"
		     "x.yaml:11:15: mentions must be 'quote', not 'quotes'\n");
}

static void test_load_duplicate_id_in_file(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR}) met (?<b>{ACTOR})'\n"
		     "    slots: {participants: [a, b]}\n"
		     "  - id: c1\n"
		     "    fact: meeting\n"
		     "    pattern: '(?<a>{ACTOR}) met (?<b>{ACTOR})'\n"
		     "    slots: {participants: [a, b]}\n",
		     "x.yaml:7:9: duplicate rule id 'c1' (first at line 3)\n");
}

static void test_load_placeholder_errors(void **state)
{
	expect_diags("kind: claims\n"
		     "placeholders:\n"
		     "  PERSON: '\\w+'\n"
		     "  lower: x\n"
		     "  LOOP: 'a{LOOP}'\n"
		     "  BAD: '(x'\n"
		     "  ODD: 'x{NOPE}'\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR}) {BAD} (?<b>{ACTOR})'\n"
		     "    slots: {participants: [a, b]}\n",
		     "x.yaml:3:3: placeholder {PERSON} is built in and cannot "
		     "be redefined\n"
		     "x.yaml:4:3: placeholder name 'lower' must be upper-case "
		     "letters and '_'\n"
		     "x.yaml:5:11: placeholder {LOOP} nests deeper than 8 "
		     "levels (is it defined through itself?)\n"
		     "x.yaml:6:11: bad regex: missing closing parenthesis\n"
		     "x.yaml:7:10: unknown placeholder {NOPE}\n");
}

static void test_load_slot_fill_errors(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    pattern: '(?<a>{ACTOR}) met (?<b>{ACTOR})'\n"
		     "    slots:\n"
		     "      participants: {group: [a, b], from: sentense}\n"
		     "      date: {group: a, before: yesterday}\n"
		     "  - id: c2\n"
		     "    fact: quote\n"
		     "    pattern: '(?<a>{ACTOR})'\n"
		     "    slots: {speaker: speaker, quote: a}\n"
		     "  - id: c3\n"
		     "    fact: closure\n"
		     "    each: a\n"
		     "    pattern: '(?<a>{COUNTRY}) (?<b>{COUNTRY})'\n"
		     "    slots: {country: {from: item}, city: {group: b, "
		     "item_of: b}}\n",
		     "x.yaml:7:43: from must be one of sentence, item, "
		     "position, preceding, speaker, quote; not 'sentense'\n"
		     "x.yaml:8:32: before must be 'published' or 'sentence', "
		     "not 'yesterday'\n"
		     "x.yaml:12:22: slot 'speaker' (an entity): 'from: "
		     "speaker' and 'from: quote' need 'mentions: quote'\n"
		     "x.yaml:17:62: item_of names 'b', which is not a group of "
		     "'each'\n");
}

static void test_load_requires_prefilter_errors(void **state)
{
	expect_diags("kind: claims\n"
		     "claims:\n"
		     "  - id: c1\n"
		     "    fact: call\n"
		     "    requires: '(?<x>phone)'\n"
		     "    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTOR})'\n"
		     "    slots: {participants: [a, b]}\n"
		     "  - id: c2\n"
		     "    fact: call\n"
		     "    requires: '(?i)phone{PHONE'\n"
		     "    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTOR})'\n"
		     "    slots: {participants: [a, b]}\n"
		     "  - id: c3\n"
		     "    fact: call\n"
		     "    requires: '(?i)(phone'\n"
		     "    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTOR})'\n"
		     "    slots: {participants: [a, b]}\n",
		     "x.yaml:5:15: requires is a prefilter: it takes no named "
		     "groups\n"
		     "x.yaml:15:26: bad regex: missing closing parenthesis\n");
}

/* A later file replaces a rule by id; the earlier one no longer runs. */
static void test_load_later_file_overrides_rule(void **state)
{
	const char *names[] = {"a.yaml", "b.yaml", NULL};
	const char *texts[] = {
		"kind: claims\n"
		"claims:\n"
		"  - id: shared\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n",
		"kind: claims\n"
		"claims:\n"
		"  - id: shared\n"
		"    fact: meeting\n"
		"    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n",
		NULL};
	struct fc_rules *r;
	char *got = load_diags(names, texts, &r);
	assert_string_equal(got, "");
	free(got);
	struct tdoc t;
	tdoc_init(&t, "Putin phoned Netanyahu.", "2026-01-16");
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(tdoc_run(&t, r, &d), FC_OK);
	assert_int_equal(t.c->nfacts, 1);
	assert_string_equal(t.c->facts[0].kind, "meeting");
	assert_string_equal(t.c->facts[0].rule, "shared");
	fc_diags_finish(&d);
	tdoc_free(&t);
	rules_free(r);
}

/* The loader keeps going: a good rule after bad ones still works. */
static void test_load_good_rule_survives_bad_ones(void **state)
{
	const char *names[] = {"x.yaml", NULL};
	const char *texts[] = {
		"kind: claims\n"
		"claims:\n"
		"  - id: bad\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR}'\n"
		"    slots: {participants: a}\n"
		"  - id: good\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR}) phoned (?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n",
		NULL};
	struct fc_rules *r;
	char *got = load_diags(names, texts, &r);
	assert_string_equal(got,
			    "x.yaml:5:27: bad regex: missing closing "
			    "parenthesis\n");
	free(got);
	assert_int_equal(r->claims->nactive, 1);
	assert_string_equal(r->claims->active[0]->id, "good");
	rules_free(r);
}

/* ---- The fact schema (`facts:`) ------------------------------------------ */

static void test_load_schema_errors(void **state)
{
	expect_diags("kind: claims\n"
		     "facts:\n"
		     "  call:\n"
		     "    participants: {type: lst, required: yes}\n"
		     "    date: {type: time, min_items: 1}\n"
		     "    polarity: text\n"
		     "    Place: entity\n"
		     "    where: {required: true}\n"
		     "    who: {type: entity, requird: true}\n"
		     "    many: {type: list, min_items: -1}\n"
		     "    flag: {type: text, required: maybe}\n"
		     "    seq: [text]\n"
		     "    span: duraton\n"
		     "  Bad-Kind: {x: text}\n"
		     "  empty: {}\n"
		     "  scalar: text\n",
		     "x.yaml:4:26: unknown slot type 'lst' (did you mean "
		     "'list'?)\n"
		     "x.yaml:5:35: min_items applies to list slots; 'date' is "
		     "a time\n"
		     "x.yaml:6:5: 'polarity' is reserved: every fact has it\n"
		     "x.yaml:7:5: slot name 'Place' must be lower-case "
		     "letters, digits and '_', starting with a letter\n"
		     "x.yaml:8:12: slot 'where' of fact kind 'call' needs a "
		     "'type'\n"
		     "x.yaml:9:25: unknown key 'requird' in slot 'who' (did "
		     "you mean 'required'?)\n"
		     "x.yaml:10:35: min_items must be a whole number from 0 "
		     "to 1000\n"
		     "x.yaml:11:34: required must be true or false\n"
		     "x.yaml:12:10: slot 'seq' of fact kind 'call' must be a "
		     "type or a mapping {type, required, min_items}\n"
		     "x.yaml:13:11: unknown slot type 'duraton' (did you mean "
		     "'duration'?)\n"
		     "x.yaml:14:3: fact kind name 'Bad-Kind' must be "
		     "lower-case letters, digits and '_', starting with a "
		     "letter\n"
		     "x.yaml:15:10: fact kind 'empty' must be a mapping of "
		     "slot name to its type (at least one slot)\n"
		     "x.yaml:16:11: fact kind 'scalar' must be a mapping of "
		     "slot name to its type (at least one slot)\n");
	expect_diags("kind: claims\n"
		     "facts: [call]\n",
		     "x.yaml:2:8: facts must be a mapping of fact kind to its "
		     "slots\n");
}

/* A kind with a bad slot keeps its good ones: rules naming it (in any
** file, before or after) get no follow-on error; the bad slot is gone. */
static void test_load_schema_broken_kind_keeps_good_slots(void **state)
{
	const char *names[] = {"a.yaml", "b.yaml", NULL};
	const char *texts[] = {
		"kind: claims\n"
		"claims:\n"
		"  - id: t1\n"
		"    fact: trade\n"
		"    pattern: '(?<a>{ACTOR}) traded with (?<b>{ACTOR})'\n"
		"    slots: {parties: [a, b], when: sentence}\n",
		"kind: claims\n"
		"facts:\n"
		"  trade: {parties: list, when: tme}\n",
		NULL};
	struct fc_rules *r;
	char *got = load_diags(names, texts, &r);
	assert_string_equal(got,
			    "b.yaml:3:32: unknown slot type 'tme' (did you "
			    "mean 'time'?)\n"
			    "a.yaml:6:30: fact kind 'trade' has no slot "
			    "'when'\n");
	free(got);
	assert_non_null(fc_claims_slot_type(r, "trade", NULL, NULL));
	assert_string_equal(fc_claims_slot_type(r, "trade", "parties", NULL),
			    "list");
	assert_null(fc_claims_slot_type(r, "trade", "when", NULL));
	rules_free(r);
}

/* Unknown kinds are listed from the schema as loaded: a kind a later
** file adds is one of them. */
static void test_load_schema_kinds_listed(void **state)
{
	const char *names[] = {"a.yaml", "b.yaml", NULL};
	const char *texts[] = {
		"kind: claims\n"
		"claims:\n"
		"  - id: w1\n"
		"    fact: weather\n"
		"    pattern: '(?<a>{ACTOR}) rained'\n"
		"    slots: {place: a}\n"
		"  - id: r1\n"
		"    fact: resignatoin\n"
		"    pattern: '(?<a>{PERSON}) resigned'\n"
		"    slots: {person: a}\n",
		"kind: claims\n"
		"facts:\n"
		"  resignation: {person: {type: entity, required: true}}\n",
		NULL};
	struct fc_rules *r;
	char *got = load_diags(names, texts, &r);
	assert_string_equal(got,
			    "a.yaml:4:11: unknown fact kind 'weather' (one of "
			    "agreement, call, capture, closure, death_toll, "
			    "mediation, meeting, ouster, protest, quote, "
			    "resignation, statement, strike, war)\n"
			    "a.yaml:8:11: unknown fact kind 'resignatoin' (did "
			    "you mean 'resignation'?)\n");
	free(got);
	rules_free(r);
}

/* Without any schema, every kind is unknown, and says where kinds come
** from. */
static void test_load_schema_none(void **state)
{
	const char *path = write_file("x.yaml",
				      "kind: claims\n"
				      "claims:\n"
				      "  - id: c1\n"
				      "    fact: call\n"
				      "    pattern: '(?<a>{ACTOR})'\n"
				      "    slots: {participants: a}\n");
	const char *paths[] = {path, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(rules_load_list(paths, &r, &d), FC_ESCHEMA);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, path, 4, 11,
		       "unknown fact kind 'call' (no claims file declares any "
		       "under 'facts:')");
	assert_null(fc_claims_slot_type(r, "call", NULL, NULL));
	fc_diags_finish(&d);
	rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_valid_file_has_no_diagnostics),
		cmocka_unit_test(test_load_schema_errors),
		cmocka_unit_test(test_load_schema_broken_kind_keeps_good_slots),
		cmocka_unit_test(test_load_schema_kinds_listed),
		cmocka_unit_test(test_load_schema_none),
		cmocka_unit_test(test_load_unknown_keys_suggest),
		cmocka_unit_test(test_load_wrong_types),
		cmocka_unit_test(test_load_unknown_fact_kind_and_slot),
		cmocka_unit_test(test_load_unknown_placeholder_column),
		cmocka_unit_test(test_load_bad_regex_points_into_scalar),
		cmocka_unit_test(test_load_groups_and_slots_must_agree),
		cmocka_unit_test(test_load_unused_group),
		cmocka_unit_test(test_load_missing_keys),
		cmocka_unit_test(test_load_duplicate_id_in_file),
		cmocka_unit_test(test_load_placeholder_errors),
		cmocka_unit_test(test_load_slot_fill_errors),
		cmocka_unit_test(test_load_requires_prefilter_errors),
		cmocka_unit_test(test_load_later_file_overrides_rule),
		cmocka_unit_test(test_load_good_rule_survives_bad_ones),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
