/*
** fill.c: one match of a claim rule -> facts.
**
** Slots are filled from the match's named groups (the tokens inside a
** group are mentions: one for an entity slot, all of them for a list
** slot, group entities expanded to their members), from the sentence
** (the first mention of the slot's type that lies in no slot group,
** inside the match first), from the items of `each` (one fact per
** item, with its position and the items before it), from constants, or
** from a duration anchored on the published or the sentence date.
**
** Polarity, modality and attribution come from the negation, hedge,
** attribution and quote mentions around the match. Every string a fact
** holds is copied into the corpus arena.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims/claims_p.h"

#define MAX_SPANS 64
#define QUOTE_LOOKBACK 64

struct span {
	uint32_t lo, hi;
	bool is_text;
};

struct elist {
	struct fc_entity *v;
	size_t n, cap;
	bool is_oom;
};

struct fill {
	struct match_ctx *m;
	struct span ex[MAX_SPANS]; /* slot groups, in text offsets */
	size_t nex;
	struct elist items; /* of `each` */
	int *item_group;    /* the rule name each item came from */
	size_t k;           /* current item */
	bool is_oom;
};

static bool is_entity_class(char c)
{
	return c == TOK_PERSON || c == TOK_COUNTRY || c == TOK_GOV ||
	       c == TOK_ORG || c == TOK_CITY || c == TOK_GROUP ||
	       c == TOK_OTHER;
}

static bool has_prefix(const char *s, const char *p)
{
	return s && !strncmp(s, p, strlen(p));
}

/* ---- Tokens and groups ----------------------------------------------------- */

/*
** The next token opening in [*i, e) of the tagged string: its mention
** index, or -1 when there is none. *cls is its class letter.
*/
static long next_token(const struct match_ctx *m, size_t *i, size_t e,
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
static bool group_span(const struct match_ctx *m, int gi, size_t *s,
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

static void text_span(const struct match_ctx *m, size_t s, size_t e,
		      uint32_t *lo, uint32_t *hi)
{
	*lo = m->t->lo[s];
	*hi = m->t->hi[e - 1];
	if (*hi < *lo)
		*hi = *lo;
}

/* ---- Entities -------------------------------------------------------------- */

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
static void add_entity(struct match_ctx *m, struct elist *l,
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
				add_entity(m, l, &mem, as_country);
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
static size_t span_heads(const struct match_ctx *m, size_t s, size_t e,
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
			long mi = next_token(m, &j, j + 1, &cls);
			if (mi >= 0 && is_entity_class(cls))
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

#define MAX_HEADS 64

/* Entities of the items of tagged span [s, e), in order. */
static void add_span_entities(struct match_ctx *m, struct elist *l, size_t s,
			      size_t e, bool as_country)
{
	long heads[MAX_HEADS];
	size_t n = span_heads(m, s, e, heads, MAX_HEADS);
	for (size_t i = 0; i < n; i++)
		add_entity(m, l, &m->doc->mentions[heads[i]].entity,
			   as_country);
}

/* ---- Text ------------------------------------------------------------------ */

/* text[lo, hi) with runs of white space as one space, trimmed. */
static char *clean_text(struct fc_arena *a, const char *text, uint32_t lo,
			uint32_t hi)
{
	while (lo < hi && strchr(" \t\r\n,;:", text[lo]))
		lo++;
	while (hi > lo && strchr(" \t\r\n,;:", text[hi - 1]))
		hi--;
	char *s = fc_arena_alloc(a, (size_t)(hi - lo) + 1);
	if (!s)
		return NULL;
	size_t n = 0;
	bool sp = false;
	for (uint32_t i = lo; i < hi; i++) {
		char c = text[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			sp = true;
			continue;
		}
		if (sp && n)
			s[n++] = ' ';
		sp = false;
		s[n++] = c;
	}
	s[n] = '\0';
	return s;
}

static const char *map_text(struct fc_arena *a, const struct slot_spec *sp,
			    const char *s)
{
	if (!sp->nmap)
		return s;
	char *low = fc_lower(a, s, strlen(s));
	if (!low)
		return NULL;
	for (size_t i = 0; i < sp->nmap; i++)
		for (size_t k = 0; k < sp->map[i].nvariants; k++)
			if (!strcmp(sp->map[i].variants[k], low))
				return fc_arena_strdup(a, sp->map[i].canon);
	return s;
}

/* ---- Times ----------------------------------------------------------------- */

/* "P13M", "P1Y6M", "P2W", "P12D": whole units only. */
static bool read_duration(const char *v, int *y, int *mo, int *d, int *grain)
{
	*y = *mo = *d = 0;
	*grain = 0; /* 3 year, 2 month, 1 day */
	if (*v++ != 'P' || !*v)
		return false;
	while (*v) {
		long n = 0;
		int nd = 0;
		while (*v >= '0' && *v <= '9' && nd < 6) {
			n = n * 10 + (*v++ - '0');
			nd++;
		}
		if (!nd)
			return false;
		switch (*v++) {
		case 'Y': *y += (int)n; *grain = *grain ? *grain : 3; break;
		case 'M': *mo += (int)n; *grain = *grain && *grain < 2 ? *grain : 2; break;
		case 'W': *d += 7 * (int)n; *grain = 1; break;
		case 'D': *d += (int)n; *grain = 1; break;
		default: return false;
		}
	}
	return *grain != 0;
}

/* Reference "YYYY", "YYYY-MM" or "YYYY-MM-DD..." -> fields present. */
static int read_ref(const char *v, int *y, int *mo, int *d)
{
	int f[3] = {0, 0, 0}, nf = 0;
	const char *p = v;
	static const int width[3] = {4, 2, 2};
	while (nf < 3) {
		int x = 0;
		for (int i = 0; i < width[nf]; i++, p++) {
			if (*p < '0' || *p > '9')
				goto done;
			x = x * 10 + (*p - '0');
		}
		f[nf++] = x;
		if (*p != '-')
			break;
		p++;
	}
done:
	*y = f[0];
	*mo = f[1];
	*d = f[2];
	if (nf >= 2 && (*mo < 1 || *mo > 12))
		return 0;
	if (nf == 3 && (*d < 1 || *d > 31))
		return 0;
	return nf;
}

static bool anchored_time(const char *dur, const char *ref, int sign,
			  struct fc_time *out)
{
	int dy, dmo, dd, grain, y, mo, d;
	if (!ref || !read_duration(dur, &dy, &dmo, &dd, &grain))
		return false;
	int nf = read_ref(ref, &y, &mo, &d);
	char v[40];
	if (grain == 3 && nf >= 1) {
		snprintf(v, sizeof(v), "%04d", y + sign * dy);
	} else if (grain == 2 && nf >= 2) {
		long months = (long)y * 12 + (mo - 1) + sign * (dy * 12L + dmo);
		snprintf(v, sizeof(v), "%04ld-%02ld", months / 12,
			 months % 12 + 1);
	} else if (grain == 1 && nf == 3) {
		long months = (long)y * 12 + (mo - 1) + sign * (dy * 12L + dmo);
		int32_t days = fc_days_from_civil((int)(months / 12),
						  (int)(months % 12) + 1, 1) +
			       (d - 1) + sign * dd;
		int ry, rm, rd;
		fc_civil_from_days(days, &ry, &rm, &rd);
		snprintf(v, sizeof(v), "%04d-%02d-%02d", ry, rm, rd);
	} else {
		return false;
	}
	memset(out, 0, sizeof(*out));
	out->type = FC_TIMEX_DATE;
	return fc_time_parse(v, out) == FC_OK;
}

/* ---- Slot values ----------------------------------------------------------- */

static bool in_excluded(const struct fill *f, uint32_t lo, uint32_t hi)
{
	for (size_t i = 0; i < f->nex; i++)
		if (lo < f->ex[i].hi && hi > f->ex[i].lo)
			return true;
	return false;
}

/* Is mention x inside the group of a text slot (a topic, a cause)? */
static bool in_excluded_text(const struct fill *f, const struct fc_mention *x)
{
	for (size_t i = 0; i < f->nex; i++)
		if (f->ex[i].is_text && x->start >= f->ex[i].lo &&
		    x->end <= f->ex[i].hi)
			return true;
	return false;
}

/* A time that places the fact: not PRESENT_REF, PAST_REF, FUTURE_REF. */
static bool is_placed(const struct fc_mention *x)
{
	const char *v = x->time.value;
	if (v[0] == 'P')
		v++; /* a duration: P13M, PT3H, PXY */
	return (v[0] >= '0' && v[0] <= '9') || v[0] == 'X' || v[0] == 'T';
}

static bool class_fits(enum slot_type t, char cls)
{
	switch (t) {
	case SLOT_DATE: return cls == TOK_DATE;
	case SLOT_DURATION: return cls == TOK_DURATION;
	case SLOT_QUANTITY: return cls == TOK_QUANTITY;
	case SLOT_ENTITY:
	case SLOT_ENTITY_TEXT:
	case SLOT_LIST: return cls == TOK_COUNTRY || cls == TOK_CITY;
	default: return false;
	}
}

/* First token of the sentence fitting t, in no slot group; inside first. */
static const struct fc_mention *sentence_mention(const struct fill *f,
						 enum slot_type t)
{
	const struct match_ctx *m = f->m;
	for (int pass = 0; pass < 2; pass++) {
		size_t i = 0;
		char cls;
		long mi;
		while ((mi = next_token(m, &i, m->t->len, &cls)) >= 0) {
			const struct fc_mention *x = &m->doc->mentions[mi];
			bool inside = x->start >= m->start && x->end <= m->end;
			if (!class_fits(t, cls) || inside != (pass == 0) ||
			    in_excluded(f, x->start, x->end) ||
			    (cls == TOK_DATE && !is_placed(x)))
				continue;
			return x;
		}
	}
	return NULL;
}

/* First token of class fitting t in the groups of sp. */
static const struct fc_mention *group_mention(const struct fill *f,
					      const struct slot_spec *sp,
					      enum slot_type t)
{
	for (size_t g = 0; g < sp->ngroups; g++) {
		size_t s, e;
		if (!group_span(f->m, sp->groups[g], &s, &e))
			continue;
		char cls;
		long mi;
		while ((mi = next_token(f->m, &s, e, &cls)) >= 0)
			if (t == SLOT_ENTITY ? is_entity_class(cls)
					     : class_fits(t, cls) &&
						       (cls != TOK_DATE ||
							is_placed(&f->m->doc->mentions[mi])))
				return &f->m->doc->mentions[mi];
	}
	return NULL;
}

static void set_entity(struct fill *f, const struct slot_spec *sp,
		       const struct fc_entity *e, struct fc_value *v)
{
	struct elist l = {0};
	add_entity(f->m, &l, e, sp->is_country);
	if (l.n) {
		v->type = FC_VAL_ENTITY;
		v->entity = l.v[0];
	}
	f->is_oom |= l.is_oom;
	free(l.v);
}

static void set_list(struct fill *f, struct elist *l, struct fc_value *v)
{
	f->is_oom |= l->is_oom;
	if (!l->n || l->is_oom)
		return;
	v->items = fc_arena_alloc(&f->m->c->arena, l->n * sizeof(*v->items));
	if (!v->items) {
		f->is_oom = true;
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		v->items[i].type = FC_VAL_ENTITY;
		v->items[i].entity = l->v[i];
	}
	v->nitems = l->n;
	v->type = FC_VAL_LIST;
}

static void set_text(struct fill *f, const struct slot_spec *sp,
		     const char *s, struct fc_value *v)
{
	if (!s) {
		f->is_oom = true;
		return;
	}
	const char *t = map_text(&f->m->c->arena, sp, s);
	if (!t) {
		f->is_oom = true;
		return;
	}
	if (*t) {
		v->type = FC_VAL_TEXT;
		v->text = t;
	}
}

static void fill_list(struct fill *f, const struct slot_spec *sp,
		      struct fc_value *v)
{
	struct match_ctx *m = f->m;
	struct elist l = {0};
	switch (sp->from) {
	case FROM_GROUP:
		for (size_t g = 0; g < sp->ngroups; g++) {
			size_t s, e;
			if (group_span(m, sp->groups[g], &s, &e))
				add_span_entities(m, &l, s, e, sp->is_country);
		}
		if (sp->with_item && f->k < f->items.n)
			add_entity(m, &l, &f->items.v[f->k], sp->is_country);
		break;
	case FROM_ITEM:
		if (f->k < f->items.n)
			add_entity(m, &l, &f->items.v[f->k], sp->is_country);
		break;
	case FROM_PRECEDING:
		for (size_t i = 0; i < f->k && i < f->items.n; i++)
			add_entity(m, &l, &f->items.v[i], sp->is_country);
		break;
	case FROM_SPEAKER:
		if (m->quote && m->quote->speaker)
			add_entity(m, &l, m->quote->speaker, sp->is_country);
		break;
	case FROM_SENTENCE: {
		const struct fc_mention *x = sentence_mention(f, SLOT_LIST);
		if (x)
			add_entity(m, &l, &x->entity, sp->is_country);
		break;
	}
	default: break;
	}
	set_list(f, &l, v);
	free(l.v);
}

/* The text of the first group of sp that matched. */
static const char *group_text(struct fill *f, const struct slot_spec *sp)
{
	for (size_t g = 0; g < sp->ngroups; g++) {
		size_t s, e;
		uint32_t lo, hi;
		if (!group_span(f->m, sp->groups[g], &s, &e))
			continue;
		text_span(f->m, s, e, &lo, &hi);
		return clean_text(&f->m->c->arena, f->m->doc->text, lo, hi);
	}
	return "";
}

/*
** ENTITY_TEXT from a group: an entity when the group is one token (an
** article before it aside), else the group's words without a leading
** article.
*/
static void fill_entity_text(struct fill *f, const struct slot_spec *sp,
			     struct fc_value *v)
{
	for (size_t g = 0; g < sp->ngroups; g++) {
		size_t s, e, i;
		if (!group_span(f->m, sp->groups[g], &s, &e))
			continue;
		/* skip a leading article */
		const char *str = f->m->t->s;
		while (s < e && str[s] == ' ')
			s++;
		if (e - s > 4 && !strncasecmp(str + s, "the ", 4))
			s += 4;
		i = s;
		char cls;
		long mi = next_token(f->m, &i, e, &cls);
		if (mi >= 0 && i == e && str[s] == TOK_OPEN &&
		    is_entity_class(cls)) {
			set_entity(f, sp, &f->m->doc->mentions[mi].entity, v);
			if (v->type != FC_VAL_NONE)
				return;
		}
		break;
	}
	/* a target in words drops its article: "a Russian naval base" */
	const char *txt = group_text(f, sp);
	if (txt && (!strncasecmp(txt, "a ", 2) || !strncasecmp(txt, "an ", 3) ||
		    !strncasecmp(txt, "the ", 4)))
		txt = strchr(txt, ' ') + 1;
	set_text(f, sp, txt, v);
}

static void fill_time(struct fill *f, const struct slot_spec *sp,
		      struct fc_value *v)
{
	struct match_ctx *m = f->m;
	enum slot_type t = sp->def->type;
	const struct fc_mention *x = NULL;
	if (sp->from == FROM_SENTENCE) {
		x = sentence_mention(f, t);
	} else if (sp->anchor) {
		const struct fc_mention *dur = group_mention(f, sp,
							     SLOT_DURATION);
		const char *ref = m->doc->published;
		if (sp->anchor == ANCHOR_SENTENCE) {
			const struct fc_mention *r = sentence_mention(f,
								      SLOT_DATE);
			ref = r ? r->time.value : NULL;
		}
		if (dur && anchored_time(dur->time.value, ref,
					 sp->anchor_sign, &v->time))
			v->type = FC_VAL_TIME;
		return;
	} else {
		x = group_mention(f, sp, t);
	}
	if (x) {
		v->type = FC_VAL_TIME;
		v->time = x->time;
	}
}

static void fill_value(struct fill *f, const struct slot_spec *sp,
		       struct fc_value *v)
{
	struct match_ctx *m = f->m;
	enum slot_type t = sp->def->type;
	memset(v, 0, sizeof(*v));
	if (sp->from == FROM_VALUE) {
		set_text(f, sp, fc_arena_strdup(&m->c->arena, sp->value), v);
		return;
	}
	switch (t) {
	case SLOT_LIST: fill_list(f, sp, v); return;
	case SLOT_DATE:
	case SLOT_DURATION: fill_time(f, sp, v); return;
	case SLOT_INT:
		if (sp->from == FROM_POSITION && f->k < f->items.n) {
			v->type = FC_VAL_INT;
			v->i = (int64_t)f->k + 1;
		}
		return;
	case SLOT_QUANTITY: {
		const struct fc_mention *x =
			sp->from == FROM_SENTENCE ? sentence_mention(f, t)
						  : group_mention(f, sp, t);
		if (x) {
			v->type = FC_VAL_QUANTITY;
			v->quantity = x->quantity;
		}
		return;
	}
	case SLOT_TEXT:
	case SLOT_ENTITY_TEXT:
		if (sp->from == FROM_QUOTE && m->quote) {
			uint32_t lo = m->quote->inner_start;
			uint32_t hi = m->quote->inner_end;
			if (hi > m->doc->text_len || lo > hi)
				return;
			set_text(f, sp, clean_text(&m->c->arena, m->doc->text,
						   lo, hi),
				 v);
			return;
		}
		if (t == SLOT_TEXT) {
			if (sp->from == FROM_GROUP)
				set_text(f, sp, group_text(f, sp), v);
			return;
		}
		if (sp->from == FROM_GROUP) {
			fill_entity_text(f, sp, v);
			return;
		}
		/* entity sources */
		__attribute__((fallthrough));
	case SLOT_ENTITY: {
		const struct fc_entity *e = NULL;
		if (sp->from == FROM_ITEM && f->k < f->items.n) {
			e = &f->items.v[f->k];
		} else if (sp->from == FROM_SPEAKER && m->quote) {
			e = m->quote->speaker;
		} else if (sp->from == FROM_SENTENCE) {
			const struct fc_mention *x = sentence_mention(f, t);
			e = x ? &x->entity : NULL;
		} else if (sp->from == FROM_GROUP) {
			/* the first item whose head maps (as: country) */
			for (size_t g = 0; g < sp->ngroups && !v->type; g++) {
				size_t s, e2;
				long heads[MAX_HEADS];
				if (!group_span(m, sp->groups[g], &s, &e2))
					continue;
				size_t nh = span_heads(m, s, e2, heads,
						       MAX_HEADS);
				for (size_t h = 0; h < nh && !v->type; h++)
					set_entity(f, sp,
						   &m->doc->mentions[heads[h]]
							    .entity,
						   v);
			}
			return;
		}
		if (e)
			set_entity(f, sp, e, v);
		return;
	}
	}
}

/* ---- Facts ----------------------------------------------------------------- */

static bool value_equal(const struct fc_value *a, const struct fc_value *b)
{
	if (a->type != b->type)
		return false;
	switch (a->type) {
	case FC_VAL_NONE: return true;
	case FC_VAL_ENTITY: return !strcmp(a->entity.id, b->entity.id);
	case FC_VAL_TIME: return !strcmp(a->time.value, b->time.value);
	case FC_VAL_QUANTITY:
		return a->quantity.value == b->quantity.value &&
		       !a->quantity.unit == !b->quantity.unit &&
		       (!a->quantity.unit ||
			!strcmp(a->quantity.unit, b->quantity.unit));
	case FC_VAL_TEXT: return !strcmp(a->text, b->text);
	case FC_VAL_INT: return a->i == b->i;
	case FC_VAL_LIST:
		if (a->nitems != b->nitems)
			return false;
		for (size_t i = 0; i < a->nitems; i++)
			if (!value_equal(&a->items[i], &b->items[i]))
				return false;
		return true;
	}
	return false;
}

static bool is_duplicate(const struct match_ctx *m, const char *kind,
			 const struct fc_slot *slots, size_t nslots)
{
	for (size_t i = m->sent_first; i < m->c->nfacts; i++) {
		const struct fc_fact *o = &m->c->facts[i];
		if (strcmp(o->kind, kind) || o->nslots != nslots)
			continue;
		size_t k;
		for (k = 0; k < nslots; k++)
			if (strcmp(o->slots[k].name, slots[k].name) ||
			    !value_equal(&o->slots[k].value, &slots[k].value))
				break;
		if (k == nslots)
			return true;
	}
	return false;
}

/* Text of an attribution: its source's label, else its own words. */
static const char *attribution_text(struct match_ctx *m,
				    const struct fc_mention *x)
{
	if (x->speaker)
		return x->speaker->label ? x->speaker->label : x->speaker->id;
	if (x->end > m->doc->text_len || x->start >= x->end)
		return NULL;
	return clean_text(&m->c->arena, m->doc->text, x->start, x->end);
}

static uint32_t distance(uint32_t lo, uint32_t hi, uint32_t s, uint32_t e)
{
	return hi <= s ? s - hi : lo >= e ? lo - e : 0;
}

/* Polarity, modality and attribution of the facts of this match. */
static void stance(struct fill *f, struct fc_fact *fact)
{
	struct match_ctx *m = f->m;
	const struct fc_document *doc = m->doc;
	const struct fc_mention *best = NULL;
	uint32_t bestd = UINT32_MAX;
	bool is_hedged = false;
	fact->polarity = FC_POL_ASSERTED;
	for (uint32_t i = m->t->mfirst; i < m->t->mend; i++) {
		const struct fc_mention *x = &doc->mentions[i];
		switch (x->kind) {
		case FC_MENTION_NEGATION:
			if (!m->quote && x->start >= m->start &&
			    x->end <= m->end && !in_excluded_text(f, x))
				fact->polarity = FC_POL_NEGATED;
			break;
		case FC_MENTION_HEDGE:
			/* "partly" inside a quote or a topic hedges that */
			if (!in_excluded_text(f, x))
				is_hedged = true;
			break;
		case FC_MENTION_ATTRIBUTION: {
			/* "X said" inside the match is the claim itself */
			if (x->start >= m->start && x->start < m->end)
				break;
			uint32_t dd = distance(x->start, x->end, m->start,
					       m->end);
			if (dd < bestd) {
				bestd = dd;
				best = x;
			}
			break;
		}
		default: break;
		}
	}
	/* a quote around the match speaks for it */
	if (!m->quote) {
		size_t from = m->t->mfirst > QUOTE_LOOKBACK
				      ? m->t->mfirst - QUOTE_LOOKBACK
				      : 0;
		for (size_t i = from; i < m->t->mend; i++) {
			const struct fc_mention *x = &doc->mentions[i];
			if (x->kind == FC_MENTION_QUOTE && x->speaker &&
			    x->inner_start <= m->start && x->inner_end >= m->end) {
				best = x;
				bestd = 0;
			}
		}
	}
	if (best) {
		fact->modality = FC_MODAL_REPORTED;
		fact->attribution = attribution_text(m, best);
	}
	if (is_hedged)
		fact->modality = FC_MODAL_HEDGED;
}

static void exclude(struct fill *f, uint32_t lo, uint32_t hi, bool is_text)
{
	if (f->nex < MAX_SPANS && hi > lo)
		f->ex[f->nex++] = (struct span){lo, hi, is_text};
}

/* The spans of every group feeding a slot or `each`. */
static void collect_excluded(struct fill *f)
{
	struct match_ctx *m = f->m;
	const struct rule *ru = m->rule;
	if (m->quote) {
		exclude(f, m->quote->start, m->quote->end, true);
		return;
	}
	for (size_t i = 0; i < ru->nslots; i++) {
		const struct slot_spec *sp = &ru->slots[i];
		bool is_text = sp->def->type == SLOT_TEXT ||
			       sp->def->type == SLOT_ENTITY_TEXT;
		for (size_t g = 0; g < sp->ngroups; g++) {
			size_t s, e;
			uint32_t lo, hi;
			if (!group_span(m, sp->groups[g], &s, &e))
				continue;
			text_span(m, s, e, &lo, &hi);
			exclude(f, lo, hi, is_text);
		}
	}
	for (size_t i = 0; i < ru->neach; i++) {
		size_t s, e;
		uint32_t lo, hi;
		if (!group_span(m, ru->each[i], &s, &e))
			continue;
		text_span(m, s, e, &lo, &hi);
		exclude(f, lo, hi, false);
	}
}

static void collect_items(struct fill *f)
{
	struct match_ctx *m = f->m;
	for (size_t i = 0; i < m->rule->neach; i++) {
		size_t s, e, n0 = f->items.n;
		if (!group_span(m, m->rule->each[i], &s, &e))
			continue;
		add_span_entities(m, &f->items, s, e, false);
		if (f->items.n == n0)
			continue;
		int *g = realloc(f->item_group, f->items.n * sizeof(*g));
		if (!g) {
			f->is_oom = true;
			return;
		}
		f->item_group = g;
		for (size_t k = n0; k < f->items.n; k++)
			g[k] = m->rule->each[i];
	}
	f->is_oom |= f->items.is_oom;
}

/* Fill and append one fact (item f->k when the rule has `each`). */
static fc_status emit_fact(struct fill *f, size_t *nemitted)
{
	struct match_ctx *m = f->m;
	const struct rule *ru = m->rule;
	struct fc_slot *slots = fc_arena_alloc(&m->c->arena,
					       (ru->nslots + 1) * sizeof(*slots));
	if (!slots)
		return FC_ENOMEM;
	size_t n = 0;
	for (size_t i = 0; i < ru->nslots; i++) {
		const struct slot_spec *sp = &ru->slots[i];
		if (sp->item_of >= 0 &&
		    (f->k >= f->items.n || f->item_group[f->k] != sp->item_of))
			continue;
		fill_value(f, sp, &slots[n].value);
		if (f->is_oom)
			return FC_ENOMEM;
		if (slots[n].value.type == FC_VAL_NONE)
			continue;
		slots[n++].name = sp->def->name;
	}
	/* a fact says something: at least one slot, and the kind's
	** required ones */
	if (n == 0)
		return FC_OK;
	for (size_t i = 0; i < ru->kind->nslots; i++) {
		const struct slot_def *def = &ru->kind->slots[i];
		if (!def->is_required)
			continue;
		size_t k;
		for (k = 0; k < n; k++)
			if (!strcmp(slots[k].name, def->name))
				break;
		if (k == n || (slots[k].value.type == FC_VAL_LIST &&
			       slots[k].value.nitems < def->min_items))
			return FC_OK;
	}
	if (is_duplicate(m, ru->kind->name, slots, n))
		return FC_OK;
	struct fc_fact *fact = fc_corpus_push_fact(m->c);
	if (!fact)
		return FC_ENOMEM;
	fact->kind = ru->kind->name;
	fact->rule = fc_arena_strdup(&m->c->arena, ru->id);
	fact->doc = m->di;
	fact->sentence = m->quote ? m->quote->sentence : m->t->sentence;
	fact->start = m->start;
	fact->end = m->end;
	fact->slots = slots;
	fact->nslots = n;
	stance(f, fact);
	if (!fact->rule)
		return FC_ENOMEM;
	(*nemitted)++;
	return FC_OK;
}

fc_status fill_facts(struct match_ctx *m, size_t *nemitted)
{
	struct fill f = {.m = m};
	fc_status st = FC_OK;
	collect_excluded(&f);
	if (m->rule->neach) {
		collect_items(&f);
		for (f.k = 0; f.k < f.items.n && !st && !f.is_oom; f.k++)
			st = emit_fact(&f, nemitted);
	} else {
		st = emit_fact(&f, nemitted);
	}
	free(f.items.v);
	free(f.item_group);
	return f.is_oom ? FC_ENOMEM : st;
}

void match_ctx_finish(struct match_ctx *m)
{
	free(m->ents);
	m->ents = NULL;
	m->nents = 0;
	m->is_ents_built = false;
}
