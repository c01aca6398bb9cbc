/*
** norm_first_memo.c: the memo of the start-string analysis (norm_first.c)
** across the patterns of a rule set.
**
** Patterns share their macros and tables ({num}, {month}, {hedgep}), so
** the same group text comes back again and again: its strings are kept
** with the classes they use and taken over by the later patterns. The
** memo also keeps the analysis's scratch (the set hash, the heads and
** the buffers of freed sets) from one pattern to the next.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/norm_first_p.h"

struct memo_ent {
	uint64_t hash;
	char *text;
	size_t len;
	bool is_ci;
	struct norm_pstr *strs; /* classes numbered into sets */
	size_t nstrs;
	bset *sets;
	size_t nsets;
	bool has_cond; /* holds assertions or backreferences */
};

struct norm_first_memo {
	struct memo_ent *v;
	size_t n, cap;
	uint32_t *slots; /* hash of v: index + 1, 0 free */
	size_t nslots;   /* a power of two, at least 2 * cap */
	/* the scratch of the analysis, kept for the next pattern: the
	** set hash and the buffers of freed sets (struct fa) */
	uint64_t *hash;
	size_t caphash;
	uint32_t stamp;
	struct heads *heads;
	struct norm_pstr *spare[NSPARE];
	size_t capspare[NSPARE], nspare;
};

void norm_first_memo_free(struct norm_first_memo *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].text);
		free(m->v[i].strs);
		free(m->v[i].sets);
	}
	free(m->v);
	free(m->slots);
	free(m->hash);
	free(m->heads);
	while (m->nspare)
		free(m->spare[--m->nspare]);
	free(m);
}

struct norm_first_memo *norm_first_memo_create(void)
{
	return calloc(1, sizeof(struct norm_first_memo));
}

void norm_first_memo_lend(struct norm_first_memo *m, struct fa *f)
{
	f->hash = m->hash;
	f->caphash = m->caphash;
	f->stamp = m->stamp;
	m->hash = NULL;
	f->heads = m->heads;
	m->heads = NULL;
	memcpy(f->spare, m->spare, sizeof(f->spare));
	memcpy(f->capspare, m->capspare, sizeof(f->capspare));
	f->nspare = m->nspare;
	m->nspare = 0;
}

void norm_first_memo_keep(struct norm_first_memo *m, struct fa *f)
{
	m->hash = f->hash;
	m->caphash = f->caphash;
	m->stamp = f->stamp;
	m->heads = f->heads;
	memcpy(m->spare, f->spare, sizeof(m->spare));
	memcpy(m->capspare, f->capspare, sizeof(m->capspare));
	m->nspare = f->nspare;
}

const struct memo_ent *norm_first_memo_find(const struct norm_first_memo *m,
					    uint64_t h, const unsigned char *s,
					    size_t n, bool is_ci)
{
	if (!m->nslots)
		return NULL;
	for (size_t k = h & (m->nslots - 1); m->slots[k];
	     k = (k + 1) & (m->nslots - 1)) {
		const struct memo_ent *e = &m->v[m->slots[k] - 1];
		if (e->hash == h && e->len == n && e->is_ci == is_ci &&
		    !memcmp(e->text, s, n))
			return e;
	}
	return NULL;
}

/* Index entry i of m in its hash (grown to twice the entries' room). */
static bool memo_index(struct norm_first_memo *m, size_t i)
{
	if (m->nslots < 2 * m->cap) {
		size_t ns = 64;
		while (ns < 2 * m->cap)
			ns *= 2;
		uint32_t *sl = calloc(ns, sizeof(*sl));
		if (!sl)
			return false;
		free(m->slots);
		m->slots = sl;
		m->nslots = ns;
		for (size_t j = 0; j < i; j++) {
			size_t k = m->v[j].hash & (ns - 1);
			while (sl[k])
				k = (k + 1) & (ns - 1);
			sl[k] = (uint32_t)(j + 1);
		}
	}
	size_t k = m->v[i].hash & (m->nslots - 1);
	while (m->slots[k])
		k = (k + 1) & (m->nslots - 1);
	m->slots[k] = (uint32_t)(i + 1);
	return true;
}

void norm_first_memo_put(struct fa *f, uint64_t h, const unsigned char *s,
			 size_t n, bool is_ci, bool has_cond,
			 const struct pset *p)
{
	struct norm_first_memo *m = f->memo;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct memo_ent *v = realloc(m->v, cap * sizeof(*v));
		if (!v)
			return;
		m->v = v;
		m->cap = cap;
	}
	struct memo_ent e = {h, malloc(n), n, is_ci,
			     malloc((p->n ? p->n : 1) * sizeof(*e.strs)), p->n,
			     NULL, 1, has_cond};
	uint8_t map[NSETS] = {0};
	e.sets = malloc(NSETS * sizeof(*e.sets));
	if (!e.text || !e.strs || !e.sets) {
		free(e.text);
		free(e.strs);
		free(e.sets);
		return;
	}
	memcpy(e.text, s, n);
	for (size_t i = 0; i < p->n; i++) {
		struct norm_pstr t = p->v[i];
		for (uint8_t k = 0; k <= t.len; k++) {
			uint8_t *id = k < t.len ? &t.sym[k] : &t.x;
			if (!*id)
				continue;
			if (!map[*id]) {
				memcpy(e.sets[e.nsets], f->sets[*id],
				       sizeof(bset));
				map[*id] = (uint8_t)e.nsets++;
			}
			*id = map[*id];
		}
		e.strs[i] = t;
	}
	m->v[m->n] = e;
	if (!memo_index(m, m->n)) {
		free(e.text);
		free(e.strs);
		free(e.sets);
		return;
	}
	m->n++;
}

/* The strings of e, their classes interned into this pattern. */
static struct pset memo_get(struct fa *f, const struct memo_ent *e)
{
	struct pset out = {0};
	uint8_t map[NSETS] = {0};
	for (size_t k = 1; k < e->nsets; k++)
		map[k] = norm_fa_intern(f, e->sets[k]);
	for (size_t i = 0; i < e->nstrs && !f->is_bad; i++) {
		struct norm_pstr t = e->strs[i];
		for (uint8_t k = 0; k < t.len; k++)
			t.sym[k] = map[t.sym[k]];
		t.x = map[t.x];
		norm_ps_push(f, &out, &t);
	}
	return out;
}

struct pset norm_first_memo_use(struct fa *f, const struct memo_ent *e)
{
	f->nconds += e->has_cond;
	if (f->skip)
		return (struct pset){0};
	return memo_get(f, e);
}
