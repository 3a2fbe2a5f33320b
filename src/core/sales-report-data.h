/* sales-report-data.h: what the monthly summary shows, read in one go
 *
 * The figures are the SalesKpi of the month (the same as the dashboard's and `--kpi --json`'s);
 * the lists beside them (the largest deals won and lost, the contracts overdue at the month's
 * end) are read from the documented tables with the same definitions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-kpi.h"

G_BEGIN_DECLS

/* How many rows each list of the summary shows at most. */
#define SALES_REPORT_TOP_DEALS   10
#define SALES_REPORT_TOP_OVERDUE 15

typedef struct
{
  gint64  deal_id;
  char   *title;
  char   *customer;     /* NULL: none */
  char   *rep;          /* NULL: nobody owns it */
  gint64  amount_cents;
  char    closed_on[11];
  char   *reason;       /* lost deals: the reason, and the note after it; NULL for none */
} SalesReportDeal;

typedef struct
{
  gint64  contract_id;
  char   *number;
  char   *customer;
  char   *rep;          /* NULL: the customer is in the public pool */
  gint64  overdue_cents;
  char    oldest_due[11]; /* the oldest instalment still unpaid at the month's end */
  int     days_overdue;   /* of that instalment, at the month's end */
} SalesReportOverdue;

#define SALES_TYPE_REPORT_DATA (sales_report_data_get_type ())

typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  SalesKpi        *kpi;
  GArray          *won;          /* SalesReportDeal: won in the month, largest first */
  GArray          *lost;         /* SalesReportDeal: lost in the month, largest first */
  GArray          *overdue;      /* SalesReportOverdue: at the month's end, largest first */
  guint            n_overdue;    /* contracts overdue in all, listed or not */
} SalesReportData;

GType            sales_report_data_get_type     (void) G_GNUC_CONST;
SalesReportData *sales_report_data_ref          (SalesReportData      *self);
void             sales_report_data_unref        (SalesReportData      *self);

/* @period must be a month. @rep_id 0: the whole team. Fails with SALES_DB_ERROR_NOT_FOUND for
 * an unknown rep, as sales_kpi_compute() does. */
SalesReportData *sales_report_data_collect      (SalesDb              *db,
                                                 const SalesKpiPeriod *period,
                                                 gint64                rep_id,
                                                 GError              **error);
/* Opens @path (which must exist) read-only in spirit: nothing is written but a migration. */
SalesReportData *sales_report_data_collect_for_path (const char       *path,
                                                 const SalesKpiPeriod *period,
                                                 gint64                rep_id,
                                                 GError              **error);
/* Whether nothing at all happened in the month: no deal won, lost or created, no follow-up,
 * no payment and nothing overdue. */
gboolean         sales_report_data_is_empty     (SalesReportData      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesReportData, sales_report_data_unref)

G_END_DECLS
