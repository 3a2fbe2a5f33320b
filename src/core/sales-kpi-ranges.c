/* sales-kpi-ranges.c: a period cut into the buckets of the derived sums, and read
 *
 * The sums of sales-kpi-summary.c are kept per UTC day and per 8, 64 and 512 days. A local
 * period [start, end) is read as the whole UTC days inside it, covered by as few aligned
 * buckets as possible (at most seven runs of one level: a year is a few dozen buckets), and
 * the hours before the first whole day and after the last, which are read from the
 * documented tables with the same query as when there are no sums (job->direct). So the
 * figures do not depend on the zone the sums were written in, and are the same either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "sales-kpi-private.h"

#define DAY_SECONDS 86400

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Whole days [d0, d1), d0 ≥ 1 (day 0 and before may mix in the days of times before 1970,
 * which integer division rounds towards zero), as runs of aligned buckets. */
static void
split_days (gint64         d0,
            gint64         d1,
            SalesKpiSplit *split)
{
  while (d0 < d1)
    {
      int lv = SALES_KPI_LEVELS - 1;
      SalesKpiBuckets *last = split->n_buckets > 0 ? &split->buckets[split->n_buckets - 1]
                                                   : NULL;
      gint64 b;

      while (lv > 0 && ((d0 & ((G_GINT64_CONSTANT (1) << (3 * lv)) - 1)) != 0 ||
                        d0 + (G_GINT64_CONSTANT (1) << (3 * lv)) > d1))
        lv--;
      b = d0 >> (3 * lv);
      if (last != NULL && last->lv == lv && last->hi == b)
        last->hi = b + 1;
      else
        {
          g_assert (split->n_buckets < G_N_ELEMENTS (split->buckets));
          split->buckets[split->n_buckets++] = (SalesKpiBuckets) { lv, b, b + 1 };
        }
      d0 += G_GINT64_CONSTANT (1) << (3 * lv);
    }
}

static void
add_raw (SalesKpiSplit *split,
         gint64         start,
         gint64         end)
{
  if (start >= end)
    return;
  split->raw[split->n_raw][0] = start;
  split->raw[split->n_raw][1] = end;
  split->n_raw++;
}

void
sales_kpi_split_time (SalesKpiJob   *job,
                      gint64         start,
                      gint64         end,
                      SalesKpiSplit *split)
{
  gint64 d0 = MAX (floor_div (start + DAY_SECONDS - 1, DAY_SECONDS), 1);
  gint64 d1 = floor_div (end, DAY_SECONDS);

  *split = (SalesKpiSplit) { 0 };
  if (job->direct || d0 >= d1)
    {
      add_raw (split, start, end);
      return;
    }
  add_raw (split, start, d0 * DAY_SECONDS);
  split_days (d0, d1, split);
  split->days[0] = d0 * DAY_SECONDS;
  split->days[1] = d1 * DAY_SECONDS;
  add_raw (split, d1 * DAY_SECONDS, end);
}

gint64
sales_kpi_day_of_date (const char *date)
{
  g_autoptr(GDateTime) dt = NULL;
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return 0;
  dt = g_date_time_new_utc (year, month, day, 0, 0, 0);
  return dt != NULL ? floor_div (g_date_time_to_unix (dt), DAY_SECONDS) : 0;
}

gboolean
sales_kpi_split_dates (SalesKpiJob   *job,
                       const char    *first_day,
                       const char    *last_day,
                       SalesKpiSplit *split)
{
  gint64 d0 = sales_kpi_day_of_date (first_day);
  gint64 d1 = sales_kpi_day_of_date (last_day) + 1;

  *split = (SalesKpiSplit) { 0 };
  if (job->direct || d0 < 1)
    return FALSE;
  split_days (d0, d1, split);
  return TRUE;
}

gboolean
sales_kpi_split_until (SalesKpiJob   *job,
                       const char    *last_day,
                       SalesKpiSplit *split)
{
  gint64 d1 = sales_kpi_day_of_date (last_day) + 1;

  *split = (SalesKpiSplit) { 0 };
  if (job->direct)
    return FALSE;
  /* Days of dates are exact before 1970 too: everything up to day 0 is one run. */
  split->buckets[split->n_buckets++] = (SalesKpiBuckets) { 0, G_MININT64, MIN (d1, 1) };
  split_days (1, d1, split);
  return TRUE;
}

gboolean
sales_kpi_read_split (SalesKpiJob          *job,
                      const SalesKpiSplit  *split,
                      const char           *raw_sql,
                      SalesKpiRowFunc       raw_row,
                      const char           *sum_sql,
                      SalesKpiRowFunc       sum_row,
                      gpointer              data,
                      GError              **error)
{
  for (guint i = 0; i < split->n_raw + split->n_buckets; i++)
    {
      gboolean raw = i < split->n_raw;
      sqlite3_stmt *stmt = sales_db_prepare (job->db, raw ? raw_sql : sum_sql, error);
      SalesKpiRowFunc row = raw ? raw_row : sum_row;
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (raw)
        {
          sqlite3_bind_int64 (stmt, 1, split->raw[i][0]);
          sqlite3_bind_int64 (stmt, 2, split->raw[i][1]);
        }
      else
        {
          const SalesKpiBuckets *b = &split->buckets[i - split->n_raw];

          sqlite3_bind_int (stmt, 1, b->lv);
          sqlite3_bind_int64 (stmt, 2, b->lo);
          sqlite3_bind_int64 (stmt, 3, b->hi);
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        row (job, stmt, data);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (job->db, rc, error);
    }
  return TRUE;
}
