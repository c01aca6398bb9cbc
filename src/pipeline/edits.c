/*
** edits.c: stealth edits. When the cache holds two or more versions of a
** URL source's page, the facts of its latest version (the document's own
** facts) are compared with those of the most recent earlier version whose
** main text differs (a page whose ads or markup changed but not its text
** is no edit). The earlier version goes through the same stages, text to
** facts, in a corpus of its own.
**
** Facts pair up in two passes: first facts equal in kind, polarity and
** every slot value (unchanged, not reported), then, among the rest,
** facts of one kind sharing the most slot values (at least one): such a
** pair is a changed fact, listing the slots that differ. What is left is
** a fact that appeared (latest only) or vanished (earlier only).
*/
#include <stdlib.h>
#include <string.h>

#include "pipeline/pipeline_p.h"

/* Earlier versions looked at, newest first, for one whose text differs. */
#define EDITS_MAX_LOOKBACK 32
/* Facts per version compared (each pass is quadratic). */
#define EDITS_MAX_FACTS 4096

const char *fc_edit_kind_name(enum fc_edit_kind k)
{
	switch (k) {
	case FC_EDIT_CHANGED: return "changed";
	case FC_EDIT_APPEARED: return "appeared";
	case FC_EDIT_VANISHED: return "vanished";
	}
	return "?";
}

/* A fact with its slots as canonical texts, sorted by slot name. */
struct cfact {
	const struct fc_fact *f;
	const struct fc_document *doc;
	uint32_t index; /* in its corpus */
	const char **names, **texts;
	size_t n;
	struct cfact *peer; /* the fact it pairs with, or NULL */
};

struct side {
	struct cfact *v;
	size_t n;
};

static int cmp_name(const void *pa, const void *pb)
{
	const struct fc_slot *a = *(const struct fc_slot *const *)pa;
	const struct fc_slot *b = *(const struct fc_slot *const *)pb;
	return strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

static fc_status side_init(struct fc_arena *a, const struct fc_corpus *c,
			   uint32_t di, struct side *s)
{
	size_t n = 0, k = 0;
	for (size_t i = 0; i < c->nfacts; i++)
		n += c->facts[i].doc == di;
	if (n > EDITS_MAX_FACTS)
		n = EDITS_MAX_FACTS;
	s->v = fc_arena_alloc(a, (n ? n : 1) * sizeof(*s->v));
	if (!s->v)
		return FC_ENOMEM;
	for (size_t i = 0; i < c->nfacts && k < n; i++) {
		const struct fc_fact *f = &c->facts[i];
		if (f->doc != di)
			continue;
		struct cfact *x = &s->v[k++];
		x->f = f;
		x->doc = &c->docs[di];
		x->index = (uint32_t)i;
		x->n = f->nslots;
		const struct fc_slot **sorted =
			fc_arena_alloc(a, (x->n ? x->n : 1) * sizeof(*sorted));
		size_t sz = (x->n ? x->n : 1) * sizeof(char *);
		x->names = fc_arena_alloc(a, sz);
		x->texts = fc_arena_alloc(a, sz);
		if (!sorted || !x->names || !x->texts)
			return FC_ENOMEM;
		for (size_t j = 0; j < x->n; j++)
			sorted[j] = &f->slots[j];
		qsort(sorted, x->n, sizeof(*sorted), cmp_name);
		for (size_t j = 0; j < x->n; j++) {
			x->names[j] = sorted[j]->name ? sorted[j]->name : "";
			x->texts[j] = fc_value_text(a, &sorted[j]->value);
			if (!x->texts[j])
				return FC_ENOMEM;
		}
	}
	s->n = k;
	return FC_OK;
}

/* The text of slot name in x, or NULL. */
static const char *slot_text(const struct cfact *x, const char *name)
{
	for (size_t i = 0; i < x->n; i++)
		if (!strcmp(x->names[i], name))
			return x->texts[i];
	return NULL;
}

static bool same_fact(const struct cfact *a, const struct cfact *b)
{
	if (strcmp(a->f->kind, b->f->kind) ||
	    a->f->polarity != b->f->polarity || a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->names[i], b->names[i]) ||
		    strcmp(a->texts[i], b->texts[i]))
			return false;
	return true;
}

/* Slots with one name and one value in both facts. */
static size_t shared_slots(const struct cfact *a, const struct cfact *b)
{
	size_t k = 0;
	for (size_t i = 0; i < a->n; i++) {
		const char *t = slot_text(b, a->names[i]);
		k += t && !strcmp(t, a->texts[i]);
	}
	return k;
}

static void pair_up(struct side *before, struct side *after)
{
	for (size_t i = 0; i < after->n; i++)
		for (size_t j = 0; j < before->n; j++) {
			struct cfact *x = &after->v[i], *y = &before->v[j];
			if (!y->peer && same_fact(x, y)) {
				x->peer = y;
				y->peer = x;
				break;
			}
		}
	for (size_t i = 0; i < after->n; i++) {
		struct cfact *x = &after->v[i], *best = NULL;
		size_t best_k = 0;
		if (x->peer)
			continue;
		for (size_t j = 0; j < before->n; j++) {
			struct cfact *y = &before->v[j];
			if (y->peer || strcmp(x->f->kind, y->f->kind))
				continue;
			size_t k = shared_slots(x, y);
			if (k > best_k) {
				best = y;
				best_k = k;
			}
		}
		if (best) {
			x->peer = best;
			best->peer = x;
		}
	}
}

static const char *sentence_of(struct fc_arena *a, const struct cfact *x)
{
	const struct fc_document *doc = x->doc;
	const struct fc_fact *f = x->f;
	uint32_t s = f->start, e = f->end;
	if (f->sentence < doc->nsentences) {
		s = doc->sentences[f->sentence].start;
		e = doc->sentences[f->sentence].end;
	}
	if (e > doc->text_len)
		e = (uint32_t)doc->text_len;
	if (s > e)
		s = e;
	return fc_arena_strndup(a, doc->text + s, e - s);
}

static const struct fc_value *slot_value(const struct fc_fact *f,
					 const char *name)
{
	const struct fc_slot *s = fc_fact_slot(f, name);
	return s ? &s->value : NULL;
}

/* Fill one slot of an edit from the two facts (either may be NULL). */
static fc_status edit_slot(struct fc_arena *a, struct fc_edit_slot *es,
			   const char *name, const struct cfact *b,
			   const struct cfact *l)
{
	const struct fc_value *vb = b ? slot_value(b->f, name) : NULL;
	const struct fc_value *vl = l ? slot_value(l->f, name) : NULL;
	const char *tb = b ? slot_text(b, name) : NULL;
	const char *tl = l ? slot_text(l, name) : NULL;
	/* the earlier version's corpus and the scratch arena go: copies */
	es->name = fc_arena_strdup(a, name);
	es->before = tb ? fc_arena_strdup(a, tb) : NULL;
	es->after = tl ? fc_arena_strdup(a, tl) : NULL;
	es->before_label = vb ? fc_value_label(a, vb) : NULL;
	es->after_label = vl ? fc_value_label(a, vl) : NULL;
	es->is_changed = false;
	if (!es->name || (tb && !es->before) || (tl && !es->after) ||
	    (vb && !es->before_label) || (vl && !es->after_label))
		return FC_ENOMEM;
	return FC_OK;
}

/* One edit from an earlier fact b and a latest fact l (either NULL). */
static fc_status make_edit(struct fc_arena *a, struct fc_edit *e,
			   const struct cfact *b, const struct cfact *l)
{
	memset(e, 0, sizeof(*e));
	e->kind = !b ? FC_EDIT_APPEARED : !l ? FC_EDIT_VANISHED
					     : FC_EDIT_CHANGED;
	e->fact_kind = l ? l->f->kind : fc_arena_strdup(a, b->f->kind);
	e->fact = l ? l->index : FC_NONE;
	if (!e->fact_kind)
		return FC_ENOMEM;
	if (b) {
		e->before_sentence = sentence_of(a, b);
		e->before_polarity = b->f->polarity;
	}
	if (l) {
		e->after_sentence = sentence_of(a, l);
		e->after_polarity = l->f->polarity;
	}
	if ((b && !e->before_sentence) || (l && !e->after_sentence))
		return FC_ENOMEM;
	size_t cap = (b ? b->n : 0) + (l ? l->n : 0);
	e->slots = fc_arena_alloc(a, (cap ? cap : 1) * sizeof(*e->slots));
	if (!e->slots)
		return FC_ENOMEM;
	/* Slot names in order: the latest fact's, then the earlier's own. */
	for (int pass = 0; pass < 2; pass++) {
		const struct cfact *x = pass ? b : l;
		for (size_t i = 0; x && i < x->n; i++) {
			const char *name = x->names[i];
			if (pass && l && slot_text(l, name))
				continue;
			const char *tb = b ? slot_text(b, name) : NULL;
			const char *tl = l ? slot_text(l, name) : NULL;
			struct fc_edit_slot *es = &e->slots[e->nslots++];
			fc_status st = edit_slot(a, es, name, b, l);
			if (st)
				return st;
			es->is_changed = e->kind == FC_EDIT_CHANGED &&
					 (!tb || !tl || strcmp(tb, tl));
		}
	}
	/* The changed slots first, each part in the order above. */
	struct fc_edit_slot *sorted =
		fc_arena_alloc(a, (cap ? cap : 1) * sizeof(*sorted));
	size_t k = 0;
	if (!sorted)
		return FC_ENOMEM;
	for (int changed = 1; changed >= 0; changed--)
		for (size_t i = 0; i < e->nslots; i++)
			if (e->slots[i].is_changed == (changed == 1))
				sorted[k++] = e->slots[i];
	e->slots = sorted;
	return FC_OK;
}

/* Compare the facts of version before (corpus t, doc 0) with doc di's. */
static fc_status compare(struct fc_corpus *c, uint32_t di,
			 struct fc_corpus *t, struct fc_edits *ed)
{
	struct fc_arena tmp;
	struct side sb, sl;
	fc_status st;
	fc_arena_init(&tmp);
	if ((st = side_init(&tmp, t, 0, &sb)) ||
	    (st = side_init(&tmp, c, di, &sl)))
		goto out;
	pair_up(&sb, &sl);
	size_t n = 0;
	for (size_t i = 0; i < sl.n; i++)
		n += !sl.v[i].peer || !same_fact(&sl.v[i], sl.v[i].peer);
	for (size_t i = 0; i < sb.n; i++)
		n += !sb.v[i].peer;
	st = FC_ENOMEM;
	ed->v = fc_arena_alloc(&c->arena, (n ? n : 1) * sizeof(*ed->v));
	if (!ed->v)
		goto out;
	for (size_t i = 0; i < sl.n; i++) {
		const struct cfact *l = &sl.v[i];
		if (l->peer && same_fact(l, l->peer))
			continue;
		if ((st = make_edit(&c->arena, &ed->v[ed->n++], l->peer, l)))
			goto out;
	}
	for (size_t i = 0; i < sb.n; i++)
		if (!sb.v[i].peer &&
		    (st = make_edit(&c->arena, &ed->v[ed->n++], &sb.v[i],
				    NULL)))
			goto out;
	st = FC_OK;
out:
	fc_arena_finish(&tmp);
	return st;
}

/* The facts of one version's main text, in a corpus of its own. */
static fc_status version_facts(const struct fc_rules *r,
			       const struct fc_corpus *c,
			       const struct fc_source *s, const char *text,
			       size_t len, const struct web_page *page,
			       struct fc_corpus **out, struct fc_diags *d)
{
	struct fc_corpus *t = fc_corpus_create();
	fc_status st = FC_ENOMEM;
	*out = t;
	if (!t)
		return FC_ENOMEM;
	t->name = c->name;
	t->reference_date = c->reference_date;
	const char *published = s->published ? s->published : page->published;
	if ((st = fc_corpus_add_text(t, s->id, published, text, len)))
		return st;
	/* Inline text standing for a URL: plain paragraphs (clean.c). */
	t->sources[0].url = s->url;
	struct fc_verify_opts vo = {.stop_after = 3};
	return fc_verify(r, t, &vo, d);
}

/* Index of the last version with the document's body, or n. */
static size_t find_version(const struct fc_version *v, size_t n,
			   const char *sha256)
{
	for (size_t i = n; i-- > 0;)
		if (!strcmp(v[i].sha256, sha256))
			return i;
	return n;
}

static fc_status doc_edits(const struct fc_rules *r, struct fc_corpus *c,
			   uint32_t di, const struct fc_web_opts *w,
			   struct fc_diags *d)
{
	struct fc_document *doc = &c->docs[di];
	const struct fc_source *s = doc->src;
	struct fc_arena a;
	struct fc_diags scratch;
	struct fc_version *v;
	struct fc_corpus *t = NULL;
	size_t n;
	fc_arena_init(&a);
	fc_diags_init(&scratch);
	fc_status st = fc_cache_versions(w->cache, &a, s->url, &v, &n, d);
	if (st || n < 2)
		goto out;
	size_t li = find_version(v, n, doc->sha256);
	if (li == n || li == 0)
		goto out;
	/* The newest earlier version whose main text differs. */
	size_t bi = li, stop = li > EDITS_MAX_LOOKBACK ? li - EDITS_MAX_LOOKBACK
						     : 0;
	char *text = NULL;
	size_t len = 0;
	struct web_page page;
	while (bi-- > stop) {
		const struct fc_version *x = &v[bi];
		bool is_html = web_is_html(x->content_type, x->body,
					   x->body_len);
		st = web_main_text(r, &a, x->body, x->body_len,
				   x->final_url ? x->final_url : s->url,
				   x->content_type, is_html, &text, &len, &page,
				   &scratch);
		if (st == FC_ENOMEM)
			goto out;
		if (!st && (len != doc->raw_len || memcmp(text, doc->raw, len)))
			break;
		text = NULL;
	}
	st = FC_OK;
	if (!text)
		goto out;
	st = version_facts(r, c, s, text, len, &page, &t, &scratch);
	if (st == FC_ENOMEM)
		goto out;
	if (st) {
		fc_diag_warn(d, &s->loc,
			     "source '%s': the earlier version of %s could not "
			     "be compared: %s",
			     s->id, s->url, fc_strerror(st));
		st = FC_OK;
		goto out;
	}
	struct fc_edits *ed = fc_arena_alloc(&c->arena, sizeof(*ed));
	if (!ed || !(ed->url = s->url)) {
		st = FC_ENOMEM;
		goto out;
	}
	memcpy(ed->before_sha256, v[bi].sha256, sizeof(ed->before_sha256));
	memcpy(ed->after_sha256, v[li].sha256, sizeof(ed->after_sha256));
	ed->before_first_seen = v[bi].first_seen;
	ed->before_last_seen = v[bi].last_seen;
	ed->after_first_seen = v[li].first_seen;
	ed->after_last_seen = v[li].last_seen;
	ed->nversions = n;
	if ((st = compare(c, di, t, ed)))
		goto out;
	doc->edits = ed;
out:
	fc_corpus_destroy(t);
	fc_diags_finish(&scratch);
	fc_arena_finish(&a);
	return st;
}

fc_status web_edits(const struct fc_rules *r, struct fc_corpus *c,
		    const struct fc_web_opts *w, struct fc_diags *d)
{
	for (uint32_t i = 0; i < c->ndocs; i++) {
		struct fc_document *doc = &c->docs[i];
		doc->edits = NULL;
		if (!doc->src || !doc->src->url || !doc->sha256[0] || !doc->raw)
			continue;
		fc_status st = doc_edits(r, c, i, w, d);
		if (st)
			return st;
	}
	return FC_OK;
}
