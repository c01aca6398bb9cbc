/*
** norm_try.c: print the times and quantities of a text, one per line
** (a development aid; `factcross normalize` is the user command).
**
**   norm_try [--ref YYYY-MM-DD] [--rules DIR] TEXT...
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	const char *ref = NULL, *file = NULL;
	const char *dirs[2] = {NULL, NULL};
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i += 2) {
		if (i + 1 >= argc)
			return 2;
		if (!strcmp(argv[i], "--ref"))
			ref = argv[i + 1];
		else if (!strcmp(argv[i], "--rules"))
			dirs[0] = argv[i + 1];
		else if (!strcmp(argv[i], "--file"))
			file = argv[i + 1];
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
	if (file) {
		char *data;
		size_t len;
		if (fc_file_read(file, 0, &data, &len) == FC_OK) {
			struct fc_arena a;
			fc_arena_init(&a);
			struct fc_document doc = {0};
			doc.text = data;
			doc.text_len = len;
			doc.published = ref;
			struct timespec t0, t1;
			clock_gettime(CLOCK_MONOTONIC, &t0);
			fc_norm_doc(r, &a, &doc, &d);
			clock_gettime(CLOCK_MONOTONIC, &t1);
			double s = (double)(t1.tv_sec - t0.tv_sec) +
				   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
			size_t nt = 0;
			for (size_t k = 0; k < doc.nmentions; k++)
				nt += doc.mentions[k].kind == FC_MENTION_TIME;
			printf("%zu bytes, %zu mentions (%zu times) in %.3f s: "
			       "%.1f MB/s\n",
			       len, doc.nmentions, nt, s, (double)len / s / 1e6);
			fc_arena_finish(&a);
			free(data);
		}
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
