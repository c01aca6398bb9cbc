/*
** html.c: HTML (.html) -> blocks by a minimal, safe tag strip.
**
** Not a parser (libxml2 comes later): tags are removed, block-level tags
** end a block, h1-h6 make headings, li list items, <title> the title.
** The content of script, style and other non-text elements never
** reaches the text, even when the closing tag is missing (then the
** rest of the document goes). Navigation, asides, footers, forms and
** captions become dropped blocks ("html-nav", ...). Comments, CDATA and
** declarations go; character references are decoded. A published date
** comes from <meta property="article:published_time" content="...">
** (or name="date", itemprop="datePublished").
*/
#include <string.h>
#include <strings.h>

#include "text/text_p.h"

#define NAME_MAX_LEN 16

static const struct {
	const char *name;
	uint32_t cp;
} entities[] = {
	{"amp", '&'},      {"apos", '\''},    {"bull", 0x2022},
	{"cent", 0xA2},    {"copy", 0xA9},    {"deg", 0xB0},
	{"euro", 0x20AC},  {"gt", '>'},       {"hellip", 0x2026},
	{"laquo", 0xAB},   {"ldquo", 0x201C}, {"lsquo", 0x2018},
	{"lt", '<'},       {"mdash", 0x2014}, {"middot", 0xB7},
	{"nbsp", 0xA0},    {"ndash", 0x2013}, {"pound", 0xA3},
	{"quot", '"'},     {"raquo", 0xBB},   {"rdquo", 0x201D},
	{"reg", 0xAE},     {"rsquo", 0x2019}, {"shy", 0xAD},
	{"thinsp", 0x2009}, {"times", 0xD7},  {"trade", 0x2122},
	{"yen", 0xA5},     {"zwj", 0x200D},   {"zwnj", 0x200C},
};

size_t text_entity(const char *s, size_t n, uint32_t *cp)
{
	size_t i = 1;
	if (n < 3)
		return 0;
	if (s[1] == '#') {
		bool hex = n > 2 && (s[2] == 'x' || s[2] == 'X');
		uint32_t v = 0;
		size_t start = i = hex ? 3 : 2;
		for (; i < n && i - start < 8; i++) {
			char c = s[i];
			uint32_t dgt;
			if (c >= '0' && c <= '9')
				dgt = (uint32_t)(c - '0');
			else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f')
				dgt = (uint32_t)((c | 0x20) - 'a' + 10);
			else
				break;
			v = v * (hex ? 16 : 10) + dgt;
		}
		if (i == start || i >= n || s[i] != ';')
			return 0;
		*cp = v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)
			      ? 0xFFFD
			      : v;
		return i + 1;
	}
	while (i < n && i < 10 && (s[i] | 0x20) >= 'a' &&
	       (s[i] | 0x20) <= 'z')
		i++;
	if (i >= n || s[i] != ';')
		return 0;
	for (size_t k = 0; k < sizeof(entities) / sizeof(*entities); k++)
		if (strlen(entities[k].name) == i - 1 &&
		    !strncmp(entities[k].name, s + 1, i - 1)) {
			*cp = entities[k].cp;
			return i + 1;
		}
	return 0;
}

/* Elements whose content is never text. */
static const char *const raw_tags[] = {
	"script", "style", "noscript", "template", "svg", "math",
	"iframe", "object", "canvas", "textarea", "select", NULL,
};

/* Elements whose text is page furniture: dropped with a rule id. */
static const struct {
	const char *name, *rule;
} furniture[] = {
	{"nav", "html-nav"},       {"aside", "html-aside"},
	{"footer", "html-footer"}, {"form", "html-form"},
	{"figcaption", "html-figcaption"}, {"button", "html-button"},
};

static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br", "caption",
	"dd", "details", "dialog", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "head", "header", "hr", "html", "li", "main", "nav",
	"ol", "option", "p", "pre", "section", "summary", "table", "tbody",
	"td", "tfoot", "th", "thead", "title", "tr", "ul", NULL,
};

static bool in_list(const char *const *v, const char *name)
{
	for (size_t i = 0; v[i]; i++)
		if (!strcmp(v[i], name))
			return true;
	return false;
}

struct html {
	struct tdoc *t;
	struct tpara p;
	uint32_t flags;       /* of the block being written */
	const char *drop;     /* furniture rule of the outermost element */
	size_t drop_depth;    /* nesting of that element */
	const char *drop_tag;
	bool is_lost;         /* an unclosed tag: every '<' after is text */
};

static void ensure_open(struct html *h)
{
	if (!h->p.is_open)
		tpara_begin(&h->p, h->t, h->flags, h->drop);
}

/* Find the '>' closing a tag that opens at i, outside quotes. */
static size_t tag_end(const char *u, size_t i, size_t len)
{
	char q = 0;
	for (size_t j = i + 1; j < len; j++) {
		char c = u[j];
		if (q) {
			if (c == q)
				q = 0;
		} else if (c == '"' || c == '\'') {
			q = c;
		} else if (c == '>') {
			return j;
		}
	}
	return SIZE_MAX;
}

/* The value of attribute name in the tag u[i, e), or NULL; *n set. */
static const char *attr(const char *u, size_t i, size_t e, const char *name,
			size_t *n)
{
	size_t k = strlen(name);
	for (size_t j = i + 1; j + k + 1 < e; j++) {
		if (strncasecmp(u + j, name, k) || u[j + k] != '=' ||
		    (u[j - 1] != ' ' && u[j - 1] != '\t' && u[j - 1] != '\n'))
			continue;
		size_t v = j + k + 1;
		char q = u[v] == '"' || u[v] == '\'' ? u[v++] : 0;
		size_t w = v;
		while (w < e && (q ? u[w] != q : (u[w] != ' ' && u[w] != '>')))
			w++;
		*n = w - v;
		return u + v;
	}
	return NULL;
}

static void meta_date(struct tdoc *t, size_t i, size_t e)
{
	static const char *const names[] = {
		"article:published_time", "datePublished", "date",
		"pubdate", "publishdate", "og:published_time", NULL,
	};
	const char *u = t->u;
	size_t n = 0, cn = 0;
	const char *v = attr(u, i, e, "property", &n);
	if (!v)
		v = attr(u, i, e, "name", &n);
	if (!v)
		v = attr(u, i, e, "itemprop", &n);
	const char *c = attr(u, i, e, "content", &cn);
	if (!v || !c || cn < 10 || t->date[0])
		return;
	for (size_t k = 0; names[k]; k++)
		if (strlen(names[k]) == n && !strncasecmp(v, names[k], n)) {
			char date[11];
			int y, m, d;
			memcpy(date, c, 10);
			date[10] = '\0';
			if (fc_date_parse(date, &y, &m, &d))
				memcpy(t->date, date, 11);
			return;
		}
}

/* Skip past the closing tag of a raw-text element: SIZE_MAX if none. */
static size_t skip_raw(const char *u, size_t i, size_t len, const char *name)
{
	size_t k = strlen(name);
	while (i < len) {
		const char *q = memchr(u + i, '<', len - i);
		if (!q)
			return SIZE_MAX;
		size_t j = (size_t)(q - u);
		if (j + 2 + k <= len && u[j + 1] == '/' &&
		    !strncasecmp(u + j + 2, name, k)) {
			size_t e = tag_end(u, j, len);
			return e == SIZE_MAX ? SIZE_MAX : e + 1;
		}
		i = j + 1;
	}
	return SIZE_MAX;
}

/* Handle the tag at u[i] ('<'): the position after it. */
static size_t tag(struct html *h, size_t i)
{
	struct tdoc *t = h->t;
	const char *u = t->u;
	size_t len = t->len;
	if (len - i >= 4 && !strncmp(u + i, "<!--", 4)) {
		const char *q = memmem(u + i + 4, len - i - 4, "-->", 3);
		return q ? (size_t)(q - u) + 3 : len;
	}
	if (len - i >= 9 && !strncmp(u + i, "<![CDATA[", 9)) {
		const char *q = memmem(u + i + 9, len - i - 9, "]]>", 3);
		return q ? (size_t)(q - u) + 3 : len;
	}
	size_t e = tag_end(u, i, len);
	if (e == SIZE_MAX) {
		h->is_lost = true;
		return i;
	}
	if (u[i + 1] == '!' || u[i + 1] == '?')
		return e + 1;
	bool is_close = u[i + 1] == '/';
	size_t s = i + 1 + is_close, k = 0;
	char name[NAME_MAX_LEN + 1];
	while (s + k < e && k < NAME_MAX_LEN &&
	       (((u[s + k] | 0x20) >= 'a' && (u[s + k] | 0x20) <= 'z') ||
		(k && u[s + k] >= '0' && u[s + k] <= '9'))) {
		name[k] = (char)(u[s + k] | 0x20);
		k++;
	}
	name[k] = '\0';
	bool is_self = u[e - 1] == '/';
	if (!is_close && in_list(raw_tags, name) && !is_self) {
		tpara_end(&h->p);
		size_t after = skip_raw(u, e + 1, len, name);
		return after == SIZE_MAX ? len : after;
	}
	if (!is_close && !strcmp(name, "meta"))
		meta_date(t, i, e);
	if (!in_list(block_tags, name))
		return e + 1;
	tpara_end(&h->p);
	for (size_t f = 0; f < sizeof(furniture) / sizeof(*furniture); f++) {
		if (strcmp(furniture[f].name, name))
			continue;
		if (!h->drop && !is_close) {
			h->drop = furniture[f].rule;
			h->drop_tag = furniture[f].name;
			h->drop_depth = 1;
		} else if (h->drop && h->drop_tag == furniture[f].name) {
			if (!is_close)
				h->drop_depth++;
			else if (--h->drop_depth == 0)
				h->drop = h->drop_tag = NULL;
		}
	}
	h->flags = 0;
	if (!is_close) {
		if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' &&
		    !name[2])
			h->flags = TB_HEADING;
		else if (!strcmp(name, "li"))
			h->flags = TB_LIST;
		else if (!strcmp(name, "title"))
			h->flags = TB_HEADING | TB_TITLE;
	}
	return e + 1;
}

fc_status text_html(struct tdoc *t)
{
	struct html h = {.t = t};
	const char *u = t->u;
	size_t i = t->start, len = t->len;
	while (i < len) {
		if (u[i] == '<' && !h.is_lost && i + 1 < len &&
		    (((u[i + 1] | 0x20) >= 'a' && (u[i + 1] | 0x20) <= 'z') ||
		     u[i + 1] == '/' || u[i + 1] == '!' || u[i + 1] == '?')) {
			size_t j = tag(&h, i);
			if (j != i) {
				i = j;
				continue;
			}
		}
		if (u[i] == '&') {
			uint32_t cp;
			size_t k = text_entity(u + i, len - i, &cp);
			if (k) {
				ensure_open(&h);
				int cls = text_cp_class(cp);
				char buf[4];
				if (cls > 0)
					tpara_space(&h.p);
				else if (cls == 0)
					tpara_synth(&h.p, buf,
						    text_encode(cp, buf));
				i += k;
				continue;
			}
		}
		size_t j = i + 1;
		while (j < len && u[j] != '<' && u[j] != '&')
			j++;
		ensure_open(&h);
		tpara_text(&h.p, i, j - i);
		i = j;
	}
	tpara_end(&h.p);
	if (t->bl.err)
		return t->bl.err;
	return temit_status(&t->out);
}
