/*
** ruletest.h: golden tests written inside rule files (`tests:`).
*/
#ifndef FACTCROSS_RULETEST_H
#define FACTCROSS_RULETEST_H

#include "factcross/fc.h"
#include "core/core.h"

/*
** Outcomes per rule id: an `expect` entry produced is a true positive,
** one not produced a false negative, a `reject` entry produced a false
** positive. An entry is credited to the `rule:` it names, else to the
** rule of the item that matched it (or, for a miss, of the nearest item
** when that one matches at least half of the entry's fields), else to
** "(none)".
*/
struct fc_rule_stat {
	char *rule; /* owned */
	size_t tp, fp, fn;
};

struct fc_test_counts {
	size_t nfiles;   /* rule files with tests */
	size_t ncases;   /* cases run */
	size_t nfailed;  /* cases with at least one failed expectation */
	size_t nexpect;  /* expect entries checked */
	size_t nmissed;  /* expect entries not produced (false negatives) */
	size_t nrejected; /* reject entries that were produced (false positives) */
	size_t nreject;  /* reject entries checked */
	struct fc_rule_stat *rules; /* sorted by rule id after the run */
	size_t nrules, caprules;
};

/* Free counts->rules (the counts themselves are the caller's). */
void fc_test_counts_finish(struct fc_test_counts *counts);

/*
** Run the golden cases of every loaded rule file (or only files whose
** path ends with one of only[], NULL-terminated, when only is not NULL).
** A human-readable log goes to out. A failing case opens with
** "FAIL path:line (name)", then one line per failing expectation as
** "path:line:col: FAIL: ...": a missed one with the nearest produced
** item and, field by field, what was expected and what it has; a
** rejected one with the item that matched it; then every item the case
** produced. is_verbose adds "ok   path:line (name)" per passing case
** and a summary per file. Problems with the cases themselves (unknown
** keys, wrong types) go to d. counts is reset first; the caller frees
** it with fc_test_counts_finish().
*/
fc_status fc_rules_test(const struct fc_rules *r, const char *const *only,
			int is_verbose, struct fc_buf *out,
			struct fc_test_counts *counts, struct fc_diags *d);

#endif
