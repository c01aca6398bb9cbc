/*
** model.c: corpus lifetime, growable model arrays, and value text.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stages.h"

struct fc_corpus *fc_corpus_create(void)
{
	struct fc_corpus *c = calloc(1, sizeof(*c));
	if (c)
		fc_arena_init(&c->arena);
	return c;
}

void fc_corpus_destroy(struct fc_corpus *c)
{
	if (!c)
		return;
	fc_arena_finish(&c->arena);
	free(c);
}

struct fc_mention *fc_doc_push_mention(struct fc_arena *a,
				       struct fc_document *doc)
{
	/* nothing points into the array (speakers point at interned
	** entities): it may move, and a big one is reallocated */
	void *v = fc_arena_regrow(a, doc->mentions, sizeof(*doc->mentions),
				  &doc->capmentions, doc->nmentions + 1);
	if (!v)
		return NULL;
	doc->mentions = v;
	struct fc_mention *m = &doc->mentions[doc->nmentions++];
	memset(m, 0, sizeof(*m));
	m->sentence = FC_NONE;
	return m;
}

struct fc_fact *fc_corpus_push_fact(struct fc_corpus *c)
{
	void *v = fc_arena_grow(&c->arena, c->facts, sizeof(*c->facts),
				&c->capfacts, c->nfacts + 1);
	if (!v)
		return NULL;
	c->facts = v;
	struct fc_fact *f = &c->facts[c->nfacts++];
	memset(f, 0, sizeof(*f));
	f->id = fc_arena_printf(&c->arena, "f%zu", c->nfacts);
	return f->id ? f : NULL;
}

static int cmp_mention(const void *x, const void *y)
{
	const struct fc_mention *a = x, *b = y;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return (int)a->kind - (int)b->kind;
}

/*
** The sort key of a mention: start ascending, end descending, kind, and
** last its index, so that ties keep their order as the stable qsort of
** cmp_mention kept it, and every key differs.
*/
struct mkey {
	uint64_t pos;  /* start << 32 | ~end */
	uint64_t kind; /* kind << 32 | index */
};

static bool key_le(const struct mkey *a, const struct mkey *b)
{
	return a->pos < b->pos || (a->pos == b->pos && a->kind <= b->kind);
}

/* Merge sort of v[0, n) with tmp of n; a merge of two halves already in
** order is one comparison, so the runs the stages emit (each stage's
** mentions mostly in text order) sort in near linear time. */
static void sort_keys(struct mkey *v, struct mkey *tmp, size_t n)
{
	if (n <= 16) {
		for (size_t i = 1; i < n; i++) {
			struct mkey k = v[i];
			size_t j = i;
			for (; j > 0 && !key_le(&v[j - 1], &k); j--)
				v[j] = v[j - 1];
			v[j] = k;
		}
		return;
	}
	size_t h = n / 2;
	sort_keys(v, tmp, h);
	sort_keys(v + h, tmp, n - h);
	if (key_le(&v[h - 1], &v[h]))
		return;
	memcpy(tmp, v, h * sizeof(*v));
	size_t i = 0, j = h, o = 0;
	while (i < h && j < n)
		v[o++] = key_le(&tmp[i], &v[j]) ? tmp[i++] : v[j++];
	while (i < h)
		v[o++] = tmp[i++];
}

/* Sort the mentions by their keys: each mention moves once, along the
** cycles of the permutation. Returns false when out of memory. */
static bool sort_mentions(struct fc_mention *m, size_t n)
{
	struct mkey *k = malloc(n * sizeof(*k)), *tmp = malloc(n * sizeof(*k));
	if (!k || !tmp) {
		free(k);
		free(tmp);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		k[i] = (struct mkey){(uint64_t)m[i].start << 32 |
					     (uint32_t)~m[i].end,
				     (uint64_t)m[i].kind << 32 | i};
	sort_keys(k, tmp, n);
	/* position j takes the mention at src(j) = the low half of k[j].kind */
	for (size_t i = 0; i < n; i++) {
		if ((uint32_t)k[i].kind == i)
			continue;
		struct fc_mention first = m[i];
		size_t j = i;
		for (;;) {
			size_t src = (uint32_t)k[j].kind;
			k[j].kind = j;
			if (src == i)
				break;
			m[j] = m[src];
			j = src;
		}
		m[j] = first;
	}
	free(k);
	free(tmp);
	return true;
}

void fc_mentions_finish(struct fc_document *doc)
{
	/* (qsort, stable here, when there is no memory for the keys) */
	if (doc->nmentions > 1 &&
	    (doc->nmentions > UINT32_MAX ||
	     !sort_mentions(doc->mentions, doc->nmentions)))
		qsort(doc->mentions, doc->nmentions, sizeof(*doc->mentions),
		      cmp_mention);
	size_t s = 0;
	for (size_t i = 0; i < doc->nmentions; i++) {
		struct fc_mention *m = &doc->mentions[i];
		while (s < doc->nsentences && doc->sentences[s].end <= m->start)
			s++;
		m->sentence = s < doc->nsentences ? (uint32_t)s : FC_NONE;
	}
}

const struct fc_slot *fc_fact_slot(const struct fc_fact *f, const char *name)
{
	for (size_t i = 0; i < f->nslots; i++)
		if (!strcmp(f->slots[i].name, name))
			return &f->slots[i];
	return NULL;
}

/*
** A duration in words for readers: "P20Y" -> "20 years", "PT3H" -> "3
** hours", "P1Y6M" -> "1 year 6 months". Unknown amounts ("PXY") and
** anything unexpected keep the ISO value.
*/
static void duration_words(struct fc_buf *b, const char *v)
{
	static const struct {
		const char *code;
		const char *one, *many;
	} units[] = {
		{"DE", "decade", "decades"}, {"CE", "century", "centuries"},
		{"Y", "year", "years"},      {"Q", "quarter", "quarters"},
		{"M", "month", "months"},    {"W", "week", "weeks"},
		{"D", "day", "days"},        {"H", "hour", "hours"},
		{"S", "second", "seconds"},
	};
	struct fc_buf w;
	fc_buf_init(&w, 256);
	const char *p = v + 1;
	int in_time = 0, ok = *p != '\0';
	while (*p && ok) {
		if (*p == 'T') {
			in_time = 1;
			p++;
			continue;
		}
		const char *num = p;
		while ((*p >= '0' && *p <= '9') || *p == '.')
			p++;
		size_t nlen = (size_t)(p - num);
		if (!nlen) {
			ok = 0;
			break;
		}
		size_t u;
		const char *one = NULL, *many = NULL;
		if (*p == 'M' && in_time) {
			one = "minute", many = "minutes", u = 1;
		} else {
			for (u = 0; u < sizeof(units) / sizeof(*units); u++)
				if (!strncmp(p, units[u].code,
					     strlen(units[u].code)))
					break;
			if (u == sizeof(units) / sizeof(*units)) {
				ok = 0;
				break;
			}
			one = units[u].one, many = units[u].many;
			u = strlen(units[u].code);
		}
		p += u;
		int is_one = nlen == 1 && num[0] == '1';
		fc_buf_printf(&w, "%s%.*s %s", w.len ? " " : "", (int)nlen, num,
			      is_one ? one : many);
	}
	fc_buf_adds(b, ok && !w.err ? fc_buf_cstr(&w) : v);
	fc_buf_finish(&w);
}

static void value_text(struct fc_buf *b, const struct fc_value *v, int label)
{
	switch (v->type) {
	case FC_VAL_NONE: break;
	case FC_VAL_ENTITY:
		fc_buf_adds(b, label && v->entity.label ? v->entity.label
							: v->entity.id);
		break;
	case FC_VAL_TIME:
		if (label && v->time.value[0] == 'P' &&
		    strcmp(v->time.value, "PRESENT_REF") &&
		    strcmp(v->time.value, "PAST_REF"))
			duration_words(b, v->time.value);
		else
			fc_buf_adds(b, v->time.value);
		break;
	case FC_VAL_QUANTITY: {
		char tmp[64];
		struct fc_buf nb;
		fc_buf_init(&nb, 64);
		fc_json_num(&nb, v->quantity.value);
		snprintf(tmp, sizeof(tmp), "%s", fc_buf_cstr(&nb));
		fc_buf_finish(&nb);
		fc_buf_adds(b, tmp);
		if (v->quantity.unit) {
			fc_buf_addc(b, ' ');
			fc_buf_adds(b, v->quantity.unit);
		}
		break;
	}
	case FC_VAL_TEXT: fc_buf_adds(b, v->text ? v->text : ""); break;
	case FC_VAL_INT: fc_buf_printf(b, "%lld", (long long)v->i); break;
	case FC_VAL_LIST:
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				fc_buf_adds(b, label ? ", " : ",");
			value_text(b, &v->items[i], label);
		}
		break;
	}
}

static char *value_string(struct fc_arena *a, const struct fc_value *v,
			  int label)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	value_text(&b, v, label);
	char *s = b.err ? NULL : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}

char *fc_value_text(struct fc_arena *a, const struct fc_value *v)
{
	return value_string(a, v, 0);
}

char *fc_value_label(struct fc_arena *a, const struct fc_value *v)
{
	return value_string(a, v, 1);
}

const char *fc_finding_status_name(enum fc_finding_status s)
{
	static const char *const names[] = {"corroborated", "contradicted",
					    "single-source", "variant"};
	return (size_t)s < 4 ? names[s] : "single-source";
}

const char *fc_entity_type_name(enum fc_entity_type t)
{
	static const char *const names[] = {"other", "person", "country",
					    "government", "org", "city",
					    "group"};
	return (size_t)t < 7 ? names[t] : "other";
}
