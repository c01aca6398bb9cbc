/*
** load.c: `kind: claims` rule files -> compiled claim rules.
**
**   kind: claims
**   description: ...
**   facts:                            # the fact schema (schema.c)
**     call: {participants: {type: list, required: true, min_items: 2},
**            date: time}
**   claims:
**     - id: call.spoke-with           # unique; a later file may replace it
**       fact: call                    # a kind of some file's `facts:`
**       pattern: '...'                # or a list of alternative patterns
**       priority: 10                  # optional, higher first (default 0)
**       requires: '(?i)\bphone'       # optional prefilter: the patterns
**                                     # run only on sentences it matches
**       each: b                       # optional: one fact per item of b
**       slots:
**         participants: [a, b]        # named groups (shorthand)
**         date: sentence              # a `from:` keyword (shorthand)
**         parties: {group: [a, b], as: country}
**         mission: {group: m, map: {embassy: [embassy, embassies]}}
**         type: {value: strategic partnership}
**         date: {group: ago, before: published}
**         date: {from: sentence, item_of: last}  # only for items of `last`
**   tests: [...]
**
** A rule may use `mentions: quote` instead of `pattern:`: it fires once
** per quote mention with a speaker (slots from: speaker, quote, sentence).
**
** fc_claims_add reads the `facts:` schema and collects the rules;
** fc_claims_compile compiles the rules once every file (and so every
** fact kind) is in. Everything is checked and reported with its
** position; a rule with an error is not kept, the loader carries on
** with the next one.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims_p.h"

static const char *const file_keys[] = {"kind",	 "description",
					"facts",	 "placeholders",
					"claims",	 "tests",
					NULL};
static const char *const rule_keys[] = {"id",	    "fact",  "description",
					"pattern",  "mentions", "priority",
					"requires", "each",  "slots",
					NULL};

void cl_load_err(struct loader *ld, fc_status code,
		 const struct fc_srcloc *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fc_diag_vadd(ld->d, code, FC_SEV_ERROR, loc, fmt, ap);
	va_end(ap);
	ld->nerr++;
}

static fc_status claims_get(struct fc_rules *r, struct fc_claims **out)
{
	if (!r->claims) {
		r->claims = calloc(1, sizeof(*r->claims));
		if (!r->claims)
			return FC_ENOMEM;
		r->claims->jit = (struct fc_lazy_policy){
			CL_JIT_SIZE_PCT, CL_JIT_MATCHES, false};
	}
	*out = r->claims;
	return FC_OK;
}

/* ---- Patterns ------------------------------------------------------------ */

/* Offset of the named group's opening in the pattern as written. */
static size_t group_offset(const char *src, const char *name)
{
	static const char *const opens[] = {"(?<", "(?'", "(?P<"};
	size_t n = strlen(name);
	for (const char *p = src; *p; p++)
		for (size_t k = 0; k < 3; k++) {
			size_t ol = strlen(opens[k]);
			if (!strncmp(p, opens[k], ol) &&
			    !strncmp(p + ol, name, n) &&
			    (p[ol + n] == '>' || p[ol + n] == '\''))
				return (size_t)(p - src);
		}
	return 0;
}

static void report_expand(struct loader *ld, const struct fc_ynode *n,
			  const struct expand_err *e)
{
	struct fc_srcloc l = fc_ynode_loc_at(n, e->off);
	l.len = e->len ? (uint32_t)e->len : 1;
	if (e->code == FC_ENOMEM)
		cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
	else if (e->is_silent)
		ld->nerr++; /* reported where the placeholder is defined */
	else if (e->code == FC_ELIMIT)
		cl_load_err(ld, FC_ESCHEMA, &l,
		    "placeholder {%s} nests deeper than 8 levels (is it "
		    "defined through itself?)",
		    e->name);
	else if (e->suggest)
		cl_load_err(ld, FC_ESCHEMA, &l,
		    "unknown placeholder {%s} (did you mean {%s}?)", e->name,
		    e->suggest);
	else
		cl_load_err(ld, FC_ESCHEMA, &l, "unknown placeholder {%s}", e->name);
}

/* Compile one pattern scalar (no JIT: jit.c makes a copy once the
** regex is hot); false (error reported) on failure. */
static bool compile_one(struct loader *ld, const struct fc_ynode *n,
			pcre2_code **out, struct cl_lazylits *lits)
{
	char *x;
	size_t *map, xlen;
	struct expand_err e;
	*out = NULL;
	fc_status st = cl_expand_placeholders(ld->cl, n->str, n->len, &x, &map,
					   &xlen, &e);
	if (st) {
		report_expand(ld, n, &e);
		return false;
	}
	int ecode;
	size_t eoff;
	pcre2_code *code = cl_compile_cached(ld->cl, x, xlen, &ecode, &eoff);
	if (!code) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ecode, msg, sizeof(msg));
		size_t off = eoff <= xlen ? map[eoff] : n->len;
		struct fc_srcloc l = fc_ynode_loc_at(n, off);
		cl_load_err(ld, FC_EREGEX, &l, "bad regex: %s", (const char *)msg);
	} else if (lits) {
		const char *src = fc_arena_strndup(ld->a, x, xlen);
		if (src)
			cl_lazylits_init(lits, src, xlen);
		else
			cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
	}
	free(x);
	free(map);
	*out = code;
	return code != NULL;
}

/* Add the group names of code to rule->names (deduplicated). */
static bool collect_names(struct loader *ld, struct rule *ru,
			  pcre2_code *code, size_t *capnames)
{
	uint32_t count = 0, esize = 0;
	PCRE2_SPTR table = NULL;
	pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &esize);
	pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
	for (uint32_t i = 0; i < count; i++) {
		const char *name = (const char *)table + i * esize + 2;
		size_t j;
		for (j = 0; j < ru->nnames; j++)
			if (!strcmp(ru->names[j], name))
				break;
		if (j < ru->nnames)
			continue;
		void *g = fc_arena_grow(ld->a, ru->names, sizeof(*ru->names),
					capnames, ru->nnames + 1);
		if (!g)
			return false;
		ru->names = g;
		ru->names[ru->nnames] = fc_arena_strdup(ld->a, name);
		if (!ru->names[ru->nnames])
			return false;
		ru->nnames++;
	}
	return true;
}

/* Group numbers of every rule name in pattern p. */
static bool map_groups(struct loader *ld, struct rule *ru, struct pattern *p)
{
	p->gnum = fc_arena_alloc(ld->a, (ru->nnames + 1) * sizeof(*p->gnum));
	p->ngnum = fc_arena_alloc(ld->a, (ru->nnames + 1) * sizeof(*p->ngnum));
	if (!p->gnum || !p->ngnum)
		return false;
	for (size_t i = 0; i < ru->nnames; i++) {
		PCRE2_SPTR first, last;
		int esize = pcre2_substring_nametable_scan(
			p->re.code, (PCRE2_SPTR)ru->names[i], &first, &last);
		if (esize <= 0)
			continue;
		size_t n = (size_t)(last - first) / (size_t)esize + 1;
		p->gnum[i] = fc_arena_alloc(ld->a, n * sizeof(**p->gnum));
		if (!p->gnum[i])
			return false;
		for (size_t k = 0; k < n; k++) {
			PCRE2_SPTR e = first + k * (size_t)esize;
			p->gnum[i][k] = (uint32_t)(e[0] << 8 | e[1]);
		}
		p->ngnum[i] = n;
	}
	return true;
}

/* ---- Rules --------------------------------------------------------------- */

static bool parse_each(struct loader *ld, struct rule *ru,
		       const struct fc_ynode *n)
{
	const char **v;
	size_t nv;
	if (!fc_ynode_strlist(ld->a, n, "each", &v, &nv, ld->d)) {
		ld->nerr++;
		return false;
	}
	ru->each = fc_arena_alloc(ld->a, (nv + 1) * sizeof(*ru->each));
	if (!ru->each)
		return false;
	bool ok = true;
	for (size_t i = 0; i < nv; i++) {
		int gi = cl_name_index(ru, v[i]);
		const struct fc_ynode *at = n->type == FC_Y_SEQ ? n->kids[i] : n;
		if (gi < 0 && ru->is_broken) {
			ok = false;
			continue;
		}
		if (gi < 0) {
			cl_load_err(ld, FC_ESCHEMA, &at->loc,
			    "each names group '%s', which no pattern of rule "
			    "'%s' defines",
			    v[i], ru->id);
			ok = false;
			continue;
		}
		ru->each[ru->neach++] = gi;
	}
	return ok;
}

static bool group_used(const struct rule *ru, size_t gi)
{
	for (size_t i = 0; i < ru->neach; i++)
		if ((size_t)ru->each[i] == gi)
			return true;
	for (size_t i = 0; i < ru->nslots; i++)
		for (size_t k = 0; k < ru->slots[i].ngroups; k++)
			if ((size_t)ru->slots[i].groups[k] == gi)
				return true;
	return false;
}

static bool parse_patterns(struct loader *ld, struct rule *ru,
			   const struct fc_ynode *n,
			   const struct fc_ynode ***nodes)
{
	size_t np = n->type == FC_Y_SEQ ? n->nkids : 1;
	if (n->type == FC_Y_MAP || np == 0) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "pattern must be a string or a list of strings");
		return false;
	}
	ru->pats = fc_arena_alloc(ld->a, np * sizeof(*ru->pats));
	*nodes = fc_arena_alloc(ld->a, np * sizeof(**nodes));
	if (!ru->pats || !*nodes)
		return false;
	bool ok = true;
	size_t capnames = 0;
	for (size_t i = 0; i < np; i++) {
		const struct fc_ynode *pn = n->type == FC_Y_SEQ ? n->kids[i] : n;
		const char *s;
		if (!fc_ynode_str(pn, "pattern", &s, ld->d)) {
			ld->nerr++;
			ok = false;
			continue;
		}
		pcre2_code *code;
		struct cl_lazylits *lits = &ru->pats[ru->npats].lits;
		if (!compile_one(ld, pn, &code, lits)) {
			ok = false;
			continue;
		}
		(*nodes)[ru->npats] = pn;
		fc_lazy_re_init(&ru->pats[ru->npats++].re, code);
		if (!collect_names(ld, ru, code, &capnames))
			return false;
	}
	ru->is_broken = !ok;
	return ok;
}

/* `requires:` a regex without named groups, run before the patterns. */
static void parse_requires(struct loader *ld, struct rule *ru,
			   const struct fc_ynode *n)
{
	const char *s;
	if (!fc_ynode_str(n, "requires", &s, ld->d)) {
		ld->nerr++;
		return;
	}
	pcre2_code *code;
	if (!compile_one(ld, n, &code, NULL))
		return;
	ru->req = fc_arena_alloc(ld->a, sizeof(*ru->req));
	if (!ru->req) {
		pcre2_code_free(code);
		cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
		return;
	}
	fc_lazy_re_init(ru->req, code);
	uint32_t count = 0;
	pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
	if (count)
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "requires is a prefilter: it takes no named groups");
}

static void free_codes(struct rule *ru)
{
	if (ru->req)
		fc_lazy_re_free(ru->req);
	ru->req = NULL;
	for (size_t i = 0; i < ru->npats; i++) {
		fc_lazy_re_free(&ru->pats[i].re);
		cl_lazylits_free(&ru->pats[i].lits);
	}
}

static bool keep_rule(struct loader *ld, struct rule *ru)
{
	struct fc_claims *cl = ld->cl;
	if (cl->nrules == cl->caprules) {
		size_t ncap = cl->caprules ? cl->caprules * 2 : 64;
		struct rule **v = realloc(cl->rules, ncap * sizeof(*v));
		if (!v)
			return false;
		cl->rules = v;
		cl->caprules = ncap;
	}
	for (size_t i = 0; i < cl->nrules; i++)
		if (!strcmp(cl->rules[i]->id, ru->id))
			cl->rules[i]->is_replaced = true;
	ru->seq = cl->nrules;
	cl->rules[cl->nrules++] = ru;
	return true;
}

static void load_rule(struct loader *ld, const struct fc_ynode *n)
{
	if (n->type != FC_Y_MAP) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc, "a claim rule must be a mapping");
		return;
	}
	size_t nerr0 = ld->nerr;
	if (fc_ymap_check_keys(n, rule_keys, "claim rule", ld->d))
		ld->nerr++;
	struct rule *ru = fc_arena_alloc(ld->a, sizeof(*ru));
	if (!ru) {
		cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
		return;
	}
	ru->file = ld->file->path;
	ru->loc = n->loc;
	const struct fc_ynode *idn = fc_ymap_get(n, "id");
	const struct fc_ynode *fn = fc_ymap_get(n, "fact");
	const struct fc_ynode *pn = fc_ymap_get(n, "pattern");
	const struct fc_ynode *mn = fc_ymap_get(n, "mentions");
	const struct fc_ynode *prn = fc_ymap_get(n, "priority");
	const struct fc_ynode *rqn = fc_ymap_get(n, "requires");
	const struct fc_ynode *en = fc_ymap_get(n, "each");
	const struct fc_ynode *sn = fc_ymap_get(n, "slots");
	if (!idn)
		cl_load_err(ld, FC_ESCHEMA, &n->loc, "claim rule needs an 'id'");
	else if (!fc_ynode_str(idn, "id", &ru->id, ld->d))
		ld->nerr++;
	const char *fact = NULL;
	if (!fn)
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "claim rule '%s' needs a 'fact' kind",
		    ru->id ? ru->id : "?");
	else if (!fc_ynode_str(fn, "fact", &fact, ld->d))
		ld->nerr++;
	if (fact && !(ru->kind = cl_schema_kind(ld->cl, fact)))
		cl_schema_unknown_kind(ld, fn, fact);
	if (prn && !fc_ynode_int(prn, "priority", -1000, 1000, &ru->priority,
				 ld->d))
		ld->nerr++;
	const struct fc_ynode **pnodes = NULL;
	if (pn && mn) {
		cl_load_err(ld, FC_ESCHEMA, &mn->loc,
		    "give 'pattern:' or 'mentions:', not both");
		ru->is_broken = true; /* no follow-on errors about groups */
	} else if (mn) {
		const char *s;
		ru->source = SRC_QUOTE;
		if (!fc_ynode_str(mn, "mentions", &s, ld->d))
			ld->nerr++;
		else if (strcmp(s, "quote"))
			cl_load_err(ld, FC_ESCHEMA, &mn->loc,
			    "mentions must be 'quote', not '%s'", s);
	} else if (pn) {
		if (!parse_patterns(ld, ru, pn, &pnodes) && ld->nerr == nerr0)
			cl_load_err(ld, FC_ENOMEM, &pn->loc, "out of memory");
	} else {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "claim rule '%s' needs a 'pattern' (or 'mentions: quote')",
		    ru->id ? ru->id : "?");
	}
	if (rqn)
		parse_requires(ld, ru, rqn);
	if (en)
		parse_each(ld, ru, en);
	if (!sn) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc, "claim rule '%s' needs 'slots'",
		    ru->id ? ru->id : "?");
	} else if (sn->type != FC_Y_MAP) {
		cl_load_err(ld, FC_ESCHEMA, &sn->loc,
		    "slots must be a mapping of slot name to its filling");
	} else if (ru->kind) {
		ru->slots = fc_arena_alloc(ld->a, (sn->nkids / 2 + 1) *
							  sizeof(*ru->slots));
		if (!ru->slots) {
			cl_load_err(ld, FC_ENOMEM, &sn->loc, "out of memory");
		} else {
			for (size_t i = 0; i + 1 < sn->nkids; i += 2)
				if (cl_parse_spec(ld, ru, &ru->slots[ru->nslots],
					       sn->kids[i], sn->kids[i + 1]))
					ru->nslots++;
		}
	}
	/* every named group must feed a slot */
	if (ru->kind && sn && sn->type == FC_Y_MAP && ld->nerr == nerr0)
		for (size_t gi = 0; gi < ru->nnames; gi++) {
			if (group_used(ru, gi))
				continue;
			for (size_t k = 0; k < ru->npats; k++) {
				if (pcre2_substring_number_from_name(
					    ru->pats[k].re.code,
					    (PCRE2_SPTR)ru->names[gi]) < 0)
					continue;
				size_t off = group_offset(pnodes[k]->str,
							  ru->names[gi]);
				struct fc_srcloc l =
					fc_ynode_loc_at(pnodes[k], off);
				cl_load_err(ld, FC_ESCHEMA, &l,
				    "named group '%s' is not used by any slot",
				    ru->names[gi]);
				break;
			}
		}
	for (size_t k = 0; k < ru->npats && ld->nerr == nerr0; k++)
		if (!map_groups(ld, ru, &ru->pats[k]))
			cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
	if (ld->nerr != nerr0 || !keep_rule(ld, ru)) {
		if (ld->nerr == nerr0)
			cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
		free_codes(ru);
	}
}

/* ---- Files --------------------------------------------------------------- */

static bool valid_ph_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || *s == '_'))
			return false;
	return true;
}

static void add_placeholders(struct loader *ld, const struct fc_ynode *n)
{
	struct fc_claims *cl = ld->cl;
	if (n->type != FC_Y_MAP) {
		cl_load_err(ld, FC_ESCHEMA, &n->loc,
		    "placeholders must be a mapping of NAME to a regex "
		    "fragment");
		return;
	}
	for (size_t i = 0; i + 1 < n->nkids; i += 2) {
		const struct fc_ynode *k = n->kids[i], *v = n->kids[i + 1];
		const char *frag;
		if (!valid_ph_name(k->str)) {
			cl_load_err(ld, FC_ESCHEMA, &k->loc,
			    "placeholder name '%s' must be upper-case letters "
			    "and '_'",
			    k->str);
			continue;
		}
		if (cl_is_builtin_placeholder(k->str, k->len)) {
			cl_load_err(ld, FC_ESCHEMA, &k->loc,
			    "placeholder {%s} is built in and cannot be "
			    "redefined",
			    k->str);
			continue;
		}
		if (!fc_ynode_str(v, "a placeholder", &frag, ld->d)) {
			ld->nerr++;
			continue;
		}
		if (cl->nphs == cl->capphs) {
			size_t ncap = cl->capphs ? cl->capphs * 2 : 16;
			struct user_ph *g = realloc(cl->phs, ncap * sizeof(*g));
			if (!g) {
				cl_load_err(ld, FC_ENOMEM, &k->loc, "out of memory");
				return;
			}
			cl->phs = g;
			cl->capphs = ncap;
		}
		for (size_t j = 0; j < cl->nphs; j++)
			if (!strcmp(cl->phs[j].name, k->str))
				cl->phs[j].is_replaced = true;
		cl->phs[cl->nphs++] = (struct user_ph){
			.name = k->str, .node = v, .file = *ld->file};
	}
}

static void add_rule_src(struct loader *ld, const struct fc_ynode *n)
{
	struct fc_claims *cl = ld->cl;
	const char *id = NULL;
	const struct fc_ynode *idn = fc_ymap_get(n, "id");
	if (idn && idn->type == FC_Y_SCALAR)
		id = idn->str;
	/* a duplicate id within one file is an error; across files the
	** later rule replaces the earlier one */
	for (size_t i = 0; id && i < cl->nsrcs; i++) {
		const struct rule_src *o = &cl->srcs[i];
		if (!o->id || strcmp(o->id, id))
			continue;
		if (!strcmp(o->file.path, ld->file->path)) {
			cl_load_err(ld, FC_ESCHEMA, &idn->loc,
			    "duplicate rule id '%s' (first at line %u)", id,
			    (unsigned)fc_ymap_get(o->node, "id")->loc.line);
			return;
		}
	}
	for (size_t i = 0; id && i < cl->nsrcs; i++)
		if (cl->srcs[i].id && !strcmp(cl->srcs[i].id, id))
			cl->srcs[i].is_replaced = true;
	if (cl->nsrcs == cl->capsrcs) {
		size_t ncap = cl->capsrcs ? cl->capsrcs * 2 : 64;
		struct rule_src *g = realloc(cl->srcs, ncap * sizeof(*g));
		if (!g) {
			cl_load_err(ld, FC_ENOMEM, &n->loc, "out of memory");
			return;
		}
		cl->srcs = g;
		cl->capsrcs = ncap;
	}
	cl->srcs[cl->nsrcs++] = (struct rule_src){
		.id = id, .node = n, .file = *ld->file};
}

fc_status fc_claims_add(struct fc_rules *r, const struct fc_rulefile *file,
			struct fc_diags *d)
{
	struct loader ld = {.r = r, .file = file, .d = d, .a = &r->arena};
	if (claims_get(r, &ld.cl)) {
		fc_diag_add(d, FC_ENOMEM, NULL, "out of memory");
		return FC_ENOMEM;
	}
	const struct fc_ynode *root = file->root;
	if (!root)
		return FC_OK;
	if (fc_ymap_check_keys(root, file_keys, "claims file", d))
		ld.nerr++;
	const struct fc_ynode *cn = fc_ymap_get(root, "claims");
	const struct fc_ynode *dn = fc_ymap_get(root, "description");
	const struct fc_ynode *pn = fc_ymap_get(root, "placeholders");
	const struct fc_ynode *fn = fc_ymap_get(root, "facts");
	const char *s;
	if (dn && !fc_ynode_str(dn, "description", &s, d))
		ld.nerr++;
	if (fn)
		cl_schema_add(&ld, fn);
	if (pn)
		add_placeholders(&ld, pn);
	if (cn && cn->type != FC_Y_SEQ && !fc_ynode_is_null(cn))
		cl_load_err(&ld, FC_ESCHEMA, &cn->loc,
		    "claims must be a list of claim rules");
	else if (cn && cn->type == FC_Y_SEQ)
		for (size_t i = 0; i < cn->nkids; i++)
			add_rule_src(&ld, cn->kids[i]);
	return ld.nerr ? FC_ESCHEMA : FC_OK;
}

/* A user placeholder must compile on its own. */
static void check_placeholder(struct loader *ld, struct user_ph *ph)
{
	ld->file = &ph->file;
	size_t nerr0 = ld->nerr;
	pcre2_code *code = NULL;
	ph->is_checked = true;
	if (compile_one(ld, ph->node, &code, NULL))
		pcre2_code_free(code);
	ph->is_broken = ld->nerr != nerr0;
}

static int cmp_rule(const void *x, const void *y)
{
	const struct rule *a = *(struct rule *const *)x;
	const struct rule *b = *(struct rule *const *)y;
	if (a->priority != b->priority)
		return a->priority > b->priority ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

fc_status fc_claims_compile(struct fc_rules *r, struct fc_diags *d)
{
	struct fc_claims *cl = r->claims;
	if (!cl)
		return FC_OK;
	struct loader ld = {.r = r, .cl = cl, .d = d, .a = &r->arena};
	for (size_t i = 0; i < cl->nphs; i++)
		if (!cl->phs[i].is_replaced && !cl->phs[i].is_checked)
			check_placeholder(&ld, &cl->phs[i]);
	for (size_t i = 0; i < cl->nsrcs; i++) {
		if (cl->srcs[i].is_replaced)
			continue;
		ld.file = &cl->srcs[i].file;
		load_rule(&ld, cl->srcs[i].node);
	}
	cl->nsrcs = 0; /* compiled: a second compile adds nothing */
	free(cl->active);
	cl->active = malloc((cl->nrules + 1) * sizeof(*cl->active));
	if (!cl->active) {
		cl_cache_done(cl);
		fc_diag_add(d, FC_ENOMEM, NULL, "out of memory");
		return FC_ENOMEM;
	}
	cl->nactive = 0;
	cl->maxpairs = 1;
	for (size_t i = 0; i < cl->nrules; i++) {
		struct rule *ru = cl->rules[i];
		if (ru->is_replaced)
			continue;
		cl->active[cl->nactive++] = ru;
		for (size_t k = 0; k < ru->npats; k++) {
			uint32_t cc = 0;
			pcre2_pattern_info(ru->pats[k].re.code,
					   PCRE2_INFO_CAPTURECOUNT, &cc);
			if (cc + 1 > cl->maxpairs)
				cl->maxpairs = cc + 1;
		}
	}
	qsort(cl->active, cl->nactive, sizeof(*cl->active), cmp_rule);
	cl_cache_done(cl);
	return ld.nerr ? FC_ESCHEMA : FC_OK;
}

void fc_claims_destroy(struct fc_claims *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nrules; i++)
		free_codes(c->rules[i]);
	free(c->rules);
	free(c->active);
	free(c->srcs);
	free(c->phs);
	free(c->kinds);
	cl_cache_done(c); /* nothing, unless a compile stopped short */
	free(c);
}
