/* sales-db-schema.c: the numbered migrations of the documented schema
 *
 * The tables and columns created here are a public contract (README,
 * "Your data"): add tables and columns in new migrations, never rename or
 * remove documented ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db-private.h"
#include "sales-kpi-summary.h"

/* CHECKs list more than two allowed values with OR, not IN: for an IN list of
 * more than two values SQLite builds a temporary table on every single-row
 * INSERT, which made inserting a follow-up 2.4 times as expensive. */
static const char schema_v1[] =
  "CREATE TABLE stage ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  position    INTEGER NOT NULL,"
  "  probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),"
  "  kind        TEXT NOT NULL DEFAULT 'open'"
  "              CHECK (kind = 'open' OR kind = 'won' OR kind = 'lost'),"
  "  rot_days    INTEGER CHECK (rot_days IS NULL OR rot_days > 0)"
  ");"
  "CREATE INDEX stage_position ON stage (position);"

  "CREATE TABLE rep ("
  "  id     INTEGER PRIMARY KEY,"
  "  name   TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  email  TEXT,"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"

  "CREATE TABLE customer ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  industry   TEXT,"
  "  tier       TEXT NOT NULL DEFAULT 'B' CHECK (tier = 'A' OR tier = 'B' OR tier = 'C'),"
  "  source     TEXT,"
  "  owner_id   INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  phone      TEXT,"
  "  email      TEXT,"
  "  address    TEXT,"
  "  notes      TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  CHECK (updated_at >= created_at)"
  ");"
  "CREATE INDEX customer_owner ON customer (owner_id);"
  "CREATE INDEX customer_name ON customer (name);"
  "CREATE INDEX customer_created ON customer (created_at);"

  "CREATE TABLE contact ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  title       TEXT,"
  "  phone       TEXT,"
  "  email       TEXT,"
  "  wechat      TEXT,"
  "  is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))"
  ");"
  "CREATE INDEX contact_customer ON contact (customer_id);"

  "CREATE TABLE lost_reason ("
  "  id     INTEGER PRIMARY KEY,"
  "  name   TEXT NOT NULL CHECK (length(trim(name)) > 0),"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"

  "CREATE TABLE deal ("
  "  id               INTEGER PRIMARY KEY,"
  "  title            TEXT NOT NULL CHECK (length(trim(title)) > 0),"
  "  customer_id      INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
  "  owner_id         INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  stage_id         INTEGER NOT NULL REFERENCES stage (id) ON DELETE RESTRICT,"
  "  amount_cents     INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),"
  "  currency         TEXT NOT NULL DEFAULT 'CNY' CHECK (length(currency) = 3),"
  "  expected_close   TEXT CHECK (expected_close IS NULL OR"
  "                               date(expected_close) IS expected_close),"
  "  position         INTEGER NOT NULL DEFAULT 0,"
  "  created_at       INTEGER NOT NULL,"
  "  stage_changed_at INTEGER NOT NULL,"
  "  closed_at        INTEGER,"
  "  lost_reason_id   INTEGER REFERENCES lost_reason (id) ON DELETE SET NULL,"
  "  lost_note        TEXT,"
  "  CHECK (stage_changed_at >= created_at),"
  "  CHECK (closed_at IS NULL OR closed_at >= created_at)"
  ");"
  "CREATE INDEX deal_stage_position ON deal (stage_id, position);"
  "CREATE INDEX deal_customer ON deal (customer_id);"
  "CREATE INDEX deal_owner ON deal (owner_id, stage_id);"
  "CREATE INDEX deal_closed ON deal (closed_at) WHERE closed_at IS NOT NULL;"
  "CREATE INDEX deal_created ON deal (created_at);"
  "CREATE INDEX deal_lost_reason ON deal (lost_reason_id) WHERE lost_reason_id IS NOT NULL;"

  "CREATE TABLE deal_stage_history ("
  "  id            INTEGER PRIMARY KEY,"
  "  deal_id       INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,"
  "  from_stage_id INTEGER REFERENCES stage (id) ON DELETE RESTRICT,"
  "  to_stage_id   INTEGER NOT NULL REFERENCES stage (id) ON DELETE RESTRICT,"
  "  changed_at    INTEGER NOT NULL"
  ");"
  "CREATE INDEX deal_stage_history_deal ON deal_stage_history (deal_id, changed_at);"
  "CREATE INDEX deal_stage_history_to ON deal_stage_history (to_stage_id);"
  "CREATE INDEX deal_stage_history_from ON deal_stage_history (from_stage_id);"

  "CREATE TABLE activity ("
  "  id           INTEGER PRIMARY KEY,"
  "  customer_id  INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
  "  deal_id      INTEGER REFERENCES deal (id) ON DELETE CASCADE,"
  "  owner_id     INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  kind         TEXT NOT NULL CHECK (kind = 'call' OR kind = 'visit' OR kind = 'meeting' OR"
  "                                    kind = 'email' OR kind = 'message' OR kind = 'note' OR"
  "                                    kind = 'service'),"
  "  note         TEXT,"
  "  due_at       INTEGER,"
  "  done_at      INTEGER,"
  "  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),"
  "  CHECK (due_at IS NOT NULL OR done_at IS NOT NULL)"
  ");"
  "CREATE INDEX activity_customer ON activity (customer_id, done_at);"
  "CREATE INDEX activity_deal ON activity (deal_id) WHERE deal_id IS NOT NULL;"
  "CREATE INDEX activity_owner_due ON activity (owner_id, due_at);"
  "CREATE INDEX activity_due ON activity (due_at) WHERE done_at IS NULL;"
  "CREATE INDEX activity_done ON activity (done_at) WHERE done_at IS NOT NULL;"

  "CREATE TABLE target ("
  "  id            INTEGER PRIMARY KEY,"
  "  owner_id      INTEGER REFERENCES rep (id) ON DELETE CASCADE,"
  "  month         TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' AND"
  "                                     CAST(substr(month, 6, 2) AS INTEGER) BETWEEN 1 AND 12),"
  "  amount_cents  INTEGER NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),"
  "  stretch_cents INTEGER NOT NULL DEFAULT 0 CHECK (stretch_cents >= 0),"
  "  new_customers INTEGER NOT NULL DEFAULT 0 CHECK (new_customers >= 0)"
  ");"
  /* NULL owners (the whole team) are distinct in a plain UNIQUE constraint. */
  "CREATE UNIQUE INDEX target_owner_month ON target (coalesce(owner_id, 0), month);"
  "CREATE INDEX target_month ON target (month);"

  "CREATE TABLE contract ("
  "  id           INTEGER PRIMARY KEY,"
  "  customer_id  INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
  "  deal_id      INTEGER REFERENCES deal (id) ON DELETE SET NULL,"
  "  number       TEXT NOT NULL CHECK (length(trim(number)) > 0),"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),"
  "  signed_on    TEXT NOT NULL CHECK (date(signed_on) IS signed_on),"
  "  notes        TEXT"
  ");"
  "CREATE UNIQUE INDEX contract_number ON contract (number);"
  "CREATE INDEX contract_customer ON contract (customer_id);"
  "CREATE UNIQUE INDEX contract_deal ON contract (deal_id) WHERE deal_id IS NOT NULL;"

  "CREATE TABLE payment_plan ("
  "  id           INTEGER PRIMARY KEY,"
  "  contract_id  INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,"
  "  due_on       TEXT NOT NULL CHECK (date(due_on) IS due_on),"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0)"
  ");"
  "CREATE INDEX payment_plan_contract ON payment_plan (contract_id, due_on);"
  "CREATE INDEX payment_plan_due ON payment_plan (due_on);"

  "CREATE TABLE payment ("
  "  id           INTEGER PRIMARY KEY,"
  "  contract_id  INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,"
  "  received_on  TEXT NOT NULL CHECK (date(received_on) IS received_on),"
  "  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),"
  "  method       TEXT,"
  "  note         TEXT"
  ");"
  "CREATE INDEX payment_contract ON payment (contract_id, received_on);"
  "CREATE INDEX payment_received ON payment (received_on);";

static gboolean
insert_defaults_v1 (SalesDb  *db,
                    GError  **error)
{
  /* Translated at creation time: the names are then the user's data. */
  static const struct {
    const char *context;
    const char *name;
    int probability;
    const char *kind;
    int rot_days;
  } stages[] = {
    { NULL, N_("Lead"), 10, "open", 30 },
    { NULL, N_("Initial contact"), 20, "open", 21 },
    { NULL, N_("Needs confirmed"), 40, "open", 21 },
    { NULL, N_("Proposal / quote"), 60, "open", 14 },
    { NULL, N_("Negotiation"), 80, "open", 14 },
    { "stage", NC_("stage", "Won"), 100, "won", 0 },
    { "stage", NC_("stage", "Lost"), 0, "lost", 0 },
  };
  static const char * const reasons[] = {
    N_("Price too high"),
    N_("Chose a competitor"),
    N_("No budget"),
    N_("No response"),
    N_("Bad timing"),
  };
  sqlite3_stmt *stmt;

  stmt = sales_db_prepare (db,
                           "INSERT INTO stage (name, position, probability, kind, rot_days) "
                           "VALUES (?1, ?2, ?3, ?4, nullif(?5, 0))",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      const char *name = stages[i].context != NULL
                         ? g_dpgettext2 (GETTEXT_PACKAGE, stages[i].context, stages[i].name)
                         : _(stages[i].name);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_int (stmt, 3, stages[i].probability);
      sqlite3_bind_text (stmt, 4, stages[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, stages[i].rot_days);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (db, rc, error);
    }

  stmt = sales_db_prepare (db, "INSERT INTO lost_reason (name) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, _(reasons[i]), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (db, rc, error);
    }

  return TRUE;
}

/* Version 2: the board adds up each column (count and sum of amount_cents per
 * stage); with this index that reads the index alone instead of every row. */
static const char schema_v2[] =
  "CREATE INDEX deal_stage_amount ON deal (stage_id, amount_cents);";

/* Version 3: customers get tags, a log of owner changes (the public pool's
 * returns and claims show on the customer's timeline), and derived data that
 * the duplicate check reads (customer_key).
 *
 * Derived data is rebuilt from the customer and contact rows, never edited on
 * its own: the triggers only note which customers changed (customer_dirty),
 * in plain SQL so that edits made with the sqlite3 shell are noted too, and
 * the program recomputes those customers before its next commit
 * (sales-customer-index.c). Computing it in triggers would need functions of
 * this program registered on every connection, which the shell lacks.
 * The triggers test for the row rather than INSERT OR IGNORE, which an
 * outer INSERT OR REPLACE/ABORT would override.
 * Derived tables have no foreign keys: the recomputation removes the rows of
 * deleted customers, and undo, which saves and restores every row that
 * refers to a deleted one, must not restore stale derived rows. */
static const char schema_v3[] =
  "CREATE TABLE tag ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0)"
  ");"

  "CREATE TABLE customer_tag ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
  "  tag_id      INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,"
  "  UNIQUE (customer_id, tag_id)"
  ");"
  "CREATE INDEX customer_tag_tag ON customer_tag (tag_id, customer_id);"

  "CREATE TABLE customer_event ("
  "  id            INTEGER PRIMARY KEY,"
  "  customer_id   INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,"
  "  kind          TEXT NOT NULL CHECK (kind = 'assigned' OR kind = 'claimed' OR"
  "                                     kind = 'returned' OR kind = 'warned' OR"
  "                                     kind = 'merged'),"
  "  from_owner_id INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  to_owner_id   INTEGER REFERENCES rep (id) ON DELETE SET NULL,"
  "  note          TEXT,"
  "  at            INTEGER NOT NULL"
  ");"
  "CREATE INDEX customer_event_customer ON customer_event (customer_id, at);"
  "CREATE INDEX customer_event_to_owner ON customer_event (to_owner_id)"
  "  WHERE to_owner_id IS NOT NULL;"
  "CREATE INDEX customer_event_from_owner ON customer_event (from_owner_id)"
  "  WHERE from_owner_id IS NOT NULL;"

  "CREATE TABLE customer_key ("
  "  key         TEXT NOT NULL,"
  "  customer_id INTEGER NOT NULL,"
  "  PRIMARY KEY (key, customer_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_key_customer ON customer_key (customer_id);"

  "CREATE TABLE customer_dirty ("
  "  customer_id INTEGER PRIMARY KEY"
  ");"
  "CREATE TRIGGER customer_dirty_insert AFTER INSERT ON customer BEGIN"
  "  INSERT INTO customer_dirty SELECT new.id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = new.id);"
  "END;"
  "CREATE TRIGGER customer_dirty_update AFTER UPDATE OF id, name, phone, email, notes"
  "  ON customer BEGIN"
  "  INSERT INTO customer_dirty SELECT old.id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = old.id);"
  "  INSERT INTO customer_dirty SELECT new.id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = new.id);"
  "END;"
  "CREATE TRIGGER customer_dirty_delete AFTER DELETE ON customer BEGIN"
  "  INSERT INTO customer_dirty SELECT old.id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = old.id);"
  "END;"
  "CREATE TRIGGER contact_dirty_insert AFTER INSERT ON contact BEGIN"
  "  INSERT INTO customer_dirty SELECT new.customer_id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = new.customer_id);"
  "END;"
  "CREATE TRIGGER contact_dirty_update AFTER UPDATE OF customer_id, name, phone, email, wechat"
  "  ON contact BEGIN"
  "  INSERT INTO customer_dirty SELECT old.customer_id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = old.customer_id);"
  "  INSERT INTO customer_dirty SELECT new.customer_id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = new.customer_id);"
  "END;"
  "CREATE TRIGGER contact_dirty_delete AFTER DELETE ON contact BEGIN"
  "  INSERT INTO customer_dirty SELECT old.customer_id WHERE NOT EXISTS"
  "    (SELECT 1 FROM customer_dirty WHERE customer_id = old.customer_id);"
  "END;"

  "INSERT INTO customer_dirty SELECT id FROM customer;";

/* Version 4: the instant search index (sales-customer-search.c), derived from customer and
 * contact rows like customer_key and rebuilt by the flush that the last statement asks for.
 * customer_search has no foreign key: both FTS5 tables need a row's old text to forget it,
 * so a deleted customer's row must outlive the customer until the flush removes all three. */
static const char schema_v4[] =
  "CREATE TABLE customer_search ("
  "  customer_id INTEGER PRIMARY KEY,"
  "  name_key    TEXT NOT NULL,"
  "  initials    TEXT NOT NULL,"
  "  body        TEXT NOT NULL"
  ");"
  "CREATE INDEX customer_search_name ON customer_search (name_key);"
  "CREATE INDEX customer_search_initials ON customer_search (initials);"
  "CREATE VIRTUAL TABLE customer_fts USING fts5 ("
  "  body, content = 'customer_search', content_rowid = 'customer_id',"
  "  tokenize = 'trigram', columnsize = 0"
  ");"
  "CREATE VIRTUAL TABLE customer_gram USING fts5 ("
  "  grams, content = '', tokenize = 'unicode61', detail = 'none', columnsize = 0"
  ");"
  "INSERT OR IGNORE INTO customer_dirty SELECT id FROM customer;";

/* Version 5: the customer list sorts and filters 100 000 customers in SQL
 * (sales-customer-list-query.c). Each column it sorts by gets an index with the name
 * after it, which also serves its filter in name order; the sums of a row (open deals,
 * the next planned follow-up) read small partial indexes instead of every deal and
 * follow-up of the customer. */
static const char schema_v5[] =
  "CREATE INDEX customer_tier_name ON customer (tier, name);"
  "CREATE INDEX customer_industry_name ON customer (industry, name);"
  "CREATE INDEX customer_source_name ON customer (source, name);"
  "CREATE INDEX customer_owner_name ON customer (owner_id, name);"
  "CREATE INDEX deal_customer_open ON deal (customer_id, amount_cents) WHERE closed_at IS NULL;"
  "CREATE INDEX activity_customer_due ON activity (customer_id, due_at) WHERE done_at IS NULL;";

/* Version 6: the key figures (sales-kpi-queries.c) read each of their ranges from one index
 * alone, without visiting a row: deals closed, created or open by time, a deal's stage
 * history, follow-ups done and due, and payments and instalments by contract and by day.
 * Where an index of an earlier version is a prefix of a new one, the new one replaces it:
 * it serves the same searches. Columns a partial index's WHERE already fixes are still listed
 * (closed_at), and so is the rowid of the stage history: without them the planner would visit
 * the rows or sort. */
static const char schema_v6[] =
  "DROP INDEX deal_closed;"
  "CREATE INDEX deal_closed_kpi ON deal (closed_at, stage_id, owner_id, amount_cents,"
  "  created_at, customer_id, lost_reason_id, expected_close) WHERE closed_at IS NOT NULL;"
  "DROP INDEX deal_created;"
  "CREATE INDEX deal_created_kpi ON deal (created_at, owner_id, customer_id);"
  "CREATE INDEX deal_open_kpi ON deal (created_at, stage_changed_at, stage_id, owner_id,"
  "  amount_cents, expected_close, closed_at) WHERE closed_at IS NULL;"
  "DROP INDEX deal_customer;"
  "CREATE INDEX deal_customer_times ON deal (customer_id, created_at, closed_at);"
  "DROP INDEX deal_stage_history_deal;"
  "CREATE INDEX deal_stage_history_deal_stage ON deal_stage_history (deal_id, changed_at, id,"
  "  to_stage_id);"
  "DROP INDEX activity_done;"
  "CREATE INDEX activity_done_kpi ON activity (done_at, owner_id, kind, satisfaction)"
  "  WHERE done_at IS NOT NULL;"
  "CREATE INDEX activity_due_kpi ON activity (due_at, owner_id, done_at)"
  "  WHERE due_at IS NOT NULL;"
  "DROP INDEX payment_received;"
  "CREATE INDEX payment_received_kpi ON payment (received_on, contract_id, amount_cents);"
  "DROP INDEX payment_contract;"
  "CREATE INDEX payment_contract_kpi ON payment (contract_id, received_on, amount_cents);"
  "DROP INDEX payment_plan_contract;"
  "CREATE INDEX payment_plan_contract_kpi ON payment_plan (contract_id, due_on, amount_cents);";


/* Version 7: sums ready-made for the key figures (sales-kpi-summary.c, which documents them
 * and creates the triggers that keep them exact; the migration computes them once). Derived
 * data: no foreign keys, as for customer_key. Sums per UTC day and per 8, 64 and 512 days
 * (lv 0–3) are WITHOUT ROWID tables keyed by what the figures group by. */
static const char schema_v7[] =
  "CREATE TABLE kpi_deal ("
  "  deal_id     INTEGER PRIMARY KEY,"
  "  created_day INTEGER NOT NULL,"
  "  closed_day  INTEGER,"
  "  owner_id    INTEGER NOT NULL,"
  "  stage_id    INTEGER NOT NULL,"
  "  reason_id   INTEGER NOT NULL,"
  "  source      TEXT NOT NULL,"
  "  amount      INTEGER NOT NULL,"
  "  cycle       INTEGER,"
  "  stages      TEXT NOT NULL"
  ");"
  "CREATE TABLE kpi_closed_sum ("
  "  lv INTEGER NOT NULL, bucket INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
  "  stage_id INTEGER NOT NULL, reason_id INTEGER NOT NULL, source TEXT NOT NULL,"
  "  n INTEGER NOT NULL, amount INTEGER NOT NULL, cycle INTEGER NOT NULL,"
  "  PRIMARY KEY (lv, bucket, owner_id, stage_id, reason_id, source)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_created_sum ("
  "  lv INTEGER NOT NULL, bucket INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
  "  stages TEXT NOT NULL, n INTEGER NOT NULL,"
  "  PRIMARY KEY (lv, bucket, owner_id, stages)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_activity_sum ("
  "  lv INTEGER NOT NULL, bucket INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
  "  n INTEGER NOT NULL, sat_n INTEGER NOT NULL, sat_sum INTEGER NOT NULL,"
  "  PRIMARY KEY (lv, bucket, owner_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_due_sum ("
  "  lv INTEGER NOT NULL, bucket INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
  "  n INTEGER NOT NULL, on_time INTEGER NOT NULL,"
  "  PRIMARY KEY (lv, bucket, owner_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX activity_due_unsure ON activity (due_at, owner_id, done_at)"
  "  WHERE done_at > due_at AND done_at <= due_at + 172800;"
  "CREATE TABLE kpi_customer ("
  "  customer_id   INTEGER PRIMARY KEY,"
  "  owner_id      INTEGER NOT NULL,"
  "  first_won_at  INTEGER NOT NULL,"
  "  last_touch_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX kpi_customer_won ON kpi_customer (first_won_at, owner_id, last_touch_at);"
  "CREATE TABLE kpi_payment ("
  "  payment_id INTEGER PRIMARY KEY,"
  "  day        INTEGER NOT NULL,"
  "  owner_id   INTEGER NOT NULL,"
  "  amount     INTEGER NOT NULL"
  ");"
  "CREATE TABLE kpi_payment_sum ("
  "  lv INTEGER NOT NULL, bucket INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL,"
  "  PRIMARY KEY (lv, bucket, owner_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE kpi_contract ("
  "  contract_id INTEGER PRIMARY KEY,"
  "  owner_id    INTEGER NOT NULL,"
  "  full_day    INTEGER NOT NULL,"
  "  days        INTEGER NOT NULL"
  ");"
  "CREATE INDEX kpi_contract_full ON kpi_contract (full_day, owner_id, days);"
  "CREATE TABLE kpi_overdue_step ("
  "  contract_id INTEGER NOT NULL,"
  "  day         INTEGER NOT NULL,"
  "  owner_id    INTEGER NOT NULL,"
  "  delta       INTEGER NOT NULL"
  ");"
  "CREATE INDEX kpi_overdue_step_contract ON kpi_overdue_step (contract_id);"
  "CREATE TABLE kpi_overdue_sum ("
  "  lv INTEGER NOT NULL, bucket INTEGER NOT NULL, owner_id INTEGER NOT NULL,"
  "  delta INTEGER NOT NULL,"
  "  PRIMARY KEY (lv, bucket, owner_id)"
  ") WITHOUT ROWID;";

/* Version 8: the public pool's rules (sales-store-pool-rules.c) read the follow-ups of the
 * last N days with their customer and owner from the index alone: the key figures' index of
 * follow-ups done gets the customer as its last column, which serves the key figures as
 * before and saves the look-up of each follow-up's row, without a second index on the same
 * range to keep up on every follow-up written. The rules also change the owner of tens of
 * thousands of customers at once: customer_owner, a prefix of customer_owner_name (v5), goes,
 * so an owner changes in one index, not two; customer_owner_name serves every search by
 * owner. Its key figures' triggers moved the money of each customer's contracts to the new
 * owner row by row, seconds for the rules' first application: the triggers are replaced by
 * ones that leave the customers listed in kpi_owner_move to a set-based move
 * (sales_kpi_summary_move_owners()). IF EXISTS: stepping the version back to 6 to rebuild
 * the key figures' sums (README, "Derived tables") runs this again. */
static const char schema_v8[] =
  "DROP INDEX IF EXISTS activity_done_kpi;"
  "CREATE INDEX activity_done_kpi ON activity (done_at, owner_id, kind, satisfaction,"
  "  customer_id) WHERE done_at IS NOT NULL;"
  "DROP INDEX IF EXISTS customer_owner;";

static const SalesMigration migrations[] = {
  { 1, schema_v1, insert_defaults_v1 },
  { 2, schema_v2, NULL },
  { 3, schema_v3, NULL },
  { 4, schema_v4, NULL },
  { 5, schema_v5, NULL },
  { 6, schema_v6, NULL },
  { 7, schema_v7, sales_kpi_summary_rebuild },
  { 8, schema_v8, sales_kpi_summary_replace_triggers },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == SALES_DB_SCHEMA_VERSION);

const SalesMigration *
sales_db_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
