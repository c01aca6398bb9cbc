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
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(tdoc_run(t, R, &d), FC_OK);
	assert_int_equal(d.n, 0);
	char *got = facts_render(t);
	if (strcmp(got, want))
		fprintf(stderr, "got:\n%s", got);
	assert_string_equal(got, want);
	free(got);
	fc_diags_finish(&d);
	tdoc_free(t);
}

#define REF "2026-01-16"

/* ---- Calls ----------------------------------------------------------------- */

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
		     "Netanyahu discussed the situation in the Middle East "
		     "and Iran by phone with Russian President Vladimir "
		     "Putin\n");
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
			 "not spoken with Putin\n");
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
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
