/*
** norm_diff.c: a differential check of a rewritten normalizer pattern.
**
**   norm_diff --rules DIR ID TEXT...
**
** Loads the built-in rules twice, the second time with DIR after them
** (a rule of DIR with a built-in id replaces it), and tries pattern ID
** of both anchored at every character of every line of each TEXT file,
** each line a subject that ends at its newline and whose look-backs see
** the text before it (as the scan tries it). A try of the two patterns
** must give the same result: both no match, or the same span and the
** same span of every slot (num, unit, hedge, ...) the production reads.
** Prints the tries, matches and differences and the seconds each
** pattern took; exits 1 on a difference, 2 on a usage or load error.
**
** A rewrite meant to be faster (a factored number, a fast branch of a
** macro) is exact when this reports no difference on the news texts
** and on the examples of the rule files; `factcross test` and the
** md5 of `factcross normalize` check the whole scan.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/core.h"
#include "extract/norm_p.h"
#include "factcross/fc.h"

struct side {
	struct fc_rules *r;
	const struct norm_pattern *p;
	pcre2_code *jit; /* a JIT copy of p->code, or NULL */
	pcre2_match_data *md;
	double secs;
};

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Load the rules (with dir when not NULL) and find pattern id. */
static bool side_load(struct side *s, const char *dir, const char *id)
{
	const char *dirs[2] = {dir, NULL};
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_rules_load(dirs, 1, &s->r, &d);
	fc_diags_print(&d, stderr, 0);
	fc_diags_finish(&d);
	if (st || !s->r || !s->r->norm)
		return false;
	const struct fc_norm *n = s->r->norm;
	for (size_t i = 0; i < n->npatterns && !s->p; i++)
		if (!strcmp(n->patterns[i].id, id))
			s->p = &n->patterns[i];
	if (!s->p || !s->p->code) {
		fprintf(stderr, "norm_diff: no compiled pattern '%s'\n", id);
		return false;
	}
	s->jit = pcre2_code_copy(s->p->code);
	if (s->jit && pcre2_jit_compile(s->jit, PCRE2_JIT_COMPLETE)) {
		pcre2_code_free(s->jit);
		s->jit = NULL;
	}
	s->md = pcre2_match_data_create_from_pattern(s->p->code, NULL);
	return s->md != NULL;
}

static void side_free(struct side *s)
{
	pcre2_match_data_free(s->md);
	pcre2_code_free(s->jit);
	fc_rules_destroy(s->r);
}

/* One anchored try of s at off: the JIT's result, or the
** interpreter's when the JIT gives up (as norm_jit.c decides). */
static int side_try(struct side *s, const char *text, size_t end,
		    size_t off)
{
	double t0 = now();
	const uint32_t o = PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK;
	pcre2_match_context *mc = s->r->norm->mctx;
	int rc = PCRE2_ERROR_NOMATCH;
	if (s->jit)
		rc = pcre2_jit_match(s->jit, (PCRE2_SPTR)text, end, off, o,
				     s->md, mc);
	if (!s->jit || (rc < 0 && rc != PCRE2_ERROR_NOMATCH))
		rc = pcre2_match(s->p->code, (PCRE2_SPTR)text, end, off, o,
				 s->md, mc);
	s->secs += now() - t0;
	return rc;
}

/* The span of slot k in s's last match: the first of its groups that
** is set ([u, u) when none is). */
static void slot_span(const struct side *s, int k, PCRE2_SIZE *b,
		      PCRE2_SIZE *e)
{
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	uint32_t nov = pcre2_get_ovector_count(s->md);
	*b = *e = PCRE2_UNSET;
	for (int g = 0; g < NORM_SLOT_GROUPS; g++) {
		int grp = s->p->slot_group[k][g];
		if (grp > 0 && (uint32_t)grp < nov &&
		    ov[2 * grp] != PCRE2_UNSET) {
			*b = ov[2 * grp];
			*e = ov[2 * grp + 1];
			return;
		}
	}
}

/* Do the last tries of a and b (results ra, rb) agree? */
static bool same(const struct side *a, int ra, const struct side *b, int rb)
{
	if ((ra >= 0) != (rb >= 0))
		return false;
	if (ra < 0)
		return (ra == PCRE2_ERROR_NOMATCH) == (rb == PCRE2_ERROR_NOMATCH);
	const PCRE2_SIZE *oa = pcre2_get_ovector_pointer(a->md);
	const PCRE2_SIZE *ob = pcre2_get_ovector_pointer(b->md);
	if (oa[0] != ob[0] || oa[1] != ob[1])
		return false;
	for (int k = 0; k < NSLOTS; k++) {
		PCRE2_SIZE ab, ae, bb, be;
		slot_span(a, k, &ab, &ae);
		slot_span(b, k, &bb, &be);
		if (ab != bb || ae != be)
			return false;
	}
	return true;
}

struct counts {
	size_t tries, matches, diffs;
};

/* A try's result as "[start,end)", or "no match" (or PCRE2's error). */
static void put_result(char *buf, size_t cap, const struct side *s, int rc)
{
	const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
	if (rc >= 0)
		snprintf(buf, cap, "[%zu,%zu)", (size_t)ov[0], (size_t)ov[1]);
	else if (rc == PCRE2_ERROR_NOMATCH)
		snprintf(buf, cap, "no match");
	else
		snprintf(buf, cap, "error %d", rc);
}

/* FILE:LINE:COL: what each pattern gave at off, and the text there. */
static void report_diff(const char *file, size_t line, const char *text,
			size_t line_start, size_t off, size_t end, int ra,
			int rb, const struct side *a, const struct side *b)
{
	char ba[64], bb[64];
	put_result(ba, sizeof ba, a, ra);
	put_result(bb, sizeof bb, b, rb);
	int n = end - off > 60 ? 60 : (int)(end - off);
	printf("%s:%zu:%zu: built-in %s, rewrite %s: %.*s\n", file, line,
	       off - line_start + 1, ba, bb, n, text + off);
}

/* Is text[0, len) UTF-8 (the tries run without PCRE2's check)? */
static bool is_utf8(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	for (size_t i = 0; i < len;) {
		size_t k = p[i] < 0x80 ? 1 : fc_utf8_seq_len(p + i, len - i);
		if (!k)
			return false;
		i += k;
	}
	return true;
}

/* Every character start of text[0, len), line by line. */
static void run_text(const char *file, const char *text, size_t len,
		     struct side *a, struct side *b, struct counts *c)
{
	size_t line = 1;
	for (size_t s = 0; s < len; line++) {
		const char *nl = memchr(text + s, '\n', len - s);
		size_t e = nl ? (size_t)(nl - text) : len;
		for (size_t off = s; off < e; off++) {
			if (((unsigned char)text[off] & 0xC0) == 0x80)
				continue;
			int ra = side_try(a, text, e, off);
			int rb = side_try(b, text, e, off);
			c->tries++;
			c->matches += ra >= 0;
			if (!same(a, ra, b, rb)) {
				if (c->diffs < 20)
					report_diff(file, line, text, s, off,
						    e, ra, rb, a, b);
				c->diffs++;
			}
		}
		s = e + 1;
	}
}

int main(int argc, char **argv)
{
	if (argc < 5 || strcmp(argv[1], "--rules")) {
		fprintf(stderr, "usage: norm_diff --rules DIR ID TEXT...\n");
		return 2;
	}
	struct side a = {0}, b = {0};
	if (!side_load(&a, NULL, argv[3]) || !side_load(&b, argv[2], argv[3])) {
		side_free(&a);
		side_free(&b);
		return 2;
	}
	struct counts c = {0};
	int rc = 0;
	for (int i = 4; i < argc && !rc; i++) {
		char *data;
		size_t len;
		if (fc_file_read(argv[i], 0, &data, &len) != FC_OK) {
			fprintf(stderr, "norm_diff: cannot read %s\n", argv[i]);
			rc = 2;
			break;
		}
		if (is_utf8(data, len))
			run_text(argv[i], data, len, &a, &b, &c);
		else {
			fprintf(stderr, "norm_diff: %s: not UTF-8\n", argv[i]);
			rc = 2;
		}
		free(data);
	}
	printf("%s: %zu tries, %zu matches, %zu differences; built-in "
	       "%.3f s, rewrite %.3f s\n",
	       argv[3], c.tries, c.matches, c.diffs, a.secs, b.secs);
	side_free(&a);
	side_free(&b);
	return rc ? rc : c.diffs != 0;
}
