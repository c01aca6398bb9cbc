/*
** ycache_p.h: parsed YAML trees in the persistent cache (ycache.c).
**
** libyaml reads a rule file at about 200 instructions a byte: with the
** compiled patterns already cached (cache.c), parsing rules/ was most of
** a warm start-up. The tree a load made is kept, serialized, in a cache
** file keyed by the file's bytes (and the key base of cache_p.h: format,
** version, build), so that the next load of the same bytes decodes it.
** Only loads that succeeded with nothing said are kept: a broken file is
** always parsed, and its diagnostics stay libyaml's. Positions (every
** node's line, column and length, where a scalar's value starts, the
** raw text of a quoted scalar) are kept: diagnostics of the loaders
** name them. Private to the core.
*/
#ifndef FC_CORE_YCACHE_P_H
#define FC_CORE_YCACHE_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/* A load's place in the cache: found by fc_ycache_find, filled by
** fc_ycache_keep, freed by fc_ycache_finish. */
struct fc_ycache {
	char *dir;       /* the cache folder; NULL: no cache for this load */
	uint64_t key[2]; /* of the bytes, the mode and the key base */
};

/*
** The tree of data[0, len) as fc_yaml_load (skip_key NULL) or
** fc_yaml_load_skip (skip_key, and *is_skipped) made it, from the cache,
** into arena a with name as every position's file: true on a hit. On a
** miss c is set up for fc_ycache_keep (or left off: too small a file,
** cache off). Always call fc_ycache_finish after.
*/
bool fc_ycache_find(struct fc_ycache *c, struct fc_arena *a, const char *name,
		    const char *data, size_t len, const char *skip_key,
		    struct fc_ynode **root, bool *is_skipped);

/* Keep root (with is_skipped) as the tree of c's load; nothing when c
** is off or the write fails. */
void fc_ycache_keep(struct fc_ycache *c, const struct fc_ynode *root,
		    bool is_skipped);

void fc_ycache_finish(struct fc_ycache *c);

/* ---- The payload (for the tests) ----------------------------------------- */

/* Append the serialized tree root (and is_skipped) to b; false when it
** cannot be (too deep, too long a value, out of memory). */
bool fc_ytree_encode(struct fc_buf *b, const struct fc_ynode *root,
		     bool is_skipped);

/*
** The tree serialized in p[0, n), into arena a with name as the file of
** every position; false (a as it was) when p is not a whole, well-formed
** payload: every count, length and kind is checked against what is
** left, and the tree must be one a parse makes (mapping keys scalars,
** scalars without children, nesting as deep as a parse allows).
*/
bool fc_ytree_decode(struct fc_arena *a, const char *name, const void *p,
		     size_t n, struct fc_ynode **root, bool *is_skipped);

#endif
