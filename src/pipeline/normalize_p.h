/*
** normalize_p.h: the byte functions of factcross normalize's input
** (normalize_cut.c), for normalize.c. Private to src/pipeline.
*/
#ifndef FC_PIPELINE_NORMALIZE_P_H
#define FC_PIPELINE_NORMALIZE_P_H

#include <stddef.h>
#include <stdint.h>

#include "factcross/fc_error.h"

/* The warning for nbad bytes replaced, the first at byte first. */
void stream_warn_bad(struct fc_diags *d, size_t nbad, uint64_t first);
/* Where to cut p[0, n) at min or after: the start of a white space run
** with two line feeds; 0 when there is none yet. */
size_t stream_find_cut(const char *p, size_t n, size_t min);
/* Where to cut p[0, n), n > max, when no blank line comes before max
** (the rules in normalize_cut.c); at least min bytes. */
size_t stream_force_cut(const char *p, size_t min, size_t max);
/* How much of text[0, len) the next piece keeps before it: the index it
** starts at (what the normalizer's look-behinds read, keep_norm bytes,
** and the last few words). */
size_t stream_context_from(const char *t, size_t len, size_t keep_norm);

#endif
