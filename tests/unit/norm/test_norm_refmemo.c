/*
** test_norm_refmemo.c: the look-back's caches (norm_anchor.c: the memo
** of relative times and the kept windows) are keyed by the reference.
** A shift with base ref ("in 7 days at 5pm", norm_shift.c) reads its
** inner clock from a moved reference, and that reading looks back: the
** relative times of the window ("Tomorrow") are read against the moved
** reference there. Before the key held the reference, a reading kept
** from an earlier look-back against the document's reference ("That
** day" before the shift) was given to the moved one, so the value of
** the shift depended on whether some other mention had looked back
** first. A cache must give what a reading without it gives.
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
** read "Tomorrow" against the document's reference (2013-03-06): from
** the moved reference (2013-03-12) "Tomorrow" is 2013-03-13, a day
** after it, and the future clock is on that day (clock_day_told). */
static void test_moved_ref_reads_its_own(void **state)
{
	struct fc_arena a;
	fc_arena_init(&a);
	const char *alone = "Tomorrow the summit opens. Leaders arrive. They "
			    "will meet again in 7 days at 5pm.";
	const char *after = "Tomorrow the summit opens. That day leaders "
			    "arrive. They will meet again in 7 days at 5pm.";
	assert_string_equal(val(state, &a, alone, "in 7 days at 5pm"),
			    "2013-03-13T17:00");
	assert_string_equal(val(state, &a, after, "That day"), "2013-03-06");
	assert_string_equal(val(state, &a, after, "in 7 days at 5pm"),
			    "2013-03-13T17:00");
	/* a chain read against either reference: each its own */
	const char *chain = "Tomorrow the summit opens. The following day "
			    "leaders arrive. They will meet again in 7 days "
			    "at 5pm.";
	assert_string_equal(val(state, &a, chain, "The following day"),
			    "2013-03-07");
	assert_string_equal(val(state, &a, chain, "in 7 days at 5pm"),
			    "2013-03-14T17:00");
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
