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

/* What the figures need of every stage, by id. */
typedef struct
{
  char kind;         /* 'o'pen, 'w'on or 'l'ost */
  int  probability;
} SalesKpiStageInfo;

/* One computation: the period, what it needs from the database, and the sums per owner. */
typedef struct
{
  SalesDb        *db;
  gboolean        direct;          /* read the documented tables only, not the derived sums */
  SalesKpiPeriod  period;
  guint           churn_days;
  SalesKpiPeriod  trend[SALES_KPI_TREND_PERIODS];
  SalesKpiPeriod  forecast[SALES_KPI_FORECAST_MONTHS];
  GArray         *stages;          /* SalesKpiStage, open stages in order */
  GHashTable     *stage_rank;      /* stage id -> rank + 1 (open stages), n_open + 1 (won) */
  GHashTable     *stage_info;      /* stage id -> SalesKpiStageInfo */
  GHashTable     *stage_sets;      /* "1,2,6" -> furthest rank of those stages */
  GHashTable     *sums;            /* owner id -> SalesKpiSums */
  GArray         *day_starts;      /* gint64: local midnights of P's days, and P's end */
} SalesKpiJob;

SalesKpiSums *sales_kpi_job_sums      (SalesKpiJob   *job,
                                       gint64         owner_id);
void          sales_kpi_sums_add_source (SalesKpiSums *sums,
                                       const char    *source,
                                       gint64         won_amount,
                                       gint64         won_count);

/* sales-kpi-ranges.c: a span of time cut into the buckets of the derived sums (levels of
 * 1, 8, 64 and 512 UTC days) and what is left at either end, read from the documented
 * tables. */
#define SALES_KPI_LEVELS 4

typedef struct
{
  int    lv;
  gint64 lo;   /* buckets [lo, hi) of level lv */
  gint64 hi;
} SalesKpiBuckets;

typedef struct
{
  guint           n_raw;
  gint64          raw[2][2];     /* [start, end) in Unix seconds */
  guint           n_buckets;
  SalesKpiBuckets buckets[8];
  gint64          days[2];       /* [start, end) of the buckets in Unix seconds */
} SalesKpiSplit;

typedef void (*SalesKpiRowFunc) (SalesKpiJob  *job,
                                 sqlite3_stmt *stmt,
                                 gpointer      data);

void          sales_kpi_split_time        (SalesKpiJob          *job,
                                           gint64                start,
                                           gint64                end,
                                           SalesKpiSplit        *split);
/* FALSE when the sums cannot serve (job->direct, or dates before 1970-01-02). */
gboolean      sales_kpi_split_dates       (SalesKpiJob          *job,
                                           const char           *first_day,
                                           const char           *last_day,
                                           SalesKpiSplit        *split);
/* Every day up to @last_day, for sums of changes (FALSE: job->direct). */
gboolean      sales_kpi_split_until       (SalesKpiJob          *job,
                                           const char           *last_day,
                                           SalesKpiSplit        *split);
gint64        sales_kpi_day_of_date       (const char           *date);
/* raw_sql binds ?1, ?2 to [start, end); sum_sql binds ?1 lv, ?2 and ?3 to [lo, hi). */
gboolean      sales_kpi_read_split        (SalesKpiJob          *job,
                                           const SalesKpiSplit  *split,
                                           const char           *raw_sql,
                                           SalesKpiRowFunc       raw_row,
                                           const char           *sum_sql,
                                           SalesKpiRowFunc       sum_row,
                                           gpointer              data,
                                           GError              **error);

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

/* sales-kpi.c: the figures computed from the documented tables alone, without the derived
 * sums; the tests compare the two. */
SalesKpi     *sales_kpi_compute_direct    (SalesDb               *db,
                                           const SalesKpiPeriod  *period,
                                           gint64                 rep_id,
                                           const SalesKpiOptions *options,
                                           GError               **error);

G_END_DECLS
