/*
** test_norm_calendar.c: holiday rules (norm_calendar.c) against known
** days: Gregorian rules, Western and Orthodox Easter, the Hebrew
** calendar with its leap years and postponements, the tabular Islamic
** calendar, moves off weekdays, and malformed rules.
*/
#include <limits.h>
#include <stdio.h>

#include "fc_test.h"
#include "extract/norm_p.h"

/* The rule's day in year y as "YYYY-MM-DD", or "none". */
static const char *day_of(const char *rule, int y)
{
	static char buf[16];
	int32_t d = norm_holiday_day(rule, y);
	if (d == INT32_MIN)
		return "none";
	int yy, mm, dd;
	fc_civil_from_days(d, &yy, &mm, &dd);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", yy, mm, dd);
	return buf;
}

static void test_norm_calendar_gregorian(void **state)
{
	(void)state;
	assert_string_equal(day_of("12-25", 2024), "2024-12-25");
	assert_string_equal(day_of("11-4-4", 2013), "2013-11-28");
	assert_string_equal(day_of("05-1-L", 2026), "2026-05-25");
	assert_string_equal(day_of("11-4-4+1", 2013), "2013-11-29");
	assert_string_equal(day_of("02-29", 2024), "2024-02-29");
	assert_string_equal(day_of("02-29", 2025), "none");
}

static void test_norm_calendar_easter(void **state)
{
	(void)state;
	assert_string_equal(day_of("E", 2024), "2024-03-31");
	assert_string_equal(day_of("E-2", 2024), "2024-03-29");
	assert_string_equal(day_of("E+49", 2013), "2013-05-19");
	assert_string_equal(day_of("O", 2024), "2024-05-05");
	assert_string_equal(day_of("O-48", 2018), "2018-02-19");
}

static void test_norm_calendar_hebrew(void **state)
{
	(void)state;
	assert_string_equal(day_of("J:7-1", 2024), "2024-10-03");
	assert_string_equal(day_of("J:7-10", 2018), "2018-09-19");
	assert_string_equal(day_of("J:1-15", 2024), "2024-04-23");
	/* Adar is Adar II in a leap year (5784) */
	assert_string_equal(day_of("J:12-14", 2024), "2024-03-24");
	assert_string_equal(day_of("J:12-14", 2013), "2013-02-24");
	/* Tisha b'Av 2018 fell on a Saturday: moved to Sunday */
	assert_string_equal(day_of("J:5-9", 2018), "2018-07-21");
	assert_string_equal(day_of("J:5-9/6+1", 2018), "2018-07-22");
	/* Yom Ha'atzmaut 2018 (Iyar 5, a Friday): Thursday */
	assert_string_equal(day_of("J:2-5/5-1/6-2/1+1", 2018), "2018-04-19");
	assert_string_equal(day_of("J:2-18", 2017), "2017-05-14");
	assert_string_equal(day_of("J:11-15", 2018), "2018-01-31");
}

static void test_norm_calendar_islamic(void **state)
{
	(void)state;
	assert_string_equal(day_of("I:10-1", 2018), "2018-06-15");
	assert_string_equal(day_of("I:12-10", 1966), "1966-04-01");
	assert_string_equal(day_of("I:9-27", 2017), "2017-06-22");
	/* the last Friday of Ramadan */
	assert_string_equal(day_of("I:10-1-1/6-1/7-2/1-3/2-4/3-5/4-6", 2017),
			    "2017-06-23");
}

static void test_norm_calendar_weekday_moves(void **state)
{
	(void)state;
	/* October 16: a Sunday in 2016, a Saturday in 2021 */
	assert_string_equal(day_of("10-16/6-1/7+1", 2016), "2016-10-17");
	assert_string_equal(day_of("10-16/6-1/7+1", 2021), "2021-10-15");
	assert_string_equal(day_of("10-16/6-1/7+1", 2019), "2019-10-16");
	assert_string_equal(day_of("04-27/7-1", 2014), "2014-04-26");
}

static void test_norm_calendar_bad_rules(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"13-01", "00-10", "J:14-1", "J:7-31", "I:0-1", "E+",
		"10-16/8+1", "10-16/6+", "12-25x", "", "J:", "11-9-1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_string_equal(day_of(bad[i], 2024), "none");
	assert_string_equal(day_of("12-25", 0), "none");
	assert_string_equal(day_of("12-25", 9999), "none");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_calendar_gregorian),
		cmocka_unit_test(test_norm_calendar_easter),
		cmocka_unit_test(test_norm_calendar_hebrew),
		cmocka_unit_test(test_norm_calendar_islamic),
		cmocka_unit_test(test_norm_calendar_weekday_moves),
		cmocka_unit_test(test_norm_calendar_bad_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
