/*
** norm_try.c: print the times and quantities of a text, one per line
** (a development aid; `factcross normalize` is the user command).
**
**   norm_try [--ref YYYY-MM-DD] [--rules DIR] TEXT...
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factcross/fc.h"
#include "stages.h"

static void print_mention(const struct fc_document *doc,
			  const struct fc_mention *m)
{
	printf("%-22.*s ", (int)(m->end - m->start), doc->text + m->start);
	if (m->kind == FC_MENTION_TIME) {
		const char *mod = fc_timex_mod_name(m->time.mod);
		printf("time %s %s grain=%s%s%s", fc_timex_type_name(m->time.type),
		       m->time.value, fc_grain_name(m->time.grain),
		       mod ? " mod=" : "", mod ? mod : "");
	} else {
		const struct fc_quantity *q = &m->quantity;
		printf("quantity %g unit=%s", q->value, q->unit ? q->unit : "-");
		if (!q->is_lo_open)
			printf(" low=%g", q->lo);
		if (!q->is_hi_open)
			printf(" high=%g", q->hi);
		if (q->is_ordinal)
			printf(" ordinal");
	}
	printf("  [%s]\n", m->rule ? m->rule : "");
}

int main(int argc, char **argv)
{
	const char *ref = NULL;
	const char *dirs[2] = {NULL, NULL};
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
		if (i + 1 >= argc)
			return 2;
		if (!strcmp(argv[i], "--ref"))
			ref = argv[i + 1];
		else if (!strcmp(argv[i], "--rules"))
			dirs[0] = argv[i + 1];
	}
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	fc_status st = fc_rules_load(dirs, 1, &r, &d);
	fc_diags_print(&d, stderr, 0);
	if (st) {
		fc_rules_destroy(r);
		fc_diags_finish(&d);
		return 2;
	}
	for (; i < argc; i++) {
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_document doc = {0};
		doc.text = argv[i];
		doc.text_len = strlen(argv[i]);
		doc.published = ref;
		fc_norm_doc(r, &a, &doc, &d);
		fc_mentions_finish(&doc);
		for (size_t k = 0; k < doc.nmentions; k++)
			print_mention(&doc, &doc.mentions[k]);
		fc_arena_finish(&a);
	}
	fc_diags_print(&d, stderr, 0);
	fc_rules_destroy(r);
	fc_diags_finish(&d);
	return 0;
}
