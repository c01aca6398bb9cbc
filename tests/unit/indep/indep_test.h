/*
** indep_test.h: builders for the independence module's unit tests:
** hand-made corpora (documents with cleaned text, no text stage needed)
** and rule suites loaded from the real rules/independence files or from
** YAML written into a temporary folder.
*/
#ifndef INDEP_TEST_H
#define INDEP_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fc_test.h"
#include "indep/indep_p.h"

#define INDEP_RULES FC_SOURCE_ROOT "/rules/independence"
#define SEED_DIR FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16"

/* One source of a hand-made corpus. */
struct tdoc {
	const char *id;
	const char *text;
	const char *derived_from; /* or NULL */
	const char *outlet;	  /* or NULL */
};

static inline void diags_dump(const struct fc_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "diag %zu: %s:%u:%u: %s\n", i,
			d->v[i].loc.file ? d->v[i].loc.file : "-",
			(unsigned)d->v[i].loc.line, (unsigned)d->v[i].loc.col,
			d->v[i].msg);
}

/*
** A corpus of n documents whose cleaned text is the given text. With
** is_split the sentences come from fc_text_sentences (when the text
** module provides them); without, the module's own fallback splits.
** Manifest positions are line i + 2, column 5 of "corpus.yaml".
*/
static inline struct fc_corpus *corpus_of(const struct fc_rules *r,
					  const struct tdoc *t, size_t n,
					  bool is_split)
{
	struct fc_corpus *c = fc_corpus_create();
	assert_non_null(c);
	c->name = "test";
	c->sources =
		fc_arena_alloc(&c->arena, (n ? n : 1) * sizeof(*c->sources));
	c->docs = fc_arena_alloc(&c->arena, (n ? n : 1) * sizeof(*c->docs));
	assert_non_null(c->sources);
	assert_non_null(c->docs);
	for (size_t i = 0; i < n; i++) {
		struct fc_source *s = &c->sources[i];
		s->id = t[i].id;
		s->derived_from = t[i].derived_from;
		s->outlet = t[i].outlet;
		s->loc = (struct fc_srcloc){"corpus.yaml", (uint32_t)i + 2, 5,
					    0};
		struct fc_document *doc = &c->docs[i];
		doc->src = s;
		size_t len = strlen(t[i].text);
		doc->raw = fc_arena_strndup(&c->arena, t[i].text, len);
		doc->raw_len = len;
		doc->text = fc_arena_strndup(&c->arena, t[i].text, len);
		doc->text_len = len;
		doc->independent_group = -1;
		if (is_split)
			assert_int_equal(fc_text_sentences(r, &c->arena,
							   doc->text, len,
							   &doc->sentences,
							   &doc->nsentences),
					 FC_OK);
	}
	c->nsources = c->ndocs = n;
	return c;
}

/* Load the given rule folders (no built-in suite); fails on any error. */
static inline struct fc_rules *rules_load_dirs(const char *const *dirs,
					       struct fc_diags *d)
{
	struct fc_rules *r = NULL;
	fc_status st = fc_rules_load(dirs, 0, &r, d);
	if (st)
		diags_dump(d);
	assert_int_equal(st, FC_OK);
	assert_non_null(r);
	return r;
}

static inline struct fc_rules *rules_real(void)
{
	static const char *const dirs[] = {INDEP_RULES, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = rules_load_dirs(dirs, &d);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	return r;
}

/* A fresh temporary folder (caller removes it with tmp_rmdir). */
static inline char *tmp_dir(void)
{
	char tmpl[] = "/tmp/fc-indep-XXXXXX";
	char *p = mkdtemp(tmpl);
	assert_non_null(p);
	return strdup(p);
}

/* Write name in dir with data; returns the path (caller frees). */
static inline char *tmp_write(const char *dir, const char *name,
			      const char *data)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	assert_non_null(path);
	snprintf(path, n, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, strlen(data), f), strlen(data));
	fclose(f);
	return path;
}

static inline void tmp_rmdir(char *dir, char **files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	rmdir(dir);
	free(dir);
}

/* The dependence of (a, b) in c, or NULL. */
static inline const struct fc_dependence *dep_of(const struct fc_corpus *c,
						 uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < c->ndeps; i++)
		if (c->deps[i].a == a && c->deps[i].b == b)
			return &c->deps[i];
	return NULL;
}

/* Read a whole file into the corpus arena. */
static inline char *slurp(struct fc_arena *a, const char *path)
{
	char *data;
	size_t len;
	assert_int_equal(fc_file_read(path, 1u << 24, &data, &len), FC_OK);
	char *s = fc_arena_strndup(a, data, len);
	free(data);
	return s;
}

#endif
