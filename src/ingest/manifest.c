/*
** manifest.c: read corpus.yaml into struct fc_corpus.
**
**   name: putin-iran-2026-01-16      # report file names
**   title: ...
**   reference_date: 2026-01-16
**   sources:
**     - id: "000"
**       file: 000.txt                # or url:, or both
**       outlet: i24NEWS
**       published: 2026-01-16
**       derived_from: "001"
**
** Every problem is reported with the position of the node it concerns and
** the loader keeps going, so one run shows every mistake in the file.
** Unknown keys, wrong types, missing or duplicate ids and unknown
** derived_from ids are FC_ESCHEMA; a date that is not a real calendar
** date and a missing source file are FC_EINPUT; YAML syntax is FC_ESYNTAX.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "extract/norm_ref.h"
#include "ingest/ingest_p.h"

#define MANIFEST_MAX (16u << 20)

static const char *const top_keys[] = {
	"name", "title", "reference_date", "sources", NULL,
};

static const char *const source_keys[] = {
	"id", "file", "url", "outlet", "published", "derived_from", NULL,
};

/* An optional string value: absent or null gives NULL without error. */
static bool opt_str(const struct fc_ynode *map, const char *key,
		    const char **out, const struct fc_ynode **node,
		    struct fc_diags *d)
{
	const struct fc_ynode *n = fc_ymap_get(map, key);
	*out = NULL;
	if (node)
		*node = NULL;
	if (!n || fc_ynode_is_null(n))
		return true;
	if (node)
		*node = n;
	return fc_ynode_str(n, key, out, d);
}

/* A date; with is_time_ok also a date and time (2013-02-12T04:30:00Z). */
static void check_date(const struct fc_ynode *n, const char *key,
		       const char *v, bool is_time_ok, struct fc_diags *d)
{
	int y, m, dd;
	struct norm_ref r;
	if (is_time_ok ? !fc_norm_ref_parse(v, &r)
		       : !fc_date_parse(v, &y, &m, &dd))
		fc_diag_add(d, FC_EINPUT, &n->loc,
			    "%s '%s' is not a real date (expected YYYY-MM-DD)",
			    key, v);
}

/* The name becomes report file names: keep it to a safe alphabet. */
static void check_name(const struct fc_ynode *n, const char *v,
		       struct fc_diags *d)
{
	bool ok = *v && *v != '.';
	for (const char *p = v; ok && *p; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		     (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		     *p == '-';
	if (!ok)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "name '%s' may only hold letters, digits, '.', "
			    "'_' and '-', and not start with '.' (it names "
			    "the report files)",
			    v);
}

/* The file of a source must exist and be a regular file. */
static void check_file(const struct fc_source *s, const struct fc_ynode *n,
		       struct fc_diags *d)
{
	struct stat st;
	if (stat(s->path, &st) != 0) {
		int e = errno;
		if (e == ENOENT || e == ENOTDIR)
			fc_diag_add(d, FC_EINPUT, &n->loc,
				    "source file '%s' not found (looked for "
				    "%s)",
				    s->file, s->path);
		else
			fc_diag_add(d, FC_EINPUT, &n->loc,
				    "source file '%s' cannot be opened: %s",
				    s->file, strerror(e));
	} else if (!S_ISREG(st.st_mode)) {
		fc_diag_add(d, FC_EINPUT, &n->loc,
			    "source file '%s' is not a regular file", s->file);
	}
}

static bool is_url(const char *u)
{
	return !strncmp(u, "http://", 7) || !strncmp(u, "https://", 8);
}

/* The nodes of an entry that the checks across sources point at. */
struct entry {
	const struct fc_ynode *id, *from;
};

/* One entry of sources: (ids are compared across entries later). */
static void read_source(struct fc_corpus *c, const struct fc_ynode *e,
			struct entry *en, struct fc_diags *d)
{
	if (e->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &e->loc,
			    "each source must be a mapping with 'id' and "
			    "'file' or 'url', not %s",
			    e->type == FC_Y_SEQ ? "a sequence" : "a scalar");
		return;
	}
	struct fc_source *s = fc_ingest_push_source(c);
	if (!s) {
		fc_diag_add(d, FC_ENOMEM, &e->loc, "out of memory");
		return;
	}
	s->loc = e->loc;
	s->loc.file = c->manifest;
	fc_ymap_check_keys(e, source_keys, "source", d);

	const struct fc_ynode *filen, *urln, *pubn;
	opt_str(e, "id", &s->id, &en->id, d);
	if (!en->id) {
		fc_diag_add(d, FC_ESCHEMA, &e->loc, "source has no 'id'");
	} else if (s->id && !*s->id) {
		fc_diag_add(d, FC_ESCHEMA, &en->id->loc,
			    "source id must not be empty");
		s->id = NULL;
	}
	opt_str(e, "file", &s->file, &filen, d);
	opt_str(e, "url", &s->url, &urln, d);
	opt_str(e, "outlet", &s->outlet, NULL, d);
	opt_str(e, "published", &s->published, &pubn, d);
	opt_str(e, "derived_from", &s->derived_from, &en->from, d);

	if (!filen && !urln) {
		if (s->id)
			fc_diag_add(d, FC_ESCHEMA, &e->loc,
				    "source '%s' has neither 'file' nor 'url'",
				    s->id);
		else
			fc_diag_add(d, FC_ESCHEMA, &e->loc,
				    "source has neither 'file' nor 'url'");
	}
	if (s->file) {
		if (!*s->file) {
			fc_diag_add(d, FC_ESCHEMA, &filen->loc,
				    "file must not be empty");
			s->file = NULL;
		} else {
			s->path = fc_ingest_join(&c->arena, c->dir, s->file);
			if (!s->path)
				fc_diag_add(d, FC_ENOMEM, &filen->loc,
					    "out of memory");
			else
				check_file(s, filen, d);
		}
	}
	if (s->url && !is_url(s->url))
		fc_diag_add(d, FC_ESCHEMA, &urln->loc,
			    "url '%s' must start with http:// or https://",
			    s->url);
	if (s->published)
		check_date(pubn, "published", s->published, true, d);
}

/* Duplicate ids, and derived_from naming no source or the source itself. */
static void check_ids(const struct fc_corpus *c, const struct entry *en,
		      struct fc_diags *d)
{
	struct fc_ingest_ids ids;
	if (fc_ingest_ids_init(&ids, c)) {
		fc_diag_add(d, FC_ENOMEM, NULL, "out of memory");
		return;
	}
	for (size_t i = 0; i < c->nsources; i++) {
		const struct fc_source *s = &c->sources[i];
		long j = s->id ? fc_ingest_ids_find(&ids, s->id) : -1;
		if (j >= 0 && (size_t)j != i)
			fc_diag_add(d, FC_ESCHEMA, &en[i].id->loc,
				    "duplicate source id '%s' (first at line "
				    "%u)",
				    s->id, (unsigned)c->sources[j].loc.line);
		if (!s->derived_from)
			continue;
		j = fc_ingest_ids_find(&ids, s->derived_from);
		if (j < 0)
			fc_diag_add(d, FC_ESCHEMA, &en[i].from->loc,
				    "derived_from names unknown source '%s'",
				    s->derived_from);
		else if ((size_t)j == i)
			fc_diag_add(d, FC_ESCHEMA, &en[i].from->loc,
				    "source '%s' cannot be derived from itself",
				    s->id);
	}
	fc_ingest_ids_finish(&ids);
}

void fc_ingest_manifest(struct fc_corpus *c, struct fc_diags *d)
{
	char *data = NULL;
	size_t len = 0;
	struct fc_srcloc floc = {c->manifest, 0, 0, 0};
	fc_status st = fc_file_read(c->manifest, MANIFEST_MAX, &data, &len);
	if (st) {
		fc_diag_add(d, st == FC_ELIMIT ? FC_ELIMIT : FC_EINPUT, &floc,
			    "cannot read corpus manifest: %s",
			    st == FC_ELIMIT ? "larger than 16 MiB"
					    : fc_strerror(st));
		return;
	}
	struct fc_ynode *root = NULL;
	st = fc_yaml_load(&c->arena, c->manifest, data, len, &root, d);
	free(data);
	if (st)
		return;
	if (!root || fc_ynode_is_null(root)) {
		floc.line = floc.col = 1;
		fc_diag_add(d, FC_ESCHEMA, &floc,
			    "corpus manifest is empty (expected a mapping "
			    "with 'sources:')");
		return;
	}
	if (root->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &root->loc,
			    "corpus manifest must be a mapping with "
			    "'sources:', not %s",
			    root->type == FC_Y_SEQ ? "a sequence" : "a scalar");
		return;
	}
	fc_ymap_check_keys(root, top_keys, "corpus manifest", d);

	const struct fc_ynode *n;
	const char *name;
	if (opt_str(root, "name", &name, &n, d) && name) {
		check_name(n, name, d);
		c->name = name;
	}
	opt_str(root, "title", &c->title, NULL, d);
	if (opt_str(root, "reference_date", &c->reference_date, &n, d) &&
	    c->reference_date)
		check_date(n, "reference_date", c->reference_date, false, d);

	const struct fc_ynode *srcs = fc_ymap_get(root, "sources");
	if (!srcs || fc_ynode_is_null(srcs)) {
		fc_diag_add(d, FC_ESCHEMA, &root->loc,
			    "missing 'sources:' (a list of sources, each "
			    "with 'id' and 'file' or 'url')");
		return;
	}
	if (srcs->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &srcs->loc,
			    "sources must be a list, not %s",
			    srcs->type == FC_Y_MAP ? "a mapping" : "a scalar");
		return;
	}
	if (srcs->nkids == 0) {
		fc_diag_add(d, FC_ESCHEMA, &srcs->loc,
			    "sources is empty: a corpus needs at least one "
			    "source");
		return;
	}
	/* en[k] belongs to source k (entries that are not mappings make
	** no source). */
	struct entry *en = calloc(srcs->nkids, sizeof(*en));
	if (!en) {
		fc_diag_add(d, FC_ENOMEM, &srcs->loc, "out of memory");
		return;
	}
	for (size_t i = 0; i < srcs->nkids; i++)
		read_source(c, srcs->kids[i], &en[c->nsources], d);
	check_ids(c, en, d);
	free(en);
}
