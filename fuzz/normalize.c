/*
** normalize.c: fuzz target: the bytes as the text of a document, through
** the built-in rules (loaded once) as `factcross normalize` reads it: the
** stream of src/pipeline/normalize.c cut into small pieces (so piece
** boundaries and the context kept between pieces get hit), and
** fc_normalize_text (times, quantities, then the lexicon).
**
** When the input has more than 10 bytes, the first 10 choose the run:
**   [0] bit 0-1: the reference: none, a date, a date and time, a date
**       and time with a zone; bit 2: also fc_normalize_text; bit 3: seconds;
**       bit 4-5: how the stream is fed (one call, 1-byte, 7-byte or
**       63-byte calls); bit 6-7: the most a piece takes with no blank
**       line (the default 512 KiB, or 2, 3 or 4 times the piece size:
**       the forced cuts of long lines)
**   [1..3] year (1900 + [1] % 200), month, day; [4..6] hh, mm, ss;
**   [7] zone offset in quarter hours; [8..9] the piece size (1 + n % 2048)
** A reference that is no real date (2026-02-30) is left out, as the CLI
** refuses it.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "extract/norm_ref.h"
#include "factcross/fc.h"
#include "fuzz.h"

static struct fc_rules *rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* no rules cache (norm_cache.c): nothing of an input is kept, and
	** no file read or written for one */
	setenv("FACTCROSS_CACHE", "off", 1);
	/* one fuzzer, one core, unless FACTCROSS_THREADS says otherwise (the
	** stream's threaded hand-over of pieces) */
	setenv("FACTCROSS_THREADS", "1", 0);
	rules = fuzz_builtin_rules(FC_KIND_TEXT);
	return 0;
}

/* The reference chosen by the header h, into ref; false when none. */
static bool choose_ref(const uint8_t *h, char *ref, size_t n)
{
	int kind = h[0] & 3;
	if (!kind)
		return false;
	int y = 1900 + h[1] % 200, m = 1 + h[2] % 12, dd = 1 + h[3] % 31;
	int len = snprintf(ref, n, "%04d-%02d-%02d", y, m, dd);
	if (kind >= 2)
		len += snprintf(ref + len, n - (size_t)len, "T%02d:%02d",
				h[4] % 24, h[5] % 60);
	if (kind >= 2 && (h[0] & 8))
		len += snprintf(ref + len, n - (size_t)len, ":%02d",
				h[6] % 60);
	if (kind == 3) {
		int q = (int)(h[7] % 105) - 48; /* -12:00 .. +14:00 */
		int mins = q < 0 ? -q * 15 : q * 15;
		snprintf(ref + len, n - (size_t)len, "%c%02d:%02d",
			 q < 0 ? '-' : '+', mins / 60, mins % 60);
	}
	struct norm_ref r;
	return fc_norm_ref_parse(ref, &r);
}

static void run_stream(const char *ref, const char *text, size_t len,
		       size_t piece, size_t max, size_t step)
{
	struct fc_buf out;
	fc_buf_init(&out, 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_norm_stream *ns = NULL;
	fc_status st = fc_norm_stream_create(rules, ref, &out, &ns);
	if (!st) {
		fc_norm_stream_set_piece(ns, piece);
		if (max)
			fc_norm_stream_set_piece_max(ns, max);
		for (size_t i = 0; !st && i < len; i += step) {
			size_t k = len - i < step ? len - i : step;
			st = fc_norm_stream_feed(ns, text + i, k, &d);
			fc_buf_reset(&out); /* as the CLI empties it */
		}
		if (!st)
			st = fc_norm_stream_finish(ns, &d);
	}
	fc_norm_stream_destroy(ns);
	fuzz_diags_done(&d);
	fc_buf_finish(&out);
}

static void run_whole(const char *ref, const char *text, size_t len)
{
	/* fc_normalize_text takes a date only */
	char date[11];
	if (ref) {
		memcpy(date, ref, 10);
		date[10] = '\0';
	}
	struct fc_corpus *c = fc_corpus_create();
	if (!c)
		abort();
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_document *doc;
	fc_normalize_text(rules, c, ref ? date : NULL, text, len, &doc, &d);
	fuzz_diags_done(&d);
	fc_corpus_destroy(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t steps[] = {(size_t)-1, 1, 7, 63};
	char ref[NORM_REF_MAX];
	bool has_ref = false, is_whole = true;
	size_t piece = 64, max = 0, step = (size_t)-1;
	if (size > 10) {
		has_ref = choose_ref(data, ref, sizeof(ref));
		is_whole = data[0] & 4;
		step = steps[(data[0] >> 4) & 3];
		piece = 1 + (((size_t)data[8] << 8 | data[9]) % 2048);
		max = data[0] >> 6 ? (1 + (size_t)(data[0] >> 6)) * piece : 0;
		data += 10;
		size -= 10;
	}
	const char *text = (const char *)data;
	run_stream(has_ref ? ref : NULL, text, size, piece, max, step);
	if (is_whole)
		run_whole(has_ref ? ref : NULL, text, size);
	return 0;
}
