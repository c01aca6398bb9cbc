/*
** norm_qty_name.c: is a capitalised number word a name's part?
**
** "Ocean's Twelve", "BBC One", "Formula One", "the Six Nations",
** "Million Dollar Baby" name a film, a channel, a race, a tournament: no
** count of 12, 1 or 6, no 1e6 USD. A capitalised number word inside a
** run of capitalised words is such a part; at a sentence's start it
** counts ("Six people died", "Two Britons died") unless it is a bare
** scale word before a capital; and a headline in title case counts
** ("Gunman Kills Two In Kraft Shooting"). Asked by norm_quantity.c of a
** quantity whose number is one capitalised word.
*/
#include <string.h>

#include "extract/norm_p.h"

/* What stands before a word: the sentence's start (or a quote, a
** bracket, a heading's word in capitals), a word in lower case, a
** capitalised word, or else (digits, a comma) */
enum word_before { WB_START, WB_LOWER, WB_CAP, WB_OTHER };

/* Does U+2019, the right single quote of an apostrophe, end at j, with
** a letter before it ("Ocean’s")? */
static bool is_curly_apos(const char *t, uint32_t lo, uint32_t j)
{
	return j >= lo + 4 && (unsigned char)t[j - 1] == 0x99 &&
	       (unsigned char)t[j - 2] == 0x80 &&
	       (unsigned char)t[j - 3] == 0xe2 && norm_is_alpha(t[j - 4]);
}

static enum word_before word_before(const char *t, uint32_t lo, uint32_t at)
{
	uint32_t j = at;
	while (j > lo && (t[j - 1] == ' ' || t[j - 1] == '\t'))
		j--;
	if (j == lo || strchr(".!?:;\n\r([\"'-", t[j - 1]) ||
	    (unsigned char)t[j - 1] >= 0x80)
		return WB_START;
	if (!norm_is_alpha(t[j - 1]))
		return WB_OTHER;
	uint32_t e = j, ncap = 0;
	for (;;) {
		if (j > lo && (norm_is_alpha(t[j - 1]) || t[j - 1] == '\''))
			j--; /* "Ocean's" */
		else if (is_curly_apos(t, lo, j))
			j -= 3; /* "Ocean’s" (U+2019) */
		else
			break;
		ncap += norm_is_upper(t[j]);
	}
	if (ncap >= 5 && ncap == e - j)
		return WB_START; /* "GAFFES Three people" */
	return norm_is_upper(t[j]) ? WB_CAP : WB_LOWER;
}

/* Is a capitalised word right after at, past blanks on its line? */
static bool cap_after(const char *t, uint32_t at, uint32_t hi)
{
	while (at < hi && (t[at] == ' ' || t[at] == '\t'))
		at++;
	return at + 1 < hi && norm_is_upper(t[at]) && norm_is_alpha(t[at + 1]);
}

/* The words of a window: capitalised ones, small words ("in", "Of":
** table title_small) and other words in lower case */
struct title_words { int cap, small, lower; };

/* Count the word at [s, e) (its letters after leading marks). */
static void title_word(const struct fc_norm *n, int tab, const char *t,
		       uint32_t s, uint32_t e, struct title_words *w)
{
	while (s < e && !norm_is_alpha(t[s]))
		s++;
	uint32_t le = s;
	while (le < e && norm_is_alpha(t[le]))
		le++;
	if (s == e)
		return;
	w->cap += norm_is_upper(t[s]);
	const char *val;
	if (norm_in_table(n, tab, t, s, le, &val))
		w->small++;
	else if (!norm_is_upper(t[s]))
		w->lower++;
}

/* Count up to three words of the sentence on its line from at, back
** (dir -1) or on. */
static void title_scan(const struct norm_match *m, int tab, uint32_t at,
		       int dir, struct title_words *w)
{
	const char *t = m->text;
	uint32_t lo = m->stretch_start, hi = m->stretch_end;
	for (int k = 0; k < 3; k++) {
		uint32_t a = at, b;
		if (dir < 0) {
			while (a > lo && (t[a - 1] == ' ' || t[a - 1] == '\t'))
				a--;
			for (b = a; a > lo && !norm_is_blank(t[a - 1]); a--)
				;
		} else {
			while (a < hi && (t[a] == ' ' || t[a] == '\t'))
				a++;
			for (b = a; b < hi && !norm_is_blank(t[b]); b++)
				;
		}
		bool end = a < b && strchr(".!?", t[b - 1]);
		if (a == b || (end && dir < 0))
			return; /* the line's or the sentence's end */
		title_word(m->n, tab, t, a, b, w);
		if (end)
			return;
		at = dir < 0 ? a : b;
	}
}

/*
** Is the line around [s, e) a headline in title case: of up to three
** words each side on its line, three capitalised, a small word and no
** other word in lower case ("Gunman Kills Two In Kraft Shooting",
** "Hiller Charged with Two Counts of Murder")? Its number words are
** counts, not a name's.
*/
static bool title_case_line(const struct norm_match *m, uint32_t s,
			    uint32_t e)
{
	int tab = norm_table_find(m->n, "title_small");
	struct title_words w = {0, 0, 0};
	title_scan(m, tab, s, -1, &w);
	title_scan(m, tab, e, 1, &w);
	return w.lower == 0 && w.small > 0 && w.cap >= 3;
}

bool norm_qty_name_part(const struct norm_match *m, uint32_t s, uint32_t e,
			bool is_scale)
{
	const char *t = m->text;
	if (e < s + 2 || !norm_is_upper(t[s]) || norm_is_upper(t[s + 1]))
		return false;
	enum word_before b = word_before(t, m->stretch_start, s);
	bool cap_next = cap_after(t, e, m->stretch_end);
	if (!(b == WB_CAP || (cap_next && (b != WB_START || is_scale))))
		return false;
	return is_scale || !title_case_line(m, s, e);
}
