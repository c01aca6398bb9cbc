/*
** boiler.c: decide, block by block, what is article prose.
**
** For each block not already dropped by markup:
**   1. a `keep` rule that matches keeps it (nothing below applies);
**   2. else the first matching drop rule (in load order) drops it, and
**      drop-next / drop-rest drop the blocks after it too;
**   3. else the heading heuristic drops a heading-like block: marked up
**      as a heading, or short (max_length characters) without
**      sentence-final punctuation: headlines, related-article links,
**      captions, bylines, navigation;
**   4. else the duplicate heuristic drops a block whose letters and
**      digits repeat an earlier block's (a pull quote, a repeated
**      deck). When the earlier copy lacks sentence-final punctuation
**      and this one has it, the earlier copy goes instead.
** The title is the first heading-like block before the first kept block
** that is not a list item and has title_min_words words (the document's
** own <title> first). All work is linear in the text: patterns only see
** blocks up to their max_length, duplicates go through a hash table.
*/
#include <stdlib.h>
#include <string.h>

#include "text/text_p.h"

#define HEADING_RULE "heading"

bool text_ends_sentence(const struct brule *heading, const char *s, size_t n)
{
	static const uint32_t dflt[] = {'.', '!', '?', 0x2026, ':'};
	const uint32_t *fin = heading ? heading->final : dflt;
	size_t nfin = heading ? heading->nfinal : sizeof(dflt) / sizeof(*dflt);
	while (n > 0) {
		size_t k;
		uint32_t cp = text_decode_back(s, n, &k);
		if (!k)
			break;
		if (text_is_closer(cp) || cp == ' ') {
			n -= k;
			continue;
		}
		for (size_t i = 0; i < nfin; i++)
			if (fin[i] == cp)
				return true;
		return false;
	}
	return false;
}

static size_t count_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static size_t count_words(const char *s, size_t n)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < n; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* ---- Duplicates -------------------------------------------------------- */

/* The letters and digits of a block, lower-cased, one at a time. */
struct norm_it {
	const unsigned char *p;
	size_t i, n;
};

/* Next normalised byte, or -1 at the end. Punctuation and spaces (ASCII,
** Latin-1 U+00A0-U+00BF, General Punctuation U+2000-U+206F) are
** skipped; other non-ASCII bytes count as they are. */
static int norm_next(struct norm_it *it)
{
	while (it->i < it->n) {
		unsigned char c = it->p[it->i];
		if (c < 0x80) {
			it->i++;
			if (c >= 'A' && c <= 'Z')
				return c + 32;
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				return c;
			continue;
		}
		size_t k;
		uint32_t cp = text_decode(it->p + it->i, it->n - it->i, &k);
		if ((cp >= 0xA0 && cp <= 0xBF) ||
		    (cp >= 0x2000 && cp <= 0x206F)) {
			it->i += k;
			continue;
		}
		return it->p[it->i++];
	}
	return -1;
}

static uint64_t norm_hash(const char *s, size_t n, size_t *len)
{
	struct norm_it it = {(const unsigned char *)s, 0, n};
	uint64_t h = 1469598103934665603ull;
	int c;
	*len = 0;
	while ((c = norm_next(&it)) >= 0) {
		h = (h ^ (uint64_t)c) * 1099511628211ull;
		(*len)++;
	}
	return h;
}

static bool norm_equal(const char *a, size_t an, const char *b, size_t bn)
{
	struct norm_it x = {(const unsigned char *)a, 0, an};
	struct norm_it y = {(const unsigned char *)b, 0, bn};
	int c, e;
	do {
		c = norm_next(&x);
		e = norm_next(&y);
		if (c != e)
			return false;
	} while (c >= 0);
	return true;
}

struct dup_table {
	uint64_t *hash;
	uint32_t *block; /* block index + 1; 0 empty */
	size_t mask;
};

static fc_status dup_init(struct dup_table *t, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	t->hash = calloc(cap, sizeof(*t->hash));
	t->block = calloc(cap, sizeof(*t->block));
	t->mask = cap - 1;
	return t->hash && t->block ? FC_OK : FC_ENOMEM;
}

static void dup_finish(struct dup_table *t)
{
	free(t->hash);
	free(t->block);
}

/* The earlier block with the same normalised text, or -1; block i is
** entered when there is none. */
static long dup_find(struct dup_table *t, const char *m,
		     const struct tblock *v, size_t i, uint64_t h)
{
	size_t s = (size_t)h & t->mask;
	for (; t->block[s]; s = (s + 1) & t->mask) {
		const struct tblock *o = &v[t->block[s] - 1];
		if (t->hash[s] == h &&
		    norm_equal(m + o->start, o->end - o->start,
			       m + v[i].start, v[i].end - v[i].start))
			return (long)t->block[s] - 1;
	}
	t->hash[s] = h;
	t->block[s] = (uint32_t)i + 1;
	return -1;
}

/* Replace the table's entry for block old by block now. */
static void dup_replace(struct dup_table *t, uint64_t h, size_t old,
			size_t now)
{
	size_t s = (size_t)h & t->mask;
	for (; t->block[s]; s = (s + 1) & t->mask)
		if (t->block[s] == old + 1) {
			t->block[s] = (uint32_t)now + 1;
			return;
		}
}

/* ---- Patterns ---------------------------------------------------------- */

/* 1 match, 0 no match, -1 gave up (match or depth limit). */
static int rule_matches(const struct fc_boiler *b, const struct brule *br,
			const char *s, size_t n, size_t nchars,
			pcre2_match_data *md)
{
	if (br->max_length && nchars > br->max_length)
		return 0;
	int gave_up = 0;
	for (size_t i = 0; i < br->ncodes; i++) {
		int rc = fc_lazy_re_match(&text_boiler_jit, &br->codes[i],
					  s, n, 0, md, b->mctx);
		if (rc >= 0)
			return 1;
		if (rc != PCRE2_ERROR_NOMATCH)
			gave_up = 1;
	}
	return gave_up ? -1 : 0;
}

/*
** The first enabled pattern rule that matches the block: among the keep
** rules (is_keep) or among the drop rules. The first regex that gives
** up on a block is noted in v.
*/
static const struct brule *first_match(const struct fc_boiler *b,
				       bool is_keep, const char *s, size_t n,
				       size_t nchars, pcre2_match_data *md,
				       struct tverdict *v, size_t block)
{
	for (size_t r = 0; b && r < b->nrules; r++) {
		const struct brule *br = &b->rules[r];
		if (!br->is_enabled || br->kind != BR_PATTERN ||
		    (br->action == BA_KEEP) != is_keep)
			continue;
		int hit = rule_matches(b, br, s, n, nchars, md);
		if (hit < 0 && v->limit_block < 0) {
			v->limit_block = (long)block;
			v->limit_rule = br->id;
		}
		if (hit > 0)
			return br;
	}
	return NULL;
}

fc_status text_boiler_apply(const struct fc_boiler *b, const char *m,
			    const struct tblocks *bl, struct tverdict *v)
{
	size_t n = bl->n;
	v->title = -1;
	v->limit_block = -1;
	v->limit_rule = NULL;
	bool *is_heading = calloc(n ? n : 1, sizeof(*is_heading));
	bool *is_final = calloc(n ? n : 1, sizeof(*is_final));
	bool *is_explicit = calloc(n ? n : 1, sizeof(*is_explicit));
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	struct dup_table dt = {0};
	fc_status st = FC_ENOMEM;
	if (!is_heading || !is_final || !is_explicit || !md ||
	    dup_init(&dt, n))
		goto out;
	const struct brule *heading = b ? b->heading : NULL;
	const char *heading_id = heading ? heading->id : HEADING_RULE;
	size_t pending = 0;        /* blocks left for a drop-next rule */
	const char *pending_rule = NULL;
	const char *rest_rule = NULL; /* a drop-rest rule fired */
	for (size_t i = 0; i < n; i++) {
		const struct tblock *k = &bl->v[i];
		const char *s = m + k->start;
		size_t len = k->end - k->start, nchars = count_chars(s, len);
		v->rule[i] = k->drop;
		is_final[i] = text_ends_sentence(heading, s, len);
		is_heading[i] = (k->flags & TB_HEADING) ||
				(!is_final[i] && heading &&
				 (!heading->max_length ||
				  nchars <= heading->max_length));
		if (k->drop)
			continue;
		if (rest_rule || pending) {
			v->rule[i] = rest_rule ? rest_rule : pending_rule;
			is_explicit[i] = true;
			pending -= !rest_rule;
			continue;
		}
		if (k->flags & TB_HEADING) {
			/* Marked up as a heading: decided by the markup. */
			v->rule[i] = heading_id;
			continue;
		}
		const struct brule *br = first_match(b, true, s, len, nchars,
						     md, v, i);
		bool is_kept = br != NULL;
		if (!is_kept &&
		    (br = first_match(b, false, s, len, nchars, md, v, i))) {
			v->rule[i] = br->id;
			is_explicit[i] = true;
			if (br->action == BA_DROP_NEXT) {
				pending = br->next;
				pending_rule = br->id;
			} else if (br->action == BA_DROP_REST) {
				rest_rule = br->id;
			}
		}
		if (v->rule[i] || is_kept)
			continue;
		if (is_heading[i] && heading) {
			v->rule[i] = heading_id;
			continue;
		}
		if (!b || !b->duplicate)
			continue;
		size_t nlen;
		uint64_t h = norm_hash(s, len, &nlen);
		if (nlen == 0)
			continue;
		long j = dup_find(&dt, m, bl->v, i, h);
		if (j < 0)
			continue;
		if (!v->rule[j] && !is_final[j] && is_final[i]) {
			v->rule[j] = b->duplicate->id;
			dup_replace(&dt, h, (size_t)j, i);
		} else {
			v->rule[i] = b->duplicate->id;
		}
	}
	/* The title: the document's own, else the first headline. */
	for (size_t i = 0; i < n && v->title < 0; i++)
		if (bl->v[i].flags & TB_TITLE)
			v->title = (long)i;
	uint32_t min_words = heading ? heading->title_min_words : 1;
	for (size_t i = 0; i < n && v->title < 0; i++) {
		const struct tblock *k = &bl->v[i];
		if (!v->rule[i])
			break;
		if (is_heading[i] && !is_explicit[i] && !k->drop &&
		    !(k->flags & TB_LIST) &&
		    count_words(m + k->start, k->end - k->start) >= min_words)
			v->title = (long)i;
	}
	st = FC_OK;
out:
	pcre2_match_data_free(md);
	dup_finish(&dt);
	free(is_heading);
	free(is_final);
	free(is_explicit);
	return st;
}
