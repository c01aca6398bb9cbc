/*
** test_large.c: 5 MB inputs of several shapes go through fc_text_clean
** in linear time (the test only has to finish, quickly) with exact
** counts where the shape fixes them.
*/
#include "text_test.h"

#define BIG (5u << 20)

/* Paragraphs of two sentences, each followed by a headline. */
static void test_large_paragraphs(void **state)
{
	const struct fc_rules *r = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	size_t n = 0;
	while (b.len < BIG) {
		fc_buf_printf(&b,
			      "Item %zu was seen by Mr. Smith on Jan. 5 in the "
			      "U.S. capital, officials said. It cost $3.5 "
			      "billion, etc. and more.\n\nHeadline number %zu "
			      "of many\n\n",
			      n, n);
		n++;
	}
	struct cleaned c;
	clean_buf(&c, r, "big.txt", NULL, b.p, b.len);
	assert_int_equal(c.st, FC_OK);
	assert_int_equal(c.doc.nsentences, 2 * n);
	assert_int_equal(c.doc.ndropped, n);
	assert_string_equal(c.doc.dropped[n - 1].rule, "heading");
	assert_int_equal(c.doc.sentences[2 * n - 1].line, 4 * (n - 1) + 1);
	assert_doc_sane(&c.doc);
	cleaned_finish(&c);
	fc_buf_finish(&b);
}

/* One 5 MB line of words without a stop: one block, capped sentences. */
static void test_large_one_line(void **state)
{
	const struct fc_rules *r = *state;
	char *raw = malloc(BIG);
	for (size_t i = 0; i < BIG; i++)
		raw[i] = i % 8 == 7 ? ' ' : "abcdefg"[i % 8];
	struct cleaned c;
	clean_buf(&c, r, "line.txt", NULL, raw, BIG);
	assert_int_equal(c.st, FC_OK);
	assert_int_equal(c.doc.ndropped, 0);
	assert_int_equal(c.doc.text_len, BIG - 1); /* the last space goes */
	/* Cut at the first space at or past 4096 bytes: 4103 a sentence. */
	assert_int_equal(c.doc.sentences[0].end, 4103);
	assert_int_equal(c.doc.nsentences, (BIG + 4103) / 4104);
	cleaned_finish(&c);
	free(raw);
}

/* Markup that invites quadratic scans, in every format. */
static void test_large_hostile(void **state)
{
	const struct fc_rules *r = *state;
	static const char *const names[] = {"h.md", "h.html", "h.txt"};
	static const char *const unit[] = {"[a](b `c ![d] *e_ <f & \n",
					   "<p>x &amp; <b>y</b> <i ",
					   "... ?! \xFF\xC3 U.S. Mr. \"a.\" \n"};
	for (size_t k = 0; k < 3; k++) {
		struct fc_buf b;
		fc_buf_init(&b, 0);
		while (b.len < BIG)
			fc_buf_adds(&b, unit[k]);
		struct cleaned c;
		clean_buf(&c, r, names[k], NULL, b.p, b.len);
		assert_int_equal(c.st, FC_OK);
		assert_doc_sane(&c.doc);
		cleaned_finish(&c);
		fc_buf_finish(&b);
	}
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
		cmocka_unit_test(test_large_paragraphs),
		cmocka_unit_test(test_large_one_line),
		cmocka_unit_test(test_large_hostile),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
