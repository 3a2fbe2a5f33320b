/* sales-bar-chart.h: horizontal bars, one per item, with the item's target as a marker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-chart.h"

G_BEGIN_DECLS

#define SALES_TYPE_BAR_CHART (sales_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (SalesBarChart, sales_bar_chart, SALES, BAR_CHART, SalesChart)

GtkWidget *sales_bar_chart_new             (void);
double     sales_bar_chart_get_axis_top    (SalesBarChart   *self);
gboolean   sales_bar_chart_get_bar_bounds  (SalesBarChart   *self,
                                            guint            index,
                                            graphene_rect_t *bounds);

G_END_DECLS
