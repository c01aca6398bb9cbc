/*
** write_doc.c: the check report for people, as Markdown and as one
** self-contained HTML file (inline CSS, no scripts, a CSP that allows
** nothing else). Claims are grouped by status, the failing ones first;
** each shows its place in DOC, its text, the verdict and the corpus
** sentences behind it. Every string from DOC or the corpus is escaped.
*/
#include <string.h>

#include "checkdoc/checkdoc_p.h"

static const enum fc_claim_status order[3] = {
	FC_CLAIM_CONTRADICTED, FC_CLAIM_UNSUPPORTED, FC_CLAIM_SUPPORTED};

static const char *title_of(enum fc_claim_status s)
{
	static const char *const t[] = {"Supported", "Unsupported",
					"Contradicted"};
	return (size_t)s < 3 ? t[s] : "Unsupported";
}

/* ---- Markdown ------------------------------------------------------------ */

static void md_header(const struct fc_checkdoc *cd,
		      enum fc_claim_status fail_on, struct fc_buf *b)
{
	size_t nfail = fc_checkdoc_nfailing(cd, fail_on);
	fc_buf_adds(b, "# Check of ");
	cd_esc_md(b, cd->name);
	fc_buf_adds(b, "\n\nAgainst ");
	cd_esc_md(b, cd->corpus->name);
	const char *cname = cd->corpus->name ? cd->corpus->name : "";
	if (cd->against && strcmp(cd->against, cname)) {
		fc_buf_adds(b, " (");
		cd_esc_md(b, cd->against);
		fc_buf_adds(b, ")");
	}
	fc_buf_adds(b, " · reference date ");
	cd_esc_md(b, cd->reference_date ? cd->reference_date : "none");
	fc_buf_printf(b, " · %zu sentences, %zu claims · fails on %s\n\n",
		      cd->nsentences, cd->nclaims,
		      fc_claim_status_name(fail_on));
	fc_buf_printf(b, "**Result:** %s: %zu contradicted, %zu unsupported, "
			 "%zu supported\n",
		      nfail ? "FAIL" : "PASS",
		      cd->counts[FC_CLAIM_CONTRADICTED],
		      cd->counts[FC_CLAIM_UNSUPPORTED],
		      cd->counts[FC_CLAIM_SUPPORTED]);
}

static void md_claim(struct fc_arena *a, const struct fc_checkdoc *cd,
		     const struct fc_claim *cl, struct fc_buf *b)
{
	fc_buf_printf(b, "\n### Line %u, column %u\n\n> ", (unsigned)cl->line,
		      (unsigned)cl->column);
	cd_esc_md(b, cl->text);
	fc_buf_adds(b, "\n\n");
	cd_esc_md(b, cl->message);
	fc_buf_adds(b, "\n");
	if (!cl->nevidence)
		return;
	fc_buf_adds(b, "\n");
	for (size_t k = 0; k < cl->nevidence; k++) {
		const struct fc_evidence *e = &cl->evidence[k];
		fc_buf_adds(b, e->is_supporting ? "- supports: "
						: "- contradicts: ");
		cd_esc_md(b, cd_source_id(cd->corpus, e->doc));
		if (e->line)
			fc_buf_printf(b, " (line %u)", (unsigned)e->line);
		fc_buf_adds(b, ": ");
		cd_esc_md(b, cd_evidence_text(a, cd->corpus, e));
		fc_buf_adds(b, "\n");
	}
}

void cd_write_md(const struct fc_checkdoc *cd, enum fc_claim_status fail_on,
		 struct fc_buf *b)
{
	struct fc_arena a;
	fc_arena_init(&a);
	md_header(cd, fail_on, b);
	for (int k = 0; k < 3; k++) {
		enum fc_claim_status s = order[k];
		if (!cd->counts[s])
			continue;
		fc_buf_printf(b, "\n## %s (%zu)\n", title_of(s), cd->counts[s]);
		for (size_t i = 0; i < cd->nclaims; i++)
			if (cd->claims[i].status == s)
				md_claim(&a, cd, &cd->claims[i], b);
	}
	if (!cd->nclaims)
		fc_buf_adds(b, "\nNo claims: no sentence of the document matches "
			       "a claim pattern.\n");
	fc_arena_finish(&a);
}

/* ---- HTML ---------------------------------------------------------------- */

static const char css[] =
	":root{--fg:#1b1b1f;--muted:#55575e;--bg:#fff;--card:#f6f7f9;"
	"--line:#d5d8de;--contradicted:#b3261e;--unsupported:#7a5200;"
	"--supported:#1d6b3a}\n"
	"@media (prefers-color-scheme:dark){:root{--fg:#e8e8ec;"
	"--muted:#a9acb5;--bg:#141518;--card:#1f2126;--line:#3a3d45}}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0 auto;max-width:60rem;padding:1rem;color:var(--fg);"
	"background:var(--bg);font:16px/1.5 system-ui,sans-serif;"
	"overflow-wrap:anywhere}\n"
	"h1{font-size:1.6rem;margin:.5rem 0}\n"
	"h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid "
	"var(--line)}\n"
	"h3{font-size:1rem;margin:0 0 .5rem}\n"
	".meta,.small{color:var(--muted);font-size:.9rem}\n"
	"article{background:var(--card);border:1px solid var(--line);"
	"border-left:.4rem solid var(--line);border-radius:.4rem;"
	"padding:.75rem 1rem;margin:0 0 1rem}\n"
	"article.contradicted{border-left-color:var(--contradicted)}\n"
	"article.unsupported{border-left-color:var(--unsupported)}\n"
	"article.supported{border-left-color:var(--supported)}\n"
	".badge{display:inline-block;padding:0 .5rem;border-radius:.3rem;"
	"color:#fff;font-size:.8rem;font-weight:600;text-transform:uppercase}"
	"\n"
	".b-contradicted{background:var(--contradicted)}\n"
	".b-unsupported{background:var(--unsupported)}\n"
	".b-supported{background:var(--supported)}\n"
	"blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid "
	"var(--line)}\n"
	"ul{padding-left:1.2rem}\n";

static void html_claim(struct fc_arena *a, const struct fc_checkdoc *cd,
		       const struct fc_claim *cl, size_t idx,
		       enum fc_claim_status fail_on, struct fc_buf *b)
{
	const char *s = fc_claim_status_name(cl->status);
	fc_buf_printf(b, "<article class=\"%s\" id=\"claim-%zu\">\n", s,
		      idx + 1);
	fc_buf_printf(b, "<h3><span class=\"badge b-%s\">%s</span> Line %u, "
			 "column %u%s</h3>\n",
		      s, s, (unsigned)cl->line, (unsigned)cl->column,
		      cl->status >= fail_on ? " (fails)" : "");
	fc_buf_adds(b, "<blockquote>");
	cd_esc_xml(b, cl->text);
	fc_buf_adds(b, "</blockquote>\n<p>");
	cd_esc_xml(b, cl->message);
	fc_buf_adds(b, "</p>\n");
	if (cl->nevidence) {
		fc_buf_adds(b, "<ul>\n");
		for (size_t k = 0; k < cl->nevidence; k++) {
			const struct fc_evidence *e = &cl->evidence[k];
			fc_buf_printf(b, "<li><span class=\"small\">%s ",
				      e->is_supporting ? "supports"
						       : "contradicts");
			cd_esc_xml(b, cd_source_id(cd->corpus, e->doc));
			if (e->line)
				fc_buf_printf(b, ", line %u", (unsigned)e->line);
			fc_buf_adds(b, ":</span> ");
			cd_esc_xml(b, cd_evidence_text(a, cd->corpus, e));
			fc_buf_adds(b, "</li>\n");
		}
		fc_buf_adds(b, "</ul>\n");
	}
	fc_buf_adds(b, "</article>\n");
}

void cd_write_html(const struct fc_checkdoc *cd,
		   enum fc_claim_status fail_on, struct fc_buf *b)
{
	struct fc_arena a;
	fc_arena_init(&a);
	size_t nfail = fc_checkdoc_nfailing(cd, fail_on);
	fc_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		       "<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, "
		       "initial-scale=1\">\n"
		       "<meta http-equiv=\"Content-Security-Policy\" "
		       "content=\"default-src 'none'; style-src "
		       "'unsafe-inline'\">\n<title>Check of ");
	cd_esc_xml(b, cd->name);
	fc_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		      css);
	fc_buf_adds(b, "<header>\n<h1>Check of ");
	cd_esc_xml(b, cd->name);
	fc_buf_adds(b, "</h1>\n<p class=\"meta\">Against ");
	cd_esc_xml(b, cd->corpus->name);
	fc_buf_adds(b, " · reference date ");
	cd_esc_xml(b, cd->reference_date ? cd->reference_date : "none");
	fc_buf_printf(b, " · %zu sentences, %zu claims · fails on %s</p>\n",
		      cd->nsentences, cd->nclaims,
		      fc_claim_status_name(fail_on));
	fc_buf_printf(b, "<p><strong>%s:</strong> %zu contradicted, %zu "
			 "unsupported, %zu supported</p>\n</header>\n<main>\n",
		      nfail ? "FAIL" : "PASS",
		      cd->counts[FC_CLAIM_CONTRADICTED],
		      cd->counts[FC_CLAIM_UNSUPPORTED],
		      cd->counts[FC_CLAIM_SUPPORTED]);
	for (int k = 0; k < 3; k++) {
		enum fc_claim_status s = order[k];
		if (!cd->counts[s])
			continue;
		fc_buf_printf(b, "<section id=\"%s\">\n<h2>%s (%zu)</h2>\n",
			      fc_claim_status_name(s), title_of(s),
			      cd->counts[s]);
		for (size_t i = 0; i < cd->nclaims; i++)
			if (cd->claims[i].status == s)
				html_claim(&a, cd, &cd->claims[i], i, fail_on,
					   b);
		fc_buf_adds(b, "</section>\n");
	}
	if (!cd->nclaims)
		fc_buf_adds(b, "<p>No claims: no sentence of the document "
			       "matches a claim pattern.</p>\n");
	fc_buf_adds(b, "</main>\n</body>\n</html>\n");
	fc_arena_finish(&a);
}
