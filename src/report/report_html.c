/*
** report_html.c: the HTML report, one self-contained file. Inline CSS,
** no scripts, no external resources, a Content-Security-Policy that
** forbids everything but inline styles. Semantic markup: header, nav
** with counts per status, a sources table, one section per status with
** an article per finding. Badges carry colour and text, the layout is
** one column on a phone and prints without the nav. The sources section
** draws the sources by independent group and their dependence as an
** inline SVG (report_indep.c) and lists every dependent pair; each
** finding names its sources by independent group with their outlets. A
** variant quote's versions show their words against the first version
** (<del>, <ins>); a fragment of a longer version carries a partial badge.
**
** Every source-derived string goes through html_textn: & < > " ' become
** entities, invalid UTF-8 and control characters become U+FFFD. Element
** ids are built from indexes, never from source text.
*/
#include <string.h>

#include "core/wdiff.h"
#include "report/report_p.h"

#define HTML_NONE "\xE2\x80\x94" /* an em dash for a missing value */

static const char css[] =
	":root{--fg:#1b1b1f;--muted:#55575e;--bg:#fff;--card:#f6f7f9;"
	"--line:#d5d8de;--mark:#fff1a8;--del:#fbdcd9;--ins:#d4f0dc;"
	"--contradicted:#b3261e;--corroborated:#1d6b3a;"
	"--single-source:#7a5200;--variant:#4a3aa8}\n"
	"@media (prefers-color-scheme:dark){:root{--fg:#e8e8ec;"
	"--muted:#a9acb5;--bg:#141518;--card:#1f2126;--line:#3a3d45;"
	"--mark:#6b5a00;--del:#5c2320;--ins:#1d4a2c}}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0 auto;max-width:60rem;padding:1rem;color:var(--fg);"
	"background:var(--bg);font:16px/1.5 system-ui,-apple-system,"
	"\"Segoe UI\",Roboto,sans-serif;overflow-wrap:anywhere}\n"
	"h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}\n"
	"h2{font-size:1.3rem;margin:2rem 0 .75rem;padding-bottom:.25rem;"
	"border-bottom:2px solid var(--line)}\n"
	"h3{font-size:1.05rem;margin:0 0 .5rem}\n"
	".meta,figcaption,.small{color:var(--muted);font-size:.9rem}\n"
	"nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;"
	"padding:0;margin:1rem 0}\n"
	"nav a,nav .empty{display:inline-flex;align-items:center;gap:.4rem;"
	"padding:.3rem .6rem;border:1px solid var(--line);border-radius:"
	"2rem;color:inherit;text-decoration:none}\n"
	"nav .empty{opacity:.6}\n"
	".badge{display:inline-block;padding:.05rem .5rem;border-radius:"
	".3rem;color:#fff;font-size:.8rem;font-weight:600;"
	"letter-spacing:.02em;text-transform:uppercase;border:1px solid "
	"transparent;-webkit-print-color-adjust:exact;"
	"print-color-adjust:exact;white-space:nowrap}\n"
	".b-contradicted{background:var(--contradicted)}\n"
	".b-corroborated{background:var(--corroborated)}\n"
	".b-single-source{background:var(--single-source)}\n"
	".b-variant{background:var(--variant)}\n"
	".b-negated{background:#444}\n"
	".b-partial{background:var(--muted)}\n"
	"del{background:var(--del);color:inherit}\n"
	"del,ins{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"ins{background:var(--ins);color:inherit;text-decoration:none;"
	"font-weight:600}\n"
	".diff{margin:.25rem 0 .5rem}\n"
	".deps{display:block;width:100%;max-width:30rem;height:auto;"
	"margin:.5rem 0}\n"
	".deps text{fill:var(--fg);font-size:12px;font-family:system-ui,"
	"sans-serif}\n"
	".deps .gh{fill:var(--muted);font-size:11px}\n"
	".deps .el{font-size:10.5px}\n"
	".deps .box{fill:var(--card);stroke:var(--line)}\n"
	".deps .node{fill:var(--fg)}\n"
	".deps .edge{fill:none;stroke-width:1.5}\n"
	".e-declared{stroke:var(--variant)}\n"
	".e-wire{stroke:var(--contradicted);stroke-dasharray:6 3}\n"
	".e-reuse{stroke:var(--single-source);stroke-dasharray:2 2}\n"
	".e-canonical{stroke:var(--corroborated);stroke-dasharray:8 2 2 2}\n"
	".table-wrap{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
	"th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;"
	"border-bottom:1px solid var(--line);overflow-wrap:normal}\n"
	"td code{overflow-wrap:anywhere}\n"
	"td[data-label=Published]{white-space:nowrap}\n"
	"article{background:var(--card);border:1px solid var(--line);"
	"border-left:.4rem solid var(--line);border-radius:.4rem;"
	"padding:.75rem 1rem;margin:0 0 1rem}\n"
	"article.s-contradicted{border-left-color:var(--contradicted)}\n"
	"article.s-corroborated{border-left-color:var(--corroborated)}\n"
	"article.s-single-source{border-left-color:var(--single-source)}\n"
	"article.s-variant{border-left-color:var(--variant)}\n"
	"dl{display:grid;grid-template-columns:max-content 1fr;"
	"gap:.1rem .75rem;margin:.5rem 0;font-size:.9rem}\n"
	"dt{color:var(--muted)}dd{margin:0}\n"
	".values{list-style:none;padding:0;margin:.5rem 0 0}\n"
	".values>li{border-top:1px solid var(--line);padding-top:.5rem;"
	"margin-top:.5rem}\n"
	"figure{margin:.5rem 0 .75rem}\n"
	"blockquote{margin:0;padding:.25rem .75rem;border-left:3px solid "
	"var(--line)}\n"
	"mark{background:var(--mark);color:inherit;padding:0 .1rem}\n"
	"code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"
	"monospace;font-size:.85em}\n"
	"footer{margin-top:2rem;color:var(--muted);font-size:.85rem}\n"
	"@media (max-width:40rem){body{padding:.75rem;font-size:15px}"
	"article{padding:.6rem .75rem}"
	"table,tbody,tr,th,td{display:block}thead{display:none}"
	"tr{border-bottom:1px solid var(--line);padding:.4rem 0}"
	"th,td{border:0;padding:.1rem 0}"
	"td::before{content:attr(data-label) \": \";color:var(--muted)}}\n"
	"@media print{nav{display:none}body{max-width:none;padding:0;"
	"font-size:11pt;color:#000;background:#fff}article{background:"
	"none}figure,dl,tr{break-inside:avoid}"
	"h2,h3,.values>li>p{break-after:avoid}"
	".table-wrap{overflow:visible}"
	"a{color:inherit;text-decoration:none}}\n";

/* Escape n bytes of source text for HTML text and attribute values. */
static void html_textn(struct fc_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && p[run] >= 0x20 && p[run] < 0x7F &&
		       p[run] != '&' && p[run] != '<' && p[run] != '>' &&
		       p[run] != '"' && p[run] != '\'')
			run++;
		if (run > i) {
			fc_buf_add(b, p + i, run - i);
			i = run;
			continue;
		}
		size_t skip;
		size_t k = fc_rep_text_char(p + i, n - i, &skip);
		if (!k) {
			fc_buf_adds(b, FC_REP_REPLACEMENT);
			i += skip;
			continue;
		}
		switch (p[i]) {
		case '&': fc_buf_adds(b, "&amp;"); break;
		case '<': fc_buf_adds(b, "&lt;"); break;
		case '>': fc_buf_adds(b, "&gt;"); break;
		case '"': fc_buf_adds(b, "&quot;"); break;
		case '\'': fc_buf_adds(b, "&#39;"); break;
		default: fc_buf_add(b, p + i, k); break;
		}
		i += k;
	}
}

static void html_text(struct fc_buf *b, const char *s)
{
	if (!s || !*s) {
		fc_buf_adds(b, HTML_NONE);
		return;
	}
	html_textn(b, s, strlen(s));
}

static size_t count_status(const struct fc_corpus *c,
			   enum fc_finding_status st)
{
	size_t n = 0;
	for (size_t i = 0; c->findings && i < c->nfindings; i++)
		n += c->findings[i].status == st;
	return n;
}

static size_t ndocs(const struct fc_corpus *c)
{
	return c->docs && c->ndocs ? c->ndocs : c->nsources;
}

static void badge(struct fc_buf *b, enum fc_finding_status st)
{
	fc_buf_printf(b, "<span class=\"badge b-%s\">%s</span>",
		      fc_finding_status_name(st), fc_rep_status_title(st));
}

static void html_head(struct fc_buf *b, const struct fc_corpus *c)
{
	const char *title = c->title ? c->title : c->name;
	fc_buf_adds(b,
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\""
		"default-src 'none'; style-src 'unsafe-inline'\">\n"
		"<meta name=\"referrer\" content=\"no-referrer\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, "
		"initial-scale=1\">\n"
		"<meta name=\"generator\" content=\"factcross\">\n<title>");
	html_text(b, title);
	fc_buf_adds(b, " \xE2\x80\x94 factcross report</title>\n<style>\n");
	fc_buf_adds(b, css);
	fc_buf_adds(b, "</style>\n</head>\n<body>\n<header>\n"
		       "<p class=\"meta\">factcross verification report</p>\n"
		       "<h1>");
	html_text(b, title);
	fc_buf_adds(b, "</h1>\n<p class=\"meta\">Corpus <code>");
	html_text(b, c->name);
	fc_buf_adds(b, "</code> \xC2\xB7 reference date ");
	html_text(b, c->reference_date);
	fc_buf_printf(b, " \xC2\xB7 %zu sources \xC2\xB7 %zu facts \xC2\xB7 "
		      "%zu findings</p>\n</header>\n", ndocs(c),
		      c->facts ? c->nfacts : 0,
		      c->findings ? c->nfindings : 0);

	fc_buf_printf(b, "<nav aria-label=\"Report sections\">\n<ul>\n"
		      "<li><a href=\"#sources\">Sources <span>%zu</span></a>"
		      "</li>\n", ndocs(c));
	for (size_t i = 0; i < 4; i++) {
		enum fc_finding_status st = fc_rep_status_order[i];
		size_t n = count_status(c, st);
		if (n)
			fc_buf_printf(b, "<li><a href=\"#%s\">",
				      fc_finding_status_name(st));
		else
			fc_buf_adds(b, "<li><span class=\"empty\">");
		badge(b, st);
		fc_buf_printf(b, " <span>%zu</span></%s></li>\n", n,
			      n ? "a" : "span");
	}
	fc_buf_adds(b, "</ul>\n</nav>\n<main>\n");
}

#define HTML_MAX_DEPS 500 /* rows of the dependence table (JSON: all) */

/* A source id with its outlet: <code>000</code> i24NEWS. */
static void html_source_outlet(struct fc_buf *b, const struct fc_corpus *c,
			       uint32_t di)
{
	const struct fc_source *s = fc_rep_source(c, di);
	fc_buf_adds(b, "<code>");
	html_text(b, fc_rep_source_id(c, di));
	fc_buf_adds(b, "</code>");
	if (s && s->outlet && *s->outlet) {
		fc_buf_adds(b, " ");
		html_text(b, s->outlet);
	}
}

/* The drawing of the sources by independent group, then every dependent
** pair with its evidence. */
static fc_status html_independence(struct fc_buf *b, struct fc_arena *a,
				   const struct fc_corpus *c)
{
	size_t n = ndocs(c);
	fc_buf_printf(b, "<h3>Independent groups <span class=\"small\">(%zu)"
		      "</span></h3>\n<figure>\n",
		      c->ngroups > 0 ? (size_t)c->ngroups : n);
	fc_rep_deps_svg(b, a, c, n, html_textn);
	fc_buf_adds(b, "<figcaption>Sources in one box are one independent "
		       "source; lines join sources found dependent, labelled "
		       "by the reason (declared, wire, reuse with its "
		       "similarity, canonical).</figcaption>\n</figure>\n");
	size_t nd = c->deps ? c->ndeps : 0;
	if (!nd)
		return b->err;
	fc_buf_adds(b, "<div class=\"table-wrap\">\n<table>\n<thead><tr>"
		       "<th scope=\"col\">Sources</th><th scope=\"col\">Reason"
		       "</th><th scope=\"col\">Similarity</th>"
		       "<th scope=\"col\">Detail</th></tr></thead>\n<tbody>\n");
	for (size_t k = 0; k < nd && k < HTML_MAX_DEPS; k++) {
		const struct fc_dependence *p = &c->deps[k];
		fc_buf_adds(b, "<tr><th scope=\"row\">");
		html_source_outlet(b, c, p->a);
		fc_buf_adds(b, " \xE2\x80\x94 ");
		html_source_outlet(b, c, p->b);
		fc_buf_printf(b, "</th><td data-label=\"Reason\">%s</td>"
			      "<td data-label=\"Similarity\">",
			      fc_rep_dep_reason_name(p->reason));
		if (p->reason == FC_DEP_REUSE)
			fc_buf_printf(b, "%.2f", p->similarity);
		else
			fc_buf_adds(b, HTML_NONE);
		fc_buf_adds(b, "</td><td data-label=\"Detail\">");
		html_text(b, p->detail);
		fc_buf_adds(b, "</td></tr>\n");
	}
	fc_buf_adds(b, "</tbody>\n</table>\n</div>\n");
	if (nd > HTML_MAX_DEPS)
		fc_buf_printf(b, "<p class=\"small\">The first %d of %zu "
			      "dependent pairs; the JSON report lists all."
			      "</p>\n",
			      HTML_MAX_DEPS, nd);
	return b->err;
}

static fc_status html_sources(struct fc_buf *b, struct fc_arena *a,
			      const struct fc_corpus *c)
{
	fc_buf_adds(b,
		"<section id=\"sources\" aria-labelledby=\"h-sources\">\n"
		"<h2 id=\"h-sources\">Sources</h2>\n<div class=\"table-wrap\">"
		"\n<table>\n<thead><tr><th scope=\"col\">Source</th>"
		"<th scope=\"col\">Outlet</th><th scope=\"col\">Published</th>"
		"<th scope=\"col\">Independent group</th>"
		"<th scope=\"col\">Title</th><th scope=\"col\">Path</th>"
		"</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < ndocs(c); i++) {
		uint32_t di = (uint32_t)i;
		const struct fc_source *s = fc_rep_source(c, di);
		const struct fc_document *doc = fc_rep_doc(c, di);
		fc_buf_adds(b, "<tr><th scope=\"row\"><code>");
		html_text(b, fc_rep_source_id(c, di));
		fc_buf_adds(b, "</code></th><td data-label=\"Outlet\">");
		html_text(b, s ? s->outlet : NULL);
		fc_buf_adds(b, "</td><td data-label=\"Published\">");
		html_text(b, fc_rep_published(c, di));
		fc_buf_printf(b, "</td><td data-label=\"Independent group\">%d"
			      "</td><td data-label=\"Title\">",
			      doc ? (int)doc->independent_group : (int)i);
		html_text(b, doc ? doc->title : NULL);
		fc_buf_adds(b, "</td><td data-label=\"Path\"><code>");
		html_text(b, fc_rep_path(c, di));
		fc_buf_adds(b, "</code></td></tr>\n");
	}
	fc_buf_adds(b, "</tbody>\n</table>\n</div>\n");
	fc_status st = html_independence(b, a, c);
	fc_buf_adds(b, "</section>\n");
	return st;
}

static void html_source_list(struct fc_buf *b, const struct fc_corpus *c,
			     const uint32_t *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		if (i)
			fc_buf_adds(b, ", ");
		fc_buf_adds(b, "<code>");
		html_text(b, fc_rep_source_id(c, v[i]));
		fc_buf_adds(b, "</code>");
	}
	if (!v || !n)
		fc_buf_adds(b, HTML_NONE);
}

/* A fact's sentence with the matched span in <mark>, then whence. */
static void html_fact(struct fc_buf *b, const struct fc_corpus *c,
		      const struct fc_fact *f)
{
	const struct fc_document *doc = fc_rep_doc(c, f->doc);
	const struct fc_source *src = fc_rep_source(c, f->doc);
	uint32_t s, e, ms, me;
	fc_buf_adds(b, "<figure>\n<blockquote>");
	if (doc && doc->text && fc_rep_fact_sentence(c, f, &s, &e) && e > s) {
		fc_rep_mark_span(doc->text, s, e, f->start, f->end, &ms, &me);
		if (me > ms) {
			html_textn(b, doc->text + s, ms - s);
			fc_buf_adds(b, "<mark>");
			html_textn(b, doc->text + ms, me - ms);
			fc_buf_adds(b, "</mark>");
			html_textn(b, doc->text + me, e - me);
		} else {
			html_textn(b, doc->text + s, e - s);
		}
	} else {
		fc_buf_adds(b, HTML_NONE);
	}
	fc_buf_adds(b, "</blockquote>\n<figcaption>\xE2\x80\x94 <cite><code>");
	html_text(b, fc_rep_source_id(c, f->doc));
	fc_buf_adds(b, "</code>");
	if (src && src->outlet && *src->outlet) {
		fc_buf_adds(b, " \xC2\xB7 ");
		html_text(b, src->outlet);
	}
	fc_buf_adds(b, "</cite>, fact <code>");
	html_text(b, f->id);
	fc_buf_adds(b, "</code>");
	if (f->polarity == FC_POL_NEGATED)
		fc_buf_adds(b, " <span class=\"badge b-negated\">negated"
			       "</span>");
	if (f->modality != FC_MODAL_FACTUAL) {
		fc_buf_adds(b, ", ");
		fc_buf_adds(b, fc_rep_modality_name(f->modality));
	}
	/* (the source's label, or without one the words themselves:
	** "police said", "according to the statement": no "according
	** to" of ours before them) */
	if (f->attribution && *f->attribution) {
		fc_buf_adds(b, ", attribution: ");
		html_text(b, f->attribution);
	}
	fc_buf_adds(b, "</figcaption>\n</figure>\n");
}

/* The words of version var against ref in <del> and <ins>. */
static fc_status html_diff(struct fc_buf *b, struct fc_arena *a,
			   const char *ref, const char *var)
{
	struct fc_rep_diff d;
	if (!fc_rep_word_diff(a, ref, var, &d))
		return FC_ENOMEM;
	fc_buf_adds(b, "<p class=\"diff\"><span class=\"small\">Against the "
		       "first version:</span> ");
	for (size_t i = 0; i < d.nruns; i++) {
		const struct fc_rep_drun *r = &d.runs[i];
		const char *tag = r->op == FC_REP_DEL	? "del"
				  : r->op == FC_REP_INS ? "ins"
							: NULL;
		fc_buf_adds(b, i ? " " : "");
		if (tag)
			fc_buf_printf(b, "<%s>", tag);
		html_textn(b, r->text + r->start, r->end - r->start);
		if (tag)
			fc_buf_printf(b, "</%s>", tag);
	}
	if (d.is_capped)
		fc_buf_printf(b, " <span class=\"small\">(the first %d words "
			      "compared)</span>",
			      FC_WD_MAX_WORDS);
	fc_buf_adds(b, "</p>\n");
	return FC_OK;
}

static fc_status html_value(struct fc_buf *b, struct fc_arena *a,
			    const struct fc_corpus *c,
			    const struct fc_finding *fd, size_t vi,
			    const size_t *ref)
{
	const struct fc_finding_value *fv = &fd->values[vi];
	bool is_oom = false;
	size_t n;
	uint32_t *docs = fc_rep_value_docs(a, c, fv, &n, &is_oom);
	const char *text = fc_rep_value_text(a, fv);
	const char *label = fc_rep_value_label(a, fv);
	if (is_oom || !text || !label)
		return FC_ENOMEM;
	fc_buf_adds(b, "<li>\n<p><strong>");
	html_text(b, label);
	fc_buf_adds(b, "</strong>");
	if (strcmp(label, text)) {
		fc_buf_adds(b, " <code>");
		html_text(b, text);
		fc_buf_adds(b, "</code>");
	}
	if (fv->is_partial)
		fc_buf_adds(b, " <span class=\"badge b-partial\">partial"
			       "</span>");
	fc_buf_printf(b, " <span class=\"small\">(%zu source%s: ", n,
		      n == 1 ? "" : "s");
	html_source_list(b, c, docs, n);
	fc_buf_adds(b, fv->is_partial ? "; found whole in a longer version)"
					"</span></p>\n"
				      : ")</span></p>\n");
	int want = ref ? fc_rep_diff_wanted(fd, *ref, vi) : 0;
	if (want > 0) {
		fc_status st = html_diff(b, a, fd->values[*ref].value.text,
					 fv->value.text);
		if (st)
			return st;
	} else if (want < 0) {
		fc_buf_printf(b, "<p class=\"diff small\">Not compared with "
			      "the first version (more than %d versions)."
			      "</p>\n",
			      FC_REP_MAX_DIFFS);
	}
	for (size_t k = 0; fv->facts && k < fv->nfacts; k++) {
		const struct fc_fact *f = fc_rep_fact(c, fv->facts[k]);
		if (f)
			html_fact(b, c, f);
	}
	fc_buf_adds(b, "</li>\n");
	return FC_OK;
}

static fc_status html_finding(struct fc_buf *b, struct fc_arena *a,
			      const struct fc_corpus *c,
			      const struct fc_finding *fd, size_t idx)
{
	fc_buf_printf(b, "<article class=\"s-%s\" id=\"finding-%zu\">\n<h3>",
		      fc_finding_status_name(fd->status), idx + 1);
	badge(b, fd->status);
	fc_buf_adds(b, " ");
	fc_rep_finding_title(b, fd, html_text);
	fc_buf_adds(b, "</h3>\n<dl>\n<dt>Check</dt><dd><code>");
	html_text(b, fd->rule);
	fc_buf_adds(b, "</code></dd>\n<dt>Fact</dt><dd>");
	html_text(b, fd->kind);
	fc_buf_adds(b, ", field ");
	html_text(b, fd->field);
	fc_buf_printf(b, "</dd>\n<dt>Severity</dt><dd>%s</dd>\n",
		      fc_rep_severity_name(fd->severity));
	if (fd->key && fd->nkey) {
		fc_buf_adds(b, "<dt>Key</dt><dd>");
		if (fc_rep_key_labels(b, a, fd, html_text))
			return FC_ENOMEM;
		fc_buf_adds(b, "</dd>\n");
	}
	fc_buf_adds(b, "<dt>Sources</dt><dd>");
	html_source_list(b, c, fd->sources, fd->nsources);
	fc_buf_printf(b, " (%u independent)</dd>\n<dt>Independent groups</dt>"
		      "<dd>", fd->independent_sources);
	size_t ns = fd->sources ? fd->nsources : 0;
	uint32_t *g = fc_rep_by_group(a, c, fd->sources, ns);
	if (!g)
		return FC_ENOMEM;
	for (size_t i = 0; i < ns; i++) {
		bool is_same = i && fc_rep_group_of(c, g[i]) ==
					    fc_rep_group_of(c, g[i - 1]);
		fc_buf_adds(b, !i ? "" : is_same ? ", " : "; ");
		html_source_outlet(b, c, g[i]);
	}
	fc_buf_adds(b, ns ? "</dd>\n</dl>\n<ul class=\"values\">\n"
			  : HTML_NONE "</dd>\n</dl>\n<ul class=\"values\">\n");
	size_t ref;
	bool has_ref = fc_rep_diff_ref(fd, &ref);
	for (size_t i = 0; fd->values && i < fd->nvalues; i++) {
		fc_status st = html_value(b, a, c, fd, i,
					  has_ref ? &ref : NULL);
		if (st)
			return st;
	}
	fc_buf_adds(b, "</ul>\n</article>\n");
	return FC_OK;
}

fc_status fc_rep_write_html(const struct fc_corpus *c, struct fc_buf *out)
{
	struct fc_arena a;
	fc_status st = FC_OK;

	fc_arena_init(&a);
	html_head(out, c);
	st = html_sources(out, &a, c);
	if (st)
		goto fail;
	for (size_t k = 0; k < 4; k++) {
		enum fc_finding_status status = fc_rep_status_order[k];
		const char *name = fc_finding_status_name(status);
		size_t n = count_status(c, status);
		if (!n)
			continue;
		fc_buf_printf(out, "<section id=\"%s\" aria-labelledby=\"h-%s\">"
			      "\n<h2 id=\"h-%s\">%s <span class=\"small\">(%zu)"
			      "</span></h2>\n", name, name, name,
			      fc_rep_status_title(status), n);
		for (size_t i = 0; i < c->nfindings; i++) {
			if (c->findings[i].status != status)
				continue;
			st = html_finding(out, &a, c, &c->findings[i], i);
			if (st)
				goto fail;
		}
		fc_buf_adds(out, "</section>\n");
	}
	fc_rep_edits_html(out, c, html_textn);
	fc_buf_adds(out, "</main>\n<footer>\n<p>Written by factcross from the "
			 "corpus and its rules alone; the same input gives the "
			 "same report.</p>\n</footer>\n</body>\n</html>\n");
	st = out->err;
fail:
	fc_arena_finish(&a);
	return st;
}
