/*
** test_norm_ref.c: the reference of a document (fc_norm_ref_parse): a
** date, or a date and time with seconds and a zone; bad ones are
** refused whole. Then what the time of day changes: "now", "in 3
** minutes", clock times with no day (by the reading) and zones, and
** that a plain date keeps the date-only results.
*/
#include <stdio.h>

#include "extract/norm_ref.h"
#include "fc_test.h"

#define BENCH FC_SOURCE_ROOT "/bench/prefer-future"

static void test_norm_ref_parse_forms(void **state)
{
	(void)state;
	struct norm_ref r;
	assert_true(fc_norm_ref_parse("2013-02-12", &r));
	assert_true(r.is_set);
	assert_false(r.is_time);
	assert_int_equal(r.days, fc_days_from_civil(2013, 2, 12));

	assert_true(fc_norm_ref_parse("2013-02-12T04:30", &r));
	assert_true(r.is_time);
	assert_false(r.has_sec);
	assert_false(r.has_zone);
	assert_int_equal(r.hh, 4);
	assert_int_equal(r.mi, 30);

	assert_true(fc_norm_ref_parse("2013-02-12T04:30:07-02:00", &r));
	assert_true(r.has_sec);
	assert_int_equal(r.ss, 7);
	assert_true(r.has_zone);
	assert_int_equal(r.zone_min, -120);

	assert_true(fc_norm_ref_parse("2013-02-12 23:59:59.250Z", &r));
	assert_int_equal(r.hh, 23);
	assert_true(r.has_zone);
	assert_int_equal(r.zone_min, 0);

	assert_true(fc_norm_ref_parse("2013-02-12T04:30+0530", &r));
	assert_int_equal(r.zone_min, 330);
	assert_true(fc_norm_ref_parse("2013-02-12T04:30+05", &r));
	assert_int_equal(r.zone_min, 300);
}

static void test_norm_ref_parse_refuses(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"", "2013-02-30", "2013-2-12", "2013-02-12T", "2013-02-12T4:30",
		"2013-02-12T24:00", "2013-02-12T04:60", "2013-02-12T04:30:60",
		"2013-02-12T04:30-2", "2013-02-12T04:30+15:00",
		"2013-02-12T04:30:00Zx", "2013-02-12x", "2013-02-12T04:30 PST",
		NULL,
	};
	for (size_t i = 0; bad[i]; i++) {
		struct norm_ref r;
		r.is_set = true;
		if (fc_norm_ref_parse(bad[i], &r))
			fail_msg("accepted '%s'", bad[i]);
		assert_false(r.is_set);
	}
	struct norm_ref r;
	assert_false(fc_norm_ref_parse(NULL, &r));
}

static void test_norm_ref_zone_parse(void **state)
{
	(void)state;
	int m;
	assert_true(fc_norm_zone_parse("-08:00", 6, &m));
	assert_int_equal(m, -480);
	assert_true(fc_norm_zone_parse("GMT+2", 5, &m));
	assert_int_equal(m, 120);
	assert_true(fc_norm_zone_parse("UTC -03:30", 10, &m));
	assert_int_equal(m, -210);
	assert_true(fc_norm_zone_parse("GMT", 3, &m));
	assert_int_equal(m, 0);
	assert_false(fc_norm_zone_parse("PST", 3, &m));
	assert_false(fc_norm_zone_parse("+5:3", 4, &m));
	/* the length bounds the read */
	assert_false(fc_norm_zone_parse("+05:30", 0, &m));
	assert_true(fc_norm_zone_parse("+05:30", 3, &m));
	assert_int_equal(m, 300);
}

#define REF "2013-02-12T04:30:00-02:00"

/* One phrase: under the future reading (bench/prefer-future) or the
** news one, the value of the mention with text span ("(none)": none). */
struct phrase {
	bool is_future;
	const char *text, *ref, *span, *want;
};

static const struct phrase phrases[] = {
	/* now: the reference, at its grain; PRESENT_REF on a date */
	{false, "It is calm now.", REF, "now", "2013-02-12T04:30:00"},
	{false, "It is calm now.", "2013-02-12T04:30", "now",
	 "2013-02-12T04:30"},
	{false, "It is calm now.", "2013-02-12", "now", "PRESENT_REF"},
	/* offsets finer than a day; across midnight; durations on a date */
	{false, "It fell 3 hours ago.", "2013-02-12T01:15", "3 hours ago",
	 "2013-02-11T22:15"},
	{false, "It fell 3 hours ago.", "2013-02-12", "3 hours", "PT3H"},
	{true, "in 3 minutes", REF, "in 3 minutes", "2013-02-12T04:33:00"},
	{true, "in 2.5 hours", REF, "in 2.5 hours", "2013-02-12T07:00:00"},
	{true, "in an hour", REF, "in an hour", "2013-02-12T05:30"},
	{true, "in half an hour", REF, "in half an hour",
	 "2013-02-12T05:00:00"},
	{false, "He won in 3 minutes.", REF, "3 minutes", "PT3M"},
	/* days from a time of day under shift_grain: finer: the hour */
	{true, "14 days ago", REF, "14 days ago", "2013-01-29T04:00"},
	{false, "14 days ago", REF, "14 days ago", "2013-01-29"},
	/* a clock with no day: the next one (future), the reference day
	** (news), the last one after a past verb, the next after a
	** future cue; a part of the day keeps the day in news */
	{true, "at 3am", REF, "3am", "2013-02-13T03:00"},
	{false, "The vote is at 3am.", REF, "3am", "2013-02-12T03:00"},
	{false, "The blast came at 11 pm.", REF, "11 pm", "2013-02-11T23:00"},
	{false, "They will vote at 3am.", REF, "3am", "2013-02-13T03:00"},
	{true, "at 3 in the morning", REF, "at 3 in the morning",
	 "2013-02-13T03:00"},
	{false, "It starts tonight at 8.", REF, "tonight at 8",
	 "2013-02-12T20:00"},
	/* assistant phrasing under the future reading only */
	{true, "half three", REF, "half three", "2013-02-12T15:30"},
	{false, "half three", REF, "half three", "(none)"},
	{true, "9 tomorrow", REF, "9 tomorrow", "2013-02-13T09:00"},
	{true, "ATM", REF, "ATM", "2013-02-12T04:30:00"},
	{true, "cash from the ATM", REF, "ATM", "(none)"},
	/* zones: converted to the reference's zone, as said without one */
	{true, "Thursday 8:00 PST", REF, "Thursday 8:00 PST",
	 "2013-02-14T14:00"},
	{false, "at 4pm CET", "2013-02-12", "4pm CET", "2013-02-12T16:00"},
	{false, "at 4pm CET", "2013-02-12T10:00", "4pm CET",
	 "2013-02-12T16:00"},
	{false, "at 11pm EST", "2013-02-12T10:00Z", "11pm EST",
	 "2013-02-13T04:00"},
	/* the next 3am PST is the one after 04:30 -02:00 once converted */
	{true, "at 3am PST", REF, "3am PST", "2013-02-12T09:00"},
	{true, "at 11pm PST", REF, "11pm PST", "2013-02-12T05:00"},
	{true, "at 10pm PST", REF, "10pm PST", "2013-02-13T04:00"},
};

/* The value of the time mention of doc with text span, or "(none)". */
static const char *span_value(const struct fc_document *doc,
			      const char *span)
{
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		if (m->kind == FC_MENTION_TIME &&
		    m->end - m->start == strlen(span) &&
		    !memcmp(doc->text + m->start, span, strlen(span)))
			return m->time.value;
	}
	return "(none)";
}

static void test_norm_ref_time_of_day(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *rules[2];
	const char *dirs[] = {BENCH, NULL};
	assert_int_equal(fc_rules_load(NULL, 1, &rules[0], &d), FC_OK);
	assert_int_equal(fc_rules_load(dirs, 1, &rules[1], &d), FC_OK);
	for (size_t i = 0; i < sizeof(phrases) / sizeof(*phrases); i++) {
		const struct phrase *p = &phrases[i];
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_document doc;
		memset(&doc, 0, sizeof(doc));
		doc.text = fc_arena_strdup(&a, p->text);
		doc.text_len = strlen(p->text);
		doc.published = p->ref;
		assert_int_equal(fc_norm_doc(rules[p->is_future], &a, &doc, &d),
				 FC_OK);
		const char *got = span_value(&doc, p->span);
		if (strcmp(got, p->want))
			fail_msg("'%s' (%s, %s): '%s' is %s, not %s", p->text,
				 p->ref, p->is_future ? "future" : "news",
				 p->span, got, p->want);
		fc_mentions_finish(&doc);
		fc_arena_finish(&a);
	}
	assert_int_equal(d.nerr, 0);
	fc_rules_destroy(rules[0]);
	fc_rules_destroy(rules[1]);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_ref_parse_forms),
		cmocka_unit_test(test_norm_ref_parse_refuses),
		cmocka_unit_test(test_norm_ref_zone_parse),
		cmocka_unit_test(test_norm_ref_time_of_day),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
