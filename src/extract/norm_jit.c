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
** 2 or 3 matches save less or cost more; 8 save 4 M more on norm2 but
** cost 2.4 M more on 8 MiB).
**
** The compiles are a fixed cost of a run (234 M instructions of norm2's
** 1,134 M, 129 patterns; 267 M of 8 MiB, 157 patterns): some 58
** instructions a byte of machine code, 660 a byte of the interpreted
** pattern, whatever the options (PCRE2_NO_START_OPTIMIZE or
** NO_AUTO_CAPTURE change the sum by 0.1%). An interpreted try of a big
** pattern costs ten compiled ones, so a compile pays after 40 to
** 19,000 tries (230 the median). Whether a pattern that has made 32
** tries makes 300 more or 30,000 is not known then (340 the median on
** norm2, 770 on 8 MiB), and a later compile of the hot ones only adds
** interpreted tries: 64 tries cost 5 M more on norm2 and 3 M on 8 MiB;
** in a model from each pattern's measured costs a threshold scaled by
** the pattern's size, or a compile once the interpreted tries have cost
** what the compile would, costs 13 to 160 M more (callgrind, one
** thread, warm cache).
**
** The two engines agree on every try that both finish, but they give up
** at different points: the interpreter at the depth limit (nested
** backtracking frames, DEPTH_LIMIT in norm_compile.c) or the heap
** limit, the JIT when its 32 KiB stack is full. Which engine a try runs
** on depends on how many tries came before it, on two threads on their
** timing; so a try that one engine gives up on is run again on the
** other, and it fails only when both give up (then with the
** interpreter's error): its result is the same on either tier. The
** depth limit (1000) is below what the JIT's stack holds on the repeats
** that go deep ("x", then 1000 "a", then "y" against x(?:a|b)*y: the
** interpreter gives up, the JIT matches; with 2000 "a" both give up), so
** it is the interpreter that gives up first, and the JIT, many times
** faster, that decides: a JIT try that gives up is run again in the
** interpreter, which then gives up soon too.
*/
#include <stdatomic.h>
#include <stdlib.h>

#include "core/once.h"
#include "extract/norm_p.h"
#include "pipeline/timing.h"

#define NORM_JIT_AFTER 32
#define NORM_JIT_MATCHES 4

struct norm_jit {
	_Atomic(pcre2_code *) code; /* the JIT-compiled copy, once made */
	atomic_uint tries;
	atomic_uint matches; /* of its interpreted tries */
	atomic_uint state; /* of its compile (core/once.h) */
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
		atomic_init(&n->jit[i].state, FC_ONCE_IDLE);
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

/* The JIT copy of code for slot j, made now; NULL when another thread
** is making it (is_wait: the copy once that thread is done) or when the
** JIT cannot compile it. */
static __attribute__((noinline)) pcre2_code *
compile_now(struct norm_jit *j, const pcre2_code *code, bool is_wait)
{
	if (!fc_once_claim(&j->state)) {
		/* a compile takes milliseconds; only a try that an engine
		** gave up on waits for one (hostile input) */
		if (is_wait)
			fc_once_wait(&j->state);
		return atomic_load_explicit(&j->code, memory_order_acquire);
	}
	pcre2_code *c = pcre2_code_copy(code);
	if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
		pcre2_code_free(c); /* no JIT here: stay interpreted */
		c = NULL;
	}
	atomic_store_explicit(&j->code, c, memory_order_release);
	fc_once_done(&j->state);
	return c;
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
	return compile_now(j, code, false);
}

/* Did an engine give up on the try (a limit, or out of memory)? */
static inline bool is_given_up(int rc)
{
	return rc < 0 && rc != PCRE2_ERROR_NOMATCH;
}

/* A try one engine gave up on (rc), run again on the other (header):
** its result, or the interpreter's error when both give up. */
static __attribute__((noinline)) int
other_engine(const struct fc_norm *n, size_t pi, const char *text,
	     size_t end, size_t off, pcre2_match_data *md, pcre2_code *c,
	     int rc)
{
	const pcre2_code *code = n->patterns[pi].code;
	if (c) /* the JIT gave up: the interpreter decides */
		return pcre2_match(code, (PCRE2_SPTR)text, end, off,
				   PCRE2_NO_UTF_CHECK, md, n->mctx);
	c = n->jit ? compile_now(&n->jit[pi], code, true) : NULL;
	if (!c)
		return rc;
	int rj = pcre2_jit_match(c, (PCRE2_SPTR)text, end, off,
				 PCRE2_NO_UTF_CHECK, md, n->mctx);
	return is_given_up(rj) ? rc : rj;
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
static inline __attribute__((always_inline)) int
jit_match(const struct fc_norm *n, size_t pi, const char *text, size_t end,
	  size_t off, pcre2_match_data *md, struct fc_tally *tally)
{
	if (__builtin_expect(tally != NULL, 0))
		return timed_match(n, pi, text, end, off, md, &tally[pi]);
	const pcre2_code *code = n->patterns[pi].code;
	pcre2_code *c = n->jit ? hot(&n->jit[pi], code) : NULL;
	int rc = c ? pcre2_jit_match(c, (PCRE2_SPTR)text, end, off,
				     PCRE2_NO_UTF_CHECK, md, n->mctx)
		   : pcre2_match(code, (PCRE2_SPTR)text, end, off,
				 PCRE2_NO_UTF_CHECK, md, n->mctx);
	if (__builtin_expect(is_given_up(rc), 0))
		return other_engine(n, pi, text, end, off, md, c, rc);
	if (c)
		return rc;
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

/* ---- after / not_after ------------------------------------------------
** `not_after: TABLE` says what a look-back (?<!\bWORD\s|...) of every
** word of the table would, and `after:` what (?<=\bWORD\s|...) would:
** the word before a start, with one blank between, is (not) a key of
** the table. The scan looks the word up in the tables' hash instead of
** running a look-back branch per word: a list of some 90 words cost
** every try, the pattern's compile and its JIT. As in the look-back, a
** key matches caselessly (U+212A and U+017F fold to k and s, as PCRE2
** folds them) and a word boundary must precede it; a blank inside a key
** stands for one blank character. */

static inline bool is_blank(unsigned c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The character that ends before byte i > 0: its start, and in *c its
** byte as a key holds it (lower case; a blank is ' '), 0 for one no key
** holds; *is_w: whether it is a \w. */
static size_t char_before(const char *text, size_t i, unsigned *c,
			  bool *is_w)
{
	const unsigned char *x = (const unsigned char *)text;
	size_t j = i - 1;
	*is_w = false;
	if (x[j] < 0x80) {
		*is_w = norm_is_word_byte(x[j]);
		*c = is_blank(x[j]) ? ' '
		     : (unsigned)x[j] - 'A' < 26u ? x[j] + 0x20u
					 : x[j];
		return j;
	}
	size_t lim = i > 4 ? i - 4 : 0;
	while (j > lim && (x[j] & 0xC0) == 0x80)
		j--;
	*c = 0;
	if (i - j == 3 && x[j] == 0xE2 && x[j + 1] == 0x84 && x[j + 2] == 0xAA)
		*c = 'k'; /* KELVIN SIGN */
	else if (i - j == 2 && x[j] == 0xC5 && x[j + 1] == 0xBF)
		*c = 's'; /* LATIN SMALL LETTER LONG S */
	return j;
}

/* Is the text before `at` a key of one of tables t[0, nt) and one blank,
** with a word boundary before the key? */
static bool after_word(const struct fc_norm *n, const int16_t *t, size_t nt,
		       size_t maxlen, const char *text, size_t at)
{
	if (at < 2 || !is_blank((unsigned char)text[at - 1]))
		return false;
	char buf[NORM_AFTER_LEN];
	size_t i = at - 1, len = 0;
	unsigned c, prev;
	bool is_w, is_prev_w;
	while (i > 0 && len < maxlen) {
		size_t j = char_before(text, i, &c, &is_w);
		if (!c)
			break;
		buf[NORM_AFTER_LEN - ++len] = (char)c;
		is_prev_w = false;
		if (j > 0)
			char_before(text, j, &prev, &is_prev_w);
		if (is_w != is_prev_w)
			for (size_t k = 0; k < nt; k++)
				if (norm_hash_get(&n->lookup, t[k],
						  buf + NORM_AFTER_LEN - len,
						  len) >= 0)
					return true;
		i = j;
	}
	return false;
}

/* May a match of pattern p start at `at` (its after and not_after)? */
static bool after_ok(const struct fc_norm *n, const struct norm_pattern *p,
		     const char *text, size_t at)
{
	if (p->nafter && !after_word(n, p->after, p->nafter, p->after_len,
				     text, at))
		return false;
	return !p->nnot_after || !after_word(n, p->not_after, p->nnot_after,
					     p->after_len, text, at);
}

int norm_next_match(const struct fc_norm *n, size_t pi,
		    const struct norm_startq *q, size_t *k, const char *text,
		    size_t end, PCRE2_SIZE *off, pcre2_match_data *md,
		    struct fc_tally *tally)
{
	int rc = PCRE2_ERROR_NOMATCH;
	const struct norm_pattern *p = &n->patterns[pi];
	bool is_after = p->nafter || p->nnot_after;
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	if (q) {
		while (*k < q->n && rc == PCRE2_ERROR_NOMATCH) {
			PCRE2_SIZE at = q->v[(*k)++];
			if (at >= *off &&
			    (!is_after || after_ok(n, p, text, at)))
				rc = jit_match(n, pi, text, end, at, md,
					       tally);
		}
	} else {
		/* searched: a match that starts where after / not_after
		** refuse is none, and the search goes on from the next
		** character (as after a look-back that fails there) */
		while (*off < end) {
			rc = jit_match(n, pi, text, end, *off, md, tally);
			if (rc < 0 || !is_after || after_ok(n, p, text, ov[0]))
				break;
			rc = PCRE2_ERROR_NOMATCH;
			for (*off = ov[0] + 1;
			     *off < end && (text[*off] & 0xC0) == 0x80;
			     (*off)++)
				;
		}
	}
	if (rc < 0)
		return rc;
	/* on past the match; past one character after an empty one */
	*off = ov[1];
	if (ov[1] <= ov[0])
		for (*off = ov[0] + 1;
		     *off < end && (text[*off] & 0xC0) == 0x80; (*off)++)
			;
	return rc;
}
