/* sales-grid-cell.h: a cell of a grid, which the keyboard can focus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SALES_TYPE_GRID_CELL (sales_grid_cell_get_type ())

G_DECLARE_FINAL_TYPE (SalesGridCell, sales_grid_cell, SALES, GRID_CELL, GtkWidget)

GtkWidget  *sales_grid_cell_new      (void);
const char *sales_grid_cell_get_text (SalesGridCell *self);
void        sales_grid_cell_set_text (SalesGridCell *self,
                                      const char    *text);

G_END_DECLS
