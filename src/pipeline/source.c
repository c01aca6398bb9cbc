/*
** source.c: read one source for the text stage: inline text, a file, or
** the latest cached copy of a URL; HTML (a .html file, a page served as
** text/html) through fc_html_extract, so the text stage reads the page's
** main text and never its navigation, scripts or ads.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "pipeline/pipeline_p.h"

#define SOURCE_MAX (64u << 20) /* bytes of an HTML file read, at most */

/* The text a source may give (w->max_source, else the default). */
static size_t text_max(const struct fc_web_opts *w)
{
	return w && w->max_source ? w->max_source : FC_SOURCE_MAX;
}

/* A source whose text is above the limit: an input error, before the
** stages spend memory on it. */
static fc_status too_long(const struct fc_source *s, const char *where,
			  size_t max, struct fc_diags *d)
{
	struct fc_srcloc loc = s->loc.file ? s->loc
			       : (struct fc_srcloc){where, 0, 0, 0};
	if (max % (1u << 20))
		fc_diag_add(d, FC_ELIMIT, &loc,
			    "source '%s' (%s) has more than %zu bytes of "
			    "text, the limit (--max-source-mb)",
			    s->id, where, max);
	else
		fc_diag_add(d, FC_ELIMIT, &loc,
			    "source '%s' (%s) has more than %zu MiB of text, "
			    "the limit (--max-source-mb)",
			    s->id, where, max >> 20);
	return FC_EINPUT;
}

void fc_web_time(int64_t t, char *out, size_t n)
{
	struct tm tm;
	time_t tt = (time_t)t;
	if (!n)
		return;
	if (!gmtime_r(&tt, &tm) ||
	    !strftime(out, n, "%Y-%m-%d %H:%M UTC", &tm))
		snprintf(out, n, "@%lld", (long long)t);
}

bool web_is_html(const char *content_type, const char *body, size_t len)
{
	if (content_type && *content_type) {
		size_t n = strcspn(content_type, ";");
		for (size_t i = 0; i + 4 <= n; i++)
			if (!strncasecmp(content_type + i, "html", 4))
				return true;
		return false;
	}
	/* No type given: markup if the first thing after a BOM and
	   whitespace is a tag. */
	size_t i = 0;
	if (len >= 3 && !memcmp(body, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (body[i] == ' ' || body[i] == '\t' ||
			   body[i] == '\r' || body[i] == '\n'))
		i++;
	return i < len && body[i] == '<';
}

/* No Content-Type, or text of some kind ("text/plain"). */
static bool is_text_type(const char *content_type)
{
	return !content_type || !*content_type ||
	       !strncasecmp(content_type, "text/", 5);
}

static bool is_html_name(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	return dot && !strchr(dot, '/') &&
	       (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"));
}

fc_status web_main_text(const struct fc_rules *r, struct fc_arena *a,
			const char *body, size_t len, const char *name,
			const char *content_type, bool is_html, char **text,
			size_t *text_len, struct web_page *page,
			struct fc_diags *d)
{
	memset(page, 0, sizeof(*page));
	if (!is_html) {
		*text = fc_arena_strndup(a, body ? body : "", len);
		*text_len = len;
		return *text ? FC_OK : FC_ENOMEM;
	}
	struct fc_article art;
	fc_status st = fc_html_extract(r, a, body ? body : "", len, name,
				       content_type, &art, d);
	if (st)
		return st;
	int y, m, dd;
	page->is_html = true;
	page->title = art.title && *art.title ? art.title : NULL;
	page->published = art.published && fc_date_parse(art.published, &y,
							 &m, &dd)
				  ? art.published
				  : NULL;
	page->canonical_url = art.canonical_url && *art.canonical_url
				      ? art.canonical_url
				      : NULL;
	*text = art.text;
	*text_len = art.text_len;
	return FC_OK;
}

/*
** The latest cached copy of s->url (*found), with a warning when it is
** stale. Without a copy, *failed says when the last fetch failed and why
** (in a), or is NULL when the URL was never fetched.
*/
static fc_status read_cached(struct fc_arena *a, const struct fc_source *s,
			     const struct fc_web_opts *w,
			     struct fc_cached *out, bool *found,
			     const char **failed, struct fc_diags *d)
{
	struct fc_arena tmp;
	struct fc_cached *h = NULL;
	size_t nh = 0;
	char when[32], last[32];
	*found = false;
	*failed = NULL;
	if (!w || !w->cache)
		return FC_OK;
	fc_arena_init(&tmp);
	fc_status st = fc_cache_latest(w->cache, a, s->url, out, found, d);
	if (!st)
		st = fc_cache_history(w->cache, &tmp, s->url, false, &h, &nh,
				      d);
	if (st || !nh)
		goto out;
	const struct fc_cached *l = &h[nh - 1];
	fc_web_time(l->fetched_at, last, sizeof(last));
	if (!*found) {
		*failed = fc_arena_printf(a, "the last fetch (%s) failed: %s",
					  last,
					  l->error ? l->error : "no body");
		st = *failed ? FC_OK : FC_ENOMEM;
		goto out;
	}
	fc_web_time(out->fetched_at, when, sizeof(when));
	if (l->id > out->id && l->error)
		fc_diag_warn(d, &s->loc,
			     "source '%s': using the copy of %s fetched %s; "
			     "the last fetch (%s) failed: %s",
			     s->id, s->url, when, last, l->error);
	else if (w->max_age > 0 && w->now - out->fetched_at > w->max_age)
		fc_diag_warn(d, &s->loc,
			     "source '%s': the copy of %s is stale (fetched "
			     "%s, %lld days ago); run 'factcross fetch' to "
			     "refresh it",
			     s->id, s->url, when,
			     (long long)((w->now - out->fetched_at) / 86400));
out:
	fc_arena_finish(&tmp);
	return st;
}

/* A URL source: its cached copy (*found), or why there is none. */
static fc_status read_url(const struct fc_rules *r, struct fc_corpus *c,
			  struct fc_document *doc, const struct fc_web_opts *w,
			  struct web_page *page, bool *found,
			  const char **failed, struct fc_diags *d)
{
	const struct fc_source *s = doc->src;
	struct fc_cached cp;
	fc_status st = read_cached(&c->arena, s, w, &cp, found, failed, d);
	if (st || !*found)
		return st;
	if (!cp.body) {
		cp.body = "";
		cp.body_len = 0;
	}
	memcpy(doc->sha256, cp.sha256, sizeof(doc->sha256));
	bool is_html = web_is_html(cp.content_type, cp.body, cp.body_len);
	if (!is_html && !is_text_type(cp.content_type)) {
		size_t n = strcspn(cp.content_type, ";");
		fc_diag_add(d, FC_EINPUT, &s->loc,
			    "source '%s': %s is %.*s, not an HTML page or text",
			    s->id, s->url, (int)(n < 64 ? n : 64),
			    cp.content_type);
		return FC_EINPUT;
	}
	size_t max = text_max(w);
	if (!is_html && cp.body_len > max)
		return too_long(s, s->url, max, d);
	st = web_main_text(r, &c->arena, cp.body, cp.body_len,
			   cp.final_url ? cp.final_url : s->url,
			   cp.content_type, is_html, &doc->raw, &doc->raw_len,
			   page, d);
	if (!st && doc->raw_len > max)
		return too_long(s, s->url, max, d);
	return st;
}

fc_status web_read_source(const struct fc_rules *r, struct fc_corpus *c,
			  struct fc_document *doc, const struct fc_web_opts *w,
			  struct web_page *page, struct fc_diags *d)
{
	const struct fc_source *s = doc->src;
	memset(page, 0, sizeof(*page));
	size_t max = text_max(w);
	if (s->inline_text) {
		if (s->inline_len > max)
			return too_long(s, s->id, max, d);
		doc->raw = fc_arena_strndup(&c->arena, s->inline_text,
					    s->inline_len);
		doc->raw_len = s->inline_len;
		if (!doc->raw)
			return FC_ENOMEM;
		fc_sha256_hex(doc->raw, doc->raw_len, doc->sha256);
		return FC_OK;
	}
	if (s->url) {
		bool found;
		const char *failed;
		fc_status st = read_url(r, c, doc, w, page, &found, &failed,
					d);
		if (st || found)
			return st;
		if (!s->path) {
			if (failed)
				fc_diag_add(d, FC_EINPUT, &s->loc,
					    "source '%s': %s has no cached "
					    "copy: %s",
					    s->id, s->url, failed);
			else
				fc_diag_add(d, FC_EINPUT, &s->loc,
					    "source '%s': %s has not been "
					    "fetched; run 'factcross fetch' "
					    "or 'factcross verify --fetch'",
					    s->id, s->url);
			return FC_EINPUT;
		}
	}
	if (!s->path) {
		fc_diag_add(d, FC_EINPUT, &s->loc,
			    "source '%s' has no file and no url", s->id);
		return FC_EINPUT;
	}
	char *data;
	size_t len;
	bool is_html = is_html_name(s->path);
	/* a text file is its text: read no more than the limit */
	fc_status st = fc_file_read(s->path, is_html ? SOURCE_MAX : max,
				    &data, &len);
	if (st == FC_ELIMIT && !is_html)
		return too_long(s, s->path, max, d);
	if (st) {
		struct fc_srcloc loc = s->loc.file ? s->loc
				       : (struct fc_srcloc){s->path, 0, 0, 0};
		fc_diag_add(d, st == FC_ELIMIT ? FC_ELIMIT : FC_EINPUT, &loc,
			    "cannot read source '%s' (%s): %s", s->id,
			    s->path,
			    st == FC_ELIMIT ? "larger than 64 MiB"
					    : fc_strerror(st));
		return st == FC_ENOMEM ? st : FC_EINPUT;
	}
	fc_sha256_hex(data, len, doc->sha256);
	st = web_main_text(r, &c->arena, data, len, s->path, NULL, is_html,
			   &doc->raw, &doc->raw_len, page, d);
	free(data);
	if (!st && doc->raw_len > max)
		return too_long(s, s->path, max, d);
	return st;
}
