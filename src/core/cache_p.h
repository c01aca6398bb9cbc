/*
** cache_p.h: the persistent cache of compiled rules (cache.c).
**
** Compiling the rules' patterns (pcre2_compile, and the start-string
** analysis of norm_first.c) is most of a run's start-up, and every run
** compiles the same rules again. The cache keeps the compiled form in one
** file per rule suite: a header (magic, format, the key, the payload's
** length and checksum) and a payload. The key is a 128-bit hash of
** everything the payload depends on; the file is read in one go and
** trusted only after its length, key and checksum check out.
**
** The generic part (a folder, files by name, keys, checksums) knows
** nothing of the normalizer: another compiler (claims) can keep its own
** payload under its own name prefix with fc_cache_read/_write.
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
#ifndef FC_CORE_CACHE_P_H
#define FC_CORE_CACHE_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/* Bump when the file layout or any payload's layout changes. */
#define FC_CACHE_FORMAT 3 /* 2: the hash of cache.c; 3: a word a lane */
/* Files kept per name prefix ("norm-"): a user who edits rules, or
** tests in temporary folders, leave at most this many behind. */
#define FC_CACHE_KEEP 8
/* The largest file read (a normalizer suite makes a few MB). */
#define FC_CACHE_MAX ((size_t)1 << 29)

/* A 128-bit hash of p[0, n) with seed (two 64-bit halves; cache.c
** says how it is made). */
void fc_cache_hash(const void *p, size_t n, uint64_t seed,
		     uint64_t out[2]);

/*
** The cache folder (caller frees with free()), made if missing; NULL
** when the cache is off or the folder is not usable.
*/
char *fc_cache_dir(void);

/*
** What every key starts with: the cache format, the factcross version,
** the build of the running program (its GNU build id: the code that made
** the payload), and the PCRE2 version and configuration. False when the
** build id cannot be found (then the cache is not used: a payload made
** by other code could be read as this code's).
*/
bool fc_cache_key_base(struct fc_buf *b);

/*
** The payload of file `name` (a file name, no '/') in folder dir if its
** key is key, read and checked (length, key, checksum); caller frees
** with free(). NULL on any failure. On success the file's time is set to
** now (the last-used order of fc_cache_write's eviction).
*/
void *fc_cache_read(const char *dir, const char *name,
		      const uint64_t key[2], size_t *len);

/*
** Write payload p[0, len) with key as file `name` in dir: a temporary
** file in dir, then renamed over name, so that a reader sees the old
** file or the new one. Then the files whose names start as name's up to
** its first '-' beyond FC_CACHE_KEEP are removed, least recently used
** first. False on failure (nothing left behind).
*/
bool fc_cache_write(const char *dir, const char *name,
		      const uint64_t key[2], const void *p, size_t len);
/* fc_cache_write keeping keep files of name's prefix, not FC_CACHE_KEEP
** (a prefix with a file per rule file: ycache.c). */
bool fc_cache_write_keep(const char *dir, const char *name,
			 const uint64_t key[2], const void *p, size_t len,
			 size_t keep);

/* ---- Payloads ---------------------------------------------------------- */

/* A payload being read: every read bounded by what is left. */
struct fc_cache_reader {
	const uint8_t *p;
	size_t n, off;
	bool is_bad; /* a read went past the end: the payload is refused */
};

void fc_cache_put_u64(struct fc_buf *b, uint64_t v);
/* Append the length and hash (with seed) of p[0, n): a key's part for
** bytes a payload is made from. */
void fc_cache_put_data(struct fc_buf *b, const void *p, size_t n,
		       uint64_t seed);
/* The key of b's bytes into key (when ok and b had no error), then b
** freed; ok && no error. */
bool fc_cache_key_end(struct fc_buf *b, bool ok, uint64_t key[2]);
/* The next k bytes of r, or NULL (and r->is_bad) when fewer are left.
** Inline: a tree's decode takes two pieces a node, some 60,000 a warm
** start. */
static inline const uint8_t *fc_cache_take(struct fc_cache_reader *r,
					   size_t k)
{
	if (r->is_bad || k > r->n - r->off) {
		r->is_bad = true;
		return NULL;
	}
	const uint8_t *s = r->p + r->off;
	r->off += k;
	return s;
}
/* The next 8 bytes as a number; 0 (and r->is_bad) when fewer are left. */
uint64_t fc_cache_get_u64(struct fc_cache_reader *r);

/*
** Do the serialized codes ser[0, len) (pcre2_serialize_encode of np
** codes) hold np codes of the sizes size[0, np) (PCRE2_INFO_SIZE), one
** after the other to the end? Checked before pcre2_serialize_decode,
** which checks nothing of the codes it copies.
*/
bool fc_cache_ser_ok(const uint8_t *ser, size_t len, const uint64_t *size,
		     size_t np);

#endif
