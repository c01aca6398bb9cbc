/*
** write.c: the table of check formats, GitHub workflow annotations and
** JUnit XML.
**
** github: one workflow command a line, for each claim that is not
** supported: `::error` when it fails (status at or above --fail-on),
** `::warning` when it does not, with file, line, col, endLine and
** endColumn of the claim in DOC:
**   ::error file=summary.md,line=3,col=1,endLine=3,endColumn=74::MSG
**
** junit: one testsuite for DOC, one testcase per claim; a failing claim
** carries a <failure> with its message and evidence.
*/
#include <string.h>

#include "checkdoc/checkdoc_p.h"

static const struct {
	const char *name, *ext;
} formats[FC_CHK_COUNT] = {
	[FC_CHK_JSON] = {"json", "check.json"},
	[FC_CHK_SARIF] = {"sarif", "sarif"},
	[FC_CHK_JUNIT] = {"junit", "junit.xml"},
	[FC_CHK_GITHUB] = {"github", "github.txt"},
	[FC_CHK_MD] = {"md", "check.md"},
	[FC_CHK_HTML] = {"html", "check.html"},
	[FC_CHK_CLAIMREVIEW] = {"claimreview", "claimreview.jsonld"},
};

bool fc_check_format_parse(const char *name, enum fc_check_format *out)
{
	for (int f = 0; f < FC_CHK_COUNT; f++)
		if (!strcmp(name, formats[f].name)) {
			*out = (enum fc_check_format)f;
			return true;
		}
	return false;
}

const char *fc_check_format_name(enum fc_check_format f)
{
	return (size_t)f < FC_CHK_COUNT ? formats[f].name : "json";
}

const char *fc_check_format_ext(enum fc_check_format f)
{
	return (size_t)f < FC_CHK_COUNT ? formats[f].ext : "check.json";
}

/* ---- GitHub annotations -------------------------------------------------- */

static void write_github(const struct fc_checkdoc *cd,
			 enum fc_claim_status fail_on, struct fc_buf *b)
{
	for (size_t i = 0; i < cd->nclaims; i++) {
		const struct fc_claim *cl = &cd->claims[i];
		if (cl->status == FC_CLAIM_SUPPORTED)
			continue;
		fc_buf_adds(b, cl->status >= fail_on ? "::error file="
						     : "::warning file=");
		cd_esc_gh(b, cd->name, true);
		fc_buf_printf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u::",
			      (unsigned)cl->line, (unsigned)cl->column,
			      (unsigned)cl->end_line, (unsigned)cl->end_column);
		fc_buf_printf(b, "%s: ", fc_claim_status_name(cl->status));
		cd_esc_gh(b, cl->message, false);
		fc_buf_addc(b, '\n');
	}
}

/* ---- JUnit XML ----------------------------------------------------------- */

/* At most max bytes of s, cut at a character boundary. */
static void add_cut(struct fc_buf *b, struct fc_arena *a, const char *s,
		    size_t max)
{
	size_t n = strlen(s);
	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	const char *t = fc_arena_strndup(a, s, n);
	cd_esc_xml(b, t ? t : "");
	if (n < strlen(s))
		fc_buf_adds(b, "\xE2\x80\xA6"); /* … */
}

static void write_junit(const struct fc_checkdoc *cd,
			enum fc_claim_status fail_on, struct fc_buf *b)
{
	struct fc_arena a;
	fc_arena_init(&a);
	size_t nfail = fc_checkdoc_nfailing(cd, fail_on);
	fc_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	fc_buf_printf(b, "<testsuites name=\"factcross check\" tests=\"%zu\" "
			 "failures=\"%zu\" errors=\"0\">\n",
		      cd->nclaims, nfail);
	fc_buf_adds(b, "  <testsuite name=\"");
	cd_esc_xml(b, cd->name);
	fc_buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
			 "skipped=\"0\">\n",
		      cd->nclaims, nfail);
	for (size_t i = 0; i < cd->nclaims; i++) {
		const struct fc_claim *cl = &cd->claims[i];
		fc_buf_adds(b, "    <testcase classname=\"");
		cd_esc_xml(b, cd->name);
		fc_buf_printf(b, "\" name=\"%u:%u ", (unsigned)cl->line,
			      (unsigned)cl->column);
		add_cut(b, &a, cl->text, 120);
		fc_buf_adds(b, "\"");
		if (cl->status < fail_on && cl->status == FC_CLAIM_SUPPORTED) {
			fc_buf_adds(b, "/>\n");
			continue;
		}
		fc_buf_adds(b, ">\n");
		const char *status = fc_claim_status_name(cl->status);
		if (cl->status >= fail_on) {
			fc_buf_printf(b, "      <failure type=\"%s\" message=\"",
				      status);
			cd_esc_xml(b, cl->message);
			fc_buf_adds(b, "\">");
		} else {
			fc_buf_adds(b, "      <system-out>");
		}
		fc_buf_printf(b, "%s: ", status);
		cd_esc_xml(b, cl->message);
		for (size_t k = 0; k < cl->nevidence; k++) {
			const struct fc_evidence *e = &cl->evidence[k];
			fc_buf_printf(b, "\n%s ", e->is_supporting ? "+" : "-");
			cd_esc_xml(b, cd_source_id(cd->corpus, e->doc));
			fc_buf_adds(b, ": ");
			cd_esc_xml(b, cd_evidence_text(&a, cd->corpus, e));
		}
		fc_buf_adds(b, cl->status >= fail_on ? "</failure>\n"
						     : "</system-out>\n");
		fc_buf_adds(b, "    </testcase>\n");
	}
	fc_buf_adds(b, "  </testsuite>\n</testsuites>\n");
	fc_arena_finish(&a);
}

fc_status fc_checkdoc_write(const struct fc_checkdoc *cd,
			    enum fc_check_format f,
			    enum fc_claim_status fail_on, struct fc_buf *out)
{
	switch (f) {
	case FC_CHK_JSON: cd_write_json(cd, fail_on, out); break;
	case FC_CHK_SARIF: cd_write_sarif(cd, fail_on, out); break;
	case FC_CHK_JUNIT: write_junit(cd, fail_on, out); break;
	case FC_CHK_GITHUB: write_github(cd, fail_on, out); break;
	case FC_CHK_MD: cd_write_md(cd, fail_on, out); break;
	case FC_CHK_HTML: cd_write_html(cd, fail_on, out); break;
	case FC_CHK_CLAIMREVIEW: cd_write_claimreview(cd, out); break;
	default: return FC_EINPUT;
	}
	return out->err;
}
