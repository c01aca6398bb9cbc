/*
** check_p.h: private to src/check (the YAML check engine).
**
**   load.c     kind: checks files -> struct fc_checks (checks resolved
**              against the fact schema of src/claims)
**   message.c  message templates: parse at load, render per finding
**   compat.c   typed compatibility of two slot values
**   run.c      facts -> clusters -> findings
**   quote.c    compare: quote: one speaker's quotes split into
**              statements by word overlap, fragments marked partial
**   wdiff.c    words of a quote and a word-level LCS (wdiff.h, shared
**              with src/report)
**
** Everything a check owns lives in the rules arena (&r->arena); the
** YAML nodes it keeps for positions live there too.
*/
#ifndef FC_CHECK_P_H
#define FC_CHECK_P_H

#include "core/wdiff.h"
#include "core/core.h"
#include "stages.h"

/* How two values of the compared field are matched. */
enum compare {
	CMP_TIME,       /* DATE/TIME intervals intersect */
	CMP_DURATION,   /* lengths within tolerance (seconds) */
	CMP_QUANTITY,   /* value intervals within a relative tolerance */
	CMP_ENTITY,     /* same entity id (gov:XX ~ country:XX) */
	CMP_SET,        /* one list of items contains the other */
	CMP_LIST_ORDER, /* shared items in the same relative order */
	CMP_TEXT,       /* equal after normalisation */
	CMP_POLARITY,   /* asserted vs negated */
	CMP_QUOTE,      /* words of quotes: overlap, fragments, variants */
	CMP_COUNT
};

extern const char *const fc_check_compare_names[CMP_COUNT + 1];

/* Parse a compare name; false when unknown. */
bool fc_check_compare_parse(const char *name, enum compare *out);

/* ---- Message templates (message.c) -------------------------------------- */

enum tmpl_var {
	TV_LITERAL, TV_SLOT, TV_VALUE, TV_VALUES, TV_KIND, TV_FIELD,
	TV_RULE, TV_STATUS, TV_SOURCES, TV_INDEPENDENT, TV_VERSIONS,
	TV_WHEN,
};

struct tmpl_part {
	enum tmpl_var var;
	const char *text; /* LITERAL: the text; SLOT: the key slot name */
	size_t len;
	size_t key; /* SLOT: index into the check's key */
};

struct tmpl {
	struct tmpl_part *parts;
	size_t nparts;
};

/*
** Message templates by finding status; [MSG_DEFAULT] is the fallback.
** [MSG_NEGATED] serves a polarity finding that is not contradicted and
** whose leading value is "negated" ("X and Y did not meet").
*/
enum { MSG_DEFAULT, MSG_CORROBORATED, MSG_CONTRADICTED, MSG_SINGLE,
       MSG_VARIANT, MSG_NEGATED, MSG_COUNT };

/* ---- Checks ------------------------------------------------------------- */

struct check {
	const char *id;
	const char *kind;  /* fact kind */
	const char *field; /* compared slot ("polarity" for CMP_POLARITY) */
	const char **key;  /* key slot names */
	size_t nkey;
	enum compare cmp;
	double tolerance; /* relative (quantity) or seconds (time, duration) */
	uint32_t min_independent;
	enum fc_severity severity; /* of a contradiction */
	/* Status of incompatible values: FC_FIND_CONTRADICTED, or
	** FC_FIND_VARIANT for wordings of one thing (quotes). */
	enum fc_finding_status conflict;
	/* compare: quote: two quotes are one statement when they share
	** min_words - 1 word pairs and that is at least `overlap` of the
	** shorter quote's word pairs. */
	double overlap;
	uint32_t min_words;
	struct tmpl msg[MSG_COUNT];
	const char *file;
	/* Nodes kept for compile-time errors. */
	const struct fc_ynode *node, *kind_node, *field_node, *cmp_node;
	const struct fc_ynode **key_nodes;
	bool is_replaced; /* a later check with the same id replaced it */
};

struct fc_checks {
	struct check **v; /* in load order */
	size_t n, cap;
	/* After compile: the live, valid checks sorted by (kind, id). */
	struct check **live;
	size_t nlive;
};

/*
** Parse a message template from scalar n (its placeholders checked
** against c's key and field). Errors go to d at the placeholder.
*/
bool fc_check_tmpl_parse(struct fc_arena *a, const struct check *c,
			 const struct fc_ynode *n, struct tmpl *out,
			 struct fc_diags *d);

/* Render t for finding f of check c into a (NULL on out of memory). */
char *fc_check_tmpl_render(struct fc_arena *a, const struct check *c,
			   const struct tmpl *t, const struct fc_finding *f);

/* ---- Clusters (run.c), shared with src/checkdoc ------------------------ */

/* Is v missing for clustering (no id, no text, empty list)? */
bool fc_check_value_is_empty(const struct fc_value *v);

/*
** The cluster key of fact f under check c into b (slots joined by ';',
** a list as its sorted set of item keys joined by ','). false when a key
** slot is missing or empty, or on out of memory (b->err set).
*/
bool fc_check_key_text(struct fc_arena *scratch, struct fc_buf *b,
		       const struct check *c, const struct fc_fact *f);

/* ---- Compatibility (compat.c) ------------------------------------------- */

/* Item keys of a list value, for sets and orders. */
struct prep_item {
	const char *key;
	uint32_t pos; /* position in the list as written */
};

/*
** A value prepared once for many comparisons: intervals derived,
** entity ids and text normalised, list items keyed and sorted.
*/
struct prep {
	enum compare cmp;
	bool is_opaque; /* not comparable by type: compare `key` only */
	bool is_unknown; /* no known content (PXY, PRESENT_REF): fits all */
	const char *key; /* dedupe key: equal keys are the same value */
	/* TIME (days), DURATION (seconds), QUANTITY: closed [lo, hi]. */
	double lo, hi;
	/* TIME unanchored: known fields, -1 when unknown. */
	int month, day, weekday;
	bool is_anchored;
	enum fc_grain grain;
	const char *unit; /* QUANTITY */
	struct prep_item *items; /* SET: sorted by key; LIST_ORDER: too */
	size_t nitems;
	struct fc_wd_text *words; /* QUOTE: the words (key: fc_wd_key) */
};

/*
** Prepare v for comparisons under cmp (scratch memory from a).
** false on out of memory.
*/
bool fc_check_prep(struct fc_arena *a, enum compare cmp,
		   const struct fc_value *v, struct prep *out);
bool fc_check_prep_compatible(double tolerance, const struct prep *x,
			      const struct prep *y);

/* Normalised text: ASCII case-folded, quotes and dashes unified,
** whitespace collapsed, trailing punctuation dropped. */
char *fc_check_norm_text(struct fc_arena *a, const char *s);

/* Key of one list item or scalar value (entity id, timex, text). */
char *fc_check_item_key(struct fc_arena *a, const struct fc_value *v);

/* ---- Runs (run.c) ------------------------------------------------------- */

/* One fact of a check's kind with its key and prepared value. */
struct entry {
	uint32_t fact, doc;
	int32_t group; /* independent group of the fact's document */
	const char *key;
	const struct fc_value *value;
	struct prep prep;
};

/* One distinct value of a cluster: entries sharing a dedupe key. */
struct dvalue {
	size_t first, n;        /* entries[first, first + n) of the cluster */
	uint32_t nindep;        /* distinct independent groups */
	double width;           /* interval width: narrower is more specific */
	const char *text;       /* fc_value_text, in the corpus arena */
	const char *key;        /* dedupe key (prep.key) */
	size_t group;           /* index into the cluster's groups */
};

struct run {
	const struct fc_corpus *c;
	struct fc_arena *out;     /* the corpus arena: findings */
	struct fc_arena scratch;  /* freed at the end of each check */
	struct fc_diags *d;
	struct fc_finding *findings;
	size_t nfindings, cap;
	struct fc_buf b;
	/* The current check's names copied into the corpus arena, so that
	** findings do not point into the rules. */
	const char *id, *kind, *field;
	const char **key;
};

/* Distinct independent groups among the entries e[which[0, n)]. */
uint32_t fc_check_count_groups(struct run *r, const struct entry *e,
			       const size_t *which, size_t n);

/*
** Append the finding of check c made of the distinct values
** dv[order[0, nv)] (entries in e), values in that order. Its id is
** "<check>:<key>" plus ":<suffix>" when suffix is not NULL. Status:
** c->conflict when is_conflict, else corroborated or single-source by
** independent groups. is_partial (by dvalue index, or NULL) marks
** fragments of a longer version.
*/
fc_status fc_check_emit(struct run *r, const struct check *c,
			const struct entry *e, const struct dvalue *dv,
			const size_t *order, size_t nv, const bool *is_partial,
			bool is_conflict, const char *suffix);

/* ---- Quotes (quote.c) --------------------------------------------------- */

/*
** The findings of one cluster (one speaker) of a compare: quote check:
** its distinct values dv[0, ndv) (entries in e) split into statements,
** one finding each.
*/
fc_status fc_check_quote_cluster(struct run *r, const struct check *c,
				 const struct entry *e, const struct dvalue *dv,
				 size_t ndv);

/*
** Is fragment f (words and ids; its elisions split it into pieces) a
** part of big: every piece found whole in big, in order? Scratch from
** a. *is_oom is set on out of memory.
*/
bool fc_check_quote_contains(struct fc_arena *a, const uint32_t *big,
			     size_t nbig, const struct fc_wd_text *f,
			     const uint32_t *fids, bool *is_oom);

#endif
