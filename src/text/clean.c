/*
** clean.c: fc_text_clean, the text layers put together.
**
**   raw --utf8.c--> U --plain/markdown/html.c--> M + blocks
**       --boiler.c--> kept blocks joined by "\n\n" = doc->text
**
** A first line "date YYYY-MM-DD" (after optional spaces; "Date", a colon
** after it are fine) gives the published date when the manifest gave
** none; the prefix is removed and the rest of the line stays text.
** doc->segments map the cleaned text to raw offsets, doc->dropped holds
** every dropped block with its rule, doc->sentences carry the raw line
** where they start.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text/text_p.h"

#define DATE_RULE "date-line"

enum format { FMT_PLAIN, FMT_MARKDOWN, FMT_HTML };

/* The name of the document in diagnostics. */
static const char *doc_name(const struct fc_source *s)
{
	if (!s)
		return "<text>";
	return s->path ? s->path : s->file ? s->file : s->id;
}

static enum format format_of(const struct fc_source *s)
{
	/* Inline text that stands for a file or a URL is the main text
	   already taken out of it (fc_html_extract in src/pipeline). */
	if (s && s->inline_text && (s->path || s->url))
		return FMT_PLAIN;
	const char *name = s ? doc_name(s) : NULL;
	const char *dot = name ? strrchr(name, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return FMT_PLAIN;
	if (!strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown"))
		return FMT_MARKDOWN;
	if (!strcasecmp(dot, ".html") || !strcasecmp(dot, ".htm"))
		return FMT_HTML;
	return FMT_PLAIN;
}

/* Start offsets of the raw lines (LF, CRLF and CR end a line). */
static fc_status raw_lines(const char *raw, size_t len, uint32_t **out,
			   size_t *n)
{
	size_t cap = 64, k = 0;
	uint32_t *v = malloc(cap * sizeof(*v));
	if (!v)
		return FC_ENOMEM;
	v[k++] = 0;
	for (size_t i = 0; i < len; i++) {
		char c = raw[i];
		if (c != '\n' && c != '\r')
			continue;
		if (c == '\r' && i + 1 < len && raw[i + 1] == '\n')
			i++;
		if (k == cap) {
			uint32_t *g = realloc(v, 2 * cap * sizeof(*v));
			if (!g) {
				free(v);
				return FC_ENOMEM;
			}
			v = g;
			cap *= 2;
		}
		v[k++] = (uint32_t)(i + 1);
	}
	*out = v;
	*n = k;
	return FC_OK;
}

/* 0-based index of the raw line holding offset off. */
static size_t line_of(const uint32_t *lines, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n;
	while (lo + 1 < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* line:col (col in characters, an invalid byte is one) of raw offset. */
static struct fc_srcloc raw_loc(const char *file, const char *raw,
				size_t len, const uint32_t *lines, size_t n,
				uint32_t off)
{
	size_t l = line_of(lines, n, off);
	uint32_t col = 1;
	for (size_t i = lines[l]; i < off;) {
		size_t k = fc_utf8_seq_len((const unsigned char *)raw + i,
					   len - i);
		i += k ? k : 1;
		col++;
	}
	return (struct fc_srcloc){file, (uint32_t)l + 1, col, 1};
}

/*
** "date YYYY-MM-DD" at the start of U: the end of the prefix (spaces
** after the date included), 0 when there is none; the date into date.
** *ds, *de: the range "date ... DD" for the dropped record.
*/
static size_t date_prefix(const char *u, size_t len, char date[11],
			  size_t *ds, size_t *de)
{
	size_t i = 0;
	while (i < len && (u[i] == ' ' || u[i] == '\t'))
		i++;
	*ds = i;
	if (len - i < 15 || strncasecmp(u + i, "date", 4))
		return 0;
	i += 4;
	if (u[i] == ':')
		i++;
	size_t sp = i;
	while (i < len && (u[i] == ' ' || u[i] == '\t'))
		i++;
	if (i == sp || len - i < 10)
		return 0;
	memcpy(date, u + i, 10);
	date[10] = '\0';
	int y, m, d;
	if (!fc_date_parse(date, &y, &m, &d))
		return 0;
	i += 10;
	if (i < len && u[i] != ' ' && u[i] != '\t' && u[i] != '\n')
		return 0;
	*de = i;
	while (i < len && (u[i] == ' ' || u[i] == '\t'))
		i++;
	return i;
}

static fc_status push_dropped(struct fc_arena *a, struct fc_document *doc,
			      size_t *cap, uint32_t rs, uint32_t re,
			      const char *rule)
{
	void *g = fc_arena_grow(a, doc->dropped, sizeof(*doc->dropped), cap,
				doc->ndropped + 1);
	if (!g)
		return FC_ENOMEM;
	doc->dropped = g;
	doc->dropped[doc->ndropped++] = (struct fc_dropped){rs, re, rule};
	return FC_OK;
}

struct clean {
	const struct fc_rules *r;
	struct fc_arena *a;
	struct fc_document *doc;
	struct fc_diags *d;
	uint32_t *lines; /* raw line starts */
	size_t nlines;
	struct temit u;  /* U, mapped to raw */
	struct tdoc t;   /* M, mapped to U, and its blocks */
	struct tmap mraw; /* M -> raw */
	struct temit c;  /* cleaned text, mapped to M */
	struct tmap craw; /* cleaned -> raw */
	const char **rule;
};

static fc_status stage_repair(struct clean *s)
{
	struct fc_document *doc = s->doc;
	size_t nbad, first;
	fc_status st =
		text_repair(doc->raw, doc->raw_len, &s->u, &nbad, &first);
	if (st || !nbad)
		return st;
	struct fc_srcloc l = raw_loc(doc_name(doc->src), doc->raw, doc->raw_len,
				     s->lines, s->nlines, (uint32_t)first);
	fc_diag_warn(s->d, &l,
		     "%zu invalid UTF-8 byte%s replaced by U+FFFD (the first "
		     "is here)",
		     nbad, nbad == 1 ? "" : "s");
	return FC_OK;
}

/* The date line, then the format's blocks. */
static fc_status stage_blocks(struct clean *s, size_t *dcap)
{
	struct fc_document *doc = s->doc;
	const char *u = s->u.b.p ? s->u.b.p : "";
	size_t ulen = s->u.b.len, ds = 0, de = 0;
	char date[11];
	s->t.u = u;
	s->t.len = ulen;
	s->t.start = date_prefix(u, ulen, date, &ds, &de);
	if (s->t.start) {
		const struct fc_segment *v = s->u.m.v;
		size_t n = s->u.m.n;
		fc_status st = push_dropped(s->a, doc, dcap,
					    tmap_start(v, n, (uint32_t)ds),
					    tmap_end(v, n, (uint32_t)de),
					    DATE_RULE);
		if (st)
			return st;
		if (!doc->published)
			memcpy(s->t.date, date, 11);
	}
	switch (format_of(doc->src)) {
	case FMT_MARKDOWN:
		return text_markdown(&s->t);
	case FMT_HTML:
		return text_html(&s->t);
	default:
		return text_plain(&s->t);
	}
}

/* Decide the blocks, record the dropped ones, write the kept ones. */
static fc_status stage_boiler(struct clean *s, size_t *dcap)
{
	struct fc_document *doc = s->doc;
	const struct tblocks *bl = &s->t.bl;
	const char *m = s->t.out.b.p ? s->t.out.b.p : "";
	struct tverdict v = {0};
	s->rule = calloc(bl->n ? bl->n : 1, sizeof(*s->rule));
	if (!s->rule)
		return FC_ENOMEM;
	v.rule = s->rule;
	fc_status st = text_boiler_apply(s->r ? s->r->boiler : NULL, m, bl, &v);
	if (st)
		return st;
	if (v.limit_block >= 0) {
		uint32_t off = tmap_start(s->mraw.v, s->mraw.n,
					  bl->v[v.limit_block].start);
		struct fc_srcloc l = raw_loc(doc_name(doc->src), doc->raw,
					     doc->raw_len, s->lines, s->nlines,
					     off);
		fc_diag_warn(s->d, &l,
			     "boilerplate rule '%s' hit the regex match limit "
			     "here; taken as no match",
			     v.limit_rule);
	}
	for (size_t i = 0; i < bl->n; i++) {
		const struct tblock *k = &bl->v[i];
		if (s->rule[i]) {
			const struct fc_segment *mv = s->mraw.v;
			size_t mn = s->mraw.n;
			st = push_dropped(s->a, doc, dcap,
					  tmap_start(mv, mn, k->start),
					  tmap_end(mv, mn, k->end), s->rule[i]);
			if (st)
				return st;
			continue;
		}
		if (s->c.b.len)
			temit_synth(&s->c, "\n\n", 2);
		temit_copy(&s->c, m, k->start, k->end - k->start);
	}
	if (v.title >= 0) {
		const struct tblock *k = &bl->v[v.title];
		doc->title = fc_arena_strndup(s->a, m + k->start,
					      k->end - k->start);
		if (!doc->title)
			return FC_ENOMEM;
	}
	return temit_status(&s->c);
}

static fc_status stage_sentences(struct clean *s)
{
	struct fc_document *doc = s->doc;
	fc_status st = fc_text_sentences(s->r, s->a, doc->text, doc->text_len,
					 &doc->sentences, &doc->nsentences);
	if (st)
		return st;
	for (size_t i = 0; i < doc->nsentences; i++) {
		uint32_t off =
			fc_text_raw_offset(doc, doc->sentences[i].start, false);
		doc->sentences[i].line =
			(uint32_t)line_of(s->lines, s->nlines, off) + 1;
	}
	return FC_OK;
}

uint32_t fc_text_raw_offset(const struct fc_document *doc, uint32_t off,
			    bool is_end)
{
	return is_end ? tmap_end(doc->segments, doc->nsegments, off)
		      : tmap_start(doc->segments, doc->nsegments, off);
}

fc_status fc_text_clean(const struct fc_rules *r, struct fc_arena *a,
			struct fc_document *doc, struct fc_diags *d)
{
	struct clean s = {.r = r, .a = a, .doc = doc, .d = d};
	size_t dcap = 0;
	fc_status st;
	doc->dropped = NULL;
	doc->ndropped = 0;
	doc->title = NULL;
	if (!doc->raw) {
		doc->raw = fc_arena_strdup(a, "");
		doc->raw_len = 0;
		if (!doc->raw)
			return FC_ENOMEM;
	}
	if (doc->raw_len > (size_t)UINT32_MAX - 64) {
		struct fc_srcloc l = {doc_name(doc->src), 0, 0, 0};
		fc_diag_add(d, FC_ELIMIT, &l, "source larger than 4 GiB");
		return FC_ELIMIT;
	}
	temit_init(&s.u);
	temit_init(&s.t.out);
	temit_init(&s.c);
	if ((st = raw_lines(doc->raw, doc->raw_len, &s.lines, &s.nlines)) ||
	    (st = stage_repair(&s)) || (st = stage_blocks(&s, &dcap)) ||
	    (st = tmap_compose(&s.t.out.m, &s.u.m, &s.mraw)) ||
	    (st = stage_boiler(&s, &dcap)) ||
	    (st = tmap_compose(&s.c.m, &s.mraw, &s.craw)))
		goto out;
	if (s.t.date[0] && !doc->published) {
		if (!(doc->published = fc_arena_strdup(a, s.t.date))) {
			st = FC_ENOMEM;
			goto out;
		}
		doc->is_published_stated = true;
	}
	doc->text = fc_arena_strndup(a, s.c.b.p ? s.c.b.p : "", s.c.b.len);
	doc->text_len = s.c.b.len;
	doc->nsegments = s.craw.n;
	doc->segments = fc_arena_alloc(a, (s.craw.n ? s.craw.n : 1) *
						  sizeof(*doc->segments));
	if (!doc->text || !doc->segments) {
		st = FC_ENOMEM;
		goto out;
	}
	if (s.craw.n)
		memcpy(doc->segments, s.craw.v, s.craw.n * sizeof(*s.craw.v));
	st = stage_sentences(&s);
out:
	if (st == FC_ENOMEM || st == FC_ELIMIT) {
		struct fc_srcloc l = {doc_name(doc->src), 0, 0, 0};
		fc_diag_add(d, st, &l, "cleaning the text: %s",
			    fc_strerror(st));
	}
	free(s.rule);
	free(s.lines);
	free(s.t.bl.v);
	tmap_finish(&s.mraw);
	tmap_finish(&s.craw);
	temit_finish(&s.u);
	temit_finish(&s.t.out);
	temit_finish(&s.c);
	return st;
}
