/* sales-kpi.c: the figures put together from the sums of sales-kpi-queries.c
 *
 * Every query groups its rows by owner, so one pass gives the team (the sum over owners,
 * including rows with no owner) and every rep of the ranking at once; a rate is divided out
 * of its sums only here, and is NAN when there is nothing to divide by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sales-kpi-private.h"

G_DEFINE_BOXED_TYPE (SalesKpi, sales_kpi, sales_kpi_ref, sales_kpi_unref)

static void
sales_kpi_figures_free (SalesKpiFigures *f)
{
  if (f == NULL)
    return;
  g_free (f->rep_name);
  g_clear_pointer (&f->funnel, g_array_unref);
  g_clear_pointer (&f->by_source, g_array_unref);
  g_clear_pointer (&f->by_lost_reason, g_array_unref);
  g_free (f);
}

SalesKpi *
sales_kpi_ref (SalesKpi *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
sales_kpi_unref (SalesKpi *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  sales_kpi_figures_free (self->figures);
  g_clear_pointer (&self->by_rep, g_ptr_array_unref);
  g_clear_pointer (&self->trend, g_array_unref);
  g_clear_pointer (&self->forecast, g_array_unref);
  g_free (self);
}

static void
funnel_stage_clear (gpointer data)
{
  g_free (((SalesKpiFunnelStage *)data)->name);
}

static void
source_clear (gpointer data)
{
  g_free (((SalesKpiSource *)data)->source);
}

static void
lost_reason_clear (gpointer data)
{
  g_free (((SalesKpiLostReason *)data)->name);
}

static void
source_free (gpointer data)
{
  source_clear (data);
  g_free (data);
}

static void
kpi_stage_clear (gpointer data)
{
  g_free (((SalesKpiStage *)data)->name);
}

static void
sums_free (gpointer data)
{
  SalesKpiSums *sums = data;

  g_free (sums->reach);
  g_hash_table_unref (sums->sources);
  g_hash_table_unref (sums->reasons);
  g_free (sums);
}

static SalesKpiSums *
sums_new (gint64 owner_id,
          guint  n_open)
{
  SalesKpiSums *sums = g_new0 (SalesKpiSums, 1);

  sums->owner_id = owner_id;
  sums->reach = g_new0 (gint64, n_open + 1);
  sums->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, source_free);
  sums->reasons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return sums;
}

SalesKpiSums *
sales_kpi_job_sums (SalesKpiJob *job,
                    gint64       owner_id)
{
  SalesKpiSums *sums = g_hash_table_lookup (job->sums, &owner_id);

  if (sums == NULL)
    {
      sums = sums_new (owner_id, job->stages->len);
      g_hash_table_insert (job->sums, &sums->owner_id, sums);
    }
  return sums;
}

void
sales_kpi_sums_add_source (SalesKpiSums *sums,
                           const char   *source,
                           gint64        won_amount,
                           gint64        won_count)
{
  SalesKpiSource *s = g_hash_table_lookup (sums->sources, source != NULL ? source : "");

  if (s == NULL)
    {
      s = g_new0 (SalesKpiSource, 1);
      s->source = g_strdup (source != NULL ? source : "");
      g_hash_table_insert (sums->sources, s->source, s);
    }
  s->won_amount += won_amount;
  s->won_count += won_count;
}

static void
sums_merge (SalesKpiSums *into,
            SalesKpiSums *from,
            guint         n_open)
{
  GHashTableIter iter;
  gpointer key, value;

  into->won_amount += from->won_amount;
  into->won_count += from->won_count;
  into->lost_count += from->lost_count;
  into->won_cycle_seconds += from->won_cycle_seconds;
  into->new_deals += from->new_deals;
  into->new_customers += from->new_customers;
  into->open_amount += from->open_amount;
  into->weighted_open_x100 += from->weighted_open_x100;
  for (guint i = 0; i <= n_open; i++)
    into->reach[i] += from->reach[i];
  into->activities_done += from->activities_done;
  into->due += from->due;
  into->due_on_time += from->due_on_time;
  into->satisfaction_sum += from->satisfaction_sum;
  into->satisfaction_count += from->satisfaction_count;
  into->collected += from->collected;
  into->overdue += from->overdue;
  into->collection_days += from->collection_days;
  into->collection_count += from->collection_count;
  into->churn_base += from->churn_base;
  into->churn_lost += from->churn_lost;
  for (guint i = 0; i < SALES_KPI_TREND_PERIODS; i++)
    into->trend_won[i] += from->trend_won[i];
  for (guint i = 0; i < SALES_KPI_FORECAST_MONTHS; i++)
    {
      into->forecast_open[i] += from->forecast_open[i];
      into->forecast_weighted_x100[i] += from->forecast_weighted_x100[i];
    }

  g_hash_table_iter_init (&iter, from->sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SalesKpiSource *s = value;

      sales_kpi_sums_add_source (into, key, s->won_amount, s->won_count);
    }

  g_hash_table_iter_init (&iter, from->reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 *count = g_hash_table_lookup (into->reasons, key);

      if (count == NULL)
        {
          count = g_new0 (gint64, 1);
          g_hash_table_insert (into->reasons, g_memdup2 (key, sizeof (gint64)), count);
        }
      *count += *(gint64 *)value;
    }
}

static double
ratio (gint64 numerator,
       gint64 denominator)
{
  return denominator != 0 ? (double)numerator / (double)denominator : NAN;
}

/* Weighted amounts are summed as cents × percent and rounded once, half up. */
static gint64
round_x100 (gint64 value)
{
  return (value + 50) / 100;
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const SalesKpiSource *x = a;
  const SalesKpiSource *y = b;

  if (x->won_amount != y->won_amount)
    return x->won_amount > y->won_amount ? -1 : 1;
  return g_strcmp0 (x->source, y->source);
}

static int
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const SalesKpiLostReason *x = a;
  const SalesKpiLostReason *y = b;

  if (x->lost_count != y->lost_count)
    return x->lost_count > y->lost_count ? -1 : 1;
  return x->lost_reason_id < y->lost_reason_id ? -1 : x->lost_reason_id > y->lost_reason_id;
}

static SalesKpiFigures *
figures_new (SalesKpiJob  *job,
             SalesKpiSums *sums,
             GHashTable   *reason_names)
{
  SalesKpiFigures *f = g_new0 (SalesKpiFigures, 1);
  guint n_open = job->stages->len;
  GHashTableIter iter;
  gpointer key, value;
  gint64 reached = 0;

  f->won_amount = sums->won_amount;
  f->won_count = sums->won_count;
  f->lost_count = sums->lost_count;
  f->win_rate = ratio (sums->won_count, sums->won_count + sums->lost_count);
  f->new_deals = sums->new_deals;
  f->new_customers = sums->new_customers;
  f->open_amount = sums->open_amount;
  f->weighted_open_amount = round_x100 (sums->weighted_open_x100);
  f->avg_cycle_days = ratio (sums->won_cycle_seconds, sums->won_count * 86400);

  /* reached(stage k) counts the deals whose furthest rank is k or later: a running sum
   * from the won end. */
  f->funnel = g_array_sized_new (FALSE, TRUE, sizeof (SalesKpiFunnelStage), n_open);
  g_array_set_clear_func (f->funnel, funnel_stage_clear);
  g_array_set_size (f->funnel, n_open);
  f->funnel_won = sums->reach[n_open];
  reached = sums->reach[n_open];
  for (guint i = n_open; i-- > 0;)
    {
      SalesKpiFunnelStage *step = &g_array_index (f->funnel, SalesKpiFunnelStage, i);
      const SalesKpiStage *stage = &g_array_index (job->stages, SalesKpiStage, i);
      gint64 next = reached;

      reached += sums->reach[i];
      step->stage_id = stage->id;
      step->name = g_strdup (stage->name);
      step->reached = reached;
      step->conversion = ratio (next, reached);
    }

  f->activities_done = sums->activities_done;
  f->followup_on_time_rate = ratio (sums->due_on_time, sums->due);
  f->collected_amount = sums->collected;
  f->overdue_amount = sums->overdue;
  f->avg_collection_days = ratio (sums->collection_days, sums->collection_count);
  f->avg_satisfaction = ratio (sums->satisfaction_sum, sums->satisfaction_count);
  f->churn_rate = ratio (sums->churn_lost, sums->churn_base);

  f->by_source = g_array_new (FALSE, TRUE, sizeof (SalesKpiSource));
  g_array_set_clear_func (f->by_source, source_clear);
  g_hash_table_iter_init (&iter, sums->sources);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SalesKpiSource s = *(SalesKpiSource *)value;

      s.source = *(char *)key != '\0' ? g_strdup (key) : NULL;
      g_array_append_val (f->by_source, s);
    }
  g_array_sort (f->by_source, compare_sources);

  f->by_lost_reason = g_array_new (FALSE, TRUE, sizeof (SalesKpiLostReason));
  g_array_set_clear_func (f->by_lost_reason, lost_reason_clear);
  g_hash_table_iter_init (&iter, sums->reasons);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SalesKpiLostReason r = { 0 };

      r.lost_reason_id = *(gint64 *)key;
      r.name = g_strdup (g_hash_table_lookup (reason_names, key));
      r.lost_count = *(gint64 *)value;
      g_array_append_val (f->by_lost_reason, r);
    }
  g_array_sort (f->by_lost_reason, compare_reasons);

  return f;
}

static gboolean
set_targets (SalesKpiJob      *job,
             SalesKpiFigures  *f,
             GError          **error)
{
  if (!sales_kpi_query_targets (job->db, &job->period, f->rep_id, &f->target_amount,
                                &f->stretch_target_amount, &f->new_customers_target, error))
    return FALSE;

  f->attainment = ratio (f->won_amount, f->target_amount);
  f->stretch_attainment = ratio (f->won_amount, f->stretch_target_amount);
  f->new_customers_attainment = ratio (f->new_customers, f->new_customers_target);
  return TRUE;
}

static int
compare_reps (gconstpointer a,
              gconstpointer b)
{
  const SalesKpiFigures *x = *(SalesKpiFigures * const *)a;
  const SalesKpiFigures *y = *(SalesKpiFigures * const *)b;

  if (x->won_amount != y->won_amount)
    return x->won_amount > y->won_amount ? -1 : 1;
  return x->rep_id < y->rep_id ? -1 : x->rep_id > y->rep_id;
}

static gboolean
read_stages (SalesKpiJob  *job,
             GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (job->db,
                           "SELECT id, name, position, kind, probability FROM stage"
                           " ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *)sqlite3_column_text (stmt, 3);
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SalesKpiStageInfo *info = g_new (SalesKpiStageInfo, 1);

      info->kind = kind != NULL ? kind[0] : 'o';
      info->probability = sqlite3_column_int (stmt, 4);
      g_hash_table_insert (job->stage_info, g_memdup2 (&id, sizeof id), info);

      if (g_strcmp0 (kind, "open") == 0)
        {
          SalesKpiStage stage = { id, g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
                                  sqlite3_column_int (stmt, 2) };

          g_array_append_val (job->stages, stage);
        }
      else if (g_strcmp0 (kind, "won") == 0)
        g_hash_table_insert (job->stage_rank, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (-1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (job->db, rc, error);

  /* Won stages rank after every open one; known only once the open ones are counted. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, job->stage_rank);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_iter_replace (&iter, GINT_TO_POINTER (job->stages->len + 1));
  }
  for (guint i = 0; i < job->stages->len; i++)
    {
      gint64 id = g_array_index (job->stages, SalesKpiStage, i).id;

      g_hash_table_insert (job->stage_rank, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (i + 1));
    }
  return TRUE;
}

static GHashTable *
read_names (SalesDb     *db,
            const char  *sql,
            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, g_free);
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id),
                           g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static void
job_clear (SalesKpiJob *job)
{
  g_clear_pointer (&job->stages, g_array_unref);
  g_clear_pointer (&job->stage_rank, g_hash_table_unref);
  g_clear_pointer (&job->stage_info, g_hash_table_unref);
  g_clear_pointer (&job->stage_sets, g_hash_table_unref);
  g_clear_pointer (&job->sums, g_hash_table_unref);
  g_clear_pointer (&job->day_starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalesKpiJob, job_clear)

static void
job_init (SalesKpiJob          *job,
          SalesDb              *db,
          const SalesKpiPeriod *period,
          guint                 churn_days,
          gboolean              direct)
{
  SalesKpiPeriod last_month;

  job->db = db;
  job->direct = direct;
  job->period = *period;
  job->churn_days = churn_days;
  for (int i = 0; i < SALES_KPI_TREND_PERIODS; i++)
    sales_kpi_period_offset (period, i - (SALES_KPI_TREND_PERIODS - 1), &job->trend[i]);
  sales_kpi_period_init (&last_month, SALES_KPI_MONTH, period->year,
                         period->month + period->n_months - 1);
  for (int i = 0; i < SALES_KPI_FORECAST_MONTHS; i++)
    sales_kpi_period_offset (&last_month, i + 1, &job->forecast[i]);

  job->stages = g_array_new (FALSE, TRUE, sizeof (SalesKpiStage));
  g_array_set_clear_func (job->stages, kpi_stage_clear);
  job->stage_rank = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  job->stage_info = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  job->stage_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, sums_free);

  /* Local midnights of P's days: a follow-up is on time when done before the midnight that
   * ends its due day, whatever the length of the days around a clock change. */
  job->day_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  {
    g_autoptr(GDateTime) day = g_date_time_new_local (period->year, period->month, 1, 0, 0, 0);

    /* Adding days keeps local midnight across a change of the clocks. */
    while (g_date_time_to_unix (day) < period->end)
      {
        gint64 t = g_date_time_to_unix (day);
        GDateTime *next = g_date_time_add_days (day, 1);

        g_array_append_val (job->day_starts, t);
        g_date_time_unref (day);
        day = next;
      }
    g_array_append_val (job->day_starts, period->end);
  }
}

static gboolean
rep_exists (SalesDb  *db,
            gint64    rep_id,
            GError  **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, "SELECT 1 FROM rep WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rep_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND,
               /* TRANSLATORS: %lld is the id of a sales rep given with --rep */
               _("There is no sales rep with the id %lld"), (long long)rep_id);
  return FALSE;
}

static SalesKpi *
compute (SalesDb               *db,
         const SalesKpiPeriod  *period,
         gint64                 rep_id,
         const SalesKpiOptions *options,
         gboolean               direct,
         GError               **error)
{
  g_auto(SalesKpiJob) job = { 0 };
  g_autoptr(SalesKpi) self = NULL;
  g_autoptr(GHashTable) rep_names = NULL;
  g_autoptr(GHashTable) reason_names = NULL;
  SalesKpiSums *team = NULL;
  gboolean own_transaction;
  guint churn_days = options != NULL && options->churn_days > 0
                     ? options->churn_days : SALES_KPI_DEFAULT_CHURN_DAYS;
  GHashTableIter iter;
  gpointer value;

  if (rep_id != 0 && !rep_exists (db, rep_id, error))
    return NULL;

  job_init (&job, db, period, churn_days, direct);
  if (!read_stages (&job, error))
    return NULL;
  rep_names = read_names (db, "SELECT id, name FROM rep", error);
  if (rep_names == NULL)
    return NULL;
  reason_names = read_names (db, "SELECT id, name FROM lost_reason", error);
  if (reason_names == NULL)
    return NULL;

  /* One read transaction: every figure sees the same state of the file. */
  own_transaction = sqlite3_get_autocommit (sales_db_get_handle (db));
  if (own_transaction && !sales_db_exec (db, "BEGIN", error))
    return NULL;
  if (!sales_kpi_query_closed (&job, error) ||
      !sales_kpi_query_created (&job, error) ||
      !sales_kpi_query_open (&job, error) ||
      !sales_kpi_query_activities (&job, error) ||
      !sales_kpi_query_payments (&job, error) ||
      !sales_kpi_query_churn (&job, error) ||
      !sales_kpi_query_trend (&job, error))
    {
      if (own_transaction)
        sales_db_exec (db, "ROLLBACK", NULL);
      return NULL;
    }

  self = g_new0 (SalesKpi, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->period = *period;
  self->rep_id = rep_id;
  self->churn_days = churn_days;
  self->by_rep = g_ptr_array_new_with_free_func ((GDestroyNotify)sales_kpi_figures_free);

  team = sums_new (0, job.stages->len);
  g_hash_table_iter_init (&iter, job.sums);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SalesKpiSums *sums = value;

      if (rep_id == 0 || sums->owner_id == rep_id)
        sums_merge (team, sums, job.stages->len);
    }
  self->figures = figures_new (&job, team, reason_names);
  self->figures->rep_id = rep_id;
  self->figures->rep_name = g_strdup (g_hash_table_lookup (rep_names, &rep_id));
  if (!set_targets (&job, self->figures, error))
    goto failed;

  g_hash_table_iter_init (&iter, rep_names);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      gint64 id = *(gint64 *)value;
      SalesKpiSums *sums;
      SalesKpiSums *empty = NULL;
      SalesKpiFigures *f;

      if (rep_id != 0 && id != rep_id)
        continue;
      sums = g_hash_table_lookup (job.sums, &id);
      if (sums == NULL)
        sums = empty = sums_new (id, job.stages->len);
      f = figures_new (&job, sums, reason_names);
      g_clear_pointer (&empty, sums_free);
      f->rep_id = id;
      f->rep_name = g_strdup (g_hash_table_lookup (rep_names, &id));
      g_ptr_array_add (self->by_rep, f);
      if (!set_targets (&job, f, error))
        goto failed;
    }
  g_ptr_array_sort (self->by_rep, compare_reps);

  self->trend = g_array_sized_new (FALSE, TRUE, sizeof (SalesKpiTrendPoint),
                                   SALES_KPI_TREND_PERIODS);
  for (guint i = 0; i < SALES_KPI_TREND_PERIODS; i++)
    {
      SalesKpiTrendPoint point = { job.trend[i], team->trend_won[i], 0 };
      gint64 stretch, new_customers;

      if (!sales_kpi_query_targets (db, &job.trend[i], rep_id, &point.target_amount,
                                    &stretch, &new_customers, error))
        goto failed;
      g_array_append_val (self->trend, point);
    }

  self->forecast = g_array_sized_new (FALSE, TRUE, sizeof (SalesKpiForecastMonth),
                                      SALES_KPI_FORECAST_MONTHS);
  for (guint i = 0; i < SALES_KPI_FORECAST_MONTHS; i++)
    {
      SalesKpiForecastMonth month = { { 0 }, team->forecast_open[i],
                                      round_x100 (team->forecast_weighted_x100[i]) };

      g_snprintf (month.month, sizeof month.month, "%04d-%02d", job.forecast[i].year,
                  job.forecast[i].month);
      g_array_append_val (self->forecast, month);
    }

  if (own_transaction)
    sales_db_exec (db, "COMMIT", NULL);
  sums_free (team);
  return g_steal_pointer (&self);

failed:
  if (own_transaction)
    sales_db_exec (db, "ROLLBACK", NULL);
  g_clear_pointer (&team, sums_free);
  return NULL;
}

SalesKpi *
sales_kpi_compute (SalesDb               *db,
                   const SalesKpiPeriod  *period,
                   gint64                 rep_id,
                   const SalesKpiOptions *options,
                   GError               **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute (db, period, rep_id, options, FALSE, error);
}

SalesKpi *
sales_kpi_compute_direct (SalesDb               *db,
                          const SalesKpiPeriod  *period,
                          gint64                 rep_id,
                          const SalesKpiOptions *options,
                          GError               **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (period != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compute (db, period, rep_id, options, TRUE, error);
}

gboolean
sales_kpi_prepare_connection (SalesDb  *db,
                              GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);

  return sales_db_exec (db, "PRAGMA mmap_size = 1073741824", error) &&
         sales_db_exec (db, "PRAGMA cache_size = -65536", error);
}

SalesKpi *
sales_kpi_compute_for_path (const char            *path,
                            const SalesKpiPeriod  *period,
                            gint64                 rep_id,
                            const SalesKpiOptions *options,
                            GError               **error)
{
  g_autoptr(SalesDb) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* Opening creates a missing file; a figure of nothing is an error, not an empty file. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OPEN,
                   /* TRANSLATORS: %s is a file name */
                   _("There is no database at %s"), path);
      return NULL;
    }

  db = sales_db_open (path, error);
  if (db == NULL || !sales_kpi_prepare_connection (db, error))
    return NULL;
  return sales_kpi_compute (db, period, rep_id, options, error);
}
