/*
** checkdoc_p.h: private to src/checkdoc.
**
**   run.c      fc_checkdoc_run: DOC through the stages, claims, positions
**   match.c    one fact of DOC against the corpus, through the checks
**   escape.c   escaping for Markdown, HTML/XML and workflow commands
**   write.c    the format table, GitHub annotations, JUnit XML
**   write_json.c   json (factcross/check-1) and ClaimReview JSON-LD
**   write_sarif.c  SARIF 2.1.0
**   write_doc.c    Markdown and HTML
*/
#ifndef FC_CHECKDOC_P_H
#define FC_CHECKDOC_P_H

#include "checkdoc/checkdoc.h"
#include "check/check_p.h"

/* Corpus facts of one check, keyed by their cluster key. */
struct cd_keyed {
	const char *key;
	uint32_t fact;
};

struct cd_index {
	bool is_built;
	struct cd_keyed *v; /* sorted by (key, fact) */
	size_t n;
};

/*
** Matches facts of DOC to the corpus. Reads the compiled checks
** (r->checks, through check_p.h); builds the key index of a check the
** first time a fact of its kind is judged.
*/
struct cd_matcher {
	const struct fc_corpus *c;    /* the verified corpus */
	const struct fc_corpus *dc;   /* DOC's corpus */
	const struct fc_checks *cs;   /* NULL: no checks loaded */
	struct fc_arena *a;           /* the result's arena */
	struct cd_index *idx;         /* one per cs->live[i] */
	struct fc_buf b;
};

fc_status cd_matcher_init(struct cd_matcher *m, const struct fc_rules *r,
			  const struct fc_corpus *c,
			  const struct fc_corpus *dc, struct fc_arena *a);
void cd_matcher_finish(struct cd_matcher *m);

/*
** Judge fact fi of DOC into out (status, fields, supporting and
** conflicting corpus facts, message), allocating from m->a.
** out->is_counted is left for the caller.
*/
fc_status cd_match_fact(struct cd_matcher *m, uint32_t fi,
			struct fc_claim_fact *out);

/* Source ids of the documents of facts[0, n), sorted by document and
** joined with ", "; *nindep counts their independent groups. */
char *cd_source_list(struct fc_arena *a, const struct fc_corpus *c,
		     const uint32_t *facts, size_t n, uint32_t *nindep);

/* ---- Escaping (escape.c) ---------------------------------------------- */

/* HTML and XML text and attribute values: & < > " ' as entities,
** invalid UTF-8 and control characters (but tab, LF) as U+FFFD. */
void cd_esc_xml(struct fc_buf *b, const char *s);
/* Markdown inline text: markup characters backslash-escaped, & < >
** as entities, line breaks as spaces. */
void cd_esc_md(struct fc_buf *b, const char *s);
/* Workflow-command data (after '::'): % CR LF as %25 %0D %0A. With
** is_property also : and , (%3A %2C). */
void cd_esc_gh(struct fc_buf *b, const char *s, bool is_property);

/* ---- Writers ------------------------------------------------------------ */

void cd_write_json(const struct fc_checkdoc *cd, enum fc_claim_status fail_on,
		   struct fc_buf *out);
void cd_write_claimreview(const struct fc_checkdoc *cd, struct fc_buf *out);
void cd_write_sarif(const struct fc_checkdoc *cd,
		    enum fc_claim_status fail_on, struct fc_buf *out);
void cd_write_md(const struct fc_checkdoc *cd, enum fc_claim_status fail_on,
		 struct fc_buf *out);
void cd_write_html(const struct fc_checkdoc *cd,
		   enum fc_claim_status fail_on, struct fc_buf *out);

/* Source id of corpus document di ("?" when out of range). */
const char *cd_source_id(const struct fc_corpus *c, uint32_t di);
/* The text of evidence e (its sentence), allocated from a. */
const char *cd_evidence_text(struct fc_arena *a, const struct fc_corpus *c,
			     const struct fc_evidence *e);
/* The claim's rule id for reports: the deciding check, else the status. */
const char *cd_claim_rule(const struct fc_claim *cl);

#endif
