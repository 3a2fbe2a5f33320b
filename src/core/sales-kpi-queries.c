/* sales-kpi-queries.c: the SQL behind the key figures
 *
 * Each query reads one range of one index (see README, "Performance", for the plans) and
 * groups by owner; sales-kpi.c adds the owners up for the team. Which owner a row counts
 * for: a deal's owner_id, a customer's owner_id (new customers, churn), a follow-up's
 * owner_id, and for a contract's instalments and payments the owner of its customer (as in
 * sales-collections.c, whose per-owner sums these agree with).
 *
 * Periods are [start, end) in Unix seconds for timestamps, and [first_day, last_day] as text
 * for the TEXT dates (received_on, due_on, expected_close), which compare in date order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sales-kpi-private.h"

static gint64
column_owner (sqlite3_stmt *stmt,
              int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt,
                                                                                     column);
}

static gboolean
finish (SalesKpiJob   *job,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (job->db, rc, error);
  return TRUE;
}

/* Deals closed in P: won and lost counts, won amount and cycle, by source and by reason. */
gboolean
sales_kpi_query_closed (SalesKpiJob  *job,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (job->db,
                           "SELECT d.owner_id, s.kind, d.lost_reason_id, cu.source, count(*),"
                           "       sum(d.amount_cents), sum(d.closed_at - d.created_at)"
                           "  FROM deal d"
                           "  JOIN stage s ON s.id = d.stage_id"
                           "  LEFT JOIN customer cu ON s.kind = 'won' AND cu.id = d.customer_id"
                           " WHERE d.closed_at >= ?1 AND d.closed_at < ?2 AND s.kind <> 'open'"
                           " GROUP BY d.owner_id, s.kind, d.lost_reason_id, cu.source",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, job->period.end);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));
      const char *kind = (const char *)sqlite3_column_text (stmt, 1);
      gint64 count = sqlite3_column_int64 (stmt, 4);

      if (g_strcmp0 (kind, "won") == 0)
        {
          gint64 amount = sqlite3_column_int64 (stmt, 5);

          sums->won_count += count;
          sums->won_amount += amount;
          sums->won_cycle_seconds += sqlite3_column_int64 (stmt, 6);
          sales_kpi_sums_add_source (sums, (const char *)sqlite3_column_text (stmt, 3),
                                     amount, count);
        }
      else
        {
          gint64 reason = column_owner (stmt, 2);
          gint64 *n = g_hash_table_lookup (sums->reasons, &reason);

          sums->lost_count += count;
          if (n == NULL)
            {
              n = g_new0 (gint64, 1);
              g_hash_table_insert (sums->reasons, g_memdup2 (&reason, sizeof reason), n);
            }
          *n += count;
        }
    }
  return finish (job, stmt, rc, error);
}

/* The funnel's rank of each stage, as SQL: open stages 1…n in order, won stages n + 1,
 * lost ones NULL (max() skips them). Built from the job's stages, integers only. */
static char *
rank_case (SalesKpiJob *job)
{
  GString *sql = g_string_new ("CASE h.to_stage_id");
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, job->stage_rank);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_string_append_printf (sql, " WHEN %" G_GINT64_FORMAT " THEN %d", *(gint64 *)key,
                            GPOINTER_TO_INT (value));
  g_string_append (sql, " END");
  return g_string_free (sql, FALSE);
}

/* Deals and customers created in P, and how far each of those deals has got. */
gboolean
sales_kpi_query_created (SalesKpiJob  *job,
                         GError      **error)
{
  g_autofree char *ranks = rank_case (job);
  g_autofree char *sql = NULL;
  sqlite3 *handle = sales_db_get_handle (job->db);
  sqlite3_stmt *stmt = NULL;
  guint n_open = job->stages->len;
  SalesKpiSums *sums = NULL;
  gint64 owner = -1;
  int rc;

  if (g_hash_table_size (job->stage_rank) == 0)
    ranks = g_strdup ("NULL");
  /* Added up here rather than with GROUP BY, which would sort the rows and evaluate the
   * subquery a second time for the sort key. */
  sql = g_strdup_printf ("SELECT d.owner_id,"
                         "       (SELECT max(%s) FROM deal_stage_history h"
                         "         WHERE h.deal_id = d.id)"
                         "  FROM deal d"
                         " WHERE d.created_at >= ?1 AND d.created_at < ?2", ranks);
  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sales_db_set_error (job->db, rc, error);
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, job->period.end);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_owner = column_owner (stmt, 0);
      gint64 rank = sqlite3_column_int64 (stmt, 1);

      if (sums == NULL || row_owner != owner)
        {
          owner = row_owner;
          sums = sales_kpi_job_sums (job, owner);
        }
      sums->new_deals++;
      if (rank >= 1 && rank <= n_open + 1)
        sums->reach[rank - 1]++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (job->db, rc, error);

  stmt = sales_db_prepare (job->db,
                           "SELECT owner_id, count(*) FROM customer"
                           " WHERE created_at >= ?1 AND created_at < ?2"
                           " GROUP BY owner_id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, job->period.end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sales_kpi_job_sums (job, column_owner (stmt, 0))->new_customers +=
      sqlite3_column_int64 (stmt, 1);
  return finish (job, stmt, rc, error);
}

/* Deals open at the end of P and the months they are expected to close in.
 *
 * Open then: created before the end, not closed before it (closed_at is the last closing;
 * a reopened deal has none), and in an open stage then. A deal that has not changed stage
 * since the end is still in the stage it was in; only the others, closed or moved later,
 * look up the last history row before the end: a deal lost before the end and reopened
 * after it was not open then. */
gboolean
sales_kpi_query_open (SalesKpiJob  *job,
                      GError      **error)
{
  SalesKpiSums *sums = NULL;
  gint64 owner = -1;
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (job->db,
                           "WITH c (owner_id, stage_id, expected_close, amount_cents) AS ("
                           "  SELECT owner_id, stage_id, expected_close, amount_cents"
                           "    FROM deal"
                           "   WHERE closed_at IS NULL AND created_at < ?1"
                           "     AND stage_changed_at < ?1"
                           "  UNION ALL"
                           "  SELECT d.owner_id,"
                           "         (SELECT h.to_stage_id FROM deal_stage_history h"
                           "           WHERE h.deal_id = d.id AND h.changed_at < ?1"
                           "           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1),"
                           "         d.expected_close, d.amount_cents"
                           "    FROM deal d"
                           "   WHERE d.closed_at IS NULL AND d.created_at < ?1"
                           "     AND d.stage_changed_at >= ?1"
                           "  UNION ALL"
                           "  SELECT d.owner_id,"
                           "         (SELECT h.to_stage_id FROM deal_stage_history h"
                           "           WHERE h.deal_id = d.id AND h.changed_at < ?1"
                           "           ORDER BY h.changed_at DESC, h.id DESC LIMIT 1),"
                           "         d.expected_close, d.amount_cents"
                           "    FROM deal d"
                           "   WHERE d.closed_at >= ?1 AND d.created_at < ?1"
                           ")"
                           "SELECT c.owner_id,"
                           "       CASE WHEN c.expected_close BETWEEN ?2 AND ?3"
                           "            THEN substr(c.expected_close, 1, 7) END,"
                           "       c.amount_cents, c.amount_cents * s.probability"
                           "  FROM c JOIN stage s ON s.id = c.stage_id"
                           " WHERE s.kind = 'open'",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.end);
  sqlite3_bind_text (stmt, 2, job->forecast[0].first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, job->forecast[SALES_KPI_FORECAST_MONTHS - 1].last_day, -1,
                     SQLITE_STATIC);

  /* Added up as the rows stream, like the follow-ups: a GROUP BY would sort them. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_owner = column_owner (stmt, 0);
      const char *month = (const char *)sqlite3_column_text (stmt, 1);
      gint64 amount = sqlite3_column_int64 (stmt, 2);
      gint64 weighted = sqlite3_column_int64 (stmt, 3);

      if (sums == NULL || row_owner != owner)
        {
          owner = row_owner;
          sums = sales_kpi_job_sums (job, owner);
        }
      sums->open_amount += amount;
      sums->weighted_open_x100 += weighted;
      for (guint i = 0; month != NULL && i < SALES_KPI_FORECAST_MONTHS; i++)
        {
          if (strncmp (month, job->forecast[i].first_day, 7) == 0)
            {
              sums->forecast_open[i] += amount;
              sums->forecast_weighted_x100[i] += weighted;
              break;
            }
        }
    }
  return finish (job, stmt, rc, error);
}

/* The day of P that @time falls on, by the local midnights of job->day_starts. */
static guint
day_of_period (SalesKpiJob *job,
               gint64       time)
{
  guint lo = 0;
  guint hi = job->day_starts->len - 1;

  g_assert (time >= g_array_index (job->day_starts, gint64, 0));
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (job->day_starts, gint64, mid) <= time)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Follow-ups done in P (and the satisfaction of service ones), and the timeliness of the
 * follow-ups due in P. */
gboolean
sales_kpi_query_activities (SalesKpiJob  *job,
                            GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Streamed and added up here: a GROUP BY would sort every follow-up of the period. */
  stmt = sales_db_prepare (job->db,
                           "SELECT owner_id, CASE WHEN kind = 'service' THEN satisfaction END"
                           "  FROM activity"
                           " WHERE done_at >= ?1 AND done_at < ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, job->period.end);
  {
    gint64 owner = -1;
    SalesKpiSums *sums = NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 row_owner = column_owner (stmt, 0);

        if (sums == NULL || row_owner != owner)
          {
            owner = row_owner;
            sums = sales_kpi_job_sums (job, owner);
          }
        sums->activities_done++;
        if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
          {
            sums->satisfaction_count++;
            sums->satisfaction_sum += sqlite3_column_int64 (stmt, 1);
          }
      }
  }
  if (!finish (job, stmt, rc, error))
    return FALSE;

  stmt = sales_db_prepare (job->db,
                           "SELECT owner_id, due_at, done_at FROM activity"
                           " WHERE due_at >= ?1 AND due_at < ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, job->period.end);
  {
    gint64 owner = -1;
    SalesKpiSums *sums = NULL;

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 row_owner = column_owner (stmt, 0);
        guint day = day_of_period (job, sqlite3_column_int64 (stmt, 1));
        gint64 day_end = g_array_index (job->day_starts, gint64, day + 1);

        /* Rows of one owner often follow each other: look the sums up once for them. */
        if (sums == NULL || row_owner != owner)
          {
            owner = row_owner;
            sums = sales_kpi_job_sums (job, owner);
          }
        sums->due++;
        if (sqlite3_column_type (stmt, 2) != SQLITE_NULL &&
            sqlite3_column_int64 (stmt, 2) < day_end)
          sums->due_on_time++;
      }
  }
  return finish (job, stmt, rc, error);
}

/* What is overdue at the end of P, contract by contract: two index scans in contract order,
 * instalments due by then and payments received by then, merged here. A correlated sum of
 * payments per contract cost a search per contract, three times as long. */
static gboolean
query_overdue (SalesKpiJob  *job,
               GError      **error)
{
  g_autoptr(GArray) overdue = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);
  sqlite3 *handle = sales_db_get_handle (job->db);
  sqlite3_stmt *plans = NULL;
  sqlite3_stmt *paid = NULL;
  sqlite3_stmt *owner;
  int rc;
  int rc_paid;

  rc = sqlite3_prepare_v2 (handle,
                           "SELECT contract_id, sum(amount_cents) FROM payment_plan"
                           " WHERE due_on <= ?1 GROUP BY contract_id ORDER BY contract_id",
                           -1, &plans, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (handle,
                             "SELECT contract_id, sum(amount_cents) FROM payment"
                             " WHERE received_on <= ?1 GROUP BY contract_id ORDER BY contract_id",
                             -1, &paid, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (plans);
      return sales_db_set_error (job->db, rc, error);
    }
  sqlite3_bind_text (plans, 1, job->period.last_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (paid, 1, job->period.last_day, -1, SQLITE_STATIC);

  rc_paid = sqlite3_step (paid);
  while ((rc = sqlite3_step (plans)) == SQLITE_ROW)
    {
      gint64 contract = sqlite3_column_int64 (plans, 0);
      gint64 due = sqlite3_column_int64 (plans, 1);

      while (rc_paid == SQLITE_ROW && sqlite3_column_int64 (paid, 0) < contract)
        rc_paid = sqlite3_step (paid);
      if (rc_paid == SQLITE_ROW && sqlite3_column_int64 (paid, 0) == contract)
        due -= sqlite3_column_int64 (paid, 1);
      if (due > 0)
        {
          gint64 pair[2] = { contract, due };

          g_array_append_val (overdue, pair);
        }
    }
  sqlite3_finalize (plans);
  sqlite3_finalize (paid);
  if (rc != SQLITE_DONE || (rc_paid != SQLITE_ROW && rc_paid != SQLITE_DONE))
    return sales_db_set_error (job->db, rc != SQLITE_DONE ? rc : rc_paid, error);

  owner = sales_db_prepare (job->db,
                            "SELECT cu.owner_id FROM contract c"
                            "  JOIN customer cu ON cu.id = c.customer_id WHERE c.id = ?1",
                            error);
  if (owner == NULL)
    return FALSE;
  for (guint i = 0; i < overdue->len; i++)
    {
      const gint64 *pair = &g_array_index (overdue, gint64, 2 * i);

      sqlite3_reset (owner);
      sqlite3_bind_int64 (owner, 1, pair[0]);
      rc = sqlite3_step (owner);
      if (rc == SQLITE_ROW)
        sales_kpi_job_sums (job, column_owner (owner, 0))->overdue += pair[1];
      else if (rc != SQLITE_DONE)
        return finish (job, owner, rc, error);
    }
  sqlite3_reset (owner);
  return TRUE;
}

/* Payments received in P; what is overdue at the end of P, contract by contract (instalments
 * due by then minus payments received by then, when positive); and the days from signing to
 * full payment of the contracts whose payments reached their amount in P. */
gboolean
sales_kpi_query_payments (SalesKpiJob  *job,
                          GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (job->db,
                           "SELECT cu.owner_id, sum(p.amount_cents)"
                           "  FROM payment p"
                           "  JOIN contract c ON c.id = p.contract_id"
                           "  JOIN customer cu ON cu.id = c.customer_id"
                           " WHERE p.received_on BETWEEN ?1 AND ?2"
                           " GROUP BY 1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, job->period.first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->period.last_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sales_kpi_job_sums (job, column_owner (stmt, 0))->collected += sqlite3_column_int64 (stmt,
                                                                                        1);
  if (!finish (job, stmt, rc, error))
    return FALSE;

  if (!query_overdue (job, error))
    return FALSE;

  /* Paid in full in P: less than the amount before P, at least the amount by its end. The
   * day it was reached is the first payment day by which the running total reaches it. */
  stmt = sales_db_prepare (job->db,
                           "WITH paid (contract_id) AS ("
                           "  SELECT DISTINCT contract_id FROM payment"
                           "   WHERE received_on BETWEEN ?1 AND ?2"
                           ")"
                           "SELECT cu.owner_id,"
                           "       max(0, julianday((SELECT min(p.received_on) FROM payment p"
                           "                   WHERE p.contract_id = c.id"
                           "                     AND (SELECT sum(q.amount_cents) FROM payment q"
                           "                           WHERE q.contract_id = c.id"
                           "                             AND q.received_on <= p.received_on)"
                           "                         >= c.amount_cents))"
                           "       - julianday(c.signed_on))"
                           "  FROM paid"
                           "  JOIN contract c ON c.id = paid.contract_id"
                           "  JOIN customer cu ON cu.id = c.customer_id"
                           " WHERE c.amount_cents > 0"
                           "   AND (SELECT total(p.amount_cents) FROM payment p"
                           "         WHERE p.contract_id = c.id AND p.received_on < ?1)"
                           "       < c.amount_cents"
                           "   AND (SELECT total(p.amount_cents) FROM payment p"
                           "         WHERE p.contract_id = c.id AND p.received_on <= ?2)"
                           "       >= c.amount_cents",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, job->period.first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->period.last_day, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));

      sums->collection_days += sqlite3_column_int64 (stmt, 1);
      sums->collection_count++;
    }
  return finish (job, stmt, rc, error);
}

/* Of the customers with a deal won before P, those with no follow-up done and no deal
 * created or closed in the churn window, the churn_days before the end of P. */
gboolean
sales_kpi_query_churn (SalesKpiJob  *job,
                       GError      **error)
{
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_local (job->period.end);
  g_autoptr(GDateTime) from = g_date_time_add_days (end, -(int)job->churn_days);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (job->db,
                           "SELECT cu.owner_id, count(*),"
                           "       count(CASE WHEN"
                           "         NOT EXISTS (SELECT 1 FROM activity a"
                           "                      WHERE a.customer_id = cu.id"
                           "                        AND a.done_at >= ?2 AND a.done_at < ?3)"
                           "         AND NOT EXISTS (SELECT 1 FROM deal n"
                           "                          WHERE n.customer_id = cu.id"
                           "                            AND n.created_at >= ?2"
                           "                            AND n.created_at < ?3)"
                           "         AND NOT EXISTS (SELECT 1 FROM deal n"
                           "                          WHERE n.customer_id = cu.id"
                           "                            AND n.closed_at >= ?2"
                           "                            AND n.closed_at < ?3)"
                           "         THEN 1 END)"
                           "  FROM customer cu"
                           " WHERE cu.id IN (SELECT w.customer_id FROM deal w"
                           "                  WHERE w.closed_at < ?1"
                           "                    AND +w.stage_id IN (SELECT id FROM stage"
                           "                                        WHERE kind = 'won'))"
                           " GROUP BY cu.owner_id",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, g_date_time_to_unix (from));
  sqlite3_bind_int64 (stmt, 3, job->period.end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));

      sums->churn_base += sqlite3_column_int64 (stmt, 1);
      sums->churn_lost += sqlite3_column_int64 (stmt, 2);
    }
  return finish (job, stmt, rc, error);
}

/* Won amounts of the 12 periods ending with P, by period and owner. The unary + on stage_id
 * here and in the churn query keeps the planner from reading every deal of the won stage
 * through deal_stage_position instead of the time range of deal_closed_kpi. */
gboolean
sales_kpi_query_trend (SalesKpiJob  *job,
                       GError      **error)
{
  gint64 bounds[SALES_KPI_TREND_PERIODS + 1];
  sqlite3_stmt *stmt;
  gint64 owner = -1;
  SalesKpiSums *sums = NULL;
  int rc;

  for (guint i = 0; i < SALES_KPI_TREND_PERIODS; i++)
    bounds[i] = job->trend[i].start;
  bounds[SALES_KPI_TREND_PERIODS] = job->period.end;

  stmt = sales_db_prepare (job->db,
                           "SELECT owner_id, closed_at, amount_cents FROM deal"
                           " WHERE closed_at >= ?1 AND closed_at < ?2"
                           "   AND +stage_id IN (SELECT id FROM stage WHERE kind = 'won')",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bounds[0]);
  sqlite3_bind_int64 (stmt, 2, bounds[SALES_KPI_TREND_PERIODS]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_owner = column_owner (stmt, 0);
      gint64 closed_at = sqlite3_column_int64 (stmt, 1);
      guint lo = 0;
      guint hi = SALES_KPI_TREND_PERIODS;

      if (sums == NULL || row_owner != owner)
        {
          owner = row_owner;
          sums = sales_kpi_job_sums (job, owner);
        }
      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (bounds[mid] <= closed_at)
            lo = mid;
          else
            hi = mid;
        }
      sums->trend_won[lo] += sqlite3_column_int64 (stmt, 2);
    }
  return finish (job, stmt, rc, error);
}

gboolean
sales_kpi_query_targets (SalesDb              *db,
                         const SalesKpiPeriod *period,
                         gint64                rep_id,
                         gint64               *amount,
                         gint64               *stretch,
                         gint64               *new_customers,
                         GError              **error)
{
  SalesKpiPeriod last;
  char first_month[8];
  char last_month[8];
  sqlite3_stmt *stmt;
  char current[8] = "";
  gboolean team_row = FALSE;
  int rc;

  *amount = *stretch = *new_customers = 0;
  sales_kpi_period_init (&last, SALES_KPI_MONTH, period->year,
                         period->month + period->n_months - 1);
  g_snprintf (first_month, sizeof first_month, "%04d-%02d", period->year, period->month);
  g_snprintf (last_month, sizeof last_month, "%04d-%02d", last.year, last.month);

  if (rep_id != 0)
    {
      stmt = sales_db_prepare (db,
                               "SELECT total(amount_cents), total(stretch_cents),"
                               "       total(new_customers)"
                               "  FROM target WHERE owner_id = ?1 AND month BETWEEN ?2 AND ?3",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rep_id);
      sqlite3_bind_text (stmt, 2, first_month, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, last_month, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *amount = sqlite3_column_int64 (stmt, 0);
          *stretch = sqlite3_column_int64 (stmt, 1);
          *new_customers = sqlite3_column_int64 (stmt, 2);
          rc = SQLITE_DONE;
        }
      sqlite3_reset (stmt);
      return rc == SQLITE_DONE ? TRUE : sales_db_set_error (db, rc, error);
    }

  /* Month by month: the team's row where there is one, else the sum of the reps' rows. Rows
   * come in month order, the team's row (owner_id NULL) first within a month. */
  stmt = sales_db_prepare (db,
                           "SELECT month, owner_id IS NULL, amount_cents, stretch_cents,"
                           "       new_customers"
                           "  FROM target WHERE month BETWEEN ?1 AND ?2"
                           " ORDER BY month, owner_id IS NOT NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_month, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *)sqlite3_column_text (stmt, 0);

      if (strcmp (month, current) != 0)
        {
          g_strlcpy (current, month, sizeof current);
          team_row = sqlite3_column_int (stmt, 1);
        }
      else if (team_row)
        continue;
      *amount += sqlite3_column_int64 (stmt, 2);
      *stretch += sqlite3_column_int64 (stmt, 3);
      *new_customers += sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? TRUE : sales_db_set_error (db, rc, error);
}
