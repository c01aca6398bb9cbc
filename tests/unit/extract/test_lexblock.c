/*
** test_lexblock.c: tokens inside time and quantity mentions are blocked
** (no entity, cue or phrase over them) whatever the order the mentions
** come in: ascending, descending, and so many overlapping ones out of
** order that the lexicon falls back from marking ranges to its running
** sum (block_spans in src/extract/lexicon.c). Real rules/lexicon files.
*/
#include "lexicon/lx_test.h"

static const char text[] =
	"Putin met Trump in Moscow and Xi in Beijing while Macron called "
	"Erdogan from Paris.";

/* The blocked spans: "Trump", "Xi in Beijing", "Paris". */
static const uint32_t spans[][2] = {{10, 15}, {30, 43}, {77, 82}};
#define NSPANS (sizeof(spans) / sizeof(*spans))

static void push(struct fc_arena *a, struct fc_document *doc, size_t k)
{
	struct fc_mention *m = fc_doc_push_mention(a, doc);
	m->kind = k % 2 ? FC_MENTION_QUANTITY : FC_MENTION_TIME;
	m->start = spans[k][0];
	m->end = spans[k][1];
}

/* The entity mentions of text as "start-end id;..." with the spans'
** time mentions pushed first: order 0 none, 1 ascending, 2 descending,
** 3 the last, then 300 copies of the middle one (out of order, more
** marks than the budget) and then the first (marked by the running
** sum alone). */
static char *entities(const struct fc_rules *r, struct fc_arena *a,
		      int order)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_document doc;
	lx_doc(a, &doc, text, 1);
	for (size_t k = 0; (order == 1 || order == 2) && k < NSPANS; k++)
		push(a, &doc, order == 1 ? k : NSPANS - 1 - k);
	if (order == 3) {
		push(a, &doc, 2);
		for (int c = 0; c < 300; c++)
			push(a, &doc, 1);
		push(a, &doc, 0);
	}
	assert_int_equal(fc_lexicon_doc(r, a, &doc, &d), FC_OK);
	fc_mentions_finish(&doc);
	fc_diags_finish(&d);
	char *out = fc_arena_strdup(a, "");
	for (size_t i = 0; i < doc.nmentions; i++) {
		const struct fc_mention *m = &doc.mentions[i];
		if (m->kind == FC_MENTION_ENTITY)
			out = fc_arena_printf(a, "%s%u-%u %s;", out, m->start,
					      m->end, m->entity.id);
	}
	return out;
}

static void test_blocked_in_any_order(void **state)
{
	(void)state;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = lx_rules(&d);
	assert_non_null(r);
	struct fc_arena a;
	fc_arena_init(&a);
	assert_string_equal(entities(r, &a, 0),
			    "0-5 person:vladimir-putin;10-15 person:donald-trump;"
			    "19-25 city:moscow;30-32 person:xi-jinping;"
			    "36-43 city:beijing;50-56 person:emmanuel-macron;"
			    "64-71 person:recep-tayyip-erdogan;77-82 city:paris;");
	const char *want = "0-5 person:vladimir-putin;19-25 city:moscow;"
			   "50-56 person:emmanuel-macron;"
			   "64-71 person:recep-tayyip-erdogan;";
	for (int order = 1; order <= 3; order++)
		assert_string_equal(entities(r, &a, order), want);
	fc_arena_finish(&a);
	lx_rules_free(r);
	fc_diags_finish(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocked_in_any_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
