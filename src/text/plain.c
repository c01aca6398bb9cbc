/*
** plain.c: plain text (.txt) -> blocks.
**
** Scraped news text usually holds one paragraph per line. Wire and mail
** text is often hard-wrapped instead (Reuters: lines of 65 columns,
** paragraphs opened by an indent). The document decides: when many of
** its lines are full-width lines that stop mid-sentence and hardly any
** line is long, it is wrapped (is_wrapped), and lines join
** into paragraphs up to a blank line, an indented line, a list item, or
** a short line that ends a sentence. Otherwise every line is a block.
** Bullets ("- Posts") are list markers, removed from the text.
*/
#include <stdlib.h>
#include <string.h>

#include "text/text_p.h"

#define WRAP_MAX_WIDTH 100 /* lines of wrapped text are at most this long */
#define WRAP_MIN_WIDTH 40  /* ... and at least this wide */

fc_status text_lines(const char *u, size_t start, size_t len,
		     struct tline **out, size_t *n)
{
	size_t cap = 64, k = 0;
	struct tline *v = malloc(cap * sizeof(*v));
	if (!v)
		return FC_ENOMEM;
	size_t i = start;
	for (;;) {
		const char *nl = i < len ? memchr(u + i, '\n', len - i) : NULL;
		size_t e = nl ? (size_t)(nl - u) : len;
		if (k == cap) {
			struct tline *g = realloc(v, 2 * cap * sizeof(*v));
			if (!g) {
				free(v);
				return FC_ENOMEM;
			}
			v = g;
			cap *= 2;
		}
		struct tline *l = &v[k++];
		uint32_t ind = 0;
		size_t cs = i;
		while (cs < e && (u[cs] == ' ' || u[cs] == '\t'))
			ind += u[cs++] == '\t' ? 4 : 1;
		size_t ce = e;
		while (ce > cs && (u[ce - 1] == ' ' || u[ce - 1] == '\t'))
			ce--;
		*l = (struct tline){(uint32_t)i, (uint32_t)e, (uint32_t)cs,
				    (uint32_t)ce, ind};
		if (!nl)
			break;
		i = e + 1;
	}
	*out = v;
	*n = k;
	return FC_OK;
}

size_t text_bullet(const char *u, size_t cs, size_t ce, bool is_numbered)
{
	size_t i = cs;
	const unsigned char *p = (const unsigned char *)u;
	if (i >= ce)
		return 0;
	if (p[i] == '-' || p[i] == '*' || p[i] == '+') {
		i++;
	} else if (is_numbered && p[i] >= '0' && p[i] <= '9') {
		while (i < ce && i - cs < 9 && p[i] >= '0' && p[i] <= '9')
			i++;
		if (i >= ce || (p[i] != '.' && p[i] != ')'))
			return 0;
		i++;
	} else {
		size_t k;
		uint32_t cp = text_decode(p + i, ce - i, &k);
		/* • ‣ ▪ ◦ · */
		if (cp != 0x2022 && cp != 0x2023 && cp != 0x25AA &&
		    cp != 0x25E6 && cp != 0x00B7)
			return 0;
		i += k;
	}
	if (i < ce && u[i] != ' ' && u[i] != '\t')
		return 0;
	while (i < ce && (u[i] == ' ' || u[i] == '\t'))
		i++;
	return i - cs;
}

/* Does the line start the way a sentence continues (lower case, digit)? */
static bool starts_low(const char *u, const struct tline *l)
{
	unsigned char c = (unsigned char)u[l->cs];
	return l->ce > l->cs &&
	       ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

/*
** Line l goes on from line q, the one before it, when q does not end a
** sentence and l opens in lower case without a deeper indent: a hard
** wrap, also in a text too short for is_wrapped to judge ("Oil fell 3%
** as traders weighed" / "the outlook."). Split, q alone is a line with
** no closing stop, a headline to the boilerplate rules, and its words
** are lost. A digit does not count here: a headline above a body line
** that opens with a number ("Storm Hits Ohio" / "40,000 homes ...")
** stays apart.
*/
static bool goes_on(const char *u, const struct tline *q,
		    const struct tline *l)
{
	unsigned char c = (unsigned char)u[l->cs];
	return q->ce > q->cs && l->ce > l->cs && c >= 'a' && c <= 'z' &&
	       l->indent <= q->indent &&
	       !text_ends_sentence(NULL, u + q->cs, q->ce - q->cs);
}

/*
** Hard-wrapped: at least 3 lines, hardly any longer than WRAP_MAX_WIDTH,
** and a fifth of them full-width lines that stop mid-sentence, the next
** line going on in lower case ("... is not under" / "pressure to ...").
** One-paragraph-per-line text and lists of headlines do not look so.
*/
static bool is_wrapped(const char *u, const struct tline *l, size_t n,
		       uint32_t *width)
{
	size_t nonblank = 0, nlong = 0, nopen = 0;
	uint32_t w = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t len = l[i].ce - l[i].cs;
		if (!len)
			continue;
		nonblank++;
		if (len > WRAP_MAX_WIDTH)
			nlong++;
		else if (len > w)
			w = len;
	}
	*width = w;
	if (nonblank < 3 || w < WRAP_MIN_WIDTH || nlong * 10 >= nonblank)
		return false;
	for (size_t i = 0; i + 1 < n; i++) {
		uint32_t len = l[i].ce - l[i].cs;
		if (len && len * 10 >= w * 6 && starts_low(u, &l[i + 1]) &&
		    !text_ends_sentence(NULL, u + l[i].cs, len))
			nopen++;
	}
	return nopen >= 2 && nopen * 10 >= nonblank * 2;
}

fc_status text_plain(struct tdoc *t)
{
	struct tline *l;
	size_t n;
	fc_status st = text_lines(t->u, t->start, t->len, &l, &n);
	if (st)
		return st;
	uint32_t w;
	bool is_wrap = is_wrapped(t->u, l, n, &w);
	struct tpara p = {0};
	for (size_t i = 0; i < n; i++) {
		size_t cs = l[i].cs, ce = l[i].ce;
		if (cs == ce) {
			tpara_end(&p);
			continue;
		}
		size_t b = text_bullet(t->u, cs, ce, false);
		bool is_new = !p.is_open || b;
		if (!is_new && !is_wrap) {
			is_new = !goes_on(t->u, &l[i - 1], &l[i]);
		} else if (!is_new) {
			const struct tline *q = &l[i - 1];
			uint32_t qlen = q->ce - q->cs;
			is_new = l[i].indent > q->indent ||
				 (qlen * 10 < w * 6 &&
				  text_ends_sentence(NULL, t->u + q->cs, qlen));
		}
		if (is_new) {
			tpara_end(&p);
			tpara_begin(&p, t, b ? TB_LIST : 0, NULL);
		} else {
			tpara_space(&p);
		}
		tpara_text(&p, cs + b, ce - cs - b);
	}
	tpara_end(&p);
	free(l);
	if (t->bl.err)
		return t->bl.err;
	return temit_status(&t->out);
}
