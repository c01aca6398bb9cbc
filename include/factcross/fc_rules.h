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
	unsigned kinds; /* FC_KIND_* read by their modules (the others are
			   parsed as YAML only) */
	bool is_no_tests; /* FC_LOAD_NO_TESTS: every `tests:` list is kept
			     empty (a run that does not test its rules) */
	char hash[65]; /* sha256 over every loaded file, in load order
			  (fc_rules_load; "" after fc_rules_load_kinds of
			  some kinds only) */
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

/* Rule kinds, for fc_rules_load_kinds(). */
enum {
	FC_KIND_BOILERPLATE = 1u << 0,
	FC_KIND_CHECKS = 1u << 1,
	FC_KIND_CLAIMS = 1u << 2,
	FC_KIND_HTML = 1u << 3,
	FC_KIND_INDEPENDENCE = 1u << 4,
	FC_KIND_LEXICON = 1u << 5,
	FC_KIND_NORMALIZER = 1u << 6,
	FC_KIND_ALL = (1u << 7) - 1,
	/* what reading a text needs: sentences, times, quantities, entities */
	FC_KIND_TEXT = FC_KIND_BOILERPLATE | FC_KIND_LEXICON |
		       FC_KIND_NORMALIZER,
	/*
	** Not a kind: with the kinds, for a run that does not test its
	** rules (verify, check, normalize; never test or lint). The golden
	** tests of a file are not kept (they are a third to a half of the
	** YAML): a `tests:` block list that ends its file (every built-in
	** file) is not parsed at all, so a YAML error inside it (syntax,
	** alias, nesting, a repeated key) is reported by `factcross test`
	** and `factcross lint` only; `tests:` anywhere else is parsed
	** without keeping its items (a sequence or mapping reads as one
	** with none) and every problem there reported as before. Every
	** other diagnostic is that of a full load, file:line:col and all
	** (`tests:` of the wrong type included); a file whose loader checks
	** its cases itself (kind: html) is parsed whole. The rules hash is
	** unchanged.
	*/
	FC_LOAD_NO_TESTS = 1u << 16,
};
/*
** fc_rules_load() for the modules in kinds only (`factcross normalize`
** starts faster without the claim and check patterns). A file of
** another kind is known by its first YAML events and read no further,
** so a YAML error after its `kind:` goes unreported here; a file's
** trailing `tests:` block list is not parsed either, as under
** FC_LOAD_NO_TESTS (the whole file is parsed again when the part before
** it has a problem, so diagnostics there are the same). fc_rules_load()
** (`test`, `lint`) reports everything.
*/
fc_status fc_rules_load_kinds(const char *const *dirs, int with_builtin,
			      unsigned kinds, struct fc_rules **out,
			      struct fc_diags *d);
void fc_rules_destroy(struct fc_rules *r);

/* Directory of the built-in suite (borrowed, static storage). */
const char *fc_rules_builtin_dir(void);

#endif
