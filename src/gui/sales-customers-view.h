/* sales-customers-view.h: the Customers view: search, filters, the list and bulk actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-customer-list.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_CUSTOMERS_VIEW (sales_customers_view_get_type ())

G_DECLARE_FINAL_TYPE (SalesCustomersView, sales_customers_view, SALES, CUSTOMERS_VIEW, GtkWidget)

GtkWidget         *sales_customers_view_new          (SalesStore         *store,
                                                      SalesSettings      *settings);
SalesCustomerList *sales_customers_view_get_list     (SalesCustomersView *self);
GtkSelectionModel *sales_customers_view_get_selection (SalesCustomersView *self);
void               sales_customers_view_focus_search (SalesCustomersView *self);

G_END_DECLS
