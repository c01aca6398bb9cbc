/*
** people.c: one person, one id across the documents of a corpus.
**
** Each document resolves its own later mentions ("Obama" after "Barack
** Obama", coref_track.c), but a document that names a person only by
** surname, or with a middle initial the others leave out, keys that
** person apart: "Winston K. Blackmore" in one source and "Winston
** Blackmore" in another were two people, and their facts could not
** agree. Once every document has its mentions, an unlisted person or
** name takes the id of the one person of the corpus it can only be:
**
**   - name:X and person:X are one (a title typed one of them a person);
**   - "Winston Blackmore" is "Winston K. Blackmore" when that is the
**     only fuller name with the same first and last words (its words in
**     order among the fuller one's);
**   - "Obama" is "Barack Obama" when that is the only person of two or
**     more words with that last word.
**
** Two candidates leave the name as it is ("Bush" beside George W. and
** George H. W. Bush; "George Bush" too). The target is always a person
** of two or more words. A person the lexicon read (rule lexicon.*: a
** listed person, or a name after a title, "Interior Secretary Dirk
** Kempthorne") keeps its id: it is the corpus's surest naming of that
** person, a target, never a source. Cost: sorting the corpus's names,
** O(n log n), and one pass over the mentions.
*/
#include <stdlib.h>
#include <string.h>

#include "stages.h"

struct who {
	const char *id;    /* "person:winston-k-blackmore" */
	const char *slug;  /* after the prefix */
	const char *label; /* its mentions' longest (then first in order) */
	const char *last;  /* its last word, in slug */
	size_t nwords;
	bool is_person;
	bool is_listed; /* a mention of it is the lexicon's (lexicon.*) */
	long to; /* index of the target, or -1 */
};

static int cmp_id(const void *x, const void *y)
{
	return strcmp(((const struct who *)x)->id, ((const struct who *)y)->id);
}

/* Is the id a person or an unknown name, and where is its slug? */
static const char *slug_of(const char *id, bool *is_person)
{
	if (!strncmp(id, "person:", 7)) {
		*is_person = true;
		return id + 7;
	}
	*is_person = false;
	return !strncmp(id, "name:", 5) ? id + 5 : NULL;
}

static bool is_named(const struct fc_mention *m)
{
	bool p;
	return m->kind == FC_MENTION_ENTITY && m->entity.id &&
	       slug_of(m->entity.id, &p);
}

/* Add the names of corpus c to w[*m] (count only when w is NULL). */
static void gather_from(const struct fc_corpus *c, struct who *w, size_t *m)
{
	for (size_t i = 0; c && i < c->ndocs; i++)
		for (size_t k = 0; k < c->docs[i].nmentions; k++) {
			const struct fc_mention *x = &c->docs[i].mentions[k];
			if (!is_named(x))
				continue;
			if (w) {
				w[*m] = (struct who){
					.id = x->entity.id,
					.label = x->entity.label,
					.is_listed = x->rule &&
						     !strncmp(x->rule, "lexicon.",
							      8),
					.to = -1};
				w[*m].slug =
					slug_of(x->entity.id, &w[*m].is_person);
			}
			(*m)++;
		}
}

/* Is label a the better of one id's two: the longer, then the first in
** byte order (qsort keeps no order among equal ids)? */
static bool is_better_label(const char *a, const char *b)
{
	if (!a || !b)
		return !b && a;
	size_t la = strlen(a), lb = strlen(b);
	return la != lb ? la > lb : strcmp(a, b) < 0;
}

/* The names of corpora a and b, sorted by id, each once (*n of them). */
static struct who *gather(const struct fc_corpus *a,
			  const struct fc_corpus *b, size_t *n)
{
	size_t cap = 0, m = 0;
	gather_from(a, NULL, &cap);
	gather_from(b, NULL, &cap);
	struct who *w = calloc(cap ? cap : 1, sizeof(*w));
	if (!w)
		return NULL;
	gather_from(a, w, &m);
	gather_from(b, w, &m);
	qsort(w, m, sizeof(*w), cmp_id);
	size_t u = 0;
	for (size_t i = 0; i < m; i++) {
		if (u && !strcmp(w[u - 1].id, w[i].id)) {
			w[u - 1].is_listed |= w[i].is_listed;
			if (is_better_label(w[i].label, w[u - 1].label))
				w[u - 1].label = w[i].label;
			continue;
		}
		w[u++] = w[i];
	}
	for (size_t i = 0; i < u; i++) {
		const char *s = w[i].slug, *dash = strrchr(s, '-');
		w[i].last = dash ? dash + 1 : s;
		w[i].nwords = 1;
		for (; *s; s++)
			w[i].nwords += *s == '-';
	}
	*n = u;
	return w;
}

/* The word of slug s at *p (advanced past it and its dash): its length. */
static size_t next_word(const char **p)
{
	const char *s = *p, *e = strchr(s, '-');
	size_t len = e ? (size_t)(e - s) : strlen(s);
	*p = e ? e + 1 : s + len;
	return len;
}

/* Are the words of short slug a in order among those of long slug b,
** with the same first and last word? */
static bool is_within(const struct who *a, const struct who *b)
{
	if (strcmp(a->last, b->last))
		return false;
	const char *p = a->slug, *q = b->slug;
	size_t la = next_word(&p), lb = next_word(&q);
	if (la != lb || memcmp(a->slug, b->slug, la))
		return false;
	while (*p) {
		const char *wa = p;
		la = next_word(&p);
		for (;;) {
			if (!*q)
				return false;
			const char *wb = q;
			lb = next_word(&q);
			if (la == lb && !memcmp(wa, wb, la))
				break;
		}
	}
	return true;
}

/* Can name a be person b (b of two or more words)? */
static bool fits(const struct who *a, const struct who *b)
{
	if (!b->is_person || b->nwords < 2 || a == b)
		return false;
	if (a->nwords == 1)
		return !strcmp(a->slug, b->last);
	if (a->nwords == b->nwords)
		return !strcmp(a->slug, b->slug); /* name:X, person:X */
	return a->nwords < b->nwords && is_within(a, b);
}

static long final(const struct who *w, long k)
{
	while (w[k].to >= 0)
		k = w[k].to;
	return k;
}

/* Sort order inside a group of one last word: longer names first, and a
** person before a name of as many words, so every candidate of a name
** has its own target before the name is weighed. */
static int cmp_group(const void *x, const void *y)
{
	const struct who *a = *(const struct who *const *)x,
			 *b = *(const struct who *const *)y;
	int c = strcmp(a->last, b->last);
	if (c)
		return c;
	if (a->nwords != b->nwords)
		return a->nwords > b->nwords ? -1 : 1;
	if (a->is_person != b->is_person)
		return a->is_person ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* A group larger than this (names with one last word) links nothing: no
** person's surname is that common in one corpus, and the pairs cost the
** square of the group. */
#define GROUP_MAX 64

/* The targets of group g[0, n): each name weighed against those before
** it, whose candidates that lead to one person are that person. */
static void link_group(struct who *w, struct who **g, size_t n)
{
	if (n > GROUP_MAX)
		return;
	for (size_t i = 0; i < n; i++) {
		if (g[i]->is_listed)
			continue;
		long t = -1;
		bool is_one = true;
		for (size_t k = 0; k < i && is_one; k++) {
			if (!fits(g[i], g[k]))
				continue;
			long f = final(w, g[k] - w);
			is_one = t < 0 || t == f;
			t = f;
		}
		if (is_one)
			g[i]->to = t;
	}
}

/* The targets of every name: groups of one last word, linked apart. */
static bool link_all(struct who *w, size_t n)
{
	struct who **g = malloc((n ? n : 1) * sizeof(*g));
	if (!g)
		return false;
	for (size_t i = 0; i < n; i++)
		g[i] = &w[i];
	qsort(g, n, sizeof(*g), cmp_group);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(g[j]->last, g[i]->last); j++)
			;
		link_group(w, g + i, j - i);
	}
	free(g);
	return true;
}

/* The entity e as name i's target, or e itself when i has none. */
static const struct who *target_of(const struct who *w, size_t n,
				   const char *id)
{
	struct who key = {.id = id};
	const struct who *x = bsearch(&key, w, n, sizeof(*w), cmp_id);
	return x && x->to >= 0 ? &w[final(w, x->to)] : NULL;
}

static void retarget(struct fc_entity *e, const struct who *t)
{
	e->id = t->id;
	e->label = t->label;
	e->type = FC_ENT_PERSON;
}

fc_status fc_people_link(struct fc_corpus *c, const struct fc_corpus *with)
{
	size_t n;
	struct who *w = gather(c, with, &n);
	if (!w || !link_all(w, n)) {
		free(w);
		return FC_ENOMEM;
	}
	fc_status st = FC_OK;
	for (size_t i = 0; i < c->ndocs && !st; i++) {
		struct fc_document *doc = &c->docs[i];
		for (size_t k = 0; k < doc->nmentions; k++) {
			struct fc_mention *m = &doc->mentions[k];
			const struct who *t;
			if (m->kind == FC_MENTION_ENTITY && m->entity.id &&
			    (t = target_of(w, n, m->entity.id)))
				retarget(&m->entity, t);
			if (!m->speaker || !m->speaker->id ||
			    !(t = target_of(w, n, m->speaker->id)))
				continue;
			/* a speaker is shared with the scan's other mentions */
			struct fc_entity *e =
				fc_arena_alloc(&c->arena, sizeof(*e));
			if (!e) {
				st = FC_ENOMEM;
				break;
			}
			*e = *m->speaker;
			retarget(e, t);
			m->speaker = e;
		}
	}
	free(w);
	return st;
}
