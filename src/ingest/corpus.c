/*
** corpus.c: what a corpus path names, and the sources it gives.
**
**   a corpus.yaml (any YAML file)       -> the manifest (manifest.c)
**   a folder holding corpus.yaml        -> that manifest
**   a folder without one                -> every .txt/.md/.html file,
**                                          sorted by name, is a source
**   a single .txt/.md/.html file        -> a corpus of that one source
**
** Source files are not read here: fc_verify reads them.
*/
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "factcross/fc.h"
#include "extract/norm_ref.h"
#include "ingest/ingest_p.h"

static const char *const source_exts[] = {".txt", ".md", ".html", ".htm",
					   NULL};

/* Capacity of the sources array holding n entries (see push_source). */
static size_t source_cap(size_t n)
{
	if (n == 0)
		return 0;
	size_t cap = 8;
	while (cap < n)
		cap *= 2;
	return cap;
}

struct fc_source *fc_ingest_push_source(struct fc_corpus *c)
{
	size_t cap = source_cap(c->nsources);
	void *v = fc_arena_grow(&c->arena, c->sources, sizeof(*c->sources),
				&cap, c->nsources + 1);
	if (!v)
		return NULL;
	c->sources = v;
	struct fc_source *s = &c->sources[c->nsources++];
	memset(s, 0, sizeof(*s));
	return s;
}

long fc_ingest_find_source(const struct fc_corpus *c, const char *id)
{
	for (size_t i = 0; i < c->nsources; i++)
		if (c->sources[i].id && !strcmp(c->sources[i].id, id))
			return (long)i;
	return -1;
}

struct fc_ingest_id {
	const char *id;
	size_t index;
};

static int cmp_id(const void *x, const void *y)
{
	const struct fc_ingest_id *a = x, *b = y;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

fc_status fc_ingest_ids_init(struct fc_ingest_ids *x,
			     const struct fc_corpus *c)
{
	x->n = 0;
	x->v = malloc((c->nsources ? c->nsources : 1) * sizeof(*x->v));
	if (!x->v)
		return FC_ENOMEM;
	for (size_t i = 0; i < c->nsources; i++)
		if (c->sources[i].id)
			x->v[x->n++] = (struct fc_ingest_id){c->sources[i].id, i};
	qsort(x->v, x->n, sizeof(*x->v), cmp_id);
	return FC_OK;
}

long fc_ingest_ids_find(const struct fc_ingest_ids *x, const char *id)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) { /* the first entry not below id */
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(x->v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < x->n && !strcmp(x->v[lo].id, id))
		return (long)x->v[lo].index;
	return -1;
}

void fc_ingest_ids_finish(struct fc_ingest_ids *x)
{
	free(x->v);
	x->v = NULL;
	x->n = 0;
}

char *fc_ingest_join(struct fc_arena *a, const char *dir, const char *file)
{
	if (file[0] == '/' || !dir || !*dir || !strcmp(dir, "."))
		return fc_arena_strdup(a, file);
	size_t n = strlen(dir);
	return fc_arena_printf(a, "%s%s%s", dir, dir[n - 1] == '/' ? "" : "/",
			       file);
}

/* Case-insensitive: does name end in one of the source extensions? */
static bool is_source_name(const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; source_exts[i]; i++) {
		size_t k = strlen(source_exts[i]);
		if (n > k && !strcasecmp(name + n - k, source_exts[i]))
			return true;
	}
	return false;
}

/* The file name without folders and without its last extension. */
static char *stem(struct fc_arena *a, const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	const char *dot = strrchr(b, '.');
	return fc_arena_strndup(a, b, dot && dot > b ? (size_t)(dot - b)
						    : strlen(b));
}

/* The folder's own name, from its real path ("." becomes a real name). */
static const char *folder_name(struct fc_arena *a, const char *dir)
{
	char buf[PATH_MAX];
	const char *p = realpath(dir, buf) ? buf : dir;
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		n--;
	size_t i = n;
	while (i > 0 && p[i - 1] != '/')
		i--;
	if (i == n)
		return fc_arena_strdup(a, "corpus");
	return fc_arena_strndup(a, p + i, n - i);
}

/* Path with trailing slashes removed ("/" stays). */
static char *trim_slashes(struct fc_arena *a, const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return fc_arena_strndup(a, path, n);
}

static char *dir_of(struct fc_arena *a, const char *path)
{
	const char *s = strrchr(path, '/');
	if (!s)
		return fc_arena_strdup(a, ".");
	return fc_arena_strndup(a, path, s == path ? 1 : (size_t)(s - path));
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* A folder without a manifest: every source file in it, by name. */
static void load_folder(struct fc_corpus *c, struct fc_diags *d)
{
	struct fc_srcloc loc = {c->dir, 0, 0, 0};
	DIR *dp = opendir(c->dir);
	if (!dp) {
		fc_diag_add(d, FC_EINPUT, &loc, "cannot list corpus folder: %s",
			    strerror(errno));
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.' || !is_source_name(e->d_name))
			continue;
		void *g = fc_arena_grow(&c->arena, names, sizeof(*names), &cap,
					n + 1);
		char *name = fc_arena_strdup(&c->arena, e->d_name);
		if (!g || !name) {
			closedir(dp);
			fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
			return;
		}
		names = g;
		names[n++] = name;
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n; i++) {
		char *path = fc_ingest_join(&c->arena, c->dir, names[i]);
		char *id = stem(&c->arena, names[i]);
		if (!path || !id) {
			fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
			return;
		}
		if (!is_file(path))
			continue;
		struct fc_source *s = fc_ingest_push_source(c);
		if (!s) {
			fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
			return;
		}
		s->id = id;
		s->file = names[i];
		s->path = path;
	}
	if (c->nsources == 0 && d->nerr == 0)
		fc_diag_add(d, FC_EINPUT, &loc,
			    "no corpus.yaml and no .txt, .md or .html files in "
			    "this folder");
	struct fc_ingest_ids ids;
	if (fc_ingest_ids_init(&ids, c)) {
		fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
		return;
	}
	for (size_t i = 0; i < c->nsources; i++) {
		const struct fc_source *s = &c->sources[i];
		long j = fc_ingest_ids_find(&ids, s->id);
		if (j >= 0 && (size_t)j != i) {
			struct fc_srcloc l = {s->path, 0, 0, 0};
			fc_diag_add(d, FC_EINPUT, &l,
				    "files '%s' and '%s' both give source id "
				    "'%s'; rename one or write a corpus.yaml",
				    c->sources[j].file, s->file, s->id);
		}
	}
	fc_ingest_ids_finish(&ids);
}

/* The code of the first error added since diagnostic n0. */
static fc_status first_error(const struct fc_diags *d, size_t n0)
{
	for (size_t i = n0; i < d->n; i++)
		if (d->v[i].sev == FC_SEV_ERROR)
			return d->v[i].code ? d->v[i].code : FC_EINPUT;
	return FC_ENOMEM; /* counted, but its text was lost */
}

fc_status fc_corpus_load(const char *path, struct fc_corpus **out,
			 struct fc_diags *d)
{
	*out = NULL;
	size_t n0 = d->n, nerr0 = d->nerr;
	struct fc_corpus *c = fc_corpus_create();
	if (!c)
		return FC_ENOMEM;
	struct fc_arena *a = &c->arena;
	struct stat st;
	if (stat(path, &st) != 0) {
		struct fc_srcloc loc = {path, 0, 0, 0};
		fc_diag_add(d, FC_EINPUT, &loc, "cannot open corpus: %s",
			    strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!(c->dir = trim_slashes(a, path)))
			goto nomem;
		static const char *const manifests[] = {"corpus.yaml",
							"corpus.yml"};
		for (size_t i = 0; i < 2 && !c->manifest; i++) {
			char *m = fc_ingest_join(a, c->dir, manifests[i]);
			if (!m)
				goto nomem;
			if (is_file(m))
				c->manifest = m;
		}
	} else if (is_source_name(path)) {
		/* One article on its own. */
		struct fc_source *s = fc_ingest_push_source(c);
		c->dir = dir_of(a, path);
		if (!s || !c->dir || !(s->id = stem(a, path)) ||
		    !(s->path = fc_arena_strdup(a, path)))
			goto nomem;
		s->file = strrchr(s->path, '/') ? strrchr(s->path, '/') + 1
						: s->path;
		c->name = s->id;
	} else {
		c->manifest = fc_arena_strdup(a, path);
		c->dir = dir_of(a, path);
		if (!c->manifest || !c->dir)
			goto nomem;
	}
	if (c->manifest)
		fc_ingest_manifest(c, d);
	else if (c->nsources == 0)
		load_folder(c, d);
	if (!c->name && !(c->name = folder_name(a, c->dir)))
		goto nomem;
	if (d->nerr > nerr0)
		goto fail;
	*out = c;
	return FC_OK;
nomem:
	fc_diag_add(d, FC_ENOMEM, NULL, "out of memory loading %s", path);
fail:
	fc_corpus_destroy(c);
	return first_error(d, n0);
}

fc_status fc_corpus_add_text(struct fc_corpus *c, const char *id,
			     const char *published, const char *text,
			     size_t len)
{
	struct norm_ref ref;
	if (!c || !id || !*id || (!text && len) ||
	    fc_ingest_find_source(c, id) >= 0 ||
	    (published && !fc_norm_ref_parse(published, &ref)))
		return FC_EINPUT;
	char *t = fc_arena_alloc(&c->arena, len + 1);
	char *i = fc_arena_strdup(&c->arena, id);
	char *p = published ? fc_arena_strdup(&c->arena, published) : NULL;
	if (!t || !i || (published && !p))
		return FC_ENOMEM;
	if (len)
		memcpy(t, text, len);
	struct fc_source *s = fc_ingest_push_source(c);
	if (!s)
		return FC_ENOMEM;
	s->id = i;
	s->published = p;
	s->inline_text = t;
	s->inline_len = len;
	/* Documents are made one per source by fc_verify: a source added
	** after a run invalidates them. */
	c->docs = NULL;
	c->ndocs = 0;
	return FC_OK;
}
