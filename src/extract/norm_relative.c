/*
** norm_relative.c: relative times: an offset by unit from the
** reference or (slot base) from the date last mentioned: last year, two
** weeks ago, yesterday, the following year, the quarter. Weekdays are
** norm_weekday.c's.
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

/*
** The first nparts of y, mo, d at o as "%04ld-%02ld-%02ld", then suffix;
** returns the end (not NUL-terminated). At most 34 bytes and the suffix:
** the values here are days and offsets bounded by the callers.
*/
char *norm_put_ymd(char *o, int nparts, long y, long mo, long d,
		   const char *suffix)
{
	if (nparts >= 1)
		o = norm_put_int(o, y, 4);
	if (nparts >= 2) {
		*o++ = '-';
		o = norm_put_int(o, mo, 2);
	}
	if (nparts >= 3) {
		*o++ = '-';
		o = norm_put_int(o, d, 2);
	}
	size_t len = strlen(suffix);
	memcpy(o, suffix, len);
	return o + len;
}

/* ---- relative ---------------------------------------------------------- */

/*
** Where a relative expression counts from: the reference day, or (slot
** base) the date mentioned last. base values:
**   mention  from the last mention ("the following year", "two days
**            later"), at the unit's grain
**   grain    at the grain of the last mention when it is a quarter or
**            a half and near the reference ("a year ago" after "the
**            third quarter" is that quarter a year before), else from
**            the reference
**   mention_grain  both ("a year earlier")
**   quarter  from the last mentioned quarter, else the last quarter
**            ended before the reference ("the quarter", "the year-ago
**            quarter")
**   last_quarter  the last quarter ended before the reference ("the
**            latest quarter")
**   tense    the weekend around the reference the tense points to
*/
struct origin {
	int y, m, d;
	int32_t days;
	enum fc_grain grain;
	/* counted from a mention coarser than the unit ("In 1910 ...
	** three days later"): the result is told at this grain (1910),
	** what is known of it; FC_GRAIN_NONE otherwise */
	enum fc_grain coarse;
};

static void origin_at(struct origin *o, int32_t days, enum fc_grain g)
{
	o->days = days;
	o->grain = g;
	o->coarse = FC_GRAIN_NONE;
	fc_civil_from_days(days, &o->y, &o->m, &o->d);
}

/* Can a mention of grain g (coarser than the unit) be told at its own
** grain? A week, month, quarter, half, year or decade can. */
static bool is_coarse_grain(enum fc_grain g)
{
	return g >= FC_GRAIN_WEEK && g <= FC_GRAIN_DECADE &&
	       g != FC_GRAIN_SEASON;
}

/* The day a count after coarser date t is told from: its middle, where
** the count lands most often ("eleven months later" after "in 2005" is
** 2006 for every day of 2005 but January's; from its first day it was
** 2005); hi is exclusive. */
static int32_t coarse_middle(const struct fc_time *t)
{
	return t->hi > t->lo ? t->lo + (t->hi - t->lo - 1) / 2 : t->lo;
}

static enum fc_grain unit_grain(const char *unit)
{
	static const struct {
		const char *u;
		enum fc_grain g;
	} map[] = {{"D", FC_GRAIN_DAY},	    {"W", FC_GRAIN_WEEK},
		   {"WE", FC_GRAIN_WEEK},   {"M", FC_GRAIN_MONTH},
		   {"Q", FC_GRAIN_QUARTER}, {"H", FC_GRAIN_HALF},
		   {"Y", FC_GRAIN_YEAR},    {"DE", FC_GRAIN_DECADE}};
	for (size_t i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (!strcmp(unit, map[i].u))
			return map[i].g;
	return FC_GRAIN_NONE;
}

/*
** Does the sentence before the match name a span longer than a quarter
** (table year_span, a word or two: "For the nine months, ... a year
** earlier", "first-half profit ... year-ago")? Then a comparison a year
** back is of that span, at the year's grain, not of the quarter last
** talked about. At most 40 words back, in the match's sentence and the
** one before it ("... for the nine months. The year-ago results ...").
*/
static bool span_before(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	int tb = norm_table_find(n, "year_span");
	if (tb < 0)
		return false;
	const char *t = m->text;
	/* the sentence before may lie before the stretch (a sentence):
	** the text is the document's */
	uint32_t i = m->start, lo = 0;
	char pair[64];
	size_t nextlen = 0;
	int stops = 0;
	for (int words = 0; i > lo && words < 40; words++) {
		while (i > lo && !(((t[i - 1] | 0x20) >= 'a' &&
				    (t[i - 1] | 0x20) <= 'z'))) {
			char c = t[i - 1];
			if ((c == '.' || c == '!' || c == '?' || c == ';') &&
			    i < m->start && (t[i] == ' ' || t[i] == '\n') &&
			    ++stops > 1)
				return false; /* the sentence before that */
			i--;
		}
		uint32_t e = i;
		while (i > lo && ((t[i - 1] | 0x20) >= 'a' &&
				  (t[i - 1] | 0x20) <= 'z'))
			i--;
		char buf[32];
		size_t len = norm_key(t + i, e - i, buf, sizeof(buf));
		if (e == i || len >= sizeof(buf)) {
			nextlen = 0;
			continue;
		}
		if (norm_hash_get(&n->lookup, tb, buf, len) >= 0)
			return true;
		if (nextlen) {
			memmove(pair + len + 1, pair, nextlen);
			memcpy(pair, buf, len);
			pair[len] = ' ';
			if (norm_hash_get(&n->lookup, tb, pair,
					  len + 1 + nextlen) >= 0)
				return true;
		}
		memcpy(pair, buf, len);
		nextlen = len;
	}
	return false;
}

bool norm_relative_is_comparison(const struct norm_match *m,
				 const struct fc_time *t)
{
	char base[16], unit[8];
	int dir = -1;
	if (!norm_get_str(m, S_BASE, base, sizeof(base)) ||
	    strcmp(base, "mention_grain") ||
	    !norm_get_str(m, S_UNIT, unit, sizeof(unit)) ||
	    unit_grain(unit) < FC_GRAIN_QUARTER)
		return false;
	norm_get_int(m, S_AGO, &dir);
	return dir < 0 && (!t || labs((long)t->lo - m->ref->days) < 730);
}

/* Does the sentence of m name a year before it ("this year's sales
** ... up from 1.27 billion the prior year", "income for the year just
** ended ... the previous year")? Then its figures are a year's. The
** word is one valued Y in table cal_unit_one (none without the table). */
static bool year_in_sentence(const struct norm_match *m)
{
	const char *t = m->text;
	uint32_t lo = m->stretch_start;
	int tab = norm_table_find(m->n, "cal_unit_one");
	for (uint32_t i = m->start; tab >= 0 && i > lo; i--) {
		char c = t[i - 1];
		if ((c == '.' || c == ';' || c == '!' || c == '?') &&
		    (t[i] == ' ' || t[i] == '\n'))
			return false;
		if (!norm_is_alpha(c) || norm_is_alpha(t[i]))
			continue;
		uint32_t b = i - 1; /* a word ends at i: where it starts */
		while (b > lo && norm_is_alpha(t[b - 1]))
			b--;
		const char *val;
		if (norm_in_table(m->n, tab, t, b, i, &val) && !strcmp(val, "Y"))
			return true;
		i = b + 1;
	}
	return false;
}

/* "the year before", "the previous year" from the last mention: after
** a quarter or half told of, a report's comparison, that quarter a year
** before, as "a year earlier" reads. One year only ("two years
** earlier" after a quarter tells of a year); not a possessor ("the
** prior year's earnings": the year's), nor after a year told of in
** its sentence (year_in_sentence). */
static bool is_year_back(const struct norm_match *m, const char *base,
			 int off, enum fc_grain ug)
{
	const char *e = m->text + m->end;
	/* "'s", or with a typeset apostrophe (U+2019) "’s" */
	bool possessor = (m->end + 1 < m->stretch_end && e[0] == '\'' &&
			  (e[1] | 0x20) == 's') ||
			 (m->end + 3 < m->stretch_end &&
			  !memcmp(e, "\xe2\x80\x99", 3) && (e[3] | 0x20) == 's');
	return !strcmp(base, "mention") && off == -1 &&
	       ug == FC_GRAIN_YEAR && !possessor && !year_in_sentence(m);
}

/* Pick the origin; *unit may change to the mention's grain. */
static void relative_origin(const struct norm_match *m, char *unit,
			    size_t cap, int off, struct origin *o)
{
	const struct norm_ref *r = m->ref;
	char base[16];
	origin_at(o, r->days, FC_GRAIN_DAY);
	if (!norm_get_str(m, S_BASE, base, sizeof(base)))
		return;
	struct fc_time t;
	enum fc_grain ug = unit_grain(unit);
	if (!strcmp(base, "tense")) {
		/* the weekend (or week) read as a bare weekday is: the last
		** one, the current one on a Saturday or Sunday, the next one
		** after a future cue */
		int rw = fc_weekday(r->days);
		int32_t sat = r->days - (rw - 5);
		if (rw < 5) { /* a weekday: the tense decides */
			int tn = norm_tense(m);
			bool fwd = tn > 0 ||
				   (tn == 0 &&
				    m->n->prefer == NORM_PREFER_FUTURE);
			sat = fwd ? r->days + (5 - rw) : r->days - (rw + 2);
		}
		origin_at(o, sat, FC_GRAIN_DAY);
		return;
	}
	bool is_period = !strcmp(base, "period");
	if (!strcmp(base, "quarter") || !strcmp(base, "last_quarter") ||
	    is_period) {
		int yy;
		if (is_period && span_before(m)) {
			/* "For the nine months, ... the 1988 period": the
			** span, at the year's grain */
			if (!norm_get_int(m, S_YEAR, &yy) || yy < 1 ||
			    yy > 9999)
				yy = r->y;
			origin_at(o, fc_days_from_civil(yy, 1, 1),
				  FC_GRAIN_YEAR);
			snprintf(unit, cap, "Y");
			return;
		}
		/* a quarter a year or more before the last one ended is
		** a comparison, not the quarter reported */
		int q = (r->m - 1) / 3, y = r->y;
		if (--q < 0)
			q = 3, y--;
		int32_t last = fc_days_from_civil(y, 3 * q + 1, 1);
		/* the quarter last ended (or the one running) when it was
		** talked about: a report compares that one ("third-quarter
		** net ... after a flat second quarter ... the year-earlier
		** period"), else the last one talked about */
		if (base[0] != 'l' &&
		    (norm_last_mention(m, NORM_WANT_Q, last, r->days, &t) ||
		     norm_last_mention(m, NORM_WANT_Q, last - 300, r->days,
				       &t)))
			origin_at(o, t.lo, FC_GRAIN_QUARTER);
		else
			origin_at(o, last, FC_GRAIN_QUARTER);
		if (norm_get_int(m, S_YEAR, &yy) && yy >= 1 && yy <= 9999)
			origin_at(o, fc_days_from_civil(yy, o->m, 1), o->grain);
		return;
	}
	bool from_mention = !strcmp(base, "mention") ||
			    !strcmp(base, "mention_grain");
	bool take_grain = !strcmp(base, "grain") ||
			  !strcmp(base, "mention_grain");
	if (!strcmp(base, "grain")) {
		/* "a year ago": before the quarter or half last talked
		** about when it is near the reference */
		int q = (r->m - 1) / 3, y = r->y;
		if (--q < 0)
			q = 3, y--;
		int32_t last = fc_days_from_civil(y, 3 * q + 1, 1);
		if (ug > FC_GRAIN_QUARTER && !span_before(m) &&
		    (norm_last_mention(m, NORM_WANT_Q, last, r->days, &t) ||
		     norm_last_mention(m, NORM_WANT_Q | NORM_WANT_H,
				       r->days - 400, r->days + 400, &t)) &&
		    t.grain < ug) {
			origin_at(o, t.lo, t.grain);
			snprintf(unit, cap, "%s",
				 t.grain == FC_GRAIN_QUARTER ? "Q" : "H");
		}
		return;
	}
	if (!norm_last_mention(m, 0, 0, 0, &t))
		return;
	/* "a year earlier" in a report means before now; after a date
	** long past ("in 1995 ... a year earlier") it counts from that;
	** "a week later", "a day earlier" count from the date told of, and
	** so does "a year later" ("joined on May 1, 2004 ... a year later":
	** 2005; a year after now would be told "a year from now") */
	if (norm_relative_is_comparison(m, &t))
		from_mention = false;
	bool is_half_or_q = t.grain == FC_GRAIN_QUARTER ||
			    t.grain == FC_GRAIN_HALF;
	if (is_year_back(m, base, off, ug))
		take_grain = true;
	if (take_grain && is_half_or_q && t.grain < ug &&
	    (from_mention || labs((long)t.lo - r->days) < 400) &&
	    !span_before(m)) {
		origin_at(o, t.lo, t.grain);
		snprintf(unit, cap, "%s",
			 t.grain == FC_GRAIN_QUARTER ? "Q" : "H");
		return;
	}
	/* a mention coarser than the unit cannot place it ("the next
	** day" after "in 1995"): when it holds the reference, count from
	** the reference (news tells of its own days); else from its
	** middle (coarse_middle), told at its grain ("In 1910 ... three
	** days later" is 1910: the year is known, the day is not); "that
	** day", "earlier in the day" (no count) name a day the text has
	** not told */
	if (from_mention && off > 0 && t.grain > ug && ug >= FC_GRAIN_DAY &&
	    is_coarse_grain(t.grain) &&
	    (r->days < t.lo || r->days >= t.hi)) {
		origin_at(o, coarse_middle(&t), t.grain);
		o->coarse = t.grain;
	} else if (from_mention && t.grain <= ug && t.grain >= FC_GRAIN_DAY)
		origin_at(o, t.lo, t.grain);
	else if (from_mention && t.grain < FC_GRAIN_DAY &&
		 ug >= FC_GRAIN_DAY)
		origin_at(o, t.lo, FC_GRAIN_DAY);
}

/*
** The origin of a relative time: with a reference, relative_origin();
** without one, only a mention can place it ("in 1995 ... the following
** year"). False when nothing does.
*/
static bool unreferenced_origin(const struct norm_match *m, char *unit,
				size_t cap, int off, struct origin *o)
{
	char base[16];
	struct fc_time t;
	if (m->ref->is_set) {
		relative_origin(m, unit, cap, off, o);
		return true;
	}
	if (!norm_get_str(m, S_BASE, base, sizeof(base)))
		return false;
	if (!strcmp(base, "quarter") || !strcmp(base, "period")) {
		if (!norm_last_mention(m, NORM_WANT_Q, INT32_MIN, INT32_MAX,
				       &t))
			return false;
		origin_at(o, t.lo, t.grain);
		return true;
	}
	if (strcmp(base, "mention") && strcmp(base, "mention_grain"))
		return false;
	enum fc_grain ug = unit_grain(unit);
	if (!norm_last_mention(m, 0, 0, 0, &t) ||
	    (t.grain > ug &&
	     (off <= 0 || ug < FC_GRAIN_DAY || !is_coarse_grain(t.grain))))
		return false;
	if (t.grain > ug) {
		origin_at(o, coarse_middle(&t), t.grain);
		o->coarse = t.grain; /* as relative_origin() */
	} else {
		origin_at(o, t.lo, t.grain);
	}
	return true;
}

/* The day off units after day `from` (calendar units from its date). */
static int32_t day_after(int32_t from, const char *unit, int off)
{
	int y, mo, d;
	if (!strcmp(unit, "D"))
		return from + off;
	if (!strcmp(unit, "W") || !strcmp(unit, "WE"))
		return from + 7 * off;
	int months = !strcmp(unit, "M")	 ? off
		     : !strcmp(unit, "Q")  ? 3 * off
		     : !strcmp(unit, "H")  ? 6 * off
		     : !strcmp(unit, "Y")  ? 12 * off
		     : !strcmp(unit, "DE") ? 120 * off
					   : 0;
	fc_civil_from_days(from, &y, &mo, &d);
	long k = y * 12L + mo - 1 + months;
	y = (int)(k / 12);
	mo = (int)(k % 12) + 1;
	return fc_days_from_civil(y, mo, d > norm_dim(y, mo) ? norm_dim(y, mo) : d);
}

/* The value of day `day` told at grain g (is_coarse_grain) into buf. */
static void put_at_grain(char *buf, int32_t day, enum fc_grain g)
{
	int y, mo, d;
	fc_civil_from_days(day, &y, &mo, &d);
	char *e = buf;
	if (g == FC_GRAIN_WEEK) {
		int wy, ww;
		norm_iso_week(day, &wy, &ww);
		e = norm_put_ymd(buf, 1, wy, 0, 0, "-W");
		e = norm_put_int(e, ww, 2);
	} else if (g == FC_GRAIN_MONTH) {
		e = norm_put_ymd(buf, 2, y, mo, 0, "");
	} else if (g == FC_GRAIN_QUARTER || g == FC_GRAIN_HALF) {
		bool q = g == FC_GRAIN_QUARTER;
		e = norm_put_ymd(buf, 1, y, 0, 0, q ? "-Q" : "-H");
		e = norm_put_int(e, (mo - 1) / (q ? 3 : 6) + 1, 1);
	} else if (g == FC_GRAIN_YEAR) {
		e = norm_put_ymd(buf, 1, y, 0, 0, "");
	} else {
		e = norm_put_int(buf, y / 10, 3);
	}
	*e = 0;
}

/* Units per year of a calendar unit, for offsets counted in years. */
static int per_year(const char *unit)
{
	return !strcmp(unit, "M") ? 12 : !strcmp(unit, "Q") ? 4
					 : !strcmp(unit, "H") ? 2
							      : 1;
}

/* Seconds in a clock unit (TS, TM, TH as in dur_unit), else 0. */
static int clock_unit_secs(const char *unit)
{
	return unit[0] != 'T' || !unit[1] || unit[2] ? 0
	       : unit[1] == 'S'			 ? 1
	       : unit[1] == 'M'			 ? 60
	       : unit[1] == 'H'			 ? 3600
						 : 0;
}

/* The reference as seconds since 1970-01-01 00:00 of its zone. */
static int64_t ref_secs(const struct norm_ref *r)
{
	return (int64_t)r->days * 86400 + r->hh * 3600 + r->mi * 60 + r->ss;
}

/* A TIME value for second t of the reference's zone at grain g. */
static int emit_instant(const struct norm_match *m, struct norm_cand *out,
			int64_t t, enum fc_grain g)
{
	int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400, s = t - day * 86400;
	int y, mo, d;
	char buf[40];
	fc_civil_from_days((int32_t)day, &y, &mo, &d);
	if (y < 1 || y > 9999)
		return 0;
	int n = snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d", y, mo,
			 d, (int)(s / 3600),
			 g == FC_GRAIN_HOUR ? 0 : (int)(s / 60 % 60));
	if (g == FC_GRAIN_SECOND)
		snprintf(buf + n, sizeof(buf) - (size_t)n, ":%02d",
			 (int)(s % 60));
	return norm_emit(m, out, FC_TIMEX_TIME, buf);
}

/*
** Offsets finer than a day: "in 3 minutes", "two hours ago", "one
** second from now", "in half an hour" (num + num2/den of the unit),
** "now" (rel 0). They need the reference's time of day; without one
** they give nothing ("now" is PRESENT_REF by rel.reference, the rest
** durations).
** The grain is the unit's (an hour counts in minutes), one finer under
** options: shift_grain: finer (a part of an hour: two finer); "now" is
** at the reference's grain.
*/
static int clock_offset(const struct norm_match *m, struct norm_cand *out,
			int secs)
{
	const struct norm_ref *r = m->ref;
	struct norm_val v;
	int ago = -1, num2, den, rel = 0;
	bool has_num = norm_slot(m, S_NUM, &v);
	if (!r->is_set || !r->is_time)
		return 0;
	if (has_num && !v.is_raw && v.len == 1 && v.s[0] == 'X') {
		/* "a few minutes ago" */
		norm_get_int(m, S_AGO, &ago);
		return norm_emit(m, out, FC_TIMEX_DATE,
				 ago < 0 ? "PAST_REF" : "FUTURE_REF");
	}
	double num = has_num ? v.num : 0;
	if (has_num && isnan(num))
		return 0;
	if (norm_get_int(m, S_DEN, &den) && norm_get_int(m, S_NUM2, &num2) &&
	    den > 0)
		num += (double)num2 / den;
	if (!has_num && !norm_get_int(m, S_REL, &rel))
		return 0;
	if (!has_num && rel == 0)
		return emit_instant(m, out, ref_secs(r),
				    r->has_sec ? FC_GRAIN_SECOND
					       : FC_GRAIN_MINUTE);
	norm_get_int(m, S_AGO, &ago);
	double off = (has_num ? num : rel) * secs * (ago < 0 ? -1 : 1);
	if (off < -1e9 || off > 1e9)
		return 0;
	enum fc_grain g = secs == 1 ? FC_GRAIN_SECOND : FC_GRAIN_MINUTE;
	if (m->n->is_shift_finer && (secs == 60 || num != floor(num)))
		g = FC_GRAIN_SECOND; /* half an hour counts in minutes */
	return emit_instant(m, out, ref_secs(r) + llround(off), g);
}

/*
** A number read with the one before it ("N-" or "N to": slot num2, no
** den: no fraction) whose first is not below the
** second is a score ("drew 1-1 days later", "won 2 to 1 days later"),
** no date: true then, and so it is for a first of nought ("lost 0-1
** days later": no range of days starts at none). A range, "3-4 weeks
** earlier", is none.
*/
static bool is_score(const struct norm_match *m)
{
	struct norm_val lo, hi;
	return !norm_slot(m, S_DEN, &hi) && norm_slot(m, S_NUM2, &lo) &&
	       lo.is_raw && norm_slot(m, S_NUM, &hi) &&
	       !(isfinite(lo.num) && isfinite(hi.num) && lo.num > 0 &&
		 lo.num < hi.num);
}

/* A pair read as a range ("12 to 14 months ago"; is_score false). */
static bool is_range(const struct norm_match *m)
{
	struct norm_val v;
	return !norm_slot(m, S_DEN, &v) && norm_slot(m, S_NUM2, &v) &&
	       v.is_raw;
}

/* A count of decades ("a decade ago", "two decades earlier") is ten
** years each, not the calendar decade before: "a decade ago" from 1999
** is 1989 (TimeML), not the 1980s. A unit of many years, "25Y" ("a
** quarter-century ago": relative.yaml long_unit), is counted in years
** the same way. */
static void decades_as_years(char *unit, int *off)
{
	int years = 0;
	if (!strcmp(unit, "DE")) {
		years = 10;
	} else if (unit[0] >= '1' && unit[0] <= '9') {
		char *end;
		long k = strtol(unit, &end, 10);
		if (!strcmp(end, "Y") && k <= 1000)
			years = (int)k;
	}
	if (!years)
		return;
	memcpy(unit, "Y", 2);
	long v = (long)*off * years; /* beyond 10000: no date (the caller) */
	*off = v > 20000 ? 20000 : v < -20000 ? -20000 : (int)v;
}

/* The date of m (no score): the candidates made in out. */
static int relative_date(const struct norm_match *m, struct norm_cand *out)
{
	char unit[8], buf[40], part[8], base0[16];
	if (norm_get_str(m, S_BASE, base0, sizeof(base0)) &&
	    !strcmp(base0, "told_year"))
		return norm_told_year(m, out);
	if (!norm_get_str(m, S_UNIT, unit, sizeof(unit)))
		return 0;
	int secs = clock_unit_secs(unit);
	if (secs)
		return clock_offset(m, out, secs);
	int off = 0, num, ago = -1;
	struct norm_val nv;
	if (norm_slot(m, S_NUM, &nv) && !nv.is_raw && nv.len == 1 &&
	    nv.s[0] == 'X') {
		/* "several years ago", "a few weeks from now" */
		norm_get_int(m, S_AGO, &ago);
		return norm_emit(m, out, FC_TIMEX_DATE,
			    ago < 0 ? "PAST_REF" : "FUTURE_REF");
	}
	if (norm_get_int(m, S_NUM, &num)) {
		norm_get_int(m, S_AGO, &ago);
		off = num * (ago < 0 ? -1 : 1);
		decades_as_years(unit, &off);
	} else if (norm_slot(m, S_NUM, &nv)) {
		return 0; /* a count too large to be a time */
	} else {
		norm_get_int(m, S_REL, &off);
	}
	if (off < -10000 || off > 10000)
		return 0;
	norm_part_suffix(m, part, sizeof(part));
	char unit0[8];
	memcpy(unit0, unit, sizeof(unit0));
	struct origin o;
	if (!unreferenced_origin(m, unit, sizeof(unit), off, &o)) {
		/* unresolved: the year or week is unknown; finer units have
		** no TIMEX3 form with X, so only the direction is kept; a
		** quarter counted from one never said is unknown */
		char base[16];
		if (norm_get_str(m, S_BASE, base, sizeof(base)) &&
		    strstr(base, "quarter"))
			return 0;
		const char *v = !strcmp(unit, "Y")    ? "XXXX"
				: !strcmp(unit, "WE") ? "XXXX-WXX-WE"
				: unit[0] == 'W'      ? "XXXX-WXX"
				: off < 0	   ? "PAST_REF"
				: off > 0	   ? "FUTURE_REF"
						   : "PRESENT_REF";
		return norm_emit(m, out, FC_TIMEX_DATE, v);
	}
	if (o.coarse != FC_GRAIN_NONE) {
		int32_t day = day_after(o.days, unit, off);
		int y, mo, d;
		fc_civil_from_days(day, &y, &mo, &d);
		if (y < 1 || y > 9999)
			return 0;
		put_at_grain(buf, day, o.coarse);
		return norm_emit(m, out, FC_TIMEX_DATE, buf);
	}
	if (strcmp(unit, unit0)) /* a year counted in the mention's grain,
				  ** quarters in the span's year */
		off = off * per_year(unit) / per_year(unit0);
	int y, mo, d;
	if (m->n->is_shift_finer && norm_get_int(m, S_NUM, &num) &&
	    !strcmp(unit, "D") && m->ref->is_time && o.days == m->ref->days &&
	    o.grain == FC_GRAIN_DAY) {
		/* "in 7 days", "14 days ago" from a time of day: its hour */
		int64_t t = ref_secs(m->ref) + (int64_t)off * 86400;
		return emit_instant(m, out, t, FC_GRAIN_HOUR);
	}
	if (m->n->is_shift_finer && norm_get_int(m, S_NUM, &num) &&
	    !strcmp(unit, unit0) && strcmp(unit, "D")) {
		/* options: shift_grain: finer ("a week ago" is that day) */
		if (!strcmp(unit, "W")) {
			fc_civil_from_days(o.days + 7 * off, &y, &mo, &d);
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, mo, d);
		} else if (!strcmp(unit, "M") || !strcmp(unit, "Q")) {
			long k = o.y * 12L + o.m - 1 +
				 off * (unit[0] == 'Q' ? 3 : 1);
			y = (int)(k / 12);
			mo = (int)(k % 12) + 1;
			d = o.d > norm_dim(y, mo) ? norm_dim(y, mo) : o.d;
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, mo, d);
		} else if (!strcmp(unit, "Y")) {
			snprintf(buf, sizeof(buf), "%04d-%02d", o.y + off, o.m);
		} else {
			return 0;
		}
		return norm_emit(m, out, FC_TIMEX_DATE, buf);
	}
	/* written by hand: snprintf cost as much as the rest */
	char *e = buf;
	if (!strcmp(unit, "D")) {
		fc_civil_from_days(o.days + off, &y, &mo, &d);
		e = norm_put_ymd(buf, 3, y, mo, d, part);
	} else if (!strcmp(unit, "W") || !strcmp(unit, "WE")) {
		int wy, ww;
		norm_iso_week(o.days + 7 * off, &wy, &ww);
		e = norm_put_ymd(buf, 1, wy, 0, 0, "-W");
		e = norm_put_int(e, ww, 2);
		if (unit[1]) {
			memcpy(e, "-WE", 3);
			e += 3;
		}
	} else if (!strcmp(unit, "M")) {
		long k = o.y * 12L + o.m - 1 + off;
		e = norm_put_ymd(buf, 2, k / 12, k % 12 + 1, 0, "");
	} else if (!strcmp(unit, "Q") || !strcmp(unit, "H")) {
		/* "2025-Q3", "2025-H1" */
		int per = unit[0] == 'Q' ? 4 : 2;
		long k = o.y * (long)per + (o.m - 1) / (12 / per) + off;
		e = norm_put_ymd(buf, 1, k / per, 0, 0,
			    unit[0] == 'Q' ? "-Q" : "-H");
		e = norm_put_int(e, k % per + 1, 1);
	} else if (!strcmp(unit, "Y")) {
		e = norm_put_ymd(buf, 1, (long)o.y + off, 0, 0, "");
	} else if (!strcmp(unit, "DE")) {
		e = norm_put_int(buf, (long)o.y / 10 + off, 3);
	} else {
		return 0;
	}
	*e = 0;
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
}

int norm_prod_relative(const struct norm_match *m, struct norm_cand *out)
{
	/* a score: a mask over it and the rest (num2 is in the match), so
	** that no reading of "1 days later" inside it is taken (none in a
	** rescan, which wants a time) */
	if (is_score(m))
		return m->is_rescan ? 0 : norm_put_mask(&out[0], m->start, m->end);
	int n = relative_date(m, out);
	/* a range is no exact count: the upper is read, mod APPROX unless
	** a hedge said more ("at least 12 to 14 months ago": MORE_THAN) */
	for (int i = 0; i < n && is_range(m); i++)
		if (out[i].kind == FC_MENTION_TIME && !out[i].time.mod)
			out[i].time.mod = FC_MOD_APPROX;
	return n;
}
