/*
** report_json.c: the `verify --format json` report (schema
** "factcross/report-1", DESIGN.md). Keys in a fixed order, two-space
** indentation, a trailing newline; nothing from the clock or the
** environment, so the same corpus gives the same bytes.
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
