/*
** timing.h: the counting side of --time inside the library (the caller's
** side is include/factcross/fc_timing.h; the collector is timing.c).
**
** A stage that runs rules gives the run of one document its own counts,
** one struct fc_tally per rule (from that run's arena: nothing shared, no
** atomics, no lock per try), and adds them to the collector once at the
** end with fc_timing_add_tallies. Times are in ticks of fc_ticks();
** fc_timing_finish turns them into nanoseconds.
*/
#ifndef FACTCROSS_PIPELINE_TIMING_H
#define FACTCROSS_PIPELINE_TIMING_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#endif

#include "factcross/fc_timing.h"

struct fc_tally {
	uint64_t tries, matches, ticks;
};

/* The rule sets a collector counts, in the order fc_timing_finish lists
** them when their times tie. */
enum fc_tally_set { FC_TALLY_NORM, FC_TALLY_CLAIMS, FC_TALLY_NSETS };

/*
** The clock of the counts. A normalizer pattern try often takes well
** under a microsecond and a run makes millions of them, so the clock must
** cost little and never enter the kernel. On x86 it is the time-stamp
** counter (rdtsc: some 20 cycles; invariant on every x86-64 CPU of the
** last fifteen years, so it counts at one rate whatever the core's
** frequency, and alike on every core). clock_gettime(CLOCK_MONOTONIC)
** costs two to three times that through the vDSO, and a system call where
** the kernel's clock source is not the TSC (some virtual machines).
** fc_timing_finish scales ticks to nanoseconds by CLOCK_MONOTONIC over the
** whole run. rdtsc does not wait for the instructions before it: some
** dozens of cycles of error an interval, noise next to a try. Elsewhere
** the clock is CLOCK_MONOTONIC itself, in nanoseconds.
*/
static inline uint64_t fc_ticks(void)
{
#if defined(__x86_64__) || defined(__i386__)
	return __rdtsc();
#else
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
#endif
}

/* The collector attached to r (fc_timing_attach), or NULL. */
struct fc_timing *fc_timing_of(const struct fc_rules *r);
/* Add the counts v[0, n) of one run to set `set` of t (under its lock). */
void fc_timing_add_tallies(struct fc_timing *t, enum fc_tally_set set,
			   const struct fc_tally *v, size_t n);

#endif
