/*
** verify.c: run every stage over a corpus, in order, each stage stored
** in its own transaction when a store is given.
*/
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* ---- factcross normalize ---------------------------------------------- */

/* Does the 8-byte word w hold a byte >= 0x80 or a NUL? */
static bool has_odd_byte(uint64_t w)
{
	return ((w | ((w - 0x0101010101010101ull) & ~w)) &
		0x8080808080808080ull) != 0;
}

/*
** s[0, n) into out (room for 3n bytes) with every invalid byte, and
** NUL, replaced by U+FFFD, as fc_utf8_repair does it. Returns the length
** written; adds the bytes replaced to *nbad, and sets *first to the
** offset of the first one when *nbad was 0.
*/
static size_t repair(char *out, const char *s, size_t n, size_t *nbad,
		     size_t *first)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, i = 0;
	while (i < n) {
		uint64_t w;
		while (i + 8 <= n && (memcpy(&w, p + i, 8), !has_odd_byte(w))) {
			memcpy(out + o, p + i, 8);
			o += 8;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = p[i];
		if (c && c < 0x80) {
			out[o++] = (char)c;
			i++;
			continue;
		}
		size_t k = c ? fc_utf8_seq_len(p + i, n - i) : 0;
		if (!k) {
			if (!*nbad)
				*first = i;
			(*nbad)++;
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else {
			memcpy(out + o, p + i, k);
			o += k;
			i += k;
		}
	}
	return o;
}

static void warn_bad(struct fc_diags *d, size_t nbad, uint64_t first)
{
	fc_diag_warn(d, NULL,
		     "input: %zu invalid UTF-8 byte%s replaced by U+FFFD "
		     "(first at byte %llu)",
		     nbad, nbad == 1 ? "" : "s", (unsigned long long)first);
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
	/* no sha256: nothing here reads it */
	doc->published = ref;
	doc->is_published_stated = ref != NULL;
	if (doc->raw_len > (SIZE_MAX - 1) / 3)
		return FC_ELIMIT;
	size_t nbad = 0, first = 0;
	char *t = malloc(3 * doc->raw_len + 1);
	if (!t)
		return FC_ENOMEM;
	doc->text_len = repair(t, doc->raw, doc->raw_len, &nbad, &first);
	doc->text = fc_arena_strndup(&c->arena, t, doc->text_len);
	free(t);
	if (!doc->text)
		return FC_ENOMEM;
	if (nbad)
		warn_bad(d, nbad, first);
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

/*
** The stream cuts its input into pieces of at least PIECE bytes at the
** start of a run of white space that holds a blank line: no sentence,
** phrase, quote or attribution crosses one, so every stage sees in a
** piece what it sees in the whole text (and the lexicon carries its
** coreference from piece to piece, src/extract/lexicon_piece.c). The end
** of each piece (the look-behinds of the normalizer, the last words for
** the lexicon's look-backs) stays before the next as context.
**
** A piece goes through two steps: A (clean, sentences, times and
** quantities) and B (entities and cues, sorting, JSON). With two CPUs,
** B runs on a thread of its own, one piece behind A; pieces keep their
** order, and B's state (the lexicon's) is B's alone, A's (the
** normalizer's word cache) A's.
*/
#define PIECE (256 * 1024)  /* input bytes a piece takes at least */
#define CTX_MIN 512         /* context kept before a piece, at least */
#define CTX_MAX (64 * 1024) /* and at most */
#define CTX_WORDS 4         /* white-space separated words it holds */
#define NSLOT 3             /* pieces in flight */

enum { SLOT_FREE, SLOT_READ, SLOT_DONE };

/* One piece in flight. */
struct slot {
	int state;
	uint64_t seq;
	char *text; /* the context, then the piece's clean text */
	size_t len, cap;
	struct fc_arena arena;
	struct fc_document doc;
	struct fc_piece piece;
	struct fc_buf out; /* its JSON lines */
	struct fc_diags d;
	fc_status st;
	struct fc_mention *ments; /* room for the mentions, kept */
	size_t capments;
};

struct fc_norm_stream {
	const struct fc_rules *r;
	char ref[16];
	bool has_ref;
	struct fc_buf *out;
	char *in;          /* input not taken yet: in[inoff, nin) */
	size_t inoff, nin, capin;
	char *ctx;         /* the end of the last piece */
	size_t nctx, capctx;
	uint64_t raw_done, clean_done; /* before the next piece */
	uint32_t nsent;
	size_t nbad, nlimit;
	uint64_t first_bad;
	struct fc_source src;
	size_t piece_min; /* input bytes a piece takes at least */
	struct norm_walk *norm;            /* A's */
	struct fc_lexicon_state *lexicon; /* B's */
	struct slot slots[NSLOT];
	uint64_t next_a, next_b, next_w; /* pieces read, finished, written */
	bool has_thread, is_closing;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where to cut p[0, n) at min or after: the start of a white space run
** with two line feeds; 0 when there is none yet. */
static size_t find_cut(const char *p, size_t n, size_t min)
{
	for (size_t i = min; i < n;) {
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl)
			return 0;
		size_t at = (size_t)(nl - p), rs = at, nls = 0;
		while (rs > 0 && is_ws(p[rs - 1]))
			nls += p[--rs] == '\n';
		size_t j = at + 1;
		while (j < n && is_ws(p[j]) && !nls)
			nls += p[j++] == '\n';
		if (nls && rs > 0)
			return rs;
		i = j > at ? j : at + 1;
	}
	return 0;
}

/* Step B of a piece: entities, cues, quotes; sorted; JSON. */
static void step_b(struct fc_norm_stream *s, struct slot *sl)
{
	sl->piece.lexicon = s->lexicon;
	sl->st = fc_lexicon_doc(s->r, &sl->arena, &sl->doc, &sl->d);
	s->lexicon = sl->piece.lexicon;
	if (sl->st)
		return;
	fc_mentions_finish(&sl->doc);
	sl->st = fc_report_mentions_jsonl_at(&sl->doc, sl->piece.text_base,
					     &sl->out);
}

static void *worker(void *ud)
{
	struct fc_norm_stream *s = ud;
	pthread_mutex_lock(&s->mu);
	for (;;) {
		struct slot *sl = &s->slots[s->next_b % NSLOT];
		if (s->next_b < s->next_a && sl->state == SLOT_READ) {
			pthread_mutex_unlock(&s->mu);
			step_b(s, sl);
			pthread_mutex_lock(&s->mu);
			sl->state = SLOT_DONE;
			s->next_b++;
			pthread_cond_broadcast(&s->cv);
			continue;
		}
		if (s->is_closing && s->next_b == s->next_a)
			break;
		pthread_cond_wait(&s->cv, &s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

static void readd(struct fc_diags *d, fc_status code, enum fc_severity sev,
		  const struct fc_srcloc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fc_diag_vadd(d, code, sev, loc, fmt, ap);
	va_end(ap);
}

/*
** Write out the pieces that are done, in order; with wait, until slot
** `until` (a sequence number) is written. Returns the first failure.
*/
static fc_status drain(struct fc_norm_stream *s, uint64_t until,
		       struct fc_diags *d)
{
	fc_status st = FC_OK;
	if (s->has_thread)
		pthread_mutex_lock(&s->mu);
	while (s->next_w < s->next_a) {
		struct slot *sl = &s->slots[s->next_w % NSLOT];
		if (sl->state != SLOT_DONE) {
			if (!s->has_thread || s->next_w >= until)
				break;
			pthread_cond_wait(&s->cv, &s->mu);
			continue;
		}
		if (s->has_thread)
			pthread_mutex_unlock(&s->mu);
		for (size_t i = 0; i < sl->d.n; i++) {
			const struct fc_diag *g = &sl->d.v[i];
			readd(d, g->code, g->sev, &g->loc, "%s", g->msg);
		}
		fc_diags_finish(&sl->d);
		fc_diags_init(&sl->d);
		if (!st && sl->st)
			st = sl->st;
		if (!st && sl->out.len)
			fc_buf_add(s->out, sl->out.p, sl->out.len);
		if (!st && s->out->err)
			st = s->out->err;
		fc_buf_reset(&sl->out);
		if (sl->doc.capmentions > sl->capments) {
			struct fc_mention *v = realloc(
				sl->ments,
				sl->doc.capmentions * sizeof(*v));
			if (v) {
				sl->ments = v;
				sl->capments = sl->doc.capmentions;
			}
		}
		fc_arena_finish(&sl->arena);
		fc_arena_init(&sl->arena);
		if (s->has_thread)
			pthread_mutex_lock(&s->mu);
		sl->state = SLOT_FREE;
		s->next_w++;
	}
	if (s->has_thread)
		pthread_mutex_unlock(&s->mu);
	return st;
}

fc_status fc_norm_stream_create(const struct fc_rules *r, const char *ref,
				struct fc_buf *out,
				struct fc_norm_stream **stream)
{
	*stream = NULL;
	int y, m, dd;
	if (ref && (strlen(ref) != 10 || !fc_date_parse(ref, &y, &m, &dd)))
		return FC_EINPUT;
	struct fc_norm_stream *s = calloc(1, sizeof(*s));
	if (!s)
		return FC_ENOMEM;
	s->r = r;
	s->out = out;
	if (ref) {
		memcpy(s->ref, ref, 11);
		s->has_ref = true;
	}
	s->src.id = "input";
	s->src.published = s->has_ref ? s->ref : NULL;
	s->piece_min = PIECE;
	for (int i = 0; i < NSLOT; i++) {
		fc_arena_init(&s->slots[i].arena);
		fc_buf_init(&s->slots[i].out, 0);
		fc_diags_init(&s->slots[i].d);
	}
	*stream = s;
	/* B on a thread of its own when there are two CPUs to run on */
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env = getenv("FACTCROSS_THREADS");
	if (env && *env)
		ncpu = strtol(env, NULL, 10);
	if (ncpu >= 2 && !pthread_mutex_init(&s->mu, NULL)) {
		if (pthread_cond_init(&s->cv, NULL)) {
			pthread_mutex_destroy(&s->mu);
		} else if (pthread_create(&s->thread, NULL, worker, s)) {
			pthread_cond_destroy(&s->cv);
			pthread_mutex_destroy(&s->mu);
		} else {
			s->has_thread = true;
		}
	}
	return FC_OK;
}

/* How much of text[0, len) the next piece keeps before it: what the
** normalizer's look-behinds read, and the last few words. */
static size_t context_from(const char *t, size_t len, size_t keep_norm)
{
	size_t i = len;
	for (int w = 0; w < CTX_WORDS && i > 0; w++) {
		while (i > 0 && is_ws(t[i - 1]))
			i--;
		while (i > 0 && !is_ws(t[i - 1]))
			i--;
	}
	size_t keep = len - i;
	if (keep < keep_norm)
		keep = keep_norm;
	if (keep < CTX_MIN)
		keep = CTX_MIN;
	if (keep > CTX_MAX)
		keep = CTX_MAX;
	if (keep > len)
		keep = len;
	size_t from = len - keep;
	while (from < len && (t[from] & 0xC0) == 0x80)
		from++; /* not inside a character */
	return from;
}

/* Step A of raw[0, n): clean it behind the context, split it, read its
** times and quantities; then B, here or on the thread. */
static fc_status piece(struct fc_norm_stream *s, const char *raw, size_t n,
		       struct fc_diags *d)
{
	uint64_t seq = s->next_a;
	if (seq >= NSLOT) {
		fc_status st = drain(s, seq - NSLOT + 1, d);
		if (st)
			return st;
	}
	struct slot *sl = &s->slots[seq % NSLOT];
	if (sl->state != SLOT_FREE)
		return FC_EINPUT; /* cannot happen: drained above */
	if (n > (SIZE_MAX - s->nctx - 1) / 3)
		return FC_ELIMIT;
	size_t need = s->nctx + 3 * n + 1;
	if (need > sl->cap) {
		char *t = realloc(sl->text, need);
		if (!t)
			return FC_ENOMEM;
		sl->text = t;
		sl->cap = need;
	}
	if (s->nctx)
		memcpy(sl->text, s->ctx, s->nctx);
	size_t first = 0, nbad = 0;
	size_t clean = repair(sl->text + s->nctx, raw, n, &nbad, &first);
	if (nbad && !s->nbad)
		s->first_bad = s->raw_done + first;
	s->nbad += nbad;
	size_t len = s->nctx + clean;
	sl->text[len] = '\0';
	sl->len = len;
	if (len >= UINT32_MAX / 2)
		return FC_ELIMIT;

	struct fc_document *doc = &sl->doc;
	memset(doc, 0, sizeof(*doc));
	memset(&sl->piece, 0, sizeof(sl->piece));
	doc->src = &s->src;
	doc->published = s->src.published;
	doc->is_published_stated = s->has_ref;
	doc->text = sl->text;
	doc->text_len = len;
	doc->piece = &sl->piece;
	/* room for the mentions as many as the last time: the arena would
	** grow the array by copying it */
	doc->mentions = sl->ments;
	doc->capmentions = sl->capments;
	sl->piece.text_start = s->nctx;
	sl->piece.text_base = s->clean_done - s->nctx;
	sl->piece.sent_base = s->nsent;
	sl->piece.keep_from = len;
	sl->piece.norm = s->norm;
	sl->seq = seq;
	sl->st = FC_OK;
	fc_status st = fc_text_sentences(s->r, &sl->arena, sl->text + s->nctx,
					 clean, &doc->sentences,
					 &doc->nsentences);
	for (size_t i = 0; !st && i < doc->nsentences; i++) {
		doc->sentences[i].start += (uint32_t)s->nctx;
		doc->sentences[i].end += (uint32_t)s->nctx;
	}
	if (!st)
		st = fc_norm_doc(s->r, &sl->arena, doc, &sl->d);
	s->norm = sl->piece.norm;
	if (st) {
		for (size_t i = 0; i < sl->d.n; i++) {
			const struct fc_diag *g = &sl->d.v[i];
			readd(d, g->code, g->sev, &g->loc, "%s", g->msg);
		}
		fc_diags_finish(&sl->d);
		fc_diags_init(&sl->d);
		fc_arena_finish(&sl->arena);
		fc_arena_init(&sl->arena);
		return st;
	}
	s->nlimit += sl->piece.nlimit;
	s->nsent += (uint32_t)doc->nsentences;
	s->raw_done += n;
	s->clean_done += clean;
	/* the context of the next piece */
	size_t from = context_from(sl->text, len, sl->piece.keep_norm);
	s->nctx = 0;
	if (len - from > s->capctx) {
		char *c = realloc(s->ctx, len - from);
		if (!c)
			return FC_ENOMEM;
		s->ctx = c;
		s->capctx = len - from;
	}
	memcpy(s->ctx, sl->text + from, len - from);
	s->nctx = len - from;
	if (!s->has_thread) {
		step_b(s, sl);
		sl->state = SLOT_DONE;
		s->next_a++;
		return drain(s, seq + 1, d);
	}
	pthread_mutex_lock(&s->mu);
	sl->state = SLOT_READ;
	s->next_a++;
	pthread_cond_broadcast(&s->cv);
	pthread_mutex_unlock(&s->mu);
	return drain(s, 0, d);
}

fc_status fc_norm_stream_feed(struct fc_norm_stream *s, const char *data,
			      size_t len, struct fc_diags *d)
{
	if (s->nin + len > s->capin) {
		if (s->inoff) {
			memmove(s->in, s->in + s->inoff, s->nin - s->inoff);
			s->nin -= s->inoff;
			s->inoff = 0;
		}
		if (s->nin + len > s->capin) {
			size_t cap = s->capin ? s->capin : 1u << 20;
			while (cap < s->nin + len)
				cap *= 2;
			char *p = realloc(s->in, cap);
			if (!p)
				return FC_ENOMEM;
			s->in = p;
			s->capin = cap;
		}
	}
	memcpy(s->in + s->nin, data, len);
	s->nin += len;
	size_t cut;
	while (s->nin - s->inoff > s->piece_min &&
	       (cut = find_cut(s->in + s->inoff, s->nin - s->inoff,
			       s->piece_min))) {
		fc_status st = piece(s, s->in + s->inoff, cut, d);
		if (st)
			return st;
		s->inoff += cut;
	}
	return FC_OK;
}

fc_status fc_norm_stream_finish(struct fc_norm_stream *s,
				struct fc_diags *d)
{
	if (s->nin > s->inoff) {
		fc_status st = piece(s, s->in + s->inoff, s->nin - s->inoff, d);
		if (st)
			return st;
		s->inoff = s->nin;
	}
	fc_status st = drain(s, s->next_a, d);
	if (st)
		return st;
	if (s->nbad)
		warn_bad(d, s->nbad, s->first_bad);
	if (s->nlimit) {
		struct fc_srcloc loc = {s->src.id, 0, 0, 0};
		fc_diag_warn(d, &loc,
			     "%zu normalizer matches stopped at the match "
			     "limit",
			     s->nlimit);
	}
	return FC_OK;
}

void fc_norm_stream_set_piece(struct fc_norm_stream *s, size_t bytes)
{
	s->piece_min = bytes ? bytes : 1;
}

void fc_norm_stream_destroy(struct fc_norm_stream *s)
{
	if (!s)
		return;
	if (s->has_thread) {
		pthread_mutex_lock(&s->mu);
		s->is_closing = true;
		pthread_cond_broadcast(&s->cv);
		pthread_mutex_unlock(&s->mu);
		pthread_join(s->thread, NULL);
		pthread_cond_destroy(&s->cv);
		pthread_mutex_destroy(&s->mu);
	}
	struct fc_piece p = {0};
	p.norm = s->norm;
	p.lexicon = s->lexicon;
	fc_piece_finish(&p);
	for (int i = 0; i < NSLOT; i++) {
		fc_arena_finish(&s->slots[i].arena);
		fc_buf_finish(&s->slots[i].out);
		fc_diags_finish(&s->slots[i].d);
		free(s->slots[i].text);
		free(s->slots[i].ments);
	}
	free(s->in);
	free(s->ctx);
	free(s);
}
