/*
** text_p.h: the parts of src/text (not installed).
**
**   boiler_load.c  kind: boilerplate rule files -> struct fc_boiler
**   utf8.c         raw bytes -> valid UTF-8 text U (+ map U -> raw)
**   emit.c         text builders and offset maps between text layers
**   plain.c        .txt: lines -> paragraphs (hard-wrapped text joined)
**   markdown.c     .md: Markdown markup stripped
**   html.c         .html: a minimal, safe tag strip
**   boiler.c       blocks -> kept / dropped (rules, headings, duplicates)
**   clean.c        fc_text_clean: the layers put together
**   sentence.c     fc_text_sentences
**
** Text layers: raw (file bytes) -> U (repaired UTF-8, LF line ends) ->
** M (markup removed, one block per line, whitespace collapsed) -> the
** cleaned text (kept blocks joined by blank lines). Each layer keeps a
** map to the one before as struct fc_segment runs of verbatim bytes;
** bytes made up by a layer (U+FFFD, a space for a tab, an entity's
** character, the blank line between paragraphs) belong to no run.
*/
#ifndef FACTCROSS_TEXT_P_H
#define FACTCROSS_TEXT_P_H

#include <stdatomic.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "core/lazyre.h"
#include "stages.h"


/* ---- Rules (boiler_load.c) --------------------------------------------- */

enum brule_kind {
	BR_PATTERN,   /* regular expressions over one block */
	BR_HEADING,   /* short block without sentence-final punctuation */
	BR_DUPLICATE, /* a block repeating an earlier one */
};

enum brule_action {
	BA_DROP,      /* the block */
	BA_DROP_NEXT, /* the block and the `next` blocks after it */
	BA_DROP_REST, /* the block and every block after it */
	BA_KEEP,      /* prose: no drop rule or heuristic applies */
};

/* When a boilerplate regex (a struct fc_lazy_re, core/lazyre.h) gets its
** JIT copy (boiler_load.c says why). */
extern const struct fc_lazy_policy text_boiler_jit;

struct brule {
	const char *id;
	struct fc_srcloc loc; /* of the rule's mapping */
	enum brule_kind kind;
	enum brule_action action;
	bool is_enabled;
	uint32_t next;        /* BA_DROP_NEXT */
	uint32_t max_length;  /* longer blocks (chars) never match; 0 any */
	struct fc_lazy_re *codes; /* BR_PATTERN */
	size_t ncodes;
	uint32_t *final;      /* BR_HEADING: code points that end a sentence */
	size_t nfinal;
	uint32_t title_min_words; /* BR_HEADING */
};

/* A sorted set of words (rules arena). */
struct wordset {
	const char **v;
	size_t n, cap;
};

struct fc_boiler {
	struct brule *rules; /* load order; a later rule with the same id
				replaces the earlier one in place */
	size_t nrules, caprules;
	struct wordset abbrevs;       /* never end a sentence: "Mr." */
	struct wordset final_abbrevs; /* end one before a starter: "U.S." */
	struct wordset starters;      /* words that begin sentences: "The" */
	pcre2_match_context *mctx;    /* match and depth limits */
	/* Set by fc_boiler_compile: the enabled heuristics, or NULL. */
	const struct brule *heading, *duplicate;
};

/* Is s[0, n) in w? (after fc_boiler_compile sorted it) */
bool text_wordset_has(const struct wordset *w, const char *s, size_t n);

/* fc_text_sentences, with (is_fast) or without the plain bytes skipped
** eight at a time (sentence.c; the tests compare the two). */
fc_status text_sentences_at(const struct fc_rules *r, struct fc_arena *a,
			    const char *text, size_t len,
			    struct fc_sentence **out, size_t *nout,
			    bool is_fast);

/* ---- Text builders and maps (emit.c) ----------------------------------- */

struct tmap {
	struct fc_segment *v; /* clean_start: this layer; raw_start: below */
	size_t n, cap;
	fc_status err;
};

/* A text being built, with its map to the layer it is built from. */
struct temit {
	struct fc_buf b;
	struct tmap m;
};

void temit_init(struct temit *e);
void temit_finish(struct temit *e);
/* Append src[off, off + len) verbatim (mapped). */
void temit_copy(struct temit *e, const char *src, size_t off, size_t len);
/* Append bytes that stand for no source bytes (unmapped). */
void temit_synth(struct temit *e, const char *s, size_t n);
fc_status temit_status(const struct temit *e);
void tmap_finish(struct tmap *m);

/*
** a maps layer X to Y, b maps Y to Z: out maps X to Z. a's runs must
** be in increasing order of their Y offsets (every layer copies in
** order). out is initialised here; caller frees with tmap_finish.
*/
fc_status tmap_compose(const struct tmap *a, const struct tmap *b,
		       struct tmap *out);
/*
** The source offset of layer offset off (a start: the byte itself) or
** of the end of a range ending at off. An unmapped byte maps to where
** the run before it ends.
*/
uint32_t tmap_start(const struct fc_segment *v, size_t n, uint32_t off);
uint32_t tmap_end(const struct fc_segment *v, size_t n, uint32_t off);

/* ---- Blocks ------------------------------------------------------------ */

enum {
	TB_HEADING = 1u << 0, /* marked up as a heading (md #, html h1-h6) */
	TB_LIST = 1u << 1,    /* a list item */
	TB_TITLE = 1u << 2,   /* the document's own title (html <title>) */
};

/* A paragraph (or heading, list item...) of M: M[start, end). */
struct tblock {
	uint32_t start, end;
	uint32_t flags;
	const char *drop; /* dropped by markup already (rule id), or NULL */
};

struct tblocks {
	struct tblock *v;
	size_t n, cap;
	fc_status err;
};

/*
** The input and output of a format stage (plain.c, markdown.c, html.c):
** reads u[start, len), writes M into out (mapped to U) and blocks.
*/
struct tdoc {
	const char *u;
	size_t len, start;
	struct temit out;
	struct tblocks bl;
	char date[11]; /* a published date the markup states, or "" */
};

/*
** Paragraph writer: whitespace runs collapse to one space, leading and
** trailing whitespace go, and each paragraph becomes one block.
*/
struct tpara {
	struct tdoc *t;
	uint32_t start;
	uint32_t flags;
	const char *drop;
	size_t ws_off, ws_len; /* a pending whitespace run in the source */
	bool is_open, has_text;
};

void tpara_begin(struct tpara *p, struct tdoc *t, uint32_t flags,
		 const char *drop);
/* Source text u[off, off + len): copied, whitespace collapsed. */
void tpara_text(struct tpara *p, size_t off, size_t len);
/* Made-up text (a decoded entity); whitespace in it is collapsed too. */
void tpara_synth(struct tpara *p, const char *s, size_t n);
/* A break between words that has no source bytes (a joined line). */
void tpara_space(struct tpara *p);
/* End the paragraph: a block when it holds any text. */
void tpara_end(struct tpara *p);

/* A line of U: [start, end) without its LF; [cs, ce) without the
** whitespace around it (cs == ce for a blank line). */
struct tline {
	uint32_t start, end, cs, ce;
	uint32_t indent; /* columns of leading whitespace (a tab is 4) */
};

/* The lines of u[start, len); caller frees *out with free(). */
fc_status text_lines(const char *u, size_t start, size_t len,
		     struct tline **out, size_t *n);
/*
** Length of a list marker and the spaces after it at u[cs, ce) ("- ",
** "* ", "+ ", "• ", and with is_numbered "1. ", "2) "), or 0.
*/
size_t text_bullet(const char *u, size_t cs, size_t ce, bool is_numbered);

fc_status text_plain(struct tdoc *t);
fc_status text_markdown(struct tdoc *t);
fc_status text_html(struct tdoc *t);

/* ---- Characters (utf8.c) ----------------------------------------------- */

/* Decode the code point at p (valid UTF-8, n bytes left); sets *len. */
uint32_t text_decode(const unsigned char *p, size_t n, size_t *len);
/* Encode cp as UTF-8 into out (4 bytes); returns the length. */
size_t text_encode(uint32_t cp, char *out);
/*
** How the cleaner writes cp: 0 as is, ' ' for a space (no-break and
** typographic spaces), '\n' for a line or paragraph separator, -1 to
** remove it (zero-width space, soft hyphen, word joiner, BOM).
*/
int text_cp_class(uint32_t cp);
/* Is cp a closing quote or bracket (may follow a sentence's end)? */
bool text_is_closer(uint32_t cp);
/* The code point ending just before s + off (valid UTF-8); *len set. */
uint32_t text_decode_back(const char *s, size_t off, size_t *len);

/*
** raw -> U: strip a BOM, CRLF and CR to LF, replace each invalid byte
** (and NUL) with U+FFFD, normalise spaces. *nbad counts the replaced
** bytes, *first_bad is the raw offset of the first.
*/
fc_status text_repair(const char *raw, size_t len, struct temit *u,
		      size_t *nbad, size_t *first_bad);

/* Decode an HTML character reference at s (s[0] == '&'), n bytes left:
** its length, or 0 when it is not one; *cp set. */
size_t text_entity(const char *s, size_t n, uint32_t *cp);

/* ---- Boilerplate (boiler.c) -------------------------------------------- */

struct tverdict {
	const char **rule;  /* per block: the dropping rule id, NULL kept */
	long title;         /* block index of the title, or -1 */
	long limit_block;   /* first block where a regex hit its limit, or -1 */
	const char *limit_rule;
};

/*
** Decide every block of M. b may be NULL (only markup drops apply).
** rule[] is allocated by the caller (bl->n entries).
*/
fc_status text_boiler_apply(const struct fc_boiler *b, const char *m,
			    const struct tblocks *bl, struct tverdict *v);

/* Does s[0, n) end a sentence (before closing quotes and brackets)? The
** heading rule's `final` characters, or ".!?…:" when heading is NULL. */
bool text_ends_sentence(const struct brule *heading, const char *s,
			size_t n);

#endif
