/*
** ruletest_p.h: the items a golden case is judged against, private to
** ruletest.c (the cases) and ruletest_items.c (a run's output flattened).
*/
#ifndef FC_RULETEST_P_H
#define FC_RULETEST_P_H

#include "stages.h"

#define ITEM_FIELDS 32

struct field {
	const char *key;
	const char *val;    /* scalar, or NULL for a list */
	const char **list;
	size_t nlist;
};

struct item {
	struct field f[ITEM_FIELDS];
	size_t n;
};

struct items {
	struct item *v;
	size_t n, cap;
	struct fc_arena *a;
};

/*
** Append one item per element of a layer's output: a document's text
** (and its paragraphs), its mentions, the corpus's independence groups,
** its facts, its findings. Strings live in it->a.
*/
void rt_text_items(const struct fc_document *doc, struct items *it);
void rt_mention_items(const struct fc_document *doc, struct items *it);
void rt_group_items(const struct fc_corpus *c, struct items *it);
void rt_fact_items(const struct fc_corpus *c, struct items *it);
void rt_finding_items(const struct fc_corpus *c, struct items *it);

#endif
