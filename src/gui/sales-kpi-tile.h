/* sales-kpi-tile.h: one key figure on the dashboard, with its change against the period before
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether a change is for the better: more won is good, more overdue is bad. */
typedef enum
{
  SALES_KPI_TILE_NEUTRAL,
  SALES_KPI_TILE_GOOD,
  SALES_KPI_TILE_BAD,
} SalesKpiTileMood;

#define SALES_TYPE_KPI_TILE (sales_kpi_tile_get_type ())

G_DECLARE_FINAL_TYPE (SalesKpiTile, sales_kpi_tile, SALES, KPI_TILE, GtkWidget)

GtkWidget  *sales_kpi_tile_new           (const char       *title);
const char *sales_kpi_tile_get_title     (SalesKpiTile     *self);
void        sales_kpi_tile_set_value     (SalesKpiTile     *self,
                                          const char       *value);
const char *sales_kpi_tile_get_value     (SalesKpiTile     *self);
void        sales_kpi_tile_set_detail    (SalesKpiTile     *self,
                                          const char       *detail);
const char *sales_kpi_tile_get_detail    (SalesKpiTile     *self);
void        sales_kpi_tile_set_change    (SalesKpiTile     *self,
                                          const char       *change,
                                          SalesKpiTileMood  mood);
const char *sales_kpi_tile_get_change    (SalesKpiTile     *self);
SalesKpiTileMood sales_kpi_tile_get_mood (SalesKpiTile     *self);
void        sales_kpi_tile_set_progress  (SalesKpiTile     *self,
                                          guint             index,
                                          double            fraction,
                                          const char       *text);
double      sales_kpi_tile_get_progress  (SalesKpiTile     *self,
                                          guint             index);

G_END_DECLS
