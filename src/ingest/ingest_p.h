/*
** ingest_p.h: helpers shared by the files of src/ingest (not installed).
**
**   corpus.c    fc_corpus_load (dispatch), folder corpora, in-memory texts
**   manifest.c  corpus.yaml -> sources, validated with positions
*/
#ifndef FACTCROSS_INGEST_P_H
#define FACTCROSS_INGEST_P_H

#include "stages.h"

/*
** Append a zeroed source to c->sources (arena-grown). The capacity is
** implicit: the array is always allocated at the next power of two of
** nsources, so every writer must go through this function.
** NULL on out of memory.
*/
struct fc_source *fc_ingest_push_source(struct fc_corpus *c);

/* Index of the source with this id, or -1. */
long fc_ingest_find_source(const struct fc_corpus *c, const char *id);

/*
** dir/file in the corpus arena; file as is when absolute or when dir is
** "." or empty. NULL on out of memory.
*/
char *fc_ingest_join(struct fc_arena *a, const char *dir, const char *file);

/*
** Read and validate the manifest at c->manifest (c->dir already set),
** filling c. Every problem goes to d with its position.
*/
void fc_ingest_manifest(struct fc_corpus *c, struct fc_diags *d);

#endif
