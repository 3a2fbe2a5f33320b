/* sales-quick-create.h: a new deal in a stage, from the column's "+" button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_QUICK_CREATE (sales_quick_create_get_type ())

G_DECLARE_FINAL_TYPE (SalesQuickCreate, sales_quick_create, SALES, QUICK_CREATE, GtkPopover)

GtkWidget *sales_quick_create_new    (SalesStore       *store,
                                      SalesSettings    *settings,
                                      SalesStage       *stage);
SalesDeal *sales_quick_create_submit (SalesQuickCreate *self);

G_END_DECLS
