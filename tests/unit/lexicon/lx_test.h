/*
** lx_test.h: helpers for the lexicon unit tests: load the real
** rules/lexicon files (and the real iso-codes list) into a rule suite,
** run the lexicon stage over a hand-built document, and render its
** mentions as flat items (the fields the golden tests compare); tokenize
** a text with nothing readable past its end.
*/
#ifndef LX_TEST_H
#define LX_TEST_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fc_test.h"

#include "extract/lexicon_p.h"

#define LX_RULES FC_SOURCE_ROOT "/rules/lexicon"

struct lx_item {
	const char *kind, *text, *rule;
	const char *id, *label, *type, *country, *role; /* entity */
	const char *speaker, *source;                   /* quote, attribution */
	uint32_t start, end;
};

static int lx_cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load one rule file into r (path copied into the rules arena). */
static inline fc_status lx_load_file(struct fc_rules *r, const char *path,
				     struct fc_diags *d)
{
	void *g = fc_arena_grow(&r->arena, r->files, sizeof(*r->files),
				&r->capfiles, r->nfiles + 1);
	if (!g)
		return FC_ENOMEM;
	r->files = g;
	struct fc_rulefile *f = &r->files[r->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = fc_arena_strdup(&r->arena, path);
	fc_status st = fc_file_read(path, 16u << 20, &f->data, &f->len);
	if (st)
		return st;
	st = fc_yaml_load(&r->arena, f->path, f->data, f->len, &f->root, d);
	if (st)
		return st;
	f->kind = "lexicon";
	return fc_lexicon_add(r, f, d);
}

/* A rule suite with only the lexicon files of dir (sorted), compiled. */
static inline struct fc_rules *lx_rules_from(const char *dir,
					     const char *iso,
					     struct fc_diags *d)
{
	struct fc_rules *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	fc_arena_init(&r->arena);
	r->iso_codes = iso;
	DIR *dp = opendir(dir);
	char *names[64];
	size_t n = 0;
	struct dirent *e;
	while (dp && (e = readdir(dp)) && n < 64)
		if (fc_str_ends_with(e->d_name, ".yaml"))
			names[n++] = fc_arena_printf(&r->arena, "%s/%s", dir,
						     e->d_name);
	if (dp)
		closedir(dp);
	qsort(names, n, sizeof(*names), lx_cmp_name);
	for (size_t i = 0; i < n; i++)
		lx_load_file(r, names[i], d);
	fc_lexicon_compile(r, d);
	return r;
}

static inline struct fc_rules *lx_rules(struct fc_diags *d)
{
	return lx_rules_from(LX_RULES, FC_ISO_CODES_PATH, d);
}

static inline void lx_rules_free(struct fc_rules *r)
{
	if (!r)
		return;
	fc_lexicon_destroy(r->lexicon);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].data);
	fc_arena_finish(&r->arena);
	free(r);
}

/* Fill doc with text; sentences split at ". " / "? " / "! " / newlines
** when is_split (like the text stage would), else none. */
static inline void lx_doc(struct fc_arena *a, struct fc_document *doc,
			  const char *text, int is_split)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = fc_arena_strdup(a, text);
	doc->text_len = strlen(text);
	doc->published = "2026-01-16";
	if (!is_split)
		return;
	size_t cap = 0, start = 0, n = doc->text_len;
	for (size_t i = 0; i <= n; i++) {
		size_t q = i + 1; /* past closing quotes after the stop */
		while (q < n && (text[q] == '"' ||
				 !strncmp(text + q, "\xe2\x80\x9d", 3) ||
				 !strncmp(text + q, "\xc2\xbb", 2)))
			q += text[q] == '"' ? 1 : text[q] == '\xc2' ? 2 : 3;
		int end = i == n || text[i] == '\n' ||
			  ((text[i] == '.' || text[i] == '?' || text[i] == '!') &&
			   (q >= n || text[q] == ' ' || text[q] == '\n') &&
			   !(i >= 2 && text[i - 2] == 'U' && text[i - 1] == 'S'));
		if (!end)
			continue;
		size_t e = i < n && text[i] != '\n' ? q : i;
		while (start < e && (text[start] == ' ' || text[start] == '\n'))
			start++;
		if (e > start) {
			doc->sentences = fc_arena_grow(a, doc->sentences,
						       sizeof(*doc->sentences),
						       &cap, doc->nsentences + 1);
			doc->sentences[doc->nsentences++] =
				(struct fc_sentence){(uint32_t)start,
						     (uint32_t)e, 1};
		}
		start = e;
	}
}

static inline char *lx_span(struct fc_arena *a, const struct fc_document *doc,
			    uint32_t s, uint32_t e)
{
	return fc_arena_strndup(a, doc->text + s, e - s);
}

/* Items of doc's mentions, in order; *n set. */
static inline struct lx_item *lx_items(struct fc_arena *a,
				       const struct fc_document *doc,
				       size_t *n)
{
	static const char *const kinds[] = {"entity", "time", "quantity",
					    "quote", "attribution",
					    "negation", "hedge"};
	struct lx_item *v = fc_arena_alloc(a, (doc->nmentions + 1) * sizeof(*v));
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		struct lx_item *it = &v[i];
		it->kind = kinds[m->kind];
		it->rule = m->rule;
		it->start = m->start;
		it->end = m->end;
		it->text = lx_span(a, doc, m->start, m->end);
		if (m->kind == FC_MENTION_ENTITY) {
			it->id = m->entity.id;
			it->label = m->entity.label;
			it->type = fc_entity_type_name(m->entity.type);
			it->country = m->entity.country;
			it->role = m->entity.role;
		} else if (m->kind == FC_MENTION_QUOTE) {
			it->text = lx_span(a, doc, m->inner_start, m->inner_end);
			it->speaker = m->speaker ? m->speaker->id : NULL;
		} else if (m->kind == FC_MENTION_ATTRIBUTION) {
			it->source = m->speaker ? m->speaker->id : it->text;
		}
	}
	*n = doc->nmentions;
	return v;
}

static inline void lx_print_items(const struct lx_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct lx_item *it = &v[i];
		fprintf(stderr, "  [%u,%u) %s '%s' rule=%s", it->start, it->end,
			it->kind, it->text, it->rule ? it->rule : "-");
		if (it->id)
			fprintf(stderr, " id=%s label='%s' type=%s country=%s role=%s",
				it->id, it->label, it->type,
				it->country ? it->country : "-",
				it->role ? it->role : "-");
		if (!strcmp(it->kind, "quote"))
			fprintf(stderr, " speaker=%s", it->speaker ? it->speaker : "-");
		if (it->source)
			fprintf(stderr, " source=%s", it->source);
		fputc('\n', stderr);
	}
}

/* A temporary folder of rule files for a test (fx_write), removed with
** them by fx_clean. */
struct fx {
	char dir[64];
	char path[8][128];
	int n;
};

/* Write text to the file name in f's folder (made on the first call);
** its path, kept in f. */
static inline const char *fx_write(struct fx *f, const char *name,
				   const char *text)
{
	if (!f->dir[0]) {
		strcpy(f->dir, "/tmp/fc-lexicon-XXXXXX");
		assert_non_null(mkdtemp(f->dir));
	}
	assert_true(f->n < 8);
	char dir[64];
	memcpy(dir, f->dir, sizeof(dir));
	snprintf(f->path[f->n], sizeof(f->path[0]), "%s/%s", dir, name);
	FILE *fp = fopen(f->path[f->n], "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return f->path[f->n++];
}

static inline void fx_clean(struct fx *f)
{
	for (int i = 0; i < f->n; i++)
		unlink(f->path[i]);
	rmdir(f->dir);
}

/* Do the rendered mentions got[0, ngot) differ from want (NULL-terminated)?
** On a difference both go to stderr under case c's text. */
static inline bool lx_case_differs(size_t c, const char *text,
				   char *const *got, size_t ngot,
				   const char *const *want)
{
	size_t nwant = 0;
	while (want[nwant])
		nwant++;
	bool same = ngot == nwant;
	for (size_t i = 0; same && i < ngot; i++)
		same = !strcmp(got[i], want[i]);
	if (same)
		return false;
	fprintf(stderr, "case %zu: %s\n  got:\n", c, text);
	for (size_t i = 0; i < ngot; i++)
		fprintf(stderr, "    %s\n", got[i]);
	fprintf(stderr, "  want:\n");
	for (size_t i = 0; i < nwant; i++)
		fprintf(stderr, "    %s\n", want[i]);
	return true;
}

/* Run the lexicon stage over text (after the time and quantity
** normalizer when is_norm), dated ref (NULL: 2026-01-16, lx_doc's);
** returns the items. */
static inline struct lx_item *lx_run_at(const struct fc_rules *r,
					struct fc_arena *a,
					struct fc_document *doc,
					const char *text, int is_norm,
					const char *ref, size_t *n)
{
	struct fc_diags d;
	fc_diags_init(&d);
	lx_doc(a, doc, text, 1);
	if (ref)
		doc->published = ref;
	if (is_norm)
		assert_int_equal(fc_norm_doc(r, a, doc, &d), FC_OK);
	assert_int_equal(fc_lexicon_doc(r, a, doc, &d), FC_OK);
	fc_mentions_finish(doc);
	fc_diags_finish(&d);
	return lx_items(a, doc, n);
}

static inline struct lx_item *lx_run_with(const struct fc_rules *r,
					  struct fc_arena *a,
					  struct fc_document *doc,
					  const char *text, int is_norm,
					  size_t *n)
{
	return lx_run_at(r, a, doc, text, is_norm, NULL, n);
}

static inline struct lx_item *lx_run(const struct fc_rules *r,
				     struct fc_arena *a,
				     struct fc_document *doc,
				     const char *text, size_t *n)
{
	return lx_run_with(r, a, doc, text, 0, n);
}

/* Tokenize text[0, n) (copied into a block of exactly n bytes, so a read
** past its end is one ASan sees) into t. */
static inline void lx_tokenize_exact(struct lx_toks *t, const char *text,
				     size_t n)
{
	char *p = malloc(n ? n : 1);
	assert_non_null(p);
	memcpy(p, text, n);
	memset(t, 0, sizeof(*t));
	assert_int_equal(lx_tokenize(t, p, n), FC_OK);
	free(p);
}

#endif
