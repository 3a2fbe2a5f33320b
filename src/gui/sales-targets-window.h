/* sales-targets-window.h: the sales targets of a year, for the whole team and each rep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-targets-grid.h"

G_BEGIN_DECLS

#define SALES_TYPE_TARGETS_WINDOW (sales_targets_window_get_type ())

G_DECLARE_FINAL_TYPE (SalesTargetsWindow, sales_targets_window, SALES, TARGETS_WINDOW, AdwWindow)

GtkWidget        *sales_targets_window_new       (GtkWindow          *parent,
                                                  SalesStore         *store);
SalesTargetsGrid *sales_targets_window_get_grid  (SalesTargetsWindow *self);
void              sales_targets_window_set_year  (SalesTargetsWindow *self,
                                                  int                 year);
GtkWidget        *sales_targets_window_spread    (SalesTargetsWindow *self);
GtkWidget        *sales_targets_window_copy_last_year (SalesTargetsWindow *self);

G_END_DECLS
