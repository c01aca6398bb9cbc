/*
** ruletest.h: golden tests written inside rule files (`tests:`).
*/
#ifndef FACTCROSS_RULETEST_H
#define FACTCROSS_RULETEST_H

#include "factcross/fc.h"
#include "core/core.h"

struct fc_test_counts {
	size_t nfiles;   /* rule files with tests */
	size_t ncases;   /* cases run */
	size_t nfailed;  /* cases with at least one failed expectation */
	size_t nexpect;  /* expect entries checked */
	size_t nmissed;  /* expect entries not produced (false negatives) */
	size_t nrejected; /* reject entries that were produced (false positives) */
};

/*
** Run the golden cases of every loaded rule file (or only files whose
** path ends with one of only[], NULL-terminated, when only is not NULL).
** A human-readable log goes to out: one line per failing expectation as
** "path:line:col: FAIL ...", with the items the case produced, and a
** summary per file when is_verbose. Problems with the cases themselves
** (unknown keys, wrong types) go to d.
*/
fc_status fc_rules_test(const struct fc_rules *r, const char *const *only,
			int is_verbose, struct fc_buf *out,
			struct fc_test_counts *counts, struct fc_diags *d);

#endif
