/*
** test_report_jsonl.c: facts and mentions as JSON lines, line for line.
*/
#include "fc_test.h"
#include "fixture.h"

#include <stdlib.h>

static const char expected_facts[] =
	"{\"id\": \"f1\", \"kind\": \"call\", \"source\": \"000\", \"span\": [0, 36], \"sentence\": \"Putin spoke with Netanyahu on Friday.\", \"slots\": {\"participants\": [{\"id\": \"person:vladimir-putin\", \"label\": \"Vladimir Putin\"}, {\"id\": \"person:benjamin-netanyahu\", \"label\": \"Benjamin Netanyahu\"}], \"date\": \"2026-01-16\"}, \"polarity\": \"asserted\", \"modality\": \"factual\", \"attribution\": null, \"rule\": \"call.spoke-with\"}\n"
	"{\"id\": \"f2\", \"kind\": \"call\", \"source\": \"001\", \"span\": [13, 46], \"sentence\": \"On Thursday, Putin reportedly called Netanyahu.\", \"slots\": {\"participants\": [{\"id\": \"person:vladimir-putin\", \"label\": \"Vladimir Putin\"}, {\"id\": \"person:benjamin-netanyahu\", \"label\": \"Benjamin Netanyahu\"}], \"date\": \"2026-01-15\"}, \"polarity\": \"asserted\", \"modality\": \"hedged\", \"attribution\": null, \"rule\": \"call.called\"}\n"
	"{\"id\": \"f3\", \"kind\": \"call\", \"source\": \"002\", \"span\": [41, 77], \"sentence\": \"Putin spoke with Netanyahu on Friday.\", \"slots\": {\"participants\": [{\"id\": \"person:vladimir-putin\", \"label\": \"Vladimir Putin\"}, {\"id\": \"person:benjamin-netanyahu\", \"label\": \"Benjamin Netanyahu\"}], \"date\": \"2026-01-16\"}, \"polarity\": \"asserted\", \"modality\": \"factual\", \"attribution\": null, \"rule\": \"call.spoke-with\"}\n"
	"{\"id\": \"f4\", \"kind\": \"agreement\", \"source\": \"000\", \"span\": [56, 83], \"sentence\": \"The two countries signed a 20-year pact in Z\xC3\xBCrich.\", \"slots\": {\"parties\": [{\"id\": \"country:RU\", \"label\": \"Russia\"}, {\"id\": \"country:IL\", \"label\": \"Israel\"}], \"type\": \"pact\", \"duration\": \"P20Y\", \"place\": {\"id\": \"city:zurich\", \"label\": \"Z\xC3\xBCrich\"}}, \"polarity\": \"asserted\", \"modality\": \"factual\", \"attribution\": null, \"rule\": \"agreement.signed\"}\n"
	"{\"id\": \"f5\", \"kind\": \"pledge\", \"source\": \"001\", \"span\": [48, 77], \"sentence\": \"Nearly $3 billion was pledged, officials said.\", \"slots\": {\"amount\": {\"value\": 3000000000, \"unit\": \"USD\", \"high\": 3000000000}, \"order\": 2}, \"polarity\": \"asserted\", \"modality\": \"reported\", \"attribution\": \"officials\", \"rule\": \"pledge.amount\"}\n"
	"{\"id\": \"f6\", \"kind\": \"quote\", \"source\": \"002\", \"span\": [0, 39], \"sentence\": \"\xC2\xABWe are not seeking war\xC2\xBB, Peskov said.\", \"slots\": {\"speaker\": {\"id\": \"person:dmitry-peskov\", \"label\": \"Dmitry Peskov\"}, \"quote\": \"We are not seeking war\"}, \"polarity\": \"negated\", \"modality\": \"reported\", \"attribution\": \"Peskov\", \"rule\": \"quote.said\"}\n"
	;

static const char *const expected_mentions[3] = {
	"{\"kind\": \"entity\", \"text\": \"Putin\", \"start\": 0, \"end\": 5, \"id\": \"person:vladimir-putin\", \"label\": \"Vladimir Putin\", \"type\": \"person\", \"country\": \"RU\", \"role\": \"president\", \"rule\": \"person\"}\n"
	"{\"kind\": \"entity\", \"text\": \"Netanyahu\", \"start\": 17, \"end\": 26, \"id\": \"person:benjamin-netanyahu\", \"label\": \"Benjamin Netanyahu\", \"type\": \"person\", \"country\": \"IL\", \"role\": \"prime minister\", \"rule\": \"person\"}\n"
	"{\"kind\": \"time\", \"type\": \"DATE\", \"text\": \"Friday\", \"start\": 30, \"end\": 36, \"value\": \"2026-01-16\", \"grain\": \"day\", \"interval\": [\"2026-01-16\", \"2026-01-16\"], \"rule\": \"weekday\"}\n"
	"{\"kind\": \"time\", \"type\": \"DURATION\", \"text\": \"20-year\", \"start\": 65, \"end\": 72, \"value\": \"P20Y\", \"grain\": \"year\", \"rule\": \"duration\"}\n"
	"{\"kind\": \"entity\", \"text\": \"Z\xC3\xBCrich\", \"start\": 81, \"end\": 88, \"id\": \"city:zurich\", \"label\": \"Z\xC3\xBCrich\", \"type\": \"city\", \"country\": \"CH\", \"rule\": \"city\"}\n"
	,
	"{\"kind\": \"time\", \"type\": \"DATE\", \"text\": \"Thursday\", \"start\": 3, \"end\": 11, \"value\": \"2026-01-15\", \"grain\": \"day\", \"interval\": [\"2026-01-15\", \"2026-01-15\"], \"rule\": \"weekday\"}\n"
	"{\"kind\": \"entity\", \"text\": \"Putin\", \"start\": 13, \"end\": 18, \"id\": \"person:vladimir-putin\", \"label\": \"Vladimir Putin\", \"type\": \"person\", \"country\": \"RU\", \"role\": \"president\", \"rule\": \"person\"}\n"
	"{\"kind\": \"hedge\", \"text\": \"reportedly\", \"start\": 19, \"end\": 29, \"rule\": \"hedge\"}\n"
	"{\"kind\": \"entity\", \"text\": \"Netanyahu\", \"start\": 37, \"end\": 46, \"id\": \"person:benjamin-netanyahu\", \"label\": \"Benjamin Netanyahu\", \"type\": \"person\", \"country\": \"IL\", \"role\": \"prime minister\", \"rule\": \"person\"}\n"
	"{\"kind\": \"quantity\", \"text\": \"Nearly $3 billion\", \"start\": 48, \"end\": 65, \"value\": 3000000000, \"unit\": \"USD\", \"high\": 3000000000, \"rule\": \"money\"}\n"
	"{\"kind\": \"quantity\", \"text\": \"$3 billion\", \"start\": 55, \"end\": 65, \"value\": 3000000000, \"unit\": \"USD\"}\n"
	"{\"kind\": \"attribution\", \"text\": \"officials said\", \"start\": 79, \"end\": 93, \"rule\": \"said\"}\n"
	,
	"{\"kind\": \"quote\", \"text\": \"We are not seeking war\", \"start\": 2, \"end\": 24, \"speaker\": {\"id\": \"person:dmitry-peskov\", \"label\": \"Dmitry Peskov\"}, \"rule\": \"guillemets\"}\n"
	"{\"kind\": \"negation\", \"text\": \"not\", \"start\": 9, \"end\": 12, \"rule\": \"not\"}\n"
	"{\"kind\": \"attribution\", \"text\": \"Peskov said\", \"start\": 28, \"end\": 39, \"source\": {\"id\": \"person:dmitry-peskov\", \"label\": \"Dmitry Peskov\"}, \"rule\": \"said\"}\n"
	"{\"kind\": \"entity\", \"text\": \"Peskov\", \"start\": 28, \"end\": 34, \"id\": \"person:dmitry-peskov\", \"label\": \"Dmitry Peskov\", \"type\": \"person\", \"country\": \"RU\", \"rule\": \"person\"}\n"
	"{\"kind\": \"time\", \"type\": \"DATE\", \"text\": \"Friday\", \"start\": 71, \"end\": 77, \"value\": \"2026-01-16\", \"grain\": \"day\", \"mod\": \"APPROX\", \"interval\": [\"2026-01-16\", \"2026-01-16\"], \"rule\": \"weekday\"}\n"
};

static void test_facts_jsonl_is_exact(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_facts_jsonl(c, &b), FC_OK);
	assert_string_equal(fc_buf_cstr(&b), expected_facts);
	/* the same through the format table */
	char *s = fixture_render(c, FC_FMT_JSONL);
	assert_string_equal(s, expected_facts);
	free(s);
	fc_buf_finish(&b);
	fc_corpus_destroy(c);
}

static void test_mentions_jsonl_is_exact(void **state)
{
	(void)state;
	struct fc_corpus *c = fixture_corpus();
	for (size_t i = 0; i < 3; i++) {
		struct fc_buf b;
		fc_buf_init(&b, 0);
		assert_int_equal(fc_report_mentions_jsonl(&c->docs[i], &b),
				 FC_OK);
		assert_string_equal(fc_buf_cstr(&b), expected_mentions[i]);
		fc_buf_finish(&b);
	}
	fc_corpus_destroy(c);
}

/*
** Offsets past the text are clamped, invalid bytes become U+FFFD, a
** quote without an inner span falls back to its own span, and a
** document without mentions writes nothing.
*/
static void test_mentions_jsonl_hostile_spans(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, "ab\xFF" "cd \"x\"");
	doc.text_len = strlen(doc.text);

	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_mentions_jsonl(&doc, &b), FC_OK);
	assert_int_equal(b.len, 0);

	struct fc_mention *m = fc_doc_push_mention(&a, &doc);
	m->kind = FC_MENTION_NEGATION;
	m->start = 1;
	m->end = 4;
	m = fc_doc_push_mention(&a, &doc);
	m->kind = FC_MENTION_HEDGE;
	m->start = 6;
	m->end = 4000;
	m = fc_doc_push_mention(&a, &doc);
	m->kind = FC_MENTION_QUOTE;
	m->start = 6;
	m->end = 9;
	m = fc_doc_push_mention(&a, &doc);
	m->kind = FC_MENTION_QUANTITY;
	m->start = 9000;
	m->end = 2;
	m->quantity.value = 40;
	m->quantity.lo = 36;
	m->quantity.hi = 44;
	m->quantity.unit = "people";
	assert_int_equal(fc_report_mentions_jsonl(&doc, &b), FC_OK);
	assert_string_equal(
		fc_buf_cstr(&b),
		"{\"kind\": \"negation\", \"text\": \"b\xEF\xBF\xBD" "c\", "
		"\"start\": 1, \"end\": 4}\n"
		"{\"kind\": \"hedge\", \"text\": \"\\\"x\\\"\", \"start\": 6, "
		"\"end\": 9}\n"
		"{\"kind\": \"quote\", \"text\": \"\\\"x\\\"\", \"start\": 6, "
		"\"end\": 9}\n"
		"{\"kind\": \"quantity\", \"text\": \"\", \"start\": 9, "
		"\"end\": 9, \"value\": 40, \"unit\": \"people\", \"low\": 36, "
		"\"high\": 44}\n");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* Quantity bounds: open sides and exact values print no bound. */
static void test_quantity_bounds(void **state)
{
	(void)state;
	static const struct {
		struct fc_quantity q;
		const char *json;
	} cases[] = {
		{{200, 200, 0, NULL, false, true, false},
		 "{\"value\": 200, \"low\": 200}"},
		{{3e9, 0, 3e9, "USD", true, false, false},
		 "{\"value\": 3000000000, \"unit\": \"USD\", \"high\": 3000000000}"},
		{{2.9e9, 2.9e9, 2.9e9, "USD", false, false, false},
		 "{\"value\": 2900000000, \"unit\": \"USD\"}"},
		{{0.4, 0, 0, "percent", false, false, false},
		 "{\"value\": 0.4, \"unit\": \"percent\"}"},
		{{40, 36, 44, NULL, false, false, false},
		 "{\"value\": 40, \"low\": 36, \"high\": 44}"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct fc_corpus *c = fc_corpus_create();
		struct fc_fact *f = fc_corpus_push_fact(c);
		f->kind = "k";
		f->slots = fc_arena_alloc(&c->arena, sizeof(*f->slots));
		f->nslots = 1;
		f->slots[0].name = "q";
		f->slots[0].value.type = FC_VAL_QUANTITY;
		f->slots[0].value.quantity = cases[i].q;
		struct fc_buf b;
		fc_buf_init(&b, 0);
		assert_int_equal(fc_report_facts_jsonl(c, &b), FC_OK);
		const char *s = strstr(fc_buf_cstr(&b), "\"slots\": {\"q\": ");
		assert_non_null(s);
		s += strlen("\"slots\": {\"q\": ");
		assert_memory_equal(s, cases[i].json, strlen(cases[i].json));
		assert_string_equal(s + strlen(cases[i].json),
				    "}, \"polarity\": \"asserted\", "
				    "\"modality\": \"factual\", "
				    "\"attribution\": null, \"rule\": null}\n");
		fc_buf_finish(&b);
		fc_corpus_destroy(c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_facts_jsonl_is_exact),
		cmocka_unit_test(test_mentions_jsonl_is_exact),
		cmocka_unit_test(test_mentions_jsonl_hostile_spans),
		cmocka_unit_test(test_quantity_bounds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
