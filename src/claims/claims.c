/* STUB: replaced by the module owner. */
#include "stages.h"
#include "factcross/fc.h"

fc_status fc_claims_add(struct fc_rules *r, const struct fc_rulefile *file, struct fc_diags *d) { return FC_OK; }
fc_status fc_claims_compile(struct fc_rules *r, struct fc_diags *d) { return FC_OK; }
void fc_claims_destroy(struct fc_claims *c) { }
fc_status fc_claims_doc(const struct fc_rules *r, struct fc_corpus *c, uint32_t di, struct fc_diags *d) { return FC_OK; }
