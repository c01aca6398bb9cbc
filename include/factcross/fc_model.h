/*
** fc_model.h: the data model shared by every stage.
**
**   corpus -> documents -> sentences -> mentions -> facts -> findings
**
** All strings and arrays reachable from a struct fc_corpus live in the
** corpus arena (struct fc_arena) and are freed together with
** fc_corpus_destroy(). Offsets are UTF-8 byte offsets into a document's
** cleaned text (struct fc_document.text), half-open [start, end).
*/
#ifndef FACTCROSS_FC_MODEL_H
#define FACTCROSS_FC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fc_error.h"

#define FC_NONE UINT32_MAX /* "no index" for uint32_t references */

/* ---- Arena ------------------------------------------------------------- */

/* A bump allocator: everything allocated from it is freed at once. */
struct fc_arena {
	struct fc_arena_chunk *head;
	size_t nbytes; /* total handed out, for limits and statistics */
};
void fc_arena_init(struct fc_arena *a);
void fc_arena_finish(struct fc_arena *a);
/* Zeroed memory, 16-byte aligned; NULL on out of memory. */
void *fc_arena_alloc(struct fc_arena *a, size_t n);
char *fc_arena_strdup(struct fc_arena *a, const char *s);
char *fc_arena_strndup(struct fc_arena *a, const char *s, size_t n);
char *fc_arena_printf(struct fc_arena *a, const char *fmt, ...)
	FC_PRINTF(2, 3);
/* Grow an arena array (old contents copied; the old block is not freed). */
void *fc_arena_grow(struct fc_arena *a, void *old, size_t elem, size_t *cap,
		    size_t need);
/*
** Grow an arena array nothing else points into: as fc_arena_grow, but a
** big array gets a chunk of its own that is reallocated as it grows (old
** is freed then) and the new tail is NOT cleared, so that an array of a
** million elements takes its size once rather than twice over.
*/
void *fc_arena_regrow(struct fc_arena *a, void *old, size_t elem,
		      size_t *cap, size_t need);

/* ---- Times (TIMEX3) ---------------------------------------------------- */

enum fc_timex_type { FC_TIMEX_DATE, FC_TIMEX_TIME, FC_TIMEX_DURATION,
		     FC_TIMEX_SET };

enum fc_grain {
	FC_GRAIN_NONE, FC_GRAIN_SECOND, FC_GRAIN_MINUTE, FC_GRAIN_HOUR,
	FC_GRAIN_PART_OF_DAY, FC_GRAIN_DAY, FC_GRAIN_WEEK, FC_GRAIN_MONTH,
	FC_GRAIN_SEASON, FC_GRAIN_QUARTER, FC_GRAIN_HALF, FC_GRAIN_YEAR,
	FC_GRAIN_DECADE, FC_GRAIN_CENTURY,
};

/* TIMEX3 mod values. */
enum fc_timex_mod {
	FC_MOD_NONE, FC_MOD_START, FC_MOD_MID, FC_MOD_END, FC_MOD_APPROX,
	FC_MOD_BEFORE, FC_MOD_AFTER, FC_MOD_ON_OR_BEFORE, FC_MOD_ON_OR_AFTER,
	FC_MOD_LESS_THAN, FC_MOD_MORE_THAN, FC_MOD_EQUAL_OR_LESS,
	FC_MOD_EQUAL_OR_MORE,
};

/*
** A normalised time. The TIMEX3 value string is the truth; the rest is
** derived from it by fc_time_parse() (and the mod narrows the interval).
**
** DATE/TIME: [lo, hi) in days since 1970-01-01 (proleptic Gregorian);
**   is_anchored is false for values with an unknown part (XXXX-01-16),
**   which compare by their known fields only.
** DURATION/SET: seconds approximates the length (a year is 365.2425
**   days, a month a twelfth of it) for tolerance comparisons.
*/
struct fc_time {
	enum fc_timex_type type;
	enum fc_grain grain;
	enum fc_timex_mod mod;
	char value[40];
	int32_t lo, hi;
	bool is_anchored;
	double seconds;
};

/* ---- Quantities -------------------------------------------------------- */

/*
** A quantity: value, unit and the interval its hedge implies.
** "nearly $3 billion": value 3e9, unit "USD", lo -inf-ish (is_lo_open),
** hi 3e9. unit is an ISO 4217 code, "percent", a unit word, or NULL.
*/
struct fc_quantity {
	double value, lo, hi;
	const char *unit;
	bool is_lo_open, is_hi_open; /* unbounded below / above */
	bool is_ordinal;
};

/* ---- Entities ---------------------------------------------------------- */

enum fc_entity_type {
	FC_ENT_OTHER, FC_ENT_PERSON, FC_ENT_COUNTRY, FC_ENT_GOVERNMENT,
	FC_ENT_ORG, FC_ENT_CITY, FC_ENT_GROUP,
};

/*
** id: "country:RU", "gov:RU", "person:vladimir-putin", "org:sco",
** "city:tehran"; label: the display name. country: ISO 3166-1 alpha-2
** of the entity's country (persons, governments, cities), or NULL.
*/
struct fc_entity {
	const char *id, *label;
	enum fc_entity_type type;
	const char *country;
	const char *role; /* "president", "prime minister", ... or NULL */
};

/* ---- Mentions ---------------------------------------------------------- */

enum fc_mention_kind {
	FC_MENTION_ENTITY, FC_MENTION_TIME, FC_MENTION_QUANTITY,
	FC_MENTION_QUOTE,       /* a direct quote; speaker is an entity ref */
	FC_MENTION_ATTRIBUTION, /* "the Kremlin said", "according to TASS" */
	FC_MENTION_NEGATION,    /* "not", "denied", "never" */
	FC_MENTION_HEDGE,       /* "reportedly", "allegedly" */
};

struct fc_mention {
	enum fc_mention_kind kind;
	uint32_t start, end; /* into the document's cleaned text */
	uint32_t sentence;   /* index into fc_document.sentences */
	const char *rule;    /* id of the rule that produced it, or NULL */
	/* ENTITY: the resolved entity (after coreference). */
	struct fc_entity entity;
	/* TIME */
	struct fc_time time;
	/* QUANTITY */
	struct fc_quantity quantity;
	/* QUOTE: content span (without quote marks) and speaker. */
	uint32_t inner_start, inner_end;
	/* QUOTE, ATTRIBUTION: the speaker or source entity, or NULL. */
	const struct fc_entity *speaker;
};

/* ---- Values and facts -------------------------------------------------- */

enum fc_value_type {
	FC_VAL_NONE, FC_VAL_ENTITY, FC_VAL_TIME, FC_VAL_QUANTITY,
	FC_VAL_TEXT, FC_VAL_INT, FC_VAL_LIST,
};

struct fc_value {
	enum fc_value_type type;
	struct fc_entity entity;
	struct fc_time time;
	struct fc_quantity quantity;
	const char *text;
	int64_t i;
	struct fc_value *items; /* LIST */
	size_t nitems;
};

struct fc_slot {
	const char *name;
	struct fc_value value;
};

enum fc_polarity { FC_POL_ASSERTED, FC_POL_NEGATED };
enum fc_modality { FC_MODAL_FACTUAL, FC_MODAL_REPORTED, FC_MODAL_HEDGED };

/*
** A typed fact found by a claim pattern in one sentence of one source.
** id is "f<n>", n counting from 1 in corpus order.
*/
struct fc_fact {
	const char *id;
	const char *kind; /* "call", "agreement", "closure", ... */
	const char *rule; /* claim pattern id */
	uint32_t doc, sentence;
	uint32_t start, end; /* span of the match in the cleaned text */
	struct fc_slot *slots;
	size_t nslots;
	enum fc_polarity polarity;
	enum fc_modality modality;
	const char *attribution; /* "Kremlin", "TASS", or NULL */
};

/* ---- Findings ---------------------------------------------------------- */

enum fc_finding_status {
	FC_FIND_CORROBORATED, FC_FIND_CONTRADICTED, FC_FIND_SINGLE_SOURCE,
	FC_FIND_VARIANT,
};

/* One distinct value of the compared field, with the facts behind it. */
struct fc_finding_value {
	const char *text; /* canonical text, as in the JSON report */
	struct fc_value value;
	uint32_t *facts; /* indexes into fc_corpus.facts */
	size_t nfacts;
	/* A quote that is a fragment of a longer version in the same
	** finding: it supports that version, it is not a variant. */
	bool is_partial;
};

struct fc_finding {
	const char *id;    /* stable: rule id + key, e.g. "call.date:..." */
	const char *rule;  /* check id */
	const char *kind;  /* fact kind */
	const char *field; /* compared slot */
	enum fc_finding_status status;
	enum fc_severity severity;
	struct fc_slot *key; /* the cluster key slots */
	size_t nkey;
	struct fc_finding_value *values;
	size_t nvalues;
	uint32_t *sources; /* document indexes, sorted */
	size_t nsources;
	uint32_t independent_sources;
	const char *message;
};

/* ---- Corpus and documents ---------------------------------------------- */

/* A manifest entry (or a file of a manifest-less folder). */
struct fc_source {
	const char *id;
	const char *file;      /* as written in the manifest, or NULL */
	const char *path;      /* resolved path on disk, or NULL */
	const char *url;       /* or NULL */
	const char *outlet;    /* or NULL */
	const char *published; /* YYYY-MM-DD as stated, or NULL */
	const char *derived_from; /* source id, or NULL */
	struct fc_srcloc loc;  /* where the entry stands in the manifest */
	/* In-memory text instead of a file (tests, check DOC, fetched). */
	const char *inline_text;
	size_t inline_len;
};

/* A byte range of cleaned text and where it came from in the raw text. */
struct fc_segment {
	uint32_t clean_start, raw_start, len;
};

struct fc_sentence {
	uint32_t start, end; /* into cleaned text, trimmed */
	uint32_t line;       /* 1-based line in the raw file where it starts */
};

/* One kept or dropped block of the raw text (for boilerplate reports). */
struct fc_dropped {
	uint32_t raw_start, raw_end;
	const char *rule; /* boilerplate rule id */
};

struct fc_edits; /* src/pipeline/web.h */

struct fc_document {
	const struct fc_source *src;
	char *raw; /* file bytes, NUL-terminated */
	size_t raw_len;
	char sha256[65];
	const char *published; /* effective DCT: stated, else reference date */
	bool is_published_stated;
	const char *title; /* or NULL */
	char *text;        /* cleaned UTF-8 text, NUL-terminated */
	size_t text_len;
	struct fc_segment *segments; /* cleaned -> raw map, in order */
	size_t nsegments;
	struct fc_dropped *dropped;
	size_t ndropped;
	struct fc_sentence *sentences;
	size_t nsentences;
	struct fc_mention *mentions; /* sorted by start */
	size_t nmentions, capmentions;
	int32_t independent_group; /* 0-based group number */
	const char *canonical_url; /* rel=canonical or og:url of an HTML
				      source (absolute), or NULL */
	const struct fc_edits *edits; /* a URL source whose cached page
					 changed: how its facts changed,
					 or NULL */
	struct fc_piece *piece; /* one piece of a longer text, or NULL
				   (src/core/core.h) */
};

/* Why two sources are not independent (evidence for the report). */
enum fc_dep_reason { FC_DEP_DECLARED, FC_DEP_WIRE, FC_DEP_REUSE,
		     FC_DEP_CANONICAL };

struct fc_dependence {
	uint32_t a, b; /* document indexes, a < b */
	enum fc_dep_reason reason;
	double similarity; /* REUSE: estimated resemblance 0..1 */
	const char *detail; /* "Reuters", "derived_from", ... or NULL */
};

struct fc_corpus {
	struct fc_arena arena;
	const char *name, *title;
	const char *reference_date; /* YYYY-MM-DD or NULL */
	const char *dir;            /* folder of the corpus */
	const char *manifest;       /* path of corpus.yaml, or NULL */
	struct fc_source *sources;
	size_t nsources;
	struct fc_document *docs; /* one per source, same order */
	size_t ndocs;
	struct fc_fact *facts;
	size_t nfacts, capfacts;
	struct fc_finding *findings;
	size_t nfindings;
	int32_t ngroups; /* independent groups */
	struct fc_dependence *deps; /* pairs found dependent, sorted */
	size_t ndeps;
};

struct fc_corpus *fc_corpus_create(void);
void fc_corpus_destroy(struct fc_corpus *c); /* NULL is fine */

/* ---- Value helpers (src/core/value.c, src/core/timex.c) ---------------- */

/*
** Parse a TIMEX3 value ("2026-01-16", "2025-12", "2025", "2026-W03",
** "199", "XXXX-01-16", "P20Y", "PT3H", "2026-01-16TNI") into t, keeping
** t->type and t->mod as given by the caller when non-zero.
** Returns FC_ESYNTAX for a value it cannot read.
*/
fc_status fc_time_parse(const char *value, struct fc_time *t);
/* Days since 1970-01-01 for a proleptic Gregorian date. */
int32_t fc_days_from_civil(int y, int m, int d);
void fc_civil_from_days(int32_t z, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday */
int fc_weekday(int32_t days);
/* Parse "YYYY-MM-DD" strictly; false when invalid. */
bool fc_date_parse(const char *s, int *y, int *m, int *d);
/* The n ASCII digits at s as a number, or -1 when one is not a digit
** (a NUL stops it: s may be shorter than n). */
int fc_digits(const char *s, int n);

/* Canonical text of a value (entity id, timex value, "3e+09 USD", ...). */
char *fc_value_text(struct fc_arena *a, const struct fc_value *v);
/* Display text (labels instead of ids). */
char *fc_value_label(struct fc_arena *a, const struct fc_value *v);

const char *fc_grain_name(enum fc_grain g);
const char *fc_timex_type_name(enum fc_timex_type t);
const char *fc_timex_mod_name(enum fc_timex_mod m); /* NULL for NONE */
const char *fc_finding_status_name(enum fc_finding_status s);
const char *fc_entity_type_name(enum fc_entity_type t);

/* Find a slot by name; NULL when absent. */
const struct fc_slot *fc_fact_slot(const struct fc_fact *f, const char *name);

#endif
