/*
** html_meta.c: metadata of a parsed page.
**
** One pass over the document collects every candidate value under a
** source name, first occurrence winning:
**
**   meta:NAME    <meta name|property|itemprop=NAME content=...>, and any
**                element with itemprop=NAME and a content or datetime
**   jsonld:KEY   in <script type=application/ld+json>: the first string
**                under KEY, or the first "name" inside KEY's object or
**                array ("author": [{"name": "..."}])
**   link:REL     <link rel=REL href=...>, resolved against the page URL
**   title, h1    the text of the first <title> / <h1>
**   time         the datetime of the first <time> inside an <article>,
**                else of the first <time> in the page
**
** then each field takes the first source of its list (from the rules, or
** the built-in order below) that has a usable value; `published` must
** read as a date and is given as YYYY-MM-DD.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>

#include "fetch/fetch_p.h"

#define MAX_SOURCES 512  /* candidate values kept per page */
#define MAX_VALUE 2048   /* bytes kept per value */
#define JSON_MAX_DEPTH 64

static const char *const default_title[] = {
	"meta:og:title", "meta:twitter:title", "jsonld:headline", "h1",
	"title"};
static const char *const default_published[] = {
	"meta:article:published_time", "jsonld:datePublished",
	"meta:datePublished", "meta:pubdate", "meta:publishdate",
	"meta:date", "meta:dc.date.issued", "meta:dcterms.created", "time"};
static const char *const default_author[] = {
	"meta:author", "jsonld:author", "meta:dc.creator"};
static const char *const default_canonical[] = {"link:canonical",
						"meta:og:url"};
static const char *const default_site[] = {
	"meta:og:site_name", "jsonld:publisher", "meta:application-name"};

static const struct {
	const char *const *v;
	size_t n;
} defaults[META_NFIELDS] = {
	[META_TITLE] = {default_title, 5},
	[META_PUBLISHED] = {default_published, 9},
	[META_AUTHOR] = {default_author, 3},
	[META_CANONICAL] = {default_canonical, 2},
	[META_SITE_NAME] = {default_site, 3},
};

struct msrc {
	const char *key; /* source name, lower case */
	const char *val;
};

struct meta {
	struct fc_arena *a;
	struct msrc v[MAX_SOURCES];
	size_t n;
	const char **jkeys; /* jsonld keys wanted (lower case) */
	size_t njkeys;
	const char *time_article, *time_any;
};

/* ---- helpers shared with html.c --------------------------------------- */

const char *fc_html_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *p = n->properties; p; p = p->next) {
		if (!p->name || strcasecmp((const char *)p->name, name))
			continue;
		if (p->children && p->children->content)
			return (const char *)p->children->content;
		return "";
	}
	return NULL;
}

static bool is_skipped_tag(const xmlNode *n)
{
	const char *t = (const char *)n->name;
	return !strcmp(t, "script") || !strcmp(t, "style") ||
	       !strcmp(t, "template") || !strcmp(t, "noscript");
}

/* Append s with whitespace and NBSP collapsed; *sp: a space is pending. */
static void add_collapsed(struct fc_buf *b, const char *s, bool *sp,
			  size_t max)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (b->len >= max)
			return;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f' || (*p == 0xC2 && p[1] == 0xA0)) {
			if (*p == 0xC2)
				p++;
			*sp = b->len > 0;
			continue;
		}
		if (*sp) {
			fc_buf_addc(b, ' ');
			*sp = false;
		}
		fc_buf_addc(b, (char)*p);
	}
}

void fc_html_node_text(const xmlNode *n, struct fc_buf *b, size_t max)
{
	bool sp = b->len > 0 && b->p[b->len - 1] != ' ';
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			add_collapsed(b, (const char *)n->content, &sp, max);
		return;
	}
	const xmlNode *cur = n->children;
	while (cur && b->len < max) {
		bool descend = false;
		if ((cur->type == XML_TEXT_NODE ||
		     cur->type == XML_CDATA_SECTION_NODE) &&
		    cur->content)
			add_collapsed(b, (const char *)cur->content, &sp, max);
		else if (cur->type == XML_ELEMENT_NODE && !is_skipped_tag(cur)) {
			descend = cur->children != NULL;
			if (fc_html_is_block((const char *)cur->name))
				sp = b->len > 0;
		}
		if (descend) {
			cur = cur->children;
			continue;
		}
		while (cur && cur != n && !cur->next) {
			cur = cur->parent;
			if (cur && cur->type == XML_ELEMENT_NODE &&
			    fc_html_is_block((const char *)cur->name))
				sp = b->len > 0;
		}
		if (!cur || cur == n)
			break;
		if (cur->type == XML_ELEMENT_NODE &&
		    fc_html_is_block((const char *)cur->name))
			sp = b->len > 0;
		cur = cur->next;
	}
}

/* The collapsed text of n as an arena string, or NULL when empty. */
static const char *node_text(struct fc_arena *a, const xmlNode *n)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_html_node_text(n, &b, MAX_VALUE);
	const char *s = b.len ? fc_arena_strdup(a, fc_buf_cstr(&b)) : NULL;
	fc_buf_finish(&b);
	return s;
}

/* A value with whitespace collapsed, or NULL when empty. */
static const char *clean_value(struct fc_arena *a, const char *s)
{
	struct fc_buf b;
	bool sp = false;
	fc_buf_init(&b, 0);
	add_collapsed(&b, s, &sp, MAX_VALUE);
	const char *r = b.len ? fc_arena_strdup(a, fc_buf_cstr(&b)) : NULL;
	fc_buf_finish(&b);
	return r;
}

static void put(struct meta *m, const char *prefix, const char *name,
		const char *val)
{
	if (!val || m->n >= MAX_SOURCES)
		return;
	char *key = fc_arena_printf(m->a, "%s%s", prefix, name);
	if (!key)
		return;
	for (char *p = key; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->v[i].key, key))
			return;
	const char *v = clean_value(m->a, val);
	if (!v)
		return;
	m->v[m->n].key = key;
	m->v[m->n].val = v;
	m->n++;
}

static const char *get(const struct meta *m, const char *key)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcasecmp(m->v[i].key, key))
			return m->v[i].val;
	return NULL;
}

/* ---- dates ------------------------------------------------------------ */

bool fc_html_date(const char *s, char buf[11])
{
	static const char *const mon[] = {"jan", "feb", "mar", "apr",
					  "may", "jun", "jul", "aug",
					  "sep", "oct", "nov", "dec"};
	int y = -1, m = -1, dd = -1;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	if (n >= 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
	    (n == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ')) {
		y = fc_digits(s, 4);
		m = fc_digits(s + 5, 2);
		dd = fc_digits(s + 8, 2);
	} else {
		/* RFC 1123: [Day, ]DD Mon YYYY */
		const char *p = strchr(s, ',');
		p = p ? p + 1 : s;
		while (*p == ' ')
			p++;
		int k = 0;
		while (p[k] >= '0' && p[k] <= '9' && k < 3)
			k++;
		if (k < 1 || k > 2 || p[k] != ' ')
			return false;
		dd = fc_digits(p, k);
		p += k + 1;
		for (int i = 0; i < 12; i++)
			if (!strncasecmp(p, mon[i], 3) && p[3] == ' ')
				m = i + 1;
		if (m < 0)
			return false;
		p += 4;
		y = fc_digits(p, 4);
		if (p[4] && p[4] != ' ')
			return false;
	}
	if (y < 0 || y > 9999 || m < 1 || m > 12 || dd < 1 || dd > 31)
		return false;
	const int f[3][2] = {{y, 4}, {m, 2}, {dd, 2}};
	char *o = buf;
	for (int i = 0; i < 3; i++) {
		for (int k = f[i][1] - 1, v = f[i][0]; k >= 0; k--, v /= 10)
			o[k] = (char)('0' + v % 10);
		o += f[i][1];
		*o++ = i < 2 ? '-' : '\0';
	}
	int yy, mm, d2;
	return fc_date_parse(buf, &yy, &mm, &d2);
}

/* ---- JSON-LD ---------------------------------------------------------- */

struct jlevel {
	bool is_obj;
	int want_here; /* wanted key whose value this container is */
	int under;     /* innermost wanted key around it */
	int key_want;  /* objects: wanted index of the current key, or -1 */
	bool key_is_name;
};

static int wanted(const struct meta *m, const char *k)
{
	for (size_t i = 0; i < m->njkeys; i++)
		if (!strcasecmp(m->jkeys[i], k))
			return (int)i;
	return -1;
}

/* Read a JSON string at s[*i] == '"' into b (escapes decoded). */
static void json_string(const char *s, size_t n, size_t *i, struct fc_buf *b)
{
	size_t j = *i + 1;
	while (j < n && s[j] != '"') {
		if (s[j] != '\\' || j + 1 >= n) {
			if (b->len < MAX_VALUE)
				fc_buf_addc(b, s[j]);
			j++;
			continue;
		}
		char e = s[j + 1];
		j += 2;
		unsigned cp = 0;
		switch (e) {
		case 'n': case 't': case 'r': case 'f': case 'b':
			cp = ' ';
			break;
		case 'u': {
			int k = 0;
			for (; k < 4 && j + (size_t)k < n; k++) {
				char c = s[j + (size_t)k];
				unsigned v = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
					     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
					     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
								    : 16u;
				if (v > 15)
					break;
				cp = cp * 16 + v;
			}
			j += (size_t)k;
			if (k < 4 || (cp >= 0xD800 && cp <= 0xDFFF) || !cp)
				cp = 0xFFFD; /* pairs are rare in metadata */
			break;
		}
		default:
			cp = (unsigned char)e;
		}
		char u[4];
		size_t ul;
		if (cp < 0x80) {
			u[0] = (char)cp;
			ul = 1;
		} else if (cp < 0x800) {
			u[0] = (char)(0xC0 | cp >> 6);
			u[1] = (char)(0x80 | (cp & 0x3F));
			ul = 2;
		} else {
			u[0] = (char)(0xE0 | cp >> 12);
			u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
			u[2] = (char)(0x80 | (cp & 0x3F));
			ul = 3;
		}
		if (b->len < MAX_VALUE)
			fc_buf_add(b, u, ul);
	}
	*i = j < n ? j + 1 : n;
}

static void json_set(struct meta *m, int w, const char *val)
{
	if (w >= 0 && val[0])
		put(m, "jsonld:", m->jkeys[w], val);
}

/*
** A tolerant scan of JSON text: strings, objects and arrays are tracked,
** everything else is skipped a byte at a time, so garbage ends nothing.
*/
static void json_scan(struct meta *m, const char *s, size_t n)
{
	struct jlevel st[JSON_MAX_DEPTH];
	size_t depth = 0, over = 0; /* over: levels beyond the stack */
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; i < n;) {
		char c = s[i];
		struct jlevel *top = depth ? &st[depth - 1] : NULL;
		if (c == '{' || c == '[') {
			i++;
			if (over || depth == JSON_MAX_DEPTH) {
				over++;
				continue;
			}
			int w = -1;
			if (top && top->is_obj)
				w = top->key_want;
			else if (top)
				w = -1;
			st[depth] = (struct jlevel){
				.is_obj = c == '{',
				.want_here = w,
				.under = w >= 0 ? w : top ? top->under : -1,
				.key_want = -1,
			};
			if (top && top->is_obj) {
				top->key_want = -1;
				top->key_is_name = false;
			}
			depth++;
		} else if (c == '}' || c == ']') {
			i++;
			if (over)
				over--;
			else if (depth)
				depth--;
		} else if (c == '"') {
			fc_buf_reset(&b);
			json_string(s, n, &i, &b);
			const char *str = fc_buf_cstr(&b);
			size_t k = i;
			while (k < n && (s[k] == ' ' || s[k] == '\t' ||
					 s[k] == '\n' || s[k] == '\r'))
				k++;
			if (over || !top)
				continue;
			if (top->is_obj && k < n && s[k] == ':') {
				top->key_want = wanted(m, str);
				top->key_is_name = !strcmp(str, "name");
				i = k + 1;
				continue;
			}
			if (top->is_obj) {
				if (top->key_want >= 0)
					json_set(m, top->key_want, str);
				else if (top->key_is_name)
					json_set(m, top->under, str);
				top->key_want = -1;
				top->key_is_name = false;
			} else {
				json_set(m, top->want_here, str);
			}
		} else {
			i++;
		}
	}
	fc_buf_finish(&b);
}

/* ---- the pass ----------------------------------------------------------- */

static bool has_token(const char *list, const char *tok)
{
	size_t tl = strlen(tok);
	for (const char *p = list; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t k = strcspn(p, " \t\n");
		if (k == tl && !strncasecmp(p, tok, tl))
			return true;
		p += k;
	}
	return false;
}

static void visit(struct meta *m, const xmlNode *n, bool in_article,
		  struct fc_article *out)
{
	const char *t = (const char *)n->name;
	const char *v, *ip = fc_html_attr(n, "itemprop");
	if (ip && ((v = fc_html_attr(n, "content")) ||
		   (v = fc_html_attr(n, "datetime"))))
		put(m, "meta:", ip, v);
	if (!strcmp(t, "meta")) {
		const char *content = fc_html_attr(n, "content");
		if (!content)
			return;
		if ((v = fc_html_attr(n, "name")))
			put(m, "meta:", v, content);
		if ((v = fc_html_attr(n, "property")))
			put(m, "meta:", v, content);
	} else if (!strcmp(t, "link")) {
		const char *rel = fc_html_attr(n, "rel");
		const char *href = fc_html_attr(n, "href");
		if (rel && href && has_token(rel, "canonical"))
			put(m, "link:", "canonical", href);
		else if (rel && href && has_token(rel, "author"))
			put(m, "link:", "author", href);
	} else if (!strcmp(t, "title")) {
		if (!get(m, "title"))
			put(m, "", "title", node_text(m->a, n));
	} else if (!strcmp(t, "h1")) {
		if (!get(m, "h1"))
			put(m, "", "h1", node_text(m->a, n));
	} else if (!strcmp(t, "time")) {
		v = fc_html_attr(n, "datetime");
		if (v && in_article && !m->time_article)
			m->time_article = v;
		if (v && !m->time_any)
			m->time_any = v;
	} else if (!strcmp(t, "html")) {
		if ((v = fc_html_attr(n, "lang")) && *v && !out->lang)
			out->lang = clean_value(m->a, v);
	} else if (!strcmp(t, "script")) {
		v = fc_html_attr(n, "type");
		if (!v || !strstr(v, "ld+json"))
			return;
		for (const xmlNode *c = n->children; c; c = c->next)
			if (c->content)
				json_scan(m, (const char *)c->content,
					  strlen((const char *)c->content));
	}
}

/* Resolve a link against the page URL; NULL when not http(s). */
static const char *absolute(struct fc_arena *a, const char *href,
			    const char *base)
{
	xmlChar *u = xmlBuildURI((const xmlChar *)href,
				 (const xmlChar *)(base ? base : ""));
	const char *r = NULL;
	if (u && (!strncasecmp((char *)u, "http://", 7) ||
		  !strncasecmp((char *)u, "https://", 8)))
		r = fc_arena_strdup(a, (char *)u);
	xmlFree(u);
	return r;
}

void fc_html_meta(const struct fc_html *h, struct fc_arena *a, xmlDoc *doc,
		  const char *base_url, struct fc_article *out)
{
	struct meta *m = calloc(1, sizeof(*m));
	if (!m)
		return;
	m->a = a;
	/* the JSON-LD keys named by any field's sources */
	const char *jk[64];
	for (int f = 0; f < META_NFIELDS; f++) {
		bool own = h && h->has_meta[f];
		size_t ns = own ? h->nmeta[f] : defaults[f].n;
		for (size_t i = 0; i < ns && m->njkeys < 64; i++) {
			const char *s = own ? h->meta[f][i] : defaults[f].v[i];
			if (!strncmp(s, "jsonld:", 7))
				jk[m->njkeys++] = s + 7;
		}
	}
	m->jkeys = jk;

	xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *cur = root;
	size_t article_depth = 0; /* >0 while inside an <article> */
	while (cur) {
		if (cur->type == XML_ELEMENT_NODE) {
			bool is_art = !strcmp((const char *)cur->name,
					      "article");
			visit(m, cur, article_depth > 0 || is_art, out);
			if (cur->children) {
				article_depth += is_art;
				cur = cur->children;
				continue;
			}
		}
		while (cur && !cur->next) {
			cur = cur->parent;
			if (cur && cur->type == XML_ELEMENT_NODE &&
			    !strcmp((const char *)cur->name, "article"))
				article_depth--;
			if (cur == root || (cur && cur->type != XML_ELEMENT_NODE))
				cur = NULL;
		}
		if (cur)
			cur = cur->next;
	}
	put(m, "", "time", m->time_article ? m->time_article : m->time_any);

	const char **fields[META_NFIELDS] = {
		&out->title, &out->published, &out->author,
		&out->canonical_url, &out->site_name};
	for (int f = 0; f < META_NFIELDS; f++) {
		bool own = h && h->has_meta[f];
		size_t ns = own ? h->nmeta[f] : defaults[f].n;
		for (size_t i = 0; i < ns && !*fields[f]; i++) {
			const char *s = own ? h->meta[f][i] : defaults[f].v[i];
			const char *v = get(m, s);
			if (!v)
				continue;
			if (f == META_PUBLISHED) {
				char buf[11];
				if (fc_html_date(v, buf))
					*fields[f] = fc_arena_strdup(a, buf);
			} else if (f == META_CANONICAL) {
				*fields[f] = absolute(a, v, base_url);
			} else {
				*fields[f] = v;
			}
		}
	}
	free(m);
}
