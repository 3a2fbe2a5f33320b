/* sales-kpi-private.h: what the files of the key figures share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-kpi.h"

G_BEGIN_DECLS

/* The open stages in position order, read once per computation. */
typedef struct
{
  gint64 id;
  char  *name;
  int    position;
} SalesKpiStage;

/* The raw sums behind every figure of one owner (a rep, or 0 for rows with no owner),
 * added up over owners for the team; rates are divided out only at the end. */
typedef struct
{
  gint64      owner_id;

  gint64      won_amount;
  gint64      won_count;
  gint64      lost_count;
  gint64      won_cycle_seconds;
  gint64      new_deals;
  gint64      new_customers;
  gint64      open_amount;
  gint64      weighted_open_x100;  /* Σ amount_cents × probability (percent) */
  gint64     *reach;               /* [n_open + 1]: deals whose furthest stage had this rank,
                                    * n_open meaning won */
  gint64      funnel_won;
  gint64      activities_done;
  gint64      due;
  gint64      due_on_time;
  gint64      satisfaction_sum;
  gint64      satisfaction_count;
  gint64      collected;
  gint64      overdue;
  gint64      collection_days;
  gint64      collection_count;
  gint64      churn_base;
  gint64      churn_lost;
  GHashTable *sources;             /* source or "" -> SalesKpiSource */
  GHashTable *reasons;             /* lost_reason_id -> gint64 count */
  gint64      trend_won[SALES_KPI_TREND_PERIODS];
  gint64      forecast_open[SALES_KPI_FORECAST_MONTHS];
  gint64      forecast_weighted_x100[SALES_KPI_FORECAST_MONTHS];
} SalesKpiSums;

/* One computation: the period, what it needs from the database, and the sums per owner. */
typedef struct
{
  SalesDb        *db;
  SalesKpiPeriod  period;
  guint           churn_days;
  SalesKpiPeriod  trend[SALES_KPI_TREND_PERIODS];
  SalesKpiPeriod  forecast[SALES_KPI_FORECAST_MONTHS];
  GArray         *stages;          /* SalesKpiStage, open stages in order */
  GHashTable     *stage_rank;      /* stage id -> rank + 1 (open stages), n_open + 1 (won) */
  GHashTable     *sums;            /* owner id -> SalesKpiSums */
  GArray         *day_starts;      /* gint64: local midnights of P's days, and P's end */
} SalesKpiJob;

SalesKpiSums *sales_kpi_job_sums      (SalesKpiJob   *job,
                                       gint64         owner_id);
void          sales_kpi_sums_add_source (SalesKpiSums *sums,
                                       const char    *source,
                                       gint64         won_amount,
                                       gint64         won_count);

/* sales-kpi-queries.c: each fills its part of the sums of every owner. */
gboolean      sales_kpi_query_closed      (SalesKpiJob  *job,
                                           GError      **error);
gboolean      sales_kpi_query_created     (SalesKpiJob  *job,
                                           GError      **error);
gboolean      sales_kpi_query_open        (SalesKpiJob  *job,
                                           GError      **error);
gboolean      sales_kpi_query_activities  (SalesKpiJob  *job,
                                           GError      **error);
gboolean      sales_kpi_query_payments    (SalesKpiJob  *job,
                                           GError      **error);
gboolean      sales_kpi_query_churn       (SalesKpiJob  *job,
                                           GError      **error);
gboolean      sales_kpi_query_trend       (SalesKpiJob  *job,
                                           GError      **error);

/* The target rows of the months of @period: of @rep_id, or of the team (0) month by month,
 * each month the team's row or else the sum of the reps' rows. */
gboolean      sales_kpi_query_targets     (SalesDb              *db,
                                           const SalesKpiPeriod *period,
                                           gint64                rep_id,
                                           gint64               *amount,
                                           gint64               *stretch,
                                           gint64               *new_customers,
                                           GError              **error);

G_END_DECLS
