/*
** test_sentlines.c: the line of each sentence fc_text_sentences gives
** is one more than the line breaks before its start, counted here a
** byte at a time: breaks at many offsets, runs of breaks, and sentences
** that start right after a break or far from one.
*/
#include "text/text_p.h"
#include "text_test.h"

static uint64_t rnd_state = 0xD1B54A32D192ED03ull;

static uint64_t rnd(void)
{
	uint64_t x = rnd_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rnd_state = x;
}

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

/* Generated texts (fixed seed) of words, marks and runs of breaks. */
static void test_generated_lines(void **state)
{
	static const char *const pieces[] = {
		"peace", "Talks.", "Mr.", "U.S.", "said.", "\n", "\n\n", "\n \n",
		"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n", " ", "  ", "The", "?",
		"\xE2\x80\x9C", "abcdefghijklmnop.",
	};
	static char text[8000];
	struct fc_rules *r = load_rules(BOILER_DIR);
	(void)state;
	size_t nsent = 0;
	for (int round = 0; round < 3000; round++) {
		size_t len = 0, want = 1 + (size_t)(rnd() % sizeof(text));
		while (len < want) {
			const char *p =
				pieces[rnd() % (sizeof(pieces) / sizeof(*pieces))];
			size_t k = strlen(p);
			if (len + k + 1 > sizeof(text))
				break;
			memcpy(text + len, p, k);
			len += k;
			if (rnd() % 2)
				text[len++] = ' ';
		}
		nsent += check_lines(round % 2 ? r : NULL, text, len);
	}
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
