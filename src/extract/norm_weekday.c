/*
** norm_weekday.c: weekdays. The news reading: the most recent such day
** on or before the reference, unless a future cue precedes it; "3
** Fridays from now", "Wednesday of next week", "Friday after next".
*/
#include <stdio.h>
#include <string.h>

#include "extract/norm_p.h"

/* The day (days since epoch) a weekday wd (1 = Monday) names. */
int32_t norm_weekday_day(const struct norm_match *m, int wd, bool has_rel,
			   int rel)
{
	const struct norm_ref *r = m->ref;
	int rw = fc_weekday(r->days) + 1; /* 1 = Monday */
	if (has_rel && rel < 0) {
		int back = (rw - wd + 7) % 7;
		return r->days - (back ? back : 7);
	}
	if (has_rel && rel > 0)
		return r->days - (rw - 1) + 7 + (wd - 1);
	if (has_rel && rel == 0)
		return r->days + (wd - rw + 7) % 7;
	int back = (rw - wd + 7) % 7, ahead = (wd - rw + 7) % 7;
	int t = norm_tense(m);
	bool fwd = t > 0 ||
		   (t == 0 && (m->n->prefer == NORM_PREFER_FUTURE ||
			       (m->n->prefer == NORM_PREFER_NEAREST &&
				ahead < back)));
	if (fwd && t == 0 && !ahead)
		ahead = 7; /* "Monday" said on a Monday: the next */
	return fwd ? r->days + ahead : r->days - back;
}

/*
** A weekday with a count or a week: "3 Fridays from now" (num, ago 1),
** "2 Thursdays ago", "Wednesday of next week" (unit W, rel), "Friday
** after next" (base after_next): 1 and *day; 0 when none of these
** applies; -1 when the count or week is out of range (no day at all).
*/
static int weekday_counted(const struct norm_match *m, int wd,
			   int32_t *day)
{
	const struct norm_ref *r = m->ref;
	int rw = fc_weekday(r->days) + 1, n, ago = 1, rel = 0;
	char unit[4], base[16];
	struct norm_val nv;
	if (norm_slot(m, S_NUM, &nv)) {
		/* a count out of range ("600 Fridays from now"): no day */
		if (!norm_get_int(m, S_NUM, &n) || n < 1 || n > 520)
			return -1;
		norm_get_int(m, S_AGO, &ago);
		int ahead = (wd - rw + 7) % 7, back = (rw - wd + 7) % 7;
		*day = ago < 0 ? r->days - (back ? back : 7) - 7 * (n - 1)
			       : r->days + (ahead ? ahead : 7) + 7 * (n - 1);
		return 1;
	}
	if (norm_get_str(m, S_UNIT, unit, sizeof(unit)) && !strcmp(unit, "W")) {
		norm_get_int(m, S_REL, &rel);
		if (rel < -100 || rel > 100)
			return -1;
		*day = r->days - (rw - 1) + 7 * rel + (wd - 1);
		return 1;
	}
	if (norm_get_str(m, S_BASE, base, sizeof(base)) &&
	    !strcmp(base, "mention")) {
		/* "the previous Friday", "the following Monday": the one
		** before or after the day mentioned last (a Friday told of
		** makes the previous Friday the week before it); none
		** mentioned: from the reference */
		struct fc_time t;
		if (!norm_get_int(m, S_REL, &rel) || rel == 0)
			return 0;
		int32_t from = r->days;
		if (norm_last_mention(m, 0, 0, 0, &t) &&
		    t.grain != FC_GRAIN_NONE && t.grain <= FC_GRAIN_DAY)
			from = t.lo;
		int fw = fc_weekday(from) + 1;
		if (rel < 0) {
			int back = (fw - wd + 7) % 7;
			*day = from - (back ? back : 7);
		} else {
			int ahead = (wd - fw + 7) % 7;
			*day = from + (ahead ? ahead : 7);
		}
		return 1;
	}
	if (norm_get_str(m, S_BASE, base, sizeof(base)) &&
	    (!strcmp(base, "after_next") || !strcmp(base, "ahead"))) {
		/* "this coming Sunday": the next one; "Friday after
		** next": a week after that */
		int ahead = (wd - rw + 7) % 7;
		*day = r->days + (ahead ? ahead : 7);
		if (!strcmp(base, "after_next"))
			*day += 7;
		return 1;
	}
	return 0;
}

int norm_prod_weekday(const struct norm_match *m, struct norm_cand *out)
{
	int wd, rel = 0;
	if (!norm_get_int(m, S_WEEKDAY, &wd) || wd < 1 || wd > 7)
		return 0;
	bool has_rel = norm_get_int(m, S_REL, &rel);
	char buf[40], part[8];
	norm_part_suffix(m, part, sizeof(part));
	if (!m->ref->is_set) {
		/* (TIMEX3: a weekday of no known week, year and week
		** unsaid as X digits) */
		snprintf(buf, sizeof(buf), "XXXX-WXX-%d", wd);
		return norm_emit(m, out, FC_TIMEX_DATE, buf);
	}
	int y, mo, d;
	int32_t day;
	int counted = weekday_counted(m, wd, &day);
	if (counted < 0)
		return 0;
	if (!counted)
		day = norm_weekday_day(m, wd, has_rel, rel);
	fc_civil_from_days(day, &y, &mo, &d);
	*norm_put_ymd(buf, 3, y, mo, d, part) = 0;
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
}
