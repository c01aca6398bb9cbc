/*
** message.c: finding message templates.
**
** A template is text with {placeholders}; "{{" and "}}" are literal
** braces. A placeholder names a key slot (its label), the compared field
** or `value` (the leading value in words: label.h), `values` (every
** distinct wording of the values joined with " / "), `when` (the
** leading value as a date with its preposition: "on 16 January 2026",
** "in 2025"), or one of kind, field, rule, status, sources (count),
** independent_sources and versions (the values that are not a fragment
** of another: a quote's wordings). Templates are
** parsed when the check is loaded, so an unknown placeholder is an
** error with the position of its '{'.
*/
#include <string.h>

#include "check/check_p.h"
#include "check/label.h"

static const struct {
	const char *name;
	enum tmpl_var var;
} builtins[] = {
	{"value", TV_VALUE},   {"values", TV_VALUES},
	{"kind", TV_KIND},     {"field", TV_FIELD},
	{"rule", TV_RULE},     {"status", TV_STATUS},
	{"sources", TV_SOURCES}, {"independent_sources", TV_INDEPENDENT},
	{"versions", TV_VERSIONS}, {"when", TV_WHEN},
};
#define NBUILTINS (sizeof(builtins) / sizeof(*builtins))

static bool push_part(struct fc_arena *a, struct tmpl *t, size_t *cap,
		      struct tmpl_part part)
{
	void *g = fc_arena_grow(a, t->parts, sizeof(*t->parts), cap,
				t->nparts + 1);
	if (!g)
		return false;
	t->parts = g;
	t->parts[t->nparts++] = part;
	return true;
}

/* Resolve placeholder name[0, n) to a part; false when unknown. */
static bool resolve(const struct check *c, const char *name, size_t n,
		    struct tmpl_part *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < c->nkey; i++)
		if (strlen(c->key[i]) == n && !memcmp(c->key[i], name, n)) {
			out->var = TV_SLOT;
			out->key = i;
			return true;
		}
	if (c->field && strlen(c->field) == n && !memcmp(c->field, name, n)) {
		out->var = TV_VALUE;
		return true;
	}
	for (size_t i = 0; i < NBUILTINS; i++)
		if (strlen(builtins[i].name) == n &&
		    !memcmp(builtins[i].name, name, n)) {
			out->var = builtins[i].var;
			return true;
		}
	return false;
}

/* The nearest allowed placeholder name to s, or NULL. */
static const char *suggest(const struct check *c, const char *s)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < c->nkey + 1 + NBUILTINS; i++) {
		const char *cand = i < c->nkey	    ? c->key[i]
				   : i == c->nkey   ? c->field
						    : builtins[i - c->nkey - 1].name;
		if (!cand)
			continue;
		size_t dist = fc_edit_distance(s, cand, 2);
		if (dist < bestd) {
			bestd = dist;
			best = cand;
		}
	}
	return best;
}

bool fc_check_tmpl_parse(struct fc_arena *a, const struct check *c,
			 const struct fc_ynode *n, struct tmpl *out,
			 struct fc_diags *d)
{
	memset(out, 0, sizeof(*out));
	const char *s = n->str;
	size_t len = n->len, cap = 0, lit = 0, i = 0;
	bool ok = true;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	while (i <= len) {
		char ch = i < len ? s[i] : '\0';
		bool is_brace = ch == '{' || ch == '}';
		if (i < len && is_brace && i + 1 < len && s[i + 1] == ch) {
			fc_buf_add(&b, s + lit, i + 1 - lit); /* one brace */
			i += 2;
			lit = i;
			continue;
		}
		if (i < len && !is_brace) {
			i++;
			continue;
		}
		fc_buf_add(&b, s + lit, i - lit);
		if (b.len) {
			struct tmpl_part p = {TV_LITERAL, NULL, b.len, 0};
			p.text = fc_arena_strndup(a, b.p, b.len);
			if (!p.text || !push_part(a, out, &cap, p))
				goto nomem;
			fc_buf_reset(&b);
		}
		if (i == len)
			break;
		struct fc_srcloc loc = fc_ynode_loc_at(n, i);
		if (ch == '}') {
			fc_diag_add(d, FC_ESCHEMA, &loc,
				    "unmatched '}' in message (write '}}' for "
				    "a brace)");
			ok = false;
			lit = ++i;
			continue;
		}
		const char *end = memchr(s + i + 1, '}', len - i - 1);
		if (!end) {
			fc_diag_add(d, FC_ESCHEMA, &loc,
				    "unclosed '{' in message (write '{{' for "
				    "a brace)");
			ok = false;
			break;
		}
		const char *name = s + i + 1;
		size_t nlen = (size_t)(end - name);
		struct tmpl_part p;
		if (resolve(c, name, nlen, &p)) {
			p.text = fc_arena_strndup(a, name, nlen);
			if (!p.text || !push_part(a, out, &cap, p))
				goto nomem;
		} else {
			char *nm = fc_arena_strndup(a, name, nlen);
			const char *best = nm ? suggest(c, nm) : NULL;
			loc.len = (uint32_t)nlen + 2;
			if (best)
				fc_diag_add(d, FC_ESCHEMA, &loc,
					    "unknown placeholder '{%s}' in "
					    "message (did you mean '{%s}'?)",
					    nm ? nm : "", best);
			else
				fc_diag_add(d, FC_ESCHEMA, &loc,
					    "unknown placeholder '{%s}' in "
					    "message (a key slot, the compared "
					    "field, value, values, kind, field, "
					    "when, rule, status, sources, "
					    "independent_sources or versions)",
					    nm ? nm : "");
			ok = false;
		}
		i = (size_t)(end - s) + 1;
		lit = i;
	}
	fc_buf_finish(&b);
	return ok;
nomem:
	fc_buf_finish(&b);
	fc_diag_add(d, FC_ENOMEM, &n->loc, "out of memory");
	return false;
}

static void add_label(struct fc_buf *b, struct fc_arena *a,
		      const struct fc_value *v)
{
	char *s = fc_check_value_words(a, v);
	fc_buf_adds(b, s ? s : "");
}

/* Every distinct wording of f's values, joined with " / ". */
static void add_values(struct fc_buf *b, struct fc_arena *a,
		       const struct fc_finding *f)
{
	const char **seen = fc_arena_alloc(a, (f->nvalues + 1) * sizeof(*seen));
	size_t nseen = 0;
	for (size_t k = 0; k < f->nvalues; k++) {
		const char *s = fc_check_value_words(a, &f->values[k].value);
		if (!s || !seen)
			continue;
		size_t i;
		for (i = 0; i < nseen && strcmp(seen[i], s); i++)
			;
		if (i < nseen)
			continue;
		if (nseen)
			fc_buf_adds(b, " / ");
		fc_buf_adds(b, s);
		seen[nseen++] = s;
	}
}

static void add_when(struct fc_buf *b, struct fc_arena *a,
		     const struct fc_value *v)
{
	if (v->type == FC_VAL_TIME && (v->time.type == FC_TIMEX_DATE ||
				       v->time.type == FC_TIMEX_TIME))
		fc_check_time_words(b, v->time.value, true);
	else
		add_label(b, a, v);
}

char *fc_check_tmpl_render(struct fc_arena *a, const struct check *c,
			   const struct tmpl *t, const struct fc_finding *f)
{
	struct fc_buf b;
	fc_buf_init(&b, 1u << 20);
	for (size_t i = 0; i < t->nparts; i++) {
		const struct tmpl_part *p = &t->parts[i];
		switch (p->var) {
		case TV_LITERAL: fc_buf_add(&b, p->text, p->len); break;
		case TV_SLOT:
			if (p->key < f->nkey)
				add_label(&b, a, &f->key[p->key].value);
			break;
		case TV_VALUE:
			if (f->nvalues)
				add_label(&b, a, &f->values[0].value);
			break;
		case TV_VALUES: add_values(&b, a, f); break;
		case TV_WHEN:
			if (f->nvalues)
				add_when(&b, a, &f->values[0].value);
			break;
		case TV_KIND: fc_buf_adds(&b, f->kind); break;
		case TV_FIELD: fc_buf_adds(&b, f->field); break;
		case TV_RULE: fc_buf_adds(&b, c->id); break;
		case TV_STATUS:
			fc_buf_adds(&b, fc_finding_status_name(f->status));
			break;
		case TV_SOURCES: fc_buf_printf(&b, "%zu", f->nsources); break;
		case TV_INDEPENDENT:
			fc_buf_printf(&b, "%u", (unsigned)f->independent_sources);
			break;
		case TV_VERSIONS: {
			size_t nv = 0;
			for (size_t k = 0; k < f->nvalues; k++)
				nv += !f->values[k].is_partial;
			fc_buf_printf(&b, "%zu", nv);
			break;
		}
		}
	}
	/* a message is a sentence: "At least 40 ..." */
	if (!b.err && b.len && b.p[0] >= 'a' && b.p[0] <= 'z')
		b.p[0] = (char)(b.p[0] - 'a' + 'A');
	char *s = b.err ? NULL : fc_arena_strdup(a, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return s;
}
