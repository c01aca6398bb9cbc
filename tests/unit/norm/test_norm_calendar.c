/*
** test_norm_calendar.c: holiday rules (norm_calendar.c) against known
** days: Gregorian rules, Western and Orthodox Easter, the Hebrew
** calendar with its leap years and postponements, the tabular Islamic
** calendar, moves off weekdays, and malformed rules; the lunisolar
** rules of norm_lunisolar.c against published days: Chinese New Year
** 2013-2026 and 2034 (after the leap eleventh month of 2033), festivals
** of leap years of the Chinese calendar, Singapore's Vesak, Diwali and
** other Hindu festivals in years that put the tithi at different times
** of day, Hindu solar months, Onam, the Parsi New Year, and Saudi
** Arabia's Islamic days by the Umm al-Qura rule.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "fc_test.h"
#include "extract/norm_p.h"

/* Day d as "YYYY-MM-DD", or "none". */
static const char *day_text(int32_t d)
{
	static char buf[16];
	if (d == INT32_MIN)
		return "none";
	int yy, mm, dd;
	fc_civil_from_days(d, &yy, &mm, &dd);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", yy, mm, dd);
	return buf;
}

/* The rule's day in year y as "YYYY-MM-DD", or "none". */
static const char *day_of(const char *rule, int y)
{
	return day_text(norm_holiday_day(rule, y));
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
	/* an Islamic date falls twice in 2000: Eid al-Fitr on 8 January
	** and 27 December (Umm al-Qura); once in 1999 and 2001; the other
	** calendars never */
	assert_string_equal(day_of("U:10-1", 2000), "2000-01-08");
	assert_string_equal(day_text(norm_holiday_day2("U:10-1", 2000)),
			    "2000-12-27");
	assert_string_equal(day_text(norm_holiday_day2("I:10-1+1", 2000)),
			    "2000-12-29"); /* tabular 28 December, +1 */
	assert_string_equal(day_text(norm_holiday_day2("U:10-1", 1999)),
			    "none");
	assert_string_equal(day_text(norm_holiday_day2("U:10-1", 2001)),
			    "none");
	assert_string_equal(day_text(norm_holiday_day2("J:7-10", 2000)),
			    "none");
	assert_string_equal(day_text(norm_holiday_day2("12-25", 2000)),
			    "none");
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

/* A rule, a year and the day it must give there. */
struct day_case {
	const char *rule;
	int y;
	const char *want;
};

static void check_days(const struct day_case *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strcmp(day_of(k[i].rule, k[i].y), k[i].want))
			print_error("%s in %d\n", k[i].rule, k[i].y);
		assert_string_equal(day_of(k[i].rule, k[i].y), k[i].want);
	}
}

#define CHECK_DAYS(cases) check_days(cases, sizeof(cases) / sizeof(*cases))

static void test_norm_lunisolar_chinese(void **state)
{
	(void)state;
	static const char *const cny[] = {
		"2013-02-10", "2014-01-31", "2015-02-19", "2016-02-08",
		"2017-01-28", "2018-02-16", "2019-02-05", "2020-01-25",
		"2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
		"2025-01-29", "2026-02-17",
	};
	for (int i = 0; i < 14; i++)
		assert_string_equal(day_of("C:1-1", 2013 + i), cny[i]);
	static const struct day_case cases[] = {
		/* 2033 has a leap eleventh month: the new year is the third
		** new moon after the solstice */
		{"C:1-1", 2034, "2034-02-19"},
		/* before 1929 the day is Beijing's: the new moon of 1916-02-03
		** 16:05 UT was after midnight in UTC+8 */
		{"C:1-1", 1916, "1916-02-03"},
		{"C:1-1-1", 2013, "2013-02-09"},
		/* mid-autumn after the leap fourth month of 2020, the Dragon
		** Boat Festival after the leap second month of 2023 */
		{"C:8-15", 2020, "2020-10-01"},
		{"C:8-15", 2013, "2013-09-19"},
		{"C:5-5", 2023, "2023-06-22"},
		{"C:1-15", 2018, "2018-03-02"},
		/* Vesak in Singapore */
		{"C:4-15", 2013, "2013-05-24"},
		{"C:4-15", 2015, "2015-06-01"},
		{"C:4-15", 2020, "2020-05-07"},
		{"C:4-15", 2023, "2023-06-02"},
	};
	CHECK_DAYS(cases);
}

static void test_norm_lunisolar_hindu(void **state)
{
	(void)state;
	/* Diwali: amavasya of Ashvin at sunset */
	static const char *const diwali[] = {
		"2017-10-19", "2018-11-07", "2019-10-27", "2020-11-14",
		"2021-11-04", "2022-10-24", "2023-11-12", "2024-10-31",
	};
	for (int i = 0; i < 8; i++)
		assert_string_equal(day_of("H:7-30s", 2017 + i), diwali[i]);
	static const struct day_case cases[] = {
		/* at sunrise it is the next day in 2019 */
		{"H:7-30", 2019, "2019-10-28"},
		{"H:7-28s", 2019, "2019-10-25"},	/* Dhanteras */
		{"H:8-2", 2019, "2019-10-29"},		/* Bhai Dooj */
		{"H:7-10", 2018, "2018-10-19"},	/* Dussehra */
		{"H:7-10", 2019, "2019-10-08"},
		{"H:1-1", 2018, "2018-03-18"},		/* Ugadi */
		{"H:1-1", 2019, "2019-04-06"},
		{"H:5-15", 2019, "2019-08-15"},	/* Raksha Bandhan */
		{"H:5-15", 2020, "2020-08-03"},
		{"H:6-4", 2018, "2018-09-13"},	/* Ganesh Chaturthi */
		{"H:11-29n", 2019, "2019-03-04"},	/* Maha Shivaratri */
		{"H:11-29n", 2021, "2021-03-11"},
		{"H:12-15s+1", 2018, "2018-03-02"},	/* Holi */
		{"H:12-15s+1", 2022, "2022-03-18"},
		{"H:7-19s", 2019, "2019-10-17"},	/* Karva Chauth */
		{"H:7-19s", 2022, "2022-10-13"},
		{"H:2-15", 2013, "2013-05-25"},	/* Buddha Purnima */
		/* Pausha shukla 7 came twice in 2014 and not in 2015 */
		{"H:10-7", 2014, "2014-01-07"},
		{"H:10-7", 2015, "none"},
	};
	CHECK_DAYS(cases);
}

static void test_norm_lunisolar_solar(void **state)
{
	(void)state;
	static const struct day_case cases[] = {
		/* Makara sankranti: 13:53 IST in 2018, after sunset in 2019 */
		{"S:10-1", 2018, "2018-01-14"},
		{"S:10-1", 2019, "2019-01-15"},
		{"S:1-1", 2019, "2019-04-14"},
		/* Bengali rule: 1 Boishakh the day after the entry, and 25
		** Boishakh (Rabindra Jayanti) */
		{"S@88.36,22.57:1-1n", 2018, "2018-04-15"},
		{"S@88.36,22.57:1-25n", 2019, "2019-05-09"},
		/* Onam (Thiruvonam in Chingam) */
		{"N@76.95,8.49:5-22", 2019, "2019-09-11"},
		{"N@76.95,8.49:5-22", 2020, "2020-08-31"},
		{"N@76.95,8.49:5-22", 2021, "2021-08-21"},
		{"N@76.95,8.49:5-22", 2022, "2022-09-08"},
		{"N@76.95,8.49:5-22", 2023, "2023-08-29"},
		/* Parsi New Year: a day earlier every fourth year */
		{"Z:1-1", 2018, "2018-08-17"},
		{"Z:1-1", 2020, "2020-08-16"},
		{"Z:1-1", 2024, "2024-08-15"},
		{"Z:1-1-1", 2018, "2018-08-16"},
	};
	CHECK_DAYS(cases);
}

static void test_norm_calendar_umm_al_qura(void **state)
{
	(void)state;
	static const struct day_case cases[] = {
		/* Saudi Arabia's Eid al-Fitr, Eid al-Adha and 1 Ramadan */
		{"U:10-1", 2018, "2018-06-15"},
		{"U:10-1", 2019, "2019-06-04"},
		{"U:10-1", 2022, "2022-05-02"},
		{"U:10-1", 2023, "2023-04-21"},
		{"U:12-10", 2018, "2018-08-21"},
		{"U:12-10", 2019, "2019-08-11"},
		{"U:12-10", 2023, "2023-06-28"},
		{"U:12-10", 2024, "2024-06-16"},
		{"U:9-1", 2024, "2024-03-11"},
		/* the tabular calendar is a day late in 2018 */
		{"I:12-10", 2018, "2018-08-22"},
		{"U:13-1", 2018, "none"},
		{"U:1-31", 2018, "none"},
	};
	CHECK_DAYS(cases);
}

static void test_norm_lunisolar_bad_rules(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"C:13-1", "C:1-31", "C:1-1s", "H:1-31", "H:0-1", "H:1-1x",
		"H@200,1:1-1", "H@77:1-1", "S:1-33", "N:5-28", "Z:13-6",
		"Z:1-1r", "H:", "C:1", "H@77.2,28.6", "Q:1-1",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		assert_string_equal(day_of(bad[i], 2024), "none");
	assert_string_equal(day_of("C:1-1", 999), "none");
	assert_string_equal(day_of("H:1-1", 3001), "none");
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
		cmocka_unit_test(test_norm_lunisolar_chinese),
		cmocka_unit_test(test_norm_lunisolar_hindu),
		cmocka_unit_test(test_norm_lunisolar_solar),
		cmocka_unit_test(test_norm_lunisolar_bad_rules),
		cmocka_unit_test(test_norm_calendar_umm_al_qura),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
