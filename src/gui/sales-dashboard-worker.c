/* sales-dashboard-worker.c: the dashboard's figures, computed in a worker thread
 *
 * The figures come from sales_kpi_compute(), which reads a whole period of rows, so it runs in
 * a worker thread on a connection of its own (GTask) and never on the main loop. The view
 * needs two results, the period shown and the one before it (for the changes); it asks for
 * one at a time, the shown period first, and keeps what it got in a small cache keyed by
 * period and rep, so that stepping back a period reuses the figures it already has. Until a
 * result arrives the view keeps what it showed, dimmed, with a spinner.
 *
 * Any change in the store empties the cache; while the view is on screen it computes again
 * once the changes have paused (a drag, an import), and otherwise when it is next shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-dashboard-private.h"

/* How long the data must be still before the figures are computed again. */
#define DEBOUNCE_MS 400
/* The figures of this many period-and-rep pairs are kept. */
#define CACHE_SIZE 12

typedef struct
{
  char           *path;
  SalesKpiPeriod  period;
  gint64          rep_id;
  guint           data_serial;
  char           *key;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->key);
  g_free (job);
}

static char *
cache_key (const SalesKpiPeriod *period,
           gint64                rep_id)
{
  g_autofree char *name = sales_kpi_period_to_string (period);

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT, name, rep_id);
}

/* Shows what the cache has for the period and rep chosen, then computes what it lacks. */
void
sales_dashboard_refresh (SalesDashboard *self)
{
  sales_dashboard_show_cached (self);
  sales_dashboard_pump (self);
}

/* Shows what the cache has, in the first frame too; computes nothing. */
void
sales_dashboard_show_cached (SalesDashboard *self)
{
  g_autofree char *key = cache_key (&self->period, self->rep_id);
  g_autofree char *previous_key = NULL;
  SalesKpiPeriod previous;
  SalesKpi *kpi;
  SalesKpi *before;

  g_assert (SALES_IS_DASHBOARD (self));

  sales_kpi_period_offset (&self->period, -1, &previous);
  previous_key = cache_key (&previous, self->rep_id);
  kpi = g_hash_table_lookup (self->cache, key);
  before = g_hash_table_lookup (self->cache, previous_key);

  if (kpi != NULL && (kpi != self->shown || before != self->shown_previous))
    sales_dashboard_show_kpi (self, kpi, before);

  /* Figures of another period or rep than the one chosen are dimmed until replaced. */
  gtk_widget_set_opacity (self->content,
                          self->shown == NULL || self->shown->rep_id != self->rep_id ||
                          self->shown->period.start != self->period.start ||
                          self->shown->period.kind != self->period.kind ? 0.5 : 1.0);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  SalesKpiOptions options = { 0 };
  GError *error = NULL;
  SalesKpi *kpi;

  kpi = sales_kpi_compute_for_path (job->path, &job->period, job->rep_id, &options, &error);
  if (kpi == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, kpi, (GDestroyNotify)sales_kpi_unref);
}

static void
compute_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SalesDashboard *self = SALES_DASHBOARD (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesKpi) kpi = NULL;
  g_autofree char *wanted = NULL;

  kpi = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->computing = FALSE;

  if (kpi == NULL)
    {
      /* A rep deleted meanwhile is no error to show: the drop-down drops them. */
      if (!g_error_matches (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND))
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      sales_dashboard_set_loading (self, FALSE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* Figures of data that has changed since are not kept; they are still shown if there is
   * nothing better, and the next job brings the new ones. */
  if (job->data_serial == self->data_serial)
    {
      if (g_hash_table_size (self->cache) >= CACHE_SIZE)
        g_hash_table_remove_all (self->cache);
      g_hash_table_insert (self->cache, g_strdup (job->key), sales_kpi_ref (kpi));
    }
  else if (g_str_equal (job->key, (wanted = cache_key (&self->period, self->rep_id))))
    {
      sales_dashboard_show_kpi (self, kpi, NULL);
    }

  sales_dashboard_refresh (self);
}

static void
start_job (SalesDashboard       *self,
           const SalesKpiPeriod *period,
           const char           *key)
{
  g_autoptr(GTask) task = NULL;
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (sales_db_get_path (sales_store_get_db (self->store)));
  job->period = *period;
  job->rep_id = self->rep_id;
  job->data_serial = self->data_serial;
  job->key = g_strdup (key);

  self->computing = TRUE;
  task = g_task_new (self, self->cancellable, compute_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, compute_thread);
}

/* Starts computing the first of the figures the view lacks, one job at a time. */
void
sales_dashboard_pump (SalesDashboard *self)
{
  SalesKpiPeriod periods[2];

  g_assert (SALES_IS_DASHBOARD (self));

  /* A hidden view computes nothing; sales_dashboard_map() calls again. */
  if (self->computing || self->waiting_for_frame || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  periods[0] = self->period;
  sales_kpi_period_offset (&self->period, -1, &periods[1]);
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *key = cache_key (&periods[i], self->rep_id);

      if (!g_hash_table_contains (self->cache, key))
        {
          sales_dashboard_set_loading (self, TRUE);
          start_job (self, &periods[i], key);
          return;
        }
    }

  sales_dashboard_set_loading (self, FALSE);
}

static gboolean
debounce_done (gpointer user_data)
{
  SalesDashboard *self = user_data;

  self->debounce_id = 0;
  sales_dashboard_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Any change in the store: the figures kept are stale. */
void
sales_dashboard_data_changed (SalesDashboard *self)
{
  g_assert (SALES_IS_DASHBOARD (self));

  self->data_serial++;
  g_hash_table_remove_all (self->cache);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_done, self);
}
