/*
** test_stream.c: factcross normalize reading its input in pieces
** (fc_norm_stream) writes what it writes reading the text whole
** (fc_normalize_text), byte for byte, with the same warnings: pieces cut
** at every blank line or at 256 KiB, input fed a byte at a time or all
** at once, step B on its own thread or not. The text carries what
** crosses a blank line: coreference (surnames, "the two leaders", "he
** said"), a time counted from the date before it, a long paragraph,
** CRLF and spaced blank lines, invalid UTF-8 and a NUL.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fc_test.h"

#define SEED FC_SOURCE_ROOT "/corpora/putin-iran-2026-01-16"

static char *render(struct fc_diags *d)
{
	char *p = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&p, &n);
	assert_non_null(f);
	fc_diags_print(d, f, 0);
	fclose(f);
	return p;
}

static char *whole(const struct fc_rules *rules, const char *ref,
		   const char *text, size_t len, char **diags)
{
	struct fc_corpus *c = fc_corpus_create();
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_document *doc;
	assert_int_equal(fc_normalize_text(rules, c, ref, text, len, &doc, &d),
			 FC_OK);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_test_jsonl_of_input(doc, text, len, &b);
	*diags = render(&d);
	fc_diags_finish(&d);
	fc_corpus_destroy(c);
	return fc_buf_steal(&b, NULL);
}

/* The stream's way, with pieces of at least piece bytes, at most max
** (0: the default) when no blank line comes; *npieces: the pieces cut
** (NULL: not wanted). */
static char *streamed_max(const struct fc_rules *rules, const char *ref,
			  const char *text, size_t len, size_t block,
			  size_t piece, size_t max, const char *threads,
			  char **diags, size_t *npieces)
{
	setenv("FACTCROSS_THREADS", threads, 1);
	struct fc_buf b, all;
	fc_buf_init(&b, 0);
	fc_buf_init(&all, 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_norm_stream *s;
	assert_int_equal(fc_norm_stream_create(rules, ref, &b, &s), FC_OK);
	fc_norm_stream_set_piece(s, piece);
	if (max)
		fc_norm_stream_set_piece_max(s, max);
	for (size_t i = 0; i < len; i += block) {
		size_t n = len - i < block ? len - i : block;
		assert_int_equal(fc_norm_stream_feed(s, text + i, n, &d), FC_OK);
		/* the caller may take the output between feeds */
		fc_buf_add(&all, b.p, b.len);
		fc_buf_reset(&b);
	}
	assert_int_equal(fc_norm_stream_finish(s, &d), FC_OK);
	fc_buf_add(&all, b.p, b.len);
	if (npieces)
		*npieces = fc_norm_stream_npieces(s);
	fc_norm_stream_destroy(s);
	fc_buf_finish(&b);
	*diags = render(&d);
	fc_diags_finish(&d);
	unsetenv("FACTCROSS_THREADS");
	return fc_buf_steal(&all, NULL);
}

static char *streamed(const struct fc_rules *rules, const char *ref,
		      const char *text, size_t len, size_t block, size_t piece,
		      const char *threads, char **diags)
{
	return streamed_max(rules, ref, text, len, block, piece, 0, threads,
			    diags, NULL);
}

/* The seed corpus, and paragraphs that lean on the ones before. */
static char *text_of(size_t *len)
{
	struct fc_buf b;
	fc_buf_init(&b, 0);
	DIR *dp = opendir(SEED);
	assert_non_null(dp);
	struct dirent *de;
	while ((de = readdir(dp))) {
		if (!fc_str_ends_with(de->d_name, ".txt"))
			continue;
		char path[512], *t;
		size_t n;
		snprintf(path, sizeof(path), "%s/%s", SEED, de->d_name);
		assert_int_equal(fc_file_read(path, 1u << 24, &t, &n), FC_OK);
		fc_buf_add(&b, t, n);
		fc_buf_adds(&b, "\n\n");
		free(t);
	}
	closedir(dp);
	fc_buf_adds(&b,
		    "Iranian President Masoud Pezeshkian met Russian President "
		    "Vladimir Putin in Moscow in March 2019, the Kremlin said.\r\n"
		    "\r\n"
		    "The following year, Putin and Pezeshkian spoke again. The two "
		    "leaders agreed, he said: \"We will meet.\"\n \n"
		    "Pezeshkian said nearly $3 billion was at stake, \xFF up from "
		    "2.5 billion\xC3 a year earlier.\n\n");
	fc_buf_add(&b, "A NUL \0 here.\n\n", 15);
	/* a long paragraph: no blank line for 40 KiB */
	for (int i = 0; i < 400; i++)
		fc_buf_adds(&b, "Officials said 40 percent of the 1,200 homes "
				"were hit on Friday, according to TASS. ");
	fc_buf_adds(&b, "\n\nPutin said it was not over.\n");
	*len = b.len;
	return fc_buf_steal(&b, NULL);
}

static void check(const struct fc_rules *rules, const char *ref)
{
	size_t len;
	char *text = text_of(&len);
	char *wd, *want = whole(rules, ref, text, len, &wd);
	assert_true(strlen(want) > 10000);
	/* coreference carried over blank lines */
	assert_non_null(strstr(want, "\"text\": \"Putin\", \"start\""));
	assert_non_null(strstr(want, "group:person:masoud-pezeshkian+"
				     "person:vladimir-putin"));
	assert_non_null(strstr(wd, "invalid UTF-8 bytes replaced"));
	const struct {
		size_t block, piece;
		const char *threads;
	} ways[] = {
		{1 << 20, 1, "1"}, {1 << 20, 1, "2"}, {7, 1, "2"},
		{1, 1, "1"}, {len, 256 * 1024, "2"}, {4096, 3000, "2"},
		{4096, 3000, "4"}, {1 << 20, 1, "3"}, {len, 1, "8"},
	};
	for (size_t i = 0; i < sizeof(ways) / sizeof(*ways); i++) {
		char *gd, *got = streamed(rules, ref, text, len, ways[i].block,
					  ways[i].piece, ways[i].threads, &gd);
		assert_string_equal(got, want);
		assert_string_equal(gd, wd);
		free(got);
		free(gd);
	}
	free(want);
	free(wd);
	free(text);
}

static void test_pieces_write_what_the_whole_writes(void **state)
{
	const struct fc_rules *rules = *state;
	check(rules, "2026-01-16");
	check(rules, NULL);
}

/* Paragraphs of one length, each a piece: each "the following year"
** counts from the year of its own paragraph, read by a look-back that
** keeps its windows from one call to the next (norm_anchor.c). */
static void test_lookback_reads_its_own_piece(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int y = 1910; y < 1922; y++)
		fc_buf_printf(&b, "In %d, the plant opened. The following "
				"year, it closed.\n\n", y);
	char *wd, *want = whole(rules, "2026-01-16", b.p, b.len, &wd);
	for (int y = 1911; y < 1923; y++) {
		char v[64];
		snprintf(v, sizeof(v), "\"text\": \"The following year\"");
		assert_non_null(strstr(want, v));
		snprintf(v, sizeof(v), "\"value\": \"%d\"", y);
		assert_non_null(strstr(want, v));
	}
	static const char *const threads[] = {"1", "2", "3"};
	for (size_t i = 0; i < 3; i++) {
		char *gd, *got = streamed(rules, "2026-01-16", b.p, b.len,
					  1 << 20, 1, threads[i], &gd);
		assert_string_equal(got, want);
		assert_string_equal(gd, wd);
		free(got);
		free(gd);
	}
	free(want);
	free(wd);
	fc_buf_finish(&b);
}

/* Seconds since t0 (CLOCK_MONOTONIC). */
static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* A piece that starts with a long run of line feeds (the cut before it
** is at the run's start): finding the next cut goes past the run once,
** not back over it from every line feed (600 000 of them took a minute). */
static void test_long_blank_run_is_cut_in_linear_time(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "Talks ended on Monday.\n");
	for (int i = 0; i < 600000; i++)
		fc_buf_add(&b, i % 3 ? "\n" : " \n", i % 3 ? 1 : 2);
	fc_buf_adds(&b, "Putin met Pezeshkian on Friday.\n\nIt rained.\n");
	char *wd, *want = whole(rules, "2026-01-16", b.p, b.len, &wd);
	assert_non_null(strstr(want, "\"value\": \"2026-01-16\""));
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *gd, *got = streamed(rules, "2026-01-16", b.p, b.len, 1 << 16,
				  4096, "1", &gd);
	double secs = seconds_since(&t0);
	assert_string_equal(got, want);
	assert_string_equal(gd, wd);
	assert_true(secs < 5.0);
	free(got);
	free(gd);
	free(want);
	free(wd);
	fc_buf_finish(&b);
}

/* A run of digits with no space: each walk from a digit of it stops
** after a bounded stretch (norm_walk.c, walk_end), so 400,000 digits take
** a fraction of a second, not minutes; the times around it are read. */
static void test_long_digit_run_is_walked_in_linear_time(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_adds(&b, "Sales rose 40 percent on Monday. Code ");
	for (int i = 0; i < 400000; i++)
		fc_buf_add(&b, &"1234567890"[i % 10], 1);
	fc_buf_adds(&b, " ends. Putin met Pezeshkian on Friday.\n");
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *wd, *got = whole(rules, "2026-01-16", b.p, b.len, &wd);
	double secs = seconds_since(&t0);
	assert_non_null(strstr(got, "\"value\": \"2026-01-12\""));
	assert_non_null(strstr(got, "\"value\": \"2026-01-16\""));
	assert_non_null(strstr(got, "\"value\": 40"));
	assert_true(secs < 5.0);
	free(got);
	free(wd);
	fc_buf_finish(&b);
}

/* A list of 128,000 numbers with commas and no space ("1,1,1,..."): one
** token for the lexicon, whose number check reads it once (lexicon_tok.c,
** all_digits), and 128,000 tries of qty.count, whose look-ahead for a
** scale word ({qd_scale}) reads at most 64 bytes; each was quadratic. */
static void test_long_number_list_in_linear_time(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	for (int i = 0; i < 128000; i++)
		fc_buf_add(&b, i ? ",1" : "1", i ? 2 : 1);
	fc_buf_adds(&b, " were sold on Friday.\n");
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *wd, *got = whole(rules, "2026-01-16", b.p, b.len, &wd);
	double secs = seconds_since(&t0);
	/* counted by hand: ASan's strstr reads the rest of the string at
	** each call, which would make this loop quadratic */
	static const char kq[] = "\"kind\": \"quantity\"";
	size_t nq = 0, ng = strlen(got);
	for (size_t i = 0; i + sizeof(kq) - 1 <= ng; i++)
		nq += got[i] == '"' && !memcmp(got + i, kq, sizeof(kq) - 1);
	assert_int_equal(nq, 128000);
	assert_non_null(strstr(got, "\"value\": \"2026-01-16\""));
	assert_string_equal(wd, "");
	assert_true(secs < 5.0);
	free(got);
	free(wd);
	fc_buf_finish(&b);
}

/* A text with no blank line is cut all the same once a piece would pass
** its most (force_cut in normalize.c), so that one long hostile line is
** read in bounded memory: at a line feed, else after a sentence's end,
** else at white space, else between two characters. Here every cut
** falls where it changes nothing: the output and the warnings are the
** whole text's, and the pieces are as many as the most allows. */
static void check_cut(const struct fc_rules *rules, struct fc_buf *b,
		      size_t piece, size_t max, const char *must)
{
	char *wd, *want = whole(rules, "2026-01-16", b->p, b->len, &wd);
	assert_non_null(strstr(want, must));
	static const char *const threads[] = {"1", "2"};
	for (size_t i = 0; i < 2; i++) {
		size_t np = 0;
		char *gd, *got = streamed_max(rules, "2026-01-16", b->p,
					      b->len, 1000, piece, max,
					      threads[i], &gd, &np);
		assert_string_equal(got, want);
		assert_string_equal(gd, wd);
		assert_true(np >= b->len / max);
		free(got);
		free(gd);
	}
	free(want);
	free(wd);
	fc_buf_reset(b);
}

static void test_long_line_is_cut_without_a_blank_line(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	/* one line of sentences: cut after a full stop or a quote's end */
	for (int i = 0; i < 400; i++)
		fc_buf_printf(&b, i % 2 ? "Prices rose %d percent on Friday. "
					: "\"Sales fell by %d,000 in May.\" ",
			      i + 1);
	check_cut(rules, &b, 1024, 4096, "\"value\": 400, \"unit\"");
	/* lines and no blank line: cut at a line feed */
	for (int i = 0; i < 400; i++)
		fc_buf_printf(&b, "Officials said %d homes were hit on "
				  "Tuesday\n", i + 1);
	check_cut(rules, &b, 1024, 4096, "\"value\": \"2026-01-13\"");
	/* a hostile line, a number at every other byte: 100,000 mentions */
	for (int i = 0; i < 100000; i++)
		fc_buf_adds(&b, "1 ");
	check_cut(rules, &b, 4096, 8192, "\"start\": 199998");
	/* no white space at all: cut between characters, never inside one
	** (that would warn of invalid UTF-8) */
	for (int i = 0; i < 30000; i++)
		fc_buf_adds(&b, "\xC3\xA9");
	fc_buf_adds(&b, " on Friday.");
	check_cut(rules, &b, 1000, 2001, "\"value\": \"2026-01-16\"");
	fc_buf_finish(&b);
}

/* A sink: takes the lines after each piece, fails at call fail_at. */
struct sink {
	struct fc_buf all;
	size_t ncalls, most, fail_at;
};

static fc_status take_lines(void *ud, struct fc_buf *out)
{
	struct sink *k = ud;
	if (++k->ncalls == k->fail_at)
		return FC_EIO;
	if (out->len > k->most)
		k->most = out->len;
	fc_buf_add(&k->all, out->p, out->len);
	fc_buf_reset(out);
	return FC_OK;
}

/* The stream over text with a sink, fed all at once; its status. */
static fc_status sunk(const struct fc_rules *rules, const char *text,
		      const char *threads, struct sink *k, size_t *npieces)
{
	setenv("FACTCROSS_THREADS", threads, 1);
	struct fc_buf b;
	fc_buf_init(&b, 0);
	fc_buf_init(&k->all, 0);
	struct fc_diags d;
	fc_diags_init(&d);
	struct fc_norm_stream *s;
	assert_int_equal(fc_norm_stream_create(rules, "2026-01-16", &b, &s),
			 FC_OK);
	fc_norm_stream_set_piece(s, 4096);
	fc_norm_stream_set_piece_max(s, 8192);
	fc_norm_stream_set_sink(s, take_lines, k);
	fc_status st = fc_norm_stream_feed(s, text, strlen(text), &d);
	if (!st)
		st = fc_norm_stream_finish(s, &d);
	*npieces = fc_norm_stream_npieces(s);
	if (!st)
		assert_int_equal(b.len, 0); /* the sink took everything */
	fc_norm_stream_destroy(s);
	fc_buf_finish(&b);
	fc_diags_finish(&d);
	unsetenv("FACTCROSS_THREADS");
	return st;
}

/* With a sink, each piece's lines leave as it is written: the output
** holds one piece's at most (a hostile line of 100,000 numbers gives
** 6 MB of lines), and what leaves is what the whole text writes. */
static void test_sink_takes_each_piece(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf t;
	fc_buf_init(&t, 0);
	for (int i = 0; i < 100000; i++)
		fc_buf_adds(&t, "1 ");
	char *wd;
	char *want = whole(rules, "2026-01-16", t.p, t.len, &wd);
	const char *threads[] = {"1", "2"};
	for (size_t i = 0; i < 2; i++) {
		struct sink k = {.fail_at = 0};
		size_t npieces;
		assert_int_equal(sunk(rules, t.p, threads[i], &k, &npieces),
				 FC_OK);
		assert_true(npieces >= 200000 / 8192);
		assert_int_equal(k.ncalls, npieces);
		assert_true(strlen(want) > 5000000);
		assert_true(k.most < 8192 / 2 * 200); /* one piece's lines */
		assert_string_equal(k.all.p, want);
		fc_buf_finish(&k.all);
		/* a sink that fails stops the stream with its status */
		struct sink f = {.fail_at = 3};
		assert_int_equal(sunk(rules, t.p, threads[i], &f, &npieces),
				 FC_EIO);
		assert_int_equal(f.ncalls, 3);
		fc_buf_finish(&f.all);
	}
	free(want);
	free(wd);
	fc_buf_finish(&t);
}

/* The stream of text on 1 and on 2 threads, in blocks of block bytes,
** pieces of piece to max bytes, writes what the whole text writes, in
** at least min_pieces pieces; the whole's output and diagnostics are
** returned in *want and *wd (to free). */
static void assert_streams_as_whole(const struct fc_rules *rules,
				    const char *text, size_t len,
				    size_t block, size_t piece, size_t max,
				    size_t min_pieces, char **want, char **wd)
{
	*want = whole(rules, "2026-01-16", text, len, wd);
	const char *threads[] = {"1", "2"};
	for (size_t i = 0; i < 2; i++) {
		size_t npieces;
		char *gd, *got = streamed_max(rules, "2026-01-16", text, len,
					      block, piece, max, threads[i],
					      &gd, &npieces);
		assert_true(npieces >= min_pieces);
		assert_string_equal(got, *want);
		assert_string_equal(gd, *wd);
		free(got);
		free(gd);
	}
}

/* Pieces that grow from one to the next, one all invalid UTF-8 (each
** byte three after the repair, the most a piece's text takes). With
** the default piece_max a slot's text is sized once, for the largest
** piece; with a piece_max above IN_SLACK_MAX (a terabyte) it is sized
** for each piece, so every longer piece takes new room, the old text
** dropped. */
static void test_growing_pieces_take_new_room(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf t;
	fc_buf_init(&t, 0);
	for (int k = 1; k <= 6; k++) {
		for (int i = 0; i < 40 * k * k; i++)
			fc_buf_adds(&t, "Putin said 40 percent of 1,200 homes "
					"were hit on Friday. ");
		fc_buf_adds(&t, "\n\n");
		for (int i = 0; i < 3000 * k; i++)
			fc_buf_adds(&t, "\xFF");
		fc_buf_adds(&t, "\n\n");
	}
	const size_t maxes[] = {0, (size_t)1 << 40};
	for (size_t i = 0; i < 2; i++) {
		char *want, *wd;
		/* a piece a paragraph */
		assert_streams_as_whole(rules, t.p, t.len, t.len, 1, maxes[i],
					12, &want, &wd);
		assert_non_null(strstr(wd, "invalid UTF-8 bytes replaced"));
		free(want);
		free(wd);
	}
	fc_buf_finish(&t);
}

/* A caller may set the most a piece takes far above any input (a
** terabyte: no forced cut): a small text is read all the same, in room
** for its own length, not for three times that most. */
static void test_huge_piece_max_reads_a_small_text(void **state)
{
	const char *text = "The plant closed ten years ago.\n\n"
			   "It weighed 5 lbs on 20 November 1991.\n";
	char *want, *wd;
	assert_streams_as_whole(*state, text, strlen(text), 16, 4096,
				(size_t)1 << 40, 1, &want, &wd);
	assert_non_null(strstr(want, "\"ten years ago\""));
	free(want);
	free(wd);
}

/* Offsets are the input's (DESIGN.md): a bad byte the repair made
** U+FFFD, three bytes in the text, is one byte of the input, in this
** piece and in the pieces before. */
static void test_offsets_are_the_inputs_past_bad_bytes(void **state)
{
	static const char text[] =
		"A\xFF\xFE price of \xC3 $5 \xE2\x82 rose on Friday.\n\n"
		"It fell\0 on Monday.\n";
	const size_t len = sizeof(text) - 1;
	const char *threads[] = {"1", "2"};
	for (size_t t = 0; t < 2; t++) {
		/* one piece; a piece a paragraph, fed a byte at a time */
		const size_t ways[][2] = {{len, 1u << 20}, {1, 1}};
		for (size_t w = 0; w < 2; w++) {
			char *wd, *got = streamed(*state, "2005-02-01", text,
						  len, ways[w][0], ways[w][1],
						  threads[t], &wd);
			assert_non_null(strstr(got, "\"text\": \"$5\", "
						    "\"start\": 15, \"end\": 17"));
			assert_non_null(strstr(got, "\"text\": \"Friday\", "
						    "\"start\": 29, \"end\": 35"));
			assert_non_null(strstr(got, "\"text\": \"Monday\", "
						    "\"start\": 50, \"end\": 56"));
			assert_non_null(strstr(wd, "6 invalid UTF-8 bytes "
						   "replaced by U+FFFD (first "
						   "at byte 1)"));
			free(got);
			free(wd);
		}
	}
}

/* A mention with a bad byte inside it: its end is the input's too. */
static void test_offsets_of_a_mention_over_a_bad_byte(void **state)
{
	static const char text[] =
		"\"We will \xFF win the vote,\" Ms Smith said on Friday.\n";
	char *wd, *got = streamed(*state, "2005-02-01", text, sizeof(text) - 1,
				  1u << 20, 1u << 20, "1", &wd);
	assert_non_null(strstr(got, "\"text\": \"We will \xEF\xBF\xBD win the "
				    "vote\", \"start\": 1, \"end\": 23"));
	assert_non_null(strstr(got, "\"text\": \"Ms Smith said\", "
				    "\"start\": 26, \"end\": 39"));
	char *whole_text = fc_test_mentions(*state, "2005-02-01", text,
					    sizeof(text) - 1);
	assert_string_equal(got, whole_text);
	free(whole_text);
	free(got);
	free(wd);
}

/* A mention that ends just past a bad byte (the quote's inner span) or
** starts just past one ("on\xFF" "Friday"): that bad byte is counted
** for the end, and before the start (the first end past the offset). */
static void test_offsets_right_at_a_bad_byte(void **state)
{
	static const char text[] = "\"We will win\xFF,\" Ms Smith said on\xFF"
				   "Friday.\n\nIt fell on\xFF" "Monday.\n";
	const size_t len = sizeof(text) - 1;
	const char *threads[] = {"1", "2"};
	for (size_t t = 0; t < 2; t++) {
		char *wd, *got = streamed(*state, "2005-02-01", text, len, 1,
					  1, threads[t], &wd);
		assert_non_null(strstr(got, "\"text\": \"We will win\xEF\xBF\xBD"
					    "\", \"start\": 1, \"end\": 13"));
		assert_non_null(strstr(got, "\"text\": \"Friday\", "
					    "\"start\": 33, \"end\": 39"));
		assert_non_null(strstr(got, "\"text\": \"Monday\", "
					    "\"start\": 53, \"end\": 59"));
		free(got);
		free(wd);
	}
}

static void test_empty_and_bad_ref(void **state)
{
	const struct fc_rules *rules = *state;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct fc_norm_stream *s;
	assert_int_equal(fc_norm_stream_create(rules, "2026-02-30", &b, &s),
			 FC_EINPUT);
	assert_null(s);
	struct fc_diags d;
	fc_diags_init(&d);
	assert_int_equal(fc_norm_stream_create(rules, NULL, &b, &s), FC_OK);
	assert_int_equal(fc_norm_stream_finish(s, &d), FC_OK);
	assert_int_equal(b.len, 0);
	assert_int_equal(d.n, 0);
	fc_norm_stream_destroy(s);
	fc_norm_stream_destroy(NULL);
	fc_diags_finish(&d);
	fc_buf_finish(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces_write_what_the_whole_writes),
		cmocka_unit_test(test_lookback_reads_its_own_piece),
		cmocka_unit_test(test_empty_and_bad_ref),
		cmocka_unit_test(test_offsets_are_the_inputs_past_bad_bytes),
		cmocka_unit_test(test_offsets_of_a_mention_over_a_bad_byte),
		cmocka_unit_test(test_offsets_right_at_a_bad_byte),
		cmocka_unit_test(test_long_blank_run_is_cut_in_linear_time),
		cmocka_unit_test(test_long_digit_run_is_walked_in_linear_time),
		cmocka_unit_test(test_long_number_list_in_linear_time),
		cmocka_unit_test(test_long_line_is_cut_without_a_blank_line),
		cmocka_unit_test(test_sink_takes_each_piece),
		cmocka_unit_test(test_growing_pieces_take_new_room),
		cmocka_unit_test(test_huge_piece_max_reads_a_small_text),
	};
	return cmocka_run_group_tests(tests, fc_test_rules_setup,
				      fc_test_rules_teardown);
}
