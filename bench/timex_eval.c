/*
** timex_eval.c: accuracy of the time normalizer on real data.
**
**   timex_eval [--rules DIR] [--verbose] [DATA_DIR]
**
** DATA_DIR (default: the shared data folder beside the repo, timex/)
** holds te3-tbaq.jsonl (TempEval-3 TimeBank + AQUAINT: {doc, dct, text,
** timexes: [{start, end, type, value}]}) and duckling-time-en.jsonl
** ({phrase, expected, reference_time}). Prints
**   TE3: relaxed-extent precision/recall/F1 (a mention overlapping a gold
**        timex, one to one) and value precision/recall/F1 (the matched
**        pair also has the gold value);
**   Duckling: the share of phrases where some mention has the expected
**        value at the expected grain (points; intervals and holidays
**        are counted in "all"); the whole reference_time (date, time
**        of day and zone) is the reference.
** Skips (exit 0) with a message when the data is absent. Each JSON line
** is read with fc_yaml_load (JSON is YAML).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factcross/fc.h"
#include "stages.h"

#ifndef FC_SHARED_DIR
#define FC_SHARED_DIR "../shared"
#endif

static int verbose;

static const char *get(const struct fc_ynode *n, const char *k)
{
	const struct fc_ynode *v = fc_ymap_get(n, k);
	return v && v->type == FC_Y_SCALAR && !fc_ynode_is_null(v) ? v->str
								    : NULL;
}

static long get_long(const struct fc_ynode *n, const char *k)
{
	const char *s = get(n, k);
	return s ? strtol(s, NULL, 10) : -1;
}

/* Read lines of a file; calls fn for each parsed JSON object. */
static int each_line(const char *path,
		     void (*fn)(void *, const struct fc_ynode *), void *ud)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		struct fc_arena a;
		struct fc_diags d;
		struct fc_ynode *root;
		fc_arena_init(&a);
		fc_diags_init(&d);
		if (fc_yaml_load(&a, path, line, (size_t)n, &root, &d) == FC_OK &&
		    root && root->type == FC_Y_MAP)
			fn(ud, root);
		fc_diags_finish(&d);
		fc_arena_finish(&a);
	}
	free(line);
	fclose(f);
	return 0;
}

static void run_norm(const struct fc_rules *r, struct fc_arena *a,
		     struct fc_document *doc, const char *text,
		     const char *ref)
{
	memset(doc, 0, sizeof(*doc));
	doc->text = fc_arena_strdup(a, text);
	doc->text_len = strlen(text);
	doc->published = ref;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_norm_doc(r, a, doc, &d);
	fc_diags_finish(&d);
	fc_mentions_finish(doc);
}

/* ---- TempEval-3 -------------------------------------------------------- */

struct te3 {
	const struct fc_rules *r;
	long ngold, nsys, nmatch, nvalue, ntype;
	long ndocs;
};

static void te3_doc(void *ud, const struct fc_ynode *o)
{
	struct te3 *s = ud;
	const char *text = get(o, "text"), *dct = get(o, "dct");
	const struct fc_ynode *tx = fc_ymap_get(o, "timexes");
	if (!text || !tx || tx->type != FC_Y_SEQ)
		return;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	run_norm(s->r, &a, &doc, text, dct);
	s->ndocs++;
	size_t ng = tx->nkids;
	char *used = calloc(ng + 1, 1);
	s->ngold += (long)ng;
	char *gold_hit = calloc(ng + 1, 1);
	for (size_t i = 0; i < doc.nmentions; i++) {
		const struct fc_mention *m = &doc.mentions[i];
		if (m->kind != FC_MENTION_TIME)
			continue;
		s->nsys++;
		size_t k;
		for (k = 0; k < ng; k++) {
			long gs = get_long(tx->kids[k], "start");
			long ge = get_long(tx->kids[k], "end");
			if (!used[k] && gs < (long)m->end && (long)m->start < ge)
				break;
		}
		if (k == ng) {
			if (verbose)
				printf("FP  %s  %.*s -> %s\n", get(o, "doc"),
				       (int)(m->end - m->start),
				       doc.text + m->start, m->time.value);
			continue;
		}
		used[k] = 1;
		s->nmatch++;
		const char *gv = get(tx->kids[k], "value");
		const char *gt = get(tx->kids[k], "type");
		if (gt && !strcmp(gt, fc_timex_type_name(m->time.type)))
			s->ntype++;
		if (gv && !strcmp(gv, m->time.value)) {
			s->nvalue++;
			gold_hit[k] = 1;
		} else if (verbose) {
			printf("VAL %s  %.*s -> %s (gold %s \"%s\")\n",
			       get(o, "doc"), (int)(m->end - m->start),
			       doc.text + m->start, m->time.value,
			       gv ? gv : "?", get(tx->kids[k], "text"));
		}
	}
	if (verbose)
		for (size_t k = 0; k < ng; k++)
			if (!used[k])
				printf("FN  %s  \"%s\" %s %s\n", get(o, "doc"),
				       get(tx->kids[k], "text"),
				       get(tx->kids[k], "type"),
				       get(tx->kids[k], "value"));
	free(used);
	free(gold_hit);
	fc_arena_finish(&a);
}

static double f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* ---- Duckling ---------------------------------------------------------- */

struct duck {
	const struct fc_rules *r;
	long n, npoint, okpoint, ok;
};

/* "datetime (2013, 2, 15, 0, 0, 0) Day" -> TIMEX3 value at that grain. */
static int duck_value(const char *e, char *out, size_t cap)
{
	if (strncmp(e, "datetime (", 10) && strncmp(e, "datetimeHoliday (", 17))
		return 0;
	const char *p = strchr(e, '(');
	int y, mo, d, h, mi, se;
	char grain[16];
	if (sscanf(p, "(%d, %d, %d, %d, %d, %d) %15s", &y, &mo, &d, &h, &mi,
		   &se, grain) != 7)
		return 0;
	if (!strcmp(grain, "Year"))
		snprintf(out, cap, "%04d", y);
	else if (!strcmp(grain, "Quarter"))
		snprintf(out, cap, "%04d-Q%d", y, (mo - 1) / 3 + 1);
	else if (!strcmp(grain, "Month"))
		snprintf(out, cap, "%04d-%02d", y, mo);
	else if (!strcmp(grain, "Week")) {
		int32_t days = fc_days_from_civil(y, mo, d);
		int32_t thu = days - fc_weekday(days) + 3;
		int ty, tm, td;
		fc_civil_from_days(thu, &ty, &tm, &td);
		snprintf(out, cap, "%04d-W%02d", ty,
			 (int)((thu - fc_days_from_civil(ty, 1, 1)) / 7) + 1);
	} else if (!strcmp(grain, "Day"))
		snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
	else if (!strcmp(grain, "Hour"))
		snprintf(out, cap, "%04d-%02d-%02dT%02d:00", y, mo, d, h);
	else if (!strcmp(grain, "Minute"))
		snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d", y, mo, d, h, mi);
	else if (!strcmp(grain, "Second"))
		snprintf(out, cap, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h,
			 mi, se);
	else
		return 0;
	return 1;
}

static void duck_phrase(void *ud, const struct fc_ynode *o)
{
	struct duck *s = ud;
	const char *phrase = get(o, "phrase"), *exp = get(o, "expected");
	const char *rt = get(o, "reference_time");
	if (!phrase || !exp || !rt)
		return;
	s->n++;
	char want[48];
	if (!duck_value(exp, want, sizeof(want))) {
		if (verbose)
			printf("DUCK-SKIP %s => %s\n", phrase, exp);
		return;
	}
	s->npoint++;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	run_norm(s->r, &a, &doc, phrase, rt);
	int ok = 0;
	for (size_t i = 0; i < doc.nmentions && !ok; i++)
		if (doc.mentions[i].kind == FC_MENTION_TIME &&
		    !strcmp(doc.mentions[i].time.value, want))
			ok = 1;
	if (ok) {
		s->okpoint++;
		s->ok++;
	} else if (verbose) {
		printf("DUCK %s => want %s, got", phrase, want);
		for (size_t i = 0; i < doc.nmentions; i++)
			if (doc.mentions[i].kind == FC_MENTION_TIME)
				printf(" [%.*s %s]",
				       (int)(doc.mentions[i].end -
					     doc.mentions[i].start),
				       doc.text + doc.mentions[i].start,
				       doc.mentions[i].time.value);
		printf("\n");
	}
	fc_arena_finish(&a);
}

int main(int argc, char **argv)
{
	const char *dirs[2] = {NULL, NULL};
	const char *data = FC_SHARED_DIR "/data/timex";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rules") && i + 1 < argc)
			dirs[0] = argv[++i];
		else if (!strcmp(argv[i], "--verbose"))
			verbose = 1;
		else
			data = argv[i];
	}
	char te3_path[4096], duck_path[4096];
	snprintf(te3_path, sizeof(te3_path), "%s/te3-tbaq.jsonl", data);
	snprintf(duck_path, sizeof(duck_path), "%s/duckling-time-en.jsonl",
		 data);
	FILE *probe = fopen(te3_path, "rb");
	if (!probe) {
		printf("timex_eval: skipped: no data at %s\n", te3_path);
		return 0;
	}
	fclose(probe);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_rules *r;
	fc_status st = fc_rules_load(dirs, 1, &r, &d);
	fc_diags_print(&d, stderr, 0);
	fc_diags_finish(&d);
	if (st) {
		fc_rules_destroy(r);
		return 2;
	}
	struct te3 t = {.r = r};
	each_line(te3_path, te3_doc, &t);
	double p = t.nsys ? (double)t.nmatch / t.nsys : 0;
	double rc = t.ngold ? (double)t.nmatch / t.ngold : 0;
	double vp = t.nsys ? (double)t.nvalue / t.nsys : 0;
	double vr = t.ngold ? (double)t.nvalue / t.ngold : 0;
	printf("TE3 (%ld docs, %ld gold, %ld system)\n", t.ndocs, t.ngold,
	       t.nsys);
	printf("  relaxed extent  P %.3f  R %.3f  F1 %.3f\n", p, rc, f1(p, rc));
	printf("  value           P %.3f  R %.3f  F1 %.3f\n", vp, vr,
	       f1(vp, vr));
	printf("  type accuracy on matches %.3f\n",
	       t.nmatch ? (double)t.ntype / t.nmatch : 0);
	struct duck k = {.r = r};
	if (each_line(duck_path, duck_phrase, &k) == 0)
		printf("Duckling (%ld phrases, %ld points)\n"
		       "  value accuracy  points %.3f  all %.3f\n",
		       k.n, k.npoint,
		       k.npoint ? (double)k.okpoint / k.npoint : 0,
		       k.n ? (double)k.ok / k.n : 0);
	else
		printf("Duckling: skipped: no data at %s\n", duck_path);
	fc_rules_destroy(r);
	return 0;
}
