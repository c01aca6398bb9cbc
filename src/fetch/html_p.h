/*
** html_p.h: shared by html.c (selection, text) and html_verdict.c (what
** the rules say about each element). Private to src/fetch.
*/
#ifndef FACTCROSS_HTML_P_H
#define FACTCROSS_HTML_P_H

#include "fetch/fetch_p.h"

/* What an element is, as far as text goes (html.c's tag table). */
enum {
	K_BLOCK = 1,  /* a paragraph break before and after */
	K_PARA = 2,   /* scored as a paragraph */
	K_SKIP = 4,   /* never text: script, style, template, noscript, head */
	K_LINK = 8,   /* <a> */
	K_CLEAN = 16, /* may be left out of the selection (links, weight) */
	K_PRE = 32,
	K_BR = 64,
	K_KEEPTAG = 128, /* html, body: never dropped */
};

/* Per element, indexed in document order; node->_private points here. */
struct nd {
	xmlNode *node;
	uint32_t parent; /* FC_NONE for the root */
	unsigned kind;
	/* verdicts of the rules (fixed) */
	const struct html_rule *strict_drop, *soft_drop;
	bool is_kept;
	double weight;       /* tag and class/id weights: the initial score */
	double class_weight; /* class/id weights alone: for cleaning */
	/* per attempt */
	const struct html_rule *drop; /* why this element was dropped */
	bool is_dropped;              /* dropped, or inside a dropped one */
	bool has_block_child, has_score;
	double score;
	uint32_t text_len, link_len, commas;
};

/* One extraction: the rules, the elements, the output of an attempt. */
struct ctx {
	const struct fc_html *h; /* or NULL: no rules */
	struct html_settings set;
	struct fc_arena *a;
	struct nd *v;
	size_t n;
	uint32_t *rule_mark; /* per rule: 1 + element last counted */
	const struct html_rule *clean_links, *clean_weight;
	struct html_rule clean_rules[2];
	/* output of one attempt */
	struct fc_buf text, para;
	size_t nparas;
	struct fc_html_drop *drops;
	size_t ndrops, capdrops;
	bool is_oom;
};

static inline struct nd *nd_of(const xmlNode *n)
{
	return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

/* Next node in document order below root; skip_kids skips n's subtree. */

/* Rule verdicts of element e (index ei): drops, keep, weights. */
void fc_html_verdicts(struct ctx *c, struct nd *e, uint32_t ei);

#endif
