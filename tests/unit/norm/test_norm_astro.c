/*
** test_norm_astro.c: the sun and moon positions of norm_astro.c against
** published instants: new and full moons and a solar eclipse (NASA /
** USNO phase tables), an equinox and a solstice, and sunrise and sunset
** in London on the June solstice, the moon at sunset around a new moon.
*/
#include <math.h>

#include "fc_test.h"
#include "extract/norm_p.h"

/* The instant y-mo-d hh:mm UT in days since 1970. */
static double at(int y, int mo, int d, int hh, int mm)
{
	return fc_days_from_civil(y, mo, d) + (hh * 60 + mm) / 1440.0;
}

/* Minutes between two instants. */
static double minutes(double a, double b)
{
	return fabs(a - b) * 1440.0;
}

static void test_norm_astro_new_moons(void **state)
{
	(void)state;
	static const int nm[][5] = {
		{2000, 1, 6, 18, 14},  {2013, 2, 10, 7, 20},
		{2017, 8, 21, 18, 30}, /* the total solar eclipse */
		{2024, 4, 8, 18, 21},
	};
	for (size_t i = 0; i < sizeof(nm) / sizeof(*nm); i++) {
		double want = at(nm[i][0], nm[i][1], nm[i][2], nm[i][3],
				 nm[i][4]);
		double got = norm_elongation_after(want - 5, 0);
		assert_true(minutes(got, want) < 3);
	}
	/* the full moon of 2013-05-25 04:25 UT */
	double fm = at(2013, 5, 25, 4, 25);
	assert_true(minutes(norm_elongation_after(fm - 10, 180), fm) < 3);
	/* between, the elongation grows about 12 degrees a day */
	double e = norm_elongation(at(2013, 2, 11, 7, 20));
	assert_true(e > 10 && e < 14);
}

static void test_norm_astro_sun(void **state)
{
	(void)state;
	double eq = at(2020, 3, 20, 3, 50), ws = at(2013, 12, 21, 17, 11);
	assert_true(minutes(norm_sun_longitude_after(eq - 20, 0), eq) < 10);
	assert_true(minutes(norm_sun_longitude_after(ws - 20, 270), ws) < 10);
	assert_true(fabs(norm_sun_longitude(ws) - 270) < 0.01);
	/* Lahiri ayanamsa: 23 deg 51' in 2000, 24 deg 07' in 2018 */
	assert_true(fabs(norm_ayanamsa(at(2000, 1, 1, 12, 0)) - 23.857) < 0.01);
	assert_true(fabs(norm_ayanamsa(at(2018, 1, 1, 0, 0)) - 24.11) < 0.01);
}

static void test_norm_astro_sunrise(void **state)
{
	(void)state;
	/* London (51.48 N, 0.0) on 2013-06-21: 04:43 and 21:21 BST */
	int32_t d = fc_days_from_civil(2013, 6, 21);
	assert_true(minutes(norm_sun_event(d, 0, 51.48, 'r'),
			    at(2013, 6, 21, 3, 43)) < 3);
	assert_true(minutes(norm_sun_event(d, 0, 51.48, 's'),
			    at(2013, 6, 21, 20, 21)) < 3);
	/* the moon sets before the sun the evening before a new moon (Mecca,
	** 2018-08-11 09:58 UT) and after it the evening after */
	assert_false(norm_moon_up_at_sunset(fc_days_from_civil(2018, 8, 10),
					    39.83, 21.42));
	assert_true(norm_moon_up_at_sunset(fc_days_from_civil(2018, 8, 12),
					   39.83, 21.42));
	/* local midnight is solar noon plus 12 hours: about 00:02 UT */
	assert_true(minutes(norm_sun_event(d, 0, 51.48, 'n'),
			    at(2013, 6, 22, 0, 2)) < 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm_astro_new_moons),
		cmocka_unit_test(test_norm_astro_sun),
		cmocka_unit_test(test_norm_astro_sunrise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
