/* sales-trend-chart.h: columns of won amounts over periods, with the target as a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-chart.h"

G_BEGIN_DECLS

#define SALES_TYPE_TREND_CHART (sales_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (SalesTrendChart, sales_trend_chart, SALES, TREND_CHART, SalesChart)

GtkWidget *sales_trend_chart_new               (void);
void       sales_trend_chart_set_legend        (SalesTrendChart *self,
                                                const char      *value_legend,
                                                const char      *target_legend);
double     sales_trend_chart_get_axis_top      (SalesTrendChart *self);
gboolean   sales_trend_chart_get_column_bounds (SalesTrendChart *self,
                                                guint            index,
                                                graphene_rect_t *bounds);
gboolean   sales_trend_chart_get_target_point  (SalesTrendChart  *self,
                                                guint             index,
                                                graphene_point_t *point);

G_END_DECLS
