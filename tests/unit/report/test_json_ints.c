/*
** test_json_ints.c: fc_json_int_at (src/core/json.c), which writes the
** offsets of every mention line, against printf: every value below
** 2,000,000, every 997th up to 10^8 (its eight-digit path, digits8),
** the values around each power of ten and each eight-digit boundary,
** and negative ones.
*/
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "fc_test.h"

static void check(int64_t v)
{
	char got[32], want[32];
	memset(got, 'x', sizeof(got));
	size_t k = fc_json_int_at(got, v);
	got[k] = '\0';
	snprintf(want, sizeof(want), "%" PRId64, v);
	if (strcmp(got, want))
		fail_msg("%" PRId64 ": wrote %s", v, got);
}

static void test_ints_equal_printf(void **state)
{
	(void)state;
	for (int64_t v = 0; v < 2000000; v++)
		check(v);
	for (int64_t v = 2000000; v < 100000000; v += 997)
		check(v);
	for (int64_t p = 1; p <= INT64_MAX / 10; p *= 10)
		for (int64_t d = -2; d <= 2; d++) {
			check(p + d);
			check(-(p + d));
		}
	static const int64_t edges[] = {
		9999,     10000,    10001,     99999999, 100000000,
		99990000, 12345678, 87654321,  10009999, 99999,
		INT64_MAX, INT64_MIN, -1,      -99999999,
	};
	for (size_t i = 0; i < sizeof(edges) / sizeof(*edges); i++)
		check(edges[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ints_equal_printf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
