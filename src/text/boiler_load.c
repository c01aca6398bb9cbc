/*
** boiler_load.c: `kind: boilerplate` rule files -> struct fc_boiler.
**
**   kind: boilerplate
**   description: ...
**   abbreviations: [Mr., Dr., Gen.]       # a period after them never
**                                         # ends a sentence
**   final_abbreviations: [U.S., Inc.]     # ends one only before a
**                                         # sentence starter
**   sentence_starters: [The, He, It]
**   rules:
**     - id: advertisement                # unique; a later file's rule
**       description: ...                 # with this id replaces it
**       pattern: '^ADVERTISEMENT$'       # PCRE2 (or a list: any
**                                        # matches) over one block
**       action: drop                     # drop | drop-next | drop-rest
**                                        # | keep
**       next: 1                          # drop-next: blocks after it
**       max_length: 300                  # longer blocks never match
**       enabled: true                    # false switches a rule off
**     - id: heading
**       heuristic: heading               # heading | duplicate
**       max_length: 160
**       final: ".!?…:"                   # what ends a sentence
**       title_min_words: 3
**   tests: [...]                         # golden cases (factcross test)
**
** Patterns are compiled here, so a bad one points into its YAML scalar.
** They run on the interpreter until they prove hot (text_boiler_match).
*/
#include <stdlib.h>
#include <string.h>

#include "text/text_p.h"

#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 2000u
#define DEFAULT_MAX_LENGTH 300u
#define DEFAULT_HEADING_MAX 160u
#define DEFAULT_FINAL ".!?\xE2\x80\xA6:"
#define DEFAULT_TITLE_WORDS 3u

static const char *const file_keys[] = {
	"kind", "description", "tests", "rules", "abbreviations",
	"final_abbreviations", "sentence_starters", NULL,
};

static const char *const rule_keys[] = {
	"id", "description", "pattern", "action", "next", "max_length",
	"enabled", "heuristic", "final", "title_min_words", NULL,
};

static struct fc_boiler *boiler_get(struct fc_rules *r)
{
	if (r->boiler)
		return r->boiler;
	struct fc_boiler *b = calloc(1, sizeof(*b));
	if (!b)
		return NULL;
	b->mctx = pcre2_match_context_create(NULL);
	if (!b->mctx) {
		free(b);
		return NULL;
	}
	pcre2_set_match_limit(b->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(b->mctx, DEPTH_LIMIT);
	r->boiler = b;
	return b;
}

static void rule_free_codes(struct brule *br)
{
	for (size_t i = 0; i < br->ncodes; i++) {
		fc_lazy_re_free(&br->codes[i]);
	}
	br->ncodes = 0;
}

void fc_boiler_destroy(struct fc_boiler *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nrules; i++)
		rule_free_codes(&b->rules[i]);
	pcre2_match_context_free(b->mctx);
	free(b);
}

/* Words of a list key into w; each must be one word (and end with '.'
** when is_abbrev). */
static void read_words(struct fc_rules *r, struct wordset *w,
		       const struct fc_ynode *n, const char *key,
		       bool is_abbrev, struct fc_diags *d)
{
	const char **v;
	size_t nv;
	if (!n || !fc_ynode_strlist(&r->arena, n, key, &v, &nv, d))
		return;
	for (size_t i = 0; i < nv; i++) {
		const struct fc_ynode *k = n->type == FC_Y_SEQ ? n->kids[i] : n;
		const char *s = v[i];
		if (!s)
			continue;
		size_t len = strlen(s);
		if (!len || strpbrk(s, " \t\n")) {
			fc_diag_add(d, FC_ESCHEMA, &k->loc,
				    "%s: '%s' must be one word", key, s);
			continue;
		}
		if (is_abbrev && s[len - 1] != '.') {
			fc_diag_add(d, FC_ESCHEMA, &k->loc,
				    "%s: '%s' must end with '.'", key, s);
			continue;
		}
		void *g = fc_arena_grow(&r->arena, w->v, sizeof(*w->v), &w->cap,
					w->n + 1);
		if (!g) {
			fc_diag_add(d, FC_ENOMEM, &k->loc, "out of memory");
			return;
		}
		w->v = g;
		w->v[w->n++] = s;
	}
}

static bool compile_pattern(struct fc_rules *r, struct brule *br,
			    const struct fc_ynode *n, struct fc_diags *d)
{
	const char **v;
	size_t nv;
	if (!fc_ynode_strlist(&r->arena, n, "pattern", &v, &nv, d))
		return false;
	if (nv == 0) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "pattern must not be an empty list");
		return false;
	}
	br->codes = fc_arena_alloc(&r->arena, nv * sizeof(*br->codes));
	if (!br->codes)
		return false;
	bool ok = true;
	for (size_t i = 0; i < nv; i++) {
		const struct fc_ynode *k = n->type == FC_Y_SEQ ? n->kids[i] : n;
		int err;
		PCRE2_SIZE off;
		pcre2_code *c = pcre2_compile((PCRE2_SPTR)v[i],
					      PCRE2_ZERO_TERMINATED,
					      PCRE2_UTF | PCRE2_UCP, &err, &off,
					      NULL);
		if (!c) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(err, msg, sizeof(msg));
			struct fc_srcloc l = fc_ynode_loc_at(k, off);
			fc_diag_add(d, FC_EREGEX, &l,
				    "bad regular expression in rule '%s': %s",
				    br->id, (const char *)msg);
			ok = false;
			continue;
		}
		fc_lazy_re_init(&br->codes[br->ncodes++], c);
	}
	return ok;
}

/* ---- Lazy JIT --------------------------------------------------------- */

/*
** JIT-compiling the 41 built-in patterns at every load took 7.9 M
** instructions, most of a warm start-up's boilerplate cost, and
** `normalize` runs none of them. So a pattern runs on the interpreter
** while its tries, this one included, have been given fewer subject
** bytes than its code has bytes, and it has matched fewer than
** 4 times, as the claim regexes do (src/claims/jit.c); then it runs on
** a JIT copy (core/lazyre.h: made once, and a try one engine gives up
** on runs on the other).
**
** Measured (callgrind, warm cache, 1 thread, `verify --no-db`): the seed
** corpus 279.3 M with every pattern JIT-compiled at load, 279.3 M lazy;
** 120 ECB+ articles 1,184.6 M and 1,178.6 M; with budgets of 50 and 200
** times the code's size (the try's own bytes not counted), 1,226.2 M
** and 1,311.1 M (the interpreter is dear on the many short blocks).
** Four 1 MB blocks (dashes, one letter, capitalised words, digits):
** text_boiler_apply 159.2 M both ways (the long first try counts, so no
** block is interpreted whole).
*/
const struct fc_lazy_policy text_boiler_jit = {100, 4, true};

static bool read_final(struct fc_rules *r, struct brule *br,
		       const struct fc_ynode *n, struct fc_diags *d)
{
	const char *s = DEFAULT_FINAL;
	if (n && !fc_ynode_str(n, "final", &s, d))
		return false;
	size_t len = strlen(s);
	br->final = fc_arena_alloc(&r->arena, (len + 1) * sizeof(*br->final));
	if (!br->final)
		return false;
	for (size_t i = 0; i < len;) {
		size_t k;
		br->final[br->nfinal++] =
			text_decode((const unsigned char *)s + i, len - i, &k);
		i += k;
	}
	if (br->nfinal == 0) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc, "final must not be empty");
		return false;
	}
	return true;
}

/* Keys that make no sense for this kind of rule. */
static void check_applicable(const struct fc_ynode *m, const struct brule *br,
			     struct fc_diags *d)
{
	static const struct {
		const char *key;
		int kinds; /* bit per enum brule_kind */
	} only[] = {
		{"pattern", 1 << BR_PATTERN},
		{"action", 1 << BR_PATTERN},
		{"next", 1 << BR_PATTERN},
		{"final", 1 << BR_HEADING},
		{"title_min_words", 1 << BR_HEADING},
		{"max_length", 1 << BR_PATTERN | 1 << BR_HEADING},
	};
	for (size_t i = 0; i < sizeof(only) / sizeof(*only); i++) {
		const struct fc_ynode *n = fc_ymap_get(m, only[i].key);
		if (n && !(only[i].kinds & (1 << br->kind)))
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "'%s' does not apply to %s rule '%s'",
				    only[i].key,
				    br->kind == BR_PATTERN ? "a pattern"
				    : br->kind == BR_HEADING
					    ? "the heading"
					    : "the duplicate",
				    br->id);
	}
}

static bool read_action(const struct fc_ynode *n, struct brule *br,
			struct fc_diags *d)
{
	static const char *const names[] = {"drop", "drop-next", "drop-rest",
					    "keep"};
	const char *s;
	if (!n)
		return true;
	if (!fc_ynode_str(n, "action", &s, d))
		return false;
	for (size_t i = 0; i < 4; i++)
		if (!strcmp(s, names[i])) {
			br->action = (enum brule_action)i;
			return true;
		}
	fc_diag_add(d, FC_ESCHEMA, &n->loc,
		    "unknown action '%s' (one of drop, drop-next, drop-rest, "
		    "keep)",
		    s);
	return false;
}

/* Read one rule into br (zeroed, id set). */
static void read_rule(struct fc_rules *r, const struct fc_ynode *m,
		      struct brule *br, struct fc_diags *d)
{
	const struct fc_ynode *n;
	long long v;
	br->is_enabled = true;
	br->max_length = DEFAULT_MAX_LENGTH;
	br->next = 1;
	if ((n = fc_ymap_get(m, "enabled")))
		fc_ynode_bool(n, "enabled", &br->is_enabled, d);
	if ((n = fc_ymap_get(m, "heuristic"))) {
		const char *h;
		if (fc_ynode_str(n, "heuristic", &h, d)) {
			if (!strcmp(h, "heading"))
				br->kind = BR_HEADING;
			else if (!strcmp(h, "duplicate"))
				br->kind = BR_DUPLICATE;
			else
				fc_diag_add(d, FC_ESCHEMA, &n->loc,
					    "unknown heuristic '%s' (one of "
					    "heading, duplicate)",
					    h);
		}
	}
	check_applicable(m, br, d);
	if (br->kind == BR_HEADING) {
		br->max_length = DEFAULT_HEADING_MAX;
		br->title_min_words = DEFAULT_TITLE_WORDS;
		read_final(r, br, fc_ymap_get(m, "final"), d);
		if ((n = fc_ymap_get(m, "title_min_words")) &&
		    fc_ynode_int(n, "title_min_words", 1, 100, &v, d))
			br->title_min_words = (uint32_t)v;
	}
	if ((n = fc_ymap_get(m, "max_length")) &&
	    fc_ynode_int(n, "max_length", 0, 1000000, &v, d))
		br->max_length = (uint32_t)v;
	if (br->kind != BR_PATTERN)
		return;
	read_action(fc_ymap_get(m, "action"), br, d);
	if ((n = fc_ymap_get(m, "next"))) {
		if (br->action != BA_DROP_NEXT)
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "'next' only applies to action drop-next");
		else if (fc_ynode_int(n, "next", 1, 20, &v, d))
			br->next = (uint32_t)v;
	}
	if ((n = fc_ymap_get(m, "pattern")))
		compile_pattern(r, br, n, d);
	else if (br->is_enabled && !fc_ymap_get(m, "heuristic"))
		fc_diag_add(d, FC_ESCHEMA, &m->loc,
			    "rule '%s' needs a 'pattern' or a 'heuristic'",
			    br->id);
}

/* The slot for a rule id: a new one, or the rule it replaces. */
static struct brule *rule_slot(struct fc_rules *r, struct fc_boiler *b,
			       const char *id, const struct fc_ynode *idn,
			       const char *path, struct fc_diags *d)
{
	for (size_t i = 0; i < b->nrules; i++) {
		struct brule *o = &b->rules[i];
		if (strcmp(o->id, id))
			continue;
		if (o->loc.file == path) {
			fc_diag_add(d, FC_ESCHEMA, &idn->loc,
				    "duplicate rule id '%s' (first at line %u)",
				    id, (unsigned)o->loc.line);
			return NULL;
		}
		rule_free_codes(o);
		memset(o, 0, sizeof(*o));
		return o;
	}
	void *g = fc_arena_grow(&r->arena, b->rules, sizeof(*b->rules),
				&b->caprules, b->nrules + 1);
	if (!g)
		return NULL;
	b->rules = g;
	struct brule *br = &b->rules[b->nrules++];
	memset(br, 0, sizeof(*br));
	return br;
}

fc_status fc_boiler_add(struct fc_rules *r, const struct fc_rulefile *file,
			struct fc_diags *d)
{
	size_t nerr = d->nerr;
	struct fc_boiler *b = boiler_get(r);
	const struct fc_ynode *root = file->root;
	if (!b) {
		fc_diag_add(d, FC_ENOMEM, &root->loc, "out of memory");
		return FC_ENOMEM;
	}
	fc_ymap_check_keys(root, file_keys, "boilerplate file", d);
	read_words(r, &b->abbrevs, fc_ymap_get(root, "abbreviations"),
		   "abbreviations", true, d);
	read_words(r, &b->final_abbrevs,
		   fc_ymap_get(root, "final_abbreviations"),
		   "final_abbreviations", true, d);
	read_words(r, &b->starters, fc_ymap_get(root, "sentence_starters"),
		   "sentence_starters", false, d);
	const struct fc_ynode *tests = fc_ymap_get(root, "tests");
	if (tests && tests->type != FC_Y_SEQ && !fc_ynode_is_null(tests))
		fc_diag_add(d, FC_ESCHEMA, &tests->loc,
			    "tests must be a list of cases");
	const struct fc_ynode *rules = fc_ymap_get(root, "rules");
	if (rules && !fc_ynode_is_null(rules) && rules->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &rules->loc,
			    "rules must be a list of rules");
		rules = NULL;
	}
	for (size_t i = 0; rules && i < rules->nkids; i++) {
		const struct fc_ynode *m = rules->kids[i];
		if (m->type != FC_Y_MAP) {
			fc_diag_add(d, FC_ESCHEMA, &m->loc,
				    "a rule must be a mapping with an 'id'");
			continue;
		}
		fc_ymap_check_keys(m, rule_keys, "boilerplate rule", d);
		const struct fc_ynode *idn = fc_ymap_get(m, "id");
		const char *id;
		if (!idn) {
			fc_diag_add(d, FC_ESCHEMA, &m->loc, "rule has no 'id'");
			continue;
		}
		if (!fc_ynode_str(idn, "id", &id, d))
			continue;
		if (!*id) {
			fc_diag_add(d, FC_ESCHEMA, &idn->loc,
				    "rule id must not be empty");
			continue;
		}
		struct brule *br = rule_slot(r, b, id, idn, file->path, d);
		if (!br)
			continue;
		br->id = id;
		br->loc = m->loc;
		br->loc.file = file->path;
		read_rule(r, m, br, d);
	}
	return d->nerr > nerr ? fc_diags_status(d) : FC_OK;
}

static int cmp_word(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static void sort_words(struct wordset *w)
{
	if (w->n < 2)
		return;
	qsort(w->v, w->n, sizeof(*w->v), cmp_word);
	size_t k = 1;
	for (size_t i = 1; i < w->n; i++)
		if (strcmp(w->v[i], w->v[k - 1]))
			w->v[k++] = w->v[i];
	w->n = k;
}

bool text_wordset_has(const struct wordset *w, const char *s, size_t n)
{
	size_t lo = 0, hi = w->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *m = w->v[mid];
		int c = strncmp(m, s, n);
		if (c == 0)
			c = m[n] ? 1 : 0;
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

fc_status fc_boiler_compile(struct fc_rules *r, struct fc_diags *d)
{
	struct fc_boiler *b = r->boiler;
	(void)d;
	if (!b)
		return FC_OK;
	sort_words(&b->abbrevs);
	sort_words(&b->final_abbrevs);
	sort_words(&b->starters);
	b->heading = b->duplicate = NULL;
	for (size_t i = 0; i < b->nrules; i++) {
		const struct brule *br = &b->rules[i];
		if (!br->is_enabled)
			continue;
		if (br->kind == BR_HEADING && !b->heading)
			b->heading = br;
		if (br->kind == BR_DUPLICATE && !b->duplicate)
			b->duplicate = br;
	}
	return FC_OK;
}
