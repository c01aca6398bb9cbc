/*
** norm_compile.c: normalizer definitions -> compiled patterns and tables.
**
** Expands each pattern into one regex (norm_expand.c), finds its start
** strings (norm_first.c), compiles it with PCRE2 (on a second thread
** when there are two: norm_compile_jobs.c; the JIT comes later,
** norm_jit.c), or takes both from the cache of an earlier run
** (norm_cache_norm.c), and builds the lookup hash (table, word) ->
** value, the trigger hash (anchor word) -> set of patterns, and the
** scan's start tables (norm_trie.c, or the cache: norm_cache_scan.c). A
** PCRE2 error points at the column in the rule file through the
** expansion's source map.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_cache_p.h"
#include "extract/norm_compile_p.h"
#include "extract/norm_expand_p.h"
#include "extract/norm_trie_p.h"

#define MATCH_LIMIT 200000
/* below what the JIT's 32 KiB stack holds on a deep repeat, so that the
** interpreter gives up first and the JIT decides (norm_jit.c); at 5000
** the interpreter went on where the JIT had given up: 45 KB of "twenty
** one and twenty one and ..." took 4.7 G instructions, 0.43 G now */
#define DEPTH_LIMIT 1000
#define HEAP_LIMIT_KIB 16384

/* ---- Hashing ---------------------------------------------------------- */

static bool hash_init(struct fc_arena *a, struct norm_hash *h, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n + 2)
		cap *= 2;
	h->v = fc_arena_alloc(a, cap * sizeof(*h->v));
	h->mask = cap - 1;
	h->n = 0;
	return h->v != NULL;
}

/* Insert unless present; returns the stored value (the old one if any). */
static int32_t hash_put(struct fc_arena *a, struct norm_hash *h, int32_t ns,
			const char *key, size_t len, int32_t val)
{
	uint32_t hv = norm_hash_str(ns, key, len);
	size_t i = hv & h->mask;
	for (;; i = (i + 1) & h->mask) {
		struct norm_hent *e = &h->v[i];
		if (!e->hash)
			break;
		if (e->hash == hv && e->ns == ns && e->len == len &&
		    !memcmp(e->key, key, len))
			return e->val;
	}
	if (h->n + 1 > h->mask / 2 + 1)
		return -1; /* sized by the caller; cannot happen */
	char *k = fc_arena_strndup(a, key, len);
	if (!k)
		return -1;
	h->v[i] = (struct norm_hent){hv, ns, val, k, (uint32_t)len};
	h->n++;
	return val;
}

/* ---- Compilation ------------------------------------------------------ */

/* What the patterns of one compile share: the tables' alternations, and
** the expansion buffer and its source map (grown once, not per pattern). */
struct scratch {
	struct table_rx *tables;
	struct name_index names;
	struct fc_buf out;
	struct srcpos *map;
	size_t capmap;
};

static void expand_init(struct expand *e, struct fc_norm *n,
			struct fc_arena *a, struct norm_pattern *p,
			struct scratch *sc, struct fc_diags *d)
{
	*e = (struct expand){.n = n, .a = a, .d = d, .p = p,
			     .cache = sc->tables, .names_ix = &sc->names,
			     .out = sc->out, .map = sc->map,
			     .capmap = sc->capmap};
	fc_buf_reset(&e->out);
}

/* The expansion buffer and map (maybe grown) back to the scratch. */
static void expand_done(struct expand *e, struct scratch *sc)
{
	sc->out = e->out;
	sc->map = e->map;
	sc->capmap = e->capmap;
}

/*
** Expand p into e->out (e->map its source map, e->names its captures);
** false when the expansion failed (then it is diagnosed). *opts: the
** options to compile the regex with, before its analysis.
*/
static bool expand_only(struct expand *e, struct norm_pattern *p,
			uint32_t *opts)
{
	norm_expand_str(e, p->match, 0);
	if (e->failed || e->out.err) {
		if (e->out.err && !e->failed)
			fc_diag_add(e->d, e->out.err, &p->match->loc,
				    "pattern '%s' too large", p->id);
		return false;
	}
	/* no UTF check: the expansion is ASCII and the text of YAML
	** scalars, which the YAML reader has checked (libyaml and the JSON
	** reader of ynode.c refuse bad UTF-8) */
	*opts = PCRE2_UTF | PCRE2_NO_UTF_CHECK | PCRE2_DUPNAMES |
		(p->is_caseless ? PCRE2_CASELESS : 0);
	return true;
}

/*
** After pcre2_compile of p's expansion (p->code, or errcode and erroff):
** the error, pointed at its source byte through e->map, or the slots'
** capture groups and tables from the captures in e->names.
*/
static void finish_pattern(struct fc_norm *n, struct norm_pattern *p,
			   const struct expand *e, int errcode,
			   PCRE2_SIZE erroff, struct fc_diags *d)
{
	if (!p->code) {
		p->first.is_ok = false;
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(errcode, msg, sizeof(msg));
		struct srcpos sp = {p->match, (uint32_t)p->match->len};
		if (erroff < e->out.len)
			sp = e->map[erroff];
		else if (e->out.len)
			sp = e->map[e->out.len - 1], sp.off++;
		struct fc_srcloc loc = fc_ynode_loc_at(sp.node, sp.off);
		fc_diag_add(d, FC_EREGEX, &loc, "bad regex in pattern '%s': %s",
			    p->id, (const char *)msg);
		return;
	}
	uint32_t ncap = 0;
	pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
	if (ncap + 1 > n->maxcap)
		n->maxcap = ncap + 1;
	uint32_t nnames = 0, esize = 0;
	PCRE2_SPTR ntab = NULL;
	pcre2_pattern_info(p->code, PCRE2_INFO_NAMECOUNT, &nnames);
	pcre2_pattern_info(p->code, PCRE2_INFO_NAMEENTRYSIZE, &esize);
	pcre2_pattern_info(p->code, PCRE2_INFO_NAMETABLE, &ntab);
	for (int s = 0; s < NSLOTS; s++)
		for (int k = 0; k < NORM_SLOT_GROUPS; k++) {
			p->slot_group[s][k] = 0;
			p->slot_table[s][k] = -1;
		}
	/* name table entries: 2-byte group number, then the name */
	for (uint32_t i = 0; i < nnames; i++) {
		PCRE2_SPTR ent = ntab + (size_t)i * esize;
		int g = (ent[0] << 8) | ent[1];
		const char *name = (const char *)ent + 2;
		int s;
		for (s = 0; s < NSLOTS; s++)
			if (!strcmp(name, norm_slot_names[s]))
				break;
		if (s == NSLOTS)
			continue;
		int k = 0;
		while (k < NORM_SLOT_GROUPS && p->slot_group[s][k])
			k++;
		if (k == NORM_SLOT_GROUPS) {
			fc_diag_add(d, FC_ELIMIT, &p->match->loc,
				    "pattern '%s' captures '%s' more than %d "
				    "times",
				    p->id, name, NORM_SLOT_GROUPS);
			continue;
		}
		p->slot_group[s][k] = g;
		/* the table of the k-th reference captured under this name */
		int seen = 0;
		for (size_t j = 0; j < e->nnames; j++)
			if (!strcmp(e->names[j], name) && seen++ == k)
				p->slot_table[s][k] = e->tables[j];
	}
	/* can it give a quarter or a half? (a quarter slot, a Q or H unit,
	** a quarter base, or a unit table with Q or H values) */
	p->is_quarterly = p->slot_group[S_QUARTER][0] || p->set[S_QUARTER] ||
			  (p->set[S_UNIT] && strchr("QH", p->set[S_UNIT][0])) ||
			  (p->set[S_BASE] && strstr(p->set[S_BASE], "quarter"));
	for (int k = 0; k < NORM_SLOT_GROUPS && !p->is_quarterly; k++) {
		int t = p->slot_table[S_UNIT][k];
		for (size_t j = 0; t >= 0 && j < n->tables[t].n; j++)
			if (!strcmp(n->tables[t].vals[j], "Q") ||
			    !strcmp(n->tables[t].vals[j], "H"))
				p->is_quarterly = true;
	}
	if (p->span_slot) {
		int g = pcre2_substring_number_from_name(
			p->code, (PCRE2_SPTR)p->span_slot);
		if (g <= 0) {
			fc_diag_add(d, FC_ESCHEMA,
				    &fc_ymap_get(p->node, "span")->loc,
				    "span '%s' is not a capture of pattern "
				    "'%s'",
				    p->span_slot, p->id);
			pcre2_code_free(p->code);
			p->code = NULL;
		}
		p->span_group = g > 0 ? g : 0;
	}
}

/* p expanded again, with its source map, for finish_pattern to place a
** PCRE2 error (the expansion's diagnostics were made the first time). */
static void expand_mapped(struct fc_norm *n, struct fc_arena *a,
			  struct norm_pattern *p, struct scratch *sc,
			  struct expand *e)
{
	struct fc_diags none;
	fc_diags_init(&none);
	expand_init(e, n, a, p, sc, &none);
	norm_expand_str(e, p->match, 0);
	fc_diags_finish(&none);
	e->d = NULL;
}

/* `set: {reading: ...}`: checked, but not run under another reading
** (options: prefer), so its start strings are not needed. */
static bool pattern_is_run(const struct fc_norm *n,
			   const struct norm_pattern *p)
{
	static const char *const readings[] = {"past", "future", "nearest"};
	const char *rd = p->set[S_READING];
	return !(rd && n->prefer >= 0 && n->prefer < 3 &&
		 strcmp(rd, readings[n->prefer]));
}

/* ---- Compiling: expand, look up the cache, analyse and compile ---------- */

/*
** Of loading the rules `normalize` reads, pcre2_compile is a third and
** the start-string analysis of the expansions (norm_first.c) another
** third. The key of the cache (norm_cache_norm.c) is made from what the
** expansions read: on a hit the codes, start strings and captures come
** from the cache file, and nothing is expanded, analysed or compiled. On
** a miss every pattern is expanded, on the caller's thread (a job each,
** its diagnostics held), then analysed and compiled as follows
** (norm_compile_jobs.c), and written to the cache for the next run.
**
** On two threads, the second thread analyses the patterns in order (the
** analysis carries its memo from pattern to pattern, so its results are
** the same as on one thread), into an arena of its own; each analysed
** pattern can be compiled (the analysis decides PCRE2_ANCHORED), by the
** caller's thread at once, and by the second thread once it has
** analysed the last one (pcre2_compile without a context only mallocs).
** What follows a compile (the capture tables, an error's position) is
** done on the caller's thread after that, pattern by pattern, the
** expansion's diagnostics given then, so the diagnostics come in the
** same order, and the compiled patterns and start strings are the same,
** on one thread or two, with or without the cache.
*/
/* Expand pattern i into job j (a copy of the expansion and of its
** captures), its diagnostics held. */
static void job_expand(struct fc_norm *n, struct fc_arena *a, size_t i,
		       struct scratch *sc, struct cjob *j,
		       struct fc_diags *held)
{
	struct norm_pattern *p = &n->patterns[i];
	struct expand e;
	expand_init(&e, n, a, p, sc, held);
	e.is_mapless = true;
	j->diag0 = held->n;
	j->is_expanded = expand_only(&e, p, &j->opts);
	if (j->is_expanded) {
		j->len = e.out.len;
		j->rx = malloc(e.out.len + 1);
		if (j->rx) {
			memcpy(j->rx, fc_buf_cstr(&e.out), e.out.len + 1);
		} else {
			fc_diag_add(held, FC_ENOMEM, &p->match->loc,
				    "pattern '%s': out of memory", p->id);
			j->is_expanded = false;
		}
		j->nnames = e.nnames;
		memcpy(j->names, e.names, e.nnames * sizeof(*j->names));
		memcpy(j->tables, e.tables, e.nnames * sizeof(*j->tables));
	}
	j->diag1 = held->n;
	expand_done(&e, sc);
}

/* Pattern i after its compile: the held diagnostics of its expansion,
** then those of finish_pattern (a failed compile expands it again for
** the source map: the expansion is the same). */
static void job_finish(struct fc_norm *n, struct fc_arena *a, size_t i,
		       struct scratch *sc, struct cjob *j,
		       const struct fc_diags *held, struct fc_diags *d)
{
	for (size_t k = j->diag0; k < j->diag1; k++) {
		const struct fc_diag *g = &held->v[k];
		const char *msg = g->msg ? g->msg : "out of memory";
		if (g->sev == FC_SEV_ERROR)
			fc_diag_add(d, g->code, &g->loc, "%s", msg);
		else
			fc_diag_warn(d, &g->loc, "%s", msg);
	}
	if (!j->is_expanded)
		return;
	struct norm_pattern *p = &n->patterns[i];
	p->code = j->code;
	j->code = NULL;
	if (j->is_first_lost)
		fc_diag_add(d, FC_ENOMEM, &p->match->loc,
			    "pattern '%s': out of memory", p->id);
	struct expand e;
	if (!p->code) {
		expand_mapped(n, a, p, sc, &e);
	} else {
		expand_init(&e, n, a, p, sc, NULL);
		e.nnames = j->nnames;
		memcpy(e.names, j->names, j->nnames * sizeof(*j->names));
		memcpy(e.tables, j->tables, j->nnames * sizeof(*j->tables));
	}
	finish_pattern(n, p, &e, j->errcode, j->erroff, d);
	expand_done(&e, sc);
}

/*
** The cache's view of the jobs (norm_cache_p.h), made before they are
** expanded (on a hit they are not); NULL when out of memory.
*/
static struct norm_cache_job *cache_jobs(struct fc_norm *n, struct cjob *jobs)
{
	struct norm_cache_job *cj = calloc(n->npatterns + 1, sizeof(*cj));
	for (size_t i = 0; cj && i < n->npatterns; i++)
		cj[i] = (struct norm_cache_job){
			.is_run = jobs[i].is_run,
			.first = &n->patterns[i].first,
			.names = jobs[i].names,
			.tables = jobs[i].tables,
			.nnames = &jobs[i].nnames};
	return cj;
}

/*
** Every job expanded and compiled (a miss of the cache), and kept in the
** cache under key when every pattern expanded with nothing said and
** compiled: a hit replays no diagnostics of an expansion.
*/
static void compile_missed(struct fc_norm *n, struct fc_arena *a,
			   struct scratch *sc, struct cjob *jobs,
			   struct norm_cache_job *cj, const uint64_t key[2],
			   bool *is_keyed, struct fc_diags *held)
{
	size_t np = n->npatterns;
	for (size_t i = 0; i < np; i++)
		job_expand(n, a, i, sc, &jobs[i], held);
	norm_compile_jobs(n, a, jobs);
	bool is_whole = cj && *is_keyed && held->n == 0;
	for (size_t i = 0; is_whole && i < np; i++)
		if (!jobs[i].is_expanded || !(cj[i].code = jobs[i].code) ||
		    jobs[i].is_first_lost)
			is_whole = false;
	if (is_whole)
		norm_cache_norm_store(n, cj, key);
	/* start strings lost to out of memory are not those of the key:
	** the scan's tables are not kept under it */
	for (size_t i = 0; i < np; i++)
		if (jobs[i].is_first_lost)
			*is_keyed = false;
}

/*
** Every pattern compiled and finished, from the cache when it holds
** them, else expanded, compiled and kept in it; *key their key in the
** cache (when is_keyed). False when out of memory before anything was
** done.
*/
static bool compile_all(struct fc_norm *n, struct fc_arena *a,
			struct scratch *sc, struct fc_diags *d,
			uint64_t key[2], bool *is_keyed)
{
	size_t np = n->npatterns;
	struct cjob *jobs = calloc(np + 1, sizeof(*jobs));
	if (!jobs)
		return false;
	struct fc_diags held;
	fc_diags_init(&held);
	for (size_t i = 0; i < np; i++)
		jobs[i].is_run = pattern_is_run(n, &n->patterns[i]);
	struct norm_cache_job *cj = cache_jobs(n, jobs);
	*is_keyed = false;
	if (cj && norm_cache_norm_load(n, cj, a, key, is_keyed)) {
		for (size_t i = 0; i < np; i++) {
			jobs[i].code = cj[i].code;
			jobs[i].is_expanded = true;
		}
	} else {
		compile_missed(n, a, sc, jobs, cj, key, is_keyed, &held);
	}
	free(cj);
	for (size_t i = 0; i < np; i++) {
		job_finish(n, a, i, sc, &jobs[i], &held, d);
		free(jobs[i].rx);
	}
	fc_diags_finish(&held);
	free(jobs);
	return true;
}

/* The trigger token of a word: its first letter run, lower-cased. */
static size_t first_word(const char *s, char *buf, size_t cap)
{
	while (*s == ' ')
		s++;
	size_t o = 0;
	while (o < cap && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		buf[o++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s),
		s++;
	return o;
}

static uint64_t *new_bitset(struct fc_norm *n, struct fc_arena *a)
{
	(void)n;
	return fc_arena_alloc(a, n->nwords * sizeof(uint64_t));
}

static bool add_trigger(struct fc_norm *n, struct fc_arena *a,
			const char *word, size_t pi, size_t *capbs)
{
	char buf[32];
	const char *s = word;
	while (*s == ' ')
		s++;
	unsigned char c = (unsigned char)*s;
	uint64_t bit = 1ull << (pi % 64);
	if (c >= '0' && c <= '9') {
		n->digit_set[pi / 64] |= bit;
		return true;
	}
	size_t len = first_word(s, buf, sizeof(buf));
	if (len == 0) {
		if (!c)
			return true;
		if (!n->sym_set[c] && !(n->sym_set[c] = new_bitset(n, a)))
			return false;
		n->sym_set[c][pi / 64] |= bit;
		return true;
	}
	int32_t idx = hash_put(a, &n->triggers, -1, buf, len,
			       (int32_t)n->nbitsets);
	if (idx < 0)
		return false;
	if ((size_t)idx == n->nbitsets) {
		void *g = fc_arena_grow(a, n->bitsets,
					n->nwords * sizeof(uint64_t), capbs,
					n->nbitsets + 1);
		if (!g)
			return false;
		n->bitsets = g;
		memset(n->bitsets + n->nbitsets * n->nwords, 0,
		       n->nwords * sizeof(uint64_t));
		n->nbitsets++;
	}
	n->bitsets[(size_t)idx * n->nwords + pi / 64] |= bit;
	return true;
}

static fc_status build_tables(struct fc_norm *n, struct fc_arena *a,
			      const struct name_index *ix, struct fc_diags *d)
{
	size_t nent = 0, ntrig = 0;
	for (size_t i = 0; i < n->ntables; i++)
		nent += n->tables[i].n;
	for (size_t i = 0; i < n->npatterns; i++)
		for (size_t k = 0; k < n->patterns[i].nanchors; k++) {
			int t = norm_table_find_ix(n, ix,
						   n->patterns[i].anchors[k]);
			ntrig += t >= 0 ? n->tables[t].n : 1;
		}
	if (!hash_init(a, &n->lookup, nent) ||
	    !hash_init(a, &n->triggers, ntrig))
		return FC_ENOMEM;
	char buf[256];
	for (size_t i = 0; i < n->ntables; i++) {
		const struct norm_table *t = &n->tables[i];
		for (size_t k = 0; k < t->n; k++) {
			size_t len = norm_key(t->keys[k], strlen(t->keys[k]),
					      buf, sizeof(buf));
			int32_t v = hash_put(a, &n->lookup, (int32_t)i, buf,
					     len, (int32_t)k);
			if (v < 0)
				return FC_ENOMEM;
			if (v != (int32_t)k) {
				fc_diag_add(d, FC_ESCHEMA,
					    &t->node->kids[2 * k]->loc,
					    "word '%s' appears twice in table "
					    "'%s'",
					    t->keys[k], t->name);
			}
		}
	}
	norm_near_plan(n); /* the bits of anchor groups */
	n->nwords = (n->npatterns + n->nvbits + 63) / 64;
	if (!n->nwords)
		n->nwords = 1;
	n->digit_set = new_bitset(n, a);
	n->always_set = new_bitset(n, a);
	if (!n->digit_set || !n->always_set)
		return FC_ENOMEM;
	size_t capbs = 0;
	for (size_t i = 0; i < n->npatterns; i++) {
		struct norm_pattern *p = &n->patterns[i];
		if (!p->nanchors) {
			p->is_always = true;
			n->always_set[i / 64] |= 1ull << (i % 64);
			continue;
		}
		for (size_t k = 0; k < p->nanchors; k++) {
			const char *an = p->anchors[k];
			size_t g = p->anchor_group ? p->anchor_group[k] : 0;
			size_t bit = norm_group_bit(p, i, (unsigned)g);
			int t = norm_table_find_ix(n, ix, an);
			if (t >= 0) {
				for (size_t j = 0; j < n->tables[t].n; j++)
					if (!add_trigger(n, a,
							 n->tables[t].keys[j],
							 bit, &capbs))
						return FC_ENOMEM;
			} else if (!strcmp(an, "digit")) {
				n->digit_set[bit / 64] |= 1ull << (bit % 64);
			} else if (!add_trigger(n, a, an, bit, &capbs)) {
				return FC_ENOMEM;
			}
		}
	}
	return norm_near_finish(n, a);
}

/* The scan's start tables (norm_trie.c), from the cache when it holds
** them, else built and kept in it (when the patterns have a key in the
** cache, pkey). */
static fc_status scan_build(struct fc_norm *n, struct fc_arena *a,
			    const uint64_t *pkey)
{
	uint64_t key[2];
	bool is_keyed = false;
	if (pkey && norm_cache_scan_load(n, a, pkey, key, &is_keyed)) {
		norm_first_memo_free(n->first_memo);
		n->first_memo = NULL;
		return FC_OK;
	}
	fc_status st = norm_scan_build(n, a);
	if (!st && is_keyed)
		norm_cache_scan_store(n, key);
	return st;
}

/* The tables the productions read by name, found through the name
** index (a scan of every table's name for each cost 0.46 M a start). */
static void find_tables(struct fc_norm *n, const struct name_index *ix)
{
	n->t_number = norm_table_find_ix(n, ix, "number");
	n->t_scale = norm_table_find_ix(n, ix, "scale");
	n->t_article = norm_table_find_ix(n, ix, "article");
	n->t_joiner = norm_table_find_ix(n, ix, "number_joiner");
	n->t_future = norm_table_find_ix(n, ix, "future");
	n->t_past = norm_table_find_ix(n, ix, "past");
	n->t_past_suffix = norm_table_find_ix(n, ix, "past_suffix");
	n->t_passive = norm_table_find_ix(n, ix, "passive");
	n->t_scale_plural = norm_table_find_ix(n, ix, "scale_plural");
	n->t_ordinal = norm_table_find_ix(n, ix, "ordinal");
	n->t_frac_den = norm_table_find_ix(n, ix, "fraction_den");
	n->t_frac_one = norm_table_find_ix(n, ix, "fraction_one");
	n->t_frac_tens = norm_table_find_ix(n, ix, "fraction_den_tens");
	n->t_point = norm_table_find_ix(n, ix, "decimal_point");
	n->t_of = norm_table_find_ix(n, ix, "fraction_of");
	n->t_vulgar = norm_table_find_ix(n, ix, "vulgar_fraction");
	n->t_scale_short = norm_table_find_ix(n, ix, "scale_short");
	n->t_hedge = norm_table_find_ix(n, ix, "hedge");
	n->t_hedge_sym = norm_table_find_ix(n, ix, "hedge_sym");
	n->t_tense_pair = norm_table_find_ix(n, ix, "tense_pair");
	n->t_tense_word = norm_table_find_ix(n, ix, "tense_word");
	n->t_year_zero = norm_table_find_ix(n, ix, "year_zero");
	n->t_list_joiner = norm_table_find_ix(n, ix, "list_joiner");
	n->t_currency_range = norm_table_find_ix(n, ix, "currency_range");
	n->t_percent_word = norm_table_find_ix(n, ix, "percent_word");
	n->t_carry_unit = norm_table_find_ix(n, ix, "carry_unit");
}

fc_status fc_norm_compile(struct fc_rules *r, struct fc_diags *d)
{
	if (!r->norm)
		r->norm = fc_arena_alloc(&r->arena, sizeof(*r->norm));
	struct fc_norm *n = r->norm;
	if (!n)
		return FC_ENOMEM;
	size_t nerr0 = d->nerr;
	/* the names of tables and macros are those of the rule files from
	** here on (the ISO 4217 lists fill tables the files name) */
	struct name_index ix;
	norm_names_index(n, &ix);
	for (size_t i = 0; i < n->nmacros; i++)
		if (norm_table_find_ix(n, &ix, n->macros[i].name) >= 0)
			fc_diag_add(d, FC_ESCHEMA, &n->macros[i].node->loc,
				    "macro '%s' has the name of a table",
				    n->macros[i].name);
	norm_anchor_words_check(n, r->kinds == FC_KIND_ALL && !r->is_no_tests,
				d);
	fc_status st = norm_iso4217_load(r, n, d);
	if (st == FC_ENOMEM) {
		free(ix.slot);
		return st;
	}
	struct scratch sc = {
		.tables = calloc(2 * n->ntables + 1, sizeof(*sc.tables)),
		.names = ix};
	fc_buf_init(&sc.out, 1u << 24);
	uint64_t key[2];
	bool is_keyed = false;
	if (!sc.tables || !compile_all(n, &r->arena, &sc, d, key, &is_keyed)) {
		free(sc.tables);
		free(sc.names.slot);
		fc_buf_finish(&sc.out);
		fc_diag_add(d, FC_ENOMEM, NULL, "normalizer: %s",
			    fc_strerror(FC_ENOMEM));
		return FC_ENOMEM;
	}
	for (size_t i = 0; i < n->npatterns; i++) {
		struct norm_pattern *p = &n->patterns[i];
		if (!pattern_is_run(n, p) && p->code) {
			pcre2_code_free(p->code);
			p->code = NULL;
		}
	}
	for (size_t i = 0; sc.tables && i < 2 * n->ntables; i++)
		free(sc.tables[i].rx);
	free(sc.tables);
	free(sc.map);
	fc_buf_finish(&sc.out);
	st = build_tables(n, &r->arena, &sc.names, d);
	find_tables(n, &sc.names);
	free(sc.names.slot);
	if (!st)
		st = scan_build(n, &r->arena, is_keyed ? key : NULL);
	if (!st)
		st = norm_jit_create(n);
	if (st) {
		fc_diag_add(d, st, NULL, "normalizer: %s", fc_strerror(st));
		return st;
	}
	norm_keys_check(n, d);
	norm_table_check(n, r->kinds == FC_KIND_ALL && !r->is_no_tests, d);
	norm_after_resolve(n, d);
	norm_wordfacts_make(n);
	n->mctx = pcre2_match_context_create(NULL);
	if (!n->mctx)
		return FC_ENOMEM;
	pcre2_set_match_limit(n->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(n->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(n->mctx, HEAP_LIMIT_KIB);
	n->is_compiled = true;
	return d->nerr > nerr0 ? FC_ESCHEMA : FC_OK;
}

void fc_norm_destroy(struct fc_norm *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->npatterns; i++) {
		pcre2_code_free(n->patterns[i].code);
		n->patterns[i].code = NULL;
	}
	norm_jit_destroy(n);
	norm_scan_free(n->scan);
	n->scan = NULL;
	norm_first_memo_free(n->first_memo);
	n->first_memo = NULL;
	pcre2_match_context_free(n->mctx);
	n->mctx = NULL;
	free(n->patterns);
	n->patterns = NULL;
	n->npatterns = n->cappatterns = 0;
}
