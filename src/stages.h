/*
** stages.h: the interface between the pipeline and its modules.
**
** Each module owns one kind of rule file and one stage:
**
**   src/text     kind: boilerplate   raw bytes -> cleaned text, sentences
**   src/extract  kind: normalizer    cleaned text -> time/quantity mentions
**                kind: lexicon       cleaned text -> entity, quote,
**                                    attribution, negation, hedge mentions
**   src/claims   kind: claims        sentences + mentions -> facts
**   src/check    kind: checks        facts -> clusters -> findings
**
** A module's rule loader is called once per file of its kind
** (fc_X_add), then once after all files are in (fc_X_compile) to
** resolve overrides and build its tables. Stage functions never print;
** problems go to struct fc_diags with a position.
*/
#ifndef FACTCROSS_STAGES_H
#define FACTCROSS_STAGES_H

#include "factcross/fc_model.h"
#include "factcross/fc_rules.h"
#include "core/core.h"

/* ---- Rule loading (one pair per module) -------------------------------- */

/* file: the loaded file (root is a mapping, kind already checked). */
fc_status fc_boiler_add(struct fc_rules *r, const struct fc_rulefile *file,
			struct fc_diags *d);
fc_status fc_boiler_compile(struct fc_rules *r, struct fc_diags *d);
void fc_boiler_destroy(struct fc_boiler *b);

fc_status fc_norm_add(struct fc_rules *r, const struct fc_rulefile *file,
		      struct fc_diags *d);
fc_status fc_norm_compile(struct fc_rules *r, struct fc_diags *d);
void fc_norm_destroy(struct fc_norm *n);

fc_status fc_lexicon_add(struct fc_rules *r, const struct fc_rulefile *file,
			 struct fc_diags *d);
/* Also reads r->iso_codes (Debian iso-codes ISO 3166-1 JSON). */
fc_status fc_lexicon_compile(struct fc_rules *r, struct fc_diags *d);
void fc_lexicon_destroy(struct fc_lexicon *l);

fc_status fc_claims_add(struct fc_rules *r, const struct fc_rulefile *file,
			struct fc_diags *d);
fc_status fc_claims_compile(struct fc_rules *r, struct fc_diags *d);
void fc_claims_destroy(struct fc_claims *c);
/*
** The fact schema (the `facts:` of claims files, read by fc_claims_add)
** for other modules' rules: the type of slot `slot` of fact kind `kind`
** as its YAML name (list, entity, entity_or_text, time, duration, text,
** int, quantity); with slot NULL, the kind's name. NULL when the kind
** (or the slot) is not declared; then *suggest, if suggest is not NULL,
** is the nearest declared kind (or slot of the kind) name, or NULL.
*/
const char *fc_claims_slot_type(const struct fc_rules *r, const char *kind,
				const char *slot, const char **suggest);

fc_status fc_checks_add(struct fc_rules *r, const struct fc_rulefile *file,
			struct fc_diags *d);
fc_status fc_checks_compile(struct fc_rules *r, struct fc_diags *d);
void fc_checks_destroy(struct fc_checks *c);

fc_status fc_indep_add(struct fc_rules *r, const struct fc_rulefile *file,
		       struct fc_diags *d);
fc_status fc_indep_compile(struct fc_rules *r, struct fc_diags *d);
void fc_indep_destroy(struct fc_indep *x);

fc_status fc_html_add(struct fc_rules *r, const struct fc_rulefile *file,
		      struct fc_diags *d);
fc_status fc_html_compile(struct fc_rules *r, struct fc_diags *d);
void fc_html_destroy(struct fc_html *h);

/* ---- Stages ------------------------------------------------------------ */

/*
** Text: doc->raw (any bytes) -> doc->text (valid UTF-8, boilerplate
** removed), doc->segments, doc->dropped, doc->sentences, doc->title.
** Also takes a leading "date YYYY-MM-DD" line as the published date when
** the manifest gives none. Invalid UTF-8 is replaced by U+FFFD with a
** warning naming file:line:col. Allocates from a.
*/
fc_status fc_text_clean(const struct fc_rules *r, struct fc_arena *a,
			struct fc_document *doc, struct fc_diags *d);

/* CR and CRLF line ends of text[0, n) to LF in place, the length kept
** (utf8.c): for text whose offsets are the input's (normalize). */
void fc_text_fold_cr(char *t, size_t n);

/*
** Sentence split of text[0, len) (used by fc_text_clean and by check
** DOC). Does not split after abbreviations (U.S., Jan., Mr.), initials,
** decimals, or inside quotes that continue the sentence. The
** abbreviation list comes from the rules (r may be NULL: none).
*/
fc_status fc_text_sentences(const struct fc_rules *r, struct fc_arena *a,
			    const char *text, size_t len,
			    struct fc_sentence **out, size_t *nout);

/*
** The raw byte offset of cleaned offset
** off of doc (for line:column in the raw file). A byte the cleaner made
** up (U+FFFD, the blank line between paragraphs, a decoded entity) maps
** to where the verbatim run before it ends. is_end: off ends a range
** (the result is the raw end of that range).
*/
uint32_t fc_text_raw_offset(const struct fc_document *doc, uint32_t off,
			    bool is_end);

/* Append a zeroed mention to doc (arena-grown); NULL on out of memory. */
struct fc_mention *fc_doc_push_mention(struct fc_arena *a,
				       struct fc_document *doc);

/*
** Times and quantities of doc->text, resolved against doc->published.
** Appends mentions (any order); fc_mentions_finish() sorts them.
*/
fc_status fc_norm_doc(const struct fc_rules *r, struct fc_arena *a,
		      struct fc_document *doc, struct fc_diags *d);

/*
** Entities (with within-document coreference), quotes with speakers,
** attributions, negation and hedge cues. Runs after fc_norm_doc, so it
** can skip spans already taken by times and quantities.
*/
fc_status fc_lexicon_doc(const struct fc_rules *r, struct fc_arena *a,
			 struct fc_document *doc, struct fc_diags *d);

/* Sort doc->mentions by (start, -end) and set each mention's sentence. */
void fc_mentions_finish(struct fc_document *doc);

/*
** Across documents (src/pipeline/people.c), once every document has its
** mentions: an unlisted person or name that can only be one person of
** two or more words among the names of c and of with (NULL: c alone)
** takes that person's id, label and type, in c's entity mentions and
** speakers. "Winston Blackmore" and "Blackmore" are "Winston K.
** Blackmore" when he is the only such person; "Bush" beside two Bushes
** stays as it is; a person the lexicon read (listed, or after a title)
** keeps its id. FC_ENOMEM leaves c partly linked.
*/
fc_status fc_people_link(struct fc_corpus *c, const struct fc_corpus *with);

/* Facts of document di, appended to c->facts. */
fc_status fc_claims_doc(const struct fc_rules *r, struct fc_corpus *c,
			uint32_t di, struct fc_diags *d);
/* Append a zeroed fact to c (id assigned); NULL on out of memory. */
struct fc_fact *fc_corpus_push_fact(struct fc_corpus *c);

/*
** Clusters and findings over all of c->facts, using each document's
** independent_group. Sets c->findings, sorted by (kind, rule, id).
*/
fc_status fc_checks_run(const struct fc_rules *r, struct fc_corpus *c,
			struct fc_diags *d);

/*
** Independence: set every document's independent_group (0-based, dense,
** in document order) and c->ngroups from declared derived_from, shared
** wire credits and text reuse. Runs after the text stage.
*/
fc_status fc_indep_groups(const struct fc_rules *r, struct fc_corpus *c,
			  struct fc_diags *d);

/*
** Are two values compatible under a comparison named by a check
** ("time", "duration", "quantity", "entity", "set", "list-order",
** "text", "quote", "polarity")? quote: identical words, or one quote a
** fragment of the other. tolerance: relative for quantities, seconds for
** times and durations.
*/
bool fc_values_compatible(const char *compare, double tolerance,
			  const struct fc_value *a, const struct fc_value *b);

#endif
