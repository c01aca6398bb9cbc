/*
** entities.c: the mentions inside a match: tokens of the tagged string,
** named groups, the items of a coordinated list (the last entity of
** each item is its head), entities of the document and corpus by id,
** group entities expanded to their members, and `as: country`.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims/claims_p.h"

bool cl_is_entity_class(char c)
{
	return c == TOK_PERSON || c == TOK_COUNTRY || c == TOK_GOV ||
	       c == TOK_ORG || c == TOK_CITY || c == TOK_GROUP ||
	       c == TOK_OTHER;
}

static bool has_prefix(const char *s, const char *p)
{
	return s && !strncmp(s, p, strlen(p));
}

/* ---- Tokens and groups --------------------------------------------------- */

/*
** The next token opening in [*i, e) of the tagged string: its mention
** index, or -1 when there is none. *cls is its class letter.
*/
long cl_next_token(const struct match_ctx *m, size_t *i, size_t e,
		       char *cls)
{
	const char *s = m->t->s;
	size_t len = m->t->len;
	while (*i < e) {
		if (s[*i] != TOK_OPEN) {
			(*i)++;
			continue;
		}
		size_t j = *i + 1;
		if (j >= len)
			break;
		char c = s[j++];
		unsigned long v = 0;
		size_t nd = 0;
		while (j < len && s[j] >= '0' && s[j] <= '9' && nd < 10) {
			v = v * 10 + (unsigned long)(s[j] - '0');
			j++;
			nd++;
		}
		*i = j;
		if (nd && j < len && s[j] == TOK_CLOSE &&
		    v < m->doc->nmentions) {
			*i = j + 1;
			*cls = c;
			return (long)v;
		}
	}
	return -1;
}

/* The span of rule name gi in the tagged string, when it matched. */
bool cl_group_span(const struct match_ctx *m, int gi, size_t *s,
		       size_t *e)
{
	const struct pattern *p = m->pat;
	if (!p || gi < 0 || !p->gnum[gi])
		return false;
	for (size_t k = 0; k < p->ngnum[gi]; k++) {
		uint32_t g = p->gnum[gi][k];
		if (m->ov[2 * g] == PCRE2_UNSET || m->ov[2 * g + 1] <= m->ov[2 * g])
			continue;
		*s = m->ov[2 * g];
		*e = m->ov[2 * g + 1];
		return true;
	}
	return false;
}

void cl_text_span(const struct match_ctx *m, size_t s, size_t e,
		      uint32_t *lo, uint32_t *hi)
{
	*lo = m->t->lo[s];
	*hi = m->t->hi[e - 1];
	if (*hi < *lo)
		*hi = *lo;
}

/* ---- Entities ------------------------------------------------------------ */

static int cmp_ent(const void *x, const void *y)
{
	const struct fc_mention *a = *(const struct fc_mention *const *)x;
	const struct fc_mention *b = *(const struct fc_mention *const *)y;
	return strcmp(a->entity.id, b->entity.id);
}

static bool build_ents(struct match_ctx *m)
{
	if (m->is_ents_built)
		return true;
	size_t n = 0;
	for (size_t i = 0; i < m->doc->nmentions; i++)
		n += m->doc->mentions[i].kind == FC_MENTION_ENTITY &&
		     m->doc->mentions[i].entity.id;
	m->ents = malloc((n ? n : 1) * sizeof(*m->ents));
	if (!m->ents)
		return false;
	for (size_t i = 0; i < m->doc->nmentions; i++) {
		const struct fc_mention *x = &m->doc->mentions[i];
		if (x->kind == FC_MENTION_ENTITY && x->entity.id)
			m->ents[m->nents++] = x;
	}
	qsort(m->ents, m->nents, sizeof(*m->ents), cmp_ent);
	m->is_ents_built = true;
	return true;
}

static const struct fc_entity *find_entity(struct match_ctx *m, const char *id)
{
	if (!build_ents(m))
		return NULL;
	size_t lo = 0, hi = m->nents;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->ents[mid]->entity.id, id);
		if (!c)
			return &m->ents[mid]->entity;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* An entity of another document of the corpus by id, or NULL (cached). */
static const struct fc_entity *find_entity_corpus(struct match_ctx *m,
						  const char *id)
{
	for (size_t i = 0; i < m->nothers; i++)
		if (!strcmp(m->other_ids[i], id))
			return m->others[i];
	const struct fc_entity *found = NULL;
	for (size_t di = 0; di < m->c->ndocs && !found; di++) {
		const struct fc_document *doc = &m->c->docs[di];
		for (size_t i = 0; di != m->di && i < doc->nmentions; i++) {
			const struct fc_mention *x = &doc->mentions[i];
			if (x->kind == FC_MENTION_ENTITY && x->entity.id &&
			    !strcmp(x->entity.id, id)) {
				found = &x->entity;
				break;
			}
		}
	}
	void *g = fc_arena_grow(&m->c->arena, m->others, sizeof(*m->others),
				&m->capothers, m->nothers + 1);
	void *h = g ? fc_arena_grow(&m->c->arena, m->other_ids,
				    sizeof(*m->other_ids), &m->capother_ids,
				    m->nothers + 1)
		    : NULL;
	if (g && h) {
		m->others = g;
		m->other_ids = h;
		m->others[m->nothers] = found;
		m->other_ids[m->nothers++] = id;
	}
	return found;
}

/* The label of country:<code>: this document, the corpus, else code. */
static const char *country_label(struct match_ctx *m, const char *code,
				 const char *id)
{
	const struct fc_entity *e = find_entity(m, id);
	if (e && e->label)
		return e->label;
	for (size_t i = 0; i < m->nlabels; i++)
		if (!strcmp(m->labels[i].code, code))
			return m->labels[i].label;
	const char *label = NULL;
	for (size_t di = 0; di < m->c->ndocs && !label; di++) {
		const struct fc_document *doc = &m->c->docs[di];
		if (di == m->di)
			continue;
		for (size_t i = 0; i < doc->nmentions; i++) {
			const struct fc_mention *x = &doc->mentions[i];
			if (x->kind == FC_MENTION_ENTITY && x->entity.id &&
			    x->entity.label && !strcmp(x->entity.id, id)) {
				label = x->entity.label;
				break;
			}
		}
	}
	if (!label)
		label = fc_arena_strdup(&m->c->arena, code);
	if (strlen(code) < sizeof(m->labels->code)) {
		void *g = fc_arena_grow(&m->c->arena, m->labels,
					sizeof(*m->labels), &m->caplabels,
					m->nlabels + 1);
		if (g) {
			m->labels = g;
			snprintf(m->labels[m->nlabels].code,
				 sizeof(m->labels->code), "%s", code);
			m->labels[m->nlabels++].label = label;
		}
	}
	return label;
}

/* as: country. False when the entity has no country (organisations,
** groups, people of unknown nationality). */
static bool to_country(struct match_ctx *m, const struct fc_entity *e,
		       struct fc_entity *out)
{
	if (e->type == FC_ENT_COUNTRY) {
		*out = *e;
		return true;
	}
	const char *code = e->country;
	if (!code && has_prefix(e->id, "gov:"))
		code = e->id + 4;
	if (!code || !*code || e->type == FC_ENT_ORG ||
	    e->type == FC_ENT_GROUP)
		return false;
	char *id = fc_arena_printf(&m->c->arena, "country:%s", code);
	if (!id)
		return false;
	memset(out, 0, sizeof(*out));
	out->id = id;
	out->type = FC_ENT_COUNTRY;
	out->country = code;
	out->label = country_label(m, code, id);
	return out->label != NULL;
}

static void elist_add(struct elist *l, const struct fc_entity *e)
{
	if (l->is_oom || !e->id)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].id, e->id))
			return;
	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 8;
		struct fc_entity *v = realloc(l->v, ncap * sizeof(*v));
		if (!v) {
			l->is_oom = true;
			return;
		}
		l->v = v;
		l->cap = ncap;
	}
	l->v[l->n++] = *e;
}

/* A member id of a group entity, when no mention of it is at hand. */
static bool synth_member(struct match_ctx *m, const char *id,
			 struct fc_entity *out)
{
	static const struct {
		const char *prefix;
		enum fc_entity_type type;
	} kinds[] = {
		{"person:", FC_ENT_PERSON}, {"country:", FC_ENT_COUNTRY},
		{"gov:", FC_ENT_GOVERNMENT}, {"org:", FC_ENT_ORG},
		{"city:", FC_ENT_CITY},
		/* an office ("the Iranian president", no listed holder):
		** whoever holds it, a person */
		{"office:", FC_ENT_PERSON},
	};
	memset(out, 0, sizeof(*out));
	out->id = id;
	out->label = id;
	out->type = FC_ENT_OTHER;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (has_prefix(id, kinds[i].prefix)) {
			out->type = kinds[i].type;
			if (out->type == FC_ENT_COUNTRY ||
			    out->type == FC_ENT_GOVERNMENT)
				out->country = id + strlen(kinds[i].prefix);
			if (out->type == FC_ENT_COUNTRY)
				out->label = country_label(
					m, out->country, id);
		}
	return true;
}

/* Add e to l: group entities as their members, mapped when as_country. */
void cl_add_entity(struct match_ctx *m, struct elist *l,
		       const struct fc_entity *e, bool as_country)
{
	if (e->type == FC_ENT_GROUP && has_prefix(e->id, "group:")) {
		const char *p = e->id + 6;
		while (*p) {
			const char *q = strchr(p, '+');
			size_t n = q ? (size_t)(q - p) : strlen(p);
			char *id = fc_arena_strndup(&m->c->arena, p, n);
			if (!id) {
				l->is_oom = true;
				return;
			}
			struct fc_entity mem;
			const struct fc_entity *f = n ? find_entity(m, id) : NULL;
			if (!f && n)
				f = find_entity_corpus(m, id);
			if (f)
				mem = *f;
			else if (n)
				synth_member(m, id, &mem);
			if (n)
				cl_add_entity(m, l, &mem, as_country);
			p += n + (q != NULL);
		}
		return;
	}
	/* as: country keeps what has no country (an organisation) */
	struct fc_entity c;
	if (as_country && to_country(m, e, &c))
		elist_add(l, &c);
	else
		elist_add(l, e);
}

/*
** Is there an item separator at s[i]: ',', ';', '&', the word "and",
** or '-' '/' right between two tokens? *n is its length.
*/
static bool separator_at(const char *s, size_t i, size_t e, size_t *n)
{
	char c = s[i];
	*n = 1;
	if (c == ',' || c == ';' || c == '&')
		return true;
	if ((c == '-' || c == '/') && i > 0 && s[i - 1] == TOK_CLOSE &&
	    i + 1 < e && s[i + 1] == TOK_OPEN)
		return true;
	if (i + 3 <= e && !strncasecmp(s + i, "and", 3) &&
	    (i == 0 || s[i - 1] == ' ' || s[i - 1] == TOK_CLOSE) &&
	    (i + 3 == e || s[i + 3] == ' ' || s[i + 3] == TOK_OPEN)) {
		*n = 3;
		return true;
	}
	return false;
}

/*
** The heads of the coordinated items of tagged span [s, e): in each
** item ("Israeli Prime Minister Benjamin Netanyahu", "his Iranian
** counterpart Masoud Pezeshkian") the last entity token. Mention
** indexes go to heads (at most max).
*/
size_t cl_span_heads(const struct match_ctx *m, size_t s, size_t e,
			 long *heads, size_t max)
{
	const char *str = m->t->s;
	size_t n = 0;
	long head = -1;
	for (size_t i = s; i < e;) {
		size_t sl;
		if (str[i] == TOK_OPEN) {
			char cls;
			size_t j = i;
			long mi = cl_next_token(m, &j, j + 1, &cls);
			if (mi >= 0 && cl_is_entity_class(cls))
				head = mi;
			i = mi >= 0 ? j : i + 1;
			continue;
		}
		if (separator_at(str, i, e, &sl)) {
			if (head >= 0 && n < max)
				heads[n++] = head;
			head = -1;
			i += sl;
			continue;
		}
		i++;
	}
	if (head >= 0 && n < max)
		heads[n++] = head;
	return n;
}

/* Entities of the items of tagged span [s, e), in order. */
void cl_add_span_entities(struct match_ctx *m, struct elist *l, size_t s,
			      size_t e, bool as_country)
{
	long heads[MAX_HEADS];
	size_t n = cl_span_heads(m, s, e, heads, MAX_HEADS);
	for (size_t i = 0; i < n; i++)
		cl_add_entity(m, l, &m->doc->mentions[heads[i]].entity,
			   as_country);
}
