/*
** test_http.c: fc_http_fetch and fc_fetch_url against server.py, a local
** HTTP and HTTPS server on 127.0.0.1 that this test starts and stops.
** Every fault gives one exact diagnostic located at the URL, and the
** copy cached before the fault is still the latest one after it.
*/
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>

#include "fetch_test.h"

struct srv {
	pid_t pid;
	int port, tls_port;
	char dir[64]; /* temp dir for cache files */
	char urls[32][128];
	int k;
};

static int start_server(void **state)
{
	struct srv *s = calloc(1, sizeof(*s));
	int fd[2];
	if (!s || pipe(fd))
		return -1;
	s->pid = fork();
	if (s->pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		execl(FC_PYTHON, FC_PYTHON,
		      FC_SOURCE_ROOT "/tests/unit/fetch/server.py",
		      FC_SOURCE_ROOT "/tests/unit/fetch/data", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	FILE *f = fdopen(fd[0], "r");
	if (!f || fscanf(f, "%d %d", &s->port, &s->tls_port) != 2) {
		fprintf(stderr, "server.py did not start\n");
		return -1;
	}
	fclose(f);
	snprintf(s->dir, sizeof(s->dir), "/tmp/fc-http-XXXXXX");
	if (!mkdtemp(s->dir))
		return -1;
	*state = s;
	return 0;
}

static int stop_server(void **state)
{
	struct srv *s = *state;
	kill(s->pid, SIGTERM);
	waitpid(s->pid, NULL, 0);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", s->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", s->dir);
	free(s);
	return 0;
}

/* A URL of the server; the last 32 stay valid. */
static char *url(struct srv *s, const char *path)
{
	s->k = (s->k + 1) % 32;
	snprintf(s->urls[s->k], sizeof(s->urls[0]), "http://127.0.0.1:%d%s",
		 s->port, path);
	return s->urls[s->k];
}

static void opts(struct fc_fetch_opts *o)
{
	fc_fetch_opts_init(o);
	o->host_delay_ms = 0;
}

static struct fc_cache *open_cache(const struct srv *s, const char *name)
{
	char path[128];
	snprintf(path, sizeof(path), "%s/%s", s->dir, name);
	struct fc_cache *c = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_cache_open(path, &c, &d), FC_OK);
	fc_diags_finish(&d);
	return c;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* ---- success -------------------------------------------------------- */

static void test_200_with_validators(void **state)
{
	struct srv *s = *state;
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	opts(&o);
	fc_diags_init(&d);
	const char *u = url(s, "/ok");
	assert_int_equal(fc_http_fetch(&o, u, NULL, &res, &d), FC_OK);
	assert_int_equal(d.n, 0);
	size_t len;
	char *want = read_data(DATA "article.html", &len);
	assert_int_equal(res.status, 200);
	assert_string_equal(res.reason, "OK");
	assert_int_equal(res.body_len, len);
	assert_memory_equal(res.body, want, len);
	assert_string_equal(res.url, u);
	assert_string_equal(res.final_url, u);
	assert_int_equal(res.nredirects, 0);
	assert_string_equal(res.etag, "\"v1\"");
	assert_string_equal(res.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
	assert_string_equal(res.content_type, "text/html; charset=utf-8");
	assert_non_null(strstr(res.headers, "ETag: \"v1\"\r\n"));
	assert_false(res.is_not_modified);
	assert_int_equal(res.error, FC_OK);
	assert_null(res.error_msg);
	/* and the page reads as the article */
	struct fc_rules *r = load_html_rules(NULL);
	struct fc_arena a;
	struct fc_article art;
	fc_arena_init(&a);
	assert_int_equal(fc_html_extract(r, &a, res.body, res.body_len,
					 res.final_url, res.content_type, &art,
					 &d),
			 FC_OK);
	assert_string_equal(art.text, ARTICLE_TEXT);
	assert_int_equal(art.nparagraphs, 6);
	char canon[128]; /* the relative link, resolved against the URL */
	snprintf(canon, sizeof(canon),
		 "http://127.0.0.1:%d/news/bridge-reopens", s->port);
	assert_string_equal(art.canonical_url, canon);
	assert_true(has_paragraph(art.text, "Cyclists will get a separate "
					    "lane from next spring, once the "
					    "lighting along the walkway has "
					    "been replaced."));
	fc_arena_finish(&a);
	fc_rules_destroy(r);
	free(want);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

static void test_redirect_chain_of_3(void **state)
{
	struct srv *s = *state;
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	opts(&o);
	fc_diags_init(&d);
	assert_int_equal(fc_http_fetch(&o, url(s, "/chain/3"), NULL, &res, &d),
			 FC_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(res.nredirects, 3);
	assert_string_equal(res.final_url, url(s, "/chain/0"));
	assert_string_equal(res.body, "<p>End of the chain.</p>");
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

static void test_gzip_body_is_decoded(void **state)
{
	struct srv *s = *state;
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	opts(&o);
	fc_diags_init(&d);
	assert_int_equal(fc_http_fetch(&o, url(s, "/gzip"), NULL, &res, &d),
			 FC_OK);
	size_t len;
	char *want = read_data(DATA "article.html", &len);
	assert_int_equal(res.body_len, len);
	assert_memory_equal(res.body, want, len);
	assert_non_null(strstr(res.headers, "Content-Encoding: gzip\r\n"));
	free(want);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

static void test_request_headers_and_no_cookies(void **state)
{
	struct srv *s = *state;
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	opts(&o);
	fc_diags_init(&d);
	assert_int_equal(fc_http_fetch(&o, url(s, "/headers"), NULL, &res, &d),
			 FC_OK);
	assert_non_null(strstr(res.body,
			       "user-agent: factcross/" FC_VERSION
			       " (+https://example.invalid/factcross; "
			       "fact-checking)\n"));
	assert_non_null(strstr(res.body, "accept-encoding: "));
	assert_non_null(strstr(res.body, "gzip"));
	assert_null(strstr(res.body, "cookie"));
	fc_http_result_finish(&res);
	/* a cookie set on a redirect is not sent to its target */
	assert_int_equal(fc_http_fetch(&o, url(s, "/set-cookie-then-headers"),
				       NULL, &res, &d),
			 FC_OK);
	assert_int_equal(res.nredirects, 1);
	assert_null(strstr(res.body, "cookie"));
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

static void test_latin1_pages_over_http(void **state)
{
	struct srv *s = *state;
	static const char *const paths[] = {"/latin1", "/latin1-meta",
					    "/latin1-header"};
	struct fc_rules *r = load_html_rules(NULL);
	struct fc_fetch_opts o;
	struct fc_diags d;
	struct fc_arena a;
	opts(&o);
	fc_diags_init(&d);
	fc_arena_init(&a);
	for (size_t i = 0; i < 3; i++) {
		struct fc_http_result res;
		struct fc_article art;
		assert_int_equal(fc_http_fetch(&o, url(s, paths[i]), NULL, &res,
					       &d),
				 FC_OK);
		assert_int_equal(fc_html_extract(r, &a, res.body, res.body_len,
						 res.final_url,
						 res.content_type, &art, &d),
				 FC_OK);
		assert_true(has_paragraph(
			art.text, "Le caf\xC3\xA9 de la gare a rouvert ses "
				  "portes, a d\xC3\xA9" "clar\xC3\xA9 le maire, "
				  "\xE2\x80\x9C" "avec une nouvelle "
				  "terrasse\xE2\x80\x9D."));
		assert_string_equal(art.charset, "WINDOWS-1252");
		fc_http_result_finish(&res);
	}
	assert_int_equal(d.n, 0);
	fc_arena_finish(&a);
	fc_diags_finish(&d);
	fc_rules_destroy(r);
}

static void test_tls_verification(void **state)
{
	struct srv *s = *state;
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	char u[128];
	opts(&o);
	fc_diags_init(&d);
	snprintf(u, sizeof(u), "https://127.0.0.1:%d/ok", s->tls_port);
	assert_int_equal(fc_http_fetch(&o, u, NULL, &res, &d), FC_ENET);
	assert_int_equal(d.n, 1);
	fc_assert_diag(&d, 0, u, 0, 0,
		       "TLS certificate not accepted: SSL certificate problem: "
		       "self-signed certificate");
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
	/* trusted when its certificate is given as a CA */
	fc_diags_init(&d);
	o.ca_file = DATA "tls/cert.pem";
	assert_int_equal(fc_http_fetch(&o, u, NULL, &res, &d), FC_OK);
	assert_int_equal(res.status, 200);
	assert_int_equal(d.n, 0);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

/* ---- conditional requests -------------------------------------------- */

static void test_304_keeps_the_cached_body(void **state)
{
	struct srv *s = *state;
	struct fc_cache *c = open_cache(s, "cond.db");
	struct fc_fetch_opts o;
	struct fc_diags d;
	struct fc_arena a;
	struct fc_cached cur;
	bool found;
	opts(&o);
	fc_diags_init(&d);
	fc_arena_init(&a);
	static const char *const paths[] = {"/etag", "/lastmod"};
	for (size_t i = 0; i < 2; i++) {
		const char *u = url(s, paths[i]);
		assert_int_equal(fc_fetch_url(&o, c, &a, u, 1000, &cur, &found,
					      &d),
				 FC_OK);
		assert_true(found);
		assert_int_equal(cur.status, 200);
		assert_false(cur.is_not_modified);
		char *first = fc_arena_strdup(&a, cur.body);
		/* the second fetch is conditional and answered 304 */
		struct fc_http_result res;
		assert_int_equal(fc_http_fetch(&o, u, &cur, &res, &d), FC_OK);
		assert_int_equal(res.status, 304);
		assert_true(res.is_not_modified);
		assert_string_equal(res.body, first);
		fc_http_result_finish(&res);
		assert_int_equal(fc_fetch_url(&o, c, &a, u, 2000, &cur, &found,
					      &d),
				 FC_OK);
		assert_int_equal(cur.status, 304);
		assert_true(cur.is_not_modified);
		assert_int_equal(cur.fetched_at, 2000);
		assert_string_equal(cur.body, first);
		struct fc_version *v;
		size_t n;
		assert_int_equal(fc_cache_versions(c, &a, u, &v, &n, &d), FC_OK);
		assert_int_equal(n, 1);
		assert_int_equal(v[0].nfetches, 2);
		assert_int_equal(v[0].first_seen, 1000);
		assert_int_equal(v[0].last_seen, 2000);
	}
	assert_int_equal(d.n, 0);
	/* a 304 without a cached copy is an error */
	struct fc_http_result res;
	struct fc_cached fake = {.etag = "\"v1\""};
	const char *u = url(s, "/etag");
	assert_int_equal(fc_http_fetch(&o, u, &fake, &res, &d), FC_ENET);
	fc_assert_diag(&d, 0, u, 0, 0,
		       "HTTP 304 Not Modified without a cached copy");
	fc_http_result_finish(&res);
	fc_arena_finish(&a);
	fc_diags_finish(&d);
	fc_cache_close(c);
}

/* ---- faults ---------------------------------------------------------- */

/* A port on 127.0.0.1 with nothing listening. */
static int closed_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof(a);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	close(fd);
	return ntohs(a.sin_port);
}

static void test_faults_keep_the_cached_copy(void **state)
{
	struct srv *s = *state;
	char refused[64], https[64];
	snprintf(refused, sizeof(refused), "http://127.0.0.1:%d/x",
		 closed_port());
	snprintf(https, sizeof(https), "https://127.0.0.1:%d/ok", s->tls_port);
	const struct {
		const char *url, *msg;
		long status;
	} faults[] = {
		{url(s, "/404"), "HTTP 404 Not Found", 404},
		{url(s, "/500"), "HTTP 500 Internal Server Error", 500},
		{url(s, "/loop/a"), "redirect loop (more than 5 redirects)",
		 302},
		{url(s, "/long/0"), "too many redirects (more than 5)", 302},
		{url(s, "/file"),
		 "redirect to file:///etc/passwd refused (only http and https)",
		 302},
		{url(s, "/slow"), "timed out after 1 s", 0},
		{url(s, "/truncated"), "truncated body", 200},
		{url(s, "/big"), "body larger than 8 MiB", 200},
		{refused, "connection refused", 0},
	};
	struct fc_cache *c = open_cache(s, "faults.db");
	struct fc_fetch_opts o;
	struct fc_arena a;
	opts(&o);
	o.timeout_ms = 1000;
	fc_arena_init(&a);
	for (size_t i = 0; i < sizeof(faults) / sizeof(*faults); i++) {
		const char *u = faults[i].url;
		/* a good copy from before the server went wrong */
		char body[256];
		snprintf(body, sizeof(body), "<p>cached copy of %s</p>", u);
		struct fc_http_result good = {
			.url = (char *)u, .final_url = (char *)u, .status = 200,
			.body = body, .body_len = strlen(body),
			.etag = "\"old\"",
		};
		struct fc_diags d;
		fc_diags_init(&d);
		assert_int_equal(fc_cache_put(c, &good, 100, NULL, &d), FC_OK);

		struct fc_cached cur;
		bool found;
		double t0 = now_s();
		assert_int_equal(fc_fetch_url(&o, c, &a, u, 200, &cur, &found,
					      &d),
				 FC_ENET);
		double took = now_s() - t0;
		if (d.n != 1)
			fc_diags_print(&d, stderr, 0);
		assert_int_equal(d.n, 1);
		assert_int_equal(d.v[0].code, FC_ENET);
		fc_assert_diag(&d, 0, u, 0, 0, faults[i].msg);
		assert_true(took < 2.5);
		/* the earlier copy is what the caller gets and what stays */
		assert_true(found);
		assert_string_equal(cur.body, body);
		assert_int_equal(cur.fetched_at, 100);
		struct fc_cached latest;
		assert_int_equal(fc_cache_latest(c, &a, u, &latest, &found, &d),
				 FC_OK);
		assert_true(found);
		assert_string_equal(latest.body, body);
		/* and the failure is in the history */
		struct fc_cached *h;
		size_t n;
		assert_int_equal(fc_cache_history(c, &a, u, true, &h, &n, &d),
				 FC_OK);
		assert_int_equal(n, 2);
		assert_string_equal(h[1].error, faults[i].msg);
		assert_int_equal(h[1].status, faults[i].status);
		assert_null(h[1].body);
		assert_string_equal(h[1].sha256, "");
		assert_int_equal(h[1].fetched_at, 200);
		fc_diags_finish(&d);
	}
	fc_arena_finish(&a);
	fc_cache_close(c);
}

static void test_more_faults(void **state)
{
	struct srv *s = *state;
	const struct {
		const char *url, *msg;
	} faults[] = {
		{url(s, "/big-unannounced"), "body larger than 8 MiB"},
		{url(s, "/gzip-bomb"), "body larger than 8 MiB"},
		{"file:///etc/passwd", "only http and https URLs can be fetched"},
		{"ftp://127.0.0.1/x", "only http and https URLs can be fetched"},
		{"http://", "invalid URL (No host part in the URL)"},
	};
	struct fc_fetch_opts o;
	opts(&o);
	for (size_t i = 0; i < sizeof(faults) / sizeof(*faults); i++) {
		struct fc_http_result res;
		struct fc_diags d;
		fc_diags_init(&d);
		assert_int_not_equal(fc_http_fetch(&o, faults[i].url, NULL, &res,
						   &d),
				     FC_OK);
		assert_int_equal(d.n, 1);
		fc_assert_diag(&d, 0, faults[i].url, 0, 0, faults[i].msg);
		assert_null(res.body);
		assert_string_equal(res.error_msg, faults[i].msg);
		fc_http_result_finish(&res);
		fc_diags_finish(&d);
	}
	/* a smaller limit is named as set */
	struct fc_http_result res;
	struct fc_diags d;
	fc_diags_init(&d);
	o.max_body = 1000;
	o.timeout_ms = 1500;
	assert_int_equal(fc_http_fetch(&o, url(s, "/ok"), NULL, &res, &d),
			 FC_ENET);
	fc_assert_diag(&d, 0, url(s, "/ok"), 0, 0,
		       "body larger than 1000 bytes");
	fc_http_result_finish(&res);
	assert_int_equal(fc_http_fetch(&o, url(s, "/slow"), NULL, &res, &d),
			 FC_ENET);
	fc_assert_diag(&d, 1, url(s, "/slow"), 0, 0, "timed out after 1.5 s");
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

/* ---- politeness and progress ------------------------------------------- */

struct job {
	const struct fc_fetch_opts *o;
	const char *url;
	fc_status st;
};

static void *run_job(void *p)
{
	struct job *j = p;
	struct fc_http_result res;
	struct fc_diags d;
	fc_diags_init(&d);
	j->st = fc_http_fetch(j->o, j->url, NULL, &res, &d);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
	return NULL;
}

static void stats(struct srv *s, char *out, size_t cap)
{
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	opts(&o);
	fc_diags_init(&d);
	assert_int_equal(fc_http_fetch(&o, url(s, "/stats"), NULL, &res, &d),
			 FC_OK);
	snprintf(out, cap, "%s", res.body);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

static void test_one_request_at_a_time_per_host(void **state)
{
	struct srv *s = *state;
	struct fc_http_hosts *hosts;
	assert_int_equal(fc_http_hosts_create(&hosts), FC_OK);
	struct fc_fetch_opts o;
	opts(&o);
	o.hosts = hosts;
	pthread_t t[3];
	struct job j[3];
	double t0 = now_s();
	for (int i = 0; i < 3; i++) {
		j[i] = (struct job){&o, url(s, "/hold"), FC_EIO};
		pthread_create(&t[i], NULL, run_job, &j[i]);
	}
	for (int i = 0; i < 3; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(j[i].st, FC_OK);
	}
	assert_true(now_s() - t0 >= 0.9); /* three 0.3 s requests in a row */
	char st[64];
	stats(s, st, sizeof(st));
	assert_string_equal(st, "max_active=1");
	/* without the hosts table they overlap */
	o.hosts = NULL;
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, run_job, &j[i]);
	for (int i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	stats(s, st, sizeof(st));
	assert_string_not_equal(st, "max_active=1");
	fc_http_hosts_destroy(hosts);
}

static void test_delay_between_requests_to_a_host(void **state)
{
	struct srv *s = *state;
	struct fc_http_hosts *hosts;
	assert_int_equal(fc_http_hosts_create(&hosts), FC_OK);
	struct fc_fetch_opts o;
	opts(&o);
	o.hosts = hosts;
	o.host_delay_ms = 400;
	struct job j = {&o, url(s, "/chain/0"), FC_EIO};
	double t0 = now_s();
	run_job(&j); /* the first request does not wait */
	double t1 = now_s();
	run_job(&j);
	double t2 = now_s();
	assert_int_equal(j.st, FC_OK);
	assert_true(t1 - t0 < 0.3);
	assert_true(t2 - t1 >= 0.4);
	/* another host is not held back: "localhost" is not "127.0.0.1" */
	char other[128];
	snprintf(other, sizeof(other), "http://localhost:%d/chain/0", s->port);
	j.url = other;
	t0 = now_s();
	run_job(&j);
	assert_true(now_s() - t0 < 0.3);
	fc_http_hosts_destroy(hosts);
}

struct prog {
	uint64_t done, total;
	size_t ncalls;
	bool cancel;
};

static int on_progress(void *ud, const char *u, uint64_t done, uint64_t total)
{
	struct prog *p = ud;
	(void)u;
	p->ncalls++;
	p->done = done;
	p->total = total;
	return p->cancel && done > 0;
}

static void test_progress_and_cancel(void **state)
{
	struct srv *s = *state;
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	struct prog p = {0};
	opts(&o);
	o.progress = on_progress;
	o.progress_ud = &p;
	fc_diags_init(&d);
	assert_int_equal(fc_http_fetch(&o, url(s, "/progress"), NULL, &res,
				       &d),
			 FC_OK);
	assert_true(p.ncalls > 0);
	assert_int_equal(p.done, 256 << 10);
	assert_int_equal(p.total, 256 << 10);
	fc_http_result_finish(&res);
	p.cancel = true;
	assert_int_equal(fc_http_fetch(&o, url(s, "/progress"), NULL, &res,
				       &d),
			 FC_ENET);
	fc_assert_diag(&d, 0, url(s, "/progress"), 0, 0, "cancelled");
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

/* ---- stealth edits ------------------------------------------------------ */

static void set_stealth(struct srv *s, const char *v)
{
	struct fc_fetch_opts o;
	struct fc_http_result res;
	struct fc_diags d;
	char path[64];
	opts(&o);
	fc_diags_init(&d);
	snprintf(path, sizeof(path), "/stealth/set/%s", v);
	assert_int_equal(fc_http_fetch(&o, url(s, path), NULL, &res, &d),
			 FC_OK);
	fc_http_result_finish(&res);
	fc_diags_finish(&d);
}

static void test_stealth_edit_versions(void **state)
{
	struct srv *s = *state;
	struct fc_cache *c = open_cache(s, "stealth.db");
	struct fc_fetch_opts o;
	struct fc_diags d;
	struct fc_arena a;
	struct fc_cached cur;
	bool found;
	opts(&o);
	fc_diags_init(&d);
	fc_arena_init(&a);
	const char *u = url(s, "/stealth");
	static const struct {
		const char *v;
		int64_t at;
	} seq[] = {{"A", 100}, {"A", 110}, {"B", 120}, {"A", 130}};
	for (size_t i = 0; i < 4; i++) {
		set_stealth(s, seq[i].v);
		assert_int_equal(fc_fetch_url(&o, c, &a, u, seq[i].at, &cur,
					      &found, &d),
				 FC_OK);
	}
	struct fc_version *v;
	size_t n;
	assert_int_equal(fc_cache_versions(c, &a, u, &v, &n, &d), FC_OK);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].nfetches, 2);
	assert_int_equal(v[0].first_seen, 100);
	assert_int_equal(v[0].last_seen, 110);
	assert_int_equal(v[1].first_seen, 120);
	assert_int_equal(v[2].first_seen, 130);
	assert_string_equal(v[0].sha256, v[2].sha256);
	assert_string_not_equal(v[0].sha256, v[1].sha256);
	/* the two texts differ by the one edited word */
	struct fc_rules *r = load_html_rules(NULL);
	struct fc_article a0, a1;
	assert_int_equal(fc_html_extract(r, &a, v[0].body, v[0].body_len, u,
					 v[0].content_type, &a0, &d),
			 FC_OK);
	assert_int_equal(fc_html_extract(r, &a, v[1].body, v[1].body_len, u,
					 v[1].content_type, &a1, &d),
			 FC_OK);
	assert_string_equal(a0.text,
			    "The minister resigned on Monday, her office said.");
	assert_string_equal(a1.text,
			    "The minister resigned on Tuesday, her office "
			    "said.");
	fc_rules_destroy(r);
	assert_int_equal(d.n, 0);
	fc_arena_finish(&a);
	fc_diags_finish(&d);
	fc_cache_close(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_200_with_validators),
		cmocka_unit_test(test_redirect_chain_of_3),
		cmocka_unit_test(test_gzip_body_is_decoded),
		cmocka_unit_test(test_request_headers_and_no_cookies),
		cmocka_unit_test(test_latin1_pages_over_http),
		cmocka_unit_test(test_tls_verification),
		cmocka_unit_test(test_304_keeps_the_cached_body),
		cmocka_unit_test(test_faults_keep_the_cached_copy),
		cmocka_unit_test(test_more_faults),
		cmocka_unit_test(test_one_request_at_a_time_per_host),
		cmocka_unit_test(test_delay_between_requests_to_a_host),
		cmocka_unit_test(test_progress_and_cancel),
		cmocka_unit_test(test_stealth_edit_versions),
	};
	return cmocka_run_group_tests(tests, start_server, stop_server);
}
