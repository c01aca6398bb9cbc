/*
** entity_particle.c: the particles of names ("al", "bin", "de", "van"),
** which are no name words of their own: a surname written on its
** particle ("al-Maliki"), a capitalised particle that opens a name ("Al
** Gore", "De La Rue"), and a particle and a surname that end a person's
** name named before ("Du Plessis" after "Barend du Plessis"). The words
** are the lexicon's name-particle cue (grammar.yaml).
*/
#include <string.h>
#include <strings.h>

#include "extract/entity_p.h"

/* bytes a particle written on its surname may take before the hyphen, the
** hyphen included ("bint-") */
#define LX_PARTICLE_MAX 5

/* (lx_particle_len, entity_p.h) */
size_t lx_particle_len(const struct lx_scan *s, const char *w, size_t n)
{
	const char *h = memchr(w, '-', n < LX_PARTICLE_MAX ? n : LX_PARTICLE_MAX);
	if (!h || h == w || h + 1 == w + n)
		return 0;
	const struct lx_slot *sl = lx_gaz_find(s->l, w, (size_t)(h - w));
	return sl && (sl->cues >> LX_CUE_PARTICLE & 1) ? (size_t)(h - w) + 1
						      : 0;
}

/* (lx_is_particle_joined, entity_p.h: inside a run only, so that
** "de-Baathification" after "the" opens no name) */
bool lx_is_particle_joined(const struct lx_scan *s, size_t k)
{
	const struct lx_tok *t = &s->t.v[k];
	if ((t->flags & (LX_T_WORD | LX_T_CAP | LX_T_DIGIT | LX_T_BLOCKED |
			 LX_T_POSS)) != LX_T_WORD)
		return false;
	const char *w = s->text + t->start;
	size_t p = lx_particle_len(s, w, t->end - t->start);
	return p && w[p] >= 'A' && w[p] <= 'Z';
}

/* the most particles a capitalised one opening a name heads ("De La
** Hoya", "Van der Sar") */
#define LX_OPEN_PARTICLES 2

/* (lx_opens_on_particle, entity_p.h: not "Of", not an upper-case "LA";
** one or two particles, then a name word) */
bool lx_opens_on_particle(const struct lx_scan *s, size_t k)
{
	if ((s->t.v[k].flags & (LX_T_CAP | LX_T_UPPER)) != LX_T_CAP ||
	    !lx_is_particle(s, k) || lx_is_of(s, k) ||
	    s->t.v[k].match_ntok > 1)
		return false;
	size_t j = k + 1;
	while (j < s->t.n && j - k < LX_OPEN_PARTICLES && lx_joins(s, j) &&
	       lx_is_particle(s, j) && !lx_is_of(s, j) && !lx_is_poss(s, j) &&
	       s->t.v[j].match_ntok <= 1)
		j++;
	return j < s->t.n && lx_joins(s, j) && lx_is_name_word(s, j) &&
	       !lx_is_particle(s, j);
}

/* (lx_particle_surname, entity_p.h) */
bool lx_particle_surname(const struct lx_scan *s, size_t i, size_t end,
			 const struct fc_entity *who)
{
	if (end < i + 2 || end > i + 3)
		return false;
	for (size_t k = i; k + 1 < end; k++)
		if (!lx_is_particle(s, k))
			return false;
	/* (the first particle is a word of the label after its first and
	** before its last: "Van de Vijver" after "Walter van der Vijver",
	** the text's own slip) */
	const struct lx_tok *t = &s->t.v[i];
	size_t n = t->end - t->start;
	const char *l = who->label, *last = strrchr(l, ' ');
	const char *w = strchr(l, ' ');
	while (w && w < last) {
		const char *ws = w + 1, *we = strchr(ws, ' ');
		if ((size_t)(we - ws) == n && !strncasecmp(ws, s->text + t->start, n))
			return true;
		w = we;
	}
	return false;
}
