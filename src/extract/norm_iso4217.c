/*
** norm_iso4217.c: currency names and codes from Debian's iso-codes ISO
** 4217 list (iso_4217.json, beside the ISO 3166-1 list at r->iso_codes),
** read with libyaml, into the normalizer tables a rule file names:
**
**   options:
**     iso4217: {names: currency_word, codes: currency_code,
**               skip: iso4217_skip, heads: currency_head}
**
** Each entry {alpha_3, name} adds name -> alpha_3 and its plural (name
** + "s": "Swiss Francs") to `names`, and alpha_3 -> alpha_3 to `codes`,
** unless alpha_3 is a key of `skip` (with the value "code", only the
** code is left out: "TRY" is a word, "Turkish Lira" is not) or the name
** has parentheses ("US Dollar (Next day)"). A word already in the table
** (from YAML, or an earlier entry) stays as it is, so informal names and
** symbols written in YAML win. `heads` (optional) then gets the last word of every
** name in `names` ("dollars" of "US dollars", "Franc" of "Swiss Franc"):
** patterns anchor on it, since the first words ("US", "New", "Saudi")
** are everywhere in news. Runs in fc_norm_compile(), before the
** patterns expand and the triggers are built.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/norm_p.h"

#define ISO_MAX (4u << 20)

struct fill {
	struct norm_table *t;
	int ti;              /* table index */
	const char **keys, **vals;
	double *nums;
	size_t n, cap;
	struct norm_hash seen; /* normalised keys of t and of the added */
};

static const char *scalar(const struct fc_ynode *m, const char *key)
{
	const struct fc_ynode *n = fc_ymap_get(m, key);
	return n && n->type == FC_Y_SCALAR && n->len ? n->str : NULL;
}

/* A key normalised as the lookup hash does it. */
static bool seen_put(struct fc_arena *a, struct norm_hash *h, const char *w)
{
	char buf[128];
	size_t len = norm_key(w, strlen(w), buf, sizeof(buf));
	if (len >= sizeof(buf))
		return false;
	uint32_t hv = norm_hash_str(0, buf, len);
	size_t i = hv & h->mask;
	for (;; i = (i + 1) & h->mask) {
		struct norm_hent *e = &h->v[i];
		if (!e->hash)
			break;
		if (e->hash == hv && e->len == len && !memcmp(e->key, buf, len))
			return false;
	}
	if (h->n + 1 > h->mask / 2)
		return false;
	char *k = fc_arena_strndup(a, buf, len);
	if (!k)
		return false;
	h->v[i] = (struct norm_hent){hv, 0, 0, k, (uint32_t)len};
	h->n++;
	return true;
}

static fc_status fill_init(struct fc_arena *a, struct norm_table *t,
			   size_t nadd, struct fill *f)
{
	memset(f, 0, sizeof(*f));
	f->t = t;
	f->cap = t->n + nadd;
	f->keys = fc_arena_alloc(a, (f->cap + 1) * sizeof(*f->keys));
	f->vals = fc_arena_alloc(a, (f->cap + 1) * sizeof(*f->vals));
	f->nums = fc_arena_alloc(a, (f->cap + 1) * sizeof(*f->nums));
	size_t hcap = 16;
	while (hcap < 2 * f->cap + 2)
		hcap *= 2;
	f->seen.v = fc_arena_alloc(a, hcap * sizeof(*f->seen.v));
	f->seen.mask = hcap - 1;
	if (!f->keys || !f->vals || !f->nums || !f->seen.v)
		return FC_ENOMEM;
	memcpy(f->keys, t->keys, t->n * sizeof(*f->keys));
	memcpy(f->vals, t->vals, t->n * sizeof(*f->vals));
	memcpy(f->nums, t->nums, t->n * sizeof(*f->nums));
	f->n = t->n;
	for (size_t i = 0; i < t->n; i++)
		seen_put(a, &f->seen, t->keys[i]);
	return FC_OK;
}

static void fill_add(struct fc_arena *a, struct fill *f, const char *key,
		     const char *val)
{
	if (f->n >= f->cap || !seen_put(a, &f->seen, key))
		return;
	f->keys[f->n] = key;
	f->vals[f->n] = val;
	f->nums[f->n] = NAN;
	f->n++;
}

static void fill_done(struct fill *f)
{
	f->t->keys = f->keys;
	f->t->vals = f->vals;
	f->t->nums = f->nums;
	f->t->n = f->n;
}

/* The table named by options.iso4217.<key>, or -1 (with a diagnostic). */
static int option_table(const struct fc_norm *n, const struct fc_ynode *opt,
			const char *key, bool is_required, struct fc_diags *d)
{
	const struct fc_ynode *v = fc_ymap_get(opt, key);
	if (!v) {
		if (is_required)
			fc_diag_add(d, FC_ESCHEMA, &opt->loc,
				    "iso4217 needs '%s: TABLE'", key);
		return -1;
	}
	const char *name;
	if (!fc_ynode_str(v, key, &name, d))
		return -1;
	int t = norm_table_find(n, name);
	if (t < 0)
		fc_diag_add(d, FC_ESCHEMA, &v->loc,
			    "iso4217 %s: no table '%s'", key, name);
	return t;
}

/* dir(r->iso_codes) + "/iso_4217.json", in the arena. */
static const char *list_path(struct fc_rules *r)
{
	return fc_path_beside(&r->arena,
			      r->iso_codes ? r->iso_codes : FC_ISO_CODES,
			      "iso_4217.json");
}

fc_status norm_iso4217_load(struct fc_rules *r, struct fc_norm *n,
			    struct fc_diags *d)
{
	static const char *const keys[] = {"names", "codes", "skip", "heads",
					   NULL};
	const struct fc_ynode *opt = n->iso4217_node;
	if (!opt)
		return FC_OK;
	size_t nerr0 = d->nerr;
	fc_ymap_check_keys(opt, keys, "iso4217", d);
	int tn = option_table(n, opt, "names", true, d);
	int tc = option_table(n, opt, "codes", true, d);
	int ts = option_table(n, opt, "skip", false, d);
	int th = option_table(n, opt, "heads", false, d);
	if (d->nerr > nerr0)
		return FC_ESCHEMA;
	const char *path = list_path(r);
	if (!path)
		return FC_ENOMEM;
	const struct fc_srcloc loc = {path, 0, 0, 0};
	char *data = NULL;
	size_t len;
	if (fc_iso_list_read(path, ISO_MAX, "ISO 4217 currency list",
			     &opt->loc, d, &data, &len) != FC_OK)
		return FC_EIO;
	struct fc_arena tmp;
	fc_arena_init(&tmp);
	struct fc_ynode *root = NULL;
	fc_status st = fc_yaml_load(&tmp, path, data, len, &root, d);
	const struct fc_ynode *list = st ? NULL : fc_ymap_get(root, "4217");
	if (!st && (!list || list->type != FC_Y_SEQ)) {
		fc_diag_add(d, FC_ESCHEMA, root ? &root->loc : &loc,
			    "'%s' has no \"4217\" list of currencies", path);
		st = FC_ESCHEMA;
	}
	struct fill fn, fcode;
	if (!st && ((st = fill_init(&r->arena, &n->tables[tn],
				    2 * list->nkids, &fn)) ||
		    (st = fill_init(&r->arena, &n->tables[tc], list->nkids,
				    &fcode))))
		fc_diag_add(d, st, &loc, "%s", fc_strerror(st));
	for (size_t i = 0; !st && i < list->nkids; i++) {
		const struct fc_ynode *c = list->kids[i];
		const char *code = scalar(c, "alpha_3");
		const char *name = scalar(c, "name");
		if (!code || !name || strchr(name, '('))
			continue;
		/* skip: the entry, or with the value "code" its code only */
		int skip = 0;
		for (size_t k = 0; ts >= 0 && k < n->tables[ts].n && !skip;
		     k++)
			if (!strcmp(n->tables[ts].keys[k], code))
				skip = strcmp(n->tables[ts].vals[k], "code")
					       ? 2
					       : 1;
		if (skip == 2)
			continue;
		const char *cv = fc_arena_strdup(&r->arena, code);
		const char *nv = fc_arena_strdup(&r->arena, name);
		size_t nl = strlen(name);
		const char *pl = name[nl - 1] == 's'
					 ? NULL
					 : fc_arena_printf(&r->arena, "%ss",
							   name);
		if (!cv || !nv) {
			st = FC_ENOMEM;
			break;
		}
		fill_add(&r->arena, &fn, nv, cv);
		if (pl)
			fill_add(&r->arena, &fn, pl, cv);
		if (!skip)
			fill_add(&r->arena, &fcode, cv, cv);
	}
	if (!st) {
		fill_done(&fn);
		fill_done(&fcode);
	}
	struct fill fh;
	if (!st && th >= 0 &&
	    !(st = fill_init(&r->arena, &n->tables[th], n->tables[tn].n,
			     &fh))) {
		/* the last word of every name, as its own key */
		const struct norm_table *t = &n->tables[tn];
		for (size_t i = 0; i < t->n; i++) {
			const char *w = strrchr(t->keys[i], ' ');
			w = w ? w + 1 : t->keys[i];
			if (*w)
				fill_add(&r->arena, &fh, w, t->vals[i]);
		}
		fill_done(&fh);
	}
	fc_arena_finish(&tmp);
	free(data);
	return st;
}
