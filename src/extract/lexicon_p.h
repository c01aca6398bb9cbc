/*
** lexicon_p.h: private interface of the lexicon stage (src/extract).
**
**   lexicon.c          public API: add, compile, destroy, doc
**   lexicon_load.c     YAML `kind: lexicon` files -> definitions (lx_def)
**   lexicon_iso.c      Debian iso-codes ISO 3166-1 JSON -> countries
**   lexicon_iso2.c     ISO 3166-2 JSON -> states, provinces, regions
**   lexicon_gaz.c      the gazetteer: normalised token phrases -> senses
**   lexicon_tok.c      the tokenizer shared by aliases and texts
**   entity_scan.c      pass A: entities, titles, lexicon phrases, "the Bank"
**   entity_name.c      pass A: what an unknown capitalised name is
**                      (entity_p.h: what the two share)
**   coref_track.c      within-document coreference and entity interning
**   cue_scan.c         pass B: negation, hedges, attributions
**   quote_scan.c       pass C: quotes and their speakers
**
** Everything compiled lives in the rules arena; everything a document
** keeps lives in the corpus arena; per-document scratch arrays are
** malloc'd once per document and freed at its end, but for the token
** arrays of a text read in pieces, which go from piece to piece
** (lexicon_piece.c).
*/
#ifndef FC_EXTRACT_LEXICON_P_H
#define FC_EXTRACT_LEXICON_P_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "stages.h"

#define LX_MAX_PHRASE 12 /* tokens in one alias */
#define LX_LOOKBACK 400  /* entity mentions searched backwards (coref) */
#define LX_MAX_KEY 256   /* bytes in one normalised alias */

/* ---- Definitions (what the YAML files say) ----------------------------- */

enum lx_section {
	LX_SEC_COUNTRY, LX_SEC_PERSON, LX_SEC_ORG, LX_SEC_CITY, LX_SEC_PLACE,
	LX_SEC_ROLE, LX_SEC_CUE, LX_NSECTIONS
};

enum lx_cue_kind {
	LX_CUE_NEGATION,    /* not, never, denied */
	LX_CUE_HEDGE,       /* reportedly, may */
	LX_CUE_REPORT,      /* said, told, confirmed: attribution verbs */
	LX_CUE_QUOTE_VERB,  /* outlined, highlighted: attribute quotes only */
	LX_CUE_SOURCE,      /* according to */
	LX_CUE_IGNORE,      /* not only: swallows a shorter cue */
	LX_CUE_GROUP,       /* the two leaders */
	LX_CUE_GOV_NOUN,    /* (Iranian) government, authorities */
	LX_CUE_CAPITAL_NOUN, /* (the Iranian) capital */
	LX_CUE_TITLE_MOD,   /* former, acting, Foreign Ministry */
	LX_CUE_DET,         /* the, his: may open a title phrase */
	LX_CUE_SKIP,        /* also, has: between a subject and its verb */
	LX_CUE_STOP,        /* capitalised words that are no names */
	LX_CUE_PLACE_CONTEXT, /* in, to, streets of: a capital is the city */
	LX_CUE_PRONOUN,     /* he, she: subject of an attribution */
	LX_CUE_PARTICLE,    /* al, bin, de, of: inside names */
	LX_CUE_SOURCE_NOUN, /* officials, sources: attribution subjects */
	LX_CUE_PLACE_AFTER, /* residents, was hit: after a capital, the city */
	LX_CUE_ORG_WORD,    /* Corp, Bank, Party: an unknown name ending so
			       is an organisation */
	LX_CUE_PLACE_WORD,  /* County, Beach, Street: ending so, a place */
	LX_CUE_APPOSITION,  /* a, the, former: may open "NAME, a ROLE" */
	LX_CUE_PERSON_VERB, /* said, told: next to an unknown name, a person */
	LX_CUE_GIVEN_NAME,  /* Mark, Yvonne: an unknown name so begun, a person */
	LX_CUE_PLACE_GIVEN, /* Sydney, Austin: a place's name that is also a
			       given name ("Sydney Reyes said": a person) */
	LX_CUE_MODIFIED,    /* bonds, bills: after an organisation's name the
			       name modifies them ("Treasury bonds": no
			       mention of the Treasury) */
	LX_CUE_MISSION,     /* Embassy, Consulate: a country's mission, no
			       name of its own ("the U.S. Embassy": the
			       country's) */
	LX_CUE_SAINT,       /* St., Saint: a place so named before "'s" and
			       a name is the saint's ("St. Paul's
			       Cathedral"), no place */
	LX_CUE_COMMON_WORD, /* Young, Long: a name's word that is a common
			       adjective or noun too ("Young people") */
	LX_CUE_AUX,         /* was, has, will: an auxiliary verb ("Young
			       was": a name's verb) */
	LX_CUE_FEMALE,      /* she, Mrs, Angela, actress: a woman's word */
	LX_CUE_MALE,        /* he, Mr, Tony, actor: a man's word */
	LX_CUE_COMPASS,     /* North, Eastern: before a nation's name, a part
			       of it ("North West India"), no body's name */
	LX_NCUE_KINDS
};

extern const char *const lx_cue_kind_names[LX_NCUE_KINDS];

/* A person's gender as bits: none known (matches either), a woman, a
** man; both (the words disagree) counts as none. */
#define LX_G_FEMALE 1u
#define LX_G_MALE 2u

/* One term of a person's role: days (fc_days_from_civil) from since to
** until, both days within; INT32_MIN and INT32_MAX when open. role: the
** role held in this term when another than the person's ("Vladimir
** Putin", prime minister 2008-2012), else NULL (borrowed: the rules'). */
struct lx_term {
	int32_t since, until;
	const char *role;
};

/* One definition of any section; a later one with the same id replaces. */
struct lx_def {
	enum lx_section sec;
	const char *id;
	const char *name;    /* label (person, org, city, place, country) */
	const char *country; /* alpha-2 */
	const char *role;
	const char *gov_label;
	const char *actor;   /* city: entity id it denotes as an actor */
	const char **aliases; /* names / words */
	size_t naliases;
	const char **demonyms;
	size_t ndemonyms;
	const char **capital; /* first is the city label */
	size_t ncapital;
	const char **government;
	size_t ngovernment;
	const char **shorts;
	size_t nshorts;
	bool has_shorts;
	const char *gender; /* person: "female", "male" or NULL */
	int32_t public_since; /* person: public_since: (days), or INT32_MIN */
	enum lx_cue_kind cue_kind;
	bool is_leader, is_generic, is_honorific;
	bool is_office; /* role: one holder at a time in a country */
	/* country: its places are states written after a city's name
	** (countries.yaml city_states:) */
	bool is_city_states;
	/* country: its capital's name is a big city's elsewhere too, no
	** metonym of the government (countries.yaml capital_actor: false) */
	bool no_capital_actor;
	/* person: the terms of the role, in date order, not overlapping:
	** `terms:`, or the one from `since:` (else the file's
	** `roles_since:`) to `until:` (arena) */
	const struct lx_term *terms;
	size_t nterms;
	const char *file;
	struct fc_srcloc loc;
	bool is_dead; /* replaced by a later definition */
};

/* ---- Compiled tables --------------------------------------------------- */

enum lx_sense_kind {
	LX_S_COUNTRY, LX_S_DEMONYM, LX_S_CAPITAL, LX_S_CITY, LX_S_GOV,
	LX_S_ORG, LX_S_PLACE, LX_S_PERSON, LX_S_SURNAME, LX_S_ROLE, LX_S_CUE,
};

/* One meaning of a phrase. */
struct lx_sense {
	uint8_t kind; /* enum lx_sense_kind */
	uint8_t ntok;
	uint16_t cap_mask;   /* bit i: text token i must be capitalised */
	uint16_t upper_mask; /* bit i: text token i must be all upper case */
	uint8_t cue_kind;    /* a cue's l->cues[ref].kind, for the hot
				checks (set by lx_gaz_finish) */
	uint32_t ref;        /* entity, role or cue index */
	struct lx_sense *next;
};

struct lx_slot {
	const char *key; /* NULL: empty slot */
	uint32_t key_len;
	uint32_t hash;
	struct lx_sense *senses;
	uint32_t cues;   /* bit k: a cue sense of kind k (lx_gaz_finish) */
	uint16_t kinds;  /* bit k: a sense of kind k (lx_gaz_finish) */
	bool is_prefix; /* a longer phrase starts with this key */
	bool is_stop;   /* a stop word, determiner or particle (a cue sense
			   of LX_CUE_STOP, _DET or _PARTICLE: lx_gaz_finish) */
	uint64_t next;  /* bit LX_NEXT_BIT(h): a longer phrase goes on with a
			   token of hash h (a filter before probing for it) */
};
#define LX_NEXT_BIT(h) ((h) >> 26)

struct lx_ent {
	struct fc_entity e;
	uint32_t country; /* index of the entity's country, or FC_NONE */
	uint32_t gov;     /* country: its government entity */
	uint32_t capital; /* country: its capital city entity */
	uint32_t actor;   /* city: the entity it denotes as an actor */
	bool is_leader;   /* person whose role is a leader role */
	bool is_city_states; /* country: lx_def.is_city_states */
	/* person: the role's terms (struct lx_def; the rules' arena), none
	** when open; a role phrase means the person only in a document
	** dated within one of them */
	const struct lx_term *terms;
	uint32_t nterms;
	uint8_t gender; /* person: LX_G_* (people.yaml gender:) */
	/* person: the first day the surname alone may mean this person
	** (public_since:; INT32_MIN: any day) */
	int32_t public_since;
};

struct lx_role {
	const char *id, *role;
	/* its phrases as roles.yaml writes them ("interior secretary");
	** borrowed: the rules' */
	const char *const *words;
	size_t nwords;
	bool is_leader, is_generic, is_honorific;
	/* one holder at a time in a country: with no holder meant, "the
	** Iranian president" is the office (entity_office.c) */
	bool is_office;
};

struct lx_cue {
	const char *id;
	enum lx_cue_kind kind;
};

struct fc_lexicon {
	struct lx_def *defs;
	size_t ndefs, capdefs;
	uint32_t *live; /* the live definition + 1 by section and id, 0 free
			   (fc_lexicon_add) */
	size_t live_mask, nlive;

	struct lx_ent *ents;
	size_t nents, capents;
	uint32_t *byid; /* entity index + 1 by id hash, 0 free */
	size_t byid_mask;
	struct lx_role *roles;
	size_t nroles;
	struct lx_cue *cues;
	size_t ncues;
	uint32_t by_alpha2[26 * 26]; /* country entity index, or FC_NONE */

	struct lx_slot *slots;
	size_t nslots, capslots; /* capslots: power of two */
	uint32_t *hashes; /* slots[i].hash | 1, 0 when empty (lx_gaz_finish) */
	struct lx_toks *scratch; /* lx_gaz_add's tokens, until lx_gaz_finish */
	/* the last lexicon file's `subdivisions:` (borrowed: its tree), or
	** NULL: no ISO 3166-2 places (lexicon_iso2.c) */
	const struct fc_ynode *iso2_node;
	bool is_compiled;
};

/* ---- Loading ----------------------------------------------------------- */

/* lexicon_iso.c: add every ISO 3166-1 country (entities and aliases). */
fc_status lx_iso_load(struct fc_rules *r, struct fc_lexicon *l,
		      const char *path, struct fc_diags *d);
/* lexicon_iso2.c: after the lexicon's own entities, the ISO 3166-2
** subdivisions that l->iso2_node asks for (a no-op without it). */
fc_status lx_iso2_load(struct fc_rules *r, struct fc_lexicon *l,
		       struct fc_diags *d);

/* lexicon.c */
uint32_t lx_ent_add(struct fc_rules *r, struct fc_lexicon *l, const char *id,
		    const char *label, enum fc_entity_type type,
		    const char *country);
uint32_t lx_ent_find(const struct fc_lexicon *l, const char *id);
int lx_alpha2_index(const char *s);

/* ---- Gazetteer (lexicon_gaz.c) ----------------------------------------- */

/*
** Add alias text as a phrase with one sense. Returns FC_OK, FC_ENOMEM,
** or FC_ELIMIT when the alias has no tokens or too many.
*/
fc_status lx_gaz_add(struct fc_rules *r, struct fc_lexicon *l,
		     const char *alias, enum lx_sense_kind kind, uint32_t ref);
const struct lx_slot *lx_gaz_find(const struct fc_lexicon *l, const char *key,
				  size_t len);
/* After the last lx_gaz_add: the sense masks and the hash array (and
** lx_gaz_scratch_free). */
fc_status lx_gaz_finish(struct fc_lexicon *l);
/* Free lx_gaz_add's token arrays (fc_lexicon_destroy too, for a
** lexicon never finished). */
void lx_gaz_scratch_free(struct fc_lexicon *l);

/*
** Hashes. A token's hash (lx_hash_tok) mixes its normalised form 16
** bytes at a time, zero padded (eight bytes or fewer: lx_hash_short):
** the tokenizer gets one for the bytes of an ASCII word straight from
** the register it lowered them in, with no step per byte. A phrase's
** hash joins its tokens' hashes in order (lx_hash_join), so a longer
** phrase's hash is one step from a shorter one's and needs no look at
** its bytes.
*/
static inline uint64_t lx_hash_block(uint64_t h, uint64_t a, uint64_t b)
{
	h = (h ^ a) * 0x9E3779B97F4A7C15ull;
	return (h ^ (h >> 32) ^ b) * 0xBF58476D1CE4E5B9ull;
}
/* (the high half of a product: every input bit reaches it) */
static inline uint32_t lx_hash_fin(uint64_t h)
{
	return (uint32_t)(h >> 32);
}
#define LX_HASH_SEED 0x243F6A8885A308D3ull
/* The hash of a form of at most 8 bytes (most words), a its bytes zero
** padded: one multiply, its 128-bit product folded (every input bit
** reaches the low half too, which the table's index takes). */
static inline uint32_t lx_hash_short(uint64_t a, size_t n)
{
	uint64_t v = a ^ LX_HASH_SEED ^ (uint64_t)n << 59;
	const uint64_t k = 0x9E3779B97F4A7C15ull;
#ifdef __SIZEOF_INT128__
	unsigned __int128 p = (unsigned __int128)v * k;
	uint64_t hi = (uint64_t)(p >> 64), lo = (uint64_t)p;
#else
	/* (no 128-bit integers, 32-bit targets: the same product from
	** 32-bit halves) */
	uint64_t ll = (v & 0xFFFFFFFFu) * (k & 0xFFFFFFFFu);
	uint64_t lh = (v & 0xFFFFFFFFu) * (k >> 32);
	uint64_t hl = (v >> 32) * (k & 0xFFFFFFFFu);
	uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
	uint64_t lo = mid << 32 | (ll & 0xFFFFFFFFu);
	uint64_t hi = (v >> 32) * (k >> 32) + (lh >> 32) + (hl >> 32) +
		      (mid >> 32);
#endif
	uint64_t x = hi ^ lo;
	return (uint32_t)(x >> 32) ^ (uint32_t)x;
}
/* The hash of a token's normalised form k[0, n): n bytes, no space. */
static inline uint32_t lx_hash_tok(const char *k, size_t n)
{
	if (n <= 8) {
		uint64_t a = 0;
		memcpy(&a, k, n);
		return lx_hash_short(a, n);
	}
	uint64_t h = LX_HASH_SEED ^ n;
	size_t off = 0;
	do {
		unsigned char blk[16] = {0};
		size_t m = n - off < 16 ? n - off : 16;
		memcpy(blk, k + off, m);
		uint64_t a, b;
		memcpy(&a, blk, 8);
		memcpy(&b, blk + 8, 8);
		h = lx_hash_block(h, a, b);
		off += 16;
	} while (off < n);
	return lx_hash_fin(h);
}
/* The hash of a phrase of hash h going on with a token of hash t. */
static inline uint32_t lx_hash_join(uint32_t h, uint32_t t)
{
	uint32_t x = (h * 0x85EBCA6Bu) ^ t;
	x ^= x >> 16;
	x *= 0xC2B2AE35u;
	x ^= x >> 13;
	return x;
}
/* The hash of a phrase key k[0, n): its tokens' forms, one space
** between two (lx_key). */
static inline uint32_t lx_hash_key(const char *k, size_t n)
{
	const char *sp = memchr(k, ' ', n);
	size_t w = sp ? (size_t)(sp - k) : n;
	uint32_t h = lx_hash_tok(k, w);
	while (w < n) {
		k += w + 1;
		n -= w + 1;
		sp = memchr(k, ' ', n);
		w = sp ? (size_t)(sp - k) : n;
		h = lx_hash_join(h, lx_hash_tok(k, w));
	}
	return h;
}
/* lx_gaz_find with the key's hash known, before lx_gaz_finish. */
const struct lx_slot *lx_gaz_find_slow(const struct fc_lexicon *l,
				       const char *key, size_t len, uint32_t h);
/* Are a[0, n) and b[0, n) the same bytes? Inline, for the short keys
** of a hit (most are one word): two overlapping loads for 4 to 16
** bytes, never reading outside either span. */
static inline bool lx_key_eq(const char *a, const char *b, size_t n)
{
	if (n >= 8) {
		uint64_t x, y;
		for (size_t i = 0; i + 8 <= n; i += 8) {
			memcpy(&x, a + i, 8);
			memcpy(&y, b + i, 8);
			if (x != y)
				return false;
		}
		memcpy(&x, a + n - 8, 8);
		memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		uint32_t x0, y0, x1, y1;
		memcpy(&x0, a, 4);
		memcpy(&y0, b, 4);
		memcpy(&x1, a + n - 4, 4);
		memcpy(&y1, b + n - 4, 4);
		return ((x0 ^ y0) | (x1 ^ y1)) == 0;
	}
	if (!n)
		return true;
	/* 1 to 3 bytes: the first, middle and last cover them all */
	const unsigned char *p = (const unsigned char *)a,
			    *q = (const unsigned char *)b;
	return ((p[0] ^ q[0]) | (p[n >> 1] ^ q[n >> 1]) |
		(p[n - 1] ^ q[n - 1])) == 0;
}

/* lx_gaz_find with the key's hash known: the hash array first, one
** small load for most misses. The slot's index + 1, 0 when none (a
** token's `word`). */
static inline size_t lx_gaz_probe_ix(const uint32_t *hashes,
				     const struct lx_slot *slots, size_t mask,
				     const char *key, size_t len, uint32_t h)
{
	uint32_t h1 = h | 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t v = hashes[i];
		if (!v)
			return 0;
		if (v != h1)
			continue;
		const struct lx_slot *s = &slots[i];
		/* (v == h1: the hash is h but perhaps for its low bit;
		** the key decides) */
		if (s->key_len == len && lx_key_eq(s->key, key, len))
			return i + 1;
	}
}
/* The same as a slot, or NULL. */
static inline const struct lx_slot *
lx_gaz_probe(const uint32_t *hashes, const struct lx_slot *slots, size_t mask,
	     const char *key, size_t len, uint32_t h)
{
	size_t ix = lx_gaz_probe_ix(hashes, slots, mask, key, len, h);
	return ix ? &slots[ix - 1] : NULL;
}
static inline const struct lx_slot *lx_gaz_find_h(const struct fc_lexicon *l,
						  const char *key, size_t len,
						  uint32_t h)
{
	if (!l->hashes || !l->capslots)
		return lx_gaz_find_slow(l, key, len, h);
	return lx_gaz_probe(l->hashes, l->slots, l->capslots - 1, key, len, h);
}

/* ---- Tokens (lexicon_tok.c) -------------------------------------------- */

enum {
	LX_T_WORD = 1 << 0,   /* letters or digits */
	LX_T_CAP = 1 << 1,    /* first letter upper case */
	LX_T_UPPER = 1 << 2,  /* every letter upper case (at least one) */
	LX_T_DIGIT = 1 << 3,  /* starts with a digit */
	LX_T_POSS = 1 << 4,   /* the possessive 's */
	LX_T_NL = 1 << 5,     /* a line break precedes the token */
	LX_T_QOPEN = 1 << 6,  /* a quote mark that can open */
	LX_T_QCLOSE = 1 << 7, /* a quote mark that can close */
	LX_T_SSTART = 1 << 8, /* first word of a sentence */
	LX_T_BLOCKED = 1 << 9, /* inside a time or quantity mention */
	LX_T_PARA = 1 << 10,  /* a blank line precedes the token */
	LX_T_HEADLINE = 1 << 11, /* in a title-case sentence */
	LX_T_STOP = 1 << 12,  /* its word is a stop word (lx_slot is_stop:
				 fc_lexicon_doc, with the word) */
};

struct lx_tok {
	uint32_t start, end;   /* bytes in the text */
	uint32_t norm_off;     /* normalised form in the norm buffer */
	uint16_t norm_len;
	uint16_t flags;
	uint32_t sent;         /* sentence number (in the whole text) */
	uint32_t ment;         /* scratch entity mention covering it */
	uint32_t hash;         /* of the normalised form (lx_hash_tok) */
	uint32_t word;         /* its own gazetteer slot + 1, 0 when none
				  (fc_lexicon_doc, before matching) */
	const struct lx_slot *match; /* longest phrase starting here */
	uint8_t match_ntok;
};

struct lx_toks {
	struct lx_tok *v;
	size_t n, cap;
	char *norm; /* normalised tokens, each followed by one space */
	size_t norm_len, norm_cap;
};

/* Tokenize s[0, n) and append to t (offsets relative to s). */
fc_status lx_tokenize(struct lx_toks *t, const char *s, size_t n);
/* The same for s[from, n), offsets still relative to s. */
fc_status lx_tokenize_from(struct lx_toks *t, const char *s, size_t from,
			   size_t n);
void lx_toks_finish(struct lx_toks *t);
/* Room for ntok more tokens and nnorm more normalised bytes. */
fc_status lx_toks_reserve(struct lx_toks *t, size_t ntok, size_t nnorm);
/* Normalised key of tokens [i, i + k): a slice of t->norm. */
static inline const char *lx_key(const struct lx_toks *t, size_t i, size_t k,
				 size_t *len)
{
	const struct lx_tok *a = &t->v[i], *b = &t->v[i + k - 1];
	*len = b->norm_off + b->norm_len - a->norm_off;
	return t->norm + a->norm_off;
}

/* ---- Document scan ----------------------------------------------------- */

/* An entity mention under construction (token range, entity). */
struct lx_ment {
	uint32_t t0, t1; /* tokens [t0, t1) */
	uint32_t sent;   /* sentence of t0 */
	const struct fc_entity *ent; /* in the scan's pa arena */
	const char *rule;
};

/* A doc-local person (for surnames and role coreference). */
struct lx_person {
	const struct fc_entity *ent;
	const char *surname; /* normalised key of the last name token */
	size_t surname_len;
	bool is_word; /* surname is another word of the name: by_surname
			 holds it for lx_find_name_word only */
	bool no_link; /* (is_word) the word marks ent's name but finds no
			 one alone */
	uint32_t prev; /* (is_word) the word's record before, + 1; 0: none */
	uint8_t gender; /* LX_G_* bits: what the lexicon and the words of
			   the person's mentions said */
};

/* Attribution found by pass B: verb token -> source entity. */
struct lx_attr {
	uint32_t t0, t1;   /* span of the attribution in tokens */
	uint32_t verb;     /* token of the verb or cue */
	uint32_t sent;     /* sentence of the verb */
	const struct fc_entity *speaker; /* or NULL */
	bool is_quote_only; /* a quote verb: not emitted as a mention */
};

/* Person index by a key (id or surname): a slot holds the key's hash
** << 32 | index + 1, 0 free (the hash spares a look at another key). */
struct lx_pmap {
	uint64_t *v;
	size_t mask, n;
};

/* Entities made for names and groups, once each (by every field). */
struct lx_emap {
	struct lx_emap_slot {
		const struct fc_entity *e; /* NULL: free */
		uint32_t hash;             /* its ent_hash (coref_track.c) */
	} *v;
	size_t mask, n;
};

/* Names of a document by a key (an entity's label, or a word's
** normalised key): open addressing, keys in the scan's pa arena. */
struct lx_nslot {
	const char *key; /* NULL: free */
	uint32_t len, hash;
	uint32_t flags; /* LX_N_* */
	/* word: 1 + the index in s->ments of the last organisation's name
	** of two words or more it begins (no short name's), 0: none. An
	** index from an earlier piece is not renumbered (lx_piece_end): it
	** may name another mention or none, so lx_firm_short checks the
	** mention's words against the short name's and is NULL when they
	** differ or their tokens are gone (lexicon_piece.c) */
	uint32_t first_ment;
	const struct fc_entity *e;
};
struct lx_ntab {
	struct lx_nslot *v;
	size_t mask, n;
};
enum {
	LX_N_AMBIG = 1 << 0, /* label: typed two ways, no type to give */
	LX_N_ORG = 1 << 1,   /* word: of an organisation's name */
	LX_N_LAST = 1 << 2,  /* word: the last of an untyped name (e) */
	LX_N_MANY = 1 << 3,  /* word: the last of two untyped names */
	LX_N_GIVEN = 1 << 4, /* word: LX_N_LAST of a name a given name opens
				("Winston Blackmore": a person's) */
};
/* What the document taught about its names (coref_track.c): the type a
** label got from a cue, and the words of organisations and of untyped
** names. Carried across the pieces of a text. */
struct lx_names {
	struct lx_ntab labels, words;
	/* the first and the last words (two or more) of the labels of
	** persons and untyped names of three words or more, keys in the
	** labels: a later name so written is that one (coref_names.c
	** lx_short_form) */
	struct lx_ntab parts;
};
void lx_names_finish(struct lx_names *n);

/* Token numbers a pass visits, ascending. */
struct lx_visits {
	uint32_t *v;
	size_t n;
};
/* The first token of vs at or after token i, looked for from entry *q
** on (left there); SIZE_MAX when none. */
static inline size_t lx_visit_from(const struct lx_visits *vs, size_t *q,
				   size_t i)
{
	while (*q < vs->n && vs->v[*q] < i)
		++*q;
	return *q < vs->n ? vs->v[*q] : SIZE_MAX;
}

struct lx_scan {
	const struct fc_lexicon *l;
	struct fc_arena *a;  /* mentions */
	struct fc_arena *pa; /* entities: a, or the piece state's */
	struct fc_document *doc;
	/* the document's published date in days, read once; has_date false
	** when it has none (in_term: then any listed holder) */
	int32_t doc_days;
	bool has_date;
	const char *text;
	struct lx_toks t;
	/* A piece: tokens before t0 and ments before m0 come from the
	** previous pieces (context); the passes start at t0. */
	uint32_t t0;
	size_t m0;
	uint32_t sent_base;
	struct lx_ment *ments;
	size_t nments, capments;
	struct lx_person *persons; /* append-only, in order of first mention */
	size_t npersons, cappersons;
	struct lx_pmap by_id;      /* id -> person */
	struct lx_pmap by_surname; /* surname -> the person last mentioned */
	struct lx_attr *attrs;
	size_t nattrs, capattrs;
	const struct fc_entity **interned; /* per lexicon entity, or NULL */
	struct lx_emap *made; /* entities made so far (in pa) */
	struct lx_names *names; /* the document's typed names */
	/* The tokens from t0 on each pass looks at, ascending (match_all):
	** the others it would skip one by one. */
	struct lx_visits ents;   /* pass A: can start an entity mention */
	struct lx_visits cues;   /* pass B: a phrase with a PASS_B_CUES cue */
	struct lx_visits quotes; /* pass C: quote marks and line breaks */
	uint32_t *visit_mem;     /* (the three lists' memory) */
	/* The words written in lower case (token index + 1 by the token's
	** hash), made on the first lx_lower_elsewhere (NULL before). */
	uint32_t *lower;
	size_t lower_mask;
	uint64_t *lower_words; /* (those with a gazetteer slot: by slot) */
	/* The tokens from t0 on that are such a word, ascending (noted by
	** mark_sentences, which looks up every token's word anyway: the
	** table's pass over the tokens was most of its cost). */
	uint32_t *lowers;
	size_t nlowers;
	fc_status err;
};

/* Cue kinds a phrase needs for pass A to look at its token (with the
** entity senses), and for pass B. */
#define START_CUES                                                    \
	(1u << LX_CUE_DET | 1u << LX_CUE_TITLE_MOD | 1u << LX_CUE_GROUP)
#define PASS_B_CUES                                                       \
	(1u << LX_CUE_NEGATION | 1u << LX_CUE_HEDGE | 1u << LX_CUE_REPORT | \
	 1u << LX_CUE_QUOTE_VERB | 1u << LX_CUE_SOURCE | 1u << LX_CUE_IGNORE)

/* Cue kinds whose words count in lower case only: a capitalised one is
** a word of a name ("Time Inc", "Metro Cable", "Bangkok Airport
** Authority", "Carlyle Capital Group"), as though the lexicon did not
** know it. */
#define LX_LOWER_CUES                                                    \
	(1u << LX_CUE_PLACE_AFTER | 1u << LX_CUE_ORG_WORD |               \
	 1u << LX_CUE_PLACE_WORD | 1u << LX_CUE_GIVEN_NAME |              \
	 1u << LX_CUE_CAPITAL_NOUN | 1u << LX_CUE_PLACE_GIVEN |            \
	 1u << LX_CUE_MODIFIED | 1u << LX_CUE_MISSION | 1u << LX_CUE_SAINT | \
	 1u << LX_CUE_COMMON_WORD | 1u << LX_CUE_AUX | 1u << LX_CUE_FEMALE | \
	 1u << LX_CUE_MALE | 1u << LX_CUE_COMPASS)

/* entity_scan.c: pass A. */
void lx_scan_entities(struct lx_scan *s);
/* Sense helpers shared by the passes: the sense of that kind (or cue
** kind) of the phrase at token i that fits the text there, or NULL. */
/* Cue kinds that are words of their own: capitalised mid-sentence they
** are names ("May" the month, not the hedge). */
#define LX_WORD_CUES                                                         \
	(1u << LX_CUE_NEGATION | 1u << LX_CUE_HEDGE | 1u << LX_CUE_REPORT |  \
	 1u << LX_CUE_QUOTE_VERB | 1u << LX_CUE_SOURCE | 1u << LX_CUE_IGNORE | \
	 1u << LX_CUE_GROUP | 1u << LX_CUE_SKIP | 1u << LX_CUE_PERSON_VERB |  \
	 1u << LX_CUE_SOURCE_NOUN)
/* Is the document dated before the public life of the listed person
** ent (people.yaml public_since:)? Its surname alone is someone else
** then: "Harris said" of 1987 (coref_made.c). */
bool lx_before_public(const struct lx_scan *s, uint32_t ent);
/* Does sense se fit the text at token i (its length and the case it
** fixes; a surname's date: lx_before_public)? (inlined in the phrase
** look-ups: a call cost 0.3% of the instructions) */
static inline __attribute__((always_inline)) bool lx_sense_ok(const struct lx_scan *s,
			       const struct lx_sense *se, size_t i)
{
	if (i + se->ntok > s->t.n)
		return false;
	if (se->kind == LX_S_SURNAME && lx_before_public(s, se->ref))
		return false;
	/* only the tokens whose case the sense fixes */
	for (unsigned need = se->upper_mask | se->cap_mask; need;
	     need &= need - 1) {
		unsigned b = (unsigned)__builtin_ctz(need);
		uint16_t f = s->t.v[i + b].flags;
		if ((se->upper_mask >> b & 1) && !(f & LX_T_UPPER))
			return false;
		if ((se->cap_mask >> b & 1) && !(f & LX_T_CAP))
			return false;
	}
	if (se->kind == LX_S_CUE &&
	    (LX_WORD_CUES >> se->cue_kind & 1)) {
		uint16_t f = s->t.v[i].flags;
		if ((f & LX_T_CAP) && !(f & (LX_T_SSTART | LX_T_HEADLINE)))
			return false;
		/* a source noun opening its sentence before a name word
		** opens a name ("Investors Title Co said", "Parents
		** Television Council", "Workers Party"), not "Dealers said",
		** "Residents Monday said" */
		if (se->cue_kind == LX_CUE_SOURCE_NOUN && (f & LX_T_CAP) &&
		    !(f & LX_T_HEADLINE) && i + 1 < s->t.n) {
			const struct lx_tok *nx = &s->t.v[i + 1];
			const struct lx_slot *w =
				nx->word ? &s->l->slots[nx->word - 1] : NULL;
			if ((nx->flags & (LX_T_WORD | LX_T_CAP)) ==
				    (LX_T_WORD | LX_T_CAP) &&
			    !(nx->flags & (LX_T_NL | LX_T_BLOCKED |
					   LX_T_DIGIT | LX_T_UPPER)) &&
			    (!w || (w->kinds == 1u << LX_S_CUE &&
				    !(w->cues & ~LX_LOWER_CUES))))
				return false;
		}
	}
	return true;
}
const struct lx_sense *lx_tok_sense_at(const struct lx_scan *s, size_t i,
				       int kind);
const struct lx_sense *lx_tok_cue_at(const struct lx_scan *s, size_t i,
				     enum lx_cue_kind ck);
static inline const struct lx_sense *lx_tok_sense(const struct lx_scan *s,
						  size_t i, int kind)
{
	const struct lx_slot *m = i < s->t.n ? s->t.v[i].match : NULL;
	return m && (m->kinds >> kind & 1) ? lx_tok_sense_at(s, i, kind)
					   : NULL;
}
static inline const struct lx_sense *lx_tok_cue(const struct lx_scan *s,
						size_t i,
						enum lx_cue_kind ck)
{
	const struct lx_slot *m = i < s->t.n ? s->t.v[i].match : NULL;
	return m && (m->cues >> ck & 1) ? lx_tok_cue_at(s, i, ck) : NULL;
}
/* The gazetteer slot of token i alone (its word), or NULL. */
static inline const struct lx_slot *lx_word_slot(const struct lx_scan *s,
						 size_t i)
{
	uint32_t w = s->t.v[i].word;
	return w ? &s->l->slots[w - 1] : NULL;
}

/* coref_track.c */
const struct fc_entity *lx_intern(struct lx_scan *s, uint32_t ent);
/* The role the lexicon person p holds at the document's date when a
** term of another role than its own holds the date, else NULL
** (borrowed: the rules'). */
const char *lx_term_role(const struct lx_scan *s, const struct lx_ent *p);
const struct fc_entity *lx_new_entity(struct lx_scan *s, const char *prefix,
				      const char *name, size_t name_len,
				      enum fc_entity_type type,
				      const char *country, const char *role);
/* The entity e with the role the text's title gives it ("Prime Minister
** Putin" of 2009: role "prime minister", not the listed "president"):
** e itself when role is NULL or e's; else an entity made once per scan
** (in s->pa), NULL on out of memory. */
const struct fc_entity *lx_with_role(struct lx_scan *s,
				     const struct fc_entity *e,
				     const char *role);
void lx_push_ment(struct lx_scan *s, uint32_t t0, uint32_t t1,
		  const struct fc_entity *e, const char *rule);
void lx_note_person(struct lx_scan *s, const struct fc_entity *e,
		    uint32_t t0, uint32_t t1);
const struct fc_entity *lx_find_surname(const struct lx_scan *s, size_t i);
/* The last person of the document named in full whose surname is token
** i's word and whose entity has role `role` ("President George W.
** Bush"), or NULL;
** one pass over the document's persons. (borrowed) */
const struct fc_entity *lx_find_surname_role(const struct lx_scan *s,
					     size_t i, const char *role);
/* The person of the document whose surname or another capitalised word
** of the name (its first: "Liu" of "Liu He") is token i's word, for
** another word one named within LX_SHORT_SENTS sentences (a story's:
** the port of Santos is no Fernando Santos Alvite of a story before);
** NULL when none, when token i is in capitals ("HAL", a ticker), when
** the names of two persons (of two last words) named within those
** sentences have the word, or when the one person's is no link (no
** role, a given name: coref_track.c note_name_words); a surname wins
** (a later surname names its person). (borrowed) */
const struct fc_entity *lx_find_name_word(const struct lx_scan *s, size_t i);
/* Was e named in token i's sentence or in the nsents before it (a
** mention among the last LX_LOOKBACK)? */
bool lx_named_within(const struct lx_scan *s, const struct fc_entity *e,
		     size_t i, uint32_t nsents);
/* The person of this document with entity id `id`, or NULL. */
const struct fc_entity *lx_find_person(const struct lx_scan *s,
				       const char *id);
/* Free the person maps (the scan's realloc'd memory). */
void lx_persons_finish(struct lx_scan *s);
void lx_emap_finish(struct lx_emap *m);
const struct fc_entity *lx_recent_person(const struct lx_scan *s,
					 const char *country,
					 const struct lx_role *role,
					 uint32_t before_tok);
/* The listed person of the country and role whose term holds the
** document's date, or NULL; *listed: some listed person of the country
** and role, in term or not. */
const struct fc_entity *lx_lexicon_person(struct lx_scan *s,
					  const char *country,
					  const struct lx_role *role,
					  bool *listed);
const struct fc_entity *lx_group(struct lx_scan *s, uint32_t before_tok);
/* After pass A: an untyped name (name:<slug>, type other) takes the
** type a cue gave the same name elsewhere in the document, before it or
** after it (a text read in pieces: after it in its piece only). */
void lx_type_names(struct lx_scan *s);
/* Does token i's word stand in lower case right after a function word
** somewhere in the text ("the reports", "a relative"; the whole
** document, or the piece of a long text and the tokens kept before it)? */
bool lx_lower_elsewhere(struct lx_scan *s, size_t i);
/* What the document taught about token i's word so far (LX_N_ORG,
** LX_N_LAST), or NULL. */
const struct lx_nslot *lx_word_names(const struct lx_scan *s, size_t i);
/* Is the organisation's mention [t0, t1) of rule a firm's full name that
** short names may stand for ("Dome Petroleum Ltd", "CrossLand Savings")? */
bool lx_is_firm_full(const struct lx_scan *s, uint32_t t0, uint32_t t1,
		     const char *rule);
bool lx_role_matches(const struct fc_lexicon *l, const struct fc_entity *e,
		     const struct lx_role *role);
/* entity_near.c: is the single line break before token i (a word at the
** first column, after a word) inside a name, where wire text wrapped
** it? (mark_sentences: read before the phrases, from the words' own
** slots) */
bool lx_is_name_break(const struct lx_scan *s, size_t i);

/* cue_scan.c: pass B. quote_scan.c: pass C. */
void lx_scan_cues(struct lx_scan *s);
void lx_scan_quotes(struct lx_scan *s);

/* Emit a mention of the document (corpus arena). */
struct fc_mention *lx_emit(struct lx_scan *s, enum fc_mention_kind kind,
			   uint32_t start, uint32_t end, const char *rule);

/* lexicon_piece.c: the state a piece takes over from the one before
** (begin, before tokenizing) and leaves to the next (end). */
fc_status lx_piece_begin(struct lx_scan *s, struct fc_piece *p);
void lx_piece_end(struct lx_scan *s, struct fc_piece *p);

#endif
