/*
** emit.c: building a text layer from the one below it, and the offset
** maps between layers (runs of verbatim bytes).
*/
#include <stdlib.h>
#include <string.h>

#include "text/text_p.h"

#define TEXT_MAX ((size_t)UINT32_MAX - 16) /* offsets are uint32_t */

static void map_push(struct tmap *m, uint32_t dst, uint32_t src, uint32_t len)
{
	if (m->err || len == 0)
		return;
	if (m->n) {
		struct fc_segment *l = &m->v[m->n - 1];
		if (l->clean_start + l->len == dst &&
		    l->raw_start + l->len == src) {
			l->len += len;
			return;
		}
	}
	if (m->n == m->cap) {
		size_t ncap = m->cap ? m->cap * 2 : 64;
		struct fc_segment *v = realloc(m->v, ncap * sizeof(*v));
		if (!v) {
			m->err = FC_ENOMEM;
			return;
		}
		m->v = v;
		m->cap = ncap;
	}
	m->v[m->n++] = (struct fc_segment){dst, src, len};
}

void tmap_finish(struct tmap *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

void temit_init(struct temit *e)
{
	fc_buf_init(&e->b, TEXT_MAX);
	memset(&e->m, 0, sizeof(e->m));
}

void temit_finish(struct temit *e)
{
	fc_buf_finish(&e->b);
	tmap_finish(&e->m);
}

void temit_copy(struct temit *e, const char *src, size_t off, size_t len)
{
	size_t at = e->b.len;
	fc_buf_add(&e->b, src + off, len);
	if (!e->b.err)
		map_push(&e->m, (uint32_t)at, (uint32_t)off, (uint32_t)len);
}

void temit_synth(struct temit *e, const char *s, size_t n)
{
	fc_buf_add(&e->b, s, n);
}

fc_status temit_status(const struct temit *e)
{
	return e->b.err ? e->b.err : e->m.err;
}

fc_status tmap_compose(const struct tmap *a, const struct tmap *b,
		       struct tmap *out)
{
	memset(out, 0, sizeof(*out));
	size_t j = 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct fc_segment *s = &a->v[i];
		uint32_t y0 = s->raw_start, y1 = s->raw_start + s->len;
		/* b's runs ending at or before y0 are behind us for good. */
		while (j < b->n && b->v[j].clean_start + b->v[j].len <= y0)
			j++;
		for (size_t k = j; k < b->n && b->v[k].clean_start < y1; k++) {
			const struct fc_segment *t = &b->v[k];
			uint32_t lo = t->clean_start > y0 ? t->clean_start : y0;
			uint32_t hi = t->clean_start + t->len < y1
					      ? t->clean_start + t->len
					      : y1;
			if (lo < hi)
				map_push(out, s->clean_start + (lo - y0),
					 t->raw_start + (lo - t->clean_start),
					 hi - lo);
		}
	}
	return out->err;
}

/* Index of the last run starting at or before off, or n when none. */
static size_t find_run(const struct fc_segment *v, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].clean_start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? n : lo - 1;
}

uint32_t tmap_start(const struct fc_segment *v, size_t n, uint32_t off)
{
	size_t i = find_run(v, n, off);
	if (i == n)
		return n ? v[0].raw_start : 0;
	uint32_t d = off - v[i].clean_start;
	return v[i].raw_start + (d < v[i].len ? d : v[i].len);
}

uint32_t tmap_end(const struct fc_segment *v, size_t n, uint32_t off)
{
	if (off == 0)
		return n ? v[0].raw_start : 0;
	size_t i = find_run(v, n, off - 1);
	if (i == n)
		return n ? v[0].raw_start : 0;
	uint32_t d = off - v[i].clean_start;
	return v[i].raw_start + (d < v[i].len ? d : v[i].len);
}

/* ---- Paragraph writer -------------------------------------------------- */

void tpara_begin(struct tpara *p, struct tdoc *t, uint32_t flags,
		 const char *drop)
{
	memset(p, 0, sizeof(*p));
	p->t = t;
	p->flags = flags;
	p->drop = drop;
	p->start = (uint32_t)t->out.b.len;
	p->is_open = true;
}

/* Write the pending whitespace run as one space, verbatim when it was
** one space already (so the map keeps one run). */
static void flush_space(struct tpara *p)
{
	if (p->ws_len && p->has_text) {
		if (p->ws_len == 1 && p->t->u[p->ws_off] == ' ')
			temit_copy(&p->t->out, p->t->u, p->ws_off, 1);
		else
			temit_synth(&p->t->out, " ", 1);
	}
	p->ws_len = 0;
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

void tpara_text(struct tpara *p, size_t off, size_t len)
{
	const char *u = p->t->u;
	size_t i = off, end = off + len;
	while (i < end) {
		if (is_ws(u[i])) {
			if (!p->ws_len)
				p->ws_off = i;
			p->ws_len++;
			/* A run other than one ' ' is made up anyway. */
			if (p->ws_len == 1 && u[i] != ' ')
				p->ws_len = 2;
			i++;
			continue;
		}
		size_t j = i;
		while (j < end && !is_ws(u[j]))
			j++;
		flush_space(p);
		temit_copy(&p->t->out, u, i, j - i);
		p->has_text = true;
		i = j;
	}
}

void tpara_space(struct tpara *p)
{
	if (!p->ws_len)
		p->ws_off = 0;
	p->ws_len = 2; /* made up: never copied */
}

void tpara_synth(struct tpara *p, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (is_ws(s[i])) {
			tpara_space(p);
			continue;
		}
		flush_space(p);
		temit_synth(&p->t->out, s + i, 1);
		p->has_text = true;
	}
}

void tpara_end(struct tpara *p)
{
	if (!p->is_open)
		return;
	p->is_open = false;
	struct tdoc *t = p->t;
	if (!p->has_text)
		return;
	struct tblocks *bl = &t->bl;
	if (!bl->err && bl->n == bl->cap) {
		size_t ncap = bl->cap ? bl->cap * 2 : 64;
		struct tblock *v = realloc(bl->v, ncap * sizeof(*v));
		if (v) {
			bl->v = v;
			bl->cap = ncap;
		} else {
			bl->err = FC_ENOMEM;
		}
	}
	if (!bl->err)
		bl->v[bl->n++] = (struct tblock){p->start,
						 (uint32_t)t->out.b.len,
						 p->flags, p->drop};
	temit_synth(&t->out, "\n", 1);
}
