/*
** wire.c: wire credits of one document.
**
** A document carries an agency's credit when a credit pattern matches
** its text (a dateline "MOSCOW (Reuters) -", a credit line "By Reuters
** staff", a byline ending in an agency), or when its manifest outlet is
** the agency. Attribution inside a sentence ("according to TASS") is not
** a credit; the patterns, anchored to lines, keep it out.
**
** The cleaned text is scanned, and the raw bytes of every block the
** text stage dropped (credit lines often look like boilerplate). With
** no cleaned text (no text stage) the raw bytes are scanned.
*/
#include <strings.h>
#include <string.h>

#include "indep/indep_p.h"

#define MATCHES_PER_CREDIT 64

const char *indep_doc_text(const struct fc_document *doc, size_t *len)
{
	if (doc->text) {
		*len = doc->text_len;
		return doc->text;
	}
	*len = doc->raw ? doc->raw_len : 0;
	return doc->raw;
}

static const struct agency *agency_by_id(const struct fc_indep *x,
					 const char *id)
{
	for (size_t i = 0; i < x->nagencies; i++)
		if (!strcmp(x->agencies[i].id, id))
			return &x->agencies[i];
	return NULL;
}

static const struct agency *agency_by_alias(const struct fc_indep *x,
					    const char *s, size_t n)
{
	for (size_t i = 0; i < x->nagencies; i++) {
		const struct agency *ag = &x->agencies[i];
		for (size_t j = 0; j < ag->naliases + ag->ndateline_aliases;
		     j++) {
			const char *al =
				j < ag->naliases
					? ag->aliases[j]
					: ag->dateline_aliases[j -
							       ag->naliases];
			if (strlen(al) == n && !memcmp(al, s, n))
				return ag;
		}
	}
	return NULL;
}

static fc_status push_key(struct fc_arena *a, struct wire_key **keys,
			  size_t *nkeys, size_t *cap, size_t first,
			  const char *key, const char *detail, uint32_t di)
{
	if (!key || !detail)
		return FC_ENOMEM;
	for (size_t i = first; i < *nkeys; i++)
		if (!strcmp((*keys)[i].key, key))
			return FC_OK;
	void *g = fc_arena_grow(a, *keys, sizeof(**keys), cap, *nkeys + 1);
	if (!g)
		return FC_ENOMEM;
	*keys = g;
	(*keys)[(*nkeys)++] = (struct wire_key){key, detail, di};
	return FC_OK;
}

/* "Guy  Faulconbridge;" -> detail "Guy Faulconbridge", key lower case. */
static fc_status byline_key(struct fc_arena *a, const char *s, size_t n,
			    const char **key, const char **detail)
{
	char *det = fc_arena_alloc(a, n + 1);
	char *k = fc_arena_alloc(a, n + 8);
	if (!det || !k)
		return FC_ENOMEM;
	size_t m = 0;
	bool is_space = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			if (!is_space)
				det[m++] = ' ';
			is_space = true;
			continue;
		}
		det[m++] = (char)ch;
		is_space = false;
	}
	while (m && strchr(" .,;:", det[m - 1]))
		m--;
	det[m] = '\0';
	memcpy(k, "byline:", 7);
	for (size_t i = 0; i <= m; i++)
		k[7 + i] =
			(det[i] >= 'A' && det[i] <= 'Z') ? det[i] + 32 : det[i];
	*key = k;
	*detail = det;
	return m ? FC_OK : FC_EINPUT;
}

/*
** Run every credit over buf[0, len); base is buf's offset from the start
** of the document (for `within`).
*/
static fc_status scan(const struct fc_indep *x, struct fc_arena *a,
		      const char *buf, size_t len, size_t base, uint32_t di,
		      struct wire_key **keys, size_t *nkeys, size_t *cap,
		      size_t first)
{
	for (size_t ci = 0; ci < x->ncredits; ci++) {
		const struct credit *cr = &x->credits[ci];
		if (!cr->is_compiled_ok)
			continue;
		if (cr->within && base >= cr->within)
			continue;
		int gag = pcre2_substring_number_from_name(
			cr->re, (PCRE2_SPTR) "agency");
		int gby = pcre2_substring_number_from_name(
			cr->re, (PCRE2_SPTR) "byline");
		size_t off = 0;
		for (int k = 0; k < MATCHES_PER_CREDIT && off <= len; k++) {
			int rc = pcre2_match(cr->re, (PCRE2_SPTR)buf, len, off,
					     0, x->md, x->mctx);
			if (rc < 0)
				break;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(x->md);
			if (cr->within && base + ov[0] >= cr->within)
				break;
			off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
			const char *key = NULL, *detail = NULL;
			const struct agency *ag = NULL;
			if (cr->agency)
				ag = agency_by_id(x, cr->agency);
			else if (gag > 0 && gag < rc &&
				 ov[2 * gag] != PCRE2_UNSET)
				ag = agency_by_alias(x, buf + ov[2 * gag],
						     ov[2 * gag + 1] -
							     ov[2 * gag]);
			if (ag) {
				key = fc_arena_printf(a, "agency:%s", ag->id);
				detail = ag->name;
			} else if (gby > 0 && gby < rc &&
				   ov[2 * gby] != PCRE2_UNSET) {
				fc_status st = byline_key(a, buf + ov[2 * gby],
							  ov[2 * gby + 1] -
								  ov[2 * gby],
							  &key, &detail);
				if (st == FC_EINPUT)
					continue;
				if (st)
					return st;
			} else {
				continue;
			}
			fc_status st = push_key(a, keys, nkeys, cap, first, key,
						detail, di);
			if (st)
				return st;
		}
	}
	return FC_OK;
}

fc_status indep_wire_keys(const struct fc_indep *x, struct fc_arena *a,
			  const struct fc_document *doc, uint32_t di,
			  struct wire_key **keys, size_t *nkeys, size_t *cap)
{
	size_t first = *nkeys;
	fc_status st;
	const char *outlet = doc->src ? doc->src->outlet : NULL;
	for (size_t i = 0; outlet && i < x->nagencies; i++) {
		const struct agency *ag = &x->agencies[i];
		bool is_same = !strcasecmp(outlet, ag->name);
		for (size_t j = 0; !is_same && j < ag->naliases; j++)
			is_same = !strcasecmp(outlet, ag->aliases[j]);
		if (is_same &&
		    (st = push_key(a, keys, nkeys, cap, first,
				   fc_arena_printf(a, "agency:%s", ag->id),
				   ag->name, di)))
			return st;
	}
	size_t len;
	const char *text = indep_doc_text(doc, &len);
	if (text &&
	    (st = scan(x, a, text, len, 0, di, keys, nkeys, cap, first)))
		return st;
	if (!doc->text || !doc->raw)
		return FC_OK;
	for (size_t i = 0; i < doc->ndropped; i++) {
		const struct fc_dropped *b = &doc->dropped[i];
		if (b->raw_start >= b->raw_end || b->raw_end > doc->raw_len)
			continue;
		if ((st = scan(x, a, doc->raw + b->raw_start,
			       b->raw_end - b->raw_start, b->raw_start, di,
			       keys, nkeys, cap, first)))
			return st;
	}
	return FC_OK;
}
