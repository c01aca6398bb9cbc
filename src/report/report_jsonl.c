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

/* ---- Mentions ---------------------------------------------------------- */

/*
** The writer puts each line straight into room made for it, without
** printf; the quantity fields come from fc_rep_json_quantity_fields,
** so they stay the same as in the other JSON outputs.
*/

#define PUT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) += sizeof(lit) - 1)

/* A string and its length, measured once (s NULL: JSON null). */
struct str {
	const char *s;
	size_t n;
};

static struct str str_of(const char *s)
{
	return (struct str){s, s ? strlen(s) : 0};
}

/* Room for a JSON string of v. */
static size_t str_room(struct str v)
{
	return v.s ? FC_JSON_STRN_MAX(v.n) : 4;
}

static char *put_str(char *o, struct str v)
{
	if (!v.s) {
		memcpy(o, "null", 4);
		return o + 4;
	}
	return o + fc_json_strn_at(o, v.s, v.n);
}

/* , "KEY": "v" when v is not NULL. */
static char *put_opt(char *o, const char *key, size_t klen, struct str v)
{
	if (!v.s)
		return o;
	memcpy(o, key, klen);
	return put_str(o + klen, v);
}

/* An entity reference: {"id": .., "label": ..}. */
struct ref {
	struct str id, label;
};

static struct ref ref_of(const struct fc_entity *e)
{
	struct str id = str_of(e->id);
	return (struct ref){id, e->label ? str_of(e->label) : id};
}

static size_t ref_room(const struct ref *r)
{
	return 24 + str_room(r->id) + str_room(r->label);
}

static char *put_ref(char *o, const struct ref *r)
{
	PUT(o, "{\"id\": ");
	o = put_str(o, r->id);
	PUT(o, ", \"label\": ");
	o = put_str(o, r->label);
	*o++ = '}';
	return o;
}

/* ", \"interval\": [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]": the first and last
** day of a DATE or TIME with a known place in the calendar. */
/* "YYYY-MM-DD" with its quotes at o (y in 0..9999). */
static char *put_date(char *o, int y, int m, int d)
{
	const int v[] = {y / 100, y % 100, m, d};
	*o++ = '"';
	for (int i = 0; i < 4; i++) {
		if (i > 1)
			*o++ = '-';
		*o++ = (char)('0' + v[i] / 10);
		*o++ = (char)('0' + v[i] % 10);
	}
	*o++ = '"';
	return o;
}

static char *put_interval(char *o, const struct fc_time *t)
{
	if ((t->type != FC_TIMEX_DATE && t->type != FC_TIMEX_TIME) ||
	    !t->is_anchored || t->hi <= t->lo)
		return o;
	int y0, m0, d0, y1, m1, d1;
	fc_civil_from_days(t->lo, &y0, &m0, &d0);
	fc_civil_from_days(t->hi - 1, &y1, &m1, &d1);
	if (y0 < 0 || y1 > 9999)
		return o;
	PUT(o, ", \"interval\": [");
	o = put_date(o, y0, m0, d0);
	PUT(o, ", ");
	o = put_date(o, y1, m1, d1);
	PUT(o, "]");
	return o;
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

#define STR(lit) {lit, sizeof(lit) - 1}

static void mention_line(struct fc_buf *b, const struct fc_document *doc,
			 const struct fc_mention *m, uint64_t base)
{
	/* '{"kind": "<kind>"' of each kind (no escapes in them) */
	static const struct str heads[] = {
		STR("{\"kind\": \"entity\""),
		STR("{\"kind\": \"time\""),
		STR("{\"kind\": \"quantity\""),
		STR("{\"kind\": \"quote\""),
		STR("{\"kind\": \"attribution\""),
		STR("{\"kind\": \"negation\""),
		STR("{\"kind\": \"hedge\""),
		STR("{\"kind\": \"other\""),
	};
	const char *text = doc->text ? doc->text : "";
	size_t len = doc->text ? doc->text_len : 0;
	uint32_t s = m->start, e = m->end;
	if (m->kind == FC_MENTION_QUOTE && m->inner_end > m->inner_start) {
		s = m->inner_start;
		e = m->inner_end;
	}
	clamp(&s, &e, len);
	struct str head = heads[(size_t)m->kind < 7 ? m->kind : 7];
	struct str rule = str_of(m->rule);
	/* everything but the quantity fields, at its longest */
	size_t room = 160 + FC_JSON_STRN_MAX(e - s) + str_room(rule) + head.n;
	struct str type = {0}, value = {0}, grain = {0}, mod = {0};
	struct str country = {0}, role = {0};
	struct ref ent = {{0}, {0}}, speaker = {{0}, {0}};
	switch (m->kind) {
	case FC_MENTION_TIME:
		type = str_of(fc_timex_type_name(m->time.type));
		value = (struct str){m->time.value,
				     strnlen(m->time.value,
					     sizeof(m->time.value))};
		if (m->time.grain != FC_GRAIN_NONE)
			grain = str_of(fc_grain_name(m->time.grain));
		mod = str_of(fc_timex_mod_name(m->time.mod));
		room += 112 + str_room(value) + str_room(type) +
			str_room(grain) + str_room(mod);
		break;
	case FC_MENTION_ENTITY:
		ent = ref_of(&m->entity);
		type = str_of(fc_entity_type_name(m->entity.type));
		country = str_of(m->entity.country);
		role = str_of(m->entity.role);
		room += 64 + ref_room(&ent) + str_room(country) +
			str_room(role) + str_room(type);
		break;
	case FC_MENTION_QUANTITY: break;
	default:
		if (m->speaker) {
			speaker = ref_of(m->speaker);
			room += 16 + ref_room(&speaker);
		}
		break;
	}
	char *o0 = fc_buf_room(b, room), *o = o0;
	if (!o)
		return;
	memcpy(o, head.s, head.n);
	o += head.n;
	if (m->kind == FC_MENTION_TIME) {
		PUT(o, ", \"type\": ");
		o = put_str(o, type);
	}
	PUT(o, ", \"text\": ");
	o += fc_json_strn_at(o, text + s, e - s);
	PUT(o, ", \"start\": ");
	o += fc_json_int_at(o, (int64_t)(base + s));
	PUT(o, ", \"end\": ");
	o += fc_json_int_at(o, (int64_t)(base + e));
	switch (m->kind) {
	case FC_MENTION_TIME:
		PUT(o, ", \"value\": ");
		o = put_str(o, value);
		o = put_opt(o, ", \"grain\": ", 11, grain);
		o = put_opt(o, ", \"mod\": ", 9, mod);
		o = put_interval(o, &m->time);
		break;
	case FC_MENTION_QUANTITY: {
		fc_buf_used(b, (size_t)(o - o0));
		struct fc_jw w;
		fc_jw_init(&w, b, false);
		w.depth = 1;
		w.has_items[1] = true;
		fc_rep_json_quantity_fields(&w, &m->quantity);
		o0 = o = fc_buf_room(b, 16 + str_room(rule));
		if (!o)
			return;
		break;
	}
	case FC_MENTION_ENTITY:
		PUT(o, ", \"id\": ");
		o = put_str(o, ent.id);
		PUT(o, ", \"label\": ");
		o = put_str(o, ent.label);
		PUT(o, ", \"type\": ");
		o = put_str(o, type);
		o = put_opt(o, ", \"country\": ", 13, country);
		o = put_opt(o, ", \"role\": ", 10, role);
		break;
	case FC_MENTION_QUOTE:
		if (m->speaker) {
			PUT(o, ", \"speaker\": ");
			o = put_ref(o, &speaker);
		}
		break;
	case FC_MENTION_ATTRIBUTION:
	case FC_MENTION_NEGATION:
	case FC_MENTION_HEDGE:
		if (m->speaker) {
			PUT(o, ", \"source\": ");
			o = put_ref(o, &speaker);
		}
		break;
	}
	o = put_opt(o, ", \"rule\": ", 10, rule);
	PUT(o, "}\n");
	fc_buf_used(b, (size_t)(o - o0));
}

fc_status fc_report_mentions_jsonl_at(const struct fc_document *doc,
				      uint64_t base, struct fc_buf *out)
{
	if (!doc || !out)
		return FC_EINPUT;
	for (size_t i = 0; doc->mentions && i < doc->nmentions && !out->err;
	     i++)
		mention_line(out, doc, &doc->mentions[i], base);
	return out->err;
}

fc_status fc_report_mentions_jsonl(const struct fc_document *doc,
				   struct fc_buf *out)
{
	return fc_report_mentions_jsonl_at(doc, 0, out);
}
