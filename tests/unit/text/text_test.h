/*
** text_test.h: helpers for the text module's tests: the built-in
** boilerplate rules, cleaning a buffer as one document, and checks that
** hold for every cleaned document.
*/
#ifndef FC_TEXT_TEST_H
#define FC_TEXT_TEST_H

#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"

#define BOILER_DIR FC_SOURCE_ROOT "/rules/boilerplate"

/* Rules from the given folders only (no other module's files). */
static inline struct fc_rules *load_rules(const char *dir)
{
	const char *dirs[] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(dirs, 0, &r, &d);
	if (d.n)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(st, FC_OK);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	return r;
}

struct cleaned {
	struct fc_arena a;
	struct fc_source src;
	struct fc_document doc;
	struct fc_diags d;
	fc_status st;
};

/* Clean raw[0, len) as the document `name` (its extension picks the
** format). published: the manifest's date or NULL. */
static inline void clean_buf(struct cleaned *c, const struct fc_rules *r,
			     const char *name, const char *published,
			     const char *raw, size_t len)
{
	memset(c, 0, sizeof(*c));
	fc_arena_init(&c->a);
	fc_diags_init(&c->d);
	c->src.id = name;
	c->src.path = name;
	c->doc.src = &c->src;
	c->doc.raw = fc_arena_strndup(&c->a, raw, len);
	c->doc.raw_len = len;
	c->doc.published = published;
	c->doc.is_published_stated = published != NULL;
	c->st = fc_text_clean(r, &c->a, &c->doc, &c->d);
}

static inline void cleaned_finish(struct cleaned *c)
{
	fc_diags_finish(&c->d);
	fc_arena_finish(&c->a);
}

/* A sentence's text, NUL-terminated (in the arena). */
static inline const char *sentence_text(struct cleaned *c, size_t i)
{
	const struct fc_sentence *s = &c->doc.sentences[i];
	return fc_arena_strndup(&c->a, c->doc.text + s->start,
				s->end - s->start);
}

/* A dropped block's raw text, trimmed (in the arena). */
static inline const char *dropped_text(struct cleaned *c, size_t i)
{
	const struct fc_dropped *k = &c->doc.dropped[i];
	const char *s = c->doc.raw + k->raw_start;
	size_t n = k->raw_end - k->raw_start;
	while (n && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r' || s[n - 1] == '\t'))
		n--;
	return fc_arena_strndup(&c->a, s, n);
}

/*
** What holds for every cleaned document: the text is NUL-terminated;
** segments are in order, inside both texts, and map equal bytes;
** sentences are in order, trimmed, inside the text; dropped blocks are
** in order and inside the raw text.
*/
static inline void assert_doc_sane(const struct fc_document *doc)
{
	assert_non_null(doc->text);
	assert_int_equal(doc->text[doc->text_len], '\0');
	uint32_t at = 0;
	for (size_t i = 0; i < doc->nsegments; i++) {
		const struct fc_segment *s = &doc->segments[i];
		assert_true(s->clean_start >= at);
		assert_true(s->clean_start + s->len <= doc->text_len);
		assert_true(s->raw_start + s->len <= doc->raw_len);
		assert_memory_equal(doc->text + s->clean_start,
				    doc->raw + s->raw_start, s->len);
		at = s->clean_start + s->len;
	}
	at = 0;
	for (size_t i = 0; i < doc->nsentences; i++) {
		const struct fc_sentence *s = &doc->sentences[i];
		assert_true(s->start >= at);
		assert_true(s->start < s->end);
		assert_true(s->end <= doc->text_len);
		assert_true(doc->text[s->start] != ' ' &&
			    doc->text[s->start] != '\n');
		assert_true(doc->text[s->end - 1] != ' ' &&
			    doc->text[s->end - 1] != '\n');
		assert_true(s->line >= 1);
		at = s->end;
	}
	at = 0;
	for (size_t i = 0; i < doc->ndropped; i++) {
		const struct fc_dropped *k = &doc->dropped[i];
		assert_true(k->raw_start >= at);
		assert_true(k->raw_start <= k->raw_end);
		assert_true(k->raw_end <= doc->raw_len);
		assert_non_null(k->rule);
		at = k->raw_end;
	}
}

#endif
