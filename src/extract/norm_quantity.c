/*
** norm_quantity.c: quantity productions.
**
**   quantity        num [x scale] [currency | unit] with a hedge:
**                   "nearly $3 billion" -> 3e9 USD, below 3e9
**   quantity_range  "between 5 and 10" -> 5, from 5 to 10
**   quantity_vague  "tens of thousands" -> 1e4, from 1e4 to 1e5
**   ordinal         "third", "21st" -> 3, 21 (is_ordinal)
**
** A number captured from the text is read by norm_number.c, which takes
** the longest well-formed prefix: when the number ends the match, the
** mention ends where the reading does ("one dollar and one | and one");
** elsewhere a partial reading drops the match. The slot `type` tunes a
** pattern: "proper" (num / den at most 1: "one in three", not "5 in
** 2020"), "ascending" (a range written low to high: "10-15", not a score
** "3-2"), "decade" (the decade of an age: "in his 40s" is 40 to 49),
** "below" (a range below zero: "15 to 25 degrees below zero" is -25
** to -15).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

#define APPROX_BAND 0.1 /* "about 40": 36 to 44 */

/* A TIMEX3 mod by name ("LESS_THAN"), or FC_MOD_NONE. */
static enum fc_timex_mod mod_named(const char *s, size_t len)
{
	static const char *const names[] = {
		"", "START", "MID", "END", "APPROX", "BEFORE", "AFTER",
		"ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
		"EQUAL_OR_LESS", "EQUAL_OR_MORE",
	};
	for (size_t i = 1; i < sizeof(names) / sizeof(*names); i++)
		if (strlen(names[i]) == len && !memcmp(names[i], s, len))
			return (enum fc_timex_mod)i;
	return FC_MOD_NONE;
}

static enum fc_timex_mod hedge_of(const struct norm_match *m,
				  enum norm_slot slot)
{
	struct norm_val v;
	if (!norm_slot_text(m, slot, &v) || v.is_raw)
		return FC_MOD_NONE;
	return mod_named(v.s, v.len);
}

/* (norm_in_table, norm_p.h) */
bool norm_in_table(const struct fc_norm *n, int t, const char *text,
		   uint32_t s, uint32_t e, const char **val)
{
	char buf[64];
	if (t < 0 || e - s >= sizeof(buf))
		return false;
	size_t len = norm_key(text + s, e - s, buf, sizeof(buf));
	int32_t k = norm_hash_get(&n->lookup, t, buf, len);
	if (k < 0)
		return false;
	*val = n->tables[t].vals[k];
	return true;
}

/*
** Is the word before at (past blanks) a contraction with "n't" ("won't",
** "can't", "didn’t")? Then *word is where it starts. The hedge words
** are read as letters, so "won't exceed 500" would read "exceed 500"
** alone: a lower bound where the writer set an upper one.
*/
static bool after_nt(const char *t, uint32_t lo, uint32_t at,
		     uint32_t *word)
{
	uint32_t j = at;
	while (j > lo && norm_is_blank(t[j - 1]))
		j--;
	if (j == at || j - lo < 3 || (t[j - 1] != 't' && t[j - 1] != 'T'))
		return false;
	if (t[j - 2] == '\'')
		j -= 2;
	else if (j - lo >= 5 && (unsigned char)t[j - 2] == 0x99 &&
		 (unsigned char)t[j - 3] == 0x80 &&
		 (unsigned char)t[j - 4] == 0xE2) /* U+2019 */
		j -= 4;
	else
		return false;
	if (j == lo || (t[j - 1] != 'n' && t[j - 1] != 'N'))
		return false;
	while (j > lo && norm_is_alpha(t[j - 1]))
		j--;
	*word = j;
	return true;
}

/* The value of "not " and text[s, e) in table t: the hedge of a
** contraction ("won't exceed" as "not exceed"). */
static bool in_table_not(const struct fc_norm *n, int t, const char *text,
			 uint32_t s, uint32_t e, const char **val)
{
	char raw[64];
	if (e - s > sizeof(raw) - 5)
		return false;
	memcpy(raw, "not ", 4);
	memcpy(raw + 4, text + s, e - s);
	return norm_in_table(n, t, raw, 0, (uint32_t)(e - s + 4), val);
}

/* words a hedge before a number may have ("greater than or equal to") */
#define HEDGE_WORDS 5

/*
** Are the word at `word` and the hedge after it, text[word, end), a key
** of the table hedge_level ("revised up to")? Then the verb moved a
** figure to a level and the words bound nothing: "revised up to 25
** million" is 25 million ("hopes to raise up to 25 million" stays at
** most). Asked only of an upper bound's hedge ("up to", "as many as":
** rare), so the table is looked up by name here.
*/
static bool hedge_is_level(const struct fc_norm *n, const char *text,
			   uint32_t word, uint32_t end)
{
	const char *val;
	return norm_in_table(n, norm_table_find(n, "hedge_level"), text, word,
			     end, &val);
}

/*
** The hedge written just before a quantity ("nearly $3 billion", "more
** than 200", "no more than 5", ">= 30"): the last one to HEDGE_WORDS
** words before start, longest first, in the table `hedge`, or the
** symbols before it in `hedge_sym`. Moves *start to the hedge. The words
** live in YAML; a lookup here costs less than trying every hedge at
** every word in each pattern's regex.
*/
static enum fc_timex_mod hedge_before(const struct norm_match *m,
				      uint32_t *start)
{
	const struct fc_norm *n = m->n;
	const struct norm_wordfacts *f = norm_wordfacts(n);
	const char *t = m->text;
	uint32_t lo = m->stretch_start, j = *start, w[HEDGE_WORDS];
	/* the words' lengths and hashes, for the word facts: most numbers
	** follow a word that ends no hedge ("the", "of"), and most word
	** runs begin with one that starts none */
	uint32_t wlen[HEDGE_WORDS], wh[HEDGE_WORDS];
	int nw = 0;
	const char *val;
	while (nw < HEDGE_WORDS) {
		uint32_t e = j;
		while (j > lo && norm_is_blank(t[j - 1]))
			j--;
		if (j == e && nw == 0 && j > lo && norm_is_alpha(t[j - 1]))
			break; /* a word glued to the number */
		uint32_t we = j;
		while (j > lo && norm_is_alpha(t[j - 1]))
			j--;
		if (j == we || (j > lo && !norm_is_blank(t[j - 1]) &&
				t[j - 1] != '(' && t[j - 1] != '"'))
			break;
		wlen[nw] = we - j;
		wh[nw] = norm_word_hash(t + j, we - j);
		if (nw == 0 &&
		    !norm_wf_may(f, NORM_WF_HEDGE_LAST, wh[0], wlen[0]))
			break; /* no hedge ends with this word */
		w[nw++] = j;
	}
	/* the words w[k-1] .. w[0] as a key: their letters and k-1 spaces */
	uint32_t keylen[HEDGE_WORDS + 1] = {0};
	for (int k = 1; k <= nw; k++)
		keylen[k] = keylen[k - 1] + wlen[k - 1] + (k > 1);
	for (int k = nw; k > 0; k--)
		if (keylen[k] <= (f ? f->maxlen[NORM_WF_HEDGE] : UINT32_MAX) &&
		    norm_wf_may(f, NORM_WF_HEDGE_FIRST, wh[k - 1],
				wlen[k - 1]) &&
		    norm_in_table(n, n->t_hedge, t, w[k - 1], *start, &val)) {
			uint32_t nt;
			if (k < nw && mod_named(val, strlen(val)) ==
					      FC_MOD_EQUAL_OR_LESS &&
			    hedge_is_level(n, t, w[k], *start))
				return FC_MOD_NONE;
			if (!after_nt(t, lo, w[k - 1], &nt)) {
				*start = w[k - 1];
				return mod_named(val, strlen(val));
			}
			/* "won't exceed": "not exceed"'s value, or no
			** hedge (a negated one the table lacks) */
			if (!in_table_not(n, n->t_hedge, t, w[k - 1], *start,
					  &val))
				return FC_MOD_NONE;
			*start = nt;
			return mod_named(val, strlen(val));
		}
	/* symbols: "x>10", ">= 30", "< = 100" */
	j = *start;
	while (j > lo && norm_is_blank(t[j - 1]))
		j--;
	uint32_t se = j;
	while (j > lo && se - j < 4 &&
	       (t[j - 1] == '<' || t[j - 1] == '>' || t[j - 1] == '=' ||
		t[j - 1] == ' '))
		j--;
	while (j < se && t[j] == ' ')
		j++;
	if (j < se && norm_in_table(n, n->t_hedge_sym, t, j, se, &val)) {
		*start = j;
		return mod_named(val, strlen(val));
	}
	return FC_MOD_NONE;
}

static enum fc_timex_mod hedge(const struct norm_match *m)
{
	return hedge_of(m, S_HEDGE);
}

/* +1: a lower bound (more than), -1: an upper bound (less than), 0. */
static int bound_dir(enum fc_timex_mod h)
{
	switch (h) {
	case FC_MOD_MORE_THAN:
	case FC_MOD_EQUAL_OR_MORE:
	case FC_MOD_AFTER:
	case FC_MOD_ON_OR_AFTER:
		return 1;
	case FC_MOD_LESS_THAN:
	case FC_MOD_EQUAL_OR_LESS:
	case FC_MOD_BEFORE:
	case FC_MOD_ON_OR_BEFORE:
		return -1;
	default:
		return 0;
	}
}

/* x to 12 significant digits: "about 95" is 85.5 to 104.5, not to
** 104.50000000000001 (95 * 1.1 in binary); a bound is read, compared
** and written as decimal, where 12 digits are more than any text has */
static double round12(double x)
{
	if (x == 0 || !isfinite(x))
		return x;
	int e = (int)floor(log10(fabs(x)));
	if (e <= 11 && 11 - e <= 22) {
		double p = pow(10, 11 - e); /* exact up to 1e22 */
		return round(x * p) / p;
	}
	if (e > 11 && e - 11 <= 22) {
		double p = pow(10, e - 11);
		return round(x / p) * p;
	}
	return x;
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
		q->lo = round12(q->value * (1 - APPROX_BAND));
		q->hi = round12(q->value * (1 + APPROX_BAND));
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
	if (!norm_slot_text(m, S_CURRENCY, &v) &&
	    !norm_slot_text(m, S_UNIT, &v))
		return NULL;
	if (!v.is_raw)
		return v.s; /* table or set: lives as long as the rules */
	return fc_lower(m->a, v.s, v.len);
}

/* A number slot, read. */
struct numv {
	double x;               /* NAN when absent or unreadable */
	double scale_end;       /* "12 billion": 1e9 */
	enum norm_num_kind kind;
	bool is_bare;
	bool is_zero_led;       /* "0936", "06" (not "0", "0.5", "0000") */
	uint32_t cut;           /* the mention's new end, or 0 */
	uint32_t start, end;    /* the number's text, when raw */
};

static bool slot_number(const struct norm_match *m, enum norm_slot s,
			struct numv *o)
{
	struct norm_val v;
	memset(o, 0, sizeof(*o));
	o->x = NAN;
	if (!norm_slot_text(m, s, &v))
		return false;
	if (!v.is_raw) {
		o->x = v.num;
		return true;
	}
	size_t len = v.len;
	while (len && (v.s[len - 1] == ' ' || v.s[len - 1] == '\t'))
		len--;
	struct norm_num r;
	if (!norm_number_read(m->n, v.s, len, &r))
		return true;
	if (r.used < len) {
		if (v.end != m->end)
			return true; /* a partial number inside the match */
		o->cut = v.start + r.used;
	}
	o->start = v.start;
	o->end = v.start + (uint32_t)len;
	o->x = r.value;
	o->kind = r.kind;
	o->is_bare = r.is_bare;
	o->scale_end = r.scale_end;
	if (len > 1 && v.s[0] == '0' && v.s[1] >= '0' && v.s[1] <= '9')
		for (size_t i = 1; i < len && v.s[i] >= '0' && v.s[i] <= '9'; i++)
			if (v.s[i] != '0') {
				o->is_zero_led = true;
				break;
			}
	return true;
}

/* num x scale; NAN when absent. */
static double scaled(const struct norm_match *m, enum norm_slot sn,
		     enum norm_slot ss, bool *has_scale, struct numv *nv)
{
	struct norm_val sc;
	*has_scale = false;
	if (!slot_number(m, sn, nv))
		return NAN;
	double x = nv->x;
	*has_scale = norm_slot(m, ss, &sc);
	if (*has_scale) {
		if (!isfinite(sc.num))
			return NAN;
		x *= sc.num;
	}
	return x;
}

/* Is the constant slot `type` of the pattern t? */
static bool is_type(const struct norm_match *m, const char *t)
{
	struct norm_val v;
	return norm_slot_text(m, S_TYPE, &v) && strlen(t) == v.len &&
	       !memcmp(v.s, t, v.len);
}

static void init_cand(const struct norm_match *m, struct norm_cand *c)
{
	memset(c, 0, sizeof(*c));
	c->kind = FC_MENTION_QUANTITY;
	c->start = m->start;
	c->end = m->end;
}

/* The hedge of a quantity: its slot, else the words before it. */
static enum fc_timex_mod quantity_hedge(const struct norm_match *m,
					struct norm_cand *c)
{
	enum fc_timex_mod h = hedge(m);
	return h != FC_MOD_NONE ? h : hedge_before(m, &c->start);
}

/*
** After a reading cut short at the tail of the match, the number that
** follows as a candidate of its own ("3 hundred | and 2 hundred",
** "quarter | two Sundays ago", "two | first-degree"): the scan goes on
** after the whole match, so it would be lost. Returns 0 or 1.
*/
static int rest(const struct norm_match *m, uint32_t cut, bool is_ord,
		struct norm_cand *c)
{
	const char *s = m->text + cut;
	size_t len = m->end > cut ? m->end - cut : 0;
	size_t gap = norm_number_gap(m->n, s, len);
	struct norm_num r;
	if (gap >= len || !norm_number_read(m->n, s + gap, len - gap, &r) ||
	    r.is_bare || (r.kind == NORM_NUM_ORD) != is_ord)
		return 0;
	init_cand(m, c);
	c->start = cut + (uint32_t)gap;
	c->end = c->start + r.used;
	c->q.value = c->q.lo = c->q.hi = r.value;
	c->q.is_ordinal = is_ord;
	return 1;
}

/* Is the second number followed by the word "cent" or "cents" ("and
** fifty cents")? Then it is the amount's cents, whatever came before.
** The pattern says so with a capture named cents. */
static bool cents_said(const struct norm_match *m)
{
	struct norm_val v;
	return norm_slot_text(m, S_CENTS, &v);
}

/*
** Is the number of slot S_NUM no amount: a scale left over from digits
** the pattern could not read, or a number word in a name? A lone scale
** word right after digits is the scale of a number glued to letters
** ("M2.5 billion", "euro110 billion"): no count of 1e9 without the 2.5.
** A capitalised number word: norm_qty_name_part (norm_qty_name.c).
*/
static bool num_is_no_amount(const struct norm_match *m,
			     const struct numv *nv)
{
	const char *t = m->text;
	bool is_scale = nv->scale_end > 1 && nv->x == nv->scale_end;
	if (nv->end < nv->start + 3 || (!is_scale && !norm_is_upper(t[nv->start])))
		return false; /* most numbers: digits, or words in lower case */
	for (uint32_t i = nv->start; i < nv->end; i++)
		if (!norm_is_alpha(t[i]))
			return false;
	uint32_t j = nv->start;
	while (j > m->stretch_start && (t[j - 1] == ' ' || t[j - 1] == '\t'))
		j--;
	if (is_scale && j < nv->start && j > m->stretch_start &&
	    t[j - 1] >= '0' && t[j - 1] <= '9')
		return true;
	return norm_qty_name_part(m, nv->start, nv->end, is_scale);
}

/*
** Is a tokenized clock's colon and minutes right after at (" : 25",
** not " : 250" nor " : 25 : 1")? Then a count before it is the hour:
** "at about 9 : 25" (a hedge made the count longer than the clock's
** mask, qty.mask-tok-pair, which then lost).
*/
static bool clock_follows(const struct norm_match *m, uint32_t at)
{
	const char *t = m->text + at;
	if (m->stretch_end < at + 5 || memcmp(t, " : ", 3) ||
	    t[3] < '0' || t[3] > '5' || t[4] < '0' || t[4] > '9')
		return false;
	return m->stretch_end == at + 5 || t[5] < '0' || t[5] > '9';
}

/*
** Is the number a zero that only ends another: a group of three after
** "N, " ("20, 000", typed with a blank after the group comma: 20,000
** when read whole) or the "0" of a tokenized version or decimal no rule
** read ("USB 3 . 0")? No count starts there; text before at least four
** bytes back.
*/
static bool zero_ends_number(const struct norm_match *m,
			     const struct numv *nv)
{
	const char *t = m->text;
	uint32_t s = nv->start;
	if (t[s] != '0' || s < 4 || t[s - 1] != ' ')
		return false;
	if (nv->end == s + 3 && t[s - 2] == ',')
		return norm_is_digit(t[s - 3]);
	return nv->end == s + 1 && t[s - 2] == '.' && t[s - 3] == ' ' &&
	       norm_is_digit(t[s - 4]);
}

/*
** A quantity: num x scale, then
**   den      a fraction: num / den ("two thirds", "3/4"), or with num2
**            a mixed number num + num2 / den ("one and a half");
**   num2     without den, an added amount num2 x scale2 ("3 dollars 50
**            cents" with scale2 0.01);
**   sign     -1 for "minus five", "-9.2".
*/
/*
** Is a ratio's second number a mixed number ("102 in 204 1/3 innings":
** strikeouts in innings, a count in a span, no ratio of 0.5)? A whole
** and a fraction of what is counted are no population to draw from.
*/
static bool den_is_mixed(const struct norm_match *m)
{
	struct norm_val d;
	return norm_slot_text(m, S_DEN, &d) && d.len > 2 &&
	       memchr(d.s, '/', d.len) && memchr(d.s, ' ', d.len);
}

/*
** A bare count of a list whose unit is said once after its last amount
** ("rose 3, 4 and 5 percent"): x in the list's scale, *unit its unit
** (norm_qty_list.c); else x as it is.
*/
static double list_member(const struct norm_match *m, const struct numv *n1,
			  double x, const char **unit)
{
	double scale;
	if (!n1->end ||
	    !norm_qty_list_unit(m, n1->start, n1->end, unit, &scale) ||
	    !is_type(m, "count")) {
		*unit = NULL;
		return x;
	}
	return norm_round(x * scale);
}

/* Is the scale a list's, read past the match, and too small a share of
** the last amount for n1 ("$500 and $2 billion")? */
static bool list_scale_refused(const struct norm_match *m,
			       const struct numv *n1)
{
	struct norm_val sc;
	return norm_slot_text(m, S_SCALE, &sc) && sc.end > m->end &&
	       !norm_qty_list_scale_ok(m, n1->x, sc.start);
}

static int prod_quantity(const struct norm_match *m, struct norm_cand *c)
{
	bool has_scale, has_scale2;
	struct numv n1, n2;
	double x = scaled(m, S_NUM, S_SCALE, &has_scale, &n1);
	if (!isfinite(x) || n1.kind == NORM_NUM_ORD || n1.is_bare)
		return n1.cut ? rest(m, n1.cut, false, c) : 0;
	if (has_scale && list_scale_refused(m, &n1)) {
		x = n1.x;
		has_scale = false;
	}
	if (num_is_no_amount(m, &n1))
		return 0;
	if ((n1.is_zero_led || clock_follows(m, m->end) ||
	     zero_ends_number(m, &n1)) &&
	    is_type(m, "count"))
		return 0; /* "around 0936", "(0458)", "about 9 : 25": a clock
			  ** or a code; "20, 000", "USB 3 . 0" */
	struct norm_val den, sign;
	double x2 = scaled(m, S_NUM2, S_SCALE2, &has_scale2, &n2);
	if (n2.kind == NORM_NUM_ORD)
		return 0;
	if (norm_slot(m, S_DEN, &den)) {
		if (!isfinite(den.num) || den.num == 0)
			return 0;
		if (is_type(m, "proper") && !isfinite(x2) &&
		    (x > den.num || den_is_mixed(m)))
			return 0;
		x = isfinite(x2) ? x + x2 / den.num : x / den.num;
	} else if (isfinite(x2)) {
		struct norm_val s2 = {0}, cur = {0};
		bool is_money = norm_slot(m, S_CURRENCY, &cur);
		if (norm_slot(m, S_SCALE2, &s2) && s2.num < 1 &&
		    (x2 >= 1 ||
		     (is_money && !cents_said(m) &&
		      (has_scale || n1.scale_end > 1 ||
		       n2.x != floor(n2.x))))) {
			/* cents below 100 only, and whole ones after an
			** amount with no scale unless "cents" is said:
			** "three thousand dollars | two hundred times", "3.4
			** mln dlrs and | 1.2 mln dlrs", "4,480 dlrs and |
			** 2.27 times" end at the currency, and what follows
			** is a number of its own ("one thousand dollars and
			** fifty cents" is 1000.5) */
			if (!is_money || !cur.end)
				return 0;
			x = norm_round(x);
			init_cand(m, c);
			c->end = cur.end;
			c->q.value = x;
			c->q.unit = unit_of(m);
			bounds(&c->q, quantity_hedge(m, c));
			return 1 + rest(m, cur.end, false, c + 1);
		}
		x += x2;
	}
	if (norm_slot(m, S_SIGN, &sign) && isfinite(sign.num))
		x *= sign.num;
	if (n1.kind != NORM_NUM_FRAC && !norm_slot(m, S_DEN, &den))
		x = norm_round(x); /* "$1.2bn": 1.2 x 1e9 */
	init_cand(m, c);
	if (n2.cut)
		c->end = n2.cut;
	else if (n1.cut)
		c->end = n1.cut;
	c->q.unit = unit_of(m);
	if (!c->q.unit && !has_scale && !isfinite(x2) && !n1.cut &&
	    n1.end == m->end)
		x = list_member(m, &n1, x, &c->q.unit);
	c->q.value = x;
	bounds(&c->q, quantity_hedge(m, c));
	return 1 + (n1.cut && !n2.cut ? rest(m, n1.cut, false, c + 1) : 0);
}

/*
** A hedge written before a range loosens it: "about 20 to 30" is 18 to
** 33 (each end by APPROX_BAND, as "about 20"), "at least 20 to 30" is
** open above, "up to 20 to 30" open below. The mention starts at the
** hedge (hedge_before moved the start). Not a range of type "closed"
** ("between 2 and 3", "from 2 to 3": bounded by its own words).
*/
static void range_hedge(struct fc_quantity *q, enum fc_timex_mod h)
{
	int d = bound_dir(h);
	if (h == FC_MOD_APPROX) {
		q->lo = round12(q->lo - fabs(q->lo) * APPROX_BAND);
		q->hi = round12(q->hi + fabs(q->hi) * APPROX_BAND);
	} else if (d > 0) {
		q->hi = INFINITY;
		q->is_hi_open = true;
	} else if (d < 0) {
		q->lo = -INFINITY;
		q->is_lo_open = true;
	}
}

/*
** Does the first number of a range take the scale written after the
** second, b the second without it? Low to high ("5 to 10 million"), or
** high to low in a range of its own words within a factor of ten
** ("lowered from 3.450 to 1.350 billion"; not "rose from 300 to 1.5
** million", which is 300 to 1,500,000).
*/
static bool shares_scale(double a, double b, bool is_closed)
{
	if (a < b * 1.0001)
		return true;
	return is_closed && b > 0 && a < b * 10;
}

/*
** Thousands told once: "75-100,000 bpd" is 75,000 to 100,000, a whole
** first number below a thousand and a second in whole thousands at
** most ten times as many ("1-10,000" and "5 to 1,000" are as written).
*/
static bool thousands_once(double a, double b)
{
	if (!(a >= 1 && a < 1000 && a == floor(a) && b >= 1000 &&
	      fmod(b, 1000) == 0))
		return false;
	double k = b / 1000;
	return k > a && k < a * 10;
}

/*
** The decade of an age (type "decade"): "in his 40s" is 40 to 49, its
** "early" part 40 to 43, "mid" 43 to 46, "late" 46 to 49 (slot mod);
** "teens" (10) are 13 to 19, early 13 to 15, mid 14 to 17, late 16 to
** 19 (the decade's offsets would make "early teens" 13 alone). A
** temperature's or a price's decade says "low" ("lower") for early and
** "upper" or "high" for late ("in the low 30s": 30 to 33). The value is
** the low end.
*/
static char decade_part(const struct norm_val *mod)
{
	char c0 = (char)(mod->s[0] | 0x20);
	if (c0 == 'l' && mod->len > 1 && (mod->s[1] | 0x20) == 'o')
		return 'e'; /* low, lower */
	if (c0 == 'u' || c0 == 'h')
		return 'l'; /* upper, high, higher */
	return c0;
}

static int prod_decade(const struct norm_match *m, struct norm_cand *c)
{
	struct numv nv;
	if (!slot_number(m, S_NUM, &nv) || !isfinite(nv.x) || nv.cut)
		return 0;
	bool teens = nv.x == 10;
	double lo = teens ? 13 : nv.x, hi = nv.x + 9;
	struct norm_val mod;
	if (norm_slot_text(m, S_MOD, &mod) && mod.len) {
		char part = decade_part(&mod);
		if (part == 'e')
			hi = teens ? 15 : nv.x + 3;
		else if (part == 'm')
			lo = teens ? 14 : nv.x + 3, hi = teens ? 17 : nv.x + 6;
		else if (part == 'l')
			lo = nv.x + 6;
	}
	init_cand(m, c);
	c->q.value = c->q.lo = lo;
	c->q.hi = hi;
	c->q.unit = unit_of(m);
	return 1;
}

/* Where the word that ends at e in s starts: after a blank (a line
** break too, text wrapped "three\nhundred") or a hyphen, or at 0. */
static uint32_t word_start(const char *s, uint32_t e)
{
	while (e > 0 && !norm_is_blank(s[e - 1]) && s[e - 1] != '-')
		e--;
	return e;
}

/*
** A hundred told once: "five or six hundred", "between one and three
** hundred" are 500 to 600 and 100 to 300. The second number ends in a
** word the table `scale` makes 100 ("hundred"), or in that word and its
** scale word when scaled ("five or six hundred thousand": b is then 600,
** the scale shared apart), the first is whole and below its count of
** hundreds ("two to a hundred", "fifty to six hundred" are as written).
*/
static bool hundred_once(const struct norm_match *m, double a, double b,
			 bool scaled)
{
	struct norm_val v2;
	const char *val;
	if (!norm_slot_text(m, S_NUM2, &v2))
		return false;
	uint32_t n = (uint32_t)v2.len;
	if (scaled) /* "six hundred thousand": the scale word off */
		n = word_start(v2.s, n);
	if (scaled && n > 0)
		n--;
	uint32_t w = word_start(v2.s, n); /* its last word */
	if (w == n || !norm_in_table(m->n, m->n->t_scale, v2.s, w, n, &val) ||
	    strtod(val, NULL) != 100)
		return false;
	double k = b / 100;
	return a >= 1 && a == floor(a) && k == floor(k) && a < k && k < 100;
}

/* The digits s[0, len) as a whole number, or -1. */
static double digits_value(const char *s, size_t len)
{
	double x = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	return len ? x : -1;
}

/*
** A quote's second price written as its last digits (the wires' bid
** and ask): "1.2969-2972 dollars" is 1.2969 to 1.2972, "150.88-92 yen"
** 150.88 to 150.92. The first has k >= 2 decimals, the second 2 to k
** digits and no point; read as the first's tail it lies above the
** first, read whole below it or above ten times it ("12.75-15" stays).
*/
static bool quote_tail(const struct norm_match *m, double a, double *b)
{
	struct norm_val v1, v2;
	if (!norm_slot_text(m, S_NUM, &v1) || !norm_slot_text(m, S_NUM2, &v2) ||
	    !v1.is_raw || !v2.is_raw)
		return false;
	const char *dot = memchr(v1.s, '.', v1.len);
	size_t k = dot ? v1.len - (size_t)(dot + 1 - v1.s) : 0;
	double tail = digits_value(v2.s, v2.len);
	if (k < 2 || v2.len < 2 || v2.len > k || tail < 0 ||
	    digits_value(dot + 1, k) < 0 || (*b >= a && *b <= 10 * a))
		return false;
	double unit = pow(10, -(double)k), place = pow(10, (double)v2.len);
	double x = round12((floor(round12(a / unit) / place) * place + tail) *
			   unit);
	if (!(x > a))
		return false;
	*b = x;
	return true;
}

static int prod_range(const struct norm_match *m, struct norm_cand *c)
{
	if (is_type(m, "decade"))
		return prod_decade(m, c);
	bool s1, s2;
	struct numv n1, n2;
	double a = scaled(m, S_NUM, S_SCALE, &s1, &n1);
	double b = scaled(m, S_NUM2, S_SCALE2, &s2, &n2);
	struct norm_val sc, sign;
	bool is_closed = is_type(m, "closed");
	if (!s1 && s2 && norm_slot(m, S_SCALE2, &sc) && sc.num > 1 &&
	    shares_scale(a, b / sc.num, is_closed))
		a *= sc.num; /* "5 to 10 million": the scale is shared */
	else if (!s1 && !s2 && !n1.scale_end && n2.scale_end > 1 &&
		 shares_scale(a, b / n2.scale_end, is_closed))
		/* "between eight and 12 billion", "five or six hundred
		** thousand" */
		a *= n2.scale_end *
		     (hundred_once(m, a, b / n2.scale_end, true) ? 100 : 1);
	else if (!s1 && !s2 && !n1.scale_end && !n2.scale_end &&
		 !is_closed && thousands_once(a, b))
		a *= 1000; /* "75-100,000 bpd" */
	else if (!s1 && !s2 && !n1.scale_end && !n2.scale_end &&
		 hundred_once(m, a, b, false))
		a *= 100; /* "five or six hundred" */
	if (!isfinite(a) || !isfinite(b) || n1.cut || n2.cut ||
	    n1.is_bare || n2.is_bare)
		return 0;
	if (!s1 && !s2 && is_type(m, "ascending"))
		quote_tail(m, a, &b);
	if (norm_slot(m, S_SIGN, &sign) && isfinite(sign.num))
		a *= sign.num;
	if (is_type(m, "below"))
		/* "between 15 and 25 degrees below zero": the zero is
		** above both, -25 to -15 in either order (the first is
		** still the value); 0 - x, not -x: "0 to 5 below zero"
		** keeps a bound of 0, where -x gave -0 (printed "-0") */
		a = 0 - a, b = 0 - b;
	if (is_type(m, "ascending") && !(a < b))
		return 0;
	struct norm_val h2;
	if (norm_slot(m, S_HEDGE2, &h2)) {
		/* "more than 10 and less than 40": one bound each way */
		int d1 = bound_dir(hedge(m));
		int d2 = bound_dir(hedge_of(m, S_HEDGE2));
		if (!d1 || d1 != -d2 || (d1 > 0 ? a >= b : b >= a))
			return 0;
	}
	a = norm_round(a);
	b = norm_round(b);
	init_cand(m, c);
	c->q.value = a;
	c->q.lo = a < b ? a : b;
	c->q.hi = a < b ? b : a;
	c->q.unit = unit_of(m);
	if (!is_type(m, "closed") && !norm_slot(m, S_HEDGE2, &h2) &&
	    hedge(m) == FC_MOD_NONE)
		range_hedge(&c->q, hedge_before(m, &c->start));
	return 1;
}

static int prod_vague(const struct norm_match *m, struct norm_cand *c)
{
	bool has_scale;
	struct numv nv;
	double x = scaled(m, S_NUM, S_SCALE, &has_scale, &nv);
	if (!isfinite(x) || nv.cut)
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
	struct numv nv;
	if (!slot_number(m, S_NUM, &nv) || !isfinite(nv.x))
		return 0;
	struct norm_val v;
	norm_slot_text(m, S_NUM, &v);
	if (v.is_raw && nv.kind != NORM_NUM_ORD)
		/* "two | first-degree" */
		return nv.cut ? rest(m, nv.cut, true, c) : 0;
	init_cand(m, c);
	if (nv.cut)
		c->end = nv.cut;
	c->q.value = c->q.lo = c->q.hi = nv.x;
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
