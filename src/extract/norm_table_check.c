/*
** norm_table_check.c: the tables the C code reads by name (docs/rules.md,
** "Tables the engine reads by name"), checked once the rules are read.
**
** A YAML value is only a string to the loader, and each reader takes
** what it understands from it: tense_word's codes, a hedge's TIMEX3 mod,
** a number word's value. A value the reader does not know is no error
** there: "would: banana" reads as no cue, and the text's dates move in
** silence. So every value of such a table is checked here against its
** reader's set, an error at the value. One list below names every table
** a reader looks up by name and what its values may be: a new reader
** adds one line.
**
** A --rules file that defines such a table replaces the built-in one
** whole (docs/rules.md says to copy the words to extend it); lint and
** test warn, at the table, how many of the built-in keys it drops.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/norm_p.h"
#include "extract/norm_tense_p.h"

enum value_kind {
	V_ANY,    /* the reader reads the key only */
	V_NUMBER, /* a finite number */
	V_CODE,   /* an integer among `codes` */
	V_WORD,   /* one of the words of `words` */
	V_MOD,    /* a TIMEX3 mod name */
};

struct reader {
	const char *table;
	enum value_kind kind;
	uint64_t codes;      /* V_CODE: CODE(x) for each integer x allowed */
	const char *words;   /* V_WORD: space-separated */
	const char *allowed; /* for the message */
};

/* Codes from CODE_MIN to CODE_MIN + 63 in one word of bits. */
#define CODE_MIN (-8)
#define CODE(x) (1ull << ((x)-CODE_MIN))
/* the integers from lo to hi, both in */
#define CODES(lo, hi) ((~0ull >> (63 - ((hi) - (lo)))) << ((lo)-CODE_MIN))

#define MODS                                                              \
	"a TIMEX3 mod (START, MID, END, APPROX, BEFORE, AFTER, "          \
	"ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, " \
	"EQUAL_OR_MORE)"

static const struct reader readers[] = {
	/* the number reader (norm_number.c), the year reader (norm_date.c) */
	{"number", V_NUMBER, 0, NULL, "a number"},
	{"scale", V_NUMBER, 0, NULL, "a number"},
	{"scale_plural", V_NUMBER, 0, NULL, "a number"},
	{"scale_short", V_NUMBER, 0, NULL, "a number"},
	{"ordinal", V_NUMBER, 0, NULL, "a number"},
	{"fraction_den", V_NUMBER, 0, NULL, "a number"},
	{"fraction_den_tens", V_NUMBER, 0, NULL, "a number"},
	{"fraction_one", V_NUMBER, 0, NULL, "a number"},
	{"vulgar_fraction", V_NUMBER, 0, NULL, "a number"},
	{"year_zero", V_NUMBER, 0, NULL, "a number"},
	{"article", V_ANY, 0, NULL, NULL},
	{"number_joiner", V_ANY, 0, NULL, NULL},
	{"decimal_point", V_ANY, 0, NULL, NULL},
	{"fraction_of", V_ANY, 0, NULL, NULL},
	/* quantities (norm_quantity.c, norm_qty_name.c) */
	{"hedge", V_MOD, 0, NULL, MODS},
	{"hedge_sym", V_MOD, 0, NULL, MODS},
	{"hedge_level", V_ANY, 0, NULL, NULL},
	{"title_small", V_ANY, 0, NULL, NULL},
	/* the told year (norm_told_year.c) */
	{"told_year_word", V_WORD, 0, "compare clause", "compare or clause"},
	/* tense (norm_tense*.c; the codes: norm_tense_p.h) */
	{"future", V_ANY, 0, NULL, NULL},
	{"past", V_ANY, 0, NULL, NULL},
	{"past_suffix", V_ANY, 0, NULL, NULL},
	{"passive", V_ANY, 0, NULL, NULL},
	{"tense_pair", V_CODE, CODE(-3) | CODES(-1, 5), NULL,
	 "one of -3, -1, 0, 1, 2, 3, 4, 5"},
	{"tense_word", V_CODE, CODES(TW_SINCE, TW_NEG), NULL,
	 "an integer from -3 to 22"},
	/* games, spans (norm_time.c, norm_relative.c) */
	{"game_cue", V_CODE, CODES(0, 1), NULL, "0 or 1"},
	/* "the year before" after a year named in its sentence
	** (norm_relative.c year_in_sentence reads Y); the values are also
	** the unit slot's (unit_grain) */
	{"cal_unit_one", V_WORD, 0, "D W WE M Q H Y DE",
	 "a unit: D, W, WE, M, Q, H, Y or DE"},
	{"year_span", V_ANY, 0, NULL, NULL},
};

/* tense_word's message names the codes: a new one changes it too */
_Static_assert(TW_SINCE == -3 && TW_NEG == 22,
	       "tense_word's codes changed: update readers[] and its message");

/* Is word w one of the space-separated words of set? */
static bool in_set(const char *set, const char *w)
{
	size_t len = strlen(w);
	for (const char *s = set; *s;) {
		size_t l = strcspn(s, " ");
		if (l == len && !memcmp(s, w, len))
			return true;
		s += l + (s[l] == ' ');
	}
	return false;
}

/* Is x (a value as norm_load.c reads it, NAN for no number) a code? */
static bool is_code(uint64_t codes, double x)
{
	if (!(x >= CODE_MIN && x <= CODE_MIN + 63) || x != floor(x))
		return false;
	return codes >> ((int)x - CODE_MIN) & 1;
}

static bool is_mod(const char *s)
{
	const char *name;
	for (int m = 1; (name = fc_timex_mod_name((enum fc_timex_mod)m)); m++)
		if (!strcmp(name, s))
			return true;
	return false;
}

static bool value_ok(const struct reader *rd, const char *s, double x)
{
	switch (rd->kind) {
	case V_NUMBER:
		return isfinite(x);
	case V_CODE:
		return is_code(rd->codes, x);
	case V_WORD:
		return in_set(rd->words, s);
	case V_MOD:
		return is_mod(s);
	case V_ANY:
		break;
	}
	return true;
}

/* Every value of table t against rd, at its place in the YAML mapping
** (norm_load.c keeps a table only when every pair is a word and a
** scalar: pair k is the mapping's kids 2k and 2k + 1). */
static void check_values(const struct reader *rd, const struct norm_table *t,
			 struct fc_diags *d)
{
	const struct fc_ynode *m = t->node;
	for (size_t k = 0; k < t->n && 2 * k + 1 < m->nkids; k++) {
		if (value_ok(rd, t->vals[k], t->nums[k]))
			continue;
		fc_diag_add(d, FC_ESCHEMA, &m->kids[2 * k + 1]->loc,
			    "table '%s': the value '%s' of '%s' must be %s",
			    t->name, t->vals[k], t->keys[k], rd->allowed);
	}
}

/* Is path a file of the built-in suite (under its folder)? */
static bool is_builtin(const char *path)
{
	const char *dir = fc_rules_builtin_dir();
	size_t len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	return path && !strncmp(path, dir, len) && path[len] == '/';
}

static bool has_key(const struct norm_table *t, const char *w)
{
	for (size_t k = 0; k < t->n; k++)
		if (!strcasecmp(t->keys[k], w))
			return true;
	return false;
}

/* A --rules table that replaces a built-in one: the built-in keys it
** does not repeat are gone, which a user who meant to add words did not
** want. */
static void check_replaced(const struct norm_table *t, struct fc_diags *d)
{
	if (!t->first_file || !is_builtin(t->first_file) ||
	    is_builtin(t->file))
		return;
	size_t gone = 0;
	const char *eg = NULL;
	for (size_t k = 0; k < t->first_n; k++)
		if (!has_key(t, t->first_keys[k]) && !gone++)
			eg = t->first_keys[k];
	if (!gone)
		return;
	const struct fc_ynode *at = t->name_node ? t->name_node : t->node;
	fc_diag_warn(d, &at->loc,
		     "%s replaces the built-in table; %zu of its %zu keys %s "
		     "not repeated (e.g. '%s'): copy them to extend it",
		     t->name, gone, t->first_n, gone == 1 ? "is" : "are", eg);
}

void norm_table_check(const struct fc_norm *n, bool is_author,
		      struct fc_diags *d)
{
	for (size_t i = 0; i < sizeof(readers) / sizeof(*readers); i++) {
		int ti = norm_table_find(n, readers[i].table);
		if (ti < 0)
			continue;
		const struct norm_table *t = &n->tables[ti];
		if (readers[i].kind != V_ANY)
			check_values(&readers[i], t, d);
		if (is_author)
			check_replaced(t, d);
	}
}
