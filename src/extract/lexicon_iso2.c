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
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"

#define ISO2_MAX (8u << 20)

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

/* Some sense of the gazetteer that is not this loader's has the key
** of x->t (the name folded_slug was given last). */
static bool known(const struct iso2 *x)
{
	size_t len;
	const char *key = lx_key(&x->t, 0, x->t.n, &len);
	const struct lx_slot *s = lx_gaz_find(x->l, key, len);
	for (const struct lx_sense *e = s ? s->senses : NULL; e; e = e->next)
		if (e->kind != LX_S_PLACE || e->ref < x->first)
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

/* One subdivision: its name and its ISO 3166-2 code, the country's
** alpha-2, a hyphen and up to three letters or digits ("DE-BY"). */
static fc_status add_one(struct iso2 *x, const char *name, const char *code)
{
	char cc[3] = {code[0], code[1], 0};
	int ix = code[2] == '-' ? lx_alpha2_index(cc) : -1;
	if (ix < 0 || x->l->by_alpha2[ix] == FC_NONE)
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
	if (st || !slug || skipped(x, slug) || known(x))
		return st;
	size_t n = strlen(slug);
	char *id = fc_arena_alloc(&x->r->arena, 5 + n + 1);
	if (!id)
		return FC_ENOMEM;
	memcpy(id, "name:", 5);
	memcpy(id + 5, slug, n + 1);
	uint32_t e = entity_of(x, id, name, cc, ix, &st);
	if (e == FC_NONE)
		return st;
	st = lx_gaz_add(x->r, x->l, name, LX_S_PLACE, e);
	return st == FC_ELIMIT ? FC_OK : st; /* too long to match */
}

static fc_status add_all(struct iso2 *x, const char *path,
			 const struct fc_ynode *root, struct fc_diags *d)
{
	const struct fc_ynode *list = fc_ymap_get(root, "3166-2");
	if (!list || list->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, &root->loc,
			    "'%s' has no \"3166-2\" list of subdivisions",
			    path);
		return FC_ESCHEMA;
	}
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
		fc_status st = add_one(x, name, code);
		if (st)
			return st;
	}
	return FC_OK;
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
	char *data = NULL;
	size_t len;
	struct fc_ynode *root = NULL;
	fc_status st = FC_ESCHEMA;
	if (!read_options(&x, opt, d))
		goto done;
	if (fc_iso_list_read(path, ISO2_MAX, "ISO 3166-2 subdivision list",
			     &opt->loc, d, &data, &len) != FC_OK) {
		st = FC_EIO;
		goto done;
	}
	st = fold_skip(&x);
	if (!st)
		st = fc_yaml_load(&tmp, path, data, len, &root, d);
	if (!st)
		st = add_all(&x, path, root, d);
done:
	lx_toks_finish(&x.t);
	fc_arena_finish(&tmp);
	free(data);
	return st;
}
