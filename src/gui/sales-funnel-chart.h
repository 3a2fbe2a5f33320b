/* sales-funnel-chart.h: how many deals reached each stage, narrowing towards won
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-chart.h"

G_BEGIN_DECLS

#define SALES_TYPE_FUNNEL_CHART (sales_funnel_chart_get_type ())

G_DECLARE_FINAL_TYPE (SalesFunnelChart, sales_funnel_chart, SALES, FUNNEL_CHART, SalesChart)

GtkWidget *sales_funnel_chart_new            (void);
gboolean   sales_funnel_chart_get_bar_bounds (SalesFunnelChart *self,
                                              guint             index,
                                              graphene_rect_t  *bounds);

G_END_DECLS
