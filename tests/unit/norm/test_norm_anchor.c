/*
** test_norm_anchor.c: times counted from the date last mentioned ("the
** following year", "the quarter", "a year ago" after a quarter): the
** look-back window, the scan's overlap order inside it, the quarter
** filters, and a text made of nothing but anchored phrases.
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
	fc_test_norm_doc(rules, a, text, ref, doc);
}

/* The value of the last time mention with this text, or NULL. */
static const char *value_of(const struct fc_document *doc, const char *span)
{
	const char *v = NULL;
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		if (m->kind == FC_MENTION_TIME &&
		    m->end - m->start == strlen(span) &&
		    !memcmp(doc->text + m->start, span, strlen(span)))
			v = m->time.value;
	}
	return v;
}

/* "In 1995 ..." then n bytes of dateless filler, then "the following
** year": inside the window it counts from 1995, beyond it from the
** reference. */
static const char *following_after(struct fc_arena *a, size_t n)
{
	static const char filler[] = "Talks went on without result. ";
	struct fc_buf b;
	fc_buf_init(&b, 1u << 20);
	fc_buf_add(&b, "In 1995 he left. ", 17);
	for (size_t k = 0; k < n / (sizeof(filler) - 1); k++)
		fc_buf_add(&b, filler, sizeof(filler) - 1);
	const char *tail = "The following year he returned.";
	fc_buf_add(&b, tail, strlen(tail));
	struct fc_document doc;
	run(a, &doc, fc_buf_cstr(&b), "2026-01-16");
	const char *v = value_of(&doc, "The following year");
	fc_buf_finish(&b);
	return v;
}

static void test_norm_anchor_window(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(following_after(&a, 0), "1996");
	assert_string_equal(following_after(&a, 1500), "1996");
	/* 1995 is more than NORM_ANCHOR_WINDOW (2000) bytes back */
	assert_string_equal(following_after(&a, 2100), "2027");
	fc_arena_finish(&a);
}

static void test_norm_anchor_longest_mention(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	/* the anchor is "January 16, 2020" as the scan keeps it, not the
	** year "2020" inside it */
	run(&a, &doc,
	    "It began on January 16, 2020, and the next day it ended.",
	    "2026-01-16");
	assert_string_equal(value_of(&doc, "the next day"), "2020-01-17");
	/* a year a mention long past counts from that mention */
	run(&a, &doc, "He was elected in 2019. A year later he resigned.",
	    "2026-01-16");
	assert_string_equal(value_of(&doc, "A year later"), "2020");
	/* ... one near the reference from the reference */
	run(&a, &doc, "Sales fell last year. A year earlier they rose.",
	    "2026-01-16");
	assert_string_equal(value_of(&doc, "A year earlier"), "2025");
	fc_arena_finish(&a);
}

static void test_norm_anchor_quarters(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	/* the quarter last mentioned ... */
	run(&a, &doc,
	    "Net fell in the second quarter. In the quarter, sales rose "
	    "from a year ago.",
	    "2026-01-16");
	assert_string_equal(value_of(&doc, "the second quarter"), "2025-Q2");
	assert_string_equal(value_of(&doc, "the quarter"), "2025-Q2");
	assert_string_equal(value_of(&doc, "a year ago"), "2024-Q2");
	/* ... but not a comparison quarter a year back: the last one ended */
	run(&a, &doc,
	    "Sales rose from the year-ago quarter. The quarter was strong.",
	    "2026-01-16");
	assert_string_equal(value_of(&doc, "the year-ago quarter"), "2024-Q4");
	assert_string_equal(value_of(&doc, "The quarter"), "2025-Q4");
	/* the latest quarter is the last one ended, whatever was said */
	run(&a, &doc,
	    "Next year's first quarter looks weak; in the latest quarter "
	    "profit rose.",
	    "2026-01-16");
	assert_string_equal(value_of(&doc, "the latest quarter"), "2025-Q4");
	/* without a reference only a mention places it */
	run(&a, &doc, "In the quarter, sales rose.", NULL);
	assert_null(value_of(&doc, "the quarter"));
	run(&a, &doc, "Net fell in the second quarter of 2025. In the quarter, "
	    "sales rose.", NULL);
	assert_string_equal(value_of(&doc, "the quarter"), "2025-Q2");
	run(&a, &doc, "In 1995 he left. The following year he returned.",
	    NULL);
	assert_string_equal(value_of(&doc, "The following year"), "1996");
	fc_arena_finish(&a);
}

static void test_norm_anchor_only_anchored_phrases(void **state)
{
	(void)state;
	/* every phrase looks back; none finds a date, so each counts from
	** the reference, and the look-backs stay bounded by the window */
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_buf b;
	fc_buf_init(&b, 1u << 22);
	for (int k = 0; k < 4000; k++)
		fc_buf_add(&b, "A year earlier, the following day. ", 35);
	struct fc_document doc;
	run(&a, &doc, fc_buf_cstr(&b), "2026-01-16");
	size_t n = 0;
	for (size_t i = 0; i < doc.nmentions; i++)
		n += doc.mentions[i].kind == FC_MENTION_TIME;
	assert_int_equal(n, 8000);
	assert_string_equal(value_of(&doc, "A year earlier"), "2025");
	fc_buf_finish(&b);
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_anchor_window),
		cmocka_unit_test(test_norm_anchor_longest_mention),
		cmocka_unit_test(test_norm_anchor_quarters),
		cmocka_unit_test(test_norm_anchor_only_anchored_phrases),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
