/*
** test_norm_chain.c: relative times counted from a mention chain in a
** look-back (norm_anchor.c resolve_chains): "a year later" after "the
** following year" counts from that, also when the chain's first date
** lies beyond the first window; one counting back is no anchor; deictic
** ones stay on the reference.
*/
#include <stdio.h>

#include "fc_test.h"

static struct fc_rules *rules;

static int setup(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	const char *dirs[] = {FC_SOURCE_ROOT "/rules/normalizers", NULL};
	fc_status st = fc_rules_load(dirs, 0, &rules, &d);
	fc_diags_finish(&d);
	return st ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	fc_rules_destroy(rules);
	return 0;
}

/* Normalize text at ref into doc (arena a). */
static void run(struct fc_arena *a, struct fc_document *doc, const char *text,
		const char *ref)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = fc_arena_strdup(a, text);
	doc->text_len = strlen(text);
	doc->published = ref;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(rules, a, doc, &d), FC_OK);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
}

/* The value of the nth (0-based) time mention with this text. */
static const char *value_of(const struct fc_document *doc, const char *span,
			    int nth)
{
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		if (m->kind == FC_MENTION_TIME &&
		    m->end - m->start == strlen(span) &&
		    !memcmp(doc->text + m->start, span, strlen(span)) &&
		    nth-- == 0)
			return m->time.value;
	}
	return NULL;
}

static void test_chain_links(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	run(&a, &doc,
	    "In 1910 the company was founded. The following year it moved "
	    "to Ohio. A year later it closed. Last year it reopened.",
	    "1995-06-15");
	assert_string_equal(value_of(&doc, "The following year", 0), "1911");
	assert_string_equal(value_of(&doc, "A year later", 0), "1912");
	assert_string_equal(value_of(&doc, "Last year", 0), "1994");
	run(&a, &doc, "Two days later, he resigned. The next day, he left.",
	    "1995-06-15");
	assert_string_equal(value_of(&doc, "Two days later", 0), "1995-06-17");
	assert_string_equal(value_of(&doc, "The next day", 0), "1995-06-18");
	fc_arena_finish(&a);
}

/* The chain's date 600 bytes before its first link: the first window
** (400 bytes) holds the links only, so the wider one is read. */
static void test_chain_beyond_window(void **state)
{
	(void)state;
	static const char filler[] = "Talks went on without result. ";
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_buf b;
	fc_buf_init(&b, 1u << 20);
	fc_buf_add(&b, "In 1910 it was founded. ", 24);
	for (int k = 0; k < 20; k++)
		fc_buf_add(&b, filler, sizeof(filler) - 1);
	const char *tail = "The following year it moved. A year later it "
			   "closed.";
	fc_buf_add(&b, tail, strlen(tail));
	struct fc_document doc;
	run(&a, &doc, fc_buf_cstr(&b), "1995-06-15");
	assert_string_equal(value_of(&doc, "The following year", 0), "1911");
	assert_string_equal(value_of(&doc, "A year later", 0), "1912");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

/* One that counts back is a comparison or a flashback: the story stays. */
static void test_chain_back_is_no_anchor(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	run(&a, &doc,
	    "In 1990 he was elected. Two years earlier he had moved. The "
	    "following year he married.",
	    "1995-06-15");
	assert_string_equal(value_of(&doc, "Two years earlier", 0), "1988");
	assert_string_equal(value_of(&doc, "The following year", 0), "1991");
	run(&a, &doc,
	    "Loadings in the week ended February 21 fell from the previous "
	    "week, and rose from the previous week in grain.",
	    "1987-03-02");
	assert_string_equal(value_of(&doc, "the previous week", 0),
			    "1987-W07");
	assert_string_equal(value_of(&doc, "the previous week", 1),
			    "1987-W07");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain_links),
		cmocka_unit_test(test_chain_beyond_window),
		cmocka_unit_test(test_chain_back_is_no_anchor),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
