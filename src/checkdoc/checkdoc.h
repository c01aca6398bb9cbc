/*
** checkdoc.h: `factcross check DOC --against CORPUS`, the claims of one
** document judged against a verified corpus.
**
**   fc_checkdoc_run()    DOC bytes + verified corpus -> struct fc_checkdoc
**   fc_checkdoc_write()  json, sarif, junit, github, md, html, claimreview
**
** DOC goes through the same stages as a corpus source (text cleaning
** with Markdown stripped, mentions, claim patterns) in a corpus of its
** own, so its facts never join the corpus's clusters. Each fact of DOC
** is matched to the corpus facts of its kind whose cluster key (the
** checks' `key:` slots) is the same, and each compared field of the
** checks of that kind is judged with fc_values_compatible(). A claim is
** one sentence of DOC holding facts; its status is the worst of its
** facts': contradicted, then unsupported, then supported.
**
** Positions are 1-based lines and columns of the raw DOC file; columns
** count Unicode code points (an invalid byte counts as one), and
** end_column is the column just after the claim's last character (as
** SARIF's endColumn).
*/
#ifndef FACTCROSS_CHECKDOC_H
#define FACTCROSS_CHECKDOC_H

#include "factcross/fc.h"
#include "core/core.h"

/* In order of severity: a claim fails when its status >= --fail-on. */
enum fc_claim_status {
	FC_CLAIM_SUPPORTED,
	FC_CLAIM_UNSUPPORTED,
	FC_CLAIM_CONTRADICTED,
	FC_CLAIM_NEVER, /* as --fail-on only: no claim fails */
};

/* "supported", "unsupported", "contradicted" ("none" for NEVER). */
const char *fc_claim_status_name(enum fc_claim_status s);
/* Parse a status name; false when unknown. */
bool fc_claim_status_parse(const char *name, enum fc_claim_status *out);

/* The verdict of one check (one compared field) on one fact of DOC. */
struct fc_claim_field {
	const char *rule;  /* check id */
	const char *field; /* compared slot, or "polarity" */
	/* SUPPORTED: a compatible corpus value; CONTRADICTED: none of the
	** corpus values is compatible; UNSUPPORTED: incompatible under a
	** check whose conflicts are wordings (`conflict: variant`). */
	enum fc_claim_status status;
	const char *value; /* the claim's value (canonical text) */
	const char **corpus_values; /* distinct corpus values, canonical */
	size_t ncorpus_values;
	const char *message;
};

/* One fact of DOC and its verdict. */
struct fc_claim_fact {
	uint32_t fact; /* index into the DOC corpus's facts */
	enum fc_claim_status status;
	/* A frame ("the Kremlin said X") contains another fact of its
	** sentence; an unsupported frame does not count for the claim. */
	bool is_counted;
	struct fc_claim_field *fields;
	size_t nfields;
	size_t nmatches;        /* corpus facts with the same key */
	uint32_t *supporting;   /* those consistent with it (sorted) */
	size_t nsupporting;
	uint32_t *conflicting;  /* those with an incompatible value */
	size_t nconflicting;
	const char *message;
};

/* A corpus sentence behind a verdict. */
struct fc_evidence {
	uint32_t doc;        /* corpus document index */
	uint32_t sentence;   /* sentence index in that document */
	uint32_t start, end; /* the sentence in the document's cleaned text */
	uint32_t line;       /* raw line where the sentence starts */
	bool is_supporting;  /* agrees with the claim (else contradicts) */
	const uint32_t *facts; /* corpus fact indexes in that sentence */
	size_t nfacts;
};

/* One sentence of DOC with at least one fact. */
struct fc_claim {
	uint32_t sentence; /* index into the DOC document's sentences */
	uint32_t line, column, end_line, end_column;
	uint32_t raw_start, raw_end; /* byte range in the raw DOC */
	const char *text;  /* the sentence (cleaned text) */
	enum fc_claim_status status;
	const char *rule;  /* the check that decided a contradiction, or NULL */
	struct fc_claim_fact *facts;
	size_t nfacts;
	struct fc_evidence *evidence; /* in corpus order */
	size_t nevidence;
	const char *message;
};

struct fc_checkdoc {
	struct fc_arena arena;
	const struct fc_corpus *corpus; /* borrowed: verified corpus */
	struct fc_corpus *doc;  /* owned: DOC as a one-source corpus */
	const char *name;       /* DOC as named by the caller */
	const char *against;    /* the corpus as named by the caller */
	const char *reference_date; /* DCT used for DOC, or NULL */
	struct fc_claim *claims; /* in DOC order */
	size_t nclaims;
	size_t counts[3]; /* claims per enum fc_claim_status */
	size_t nsentences; /* sentences of DOC */
};

struct fc_checkdoc_opts {
	const char *name;    /* DOC path as shown in reports (borrowed) */
	const char *against; /* CORPUS as shown (borrowed) */
	const char *ref;     /* YYYY-MM-DD, or NULL: DOC's date line, else
				the corpus reference date */
	const char *syntax;  /* "md", "html" or "txt" whatever the name
				says (standard input), or NULL */
};

/*
** Judge the claims of DOC (data[0, len), any bytes; Markdown when the
** name ends in .md or .markdown, HTML for .html, else plain text, unless
** o->syntax says; diagnostics then name it "NAME.SYNTAX")
** against corpus c, which must have been through fc_verify. Borrows r
** and c until fc_checkdoc_destroy. Problems go to d. On success *out
** is set; the caller frees it with fc_checkdoc_destroy().
*/
fc_status fc_checkdoc_run(const struct fc_rules *r,
			  const struct fc_corpus *c, const char *data,
			  size_t len, const struct fc_checkdoc_opts *o,
			  struct fc_checkdoc **out, struct fc_diags *d);
void fc_checkdoc_destroy(struct fc_checkdoc *cd); /* NULL is fine */

/* ---- Output --------------------------------------------------------------- */

enum fc_check_format {
	FC_CHK_JSON, FC_CHK_SARIF, FC_CHK_JUNIT, FC_CHK_GITHUB, FC_CHK_MD,
	FC_CHK_HTML, FC_CHK_CLAIMREVIEW, FC_CHK_COUNT
};

/* "json" -> FC_CHK_JSON ...; false for an unknown name. */
bool fc_check_format_parse(const char *name, enum fc_check_format *out);
const char *fc_check_format_name(enum fc_check_format f);
/* File name suffix: "check.json", "sarif", "junit.xml", ... */
const char *fc_check_format_ext(enum fc_check_format f);

/*
** Append the report of cd in format f to out. fail_on decides which
** claims fail (SARIF results and GitHub errors, JUnit failures).
** Deterministic: the same input gives the same bytes. Every string from
** DOC or the corpus is escaped for the format.
*/
fc_status fc_checkdoc_write(const struct fc_checkdoc *cd,
			    enum fc_check_format f,
			    enum fc_claim_status fail_on, struct fc_buf *out);

/* Claims whose status is at or above fail_on. */
size_t fc_checkdoc_nfailing(const struct fc_checkdoc *cd,
			    enum fc_claim_status fail_on);

#endif
