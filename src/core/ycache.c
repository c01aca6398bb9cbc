/*
** ycache.c: parsed YAML trees in the persistent cache (ycache_p.h says
** what is kept and when).
**
** The file: "ytree-<key>.fcc", named by its key (the bytes parsed, the
** mode of the load, the key base), so that an edited file misses and
** the same bytes under another path hit. A rule suite is some fifty
** files, so this prefix keeps YCACHE_KEEP files, least recently used
** dropped first.
**
** The payload: a magic and is_skipped, then the nodes in pre-order, each
** a fixed record (kind, style, flags, position, where the value starts,
** lengths, number of children) followed by its value's bytes and its raw
** text's. Every record is checked before it is used: lengths and counts
** against what is left, kinds and styles against what a parse makes.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena_mark.h"
#include "core/cache_p.h"
#include "core/ycache_p.h"

#define MAGIC "FCYTREE1"
#define DATA_SEED 0x7974726565646174ull /* "ytreedat" */
/* Smaller files are parsed: libyaml reads them in less than a cache
** read's system calls take, and tests' scratch files stay out. */
#define YCACHE_MIN 1024
/* Files of prefix "ytree-" kept: the built-in rules and a few --rules
** folders, each file one. */
#define YCACHE_KEEP 256
/* Levels of a tree: fc_yaml_load refuses nodes deeper than 64 below
** the root (ynode.c's MAX_DEPTH). */
#define YTREE_LEVELS 65

/* Bytes of a node rounded up, as ynode.c's scalar_node lays a scalar
** out: its value right after it in the same block. */
#define NODE_ROOM ((sizeof(struct fc_ynode) + 15) & ~(size_t)15)

enum { F_PLAIN = 1, F_RAW = 2 };

/* One node as kept (host order: a cache file is read by the build that
** wrote it). */
struct rec {
	uint8_t type, style, flags, pad;
	uint32_t line, col, loclen, val_line, val_col;
	uint32_t len, nkids, raw_len;
};

/* ---- Encoding ------------------------------------------------------------- */

static bool encode_node(struct fc_buf *b, const struct fc_ynode *n, int level)
{
	bool is_scalar = n->type == FC_Y_SCALAR;
	if (level >= YTREE_LEVELS || n->len > UINT32_MAX ||
	    n->nkids > UINT32_MAX || (is_scalar && n->nkids) ||
	    (n->raw && n->raw_len > UINT32_MAX))
		return false;
	struct rec r = {
		.type = (uint8_t)n->type,
		.style = (uint8_t)n->style,
		.flags = (uint8_t)((n->is_plain ? F_PLAIN : 0) |
				   (n->raw ? F_RAW : 0)),
		.line = n->loc.line,
		.col = n->loc.col,
		.loclen = n->loc.len,
		.val_line = n->val_line,
		.val_col = n->val_col,
		.len = (uint32_t)n->len,
		.nkids = (uint32_t)n->nkids,
		.raw_len = n->raw ? (uint32_t)n->raw_len : 0,
	};
	fc_buf_add(b, &r, sizeof(r));
	if (is_scalar)
		fc_buf_add(b, n->str, n->len);
	else if (n->len)
		return false; /* a parse gives collections no value */
	if (n->raw)
		fc_buf_add(b, n->raw, r.raw_len);
	for (size_t i = 0; i < n->nkids; i++)
		if (!encode_node(b, n->kids[i], level + 1))
			return false;
	return !b->err;
}

bool fc_ytree_encode(struct fc_buf *b, const struct fc_ynode *root,
		     bool is_skipped)
{
	if (!root)
		return false;
	fc_buf_add(b, MAGIC, 8);
	fc_cache_put_u64(b, is_skipped);
	return encode_node(b, root, 0);
}

/* ---- Decoding ------------------------------------------------------------- */

static bool is_style(unsigned t, unsigned s)
{
	if (t != FC_Y_SCALAR)
		return s == 0;
	return s == 'p' || s == '\'' || s == '"' || s == '|' || s == '>';
}

/* raw[0, n) is a raw text a parse keeps for a scalar of style: quoted,
** and in double quotes every \x, \u and \U escape has its digits
** before the end (fc_ynode_loc_at reads them). Not checked for UTF-8:
** ynode.c cuts it at libyaml's character indexes taken as bytes, so
** after a non-ASCII character it can end inside one (quoted_col steps
** over bad bytes within raw_len). */
static bool is_raw(const uint8_t *raw, size_t n, unsigned style)
{
	if (style != '"' && style != '\'')
		return false;
	for (size_t i = 0; style == '"' && i + 1 < n; i++) {
		if (raw[i] != '\\')
			continue;
		size_t w = raw[i + 1] == 'x' ? 4 : raw[i + 1] == 'u' ? 6
			   : raw[i + 1] == 'U' ? 10 : 2;
		if (w > n - i)
			return false;
		i += w - 1;
	}
	return true;
}

/* Is p[0, n) all ASCII (then valid UTF-8)? A word at a time: most of
** the rules' scalars are, and fc_utf8_valid's byte loop over 22,000 of
** them cost a warm start 1.4 M instructions; the tail as a word that
** overlaps the last one, a short scalar's as two half words or three
** bytes that overlap (a byte loop over the tails cost 0.5 M). */
static bool is_ascii(const uint8_t *p, size_t n)
{
	uint64_t acc = 0, w;
	if (n >= 8) {
		for (size_t i = 0; i + 8 <= n; i += 8) {
			memcpy(&w, p + i, 8);
			acc |= w;
		}
		memcpy(&w, p + n - 8, 8);
		acc |= w;
	} else if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, p, 4);
		memcpy(&y, p + n - 4, 4);
		acc = x | y;
	} else if (n) {
		acc = p[0] | p[n / 2] | p[n - 1];
	}
	return !(acc & 0x8080808080808080ull);
}

/* s[0, n) to d[0, n): up to 16 bytes as two copies that overlap, or
** three bytes (a memcpy call a scalar cost a warm start 0.5 M
** instructions; most are a word or two). */
static void copy_value(char *d, const uint8_t *s, size_t n)
{
	if (n > 16) {
		memcpy(d, s, n);
	} else if (n >= 8) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n) {
		d[0] = (char)s[0];
		d[n / 2] = (char)s[n / 2];
		d[n - 1] = (char)s[n - 1];
	}
}

/*
** The node at r's offset and its children (level: of the node, 0 at the
** root), or NULL when the payload is not one a parse could make. *owed:
** the children promised by the nodes above and not begun yet; each takes
** a record at least, so a node may promise only as many as the records
** left can hold besides those. (Bounding each level on its own let a
** forged chain of 65 levels each promise every record left: child
** arrays of some 14 times the file before the refusal.)
*/
static struct fc_ynode *decode_node(struct fc_cache_reader *r,
				    struct fc_arena *a, const char *name,
				    int level, size_t *owed)
{
	struct rec h;
	const uint8_t *p = fc_cache_take(r, sizeof(h));
	if (!p || level >= YTREE_LEVELS)
		return NULL;
	memcpy(&h, p, sizeof(h));
	bool is_scalar = h.type == FC_Y_SCALAR;
	if (h.type > FC_Y_MAP || !is_style(h.type, h.style) ||
	    (h.flags & ~(F_PLAIN | F_RAW)) || h.pad ||
	    (!is_scalar && (h.len || h.flags)) ||
	    (is_scalar && h.nkids) ||
	    (h.type == FC_Y_MAP && h.nkids % 2) ||
	    (!(h.flags & F_RAW) && h.raw_len) ||
	    h.len > r->n - r->off)
		return NULL;
	if (h.nkids) { /* (most nodes are scalars: no test for them) */
		size_t room = (r->n - r->off) / sizeof(h); /* records left */
		if (*owed > room || h.nkids > room - *owed)
			return NULL;
	}
	struct fc_ynode *n =
		fc_arena_alloc(a, is_scalar ? NODE_ROOM + h.len + 1 : sizeof(*n));
	if (!n)
		return NULL;
	n->type = (enum fc_ynode_type)h.type;
	n->style = (char)h.style;
	n->is_plain = h.flags & F_PLAIN;
	n->loc = (struct fc_srcloc){name, h.line, h.col, h.loclen};
	n->val_line = h.val_line;
	n->val_col = h.val_col;
	if (is_scalar) {
		char *str = (char *)n + NODE_ROOM; /* its NUL is cleared */
		const uint8_t *v = fc_cache_take(r, h.len);
		/* UTF-8, as libyaml makes every scalar (it refuses bad input,
		** and escapes give code points): the normalizer compiles
		** scalars with PCRE2_NO_UTF_CHECK */
		if (!v || (!is_ascii(v, h.len) &&
			   !fc_utf8_valid((const char *)v, h.len)))
			return NULL;
		copy_value(str, v, h.len);
		n->str = str;
		n->len = h.len;
	}
	if (h.flags & F_RAW) {
		const uint8_t *raw = fc_cache_take(r, h.raw_len);
		if (!raw || !is_raw(raw, h.raw_len, h.style))
			return NULL;
		/* all raw_len bytes (strndup would stop at a NUL, and
		** readers go by raw_len) */
		char *w = fc_arena_alloc(a, (size_t)h.raw_len + 1);
		if (!w)
			return NULL;
		memcpy(w, raw, h.raw_len);
		n->raw = w;
		n->raw_len = h.raw_len;
	}
	if (!h.nkids)
		return n;
	n->kids = fc_arena_alloc(a, h.nkids * sizeof(*n->kids));
	if (!n->kids)
		return NULL;
	*owed += h.nkids;
	for (size_t i = 0; i < h.nkids; i++) {
		(*owed)--; /* this child begins */
		struct fc_ynode *k = decode_node(r, a, name, level + 1, owed);
		/* a mapping's keys are scalars: the loaders compare them */
		if (!k || (h.type == FC_Y_MAP && i % 2 == 0 &&
			   k->type != FC_Y_SCALAR))
			return NULL;
		n->kids[i] = k;
	}
	n->nkids = h.nkids;
	return n;
}

bool fc_ytree_decode(struct fc_arena *a, const char *name, const void *p,
		     size_t n, struct fc_ynode **root, bool *is_skipped)
{
	struct fc_cache_reader r = {p, n, 0, false};
	const uint8_t *magic = fc_cache_take(&r, 8);
	uint64_t sk = fc_cache_get_u64(&r);
	if (!magic || memcmp(magic, MAGIC, 8) || sk > 1)
		return false;
	struct fc_arena_mark m = fc_arena_mark(a);
	size_t owed = 0;
	struct fc_ynode *t = decode_node(&r, a, name, 0, &owed);
	if (!t || r.is_bad || r.off != r.n) {
		fc_arena_rewind(a, &m);
		return false;
	}
	*root = t;
	*is_skipped = sk;
	return true;
}

/* ---- The cache ------------------------------------------------------------ */

/* The key of a load of data[0, len) with skip_key (or none); false
** when there is none (no build id). */
static bool load_key(const char *data, size_t len, const char *skip_key,
		     uint64_t key[2])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	bool ok = fc_cache_key_base(&b);
	fc_buf_adds(&b, "ytree\n");
	fc_cache_put_u64(&b, skip_key != NULL);
	if (skip_key)
		fc_buf_add(&b, skip_key, strlen(skip_key) + 1);
	fc_cache_put_data(&b, data, len, DATA_SEED);
	return fc_cache_key_end(&b, ok, key);
}

static void file_name(const uint64_t key[2], char buf[64])
{
	snprintf(buf, 64, "ytree-%016" PRIx64 "%016" PRIx64 ".fcc", key[0],
		 key[1]);
}

bool fc_ycache_find(struct fc_ycache *c, struct fc_arena *a, const char *name,
		    const char *data, size_t len, const char *skip_key,
		    struct fc_ynode **root, bool *is_skipped)
{
	c->dir = NULL;
	if (len < YCACHE_MIN)
		return false;
	char *dir = fc_cache_dir();
	if (!dir)
		return false;
	if (!load_key(data, len, skip_key, c->key)) {
		free(dir);
		return false;
	}
	c->dir = dir;
	char fname[64];
	file_name(c->key, fname);
	size_t n;
	void *p = fc_cache_read(dir, fname, c->key, &n);
	if (!p)
		return false;
	bool sk = false;
	struct fc_ynode *t = NULL;
	bool ok = fc_ytree_decode(a, name, p, n, &t, &sk) &&
		  (skip_key || !sk);
	free(p);
	if (!ok)
		return false; /* fc_ycache_keep writes it again */
	*root = t;
	if (is_skipped)
		*is_skipped = sk;
	return true;
}

void fc_ycache_keep(struct fc_ycache *c, const struct fc_ynode *root,
		    bool is_skipped)
{
	if (!c->dir || !root)
		return;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	if (fc_ytree_encode(&b, root, is_skipped) && !b.err) {
		char fname[64];
		file_name(c->key, fname);
		(void)fc_cache_write_keep(c->dir, fname, c->key, b.p, b.len,
					  YCACHE_KEEP);
	}
	fc_buf_finish(&b);
}

void fc_ycache_finish(struct fc_ycache *c)
{
	free(c->dir);
	c->dir = NULL;
}
