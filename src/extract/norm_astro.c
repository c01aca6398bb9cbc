/*
** norm_astro.c: the positions of the sun and the moon that lunar and
** lunisolar calendars are built on (norm_lunisolar.c), from published
** formulas (J. Meeus, Astronomical Algorithms, 2nd ed.):
**
**   the sun's apparent longitude   ch. 25, the low-accuracy solution
**                                  (0.01 degree)
**   the moon's longitude           ch. 47, the terms of the ELP-2000/82
**                                  series down to 0.0005 degree
**   Delta T (TT - UT)              Espenak and Meeus's polynomials
**                                  (1986-2050) and the long-term parabola
**   sunrise and sunset             the sun's declination and the equation
**                                  of time at local noon, with the usual
**                                  -0.833 degree altitude (ch. 15)
**   the moon at sunset             its latitude (table 47.B), equatorial
**                                  coordinates and hour angle (ch. 12, 13)
**
** New moons, full moons and tithi boundaries are the instants at which
** the moon-minus-sun elongation crosses a value, solar terms and
** sankrantis those at which the sun's longitude does: both are found by
** iteration, to well under a minute of the series (which are good to a
** few minutes). Times are days since 1970-01-01 00:00 UT.
*/
#include <math.h>
#include <stdlib.h>

#include "extract/norm_p.h"

#define PI 3.14159265358979323846
#define RAD (PI / 180.0)
#define J2000 10957.5 /* 2000-01-01 12:00 TT, in days since 1970 */

static double norm360(double x)
{
	x = fmod(x, 360.0);
	return x < 0 ? x + 360.0 : x;
}

static double wrap180(double x)
{
	x = norm360(x);
	return x >= 180.0 ? x - 360.0 : x;
}

/* TT - UT in days at time t. */
static double delta_t(double t)
{
	double y = 1970.0 + t / 365.2425, u = y - 2000.0, s;
	if (y >= 2005.0 && y < 2050.0) {
		s = 62.92 + 0.32217 * u + 0.005589 * u * u;
	} else if (y >= 1986.0 && y < 2005.0) {
		s = 63.86 + u * (0.3345 + u * (-0.060374 + u * (0.0017275 +
		    u * (0.000651814 + u * 0.00002373599))));
	} else if (y >= 1961.0 && y < 1986.0) {
		u = y - 1975.0;
		s = 45.45 + u * (1.067 + u * (-1.0 / 260 - u / 718));
	} else {
		u = (y - 1820.0) / 100.0;
		s = -20.0 + 32.0 * u * u;
	}
	return s / 86400.0;
}

/* Julian centuries of TT since J2000 at UT time t. */
static double centuries(double t)
{
	return (t + delta_t(t) - J2000) / 36525.0;
}

/* The sun's geometric mean longitude and apparent longitude at T. */
static void sun_at(double T, double *mean, double *apparent)
{
	double l0 = 280.46646 + T * (36000.76983 + T * 0.0003032);
	double m = (357.52911 + T * (35999.05029 - T * 0.0001537)) * RAD;
	double c = (1.914602 - T * (0.004817 + T * 0.000014)) * sin(m) +
		   (0.019993 - T * 0.000101) * sin(2 * m) +
		   0.000289 * sin(3 * m);
	double om = (125.04 - 1934.136 * T) * RAD;
	*mean = norm360(l0);
	*apparent = norm360(l0 + c - 0.00569 - 0.00478 * sin(om));
}

double norm_sun_longitude(double t)
{
	double mean, app;
	sun_at(centuries(t), &mean, &app);
	return app;
}

/* A periodic term of the moon's longitude or latitude (Meeus tables
** 47.A and 47.B): the multiples of D, M, M' and F, and the coefficient
** in 1e-6 degree. */
struct moon_term {
	signed char d, m, mp, f;
	int coef;
};

static const struct moon_term lon_terms[] = {
	{0, 0, 1, 0, 6288774},  {2, 0, -1, 0, 1274027}, {2, 0, 0, 0, 658314},
	{0, 0, 2, 0, 213618},   {0, 1, 0, 0, -185116},  {0, 0, 0, 2, -114332},
	{2, 0, -2, 0, 58793},   {2, -1, -1, 0, 57066},  {2, 0, 1, 0, 53322},
	{2, -1, 0, 0, 45758},   {0, 1, -1, 0, -40923},  {1, 0, 0, 0, -34720},
	{0, 1, 1, 0, -30383},   {2, 0, 0, -2, 15327},   {0, 0, 1, 2, -12528},
	{0, 0, 1, -2, 10980},   {4, 0, -1, 0, 10675},   {0, 0, 3, 0, 10034},
	{4, 0, -2, 0, 8548},    {2, 1, -1, 0, -7888},   {2, 1, 0, 0, -6766},
	{1, 0, -1, 0, -5163},   {1, 1, 0, 0, 4987},     {2, -1, 1, 0, 4036},
	{2, 0, 2, 0, 3994},     {4, 0, 0, 0, 3861},     {2, 0, -3, 0, 3665},
	{0, 1, -2, 0, -2689},   {2, 0, -1, 2, -2602},   {2, -1, -2, 0, 2390},
	{1, 0, 1, 0, -2348},    {2, -2, 0, 0, 2236},    {0, 1, 2, 0, -2120},
	{0, 2, 0, 0, -2069},    {2, -2, -1, 0, 2048},   {2, 0, 1, -2, -1773},
	{2, 0, 0, 2, -1595},    {4, -1, -1, 0, 1215},   {0, 0, 2, 2, -1110},
	{3, 0, -1, 0, -892},    {2, 1, 1, 0, -810},     {4, -1, -2, 0, 759},
	{0, 2, -1, 0, -713},    {2, 2, -1, 0, -700},    {2, 1, -2, 0, 691},
	{2, -1, 0, -2, 596},    {4, 0, 1, 0, 549},      {0, 0, 4, 0, 537},
	{4, -1, 0, 0, 520},     {1, 0, -2, 0, -487},
};

static const struct moon_term lat_terms[] = {
	{0, 0, 0, 1, 5128122},  {0, 0, 1, 1, 280602},   {0, 0, 1, -1, 277693},
	{2, 0, 0, -1, 173237},  {2, 0, -1, 1, 55413},   {2, 0, -1, -1, 46271},
	{2, 0, 0, 1, 32573},    {0, 0, 2, 1, 17198},    {2, 0, 1, -1, 9266},
	{0, 0, 2, -1, 8822},    {2, -1, 0, -1, 8216},   {2, 0, -2, -1, 4324},
	{2, 0, 1, 1, 4200},     {2, 1, 0, -1, -3359},   {2, -1, -1, 1, 2463},
	{2, -1, 0, 1, 2211},    {2, -1, -1, -1, 2065},  {0, 1, -1, -1, -1870},
	{4, 0, -1, -1, 1828},   {0, 1, 0, 1, -1794},    {0, 0, 0, 3, -1749},
	{0, 1, -1, 1, -1565},   {1, 0, 0, 1, -1491},    {0, 1, 1, 1, -1475},
	{0, 1, 1, -1, -1410},   {0, 1, 0, -1, -1344},   {1, 0, 0, -1, -1335},
	{0, 0, 3, 1, 1107},     {4, 0, 0, -1, 1021},    {4, 0, -1, 1, 833},
};

/* The sum of a table's terms, in 1e-6 degree, for the fundamental
** arguments a[] = D, M, M', F (radians) and the eccentricity factor e. */
static double moon_sum(const struct moon_term *t, size_t n, const double *a,
		       double e)
{
	double sum = 0;
	for (size_t i = 0; i < n; i++) {
		double c = t[i].coef * sin(t[i].d * a[0] + t[i].m * a[1] +
					   t[i].mp * a[2] + t[i].f * a[3]);
		int k = abs(t[i].m); /* E to the power |M| */
		sum += k == 2 ? c * e * e : k == 1 ? c * e : c;
	}
	return sum;
}

/* The moon's longitude and latitude (of date, without nutation) at T. */
static void moon_at(double T, double *lon, double *lat)
{
	double T2 = T * T, T3 = T2 * T, T4 = T3 * T;
	double lp = 218.3164477 + 481267.88123421 * T - 0.0015786 * T2 +
		    T3 / 538841.0 - T4 / 65194000.0;
	double a[4] = {
		297.8501921 + 445267.1114034 * T - 0.0018819 * T2 +
			T3 / 545868.0 - T4 / 113065000.0,
		357.5291092 + 35999.0502909 * T - 0.0001536 * T2 +
			T3 / 24490000.0,
		134.9633964 + 477198.8675055 * T + 0.0087414 * T2 +
			T3 / 69699.0 - T4 / 14712000.0,
		93.2720950 + 483202.0175233 * T - 0.0036539 * T2 -
			T3 / 3526000.0 + T4 / 863310000.0,
	};
	double e = 1.0 - 0.002516 * T - 0.0000074 * T2;
	for (int i = 0; i < 4; i++)
		a[i] = norm360(a[i]) * RAD;
	double a1 = (119.75 + 131.849 * T) * RAD;
	double a2 = (53.09 + 479264.290 * T) * RAD;
	double a3 = (313.45 + 481266.484 * T) * RAD;
	double l = lp * RAD;
	double sl = moon_sum(lon_terms, sizeof(lon_terms) / sizeof(*lon_terms),
			     a, e) +
		    3958 * sin(a1) + 1962 * sin(l - a[3]) + 318 * sin(a2);
	*lon = norm360(lp + sl / 1e6);
	if (!lat)
		return;
	double sb = moon_sum(lat_terms, sizeof(lat_terms) / sizeof(*lat_terms),
			     a, e) -
		    2235 * sin(l) + 382 * sin(a3) + 175 * sin(a1 - a[3]) +
		    175 * sin(a1 + a[3]) + 127 * sin(l - a[2]) -
		    115 * sin(l + a[2]);
	*lat = sb / 1e6;
}

double norm_moon_longitude(double t)
{
	double lon;
	moon_at(centuries(t), &lon, NULL);
	return lon;
}

double norm_elongation(double t)
{
	double T = centuries(t), mean, sun;
	sun_at(T, &mean, &sun);
	/* both apparent: the moon with the nutation in longitude that the
	** sun's apparent longitude has (its aberration is negligible) */
	double om = (125.04 - 1934.136 * T) * RAD, moon;
	moon_at(T, &moon, NULL);
	return norm360(moon - 0.00478 * sin(om) - sun);
}

/* The first instant after about t at which f (an angle growing about
** rate degrees a day) is v: Newton's steps with the mean rate. */
static double solve(double (*f)(double), double t, double v, double rate)
{
	double x = t + norm360(v - f(t)) / rate;
	for (int i = 0; i < 40; i++) {
		double dx = wrap180(v - f(x)) / rate;
		x += dx;
		if (fabs(dx) < 1e-7)
			break;
	}
	return x;
}

double norm_elongation_after(double t, double e)
{
	return solve(norm_elongation, t, e, 12.19);
}

double norm_sun_longitude_after(double t, double lon)
{
	return solve(norm_sun_longitude, t, lon, 0.98565);
}

double norm_ayanamsa(double t)
{
	/* Lahiri (Chitrapaksha): 23 deg 51.4' at J2000, precessing 50.29"
	** a year */
	return 23.857 + 1.3969 * ((t - J2000) / 36525.0);
}

double norm_sun_event(int32_t day, double lon, double lat, int ev)
{
	double noon = day + 0.5 - lon / 360.0;
	double T = centuries(noon), mean, lam;
	sun_at(T, &mean, &lam);
	double eps = (23.4392911 - 0.0130042 * T) * RAD;
	double l = lam * RAD;
	double dec = asin(sin(eps) * sin(l));
	double ra = atan2(cos(eps) * sin(l), cos(l)) / RAD;
	noon -= wrap180(mean - 0.0057183 - ra) / 360.0; /* equation of time */
	if (ev == 'n')
		return noon + 0.5;
	double ch = (sin(-0.833 * RAD) - sin(lat * RAD) * sin(dec)) /
		    (cos(lat * RAD) * cos(dec));
	double h = ch >= 1 ? 0 : ch <= -1 ? 180.0 : acos(ch) / RAD;
	return ev == 's' ? noon + h / 360.0 : noon - h / 360.0;
}

bool norm_moon_up_at_sunset(int32_t day, double lon, double lat)
{
	double t = norm_sun_event(day, lon, lat, 's');
	double T = centuries(t), ml, mb;
	moon_at(T, &ml, &mb);
	double eps = (23.4392911 - 0.0130042 * T) * RAD;
	double l = ml * RAD, b = mb * RAD;
	double ra = atan2(sin(l) * cos(eps) - tan(b) * sin(eps), cos(l));
	double dec = asin(sin(b) * cos(eps) + cos(b) * sin(eps) * sin(l));
	/* Greenwich mean sidereal time (Meeus 12.4), the hour angle */
	double d = t - J2000;
	double gmst = 280.46061837 + 360.98564736629 * d;
	double h = (gmst + lon) * RAD - ra;
	double alt = asin(sin(lat * RAD) * sin(dec) +
			  cos(lat * RAD) * cos(dec) * cos(h));
	/* the moon's standard altitude at setting: 0.7275 of its parallax
	** (0.95 degree) less the refraction (34') */
	return alt / RAD > 0.125;
}
