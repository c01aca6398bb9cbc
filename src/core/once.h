/*
** once.h: work that the first thread to ask does once, and that other
** threads may sleep until it is done. Private to libfactcross: the lazy
** JIT copies of normalizer and claim regexes are made this way
** (src/extract/norm_jit.c, src/claims/jit.c).
**
** A state is an atomic_uint set to FC_ONCE_IDLE before threads share
** it. The thread whose fc_once_claim returns true does the work,
** publishes its result (with a release store of its own), then calls
** fc_once_done. A thread that needs the result sleeps in fc_once_wait;
** one that can go on without it checks fc_once_is_done and goes on.
** Sleeping is a futex, not a spin: a waiter that spun on sched_yield
** took a core from the work it waited for on a two-core machine.
*/
#ifndef FC_CORE_ONCE_H
#define FC_CORE_ONCE_H

#include <stdatomic.h>
#include <stdbool.h>

enum {
	FC_ONCE_IDLE,   /* nobody has claimed the work */
	FC_ONCE_BUSY,   /* claimed, nobody sleeps on it */
	FC_ONCE_WAITED, /* claimed, and a thread sleeps until it is done */
	FC_ONCE_DONE,   /* done: its result is published */
};

/* True when this thread has claimed the work (it must call
** fc_once_done); false when another thread has, or it is done. */
static inline bool fc_once_claim(atomic_uint *state)
{
	unsigned st = FC_ONCE_IDLE;
	return atomic_compare_exchange_strong_explicit(
		state, &st, FC_ONCE_BUSY, memory_order_acquire,
		memory_order_acquire);
}

static inline bool fc_once_is_done(atomic_uint *state)
{
	return atomic_load_explicit(state, memory_order_acquire) ==
	       FC_ONCE_DONE;
}

/* Sleep until the work another thread claimed is done (at once when it
** is, or when nobody has claimed it). */
void fc_once_wait(atomic_uint *state);

/* The work is done: wake the threads that sleep on it. */
void fc_once_done(atomic_uint *state);

#endif
