/*
** test_norm_linkmemo.c: the look-back's memo of chain links
** (norm_anchor.c produce_memo) and links counted from a coarser date
** (norm_relative.c). A dense chain ("Two days later. The next day. ...")
** reads the same link in many windows: the memo gives its reading once
** per date it counts from, so the values are those of a reading without
** it, and a memo kept from one piece of a streamed text is not read in
** the next (their offsets coincide, their words do not). A window of
** more than 16 links is a list, not a story (LINK_MAX): its links give
** no date, so a link after them counts from the reference. A count
** after a year keeps the year, also when the year lies beyond the first
** window.
*/
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"

/* Paragraphs of a dense chain, each as long as the others, with a count
** that changes from one paragraph to the next (the memo's key is the
** match: pattern and offsets). */
static void dense_text(struct fc_buf *b, int nparas)
{
	static const char *const counts[] = {"Two", "Six", "Ten", "One"};
	fc_buf_reset(b);
	for (int p = 0; p < nparas; p++) {
		for (int k = 0; k < 40; k++)
			fc_buf_printf(b, "%s days later. The next day. ",
				      counts[(p + k) % 4]);
		fc_buf_adds(b, "\n\n");
	}
}

/* The first links of a dense chain count one from the other. */
static void test_dense_chain_values(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *t = "Two days later. The next day. Two days later. The "
			"next day. Six days later.";
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, t);
	doc.text_len = strlen(t);
	doc.published = "2000-01-01";
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(*state, &a, &doc, &d), FC_OK);
	fc_diags_finish(&d);
	static const char *const want[] = {"2000-01-03", "2000-01-04",
					   "2000-01-06", "2000-01-07",
					   "2000-01-13"};
	/* the mentions of a stretch are in the order they were kept: by
	** start here */
	size_t nt = 0;
	for (uint32_t at = 0; at < doc.text_len; at++) {
		for (size_t i = 0; i < doc.nmentions; i++) {
			if (doc.mentions[i].kind != FC_MENTION_TIME ||
			    doc.mentions[i].start != at)
				continue;
			assert_true(nt < 5);
			assert_string_equal(doc.mentions[i].time.value,
					    want[nt]);
			nt++;
		}
	}
	assert_int_equal(nt, 5);
	fc_arena_finish(&a);
}

/* The value of the time mention at offset at of text (ref 2000-01-01). */
static const char *value_at(void **state, struct fc_arena *a,
			    const char *text, uint32_t at)
{
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(a, text);
	doc.text_len = strlen(text);
	doc.published = "2000-01-01";
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(*state, a, &doc, &d), FC_OK);
	fc_diags_finish(&d);
	for (size_t i = 0; i < doc.nmentions; i++)
		if (doc.mentions[i].kind == FC_MENTION_TIME &&
		    doc.mentions[i].start == at)
			return doc.mentions[i].time.value;
	fail_msg("no time at %u", at);
	return NULL;
}

/* 16 links of "Two days later. " (16 bytes each) before one more are
** followed (the 17th is 2000-01-01 + 2 * 17); with 17 before it the
** window is a list: the 18th counts from the reference. */
static void test_dense_window_is_a_list(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int k = 0; k < 18; k++)
		fc_buf_adds(&b, "Two days later. ");
	const char *t = fc_buf_cstr(&b);
	assert_string_equal(value_at(state, &a, t, 16 * 16), "2000-02-04");
	assert_string_equal(value_at(state, &a, t, 16 * 17), "2000-01-03");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* Pieces of a dense chain read as the whole: the memo of one piece is
** forgotten in the next (the same offsets hold other counts there). */
static void test_memo_is_the_pieces_own(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	dense_text(&b, 6);
	char *want = fc_test_mentions(rules, "2000-01-01", b.p, b.len);
	size_t npieces = 0;
	char *got = fc_test_mentions_in_pieces(rules, "2000-01-01", b.p, b.len,
					       1, &npieces);
	assert_true(npieces >= 6); /* one a paragraph at least */
	assert_string_equal(got, want);
	/* each paragraph's first link counts from the reference (the
	** paragraph before ends 2 bytes back: its links are in the window,
	** so only the text's first is certain) */
	assert_non_null(strstr(want, "\"text\": \"Two days later\", \"start\": "
				     "0, \"end\": 14, \"value\": "
				     "\"2000-01-03\""));
	free(got);
	free(want);
	fc_buf_finish(&b);
}

/* The value of span in text at ref. */
static const char *val(void **state, struct fc_arena *a, const char *text,
		       const char *ref, const char *span)
{
	const char *v = fc_test_time_value(*state, a, text, ref, span);
	assert_non_null(v);
	return v;
}

/* A count of days after a year keeps the year; a chain of them too, when
** the year is 600 bytes back (the look-back's wider window); a year that
** holds the reference leaves the count to the reference. */
static void test_count_after_a_year(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "In 1910 the dam broke. ");
	for (int k = 0; k < 20; k++)
		fc_buf_adds(&b, "Talks went on without result. ");
	fc_buf_adds(&b, "Three days later the town was evacuated. Two weeks "
			"later it rained.");
	const char *t = fc_buf_cstr(&b);
	assert_string_equal(val(state, &a, t, "2013-06-10", "Three days later"),
			    "1910");
	assert_string_equal(val(state, &a, t, "2013-06-10", "Two weeks later"),
			    "1910");
	t = "In 2013 the dam broke. Three days later the town was evacuated.";
	assert_string_equal(val(state, &a, t, "2013-06-10", "Three days later"),
			    "2013-06-13");
	t = "It began in March 2003. The following month rebels attacked. "
	    "Two weeks later the army left. Three months later it returned.";
	assert_string_equal(val(state, &a, t, "2013-06-10",
				"The following month"), "2003-04");
	assert_string_equal(val(state, &a, t, "2013-06-10", "Two weeks later"),
			    "2003-04");
	assert_string_equal(val(state, &a, t, "2013-06-10",
				"Three months later"), "2003-07");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dense_chain_values),
		cmocka_unit_test(test_dense_window_is_a_list),
		cmocka_unit_test(test_memo_is_the_pieces_own),
		cmocka_unit_test(test_count_after_a_year),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
