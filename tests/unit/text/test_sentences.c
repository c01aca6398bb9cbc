/*
** test_sentences.c: fc_text_sentences over a table of cases, with the
** built-in abbreviation lists and without rules.
*/
#include "text_test.h"

struct scase {
	const char *text;
	const char *want[6]; /* NULL-terminated */
};

/* With rules/boilerplate loaded. */
static const struct scase with_rules[] = {
	{"Putin spoke with U.S. President Donald Trump. The call was long.",
	 {"Putin spoke with U.S. President Donald Trump.",
	  "The call was long."}},
	{"It drew a response from the U.S. The Kremlin said so.",
	 {"It drew a response from the U.S.", "The Kremlin said so."}},
	{"The U.K. and the U.N. agreed. It was late.",
	 {"The U.K. and the U.N. agreed.", "It was late."}},
	{"Mr. Peskov met Mrs. Smith and Dr. Jones. Gen. Gerasimov, Lt. Col. "
	 "Ivanov and Sen. Graham came too.",
	 {"Mr. Peskov met Mrs. Smith and Dr. Jones.",
	  "Gen. Gerasimov, Lt. Col. Ivanov and Sen. Graham came too."}},
	{"Rep. Smith and Gov. Newsom spoke in St. Louis. No. 10 said no.",
	 {"Rep. Smith and Gov. Newsom spoke in St. Louis.",
	  "No. 10 said no."}},
	{"It began on Jan. 16 and ended Feb. 2. Sept. 11 was a Tuesday.",
	 {"It began on Jan. 16 and ended Feb. 2.", "Sept. 11 was a Tuesday."}},
	{"Acme Inc. and Globex Corp. merged. Acme Inc. The new firm was "
	 "named.",
	 {"Acme Inc. and Globex Corp. merged.", "Acme Inc.",
	  "The new firm was named."}},
	{"Oil, gas, etc. were on the table. Italy vs. France ended 1-1.",
	 {"Oil, gas, etc. were on the table.", "Italy vs. France ended 1-1."}},
	{"J. K. Rowling and George R. R. Martin wrote back. They agreed.",
	 {"J. K. Rowling and George R. R. Martin wrote back.", "They agreed."}},
	{"Prices rose 3.5 percent to $2.9 billion. Growth was 0.2%.",
	 {"Prices rose 3.5 percent to $2.9 billion.", "Growth was 0.2%."}},
	{"He said the plan was... complicated. Then he left.",
	 {"He said the plan was... complicated.", "Then he left."}},
	{"It was \xE2\x80\xA6 unclear. The talks went on\xE2\x80\xA6 The end.",
	 {"It was \xE2\x80\xA6 unclear.", "The talks went on\xE2\x80\xA6",
	  "The end."}},
	{"He said: \"We want peace.\" The Kremlin agreed.",
	 {"He said: \"We want peace.\"", "The Kremlin agreed."}},
	{"Peskov said \xE2\x80\x9CRussia is ready.\xE2\x80\x9D Talks follow.",
	 {"Peskov said \xE2\x80\x9CRussia is ready.\xE2\x80\x9D",
	  "Talks follow."}},
	{"(The call was brief.) It ended at noon.",
	 {"(The call was brief.)", "It ended at noon."}},
	{"\"Why now?\" he asked. \"Because!\" she said. Really? Yes!",
	 {"\"Why now?\" he asked.", "\"Because!\" she said.", "Really?",
	  "Yes!"}},
	{"A headline without a stop\n\nA paragraph. Another one",
	 {"A headline without a stop", "A paragraph.", "Another one"}},
	{"One line\nwraps here. Next.",
	 {"One line\nwraps here.", "Next."}},
	{"It ended at 5 p.m. Tuesday. The talks start at 9 a.m. The rest "
	 "follows.",
	 {"It ended at 5 p.m. Tuesday.", "The talks start at 9 a.m.",
	  "The rest follows."}},
	{"  \n  Leading and trailing space.   \n\n  ",
	 {"Leading and trailing space."}},
	{"", {NULL}},
	{"MOSCOW (Reuters) - Russia said on Friday it would help. It did.",
	 {"MOSCOW (Reuters) - Russia said on Friday it would help.",
	  "It did."}},
};

/* Without rules: initials, decimals and lower-case continuations only. */
static const struct scase without_rules[] = {
	{"Mr. Peskov spoke. He left.", {"Mr.", "Peskov spoke.", "He left."}},
	{"J. K. Rowling wrote. It sold 3.5 million.",
	 {"J. K. Rowling wrote.", "It sold 3.5 million."}},
	{"The U.S. President spoke.", {"The U.S. President spoke."}},
	{"It cost $5, etc. and more. Done.",
	 {"It cost $5, etc. and more.", "Done."}},
	{"Wait... What? No!", {"Wait... What?", "No!"}},
	/* tokenized text: a period with a blank each side between digits
	** is a decimal point ("6 . 1"); one after a word still ends */
	{"A magnitude 6 . 1 quake hit . 12 died . It cost $2 . 6 million .",
	 {"A magnitude 6 . 1 quake hit .", "12 died .",
	  "It cost $2 . 6 million ."}},
	{"It was 2008. 12 died.", {"It was 2008.", "12 died."}},
	/* ... but a year of four digits is no decimal's whole part (the
	** rule reads one to three digits): the sentence ends */
	{"It was 2008 . 12 died .", {"It was 2008 .", "12 died ."}},
};

static void run_cases(const struct fc_rules *r, const struct scase *v,
		      size_t n)
{
	for (size_t k = 0; k < n; k++) {
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_sentence *s = NULL;
		size_t ns = 99;
		const char *t = v[k].text;
		assert_int_equal(fc_text_sentences(r, &a, t, strlen(t), &s, &ns),
				 FC_OK);
		size_t want = 0;
		while (v[k].want[want])
			want++;
		bool same = ns == want;
		for (size_t i = 0; same && i < ns; i++)
			same = strlen(v[k].want[i]) == s[i].end - s[i].start &&
			       !strncmp(v[k].want[i], t + s[i].start,
					s[i].end - s[i].start);
		if (!same) {
			print_message("case %zu: %s\n", k, t);
			for (size_t i = 0; i < ns; i++)
				print_message("  got [%.*s]\n",
					      (int)(s[i].end - s[i].start),
					      t + s[i].start);
		}
		assert_true(same);
		fc_arena_finish(&a);
	}
}

static void test_sentences_with_rules(void **state)
{
	struct fc_rules *r = *state;
	run_cases(r, with_rules, sizeof(with_rules) / sizeof(*with_rules));
}

static void test_sentences_without_rules(void **state)
{
	(void)state;
	run_cases(NULL, without_rules,
		  sizeof(without_rules) / sizeof(*without_rules));
}

static void test_sentence_lines(void **state)
{
	struct fc_rules *r = *state;
	static const char t[] = "First one. Second\none.\n\nThird.\n\n\nFourth.";
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_sentence *s;
	size_t n;
	assert_int_equal(fc_text_sentences(r, &a, t, sizeof(t) - 1, &s, &n),
			 FC_OK);
	assert_int_equal(n, 4);
	static const uint32_t start[] = {0, 11, 24, 33};
	static const uint32_t line[] = {1, 1, 4, 7};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(s[i].start, start[i]);
		assert_int_equal(s[i].line, line[i]);
	}
	assert_int_equal(s[3].end, sizeof(t) - 1);
	fc_arena_finish(&a);
}

/* A sentence never grows without bound: cut at whitespace past 4 KiB. */
static void test_sentence_cap(void **state)
{
	struct fc_rules *r = *state;
	size_t len = 20000;
	char *t = malloc(len);
	for (size_t i = 0; i < len; i++)
		t[i] = i % 10 == 9 ? ' ' : 'a';
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_sentence *s;
	size_t n;
	assert_int_equal(fc_text_sentences(r, &a, t, len, &s, &n), FC_OK);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_true(s[i].end - s[i].start <= 4096 + 10);
	assert_int_equal(s[0].start, 0);
	assert_int_equal(s[0].end, 4099);
	assert_int_equal(s[1].start, 4100);
	free(t);
	fc_arena_finish(&a);
}

static int setup(void **state)
{
	*state = load_rules(BOILER_DIR);
	return 0;
}

static int teardown(void **state)
{
	fc_rules_destroy(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences_with_rules),
		cmocka_unit_test(test_sentences_without_rules),
		cmocka_unit_test(test_sentence_lines),
		cmocka_unit_test(test_sentence_cap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
