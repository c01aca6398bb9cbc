/* STUB: replaced by the module owner. */
#include "factcross/fc.h"
fc_status fc_store_open(const char *path, struct fc_store **out, struct fc_diags *d) { *out = NULL; return FC_OK; }
void fc_store_close(struct fc_store *s) { }
fc_status fc_store_put_documents(struct fc_store *s, const struct fc_corpus *c, const char *h, struct fc_diags *d) { return FC_OK; }
fc_status fc_store_put_mentions(struct fc_store *s, const struct fc_corpus *c, struct fc_diags *d) { return FC_OK; }
fc_status fc_store_put_facts(struct fc_store *s, const struct fc_corpus *c, struct fc_diags *d) { return FC_OK; }
fc_status fc_store_put_findings(struct fc_store *s, const struct fc_corpus *c, struct fc_diags *d) { return FC_OK; }
