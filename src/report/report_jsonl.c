/*
** report_jsonl.c: JSON lines. Facts (`factcross extract`): one fact
** object per line, the same object as in the JSON report. Mentions
** (`factcross normalize`): one mention per line in text order, with
** UTF-8 byte offsets into the document's cleaned text; `text` is always
** the bytes [start, end) of that text.
*/
#include <string.h>

#include "factcross/fc_report.h"
#include "report/report_p.h"

fc_status fc_report_facts_jsonl(const struct fc_corpus *c, struct fc_buf *out)
{
	if (!c || !out)
		return FC_EINPUT;
	for (size_t i = 0; c->facts && i < c->nfacts; i++) {
		struct fc_jw w;
		fc_jw_init(&w, out, false);
		fc_rep_json_fact(&w, c, &c->facts[i]);
		fc_buf_addc(out, '\n');
	}
	return out->err;
}

static void entity_ref(struct fc_jw *w, const struct fc_entity *e)
{
	fc_jw_obj(w);
	fc_jw_key(w, "id");
	fc_jw_str(w, e->id);
	fc_jw_key(w, "label");
	fc_jw_str(w, e->label ? e->label : e->id);
	fc_jw_obj_end(w);
}

static void opt_str(struct fc_jw *w, const char *key, const char *s)
{
	if (!s)
		return;
	fc_jw_key(w, key);
	fc_jw_str(w, s);
}

/* Clamp a mention's [start, end) to the text. */
static void clamp(uint32_t *s, uint32_t *e, size_t len)
{
	if (*s > len)
		*s = (uint32_t)len;
	if (*e > len)
		*e = (uint32_t)len;
	if (*e < *s)
		*e = *s;
}

static void mention_line(struct fc_jw *w, const struct fc_document *doc,
			 const struct fc_mention *m)
{
	static const char *const kinds[] = {
		"entity", "time", "quantity", "quote", "attribution",
		"negation", "hedge",
	};
	const char *text = doc->text ? doc->text : "";
	size_t len = doc->text ? doc->text_len : 0;
	uint32_t s = m->start, e = m->end;
	if (m->kind == FC_MENTION_QUOTE && m->inner_end > m->inner_start) {
		s = m->inner_start;
		e = m->inner_end;
	}
	clamp(&s, &e, len);

	fc_jw_obj(w);
	fc_jw_key(w, "kind");
	fc_jw_str(w, (size_t)m->kind < 7 ? kinds[m->kind] : "other");
	if (m->kind == FC_MENTION_TIME) {
		fc_jw_key(w, "type");
		fc_jw_str(w, fc_timex_type_name(m->time.type));
	}
	fc_jw_key(w, "text");
	fc_jw_strn(w, text + s, e - s);
	fc_jw_key(w, "start");
	fc_jw_int(w, s);
	fc_jw_key(w, "end");
	fc_jw_int(w, e);
	switch (m->kind) {
	case FC_MENTION_TIME:
		fc_jw_key(w, "value");
		fc_jw_strn(w, m->time.value,
			   strnlen(m->time.value, sizeof(m->time.value)));
		if (m->time.grain != FC_GRAIN_NONE)
			opt_str(w, "grain", fc_grain_name(m->time.grain));
		opt_str(w, "mod", fc_timex_mod_name(m->time.mod));
		break;
	case FC_MENTION_QUANTITY:
		fc_rep_json_quantity_fields(w, &m->quantity);
		break;
	case FC_MENTION_ENTITY:
		fc_jw_key(w, "id");
		fc_jw_str(w, m->entity.id);
		fc_jw_key(w, "label");
		fc_jw_str(w, m->entity.label ? m->entity.label : m->entity.id);
		fc_jw_key(w, "type");
		fc_jw_str(w, fc_entity_type_name(m->entity.type));
		opt_str(w, "country", m->entity.country);
		opt_str(w, "role", m->entity.role);
		break;
	case FC_MENTION_QUOTE:
		if (m->speaker) {
			fc_jw_key(w, "speaker");
			entity_ref(w, m->speaker);
		}
		break;
	case FC_MENTION_ATTRIBUTION:
	case FC_MENTION_NEGATION:
	case FC_MENTION_HEDGE:
		if (m->speaker) {
			fc_jw_key(w, "source");
			entity_ref(w, m->speaker);
		}
		break;
	}
	opt_str(w, "rule", m->rule);
	fc_jw_obj_end(w);
}

fc_status fc_report_mentions_jsonl(const struct fc_document *doc,
				   struct fc_buf *out)
{
	if (!doc || !out)
		return FC_EINPUT;
	for (size_t i = 0; doc->mentions && i < doc->nmentions; i++) {
		struct fc_jw w;
		fc_jw_init(&w, out, false);
		mention_line(&w, doc, &doc->mentions[i]);
		fc_buf_addc(out, '\n');
	}
	return out->err;
}
