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

/* Index of the source with this id, or -1 (a linear scan). */
long fc_ingest_find_source(const struct fc_corpus *c, const char *id);

/*
** The source ids sorted once, for lookups in log time: a manifest or a
** folder of many thousand sources must not cost a scan per source.
*/
struct fc_ingest_ids {
	struct fc_ingest_id *v; /* by id, then by source index */
	size_t n;
};
fc_status fc_ingest_ids_init(struct fc_ingest_ids *x,
			     const struct fc_corpus *c);
/* Index of the first source (in corpus order) with this id, or -1. */
long fc_ingest_ids_find(const struct fc_ingest_ids *x, const char *id);
void fc_ingest_ids_finish(struct fc_ingest_ids *x);

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
