/*
** norm_calendar.c: the days of yearly holidays, by rule (the values of
** the `holiday` table in rules/normalizers/holidays.yaml):
**
**   MM-DD       a fixed day                      12-25
**   MM-W-N      the N-th weekday W (1 = Monday) of month MM, N = L for
**               the last                         11-4-4 (Thanksgiving)
**   E, O        Western and Orthodox Easter Sunday
**   J:MM-DD     a day of the Hebrew calendar (1 = Nisan ... 7 = Tishrei,
**               12 = Adar, Adar II in a leap year)   J:7-10 (Yom Kippur)
**   I:MM-DD     a day of the tabular Islamic calendar (1 = Muharram ...
**               12 = Dhu al-Hijjah; within a day of the sighted one)
**   U:MM-DD     a day of the Islamic calendar by Saudi Arabia's Umm
**               al-Qura rule (from the conjunction, sunset and moonset at
**               Mecca; years 1000-3000, else tabular)
**   C:, H:, S:, N:, Z:  the Chinese and Hindu lunisolar calendars, Hindu
**               solar months and nakshatras, the Zoroastrian calendar
**               (norm_lunisolar.c)
**
** each followed by any number of "+N" / "-N" (days) and "/W+N" / "/W-N"
** (move by N days when the day falls on weekday W: "10-16/6-1/7+1" is
** October 16 moved off the weekend). Hebrew and Islamic days are those
** that fall in the Gregorian year asked for (the first, when an Islamic
** date falls twice in it; norm_holiday_day2 gives the second).
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

int norm_dim(int y, int m)
{
	int32_t a = fc_days_from_civil(y, m, 1);
	int32_t b = m == 12 ? fc_days_from_civil(y + 1, 1, 1)
			    : fc_days_from_civil(y, m + 1, 1);
	return (int)(b - a);
}

/* Easter Sunday of year y (Gregorian), as days since the epoch. */
static int32_t easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int mm = (a + 11 * h + 22 * l) / 451;
	int mo = (h + l - 7 * mm + 114) / 31, dd = (h + l - 7 * mm + 114) % 31;
	return fc_days_from_civil(y, mo, dd + 1);
}

/* Orthodox Easter (Julian computus, shown in the Gregorian calendar). */
static int32_t easter_orthodox(int y)
{
	int a = y % 4, b = y % 7, c = y % 19;
	int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
	int mo = (d + e + 114) / 31, dd = (d + e + 114) % 31 + 1;
	return fc_days_from_civil(y, mo, dd) + (y / 100 - y / 400 - 2);
}

int32_t norm_nth_weekday(int y, int mo, int wd, int n)
{
	if (n < 0) {
		int32_t last = fc_days_from_civil(y, mo, norm_dim(y, mo));
		return last - ((fc_weekday(last) + 1 - wd + 7) % 7);
	}
	int32_t first = fc_days_from_civil(y, mo, 1);
	return first + (wd - (fc_weekday(first) + 1) + 7) % 7 + 7 * (n - 1);
}

/* ---- Hebrew calendar (the arithmetic of the fixed calendar) ----------- */

static bool hebrew_leap(long y)
{
	return (7 * y + 1) % 19 < 7;
}

/* Days from the Hebrew epoch to 1 Tishrei of year y (with postponements). */
static long hebrew_elapsed(long y)
{
	long me = 235 * ((y - 1) / 19) + 12 * ((y - 1) % 19) +
		  (7 * ((y - 1) % 19) + 1) / 19;
	long parts = 204 + 793 * (me % 1080);
	long hours = 5 + 12 * me + 793 * (me / 1080) + parts / 1080;
	long day = 1 + 29 * me + hours / 24;
	parts = 1080 * (hours % 24) + parts % 1080;
	if (parts >= 19440 ||
	    (day % 7 == 2 && parts >= 9924 && !hebrew_leap(y)) ||
	    (day % 7 == 1 && parts >= 16789 && hebrew_leap(y - 1)))
		day++;
	if (day % 7 == 0 || day % 7 == 3 || day % 7 == 5)
		day++;
	return day;
}

static int hebrew_month_days(long y, int m)
{
	long len = hebrew_elapsed(y + 1) - hebrew_elapsed(y);
	switch (m) {
	case 2: case 4: case 6: case 10: case 13: return 29;
	case 8: return len % 10 == 5 ? 30 : 29;  /* Heshvan, long year */
	case 9: return len % 10 == 3 ? 29 : 30;  /* Kislev, short year */
	case 12: return hebrew_leap(y) ? 30 : 29; /* Adar I in a leap year */
	default: return 30;
	}
}

/* Days since 1970-01-01 of day d of Hebrew month m of year y. */
static int32_t hebrew_day(long y, int m, int d)
{
	/* R.D. 1 (0001-01-01) is Hebrew day 1373429 after the epoch */
	long rd = hebrew_elapsed(y) - 1373429 + d;
	int last = hebrew_leap(y) ? 13 : 12;
	if (m < 7) {
		for (int k = 7; k <= last; k++)
			rd += hebrew_month_days(y, k);
		for (int k = 1; k < m; k++)
			rd += hebrew_month_days(y, k);
	} else {
		for (int k = 7; k < m; k++)
			rd += hebrew_month_days(y, k);
	}
	return (int32_t)(rd - 1 + fc_days_from_civil(1, 1, 1));
}

/* The Hebrew day (month m, Adar II in leap years) in Gregorian year gy. */
static int32_t hebrew_in(int gy, int m, int d)
{
	for (long hy = gy + 3760L; hy <= gy + 3761L; hy++) {
		int mm = m == 12 && hebrew_leap(hy) ? 13 : m;
		if (d > hebrew_month_days(hy, mm))
			return INT32_MIN;
		int32_t day = hebrew_day(hy, mm, d);
		int yy, mo, dd;
		fc_civil_from_days(day, &yy, &mo, &dd);
		if (yy == gy)
			return day;
	}
	return INT32_MIN;
}

/* ---- Islamic calendar (tabular, civil epoch) -------------------------- */

static int32_t islamic_day(long y, int m, int d)
{
	/* days from 622-07-16 (Julian), the civil epoch */
	long n = d + (295 * (m - 1) + 9) / 10 + (y - 1) * 354 +
		 (3 + 11 * y) / 30 - 1;
	return (int32_t)(n + fc_days_from_civil(622, 7, 19));
}

/* Day d of month m of year y by the Umm al-Qura rule: the month begins
** the day after the conjunction if it comes before sunset at Mecca (UTC+3)
** and the moon sets after the sun, else the day after that. The tabular
** month's first day is within two days of the conjunction. */
static int32_t islamic_mecca(long y, int m, int d)
{
	int32_t tab = islamic_day(y, m, 1);
	double nm = norm_elongation_after(tab - 5, 0);
	int32_t day = (int32_t)floor(nm + 3 / 24.0);
	double sunset = norm_sun_event(day, 39.83, 21.42, 's');
	bool is_new = nm < sunset && norm_moon_up_at_sunset(day, 39.83, 21.42);
	return (is_new ? day + 1 : day + 2) + d - 1;
}

/* Day d of Islamic month m that falls in Gregorian year gy: the first
** (nth 0) or the second (nth 1: an Islamic year is 11 days shorter, so
** a date falls twice in some Gregorian years, e.g. Eid al-Fitr on 8
** January and 27 December 2000). */
static int32_t islamic_in(int gy, int m, int d, bool is_mecca, int nth)
{
	long iy0 = (long)(gy - 622) * 33 / 32;
	for (long iy = iy0 - 1; iy <= iy0 + 2; iy++) {
		int32_t day = is_mecca && gy >= 1000 && gy <= 3000
				      ? islamic_mecca(iy, m, d)
				      : islamic_day(iy, m, d);
		int yy, mo, dd;
		fc_civil_from_days(day, &yy, &mo, &dd);
		if (yy == gy && nth-- == 0)
			return day;
	}
	return INT32_MIN;
}

/* ---- Rules ------------------------------------------------------------- */

/* "MM-DD" or "MM-W-N" of a Gregorian year; end is set past the rule. */
static int32_t month_rule(const char *rule, int y, const char **end)
{
	char *e;
	long mo = strtol(rule, &e, 10);
	if (e == rule || *e != '-' || mo < 1 || mo > 12)
		return INT32_MIN;
	long a = strtol(e + 1, &e, 10);
	if (*e == '-' && (e[1] == 'L' || (e[1] >= '1' && e[1] <= '5'))) {
		int n = e[1] == 'L' ? -1 : e[1] - '0';
		*end = e + 2;
		if (a < 1 || a > 7)
			return INT32_MIN;
		return norm_nth_weekday(y, (int)mo, (int)a, n);
	}
	*end = e;
	if (a < 1 || a > norm_dim(y, (int)mo))
		return INT32_MIN;
	return fc_days_from_civil(y, (int)mo, (int)a);
}

/* "MM-DD" of a lunar calendar (the nth occurrence in y: only an Islamic
** date has a second); end is set past the rule. */
static int32_t lunar_rule(const char *rule, int y, int nth, const char **end)
{
	char *e;
	long mo = strtol(rule + 2, &e, 10);
	if (*e != '-' || mo < 1 || mo > (rule[0] == 'J' ? 13 : 12))
		return INT32_MIN;
	long d = strtol(e + 1, &e, 10);
	*end = e;
	if (d < 1 || d > 30)
		return INT32_MIN;
	if (rule[0] == 'J')
		return nth ? INT32_MIN : hebrew_in(y, (int)mo, (int)d);
	return islamic_in(y, (int)mo, (int)d, rule[0] == 'U', nth);
}

static int32_t holiday_nth(const char *rule, int y, int nth);

int32_t norm_holiday_day(const char *rule, int y)
{
	return holiday_nth(rule, y, 0);
}

/* (only an Islamic date has a second: holiday_nth and lunar_rule give
** INT32_MIN for any other) */
int32_t norm_holiday_day2(const char *rule, int y)
{
	return holiday_nth(rule, y, 1);
}

static int32_t holiday_nth(const char *rule, int y, int nth)
{
	const char *end;
	int32_t day;
	if (y < 2 || y > 9998)
		return INT32_MIN;
	if ((rule[0] == 'J' || rule[0] == 'I' || rule[0] == 'U') &&
	    rule[1] == ':') {
		day = lunar_rule(rule, y, nth, &end);
	} else if (nth) {
		return INT32_MIN;
	} else if (rule[0] && strchr("CHSNZ", rule[0]) &&
		   (rule[1] == ':' || rule[1] == '@')) {
		day = norm_lunisolar_day(rule, y, &end);
	} else if (rule[0] == 'E' || rule[0] == 'O') {
		day = rule[0] == 'E' ? easter(y) : easter_orthodox(y);
		end = rule + 1;
	} else {
		day = month_rule(rule, y, &end);
	}
	if (day == INT32_MIN)
		return INT32_MIN;
	/* offsets, then moves off given weekdays, in order */
	while (*end == '+' || *end == '-' || *end == '/') {
		char *e;
		if (*end == '/') {
			int wd = end[1] - '0';
			long k = strtol(end + 2, &e, 10);
			if (wd < 1 || wd > 7 || e == end + 2 || labs(k) > 7)
				return INT32_MIN;
			if (fc_weekday(day) + 1 == wd)
				day += (int32_t)k;
		} else {
			long k = strtol(end, &e, 10);
			if (e <= end + 1 || labs(k) > 400)
				return INT32_MIN;
			day += (int32_t)k;
		}
		end = e;
	}
	return *end ? INT32_MIN : day;
}

/* ---- Memo --------------------------------------------------------------- */

#define MEMO_SLOTS 256 /* a power of two */
#define MEMO_RULE 48   /* longer rules are not kept */

struct norm_daymemo {
	struct {
		char rule[MEMO_RULE];
		int y;
		int32_t day;
	} v[MEMO_SLOTS];
};

int32_t norm_holiday_day_memo(struct norm_daymemo **memo, struct fc_arena *a,
			      const char *rule, int y)
{
	size_t len = strlen(rule);
	if (!memo || len >= MEMO_RULE)
		return norm_holiday_day(rule, y);
	if (!*memo) {
		*memo = fc_arena_alloc(a, sizeof(**memo));
		if (!*memo)
			return norm_holiday_day(rule, y);
		memset(*memo, 0, sizeof(**memo));
	}
	uint64_t h = 0xCBF29CE484222325ull ^ (uint64_t)(uint32_t)y;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)rule[i]) * 0x100000001B3ull;
	size_t k = (size_t)(h >> 32) & (MEMO_SLOTS - 1);
	struct norm_daymemo *mm = *memo;
	if (mm->v[k].y == y && !strcmp(mm->v[k].rule, rule))
		return mm->v[k].day;
	int32_t day = norm_holiday_day(rule, y);
	memcpy(mm->v[k].rule, rule, len + 1);
	mm->v[k].y = y;
	mm->v[k].day = day;
	return day;
}
