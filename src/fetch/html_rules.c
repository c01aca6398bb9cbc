/* STUB: replaced by the module owner. */
#include "stages.h"
fc_status fc_html_add(struct fc_rules *r, const struct fc_rulefile *file, struct fc_diags *d) { return FC_OK; }
fc_status fc_html_compile(struct fc_rules *r, struct fc_diags *d) { return FC_OK; }
void fc_html_destroy(struct fc_html *h) { }
