/*
** html_test.c: run the golden `tests:` of kind: html rule files.
**
** A case gives a page (`html:`, as text), optionally its `url:` and
** `content_type:`. When the content type names a charset other than
** UTF-8 the page text is first encoded in it, so that a case can show
** how a Latin-1 page reads. The page is extracted with the whole rule
** suite, which produces the items
**
**   {kind: paragraph, text}          each paragraph of the main text
**   {kind: title|author|published|canonical|site_name, text}
**   {kind: dropped, rule, tag, text} each element left out
**
** An `expect:` entry must match some item (every field it gives equal);
** a `reject:` entry must match none.
*/
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "fetch/fetch_p.h"

struct item {
	const char *kind, *text, *rule, *tag;
};

struct items {
	struct item *v;
	size_t n, cap;
};

static void push(struct fc_arena *a, struct items *it, const char *kind,
		 const char *text, const char *rule, const char *tag)
{
	if (!text && !rule)
		return;
	void *g = fc_arena_grow(a, it->v, sizeof(*it->v), &it->cap, it->n + 1);
	if (!g)
		return;
	it->v = g;
	it->v[it->n++] = (struct item){kind, text, rule, tag};
}

static void article_items(struct fc_arena *a, const struct fc_article *art,
			  struct items *it)
{
	const char *s = art->text;
	while (s && *s) {
		const char *e = strstr(s, "\n\n");
		size_t n = e ? (size_t)(e - s) : strlen(s);
		push(a, it, "paragraph", fc_arena_strndup(a, s, n), NULL, NULL);
		s = e ? e + 2 : s + n;
	}
	push(a, it, "title", art->title, NULL, NULL);
	push(a, it, "author", art->author, NULL, NULL);
	push(a, it, "published", art->published, NULL, NULL);
	push(a, it, "canonical", art->canonical_url, NULL, NULL);
	push(a, it, "site_name", art->site_name, NULL, NULL);
	for (size_t i = 0; i < art->ndrops; i++)
		push(a, it, "dropped", art->drops[i].text, art->drops[i].rule,
		     art->drops[i].tag);
}

static const char *field(const struct item *x, const char *name)
{
	if (!strcmp(name, "kind"))
		return x->kind;
	if (!strcmp(name, "text"))
		return x->text;
	if (!strcmp(name, "rule"))
		return x->rule;
	if (!strcmp(name, "tag"))
		return x->tag;
	return NULL;
}

static bool matches(const struct fc_ynode *want, const struct item *x)
{
	for (size_t i = 0; i + 1 < want->nkids; i += 2) {
		const struct fc_ynode *v = want->kids[i + 1];
		const char *got = field(x, want->kids[i]->str);
		if (v->type != FC_Y_SCALAR || !got || strcmp(got, v->str))
			return false;
	}
	return true;
}

static void render(struct fc_buf *b, const struct fc_ynode *want)
{
	fc_buf_adds(b, "{");
	for (size_t i = 0; i + 1 < want->nkids; i += 2) {
		fc_buf_printf(b, "%s%s: ", i ? ", " : "", want->kids[i]->str);
		if (want->kids[i + 1]->type == FC_Y_SCALAR)
			fc_json_str(b, want->kids[i + 1]->str);
	}
	fc_buf_adds(b, "}");
}

/* Encode UTF-8 text in charset (for Latin-1 pages); NULL on failure. */
static char *encode(struct fc_arena *a, const char *charset, const char *s,
		    size_t *len)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t n = strlen(s), room = 4 * n + 16;
	char *out = fc_arena_alloc(a, room), *o = out, *in = (char *)s;
	if (!out) {
		iconv_close(cd);
		return NULL;
	}
	size_t rc = iconv(cd, &in, &n, &o, &room);
	iconv_close(cd);
	if (rc == (size_t)-1)
		return NULL;
	*len = (size_t)(o - out);
	return out;
}

/* Run one case; false when it fails (errors added to d). */
static bool run_case(const struct fc_rules *r, const struct fc_ynode *t,
		     struct fc_diags *d)
{
	const struct fc_ynode *html = fc_ymap_get(t, "html");
	const struct fc_ynode *url = fc_ymap_get(t, "url");
	const struct fc_ynode *ct = fc_ymap_get(t, "content_type");
	if (!html || html->type != FC_Y_SCALAR)
		return false;
	struct fc_arena a;
	fc_arena_init(&a);
	const char *page = html->str;
	size_t len = html->len;
	const char *ctype = ct && ct->type == FC_Y_SCALAR ? ct->str : NULL;
	const char *cs = fc_http_charset(&a, ctype);
	bool ok = true;
	if (cs && strcmp(cs, "utf-8") && strcmp(cs, "utf8")) {
		if (!(page = encode(&a, cs, html->str, &len))) {
			fc_diag_add(d, FC_EINPUT, &ct->loc,
				    "cannot encode the page in '%s'", cs);
			fc_arena_finish(&a);
			return false;
		}
	}
	struct fc_diags quiet;
	fc_diags_init(&quiet);
	struct fc_article art;
	fc_html_extract(r, &a, page, len,
			url && url->type == FC_Y_SCALAR ? url->str : NULL,
			ctype, &art, &quiet);
	fc_diags_finish(&quiet);
	struct items it = {0};
	article_items(&a, &art, &it);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int pass = 0; pass < 2; pass++) {
		const struct fc_ynode *list =
			fc_ymap_get(t, pass ? "reject" : "expect");
		for (size_t i = 0; list && list->type == FC_Y_SEQ &&
				   i < list->nkids;
		     i++) {
			const struct fc_ynode *want = list->kids[i];
			if (want->type != FC_Y_MAP)
				continue;
			bool found = false;
			for (size_t k = 0; k < it.n && !found; k++)
				found = matches(want, &it.v[k]);
			if (found == !pass)
				continue;
			ok = false;
			fc_buf_reset(&b);
			render(&b, want);
			fc_diag_add(d, FC_EINPUT, &want->loc, "%s item %s %s",
				    pass ? "rejected" : "expected",
				    fc_buf_cstr(&b),
				    pass ? "was produced" : "not produced");
		}
	}
	fc_buf_finish(&b);
	fc_arena_finish(&a);
	return ok;
}

fc_status fc_html_rules_test(const struct fc_rules *r, size_t *npass,
			     size_t *nfail, struct fc_diags *d)
{
	*npass = *nfail = 0;
	for (size_t i = 0; r && i < r->nfiles; i++) {
		const struct fc_rulefile *f = &r->files[i];
		if (!f->root || !f->kind || strcmp(f->kind, "html"))
			continue;
		const struct fc_ynode *tests = fc_ymap_get(f->root, "tests");
		for (size_t k = 0; tests && tests->type == FC_Y_SEQ &&
				   k < tests->nkids;
		     k++) {
			if (tests->kids[k]->type != FC_Y_MAP)
				continue;
			if (run_case(r, tests->kids[k], d))
				(*npass)++;
			else
				(*nfail)++;
		}
	}
	return *nfail ? FC_EINPUT : FC_OK;
}
