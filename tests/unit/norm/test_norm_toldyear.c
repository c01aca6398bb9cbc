/*
** test_norm_toldyear.c: "the year" after a year written in its
** sentence or the one before is the year of the date mentioned last
** (norm_told_year.c, base told_year); none when no year is written
** near, when the year is counted ("a year later") or said as a
** comparison. And a day named by a past event (base past on a date,
** norm_time.c) gives nothing before that day.
*/
#include "fc_test.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/norm/data"

static int setup(void **state)
{
	*state = fc_test_load_rules(DATA "/toldyear.yaml", 0);
	return *state ? 0 : -1;
}

/* The value of rule's mention in text published on ref ("" when there
** is none). */
static void check(void **state, const char *text, const char *ref,
		  const char *rule, const char *want)
{
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	fc_test_norm_doc(*state, &a, text, ref, &doc);
	const char *got = "";
	for (size_t i = 0; i < doc.nmentions; i++)
		if (!strcmp(doc.mentions[i].rule, rule))
			got = doc.mentions[i].time.value;
	assert_string_equal(got, want);
	fc_arena_finish(&a);
}

static void test_norm_toldyear_written(void **state)
{
	check(state, "It rose in Q3 2004. The year was hard.", "2005-02-01",
	      "t.told", "2004");
	check(state, "In 1981 he toured; the year was good.", "2005-02-01",
	      "t.told", "1981");
	check(state, "2003 was good, and the year ended well.", "2005-02-01",
	      "t.told", "2003");
}

/* no year written near, two sentences back, counted, or a comparison */
static void test_norm_toldyear_none(void **state)
{
	check(state, "The year was hard.", "2005-02-01", "t.told", "");
	check(state, "In 2003 it fell. It rose. Then the year ended.",
	      "2005-02-01", "t.told", "");
	check(state, "It won in 2003 and lost a year later. In the year it fell.",
	      "2005-02-01", "t.told", "");
	check(state, "It was up from 4.9 billion in 2003. In the year it fell.",
	      "2005-02-01", "t.told", "");
	check(state, "It went from 4.9 in 2003 to 5 in 2004. In the year it fell.",
	      "2005-02-01", "t.told", "2004");
	check(state, "The 2003-04 season ended. In the year it fell.",
	      "2005-02-01", "t.told", "");
	/* a line wrapped inside the comparison is not a clause's end */
	check(state,
	      "It rose in 2004 compared with 48.7\nmln in 2003. In the year",
	      "2005-02-01", "t.told", "");
	/* a number's comma is not a clause's end */
	check(state, "It rose in 2004 from 998,707 tons in 2003. In the year",
	      "2005-02-01", "t.told", "");
	check(state, "It rose in 2004 against\n4.9 in 2003.\n\nIn the year",
	      "2005-02-01", "t.told", "");
}

static void test_norm_toldyear_past_day(void **state)
{
	check(state, "He spoke of the 9/11 attacks.", "2005-02-01", "t.past",
	      "2001-09-11");
	check(state, "He spoke of the 9/11 attacks.", "2001-09-11", "t.past",
	      "2001-09-11");
	check(state, "He spoke of the 9/11 attacks.", "1999-05-01", "t.past",
	      "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_toldyear_written),
		cmocka_unit_test(test_norm_toldyear_none),
		cmocka_unit_test(test_norm_toldyear_past_day),
	};
	return cmocka_run_group_tests(tests, setup, fc_test_rules_teardown);
}
