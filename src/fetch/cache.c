/*
** cache.c: every fetch kept in SQLite, append-only.
**
** The tables live beside the run store's (any database file will do)
** and are all prefixed fetch_:
**
**   fetch_meta     key/value; the row fetch_schema holds the version
**   fetch_bodies   each distinct body once, keyed by its SHA-256
**   fetch_log      one row per fetch: url, final_url, status, headers,
**                  fetched_at (given by the caller), sha256 of the body
**                  (NULL for a failure), etag, last_modified, error
**   fetch_history  a view: fetch_log joined with its body
**
** Triggers refuse UPDATE and DELETE on fetch_log and fetch_bodies, so a
** later fetch (failed or not) can never take an earlier copy away.
*/
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fetch/fetch_p.h"

#define BUSY_TIMEOUT_MS 5000
#define SCHEMA_VERSION 1

static const char SCHEMA[] =
	"CREATE TABLE IF NOT EXISTS fetch_meta (\n"
	"  key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
	"CREATE TABLE IF NOT EXISTS fetch_bodies (\n"
	"  sha256 TEXT PRIMARY KEY, body BLOB NOT NULL);\n"
	"CREATE TABLE IF NOT EXISTS fetch_log (\n"
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  url TEXT NOT NULL, final_url TEXT, status INTEGER NOT NULL,\n"
	"  headers TEXT, content_type TEXT, fetched_at INTEGER NOT NULL,\n"
	"  sha256 TEXT REFERENCES fetch_bodies (sha256),\n"
	"  etag TEXT, last_modified TEXT,\n"
	"  not_modified INTEGER NOT NULL DEFAULT 0, error TEXT);\n"
	"CREATE INDEX IF NOT EXISTS fetch_log_url ON fetch_log (url, id);\n"
	"CREATE VIEW IF NOT EXISTS fetch_history AS\n"
	"  SELECT l.id, l.url, l.final_url, l.status, l.headers,\n"
	"         l.content_type, l.fetched_at, b.body, l.sha256, l.etag,\n"
	"         l.last_modified, l.not_modified, l.error\n"
	"  FROM fetch_log l LEFT JOIN fetch_bodies b ON b.sha256 = l.sha256;\n"
	"CREATE TRIGGER IF NOT EXISTS fetch_log_no_update BEFORE UPDATE ON\n"
	"  fetch_log BEGIN SELECT RAISE(ABORT, 'fetch_log is append-only');\n"
	"  END;\n"
	"CREATE TRIGGER IF NOT EXISTS fetch_log_no_delete BEFORE DELETE ON\n"
	"  fetch_log BEGIN SELECT RAISE(ABORT, 'fetch_log is append-only');\n"
	"  END;\n"
	"CREATE TRIGGER IF NOT EXISTS fetch_bodies_no_update BEFORE UPDATE ON\n"
	"  fetch_bodies BEGIN\n"
	"  SELECT RAISE(ABORT, 'fetch_bodies is append-only'); END;\n"
	"CREATE TRIGGER IF NOT EXISTS fetch_bodies_no_delete BEFORE DELETE ON\n"
	"  fetch_bodies BEGIN\n"
	"  SELECT RAISE(ABORT, 'fetch_bodies is append-only'); END;\n";

#define COLUMNS                                                          \
	"l.id, l.url, l.final_url, l.status, l.headers, l.content_type, " \
	"l.fetched_at, l.sha256, l.etag, l.last_modified, l.not_modified, " \
	"l.error"

struct fc_cache {
	sqlite3 *db;
	char *path;
};

static fc_status sql_error(struct fc_cache *c, struct fc_diags *d,
			   const char *what)
{
	struct fc_srcloc loc = {c->path, 0, 0, 0};
	int code = sqlite3_errcode(c->db);
	fc_diag_add(d, FC_ESQL, &loc, "fetch cache: %s: %s%s", what,
		    sqlite3_errmsg(c->db),
		    code == SQLITE_BUSY || code == SQLITE_LOCKED
			    ? " (another process holds the database)"
			    : "");
	return FC_ESQL;
}

static fc_status exec(struct fc_cache *c, const char *sql, const char *what,
		      struct fc_diags *d)
{
	if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sql_error(c, d, what);
	return FC_OK;
}

void fc_cache_close(struct fc_cache *c)
{
	if (!c)
		return;
	sqlite3_close(c->db);
	free(c->path);
	free(c);
}

/* Check or write the fetch_schema row (inside the open transaction). */
static fc_status schema_version(struct fc_cache *c, struct fc_diags *d)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT value FROM fetch_meta WHERE "
			       "key = 'fetch_schema'",
			       -1, &q, NULL) != SQLITE_OK)
		return sql_error(c, d, "schema");
	int rc = sqlite3_step(q);
	long version = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_error(c, d, "schema");
	if (version > SCHEMA_VERSION) {
		struct fc_srcloc loc = {c->path, 0, 0, 0};
		fc_diag_add(d, FC_ESQL, &loc,
			    "fetch cache schema version %ld is newer than "
			    "this factcross (%d)",
			    version, SCHEMA_VERSION);
		return FC_ESQL;
	}
	if (version == SCHEMA_VERSION)
		return FC_OK;
	char sql[128];
	snprintf(sql, sizeof(sql),
		 "INSERT OR REPLACE INTO fetch_meta (key, value) "
		 "VALUES ('fetch_schema', '%d');",
		 SCHEMA_VERSION);
	return exec(c, sql, "schema", d);
}

fc_status fc_cache_open(const char *path, struct fc_cache **out,
			struct fc_diags *d)
{
	*out = NULL;
	struct fc_cache *c = calloc(1, sizeof(*c));
	if (!c || !(c->path = strdup(path))) {
		free(c);
		return FC_ENOMEM;
	}
	if (sqlite3_open_v2(path, &c->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		struct fc_srcloc loc = {path, 0, 0, 0};
		fc_diag_add(d, FC_ESQL, &loc, "cannot open the fetch cache: %s",
			    c->db ? sqlite3_errmsg(c->db) : "out of memory");
		fc_cache_close(c);
		return FC_ESQL;
	}
	sqlite3_busy_timeout(c->db, BUSY_TIMEOUT_MS);
	fc_status st = exec(c, "PRAGMA journal_mode=WAL;", "open", d);
	if (!st)
		st = exec(c, "BEGIN IMMEDIATE;", "open", d);
	if (!st) {
		st = exec(c, SCHEMA, "schema", d);
		if (!st)
			st = schema_version(c, d);
		if (!st)
			st = exec(c, "COMMIT;", "schema", d);
		else
			sqlite3_exec(c->db, "ROLLBACK;", NULL, NULL, NULL);
	}
	if (st) {
		fc_cache_close(c);
		return st;
	}
	*out = c;
	return FC_OK;
}

static int bind_text(sqlite3_stmt *q, int i, const char *s)
{
	return s ? sqlite3_bind_text(q, i, s, -1, SQLITE_STATIC)
		 : sqlite3_bind_null(q, i);
}

fc_status fc_cache_put(struct fc_cache *c, const struct fc_http_result *res,
		       int64_t fetched_at, int64_t *id, struct fc_diags *d)
{
	bool has_body = !res->error && res->body;
	char sha[65] = "";
	if (has_body)
		fc_sha256_hex(res->body, res->body_len, sha);
	sqlite3_stmt *qb = NULL, *ql = NULL;
	fc_status st = exec(c, "BEGIN IMMEDIATE;", "store", d);
	if (st)
		return st;
	if (has_body) {
		if (sqlite3_prepare_v2(c->db,
				       "INSERT OR IGNORE INTO fetch_bodies "
				       "(sha256, body) VALUES (?, ?)",
				       -1, &qb, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(qb, 1, sha, -1, SQLITE_STATIC);
		sqlite3_bind_blob64(qb, 2, res->body, res->body_len,
				    SQLITE_STATIC);
		if (sqlite3_step(qb) != SQLITE_DONE)
			goto fail;
	}
	if (sqlite3_prepare_v2(c->db,
			       "INSERT INTO fetch_log (url, final_url, status, "
			       "headers, content_type, fetched_at, sha256, etag, "
			       "last_modified, not_modified, error) VALUES "
			       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			       -1, &ql, NULL) != SQLITE_OK)
		goto fail;
	bind_text(ql, 1, res->url);
	bind_text(ql, 2, res->final_url);
	sqlite3_bind_int64(ql, 3, res->status);
	bind_text(ql, 4, res->headers);
	bind_text(ql, 5, res->content_type);
	sqlite3_bind_int64(ql, 6, fetched_at);
	bind_text(ql, 7, has_body ? sha : NULL);
	bind_text(ql, 8, res->etag);
	bind_text(ql, 9, res->last_modified);
	sqlite3_bind_int(ql, 10, res->is_not_modified);
	bind_text(ql, 11, res->error ? (res->error_msg ? res->error_msg
						       : fc_strerror(res->error))
				     : NULL);
	if (sqlite3_step(ql) != SQLITE_DONE)
		goto fail;
	if (id)
		*id = sqlite3_last_insert_rowid(c->db);
	sqlite3_finalize(qb);
	sqlite3_finalize(ql);
	return exec(c, "COMMIT;", "store", d);
fail:
	st = sql_error(c, d, "store");
	sqlite3_finalize(qb);
	sqlite3_finalize(ql);
	sqlite3_exec(c->db, "ROLLBACK;", NULL, NULL, NULL);
	return st;
}

/* ---- reading ------------------------------------------------------------ */

static const char *col_str(struct fc_arena *a, sqlite3_stmt *q, int i)
{
	const unsigned char *s = sqlite3_column_text(q, i);
	return s ? fc_arena_strdup(a, (const char *)s) : NULL;
}

/* Row of COLUMNS (+ body at column 12 when with_body) into *o. */
static bool read_row(struct fc_arena *a, sqlite3_stmt *q, bool with_body,
		     struct fc_cached *o)
{
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(q, 0);
	o->url = col_str(a, q, 1);
	o->final_url = col_str(a, q, 2);
	o->status = (long)sqlite3_column_int64(q, 3);
	o->headers = col_str(a, q, 4);
	o->content_type = col_str(a, q, 5);
	o->fetched_at = sqlite3_column_int64(q, 6);
	const unsigned char *sha = sqlite3_column_text(q, 7);
	snprintf(o->sha256, sizeof(o->sha256), "%s", sha ? (const char *)sha
							 : "");
	o->etag = col_str(a, q, 8);
	o->last_modified = col_str(a, q, 9);
	o->is_not_modified = sqlite3_column_int(q, 10) != 0;
	o->error = col_str(a, q, 11);
	if (with_body && sqlite3_column_type(q, 12) != SQLITE_NULL) {
		const void *b = sqlite3_column_blob(q, 12);
		size_t n = (size_t)sqlite3_column_bytes(q, 12);
		char *body = fc_arena_alloc(a, n + 1);
		if (!body)
			return false;
		if (n)
			memcpy(body, b, n);
		o->body = body;
		o->body_len = n;
	}
	return o->url != NULL;
}

fc_status fc_cache_latest(struct fc_cache *c, struct fc_arena *a,
			  const char *url, struct fc_cached *out, bool *found,
			  struct fc_diags *d)
{
	*found = false;
	memset(out, 0, sizeof(*out));
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT " COLUMNS ", b.body FROM fetch_log l "
			       "JOIN fetch_bodies b ON b.sha256 = l.sha256 "
			       "WHERE l.url = ? ORDER BY l.id DESC LIMIT 1",
			       -1, &q, NULL) != SQLITE_OK)
		return sql_error(c, d, "read");
	sqlite3_bind_text(q, 1, url, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	fc_status st = FC_OK;
	if (rc == SQLITE_ROW) {
		if (read_row(a, q, true, out))
			*found = true;
		else
			st = FC_ENOMEM;
	} else if (rc != SQLITE_DONE) {
		st = sql_error(c, d, "read");
	}
	sqlite3_finalize(q);
	return st;
}

fc_status fc_cache_history(struct fc_cache *c, struct fc_arena *a,
			   const char *url, bool with_bodies,
			   struct fc_cached **out, size_t *n,
			   struct fc_diags *d)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(c->db,
			       with_bodies
				       ? "SELECT " COLUMNS ", b.body FROM "
					 "fetch_log l LEFT JOIN fetch_bodies b "
					 "ON b.sha256 = l.sha256 WHERE l.url "
					 "= ? ORDER BY l.id"
				       : "SELECT " COLUMNS " FROM fetch_log l "
					 "WHERE l.url = ? ORDER BY l.id",
			       -1, &q, NULL) != SQLITE_OK)
		return sql_error(c, d, "read");
	sqlite3_bind_text(q, 1, url, -1, SQLITE_STATIC);
	fc_status st = FC_OK;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		void *g = fc_arena_grow(a, *out, sizeof(**out), &cap, *n + 1);
		if (!g || !read_row(a, q, with_bodies, &((struct fc_cached *)g)[*n])) {
			st = FC_ENOMEM;
			break;
		}
		*out = g;
		(*n)++;
	}
	if (!st && rc != SQLITE_DONE)
		st = sql_error(c, d, "read");
	sqlite3_finalize(q);
	return st;
}

fc_status fc_cache_versions(struct fc_cache *c, struct fc_arena *a,
			    const char *url, struct fc_version **out,
			    size_t *n, struct fc_diags *d)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	sqlite3_stmt *q = NULL;
	/* the body is read only where a new version starts */
	if (sqlite3_prepare_v2(c->db,
			       "SELECT l.sha256, l.fetched_at, l.final_url, "
			       "l.content_type FROM fetch_log l WHERE l.url = ? "
			       "AND l.sha256 IS NOT NULL ORDER BY l.id",
			       -1, &q, NULL) != SQLITE_OK)
		return sql_error(c, d, "read");
	sqlite3_stmt *qb = NULL;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT body FROM fetch_bodies WHERE sha256 = ?",
			       -1, &qb, NULL) != SQLITE_OK) {
		sqlite3_finalize(q);
		return sql_error(c, d, "read");
	}
	sqlite3_bind_text(q, 1, url, -1, SQLITE_STATIC);
	fc_status st = FC_OK;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(q, 0);
		int64_t at = sqlite3_column_int64(q, 1);
		struct fc_version *last = *n ? &(*out)[*n - 1] : NULL;
		if (last && !strcmp(last->sha256, sha)) {
			last->last_seen = at;
			last->nfetches++;
			continue;
		}
		void *g = fc_arena_grow(a, *out, sizeof(**out), &cap, *n + 1);
		if (!g) {
			st = FC_ENOMEM;
			break;
		}
		*out = g;
		struct fc_version *v = &(*out)[(*n)++];
		memset(v, 0, sizeof(*v));
		snprintf(v->sha256, sizeof(v->sha256), "%s", sha);
		v->first_seen = v->last_seen = at;
		v->nfetches = 1;
		v->final_url = col_str(a, q, 2);
		v->content_type = col_str(a, q, 3);
		sqlite3_reset(qb);
		sqlite3_bind_text(qb, 1, sha, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(qb) != SQLITE_ROW) {
			st = sql_error(c, d, "read");
			break;
		}
		size_t len = (size_t)sqlite3_column_bytes(qb, 0);
		char *body = fc_arena_alloc(a, len + 1);
		if (!body) {
			st = FC_ENOMEM;
			break;
		}
		if (len)
			memcpy(body, sqlite3_column_blob(qb, 0), len);
		v->body = body;
		v->body_len = len;
	}
	if (!st && rc != SQLITE_DONE && rc != SQLITE_ROW)
		st = sql_error(c, d, "read");
	sqlite3_finalize(qb);
	sqlite3_finalize(q);
	return st;
}

fc_status fc_fetch_url(const struct fc_fetch_opts *o, struct fc_cache *c,
		       struct fc_arena *a, const char *url, int64_t now,
		       struct fc_cached *out, bool *found,
		       struct fc_diags *d)
{
	struct fc_cached prev;
	bool have;
	*found = false;
	memset(out, 0, sizeof(*out));
	fc_status st = fc_cache_latest(c, a, url, &prev, &have, d);
	if (st)
		return st;
	struct fc_http_result res;
	fc_status fst = fc_http_fetch(o, url, have ? &prev : NULL, &res, d);
	st = fc_cache_put(c, &res, now, NULL, d);
	fc_http_result_finish(&res);
	if (!st && !fst)
		st = fc_cache_latest(c, a, url, out, found, d);
	else if (have) {
		*out = prev; /* the fetch failed: the earlier copy stands */
		*found = true;
	}
	return fst ? fst : st;
}
