/*
** norm_expand.c: a normalizer pattern's text -> one regex.
**
** {table} becomes an alternation of the table's keys (longest first,
** shared prefixes factored), {macro} the macro's own expansion; either
** is captured under its name (numbered when it comes again), {x:name}
** under name, {x:} not at all. Every output byte remembers the YAML
** scalar and offset it came from (e->map), so a PCRE2 error points at
** the exact column in the rule file.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_expand_p.h"

#define MACRO_DEPTH 8

static int macro_find(const struct fc_norm *n, const char *name, size_t len)
{
	for (size_t i = 0; i < n->nmacros; i++)
		if (strlen(n->macros[i].name) == len &&
		    !memcmp(n->macros[i].name, name, len))
			return (int)i;
	return -1;
}

static int table_findn(const struct fc_norm *n, const char *name, size_t len)
{
	for (size_t i = 0; i < n->ntables; i++)
		if (strlen(n->tables[i].name) == len &&
		    !memcmp(n->tables[i].name, name, len))
			return (int)i;
	return -1;
}


static size_t name_hash(const char *s, size_t len)
{
	uint64_t h = 0xCBF29CE484222325ull;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
	return (size_t)(h ^ h >> 32);
}

static const char *slot_name(const struct fc_norm *n, uint32_t v)
{
	return v - 1 < n->ntables ? n->tables[v - 1].name
				  : n->macros[v - 1 - n->ntables].name;
}

bool norm_names_index(const struct fc_norm *n, struct name_index *x)
{
	size_t total = n->ntables + n->nmacros, cap = 64;
	x->slot = NULL; /* on false, an index name_find scans past */
	if (total >= UINT32_MAX / 2)
		return false;
	while (cap < 2 * total)
		cap *= 2;
	if (!(x->slot = calloc(cap, sizeof(*x->slot))))
		return false;
	x->mask = cap - 1;
	for (uint32_t v = 1; v <= total; v++) {
		const char *nm = slot_name(n, v);
		size_t k = name_hash(nm, strlen(nm)) & x->mask;
		while (x->slot[k])
			k = (k + 1) & x->mask;
		x->slot[k] = v;
	}
	return true;
}

/* The first table (is_macro: macro) named name[0, len), or -1; as
** table_findn and macro_find. */
static int name_find(const struct fc_norm *n, const struct name_index *x,
		     const char *name, size_t len, bool is_macro)
{
	if (!x->slot)
		return is_macro ? macro_find(n, name, len)
				: table_findn(n, name, len);
	int best = -1;
	for (size_t k = name_hash(name, len) & x->mask; x->slot[k];
	     k = (k + 1) & x->mask) {
		uint32_t v = x->slot[k];
		if ((v - 1 >= n->ntables) != is_macro)
			continue;
		const char *nm = slot_name(n, v);
		if (strncmp(nm, name, len) || nm[len])
			continue;
		int i = (int)(is_macro ? v - 1 - n->ntables : v - 1);
		if (best < 0 || i < best)
			best = i;
	}
	return best;
}

int norm_table_find_ix(const struct fc_norm *n, const struct name_index *x,
		       const char *name)
{
	return name_find(n, x, name, strlen(name), false);
}

/* ---- Expansion -------------------------------------------------------- */




static void emit(struct expand *e, const char *s, size_t len,
		 const struct fc_ynode *node, size_t off)
{
	size_t at = e->out.len;
	fc_buf_add(&e->out, s, len);
	if (e->out.err || e->is_mapless)
		return;
	if (at + len > e->capmap) {
		size_t nc = e->capmap ? e->capmap : 256;
		while (nc < at + len)
			nc *= 2;
		struct srcpos *m = realloc(e->map, nc * sizeof(*m));
		if (!m) {
			e->out.err = FC_ENOMEM;
			return;
		}
		e->map = m;
		e->capmap = nc;
	}
	for (size_t i = 0; i < len; i++)
		e->map[at + i] = (struct srcpos){node, (uint32_t)off};
}

/* Copy source bytes, each mapped to its own offset. */
static void emit_lit(struct expand *e, const char *s, size_t len,
		     const struct fc_ynode *node, size_t off)
{
	size_t at = e->out.len;
	emit(e, s, len, node, off);
	if (e->out.err || e->is_mapless)
		return;
	for (size_t i = 1; i < len; i++)
		e->map[at + i].off = (uint32_t)(off + i);
}

/* A key as the pattern sees it: whitespace runs as one ' ', ASCII folded
** when the pattern is caseless. */
static char *key_form(const char *k, bool is_caseless)
{
	size_t n = strlen(k), o = 0;
	char *f = malloc(n + 1);
	if (!f)
		return NULL;
	bool sp = false;
	for (; *k; k++) {
		char c = *k;
		if (c == ' ' || c == '\t') {
			sp = o > 0;
			continue;
		}
		if (sp)
			f[o++] = ' ';
		sp = false;
		f[o++] = is_caseless && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
	}
	f[o] = '\0';
	return f;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Bytes of the UTF-8 character at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

static void emit_char(struct expand *e, const char *c, size_t len,
		      const struct fc_ynode *node, size_t off)
{
	if (*c == ' ') {
		emit(e, "\\s+", 3, node, off);
		return;
	}
	if (len == 1 && strchr("\\^$.|?*+()[]{}/#", *c))
		emit(e, "\\", 1, node, off);
	emit(e, c, len, node, off);
}

/*
** keys[lo, hi), sorted, share their first d bytes: emit what follows as
** a trie, so a match tries only the branch of the next character, and
** the longer of two keys first (the optional tail is greedy).
*/
static void emit_trie(struct expand *e, char **keys, size_t lo, size_t hi,
		      size_t d, const struct fc_ynode *node, size_t off)
{
	bool term = false;
	while (lo < hi && !keys[lo][d]) {
		term = true; /* sorted: keys ending here come first */
		lo++;
	}
	if (lo == hi)
		return;
	size_t ngroups = 0;
	for (size_t i = lo; i < hi;) {
		size_t cl = char_len(keys[i] + d), j = i + 1;
		while (j < hi && !memcmp(keys[j] + d, keys[i] + d, cl))
			j++;
		ngroups++;
		i = j;
	}
	if (term && hi - lo == 1) {
		/* one key one character longer ("crore", "crores"): "s?",
		** not "(?:s)?" (a space is "\s+", which "?" would make lazy) */
		size_t cl = char_len(keys[lo] + d);
		if (!keys[lo][d + cl] && keys[lo][d] != ' ') {
			emit_char(e, keys[lo] + d, cl, node, off);
			emit(e, "?", 1, node, off);
			return;
		}
	}
	bool wrap = term || ngroups > 1;
	if (wrap)
		emit(e, "(?:", 3, node, off);
	for (size_t i = lo, g = 0; i < hi; g++) {
		size_t cl = char_len(keys[i] + d), j = i + 1;
		while (j < hi && !memcmp(keys[j] + d, keys[i] + d, cl))
			j++;
		if (g)
			emit(e, "|", 1, node, off);
		/* the characters all keys of the group share */
		size_t end = d + cl;
		for (;;) {
			const char *c = keys[i] + end;
			size_t l = *c ? char_len(c) : 0;
			size_t k = i;
			while (l && k < j && keys[k][end] &&
			       !memcmp(keys[k] + end, c, l))
				k++;
			if (!l || k < j)
				break;
			end += l;
		}
		for (size_t p = d; p < end;) {
			size_t l = char_len(keys[i] + p);
			emit_char(e, keys[i] + p, l, node, off);
			p += l;
		}
		emit_trie(e, keys, i, j, end, node, off);
		i = j;
	}
	if (wrap)
		emit(e, term ? ")?" : ")", term ? 2 : 1, node, off);
}

/* The keys of table t as an alternation (a trie, longest first). */
static void emit_table_new(struct expand *e, const struct norm_table *t,
			   const struct fc_ynode *node, size_t off)
{
	char **keys = calloc(t->n + 1, sizeof(*keys));
	size_t n = 0;
	if (!keys) {
		e->out.err = FC_ENOMEM;
		return;
	}
	for (size_t i = 0; i < t->n; i++) {
		if (!(keys[n] = key_form(t->keys[i], e->p->is_caseless))) {
			e->out.err = FC_ENOMEM;
			goto done;
		}
		if (keys[n][0])
			n++;
		else
			free(keys[n]);
	}
	qsort(keys, n, sizeof(*keys), cmp_str);
	/* a key folded to one already there adds nothing */
	size_t u = 0;
	for (size_t i = 0; i < n; i++) {
		if (u && !strcmp(keys[u - 1], keys[i]))
			free(keys[i]);
		else
			keys[u++] = keys[i];
	}
	n = u;
	if (n)
		emit_trie(e, keys, 0, n, 0, node, off);
	else
		emit(e, "(?!)", 4, node, off);
done:
	for (size_t i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* The alternation rx[0, len) of a table (emit_trie) inside the group of
** its reference: one wrapped whole in a group of its own, "(?:a|b)", goes
** in without it ("(?<month>a|b)", not "(?<month>(?:a|b))": PCRE2
** compiles each group and the start-string analysis reads each). A trie
** starts with "(?:" only when wrapped whole (emit_char escapes '('), and
** then ends with ")" or, when optional, ")?". */
static void emit_alternation(struct expand *e, const char *rx, size_t len,
			     const struct fc_ynode *node, size_t off)
{
	if (len > 4 && !memcmp(rx, "(?:", 3) && rx[len - 1] == ')')
		emit(e, rx + 3, len - 4, node, off);
	else
		emit(e, rx, len, node, off);
}

/* The bytes made from out.len at on, "(?:...)", without that group. */
static void unwrap_from(struct expand *e, size_t at)
{
	size_t len = e->out.len - at;
	if (e->out.err || len <= 4 || memcmp(e->out.p + at, "(?:", 3) ||
	    e->out.p[e->out.len - 1] != ')')
		return;
	memmove(e->out.p + at, e->out.p + at + 3, len - 4);
	if (!e->is_mapless)
		memmove(e->map + at, e->map + at + 3,
			(len - 4) * sizeof(*e->map));
	e->out.len -= 4;
	e->out.p[e->out.len] = '\0';
}

/* emit_table_new, or the bytes it made for table ti before, placed as
** emit_alternation places them. */
static void emit_table(struct expand *e, int ti, const struct fc_ynode *node,
		       size_t off)
{
	struct table_rx *c =
		e->cache ? &e->cache[2 * (size_t)ti + e->p->is_caseless] : NULL;
	if (c && c->is_made) {
		emit_alternation(e, c->rx, c->len, node, off);
		return;
	}
	size_t at = e->out.len;
	emit_table_new(e, &e->n->tables[ti], node, off);
	if (e->out.err)
		return;
	size_t len = e->out.len - at;
	if (c && (c->rx = malloc(len ? len : 1))) {
		memcpy(c->rx, e->out.p + at, len);
		c->len = len;
		c->is_made = true;
	}
	unwrap_from(e, at);
}

static void unknown_ref(struct expand *e, const struct fc_ynode *node,
			size_t off, const char *name, size_t len)
{
	char nm[64];
	size_t l = len < sizeof(nm) - 1 ? len : sizeof(nm) - 1;
	memcpy(nm, name, l);
	nm[l] = '\0';
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < e->n->ntables + e->n->nmacros; i++) {
		const char *c = i < e->n->ntables
					? e->n->tables[i].name
					: e->n->macros[i - e->n->ntables].name;
		size_t dist = fc_edit_distance(nm, c, 2);
		if (dist < bestd) {
			bestd = dist;
			best = c;
		}
	}
	struct fc_srcloc loc = fc_ynode_loc_at(node, off);
	loc.len = (uint32_t)len;
	if (best)
		fc_diag_add(e->d, FC_ESCHEMA, &loc,
			    "unknown table '%s' (did you mean '%s'?)", nm,
			    best);
	else
		fc_diag_add(e->d, FC_ESCHEMA, &loc, "unknown table '%s'", nm);
	e->failed = true;
}

/* Choose the capture name for a reference: explicit, or auto-numbered. */
static const char *capture_name(struct expand *e, const char *base,
				size_t blen, int table, bool is_explicit)
{
	if (e->nnames >= sizeof(e->names) / sizeof(e->names[0]) ||
	    blen >= 32)
		return NULL;
	char *dst = e->names[e->nnames];
	for (int k = 1; k < 100; k++) {
		if (is_explicit) {
			snprintf(dst, 40, "%.*s", (int)blen, base);
			break;
		}
		if (k == 1)
			snprintf(dst, 40, "%.*s", (int)blen, base);
		else
			snprintf(dst, 40, "%.*s%d", (int)blen, base, k);
		size_t j;
		for (j = 0; j < e->nnames; j++)
			if (!strcmp(e->names[j], dst))
				break;
		if (j == e->nnames)
			break;
	}
	e->tables[e->nnames++] = table;
	return dst;
}

static bool expand_node(struct expand *e, const struct fc_ynode *node,
			int depth, bool *is_wrapped);

/* Put "(?:" before the bytes made from out.len at on (and ")" after
** them): a group of their own. */
static void wrap_from(struct expand *e, size_t at, const struct fc_ynode *node,
		      size_t off)
{
	size_t len = e->out.len - at;
	emit(e, "(?:", 3, node, off);
	if (e->out.err)
		return;
	memmove(e->out.p + at + 3, e->out.p + at, len);
	memcpy(e->out.p + at, "(?:", 3);
	if (!e->is_mapless) {
		memmove(e->map + at + 3, e->map + at, len * sizeof(*e->map));
		for (size_t k = 0; k < 3; k++)
			e->map[at + k] = (struct srcpos){node, (uint32_t)off};
	}
	emit(e, ")", 1, node, off);
}

/* Does the macro's text rx[0, len) need its group, spliced into a
** look-behind before next ('|' or ')')? When it sets an option for
** what follows it, "(?i)" (not "(?i:...)"), and a branch follows: the
** setting would reach that branch, which in the reference's group it
** does not; when it ends in a lone backslash: that would escape the
** look-behind's '|' or ')', and "(?<={m:}|q)" with m "ab\\" would load
** as a look-behind of "ab|q", not fail. Escapes are skipped; a
** setting in a class or in a nested group counts too (the group is
** then kept: no harm). */
static bool splice_needs_group(const char *rx, size_t len, char next)
{
	for (size_t k = 0; k < len; k++) {
		if (rx[k] == '\\') {
			if (k + 1 == len)
				return true;
			k++;
			continue;
		}
		if (next != '|' || rx[k] != '(' || k + 1 == len ||
		    rx[k + 1] != '?')
			continue;
		size_t m = k + 2;
		while (m < len && ((rx[m] >= 'a' && rx[m] <= 'z') ||
				   (rx[m] >= 'A' && rx[m] <= 'Z') ||
				   rx[m] == '-' || rx[m] == '^'))
			m++;
		if (m > k + 2 && m < len && rx[m] == ')')
			return true;
	}
	return false;
}

/* Expand one {ref} starting at s[i] == '{'; returns bytes consumed.
** *is_bal becomes false when what it made does not balance its
** parentheses (see expand_node). is_lb_branch: the reference opens a
** branch of a look-behind written in node's text; when it is the whole
** branch and captures nothing, "(?<!a\s|{words:})", its branches go in
** as the look-behind's own ("(?<!a\s|b\s|cd\s)"): PCRE2 10.42 takes a
** look-behind whose top-level branches differ in length, not a group
** inside it whose branches do, and "x|(?:y|z)" matches what "x|y|z"
** does; unless the macro's text must keep its group
** (splice_needs_group). */
static size_t expand_ref(struct expand *e, const struct fc_ynode *node,
			 size_t i, int depth, bool *is_bal, bool is_lb_branch)
{
	const char *s = node->str;
	size_t j = i + 1;
	while ((s[j] >= 'a' && s[j] <= 'z') || s[j] == '_' ||
	       (s[j] >= '0' && s[j] <= '9'))
		j++;
	const char *name = s + i + 1;
	size_t nlen = j - i - 1;
	const char *cap = name;
	size_t clen = nlen;
	bool explicit_cap = false;
	if (s[j] == ':') {
		size_t k = j + 1;
		while ((s[k] >= 'a' && s[k] <= 'z') || s[k] == '_' ||
		       (s[k] >= '0' && s[k] <= '9'))
			k++;
		if (s[k] != '}')
			goto literal;
		cap = s + j + 1;
		clen = k - j - 1;
		explicit_cap = true;
		j = k;
	}
	if (s[j] != '}')
		goto literal;
	int t = name_find(e->n, e->names_ix, name, nlen, false);
	int mc = t < 0 ? name_find(e->n, e->names_ix, name, nlen, true) : -1;
	if (t < 0 && mc < 0) {
		unknown_ref(e, node, i + 1, name, nlen);
		return j + 1 - i;
	}
	bool is_splice = clen == 0 && is_lb_branch &&
			 (s[j + 1] == '|' || s[j + 1] == ')');
	if (is_splice) {
		/* no group: the branches are the look-behind's */
	} else if (clen == 0) {
		emit(e, "(?:", 3, node, i);
	} else {
		const char *cn = capture_name(e, cap, clen, t, explicit_cap);
		if (!cn) {
			struct fc_srcloc loc = fc_ynode_loc_at(node, i);
			fc_diag_add(e->d, FC_ELIMIT, &loc,
				    "too many references in one pattern");
			e->failed = true;
			return j + 1 - i;
		}
		emit(e, "(?<", 3, node, i);
		emit(e, cn, strlen(cn), node, i);
		emit(e, ">", 1, node, i);
	}
	if (t >= 0) {
		emit_table(e, t, node, i);
	} else {
		if (depth >= MACRO_DEPTH) {
			struct fc_srcloc loc = fc_ynode_loc_at(node, i);
			fc_diag_add(e->d, FC_ESCHEMA, &loc,
				    "macros nested deeper than %d (a macro "
				    "that includes itself?)",
				    MACRO_DEPTH);
			e->failed = true;
			return j + 1 - i;
		}
		/* the macro's text in the reference's group, not in a
		** group of its own ("(?<num>...)", not "(?<num>(?:...))":
		** PCRE2 compiles each group, the start-string analysis
		** reads each), unless its parentheses do not balance: "a)|(b"
		** stays in a group of its own, as ever */
		size_t at = e->out.len;
		bool is_wrapped = false;
		if (!expand_node(e, e->n->macros[mc].node, depth + 1,
				 &is_wrapped)) {
			wrap_from(e, at, node, i);
			*is_bal = false;
		} else {
			/* "(?:one|two)" written whole in a group goes in
			** without it too */
			if (is_wrapped)
				unwrap_from(e, at);
			if (is_splice && !e->out.err &&
			    splice_needs_group(e->out.p + at, e->out.len - at,
					       s[j + 1]))
				wrap_from(e, at, node, i);
		}
	}
	if (!is_splice)
		emit(e, ")", 1, node, i);
	return j + 1 - i;
literal:
	emit(e, "{", 1, node, i);
	return 1;
}

void norm_expand_str(struct expand *e, const struct fc_ynode *node,
		     int depth)
{
	expand_node(e, node, depth, NULL);
}

/* The bytes expand_node reads: the others are copied as they are. */
static const bool is_meta[256] = {
	['\\'] = true, ['['] = true, [']'] = true, ['{'] = true,
	['('] = true,  [')'] = true, ['|'] = true,
};

/* The bytes of the look-behind s[0, len) opens at a '(', "(?<=" or
** "(?<!" or a spelling of PCRE2's, "(*nlb:" (their branches may differ
** in length alike); 0: none. */
static size_t lookbehind_len(const char *s, size_t len)
{
	static const char *const alpha[] = {
		"(*plb:", "(*nlb:", "(*naplb:", "(*positive_lookbehind:",
		"(*negative_lookbehind:", "(*non_atomic_positive_lookbehind:",
	};
	if (len > 3 && s[1] == '?')
		return s[2] == '<' && (s[3] == '=' || s[3] == '!') ? 4 : 0;
	if (len < 2 || s[1] != '*')
		return 0;
	for (size_t k = 0; k < sizeof(alpha) / sizeof(alpha[0]); k++) {
		size_t l = strlen(alpha[k]);
		if (len >= l && !memcmp(s, alpha[k], l))
			return l;
	}
	return 0;
}

/*
** norm_expand_str; false when the text made does not balance its
** parentheses (a ')' closes a group opened before it, or a group stays
** open at its end), the macros it expands included.
*/
static bool expand_node(struct expand *e, const struct fc_ynode *node,
			int depth, bool *is_wrapped)
{
	const char *s = node->str;
	bool in_class = false, is_bal = true;
	size_t open = 0; /* groups open in node's own text */
	size_t first_close = SIZE_MAX; /* where the first of them closes */
	size_t run = 0; /* source bytes from here on are copied as they are */
	/* bit k: the group open at depth k + 1 is a look-behind; where the
	** last one's first branch starts and the last '|' (a reference
	** there or right after it opens a branch of it) */
	uint64_t lb = 0;
	size_t lb_open = SIZE_MAX, bar = SIZE_MAX;
	for (size_t i = 0; i < node->len && !e->failed;) {
		char c = s[i];
		if (!is_meta[(unsigned char)c]) {
			i++; /* a byte that changes no state, in a class or out */
			continue;
		}
		if (c == '\\' && i + 1 < node->len) {
			i += 2;
			continue;
		}
		if (in_class) {
			if (c == ']')
				in_class = false;
			i++;
			continue;
		}
		if (c == '[') {
			in_class = true;
			i++;
			/* a ']' right after '[' or '[^' is literal */
			if (s[i] == '^')
				i++;
			if (s[i] == ']')
				i++;
			continue;
		}
		if (c == '{' && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
				 s[i + 1] == '_')) {
			emit_lit(e, s + run, i - run, node, run);
			bool is_lb = lb_open == i ||
				     (i >= 1 && bar == i - 1 && open &&
				      open <= 64 && (lb >> (open - 1) & 1));
			i += expand_ref(e, node, i, depth, &is_bal, is_lb);
			run = i;
			continue;
		}
		if (c == '|') {
			bar = i;
		} else if (c == ')') {
			is_bal = is_bal && open > 0;
			open -= open > 0;
			if (!open && first_close == SIZE_MAX)
				first_close = i;
		} else if (c == '(') {
			open++;
			size_t lbl = open <= 64
					     ? lookbehind_len(s + i, node->len - i)
					     : 0;
			if (lbl) {
				lb |= 1ull << (open - 1);
				lb_open = i + lbl;
			} else if (open <= 64) {
				lb &= ~(1ull << (open - 1));
			}
		}
		if (c == '(' && i + 3 < node->len && s[i + 1] == '?' &&
		    s[i + 2] == '<' && s[i + 3] != '=' && s[i + 3] != '!') {
			/* a named group written out, "(?<hour>": record it
			** (no table) so the groups of a name and their tables
			** stay in step with the references */
			size_t k = i + 3;
			while (k < node->len && s[k] != '>')
				k++;
			if (k < node->len &&
			    !capture_name(e, s + i + 3, k - i - 3, -1, true)) {
				struct fc_srcloc loc = fc_ynode_loc_at(node, i);
				fc_diag_add(e->d, FC_ELIMIT, &loc,
					    "too many references in one "
					    "pattern");
				e->failed = true;
			}
		}
		i++;
	}
	if (!e->failed && run < node->len)
		emit_lit(e, s + run, node->len - run, node, run);
	is_bal = is_bal && open == 0;
	/* wrapped whole: "(?:" first, its ')' last */
	if (is_wrapped)
		*is_wrapped = is_bal && node->len > 4 &&
			      !memcmp(s, "(?:", 3) &&
			      first_close == node->len - 1;
	return is_bal;
}
