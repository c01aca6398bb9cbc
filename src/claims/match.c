/*
** match.c: fc_claims_doc, the claim rules over every sentence of one
** document.
**
** Rules run in priority order (then load order); a rule with a
** `requires:` prefilter runs only on sentences it matches. Within a
** sentence,
** once a match of some rule has produced facts of a kind, later matches
** of that kind that overlap it are skipped: a specific wording (higher
** priority) wins over a general one covering the same words. Identical
** facts from one sentence are kept once.
**
** Work is bounded: the match context carries a match limit, so a
** hostile sentence costs at most that many steps per rule; hitting it
** skips the rule for that sentence with one warning per document.
** A regex runs interpreted until it is hot, then JIT-compiled (jit.c).
** A pattern is not tried on a sentence that lacks the literals every
** match of it contains (lit.c).
*/
#include <stdlib.h>
#include <string.h>

#include "claims/claims_p.h"
#include "pipeline/timing.h"

#define MATCH_LIMIT 500000u
#define DEPTH_LIMIT 5000u
#define JIT_STACK_MIN (32u << 10)
#define JIT_STACK_MAX (1u << 20)

struct claimed {
	const char *kind;
	uint32_t start, end;
};

struct run {
	struct match_ctx m;
	const struct fc_lazy_policy *pol;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jit;
	struct claimed *cl;
	size_t ncl, capcl;
	char *fold;        /* the sentence folded for cl_lits_present */
	size_t nfold, capfold;
	bool is_folded;    /* fold holds the current sentence */
	bool is_oom;
	bool is_warned;
	struct fc_diags *d;
	struct fc_tally *tally; /* --time: counts per active rule, or NULL */
	struct fc_tally *cur;   /* the rule running: tally + its index */
};

/* A try counted and timed (--time): out of line, off the common path. */
static __attribute__((noinline)) int
timed_match(const struct run *rn, struct fc_lazy_re *re, const char *s,
	    size_t len, size_t off)
{
	uint64_t t0 = fc_ticks();
	int rc = fc_lazy_re_match(rn->pol, re, s, len, off, rn->md, rn->mctx);
	rn->cur->ticks += fc_ticks() - t0;
	rn->cur->tries++;
	rn->cur->matches += rc >= 0;
	return rc;
}

/* One try of a rule's pattern (or prefilter) over s[0, len) from off. */
static int try_match(const struct run *rn, struct fc_lazy_re *re, const char *s,
		     size_t len, size_t off)
{
	if (__builtin_expect(rn->cur != NULL, 0))
		return timed_match(rn, re, s, len, off);
	return fc_lazy_re_match(rn->pol, re, s, len, off, rn->md, rn->mctx);
}

static bool is_claimed(const struct run *rn, const char *kind, uint32_t s,
		       uint32_t e)
{
	for (size_t i = 0; i < rn->ncl; i++)
		if (rn->cl[i].kind == kind && s < rn->cl[i].end &&
		    e > rn->cl[i].start)
			return true;
	return false;
}

static bool claim(struct run *rn, const char *kind, uint32_t s, uint32_t e)
{
	if (rn->ncl == rn->capcl) {
		size_t ncap = rn->capcl ? rn->capcl * 2 : 16;
		struct claimed *v = realloc(rn->cl, ncap * sizeof(*v));
		if (!v)
			return false;
		rn->cl = v;
		rn->capcl = ncap;
	}
	rn->cl[rn->ncl++] = (struct claimed){kind, s, e};
	return true;
}

static void limit_warning(struct run *rn, const struct rule *ru, int rc)
{
	if (rn->is_warned)
		return;
	rn->is_warned = true;
	const struct fc_document *doc = rn->m.doc;
	PCRE2_UCHAR msg[128];
	pcre2_get_error_message(rc, msg, sizeof(msg));
	fc_diag_warn(rn->d, &ru->loc,
		     "claim rule '%s' stopped on sentence %u of source '%s' "
		     "(%s); later limits in this source are not reported",
		     ru->id, (unsigned)rn->m.t->sentence + 1,
		     doc->src && doc->src->id ? doc->src->id : "?",
		     (const char *)msg);
}

/* Start of the UTF-8 character after offset i. */
static size_t next_char(const char *s, size_t len, size_t i)
{
	i++;
	while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
		i++;
	return i;
}

/*
** Does the sentence hold the literals every match of the pattern holds?
** When not, that is the pattern's one try on it, which fails: --time
** counts it as a try (as PCRE2's own look for a required character).
*/
static bool lits_present(struct run *rn, const struct cl_lits *l)
{
	const struct tagged *t = rn->m.t;
	uint64_t t0 = rn->cur ? fc_ticks() : 0;
	if (!rn->is_folded) {
		if (t->len > rn->capfold) {
			char *v = realloc(rn->fold, t->len);
			if (!v) {
				rn->is_oom = true;
				return false;
			}
			rn->fold = v;
			rn->capfold = t->len;
		}
		rn->nfold = cl_fold(t->s, t->len, rn->fold);
		rn->is_folded = true;
	}
	bool is_in = cl_lits_present(l, rn->fold, rn->nfold);
	if (rn->cur) {
		rn->cur->ticks += fc_ticks() - t0;
		rn->cur->tries += !is_in;
	}
	return is_in;
}

static fc_status run_pattern(struct run *rn, const struct rule *ru,
			     struct pattern *p)
{
	struct match_ctx *m = &rn->m;
	const struct tagged *t = m->t;
	const struct cl_lits *l = cl_lazylits_get(&p->lits);
	if (l && l->nsets && !lits_present(rn, l))
		return rn->is_oom ? FC_ENOMEM : FC_OK;
	size_t off = 0;
	while (off <= t->len) {
		int rc = try_match(rn, &p->re, t->s, t->len, off);
		if (rc == PCRE2_ERROR_NOMATCH)
			break;
		if (rc < 0) {
			if (rc == PCRE2_ERROR_MATCHLIMIT ||
			    rc == PCRE2_ERROR_DEPTHLIMIT ||
			    rc == PCRE2_ERROR_HEAPLIMIT ||
			    rc == PCRE2_ERROR_JIT_STACKLIMIT)
				limit_warning(rn, ru, rc);
			else if (rc == PCRE2_ERROR_NOMEMORY)
				return FC_ENOMEM;
			break;
		}
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rn->md);
		size_t ms = ov[0], me = ov[1];
		if (me > ms) {
			m->rule = ru;
			m->pat = p;
			m->ov = ov;
			m->quote = NULL;
			m->start = t->lo[ms];
			m->end = t->hi[me - 1];
			if (!is_claimed(rn, ru->kind->name, m->start, m->end)) {
				size_t n = 0;
				fc_status st = cl_fill_facts(m, &n);
				if (st)
					return st;
				if (n && !claim(rn, ru->kind->name, m->start,
						m->end))
					return FC_ENOMEM;
			}
			off = me;
		} else {
			off = next_char(t->s, t->len, ms);
		}
	}
	return FC_OK;
}

static fc_status run_quotes(struct run *rn, const struct rule *ru)
{
	struct match_ctx *m = &rn->m;
	for (uint32_t i = m->t->mfirst; i < m->t->mend; i++) {
		const struct fc_mention *x = &m->doc->mentions[i];
		if (x->kind != FC_MENTION_QUOTE || !x->speaker ||
		    x->end > m->doc->text_len)
			continue;
		m->rule = ru;
		m->pat = NULL;
		m->ov = NULL;
		m->quote = x;
		m->start = x->start;
		m->end = x->end;
		size_t n = 0;
		fc_status st = cl_fill_facts(m, &n);
		if (st)
			return st;
	}
	m->quote = NULL;
	return FC_OK;
}

/* Does the rule's `requires:` match the sentence? */
static bool prefilter(struct run *rn, struct rule *ru)
{
	const struct tagged *t = rn->m.t;
	int rc = try_match(rn, ru->req, t->s, t->len, 0);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
		limit_warning(rn, ru, rc);
	return rc >= 0;
}

static fc_status run_sentence(struct run *rn, const struct fc_claims *cl)
{
	rn->ncl = 0;
	rn->is_folded = false;
	rn->m.sent_first = rn->m.c->nfacts;
	for (size_t i = 0; i < cl->nactive; i++) {
		struct rule *ru = cl->active[i];
		fc_status st = FC_OK;
		if (rn->tally)
			rn->cur = &rn->tally[i];
		if (ru->req && !prefilter(rn, ru))
			continue;
		if (ru->source == SRC_QUOTE)
			st = run_quotes(rn, ru);
		for (size_t k = 0; k < ru->npats && !st; k++)
			st = run_pattern(rn, ru, &ru->pats[k]);
		if (st)
			return st;
	}
	return FC_OK;
}

fc_status fc_claims_doc(const struct fc_rules *r, struct fc_corpus *c,
			uint32_t di, struct fc_diags *d)
{
	const struct fc_claims *cl = r ? r->claims : NULL;
	if (!cl || !cl->nactive || di >= c->ndocs)
		return FC_OK;
	const struct fc_document *doc = &c->docs[di];
	if (!doc->text || !doc->nsentences)
		return FC_OK;
	struct tagged t = {0};
	struct run rn = {.d = d, .pol = &cl->jit};
	rn.m.c = c;
	rn.m.di = di;
	rn.m.doc = doc;
	rn.m.t = &t;
	fc_status st = FC_ENOMEM;
	uint64_t t0 = cl->timing ? fc_ticks() : 0;
	if (cl->timing)
		rn.tally = calloc(cl->nactive, sizeof(*rn.tally));
	rn.md = pcre2_match_data_create(cl->maxpairs, NULL);
	rn.mctx = pcre2_match_context_create(NULL);
	rn.jit = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
	if (!rn.md || !rn.mctx)
		goto fail;
	pcre2_set_match_limit(rn.mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(rn.mctx, DEPTH_LIMIT);
	if (rn.jit)
		pcre2_jit_stack_assign(rn.mctx, NULL, rn.jit);
	for (uint32_t si = 0; si < doc->nsentences; si++) {
		if ((st = cl_tagged_build(&t, doc, si)))
			goto fail;
		if ((st = run_sentence(&rn, cl)))
			goto fail;
	}
	st = FC_OK;
	if (rn.tally) {
		fc_timing_add_tallies(cl->timing, FC_TALLY_CLAIMS, rn.tally,
				      cl->nactive);
		fc_timing_add_stage(cl->timing, FC_TS_CLAIMS, fc_ticks() - t0);
	}
fail:
	if (st == FC_ENOMEM)
		fc_diag_add(d, FC_ENOMEM, NULL,
			    "out of memory extracting facts");
	cl_match_ctx_finish(&rn.m);
	cl_tagged_finish(&t);
	free(rn.cl);
	free(rn.fold);
	free(rn.tally);
	pcre2_jit_stack_free(rn.jit);
	pcre2_match_context_free(rn.mctx);
	pcre2_match_data_free(rn.md);
	return st;
}
