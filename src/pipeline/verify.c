/*
** verify.c: run every stage over a corpus, in order, each stage stored
** in its own transaction when a store is given.
*/
#include <stdlib.h>
#include <string.h>

#include "pipeline/pipeline_p.h"

static void progress(const struct fc_verify_opts *o, const char *stage,
		     size_t done, size_t total)
{
	if (o && o->progress)
		o->progress(o->progress_ud, stage, done, total);
}

/*
** Clean one document read by web_read_source. The main text of an HTML
** page goes to the text stage as plain paragraphs (inline text standing
** for the file or URL), and the page's title, published date and
** canonical URL fill in what the manifest does not say.
*/
static fc_status clean_doc(const struct fc_rules *r, struct fc_corpus *c,
			   struct fc_document *doc,
			   const struct web_page *page, struct fc_diags *d)
{
	const struct fc_source *s = doc->src;
	doc->published = s->published;
	if (!doc->published && page->published)
		doc->published = page->published;
	doc->is_published_stated = doc->published != NULL;
	if (!page->is_html)
		return fc_text_clean(r, &c->arena, doc, d);
	struct fc_source *view = fc_arena_alloc(&c->arena, sizeof(*view));
	if (!view)
		return FC_ENOMEM;
	*view = *s;
	view->inline_text = doc->raw;
	view->inline_len = doc->raw_len;
	doc->src = view;
	fc_status st = fc_text_clean(r, &c->arena, doc, d);
	doc->src = s;
	if (page->title)
		doc->title = page->title;
	doc->canonical_url = page->canonical_url;
	return st;
}

static fc_status stage_text(const struct fc_rules *r, struct fc_corpus *c,
			    const struct fc_verify_opts *o,
			    const struct fc_web_opts *w, struct fc_diags *d)
{
	fc_status st = FC_OK;
	if (!c->docs) {
		c->docs = fc_arena_alloc(&c->arena,
					 (c->nsources ? c->nsources : 1) *
						 sizeof(*c->docs));
		if (!c->docs)
			return FC_ENOMEM;
	}
	c->ndocs = c->nsources;
	for (size_t i = 0; i < c->nsources; i++) {
		struct fc_document *doc = &c->docs[i];
		doc->src = &c->sources[i];
		doc->canonical_url = NULL;
		doc->edits = NULL;
		progress(o, "read", i, c->nsources);
		struct web_page page;
		fc_status s = web_read_source(r, c, doc, w, &page, d);
		if (s) {
			st = st ? st : s;
			continue;
		}
		s = clean_doc(r, c, doc, &page, d);
		if (s)
			st = st ? st : s;
		if (!doc->published)
			doc->published = c->reference_date;
	}
	progress(o, "read", c->nsources, c->nsources);
	return st;
}

fc_status fc_verify_cached(const struct fc_rules *r, struct fc_corpus *c,
			   const struct fc_verify_opts *o,
			   const struct fc_web_opts *w, struct fc_diags *d)
{
	struct fc_store *store = o ? o->store : NULL;
	int stop = o ? o->stop_after : 0;
	fc_status st = stage_text(r, c, o, w, d);
	if (st)
		return st;
	if ((st = fc_indep_groups(r, c, d)))
		return st;
	if (d->nerr)
		return fc_diags_status(d);
	if (store && (st = fc_store_put_documents(store, c, r->hash, d)))
		return st;
	if (stop == 1)
		return FC_OK;

	for (size_t i = 0; i < c->ndocs; i++) {
		struct fc_document *doc = &c->docs[i];
		progress(o, "mentions", i, c->ndocs);
		if ((st = fc_norm_doc(r, &c->arena, doc, d)))
			return st;
		if ((st = fc_lexicon_doc(r, &c->arena, doc, d)))
			return st;
		fc_mentions_finish(doc);
	}
	progress(o, "mentions", c->ndocs, c->ndocs);
	if ((st = fc_people_link(c, NULL)))
		return st;
	if (store && (st = fc_store_put_mentions(store, c, d)))
		return st;
	if (stop == 2)
		return FC_OK;

	for (uint32_t i = 0; i < c->ndocs; i++) {
		progress(o, "facts", i, c->ndocs);
		if ((st = fc_claims_doc(r, c, i, d)))
			return st;
	}
	progress(o, "facts", c->ndocs, c->ndocs);
	if (store && (st = fc_store_put_facts(store, c, d)))
		return st;
	if (w && w->cache && (st = web_edits(r, c, w, d)))
		return st;
	if (stop == 3)
		return FC_OK;

	progress(o, "checks", 0, 1);
	if ((st = fc_checks_run(r, c, d)))
		return st;
	progress(o, "checks", 1, 1);
	if (store && (st = fc_store_put_findings(store, c, d)))
		return st;
	return FC_OK;
}

fc_status fc_verify(const struct fc_rules *r, struct fc_corpus *c,
		    const struct fc_verify_opts *o, struct fc_diags *d)
{
	return fc_verify_cached(r, c, o, NULL, d);
}
