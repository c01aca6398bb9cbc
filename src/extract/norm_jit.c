/*
** norm_jit.c: running a pattern; it is compiled to machine code once it
** proves hot.
**
** Compiling every pattern with the PCRE2 JIT at load time was about a
** third of the normalizer's start-up, and on a small corpus most
** patterns run a few times or never. So a pattern runs interpreted for
** its first NORM_JIT_AFTER tries, or until NORM_JIT_MATCHES of them
** have matched; the thread that makes the next try compiles a copy of
** it with the JIT and publishes the copy, and every try after that runs
** the copy. Code a thread may be running is never changed: threads
** share the patterns without a lock.
**
** The matches say early which patterns are hot: a pattern that matches
** at once is tried often (a count, a year, a month), and an interpreted
** try costs several times a compiled one; a rare pattern seldom
** matches, and its compile is the dearer (on norm2, compiling at 4
** matches or 32 tries saves 3.4 M instructions against 32 tries alone;
** 2, 3 or 8 matches save less or cost more).
*/
#include <stdatomic.h>
#include <stdlib.h>

#include "extract/norm_p.h"
#include "pipeline/timing.h"

#define NORM_JIT_AFTER 32
#define NORM_JIT_MATCHES 4

struct norm_jit {
	_Atomic(pcre2_code *) code; /* the JIT-compiled copy, once made */
	atomic_uint tries;
	atomic_uint matches; /* of its interpreted tries */
	atomic_uint state; /* 0: interpreted, 1: being compiled or done */
};

fc_status norm_jit_create(struct fc_norm *n)
{
	n->jit = calloc(n->npatterns ? n->npatterns : 1, sizeof(*n->jit));
	if (!n->jit)
		return FC_ENOMEM;
	for (size_t i = 0; i < n->npatterns; i++) {
		atomic_init(&n->jit[i].code, NULL);
		atomic_init(&n->jit[i].tries, 0);
		atomic_init(&n->jit[i].matches, 0);
		atomic_init(&n->jit[i].state, 0);
	}
	return FC_OK;
}

void norm_jit_destroy(struct fc_norm *n)
{
	for (size_t i = 0; n->jit && i < n->npatterns; i++)
		pcre2_code_free(atomic_load(&n->jit[i].code));
	free(n->jit);
	n->jit = NULL;
}

/* The JIT copy of code for slot j, made now when it is due. */
static pcre2_code *hot(struct norm_jit *j, const pcre2_code *code)
{
	pcre2_code *c = atomic_load_explicit(&j->code, memory_order_acquire);
	if (c)
		return c;
	if (atomic_fetch_add_explicit(&j->tries, 1, memory_order_relaxed) <
		    NORM_JIT_AFTER &&
	    atomic_load_explicit(&j->matches, memory_order_relaxed) <
		    NORM_JIT_MATCHES)
		return NULL;
	unsigned idle = 0;
	if (!atomic_compare_exchange_strong(&j->state, &idle, 1))
		return NULL; /* another thread compiles it */
	c = pcre2_code_copy(code);
	if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
		pcre2_code_free(c); /* no JIT here: stay interpreted */
		return NULL;
	}
	if (c)
		atomic_store_explicit(&j->code, c, memory_order_release);
	return c;
}

/* A try counted and timed (--time): out of line, off the common path. */
static __attribute__((noinline)) int
timed_match(const struct fc_norm *n, size_t pi, const char *text, size_t end,
	    size_t off, pcre2_match_data *md, struct fc_tally *c)
{
	uint64_t t0 = fc_ticks();
	int rc = norm_jit_match(n, pi, text, end, off, md, NULL);
	c->ticks += fc_ticks() - t0;
	c->tries++;
	c->matches += rc >= 0;
	return rc;
}

/* One try (norm_jit_match), inline in norm_next_match's loop. */
static inline int jit_match(const struct fc_norm *n, size_t pi,
			    const char *text, size_t end, size_t off,
			    pcre2_match_data *md, struct fc_tally *tally)
{
	if (__builtin_expect(tally != NULL, 0))
		return timed_match(n, pi, text, end, off, md, &tally[pi]);
	const pcre2_code *code = n->patterns[pi].code;
	pcre2_code *c = n->jit ? hot(&n->jit[pi], code) : NULL;
	if (c)
		return pcre2_jit_match(c, (PCRE2_SPTR)text, end, off,
				       PCRE2_NO_UTF_CHECK, md, n->mctx);
	int rc = pcre2_match(code, (PCRE2_SPTR)text, end, off,
			     PCRE2_NO_UTF_CHECK, md, n->mctx);
	if (rc >= 0 && n->jit)
		atomic_fetch_add_explicit(&n->jit[pi].matches, 1,
					  memory_order_relaxed);
	return rc;
}

int norm_jit_match(const struct fc_norm *n, size_t pi, const char *text,
		   size_t end, size_t off, pcre2_match_data *md,
		   struct fc_tally *tally)
{
	return jit_match(n, pi, text, end, off, md, tally);
}

int norm_next_match(const struct fc_norm *n, size_t pi,
		    const struct norm_startq *q, size_t *k, const char *text,
		    size_t end, PCRE2_SIZE *off, pcre2_match_data *md,
		    struct fc_tally *tally)
{
	int rc = PCRE2_ERROR_NOMATCH;
	if (q) {
		while (*k < q->n && rc == PCRE2_ERROR_NOMATCH) {
			PCRE2_SIZE at = q->v[(*k)++];
			if (at >= *off)
				rc = jit_match(n, pi, text, end, at, md,
					       tally);
		}
	} else if (*off < end) {
		rc = jit_match(n, pi, text, end, *off, md, tally);
	}
	if (rc < 0)
		return rc;
	/* on past the match; past one character after an empty one */
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	*off = ov[1];
	if (ov[1] <= ov[0])
		for (*off = ov[0] + 1;
		     *off < end && (text[*off] & 0xC0) == 0x80; (*off)++)
			;
	return rc;
}
