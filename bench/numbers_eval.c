/*
** numbers_eval.c: accuracy of the quantity normalizer on the
** Recognizers-Text English specs (numbers, ranges, ordinals, percents,
** currency, dimensions).
**
**   numbers_eval [--rules DIR]... [--verbose] [DATA_DIR]
**
** DATA_DIR (default: the shared data folder beside the repo,
** numbers/recognizers/) holds NumberModel.json, CurrencyModel.json, ...:
** arrays of {Input, Results: [{Text, Start, End, TypeName,
** Resolution: {value, unit, isoCurrency}}]}. For every gold result, a
** quantity mention must overlap its span (one to one) and carry its
** value: numbers and currency compare the number, percentages the number
** before '%', ranges "(20,35]" the bounds and their openness. Results
** without a number (relative ordinals "next", "last"; a bare "dollar")
** and cases marked NotSupported for dotnet are skipped, and so are
** results strictly inside a time mention (the "5" of "5/17/2018", the
** "3" of "in 3 years": a date or duration holds them), counted apart.
** Start and End are UTF-16 indices, mapped to bytes. Prints, per file,
** value accuracy (matched results over gold results) and the mentions
** found in cases whose gold is empty.
** Currency also reports ISO 4217 agreement where the gold names a code;
** AgeModel and TemperatureModel (present or not) report unit agreement:
** their units "Year", "Month", "Week", "Day", "C", "F", "Degree" map to
** ours ("year of age", ..., "degree Celsius", "degree Fahrenheit",
** "degree"). A result without Start and End (most of AgeModel's) is
** placed at the first caseless occurrence of its Text in the input.
** Skips (exit 0) with a message when the data is absent.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static bool near(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1.0, fmax(fabs(a), fabs(b)));
}

struct tally {
	long ngold, nok, nskip, nempty_cases, nspurious, nintime;
	long niso, nisook;
	long nunit, nunitok;
};


/*
** Recognizers' Start and End are .NET string indices (UTF-16 code units,
** End inclusive); our spans are UTF-8 bytes. The byte offset of UTF-16
** index u in s (len bytes), or len when u is past the end.
*/
static long byte_at(const char *s, size_t len, long u)
{
	size_t i = 0;
	for (long k = 0; i < len && k < u;) {
		size_t n = fc_utf8_seq_len((const unsigned char *)s + i,
					   len - i);
		if (!n)
			n = 1;
		k += n == 4 ? 2 : 1; /* beyond the BMP: a surrogate pair */
		i += n;
	}
	return (long)i;
}

/* A resolution value that is a number ("null" is not one). */
static const char *gold_value(const struct fc_ynode *res)
{
	const char *v = get(res, "value");
	return v && strcmp(v, "null") ? v : NULL;
}

/* Does mention q carry the gold resolution's value? */
static bool value_ok(const char *type, const struct fc_ynode *res,
		     const struct fc_quantity *q)
{
	const char *v = gold_value(res);
	if (!v)
		return false;
	if (!strcmp(type, "numberrange")) {
		/* "(20,35]", "[20,)", "(,30)" */
		char lb = v[0];
		const char *comma = strchr(v, ',');
		if (!comma || (lb != '(' && lb != '['))
			return false;
		char *end;
		bool has_lo = comma > v + 1, has_hi = comma[1] != ')' &&
						      comma[1] != ']';
		double lo = has_lo ? strtod(v + 1, &end) : 0;
		double hi = has_hi ? strtod(comma + 1, &end) : 0;
		if (has_lo == q->is_lo_open || has_hi == q->is_hi_open)
			return false;
		return (!has_lo || near(lo, q->lo)) &&
		       (!has_hi || near(hi, q->hi));
	}
	char *end;
	double want = strtod(v, &end);
	if (end == v)
		return false;
	return near(want, q->value);
}

/*
** Is [s, e) strictly inside a time mention (a number that is a part of
** a date or a duration: "5" of "5/17/2018", "3" of "3 years")? A time
** over exactly the gold span is a competing reading and is not excused.
*/
static bool in_time(const struct fc_document *doc, long s, long e)
{
	for (size_t i = 0; i < doc->nmentions; i++) {
		const struct fc_mention *m = &doc->mentions[i];
		if (m->kind == FC_MENTION_TIME && (long)m->start <= s &&
		    (long)m->end >= e && (long)(m->end - m->start) > e - s)
			return true;
	}
	return false;
}

/* Our unit word for a Recognizers-Text age or temperature unit. */
static const char *our_unit(const char *gold)
{
	static const char *const map[][2] = {
		{"Year", "year of age"},   {"Month", "month of age"},
		{"Week", "week of age"},   {"Day", "day of age"},
		{"C", "degree Celsius"},   {"F", "degree Fahrenheit"},
		{"Degree", "degree"},
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(gold, map[i][0]))
			return map[i][1];
	return NULL;
}

/*
** The gold span in bytes: Start and End, or else the first caseless
** occurrence of Text in the input. False when neither places it.
*/
static bool gold_span(const struct fc_ynode *g, const char *input,
		      size_t len, long *s, long *e)
{
	const char *gs = get(g, "Start"), *ge = get(g, "End");
	if (gs && ge) {
		*s = byte_at(input, len, strtol(gs, NULL, 10));
		*e = byte_at(input, len, strtol(ge, NULL, 10) + 1);
		return true;
	}
	const char *text = get(g, "Text");
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; n && i + n <= len; i++)
		if (!strncasecmp(input + i, text, n)) {
			*s = (long)i;
			*e = (long)(i + n);
			return true;
		}
	return false;
}

/* Age and temperature: does the mention carry the gold unit, mapped? */
static void check_unit(const struct fc_ynode *g, const struct fc_ynode *rz,
		       const struct fc_mention *hm, const char *input,
		       struct tally *t)
{
	const char *type = get(g, "TypeName");
	const char *gu = get(rz, "unit");
	const char *want = gu && type && (!strcmp(type, "age") ||
					  !strcmp(type, "temperature"))
				   ? our_unit(gu)
				   : NULL;
	if (!want)
		return;
	const char *u = hm ? hm->quantity.unit : NULL;
	bool is_ok = u && !strcmp(u, want);
	t->nunit++;
	t->nunitok += is_ok;
	if (!is_ok && verbose)
		printf("  UNIT %s: \"%s\" want %s, got %s\n", input,
		       get(g, "Text"), want, u ? u : "no unit");
}

static void eval_case(const struct fc_rules *r, const struct fc_ynode *c,
		      struct tally *t)
{
	const char *input = get(c, "Input");
	const char *ns = get(c, "NotSupported");
	const struct fc_ynode *res = fc_ymap_get(c, "Results");
	if (!input || !res || res->type != FC_Y_SEQ)
		return;
	if (ns && strstr(ns, "dotnet"))
		return;
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_document doc;
	memset(&doc, 0, sizeof(doc));
	doc.text = fc_arena_strdup(&a, input);
	doc.text_len = strlen(input);
	struct fc_diags d;
	fc_diags_init(&d);
	fc_norm_doc(r, &a, &doc, &d);
	fc_diags_finish(&d);
	fc_mentions_finish(&doc);
	char *used = calloc(doc.nmentions + 1, 1);
	if (res->nkids == 0) {
		t->nempty_cases++;
		for (size_t i = 0; i < doc.nmentions; i++)
			if (doc.mentions[i].kind == FC_MENTION_QUANTITY) {
				t->nspurious++;
				if (verbose)
					printf("  SPURIOUS %s: %.*s\n", input,
					       (int)(doc.mentions[i].end -
						     doc.mentions[i].start),
					       doc.text + doc.mentions[i].start);
			}
	}
	for (size_t k = 0; k < res->nkids; k++) {
		const struct fc_ynode *g = res->kids[k];
		const char *type = get(g, "TypeName");
		const struct fc_ynode *rz = fc_ymap_get(g, "Resolution");
		long s, e;
		if (!type || !rz ||
		    !gold_span(g, input, doc.text_len, &s, &e))
			continue;
		if (!strcmp(type, "ordinal.relative") || !gold_value(rz)) {
			/* no number to compare: "next", a bare "dollar",
			** "a small percent" (value "null") */
			t->nskip++;
			continue;
		}
		if (in_time(&doc, s, e)) {
			/* "5" of "5/17/2018", "3" of "in 3 years": read as
			** part of a date or duration */
			t->nintime++;
			if (verbose)
				printf("  IN TIME %s: \"%s\"\n", input,
				       get(g, "Text"));
			continue;
		}
		t->ngold++;
		bool ok = false;
		size_t hit = doc.nmentions;
		for (size_t i = 0; i < doc.nmentions && !ok; i++) {
			const struct fc_mention *m = &doc.mentions[i];
			if (used[i] || m->kind != FC_MENTION_QUANTITY ||
			    (long)m->end <= s || (long)m->start >= e)
				continue;
			if (hit == doc.nmentions)
				hit = i;
			if (value_ok(type, rz, &m->quantity)) {
				ok = true;
				hit = i;
			}
		}
		if (hit < doc.nmentions)
			used[hit] = 1;
		t->nok += ok;
		check_unit(g, rz, hit < doc.nmentions ? &doc.mentions[hit] : NULL,
			   input, t);
		const char *iso = get(rz, "isoCurrency");
		if (iso) {
			const struct fc_mention *hm =
				hit < doc.nmentions ? &doc.mentions[hit] : NULL;
			const char *u = hm ? hm->quantity.unit : NULL;
			bool is_iso_ok = u && !strcmp(u, iso);
			t->niso++;
			t->nisook += is_iso_ok;
			if (!is_iso_ok && verbose)
				printf("  ISO %s: \"%s\" want %s, got %s\n",
				       input, get(g, "Text"), iso,
				       u ? u : "no unit");
		}
		if (!ok && verbose) {
			printf("  MISS %s: \"%s\" want %s", input,
			       get(g, "Text"), get(rz, "value"));
			if (hit < doc.nmentions) {
				const struct fc_mention *m = &doc.mentions[hit];
				printf(", got \"%.*s\" %g [%g, %g]%s%s",
				       (int)(m->end - m->start),
				       doc.text + m->start, m->quantity.value,
				       m->quantity.lo, m->quantity.hi,
				       m->quantity.unit ? " " : "",
				       m->quantity.unit ? m->quantity.unit
							: "");
			}
			printf("\n");
		}
	}
	free(used);
	fc_arena_finish(&a);
}

static int eval_file(const struct fc_rules *r, const char *dir,
		     const char *name)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s.json", dir, name);
	char *data;
	size_t len;
	if (fc_file_read(path, 0, &data, &len) != FC_OK) {
		printf("%-18s skipped: no data at %s\n", name, path);
		return 0;
	}
	struct fc_arena a;
	fc_arena_init(&a);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_ynode *root = NULL;
	struct tally t = {0};
	if (verbose)
		printf("%s\n", name);
	if (fc_yaml_load(&a, path, data, len, &root, &d) == FC_OK && root &&
	    root->type == FC_Y_SEQ)
		for (size_t i = 0; i < root->nkids; i++)
			eval_case(r, root->kids[i], &t);
	else
		fc_diags_print(&d, stderr, 0);
	printf("%-18s value accuracy %.3f (%ld of %ld results)", name,
	       t.ngold ? (double)t.nok / (double)t.ngold : 0, t.nok, t.ngold);
	if (t.nskip)
		printf(", %ld without a number skipped", t.nskip);
	if (t.nintime)
		printf(", %ld inside a time not scored", t.nintime);
	if (t.nempty_cases)
		printf(", %ld mentions in %ld no-result cases", t.nspurious,
		       t.nempty_cases);
	if (t.niso)
		printf(", ISO 4217 %ld of %ld", t.nisook, t.niso);
	if (t.nunit)
		printf(", unit %ld of %ld", t.nunitok, t.nunit);
	printf("\n");
	fc_diags_finish(&d);
	fc_arena_finish(&a);
	free(data);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dirs[8] = {NULL};
	size_t ndirs = 0;
	const char *data = FC_SHARED_DIR "/data/numbers/recognizers";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--rules") && i + 1 < argc && ndirs < 7)
			dirs[ndirs++] = argv[++i];
		else if (!strcmp(argv[i], "--verbose"))
			verbose = 1;
		else
			data = argv[i];
	}
	char probe_path[4096];
	snprintf(probe_path, sizeof(probe_path), "%s/NumberModel.json", data);
	FILE *probe = fopen(probe_path, "rb");
	if (!probe) {
		printf("numbers_eval: skipped: no data at %s\n", probe_path);
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
	static const char *const files[] = {
		"NumberModel", "CurrencyModel", "PercentModel",
		"NumberRangeModel", "OrdinalModel", "DimensionModel",
		"AgeModel", "TemperatureModel",
	};
	printf("Recognizers-Text (English)\n");
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		eval_file(r, data, files[i]);
	fc_rules_destroy(r);
	return 0;
}
