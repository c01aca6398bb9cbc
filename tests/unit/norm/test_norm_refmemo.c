/*
** test_norm_refmemo.c: a shift with base ref ("in 7 days at 5pm",
** norm_shift.c) reads its inner clock from a moved reference, and the
** span tells the day: the clock is on the seventh day whatever the text
** says before it. It once looked back from the moved reference and took
** the day of "Tomorrow" read from there (2013-03-13, a day after the
** span's end), and before the look-back's caches (norm_anchor.c: the
** memo of relative times and the kept windows) were keyed by the
** reference, that day also depended on whether some other mention had
** looked back first. A cache must give what a reading without it gives.
*/
#include "fc_test.h"

/* The value of span in text (ref 2013-03-05T10:00). */
static const char *val(void **state, struct fc_arena *a, const char *text,
		       const char *span)
{
	const char *v =
		fc_test_time_value(*state, a, text, "2013-03-05T10:00", span);
	assert_non_null(v);
	return v;
}

/* The shift reads the same with and without an earlier look-back that
** read "Tomorrow" against the document's reference (2013-03-06): seven
** days from the reference (2013-03-12) at 5pm, never the day after. */
static void test_moved_ref_reads_its_own(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *alone = "Tomorrow the summit opens. Leaders arrive. They "
			    "will meet again in 7 days at 5pm.";
	const char *after = "Tomorrow the summit opens. That day leaders "
			    "arrive. They will meet again in 7 days at 5pm.";
	assert_string_equal(val(state, &a, alone, "in 7 days at 5pm"),
			    "2013-03-12T17:00");
	assert_string_equal(val(state, &a, after, "That day"), "2013-03-06");
	assert_string_equal(val(state, &a, after, "in 7 days at 5pm"),
			    "2013-03-12T17:00");
	/* a chain before it: read against the document's reference */
	const char *chain = "Tomorrow the summit opens. The following day "
			    "leaders arrive. They will meet again in 7 days "
			    "at 5pm.";
	assert_string_equal(val(state, &a, chain, "The following day"),
			    "2013-03-07");
	assert_string_equal(val(state, &a, chain, "in 7 days at 5pm"),
			    "2013-03-12T17:00");
	/* the clock of a shift without base ref still finds its day in
	** the text ("15 minutes from 1pm" after "Tomorrow") */
	const char *from = "Tomorrow the summit opens. They will meet again "
			   "15 minutes from 1pm.";
	assert_string_equal(val(state, &a, from, "15 minutes from 1pm"),
			    "2013-03-06T13:15");
	fc_arena_finish(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moved_ref_reads_its_own),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
