/*
** lexicon_iso2.c: states, provinces and regions from Debian's iso-codes
** ISO 3166-2 JSON (iso_3166-2.json, beside the ISO 3166-1 list at
** r->iso_codes), read when a lexicon file asks for them:
**
**   subdivisions: {types: [State, Province, ...], skip: [Central, FR-75],
**                  suffixes: [" Sheng"]}
**
** Each first-level subdivision (no "parent") of one of the types gives
** a place name:<slug of its name> of type other with the country of its
** code, the id an unknown name gets too, so that "Helmand" is the same
** entity whether the lexicon knows it or not. The lexicon's own entries
** win: a name already in the gazetteer (a country, a city, a place, a
** given name, a cue) is not taken, nor one that `skip` lists by name or
** by code; a suffix listed is cut ("Sichuan Sheng" -> "Sichuan");
** English names ISO lacks ("Bavaria" for "Bayern") are places
** of the YAML, with the local name as an alias. A name several countries
** share (Punjab: IN and PK) keeps no country. Names with a comma or
** parentheses ("Asturias, Principado de") are left out.
**
** Decoding the 500 KB list was most of this loader's cost, and a third
** of a warm start-up: what the list and the options give (every
** subdivision that passes the tests that do not look at the lexicon,
** as its code, name, folded key and id) is kept in the rules cache as
** "iso2-<key>.fcc", keyed by the list's bytes and the options. The
** tests that do (a country the lexicon lacks, a name it knows) run on
** every load, on those records.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cache_p.h"
#include "extract/lexicon_p.h"

#define ISO2_MAX (8u << 20)
#define MAGIC "FCISO2R1"
#define LIST_SEED 0x69736f326c697374ull /* "iso2list" */

/* One subdivision that passed the list's and the options' tests: its
** strings point into the payload. */
struct rec {
	const char *code, *name, *key, *id;
	size_t key_len;
};

struct iso2 {
	struct fc_rules *r;
	struct fc_lexicon *l;
	struct fc_arena *tmp;
	const char **types, **skip, **suffixes;
	size_t ntypes, nskip, nsuffixes;
	const char **firsts; /* skip's first words, as "san-" */
	size_t *first_len; /* strlen(firsts[i]) */
	size_t nfirst;
	uint32_t first; /* entities from here on are this loader's */
	struct lx_toks t;
};

static const char *scalar(const struct fc_ynode *m, const char *key)
{
	const struct fc_ynode *n = fc_ymap_get(m, key);
	return n && n->type == FC_Y_SCALAR && n->len ? n->str : NULL;
}

static bool listed(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return true;
	return false;
}

/* dir(r->iso_codes) + "/iso_3166-2.json", in the arena. */
static const char *list_path(struct fc_rules *r)
{
	return fc_path_beside(&r->arena,
			      r->iso_codes ? r->iso_codes : FC_ISO_CODES,
			      "iso_3166-2.json");
}

/* The `subdivisions:` mapping into x's types and skip lists. */
static bool read_options(struct iso2 *x, const struct fc_ynode *opt,
			 struct fc_diags *d)
{
	static const char *const keys[] = {"types", "skip", "suffixes", NULL};
	size_t nerr0 = d->nerr;
	if (opt->type != FC_Y_MAP) {
		fc_diag_add(d, FC_ESCHEMA, &opt->loc,
			    "subdivisions must be a mapping {types: [...], "
			    "skip: [...]}");
		return false;
	}
	fc_ymap_check_keys(opt, keys, "subdivisions", d);
	const struct fc_ynode *t = fc_ymap_get(opt, "types");
	const struct fc_ynode *s = fc_ymap_get(opt, "skip");
	const struct fc_ynode *u = fc_ymap_get(opt, "suffixes");
	if (!t)
		fc_diag_add(d, FC_ESCHEMA, &opt->loc,
			    "subdivisions needs 'types:', the ISO 3166-2 "
			    "types to take");
	else
		fc_ynode_strlist(&x->r->arena, t, "types", &x->types,
				 &x->ntypes, d);
	if (s)
		fc_ynode_strlist(&x->r->arena, s, "skip", &x->skip, &x->nskip,
				 d);
	if (u)
		fc_ynode_strlist(&x->r->arena, u, "suffixes", &x->suffixes,
				 &x->nsuffixes, d);
	return d->nerr == nerr0;
}

/* The folded key of name in x->t (ASCII lower case, accents folded:
** "Gujarāt" -> "gujarat"); NULL when it has no tokens. */
static const char *fold(struct iso2 *x, const char *name, size_t *len,
			fc_status *st)
{
	x->t.n = x->t.norm_len = 0;
	*st = lx_tokenize(&x->t, name, strlen(name));
	if (*st || !x->t.n)
		return NULL;
	return lx_key(&x->t, 0, x->t.n, len);
}

/* The slug of name's folded key, in x->tmp (NULL: none); x->t keeps
** name's tokens. */
static char *folded_slug(struct iso2 *x, const char *name, fc_status *st)
{
	size_t len;
	const char *key = fold(x, name, &len, st);
	char *slug = key ? fc_slug(x->tmp, key, len) : NULL;
	if (key && !slug)
		*st = FC_ENOMEM;
	return slug && *slug ? slug : NULL;
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* skip: codes ("SD-RS") as written, names as the slugs of their folded
** keys; "San *" becomes "san-", a first word ("San Marcos"); then
** sorted for skipped's binary search. */
static fc_status fold_skip(struct iso2 *x)
{
	x->firsts = fc_arena_alloc(x->tmp, (x->nskip + 1) * sizeof(char *));
	x->first_len = fc_arena_alloc(x->tmp, (x->nskip + 1) * sizeof(size_t));
	if (!x->firsts || !x->first_len)
		return FC_ENOMEM;
	for (size_t i = 0; i < x->nskip; i++) {
		fc_status st = FC_OK;
		const char *v = x->skip[i];
		if (v[0] >= 'A' && v[0] <= 'Z' && v[1] >= 'A' && v[1] <= 'Z' &&
		    v[2] == '-')
			continue; /* a code */
		bool is_first = fc_str_ends_with(v, " *");
		char *slug = folded_slug(x, v, &st);
		if (st)
			return st;
		x->skip[i] = !slug      ? ""
			     : is_first ? fc_arena_printf(x->tmp, "%s-", slug)
					: slug;
		if (!x->skip[i])
			return FC_ENOMEM;
		if (is_first && slug) {
			x->first_len[x->nfirst] = strlen(x->skip[i]);
			x->firsts[x->nfirst++] = x->skip[i];
		}
	}
	if (x->nskip)
		qsort(x->skip, x->nskip, sizeof(*x->skip), by_str);
	return FC_OK;
}

/* s (a code or a name's slug) is one that skip lists. */
static bool skipped(const struct iso2 *x, const char *s)
{
	/* (no list: bsearch wants a base even for no elements) */
	if (x->nskip &&
	    bsearch(&s, x->skip, x->nskip, sizeof(*x->skip), by_str))
		return true;
	for (size_t i = 0; i < x->nfirst; i++)
		if (!strncmp(x->firsts[i], s, x->first_len[i]))
			return true;
	return false;
}

/* name without the first listed suffix it ends with (in x->tmp). */
static const char *cut_suffix(struct iso2 *x, const char *name)
{
	size_t n = strlen(name);
	for (size_t i = 0; i < x->nsuffixes; i++) {
		size_t k = strlen(x->suffixes[i]);
		if (k < n && !memcmp(name + n - k, x->suffixes[i], k))
			return fc_arena_strndup(x->tmp, name, n - k);
	}
	return name;
}

/* ---- The list's records ---------------------------------------------- */

/*
** One subdivision, its name and its ISO 3166-2 code (the country's
** alpha-2, a hyphen and up to three letters or digits: "DE-BY"),
** appended to out as a record (code, name, folded key, id, each with
** its NUL) when it passes the tests that do not look at the lexicon.
*/
static fc_status derive_one(struct iso2 *x, const char *name,
			    const char *code, struct fc_buf *out, size_t *n)
{
	char cc[3] = {code[0], code[1], 0};
	if (code[2] != '-' || lx_alpha2_index(cc) < 0)
		return FC_OK;
	fc_status st = FC_OK;
	name = cut_suffix(x, name);
	if (!name)
		return FC_ENOMEM;
	if (strchr(name, ',') || strchr(name, '(') || skipped(x, code))
		return FC_OK;
	/* the slug of the folded key ("Gujarāt" -> gujarat), as an
	** unknown "Gujarat" in a text gets */
	char *slug = folded_slug(x, name, &st);
	if (st || !slug || skipped(x, slug))
		return st;
	size_t len;
	const char *key = lx_key(&x->t, 0, x->t.n, &len);
	fc_buf_add(out, code, strlen(code) + 1);
	fc_buf_add(out, name, strlen(name) + 1);
	fc_buf_add(out, key, len);
	fc_buf_add(out, "\0name:", 6);
	fc_buf_add(out, slug, strlen(slug) + 1);
	(*n)++;
	return out->err;
}

/* The records of the list's tree root, after a magic and their number,
** into out. */
static fc_status derive_all(struct iso2 *x, const char *path,
			    const struct fc_ynode *root, struct fc_buf *out,
			    struct fc_diags *d)
{
	const struct fc_ynode *list = fc_ymap_get(root, "3166-2");
	if (!list || list->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &root->loc,
			    "'%s' has no \"3166-2\" list of subdivisions",
			    path);
		return FC_ESCHEMA;
	}
	uint64_t n = 0;
	fc_buf_add(out, MAGIC, 8);
	fc_cache_put_u64(out, n); /* (set at the end) */
	for (size_t i = 0; i < list->nkids; i++) {
		const struct fc_ynode *s = list->kids[i];
		const char *code = s->type == FC_Y_MAP ? scalar(s, "code")
						       : NULL;
		const char *name = code ? scalar(s, "name") : NULL;
		const char *type = name ? scalar(s, "type") : NULL;
		if (!type) {
			fc_diag_add(d, FC_ESCHEMA, &s->loc,
				    "a subdivision must be an object with "
				    "\"code\", \"name\" and \"type\"");
			return FC_ESCHEMA;
		}
		if (fc_ymap_get(s, "parent") ||
		    !listed(x->types, x->ntypes, type) || strlen(code) < 4)
			continue;
		size_t k = 0;
		fc_status st = derive_one(x, name, code, out, &k);
		if (st)
			return st;
		n += k;
	}
	if (!out->err)
		memcpy(out->p + 8, &n, sizeof(n));
	return out->err;
}

/* The records of the list's bytes data[0, len) (path: its name in the
** diagnostics) into out. */
static fc_status from_list(struct iso2 *x, const char *path, const char *data,
			   size_t len, struct fc_buf *out, struct fc_diags *d)
{
	struct fc_ynode *root = NULL;
	fc_status st = fold_skip(x);
	if (!st)
		st = fc_yaml_load(x->tmp, path, data, len, &root, d);
	if (!st)
		st = derive_all(x, path, root, out, d);
	return st;
}

/* r's next string, its length in *n; NULL (and r->is_bad) when it
** would pass r's end (decode has checked that r ends with a NUL). */
static const char *take_str(struct fc_cache_reader *r, size_t *n)
{
	*n = r->is_bad || r->off >= r->n ? 0
					 : strlen((const char *)r->p + r->off);
	return (const char *)fc_cache_take(r, *n + 1);
}

/* The next record of r into v: false when it is not one derive_one
** makes (a code of an alpha-2's shape, a name, a key, an id). The
** code, name and id are UTF-8, as libyaml and the tokenizer make them;
** the key need not be (the tokenizer cuts a form at 65,535 bytes, in a
** character maybe), and is only looked up. */
static bool take_rec(struct fc_cache_reader *r, struct rec *v)
{
	size_t nc, nn, ni;
	v->code = take_str(r, &nc);
	v->name = take_str(r, &nn);
	v->key = take_str(r, &v->key_len);
	v->id = take_str(r, &ni);
	if (r->is_bad || nc < 4 || v->code[2] != '-' || !nn ||
	    !v->key_len || ni <= 5 || memcmp(v->id, "name:", 5) ||
	    !fc_utf8_valid(v->code, nc) || !fc_utf8_valid(v->name, nn) ||
	    !fc_utf8_valid(v->id, ni))
		return false;
	char cc[3] = {v->code[0], v->code[1], 0};
	return lx_alpha2_index(cc) >= 0;
}

/*
** The records of payload p[0, n) (in x->tmp, pointing into p) and their
** number; NULL when p is not a whole, well-formed payload or out of
** memory.
*/
static struct rec *decode(struct iso2 *x, const void *p, size_t n,
			  size_t *nrecs)
{
	struct fc_cache_reader r = {p, n, 0, false};
	const uint8_t *magic = fc_cache_take(&r, 8);
	uint64_t k = fc_cache_get_u64(&r);
	/* (a record takes 9 bytes at least, and ends with a NUL) */
	if (!magic || memcmp(magic, MAGIC, 8) || r.is_bad ||
	    k > (r.n - r.off) / 9 || (k && r.p[r.n - 1]))
		return NULL;
	struct rec *v = fc_arena_alloc(x->tmp, (k ? k : 1) * sizeof(*v));
	if (!v)
		return NULL;
	for (size_t i = 0; i < k; i++)
		if (!take_rec(&r, &v[i]))
			return NULL;
	if (r.off != r.n)
		return NULL;
	*nrecs = (size_t)k;
	return v;
}

/* ---- The cache --------------------------------------------------------- */

static void put_list(struct fc_buf *b, const char *const *v, size_t n)
{
	fc_cache_put_u64(b, n);
	for (size_t i = 0; i < n; i++)
		fc_buf_add(b, v[i], strlen(v[i]) + 1);
}

/* The cache's key of the records of list data[0, len) with x's options
** (as written: before fold_skip), and the file's name; false when
** there is none (no build id). */
static bool cache_key(const struct iso2 *x, const char *data, size_t len,
		      uint64_t key[2], char fname[64])
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	bool ok = fc_cache_key_base(&b);
	fc_buf_adds(&b, "iso2\n");
	put_list(&b, x->types, x->ntypes);
	put_list(&b, x->skip, x->nskip);
	put_list(&b, x->suffixes, x->nsuffixes);
	fc_cache_put_data(&b, data, len, LIST_SEED);
	ok = fc_cache_key_end(&b, ok, key);
	snprintf(fname, 64, "iso2-%016" PRIx64 "%016" PRIx64 ".fcc", key[0],
		 key[1]);
	return ok;
}

/*
** The records of list data[0, len) into *v and *n, from the cache or
** else from the list (then kept); *pay: the payload they point into
** (caller frees with free()).
*/
static fc_status records(struct iso2 *x, const char *path, const char *data,
			 size_t len, struct fc_diags *d, struct rec **v,
			 size_t *n, char **pay)
{
	uint64_t key[2] = {0, 0};
	char fname[64];
	size_t np = 0;
	char *dir = fc_cache_dir();
	bool is_keyed = dir && cache_key(x, data, len, key, fname);
	*pay = is_keyed ? fc_cache_read(dir, fname, key, &np) : NULL;
	/* a payload that does not decode is made again, never used */
	*v = *pay ? decode(x, *pay, np, n) : NULL;
	fc_status st = FC_OK;
	if (!*v) {
		free(*pay);
		struct fc_buf b;
		fc_buf_init(&b, 0);
		st = from_list(x, path, data, len, &b, d);
		*pay = st ? NULL : fc_buf_steal(&b, &np);
		fc_buf_finish(&b);
		if (!st && !*pay)
			st = FC_ENOMEM;
		if (!st && is_keyed)
			(void)fc_cache_write(dir, fname, key, *pay, np);
		/* (a payload of derive_all's fails only out of memory) */
		if (!st && !(*v = decode(x, *pay, np, n)))
			st = FC_ENOMEM;
	}
	free(dir);
	return st;
}

/* ---- The places ----------------------------------------------------------- */

/* Some sense of the gazetteer that is not this loader's has v's key. */
static bool known(const struct iso2 *x, const struct rec *v)
{
	const struct lx_slot *s = lx_gaz_find(x->l, v->key, v->key_len);
	for (const struct lx_sense *e = s ? s->senses : NULL; e; e = e->next)
		if (e->kind != LX_S_PLACE || e->ref < x->first)
			return true;
	return false;
}

/* The entity of subdivision name of country cc (index ix), made or
** found; FC_NONE with *st set on failure, or when it is the lexicon's. */
static uint32_t entity_of(struct iso2 *x, const char *id, const char *name,
			  const char *cc, int ix, fc_status *st)
{
	uint32_t e = lx_ent_find(x->l, id);
	if (e != FC_NONE && e < x->first)
		return FC_NONE; /* the lexicon's entity of that id */
	if (e != FC_NONE) {
		struct lx_ent *ent = &x->l->ents[e];
		if (ent->e.country && strcmp(ent->e.country, cc)) {
			ent->e.country = NULL; /* shared by two countries */
			ent->country = FC_NONE;
		}
		return e;
	}
	e = lx_ent_add(x->r, x->l, id, name, FC_ENT_OTHER, cc);
	if (e == FC_NONE)
		*st = FC_ENOMEM;
	else
		x->l->ents[e].country = x->l->by_alpha2[ix];
	return e;
}

/* The place of record v, unless the lexicon lacks its country or
** knows its name. */
static fc_status add_one(struct iso2 *x, const struct rec *v)
{
	char cc[3] = {v->code[0], v->code[1], 0};
	int ix = lx_alpha2_index(cc);
	if (x->l->by_alpha2[ix] == FC_NONE || known(x, v))
		return FC_OK;
	fc_status st = FC_OK;
	uint32_t e = entity_of(x, v->id, v->name, cc, ix, &st);
	if (e == FC_NONE)
		return st;
	st = lx_gaz_add(x->r, x->l, v->name, LX_S_PLACE, e);
	return st == FC_ELIMIT ? FC_OK : st; /* too long to match */
}

fc_status lx_iso2_load(struct fc_rules *r, struct fc_lexicon *l,
		       struct fc_diags *d)
{
	const struct fc_ynode *opt = l->iso2_node;
	if (!opt)
		return FC_OK;
	const char *path = list_path(r);
	if (!path)
		return FC_ENOMEM;
	struct fc_arena tmp;
	fc_arena_init(&tmp);
	struct iso2 x = {.r = r, .l = l, .tmp = &tmp,
			 .first = (uint32_t)l->nents};
	char *data = NULL, *pay = NULL;
	size_t len, n = 0;
	struct rec *v = NULL;
	fc_status st = FC_ESCHEMA;
	if (!read_options(&x, opt, d))
		goto done;
	if (fc_iso_list_read(path, ISO2_MAX, "ISO 3166-2 subdivision list",
			     &opt->loc, d, &data, &len) != FC_OK) {
		st = FC_EIO;
		goto done;
	}
	st = records(&x, path, data, len, d, &v, &n, &pay);
	for (size_t i = 0; !st && i < n; i++)
		st = add_one(&x, &v[i]);
done:
	lx_toks_finish(&x.t);
	fc_arena_finish(&tmp);
	free(pay);
	free(data);
	return st;
}
