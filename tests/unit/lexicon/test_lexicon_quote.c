/*
** test_lexicon_quote.c: the speakers of direct quotes (quote_scan.c) on
** news paragraphs, with the real rules/lexicon files. Each case lists
** the quotes of its text in order, as "<content>=<speaker id or ->", so
** that a quote given to no one, or to the wrong one, fails.
*/
#include "lx_test.h"

struct qcase {
	const char *text;
	const char *want[6]; /* NULL-terminated */
};

static const struct qcase cases[] = {
	/* rule 5: the next sentence goes on quoting the last speaker */
	{"\"The dollar fell,\" Kihara said. \"There is no guarantee it "
	 "will last.\"",
	 {"The dollar fell=name:kihara",
	  "There is no guarantee it will last.=name:kihara", NULL}},
	/* ... for as many sentences as the reporter goes on quoting */
	{"\"We lost,\" said John Smith. \"It hurts.\" \"We go on.\"",
	 {"We lost=person:john-smith", "It hurts.=person:john-smith",
	  "We go on.=person:john-smith", NULL}},
	/* a line break ends the paragraph, and the quoting */
	{"\"We lost,\" said John Smith.\n\"It hurts.\"",
	 {"We lost=person:john-smith", "It hurts.=-", NULL}},
	/* someone else's attribution between: not the last speaker's */
	{"\"We lost,\" said John Smith. Officials said the game was "
	 "fair. \"It hurts.\"",
	 {"We lost=person:john-smith", "It hurts.=-", NULL}},
	/* more than a sentence of the reporter's own between */
	{"\"We lost,\" said John Smith. The team flew home. The fans "
	 "waited. \"It hurts.\"",
	 {"We lost=person:john-smith", "It hurts.=-", NULL}},
	/* a quote inside the reporter's sentence is not carried on */
	{"\"We lost,\" said John Smith. The club called the result "
	 "\"a disgrace\".",
	 {"We lost=person:john-smith", "a disgrace=-", NULL}},
	/* an attribution of its own to a name pass B could not read: not
	** the last speaker's either */
	{"\"We lost,\" said John Smith. \"It hurts,\" said a Ford "
	 "spokesman.",
	 {"We lost=person:john-smith", "It hurts=-", NULL}},
	{"\"We lost,\" said John Smith. \"It hurts,\" said Aviator "
	 "star Alan Alda, a family friend.",
	 {"We lost=person:john-smith", "It hurts=-", NULL}},
	/* its own attribution wins over the carried speaker */
	{"\"We lost,\" said John Smith. \"We won,\" said Mary Jones.",
	 {"We lost=person:john-smith", "We won=person:mary-jones", NULL}},
};

static void test_quotes_have_their_speakers(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	assert_int_equal(d.nerr, 0);
	int bad = 0;
	for (size_t c = 0; c < sizeof(cases) / sizeof(*cases); c++) {
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_document doc;
		size_t n, nq = 0;
		struct lx_item *v = lx_run(r, &a, &doc, cases[c].text, &n);
		char **got = fc_arena_alloc(&a, (n + 1) * sizeof(*got));
		for (size_t i = 0; i < n; i++)
			if (!strcmp(v[i].kind, "quote"))
				got[nq++] = fc_arena_printf(
					&a, "%s=%s", v[i].text,
					v[i].speaker ? v[i].speaker : "-");
		bad += lx_case_differs(c, cases[c].text, got, nq,
				       cases[c].want);
		fc_arena_finish(&a);
	}
	assert_int_equal(bad, 0);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes_have_their_speakers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
