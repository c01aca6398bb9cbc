/*
** test_report_jsonl_cache.c: mention lines keep the JSON form of their
** repeated strings in a cache keyed by address (report_jsonl.c). Lines
** written through it must equal the lines the plain JSON writer (fc_jw)
** makes, whatever the strings: thousands of distinct ones (the cache is
** emptied when full, and entries collide), escapes, strings longer than
** the cache keeps, NULL labels and units, one string shared by many
** mentions and the same text at different addresses; and the intervals
** of times, which a cache keeps too.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fc_test.h"

#define NMENT 12000

static const char *const kinds[] = {
	"entity", "time", "quantity", "quote", "attribution", "negation",
	"hedge",
};

/* The line fc_jw writes for m (the same members in the same order). */
static void ref_line(struct fc_buf *b, const struct fc_document *doc,
		     const struct fc_mention *m)
{
	struct fc_jw w;
	fc_jw_init(&w, b, false);
	fc_jw_obj(&w);
	fc_jw_key(&w, "kind");
	fc_jw_str(&w, kinds[m->kind]);
	if (m->kind == FC_MENTION_TIME) {
		fc_jw_key(&w, "type");
		fc_jw_str(&w, fc_timex_type_name(m->time.type));
	}
	fc_jw_key(&w, "text");
	fc_jw_strn(&w, doc->text + m->start, m->end - m->start);
	fc_jw_key(&w, "start");
	fc_jw_int(&w, m->start);
	fc_jw_key(&w, "end");
	fc_jw_int(&w, m->end);
	const struct fc_entity *sp = m->speaker;
	switch (m->kind) {
	case FC_MENTION_ENTITY:
		fc_jw_key(&w, "id");
		fc_jw_str(&w, m->entity.id);
		fc_jw_key(&w, "label");
		fc_jw_str(&w, m->entity.label ? m->entity.label : m->entity.id);
		fc_jw_key(&w, "type");
		fc_jw_str(&w, fc_entity_type_name(m->entity.type));
		if (m->entity.country) {
			fc_jw_key(&w, "country");
			fc_jw_str(&w, m->entity.country);
		}
		if (m->entity.role) {
			fc_jw_key(&w, "role");
			fc_jw_str(&w, m->entity.role);
		}
		break;
	case FC_MENTION_TIME:
		fc_jw_key(&w, "value");
		fc_jw_str(&w, m->time.value);
		fc_jw_key(&w, "grain");
		fc_jw_str(&w, fc_grain_name(m->time.grain));
		fc_jw_key(&w, "mod");
		fc_jw_str(&w, fc_timex_mod_name(m->time.mod));
		if (m->time.is_anchored && m->time.hi > m->time.lo) {
			int y0, m0, d0, y1, m1, d1;
			fc_civil_from_days(m->time.lo, &y0, &m0, &d0);
			fc_civil_from_days(m->time.hi - 1, &y1, &m1, &d1);
			if (y0 < 0 || y1 > 9999)
				break;
			char iv[64];
			snprintf(iv, sizeof(iv),
				 "\"%04d-%02d-%02d\", \"%04d-%02d-%02d\"", y0,
				 m0, d0, y1, m1, d1);
			fc_jw_key(&w, "interval");
			fc_jw_arr(&w);
			fc_buf_adds(b, iv);
			w.has_items[w.depth] = true;
			fc_jw_arr_end(&w);
		}
		break;
	case FC_MENTION_QUANTITY:
		fc_jw_key(&w, "value");
		fc_jw_num(&w, m->quantity.value);
		if (m->quantity.unit) {
			fc_jw_key(&w, "unit");
			fc_jw_str(&w, m->quantity.unit);
		}
		fc_jw_key(&w, "low");
		fc_jw_num(&w, m->quantity.lo);
		fc_jw_key(&w, "high");
		fc_jw_num(&w, m->quantity.hi);
		break;
	default:
		if (sp) {
			fc_jw_key(&w, m->kind == FC_MENTION_QUOTE ? "speaker"
								  : "source");
			fc_jw_obj(&w);
			fc_jw_key(&w, "id");
			fc_jw_str(&w, sp->id);
			fc_jw_key(&w, "label");
			fc_jw_str(&w, sp->label ? sp->label : sp->id);
			fc_jw_obj_end(&w);
		}
		break;
	}
	if (m->rule) {
		fc_jw_key(&w, "rule");
		fc_jw_str(&w, m->rule);
	}
	fc_jw_obj_end(&w);
	fc_buf_addc(b, '\n');
}

/* A string of i: short, escaped, or longer than the cache keeps. */
static char *make_str(struct fc_arena *a, const char *what, size_t i)
{
	switch (i % 7) {
	case 0: return fc_arena_printf(a, "%s:%zu", what, i);
	case 1: return fc_arena_printf(a, "%s \"q\" \\ %zu\t\x01", what, i);
	case 2: {
		char *s = fc_arena_alloc(a, 600);
		if (!s)
			return NULL; /* out of memory, as fc_arena_printf */
		memset(s, 'a' + (int)(i % 26), 599);
		s[599] = '\0';
		snprintf(s, 600 - 1, "%s %zu", what, i);
		s[strlen(s)] = 'x'; /* the long tail stays */
		return s;
	}
	case 3: return fc_arena_printf(a, "%s Z\xC3\xBCrich %zu", what, i);
	case 4: return fc_arena_printf(a, "%s bad \xFF byte %zu", what, i);
	default: return fc_arena_printf(a, "%s %zu", what, i % 40);
	}
}

static void test_cached_lines_equal_plain_writer(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, "Putin met \"Erdogan\" in Z\xC3\xBCrich "
				       "on Friday; 3 billion dollars.");
	doc.text_len = strlen(doc.text);
	/* shared strings: one address used by many mentions */
	const char *shared_rule = "lexicon.person";
	struct fc_entity *spk = fc_arena_alloc(&a, sizeof(*spk));
	spk->id = "person:dmitry-peskov";
	spk->label = NULL;
	for (size_t i = 0; i < NMENT; i++) {
		struct fc_mention *m = fc_doc_push_mention(&a, &doc);
		assert_non_null(m);
		m->kind = (enum fc_mention_kind)(i % 7);
		m->start = (uint32_t)(i % 20);
		m->end = m->start + (uint32_t)(i % 13);
		m->rule = i % 3 == 0   ? shared_rule
			  : i % 3 == 1 ? make_str(&a, "rule", i)
				       : NULL;
		switch (m->kind) {
		case FC_MENTION_ENTITY:
			m->entity.id = make_str(&a, "person:x", i / 2);
			m->entity.label =
				i % 5 == 0 ? NULL : make_str(&a, "Label", i);
			m->entity.type = (enum fc_entity_type)(i % 7);
			m->entity.country = i % 4 ? "RU" : NULL;
			m->entity.role = i % 6 ? NULL : make_str(&a, "role", i);
			break;
		case FC_MENTION_TIME:
			m->time.type = FC_TIMEX_DATE;
			m->time.grain = FC_GRAIN_DAY;
			m->time.mod = FC_MOD_APPROX;
			snprintf(m->time.value, sizeof(m->time.value),
				 "2026-01-%02zu", 1 + i % 28);
			/* intervals that repeat, that collide in the cache,
			** that are empty, and years out of 0..9999 */
			m->time.is_anchored = i % 11 != 0;
			m->time.lo = (int32_t)((i * 7919) % 3000) - 900 +
				     (i % 13 == 0 ? -800000 : 0);
			m->time.hi = m->time.lo + (int32_t)(i % 5) - 1 +
				     (i % 17 == 0 ? 3000000 : 0);
			if (i % 19 == 0) { /* one start, ends 64 days apart */
				m->time.lo = 500;
				m->time.hi = 501 + (int32_t)(i % 3) * 64;
			}
			break;
		case FC_MENTION_QUANTITY:
			m->quantity.value = (double)i / 8;
			m->quantity.lo = (double)i / 10;
			m->quantity.hi = (double)i * 0.55 + 0.1;
			m->quantity.unit = i % 2 ? make_str(&a, "unit", i % 9)
						 : NULL;
			break;
		default:
			m->speaker = i % 2 ? spk : NULL;
			break;
		}
	}
	struct fc_buf got, want;
	fc_buf_init(&got, 0);
	fc_buf_init(&want, 0);
	assert_int_equal(fc_report_mentions_jsonl(&doc, &got), FC_OK);
	for (size_t i = 0; i < doc.nmentions; i++)
		ref_line(&want, &doc, &doc.mentions[i]);
	assert_int_equal(got.len, want.len);
	assert_string_equal(fc_buf_cstr(&got), fc_buf_cstr(&want));
	fc_buf_finish(&got);
	fc_buf_finish(&want);
	fc_arena_finish(&a);
}

/*
** The writer takes room for 64 KB of lines at once (struct sink): lines
** longer than that (a 40,000-byte quoted text, six times longer once
** escaped at worst), lines that end right at a batch's end, and output
** appended after what the buffer held must come out as the plain
** writer's, and the buffer's length and terminating NUL must be those
** of the bytes written.
*/
static void test_lines_across_batches(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	size_t tlen = 40000;
	char *text = fc_arena_alloc(&a, tlen + 1);
	assert_non_null(text);
	for (size_t i = 0; i < tlen; i++)
		text[i] = i % 97 == 5 ? '"' : i % 89 == 3 ? '\x01'
						 : (char)('a' + i % 26);
	text[tlen] = '\0';
	doc.text = text;
	doc.text_len = tlen;
	for (size_t i = 0; i < 3000; i++) {
		struct fc_mention *m = fc_doc_push_mention(&a, &doc);
		assert_non_null(m);
		m->kind = FC_MENTION_NEGATION;
		m->rule = "negation.not";
		/* every 700th mention spans the whole text */
		m->start = i % 700 == 0 ? 0 : (uint32_t)(i * 13 % tlen);
		m->end = i % 700 == 0 ? (uint32_t)tlen
				      : m->start + (uint32_t)(i % 61);
		if (m->end > tlen)
			m->end = (uint32_t)tlen;
	}
	struct fc_buf got, want;
	fc_buf_init(&got, 0);
	fc_buf_init(&want, 0);
	fc_buf_adds(&got, "before\n");
	fc_buf_adds(&want, "before\n");
	assert_int_equal(fc_report_mentions_jsonl(&doc, &got), FC_OK);
	for (size_t i = 0; i < doc.nmentions; i++)
		ref_line(&want, &doc, &doc.mentions[i]);
	assert_true(want.len > 4 * 64 * 1024);
	assert_int_equal(got.len, want.len);
	assert_int_equal(strlen(fc_buf_cstr(&got)), want.len);
	assert_memory_equal(fc_buf_cstr(&got), fc_buf_cstr(&want), want.len);
	/* and once more after it: the second call appends */
	assert_int_equal(fc_report_mentions_jsonl(&doc, &got), FC_OK);
	assert_int_equal(got.len, 2 * want.len - 7);
	assert_memory_equal(fc_buf_cstr(&got) + want.len,
			    fc_buf_cstr(&want) + 7, want.len - 7);
	fc_buf_finish(&got);
	fc_buf_finish(&want);
	fc_arena_finish(&a);
}

/* doc with n mentions of kind over "not never no nothing", each a
** word of 3 bytes (rule negation.not): short lines, many of them. */
static void short_lines(struct fc_arena *a, struct fc_document *doc,
			enum fc_mention_kind kind, size_t n)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = "not never no nothing";
	doc->text_len = strlen(doc->text);
	for (size_t i = 0; i < n; i++) {
		struct fc_mention *m = fc_doc_push_mention(a, doc);
		assert_non_null(m);
		m->kind = kind;
		m->rule = "negation.not";
		m->start = (uint32_t)(i % 4) * 4;
		m->end = m->start + 3;
	}
}

/*
** A buffer with a maximum a little above the lines' length: the batches
** of room must not ask for more than it allows while each line fits
** (FC_OK and the same lines as in a buffer without one).
*/
static void test_lines_within_max(void **state)
{
	(void)state;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	short_lines(&a, &doc, FC_MENTION_NEGATION, 4000);
	struct fc_buf all;
	fc_buf_init(&all, 0);
	assert_int_equal(fc_report_mentions_jsonl(&doc, &all), FC_OK);
	assert_true(all.len > 4 * 64 * 1024);
	struct fc_buf b;
	fc_buf_init(&b, all.len + 300);
	assert_int_equal(fc_report_mentions_jsonl(&doc, &b), FC_OK);
	assert_int_equal(b.len, all.len);
	assert_memory_equal(fc_buf_cstr(&b), fc_buf_cstr(&all), all.len);
	fc_buf_finish(&b);
	fc_buf_finish(&all);
	fc_arena_finish(&a);
}

/*
** The room a line asks is the room it asked before the batches (160
** bytes, the text's at worst, the rule's form and the head's own
** length): a buffer whose maximum leaves the last line just that much
** takes every line (FC_OK), and one byte less fails with FC_ELIMIT and
** the lines before it, whole. Negation and hedge heads are 19 and 17
** bytes, shorter than the 24 the writer copies; the rule's form is
** "negation.not" quoted (14 bytes); each text is 3 bytes (room 20).
*/
static void test_last_line_room(void **state)
{
	(void)state;
	static const enum fc_mention_kind ks[] = {FC_MENTION_NEGATION,
						  FC_MENTION_HEDGE};
	static const size_t head_n[] = {19, 16};
	for (size_t j = 0; j < 2; j++) {
		struct fc_arena a;
		fc_arena_init(&a);
		struct fc_document doc;
		short_lines(&a, &doc, ks[j], 3000);
		struct fc_buf all;
		fc_buf_init(&all, 0);
		assert_int_equal(fc_report_mentions_jsonl(&doc, &all), FC_OK);
		/* where the last line starts */
		size_t last = all.len - 1;
		while (last > 0 && all.p[last - 1] != '\n')
			last--;
		size_t room = 160 + FC_JSON_STRN_MAX(3) + 14 + head_n[j];
		struct fc_buf b;
		fc_buf_init(&b, last + room);
		assert_int_equal(fc_report_mentions_jsonl(&doc, &b), FC_OK);
		assert_int_equal(b.len, all.len);
		assert_memory_equal(fc_buf_cstr(&b), fc_buf_cstr(&all), all.len);
		fc_buf_finish(&b);
		fc_buf_init(&b, last + room - 1);
		assert_int_equal(fc_report_mentions_jsonl(&doc, &b),
				 FC_ELIMIT);
		assert_int_equal(b.len, last);
		assert_memory_equal(b.p, fc_buf_cstr(&all), last);
		assert_int_equal(b.p[b.len], '\0');
		fc_buf_finish(&b);
		fc_buf_finish(&all);
		fc_arena_finish(&a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cached_lines_equal_plain_writer),
		cmocka_unit_test(test_lines_across_batches),
		cmocka_unit_test(test_lines_within_max),
		cmocka_unit_test(test_last_line_room),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
