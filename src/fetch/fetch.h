/*
** fetch.h: real articles from the web (src/fetch).
**
**   fc_html_extract()   HTML bytes -> main text and metadata (libxml2)
**   fc_http_fetch()     one http(s) URL with libcurl, hardened for
**                       hostile networks (limits, timeouts, politeness)
**   fc_cache_*()        every fetch kept in SQLite (tables fetch_*), with
**                       the history of each URL and its distinct versions
**   fc_fetch_url()      the usual combination: conditional refetch of a
**                       cached URL, stored, with the cached copy as fallback
**
** Nothing here prints or exits; every problem is a diagnostic. Network
** diagnostics are located at the URL: "https://x/y: error: HTTP 404 Not
** Found" (struct fc_srcloc with file = the URL and line 0).
**
** Main-content selection is driven by `kind: html` rule files
** (the rules/html folder, read by fc_html_add): which elements are dropped
** (tags, class/id words, ARIA roles, attributes), which words protect an
** element, the class/id weights of the scoring, the thresholds, and the
** precedence of metadata sources. See rules/html/main.yaml.
*/
#ifndef FACTCROSS_FETCH_H
#define FACTCROSS_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "factcross/fc.h"

/* ---- HTML main text ------------------------------------------------------ */

/* An element removed from the page before the text was taken. */
struct fc_html_drop {
	const char *rule; /* rule id, or "link-density" for a link block */
	const char *tag;  /* element name */
	const char *text; /* its text, whitespace collapsed */
};

/*
** The main text of a page and its metadata. Every pointer is in the
** arena given to fc_html_extract() (or NULL when absent).
*/
struct fc_article {
	char *text;            /* UTF-8, NUL-terminated; paragraphs (and
				  headings, list items) separated by "\n\n",
				  a <br> is "\n"; never NULL ("" when none) */
	size_t text_len;
	size_t nparagraphs;
	const char *title;         /* og:title, JSON-LD headline, <h1>, <title> */
	const char *author;        /* meta author, JSON-LD author name */
	const char *published;     /* YYYY-MM-DD (article:published_time,
				      JSON-LD datePublished, <time>) */
	const char *canonical_url; /* link rel=canonical, og:url; absolute */
	const char *site_name;     /* og:site_name, JSON-LD publisher */
	const char *lang;          /* <html lang> */
	const char *charset;       /* what the bytes were read as: "UTF-8",
				      "WINDOWS-1252", ... */
	struct fc_html_drop *drops; /* outermost dropped elements, in order */
	size_t ndrops;
	bool is_fallback;  /* too little text with every rule: the soft drops
			      (class/id words, roles, non-strict tags) were
			      lifted and the longer result kept */
	bool is_truncated; /* nesting deeper than libxml2's limit (256): the
			      rest of the page was not read (a warning) */
};

/*
** Extract the main text and metadata of an HTML page.
**
** r: the rule suite (its kind: html files); r or r->html may be NULL, in
**    which case nothing is dropped but script/style/template/noscript and
**    metadata comes from the built-in order.
** a: everything in *out is allocated here.
** html, len: the page bytes, any bytes (NUL, invalid UTF-8), at most
**    FC_HTML_MAX_BYTES (else FC_ELIMIT).
** base_url: the page's URL (resolves a relative canonical link) or a file
**    path; names the page in diagnostics. May be NULL.
** content_type: the HTTP Content-Type header ("text/html;
**    charset=ISO-8859-1"), or NULL. The charset is taken from a byte
**    order mark, else this header, else a <meta charset> (or http-equiv)
**    in the first 8 KiB, else UTF-8 when the bytes are mostly valid UTF-8
**    and windows-1252 otherwise (ISO-8859-1 labels are read as
**    windows-1252, as browsers do). Bytes that are invalid in the charset
**    and NUL bytes become U+FFFD, with one warning giving the count.
**
** The parse never touches the network (HTML_PARSE_NONET, no DTD, no
** external entities). Returns FC_OK when a page was read, even when its
** text is empty (a warning "no main text found" then); FC_EINPUT when
** libxml2 could not parse it at all; FC_ENOMEM.
*/
#define FC_HTML_MAX_BYTES ((size_t)64 << 20)
fc_status fc_html_extract(const struct fc_rules *r, struct fc_arena *a,
			  const char *html, size_t len, const char *base_url,
			  const char *content_type, struct fc_article *out,
			  struct fc_diags *d);

/*
** Run the golden `tests:` of every kind: html rule file of r (the suite
** runner of `factcross test` skips them). Each failing expectation is an
** error at the item's position in its file: 'expected item {kind:
** "paragraph", text: "x"} not produced', 'rejected item {...} was
** produced'. *npass and *nfail count cases; FC_EINPUT when one failed.
*/
fc_status fc_html_rules_test(const struct fc_rules *r, size_t *npass,
			     size_t *nfail, struct fc_diags *d);

/* ---- HTTP fetching ------------------------------------------------------- */

#define FC_HTTP_USER_AGENT \
	"factcross/" FC_VERSION \
	" (+https://example.invalid/factcross; fact-checking)"

/*
** Progress of one transfer: bytes received so far and the expected total
** (0 when the server sent no length). With gzip both count the encoded
** bytes on the wire. Return non-zero to cancel ("...: error: cancelled").
*/
typedef int (*fc_fetch_progress_fn)(void *ud, const char *url, uint64_t done,
				    uint64_t total);

/*
** Per-host politeness shared by every fetch that points at it: one
** request at a time per host, and at least host_delay_ms between the end
** of one request and the start of the next to the same host. Safe to
** share between threads. The host is the one of the requested URL
** (redirect targets are not tracked).
*/
struct fc_http_hosts;
fc_status fc_http_hosts_create(struct fc_http_hosts **out);
void fc_http_hosts_destroy(struct fc_http_hosts *h); /* NULL is fine */

struct fc_fetch_opts {
	long max_redirects;      /* default 5 */
	long connect_timeout_ms; /* default 10000 */
	long timeout_ms;         /* whole transfer; default 30000 */
	size_t max_body;         /* decoded body; default 8 MiB */
	long host_delay_ms;      /* default 1000; 0 in tests */
	struct fc_http_hosts *hosts; /* borrowed; NULL: no politeness */
	const char *user_agent;  /* NULL: FC_HTTP_USER_AGENT */
	const char *ca_file;     /* extra CA bundle (PEM), or NULL */
	fc_fetch_progress_fn progress; /* or NULL */
	void *progress_ud;
};

/* Set the defaults above (hosts, progress and ca_file NULL). */
void fc_fetch_opts_init(struct fc_fetch_opts *o);

/*
** The outcome of one fetch. Every string is malloc'd and owned by the
** result; free with fc_http_result_finish().
*/
struct fc_http_result {
	char *url;          /* as requested */
	char *final_url;    /* after redirects (NULL when nothing answered) */
	long status;        /* HTTP status of the last response, 0 if none */
	char *reason;       /* its status text ("Not Found"), or NULL */
	char *headers;      /* the last response's header block, CRLF lines */
	char *content_type; /* Content-Type header, or NULL */
	char *etag;         /* ETag header (or the cached one on 304) */
	char *last_modified;
	char *body;         /* NUL-terminated; on 304 a copy of prev->body */
	size_t body_len;
	bool is_not_modified; /* 304 to a conditional request */
	uint32_t nredirects;
	fc_status error;  /* FC_OK, or the status returned */
	char *error_msg;  /* the diagnostic's text (without the URL), or NULL */
};

void fc_http_result_finish(struct fc_http_result *res); /* NULL is fine */

struct fc_cached;

/*
** GET url (http or https only, also for every redirect). prev, when not
** NULL, is the last good copy: its ETag and Last-Modified are sent as
** If-None-Match / If-Modified-Since, and a 304 answer gives a result with
** is_not_modified and prev's body. No cookies, TLS verified, gzip and
** deflate accepted, redirects followed up to o->max_redirects.
**
** A 2xx (or 304 with prev) is FC_OK. A URL that does not parse is
** FC_EINPUT ("invalid URL (...)"); anything else is FC_ENET (FC_ENOMEM
** aside), always with one error located at the URL, one of:
**   HTTP 404 Not Found                      (any status >= 300 left)
**   redirect loop (more than 5 redirects)   (a URL came back)
**   too many redirects (more than 5)
**   redirect to file:///etc/passwd refused (only http and https)
**   only http and https URLs can be fetched
**   timed out after 30 s                    (connect timed out after 10 s)
**   body larger than 8 MiB
**   truncated body
**   connection refused
**   cannot resolve host 'x'
**   TLS certificate not accepted: <libcurl's reason>
**   cancelled
** res is filled in either way (status, headers, error_msg); the caller
** finishes it.
*/
fc_status fc_http_fetch(const struct fc_fetch_opts *o, const char *url,
			const struct fc_cached *prev,
			struct fc_http_result *res, struct fc_diags *d);

/* ---- Cache --------------------------------------------------------------- */

/*
** The fetch cache lives in SQLite tables prefixed fetch_ (fetch_meta with
** the fetch_schema row, fetch_log: one row per fetch, fetch_bodies: bodies
** by SHA-256, and the view fetch_history joining them), in the same
** database file as the run store or any other. Rows are only ever
** added: a failed fetch adds a row with its error and no body, and leaves
** every earlier copy where it was.
*/
struct fc_cache;

/* Open or create; the caller closes it with fc_cache_close(). */
fc_status fc_cache_open(const char *path, struct fc_cache **out,
			struct fc_diags *d);
void fc_cache_close(struct fc_cache *c); /* NULL is fine */

/*
** Record one fetch (res->url is the key). fetched_at: seconds since the
** epoch, given by the caller. A result with an error is recorded with
** its status and error text and no body. *id (may be NULL) is the new
** row's id.
*/
fc_status fc_cache_put(struct fc_cache *c, const struct fc_http_result *res,
		       int64_t fetched_at, int64_t *id, struct fc_diags *d);

/* One recorded fetch. Strings and body live in the arena given. */
struct fc_cached {
	int64_t id;             /* increases with every fetch recorded */
	const char *url;
	const char *final_url;  /* or NULL */
	long status;            /* 0 when no response came */
	const char *headers, *content_type, *etag, *last_modified;
	const char *error;      /* failed fetches: the error text */
	int64_t fetched_at;
	char sha256[65];        /* of the body; "" when none */
	const char *body;       /* NUL-terminated, or NULL (failed fetch, or
				   bodies not asked for) */
	size_t body_len;
	bool is_not_modified;   /* a 304 that confirmed the earlier body */
};

/*
** The latest fetch of url that has a body (2xx or 304). *found is false
** when the URL was never fetched successfully.
*/
fc_status fc_cache_latest(struct fc_cache *c, struct fc_arena *a,
			  const char *url, struct fc_cached *out, bool *found,
			  struct fc_diags *d);

/* Every fetch of url, oldest first, failures included. */
fc_status fc_cache_history(struct fc_cache *c, struct fc_arena *a,
			   const char *url, bool with_bodies,
			   struct fc_cached **out, size_t *n,
			   struct fc_diags *d);

/*
** One version of a page: a run of successful fetches that returned the
** same body. A page that changes A -> B -> A has three versions (the
** third has the sha256 of the first), so stealth edits and reverts show.
*/
struct fc_version {
	char sha256[65];
	const char *body; /* NUL-terminated, in the arena */
	size_t body_len;
	const char *final_url, *content_type;
	int64_t first_seen, last_seen; /* fetched_at of the run's fetches */
	size_t nfetches;
};

/* The versions of url, oldest first. */
fc_status fc_cache_versions(struct fc_cache *c, struct fc_arena *a,
			    const char *url, struct fc_version **out,
			    size_t *n, struct fc_diags *d);

/*
** Fetch url conditionally against its latest cached copy, record the
** fetch at time now, and give the current copy in *out (*found false when
** there is none). When the fetch fails the error stays in d (and the
** return value), and *out is the earlier copy if there is one, so the
** caller can go on with it.
*/
fc_status fc_fetch_url(const struct fc_fetch_opts *o, struct fc_cache *c,
		       struct fc_arena *a, const char *url, int64_t now,
		       struct fc_cached *out, bool *found,
		       struct fc_diags *d);

#endif
