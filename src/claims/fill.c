/*
** fill.c: one match of a claim rule -> facts.
**
** Slots are filled from the match's named groups (the tokens inside a
** group are mentions: one for an entity slot, all of them for a list
** slot, group entities expanded to their members), from the sentence
** (the mention of the slot's type that lies in no slot group: inside
** the match first, else the nearest to it), from the items of `each`
** (one fact per item, with its position and the items before it), from
** constants, or from a duration anchored on the published or the
** sentence date.
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

struct fill {
	struct match_ctx *m;
	struct span ex[MAX_SPANS]; /* slot groups, in text offsets */
	size_t nex;
	struct elist items; /* of `each` */
	int *item_group;    /* the rule name each item came from */
	size_t k;           /* current item */
	bool is_oom;
};

/* ---- Text ---------------------------------------------------------------- */

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

/* ---- Slot values --------------------------------------------------------- */

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
	case SLOT_TIME: return cls == TOK_DATE;
	case SLOT_DURATION: return cls == TOK_DURATION;
	case SLOT_QUANTITY: return cls == TOK_QUANTITY;
	case SLOT_ENTITY:
	case SLOT_ENTITY_TEXT:
	case SLOT_LIST: return cls == TOK_COUNTRY || cls == TOK_CITY;
	default: return false;
	}
}

static uint32_t distance(uint32_t lo, uint32_t hi, uint32_t s, uint32_t e)
{
	return hi <= s ? s - hi : lo >= e ? lo - e : 0;
}

/* The longest glue between a time and a report, and a report's span. */
#define GLUE_MAX 16
#define REPORT_MAX 256

/* Is text[lo, hi) short, only blanks and commas with at most one "on"? */
static bool is_glue(const char *text, uint32_t lo, uint32_t hi)
{
	bool is_on = false;
	if (hi - lo > GLUE_MAX)
		return false;
	while (lo < hi) {
		if (strchr(" \t\r\n,", text[lo])) {
			lo++;
		} else if (!is_on && hi - lo >= 2 && !strncmp(text + lo, "on", 2) &&
			   (hi - lo == 2 || strchr(" \t\r\n", text[lo + 2]))) {
			is_on = true;
			lo += 2;
		} else {
			return false;
		}
	}
	return true;
}

/* Does report a date x: "the agency said on Monday", "On Monday,
** officials said" before the match? */
static bool is_report_of(const struct match_ctx *m, const struct fc_mention *a,
			 const struct fc_mention *x)
{
	if (a->kind != FC_MENTION_ATTRIBUTION ||
	    (a->start < m->end && a->end > m->start))
		return false;
	/* "arrested on Tuesday, the police said": the arrest's */
	if (a->end <= x->start)
		return is_glue(m->doc->text, a->end, x->start);
	return x->end <= a->start && x->end <= m->start &&
	       is_glue(m->doc->text, x->end, a->start);
}

/*
** Does mention mi (a time) tell when a report outside the match was
** made? Only the mentions within a few bytes of it are looked at
** (mentions are sorted by start).
*/
static bool is_report_time(const struct match_ctx *m, long mi)
{
	const struct fc_mention *v = m->doc->mentions;
	const struct fc_mention *x = &v[mi];
	for (long j = mi + 1; j < (long)m->t->mend &&
			      v[j].start <= x->end + GLUE_MAX; j++)
		if (is_report_of(m, &v[j], x))
			return true;
	for (long j = mi - 1; j >= (long)m->t->mfirst &&
			      v[j].start + REPORT_MAX + GLUE_MAX >= x->start;
	     j--)
		if (is_report_of(m, &v[j], x))
			return true;
	return false;
}

/* A clause break weighs as many bytes as a short clause. */
#define BREAK_BYTES 40
/* Breaks are counted in gaps up to this long; a longer gap is far. */
#define BREAK_SCAN 1024

/*
** How far x is from the match: the bytes between them, each clause
** break (a comma or a semicolon before a blank) counting BREAK_BYTES.
** A gap over BREAK_SCAN bytes counts one break, unscanned: the work per
** mention stays bounded on a sentence of any length.
*/
static uint32_t nearness(const struct match_ctx *m, const struct fc_mention *x)
{
	uint32_t lo = x->end <= m->start ? x->end : m->end;
	uint32_t hi = x->end <= m->start ? m->start : x->start;
	if (hi <= lo)
		return 0;
	uint32_t d = hi - lo;
	if (d > BREAK_SCAN)
		return d + BREAK_BYTES;
	const char *text = m->doc->text;
	for (uint32_t i = lo; i + 1 < hi; i++)
		if ((text[i] == ',' || text[i] == ';') &&
		    strchr(" \t\r\n", text[i + 1]))
			d += BREAK_BYTES;
	return d;
}

/*
** The token of the sentence fitting t, in no slot group: the first one
** inside the match, else the one nearest to the match, clause breaks
** counting (the earlier one on a tie), a time that dates a report around the
** match ("officials said on Monday") last. "On Monday, officials said the strike on
** Friday killed 12": the toll's date is Friday.
*/
static const struct fc_mention *sentence_mention(const struct fill *f,
						 enum slot_type t)
{
	const struct match_ctx *m = f->m;
	const struct fc_mention *best[2] = {NULL, NULL};
	uint32_t bestd[2] = {UINT32_MAX, UINT32_MAX};
	size_t i = 0;
	char cls;
	long mi;
	while ((mi = cl_next_token(m, &i, m->t->len, &cls)) >= 0) {
		const struct fc_mention *x = &m->doc->mentions[mi];
		if (!class_fits(t, cls) || in_excluded(f, x->start, x->end) ||
		    (cls == TOK_DATE && !is_placed(x)))
			continue;
		if (x->start >= m->start && x->end <= m->end)
			return x;
		int tier = cls == TOK_DATE && is_report_time(m, mi);
		uint32_t d = nearness(m, x);
		if (d < bestd[tier]) {
			bestd[tier] = d;
			best[tier] = x;
		}
	}
	return best[0] ? best[0] : best[1];
}

/* First token of class fitting t in the groups of sp. */
static const struct fc_mention *group_mention(const struct fill *f,
					      const struct slot_spec *sp,
					      enum slot_type t)
{
	for (size_t g = 0; g < sp->ngroups; g++) {
		size_t s, e;
		if (!cl_group_span(f->m, sp->groups[g], &s, &e))
			continue;
		char cls;
		long mi;
		while ((mi = cl_next_token(f->m, &s, e, &cls)) >= 0)
			if (t == SLOT_ENTITY ? cl_is_entity_class(cls)
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
	cl_add_entity(f->m, &l, e, sp->is_country);
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
			if (cl_group_span(m, sp->groups[g], &s, &e))
				cl_add_span_entities(m, &l, s, e, sp->is_country);
		}
		if (sp->with_item && f->k < f->items.n)
			cl_add_entity(m, &l, &f->items.v[f->k], sp->is_country);
		break;
	case FROM_ITEM:
		if (f->k < f->items.n)
			cl_add_entity(m, &l, &f->items.v[f->k], sp->is_country);
		break;
	case FROM_PRECEDING:
		for (size_t i = 0; i < f->k && i < f->items.n; i++)
			cl_add_entity(m, &l, &f->items.v[i], sp->is_country);
		break;
	case FROM_SPEAKER:
		if (m->quote && m->quote->speaker)
			cl_add_entity(m, &l, m->quote->speaker, sp->is_country);
		break;
	case FROM_SENTENCE: {
		const struct fc_mention *x = sentence_mention(f, SLOT_LIST);
		if (x)
			cl_add_entity(m, &l, &x->entity, sp->is_country);
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
		if (!cl_group_span(f->m, sp->groups[g], &s, &e))
			continue;
		cl_text_span(f->m, s, e, &lo, &hi);
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
		if (!cl_group_span(f->m, sp->groups[g], &s, &e))
			continue;
		/* skip a leading article */
		const char *str = f->m->t->s;
		while (s < e && str[s] == ' ')
			s++;
		if (e - s > 4 && !strncasecmp(str + s, "the ", 4))
			s += 4;
		i = s;
		char cls;
		long mi = cl_next_token(f->m, &i, e, &cls);
		if (mi >= 0 && i == e && str[s] == TOK_OPEN &&
		    cl_is_entity_class(cls)) {
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
								      SLOT_TIME);
			ref = r ? r->time.value : NULL;
		}
		if (dur && cl_anchored_time(dur->time.value, ref,
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
	case SLOT_TIME:
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
				if (!cl_group_span(m, sp->groups[g], &s, &e2))
					continue;
				size_t nh = cl_span_heads(m, s, e2, heads,
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

/* ---- Facts --------------------------------------------------------------- */

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
			if (!cl_group_span(m, sp->groups[g], &s, &e))
				continue;
			cl_text_span(m, s, e, &lo, &hi);
			exclude(f, lo, hi, is_text);
		}
	}
	for (size_t i = 0; i < ru->neach; i++) {
		size_t s, e;
		uint32_t lo, hi;
		if (!cl_group_span(m, ru->each[i], &s, &e))
			continue;
		cl_text_span(m, s, e, &lo, &hi);
		exclude(f, lo, hi, false);
	}
}

static void collect_items(struct fill *f)
{
	struct match_ctx *m = f->m;
	for (size_t i = 0; i < m->rule->neach; i++) {
		size_t s, e, n0 = f->items.n;
		if (!cl_group_span(m, m->rule->each[i], &s, &e))
			continue;
		cl_add_span_entities(m, &f->items, s, e, false);
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
	/* a fact says something: at least one slot, the kind's required
	** ones, and lists with their min_items */
	if (n == 0)
		return FC_OK;
	for (size_t i = 0; i < ru->kind->nslots; i++) {
		const struct slot_def *def = &ru->kind->slots[i];
		if (!def->is_required && !def->min_items)
			continue;
		size_t k;
		for (k = 0; k < n; k++)
			if (!strcmp(slots[k].name, def->name))
				break;
		if (k == n ? def->is_required
			   : slots[k].value.type == FC_VAL_LIST &&
				     slots[k].value.nitems < def->min_items)
			return FC_OK;
	}
	if (is_duplicate(m, ru->kind->name, slots, n))
		return FC_OK;
	/* names from the schema live in the rules: facts get copies */
	for (size_t k = 0; k < n; k++)
		if (!(slots[k].name = fc_arena_strdup(&m->c->arena,
						      slots[k].name)))
			return FC_ENOMEM;
	struct fc_fact *fact = fc_corpus_push_fact(m->c);
	if (!fact)
		return FC_ENOMEM;
	fact->kind = fc_arena_strdup(&m->c->arena, ru->kind->name);
	fact->rule = fc_arena_strdup(&m->c->arena, ru->id);
	fact->doc = m->di;
	fact->sentence = m->quote ? m->quote->sentence : m->t->sentence;
	fact->start = m->start;
	fact->end = m->end;
	fact->slots = slots;
	fact->nslots = n;
	stance(f, fact);
	if (!fact->kind || !fact->rule)
		return FC_ENOMEM;
	(*nemitted)++;
	return FC_OK;
}

fc_status cl_fill_facts(struct match_ctx *m, size_t *nemitted)
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

void cl_match_ctx_finish(struct match_ctx *m)
{
	free(m->ents);
	m->ents = NULL;
	m->nents = 0;
	m->is_ents_built = false;
}
