/*
** norm_expand_p.h: the expansion of a normalizer pattern's {table} and
** {macro} references into one regex (norm_expand.c), shared with its
** compilation (norm_compile.c).
*/
#ifndef FC_NORM_EXPAND_P_H
#define FC_NORM_EXPAND_P_H

#include "extract/norm_p.h"

/*
** The tables and macros by name, for the references of every pattern (a
** scan of all names for each reference was a tenth of the expansion):
** slot k + 1 is table k, ntables + k + 1 macro k; 0 is free.
*/
struct name_index {
	uint32_t *slot;
	size_t mask;
};

struct srcpos {
	const struct fc_ynode *node;
	uint32_t off;
};

/* A table's alternation, made once for each case mode: the same tables
** come back in many patterns. */
struct table_rx {
	char *rx;
	size_t len;
	bool is_made;
};

struct expand {
	struct fc_norm *n;
	struct fc_arena *a;
	struct table_rx *cache; /* [2 * table + is_caseless], or NULL */
	const struct name_index *names_ix;
	struct fc_buf out;
	struct srcpos *map;
	size_t capmap;
	/* no source map made: it serves a PCRE2 error only, and a failed
	** compile expands the pattern again with it */
	bool is_mapless;
	/* capture names made by references, and their tables */
	char names[64][40];
	int tables[64];
	size_t nnames;
	struct fc_diags *d;
	const struct norm_pattern *p;
	bool failed;
};

/* The tables and macros of n by name into x; false, with x->slot NULL
** (names are then found by a scan), when memory ran out or there are
** too many to index. */
bool norm_names_index(const struct fc_norm *n, struct name_index *x);
/* norm_table_find by the index x. */
int norm_table_find_ix(const struct fc_norm *n, const struct name_index *x,
		       const char *name);
/* Expand node's text into e->out, with its source map; depth: of macro
** calls. A problem is diagnosed to e->d and sets e->failed. */
void norm_expand_str(struct expand *e, const struct fc_ynode *node,
		     int depth);

#endif
