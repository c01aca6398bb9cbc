/*
** web.h: URL sources, HTML pages and stealth edits in the pipeline.
**
**   fc_verify_cached()  fc_verify() with `url:` sources read from the fetch
**                       cache (src/fetch), offline, and stealth edits
**   fc_source_fetch()   fetch one URL into the cache and say what changed
**   struct fc_edits     how the facts of a page changed between two of its
**                       cached versions (doc->edits; rendered by
**                       src/report/report_edits.c)
**
** An HTML source (a cached page, or a local .html file) goes through
** fc_html_extract(): its main text, not the markup, is what the text stage
** reads (as plain paragraphs), and the page's own title, published date
** and canonical URL fill in what the manifest does not say.
**
** To move into fc.h once the API settles: struct fc_web_opts,
** fc_verify_cached, fc_source_fetch and struct fc_fetch_outcome.
*/
#ifndef FACTCROSS_PIPELINE_WEB_H
#define FACTCROSS_PIPELINE_WEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "factcross/fc.h"
#include "fetch/fetch.h"

/* ---- Reading URL sources from the cache --------------------------------- */

/* A copy older than this is stale (a warning): one week. */
#define FC_WEB_MAX_AGE ((int64_t)7 * 24 * 3600)

/*
** The text a source may give, by default: 4 MiB. What a source costs
** grows with its text (about 25 bytes a byte of news in verify, 125 for
** a hostile "1 1 1 ..." with a mention every two bytes, 210 for
** "1%1%1%...", where the normalizer's candidates take most), so this
** bounds the memory one source takes; the longest of 24,702 news
** articles measured has 25 KB of text.
*/
#define FC_SOURCE_MAX (4u << 20)

struct fc_web_opts {
	struct fc_cache *cache; /* borrowed; NULL: nothing is cached */
	int64_t now;            /* seconds since the epoch */
	int64_t max_age;        /* seconds; 0: copies never go stale */
	size_t max_source;      /* bytes of text a source may give (a
				   page's main text); 0: FC_SOURCE_MAX */
};

/*
** fc_verify() with the cache: a source with a `url:` reads the latest
** cached copy of its URL (the manifest's `file:`, when it has one, only
** when the URL has none). A URL source with no copy and no file is an
** FC_EINPUT error at its manifest entry, every such source reported; a
** copy whose last fetch failed or that is older than w->max_age is used
** with a warning naming the URL and the date of the copy. Afterwards,
** every URL with two or more cached versions gets doc->edits (the facts
** of its previous and latest version compared). w may be NULL (then this
** is fc_verify()).
*/
fc_status fc_verify_cached(const struct fc_rules *r, struct fc_corpus *c,
			   const struct fc_verify_opts *o,
			   const struct fc_web_opts *w, struct fc_diags *d);

/* ---- Fetching one URL --------------------------------------------------- */

enum fc_fetch_change {
	FC_FETCH_FIRST,   /* the first copy of the URL */
	FC_FETCH_SAME,    /* the same body as the cached copy (200 or 304) */
	FC_FETCH_CHANGED, /* a body that differs from the cached copy */
	FC_FETCH_FAILED,  /* the fetch failed: the error is in d, an earlier
			     copy (has_copy) is kept */
};

struct fc_fetch_outcome {
	enum fc_fetch_change change;
	bool is_not_modified; /* the server answered 304 */
	bool has_copy;        /* the cache holds a copy of the URL now */
	int64_t copy_fetched_at; /* when that copy was fetched */
	size_t body_len;      /* of that copy */
	size_t nversions;     /* distinct versions of the URL in the cache */
};

/*
** Fetch url (conditionally, against its latest cached copy), record the
** fetch in cache at time now, and describe the result in *out. A failed
** fetch returns its status (FC_ENET, FC_EINPUT for a URL that does not
** parse) with its error located at the URL in d, and *out says whether a
** copy is still there; FC_ESQL when the cache could not be written.
*/
fc_status fc_source_fetch(const struct fc_fetch_opts *o, struct fc_cache *cache,
			  const char *url, int64_t now,
			  struct fc_fetch_outcome *out, struct fc_diags *d);

/* ---- Stealth edits ------------------------------------------------------ */

enum fc_edit_kind { FC_EDIT_CHANGED, FC_EDIT_APPEARED, FC_EDIT_VANISHED };

/* One slot of an edited fact: its value before and after the edit. */
struct fc_edit_slot {
	const char *name;
	const char *before, *after;             /* canonical text; NULL when
						   the slot is absent */
	const char *before_label, *after_label; /* display text */
	bool is_changed; /* CHANGED: the values differ (else the slot is
			    shown for context) */
};

struct fc_edit {
	enum fc_edit_kind kind;
	const char *fact_kind; /* "call", "agreement", ... */
	uint32_t fact;         /* the fact of the latest version (index into
				  c->facts), FC_NONE for a vanished fact */
	const char *before_sentence, *after_sentence; /* NULL when none */
	enum fc_polarity before_polarity, after_polarity;
	struct fc_edit_slot *slots; /* every slot of either fact, the
				       latest fact's first */
	size_t nslots;
};

/*
** The page behind a URL source changed: its latest cached version
** against the most recent earlier version whose main text differs.
** Everything lives in the corpus arena. Edits are in the order of the
** facts (changed and appeared by the latest fact, vanished after them
** by the earlier fact).
*/
struct fc_edits {
	const char *url;
	char before_sha256[65], after_sha256[65]; /* of the two bodies */
	int64_t before_first_seen, before_last_seen; /* fetched_at of the */
	int64_t after_first_seen, after_last_seen;   /* versions' fetches */
	size_t nversions; /* distinct versions of the URL in the cache */
	struct fc_edit *v;
	size_t n;
};

/* Kind names: "changed", "appeared", "vanished". */
const char *fc_edit_kind_name(enum fc_edit_kind k);

/*
** "2026-01-16 09:30 UTC" for seconds since the epoch, into out (at least
** 24 bytes).
*/
void fc_web_time(int64_t t, char *out, size_t n);

#endif
