/*
** write_json.c: the check report as JSON (schema "factcross/check-1",
** DESIGN.md) and as schema.org ClaimReview JSON-LD.
**
** Both use the report module's JSON writer (report_p.h), which escapes
** every string and writes invalid UTF-8 as U+FFFD, and fixed key order.
*/
#include <string.h>

#include "checkdoc/checkdoc_p.h"
#include "report/report_p.h"

#define CHECK_SCHEMA "factcross/check-1"

static const char *polarity_name(enum fc_polarity p)
{
	return p == FC_POL_NEGATED ? "negated" : "asserted";
}

static const char *modality_name(enum fc_modality m)
{
	static const char *const names[] = {"factual", "reported", "hedged"};
	return (size_t)m < 3 ? names[m] : "factual";
}

static void json_field(struct fc_jw *w, const struct fc_claim_field *cf)
{
	fc_jw_obj(w);
	fc_jw_key(w, "rule");
	fc_jw_str(w, cf->rule);
	fc_jw_key(w, "field");
	fc_jw_str(w, cf->field);
	fc_jw_key(w, "status");
	fc_jw_str(w, fc_claim_status_name(cf->status));
	fc_jw_key(w, "value");
	fc_jw_str(w, cf->value);
	fc_jw_key(w, "corpus_values");
	fc_jw_arr(w);
	for (size_t i = 0; i < cf->ncorpus_values; i++)
		fc_jw_str(w, cf->corpus_values[i]);
	fc_jw_arr_end(w);
	fc_jw_key(w, "message");
	fc_jw_str(w, cf->message);
	fc_jw_obj_end(w);
}

static void json_fact_ids(struct fc_jw *w, const struct fc_corpus *c,
			  const uint32_t *v, size_t n)
{
	fc_jw_arr(w);
	for (size_t i = 0; i < n; i++)
		fc_jw_str(w, v[i] < c->nfacts ? c->facts[v[i]].id : NULL);
	fc_jw_arr_end(w);
}

static void json_fact(struct fc_jw *w, const struct fc_checkdoc *cd,
		      const struct fc_claim_fact *cf)
{
	const struct fc_fact *f = &cd->doc->facts[cf->fact];
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, f->id);
	fc_jw_key(w, "kind");
	fc_jw_str(w, f->kind);
	fc_jw_key(w, "rule");
	fc_jw_str(w, f->rule);
	fc_jw_key(w, "status");
	fc_jw_str(w, fc_claim_status_name(cf->status));
	fc_jw_key(w, "counted");
	fc_jw_bool(w, cf->is_counted);
	fc_jw_key(w, "slots");
	fc_jw_obj(w);
	for (size_t i = 0; i < f->nslots; i++) {
		fc_jw_key(w, f->slots[i].name);
		fc_rep_json_value(w, &f->slots[i].value);
	}
	fc_jw_obj_end(w);
	fc_jw_key(w, "polarity");
	fc_jw_str(w, polarity_name(f->polarity));
	fc_jw_key(w, "modality");
	fc_jw_str(w, modality_name(f->modality));
	fc_jw_key(w, "attribution");
	fc_jw_str(w, f->attribution);
	fc_jw_key(w, "checks");
	fc_jw_arr(w);
	for (size_t i = 0; i < cf->nfields; i++)
		json_field(w, &cf->fields[i]);
	fc_jw_arr_end(w);
	fc_jw_key(w, "matches");
	fc_jw_int(w, (int64_t)cf->nmatches);
	fc_jw_key(w, "supporting");
	json_fact_ids(w, cd->corpus, cf->supporting, cf->nsupporting);
	fc_jw_key(w, "conflicting");
	json_fact_ids(w, cd->corpus, cf->conflicting, cf->nconflicting);
	fc_jw_key(w, "message");
	fc_jw_str(w, cf->message);
	fc_jw_obj_end(w);
}

static void json_evidence(struct fc_jw *w, struct fc_arena *a,
			  const struct fc_checkdoc *cd,
			  const struct fc_evidence *e)
{
	const struct fc_corpus *c = cd->corpus;
	fc_jw_obj(w);
	fc_jw_key(w, "source");
	fc_jw_str(w, cd_source_id(c, e->doc));
	fc_jw_key(w, "sentence");
	fc_jw_str(w, cd_evidence_text(a, c, e));
	fc_jw_key(w, "span");
	fc_jw_arr(w);
	fc_jw_int(w, e->start);
	fc_jw_int(w, e->end);
	fc_jw_arr_end(w);
	fc_jw_key(w, "line");
	if (e->line)
		fc_jw_int(w, e->line);
	else
		fc_jw_null(w);
	fc_jw_key(w, "supports");
	fc_jw_bool(w, e->is_supporting);
	fc_jw_key(w, "facts");
	json_fact_ids(w, c, e->facts, e->nfacts);
	fc_jw_obj_end(w);
}

static void json_claim(struct fc_jw *w, struct fc_arena *a,
		       const struct fc_checkdoc *cd, const struct fc_claim *cl,
		       enum fc_claim_status fail_on)
{
	fc_jw_obj(w);
	fc_jw_key(w, "line");
	fc_jw_int(w, cl->line);
	fc_jw_key(w, "column");
	fc_jw_int(w, cl->column);
	fc_jw_key(w, "end_line");
	fc_jw_int(w, cl->end_line);
	fc_jw_key(w, "end_column");
	fc_jw_int(w, cl->end_column);
	fc_jw_key(w, "bytes");
	fc_jw_arr(w);
	fc_jw_int(w, cl->raw_start);
	fc_jw_int(w, cl->raw_end);
	fc_jw_arr_end(w);
	fc_jw_key(w, "text");
	fc_jw_str(w, cl->text);
	fc_jw_key(w, "status");
	fc_jw_str(w, fc_claim_status_name(cl->status));
	fc_jw_key(w, "fails");
	fc_jw_bool(w, cl->status >= fail_on);
	fc_jw_key(w, "rule");
	fc_jw_str(w, cl->rule);
	fc_jw_key(w, "facts");
	fc_jw_arr(w);
	for (size_t i = 0; i < cl->nfacts; i++)
		json_fact(w, cd, &cl->facts[i]);
	fc_jw_arr_end(w);
	fc_jw_key(w, "evidence");
	fc_jw_arr(w);
	for (size_t i = 0; i < cl->nevidence; i++)
		json_evidence(w, a, cd, &cl->evidence[i]);
	fc_jw_arr_end(w);
	fc_jw_key(w, "message");
	fc_jw_str(w, cl->message);
	fc_jw_obj_end(w);
}

void cd_write_json(const struct fc_checkdoc *cd, enum fc_claim_status fail_on,
		   struct fc_buf *out)
{
	struct fc_jw w;
	struct fc_arena a;
	fc_arena_init(&a);
	fc_jw_init(&w, out, true);
	fc_jw_obj(&w);
	fc_jw_key(&w, "schema");
	fc_jw_str(&w, CHECK_SCHEMA);
	fc_jw_key(&w, "document");
	fc_jw_str(&w, cd->name);
	fc_jw_key(&w, "against");
	fc_jw_str(&w, cd->against);
	fc_jw_key(&w, "corpus");
	fc_jw_str(&w, cd->corpus->name);
	fc_jw_key(&w, "reference_date");
	fc_jw_str(&w, cd->reference_date);
	fc_jw_key(&w, "fail_on");
	fc_jw_str(&w, fc_claim_status_name(fail_on));
	fc_jw_key(&w, "summary");
	fc_jw_obj(&w);
	fc_jw_key(&w, "sentences");
	fc_jw_int(&w, (int64_t)cd->nsentences);
	fc_jw_key(&w, "claims");
	fc_jw_int(&w, (int64_t)cd->nclaims);
	for (int s = FC_CLAIM_SUPPORTED; s <= FC_CLAIM_CONTRADICTED; s++) {
		fc_jw_key(&w, fc_claim_status_name(s));
		fc_jw_int(&w, (int64_t)cd->counts[s]);
	}
	fc_jw_key(&w, "failing");
	fc_jw_int(&w, (int64_t)fc_checkdoc_nfailing(cd, fail_on));
	fc_jw_obj_end(&w);
	fc_jw_key(&w, "claims");
	fc_jw_arr(&w);
	for (size_t i = 0; i < cd->nclaims; i++)
		json_claim(&w, &a, cd, &cd->claims[i], fail_on);
	fc_jw_arr_end(&w);
	fc_jw_obj_end(&w);
	fc_buf_addc(out, '\n');
	fc_arena_finish(&a);
}

/* ---- ClaimReview --------------------------------------------------------- */

static const char *rating_name(enum fc_claim_status s)
{
	static const char *const names[] = {"Supported", "Unsupported",
					    "Contradicted"};
	return (size_t)s < 3 ? names[s] : "Unsupported";
}

/*
** One ClaimReview per claim (schema.org): claimReviewed is the
** sentence, reviewRating its status on a scale of 1 (contradicted) to 3
** (supported) with the status as alternateName, itemReviewed the Claim
** with its appearance in DOC (a fragment URL naming the line), and
** isBasedOn the corpus sentences that decided it.
*/
void cd_write_claimreview(const struct fc_checkdoc *cd, struct fc_buf *out)
{
	struct fc_jw w;
	struct fc_arena a;
	fc_arena_init(&a);
	fc_jw_init(&w, out, true);
	fc_jw_obj(&w);
	fc_jw_key(&w, "@context");
	fc_jw_str(&w, "https://schema.org");
	fc_jw_key(&w, "@graph");
	fc_jw_arr(&w);
	for (size_t i = 0; i < cd->nclaims; i++) {
		const struct fc_claim *cl = &cd->claims[i];
		fc_jw_obj(&w);
		fc_jw_key(&w, "@type");
		fc_jw_str(&w, "ClaimReview");
		fc_jw_key(&w, "claimReviewed");
		fc_jw_str(&w, cl->text);
		fc_jw_key(&w, "reviewRating");
		fc_jw_obj(&w);
		fc_jw_key(&w, "@type");
		fc_jw_str(&w, "Rating");
		fc_jw_key(&w, "ratingValue");
		fc_jw_int(&w, 3 - (int64_t)cl->status);
		fc_jw_key(&w, "bestRating");
		fc_jw_int(&w, 3);
		fc_jw_key(&w, "worstRating");
		fc_jw_int(&w, 1);
		fc_jw_key(&w, "alternateName");
		fc_jw_str(&w, rating_name(cl->status));
		fc_jw_obj_end(&w);
		fc_jw_key(&w, "itemReviewed");
		fc_jw_obj(&w);
		fc_jw_key(&w, "@type");
		fc_jw_str(&w, "Claim");
		fc_jw_key(&w, "appearance");
		fc_jw_obj(&w);
		fc_jw_key(&w, "@type");
		fc_jw_str(&w, "CreativeWork");
		fc_jw_key(&w, "name");
		fc_jw_str(&w, cd->name);
		fc_jw_key(&w, "url");
		fc_jw_str(&w, fc_arena_printf(&a, "%s#L%u", cd->name,
					      (unsigned)cl->line));
		fc_jw_obj_end(&w);
		fc_jw_obj_end(&w);
		fc_jw_key(&w, "reviewBody");
		fc_jw_str(&w, cl->message);
		fc_jw_key(&w, "author");
		fc_jw_obj(&w);
		fc_jw_key(&w, "@type");
		fc_jw_str(&w, "Organization");
		fc_jw_key(&w, "name");
		fc_jw_str(&w, "factcross");
		fc_jw_obj_end(&w);
		fc_jw_key(&w, "isBasedOn");
		fc_jw_arr(&w);
		for (size_t k = 0; k < cl->nevidence; k++) {
			const struct fc_evidence *e = &cl->evidence[k];
			fc_jw_obj(&w);
			fc_jw_key(&w, "@type");
			fc_jw_str(&w, "CreativeWork");
			fc_jw_key(&w, "name");
			fc_jw_str(&w, cd_source_id(cd->corpus, e->doc));
			fc_jw_key(&w, "text");
			fc_jw_str(&w, cd_evidence_text(&a, cd->corpus, e));
			fc_jw_obj_end(&w);
		}
		fc_jw_arr_end(&w);
		fc_jw_obj_end(&w);
	}
	fc_jw_arr_end(&w);
	fc_jw_obj_end(&w);
	fc_buf_addc(out, '\n');
	fc_arena_finish(&a);
}
