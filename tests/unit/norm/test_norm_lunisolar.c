/*
** test_norm_lunisolar.c: the rules of norm_lunisolar.c against published
** days: Chinese New Year 2013-2026 and 2034 (after the leap eleventh
** month of 2033), festivals of leap years of the Chinese calendar,
** Singapore's Vesak, Diwali and other Hindu festivals in years that put
** the tithi at different times of day, Hindu solar months, Onam, the
** Parsi New Year, and malformed rules.
*/
#include <limits.h>
#include <stdio.h>

#include "fc_test.h"
#include "extract/norm_p.h"

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
	/* 2033 has a leap eleventh month: the new year is the third new
	** moon after the solstice */
	assert_string_equal(day_of("C:1-1", 2034), "2034-02-19");
	assert_string_equal(day_of("C:1-1-1", 2013), "2013-02-09");
	/* mid-autumn after the leap fourth month of 2020, the Dragon Boat
	** Festival after the leap second month of 2023 */
	assert_string_equal(day_of("C:8-15", 2020), "2020-10-01");
	assert_string_equal(day_of("C:8-15", 2013), "2013-09-19");
	assert_string_equal(day_of("C:5-5", 2023), "2023-06-22");
	assert_string_equal(day_of("C:1-15", 2018), "2018-03-02");
	/* Vesak in Singapore */
	assert_string_equal(day_of("C:4-15", 2013), "2013-05-24");
	assert_string_equal(day_of("C:4-15", 2015), "2015-06-01");
	assert_string_equal(day_of("C:4-15", 2020), "2020-05-07");
	assert_string_equal(day_of("C:4-15", 2023), "2023-06-02");
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
	/* at sunrise it is the next day in 2019 */
	assert_string_equal(day_of("H:7-30", 2019), "2019-10-28");
	assert_string_equal(day_of("H:7-28s", 2019), "2019-10-25");
	assert_string_equal(day_of("H:8-2", 2019), "2019-10-29");
	assert_string_equal(day_of("H:7-10", 2018), "2018-10-19");
	assert_string_equal(day_of("H:7-10", 2019), "2019-10-08");
	assert_string_equal(day_of("H:1-1", 2018), "2018-03-18");
	assert_string_equal(day_of("H:1-1", 2019), "2019-04-06");
	assert_string_equal(day_of("H:5-15", 2019), "2019-08-15");
	assert_string_equal(day_of("H:5-15", 2020), "2020-08-03");
	assert_string_equal(day_of("H:6-4", 2018), "2018-09-13");
	assert_string_equal(day_of("H:11-29n", 2019), "2019-03-04");
	assert_string_equal(day_of("H:11-29n", 2021), "2021-03-11");
	assert_string_equal(day_of("H:12-15s+1", 2018), "2018-03-02");
	assert_string_equal(day_of("H:12-15s+1", 2022), "2022-03-18");
	assert_string_equal(day_of("H:7-19s", 2019), "2019-10-17");
	assert_string_equal(day_of("H:7-19s", 2022), "2022-10-13");
	assert_string_equal(day_of("H:2-15", 2013), "2013-05-25");
	/* Pausha shukla 7 came twice in 2014 and not at all in 2015 */
	assert_string_equal(day_of("H:10-7", 2014), "2014-01-07");
	assert_string_equal(day_of("H:10-7", 2015), "none");
}

static void test_norm_lunisolar_solar(void **state)
{
	(void)state;
	/* Makara sankranti: 13:53 IST in 2018, after sunset in 2019 */
	assert_string_equal(day_of("S:10-1", 2018), "2018-01-14");
	assert_string_equal(day_of("S:10-1", 2019), "2019-01-15");
	assert_string_equal(day_of("S:1-1", 2019), "2019-04-14");
	/* Bengali rule: 1 Boishakh the day after the entry, 25 Boishakh */
	assert_string_equal(day_of("S@88.36,22.57:1-1n", 2018), "2018-04-15");
	assert_string_equal(day_of("S@88.36,22.57:1-25n", 2019),
			    "2019-05-09");
	/* Onam (Thiruvonam in Chingam) */
	assert_string_equal(day_of("N@76.95,8.49:5-22", 2019), "2019-09-11");
	assert_string_equal(day_of("N@76.95,8.49:5-22", 2020), "2020-08-31");
	assert_string_equal(day_of("N@76.95,8.49:5-22", 2021), "2021-08-21");
	assert_string_equal(day_of("N@76.95,8.49:5-22", 2022), "2022-09-08");
	assert_string_equal(day_of("N@76.95,8.49:5-22", 2023), "2023-08-29");
	/* Parsi New Year: a day earlier every fourth year */
	assert_string_equal(day_of("Z:1-1", 2018), "2018-08-17");
	assert_string_equal(day_of("Z:1-1", 2020), "2020-08-16");
	assert_string_equal(day_of("Z:1-1", 2024), "2024-08-15");
	assert_string_equal(day_of("Z:1-1-1", 2018), "2018-08-16");
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
		cmocka_unit_test(test_norm_lunisolar_chinese),
		cmocka_unit_test(test_norm_lunisolar_hindu),
		cmocka_unit_test(test_norm_lunisolar_solar),
		cmocka_unit_test(test_norm_lunisolar_bad_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
