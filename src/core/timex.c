/*
** timex.c: TIMEX3 values to intervals, and calendar arithmetic.
**
** The value string is the truth of a time; this file derives the
** interval [lo, hi) in days since 1970-01-01 (DATE, TIME) or the length
** in seconds (DURATION, SET) from it, so every module compares times the
** same way.
*/
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

int32_t fc_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int32_t)doe - 719468;
}

void fc_civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

int fc_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday (3 with Monday = 0). */
	int w = (int)((days + 3) % 7);
	return w < 0 ? w + 7 : w;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int fc_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Read exactly n digits at *p. */
static int digits(const char **p, int n, int *out)
{
	int v = fc_digits(*p, n);
	if (v < 0)
		return 0;
	*p += n;
	*out = v;
	return 1;
}

bool fc_date_parse(const char *s, int *y, int *m, int *d)
{
	const char *p = s;
	if (!digits(&p, 4, y) || *p++ != '-' || !digits(&p, 2, m) ||
	    *p++ != '-' || !digits(&p, 2, d) || *p)
		return false;
	return *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month(*y, *m);
}

static fc_status parse_duration(const char *v, struct fc_time *t)
{
	const char *p = v + 1;
	int in_time = 0;
	double secs = 0;
	enum fc_grain g = FC_GRAIN_NONE;
	int any = 0;
	while (*p) {
		if (*p == 'T') {
			in_time = 1;
			p++;
			continue;
		}
		double n = 0;
		int have = 0, unknown = 0;
		if (*p == 'X') {
			unknown = 1;
			while (*p == 'X')
				p++;
		} else {
			char *end;
			n = strtod(p, &end);
			have = end != p;
			p = end;
		}
		if (!have && !unknown)
			return FC_ESYNTAX;
		const double day = 86400.0, year = 365.2425 * day;
		double unit;
		enum fc_grain ug;
		if (!in_time && !strncmp(p, "DE", 2)) {
			unit = 10 * year, ug = FC_GRAIN_DECADE, p += 2;
		} else if (!in_time && !strncmp(p, "CE", 2)) {
			unit = 100 * year, ug = FC_GRAIN_CENTURY, p += 2;
		} else {
			switch (*p) {
			case 'Y': unit = year, ug = FC_GRAIN_YEAR; break;
			case 'Q': unit = year / 4, ug = FC_GRAIN_QUARTER; break;
			case 'W': unit = 7 * day, ug = FC_GRAIN_WEEK; break;
			case 'D': unit = day, ug = FC_GRAIN_DAY; break;
			case 'H': unit = 3600, ug = FC_GRAIN_HOUR; break;
			case 'S': unit = 1, ug = FC_GRAIN_SECOND; break;
			case 'M':
				unit = in_time ? 60 : year / 12;
				ug = in_time ? FC_GRAIN_MINUTE : FC_GRAIN_MONTH;
				break;
			default: return FC_ESYNTAX;
			}
			p++;
		}
		if (!any || ug < g)
			g = ug;
		any = 1;
		secs += unknown ? 0 : n * unit;
		t->is_anchored = t->is_anchored && !unknown;
	}
	if (!any)
		return FC_ESYNTAX;
	t->grain = g;
	t->seconds = secs;
	return FC_OK;
}

static void narrow(struct fc_time *t)
{
	int32_t len = t->hi - t->lo;
	if (len < 3)
		return;
	switch (t->mod) {
	case FC_MOD_START: t->hi = t->lo + (len + 2) / 3; break;
	case FC_MOD_END: t->lo = t->hi - (len + 2) / 3; break;
	case FC_MOD_MID:
		t->lo += len / 3;
		t->hi -= len / 3;
		break;
	default: break;
	}
}

fc_status fc_time_parse(const char *value, struct fc_time *t)
{
	size_t n = strlen(value);
	if (n == 0 || n >= sizeof(t->value))
		return FC_ESYNTAX;
	if (t->value != value)
		memcpy(t->value, value, n + 1);
	t->lo = t->hi = 0;
	t->seconds = 0;
	t->is_anchored = true;
	if (!strcmp(value, "PRESENT_REF") || !strcmp(value, "PAST_REF") ||
	    !strcmp(value, "FUTURE_REF")) {
		t->is_anchored = false;
		t->grain = FC_GRAIN_NONE;
		return FC_OK;
	}
	if (value[0] == 'P') {
		if (t->type != FC_TIMEX_SET)
			t->type = FC_TIMEX_DURATION;
		return parse_duration(value, t);
	}
	const char *p = value;
	int y = 0, m = 0, d = 0;
	if (!strncmp(p, "BC", 2)) {
		/* "BC0044", TIMEX3's year before year 1: the proleptic
		** Gregorian year 1 - 44 (there is no year 0) */
		p += 2;
		if (!digits(&p, 4, &y) || *p || y < 1)
			return FC_ESYNTAX;
		t->grain = FC_GRAIN_YEAR;
		t->lo = fc_days_from_civil(1 - y, 1, 1);
		t->hi = fc_days_from_civil(2 - y, 1, 1);
		goto done;
	}
	if (!strncmp(p, "XXXX", 4)) {
		t->is_anchored = false;
		p += 4;
	} else if (digits(&p, 4, &y)) {
		/* year */
	} else if (p = value, digits(&p, 3, &y) && !*p) {
		t->grain = FC_GRAIN_DECADE;
		t->lo = fc_days_from_civil(y * 10, 1, 1);
		t->hi = fc_days_from_civil(y * 10 + 10, 1, 1);
		narrow(t);
		return FC_OK;
	} else if (p = value, digits(&p, 2, &y) && !*p) {
		t->grain = FC_GRAIN_CENTURY;
		t->lo = fc_days_from_civil(y * 100, 1, 1);
		t->hi = fc_days_from_civil(y * 100 + 100, 1, 1);
		narrow(t);
		return FC_OK;
	} else {
		return FC_ESYNTAX;
	}
	if (!*p) {
		t->grain = FC_GRAIN_YEAR;
		t->lo = fc_days_from_civil(y, 1, 1);
		t->hi = fc_days_from_civil(y + 1, 1, 1);
		goto done;
	}
	if (*p++ != '-')
		return FC_ESYNTAX;
	static const char *const seasons[] = {"SP", "SU", "FA", "WI"};
	for (int s = 0; s < 4; s++)
		if (!strcmp(p, seasons[s])) {
			static const int start[] = {3, 6, 9, 12};
			t->grain = FC_GRAIN_SEASON;
			t->lo = fc_days_from_civil(y, start[s], 1);
			t->hi = s == 3 ? fc_days_from_civil(y + 1, 3, 1)
				       : fc_days_from_civil(y, start[s] + 3, 1);
			goto done;
		}
	if (*p == 'W') {
		p++;
		int w;
		if (!strncmp(p, "XX", 2)) {
			t->is_anchored = false;
			t->grain = FC_GRAIN_WEEK;
			return FC_OK;
		}
		if (!digits(&p, 2, &w) || w < 1 || w > 53)
			return FC_ESYNTAX;
		/* ISO week 1 holds January 4. */
		int32_t jan4 = fc_days_from_civil(y, 1, 4);
		int32_t mon = jan4 - fc_weekday(jan4) + (w - 1) * 7;
		t->grain = FC_GRAIN_WEEK;
		t->lo = mon;
		t->hi = mon + 7;
		if (!strcmp(p, "-WE")) {
			t->lo = mon + 5;
			p += 3;
		}
		if (*p)
			return FC_ESYNTAX;
		goto done;
	}
	if (*p == 'Q' || *p == 'H') {
		int k = p[1] - '0', per = *p == 'Q' ? 3 : 6;
		if (k < 1 || k > 12 / per || p[2])
			return FC_ESYNTAX;
		t->grain = *p == 'Q' ? FC_GRAIN_QUARTER : FC_GRAIN_HALF;
		t->lo = fc_days_from_civil(y, (k - 1) * per + 1, 1);
		t->hi = k * per == 12 ? fc_days_from_civil(y + 1, 1, 1)
				      : fc_days_from_civil(y, k * per + 1, 1);
		goto done;
	}
	/* an unanchored value may leave its month and day unsaid, as
	** TimeML writes "every morning": X's for the year, month and day,
	** then TMO (the morning of any day) */
	bool is_any = !t->is_anchored && !strncmp(p, "XX", 2);
	if (is_any)
		p += 2;
	else if (!digits(&p, 2, &m) || m < 1 || m > 12)
		return FC_ESYNTAX;
	if (!*p) {
		t->grain = FC_GRAIN_MONTH;
		if (t->is_anchored) {
			t->lo = fc_days_from_civil(y, m, 1);
			t->hi = t->lo + days_in_month(y, m);
		}
		goto done;
	}
	if (*p++ != '-')
		return FC_ESYNTAX;
	if (is_any && !strncmp(p, "XX", 2))
		p += 2;
	else if (is_any || !digits(&p, 2, &d) || d < 1 ||
		 d > (t->is_anchored ? days_in_month(y, m) : 31))
		return FC_ESYNTAX;
	t->grain = FC_GRAIN_DAY;
	if (t->is_anchored) {
		t->lo = fc_days_from_civil(y, m, d);
		t->hi = t->lo + 1;
	}
	if (*p == 'T') {
		p++;
		if (!strcmp(p, "MO") || !strcmp(p, "AF") || !strcmp(p, "EV") ||
		    !strcmp(p, "NI") || !strcmp(p, "DT")) {
			t->grain = FC_GRAIN_PART_OF_DAY;
			if (t->type == FC_TIMEX_DATE)
				t->type = FC_TIMEX_TIME;
			goto done;
		}
		int hh, mm;
		if (!digits(&p, 2, &hh) || hh > 24)
			return FC_ESYNTAX;
		t->grain = FC_GRAIN_HOUR;
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &mm) || mm > 59)
				return FC_ESYNTAX;
			t->grain = FC_GRAIN_MINUTE;
			if (*p == ':') {
				int ss;
				p++;
				if (!digits(&p, 2, &ss) || ss > 60)
					return FC_ESYNTAX;
				t->grain = FC_GRAIN_SECOND;
			}
		}
		if (t->type == FC_TIMEX_DATE)
			t->type = FC_TIMEX_TIME;
		if (*p)
			return FC_ESYNTAX;
		goto done;
	}
	if (*p)
		return FC_ESYNTAX;
done:
	if (t->is_anchored)
		narrow(t);
	return FC_OK;
}

const char *fc_grain_name(enum fc_grain g)
{
	static const char *const names[] = {
		"none", "second", "minute", "hour", "part-of-day", "day",
		"week", "month", "season", "quarter", "half", "year", "decade",
		"century",
	};
	return (size_t)g < sizeof(names) / sizeof(*names) ? names[g] : "none";
}

const char *fc_timex_type_name(enum fc_timex_type t)
{
	static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
	return (size_t)t < 4 ? names[t] : "DATE";
}

const char *fc_timex_mod_name(enum fc_timex_mod m)
{
	static const char *const names[] = {
		NULL, "START", "MID", "END", "APPROX", "BEFORE", "AFTER",
		"ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
		"EQUAL_OR_LESS", "EQUAL_OR_MORE",
	};
	return (size_t)m < sizeof(names) / sizeof(*names) ? names[m] : NULL;
}
