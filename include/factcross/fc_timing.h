/*
** fc_timing.h: where a run spends its time, rule by rule (the --time
** option of factcross normalize, extract, verify and check).
**
** The caller makes a collector, attaches it to the loaded rules and runs
** the stages as usual. Every try of a normalizer pattern or a claim rule
** (one PCRE2 call) is then counted and timed; the stages measure
** themselves where that is cheap (the normalizer, its start-string walk,
** the claim rules), and the caller adds what it measures around the calls
** it makes (loading the rules, writing output). fc_timing_finish fills
** the results, which the caller prints. Counting costs nothing but one
** branch per try while no collector is attached.
**
** Counts are kept by the run of one document (or one piece of a long
** text) on one thread, and added to the collector once when that run
** ends, under the collector's lock: no counter is shared while rules run.
*/
#ifndef FACTCROSS_FC_TIMING_H
#define FACTCROSS_FC_TIMING_H

#include <stdbool.h>
#include <stdint.h>

#include "factcross/fc_error.h"

struct fc_rules;

enum fc_time_stage {
	FC_TS_RULES,   /* loading and compiling the rules (caller) */
	FC_TS_READ,    /* reading and cleaning the text, sentences */
	FC_TS_NORM,    /* the normalizer, all of it (times, quantities) */
	FC_TS_WALK,    /* its start-string walk (part of FC_TS_NORM) */
	FC_TS_LEXICON, /* entities, quotes, cues (the lexicon scan) */
	FC_TS_CLAIMS,  /* the claim rules, all of it */
	FC_TS_CHECKS,  /* comparing facts across sources */
	FC_TS_JUDGE,   /* check: DOC's stages and verdicts (caller) */
	FC_TS_OUTPUT,  /* rendering and writing the output (caller) */
	FC_TS_COUNT
};

/* The stage's name in a report ("start-string walk"). */
const char *fc_time_stage_name(enum fc_time_stage s);

/* One rule that ran. */
struct fc_rule_time {
	const char *kind;     /* "normalizer" or "claims" */
	const char *id;
	struct fc_srcloc loc; /* the rule in its file (line 0: unknown) */
	uint64_t tries;       /* PCRE2 calls */
	uint64_t matches;     /* calls that found a match */
	uint64_t ns;          /* time spent in those calls */
};

struct fc_timing_state; /* the counts while the run goes on (timing.c) */

struct fc_timing {
	/* filled by fc_timing_finish */
	struct fc_rule_time *rules; /* every rule tried, most time first */
	size_t nrules;
	uint64_t rule_ns;                 /* the rules' time, summed */
	uint64_t stage_ns[FC_TS_COUNT];   /* summed over threads */
	bool has_stage[FC_TS_COUNT];      /* measured in this run */
	uint64_t wall_ns;                 /* from create to finish */
	struct fc_timing_state *state;
};

fc_status fc_timing_create(struct fc_timing **out);
void fc_timing_destroy(struct fc_timing *t); /* NULL is fine */
/*
** Count the rules of r into t from now on (r's normalizer patterns and
** claim rules as compiled); t NULL stops counting. r must not be running.
*/
fc_status fc_timing_attach(struct fc_rules *r, struct fc_timing *t);
/* The clock of the counts (ticks, not nanoseconds; see timing.h). */
uint64_t fc_timing_ticks(void);
/* Add ticks (two fc_timing_ticks() apart) to stage s. Thread-safe. */
void fc_timing_add_stage(struct fc_timing *t, enum fc_time_stage s,
			 uint64_t ticks);
/* The ticks stage s has so far. Thread-safe. */
uint64_t fc_timing_stage_ticks(struct fc_timing *t, enum fc_time_stage s);
/* Fill t's results from the counts (r: the rules attached, for the rules'
** ids and places). May be called again after more runs. */
fc_status fc_timing_finish(struct fc_timing *t, const struct fc_rules *r);

#endif
