/*
** claims_test.h: helpers for the claim-engine tests.
**
**   rules_load_files()  kind: claims files, after the built-in fact
**                       schema (rules/claims/00-facts.yaml) -> a struct
**                       fc_rules holding only the claims module
**   rules_load_list()   the same without the schema file
**   tdoc_*              a one-document corpus built by hand: text,
**                       sentences (one per line), mentions
**   rules_from_yaml()   one claims YAML text, written to a folder, loaded
**   tdoc_expect()       the facts of a tdoc, compared exactly
**   seed_corpus()       the seed corpus through fc_verify's first stages
**   facts_render()      every fact as one line, for exact comparison
*/
#ifndef CLAIMS_TEST_H
#define CLAIMS_TEST_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "fc_test.h"

/* ---- Rules --------------------------------------------------------------- */

/* The built-in fact schema (kind: claims, `facts:`). */
#define CLAIMS_FACTS FC_SOURCE_ROOT "/rules/claims/00-facts.yaml"

/* Load the files (NULL-terminated) into a fresh rule set, then compile. */
static inline fc_status rules_load_list(const char *const *paths,
					struct fc_rules **out,
					struct fc_diags *d)
{
	struct fc_rules *r = calloc(1, sizeof(*r));
	fc_status st = FC_OK;
	assert_non_null(r);
	fc_arena_init(&r->arena);
	size_t n = 0;
	while (paths[n])
		n++;
	r->files = fc_arena_alloc(&r->arena, (n + 1) * sizeof(*r->files));
	for (size_t i = 0; i < n; i++) {
		struct fc_rulefile *f = &r->files[r->nfiles++];
		f->path = fc_arena_strdup(&r->arena, paths[i]);
		f->kind = "claims";
		fc_status s = fc_file_read(paths[i], 1u << 24, &f->data,
					   &f->len);
		assert_int_equal(s, FC_OK);
		s = fc_yaml_load(&r->arena, f->path, f->data, f->len,
				 &f->root, d);
		if (s) {
			st = s;
			continue;
		}
		s = fc_claims_add(r, f, d);
		if (s && !st)
			st = s;
	}
	fc_status s = fc_claims_compile(r, d);
	if (s && !st)
		st = s;
	*out = r;
	return st;
}

/* The built-in fact schema, then the files (NULL-terminated). */
static inline fc_status rules_load_files(const char *const *paths,
					 struct fc_rules **out,
					 struct fc_diags *d)
{
	const char *v[64] = {CLAIMS_FACTS};
	size_t n = 1;
	while (paths[n - 1] && n < 63) {
		v[n] = paths[n - 1];
		n++;
	}
	v[n] = NULL;
	return rules_load_list(v, out, d);
}

/* Rules from one YAML text written to a file in dir (after the fact
** schema); the load must be clean. */
static inline struct fc_rules *rules_from_yaml(const char *dir,
					       const char *yaml)
{
	static int n;
	char path[512];
	snprintf(path, sizeof(path), "%s/r%d.yaml", dir, n++);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(yaml, f);
	fclose(f);
	const char *paths[] = {path, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	fc_status st = rules_load_files(paths, &r, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%u:%u: %s\n", d.v[i].loc.line,
			d.v[i].loc.col, d.v[i].msg);
	assert_int_equal(st, FC_OK);
	fc_diags_finish(&d);
	return r;
}

static inline void rules_free(struct fc_rules *r)
{
	if (!r)
		return;
	fc_claims_destroy(r->claims);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].data);
	fc_arena_finish(&r->arena);
	free(r);
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.yaml file of FC_SOURCE_ROOT/rules/claims, in name order. */
static inline struct fc_rules *rules_load_builtin(void)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/rules/claims", FC_SOURCE_ROOT);
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	char *paths[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dp)) && n < 255) {
		size_t l = strlen(e->d_name);
		if (l > 5 && !strcmp(e->d_name + l - 5, ".yaml")) {
			paths[n] = malloc(strlen(dir) + l + 2);
			sprintf(paths[n], "%s/%s", dir, e->d_name);
			n++;
		}
	}
	closedir(dp);
	qsort(paths, n, sizeof(*paths), cmp_cstr);
	paths[n] = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	fc_status st = rules_load_list((const char *const *)paths, &r, &d);
	for (size_t i = 0; i < d.n; i++)
		fprintf(stderr, "%s:%u:%u: %s\n", d.v[i].loc.file,
			d.v[i].loc.line, d.v[i].loc.col, d.v[i].msg);
	assert_int_equal(d.n, 0);
	assert_int_equal(st, FC_OK);
	fc_diags_finish(&d);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	return r;
}

/* ---- Documents ----------------------------------------------------------- */

struct tdoc {
	struct fc_corpus *c;
	struct fc_document *doc;
	struct fc_source *src;
};

/* A corpus of one document; every line of text is one sentence. */
static inline void tdoc_init(struct tdoc *t, const char *text,
			     const char *published)
{
	t->c = fc_corpus_create();
	assert_non_null(t->c);
	struct fc_arena *a = &t->c->arena;
	t->src = fc_arena_alloc(a, sizeof(*t->src));
	t->src->id = "t";
	t->c->sources = t->src;
	t->c->nsources = 1;
	t->doc = fc_arena_alloc(a, sizeof(*t->doc));
	t->c->docs = t->doc;
	t->c->ndocs = 1;
	t->doc->src = t->src;
	t->doc->published = published;
	t->doc->text = fc_arena_strdup(a, text);
	t->doc->text_len = strlen(text);
	size_t n = 1;
	for (const char *p = text; *p; p++)
		n += *p == '\n';
	t->doc->sentences = fc_arena_alloc(a, n * sizeof(*t->doc->sentences));
	uint32_t start = 0;
	for (uint32_t i = 0;; i++) {
		if (text[i] == '\n' || text[i] == '\0') {
			struct fc_sentence *s =
				&t->doc->sentences[t->doc->nsentences++];
			s->start = start;
			s->end = i;
			s->line = (uint32_t)t->doc->nsentences;
			start = i + 1;
			if (!text[i])
				break;
		}
	}
}

static inline void tdoc_free(struct tdoc *t)
{
	fc_corpus_destroy(t->c);
}

/* Offset of the nth (0-based) occurrence of s in the text. */
static inline uint32_t tdoc_find(struct tdoc *t, const char *s, int nth)
{
	const char *p = t->doc->text;
	for (;;) {
		const char *q = strstr(p, s);
		if (!q) {
			fail_msg("'%s' (#%d) not in the text", s, nth);
			return 0;
		}
		if (nth-- == 0)
			return (uint32_t)(q - t->doc->text);
		p = q + 1;
	}
}

static inline struct fc_mention *tdoc_mention(struct tdoc *t,
					      enum fc_mention_kind kind,
					      const char *s, int nth)
{
	struct fc_mention *m = fc_doc_push_mention(&t->c->arena, t->doc);
	assert_non_null(m);
	m->kind = kind;
	m->start = tdoc_find(t, s, nth);
	m->end = m->start + (uint32_t)strlen(s);
	m->rule = "test";
	return m;
}

/* A known entity for the auto-tagging of names. */
struct tent {
	const char *surface, *id, *label;
	enum fc_entity_type type;
	const char *country, *role;
};

static const struct tent test_entities[] = {
	{"Vladimir Putin", "person:vladimir-putin", "Vladimir Putin",
	 FC_ENT_PERSON, "RU", "president"},
	{"Putin", "person:vladimir-putin", "Vladimir Putin", FC_ENT_PERSON,
	 "RU", "president"},
	{"Benjamin Netanyahu", "person:benjamin-netanyahu",
	 "Benjamin Netanyahu", FC_ENT_PERSON, "IL", "prime minister"},
	{"Netanyahu", "person:benjamin-netanyahu", "Benjamin Netanyahu",
	 FC_ENT_PERSON, "IL", "prime minister"},
	{"Masoud Pezeshkian", "person:masoud-pezeshkian", "Masoud Pezeshkian",
	 FC_ENT_PERSON, "IR", "president"},
	{"Pezeshkian", "person:masoud-pezeshkian", "Masoud Pezeshkian",
	 FC_ENT_PERSON, "IR", "president"},
	{"Dmitry Peskov", "person:dmitry-peskov", "Dmitry Peskov",
	 FC_ENT_PERSON, "RU", "spokesman"},
	{"Peskov", "person:dmitry-peskov", "Dmitry Peskov", FC_ENT_PERSON,
	 "RU", "spokesman"},
	{"Bashar al-Assad", "person:bashar-al-assad", "Bashar al-Assad",
	 FC_ENT_PERSON, "SY", "president"},
	{"Nicolas Maduro", "person:nicolas-maduro", "Nicolas Maduro",
	 FC_ENT_PERSON, "VE", "president"},
	{"Donald Trump", "person:donald-trump", "Donald Trump", FC_ENT_PERSON,
	 "US", "president"},
	{"Trump", "person:donald-trump", "Donald Trump", FC_ENT_PERSON, "US",
	 "president"},
	{"Xi Jinping", "person:xi-jinping", "Xi Jinping", FC_ENT_PERSON, "CN",
	 "president"},
	{"Emmanuel Macron", "person:emmanuel-macron", "Emmanuel Macron",
	 FC_ENT_PERSON, "FR", "president"},
	{"Macron", "person:emmanuel-macron", "Emmanuel Macron", FC_ENT_PERSON,
	 "FR", "president"},
	{"Tara Reid", "person:tara-reid", "Tara Reid", FC_ENT_PERSON, NULL,
	 NULL},
	{"the Kremlin", "gov:RU", "Russian government", FC_ENT_GOVERNMENT,
	 "RU", NULL},
	{"Kremlin", "gov:RU", "Russian government", FC_ENT_GOVERNMENT, "RU",
	 NULL},
	{"Moscow", "gov:RU", "Russian government", FC_ENT_GOVERNMENT, "RU",
	 NULL},
	{"Tehran", "city:tehran", "Tehran", FC_ENT_CITY, "IR", NULL},
	{"New Zealand", "country:NZ", "New Zealand", FC_ENT_COUNTRY, NULL,
	 NULL},
	{"Britain", "country:GB", "United Kingdom", FC_ENT_COUNTRY, NULL,
	 NULL},
	{"France", "country:FR", "France", FC_ENT_COUNTRY, NULL, NULL},
	{"Australia", "country:AU", "Australia", FC_ENT_COUNTRY, NULL, NULL},
	{"Germany", "country:DE", "Germany", FC_ENT_COUNTRY, NULL, NULL},
	{"Russia", "country:RU", "Russia", FC_ENT_COUNTRY, NULL, NULL},
	{"Russian", "country:RU", "Russia", FC_ENT_COUNTRY, NULL, NULL},
	{"Iranian", "country:IR", "Iran", FC_ENT_COUNTRY, NULL, NULL},
	{"Iran", "country:IR", "Iran", FC_ENT_COUNTRY, NULL, NULL},
	{"Israeli", "country:IL", "Israel", FC_ENT_COUNTRY, NULL, NULL},
	{"Israel", "country:IL", "Israel", FC_ENT_COUNTRY, NULL, NULL},
	{"Syrian", "country:SY", "Syria", FC_ENT_COUNTRY, NULL, NULL},
	{"Ukraine", "country:UA", "Ukraine", FC_ENT_COUNTRY, NULL, NULL},
	{"China", "country:CN", "China", FC_ENT_COUNTRY, NULL, NULL},
	{"Egypt", "country:EG", "Egypt", FC_ENT_COUNTRY, NULL, NULL},
	{"Qatar", "country:QA", "Qatar", FC_ENT_COUNTRY, NULL, NULL},
	{"Gaza", "other:gaza", "Gaza", FC_ENT_OTHER, "PS", NULL},
	{"the United States", "country:US", "United States", FC_ENT_COUNTRY,
	 NULL, NULL},
	{"the US", "country:US", "United States", FC_ENT_COUNTRY, NULL, NULL},
	{"Washington", "gov:US", "United States government",
	 FC_ENT_GOVERNMENT, "US", NULL},
	{"Hamas", "org:hamas", "Hamas", FC_ENT_ORG, NULL, NULL},
	{"the SCO", "org:sco", "Shanghai Cooperation Organisation", FC_ENT_ORG,
	 NULL, NULL},
	{"Paris", "city:paris", "Paris", FC_ENT_CITY, "FR", NULL},
	{"Beijing", "city:beijing", "Beijing", FC_ENT_CITY, "CN", NULL},
	{"Kyiv", "city:kyiv", "Kyiv", FC_ENT_CITY, "UA", NULL},
	{"Caracas", "city:caracas", "Caracas", FC_ENT_CITY, "VE", NULL},
	{"Mexico", "country:MX", "Mexico", FC_ENT_COUNTRY, NULL, NULL},
	{"police", "org:police", "police", FC_ENT_ORG, NULL, NULL},
	{"The two leaders",
	 "group:person:vladimir-putin+person:masoud-pezeshkian",
	 "the two leaders", FC_ENT_GROUP, NULL, NULL},
};

static inline bool word_at(const char *text, size_t i, size_t n)
{
	char b = i ? text[i - 1] : ' ', a = text[i + n];
	bool wb = !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'));
	bool wa = !((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z'));
	return wb && wa;
}

/* Tag every known entity name (longest first, no overlaps). */
static inline void tdoc_tag_entities(struct tdoc *t)
{
	const char *text = t->doc->text;
	size_t len = t->doc->text_len;
	char *taken = calloc(len + 1, 1);
	size_t nent = sizeof(test_entities) / sizeof(*test_entities);
	/* spans already taken by hand-made mentions */
	for (size_t i = 0; i < t->doc->nmentions; i++)
		if (t->doc->mentions[i].kind != FC_MENTION_NEGATION &&
		    t->doc->mentions[i].kind != FC_MENTION_HEDGE &&
		    t->doc->mentions[i].kind != FC_MENTION_ATTRIBUTION &&
		    t->doc->mentions[i].kind != FC_MENTION_QUOTE)
			memset(taken + t->doc->mentions[i].start, 1,
			       t->doc->mentions[i].end -
				       t->doc->mentions[i].start);
	for (size_t k = 0; k < nent; k++) {
		const struct tent *e = &test_entities[k];
		size_t n = strlen(e->surface);
		for (const char *p = text; (p = strstr(p, e->surface)); p++) {
			size_t i = (size_t)(p - text);
			if (!word_at(text, i, n) || memchr(taken + i, 1, n))
				continue;
			struct fc_mention *m =
				fc_doc_push_mention(&t->c->arena, t->doc);
			m->kind = FC_MENTION_ENTITY;
			m->start = (uint32_t)i;
			m->end = (uint32_t)(i + n);
			m->entity.id = e->id;
			m->entity.label = e->label;
			m->entity.type = e->type;
			m->entity.country = e->country;
			m->entity.role = e->role;
			memset(taken + i, 1, n);
		}
	}
	free(taken);
}

/* A time mention: DURATION when the value starts with 'P'. */
static inline void tdoc_time(struct tdoc *t, const char *s, int nth,
			     const char *value)
{
	struct fc_mention *m = tdoc_mention(t, FC_MENTION_TIME, s, nth);
	m->time.type = value[0] == 'P' ? FC_TIMEX_DURATION : FC_TIMEX_DATE;
	assert_int_equal(fc_time_parse(value, &m->time), FC_OK);
}

static inline void tdoc_qty(struct tdoc *t, const char *s, int nth,
			    double value, const char *unit)
{
	struct fc_mention *m = tdoc_mention(t, FC_MENTION_QUANTITY, s, nth);
	m->quantity.value = m->quantity.lo = m->quantity.hi = value;
	m->quantity.unit = unit;
}

static inline const struct fc_entity *tent_find(const char *surface)
{
	for (size_t k = 0; k < sizeof(test_entities) / sizeof(*test_entities);
	     k++)
		if (!strcmp(test_entities[k].surface, surface)) {
			static struct fc_entity e[64];
			static size_t ne;
			struct fc_entity *x = &e[ne++ % 64];
			x->id = test_entities[k].id;
			x->label = test_entities[k].label;
			x->type = test_entities[k].type;
			x->country = test_entities[k].country;
			x->role = test_entities[k].role;
			return x;
		}
	fail_msg("no test entity '%s'", surface);
	return NULL;
}

/* An attribution cue: s its words, speaker a test entity's surface. */
static inline void tdoc_attr(struct tdoc *t, const char *s, int nth,
			     const char *speaker)
{
	struct fc_mention *m = tdoc_mention(t, FC_MENTION_ATTRIBUTION, s, nth);
	m->speaker = speaker ? tent_find(speaker) : NULL;
}

/* A quote: s the quoted text with its marks. */
static inline void tdoc_quote(struct tdoc *t, const char *s, int nth,
			      const char *speaker)
{
	struct fc_mention *m = tdoc_mention(t, FC_MENTION_QUOTE, s, nth);
	m->inner_start = m->start + 1;
	m->inner_end = m->end - 1;
	m->speaker = speaker ? tent_find(speaker) : NULL;
}

/* Sort the mentions and run the claims over the document. */
static inline fc_status tdoc_run(struct tdoc *t, const struct fc_rules *r,
				 struct fc_diags *d)
{
	tdoc_tag_entities(t);
	fc_mentions_finish(t->doc);
	return fc_claims_doc(r, t->c, 0, d);
}

/*
** The seed corpus with rules r (the whole suite) through fc_verify up
** to stop_after (2 mentions, 3 facts), without a warning. Free with
** fc_corpus_destroy.
*/
static inline struct fc_corpus *seed_corpus(const struct fc_rules *r,
					    int stop_after)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_corpus *c = NULL;
	assert_int_equal(fc_corpus_load(FC_SOURCE_ROOT
					"/corpora/putin-iran-2026-01-16",
					&c, &d),
			 FC_OK);
	struct fc_verify_opts o = {.stop_after = stop_after};
	assert_int_equal(fc_verify(r, c, &o, &d), FC_OK);
	assert_int_equal(d.nwarn, 0);
	fc_diags_finish(&d);
	return c;
}

/* ---- Rendering ----------------------------------------------------------- */

static inline void render_value(struct fc_buf *b, struct fc_arena *a,
				const struct fc_value *v)
{
	if (v->type == FC_VAL_LIST) {
		fc_buf_addc(b, '[');
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				fc_buf_addc(b, ',');
			render_value(b, a, &v->items[i]);
		}
		fc_buf_addc(b, ']');
		return;
	}
	if (v->type == FC_VAL_TEXT)
		fc_buf_printf(b, "\"%s\"", fc_value_text(a, v));
	else
		fc_buf_adds(b, fc_value_text(a, v));
}

/*
** One line per fact:
**   kind slot=value slot=[a,b] ... [negated] [reported|hedged]
**   [by <attribution>] @<span text>
*/
static inline char *facts_render(struct tdoc *t)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < t->c->nfacts; i++) {
		const struct fc_fact *f = &t->c->facts[i];
		fc_buf_adds(&b, f->kind);
		for (size_t k = 0; k < f->nslots; k++) {
			fc_buf_printf(&b, " %s=", f->slots[k].name);
			render_value(&b, &t->c->arena, &f->slots[k].value);
		}
		if (f->polarity == FC_POL_NEGATED)
			fc_buf_adds(&b, " negated");
		if (f->modality == FC_MODAL_REPORTED)
			fc_buf_adds(&b, " reported");
		if (f->modality == FC_MODAL_HEDGED)
			fc_buf_adds(&b, " hedged");
		if (f->attribution)
			fc_buf_printf(&b, " by %s", f->attribution);
		fc_buf_printf(&b, " @%.*s\n", (int)(f->end - f->start),
			      t->doc->text + f->start);
	}
	return fc_buf_steal(&b, NULL);
}

/* Run the claims over t: no diagnostic and exactly the facts want
** (facts_render); frees t. */
static inline void tdoc_expect(const struct fc_rules *r, struct tdoc *t,
			       const char *want)
{
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(tdoc_run(t, r, &d), FC_OK);
	assert_int_equal(d.n, 0);
	char *got = facts_render(t);
	if (strcmp(got, want))
		fprintf(stderr, "got:\n%s", got);
	assert_string_equal(got, want);
	free(got);
	fc_diags_finish(&d);
	tdoc_free(t);
}

#endif
