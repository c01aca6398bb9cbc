/*
** test_norm_lookwin.c: the look-back's windows (norm_anchor.c,
** norm_anchor_window.c) over the edges the scan has and a window does
** not: a window is read as one stretch, across the sentences and lines
** the scan reads one by one, and in a streamed text across the pieces
** the stream cuts (each piece is a document of its own, with the text
** before it kept as context). The dates a window finds are the scan's:
** exact values on news-like text, the same text read whole and in
** pieces, and text of hostile bytes read without harm.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"

static const char *val(void **state, struct fc_arena *a, const char *text,
		       const char *span)
{
	const char *v =
		fc_test_time_value(*state, a, text, "2013-06-10", span);
	assert_non_null(v);
	return v;
}

/* A window crosses sentences, a blank line and a line with no sentence
** end: the date told in an earlier sentence anchors each link, and the
** links chain on across them. */
static void test_window_across_stretches(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *t = "The plant closed on March 3, 2009.\n\n"
			"Workers protested outside the gates\n"
			"and police were called. The following day the "
			"union met. Two days later talks began.";
	assert_string_equal(val(state, &a, t, "March 3, 2009"), "2009-03-03");
	assert_string_equal(val(state, &a, t, "The following day"),
			    "2009-03-04");
	assert_string_equal(val(state, &a, t, "Two days later"), "2009-03-06");
	/* the date 600 bytes back: beyond the first window (400 bytes),
	** inside the second */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "The dam broke in 1910.\n");
	for (int k = 0; k < 20; k++)
		fc_buf_adds(&b, "Talks went on without result.\n");
	fc_buf_adds(&b, "The following year the town was rebuilt.");
	assert_true(b.len > 600);
	assert_string_equal(val(state, &a, fc_buf_cstr(&b),
				"The following year"), "1911");
	/* beyond the widest window (2000 bytes): the reference's */
	fc_buf_reset(&b);
	fc_buf_adds(&b, "The dam broke in 1910.\n");
	for (int k = 0; k < 80; k++)
		fc_buf_adds(&b, "Talks went on without result.\n");
	fc_buf_adds(&b, "The following year the town was rebuilt.");
	assert_true(b.len > 2000 + 64);
	assert_string_equal(val(state, &a, fc_buf_cstr(&b),
				"The following year"), "2014");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* Paragraphs of news, each with a date and links after it, some a
** paragraph on (their window reaches back into the one before). */
static void news_text(struct fc_buf *b, int nparas)
{
	static const char *const months[] = {"January", "March", "June",
					     "October"};
	fc_buf_reset(b);
	for (int p = 0; p < nparas; p++) {
		fc_buf_printf(b, "The council met on %s %d, %d to vote. ",
			      months[p % 4], 1 + p % 27, 1990 + p % 30);
		fc_buf_adds(b, "Members argued for hours. The following day "
			       "the mayor resigned.\n\n");
		fc_buf_adds(b, "Two weeks later a new vote was held, and the "
			       "budget passed a year later.\n\n");
	}
}

/* The text read whole and in pieces gives the same mentions: a window
** that reaches back over a piece's start reads the text kept before
** it as the whole text's window does. */
static void test_window_across_pieces(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	news_text(&b, 60);
	char *want = fc_test_mentions(rules, "2013-06-10", b.p, b.len);
	size_t npieces = 0;
	char *got = fc_test_mentions_in_pieces(rules, "2013-06-10", b.p, b.len,
					       1, &npieces);
	assert_true(npieces >= 60);
	assert_string_equal(got, want);
	/* the first paragraphs' links, from their dates, on over the
	** blank lines */
	assert_non_null(strstr(want, "\"text\": \"The following day\", "
				     "\"start\": 70, \"end\": 87, \"value\": "
				     "\"1990-01-02\""));
	assert_non_null(strstr(want, "\"text\": \"Two weeks later\", "
				     "\"start\": 109, \"end\": 124, "
				     "\"value\": \"1990-W03\""));
	assert_non_null(strstr(want, "\"text\": \"a year later\", "
				     "\"start\": 168, \"end\": 180, "
				     "\"value\": \"1991\""));
	assert_non_null(strstr(want, "\"text\": \"The following day\", "
				     "\"start\": 251, \"end\": 268, "
				     "\"value\": \"1991-03-03\""));
	free(got);
	free(want);
	fc_buf_finish(&b);
}

/* Text of hostile bytes: fragments of dates and links among NUL and
** control bytes, caseless look-alikes (U+212A, U+017F), NBSP, long
** digit runs and lines with no end. Read whole and in pieces alike, and
** what it holds of a date and a link is read as in plain text. */
static void test_window_hostile_bytes(void **state)
{
	const struct fc_rules *rules = *state;
	static const char *const frag[] = {
		"In 1910 ", "the following year ", "\0", "\t", "\r\n",
		"\xe2\x84\xaa", "\xc5\xbf", "\xc2\xa0", "9999999999999 ",
		"- ", ". ", "\n\n", "a year earlier ", "2 days later ",
		"that day ", "at 5 pm ", "Q3 ", "the quarter ", "\x01\x7f",
		"March 3, 2009 ", "(", ")", "\"", "later that day ",
	};
	const size_t nfrag = sizeof(frag) / sizeof(*frag);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	uint64_t x = 0x2545F4914F6CDD1Dull; /* xorshift: the same text */
	while (b.len < 60000) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		size_t i = (size_t)(x % nfrag);
		/* "\0" is one byte */
		fc_buf_add(&b, frag[i], i == 2 ? 1 : strlen(frag[i]));
	}
	char *want = fc_test_mentions(rules, "2013-06-10", b.p, b.len);
	size_t npieces = 0;
	char *got = fc_test_mentions_in_pieces(rules, "2013-06-10", b.p, b.len,
					       1, &npieces);
	assert_true(npieces > 1);
	assert_string_equal(got, want);
	free(got);
	free(want);
	/* a date, then bytes of no words, then a link: the window holds
	** the date */
	fc_buf_reset(&b);
	fc_buf_adds(&b, "In 1910 ");
	for (int k = 0; k < 30; k++)
		fc_buf_add(&b, "\x01\t\xc2\xa0\x7f ", 6);
	fc_buf_adds(&b, "the following year");
	got = fc_test_mentions(rules, "2013-06-10", b.p, b.len);
	assert_non_null(strstr(got, "\"text\": \"the following year\", "
				    "\"start\": 188, \"end\": 206, "
				    "\"value\": \"1911\""));
	free(got);
	fc_buf_finish(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_window_across_stretches),
		cmocka_unit_test(test_window_across_pieces),
		cmocka_unit_test(test_window_hostile_bytes),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
