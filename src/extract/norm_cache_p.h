/*
** norm_cache_p.h: the normalizer's payloads in the persistent cache.
**
** Compiling the normalizer's patterns (pcre2_compile and the start-string
** analysis of norm_first.c) is most of a run's start-up, and every run
** compiles the same rules again. The normalizer keeps its compiled
** patterns (norm_cache_norm.c) and its scan tables (norm_cache_scan.c)
** in files of the cache that core/cache.c keeps (core/cache_p.h says
** where, what is kept and what is trusted).
*/
#ifndef FC_NORM_CACHE_P_H
#define FC_NORM_CACHE_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cache_p.h"
#include "core/core.h"

/* ---- The normalizer's payload (norm_cache_norm.c) ---------------------- */

struct fc_norm;
struct fc_arena;

/*
** A suite's compiled patterns, as fc_norm_compile hands them over: for
** each pattern, whether it runs (part of the key), and after a compile,
** or from the cache, its code, its start strings and the captures its
** expansion made for references (names and tables, *nnames of them:
** struct expand's).
*/
struct norm_cache_job {
	bool is_run;
	void *code; /* pcre2_code *, or NULL */
	struct norm_first *first;
	char (*names)[40];
	int *tables;
	size_t *nnames;
};

/*
** The cached codes, start strings and captures of n's patterns
** (jobs[i].code, *jobs[i].first in arena a, and the captures; codes owned
** by the caller) if the cache holds this suite: true. False on a miss
** (codes and start strings untouched, no captures). *key, the suite's
** key, is set either way (for norm_cache_norm_store and the scan's key;
** is_keyed false when the cache is off or the suite has no key). The
** key is made from what the expansion of the patterns reads
** (norm_cache_norm.c), so that a warm load expands nothing.
*/
bool norm_cache_norm_load(const struct fc_norm *n,
			  struct norm_cache_job *jobs, struct fc_arena *a,
			  uint64_t key[2], bool *is_keyed);
/*
** The file of n's suite of a kind ("norm", "scan") in dir, named
** "KIND-<hash of n's rule files and reading>.fcc": the same name for
** each edit of the rules, so that an edit replaces the file. Read: its
** payload under key (fc_cache_read; caller frees). Write: b's contents
** under key, unless b has an error.
*/
void *norm_cache_suite_read(const char *dir, const struct fc_norm *n,
			    const char *kind, const uint64_t key[2],
			    size_t *len);
void norm_cache_suite_write(const char *dir, const struct fc_norm *n,
			    const char *kind, const uint64_t key[2],
			    const struct fc_buf *b);
/* Keep the compiled jobs under key (every code compiled). */
void norm_cache_norm_store(const struct fc_norm *n,
			   const struct norm_cache_job *jobs,
			   const uint64_t key[2]);

/* ---- The start tables of the scan (norm_cache_scan.c) ------------------ */

/*
** n->scan and n->lookbehind from the cache (in arena a, as
** norm_scan_build makes them) if it holds the tables of n's start strings
** and triggers: true. pkey: the key of n's compiled patterns
** (norm_cache_norm_load), which covers their start strings. False on a
** miss; *key is then set for norm_cache_scan_store (is_keyed false when
** the cache is off).
*/
bool norm_cache_scan_load(struct fc_norm *n, struct fc_arena *a,
			  const uint64_t pkey[2], uint64_t key[2],
			  bool *is_keyed);
/* Keep n->scan (made by norm_scan_build) under key. */
void norm_cache_scan_store(const struct fc_norm *n, const uint64_t key[2]);

#endif
