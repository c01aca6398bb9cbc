/*
** http.c: fetch one URL with libcurl, configured for hostile networks.
**
** Only http and https, for the first request and for every redirect
** (CURLOPT_PROTOCOLS_STR, CURLOPT_REDIR_PROTOCOLS_STR); redirects capped;
** connect and total timeouts; the decoded body capped in the write
** callback (a gzip bomb stops there too) and by Content-Length before a
** byte is read; TLS verified; no cookie engine, no .netrc. The header
** callback keeps the last response's headers, its status line, the
** Location it names and the URL of every hop, so that a failure can say
** what happened ("redirect loop", "redirect to file:///etc/passwd
** refused") instead of libcurl's generic text.
*/
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fetch/curl_p.h"
#include "fetch/fetch_p.h"

#define MAX_HEADERS (256u << 10)
#define MAX_HOPS 64

struct xfer {
	const struct fc_fetch_opts *o;
	const char *url;
	const struct fc_curl *cu;
	CURL *h;
	struct fc_buf body, headers;
	bool is_too_big, is_cancelled, is_loop;
	long status;
	char reason[128];
	char *location;         /* Location of the last response, raw */
	char *hops[MAX_HOPS];   /* URL of each response, in order */
	size_t nhops;
};

void fc_fetch_opts_init(struct fc_fetch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->max_redirects = 5;
	o->connect_timeout_ms = 10000;
	o->timeout_ms = 30000;
	o->max_body = 8u << 20;
	o->host_delay_ms = 1000;
}

void fc_http_result_finish(struct fc_http_result *res)
{
	if (!res)
		return;
	free(res->url);
	free(res->final_url);
	free(res->reason);
	free(res->headers);
	free(res->content_type);
	free(res->etag);
	free(res->last_modified);
	free(res->body);
	free(res->error_msg);
	memset(res, 0, sizeof(*res));
}

/* ---- callbacks ---------------------------------------------------------- */

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n;
	if (x->body.len + len > x->o->max_body) {
		x->is_too_big = true;
		return 0; /* aborts the transfer with CURLE_WRITE_ERROR */
	}
	fc_buf_add(&x->body, p, len);
	return x->body.err ? 0 : len;
}

static void trim_copy(char *dst, size_t cap, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == '\r' || s[n - 1] == '\n' || s[n - 1] == ' ' ||
		     s[n - 1] == '\t'))
		n--;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	struct xfer *x = ud;
	size_t len = size * n;
	if (len >= 5 && !memcmp(p, "HTTP/", 5)) {
		/* a new response: "HTTP/1.1 404 Not Found" */
		fc_buf_reset(&x->headers);
		fc_buf_reset(&x->body);
		free(x->location);
		x->location = NULL;
		x->status = 0;
		x->reason[0] = '\0';
		size_t i = 5;
		while (i < len && p[i] != ' ')
			i++;
		while (i < len && p[i] == ' ')
			i++;
		while (i < len && p[i] >= '0' && p[i] <= '9' && x->status < 1000)
			x->status = x->status * 10 + (p[i++] - '0');
		trim_copy(x->reason, sizeof(x->reason), p + i, len - i);
		char *eff = NULL;
		x->cu->easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &eff);
		if (eff && x->nhops < MAX_HOPS) {
			for (size_t k = 0; k < x->nhops; k++)
				if (!strcmp(x->hops[k], eff))
					x->is_loop = true;
			x->hops[x->nhops] = strdup(eff);
			if (x->hops[x->nhops])
				x->nhops++;
		}
	} else if (len > 9 && !strncasecmp(p, "location:", 9)) {
		char v[4096];
		trim_copy(v, sizeof(v), p + 9, len - 9);
		free(x->location);
		x->location = strdup(v);
	}
	if (x->headers.len + len <= MAX_HEADERS)
		fc_buf_add(&x->headers, p, len);
	return len;
}

static int on_progress(void *ud, curl_off_t dltotal, curl_off_t dlnow,
		       curl_off_t ultotal, curl_off_t ulnow)
{
	struct xfer *x = ud;
	(void)ultotal;
	(void)ulnow;
	if (x->o->progress &&
	    x->o->progress(x->o->progress_ud, x->url, (uint64_t)dlnow,
			   (uint64_t)dltotal)) {
		x->is_cancelled = true;
		return 1;
	}
	return 0;
}

/* ---- messages ---------------------------------------------------------- */

static const char *reason_of(long status)
{
	static const struct {
		long code;
		const char *text;
	} tab[] = {
		{300, "Multiple Choices"}, {304, "Not Modified"},
		{400, "Bad Request"},      {401, "Unauthorized"},
		{402, "Payment Required"}, {403, "Forbidden"},
		{404, "Not Found"},        {405, "Method Not Allowed"},
		{406, "Not Acceptable"},   {408, "Request Timeout"},
		{410, "Gone"},             {429, "Too Many Requests"},
		{451, "Unavailable For Legal Reasons"},
		{500, "Internal Server Error"}, {502, "Bad Gateway"},
		{503, "Service Unavailable"},   {504, "Gateway Timeout"},
	};
	for (size_t i = 0; i < sizeof(tab) / sizeof(*tab); i++)
		if (tab[i].code == status)
			return tab[i].text;
	return "";
}

/* "8 MiB", "512 KiB", "1000 bytes" */
static void fmt_size(char *buf, size_t cap, size_t n)
{
	if (n && n % (1u << 20) == 0)
		snprintf(buf, cap, "%zu MiB", n >> 20);
	else if (n && n % 1024 == 0)
		snprintf(buf, cap, "%zu KiB", n >> 10);
	else
		snprintf(buf, cap, "%zu bytes", n);
}

/* The Location of the last response, made absolute against its URL. */
static char *redirect_target(const struct xfer *x)
{
	if (!x->location)
		return NULL;
	const struct fc_curl *cu = x->cu;
	CURLU *u = cu->url();
	char *out = NULL;
	if (!u)
		return strdup(x->location);
	const char *base = x->nhops ? x->hops[x->nhops - 1] : x->url;
	if (cu->url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    cu->url_set(u, CURLUPART_URL, x->location,
			 CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK) {
		char *s = NULL;
		if (cu->url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK) {
			out = strdup(s);
			cu->free(s);
		}
	}
	cu->url_cleanup(u);
	return out ? out : strdup(x->location);
}

/* The value of header name in a header block (first match), or NULL. */
static char *header_value(const char *block, const char *name)
{
	size_t nl = strlen(name);
	for (const char *p = block; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len > nl && !strncasecmp(p, name, nl) && p[nl] == ':') {
			char v[4096];
			trim_copy(v, sizeof(v), p + nl + 1, len - nl - 1);
			return *v ? strdup(v) : NULL;
		}
		p = e ? e + 1 : NULL;
	}
	return NULL;
}

static void fail(struct fc_http_result *res, struct fc_diags *d,
		 fc_status code, const char *fmt, ...) FC_PRINTF(4, 5);

static void fail(struct fc_http_result *res, struct fc_diags *d,
		 fc_status code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct fc_srcloc loc = {res->url, 0, 0, 0};
	fc_diag_add(d, code, &loc, "%s", msg);
	res->error = code;
	free(res->error_msg);
	res->error_msg = strdup(msg);
}

/* Turn a libcurl failure into one clear diagnostic. */
static void curl_failure(struct xfer *x, CURLcode rc, const char *errbuf,
			 const char *host, struct fc_http_result *res,
			 struct fc_diags *d)
{
	const struct fc_fetch_opts *o = x->o;
	const struct fc_curl *cu = x->cu;
	const char *why = *errbuf ? errbuf : cu->easy_strerror(rc);
	char size[32];
	if (x->is_cancelled || rc == CURLE_ABORTED_BY_CALLBACK) {
		fail(res, d, FC_ENET, "cancelled");
	} else if (x->is_too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		fmt_size(size, sizeof(size), o->max_body);
		fail(res, d, FC_ENET, "body larger than %s", size);
	} else if (rc == CURLE_TOO_MANY_REDIRECTS) {
		if (x->is_loop)
			fail(res, d, FC_ENET,
			     "redirect loop (more than %ld redirects)",
			     o->max_redirects);
		else
			fail(res, d, FC_ENET, "too many redirects (more than %ld)",
			     o->max_redirects);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL && x->nhops) {
		char *to = redirect_target(x);
		fail(res, d, FC_ENET,
		     "redirect to %s refused (only http and https)",
		     to ? to : "another protocol");
		free(to);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
		fail(res, d, FC_ENET, "only http and https URLs can be fetched");
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		curl_off_t connected = 0;
		cu->easy_getinfo(x->h, CURLINFO_CONNECT_TIME_T, &connected);
		if (!connected && o->connect_timeout_ms <= o->timeout_ms)
			fail(res, d, FC_ENET, "connect timed out after %g s",
			     o->connect_timeout_ms / 1000.0);
		else
			fail(res, d, FC_ENET, "timed out after %g s",
			     o->timeout_ms / 1000.0);
	} else if (rc == CURLE_PARTIAL_FILE) {
		fail(res, d, FC_ENET, "truncated body");
	} else if (rc == CURLE_COULDNT_CONNECT) {
		long err = 0;
		cu->easy_getinfo(x->h, CURLINFO_OS_ERRNO, &err);
		if (err == ECONNREFUSED)
			fail(res, d, FC_ENET, "connection refused");
		else
			fail(res, d, FC_ENET, "cannot connect: %s", why);
	} else if (rc == CURLE_COULDNT_RESOLVE_HOST) {
		fail(res, d, FC_ENET, "cannot resolve host '%s'", host);
	} else if (rc == CURLE_PEER_FAILED_VERIFICATION ||
		   rc == CURLE_SSL_CACERT_BADFILE ||
		   rc == CURLE_SSL_ISSUER_ERROR) {
		fail(res, d, FC_ENET, "TLS certificate not accepted: %s", why);
	} else if (rc == CURLE_SSL_CONNECT_ERROR) {
		fail(res, d, FC_ENET, "TLS handshake failed: %s", why);
	} else if (rc == CURLE_GOT_NOTHING) {
		fail(res, d, FC_ENET, "empty reply from server");
	} else if (rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR) {
		fail(res, d, FC_ENET, "connection broken: %s", why);
	} else if (rc == CURLE_BAD_CONTENT_ENCODING) {
		fail(res, d, FC_ENET, "cannot decode the body: %s", why);
	} else if (rc == CURLE_OUT_OF_MEMORY || x->body.err) {
		fail(res, d, FC_ENOMEM, "out of memory");
	} else {
		fail(res, d, FC_ENET, "%s", why);
	}
}

/* ---- the fetch ----------------------------------------------------------- */

/* Scheme and host of url; false with a diagnostic when unusable. */
static bool check_url(const struct fc_curl *cu, const char *url, char *host,
		      size_t cap, struct fc_http_result *res,
		      struct fc_diags *d)
{
	CURLU *u = cu->url();
	if (!u) {
		fail(res, d, FC_ENOMEM, "out of memory");
		return false;
	}
	char *scheme = NULL, *h = NULL;
	CURLUcode rc = cu->url_set(u, CURLUPART_URL, url,
				    CURLU_NON_SUPPORT_SCHEME);
	bool ok = false;
	if (rc != CURLUE_OK) {
		fail(res, d, FC_EINPUT, "invalid URL (%s)", cu->url_strerror(rc));
	} else if (cu->url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
		   (strcasecmp(scheme, "http") && strcasecmp(scheme, "https"))) {
		fail(res, d, FC_ENET, "only http and https URLs can be fetched");
	} else if (cu->url_get(u, CURLUPART_HOST, &h, 0) != CURLUE_OK) {
		fail(res, d, FC_EINPUT, "invalid URL (no host)");
	} else {
		snprintf(host, cap, "%s", h);
		for (char *p = host; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		ok = true;
	}
	cu->free(scheme);
	cu->free(h);
	cu->url_cleanup(u);
	return ok;
}

/* A header value fit to send: no line breaks. */
static bool header_safe(const char *v)
{
	return v && *v && !strpbrk(v, "\r\n");
}

static struct curl_slist *request_headers(const struct fc_curl *cu,
					  const struct fc_cached *prev)
{
	struct curl_slist *l = NULL, *t;
	if (!(l = cu->slist_append(NULL, "Accept: text/html,application/"
					  "xhtml+xml;q=0.9,*/*;q=0.8")))
		return NULL;
	char buf[4200];
	if (prev && header_safe(prev->etag) && strlen(prev->etag) < 4096) {
		snprintf(buf, sizeof(buf), "If-None-Match: %s", prev->etag);
		if (!(t = cu->slist_append(l, buf)))
			goto fail;
		l = t;
	}
	if (prev && header_safe(prev->last_modified) &&
	    strlen(prev->last_modified) < 4096) {
		snprintf(buf, sizeof(buf), "If-Modified-Since: %s",
			 prev->last_modified);
		if (!(t = cu->slist_append(l, buf)))
			goto fail;
		l = t;
	}
	return l;
fail:
	cu->slist_free_all(l);
	return NULL;
}

/* The transfer's options; false when libcurl refuses the one that keeps
** a fetch (and its redirects) to http and https: older than 7.85, it
** would otherwise fetch a redirect to file:// or gopher:// unasked. */
static bool setup(CURL *h, struct xfer *x, struct curl_slist *hdrs,
		  char *errbuf)
{
	const struct fc_fetch_opts *o = x->o;
	const struct fc_curl *cu = x->cu;
	cu->easy_setopt(h, CURLOPT_URL, x->url);
	if (cu->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") !=
		    CURLE_OK ||
	    cu->easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") !=
		    CURLE_OK)
		return false;
	cu->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	cu->easy_setopt(h, CURLOPT_MAXREDIRS, o->max_redirects);
	cu->easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
	cu->easy_setopt(h, CURLOPT_TIMEOUT_MS, o->timeout_ms);
	cu->easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_body);
	cu->easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	cu->easy_setopt(h, CURLOPT_USERAGENT,
			 o->user_agent ? o->user_agent : FC_HTTP_USER_AGENT);
	cu->easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
	cu->easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	cu->easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file)
		cu->easy_setopt(h, CURLOPT_CAINFO, o->ca_file);
	cu->easy_setopt(h, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	cu->easy_setopt(h, CURLOPT_UNRESTRICTED_AUTH, 0L);
	cu->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	cu->easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	cu->easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
	cu->easy_setopt(h, CURLOPT_WRITEDATA, x);
	cu->easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
	cu->easy_setopt(h, CURLOPT_HEADERDATA, x);
	cu->easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	cu->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
	cu->easy_setopt(h, CURLOPT_XFERINFODATA, x);
	return true;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

fc_status fc_http_fetch(const struct fc_fetch_opts *o, const char *url,
			const struct fc_cached *prev,
			struct fc_http_result *res, struct fc_diags *d)
{
	memset(res, 0, sizeof(*res));
	if (!(res->url = strdup(url ? url : "")))
		return FC_ENOMEM;
	char no_curl[600];
	const struct fc_curl *cu = fc_curl_get(no_curl, sizeof(no_curl));
	if (!cu) {
		fail(res, d, FC_ENET, "%s", no_curl);
		return res->error;
	}
	char host[256];
	if (!check_url(cu, url, host, sizeof(host), res, d))
		return res->error;

	struct xfer x = {.o = o, .url = url, .cu = cu};
	fc_buf_init(&x.body, 0);
	fc_buf_init(&x.headers, 0);
	char errbuf[CURL_ERROR_SIZE] = "";
	struct curl_slist *hdrs = request_headers(cu, prev);
	CURL *h = cu->easy_init();
	if (!h || !hdrs) {
		cu->slist_free_all(hdrs);
		cu->easy_cleanup(h);
		fail(res, d, FC_ENOMEM, "out of memory");
		return FC_ENOMEM;
	}
	x.h = h;
	if (!setup(h, &x, hdrs, errbuf)) {
		fail(res, d, FC_ENET,
		     "libcurl cannot keep a fetch to http and https "
		     "(CURLOPT_PROTOCOLS_STR: libcurl 7.85 or later is "
		     "needed)");
		goto done;
	}
	if (o->hosts && fc_http_hosts_acquire(o->hosts, host,
					      o->host_delay_ms)) {
		fail(res, d, FC_ENOMEM, "out of memory");
		goto done;
	}
	CURLcode rc = cu->easy_perform(h);
	if (o->hosts)
		fc_http_hosts_release(o->hosts, host);

	char *eff = NULL, *ctype = NULL;
	long redirects = 0;
	cu->easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
	cu->easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype);
	cu->easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirects);
	res->status = x.status;
	res->nredirects = (uint32_t)redirects;
	res->final_url = x.nhops ? dup_or_null(eff) : NULL;
	res->reason = x.reason[0] ? strdup(x.reason) : NULL;
	res->headers = x.headers.len ? strdup(fc_buf_cstr(&x.headers)) : NULL;
	res->content_type = dup_or_null(ctype);
	if (res->headers) {
		res->etag = header_value(res->headers, "etag");
		res->last_modified = header_value(res->headers, "last-modified");
	}
	if (rc != CURLE_OK) {
		curl_failure(&x, rc, errbuf, host, res, d);
	} else if (x.status >= 200 && x.status < 300) {
		res->body = fc_buf_steal(&x.body, &res->body_len);
	} else if (x.status == 304 && prev && prev->body) {
		res->is_not_modified = true;
		res->body = malloc(prev->body_len + 1);
		if (res->body) {
			memcpy(res->body, prev->body, prev->body_len);
			res->body[prev->body_len] = '\0';
			res->body_len = prev->body_len;
		}
		if (!res->etag)
			res->etag = dup_or_null(prev->etag);
		if (!res->last_modified)
			res->last_modified = dup_or_null(prev->last_modified);
		if (!res->body)
			fail(res, d, FC_ENOMEM, "out of memory");
	} else if (x.status == 304) {
		fail(res, d, FC_ENET,
		     "HTTP 304 Not Modified without a cached copy");
	} else {
		const char *why = x.reason[0] ? x.reason : reason_of(x.status);
		fail(res, d, FC_ENET, "HTTP %ld%s%s", x.status, *why ? " " : "",
		     why);
	}
done:
	for (size_t i = 0; i < x.nhops; i++)
		free(x.hops[i]);
	free(x.location);
	fc_buf_finish(&x.body);
	fc_buf_finish(&x.headers);
	cu->slist_free_all(hdrs);
	cu->easy_cleanup(h);
	if (!res->error && !res->body)
		fail(res, d, FC_ENOMEM, "out of memory");
	return res->error;
}
