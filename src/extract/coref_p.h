/*
** coref_p.h: what the files of within-document coreference share beyond
** lexicon_p.h (whose "coref_track.c" section declares their API).
**
**   coref_track.c    mentions in text order; roles, terms, groups
**   coref_person.c   the document's persons: by id, by surname, by word
**   coref_names.c    the words of names; untyped names typed by a cue
**   coref_lower.c    the words the document writes in lower case
**   coref_made.c     interned and made entities, one of each
**   coref_speaker.c  pass B's look-backs: a role's, a country's holder
*/
#ifndef FC_EXTRACT_COREF_P_H
#define FC_EXTRACT_COREF_P_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "extract/lexicon_p.h"

/* Note the words [t0, t1): of an organisation (last == NULL; its first
** word begins mention first_ment - 1 when first_ment > 0), or the last
** word of the untyped name last (coref_names.c). */
void lx_note_words(struct lx_scan *s, uint32_t t0, uint32_t t1,
		   const struct fc_entity *last, uint32_t first_ment);
/* Note the last word of the untyped name e at [t0, t1), and whether a
** given name opens it (coref_names.c). */
void lx_note_last_word(struct lx_scan *s, uint32_t t0, uint32_t t1,
		       const struct fc_entity *e);
/* The earlier name of the document whose label's first words are e's
** label after a title (titled: "Prince Turki" after
** "Prince Turki al-Faisal", "President Jose Luis" after "President Jose
** Luis Machinea"), or the earlier person whose label's last words are
** the untyped e's ("Febres Cordero"); NULL: none, two such names, or e
** itself (coref_names.c). */
const struct fc_entity *lx_short_form(const struct lx_scan *s,
				      const struct fc_entity *e, bool titled);
/* Note the parts of the label of e (a person, or a name after a title)
** that lx_short_form finds (coref_names.c). */
void lx_note_parts(struct lx_scan *s, const struct fc_entity *e, bool titled);
/* The gender of the document's person e as LX_G_* bits: people.yaml's,
** or the words of its mentions (coref_person.c ment_gender); 0 when
** unknown, not a person of the document, or the words disagree. */
unsigned lx_person_gender(const struct lx_scan *s, const struct fc_entity *e);

/* The number of the scan's mentions that end at token i or before (their
** ends ascend: a binary search; coref_speaker.c). */
size_t lx_ments_to(const struct lx_scan *s, size_t i);
/* The last person mentioned before token i whose role is role's, or ends
** with it when it may shorten it ("the minister": a foreign minister,
** not a prime or a deputy minister), among LX_LOOKBACK mentions; NULL:
** none, or two in the sentence that names the last (coref_speaker.c). */
const struct fc_entity *lx_role_holder(const struct lx_scan *s,
				       const struct lx_role *role, size_t i);
/* The government of the country named last before token i (a country,
** its government or a city of it) within 20 sentences, interned; NULL:
** none, or two in the sentence that names the last (coref_speaker.c). */
const struct fc_entity *lx_doc_government(struct lx_scan *s, size_t i);

/* The open-addressing table v of *mask + 1 slots of size bytes (none
** when v is NULL), with room for one more key past its n at most half
** full: v itself when it has it, else a new table of twice the slots
** (first, a power of two, when v is NULL) with each slot where linear
** probing from its hash puts it, v freed and *mask set. A slot is free
** when its first member, a pointer, is NULL; its uint32_t hash lies
** hash_at bytes in. NULL on out of memory (v and *mask as they were).
** (coref_made.c; coref_names.c grows by it too) */
void *lx_table_room(void *v, size_t *mask, size_t n, size_t first,
		    size_t size, size_t hash_at);

#endif
