/*
** lazyre.c: a regex interpreted until hot, then JIT-compiled (see
** lazyre.h).
*/
#include "core/lazyre.h"
#include "core/once.h"

void fc_lazy_re_init(struct fc_lazy_re *re, pcre2_code *code)
{
	re->code = code;
	atomic_init(&re->jit, NULL);
	re->size = 0;
	pcre2_pattern_info(code, PCRE2_INFO_SIZE, &re->size);
	atomic_init(&re->read, 0);
	atomic_init(&re->matches, 0);
	atomic_init(&re->state, FC_ONCE_IDLE);
}

void fc_lazy_re_free(struct fc_lazy_re *re)
{
	pcre2_code_free(re->code);
	re->code = NULL;
	pcre2_code_free(atomic_load(&re->jit));
	atomic_store(&re->jit, NULL);
}

bool fc_lazy_re_is_jit(struct fc_lazy_re *re)
{
	return atomic_load(&re->jit) != NULL;
}

/* The JIT copy of re, made now; NULL when another thread is making it
** (is_wait: the copy once that thread is done) or when the JIT cannot
** compile it (then the regex stays interpreted). */
static __attribute__((noinline)) pcre2_code *
compile_now(struct fc_lazy_re *re, bool is_wait)
{
	if (!fc_once_claim(&re->state)) {
		/* a compile takes milliseconds; only a try that an engine
		** gave up on waits for one (hostile input) */
		if (is_wait)
			fc_once_wait(&re->state);
		return atomic_load_explicit(&re->jit, memory_order_acquire);
	}
	pcre2_code *c = pcre2_code_copy(re->code);
	if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
		pcre2_code_free(c);
		c = NULL;
	}
	atomic_store_explicit(&re->jit, c, memory_order_release);
	fc_once_done(&re->state);
	return c;
}

/* The JIT copy of re, made now when it is due for a try of n bytes;
** NULL: interpret. */
static pcre2_code *hot(const struct fc_lazy_policy *pol,
		       struct fc_lazy_re *re, size_t n)
{
	pcre2_code *c = atomic_load_explicit(&re->jit, memory_order_acquire);
	if (c)
		return c;
	/* done without a copy: no JIT for it, and no more counting on the
	** shared counters */
	if (fc_once_is_done(&re->state))
		return NULL;
	size_t budget = pol->size_pct >= (unsigned)-1 ? (size_t)-1
			: re->size / 100 * pol->size_pct +
				  re->size % 100 * pol->size_pct / 100;
	size_t read =
		atomic_fetch_add_explicit(&re->read, n, memory_order_relaxed);
	if (pol->is_try_counted)
		read += n;
	if (read < budget &&
	    atomic_load_explicit(&re->matches, memory_order_relaxed) <
		    pol->matches)
		return NULL;
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
other_engine(struct fc_lazy_re *re, const char *s, size_t len, size_t off,
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

int fc_lazy_re_match(const struct fc_lazy_policy *pol, struct fc_lazy_re *re,
		     const char *s, size_t len, size_t off,
		     pcre2_match_data *md, pcre2_match_context *mctx)
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
