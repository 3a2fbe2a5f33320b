/* sales-demo.c: deterministic, realistic sample data
 *
 * The generator is also the benchmark's data source, so it writes a million
 * deals in seconds: ids are chosen up front, text is composed in fixed
 * buffers, rows go out in multi-row INSERTs, creation times grow with ids so
 * that most index inserts append, and every batch is one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-customer-index.h"
#include "sales-deal.h"
#include "sales-demo-private.h"
#include "sales-kpi-summary.h"

#define DEFAULT_DEALS   600
#define DEFAULT_REPS    8
#define DEFAULT_SEED    1
#define DEFAULT_BATCH   50000
#define DEFAULT_BULK    100000
#define MIN_CUSTOMERS   10
#define DEAL_DAYS       548      /* deals are created over the 18 months before now */
#define CUSTOMER_DAYS   730      /* customers over the 24 months before now */
#define FUTURE_MONTHS   3
#define MAX_OPEN_STAGES 14
#define CACHE_SIZE_KIB  "-262144"  /* keeps the indexes of a million deals in memory */
#define BULK_CACHE_KIB  "-16384"   /* appending needs little */

#define ADD(c) c " = " c " + excluded." c

/* Per SalesDemoTableId. The tables of sums add to rows that are there already. */
static const struct
{
  const char *table;
  const char *columns;
  const char *tail;
} table_specs[] = {
  { "customer", "id, name, industry, tier, source, owner_id, phone, email, address, notes, "
                "created_at, updated_at" },
  { "contact", "customer_id, name, title, phone, email, wechat, is_primary" },
  { "deal", "id, title, customer_id, owner_id, stage_id, amount_cents, currency, expected_close, "
            "position, created_at, stage_changed_at, closed_at, lost_reason_id, lost_note" },
  { "deal_stage_history", "deal_id, from_stage_id, to_stage_id, changed_at" },
  { "activity", "customer_id, deal_id, owner_id, kind, note, due_at, done_at, satisfaction" },
  { "contract", "id, customer_id, deal_id, number, amount_cents, signed_on" },
  { "payment_plan", "contract_id, due_on, amount_cents" },
  { "payment", "contract_id, received_on, amount_cents, method" },
  { "customer_event", "customer_id, kind, from_owner_id, to_owner_id, note, at" },
  { "kpi_deal", "deal_id, created_day, closed_day, owner_id, stage_id, reason_id, source, amount,"
                " cycle, stages" },
  { "kpi_customer", "customer_id, owner_id, first_won_at, last_touch_at" },
  { "kpi_payment", "payment_id, day, owner_id, amount" },
  { "kpi_contract", "contract_id, owner_id, full_day, days" },
  { "kpi_overdue_step", "contract_id, day, owner_id, delta" },
  { "kpi_closed_sum", "lv, bucket, owner_id, stage_id, reason_id, source, n, amount, cycle",
    " ON CONFLICT DO UPDATE SET " ADD ("n") ", " ADD ("amount") ", " ADD ("cycle") },
  { "kpi_created_sum", "lv, bucket, owner_id, stages, n",
    " ON CONFLICT DO UPDATE SET " ADD ("n") },
  { "kpi_activity_sum", "lv, bucket, owner_id, n, sat_n, sat_sum",
    " ON CONFLICT DO UPDATE SET " ADD ("n") ", " ADD ("sat_n") ", " ADD ("sat_sum") },
  { "kpi_due_sum", "lv, bucket, owner_id, n, on_time",
    " ON CONFLICT DO UPDATE SET " ADD ("n") ", " ADD ("on_time") },
  { "kpi_payment_sum", "lv, bucket, owner_id, amount",
    " ON CONFLICT DO UPDATE SET " ADD ("amount") },
  { "kpi_overdue_sum", "lv, bucket, owner_id, delta",
    " ON CONFLICT DO UPDATE SET " ADD ("delta") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_specs) == SALES_DEMO_N_TABLES);

void
sales_demo_options_init (SalesDemoOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (SalesDemoOptions) {
    .customers = 0,
    .deals = DEFAULT_DEALS,
    .reps = DEFAULT_REPS,
    .seed = DEFAULT_SEED,
    .now = 0,
    .batch_size = 0,
    .bulk_deals = 0,
    .contacts = 0,
  };
}

static char *
insert_sql (const SalesDemoTable *t,
            guint                 n_rows)
{
  GString *sql = g_string_new (t->sql_head);

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (sql, r == 0 ? "(?" : ", (?");
      for (guint c = 1; c < t->n_columns; c++)
        g_string_append (sql, ", ?");
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, t->sql_tail);
  return g_string_free (sql, FALSE);
}

static gboolean
tables_init (SalesDemoGenerator  *g,
             GError             **error)
{
  for (guint i = 0; i < SALES_DEMO_N_TABLES; i++)
    {
      SalesDemoTable *t = &g->tables[i];
      g_autofree char *sql = NULL;
      int rc;

      t->sql_head = g_strdup_printf ("INSERT OR FAIL INTO %s (%s) VALUES ", table_specs[i].table,
                                     table_specs[i].columns);
      t->sql_tail = table_specs[i].tail != NULL ? table_specs[i].tail : "";
      t->n_columns = 1;
      for (const char *c = table_specs[i].columns; *c != '\0'; c++)
        t->n_columns += *c == ',';
      t->values = g_new0 (SalesDemoValue, SALES_DEMO_ROWS_PER_INSERT * t->n_columns);
      t->arena = g_malloc (SALES_DEMO_ROWS_PER_INSERT * t->n_columns * SALES_DEMO_TEXT_SLOT);

      sql = insert_sql (t, SALES_DEMO_ROWS_PER_INSERT);
      rc = sqlite3_prepare_v3 (g->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &t->full, NULL);
      if (rc != SQLITE_OK)
        return sales_db_set_error (g->db, rc, error);
    }
  return TRUE;
}

static void
tables_clear (SalesDemoGenerator *g)
{
  for (guint i = 0; i < SALES_DEMO_N_TABLES; i++)
    {
      SalesDemoTable *t = &g->tables[i];

      sqlite3_finalize (t->full);
      g_free ((char *)t->sql_head);
      g_free (t->values);
      g_free (t->arena);
    }
}

void
sales_demo_value_text (SalesDemoGenerator  *g,
                       SalesDemoTableId     table,
                       SalesDemoValue      *value,
                       const SalesDemoText *text)
{
  SalesDemoTable *t = &g->tables[table];
  char *slot = t->arena + (gsize)(value - t->values) * SALES_DEMO_TEXT_SLOT;

  memcpy (slot, text->str, text->len + 1);
  value->type = SALES_DEMO_VALUE_TEXT;
  value->text = slot;
  value->len = (int)text->len;
}

static gboolean
table_flush (SalesDemoGenerator  *g,
             SalesDemoTable      *t,
             GError             **error)
{
  sqlite3_stmt *stmt = t->full;
  int rc;

  if (t->n_rows == 0)
    return TRUE;

  /* Only the last INSERT of a batch is shorter. */
  if (t->n_rows < SALES_DEMO_ROWS_PER_INSERT)
    {
      g_autofree char *sql = insert_sql (t, t->n_rows);

      rc = sqlite3_prepare_v2 (g->handle, sql, -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return sales_db_set_error (g->db, rc, error);
    }

  for (guint i = 0; i < t->n_rows * t->n_columns; i++)
    {
      const SalesDemoValue *v = &t->values[i];

      if (v->type == SALES_DEMO_VALUE_INT)
        sqlite3_bind_int64 (stmt, (int)i + 1, v->i);
      else if (v->type == SALES_DEMO_VALUE_TEXT)
        sqlite3_bind_text (stmt, (int)i + 1, v->text, v->len, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, (int)i + 1);
    }

  rc = sqlite3_step (stmt);
  if (stmt == t->full)
    sqlite3_reset (stmt);
  else
    sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (g->db, rc, error);

  /* Derived rows are not sample data: batches leave them to the triggers. */
  if (t < &g->tables[SALES_DEMO_FIRST_DERIVED])
    g->pending.rows += t->n_rows;
  t->n_rows = 0;
  return TRUE;
}

/* Commits the row filled through sales_demo_table_row(). */
gboolean
sales_demo_table_add (SalesDemoGenerator  *g,
                      SalesDemoTableId     table,
                      GError             **error)
{
  SalesDemoTable *t = &g->tables[table];

  if (++t->n_rows < SALES_DEMO_ROWS_PER_INSERT)
    return TRUE;
  return table_flush (g, t, error);
}

static gboolean
tables_flush (SalesDemoGenerator  *g,
              GError             **error)
{
  for (guint i = 0; i < SALES_DEMO_N_TABLES; i++)
    if (!table_flush (g, &g->tables[i], error))
      return FALSE;
  return TRUE;
}

static gint64
query_int (SalesDemoGenerator *g,
           const char         *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (g->handle, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
load_pipeline (SalesDemoGenerator  *g,
               GError             **error)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) rot_days = g_array_new (FALSE, FALSE, sizeof (gint32));
  g_autoptr(GArray) reasons = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  g->won_stage = g->lost_stage = 0;

  sqlite3_prepare_v2 (g->handle, "SELECT id, kind, rot_days FROM stage ORDER BY position, id", -1,
                      &stmt, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *kind = (const char *)sqlite3_column_text (stmt, 1);

      if (g_str_equal (kind, "open"))
        {
          gint32 rot = sqlite3_column_int (stmt, 2);

          g_array_append_val (open, id);
          g_array_append_val (rot_days, rot);
        }
      else if (g_str_equal (kind, "won") && g->won_stage == 0)
        g->won_stage = id;
      else if (g_str_equal (kind, "lost") && g->lost_stage == 0)
        g->lost_stage = id;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (g->db, rc, error);

  if (open->len == 0 || g->won_stage == 0 || g->lost_stage == 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("Sample data needs a pipeline with at least one open, one won and one "
                     "lost stage"));
      return FALSE;
    }

  /* Deals walk the first open stages only; no real pipeline has more. */
  g->n_open = MIN (open->len, MAX_OPEN_STAGES);
  g->open_stages = g_memdup2 (open->data, sizeof (gint64) * g->n_open);
  g->open_rot_days = g_memdup2 (rot_days->data, sizeof (gint32) * g->n_open);

  /* Gaps like the store's, so that the first drops between demo cards find
   * room and do not renumber a whole column. */
  g->next_position = g_new0 (gint64, g->n_open + 2);
  sqlite3_prepare_v2 (g->handle,
                      "SELECT coalesce(max(position) + ?2, 0) FROM deal WHERE stage_id = ?1",
                      -1, &stmt, NULL);
  for (guint i = 0; i < g->n_open + 2; i++)
    {
      gint64 stage = i < g->n_open ? g->open_stages[i]
                                   : i == g->n_open ? g->won_stage : g->lost_stage;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, stage);
      sqlite3_bind_int64 (stmt, 2, SALES_DEAL_POSITION_GAP);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g->next_position[i] = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (g->handle, "SELECT id FROM lost_reason WHERE active = 1 ORDER BY id",
                      -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (reasons, id);
    }
  sqlite3_finalize (stmt);
  g->n_reasons = reasons->len;
  g->reasons = g_memdup2 (reasons->data, sizeof (gint64) * reasons->len);

  return TRUE;
}

static gboolean
write_reps (SalesDemoGenerator  *g,
            GError             **error)
{
  sqlite3_stmt *find = NULL;
  sqlite3_stmt *insert;
  guint total = 0;
  int rc = SQLITE_DONE;

  insert = sales_db_prepare (g->db, "INSERT INTO rep (name, email, active) VALUES (?1, ?2, 1)",
                             error);
  if (insert == NULL)
    return FALSE;
  sqlite3_prepare_v2 (g->handle, "SELECT id FROM rep WHERE email = ?1 ORDER BY id LIMIT 1", -1,
                      &find, NULL);

  for (guint i = 0; i < g->n_reps && rc == SQLITE_DONE; i++)
    {
      SalesDemoText name, email;
      SalesDemoRng rng;

      sales_demo_rep_make (i, &name, &email);

      sqlite3_reset (find);
      sqlite3_bind_text (find, 1, email.str, -1, SQLITE_STATIC);
      if (sqlite3_step (find) == SQLITE_ROW)
        g->rep_ids[i] = sqlite3_column_int64 (find, 0);
      else
        {
          sqlite3_bind_text (insert, 1, name.str, -1, SQLITE_STATIC);
          sqlite3_bind_text (insert, 2, email.str, -1, SQLITE_STATIC);
          rc = sqlite3_step (insert);
          sqlite3_reset (insert);
          g->rep_ids[i] = sqlite3_last_insert_rowid (g->handle);
          g->pending.reps++;
          g->pending.rows++;
        }

      /* Some reps sell more than others. */
      sales_demo_rng_init (&rng, g->seed, SALES_DEMO_STREAM_REP, i);
      total += 60 + sales_demo_rng_below (&rng, 81);
      g->rep_cumulative[i] = total;
    }

  sqlite3_finalize (find);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (g->db, rc, error);
  return TRUE;
}

guint
sales_demo_pick_rep (const SalesDemoGenerator *g,
                     SalesDemoRng             *rng)
{
  guint r = sales_demo_rng_below (rng, g->rep_cumulative[g->n_reps - 1]);
  guint lo = 0, hi = g->n_reps - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g->rep_cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

/* 0 is Monday; 1970-01-01 was a Thursday. */
static inline guint
weekday (gint32 day)
{
  return (guint)(((day + 3) % 7 + 7) % 7);
}

static inline gint32
customer_day (const SalesDemoGenerator *g,
              guint                     index)
{
  gint32 day = g->today - CUSTOMER_DAYS +
               (gint32)((guint64)index * CUSTOMER_DAYS / g->n_customers);

  /* Weekend records are dated Friday: never later, see sales_demo_eligible(). */
  switch (weekday (day))
    {
    case 5: return day - 1;
    case 6: return day - 2;
    default: return day;
    }
}

/* How many of the run's customers were created strictly before @day. */
guint
sales_demo_eligible (const SalesDemoGenerator *g,
                     gint32                    day)
{
  guint64 since = (guint64)(day - (g->today - CUSTOMER_DAYS));
  guint64 k = (since * g->n_customers + CUSTOMER_DAYS - 1) / CUSTOMER_DAYS;

  return (guint)CLAMP (k, 1, g->n_customers);
}

gint32
sales_demo_deal_day (const SalesDemoGenerator *g,
                     guint                     index)
{
  gint32 day = g->today - DEAL_DAYS + (gint32)((guint64)index * DEAL_DAYS / g->n_deals);

  switch (weekday (day))
    {
    case 5: return day - 1;
    case 6: return day + 1 < g->today ? day + 1 : day - 2;
    default: return day;
    }
}

static gboolean
write_customer (SalesDemoGenerator  *g,
                guint                index,
                GError             **error)
{
  static const guint tier_weights[] = { 15, 45, 40 };
  static const char * const tiers[] = { "A", "B", "C" };
  static const guint contact_weights[] = { 50, 35, 15 };
  SalesDemoCustomer *c = &g->customers[index];
  gint64 id = g->first_customer_id + index;
  SalesDemoValue *v = sales_demo_table_row (g, SALES_DEMO_CUSTOMER);
  gint64 owner_id = 0;
  SalesDemoText text;
  SalesDemoRng rng;
  gint64 created_at, updated_at;
  guint n_contacts;

  sales_demo_rng_init (&rng, g->seed, SALES_DEMO_STREAM_CUSTOMER, (guint64)id);
  sales_demo_company_pick (&rng, &c->company);
  c->day = customer_day (g, index);
  c->tier = (guint8)sales_demo_rng_weighted (&rng, tier_weights, 3);
  c->owner = sales_demo_rng_chance (&rng, 100) ? -1 : (gint32)sales_demo_pick_rep (g, &rng);
  if (c->owner >= 0)
    owner_id = g->rep_ids[c->owner];

  created_at = sales_demo_ts (g, c->day, sales_demo_office_time (&rng));
  c->created_at = created_at;
  updated_at = created_at;
  if (sales_demo_rng_chance (&rng, 500))
    updated_at += sales_demo_rng_range (&rng, 0, g->now - created_at - 1);
  c->updated_at = updated_at;

  sales_demo_value_int (&v[0], id);
  sales_demo_company_name (&c->company, &text);
  sales_demo_value_text (g, SALES_DEMO_CUSTOMER, &v[1], &text);
  sales_demo_value_static (&v[2], sales_demo_industry_label (c->company.industry));
  sales_demo_value_static (&v[3], tiers[c->tier]);
  c->source = sales_demo_source_pick (&rng);
  sales_demo_value_static (&v[4], c->source);
  if (owner_id != 0)
    sales_demo_value_int (&v[5], owner_id);
  else
    sales_demo_value_null (&v[5]);
  sales_demo_company_phone (&rng, &c->company, &text);
  sales_demo_value_text (g, SALES_DEMO_CUSTOMER, &v[6], &text);
  sales_demo_company_email (&rng, &c->company, &text);
  sales_demo_value_text (g, SALES_DEMO_CUSTOMER, &v[7], &text);
  sales_demo_company_address (&rng, &c->company, &text);
  sales_demo_value_text (g, SALES_DEMO_CUSTOMER, &v[8], &text);
  sales_demo_value_static (&v[9], sales_demo_company_note (&rng, &c->company));
  sales_demo_value_int (&v[10], created_at);
  sales_demo_value_int (&v[11], updated_at);
  g->pending.customers++;
  if (!sales_demo_table_add (g, SALES_DEMO_CUSTOMER, error))
    return FALSE;

  if (c->owner >= 0)
    {
      int month = sales_demo_month_key (c->day) - g->first_month;

      if (month >= 0 && (guint)month < g->n_months)
        g->new_customers[(guint)c->owner * g->n_months + (guint)month]++;
    }

  n_contacts = g->contacts > 0 ? 1 + sales_demo_rng_below (&rng, 2 * g->contacts - 1)
                              : 1 + sales_demo_rng_weighted (&rng, contact_weights, 3);
  for (guint i = 0; i < n_contacts; i++)
    {
      SalesDemoPerson person;

      sales_demo_contact_make (&rng, &c->company, &person);
      v = sales_demo_table_row (g, SALES_DEMO_CONTACT);
      sales_demo_value_int (&v[0], id);
      sales_demo_value_text (g, SALES_DEMO_CONTACT, &v[1], &person.name);
      sales_demo_value_text (g, SALES_DEMO_CONTACT, &v[2], &person.title);
      sales_demo_value_text (g, SALES_DEMO_CONTACT, &v[3], &person.phone);
      sales_demo_value_text (g, SALES_DEMO_CONTACT, &v[4], &person.email);
      if (person.has_wechat)
        sales_demo_value_text (g, SALES_DEMO_CONTACT, &v[5], &person.wechat);
      else
        sales_demo_value_null (&v[5]);
      sales_demo_value_int (&v[6], i == 0);
      g->pending.contacts++;
      if (!sales_demo_table_add (g, SALES_DEMO_CONTACT, error))
        return FALSE;
    }

  /* The first touch: a call or a WeChat message within two days. */
  if (sales_demo_rng_chance (&rng, 350))
    {
      SalesDemoNote note = sales_demo_rng_chance (&rng, 500) ? SALES_DEMO_NOTE_CALL
                                                            : SALES_DEMO_NOTE_MESSAGE;
      gint64 done = sales_demo_ts (g, c->day + (gint32)sales_demo_rng_range (&rng, 0, 2),
                                   sales_demo_office_time (&rng));

      if (done <= created_at)
        done = created_at + sales_demo_rng_range (&rng, SALES_DEMO_HOUR / 2,
                                                  2 * SALES_DEMO_HOUR);
      if (done < g->now)
        {
          v = sales_demo_table_row (g, SALES_DEMO_ACTIVITY);
          sales_demo_value_int (&v[0], id);
          sales_demo_value_null (&v[1]);
          if (owner_id != 0)
            sales_demo_value_int (&v[2], owner_id);
          else
            sales_demo_value_null (&v[2]);
          sales_demo_value_static (&v[3], sales_demo_note_kind (note));
          sales_demo_value_static (&v[4], sales_demo_note_pick (&rng, c->company.lang, note));
          sales_demo_value_null (&v[5]);
          sales_demo_value_int (&v[6], done);
          sales_demo_value_null (&v[7]);
          sales_demo_kpi_activity (g, c, owner_id, FALSE, 0, done, 0);
          g->pending.activities++;
          if (!sales_demo_table_add (g, SALES_DEMO_ACTIVITY, error))
            return FALSE;
        }
    }

  return TRUE;
}

static inline gint64
round_to (gint64 value,
          gint64 unit)
{
  return (value + unit / 2) / unit * unit;
}

static gboolean
write_target (SalesDemoGenerator  *g,
              sqlite3_stmt        *stmt,
              gint64               owner_id,
              int                  key,
              gint64               amount,
              gint64               stretch,
              gint64               new_customers,
              GError             **error)
{
  SalesDemoText month;
  int rc;

  sales_demo_text_clear (&month);
  sales_demo_text_digits (&month, (guint64)(key / 12), 4);
  sales_demo_text_append (&month, "-");
  sales_demo_text_digits (&month, (guint64)(key % 12 + 1), 2);

  if (owner_id != 0)
    sqlite3_bind_int64 (stmt, 1, owner_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, month.str, (int)month.len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_int64 (stmt, 4, stretch);
  sqlite3_bind_int64 (stmt, 5, new_customers);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (g->db, rc, error);

  /* Not one per call: a month that already has a target keeps it. */
  g->pending.rows += (guint64)sqlite3_changes (g->handle);
  return TRUE;
}

/* Targets follow what each rep actually won, so attainment lands around
 * 100 % with good and bad months; stretch targets are 1.3 times the base. */
static gboolean
write_targets (SalesDemoGenerator  *g,
               GError             **error)
{
  static const guint season[12] = { 100, 80, 105, 100, 100, 110, 95, 95, 105, 95, 105, 115 };
  const gint64 thousand = 1000 * 100;
  guint current = (guint)(sales_demo_month_key (g->today) - g->first_month);
  /* The first months of the window are still filling up with wins. */
  guint from = MIN (3, current - 1);
  g_autofree gint64 *team = g_new0 (gint64, g->n_months * 3);
  sqlite3_stmt *stmt;

  stmt = sales_db_prepare (g->db,
                           "INSERT OR IGNORE INTO target (owner_id, month, amount_cents,"
                           " stretch_cents, new_customers) VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint r = 0; r < g->n_reps; r++)
    {
      gint64 won = 0, gained = 0;
      SalesDemoRng rng;
      guint skill;

      sales_demo_rng_init (&rng, g->seed, SALES_DEMO_STREAM_TARGET, r);
      skill = 90 + sales_demo_rng_below (&rng, 31);

      for (guint m = from; m < current; m++)
        {
          won += g->won[r * g->n_months + m];
          gained += g->new_customers[r * g->n_months + m];
        }

      for (guint m = 0; m < g->n_months; m++)
        {
          int key = g->first_month + (int)m;
          gint64 base = won / (current - from) * skill / 100 * season[key % 12] / 100;
          gint64 stretch, new_customers;

          base = MAX (10 * thousand, round_to (base, thousand));
          stretch = round_to (base * 13 / 10, thousand);
          new_customers = MAX (1, (gained * 11 + 5 * (current - from)) /
                                  (10 * (gint64)(current - from)));

          if (!write_target (g, stmt, g->rep_ids[r], key, base, stretch, new_customers, error))
            return FALSE;
          team[m * 3] += base;
          team[m * 3 + 1] += stretch;
          team[m * 3 + 2] += new_customers;
        }
    }

  /* Managers set a team figure for each quarter's first month and ahead. */
  for (guint m = 0; m < g->n_months; m++)
    {
      int key = g->first_month + (int)m;

      if (key % 3 != 0 && m <= current)
        continue;
      if (!write_target (g, stmt, 0, key, round_to (team[m * 3] * 105 / 100, thousand),
                         round_to (team[m * 3 + 1] * 105 / 100, thousand), team[m * 3 + 2],
                         error))
        return FALSE;
    }

  return TRUE;
}

/* A few tags, translated when the data is created like the industries, on about a third
 * of the run's customers, chosen by their ids and the tags' so that the same run gives
 * the same tags. Tags already in the database (by name) are reused. */
static gboolean
write_tags (SalesDemoGenerator  *g,
            GError             **error)
{
  static const char * const names[] = {
    N_("VIP"), N_("Key account"), N_("Price sensitive"), N_("Referral partner"),
    N_("Overseas"), N_("Needs a visit"),
  };
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (g->handle, "INSERT OR IGNORE INTO tag (name) VALUES (?1)", -1, &stmt,
                           NULL);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (names); i++)
    {
      sqlite3_bind_text (stmt, 1, _(names[i]), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g->pending.rows += (guint64)sqlite3_changes (g->handle);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return sales_db_set_error (g->db, rc, error);

  rc = sqlite3_prepare_v2 (g->handle,
                           "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) "
                           "SELECT c.id, t.id FROM customer AS c, tag AS t "
                           "WHERE c.id BETWEEN ?1 AND ?2 AND t.name IN (?3, ?4, ?5, ?6, ?7, ?8) "
                           "AND (c.id * 7 + t.id * 3) % 17 = 0",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, g->first_customer_id);
      sqlite3_bind_int64 (stmt, 2, g->first_customer_id + g->n_customers - 1);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        sqlite3_bind_text (stmt, (int)i + 3, _(names[i]), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        g->pending.rows += (guint64)sqlite3_changes (g->handle);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (g->db, rc, error);

  return TRUE;
}

/* Inside the bulk transaction: a crash or a rollback brings them back. */
static gboolean
drop_indexes (SalesDemoGenerator  *g,
              GError             **error)
{
  const char *tables[SALES_DEMO_N_TABLES + 1] = { NULL };

  for (guint i = 0; i < SALES_DEMO_N_TABLES; i++)
    tables[i] = table_specs[i].table;

  g->indexes = sales_db_drop_indexes (g->db, tables, error);
  return g->indexes != NULL;
}

/* Deals [lo, hi) with the customers they need, and the targets after the last. */
static gboolean
write_batch (SalesDemoGenerator  *g,
             guint                lo,
             guint                hi,
             GError             **error)
{
  gboolean last = hi == g->n_deals;
  /* sales_demo_deal_day() moves a Sunday deal at most one day later. */
  gint32 latest = g->today - DEAL_DAYS +
                  (gint32)((guint64)(hi - 1) * DEAL_DAYS / g->n_deals) + 1;
  guint need = last ? g->n_customers : sales_demo_eligible (g, latest);

  for (guint j = g->customers_written; j < need; j++)
    if (!write_customer (g, j, error))
      return FALSE;
  g->customers_written = MAX (g->customers_written, need);

  for (guint i = lo; i < hi; i++)
    if (!sales_demo_write_deal (g, i, error))
      return FALSE;

  /* The pool's rules update customers, which must be in the table by then. */
  if (!tables_flush (g, error) ||
      (last && !(sales_demo_return_to_pool (g, error) && sales_demo_kpi_write (g, error) &&
                 tables_flush (g, error))))
    return FALSE;

  return !last || (write_targets (g, error) && write_tags (g, error));
}

static void
result_add (SalesDemoResult       *total,
            const SalesDemoResult *batch)
{
  total->reps += batch->reps;
  total->customers += batch->customers;
  total->contacts += batch->contacts;
  total->deals += batch->deals;
  total->activities += batch->activities;
  total->contracts += batch->contracts;
  total->payments += batch->payments;
  total->rows += batch->rows;
}

static void
setup (SalesDemoGenerator     *g,
       SalesDb                *db,
       const SalesDemoOptions *options)
{
  gint64 now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) midnight = NULL;
  int year, month, day;

  g->db = db;
  g->handle = sales_db_get_handle (db);
  g->seed = options->seed;
  g->n_deals = options->deals > 0 ? options->deals : DEFAULT_DEALS;
  g->n_customers = options->customers > 0 ? options->customers
                                          : MAX (g->n_deals / 5, MIN_CUSTOMERS);
  g->n_reps = options->reps > 0 ? options->reps : DEFAULT_REPS;
  g->batch_size = options->batch_size > 0 ? options->batch_size : DEFAULT_BATCH;
  g->contacts = options->contacts;
  /* Creating an index costs in proportion to the whole table, so only when the
   * new rows are most of it. */
  g->bulk = g->n_deals >= (options->bulk_deals > 0 ? options->bulk_deals : DEFAULT_BULK) &&
            g->n_deals >= query_int (g, "SELECT count(*) FROM deal");

  /* The data is as of the start of the day, so a whole day gives the same data. */
  g_date_time_get_ymd (local, &year, &month, &day);
  midnight = g_date_time_new_local (year, month, day, 0, 0, 0);
  g->now = g_date_time_to_unix (midnight);
  g->today = sales_demo_days_from_civil (year, month, day);
  g->first_month = sales_demo_month_key (g->today - DEAL_DAYS);
  g->n_months = (guint)(sales_demo_month_key (g->today) + FUTURE_MONTHS - g->first_month + 1);

  g->rep_ids = g_new0 (gint64, g->n_reps);
  g->rep_cumulative = g_new0 (guint, g->n_reps);
  g->customers = g_new0 (SalesDemoCustomer, g->n_customers);
  g->won = g_new0 (gint64, (gsize)g->n_reps * g->n_months);
  g->new_customers = g_new0 (guint, (gsize)g->n_reps * g->n_months);
  if (g->bulk)
    g->kpi = sales_demo_kpi_new ();
}

static void
clear (SalesDemoGenerator *g)
{
  tables_clear (g);
  g_clear_pointer (&g->indexes, g_ptr_array_unref);
  g_free (g->open_stages);
  g_free (g->open_rot_days);
  g_free (g->next_position);
  g_free (g->reasons);
  g_free (g->rep_ids);
  g_free (g->rep_cumulative);
  g_free (g->customers);
  g_free (g->won);
  g_free (g->new_customers);
  sales_demo_kpi_free (g->kpi);
}

/* The first batch also reads the pipeline and writes the reps, inside its
 * transaction so that nothing changes under it. */
static gboolean
start (SalesDemoGenerator  *g,
       GError             **error)
{
  g->first_customer_id = query_int (g, "SELECT coalesce(max(id), 0) + 1 FROM customer");
  g->first_deal_id = query_int (g, "SELECT coalesce(max(id), 0) + 1 FROM deal");
  g->next_contract_id = query_int (g, "SELECT coalesce(max(id), 0) + 1 FROM contract");
  g->first_payment_id = query_int (g, "SELECT coalesce(max(id), 0) + 1 FROM payment");

  return load_pipeline (g, error) && write_reps (g, error) &&
         (!g->bulk || (drop_indexes (g, error) && sales_kpi_summary_suspend (g->db, error)));
}

/**
 * sales_demo_generate:
 * @db: an open database, not inside a transaction
 * @options: what to generate (see sales_demo_options_init())
 * @progress: (nullable): called after each committed batch
 * @cancellable: (nullable): checked between batches
 * @result: (out) (optional): the rows added by the committed batches, also on failure
 *
 * Adds sample data to @db (see sales-demo.h for what it writes).
 *
 * Returns: %TRUE on success; %FALSE with @error set when cancelled or on a
 *   database error, with the batches committed before it kept.
 */
gboolean
sales_demo_generate (SalesDb                *db,
                     const SalesDemoOptions *options,
                     SalesDemoProgress       progress,
                     gpointer                user_data,
                     GCancellable           *cancellable,
                     SalesDemoResult        *result,
                     GError                **error)
{
  SalesDemoGenerator g = { 0 };
  SalesDemoResult total = { 0 };
  g_autofree char *restore = NULL;
  g_autofree char *journal_restore = NULL;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (!sales_db_in_transaction (db), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  setup (&g, db, options);

  /* The rows reference each other correctly by construction (the tests check
   * it with foreign_key_check), and tables are flushed in whichever order
   * their buffers fill, so foreign keys are off while the generator writes. */
  restore = g_strdup_printf ("PRAGMA foreign_keys = %" G_GINT64_FORMAT ";"
                             "PRAGMA cache_size = %" G_GINT64_FORMAT,
                             query_int (&g, "PRAGMA foreign_keys"),
                             query_int (&g, "PRAGMA cache_size"));
  sqlite3_exec (g.handle, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  sqlite3_exec (g.handle, g.bulk ? "PRAGMA cache_size = " BULK_CACHE_KIB
                                 : "PRAGMA cache_size = " CACHE_SIZE_KIB, NULL, NULL, NULL);
  if (g.bulk)
    journal_restore = sales_db_use_rollback_journal (db);

  ok = tables_init (&g, error);

  for (guint lo = 0; ok && lo < g.n_deals; lo += g.batch_size)
    {
      guint hi = MIN (lo + g.batch_size, g.n_deals);
      gboolean commit = !g.bulk || hi == g.n_deals;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          ((lo == 0 || !g.bulk) && !sales_db_begin (db, error)))
        {
          ok = FALSE;
          break;
        }

      ok = (lo > 0 || start (&g, error)) &&
           write_batch (&g, lo, hi, error) &&
           (!commit || !g.bulk ||
            (sales_db_create_indexes (db, g.indexes, error) &&
             sales_kpi_summary_resume (g.db, error))) &&
           (!commit || sales_customer_index_flush (db, error)) &&
           (!commit || sales_db_commit (db, error));
      if (!ok)
        break;

      if (commit)
        {
          result_add (&total, &g.pending);
          g.pending = (SalesDemoResult) { 0 };
        }
      if (progress != NULL)
        progress (hi, g.n_deals, user_data);
    }

  if (sales_db_in_transaction (db))
    sales_db_rollback (db);
  sqlite3_exec (g.handle, restore, NULL, NULL, NULL);
  if (journal_restore != NULL)
    sqlite3_exec (g.handle, journal_restore, NULL, NULL, NULL);
  clear (&g);

  if (result != NULL)
    *result = total;
  return ok;
}
