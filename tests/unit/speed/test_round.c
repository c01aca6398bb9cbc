/*
** test_round.c: norm_round (norm_number.c) skips the %.15g round trip
** for values that are the double nearest a decimal of at most 15
** digits; it must still give exactly what the round trip gives. Checked
** on decimals as the reader makes them ("1.2", "-0.075"), on products
** with scales ("$1.2bn": 1.2 x 1e9), on quotients ("3/7") and on random
** bit patterns.
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"
#include "extract/norm_p.h"

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double reference(double x)
{
	char buf[40];
	if (!isfinite(x) || x == 0)
		return x;
	snprintf(buf, sizeof(buf), "%.15g", x);
	return strtod(buf, NULL);
}

static void same(double x)
{
	double got = norm_round(x), want = reference(x);
	if (memcmp(&got, &want, sizeof(got))) {
		print_error("norm_round(%.17g) = %.17g, want %.17g\n", x, got,
			    want);
		fail();
	}
}

static void test_decimals(void **state)
{
	(void)state;
	static const double scale[] = {1, 1e3, 1e6, 1e9, 1e12, 0.01};
	for (int i = 0; i < 200000; i++) {
		/* "-I.F": I of 0 to 9 digits, F of 1 to 9 */
		char buf[40];
		int fd = 1 + (int)(next() % 9);
		unsigned long long ip = next() % (1 + next() % 1000000000ull);
		unsigned long long fp = next() % (unsigned long long)pow(10, fd);
		snprintf(buf, sizeof(buf), "%s%llu.%0*llu",
			 next() & 1 ? "-" : "", ip, fd, fp);
		double x = strtod(buf, NULL);
		same(x);
		same(x * scale[next() % 6]);
	}
	same(1.2);
	same(1.2 * 1e9);
	same(0.1 + 0.2);
	same(-0.075);
	same(123456789012345.6);
	same(3.0 / 7.0);
}

static void test_random_bits(void **state)
{
	(void)state;
	for (int i = 0; i < 200000; i++) {
		uint64_t b = next();
		double x;
		memcpy(&x, &b, sizeof(x));
		same(x);
		same(ldexp((double)(next() >> 11), -(int)(next() % 60)));
	}
	same(DBL_MIN);
	same(DBL_TRUE_MIN);
	same(DBL_MAX);
	same(-DBL_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decimals),
		cmocka_unit_test(test_random_bits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
