/*
** fc_test.h: shared helpers for the cmocka unit tests.
*/
#ifndef FC_TEST_H
#define FC_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "factcross/fc.h"
#include "stages.h"

/* Assert that diagnostics hold exactly one error with this rendering. */
static inline void fc_assert_diag(const struct fc_diags *d, size_t i,
				  const char *file, unsigned line,
				  unsigned col, const char *msg)
{
	assert_true(i < d->n);
	if (file)
		assert_string_equal(d->v[i].loc.file, file);
	assert_int_equal(d->v[i].loc.line, line);
	assert_int_equal(d->v[i].loc.col, col);
	assert_string_equal(d->v[i].msg, msg);
}

/* doc: text (copied into a, published ref) through fc_norm_doc, which
** must succeed with no error. */
static inline void fc_test_norm_doc(const struct fc_rules *r,
				    struct fc_arena *a, const char *text,
				    const char *ref, struct fc_document *doc)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = fc_arena_strdup(a, text);
	doc->text_len = strlen(text);
	doc->published = ref;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_doc(r, a, doc, &d), FC_OK);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
}

/* The value of the time mention of fc_norm_doc over text (published ref)
** whose text is exactly span, copied into a; NULL when there is none. */
static inline const char *fc_test_time_value(const struct fc_rules *r,
					     struct fc_arena *a,
					     const char *text, const char *ref,
					     const char *span)
{
	struct fc_document doc;
	fc_test_norm_doc(r, a, text, ref, &doc);
	for (size_t i = 0; i < doc.nmentions; i++) {
		const struct fc_mention *m = &doc.mentions[i];
		if (m->kind == FC_MENTION_TIME &&
		    m->end - m->start == strlen(span) &&
		    !memcmp(text + m->start, span, strlen(span)))
			return fc_arena_strdup(a, m->time.value);
	}
	return NULL;
}

/* A cmocka group setup: the built-in rule suite, loaded once for the
** group and handed to each test as *state (a struct fc_rules *; free it
** with fc_test_rules_teardown). Prints the diagnostics when the suite
** does not load. */
static inline int fc_test_rules_setup(void **state)
{
	struct fc_rules *r = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_rules_load(NULL, 1, &r, &d);
	if (st)
		fc_diags_print(&d, stderr, 0);
	fc_diags_finish(&d);
	*state = r;
	return st == FC_OK ? 0 : -1;
}

/* The group teardown that goes with fc_test_rules_setup. */
static inline int fc_test_rules_teardown(void **state)
{
	fc_rules_destroy(*state);
	*state = NULL;
	return 0;
}

/* A group's scratch folder: a fresh one under /tmp whose name starts
** with prefix, into dir (size bytes); 0, or -1 when it cannot be made
** (a cmocka setup's failure). */
static inline int fc_test_mkdtemp(char *dir, size_t size, const char *prefix)
{
	snprintf(dir, size, "/tmp/%s-XXXXXX", prefix);
	return mkdtemp(dir) ? 0 : -1;
}

/* Remove a folder fc_test_mkdtemp made, with all it holds: 0, or -1. */
static inline int fc_test_rmtree(const char *dir)
{
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The rules of path (a file or a folder; NULL: none) with or without the
** built-in suite, which must load without an error: the diagnostics are
** printed and the test fails when they do not. Free with
** fc_rules_destroy. */
static inline struct fc_rules *fc_test_load_rules(const char *path,
						  int builtin)
{
	const char *dirs[] = {path, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(path ? dirs : NULL, builtin, &r, &d);
	if (st || d.nerr)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(st, FC_OK);
	assert_int_equal(d.nerr, 0);
	fc_diags_finish(&d);
	return r;
}

/* nwords pseudo-random words of pieces[0, np), each followed by one of
** seps[0, ns), into b: the same text for the same seed x. */
static inline void fc_test_word_salad(struct fc_buf *b, uint32_t x,
				      size_t nwords,
				      const char *const *pieces, size_t np,
				      const char *const *seps, size_t ns)
{
	for (size_t i = 0; i < nwords; i++) {
		x = x * 1103515245u + 12345u;
		fc_buf_adds(b, pieces[(x >> 16) % np]);
		x = x * 1103515245u + 12345u;
		fc_buf_adds(b, seps[(x >> 16) % ns]);
	}
	assert_int_equal(b->err, FC_OK);
}

/* Is bit i of bit set set on? */
static inline bool fc_test_has_bit(const uint64_t *set, size_t i)
{
	return set[i / 64] >> (i % 64) & 1;
}

/* The mentions of doc, read whole from text[0, len), as JSON lines into
** b with offsets into text (as factcross normalize writes them), the
** bad bytes of text found here, apart from the stream's pieces. */
static inline void fc_test_jsonl_of_input(const struct fc_document *doc,
					  const char *text, size_t len,
					  struct fc_buf *b)
{
	uint32_t *end = malloc((len + 1) * sizeof(*end));
	assert_non_null(end);
	struct fc_repairs rep = {end, fc_utf8_repair_ends(text, len, end), 0};
	assert_int_equal(fc_report_mentions_jsonl_at(doc, 0, &rep, b), FC_OK);
	free(end);
}

/* The mentions of text read whole (fc_normalize_text), as JSON lines;
** the caller frees them. */
static inline char *fc_test_mentions(const struct fc_rules *rules,
				     const char *ref, const char *text,
				     size_t len)
{
	struct fc_corpus *c = fc_corpus_create();
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_document *doc;
	assert_int_equal(fc_normalize_text(rules, c, ref, text, len, &doc, &d),
			 FC_OK);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_test_jsonl_of_input(doc, text, len, &b);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
	return fc_buf_steal(&b, NULL);
}

/* The same, streamed on one thread in pieces of at least piece bytes;
** *npieces: the pieces cut. */
static inline char *fc_test_mentions_in_pieces(const struct fc_rules *rules,
					       const char *ref,
					       const char *text, size_t len,
					       size_t piece, size_t *npieces)
{
	setenv("FACTCROSS_THREADS", "1", 1);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_norm_stream *s;
	assert_int_equal(fc_norm_stream_create(rules, ref, &b, &s), FC_OK);
	fc_norm_stream_set_piece(s, piece);
	assert_int_equal(fc_norm_stream_feed(s, text, len, &d), FC_OK);
	assert_int_equal(fc_norm_stream_finish(s, &d), FC_OK);
	*npieces = fc_norm_stream_npieces(s);
	fc_norm_stream_destroy(s);
	fc_diags_finish(&d);
	unsetenv("FACTCROSS_THREADS");
	return fc_buf_steal(&b, NULL);
}

#endif
