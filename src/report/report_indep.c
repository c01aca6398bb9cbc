/*
** report_indep.c: sources and their dependence in the reports. Source
** lists ordered by independent group, the label of a dependence, and
** the HTML report's drawing of the sources: an inline SVG, static (no
** scripts, no external resources), one box per independent group with
** its sources as nodes (id and outlet) and an edge for each dependence
** in c->deps labelled by its reason. Each edge label has its own row,
** so labels never overlap; the drawing is 360 units wide and grows
** downwards, so it stays readable at phone width. At most
** SVG_MAX_SOURCES sources and SVG_MAX_EDGES edges are drawn (the
** dependence table and the JSON report list every pair).
*/
#include <stdlib.h>
#include <string.h>

#include "report/report_p.h"

#define SVG_W 360
#define SVG_ROW 24
#define SVG_HEAD 22
#define SVG_GAP 8
#define SVG_NODE_X 168
#define SVG_LABEL_X 254
#define SVG_MAX_SOURCES 200
#define SVG_MAX_EDGES 200
#define SVG_NODE_CHARS 24
#define SVG_EDGE_CHARS 16

const char *fc_rep_dep_reason_name(enum fc_dep_reason r)
{
	switch (r) {
	case FC_DEP_DECLARED: return "declared";
	case FC_DEP_WIRE: return "wire";
	case FC_DEP_REUSE: return "reuse";
	case FC_DEP_CANONICAL: return "canonical";
	}
	return "declared";
}

void fc_rep_dep_label(struct fc_buf *b, const struct fc_dependence *p)
{
	fc_buf_adds(b, fc_rep_dep_reason_name(p->reason));
	if (p->reason == FC_DEP_REUSE)
		fc_buf_printf(b, " %.2f", p->similarity);
	else if (p->reason == FC_DEP_WIRE && p->detail && *p->detail)
		fc_buf_printf(b, " %s", p->detail);
}

int32_t fc_rep_group_of(const struct fc_corpus *c, uint32_t di)
{
	const struct fc_document *doc = fc_rep_doc(c, di);
	return doc ? doc->independent_group : (int32_t)di;
}

struct gdoc {
	int32_t group;
	uint32_t doc;
};

static int cmp_gdoc(const void *x, const void *y)
{
	const struct gdoc *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return (a->doc > b->doc) - (a->doc < b->doc);
}

uint32_t *fc_rep_by_group(struct fc_arena *a, const struct fc_corpus *c,
			  const uint32_t *v, size_t n)
{
	struct gdoc *g = fc_arena_alloc(a, (n ? n : 1) * sizeof(*g));
	uint32_t *out = fc_arena_alloc(a, (n ? n : 1) * sizeof(*out));
	if (!g || !out)
		return NULL;
	for (size_t i = 0; i < n; i++)
		g[i] = (struct gdoc){fc_rep_group_of(c, v ? v[i] : (uint32_t)i),
				     v ? v[i] : (uint32_t)i};
	qsort(g, n, sizeof(*g), cmp_gdoc);
	for (size_t i = 0; i < n; i++)
		out[i] = g[i].doc;
	return out;
}

struct gdep {
	int32_t group;
	size_t k;
};

static int cmp_gdep(const void *x, const void *y)
{
	const struct gdep *a = x, *b = y;
	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return (a->k > b->k) - (a->k < b->k);
}

size_t *fc_rep_deps_by_group(struct fc_arena *a, const struct fc_corpus *c,
			     size_t *n)
{
	size_t nd = c->deps ? c->ndeps : 0;
	struct gdep *g = fc_arena_alloc(a, (nd ? nd : 1) * sizeof(*g));
	size_t *out = fc_arena_alloc(a, (nd ? nd : 1) * sizeof(*out));
	*n = 0;
	if (!g || !out)
		return NULL;
	size_t m = 0;
	for (size_t k = 0; k < nd; k++)
		if (fc_rep_doc(c, c->deps[k].a) && fc_rep_doc(c, c->deps[k].b))
			g[m++] = (struct gdep){fc_rep_group_of(c, c->deps[k].a),
					       k};
	qsort(g, m, sizeof(*g), cmp_gdep);
	for (size_t i = 0; i < m; i++)
		out[i] = g[i].k;
	*n = m;
	return out;
}

/* ---- The drawing -------------------------------------------------------- */

/* Bytes of s holding at most max characters; *is_cut when s is longer. */
static size_t clip(const char *s, size_t max, bool *is_cut)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, k = 0;
	while (i < n && k < max) {
		size_t len = fc_utf8_seq_len(p + i, n - i);
		i += len ? len : 1;
		k++;
	}
	*is_cut = i < n;
	return i;
}

/* Escaped text of s, at most max characters (an ellipsis when cut). */
static void svg_text(struct fc_buf *b, fc_rep_esc_fn esc, const char *s,
		     size_t max)
{
	bool is_cut;
	size_t n = clip(s, max, &is_cut);
	if (is_cut)
		n = clip(s, max - 1, &is_cut);
	esc(b, s, n);
	if (is_cut)
		fc_buf_adds(b, "\xE2\x80\xA6");
}

/* The members of one group: sorted[first, first + n), and its edges:
** deps[e0, e0 + ne) in c->deps order (found by a scan). */
struct gbox {
	size_t first, n;
	size_t nedges;
	int y; /* top of the box */
	int rows;
};

/* Row of document di in its group (its rank among the drawn members). */
static int row_of(const uint32_t *sorted, const struct gbox *g, uint32_t di)
{
	for (size_t i = 0; i < g->n; i++)
		if (sorted[g->first + i] == di)
			return (int)i;
	return -1;
}

static int row_y(const struct gbox *g, int row)
{
	return g->y + SVG_HEAD + row * SVG_ROW + SVG_ROW / 2;
}

void fc_rep_deps_svg(struct fc_buf *b, struct fc_arena *a,
		     const struct fc_corpus *c, size_t ndocs,
		     fc_rep_esc_fn esc)
{
	size_t nsrc = ndocs < SVG_MAX_SOURCES ? ndocs : SVG_MAX_SOURCES;
	uint32_t *sorted = fc_rep_by_group(a, c, NULL, nsrc);
	struct gbox *boxes = fc_arena_alloc(a, (nsrc ? nsrc : 1) *
						       sizeof(*boxes));
	int32_t *box_of = fc_arena_alloc(a, (nsrc ? nsrc : 1) *
						    sizeof(*box_of));
	struct fc_buf label;
	if (!sorted || !boxes || !box_of) {
		b->err = FC_ENOMEM;
		return;
	}
	/* Boxes: one per independent group, in group order. */
	size_t nboxes = 0;
	for (size_t i = 0; i < nsrc; i++) {
		if (!i || fc_rep_group_of(c, sorted[i]) !=
				  fc_rep_group_of(c, sorted[i - 1]))
			boxes[nboxes++] = (struct gbox){i, 0, 0, 0, 0};
		boxes[nboxes - 1].n++;
		box_of[sorted[i]] = (int32_t)(nboxes - 1);
	}
	size_t nedges = 0;
	for (size_t k = 0; c->deps && k < c->ndeps; k++) {
		const struct fc_dependence *p = &c->deps[k];
		if (p->a >= nsrc || p->b >= nsrc ||
		    box_of[p->a] != box_of[p->b] || nedges == SVG_MAX_EDGES)
			continue;
		boxes[box_of[p->a]].nedges++;
		nedges++;
	}
	int h = SVG_GAP;
	for (size_t g = 0; g < nboxes; g++) {
		boxes[g].y = h;
		boxes[g].rows = (int)(boxes[g].n > boxes[g].nedges
					      ? boxes[g].n
					      : boxes[g].nedges);
		h += SVG_HEAD + boxes[g].rows * SVG_ROW + SVG_GAP + 4;
	}

	fc_buf_printf(b, "<svg class=\"deps\" viewBox=\"0 0 %d %d\" "
		      "role=\"img\" aria-labelledby=\"deps-title deps-desc\">"
		      "\n<title id=\"deps-title\">Sources by independent "
		      "group</title>\n<desc id=\"deps-desc\">%zu sources in "
		      "%zu independent group%s, %zu dependent pair%s drawn"
		      "</desc>\n",
		      SVG_W, h, nsrc, nboxes, nboxes == 1 ? "" : "s", nedges,
		      nedges == 1 ? "" : "s");
	fc_buf_init(&label, 4096);
	for (size_t g = 0; g < nboxes; g++) {
		const struct gbox *x = &boxes[g];
		fc_buf_printf(b, "<g>\n<rect class=\"box\" x=\"4\" y=\"%d\" "
			      "width=\"%d\" height=\"%d\" rx=\"6\"/>\n"
			      "<text class=\"gh\" x=\"12\" y=\"%d\">Group %d"
			      "</text>\n",
			      x->y, SVG_W - 8, SVG_HEAD + x->rows * SVG_ROW + 4,
			      x->y + 15,
			      (int)fc_rep_group_of(c, sorted[x->first]));
		for (size_t i = 0; i < x->n; i++) {
			uint32_t di = sorted[x->first + i];
			const struct fc_source *s = fc_rep_source(c, di);
			int y = row_y(x, (int)i);
			fc_buf_reset(&label);
			fc_buf_adds(&label, fc_rep_source_id(c, di));
			if (s && s->outlet && *s->outlet)
				fc_buf_printf(&label, " \xC2\xB7 %s",
					      s->outlet);
			fc_buf_printf(b, "<circle class=\"node\" cx=\"%d\" "
				      "cy=\"%d\" r=\"5\"/>\n<text x=\"%d\" "
				      "y=\"%d\" text-anchor=\"end\">",
				      SVG_NODE_X, y, SVG_NODE_X - 10, y + 4);
			svg_text(b, esc, fc_buf_cstr(&label), SVG_NODE_CHARS);
			fc_buf_adds(b, "</text>\n");
		}
		/* Edges of this group, one label row each. */
		int slot = 0;
		for (size_t k = 0; c->deps && k < c->ndeps &&
				   slot < (int)x->nedges;
		     k++) {
			const struct fc_dependence *p = &c->deps[k];
			if (p->a >= nsrc || p->b >= nsrc ||
			    box_of[p->a] != (int32_t)g ||
			    box_of[p->b] != (int32_t)g)
				continue;
			int ya = row_y(x, row_of(sorted, x, p->a));
			int yb = row_y(x, row_of(sorted, x, p->b));
			int yl = row_y(x, slot++);
			fc_buf_printf(b, "<path class=\"edge e-%s\" d=\"M%d %d"
				      "C%d %d %d %d %d %dC%d %d %d %d %d %d\"/>"
				      "\n<text class=\"el\" x=\"%d\" y=\"%d\">",
				      fc_rep_dep_reason_name(p->reason),
				      SVG_NODE_X + 5, ya, SVG_NODE_X + 45, ya,
				      SVG_LABEL_X - 30, yl, SVG_LABEL_X - 4, yl,
				      SVG_LABEL_X - 30, yl, SVG_NODE_X + 45, yb,
				      SVG_NODE_X + 5, yb, SVG_LABEL_X, yl + 4);
			fc_buf_reset(&label);
			fc_rep_dep_label(&label, p);
			svg_text(b, esc, fc_buf_cstr(&label), SVG_EDGE_CHARS);
			fc_buf_adds(b, "</text>\n");
		}
		fc_buf_adds(b, "</g>\n");
	}
	fc_buf_adds(b, "</svg>\n");
	if (label.err)
		b->err = label.err;
	fc_buf_finish(&label);
}
