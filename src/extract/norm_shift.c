/*
** norm_shift.c: times built on another time.
**
**   shift    an inner time moved by a span (slots snum, sunit, sago: "in
**            a year", "3 months ago", "15 minutes from"). The inner time
**            is a holiday, a clock time, a weekday, a date (month, day,
**            year), else the reference day moved by rel days, or (value
**            now) the reference instant. With base ref the reference
**            moves first and the inner time is resolved from there, in
**            that year ("Thanksgiving in a year", "March two years ago",
**            "in 7 days at 5pm"); else the inner time's value moves, at
**            its own grain ("3 years from today" is a day, "15 minutes
**            from 1pm", "a day from right now", "March after next": rel
**            1 and a span of a year).
**   nth_in   the n-th day or week (Monday to Sunday, its Thursday
**            inside) of a month or a year, counted from its end with ago -1:
**            "the first week of October 2014", "the third last week of
**            2018", "the fifth last day of May"
**   closest  the n-th closest weekday or holiday to a date ("the closest
**            Monday to Oct 5th", "the second closest Christmas to
**            today"), or with base after / before the n-th one after or
**            before it ("the third Tuesday after Christmas 2014")
**
** The inner time is resolved by the production that would read it alone
** (a copy of the pattern with another production), so it follows the
** same readings and tense cues.
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

/* ---- The inner time ---------------------------------------------------- */

/* The production that reads the inner time of m, or NPRODS for none. */
static enum norm_prod inner_prod(const struct norm_match *m,
				 bool skip_weekday, bool skip_holiday)
{
	struct norm_val v;
	if (!skip_holiday && norm_slot(m, S_HOLIDAY, &v))
		return P_HOLIDAY;
	if (norm_slot(m, S_HOUR, &v))
		return P_TIME_OF_DAY;
	if (!skip_weekday && norm_slot(m, S_WEEKDAY, &v))
		return P_WEEKDAY;
	if (norm_slot(m, S_MONTH, &v) || norm_slot(m, S_DAY, &v) ||
	    norm_slot(m, S_YEAR, &v))
		return P_DATE;
	return NPRODS;
}

/*
** Resolve the inner time of m by production prod against ref r; yrel0:
** in r's year when no year is said. One candidate in *c, or false.
*/
static bool resolve_inner(const struct norm_match *m, enum norm_prod prod,
			  const struct norm_ref *r, bool yrel0,
			  struct norm_cand *c)
{
	struct norm_pattern p = *m->p;
	struct norm_match m2 = *m;
	struct norm_val v;
	p.prod = prod;
	p.set[S_READING] = NULL; /* checked for the whole pattern already */
	/* the count, unit and base are the outer production's */
	static const enum norm_slot outer[] = {S_NUM, S_AGO, S_UNIT, S_BASE};
	for (size_t i = 0; i < sizeof(outer) / sizeof(*outer); i++) {
		p.slot_group[outer[i]][0] = 0;
		p.set[outer[i]] = NULL;
	}
	if (prod == P_DATE || prod == P_HOLIDAY) {
		/* a weekday beside them is the outer one's ("the closest
		** Monday to Oct 5th") */
		p.slot_group[S_WEEKDAY][0] = 0;
		p.set[S_WEEKDAY] = NULL;
	}
	if (yrel0 && !norm_slot(m, S_YEAR, &v))
		p.set[S_YREL] = "0";
	m2.p = &p;
	/* a moved reference (base ref): the span tells the inner time's
	** day, so it looks back at no date in the text ("Tomorrow ...
	** in 7 days at 5pm" is the 5pm of the seventh day, whatever
	** "Tomorrow" read from the moved reference would be) */
	if (r != m->ref)
		m2.is_rescan = true;
	m2.ref = r;
	struct norm_cand out[2];
	if (norm_time_produce(&m2, out) < 1 || !out[0].time.is_anchored)
		return false;
	*c = out[0];
	return true;
}

/* ---- Spans --------------------------------------------------------------- */

struct span {
	long n;    /* signed count */
	char u[4]; /* Y Q M W D TH TM TS */
};

static bool read_span(const struct norm_match *m, struct span *s)
{
	struct norm_val v;
	int ago = 1;
	s->n = 1;
	if (norm_slot(m, S_SNUM, &v)) {
		if (!isfinite(v.num) || v.num < 0 || v.num > 10000 ||
		    v.num != floor(v.num))
			return false;
		s->n = (long)v.num;
	}
	norm_get_int(m, S_SAGO, &ago);
	if (ago < 0)
		s->n = -s->n;
	if (!norm_get_str(m, S_SUNIT, s->u, sizeof(s->u)))
		return false;
	static const char *const units[] = {"Y", "Q", "M", "W", "D",
					    "TH", "TM", "TS"};
	for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++)
		if (!strcmp(s->u, units[i]))
			return true;
	return false;
}

/* Seconds of a clock unit, 0 for a calendar one. */
static long span_secs(const struct span *s)
{
	return s->u[0] != 'T' ? 0 : s->u[1] == 'H' ? 3600 : s->u[1] == 'M' ? 60 : 1;
}

/* The coarsest grain a span can move without going below it. */
static enum fc_grain span_grain(const struct span *s)
{
	switch (s->u[0]) {
	case 'Y': return FC_GRAIN_YEAR;
	case 'Q': return FC_GRAIN_QUARTER;
	case 'M': return FC_GRAIN_MONTH;
	case 'W': return FC_GRAIN_WEEK;
	case 'D': return FC_GRAIN_DAY;
	default:
		return s->u[1] == 'H'	? FC_GRAIN_HOUR
		       : s->u[1] == 'M' ? FC_GRAIN_MINUTE
					: FC_GRAIN_SECOND;
	}
}

/* An instant: a day and the seconds into it. */
struct instant {
	int32_t day;
	long sec;
};

/* Move t by s: months and years on the calendar (the day clamped to the
** month's end), weeks and days by days, clock units by seconds. */
static bool move(struct instant *t, const struct span *s)
{
	long secs = span_secs(s);
	if (secs) {
		long long x = (long long)t->day * 86400 + t->sec + s->n * secs;
		long long day = x >= 0 ? x / 86400 : (x - 86399) / 86400;
		t->day = (int32_t)day;
		t->sec = (long)(x - day * 86400);
		return true;
	}
	if (s->u[0] == 'W' || s->u[0] == 'D') {
		t->day += (int32_t)(s->n * (s->u[0] == 'W' ? 7 : 1));
		return true;
	}
	int y, mo, d;
	fc_civil_from_days(t->day, &y, &mo, &d);
	long k = y * 12L + mo - 1 +
		 s->n * (s->u[0] == 'Y' ? 12 : s->u[0] == 'Q' ? 3 : 1);
	if (k < 12 || k >= 10000 * 12L)
		return false;
	y = (int)(k / 12);
	mo = (int)(k % 12) + 1;
	if (d > norm_dim(y, mo))
		d = norm_dim(y, mo);
	t->day = fc_days_from_civil(y, mo, d);
	return true;
}

/* The value of instant t at grain g (a week, a day or finer). */
static bool instant_value(struct instant t, enum fc_grain g, char *buf,
			  size_t cap)
{
	int y, mo, d;
	fc_civil_from_days(t.day, &y, &mo, &d);
	if (y < 1 || y > 9999)
		return false;
	int h = (int)(t.sec / 3600), mi = (int)(t.sec / 60 % 60),
	    se = (int)(t.sec % 60);
	switch (g) {
	case FC_GRAIN_YEAR: snprintf(buf, cap, "%04d", y); break;
	case FC_GRAIN_MONTH: snprintf(buf, cap, "%04d-%02d", y, mo); break;
	case FC_GRAIN_WEEK: {
		int wy, ww;
		norm_iso_week(t.day, &wy, &ww);
		snprintf(buf, cap, "%04d-W%02d", wy, ww);
		break;
	}
	case FC_GRAIN_DAY:
		snprintf(buf, cap, "%04d-%02d-%02d", y, mo, d);
		break;
	case FC_GRAIN_HOUR:
	case FC_GRAIN_MINUTE:
		snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
		break;
	case FC_GRAIN_SECOND:
		snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d,
			 h, mi, se);
		break;
	default: return false;
	}
	return true;
}

/* The instant a candidate starts at (its value's clock, if any). */
static struct instant cand_instant(const struct norm_cand *c)
{
	struct instant t = {c->time.lo, 0};
	const char *T = strchr(c->time.value, 'T');
	int h = 0, mi = 0, se = 0;
	if (T && sscanf(T, "T%2d:%2d:%2d", &h, &mi, &se) >= 2)
		t.sec = h * 3600L + mi * 60 + se;
	return t;
}

static struct instant ref_instant(const struct norm_ref *r)
{
	struct instant t = {r->days, r->hh * 3600L + r->mi * 60 + r->ss};
	return t;
}

/* r moved to instant t (its time of day only when it has one). */
static void ref_at(struct norm_ref *r, struct instant t)
{
	r->days = t.day;
	fc_civil_from_days(t.day, &r->y, &r->m, &r->d);
	if (r->is_time) {
		r->hh = (int)(t.sec / 3600);
		r->mi = (int)(t.sec / 60 % 60);
		r->ss = (int)(t.sec % 60);
	}
}

int norm_prod_shift(const struct norm_match *m, struct norm_cand *out)
{
	const struct norm_ref *r = m->ref;
	struct span s;
	char base[8] = "", val[8] = "", buf[40];
	if (!r->is_set || !read_span(m, &s))
		return 0;
	bool is_clock_span = span_secs(&s) != 0;
	if (is_clock_span && !r->is_time)
		return 0;
	norm_get_str(m, S_BASE, base, sizeof(base));
	enum norm_prod prod = inner_prod(m, false, false);
	struct norm_cand c;
	if (!strcmp(base, "ref")) {
		/* the reference moves; the inner time is read from there */
		struct norm_ref r2 = *r;
		struct instant t = ref_instant(r);
		if (prod == NPRODS || !move(&t, &s))
			return 0;
		ref_at(&r2, t);
		if (!resolve_inner(m, prod, &r2, true, &c))
			return 0;
		return norm_emit(m, out, c.time.type, c.time.value);
	}
	struct instant t;
	enum fc_grain g;
	enum fc_timex_type type = FC_TIMEX_DATE;
	if (prod != NPRODS) {
		if (!resolve_inner(m, prod, r, false, &c))
			return 0;
		t = cand_instant(&c);
		g = c.time.grain;
		type = c.time.type;
	} else if (norm_get_str(m, S_VALUE, val, sizeof(val)) &&
		   !strcmp(val, "now")) {
		if (!r->is_time)
			return 0;
		t = ref_instant(r);
		g = r->has_sec ? FC_GRAIN_SECOND : FC_GRAIN_MINUTE;
		type = FC_TIMEX_TIME;
	} else {
		int rel = 0;
		norm_get_int(m, S_REL, &rel);
		if (rel < -1000 || rel > 1000)
			return 0;
		t.day = r->days + rel;
		t.sec = 0;
		g = FC_GRAIN_DAY;
	}
	/* a span finer than the time cannot move it ("2014 in a week") */
	if (span_grain(&s) < g && !(g == FC_GRAIN_HOUR && is_clock_span))
		return 0;
	if (g == FC_GRAIN_HOUR)
		g = FC_GRAIN_MINUTE;
	if (!move(&t, &s) || !instant_value(t, g, buf, sizeof(buf)))
		return 0;
	return norm_emit(m, out, type, buf);
}

bool norm_weekday_mday(const struct norm_match *m, int wd, int d, int *y,
		       int *mo)
{
	const struct norm_ref *r = m->ref;
	if (!r->is_set || wd < 1 || wd > 7 || d < 1 || d > 31)
		return false;
	int32_t past = INT32_MIN, fut = INT32_MIN;
	long k0 = r->y * 12L + r->m - 1;
	/* a day of the month falls on each weekday within 14 months */
	for (long k = k0 - 15; k <= k0 + 15; k++) {
		int yy = (int)(k / 12), mm = (int)(k % 12) + 1;
		if (yy < 1 || yy > 9999 || d > norm_dim(yy, mm))
			continue;
		int32_t x = fc_days_from_civil(yy, mm, d);
		if (fc_weekday(x) + 1 != wd)
			continue;
		if (x <= r->days)
			past = x;
		else if (fut == INT32_MIN)
			fut = x;
	}
	if (past == INT32_MIN && fut == INT32_MIN)
		return false;
	int32_t x = fut == INT32_MIN ? past
		    : past == INT32_MIN
			    ? fut
			    : norm_prefer_past(m, r->days - past, fut - r->days)
				      ? past
				      : fut;
	int dd;
	fc_civil_from_days(x, y, mo, &dd);
	return true;
}

/* ---- nth_in ------------------------------------------------------------ */

int norm_prod_nth_in(const struct norm_match *m, struct norm_cand *out)
{
	int n, ago = 1;
	char unit[4], buf[40];
	if (!norm_get_int(m, S_NUM, &n) || n < 1 || n > 53 ||
	    !norm_get_str(m, S_UNIT, unit, sizeof(unit)))
		return 0;
	norm_get_int(m, S_AGO, &ago);
	enum norm_prod prod = inner_prod(m, true, true);
	struct norm_cand c;
	if (prod != P_DATE || !resolve_inner(m, prod, m->ref, false, &c) ||
	    (c.time.grain != FC_GRAIN_MONTH && c.time.grain != FC_GRAIN_YEAR))
		return 0;
	int32_t lo = c.time.lo, hi = c.time.hi - 1, day; /* [lo, hi] */
	struct instant t = {0, 0};
	enum fc_grain g;
	if (!strcmp(unit, "D")) {
		day = ago < 0 ? hi - (n - 1) : lo + (n - 1);
		g = FC_GRAIN_DAY;
	} else if (!strcmp(unit, "W")) {
		/* the weeks (Monday to Sunday) whose Thursday is inside, as
		** ISO 8601 gives a week to a year: most of their days are */
		int32_t thu1 = lo + (3 - fc_weekday(lo) + 7) % 7;
		int32_t thun = hi - (fc_weekday(hi) - 3 + 7) % 7;
		day = (ago < 0 ? thun - 7 * (n - 1) : thu1 + 7 * (n - 1)) - 3;
		g = FC_GRAIN_WEEK;
	} else {
		return 0;
	}
	if (g == FC_GRAIN_WEEK ? day + 3 < lo || day + 3 > hi
			       : day < lo || day > hi)
		return 0;
	t.day = day;
	if (!instant_value(t, g, buf, sizeof(buf)))
		return 0;
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
}

/* ---- closest ------------------------------------------------------------- */

/* Days of the holiday rule's occurrences near day b (3 years either side
** and more for larger n), into v; how many. */
static size_t holiday_days(const char *rule, int32_t b, int n, int32_t *v,
			   size_t cap)
{
	int y, mo, d;
	size_t k = 0;
	fc_civil_from_days(b, &y, &mo, &d);
	for (int yy = y - n - 1; yy <= y + n + 1 && k < cap; yy++) {
		int32_t x = yy >= 1 && yy <= 9999 ? norm_holiday_day(rule, yy)
						  : INT32_MIN;
		if (x != INT32_MIN)
			v[k++] = x;
	}
	return k;
}

int norm_prod_closest(const struct norm_match *m, struct norm_cand *out)
{
	int n = 1, wd = 0;
	char base[8] = "", rule[64] = "";
	if (!m->ref->is_set)
		return 0;
	norm_get_int(m, S_NUM, &n);
	norm_get_str(m, S_BASE, base, sizeof(base));
	if (n < 1 || n > 20)
		return 0;
	bool is_wd = norm_get_int(m, S_WEEKDAY, &wd);
	if (is_wd && (wd < 1 || wd > 7))
		return 0;
	if (!is_wd && !norm_get_str(m, S_HOLIDAY, rule, sizeof(rule)))
		return 0;
	/* the date counted from: a holiday (before a weekday), a date, or
	** the reference day moved by rel */
	enum norm_prod prod = inner_prod(m, true, !is_wd);
	int32_t b;
	struct norm_cand c;
	if (prod == P_HOLIDAY || prod == P_DATE) {
		if (!resolve_inner(m, prod, m->ref, false, &c) ||
		    c.time.grain != FC_GRAIN_DAY)
			return 0;
		b = c.time.lo;
	} else {
		int rel = 0;
		norm_get_int(m, S_REL, &rel);
		if (prod != NPRODS || rel < -1000 || rel > 1000)
			return 0;
		b = m->ref->days + rel;
	}
	/* the candidates, nearest first (ties: the earlier) */
	int32_t v[64];
	size_t k = 0;
	if (is_wd) {
		int32_t first = b - 7 * (n + 1);
		first += (wd - 1 - fc_weekday(first) + 7) % 7;
		for (int32_t x = first; x <= b + 7 * (n + 1) && k < 64; x += 7)
			v[k++] = x;
	} else {
		k = holiday_days(rule, b, n, v, 64);
	}
	bool is_after = !strcmp(base, "after"), is_before = !strcmp(base, "before");
	int32_t best = INT32_MIN;
	for (int i = 0; i < n; i++) {
		size_t bi = k;
		for (size_t j = 0; j < k; j++) {
			if ((is_after && v[j] <= b) || (is_before && v[j] >= b))
				continue;
			long dj = labs((long)v[j] - b);
			if (bi == k || dj < labs((long)v[bi] - b) ||
			    (dj == labs((long)v[bi] - b) && v[j] < v[bi]))
				bi = j;
		}
		if (bi == k)
			return 0;
		best = v[bi];
		v[bi] = v[--k];
	}
	struct instant t = {best, 0};
	char buf[40];
	if (!instant_value(t, FC_GRAIN_DAY, buf, sizeof(buf)))
		return 0;
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
}
