/*
** test_lexicon_common.c: words that look like names only by their place
** (entity_scan.c, coref_track.c). A capitalised word opening a sentence
** before a verb of saying is no source when the document writes it in
** lower case after a function word (lx_lower_elsewhere); "the Bank" is
** the body named before with that head word within 30 sentences
** (head_coref), not further back.
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"

static char *mentions(const struct fc_rules *rules, const char *text)
{
	struct fc_corpus *c = fc_corpus_create();
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_document *doc;
	assert_int_equal(fc_normalize_text(rules, c, "2009-01-01", text,
					   strlen(text), &doc, &d),
			 FC_OK);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_mentions_jsonl(doc, &b), FC_OK);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
	return fc_buf_steal(&b, NULL);
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

/* Many sentences opened by a word the text also writes in lower case:
** no source at all; without the lower-case word, each one is. */
static void test_lower_case_twin(void **state)
{
	const struct fc_rules *rules = *state;
	enum { N = 2000 };
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < N; i++)
		fc_buf_adds(&b, "Zorbs said it was late. ");
	char *out = mentions(rules, b.p);
	assert_int_equal(count(out, "\"kind\": \"entity\""), N);
	assert_int_equal(count(out, "\"rule\": \"name.speaker\""), N);
	assert_int_equal(count(out, "\"source\": {\"id\": \"name:zorbs\""), N);
	free(out);
	/* (after a function word only: "green zorbs" is no twin) */
	fc_buf_adds(&b, "They sold green zorbs. ");
	out = mentions(rules, b.p);
	assert_int_equal(count(out, "\"rule\": \"name.speaker\""), N);
	free(out);
	fc_buf_adds(&b, "Nobody saw the zorbs.");
	out = mentions(rules, b.p);
	assert_int_equal(count(out, "\"kind\": \"entity\""), 0);
	/* (no subject, no attribution: "Enough said") */
	assert_int_equal(count(out, "\"kind\": \"attribution\""), 0);
	free(out);
	fc_buf_finish(&b);
}

/* "the Bank" finds "the Acme Bank" 30 sentences back, not 31. */
static void test_head_within_30_sentences(void **state)
{
	const struct fc_rules *rules = *state;
	for (int gap = 29; gap <= 30; gap++) {
		struct fc_buf b;
		fc_buf_init(&b, 0);
		fc_buf_adds(&b, "The Acme Bank opened. ");
		for (int i = 0; i < gap; i++)
			fc_buf_adds(&b, "It rained. ");
		fc_buf_adds(&b, "The Bank said it was shut.");
		char *out = mentions(rules, b.p);
		assert_int_equal(count(out, "\"rule\": \"coref.head\""),
				 gap == 29 ? 1 : 0);
		if (gap == 29)
			assert_non_null(strstr(
				out, "\"text\": \"Bank said\", \"start\""));
		assert_int_equal(count(out, "\"id\": \"org:acme-bank\""),
				 gap == 29 ? 3 : 1);
		free(out);
		fc_buf_finish(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lower_case_twin),
		cmocka_unit_test(test_head_within_30_sentences),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
