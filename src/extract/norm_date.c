/*
** norm_date.c: the value of a date from its parts: the year read from
** its slot (digits, two digits or words: "nineteen ninety-six"), the
** parts checked (norm_read_parts), and a missing year inferred from the
** reference (norm_date_value): the nearest occurrence, the one rel
** names (last/this/next), or the past or coming one as the tense cues
** say (norm_prefer_past, norm_tense.c); quarters and halves as reported
** after they end; seasons by season-years. Then the TIMEX3 value is
** written (2026-01-16, 2026-01, 2026-Q3, 2026-H1, 2026-SU; XXXX-01-16
** is TIMEX3's own notation for a date whose year is unknown).
** The date productions that use it are in norm_time.c.
*/
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#include "extract/norm_p.h"

/* ---- Year inference ---------------------------------------------------- */

/*
** Choose the occurrence of a cyclic unit (residue s of period P) relative
** to the reference ordinal R: rel < 0 the last before R, rel > 0 the
** first after R, rel == 0 the current cycle, no rel the nearest (ties go
** to the past).
*/
static long pick_cyclic(long R, long s, long P, bool has_rel, int rel)
{
	long k0 = R - (((R - s) % P) + P) % P; /* largest <= R */
	if (!has_rel)
		return (R - k0) <= (k0 + P - R) ? k0 : k0 + P;
	if (rel < 0)
		return k0 == R ? k0 - P : k0;
	if (rel > 0)
		return k0 + P;
	return R - (R % P + P) % P + s; /* the same year */
}

/*
** Quarters and halves (P of them a year) are reported after they end:
** the latest period s begun by R (the reference's period), or, after
** a future cue, the next one when that ended over three months ago
** ("plans to cut jobs after a third-quarter loss", "will report
** third-quarter net": the one just ended stays).
*/
static long period_latest(const struct norm_match *m, long R, long s, long P)
{
	const struct norm_ref *r = m->ref;
	long k0 = pick_cyclic(R, s, P, true, 0);
	if (k0 > R)
		k0 -= P;
	long months = 12 / P;
	long ended = r->y * 12L + r->m - 1 - (k0 * months + months - 1);
	if (ended <= 3)
		return k0; /* whatever the tense (read only when it decides) */
	int t = norm_tense(m);
	bool fut = (t > 0 && t != NORM_TENSE_SCHED) ||
		   (t == 0 && m->n->prefer == NORM_PREFER_FUTURE);
	return fut ? k0 + P : k0;
}

/* Two-digit years: the century that puts the year nearest the past. */
static int full_year(const struct norm_match *m, const struct norm_val *v,
		     int y)
{
	size_t digits = 0;
	for (size_t i = 0; i < v->len; i++)
		digits += v->s[i] >= '0' && v->s[i] <= '9';
	if (!v->is_raw || digits > 2 || y >= 100)
		return y;
	int ref = m->ref->is_set ? m->ref->y : 2000;
	int c = (ref / 100) * 100 + y;
	return c > ref + 10 ? c - 100 : c;
}

/*
** Is the match the end of a range after a day ("August 15-November 30",
** "March 30 to April 2", "between June 28 and July 3")? A dash, "to",
** "through", "until", "till" or "and" between it and digits before.
*/
static bool ends_range(const struct norm_match *m)
{
	const char *t = m->text;
	uint32_t i = m->start, lo = m->stretch_start;
	while (i > lo && t[i - 1] == ' ')
		i--;
	if (i > lo && t[i - 1] == '-') {
		i--;
	} else if (i >= lo + 3 && !memcmp(t + i - 3, "\xe2\x80\x93", 3)) {
		i -= 3;
	} else {
		static const char *const words[] = {"to", "through", "until",
						    "till", "and"};
		uint32_t e = i;
		while (i > lo && t[i - 1] >= 'a' && t[i - 1] <= 'z')
			i--;
		bool is_word = false;
		for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
			is_word |= strlen(words[k]) == e - i &&
				   !memcmp(t + i, words[k], e - i);
		if (!is_word || i == e || i == lo || t[i - 1] != ' ')
			return false;
	}
	while (i > lo && t[i - 1] == ' ')
		i--;
	return i > lo && t[i - 1] >= '0' && t[i - 1] <= '9';
}

/* ---- Reading the parts ------------------------------------------------- */

/* The value of word s[0, len) in table t (NAN when absent). */
static double word_value(const struct fc_norm *n, int t, const char *s,
			 size_t len)
{
	char buf[32];
	size_t kl = norm_key(s, len, buf, sizeof(buf));
	int32_t k = t >= 0 && kl < sizeof(buf)
			    ? norm_hash_get(&n->lookup, t, buf, kl)
			    : -1;
	return k >= 0 ? n->tables[t].nums[k] : NAN;
}

/* The next word of s[*i, len): its start, and *i past it; 0 length when
** none is left. */
static size_t next_word(const char *s, size_t len, size_t *i, size_t *start)
{
	while (*i < len && !isalpha((unsigned char)s[*i]))
		(*i)++;
	*start = *i;
	while (*i < len && (isalpha((unsigned char)s[*i]) || s[*i] == '\''))
		(*i)++;
	return *i - *start;
}

/*
** A year in words: "nineteen ninety-six" (19, 96), "twenty ten",
** "nineteen oh five" (a year_zero word), "nineteen hundred" (a scale of
** 100), "two thousand and five" (a larger scale: the whole number).
** NAN when it is not one.
*/
static double spelled_year(const struct fc_norm *n, const char *s, size_t len)
{
	size_t i = 0, w, ws;
	while ((w = next_word(s, len, &i, &ws)))
		if (word_value(n, n->t_scale, s + ws, w) >= 1000)
			return norm_number(n, s, len);
	i = 0;
	w = next_word(s, len, &i, &ws);
	double hi = word_value(n, n->t_number, s + ws, w);
	if (!isfinite(hi) || hi < 10 || hi > 29)
		return NAN;
	size_t rest = i;
	if (!(w = next_word(s, len, &i, &ws)))
		return NAN;
	if (word_value(n, n->t_scale, s + ws, w) == 100)
		return hi * 100;
	if (isfinite(word_value(n, n->t_year_zero, s + ws, w)))
		rest = i; /* "oh five" */
	double lo = norm_number(n, s + rest, len - rest);
	if (!isfinite(lo) || lo < 0 || lo > 99)
		return NAN;
	return hi * 100 + lo;
}

/* The year in slot sy (digits, two digits, or words); false if none. */
bool norm_slot_year(const struct norm_match *m, enum norm_slot sy, int *y)
{
	struct norm_val v;
	if (!norm_slot(m, sy, &v))
		return false;
	if (v.is_raw && v.len && isalpha((unsigned char)v.s[0]))
		v.num = spelled_year(m->n, v.s, v.len);
	if (!isfinite(v.num) || fabs(v.num) > 1e5)
		return false;
	*y = full_year(m, &v, (int)v.num);
	return true;
}

bool norm_read_parts(const struct norm_match *m, enum norm_slot sy,
		     enum norm_slot sm, enum norm_slot sd,
		     struct norm_parts *p)
{
	memset(p, 0, sizeof(*p));
	if (norm_slot_year(m, sy, &p->y)) {
		p->has_y = true;
		if (p->y < 1 || p->y > 9999)
			return false;
	}
	if ((p->has_mo = norm_get_int(m, sm, &p->mo)) &&
	    (p->mo < 1 || p->mo > 12))
		return false;
	if ((p->has_d = norm_get_int(m, sd, &p->d)) && (p->d < 1 || p->d > 31))
		return false;
	if (sy == S_YEAR) {
		if ((p->has_q = norm_get_int(m, S_QUARTER, &p->q)) &&
		    (p->q < 1 || p->q > 4))
			return false;
		norm_get_str(m, S_SEASON, p->season, sizeof(p->season));
	}
	return true;
}

/* ---- The value --------------------------------------------------------- */

/* Fill in the year of p and write its value; false when invalid. */
bool norm_date_value(const struct norm_match *m, struct norm_parts *p,
		       char *buf, size_t cap)
{
	const struct norm_ref *r = m->ref;
	int rel = 0;
	bool has_rel = norm_get_int(m, S_REL, &rel);
	static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
	int si = -1;
	for (int i = 0; i < 4 && p->season[0]; i++)
		if (!strcmp(p->season, seasons[i]))
			si = i;
	/* a half of the year ("the second half of 1989"): H1, H2 */
	int hi = p->season[0] == 'H' && (p->season[1] == '1' ||
					 p->season[1] == '2') &&
			 !p->season[2]
		     ? p->season[1] - '1'
		     : -1;
	if (p->season[0] && si < 0 && hi < 0)
		return false;
	int wdd;
	if (!p->has_y && !p->has_mo && p->has_d && r->is_set &&
	    norm_get_int(m, S_WEEKDAY, &wdd) &&
	    norm_weekday_mday(m, wdd, p->d, &p->y, &p->mo))
		p->has_y = p->has_mo = true; /* "Thursday the 15th" */
	if (!p->has_y && !p->has_mo && p->has_d && r->is_set) {
		/* "on the 15th": this month's, the last or the next one */
		int py = r->y, pm = r->m, fy = r->y, fm = r->m;
		for (int k = 0;
		     k < 3 && (p->d > r->d || p->d > norm_dim(py, pm));
		     k++) {
			if (--pm < 1)
				pm = 12, py--;
			if (p->d <= norm_dim(py, pm))
				break;
		}
		for (int k = 0;
		     k < 3 && (p->d < r->d || p->d > norm_dim(fy, fm));
		     k++) {
			if (++fm > 12)
				fm = 1, fy++;
			if (p->d <= norm_dim(fy, fm))
				break;
		}
		long past = r->days - fc_days_from_civil(py, pm, p->d);
		long fut = fc_days_from_civil(fy, fm, p->d) - r->days;
		bool is_past = norm_prefer_past(m, past, fut);
		p->y = is_past ? py : fy;
		p->mo = is_past ? pm : fm;
		p->has_y = p->has_mo = true;
	}
	int yrel;
	if (!p->has_y && r->is_set && norm_get_int(m, S_YREL, &yrel) &&
	    yrel > -100 && yrel < 100) {
		p->y = r->y + yrel; /* "last year's third quarter" */
		p->has_y = true;
	}
	int wd;
	if (!p->has_y && r->is_set && p->has_mo && p->has_d && !has_rel &&
	    norm_get_int(m, S_WEEKDAY, &wd) && wd >= 1 && wd <= 7) {
		/* "Friday, July 18": the year nearest the reference in
		** which that day is a Friday */
		long best = LONG_MAX;
		for (int k = -7; k <= 7; k++) {
			int y = r->y + k;
			if (p->d > norm_dim(y, p->mo))
				continue;
			int32_t dd = fc_days_from_civil(y, p->mo, p->d);
			long dist = labs((long)dd - r->days);
			if (fc_weekday(dd) + 1 != wd || dist > best ||
			    (dist == best && !norm_prefer_past(m, dist, dist)))
				continue;
			best = dist;
			p->y = y;
			p->has_y = true;
		}
	}
	if (!p->has_y && r->is_set) {
		if (p->has_mo && p->has_d) {
			if (has_rel) {
				long k = pick_cyclic(r->y * 12L + r->m - 1,
						     p->mo - 1, 12, true, rel);
				p->y = (int)(k / 12);
			} else {
				/* the latest on or before the reference, or the
				** first after it */
				int py = r->y, fy = r->y;
				if (fc_days_from_civil(r->y, p->mo, 1) +
					    p->d - 1 > r->days)
					py--;
				else
					fy++;
				while (p->d > norm_dim(py, p->mo) &&
				       py > r->y - 8)
					py--;
				while (p->d > norm_dim(fy, p->mo) &&
				       fy < r->y + 8)
					fy++;
				long past = r->days -
					    fc_days_from_civil(py, p->mo, p->d);
				long fut = fc_days_from_civil(fy, p->mo, p->d) -
					   r->days;
				p->y = norm_prefer_past(m, past, fut) ? py : fy;
				/* "delivery August 15-November 30": the end of a
				** range is not before its start */
				struct fc_time t;
				if (p->y == py && ends_range(m) &&
				    norm_last_mention_near(m, &t) &&
				    t.grain == FC_GRAIN_DAY &&
				    fc_days_from_civil(py, p->mo, p->d) < t.lo &&
				    fc_days_from_civil(fy, p->mo, p->d) - t.lo <
					    366)
					p->y = fy;
			}
			p->has_y = true;
		} else if (p->has_mo) {
			long R = r->y * 12L + r->m - 1;
			long k = pick_cyclic(R, p->mo - 1, 12, has_rel, rel);
			if (!has_rel) {
				long k0 = pick_cyclic(R, p->mo - 1, 12, true,
						      0);
				if (k0 > R)
					k0 -= 12;
				k = norm_prefer_past(m, R - k0, k0 + 12 - R)
					    ? k0
					    : k0 + 12;
			}
			p->y = (int)(k / 12);
			p->has_y = true;
		} else if (p->has_q) {
			long R = r->y * 4L + (r->m - 1) / 3;
			long k = has_rel ? pick_cyclic(R, p->q - 1, 4, true, rel)
					 : period_latest(m, R, p->q - 1, 4);
			p->y = (int)(k / 4);
			p->has_y = true;
		} else if (hi >= 0) {
			/* halves, as quarters ("will report first-half
			** results" in July: the one just ended) */
			long R = r->y * 2L + (r->m - 1) / 6;
			long k = has_rel ? pick_cyclic(R, hi, 2, true, rel)
					 : period_latest(m, R, hi, 2);
			p->y = (int)(k / 2);
			p->has_y = true;
		} else if (si >= 0) {
			/* season-years: winter of y runs into y+1 */
			int rs = r->m >= 3 && r->m <= 5   ? 0
				 : r->m >= 6 && r->m <= 8 ? 1
				 : r->m >= 9 && r->m <= 11 ? 2
							   : 3;
			int ry = r->m <= 2 ? r->y - 1 : r->y;
			long R = ry * 4L + rs;
			long k = pick_cyclic(R, si, 4, has_rel, rel);
			/* "this summer" is the reference's calendar year's
			** (in January the coming one, not that of the
			** winter's season-year) unless a past verb of its
			** own tells of the one gone ("This summer, polar
			** bears were seen", "when the thaw began this
			** spring"; not a verb of saying, "will launch it this
			** fall, he told Reuters": below -1), "this winter"
			** the one it is in */
			if (has_rel && rel == 0 && si != rs &&
			    k != r->y * 4L + si && norm_tense(m) >= -1)
				k = r->y * 4L + si;
			if (!has_rel) {
				/* the season it is, else the last or the next
				** one as the tense says ("the summit is due
				** in the autumn"); without a cue the nearer */
				long k0 = pick_cyclic(R, si, 4, true, -1);
				if (k0 + 4 <= R)
					k0 += 4;
				if (k0 != R)
					k = norm_prefer_past(m, R - k0,
							     k0 + 4 - R)
						    ? k0
						    : k0 + 4;
			}
			p->y = (int)(k / 4);
			p->has_y = true;
		} else if (has_rel) {
			p->y = r->y + rel;
			p->has_y = true;
		}
	}
	/* written by hand: snprintf cost more than the rest of this
	** function, and it runs for most date matches */
	char v[40], *o = v;
	if (p->has_y) {
		char ys[24];
		size_t yl = (size_t)(norm_put_int(ys, p->y, 4) - ys);
		if (yl > 7)
			yl = 7; /* as the 8-byte buffer this was cut to */
		memcpy(o, ys, yl);
		o += yl;
	} else {
		memcpy(o, "XXXX", 4); /* TIMEX3: the year is unknown */
		o += 4;
	}
	if (p->has_mo && p->has_d) {
		if (p->has_y && p->d > norm_dim(p->y, p->mo))
			return false;
		*o++ = '-';
		o = norm_put_int(o, p->mo, 2);
		*o++ = '-';
		o = norm_put_int(o, p->d, 2);
	} else if (p->has_mo) {
		*o++ = '-';
		o = norm_put_int(o, p->mo, 2);
	} else if (p->has_q) {
		*o++ = '-';
		*o++ = 'Q';
		o = norm_put_int(o, p->q, 1);
	} else if (hi >= 0) {
		*o++ = '-';
		*o++ = 'H';
		o = norm_put_int(o, hi + 1, 1);
	} else if (si >= 0) {
		*o++ = '-';
		memcpy(o, seasons[si], 2);
		o += 2;
	} else if (!p->has_y) {
		return false;
	}
	norm_put_cap(buf, cap, v, (size_t)(o - v));
	return true;
}
