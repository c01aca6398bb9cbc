/*
** run.c: fc_checkdoc_run, DOC through the stages and into claims.
**
** DOC becomes the one source of a corpus of its own and goes through
** the stages up to the facts (text cleaning with Markdown or HTML markup
** stripped, boilerplate, mentions, claim patterns), with its published
** date (DCT) set to --ref, else the "date YYYY-MM-DD" line DOC starts
** with, else the corpus reference date, else the latest published date
** a corpus source states. Its facts never meet the corpus's clusters:
** each is judged by match.c. The facts of one sentence make one claim,
** located by the raw bytes the sentence came from.
*/
#include <stdlib.h>
#include <string.h>

#include "checkdoc/checkdoc_p.h"

#define MAX_EVIDENCE 24 /* corpus sentences per claim */

const char *fc_claim_status_name(enum fc_claim_status s)
{
	static const char *const names[] = {"supported", "unsupported",
					    "contradicted", "none"};
	return (size_t)s < 4 ? names[s] : "unsupported";
}

bool fc_claim_status_parse(const char *name, enum fc_claim_status *out)
{
	for (int s = FC_CLAIM_SUPPORTED; s <= FC_CLAIM_NEVER; s++)
		if (!strcmp(name, fc_claim_status_name(s))) {
			*out = s;
			return true;
		}
	return false;
}

size_t fc_checkdoc_nfailing(const struct fc_checkdoc *cd,
			    enum fc_claim_status fail_on)
{
	size_t n = 0;
	for (int s = fail_on; s <= FC_CLAIM_CONTRADICTED; s++)
		n += cd->counts[s];
	return n;
}

const char *cd_claim_rule(const struct fc_claim *cl)
{
	return cl->rule ? cl->rule : fc_claim_status_name(cl->status);
}

const char *cd_evidence_text(struct fc_arena *a, const struct fc_corpus *c,
			     const struct fc_evidence *e)
{
	const struct fc_document *doc = e->doc < c->ndocs ? &c->docs[e->doc]
							  : NULL;
	if (!doc || !doc->text || e->start > e->end || e->end > doc->text_len)
		return "";
	const char *s = fc_arena_strndup(a, doc->text + e->start,
					 e->end - e->start);
	return s ? s : "";
}

/* The DCT of DOC when neither --ref nor a date line gives one. */
static const char *fallback_date(const struct fc_corpus *c)
{
	if (c->reference_date)
		return c->reference_date;
	const char *best = NULL;
	for (size_t i = 0; i < c->ndocs; i++) {
		const struct fc_document *doc = &c->docs[i];
		if (doc->is_published_stated && doc->published &&
		    (!best || strcmp(doc->published, best) > 0))
			best = doc->published;
	}
	return best;
}

/* ---- Positions ----------------------------------------------------------- */

struct lines {
	uint32_t *v; /* raw line starts */
	size_t n;
};

static fc_status raw_lines(struct fc_arena *a, const char *raw, size_t len,
			   struct lines *out)
{
	size_t n = 1;
	for (size_t i = 0; i < len; i++)
		if (raw[i] == '\n' ||
		    (raw[i] == '\r' && (i + 1 == len || raw[i + 1] != '\n')))
			n++;
	out->v = fc_arena_alloc(a, n * sizeof(*out->v));
	if (!out->v)
		return FC_ENOMEM;
	out->n = 0;
	out->v[out->n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (raw[i] == '\n' ||
		    (raw[i] == '\r' && (i + 1 == len || raw[i + 1] != '\n')))
			out->v[out->n++] = (uint32_t)(i + 1);
	return FC_OK;
}

/* 1-based line and column (in code points) of raw offset off. */
static void locate(const struct lines *l, const char *raw, size_t len,
		   uint32_t off, uint32_t *line, uint32_t *col)
{
	size_t lo = 0, hi = l->n;
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->v[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	uint32_t c = 1;
	for (size_t i = l->v[lo]; i < off && i < len;) {
		size_t k = fc_utf8_seq_len((const unsigned char *)raw + i,
					   len - i);
		i += k ? k : 1;
		c++;
	}
	*line = (uint32_t)lo + 1;
	*col = c;
}

/* ---- Claims -------------------------------------------------------------- */

/* A fact's place in DOC, for sorting facts by sentence and position. */
struct fplace {
	uint32_t sentence, start, end, fact;
};

static int cmp_fplace(const void *x, const void *y)
{
	const struct fplace *a = x, *b = y;
	if (a->sentence != b->sentence)
		return a->sentence < b->sentence ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return (a->fact > b->fact) - (a->fact < b->fact);
}

/* order[0, n): the facts of dc by sentence, start, longest first. */
static fc_status sort_facts(uint32_t *order, size_t n,
			    const struct fc_corpus *dc)
{
	struct fplace *p = malloc((n ? n : 1) * sizeof(*p));
	if (!p)
		return FC_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct fc_fact *f = &dc->facts[i];
		p[i] = (struct fplace){f->sentence, f->start, f->end,
				       (uint32_t)i};
	}
	qsort(p, n, sizeof(*p), cmp_fplace);
	for (size_t i = 0; i < n; i++)
		order[i] = p[i].fact;
	free(p);
	return FC_OK;
}

/* An unsupported frame: f's span strictly contains another fact's. */
static bool is_frame(const struct fc_corpus *dc, const uint32_t *facts,
		     size_t n, uint32_t fi)
{
	const struct fc_fact *f = &dc->facts[fi];
	for (size_t i = 0; i < n; i++) {
		const struct fc_fact *g = &dc->facts[facts[i]];
		if (facts[i] == fi)
			continue;
		if (g->start >= f->start && g->end <= f->end &&
		    (g->start != f->start || g->end != f->end))
			return true;
	}
	return false;
}

struct evid {
	uint32_t doc, sentence, fact;
	bool is_supporting;
};

static int cmp_evid(const void *x, const void *y)
{
	const struct evid *a = x, *b = y;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->sentence != b->sentence)
		return a->sentence < b->sentence ? -1 : 1;
	if (a->is_supporting != b->is_supporting)
		return a->is_supporting ? -1 : 1;
	return (a->fact > b->fact) - (a->fact < b->fact);
}

/* The evidence of claim cl from its counted facts. */
static fc_status claim_evidence(struct fc_checkdoc *cd, struct fc_claim *cl)
{
	const struct fc_corpus *c = cd->corpus;
	size_t n = 0;
	for (size_t i = 0; i < cl->nfacts; i++)
		n += cl->facts[i].nsupporting + cl->facts[i].nconflicting;
	if (!n)
		return FC_OK;
	struct evid *ev = calloc(n, sizeof(*ev));
	if (!ev)
		return FC_ENOMEM;
	size_t k = 0;
	for (size_t i = 0; i < cl->nfacts; i++) {
		const struct fc_claim_fact *cf = &cl->facts[i];
		if (!cf->is_counted)
			continue;
		/* A failing fact shows what it conflicts with; a supported
		** one what supports it. */
		bool is_bad = cf->status != FC_CLAIM_SUPPORTED;
		const uint32_t *v = is_bad ? cf->conflicting : cf->supporting;
		size_t nv = is_bad ? cf->nconflicting : cf->nsupporting;
		if (is_bad && !nv) {
			v = cf->supporting;
			nv = cf->nsupporting;
		}
		for (size_t j = 0; j < nv; j++) {
			const struct fc_fact *f = &c->facts[v[j]];
			ev[k++] = (struct evid){f->doc, f->sentence, v[j],
						v == cf->supporting};
		}
	}
	if (k > 1)
		qsort(ev, k, sizeof(*ev), cmp_evid);
	cl->evidence = fc_arena_alloc(&cd->arena, (k ? k : 1) *
							  sizeof(*cl->evidence));
	uint32_t *facts = fc_arena_alloc(&cd->arena,
					 (k ? k : 1) * sizeof(*facts));
	if (!cl->evidence || !facts) {
		free(ev);
		return FC_ENOMEM;
	}
	for (size_t i = 0; i < k;) {
		size_t j = i;
		struct fc_evidence *e = &cl->evidence[cl->nevidence];
		e->facts = facts + i;
		while (j < k && ev[j].doc == ev[i].doc &&
		       ev[j].sentence == ev[i].sentence &&
		       ev[j].is_supporting == ev[i].is_supporting) {
			if (j == i || ev[j].fact != ev[j - 1].fact)
				facts[i + e->nfacts++] = ev[j].fact;
			j++;
		}
		const struct fc_document *doc = &c->docs[ev[i].doc];
		e->doc = ev[i].doc;
		e->sentence = ev[i].sentence;
		e->is_supporting = ev[i].is_supporting;
		if (doc->sentences && ev[i].sentence < doc->nsentences) {
			e->start = doc->sentences[ev[i].sentence].start;
			e->end = doc->sentences[ev[i].sentence].end;
			e->line = doc->sentences[ev[i].sentence].line;
		} else {
			const struct fc_fact *f = &c->facts[ev[i].fact];
			e->start = f->start;
			e->end = f->end;
		}
		if (cl->nevidence < MAX_EVIDENCE)
			cl->nevidence++;
		i = j;
	}
	free(ev);
	return FC_OK;
}

/* Status, rule and message of claim cl from its facts. */
static fc_status claim_verdict(struct fc_checkdoc *cd, struct fc_claim *cl)
{
	enum fc_claim_status worst = FC_CLAIM_SUPPORTED;
	for (size_t i = 0; i < cl->nfacts; i++)
		if (cl->facts[i].is_counted && cl->facts[i].status > worst)
			worst = cl->facts[i].status;
	cl->status = worst;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	size_t k = 0;
	for (size_t i = 0; i < cl->nfacts; i++) {
		const struct fc_claim_fact *cf = &cl->facts[i];
		if (!cf->is_counted || cf->status != worst)
			continue;
		fc_buf_printf(&b, "%s%s", k++ ? "; " : "", cf->message);
		for (size_t j = 0; !cl->rule && j < cf->nfields; j++)
			if (cf->fields[j].status == worst &&
			    worst != FC_CLAIM_SUPPORTED)
				cl->rule = cf->fields[j].rule;
	}
	cl->message = b.err ? NULL : fc_arena_strdup(&cd->arena,
						     fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return cl->message ? FC_OK : FC_ENOMEM;
}

/* Claims of DOC: the facts grouped by sentence. */
static fc_status make_claims(struct fc_checkdoc *cd, struct cd_matcher *m)
{
	const struct fc_corpus *dc = cd->doc;
	const struct fc_document *doc = &dc->docs[0];
	struct lines lines;
	fc_status st = raw_lines(&cd->arena, doc->raw, doc->raw_len, &lines);
	if (st)
		return st;
	size_t n = dc->nfacts;
	uint32_t *order = fc_arena_alloc(&cd->arena, (n ? n : 1) *
							     sizeof(*order));
	cd->claims = fc_arena_alloc(&cd->arena,
				    (n ? n : 1) * sizeof(*cd->claims));
	if (!order || !cd->claims)
		return FC_ENOMEM;
	if ((st = sort_facts(order, n, dc)))
		return st;
	for (size_t i = 0; i < n;) {
		uint32_t si = dc->facts[order[i]].sentence;
		size_t j = i;
		while (j < n && dc->facts[order[j]].sentence == si)
			j++;
		if (si >= doc->nsentences) {
			i = j;
			continue;
		}
		struct fc_claim *cl = &cd->claims[cd->nclaims++];
		const struct fc_sentence *s = &doc->sentences[si];
		cl->sentence = si;
		cl->text = fc_arena_strndup(&cd->arena, doc->text + s->start,
					    s->end - s->start);
		cl->raw_start = fc_text_raw_offset(doc, s->start, false);
		cl->raw_end = fc_text_raw_offset(doc, s->end, true);
		if (cl->raw_end < cl->raw_start)
			cl->raw_end = cl->raw_start;
		locate(&lines, doc->raw, doc->raw_len, cl->raw_start,
		       &cl->line, &cl->column);
		locate(&lines, doc->raw, doc->raw_len, cl->raw_end,
		       &cl->end_line, &cl->end_column);
		cl->facts = fc_arena_alloc(&cd->arena,
					   (j - i) * sizeof(*cl->facts));
		if (!cl->text || !cl->facts)
			return FC_ENOMEM;
		for (size_t k = i; k < j; k++) {
			struct fc_claim_fact *cf = &cl->facts[cl->nfacts++];
			if ((st = cd_match_fact(m, order[k], cf)))
				return st;
			cf->is_counted = cf->status != FC_CLAIM_UNSUPPORTED ||
					 !is_frame(dc, order + i, j - i,
						   order[k]);
		}
		if ((st = claim_verdict(cd, cl)) ||
		    (st = claim_evidence(cd, cl)))
			return st;
		cd->counts[cl->status]++;
		i = j;
	}
	return FC_OK;
}

/*
** DOC through the text, mention and claim stages, as fc_verify runs
** them for a source read from a file: the bytes as they are (an HTML
** DOC through the text stage's own tag strip, not the main-text
** extraction, so that offsets map back to the file), the syntax from
** path, the DCT as the header says; its people named as corpus c names
** them (fc_people_link).
*/
static fc_status doc_stages(const struct fc_rules *r, struct fc_corpus *dc,
			    const struct fc_corpus *c, const char *path,
			    struct fc_diags *d)
{
	struct fc_source *src = &dc->sources[0];
	src->file = path;
	src->path = NULL;
	dc->docs = fc_arena_alloc(&dc->arena, sizeof(*dc->docs));
	if (!dc->docs)
		return FC_ENOMEM;
	dc->ndocs = 1;
	struct fc_document *doc = &dc->docs[0];
	doc->src = src;
	doc->raw = (char *)src->inline_text;
	doc->raw_len = src->inline_len;
	/* The text stage takes inline text that names a file as main text
	** already extracted (plain): DOC is read as its file is. */
	src->inline_text = NULL;
	fc_sha256_hex(doc->raw, doc->raw_len, doc->sha256);
	doc->published = src->published;
	doc->is_published_stated = doc->published != NULL;
	fc_status st = fc_text_clean(r, &dc->arena, doc, d);
	if (st)
		return st;
	if (!doc->published)
		doc->published = dc->reference_date;
	if ((st = fc_norm_doc(r, &dc->arena, doc, d)) ||
	    (st = fc_lexicon_doc(r, &dc->arena, doc, d)))
		return st;
	fc_mentions_finish(doc);
	if ((st = fc_people_link(dc, c)))
		return st;
	return fc_claims_doc(r, dc, 0, d);
}

fc_status fc_checkdoc_run(const struct fc_rules *r,
			  const struct fc_corpus *c, const char *data,
			  size_t len, const struct fc_checkdoc_opts *o,
			  struct fc_checkdoc **out, struct fc_diags *d)
{
	*out = NULL;
	const char *name = o && o->name && *o->name ? o->name : "document";
	struct fc_checkdoc *cd = calloc(1, sizeof(*cd));
	if (!cd)
		return FC_ENOMEM;
	fc_arena_init(&cd->arena);
	cd->corpus = c;
	struct cd_matcher m;
	bool has_matcher = false;
	fc_status st = FC_ENOMEM;
	if (!(cd->doc = fc_corpus_create()))
		goto fail;
	struct fc_corpus *dc = cd->doc;
	cd->name = fc_arena_strdup(&cd->arena, name);
	cd->against = o && o->against ? fc_arena_strdup(&cd->arena, o->against)
				      : c->name;
	dc->name = "check";
	dc->reference_date = fallback_date(c);
	if (!cd->name)
		goto fail;
	if ((st = fc_corpus_add_text(dc, name, o ? o->ref : NULL, data, len))) {
		fc_diag_add(d, st, NULL, "%s: %s", name,
			    st == FC_EINPUT ? "--ref is not a date YYYY-MM-DD"
					    : fc_strerror(st));
		goto fail;
	}
	/* The name decides the format (.md, .html) and names diagnostics. */
	const char *path = dc->sources[0].id;
	if (o && o->syntax && *o->syntax) {
		const char *ext = fc_arena_printf(&dc->arena, ".%s", o->syntax);
		if (!ext)
			goto fail;
		if (!fc_str_ends_with(path, ext) &&
		    !(path = fc_arena_printf(&dc->arena, "%s%s", path, ext)))
			goto fail;
	}
	if ((st = doc_stages(r, dc, c, path, d)))
		goto fail;
	cd->reference_date = dc->docs[0].published;
	cd->nsentences = dc->docs[0].nsentences;
	if ((st = cd_matcher_init(&m, r, c, dc, &cd->arena)))
		goto fail;
	has_matcher = true;
	if ((st = make_claims(cd, &m)))
		goto fail;
	cd_matcher_finish(&m);
	*out = cd;
	return FC_OK;
fail:
	if (has_matcher)
		cd_matcher_finish(&m);
	if (st == FC_ENOMEM)
		fc_diag_add(d, st, NULL, "%s: %s", name, fc_strerror(st));
	fc_checkdoc_destroy(cd);
	return st ? st : FC_ENOMEM;
}

void fc_checkdoc_destroy(struct fc_checkdoc *cd)
{
	if (!cd)
		return;
	fc_corpus_destroy(cd->doc);
	fc_arena_finish(&cd->arena);
	free(cd);
}
