/*
** store.c: the SQLite store of a run (schema in the SCHEMA string).
**
** Each stage replaces its own rows for the corpus in one IMMEDIATE
** transaction: an interrupted or failed stage rolls back and leaves the
** earlier stages as they were. A database locked past the busy timeout
** is an environment failure (FC_ESQL, exit 3 in the CLI).
*/
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "factcross/fc.h"
#include "core/core.h"

#define BUSY_TIMEOUT_MS 5000

static const char SCHEMA[] =
	"-- factcross store, schema version 1. One row set per corpus name; each\n"
	"-- stage replaces its own rows in one transaction.\n"
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
	"CREATE TABLE IF NOT EXISTS corpus (\n"
	"  name TEXT PRIMARY KEY, title TEXT, reference_date TEXT, rules_hash TEXT);\n"
	"CREATE TABLE IF NOT EXISTS documents (\n"
	"  corpus TEXT NOT NULL, source TEXT NOT NULL, idx INTEGER NOT NULL,\n"
	"  path TEXT, url TEXT, outlet TEXT, published TEXT,\n"
	"  published_stated INTEGER NOT NULL, sha256 TEXT NOT NULL, title TEXT,\n"
	"  raw BLOB NOT NULL, text TEXT NOT NULL, independent_group INTEGER,\n"
	"  PRIMARY KEY (corpus, source));\n"
	"CREATE TABLE IF NOT EXISTS sentences (\n"
	"  corpus TEXT NOT NULL, source TEXT NOT NULL, idx INTEGER NOT NULL,\n"
	"  start INTEGER NOT NULL, \"end\" INTEGER NOT NULL, line INTEGER,\n"
	"  PRIMARY KEY (corpus, source, idx));\n"
	"CREATE TABLE IF NOT EXISTS dropped (\n"
	"  corpus TEXT NOT NULL, source TEXT NOT NULL, raw_start INTEGER NOT NULL,\n"
	"  raw_end INTEGER NOT NULL, rule TEXT);\n"
	"CREATE TABLE IF NOT EXISTS mentions (\n"
	"  corpus TEXT NOT NULL, source TEXT NOT NULL, idx INTEGER NOT NULL,\n"
	"  kind TEXT NOT NULL, start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,\n"
	"  sentence INTEGER, rule TEXT, type TEXT, value TEXT, label TEXT,\n"
	"  unit TEXT, low REAL, high REAL, mod TEXT, grain TEXT,\n"
	"  PRIMARY KEY (corpus, source, idx));\n"
	"CREATE TABLE IF NOT EXISTS facts (\n"
	"  corpus TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, rule TEXT,\n"
	"  source TEXT NOT NULL, sentence INTEGER, start INTEGER, \"end\" INTEGER,\n"
	"  polarity TEXT NOT NULL, modality TEXT NOT NULL, attribution TEXT,\n"
	"  PRIMARY KEY (corpus, id));\n"
	"CREATE TABLE IF NOT EXISTS fact_slots (\n"
	"  corpus TEXT NOT NULL, fact TEXT NOT NULL, name TEXT NOT NULL,\n"
	"  value TEXT NOT NULL, label TEXT);\n"
	"CREATE TABLE IF NOT EXISTS findings (\n"
	"  corpus TEXT NOT NULL, id TEXT NOT NULL, rule TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL, field TEXT, status TEXT NOT NULL,\n"
	"  severity TEXT NOT NULL, sources TEXT NOT NULL,\n"
	"  independent_sources INTEGER NOT NULL, message TEXT,\n"
	"  PRIMARY KEY (corpus, id));\n"
	"CREATE TABLE IF NOT EXISTS finding_values (\n"
	"  corpus TEXT NOT NULL, finding TEXT NOT NULL, value TEXT NOT NULL,\n"
	"  facts TEXT NOT NULL);\n"
	"CREATE INDEX IF NOT EXISTS fact_slots_fact ON fact_slots (corpus, fact);\n";

struct fc_store {
	sqlite3 *db;
	char *path;
};

static fc_status sql_error(struct fc_store *s, struct fc_diags *d,
			   const char *what)
{
	struct fc_srcloc loc = {s->path, 0, 0, 0};
	int code = sqlite3_errcode(s->db);
	fc_diag_add(d, FC_ESQL, &loc, "%s: %s%s", what, sqlite3_errmsg(s->db),
		    code == SQLITE_BUSY || code == SQLITE_LOCKED
			    ? " (another process holds the database)"
			    : "");
	return FC_ESQL;
}

static fc_status exec(struct fc_store *s, const char *sql, struct fc_diags *d)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return sql_error(s, d, "database");
	return FC_OK;
}

fc_status fc_store_open(const char *path, struct fc_store **out,
			struct fc_diags *d)
{
	*out = NULL;
	struct fc_store *s = calloc(1, sizeof(*s));
	if (!s)
		return FC_ENOMEM;
	s->path = strdup(path);
	if (!s->path) {
		free(s);
		return FC_ENOMEM;
	}
	if (sqlite3_open_v2(path, &s->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		struct fc_srcloc loc = {path, 0, 0, 0};
		fc_diag_add(d, FC_ESQL, &loc, "cannot open database: %s",
			    s->db ? sqlite3_errmsg(s->db) : "out of memory");
		fc_store_close(s);
		return FC_ESQL;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	fc_status st = exec(s, "PRAGMA journal_mode=WAL;", d);
	if (!st)
		st = exec(s, "PRAGMA foreign_keys=ON;", d);
	if (!st)
		st = exec(s, "BEGIN IMMEDIATE;", d);
	if (!st) {
		st = exec(s, SCHEMA, d);
		sqlite3_stmt *q = NULL;
		int version = 0;
		if (!st && sqlite3_prepare_v2(s->db,
				"SELECT value FROM meta WHERE key='schema'",
				-1, &q, NULL) == SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW)
			version = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
		if (!st && version > FC_STORE_SCHEMA) {
			struct fc_srcloc loc = {path, 0, 0, 0};
			fc_diag_add(d, FC_ESQL, &loc,
				    "database schema %d is newer than this "
				    "factcross (%d)",
				    version, FC_STORE_SCHEMA);
			st = FC_ESQL;
		}
		if (!st && version < FC_STORE_SCHEMA) {
			char sql[96];
			snprintf(sql, sizeof(sql),
				 "INSERT OR REPLACE INTO meta VALUES "
				 "('schema', '%d');",
				 FC_STORE_SCHEMA);
			st = exec(s, sql, d);
		}
		if (!st)
			st = exec(s, "COMMIT;", d);
		else
			sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
	}
	if (st) {
		fc_store_close(s);
		return st;
	}
	*out = s;
	return FC_OK;
}

void fc_store_close(struct fc_store *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/* A prepared statement with positional text/int binders. */
struct stmt {
	sqlite3_stmt *q;
	int i;
};

static void bind_text(struct stmt *st, const char *v)
{
	st->i++;
	if (v)
		sqlite3_bind_text(st->q, st->i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st->q, st->i);
}

static void bind_int(struct stmt *st, long long v)
{
	sqlite3_bind_int64(st->q, ++st->i, v);
}

static void bind_real(struct stmt *st, double v, int is_set)
{
	st->i++;
	if (is_set)
		sqlite3_bind_double(st->q, st->i, v);
	else
		sqlite3_bind_null(st->q, st->i);
}

static int step(struct stmt *st)
{
	int rc = sqlite3_step(st->q);
	sqlite3_reset(st->q);
	sqlite3_clear_bindings(st->q);
	st->i = 0;
	return rc == SQLITE_DONE;
}

/* Begin a stage: IMMEDIATE transaction and the deletes of its rows. */
static fc_status begin_stage(struct fc_store *s, const struct fc_corpus *c,
			     const char *const *tables, struct fc_diags *d)
{
	if (exec(s, "BEGIN IMMEDIATE;", d))
		return FC_ESQL;
	for (size_t i = 0; tables[i]; i++) {
		char sql[128];
		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE corpus = ?1;",
			 tables[i]);
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
			goto fail;
		sqlite3_bind_text(q, 1, c->name, -1, SQLITE_STATIC);
		int rc = sqlite3_step(q);
		sqlite3_finalize(q);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	return FC_OK;
fail:
	sql_error(s, d, "database");
	sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
	return FC_ESQL;
}

static fc_status end_stage(struct fc_store *s, int ok, struct fc_diags *d)
{
	if (ok && sqlite3_exec(s->db, "COMMIT;", NULL, NULL, NULL) == SQLITE_OK)
		return FC_OK;
	fc_status st = sql_error(s, d, "database");
	sqlite3_exec(s->db, "ROLLBACK;", NULL, NULL, NULL);
	return st;
}

static int prepare(struct fc_store *s, struct stmt *st, const char *sql)
{
	st->i = 0;
	return sqlite3_prepare_v2(s->db, sql, -1, &st->q, NULL) == SQLITE_OK;
}

fc_status fc_store_put_documents(struct fc_store *s,
				 const struct fc_corpus *c,
				 const char *rules_hash, struct fc_diags *d)
{
	static const char *const tables[] = {
		"documents", "sentences", "dropped", "mentions", "facts",
		"fact_slots", "findings", "finding_values", NULL};
	if (begin_stage(s, c, tables, d))
		return FC_ESQL;
	struct stmt corpus = {0}, doc = {0}, sent = {0}, drop = {0};
	int ok = prepare(s, &corpus,
			 "INSERT OR REPLACE INTO corpus VALUES (?,?,?,?)") &&
		 prepare(s, &doc,
			 "INSERT INTO documents VALUES "
			 "(?,?,?,?,?,?,?,?,?,?,?,?,?)") &&
		 prepare(s, &sent, "INSERT INTO sentences VALUES (?,?,?,?,?,?)") &&
		 prepare(s, &drop, "INSERT INTO dropped VALUES (?,?,?,?,?)");
	if (ok) {
		bind_text(&corpus, c->name);
		bind_text(&corpus, c->title);
		bind_text(&corpus, c->reference_date);
		bind_text(&corpus, rules_hash);
		ok = step(&corpus);
	}
	for (size_t i = 0; ok && i < c->ndocs; i++) {
		const struct fc_document *dc = &c->docs[i];
		const struct fc_source *src = dc->src;
		bind_text(&doc, c->name);
		bind_text(&doc, src->id);
		bind_int(&doc, (long long)i);
		bind_text(&doc, src->file);
		bind_text(&doc, src->url);
		bind_text(&doc, src->outlet);
		bind_text(&doc, dc->published);
		bind_int(&doc, dc->is_published_stated);
		bind_text(&doc, dc->sha256);
		bind_text(&doc, dc->title);
		sqlite3_bind_blob(doc.q, ++doc.i, dc->raw ? dc->raw : "",
				  (int)dc->raw_len, SQLITE_STATIC);
		sqlite3_bind_text(doc.q, ++doc.i, dc->text ? dc->text : "",
				  (int)dc->text_len, SQLITE_STATIC);
		bind_int(&doc, dc->independent_group);
		ok = step(&doc);
		for (size_t k = 0; ok && k < dc->nsentences; k++) {
			bind_text(&sent, c->name);
			bind_text(&sent, src->id);
			bind_int(&sent, (long long)k);
			bind_int(&sent, dc->sentences[k].start);
			bind_int(&sent, dc->sentences[k].end);
			bind_int(&sent, dc->sentences[k].line);
			ok = step(&sent);
		}
		for (size_t k = 0; ok && k < dc->ndropped; k++) {
			bind_text(&drop, c->name);
			bind_text(&drop, src->id);
			bind_int(&drop, dc->dropped[k].raw_start);
			bind_int(&drop, dc->dropped[k].raw_end);
			bind_text(&drop, dc->dropped[k].rule);
			ok = step(&drop);
		}
	}
	sqlite3_finalize(corpus.q);
	sqlite3_finalize(doc.q);
	sqlite3_finalize(sent.q);
	sqlite3_finalize(drop.q);
	return end_stage(s, ok, d);
}

static const char *const mention_kinds[] = {
	"entity", "time", "quantity", "quote", "attribution", "negation",
	"hedge"};

fc_status fc_store_put_mentions(struct fc_store *s, const struct fc_corpus *c,
				struct fc_diags *d)
{
	static const char *const tables[] = {"mentions", NULL};
	if (begin_stage(s, c, tables, d))
		return FC_ESQL;
	struct fc_arena a;
	fc_arena_init(&a);
	struct stmt m = {0};
	int ok = prepare(s, &m,
			 "INSERT INTO mentions VALUES "
			 "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	for (size_t i = 0; ok && i < c->ndocs; i++) {
		const struct fc_document *dc = &c->docs[i];
		for (size_t k = 0; ok && k < dc->nmentions; k++) {
			const struct fc_mention *x = &dc->mentions[k];
			const char *type = NULL, *value = NULL, *label = NULL;
			const char *unit = NULL, *mod = NULL, *grain = NULL;
			int has_lo = 0, has_hi = 0;
			switch (x->kind) {
			case FC_MENTION_ENTITY:
				type = fc_entity_type_name(x->entity.type);
				value = x->entity.id;
				label = x->entity.label;
				break;
			case FC_MENTION_TIME:
				type = fc_timex_type_name(x->time.type);
				value = x->time.value;
				mod = fc_timex_mod_name(x->time.mod);
				grain = fc_grain_name(x->time.grain);
				break;
			case FC_MENTION_QUANTITY: {
				struct fc_value v = {.type = FC_VAL_QUANTITY,
						     .quantity = x->quantity};
				value = fc_value_text(&a, &v);
				unit = x->quantity.unit;
				has_lo = !x->quantity.is_lo_open;
				has_hi = !x->quantity.is_hi_open;
				break;
			}
			default:
				if (x->speaker) {
					value = x->speaker->id;
					label = x->speaker->label;
				}
				break;
			}
			bind_text(&m, c->name);
			bind_text(&m, dc->src->id);
			bind_int(&m, (long long)k);
			bind_text(&m, (size_t)x->kind < 7 ? mention_kinds[x->kind]
							  : "other");
			bind_int(&m, x->start);
			bind_int(&m, x->end);
			if (x->sentence == FC_NONE)
				sqlite3_bind_null(m.q, ++m.i);
			else
				bind_int(&m, x->sentence);
			bind_text(&m, x->rule);
			bind_text(&m, type);
			bind_text(&m, value);
			bind_text(&m, label);
			bind_text(&m, unit);
			bind_real(&m, x->quantity.lo, has_lo);
			bind_real(&m, x->quantity.hi, has_hi);
			bind_text(&m, mod);
			bind_text(&m, grain);
			ok = step(&m);
		}
	}
	sqlite3_finalize(m.q);
	fc_arena_finish(&a);
	return end_stage(s, ok, d);
}

fc_status fc_store_put_facts(struct fc_store *s, const struct fc_corpus *c,
			     struct fc_diags *d)
{
	static const char *const tables[] = {"facts", "fact_slots", NULL};
	static const char *const modal[] = {"factual", "reported", "hedged"};
	if (begin_stage(s, c, tables, d))
		return FC_ESQL;
	struct fc_arena a;
	fc_arena_init(&a);
	struct stmt f = {0}, sl = {0};
	int ok = prepare(s, &f,
			 "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?)") &&
		 prepare(s, &sl, "INSERT INTO fact_slots VALUES (?,?,?,?,?)");
	for (size_t i = 0; ok && i < c->nfacts; i++) {
		const struct fc_fact *x = &c->facts[i];
		bind_text(&f, c->name);
		bind_text(&f, x->id);
		bind_text(&f, x->kind);
		bind_text(&f, x->rule);
		bind_text(&f, c->docs[x->doc].src->id);
		bind_int(&f, x->sentence);
		bind_int(&f, x->start);
		bind_int(&f, x->end);
		bind_text(&f, x->polarity == FC_POL_NEGATED ? "negated"
							     : "asserted");
		bind_text(&f, (size_t)x->modality < 3 ? modal[x->modality]
						       : "factual");
		bind_text(&f, x->attribution);
		ok = step(&f);
		for (size_t k = 0; ok && k < x->nslots; k++) {
			bind_text(&sl, c->name);
			bind_text(&sl, x->id);
			bind_text(&sl, x->slots[k].name);
			bind_text(&sl, fc_value_text(&a, &x->slots[k].value));
			bind_text(&sl, fc_value_label(&a, &x->slots[k].value));
			ok = step(&sl);
		}
	}
	sqlite3_finalize(f.q);
	sqlite3_finalize(sl.q);
	fc_arena_finish(&a);
	return end_stage(s, ok, d);
}

fc_status fc_store_put_findings(struct fc_store *s, const struct fc_corpus *c,
				struct fc_diags *d)
{
	static const char *const tables[] = {"findings", "finding_values",
					     NULL};
	static const char *const sev[] = {"info", "warning", "error"};
	if (begin_stage(s, c, tables, d))
		return FC_ESQL;
	struct fc_buf b;
	fc_buf_init(&b, 0);
	struct stmt f = {0}, v = {0};
	int ok = prepare(s, &f,
			 "INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?)") &&
		 prepare(s, &v, "INSERT INTO finding_values VALUES (?,?,?,?)");
	for (size_t i = 0; ok && i < c->nfindings; i++) {
		const struct fc_finding *x = &c->findings[i];
		fc_buf_reset(&b);
		for (size_t k = 0; k < x->nsources; k++)
			fc_buf_printf(&b, "%s%s", k ? "," : "",
				      c->docs[x->sources[k]].src->id);
		bind_text(&f, c->name);
		bind_text(&f, x->id);
		bind_text(&f, x->rule);
		bind_text(&f, x->kind);
		bind_text(&f, x->field);
		bind_text(&f, fc_finding_status_name(x->status));
		bind_text(&f, (size_t)x->severity < 3 ? sev[x->severity] : "info");
		bind_text(&f, fc_buf_cstr(&b));
		bind_int(&f, x->independent_sources);
		bind_text(&f, x->message);
		ok = step(&f);
		for (size_t k = 0; ok && k < x->nvalues; k++) {
			const struct fc_finding_value *fv = &x->values[k];
			fc_buf_reset(&b);
			for (size_t j = 0; j < fv->nfacts; j++)
				fc_buf_printf(&b, "%s%s", j ? "," : "",
					      c->facts[fv->facts[j]].id);
			bind_text(&v, c->name);
			bind_text(&v, x->id);
			bind_text(&v, fv->text);
			bind_text(&v, fc_buf_cstr(&b));
			ok = step(&v);
		}
	}
	ok = ok && !b.err;
	sqlite3_finalize(f.q);
	sqlite3_finalize(v.q);
	fc_buf_finish(&b);
	return end_stage(s, ok, d);
}
