/*
** norm_told_year.c: "the year" read as the year a text has just named.
**
** "Profits rose in the third quarter of 2004. The year was hard.": the
** definite "the year", with no "this" or "last", after a year written
** in its sentence or the one before, is that year (TimeML annotates it
** so); a year counted ("a year later"), or one named only as a
** comparison ("up from 5.1 billion in 2003"), is not what the text goes
** on about, and with none "the year" gives nothing here (date.the-year
** reads "for the year" as the reference's). The date is the one
** mentioned last (norm_last_mention); the text is read back only for
** the written year, at most 400 bytes.
*/
#include <string.h>

#include "extract/norm_p.h"

/* Does a stop before byte a end a sentence (a blank, a line's end, a
** closing quote or bracket after it: 'over 1985." Carbon')? */
static bool ends_sentence(char a)
{
	return a == ' ' || a == '\n' || a == '"' || a == '\'' || a == ')' ||
	       (unsigned char)a == 0xe2; /* a typeset quote */
}

/* The four digits at t + i as a number. */
static int year_at(const char *t, uint32_t i)
{
	return (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 +
	       (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
}

/* Are the four digits at t + i a year, 1600 to 2099, standing alone
** (not "$2004", "2004%", "3.2004", "2004m", nor a season's "2004-05",
** "2004/05")? b: the byte before them (0 at the text's start). */
static bool is_year_at(const char *t, uint32_t i, char b)
{
	char a = t[i + 4];
	int v = year_at(t, i);
	return v >= 1600 && v <= 2099 && !norm_is_alpha(b) && b != '$' &&
	       b != '.' && b != ',' && !norm_is_alpha(a) && a != '%' &&
	       !((a == '-' || a == '/') && t[i + 5] >= '0' && t[i + 5] <= '9');
}

/* Is the byte before t + i a blank inside a clause: a space, or a
** line's end where the line is wrapped ("compared with 48.7\nmln in
** 1985"), not a blank line's? */
static bool is_blank_in_clause(const char *t, uint32_t i)
{
	return t[i - 1] == ' ' ||
	       (t[i - 1] == '\n' && !(i >= 2 && t[i - 2] == '\n'));
}

/* Is the byte before t + i the comma of a number ("998,707"), no
** clause's end? */
static bool is_digit_comma(const char *t, uint32_t i, uint32_t lo)
{
	return t[i - 1] == ',' && i >= lo + 2 && t[i - 2] >= '0' &&
	       t[i - 2] <= '9' && t[i] >= '0' && t[i] <= '9';
}

/* Is the year at t + i a comparison's ("from 4.9 billion in 1985",
** "compared with 6.09 grams in 1985", "against a loss in the 1985
** quarter", "a rise over 1985")? A word the table told_year_word
** (relative.yaml) gives "compare" at most 8 words back, in its clause
** (not past a comma, a stop, a blank line, or a word it gives "clause":
** "from 3.24bn in 2003 to 2.89bn in 2004" tells of 2004). tw: the
** table's index; lo: where the text may be read from. */
static bool is_comparison_year(const struct fc_norm *n, int tw,
			       const char *t, uint32_t i, uint32_t lo)
{
	for (int words = 0; i > lo && words < 8; words++) {
		while (i > lo && is_blank_in_clause(t, i))
			i--;
		uint32_t e = i;
		while (i > lo && t[i - 1] != ' ' && t[i - 1] != '\n' &&
		       (!strchr(",;:!?()\"", t[i - 1]) || is_digit_comma(t, i, lo)))
			i--;
		if (e == i) /* a comma, a stop or a line's end */
			return false;
		uint32_t we = t[e - 1] == '.' ? e - 1 : e; /* "vs." */
		const char *val;
		if (we > i && norm_in_table(n, tw, t, i, we, &val))
			return !strcmp(val, "compare");
		if (t[e - 1] == '.' && e - i > 3)
			return false; /* a sentence's end */
	}
	return false;
}

/* The years written in figures before m in its sentence or the one
** before it (at most 400 bytes back, not past a blank line), not as a
** comparison: at most cap into ys; returns how many. */
static int years_written_near(const struct norm_match *m, int *ys, int cap)
{
	const char *t = m->text;
	int tw = norm_table_find(m->n, "told_year_word");
	uint32_t lo = m->start > 400 ? m->start - 400 : 0;
	int stops = 0, digits = 0, n = 0;
	uint32_t i = m->start;
	for (; i > lo && n < cap; i--) {
		char c = t[i - 1];
		if (c >= '0' && c <= '9') {
			digits++;
			continue;
		}
		if (digits == 4 && is_year_at(t, i, c) &&
		    !is_comparison_year(m->n, tw, t, i, lo))
			ys[n++] = year_at(t, i);
		digits = 0;
		if ((c == '.' || c == '!' || c == '?') && ends_sentence(t[i]) &&
		    ++stops > 1)
			return n;
		if (c == '\n' && i >= 2 && t[i - 2] == '\n')
			return n; /* a paragraph before */
	}
	if (i == 0 && n < cap && digits == 4 && is_year_at(t, 0, 0))
		ys[n++] = year_at(t, 0);
	return n;
}

int norm_told_year(const struct norm_match *m, struct norm_cand *out)
{
	struct fc_time t;
	int y, mo, d, ys[8];
	char buf[8];
	/* the text first: the look-back costs a window's scan */
	int n = years_written_near(m, ys, 8);
	if (!n || !norm_last_mention(m, 0, 0, 0, &t) ||
	    t.grain < FC_GRAIN_DAY || t.grain > FC_GRAIN_YEAR)
		return 0;
	fc_civil_from_days(t.lo, &y, &mo, &d);
	bool written = false;
	for (int k = 0; k < n; k++)
		written |= ys[k] == y;
	if (!written)
		return 0;
	*norm_put_int(buf, y, 4) = 0;
	return norm_emit(m, out, FC_TIMEX_DATE, buf);
}
