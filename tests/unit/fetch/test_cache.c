/*
** test_cache.c: the fetch cache (SQLite, tables fetch_*) on its own.
*/
#include <sqlite3.h>

#include "fetch_test.h"

struct fx {
	char dir[64], path[96];
	struct fc_cache *c;
	struct fc_arena a;
	struct fc_diags d;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "/tmp/fc-cache-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/run.db", f->dir);
	fc_arena_init(&f->a);
	fc_diags_init(&f->d);
	if (fc_cache_open(f->path, &f->c, &f->d))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	fc_cache_close(f->c);
	fc_arena_finish(&f->a);
	fc_diags_finish(&f->d);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static struct fc_http_result ok(const char *url, const char *body)
{
	return (struct fc_http_result){
		.url = (char *)url, .final_url = (char *)url, .status = 200,
		.reason = "OK", .headers = "HTTP/1.1 200 OK\r\n\r\n",
		.content_type = "text/html", .etag = "\"e\"",
		.last_modified = "Wed, 21 Oct 2015 07:28:00 GMT",
		.body = (char *)body, .body_len = strlen(body),
	};
}

static struct fc_http_result failed(const char *url, long status,
				    const char *msg)
{
	return (struct fc_http_result){
		.url = (char *)url, .status = status, .error = FC_ENET,
		.error_msg = (char *)msg,
	};
}

#define U "https://news.example/a"

static void test_put_latest_history(void **state)
{
	struct fx *f = *state;
	struct fc_cached cur;
	bool found = true;
	assert_int_equal(fc_cache_latest(f->c, &f->a, U, &cur, &found, &f->d),
			 FC_OK);
	assert_false(found);

	struct fc_http_result r1 = ok(U, "<p>one</p>");
	struct fc_http_result r2 = failed(U, 404, "HTTP 404 Not Found");
	struct fc_http_result r3 = ok(U, "<p>two</p>");
	int64_t id1, id2, id3;
	assert_int_equal(fc_cache_put(f->c, &r1, 10, &id1, &f->d), FC_OK);
	assert_int_equal(fc_cache_put(f->c, &r2, 20, &id2, &f->d), FC_OK);
	assert_true(id2 > id1);
	/* the failure did not replace the copy */
	assert_int_equal(fc_cache_latest(f->c, &f->a, U, &cur, &found, &f->d),
			 FC_OK);
	assert_true(found);
	assert_int_equal(cur.id, id1);
	assert_string_equal(cur.body, "<p>one</p>");
	assert_int_equal(cur.body_len, 10);
	assert_int_equal(cur.fetched_at, 10);
	assert_string_equal(cur.etag, "\"e\"");
	assert_string_equal(cur.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
	assert_string_equal(cur.content_type, "text/html");
	assert_string_equal(cur.headers, "HTTP/1.1 200 OK\r\n\r\n");
	assert_string_equal(cur.final_url, U);
	assert_null(cur.error);
	char sha[65];
	fc_sha256_hex("<p>one</p>", 10, sha);
	assert_string_equal(cur.sha256, sha);

	assert_int_equal(fc_cache_put(f->c, &r3, 30, &id3, &f->d), FC_OK);
	assert_int_equal(fc_cache_latest(f->c, &f->a, U, &cur, &found, &f->d),
			 FC_OK);
	assert_string_equal(cur.body, "<p>two</p>");

	struct fc_cached *h;
	size_t n;
	assert_int_equal(fc_cache_history(f->c, &f->a, U, true, &h, &n, &f->d),
			 FC_OK);
	assert_int_equal(n, 3);
	assert_string_equal(h[0].body, "<p>one</p>");
	assert_int_equal(h[1].status, 404);
	assert_string_equal(h[1].error, "HTTP 404 Not Found");
	assert_null(h[1].body);
	assert_string_equal(h[1].sha256, "");
	assert_string_equal(h[2].body, "<p>two</p>");
	/* without bodies */
	assert_int_equal(fc_cache_history(f->c, &f->a, U, false, &h, &n,
					  &f->d),
			 FC_OK);
	assert_int_equal(n, 3);
	assert_null(h[0].body);
	assert_string_equal(h[0].sha256, sha);
	/* other URLs are apart */
	assert_int_equal(fc_cache_history(f->c, &f->a, U "/b", true, &h, &n,
					  &f->d),
			 FC_OK);
	assert_int_equal(n, 0);
	assert_int_equal(f->d.n, 0);
}

static void test_versions_are_runs_of_one_body(void **state)
{
	struct fx *f = *state;
	static const struct {
		const char *body;
		bool is_failure, is_304;
	} seq[] = {
		{"<p>A</p>", 0, 0}, {"<p>A</p>", 0, 1}, {NULL, 1, 0},
		{"<p>B</p>", 0, 0}, {"<p>A</p>", 0, 0}, {"", 0, 0},
	};
	for (size_t i = 0; i < sizeof(seq) / sizeof(*seq); i++) {
		struct fc_http_result r =
			seq[i].is_failure ? failed(U, 0, "timed out after 30 s")
					  : ok(U, seq[i].body);
		r.is_not_modified = seq[i].is_304;
		if (seq[i].is_304)
			r.status = 304;
		assert_int_equal(fc_cache_put(f->c, &r, 100 + (int64_t)i * 10,
					      NULL, &f->d),
				 FC_OK);
	}
	struct fc_version *v;
	size_t n;
	assert_int_equal(fc_cache_versions(f->c, &f->a, U, &v, &n, &f->d),
			 FC_OK);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].body, "<p>A</p>");
	assert_int_equal(v[0].nfetches, 2);
	assert_int_equal(v[0].first_seen, 100);
	assert_int_equal(v[0].last_seen, 110);
	assert_string_equal(v[1].body, "<p>B</p>");
	assert_int_equal(v[1].first_seen, 130);
	assert_string_equal(v[2].body, "<p>A</p>");
	assert_string_equal(v[2].sha256, v[0].sha256);
	assert_int_equal(v[3].body_len, 0);
	assert_string_equal(v[3].body, "");
	assert_string_equal(v[3].content_type, "text/html");
	struct fc_cached *h;
	assert_int_equal(fc_cache_history(f->c, &f->a, U, true, &h, &n, &f->d),
			 FC_OK);
	assert_int_equal(n, 6);
	assert_true(h[1].is_not_modified);
	assert_int_equal(h[1].status, 304);
}

static void test_reopen_keeps_everything(void **state)
{
	struct fx *f = *state;
	struct fc_http_result r = ok(U, "<p>kept</p>");
	assert_int_equal(fc_cache_put(f->c, &r, 5, NULL, &f->d), FC_OK);
	fc_cache_close(f->c);
	assert_int_equal(fc_cache_open(f->path, &f->c, &f->d), FC_OK);
	struct fc_cached cur;
	bool found;
	assert_int_equal(fc_cache_latest(f->c, &f->a, U, &cur, &found, &f->d),
			 FC_OK);
	assert_true(found);
	assert_string_equal(cur.body, "<p>kept</p>");
	/* the view and the schema row */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT (SELECT value FROM fetch_meta WHERE key = "
		"'fetch_schema'), (SELECT body FROM fetch_history WHERE url = ?)",
		-1, &q, NULL), SQLITE_OK);
	sqlite3_bind_text(q, 1, U, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "1");
	assert_string_equal((const char *)sqlite3_column_text(q, 1),
			    "<p>kept</p>");
	sqlite3_finalize(q);
	/* history cannot be rewritten, not even by hand */
	char *err = NULL;
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM fetch_log", NULL,
					  NULL, &err),
			     SQLITE_OK);
	assert_string_equal(err, "fetch_log is append-only");
	sqlite3_free(err);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE fetch_bodies SET body "
					      "= 'x'",
					  NULL, NULL, &err),
			     SQLITE_OK);
	assert_string_equal(err, "fetch_bodies is append-only");
	sqlite3_free(err);
	sqlite3_close(db);
}

static void test_newer_schema_is_refused(void **state)
{
	struct fx *f = *state;
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE fetch_meta SET value = '7' "
					  "WHERE key = 'fetch_schema'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	struct fc_cache *c2 = NULL;
	assert_int_equal(fc_cache_open(f->path, &c2, &f->d), FC_ESQL);
	assert_null(c2);
	fc_assert_diag(&f->d, 0, f->path, 0, 0,
		       "fetch cache schema version 7 is newer than this "
		       "factcross (1)");
}

static void test_shares_the_run_store_database(void **state)
{
	struct fx *f = *state;
	struct fc_store *st = NULL;
	assert_int_equal(fc_store_open(f->path, &st, &f->d), FC_OK);
	struct fc_http_result r = ok(U, "<p>x</p>");
	assert_int_equal(fc_cache_put(f->c, &r, 1, NULL, &f->d), FC_OK);
	fc_store_close(st);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(db,
		"SELECT group_concat(name, ' ') FROM (SELECT name FROM "
		"sqlite_master WHERE type = 'table' AND (name LIKE 'fetch%' "
		"OR name IN ('meta', 'documents')) ORDER BY name)",
		-1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0),
			    "documents fetch_bodies fetch_log fetch_meta meta");
	sqlite3_finalize(q);
	sqlite3_close(db);
	assert_int_equal(f->d.n, 0);
}

static void test_unopenable_path(void **state)
{
	struct fx *f = *state;
	struct fc_cache *c2 = NULL;
	const char *bad = "/nonexistent-dir/x/cache.db";
	assert_int_equal(fc_cache_open(bad, &c2, &f->d), FC_ESQL);
	fc_assert_diag(&f->d, 0, bad, 0, 0,
		       "cannot open the fetch cache: unable to open database "
		       "file");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_put_latest_history),
		T(test_versions_are_runs_of_one_body),
		T(test_reopen_keeps_everything),
		T(test_newer_schema_is_refused),
		T(test_shares_the_run_store_database),
		T(test_unopenable_path),
#undef T
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
