/*
** once.c: sleeping until work done once is done (see once.h), on a
** Linux futex.
*/
#include <limits.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/once.h"

void fc_once_wait(atomic_uint *state)
{
	unsigned st = atomic_load_explicit(state, memory_order_acquire);
	while (st == FC_ONCE_BUSY || st == FC_ONCE_WAITED) {
		/* BUSY -> WAITED tells the working thread to wake the
		** sleepers (a failed exchange reads the state again) */
		if (st == FC_ONCE_BUSY &&
		    !atomic_compare_exchange_weak_explicit(
			    state, &st, FC_ONCE_WAITED, memory_order_acquire,
			    memory_order_acquire))
			continue;
		/* returns at once unless the state is still WAITED */
		syscall(SYS_futex, (unsigned *)state, FUTEX_WAIT_PRIVATE,
			FC_ONCE_WAITED, NULL, NULL, 0);
		st = atomic_load_explicit(state, memory_order_acquire);
	}
}

void fc_once_done(atomic_uint *state)
{
	if (atomic_exchange_explicit(state, FC_ONCE_DONE,
				     memory_order_acq_rel) == FC_ONCE_WAITED)
		syscall(SYS_futex, (unsigned *)state, FUTEX_WAKE_PRIVATE,
			INT_MAX, NULL, NULL, 0);
}
