/*
** norm_clock.c: holidays, "the first Monday of October" and clock times.
** A holiday's rule gives its day in a year (norm_calendar.c); the year
** is explicit, relative (last, next, of next year) or chosen like a date
** without a year. A clock time falls on the day next to it (a weekday, a
** date, a holiday, tomorrow) or on the reference day; when the
** reference has a time of day, a clock with no day said is the
** occurrence before or after it that the reading picks (the next 3:18
** under prefer: future). A zone after the clock (the zone slot, an
** offset) converts it to the reference's zone.
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

/* ---- holidays and "the first Monday of October" ------------------------ */

/* Pick the year of a yearly day f(y): explicit, by rel, or by reading. */
static bool yearly(const struct norm_match *m, const char *rule, int mo,
		   int wd, int n, int32_t *day)
{
	int rel = 0;
	bool has_rel = norm_get_int(m, S_REL, &rel);
	const struct norm_ref *r = m->ref;
#define DAY_OF(yy) \
	(rule ? norm_holiday_day_memo(m->memo, m->a, rule, (yy))               \
	      : norm_nth_weekday((yy), mo, wd, n))
	int y, yrel;
	if (r->is_set && norm_get_int(m, S_YREL, &yrel) && yrel > -100 &&
	    yrel < 100) {
		*day = DAY_OF(r->y + yrel); /* "Thanksgiving of next year" */
		return *day != INT32_MIN;
	}
	if (norm_slot_year(m, S_YEAR, &y)) {
		if (y < 1 || y > 9999)
			return false;
		*day = DAY_OF(y);
		return *day != INT32_MIN;
	}
	if (!r->is_set)
		return false;
	/* the occurrences around the reference: the nearest before, on or
	** before, on or after, after; a day of a lunar calendar may skip a
	** Gregorian year, so a year without one looks a year further */
	int32_t x[8];
	for (int k = 0; k < 5; k++)
		x[k] = k == 0 || k == 4 ? INT32_MIN : DAY_OF(r->y + k - 2);
	bool has_gap =
		x[1] == INT32_MIN || x[2] == INT32_MIN || x[3] == INT32_MIN;
	if (has_gap) {
		x[0] = DAY_OF(r->y - 2);
		x[4] = DAY_OF(r->y + 2);
	}
	/* an Islamic date may fall twice in a year (8 January and 27
	** December 2000): the second ones around the reference too */
	for (int k = 5; k < 8; k++)
		x[k] = rule ? norm_holiday_day2(rule, r->y + k - 6) : INT32_MIN;
	int32_t cur = x[2];
#undef DAY_OF
	int32_t before = INT32_MIN, after = INT32_MIN, past, fut;
	for (int k = 0; k < 8; k++) {
		if (x[k] == INT32_MIN)
			continue;
		if (x[k] < r->days && (before == INT32_MIN || x[k] > before))
			before = x[k];
		if (x[k] > r->days && (after == INT32_MIN || x[k] < after))
			after = x[k];
	}
	past = cur == r->days ? cur : before;
	fut = cur == r->days ? cur : after;
	if (has_rel && rel < 0)
		*day = before;
	else if (has_rel && rel > 0)
		*day = after;
	else if (has_rel)
		/* "this Christmas": the coming one; this year's when it is
		** past and a past verb says so ("this Christmas was quiet") */
		*day = cur != INT32_MIN && (cur >= r->days || norm_tense(m) < 0)
			       ? cur
			       : fut;
	else if (past == INT32_MIN || fut == INT32_MIN)
		*day = past == INT32_MIN ? fut : past;
	else
		*day = norm_prefer_past(m, r->days - past, fut - r->days) ? past
								      : fut;
	/* around a year without one, a year may also hold two (only the
	** first is known): a day against the tense is no reading */
	int tn = has_gap && !has_rel && *day != INT32_MIN ? norm_tense(m) : 0;
	if ((tn < 0 && *day > r->days) || (tn > 0 && *day < r->days))
		return false;
	return *day != INT32_MIN;
}

static int emit_day(const struct norm_match *m, struct norm_cand *out,
		    int32_t day)
{
	int y, mo, d;
	char buf[40];
	fc_civil_from_days(day, &y, &mo, &d);
	if (y < 1 || y > 9999)
		return 0;
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, mo, d);
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
}

int norm_prod_holiday(const struct norm_match *m, struct norm_cand *out)
{
	char rule[64];
	int32_t day;
	int n, ago = 1;
	if (!norm_get_str(m, S_HOLIDAY, rule, sizeof(rule)) ||
	    !yearly(m, rule, 0, 0, 0, &day))
		return 0;
	if (norm_get_int(m, S_NUM, &n)) {
		/* "three days after Easter" */
		norm_get_int(m, S_AGO, &ago);
		if (n < 0 || n > 3660)
			return 0;
		day += ago < 0 ? -n : n;
	}
	return emit_day(m, out, day);
}

int norm_prod_nth_weekday(const struct norm_match *m, struct norm_cand *out)
{
	int n, wd, mo, rel = 0;
	int32_t day;
	if (!norm_get_int(m, S_NUM, &n) || !n || n > 5 || n < -1 ||
	    !norm_get_int(m, S_WEEKDAY, &wd) || wd < 1 || wd > 7)
		return 0;
	if (!norm_get_int(m, S_MONTH, &mo)) {
		/* "the first Monday of the month", "... of last month" */
		const struct norm_ref *r = m->ref;
		if (!r->is_set || (norm_get_int(m, S_REL, &rel) &&
				   (rel < -1200 || rel > 1200)))
			return 0;
		long k = r->y * 12L + r->m - 1 + rel;
		mo = (int)(k % 12) + 1;
		day = norm_nth_weekday((int)(k / 12), mo, wd, n);
	} else if (mo < 1 || mo > 12 || !yearly(m, NULL, mo, wd, n, &day)) {
		return 0;
	}
	int y, mm, d;
	fc_civil_from_days(day, &y, &mm, &d);
	if (mm != mo)
		return 0; /* no fifth Monday that month */
	return emit_day(m, out, day);
}

/* ---- time of day ------------------------------------------------------ */

/* The day a clock time is on: a weekday, a date, a holiday, "tomorrow",
** or (*is_ref_day) the reference day. False when the parts are invalid. */
static bool clock_day(const struct norm_match *m, int32_t *day,
		      bool *is_ref_day)
{
	const struct norm_ref *r = m->ref;
	int wd, rel = 0;
	bool has_rel = norm_get_int(m, S_REL, &rel);
	char rule[64];
	if (norm_get_str(m, S_HOLIDAY, rule, sizeof(rule)))
		return yearly(m, rule, 0, 0, 0, day);
	struct norm_parts p;
	if (!norm_read_parts(m, S_YEAR, S_MONTH, S_DAY, &p))
		return false;
	if (p.has_d) {
		char buf[40];
		if (!norm_date_value(m, &p, buf, sizeof(buf)) || !p.has_y ||
		    !p.has_mo)
			return false;
		*day = fc_days_from_civil(p.y, p.mo, p.d);
		return true;
	}
	if (norm_get_int(m, S_WEEKDAY, &wd)) {
		if (wd < 1 || wd > 7)
			return false;
		*day = norm_weekday_day(m, wd, has_rel, rel);
		return true;
	}
	*day = r->days + (has_rel ? rel : 0);
	*is_ref_day = !has_rel;
	return true;
}

/*
** A clock time said in a zone ("8:00 PST", "4pm CET", "9:00 +05:30")
** moves to the reference's zone when the reference has one: *min is
** the minute of the day, *day moves with it. The zone slot holds an
** offset ("-08:00", from the zone table or the text).
*/
static bool clock_zone(const struct norm_match *m, int32_t *day, int *min)
{
	struct norm_val v;
	int off;
	if (!norm_slot(m, S_ZONE, &v))
		return true;
	if (!fc_norm_zone_parse(v.s, v.len, &off))
		return false;
	if (!m->ref->has_zone)
		return true; /* no zone to convert to: as said */
	long t = *day * 1440L + *min - off + m->ref->zone_min;
	*day = (int32_t)(t >= 0 ? t / 1440 : (t - 1439) / 1440);
	*min = (int)(t - *day * 1440L);
	return true;
}

/*
** A clock time with no day said, against a reference with a time of
** day (*day and min: the clock, in the reference's zone): the next
** occurrence after a future cue or under prefer: future ("3:18" said at
** 04:30 is tomorrow's), the last one after a past verb ("was shot at 11
** p.m."), the nearer one under prefer: nearest; else, as TimeML reads
** news, the day it is on. A part of the day ("tonight at 8", "this
** morning at 3") keeps the day but for the future reading.
*/
static void clock_from_ref(const struct norm_match *m, int32_t *day,
			   int min, bool has_part)
{
	const struct norm_ref *r = m->ref;
	long now = r->days * 1440L + r->hh * 60 + r->mi;
	long at = *day * 1440L + min;
	int t = norm_tense(m), pref = m->n->prefer;
	if (t == NORM_TENSE_SCHED)
		t = 0; /* it names the day; the hour keeps its reading */
	if (t > 0 || (t == 0 && pref == NORM_PREFER_FUTURE)) {
		while (at < now)
			at += 1440;
		while (at - 1440 >= now) /* a zone may put it a day on */
			at -= 1440;
	} else if (has_part) {
		return;
	} else if (t < 0) {
		while (at > now)
			at -= 1440;
		while (at + 1440 <= now)
			at += 1440;
	} else if (pref == NORM_PREFER_NEAREST) {
		while (at - now > 720)
			at -= 1440;
		while (now - at > 720)
			at += 1440;
	}
	*day = (int32_t)((at - min) / 1440);
}

/*
** A clock time with no day said, in a clause whose tense is past or
** future: the day told of last, when the text names one (day grain or
** finer) on that side of the reference, within a year before it or two
** weeks after ("The attack came on Oct. 23 ... he was shot at 10 p.m.":
** Oct. 23 at 22:00; "traveling Thursday ... will leave at 4 in the
** morning": Thursday, as TimeML anchors them); else the reference day.
*/
static void clock_day_told(const struct norm_match *m, int32_t *day,
			   bool *is_ref_day)
{
	const struct norm_ref *r = m->ref;
	int tn = norm_tense(m);
	struct fc_time t;
	if (tn == 0 || tn == NORM_TENSE_SCHED ||
	    !norm_last_mention(m, 0, 0, 0, &t) || !t.is_anchored ||
	    t.grain == FC_GRAIN_NONE || t.grain > FC_GRAIN_DAY ||
	    t.lo == r->days)
		return;
	if (tn < 0 ? t.lo > r->days || r->days - t.lo > 366
		   : t.lo < r->days || t.lo - r->days > 14)
		return;
	*day = t.lo;
	*is_ref_day = false;
}

int norm_prod_time_of_day(const struct norm_match *m, struct norm_cand *out)
{
	int h, mi = 0, sec = 0, dir = 1;
	char ampm[4] = "", part[4] = "", buf[40];
	if (!norm_get_int(m, S_HOUR, &h) || h < 0 || h > 24)
		return 0;
	bool has_min = norm_get_int(m, S_MINUTE, &mi);
	if (has_min && (mi < 0 || mi > 59))
		return 0;
	bool has_sec = norm_get_int(m, S_SECOND, &sec);
	if (has_sec && (sec < 0 || sec > 59))
		return 0;
	norm_get_str(m, S_PART, part, sizeof(part));
	bool has_ampm = norm_get_str(m, S_AMPM, ampm, sizeof(ampm));
	if (has_ampm && (ampm[0] == 'x' || !ampm[0])) {
		/* a clock without a.m./p.m. and no part of day: 1 to 6 is
		** afternoon ("at 3:30"), 7 to 12 as said; a leading zero is
		** a 24-hour clock */
		struct norm_val hv;
		has_ampm = false;
		if (!part[0] && h >= 1 && h <= 6 && norm_slot(m, S_HOUR, &hv) &&
		    !(hv.len == 2 && hv.s[0] == '0'))
			h += 12;
	}
	if (has_ampm) {
		if (h < 1 || h > 12)
			return 0;
		if (ampm[0] == 'p' && h < 12)
			h += 12;
		else if (ampm[0] == 'a' && h == 12)
			h = 0;
	} else if (part[0] && h >= 1 && h < 12 &&
		   (!strcmp(part, "AF") || !strcmp(part, "EV") ||
		    (!strcmp(part, "NI") && h >= 6))) {
		h += 12; /* "8 in the evening", "eight tonight" */
	}
	if (has_min && norm_get_int(m, S_AGO, &dir) && dir < 0) {
		/* "a quarter to noon": minutes before the hour */
		h = (h + 23) % 24;
		mi = (60 - mi) % 60;
	}
	int32_t day;
	bool is_ref_day = false;
	if (!m->ref->is_set || !clock_day(m, &day, &is_ref_day))
		return 0;
	bool is_midnight = h == 24;
	if (is_ref_day && !is_midnight)
		clock_day_told(m, &day, &is_ref_day);
	if (is_midnight) {
		/* midnight ends its day ("midnight Friday": the night
		** of Friday, whatever the tense); alone, after a past
		** verb, it began it ("shot shortly after midnight") */
		h = 0;
		if (!is_ref_day || norm_tense(m) >= 0)
			day++;
	}
	int hm = h * 60 + mi;
	if (!clock_zone(m, &day, &hm))
		return 0;
	if (is_ref_day && !is_midnight && m->ref->is_time)
		clock_from_ref(m, &day, hm, part[0] != '\0');
	h = hm / 60;
	mi = hm % 60;
	int y, mo, d;
	if (is_midnight && !is_ref_day && hm == 0) {
		/* "midnight Friday": the end of the day named, T24 as
		** TimeML writes it (TimeBank: "expire at midnight Friday",
		** 1989-10-27T24); its interval is that day, so it agrees
		** with "expires Friday" */
		fc_civil_from_days(day - 1, &y, &mo, &d);
		snprintf(buf, sizeof(buf), "%04d-%02d-%02dT24", y, mo, d);
		return norm_emit(m, out, FC_TIMEX_TIME, buf);
	}
	fc_civil_from_days(day, &y, &mo, &d);
	if (has_sec)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", y,
			 mo, d, h, mi, sec);
	else
		snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d", y, mo,
			 d, h, mi);
	return norm_emit(m, out, FC_TIMEX_TIME, buf);
}

