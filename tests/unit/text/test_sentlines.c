/*
** test_sentlines.c: the line of each sentence fc_text_sentences gives
** is one more than the line breaks before its start, counted here a
** byte at a time: breaks at many offsets, runs of breaks, and sentences
** that start right after a break or far from one.
*/
#include "text/text_p.h"
#include "text_test.h"

/* Every sentence's line against the breaks before it; the count. */
static size_t check_lines(const struct fc_rules *r, const char *text,
			  size_t len)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_sentence *v;
	size_t n;
	assert_int_equal(fc_text_sentences(r, &a, text, len, &v, &n), FC_OK);
	uint32_t line = 1;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		for (; at < v[i].start; at++)
			line += text[at] == '\n';
		assert_int_equal(v[i].line, line);
	}
	fc_arena_finish(&a);
	return n;
}

/* A known text: breaks at offsets 15, 16, 31 and a run of 20. */
static void test_known_lines(void **state)
{
	(void)state;
	static const char text[] =
		"First one here.\n"             /* 0..15, break at 15 */
		"\nSecond one is.\n"            /* 16..31: breaks 16, 31 */
		"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"
		"Third.\nFourth one.";
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_sentence *v;
	size_t n;
	assert_int_equal(fc_text_sentences(NULL, &a, text, sizeof(text) - 1,
					   &v, &n),
			 FC_OK);
	assert_int_equal(n, 4);
	assert_int_equal(v[0].line, 1);
	assert_int_equal(v[1].start, 17);
	assert_int_equal(v[1].line, 3);
	assert_int_equal(v[2].line, 24);
	assert_int_equal(v[3].line, 25);
	fc_arena_finish(&a);
}

/* Generated texts (fixed seeds) of words, marks and runs of breaks. */
static void test_generated_lines(void **state)
{
	static const char *const words[] = {
		"peace", "Talks.", "Mr.", "U.S.", "said.", "The", "?",
		"\xE2\x80\x9C", "abcdefghijklmnop.",
	};
	static const char *const seps[] = {
		" ", " ", "  ", "\n", "\n\n", "\n \n",
		"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
	};
	struct fc_rules *r = load_rules(BOILER_DIR);
	(void)state;
	size_t nsent = 0;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (uint32_t seed = 1; seed <= 3000; seed++) {
		fc_buf_reset(&b);
		fc_test_word_salad(&b, seed, 1 + seed % 900, words,
				   sizeof(words) / sizeof(*words), seps,
				   sizeof(seps) / sizeof(*seps));
		nsent += check_lines(seed % 2 ? r : NULL, b.p, b.len);
	}
	fc_buf_finish(&b);
	assert_true(nsent > 10000); /* (the texts do split) */
	fc_rules_destroy(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_lines),
		cmocka_unit_test(test_generated_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
