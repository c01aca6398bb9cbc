/*
** fixture.c: corpora built by hand for the report tests (see fixture.h).
** Spans are found by searching the text, so the fixture stays right when
** a text is edited.
*/
#include "fc_test.h"
#include "fixture.h"

#include <stdlib.h>

static struct fc_arena *A;

static const char *dup(const char *s) { return fc_arena_strdup(A, s); }

/* [start, end) of the first occurrence of needle in text. */
static void span(const char *text, const char *needle, uint32_t *s,
		 uint32_t *e)
{
	const char *p = strstr(text, needle);
	assert_non_null(p);
	*s = (uint32_t)(p - text);
	*e = *s + (uint32_t)strlen(needle);
}

static struct fc_entity entity(const char *id, const char *label,
			       enum fc_entity_type t, const char *country,
			       const char *role)
{
	struct fc_entity e = {dup(id), dup(label), t, country, role};
	return e;
}

static struct fc_value v_entity(struct fc_entity e)
{
	struct fc_value v;
	memset(&v, 0, sizeof(v));
	v.type = FC_VAL_ENTITY;
	v.entity = e;
	return v;
}

static struct fc_time timex(const char *value, enum fc_timex_type type)
{
	struct fc_time t;
	memset(&t, 0, sizeof(t));
	t.type = type;
	assert_int_equal(fc_time_parse(value, &t), FC_OK);
	return t;
}

static struct fc_value v_time(const char *value)
{
	struct fc_value v;
	memset(&v, 0, sizeof(v));
	v.type = FC_VAL_TIME;
	v.time = timex(value, FC_TIMEX_DATE);
	return v;
}

static struct fc_value v_text(const char *s)
{
	struct fc_value v;
	memset(&v, 0, sizeof(v));
	v.type = FC_VAL_TEXT;
	v.text = dup(s);
	return v;
}

static struct fc_value v_int(int64_t i)
{
	struct fc_value v;
	memset(&v, 0, sizeof(v));
	v.type = FC_VAL_INT;
	v.i = i;
	return v;
}

static struct fc_value v_list2(struct fc_value a, struct fc_value b)
{
	struct fc_value v;
	memset(&v, 0, sizeof(v));
	v.type = FC_VAL_LIST;
	v.items = fc_arena_alloc(A, 2 * sizeof(*v.items));
	v.items[0] = a;
	v.items[1] = b;
	v.nitems = 2;
	return v;
}

static struct fc_value v_nearly_3bn(void)
{
	struct fc_value v;
	memset(&v, 0, sizeof(v));
	v.type = FC_VAL_QUANTITY;
	v.quantity.value = 3e9;
	v.quantity.unit = "USD";
	v.quantity.lo = 0;
	v.quantity.hi = 3e9;
	v.quantity.is_lo_open = true;
	return v;
}

static void setup_source(struct fc_corpus *c, size_t i, const char *id,
			 const char *file, const char *url,
			 const char *outlet, const char *published,
			 const char *text)
{
	struct fc_source *s = &c->sources[i];
	struct fc_document *d = &c->docs[i];
	s->id = dup(id);
	s->file = file ? dup(file) : NULL;
	s->url = url ? dup(url) : NULL;
	s->outlet = outlet ? dup(outlet) : NULL;
	s->published = published ? dup(published) : NULL;
	d->src = s;
	d->text = (char *)dup(text);
	d->text_len = strlen(text);
	d->raw = d->text;
	d->raw_len = d->text_len;
	fc_sha256_hex(text, strlen(text), d->sha256);
	d->is_published_stated = published != NULL;
	d->published = published ? s->published : c->reference_date;
	d->independent_group = (int32_t)i;
}

/* Sentences: split at each ". " (good enough for fixture texts). */
static void split(struct fc_document *d)
{
	d->sentences = fc_arena_alloc(A, 8 * sizeof(*d->sentences));
	uint32_t s = 0;
	for (uint32_t i = 0; i <= d->text_len; i++) {
		if (i == d->text_len || (d->text[i] == ' ' && i &&
					 d->text[i - 1] == '.')) {
			d->sentences[d->nsentences].start = s;
			d->sentences[d->nsentences].end = i;
			d->sentences[d->nsentences].line = 1;
			d->nsentences++;
			s = i + 1;
		}
	}
}

static struct fc_mention *mention(struct fc_document *d,
				  enum fc_mention_kind k, const char *text,
				  const char *rule)
{
	struct fc_mention *m = fc_doc_push_mention(A, d);
	assert_non_null(m);
	m->kind = k;
	m->rule = rule;
	span(d->text, text, &m->start, &m->end);
	return m;
}

static struct fc_fact *fact(struct fc_corpus *c, uint32_t doc,
			    uint32_t sentence, const char *kind,
			    const char *rule, const char *text, size_t nslots)
{
	struct fc_fact *f = fc_corpus_push_fact(c);
	assert_non_null(f);
	f->kind = dup(kind);
	f->rule = dup(rule);
	f->doc = doc;
	f->sentence = sentence;
	span(c->docs[doc].text, text, &f->start, &f->end);
	f->slots = fc_arena_alloc(A, nslots * sizeof(*f->slots));
	return f;
}

static void slot(struct fc_fact *f, const char *name, struct fc_value v)
{
	f->slots[f->nslots].name = dup(name);
	f->slots[f->nslots].value = v;
	f->nslots++;
}

static uint32_t *u32s(size_t n, const uint32_t *v)
{
	uint32_t *p = fc_arena_alloc(A, n * sizeof(*p));
	memcpy(p, v, n * sizeof(*p));
	return p;
}

#define U32S(...)                                                        \
	u32s(sizeof((uint32_t[]){__VA_ARGS__}) / sizeof(uint32_t),        \
	     (uint32_t[]){__VA_ARGS__})

static struct fc_finding_value fvalue(const char *text, struct fc_value v,
				      uint32_t *facts, size_t nfacts)
{
	struct fc_finding_value fv = {.text = text ? dup(text) : NULL,
				      .value = v, .facts = facts,
				      .nfacts = nfacts};
	return fv;
}

struct fc_corpus *fixture_corpus(void)
{
	struct fc_corpus *c = fc_corpus_create();
	assert_non_null(c);
	A = &c->arena;
	c->name = dup("fixture-calls");
	c->title = dup("Calls & \"talks\" in January");
	c->reference_date = dup("2026-01-16");
	c->nsources = c->ndocs = 3;
	c->sources = fc_arena_alloc(A, 3 * sizeof(*c->sources));
	c->docs = fc_arena_alloc(A, 3 * sizeof(*c->docs));
	setup_source(c, 0, "000", "000.txt", NULL, "Agency A", "2026-01-16",
		     "Putin spoke with Netanyahu on Friday. The two "
		     "countries signed a 20-year pact in Z\xC3\xBCrich.");
	setup_source(c, 1, "001", NULL, "https://example.org/b", NULL, NULL,
		     "On Thursday, Putin reportedly called Netanyahu. Nearly "
		     "$3 billion was pledged, officials said.");
	setup_source(c, 2, "002", "002.txt", NULL, "Wire C", NULL,
		     "\xC2\xABWe are not seeking war\xC2\xBB, Peskov said. "
		     "Putin spoke with Netanyahu on Friday.");
	c->sources[2].derived_from = dup("000");
	c->docs[0].title = dup("Putin and Netanyahu talk");
	c->docs[1].dropped = fc_arena_alloc(A, 2 * sizeof(*c->docs[1].dropped));
	c->docs[1].ndropped = 2;
	c->docs[2].independent_group = 0;
	c->ngroups = 2;
	c->deps = fc_arena_alloc(A, sizeof(*c->deps));
	c->deps[0] = (struct fc_dependence){0, 2, FC_DEP_DECLARED, 0.0,
					    dup("derived_from")};
	c->ndeps = 1;
	for (size_t i = 0; i < 3; i++)
		split(&c->docs[i]);

	struct fc_entity putin = entity("person:vladimir-putin",
					"Vladimir Putin", FC_ENT_PERSON, "RU",
					"president");
	struct fc_entity bibi = entity("person:benjamin-netanyahu",
				       "Benjamin Netanyahu", FC_ENT_PERSON,
				       "IL", "prime minister");
	struct fc_entity peskov = entity("person:dmitry-peskov",
					 "Dmitry Peskov", FC_ENT_PERSON, "RU",
					 NULL);
	struct fc_entity ru = entity("country:RU", "Russia", FC_ENT_COUNTRY,
				     "RU", NULL);
	struct fc_entity il = entity("country:IL", "Israel", FC_ENT_COUNTRY,
				     "IL", NULL);
	struct fc_entity zurich = entity("city:zurich", "Z\xC3\xBCrich",
					 FC_ENT_CITY, "CH", NULL);

	/* mentions */
	struct fc_document *d = &c->docs[0];
	struct fc_mention *m;
	mention(d, FC_MENTION_ENTITY, "Putin", "person")->entity = putin;
	mention(d, FC_MENTION_ENTITY, "Netanyahu", "person")->entity = bibi;
	m = mention(d, FC_MENTION_TIME, "Friday", "weekday");
	m->time = timex("2026-01-16", FC_TIMEX_DATE);
	m = mention(d, FC_MENTION_TIME, "20-year", "duration");
	m->time = timex("P20Y", FC_TIMEX_DURATION);
	mention(d, FC_MENTION_ENTITY, "Z\xC3\xBCrich", "city")->entity = zurich;
	fc_mentions_finish(d);

	d = &c->docs[1];
	m = mention(d, FC_MENTION_TIME, "Thursday", "weekday");
	m->time = timex("2026-01-15", FC_TIMEX_DATE);
	mention(d, FC_MENTION_ENTITY, "Putin", "person")->entity = putin;
	mention(d, FC_MENTION_HEDGE, "reportedly", "hedge");
	mention(d, FC_MENTION_ENTITY, "Netanyahu", "person")->entity = bibi;
	m = mention(d, FC_MENTION_QUANTITY, "Nearly $3 billion", "money");
	m->quantity = v_nearly_3bn().quantity;
	m = mention(d, FC_MENTION_QUANTITY, "$3 billion", NULL);
	m->quantity.value = m->quantity.lo = m->quantity.hi = 3e9;
	m->quantity.unit = "USD";
	mention(d, FC_MENTION_ATTRIBUTION, "officials said", "said");
	fc_mentions_finish(d);

	d = &c->docs[2];
	/* speakers point at arena entities, never into d->mentions */
	struct fc_entity *pk = fc_arena_alloc(A, sizeof(*pk));
	*pk = peskov;
	m = mention(d, FC_MENTION_QUOTE,
		    "\xC2\xABWe are not seeking war\xC2\xBB", "guillemets");
	m->speaker = pk;
	span(d->text, "We are not seeking war", &m->inner_start,
	     &m->inner_end);
	mention(d, FC_MENTION_NEGATION, "not", "not");
	m = mention(d, FC_MENTION_ENTITY, "Peskov", "person");
	m->entity = peskov;
	m = mention(d, FC_MENTION_ATTRIBUTION, "Peskov said", "said");
	m->speaker = pk;
	m = mention(d, FC_MENTION_TIME, "Friday", "weekday");
	m->time = timex("2026-01-16", FC_TIMEX_DATE);
	m->time.mod = FC_MOD_APPROX;
	fc_mentions_finish(d);

	/* facts */
	struct fc_fact *f;
	f = fact(c, 0, 0, "call", "call.spoke-with",
		 "Putin spoke with Netanyahu on Friday", 2);
	slot(f, "participants", v_list2(v_entity(putin), v_entity(bibi)));
	slot(f, "date", v_time("2026-01-16"));
	f = fact(c, 1, 0, "call", "call.called",
		 "Putin reportedly called Netanyahu", 2);
	slot(f, "participants", v_list2(v_entity(putin), v_entity(bibi)));
	slot(f, "date", v_time("2026-01-15"));
	f->modality = FC_MODAL_HEDGED;
	f = fact(c, 2, 1, "call", "call.spoke-with",
		 "Putin spoke with Netanyahu on Friday", 2);
	slot(f, "participants", v_list2(v_entity(putin), v_entity(bibi)));
	slot(f, "date", v_time("2026-01-16"));
	/* the span ends inside the two bytes of "ü" */
	f = fact(c, 0, 1, "agreement", "agreement.signed",
		 "signed a 20-year pact in Z\xC3", 4);
	slot(f, "parties", v_list2(v_entity(ru), v_entity(il)));
	slot(f, "type", v_text("pact"));
	struct fc_value dur;
	memset(&dur, 0, sizeof(dur));
	dur.type = FC_VAL_TIME;
	dur.time = timex("P20Y", FC_TIMEX_DURATION);
	slot(f, "duration", dur);
	slot(f, "place", v_entity(zurich));
	f = fact(c, 1, 1, "pledge", "pledge.amount",
		 "Nearly $3 billion was pledged", 2);
	slot(f, "amount", v_nearly_3bn());
	slot(f, "order", v_int(2));
	f->attribution = dup("officials");
	f->modality = FC_MODAL_REPORTED;
	f = fact(c, 2, 0, "quote", "quote.said",
		 "\xC2\xABWe are not seeking war\xC2\xBB, Peskov said", 2);
	slot(f, "speaker", v_entity(peskov));
	slot(f, "quote", v_text("We are not seeking war"));
	f->polarity = FC_POL_NEGATED;
	f->modality = FC_MODAL_REPORTED;
	f->attribution = dup("Peskov");

	/* findings, in checks order (kind, rule, id) */
	c->nfindings = 4;
	c->findings = fc_arena_alloc(A, 4 * sizeof(*c->findings));
	struct fc_finding *fd = &c->findings[0];
	fd->id = dup("agreement.duration:country:IL,country:RU");
	fd->rule = dup("agreement-duration");
	fd->kind = dup("agreement");
	fd->field = dup("duration");
	fd->status = FC_FIND_SINGLE_SOURCE;
	fd->severity = FC_SEV_NOTE;
	fd->key = fc_arena_alloc(A, sizeof(*fd->key));
	fd->key[0].name = dup("parties");
	fd->key[0].value = c->facts[3].slots[0].value;
	fd->nkey = 1;
	fd->values = fc_arena_alloc(A, sizeof(*fd->values));
	fd->values[0] = fvalue("P20Y", dur, U32S(3), 1);
	fd->nvalues = 1;
	fd->sources = U32S(0);
	fd->nsources = 1;
	fd->independent_sources = 1;
	fd->message = dup("Only one source gives the duration of the "
			  "agreement");

	fd = &c->findings[1];
	fd->id = dup("call.date:person:benjamin-netanyahu,"
		     "person:vladimir-putin");
	fd->rule = dup("call-date");
	fd->kind = dup("call");
	fd->field = dup("date");
	fd->status = FC_FIND_CONTRADICTED;
	fd->severity = FC_SEV_WARNING;
	fd->key = fc_arena_alloc(A, sizeof(*fd->key));
	fd->key[0].name = dup("participants");
	fd->key[0].value = c->facts[0].slots[0].value;
	fd->nkey = 1;
	fd->values = fc_arena_alloc(A, 2 * sizeof(*fd->values));
	fd->values[0] = fvalue("2026-01-16", v_time("2026-01-16"),
			       U32S(2, 0), 2);
	fd->values[1] = fvalue("2026-01-15", v_time("2026-01-15"), U32S(1),
			       1);
	fd->nvalues = 2;
	fd->sources = U32S(0, 1, 2);
	fd->nsources = 3;
	fd->independent_sources = 2;
	fd->message = dup("Sources disagree on the date of the call: "
			  "2026-01-16 vs 2026-01-15");

	fd = &c->findings[2];
	fd->id = dup("call.participants:2026-01-16");
	fd->rule = dup("call-participants");
	fd->kind = dup("call");
	fd->field = dup("participants");
	fd->status = FC_FIND_CORROBORATED;
	fd->severity = FC_SEV_NOTE;
	fd->values = fc_arena_alloc(A, sizeof(*fd->values));
	fd->values[0] = fvalue("person:vladimir-putin,"
			       "person:benjamin-netanyahu",
			       c->facts[0].slots[0].value, U32S(0, 1, 2), 3);
	fd->nvalues = 1;
	fd->sources = U32S(0, 1, 2);
	fd->nsources = 3;
	fd->independent_sources = 2;
	fd->message = dup("Three sources name the same participants");

	fd = &c->findings[3];
	fd->id = dup("quote.quote:person:dmitry-peskov");
	fd->rule = dup("quote-wording");
	fd->kind = dup("quote");
	fd->field = dup("quote");
	fd->status = FC_FIND_VARIANT;
	fd->severity = FC_SEV_ERROR;
	fd->key = fc_arena_alloc(A, sizeof(*fd->key));
	fd->key[0].name = dup("speaker");
	fd->key[0].value = v_entity(peskov);
	fd->nkey = 1;
	fd->values = fc_arena_alloc(A, 3 * sizeof(*fd->values));
	/* no canonical text: the writer computes it from the value */
	fd->values[0] = fvalue(NULL, v_text("We are not seeking war"), U32S(5),
			       1);
	/* a second wording (its fact stands in for one) and a fragment */
	fd->values[1] = fvalue("We are \xE2\x80\x9Cnot\xE2\x80\x9D seeking "
			       "a war <now>",
			       v_text("We are \xE2\x80\x9Cnot\xE2\x80\x9D "
				      "seeking a war <now>"),
			       U32S(1), 1);
	fd->values[2] = fvalue("seeking war", v_text("seeking war"), U32S(0),
			       1);
	fd->values[2].is_partial = true;
	fd->nvalues = 3;
	fd->sources = U32S(0, 1, 2);
	fd->nsources = 3;
	fd->independent_sources = 2;
	fd->message = dup("The quote is worded differently");
	return c;
}

#define EVIL HOSTILE_SCRIPT HOSTILE_IMG " ' &amp; " HOSTILE_MDLINK

struct fc_corpus *fixture_hostile(void)
{
	struct fc_corpus *c = fc_corpus_create();
	assert_non_null(c);
	A = &c->arena;
	c->name = dup("hostile" HOSTILE_SCRIPT);
	c->title = dup("Title " EVIL);
	c->reference_date = dup("2026-01-16");
	c->nsources = c->ndocs = 1;
	c->sources = fc_arena_alloc(A, sizeof(*c->sources));
	c->docs = fc_arena_alloc(A, sizeof(*c->docs));
	setup_source(c, 0, "id" EVIL, "path" EVIL, NULL, "Outlet " EVIL,
		     "2026-01-16",
		     "He said " EVIL " and \xFF\xFE bad \xC3 bytes, see "
		     "https://evil.example/x and www.evil.example or "
		     "mail me@evil.example\x01.\n# not a heading\n- nor a "
		     "list");
	c->docs[0].title = dup("Doc title " EVIL);
	split(&c->docs[0]);
	/* a second source: a wire copy of the first */
	c->nsources = c->ndocs = 2;
	struct fc_source *srcs = fc_arena_alloc(A, 2 * sizeof(*srcs));
	struct fc_document *docs = fc_arena_alloc(A, 2 * sizeof(*docs));
	srcs[0] = c->sources[0];
	docs[0] = c->docs[0];
	docs[0].src = &srcs[0];
	c->sources = srcs;
	c->docs = docs;
	setup_source(c, 1, "copy" EVIL, NULL, NULL, "Outlet " EVIL, NULL,
		     "A copy.");
	split(&c->docs[1]);
	c->docs[1].independent_group = 0;
	c->ngroups = 1;
	c->deps = fc_arena_alloc(A, sizeof(*c->deps));
	c->deps[0] = (struct fc_dependence){0, 1, FC_DEP_WIRE, 0.0,
					    dup("Agency " EVIL)};
	c->ndeps = 1;
	struct fc_document *d = &c->docs[0];
	struct fc_entity bad = entity("person:x" EVIL, "Label " EVIL,
				      FC_ENT_PERSON, "XX", "role" EVIL);
	mention(d, FC_MENTION_ENTITY, HOSTILE_SCRIPT, "r" EVIL)->entity = bad;
	fc_mentions_finish(d);

	struct fc_fact *f = fc_corpus_push_fact(c);
	f->kind = dup("statement" EVIL);
	f->rule = dup("rule" EVIL);
	f->doc = 0;
	f->sentence = 0;
	span(d->text, HOSTILE_IMG, &f->start, &f->end);
	f->slots = fc_arena_alloc(A, 2 * sizeof(*f->slots));
	f->nslots = 2;
	f->slots[0].name = dup("speaker" EVIL);
	f->slots[0].value = v_entity(bad);
	f->slots[1].name = dup("topic");
	f->slots[1].value = v_text("topic " EVIL " \xFF");
	f->attribution = dup("attr " EVIL);

	c->nfindings = 2;
	c->findings = fc_arena_alloc(A, 2 * sizeof(*c->findings));
	struct fc_finding *fd = &c->findings[0];
	fd->id = dup("fid" EVIL);
	fd->rule = dup("rule" EVIL);
	fd->kind = dup("statement" EVIL);
	fd->field = dup("topic" EVIL);
	fd->status = FC_FIND_SINGLE_SOURCE;
	fd->key = fc_arena_alloc(A, sizeof(*fd->key));
	fd->key[0].name = dup("speaker" EVIL);
	fd->key[0].value = v_entity(bad);
	fd->nkey = 1;
	fd->values = fc_arena_alloc(A, sizeof(*fd->values));
	fd->values[0] = fvalue("value " EVIL, f->slots[0].value, U32S(0), 1);
	fd->nvalues = 1;
	fd->sources = U32S(0);
	fd->nsources = 1;
	fd->independent_sources = 1;
	fd->message = dup("Message " EVIL " \xC0\xAF");

	/* a variant quote whose wordings carry markup */
	fd = &c->findings[1];
	fd->id = dup("quote" EVIL);
	fd->rule = dup("quote.text");
	fd->kind = dup("quote");
	fd->field = dup("quote");
	fd->status = FC_FIND_VARIANT;
	fd->values = fc_arena_alloc(A, 3 * sizeof(*fd->values));
	fd->values[0] = fvalue("We said " EVIL " today",
			       v_text("We said " EVIL " today"), U32S(0), 1);
	fd->values[1] = fvalue("They said " EVIL " \xFF tomorrow",
			       v_text("They said " EVIL " \xFF tomorrow"),
			       U32S(0), 1);
	fd->values[2] = fvalue("said " EVIL, v_text("said " EVIL), U32S(0), 1);
	fd->values[2].is_partial = true;
	fd->nvalues = 3;
	fd->sources = U32S(0, 1);
	fd->nsources = 2;
	fd->independent_sources = 1;
	fd->message = dup("Quoted two ways");
	return c;
}

char *fixture_render(const struct fc_corpus *c, enum fc_format f)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	assert_int_equal(fc_report_write(c, f, &b), FC_OK);
	size_t len;
	char *s = fc_buf_steal(&b, &len);
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	return s;
}
