/*
** lexicon_iso.c: countries from Debian's iso-codes ISO 3166-1 JSON
** (/usr/share/iso-codes/json/iso_3166-1.json), read with libyaml.
**
** Each entry gives country:<alpha_2> with the label common_name, else
** name; its aliases are name, official_name and common_name, with the
** inverted forms turned around ("Iran, Islamic Republic of" ->
** "Islamic Republic of Iran"). Forms with parentheses are left out.
*/
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon_p.h"

#define ISO_MAX (8u << 20)

static const char *scalar(const struct fc_ynode *m, const char *key)
{
	const struct fc_ynode *n = fc_ymap_get(m, key);
	return n && n->type == FC_Y_SCALAR && n->len ? n->str : NULL;
}

static fc_status add_alias(struct fc_rules *r, struct fc_lexicon *l,
			   struct fc_arena *tmp, const char *name,
			   uint32_t ent)
{
	if (!name || strchr(name, '('))
		return FC_OK;
	const char *comma = strstr(name, ", ");
	if (!comma)
		return lx_gaz_add(r, l, name, LX_S_COUNTRY, ent);
	/* "Congo, The Democratic Republic of the" -> "The Democratic
	** Republic of the Congo"; other comma forms are left out. */
	const char *tail = comma + 2;
	if (!fc_str_ends_with(tail, " of") && !fc_str_ends_with(tail, " of the"))
		return FC_OK;
	char *s = fc_arena_printf(tmp, "%s %.*s", tail, (int)(comma - name),
				  name);
	if (!s)
		return FC_ENOMEM;
	return lx_gaz_add(r, l, s, LX_S_COUNTRY, ent);
}

fc_status lx_iso_load(struct fc_rules *r, struct fc_lexicon *l,
		      const char *path, struct fc_diags *d)
{
	struct fc_srcloc loc = {path, 0, 0, 0};
	char *data = NULL;
	size_t len;
	fc_status st = fc_file_read(path, ISO_MAX, &data, &len);
	if (st) {
		fc_diag_add(d, FC_EIO, &loc,
			    "cannot read the ISO 3166-1 country list '%s': "
			    "install the iso-codes package (apt-get install "
			    "iso-codes) or point FACTCROSS_ISO_CODES at "
			    "iso_3166-1.json",
			    path);
		return FC_EIO;
	}
	struct fc_arena tmp;
	fc_arena_init(&tmp);
	struct fc_ynode *root = NULL;
	st = fc_yaml_load(&tmp, path, data, len, &root, d);
	if (st)
		goto done;
	const struct fc_ynode *list = fc_ymap_get(root, "3166-1");
	if (!list || list->type != FC_Y_SEQ) {
		fc_diag_add(d, FC_ESCHEMA, root ? &root->loc : &loc,
			    "'%s' has no \"3166-1\" list of countries", path);
		st = FC_ESCHEMA;
		goto done;
	}
	for (size_t i = 0; i < list->nkids; i++) {
		const struct fc_ynode *c = list->kids[i];
		const char *a2 = scalar(c, "alpha_2");
		const char *name = scalar(c, "name");
		const char *official = scalar(c, "official_name");
		const char *common = scalar(c, "common_name");
		int ix = a2 ? lx_alpha2_index(a2) : -1;
		if (ix < 0 || !name)
			continue;
		const char *id = fc_arena_printf(&tmp, "country:%s", a2);
		uint32_t e = lx_ent_add(r, l, id, common ? common : name,
					FC_ENT_COUNTRY, a2);
		if (e == FC_NONE) {
			st = FC_ENOMEM;
			goto done;
		}
		l->by_alpha2[ix] = e;
		const char *forms[3] = {name, official, common};
		for (int k = 0; k < 3; k++) {
			st = add_alias(r, l, &tmp, forms[k], e);
			if (st == FC_ELIMIT)
				st = FC_OK; /* a name too long to match */
			if (st)
				goto done;
		}
	}
done:
	fc_arena_finish(&tmp);
	free(data);
	return st;
}
