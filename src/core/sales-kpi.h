/* sales-kpi.h: the key figures of a period, one definition for the dashboard, CLI and report
 *
 * A period is a local-time month, quarter or year. Its figures are computed in SQL over one
 * SalesDb connection; the window runs sales_kpi_compute() in a worker thread on a connection of
 * its own (SQLite connections are per thread), the command line calls it directly.
 *
 * The names of the fields are the key names of `sales-desk --kpi --json` and of the issue that
 * defines them. Amounts are integer minor units (cents). Rates and means are doubles; one that
 * is undefined (nothing to divide by) is NAN: test it with sales_kpi_is_null(), never print it
 * as a number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"

G_BEGIN_DECLS

#define SALES_KPI_DEFAULT_CHURN_DAYS 90
#define SALES_KPI_TREND_PERIODS      12
#define SALES_KPI_FORECAST_MONTHS    6

typedef enum
{
  SALES_KPI_MONTH,
  SALES_KPI_QUARTER,
  SALES_KPI_YEAR,
} SalesKpiPeriodKind;

typedef struct
{
  SalesKpiPeriodKind kind;
  int                year;
  int                month;         /* its first month, 1–12 */
  int                n_months;      /* 1, 3 or 12 */
  gint64             start;         /* local midnight of the first day, Unix seconds */
  gint64             end;           /* local midnight after the last day (exclusive) */
  char               first_day[11]; /* YYYY-MM-DD, for the TEXT dates of the schema */
  char               last_day[11];
} SalesKpiPeriod;

gboolean  sales_kpi_period_init     (SalesKpiPeriod       *period,
                                     SalesKpiPeriodKind    kind,
                                     int                   year,
                                     int                   month);
/* "2026-10" (a month), "2026-Q4" (a quarter) or "2026" (a year). */
gboolean  sales_kpi_period_parse    (SalesKpiPeriod       *period,
                                     const char           *text,
                                     GError              **error);
/* The period of the same kind @n periods later (earlier when negative). */
void      sales_kpi_period_offset   (const SalesKpiPeriod *period,
                                     int                   n,
                                     SalesKpiPeriod       *result);
/* The same forms as sales_kpi_period_parse() reads. */
char     *sales_kpi_period_to_string (const SalesKpiPeriod *period);
/* The month containing @time in local time. */
void      sales_kpi_period_for_time (SalesKpiPeriod       *period,
                                     SalesKpiPeriodKind    kind,
                                     gint64                time);

static inline gboolean
sales_kpi_is_null (double value)
{
  return value != value;
}

typedef struct
{
  gint64 stage_id;
  char  *name;
  gint64 reached;     /* deals created in P that ever reached this stage or a later one */
  double conversion;  /* reached of the next stage (or won after the last) / reached; NAN */
} SalesKpiFunnelStage;

typedef struct
{
  char  *source;      /* customer.source as stored; NULL when the customer has none */
  gint64 won_amount;
  gint64 won_count;
} SalesKpiSource;

typedef struct
{
  gint64 lost_reason_id;  /* 0: no reason given */
  char  *name;
  gint64 lost_count;
} SalesKpiLostReason;

/* Every figure of one period, for the team or for one rep. */
typedef struct
{
  gint64  rep_id;                   /* 0: the whole team */
  char   *rep_name;                 /* NULL for the team */

  gint64  won_amount;
  gint64  won_count;
  gint64  lost_count;
  double  win_rate;                 /* won / (won + lost) */
  gint64  new_deals;
  gint64  new_customers;
  gint64  open_amount;              /* open at the end of P, by the stage history */
  gint64  weighted_open_amount;     /* Σ amount × probability of the stage then, rounded */
  double  avg_cycle_days;           /* mean (closed_at − created_at) of deals won in P */
  GArray *funnel;                   /* SalesKpiFunnelStage, the open stages in order */
  gint64  funnel_won;               /* deals created in P that are won now */
  gint64  activities_done;
  double  followup_on_time_rate;    /* of follow-ups due in P, done by the end of the due day */
  gint64  target_amount;            /* base target (保底目标) */
  double  attainment;               /* won_amount / target_amount */
  gint64  stretch_target_amount;    /* stretch target (挑战目标) */
  double  stretch_attainment;       /* won_amount / stretch_target_amount */
  gint64  new_customers_target;
  double  new_customers_attainment; /* new_customers / new_customers_target */
  gint64  collected_amount;         /* payments received in P */
  gint64  overdue_amount;           /* at the end of P, per contract when positive */
  double  avg_collection_days;      /* 回款周期: signed_on to full payment, contracts paid in P */
  double  avg_satisfaction;         /* service follow-ups done in P */
  double  churn_rate;
  GArray *by_source;                /* SalesKpiSource, by won_amount, largest first */
  GArray *by_lost_reason;           /* SalesKpiLostReason, by lost_count, largest first */
} SalesKpiFigures;

typedef struct
{
  SalesKpiPeriod period;
  gint64         won_amount;
  gint64         target_amount;
} SalesKpiTrendPoint;

typedef struct
{
  char   month[8];               /* YYYY-MM */
  gint64 open_amount;
  gint64 weighted_open_amount;
} SalesKpiForecastMonth;

typedef struct
{
  guint           churn_days;    /* 0: SALES_KPI_DEFAULT_CHURN_DAYS */
} SalesKpiOptions;

#define SALES_TYPE_KPI (sales_kpi_get_type ())

typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  SalesKpiPeriod   period;
  gint64           rep_id;       /* 0: the whole team */
  guint            churn_days;
  SalesKpiFigures *figures;      /* of the team, or of rep_id */
  GPtrArray       *by_rep;       /* SalesKpiFigures of each rep, by won_amount, largest first;
                                  * for one rep, just that rep */
  GArray          *trend;        /* SalesKpiTrendPoint: the 12 periods ending with P, oldest
                                  * first */
  GArray          *forecast;     /* SalesKpiForecastMonth: the 6 months after P */
} SalesKpi;

GType     sales_kpi_get_type        (void) G_GNUC_CONST;
SalesKpi *sales_kpi_ref             (SalesKpi             *self);
void      sales_kpi_unref           (SalesKpi             *self);

/* @rep_id 0: the whole team. Read-only; run it on a connection of the calling thread.
 * Fails with SALES_DB_ERROR_NOT_FOUND for an unknown rep. */
SalesKpi *sales_kpi_compute         (SalesDb              *db,
                                     const SalesKpiPeriod *period,
                                     gint64                rep_id,
                                     const SalesKpiOptions *options,
                                     GError              **error);
/* Readies a connection that computes key figures: a period reads some 100 MB of index pages,
 * which a memory map serves without a read() and a copy per page. Call it on the worker's
 * own connection; sales_kpi_compute_for_path() does. */
gboolean  sales_kpi_prepare_connection (SalesDb           *db,
                                     GError              **error);
/* For the command line: opens @path, computes, closes. */
SalesKpi *sales_kpi_compute_for_path (const char          *path,
                                     const SalesKpiPeriod *period,
                                     gint64                rep_id,
                                     const SalesKpiOptions *options,
                                     GError              **error);

/* sales-kpi-json.c: the object `--kpi --json` prints. */
char     *sales_kpi_to_json         (SalesKpi             *self,
                                     gboolean              pretty);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesKpi, sales_kpi_unref)

G_END_DECLS
