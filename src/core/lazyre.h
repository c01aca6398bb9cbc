/*
** lazyre.h: a regex that runs on the PCRE2 interpreter until it proves
** hot, then on a JIT copy of it. Private to libfactcross: the claim
** patterns (src/claims/jit.c says how their policy was measured) and the
** boilerplate patterns (src/text/boiler_load.c) run this way. (The
** normalizer's patterns have a policy of their own, counted in tries:
** src/extract/norm_jit.c.)
**
** A JIT compile costs about in proportion to the code's size and an
** interpreted try about in proportion to the bytes it is given, so a
** regex is hot once its interpreted tries were given size_pct percent of
** its code's size in subject bytes, or after `matches` of them matched.
** The copy is made once (core/once.h) and published with an atomic
** store; code a thread may be running never changes, so threads share
** the regexes without a lock.
**
** The two engines agree on every try both finish, but they give up at
** different points: the interpreter at the depth, match or heap limit,
** the JIT at the match limit (counted in other steps) or when its stack
** is full. So a try one engine gives up on runs again on the other, and
** fails only when both give up, with the interpreter's error: a try's
** result does not depend on the tries before it.
*/
#ifndef FC_CORE_LAZYRE_H
#define FC_CORE_LAZYRE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

struct fc_lazy_re {
	pcre2_code *code;          /* interpreted (owned) */
	_Atomic(pcre2_code *) jit; /* the JIT copy once hot (owned), or NULL */
	size_t size;               /* of code (PCRE2_INFO_SIZE) */
	atomic_size_t read;        /* subject bytes its interpreted tries
				   ** were given */
	atomic_uint matches;       /* of its interpreted tries */
	atomic_uint state;         /* of the copy's compile (once.h) */
};

/* When a regex is hot (above). is_try_counted: the bytes of the try
** that asks count too, so that one long subject (a megabyte of dashes)
** is not interpreted whole before the copy is made. */
struct fc_lazy_policy {
	unsigned size_pct, matches;
	bool is_try_counted;
};

/* re runs code (which it owns from now on); no JIT copy yet. */
void fc_lazy_re_init(struct fc_lazy_re *re, pcre2_code *code);
/* Free the code and its copy. */
void fc_lazy_re_free(struct fc_lazy_re *re);
bool fc_lazy_re_is_jit(struct fc_lazy_re *re);

/* pcre2_match of re over s[0, len) from off (valid UTF-8), on the engine
** pol says (above). */
int fc_lazy_re_match(const struct fc_lazy_policy *pol, struct fc_lazy_re *re,
		     const char *s, size_t len, size_t off,
		     pcre2_match_data *md, pcre2_match_context *mctx);

#endif
