/*
** fetch_source.c: fc_source_fetch, one URL fetched into the cache and
** compared with the copy it had: first copy, same body, a new version,
** or a failure that leaves the earlier copy where it was.
*/
#include <string.h>

#include "pipeline/pipeline_p.h"

/* Distinct versions in a history: runs of successful fetches with one
   body (failures in between do not end a run). */
static size_t count_versions(const struct fc_cached *h, size_t n)
{
	size_t nv = 0;
	const char *last = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!h[i].sha256[0])
			continue;
		if (!last || strcmp(last, h[i].sha256))
			nv++;
		last = h[i].sha256;
	}
	return nv;
}

fc_status fc_source_fetch(const struct fc_fetch_opts *o, struct fc_cache *cache,
			  const char *url, int64_t now,
			  struct fc_fetch_outcome *out, struct fc_diags *d)
{
	struct fc_arena a;
	struct fc_cached before, after, *h;
	bool had, has;
	size_t nh;
	memset(out, 0, sizeof(*out));
	fc_arena_init(&a);
	fc_status st = fc_cache_latest(cache, &a, url, &before, &had, d);
	if (st)
		goto out;
	fc_status fst = fc_fetch_url(o, cache, &a, url, now, &after, &has, d);
	if (fst == FC_ESQL || fst == FC_ENOMEM) {
		st = fst;
		goto out;
	}
	if ((st = fc_cache_history(cache, &a, url, false, &h, &nh, d)))
		goto out;
	out->has_copy = has;
	out->copy_fetched_at = has ? after.fetched_at : 0;
	out->body_len = has ? after.body_len : 0;
	out->nversions = count_versions(h, nh);
	out->is_not_modified = !fst && has && after.is_not_modified;
	if (fst)
		out->change = FC_FETCH_FAILED;
	else if (!had)
		out->change = FC_FETCH_FIRST;
	else if (!strcmp(before.sha256, after.sha256))
		out->change = FC_FETCH_SAME;
	else
		out->change = FC_FETCH_CHANGED;
	st = fst;
out:
	fc_arena_finish(&a);
	return st;
}
