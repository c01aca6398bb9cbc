/* STUB: replaced by the module owner. Declared dependence only. */
#include <stdlib.h>
#include <string.h>

#include "stages.h"

fc_status fc_indep_add(struct fc_rules *r, const struct fc_rulefile *file, struct fc_diags *d) { return FC_OK; }
fc_status fc_indep_compile(struct fc_rules *r, struct fc_diags *d) { return FC_OK; }
void fc_indep_destroy(struct fc_indep *x) { }

/* Union-find over declared dependence (derived_from). */
static uint32_t find(uint32_t *parent, uint32_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

fc_status fc_indep_groups(const struct fc_rules *r, struct fc_corpus *c,
			  struct fc_diags *d)
{
	uint32_t *parent = calloc(c->ndocs ? c->ndocs : 1, sizeof(*parent));
	if (!parent)
		return FC_ENOMEM;
	for (uint32_t i = 0; i < c->ndocs; i++)
		parent[i] = i;
	for (uint32_t i = 0; i < c->ndocs; i++) {
		const char *from = c->sources[i].derived_from;
		if (!from)
			continue;
		uint32_t j;
		for (j = 0; j < c->ndocs; j++)
			if (!strcmp(c->sources[j].id, from))
				break;
		if (j == c->ndocs) {
			fc_diag_add(d, FC_ESCHEMA, &c->sources[i].loc,
				    "derived_from names unknown source '%s'",
				    from);
			continue;
		}
		uint32_t a = find(parent, i), b = find(parent, j);
		if (a != b)
			parent[a > b ? a : b] = a < b ? a : b;
	}
	int32_t next = 0;
	int32_t *num = malloc((c->ndocs ? c->ndocs : 1) * sizeof(*num));
	if (!num) {
		free(parent);
		return FC_ENOMEM;
	}
	for (uint32_t i = 0; i < c->ndocs; i++)
		num[i] = -1;
	for (uint32_t i = 0; i < c->ndocs; i++) {
		uint32_t root = find(parent, i);
		if (num[root] < 0)
			num[root] = next++;
		c->docs[i].independent_group = num[root];
	}
	c->ngroups = next;
	free(num);
	free(parent);
	return FC_OK;
}

