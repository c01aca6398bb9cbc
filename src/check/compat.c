/*
** compat.c: are two values of a compared field compatible?
**
** Compatible is not equal. Each value is first prepared once (its
** interval derived from the TIMEX3 value, its text normalised, its list
** items keyed), then pairs of prepared values are compared:
**
**   time        DATE/TIME intervals [lo, hi) in days intersect, after
**               START/MID/END narrowing (fc_time_parse), BEFORE/AFTER
**               opening and APPROX widening; tolerance widens by seconds.
**               Unanchored values (XXXX-01-16) match any day of the
**               other's interval with the same known fields.
**   duration    [lo, hi] in seconds (MORE_THAN opens above, LESS_THAN
**               below, APPROX +-10%) within max(tolerance, a tenth of
**               the coarser grain): "a year" agrees with "52 weeks".
**   quantity    value intervals (hedges) within tolerance * magnitude,
**               same unit when both have one.
**   entity      same id; gov:XX and country:XX are the same state.
**   set         one list's items contain the other's.
**   list-order  items both lists name appear in the same order.
**   text        equal after normalisation (fc_check_norm_text).
**   polarity    equal (asserted / negated).
**   quote       the same words (wdiff.h: case, punctuation and quote
**               marks do not count), or one a fragment of the other.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_p.h"

#define MAX_ITEMS 256      /* list items considered per value */
#define MAX_SCAN_DAYS 400  /* longer intervals hold every month/day */
#define DAY_SECONDS 86400.0
#define YEAR_SECONDS (365.2425 * DAY_SECONDS)

const char *const fc_check_compare_names[CMP_COUNT + 1] = {
	[CMP_TIME] = "time",         [CMP_DURATION] = "duration",
	[CMP_QUANTITY] = "quantity", [CMP_ENTITY] = "entity",
	[CMP_SET] = "set",           [CMP_LIST_ORDER] = "list-order",
	[CMP_TEXT] = "text",         [CMP_POLARITY] = "polarity",
	[CMP_QUOTE] = "quote",       [CMP_COUNT] = NULL,
};

bool fc_check_compare_parse(const char *name, enum compare *out)
{
	for (int i = 0; i < CMP_COUNT; i++)
		if (!strcmp(fc_check_compare_names[i], name)) {
			*out = (enum compare)i;
			return true;
		}
	return false;
}

/* ---- Normalised text and keys ------------------------------------------ */

char *fc_check_norm_text(struct fc_arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = fc_arena_alloc(a, n + 1);
	if (!out)
		return NULL;
	size_t o = 0;
	bool space = false;
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = p[i];
		char w = 0;
		size_t k = 1;
		if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80) {
			unsigned char t = p[i + 2];
			k = 3;
			if (t == 0x98 || t == 0x99 || t == 0x9B)
				w = '\'';
			else if (t == 0x9C || t == 0x9D || t == 0x9F)
				w = '"';
			else if (t >= 0x90 && t <= 0x95)
				w = '-';
			else if (t <= 0x8B || t == 0xAF)
				w = ' '; /* the Unicode spaces */
			else
				k = 1;
		} else if (c == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) {
			w = ' ';
			k = 2;
		}
		if (!w)
			w = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
		if (w == ' ' || w == '\t' || w == '\n' || w == '\r' ||
		    w == '\f' || w == '\v') {
			space = o > 0;
		} else {
			if (space)
				out[o++] = ' ';
			space = false;
			out[o++] = w;
		}
		i += k;
	}
	while (o > 0 && strchr(".,;:!?", out[o - 1]))
		o--;
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

/*
** The key of an entity id: "name:x-y", a name the lexicon could not
** type, is "person:x-y" when the name is a person's. One source may
** tell what the name is ("Xavo Kessler, 43,") and another not, and the
** two must still meet in one cluster; so a name keys as the person of
** the same slug.
*/
static const char *id_key(struct fc_arena *a, const char *id)
{
	if (!id)
		return "";
	if (!strncmp(id, "name:", 5))
		return fc_arena_printf(a, "person:%s", id + 5);
	return id;
}

/* For comparing values: besides, "gov:RU" names the same state as
** "country:RU". */
static const char *entity_key(struct fc_arena *a, const char *id)
{
	if (id && !strncmp(id, "gov:", 4))
		return fc_arena_printf(a, "country:%s", id + 4);
	return id_key(a, id);
}

char *fc_check_item_key(struct fc_arena *a, const struct fc_value *v)
{
	switch (v->type) {
	case FC_VAL_ENTITY: {
		const char *k = id_key(a, v->entity.id);
		return k ? fc_arena_strdup(a, k) : NULL;
	}
	case FC_VAL_TIME:
		return fc_arena_strndup(a, v->time.value,
					strnlen(v->time.value,
						sizeof(v->time.value)));
	case FC_VAL_TEXT: return fc_check_norm_text(a, v->text ? v->text : "");
	case FC_VAL_INT: return fc_arena_printf(a, "%lld", (long long)v->i);
	case FC_VAL_NONE: return fc_arena_strdup(a, "");
	default: return fc_value_text(a, v);
	}
}

/* ---- Preparation -------------------------------------------------------- */

static int cmp_item(const void *x, const void *y)
{
	const struct prep_item *a = x, *b = y;
	int r = strcmp(a->key, b->key);
	if (r)
		return r;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

static int cmp_key(const void *x, const void *y)
{
	return strcmp(((const struct prep_item *)x)->key,
		      ((const struct prep_item *)y)->key);
}

static int cmp_pos(const void *x, const void *y)
{
	const struct prep_item *a = x, *b = y;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* Join item keys with ',' (items in the order given). */
static const char *join_keys(struct fc_arena *a, const struct prep_item *it,
			     size_t n)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fc_buf_addc(&b, ',');
		fc_buf_adds(&b, it[i].key);
	}
	const char *s = b.err ? NULL : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}

/*
** Items of v (a list, or one value) keyed, deduplicated and sorted by
** key; pos keeps the written order. The dedupe key of the value is the
** sorted keys (is_ordered: the keys in written order).
*/
static bool prep_items(struct fc_arena *a, const struct fc_value *v,
		       bool is_ordered, struct prep *p)
{
	const struct fc_value *items = v->type == FC_VAL_LIST ? v->items : v;
	size_t n = v->type == FC_VAL_LIST ? v->nitems : 1;
	if (n > MAX_ITEMS)
		n = MAX_ITEMS;
	struct prep_item *it = fc_arena_alloc(a, (n ? n : 1) * sizeof(*it));
	if (!it)
		return false;
	for (size_t i = 0; i < n; i++) {
		const struct fc_value *x = &items[i];
		it[i].key = x->type == FC_VAL_ENTITY
				    ? entity_key(a, x->entity.id)
				    : fc_check_item_key(a, x);
		if (!it[i].key)
			return false;
		it[i].pos = (uint32_t)i;
	}
	qsort(it, n, sizeof(*it), cmp_item);
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (!m || strcmp(it[m - 1].key, it[i].key))
			it[m++] = it[i]; /* keeps the first position */
	p->items = it;
	p->nitems = m;
	if (!is_ordered) {
		p->key = join_keys(a, it, m);
		return p->key != NULL;
	}
	/* Written order: positions are unique, so sort a copy by pos, then
	** renumber the positions densely (0..m-1) so they index arrays. */
	struct prep_item *w = fc_arena_alloc(a, (m ? m : 1) * sizeof(*w));
	if (!w)
		return false;
	memcpy(w, it, m * sizeof(*w));
	qsort(w, m, sizeof(*w), cmp_pos);
	for (size_t i = 0; i < m; i++) {
		struct prep_item *hit = bsearch(&w[i], it, m, sizeof(*it),
						cmp_key);
		hit->pos = (uint32_t)i;
	}
	p->key = join_keys(a, w, m);
	return p->key != NULL;
}

/* Known fields of an unanchored DATE ("XXXX-01-16", "XXXX-WXX-5"). */
static void unanchored_fields(const char *v, struct prep *p)
{
	p->month = p->day = p->weekday = -1;
	if (strncmp(v, "XXXX-", 5))
		return;
	const char *s = v + 5;
	if (s[0] == 'W' && s[1] == 'X' && s[2] == 'X' && s[3] == '-' &&
	    s[4] >= '1' && s[4] <= '7' && (!s[5] || s[5] == 'T')) {
		p->weekday = s[4] - '1';
		return;
	}
	if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
		p->month = (s[0] - '0') * 10 + (s[1] - '0');
		if (s[2] == '-' && s[3] >= '0' && s[3] <= '9' && s[4] >= '0' &&
		    s[4] <= '9')
			p->day = (s[3] - '0') * 10 + (s[4] - '0');
	}
}

static bool prep_time(struct fc_arena *a, const struct fc_value *v,
		      struct prep *p)
{
	struct fc_time t = v->time;
	t.value[sizeof(t.value) - 1] = '\0'; /* hostile input */
	if (fc_str_ends_with(t.value, "_REF")) {
		/* PRESENT_REF, PAST_REF, FUTURE_REF: no interval to test
		** (fc_time_parse reads a leading 'P' as a duration). */
		p->is_unknown = true;
		return true;
	}
	if (fc_time_parse(t.value, &t) || t.type == FC_TIMEX_DURATION ||
	    t.type == FC_TIMEX_SET) {
		p->is_opaque = true;
		return true;
	}
	p->grain = t.grain;
	p->is_anchored = t.is_anchored;
	if (!t.is_anchored) {
		unanchored_fields(t.value, p);
		p->is_unknown = p->month < 0 && p->weekday < 0;
		return true;
	}
	double lo = t.lo, hi = t.hi, len = hi - lo;
	switch (t.mod) {
	case FC_MOD_BEFORE: hi = lo, lo = -INFINITY; break;
	case FC_MOD_ON_OR_BEFORE: lo = -INFINITY; break;
	case FC_MOD_AFTER: lo = hi, hi = INFINITY; break;
	case FC_MOD_ON_OR_AFTER: hi = INFINITY; break;
	case FC_MOD_APPROX: lo -= len, hi += len; break;
	default: break;
	}
	p->lo = lo;
	p->hi = hi;
	(void)a;
	return true;
}

static bool prep_duration(const struct fc_value *v, struct prep *p)
{
	struct fc_time t = v->time;
	t.value[sizeof(t.value) - 1] = '\0';
	if (fc_time_parse(t.value, &t) || t.type != FC_TIMEX_DURATION) {
		p->is_opaque = true;
		return true;
	}
	p->grain = t.grain;
	if (!t.is_anchored) {
		p->is_unknown = true; /* "for years": PXY */
		return true;
	}
	double lo = t.seconds, hi = t.seconds;
	switch (t.mod) {
	case FC_MOD_MORE_THAN:
	case FC_MOD_EQUAL_OR_MORE:
	case FC_MOD_AFTER:
	case FC_MOD_ON_OR_AFTER: hi = INFINITY; break;
	case FC_MOD_LESS_THAN:
	case FC_MOD_EQUAL_OR_LESS:
	case FC_MOD_BEFORE:
	case FC_MOD_ON_OR_BEFORE: lo = 0; break;
	case FC_MOD_APPROX: lo *= 0.9, hi *= 1.1; break;
	default: break;
	}
	p->lo = lo;
	p->hi = hi;
	return true;
}

static bool prep_quantity(struct fc_arena *a, const struct fc_value *v,
			  struct prep *p)
{
	if (v->type == FC_VAL_INT) {
		p->lo = p->hi = (double)v->i;
		return true;
	}
	const struct fc_quantity *q = &v->quantity;
	double lo = q->is_lo_open ? -INFINITY : q->lo;
	double hi = q->is_hi_open ? INFINITY : q->hi;
	/* No bounds given: the value itself. Inconsistent bounds too. */
	if ((!q->is_lo_open && !q->is_hi_open && q->lo == 0 && q->hi == 0) ||
	    lo > hi || isnan(lo) || isnan(hi))
		lo = hi = q->value;
	p->lo = lo;
	p->hi = hi;
	p->unit = q->unit;
	p->key = fc_arena_printf(a, "%.17g %s [%.17g, %.17g]", q->value,
				 q->unit ? q->unit : "", lo, hi);
	return p->key != NULL;
}

static bool prep_quote(struct fc_arena *a, const char *text, struct prep *p)
{
	p->words = fc_arena_alloc(a, sizeof(*p->words));
	if (!p->words || !fc_wd_split(a, text, strlen(text), p->words))
		return false;
	p->key = fc_wd_key(a, p->words);
	return p->key != NULL;
}

/* The dedupe key when the compare did not set one. */
static const char *default_key(struct fc_arena *a, enum compare cmp,
			       const struct fc_value *v)
{
	if (v->type == FC_VAL_ENTITY && cmp == CMP_ENTITY)
		return entity_key(a, v->entity.id);
	if (v->type == FC_VAL_TIME && fc_timex_mod_name(v->time.mod))
		return fc_arena_printf(a, "%.*s %s",
				       (int)strnlen(v->time.value,
						    sizeof(v->time.value)),
				       v->time.value,
				       fc_timex_mod_name(v->time.mod));
	return fc_check_item_key(a, v);
}

bool fc_check_prep(struct fc_arena *a, enum compare cmp,
		   const struct fc_value *v, struct prep *p)
{
	memset(p, 0, sizeof(*p));
	p->month = p->day = p->weekday = -1;
	/* A list under a scalar compare is compared as a set. */
	if (v->type == FC_VAL_LIST &&
	    (cmp == CMP_ENTITY || cmp == CMP_TEXT))
		cmp = CMP_SET;
	p->cmp = cmp;
	bool ok = true;
	switch (cmp) {
	case CMP_TIME:
		if (v->type == FC_VAL_TIME)
			ok = prep_time(a, v, p);
		else
			p->is_opaque = true;
		break;
	case CMP_DURATION:
		if (v->type == FC_VAL_TIME)
			ok = prep_duration(v, p);
		else
			p->is_opaque = true;
		break;
	case CMP_QUANTITY:
		if (v->type == FC_VAL_QUANTITY || v->type == FC_VAL_INT)
			ok = prep_quantity(a, v, p);
		else
			p->is_opaque = true;
		break;
	case CMP_SET: ok = prep_items(a, v, false, p); break;
	case CMP_LIST_ORDER: ok = prep_items(a, v, true, p); break;
	case CMP_QUOTE:
		if (v->type == FC_VAL_TEXT && v->text)
			ok = prep_quote(a, v->text, p);
		else
			p->is_opaque = true;
		break;
	case CMP_ENTITY:
	case CMP_TEXT:
	case CMP_POLARITY:
	case CMP_COUNT: break;
	}
	if (!ok)
		return false;
	if (!p->key)
		p->key = default_key(a, cmp, v);
	if (p->is_opaque)
		p->key = fc_check_item_key(a, v);
	return p->key != NULL;
}

/* ---- Comparison --------------------------------------------------------- */

static double grain_seconds(enum fc_grain g)
{
	switch (g) {
	case FC_GRAIN_SECOND: return 1;
	case FC_GRAIN_MINUTE: return 60;
	case FC_GRAIN_HOUR: return 3600;
	case FC_GRAIN_PART_OF_DAY: return 6 * 3600;
	case FC_GRAIN_DAY: return DAY_SECONDS;
	case FC_GRAIN_WEEK: return 7 * DAY_SECONDS;
	case FC_GRAIN_MONTH: return YEAR_SECONDS / 12;
	case FC_GRAIN_SEASON:
	case FC_GRAIN_QUARTER: return YEAR_SECONDS / 4;
	case FC_GRAIN_HALF: return YEAR_SECONDS / 2;
	case FC_GRAIN_YEAR: return YEAR_SECONDS;
	case FC_GRAIN_DECADE: return 10 * YEAR_SECONDS;
	case FC_GRAIN_CENTURY: return 100 * YEAR_SECONDS;
	case FC_GRAIN_NONE: break;
	}
	return 0;
}

/* Gap between [alo, ahi] and [blo, bhi]: <= 0 when they meet. */
static double gap(double alo, double ahi, double blo, double bhi)
{
	double lo = alo > blo ? alo : blo, hi = ahi < bhi ? ahi : bhi;
	return lo - hi;
}

/* Does some day of anchored x (widened by tol days) fit unanchored u? */
static bool day_fits(const struct prep *x, const struct prep *u, double tol)
{
	double lo = floor(x->lo - tol), hi = ceil(x->hi + tol);
	if (!(hi - lo <= MAX_SCAN_DAYS))
		return true; /* also infinite: every month and day occurs */
	for (int32_t z = (int32_t)lo; z < (int32_t)hi; z++) {
		int y, m, d;
		fc_civil_from_days(z, &y, &m, &d);
		if ((u->month < 0 || u->month == m) &&
		    (u->day < 0 || u->day == d) &&
		    (u->weekday < 0 || u->weekday == fc_weekday(z)))
			return true;
	}
	return false;
}

static bool time_compatible(double tolerance, const struct prep *x,
			    const struct prep *y)
{
	double tol = tolerance / DAY_SECONDS;
	if (x->is_anchored && y->is_anchored) {
		/* Half-open day intervals intersect. */
		double lo = x->lo - tol > y->lo ? x->lo - tol : y->lo;
		double hi = x->hi + tol < y->hi ? x->hi + tol : y->hi;
		return lo < hi;
	}
	if (x->is_anchored)
		return day_fits(x, y, tol);
	if (y->is_anchored)
		return day_fits(y, x, tol);
	if (x->month >= 0 && y->month >= 0 && x->month != y->month)
		return false;
	if (x->day >= 0 && y->day >= 0 && x->day != y->day)
		return false;
	/* Two weekdays of unknown weeks ("Tuesday", "Wednesday" in
	** undated articles) are relative to unknown, possibly different
	** dates: no contradiction can be read from them. */
	return true;
}

static bool duration_compatible(double tolerance, const struct prep *x,
				const struct prep *y)
{
	enum fc_grain g = x->grain > y->grain ? x->grain : y->grain;
	double allow = 0.1 * grain_seconds(g);
	if (tolerance > allow)
		allow = tolerance;
	return gap(x->lo, x->hi, y->lo, y->hi) <= allow + 1e-6;
}

static bool quantity_compatible(double tolerance, const struct prep *x,
				const struct prep *y)
{
	if (x->unit && y->unit && strcmp(x->unit, y->unit))
		return false;
	double mag = 0;
	const double b[4] = {x->lo, x->hi, y->lo, y->hi};
	for (int i = 0; i < 4; i++)
		if (isfinite(b[i]) && fabs(b[i]) > mag)
			mag = fabs(b[i]);
	return gap(x->lo, x->hi, y->lo, y->hi) <= tolerance * mag + 1e-9 * mag;
}

/* Is every item of small (sorted by key) in big (sorted by key)? */
static bool items_subset(const struct prep *small, const struct prep *big)
{
	size_t j = 0;
	for (size_t i = 0; i < small->nitems; i++) {
		int r = 1;
		while (j < big->nitems &&
		       (r = strcmp(big->items[j].key, small->items[i].key)) < 0)
			j++;
		if (j == big->nitems || r != 0)
			return false;
		j++;
	}
	return true;
}

/* Shared items in the same relative order. */
static bool order_compatible(const struct prep *x, const struct prep *y)
{
	int32_t ypos[MAX_ITEMS];
	for (size_t i = 0; i < x->nitems; i++)
		ypos[i] = -1;
	size_t i = 0, j = 0;
	while (i < x->nitems && j < y->nitems) {
		int r = strcmp(x->items[i].key, y->items[j].key);
		if (r == 0)
			ypos[x->items[i].pos] = (int32_t)y->items[j].pos;
		i += r <= 0;
		j += r >= 0;
	}
	int32_t last = -1;
	for (size_t k = 0; k < x->nitems; k++) {
		if (ypos[k] < 0)
			continue;
		if (ypos[k] < last)
			return false;
		last = ypos[k];
	}
	return true;
}

bool fc_check_prep_compatible(double tolerance, const struct prep *x,
			      const struct prep *y)
{
	if (x->is_unknown || y->is_unknown)
		return true;
	if (x->is_opaque || y->is_opaque || x->cmp != y->cmp)
		return !strcmp(x->key, y->key);
	switch (x->cmp) {
	case CMP_TIME: return time_compatible(tolerance, x, y);
	case CMP_DURATION: return duration_compatible(tolerance, x, y);
	case CMP_QUANTITY: return quantity_compatible(tolerance, x, y);
	case CMP_SET:
		return x->nitems <= y->nitems ? items_subset(x, y)
					      : items_subset(y, x);
	case CMP_LIST_ORDER: return order_compatible(x, y);
	case CMP_ENTITY:
	case CMP_TEXT:
	case CMP_POLARITY:
	case CMP_QUOTE: /* fragments: quote_compatible, with scratch */
	case CMP_COUNT: break;
	}
	return !strcmp(x->key, y->key);
}

/* Quotes: the same words, or one a fragment of the other. */
static bool quote_compatible(struct fc_arena *a, const struct prep *x,
			     const struct prep *y)
{
	if (!strcmp(x->key, y->key))
		return true;
	if (x->is_opaque || y->is_opaque || !x->words || !y->words)
		return false;
	struct fc_wd_text *t[2] = {x->words, y->words};
	if (!fc_wd_intern(a, t, 2))
		return false;
	uint32_t *xi = fc_wd_ids(a, x->words), *yi = fc_wd_ids(a, y->words);
	if (!xi || !yi)
		return false;
	bool is_oom = false;
	if (x->words->n <= y->words->n &&
	    fc_check_quote_contains(a, yi, y->words->n, x->words, xi, &is_oom))
		return true;
	return y->words->n <= x->words->n &&
	       fc_check_quote_contains(a, xi, x->words->n, y->words, yi,
				       &is_oom);
}

bool fc_values_compatible(const char *compare, double tolerance,
			  const struct fc_value *a, const struct fc_value *b)
{
	enum compare cmp = CMP_TEXT;
	if (compare && !fc_check_compare_parse(compare, &cmp))
		cmp = CMP_TEXT; /* unknown: compare as normalised text */
	if (!(tolerance >= 0))
		tolerance = 0;
	struct fc_arena scratch;
	fc_arena_init(&scratch);
	struct prep x, y;
	bool ok = fc_check_prep(&scratch, cmp, a, &x) &&
		  fc_check_prep(&scratch, cmp, b, &y);
	if (ok && x.cmp == CMP_QUOTE && y.cmp == CMP_QUOTE)
		ok = quote_compatible(&scratch, &x, &y);
	else
		ok = ok && fc_check_prep_compatible(tolerance, &x, &y);
	fc_arena_finish(&scratch);
	return ok;
}
