/*
** write_sarif.c: the check report as SARIF 2.1.0.
**
** One run, tool.driver "factcross" with a rule per result kind: the
** check that found a contradiction ("call.date") or "unsupported". One
** result per failing claim (status at or above --fail-on), level
** "error"; located in DOC
** by region (columns in Unicode code points: run.columnKind says so),
** with the corpus sentences behind it as relatedLocations. Only
** properties the SARIF 2.1.0 schema defines are written; everything
** else goes into property bags.
*/
#include <stdlib.h>
#include <string.h>

#include "checkdoc/checkdoc_p.h"

#define SARIF_SCHEMA                                                      \
	"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"     \
	"schemas/sarif-schema-2.1.0.json"

/* A path as a URI reference: bytes outside the unreserved set and the
** path delimiters are percent-encoded. */
static const char *uri_of(struct fc_arena *a, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/!$&'()*+,;=@", c)) {
			fc_buf_addc(&b, (char)c);
		} else {
			fc_buf_addc(&b, '%');
			fc_buf_addc(&b, hex[c >> 4]);
			fc_buf_addc(&b, hex[c & 15]);
		}
	}
	const char *s = b.err ? "" : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s ? s : "";
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Sorted distinct rule ids of the results; *n set. */
static const char **result_rules(struct fc_arena *a,
				 const struct fc_checkdoc *cd,
				 enum fc_claim_status fail_on, size_t *n)
{
	const char **v = fc_arena_alloc(a, (cd->nclaims ? cd->nclaims : 1) *
						   sizeof(*v));
	size_t k = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < cd->nclaims; i++)
		if (cd->claims[i].status >= fail_on)
			v[k++] = cd_claim_rule(&cd->claims[i]);
	qsort(v, k, sizeof(*v), cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < k; i++)
		if (!u || strcmp(v[u - 1], v[i]))
			v[u++] = v[i];
	*n = u;
	return v;
}

static size_t rule_index(const char **rules, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(rules[i], id))
			return i;
	return 0;
}

static void sarif_rule(struct fc_jw *w, struct fc_arena *a, const char *id)
{
	bool is_unsupported = !strcmp(id, "unsupported");
	bool is_supported = !strcmp(id, "supported");
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, id);
	fc_jw_key(w, "shortDescription");
	fc_jw_obj(w);
	fc_jw_key(w, "text");
	fc_jw_str(w, is_unsupported ? "No source of the corpus reports the claim"
		     : is_supported ? "The corpus supports the claim"
			     : fc_arena_printf(a,
					       "The corpus contradicts the claim "
					       "(check %s)",
					       id));
	fc_jw_obj_end(w);
	fc_jw_key(w, "defaultConfiguration");
	fc_jw_obj(w);
	fc_jw_key(w, "level");
	fc_jw_str(w, "error");
	fc_jw_obj_end(w);
	fc_jw_obj_end(w);
}

static void sarif_region(struct fc_jw *w, uint32_t line, uint32_t col,
			 uint32_t end_line, uint32_t end_col)
{
	fc_jw_key(w, "region");
	fc_jw_obj(w);
	fc_jw_key(w, "startLine");
	fc_jw_int(w, line);
	if (col) {
		fc_jw_key(w, "startColumn");
		fc_jw_int(w, col);
		fc_jw_key(w, "endLine");
		fc_jw_int(w, end_line);
		fc_jw_key(w, "endColumn");
		fc_jw_int(w, end_col);
	}
	fc_jw_obj_end(w);
}

static void sarif_related(struct fc_jw *w, struct fc_arena *a,
			  const struct fc_checkdoc *cd,
			  const struct fc_evidence *e, size_t id)
{
	const struct fc_corpus *c = cd->corpus;
	const struct fc_source *s = e->doc < c->ndocs ? c->docs[e->doc].src
						     : NULL;
	const char *where = s ? (s->path ? s->path : s->url ? s->url : s->id)
			      : "?";
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_int(w, (int64_t)id);
	fc_jw_key(w, "physicalLocation");
	fc_jw_obj(w);
	fc_jw_key(w, "artifactLocation");
	fc_jw_obj(w);
	fc_jw_key(w, "uri");
	fc_jw_str(w, uri_of(a, where));
	fc_jw_obj_end(w);
	if (e->line)
		sarif_region(w, e->line, 0, 0, 0);
	fc_jw_obj_end(w);
	fc_jw_key(w, "message");
	fc_jw_obj(w);
	fc_jw_key(w, "text");
	fc_jw_str(w, fc_arena_printf(a, "%s %s: %s",
				     e->is_supporting ? "supports"
						      : "contradicts",
				     cd_source_id(c, e->doc),
				     cd_evidence_text(a, c, e)));
	fc_jw_obj_end(w);
	fc_jw_obj_end(w);
}

static void sarif_result(struct fc_jw *w, struct fc_arena *a,
			 const struct fc_checkdoc *cd,
			 const struct fc_claim *cl, const char **rules,
			 size_t nrules)
{
	const char *rule = cd_claim_rule(cl);
	fc_jw_obj(w);
	fc_jw_key(w, "ruleId");
	fc_jw_str(w, rule);
	fc_jw_key(w, "ruleIndex");
	fc_jw_int(w, (int64_t)rule_index(rules, nrules, rule));
	fc_jw_key(w, "level");
	fc_jw_str(w, "error");
	fc_jw_key(w, "message");
	fc_jw_obj(w);
	fc_jw_key(w, "text");
	fc_jw_str(w, fc_arena_printf(a, "%s: %s",
				     fc_claim_status_name(cl->status),
				     cl->message));
	fc_jw_obj_end(w);
	fc_jw_key(w, "locations");
	fc_jw_arr(w);
	fc_jw_obj(w);
	fc_jw_key(w, "physicalLocation");
	fc_jw_obj(w);
	fc_jw_key(w, "artifactLocation");
	fc_jw_obj(w);
	fc_jw_key(w, "uri");
	fc_jw_str(w, uri_of(a, cd->name));
	fc_jw_obj_end(w);
	sarif_region(w, cl->line, cl->column, cl->end_line, cl->end_column);
	fc_jw_obj_end(w);
	fc_jw_obj_end(w);
	fc_jw_arr_end(w);
	if (cl->nevidence) {
		fc_jw_key(w, "relatedLocations");
		fc_jw_arr(w);
		for (size_t k = 0; k < cl->nevidence; k++)
			sarif_related(w, a, cd, &cl->evidence[k], k + 1);
		fc_jw_arr_end(w);
	}
	fc_jw_key(w, "properties");
	fc_jw_obj(w);
	fc_jw_key(w, "status");
	fc_jw_str(w, fc_claim_status_name(cl->status));
	fc_jw_key(w, "claim");
	fc_jw_str(w, cl->text);
	fc_jw_obj_end(w);
	fc_jw_obj_end(w);
}

void cd_write_sarif(const struct fc_checkdoc *cd,
		    enum fc_claim_status fail_on, struct fc_buf *out)
{
	struct fc_jw w;
	struct fc_arena a;
	fc_arena_init(&a);
	size_t nrules = 0;
	const char **rules = result_rules(&a, cd, fail_on, &nrules);
	if (!rules) {
		out->err = FC_ENOMEM;
		fc_arena_finish(&a);
		return;
	}
	fc_jw_init(&w, out, true);
	fc_jw_obj(&w);
	fc_jw_key(&w, "$schema");
	fc_jw_str(&w, SARIF_SCHEMA);
	fc_jw_key(&w, "version");
	fc_jw_str(&w, "2.1.0");
	fc_jw_key(&w, "runs");
	fc_jw_arr(&w);
	fc_jw_obj(&w);
	fc_jw_key(&w, "tool");
	fc_jw_obj(&w);
	fc_jw_key(&w, "driver");
	fc_jw_obj(&w);
	fc_jw_key(&w, "name");
	fc_jw_str(&w, "factcross");
	fc_jw_key(&w, "version");
	fc_jw_str(&w, FC_VERSION);
	fc_jw_key(&w, "rules");
	fc_jw_arr(&w);
	for (size_t i = 0; i < nrules; i++)
		sarif_rule(&w, &a, rules[i]);
	fc_jw_arr_end(&w);
	fc_jw_obj_end(&w);
	fc_jw_obj_end(&w);
	fc_jw_key(&w, "columnKind");
	fc_jw_str(&w, "unicodeCodePoints");
	fc_jw_key(&w, "results");
	fc_jw_arr(&w);
	for (size_t i = 0; i < cd->nclaims; i++)
		if (cd->claims[i].status >= fail_on)
			sarif_result(&w, &a, cd, &cd->claims[i], rules,
				     nrules);
	fc_jw_arr_end(&w);
	fc_jw_key(&w, "properties");
	fc_jw_obj(&w);
	fc_jw_key(&w, "corpus");
	fc_jw_str(&w, cd->corpus->name);
	fc_jw_key(&w, "referenceDate");
	fc_jw_str(&w, cd->reference_date);
	fc_jw_key(&w, "failOn");
	fc_jw_str(&w, fc_claim_status_name(fail_on));
	fc_jw_key(&w, "claims");
	fc_jw_int(&w, (int64_t)cd->nclaims);
	for (int s = FC_CLAIM_SUPPORTED; s <= FC_CLAIM_CONTRADICTED; s++) {
		fc_jw_key(&w, fc_claim_status_name(s));
		fc_jw_int(&w, (int64_t)cd->counts[s]);
	}
	fc_jw_obj_end(&w);
	fc_jw_obj_end(&w);
	fc_jw_arr_end(&w);
	fc_jw_obj_end(&w);
	fc_buf_addc(out, '\n');
	fc_arena_finish(&a);
}
