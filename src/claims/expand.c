/*
** expand.c: claim-pattern placeholders -> PCRE2 syntax.
**
** A placeholder is "{NAME}" with NAME in upper case; it matches one
** token of the tagged string ("\x01P12\x02") of the classes it names.
** A plural name ({ACTORS}, {COUNTRIES}, ...) matches a coordinated list
** of such tokens: "A", "A and B", "A, B and C", "A, B, and the C";
** items after a comma count only when an "and" closes the list, so
** "A, B said" is the list "A". The comma items are possessive, so
** patterns stay linear.
**
** Escaped braces (\{), character classes and \Q...\E are left alone.
** The map from expanded offsets back to the pattern as written lets a
** PCRE2 error point at the right column of the YAML file.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims_p.h"

struct placeholder {
	const char *name;
	const char *classes; /* token class letters */
	bool is_list;
};

static const struct placeholder placeholders[] = {
	{"PERSON", "P", false},        {"PERSONS", "P", true},
	{"COUNTRY", "C", false},       {"COUNTRIES", "C", true},
	{"GOV", "G", false},           {"GOVS", "G", true},
	{"ORG", "O", false},           {"ORGS", "O", true},
	{"CITY", "Y", false},          {"CITIES", "Y", true},
	{"GROUP", "R", false},         {"GROUPS", "R", true},
	{"ACTOR", "PCGOR", false},     {"ACTORS", "PCGOR", true},
	{"PLACE", "CYGE", false},      {"PLACES", "CYGE", true},
	{"ENTITY", "PCGOYRE", false},  {"ENTITIES", "PCGOYRE", true},
	{"OTHER", "E", false},         {"NAMED", "PE", false},
	{"DATE", "D", false},          {"DURATION", "U", false},
	{"SET", "S", false},           {"TIME", "DUS", false},
	{"QUANTITY", "Q", false},
};

#define NPH (sizeof(placeholders) / sizeof(placeholders[0]))

struct out {
	char *p;
	size_t *map;
	size_t len, cap;
	bool is_oom;
};

static void put(struct out *o, const char *s, size_t n, size_t orig)
{
	if (o->is_oom)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t ncap = o->cap ? o->cap * 2 : 256;
		while (ncap < o->len + n + 1)
			ncap *= 2;
		char *np = realloc(o->p, ncap);
		if (!np) {
			o->is_oom = true;
			return;
		}
		o->p = np;
		size_t *nm = realloc(o->map, ncap * sizeof(*nm));
		if (!nm) {
			o->is_oom = true;
			return;
		}
		o->map = nm;
		o->cap = ncap;
	}
	memcpy(o->p + o->len, s, n);
	for (size_t i = 0; i < n; i++)
		o->map[o->len + i] = orig;
	o->len += n;
}

static void puts_at(struct out *o, const char *s, size_t orig)
{
	put(o, s, strlen(s), orig);
}

/* One token of the given classes. */
static void put_token(struct out *o, const char *classes, size_t orig)
{
	puts_at(o, "(?:\\x01", orig);
	if (classes[1]) {
		puts_at(o, "[", orig);
		puts_at(o, classes, orig);
		puts_at(o, "]", orig);
	} else {
		puts_at(o, classes, orig);
	}
	puts_at(o, "[0-9]++\\x02)", orig);
}

static void put_placeholder(struct out *o, const struct placeholder *ph,
			    size_t orig)
{
	if (!ph->is_list) {
		put_token(o, ph->classes, orig);
		return;
	}
	/* A ((, B)+ (,) and C | and C)?: comma items need a closing "and" */
	puts_at(o, "(?:", orig);
	put_token(o, ph->classes, orig);
	puts_at(o, "(?:(?:\\s*+,\\s*+(?:(?i:the)\\s++)?", orig);
	put_token(o, ph->classes, orig);
	puts_at(o, ")++(?:\\s*+,)?\\s++(?i:and|&)\\s++(?:(?i:the)\\s++)?",
		orig);
	put_token(o, ph->classes, orig);
	puts_at(o, "|\\s++(?i:and|&)\\s++(?:(?i:the)\\s++)?", orig);
	put_token(o, ph->classes, orig);
	puts_at(o, ")?)", orig);
}

static const struct placeholder *find_placeholder(const char *s, size_t n)
{
	for (size_t i = 0; i < NPH; i++)
		if (strlen(placeholders[i].name) == n &&
		    !memcmp(placeholders[i].name, s, n))
			return &placeholders[i];
	return NULL;
}

bool cl_is_builtin_placeholder(const char *name, size_t n)
{
	return find_placeholder(name, n) != NULL;
}

/* The latest definition of a user placeholder, or NULL. */
static const struct user_ph *find_user(const struct fc_claims *cl,
				       const char *s, size_t n)
{
	for (size_t i = cl ? cl->nphs : 0; i-- > 0;)
		if (strlen(cl->phs[i].name) == n &&
		    !memcmp(cl->phs[i].name, s, n))
			return &cl->phs[i];
	return NULL;
}

static const char *suggest_placeholder(const struct fc_claims *cl,
				       const char *name)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < NPH; i++) {
		size_t dist = fc_edit_distance(name, placeholders[i].name, 2);
		if (dist < bestd) {
			bestd = dist;
			best = placeholders[i].name;
		}
	}
	for (size_t i = 0; cl && i < cl->nphs; i++) {
		size_t dist = fc_edit_distance(name, cl->phs[i].name, 2);
		if (dist < bestd) {
			bestd = dist;
			best = cl->phs[i].name;
		}
	}
	return best;
}

/* Length of "{NAME}" at s[i] (upper-case letters and '_'), or 0. */
static size_t placeholder_len(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;
	while (j < len && ((s[j] >= 'A' && s[j] <= 'Z') || s[j] == '_'))
		j++;
	if (j == i + 1 || j >= len || s[j] != '}')
		return 0;
	return j + 1 - i;
}

#define MAX_DEPTH 8

/*
** Expand src into o. At depth 0 every byte maps to its own offset; in a
** user placeholder's text (depth > 0) everything maps to `at`.
*/
static bool expand_into(struct out *o, const struct fc_claims *cl,
			const char *src, size_t len, int depth, size_t at,
			struct expand_err *e)
{
	bool in_class = false, in_quote = false;
#define POS(i) (depth ? at : (i))
	for (size_t i = 0; i < len && !o->is_oom;) {
		char ch = src[i];
		if (in_quote) {
			if (ch == '\\' && i + 1 < len && src[i + 1] == 'E')
				in_quote = false;
			size_t n = ch == '\\' && i + 1 < len ? 2 : 1;
			for (size_t k = 0; k < n; k++)
				put(o, src + i + k, 1, POS(i + k));
			i += n;
			continue;
		}
		if (ch == '\\' && i + 1 < len) {
			if (src[i + 1] == 'Q')
				in_quote = true;
			put(o, src + i, 1, POS(i));
			put(o, src + i + 1, 1, POS(i + 1));
			i += 2;
			continue;
		}
		if (in_class) {
			if (ch == ']')
				in_class = false;
			put(o, src + i, 1, POS(i));
			i++;
			continue;
		}
		if (ch == '[') {
			/* "[]" and "[^]" start with a literal ']' */
			in_class = true;
			put(o, src + i, 1, POS(i));
			i++;
			if (i < len && src[i] == '^') {
				put(o, src + i, 1, POS(i));
				i++;
			}
			if (i < len && src[i] == ']') {
				put(o, src + i, 1, POS(i));
				i++;
			}
			continue;
		}
		size_t n = ch == '{' ? placeholder_len(src, len, i) : 0;
		if (!n) {
			put(o, src + i, 1, POS(i));
			i++;
			continue;
		}
		const struct placeholder *ph = find_placeholder(src + i + 1,
								n - 2);
		const struct user_ph *up = ph ? NULL
					      : find_user(cl, src + i + 1, n - 2);
		if (ph) {
			put_placeholder(o, ph, POS(i));
		} else if (up && !up->is_broken && depth < MAX_DEPTH) {
			puts_at(o, "(?:", POS(i));
			if (!expand_into(o, cl, up->node->str, up->node->len,
					 depth + 1, POS(i), e))
				return false;
			puts_at(o, ")", POS(i));
		} else {
			e->off = POS(i);
			e->len = depth ? 0 : n;
			snprintf(e->buf, sizeof(e->buf), "%.*s",
				 (int)(n - 2 < 60 ? n - 2 : 60), src + i + 1);
			e->name = e->buf;
			e->is_silent = up && up->is_broken;
			e->code = up ? FC_ELIMIT : FC_ESCHEMA;
			e->suggest = up ? NULL : suggest_placeholder(cl, e->buf);
			if (depth && !up)
				e->is_silent = true; /* reported with its definition */
			return false;
		}
		i += n;
	}
#undef POS
	return true;
}

fc_status cl_expand_placeholders(const struct fc_claims *cl, const char *src,
			      size_t len, char **out, size_t **map,
			      size_t *out_len, struct expand_err *e)
{
	struct out o = {0};
	memset(e, 0, sizeof(*e));
	*out = NULL;
	*map = NULL;
	bool ok = expand_into(&o, cl, src, len, 0, 0, e);
	/* The NUL, mapped to the end of the pattern as written. */
	put(&o, "", 1, len);
	if (o.is_oom || !ok) {
		free(o.p);
		free(o.map);
		if (o.is_oom) {
			e->code = FC_ENOMEM;
			return FC_ENOMEM;
		}
		return e->code;
	}
	o.len--;
	*out = o.p;
	*map = o.map;
	*out_len = o.len;
	return FC_OK;
}
