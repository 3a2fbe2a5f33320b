/* sales-targets-grid.h: a year of monthly targets as a grid, edited like a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_TARGETS_GRID (sales_targets_grid_get_type ())

G_DECLARE_FINAL_TYPE (SalesTargetsGrid, sales_targets_grid, SALES, TARGETS_GRID, GtkWidget)

GtkWidget       *sales_targets_grid_new            (SalesStore       *store);
int              sales_targets_grid_get_year       (SalesTargetsGrid *self);
void             sales_targets_grid_set_year       (SalesTargetsGrid *self,
                                                    int               year);
SalesTargetField sales_targets_grid_get_field      (SalesTargetsGrid *self);
void             sales_targets_grid_set_field      (SalesTargetsGrid *self,
                                                    SalesTargetField  field);
void             sales_targets_grid_reload         (SalesTargetsGrid *self);

/* Rows: the whole team first, then the reps; the reps' sum below them is not a row. */
guint            sales_targets_grid_get_n_rows     (SalesTargetsGrid *self);
gint64           sales_targets_grid_get_row_owner  (SalesTargetsGrid *self,
                                                    guint             row);
const char      *sales_targets_grid_get_row_name   (SalesTargetsGrid *self,
                                                    guint             row);
gint64           sales_targets_grid_get_value      (SalesTargetsGrid *self,
                                                    guint             row,
                                                    guint             month);
GtkWidget       *sales_targets_grid_get_cell       (SalesTargetsGrid *self,
                                                    guint             row,
                                                    guint             month);

/* The cursor: the focused cell, or the last one focused; @month 0 is January. */
void             sales_targets_grid_get_cursor     (SalesTargetsGrid *self,
                                                    guint            *row,
                                                    guint            *month);
void             sales_targets_grid_set_cursor     (SalesTargetsGrid *self,
                                                    guint             row,
                                                    guint             month);
gboolean         sales_targets_grid_is_editing     (SalesTargetsGrid *self);
GtkEditable     *sales_targets_grid_get_editor     (SalesTargetsGrid *self);
void             sales_targets_grid_start_editing  (SalesTargetsGrid *self,
                                                    const char       *text);
gboolean         sales_targets_grid_commit         (SalesTargetsGrid *self);
gboolean         sales_targets_grid_paste_text     (SalesTargetsGrid *self,
                                                    const char       *text,
                                                    GError          **error);
char            *sales_targets_grid_copy_row_text  (SalesTargetsGrid *self);

G_END_DECLS
