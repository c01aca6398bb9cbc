/*
** norm_quantity.c: numbers and quantity productions.
**
**   quantity        num [x scale] [currency | unit] with a hedge:
**                   "nearly $3 billion" -> 3e9 USD, below 3e9
**   quantity_range  "between 5 and 10" -> 5, from 5 to 10
**   quantity_vague  "tens of thousands" -> 1e4, from 1e4 to 1e5
**   ordinal         "third", "21st" -> 3, 21 (is_ordinal)
**
** Number words come from the tables `number` (added: "twenty" 20, "a"
** 1) and `scale` (multiplied: "hundred" 100, "million" 1e6, "dozen" 12),
** so the words of any language live in YAML.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

#define APPROX_BAND 0.1 /* "about 40": 36 to 44 */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Digits with thousands separators and a decimal point: "1,200.5". */
static double read_digits(const char *s, size_t len, size_t *used)
{
	double v = 0;
	size_t i = 0;
	while (i < len) {
		if (is_digit(s[i])) {
			v = v * 10 + (s[i] - '0');
			i++;
		} else if (s[i] == ',' && i > 0 && i + 3 < len &&
			   is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
			   is_digit(s[i + 3]) &&
			   (i + 4 == len || !is_digit(s[i + 4]))) {
			i++;
		} else {
			break;
		}
	}
	if (i < len && s[i] == '.' && i + 1 < len && is_digit(s[i + 1])) {
		double f = 0.1;
		for (i++; i < len && is_digit(s[i]); i++, f /= 10)
			v += (s[i] - '0') * f;
	}
	*used = i;
	return v;
}

static int32_t word_in(const struct fc_norm *n, int t, const char *w,
		       size_t len)
{
	if (t < 0 || len >= 32)
		return -1;
	return norm_hash_get(&n->lookup, t, w, len);
}

double norm_number(const struct fc_norm *n, const char *s, size_t len)
{
	double total = 0, cur = 0;
	bool any = false, after_digits = false;
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (is_digit(c) || (c == '.' && i + 1 < len &&
				    is_digit(s[i + 1]))) {
			size_t used;
			double v = read_digits(s + i, len - i, &used);
			if (!used)
				return NAN;
			cur += v;
			any = after_digits = true;
			i += used;
			continue;
		}
		if (!is_letter(c)) {
			after_digits = false;
			i++;
			continue;
		}
		size_t j = i;
		while (j < len && is_letter(s[j]))
			j++;
		char buf[32];
		size_t kl = norm_key(s + i, j - i, buf, sizeof(buf));
		int32_t k = -1;
		if (kl < sizeof(buf) && n->t_scale >= 0 &&
		    (k = norm_hash_get(&n->lookup, n->t_scale, buf, kl)) >= 0) {
			double m = n->tables[n->t_scale].nums[k];
			if (!isfinite(m))
				return NAN;
			if (m < 1000) {
				cur = (cur ? cur : 1) * m;
			} else {
				total += (cur ? cur : 1) * m;
				cur = 0;
			}
			any = true;
		} else if ((k = word_in(n, n->t_number, buf, kl)) >= 0 ||
			   (k = word_in(n, n->t_article, buf, kl)) >= 0) {
			int t = word_in(n, n->t_number, buf, kl) >= 0
					? n->t_number
					: n->t_article;
			double v = n->tables[t].nums[k];
			if (!isfinite(v))
				return NAN;
			cur += v;
			any = true;
		} else if (word_in(n, n->t_joiner, buf, kl) >= 0) {
			/* "and" between number words */
		} else if (!after_digits) {
			/* an unknown word; a suffix on digits (16th) is fine */
			return NAN;
		}
		after_digits = false;
		i = j;
	}
	return any ? total + cur : NAN;
}

static enum fc_timex_mod hedge(const struct norm_match *m)
{
	static const char *const names[] = {
		"", "START", "MID", "END", "APPROX", "BEFORE", "AFTER",
		"ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
		"EQUAL_OR_LESS", "EQUAL_OR_MORE",
	};
	struct norm_val v;
	if (!norm_slot(m, S_HEDGE, &v) || v.is_raw)
		return FC_MOD_NONE;
	for (size_t i = 1; i < sizeof(names) / sizeof(*names); i++)
		if (strlen(names[i]) == v.len && !memcmp(names[i], v.s, v.len))
			return (enum fc_timex_mod)i;
	return FC_MOD_NONE;
}

static void bounds(struct fc_quantity *q, enum fc_timex_mod h)
{
	q->lo = q->hi = q->value;
	switch (h) {
	case FC_MOD_LESS_THAN:
	case FC_MOD_EQUAL_OR_LESS:
	case FC_MOD_BEFORE:
	case FC_MOD_ON_OR_BEFORE:
		q->lo = -INFINITY;
		q->is_lo_open = true;
		break;
	case FC_MOD_MORE_THAN:
	case FC_MOD_EQUAL_OR_MORE:
	case FC_MOD_AFTER:
	case FC_MOD_ON_OR_AFTER:
		q->hi = INFINITY;
		q->is_hi_open = true;
		break;
	case FC_MOD_APPROX:
		q->lo = q->value * (1 - APPROX_BAND);
		q->hi = q->value * (1 + APPROX_BAND);
		if (q->lo > q->hi) {
			double t = q->lo;
			q->lo = q->hi;
			q->hi = t;
		}
		break;
	default:
		break;
	}
}

/* The unit: a currency code, else a unit word (table value or text). */
static const char *unit_of(const struct norm_match *m)
{
	struct norm_val v;
	if (!norm_slot(m, S_CURRENCY, &v) && !norm_slot(m, S_UNIT, &v))
		return NULL;
	if (!v.is_raw)
		return v.s; /* table or set: lives as long as the rules */
	return fc_lower(m->a, v.s, v.len);
}

/* num x scale; NAN when absent. */
static double scaled(const struct norm_match *m, enum norm_slot sn,
		     enum norm_slot ss, bool *has_scale)
{
	struct norm_val v, sc;
	if (!norm_slot(m, sn, &v))
		return NAN;
	double x = v.num;
	*has_scale = norm_slot(m, ss, &sc);
	if (*has_scale) {
		if (!isfinite(sc.num))
			return NAN;
		x *= sc.num;
	}
	return x;
}

static void init_cand(const struct norm_match *m, struct norm_cand *c)
{
	memset(c, 0, sizeof(*c));
	c->kind = FC_MENTION_QUANTITY;
	c->start = m->start;
	c->end = m->end;
}

/*
** A quantity: num x scale, then
**   den      a fraction: num / den ("two thirds", "3/4"), or with num2
**            a mixed number num + num2 / den ("one and a half");
**   num2     without den, an added amount num2 x scale2 ("3 dollars 50
**            cents" with scale2 0.01);
**   sign     -1 for "minus five", "-9.2".
*/
static int prod_quantity(const struct norm_match *m, struct norm_cand *c)
{
	bool has_scale, has_scale2;
	double x = scaled(m, S_NUM, S_SCALE, &has_scale);
	if (!isfinite(x))
		return 0;
	struct norm_val den, sign;
	double x2 = scaled(m, S_NUM2, S_SCALE2, &has_scale2);
	if (norm_slot(m, S_DEN, &den)) {
		if (!isfinite(den.num) || den.num == 0)
			return 0;
		x = isfinite(x2) ? x + x2 / den.num : x / den.num;
	} else if (isfinite(x2)) {
		x += x2;
	}
	if (norm_slot(m, S_SIGN, &sign) && isfinite(sign.num))
		x *= sign.num;
	init_cand(m, c);
	c->q.value = x;
	c->q.unit = unit_of(m);
	bounds(&c->q, hedge(m));
	return 1;
}

static int prod_range(const struct norm_match *m, struct norm_cand *c)
{
	bool s1, s2;
	double a = scaled(m, S_NUM, S_SCALE, &s1);
	double b = scaled(m, S_NUM2, S_SCALE2, &s2);
	struct norm_val sc;
	if (!s1 && s2 && norm_slot(m, S_SCALE2, &sc) && sc.num > 1 &&
	    a < b / sc.num * 1.0001)
		a *= sc.num; /* "5 to 10 million": the scale is shared */
	if (!isfinite(a) || !isfinite(b))
		return 0;
	init_cand(m, c);
	c->q.value = a;
	c->q.lo = a < b ? a : b;
	c->q.hi = a < b ? b : a;
	c->q.unit = unit_of(m);
	return 1;
}

static int prod_vague(const struct norm_match *m, struct norm_cand *c)
{
	bool has_scale;
	double x = scaled(m, S_NUM, S_SCALE, &has_scale);
	if (!isfinite(x))
		return 0;
	init_cand(m, c);
	c->q.value = x;
	c->q.lo = x;
	c->q.hi = x * 10;
	c->q.unit = unit_of(m);
	return 1;
}

static int prod_ordinal(const struct norm_match *m, struct norm_cand *c)
{
	struct norm_val v;
	if (!norm_slot(m, S_NUM, &v) || !isfinite(v.num))
		return 0;
	init_cand(m, c);
	c->q.value = c->q.lo = c->q.hi = v.num;
	c->q.is_ordinal = true;
	return 1;
}

int norm_quantity_produce(const struct norm_match *m, struct norm_cand *out)
{
	switch (m->p->prod) {
	case P_QUANTITY: return prod_quantity(m, out);
	case P_QUANTITY_RANGE: return prod_range(m, out);
	case P_QUANTITY_VAGUE: return prod_vague(m, out);
	case P_ORDINAL: return prod_ordinal(m, out);
	default: return 0;
	}
}
