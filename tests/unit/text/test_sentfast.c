/*
** test_sentfast.c: fc_text_sentences skips plain bytes eight at a time;
** over generated texts (fixed seed) it gives exactly the sentences of
** the byte-at-a-time scan: every mark, line break, run of white space
** and multi-byte character at every offset in the eight-byte words,
** and sentences grown to the SENT_MAX cut (4096 bytes) with white space
** around the cut; and each sentence's line is 1 + the line breaks before
** it, counted a byte at a time.
*/
#include "text/text_p.h"
#include "text_test.h"

static uint64_t rnd_state = 0x9E3779B97F4A7C15ull;

static uint64_t rnd(void)
{
	uint64_t x = rnd_state;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rnd_state = x;
}

static void same_sentences(const struct fc_rules *r, const char *src,
			   size_t len)
{
	/* (a copy of exactly len bytes, no NUL after it: under ASan a
	** 16-byte step that reads past the text fails here) */
	char *text = malloc(len ? len : 1);
	assert_non_null(text);
	memcpy(text, src, len);
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_sentence *fast, *plain;
	size_t nfast, nplain;
	assert_int_equal(text_sentences_at(r, &a, text, len, &fast, &nfast,
					   true),
			 FC_OK);
	assert_int_equal(text_sentences_at(r, &a, text, len, &plain, &nplain,
					   false),
			 FC_OK);
	assert_int_equal(nfast, nplain);
	uint32_t line = 1; /* counted a byte at a time */
	size_t at = 0;
	for (size_t i = 0; i < nfast; i++) {
		assert_int_equal(fast[i].start, plain[i].start);
		assert_int_equal(fast[i].end, plain[i].end);
		for (; at < fast[i].start; at++)
			line += text[at] == '\n';
		assert_int_equal(fast[i].line, line);
		assert_int_equal(plain[i].line, line);
	}
	fc_arena_finish(&a);
	free(text);
}

/* Texts of the given pieces; rare: how seldom a piece other than a
** plain word comes (1 in rare), so that sentences grow long. */
static void generated(const struct fc_rules *r, int rounds, size_t size,
		      unsigned rare)
{
	static const char *const words[] = {
		"peace", "Talks", "Mr", "U", "S", "p", "m", "it", "The",
		"Kremlin", "abcdefghijk", "a", "x1",
	};
	static const char *const marks[] = {
		" ", " ", "  ", "\n", "\n\n", "\n \n", "\t", "\r", " \n", ".",
		"..", "...", "!", "?", "?!", "\xE2\x80\xA6", "\"", "\xE2\x80\x9C",
		"\xE2\x80\x9D", "(", ")", ",", "\xC3\xA9", "Mr.", "U.S.",
		"a.m.", "Inc.", ". ", "! ", "? ", "  \n  ", "' ",
	};
	static char text[20000];
	for (int round = 0; round < rounds; round++) {
		size_t n = 0, want = 1 + (size_t)(rnd() % size);
		while (n < want) {
			const char *p;
			if (rnd() % rare) {
				p = words[rnd() % (sizeof(words) / sizeof(*words))];
				text[n++] = ' ';
			} else {
				p = marks[rnd() % (sizeof(marks) / sizeof(*marks))];
			}
			size_t k = strlen(p);
			if (n + k > sizeof(text))
				break;
			memcpy(text + n, p, k);
			n += k;
		}
		same_sentences(r, text, n);
	}
}

/* Short texts of many pieces, and sentences that reach SENT_MAX: long
** runs of words, now and then a mark or white space run, so the cut
** falls near every kind of byte; with the built-in lists and without
** rules. */
static void test_generated_texts(void **state)
{
	static const struct {
		bool is_rules;
		int rounds;
		size_t size;
		unsigned rare;
	} runs[] = {
		{true, 20000, 300, 2},  {false, 5000, 300, 2},
		{true, 5000, 300, 6},   {true, 400, 19000, 60},
		{true, 400, 19000, 400}, {false, 200, 19000, 400},
	};
	struct fc_rules *r = load_rules(BOILER_DIR);
	(void)state;
	for (size_t i = 0; i < sizeof(runs) / sizeof(*runs); i++)
		generated(runs[i].is_rules ? r : NULL, runs[i].rounds,
			  runs[i].size, runs[i].rare);
	fc_rules_destroy(r);
}

/* Line numbers across long runs of line breaks: a sentence after 5,000
** blank lines (the count's byte counters summed before they wrap), and
** a sentence of wrapped lines cut at SENT_MAX. */
static void test_many_lines(void **state)
{
	static char text[16000];
	(void)state;
	size_t n = 0;
	memcpy(text, "Peace.", 6);
	n = 6;
	memset(text + n, '\n', 5000);
	n += 5000;
	memcpy(text + n, "Talks.", 6);
	n += 6;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_sentence *sv;
	size_t ns;
	assert_int_equal(text_sentences_at(NULL, &a, text, n, &sv, &ns, true),
			 FC_OK);
	assert_int_equal(ns, 2);
	assert_int_equal(sv[0].line, 1);
	assert_int_equal(sv[1].start, 5006);
	assert_int_equal(sv[1].line, 5001);
	fc_arena_finish(&a);
	for (n = 0; n + 2 <= 9000; n += 2)
		memcpy(text + n, "x\n", 2);
	same_sentences(NULL, text, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_generated_texts),
		cmocka_unit_test(test_many_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
