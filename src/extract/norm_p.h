/*
** norm_p.h: private interface of the time and quantity normalizer.
**
** One engine, data from YAML (kind: normalizer):
**
**   tables:   name -> {word: value}  word lists (months, units, hedges)
**   macros:   name -> regex fragment  reusable pieces ({num}, {day})
**   patterns: [{id, match, production, anchor, set, span, case, ...}]
**
** A pattern's regex references tables and macros by name: {month}
** becomes a named capture holding the table's keys (longest first);
** {month:m2} names the capture m2; {month:} does not capture. A second
** {month} in one pattern is captured as month2, a third as month3.
** A capture whose name is a slot (year, month, num, unit, hedge, ...)
** feeds the production named by the pattern; a capture made from a
** table is looked up in that table to get its value.
**
**   norm_load.c     YAML -> definitions (fc_norm_add), overrides
**   norm_compile.c  expansion, PCRE2 + JIT, lookup and trigger tables
**   norm.c          the scan: triggers, matching, overlaps (fc_norm_doc)
**   norm_time.c     time productions (TIMEX3 values): dates, durations
**   norm_date.c     a date's missing year and its value
**   norm_weekday.c  weekdays
**   norm_relative.c relative times
**   norm_clock.c    clock times, holidays
**   norm_shift.c    times moved by a span, counted days and weeks
**   norm_tense.c    tense cues (which occurrence a date means)
**   norm_wordfacts.c  word facts: Bloom filters of the word tables
**   norm_calendar.c holiday rules, Hebrew and Islamic calendars
**   norm_anchor.c   the date last mentioned (look-backs)
**   norm_quantity.c quantity productions
**   norm_number.c   reading numbers in words (and digits)
**   norm_digits.c   the digit forms (groups, decimal comma, exponents)
**   norm_iso4217.c  ISO 4217 currency names and codes from iso-codes
**   norm_ref.c      the reference: a date or a date and time (norm_ref.h)
*/
#ifndef FACTCROSS_NORM_P_H
#define FACTCROSS_NORM_P_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "extract/norm_ref.h"
#include "stages.h"

struct fc_tally;  /* --time counts (pipeline/timing.h) */
struct fc_timing;

/* Slots: the named pieces a production reads. Order matches slot_names. */
enum norm_slot {
	S_YEAR, S_MONTH, S_DAY, S_WEEKDAY, S_SEASON, S_QUARTER, S_PART,
	S_HOUR, S_MINUTE, S_AMPM, S_REL, S_NUM, S_UNIT, S_AGO, S_MOD,
	S_HEDGE, S_SCALE, S_CURRENCY, S_DECADE, S_VALUE, S_TYPE,
	S_YEAR2, S_MONTH2, S_DAY2, S_NUM2, S_SCALE2, S_FUTURE,
	S_SECOND, S_HOLIDAY, S_DEN, S_SIGN, S_HEDGE2, S_BASE, S_YREL,
	S_READING, S_ZONE,
	S_SNUM, S_SUNIT, S_SAGO, /* the span of a shift (norm_shift.c) */
	S_CENTS, /* "cents" said after an amount's second number */
	NSLOTS
};
extern const char *const norm_slot_names[NSLOTS];

enum norm_prod {
	P_DATE, P_WEEKDAY, P_RELATIVE, P_DECADE, P_DURATION, P_SET,
	P_LITERAL, P_DATE_RANGE, P_TIME_OF_DAY, P_HOLIDAY, P_NTH_WEEKDAY,
	P_SHIFT, P_NTH_IN, P_CLOSEST, /* norm_shift.c */
	P_QUANTITY,
	P_QUANTITY_RANGE, P_QUANTITY_VAGUE, P_ORDINAL,
	P_MASK, /* a span no mention may overlap (a web address) */
	NPRODS
};
extern const char *const norm_prod_names[NPRODS];

#define NORM_SLOT_GROUPS 16
#define NORM_ANCHOR_GROUPS 4 /* anchor groups of a pattern, at most */
#define NORM_WITHIN_MAX 1000 /* anchor_within, at most (bytes) */

enum { NORM_PREFER_PAST, NORM_PREFER_FUTURE, NORM_PREFER_NEAREST };

/* A word table: keys as written (matched case-insensitively). */
struct norm_table {
	const char *name;
	const char *file; /* file that defined it (for overrides) */
	const struct fc_ynode *node;
	const struct fc_ynode *name_node; /* its name, where it was written */
	const char **keys, **vals;
	double *nums; /* numeric value of vals[i], or NAN */
	size_t n;
	/* the first definition of the name, when a later file replaced it
	** (the built-in one under --rules): its file and keys, for lint's
	** warning of the words a replacement drops (norm_table_check.c) */
	const char *first_file;
	const char **first_keys;
	size_t first_n;
};

/* A check of table keys (table_keys: in a normalizer file, norm_keys.c):
** no key of the named tables may match rx. */
struct norm_keycheck {
	const struct fc_ynode *tables; /* a sequence of table names */
	const struct fc_ynode *rx;     /* must_not_match */
	const char *why;               /* or NULL */
};

struct norm_macro {
	const char *name;
	const char *file;
	const struct fc_ynode *node; /* the fragment scalar */
};

/* ---- Match starts (norm_first.c, used by the scan in norm.c) --------- */

/* after / not_after (norm_jit.c): tables per key, bytes per key */
#define NORM_AFTER_TABLES 4
#define NORM_AFTER_LEN 48

#define NORM_PK 10 /* byte classes in a start string */

enum { NORM_PS_TRUNC = 1, /* more of the match follows, unknown */
       NORM_PS_WS = 2 };  /* no letter or digit right before it */

/*
** A start string: the first bytes of a match belong to the byte classes
** sym[0..len) (indexes into norm_first.sets), one byte each, or a run
** of one or more for a class in loop. When it is not
** NORM_PS_TRUNC, the match may end right after it, and then the next
** byte is not in sets[x] (x == 0: no condition).
*/
struct norm_pstr {
	uint8_t sym[NORM_PK];
	uint8_t len, flags, x, pad;
	uint16_t loop; /* bit k: sym[k] repeats (one or more bytes of it) */
};

/* How a pattern's matches can start (a superset; see norm_first.c). */
struct norm_first {
	bool is_ok;          /* false: unknown, the pattern runs everywhere */
	uint64_t (*sets)[4]; /* byte classes (256-bit sets); [0] unused */
	size_t nsets;
	struct norm_pstr *strs;
	size_t nstrs;
	bool is_bos; /* matches may also start at the subject's start (^) */
};

struct norm_scan; /* start tables of the scan (norm.c) */

struct norm_pattern {
	const char *id;
	uint32_t id_hash; /* norm_hash_str of id: the load's test of ids */
	const char *file;
	const struct fc_ynode *node;  /* the rule mapping */
	const struct fc_ynode *match; /* the regex scalar */
	enum norm_prod prod;
	bool is_caseless;
	int priority;
	const char **anchors;
	size_t nanchors;
	const struct fc_ynode *anchor_node;
	/* anchor groups (`anchor: [[a, b], [c]]`): anchors[k] belongs to
	** group anchor_group[k]; a stretch runs the pattern only when it
	** has a word of every group, each group its own word (group 0
	** triggers the pattern's bit, the others bits from vbit on: gslot) */
	uint8_t *anchor_group; /* NULL: one group */
	uint8_t ngroups;
	/* anchor_within: tried only at starts that have a word of every
	** group at most `within` bytes after them (-1: anywhere) */
	int32_t within;
	const struct fc_ynode *within_node;
	/* anchor_next: tried only at starts whose anchor is in the start's
	** run of non-blanks or begins the word after it and its blanks */
	bool is_next;
	size_t vbit;
	uint8_t gslot[NORM_ANCHOR_GROUPS]; /* 0: the pattern's bit, k: vbit +
					   ** k - 1 (same groups, same bit) */
	uint8_t digit_groups; /* the groups with "digit" (bit g) */
	/* the trigger bit of each group: word gword[g], mask gbit[g] */
	uint32_t gword[NORM_ANCHOR_GROUPS];
	uint64_t gbit[NORM_ANCHOR_GROUPS];
	const char *span_slot; /* capture name giving the mention span */
	const char *set[NSLOTS]; /* constant slot values, or NULL */
	/* compiled */
	pcre2_code *code;
	/* captures of each slot (a name may repeat across alternatives):
	** capture number (0 = none) and its table (-1 = none) */
	int slot_group[NSLOTS][NORM_SLOT_GROUPS];
	int slot_table[NSLOTS][NORM_SLOT_GROUPS];
	int span_group;
	bool is_always; /* no anchors: runs on every stretch */
	bool is_quarterly; /* may give a quarter or a half (look-backs) */
	/* where a match may start; when first.is_ok, code was compiled
	** anchored and the scan tries it there only (norm_is_anchored) */
	struct norm_first first;
	/* after / not_after: a match starts only right after (not after) a
	** word of one of these tables and one blank (norm_jit.c); the
	** tables' indices (resolved by norm_after_resolve) and the longest
	** key, in bytes */
	const struct fc_ynode *after_node, *not_after_node;
	int16_t after[NORM_AFTER_TABLES], not_after[NORM_AFTER_TABLES];
	uint8_t nafter, nnot_after, after_len;
};

/* Can byte c be a character of a regex \w (ASCII: no UCP)? (norm_jit.c
** after/not_after, norm_keys.c) */
static inline bool norm_is_word_byte(unsigned c)
{
	return (c | 0x20) - 'a' < 26u || c - '0' < 10u || c == '_';
}

/* ASCII classes of a byte of text, as the quantity and time readers
** test it (norm_quantity.c, norm_qty_name.c, norm_told_year.c,
** norm_number.c, norm_digits.c, norm_time.c) */
static inline bool norm_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
static inline bool norm_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool norm_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}
static inline bool norm_is_digit(char c)
{
	return c >= '0' && c <= '9';
}
/* How many digits run from s[i] (s of len bytes)? (norm_number.c,
** norm_digits.c) */
static inline size_t norm_ndigits(const char *s, size_t len, size_t i)
{
	size_t k = i;
	while (k < len && norm_is_digit(s[k]))
		k++;
	return k - i;
}

/* Does the scan try p anchored at its start strings? */
static inline bool norm_is_anchored(const struct norm_pattern *p)
{
	return p->code && p->first.is_ok;
}

/* Open-addressing map from (namespace, normalised key) to an int. */
struct norm_hent {
	uint32_t hash;
	int32_t ns, val;
	const char *key;
	uint32_t len;
};
struct norm_hash {
	struct norm_hent *v;
	size_t mask, n;
};

/*
** Facts about the word tables the productions look words up in, for
** cheap rejections before a hash lookup: most words before a number or
** a date are in none of them. Per table a Bloom filter of its keys'
** hashes (norm_word_hash) and its longest key; made by fc_norm_compile
** once the tables are final (norm_wordfacts_make, norm_wordfacts.c), read
** only after.
*/
enum {
	NORM_WF_HEDGE,       /* table hedge: whole keys */
	NORM_WF_HEDGE_FIRST, /* ... their first words */
	NORM_WF_HEDGE_LAST,  /* ... their last words */
	NORM_WF_FUTURE, NORM_WF_PAST, NORM_WF_PASSIVE, NORM_WF_TENSE_WORD,
	NORM_WF_TENSE_PAIR, NORM_WF_PAST_SUFFIX,
	/* the number words norm_number.c reads */
	NORM_WF_NUMBER, NORM_WF_SCALE, NORM_WF_SCALE_PLURAL,
	NORM_WF_SCALE_SHORT, NORM_WF_ORDINAL, NORM_WF_FRAC_DEN,
	NORM_WF_FRAC_ONE, NORM_WF_FRAC_TENS, NORM_WF_ARTICLE, NORM_WF_JOINER,
	NORM_WF_POINT, NORM_WF_OF,
	NORM_WF_GAME, /* table game_cue (norm_time.c) */
	NORM_NWF
};
#define NORM_WF_BITS 2048 /* per table: 2 bits a key */
struct norm_wordfacts {
	bool is_made;
	uint32_t maxlen[NORM_NWF];
	uint64_t bloom[NORM_NWF][NORM_WF_BITS / 64];
};

struct fc_norm {
	struct norm_table *tables;
	size_t ntables, captables;
	struct norm_macro *macros;
	size_t nmacros, capmacros;
	struct norm_keycheck *keychecks;
	size_t nkeychecks, capkeychecks;
	struct norm_pattern *patterns;
	size_t npatterns, cappatterns;
	/* compiled */
	bool is_compiled;
	struct norm_hash lookup;   /* (table, key) -> entry index */
	struct norm_hash triggers; /* (-1, word) -> bitset index */
	size_t nwords;             /* uint64 words per bitset */
	uint64_t *bitsets;         /* trigger bitsets, nwords each */
	size_t nbitsets;
	uint64_t *digit_set;       /* patterns anchored on a digit */
	uint64_t *sym_set[256];    /* by first byte of a symbol anchor */
	uint64_t *always_set;
	/* anchor groups and windows (norm_walk.c near_*): the bits after
	** the patterns' (nvbits: one for each group after the first), the
	** patterns with more than one group or a window (near), and what
	** the walk keeps the positions of: the words and symbols that
	** trigger a bit of pos_set (trig_pos per trigger bitset, sym_pos
	** per first byte) */
	size_t nvbits;
	uint32_t *near;
	size_t nnear;
	uint64_t *near_set, *group_set; /* near, and those with groups */
	uint64_t *pos_set;
	uint8_t *trig_pos;
	uint8_t sym_pos[256];
	bool is_digit_pos; /* digit_set meets pos_set */
	uint32_t maxcap;
	pcre2_match_context *mctx;
	struct norm_jit *jit; /* JIT copies of the hot patterns (norm_jit.c) */
	/* well-known tables (or -1): number words are added, scale words
	** multiply, article words (a, an) count one, joiners (and) are
	** skipped; future and past are tense cues for weekdays */
	int t_number, t_scale, t_article, t_joiner, t_future, t_past;
	/* past_suffix: word endings read as past tense (-ed) unless the
	** word before is in passive (be, been, is) */
	int t_past_suffix, t_passive;
	/* number words read by norm_number.c (or -1): plural scales
	** (hundreds), ordinals, plural and singular fraction words
	** (thirds; half), plural ordinals only after tens (firsts), the
	** decimal point word, "of" (two thirds of a million), and vulgar
	** fraction characters */
	int t_scale_plural, t_ordinal, t_frac_den, t_frac_one, t_frac_tens;
	int t_point, t_of, t_vulgar, t_scale_short;
	/* hedges before a quantity, looked up in norm_quantity.c */
	int t_hedge, t_hedge_sym;
	/* options: {iso4217: {names: TABLE, codes: TABLE, skip: TABLE}}:
	** fill the tables from Debian's iso_4217.json (norm_iso4217.c) */
	const struct fc_ynode *iso4217_node;
	/* tense_pair: two-word cues, "as soon as" (1), "due to" (0: none);
	** tense_word: more one-word cues (would: 1); year_zero: the "oh" of
	** "nineteen oh five" */
	int t_tense_pair, t_tense_word, t_year_zero;
	/* a unit said once for a list (norm_qty_list.c): the joiners and
	** the unit tables it reads after the last amount */
	int t_list_joiner, t_currency_range, t_percent_word, t_carry_unit;
	/* options: prefer (how a date without year or a bare weekday
	** resolves when no tense cue decides): NORM_PREFER_PAST (the news
	** reading, default), _FUTURE (assistant corpora such as Duckling's),
	** _NEAREST; set by `options: {prefer: ...}` in a rule file */
	int prefer;
	const struct fc_ynode *prefer_node;
	/* options: shift_grain: finer places "two years ago", "in a week"
	** one grain finer than the unit (2011-02, the day a week ahead), as
	** Duckling's corpus does; the default keeps the unit's grain (TimeML:
	** 2011, the week) */
	bool is_shift_finer;
	struct norm_scan *scan; /* built by norm_scan_build */
	struct norm_wordfacts wf; /* norm_wordfacts_make */
	struct norm_first_memo *first_memo; /* while patterns compile */
	size_t lookbehind; /* bytes a match may look at before its stretch */
	struct fc_timing *timing; /* --time: where a scan adds its counts
				  ** (pipeline/timing.h), or NULL */
};

/* ---- norm_compile.c ------------------------------------------------- */

/* Lowercase, whitespace runs to one space, into buf (cap bytes). */
size_t norm_key(const char *s, size_t len, char *buf, size_t cap);
uint32_t norm_hash_str(int32_t ns, const char *key, size_t len);
int32_t norm_hash_get(const struct norm_hash *h, int32_t ns,
		      const char *key, size_t len);
int norm_table_find(const struct fc_norm *n, const char *name);
/* Is text[s, e) (as norm_key writes it) a key of table t (a table's
** index, or -1: none)? Its value in *val (borrowed: the table's). Text
** of 64 bytes or more is none. (norm_quantity.c) */
bool norm_in_table(const struct fc_norm *n, int t, const char *text,
		   uint32_t s, uint32_t e, const char **val);
/* norm_keys.c: read a file's table_keys (v), and check every check on
** the tables as loaded in the end (from fc_norm_compile). */
void norm_keys_add(struct fc_rules *r, struct fc_norm *n,
		   const struct fc_ynode *v, struct fc_diags *d);
void norm_keys_check(const struct fc_norm *n, struct fc_diags *d);
/* norm_table_check.c: the values of the tables the C code reads by
** name, against what each reader understands (an error at the value);
** with is_author (lint, test), a warning where a --rules file's table
** replaces such a built-in table and drops some of its keys. */
void norm_table_check(const struct fc_norm *n, bool is_author,
		      struct fc_diags *d);
/* An anchor with an underscore names no table and is no word: an error
** at the anchor; with is_author (a load that reads the golden tests:
** lint, test), a warning where an anchor names a table the pattern
** means as a word (norm_keys.c). */
void norm_anchor_words_check(const struct fc_norm *n, bool is_author,
			     struct fc_diags *d);
/* Resolve the patterns' after / not_after table names (norm_keys.c):
** an error at a name that is no table, at a key above ASCII or longer
** than NORM_AFTER_LEN bytes. */
void norm_after_resolve(struct fc_norm *n, struct fc_diags *d);

/* ---- Scan tables (norm_first.c, norm_trie.c) -------------------------- */

/* Where matches of the expanded regex rx can start. *memo keeps the
** groups seen so far (made on first use; norm_first_memo_free). */
struct norm_first_memo;
void norm_first_analyze(const char *rx, size_t len, bool is_caseless,
			struct norm_first_memo **memo, struct fc_arena *a,
			struct norm_first *out);
void norm_first_memo_free(struct norm_first_memo *m);
/*
** Before p is compiled from rx with opts: its start strings. True when
** the scan will run p anchored where they occur (p is then compiled
** with PCRE2_ANCHORED); false when it runs p unanchored.
*/
bool norm_scan_pattern(struct fc_norm *n, struct norm_pattern *p,
		       struct fc_arena *a, const char *rx, size_t len,
		       uint32_t opts);
/*
** Anchor groups and windows (norm_trie_near.c). Before the trigger
** tables: every pattern's group bits (fc_norm.nvbits after the
** patterns'), so that nwords can be set; after them: what the walk keeps
** hits of and the filter reads (false when out of memory).
*/
void norm_near_plan(struct fc_norm *n);
fc_status norm_near_finish(struct fc_norm *n, struct fc_arena *a);
/* The trigger bit of group g of pattern p (index pi). */
static inline size_t norm_group_bit(const struct norm_pattern *p, size_t pi,
				    unsigned g)
{
	return p->gslot[g] ? p->vbit + p->gslot[g] - 1 : pi;
}
/* After build_tables: the start tables of the scan (rules arena). */
fc_status norm_scan_build(struct fc_norm *n, struct fc_arena *a);
/* n->lookbehind, from the patterns' compiled codes (norm_trie.c). */
size_t norm_scan_lookbehind(const struct fc_norm *n);

/* Positions where one pattern's match may start in a stretch. */
struct norm_startq {
	uint32_t *v;
	size_t n, cap;
};

/* The trigger pass of one document (norm_walk.c); caller frees with
** norm_walk_destroy. NULL on out of memory. */
struct norm_walk *norm_walk_create(const struct fc_norm *n);
void norm_walk_destroy(struct norm_walk *w);
/*
** One pass over text[s, e): active gets the patterns whose anchors
** occur there, and each pattern the positions where its match may
** start (norm_walk_starts, valid until the next call).
*/
fc_status norm_walk_stretch(struct norm_walk *w, const char *text,
			    uint32_t s, uint32_t e, uint64_t *active);
const struct norm_startq *norm_walk_starts(const struct norm_walk *w,
					   size_t pi);
/* From now on, queue the starts of every pattern, not only of the
** patterns the stretch activates (for norm_check_starts). */
void norm_walk_queue_all(struct norm_walk *w);
/* For tests: let the DFA start over after n states (at least 4, at most
** its default), so the restarts are exercised. */
void norm_walk_set_max_states(struct norm_walk *w, size_t n);
/* The patterns with starts queued in the last stretch (a bitset). */
const uint64_t *norm_walk_queued(const struct norm_walk *w);
/*
** For tests (norm.c): over every sentence of text[0, len), the matches
** of the unanchored search of each pattern the start tables serve that
** start where no start was queued (0: they miss nothing; SIZE_MAX on
** out of memory); *nmatch: the matches looked at.
*/
size_t norm_check_starts(const struct fc_rules *r, const char *text,
			 size_t len, size_t *nmatch);

/* ---- Matching ---------------------------------------------------------- */

/* One candidate mention before overlap resolution. */
struct norm_cand {
	uint32_t start, end;
	enum fc_mention_kind kind;
	int priority;
	uint32_t order; /* pattern index, for stable ties */
	uint32_t match_len; /* length of the whole regex match */
	bool is_mask; /* P_MASK: takes its span, makes no mention */
	const char *rule;
	struct fc_time time;
	struct fc_quantity q;
};

/* A mask over [start, end) in c (a candidate the caller has cleared):
** it takes its span and makes no mention. Returns 1, the candidates
** made. */
static inline int norm_put_mask(struct norm_cand *c, uint32_t start,
				uint32_t end)
{
	c->start = start;
	c->end = end;
	c->is_mask = true;
	return 1;
}

/* The reference (norm_ref.h): a date, and maybe a time of day and zone. */

/* One pattern match being turned into candidates. */
struct norm_match {
	const struct fc_norm *n;
	const struct norm_pattern *p;
	const char *text;   /* the whole document text */
	PCRE2_SIZE *ov;     /* ovector */
	uint32_t nov;       /* pairs in ov */
	uint32_t start, end; /* whole match, or the span slot */
	uint32_t stretch_start, stretch_end;
	const struct norm_ref *ref;
	struct fc_arena *a; /* for unit strings */
	bool is_rescan; /* made by norm_last_mention: no nested look-back */
	/* in a look-back, a relative time counted from a mention ("the
	** following year") counts from this date before it in the window
	** (norm_anchor.c: chains) */
	const struct fc_time *anchor;
	struct norm_lookback **lookback; /* the scan's, made on first use */
	struct norm_daymemo **memo; /* the scan's holiday days (or NULL) */
	struct fc_tally *tally; /* the scan's per-pattern counts, or NULL */
};

/* A slot's value: a table value, a `set:` constant, or matched text. */
struct norm_val {
	const char *s; /* value text (not NUL-terminated when raw) */
	size_t len;
	double num;    /* number, or NAN when it is not one */
	bool is_raw;   /* text from the document, not from a table */
	uint32_t start, end; /* raw: span in the document */
};

bool norm_slot(const struct norm_match *m, enum norm_slot s,
	       struct norm_val *v);
/* norm_slot() without reading a raw slot's text as a number (num stays
** NAN): for callers that read the number themselves. */
bool norm_slot_text(const struct norm_match *m, enum norm_slot s,
		    struct norm_val *v);
/* ---- norm_digits.c ---------------------------------------------------- */

/* A number in digits at s[i] ("1,200.5", "12,34,567", "1.3e6"): its value
** in *v, *is_int when it has no decimal part; returns the bytes used,
** 0 when there is none. */
size_t norm_read_digits(const char *s, size_t len, size_t i, double *v,
			bool *is_int);

/* ---- norm_number.c ---------------------------------------------------- */

enum norm_num_kind { NORM_NUM_CARD, NORM_NUM_FRAC, NORM_NUM_ORD };

/* The reading of a number phrase. */
struct norm_num {
	double value;
	uint32_t used;          /* bytes of the phrase read */
	enum norm_num_kind kind;
	bool is_bare;           /* a fraction word alone ("half") */
	double scale_end;       /* the scale word it ends with ("12
				** billion": 1e9), or 0 */
};

/* Read the longest number at the start of s[0, len): digits (1,200.5),
** words (twenty-four), fractions, ordinals. False when there is none. */
bool norm_number_read(const struct fc_norm *n, const char *s, size_t len,
		      struct norm_num *out);
/* The gap before the next number in s: blanks, commas, hyphens and one
** joiner word ("and"). */
size_t norm_number_gap(const struct fc_norm *n, const char *s, size_t len);
/* x to 15 significant digits: "16.4 mln" is 16400000, not
** 16399999.999999998 (decimal digits times a scale). */
double norm_round(double x);
/* The number s[0, len) as a whole (trailing blanks aside), or NAN. */
double norm_number(const struct fc_norm *n, const char *s, size_t len);

/* ---- norm_iso4217.c ---------------------------------------------------- */

/* Fill the tables named by `options: iso4217` from the ISO 4217 list
** beside r->iso_codes (iso_4217.json); a no-op without the option. */
fc_status norm_iso4217_load(struct fc_rules *r, struct fc_norm *n,
			    struct fc_diags *d);

/* Productions: write up to 2 candidates, return how many. */
int norm_time_produce(const struct norm_match *m, struct norm_cand *out);
int norm_quantity_produce(const struct norm_match *m,
			  struct norm_cand *out);
/* Is the capitalised number word m->text[s, e) a name's part ("Ocean's
** Twelve", "BBC One"), no count? is_scale: the word is a bare scale
** ("Million Dollar Baby"). Reads m's text (borrowed). norm_qty_name.c */
bool norm_qty_name_part(const struct norm_match *m, uint32_t s, uint32_t e,
			bool is_scale);
/* Is the bare amount m->text[s, e) of a list whose unit is said once,
** after the last ("3, 4 and 5 percent", "5, 6 and 7 billion dollars")?
** Then its unit (borrowed: a table's value) and the scale said with the
** last (1 when none). norm_qty_list.c */
bool norm_qty_list_unit(const struct norm_match *m, uint32_t s, uint32_t e,
			const char **unit, double *scale);
/* May the scale at m->text[sc], read past m's end after a list's last
** amount ("$5, $6 and $7 billion"), scale x, m's own amount? Not when x
** is over ten times the last ("$500 and $2 billion", "$20, 000 and $30
** million": two amounts). norm_qty_list.c */
bool norm_qty_list_scale_ok(const struct norm_match *m, double x,
			    uint32_t sc);
bool norm_prod_is_time(enum norm_prod p);
/* qsort order of candidates, the first the one kept: the longest span,
** then a mask, a time, the longer match, priority, pattern order. */
int norm_cand_cmp(const void *x, const void *y);

/* ---- Time productions (norm_time, _weekday, _relative, _clock.c) ---- */

/* A slot as an int (false when absent or not a number) or as a string. */
bool norm_get_int(const struct norm_match *m, enum norm_slot s, int *out);
bool norm_get_str(const struct norm_match *m, enum norm_slot s, char *buf,
		  size_t cap);
/* One time candidate over the match, its mod from the mod/hedge slots. */
int norm_emit(const struct norm_match *m, struct norm_cand *c,
	      enum fc_timex_type type, const char *value);
void norm_iso_week(int32_t days, int *wy, int *ww);
/* "TMO" etc. from the part slot, or "" */
void norm_part_suffix(const struct norm_match *m, char *buf, size_t cap);

/* v in decimal at o, zero-padded to width characters as printf's %0*ld
** (the sign counts); returns the end, not NUL-terminated (at most 21
** bytes more than width). */
char *norm_put_int(char *o, long v, int width);
/* s[0, len) into buf as a string, cut to cap - 1 bytes as snprintf does. */
void norm_put_cap(char *buf, size_t cap, const char *s, size_t len);

/* norm_date.c. The parts of a date; norm_date_value() fills in a missing
** year. */
struct norm_parts {
	int y, mo, d, q;
	bool has_y, has_mo, has_d, has_q;
	char season[4];
};
bool norm_read_parts(const struct norm_match *m, enum norm_slot sy,
		     enum norm_slot sm, enum norm_slot sd,
		     struct norm_parts *p);
/* The year in slot sy (digits, two digits, or words); false if none. */
bool norm_slot_year(const struct norm_match *m, enum norm_slot sy, int *y);
bool norm_date_value(const struct norm_match *m, struct norm_parts *p,
		     char *buf, size_t cap);

/* norm_tense.c: +1 future, -1 past, -2 a past verb right before the
** match, -3 a past verb whose own adjunct the date is ("changed ... in
** December"), NORM_TENSE_SCHED a present-tense schedule verb ("they meet
** Monday": the coming one within a week, no cue for farther dates), 0
** no cue; and whether a past occurrence (past days back) wins over a
** future one (future days ahead). */
enum { NORM_TENSE_SCHED = 2 };
int norm_tense(const struct norm_match *m);
bool norm_prefer_past(const struct norm_match *m, long past, long future);

/* norm_wordfacts.c */
/* FNV-1a of s[0, len) lower-cased (A-Z only), for struct norm_wordfacts. */
uint32_t norm_word_hash(const char *s, size_t len);
/* The facts' hash of the two-word key "w1 w2" (NORM_WF_TENSE_PAIR) from
** the words' norm_word_hash. */
uint32_t norm_pair_hash(uint32_t h1, uint32_t h2);
void norm_wordfacts_make(struct fc_norm *n);
/* n's word facts; NULL before they are made (then every word may be a
** key). */
static inline const struct norm_wordfacts *
norm_wordfacts(const struct fc_norm *n)
{
	return n->wf.is_made ? &n->wf : NULL;
}
/* May the normalised key of hash h and length len be in facts table t?
** False only when it is not. */
static inline bool norm_wf_may(const struct norm_wordfacts *f, int t,
			       uint32_t h, size_t len)
{
	if (!f)
		return true;
	uint32_t a = h % NORM_WF_BITS, b = (h >> 11) % NORM_WF_BITS;
	return len <= f->maxlen[t] && (f->bloom[t][a / 64] >> (a % 64) & 1) &&
	       (f->bloom[t][b / 64] >> (b % 64) & 1);
}

/* norm_weekday.c */
int32_t norm_weekday_day(const struct norm_match *m, int wd, bool has_rel,
			 int rel);
int norm_prod_weekday(const struct norm_match *m, struct norm_cand *out);

/* norm_relative.c */
/* The first nparts of y, mo, d at o (caller's buffer: at most 34 bytes
** and the suffix) as "%04ld-%02ld-%02ld", then suffix; returns the end,
** not NUL-terminated. */
char *norm_put_ymd(char *o, int nparts, long y, long mo, long d,
		   const char *suffix);
int norm_prod_relative(const struct norm_match *m, struct norm_cand *out);

/* norm_clock.c */
int norm_prod_time_of_day(const struct norm_match *m, struct norm_cand *out);
int norm_prod_holiday(const struct norm_match *m, struct norm_cand *out);
int norm_prod_nth_weekday(const struct norm_match *m, struct norm_cand *out);

/* norm_shift.c: a time moved by a span; the n-th (last) day or week of
** a month or year; the n-th closest weekday or holiday to a date */
int norm_prod_shift(const struct norm_match *m, struct norm_cand *out);
int norm_prod_nth_in(const struct norm_match *m, struct norm_cand *out);
int norm_prod_closest(const struct norm_match *m, struct norm_cand *out);
/* "Thursday the 15th": the month (*y, *mo) whose day d is weekday wd
** (1 = Monday), the last or the next one as the reading picks. */
bool norm_weekday_mday(const struct norm_match *m, int wd, int d, int *y,
		       int *mo);

/* ---- norm_calendar.c --------------------------------------------------- */

int norm_dim(int y, int m); /* days in month m of year y */
/* The n-th (n < 0: last) weekday wd (1 = Monday) of month mo of y. */
int32_t norm_nth_weekday(int y, int mo, int wd, int n);
/* The day (days since 1970-01-01) a holiday rule gives in Gregorian year
** y (rules: see norm_calendar.c), or INT32_MIN when there is none. */
int32_t norm_holiday_day(const char *rule, int y);
/* The second day of rule in year y when it falls twice in it (an Islamic
** date: Eid al-Fitr on 8 January and 27 December 2000), else INT32_MIN. */
int32_t norm_holiday_day2(const char *rule, int y);
/*
** norm_holiday_day() through the scan's memo (*memo, made in arena a on
** first use; memo NULL: no memo): a lunisolar day costs sun and moon
** positions, and a text may name the same holiday and year again and
** again.
*/
struct norm_daymemo;
int32_t norm_holiday_day_memo(struct norm_daymemo **memo, struct fc_arena *a,
			      const char *rule, int y);

/* ---- norm_lunisolar.c, norm_astro.c ------------------------------------ */

/* The day of a C:, H:, S:, N: or Z: rule in Gregorian year y (1000-3000),
** end set past the rule's date part; INT32_MIN when none or malformed. */
int32_t norm_lunisolar_day(const char *rule, int y, const char **end);
/* Times are days since 1970-01-01 00:00 UT; longitudes in degrees. */
double norm_sun_longitude(double t);  /* apparent, tropical */
double norm_moon_longitude(double t); /* tropical, of date */
double norm_elongation(double t);     /* apparent moon minus sun, 0-360 */
/* The first instant after about t when the elongation is e (0: new moon,
** 180: full moon), and when the sun's longitude is lon. */
double norm_elongation_after(double t, double e);
double norm_sun_longitude_after(double t, double lon);
double norm_ayanamsa(double t); /* Lahiri, tropical minus sidereal */
/* Sunrise (ev 'r'), sunset ('s') or local midnight after the evening
** ('n') on civil day `day` at east longitude lon, latitude lat. */
double norm_sun_event(int32_t day, double lon, double lat, int ev);
/* Whether the moon is above the horizon at that sunset (sets after it). */
bool norm_moon_up_at_sunset(int32_t day, double lon, double lat);

/* ---- norm_jit.c -------------------------------------------------------- */

/* Room for the JIT copies of n's patterns (after they are compiled). */
fc_status norm_jit_create(struct fc_norm *n);
void norm_jit_destroy(struct fc_norm *n);
/*
** pcre2_match of pattern pi over text[0, end) from off, interpreted
** until the pattern is hot, then JIT compiled. Safe to call from several
** threads at once. tally: NULL, or the calling scan's own counts, one
** per pattern (--time): the try is counted and timed in tally[pi].
*/
int norm_jit_match(const struct fc_norm *n, size_t pi, const char *text,
		   size_t end, size_t off, pcre2_match_data *md,
		   struct fc_tally *tally);
/*
** The next match of pattern pi in text[0, end) at or after *off, for the
** scan and its look-backs: anchored at the starts of q from the *k-th
** (q NULL: searched from *off). The match is in md and *off moves past
** it (one character on after an empty one); a negative PCRE2 code when
** there is none (PCRE2_ERROR_NOMATCH) or a limit stopped it. tally: as
** for norm_jit_match.
*/
int norm_next_match(const struct fc_norm *n, size_t pi,
		    const struct norm_startq *q, size_t *k, const char *text,
		    size_t end, PCRE2_SIZE *off, pcre2_match_data *md,
		    struct fc_tally *tally);

/* ---- norm_anchor.c ----------------------------------------------------- */

/*
** The date mentioned last before the match (a DATE or TIME with a known
** value, as the scan would keep it), looked for in the text up to
** NORM_ANCHOR_WINDOW bytes back. want: 0 for any grain, else a set of
** quarter and half grains (NORM_WANT_Q, NORM_WANT_H): the last one of
** those grains starting in days [min_lo, max_lo]. False when there is
** none (or the match is itself part of a look-back); a chained match in
** a look-back (m->anchor set) reads the date before it in the window.
*/
#define NORM_ANCHOR_WINDOW 2000
/* The date mentioned last in the NORM_ANCHOR_NEAR bytes before the match
** (the start of a range whose end the match is: "August 15-November
** 30"): a window that small keeps a text of ranges alone from costing a
** 400-byte look-back for each. */
#define NORM_ANCHOR_NEAR 96
bool norm_last_mention_near(const struct norm_match *m, struct fc_time *out);
#define NORM_WANT_Q (1u << FC_GRAIN_QUARTER)
#define NORM_WANT_H (1u << FC_GRAIN_HALF)
/* The look-back's walk and buffers, kept for one scan (norm_anchor.c). */
struct norm_lookback;
struct norm_walk;
/* A look-back for the scan whose walk is host (NULL: one with a DFA of
** its own); its walk shares host's DFA. Cheap: the rest is made on first
** use. NULL when out of memory. */
struct norm_lookback *norm_lookback_create(const struct fc_norm *n,
					   struct norm_walk *host);
/* The scan of lb (if any) now walks with host. */
void norm_lookback_bind(struct norm_lookback *lb, struct norm_walk *host);
void norm_lookback_destroy(struct norm_lookback *lb);
/* Forget the windows kept from the last document (its text is gone). */
void norm_lookback_forget(struct norm_lookback *lb);
bool norm_last_mention(const struct norm_match *m, unsigned want,
		       int32_t min_lo, int32_t max_lo, struct fc_time *out);
/* Is the relative time of m, after the mention t (NULL: none), a
** comparison with the time a span back from now rather than a count
** from t ("profit rose from $99 million a year earlier", said of a
** recent date): base mention_grain, a year or quarter back, t within
** two years of the reference (norm_relative.c)? */
bool norm_relative_is_comparison(const struct norm_match *m,
				 const struct fc_time *t);
/* "the year" as the year of the date mentioned last when that year is
** written in figures in the match's sentence or the one before, not as
** a comparison; 0 candidates otherwise (norm_told_year.c, base
** told_year). Writes at most one candidate to out. */
int norm_told_year(const struct norm_match *m, struct norm_cand *out);

#endif
