/*
** rules.c: load the rule suite: the built-in rules/ folder, then each
** --rules DIR, every *.yaml file below them in name order, dispatched
** by its top-level `kind:` to the module that reads it.
*/
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/arena_mark.h"
#include "factcross/fc.h"
#include "stages.h"

#define RULE_FILE_MAX (16u << 20)

typedef fc_status (*add_fn)(struct fc_rules *, const struct fc_rulefile *,
			    struct fc_diags *);

/* In the order of the FC_KIND_* bits (fc_rules.h). is_tests_read: the
** loader checks the golden cases itself (their file is parsed whole
** under FC_LOAD_NO_TESTS, so its diagnostics stay). */
static const struct {
	const char *kind;
	add_fn add;
	bool is_tests_read;
} kinds[] = {
	{"boilerplate", fc_boiler_add, false},
	{"checks", fc_checks_add, false},
	{"claims", fc_claims_add, false},
	{"html", fc_html_add, true},
	{"independence", fc_indep_add, false},
	{"lexicon", fc_lexicon_add, false},
	{"normalizer", fc_norm_add, false},
};

const char *fc_rules_builtin_dir(void)
{
	const char *env = getenv("FACTCROSS_RULES");
	if (env && *env)
		return env;
	struct stat st;
	if (stat(FC_RULES_DIR, &st) == 0 && S_ISDIR(st.st_mode))
		return FC_RULES_DIR;
	return FC_INSTALL_RULES_DIR;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect *.yaml files below dir (sorted, recursive) into *v. */
static fc_status list_yaml(struct fc_arena *a, const char *dir, char ***v,
			   size_t *n, size_t *cap, int depth)
{
	if (depth > 8)
		return FC_OK;
	DIR *dp = opendir(dir);
	if (!dp)
		return FC_EIO;
	char **names = NULL;
	size_t nn = 0, cn = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		void *g = fc_arena_grow(a, names, sizeof(*names), &cn, nn + 1);
		if (!g) {
			closedir(dp);
			return FC_ENOMEM;
		}
		names = g;
		names[nn++] = fc_arena_printf(a, "%s/%s", dir, e->d_name);
	}
	closedir(dp);
	if (nn)
		qsort(names, nn, sizeof(*names), cmp_str);
	for (size_t i = 0; i < nn; i++) {
		struct stat st;
		if (!names[i] || stat(names[i], &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			fc_status s = list_yaml(a, names[i], v, n, cap, depth + 1);
			if (s == FC_ENOMEM)
				return s;
		} else if (fc_str_ends_with(names[i], ".yaml") ||
			   fc_str_ends_with(names[i], ".yml")) {
			void *g = fc_arena_grow(a, *v, sizeof(**v), cap, *n + 1);
			if (!g)
				return FC_ENOMEM;
			*v = g;
			(*v)[(*n)++] = names[i];
		}
	}
	return FC_OK;
}

#define PEEK_MAX 1024 /* bytes of a file read for its kind */

/*
** Would libyaml's reader take p[0, n) whole (peek_kind's input, which it
** decodes before the first event, failing at once on a byte it refuses;
** only a character cut at the end waits until it is read)? Tab, LF, CR
** and printable characters in valid UTF-8 that ends whole. Stricter
** than libyaml where that is simpler (no NEL, LS, PS or BOM, nor a
** character cut at n): false only sends the file to libyaml.
*/
static bool is_reader_clean(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c < 0x80) {
			if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r'
				     : c == 0x7F)
				return false;
			i++;
			continue;
		}
		size_t k = fc_utf8_seq_len(p + i, n - i);
		if (!k)
			return false; /* also a character cut at n */
		uint32_t cp = k == 2 ? (c & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu)
			    : k == 3 ? (c & 0x0Fu) << 12 |
					       (p[i + 1] & 0x3Fu) << 6 |
					       (p[i + 2] & 0x3Fu)
				     : 0x10000;
		if (cp < 0xA0 || cp == 0x2028 || cp == 0x2029 ||
		    cp == 0xFEFF || (cp >= 0xFFFE && cp <= 0xFFFF))
			return false;
		i += k;
	}
	return true;
}

/*
** peek_kind without libyaml for the usual head of a rule file: `kind:`,
** one space, a kind and LF at the very start, then a key at the left
** margin (lowercase, '_' or '-' after the first letter) followed by ':'
** and a space or LF. libyaml gives for it the events the kind needs and
** scans no further than that ':' for the event after, which starts
** before any cut; its reader refuses a bad byte anywhere in its input
** at the first event (is_reader_clean refuses it here too). The kind's
** index, or -2 when the head is anything else (then libyaml reads it).
*/
static int peek_kind_fast(const char *data, size_t len)
{
	size_t n = len > PEEK_MAX ? PEEK_MAX : len;
	if (n < 6 || memcmp(data, "kind: ", 6) != 0)
		return -2;
	size_t i = 6, w = i;
	while (i < n && data[i] >= 'a' && data[i] <= 'z')
		i++;
	if (i == w || i >= n || data[i] != '\n')
		return -2;
	int kind = -2;
	for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++)
		if (strlen(kinds[k].kind) == i - w &&
		    !memcmp(kinds[k].kind, data + w, i - w))
			kind = (int)k;
	if (kind < 0 || ++i >= n || data[i] < 'a' || data[i] > 'z')
		return -2;
	while (i < n && ((data[i] >= 'a' && data[i] <= 'z') ||
			 data[i] == '_' || data[i] == '-'))
		i++;
	if (i + 1 >= n || data[i] != ':' ||
	    (data[i + 1] != ' ' && data[i + 1] != '\n'))
		return -2;
	if (!is_reader_clean((const unsigned char *)data, n))
		return -2;
	return kind;
}

/*
** The kind of a rule file, read from the first events of its YAML: the
** index in kinds[] when the document is a mapping whose first `kind:`
** key has a plain scalar that names a kind, else -1 (then the whole file
** is parsed, and its problems reported as ever). Parsing the YAML is
** most of loading the rules; `factcross normalize` needs two thirds of
** the files only, and a file of another kind is known to be a mapping
** with a known kind after a few events (its rules are not read: see
** fc_rules_load_kinds in fc_rules.h). Only the first PEEK_MAX bytes are
** given to the parser (it decodes its whole input first, but for a
** character cut at its end, which fails the parse only when the scan
** reaches it): the kind
** then counts when the event after it starts before the cut (not the
** end of the mapping that the cut makes), so the scalar is known to end
** where it ends in the whole file.
*/
static int peek_kind(const char *data, size_t len)
{
	int fast = peek_kind_fast(data, len);
	if (fast != -2)
		return fast;
	bool is_cut = len > PEEK_MAX;
	if (is_cut)
		len = PEEK_MAX;
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p))
		return -1;
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	int kind = -1, found = -1, depth = 0;
	bool is_key = false, is_kind = false, is_done = false;
	while (!is_done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&p, &ev))
			break;
		if (found >= 0) {
			if (!is_cut || ev.start_mark.index < len)
				kind = found; /* the event after it is whole */
			yaml_event_delete(&ev);
			break;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_START_EVENT ||
		    t == YAML_DOCUMENT_START_EVENT) {
			is_done = depth != 0;
		} else if (t == YAML_MAPPING_START_EVENT ||
			   t == YAML_SEQUENCE_START_EVENT) {
			/* the root must be a mapping; below it, skipped
			** (not as a key, nor as the value of kind) */
			if (depth == 0)
				is_done = t != YAML_MAPPING_START_EVENT;
			else
				is_done = depth == 1 && (is_key || is_kind);
			depth++;
			is_key = depth == 1;
		} else if (t == YAML_MAPPING_END_EVENT ||
			   t == YAML_SEQUENCE_END_EVENT) {
			depth--;
			is_done = depth <= 0; /* no kind */
			is_key = depth == 1;
		} else if (t == YAML_SCALAR_EVENT && depth == 1) {
			const char *v = (const char *)ev.data.scalar.value;
			bool is_plain = !ev.data.scalar.tag &&
					!ev.data.scalar.anchor &&
					ev.data.scalar.plain_implicit &&
					strlen(v) == ev.data.scalar.length;
			if (is_key) {
				is_kind = is_plain && !strcmp(v, "kind");
			} else if (is_kind) {
				size_t nk = sizeof(kinds) / sizeof(*kinds);
				for (size_t i = 0; is_plain && i < nk; i++)
					if (!strcmp(kinds[i].kind, v))
						found = (int)i;
				is_done = found < 0;
			}
			is_key = !is_key;
		} else {
			/* an alias, the end of the document or stream, or a
			** scalar below the root */
			is_done = t != YAML_SCALAR_EVENT;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return kind;
}

/* Is p[0, n) blank, or a comment after spaces? */
static bool is_blank(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (p[i] == ' ' || p[i] == '\r'))
		i++;
	return i == n || p[i] == '#';
}

/* Does the 8-byte word w hold a CR or a byte >= 0x80? */
static bool has_cr_or_high(uint64_t w)
{
	uint64_t x = w ^ 0x0D0D0D0D0D0D0D0Dull; /* a zero byte for a CR */
	return ((w | ((x - 0x0101010101010101ull) & ~x)) &
		0x8080808080808080ull) != 0;
}

/*
** Does p[0, n) (lines) hold a line break of libyaml's other than LF and
** CR LF: a CR alone (not before an LF, not last), NEL, LS or PS? A key
** may follow it at the left margin.
*/
static bool has_other_break(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		/* eight bytes at a time while none is a CR or above 0x7F
		** (the lines of a rule file are ASCII, and this reads every
		** byte after `tests:`) */
		uint64_t w;
		while (i + 8 <= n && (memcpy(&w, p + i, 8), !has_cr_or_high(w)))
			i += 8;
		if (i >= n)
			break;
		unsigned char c = (unsigned char)p[i];
		if ((c == '\r' && i + 1 < n && p[i + 1] != '\n') ||
		    (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0x85) ||
		    (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
		     ((unsigned char)p[i + 2] == 0xA8 ||
		      (unsigned char)p[i + 2] == 0xA9)))
			return true;
	}
	return false;
}

/*
** Where the golden tests of a rule file start (a top-level `tests:` key,
** read by `factcross test` only), or len. Only a block list that ends
** the file counts: `tests:` alone on its line (a comment may follow),
** its first line that is not blank or a comment a "- " item (indented
** or not), and no line at the left margin after it other than a blank
** line, a comment or a "- " item (else it may not be the last key).
** A line break libyaml sees and this does not (a CR alone, NEL, LS,
** PS) from the `tests:` line on: no cut.
** Then the value is a list (when it parses at all), so leaving it out
** changes no diagnostic but those of the YAML inside it. They are a
** third to a half of the YAML of the rules.
*/
static size_t tests_start(const char *data, size_t len)
{
	size_t start = len;
	bool is_item_seen = false;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len;
		char c = data[i];
		if (start == len) {
			if (end - i >= 6 && !memcmp(data + i, "tests:", 6) &&
			    (end - i == 6 || data[i + 6] == ' ' ||
			     data[i + 6] == '\r') &&
			    is_blank(data + i + 6, end - i - 6) &&
			    !has_other_break(data + i, end - i))
				start = i;
		} else if (c != ' ' && c != '\n' && c != '\r' && c != '#' &&
			   !(c == '-' && (i + 1 == end || data[i + 1] == ' '))) {
			return len;
		} else if (!is_item_seen && !is_blank(data + i, end - i)) {
			size_t k = i;
			while (k < end && data[k] == ' ')
				k++;
			if (data[k] != '-' ||
			    (k + 1 < end && data[k + 1] != ' ' &&
			     data[k + 1] != '\r'))
				return len; /* not a block list */
			is_item_seen = true;
		}
		i = end + 1;
	}
	/* (once over all the lines from `tests:` on: a call a line cost a
	** warm start 1.5 M instructions) */
	if (start < len && has_other_break(data + start, len - start))
		return len; /* a line of libyaml's this does not see */
	return start;
}

/* Does the loader of root's kind read its `tests:` (kinds[])? */
static bool is_tests_read(const struct fc_ynode *root)
{
	const struct fc_ynode *kn = fc_ymap_get(root, "kind");
	for (size_t i = 0; kn && kn->type == FC_Y_SCALAR &&
			   i < sizeof(kinds) / sizeof(*kinds);
	     i++)
		if (!strcmp(kinds[i].kind, kn->str))
			return kinds[i].is_tests_read;
	return false;
}

/*
** The YAML of f into f->root. A load that runs no golden tests (some
** kinds only, or FC_LOAD_NO_TESTS) parses the file up to its tests
** when they are a block list that ends it (libyaml's scanning is most
** of the cost: building no nodes for them saves a twelfth of it); if
** that part has any problem, the whole file is parsed, so the
** diagnostics are those of the whole file. Tests elsewhere are parsed
** under FC_LOAD_NO_TESTS without keeping their nodes
** (fc_yaml_load_skip: a problem inside them parses the file again
** whole). A file whose loader reads its cases (html) is parsed whole.
** Either way a file is parsed twice at most, and the nodes of a parse
** that is not kept go back to the arena.
*/
static fc_status load_yaml(struct fc_rules *r, struct fc_rulefile *f,
			   struct fc_diags *d)
{
	bool is_lean = r->kinds != FC_KIND_ALL || r->is_no_tests;
	size_t cut = is_lean ? tests_start(f->data, f->len) : f->len;
	struct fc_arena_mark m = fc_arena_mark(&r->arena);
	if (cut < f->len) {
		struct fc_diags td;
		fc_diags_init(&td);
		fc_status st = fc_yaml_load(&r->arena, f->path, f->data, cut,
					    &f->root, &td);
		/* the part before stands for the file when it is a mapping
		** at the left margin without tests (else: no kind, not a
		** mapping, a repeated key are the whole file's to say) */
		bool ok = !st && td.n == 0 && f->root &&
			  f->root->type == FC_Y_MAP && f->root->loc.col == 1 &&
			  !fc_ymap_get(f->root, "tests");
		fc_diags_finish(&td);
		if (ok && !is_tests_read(f->root))
			return FC_OK;
		f->root = NULL;
		fc_arena_rewind(&r->arena, &m);
		/* the second parse, of the whole file, is the last */
	} else if (r->is_no_tests) {
		bool is_skipped;
		fc_status st = fc_yaml_load_skip(&r->arena, f->path, f->data,
						 f->len, "tests", &f->root,
						 &is_skipped, d);
		if (st || !is_skipped || !is_tests_read(f->root))
			return st;
		f->root = NULL;
		fc_arena_rewind(&r->arena, &m);
	}
	return fc_yaml_load(&r->arena, f->path, f->data, f->len, &f->root, d);
}

static void load_file(struct fc_rules *r, const char *path,
		      struct fc_buf *all, struct fc_diags *d)
{
	struct fc_srcloc loc = {path, 0, 0, 0};
	/* The same file named twice (built in, and again in --rules) is
	** read once. */
	char *real = realpath(path, NULL);
	for (size_t i = 0; real && i < r->nfiles; i++)
		if (r->files[i].real && !strcmp(r->files[i].real, real)) {
			free(real);
			return;
		}
	char *data;
	size_t len;
	fc_status st = fc_file_read(path, RULE_FILE_MAX, &data, &len);
	if (st) {
		free(real);
		fc_diag_add(d, st, &loc, "cannot read rule file: %s",
			    fc_strerror(st));
		return;
	}
	void *g = fc_arena_grow(&r->arena, r->files, sizeof(*r->files),
				&r->capfiles, r->nfiles + 1);
	if (!g) {
		free(data);
		free(real);
		fc_diag_add(d, FC_ENOMEM, &loc, "out of memory");
		return;
	}
	r->files = g;
	struct fc_rulefile *f = &r->files[r->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = fc_arena_strdup(&r->arena, path);
	f->real = real ? fc_arena_strdup(&r->arena, real) : NULL;
	free(real);
	f->data = data;
	f->len = len;
	if (all) {
		fc_buf_add(all, path, strlen(path) + 1);
		fc_buf_add(all, data, len);
	}
	if (r->kinds != FC_KIND_ALL) {
		int k = peek_kind(data, len);
		if (k >= 0 && !(r->kinds & (1u << k))) {
			f->kind = kinds[k].kind; /* not read (f->root NULL) */
			return;
		}
	}
	if (load_yaml(r, f, d))
		return;
	if (!f->root || f->root->type != FC_Y_MAP) {
		if (f->root)
			loc = f->root->loc;
		else
			loc.line = loc.col = 1;
		fc_diag_add(d, FC_ESCHEMA, &loc,
			    "a rule file must be a mapping with a 'kind:' key");
		f->root = NULL;
		return;
	}
	const struct fc_ynode *kn = fc_ymap_get(f->root, "kind");
	const char *kind;
	if (!kn) {
		fc_diag_add(d, FC_ESCHEMA, &f->root->loc,
			    "missing 'kind:' (one of boilerplate, checks, "
			    "claims, html, independence, lexicon, normalizer)");
		return;
	}
	if (!fc_ynode_str(kn, "kind", &kind, d))
		return;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (!strcmp(kinds[i].kind, kind)) {
			f->kind = kinds[i].kind;
			if (r->kinds & (1u << i))
				kinds[i].add(r, f, d);
			return;
		}
	const char *names[sizeof(kinds) / sizeof(*kinds)];
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		names[i] = kinds[i].kind;
	const char *best = fc_nearest(kind, names, sizeof(kinds) / sizeof(*kinds));
	if (best)
		fc_diag_add(d, FC_ESCHEMA, &kn->loc,
			    "unknown rule kind '%s' (did you mean '%s'?)", kind,
			    best);
	else
		fc_diag_add(d, FC_ESCHEMA, &kn->loc,
			    "unknown rule kind '%s' (one of boilerplate, "
			    "checks, claims, html, independence, lexicon, "
			    "normalizer)",
			    kind);
}

static fc_status load_dir(struct fc_rules *r, const char *dir,
			  struct fc_buf *all, struct fc_diags *d)
{
	char **paths = NULL;
	size_t n = 0, cap = 0;
	struct stat st;
	struct fc_srcloc loc = {dir, 0, 0, 0};
	if (stat(dir, &st) != 0) {
		fc_diag_add(d, FC_EIO, &loc, "rules folder not found");
		return FC_EIO;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* A single rule file is fine too. */
		load_file(r, dir, all, d);
		return FC_OK;
	}
	fc_status s = list_yaml(&r->arena, dir, &paths, &n, &cap, 0);
	if (s) {
		fc_diag_add(d, s, &loc, "cannot list rules folder: %s",
			    fc_strerror(s));
		return s;
	}
	for (size_t i = 0; i < n; i++)
		load_file(r, paths[i], all, d);
	return FC_OK;
}

fc_status fc_rules_load(const char *const *dirs, int with_builtin,
			struct fc_rules **out, struct fc_diags *d)
{
	return fc_rules_load_kinds(dirs, with_builtin, FC_KIND_ALL, out, d);
}

fc_status fc_rules_load_kinds(const char *const *dirs, int with_builtin,
			      unsigned kinds_wanted, struct fc_rules **out,
			      struct fc_diags *d)
{
	*out = NULL;
	struct fc_rules *r = calloc(1, sizeof(*r));
	if (!r)
		return FC_ENOMEM;
	fc_arena_init(&r->arena);
	r->kinds = kinds_wanted & FC_KIND_ALL;
	r->is_no_tests = kinds_wanted & FC_LOAD_NO_TESTS;
	const char *iso = getenv("FACTCROSS_ISO_CODES");
	r->iso_codes = iso && *iso ? iso : FC_ISO_CODES;
	size_t nerr0 = d->nerr;
	/* the hash names the whole suite a store's facts came from: only a
	** load of every kind makes it */
	struct fc_buf all;
	fc_buf_init(&all, 0);
	struct fc_buf *hashed = r->kinds == FC_KIND_ALL ? &all : NULL;
	if (with_builtin)
		load_dir(r, fc_rules_builtin_dir(), hashed, d);
	for (size_t i = 0; dirs && dirs[i]; i++)
		load_dir(r, dirs[i], hashed, d);
	if (hashed)
		fc_sha256_hex(all.p ? all.p : "", all.len, r->hash);
	fc_buf_finish(&all);
	fc_boiler_compile(r, d);
	fc_norm_compile(r, d);
	fc_lexicon_compile(r, d);
	fc_claims_compile(r, d);
	fc_checks_compile(r, d);
	fc_indep_compile(r, d);
	fc_html_compile(r, d);
	if (d->nerr > nerr0) {
		fc_status st = FC_ESYNTAX;
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].sev == FC_SEV_ERROR && d->v[i].code)
				st = d->v[i].code;
		*out = r;
		return st == FC_ENOMEM ? FC_ENOMEM : st;
	}
	*out = r;
	return FC_OK;
}

void fc_rules_destroy(struct fc_rules *r)
{
	if (!r)
		return;
	fc_boiler_destroy(r->boiler);
	fc_norm_destroy(r->norm);
	fc_lexicon_destroy(r->lexicon);
	fc_claims_destroy(r->claims);
	fc_checks_destroy(r->checks);
	fc_indep_destroy(r->indep);
	fc_html_destroy(r->html);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i].data);
	fc_arena_finish(&r->arena);
	free(r);
}
