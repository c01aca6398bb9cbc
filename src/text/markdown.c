/*
** markdown.c: Markdown (.md) -> blocks, markup removed.
**
** Blocks: ATX and setext headings (flagged, so they are headings and not
** prose), list items (marker removed), block quotes (marker removed),
** paragraphs (lines joined), fenced code (dropped as "code"), YAML
** front matter (dropped as "front-matter"; its date: is the published
** date), thematic breaks, link reference definitions and table rules
** (removed). Inline: emphasis and strikethrough markers, code span
** ticks, backslash escapes and HTML tags are removed; links keep their
** text, images go; character references are decoded.
**
** Every scan for a closing bracket is cached per line, so a line of
** ten thousand '[' costs linear time.
*/
#include <stdlib.h>
#include <string.h>

#include "text/text_p.h"

#define FRONT_MATTER_MAX_LINES 200
#define TICK_MAX 16

/* The next ch at or after pos before le; a cached answer while valid. */
struct nextc {
	size_t from, at; /* at: position found from `from`, SIZE_MAX none */
};

static size_t next_char(const char *u, size_t pos, size_t le, char ch,
			struct nextc *c)
{
	if (c->from <= pos && (c->at == SIZE_MAX || c->at >= pos))
		return c->at;
	const char *q = pos < le ? memchr(u + pos, ch, le - pos) : NULL;
	c->from = pos;
	c->at = q ? (size_t)(q - u) : SIZE_MAX;
	return c->at;
}

struct md {
	struct tdoc *t;
	struct tpara p;
	struct nextc bracket, paren, gt;
	bool tick_none[TICK_MAX + 1]; /* no closing run of k ticks left */
};

static void line_reset(struct md *s)
{
	s->bracket = s->paren = s->gt = (struct nextc){SIZE_MAX, SIZE_MAX};
	memset(s->tick_none, 0, sizeof(s->tick_none));
}

static bool is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_punct(unsigned char c)
{
	return c > ' ' && c < 0x7F && !is_alnum(c);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Write a decoded code point into the paragraph. */
static void put_cp(struct tpara *p, uint32_t cp)
{
	int cls = text_cp_class(cp);
	if (cls < 0)
		return;
	if (cls) {
		tpara_space(p);
		return;
	}
	char buf[4];
	tpara_synth(p, buf, text_encode(cp, buf));
}

/*
** A link or image at u[i] == '[': [text](url) or [text][ref].
** Sets the text range and the position after the link.
*/
static bool link_at(struct md *s, size_t i, size_t le, size_t *ts,
		    size_t *te, size_t *after)
{
	const char *u = s->t->u;
	size_t j = next_char(u, i + 1, le, ']', &s->bracket);
	if (j == SIZE_MAX || j + 1 >= le)
		return false;
	size_t k;
	if (u[j + 1] == '(')
		k = next_char(u, j + 2, le, ')', &s->paren);
	else if (u[j + 1] == '[')
		k = next_char(u, j + 2, le, ']', &s->bracket);
	else
		return false;
	if (k == SIZE_MAX)
		return false;
	*ts = i + 1;
	*te = j;
	*after = k + 1;
	return true;
}

/* Length of the run of ch at u[i]. */
static size_t run_len(const char *u, size_t i, size_t le, char ch)
{
	size_t j = i;
	while (j < le && u[j] == ch)
		j++;
	return j - i;
}

/* A code span opening with k ticks at i: the closing run, or SIZE_MAX. */
static size_t code_close(struct md *s, size_t i, size_t k, size_t le)
{
	const char *u = s->t->u;
	if (k > TICK_MAX || s->tick_none[k])
		return SIZE_MAX;
	size_t j = i + k;
	while (j < le) {
		const char *q = memchr(u + j, '`', le - j);
		if (!q)
			break;
		j = (size_t)(q - u);
		size_t r = run_len(u, j, le, '`');
		if (r == k)
			return j;
		j += r;
	}
	s->tick_none[k] = true;
	return SIZE_MAX;
}

static void md_inline(struct md *s, size_t lo, size_t le, bool in_link)
{
	const char *u = s->t->u;
	struct tpara *p = &s->p;
	size_t i = lo, run = lo;
	while (i < le) {
		unsigned char c = (unsigned char)u[i];
		size_t ts, te, after, k;
		switch (c) {
		case '\\':
			if (i + 1 < le && is_punct((unsigned char)u[i + 1])) {
				tpara_text(p, run, i - run);
				run = i + 1;
				i += 2;
				continue;
			}
			break;
		case '`': {
			k = run_len(u, i, le, '`');
			size_t j = code_close(s, i, k, le);
			if (j == SIZE_MAX) {
				i += k;
				continue;
			}
			tpara_text(p, run, i - run);
			tpara_text(p, i + k, j - i - k);
			i = run = j + k;
			continue;
		}
		case '!':
			if (!in_link && i + 1 < le && u[i + 1] == '[' &&
			    link_at(s, i + 1, le, &ts, &te, &after)) {
				tpara_text(p, run, i - run);
				i = run = after;
				continue;
			}
			break;
		case '[':
			if (!in_link && link_at(s, i, le, &ts, &te, &after)) {
				tpara_text(p, run, i - run);
				md_inline(s, ts, te, true);
				i = run = after;
				continue;
			}
			break;
		case '<': {
			unsigned char n1 = i + 1 < le ? (unsigned char)u[i + 1]
						       : ' ';
			if (!is_alnum(n1) && n1 != '/' && n1 != '!')
				break;
			size_t j = next_char(u, i + 1, le, '>', &s->gt);
			if (j == SIZE_MAX)
				break;
			tpara_text(p, run, i - run);
			if (!strncmp(u + i + 1, "http://", 7) ||
			    !strncmp(u + i + 1, "https://", 8) ||
			    !strncmp(u + i + 1, "mailto:", 7))
				tpara_text(p, i + 1, j - i - 1);
			i = run = j + 1;
			continue;
		}
		case '&': {
			uint32_t cp;
			k = text_entity(u + i, le - i, &cp);
			if (!k)
				break;
			tpara_text(p, run, i - run);
			put_cp(p, cp);
			i = run = i + k;
			continue;
		}
		case '*':
		case '_':
		case '~': {
			k = run_len(u, i, le, (char)c);
			unsigned char prev = i > lo ? (unsigned char)u[i - 1]
						    : ' ';
			unsigned char next = i + k < le
						     ? (unsigned char)u[i + k]
						     : ' ';
			bool is_spaced = is_space((char)prev) &&
					 is_space((char)next);
			bool is_inword = is_alnum(prev) && is_alnum(next);
			bool is_marker = !is_spaced &&
					 !(c == '_' && is_inword) &&
					 (c != '~' || k == 2);
			if (is_marker) {
				tpara_text(p, run, i - run);
				run = i + k;
			}
			i += k;
			continue;
		}
		default:
			break;
		}
		i++;
	}
	tpara_text(p, run, le - run);
}

/* Is u[cs, ce) made only of ch (at least min of them) and spaces? */
static bool only_of(const char *u, size_t cs, size_t ce, char ch, size_t min)
{
	size_t n = 0;
	for (size_t i = cs; i < ce; i++) {
		if (u[i] == ch)
			n++;
		else if (!is_space(u[i]))
			return false;
	}
	return n >= min;
}

/* A table rule: only |, -, : and spaces, with a '-' and a '|'. */
static bool is_table_rule(const char *u, size_t cs, size_t ce)
{
	bool dash = false, bar = false;
	for (size_t i = cs; i < ce; i++) {
		if (u[i] == '-')
			dash = true;
		else if (u[i] == '|')
			bar = true;
		else if (u[i] != ':' && !is_space(u[i]))
			return false;
	}
	return dash && bar;
}

/* "[label]: destination" */
static bool is_ref_def(const char *u, size_t cs, size_t ce)
{
	if (u[cs] != '[')
		return false;
	const char *q = memchr(u + cs, ']', ce - cs);
	return q && q + 1 < u + ce && q[1] == ':' && q > u + cs + 1;
}

/* Front matter key: "date: 2026-01-16" (quoted or with a time). */
static void front_matter_date(struct tdoc *t, size_t cs, size_t ce)
{
	static const char *const keys[] = {"date:", "published:", NULL};
	const char *u = t->u;
	for (size_t k = 0; keys[k]; k++) {
		size_t n = strlen(keys[k]);
		if (ce - cs <= n || strncmp(u + cs, keys[k], n))
			continue;
		size_t i = cs + n;
		while (i < ce &&
		       (is_space(u[i]) || u[i] == '"' || u[i] == '\''))
			i++;
		char date[11];
		int y, m, d;
		if (ce - i < 10)
			return;
		memcpy(date, u + i, 10);
		date[10] = '\0';
		if (!t->date[0] && fc_date_parse(date, &y, &m, &d))
			memcpy(t->date, date, 11);
		return;
	}
}

/* Lines 1.. up to a closing "---" or "...": the front matter. */
static size_t front_matter(struct md *s, const struct tline *l, size_t n)
{
	const char *u = s->t->u;
	if (!n || l[0].start != s->t->start || l[0].cs != l[0].start ||
	    l[0].ce - l[0].cs != 3 || strncmp(u + l[0].cs, "---", 3))
		return 0;
	size_t k;
	for (k = 1; k < n && k < FRONT_MATTER_MAX_LINES; k++)
		if (l[k].ce - l[k].cs == 3 &&
		    (!strncmp(u + l[k].cs, "---", 3) ||
		     !strncmp(u + l[k].cs, "...", 3)))
			break;
	if (k >= n || k >= FRONT_MATTER_MAX_LINES)
		return 0;
	tpara_begin(&s->p, s->t, 0, "front-matter");
	for (size_t i = 1; i < k; i++) {
		front_matter_date(s->t, l[i].cs, l[i].ce);
		tpara_space(&s->p);
		tpara_text(&s->p, l[i].cs, l[i].ce - l[i].cs);
	}
	tpara_end(&s->p);
	return k + 1;
}

/* An ATX heading: the content range, closing #s removed. */
static bool atx(const char *u, size_t cs, size_t ce, size_t *hs, size_t *he)
{
	size_t k = run_len(u, cs, ce, '#');
	if (k < 1 || k > 6 || (cs + k < ce && !is_space(u[cs + k])))
		return false;
	size_t s = cs + k, e = ce;
	while (s < e && is_space(u[s]))
		s++;
	size_t j = e;
	while (j > s && u[j - 1] == '#')
		j--;
	if (j == s || is_space(u[j - 1]))
		e = j;
	while (e > s && is_space(u[e - 1]))
		e--;
	*hs = s;
	*he = e;
	return true;
}

fc_status text_markdown(struct tdoc *t)
{
	struct tline *l;
	size_t n;
	fc_status st = text_lines(t->u, t->start, t->len, &l, &n);
	if (st)
		return st;
	const char *u = t->u;
	struct md s = {.t = t};
	size_t i = front_matter(&s, l, n);
	bool in_fence = false;
	char fence = 0;
	size_t fence_len = 0;
	for (; i < n; i++) {
		size_t cs = l[i].cs, ce = l[i].ce, hs, he;
		bool is_code_indent = l[i].indent >= 4;
		line_reset(&s);
		if (in_fence) {
			if (!is_code_indent &&
			    only_of(u, cs, ce, fence, fence_len)) {
				tpara_end(&s.p);
				in_fence = false;
			} else {
				tpara_space(&s.p);
				tpara_text(&s.p, cs, ce - cs);
			}
			continue;
		}
		if (cs == ce) {
			tpara_end(&s.p);
			continue;
		}
		if (!is_code_indent) {
			size_t k;
			if ((u[cs] == '`' || u[cs] == '~') &&
			    (k = run_len(u, cs, ce, u[cs])) >= 3) {
				tpara_end(&s.p);
				tpara_begin(&s.p, t, 0, "code");
				in_fence = true;
				fence = u[cs];
				fence_len = k;
				continue;
			}
			if (atx(u, cs, ce, &hs, &he)) {
				tpara_end(&s.p);
				tpara_begin(&s.p, t, TB_HEADING, NULL);
				md_inline(&s, hs, he, false);
				tpara_end(&s.p);
				continue;
			}
			if (s.p.is_open && !(s.p.flags & TB_LIST) &&
			    (only_of(u, cs, ce, '=', 1) ||
			     only_of(u, cs, ce, '-', 1))) {
				s.p.flags |= TB_HEADING; /* setext */
				tpara_end(&s.p);
				continue;
			}
			if (only_of(u, cs, ce, '-', 3) ||
			    only_of(u, cs, ce, '*', 3) ||
			    only_of(u, cs, ce, '_', 3) ||
			    is_table_rule(u, cs, ce) || is_ref_def(u, cs, ce)) {
				tpara_end(&s.p);
				continue;
			}
		}
		bool is_quote = false;
		while (cs < ce && u[cs] == '>') {
			is_quote = true;
			cs++;
			while (cs < ce && is_space(u[cs]))
				cs++;
		}
		if (cs == ce) {
			tpara_end(&s.p);
			continue;
		}
		size_t b = is_quote || !is_code_indent
				   ? text_bullet(u, cs, ce, true)
				   : 0;
		if (b) {
			tpara_end(&s.p);
			tpara_begin(&s.p, t, TB_LIST, NULL);
			cs += b;
			if (ce - cs >= 4 && u[cs] == '[' && u[cs + 2] == ']' &&
			    (u[cs + 1] == ' ' || u[cs + 1] == 'x' ||
			     u[cs + 1] == 'X') && is_space(u[cs + 3]))
				cs += 4;
		} else if (!s.p.is_open) {
			tpara_begin(&s.p, t, 0, NULL);
		} else {
			tpara_space(&s.p);
		}
		if (ce > cs && u[ce - 1] == '\\') /* hard line break */
			ce--;
		md_inline(&s, cs, ce, false);
	}
	tpara_end(&s.p);
	free(l);
	if (t->bl.err)
		return t->bl.err;
	return temit_status(&t->out);
}
