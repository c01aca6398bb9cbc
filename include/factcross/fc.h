/*
** fc.h: libfactcross, cross-verification of facts across news sources.
**
**   fc_corpus_load()   corpus.yaml or a folder -> struct fc_corpus
**   fc_rules_load()    the YAML rule suite     -> struct fc_rules
**   fc_verify()        text, mentions, facts, findings (and the store)
**   fc_report_write()  Markdown, HTML, JSON
*/
#ifndef FACTCROSS_FC_H
#define FACTCROSS_FC_H

#include "fc_error.h"
#include "fc_model.h"
#include "fc_report.h"
#include "fc_rules.h"
#include "fc_store.h"

#define FC_VERSION "0.1.0"

/*
** Load a corpus from a corpus.yaml manifest, a folder holding one, or a
** folder without one (every .txt/.md/.html file is a source). Manifest
** problems are reported with file:line:col and give FC_ESYNTAX or
** FC_ESCHEMA; source files are not read yet (fc_verify reads them).
** Caller frees *out with fc_corpus_destroy().
*/
fc_status fc_corpus_load(const char *path, struct fc_corpus **out,
			 struct fc_diags *d);

/* Add an in-memory source (tests, check DOC). Strings are copied. */
fc_status fc_corpus_add_text(struct fc_corpus *c, const char *id,
			     const char *published, const char *text,
			     size_t len);

/* Progress callback: stage name, items done, items in all. */
typedef void (*fc_progress_fn)(void *ud, const char *stage, size_t done,
			       size_t total);

struct fc_verify_opts {
	struct fc_store *store;  /* or NULL: nothing is stored */
	fc_progress_fn progress; /* or NULL */
	void *progress_ud;
	int stop_after; /* 0 all, 1 text, 2 mentions, 3 facts */
};

/*
** Run every stage over c: read and clean each source, find mentions,
** extract facts, group sources into independent groups, run the checks.
** A source that cannot be read is an FC_EINPUT error naming it; nothing
** stored by an earlier stage is lost.
*/
fc_status fc_verify(const struct fc_rules *r, struct fc_corpus *c,
		    const struct fc_verify_opts *opts, struct fc_diags *d);

/*
** Mentions of one text (factcross normalize, check DOC): the text is
** taken as it is (no boilerplate removal), so offsets into doc->text
** are the input's up to its first invalid UTF-8 byte; each is replaced
** by U+FFFD (three bytes) first. ref is the
** published date (YYYY-MM-DD) or NULL. The document is added to c.
*/
fc_status fc_normalize_text(const struct fc_rules *r, struct fc_corpus *c,
			    const char *ref, const char *text, size_t len,
			    struct fc_document **out, struct fc_diags *d);

#endif
