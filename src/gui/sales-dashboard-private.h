/* sales-dashboard-private.h: what the files of SalesDashboard share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-dashboard.h"

G_BEGIN_DECLS

typedef enum
{
  TILE_WON,
  TILE_PIPELINE,
  TILE_WIN_RATE,
  TILE_CYCLE,
  TILE_NEW_CUSTOMERS,
  TILE_TIMELINESS,
  TILE_COLLECTED,
  TILE_OVERDUE,
  TILE_SATISFACTION,
  TILE_CHURN,
  N_TILES
} DashboardTile;

typedef enum
{
  CHART_TREND,
  CHART_FUNNEL,
  CHART_RANKING,
  CHART_SOURCES,
  CHART_LOST_REASONS,
  N_CHARTS
} DashboardChart;

extern const char * const sales_dashboard_tile_names[N_TILES];
extern const char * const sales_dashboard_chart_names[N_CHARTS];

struct _SalesDashboard
{
  GtkWidget           parent_instance;

  SalesStore         *store;
  SalesSettings      *settings;
  GListModel         *reps;
  GArray             *rep_ids;       /* what each entry of the rep drop-down stands for */

  SalesKpiPeriod      period;
  gint64              rep_id;
  char               *period_label;

  /* Figures computed, by sales_dashboard_key (); emptied when the data changes. */
  GHashTable         *cache;
  SalesKpi           *shown;
  SalesKpi           *shown_previous;
  GCancellable       *cancellable;
  guint               data_serial;
  guint               debounce_id;
  gboolean            computing;
  gboolean            loading;
  gboolean            waiting_for_frame;

  SalesKpiTile       *tiles[N_TILES];
  SalesChart         *charts[N_CHARTS];

  GtkWidget          *box;
  GtkToggleButton    *month_button;
  GtkToggleButton    *quarter_button;
  GtkToggleButton    *year_button;
  GtkLabel           *period_title;
  GtkSpinner         *spinner;
  GtkLabel           *error_label;
  GtkDropDown        *rep_dropdown;
  GtkWidget          *content;
  GtkFlowBox         *tiles_box;
  GtkFlowBox         *charts_box;
  GtkLabel           *trend_heading;
  GtkWidget          *trend_card;
  GtkWidget          *funnel_card;
  GtkWidget          *ranking_card;
  GtkWidget          *sources_card;
  GtkWidget          *lost_card;
};

/* sales-dashboard.c */
void sales_dashboard_set_loading   (SalesDashboard *self,
                                    gboolean        loading);

/* sales-dashboard-worker.c */
void sales_dashboard_refresh       (SalesDashboard *self);
void sales_dashboard_show_cached   (SalesDashboard *self);
void sales_dashboard_pump          (SalesDashboard *self);
void sales_dashboard_data_changed  (SalesDashboard *self);

/* sales-dashboard-fill.c */
void sales_dashboard_build_tiles   (SalesDashboard *self);
void sales_dashboard_fill          (SalesDashboard *self,
                                    SalesKpi       *kpi,
                                    SalesKpi       *previous);
void sales_dashboard_clear_changes (SalesDashboard *self);
char *sales_dashboard_format_money   (SalesDashboard *self,
                                      gint64          cents);
char *sales_dashboard_format_count   (gint64          n);
char *sales_dashboard_format_percent (double          rate);

/* sales-dashboard-charts.c */
void sales_dashboard_build_charts  (SalesDashboard *self);
void sales_dashboard_fill_charts   (SalesDashboard *self,
                                    SalesKpi       *kpi);

G_END_DECLS
