/*
** claims_p.h: private to src/claims, the claim-pattern engine.
**
**   schema.c   the fact schema: `facts:` of claims files (kinds, slots)
**   expand.c   placeholders ({PERSON}, {ACTORS}, ...) -> PCRE2 syntax
**   load.c     kind: claims files -> struct rule (fc_claims_add/compile)
**   load_slots.c  the `slots:` of a rule
**   tagged.c   a sentence with its mentions -> the tagged string
**   entities.c tokens, groups, list heads, entities by id, as: country
**   anchor.c   a duration before or after a reference date
**   fill.c     a match -> slot values, stance, facts
**   match.c    fc_claims_doc: run the rules over every sentence
**   jit.c      compiling a regex; interpreted until hot, then JIT
**   lit.c      the literals a pattern needs (a sentence without them
**              is skipped)
**
** A sentence is matched as a "tagged string": every top-level entity,
** time and quantity mention is replaced by a token "\x01<class><n>\x02"
** where <class> is one letter (see enum tok_class) and <n> the index of
** the mention in doc->mentions. Everything else is the sentence text,
** with typographic quotes folded to ASCII.
*/
#ifndef FACTCROSS_CLAIMS_P_H
#define FACTCROSS_CLAIMS_P_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>

#include "core/lazyre.h"
#include "stages.h"

#define TOK_OPEN '\x01'
#define TOK_CLOSE '\x02'

/* ---- Schema (schema.c) ------------------------------------------------- */

/* Slot types; their YAML names are in schema.c. */
enum slot_type {
	SLOT_LIST,        /* list: list of entities */
	SLOT_ENTITY,      /* entity: one entity */
	SLOT_ENTITY_TEXT, /* entity_or_text: an entity when the group is one
			  ** mention, else text */
	SLOT_TIME,        /* time: a DATE or TIME */
	SLOT_DURATION,    /* duration: a time DURATION */
	SLOT_TEXT,        /* text */
	SLOT_INT,         /* int */
	SLOT_QUANTITY,    /* quantity */
};

/* One slot of a fact kind (names point into the YAML tree). */
struct slot_def {
	const char *name;
	enum slot_type type;
	bool is_required; /* a fact without it is not emitted */
	size_t min_items; /* lists: fewer items and the fact is not emitted */
};

/* A fact kind of the `facts:` schema (rules arena). */
struct fact_kind {
	const char *name;
	struct slot_def *slots;
	size_t nslots;
	struct fc_srcloc loc; /* its key in the YAML */
};

struct loader;

/* Read the `facts:` mapping of a claims file into ld->cl->kinds. */
void cl_schema_add(struct loader *ld, const struct fc_ynode *n);
const struct fact_kind *cl_schema_kind(const struct fc_claims *cl,
				       const char *name);
/* Nearest kind name within edit distance 2, or NULL. */
const char *cl_schema_suggest_kind(const struct fc_claims *cl,
				   const char *name);
/* Report "unknown fact kind" at n, with a suggestion or the known kinds. */
void cl_schema_unknown_kind(struct loader *ld, const struct fc_ynode *n,
			    const char *name);
const struct slot_def *cl_schema_slot(const struct fact_kind *k,
				      const char *name);
const char *cl_schema_suggest_slot(const struct fact_kind *k, const char *name);
/* The type in words, for messages ("a list of entities"). */
const char *cl_schema_slot_type_name(enum slot_type t);

/* ---- Placeholders (expand.c) ------------------------------------------- */

/* A placeholder defined in a claims file (`placeholders:`). */
struct user_ph {
	const char *name;
	const struct fc_ynode *node; /* its regex fragment */
	struct fc_rulefile file;     /* where it is defined */
	bool is_replaced, is_broken, is_checked;
};

/* Why an expansion failed. */
struct expand_err {
	fc_status code;    /* FC_ESCHEMA, FC_ELIMIT or FC_ENOMEM */
	size_t off, len;   /* the placeholder in the text as written */
	const char *name;  /* the placeholder's name (NUL-terminated copy) */
	const char *suggest; /* nearest known name, or NULL */
	bool is_silent;    /* a broken user placeholder: reported already */
	char buf[64];
};

/*
** Expand placeholders in src[0, len) into *out (NUL-terminated,
** malloc'd, caller frees); (*map)[i] (malloc'd, caller frees, out_len + 1
** entries) is the offset in src of expanded byte i (a placeholder's
** bytes map to its '{'). User placeholders come from cl (may be NULL).
** On failure *e says what and where.
*/
fc_status cl_expand_placeholders(const struct fc_claims *cl, const char *src,
			      size_t len, char **out, size_t **map,
			      size_t *out_len, struct expand_err *e);
/* Is NAME (not NUL-terminated) a built-in placeholder? */
bool cl_is_builtin_placeholder(const char *name, size_t n);

/* ---- Rules (load.c) ---------------------------------------------------- */

enum fill_from {
	FROM_GROUP,     /* from the named groups */
	FROM_SENTENCE,  /* first free mention of the slot's type */
	FROM_ITEM,      /* the current item of `each` */
	FROM_POSITION,  /* 1-based position of the current item */
	FROM_PRECEDING, /* the items before the current one */
	FROM_SPEAKER,   /* quote rules: the quote's speaker */
	FROM_QUOTE,     /* quote rules: the quote's inner text */
	FROM_VALUE,     /* a constant */
};

enum anchor { ANCHOR_NONE, ANCHOR_PUBLISHED, ANCHOR_SENTENCE };

struct text_map {
	const char *canon;
	const char **variants; /* lower-case, single spaces */
	size_t nvariants;
};

struct slot_spec {
	const struct slot_def *def;
	enum fill_from from;
	bool with_item;  /* group(s) plus the current item (lists) */
	bool is_country; /* as: country */
	int *groups;     /* indexes into rule->names */
	size_t ngroups;
	const char *value;
	struct text_map *map;
	size_t nmap;
	enum anchor anchor;
	int anchor_sign; /* -1 before, +1 after */
	int item_of;     /* filled only for items of this group, or -1 */
};

/* ---- Regexes (jit.c) -------------------------------------------------- */

/* A claim regex is a struct fc_lazy_re (core/lazyre.h): interpreted
** until hot, then its JIT copy, by the policy struct fc_claims keeps. */

/* The default policy (measured: see jit.c). */
#define CL_JIT_SIZE_PCT 100u
#define CL_JIT_MATCHES 4u

/* Compile a claim regex (PCRE2_UTF | PCRE2_DUPNAMES), no JIT; on error
** NULL with the PCRE2 error code and offset. */
pcre2_code *cl_compile_regex(const char *x, size_t len, int *ecode,
			     size_t *eoff);
/*
** cl_compile_regex through the persistent cache (core/cache_p.h): a
** regex of the file "claims-<hash of cl's rule files>.fcc" whose text is
** x[0, len) is handed out as a copy, else x is compiled (and kept for
** the file). cl_cache_done, at the end of fc_claims_compile, writes the
** file when a regex was compiled or one of the file's went unused, and
** frees what the cache holds.
*/
struct fc_claims;
struct cl_cache;
pcre2_code *cl_compile_cached(struct fc_claims *cl, const char *x,
			      size_t len, int *ecode, size_t *eoff);
void cl_cache_done(struct fc_claims *cl);
/* How many of the claim regexes of cl have a JIT copy (tests). */
size_t cl_jit_count(const struct fc_claims *cl);

/* ---- Literals (lit.c) -------------------------------------------------- */

/* Strings (ASCII lower case), one of which every match contains. */
struct cl_litset {
	const char **s;
	size_t *len;
	size_t n;
};

/* What every match of a pattern contains: one string of each set (no
** sets: nothing known, the pattern is always tried). */
struct cl_lits {
	struct cl_litset *sets;
	size_t nsets;
};

#define CL_LITS_MAX 4    /* sets kept: the most selective */
#define CL_LITS_MINLEN 3 /* a set with a shorter string is not kept */

/* The sets of the expanded pattern re[0, len) (in a); none when it uses
** syntax lit.c does not read. FC_ENOMEM: none either. */
fc_status cl_lits_analyze(struct fc_arena *a, const char *re, size_t len,
			  struct cl_lits *out);
/* s[0, len) folded as the sets are compared (ASCII lower case; U+017F
** and U+212A as s and k) into out (len bytes): the folded length. */
size_t cl_fold(const char *s, size_t len, char *out);
/* Does the folded subject contain a string of every set? */
bool cl_lits_present(const struct cl_lits *l, const char *folded, size_t len);

/* A pattern's literals, read on its first try: a corpus pays only for
** the patterns it reaches. */
struct cl_lazylits {
	const char *src; /* the expanded pattern (rules arena) */
	size_t len;
	atomic_uint state; /* not read, being read, read */
	struct fc_arena a; /* the sets, once read */
	struct cl_lits lits;
};

void cl_lazylits_init(struct cl_lazylits *z, const char *src, size_t len);
void cl_lazylits_free(struct cl_lazylits *z);
/* The sets, read now if not yet; NULL while another thread reads them. */
const struct cl_lits *cl_lazylits_get(struct cl_lazylits *z);
bool cl_lazylits_is_read(struct cl_lazylits *z);

/* One compiled pattern of a rule. */
struct pattern {
	struct fc_lazy_re re;
	struct cl_lazylits lits; /* a sentence without them is not tried */
	/* gnum[i][0, ngnum[i]): the group numbers of rule->names[i] here
	** (several with duplicate names, none when this pattern lacks it) */
	uint32_t **gnum;
	size_t *ngnum;
};

enum rule_source { SRC_PATTERN, SRC_QUOTE };

struct rule {
	const char *id;
	const char *file;
	struct fc_srcloc loc;
	const struct fact_kind *kind;
	enum rule_source source;
	struct pattern *pats;
	size_t npats;
	struct fc_lazy_re *req; /* `requires:` prefilter, or NULL */
	const char **names; /* named groups used by any pattern */
	size_t nnames;
	struct slot_spec *slots;
	size_t nslots;
	int *each; /* indexes into names */
	size_t neach;
	long long priority;
	size_t seq; /* load order */
	bool is_replaced;
	bool is_broken; /* a pattern failed to compile */
};

/* A rule as read by fc_claims_add, compiled by fc_claims_compile. */
struct rule_src {
	const char *id; /* NULL when missing or not a string */
	const struct fc_ynode *node;
	struct fc_rulefile file;
	bool is_replaced;
};

struct fc_claims {
	struct fact_kind **kinds; /* the schema, in order of first
				  ** declaration; a later one replaces
				  ** (malloc'd array, kinds in the arena) */
	size_t nkinds, capkinds;
	struct rule_src *srcs; /* in load order (malloc'd) */
	size_t nsrcs, capsrcs;
	struct user_ph *phs;   /* in load order (malloc'd) */
	size_t nphs, capphs;
	struct rule **rules; /* every loaded rule, load order (malloc'd) */
	size_t nrules, caprules;
	struct rule **active; /* after compile: by priority, then load order */
	size_t nactive;
	uint32_t maxpairs; /* largest capture count + 1 */
	struct fc_lazy_policy jit; /* when a regex gets its JIT copy */
	struct fc_timing *timing; /* --time: where fc_claims_doc adds its
				  ** counts (pipeline/timing.h), or NULL */
	struct cl_cache *cache; /* compiled regexes from the cache, while
				** fc_claims_compile runs (jit.c) */
	/* what the cache did (tests): regexes taken from it and compiled,
	** files written */
	size_t ncache_hits, ncache_misses, ncache_writes;
};

/* What is being loaded from one file (load.c, load_slots.c). */
struct loader {
	struct fc_rules *r;
	struct fc_claims *cl;
	const struct fc_rulefile *file;
	struct fc_diags *d;
	struct fc_arena *a;
	size_t nerr;
};

void cl_load_err(struct loader *ld, fc_status code,
		 const struct fc_srcloc *loc, const char *fmt, ...)
	FC_PRINTF(4, 5);
/* Index of a named group in rule->names, or -1. */
int cl_name_index(const struct rule *ru, const char *name);
/* Parse the filling of slot `key` into sp; false (reported) on error. */
bool cl_parse_spec(struct loader *ld, struct rule *ru, struct slot_spec *sp,
		   const struct fc_ynode *key, const struct fc_ynode *n);

/* ---- Matching ---------------------------------------------------------- */

enum tok_class {
	TOK_PERSON = 'P', TOK_COUNTRY = 'C', TOK_GOV = 'G', TOK_ORG = 'O',
	TOK_CITY = 'Y', TOK_GROUP = 'R', TOK_OTHER = 'E', TOK_DATE = 'D',
	TOK_DURATION = 'U', TOK_SET = 'S', TOK_QUANTITY = 'Q',
};

/* A sentence as the patterns see it. */
struct tagged {
	char *s;       /* the tagged string, NUL-terminated */
	size_t len, cap;
	uint32_t *lo, *hi; /* byte i of s covers text[lo[i], hi[i]) */
	size_t capmap;
	uint32_t sentence;
	uint32_t mfirst, mend; /* mentions of the sentence: [mfirst, mend) */
};

void cl_tagged_finish(struct tagged *t);
/* Build t for sentence si of doc (doc->mentions sorted by start). */
fc_status cl_tagged_build(struct tagged *t, const struct fc_document *doc,
		       uint32_t si);
char cl_tok_class_of(const struct fc_mention *m);

/* Country labels found so far (alpha-2 -> label), per document run. */
struct label_cache {
	char code[8];
	const char *label;
};

/* A match being turned into facts. */
struct match_ctx {
	struct fc_corpus *c;
	uint32_t di;
	const struct fc_document *doc;
	const struct tagged *t;
	const struct rule *rule;
	const struct pattern *pat;
	const PCRE2_SIZE *ov;     /* ovector of the match (pattern rules) */
	uint32_t start, end;      /* the match in the cleaned text */
	const struct fc_mention *quote; /* quote rules: the quote */
	size_t sent_first;        /* first fact of the current sentence */
	/* sorted entity mentions of the document (built on demand) */
	const struct fc_mention **ents;
	size_t nents;
	bool is_ents_built;
	struct label_cache *labels;
	size_t nlabels, caplabels;
	/* entities of other documents looked up by id (group members) */
	const struct fc_entity **others;
	const char **other_ids;
	size_t nothers, capothers, capother_ids;
};

/* Entities gathered for a slot (malloc'd, caller frees v). */
struct elist {
	struct fc_entity *v;
	size_t n, cap;
	bool is_oom;
};

#define MAX_HEADS 64

bool cl_is_entity_class(char c);
/* The next token opening in [*i, e): its mention index, or -1. */
long cl_next_token(const struct match_ctx *m, size_t *i, size_t e, char *cls);
/* The tagged span of rule name gi in the current match, if it matched. */
bool cl_group_span(const struct match_ctx *m, int gi, size_t *s, size_t *e);
/* Tagged span [s, e) -> cleaned-text span. */
void cl_text_span(const struct match_ctx *m, size_t s, size_t e, uint32_t *lo,
		  uint32_t *hi);
/* Add e to l (group entities as their members; as_country maps). */
void cl_add_entity(struct match_ctx *m, struct elist *l,
		   const struct fc_entity *e, bool as_country);
/* The heads (mention indexes) of the coordinated items of [s, e). */
size_t cl_span_heads(const struct match_ctx *m, size_t s, size_t e,
		     long *heads, size_t max);
void cl_add_span_entities(struct match_ctx *m, struct elist *l, size_t s,
			  size_t e, bool as_country);
/*
** The date `sign` (-1 before, +1 after) the duration dur from the
** reference ref ("YYYY[-MM[-DD]]"), at the duration's grain.
*/
bool cl_anchored_time(const char *dur, const char *ref, int sign,
		      struct fc_time *out);

/*
** Emit the facts of one match (several when the rule has `each`),
** appended with fc_corpus_push_fact. *nemitted counts them.
*/
fc_status cl_fill_facts(struct match_ctx *m, size_t *nemitted);
/* Free what fill_facts cached in m (not the facts). */
void cl_match_ctx_finish(struct match_ctx *m);

#endif
