/*
** test_facts.c: the built-in claim rules (every rules/claims YAML file) over
** sentences built by hand, with their mentions, asserting every fact
** exactly: kind, each slot, polarity, modality, attribution and span.
*/
#include "claims_test.h"

static struct fc_rules *R;

static int setup(void **state)
{
	R = rules_load_builtin();
	return 0;
}

static int teardown(void **state)
{
	rules_free(R);
	return 0;
}

/* Run the rules over t and compare the rendered facts. */
static void expect_facts(struct tdoc *t, const char *want)
{
	tdoc_expect(R, t, want);
}

#define REF "2026-01-16"

/* ---- Calls --------------------------------------------------------------- */

static void test_call_spoke_by_phone(void **state)
{
	struct tdoc t;
	tdoc_init(&t, "Russian President Vladimir Putin spoke by phone with "
		      "Israeli Prime Minister Benjamin Netanyahu on Friday.",
		  REF);
	tdoc_time(&t, "on Friday", 0, "2026-01-16");
	expect_facts(&t,
		     "call participants=[person:vladimir-putin,"
		     "person:benjamin-netanyahu] date=2026-01-16 @Russian "
		     "President Vladimir Putin spoke by phone with Israeli "
		     "Prime Minister Benjamin Netanyahu\n");
}

static void test_call_separate_conversations(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Russian President Vladimir Putin conducted separate "
		  "telephone conversations with Israeli Prime Minister "
		  "Benjamin Netanyahu and Iranian President Masoud "
		  "Pezeshkian on January 16, positioning Moscow as a "
		  "potential mediator.",
		  REF);
	tdoc_time(&t, "January 16", 0, "2026-01-16");
	const char *span = "@Russian President Vladimir Putin conducted "
			   "separate telephone conversations with Israeli "
			   "Prime Minister Benjamin Netanyahu and Iranian "
			   "President Masoud Pezeshkian\n";
	char want[1024];
	snprintf(want, sizeof(want),
		 "call participants=[person:vladimir-putin,"
		 "person:benjamin-netanyahu] date=2026-01-16 %s"
		 "call participants=[person:vladimir-putin,"
		 "person:masoud-pezeshkian] date=2026-01-16 %s",
		 span, span);
	expect_facts(&t, want);
}

static void test_call_discussed_by_phone_reported(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Israel's Prime Minister Benjamin Netanyahu discussed the "
		  "situation in the Middle East and Iran by phone with "
		  "Russian President Vladimir Putin, the Kremlin said on "
		  "Friday.",
		  REF);
	tdoc_time(&t, "on Friday", 0, "2026-01-16");
	tdoc_attr(&t, "the Kremlin said", 0, "the Kremlin");
	expect_facts(&t,
		     "call participants=[person:benjamin-netanyahu,"
		     "person:vladimir-putin] date=2026-01-16 reported by "
		     "Russian government @Israel's Prime Minister Benjamin "
		     "Netanyahu discussed the situation in the Middle East and "
		     "Iran by phone with Russian President Vladimir Putin\n"
		     "statement speaker=gov:RU topic=\"Israel's Prime Minister "
		     "Benjamin Netanyahu discussed the situation in the Middle "
		     "East and Iran by phone with Russian President Vladimir "
		     "Putin\" date=2026-01-16 @Israel's Prime Minister Benjamin "
		     "Netanyahu discussed the situation in the Middle East and "
		     "Iran by phone with Russian President Vladimir Putin, the "
		     "Kremlin said\n");
}

static void test_call_counterpart_conversation(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "It was followed by Putin's conversation with his Iranian "
		  "counterpart Masoud Pezeshkian, said Russian official "
		  "channels.",
		  REF);
	expect_facts(&t, "call participants=[person:vladimir-putin,"
			 "person:masoud-pezeshkian] @Putin's conversation "
			 "with his Iranian counterpart Masoud Pezeshkian\n");
}

static void test_call_planned_is_no_call(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Putin will speak with Netanyahu by phone next week.\n"
		  "Macron is expected to call Xi Jinping on Friday.\n"
		  "Trump called on Putin to end the war.\n"
		  "The upcoming call between Putin and Trump was announced.",
		  REF);
	tdoc_time(&t, "next week", 0, "2026-W04");
	tdoc_time(&t, "on Friday", 0, "2026-01-16");
	expect_facts(&t, "");
}

static void test_call_negated(void **state)
{
	struct tdoc t;
	tdoc_init(&t, "Trump said he had not spoken with Putin.", REF);
	tdoc_mention(&t, FC_MENTION_NEGATION, "not", 0);
	expect_facts(&t, "call participants=[person:donald-trump,"
			 "person:vladimir-putin] negated @Trump said he had "
			 "not spoken with Putin\n"
			 "statement speaker=person:donald-trump topic=\"he "
			 "had not spoken with Putin\" @Trump said he had not "
			 "spoken with Putin.\n");
}

/* ---- Meetings ------------------------------------------------------------ */

static void test_meeting_met_in_place(void **state)
{
	struct tdoc t;
	tdoc_init(&t, "Xi Jinping met Macron in Paris on Monday.", "2024-05-10");
	tdoc_time(&t, "on Monday", 0, "2024-05-06");
	expect_facts(&t,
		     "meeting participants=[person:xi-jinping,"
		     "person:emmanuel-macron] place=city:paris date=2024-05-06 "
		     "@Xi Jinping met Macron in Paris\n");
}

static void test_meeting_pair_held_talks(void **state)
{
	struct tdoc t;
	tdoc_init(&t, "Putin and Xi Jinping held talks in Beijing last year.",
		  REF);
	tdoc_time(&t, "last year", 0, "2025");
	expect_facts(&t,
		     "meeting participants=[person:vladimir-putin,"
		     "person:xi-jinping] place=city:beijing date=2025 @Putin "
		     "and Xi Jinping held talks in Beijing\n");
}

static void test_meeting_possessive_with_year(void **state)
{
	struct tdoc t;
	tdoc_init(&t, "File photo from Netanyahu's 2020 meeting with Vladimir "
		      "Putin",
		  REF);
	tdoc_time(&t, "2020", 0, "2020");
	expect_facts(&t,
		     "meeting participants=[person:benjamin-netanyahu,"
		     "person:vladimir-putin] date=2020 @Netanyahu's 2020 "
		     "meeting with Vladimir Putin\n");
}

static void test_meeting_planned_is_no_meeting(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Trump will meet Putin in Alaska next week.\n"
		  "Their upcoming meeting with Xi Jinping was postponed.\n"
		  "Putin spoke with Netanyahu by phone.",
		  REF);
	tdoc_time(&t, "next week", 0, "2026-W04");
	expect_facts(&t,
		     "call participants=[person:vladimir-putin,"
		     "person:benjamin-netanyahu] @Putin spoke with Netanyahu by "
		     "phone\n");
}

/* ---- Agreements ---------------------------------------------------------- */

static void test_agreement_signed_pact(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Russia has pursued closer ties with Iran since the start "
		  "of its war in Ukraine, and Putin last year signed a "
		  "20-year strategic partnership pact with Pezeshkian.",
		  REF);
	tdoc_time(&t, "last year", 0, "2025");
	tdoc_time(&t, "20-year", 0, "P20Y");
	expect_facts(&t,
		     "agreement parties=[country:RU,country:IR] duration=P20Y "
		     "type=\"strategic partnership\" signed=2025 @Putin last "
		     "year signed a 20-year strategic partnership pact with "
		     "Pezeshkian\n");
}

static void test_agreement_two_leaders_reaffirmed(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Putin later spoke with Iranian President Masoud "
		  "Pezeshkian.\n"
		  "The two leaders reaffirmed their commitment to the "
		  "20-year strategic partnership signed last year, which "
		  "includes economic collaboration.",
		  REF);
	tdoc_time(&t, "last year", 0, "2025");
	tdoc_time(&t, "20-year", 0, "P20Y");
	expect_facts(&t,
		     "call participants=[person:vladimir-putin,"
		     "person:masoud-pezeshkian] @Putin later spoke with Iranian "
		     "President Masoud Pezeshkian\n"
		     "agreement parties=[country:RU,country:IR] duration=P20Y "
		     "type=\"strategic partnership\" signed=2025 @The two "
		     "leaders reaffirmed their commitment to the 20-year "
		     "strategic partnership signed\n");
}

static void test_agreement_hyphenated_and_ceasefire(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Putin reiterated the importance of strengthening the "
		  "Russia\xe2\x80\x93Iran strategic partnership.\n"
		  "Israel and Hamas agreed to a ceasefire on Wednesday.\n"
		  "Britain and France are negotiating a new trade deal.",
		  REF);
	tdoc_time(&t, "on Wednesday", 0, "2026-01-14");
	expect_facts(&t,
		     "agreement parties=[country:RU,country:IR] "
		     "type=\"strategic partnership\" @Russia–Iran strategic "
		     "partnership\n"
		     "statement speaker=person:vladimir-putin topic=\"the "
		     "importance of strengthening the Russia–Iran strategic "
		     "partnership\" @Putin reiterated the importance of "
		     "strengthening the Russia–Iran strategic partnership.\n"
		     "agreement parties=[country:IL,org:hamas] "
		     "type=\"ceasefire\" signed=2026-01-14 @Israel and Hamas "
		     "agreed to a ceasefire\n");
}

/* ---- Closures ------------------------------------------------------------ */

static void test_closure_sequence(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "New Zealand was the latest Western country to shut down "
		  "its diplomatic mission in the Iranian capital, following "
		  "Britain, France and Australia.",
		  REF);
	expect_facts(&t,
		     "closure country=country:GB order=1 mission=\"mission\" "
		     "@New Zealand was the latest Western country to shut down "
		     "its diplomatic mission in the Iranian capital, following "
		     "Britain, France and Australia\n"
		     "closure country=country:FR order=2 after=[country:GB] "
		     "mission=\"mission\" @New Zealand was the latest Western "
		     "country to shut down its diplomatic mission in the "
		     "Iranian capital, following Britain, France and Australia\n"
		     "closure country=country:AU order=3 after=[country:GB,"
		     "country:FR] mission=\"mission\" @New Zealand was the "
		     "latest Western country to shut down its diplomatic "
		     "mission in the Iranian capital, following Britain, France "
		     "and Australia\n"
		     "closure country=country:NZ order=4 after=[country:GB,"
		     "country:FR,country:AU] mission=\"mission\" @New Zealand "
		     "was the latest Western country to shut down its "
		     "diplomatic mission in the Iranian capital, following "
		     "Britain, France and Australia\n");
}

static void test_closure_closed_embassy(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Germany and France closed their embassies in Kyiv on "
		  "Wednesday.\n"
		  "Britain's embassy in Tehran was temporarily closed.\n"
		  "Several Western countries closed their missions in Tehran.",
		  REF);
	tdoc_time(&t, "on Wednesday", 0, "2026-01-14");
	expect_facts(&t,
		     "closure country=country:DE mission=\"embassy\" "
		     "city=city:kyiv date=2026-01-14 @Germany and France closed "
		     "their embassies in Kyiv\n"
		     "closure country=country:FR mission=\"embassy\" "
		     "city=city:kyiv date=2026-01-14 @Germany and France closed "
		     "their embassies in Kyiv\n"
		     "closure country=country:GB mission=\"embassy\" "
		     "city=city:tehran @Britain's embassy in Tehran was "
		     "temporarily closed\n");
}

/* ---- Protests ------------------------------------------------------------ */

static void test_protest_erupted(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Protests erupted on December 28 over soaring inflation in "
		  "Iran, whose economy has been crippled by sanctions.",
		  REF);
	tdoc_time(&t, "December 28", 0, "2025-12-28");
	expect_facts(&t,
		     "protest place=country:IR start=2025-12-28 cause=\"soaring "
		     "inflation\" @Protests erupted on December 28 over soaring "
		     "inflation in Iran\n");
}

static void test_protest_crackdown(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Moscow, an ally of Tehran, has condemned US President "
		  "Donald Trump's threats of new military strikes after Iran "
		  "cracked down on protests that broke out late last month.",
		  REF);
	struct fc_mention *m = tdoc_mention(&t, FC_MENTION_TIME,
					    "late last month", 0);
	m->time.mod = FC_MOD_END;
	fc_time_parse("2025-12", &m->time);
	expect_facts(&t,
		     "protest place=country:IR start=2025-12 @Iran cracked down "
		     "on protests that broke out late last month\n");
}

static void test_protest_faces(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "The diplomatic outreach comes as Iran faces widespread "
		  "protests, drawing global attention.\n"
		  "Thousands took to the streets of Paris.",
		  REF);
	expect_facts(&t,
		     "protest place=country:IR @Iran faces widespread protests\n"
		     "protest place=city:paris @took to the streets of Paris\n");
}

/* ---- Captures, ousters --------------------------------------------------- */

static void test_capture_passive_with_apposition(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Earlier this month another Russian ally, Venezuelan "
		  "President Nicolas Maduro, was captured by the United "
		  "States and brought to New York.",
		  REF);
	tdoc_time(&t, "Earlier this month", 0, "2026-01");
	expect_facts(&t,
		     "capture person=person:nicolas-maduro by=country:US "
		     "date=2026-01 @President Nicolas Maduro, was captured by "
		     "the United States\n");
}

static void test_capture_active_and_noun(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Washington captured Nicolas Maduro in Caracas.\n"
		  "The arrest of Tara Reid by police surprised fans.\n"
		  "Trump threatened to capture Nicolas Maduro.",
		  REF);
	expect_facts(&t,
		     "capture person=person:nicolas-maduro by=gov:US "
		     "@Washington captured Nicolas Maduro\n"
		     "capture person=person:tara-reid by=org:police @arrest of "
		     "Tara Reid by police\n");
}

static void test_ouster_anchored(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Any threat to the Iranian leadership would pose a serious "
		  "concern for Moscow, 13 months after it lost another key "
		  "Middle East ally with the toppling of Syrian President "
		  "Bashar al-Assad.",
		  REF);
	tdoc_time(&t, "13 months", 0, "P13M");
	expect_facts(&t,
		     "ouster person=person:bashar-al-assad date=2024-12 @13 "
		     "months after it lost another key Middle East ally with "
		     "the toppling of Syrian President Bashar al-Assad\n");
}

static void test_ouster_verb_and_noun(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Bashar al-Assad was ousted in December 2024.\n"
		  "The fall of Nicolas Maduro surprised the region.\n"
		  "The opposition called for the removal of the government.",
		  REF);
	tdoc_time(&t, "December 2024", 0, "2024-12");
	expect_facts(&t,
		     "ouster person=person:bashar-al-assad date=2024-12 @Bashar "
		     "al-Assad was ousted\n"
		     "ouster person=person:nicolas-maduro @fall of Nicolas "
		     "Maduro\n");
}

/* ---- Wars, strikes ------------------------------------------------------- */

static void test_war_and_strikes(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Israel and the US last year both bombed Iranian nuclear "
		  "sites, and Iran fought a 12-day war with Israel.",
		  REF);
	tdoc_time(&t, "last year", 0, "2025");
	tdoc_time(&t, "12-day", 0, "P12D");
	expect_facts(&t,
		     "strike attacker=country:IL target=\"Iranian nuclear "
		     "sites\" date=2025 @Israel and the US last year both "
		     "bombed Iranian nuclear sites\n"
		     "strike attacker=country:US target=\"Iranian nuclear "
		     "sites\" date=2025 @Israel and the US last year both "
		     "bombed Iranian nuclear sites\n"
		     "war parties=[country:IR,country:IL] duration=P12D "
		     "start=2025 @Iran fought a 12-day war with Israel\n");
}

static void test_war_not_seeking(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Netanyahu affirmed that Israel is not seeking war with "
		  "Iran.\n"
		  "Russia's war in Ukraine entered its fourth year.",
		  REF);
	tdoc_mention(&t, FC_MENTION_NEGATION, "not", 0);
	expect_facts(&t,
		     "statement speaker=person:benjamin-netanyahu "
		     "topic=\"Israel is not seeking war with Iran\" @Netanyahu "
		     "affirmed that Israel is not seeking war with Iran.\n"
		     "war parties=[country:RU,country:UA] @Russia's war in "
		     "Ukraine\n");
}

static void test_strike_passive_and_threat(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "A hospital in Gaza was struck by Israel on Tuesday.\n"
		  "Trump threatened to strike Iran.",
		  REF);
	tdoc_time(&t, "on Tuesday", 0, "2026-01-13");
	expect_facts(&t,
		     "strike attacker=country:IL target=\"hospital in Gaza\" "
		     "date=2026-01-13 @A hospital in Gaza was struck by Israel\n");
}

/* ---- Mediation ----------------------------------------------------------- */

static void test_mediation_offered_help(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Putin offered Russia's help in mediating with regard to "
		  "Iran, and told the Israeli leader he was in favour of "
		  "diplomacy, the Kremlin added.",
		  REF);
	tdoc_attr(&t, "the Kremlin added", 0, "the Kremlin");
	expect_facts(&t,
		     "mediation mediator=person:vladimir-putin "
		     "subject=country:IR reported by Russian government @Putin "
		     "offered Russia's help in mediating with regard to Iran\n"
		     "statement speaker=gov:RU topic=\"Putin offered Russia's "
		     "help in mediating with regard to Iran, and told the "
		     "Israeli leader he was in favour of diplomacy\" @Putin "
		     "offered Russia's help in mediating with regard to Iran, "
		     "and told the Israeli leader he was in favour of diplomacy,"
		     " the Kremlin added\n");
}

static void test_mediation_is_mediating(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "President Vladimir Putin is mediating in the Iran "
		  "situation to try to quickly de-escalate tensions, the "
		  "Kremlin said on Friday.\n"
		  "Putin's posture appears to be that of a prospective "
		  "mediator.",
		  REF);
	tdoc_time(&t, "on Friday", 0, "2026-01-16");
	tdoc_attr(&t, "the Kremlin said", 0, "the Kremlin");
	expect_facts(&t,
		     "mediation mediator=person:vladimir-putin "
		     "subject=country:IR date=2026-01-16 reported by Russian "
		     "government @President Vladimir Putin is mediating in the "
		     "Iran\n"
		     "statement speaker=gov:RU topic=\"President Vladimir Putin "
		     "is mediating in the Iran situation to try to quickly "
		     "de-escalate tensions\" date=2026-01-16 @President "
		     "Vladimir Putin is mediating in the Iran situation to try "
		     "to quickly de-escalate tensions, the Kremlin said\n");
}

static void test_mediation_offered_to_mediate_hedged(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Qatar reportedly offered to mediate between Israel and "
		  "Hamas.",
		  REF);
	tdoc_mention(&t, FC_MENTION_HEDGE, "reportedly", 0);
	expect_facts(&t,
		     "mediation mediator=country:QA subject=country:IL hedged "
		     "@Qatar reportedly offered to mediate between Israel\n");
}

/* ---- Quotes, statements -------------------------------------------------- */

static void test_quote_with_speaker(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Kremlin spokesman Dmitry Peskov said on January 16: "
		  "\"Russia is already providing assistance to Iran.\"",
		  REF);
	tdoc_time(&t, "January 16", 0, "2026-01-16");
	tdoc_quote(&t, "\"Russia is already providing assistance to Iran.\"",
		   0, "Dmitry Peskov");
	expect_facts(&t,
		     "quote speaker=person:dmitry-peskov quote=\"Russia is "
		     "already providing assistance to Iran.\" date=2026-01-16 "
		     "@\"Russia is already providing assistance to Iran.\"\n");
}

static void test_statement_said_that(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "Separately, the SCO, which includes Russia, China and "
		  "Iran, said it opposed external interference in Iran.",
		  REF);
	expect_facts(&t,
		     "statement speaker=org:sco topic=\"it opposed external "
		     "interference in Iran\" @the SCO, which includes Russia, "
		     "China and Iran, said it opposed external interference in "
		     "Iran.\n");
}

/* ---- Death tolls --------------------------------------------------------- */

static void test_death_toll(void **state)
{
	struct tdoc t;
	tdoc_init(&t,
		  "At least 40 people were killed in Mexico on Sunday.\n"
		  "The death toll from the earthquake rose to 120.\n"
		  "Officials fear more people could be killed.",
		  REF);
	tdoc_time(&t, "on Sunday", 0, "2026-01-11");
	struct fc_mention *m = tdoc_mention(&t, FC_MENTION_QUANTITY,
					    "At least 40", 0);
	m->quantity.value = m->quantity.lo = 40;
	m->quantity.is_hi_open = true;
	tdoc_qty(&t, "120", 0, 120, NULL);
	expect_facts(&t,
		     "death_toll count=40 place=country:MX date=2026-01-11 @At "
		     "least 40 people were killed in Mexico\n"
		     "death_toll count=120 @death toll from the earthquake rose "
		     "to 120\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_call_spoke_by_phone),
		cmocka_unit_test(test_call_separate_conversations),
		cmocka_unit_test(test_call_discussed_by_phone_reported),
		cmocka_unit_test(test_call_counterpart_conversation),
		cmocka_unit_test(test_call_planned_is_no_call),
		cmocka_unit_test(test_call_negated),
		cmocka_unit_test(test_meeting_met_in_place),
		cmocka_unit_test(test_meeting_pair_held_talks),
		cmocka_unit_test(test_meeting_possessive_with_year),
		cmocka_unit_test(test_meeting_planned_is_no_meeting),
		cmocka_unit_test(test_agreement_signed_pact),
		cmocka_unit_test(test_agreement_two_leaders_reaffirmed),
		cmocka_unit_test(test_agreement_hyphenated_and_ceasefire),
		cmocka_unit_test(test_closure_sequence),
		cmocka_unit_test(test_closure_closed_embassy),
		cmocka_unit_test(test_protest_erupted),
		cmocka_unit_test(test_protest_crackdown),
		cmocka_unit_test(test_protest_faces),
		cmocka_unit_test(test_capture_passive_with_apposition),
		cmocka_unit_test(test_capture_active_and_noun),
		cmocka_unit_test(test_ouster_anchored),
		cmocka_unit_test(test_ouster_verb_and_noun),
		cmocka_unit_test(test_war_and_strikes),
		cmocka_unit_test(test_war_not_seeking),
		cmocka_unit_test(test_strike_passive_and_threat),
		cmocka_unit_test(test_mediation_offered_help),
		cmocka_unit_test(test_mediation_is_mediating),
		cmocka_unit_test(test_mediation_offered_to_mediate_hedged),
		cmocka_unit_test(test_quote_with_speaker),
		cmocka_unit_test(test_statement_said_that),
		cmocka_unit_test(test_death_toll),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
