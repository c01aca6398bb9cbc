/* STUB: replaced by the module owner. */
#include "stages.h"
#include "factcross/fc.h"

fc_status fc_boiler_add(struct fc_rules *r, const struct fc_rulefile *file, struct fc_diags *d) { return FC_OK; }
fc_status fc_boiler_compile(struct fc_rules *r, struct fc_diags *d) { return FC_OK; }
void fc_boiler_destroy(struct fc_boiler *b) { }
fc_status fc_text_clean(const struct fc_rules *r, struct fc_arena *a, struct fc_document *doc, struct fc_diags *d) { return FC_OK; }
fc_status fc_text_sentences(const struct fc_rules *r, struct fc_arena *a, const char *text, size_t len, struct fc_sentence **out, size_t *nout) { *out = NULL; *nout = 0; return FC_OK; }
