/*
** report_p.h: private to src/report. The JSON writer shared by the JSON
** report and the JSON lines writers, and small helpers every format
** uses to read a corpus defensively (indexes checked, spans clamped).
*/
#ifndef FACTCROSS_REPORT_P_H
#define FACTCROSS_REPORT_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"
#include "factcross/fc_model.h"

/* ---- Format writers (one file each) ------------------------------------ */

fc_status fc_rep_write_json(const struct fc_corpus *c, struct fc_buf *out);
fc_status fc_rep_write_md(const struct fc_corpus *c, struct fc_buf *out);
fc_status fc_rep_write_html(const struct fc_corpus *c, struct fc_buf *out);
/* fc_report_facts_jsonl (report_jsonl.c) serves FC_FMT_JSONL. */

/* ---- Stealth edits (report_edits.c) ------------------------------------ */

struct fc_jw;

/* A writer's escaping of n bytes of source text. */
typedef void (*fc_rep_esc_fn)(struct fc_buf *b, const char *s, size_t n);
/* The edits section of each format; nothing when no source has edits. */
void fc_rep_edits_md(struct fc_buf *b, const struct fc_corpus *c,
		     fc_rep_esc_fn esc);
void fc_rep_edits_html(struct fc_buf *b, const struct fc_corpus *c,
		       fc_rep_esc_fn esc);
/* The member "edits" of the open report object. */
void fc_rep_edits_json(struct fc_jw *w, const struct fc_corpus *c);

/* ---- JSON values (report_jsonw.c; the writer fc_jw is in core.h) ----- */

/*
** A slot value: entity {"id","label"}, time its TIMEX3 value, quantity
** {"value","unit","low","high"} (missing parts omitted), text a string,
** int a number, list an array. Lists nest at most 8 deep (then null).
*/
void fc_rep_json_value(struct fc_jw *w, const struct fc_value *v);
/* Which bounds of q the JSON forms print ("low", "high"). */
void fc_rep_quantity_bounds(const struct fc_quantity *q, bool *has_lo,
			    bool *has_hi);
/* The members "value", "unit", "low", "high" into an open object. */
void fc_rep_json_quantity_fields(struct fc_jw *w,
				 const struct fc_quantity *q);
/* A fact object, as in the JSON report and in `extract` JSON lines. */
void fc_rep_json_fact(struct fc_jw *w, const struct fc_corpus *c,
		      const struct fc_fact *f);

/* ---- Corpus helpers (report.c) ----------------------------------------- */

/* The source of document di, or NULL when out of range. Borrowed. */
const struct fc_source *fc_rep_source(const struct fc_corpus *c, uint32_t di);
/* Its id, or "?" when out of range. Borrowed. */
const char *fc_rep_source_id(const struct fc_corpus *c, uint32_t di);
/* The document di, or NULL when out of range. Borrowed. */
const struct fc_document *fc_rep_doc(const struct fc_corpus *c, uint32_t di);
/* The published date as stated (manifest or article), or NULL. */
const char *fc_rep_published(const struct fc_corpus *c, uint32_t di);
/* The manifest's `file` as written, else the url, else NULL. */
const char *fc_rep_path(const struct fc_corpus *c, uint32_t di);

/*
** The text of fact f's sentence as [*start, *end) into doc->text,
** clamped to the text; falls back to the fact's own span when the
** sentence index is out of range. False when the fact has no document.
*/
bool fc_rep_fact_sentence(const struct fc_corpus *c, const struct fc_fact *f,
			  uint32_t *start, uint32_t *end);

/*
** The fact's span clamped to [lo, hi) and widened to whole UTF-8
** characters of text (a boundary never falls on a continuation byte).
** Empty (*start == *end) when the span does not meet [lo, hi).
*/
void fc_rep_mark_span(const char *text, uint32_t lo, uint32_t hi,
		      uint32_t fstart, uint32_t fend, uint32_t *start,
		      uint32_t *end);

/* The fact of index i, or NULL when out of range. */
const struct fc_fact *fc_rep_fact(const struct fc_corpus *c, uint32_t i);

/*
** Document indexes of the facts behind a finding value: sorted, without
** duplicates, allocated from a. *n is 0 (and NULL returned) when there
** are none or on out of memory (*is_oom set).
*/
uint32_t *fc_rep_value_docs(struct fc_arena *a, const struct fc_corpus *c,
			    const struct fc_finding_value *fv, size_t *n,
			    bool *is_oom);

/* Canonical text of a finding value (fv->text, else computed in a). */
const char *fc_rep_value_text(struct fc_arena *a,
			      const struct fc_finding_value *fv);
/* Its display label (the canonical text when the value has no type). */
const char *fc_rep_value_label(struct fc_arena *a,
			       const struct fc_finding_value *fv);

/*
** The next character of text at p (avail bytes left): its length when
** it is printable text (valid UTF-8, not a C0 or C1 control other than
** tab, LF and CR), else 0: the caller writes U+FFFD and skips *skip
** bytes (one per invalid byte, as fc_json_strn does).
*/
size_t fc_rep_text_char(const unsigned char *p, size_t avail, size_t *skip);

#define FC_REP_REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Statuses in report order: contradicted, corroborated, single-source, variant. */
extern const enum fc_finding_status fc_rep_status_order[4];
/* Display names: "Contradicted", ... */
const char *fc_rep_status_title(enum fc_finding_status s);

const char *fc_rep_severity_name(enum fc_severity s); /* info|warning|error */

/* A writer's escaped text: NULL or "" writes its placeholder. */
typedef void (*fc_rep_text_fn)(struct fc_buf *b, const char *s);
/* A finding's heading: its message, else "kind field". */
void fc_rep_finding_title(struct fc_buf *b, const struct fc_finding *fd,
			  fc_rep_text_fn text);
/* The key slots as "name: label; name: label". FC_ENOMEM when a label
** cannot be made (a is the scratch arena). */
fc_status fc_rep_key_labels(struct fc_buf *b, struct fc_arena *a,
			    const struct fc_finding *fd, fc_rep_text_fn text);
const char *fc_rep_polarity_name(enum fc_polarity p); /* asserted|negated */
const char *fc_rep_modality_name(enum fc_modality m); /* factual|reported|hedged */

/* ---- Quote diffs (report_diff.c) --------------------------------------- */

#define FC_REP_MAX_DIFFS 16 /* versions of one finding shown as a diff */

enum fc_rep_dop { FC_REP_SAME, FC_REP_DEL, FC_REP_INS };

/* A run of words as written: [start, end) of text. */
struct fc_rep_drun {
	enum fc_rep_dop op;
	const char *text; /* the first version (DEL) or this one */
	uint32_t start, end;
};

struct fc_rep_diff {
	struct fc_rep_drun *runs;
	size_t nruns;
	bool is_capped; /* a version has more words than were compared */
};

/*
** The value a variant finding's versions are compared with: the first
** value that is not partial. false when the finding shows no diff (not
** a variant, fewer than two versions, a version that is not text).
*/
bool fc_rep_diff_ref(const struct fc_finding *fd, size_t *ref);
/* Value i against the reference: 1 show a diff, 0 none (the reference,
** a fragment), -1 none because FC_REP_MAX_DIFFS versions came first. */
int fc_rep_diff_wanted(const struct fc_finding *fd, size_t ref, size_t i);
/* Words of var against ref (core/wdiff.h), runs allocated from a.
** false on out of memory. */
bool fc_rep_word_diff(struct fc_arena *a, const char *ref, const char *var,
		      struct fc_rep_diff *out);

/* ---- Sources and dependence (report_indep.c) --------------------------- */

/* "declared", "wire", "reuse", "canonical". */
const char *fc_rep_dep_reason_name(enum fc_dep_reason r);
/* Short label: "reuse 0.35", "wire Reuters", "declared" (unescaped). */
void fc_rep_dep_label(struct fc_buf *b, const struct fc_dependence *p);
/* Independent group of document di (its index when there is none). */
int32_t fc_rep_group_of(const struct fc_corpus *c, uint32_t di);
/* The document indexes v[0, n) (v NULL: 0..n-1) sorted by independent
** group, then index; from a, NULL on out of memory. */
uint32_t *fc_rep_by_group(struct fc_arena *a, const struct fc_corpus *c,
			  const uint32_t *v, size_t n);
/* Indexes into c->deps of the pairs whose documents exist, sorted by
** the pair's independent group, then index; from a, NULL on out of
** memory. */
size_t *fc_rep_deps_by_group(struct fc_arena *a, const struct fc_corpus *c,
			     size_t *n);
/* The inline SVG of the first ndocs sources and their dependence
** (errors in b's sticky error). */
void fc_rep_deps_svg(struct fc_buf *b, struct fc_arena *a,
		     const struct fc_corpus *c, size_t ndocs,
		     fc_rep_esc_fn esc);

#endif
