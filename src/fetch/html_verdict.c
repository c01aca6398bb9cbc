/*
** html_verdict.c: what the kind: html rules say about one element.
**
** Tags and class/id words are looked up in the sorted tables built by
** fc_html_compile; roles and attribute selectors are tried rule by rule
** (there are few). A class name or id is tried whole and word by word
** (split at non-alphanumerics and camelCase humps): within one name a
** drop word wins ("article-comments"), across names a keep word wins
** (class="entry-content has-comments"). Each weight rule counts once
** per element.
*/
#include <string.h>
#include <strings.h>

#include "fetch/html_p.h"

#define MAX_NAME 128 /* class/id names longer than this are ignored */

static const struct html_key *find_key(const struct html_key *v, size_t n,
				       const char *k, size_t *count)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(v[mid].key, k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t e = lo;
	while (e < n && !strcmp(v[e].key, k))
		e++;
	*count = e - lo;
	return v + lo;
}

struct verdict {
	const struct html_rule *drop_word, *keep_word;
};

/* Apply rule ri to element e (each rule acts once per element). */
static void apply(struct ctx *c, struct nd *e, uint32_t ei, uint32_t ri,
		  struct verdict *w, bool by_word)
{
	const struct html_rule *ru = &c->h->rules[ri];
	if (ru->action == ACT_DROP) {
		if (by_word) {
			if (!w->drop_word)
				w->drop_word = ru;
			return;
		}
		if (ru->is_strict && !e->strict_drop)
			e->strict_drop = ru;
		else if (!ru->is_strict && !e->soft_drop)
			e->soft_drop = ru;
		return;
	}
	if (ru->action == ACT_KEEP) {
		if (by_word) {
			if (!w->keep_word)
				w->keep_word = ru;
		} else {
			e->is_kept = true;
		}
		return;
	}
	if (c->rule_mark[ri] == ei + 1)
		return;
	c->rule_mark[ri] = ei + 1;
	e->weight += ru->weight;
	if (by_word)
		e->class_weight += ru->weight;
}

static void match_word(struct ctx *c, struct nd *e, uint32_t ei,
		       const char *tok, struct verdict *w)
{
	const struct fc_html *h = c->h;
	size_t cnt;
	const struct html_key *k = find_key(h->wordkeys, h->nwordkeys, tok,
					    &cnt);
	for (size_t i = 0; i < cnt; i++)
		apply(c, e, ei, k[i].rule, w, true);
	for (size_t i = 0; i < h->nprefixkeys; i++)
		if (!strncmp(tok, h->prefixkeys[i].key, h->prefixkeys[i].len))
			apply(c, e, ei, h->prefixkeys[i].rule, w, true);
}

/*
** One class name or id: the whole name and each of its words (split at
** non-alphanumerics and camelCase humps). Within one name a drop word
** wins ("article-comments"); across names a keep wins.
*/
static void match_name(struct ctx *c, struct nd *e, uint32_t ei,
		       const char *s, size_t n, bool *any_drop, bool *any_keep,
		       const struct html_rule **first_drop)
{
	char name[MAX_NAME + 1], tok[MAX_NAME + 1];
	if (!n || n > MAX_NAME)
		return;
	for (size_t i = 0; i < n; i++)
		name[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a'
							    : s[i]);
	name[n] = '\0';
	struct verdict w = {0};
	match_word(c, e, ei, name, &w);
	size_t t = 0;
	for (size_t i = 0; i <= n; i++) {
		char ch = i < n ? s[i] : '\0';
		bool is_alnum = (ch >= 'a' && ch <= 'z') ||
				(ch >= 'A' && ch <= 'Z') ||
				(ch >= '0' && ch <= '9');
		bool hump = ch >= 'A' && ch <= 'Z' && i > 0 && s[i - 1] >= 'a' &&
			    s[i - 1] <= 'z';
		if ((!is_alnum || hump) && t) {
			tok[t] = '\0';
			if (t < n)
				match_word(c, e, ei, tok, &w);
			t = 0;
		}
		if (is_alnum)
			tok[t++] = name[i];
	}
	if (w.drop_word) {
		*any_drop = true;
		if (!*first_drop)
			*first_drop = w.drop_word;
	} else if (w.keep_word) {
		*any_keep = true;
	}
}

static bool attr_matches(const xmlNode *n, const struct attr_sel *s)
{
	const char *v = fc_html_attr(n, s->name);
	if (!v)
		return false;
	if (s->op == ATTR_PRESENT)
		return true;
	if (s->op == ATTR_EQUALS) {
		while (*v == ' ')
			v++;
		size_t k = strlen(s->value);
		if (strncasecmp(v, s->value, k))
			return false;
		for (v += k; *v == ' '; v++)
			;
		return *v == '\0';
	}
	char buf[256];
	size_t k = 0;
	for (; *v && k + 1 < sizeof(buf); v++)
		if (*v != ' ' && *v != '\t' && *v != '\n')
			buf[k++] = (char)(*v >= 'A' && *v <= 'Z' ? *v - 'A' + 'a'
								 : *v);
	buf[k] = '\0';
	return strstr(buf, s->value) != NULL;
}

static bool has_word(const char *list, const char *w)
{
	size_t wl = strlen(w);
	for (const char *p = list; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t k = strcspn(p, " \t\n");
		if (k == wl && !strncasecmp(p, w, wl))
			return true;
		p += k;
	}
	return false;
}

void fc_html_verdicts(struct ctx *c, struct nd *e, uint32_t ei)
{
	const struct fc_html *h = c->h;
	const char *tag = (const char *)e->node->name;
	size_t cnt;
	const struct html_key *k = find_key(h->tagkeys, h->ntagkeys, tag, &cnt);
	for (size_t i = 0; i < cnt; i++)
		apply(c, e, ei, k[i].rule, NULL, false);
	const char *role = fc_html_attr(e->node, "role");
	for (uint32_t ri = 0; ri < h->nrules; ri++) {
		const struct html_rule *ru = &h->rules[ri];
		bool hit = false;
		for (size_t j = 0; role && j < ru->nroles && !hit; j++)
			hit = has_word(role, ru->roles[j]);
		for (size_t j = 0; j < ru->nattrs && !hit; j++)
			hit = attr_matches(e->node, &ru->attrs[j]);
		if (hit)
			apply(c, e, ei, ri, NULL, false);
	}
	if (!h->nwordkeys && !h->nprefixkeys)
		return;
	bool any_drop = false, any_keep = false;
	const struct html_rule *first = NULL;
	const char *cls = fc_html_attr(e->node, "class");
	for (const char *p = cls; p && *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		size_t len = strcspn(p, " \t\n");
		match_name(c, e, ei, p, len, &any_drop, &any_keep, &first);
		p += len;
	}
	const char *id = fc_html_attr(e->node, "id");
	if (id)
		match_name(c, e, ei, id, strlen(id), &any_drop, &any_keep,
			   &first);
	if (any_keep)
		e->is_kept = true;
	if (any_drop && !e->soft_drop && !e->strict_drop)
		e->soft_drop = first;
}
