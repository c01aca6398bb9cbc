/*
** normalize.c: factcross normalize, on a text in memory
** (fc_normalize_text) and on input of any length (the stream: its
** pieces, threads and output). The bytes of the input (UTF-8 repair,
** where a piece is cut, the context kept) are normalize_cut.c's.
*/
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extract/norm_ref.h"
#include "pipeline/normalize_p.h"
#include "pipeline/pipeline_p.h"
#include "pipeline/timing.h"

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
	doc->text_len = fc_utf8_repair_to(t, doc->raw, doc->raw_len, &nbad, &first);
	fc_text_fold_cr(t, doc->text_len);
	doc->text = fc_arena_strndup(&c->arena, t, doc->text_len);
	free(t);
	if (!doc->text)
		return FC_ENOMEM;
	if (nbad)
		stream_warn_bad(d, nbad, first);
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
** A piece goes through three steps: P (clean it, keep its end as the
** next piece's context), A (split it into sentences; times and
** quantities) and B (number its sentences; entities and cues, sorting,
** JSON). P runs on the
** caller's thread, in order; A of several pieces at once on the
** threads there are (it reads nothing of the pieces before but its
** context); B one piece at a time, in order, since the lexicon's state
** goes from piece to piece. Every thread takes B when it can, else A;
** the caller's thread does too while it waits for a free slot, and
** writes out the pieces in order.
**
** A text with no blank line for PIECE_MAX bytes is cut all the same
** (stream_force_cut), so that the memory a piece takes stays bounded
** whatever the input: a hostile text of one line, "1 1 1 ...", gives a
** mention for every two bytes. What crosses such a cut may read
** differently from the whole text; a paragraph of a megabyte is no
** prose.
*/
#define PIECE (256 * 1024)  /* input bytes a piece takes at least */
#define PIECE_MAX (512 * 1024) /* and at most, blank line or not */
#define THREADS_MAX 8       /* threads at most (the caller's included) */
#define MENT_BYTES 32       /* text bytes a mention, for the first room */
#define KEEP_MENTS (32 * 1024) /* mentions a slot keeps room for, at most */
#define KEEP_OUT (8u << 20) /* output buffer a slot keeps, at most */
#define KEEP_BAD 4096       /* bad bytes a slot keeps room for, at most */
#define IN_SLACK_MAX (64u << 20) /* a piece_max the input and text rooms
				  ** are sized for, at most */
#define TEXT_SLACK 4096     /* context bytes a slot's text has room for,
			    ** beyond the context it was sized with */

enum { SLOT_FREE, SLOT_P, SLOT_A, SLOT_AD, SLOT_B, SLOT_DONE };

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
	uint32_t *bad_end; /* the repair's bad bytes (struct fc_repairs) */
	size_t capbad;
	struct fc_repairs rep;
};

struct fc_norm_stream {
	const struct fc_rules *r;
	char ref[NORM_REF_MAX];
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
	size_t piece_max; /* and at most (stream_force_cut) */
	size_t keep_norm; /* context the normalizer needs */
	struct fc_piece own;               /* the caller's thread's A: its walks */
	struct fc_lexicon_state *lexicon; /* B's */
	struct slot *slots;
	size_t nslot;
	uint64_t next_p, next_b, next_w; /* pieces made, in B, written */
	bool is_b_busy, is_closing;
	pthread_t *threads;
	size_t nthreads;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct fc_timing *timing; /* --time: r's collector, or NULL */
	fc_status (*sink)(void *ud, struct fc_buf *out); /* or NULL */
	void *sink_ud;
};

/* Step B of a piece: entities, cues, quotes; sorted; JSON. */
static void step_b(struct fc_norm_stream *s, struct slot *sl)
{
	if (sl->st)
		return;
	/* B runs on one piece at a time, in order: the sentences before */
	sl->piece.sent_base = s->nsent;
	s->nsent += (uint32_t)sl->doc.nsentences;
	sl->piece.lexicon = s->lexicon;
	uint64_t t0 = s->timing ? fc_ticks() : 0;
	sl->st = fc_lexicon_doc(s->r, &sl->arena, &sl->doc, &sl->d);
	s->lexicon = sl->piece.lexicon;
	if (sl->st)
		return;
	fc_mentions_finish(&sl->doc);
	uint64_t t1 = s->timing ? fc_ticks() : 0;
	/* room for the lines of news text at once (about three bytes a
	** byte of text), rather than by doubling and copying */
	size_t want = 4 * (sl->len - sl->piece.text_start) + 4096;
	if (sl->out.cap < want)
		fc_buf_room(&sl->out, want);
	sl->st = fc_report_mentions_jsonl_at(
		&sl->doc, sl->piece.text_base,
		sl->rep.n || sl->rep.before ? &sl->rep : NULL, &sl->out);
	if (!sl->st && !sl->d.n) {
		/* its lines are made: the mentions go now, not when the
		** piece's turn to be written comes (no diagnostic points
		** into the arena either) */
		sl->doc.mentions = NULL;
		sl->doc.nmentions = 0;
		fc_arena_finish(&sl->arena);
		fc_arena_init(&sl->arena);
	}
	if (s->timing) {
		fc_timing_add_stage(s->timing, FC_TS_LEXICON, t1 - t0);
		fc_timing_add_stage(s->timing, FC_TS_OUTPUT, fc_ticks() - t1);
	}
}

/* Step A of a piece: its times and quantities, with the walks of the
** thread's own piece (kept from piece to piece). */
static void step_a(struct fc_norm_stream *s, struct slot *sl,
		   struct fc_piece *own)
{
	if (sl->st)
		return;
	/* the sentences of the piece's new text, here rather than in P:
	** P runs on the caller's thread alone, A on every thread */
	uint64_t t0 = s->timing ? fc_ticks() : 0;
	struct fc_document *doc = &sl->doc;
	uint32_t ctx = sl->piece.text_start;
	sl->st = fc_text_sentences(s->r, &sl->arena, sl->text + ctx,
				   sl->len - ctx, &doc->sentences,
				   &doc->nsentences);
	if (sl->st)
		return;
	for (size_t i = 0; i < doc->nsentences; i++) {
		doc->sentences[i].start += ctx;
		doc->sentences[i].end += ctx;
	}
	if (s->timing)
		fc_timing_add_stage(s->timing, FC_TS_READ, fc_ticks() - t0);
	sl->piece.norm = own->norm;
	sl->piece.norm_back = own->norm_back;
	sl->st = fc_norm_doc(s->r, &sl->arena, &sl->doc, &sl->d);
	own->norm = sl->piece.norm;
	own->norm_back = sl->piece.norm_back;
	sl->piece.norm = NULL;
	sl->piece.norm_back = NULL;
}

/* Under the lock: the next job, B first; NULL when there is none. */
static struct slot *take(struct fc_norm_stream *s)
{
	if (s->next_b < s->next_p && !s->is_b_busy) {
		struct slot *sl = &s->slots[s->next_b % s->nslot];
		if (sl->state == SLOT_AD) {
			sl->state = SLOT_B;
			s->is_b_busy = true;
			return sl;
		}
	}
	for (uint64_t q = s->next_b; q < s->next_p; q++) {
		struct slot *sl = &s->slots[q % s->nslot];
		if (sl->state == SLOT_P) {
			sl->state = SLOT_A;
			return sl;
		}
	}
	return NULL;
}

/* Under the lock: run job sl (taken), unlocked while it runs. */
static void run(struct fc_norm_stream *s, struct slot *sl,
		struct fc_piece *own)
{
	bool is_b = sl->state == SLOT_B;
	pthread_mutex_unlock(&s->mu);
	if (is_b)
		step_b(s, sl);
	else
		step_a(s, sl, own);
	pthread_mutex_lock(&s->mu);
	if (is_b) {
		sl->state = SLOT_DONE;
		s->next_b++;
		s->is_b_busy = false;
	} else {
		sl->state = SLOT_AD;
	}
	pthread_cond_broadcast(&s->cv);
}

static void *worker(void *ud)
{
	struct fc_norm_stream *s = ud;
	struct fc_piece own = {0}; /* its walks */
	pthread_mutex_lock(&s->mu);
	while (!s->is_closing) {
		struct slot *sl = take(s);
		if (sl)
			run(s, sl, &own);
		else
			pthread_cond_wait(&s->cv, &s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	fc_piece_finish(&own);
	return NULL;
}

/* Without threads: A and B of the pieces made, here. */
static void run_here(struct fc_norm_stream *s)
{
	while (s->next_b < s->next_p) {
		struct slot *sl = &s->slots[s->next_b % s->nslot];
		step_a(s, sl, &s->own);
		step_b(s, sl);
		sl->state = SLOT_DONE;
		s->next_b++;
	}
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
** Room for want mentions in slot sl. Its mentions are written out (or
** not made yet) whenever it grows: the old ones are dropped, not copied
** as realloc did. Out of memory: the room it had.
*/
static void ments_room(struct slot *sl, size_t want)
{
	struct fc_mention *v = malloc(want * sizeof(*v));
	if (!v)
		return;
	free(sl->ments);
	sl->ments = v;
	sl->capments = want;
}

/*
** After a piece is written: the slot keeps room for as many mentions as
** it took, up to KEEP_MENTS (news text needs a tenth of that; a hostile
** text takes more, in the arena, reallocated as it grows, and gives it
** back with the arena), an output buffer of KEEP_OUT at most, and room
** for KEEP_BAD bad bytes at most (a piece of bad bytes took 4 bytes a
** byte).
*/
static void keep_room(struct slot *sl)
{
	size_t want = sl->doc.capmentions < KEEP_MENTS ? sl->doc.capmentions
						       : KEEP_MENTS;
	if (want > sl->capments)
		ments_room(sl, want);
	if (sl->out.cap > KEEP_OUT) {
		fc_buf_finish(&sl->out);
		fc_buf_init(&sl->out, 0);
	}
	if (sl->capbad > KEEP_BAD) {
		free(sl->bad_end);
		sl->bad_end = NULL;
		sl->capbad = 0;
	}
}

/*
** Write out the pieces that are done, in order, until piece `until` (a
** sequence number) is written: the caller's thread helps with A and B,
** or waits, while it is not. Returns the first failure.
*/
static fc_status drain(struct fc_norm_stream *s, uint64_t until,
		       struct fc_diags *d)
{
	fc_status st = FC_OK;
	if (!s->nthreads)
		run_here(s);
	else
		pthread_mutex_lock(&s->mu);
	while (s->next_w < s->next_p) {
		struct slot *sl = &s->slots[s->next_w % s->nslot];
		if (sl->state != SLOT_DONE) {
			if (!s->nthreads || s->next_w >= until)
				break;
			struct slot *job = take(s);
			if (job)
				run(s, job, &s->own);
			else
				pthread_cond_wait(&s->cv, &s->mu);
			continue;
		}
		if (s->nthreads)
			pthread_mutex_unlock(&s->mu);
		for (size_t i = 0; i < sl->d.n; i++) {
			const struct fc_diag *g = &sl->d.v[i];
			readd(d, g->code, g->sev, &g->loc, "%s", g->msg);
		}
		fc_diags_finish(&sl->d);
		fc_diags_init(&sl->d);
		if (!st && sl->st)
			st = sl->st;
		s->nlimit += sl->piece.nlimit;
		if (!st && sl->out.len)
			fc_buf_add_buf(s->out, &sl->out);
		if (!st && s->out->err)
			st = s->out->err;
		if (!st && s->sink && s->out->len)
			st = s->sink(s->sink_ud, s->out);
		fc_buf_reset(&sl->out);
		keep_room(sl);
		fc_arena_finish(&sl->arena);
		fc_arena_init(&sl->arena);
		if (s->nthreads)
			pthread_mutex_lock(&s->mu);
		sl->state = SLOT_FREE;
		s->next_w++;
		if (st)
			break;
	}
	if (s->nthreads)
		pthread_mutex_unlock(&s->mu);
	return st;
}

/* Threads to run A and B on: FACTCROSS_THREADS when set, else the CPUs
** online. */
static size_t nthreads_wanted(void)
{
	long k = sysconf(_SC_NPROCESSORS_ONLN);
	const char *env = getenv("FACTCROSS_THREADS");
	if (env && *env)
		k = strtol(env, NULL, 10);
	return k < 1 ? 1 : k > THREADS_MAX ? THREADS_MAX : (size_t)k;
}

/* The other threads of stream s, up to want - 1 of them (s->nthreads:
** how many started; none when want < 2 or none could). */
static void start_threads(struct fc_norm_stream *s, size_t want)
{
	if (want < 2 || pthread_mutex_init(&s->mu, NULL))
		return;
	if (pthread_cond_init(&s->cv, NULL)) {
		pthread_mutex_destroy(&s->mu);
		return;
	}
	while (s->nthreads + 1 < want &&
	       !pthread_create(&s->threads[s->nthreads], NULL, worker, s))
		s->nthreads++;
	if (!s->nthreads) {
		pthread_cond_destroy(&s->cv);
		pthread_mutex_destroy(&s->mu);
	}
}

fc_status fc_norm_stream_create(const struct fc_rules *r, const char *ref,
				struct fc_buf *out,
				struct fc_norm_stream **stream)
{
	*stream = NULL;
	struct norm_ref rr;
	if (ref && (strlen(ref) >= NORM_REF_MAX ||
		    !fc_norm_ref_parse(ref, &rr)))
		return FC_EINPUT;
	struct fc_norm_stream *s = calloc(1, sizeof(*s));
	if (!s)
		return FC_ENOMEM;
	s->r = r;
	s->out = out;
	s->timing = fc_timing_of(r);
	if (ref) {
		memcpy(s->ref, ref, strlen(ref) + 1);
		s->has_ref = true;
	}
	s->src.id = "input";
	s->src.published = s->has_ref ? s->ref : NULL;
	s->piece_min = PIECE;
	s->piece_max = PIECE_MAX;
	s->keep_norm = fc_norm_keep(r);
	/* A and B on the other threads, and on the caller's while it
	** waits; pieces in flight: one per thread, and two to fill */
	size_t want = nthreads_wanted();
	s->nslot = want + 2;
	s->slots = calloc(s->nslot, sizeof(*s->slots));
	s->threads = calloc(want, sizeof(*s->threads));
	if (!s->slots || !s->threads) {
		free(s->slots);
		free(s->threads);
		free(s);
		return FC_ENOMEM;
	}
	for (size_t i = 0; i < s->nslot; i++) {
		fc_arena_init(&s->slots[i].arena);
		fc_buf_init(&s->slots[i].out, 0);
		fc_diags_init(&s->slots[i].d);
	}
	*stream = s;
	start_threads(s, want);
	/* without threads a piece is written before the next is cut: one
	** slot, whose buffers every piece reuses (three slots touched the
	** memory of three: on norm8, 1,100 more page faults) */
	if (!s->nthreads)
		s->nslot = 1;
	return FC_OK;
}

/*
** Room for need bytes of text in slot sl, its old text dropped: what is
** there is written over (context, then the cleaned piece), so realloc's
** copy of the old buffer was waste (on norm8, 2,100 of its 14,300 page
** faults). The room is that of the largest piece (piece_max, three
** bytes a byte for the UTF-8 repair, and the context with TEXT_SLACK
** to spare, as contexts differ), so that pieces of growing length do
** not each take a new buffer; only the bytes written are touched.
** A piece_max above IN_SLACK_MAX (a caller's "no forced cut") gets
** need alone, as does a failed malloc of the larger room: a small
** text must not fail for the room of a piece it never has. False when
** out of memory (the old text kept).
*/
static bool slot_text_room(const struct fc_norm_stream *s, struct slot *sl,
			   size_t need)
{
	size_t cap = need;
	if (s->piece_max <= IN_SLACK_MAX && s->nctx <= SIZE_MAX / 2 &&
	    s->nctx + TEXT_SLACK + 3 * s->piece_max + 1 > cap)
		cap = s->nctx + TEXT_SLACK + 3 * s->piece_max + 1;
	char *t = malloc(cap);
	if (!t && cap > need)
		t = malloc(cap = need);
	if (!t)
		return false;
	free(sl->text);
	sl->text = t;
	sl->cap = cap;
	return true;
}

/*
** Where the repair of raw[0, n) (behind the context) replaced its nbad
** bad bytes, for the offsets of the output (sl->rep); s->nbad counts
** those before. False when out of memory.
*/
static bool slot_repairs(const struct fc_norm_stream *s, struct slot *sl,
			 const char *raw, size_t n, size_t nbad)
{
	sl->rep = (struct fc_repairs){sl->bad_end, 0, s->nbad};
	if (!nbad)
		return true;
	if (nbad > sl->capbad) {
		uint32_t *v = malloc(nbad * sizeof(*v));
		if (!v)
			return false;
		free(sl->bad_end);
		sl->bad_end = v;
		sl->capbad = nbad;
	}
	fc_utf8_repair_ends(raw, n, sl->bad_end);
	for (size_t i = 0; i < nbad; i++)
		sl->bad_end[i] += (uint32_t)s->nctx;
	sl->rep = (struct fc_repairs){sl->bad_end, nbad, s->nbad};
	return true;
}

/* Step P of raw[0, n): clean it behind the context, keep its end for
** the next piece; A and B follow. */
static fc_status piece(struct fc_norm_stream *s, const char *raw, size_t n,
		       struct fc_diags *d)
{
	uint64_t seq = s->next_p;
	if (seq >= s->nslot) {
		fc_status st = drain(s, seq - s->nslot + 1, d);
		if (st)
			return st;
	}
	struct slot *sl = &s->slots[seq % s->nslot];
	if (sl->state != SLOT_FREE)
		return FC_EINPUT; /* cannot happen: drained above */
	uint64_t t0 = s->timing ? fc_ticks() : 0;
	if (n > (SIZE_MAX - s->nctx - 1) / 3)
		return FC_ELIMIT;
	size_t need = s->nctx + 3 * n + 1;
	if (need > sl->cap && !slot_text_room(s, sl, need))
		return FC_ENOMEM;
	if (s->nctx)
		memcpy(sl->text, s->ctx, s->nctx);
	size_t first = 0, nbad = 0;
	size_t clean = fc_utf8_repair_to(sl->text + s->nctx, raw, n, &nbad, &first);
	fc_text_fold_cr(sl->text + s->nctx, clean);
	if (nbad && !s->nbad)
		s->first_bad = s->raw_done + first;
	if (!slot_repairs(s, sl, raw, n, nbad))
		return FC_ENOMEM;
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
	/* room for the mentions as many as the last time, and at least
	** for one in every MENT_BYTES bytes (news text gives one in 44):
	** the arena would grow the array by copying and clearing it */
	size_t want = clean / MENT_BYTES + 64;
	if (sl->capments < want)
		ments_room(sl, want);
	doc->mentions = sl->ments;
	doc->capmentions = sl->capments;
	sl->piece.text_start = s->nctx;
	sl->piece.text_base = s->clean_done - s->nctx;
	sl->piece.keep_from = len;
	sl->seq = seq;
	sl->st = FC_OK;
	s->raw_done += n;
	s->clean_done += clean;
	/* the context of the next piece */
	size_t from = stream_context_from(sl->text, len, s->keep_norm);
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
	if (s->timing)
		fc_timing_add_stage(s->timing, FC_TS_READ, fc_ticks() - t0);
	if (!s->nthreads) {
		sl->state = SLOT_P;
		s->next_p++;
		return drain(s, seq + 1, d);
	}
	pthread_mutex_lock(&s->mu);
	sl->state = SLOT_P;
	s->next_p++;
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
			/* and room for what a piece may leave behind
			** (piece_max), so that the next feed of the
			** same length fits without a realloc that copies */
			size_t want = s->nin + len;
			if (s->piece_max <= IN_SLACK_MAX &&
			    want <= SIZE_MAX / 4 - s->piece_max)
				want += s->piece_max;
			size_t cap = s->capin ? s->capin : 1u << 20;
			while (cap < want)
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
	while (s->nin - s->inoff > s->piece_min) {
		const char *p = s->in + s->inoff;
		size_t n = s->nin - s->inoff;
		cut = stream_find_cut(p, n, s->piece_min);
		if (!cut || cut > s->piece_max) {
			if (n <= s->piece_max)
				break;
			cut = stream_force_cut(p, s->piece_min, s->piece_max);
		}
		fc_status st = piece(s, p, cut, d);
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
	fc_status st = drain(s, s->next_p, d);
	if (st)
		return st;
	if (s->nbad)
		stream_warn_bad(d, s->nbad, s->first_bad);
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
	if (s->piece_max < 2 * s->piece_min)
		s->piece_max = 2 * s->piece_min;
}

void fc_norm_stream_set_piece_max(struct fc_norm_stream *s, size_t bytes)
{
	s->piece_max = bytes > s->piece_min ? bytes : s->piece_min + 1;
}

void fc_norm_stream_set_sink(struct fc_norm_stream *s,
			     fc_status (*fn)(void *ud, struct fc_buf *out),
			     void *ud)
{
	s->sink = fn;
	s->sink_ud = ud;
}

size_t fc_norm_stream_npieces(const struct fc_norm_stream *s)
{
	return (size_t)s->next_p;
}

void fc_norm_stream_destroy(struct fc_norm_stream *s)
{
	if (!s)
		return;
	if (s->nthreads) {
		pthread_mutex_lock(&s->mu);
		s->is_closing = true;
		pthread_cond_broadcast(&s->cv);
		pthread_mutex_unlock(&s->mu);
		for (size_t i = 0; i < s->nthreads; i++)
			pthread_join(s->threads[i], NULL);
		pthread_cond_destroy(&s->cv);
		pthread_mutex_destroy(&s->mu);
	}
	s->own.lexicon = s->lexicon;
	fc_piece_finish(&s->own);
	for (size_t i = 0; i < s->nslot; i++) {
		fc_arena_finish(&s->slots[i].arena);
		fc_buf_finish(&s->slots[i].out);
		fc_diags_finish(&s->slots[i].d);
		free(s->slots[i].text);
		free(s->slots[i].ments);
		free(s->slots[i].bad_end);
	}
	free(s->slots);
	free(s->threads);
	free(s->in);
	free(s->ctx);
	free(s);
}
