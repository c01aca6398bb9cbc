/*
** report_edits.c: stealth edits in the reports. For each URL source whose
** cached page changed (doc->edits, src/pipeline/edits.c): the two
** versions compared and every fact that changed, appeared or vanished,
** with its slots before and after and the sentences it stands in.
**
** Nothing is written when no source has edits. The Markdown and HTML
** writers pass their own escaping function, so source text is escaped
** exactly as in the rest of the report; errors stay in the buffer's
** sticky error.
*/
#include <string.h>
#include <time.h>

#include "pipeline/web.h"
#include "report/report_p.h"

#define NONE "\xE2\x80\x94" /* an em dash for an absent value */
#define ARROW " \xE2\x86\x92 "

static size_t nedited(const struct fc_corpus *c)
{
	size_t n = 0;
	for (size_t i = 0; c->docs && i < c->ndocs; i++)
		n += c->docs[i].edits != NULL;
	return n;
}

static void esc_str(struct fc_buf *b, fc_rep_esc_fn esc, const char *s)
{
	if (!s || !*s)
		fc_buf_adds(b, NONE);
	else
		esc(b, s, strlen(s));
}

static const char *fact_id(const struct fc_corpus *c, uint32_t i)
{
	const struct fc_fact *f = i == FC_NONE ? NULL : fc_rep_fact(c, i);
	return f ? f->id : NULL;
}

static size_t count_kind(const struct fc_edits *ed, enum fc_edit_kind k)
{
	size_t n = 0;
	for (size_t i = 0; i < ed->n; i++)
		n += ed->v[i].kind == k;
	return n;
}

/* A slot value for display: its label (the canonical text is in the
   JSON report). */
static void slot_value(struct fc_buf *b, fc_rep_esc_fn esc,
		       const char *label, const char *text)
{
	esc_str(b, esc, text && label ? label : text);
}

/* "date: 2026-01-16 → 2026-01-15; participants: Vladimir Putin, ...",
   the polarity when it changed or is negated. */
static void slots_line(struct fc_buf *b, fc_rep_esc_fn esc,
		       const struct fc_edit *e)
{
	for (size_t i = 0; i < e->nslots; i++) {
		const struct fc_edit_slot *s = &e->slots[i];
		fc_buf_adds(b, i ? "; " : "");
		esc_str(b, esc, s->name);
		fc_buf_adds(b, ": ");
		if (e->kind == FC_EDIT_VANISHED ||
		    (e->kind == FC_EDIT_CHANGED && s->is_changed))
			slot_value(b, esc, s->before_label, s->before);
		if (s->is_changed)
			fc_buf_adds(b, ARROW);
		if (e->kind != FC_EDIT_VANISHED)
			slot_value(b, esc, s->after_label, s->after);
	}
	if (e->kind == FC_EDIT_CHANGED &&
	    e->before_polarity != e->after_polarity)
		fc_buf_printf(b, "%spolarity: %s" ARROW "%s",
			      e->nslots ? "; " : "",
			      fc_rep_polarity_name(e->before_polarity),
			      fc_rep_polarity_name(e->after_polarity));
	else if (e->kind != FC_EDIT_CHANGED &&
		 (e->kind == FC_EDIT_VANISHED ? e->before_polarity
					      : e->after_polarity) ==
			 FC_POL_NEGATED)
		fc_buf_printf(b, "%snegated", e->nslots ? "; " : "");
}

static const char *kind_title(enum fc_edit_kind k)
{
	switch (k) {
	case FC_EDIT_CHANGED: return "Changed";
	case FC_EDIT_APPEARED: return "Appeared";
	case FC_EDIT_VANISHED: return "Vanished";
	}
	return "?";
}

/* "The copy fetched X differs from the one last fetched Y (N versions
   cached): a changed, b appeared, c vanished." */
static void versions_line(struct fc_buf *b, const struct fc_edits *ed)
{
	char after[32], before[32];
	fc_web_time(ed->after_first_seen, after, sizeof(after));
	fc_web_time(ed->before_last_seen, before, sizeof(before));
	fc_buf_printf(b, "The copy first fetched %s differs from the one last "
		      "fetched %s (%zu versions cached)",
		      after, before, ed->nversions);
	if (!ed->n) {
		fc_buf_adds(b, ": its main text changed, none of its facts.");
		return;
	}
	fc_buf_printf(b, ": %zu changed, %zu appeared, %zu vanished.",
		      count_kind(ed, FC_EDIT_CHANGED),
		      count_kind(ed, FC_EDIT_APPEARED),
		      count_kind(ed, FC_EDIT_VANISHED));
}

void fc_rep_edits_md(struct fc_buf *b, const struct fc_corpus *c,
		     fc_rep_esc_fn esc)
{
	size_t n = nedited(c);
	if (!n)
		return;
	fc_buf_printf(b, "## Stealth edits (%zu)\n\n", n);
	for (uint32_t i = 0; i < c->ndocs; i++) {
		const struct fc_edits *ed = c->docs[i].edits;
		if (!ed)
			continue;
		fc_buf_adds(b, "### ");
		esc_str(b, esc, fc_rep_source_id(c, i));
		fc_buf_adds(b, ": ");
		esc_str(b, esc, ed->url);
		fc_buf_adds(b, "\n\n");
		versions_line(b, ed);
		fc_buf_adds(b, "\n\n");
		for (size_t k = 0; k < ed->n; k++) {
			const struct fc_edit *e = &ed->v[k];
			const char *id = fact_id(c, e->fact);
			fc_buf_printf(b, "- **%s** ", kind_title(e->kind));
			esc_str(b, esc, e->fact_kind);
			if (id) {
				fc_buf_adds(b, ", fact ");
				esc_str(b, esc, id);
			}
			fc_buf_adds(b, ": ");
			slots_line(b, esc, e);
			fc_buf_adds(b, "\n");
			if (e->before_sentence) {
				fc_buf_adds(b, e->after_sentence
						       ? "  - Before: "
						       : "  - Sentence: ");
				esc_str(b, esc, e->before_sentence);
				fc_buf_adds(b, "\n");
			}
			if (e->after_sentence) {
				fc_buf_adds(b, e->before_sentence
						       ? "  - After: "
						       : "  - Sentence: ");
				esc_str(b, esc, e->after_sentence);
				fc_buf_adds(b, "\n");
			}
		}
		fc_buf_adds(b, "\n");
	}
}

static void html_sentence(struct fc_buf *b, fc_rep_esc_fn esc,
			  const char *s, const char *caption)
{
	fc_buf_adds(b, "<figure>\n<blockquote>");
	esc_str(b, esc, s);
	fc_buf_printf(b, "</blockquote>\n<figcaption>%s</figcaption>\n"
		      "</figure>\n", caption);
}

void fc_rep_edits_html(struct fc_buf *b, const struct fc_corpus *c,
		       fc_rep_esc_fn esc)
{
	size_t n = nedited(c);
	if (!n)
		return;
	fc_buf_printf(b, "<section id=\"edits\" aria-labelledby=\"h-edits\">\n"
		      "<h2 id=\"h-edits\">Stealth edits <span class=\"small\">"
		      "(%zu)</span></h2>\n", n);
	for (uint32_t i = 0; i < c->ndocs; i++) {
		const struct fc_edits *ed = c->docs[i].edits;
		if (!ed)
			continue;
		fc_buf_printf(b, "<article class=\"s-variant\" id=\"edits-%u\">"
			      "\n<h3><code>", i + 1);
		esc_str(b, esc, fc_rep_source_id(c, i));
		fc_buf_adds(b, "</code> <code>");
		esc_str(b, esc, ed->url);
		fc_buf_adds(b, "</code></h3>\n<p class=\"meta\">");
		versions_line(b, ed);
		fc_buf_adds(b, "</p>\n");
		if (ed->n)
			fc_buf_adds(b, "<ul class=\"values\">\n");
		for (size_t k = 0; k < ed->n; k++) {
			const struct fc_edit *e = &ed->v[k];
			const char *id = fact_id(c, e->fact);
			fc_buf_printf(b, "<li>\n<p><strong>%s</strong> ",
				      kind_title(e->kind));
			esc_str(b, esc, e->fact_kind);
			if (id) {
				fc_buf_adds(b, ", fact <code>");
				esc_str(b, esc, id);
				fc_buf_adds(b, "</code>");
			}
			fc_buf_adds(b, ": ");
			slots_line(b, esc, e);
			fc_buf_adds(b, "</p>\n");
			if (e->before_sentence)
				html_sentence(b, esc, e->before_sentence,
					      e->after_sentence ? "before"
								: "earlier "
								  "version");
			if (e->after_sentence)
				html_sentence(b, esc, e->after_sentence,
					      e->before_sentence ? "after"
								 : "latest "
								   "version");
			fc_buf_adds(b, "</li>\n");
		}
		if (ed->n)
			fc_buf_adds(b, "</ul>\n");
		fc_buf_adds(b, "</article>\n");
	}
	fc_buf_adds(b, "</section>\n");
}

/* ISO 8601 in UTC: "2026-01-16T09:30:00Z". */
static void json_time(struct fc_jw *w, int64_t t)
{
	char s[32];
	struct tm tm;
	time_t tt = (time_t)t;
	if (!gmtime_r(&tt, &tm) ||
	    !strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm)) {
		fc_jw_int(w, t);
		return;
	}
	fc_jw_str(w, s);
}

static void json_version(struct fc_jw *w, const char *sha256,
			 int64_t first, int64_t last)
{
	fc_jw_obj(w);
	fc_jw_key(w, "sha256");
	fc_jw_str(w, sha256);
	fc_jw_key(w, "first_fetched");
	json_time(w, first);
	fc_jw_key(w, "last_fetched");
	json_time(w, last);
	fc_jw_obj_end(w);
}

static void json_side(struct fc_jw *w, const char *sentence,
		      enum fc_polarity p)
{
	if (!sentence) {
		fc_jw_null(w);
		return;
	}
	fc_jw_obj(w);
	fc_jw_key(w, "polarity");
	fc_jw_str(w, fc_rep_polarity_name(p));
	fc_jw_key(w, "sentence");
	fc_jw_str(w, sentence);
	fc_jw_obj_end(w);
}

static void json_edit(struct fc_jw *w, const struct fc_corpus *c,
		      const struct fc_edit *e)
{
	fc_jw_obj(w);
	fc_jw_key(w, "change");
	fc_jw_str(w, fc_edit_kind_name(e->kind));
	fc_jw_key(w, "kind");
	fc_jw_str(w, e->fact_kind);
	fc_jw_key(w, "fact");
	fc_jw_str(w, fact_id(c, e->fact));
	fc_jw_key(w, "slots");
	fc_jw_arr(w);
	for (size_t i = 0; i < e->nslots; i++) {
		fc_jw_obj(w);
		fc_jw_key(w, "name");
		fc_jw_str(w, e->slots[i].name);
		fc_jw_key(w, "before");
		fc_jw_str(w, e->slots[i].before);
		fc_jw_key(w, "after");
		fc_jw_str(w, e->slots[i].after);
		fc_jw_key(w, "changed");
		fc_jw_bool(w, e->slots[i].is_changed);
		fc_jw_obj_end(w);
	}
	fc_jw_arr_end(w);
	fc_jw_key(w, "before");
	json_side(w, e->before_sentence, e->before_polarity);
	fc_jw_key(w, "after");
	json_side(w, e->after_sentence, e->after_polarity);
	fc_jw_obj_end(w);
}

void fc_rep_edits_json(struct fc_jw *w, const struct fc_corpus *c)
{
	if (!nedited(c))
		return;
	fc_jw_key(w, "edits");
	fc_jw_arr(w);
	for (uint32_t i = 0; i < c->ndocs; i++) {
		const struct fc_edits *ed = c->docs[i].edits;
		if (!ed)
			continue;
		fc_jw_obj(w);
		fc_jw_key(w, "source");
		fc_jw_str(w, fc_rep_source_id(c, i));
		fc_jw_key(w, "url");
		fc_jw_str(w, ed->url);
		fc_jw_key(w, "versions");
		fc_jw_int(w, (int64_t)ed->nversions);
		fc_jw_key(w, "before");
		json_version(w, ed->before_sha256, ed->before_first_seen,
			     ed->before_last_seen);
		fc_jw_key(w, "after");
		json_version(w, ed->after_sha256, ed->after_first_seen,
			     ed->after_last_seen);
		fc_jw_key(w, "changes");
		fc_jw_arr(w);
		for (size_t k = 0; k < ed->n; k++)
			json_edit(w, c, &ed->v[k]);
		fc_jw_arr_end(w);
		fc_jw_obj_end(w);
	}
	fc_jw_arr_end(w);
}
