/*
** load.c: read `kind: independence` rule files.
**
**   kind: independence
**   description: ...
**   agencies:                      # wire agencies and the names that credit
*them
**     - id: reuters
**       name: Reuters              # display name (the dependence detail)
**       aliases: [Reuters, REUTERS] # literal, case-sensitive
**       dateline_aliases: [AA]     # optional: credits only in "CITY (AA) -"
**   credits:                       # lines that mark a copy of an agency's copy
**     - id: dateline
**       pattern: '^[A-Z]+ \({agency}\) -'   # PCRE2, multi-line mode
**       within: 2000               # optional: match must start in the first N
*bytes
**       agency: reuters            # optional: fixed agency instead of {agency}
**   reuse:                         # text reuse (shingles, MinHash, LSH)
**     shingle: 3
**     ...
**   tests: [...]
**
** `{agency}` in a pattern stands for a named group `agency` over every
** alias of every agency (longest first), `{dateline_agency}` over the
** dateline aliases too; a named group `byline` keys
** the credit by the reporters' names instead of an agency. Agencies and
** credits loaded later with the same id replace earlier ones; keys of a
** later `reuse:` replace the earlier values one by one. Patterns are
** compiled in fc_indep_compile, once every agency is known.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "indep/indep_p.h"

static const char *const tokens[] = {"{agency}", "{dateline_agency}"};
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

static struct fc_indep *get_indep(struct fc_rules *r)
{
	if (r->indep)
		return r->indep;
	struct fc_indep *x = fc_arena_alloc(&r->arena, sizeof(*x));
	if (!x)
		return NULL;
	struct reuse_cfg *c = &x->reuse;
	c->shingle = 3;
	c->hashes = 128;
	c->bands = 32;
	c->sentence_hashes = 32;
	c->sentence_bands = 16;
	c->seed = 1;
	c->min_sentence_shingles = 5;
	c->resemblance = 0.5;
	c->resemblance_min_shingles = 10;
	c->containment = 0.3;
	c->containment_min_shingles = 40;
	c->sentence_match = 0.5;
	c->sentence_fraction = 0.5;
	c->sentence_min_matched = 3;
	c->max_bucket = 64;
	c->max_sentence_pairs = 250000;
	c->quote_max_len = 1200;
	r->indep = x;
	return x;
}

/* The nearest of n names to s within 2 edits, or NULL. */
static const char *nearest_agency(const struct fc_indep *x, const char *s)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < x->nagencies; i++) {
		size_t dist = fc_edit_distance(s, x->agencies[i].id, 2);
		if (dist < bestd) {
			bestd = dist;
			best = x->agencies[i].id;
		}
	}
	return best;
}

static bool get_id(const struct fc_ynode *n, const char *what, const char **id,
		   struct fc_diags *d)
{
	const struct fc_ynode *idn = fc_ymap_get(n, "id");
	if (!idn) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc, "%s needs an 'id'", what);
		return false;
	}
	if (!fc_ynode_str(idn, "id", id, d))
		return false;
	if (!**id) {
		fc_diag_add(d, FC_ESCHEMA, &idn->loc, "id must not be empty");
		return false;
	}
	return true;
}

/* ---- agencies ---------------------------------------------------------- */

static fc_status add_agency(struct fc_rules *r, struct fc_indep *x,
			    const struct fc_ynode *n, size_t first,
			    struct fc_diags *d)
{
	static const char *const keys[] = {
		"id", "name", "aliases", "dateline_aliases", "description",
		NULL};
	if (n->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "each agency must be a mapping with 'id', 'name' "
			    "and 'aliases'");
		return FC_OK;
	}
	size_t nerr0 = d->nerr;
	fc_ymap_check_keys(n, keys, "an agency", d);
	struct agency ag = {.node = n};
	if (!get_id(n, "an agency", &ag.id, d))
		return FC_OK;
	const struct fc_ynode *nn = fc_ymap_get(n, "name");
	if (!nn)
		ag.name = ag.id;
	else
		fc_ynode_str(nn, "name", &ag.name, d);
	const struct fc_ynode *al = fc_ymap_get(n, "aliases");
	if (!al) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "agency '%s' needs 'aliases' (the names that "
			    "credit it)",
			    ag.id);
		return FC_OK;
	}
	if (!fc_ynode_strlist(&r->arena, al, "aliases", &ag.aliases,
			      &ag.naliases, d))
		return FC_OK;
	const struct fc_ynode *dl = fc_ymap_get(n, "dateline_aliases");
	if (dl &&
	    !fc_ynode_strlist(&r->arena, dl, "dateline_aliases",
			      &ag.dateline_aliases, &ag.ndateline_aliases, d))
		return FC_OK;
	for (size_t i = 0; i < ag.naliases; i++)
		if (!ag.aliases[i][0])
			fc_diag_add(
				d, FC_ESCHEMA,
				&al->kids[al->type == FC_Y_SEQ ? i : 0]->loc,
				"an alias must not be empty");
	for (size_t i = 0; i < ag.ndateline_aliases; i++)
		if (!ag.dateline_aliases[i][0])
			fc_diag_add(
				d, FC_ESCHEMA,
				&dl->kids[dl->type == FC_Y_SEQ ? i : 0]->loc,
				"an alias must not be empty");
	if (d->nerr > nerr0)
		return FC_OK;
	for (size_t j = 0; j < x->nagencies; j++) {
		if (strcmp(x->agencies[j].id, ag.id))
			continue;
		if (j >= first) {
			fc_diag_add(d, FC_ESCHEMA, &fc_ymap_get(n, "id")->loc,
				    "duplicate agency id '%s' (first at line "
				    "%u)",
				    ag.id,
				    (unsigned)x->agencies[j].node->loc.line);
			return FC_OK;
		}
		x->agencies[j] = ag; /* a later file overrides */
		return FC_OK;
	}
	void *g = fc_arena_grow(&r->arena, x->agencies, sizeof(*x->agencies),
				&x->capagencies, x->nagencies + 1);
	if (!g)
		return FC_ENOMEM;
	x->agencies = g;
	x->agencies[x->nagencies++] = ag;
	return FC_OK;
}

/* ---- credits ----------------------------------------------------------- */

static fc_status add_credit(struct fc_rules *r, struct fc_indep *x,
			    const struct fc_ynode *n, size_t first,
			    struct fc_diags *d)
{
	static const char *const keys[] = {
		"id", "description", "pattern", "agency", "within", NULL};
	if (n->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "each credit must be a mapping with 'id' and "
			    "'pattern'");
		return FC_OK;
	}
	size_t nerr0 = d->nerr;
	fc_ymap_check_keys(n, keys, "a credit", d);
	struct credit cr = {.node = n};
	if (!get_id(n, "a credit", &cr.id, d))
		return FC_OK;
	const struct fc_ynode *s;
	const char *dummy;
	if ((s = fc_ymap_get(n, "description")))
		fc_ynode_str(s, "description", &dummy, d);
	cr.pattern_node = fc_ymap_get(n, "pattern");
	if (!cr.pattern_node)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "credit '%s' needs a 'pattern'", cr.id);
	else
		fc_ynode_str(cr.pattern_node, "pattern", &cr.pattern, d);
	if ((cr.agency_node = fc_ymap_get(n, "agency")))
		fc_ynode_str(cr.agency_node, "agency", &cr.agency, d);
	if ((s = fc_ymap_get(n, "within"))) {
		long long v;
		if (fc_ynode_int(s, "within", 1, 1 << 30, &v, d))
			cr.within = (uint32_t)v;
	}
	if (d->nerr > nerr0)
		return FC_OK;
	for (size_t j = 0; j < x->ncredits; j++) {
		if (strcmp(x->credits[j].id, cr.id))
			continue;
		if (j >= first) {
			fc_diag_add(d, FC_ESCHEMA, &fc_ymap_get(n, "id")->loc,
				    "duplicate credit id '%s' (first at line "
				    "%u)",
				    cr.id,
				    (unsigned)x->credits[j].node->loc.line);
			return FC_OK;
		}
		x->credits[j] = cr;
		return FC_OK;
	}
	void *g = fc_arena_grow(&r->arena, x->credits, sizeof(*x->credits),
				&x->capcredits, x->ncredits + 1);
	if (!g)
		return FC_ENOMEM;
	x->credits = g;
	x->credits[x->ncredits++] = cr;
	return FC_OK;
}

/* ---- reuse ------------------------------------------------------------- */

enum num_type { NUM_U32, NUM_U64, NUM_FRACTION };

static const struct {
	const char *key;
	enum num_type type;
	size_t off;
	long long lo, hi;
} reuse_nums[] = {
	{"shingle", NUM_U32, offsetof(struct reuse_cfg, shingle), 1, 16},
	{"hashes", NUM_U32, offsetof(struct reuse_cfg, hashes), 1, 1024},
	{"bands", NUM_U32, offsetof(struct reuse_cfg, bands), 1, 1024},
	{"sentence_hashes", NUM_U32,
	 offsetof(struct reuse_cfg, sentence_hashes), 1, 1024},
	{"sentence_bands", NUM_U32, offsetof(struct reuse_cfg, sentence_bands),
	 1, 1024},
	{"seed", NUM_U64, offsetof(struct reuse_cfg, seed), 0, (1LL << 62)},
	{"min_sentence_shingles", NUM_U32,
	 offsetof(struct reuse_cfg, min_sentence_shingles), 1, 1000},
	{"resemblance", NUM_FRACTION, offsetof(struct reuse_cfg, resemblance),
	 0, 0},
	{"resemblance_min_shingles", NUM_U32,
	 offsetof(struct reuse_cfg, resemblance_min_shingles), 1, 1000000},
	{"containment", NUM_FRACTION, offsetof(struct reuse_cfg, containment),
	 0, 0},
	{"containment_min_shingles", NUM_U32,
	 offsetof(struct reuse_cfg, containment_min_shingles), 1, 1000000},
	{"sentence_match", NUM_FRACTION,
	 offsetof(struct reuse_cfg, sentence_match), 0, 0},
	{"sentence_fraction", NUM_FRACTION,
	 offsetof(struct reuse_cfg, sentence_fraction), 0, 0},
	{"sentence_min_matched", NUM_U32,
	 offsetof(struct reuse_cfg, sentence_min_matched), 1, 1000000},
	{"max_bucket", NUM_U32, offsetof(struct reuse_cfg, max_bucket), 2,
	 100000},
	{"max_sentence_pairs", NUM_U64,
	 offsetof(struct reuse_cfg, max_sentence_pairs), 1, 1LL << 40},
};

static void read_quotes(struct fc_rules *r, struct fc_indep *x,
			const struct fc_ynode *q, struct fc_diags *d)
{
	static const char *const keys[] = {"open", "close", "max_len", NULL};
	struct reuse_cfg *c = &x->reuse;
	if (q->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &q->loc,
			    "quotes must be a mapping with 'open', 'close' "
			    "and 'max_len'");
		return;
	}
	fc_ymap_check_keys(q, keys, "quotes", d);
	const struct fc_ynode *n;
	const char **v;
	size_t nv;
	if ((n = fc_ymap_get(q, "open")) &&
	    fc_ynode_strlist(&r->arena, n, "open", &v, &nv, d)) {
		c->quote_open = v;
		c->nquote_open = nv;
	}
	if ((n = fc_ymap_get(q, "close")) &&
	    fc_ynode_strlist(&r->arena, n, "close", &v, &nv, d)) {
		c->quote_close = v;
		c->nquote_close = nv;
	}
	long long ml;
	if ((n = fc_ymap_get(q, "max_len")) &&
	    fc_ynode_int(n, "max_len", 1, 1 << 20, &ml, d))
		c->quote_max_len = (uint32_t)ml;
	for (size_t i = 0; i < c->nquote_open; i++)
		if (!c->quote_open[i][0])
			fc_diag_add(d, FC_ESCHEMA, &fc_ymap_get(q, "open")->loc,
				    "a quote mark must not be empty");
	for (size_t i = 0; i < c->nquote_close; i++)
		if (!c->quote_close[i][0])
			fc_diag_add(d, FC_ESCHEMA,
				    &fc_ymap_get(q, "close")->loc,
				    "a quote mark must not be empty");
}

static void read_reuse(struct fc_rules *r, struct fc_indep *x,
		       const struct fc_ynode *m, struct fc_diags *d)
{
	if (m->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &m->loc,
			    "reuse must be a mapping of settings");
		return;
	}
	const char *keys[sizeof(reuse_nums) / sizeof(*reuse_nums) + 3];
	size_t nk = 0;
	for (size_t i = 0; i < sizeof(reuse_nums) / sizeof(*reuse_nums); i++)
		keys[nk++] = reuse_nums[i].key;
	keys[nk++] = "quotes";
	keys[nk++] = "description";
	keys[nk] = NULL;
	fc_ymap_check_keys(m, keys, "reuse", d);
	struct reuse_cfg *c = &x->reuse;
	c->is_enabled = true;
	for (size_t i = 0; i < sizeof(reuse_nums) / sizeof(*reuse_nums); i++) {
		const struct fc_ynode *n = fc_ymap_get(m, reuse_nums[i].key);
		if (!n)
			continue;
		char *p = (char *)c + reuse_nums[i].off;
		if (reuse_nums[i].type == NUM_FRACTION) {
			double v;
			if (!fc_ynode_double(n, reuse_nums[i].key, &v, d))
				continue;
			if (!(v > 0.0 && v <= 1.0)) {
				fc_diag_add(d, FC_ESCHEMA, &n->loc,
					    "%s must be a fraction above 0 "
					    "and at most 1",
					    reuse_nums[i].key);
				continue;
			}
			memcpy(p, &v, sizeof(v));
			continue;
		}
		long long v;
		if (!fc_ynode_int(n, reuse_nums[i].key, reuse_nums[i].lo,
				  reuse_nums[i].hi, &v, d))
			continue;
		if (reuse_nums[i].type == NUM_U32) {
			uint32_t u = (uint32_t)v;
			memcpy(p, &u, sizeof(u));
		} else {
			uint64_t u = (uint64_t)v;
			memcpy(p, &u, sizeof(u));
		}
	}
	const struct fc_ynode *n;
	const char *s;
	if ((n = fc_ymap_get(m, "description")))
		fc_ynode_str(n, "description", &s, d);
	if ((n = fc_ymap_get(m, "quotes")))
		read_quotes(r, x, n, d);
	/* Signature shapes are checked here, where both numbers stand. */
	const struct fc_ynode *bn = fc_ymap_get(m, "bands");
	if (c->hashes % c->bands)
		fc_diag_add(d, FC_ESCHEMA, bn ? &bn->loc : &m->loc,
			    "bands (%u) must divide hashes (%u)", c->bands,
			    c->hashes);
	bn = fc_ymap_get(m, "sentence_bands");
	if (c->sentence_hashes % c->sentence_bands)
		fc_diag_add(d, FC_ESCHEMA, bn ? &bn->loc : &m->loc,
			    "sentence_bands (%u) must divide sentence_hashes "
			    "(%u)",
			    c->sentence_bands, c->sentence_hashes);
}

/* ---- entry points ------------------------------------------------------ */

fc_status fc_indep_add(struct fc_rules *r, const struct fc_rulefile *file,
		       struct fc_diags *d)
{
	static const char *const keys[] = {"kind",    "description",
					   "agencies", "credits",
					   "reuse",   "tests",
					   NULL};
	struct fc_srcloc floc = {file->path, 0, 0, 0};
	struct fc_indep *x = get_indep(r);
	if (!x) {
		fc_diag_add(d, FC_ENOMEM, &floc, "out of memory");
		return FC_ENOMEM;
	}
	const struct fc_ynode *root = file->root;
	size_t nerr0 = d->nerr;
	fc_ymap_check_keys(root, keys, "independence file", d);
	const struct fc_ynode *n;
	const char *s;
	if ((n = fc_ymap_get(root, "description")))
		fc_ynode_str(n, "description", &s, d);
	if ((n = fc_ymap_get(root, "agencies"))) {
		if (n->type != FC_Y_SEQ) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "agencies must be a sequence of agencies");
		} else {
			size_t first = x->nagencies;
			for (size_t i = 0; i < n->nkids; i++)
				if (add_agency(r, x, n->kids[i], first, d))
					goto nomem;
		}
	}
	if ((n = fc_ymap_get(root, "credits"))) {
		if (n->type != FC_Y_SEQ) {
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "credits must be a sequence of credits");
		} else {
			size_t first = x->ncredits;
			for (size_t i = 0; i < n->nkids; i++)
				if (add_credit(r, x, n->kids[i], first, d))
					goto nomem;
		}
	}
	if ((n = fc_ymap_get(root, "reuse")))
		read_reuse(r, x, n, d);
	return d->nerr > nerr0 ? FC_ESCHEMA : FC_OK;
nomem:
	fc_diag_add(d, FC_ENOMEM, &floc, "out of memory");
	return FC_ENOMEM;
}

/* Aliases longest first, then by bytes, so the alternation is stable. */
static int cmp_alias(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return la > lb ? -1 : 1;
	return strcmp(a, b);
}

static void add_escaped(struct fc_buf *b, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\^$.|?*+()[]{}#-/ ", *s))
			fc_buf_addc(b, '\\');
		fc_buf_addc(b, *s);
	}
}

/* Alias j of agency ag counting dateline aliases after the others. */
static const char *alias_at(const struct agency *ag, size_t j)
{
	return j < ag->naliases ? ag->aliases[j]
				: ag->dateline_aliases[j - ag->naliases];
}

static const struct fc_ynode *alias_node(const struct agency *ag, size_t j)
{
	const struct fc_ynode *l = fc_ymap_get(
		ag->node, j < ag->naliases ? "aliases" : "dateline_aliases");
	if (j >= ag->naliases)
		j -= ag->naliases;
	return l->type == FC_Y_SEQ ? l->kids[j] : l;
}

/* Report an alias that two agencies share: a credit would be ambiguous. */
static void check_aliases(const struct fc_indep *x, struct fc_diags *d)
{
	for (size_t i = 0; i < x->nagencies; i++) {
		const struct agency *ai = &x->agencies[i];
		for (size_t j = 0; j < ai->naliases + ai->ndateline_aliases;
		     j++)
			for (size_t k = 0; k < i; k++) {
				const struct agency *ak = &x->agencies[k];
				size_t m;
				for (m = 0;
				     m < ak->naliases + ak->ndateline_aliases;
				     m++)
					if (!strcmp(alias_at(ai, j),
						    alias_at(ak, m)))
						break;
				if (m == ak->naliases + ak->ndateline_aliases)
					continue;
				fc_diag_add(d, FC_ESCHEMA,
					    &alias_node(ai, j)->loc,
					    "alias '%s' of agency '%s' is also "
					    "an alias of '%s'",
					    alias_at(ai, j), ai->id, ak->id);
				break;
			}
	}
}

/*
** The alternation over every alias (and the dateline aliases when
** is_dateline), as "(?<agency>(?-i:a|b|...))", longest first.
*/
static char *agency_group(struct fc_rules *r, const struct fc_indep *x,
			  bool is_dateline)
{
	size_t n = 0;
	for (size_t i = 0; i < x->nagencies; i++)
		n += x->agencies[i].naliases +
		     (is_dateline ? x->agencies[i].ndateline_aliases : 0);
	const char **all = fc_arena_alloc(&r->arena, (n + 1) * sizeof(*all));
	if (!all)
		return NULL;
	n = 0;
	for (size_t i = 0; i < x->nagencies; i++) {
		const struct agency *ag = &x->agencies[i];
		size_t m = ag->naliases +
			   (is_dateline ? ag->ndateline_aliases : 0);
		for (size_t j = 0; j < m; j++)
			all[n++] = alias_at(ag, j);
	}
	if (n)
		qsort(all, n, sizeof(*all), cmp_alias);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "(?<agency>(?-i:");
	if (!n)
		fc_buf_adds(&b, "(*FAIL)");
	for (size_t i = 0; i < n; i++) {
		if (i && !strcmp(all[i], all[i - 1]))
			continue;
		if (i)
			fc_buf_addc(&b, '|');
		add_escaped(&b, all[i]);
	}
	fc_buf_adds(&b, "))");
	char *out = b.err ? NULL : fc_arena_strdup(&r->arena, fc_buf_cstr(&b));
	fc_buf_finish(&b);
	return out;
}

/* Compile one credit; errors point into the YAML pattern scalar. */
static void compile_credit(struct fc_rules *r, struct fc_indep *x,
			   struct credit *cr, char *const *groups,
			   pcre2_compile_context *cc, struct fc_diags *d)
{
	/* The first placeholder, and no second one. */
	const char *at = NULL;
	size_t tok = 0;
	for (const char *p = cr->pattern; *p; p++)
		for (size_t t = 0; t < 2; t++) {
			if (strncmp(p, tokens[t], strlen(tokens[t])))
				continue;
			if (at) {
				struct fc_srcloc l = fc_ynode_loc_at(
					cr->pattern_node,
					(size_t)(p - cr->pattern));
				fc_diag_add(d, FC_ESCHEMA, &l,
					    "credit '%s' uses an agency "
					    "placeholder more than once",
					    cr->id);
				return;
			}
			at = p;
			tok = t;
		}
	size_t toklen = at ? strlen(tokens[tok]) : 0;
	const char *group = groups[tok];
	if (cr->agency) {
		bool is_known = false;
		for (size_t i = 0; i < x->nagencies; i++)
			is_known |= !strcmp(x->agencies[i].id, cr->agency);
		if (!is_known) {
			const char *best = nearest_agency(x, cr->agency);
			if (best)
				fc_diag_add(d, FC_ESCHEMA,
					    &cr->agency_node->loc,
					    "unknown agency '%s' (did you "
					    "mean '%s'?)",
					    cr->agency, best);
			else
				fc_diag_add(d, FC_ESCHEMA,
					    &cr->agency_node->loc,
					    "unknown agency '%s'", cr->agency);
			return;
		}
	}
	size_t pos = at ? (size_t)(at - cr->pattern) : 0;
	size_t glen = at ? strlen(group) : 0;
	char *pat = at ? fc_arena_printf(&r->arena, "%.*s%s%s", (int)pos,
					 cr->pattern, group, at + toklen)
		       : (char *)cr->pattern;
	if (!pat) {
		fc_diag_add(d, FC_ENOMEM, &cr->node->loc, "out of memory");
		return;
	}
	int err;
	PCRE2_SIZE eoff;
	cr->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
			       PCRE2_UTF | PCRE2_MATCH_INVALID_UTF |
				       PCRE2_MULTILINE,
			       &err, &eoff, cc);
	if (!cr->re) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof(msg));
		size_t off = eoff;
		if (at && off >= pos + glen)
			off = off - glen + toklen;
		else if (at && off > pos)
			off = pos;
		struct fc_srcloc l = fc_ynode_loc_at(cr->pattern_node, off);
		fc_diag_add(d, FC_EREGEX, &l, "bad pattern in credit '%s': %s",
			    cr->id, (const char *)msg);
		return;
	}
	int has_byline = pcre2_substring_number_from_name(
				 cr->re, (PCRE2_SPTR) "byline") > 0;
	if (!at && !cr->agency && !has_byline) {
		fc_diag_add(d, FC_ESCHEMA, &cr->pattern_node->loc,
			    "credit '%s' names no agency: use {agency} in "
			    "the pattern, a group (?<byline>...), or "
			    "'agency:'",
			    cr->id);
		pcre2_code_free(cr->re);
		cr->re = NULL;
		return;
	}
	pcre2_jit_compile(cr->re, PCRE2_JIT_COMPLETE);
	cr->is_compiled_ok = true;
}

fc_status fc_indep_compile(struct fc_rules *r, struct fc_diags *d)
{
	struct fc_indep *x = r->indep;
	if (!x)
		return FC_OK;
	size_t nerr0 = d->nerr;
	check_aliases(x, d);
	char *groups[2] = {agency_group(r, x, false), agency_group(r, x, true)};
	pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
	x->mctx = pcre2_match_context_create(NULL);
	x->md = pcre2_match_data_create(32, NULL);
	if (!groups[0] || !groups[1] || !cc || !x->mctx || !x->md) {
		pcre2_compile_context_free(cc);
		fc_diag_add(d, FC_ENOMEM, NULL, "out of memory");
		return FC_ENOMEM;
	}
	pcre2_set_newline(cc, PCRE2_NEWLINE_ANYCRLF);
	pcre2_set_match_limit(x->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(x->mctx, DEPTH_LIMIT);
	for (size_t i = 0; i < x->ncredits; i++)
		if (x->credits[i].pattern)
			compile_credit(r, x, &x->credits[i], groups, cc, d);
	pcre2_compile_context_free(cc);
	return d->nerr > nerr0 ? FC_ESCHEMA : FC_OK;
}

void fc_indep_destroy(struct fc_indep *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->ncredits; i++)
		pcre2_code_free(x->credits[i].re);
	pcre2_match_data_free(x->md);
	pcre2_match_context_free(x->mctx);
	/* Everything else lives in the rules arena. */
}
