/* STUB: replaced by the module owner. */
#include "stages.h"
#include "factcross/fc.h"

fc_status fc_lexicon_add(struct fc_rules *r, const struct fc_rulefile *file, struct fc_diags *d) { return FC_OK; }
fc_status fc_lexicon_compile(struct fc_rules *r, struct fc_diags *d) { return FC_OK; }
void fc_lexicon_destroy(struct fc_lexicon *l) { }
fc_status fc_lexicon_doc(const struct fc_rules *r, struct fc_arena *a, struct fc_document *doc, struct fc_diags *d) { return FC_OK; }
