/*
** verify.c: run every stage over a corpus, in order, each stage stored
** in its own transaction when a store is given.
*/
#include <stdlib.h>
#include <string.h>

#include "factcross/fc.h"
#include "stages.h"

#define SOURCE_MAX (64u << 20)

static void progress(const struct fc_verify_opts *o, const char *stage,
		     size_t done, size_t total)
{
	if (o && o->progress)
		o->progress(o->progress_ud, stage, done, total);
}

/* Read a source's bytes into doc->raw. */
static fc_status read_source(struct fc_corpus *c, struct fc_document *doc,
			     struct fc_diags *d)
{
	const struct fc_source *s = doc->src;
	if (s->inline_text) {
		doc->raw = fc_arena_strndup(&c->arena, s->inline_text,
					    s->inline_len);
		doc->raw_len = s->inline_len;
		return doc->raw ? FC_OK : FC_ENOMEM;
	}
	if (!s->path) {
		fc_diag_add(d, FC_EINPUT, &s->loc,
			    "source '%s' has no file and is not in the "
			    "cache (run 'factcross fetch')",
			    s->id);
		return FC_EINPUT;
	}
	char *data;
	size_t len;
	fc_status st = fc_file_read(s->path, SOURCE_MAX, &data, &len);
	if (st) {
		struct fc_srcloc loc = s->loc.file ? s->loc
				       : (struct fc_srcloc){s->path, 0, 0, 0};
		fc_diag_add(d, st == FC_ELIMIT ? FC_ELIMIT : FC_EINPUT, &loc,
			    "cannot read source '%s' (%s): %s", s->id,
			    s->path,
			    st == FC_ELIMIT ? "larger than 64 MiB"
					    : fc_strerror(st));
		return st == FC_ENOMEM ? st : FC_EINPUT;
	}
	doc->raw = fc_arena_strndup(&c->arena, data, len);
	doc->raw_len = len;
	free(data);
	return doc->raw ? FC_OK : FC_ENOMEM;
}

static fc_status stage_text(const struct fc_rules *r, struct fc_corpus *c,
			    const struct fc_verify_opts *o,
			    struct fc_diags *d)
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
		progress(o, "read", i, c->nsources);
		fc_status s = read_source(c, doc, d);
		if (s) {
			st = st ? st : s;
			continue;
		}
		fc_sha256_hex(doc->raw, doc->raw_len, doc->sha256);
		doc->published = doc->src->published;
		doc->is_published_stated = doc->published != NULL;
		s = fc_text_clean(r, &c->arena, doc, d);
		if (s)
			st = st ? st : s;
		if (!doc->published)
			doc->published = c->reference_date;
	}
	progress(o, "read", c->nsources, c->nsources);
	return st;
}

fc_status fc_verify(const struct fc_rules *r, struct fc_corpus *c,
		    const struct fc_verify_opts *o, struct fc_diags *d)
{
	struct fc_store *store = o ? o->store : NULL;
	int stop = o ? o->stop_after : 0;
	fc_status st = stage_text(r, c, o, d);
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

fc_status fc_normalize_text(const struct fc_rules *r, struct fc_corpus *c,
			    const char *ref, const char *text, size_t len,
			    struct fc_document **out, struct fc_diags *d)
{
	*out = NULL;
	fc_status st = fc_corpus_add_text(c, "input", ref, text, len);
	if (st)
		return st;
	struct fc_document *docs = fc_arena_alloc(&c->arena,
						  c->nsources * sizeof(*docs));
	if (!docs)
		return FC_ENOMEM;
	if (c->docs)
		memcpy(docs, c->docs, c->ndocs * sizeof(*docs));
	c->docs = docs;
	c->ndocs = c->nsources;
	struct fc_document *doc = &docs[c->ndocs - 1];
	memset(doc, 0, sizeof(*doc));
	doc->src = &c->sources[c->nsources - 1];
	doc->raw = (char *)doc->src->inline_text;
	doc->raw_len = doc->src->inline_len;
	fc_sha256_hex(doc->raw, doc->raw_len, doc->sha256);
	doc->published = ref;
	doc->is_published_stated = ref != NULL;
	size_t nbad = 0, first = 0;
	doc->text = fc_utf8_repair(&c->arena, doc->raw, doc->raw_len,
				   &doc->text_len, &nbad, &first);
	if (!doc->text)
		return FC_ENOMEM;
	if (nbad)
		fc_diag_warn(d, NULL,
			     "input: %zu invalid UTF-8 byte%s replaced by "
			     "U+FFFD (first at byte %zu)",
			     nbad, nbad == 1 ? "" : "s", first);
	doc->segments = fc_arena_alloc(&c->arena, sizeof(*doc->segments));
	if (!doc->segments)
		return FC_ENOMEM;
	doc->segments[0] = (struct fc_segment){0, 0, (uint32_t)doc->text_len};
	doc->nsegments = 1;
	if ((st = fc_text_sentences(r, &c->arena, doc->text, doc->text_len,
				    &doc->sentences, &doc->nsentences)))
		return st;
	if ((st = fc_norm_doc(r, &c->arena, doc, d)))
		return st;
	if ((st = fc_lexicon_doc(r, &c->arena, doc, d)))
		return st;
	fc_mentions_finish(doc);
	*out = doc;
	return FC_OK;
}
