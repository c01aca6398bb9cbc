/*
** test_norm_shift.c: the productions of norm_shift.c (shift, nth_in,
** closest) and the compound.yaml forms, under the news reading (the
** built-in suite) and the future reading (bench/prefer-future), with
** exact values, and where they must give nothing.
*/
#include <stdio.h>

#include "fc_test.h"

#define BENCH FC_SOURCE_ROOT "/bench/prefer-future"

struct tcase {
	const char *text, *ref, *span;
	const char *news, *future; /* NULL: no mention with that text */
};

#define DUCK "2013-02-12T04:30:00-02:00" /* a Tuesday */

static const struct tcase cases[] = {
	/* shift: the reference moves, the holiday or month is read in
	** that year */
	{"Thanksgiving in a year.", DUCK, "Thanksgiving in a year",
	 "2014-11-27", "2014-11-27"},
	{"Thanksgiving 3 months ago.", DUCK, "Thanksgiving 3 months ago",
	 "2012-11-22", "2012-11-22"},
	{"They met in March two years ago.", "2013-02-12",
	 "March two years ago", "2011-03", "2011-03"},
	{"March in 1 year.", DUCK, "March in 1 year", "2014-03", "2014-03"},
	/* the value moves at its own grain */
	{"It ends 3 years from today.", DUCK, "3 years from today",
	 "2016-02-12", "2016-02-12"},
	{"Two months from today.", "2013-12-31", "Two months from today",
	 "2014-02-28", "2014-02-28"},
	{"March after next.", DUCK, "March after next", "2014-03",
	 "2014-03"},
	{"Christmas after next.", DUCK, "Christmas after next",
	 "2014-12-25", "2014-12-25"},
	{"15 minutes from 1pm.", DUCK, "15 minutes from 1pm",
	 "2013-02-12T13:15", "2013-02-12T13:15"},
	{"a day from right now", DUCK, "a day from right now",
	 "2013-02-13T04:30:00", "2013-02-13T04:30:00"},
	{"in 2 and an half hours", DUCK, "in 2 and an half hours", NULL,
	 "2013-02-12T07:00:00"},
	{"in an hour and a half", DUCK, "in an hour and a half", NULL,
	 "2013-02-12T06:00:00"},
	{"a week from Monday", DUCK, "a week from Monday", "2013-02-25",
	 "2013-02-25"},
	/* "this" holiday: the coming one, unless a past verb */
	{"this MLK day", DUCK, "this MLK day", "2014-01-20", "2014-01-20"},
	{"It snowed this MLK day.", DUCK, "this MLK day", "2013-01-21",
	 "2013-01-21"},
	{"two weeks before Christmas", DUCK, "two weeks before Christmas",
	 "2012-12-11", "2013-12-11"},
	/* no years: which Christmas is left open */
	{"a year after Christmas", DUCK, "a year after Christmas", NULL,
	 NULL},
	/* a clock span needs the reference's time of day */
	{"a day from right now", "2013-02-12", "a day from right now", NULL,
	 NULL},
	{"in 7 days at 5pm", DUCK, "in 7 days at 5pm", "2013-02-19T17:00",
	 "2013-02-19T17:00"},
	{"in 7 days at 5pm", "2013-02-12", "in 7 days at 5pm",
	 "2013-02-19T17:00", "2013-02-19T17:00"},
	/* nth_in: weeks holding their Thursday inside, days from the end */
	{"first week of october 2014", DUCK, "first week of october 2014",
	 "2014-W40", "2014-W40"},
	{"last week of september 2014", DUCK,
	 "last week of september 2014", "2014-W39", "2014-W39"},
	{"the 3rd last week of 2018", DUCK, "the 3rd last week of 2018",
	 "2018-W50", "2018-W50"},
	{"the second last week of October 2018", DUCK,
	 "the second last week of October 2018", "2018-W42", "2018-W42"},
	{"the 5th last day of May", DUCK, "the 5th last day of May",
	 "2013-05-27", "2013-05-27"},
	/* a year with no reference still places it */
	{"the 3rd last week of 2018", NULL, "the 3rd last week of 2018",
	 "2018-W50", "2018-W50"},
	/* no sixth week of February */
	{"the sixth week of February 2015", DUCK,
	 "the sixth week of February 2015", NULL, NULL},
	/* closest, after */
	{"the closest Monday to Oct 5th", DUCK,
	 "the closest Monday to Oct 5th", "2012-10-08", "2013-10-07"},
	{"the second closest Mon to October fifth", DUCK,
	 "the second closest Mon to October fifth", "2012-10-01",
	 "2013-09-30"},
	{"the closest xmas to today", DUCK, "the closest xmas to today",
	 "2012-12-25", "2012-12-25"},
	{"the 3rd closest xmas to today", DUCK,
	 "the 3rd closest xmas to today", "2011-12-25", "2011-12-25"},
	{"third tuesday after christmas 2014", DUCK,
	 "third tuesday after christmas 2014", "2015-01-13", "2015-01-13"},
	{"the first Friday before Easter 2013", DUCK,
	 "the first Friday before Easter 2013", "2013-03-29", "2013-03-29"},
	/* weekday and day of the month, by reading */
	{"Thu 15th", DUCK, "Thu 15th", "2012-11-15", "2013-08-15"},
	/* forms an assistant is asked alone (reading: future) */
	{"sat", DUCK, "sat", NULL, "2013-02-16"},
	{"March", DUCK, "March", NULL, "2013-03"},
	{"May", DUCK, "May", NULL, "2013-05"},
	{"7p", DUCK, "7p", NULL, "2013-02-12T19:00"},
	{"15h", DUCK, "15h", NULL, "2013-02-12T15:00"},
	{"tonight 815", DUCK, "tonight 815", "2013-02-12T20:15",
	 "2013-02-12T20:15"},
	{"3 in the AM", DUCK, "3 in the AM", "2013-02-12T03:00",
	 "2013-02-13T03:00"},
	/* Sunday 2013-10-06 begins a week; Saturday 2012-10-06 is in one */
	{"the week of october 6th", DUCK, "the week of october 6th",
	 "2012-W40", "2013-W41"},
	{"in 14 a.d.", DUCK, "14 a.d.", "0014", "0014"},
	{"in 2014 BC", DUCK, "2014", NULL, NULL},
	{"10-31-74", DUCK, "10-31-74", "1974-10-31", "1974-10-31"},
	{"the ides of march", DUCK, "the ides of march", "2013-03-15",
	 "2013-03-15"},
};

static void run(const char *const *dirs, bool is_future)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	assert_int_equal(fc_rules_load(dirs, 1, &r, &d), FC_OK);
	struct fc_arena a;
	fc_arena_init(&a);
	size_t nbad = 0;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const struct tcase *c = &cases[i];
		const char *want = is_future ? c->future : c->news;
		const char *got =
			fc_test_time_value(r, &a, c->text, c->ref, c->span);
		if (!want != !got || (want && strcmp(want, got))) {
			print_error("%s \"%s\": want %s, got %s\n",
				    is_future ? "future" : "news", c->text,
				    want ? want : "(none)",
				    got ? got : "(none)");
			nbad++;
		}
	}
	assert_int_equal(nbad, 0);
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
}

static void test_norm_shift_news(void **state)
{
	(void)state;
	run(NULL, false);
}

static void test_norm_shift_future(void **state)
{
	(void)state;
	const char *dirs[] = {BENCH, NULL};
	run(dirs, true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_shift_news),
		cmocka_unit_test(test_norm_shift_future),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
