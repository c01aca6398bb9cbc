/*
** label.c: values in words for finding messages and reports (label.h).
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check/label.h"

static const char *const months[] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};
static const char *const weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday",
	"Friday", "Saturday", "Sunday",
};

static const struct {
	const char *code, *name;
} seasons[] = {{"SP", "spring"}, {"SU", "summer"},
	       {"FA", "autumn"}, {"WI", "winter"}};

/* ---- Quantities ---------------------------------------------------------- */

/* x with thousands separators when it is a whole number, else as JSON. */
static void number_words(struct fc_buf *b, double x)
{
	if (!isfinite(x) || fabs(x) >= 1e15 || x != floor(x)) {
		fc_json_num(b, x);
		return;
	}
	char digits[24];
	long long n = (long long)fabs(x);
	int len = snprintf(digits, sizeof(digits), "%lld", n);
	if (x < 0)
		fc_buf_addc(b, '-');
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			fc_buf_addc(b, ',');
		fc_buf_addc(b, digits[i]);
	}
}

void fc_check_quantity_words(struct fc_buf *b, const struct fc_quantity *q)
{
	bool is_point = (q->lo == q->value && q->hi == q->value) ||
			(q->lo == 0 && q->hi == 0);
	bool has_lo = !q->is_lo_open && isfinite(q->lo) && !is_point;
	bool has_hi = !q->is_hi_open && isfinite(q->hi) && !is_point;
	if (is_point && !q->is_lo_open && !q->is_hi_open) {
		number_words(b, q->value);
	} else if (has_lo && has_hi && q->lo < q->value && q->value < q->hi) {
		fc_buf_adds(b, "about ");
		number_words(b, q->value);
	} else if (has_lo && has_hi && q->lo < q->hi) {
		number_words(b, q->lo);
		fc_buf_adds(b, " to ");
		number_words(b, q->hi);
	} else if (has_lo && !has_hi && q->lo == q->value) {
		fc_buf_adds(b, "at least ");
		number_words(b, q->value);
	} else if (has_hi && !has_lo && q->hi == q->value) {
		fc_buf_adds(b, "up to ");
		number_words(b, q->value);
	} else {
		number_words(b, q->value);
	}
	if (q->unit) {
		fc_buf_addc(b, ' ');
		fc_buf_adds(b, q->unit);
	}
}

/* ---- Times --------------------------------------------------------------- */

/*
** The words of a date value and its preposition; false when the value
** is not one this reads: YYYY, YYYY-MM, YYYY-MM-DD (and with XXXX for the
** year), XXXX-WXX-N, XXXX-WXX-WE, YYYY-Www, YYYY-Qn, (YYYY|XXXX)-SP|SU|FA|WI,
** YYY (a decade); a time of day after T is dropped.
*/
static bool date_words(struct fc_buf *b, const char *v, const char **prep)
{
	size_t len = strcspn(v, "T");
	bool has_year = fc_digits(v, 4) >= 0;
	int year = has_year ? fc_digits(v, 4) : -1;
	if (len == 3 && fc_digits(v, 3) >= 0) {
		fc_buf_printf(b, "the %d0s", fc_digits(v, 3));
		*prep = "in";
		return true;
	}
	if (len < 4 || (!has_year && strncmp(v, "XXXX", 4)))
		return false;
	if (len == 4) {
		if (!has_year)
			return false;
		fc_buf_printf(b, "%d", year);
		*prep = "in";
		return true;
	}
	if (v[4] != '-')
		return false;
	const char *r = v + 5;
	size_t rl = len - 5;
	int mo = rl >= 2 ? fc_digits(r, 2) : -1;
	if (mo >= 1 && mo <= 12 && (rl == 2 || rl == 5)) {
		if (rl == 5) {
			int day = r[2] == '-' ? fc_digits(r + 3, 2) : -1;
			if (day < 1 || day > 31)
				return false;
			fc_buf_printf(b, "%d ", day);
			*prep = "on";
		} else {
			*prep = "in";
		}
		fc_buf_adds(b, months[mo - 1]);
		if (has_year)
			fc_buf_printf(b, " %d", year);
		return true;
	}
	if (!has_year && rl == 5 && !strncmp(r, "WXX-", 4) && r[4] >= '1' &&
	    r[4] <= '7') {
		fc_buf_adds(b, weekdays[r[4] - '1']);
		*prep = "on";
		return true;
	}
	if (!has_year && rl == 6 && !strcmp(r, "WXX-WE")) {
		fc_buf_adds(b, "a weekend");
		*prep = "on";
		return true;
	}
	for (size_t i = 0; i < sizeof(seasons) / sizeof(*seasons); i++)
		if (rl == 2 && !strncmp(r, seasons[i].code, 2)) {
			fc_buf_adds(b, seasons[i].name);
			if (has_year)
				fc_buf_printf(b, " %d", year);
			*prep = "in";
			return true;
		}
	if (!has_year)
		return false;
	if (rl == 3 && r[0] == 'W' && fc_digits(r + 1, 2) > 0) {
		fc_buf_printf(b, "week %d of %d", fc_digits(r + 1, 2), year);
		*prep = "in";
		return true;
	}
	if (rl == 2 && r[0] == 'Q' && r[1] >= '1' && r[1] <= '4') {
		static const char *const nth[] = {"first", "second", "third",
						  "fourth"};
		fc_buf_printf(b, "the %s quarter of %d", nth[r[1] - '1'], year);
		*prep = "in";
		return true;
	}
	return false;
}

void fc_check_time_words(struct fc_buf *b, const char *value, bool with_prep)
{
	struct fc_buf w;
	const char *prep = "on";
	fc_buf_init(&w, 0);
	bool ok = date_words(&w, value, &prep) && !w.err;
	if (ok && with_prep) {
		fc_buf_adds(b, prep);
		fc_buf_addc(b, ' ');
	}
	if (ok)
		fc_buf_adds(b, fc_buf_cstr(&w));
	else if (with_prep)
		fc_buf_printf(b, "(date %s)", value);
	else
		fc_buf_adds(b, value);
	fc_buf_finish(&w);
}

/* ---- Values -------------------------------------------------------------- */

static void value_words(struct fc_buf *b, struct fc_arena *a,
			const struct fc_value *v, int depth)
{
	switch (v->type) {
	case FC_VAL_QUANTITY: fc_check_quantity_words(b, &v->quantity); return;
	case FC_VAL_TIME:
		if (v->time.type == FC_TIMEX_DATE ||
		    v->time.type == FC_TIMEX_TIME) {
			fc_check_time_words(b, v->time.value, false);
			return;
		}
		break;
	case FC_VAL_LIST:
		if (depth > 8)
			return;
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				fc_buf_adds(b, i + 1 < v->nitems ? ", " : " and ");
			value_words(b, a, &v->items[i], depth + 1);
		}
		return;
	default: break;
	}
	char *s = fc_value_label(a, v);
	if (!s)
		b->err = FC_ENOMEM;
	else
		fc_buf_adds(b, s);
}

char *fc_check_value_words(struct fc_arena *a, const struct fc_value *v)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	value_words(&b, a, v, 0);
	char *s = b.err ? NULL : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}
