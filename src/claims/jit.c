/*
** jit.c: compiling a claim regex (a pattern or a `requires:`), and
** running it interpreted until it proves hot, then JIT-compiled.
**
** JIT-compiling every claim regex at load was the dearest part of
** loading the rules (226 M of the 756 M instructions of `verify` on the
** seed corpus), and a corpus needs few of them: a rule's patterns run
** only on the sentences its `requires:` lets through, and on a small
** corpus most regexes run a few times or never. So a regex runs on the
** interpreter until its tries have been given, in subject bytes, as
** many bytes as its compiled code has (size_pct 100), or until 4 of
** them have matched (struct cl_jit_policy); the try after that compiles
** a copy of it with the JIT, and every later try runs the copy. As in
** the normalizer (src/extract/norm_jit.c), the copy is published with
** an atomic store and code a thread may be running is never changed, so
** threads may share the rules without a lock.
**
** Why bytes per byte of code: a JIT compile costs about in proportion
** to the code's size, and an interpreted try about in proportion to the
** bytes it is given (the tagged sentence from the try's offset). On
** `verify` of the seed corpus (callgrind, whole run): every regex
** JIT-compiled at load 756.5 M; a JIT copy after 32 tries or 4 matches
** (the normalizer's policy) 702.6 M; after 25% of the code's size in
** bytes 719.1 M, 50% 687.9 M, 100% 687.9 M, 200% 687.8 M, 400% 689.2 M,
** 800% 694.1 M; at 100%, 2 matches 714.8 M, 8 matches 691.8 M, none
** 690.2 M. On ECB+ clusters 3_ecb and 43_ecbplus, 50%, 100% and 300%
** are within 0.5% of each other. With the literal skip (lit.c), on the
** seed corpus 50%, 100% and 200% are within 0.1% (611.6 M), 25% 620.9
** M, 400% 613.8 M; 2 matches 642.5 M, 8 matches 615.6 M.
**
** The two engines agree on every try that both finish, but they give up
** at different points: the interpreter at the depth limit, the match
** limit (counted in its own steps) or the heap limit, the JIT at the
** match limit (counted in other steps) or when its stack is full. So a
** try that one engine gave up on is run again on the other, and it
** fails only when both give up, then with the interpreter's error: a
** try's result does not depend on how many tries came before it.
**
** cl_compile_regex is the one place a claim regex is compiled: a cache
** of compiled patterns would plug in there.
*/
#include <sched.h>
#include <stdlib.h>

#include "claims/claims_p.h"

enum { IDLE, COMPILING, DONE };

pcre2_code *cl_compile_regex(const char *x, size_t len, int *ecode,
			     size_t *eoff)
{
	PCRE2_SIZE off = 0;
	pcre2_code *code = pcre2_compile((PCRE2_SPTR)x, len,
					 PCRE2_UTF | PCRE2_DUPNAMES, ecode,
					 &off, NULL);
	*eoff = off;
	return code;
}

void cl_regex_init(struct cl_regex *re, pcre2_code *code)
{
	re->code = code;
	atomic_init(&re->jit, NULL);
	re->size = 0;
	pcre2_pattern_info(code, PCRE2_INFO_SIZE, &re->size);
	atomic_init(&re->read, 0);
	atomic_init(&re->matches, 0);
	atomic_init(&re->state, IDLE);
}

void cl_regex_free(struct cl_regex *re)
{
	pcre2_code_free(re->code);
	re->code = NULL;
	pcre2_code_free(atomic_load(&re->jit));
	atomic_store(&re->jit, NULL);
}

bool cl_regex_is_jit(struct cl_regex *re)
{
	return atomic_load(&re->jit) != NULL;
}

/* The JIT copy of re, made now; NULL when another thread is making it
** (is_wait: the copy once that thread is done) or when the JIT cannot
** compile it (then the regex stays interpreted). */
static __attribute__((noinline)) pcre2_code *
compile_now(struct cl_regex *re, bool is_wait)
{
	unsigned st = IDLE;
	if (!atomic_compare_exchange_strong(&re->state, &st, COMPILING)) {
		/* a compile takes milliseconds; only a try that an engine
		** gave up on waits for one (hostile input) */
		while (is_wait && st != DONE) {
			sched_yield();
			st = atomic_load_explicit(&re->state,
						  memory_order_acquire);
		}
		return atomic_load_explicit(&re->jit, memory_order_acquire);
	}
	pcre2_code *c = pcre2_code_copy(re->code);
	if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
		pcre2_code_free(c);
		c = NULL;
	}
	atomic_store_explicit(&re->jit, c, memory_order_release);
	atomic_store_explicit(&re->state, DONE, memory_order_release);
	return c;
}

/* The JIT copy of re, made now when it is due; NULL: interpret. */
static pcre2_code *hot(const struct cl_jit_policy *pol, struct cl_regex *re,
		       size_t n)
{
	pcre2_code *c = atomic_load_explicit(&re->jit, memory_order_acquire);
	if (c)
		return c;
	size_t budget = pol->size_pct >= (unsigned)-1 ? (size_t)-1
			: re->size / 100 * pol->size_pct +
				  re->size % 100 * pol->size_pct / 100;
	if (atomic_fetch_add_explicit(&re->read, n, memory_order_relaxed) <
		    budget &&
	    atomic_load_explicit(&re->matches, memory_order_relaxed) <
		    pol->matches)
		return NULL;
	if (atomic_load_explicit(&re->state, memory_order_acquire) == DONE)
		return NULL; /* no JIT for it */
	return compile_now(re, false);
}

/* Did an engine give up on the try (a limit, or out of memory)? */
static inline bool is_given_up(int rc)
{
	return rc < 0 && rc != PCRE2_ERROR_NOMATCH;
}

/* A try one engine gave up on (rc), run again on the other (c: the JIT
** copy that gave up, or NULL when the interpreter did): its result, or
** the interpreter's error when both give up. */
static __attribute__((noinline)) int
other_engine(struct cl_regex *re, const char *s, size_t len, size_t off,
	     pcre2_match_data *md, pcre2_match_context *mctx, pcre2_code *c,
	     int rc)
{
	if (c) /* the JIT gave up: the interpreter decides */
		return pcre2_match(re->code, (PCRE2_SPTR)s, len, off,
				   PCRE2_NO_UTF_CHECK, md, mctx);
	c = compile_now(re, true);
	if (!c)
		return rc;
	int rj = pcre2_jit_match(c, (PCRE2_SPTR)s, len, off,
				 PCRE2_NO_UTF_CHECK, md, mctx);
	return is_given_up(rj) ? rc : rj;
}

int cl_regex_match(const struct cl_jit_policy *pol, struct cl_regex *re,
		   const char *s, size_t len, size_t off, pcre2_match_data *md,
		   pcre2_match_context *mctx)
{
	pcre2_code *c = hot(pol, re, len - off);
	int rc = c ? pcre2_jit_match(c, (PCRE2_SPTR)s, len, off,
				     PCRE2_NO_UTF_CHECK, md, mctx)
		   : pcre2_match(re->code, (PCRE2_SPTR)s, len, off,
				 PCRE2_NO_UTF_CHECK, md, mctx);
	if (__builtin_expect(is_given_up(rc), 0))
		return other_engine(re, s, len, off, md, mctx, c, rc);
	if (!c && rc >= 0)
		atomic_fetch_add_explicit(&re->matches, 1,
					  memory_order_relaxed);
	return rc;
}

size_t cl_jit_count(const struct fc_claims *cl)
{
	size_t n = 0;
	for (size_t i = 0; cl && i < cl->nrules; i++) {
		struct rule *ru = cl->rules[i];
		n += ru->req && cl_regex_is_jit(ru->req);
		for (size_t k = 0; k < ru->npats; k++)
			n += cl_regex_is_jit(&ru->pats[k].re);
	}
	return n;
}
