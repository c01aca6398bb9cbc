/*
** norm_keys.c: checks on the keys of tables (`table_keys:` in a
** normalizer file).
**
** Patterns may be written to fail fast on what a table's words are not:
** a possessive run of digits before a unit word is exact only while no
** unit word starts with a digit. A file states such a fact next to the
** patterns that rest on it,
**
**   table_keys:
**     - tables: [scale, scale_plural]
**       must_not_match: '^[0-9]'
**       why: the digits before a scale word are possessive
**
** and every key of the named tables, as loaded in the end (a --rules
** folder may replace a table), is checked once the rules are read: a
** key that matches is an error at the key, so a replaced table cannot
** make the patterns miss in silence.
**
** Also here, the other check of rule words against the tables as loaded
** in the end: anchors (norm_anchor_words_check).
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/norm_p.h"

void norm_keys_add(struct fc_rules *r, struct fc_norm *n,
		   const struct fc_ynode *v, struct fc_diags *d)
{
	static const char *const keys[] = {"tables", "must_not_match", "why",
					   NULL};
	if (v->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "table_keys must be a list of checks");
		return;
	}
	for (size_t i = 0; i < v->nkids; i++) {
		const struct fc_ynode *e = v->kids[i];
		if (e->type != FC_Y_MAP) {
			fc_diag_add(d, FC_ESCHEMA, &e->loc,
				    "a table_keys check must be a mapping");
			continue;
		}
		fc_ymap_check_keys(e, keys, "a table_keys check", d);
		const struct fc_ynode *t = fc_ymap_get(e, "tables"),
				      *rx = fc_ymap_get(e, "must_not_match"),
				      *why = fc_ymap_get(e, "why");
		bool ok = true;
		if (!t || t->type != FC_Y_SEQ || !t->nkids) {
			fc_diag_add(d, FC_ESCHEMA, t ? &t->loc : &e->loc,
				    "tables must be a list of table names");
			ok = false;
		}
		for (size_t k = 0; ok && k < t->nkids; k++)
			if (t->kids[k]->type != FC_Y_SCALAR) {
				fc_diag_add(d, FC_ESCHEMA, &t->kids[k]->loc,
					    "a table name must be a string");
				ok = false;
			}
		if (!rx || rx->type != FC_Y_SCALAR || !rx->len) {
			fc_diag_add(d, FC_ESCHEMA, rx ? &rx->loc : &e->loc,
				    "must_not_match must be a regex");
			ok = false;
		}
		if (why && why->type != FC_Y_SCALAR) {
			fc_diag_add(d, FC_ESCHEMA, &why->loc,
				    "why must be a string");
			ok = false;
		}
		if (!ok)
			continue;
		void *g = fc_arena_grow(&r->arena, n->keychecks,
					sizeof(*n->keychecks),
					&n->capkeychecks, n->nkeychecks + 1);
		if (!g) {
			fc_diag_add(d, FC_ENOMEM, &e->loc, "out of memory");
			return;
		}
		n->keychecks = g;
		n->keychecks[n->nkeychecks++] = (struct norm_keycheck){
			.tables = t, .rx = rx, .why = why ? why->str : NULL};
	}
}

/* Where key k of table t was written: its YAML key, or the table (a key
** filled from elsewhere, such as the ISO 4217 list). */
static const struct fc_ynode *key_node(const struct norm_table *t, size_t k)
{
	const struct fc_ynode *v = t->node;
	if (2 * k + 1 < v->nkids && v->kids[2 * k]->str == t->keys[k])
		return v->kids[2 * k];
	return v;
}

static void check_one(const struct fc_norm *n, const struct norm_keycheck *c,
		      pcre2_code *code, pcre2_match_data *md,
		      struct fc_diags *d)
{
	for (size_t k = 0; k < c->tables->nkids; k++) {
		const struct fc_ynode *name = c->tables->kids[k];
		int ti = norm_table_find(n, name->str);
		if (ti < 0) {
			fc_diag_add(d, FC_ESCHEMA, &name->loc,
				    "table_keys: no table '%s'", name->str);
			continue;
		}
		const struct norm_table *t = &n->tables[ti];
		for (size_t i = 0; i < t->n; i++) {
			int rc = pcre2_match(code, (PCRE2_SPTR)t->keys[i],
					     strlen(t->keys[i]), 0, 0, md, NULL);
			if (rc == PCRE2_ERROR_NOMATCH)
				continue;
			const struct fc_ynode *at = key_node(t, i);
			if (rc < 0)
				fc_diag_add(d, FC_EINPUT, &at->loc,
					    "key '%s' of table '%s' cannot be "
					    "checked against '%s' (PCRE2 error "
					    "%d)",
					    t->keys[i], t->name, c->rx->str, rc);
			else
				fc_diag_add(d, FC_ESCHEMA, &at->loc,
					    "key '%s' of table '%s' must not "
					    "match '%s'%s%s",
					    t->keys[i], t->name, c->rx->str,
					    c->why ? ": " : "",
					    c->why ? c->why : "");
		}
	}
}

void norm_keys_check(const struct fc_norm *n, struct fc_diags *d)
{
	for (size_t i = 0; i < n->nkeychecks; i++) {
		const struct norm_keycheck *c = &n->keychecks[i];
		int err;
		PCRE2_SIZE off;
		pcre2_code *code = pcre2_compile((PCRE2_SPTR)c->rx->str,
						 c->rx->len, PCRE2_UTF, &err,
						 &off, NULL);
		if (!code) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(err, msg, sizeof(msg));
			struct fc_srcloc loc = fc_ynode_loc_at(c->rx, off);
			fc_diag_add(d, FC_EREGEX, &loc,
				    "bad regex in table_keys: %s",
				    (const char *)msg);
			continue;
		}
		pcre2_match_data *md =
			pcre2_match_data_create_from_pattern(code, NULL);
		if (md)
			check_one(n, c, code, md, d);
		else
			fc_diag_add(d, FC_ENOMEM, &c->rx->loc, "out of memory");
		pcre2_match_data_free(md);
		pcre2_code_free(code);
	}
}

/* The scalar of an anchor value that reads `word` (for its position). */
static const struct fc_ynode *anchor_scalar(const struct fc_ynode *v,
					    const char *word)
{
	if (v->type == FC_Y_SCALAR)
		return strcmp(v->str, word) ? NULL : v;
	for (size_t i = 0; i < v->nkids; i++) {
		const struct fc_ynode *k = anchor_scalar(v->kids[i], word);
		if (k)
			return k;
	}
	return NULL;
}

/* Does text s hold `{name}` or `{name:...}`, the use of a table or a
** macro, or (is_word) name as a word of its own outside braces? */
static bool has_ref(const char *s, const char *name, bool is_word)
{
	size_t len = strlen(name), depth = 0;
	for (const char *c = s; *c; c++) {
		if (*c == '\\' && c[1]) {
			c++; /* \b, \s: a letter after a backslash is no word */
			continue;
		}
		if (*c == '{')
			depth++;
		else if (*c == '}' && depth)
			depth--;
		if (strncmp(c, name, len) ||
		    (c > s && norm_is_word_byte((unsigned char)c[-1])) ||
		    norm_is_word_byte((unsigned char)c[len]))
			continue;
		bool is_ref = c > s && c[-1] == '{' &&
			      (c[len] == '}' || c[len] == ':');
		if (is_word ? !depth : is_ref)
			return true;
	}
	return false;
}

/* Does pattern text s, or a macro it uses (to MACRO_CHECK_DEPTH), use
** table `name`? Each macro is read once (seen): macros that use each
** other many times over would otherwise cost their count to the power
** of the depth. */
#define MACRO_CHECK_DEPTH 8
static bool uses(const struct fc_norm *n, const char *s, const char *name,
		 bool *seen, int depth)
{
	if (has_ref(s, name, false))
		return true;
	for (size_t i = 0; depth < MACRO_CHECK_DEPTH && i < n->nmacros; i++) {
		const struct norm_macro *m = &n->macros[i];
		if (seen[i] || m->node->type != FC_Y_SCALAR ||
		    !has_ref(s, m->name, false))
			continue;
		seen[i] = true;
		if (uses(n, m->node->str, name, seen, depth + 1))
			return true;
	}
	return false;
}

/* uses() from pattern text s, each macro unread (false when out of
** memory: a missing warning, not a wrong one). */
static bool uses_from(const struct fc_norm *n, const char *s,
		      const char *name)
{
	bool *seen = calloc(n->nmacros + 1, sizeof(*seen));
	bool r = seen && uses(n, s, name, seen, 0);
	free(seen);
	return r;
}

/* Is w a key of table t (caselessly, as the walk reads words)? */
static bool is_key(const struct norm_table *t, const char *w)
{
	for (size_t k = 0; k < t->n; k++)
		if (!strcasecmp(t->keys[k], w))
			return true;
	return false;
}

/* Is anchor k the first of p's anchors with its text (a word may sit
** in several groups)? */
static bool is_first_anchor(const struct norm_pattern *p, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (!strcmp(p->anchors[i], p->anchors[k]))
			return false;
	return true;
}

/*
** An anchor that names a table is the table's words, never the name:
** `anchor: [future]` on "a future date" waits for words.yaml's future-
** tense words ("will"), and the pattern runs only where one is near.
** Warn when the pattern has the name as a word in its own text but
** neither uses the table (itself or through a macro) nor finds the name
** among its keys: it meant the word.
*/
static void table_word_check(const struct fc_norm *n,
			     const struct norm_pattern *p, const char *an,
			     int ti, struct fc_diags *d)
{
	const struct norm_table *t = &n->tables[ti];
	/* (this runs at every load, cached rules too: first the test that
	** nearly every anchor fails, the word in the pattern's own text;
	** the table's keys and the macros only for the rare one left) */
	if (!has_ref(p->match->str, an, true) ||
	    has_ref(p->match->str, an, false) || is_key(t, an) ||
	    uses_from(n, p->match->str, an))
		return;
	const struct fc_ynode *at =
		p->anchor_node ? anchor_scalar(p->anchor_node, an) : NULL;
	fc_diag_warn(d, at ? &at->loc : &p->node->loc,
		     "anchor '%s' is the words of table '%s' (such as '%s'), "
		     "not the word '%s' of pattern '%s': anchor on another "
		     "word every match has",
		     an, an, t->n ? t->keys[0] : "", an, p->id);
}

/*
** An anchor that names no table is a literal word, and the walk reads a
** word as its letters only: `anchor: [ratio_words]` (a typo) or
** `[year_words]` (a macro) would wait for "ratio" or "year" and say
** nothing. No word of a text has an underscore, so such an anchor is an
** error at the anchor, with the nearest table name.
*/
void norm_anchor_words_check(const struct fc_norm *n, bool is_author,
			     struct fc_diags *d)
{
	const char **names = malloc((n->ntables + 1) * sizeof(*names));
	for (size_t t = 0; names && t < n->ntables; t++)
		names[t] = n->tables[t].name;
	for (size_t i = 0; i < n->npatterns; i++) {
		const struct norm_pattern *p = &n->patterns[i];
		for (size_t k = 0; k < p->nanchors; k++) {
			const char *an = p->anchors[k];
			/* (the name in the pattern's text at all first: a
			** table's search is a scan of every table) */
			int ti = -1;
			if (is_author && p->match &&
			    p->match->type == FC_Y_SCALAR &&
			    strstr(p->match->str, an) &&
			    (ti = norm_table_find(n, an)) >= 0 &&
			    is_first_anchor(p, k))
				table_word_check(n, p, an, ti, d);
			if (!strchr(an, '_') || ti >= 0 ||
			    norm_table_find(n, an) >= 0)
				continue;
			const struct fc_ynode *at =
				p->anchor_node ? anchor_scalar(p->anchor_node, an)
					       : NULL;
			const struct fc_srcloc *loc =
				at ? &at->loc : &p->node->loc;
			const char *best =
				names ? fc_nearest(an, names, n->ntables) : NULL;
			if (best)
				fc_diag_add(d, FC_ESCHEMA, loc,
					    "anchor '%s' is no table and no "
					    "word (did you mean '%s'?)",
					    an, best);
			else
				fc_diag_add(d, FC_ESCHEMA, loc,
					    "anchor '%s' is no table and no "
					    "word",
					    an);
		}
	}
	free(names);
}

/* Resolve one after / not_after value v into t (its count in *nt), and
** raise *maxlen to its tables' longest key. */
static void after_tables(const struct fc_norm *n, const struct fc_ynode *v,
			 const char *key, int16_t *t, uint8_t *nt,
			 uint8_t *maxlen, struct fc_diags *d)
{
	size_t nv = v->type == FC_Y_SEQ ? v->nkids : 1;
	for (size_t i = 0; i < nv; i++) {
		const struct fc_ynode *name =
			v->type == FC_Y_SEQ ? v->kids[i] : v;
		int ti = norm_table_find(n, name->str);
		if (ti < 0) {
			fc_diag_add(d, FC_ESCHEMA, &name->loc,
				    "%s: no table '%s'", key, name->str);
			continue;
		}
		const struct norm_table *tb = &n->tables[ti];
		bool ok = true;
		for (size_t k = 0; k < tb->n; k++) {
			const char *w = tb->keys[k];
			size_t len = strlen(w), j = 0;
			while (j < len && (unsigned char)w[j] < 0x80)
				j++;
			if (j == len && len <= NORM_AFTER_LEN) {
				if (len > *maxlen)
					*maxlen = (uint8_t)len;
				continue;
			}
			/* the check folds ASCII letters only, in a short
			** buffer */
			fc_diag_add(d, FC_ESCHEMA, &key_node(tb, k)->loc,
				    "word '%s' of table '%s' (%s): %s", w,
				    tb->name, key,
				    j < len ? "only ASCII words can be "
					      "looked up"
					    : "longer than 48 bytes");
			ok = false;
		}
		if (ok)
			t[(*nt)++] = (int16_t)ti;
	}
}

void norm_after_resolve(struct fc_norm *n, struct fc_diags *d)
{
	for (size_t i = 0; i < n->npatterns; i++) {
		struct norm_pattern *p = &n->patterns[i];
		p->nafter = p->nnot_after = p->after_len = 0;
		if (p->after_node)
			after_tables(n, p->after_node, "after", p->after,
				     &p->nafter, &p->after_len, d);
		if (p->not_after_node)
			after_tables(n, p->not_after_node, "not_after",
				     p->not_after, &p->nnot_after,
				     &p->after_len, d);
	}
}
