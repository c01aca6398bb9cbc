/*
** core.h: helpers shared by every module of libfactcross (not installed).
**
**   struct fc_buf   growable byte buffer with a hard maximum, sticky error
**   struct fc_ynode YAML document tree with file positions (libyaml)
**   fc_json_*       JSON writing into an fc_buf
**   fc_str_*        small string helpers
*/
#ifndef FACTCROSS_CORE_H
#define FACTCROSS_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "factcross/fc_error.h"
#include "factcross/fc_model.h"

/* ---- Buffer ------------------------------------------------------------ */

struct fc_buf {
	char *p;
	size_t len, cap, max;
	fc_status err; /* sticky: once set, appends do nothing */
};

/* max == 0 means 1 GiB. */
void fc_buf_init(struct fc_buf *b, size_t max);
void fc_buf_finish(struct fc_buf *b);
void fc_buf_reset(struct fc_buf *b);
void fc_buf_add(struct fc_buf *b, const void *p, size_t n);
void fc_buf_adds(struct fc_buf *b, const char *s);
void fc_buf_addc(struct fc_buf *b, char c);
void fc_buf_printf(struct fc_buf *b, const char *fmt, ...) FC_PRINTF(2, 3);
/* Append from's contents to b and empty from: when b is empty, by
** exchanging the two buffers' memory rather than copying. */
void fc_buf_add_buf(struct fc_buf *b, struct fc_buf *from);
/*
** Room for n more bytes at the end (and the NUL after them), to write
** into directly; then fc_buf_used(b, k) with k <= n appends what was
** written. NULL (and the error set) when it cannot grow.
*/
char *fc_buf_room(struct fc_buf *b, size_t n);
void fc_buf_used(struct fc_buf *b, size_t n);
/* NUL-terminated contents ("" when empty); valid until the next append. */
const char *fc_buf_cstr(struct fc_buf *b);
/* Hand the contents to the caller (caller frees with free()). */
char *fc_buf_steal(struct fc_buf *b, size_t *len);

/* Read a whole file; *out is NUL-terminated, caller frees with free(). */
fc_status fc_file_read(const char *path, size_t max, char **out, size_t *len);
/* Write atomically: to path.tmp, then rename; a path that is not a
** plain file (/dev/null, /dev/stdout, a FIFO, a symbolic link) is written
** into instead, never replaced. */
fc_status fc_file_write(const char *path, const char *data, size_t len);

/* ---- YAML tree --------------------------------------------------------- */

enum fc_ynode_type { FC_Y_SCALAR, FC_Y_SEQ, FC_Y_MAP };

/*
** A node of a parsed YAML file. Mapping children come in key/value
** pairs: kids[2i] is a key scalar, kids[2i+1] its value. Positions are
** 1-based. All nodes live in the arena given to fc_yaml_load().
*/
struct fc_ynode {
	enum fc_ynode_type type;
	const char *str; /* SCALAR: the value, NUL-terminated */
	size_t len;
	bool is_plain;   /* SCALAR: unquoted (so "null"/"~" mean null) */
	char style;      /* SCALAR: 'p' plain, '\'' single, '"' double, '|' '>' */
	struct fc_ynode **kids;
	size_t nkids;
	struct fc_srcloc loc; /* of the node's first character */
	/* SCALAR: where the value text starts (after the opening quote). */
	uint32_t val_line, val_col;
	/* Quoted one-line SCALAR with escapes: the text as written between
	** the quotes (arena copy), so positions inside it are exact. */
	const char *raw;
	size_t raw_len;
};

/*
** Parse a YAML buffer. name is used in positions (borrowed, must outlive
** the tree). Syntax errors go to d with their position. Only the first
** document of the stream is read. Aliases are refused (no billion laughs).
** A parse that fails gives its nodes back to the arena (rewound to where
** it stood), so nothing may grow an older block of a meanwhile.
*/
fc_status fc_yaml_load(struct fc_arena *a, const char *name, const char *data,
		       size_t len, struct fc_ynode **root, struct fc_diags *d);
/*
** fc_yaml_load, but the value of the root mapping's key skip_key, when
** a sequence or a mapping, is parsed without keeping its nodes: it is a
** node of its type and position with no children (a rule file's
** golden tests: only `factcross test` reads them). Every problem
** fc_yaml_load would report inside it (syntax, alias, nesting, a key
** that is no scalar or repeats) is still found: then the data is parsed
** again whole (the nodes of the first parse given back to the arena);
** a problem outside it is said as fc_yaml_load says it. Either way the
** diagnostics are exactly fc_yaml_load's. *is_skipped: some value was
** kept empty.
*/
fc_status fc_yaml_load_skip(struct fc_arena *a, const char *name,
			    const char *data, size_t len, const char *skip_key,
			    struct fc_ynode **root, bool *is_skipped,
			    struct fc_diags *d);

/* Mapping lookup; NULL when absent or n is not a mapping. */
struct fc_ynode *fc_ymap_get(const struct fc_ynode *n, const char *key);
bool fc_ynode_is_null(const struct fc_ynode *n);

/*
** Check that every key of map n is one of the NULL-terminated list
** keys; report "unknown key 'x'" (with "did you mean 'y'?") otherwise.
** Returns the number of unknown keys.
*/
size_t fc_ymap_check_keys(const struct fc_ynode *n, const char *const *keys,
			  const char *what, struct fc_diags *d);

/*
** Report "unknown WHAT 'x' (did you mean 'y'?)", or "(one of a, b, c)"
** when nothing is near, at scalar n.
*/
void fc_ynode_unknown(const struct fc_ynode *n, const char *what,
		      const char *const *names, struct fc_diags *d);

/* Typed getters; they report a typed error at the node and return false. */
bool fc_ynode_str(const struct fc_ynode *n, const char *what,
		  const char **out, struct fc_diags *d);
bool fc_ynode_int(const struct fc_ynode *n, const char *what, long long lo,
		  long long hi, long long *out, struct fc_diags *d);
bool fc_ynode_double(const struct fc_ynode *n, const char *what, double *out,
		     struct fc_diags *d);
bool fc_ynode_bool(const struct fc_ynode *n, const char *what, bool *out,
		   struct fc_diags *d);
/* A scalar or a sequence of scalars, as a list of strings; empty (NULL,
** 0) when an item is no string, after its error. */
bool fc_ynode_strlist(struct fc_arena *a, const struct fc_ynode *n,
		      const char *what, const char ***out, size_t *nout,
		      struct fc_diags *d);

/*
** Position of byte offset off inside a scalar's value, for errors that
** point into a scalar (a regex error offset). Columns count characters,
** as libyaml's do. Exact for plain, literal-block and one-line quoted
** scalars, escapes included ('' in single quotes; \x.. \u.... \\ in
** double quotes count as wide as they are written).
*/
struct fc_srcloc fc_ynode_loc_at(const struct fc_ynode *n, size_t off);

/* ---- JSON writing ------------------------------------------------------ */

/* A JSON string literal with escapes; invalid UTF-8 is written as U+FFFD. */
void fc_json_str(struct fc_buf *b, const char *s);
void fc_json_strn(struct fc_buf *b, const char *s, size_t n);
/* A number: integers without exponent, others shortest round-trip. */
void fc_json_num(struct fc_buf *b, double v);
/*
** The same, written at out (which has room for FC_JSON_STRN_MAX(n) and
** FC_JSON_NUM_MAX bytes); they return the bytes written.
*/
#define FC_JSON_STRN_MAX(n) (6 * (size_t)(n) + 2)
#define FC_JSON_NUM_MAX 32
size_t fc_json_strn_at(char *out, const char *s, size_t n);
size_t fc_json_num_at(char *out, double v);
/* A decimal integer at out (room for 21 bytes); returns its length. */
size_t fc_json_int_at(char *out, int64_t v);

/* ---- The streaming JSON writer (json.c) ---------------------------------- */

#define FC_JW_MAX_DEPTH 32

/*
** Writes JSON into a borrowed fc_buf. Pretty mode indents by two spaces
** with one member per line (as `jq .` prints); compact mode writes one
** line with ", " and ": " separators (the JSON lines shape). Nesting
** deeper than FC_JW_MAX_DEPTH sets b->err to FC_ELIMIT.
*/
struct fc_jw {
	struct fc_buf *b;
	bool is_pretty;
	bool is_after_key;
	int depth;
	bool has_items[FC_JW_MAX_DEPTH + 1];
};

void fc_jw_init(struct fc_jw *w, struct fc_buf *b, bool is_pretty);
void fc_jw_obj(struct fc_jw *w);
void fc_jw_obj_end(struct fc_jw *w);
void fc_jw_arr(struct fc_jw *w);
void fc_jw_arr_end(struct fc_jw *w);
void fc_jw_key(struct fc_jw *w, const char *key);
void fc_jw_str(struct fc_jw *w, const char *s); /* NULL writes null */
void fc_jw_strn(struct fc_jw *w, const char *s, size_t n);
void fc_jw_num(struct fc_jw *w, double v);
void fc_jw_int(struct fc_jw *w, int64_t v);
void fc_jw_bool(struct fc_jw *w, bool v);
void fc_jw_null(struct fc_jw *w);

/* ---- Pieces of a long text ---------------------------------------------- */

struct fc_lexicon_state;
struct fc_rules;
struct norm_walk;

/*
** A document that is one piece of a longer text (factcross normalize
** reads long input in pieces cut at blank lines, so memory stays
** bounded): what the stages carry from one piece to the next. The text
** before text_start is the end of the previous piece, kept for
** look-behinds; it yields no mentions and no sentences. The stages
** create their state on first use; fc_piece_finish frees it.
*/
struct fc_piece {
	size_t text_start;
	uint64_t text_base; /* offset of text[0] in the whole (clean) text */
	uint32_t sent_base; /* sentences in the pieces before */
	size_t keep_from;   /* set by the lexicon: the text it needs kept */
	size_t keep_norm;   /* set by the normalizer: bytes of context its
			       look-behinds need */
	size_t nlimit;      /* normalizer matches stopped by the match
			       limit, reported once at the end */
	struct fc_lexicon_state *lexicon; /* coreference, look-backs */
	struct norm_walk *norm;           /* the normalizer's word cache */
	struct norm_lookback *norm_back;  /* and its look-back's */
};
/* Free the stage state of a piece (src/extract/lexicon_piece.c). */
void fc_piece_finish(struct fc_piece *p);
/* Bytes of context before a piece the normalizer's look-behinds read
** (what it sets keep_norm to; src/extract/norm.c). */
size_t fc_norm_keep(const struct fc_rules *r);

/*
** factcross normalize on input of any length (src/pipeline/normalize.c):
** feed the text in any pieces; mentions go to out as JSON lines (as
** fc_report_mentions_jsonl writes them) with offsets into the whole
** input (a bad byte, U+FFFD in the text, is one byte of it), piece by
** piece as blank lines come. Output and diagnostics are
** those of fc_normalize_text on the whole text, but for the lexicon's
** document-wide readings (a name's type from a cue later in the text, a
** word in lower case elsewhere, "the Bank" as a body named before):
** past 256 KiB they reach within their piece only (lexicon_piece.c),
** so a long text of many articles joined reads a few names
** differently in pieces; times and quantities never do. ref: a date or an ISO
** 8601 date and time (fc_norm_ref_parse, src/extract/norm_ref.h) or
** NULL. out is borrowed; the caller may empty it between calls.
*/
struct fc_norm_stream;
fc_status fc_norm_stream_create(const struct fc_rules *r, const char *ref,
				struct fc_buf *out,
				struct fc_norm_stream **stream);
fc_status fc_norm_stream_feed(struct fc_norm_stream *s, const char *data,
			      size_t len, struct fc_diags *d);
/* The end of the text: the last piece and the warnings. */
fc_status fc_norm_stream_finish(struct fc_norm_stream *s,
				struct fc_diags *d);
void fc_norm_stream_destroy(struct fc_norm_stream *s); /* NULL is fine */
/* The input a piece takes at least (default 256 KiB; tests cut small).
** Pieces are read on as many threads as CPUs are online (at most 8), or
** FACTCROSS_THREADS (read when the stream is made); 1: none. */
void fc_norm_stream_set_piece(struct fc_norm_stream *s, size_t bytes);
/* The input a piece takes at most when no blank line comes (default
** 512 KiB, at least twice the least; more than the least): past it, the
** piece ends at a line feed, a sentence's end or white space, so that a
** hostile text of one long line is read in bounded memory. */
void fc_norm_stream_set_piece_max(struct fc_norm_stream *s, size_t bytes);
/* The pieces the stream has cut so far. */
size_t fc_norm_stream_npieces(const struct fc_norm_stream *s);
/* After each piece's lines go into out, fn(ud, out) on the caller's
** thread: it empties out (writes it away), so that out holds one piece's
** lines at most, rather than those of every piece a call finished; a
** status fn returns stops the stream with it. */
void fc_norm_stream_set_sink(struct fc_norm_stream *s,
			     fc_status (*fn)(void *ud, struct fc_buf *out),
			     void *ud);

/* ---- Mentions as JSON lines (src/report/report_jsonl.c) ---------------- */

/*
** The bad bytes of the input behind a repaired text (fc_utf8_repair_to):
** each became U+FFFD, two bytes longer, so that an offset of the text
** is one of the input less two bytes for every such U+FFFD before it.
*/
struct fc_repairs {
	const uint32_t *end; /* in the text, the offset just past each
				** U+FFFD put for a bad byte, ascending */
	size_t n;
	uint64_t before;     /* bad bytes before the text (earlier pieces) */
};

/*
** The mentions of doc as fc_report_mentions_jsonl() writes them, with
** offsets shifted by base: doc is the piece of a longer text that starts
** at byte base of it (factcross normalize reads long input in pieces).
** rep (or NULL): the bad bytes the text's repair replaced, so that the
** offsets are the input's.
*/
fc_status fc_report_mentions_jsonl_at(const struct fc_document *doc,
				      uint64_t base,
				      const struct fc_repairs *rep,
				      struct fc_buf *out);

/* ---- Strings ----------------------------------------------------------- */

/* "Vladimir Putin" -> "vladimir-putin" (ASCII letters/digits, '-'). */
char *fc_slug(struct fc_arena *a, const char *s, size_t n);
/*
** The name of names[0, n) nearest to s within 2 edits, for "did you
** mean" hints; NULL when none is that near. n == (size_t)-1: names is
** NULL-terminated.
*/
const char *fc_nearest(const char *s, const char *const *names, size_t n);
/* Index of s in the NULL-terminated names, or -1. */
int fc_name_index(const char *s, const char *const *names);
/* Levenshtein distance, capped at max+1. */
size_t fc_edit_distance(const char *a, const char *b, size_t max);
bool fc_str_ends_with(const char *s, const char *suffix);
/*
** The file name beside path: dir(path) + "/" + name, in a
** ("/usr/share/iso-codes/json/iso_3166-1.json", "iso_4217.json" ->
** "/usr/share/iso-codes/json/iso_4217.json"); name itself (borrowed)
** when path has no '/'; NULL when a is out of memory.
*/
const char *fc_path_beside(struct fc_arena *a, const char *path,
			   const char *name);
/*
** Read the iso-codes list at path (fc_path_beside of the ISO 3166-1
** file) that the rule node at by asks for; what names it in the error
** ("ISO 4217 currency list"). When it cannot be read: FC_EIO, and an
** error at path that says how to install it. *data as fc_file_read's.
*/
fc_status fc_iso_list_read(const char *path, size_t max, const char *what,
			   const struct fc_srcloc *by, struct fc_diags *d,
			   char **data, size_t *len);
/* Lower-case ASCII copy. */
char *fc_lower(struct fc_arena *a, const char *s, size_t n);

/* SHA-256 of data as 64 lower-case hex digits plus NUL. */
void fc_sha256_hex(const void *data, size_t len, char out[65]);

/* UTF-8: length of a valid sequence at p (1..4), or 0 when invalid. */
size_t fc_utf8_seq_len(const unsigned char *p, size_t avail);
/* Is s[0, len) valid UTF-8 (eight ASCII bytes at a time)? */
bool fc_utf8_valid(const char *s, size_t len);
/*
** Copy s[0, n) into a with every invalid byte (and NUL) replaced by
** U+FFFD. *nbad counts replaced bytes, *first_bad is the offset of the
** first one (n when none). Either may be NULL.
*/
char *fc_utf8_repair(struct fc_arena *a, const char *s, size_t n,
		     size_t *out_len, size_t *nbad, size_t *first_bad);
/*
** The same into out (room for 3n bytes). Returns the length written;
** adds the bytes replaced to *nbad, and sets *first to the offset of the
** first one when *nbad was 0 (so a stream of pieces can count on).
*/
size_t fc_utf8_repair_to(char *out, const char *s, size_t n, size_t *nbad,
			 size_t *first);
/*
** Where fc_utf8_repair_to(out, s, n, ...) put its U+FFFD for a bad byte:
** writes to end[] (room for as many as it counted) the offset in out
** just past each, in order; returns how many.
*/
size_t fc_utf8_repair_ends(const char *s, size_t n, uint32_t *end);

/* 16 bytes 0xFF then 16 bytes 0: a 16-byte load at fc_first_ones + 16 - k
** has its first k bytes set, a mask for the last few bytes of a vector
** scan (the tokenizer's and the sentence splitter's). */
extern const unsigned char fc_first_ones[32];

#endif
