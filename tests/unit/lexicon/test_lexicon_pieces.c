/*
** test_lexicon_pieces.c: attributions whose subject looks back through
** the document's mentions (cue_scan.c role_holder, doc_government) come
** out the same whether the text is read whole or in pieces. Pass B runs
** after pass A over a whole piece, so a look-back that starts from the
** piece's last mention spends its LX_LOOKBACK steps on the mentions
** after the verb: read whole, a long piece after "the minister said"
** hid the minister named before it; cut at each blank line, it did not.
*/
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"

/* mentions after the attributions: more than LX_LOOKBACK (400) */
#define NAFTER 500

static char *make_text(void)
{
	static const char head[] =
		"Foreign Minister Ivan Petrov arrived in Iraq.\n\n"
		"The minister said the talks failed.\n\n"
		"The Health Ministry said 12 people died.\n\n";
	static const char after[] = "Oslo and Rome met.\n\n";
	char *text = malloc(sizeof(head) + NAFTER * (sizeof(after) - 1));
	assert_non_null(text);
	char *p = stpcpy(text, head);
	for (size_t i = 0; i < NAFTER; i++)
		p = stpcpy(p, after);
	return text;
}

static void expect_sources(const char *out)
{
	assert_non_null(strstr(out, "\"text\": \"minister said\", \"start\": 51, "
				    "\"end\": 64, \"source\": {\"id\": "
				    "\"person:ivan-petrov\""));
	assert_non_null(strstr(out, "\"text\": \"Health Ministry said\", "
				    "\"start\": 88, \"end\": 108, \"source\": "
				    "{\"id\": \"gov:IQ\""));
}

static void test_whole_and_pieces_agree(void **state)
{
	const struct fc_rules *rules = *state;
	char *text = make_text();
	char *whole = fc_test_mentions(rules, "2005-02-01", text, strlen(text));
	size_t npieces;
	char *pieces = fc_test_mentions_in_pieces(rules, "2005-02-01", text,
						  strlen(text), 1, &npieces);
	assert_true(npieces >= 4);
	expect_sources(whole);
	expect_sources(pieces);
	assert_string_equal(whole, pieces);
	free(whole);
	free(pieces);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_and_pieces_agree),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
