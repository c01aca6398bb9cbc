/*
** norm_lunisolar.c: holiday rules of the calendars that follow the moon
** and the sun (their positions come from norm_astro.c):
**
**   C:MM-DD   the Chinese calendar: months start on the day (in China's
**             time: UTC+8, before 1929 Beijing's mean time) of a
**             new moon; month 11 holds the winter solstice; when 13
**             months run from one month 11 to the next, the first that
**             holds no principal solar term (a multiple of 30 degrees of
**             the sun's longitude) is a leap month and keeps the number
**             of the month before it; MM is never the leap month
**   H:MM-TT   the Hindu lunisolar calendar (amanta): month MM (1 =
**             Chaitra ... 12 = Phalguna) runs from the new moon to the
**             new moon around the sun's entry into the sidereal sign
**             30 * (MM - 1) (Lahiri ayanamsa; 1 = Mesha); tithi TT (1-15
**             the bright half, 15 = purnima, 16-30 the dark half, 30 =
**             amavasya) is the moon-minus-sun elongation from 12 * (TT -
**             1) to 12 * TT degrees; the day is the civil day in India
**             whose sunrise falls in the tithi (a tithi that holds no
**             sunrise: the day it starts in; two: the first)
**   S:MM-DD   a Hindu solar month: day DD of the month that begins with
**             the sun's entry into sidereal sign MM; the day of the entry
**             if it comes before sunset, else the next (Tamil, Punjab)
**   N:MM-KK   the day in solar month MM whose sunrise has the moon in
**             nakshatra KK (1-27, 13 1/3 degrees of sidereal longitude)
**   Z:MM-DD   the Shahenshahi Zoroastrian calendar: twelve months of 30
**             days and five Gatha days (month 13), 365 days every year;
**             1 Farvardin fell on 2018-08-17
**
** H, S and N take a letter after the number for the moment of the day
** that counts instead: r sunrise (H, N), s sunset (the default of S; H:
** pradosh), n local midnight (H: nishita; S: the Bengali rule, the next
** day when the entry comes before midnight, else the day after). They
** may name the place in India whose sun they follow, "H@88.36,22.57:",
** east longitude and latitude in degrees; the default is New Delhi.
** Sunrise and sunset are those of the sun's upper limb with standard
** refraction; India's civil day is UTC+5:30. A rule's day
** is the one that falls in the Gregorian year asked for.
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "extract/norm_p.h"

struct lrule {
	char cal;	   /* C, H, S, N or Z */
	int a, b;	   /* month; day, tithi or nakshatra */
	int ev;		   /* r, s or n */
	double lon, lat;   /* the place in India */
};

/* The civil day of instant t in a zone zone hours east of UTC. */
static int32_t civil(double t, double zone)
{
	return (int32_t)floor(t + zone / 24.0);
}

/* The day of the first sunrise (sunset, midnight) at or after t. */
static int32_t day_of_event(const struct lrule *r, double t)
{
	int32_t d = civil(t, 5.5) - 1;
	while (norm_sun_event(d, r->lon, r->lat, r->ev) < t)
		d++;
	return d;
}

/* The new moon at or before t. */
static double new_moon_before(double t)
{
	double nm = norm_elongation_after(t - 30.5, 0);
	double next = norm_elongation_after(nm + 1, 0);
	return next <= t ? next : nm;
}

/* The instant the sun enters sidereal sign mo (1 = Mesha) in the cycle
** that starts in Gregorian year cy (Mesha in April). */
static double sankranti(int cy, int mo)
{
	double sid = 30.0 * (mo - 1);
	double t = fc_days_from_civil(cy, 4, 1) + sid / 0.9856;
	for (int i = 0; i < 2; i++)
		t = norm_sun_longitude_after(t - 10,
					     fmod(sid + norm_ayanamsa(t), 360));
	return t;
}

/* China's civil time, hours east of UTC: UTC+8 from 1929, before it
** Beijing's local mean time (116 deg 25' E). */
static double cn_zone(double t)
{
	return t < -14975 /* 1929-01-01 */ ? 116.4167 / 15 : 8;
}

static int32_t cn_civil(double t)
{
	return civil(t, cn_zone(t));
}

/* The day in China of the first new moon after day `day`. */
static int32_t next_moon_day(int32_t day)
{
	return cn_civil(norm_elongation_after(day + 1 - cn_zone(day) / 24, 0));
}

/* The first day of the Chinese month that holds the winter solstice of
** Gregorian year y. */
static int32_t solstice_month(int y)
{
	double ws = norm_sun_longitude_after(fc_days_from_civil(y, 12, 1),
					     270);
	int32_t day = cn_civil(new_moon_before(ws));
	int32_t next = next_moon_day(day);
	return next <= cn_civil(ws) ? next : day;
}

/* Whether the month from day a to day b holds a principal term. */
static bool holds_term(int32_t a, int32_t b)
{
	double t = a - cn_zone(a) / 24;
	double z = ceil(norm_sun_longitude(t) / 30.0) * 30.0;
	return cn_civil(norm_sun_longitude_after(t, fmod(z, 360.0))) < b;
}

/* Day d of month mo (1-12, never the leap month) of the Chinese year
** that starts in Gregorian year cy: the months from the one holding the
** winter solstice of cy - 1 (month 11) to the next such one are 12, or
** 13 with the first that holds no principal term a leap month. */
static int32_t chinese(int cy, int mo, int d)
{
	if (mo >= 11)
		cy++;
	int32_t m[15], end = solstice_month(cy);
	int n = 0;
	m[0] = solstice_month(cy - 1);
	while (n < 13 && m[n] < end) {
		m[n + 1] = next_moon_day(m[n]);
		n++;
	}
	m[n] = end;
	bool leap_done = n != 13;
	int no = 11;
	for (int k = 0; k < n; k++) {
		if (k > 0 && !leap_done && !holds_term(m[k], m[k + 1])) {
			leap_done = true; /* a leap month keeps the number */
			continue;
		}
		if (k > 0)
			no = no % 12 + 1;
		if (no == mo)
			return d > m[k + 1] - m[k] ? INT32_MIN : m[k] + d - 1;
	}
	return INT32_MIN;
}

static int32_t hindu(const struct lrule *r, int cy)
{
	double nm = new_moon_before(sankranti(cy, r->a));
	double a = r->b == 1 ? nm
			     : norm_elongation_after(nm + (r->b - 1) * 0.75,
						     12.0 * (r->b - 1));
	double b = norm_elongation_after(a + 0.01, fmod(12.0 * r->b, 360.0));
	int32_t d = day_of_event(r, a);
	return norm_sun_event(d, r->lon, r->lat, r->ev) < b ? d : d - 1;
}

/* The first day of solar month mo of cycle cy. */
static int32_t solar_start(const struct lrule *r, int cy, int mo)
{
	struct lrule s = *r;
	if (s.cal == 'N')
		s.ev = 's';
	int32_t d = day_of_event(&s, sankranti(cy, mo));
	return s.ev == 'n' ? d + 1 : d;
}

static int32_t nakshatra(const struct lrule *r, int cy)
{
	int32_t d = solar_start(r, cy, r->a);
	int32_t end = r->a == 12 ? solar_start(r, cy + 1, 1)
				 : solar_start(r, cy, r->a + 1);
	for (; d < end; d++) {
		double t = norm_sun_event(d, r->lon, r->lat, r->ev);
		double sid = fmod(norm_moon_longitude(t) - norm_ayanamsa(t) +
				  360.0, 360.0);
		if ((int)(sid / (360.0 / 27)) + 1 == r->b)
			return d;
	}
	return INT32_MIN;
}

static int32_t zoroastrian(int cy, int mo, int d)
{
	if ((mo == 13 && d > 5) || d > 30)
		return INT32_MIN;
	/* 1 Farvardin 1388 Y.Z. (Shahenshahi) */
	int32_t base = fc_days_from_civil(2018, 8, 17) + (mo - 1) * 30 + d - 1;
	int32_t jan1 = fc_days_from_civil(cy, 1, 1);
	long k = (long)ceil((jan1 - base) / 365.0);
	return (int32_t)(base + 365 * k);
}

static int32_t in_cycle(const struct lrule *r, int cy)
{
	switch (r->cal) {
	case 'C': return chinese(cy, r->a, r->b);
	case 'H': return hindu(r, cy);
	case 'S': return solar_start(r, cy, r->a) + r->b - 1;
	case 'N': return nakshatra(r, cy);
	default: return zoroastrian(cy, r->a, r->b);
	}
}

/* "X[@lon,lat]:MM-NN[e]"; false when malformed. */
static bool parse(const char *rule, struct lrule *r, const char **end)
{
	char *e;
	const char *p = rule + 1;
	*r = (struct lrule){.cal = rule[0], .ev = rule[0] == 'S' ? 's' : 'r',
			    .lon = 77.21, .lat = 28.61};
	if (*p == '@') {
		r->lon = strtod(p + 1, &e);
		if (e == p + 1 || *e != ',' || r->lon < 60 || r->lon > 100)
			return false;
		p = e + 1;
		r->lat = strtod(p, &e);
		if (e == p || r->lat < 0 || r->lat > 40)
			return false;
		p = e;
	}
	if (*p != ':')
		return false;
	long a = strtol(p + 1, &e, 10);
	if (e == p + 1 || *e != '-')
		return false;
	p = e + 1;
	long b = strtol(p, &e, 10);
	if (e == p || a < 1 || b < 1)
		return false;
	r->a = (int)a, r->b = (int)b;
	if (*e == 'r' || *e == 's' || *e == 'n') {
		if (r->cal == 'C' || r->cal == 'Z')
			return false;
		r->ev = *e++;
	}
	*end = e;
	switch (r->cal) {
	case 'C': return a <= 12 && b <= 30;
	case 'H': return a <= 12 && b <= 30;
	case 'S': return a <= 12 && b <= 32;
	case 'N': return a <= 12 && b <= 27;
	case 'Z': return a <= 13 && b <= 30;
	default: return false;
	}
}

int32_t norm_lunisolar_day(const char *rule, int y, const char **end)
{
	struct lrule r;
	if (y < 1000 || y > 3000 || !parse(rule, &r, end))
		return INT32_MIN;
	for (int cy = y - 1; cy <= y + 1; cy++) {
		int32_t d = in_cycle(&r, cy);
		int yy, mo, dd;
		if (d == INT32_MIN)
			continue;
		fc_civil_from_days(d, &yy, &mo, &dd);
		if (yy == y)
			return d;
	}
	return INT32_MIN;
}
