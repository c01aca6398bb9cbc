/*
** report.c: the table of report formats, fc_report_write, and the
** helpers every writer uses to read a corpus defensively: every index is
** checked and every span clamped, so a writer never reads past a text.
*/
#include <stdlib.h>
#include <string.h>

#include "check/label.h"
#include "factcross/fc_report.h"
#include "report/report_p.h"

struct report_format {
	enum fc_format fmt;
	const char *name; /* as given to --format */
	const char *ext;  /* file name extension */
	fc_status (*write)(const struct fc_corpus *c, struct fc_buf *out);
};

/* One row per format; extra names are aliases of an earlier row. */
static const struct report_format formats[] = {
	{FC_FMT_JSON, "json", "json", fc_rep_write_json},
	{FC_FMT_MD, "md", "md", fc_rep_write_md},
	{FC_FMT_HTML, "html", "html", fc_rep_write_html},
	{FC_FMT_JSONL, "jsonl", "jsonl", fc_report_facts_jsonl},
	{FC_FMT_MD, "markdown", "md", fc_rep_write_md},
};

#define NFORMATS (sizeof(formats) / sizeof(*formats))

static const struct report_format *format_of(enum fc_format f)
{
	for (size_t i = 0; i < NFORMATS; i++)
		if (formats[i].fmt == f)
			return &formats[i];
	return NULL;
}

int fc_format_parse(const char *name, enum fc_format *out)
{
	if (!name)
		return 0;
	for (size_t i = 0; i < NFORMATS; i++) {
		if (!strcmp(formats[i].name, name)) {
			if (out)
				*out = formats[i].fmt;
			return 1;
		}
	}
	return 0;
}

const char *fc_format_ext(enum fc_format f)
{
	const struct report_format *rf = format_of(f);
	return rf ? rf->ext : NULL;
}

fc_status fc_report_write(const struct fc_corpus *c, enum fc_format f,
			  struct fc_buf *out)
{
	const struct report_format *rf = format_of(f);
	if (!c || !out || !rf)
		return FC_EINPUT;
	if (out->err)
		return out->err;
	return rf->write(c, out);
}

/* ---- Corpus helpers ---------------------------------------------------- */

const struct fc_document *fc_rep_doc(const struct fc_corpus *c, uint32_t di)
{
	return c->docs && di < c->ndocs ? &c->docs[di] : NULL;
}

const struct fc_source *fc_rep_source(const struct fc_corpus *c, uint32_t di)
{
	const struct fc_document *doc = fc_rep_doc(c, di);
	if (doc && doc->src)
		return doc->src;
	return c->sources && di < c->nsources ? &c->sources[di] : NULL;
}

const char *fc_rep_source_id(const struct fc_corpus *c, uint32_t di)
{
	const struct fc_source *s = fc_rep_source(c, di);
	return s && s->id ? s->id : "?";
}

const char *fc_rep_published(const struct fc_corpus *c, uint32_t di)
{
	const struct fc_document *doc = fc_rep_doc(c, di);
	if (doc && doc->published && doc->is_published_stated)
		return doc->published;
	const struct fc_source *s = fc_rep_source(c, di);
	return s ? s->published : NULL;
}

const char *fc_rep_path(const struct fc_corpus *c, uint32_t di)
{
	const struct fc_source *s = fc_rep_source(c, di);
	if (!s)
		return NULL;
	return s->file ? s->file : s->url;
}

const struct fc_fact *fc_rep_fact(const struct fc_corpus *c, uint32_t i)
{
	return c->facts && i < c->nfacts ? &c->facts[i] : NULL;
}

bool fc_rep_fact_sentence(const struct fc_corpus *c, const struct fc_fact *f,
			  uint32_t *start, uint32_t *end)
{
	const struct fc_document *doc = fc_rep_doc(c, f->doc);
	if (!doc || !doc->text)
		return false;
	uint32_t len = doc->text_len > UINT32_MAX ? UINT32_MAX
						  : (uint32_t)doc->text_len;
	uint32_t s = f->start, e = f->end;
	if (doc->sentences && f->sentence < doc->nsentences) {
		s = doc->sentences[f->sentence].start;
		e = doc->sentences[f->sentence].end;
	}
	if (s > len)
		s = len;
	if (e > len)
		e = len;
	if (e < s)
		e = s;
	*start = s;
	*end = e;
	return true;
}

static bool is_cont(const char *text, uint32_t i)
{
	return ((unsigned char)text[i] & 0xC0) == 0x80;
}

void fc_rep_mark_span(const char *text, uint32_t lo, uint32_t hi,
		      uint32_t fstart, uint32_t fend, uint32_t *start,
		      uint32_t *end)
{
	uint32_t s = fstart > lo ? fstart : lo;
	uint32_t e = fend < hi ? fend : hi;
	if (s >= e) {
		*start = *end = lo;
		return;
	}
	while (s > lo && is_cont(text, s))
		s--;
	while (e < hi && is_cont(text, e))
		e++;
	*start = s;
	*end = e;
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

uint32_t *fc_rep_value_docs(struct fc_arena *a, const struct fc_corpus *c,
			    const struct fc_finding_value *fv, size_t *n,
			    bool *is_oom)
{
	*n = 0;
	if (!fv->facts || !fv->nfacts)
		return NULL;
	uint32_t *v = fc_arena_alloc(a, fv->nfacts * sizeof(*v));
	if (!v) {
		*is_oom = true;
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < fv->nfacts; i++) {
		const struct fc_fact *f = fc_rep_fact(c, fv->facts[i]);
		if (f)
			v[k++] = f->doc;
	}
	if (k > 1)
		qsort(v, k, sizeof(*v), cmp_u32);
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (!m || v[m - 1] != v[i])
			v[m++] = v[i];
	*n = m;
	return m ? v : NULL;
}

const char *fc_rep_value_text(struct fc_arena *a,
			      const struct fc_finding_value *fv)
{
	if (fv->text)
		return fv->text;
	return fc_value_text(a, &fv->value);
}

const char *fc_rep_value_label(struct fc_arena *a,
			       const struct fc_finding_value *fv)
{
	/* a count with its hedge ("about 168,000", "at least 40"), a date
	** in words ("Tuesday", "16 January 2026"); the formats add the
	** canonical value when it differs */
	if (fv->value.type == FC_VAL_QUANTITY ||
	    (fv->value.type == FC_VAL_TIME &&
	     (fv->value.time.type == FC_TIMEX_DATE ||
	      fv->value.time.type == FC_TIMEX_TIME)))
		return fc_check_value_words(a, &fv->value);
	return fv->value.type == FC_VAL_NONE ? fc_rep_value_text(a, fv)
					     : fc_value_label(a, &fv->value);
}

const enum fc_finding_status fc_rep_status_order[4] = {
	FC_FIND_CONTRADICTED, FC_FIND_CORROBORATED, FC_FIND_SINGLE_SOURCE,
	FC_FIND_VARIANT,
};

const char *fc_rep_status_title(enum fc_finding_status s)
{
	switch (s) {
	case FC_FIND_CORROBORATED: return "Corroborated";
	case FC_FIND_CONTRADICTED: return "Contradicted";
	case FC_FIND_SINGLE_SOURCE: return "Single source";
	case FC_FIND_VARIANT: return "Variant";
	}
	return "Single source";
}

void fc_rep_finding_title(struct fc_buf *b, const struct fc_finding *fd,
			  fc_rep_text_fn text)
{
	if (fd->message && *fd->message) {
		text(b, fd->message);
		return;
	}
	text(b, fd->kind);
	fc_buf_adds(b, " ");
	text(b, fd->field);
}

fc_status fc_rep_key_labels(struct fc_buf *b, struct fc_arena *a,
			    const struct fc_finding *fd, fc_rep_text_fn text)
{
	for (size_t i = 0; i < fd->nkey; i++) {
		const char *label = fc_value_label(a, &fd->key[i].value);
		if (!label)
			return FC_ENOMEM;
		fc_buf_adds(b, i ? "; " : "");
		text(b, fd->key[i].name);
		fc_buf_adds(b, ": ");
		text(b, label);
	}
	return FC_OK;
}

const char *fc_rep_severity_name(enum fc_severity s)
{
	switch (s) {
	case FC_SEV_NOTE: return "info";
	case FC_SEV_WARNING: return "warning";
	case FC_SEV_ERROR: return "error";
	}
	return "info";
}

const char *fc_rep_polarity_name(enum fc_polarity p)
{
	return p == FC_POL_NEGATED ? "negated" : "asserted";
}

const char *fc_rep_modality_name(enum fc_modality m)
{
	switch (m) {
	case FC_MODAL_FACTUAL: return "factual";
	case FC_MODAL_REPORTED: return "reported";
	case FC_MODAL_HEDGED: return "hedged";
	}
	return "factual";
}

size_t fc_rep_text_char(const unsigned char *p, size_t avail, size_t *skip)
{
	unsigned char c = p[0];
	*skip = 1;
	if (c < 0x80) {
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7F)
			return 0;
		return 1;
	}
	size_t k = fc_utf8_seq_len(p, avail);
	if (!k)
		return 0;
	if (k == 2 && c == 0xC2 && p[1] < 0xA0) { /* C1 controls */
		*skip = 2;
		return 0;
	}
	return k;
}
