/*
** fc_rules.h: the rule suite (all YAML under rules/ plus --rules DIRs).
**
** Every rule file is a YAML mapping with a top-level `kind:` naming the
** module that reads it:
**
**   kind: boilerplate   text module: lines and blocks that are not article
**   kind: normalizer    times and quantities (PCRE2 patterns + productions)
**   kind: lexicon       entities, aliases, titles, cue words
**   kind: claims        claim patterns: sentences -> typed facts
**   kind: checks        cluster keys and field comparisons -> findings
**   kind: independence  wire credits, reuse thresholds -> source groups
**   kind: html          main-content selection for HTML pages
**
** and an optional `tests:` list of golden cases (see docs/rules.md).
** A rule whose id is already loaded replaces the earlier one, so a
** --rules DIR can override the built-in suite rule by rule.
*/
#ifndef FACTCROSS_FC_RULES_H
#define FACTCROSS_FC_RULES_H

#include "fc_error.h"
#include "fc_model.h"

struct fc_ynode;

/* One loaded rule file. */
struct fc_rulefile {
	const char *path; /* as shown in diagnostics */
	const char *real; /* canonical path: a file is loaded once */
	const char *kind;
	char *data;       /* file bytes */
	size_t len;
	struct fc_ynode *root;
};

struct fc_rules {
	struct fc_arena arena;
	struct fc_rulefile *files;
	size_t nfiles, capfiles;
	struct fc_boiler *boiler;   /* src/text */
	struct fc_norm *norm;       /* src/extract (times, quantities) */
	struct fc_lexicon *lexicon; /* src/extract (entities, cues) */
	struct fc_claims *claims;   /* src/claims */
	struct fc_checks *checks;   /* src/check */
	struct fc_indep *indep;     /* src/indep (kind: independence) */
	struct fc_html *html;       /* src/fetch (kind: html) */
	char hash[65]; /* sha256 over every loaded file, in load order */
	const char *iso_codes; /* path of iso_3166-1.json, or NULL */
};

/*
** Load the built-in suite, then each of dirs (NULL-terminated, may be
** NULL) in order. Every problem is reported to d; the result is
** FC_ESYNTAX/FC_ESCHEMA/FC_EREGEX when any file had an error.
** On success *out is set; the caller frees it with fc_rules_destroy().
** The built-in suite is found at FACTCROSS_RULES (environment) or the
** directory compiled in at build time.
*/
fc_status fc_rules_load(const char *const *dirs, int with_builtin,
			struct fc_rules **out, struct fc_diags *d);
void fc_rules_destroy(struct fc_rules *r);

/* Directory of the built-in suite (borrowed, static storage). */
const char *fc_rules_builtin_dir(void);

#endif
