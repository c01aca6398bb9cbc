/*
** fetch_test.h: helpers shared by the tests of src/fetch.
*/
#ifndef FETCH_TEST_H
#define FETCH_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fc_test.h"
#include "fetch/fetch.h"

#define DATA FC_SOURCE_ROOT "/tests/unit/fetch/data/"
#define HTML_RULES FC_SOURCE_ROOT "/rules/html"

/* The built-in kind: html rules (only them, so other kinds stay out). */
static inline struct fc_rules *load_html_rules(const char *extra)
{
	const char *dirs[] = {HTML_RULES, extra, NULL};
	struct fc_rules *r = NULL;
	struct fc_diags d;
	fc_diags_init(&d);
	fc_status st = fc_rules_load(dirs, 0, &r, &d);
	if (st || d.n)
		fc_diags_print(&d, stderr, 0);
	assert_int_equal(st, FC_OK);
	assert_int_equal(d.n, 0);
	fc_diags_finish(&d);
	return r;
}

static inline char *read_data(const char *path, size_t *len)
{
	char *data;
	assert_int_equal(fc_file_read(path, 64u << 20, &data, len), FC_OK);
	return data;
}

/* Write data to dir/name; returns the path (caller frees). */
static inline char *write_file(const char *dir, const char *name,
			       const char *data)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	assert_non_null(path);
	snprintf(path, n, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(data, f);
	fclose(f);
	return path;
}

/* The main text of data/article.html. */
static const char ARTICLE_TEXT[] =
	"The harbour bridge reopened to traffic on Friday morning, two years "
	"after engineers closed it because of corrosion in its main cables.\n\n"
	"About 40,000 vehicles a day crossed the bridge before it closed, and "
	"the detour through the industrial estate added up to twenty minutes "
	"to journeys, the harbour authority said.\n\n"
	"\xE2\x80\x9CIt is a relief for everyone who lives on the east "
	"side,\xE2\x80\x9D said Ines Moreau, who runs a bakery near the "
	"southern ramp.\n\n"
	"Costs rose by a third\n\n"
	"The repairs cost 84 million euros, a third more than the first "
	"estimate, mostly because of steel prices.\nThe authority said the "
	"final bill would be published in November.\n\n"
	"Cyclists will get a separate lane from next spring, once the lighting "
	"along the walkway has been replaced.";

/* Is p one of the "\n\n"-separated paragraphs of text? */
static inline bool has_paragraph(const char *text, const char *p)
{
	size_t n = strlen(p);
	for (const char *s = text; s && *s;) {
		const char *e = strstr(s, "\n\n");
		size_t k = e ? (size_t)(e - s) : strlen(s);
		if (k == n && !memcmp(s, p, n))
			return true;
		s = e ? e + 2 : s + k;
	}
	return false;
}

#endif
