/* sales-report-data.c: the key figures of a month and the lists the summary shows beside them
 *
 * Deals won or lost in the month are those closed in it (closed_at in local time) whose stage
 * is of the kind won or lost now, as for won_amount and lost_count. A contract is overdue at
 * the month's end by what its instalments due by its last day exceed the payments received by
 * then, as for overdue_amount; the listed contracts therefore add up to that figure when all
 * of them are shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-collections.h"
#include "sales-report-data.h"

G_DEFINE_BOXED_TYPE (SalesReportData, sales_report_data, sales_report_data_ref,
                     sales_report_data_unref)

static void
deal_clear (gpointer data)
{
  SalesReportDeal *deal = data;

  g_free (deal->title);
  g_free (deal->customer);
  g_free (deal->rep);
  g_free (deal->reason);
}

static void
overdue_clear (gpointer data)
{
  SalesReportOverdue *overdue = data;

  g_free (overdue->number);
  g_free (overdue->customer);
  g_free (overdue->rep);
}

SalesReportData *
sales_report_data_ref (SalesReportData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sales_report_data_unref (SalesReportData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->kpi, sales_kpi_unref);
  g_clear_pointer (&self->won, g_array_unref);
  g_clear_pointer (&self->lost, g_array_unref);
  g_clear_pointer (&self->overdue, g_array_unref);
  g_free (self);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The largest deals closed in the month in a stage of @kind. */
static gboolean
read_deals (SalesDb              *db,
            const SalesKpiPeriod *period,
            gint64                rep_id,
            const char           *kind,
            GArray               *deals,
            GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (db,
                           /* The largest found in the covering index first: sorting the
                            * rows with their names would read every deal of the month. */
                           "SELECT d.id, d.title, cu.name, r.name, d.amount_cents, d.closed_at,"
                           "       lr.name, d.lost_note"
                           " FROM (SELECT d.id FROM deal d JOIN stage s ON s.id = d.stage_id"
                           "       WHERE d.closed_at >= ?1 AND d.closed_at < ?2 AND s.kind = ?3"
                           "         AND (?4 = 0 OR d.owner_id = ?4)"
                           "       ORDER BY d.amount_cents DESC, d.id LIMIT ?5) top"
                           " JOIN deal d ON d.id = top.id"
                           " LEFT JOIN customer cu ON cu.id = d.customer_id"
                           " LEFT JOIN rep r ON r.id = d.owner_id"
                           " LEFT JOIN lost_reason lr ON lr.id = d.lost_reason_id"
                           " ORDER BY d.amount_cents DESC, d.id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, period->start);
  sqlite3_bind_int64 (stmt, 2, period->end);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rep_id);
  sqlite3_bind_int (stmt, 5, SALES_REPORT_TOP_DEALS);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesReportDeal deal = { 0 };
      g_autofree char *day = sales_local_date (sqlite3_column_int64 (stmt, 5));
      g_autofree char *reason = column_text (stmt, 6);
      g_autofree char *note = column_text (stmt, 7);

      deal.deal_id = sqlite3_column_int64 (stmt, 0);
      deal.title = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      deal.customer = column_text (stmt, 2);
      deal.rep = column_text (stmt, 3);
      deal.amount_cents = sqlite3_column_int64 (stmt, 4);
      g_strlcpy (deal.closed_on, day, sizeof deal.closed_on);
      if (reason != NULL && note != NULL)
        /* A note says more than the reason alone; both fit on the line of the table. */
        deal.reason = g_strdup_printf ("%s: %s", reason, note);
      else
        deal.reason = reason != NULL ? g_steal_pointer (&reason) : g_steal_pointer (&note);
      g_array_append_val (deals, deal);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);
  return TRUE;
}

typedef struct
{
  gint64 contract_id;
  gint64 cents;
} Owed;

static int
compare_owed (gconstpointer a,
              gconstpointer b)
{
  const Owed *x = a;
  const Owed *y = b;

  if (x->cents != y->cents)
    return x->cents > y->cents ? -1 : 1;
  return x->contract_id < y->contract_id ? -1 : x->contract_id > y->contract_id;
}

/* The contracts of @rep_id's customers, or NULL for the whole team. */
static GHashTable *
rep_contracts (SalesDb  *db,
               gint64    rep_id,
               GError  **error)
{
  g_autoptr(GHashTable) set = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (rep_id == 0)
    return NULL;
  stmt = sales_db_prepare (db,
                           "SELECT c.id FROM contract c JOIN customer cu ON cu.id = c.customer_id"
                           " WHERE cu.owner_id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_bind_int64 (stmt, 1, rep_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (set, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&set);
}

/* What each contract owes at the end of @last_day: instalments due by then and payments
 * received by then, both summed per contract in contract order and merged, two index scans. */
static GArray *
read_owed (SalesDb     *db,
           const char  *last_day,
           GHashTable  *only,
           GError     **error)
{
  g_autoptr(GArray) owed = g_array_new (FALSE, FALSE, sizeof (Owed));
  sqlite3_stmt *plans;
  sqlite3_stmt *paid;
  int rc;
  int rc_paid;

  plans = sales_db_prepare (db,
                            "SELECT contract_id, sum(amount_cents) FROM payment_plan"
                            " WHERE due_on <= ?1 GROUP BY contract_id ORDER BY contract_id",
                            error);
  if (plans == NULL)
    return NULL;
  paid = sales_db_prepare (db,
                           "SELECT contract_id, sum(amount_cents) FROM payment"
                           " WHERE received_on <= ?1 GROUP BY contract_id ORDER BY contract_id",
                           error);
  if (paid == NULL)
    return NULL;
  sqlite3_bind_text (plans, 1, last_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (paid, 1, last_day, -1, SQLITE_STATIC);

  rc_paid = sqlite3_step (paid);
  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      Owed item = { sqlite3_column_int64 (plans, 0), sqlite3_column_int64 (plans, 1) };

      while (rc_paid == SQLITE_ROW && sqlite3_column_int64 (paid, 0) < item.contract_id)
        rc_paid = sqlite3_step (paid);
      if (rc_paid == SQLITE_ROW && sqlite3_column_int64 (paid, 0) == item.contract_id)
        item.cents -= sqlite3_column_int64 (paid, 1);
      if (item.cents > 0 && (only == NULL || g_hash_table_contains (only, &item.contract_id)))
        g_array_append_val (owed, item);
    }
  sqlite3_reset (plans);
  sqlite3_reset (paid);
  if (rc != SQLITE_DONE || (rc_paid != SQLITE_ROW && rc_paid != SQLITE_DONE))
    {
      sales_db_set_error (db, rc != SQLITE_DONE ? rc : rc_paid, error);
      return NULL;
    }
  return g_steal_pointer (&owed);
}

/* The oldest instalment still unpaid at the end of @last_day: payments settle a contract's
 * instalments oldest first, as for the Receivables list (sales-collections.h), read here for
 * the one contract by its indexes rather than through the window over every plan. */
static gboolean
oldest_unpaid (SalesDb            *db,
               const char         *last_day,
               SalesReportOverdue *overdue,
               GError            **error)
{
  sqlite3_stmt *paid;
  sqlite3_stmt *plan;
  gint64 left = 0;
  int rc;

  paid = sales_db_prepare (db,
                           "SELECT coalesce(sum(amount_cents), 0) FROM payment"
                           " WHERE contract_id = ?1 AND received_on <= ?2",
                           error);
  if (paid == NULL)
    return FALSE;
  sqlite3_bind_int64 (paid, 1, overdue->contract_id);
  sqlite3_bind_text (paid, 2, last_day, -1, SQLITE_STATIC);
  rc = sqlite3_step (paid);
  if (rc == SQLITE_ROW)
    left = sqlite3_column_int64 (paid, 0);
  sqlite3_reset (paid);
  if (rc != SQLITE_ROW)
    return sales_db_set_error (db, rc, error);

  plan = sales_db_prepare (db,
                           "SELECT due_on, amount_cents FROM payment_plan"
                           " WHERE contract_id = ?1 AND due_on <= ?2 ORDER BY due_on, id",
                           error);
  if (plan == NULL)
    return FALSE;
  sqlite3_bind_int64 (plan, 1, overdue->contract_id);
  sqlite3_bind_text (plan, 2, last_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (plan)) == SQLITE_ROW)
    {
      gint64 amount = sqlite3_column_int64 (plan, 1);

      if (left < amount)
        {
          const char *due_on = (const char *)sqlite3_column_text (plan, 0);

          g_strlcpy (overdue->oldest_due, due_on, sizeof overdue->oldest_due);
          overdue->days_overdue = sales_date_days_between (due_on, last_day);
          break;
        }
      left -= amount;
    }
  sqlite3_reset (plan);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);
  return TRUE;
}

static gboolean
read_overdue (SalesDb              *db,
              const SalesKpiPeriod *period,
              gint64                rep_id,
              SalesReportData      *self,
              GError              **error)
{
  g_autoptr(GHashTable) only = NULL;
  g_autoptr(GArray) owed = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  only = rep_contracts (db, rep_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  owed = read_owed (db, period->last_day, only, error);
  if (owed == NULL)
    return FALSE;
  g_array_sort (owed, compare_owed);
  self->n_overdue = owed->len;

  stmt = sales_db_prepare (db,
                           "SELECT c.number, cu.name, r.name FROM contract c"
                           " JOIN customer cu ON cu.id = c.customer_id"
                           " LEFT JOIN rep r ON r.id = cu.owner_id WHERE c.id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < MIN (owed->len, SALES_REPORT_TOP_OVERDUE); i++)
    {
      const Owed *item = &g_array_index (owed, Owed, i);
      SalesReportOverdue overdue = { 0 };
      int rc;

      overdue.contract_id = item->contract_id;
      overdue.overdue_cents = item->cents;
      sqlite3_bind_int64 (stmt, 1, item->contract_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          overdue.number = column_text (stmt, 0);
          overdue.customer = column_text (stmt, 1);
          overdue.rep = column_text (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sales_db_set_error (db, rc, error);
      g_array_append_val (self->overdue, overdue);
      if (!oldest_unpaid (db, period->last_day,
                          &g_array_index (self->overdue, SalesReportOverdue, i), error))
        return FALSE;
    }
  return TRUE;
}

static SalesReportData *
data_new (void)
{
  SalesReportData *self = g_new0 (SalesReportData, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->won = g_array_new (FALSE, TRUE, sizeof (SalesReportDeal));
  g_array_set_clear_func (self->won, deal_clear);
  self->lost = g_array_new (FALSE, TRUE, sizeof (SalesReportDeal));
  g_array_set_clear_func (self->lost, deal_clear);
  self->overdue = g_array_new (FALSE, TRUE, sizeof (SalesReportOverdue));
  g_array_set_clear_func (self->overdue, overdue_clear);
  return self;
}

/* The lists, in one read transaction of their own. */
static gboolean
read_lists (SalesDb              *db,
            const SalesKpiPeriod *period,
            gint64                rep_id,
            SalesReportData      *self,
            GError              **error)
{
  gboolean own_transaction = sqlite3_get_autocommit (sales_db_get_handle (db));
  gboolean ok;

  if (own_transaction && !sales_db_exec (db, "BEGIN", error))
    return FALSE;
  ok = read_deals (db, period, rep_id, "won", self->won, error) &&
       read_deals (db, period, rep_id, "lost", self->lost, error) &&
       read_overdue (db, period, rep_id, self, error);
  if (own_transaction)
    sales_db_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok;
}

SalesReportData *
sales_report_data_collect (SalesDb              *db,
                           const SalesKpiPeriod *period,
                           gint64                rep_id,
                           GError              **error)
{
  g_autoptr(SalesReportData) self = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (period != NULL && period->kind == SALES_KPI_MONTH, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = data_new ();
  /* One read transaction: the lists see the same state of the file as the figures. */
  own_transaction = sqlite3_get_autocommit (sales_db_get_handle (db));
  if (own_transaction && !sales_db_exec (db, "BEGIN", error))
    return NULL;
  self->kpi = sales_kpi_compute (db, period, rep_id, NULL, error);
  ok = self->kpi != NULL && read_lists (db, period, rep_id, self, error);
  if (own_transaction)
    sales_db_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL);
  return ok ? g_steal_pointer (&self) : NULL;
}

typedef struct
{
  const char           *path;
  const SalesKpiPeriod *period;
  gint64                rep_id;
  SalesReportData      *data;
  GError               *error;
} ListsJob;

static gpointer
read_lists_in_thread (gpointer user_data)
{
  ListsJob *job = user_data;
  g_autoptr(SalesDb) db = sales_db_open (job->path, &job->error);

  if (db != NULL && sales_kpi_prepare_connection (db, &job->error))
    read_lists (db, job->period, job->rep_id, job->data, &job->error);
  return NULL;
}

SalesReportData *
sales_report_data_collect_for_path (const char           *path,
                                    const SalesKpiPeriod *period,
                                    gint64                rep_id,
                                    GError              **error)
{
  g_autoptr(SalesReportData) self = NULL;
  g_autoptr(SalesDb) db = NULL;
  ListsJob job = { path, period, rep_id, NULL, NULL };
  GThread *thread;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (period != NULL && period->kind == SALES_KPI_MONTH, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Opening creates a missing file; a summary of nothing is an error, not an empty file. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OPEN,
                   /* TRANSLATORS: %s is a file name */
                   _("There is no database at %s"), path);
      return NULL;
    }

  /* Opened first and alone: it upgrades an older schema before the second connection. */
  db = sales_db_open (path, error);
  if (db == NULL || !sales_kpi_prepare_connection (db, error))
    return NULL;

  /* The lists on a connection of their own while the figures are added up on this one: on
   * a million deals each takes a few hundred milliseconds, and there are two cores. */
  self = data_new ();
  job.data = self;
  thread = g_thread_new ("sales-report-lists", read_lists_in_thread, &job);
  self->kpi = sales_kpi_compute (db, period, rep_id, NULL, error);
  g_thread_join (thread);

  if (self->kpi == NULL)
    {
      g_clear_error (&job.error);
      return NULL;
    }
  if (job.error != NULL)
    {
      g_propagate_error (error, job.error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

gboolean
sales_report_data_is_empty (SalesReportData *self)
{
  const SalesKpiFigures *f;

  g_return_val_if_fail (self != NULL, TRUE);

  f = self->kpi->figures;
  return f->won_count == 0 && f->lost_count == 0 && f->new_deals == 0 &&
         f->new_customers == 0 && f->activities_done == 0 && f->collected_amount == 0 &&
         f->overdue_amount == 0;
}
