/*
** fetch_p.h: private to src/fetch.
**
** struct fc_html is the compiled form of the kind: html rule files:
** drop / keep / weight rules with their selectors, looked up through
** sorted tables of tag names and class/id words; the settings; and the
** metadata source order per field.
*/
#ifndef FACTCROSS_FETCH_P_H
#define FACTCROSS_FETCH_P_H

#include <libxml/tree.h>

#include "core/core.h"
#include "fetch/fetch.h"
#include "stages.h"

enum html_action { ACT_DROP, ACT_KEEP, ACT_WEIGHT };

/* An attribute selector: "name", "name=value", "name*=value". */
enum attr_op { ATTR_PRESENT, ATTR_EQUALS, ATTR_CONTAINS };
struct attr_sel {
	const char *name;  /* lower case */
	const char *value; /* lower case; CONTAINS ignores spaces */
	enum attr_op op;
};

struct html_rule {
	const char *id;
	struct fc_srcloc loc; /* of the rule mapping */
	enum html_action action;
	bool is_strict; /* DROP: never lifted by the fallback */
	double weight;  /* WEIGHT */
	const char **tags, **words, **roles; /* lower case */
	size_t ntags, nwords, nroles;
	struct attr_sel *attrs;
	size_t nattrs;
};

/* A word or tag of a rule, for the sorted lookup tables. */
struct html_key {
	const char *key; /* a word without its trailing '*' */
	size_t len;
	uint32_t rule;   /* index into fc_html.rules */
	bool is_prefix;
};

/* Metadata fields whose sources the rules order. */
enum meta_field { META_TITLE, META_PUBLISHED, META_AUTHOR, META_CANONICAL,
		  META_SITE_NAME, META_NFIELDS };
extern const char *const fc_html_meta_fields[META_NFIELDS + 1];

struct html_settings {
	double min_paragraph_chars; /* shorter paragraphs do not score */
	double max_link_density;    /* blocks above it are dropped */
	double sibling_ratio;       /* siblings above ratio * top join */
	double min_article_chars;   /* below: retry without soft drops */
	double ancestor_levels;     /* how far a paragraph's score climbs */
};

struct fc_html {
	struct html_rule *rules; /* in load order, overrides resolved */
	size_t nrules, caprules;
	struct html_settings set;
	const char **meta[META_NFIELDS]; /* source names, in order */
	size_t nmeta[META_NFIELDS];
	bool has_meta[META_NFIELDS];
	/* Built by fc_html_compile. */
	struct html_key *tagkeys, *wordkeys, *prefixkeys;
	size_t ntagkeys, nwordkeys, nprefixkeys;
	bool is_compiled;
};

/* Defaults when no rule file sets them. */
void fc_html_settings_default(struct html_settings *s);

/* ---- charset.c ---------------------------------------------------------- */

/*
** Decide the charset of a page and convert it to UTF-8 without NUL
** bytes (see charset.c for the order of evidence). *charset is the name
** used ("UTF-8", "WINDOWS-1252", or an iconv name in upper case); *nbad
** counts bytes replaced by U+FFFD, *first_bad is the offset of the first
** (len when none or unknown). An unknown label is a warning at loc.
*/
fc_status fc_html_to_utf8(struct fc_arena *a, const char *html, size_t len,
			  const char *content_type, const struct fc_srcloc *loc,
			  char **out, size_t *out_len, const char **charset,
			  size_t *nbad, size_t *first_bad, struct fc_diags *d);

/* The charset named by a Content-Type value, or NULL (arena copy). */
const char *fc_http_charset(struct fc_arena *a, const char *content_type);

/* ---- html_meta.c ------------------------------------------------------- */

/*
** Metadata of the parsed document into out (title, author, published,
** canonical_url, site_name, lang), in the source order of the rules.
*/
void fc_html_meta(const struct fc_html *h, struct fc_arena *a,
		  xmlDoc *doc, const char *base_url,
		  struct fc_article *out);

/* Normalise a date ("2026-01-16T10:00:00Z", "Fri, 16 Jan 2026 ...",
** "2026/01/16") to YYYY-MM-DD in buf; false when it is none of these. */
bool fc_html_date(const char *s, char buf[11]);

/* Is tag a block element (or <br>), a word break in running text? */
bool fc_html_is_block(const char *tag);

/* Attribute value of an element (borrowed from the tree), or NULL. */
const char *fc_html_attr(const xmlNode *n, const char *name);

/*
** Append the text of n's subtree to b with whitespace (and NBSP)
** collapsed to single spaces; script/style/template contents skipped.
** Iterative. Stops adding at max bytes.
*/
void fc_html_node_text(const xmlNode *n, struct fc_buf *b, size_t max);

/* ---- hosts.c ----------------------------------------------------------- */

/*
** Wait until no other request to host runs and delay_ms have passed
** since the last one ended, then mark it busy. Pair with release.
*/
fc_status fc_http_hosts_acquire(struct fc_http_hosts *h, const char *host,
				long delay_ms);
void fc_http_hosts_release(struct fc_http_hosts *h, const char *host);

#endif
