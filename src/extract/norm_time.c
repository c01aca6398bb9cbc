/*
** norm_time.c: time productions. A match's slots (year, month, day,
** weekday, rel, num, unit, mod, ...) become one TIMEX3 value, resolved
** against the reference date when there is one; fc_time_parse() then
** derives grain and interval from the value, in one place.
**
**   date         calendar parts; a missing year is inferred (nearest to
**                the reference, or by rel: last/this/next)
**   weekday      news reading: the most recent such day on or before the
**                reference, unless a future cue precedes it
**   relative     offset by unit: last year, two weeks ago, yesterday
**   decade       the 1990s -> 199, the '90s, the 20th century -> 19
**   duration     20-year -> P20Y, 24 hours -> PT24H
**   set          every week -> P1W (SET), every Friday -> XXXX-WXX-5
**   literal      a constant value (now -> PRESENT_REF)
**   date_range   from January to March 2011: two dates sharing parts
**   time_of_day  3:30 p.m. -> reference date T15:30
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "extract/norm_p.h"

static const char *const mod_names[] = {
	"", "START", "MID", "END", "APPROX", "BEFORE", "AFTER",
	"ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
	"EQUAL_OR_LESS", "EQUAL_OR_MORE",
};

static enum fc_timex_mod parse_mod(const struct norm_val *v)
{
	for (size_t i = 1; i < sizeof(mod_names) / sizeof(*mod_names); i++)
		if (strlen(mod_names[i]) == v->len &&
		    !memcmp(mod_names[i], v->s, v->len))
			return (enum fc_timex_mod)i;
	return FC_MOD_NONE;
}

static enum fc_timex_mod get_mod(const struct norm_match *m)
{
	struct norm_val v;
	if (norm_slot(m, S_MOD, &v) && !v.is_raw) {
		enum fc_timex_mod md = parse_mod(&v);
		if (md)
			return md;
	}
	if (norm_slot(m, S_HEDGE, &v) && !v.is_raw)
		return parse_mod(&v);
	return FC_MOD_NONE;
}

static bool get_int(const struct norm_match *m, enum norm_slot s, int *out)
{
	struct norm_val v;
	if (!norm_slot(m, s, &v) || !isfinite(v.num) || fabs(v.num) > 1e7)
		return false;
	*out = (int)v.num;
	return true;
}

/* The value text of a slot as a NUL-terminated string (truncated). */
static bool get_str(const struct norm_match *m, enum norm_slot s, char *buf,
		    size_t cap)
{
	struct norm_val v;
	if (!norm_slot(m, s, &v))
		return false;
	size_t n = v.len < cap - 1 ? v.len : cap - 1;
	memcpy(buf, v.s, n);
	buf[n] = '\0';
	return true;
}

static int emit_value(const struct norm_match *m, struct norm_cand *c,
		      uint32_t start, uint32_t end, enum fc_timex_type type,
		      enum fc_timex_mod mod, const char *value)
{
	memset(c, 0, sizeof(*c));
	c->kind = FC_MENTION_TIME;
	c->start = start;
	c->end = end;
	c->time.type = type;
	c->time.mod = mod;
	if (fc_time_parse(value, &c->time) != FC_OK)
		return 0;
	return 1;
}

static int emit(const struct norm_match *m, struct norm_cand *c,
		enum fc_timex_type type, const char *value)
{
	return emit_value(m, c, m->start, m->end, type, get_mod(m), value);
}

static enum fc_timex_type get_type(const struct norm_match *m,
				   enum fc_timex_type dflt)
{
	char buf[16];
	if (!get_str(m, S_TYPE, buf, sizeof(buf)))
		return dflt;
	static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(buf, names[i]))
			return (enum fc_timex_type)i;
	return dflt;
}

/* ---- Calendar helpers -------------------------------------------------- */

#define dim norm_dim

/* ISO week (year, week) of a day. */
static void iso_week(int32_t days, int *wy, int *ww)
{
	int32_t thu = days - fc_weekday(days) + 3;
	int y, m, d;
	fc_civil_from_days(thu, &y, &m, &d);
	int32_t jan1 = fc_days_from_civil(y, 1, 1);
	*wy = y;
	*ww = (int)((thu - jan1) / 7) + 1;
}

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

static void part_suffix(const struct norm_match *m, char *buf, size_t cap)
{
	buf[0] = '\0';
	if (cap > 1 && get_str(m, S_PART, buf + 1, cap - 1) && buf[1])
		buf[0] = 'T';
	else
		buf[0] = '\0';
}

/* ---- date -------------------------------------------------------------- */

static int tense(const struct norm_match *m);

/*
** A date without a year, past or future occurrence (past days back,
** future days ahead): a tense cue before the match decides; without
** one, the news reading takes the past one unless the future one is
** less than half as far (options: prefer future / nearest change that).
*/
static bool prefer_past(const struct norm_match *m, long past, long future)
{
	int t = tense(m);
	if (t > 0)
		return past == 0;
	if (t < -1)
		return true; /* "the year ended Jan. 31" */
	/* a past verb ("said", "authorized ... payable Dec. 7") often
	** dates the reporting, not the event: the news reading decides */
	switch (t < 0 ? NORM_PREFER_PAST : m->n->prefer) {
	case NORM_PREFER_FUTURE: return past == 0;
	case NORM_PREFER_NEAREST: return past <= future;
	default: return past <= 2 * future;
	}
}

/*
** A year in words: "nineteen ninety-six" (19, 96), "twenty ten",
** "nineteen oh five", "nineteen hundred", "two thousand and five".
** NAN when it is not one.
*/
static double spelled_year(const struct fc_norm *n, const char *s, size_t len)
{
	size_t i = 0, e;
	while (i < len && !isalpha((unsigned char)s[i]))
		i++;
	for (size_t k = i; k + 8 <= len; k++)
		if (!strncasecmp(s + k, "thousand", 8))
			return norm_number(n, s + i, len - i);
	for (e = i; e < len && isalpha((unsigned char)s[e]); e++)
		;
	double hi = norm_number(n, s + i, e - i);
	if (!isfinite(hi) || hi < 10 || hi > 29)
		return NAN;
	while (e < len && !isalpha((unsigned char)s[e]))
		e++;
	if (len - e >= 7 && !strncasecmp(s + e, "hundred", 7))
		return hi * 100;
	/* "oh five", "o five" */
	if (len - e > 2 && (s[e] | 0x20) == 'o' &&
	    (s[e + 1] == ' ' || s[e + 1] == '-' || (s[e + 1] | 0x20) == 'h')) {
		e += (s[e + 1] | 0x20) == 'h' ? 2 : 1;
		while (e < len && !isalpha((unsigned char)s[e]))
			e++;
	}
	double lo = norm_number(n, s + e, len - e);
	if (!isfinite(lo) || lo < 0 || lo > 99)
		return NAN;
	return hi * 100 + lo;
}

/* The year in slot sy (digits, two digits, or words); false if none. */
static bool slot_year(const struct norm_match *m, enum norm_slot sy, int *y)
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

struct parts {
	int y, mo, d, q;
	bool has_y, has_mo, has_d, has_q;
	char season[4];
};

static bool read_parts(const struct norm_match *m, enum norm_slot sy,
		       enum norm_slot sm, enum norm_slot sd, struct parts *p)
{
	memset(p, 0, sizeof(*p));
	if (slot_year(m, sy, &p->y)) {
		p->has_y = true;
		if (p->y < 1 || p->y > 9999)
			return false;
	}
	if ((p->has_mo = get_int(m, sm, &p->mo)) && (p->mo < 1 || p->mo > 12))
		return false;
	if ((p->has_d = get_int(m, sd, &p->d)) && (p->d < 1 || p->d > 31))
		return false;
	if (sy == S_YEAR) {
		if ((p->has_q = get_int(m, S_QUARTER, &p->q)) &&
		    (p->q < 1 || p->q > 4))
			return false;
		get_str(m, S_SEASON, p->season, sizeof(p->season));
	}
	return true;
}

static bool rel_of(const struct norm_match *m, int *rel)
{
	return get_int(m, S_REL, rel);
}

/* Fill in the year of p and write its value; false when invalid. */
static bool date_value(const struct norm_match *m, struct parts *p,
		       char *buf, size_t cap)
{
	const struct norm_ref *r = m->ref;
	int rel = 0;
	bool has_rel = rel_of(m, &rel);
	static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
	int si = -1;
	for (int i = 0; i < 4 && p->season[0]; i++)
		if (!strcmp(p->season, seasons[i]))
			si = i;
	if (p->season[0] && si < 0)
		return false;
	if (!p->has_y && !p->has_mo && p->has_d && r->is_set) {
		/* "on the 15th": this month's, the last or the next one */
		int py = r->y, pm = r->m, fy = r->y, fm = r->m;
		for (int k = 0; k < 3 && (p->d > r->d || p->d > dim(py, pm));
		     k++) {
			if (--pm < 1)
				pm = 12, py--;
			if (p->d <= dim(py, pm))
				break;
		}
		for (int k = 0; k < 3 && (p->d < r->d || p->d > dim(fy, fm));
		     k++) {
			if (++fm > 12)
				fm = 1, fy++;
			if (p->d <= dim(fy, fm))
				break;
		}
		long past = r->days - fc_days_from_civil(py, pm, p->d);
		long fut = fc_days_from_civil(fy, fm, p->d) - r->days;
		bool is_past = prefer_past(m, past, fut);
		p->y = is_past ? py : fy;
		p->mo = is_past ? pm : fm;
		p->has_y = p->has_mo = true;
	}
	int yrel;
	if (!p->has_y && r->is_set && get_int(m, S_YREL, &yrel) &&
	    yrel > -100 && yrel < 100) {
		p->y = r->y + yrel; /* "last year's third quarter" */
		p->has_y = true;
	}
	int wd;
	if (!p->has_y && r->is_set && p->has_mo && p->has_d && !has_rel &&
	    get_int(m, S_WEEKDAY, &wd) && wd >= 1 && wd <= 7) {
		/* "Friday, July 18": the year nearest the reference in
		** which that day is a Friday */
		long best = LONG_MAX;
		for (int k = -7; k <= 7; k++) {
			int y = r->y + k;
			if (p->d > dim(y, p->mo))
				continue;
			int32_t dd = fc_days_from_civil(y, p->mo, p->d);
			long dist = labs((long)dd - r->days);
			if (fc_weekday(dd) + 1 != wd || dist > best ||
			    (dist == best && !prefer_past(m, dist, dist)))
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
				while (p->d > dim(py, p->mo) && py > r->y - 8)
					py--;
				while (p->d > dim(fy, p->mo) && fy < r->y + 8)
					fy++;
				long past = r->days -
					    fc_days_from_civil(py, p->mo, p->d);
				long fut = fc_days_from_civil(fy, p->mo, p->d) -
					   r->days;
				p->y = prefer_past(m, past, fut) ? py : fy;
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
				k = prefer_past(m, R - k0, k0 + 12 - R)
					    ? k0
					    : k0 + 12;
			}
			p->y = (int)(k / 12);
			p->has_y = true;
		} else if (p->has_q) {
			long R = r->y * 4L + (r->m - 1) / 3;
			long k = pick_cyclic(R, p->q - 1, 4, has_rel, rel);
			if (!has_rel) {
				long k0 = pick_cyclic(R, p->q - 1, 4, true, 0);
				if (k0 > R)
					k0 -= 4;
				/* quarters are reported after they end: the
				** past one unless a future cue says otherwise */
				int t = tense(m);
				bool fut = t > 0 ||
					   (t == 0 && m->n->prefer ==
							      NORM_PREFER_FUTURE);
				k = fut && k0 < R ? k0 + 4 : k0;
			}
			p->y = (int)(k / 4);
			p->has_y = true;
		} else if (si >= 0) {
			/* season-years: winter of y runs into y+1 */
			int rs = r->m >= 3 && r->m <= 5   ? 0
				 : r->m >= 6 && r->m <= 8 ? 1
				 : r->m >= 9 && r->m <= 11 ? 2
							   : 3;
			int ry = r->m <= 2 ? r->y - 1 : r->y;
			long k = pick_cyclic(ry * 4L + rs, si, 4, has_rel, rel);
			p->y = (int)(k / 4);
			p->has_y = true;
		} else if (has_rel) {
			p->y = r->y + rel;
			p->has_y = true;
		}
	}
	char ys[8];
	if (p->has_y)
		snprintf(ys, sizeof(ys), "%04d", p->y);
	else
		memcpy(ys, "XXXX", 5);
	if (p->has_mo && p->has_d) {
		if (p->has_y && p->d > dim(p->y, p->mo))
			return false;
		snprintf(buf, cap, "%s-%02d-%02d", ys, p->mo, p->d);
	} else if (p->has_mo) {
		snprintf(buf, cap, "%s-%02d", ys, p->mo);
	} else if (p->has_q) {
		snprintf(buf, cap, "%s-Q%d", ys, p->q);
	} else if (si >= 0) {
		snprintf(buf, cap, "%s-%s", ys, seasons[si]);
	} else if (p->has_y) {
		snprintf(buf, cap, "%s", ys);
	} else {
		return false;
	}
	return true;
}

/*
** base on a date: "last_day" ("the last day of October": the day is the
** month's last), "week" ("the week of March 6": the ISO week holding
** it). unit M with rel and no month: "the 20th of next month".
*/
static int prod_date(const struct norm_match *m, struct norm_cand *out)
{
	struct parts p;
	char buf[40], part[8], unit[4], base[12] = "";
	int rel = 0;
	get_str(m, S_BASE, base, sizeof(base));
	if (!read_parts(m, S_YEAR, S_MONTH, S_DAY, &p))
		return 0;
	if (!p.has_mo && get_str(m, S_UNIT, unit, sizeof(unit)) &&
	    !strcmp(unit, "M") && m->ref->is_set) {
		get_int(m, S_REL, &rel);
		if (rel < -1200 || rel > 1200)
			return 0;
		long k = m->ref->y * 12L + m->ref->m - 1 + rel;
		p.y = (int)(k / 12);
		p.mo = (int)(k % 12) + 1;
		p.has_y = p.has_mo = true;
	}
	if (!strcmp(base, "last_day")) {
		p.has_d = false;
		if (!date_value(m, &p, buf, sizeof(buf)) || !p.has_y ||
		    !p.has_mo)
			return 0;
		p.d = dim(p.y, p.mo);
		p.has_d = true;
	}
	if (!date_value(m, &p, buf, sizeof(buf)))
		return 0;
	if (!strcmp(base, "week") && p.has_y && p.has_mo && p.has_d) {
		int wy, ww;
		iso_week(fc_days_from_civil(p.y, p.mo, p.d), &wy, &ww);
		snprintf(buf, sizeof(buf), "%04d-W%02d", wy, ww);
		return emit(m, out, FC_TIMEX_DATE, buf);
	}
	part_suffix(m, part, sizeof(part));
	if (part[0] && p.has_d)
		strncat(buf, part, sizeof(buf) - strlen(buf) - 1);
	return emit(m, out, get_type(m, FC_TIMEX_DATE), buf);
}

/* Span of the raw slots among a, b, c (or the whole match). */
static void slots_span(const struct norm_match *m, const enum norm_slot *s,
		       size_t ns, uint32_t *start, uint32_t *end)
{
	*start = UINT32_MAX;
	*end = 0;
	for (size_t i = 0; i < ns; i++) {
		struct norm_val v;
		if (!norm_slot(m, s[i], &v) || (!v.start && !v.end))
			continue;
		if (v.start < *start)
			*start = v.start;
		if (v.end > *end)
			*end = v.end;
	}
	if (*start == UINT32_MAX) {
		*start = m->start;
		*end = m->end;
	}
}

static int prod_date_range(const struct norm_match *m, struct norm_cand *out)
{
	struct parts a, b;
	if (!read_parts(m, S_YEAR, S_MONTH, S_DAY, &a) ||
	    !read_parts(m, S_YEAR2, S_MONTH2, S_DAY2, &b))
		return 0;
	if (!a.has_y && b.has_y && (a.has_mo || a.has_d))
		a.y = b.y, a.has_y = true;
	if (!b.has_mo && a.has_mo && b.has_d)
		b.mo = a.mo, b.has_mo = true;
	if (!a.has_mo && b.has_mo && a.has_d)
		a.mo = b.mo, a.has_mo = true;
	if (!b.has_y && a.has_y && (b.has_mo || b.has_d))
		b.y = a.y, b.has_y = true;
	char va[40], vb[40];
	if (!date_value(m, &a, va, sizeof(va)) ||
	    !date_value(m, &b, vb, sizeof(vb)))
		return 0;
	static const enum norm_slot sa[] = {S_YEAR, S_MONTH, S_DAY};
	static const enum norm_slot sb[] = {S_YEAR2, S_MONTH2, S_DAY2};
	uint32_t s1, e1, s2, e2;
	slots_span(m, sa, 3, &s1, &e1);
	slots_span(m, sb, 3, &s2, &e2);
	if (e1 > s2)
		return 0;
	/* the first date runs from the match start over a suffix (13th),
	** the second to the match end */
	s1 = m->start;
	while (e1 < s2 && (((m->text[e1] | 0x20) >= 'a' &&
			    (m->text[e1] | 0x20) <= 'z') ||
			   m->text[e1] == '.'))
		e1++;
	e2 = m->end;
	int k = emit_value(m, &out[0], s1, e1, FC_TIMEX_DATE, FC_MOD_NONE, va);
	k += emit_value(m, &out[k], s2, e2, FC_TIMEX_DATE, FC_MOD_NONE, vb);
	return k;
}

/* ---- weekday ----------------------------------------------------------- */

static bool in_table(const struct fc_norm *n, int t, const char *w,
		     size_t len)
{
	return t >= 0 && norm_hash_get(&n->lookup, t, w, len) >= 0;
}

/* Is the lower-case word w a past form by its ending (-ed)? */
static bool past_by_suffix(const struct fc_norm *n, const char *w,
			   size_t len)
{
	if (n->t_past_suffix < 0 || len < 5)
		return false;
	for (size_t k = 2; k <= 3 && k + 2 < len; k++)
		if (in_table(n, n->t_past_suffix, w + len - k, k))
			return true;
	return false;
}

/*
** The tense of the clause before the match: +1 when the nearest cue is
** a future one (will, scheduled, next; tables future, tense_word,
** tense_pair), -1 when it is a past one (said, was, a verb in -ed not
** after "be"), -2 when that past verb is the word right before the
** match ("ended Jan. 31"), 0 when none is found within 16 words of the
** clause.
*/
static int tense(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	struct norm_val v;
	if (norm_slot(m, S_FUTURE, &v))
		return 1;
	if (n->t_future < 0)
		return 0;
	const char *t = m->text;
	uint32_t i = m->start, lo = m->stretch_start;
	bool pending_ed = false; /* an -ed word whose auxiliary is unseen */
	bool ed_adjacent = false; /* ... right before the match */
	char pair[64]; /* "word next": the word and the one after it */
	size_t nextlen = 0;
	for (int words = 0; i > lo && words < 16;) {
		while (i > lo && !((t[i - 1] | 0x20) >= 'a' &&
				   (t[i - 1] | 0x20) <= 'z') &&
		       t[i - 1] != '\'') {
			if (strchr(";:!?", t[i - 1]) ||
			    (t[i - 1] == '.' && i - 1 > lo && t[i - 2] != '.' &&
			     i < m->start && t[i] == ' '))
				return pending_ed ? -1 : 0; /* clause ends */
			i--;
		}
		uint32_t e = i;
		while (i > lo && (((t[i - 1] | 0x20) >= 'a' &&
				   (t[i - 1] | 0x20) <= 'z') ||
				  t[i - 1] == '\''))
			i--;
		if (e == i)
			break;
		words++;
		char buf[32];
		size_t len = norm_key(t + i, e - i, buf, sizeof(buf));
		if (len >= sizeof(buf)) {
			nextlen = 0;
			continue;
		}
		/* two-word cues first: "as soon as", "due to" (no cue) */
		int32_t k = -1;
		if (nextlen && n->t_tense_pair >= 0) {
			memmove(pair + len + 1, pair, nextlen);
			memcpy(pair, buf, len);
			pair[len] = ' ';
			k = norm_hash_get(&n->lookup, n->t_tense_pair, pair,
					  len + 1 + nextlen);
		}
		memcpy(pair, buf, len);
		nextlen = len;
		if (k >= 0) {
			double c = n->tables[n->t_tense_pair].nums[k];
			if (c > 0 && !pending_ed)
				return 1;
			if (c < 0)
				return -1;
			pending_ed = false;
			continue;
		}
		if (pending_ed) {
			if (!in_table(n, n->t_passive, buf, len))
				return ed_adjacent ? -2 : -1;
			pending_ed = false; /* "be named": look further */
			continue;
		}
		int32_t w = n->t_tense_word >= 0
				    ? norm_hash_get(&n->lookup, n->t_tense_word,
						    buf, len)
				    : -1;
		double c = w >= 0 ? n->tables[n->t_tense_word].nums[w] : 0;
		if (c > 0 || in_table(n, n->t_future, buf, len))
			return 1;
		/* a past verb right before the date is its own */
		if (c < 0 || in_table(n, n->t_past, buf, len))
			return words == 1 ? -2 : -1;
		if (past_by_suffix(n, buf, len)) {
			pending_ed = true;
			ed_adjacent = words == 1;
		}
	}
	return pending_ed ? (ed_adjacent ? -2 : -1) : 0;
}

/* The day (days since epoch) a weekday wd (1 = Monday) names. */
static int32_t weekday_day(const struct norm_match *m, int wd, bool has_rel,
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
	int t = tense(m);
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
** after next" (base after_next). False when none of these applies.
*/
static bool weekday_counted(const struct norm_match *m, int wd,
			    int32_t *day)
{
	const struct norm_ref *r = m->ref;
	int rw = fc_weekday(r->days) + 1, n, ago = 1, rel = 0;
	char unit[4], base[16];
	if (get_int(m, S_NUM, &n)) {
		if (n < 1 || n > 520)
			return false;
		get_int(m, S_AGO, &ago);
		int ahead = (wd - rw + 7) % 7, back = (rw - wd + 7) % 7;
		*day = ago < 0 ? r->days - (back ? back : 7) - 7 * (n - 1)
			       : r->days + (ahead ? ahead : 7) + 7 * (n - 1);
		return true;
	}
	if (get_str(m, S_UNIT, unit, sizeof(unit)) && !strcmp(unit, "W")) {
		get_int(m, S_REL, &rel);
		if (rel < -100 || rel > 100)
			return false;
		*day = r->days - (rw - 1) + 7 * rel + (wd - 1);
		return true;
	}
	if (get_str(m, S_BASE, base, sizeof(base)) &&
	    (!strcmp(base, "after_next") || !strcmp(base, "ahead"))) {
		/* "this coming Sunday": the next one; "Friday after
		** next": a week after that */
		int ahead = (wd - rw + 7) % 7;
		*day = r->days + (ahead ? ahead : 7);
		if (!strcmp(base, "after_next"))
			*day += 7;
		return true;
	}
	return false;
}

static int prod_weekday(const struct norm_match *m, struct norm_cand *out)
{
	int wd, rel = 0;
	if (!get_int(m, S_WEEKDAY, &wd) || wd < 1 || wd > 7)
		return 0;
	bool has_rel = rel_of(m, &rel);
	char buf[40], part[8];
	part_suffix(m, part, sizeof(part));
	if (!m->ref->is_set) {
		snprintf(buf, sizeof(buf), "XXXX-WXX-%d", wd);
		return emit(m, out, FC_TIMEX_DATE, buf);
	}
	int y, mo, d;
	int32_t day;
	if (!weekday_counted(m, wd, &day))
		day = weekday_day(m, wd, has_rel, rel);
	fc_civil_from_days(day, &y, &mo, &d);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d%s", y, mo, d, part);
	return emit(m, out, FC_TIMEX_DATE, buf);
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
};

static void origin_at(struct origin *o, int32_t days, enum fc_grain g)
{
	o->days = days;
	o->grain = g;
	fc_civil_from_days(days, &o->y, &o->m, &o->d);
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

/* Pick the origin; *unit may change to the mention's grain. */
static void relative_origin(const struct norm_match *m, char *unit,
			    size_t cap, struct origin *o)
{
	const struct norm_ref *r = m->ref;
	char base[16];
	origin_at(o, r->days, FC_GRAIN_DAY);
	if (!get_str(m, S_BASE, base, sizeof(base)))
		return;
	struct fc_time t;
	enum fc_grain ug = unit_grain(unit);
	if (!strcmp(base, "tense")) {
		/* the weekend (or week) read as a bare weekday is: the last
		** one, the current one on a Saturday or Sunday, the next one
		** after a future cue */
		int rw = fc_weekday(r->days), tn = tense(m);
		bool fwd = tn > 0 || (tn == 0 && m->n->prefer ==
							 NORM_PREFER_FUTURE);
		int32_t sat = rw >= 5 ? r->days - (rw - 5)
			      : fwd   ? r->days + (5 - rw)
				      : r->days - (rw + 2);
		origin_at(o, sat, FC_GRAIN_DAY);
		return;
	}
	if (!strcmp(base, "quarter") || !strcmp(base, "last_quarter")) {
		/* a quarter a year or more before the last one ended is
		** a comparison, not the quarter reported */
		int q = (r->m - 1) / 3, y = r->y;
		if (--q < 0)
			q = 3, y--;
		int32_t last = fc_days_from_civil(y, 3 * q + 1, 1);
		if (base[0] == 'q' &&
		    norm_last_mention(m, NORM_WANT_Q, last - 300, r->days,
				      &t))
			origin_at(o, t.lo, FC_GRAIN_QUARTER);
		else
			origin_at(o, last, FC_GRAIN_QUARTER);
		int yy;
		if (get_int(m, S_YEAR, &yy) && yy >= 1 && yy <= 9999)
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
		if (ug > FC_GRAIN_QUARTER &&
		    norm_last_mention(m, NORM_WANT_Q | NORM_WANT_H,
				      r->days - 400, r->days + 400, &t) &&
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
	** long past ("in 1995 ... a year earlier") it counts from that */
	if (from_mention && take_grain && labs((long)t.lo - r->days) < 730)
		from_mention = false;
	bool is_half_or_q = t.grain == FC_GRAIN_QUARTER ||
			    t.grain == FC_GRAIN_HALF;
	if (take_grain && is_half_or_q && t.grain < ug &&
	    (from_mention || labs((long)t.lo - r->days) < 400)) {
		origin_at(o, t.lo, t.grain);
		snprintf(unit, cap, "%s",
			 t.grain == FC_GRAIN_QUARTER ? "Q" : "H");
		return;
	}
	/* a mention coarser than the unit cannot place it ("the next
	** day" after "in 1995"): count from the reference */
	if (from_mention && t.grain <= ug && t.grain >= FC_GRAIN_DAY)
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
				size_t cap, struct origin *o)
{
	char base[16];
	struct fc_time t;
	if (m->ref->is_set) {
		relative_origin(m, unit, cap, o);
		return true;
	}
	if (!get_str(m, S_BASE, base, sizeof(base)))
		return false;
	if (!strcmp(base, "quarter")) {
		if (!norm_last_mention(m, NORM_WANT_Q, INT32_MIN, INT32_MAX,
				       &t))
			return false;
		origin_at(o, t.lo, t.grain);
		return true;
	}
	if (strcmp(base, "mention") && strcmp(base, "mention_grain"))
		return false;
	enum fc_grain ug = unit_grain(unit);
	if (!norm_last_mention(m, 0, 0, 0, &t) || t.grain > ug)
		return false;
	origin_at(o, t.lo, t.grain);
	return true;
}

/* Units per year of a calendar unit, for offsets counted in years. */
static int per_year(const char *unit)
{
	return !strcmp(unit, "M") ? 12 : !strcmp(unit, "Q") ? 4
					 : !strcmp(unit, "H") ? 2
							      : 1;
}

static int prod_relative(const struct norm_match *m, struct norm_cand *out)
{
	char unit[8], buf[40], part[8];
	if (!get_str(m, S_UNIT, unit, sizeof(unit)))
		return 0;
	int off = 0, num, ago = -1;
	struct norm_val nv;
	if (norm_slot(m, S_NUM, &nv) && !nv.is_raw && nv.len == 1 &&
	    nv.s[0] == 'X') {
		/* "several years ago", "a few weeks from now" */
		get_int(m, S_AGO, &ago);
		return emit(m, out, FC_TIMEX_DATE,
			    ago < 0 ? "PAST_REF" : "FUTURE_REF");
	}
	if (get_int(m, S_NUM, &num)) {
		get_int(m, S_AGO, &ago);
		off = num * (ago < 0 ? -1 : 1);
	} else {
		get_int(m, S_REL, &off);
	}
	if (off < -10000 || off > 10000)
		return 0;
	part_suffix(m, part, sizeof(part));
	char unit0[8];
	memcpy(unit0, unit, sizeof(unit0));
	struct origin o;
	if (!unreferenced_origin(m, unit, sizeof(unit), &o)) {
		/* unresolved: the year or week is unknown; finer units have
		** no TIMEX3 form with X, so only the direction is kept; a
		** quarter counted from one never said is unknown */
		char base[16];
		if (get_str(m, S_BASE, base, sizeof(base)) &&
		    strstr(base, "quarter"))
			return 0;
		const char *v = !strcmp(unit, "Y") ? "XXXX"
				: unit[0] == 'W'   ? "XXXX-WXX"
				: off < 0	   ? "PAST_REF"
				: off > 0	   ? "FUTURE_REF"
						   : "PRESENT_REF";
		return emit(m, out, FC_TIMEX_DATE, v);
	}
	if (strcmp(unit, unit0)) /* a year counted in the mention's grain */
		off *= per_year(unit);
	int y, mo, d;
	if (m->n->is_shift_finer && get_int(m, S_NUM, &num) &&
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
			d = o.d > dim(y, mo) ? dim(y, mo) : o.d;
			snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, mo, d);
		} else if (!strcmp(unit, "Y")) {
			snprintf(buf, sizeof(buf), "%04d-%02d", o.y + off, o.m);
		} else {
			return 0;
		}
		return emit(m, out, FC_TIMEX_DATE, buf);
	}
	if (!strcmp(unit, "D")) {
		fc_civil_from_days(o.days + off, &y, &mo, &d);
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d%s", y, mo, d, part);
	} else if (!strcmp(unit, "W") || !strcmp(unit, "WE")) {
		int wy, ww;
		iso_week(o.days + 7 * off, &wy, &ww);
		snprintf(buf, sizeof(buf), "%04d-W%02d%s", wy, ww,
			 unit[1] ? "-WE" : "");
	} else if (!strcmp(unit, "M")) {
		long k = o.y * 12L + o.m - 1 + off;
		snprintf(buf, sizeof(buf), "%04ld-%02ld", k / 12, k % 12 + 1);
	} else if (!strcmp(unit, "Q")) {
		long k = o.y * 4L + (o.m - 1) / 3 + off;
		snprintf(buf, sizeof(buf), "%04ld-Q%ld", k / 4, k % 4 + 1);
	} else if (!strcmp(unit, "H")) {
		long k = o.y * 2L + (o.m - 1) / 6 + off;
		snprintf(buf, sizeof(buf), "%04ld-H%ld", k / 2, k % 2 + 1);
	} else if (!strcmp(unit, "Y")) {
		snprintf(buf, sizeof(buf), "%04d", o.y + off);
	} else if (!strcmp(unit, "DE")) {
		snprintf(buf, sizeof(buf), "%03d", o.y / 10 + off);
	} else {
		return 0;
	}
	return emit(m, out, FC_TIMEX_DATE, buf);
}

/* ---- decade ------------------------------------------------------------ */

static int prod_decade(const struct norm_match *m, struct norm_cand *out)
{
	char buf[16], unit[8] = "";
	struct norm_val v;
	get_str(m, S_UNIT, unit, sizeof(unit));
	if (!strcmp(unit, "CE")) {
		int c;
		if (!get_int(m, S_NUM, &c) || c < 1 || c > 99)
			return 0;
		snprintf(buf, sizeof(buf), "%02d", c - 1);
		return emit(m, out, FC_TIMEX_DATE, buf);
	}
	if (!norm_slot(m, S_DECADE, &v) || !isfinite(v.num))
		return 0;
	int x = (int)v.num;
	if (x >= 1000 && x <= 9999) {
		x /= 10;
	} else if (x >= 0 && x < 100 && x % 10 == 0) {
		int ref = m->ref->is_set ? m->ref->y : 2000;
		int c = (ref / 100) * 100 + x;
		x = (c > ref ? c - 100 : c) / 10;
	} else {
		return 0;
	}
	snprintf(buf, sizeof(buf), "%03d", x);
	return emit(m, out, FC_TIMEX_DATE, buf);
}

/* ---- durations and sets ------------------------------------------------ */

/*
** "P20Y", "PT3H"; unit is "Y", "10Y", "TH", ...; a NAN num is an unknown
** count ("several years" -> PXY). False when invalid.
*/
static bool duration_value(double num, const char *unit, char *buf,
			   size_t cap)
{
	char *end;
	double mult = strtod(unit, &end);
	if (end == unit)
		mult = 1;
	const char *u = end;
	bool is_t = *u == 'T';
	if (is_t)
		u++;
	if (!*u || strlen(u) > 2 || num < 0 || num > 1e6)
		return false;
	double x = num * mult;
	/* a fraction goes to the next finer unit: P2.5Y -> P2Y6M, P0.5D ->
	** PT12H */
	static const struct {
		bool from_t, to_t;
		const char *u, *finer;
		double k;
	} fr[] = {{false, false, "Y", "M", 12}, {false, false, "M", "D", 30},
		  {false, false, "W", "D", 7},  {false, true, "D", "H", 24},
		  {true, true, "H", "M", 60},   {true, true, "M", "S", 60}};
	if (isfinite(x) && x != floor(x))
		for (size_t i = 0; i < sizeof(fr) / sizeof(*fr); i++) {
			double whole = floor(x), part = (x - whole) * fr[i].k;
			if (fr[i].from_t != is_t || strcmp(u, fr[i].u) ||
			    fabs(part - floor(part + 0.5)) > 1e-6)
				continue;
			char w[32] = "";
			if (whole > 0)
				snprintf(w, sizeof(w), "%.0f%s", whole, u);
			snprintf(buf, cap, "P%s%s%s%.0f%s",
				 is_t ? "T" : "", w,
				 fr[i].to_t && !is_t ? "T" : "",
				 floor(part + 0.5), fr[i].finer);
			return true;
		}
	char nb[32];
	if (isnan(x))
		snprintf(nb, sizeof(nb), "X");
	else if (x == floor(x))
		snprintf(nb, sizeof(nb), "%.0f", x);
	else
		snprintf(nb, sizeof(nb), "%g", x);
	snprintf(buf, cap, "P%s%s%s", is_t ? "T" : "", nb, u);
	return true;
}

static int prod_duration(const struct norm_match *m, struct norm_cand *out,
			 enum fc_timex_type type)
{
	char unit[8], buf[40];
	struct norm_val v, den, n2;
	double num = 1;
	if (norm_slot(m, S_NUM, &v)) {
		bool is_x = !v.is_raw && v.len == 1 && v.s[0] == 'X';
		if (!isfinite(v.num) && !is_x)
			return 0;
		num = v.num;
	}
	/* "2 1/2 years", "a minute and a half" (num2 1), "1/4 hour" */
	if (norm_slot(m, S_DEN, &den)) {
		if (!isfinite(den.num) || den.num < 1 ||
		    !norm_slot(m, S_NUM2, &n2) || !isfinite(n2.num))
			return 0;
		num = (norm_slot(m, S_NUM, &v) && isfinite(v.num) ? v.num : 0) +
		      n2.num / den.num;
	}
	if (type == FC_TIMEX_SET && !get_str(m, S_UNIT, unit, sizeof(unit))) {
		int wd;
		if (!get_int(m, S_WEEKDAY, &wd) || wd < 1 || wd > 7)
			return 0;
		snprintf(buf, sizeof(buf), "XXXX-WXX-%d", wd);
		return emit(m, out, FC_TIMEX_SET, buf);
	}
	if (!get_str(m, S_UNIT, unit, sizeof(unit)) ||
	    !duration_value(num, unit, buf, sizeof(buf)))
		return 0;
	return emit(m, out, type, buf);
}

/* ---- literal and time of day ------------------------------------------- */

static int prod_literal(const struct norm_match *m, struct norm_cand *out)
{
	char buf[40];
	if (!get_str(m, S_VALUE, buf, sizeof(buf)))
		return 0;
	return emit(m, out, get_type(m, FC_TIMEX_DATE), buf);
}

static bool yearly(const struct norm_match *m, const char *rule, int mo,
		   int wd, int n, int32_t *day);

/* The day a clock time is on: a weekday, a date, a holiday, "tomorrow",
** or the reference day. False when the parts are invalid. */
static bool clock_day(const struct norm_match *m, int32_t *day)
{
	const struct norm_ref *r = m->ref;
	int wd, rel = 0;
	bool has_rel = rel_of(m, &rel);
	char rule[64];
	if (get_str(m, S_HOLIDAY, rule, sizeof(rule)))
		return yearly(m, rule, 0, 0, 0, day);
	struct parts p;
	if (!read_parts(m, S_YEAR, S_MONTH, S_DAY, &p))
		return false;
	if (p.has_d) {
		char buf[40];
		if (!date_value(m, &p, buf, sizeof(buf)) || !p.has_y ||
		    !p.has_mo)
			return false;
		*day = fc_days_from_civil(p.y, p.mo, p.d);
		return true;
	}
	if (get_int(m, S_WEEKDAY, &wd)) {
		if (wd < 1 || wd > 7)
			return false;
		*day = weekday_day(m, wd, has_rel, rel);
		return true;
	}
	*day = r->days + (has_rel ? rel : 0);
	return true;
}

static int prod_time_of_day(const struct norm_match *m, struct norm_cand *out)
{
	int h, mi = 0, sec = 0, dir = 1;
	char ampm[4] = "", part[4] = "", buf[40];
	if (!get_int(m, S_HOUR, &h) || h < 0 || h > 24)
		return 0;
	bool has_min = get_int(m, S_MINUTE, &mi);
	if (has_min && (mi < 0 || mi > 59))
		return 0;
	bool has_sec = get_int(m, S_SECOND, &sec);
	if (has_sec && (sec < 0 || sec > 59))
		return 0;
	get_str(m, S_PART, part, sizeof(part));
	bool has_ampm = get_str(m, S_AMPM, ampm, sizeof(ampm));
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
	if (has_min && get_int(m, S_AGO, &dir) && dir < 0) {
		/* "a quarter to noon": minutes before the hour */
		h = (h + 23) % 24;
		mi = (60 - mi) % 60;
	}
	int32_t day;
	if (!m->ref->is_set || !clock_day(m, &day))
		return 0;
	int y, mo, d;
	fc_civil_from_days(day, &y, &mo, &d);
	if (has_sec)
		snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", y,
			 mo, d, h, mi, sec);
	else
		snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d", y, mo,
			 d, h, mi);
	return emit(m, out, FC_TIMEX_TIME, buf);
}

/* ---- holidays and "the first Monday of October" ------------------------ */

/* Pick the year of a yearly day f(y): explicit, by rel, or by reading. */
static bool yearly(const struct norm_match *m, const char *rule, int mo,
		   int wd, int n, int32_t *day)
{
	int rel = 0;
	bool has_rel = rel_of(m, &rel);
	const struct norm_ref *r = m->ref;
#define DAY_OF(yy) \
	(rule ? norm_holiday_day(rule, (yy)) : norm_nth_weekday((yy), mo, wd, n))
	int y, yrel;
	if (r->is_set && get_int(m, S_YREL, &yrel) && yrel > -100 &&
	    yrel < 100) {
		*day = DAY_OF(r->y + yrel); /* "Thanksgiving of next year" */
		return *day != INT32_MIN;
	}
	if (slot_year(m, S_YEAR, &y)) {
		if (y < 1 || y > 9999)
			return false;
		*day = DAY_OF(y);
		return *day != INT32_MIN;
	}
	if (!r->is_set)
		return false;
	int32_t prev = DAY_OF(r->y - 1), cur = DAY_OF(r->y),
		next = DAY_OF(r->y + 1);
#undef DAY_OF
	if (prev == INT32_MIN || cur == INT32_MIN || next == INT32_MIN)
		return false;
	int32_t past = cur <= r->days ? cur : prev;
	int32_t fut = cur >= r->days ? cur : next;
	if (has_rel && rel < 0)
		*day = cur < r->days ? cur : prev;
	else if (has_rel && rel > 0)
		*day = cur > r->days ? cur : next;
	else if (has_rel)
		*day = cur;
	else
		*day = prefer_past(m, r->days - past, fut - r->days) ? past
								      : fut;
	return true;
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
	return emit(m, out, FC_TIMEX_DATE, buf);
}

static int prod_holiday(const struct norm_match *m, struct norm_cand *out)
{
	char rule[64];
	int32_t day;
	int n, ago = 1;
	if (!get_str(m, S_HOLIDAY, rule, sizeof(rule)) ||
	    !yearly(m, rule, 0, 0, 0, &day))
		return 0;
	if (get_int(m, S_NUM, &n)) {
		/* "three days after Easter" */
		get_int(m, S_AGO, &ago);
		if (n < 0 || n > 3660)
			return 0;
		day += ago < 0 ? -n : n;
	}
	return emit_day(m, out, day);
}

static int prod_nth_weekday(const struct norm_match *m, struct norm_cand *out)
{
	int n, wd, mo, rel = 0;
	int32_t day;
	if (!get_int(m, S_NUM, &n) || !n || n > 5 || n < -1 ||
	    !get_int(m, S_WEEKDAY, &wd) || wd < 1 || wd > 7)
		return 0;
	if (!get_int(m, S_MONTH, &mo)) {
		/* "the first Monday of the month", "... of last month" */
		const struct norm_ref *r = m->ref;
		if (!r->is_set || (get_int(m, S_REL, &rel) &&
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

int norm_time_produce(const struct norm_match *m, struct norm_cand *out)
{
	/* `set: {reading: future}`: a pattern only for that reading (the
	** assistant phrasing of Duckling's corpus: "in 2 weeks" as a day) */
	static const char *const readings[] = {"past", "future", "nearest"};
	const char *rd = m->p->set[S_READING];
	if (rd && (m->n->prefer < 0 || m->n->prefer > 2 ||
		   strcmp(rd, readings[m->n->prefer])))
		return 0;
	switch (m->p->prod) {
	case P_DATE: return prod_date(m, out);
	case P_WEEKDAY: return prod_weekday(m, out);
	case P_RELATIVE: return prod_relative(m, out);
	case P_DECADE: return prod_decade(m, out);
	case P_DURATION: return prod_duration(m, out, FC_TIMEX_DURATION);
	case P_SET: return prod_duration(m, out, FC_TIMEX_SET);
	case P_LITERAL: return prod_literal(m, out);
	case P_DATE_RANGE: return prod_date_range(m, out);
	case P_TIME_OF_DAY: return prod_time_of_day(m, out);
	case P_HOLIDAY: return prod_holiday(m, out);
	case P_NTH_WEEKDAY: return prod_nth_weekday(m, out);
	default: return 0;
	}
}
