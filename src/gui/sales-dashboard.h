/* sales-dashboard.h: the Dashboard view: the key figures of a period, tiles and charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-chart.h"
#include "sales-kpi-tile.h"
#include "sales-kpi.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_DASHBOARD (sales_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (SalesDashboard, sales_dashboard, SALES, DASHBOARD, GtkWidget)

GtkWidget    *sales_dashboard_new          (SalesStore           *store,
                                            SalesSettings        *settings);
void          sales_dashboard_get_period   (SalesDashboard       *self,
                                            SalesKpiPeriod       *period);
void          sales_dashboard_set_period   (SalesDashboard       *self,
                                            const SalesKpiPeriod *period);
gint64        sales_dashboard_get_rep_id   (SalesDashboard       *self);
void          sales_dashboard_set_rep_id   (SalesDashboard       *self,
                                            gint64                rep_id);
const char   *sales_dashboard_get_period_label (SalesDashboard   *self);
gboolean      sales_dashboard_get_loading  (SalesDashboard       *self);
SalesKpi     *sales_dashboard_get_kpi      (SalesDashboard       *self);
void          sales_dashboard_show_kpi     (SalesDashboard       *self,
                                            SalesKpi             *kpi,
                                            SalesKpi             *previous);

/* Names: "won", "pipeline", "win-rate", "cycle", "new-customers", "timeliness", "collected",
 * "overdue", "satisfaction", "churn". */
SalesKpiTile *sales_dashboard_get_tile     (SalesDashboard       *self,
                                            const char           *name);
/* Names: "trend", "funnel", "ranking", "sources", "lost-reasons". */
SalesChart   *sales_dashboard_get_chart    (SalesDashboard       *self,
                                            const char           *name);

/* sales-dashboard-fill.c: the texts of the view, for it and its tests. */
char         *sales_dashboard_format_period (const SalesKpiPeriod *period,
                                             gboolean              short_form);

G_END_DECLS
