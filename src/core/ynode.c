/*
** ynode.c: YAML files as trees with positions, read with libyaml.
**
** libyaml marks are 0-based; positions here are 1-based, converted once
** in mark_loc(). Aliases are refused and nesting is limited, so a rule
** file cannot blow up memory or the stack.
*/
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/arena_mark.h"
#include "core/core.h"
#include "core/ycache_p.h"

#define MAX_DEPTH 64

struct ystate {
	const char *data;
	size_t len;
	struct fc_arena *a;
	const char *name;
	yaml_parser_t p;
	struct fc_diags *d;
	int failed;
	const char *skip_key; /* of the root mapping: value kept empty */
	bool is_skipped;      /* a value was kept empty */
	bool is_redo;         /* the skipped value had a problem */
	/* a character index of libyaml's marks and its byte offset in
	** data (byte_of): marks come in order, so the walk is linear */
	size_t at_char, at_byte;
};

/*
** The byte offset in s->data of libyaml's mark index ci: libyaml counts
** characters, and a rule file has non-ASCII ones ("€", "£") before
** quoted scalars whose raw text is cut from data. A UTF-8 BOM, which
** libyaml reads past without counting, is skipped first; bytes are
** stepped by their lead byte (libyaml has checked the encoding).
*/
static size_t byte_of(struct ystate *s, size_t ci)
{
	if (ci < s->at_char)
		s->at_char = 0, s->at_byte = 0;
	const unsigned char *d = (const unsigned char *)s->data;
	if (s->at_byte == 0 && s->len >= 3 && d[0] == 0xEF && d[1] == 0xBB &&
	    d[2] == 0xBF)
		s->at_byte = 3;
	while (s->at_char < ci && s->at_byte < s->len) {
		unsigned c = d[s->at_byte];
		s->at_byte += c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		s->at_char++;
	}
	if (s->at_byte > s->len)
		s->at_byte = s->len;
	return s->at_byte;
}

static struct fc_srcloc mark_loc(const char *name, yaml_mark_t m)
{
	struct fc_srcloc l = {name, (uint32_t)m.line + 1, (uint32_t)m.column + 1,
			      1};
	return l;
}

static int push_kid(struct ystate *s, struct fc_ynode *n, struct fc_ynode *k,
		    size_t *cap)
{
	if (n->nkids < *cap) {
		n->kids[n->nkids++] = k;
		return 1;
	}
	void *v = fc_arena_grow(s->a, n->kids, sizeof(*n->kids), cap,
				n->nkids + 1);
	if (!v)
		return 0;
	n->kids = v;
	n->kids[n->nkids++] = k;
	return 1;
}

static void parse_error(struct ystate *s)
{
	yaml_parser_t *p = &s->p;
	yaml_mark_t m = p->problem_mark;
	if (p->error == YAML_READER_ERROR)
		m.line = 0, m.column = 0;
	struct fc_srcloc l = mark_loc(s->name, m);
	if (p->error == YAML_READER_ERROR)
		l.line = l.col = 0;
	if (p->context)
		fc_diag_add(s->d, FC_ESYNTAX, &l, "YAML: %s %s", p->problem,
			    p->context);
	else
		fc_diag_add(s->d, FC_ESYNTAX, &l, "YAML: %s",
			    p->problem ? p->problem : "syntax error");
	s->failed = 1;
}

/* Bytes of a node rounded up, so that text after it keeps the
** alignment of the arena's blocks. */
#define NODE_ROOM ((sizeof(struct fc_ynode) + 15) & ~(size_t)15)

/*
** A scalar at loc (its first character): its value, style, where its
** text starts, and for a quoted scalar on one line with escapes the text
** as written. start and end are libyaml's mark indexes of the scalar
** (characters: byte_of finds their bytes in the data). The value
** is kept right after the node, in the same block (a tree is mostly
** scalars: one allocation each, not two). NULL without memory.
*/
static struct fc_ynode *scalar_node(struct ystate *s, struct fc_srcloc loc,
				    const char *value, size_t length,
				    yaml_scalar_style_t st, size_t start,
				    size_t end)
{
	if (length > SIZE_MAX / 2 - NODE_ROOM)
		return NULL;
	struct fc_ynode *n = fc_arena_alloc(s->a, NODE_ROOM + length + 1);
	if (!n)
		return NULL;
	char *str = (char *)n + NODE_ROOM;
	memcpy(str, value, length); /* the NUL after it is cleared */
	n->loc = loc;
	n->type = FC_Y_SCALAR;
	n->len = length;
	n->str = str;
	n->is_plain = st == YAML_PLAIN_SCALAR_STYLE;
	n->style = st == YAML_SINGLE_QUOTED_SCALAR_STYLE   ? '\''
		   : st == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? '"'
		   : st == YAML_LITERAL_SCALAR_STYLE       ? '|'
		   : st == YAML_FOLDED_SCALAR_STYLE        ? '>'
							   : 'p';
	n->val_line = n->loc.line;
	n->val_col = n->loc.col + (n->style == '\'' || n->style == '"');
	size_t bstart = byte_of(s, start), bend = byte_of(s, end);
	if (n->style == '\'' || n->style == '"') {
		size_t a = bstart + 1;
		size_t b = bend;
		if (b > a && b <= s->len)
			b--; /* the closing quote */
		if (b > a && b <= s->len &&
		    !memchr(s->data + a, '\n', b - a) &&
		    (b - a != n->len ||
		     memchr(s->data + a, n->style == '"' ? '\\' : '\'',
			    b - a))) {
			n->raw = fc_arena_strndup(s->a, s->data + a, b - a);
			n->raw_len = n->raw ? b - a : 0;
		}
	}
	if (n->style == '|' || n->style == '>') {
		/* The value starts on the next line, indented. */
		n->val_line = n->loc.line + 1;
		size_t i = bstart;
		while (i < s->len && s->data[i] != '\n')
			i++;
		uint32_t ind = 0;
		while (++i < s->len && s->data[i] == ' ')
			ind++;
		n->val_col = ind + 1;
	}
	n->loc.len = (uint32_t)(end - start);
	if (n->loc.len == 0)
		n->loc.len = 1;
	return n;
}

static struct fc_ynode *parse_node(struct ystate *s, yaml_event_t *ev,
				   int depth);
static struct fc_ynode *skip_node(struct ystate *s, yaml_event_t *ev,
				  int depth);

/*
** FNV-1a hash of a key as parse_children compares keys (strcmp: up to
** a NUL, or len bytes), for the duplicate checks of large mappings
** and of skipped values.
*/
static uint64_t key_hash(const char *v, size_t len)
{
	uint64_t h = 0xCBF29CE484222325ull;
	for (size_t i = 0; i < len && v[i]; i++)
		h = (h ^ (unsigned char)v[i]) * 0x100000001B3ull;
	return h;
}

/*
** May the keys of map n repeat? A large mapping (a table of a thousand
** words) is checked by hash, not by comparing each key with every key
** before it; true when in doubt (then parse_children compares them).
*/
static bool has_dup_keys(const struct fc_ynode *n)
{
	size_t nk = n->nkids / 2;
	if (nk <= 16)
		return true;
	size_t cap = 64;
	while (cap < 2 * nk)
		cap *= 2;
	uint32_t *slot = calloc(cap, sizeof(*slot));
	if (!slot)
		return true;
	bool is_dup = false;
	for (size_t i = 0; i < n->nkids && !is_dup; i += 2) {
		const struct fc_ynode *k = n->kids[i];
		if (k->type != FC_Y_SCALAR) {
			is_dup = true; /* parse_children says so */
			break;
		}
		uint64_t h = key_hash(k->str, k->len);
		size_t at = (size_t)(h ^ h >> 32) & (cap - 1);
		for (; slot[at]; at = (at + 1) & (cap - 1))
			if (!strcmp(n->kids[slot[at] - 1]->str, k->str)) {
				is_dup = true;
				break;
			}
		slot[at] = (uint32_t)i + 1;
	}
	free(slot);
	return is_dup;
}

/*
** The duplicate keys of a large map n whose keys are all scalars, with
** the diagnostics the pairwise check below gives (each repeat names the
** first occurrence of its key), found through a hash of the keys: the
** pairwise check alone was quadratic when one key of many repeats. False
** (nothing said) when a key is no scalar or without memory: then the
** pairwise check runs.
*/
static bool dup_report(struct ystate *s, const struct fc_ynode *n)
{
	size_t nk = n->nkids / 2, cap = 64;
	for (size_t q = 0; q < nk; q++)
		if (n->kids[2 * q]->type != FC_Y_SCALAR)
			return false;
	while (cap < 2 * nk)
		cap *= 2;
	uint32_t *slot = calloc(cap, sizeof(*slot)); /* first key + 1 */
	if (!slot)
		return false;
	for (size_t q = 0; q < nk; q++) {
		const struct fc_ynode *k = n->kids[2 * q];
		uint64_t h = key_hash(k->str, k->len);
		size_t at = (size_t)(h ^ h >> 32) & (cap - 1);
		for (; slot[at]; at = (at + 1) & (cap - 1))
			if (!strcmp(n->kids[2 * (slot[at] - 1)]->str, k->str))
				break;
		if (!slot[at]) {
			slot[at] = (uint32_t)q + 1;
			continue;
		}
		fc_diag_add(s->d, FC_ESCHEMA, &k->loc,
			    "duplicate key '%s' (first at line %u)", k->str,
			    (unsigned)n->kids[2 * (slot[at] - 1)]->loc.line);
		s->failed = 1;
	}
	free(slot);
	return true;
}

/* Parse children until the closing event of a sequence or mapping. */
static int parse_children(struct ystate *s, struct fc_ynode *n,
			  yaml_event_type_t end, int depth)
{
	size_t cap = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&s->p, &ev)) {
			parse_error(s);
			return 0;
		}
		if (ev.type == end) {
			yaml_event_delete(&ev);
			break;
		}
		/* the value of the root's skip_key (a key before it) */
		bool is_skip = s->skip_key && depth == 0 &&
			       n->type == FC_Y_MAP && n->nkids % 2 == 1 &&
			       n->kids[n->nkids - 1]->type == FC_Y_SCALAR &&
			       !strcmp(n->kids[n->nkids - 1]->str,
				       s->skip_key);
		struct fc_ynode *k = is_skip ? skip_node(s, &ev, depth + 1)
					     : parse_node(s, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (!k || !push_kid(s, n, k, &cap))
			return 0;
	}
	if (n->type == FC_Y_MAP) {
		bool is_dup = has_dup_keys(n);
		if (is_dup && n->nkids / 2 > 16 && dup_report(s, n))
			return 1;
		for (size_t i = 0; i < n->nkids; i += 2) {
			struct fc_ynode *k = n->kids[i];
			if (k->type != FC_Y_SCALAR) {
				fc_diag_add(s->d, FC_ESCHEMA, &k->loc,
					    "mapping keys must be plain "
					    "scalars");
				s->failed = 1;
				return 0;
			}
			for (size_t j = 0; is_dup && j < i; j += 2)
				if (!strcmp(n->kids[j]->str, k->str)) {
					fc_diag_add(s->d, FC_ESCHEMA, &k->loc,
						    "duplicate key '%s' "
						    "(first at line %u)",
						    k->str,
						    (unsigned)n->kids[j]
							    ->loc.line);
					s->failed = 1;
					break; /* the first names them all */
				}
		}
	}
	return 1;
}

static struct fc_ynode *parse_node(struct ystate *s, yaml_event_t *ev,
				   int depth)
{
	struct fc_srcloc loc = mark_loc(s->name, ev->start_mark);
	if (depth > MAX_DEPTH) {
		fc_diag_add(s->d, FC_ELIMIT, &loc,
			    "YAML nested deeper than %d levels", MAX_DEPTH);
		s->failed = 1;
		return NULL;
	}
	if (ev->type == YAML_SCALAR_EVENT)
		return scalar_node(s, loc, (const char *)ev->data.scalar.value,
				   ev->data.scalar.length,
				   ev->data.scalar.style,
				   ev->start_mark.index, ev->end_mark.index);
	struct fc_ynode *n = fc_arena_alloc(s->a, sizeof(*n));
	if (!n)
		return NULL;
	n->loc = loc;
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		n->type = FC_Y_SEQ;
		return parse_children(s, n, YAML_SEQUENCE_END_EVENT, depth) ? n
									   : NULL;
	case YAML_MAPPING_START_EVENT:
		n->type = FC_Y_MAP;
		return parse_children(s, n, YAML_MAPPING_END_EVENT, depth) ? n
									  : NULL;
	case YAML_ALIAS_EVENT:
		fc_diag_add(s->d, FC_ESCHEMA, &loc,
			    "YAML aliases are not allowed");
		s->failed = 1;
		return NULL;
	default:
		fc_diag_add(s->d, FC_ESYNTAX, &loc, "unexpected YAML event");
		s->failed = 1;
		return NULL;
	}
}

/* ---- a value read but not kept ---------------------------------------- */

#define SKIP_KEYS 256 /* keys of the open mappings of a skipped value */
#define SKIP_MAP_KEYS 64 /* keys compared one by one in a mapping */

/*
** The value that starts with event ev (at depth), read to its end with
** no nodes kept: a sequence or a mapping is a node of its type and
** position without children; a scalar is kept whole (a loader checks
** that it is null). Whatever parse_node would report there (a syntax
** error, an alias, deep nesting, a key that is no scalar, a repeated
** key) sets is_redo instead (and gives NULL): then fc_yaml_load_skip
** reads the file again with every node, and its diagnostics are
** fc_yaml_load's. A repeat is known by a hash of the keys (equal hashes
** redo too); a mapping of many keys redoes rather than compare each
** key with every other.
*/
static struct fc_ynode *skip_node(struct ystate *s, yaml_event_t *ev,
				  int depth)
{
	if (ev->type == YAML_SCALAR_EVENT)
		return parse_node(s, ev, depth);
	if ((ev->type != YAML_SEQUENCE_START_EVENT &&
	     ev->type != YAML_MAPPING_START_EVENT) ||
	    depth > MAX_DEPTH) {
		s->is_redo = true;
		return NULL;
	}
	struct fc_ynode *n = fc_arena_alloc(s->a, sizeof(*n));
	if (!n)
		return NULL;
	n->loc = mark_loc(s->name, ev->start_mark);
	n->type = ev->type == YAML_MAPPING_START_EVENT ? FC_Y_MAP : FC_Y_SEQ;
	/* per open collection from n down: a mapping?, its kids so far,
	** where its keys start in key[] */
	bool is_map[MAX_DEPTH + 1];
	size_t nkids[MAX_DEPTH + 1], base[MAX_DEPTH + 1];
	uint64_t key[SKIP_KEYS];
	size_t nkey = 0;
	int top = 0; /* open collections - 1; the deepest is at depth + top */
	is_map[0] = n->type == FC_Y_MAP;
	nkids[0] = base[0] = 0;
	while (top >= 0 && !s->is_redo) {
		yaml_event_t e;
		if (!yaml_parser_parse(&s->p, &e)) {
			s->is_redo = true; /* the syntax error, said again */
			break;
		}
		yaml_event_type_t t = e.type;
		if (t == YAML_SEQUENCE_END_EVENT || t == YAML_MAPPING_END_EVENT) {
			nkey = base[top--];
			yaml_event_delete(&e);
			continue;
		}
		bool is_key = is_map[top] && nkids[top] % 2 == 0;
		nkids[top]++;
		if (depth + top + 1 > MAX_DEPTH || t == YAML_ALIAS_EVENT) {
			s->is_redo = true;
		} else if (t == YAML_SCALAR_EVENT) {
			if (is_key) {
				uint64_t h = key_hash(
					(const char *)e.data.scalar.value,
					e.data.scalar.length);
				for (size_t i = base[top]; i < nkey; i++)
					if (key[i] == h)
						s->is_redo = true;
				if (nkey == SKIP_KEYS ||
				    nkey - base[top] == SKIP_MAP_KEYS)
					s->is_redo = true;
				else
					key[nkey++] = h;
			}
		} else if ((t == YAML_SEQUENCE_START_EVENT ||
			    t == YAML_MAPPING_START_EVENT) && !is_key) {
			top++;
			is_map[top] = t == YAML_MAPPING_START_EVENT;
			nkids[top] = 0;
			base[top] = nkey;
		} else {
			s->is_redo = true; /* a key that is no scalar */
		}
		yaml_event_delete(&e);
	}
	if (s->is_redo)
		return NULL;
	s->is_skipped = true;
	return n;
}

/* ---- JSON -------------------------------------------------------------- */

/*
** A JSON file (the iso-codes lists that the lexicon and the normalizer
** read are 60 KB of it, and libyaml takes 200 instructions a byte) is
** read here into the tree libyaml's events would make, marks counted in
** characters as libyaml counts them. Only objects, arrays and strings
** without escapes, spaces and '\n' between them, and characters that
** libyaml takes as they are: anything else (numbers, escapes, tabs, a
** duplicate key, deep nesting, bad UTF-8) gives up, and libyaml reads
** the file (with its diagnostics).
*/
struct jstate {
	struct ystate *s;
	const unsigned char *p;
	size_t n, i;
	yaml_mark_t m; /* at p[i] */
};

static void json_space(struct jstate *j)
{
	for (; j->i < j->n; j->i++) {
		unsigned char c = j->p[j->i];
		if (c == ' ') {
			j->m.column++;
		} else if (c == '\n') {
			j->m.line++;
			j->m.column = 0;
		} else {
			return;
		}
		j->m.index++;
	}
}

/* A character that libyaml reads into a double-quoted scalar as it is
** (printable, no line break, no BOM) at p[i]: its length, or 0. */
static size_t json_char(const struct jstate *j)
{
	const unsigned char *p = j->p + j->i;
	size_t avail = j->n - j->i;
	unsigned c = p[0];
	if (c < 0x80)
		return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
	size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
	if (!k || k > avail || c > 0xF4)
		return 0;
	uint32_t cp = c & (k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < k; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3F);
	}
	static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (cp < min[k] || cp > 0x10FFFF)
		return 0;
	bool ok = (cp >= 0xA0 && cp <= 0xD7FF) ||
		  (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) ||
		  cp >= 0x10000;
	return ok && cp != 0x2028 && cp != 0x2029 ? k : 0;
}

static struct fc_ynode *json_value(struct jstate *j, int depth);

/* A string at p[i] (its '"'), as a node. */
static struct fc_ynode *json_string(struct jstate *j)
{
	yaml_mark_t start = j->m;
	size_t from = ++j->i;
	j->m.column++;
	j->m.index++;
	while (j->i < j->n && j->p[j->i] != '"') {
		size_t k = json_char(j);
		if (!k)
			return NULL;
		j->i += k;
		j->m.column++;
		j->m.index++;
	}
	if (j->i >= j->n)
		return NULL;
	size_t to = j->i++;
	j->m.column++;
	j->m.index++;
	return scalar_node(j->s, mark_loc(j->s->name, start),
			   (const char *)j->p + from, to - from,
			   YAML_DOUBLE_QUOTED_SCALAR_STYLE, start.index,
			   j->m.index);
}

/* Do keys of object n repeat (then libyaml reads the file and says
** where)? Each key against those before for a few, by hash for more:
** one comparison with all before for every key was quadratic. */
static bool json_dup_keys(const struct fc_ynode *n)
{
	if (n->nkids / 2 > 16)
		return has_dup_keys(n);
	for (size_t i = 2; i < n->nkids; i += 2)
		for (size_t k = 0; k < i; k += 2)
			if (!strcmp(n->kids[k]->str, n->kids[i]->str))
				return true;
	return false;
}

/* An object or an array at p[i] (its '{' or '['). */
static struct fc_ynode *json_nest(struct jstate *j, int depth)
{
	bool is_map = j->p[j->i] == '{';
	unsigned close = is_map ? '}' : ']';
	struct fc_ynode *n = fc_arena_alloc(j->s->a, sizeof(*n));
	if (!n)
		return NULL;
	n->loc = mark_loc(j->s->name, j->m);
	n->type = is_map ? FC_Y_MAP : FC_Y_SEQ;
	j->i++;
	j->m.column++;
	j->m.index++;
	json_space(j);
	size_t cap = 0;
	if (j->i < j->n && j->p[j->i] == close) {
		j->i++;
		j->m.column++;
		j->m.index++;
		return n;
	}
	for (;;) {
		if (is_map) {
			if (j->i >= j->n || j->p[j->i] != '"')
				return NULL;
			struct fc_ynode *k = json_string(j);
			if (!k || !push_kid(j->s, n, k, &cap))
				return NULL;
			json_space(j);
			if (j->i >= j->n || j->p[j->i] != ':')
				return NULL;
			j->i++;
			j->m.column++;
			j->m.index++;
			json_space(j);
		}
		struct fc_ynode *v = json_value(j, depth + 1);
		if (!v || !push_kid(j->s, n, v, &cap))
			return NULL;
		json_space(j);
		if (j->i >= j->n)
			return NULL;
		unsigned c = j->p[j->i++];
		j->m.column++;
		j->m.index++;
		if (c == close)
			return is_map && json_dup_keys(n) ? NULL : n;
		if (c != ',')
			return NULL;
		json_space(j);
	}
}

static struct fc_ynode *json_value(struct jstate *j, int depth)
{
	if (depth > MAX_DEPTH || j->i >= j->n)
		return NULL;
	unsigned c = j->p[j->i];
	if (c == '"')
		return json_string(j);
	if (c == '{' || c == '[')
		return json_nest(j, depth);
	return NULL;
}

/* The tree of data when it is JSON read here, else NULL. */
static struct fc_ynode *json_load(struct ystate *s)
{
	if (!s->len || (s->data[0] != '{' && s->data[0] != '['))
		return NULL;
	struct jstate j = {s, (const unsigned char *)s->data, s->len, 0,
			   {0, 0, 0}};
	struct fc_ynode *root = json_value(&j, 0);
	json_space(&j);
	return root && j.i == j.n ? root : NULL;
}

/* The first document of s's data (read as JSON when it is JSON), or
** NULL when it had a problem (said to s->d unless is_redo is set). The
** nodes of a read that fails are given back to the arena: a caller that
** reads again (fc_yaml_load_skip), or goes on to other files, does not
** keep a dead tree as big as the file's. */
static fc_status yaml_read(struct ystate *s, struct fc_ynode **root)
{
	struct fc_arena_mark m = fc_arena_mark(s->a);
	*root = NULL;
	if ((*root = json_load(s)))
		return FC_OK;
	fc_arena_rewind(s->a, &m); /* a JSON tree given up half way */
	if (!yaml_parser_initialize(&s->p))
		return FC_ENOMEM;
	yaml_parser_set_input_string(&s->p, (const unsigned char *)s->data,
				     s->len);
	yaml_parser_set_encoding(&s->p, YAML_UTF8_ENCODING);
	struct fc_ynode *doc = NULL;
	int in_doc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&s->p, &ev)) {
			parse_error(s);
			break;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_DOCUMENT_START_EVENT) {
			in_doc++;
		} else if (t == YAML_DOCUMENT_END_EVENT) {
			yaml_event_delete(&ev);
			if (in_doc == 1)
				break; /* only the first document */
			continue;
		} else if (t != YAML_STREAM_START_EVENT && in_doc && !doc) {
			doc = parse_node(s, &ev, 0);
			if (!doc) {
				yaml_event_delete(&ev);
				if (!s->failed && !s->is_redo)
					fc_diag_add(s->d, FC_ENOMEM, NULL,
						    "out of memory reading %s",
						    s->name);
				s->failed = 1;
				break;
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&s->p);
	if (s->failed) {
		fc_arena_rewind(s->a, &m);
		return FC_ESYNTAX;
	}
	*root = doc;
	return FC_OK;
}

/* A parse said nothing to d since n diagnostics and nerr errors: its
** tree may be kept in the cache (a file with anything to say is always
** parsed, so that it is said as libyaml finds it). */
static bool is_quiet(const struct fc_diags *d, size_t n, size_t nerr)
{
	return d->n == n && d->nerr == nerr;
}

fc_status fc_yaml_load(struct fc_arena *a, const char *name, const char *data,
		       size_t len, struct fc_ynode **root, struct fc_diags *d)
{
	struct fc_ycache c;
	if (fc_ycache_find(&c, a, name, data, len, NULL, root, NULL)) {
		fc_ycache_finish(&c);
		return FC_OK;
	}
	size_t n = d->n, nerr = d->nerr;
	struct ystate s = {.data = data, .len = len, .a = a, .name = name,
			   .d = d};
	fc_status st = yaml_read(&s, root);
	if (!st && is_quiet(d, n, nerr))
		fc_ycache_keep(&c, *root, false);
	fc_ycache_finish(&c);
	return st;
}

static fc_status load_skip(struct fc_arena *a, const char *name,
			   const char *data, size_t len, const char *skip_key,
			   struct fc_ynode **root, bool *is_skipped,
			   struct fc_diags *d);

fc_status fc_yaml_load_skip(struct fc_arena *a, const char *name,
			    const char *data, size_t len, const char *skip_key,
			    struct fc_ynode **root, bool *is_skipped,
			    struct fc_diags *d)
{
	struct fc_ycache c;
	if (fc_ycache_find(&c, a, name, data, len, skip_key, root,
			   is_skipped)) {
		fc_ycache_finish(&c);
		return FC_OK;
	}
	size_t n = d->n, nerr = d->nerr;
	fc_status st = load_skip(a, name, data, len, skip_key, root,
				 is_skipped, d);
	if (!st && is_quiet(d, n, nerr))
		fc_ycache_keep(&c, *root, *is_skipped);
	fc_ycache_finish(&c);
	return st;
}

static fc_status load_skip(struct fc_arena *a, const char *name,
			   const char *data, size_t len, const char *skip_key,
			   struct fc_ynode **root, bool *is_skipped,
			   struct fc_diags *d)
{
	/* A problem inside the skipped value (is_redo), and the file is
	** read again whole: its diagnostics are then fc_yaml_load's, in
	** its order. A problem elsewhere is said as fc_yaml_load says it
	** (the events and nodes around the value are the same), so a
	** broken file is read twice at most. */
	struct fc_diags td;
	fc_diags_init(&td);
	struct ystate s = {.data = data, .len = len, .a = a, .name = name,
			   .d = &td, .skip_key = skip_key};
	fc_status st = yaml_read(&s, root);
	if (!s.is_redo) {
		for (size_t i = 0; i < td.n; i++) { /* all errors here */
			const struct fc_diag *g = &td.v[i];
			fc_diag_add(d, g->code, &g->loc, "%s",
				    g->msg ? g->msg : "");
		}
		/* errors counted without room for them (out of memory)
		** stay counted */
		if (td.nerr > td.n)
			d->nerr += td.nerr - td.n;
		fc_diags_finish(&td);
		*is_skipped = !st && s.is_skipped;
		return st;
	}
	fc_diags_finish(&td);
	*is_skipped = false;
	return fc_yaml_load(a, name, data, len, root, d);
}
