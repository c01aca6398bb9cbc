/*
** norm_compile_p.h: what norm_compile.c and norm_compile_jobs.c share:
** a pattern's compile job (its expansion, options, code and held
** diagnostics), and the step that analyses and compiles every job.
*/
#ifndef FC_NORM_COMPILE_P_H
#define FC_NORM_COMPILE_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/norm_expand_p.h"

struct cjob {
	bool is_expanded;      /* else diagnosed: nothing to compile */
	bool is_run;
	bool is_first_lost;    /* out of memory moving the start strings */
	char *rx;              /* the expansion (malloc) */
	size_t len;
	uint32_t opts;         /* before the analysis, then after it */
	pcre2_code *code;
	int errcode;
	PCRE2_SIZE erroff;
	char names[64][40];    /* the captures of references (struct */
	int tables[64];        /* expand), and their tables */
	size_t nnames;
	size_t diag0, diag1;   /* its expansion's diagnostics in held */
};
_Static_assert(sizeof(((struct cjob *)0)->names) ==
		       sizeof(((struct expand *)0)->names) &&
	       sizeof(((struct cjob *)0)->tables) ==
		       sizeof(((struct expand *)0)->tables),
	       "a job keeps the captures of an expansion");

/* Every job analysed (its start strings, PCRE2_ANCHORED when it has
** them) and compiled, on two threads when there are. */
void norm_compile_jobs(struct fc_norm *n, struct fc_arena *a,
		       struct cjob *jobs);

#endif
