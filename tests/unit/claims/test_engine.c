/*
** test_engine.c: the claim engine's parts with small rule files of
** their own: placeholders, the tagged sentence, list items, spans,
** country mapping, group entities, anchored dates, each/order/after,
** stance, deduplication, priorities, limits and hostile input.
*/
#include <time.h>
#include <unistd.h>

#include "claims_test.h"
#include "claims/claims_p.h"

static char tmpdir[256];

static int setup(void **state)
{
	(void)state;
	return fc_test_mkdtemp(tmpdir, sizeof(tmpdir), "fc-claims-engine");
}

static int teardown(void **state)
{
	(void)state;
	return fc_test_rmtree(tmpdir);
}

/* Rules from one YAML text; the load must be clean. */
static struct fc_rules *rules_from(const char *yaml)
{
	return rules_from_yaml(tmpdir, yaml);
}

static void run_expect(struct fc_rules *r, struct tdoc *t, const char *want)
{
	tdoc_expect(r, t, want);
}

/* ---- Placeholders -------------------------------------------------------- */

static bool list_matches(const char *subject, const char *want)
{
	char *x;
	size_t *map, xlen;
	struct expand_err e;
	assert_int_equal(cl_expand_placeholders(NULL, "^(?<l>{ACTORS})", 15, &x,
					     &map, &xlen, &e),
			 FC_OK);
	int ec;
	PCRE2_SIZE eo;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)x, xlen, PCRE2_UTF, &ec,
					 &eo, NULL);
	assert_non_null(code);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(code,
								    NULL);
	int rc = pcre2_match(code, (PCRE2_SPTR)subject, strlen(subject), 0, 0,
			     md, NULL);
	bool ok = rc > 0;
	if (ok) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		ok = ov[3] - ov[2] == strlen(want) &&
		     !strncmp(subject + ov[2], want, strlen(want));
	}
	pcre2_match_data_free(md);
	pcre2_code_free(code);
	free(x);
	free(map);
	return ok;
}

static void test_list_placeholder_items(void **state)
{
	assert_true(list_matches("\x01P1\x02", "\x01P1\x02"));
	assert_true(list_matches("\x01P1\x02 and \x01G2\x02 met",
				 "\x01P1\x02 and \x01G2\x02"));
	assert_true(list_matches("\x01" "C1\x02, \x01" "C2\x02 and the \x01"
				 "C3\x02.",
				 "\x01" "C1\x02, \x01" "C2\x02 and the \x01"
				 "C3\x02"));
	assert_true(list_matches("\x01" "C1\x02, \x01" "C2\x02, and \x01"
				 "C3\x02",
				 "\x01" "C1\x02, \x01" "C2\x02, and \x01"
				 "C3\x02"));
	/* a comma item needs the closing "and": an apposition is not */
	assert_true(list_matches("\x01P1\x02, \x01G2\x02 said",
				 "\x01P1\x02"));
	assert_true(list_matches("\x01" "C1\x02, and \x01P2\x02 signed",
				 "\x01" "C1\x02"));
	/* other classes end the list */
	assert_true(list_matches("\x01P1\x02 and \x01" "D2\x02",
				 "\x01P1\x02"));
}

static void test_placeholder_in_class_and_escape_is_literal(void **state)
{
	char *x;
	size_t *map, xlen;
	struct expand_err e;
	const char *src = "[{ACTOR}]\\{ACTOR}\\Q{ACTOR}\\E{DATE}";
	assert_int_equal(cl_expand_placeholders(NULL, src, strlen(src), &x, &map,
					     &xlen, &e),
			 FC_OK);
	assert_string_equal(x, "[{ACTOR}]\\{ACTOR}\\Q{ACTOR}\\E"
			       "(?:\\x01D[0-9]++\\x02)");
	/* the expansion maps to the placeholder's '{' */
	assert_int_equal(map[xlen - 1], 28);
	assert_int_equal(map[xlen], strlen(src));
	free(x);
	free(map);
}

/* ---- The tagged sentence ------------------------------------------------- */

static void test_tagged_tokens_folding_and_quotes(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Israeli Prime Minister Benjamin Netanyahu told Russia\xe2\x80"
		  "\x99s Putin \xe2\x80\x9cno\xe2\x80\x9d on\x01 Friday.",
		  "2026-01-16");
	tdoc_time(&t, "Friday", 0, "2026-01-16");
	tdoc_tag_entities(&t);
	fc_mentions_finish(t.doc);
	struct tagged tg = {0};
	assert_int_equal(cl_tagged_build(&tg, t.doc, 0), FC_OK);
	/* mentions sorted: Israeli 0, Benjamin Netanyahu 1, Russia 2,
	** Putin 3, Friday 4 */
	assert_string_equal(tg.s, "\x01P1\x02 told \x01P3\x02 \"no\" on  "
				  "\x01" "D4\x02.");
	/* the folded person token covers "Israeli ... Netanyahu" */
	assert_int_equal(tg.lo[0], 0);
	assert_int_equal(tg.hi[0], 41);
	/* the curly quote is one byte mapping to three */
	const char *q = strchr(tg.s, '"');
	assert_int_equal(tg.hi[q - tg.s] - tg.lo[q - tg.s], 3);
	cl_tagged_finish(&tg);
	tdoc_free(&t);
}

static void test_tagged_invalid_utf8_and_nested_mentions(void **state)
{
	struct tdoc t;
	tdoc_init(&t, "Bad \xff\xfe bytes near Paris Hilton.", "2026-01-16");
	struct fc_mention *m = tdoc_mention(&t, FC_MENTION_ENTITY,
					    "Paris Hilton", 0);
	m->entity = (struct fc_entity){"person:paris-hilton", "Paris Hilton",
				       FC_ENT_PERSON, NULL, NULL};
	/* Paris inside it is auto-tagged? No: the span is taken. A nested
	** mention added by hand is left out of the tokens. */
	m = tdoc_mention(&t, FC_MENTION_ENTITY, "Paris", 0);
	m->entity = (struct fc_entity){"city:paris", "Paris", FC_ENT_CITY,
				       "FR", NULL};
	fc_mentions_finish(t.doc);
	struct tagged tg = {0};
	assert_int_equal(cl_tagged_build(&tg, t.doc, 0), FC_OK);
	assert_string_equal(tg.s, "Bad ?? bytes near \x01P0\x02.");
	cl_tagged_finish(&tg);
	tdoc_free(&t);
}

/* ---- Slots --------------------------------------------------------------- */

static const char *const call_rules =
	"kind: claims\n"
	"claims:\n"
	"  - id: c\n"
	"    fact: call\n"
	"    pattern: '(?i)(?<a>{ACTORS}) (?:spoke|talked) with "
	"(?<b>{ACTORS})'\n"
	"    slots: {participants: {group: [a, b], as: country}, "
	"date: sentence}\n";

/* Run r over t (d initialised here): the participants of its one fact,
** n items. */
static const struct fc_slot *one_fact_participants(struct tdoc *t,
						   struct fc_rules *r,
						   struct fc_diags *d, size_t n)
{
	fc_diags_init(d);
	assert_int_equal(tdoc_run(t, r, d), FC_OK);
	assert_int_equal(t->c->nfacts, 1);
	const struct fc_slot *s = fc_fact_slot(&t->c->facts[0], "participants");
	assert_non_null(s);
	assert_int_equal(s->value.nitems, n);
	return s;
}

static void test_as_country_labels_and_groups(void **state)
{
	struct fc_rules *r = rules_from(call_rules);
	struct tdoc t;
	/* Putin -> country:RU labelled from the document's "Russia";
	** Macron -> country:FR with no mention of France: label "FR";
	** Hamas (an organisation) stays itself */
	tdoc_init(&t,
		  "Russia watched.\n"
		  "Putin spoke with Macron and Hamas.",
		  "2026-01-16");
	struct fc_diags d;
	const struct fc_slot *s = one_fact_participants(&t, r, &d, 3);
	assert_string_equal(s->value.items[0].entity.id, "country:RU");
	assert_string_equal(s->value.items[0].entity.label, "Russia");
	assert_string_equal(s->value.items[1].entity.id, "country:FR");
	assert_string_equal(s->value.items[1].entity.label, "FR");
	assert_string_equal(s->value.items[2].entity.id, "org:hamas");
	fc_diags_finish(&d);
	tdoc_free(&t);

	/* a group entity stands for its members */
	tdoc_init(&t,
		  "Putin thanked Pezeshkian.\n"
		  "The two leaders talked with Macron.",
		  "2026-01-16");
	run_expect(r, &t,
		   "call participants=[country:RU,country:IR,country:FR] "
		   "@The two leaders talked with Macron\n");
	rules_free(r);
}

/* A group's member that no mention names is made from its id: an office
** (entity_office.c, "the Iranian president" of no listed holder) is a
** person, as a person's id is. */
static void test_group_office_member(void **state)
{
	struct fc_rules *r = rules_from(call_rules);
	struct tdoc t;
	tdoc_init(&t, "The two presidents talked with Macron.", "2026-01-16");
	struct fc_mention *m = tdoc_mention(&t, FC_MENTION_ENTITY,
					    "The two presidents", 0);
	m->entity = (struct fc_entity){
		"group:office:president-of-iran+person:ali-khamenei",
		"the two presidents", FC_ENT_GROUP, NULL, NULL};
	struct fc_diags d;
	const struct fc_slot *s = one_fact_participants(&t, r, &d, 3);
	assert_string_equal(s->value.items[0].entity.id,
			    "office:president-of-iran");
	assert_int_equal(s->value.items[0].entity.type, FC_ENT_PERSON);
	assert_string_equal(s->value.items[1].entity.id, "person:ali-khamenei");
	assert_int_equal(s->value.items[1].entity.type, FC_ENT_PERSON);
	fc_diags_finish(&d);
	tdoc_free(&t);
	rules_free(r);
}

static void test_anchored_dates(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: o\n"
		"    fact: ouster\n"
		"    pattern: '(?<d>{DURATION}) after the fall of "
		"(?<p>{PERSON})'\n"
		"    slots: {person: p, date: {group: d, before: published}}\n"
		"  - id: o2\n"
		"    fact: ouster\n"
		"    pattern: '(?<p>{PERSON}) fell (?<d>{DURATION}) after "
		"{DATE}'\n"
		"    slots: {person: p, date: {group: d, after: sentence}}\n");
	static const struct {
		const char *dur, *want;
	} cases[] = {
		{"P13M", "2024-12"}, {"P2Y", "2024"},	{"P12D", "2026-01-04"},
		{"P2W", "2026-01-02"}, {"P1Y6M", "2024-07"}, {"PT3H", NULL},
		{"PXY", NULL},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct tdoc t;
		tdoc_init(&t, "Five days after the fall of Maduro.",
			  "2026-01-16");
		tdoc_time(&t, "Five days", 0, cases[i].dur);
		tdoc_mention(&t, FC_MENTION_ENTITY, "Maduro", 0)->entity =
			(struct fc_entity){"person:nicolas-maduro",
					   "Nicolas Maduro", FC_ENT_PERSON,
					   "VE", NULL};
		struct fc_diags d;
		fc_diags_init(&d);
		assert_int_equal(tdoc_run(&t, r, &d), FC_OK);
		assert_int_equal(t.c->nfacts, 1);
		const struct fc_slot *s = fc_fact_slot(&t.c->facts[0], "date");
		if (cases[i].want) {
			assert_non_null(s);
			assert_string_equal(s->value.time.value,
					    cases[i].want);
			assert_int_equal(s->value.time.type, FC_TIMEX_DATE);
		} else {
			assert_null(s);
		}
		fc_diags_finish(&d);
		tdoc_free(&t);
	}
	/* after the sentence's own date */
	struct tdoc t;
	tdoc_init(&t, "Maduro fell two months after March 2019.", "2026-01-16");
	tdoc_time(&t, "two months", 0, "P2M");
	tdoc_time(&t, "March 2019", 0, "2019-03");
	tdoc_mention(&t, FC_MENTION_ENTITY, "Maduro", 0)->entity =
		(struct fc_entity){"person:nicolas-maduro", "Nicolas Maduro",
				   FC_ENT_PERSON, "VE", NULL};
	run_expect(r, &t,
		   "ouster person=person:nicolas-maduro date=2019-05 @Maduro "
		   "fell two months after March 2019\n");
	rules_free(r);
}

static void test_each_order_after_and_constants(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: seq\n"
		"    fact: closure\n"
		"    each: [before, last]\n"
		"    pattern: '(?i)(?<last>{COUNTRY}) (?:closed|shut) its "
		"(?<m>embassy|consulate|mission) {DATE}, after "
		"(?<before>{ACTORS})'\n"
		"    slots:\n"
		"      country: {from: item, as: country}\n"
		"      order: position\n"
		"      after: {from: preceding, as: country}\n"
		"      date: {from: sentence, item_of: last}\n"
		"      mission: {group: m, map: {embassy: [embassy], "
		"consulate: [consulate]}}\n"
		"  - id: const\n"
		"    fact: closure\n"
		"    pattern: '(?<c>{COUNTRY}) recalled its diplomats'\n"
		"    slots: {country: c, mission: {value: embassy}}\n");
	struct tdoc t;
	tdoc_init(&t,
		  "New Zealand shut its Embassy on Monday, after Britain and "
		  "Macron.\n"
		  "France recalled its diplomats.",
		  "2026-01-16");
	tdoc_time(&t, "on Monday", 0, "2026-01-12");
	run_expect(r, &t,
		   "closure country=country:GB order=1 mission=\"embassy\" "
		   "@New Zealand shut its Embassy on Monday, after Britain and "
		   "Macron\n"
		   "closure country=country:FR order=2 after=[country:GB] "
		   "mission=\"embassy\" @New Zealand shut its Embassy on "
		   "Monday, after Britain and Macron\n"
		   "closure country=country:NZ order=3 "
		   "after=[country:GB,country:FR] date=2026-01-12 "
		   "mission=\"embassy\" @New Zealand shut its Embassy on Monday, "
		   "after Britain and Macron\n"
		   "closure country=country:FR mission=\"embassy\" @France "
		   "recalled its diplomats\n");
	rules_free(r);
}

/* ---- Stance -------------------------------------------------------------- */

static void test_polarity_modality_attribution(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: c\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR})[a-z ]{0,20}? spoken? with "
		"(?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n"
		"  - id: s\n"
		"    fact: statement\n"
		"    pattern: '(?<a>{ACTOR}) said (?<t>[^.]+)'\n"
		"    slots: {speaker: a, topic: t}\n");
	struct tdoc t;
	tdoc_init(&t,
		  "Putin never spoke with Macron, the Kremlin said.\n"
		  "Putin reportedly spoke with Macron.\n"
		  "Macron said Putin had not spoken with Xi Jinping.\n"
		  "\"Putin spoke with Macron,\" Peskov told TASS.",
		  "2026-01-16");
	tdoc_mention(&t, FC_MENTION_NEGATION, "never", 0);
	tdoc_attr(&t, "the Kremlin said", 0, "the Kremlin");
	tdoc_mention(&t, FC_MENTION_HEDGE, "reportedly", 0);
	tdoc_mention(&t, FC_MENTION_NEGATION, "not", 0);
	tdoc_quote(&t, "\"Putin spoke with Macron,\"", 0, "Peskov");
	run_expect(r, &t,
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] negated reported by Russian "
		   "government @Putin never spoke with Macron\n"
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] hedged @Putin reportedly spoke "
		   "with Macron\n"
		   "call participants=[person:vladimir-putin,"
		   "person:xi-jinping] negated @Putin had not spoken with Xi "
		   "Jinping\n"
		   "statement speaker=person:emmanuel-macron topic=\"Putin "
		   "had not spoken with Xi Jinping\" @Macron said Putin had "
		   "not spoken with Xi Jinping\n"
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] reported by Dmitry Peskov @Putin "
		   "spoke with Macron\n");
	rules_free(r);
}

/* ---- The sentence's date ------------------------------------------------ */

/*
** A slot from the sentence takes the mention nearest to the match, a
** clause break weighing 40 bytes, and a time next to a report outside
** the match ("officials said on Monday") only when there is no other.
*/
static void test_sentence_date_nearest(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: c\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR}) spoke with (?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b], date: sentence}\n");
	struct tdoc t;
	tdoc_init(&t,
		  "On Monday, officials said Putin spoke with Macron on "
		  "Friday.\n"
		  "Putin spoke with Macron, the Kremlin said on Saturday.\n"
		  "In 2002, Putin spoke with Macron in 2004.\n"
		  "In 2002 Putin spoke with Macron, as in 2004.\n"
		  "Putin spoke with Macron on Sunday, officials said Monday.",
		  "2026-01-16");
	tdoc_time(&t, "Monday", 0, "2026-01-12");
	tdoc_attr(&t, "officials said", 0, NULL);
	tdoc_time(&t, "Friday", 0, "2026-01-09");
	tdoc_attr(&t, "the Kremlin said", 0, "the Kremlin");
	tdoc_time(&t, "Saturday", 0, "2026-01-10");
	tdoc_time(&t, "2002", 0, "2002");
	tdoc_time(&t, "2004", 0, "2004");
	tdoc_time(&t, "2002", 1, "2002");
	tdoc_time(&t, "2004", 1, "2004");
	tdoc_time(&t, "Sunday", 0, "2026-01-11");
	tdoc_attr(&t, "officials said", 1, NULL);
	tdoc_time(&t, "Monday", 1, "2026-01-12");
	run_expect(r, &t,
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] date=2026-01-09 reported by "
		   "officials said @Putin spoke with Macron\n"
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] date=2026-01-10 reported by "
		   "Russian government @Putin spoke with Macron\n"
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] date=2004 @Putin spoke with "
		   "Macron\n"
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] date=2002 @Putin spoke with "
		   "Macron\n"
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] date=2026-01-11 reported by "
		   "officials said @Putin spoke with Macron\n");
	rules_free(r);
}

/* ---- Priorities, duplicates ---------------------------------------------- */

static void test_priority_and_duplicates(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: general\n"
		"    fact: call\n"
		"    pattern: '(?<a>{ACTOR}) spoke with (?<b>{ACTORS})'\n"
		"    slots: {participants: [a, b]}\n"
		"  - id: specific\n"
		"    fact: call\n"
		"    priority: 5\n"
		"    each: b\n"
		"    pattern: '(?<a>{ACTOR}) spoke with (?<b>{ACTORS})'\n"
		"    slots: {participants: [a, item]}\n"
		"  - id: twin\n"
		"    fact: meeting\n"
		"    pattern:\n"
		"      - '(?<a>{ACTOR}) spoke with (?<b>{ACTOR})'\n"
		"      - '(?<a>{ACTOR}) (?:spoke) with (?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n");
	struct tdoc t;
	tdoc_init(&t, "Putin spoke with Macron and Xi Jinping.", "2026-01-16");
	run_expect(r, &t,
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] @Putin spoke with Macron and Xi "
		   "Jinping\n"
		   "call participants=[person:vladimir-putin,"
		   "person:xi-jinping] @Putin spoke with Macron and Xi "
		   "Jinping\n"
		   "meeting participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] @Putin spoke with Macron\n");
	rules_free(r);
}

/* A rule runs only on sentences its `requires:` matches. */
static void test_requires_prefilter(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: c\n"
		"    fact: call\n"
		"    requires: '(?i)\\bphone'\n"
		"    pattern: '(?<a>{ACTOR}) (?:spoke|talked) with "
		"(?<b>{ACTOR})'\n"
		"    slots: {participants: [a, b]}\n");
	struct tdoc t;
	tdoc_init(&t,
		  "Putin spoke with Macron.\n"
		  "By phone, Putin talked with Macron.\n"
		  "Putin spoke with Macron about the microphone.",
		  "2026-01-16");
	run_expect(r, &t,
		   "call participants=[person:vladimir-putin,"
		   "person:emmanuel-macron] @Putin talked with Macron\n");
	rules_free(r);
}

/* ---- Limits and hostile input -------------------------------------------- */

static void test_match_limit_is_bounded(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: slow\n"
		"    fact: statement\n"
		"    pattern: '(?<a>{ACTOR}) (?<t>(?:a|a?a)+)$'\n"
		"    slots: {speaker: a, topic: t}\n");
	size_t n = 20000;
	char *text = malloc(n + 16);
	memcpy(text, "Putin ", 6);
	memset(text + 6, 'a', n);
	strcpy(text + 6 + n, "b");
	struct tdoc t;
	tdoc_init(&t, text, "2026-01-16");
	free(text);
	clock_t c0 = clock();
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(tdoc_run(&t, r, &d), FC_OK);
	double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
	assert_true(secs < 5.0);
	assert_int_equal(t.c->nfacts, 0);
	assert_int_equal(d.nwarn, 1);
	assert_non_null(strstr(d.v[0].msg, "claim rule 'slow' stopped on "
					   "sentence 1 of source 't'"));
	fc_diags_finish(&d);
	tdoc_free(&t);
	rules_free(r);
}

static void test_token_bytes_in_text_are_not_tokens(void **state)
{
	struct fc_rules *r = rules_from(call_rules);
	struct tdoc t;
	tdoc_init(&t, "\x01P0\x02 spoke with \x01P1\x02 and Macron spoke with "
		      "\x01" "C99999999999\x02.",
		  "2026-01-16");
	run_expect(r, &t, "");
	rules_free(r);
}

/* A quote rule needs a speaker; its date lies outside the quote. */
static void test_quote_rule(void **state)
{
	struct fc_rules *r = rules_from(
		"kind: claims\n"
		"claims:\n"
		"  - id: q\n"
		"    fact: quote\n"
		"    mentions: quote\n"
		"    slots: {speaker: speaker, quote: quote, date: sentence}\n");
	struct tdoc t;
	tdoc_init(&t,
		  "On Friday Peskov said: \"We met   on Monday.\"\n"
		  "Someone said: \"Nothing.\"",
		  "2026-01-16");
	tdoc_time(&t, "On Friday", 0, "2026-01-16");
	tdoc_time(&t, "on Monday", 0, "2026-01-12");
	tdoc_quote(&t, "\"We met   on Monday.\"", 0, "Peskov");
	tdoc_quote(&t, "\"Nothing.\"", 0, NULL);
	run_expect(r, &t,
		   "quote speaker=person:dmitry-peskov quote=\"We met on "
		   "Monday.\" date=2026-01-16 @\"We met   on Monday.\"\n");
	rules_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_group_office_member),
		cmocka_unit_test(test_list_placeholder_items),
		cmocka_unit_test(test_placeholder_in_class_and_escape_is_literal),
		cmocka_unit_test(test_tagged_tokens_folding_and_quotes),
		cmocka_unit_test(test_tagged_invalid_utf8_and_nested_mentions),
		cmocka_unit_test(test_as_country_labels_and_groups),
		cmocka_unit_test(test_anchored_dates),
		cmocka_unit_test(test_each_order_after_and_constants),
		cmocka_unit_test(test_polarity_modality_attribution),
		cmocka_unit_test(test_sentence_date_nearest),
		cmocka_unit_test(test_priority_and_duplicates),
		cmocka_unit_test(test_requires_prefilter),
		cmocka_unit_test(test_match_limit_is_bounded),
		cmocka_unit_test(test_token_bytes_in_text_are_not_tokens),
		cmocka_unit_test(test_quote_rule),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
