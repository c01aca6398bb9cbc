/*
** arena_mark.h: a mark in an arena and a rewind to it, for a step that
** may fail and leave blocks that nothing will use (a YAML parse that is
** redone: fc_yaml_load_skip). Private to the core and the rule loader;
** it belongs beside struct fc_arena in fc_model.h if others need it.
*/
#ifndef FC_CORE_ARENA_MARK_H
#define FC_CORE_ARENA_MARK_H

#include <stddef.h>

#include "factcross/fc_model.h"

struct fc_arena_mark {
	struct fc_arena_chunk *head; /* the head chunk then (or NULL) */
	struct fc_arena_chunk *next; /* the chunk behind it then */
	size_t used;                 /* the head's bytes in use then */
	size_t nbytes;               /* the arena's count then */
};

/* Where a's allocations stand. */
struct fc_arena_mark fc_arena_mark(const struct fc_arena *a);

/*
** Free every block allocated in a since mark m (their chunks go back to
** the system) and restore a's byte count: a is as it was at m. Blocks
** from before m must not have grown (fc_arena_grow, fc_arena_regrow)
** since m, and nothing may point into the blocks after it.
*/
void fc_arena_rewind(struct fc_arena *a, const struct fc_arena_mark *m);

#endif
