/*
** report_jsonw.c: the JSON form of slot values and facts, shared by the
** JSON report and the JSON lines writers (with the JSON writer fc_jw of
** src/core/json.c).
*/
#include <math.h>
#include <string.h>

#include "report/report_p.h"

#define VALUE_MAX_DEPTH 8

/* ---- Values ------------------------------------------------------------ */

/*
** Is a bound of q meaningful? An exact quantity carries the point
** interval [value, value], and a producer that set only the value leaves
** [0, 0]: neither is a hedge, so neither bound is printed.
*/
static bool has_bounds(const struct fc_quantity *q)
{
	if (q->is_lo_open || q->is_hi_open)
		return true;
	if (q->lo == q->value && q->hi == q->value)
		return false;
	if (q->lo == 0 && q->hi == 0)
		return false;
	return true;
}

void fc_rep_quantity_bounds(const struct fc_quantity *q, bool *has_lo,
			    bool *has_hi)
{
	bool is_bounded = has_bounds(q);
	*has_lo = is_bounded && !q->is_lo_open && isfinite(q->lo);
	*has_hi = is_bounded && !q->is_hi_open && isfinite(q->hi);
}

void fc_rep_json_quantity_fields(struct fc_jw *w,
				 const struct fc_quantity *q)
{
	bool has_lo, has_hi;
	fc_rep_quantity_bounds(q, &has_lo, &has_hi);
	fc_jw_key(w, "value");
	fc_jw_num(w, q->value);
	if (q->unit) {
		fc_jw_key(w, "unit");
		fc_jw_str(w, q->unit);
	}
	if (has_lo) {
		fc_jw_key(w, "low");
		fc_jw_num(w, q->lo);
	}
	if (has_hi) {
		fc_jw_key(w, "high");
		fc_jw_num(w, q->hi);
	}
}

static void json_quantity(struct fc_jw *w, const struct fc_quantity *q)
{
	fc_jw_obj(w);
	fc_rep_json_quantity_fields(w, q);
	fc_jw_obj_end(w);
}

static void json_entity(struct fc_jw *w, const struct fc_entity *e)
{
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, e->id);
	fc_jw_key(w, "label");
	fc_jw_str(w, e->label ? e->label : e->id);
	fc_jw_obj_end(w);
}

static void json_value(struct fc_jw *w, const struct fc_value *v, int depth)
{
	switch (v->type) {
	case FC_VAL_ENTITY: json_entity(w, &v->entity); return;
	case FC_VAL_TIME:
		fc_jw_strn(w, v->time.value,
			   strnlen(v->time.value, sizeof(v->time.value)));
		return;
	case FC_VAL_QUANTITY: json_quantity(w, &v->quantity); return;
	case FC_VAL_TEXT: fc_jw_str(w, v->text ? v->text : ""); return;
	case FC_VAL_INT: fc_jw_int(w, v->i); return;
	case FC_VAL_LIST:
		if (depth >= VALUE_MAX_DEPTH || (v->nitems && !v->items))
			break;
		fc_jw_arr(w);
		for (size_t i = 0; i < v->nitems; i++)
			json_value(w, &v->items[i], depth + 1);
		fc_jw_arr_end(w);
		return;
	case FC_VAL_NONE: break;
	}
	fc_jw_null(w);
}

void fc_rep_json_value(struct fc_jw *w, const struct fc_value *v)
{
	json_value(w, v, 0);
}

/* ---- Facts ------------------------------------------------------------- */

void fc_rep_json_fact(struct fc_jw *w, const struct fc_corpus *c,
		      const struct fc_fact *f)
{
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, f->id);
	fc_jw_key(w, "kind");
	fc_jw_str(w, f->kind);
	fc_jw_key(w, "source");
	fc_jw_str(w, fc_rep_source_id(c, f->doc));
	fc_jw_key(w, "span");
	fc_jw_arr(w);
	fc_jw_int(w, f->start);
	fc_jw_int(w, f->end);
	fc_jw_arr_end(w);
	fc_jw_key(w, "sentence");
	uint32_t s, e;
	const struct fc_document *doc = fc_rep_doc(c, f->doc);
	if (doc && doc->text && fc_rep_fact_sentence(c, f, &s, &e))
		fc_jw_strn(w, doc->text + s, e - s);
	else
		fc_jw_null(w);
	fc_jw_key(w, "slots");
	fc_jw_obj(w);
	for (size_t i = 0; f->slots && i < f->nslots; i++) {
		if (!f->slots[i].name)
			continue;
		fc_jw_key(w, f->slots[i].name);
		fc_rep_json_value(w, &f->slots[i].value);
	}
	fc_jw_obj_end(w);
	fc_jw_key(w, "polarity");
	fc_jw_str(w, fc_rep_polarity_name(f->polarity));
	fc_jw_key(w, "modality");
	fc_jw_str(w, fc_rep_modality_name(f->modality));
	fc_jw_key(w, "attribution");
	fc_jw_str(w, f->attribution);
	fc_jw_key(w, "rule");
	fc_jw_str(w, f->rule);
	fc_jw_obj_end(w);
}
