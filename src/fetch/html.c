/*
** html.c: the main text of an HTML page (Readability-style).
**
**   bytes --charset.c--> UTF-8 --libxml2--> tree --html_meta.c--> metadata
**   tree --rules--> dropped elements --scores--> top candidate + siblings
**        --> paragraphs ("\n\n" between them)
**
** 1. Every element gets its rule verdicts once (html_verdict.c): a strict
**    drop, a soft drop (tags, class/id words, ARIA roles, attributes),
**    keep (protects against word and role drops), and its weights.
** 2. An attempt marks dropped subtrees, counts text, link text and commas
**    bottom-up, scores paragraph-like elements (p, pre, td, blockquote,
**    and div/section without block children) by 1 + commas + length/100
**    (at most 3) and hands the score to their ancestors (parent 1,
**    grandparent 1/2, then 1/(3 * level)). The best ancestor after
**    link density wins; its siblings join when they score high enough or
**    are plain prose paragraphs.
** 3. The text of the selection is written out block by block; blocks
**    inside it that are mostly links, or weigh below zero, are left out.
** 4. When the result is shorter than min_article_chars, the attempt is
**    repeated with only the strict drops; its text is taken when it
**    reaches min_article_chars and at least doubles the first (the first
**    attempt dropped the article's own container, say).
**
** Everything is iterative (no recursion over the tree); libxml2 stops
** at 256 levels of nesting, which bounds the tree.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "fetch/html_p.h"

#define XML_OPTIONS                                                        \
	(HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |   \
	 HTML_PARSE_RECOVER | HTML_PARSE_NODEFDTD | HTML_PARSE_COMPACT)
#define MAX_DROP_TEXT 400 /* bytes of a dropped element's text kept */

static const struct {
	const char *tag;
	unsigned kind;
} tags[] = {
	/* sorted by tag, for bsearch */
	{"a", K_LINK},
	{"address", K_BLOCK},
	{"article", K_BLOCK},
	{"aside", K_BLOCK | K_CLEAN},
	{"blockquote", K_BLOCK | K_PARA},
	{"body", K_BLOCK | K_KEEPTAG},
	{"br", K_BR},
	{"caption", K_BLOCK},
	{"center", K_BLOCK},
	{"dd", K_BLOCK},
	{"details", K_BLOCK},
	{"dialog", K_BLOCK},
	{"dir", K_BLOCK},
	{"div", K_BLOCK | K_CLEAN},
	{"dl", K_BLOCK | K_CLEAN},
	{"dt", K_BLOCK},
	{"fieldset", K_BLOCK},
	{"figcaption", K_BLOCK},
	{"figure", K_BLOCK | K_CLEAN},
	{"footer", K_BLOCK},
	{"form", K_BLOCK | K_CLEAN},
	{"h1", K_BLOCK},
	{"h2", K_BLOCK},
	{"h3", K_BLOCK},
	{"h4", K_BLOCK},
	{"h5", K_BLOCK},
	{"h6", K_BLOCK},
	{"head", K_SKIP},
	{"header", K_BLOCK},
	{"hgroup", K_BLOCK},
	{"hr", K_BLOCK},
	{"html", K_BLOCK | K_KEEPTAG},
	{"legend", K_BLOCK},
	{"li", K_BLOCK},
	{"main", K_BLOCK},
	{"menu", K_BLOCK},
	{"nav", K_BLOCK},
	{"noscript", K_SKIP},
	{"ol", K_BLOCK | K_CLEAN},
	{"p", K_BLOCK | K_PARA | K_CLEAN},
	{"pre", K_BLOCK | K_PARA | K_PRE},
	{"script", K_SKIP},
	{"section", K_BLOCK | K_CLEAN},
	{"style", K_SKIP},
	{"summary", K_BLOCK},
	{"table", K_BLOCK | K_CLEAN},
	{"tbody", K_BLOCK},
	{"td", K_BLOCK | K_PARA},
	{"template", K_SKIP},
	{"tfoot", K_BLOCK},
	{"th", K_BLOCK},
	{"thead", K_BLOCK},
	{"tr", K_BLOCK},
	{"ul", K_BLOCK | K_CLEAN},
};

static int cmp_tag(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

static unsigned tag_kind(const char *name)
{
	const void *p = bsearch(name, tags, sizeof(tags) / sizeof(*tags),
				sizeof(*tags), cmp_tag);
	return p ? ((const __typeof__(tags[0]) *)p)->kind : 0;
}

bool fc_html_is_block(const char *tag)
{
	return (tag_kind(tag) & (K_BLOCK | K_BR)) != 0;
}

/* Next node in document order below root; skip_kids skips n's subtree. */
static xmlNode *next_node(xmlNode *n, const xmlNode *root, bool skip_kids)
{
	if (!skip_kids && n->children)
		return n->children;
	while (n && n != root && !n->next)
		n = n->parent;
	return n && n != root ? n->next : NULL;
}

/* ---- 2. one attempt ----------------------------------------------------- */

static uint32_t count_text(const char *s, uint32_t *commas)
{
	uint32_t n = 0;
	bool sp = true;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (!sp)
				n++;
			sp = true;
			continue;
		}
		sp = false;
		if ((*p & 0xC0) != 0x80)
			n++;
		if (*p == ',')
			(*commas)++;
	}
	return n;
}

static void mark_drops(struct ctx *c, bool soft)
{
	for (size_t i = 0; i < c->n; i++) {
		struct nd *e = &c->v[i];
		const struct nd *p = e->parent == FC_NONE ? NULL
							  : &c->v[e->parent];
		e->drop = NULL;
		e->is_dropped = p && p->is_dropped;
		e->has_block_child = e->has_score = false;
		e->score = 0;
		e->text_len = e->link_len = e->commas = 0;
		if (e->is_dropped || (e->kind & K_KEEPTAG))
			continue;
		const struct html_rule *why = e->strict_drop;
		if (!why && soft && e->soft_drop &&
		    !(e->is_kept && (e->soft_drop->nwords ||
				     e->soft_drop->nroles) &&
		      !e->soft_drop->ntags && !e->soft_drop->nattrs))
			why = e->soft_drop;
		if (why) {
			e->drop = why;
			e->is_dropped = true;
		}
	}
}

static void count(struct ctx *c)
{
	for (size_t i = c->n; i-- > 0;) {
		struct nd *e = &c->v[i];
		if (e->is_dropped || (e->kind & K_SKIP))
			continue;
		for (xmlNode *k = e->node->children; k; k = k->next) {
			if (k->type == XML_TEXT_NODE ||
			    k->type == XML_CDATA_SECTION_NODE) {
				if (k->content)
					e->text_len += count_text(
						(const char *)k->content,
						&e->commas);
				continue;
			}
			struct nd *ke = nd_of(k);
			if (!ke || ke->is_dropped || (ke->kind & K_SKIP))
				continue;
			e->text_len += ke->text_len;
			e->link_len += ke->link_len;
			e->commas += ke->commas;
			if (ke->kind & K_BLOCK)
				e->has_block_child = true;
		}
		if (e->kind & K_LINK)
			e->link_len = e->text_len;
	}
}

static double link_density(const struct nd *e)
{
	return e->text_len ? (double)e->link_len / e->text_len : 0;
}

static double adjusted(const struct nd *e)
{
	return e->score * (1 - link_density(e));
}

static bool is_para(const struct nd *e)
{
	const char *t = (const char *)e->node->name;
	if (e->kind & K_PARA)
		return true;
	return !e->has_block_child &&
	       (!strcmp(t, "div") || !strcmp(t, "section"));
}

static void score(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct nd *e = &c->v[i];
		if (e->is_dropped || (e->kind & K_SKIP) || !is_para(e) ||
		    e->text_len < c->set.min_paragraph_chars)
			continue;
		double s = 1 + e->commas +
			   (e->text_len / 100 > 3 ? 3 : e->text_len / 100);
		uint32_t up = e->parent;
		for (int level = 0; up != FC_NONE &&
				    level < (int)c->set.ancestor_levels;
		     level++) {
			struct nd *p = &c->v[up];
			if (!p->has_score) {
				p->has_score = true;
				p->score = p->weight;
			}
			p->score += level == 0   ? s
				    : level == 1 ? s / 2
						 : s / (level * 3);
			up = p->parent;
		}
	}
}

/* Does the element's text contain ". " or end in a period? */
static bool has_sentence_end(struct ctx *c, const xmlNode *n)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_html_node_text(n, &b, 4096);
	const char *s = fc_buf_cstr(&b);
	bool r = strstr(s, ". ") || (b.len && s[b.len - 1] == '.');
	fc_buf_finish(&b);
	(void)c;
	return r;
}

static bool sibling_joins(struct ctx *c, const struct nd *top,
			  const struct nd *s)
{
	if (s == top)
		return true;
	if (s->is_dropped || (s->kind & K_SKIP))
		return false;
	double threshold = adjusted(top) * c->set.sibling_ratio;
	if (threshold < 10)
		threshold = 10;
	if (s->has_score && adjusted(s) >= threshold)
		return true;
	if (!is_para(s) || !s->text_len)
		return false;
	double ld = link_density(s);
	if (s->text_len > 80)
		return ld < 0.25;
	return ld == 0 && has_sentence_end(c, s->node);
}

/* ---- 3. text out -------------------------------------------------------- */

static void add_drop(struct ctx *c, const struct html_rule *why,
		     const xmlNode *n)
{
	void *g = fc_arena_grow(c->a, c->drops, sizeof(*c->drops),
				&c->capdrops, c->ndrops + 1);
	if (!g) {
		c->is_oom = true;
		return;
	}
	c->drops = g;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_html_node_text(n, &b, MAX_DROP_TEXT);
	c->drops[c->ndrops++] = (struct fc_html_drop){
		.rule = why->id,
		.tag = fc_arena_strdup(c->a, (const char *)n->name),
		.text = fc_arena_strdup(c->a, fc_buf_cstr(&b)),
	};
	fc_buf_finish(&b);
}

static void flush(struct ctx *c)
{
	struct fc_buf *p = &c->para;
	while (p->len && (p->p[p->len - 1] == ' ' || p->p[p->len - 1] == '\n'))
		p->len--;
	if (!p->len)
		return;
	if (c->text.len)
		fc_buf_add(&c->text, "\n\n", 2);
	fc_buf_add(&c->text, p->p, p->len);
	c->nparas++;
	fc_buf_reset(p);
}

/* Append text collapsing whitespace (kept as is inside <pre>). */
static void add_text(struct ctx *c, const char *s, bool is_pre)
{
	struct fc_buf *p = &c->para;
	for (const unsigned char *q = (const unsigned char *)s; *q; q++) {
		unsigned ch = *q;
		/* invisible: soft hyphen, zero-width space, BOM */
		if ((ch == 0xC2 && q[1] == 0xAD) ||
		    (ch == 0xE2 && q[1] == 0x80 && q[2] == 0x8B) ||
		    (ch == 0xEF && q[1] == 0xBB && q[2] == 0xBF)) {
			q += ch == 0xC2 ? 1 : 2;
			continue;
		}
		bool nbsp = ch == 0xC2 && q[1] == 0xA0;
		bool ws = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
			  ch == '\f' || ch == '\v' || nbsp;
		if (nbsp)
			q++;
		if (is_pre && ch == '\n') {
			fc_buf_addc(p, '\n');
			continue;
		}
		if (ws) {
			if (p->len && p->p[p->len - 1] != ' ' &&
			    p->p[p->len - 1] != '\n')
				fc_buf_addc(p, ' ');
			continue;
		}
		if (ch < 0x20)
			ch = ' '; /* other controls */
		fc_buf_addc(p, (char)ch);
	}
}

static void line_break(struct ctx *c)
{
	struct fc_buf *p = &c->para;
	while (p->len && p->p[p->len - 1] == ' ')
		p->len--;
	if (p->len && p->p[p->len - 1] == '\n') {
		p->len--; /* <br><br>: a new paragraph */
		flush(c);
	} else if (p->len) {
		fc_buf_addc(p, '\n');
	}
}

/* Is e, inside the selection, a block to leave out? */
static const struct html_rule *cleaned(struct ctx *c, const struct nd *e)
{
	if (!(e->kind & K_CLEAN) || e->text_len == 0)
		return NULL;
	if (link_density(e) > c->set.max_link_density)
		return c->clean_links;
	double total = e->class_weight + (e->has_score ? e->score - e->weight
						       : 0);
	if (e->class_weight < 0 && total < 0 &&
	    strcmp((const char *)e->node->name, "p"))
		return c->clean_weight;
	return NULL;
}

static void emit(struct ctx *c, xmlNode *root)
{
	flush(c);
	xmlNode *n = root;
	while (n) {
		bool skip = false;
		struct nd *e = nd_of(n);
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content) {
				bool is_pre = false;
				for (struct nd *up = nd_of(n->parent); up;
				     up = up->parent == FC_NONE
						  ? NULL
						  : &c->v[up->parent])
					if (up->kind & K_PRE) {
						is_pre = true;
						break;
					}
				add_text(c, (const char *)n->content, is_pre);
			}
		} else if (e) {
			const struct html_rule *why;
			if (e->is_dropped || (e->kind & K_SKIP)) {
				skip = true;
			} else if (n != root && (why = cleaned(c, e))) {
				add_drop(c, why, n);
				skip = true;
			} else if (e->kind & K_BR) {
				line_break(c);
			} else if (e->kind & K_BLOCK) {
				flush(c);
			}
		} else {
			skip = true; /* comments, processing instructions */
		}
		/* leaving blocks: flush when climbing out of one */
		if (!skip && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next) {
			n = n->parent;
			struct nd *pe = nd_of(n);
			if (pe && (pe->kind & K_BLOCK))
				flush(c);
		}
		if (!n || n == root)
			break;
		struct nd *le = nd_of(n);
		if (le && (le->kind & K_BLOCK))
			flush(c);
		n = n->next;
	}
	flush(c);
}

static void record_drops(struct ctx *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct nd *e = &c->v[i];
		if (e->drop)
			add_drop(c, e->drop, e->node);
	}
}

/* One attempt; leaves its text in c->text and drops in c->drops. */
static void attempt(struct ctx *c, xmlNode *body, bool soft)
{
	fc_buf_reset(&c->text);
	fc_buf_reset(&c->para);
	c->nparas = 0;
	c->ndrops = 0;
	mark_drops(c, soft);
	count(c);
	score(c);
	struct nd *top = NULL;
	for (size_t i = 0; i < c->n; i++) {
		struct nd *e = &c->v[i];
		if (e->has_score && !e->is_dropped &&
		    (!top || adjusted(e) > adjusted(top)))
			top = e;
	}
	record_drops(c);
	if (!top) {
		struct nd *b = nd_of(body);
		if (b)
			emit(c, body);
		return;
	}
	/* a parent that scores higher than the top after link density */
	for (int i = 0; i < 3 && top->parent != FC_NONE; i++) {
		struct nd *p = &c->v[top->parent];
		if (!p->has_score || adjusted(p) <= adjusted(top))
			break;
		top = p;
	}
	if (top->parent == FC_NONE) {
		emit(c, top->node);
		return;
	}
	for (xmlNode *s = top->node->parent->children; s; s = s->next) {
		struct nd *se = nd_of(s);
		if (se && sibling_joins(c, top, se))
			emit(c, s);
	}
}

/* ---- entry point -------------------------------------------------------- */

static fc_status collect(struct ctx *c, xmlNode *root)
{
	size_t n = 0;
	for (xmlNode *k = root; k; k = next_node(k, root, false))
		n += k->type == XML_ELEMENT_NODE;
	c->v = fc_arena_alloc(c->a, (n ? n : 1) * sizeof(*c->v));
	if (!c->v)
		return FC_ENOMEM;
	for (xmlNode *k = root; k; k = next_node(k, root, false)) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		struct nd *e = &c->v[c->n];
		const struct nd *p = k == root ? NULL : nd_of(k->parent);
		e->node = k;
		e->parent = p ? (uint32_t)(p - c->v) : FC_NONE;
		e->kind = tag_kind((const char *)k->name);
		k->_private = e;
		c->n++;
	}
	return FC_OK;
}

static xmlNode *find_body(xmlNode *root)
{
	for (xmlNode *k = root ? root->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    !strcmp((const char *)k->name, "body"))
			return k;
	return root;
}

/* Keep the current attempt's output in out (copied to the arena). */
static fc_status take(struct ctx *c, struct fc_article *out)
{
	if (c->text.err || c->is_oom)
		return FC_ENOMEM;
	out->text = fc_arena_strndup(c->a, c->text.p ? c->text.p : "",
				     c->text.len);
	out->text_len = c->text.len;
	out->nparagraphs = c->nparas;
	out->drops = c->drops;
	out->ndrops = c->ndrops;
	c->drops = NULL;
	c->capdrops = c->ndrops = 0;
	return out->text ? FC_OK : FC_ENOMEM;
}

fc_status fc_html_extract(const struct fc_rules *r, struct fc_arena *a,
			  const char *html, size_t len, const char *base_url,
			  const char *content_type, struct fc_article *out,
			  struct fc_diags *d)
{
	memset(out, 0, sizeof(*out));
	struct fc_srcloc where = {base_url, 0, 0, 0};
	const struct fc_srcloc *loc = base_url ? &where : NULL;
	if (len > FC_HTML_MAX_BYTES) {
		fc_diag_add(d, FC_ELIMIT, loc,
			    "page larger than %zu MiB", FC_HTML_MAX_BYTES >> 20);
		return FC_ELIMIT;
	}
	char *u8;
	size_t u8len, nbad, first_bad;
	fc_status st = fc_html_to_utf8(a, html ? html : "", html ? len : 0,
				       content_type, loc, &u8, &u8len,
				       &out->charset, &nbad, &first_bad, d);
	if (st)
		return st;
	if (nbad && first_bad < len)
		fc_diag_warn(d, loc,
			     "%zu invalid byte%s replaced by U+FFFD (first at "
			     "byte %zu)",
			     nbad, nbad == 1 ? "" : "s", first_bad);
	else if (nbad)
		fc_diag_warn(d, loc, "%zu invalid byte%s replaced by U+FFFD",
			     nbad, nbad == 1 ? "" : "s");
	out->text = "";
	if (u8len == 0) {
		fc_diag_warn(d, loc, "no main text found (empty page)");
		return FC_OK;
	}

	xmlInitParser();
	htmlParserCtxtPtr px = htmlNewParserCtxt();
	if (!px)
		return FC_ENOMEM;
	htmlDocPtr doc = htmlCtxtReadMemory(px, u8, (int)u8len,
					    base_url, "UTF-8", XML_OPTIONS);
	if (!doc) {
		htmlFreeParserCtxt(px);
		fc_diag_add(d, FC_EINPUT, loc, "cannot parse the page as HTML");
		return FC_EINPUT;
	}
	if (px->disableSAX && px->lastError.code == XML_ERR_INTERNAL_ERROR) {
		out->is_truncated = true;
		fc_diag_warn(d, loc,
			     "elements nested more than 256 deep; the rest of "
			     "the page was not read");
	}
	htmlFreeParserCtxt(px);

	const struct fc_html *h = r && r->html && r->html->is_compiled
					  ? r->html
					  : NULL;
	struct ctx c = {.h = h, .a = a};
	if (h)
		c.set = h->set;
	else
		fc_html_settings_default(&c.set);
	c.clean_rules[0].id = "link-density";
	c.clean_rules[1].id = "class-weight";
	c.clean_links = &c.clean_rules[0];
	c.clean_weight = &c.clean_rules[1];
	fc_buf_init(&c.text, 0);
	fc_buf_init(&c.para, 0);
	xmlNode *root = xmlDocGetRootElement(doc);
	st = root ? collect(&c, root) : FC_OK;
	if (!st && h && h->nrules) {
		c.rule_mark = fc_arena_alloc(a, h->nrules * sizeof(uint32_t));
		if (!c.rule_mark)
			st = FC_ENOMEM;
		for (size_t i = 0; !st && i < c.n; i++)
			fc_html_verdicts(&c, &c.v[i], (uint32_t)i);
	}
	if (!st) {
		fc_html_meta(h, a, doc, base_url, out);
		xmlNode *body = find_body(root);
		if (root)
			attempt(&c, body, true);
		st = take(&c, out);
		if (!st && root && out->text_len < c.set.min_article_chars) {
			/* only when the first attempt lost the article: the
			** second must be long enough and twice as long */
			attempt(&c, body, false);
			if (c.text.len >= c.set.min_article_chars &&
			    c.text.len >= 2 * out->text_len) {
				st = take(&c, out);
				out->is_fallback = true;
			}
		}
	}
	fc_buf_finish(&c.text);
	fc_buf_finish(&c.para);
	xmlFreeDoc(doc);
	if (st) {
		fc_diag_add(d, st, loc, "out of memory reading the page");
		return st;
	}
	if (!out->text_len)
		fc_diag_warn(d, loc, "no main text found");
	return FC_OK;
}
