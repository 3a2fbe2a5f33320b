/* sales-kpi-queries.c: the SQL behind the key figures
 *
 * The figures of a period come from the derived sums of sales-kpi-summary.c, cut into
 * buckets by sales-kpi-ranges.c, and from the documented tables for the hours at either end
 * of the period that no whole UTC day covers; with job->direct, from the documented tables
 * alone, with the same queries over the whole period (the tests compare the two). Each query
 * reads one range of one index (see README, "Performance", for the plans) and groups by
 * owner; sales-kpi.c adds the owners up for the team. Which owner a row counts
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

static const SalesKpiStageInfo *
stage_info (SalesKpiJob *job,
            gint64       stage_id)
{
  return g_hash_table_lookup (job->stage_info, &stage_id);
}

/* A row of closed deals: owner, stage, lost reason, customer source, count, amount and
 * Σ(closed_at − created_at); into the figures of P, or into trend period *slot. */
static void
closed_row (SalesKpiJob  *job,
            sqlite3_stmt *stmt,
            gpointer      data)
{
  const int *slot = data;
  const SalesKpiStageInfo *stage = stage_info (job, sqlite3_column_int64 (stmt, 1));
  SalesKpiSums *sums;
  gint64 count = sqlite3_column_int64 (stmt, 4);
  gint64 amount = sqlite3_column_int64 (stmt, 5);

  if (stage == NULL || stage->kind == 'o' || count == 0)
    return;
  sums = sales_kpi_job_sums (job, column_owner (stmt, 0));
  if (slot != NULL)
    {
      if (stage->kind == 'w')
        sums->trend_won[*slot] += amount;
      return;
    }

  if (stage->kind == 'w')
    {
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

static gboolean
read_closed (SalesKpiJob  *job,
             gint64        start,
             gint64        end,
             int          *slot,
             GError      **error)
{
  SalesKpiSplit split;

  sales_kpi_split_time (job, start, end, &split);
  /* The trend needs no source: the index alone, without a customer per deal. */
  return sales_kpi_read_split (job, &split,
                               slot != NULL
                               ? "SELECT owner_id, stage_id, NULL, NULL, 1, amount_cents, 0"
                                 "  FROM deal WHERE closed_at >= ?1 AND closed_at < ?2"
                               : "SELECT d.owner_id, d.stage_id, d.lost_reason_id, cu.source, 1,"
                                 "       d.amount_cents, d.closed_at - d.created_at"
                                 "  FROM deal d LEFT JOIN customer cu ON cu.id = d.customer_id"
                                 " WHERE d.closed_at >= ?1 AND d.closed_at < ?2",
                               closed_row,
                               "SELECT owner_id, stage_id, reason_id, source, n, amount, cycle"
                               "  FROM kpi_closed_sum"
                               " WHERE lv = ?1 AND bucket >= ?2 AND bucket < ?3",
                               closed_row, slot, error);
}

/* Deals closed in P: won and lost counts, won amount and cycle, by source and by reason. */
gboolean
sales_kpi_query_closed (SalesKpiJob  *job,
                        GError      **error)
{
  return read_closed (job, job->period.start, job->period.end, NULL, error);
}

/* Deals created, with the stages they have been in ("1,2,6", in any order, maybe repeated):
 * the furthest of them in the present order of the stages, lost ones not counting. */
static void
created_row (SalesKpiJob  *job,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  const char *stages = (const char *)sqlite3_column_text (stmt, 1);
  gint64 count = sqlite3_column_int64 (stmt, 2);
  gpointer cached = NULL;
  gint64 rank = 0;
  SalesKpiSums *sums;

  /* The sums hold a few dozen sets of stages, each in many rows. */
  if (stages != NULL && g_hash_table_lookup_extended (job->stage_sets, stages, NULL, &cached))
    rank = GPOINTER_TO_INT (cached);
  else if (stages != NULL)
    {
      const char *p = stages;

      while (*p != '\0')
        {
          char *next;
          gint64 id = g_ascii_strtoll (p, &next, 10);

          if (next == p)
            break;
          rank = MAX (rank, GPOINTER_TO_INT (g_hash_table_lookup (job->stage_rank, &id)));
          p = *next == ',' ? next + 1 : next;
        }
      g_hash_table_insert (job->stage_sets, g_strdup (stages), GINT_TO_POINTER (rank));
    }
  sums = sales_kpi_job_sums (job, column_owner (stmt, 0));
  sums->new_deals += count;
  if (rank >= 1 && rank <= job->stages->len + 1)
    sums->reach[rank - 1] += count;
}

/* Deals and customers created in P, and how far each of those deals has got. */
gboolean
sales_kpi_query_created (SalesKpiJob  *job,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  SalesKpiSplit split;
  int rc;

  sales_kpi_split_time (job, job->period.start, job->period.end, &split);
  if (!sales_kpi_read_split (job, &split,
                             "SELECT d.owner_id,"
                             "       (SELECT group_concat(h.to_stage_id) FROM deal_stage_history h"
                             "         WHERE h.deal_id = d.id), 1"
                             "  FROM deal d"
                             " WHERE d.created_at >= ?1 AND d.created_at < ?2",
                             created_row,
                             "SELECT owner_id, stages, n FROM kpi_created_sum"
                             " WHERE lv = ?1 AND bucket >= ?2 AND bucket < ?3 AND n <> 0",
                             created_row, NULL, error))
    return FALSE;

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

/* Follow-ups done: owner, count, count and sum of the satisfaction of service ones. */
static void
done_row (SalesKpiJob  *job,
          sqlite3_stmt *stmt,
          gpointer      data)
{
  SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));

  sums->activities_done += sqlite3_column_int64 (stmt, 1);
  sums->satisfaction_count += sqlite3_column_int64 (stmt, 2);
  sums->satisfaction_sum += sqlite3_column_int64 (stmt, 3);
}

/* A follow-up due in P: on time when done before the local midnight that ends its due day.
 * @data: TRUE for the rows whose count the sums already hold. */
static void
due_row (SalesKpiJob  *job,
         sqlite3_stmt *stmt,
         gpointer      data)
{
  SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));
  guint day = day_of_period (job, sqlite3_column_int64 (stmt, 1));
  gint64 day_end = g_array_index (job->day_starts, gint64, day + 1);

  if (data == NULL)
    sums->due++;
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL && sqlite3_column_int64 (stmt, 2) < day_end)
    sums->due_on_time++;
}

static void
due_sum_row (SalesKpiJob  *job,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));

  sums->due += sqlite3_column_int64 (stmt, 1);
  sums->due_on_time += sqlite3_column_int64 (stmt, 2);
}

/* Follow-ups done in P (and the satisfaction of service ones), and the timeliness of the
 * follow-ups due in P. */
gboolean
sales_kpi_query_activities (SalesKpiJob  *job,
                            GError      **error)
{
  SalesKpiSplit split;
  sqlite3_stmt *stmt;
  int rc;

  sales_kpi_split_time (job, job->period.start, job->period.end, &split);
  if (!sales_kpi_read_split (job, &split,
                             "SELECT owner_id, 1, kind = 'service' AND satisfaction IS NOT NULL,"
                             "       CASE WHEN kind = 'service' THEN coalesce(satisfaction, 0)"
                             "            ELSE 0 END"
                             "  FROM activity"
                             " WHERE done_at >= ?1 AND done_at < ?2",
                             done_row,
                             "SELECT owner_id, n, sat_n, sat_sum FROM kpi_activity_sum"
                             " WHERE lv = ?1 AND bucket >= ?2 AND bucket < ?3",
                             done_row, NULL, error))
    return FALSE;

  if (!sales_kpi_read_split (job, &split,
                             "SELECT owner_id, due_at, done_at FROM activity"
                             " WHERE due_at >= ?1 AND due_at < ?2",
                             due_row,
                             "SELECT owner_id, n, on_time FROM kpi_due_sum"
                             " WHERE lv = ?1 AND bucket >= ?2 AND bucket < ?3",
                             due_sum_row, NULL, error))
    return FALSE;

  /* The follow-ups of the whole days in the sums, where the time of day decides. */
  if (split.n_buckets == 0)
    return TRUE;
  stmt = sales_db_prepare (job->db,
                           "SELECT owner_id, due_at, done_at FROM activity"
                           " WHERE due_at >= ?1 AND due_at < ?2"
                           "   AND done_at > due_at AND done_at <= due_at + 172800",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, split.days[0]);
  sqlite3_bind_int64 (stmt, 2, split.days[1]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    due_row (job, stmt, GINT_TO_POINTER (TRUE));
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

static void
collected_row (SalesKpiJob  *job,
               sqlite3_stmt *stmt,
               gpointer      data)
{
  sales_kpi_job_sums (job, column_owner (stmt, 0))->collected += sqlite3_column_int64 (stmt, 1);
}

static void
overdue_row (SalesKpiJob  *job,
             sqlite3_stmt *stmt,
             gpointer      data)
{
  sales_kpi_job_sums (job, column_owner (stmt, 0))->overdue += sqlite3_column_int64 (stmt, 1);
}

/* The same three from the derived sums: payments per day, the changes of each contract's
 * overdue amount per day (added up to the end of P), and each contract's day of full
 * payment. */
static gboolean
payments_from_sums (SalesKpiJob          *job,
                    const SalesKpiSplit  *days,
                    GError              **error)
{
  SalesKpiSplit until;
  sqlite3_stmt *stmt;
  int rc;

  if (!sales_kpi_read_split (job, days, NULL, NULL,
                             "SELECT owner_id, amount FROM kpi_payment_sum"
                             " WHERE lv = ?1 AND bucket >= ?2 AND bucket < ?3",
                             collected_row, NULL, error))
    return FALSE;

  sales_kpi_split_until (job, job->period.last_day, &until);
  if (!sales_kpi_read_split (job, &until, NULL, NULL,
                             "SELECT owner_id, delta FROM kpi_overdue_sum"
                             " WHERE lv = ?1 AND bucket >= ?2 AND bucket < ?3",
                             overdue_row, NULL, error))
    return FALSE;

  stmt = sales_db_prepare (job->db,
                           "SELECT owner_id, days FROM kpi_contract"
                           " WHERE full_day >= ?1 AND full_day < ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sales_kpi_day_of_date (job->period.first_day));
  sqlite3_bind_int64 (stmt, 2, sales_kpi_day_of_date (job->period.last_day) + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesKpiSums *sums = sales_kpi_job_sums (job, column_owner (stmt, 0));

      sums->collection_days += sqlite3_column_int64 (stmt, 1);
      sums->collection_count++;
    }
  return finish (job, stmt, rc, error);
}

/* Payments received in P; what is overdue at the end of P, contract by contract (instalments
 * due by then minus payments received by then, when positive); and the days from signing to
 * full payment of the contracts whose payments reached their amount in P. */
gboolean
sales_kpi_query_payments (SalesKpiJob  *job,
                          GError      **error)
{
  SalesKpiSplit days;
  sqlite3_stmt *stmt;
  int rc;

  if (sales_kpi_split_dates (job, job->period.first_day, job->period.last_day, &days))
    return payments_from_sums (job, &days, error);

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

/* Churn from kpi_customer: a customer last touched before the window was not touched in
 * it, one last touched inside it was; only those touched since the end of P are looked
 * up in the follow-ups and deals, as the direct query does for every customer. Read in
 * customer order (the unary +), those lookups walk the indexes on customer_id in order
 * instead of jumping about them: half the time. */
static gboolean
churn_from_sums (SalesKpiJob  *job,
                 gint64        from,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  SalesKpiSums *sums = NULL;
  gint64 owner = -1;
  int rc;

  stmt = sales_db_prepare (job->db,
                           "SELECT k.owner_id,"
                           "       CASE WHEN k.last_touch_at < ?2 THEN 1"
                           "            WHEN k.last_touch_at < ?3 THEN 0"
                           "            WHEN NOT EXISTS (SELECT 1 FROM activity a"
                           "                              WHERE a.customer_id = k.customer_id"
                           "                                AND a.done_at >= ?2"
                           "                                AND a.done_at < ?3)"
                           "             AND NOT EXISTS (SELECT 1 FROM deal n"
                           "                              WHERE n.customer_id = k.customer_id"
                           "                                AND n.created_at >= ?2"
                           "                                AND n.created_at < ?3)"
                           "             AND NOT EXISTS (SELECT 1 FROM deal n"
                           "                              WHERE n.customer_id = k.customer_id"
                           "                                AND n.closed_at >= ?2"
                           "                                AND n.closed_at < ?3) THEN 1"
                           "            ELSE 0 END"
                           "  FROM kpi_customer k"
                           " WHERE +k.first_won_at < ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->period.start);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, job->period.end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_owner = sqlite3_column_int64 (stmt, 0);

      if (sums == NULL || row_owner != owner)
        {
          owner = row_owner;
          sums = sales_kpi_job_sums (job, owner);
        }
      sums->churn_base++;
      sums->churn_lost += sqlite3_column_int64 (stmt, 1);
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

  if (!job->direct)
    return churn_from_sums (job, g_date_time_to_unix (from), error);

  /* The unary + on stage_id keeps the planner from reading every deal of the won stage
   * through deal_stage_position instead of the time range of deal_closed_kpi. */
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

/* Won amounts of the 12 periods ending with P, by period and owner. */
gboolean
sales_kpi_query_trend (SalesKpiJob  *job,
                       GError      **error)
{
  for (int i = 0; i < SALES_KPI_TREND_PERIODS; i++)
    {
      gint64 end = i + 1 < SALES_KPI_TREND_PERIODS ? job->trend[i + 1].start : job->period.end;

      if (!read_closed (job, job->trend[i].start, end, &i, error))
        return FALSE;
    }
  return TRUE;
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
