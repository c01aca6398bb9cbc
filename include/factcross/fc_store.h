/*
** fc_store.h: the SQLite store of a run.
**
** Schema version FC_STORE_SCHEMA (table meta). Each stage of a run is
** written in one transaction, so an interrupted run leaves every earlier
** stage intact and never a half stage.
*/
#ifndef FACTCROSS_FC_STORE_H
#define FACTCROSS_FC_STORE_H

#include "fc_error.h"
#include "fc_model.h"

#define FC_STORE_SCHEMA 1

struct fc_store;

/* Open or create the database at path; migrates older schemas. */
fc_status fc_store_open(const char *path, struct fc_store **out,
			struct fc_diags *d);
void fc_store_close(struct fc_store *s); /* NULL is fine */

/* Stage writers: each replaces the corpus's rows of that stage. */
fc_status fc_store_put_documents(struct fc_store *s,
				 const struct fc_corpus *c,
				 const char *rules_hash, struct fc_diags *d);
fc_status fc_store_put_mentions(struct fc_store *s, const struct fc_corpus *c,
				struct fc_diags *d);
fc_status fc_store_put_facts(struct fc_store *s, const struct fc_corpus *c,
			     struct fc_diags *d);
fc_status fc_store_put_findings(struct fc_store *s, const struct fc_corpus *c,
				struct fc_diags *d);

#endif
