/*
** wdiff.h: words of a quote and a word-level diff. Private to libfactcross:
** src/check compares quotes with it (compare: quote) and src/report shows
** how two versions of a quote differ; both must see the same words.
**
** Words are compared in normalised form: letters lower-cased (ASCII,
** Latin-1, Latin Extended-A, Greek, Cyrillic), apostrophes and hyphens
** inside a word dropped ("de-escalate" = "deescalate", "president's" =
** "presidents"), a comma inside a number dropped ("1,000" = "1000") and
** a point kept ("3.5"). Everything else that is not a letter or a digit
** (punctuation, quote marks, dashes, symbols, invalid bytes) separates
** words and does not count. An elision ("...", "…", "[...]") inside a
** quote marks a gap before the next word.
**
** A text has at most FC_WD_MAX_WORDS words; the rest is not read
** (is_capped says so), which bounds every diff at O(N * D) with N, D
** under 2 * FC_WD_MAX_WORDS.
*/
#ifndef FC_CHECK_WDIFF_H
#define FC_CHECK_WDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "factcross/fc_model.h"

#define FC_WD_MAX_WORDS 2000

struct fc_wd_word {
	uint32_t start, end; /* byte span of the word as written */
	const char *norm;    /* normalised form, NUL-terminated */
	uint32_t id;         /* after fc_wd_intern: equal norms, equal ids */
	bool is_gap;         /* an elision stands before this word */
};

struct fc_wd_text {
	struct fc_wd_word *w;
	size_t n;
	bool is_capped; /* the text has more than FC_WD_MAX_WORDS words */
};

/*
** Split s[0, len) into words (allocated from a). Never reads past len;
** any bytes are fine. false on out of memory.
*/
bool fc_wd_split(struct fc_arena *a, const char *s, size_t len,
		 struct fc_wd_text *out);

/*
** Number the words of texts[0, n) so that two words have the same id
** exactly when their normalised forms are equal (ids are dense from 0,
** in byte order of the forms). Scratch from a; false on out of memory.
*/
bool fc_wd_intern(struct fc_arena *a, struct fc_wd_text *const *texts,
		  size_t n);

/*
** The normalised words joined by spaces, an elision written as "...":
** equal keys are the same words. Allocated from a; NULL on out of
** memory.
*/
char *fc_wd_key(struct fc_arena *a, const struct fc_wd_text *t);

/*
** A longest common subsequence of the word ids x[0, nx) and y[0, ny):
** x_same[i] and y_same[j] are set for the words in it (the k-th set
** word of x pairs with the k-th set word of y). Myers' O((N+M)D) diff
** with the linear-space middle snake, run with an explicit stack (its
** depth grows with log D). Both arrays must be zeroed by the caller.
** Scratch from a; false on out of memory. Returns the LCS length in
** *nsame when nsame is not NULL.
*/
bool fc_wd_lcs(struct fc_arena *a, const uint32_t *x, size_t nx,
	       const uint32_t *y, size_t ny, bool *x_same, bool *y_same,
	       size_t *nsame);

/* The ids of t's words into a fresh array from a (NULL on out of
** memory, or when t has no words). */
uint32_t *fc_wd_ids(struct fc_arena *a, const struct fc_wd_text *t);

#endif
