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

#include "core/core.h"

#define MAX_DEPTH 64

struct ystate {
	const char *data;
	size_t len;
	struct fc_arena *a;
	const char *name;
	yaml_parser_t p;
	struct fc_diags *d;
	int failed;
};

static struct fc_srcloc mark_loc(const char *name, yaml_mark_t m)
{
	struct fc_srcloc l = {name, (uint32_t)m.line + 1, (uint32_t)m.column + 1,
			      1};
	return l;
}

static int push_kid(struct ystate *s, struct fc_ynode *n, struct fc_ynode *k,
		    size_t *cap)
{
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

static struct fc_ynode *parse_node(struct ystate *s, yaml_event_t *ev,
				   int depth);

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
		struct fc_ynode *k = parse_node(s, &ev, depth + 1);
		yaml_event_delete(&ev);
		if (!k || !push_kid(s, n, k, &cap))
			return 0;
	}
	if (n->type == FC_Y_MAP) {
		for (size_t i = 0; i < n->nkids; i += 2) {
			struct fc_ynode *k = n->kids[i];
			if (k->type != FC_Y_SCALAR) {
				fc_diag_add(s->d, FC_ESCHEMA, &k->loc,
					    "mapping keys must be plain "
					    "scalars");
				s->failed = 1;
				return 0;
			}
			for (size_t j = 0; j < i; j += 2)
				if (!strcmp(n->kids[j]->str, k->str)) {
					fc_diag_add(s->d, FC_ESCHEMA, &k->loc,
						    "duplicate key '%s' "
						    "(first at line %u)",
						    k->str,
						    (unsigned)n->kids[j]
							    ->loc.line);
					s->failed = 1;
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
	struct fc_ynode *n = fc_arena_alloc(s->a, sizeof(*n));
	if (!n)
		return NULL;
	n->loc = loc;
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		n->type = FC_Y_SCALAR;
		n->len = ev->data.scalar.length;
		n->str = fc_arena_strndup(s->a, (const char *)ev->data.scalar.value,
					  n->len);
		if (!n->str)
			return NULL;
		yaml_scalar_style_t st = ev->data.scalar.style;
		n->is_plain = st == YAML_PLAIN_SCALAR_STYLE;
		n->style = st == YAML_SINGLE_QUOTED_SCALAR_STYLE   ? '\''
			   : st == YAML_DOUBLE_QUOTED_SCALAR_STYLE ? '"'
			   : st == YAML_LITERAL_SCALAR_STYLE       ? '|'
			   : st == YAML_FOLDED_SCALAR_STYLE        ? '>'
								   : 'p';
		n->val_line = loc.line;
		n->val_col = loc.col + (n->style == '\'' || n->style == '"');
		if (n->style == '\'' || n->style == '"') {
			size_t a = ev->start_mark.index + 1;
			size_t b = ev->end_mark.index;
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
			n->val_line = loc.line + 1;
			size_t i = ev->start_mark.index;
			while (i < s->len && s->data[i] != '\n')
				i++;
			uint32_t ind = 0;
			while (++i < s->len && s->data[i] == ' ')
				ind++;
			n->val_col = ind + 1;
		}
		n->loc.len = (uint32_t)(ev->end_mark.index - ev->start_mark.index);
		if (n->loc.len == 0)
			n->loc.len = 1;
		return n;
	}
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

fc_status fc_yaml_load(struct fc_arena *a, const char *name, const char *data,
		       size_t len, struct fc_ynode **root, struct fc_diags *d)
{
	struct ystate s = {.data = data, .len = len, .a = a, .name = name,
			   .d = d};
	*root = NULL;
	if (!yaml_parser_initialize(&s.p))
		return FC_ENOMEM;
	yaml_parser_set_input_string(&s.p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&s.p, YAML_UTF8_ENCODING);
	struct fc_ynode *doc = NULL;
	int in_doc = 0;
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&s.p, &ev)) {
			parse_error(&s);
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
			doc = parse_node(&s, &ev, 0);
			if (!doc) {
				yaml_event_delete(&ev);
				if (!s.failed)
					fc_diag_add(d, FC_ENOMEM, NULL,
						    "out of memory reading %s",
						    name);
				s.failed = 1;
				break;
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&s.p);
	if (s.failed)
		return FC_ESYNTAX;
	*root = doc;
	return FC_OK;
}

struct fc_ynode *fc_ymap_get(const struct fc_ynode *n, const char *key)
{
	if (!n || n->type != FC_Y_MAP)
		return NULL;
	for (size_t i = 0; i + 1 < n->nkids; i += 2)
		if (!strcmp(n->kids[i]->str, key))
			return n->kids[i + 1];
	return NULL;
}

bool fc_ynode_is_null(const struct fc_ynode *n)
{
	return !n || (n->type == FC_Y_SCALAR && n->is_plain &&
		      (n->len == 0 || !strcmp(n->str, "~") ||
		       !strcmp(n->str, "null")));
}

void fc_ynode_unknown(const struct fc_ynode *n, const char *what,
		      const char *const *names, struct fc_diags *d)
{
	const char *best = fc_nearest(n->str, names, (size_t)-1);
	if (best) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "unknown %s '%s' (did you mean '%s'?)", what,
			    n->str, best);
		return;
	}
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (size_t i = 0; names[i]; i++)
		fc_buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
	fc_diag_add(d, FC_ESCHEMA, &n->loc, "unknown %s '%s' (one of %s)", what,
		    n->str, fc_buf_cstr(&b));
	fc_buf_finish(&b);
}

size_t fc_ymap_check_keys(const struct fc_ynode *n, const char *const *keys,
			  const char *what, struct fc_diags *d)
{
	size_t bad = 0;
	if (!n || n->type != FC_Y_MAP)
		return 0;
	for (size_t i = 0; i < n->nkids; i += 2) {
		const char *k = n->kids[i]->str;
		if (fc_name_index(k, keys) >= 0)
			continue;
		const char *best = fc_nearest(k, keys, (size_t)-1);
		bad++;
		if (best)
			fc_diag_add(d, FC_ESCHEMA, &n->kids[i]->loc,
				    "unknown key '%s' in %s (did you mean "
				    "'%s'?)",
				    k, what, best);
		else
			fc_diag_add(d, FC_ESCHEMA, &n->kids[i]->loc,
				    "unknown key '%s' in %s", k, what);
	}
	return bad;
}

static const char *type_name(const struct fc_ynode *n)
{
	return n->type == FC_Y_MAP ? "a mapping"
	       : n->type == FC_Y_SEQ ? "a sequence"
				     : "a scalar";
}

bool fc_ynode_str(const struct fc_ynode *n, const char *what,
		  const char **out, struct fc_diags *d)
{
	if (!n || n->type != FC_Y_SCALAR) {
		if (n)
			fc_diag_add(d, FC_ESCHEMA, &n->loc,
				    "%s must be a string, not %s", what,
				    type_name(n));
		return false;
	}
	*out = n->str;
	return true;
}

bool fc_ynode_int(const struct fc_ynode *n, const char *what, long long lo,
		  long long hi, long long *out, struct fc_diags *d)
{
	if (n && n->type == FC_Y_SCALAR && n->len > 0 && n->len < 20) {
		const char *p = n->str;
		int neg = *p == '-';
		p += neg || *p == '+';
		long long v = 0;
		int ok = *p != '\0';
		for (; *p; p++) {
			if (*p < '0' || *p > '9') {
				ok = 0;
				break;
			}
			v = v * 10 + (*p - '0');
		}
		if (neg)
			v = -v;
		if (ok && v >= lo && v <= hi) {
			*out = v;
			return true;
		}
	}
	if (n)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "%s must be a whole number from %lld to %lld",
			    what, lo, hi);
	return false;
}

bool fc_ynode_double(const struct fc_ynode *n, const char *what, double *out,
		     struct fc_diags *d)
{
	if (n && n->type == FC_Y_SCALAR && n->len > 0) {
		char *end;
		double v = strtod(n->str, &end);
		if (*end == '\0') {
			*out = v;
			return true;
		}
	}
	if (n)
		fc_diag_add(d, FC_ESCHEMA, &n->loc, "%s must be a number",
			    what);
	return false;
}

bool fc_ynode_bool(const struct fc_ynode *n, const char *what, bool *out,
		   struct fc_diags *d)
{
	if (n && n->type == FC_Y_SCALAR) {
		if (!strcmp(n->str, "true") || !strcmp(n->str, "yes")) {
			*out = true;
			return true;
		}
		if (!strcmp(n->str, "false") || !strcmp(n->str, "no")) {
			*out = false;
			return true;
		}
	}
	if (n)
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "%s must be true or false", what);
	return false;
}

bool fc_ynode_strlist(struct fc_arena *a, const struct fc_ynode *n,
		      const char *what, const char ***out, size_t *nout,
		      struct fc_diags *d)
{
	*out = NULL;
	*nout = 0;
	if (!n)
		return true;
	if (n->type == FC_Y_SCALAR) {
		const char **v = fc_arena_alloc(a, sizeof(*v));
		if (!v)
			return false;
		v[0] = n->str;
		*out = v;
		*nout = 1;
		return true;
	}
	if (n->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &n->loc,
			    "%s must be a string or a list of strings", what);
		return false;
	}
	const char **v = fc_arena_alloc(a, (n->nkids + 1) * sizeof(*v));
	if (!v)
		return false;
	bool ok = true;
	for (size_t i = 0; i < n->nkids; i++)
		ok = fc_ynode_str(n->kids[i], what, &v[i], d) && ok;
	if (!ok)
		return false; /* empty, never a list with a NULL in it */
	*out = v;
	*nout = n->nkids;
	return true;
}

static size_t char_len(const char *p, size_t avail)
{
	size_t k = fc_utf8_seq_len((const unsigned char *)p, avail);
	return k ? k : 1;
}

/* Bytes of the UTF-8 encoding of the code point in hex digits p[0, n). */
static size_t hex_utf8_len(const char *p, size_t n)
{
	unsigned long cp = 0;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		unsigned v = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
			     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
						    : 0;
		cp = cp * 16 + v;
	}
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Column of value offset off in a quoted scalar written as raw. */
static uint32_t quoted_col(const struct fc_ynode *n, size_t off)
{
	const char *d = n->raw;
	size_t len = n->raw_len, i = 0, v = 0;
	uint32_t c = n->val_col;
	while (i < len && v < off) {
		char ch = d[i];
		size_t raw = 1, val = 1;
		if (n->style == '\'' && ch == '\'') {
			raw = 2; /* '' is one quote */
		} else if (n->style == '"' && ch == '\\' && i + 1 < len) {
			raw = 2;
			switch (d[i + 1]) {
			case 'x': raw = 4; val = hex_utf8_len(d + i + 2, 2); break;
			case 'u': raw = 6; val = hex_utf8_len(d + i + 2, 4); break;
			case 'U': raw = 10; val = hex_utf8_len(d + i + 2, 8); break;
			case 'N': case '_': val = 2; break;
			case 'L': case 'P': val = 3; break;
			default: break;
			}
			if (i + raw > len)
				raw = len - i;
		} else {
			raw = val = char_len(d + i, len - i);
		}
		/* an escape is as wide as it is written; a character is 1 */
		c += raw == val ? 1 : (uint32_t)raw;
		i += raw;
		v += val;
	}
	return c;
}

struct fc_srcloc fc_ynode_loc_at(const struct fc_ynode *n, size_t off)
{
	struct fc_srcloc l = n->loc;
	l.len = 1;
	if (n->type != FC_Y_SCALAR)
		return l;
	if (off > n->len)
		off = n->len;
	if (n->raw) {
		l.line = n->val_line;
		l.col = quoted_col(n, off);
		return l;
	}
	if (n->style == '>' || (n->style != '|' && memchr(n->str, '\n', n->len))) {
		/* Folded or multi-line flow scalars: the value's newlines are
		** not the file's; point at the scalar. */
		return l;
	}
	uint32_t line = n->val_line, col = n->val_col ? n->val_col : 1;
	for (size_t i = 0; i < off;) {
		if (n->str[i] == '\n') {
			line++;
			col = n->val_col ? n->val_col : 1;
			i++;
		} else {
			col++;
			i += char_len(n->str + i, n->len - i);
		}
	}
	l.line = line;
	l.col = col;
	return l;
}
