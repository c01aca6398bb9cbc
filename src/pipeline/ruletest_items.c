/*
** ruletest_items.c: a run's output flattened into the items golden cases
** are judged against: one item per text, mention, group, fact or
** finding, each a set of string fields and list fields.
*/
#include <stdlib.h>
#include <string.h>

#include "ruletest_p.h"

static struct item *push_item(struct items *it)
{
	void *g = fc_arena_grow(it->a, it->v, sizeof(*it->v), &it->cap,
				it->n + 1);
	if (!g)
		return NULL;
	it->v = g;
	return &it->v[it->n++];
}

static void set(struct item *x, const char *key, const char *val)
{
	if (!val || x->n >= ITEM_FIELDS)
		return;
	x->f[x->n++] = (struct field){key, val, NULL, 0};
}

static void set_list(struct item *x, const char *key, const char **list,
		     size_t n)
{
	if (x->n >= ITEM_FIELDS)
		return;
	x->f[x->n++] = (struct field){key, NULL, list, n};
}

static const char *num(struct fc_arena *a, double v)
{
	struct fc_buf b;
	fc_buf_init(&b, 64);
	fc_json_num(&b, v);
	const char *s = fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}

static const char *span_text(struct fc_arena *a, const char *text,
			     size_t start, size_t end)
{
	while (start < end && (text[start] == ' ' || text[start] == '\n' ||
			       text[start] == '\t'))
		start++;
	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n' ||
			       text[end - 1] == '\t'))
		end--;
	return fc_arena_strndup(a, text + start, end - start);
}

void rt_mention_items(const struct fc_document *doc, struct items *it)
{
	static const char *const kinds[] = {"entity", "time", "quantity",
					    "quote", "attribution",
					    "negation", "hedge"};
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "kind", kinds[m->kind]);
		set(x, "rule", m->rule);
		if (m->kind == FC_MENTION_QUOTE)
			set(x, "text", span_text(it->a, doc->text,
						 m->inner_start, m->inner_end));
		else
			set(x, "text",
			    span_text(it->a, doc->text, m->start, m->end));
		switch (m->kind) {
		case FC_MENTION_TIME:
			set(x, "type", fc_timex_type_name(m->time.type));
			set(x, "value", m->time.value);
			set(x, "grain", fc_grain_name(m->time.grain));
			set(x, "mod", fc_timex_mod_name(m->time.mod));
			break;
		case FC_MENTION_QUANTITY:
			set(x, "value", num(it->a, m->quantity.value));
			set(x, "unit", m->quantity.unit);
			if (!m->quantity.is_lo_open)
				set(x, "low", num(it->a, m->quantity.lo));
			if (!m->quantity.is_hi_open)
				set(x, "high", num(it->a, m->quantity.hi));
			break;
		case FC_MENTION_ENTITY:
			set(x, "id", m->entity.id);
			set(x, "label", m->entity.label);
			set(x, "type", fc_entity_type_name(m->entity.type));
			set(x, "country", m->entity.country);
			set(x, "role", m->entity.role);
			break;
		case FC_MENTION_QUOTE:
			if (m->speaker)
				set(x, "speaker", m->speaker->id);
			break;
		case FC_MENTION_ATTRIBUTION:
			if (m->speaker)
				set(x, "source", m->speaker->id);
			break;
		default: break;
		}
	}
}

void rt_fact_items(const struct fc_corpus *c, struct items *it)
{
	static const char *const modal[] = {"factual", "reported", "hedged"};
	for (size_t i = 0; i < c->nfacts; i++) {
		const struct fc_fact *f = &c->facts[i];
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "kind", f->kind);
		set(x, "rule", f->rule);
		set(x, "polarity",
		    f->polarity == FC_POL_NEGATED ? "negated" : "asserted");
		set(x, "modality", modal[f->modality]);
		set(x, "attribution", f->attribution);
		set(x, "source", c->docs[f->doc].src->id);
		for (size_t k = 0; k < f->nslots; k++) {
			const struct fc_value *v = &f->slots[k].value;
			if (v->type == FC_VAL_LIST) {
				const char **l = fc_arena_alloc(
					it->a, (v->nitems + 1) * sizeof(*l));
				if (!l)
					return;
				for (size_t j = 0; j < v->nitems; j++)
					l[j] = fc_value_text(it->a, &v->items[j]);
				set_list(x, f->slots[k].name, l, v->nitems);
			} else {
				set(x, f->slots[k].name, fc_value_text(it->a, v));
			}
		}
	}
}

void rt_finding_items(const struct fc_corpus *c, struct items *it)
{
	for (size_t i = 0; i < c->nfindings; i++) {
		const struct fc_finding *f = &c->findings[i];
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "rule", f->rule);
		set(x, "kind", f->kind);
		set(x, "field", f->field);
		set(x, "status", fc_finding_status_name(f->status));
		const char **vals = fc_arena_alloc(it->a, (f->nvalues + 1) *
								  sizeof(*vals));
		const char **srcs = fc_arena_alloc(it->a, (f->nsources + 1) *
								  sizeof(*srcs));
		if (!vals || !srcs)
			return;
		for (size_t k = 0; k < f->nvalues; k++)
			vals[k] = f->values[k].text;
		for (size_t k = 0; k < f->nsources; k++)
			srcs[k] = c->docs[f->sources[k]].src->id;
		set_list(x, "value", vals, f->nvalues);
		size_t npartial = 0;
		const char **parts = fc_arena_alloc(it->a, (f->nvalues + 1) *
								   sizeof(*parts));
		if (!parts)
			return;
		for (size_t k = 0; k < f->nvalues; k++)
			if (f->values[k].is_partial)
				parts[npartial++] = f->values[k].text;
		if (npartial)
			set_list(x, "partial", parts, npartial);
		set_list(x, "sources", srcs, f->nsources);
		set(x, "independent_sources",
		    fc_arena_printf(it->a, "%u", f->independent_sources));
		set(x, "message", f->message);
	}
}

void rt_text_items(const struct fc_document *doc, struct items *it)
{
	for (size_t i = 0; i < doc->ndropped; i++) {
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "kind", "dropped");
		set(x, "rule", doc->dropped[i].rule);
		set(x, "text", span_text(it->a, doc->raw, doc->dropped[i].raw_start,
					 doc->dropped[i].raw_end));
	}
	for (size_t i = 0; i < doc->nsentences; i++) {
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "kind", "sentence");
		set(x, "text", span_text(it->a, doc->text, doc->sentences[i].start,
					 doc->sentences[i].end));
	}
}

void rt_group_items(const struct fc_corpus *c, struct items *it)
{
	static const char *const reasons[] = {"declared", "wire", "reuse",
					      "canonical"};
	for (size_t i = 0; i < c->ndocs; i++) {
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "kind", "group");
		set(x, "source", c->docs[i].src->id);
		set(x, "group", fc_arena_printf(it->a, "%d",
						 (int)c->docs[i].independent_group));
	}
	for (size_t i = 0; i < c->ndeps; i++) {
		const struct fc_dependence *p = &c->deps[i];
		struct item *x = push_item(it);
		if (!x)
			return;
		set(x, "kind", "dependence");
		set(x, "a", c->docs[p->a].src->id);
		set(x, "b", c->docs[p->b].src->id);
		set(x, "reason", (size_t)p->reason < 4 ? reasons[p->reason]
							: "declared");
		set(x, "detail", p->detail);
	}
}
