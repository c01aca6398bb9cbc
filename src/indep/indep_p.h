/*
** indep_p.h: private interface of the independence module (src/indep).
**
**   load.c     kind: independence rule files -> struct fc_indep
**   wire.c     wire credits, datelines and bylines -> per-document keys
**   shingle.c  cleaned text -> word shingles, sentence shingles, MinHash
**   reuse.c    LSH candidates and exact scores -> reused pairs
**   groups.c   fc_indep_groups: declared + wire + reuse -> groups, deps
**
** Nothing here knows a news story: agency names, credit patterns, quote
** marks and thresholds all come from the rule files of kind independence.
*/
#ifndef FACTCROSS_INDEP_P_H
#define FACTCROSS_INDEP_P_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "stages.h"

/* A wire agency: the names that credit it, and its display name. */
struct agency {
	const char *id;
	const char *name;     /* display name, the dependence detail */
	const char **aliases; /* literal, case-sensitive */
	size_t naliases;
	/* Names that credit the agency only inside a dateline's
	** parentheses ("ANKARA (AA) -"), too ambiguous anywhere else. */
	const char **dateline_aliases;
	size_t ndateline_aliases;
	const struct fc_ynode *node;
};

/*
** A credit rule: a PCRE2 pattern (multi-line mode) whose match marks a
** document as carrying a credit. The agency comes from `{agency}` in
** the pattern (expanded to a named group over every alias; the
** dateline aliases too with `{dateline_agency}`), or from a fixed
** `agency:`; a named group `byline` keys the credit by the reporters'
** names instead.
*/
struct credit {
	const char *id;
	const char *pattern; /* as written */
	const char *agency;  /* fixed agency id, or NULL */
	uint32_t within;     /* match must start in the first N bytes; 0 any */
	const struct fc_ynode *node, *pattern_node, *agency_node;
	pcre2_code *re;
	bool is_compiled_ok;
};

/* Text-reuse settings (one `reuse:` mapping; later files override keys). */
struct reuse_cfg {
	bool is_enabled;	/* some file had a reuse: mapping */
	uint32_t shingle;	/* words per shingle */
	uint32_t hashes, bands; /* document MinHash and LSH bands */
	uint32_t sentence_hashes, sentence_bands;
	uint64_t seed;
	uint32_t min_sentence_shingles;
	double resemblance;
	uint32_t resemblance_min_shingles;
	double containment;
	uint32_t containment_min_shingles;
	double sentence_match, sentence_fraction;
	uint32_t sentence_min_matched;
	uint32_t max_bucket;
	uint64_t max_sentence_pairs;
	/* Quoted spans are left out of shingles (a shared quote is not a
	** copy): any opener up to the nearest closer within quote_max_len
	** bytes, not across a blank line. */
	const char **quote_open, **quote_close;
	size_t nquote_open, nquote_close;
	uint32_t quote_max_len;
};

struct fc_indep {
	struct agency *agencies;
	size_t nagencies, capagencies;
	struct credit *credits;
	size_t ncredits, capcredits;
	struct reuse_cfg reuse;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
};

/* ---- wire.c ------------------------------------------------------------ */

/* A credit found in one document: key "agency:<id>" or "byline:<names>". */
struct wire_key {
	const char *key;
	const char *detail; /* agency display name or the byline as written */
	uint32_t doc;
};

/*
** Credits of document di (cleaned text, or the raw bytes when there is
** no cleaned text, plus the raw bytes of dropped blocks, plus the
** manifest outlet) appended to *keys (grown in a). Deduplicated per
** document.
*/
fc_status indep_wire_keys(const struct fc_indep *x, struct fc_arena *a,
			  const struct fc_document *doc, uint32_t di,
			  struct wire_key **keys, size_t *nkeys, size_t *cap);

/* ---- shingle.c --------------------------------------------------------- */

/*
** Shingle features of one document. Sentence arrays hold only the
** eligible sentences (at least min_sentence_shingles shingles).
*/
struct doc_feat {
	uint64_t *sh; /* sorted, unique word shingles of the document */
	size_t nsh;
	uint64_t *ssh; /* sentence shingles, each run sorted and unique */
	uint32_t *soff; /* nsent + 1 offsets into ssh */
	uint32_t nsent;
	uint64_t *sig; /* cfg->hashes values (NULL when nsh == 0) */
	uint64_t *ssig; /* nsent * cfg->sentence_hashes */
};

/* The text the module reads: cleaned text, else the raw bytes. */
const char *indep_doc_text(const struct fc_document *doc, size_t *len);

fc_status indep_features(const struct reuse_cfg *cfg, struct fc_arena *a,
			 const struct fc_document *doc, struct doc_feat *f);

/* |a & b| of two sorted unique arrays. */
size_t indep_intersect(const uint64_t *a, size_t na, const uint64_t *b,
		       size_t nb);

/* The value of LSH band b of a signature (r values from sig[b * r]). */
uint64_t indep_band_key(uint32_t kind, uint32_t b, const uint64_t *sig,
			uint32_t r);

/* ---- reuse.c ----------------------------------------------------------- */

/* Exact scores of one pair of documents. */
struct reuse_score {
	double resemblance; /* |A & B| / |A | B| */
	double containment; /* |A & B| / min(|A|, |B|) */
	double fraction;    /* best side: matched / eligible sentences */
	uint32_t matched, eligible; /* of the side that gave fraction */
	size_t nmin;		    /* shingles of the smaller document */
};

void indep_score_pair(const struct reuse_cfg *cfg, const struct doc_feat *fa,
		      const struct doc_feat *fb, struct reuse_score *s);

/*
** Is the pair reused under cfg? On true *sim is the measure that
** decided and *detail its name ("resemblance", "containment",
** "sentences").
*/
bool indep_is_reuse(const struct reuse_cfg *cfg, const struct reuse_score *s,
		    double *sim, const char **detail);

/* A candidate pair a < b packed as a << 32 | b. */
fc_status indep_candidates(const struct reuse_cfg *cfg, struct fc_arena *a,
			   const struct doc_feat *f, size_t n, uint64_t **out,
			   size_t *nout);

#endif
