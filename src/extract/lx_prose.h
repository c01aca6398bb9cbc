/*
** lx_prose.h: the one test of a word written in prose lower case, shared
** by the two passes that need it: lexicon.c notes such words while it
** looks each token up (the loop carries the word before), coref_track.c
** tests a token in place (lx_lower_elsewhere: "Reports said" is no name
** when the document also writes "the reports").
*/
#ifndef FC_EXTRACT_LX_PROSE_H
#define FC_EXTRACT_LX_PROSE_H

#include "extract/lexicon_p.h"

/*
** Is a token with flags f, after a token with flags prev_f, a word in
** lower case right after a function word ("the reports", "a relative",
** "with enough")? Not a capitalised word, nor one with a digit; not
** after a token that is no word (a web address split into tokens,
** "/ microsoft - rushes"). LX_T_STOP is the function word's mark, set
** as the lexicon looks each token up (lexicon.c, mark_words).
*/
static inline bool lx_prose_lower(uint16_t f, uint16_t prev_f)
{
	return (f & (LX_T_WORD | LX_T_CAP | LX_T_DIGIT)) == LX_T_WORD &&
	       (prev_f & (LX_T_STOP | LX_T_WORD)) == (LX_T_STOP | LX_T_WORD);
}

#endif
