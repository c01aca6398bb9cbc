/*
** schema.c: the fact kinds and their slots.
**
** This is the contract between the claim patterns (which fill slots)
** and the checks (which compare them): a claim rule may only name a
** kind listed here and only fill that kind's slots. It is data, kept in
** one table; a new kind is one more entry. A required slot must be
** filled (a list with at least min_items items) for a fact to count: a
** call needs two participants.
*/
#include <string.h>

#include "claims/claims_p.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct slot_def call_slots[] = {
	{"participants", SLOT_LIST, true, 2},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def meeting_slots[] = {
	{"participants", SLOT_LIST, true, 2},
	{"place", SLOT_ENTITY, false, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def agreement_slots[] = {
	{"parties", SLOT_LIST, true, 0},
	{"type", SLOT_TEXT, false, 0},
	{"duration", SLOT_DURATION, false, 0},
	{"signed", SLOT_DATE, false, 0},
};
static const struct slot_def closure_slots[] = {
	{"country", SLOT_ENTITY, true, 0},
	{"mission", SLOT_TEXT, false, 0},
	{"city", SLOT_ENTITY, false, 0},
	{"order", SLOT_INT, false, 0},
	{"after", SLOT_LIST, false, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def protest_slots[] = {
	{"place", SLOT_ENTITY, false, 0},
	{"start", SLOT_DATE, false, 0},
	{"cause", SLOT_TEXT, false, 0},
};
static const struct slot_def capture_slots[] = {
	{"person", SLOT_ENTITY, true, 0},
	{"by", SLOT_ENTITY, false, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def ouster_slots[] = {
	{"person", SLOT_ENTITY, true, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def war_slots[] = {
	{"parties", SLOT_LIST, true, 0},
	{"duration", SLOT_DURATION, false, 0},
	{"start", SLOT_DATE, false, 0},
};
static const struct slot_def mediation_slots[] = {
	{"mediator", SLOT_ENTITY, true, 0},
	{"subject", SLOT_ENTITY, false, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def quote_slots[] = {
	{"speaker", SLOT_ENTITY, true, 0},
	{"quote", SLOT_TEXT, true, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def statement_slots[] = {
	{"speaker", SLOT_ENTITY, true, 0},
	{"topic", SLOT_TEXT, false, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def strike_slots[] = {
	{"attacker", SLOT_ENTITY, true, 0},
	{"target", SLOT_ENTITY_TEXT, false, 0},
	{"date", SLOT_DATE, false, 0},
};
static const struct slot_def death_toll_slots[] = {
	{"place", SLOT_ENTITY, false, 0},
	{"count", SLOT_QUANTITY, true, 0},
	{"date", SLOT_DATE, false, 0},
};

#define KIND(name, slots) {name, slots, N(slots)}
static const struct fact_kind kinds[] = {
	KIND("agreement", agreement_slots),
	KIND("call", call_slots),
	KIND("capture", capture_slots),
	KIND("closure", closure_slots),
	KIND("death_toll", death_toll_slots),
	KIND("mediation", mediation_slots),
	KIND("meeting", meeting_slots),
	KIND("ouster", ouster_slots),
	KIND("protest", protest_slots),
	KIND("quote", quote_slots),
	KIND("statement", statement_slots),
	KIND("strike", strike_slots),
	KIND("war", war_slots),
};

const struct fact_kind *cl_schema_kind(const char *name)
{
	for (size_t i = 0; i < N(kinds); i++)
		if (!strcmp(kinds[i].name, name))
			return &kinds[i];
	return NULL;
}

const char *cl_schema_suggest_kind(const char *name)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < N(kinds); i++) {
		size_t dist = fc_edit_distance(name, kinds[i].name, 2);
		if (dist < bestd) {
			bestd = dist;
			best = kinds[i].name;
		}
	}
	return best;
}

const struct slot_def *cl_schema_slot(const struct fact_kind *k,
				      const char *name)
{
	for (size_t i = 0; i < k->nslots; i++)
		if (!strcmp(k->slots[i].name, name))
			return &k->slots[i];
	return NULL;
}

const char *cl_schema_suggest_slot(const struct fact_kind *k, const char *name)
{
	const char *best = NULL;
	size_t bestd = 3;
	for (size_t i = 0; i < k->nslots; i++) {
		size_t dist = fc_edit_distance(name, k->slots[i].name, 2);
		if (dist < bestd) {
			bestd = dist;
			best = k->slots[i].name;
		}
	}
	return best;
}

const char *cl_schema_slot_type_name(enum slot_type t)
{
	static const char *const names[] = {
		[SLOT_LIST] = "a list of entities",
		[SLOT_ENTITY] = "an entity",
		[SLOT_ENTITY_TEXT] = "an entity or text",
		[SLOT_DATE] = "a date",
		[SLOT_DURATION] = "a duration",
		[SLOT_TEXT] = "text",
		[SLOT_INT] = "a number",
		[SLOT_QUANTITY] = "a quantity",
	};
	return names[t];
}
