/* sales-store-pool-rules.c: applying the public pool's rules
 *
 * When a customer returns: the owner's "last follow-up" is the newest done
 * follow-up of the customer logged by the owner, and "last won deal" the
 * newest close of a won deal of the customer owned by the owner (or by
 * nobody); neither counts from before the customer became the owner's (its
 * creation, or its newest 'assigned' or 'claimed' event to the owner if that
 * is later), so that a customer just claimed does not go straight back. Days
 * are local days: with N = 30, a customer last followed up on 1 November
 * returns on 1 December, whatever the hour, and is warned on 28 November
 * with K = 3. A warning is written once per stretch of neglect: not again
 * while a 'warned' event newer than the follow-up (or won deal) it is about
 * exists.
 *
 * The rules run as a few statements over every owned customer at once, in
 * one transaction. Each reads only what is newer than the earliest cut-off,
 * through an index: an older follow-up, win, event or creation cannot keep
 * a customer, so for a customer without a newer one the time stays 0, which
 * sends it back all the same. On 100 000 customers with a million follow-ups
 * reading every customer's history instead cost seconds.
 *
 * Applying them can run on a worker thread with a connection of its own
 * (sales_store_apply_pool_rules_async()), so that a large database does not
 * hold up the window; the store then refreshes the customers that returned
 * and signals them, as after any other write.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-kpi-summary.h"
#include "sales-pool.h"
#include "sales-store-private.h"

/* The bound values of the statements below. */
enum {
  CUT_FOLLOWUP = 1, /* a customer whose follow-up time is before this returns */
  CUT_WON,          /* ... whose won-deal time is before this */
  WARN_FOLLOWUP,    /* ... whose follow-up time is before this is warned */
  WARN_WON,
  NOW,
  SCAN_FOLLOWUP,    /* follow-ups since this are read; G_MAXINT64: none (rule off) */
  SCAN_WON,
  SCAN_ANY,         /* the earlier of the two: events and creations since this */
  N_VALUES = SCAN_ANY
};

/* A customer whose reference time is before this has gone @days local days
 * without; G_MININT64 when the rule is off. */
static gint64
day_cutoff (gint64 now,
            guint  days)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) cutoff = NULL;

  if (days == 0)
    return G_MININT64;

  time = g_date_time_new_from_unix_local (now);
  midnight = g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time),
                                    g_date_time_get_day_of_month (time), 0, 0, 0);
  cutoff = g_date_time_add_days (midnight, -(int)(days - 1));

  return g_date_time_to_unix (cutoff);
}

static void
compute_values (const SalesPoolRules *rules,
                gint64                now,
                gint64                values[N_VALUES + 1])
{
  values[CUT_FOLLOWUP] = day_cutoff (now, rules->followup_days);
  values[CUT_WON] = day_cutoff (now, rules->won_days);
  values[WARN_FOLLOWUP] = rules->followup_days > rules->warn_days
                          ? day_cutoff (now, rules->followup_days - rules->warn_days)
                          : values[CUT_FOLLOWUP];
  values[WARN_WON] = rules->won_days > rules->warn_days
                     ? day_cutoff (now, rules->won_days - rules->warn_days)
                     : values[CUT_WON];
  if (rules->warn_days == 0)
    values[WARN_FOLLOWUP] = values[WARN_WON] = G_MININT64;
  values[NOW] = now;
  values[SCAN_FOLLOWUP] = rules->followup_days > 0 ? values[CUT_FOLLOWUP] : G_MAXINT64;
  values[SCAN_WON] = rules->won_days > 0 ? values[CUT_WON] : G_MAXINT64;
  values[SCAN_ANY] = MIN (values[SCAN_FOLLOWUP], values[SCAN_WON]);
}

/* Runs @sql with @values as ?1 … ?N_VALUES and @text1, @text2 after them. */
static gboolean
bind_step (SalesStore    *self,
           const char    *sql,
           const gint64  *values,
           const char    *text1,
           const char    *text2,
           GError       **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (int i = 1; i <= N_VALUES; i++)
    sqlite3_bind_int64 (stmt, i, values[i]);
  if (text1 != NULL)
    sqlite3_bind_text (stmt, N_VALUES + 1, text1, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, N_VALUES + 2, text2, -1, SQLITE_TRANSIENT);

  return sales_store_step (self, stmt, error);
}

/* Fills temp.pool_due with every owned customer and the two times the rules
 * count from: f_ref (follow-up) and w_ref (won deal), each the newest of the
 * customer becoming the owner's and a follow-up (or win) since then, or 0
 * when none of them is newer than the cut-off.
 *
 * Each statement starts from an index range of recent rows and looks the
 * owned customers up in the temporary table by their id: the owners come
 * from the index on customer.owner_id, the creations from the one on
 * created_at, the events from (customer_id, at), the follow-ups from
 * done_at and the wins from closed_at. MATERIALIZED looks each customer's
 * events up once, not once for each column; the "+" keeps SQLite from
 * walking a whole customer_id index to group by it, rather than the short
 * range. */
static gboolean
compute_due (SalesStore    *self,
             const gint64  *values,
             GError       **error)
{
  if (!sales_db_exec (self->db,
                      "CREATE TEMP TABLE IF NOT EXISTS pool_due ("
                      "  id       INTEGER PRIMARY KEY,"
                      "  owner_id INTEGER NOT NULL,"
                      "  f_ref    INTEGER NOT NULL,"
                      "  w_ref    INTEGER NOT NULL"
                      ");"
                      "DELETE FROM temp.pool_due",
                      error))
    return FALSE;

  return bind_step (self,
                    "WITH owned AS MATERIALIZED ("
                    "  SELECT c.id, c.owner_id, coalesce ("
                    "    (SELECT max (e.at) FROM customer_event e"
                    "     WHERE e.customer_id = c.id AND e.at >= ?8"
                    "       AND e.to_owner_id = c.owner_id"
                    "       AND (e.kind = 'assigned' OR e.kind = 'claimed')), 0) AS since"
                    "  FROM customer c WHERE c.owner_id IS NOT NULL) "
                    "INSERT INTO temp.pool_due (id, owner_id, f_ref, w_ref) "
                    "SELECT id, owner_id, since, since FROM owned",
                    values, NULL, NULL, error) &&
         bind_step (self,
                    "UPDATE temp.pool_due AS p"
                    "  SET f_ref = max (p.f_ref, c.created_at),"
                    "      w_ref = max (p.w_ref, c.created_at) "
                    "FROM customer c WHERE c.created_at >= ?8 AND c.id = p.id",
                    values, NULL, NULL, error) &&
         bind_step (self,
                    "UPDATE temp.pool_due AS p SET f_ref = max (p.f_ref, f.t) "
                    "FROM (SELECT a.customer_id AS id, max (a.done_at) AS t"
                    "      FROM activity a JOIN temp.pool_due o ON o.id = a.customer_id"
                    "      WHERE a.done_at >= ?6 AND a.owner_id = o.owner_id"
                    "      GROUP BY +a.customer_id) AS f "
                    "WHERE p.id = f.id",
                    values, NULL, NULL, error) &&
         bind_step (self,
                    "UPDATE temp.pool_due AS p SET w_ref = max (p.w_ref, w.t) "
                    "FROM (SELECT d.customer_id AS id, max (d.closed_at) AS t"
                    "      FROM deal d JOIN stage s ON s.id = d.stage_id"
                    "        JOIN temp.pool_due o ON o.id = d.customer_id"
                    "      WHERE d.closed_at >= ?7 AND s.kind = 'won'"
                    "        AND coalesce (d.owner_id, o.owner_id) = o.owner_id"
                    "      GROUP BY +d.customer_id) AS w "
                    "WHERE p.id = w.id",
                    values, NULL, NULL, error);
}

static GArray *
select_returning (SalesStore    *self,
                  const gint64  *values,
                  GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT id FROM temp.pool_due WHERE f_ref < ?1 OR w_ref < ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, values[CUT_FOLLOWUP]);
  sqlite3_bind_int64 (stmt, 2, values[CUT_WON]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The customers listed in kpi_owner_move go to the public pool. Of the
 * triggers, only the key figures' owner trigger would fire, to find each of
 * them listed and leave it alone (a twentieth of the update's cost). */
static gboolean
return_customers (SalesStore    *self,
                  const gint64  *values,
                  GError       **error)
{
  gboolean ok;

  sales_kpi_summary_set_triggers (self->db, FALSE);
  ok = bind_step (self,
                  "UPDATE customer SET owner_id = NULL, updated_at = max (updated_at, ?5) "
                  "WHERE id IN (SELECT customer_id FROM kpi_owner_move)",
                  values, NULL, NULL, error);
  sales_kpi_summary_set_triggers (self->db, TRUE);

  return ok;
}

/* Applies the store's rules as of its clock in one transaction, without
 * telling anyone. Returns: (transfer full): the ids of the customers that
 * returned, or %NULL with @error set and nothing written. */
static GArray *
apply_rules (SalesStore       *self,
             SalesPoolResult  *result,
             GError          **error)
{
  const SalesPoolRules *rules = &self->pool_rules;
  g_autoptr(GArray) returning = NULL;
  g_autofree char *followup_note = NULL;
  g_autofree char *won_note = NULL;
  g_autofree char *warn_note = NULL;
  gint64 values[N_VALUES + 1];

  result->returned = result->warned = 0;
  if (rules->followup_days == 0 && rules->won_days == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  compute_values (rules, sales_store_now (self), values);

  followup_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "No follow-up by the owner for %u day",
                                                "No follow-up by the owner for %u days",
                                                rules->followup_days),
                                   rules->followup_days);
  won_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No deal won by the owner for %u day",
                                           "No deal won by the owner for %u days",
                                           rules->won_days),
                              rules->won_days);
  warn_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Returns to the public pool within %u day "
                                            "unless followed up",
                                            "Returns to the public pool within %u days "
                                            "unless followed up",
                                            rules->warn_days),
                               rules->warn_days);

  if (!sales_store_begin (self, error))
    return NULL;
  if (self->pool_hook != NULL)
    self->pool_hook (SALES_POOL_HOOK_WRITING, self->pool_hook_data);

  if (!compute_due (self, values, error))
    goto failed;

  returning = select_returning (self, values, error);
  if (returning == NULL)
    goto failed;

  if (!bind_step (self,
                  "INSERT INTO customer_event "
                  "(customer_id, kind, from_owner_id, to_owner_id, note, at) "
                  "SELECT id, 'returned', owner_id, NULL,"
                  "  CASE WHEN f_ref < ?1 THEN ?9 ELSE ?10 END, ?5 "
                  "FROM temp.pool_due WHERE f_ref < ?1 OR w_ref < ?2 ORDER BY id",
                  values, followup_note, won_note, error))
    goto failed;

  if (!bind_step (self,
                  "INSERT INTO customer_event "
                  "(customer_id, kind, from_owner_id, to_owner_id, note, at) "
                  "SELECT p.id, 'warned', p.owner_id, NULL, ?9, ?5 "
                  "FROM temp.pool_due p "
                  "WHERE p.f_ref >= ?1 AND p.w_ref >= ?2 AND"
                  "  ((p.f_ref < ?3 AND NOT EXISTS"
                  "     (SELECT 1 FROM customer_event e"
                  "      WHERE e.customer_id = p.id AND e.at >= p.f_ref AND e.kind = 'warned'))"
                  "   OR (p.w_ref < ?4 AND NOT EXISTS"
                  "     (SELECT 1 FROM customer_event e"
                  "      WHERE e.customer_id = p.id AND e.at >= p.w_ref AND e.kind = 'warned'))) "
                  "ORDER BY p.id",
                  values, warn_note, NULL, error))
    goto failed;
  result->warned = (guint)sqlite3_changes (sales_db_get_handle (self->db));

  /* The key figures follow the owners set-based rather than customer by customer; the
   * customers are looked up from kpi_owner_move's own rowids, with no list built. */
  if (!bind_step (self,
                  "INSERT INTO kpi_owner_move (customer_id) "
                  "SELECT id FROM temp.pool_due WHERE f_ref < ?1 OR w_ref < ?2",
                  values, NULL, NULL, error) ||
      !return_customers (self, values, error) ||
      !sales_kpi_summary_move_owners (self->db, error) ||
      !sales_db_exec (self->db, "DELETE FROM temp.pool_due", error) ||
      !sales_store_commit (self, error))
    goto failed;

  result->returned = returning->len;
  return g_steal_pointer (&returning);

failed:
  sales_db_rollback (self->db);
  result->warned = 0;
  return NULL;
}

/* After the commit: the customers that returned change owner in every view. */
static void
finish_returned (SalesStore *self,
                 GArray     *returned)
{
  g_autoptr(GArray) changes = NULL;

  if (returned->len == 0)
    return;

  changes = g_array_sized_new (FALSE, FALSE, sizeof (SalesRowChange), returned->len);
  for (guint i = 0; i < returned->len; i++)
    sales_row_change_add (changes, SALES_RECORD_CUSTOMER, g_array_index (returned, gint64, i),
                          SALES_CHANGE_UPDATED);
  sales_store_finish (self, changes, NULL, FALSE);
}

/**
 * sales_store_apply_pool_rules:
 * @result: (out) (optional): how many customers returned and were warned
 *
 * Returns the customers that the rules set with sales_store_set_pool_rules()
 * take from their owners to the public pool (owner_id NULL and a 'returned'
 * event saying why) and warns, once, those that will return within the
 * warning days (a 'warned' event), all in one transaction as of the store's
 * clock. It cannot be undone; when it returns a customer, the undo history
 * goes, because undo writes rows back whole.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_apply_pool_rules (SalesStore       *self,
                              SalesPoolResult  *result,
                              GError          **error)
{
  g_autoptr(GArray) returned = NULL;
  SalesPoolResult local_result;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  returned = apply_rules (self, result != NULL ? result : &local_result, error);
  if (returned == NULL)
    return FALSE;

  finish_returned (self, returned);
  return TRUE;
}

/* What the worker thread needs, all copied on the store's thread: the worker
 * never touches the store it was started from. */
typedef struct
{
  char            *path;
  SalesPoolRules   rules;
  gint64           now;
  SalesPoolResult  result;
  GArray          *returned;
  SalesPoolHook    hook;
  gpointer         hook_data;
} ApplyJob;

static void
apply_job_free (gpointer data)
{
  ApplyJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->returned, g_array_unref);
  g_free (job);
}

static gint64
apply_job_clock (gpointer user_data)
{
  const ApplyJob *job = user_data;

  return job->now;
}

/* A store of the worker's own on a connection of its own, so that the write
 * goes through the same transaction and derived-data path as on the main
 * thread. */
static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyJob *job = task_data;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  GError *error = NULL;

  if (job->hook != NULL)
    job->hook (SALES_POOL_HOOK_OPENING, job->hook_data);
  if (g_task_return_error_if_cancelled (task))
    return;

  db = sales_db_open (job->path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  store = sales_store_new (db);
  sales_store_set_clock (store, apply_job_clock, job, NULL);
  sales_store_set_pool_rules (store, &job->rules);
  sales_store_set_pool_hook (store, job->hook, job->hook_data);

  job->returned = apply_rules (store, &job->result, &error);

  /* Closed before the caller hears, who may remove the file next. */
  g_clear_object (&store);
  g_clear_object (&db);

  if (job->returned == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the store's thread, whatever became of the caller: what the worker
 * committed is refreshed and signalled before the caller hears of it. */
static void
apply_thread_done (GObject      *object,
                   GAsyncResult *async_result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SalesStore *self = g_task_get_source_object (task);
  ApplyJob *job = g_task_get_task_data (G_TASK (async_result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (async_result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  finish_returned (self, job->returned);
  g_task_return_pointer (task, g_memdup2 (&job->result, sizeof job->result), g_free);
}

/**
 * sales_store_apply_pool_rules_async:
 * @cancellable: (nullable): stops it if it has not started writing
 *
 * Does what sales_store_apply_pool_rules() does, as of the store's clock
 * now, on a worker thread with a connection of its own to the same file.
 * The customers that returned are refreshed and signalled on the store's
 * thread before @callback runs.
 */
void
sales_store_apply_pool_rules_async (SalesStore          *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  ApplyJob *job;

  g_return_if_fail (SALES_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sales_store_apply_pool_rules_async);
  /* Once the worker has committed, the caller learns what it did. */
  g_task_set_check_cancellable (task, FALSE);

  job = g_new0 (ApplyJob, 1);
  job->path = g_strdup (sales_db_get_path (self->db));
  job->rules = self->pool_rules;
  job->now = sales_store_now (self);
  job->hook = self->pool_hook;
  job->hook_data = self->pool_hook_data;

  /* The worker's task may outlive the caller's by a moment on the worker
   * thread; holding the store is left to the caller's task. */
  worker = g_task_new (NULL, cancellable, apply_thread_done, g_steal_pointer (&task));
  g_task_set_source_tag (worker, sales_store_apply_pool_rules_async);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, job, apply_job_free);
  g_task_run_in_thread (worker, apply_thread);
}

/**
 * sales_store_apply_pool_rules_finish:
 * @result: (out) (optional): how many customers returned and were warned
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_apply_pool_rules_finish (SalesStore       *self,
                                     GAsyncResult     *async_result,
                                     SalesPoolResult  *result,
                                     GError          **error)
{
  g_autofree SalesPoolResult *answer = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (async_result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (async_result)) ==
                        sales_store_apply_pool_rules_async, FALSE);

  answer = g_task_propagate_pointer (G_TASK (async_result), error);
  if (answer == NULL)
    return FALSE;

  if (result != NULL)
    *result = *answer;
  return TRUE;
}

/**
 * sales_store_set_pool_hook:
 * @hook: (nullable): called at each #SalesPoolHookPoint, on the thread that is there
 * @user_data: for @hook; kept alive by the caller while a run may call it
 *
 * For tests: a hook that blocks holds the run at that point, so that a test can stop the
 * public pool's watcher or let go of the file exactly there. Runs started from now on
 * call it; the application never sets one.
 */
void
sales_store_set_pool_hook (SalesStore    *self,
                           SalesPoolHook  hook,
                           gpointer       user_data)
{
  g_return_if_fail (SALES_IS_STORE (self));

  self->pool_hook = hook;
  self->pool_hook_data = user_data;
}
