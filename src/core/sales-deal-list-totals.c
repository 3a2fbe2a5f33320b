/* sales-deal-list-totals.c: adding up a board column, in a thread
 *
 * The count and the sum of the amounts of a column read every row of it:
 * 850 ms for the seven columns of a database of a million deals. A list
 * therefore adds them up on a connection of its own, in a thread, once the
 * main loop is idle after the list has loaded (readers do not wait for the
 * writer in WAL mode), and from then on keeps them from each change of a
 * deal. A change while the thread runs may or may not be in what it read,
 * so the list then asks again.
 *
 * An open column without a filter is the exception: the index
 * deal_stage_amount (schema version 2) answers it without reading a row, in a
 * few milliseconds for 100 000 deals, so it is added up at once on the main
 * connection and no thread competes with the first frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-deal-list-private.h"

typedef struct
{
  char   *path;
  char   *sql;
  gint64  stage_id;
  char   *pattern;
} TotalsJob;

typedef struct
{
  guint  n_deals;
  gint64 total_cents;
} Totals;

static GMutex totals_lock;

static void
totals_job_free (gpointer data)
{
  TotalsJob *job = data;

  g_free (job->path);
  g_free (job->sql);
  g_free (job->pattern);
  g_free (job);
}

/* On a connection of its own: readers do not wait for the writer in WAL
 * mode, and the main thread goes on drawing meanwhile. */
static void
totals_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TotalsJob *job = task_data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  Totals *totals;
  int rc;

  /* One column at a time: on two cores, seven threads reading at once would
   * take the processor from the window they are adding up for. */
  g_mutex_lock (&totals_lock);
  rc = sqlite3_open_v2 (job->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, job->sql, -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, "@stage"), job->stage_id);
      if (job->pattern != NULL)
        sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, "@search"), job->pattern, -1,
                           SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }

  if (rc == SQLITE_ROW)
    {
      totals = g_new (Totals, 1);
      totals->n_deals = (guint)sqlite3_column_int64 (stmt, 0);
      totals->total_cents = sqlite3_column_int64 (stmt, 1);
      g_task_return_pointer (task, totals, g_free);
    }
  else
    g_task_return_new_error (task, SALES_DB_ERROR, SALES_DB_ERROR_FAILED, "%s",
                             db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_mutex_unlock (&totals_lock);
}


static void
totals_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree Totals *totals = NULL;
  SalesDealList *self;

  /* The list may be gone: it cancels before it goes. */
  totals = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->totals_cancellable);

  if (totals == NULL)
    {
      g_warning ("Cannot add up the deals of a board column: %s", error->message);
      return;
    }

  if (self->totals_stale)
    {
      sales_deal_list_start_totals (self);
      return;
    }

  sales_deal_list_set_totals (self, totals->n_deals, totals->total_cents);
  sales_deal_list_set_totals_known (self, TRUE);
}

static gboolean
run_totals (gpointer data)
{
  SalesDealList *self = data;
  g_autoptr(GTask) task = NULL;
  TotalsJob *job;

  self->totals_source = 0;
  if (self->count_sql == NULL)
    return G_SOURCE_REMOVE;

  job = g_new0 (TotalsJob, 1);
  job->path = g_strdup (sales_db_get_path (sales_store_get_db (self->store)));
  job->sql = g_strdup (self->count_sql);
  job->stage_id = sales_record_get_id (SALES_RECORD (self->stage));
  job->pattern = g_strdup (self->pattern);

  self->totals_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->totals_cancellable, totals_done, self);
  g_task_set_source_tag (task, sales_deal_list_start_totals);
  g_task_set_task_data (task, job, totals_job_free);
  g_task_run_in_thread (task, totals_thread);

  return G_SOURCE_REMOVE;
}

/* Counts and adds up the column in SQL, in a thread: for a column of
 * 100 000 deals that reads every row, which would hold up the window. The
 * thread starts once the main loop is idle, so that it does not compete
 * with the first frame for the processor. */
/* Whether the filter keeps every deal of the column: none, or one on the column's own
 * stage alone (the board showing a single stage). */
static gboolean
keeps_whole_column (SalesDealList *self)
{
  SalesDealFilter *filter = self->filter;

  if (filter == NULL || sales_deal_filter_is_empty (filter))
    return TRUE;

  return sales_deal_filter_get_search (filter) == NULL &&
         sales_deal_filter_get_owner_id (filter) == 0 &&
         sales_deal_filter_get_close_range (filter) == SALES_CLOSE_RANGE_ANY &&
         sales_deal_filter_get_stage_id (filter) == sales_record_get_id (SALES_RECORD (self->stage));
}

/* An open column without a filter, from the index alone. */
static gboolean
add_up_from_index (SalesDealList *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gboolean done = FALSE;

  if (self->closed || !keeps_whole_column (self))
    return FALSE;

  stmt = sales_db_prepare (sales_store_get_db (self->store),
                           "SELECT count (*), coalesce (sum (amount_cents), 0) "
                           "FROM deal INDEXED BY deal_stage_amount WHERE stage_id = ?1",
                           &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot add up the deals of a board column: %s", error->message);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, sales_record_get_id (SALES_RECORD (self->stage)));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sales_deal_list_set_totals (self, (guint)sqlite3_column_int64 (stmt, 0),
                                  sqlite3_column_int64 (stmt, 1));
      sales_deal_list_set_totals_known (self, TRUE);
      done = TRUE;
    }
  sqlite3_reset (stmt);

  return done;
}

void
sales_deal_list_start_totals (SalesDealList *self)
{
  if (self->count_sql == NULL)
    return;

  if (self->totals_cancellable != NULL)
    {
      g_cancellable_cancel (self->totals_cancellable);
      g_clear_object (&self->totals_cancellable);
    }

  self->totals_stale = FALSE;
  if (add_up_from_index (self))
    {
      g_clear_handle_id (&self->totals_source, g_source_remove);
      return;
    }

  if (self->totals_source == 0)
    self->totals_source = g_idle_add_full (G_PRIORITY_LOW, run_totals, self, NULL);
}

/* After something the list cannot account for. */
void
sales_deal_list_refresh_totals (SalesDealList *self)
{
  sales_deal_list_set_totals_known (self, FALSE);
  sales_deal_list_start_totals (self);
}

void
sales_deal_list_add_to_totals (SalesDealList *self,
                               int            n_deals,
                               gint64         total_cents)
{
  if (self->totals_known)
    sales_deal_list_set_totals (self, self->n_deals + n_deals, self->total_cents + total_cents);
  else
    self->totals_stale = TRUE;
}

/* Before the list goes: the thread's answer must not reach it. */
void
sales_deal_list_stop_totals (SalesDealList *self)
{
  g_clear_handle_id (&self->totals_source, g_source_remove);
  if (self->totals_cancellable != NULL)
    g_cancellable_cancel (self->totals_cancellable);
  g_clear_object (&self->totals_cancellable);
}
