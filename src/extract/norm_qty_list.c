/*
** norm_qty_list.c: a unit said once for a list of amounts.
**
** "Prices rose 3, 4 and 5 percent", "rates of 2, 3 or 4 per cent", "5,
** 6 and 7 billion dollars": each bare amount of a list of two to five,
** joined by ", " and a word of the table list_joiner ("and", "or") right
** before the unit, takes the unit of the last and its scale. Asked by
** norm_quantity.c of a count with no unit; the words (joiners, scales,
** units) are tables of the rules. A pattern for it cost 6 M
** instructions on norm2 (its tables compiled, "and" as an anchor); this
** reads a few bytes after the counts that a comma or a joiner follows.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

/* amounts in a list, the first included */
#define LIST_MAX 5
/* how many times the last amount a list's other amount may be at most
** ("10,000 and 1,000 stg" is a list) */
#define LIST_RATIO 10
/* words of a multi-word unit ("U.S. dollars", "percentage points") */
#define UNIT_WORDS 3

/* The end of a bare amount at t[i] ("4", "2.5", "10,000"), or i when
** none is there: digits, groups of three after commas, a decimal part,
** and no digit after. */
static uint32_t amount_end(const char *t, uint32_t i, uint32_t hi)
{
	uint32_t j = i;
	while (j < hi && norm_is_digit(t[j]))
		j++;
	if (j == i)
		return i;
	while (j + 3 < hi && t[j] == ',' && norm_is_digit(t[j + 1]) &&
	       norm_is_digit(t[j + 2]) && norm_is_digit(t[j + 3]) &&
	       (j + 4 == hi || !norm_is_digit(t[j + 4])))
		j += 4;
	if (j + 1 < hi && t[j] == '.' && norm_is_digit(t[j + 1]))
		for (j++; j < hi && norm_is_digit(t[j]);)
			j++;
	return j < hi && norm_is_digit(t[j]) ? i : j;
}

/* Is t[s, e) four digits of a year, 1800 to 2099? A list holds none
** ("In 1999, 3 and 5 percent" lists 3 alone). */
static bool is_year(const char *t, uint32_t s, uint32_t e)
{
	return e == s + 4 && ((t[s] == '1' && t[s + 1] >= '8') ||
			      (t[s] == '2' && t[s + 1] == '0'));
}

/* The end of the word at t[i] (letters), or i. */
static uint32_t word_end(const char *t, uint32_t i, uint32_t hi)
{
	while (i < hi && norm_is_alpha(t[i]))
		i++;
	return i;
}

static uint32_t skip_blanks(const char *t, uint32_t i, uint32_t hi)
{
	while (i < hi && (t[i] == ' ' || t[i] == '\t'))
		i++;
	return i;
}

/* Is t[s, e) a key of the table (an index norm_compile.c find_tables
** keeps per load)? Its value in *val. */
static bool in_named(const struct fc_norm *n, int table, const char *t,
		     uint32_t s, uint32_t e, const char **val)
{
	return e > s && norm_in_table(n, table, t, s, e, val);
}

/*
** After the amount ending at i, the rest of a list: ", N" (up to
** LIST_MAX amounts in all), then a joiner and the last amount, with a
** comma before the joiner only after three amounts or more (", or"
** after one sets an amount beside another: "from 205,000, or 12.8
** pct", "at 314, and 6,000 tonnes"). The last amount's end, or 0 when no
** list follows; *last its start. is_inner: an amount and a comma come
** before the one at i ("3" of "2, 3, or 4").
*/
static uint32_t list_last(const struct fc_norm *n, const char *t,
			  uint32_t i, uint32_t hi, bool is_inner, uint32_t *last)
{
	const char *val;
	for (int k = 1; k < LIST_MAX; k++) {
		bool is_comma = i < hi && t[i] == ',';
		uint32_t w = skip_blanks(t, i + is_comma, hi);
		if (w == i + is_comma)
			return 0; /* a blank after the comma or before a joiner */
		uint32_t we = word_end(t, w, hi), a = w;
		if (we > w && (a = skip_blanks(t, we, hi)) == we)
			return 0;
		uint32_t e = amount_end(t, a, hi);
		if (e == a || is_year(t, a, e))
			return 0;
		*last = a;
		/* the amount first: most counts have a word and no amount
		** after them, and the joiner's lookup is dearer */
		if (we > w)
			return (!is_comma || k > 1 || is_inner) &&
					       in_named(n, n->t_list_joiner, t, w,
							we, &val)
				       ? e
				       : 0;
		if (!is_comma)
			return 0;
		i = e;
	}
	return 0;
}

/* The value of the bare amount t[s, e) ("10,000", "2.5"). */
static double amount_value(const char *t, uint32_t s, uint32_t e)
{
	char buf[48];
	size_t k = 0;
	for (uint32_t i = s; i < e && k + 1 < sizeof(buf); i++)
		if (t[i] != ',')
			buf[k++] = t[i];
	buf[k] = '\0';
	return strtod(buf, NULL);
}

/* Is t[i, e) a unit (percent_word, currency_range, carry_unit), with
** no letter, digit or hyphen after it? */
static bool unit_key(const struct fc_norm *n, const char *t, uint32_t i,
		     uint32_t e, uint32_t hi, const char **unit)
{
	if (e < hi && (norm_is_word_byte((unsigned char)t[e]) || t[e] == '-'))
		return false;
	return in_named(n, n->t_currency_range, t, i, e, unit) ||
	       in_named(n, n->t_percent_word, t, i, e, unit) ||
	       in_named(n, n->t_carry_unit, t, i, e, unit);
}

/*
** The unit at t[i] after blanks and at most one line break: the longest
** of up to UNIT_WORDS words (less closing punctuation) that is a key of
** percent_word, currency_range or carry_unit, or a "%" sign, with no
** letter, digit or hyphen after it; its value in *unit.
*/
static bool unit_at(const struct fc_norm *n, const char *t, uint32_t i,
		    uint32_t hi, const char **unit)
{
	i = skip_blanks(t, i, hi);
	if (i < hi && t[i] == '\r')
		i++;
	if (i < hi && t[i] == '\n')
		i = skip_blanks(t, i + 1, hi);
	uint32_t ends[UNIT_WORDS], nw = 0, j = i;
	while (nw < UNIT_WORDS && j < hi && !norm_is_blank(t[j])) {
		while (j < hi && !norm_is_blank(t[j]))
			j++;
		uint32_t e = j;
		while (e > i && strchr(",;:!?)\"'", t[e - 1]))
			e--;
		ends[nw++] = e;
		if (e < j)
			break; /* a unit of words ends at punctuation */
		j = skip_blanks(t, j, hi);
	}
	for (uint32_t k = nw; k-- > 0;) {
		uint32_t e = ends[k];
		if (unit_key(n, t, i, e, hi, unit) ||
		    (e > i + 1 && t[e - 1] == '.' &&
		     unit_key(n, t, i, e - 1, hi, unit)))
			return true; /* "U.S. dollars", "5 pct." */
	}
	return false;
}

/*
** The scale word at t[i] after blanks or a hyphen ("7 billion", "7
** bln"): its value in *scale and the word's end, or i (no scale).
*/
static uint32_t scale_at(const struct fc_norm *n, const char *t, uint32_t i,
			 uint32_t hi, double *scale)
{
	const char *val;
	uint32_t w = i;
	while (w < hi && (t[w] == ' ' || t[w] == '\t' || t[w] == '-'))
		w++;
	uint32_t we = word_end(t, w, hi);
	if (we == w || !(in_named(n, n->t_scale, t, w, we, &val) ||
			 in_named(n, n->t_scale_short, t, w, we, &val)))
		return i;
	*scale = strtod(val, NULL);
	return we;
}

/* Does the word before s, past blanks, read "to" ("rose 50 cts to 12.50
** and 5 mln dlrs": a level, then another amount)? */
static bool after_to(const char *t, uint32_t lo, uint32_t s)
{
	uint32_t j = s;
	while (j > lo && (t[j - 1] == ' ' || t[j - 1] == '\t'))
		j--;
	return j < s && j >= lo + 2 && (t[j - 1] | 0x20) == 'o' &&
	       (t[j - 2] | 0x20) == 't' &&
	       (j == lo + 2 || !norm_is_alpha(t[j - 3]));
}

bool norm_qty_list_scale_ok(const struct norm_match *m, double x,
			    uint32_t sc)
{
	const char *t = m->text;
	uint32_t j = sc;
	while (j > m->end && (norm_is_blank(t[j - 1]) || t[j - 1] == '-'))
		j--;
	uint32_t a = j;
	while (a > m->end && (norm_is_digit(t[a - 1]) || t[a - 1] == ',' ||
			      t[a - 1] == '.'))
		a--;
	return a < j && x <= LIST_RATIO * amount_value(t, a, j);
}

bool norm_qty_list_unit(const struct norm_match *m, uint32_t s, uint32_t e,
			const char **unit, double *scale)
{
	const char *t = m->text;
	uint32_t hi = m->stretch_end;
	*scale = 1;
	if (e >= hi || (t[e] != ',' && t[e] != ' ') || amount_end(t, s, hi) != e ||
	    is_year(t, s, e) || after_to(t, m->stretch_start, s))
		return false;
	bool is_inner = s >= m->stretch_start + 3 && t[s - 1] == ' ' &&
			t[s - 2] == ',' && norm_is_digit(t[s - 3]);
	uint32_t at, last = list_last(m->n, t, e, hi, is_inner, &at);
	/* no more than LIST_RATIO times the last: "from 205,000 or 12.8
	** pct", "2,649,000 or 1.10 dlrs a share", "a backlog of 1,203.3 and
	** 29.2 pct below" set two figures side by side */
	if (!last || amount_value(t, s, e) > LIST_RATIO * amount_value(t, at, last))
		return false;
	uint32_t u = scale_at(m->n, t, last, hi, scale);
	if (u != last && memchr(t + s, ',', e - s))
		return false; /* "10,000 and 20 million dollars": two amounts */
	return unit_at(m->n, t, u, hi, unit);
}
