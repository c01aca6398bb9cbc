/*
** report_jsonl.c: JSON lines. Facts (`factcross extract`): one fact
** object per line, the same object as in the JSON report. Mentions
** (`factcross normalize`): one mention per line in text order, with
** UTF-8 byte offsets into the document's cleaned text; `text` is always
** the bytes [start, end) of that text.
*/
#include <stdlib.h>
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
** printf. Most strings of a line come back line after line (rule ids,
** entity ids and labels, type names, units): a cache keyed by a
** string's address keeps its JSON form (quoted, escaped) for the lines
** of one call, so each is measured and escaped once rather than on
** every line. (An address is a fair key within one call: no mention's
** strings are freed or rewritten while it runs.)
*/

#define PUT(o, lit) (memcpy((o), (lit), sizeof(lit) - 1), (o) += sizeof(lit) - 1)

#define JC_BITS 11                     /* 2048 entries, direct mapped */
#define JC_LONG 256                    /* longer strings: not cached */
#define JC_MEM (64 * 1024)             /* JSON forms held */
#define JC_LINE (8 * FC_JSON_STRN_MAX(JC_LONG)) /* a line adds at most */

#define JC_IVS 256 /* intervals of times kept (direct mapped) */

/* the names of enums a line writes (kept by value, not address: no
** hashing, no call for the name) */
enum { EN_TYPE, EN_GRAIN, EN_MOD, EN_ENTITY, EN_KINDS };
#define EN_MAX 16 /* values kept of each */
#define EN_FORM 31 /* a name's JSON form kept, at most */
_Static_assert(EN_KINDS * EN_MAX <= 64, "en_set has a bit for each");

/* A string as a line writes it: its JSON form to copy (p, n), or, when
** is_raw, the string s[0, n) itself to escape; p NULL: JSON null. */
struct jstr {
	const char *p;
	size_t n;
	bool is_raw;
};

struct jcache {
	struct jc_slot {
		const char *s; /* NULL: free */
		uint32_t off, len; /* its JSON form: mem[off, off + len) */
	} v[1u << JC_BITS];
	struct jc_iv {
		int32_t lo, hi; /* days */
		bool is_ok; /* it has the member text */
		char text[48];
	} iv[JC_IVS];
	/* the entries of iv and en that are set: bits, so that a call
	** clears a few words rather than the entries (many documents have
	** few lines) */
	uint64_t iv_set[JC_IVS / 64];
	uint64_t en_set; /* bit EN_MAX * kind + value */
	struct jc_en {
		struct jstr form; /* (p: s, or NULL for a NULL name) */
		char s[EN_FORM];
	} en[EN_KINDS][EN_MAX];
	size_t used;
	char mem[JC_MEM];
};

/* Before each line: room for its strings (the forms of the line stay
** where they are until it is written). */
static void jc_line(struct jcache *c)
{
	if (c->used > JC_MEM - JC_LINE) {
		memset(c->v, 0, sizeof(c->v));
		c->used = 0;
	}
}

static inline struct jstr jc_get(struct jcache *c, const char *s)
{
	if (!s)
		return (struct jstr){NULL, 0, false};
	struct jc_slot *e = &c->v[((uintptr_t)s * 0x9E3779B97F4A7C15ull) >>
				  (64 - JC_BITS)];
	if (e->s == s)
		return (struct jstr){c->mem + e->off, e->len, false};
	size_t n = strlen(s);
	if (n > JC_LONG)
		return (struct jstr){s, n, true};
	size_t k = fc_json_strn_at(c->mem + c->used, s, n);
	*e = (struct jc_slot){s, (uint32_t)c->used, (uint32_t)k};
	c->used += k;
	return (struct jstr){c->mem + e->off, k, false};
}

static const char *en_name(int kind, unsigned v)
{
	switch (kind) {
	case EN_TYPE: return fc_timex_type_name((enum fc_timex_type)v);
	case EN_GRAIN: return fc_grain_name((enum fc_grain)v);
	case EN_MOD: return fc_timex_mod_name((enum fc_timex_mod)v);
	default: return fc_entity_type_name((enum fc_entity_type)v);
	}
}

/* jc_enum when value v is not kept yet. */
static __attribute__((noinline)) struct jstr jc_enum_new(struct jcache *c,
							int kind, unsigned v)
{
	const char *name = en_name(kind, v);
	size_t n = name ? strlen(name) : 0;
	char form[FC_JSON_STRN_MAX(15)];
	size_t k = name && n <= 15 ? fc_json_strn_at(form, name, n) : 0;
	if (v >= EN_MAX || (name && (n > 15 || k > EN_FORM)))
		return jc_get(c, name);
	struct jc_en *e = &c->en[kind][v];
	memcpy(e->s, form, k);
	e->form = (struct jstr){name ? e->s : NULL, k, false};
	c->en_set |= 1ull << (EN_MAX * kind + v);
	return e->form;
}

/* The JSON form of the name of value v of an enum (kind EN_*), as
** jc_get(c, its name) gives it. */
static inline struct jstr jc_enum(struct jcache *c, int kind, unsigned v)
{
	if (v < EN_MAX && (c->en_set >> (EN_MAX * kind + v) & 1))
		return c->en[kind][v].form;
	return jc_enum_new(c, kind, v);
}

/* Room for v. */
static size_t js_room(struct jstr v)
{
	return !v.p ? 4 : v.is_raw ? FC_JSON_STRN_MAX(v.n) : v.n;
}

/* n bytes from s to o, short ones without a call (a form has two bytes
** at least, its quotes). */
static inline void copy_short(char *o, const char *s, size_t n)
{
	if (n >= 8 && n <= 16) {
		uint64_t a, b;
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(o, &a, 8);
		memcpy(o + n - 8, &b, 8);
	} else if (n >= 4 && n < 8) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		memcpy(o, &a, 4);
		memcpy(o + n - 4, &b, 4);
	} else {
		memcpy(o, s, n);
	}
}

static inline char *put_str(char *o, struct jstr v)
{
	if (!v.p) {
		memcpy(o, "null", 4);
		return o + 4;
	}
	if (v.is_raw)
		return o + fc_json_strn_at(o, v.p, v.n);
	copy_short(o, v.p, v.n);
	return o + v.n;
}

/* , "KEY": "v" when v is not null. */
static inline char *put_opt(char *o, const char *key, size_t klen,
			     struct jstr v)
{
	if (!v.p)
		return o;
	memcpy(o, key, klen);
	return put_str(o + klen, v);
}

/* An entity reference: {"id": .., "label": ..}. */
struct ref {
	struct jstr id, label;
};

static inline struct ref ref_of(struct jcache *c, const struct fc_entity *e)
{
	struct jstr id = jc_get(c, e->id);
	return (struct ref){id, e->label ? jc_get(c, e->label) : id};
}

static size_t ref_room(const struct ref *r)
{
	return 24 + js_room(r->id) + js_room(r->label);
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

#define IV_LEN 42 /* the member's length, when there is one */

/* The member of days [lo, hi) at o (IV_LEN bytes), or false. */
static bool make_interval(char *o, int32_t lo, int32_t hi)
{
	int y0, m0, d0, y1, m1, d1;
	fc_civil_from_days(lo, &y0, &m0, &d0);
	fc_civil_from_days(hi - 1, &y1, &m1, &d1);
	if (y0 < 0 || y1 > 9999)
		return false;
	PUT(o, ", \"interval\": [");
	o = put_date(o, y0, m0, d0);
	PUT(o, ", ");
	o = put_date(o, y1, m1, d1);
	PUT(o, "]");
	return true;
}

static char *put_interval(struct jcache *c, char *o, const struct fc_time *t)
{
	if ((t->type != FC_TIMEX_DATE && t->type != FC_TIMEX_TIME) ||
	    !t->is_anchored || t->hi <= t->lo)
		return o;
	/* (the same few intervals come back: the days around the
	** reference, the years of the text) */
	uint32_t i = ((uint32_t)t->lo * 31u + (uint32_t)t->hi) & (JC_IVS - 1);
	struct jc_iv *e = &c->iv[i];
	if (!(c->iv_set[i / 64] >> (i % 64) & 1) || e->lo != t->lo ||
	    e->hi != t->hi) {
		c->iv_set[i / 64] |= 1ull << (i % 64);
		e->lo = t->lo;
		e->hi = t->hi;
		e->is_ok = make_interval(e->text, t->lo, t->hi);
	}
	if (!e->is_ok)
		return o;
	memcpy(o, e->text, IV_LEN);
	return o + IV_LEN;
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

/* ", \"value\": .." and the other quantity members (room: QTY_ROOM and
** the unit's). */
#define QTY_ROOM (3 * (12 + FC_JSON_NUM_MAX))
static char *put_quantity(char *o, const struct fc_quantity *q,
			  struct jstr unit)
{
	bool has_lo, has_hi;
	fc_rep_quantity_bounds(q, &has_lo, &has_hi);
	PUT(o, ", \"value\": ");
	o += fc_json_num_at(o, q->value);
	o = put_opt(o, ", \"unit\": ", 10, unit);
	if (has_lo) {
		PUT(o, ", \"low\": ");
		o += fc_json_num_at(o, q->lo);
	}
	if (has_hi) {
		PUT(o, ", \"high\": ");
		o += fc_json_num_at(o, q->hi);
	}
	return o;
}

/*
** Where the lines go: room made in the buffer for many lines at once
** and marked used once they are written (sink_done), rather than room
** and a mark per line.
*/
#define SINK_ROOM (64 * 1024)
#define HEAD_MAX 24 /* '{"kind": "attribution"' and its padding */

struct sink {
	struct fc_buf *b;
	char *start, *o; /* the room taken, from start; o: next */
	size_t left;     /* bytes of it from o */
	size_t rest;     /* lines to write, this one included */
};

/* What has been written into the room is the buffer's. */
static void sink_done(struct sink *k)
{
	if (k->start)
		fc_buf_used(k->b, (size_t)(k->o - k->start));
	k->start = k->o = NULL;
	k->left = 0;
}

/* Room for a line of at most n bytes at k->o, or NULL (the buffer's
** error is then set). */
static inline char *sink_room(struct sink *k, size_t n)
{
	if (k->left >= n)
		return k->o;
	sink_done(k);
	/* (room for the lines to come at this one's length, up to
	** SINK_ROOM: a document of a few lines does not grow the buffer
	** by a batch) */
	size_t want = k->rest < SINK_ROOM / n ? n * k->rest : SINK_ROOM;
	/* nor asks for more than the buffer's maximum allows when the
	** line itself fits (as a line's own room, it must not fail where
	** the lines would fit) */
	size_t allowed = k->b->max > k->b->len ? k->b->max - k->b->len : 0;
	if (want > allowed)
		want = allowed;
	if (want < n)
		want = n;
	k->start = k->o = fc_buf_room(k->b, want);
	k->left = k->start ? want : 0;
	return k->o;
}

/* '{"kind": "<kind>"' of each kind (no escapes in them), in HEAD_MAX
** bytes each so that a line copies one of a constant size (the bytes
** past its length are overwritten next). */
#define HEAD(k) {"{\"kind\": \"" k "\"", sizeof("{\"kind\": \"" k "\"") - 1}
static const struct {
	char s[HEAD_MAX];
	uint8_t n;
} heads[] = {
	HEAD("entity"), HEAD("time"),        HEAD("quantity"),
	HEAD("quote"),  HEAD("attribution"), HEAD("negation"),
	HEAD("hedge"),  HEAD("other"),
};
#undef HEAD

/* The head of kind hk and, for a time, its type. */
static inline char *put_head(char *o, size_t hk)
{
	memcpy(o, heads[hk].s, HEAD_MAX);
	return o + heads[hk].n;
}

/* The offsets a span of the text has in the input. */
struct span_at {
	uint64_t start, end;
};

/* The members every line has after its head (and a time's type): text,
** start, end. */
static inline char *put_span(char *o, const char *text, uint32_t s,
			     uint32_t e, const struct span_at *at)
{
	PUT(o, ", \"text\": ");
	o += fc_json_strn_at(o, text + s, e - s);
	PUT(o, ", \"start\": ");
	o += fc_json_int_at(o, (int64_t)at->start);
	PUT(o, ", \"end\": ");
	o += fc_json_int_at(o, (int64_t)at->end);
	return o;
}

/* Each kind's line, from its head to the rule (not written): room for
** what it adds to room0 (which holds the head, the text and the rule),
** and the line at the sink; the end of what was written, or NULL when
** the buffer could not make room. */
static char *time_line(struct sink *k, struct jcache *c, size_t room0,
		       const char *text, uint32_t s, uint32_t e,
		       const struct span_at *at, const struct fc_time *t)
{
	struct jstr type = jc_enum(c, EN_TYPE, (unsigned)t->type);
	struct jstr value = {t->value, strnlen(t->value, sizeof(t->value)),
			     true};
	struct jstr grain = {0};
	if (t->grain != FC_GRAIN_NONE)
		grain = jc_enum(c, EN_GRAIN, (unsigned)t->grain);
	struct jstr mod = jc_enum(c, EN_MOD, (unsigned)t->mod);
	char *o = sink_room(k, room0 + 112 + js_room(value) + js_room(type) +
				       js_room(grain) + js_room(mod));
	if (!o)
		return NULL;
	o = put_head(o, FC_MENTION_TIME);
	PUT(o, ", \"type\": ");
	o = put_str(o, type);
	o = put_span(o, text, s, e, at);
	PUT(o, ", \"value\": ");
	o = put_str(o, value);
	o = put_opt(o, ", \"grain\": ", 11, grain);
	o = put_opt(o, ", \"mod\": ", 9, mod);
	return put_interval(c, o, t);
}

static char *entity_line(struct sink *k, struct jcache *c, size_t room0,
			 const char *text, uint32_t s, uint32_t e,
			 const struct span_at *at,
			 const struct fc_entity *ent)
{
	struct ref r = ref_of(c, ent);
	struct jstr type = jc_enum(c, EN_ENTITY, (unsigned)ent->type);
	struct jstr country = jc_get(c, ent->country);
	struct jstr role = jc_get(c, ent->role);
	char *o = sink_room(k, room0 + 64 + ref_room(&r) + js_room(country) +
				       js_room(role) + js_room(type));
	if (!o)
		return NULL;
	o = put_head(o, FC_MENTION_ENTITY);
	o = put_span(o, text, s, e, at);
	PUT(o, ", \"id\": ");
	o = put_str(o, r.id);
	PUT(o, ", \"label\": ");
	o = put_str(o, r.label);
	PUT(o, ", \"type\": ");
	o = put_str(o, type);
	o = put_opt(o, ", \"country\": ", 13, country);
	return put_opt(o, ", \"role\": ", 10, role);
}

static char *quantity_line(struct sink *k, struct jcache *c, size_t room0,
			   const char *text, uint32_t s, uint32_t e,
			   const struct span_at *at,
			   const struct fc_quantity *q)
{
	struct jstr unit = jc_get(c, q->unit);
	char *o = sink_room(k, room0 + QTY_ROOM + js_room(unit));
	if (!o)
		return NULL;
	o = put_head(o, FC_MENTION_QUANTITY);
	o = put_span(o, text, s, e, at);
	return put_quantity(o, q, unit);
}

/* quote, attribution, negation, hedge (and a kind unknown here: its
** head says "other", and it has no speaker member) */
static char *other_line(struct sink *k, struct jcache *c, size_t room0,
			const char *text, uint32_t s, uint32_t e,
			const struct span_at *at, const struct fc_mention *m)
{
	size_t hk = (size_t)m->kind < 7 ? (size_t)m->kind : 7;
	bool has_speaker = m->speaker && hk != 7;
	struct ref sp = {{0}, {0}};
	if (has_speaker)
		sp = ref_of(c, m->speaker);
	char *o = sink_room(k, room0 + (has_speaker ? 16 + ref_room(&sp) : 0));
	if (!o)
		return NULL;
	o = put_head(o, hk);
	o = put_span(o, text, s, e, at);
	if (has_speaker) {
		if (m->kind == FC_MENTION_QUOTE)
			PUT(o, ", \"speaker\": ");
		else
			PUT(o, ", \"source\": ");
		o = put_ref(o, &sp);
	}
	return o;
}

/* Bad bytes the repair replaced before offset off of the text. */
static uint64_t repairs_before(const struct fc_repairs *rep, uint32_t off)
{
	size_t lo = 0, hi = rep->n; /* the first end past off */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rep->end[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return rep->before + lo;
}

static void mention_line(struct sink *k, struct jcache *c,
			 const struct fc_document *doc,
			 const struct fc_mention *m, uint64_t base,
			 const struct fc_repairs *rep)
{
	const char *text = doc->text ? doc->text : "";
	size_t len = doc->text ? doc->text_len : 0;
	uint32_t s = m->start, e = m->end;
	if (m->kind == FC_MENTION_QUOTE && m->inner_end > m->inner_start) {
		s = m->inner_start;
		e = m->inner_end;
	}
	clamp(&s, &e, len);
	struct span_at at = {base + s, base + e};
	if (rep) { /* each U+FFFD for a bad byte: two bytes more than it */
		at.start -= 2 * repairs_before(rep, s);
		at.end -= 2 * repairs_before(rep, e);
	}
	jc_line(c);
	struct jstr rule = jc_get(c, m->rule);
	/* everything but what each kind adds, at its longest; the head at
	** its own length, as a line took room before the batches (so that
	** FC_ELIMIT comes at the same line: the HEAD_MAX bytes put_head
	** copies land in the 160) */
	size_t hk = (size_t)m->kind < 7 ? (size_t)m->kind : 7;
	size_t room = 160 + FC_JSON_STRN_MAX(e - s) + js_room(rule) +
		      heads[hk].n;
	char *o;
	switch (m->kind) {
	case FC_MENTION_TIME:
		o = time_line(k, c, room, text, s, e, &at, &m->time);
		break;
	case FC_MENTION_ENTITY:
		o = entity_line(k, c, room, text, s, e, &at, &m->entity);
		break;
	case FC_MENTION_QUANTITY:
		o = quantity_line(k, c, room, text, s, e, &at, &m->quantity);
		break;
	default:
		o = other_line(k, c, room, text, s, e, &at, m);
		break;
	}
	if (!o)
		return;
	o = put_opt(o, ", \"rule\": ", 10, rule);
	PUT(o, "}\n");
	k->left -= (size_t)(o - k->o);
	k->o = o;
}

fc_status fc_report_mentions_jsonl_at(const struct fc_document *doc,
				      uint64_t base,
				      const struct fc_repairs *rep,
				      struct fc_buf *out)
{
	if (!doc || !out)
		return FC_EINPUT;
	if (!doc->mentions || !doc->nmentions)
		return out->err;
	struct jcache *c = malloc(sizeof(*c));
	if (!c)
		return FC_ENOMEM;
	memset(c->v, 0, sizeof(c->v));
	memset(c->iv_set, 0, sizeof(c->iv_set));
	c->en_set = 0;
	c->used = 0;
	struct sink k = {out, NULL, NULL, 0, doc->nmentions};
	for (size_t i = 0; i < doc->nmentions && !out->err; i++, k.rest--)
		mention_line(&k, c, doc, &doc->mentions[i], base, rep);
	sink_done(&k);
	free(c);
	return out->err;
}

fc_status fc_report_mentions_jsonl(const struct fc_document *doc,
				   struct fc_buf *out)
{
	return fc_report_mentions_jsonl_at(doc, 0, NULL, out);
}
