/*
** report_diff.c: how the versions of a quote differ, word by word.
**
** A variant finding's versions (its values that are not partial) are
** each compared with the first version, the best supported one (src/check
** orders the values). Words are the normalised words of src/check
** (core/wdiff.h: case, punctuation and quote marks do not count) and
** the diff is a longest common subsequence of them (Myers, linear space).
** The result is a list of runs of words as written: the same in both,
** only in the first version (removed), only in this one (added). At most
** FC_WD_MAX_WORDS words of each version are compared, and at most
** FC_REP_MAX_DIFFS versions of one finding.
*/
#include <string.h>

#include "core/wdiff.h"
#include "report/report_p.h"

bool fc_rep_diff_ref(const struct fc_finding *fd, size_t *ref)
{
	if (fd->status != FC_FIND_VARIANT || !fd->values)
		return false;
	size_t nversions = 0;
	for (size_t i = 0; i < fd->nvalues; i++) {
		const struct fc_finding_value *fv = &fd->values[i];
		if (fv->is_partial)
			continue;
		if (fv->value.type != FC_VAL_TEXT || !fv->value.text)
			return false;
		if (!nversions++)
			*ref = i;
	}
	return nversions > 1;
}

int fc_rep_diff_wanted(const struct fc_finding *fd, size_t ref, size_t i)
{
	if (i == ref || i >= fd->nvalues || fd->values[i].is_partial)
		return 0;
	size_t k = 0; /* versions before i, the reference aside */
	for (size_t j = 0; j < i; j++)
		k += j != ref && !fd->values[j].is_partial;
	return k < FC_REP_MAX_DIFFS ? 1 : -1;
}

static bool push_run(struct fc_arena *a, struct fc_rep_diff *d, size_t *cap,
		     enum fc_rep_dop op, const char *text,
		     const struct fc_wd_text *t, size_t first, size_t last)
{
	void *g = fc_arena_grow(a, d->runs, sizeof(*d->runs), cap,
				d->nruns + 1);
	if (!g)
		return false;
	d->runs = g;
	d->runs[d->nruns++] = (struct fc_rep_drun){op, text, t->w[first].start,
						   t->w[last].end};
	return true;
}

bool fc_rep_word_diff(struct fc_arena *a, const char *ref, const char *var,
		      struct fc_rep_diff *out)
{
	memset(out, 0, sizeof(*out));
	struct fc_wd_text x, y;
	if (!fc_wd_split(a, ref, strlen(ref), &x) ||
	    !fc_wd_split(a, var, strlen(var), &y))
		return false;
	out->is_capped = x.is_capped || y.is_capped;
	struct fc_wd_text *t[2] = {&x, &y};
	bool *xs = fc_arena_alloc(a, x.n + 1), *ys = fc_arena_alloc(a, y.n + 1);
	if (!xs || !ys || !fc_wd_intern(a, t, 2))
		return false;
	uint32_t *xi = fc_wd_ids(a, &x), *yi = fc_wd_ids(a, &y);
	if ((x.n && !xi) || (y.n && !yi) ||
	    !fc_wd_lcs(a, xi, x.n, yi, y.n, xs, ys, NULL))
		return false;
	size_t i = 0, j = 0, cap = 0;
	while (i < x.n || j < y.n) {
		size_t i0 = i, j0 = j;
		enum fc_rep_dop op;
		if (i < x.n && !xs[i]) {
			while (i < x.n && !xs[i])
				i++;
			op = FC_REP_DEL;
		} else if (j < y.n && !ys[j]) {
			while (j < y.n && !ys[j])
				j++;
			op = FC_REP_INS;
		} else {
			while (i < x.n && j < y.n && xs[i] && ys[j])
				i++, j++;
			op = FC_REP_SAME;
		}
		if (i == i0 && j == j0)
			break; /* marks out of step: cannot happen */
		bool ok = op == FC_REP_DEL
				  ? push_run(a, out, &cap, op, ref, &x, i0,
					     i - 1)
				  : push_run(a, out, &cap, op, var, &y, j0,
					     j - 1);
		if (!ok)
			return false;
	}
	return true;
}
