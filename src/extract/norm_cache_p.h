/*
** norm_cache_p.h: the persistent cache of compiled rules (norm_cache.c).
**
** Compiling the normalizer's patterns (pcre2_compile and the start-string
** analysis of norm_first.c) is most of a run's start-up, and every run
** compiles the same rules again. The cache keeps the compiled form in one
** file per rule suite: a header (magic, format, the key, the payload's
** length and checksum) and a payload. The key is a 128-bit hash of
** everything the payload depends on; the file is read in one go and
** trusted only after its length, key and checksum check out.
**
** The generic part (a folder, files by name, keys, checksums) knows
** nothing of the normalizer: another compiler (claims) can keep its own
** payload under its own name prefix with norm_cache_read/_write.
**
** Where: $FACTCROSS_CACHE (a folder; "off" disables the cache), else
** $XDG_CACHE_HOME/factcross, else $HOME/.cache/factcross; made 0700,
** used only when it is the user's own and not writable by others. What
** the cache trusts: a file in that folder whose checksum is right (the
** checksum guards against damage, not against the user's own writes).
** Every failure (no folder, no file, a short, stale or damaged file, a
** full disk) is a miss or a skipped write: the caller compiles as
** without a cache, and nothing is reported.
*/
#ifndef FC_NORM_CACHE_P_H
#define FC_NORM_CACHE_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/* Bump when the file layout or any payload's layout changes. */
#define NORM_CACHE_FORMAT 2 /* 2: the hash of norm_cache.c */
/* Files kept per name prefix ("norm-"): a user who edits rules, or
** tests in temporary folders, leave at most this many behind. */
#define NORM_CACHE_KEEP 8
/* The largest file read (a normalizer suite makes a few MB). */
#define NORM_CACHE_MAX ((size_t)1 << 29)

/* A 128-bit hash of p[0, n) with seed (two 64-bit halves; norm_cache.c
** says how it is made). */
void norm_cache_hash(const void *p, size_t n, uint64_t seed,
		     uint64_t out[2]);

/*
** The cache folder (caller frees with free()), made if missing; NULL
** when the cache is off or the folder is not usable.
*/
char *norm_cache_dir(void);

/*
** What every key starts with: the cache format, the factcross version,
** the build of the running program (its GNU build id: the code that made
** the payload), and the PCRE2 version and configuration. False when the
** build id cannot be found (then the cache is not used: a payload made
** by other code could be read as this code's).
*/
bool norm_cache_key_base(struct fc_buf *b);

/*
** The payload of file `name` (a file name, no '/') in folder dir if its
** key is key, read and checked (length, key, checksum); caller frees
** with free(). NULL on any failure. On success the file's time is set to
** now (the last-used order of norm_cache_write's eviction).
*/
void *norm_cache_read(const char *dir, const char *name,
		      const uint64_t key[2], size_t *len);

/*
** Write payload p[0, len) with key as file `name` in dir: a temporary
** file in dir, then renamed over name, so that a reader sees the old
** file or the new one. Then the files whose names start as name's up to
** its first '-' beyond NORM_CACHE_KEEP are removed, least recently used
** first. False on failure (nothing left behind).
*/
bool norm_cache_write(const char *dir, const char *name,
		      const uint64_t key[2], const void *p, size_t len);

/* ---- Payloads ---------------------------------------------------------- */

/* A payload being read: every read bounded by what is left. */
struct norm_cache_reader {
	const uint8_t *p;
	size_t n, off;
	bool is_bad; /* a read went past the end: the payload is refused */
};

void norm_cache_put_u64(struct fc_buf *b, uint64_t v);
/* The next k bytes of r, or NULL (and r->is_bad) when fewer are left. */
const uint8_t *norm_cache_take(struct norm_cache_reader *r, size_t k);
/* The next 8 bytes as a number; 0 (and r->is_bad) when fewer are left. */
uint64_t norm_cache_get_u64(struct norm_cache_reader *r);

/* ---- The normalizer's payload (norm_cache_norm.c) ---------------------- */

struct fc_norm;
struct fc_arena;

/*
** A suite's compiled patterns, as fc_norm_compile hands them over: for
** each pattern, its expansion and options before the analysis (the key),
** and after a compile its code and start strings.
*/
struct norm_cache_job {
	const char *rx;
	size_t len;
	uint32_t opts;
	bool is_run;
	void *code; /* pcre2_code *, or NULL */
	struct norm_first *first;
};

/*
** The cached codes and start strings of n's patterns (jobs[i].code and
** *jobs[i].first, in arena a; codes owned by the caller) if the cache
** holds this suite: true. False (jobs untouched) on a miss. *key, the
** suite's key, is set either way (for norm_cache_norm_store and the
** scan's key; is_keyed false when the cache is off or the suite has no
** key).
*/
bool norm_cache_norm_load(const struct fc_norm *n,
			  struct norm_cache_job *jobs, struct fc_arena *a,
			  uint64_t key[2], bool *is_keyed);
/*
** The file of n's suite of a kind ("norm", "scan") in dir, named
** "KIND-<hash of n's rule files and reading>.fcc": the same name for
** each edit of the rules, so that an edit replaces the file. Read: its
** payload under key (norm_cache_read; caller frees). Write: b's contents
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
