/*
** report_md.c: the Markdown report. A title, a summary line, a sources
** table with the independent groups (outlets beside them) and the
** dependence between sources, then the findings grouped by status
** (contradicted first), each with its message, its sources by
** independent group, its values and every fact behind each value
** quoted. A variant quote's versions show their words against the first
** version (~~removed~~, **added**); a fragment of a longer version is
** marked partial.
**
** Every string that comes from a source (ids, outlets, sentences,
** labels, messages) goes through md_text: whitespace collapses to one
** space (a string never starts a new block), markup characters are
** backslash-escaped, & < > become entities (no HTML, no autolink), and
** "://", "www." and "@" are broken up so no renderer makes a live link.
*/
#include <string.h>

#include "core/wdiff.h"
#include "report/report_p.h"

#define MD_NONE "\xE2\x80\x94" /* an em dash for a missing value */

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\v' || c == '\f';
}

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

/* "www." at i, not inside a longer word. */
static bool is_www(const unsigned char *p, size_t i, size_t n)
{
	if (i + 4 > n || (i && is_alnum(p[i - 1])))
		return false;
	for (int k = 0; k < 3; k++)
		if ((p[i + k] | 0x20) != 'w')
			return false;
	return p[i + 3] == '.';
}

/*
** Escape n bytes of source text for Markdown inline context (a
** paragraph, a heading, a table cell, a blockquote line).
*/
static void md_textn(struct fc_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n && is_ws(p[i]))
		i++;
	while (n > i && is_ws(p[n - 1]))
		n--;
	bool is_start = true;
	size_t www_dot = SIZE_MAX;
	while (i < n) {
		unsigned char c = p[i];
		size_t skip;
		size_t k = fc_rep_text_char(p + i, n - i, &skip);
		if (!k) {
			fc_buf_adds(b, FC_REP_REPLACEMENT);
			i += skip;
			is_start = false;
			continue;
		}
		if (k > 1) {
			fc_buf_add(b, p + i, k);
			i += k;
			is_start = false;
			continue;
		}
		if (is_ws(c)) {
			while (i < n && is_ws(p[i]))
				i++;
			fc_buf_addc(b, ' ');
			continue;
		}
		if (is_start) {
			/* a line start must not open a list or a rule */
			size_t d = i;
			while (d < n && p[d] >= '0' && p[d] <= '9')
				d++;
			if (c == '-' || c == '+' || c == '=') {
				fc_buf_addc(b, '\\');
			} else if (d > i && d < n && d - i <= 9 &&
				   (p[d] == '.' || p[d] == ')') &&
				   (d + 1 == n || is_ws(p[d + 1]))) {
				fc_buf_add(b, p + i, d - i);
				fc_buf_addc(b, '\\');
				fc_buf_addc(b, (char)p[d]);
				i = d + 1;
				is_start = false;
				continue;
			}
			is_start = false;
		}
		if (is_www(p, i, n))
			www_dot = i + 3;
		switch (c) {
		case '&': fc_buf_adds(b, "&amp;"); break;
		case '<': fc_buf_adds(b, "&lt;"); break;
		case '>': fc_buf_adds(b, "&gt;"); break;
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '#': case '|': case '~': case '@': case '!':
			fc_buf_addc(b, '\\');
			fc_buf_addc(b, (char)c);
			break;
		case ':':
			if (i + 2 < n && p[i + 1] == '/' && p[i + 2] == '/')
				fc_buf_addc(b, '\\');
			fc_buf_addc(b, ':');
			break;
		case '.':
			if (i == www_dot)
				fc_buf_addc(b, '\\');
			fc_buf_addc(b, '.');
			break;
		default: fc_buf_addc(b, (char)c); break;
		}
		i++;
	}
}

/* A source string, or an em dash when it is missing or empty. */
static void md_text(struct fc_buf *b, const char *s)
{
	if (!s || !*s) {
		fc_buf_adds(b, MD_NONE);
		return;
	}
	md_textn(b, s, strlen(s));
}

static void md_source_list(struct fc_buf *b, const struct fc_corpus *c,
			   const uint32_t *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		if (i)
			fc_buf_adds(b, ", ");
		md_text(b, fc_rep_source_id(c, v[i]));
	}
	if (!v || !n)
		fc_buf_adds(b, MD_NONE);
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

static void md_header(struct fc_buf *b, const struct fc_corpus *c)
{
	fc_buf_adds(b, "# ");
	md_text(b, c->title ? c->title : c->name);
	fc_buf_adds(b, "\n\nCorpus ");
	md_text(b, c->name);
	fc_buf_adds(b, " \xC2\xB7 reference date ");
	md_text(b, c->reference_date);
	fc_buf_printf(b, " \xC2\xB7 %zu sources \xC2\xB7 %zu facts \xC2\xB7 "
		      "%zu findings\n\n**Summary:** ",
		      ndocs(c), c->facts ? c->nfacts : 0,
		      c->findings ? c->nfindings : 0);
	for (size_t i = 0; i < 4; i++) {
		enum fc_finding_status st = fc_rep_status_order[i];
		fc_buf_printf(b, "%s%zu %s", i ? ", " : "",
			      count_status(c, st), fc_finding_status_name(st));
	}
	fc_buf_adds(b, "\n\n");
}

static fc_status md_independence(struct fc_buf *b, struct fc_arena *a,
				 const struct fc_corpus *c);

static fc_status md_sources(struct fc_buf *b, struct fc_arena *a,
			    const struct fc_corpus *c)
{
	fc_buf_adds(b, "## Sources\n\n"
		       "| Source | Outlet | Published | Independent group |\n"
		       "| --- | --- | --- | --- |\n");
	for (size_t i = 0; i < ndocs(c); i++) {
		const struct fc_source *s = fc_rep_source(c, (uint32_t)i);
		const struct fc_document *doc = fc_rep_doc(c, (uint32_t)i);
		fc_buf_adds(b, "| ");
		md_text(b, fc_rep_source_id(c, (uint32_t)i));
		fc_buf_adds(b, " | ");
		md_text(b, s ? s->outlet : NULL);
		fc_buf_adds(b, " | ");
		md_text(b, fc_rep_published(c, (uint32_t)i));
		fc_buf_printf(b, " | %d |\n",
			      doc ? (int)doc->independent_group : (int)i);
	}
	fc_buf_adds(b, "\n");
	return md_independence(b, a, c);
}

/* "000 (i24NEWS)": a source id with its outlet. */
static void md_source_outlet(struct fc_buf *b, const struct fc_corpus *c,
			     uint32_t di)
{
	const struct fc_source *s = fc_rep_source(c, di);
	md_text(b, fc_rep_source_id(c, di));
	if (s && s->outlet && *s->outlet) {
		fc_buf_adds(b, " (");
		md_text(b, s->outlet);
		fc_buf_adds(b, ")");
	}
}

/* "000 (i24NEWS); 001, 002; 003": sources by independent group. */
static fc_status md_groups(struct fc_buf *b, struct fc_arena *a,
			   const struct fc_corpus *c, const uint32_t *v,
			   size_t n)
{
	uint32_t *g = fc_rep_by_group(a, c, v, n);
	if (!g)
		return FC_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		bool is_same = i && fc_rep_group_of(c, g[i]) ==
					    fc_rep_group_of(c, g[i - 1]);
		fc_buf_adds(b, !i ? "" : is_same ? ", " : "; ");
		md_source_outlet(b, c, g[i]);
	}
	if (!n)
		fc_buf_adds(b, MD_NONE);
	return FC_OK;
}

/* One dependence: "001 and 002: reuse, similarity 0.35 (containment)". */
static void md_dependence(struct fc_buf *b, const struct fc_corpus *c,
			  const struct fc_dependence *p)
{
	md_text(b, fc_rep_source_id(c, p->a));
	fc_buf_adds(b, " and ");
	md_text(b, fc_rep_source_id(c, p->b));
	fc_buf_printf(b, ": %s", fc_rep_dep_reason_name(p->reason));
	if (p->reason == FC_DEP_REUSE)
		fc_buf_printf(b, ", similarity %.2f", p->similarity);
	if (p->detail && *p->detail) {
		fc_buf_adds(b, " (");
		md_text(b, p->detail);
		fc_buf_adds(b, ")");
	}
}

#define MD_MAX_DEPS 20 /* dependences listed per group (JSON: all) */

/* The independent groups with their outlets, each with the dependence
** that joins its sources. */
static fc_status md_independence(struct fc_buf *b, struct fc_arena *a,
				 const struct fc_corpus *c)
{
	size_t n = ndocs(c), nd;
	uint32_t *g = fc_rep_by_group(a, c, NULL, n);
	size_t *deps = fc_rep_deps_by_group(a, c, &nd);
	if (!g || !deps)
		return FC_ENOMEM;
	fc_buf_printf(b, "**Independent groups:** %zu\n\n",
		      c->ngroups > 0 ? (size_t)c->ngroups : n);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		int32_t grp = fc_rep_group_of(c, g[i]);
		size_t j = i;
		fc_buf_printf(b, "- Group %d: ", (int)grp);
		for (; j < n && fc_rep_group_of(c, g[j]) == grp; j++) {
			fc_buf_adds(b, j > i ? ", " : "");
			md_source_outlet(b, c, g[j]);
		}
		while (k < nd && fc_rep_group_of(c, c->deps[deps[k]].a) < grp)
			k++;
		size_t shown = 0;
		for (; k < nd && fc_rep_group_of(c, c->deps[deps[k]].a) == grp;
		     k++) {
			if (shown == MD_MAX_DEPS) {
				shown++;
				continue;
			}
			fc_buf_adds(b, shown++ ? "; " : " \xE2\x80\x94 ");
			md_dependence(b, c, &c->deps[deps[k]]);
		}
		if (shown > MD_MAX_DEPS)
			fc_buf_adds(b, "; more in the JSON report");
		fc_buf_adds(b, "\n");
		i = j;
	}
	fc_buf_adds(b, "\n");
	return FC_OK;
}

/* One fact behind a value: its sentence as a blockquote, then whence. */
static void md_fact(struct fc_buf *b, const struct fc_corpus *c,
		    const struct fc_fact *f)
{
	const struct fc_document *doc = fc_rep_doc(c, f->doc);
	const struct fc_source *src = fc_rep_source(c, f->doc);
	uint32_t s, e;
	fc_buf_adds(b, "> ");
	if (doc && doc->text && fc_rep_fact_sentence(c, f, &s, &e) && e > s)
		md_textn(b, doc->text + s, e - s);
	else
		fc_buf_adds(b, MD_NONE);
	fc_buf_adds(b, "\n>\n> \xE2\x80\x94 ");
	md_text(b, fc_rep_source_id(c, f->doc));
	if (src && src->outlet && *src->outlet) {
		fc_buf_adds(b, " (");
		md_text(b, src->outlet);
		fc_buf_adds(b, ")");
	}
	fc_buf_adds(b, ", fact ");
	md_text(b, f->id);
	if (f->polarity == FC_POL_NEGATED)
		fc_buf_adds(b, ", negated");
	if (f->modality != FC_MODAL_FACTUAL) {
		fc_buf_adds(b, ", ");
		fc_buf_adds(b, fc_rep_modality_name(f->modality));
	}
	/* (the source's label, or without one the words themselves:
	** "police said", "according to the statement": no "according
	** to" of ours before them) */
	if (f->attribution && *f->attribution) {
		fc_buf_adds(b, ", attribution: ");
		md_text(b, f->attribution);
	}
	fc_buf_adds(b, "\n\n");
}

/* The words of version var against ref: ~~removed~~ **added**. */
static fc_status md_diff(struct fc_buf *b, struct fc_arena *a,
			 const char *ref, const char *var)
{
	struct fc_rep_diff d;
	if (!fc_rep_word_diff(a, ref, var, &d))
		return FC_ENOMEM;
	fc_buf_adds(b, "Against the first version: ");
	for (size_t i = 0; i < d.nruns; i++) {
		const struct fc_rep_drun *r = &d.runs[i];
		const char *mark = r->op == FC_REP_DEL	 ? "~~"
				   : r->op == FC_REP_INS ? "**"
							 : "";
		fc_buf_adds(b, i ? " " : "");
		fc_buf_adds(b, mark);
		md_textn(b, r->text + r->start, r->end - r->start);
		fc_buf_adds(b, mark);
	}
	if (!d.nruns)
		fc_buf_adds(b, MD_NONE);
	if (d.is_capped)
		fc_buf_printf(b, " (the first %d words compared)",
			      FC_WD_MAX_WORDS);
	fc_buf_adds(b, "\n\n");
	return FC_OK;
}

static fc_status md_value(struct fc_buf *b, struct fc_arena *a,
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
	fc_buf_adds(b, "**Value:** ");
	md_text(b, label);
	if (strcmp(label, text)) {
		fc_buf_adds(b, " (");
		md_text(b, text);
		fc_buf_adds(b, ")");
	}
	fc_buf_adds(b, " \xE2\x80\x94 ");
	md_source_list(b, c, docs, n);
	if (fv->is_partial)
		fc_buf_adds(b, " \xC2\xB7 partial: found whole in a longer "
			       "version");
	fc_buf_adds(b, "\n\n");
	int want = ref ? fc_rep_diff_wanted(fd, *ref, vi) : 0;
	if (want > 0) {
		fc_status st = md_diff(b, a, fd->values[*ref].value.text,
				       fv->value.text);
		if (st)
			return st;
	} else if (want < 0) {
		fc_buf_printf(b, "Against the first version: not compared "
			      "(more than %d versions)\n\n",
			      FC_REP_MAX_DIFFS);
	}
	for (size_t k = 0; fv->facts && k < fv->nfacts; k++) {
		const struct fc_fact *f = fc_rep_fact(c, fv->facts[k]);
		if (f)
			md_fact(b, c, f);
	}
	return FC_OK;
}

static fc_status md_finding(struct fc_buf *b, struct fc_arena *a,
			    const struct fc_corpus *c,
			    const struct fc_finding *fd)
{
	fc_buf_adds(b, "### ");
	fc_rep_finding_title(b, fd, md_text);
	fc_buf_adds(b, "\n\n- Check: ");
	md_text(b, fd->rule);
	fc_buf_adds(b, " (");
	md_text(b, fd->kind);
	fc_buf_adds(b, ", field ");
	md_text(b, fd->field);
	fc_buf_printf(b, ", severity %s)\n",
		      fc_rep_severity_name(fd->severity));
	if (fd->key && fd->nkey) {
		fc_buf_adds(b, "- Key: ");
		if (fc_rep_key_labels(b, a, fd, md_text))
			return FC_ENOMEM;
		fc_buf_adds(b, "\n");
	}
	fc_buf_adds(b, "- Sources: ");
	md_source_list(b, c, fd->sources, fd->nsources);
	fc_buf_printf(b, " (%u independent)\n- Independent groups: ",
		      fd->independent_sources);
	fc_status st = md_groups(b, a, c, fd->sources,
				 fd->sources ? fd->nsources : 0);
	if (st)
		return st;
	fc_buf_adds(b, "\n\n");
	size_t ref;
	bool has_ref = fc_rep_diff_ref(fd, &ref);
	for (size_t i = 0; fd->values && i < fd->nvalues; i++)
		if ((st = md_value(b, a, c, fd, i, has_ref ? &ref : NULL)))
			return st;
	return FC_OK;
}

fc_status fc_rep_write_md(const struct fc_corpus *c, struct fc_buf *out)
{
	struct fc_arena a;
	fc_status st = FC_OK;
	size_t base = out->len;

	fc_arena_init(&a);
	md_header(out, c);
	st = md_sources(out, &a, c);
	if (st)
		goto fail;
	for (size_t k = 0; k < 4; k++) {
		enum fc_finding_status status = fc_rep_status_order[k];
		size_t n = count_status(c, status);
		if (!n)
			continue;
		fc_buf_printf(out, "## %s (%zu)\n\n",
			      fc_rep_status_title(status), n);
		for (size_t i = 0; i < c->nfindings; i++) {
			if (c->findings[i].status != status)
				continue;
			st = md_finding(out, &a, c, &c->findings[i]);
			if (st)
				goto fail;
		}
	}
	fc_rep_edits_md(out, c, md_textn);
	/* end with exactly one newline */
	while (!out->err && out->len > base + 1 &&
	       out->p[out->len - 1] == '\n' && out->p[out->len - 2] == '\n')
		out->p[--out->len] = '\0';
	st = out->err;
fail:
	fc_arena_finish(&a);
	return st;
}
