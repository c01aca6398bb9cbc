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
**   literal      a constant value (now -> PRESENT_REF); with base tense
**                none in a past clause ("was soon released")
**   date_range   from January to March 2011: two dates sharing parts
**   time_of_day  3:30 p.m. -> reference date T15:30
**
** This file holds the helpers the productions share (slots, emitting,
** writing numbers), dates, date ranges, decades, durations, sets and
** literals, and the dispatch by production; a date's missing year and
** its value are in norm_date.c, weekdays in norm_weekday.c, relative
** times in norm_relative.c, clock times and holidays in norm_clock.c, the tense
** cues in norm_tense.c, calendars in norm_calendar.c.
*/
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"
#include "extract/norm_tense_p.h"

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

bool norm_get_int(const struct norm_match *m, enum norm_slot s, int *out)
{
	struct norm_val v;
	if (!norm_slot(m, s, &v) || !isfinite(v.num) || fabs(v.num) > 1e7)
		return false;
	*out = (int)v.num;
	return true;
}

/* The value text of a slot as a NUL-terminated string (truncated). */
bool norm_get_str(const struct norm_match *m, enum norm_slot s, char *buf,
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

int norm_emit(const struct norm_match *m, struct norm_cand *c,
		enum fc_timex_type type, const char *value)
{
	return emit_value(m, c, m->start, m->end, type, get_mod(m), value);
}

static enum fc_timex_type get_type(const struct norm_match *m,
				   enum fc_timex_type dflt)
{
	char buf[16];
	if (!norm_get_str(m, S_TYPE, buf, sizeof(buf)))
		return dflt;
	static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(buf, names[i]))
			return (enum fc_timex_type)i;
	return dflt;
}

/* ---- Helpers the productions share ------------------------------------- */

/* ISO week (year, week) of a day. */
void norm_iso_week(int32_t days, int *wy, int *ww)
{
	int32_t thu = days - fc_weekday(days) + 3;
	int y, m, d;
	fc_civil_from_days(thu, &y, &m, &d);
	int32_t jan1 = fc_days_from_civil(y, 1, 1);
	*wy = y;
	*ww = (int)((thu - jan1) / 7) + 1;
}

void norm_part_suffix(const struct norm_match *m, char *buf, size_t cap)
{
	buf[0] = '\0';
	if (cap > 1 && norm_get_str(m, S_PART, buf + 1, cap - 1) && buf[1])
		buf[0] = 'T';
	else
		buf[0] = '\0';
}

char *norm_put_int(char *o, long v, int width)
{
	char tmp[24];
	int nd = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do {
		tmp[nd++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0) {
		*o++ = '-';
		width--; /* printf's width counts the sign */
	}
	for (; width > nd; width--)
		*o++ = '0';
	while (nd)
		*o++ = tmp[--nd];
	return o;
}

void norm_put_cap(char *buf, size_t cap, const char *s, size_t len)
{
	if (!cap)
		return;
	if (len > cap - 1)
		len = cap - 1;
	memcpy(buf, s, len);
	buf[len] = 0;
}

/* ---- date -------------------------------------------------------------- */

/* Does t[k] end a sentence ('.', '!' or '?' before a blank, or a blank
** line)? A '.' of "U.S." or "Mr." does not (tw_is_full_stop). */
static bool ends_sentence(const char *t, uint32_t k, uint32_t hi)
{
	char c = t[k];
	if (c == '\n')
		return k + 1 < hi && t[k + 1] == '\n';
	if (c == '.')
		return tw_is_full_stop(t, k, 0, hi);
	return (c == '!' || c == '?') &&
	       (k + 1 >= hi || t[k + 1] == ' ' || t[k + 1] == '\n');
}

static bool is_stop(char c)
{
	return c == '.' || c == '!' || c == '?' || c == '\n';
}

/* Is t[i, e) a game's score, "14-7", "3-0" (the first number not the
** smaller: a range runs "5-10")? The caller rules out a share ("5-4%")
** and a price in fractions ("17-1/4"). */
static bool is_score(const char *t, uint32_t i, uint32_t e)
{
	uint32_t k = i, a = 0, b = 0;
	while (k < e && norm_is_digit(t[k]) && k - i < 4)
		a = 10 * a + (uint32_t)(t[k++] - '0');
	if (k == i || k - i > 3 || k >= e || t[k] != '-')
		return false;
	uint32_t j = ++k;
	while (k < e && norm_is_digit(t[k]) && k - j < 4)
		b = 10 * b + (uint32_t)(t[k++] - '0');
	return k > j && k - j <= 3 && k == e && a >= b;
}

/*
** Is the sentence of the match about a game (a word of table game_cue
** valued 1: "touchdown", "halftime"; or a score "14-7" with no word of
** it valued 0 in the sentence: "voted 5-4", "a 2-1 stock split")? Then
** "the second quarter" is the game's, not the calendar's. At most 150
** bytes each way.
*/
static bool is_game(const struct norm_match *m)
{
	const struct fc_norm *n = m->n;
	int tb = norm_table_find(n, "game_cue");
	const char *t = m->text;
	uint32_t lo = m->start > 150 ? m->start - 150 : 0;
	uint32_t hi = m->end + 150;
	uint32_t s = m->start, e = m->end;
	bool has_score = false, is_tally = false;
	while (s > lo &&
	       !(is_stop(t[s - 1]) && ends_sentence(t, s - 1, m->end)))
		s--;
	while (e < hi && t[e] && !(is_stop(t[e]) && ends_sentence(t, e, hi)))
		e++;
	for (uint32_t i = s; i < e;) {
		char c = t[i];
		bool is_word = norm_is_digit(c) || ((c | 0x20) >= 'a' &&
					       (c | 0x20) <= 'z');
		if (!is_word) {
			i++;
			continue;
		}
		uint32_t j = i;
		while (j < e && (norm_is_digit(t[j]) || t[j] == '-' ||
				 ((t[j] | 0x20) >= 'a' &&
				  (t[j] | 0x20) <= 'z')))
			j++;
		uint32_t we = j;
		while (we > i && t[we - 1] == '-')
			we--;
		if (norm_is_digit(c)) {
			if (is_score(t, i, we) &&
			    (we >= e || (t[we] != '%' && t[we] != '.' &&
					 t[we] != '/')))
				has_score = true;
		} else if (tb >= 0 &&
			   norm_wf_may(norm_wordfacts(n), NORM_WF_GAME,
				       norm_word_hash(t + i, we - i),
				       we - i)) {
			char buf[32];
			size_t len = norm_key(t + i, we - i, buf, sizeof(buf));
			int32_t k = len < sizeof(buf)
					    ? norm_hash_get(&n->lookup, tb, buf,
							    len)
					    : -1;
			if (k >= 0 && n->tables[tb].nums[k] != 0)
				return true;
			if (k >= 0)
				is_tally = true;
		}
		i = j;
	}
	return has_score && !is_tally;
}

/*
** base on a date: "week" ("the week of March 6": the ISO week holding
** it), "past" (a day an event is named by, "the September 11 attacks":
** none after the reference, where the words name another year's day),
** "delivery" (a futures month: at or after the reference's),
** "game" (a quarter: none in a sentence about a game, is_game). unit M
** with rel and no month: "the 20th of next month".
*/
static int prod_date(const struct norm_match *m, struct norm_cand *out)
{
	struct norm_parts p;
	char buf[40], part[8], unit[4], base[12] = "";
	int rel = 0;
	norm_get_str(m, S_BASE, base, sizeof(base));
	if (!norm_read_parts(m, S_YEAR, S_MONTH, S_DAY, &p))
		return 0;
	struct fc_time t;
	if (!strcmp(base, "mention") && !p.has_y &&
	    norm_last_mention(m, 0, 0, 0, &t) && t.grain >= FC_GRAIN_DAY &&
	    t.grain <= FC_GRAIN_YEAR) {
		/* "in September of that year": the year told of */
		int mo, d;
		fc_civil_from_days(t.lo, &p.y, &mo, &d);
		p.has_y = p.y >= 1 && p.y <= 9999;
	}
	/* "led 14-7 in the second quarter"; a look-back takes the quarter
	** as it is (a game's quarter is rarely what "the quarter" after
	** it counts from, and the sentence would be read again for each
	** look-back over it) */
	if (!strcmp(base, "game") && !m->is_rescan && is_game(m))
		return 0;
	if (!strcmp(base, "delivery") && p.has_mo && !p.has_y &&
	    m->ref->is_set) {
		/* a futures contract's delivery month: at or after the
		** reference month ("December futures" in June: this year's;
		** "March crude" in June: next year's) */
		p.y = p.mo >= m->ref->m ? m->ref->y : m->ref->y + 1;
		p.has_y = p.y <= 9999;
	}
	if (!strcmp(base, "era") &&
	    (!norm_get_int(m, S_YEAR, &p.y) || p.y < 1 || p.y > 9999))
		return 0; /* "14 A.D.": the year as written */
	if (!strcmp(base, "bc")) {
		/* "44 BC": TIMEX3 BC0044, whose interval fc_time_parse knows */
		char bc[16];
		if (!norm_get_int(m, S_YEAR, &p.y) || p.y < 1 || p.y > 9999)
			return 0;
		snprintf(bc, sizeof(bc), "BC%04d", p.y);
		return norm_emit(m, out, FC_TIMEX_DATE, bc);
	}
	if (!p.has_mo && norm_get_str(m, S_UNIT, unit, sizeof(unit)) &&
	    !strcmp(unit, "M") && m->ref->is_set) {
		norm_get_int(m, S_REL, &rel);
		if (rel < -1200 || rel > 1200)
			return 0;
		long k = m->ref->y * 12L + m->ref->m - 1 + rel;
		p.y = (int)(k / 12);
		p.mo = (int)(k % 12) + 1;
		p.has_y = p.has_mo = true;
	}
	if (!norm_date_value(m, &p, buf, sizeof(buf)))
		return 0;
	if (!strcmp(base, "past") && m->ref->is_set && p.has_y && p.has_mo &&
	    p.has_d && fc_days_from_civil(p.y, p.mo, p.d) > m->ref->days)
		return 0; /* an event of that day not yet happened: no name */
	if (!strcmp(base, "week") && p.has_y && p.has_mo && p.has_d) {
		/* "the week of Sunday, Oct. 6" is the week it begins (weeks
		** start on Sunday where English says "the week of") */
		int wy, ww;
		int32_t wday = fc_days_from_civil(p.y, p.mo, p.d);
		norm_iso_week(wday + (fc_weekday(wday) == 6), &wy, &ww);
		snprintf(buf, sizeof(buf), "%04d-W%02d", wy, ww);
		return norm_emit(m, out, FC_TIMEX_DATE, buf);
	}
	norm_part_suffix(m, part, sizeof(part));
	if (part[0] && p.has_d)
		strncat(buf, part, sizeof(buf) - strlen(buf) - 1);
	return norm_emit(m, out, get_type(m, FC_TIMEX_DATE), buf);
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
	struct norm_parts a, b;
	if (!norm_read_parts(m, S_YEAR, S_MONTH, S_DAY, &a) ||
	    !norm_read_parts(m, S_YEAR2, S_MONTH2, S_DAY2, &b))
		return 0;
	struct norm_val v2;
	if (a.has_y && b.has_y && norm_slot(m, S_YEAR2, &v2) && v2.is_raw &&
	    v2.len == 2) {
		/* a split year, "1986/87": the year after the first, else
		** no range ("2010-12" is a month) */
		if ((a.y + 1) % 100 != (int)v2.num)
			return 0;
		b.y = a.y + 1;
	}
	if (!a.has_y && b.has_y && (a.has_mo || a.has_d)) {
		a.y = b.y, a.has_y = true;
		/* "Dec. 28 to Jan. 3, 1992": the year before */
		if (a.has_mo && b.has_mo && a.mo > b.mo && a.y > 1)
			a.y--;
	}
	if (!b.has_mo && a.has_mo && b.has_d)
		b.mo = a.mo, b.has_mo = true;
	if (!a.has_mo && b.has_mo && a.has_d)
		a.mo = b.mo, a.has_mo = true;
	if (!b.has_y && a.has_y && (b.has_mo || b.has_d))
		b.y = a.y, b.has_y = true;
	char va[40], vb[40];
	if (!norm_date_value(m, &a, va, sizeof(va)) ||
	    !norm_date_value(m, &b, vb, sizeof(vb)))
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

/* ---- decade ------------------------------------------------------------ */

static int prod_decade(const struct norm_match *m, struct norm_cand *out)
{
	char buf[16], unit[8] = "";
	struct norm_val v;
	norm_get_str(m, S_UNIT, unit, sizeof(unit));
	if (!strcmp(unit, "CE")) {
		int c;
		if (!norm_get_int(m, S_NUM, &c) || c < 1 || c > 99)
			return 0;
		snprintf(buf, sizeof(buf), "%02d", c - 1);
		return norm_emit(m, out, FC_TIMEX_DATE, buf);
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
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
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
	char v[48], *o = v;
	*o++ = 'P';
	if (is_t)
		*o++ = 'T';
	if (isnan(x))
		*o++ = 'X';
	else if (x == floor(x) && !signbit(x) && x < 1e15)
		o = norm_put_int(o, (long)x, 1); /* the usual case, no printf */
	else {
		snprintf(o, 32, x == floor(x) ? "%.0f" : "%g", x); /* cut to 31 */
		o += strlen(o);
	}
	size_t ul = strlen(u);
	memcpy(o, u, ul);
	o += ul;
	norm_put_cap(buf, cap, v, (size_t)(o - v));
	return true;
}

/*
** A set of calendar days, months or seasons: "every Friday" ->
** XXXX-WXX-5, "Tuesday nights" -> XXXX-WXX-2TNI, "each July" -> XXXX-07,
** "every summer" -> XXXX-SU.
*/
static int set_calendar(const struct norm_match *m, struct norm_cand *out)
{
	char buf[40], part[8] = "", season[8];
	int wd, mo;
	if (norm_get_int(m, S_WEEKDAY, &wd)) {
		if (wd < 1 || wd > 7 ||
		    (norm_get_str(m, S_PART, part, sizeof(part)) &&
		     strlen(part) != 2))
			return 0;
		snprintf(buf, sizeof(buf), "XXXX-WXX-%d%s%s", wd,
			 part[0] ? "T" : "", part);
	} else if (norm_get_int(m, S_MONTH, &mo)) {
		if (mo < 1 || mo > 12)
			return 0;
		snprintf(buf, sizeof(buf), "XXXX-%02d", mo);
	} else if (norm_get_str(m, S_SEASON, season, sizeof(season)) &&
		   strlen(season) == 2) {
		snprintf(buf, sizeof(buf), "XXXX-%s", season);
	} else {
		return 0;
	}
	return norm_emit(m, out, FC_TIMEX_SET, buf);
}

/*
** A duration told as a clock reads, hour, minute and second: "won in
** 2:08:14" -> PT2H8M14S (a race time, no time of day), with tenths kept
** ("2:08:14.5" -> PT2H8M14.5S: ISO 8601 allows a fraction of the last
** part); zero parts are left out. False when a part is out of range.
*/
static bool clock_duration(const struct norm_match *m, char *buf,
			   size_t cap)
{
	int h, mi = 0;
	double s = 0; /* no second slot ("2:30 hours"): none */
	struct norm_val sec; /* norm_slot sets num NAN even when false */
	if (!norm_get_int(m, S_HOUR, &h) || h < 0 || h > 99 ||
	    (norm_get_int(m, S_MINUTE, &mi) && (mi < 0 || mi > 59)))
		return false;
	if (norm_slot(m, S_SECOND, &sec)) {
		if (!(isfinite(sec.num) && sec.num >= 0 && sec.num < 60))
			return false;
		s = sec.num;
	}
	char *o = buf + snprintf(buf, cap, "PT");
	if (h)
		o += snprintf(o, cap - (size_t)(o - buf), "%dH", h);
	if (mi)
		o += snprintf(o, cap - (size_t)(o - buf), "%dM", mi);
	if (s > 0 || (!h && !mi))
		snprintf(o, cap - (size_t)(o - buf), "%.10gS", s);
	return true;
}

/* `base: tense` on a literal or a set: the pattern gives nothing in a past
** clause ("He was soon released"; "Police were called on Friday and
** Saturday nights": those nights, dates another pattern reads). */
static bool is_past_declined(const struct norm_match *m)
{
	const char *base = m->p->set[S_BASE];
	return base && !strcmp(base, "tense") && norm_tense(m) < 0;
}

static int prod_duration(const struct norm_match *m, struct norm_cand *out,
			 enum fc_timex_type type)
{
	char unit[8], buf[40];
	struct norm_val v, den, n2;
	double num = 1;
	if (type == FC_TIMEX_DURATION && norm_slot(m, S_HOUR, &v))
		return clock_duration(m, buf, sizeof(buf))
			       ? norm_emit(m, out, type, buf)
			       : 0;
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
	if (type == FC_TIMEX_SET && is_past_declined(m))
		return 0;
	if (type == FC_TIMEX_SET &&
	    !norm_get_str(m, S_UNIT, unit, sizeof(unit)))
		return set_calendar(m, out);
	if (!norm_get_str(m, S_UNIT, unit, sizeof(unit)) ||
	    !duration_value(num, unit, buf, sizeof(buf)))
		return 0;
	/* base range: the lower number (num2) below the upper (num), or it
	** is a score ("beat Arsenal 2-1 days after", "drew 1-1 days
	** later"), no range of durations: a mask then, so that no reading
	** of "1 days" inside it is taken (none in a rescan, which wants
	** a time) */
	const char *base = m->p->set[S_BASE];
	if (base && !strcmp(base, "range") &&
	    (!norm_slot(m, S_NUM2, &n2) || !isfinite(n2.num) ||
	     !(n2.num < num)))
		return m->is_rescan ? 0
				    : norm_put_mask(&out[0], m->start, m->end);
	/* base game: "early in the first quarter" of a game is no span of
	** a quarter (a calendar one would be three months) */
	if (base && !strcmp(base, "game") && !strcmp(unit, "Q") &&
	    !m->is_rescan && is_game(m))
		return 0;
	return norm_emit(m, out, type, buf);
}

/* ---- literal and time of day ------------------------------------------- */

/* A constant value. With `base: tense`, none in a past clause: "soon"
** after "was" or before "became" tells of a time after the event told,
** not of the reference's future ("He was soon released"). */
static int prod_literal(const struct norm_match *m, struct norm_cand *out)
{
	char buf[40];
	if (!norm_get_str(m, S_VALUE, buf, sizeof(buf)))
		return 0;
	if (is_past_declined(m))
		return 0;
	return norm_emit(m, out, get_type(m, FC_TIMEX_DATE), buf);
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
	case P_WEEKDAY: return norm_prod_weekday(m, out);
	case P_RELATIVE: return norm_prod_relative(m, out);
	case P_DECADE: return prod_decade(m, out);
	case P_DURATION: return prod_duration(m, out, FC_TIMEX_DURATION);
	case P_SET: return prod_duration(m, out, FC_TIMEX_SET);
	case P_LITERAL: return prod_literal(m, out);
	case P_DATE_RANGE: return prod_date_range(m, out);
	case P_TIME_OF_DAY: return norm_prod_time_of_day(m, out);
	case P_HOLIDAY: return norm_prod_holiday(m, out);
	case P_NTH_WEEKDAY: return norm_prod_nth_weekday(m, out);
	case P_SHIFT: return norm_prod_shift(m, out);
	case P_NTH_IN: return norm_prod_nth_in(m, out);
	case P_CLOSEST: return norm_prod_closest(m, out);
	default: return 0;
	}
}

