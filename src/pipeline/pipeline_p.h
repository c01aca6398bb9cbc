/*
** pipeline_p.h: private to src/pipeline (source.c, edits.c, verify.c).
*/
#ifndef FACTCROSS_PIPELINE_P_H
#define FACTCROSS_PIPELINE_P_H

#include "pipeline/web.h"
#include "stages.h"

/* What an HTML page says about itself (arena strings, or NULL). */
struct web_page {
	bool is_html;          /* the text is a page's main text */
	const char *title;
	const char *published; /* YYYY-MM-DD */
	const char *canonical_url;
};

/*
** The main text of body[0, len): an HTML page (is_html) through
** fc_html_extract (name: its URL or path, for diagnostics and relative
** links; content_type: the HTTP header or NULL), any other text as it
** is. *text is NUL-terminated, in a.
*/
fc_status web_main_text(const struct fc_rules *r, struct fc_arena *a,
			const char *body, size_t len, const char *name,
			const char *content_type, bool is_html, char **text,
			size_t *text_len, struct web_page *page,
			struct fc_diags *d);

/* Is a body of this Content-Type (or, without one, these bytes) HTML? */
bool web_is_html(const char *content_type, const char *body, size_t len);

/*
** Read doc->src into doc: doc->raw (the main text of an HTML source, the
** bytes otherwise) and doc->sha256 (of the bytes as read or fetched).
** Inline text, a file, or the latest cached copy of a URL (w may be NULL:
** no cache). *page says whether it was HTML and what the page said.
*/
fc_status web_read_source(const struct fc_rules *r, struct fc_corpus *c,
			  struct fc_document *doc, const struct fc_web_opts *w,
			  struct web_page *page, struct fc_diags *d);

/*
** Stealth edits (edits.c): set doc->edits for every URL source with two
** or more cached versions whose main text differs. Runs after the facts
** stage. A version that cannot be compared is a warning, never fatal.
*/
fc_status web_edits(const struct fc_rules *r, struct fc_corpus *c,
		    const struct fc_web_opts *w, struct fc_diags *d);

#endif
