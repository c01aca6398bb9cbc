/*
** test_jsonexact.c: fc_json_num_at writes the longer decimals (up to 17
** digits, 1e-4 <= |v| < 1e15) with 128-bit integer arithmetic instead of
** printf and strtod (json.c, exact_decimal). Its text must be the
** shortest "%.Pg" from P = 6 that strtod reads back as v, on the numbers
** products of news numbers give (55.00000000000001), on any double of
** the range, on halfway digits (ties) and at the edges of the binades.
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "speed_rnd.h"

/* What printf and strtod say: whole numbers as "%.0f", else the
** fewest digits from 6 that read back. */
static void ref_num(char *out, double v)
{
	if (v == floor(v) && fabs(v) < 1e15) {
		snprintf(out, 40, "%.0f", v);
		return;
	}
	for (int p = 6; p <= 17; p++) {
		snprintf(out, 40, "%.*g", p, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static size_t nchecked;

static void num_matches(double v)
{
	char got[FC_JSON_NUM_MAX + 1], want[40];
	if (!isfinite(v))
		return;
	got[fc_json_num_at(got, v)] = '\0';
	ref_num(want, v);
	if (strcmp(got, want))
		fail_msg("%.17g: got %s, want %s", v, got, want);
	nchecked++;
}

static void both(double v)
{
	num_matches(v);
	num_matches(-v);
}

/* Products and sums of short decimals, as the producers compute. */
static void test_products_of_decimals(void **state)
{
	(void)state;
	static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
	for (int round = 0; round < 100000; round++) {
		uint64_t r = rnd();
		double a = (double)(r % 100000) / p10[(r >> 20) % 7];
		double b = (double)((r >> 24) % 10000) / p10[(r >> 40) % 7];
		both(a * b);
		both(a + b);
		both(a * 1.1);
		both(a * 0.55 * 1e6);
	}
	both(55.00000000000001);
	both(16500000000.000002);
	both(6.6000000000000005);
	both(0.1 + 0.2);
}

/* Any double of the range, uniform in its exponent. */
static void test_any_double_in_range(void **state)
{
	(void)state;
	for (int round = 0; round < 200000; round++) {
		uint64_t r = rnd();
		double f = ldexp((double)(r >> 11), -53); /* [0, 1) */
		int e = (int)(rnd() % 70) - 16;            /* 2^-16 .. 2^53 */
		both(ldexp(0.5 + f / 2, e));
	}
}

/* Halfway digits: v = k / 2^j holds exactly the digits 5 at the end
** ("...125"), so rounding to fewer digits meets ties; and the binades'
** first and last doubles (an ulp below is half the one above). */
static void test_ties_and_binade_edges(void **state)
{
	(void)state;
	for (int round = 0; round < 100000; round++) {
		uint64_t r = rnd();
		int j = 1 + (int)(r % 12);
		uint64_t k = (r >> 8) % (1ull << (49 - j));
		both(ldexp((double)(2 * k + 1), -j));
	}
	for (int e = -14; e <= 50; e++) {
		double p = ldexp(1, e);
		both(p);
		both(nextafter(p, 0));
		both(nextafter(p, INFINITY));
		both(nextafter(nextafter(p, 0), 0));
	}
	for (int e = -4; e <= 15; e++) {
		double p = pow(10, e);
		both(nextafter(p, 0));
		both(nextafter(p, INFINITY));
		both(p * (1 - DBL_EPSILON));
		both(p - 0.5);
	}
	both(1e15 - 0.125);
	both(0.0001);
	both(0.00010000000000000002);
	both(999999999999999.9);
	assert_true(nchecked > 1000000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_products_of_decimals),
		cmocka_unit_test(test_any_double_in_range),
		cmocka_unit_test(test_ties_and_binade_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
