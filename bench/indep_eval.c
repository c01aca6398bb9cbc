/*
** indep_eval: how text-reuse detection behaves on real corpora.
**
**   indep_eval [--seed DIR] [--ecb FILE] [--show N] [--pairs]
**   indep_eval --credits FILE.jsonl
**   indep_eval --scale FILE.jsonl [--max N]
**
** Seed corpus (default corpora/putin-iran-2026-01-16): every .txt file
** is a source; prints the exact scores of every pair and the pairs the
** pipeline judged dependent.
**
** ECB+ clusters (default ../shared/data/clusters/ecbplus-subtopics.jsonl):
** each cluster is loaded as an in-memory corpus (fc_corpus_add_text),
** run through the text stage and fc_indep_groups (the LSH path), and
** also scored exactly on every pair; prints the distribution of each
** measure (median, 95th, 99th percentile, max), how many pairs the
** pipeline judged dependent and by which measure, how many the exact
** rule would flag over all pairs (the recall of the LSH candidates),
** and the N flagged pairs of lowest score (--show, default 20), or all
** flagged pairs with --pairs.
**
** --credits: every credit match in the "text" of each JSON line, with
** the credit id, the document id and the matched line, for reading.
**
** --scale: the first N texts of a JSON-lines file as one corpus, timed.
**
** Not part of the test suite: it reads research data from ../shared.
** Build: ninja -C build tests/unit/indep/indep_eval
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "factcross/fc.h"
#include "indep/indep_p.h"

#ifndef FC_SOURCE_ROOT
#define FC_SOURCE_ROOT "."
#endif

struct pair_row {
	char cluster[48], a[48], b[48];
	struct reuse_score s;
	bool is_flagged; /* by the pipeline (LSH candidates) */
	bool is_exact;	 /* by the exact rule over all pairs */
	const char *detail;
	double sim;
};

struct rows {
	struct pair_row *v;
	size_t n, cap;
	size_t nwire, ndeclared; /* dependent pairs of the other reasons */
	size_t ndocs, ngroups;   /* sources and independent groups */
};

static struct pair_row *push_row(struct rows *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 1024;
		r->v = realloc(r->v, r->cap * sizeof(*r->v));
		if (!r->v) {
			fprintf(stderr, "out of memory\n");
			exit(3);
		}
	}
	memset(&r->v[r->n], 0, sizeof(r->v[0]));
	return &r->v[r->n++];
}

/* Add a source; fall back to building it by hand while the ingest
** module's fc_corpus_add_text is a stub. */
static void add_text(struct fc_corpus *c, const char *id, const char *text)
{
	size_t before = c->nsources;
	if (fc_corpus_add_text(c, id, NULL, text, strlen(text)) == FC_OK &&
	    c->nsources == before + 1)
		return;
	/* Capacity doubles at powers of two (the corpus has no cap field). */
	struct fc_source *s = c->sources;
	if ((before & (before - 1)) == 0) {
		s = fc_arena_alloc(&c->arena,
				   (before ? 2 * before : 1) * sizeof(*s));
		if (!s) {
			fprintf(stderr, "out of memory\n");
			exit(3);
		}
		if (before)
			memcpy(s, c->sources, before * sizeof(*s));
	}
	s[before].id = fc_arena_strdup(&c->arena, id);
	s[before].inline_text = fc_arena_strdup(&c->arena, text);
	s[before].inline_len = strlen(text);
	c->sources = s;
	c->nsources = before + 1;
}

/* Text stage and groups, then exact scores of every pair. */
static void eval_corpus(const struct fc_rules *r, struct fc_corpus *c,
			const char *name, struct rows *rows)
{
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_verify_opts o = {0};
	o.stop_after = 1;
	fc_status st = fc_verify(r, c, &o, &d);
	if (st) {
		fc_diags_print(&d, stderr, 0);
		exit(2);
	}
	fc_diags_finish(&d);
	rows->ndocs += c->ndocs;
	rows->ngroups += (size_t)c->ngroups;
	for (size_t k = 0; k < c->ndeps; k++) {
		rows->nwire += c->deps[k].reason == FC_DEP_WIRE;
		rows->ndeclared += c->deps[k].reason == FC_DEP_DECLARED;
	}
	const struct reuse_cfg *cfg = &r->indep->reuse;
	struct fc_arena a;
	fc_arena_init(&a);
	struct doc_feat *f = calloc(c->ndocs ? c->ndocs : 1, sizeof(*f));
	for (size_t i = 0; i < c->ndocs; i++)
		if (indep_features(cfg, &a, &c->docs[i], &f[i])) {
			fprintf(stderr, "out of memory\n");
			exit(3);
		}
	for (uint32_t i = 0; i < c->ndocs; i++)
		for (uint32_t j = i + 1; j < c->ndocs; j++) {
			struct pair_row *p = push_row(rows);
			snprintf(p->cluster, sizeof(p->cluster), "%s", name);
			snprintf(p->a, sizeof(p->a), "%s", c->docs[i].src->id);
			snprintf(p->b, sizeof(p->b), "%s", c->docs[j].src->id);
			indep_score_pair(cfg, &f[i], &f[j], &p->s);
			p->is_exact =
				indep_is_reuse(cfg, &p->s, &p->sim, &p->detail);
			for (size_t k = 0; k < c->ndeps; k++)
				if (c->deps[k].a == i && c->deps[k].b == j &&
				    c->deps[k].reason == FC_DEP_REUSE)
					p->is_flagged = true;
		}
	free(f);
	fc_arena_finish(&a);
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return a < b ? -1 : a > b;
}

static void distribution(const char *what, const struct rows *rows, size_t off)
{
	double *v = malloc((rows->n ? rows->n : 1) * sizeof(*v));
	for (size_t i = 0; i < rows->n; i++)
		memcpy(&v[i], (const char *)&rows->v[i].s + off, sizeof(*v));
	qsort(v, rows->n, sizeof(*v), cmp_double);
	size_t n = rows->n;
#define PCT(p) (n ? v[(size_t)((p) * (double)(n - 1) + 0.5)] : 0.0)
	printf("  %-12s median %.3f  p95 %.3f  p99 %.3f  max %.3f\n", what,
	       PCT(0.5), PCT(0.95), PCT(0.99), n ? v[n - 1] : 0.0);
#undef PCT
	free(v);
}

static void print_row(const struct pair_row *p)
{
	printf("  %-12s %-18s %-18s res %.3f cont %.3f sent %u/%u%s%s\n",
	       p->cluster, p->a, p->b, p->s.resemblance, p->s.containment,
	       p->s.matched, p->s.eligible, p->is_flagged ? "  DEPENDENT" : "",
	       p->is_flagged || p->is_exact ? "" : "");
	if (p->is_flagged || p->is_exact)
		printf("  %38s by %s %.3f%s\n", "", p->detail, p->sim,
		       p->is_flagged ? ""
				     : " (exact rule only: missed by LSH)");
}

/* ---- seed corpus ------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void eval_seed(const struct fc_rules *r, const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		fprintf(stderr, "skipped seed: cannot open %s\n", dir);
		return;
	}
	char *names[256];
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(dp)) && n < 256)
		if (fc_str_ends_with(e->d_name, ".txt"))
			names[n++] = strdup(e->d_name);
	closedir(dp);
	qsort(names, n, sizeof(*names), cmp_str);
	struct fc_corpus *c = fc_corpus_create();
	for (size_t i = 0; i < n; i++) {
		char path[4096], id[64];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		char *data;
		size_t len;
		if (fc_file_read(path, 1u << 26, &data, &len)) {
			fprintf(stderr, "cannot read %s\n", path);
			exit(2);
		}
		snprintf(id, sizeof(id), "%.3s", names[i]);
		add_text(c, id, data);
		free(data);
		free(names[i]);
	}
	struct rows rows = {0};
	eval_corpus(r, c, "seed", &rows);
	printf("seed corpus %s: %zu sources, %d independent groups\n", dir,
	       c->ndocs, (int)c->ngroups);
	for (size_t i = 0; i < rows.n; i++)
		print_row(&rows.v[i]);
	for (size_t i = 0; i < c->ndeps; i++)
		printf("  dependent: %s %s reason %d detail %s similarity "
		       "%.3f\n",
		       c->docs[c->deps[i].a].src->id,
		       c->docs[c->deps[i].b].src->id, (int)c->deps[i].reason,
		       c->deps[i].detail, c->deps[i].similarity);
	free(rows.v);
	fc_corpus_destroy(c);
}

/* ---- JSON lines -------------------------------------------------------- */

static void put_utf8(struct fc_buf *b, unsigned long u)
{
	if (u < 0x80) {
		fc_buf_addc(b, (char)u);
	} else if (u < 0x800) {
		fc_buf_addc(b, (char)(0xc0 | u >> 6));
		fc_buf_addc(b, (char)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		fc_buf_addc(b, (char)(0xe0 | u >> 12));
		fc_buf_addc(b, (char)(0x80 | ((u >> 6) & 0x3f)));
		fc_buf_addc(b, (char)(0x80 | (u & 0x3f)));
	} else {
		fc_buf_addc(b, (char)(0xf0 | u >> 18));
		fc_buf_addc(b, (char)(0x80 | ((u >> 12) & 0x3f)));
		fc_buf_addc(b, (char)(0x80 | ((u >> 6) & 0x3f)));
		fc_buf_addc(b, (char)(0x80 | (u & 0x3f)));
	}
}

static unsigned long hex4(const char *p)
{
	unsigned long v = 0;
	for (int i = 0; i < 4; i++) {
		char ch = p[i];
		int dig = ch - '0';
		if (ch >= 'a')
			dig = ch - 'a' + 10;
		else if (ch >= 'A')
			dig = ch - 'A' + 10;
		v = v * 16 + (unsigned long)dig;
	}
	return v;
}

/* A JSON string at *pp (at the opening quote) into b; *pp moves past. */
static void json_string(const char **pp, struct fc_buf *b)
{
	const char *p = *pp + 1;
	fc_buf_reset(b);
	while (*p && *p != '"') {
		if (*p != '\\') {
			fc_buf_addc(b, *p++);
			continue;
		}
		p++;
		switch (*p) {
		case 'n':
			fc_buf_addc(b, '\n');
			break;
		case 't':
			fc_buf_addc(b, '\t');
			break;
		case 'r':
			fc_buf_addc(b, '\r');
			break;
		case 'b':
			fc_buf_addc(b, '\b');
			break;
		case 'f':
			fc_buf_addc(b, '\f');
			break;
		case 'u': {
			unsigned long u = hex4(p + 1);
			p += 4;
			if (u >= 0xd800 && u < 0xdc00 && p[1] == '\\' &&
			    p[2] == 'u') {
				unsigned long lo = hex4(p + 3);
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				p += 6;
			}
			put_utf8(b, u);
			break;
		}
		default:
			fc_buf_addc(b, *p);
			break;
		}
		if (*p)
			p++;
	}
	*pp = *p ? p + 1 : p;
}

static void eval_ecb(const struct fc_rules *r, const char *path, size_t show,
		     bool is_all)
{
	char *data;
	size_t len;
	if (fc_file_read(path, 1u << 28, &data, &len)) {
		fprintf(stderr, "skipped ECB+: cannot read %s\n", path);
		return;
	}
	struct rows rows = {0};
	struct fc_buf s, key, cluster;
	fc_buf_init(&s, 0);
	fc_buf_init(&key, 0);
	fc_buf_init(&cluster, 0);
	size_t nclusters = 0, ndocs = 0;
	for (char *line = data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		struct fc_corpus *c = fc_corpus_create();
		char docname[64] = "";
		for (const char *p = line; *p;) {
			if (*p != '"') {
				p++;
				continue;
			}
			json_string(&p, &s);
			while (*p == ' ')
				p++;
			if (*p == ':') {
				fc_buf_reset(&key);
				fc_buf_adds(&key, fc_buf_cstr(&s));
				continue;
			}
			const char *k = fc_buf_cstr(&key);
			if (!strcmp(k, "subtopic")) {
				fc_buf_reset(&cluster);
				fc_buf_adds(&cluster, fc_buf_cstr(&s));
			} else if (!strcmp(k, "doc")) {
				snprintf(docname, sizeof(docname), "%s",
					 fc_buf_cstr(&s));
				char *dot = strstr(docname, ".xml");
				if (dot)
					*dot = '\0';
			} else if (!strcmp(k, "text")) {
				add_text(c, docname, fc_buf_cstr(&s));
			}
			fc_buf_reset(&key);
		}
		if (c->nsources) {
			eval_corpus(r, c, fc_buf_cstr(&cluster), &rows);
			nclusters++;
			ndocs += c->nsources;
		}
		fc_corpus_destroy(c);
		line = nl ? nl + 1 : NULL;
	}
	free(data);
	fc_buf_finish(&s);
	fc_buf_finish(&key);
	fc_buf_finish(&cluster);

	size_t nflag = 0, nexact = 0, nmissed = 0, nres = 0, ncont = 0,
	       nsent = 0;
	for (size_t i = 0; i < rows.n; i++) {
		const struct pair_row *p = &rows.v[i];
		nflag += p->is_flagged;
		nexact += p->is_exact;
		nmissed += p->is_exact && !p->is_flagged;
		if (p->is_flagged) {
			nres += !strcmp(p->detail, "resemblance");
			ncont += !strcmp(p->detail, "containment");
			nsent += !strcmp(p->detail, "sentences");
		}
	}
	printf("ECB+ %s: %zu clusters, %zu articles, %zu same-cluster pairs\n",
	       path, nclusters, ndocs, rows.n);
	distribution("resemblance", &rows,
		     offsetof(struct reuse_score, resemblance));
	distribution("containment", &rows,
		     offsetof(struct reuse_score, containment));
	distribution("sentences", &rows,
		     offsetof(struct reuse_score, fraction));
	printf("  judged dependent by the pipeline: %zu pairs (%.1f%%): "
	       "%zu resemblance, %zu containment, %zu sentences\n",
	       nflag, rows.n ? 100.0 * (double)nflag / (double)rows.n : 0.0,
	       nres, ncont, nsent);
	printf("  dependent by a shared wire credit: %zu pairs\n", rows.nwire);
	printf("  independent groups: %zu for %zu articles\n", rows.ngroups,
	       rows.ndocs);
	printf("  flagged by the exact rule over all pairs: %zu (missed by "
	       "the LSH candidates: %zu)\n",
	       nexact, nmissed);
	/* The flagged pairs of lowest score: the borderline to read. */
	struct pair_row **fl = malloc((nflag ? nflag : 1) * sizeof(*fl));
	size_t m = 0;
	for (size_t i = 0; i < rows.n; i++)
		if (rows.v[i].is_flagged)
			fl[m++] = &rows.v[i];
	for (size_t i = 1; i < m; i++)
		for (size_t j = i; j > 0 && fl[j]->sim < fl[j - 1]->sim; j--) {
			struct pair_row *t = fl[j];
			fl[j] = fl[j - 1];
			fl[j - 1] = t;
		}
	size_t k = is_all ? m : (show < m ? show : m);
	printf("  %s flagged pairs (lowest score first):\n",
	       is_all ? "all" : "borderline");
	for (size_t i = 0; i < k; i++)
		print_row(fl[i]);
	free(fl);
	free(rows.v);
}

/*
** Credit audit: every credit match in every "text" of a JSON-lines file,
** one line each: credit id, document id, the matched line.
*/
static void audit_credits(const struct fc_rules *r, const char *path)
{
	char *data;
	size_t len;
	if (fc_file_read(path, 1u << 30, &data, &len)) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	const struct fc_indep *x = r->indep;
	struct fc_buf s, key;
	fc_buf_init(&s, 0);
	fc_buf_init(&key, 0);
	char id[96] = "";
	size_t ndocs = 0, nhits = 0;
	for (char *line = data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		for (const char *p = line; *p;) {
			if (*p != '"') {
				p++;
				continue;
			}
			json_string(&p, &s);
			while (*p == ' ')
				p++;
			if (*p == ':') {
				fc_buf_reset(&key);
				fc_buf_adds(&key, fc_buf_cstr(&s));
				continue;
			}
			const char *k = fc_buf_cstr(&key);
			if (!strcmp(k, "id") || !strcmp(k, "doc"))
				snprintf(id, sizeof(id), "%s", fc_buf_cstr(&s));
			if (strcmp(k, "text"))
				continue;
			ndocs++;
			const char *t = fc_buf_cstr(&s);
			size_t tl = strlen(t);
			for (size_t ci = 0; ci < x->ncredits; ci++) {
				const struct credit *cr = &x->credits[ci];
				if (!cr->is_compiled_ok)
					continue;
				size_t off = 0;
				for (int m = 0; m < 8 && off <= tl; m++) {
					int rc = pcre2_match(
						cr->re, (PCRE2_SPTR)t, tl, off,
						0, x->md, x->mctx);
					if (rc < 0)
						break;
					PCRE2_SIZE *ov =
						pcre2_get_ovector_pointer(
							x->md);
					if (cr->within && ov[0] >= cr->within)
						break;
					size_t ls = ov[0], le = ov[1];
					while (ls > 0 && t[ls - 1] != '\n')
						ls--;
					while (t[le] && t[le] != '\n')
						le++;
					printf("%s\t%s\t%.*s\n", cr->id, id,
					       (int)(le - ls > 160 ? 160
								   : le - ls),
					       t + ls);
					nhits++;
					off = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
				}
			}
			fc_buf_reset(&key);
		}
		line = nl ? nl + 1 : NULL;
	}
	fprintf(stderr, "%zu texts, %zu credit matches\n", ndocs, nhits);
	fc_buf_finish(&s);
	fc_buf_finish(&key);
	free(data);
}

/*
** Scale: the first n texts of a JSON-lines file as one corpus; the time
** fc_indep_groups takes and what it found. Reuse candidates come from
** LSH, so the time should grow about linearly with n.
*/
static void scale(const struct fc_rules *r, const char *path, size_t n)
{
	char *data;
	size_t len;
	if (fc_file_read(path, 1u << 30, &data, &len)) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(2);
	}
	struct fc_corpus *c = fc_corpus_create();
	struct fc_buf s, key;
	fc_buf_init(&s, 0);
	fc_buf_init(&key, 0);
	char id[96] = "";
	size_t bytes = 0;
	for (char *line = data; line && *line && c->nsources < n;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		for (const char *p = line; *p;) {
			if (*p != '"') {
				p++;
				continue;
			}
			json_string(&p, &s);
			while (*p == ' ')
				p++;
			if (*p == ':') {
				fc_buf_reset(&key);
				fc_buf_adds(&key, fc_buf_cstr(&s));
				continue;
			}
			const char *k = fc_buf_cstr(&key);
			if (!strcmp(k, "id") || !strcmp(k, "doc"))
				snprintf(id, sizeof(id), "%s", fc_buf_cstr(&s));
			else if (!strcmp(k, "text")) {
				add_text(c, id, fc_buf_cstr(&s));
				bytes += s.len;
			}
			fc_buf_reset(&key);
		}
		line = nl ? nl + 1 : NULL;
	}
	free(data);
	fc_buf_finish(&s);
	fc_buf_finish(&key);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_verify_opts o = {0};
	o.stop_after = 1;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fc_status st = fc_verify(r, c, &o, &d);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (st) {
		fc_diags_print(&d, stderr, 0);
		exit(2);
	}
	size_t nr[4] = {0};
	for (size_t i = 0; i < c->ndeps; i++)
		nr[c->deps[i].reason & 3]++;
	printf("%zu texts, %.1f MB: text stage and groups in %.2f s; "
	       "%d groups, %zu dependent pairs (%zu wire, %zu reuse)\n",
	       c->ndocs, (double)bytes / 1e6,
	       (double)(t1.tv_sec - t0.tv_sec) +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       (int)c->ngroups, c->ndeps, nr[FC_DEP_WIRE],
	       nr[FC_DEP_REUSE]);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
}

int main(int argc, char **argv)
{
	const char *credits = NULL, *scale_file = NULL;
	size_t scale_n = SIZE_MAX;
	const char *seed = FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16";
	const char *ecb = FC_SOURCE_ROOT
		"/../shared/data/clusters/ecbplus-subtopics.jsonl";
	size_t show = 20;
	bool is_all = false;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = argv[++i];
		else if (!strcmp(argv[i], "--ecb") && i + 1 < argc)
			ecb = argv[++i];
		else if (!strcmp(argv[i], "--show") && i + 1 < argc)
			show = (size_t)strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--pairs"))
			is_all = true;
		else if (!strcmp(argv[i], "--credits") && i + 1 < argc)
			credits = argv[++i];
		else if (!strcmp(argv[i], "--scale") && i + 1 < argc)
			scale_file = argv[++i];
		else if (!strcmp(argv[i], "--max") && i + 1 < argc)
			scale_n = (size_t)strtoul(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: indep_eval [--seed DIR] "
					"[--ecb FILE] [--show N] [--pairs] "
					"[--credits FILE] [--scale FILE [--max N]]\n");
			return 2;
		}
	}
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r = NULL;
	if (fc_rules_load(NULL, 1, &r, &d) || !r || !r->indep) {
		fc_diags_print(&d, stderr, 0);
		return 2;
	}
	fc_diags_finish(&d);
	if (scale_file) {
		scale(r, scale_file, scale_n);
		fc_rules_destroy(r);
		return 0;
	}
	if (credits) {
		audit_credits(r, credits);
		fc_rules_destroy(r);
		return 0;
	}
	eval_seed(r, seed);
	printf("\n");
	eval_ecb(r, ecb, show, is_all);
	fc_rules_destroy(r);
	return 0;
}
