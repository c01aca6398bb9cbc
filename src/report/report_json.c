/*
** report_json.c: the `verify --format json` report (schema
** "factcross/report-1", DESIGN.md). Keys in a fixed order, two-space
** indentation, a trailing newline; nothing from the clock or the
** environment, so the same corpus gives the same bytes.
**
** Beyond DESIGN.md: "dependence" lists every dependent pair of sources
** ({a, b, reason, similarity, detail}); a finding value that is a
** fragment of a longer quote has "partial": true, and each other
** version of a variant quote a "diff" against the first version: runs
** of words as written, {"op": "same" | "removed" | "added", "text"}
** ("diff_capped": true when only the first words were compared).
*/
#include <string.h>

#include "report/report_p.h"

#define REPORT_SCHEMA "factcross/report-1"

static void json_corpus(struct fc_jw *w, const struct fc_corpus *c)
{
	fc_jw_key(w, "corpus");
	fc_jw_obj(w);
	fc_jw_key(w, "name");
	fc_jw_str(w, c->name);
	fc_jw_key(w, "title");
	fc_jw_str(w, c->title);
	fc_jw_key(w, "reference_date");
	fc_jw_str(w, c->reference_date);
	fc_jw_obj_end(w);
}

static size_t nsources(const struct fc_corpus *c)
{
	return c->docs && c->ndocs ? c->ndocs : c->nsources;
}

static void json_source(struct fc_jw *w, const struct fc_corpus *c,
			uint32_t di)
{
	const struct fc_document *doc = fc_rep_doc(c, di);
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, fc_rep_source_id(c, di));
	const struct fc_source *s = fc_rep_source(c, di);
	fc_jw_key(w, "outlet");
	fc_jw_str(w, s ? s->outlet : NULL);
	fc_jw_key(w, "published");
	fc_jw_str(w, fc_rep_published(c, di));
	fc_jw_key(w, "path");
	fc_jw_str(w, fc_rep_path(c, di));
	fc_jw_key(w, "sha256");
	fc_jw_str(w, doc && doc->sha256[0] ? doc->sha256 : NULL);
	fc_jw_key(w, "independent_group");
	fc_jw_int(w, doc ? doc->independent_group : (int64_t)di);
	fc_jw_key(w, "title");
	fc_jw_str(w, doc ? doc->title : NULL);
	fc_jw_key(w, "dropped");
	fc_jw_int(w, doc && doc->dropped ? (int64_t)doc->ndropped : 0);
	fc_jw_obj_end(w);
}

static void json_dependence(struct fc_jw *w, const struct fc_corpus *c)
{
	fc_jw_key(w, "dependence");
	fc_jw_arr(w);
	for (size_t k = 0; c->deps && k < c->ndeps; k++) {
		const struct fc_dependence *p = &c->deps[k];
		fc_jw_obj(w);
		fc_jw_key(w, "a");
		fc_jw_str(w, fc_rep_source_id(c, p->a));
		fc_jw_key(w, "b");
		fc_jw_str(w, fc_rep_source_id(c, p->b));
		fc_jw_key(w, "reason");
		fc_jw_str(w, fc_rep_dep_reason_name(p->reason));
		fc_jw_key(w, "similarity");
		if (p->reason == FC_DEP_REUSE)
			fc_jw_num(w, p->similarity);
		else
			fc_jw_null(w);
		fc_jw_key(w, "detail");
		fc_jw_str(w, p->detail);
		fc_jw_obj_end(w);
	}
	fc_jw_arr_end(w);
}

/* The member "diff": version var against ref, runs of words. */
static fc_status json_diff(struct fc_jw *w, struct fc_arena *a,
			   const char *ref, const char *var)
{
	static const char *const ops[] = {
		[FC_REP_SAME] = "same", [FC_REP_DEL] = "removed",
		[FC_REP_INS] = "added",
	};
	struct fc_rep_diff d;
	if (!fc_rep_word_diff(a, ref, var, &d))
		return FC_ENOMEM;
	fc_jw_key(w, "diff");
	fc_jw_arr(w);
	for (size_t i = 0; i < d.nruns; i++) {
		fc_jw_obj(w);
		fc_jw_key(w, "op");
		fc_jw_str(w, ops[d.runs[i].op]);
		fc_jw_key(w, "text");
		fc_jw_strn(w, d.runs[i].text + d.runs[i].start,
			   d.runs[i].end - d.runs[i].start);
		fc_jw_obj_end(w);
	}
	fc_jw_arr_end(w);
	if (d.is_capped) {
		fc_jw_key(w, "diff_capped");
		fc_jw_bool(w, true);
	}
	return FC_OK;
}

static void json_source_ids(struct fc_jw *w, const struct fc_corpus *c,
			    const uint32_t *v, size_t n)
{
	fc_jw_arr(w);
	for (size_t i = 0; v && i < n; i++)
		fc_jw_str(w, fc_rep_source_id(c, v[i]));
	fc_jw_arr_end(w);
}

static fc_status json_finding(struct fc_jw *w, struct fc_arena *a,
			      const struct fc_corpus *c,
			      const struct fc_finding *fd)
{
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, fd->id);
	fc_jw_key(w, "rule");
	fc_jw_str(w, fd->rule);
	fc_jw_key(w, "status");
	fc_jw_str(w, fc_finding_status_name(fd->status));
	fc_jw_key(w, "severity");
	fc_jw_str(w, fc_rep_severity_name(fd->severity));
	fc_jw_key(w, "kind");
	fc_jw_str(w, fd->kind);
	fc_jw_key(w, "field");
	fc_jw_str(w, fd->field);
	fc_jw_key(w, "key");
	fc_jw_obj(w);
	for (size_t i = 0; fd->key && i < fd->nkey; i++) {
		if (!fd->key[i].name)
			continue;
		fc_jw_key(w, fd->key[i].name);
		fc_rep_json_value(w, &fd->key[i].value);
	}
	fc_jw_obj_end(w);
	fc_jw_key(w, "values");
	fc_jw_arr(w);
	size_t ref;
	bool has_ref = fc_rep_diff_ref(fd, &ref);
	for (size_t i = 0; fd->values && i < fd->nvalues; i++) {
		const struct fc_finding_value *fv = &fd->values[i];
		bool is_oom = false;
		size_t ndocs;
		uint32_t *docs = fc_rep_value_docs(a, c, fv, &ndocs, &is_oom);
		const char *text = fc_rep_value_text(a, fv);
		if (is_oom || !text)
			return FC_ENOMEM;
		fc_jw_obj(w);
		fc_jw_key(w, "value");
		fc_jw_str(w, text);
		fc_jw_key(w, "sources");
		json_source_ids(w, c, docs, ndocs);
		fc_jw_key(w, "facts");
		fc_jw_arr(w);
		for (size_t k = 0; fv->facts && k < fv->nfacts; k++) {
			const struct fc_fact *f = fc_rep_fact(c, fv->facts[k]);
			if (f)
				fc_jw_str(w, f->id);
		}
		fc_jw_arr_end(w);
		if (fv->is_partial) {
			fc_jw_key(w, "partial");
			fc_jw_bool(w, true);
		}
		if (has_ref && fc_rep_diff_wanted(fd, ref, i) > 0) {
			fc_status st = json_diff(w, a,
						 fd->values[ref].value.text,
						 fv->value.text);
			if (st)
				return st;
		}
		fc_jw_obj_end(w);
	}
	fc_jw_arr_end(w);
	fc_jw_key(w, "sources");
	json_source_ids(w, c, fd->sources, fd->nsources);
	fc_jw_key(w, "independent_sources");
	fc_jw_int(w, fd->independent_sources);
	fc_jw_key(w, "message");
	fc_jw_str(w, fd->message);
	fc_jw_obj_end(w);
	return FC_OK;
}

fc_status fc_rep_write_json(const struct fc_corpus *c, struct fc_buf *out)
{
	struct fc_arena a;
	struct fc_jw w;
	fc_status st = FC_OK;

	fc_arena_init(&a);
	fc_jw_init(&w, out, true);
	fc_jw_obj(&w);
	fc_jw_key(&w, "schema");
	fc_jw_str(&w, REPORT_SCHEMA);
	json_corpus(&w, c);

	fc_jw_key(&w, "sources");
	fc_jw_arr(&w);
	for (size_t i = 0; i < nsources(c); i++)
		json_source(&w, c, (uint32_t)i);
	fc_jw_arr_end(&w);
	json_dependence(&w, c);

	fc_jw_key(&w, "facts");
	fc_jw_arr(&w);
	for (size_t i = 0; c->facts && i < c->nfacts; i++)
		fc_rep_json_fact(&w, c, &c->facts[i]);
	fc_jw_arr_end(&w);

	fc_jw_key(&w, "findings");
	fc_jw_arr(&w);
	for (size_t i = 0; c->findings && i < c->nfindings; i++) {
		st = json_finding(&w, &a, c, &c->findings[i]);
		if (st)
			goto fail;
	}
	fc_jw_arr_end(&w);
	fc_rep_edits_json(&w, c);
	fc_jw_obj_end(&w);
	fc_buf_addc(out, '\n');
	st = out->err;
fail:
	fc_arena_finish(&a);
	return st;
}
