/* sales-customer-page.h: everything about one customer, on one page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_CUSTOMER_PAGE (sales_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (SalesCustomerPage, sales_customer_page, SALES, CUSTOMER_PAGE, AdwBin)

GtkWidget     *sales_customer_page_new          (SalesStore        *store,
                                                 SalesSettings     *settings);
void           sales_customer_page_show_customer (SalesCustomerPage *self,
                                                 gint64             customer_id);
void           sales_customer_page_show_new     (SalesCustomerPage *self);
SalesCustomer *sales_customer_page_get_customer (SalesCustomerPage *self);
gboolean       sales_customer_page_get_modified (SalesCustomerPage *self);
gboolean       sales_customer_page_is_valid     (SalesCustomerPage *self);
void           sales_customer_page_save         (SalesCustomerPage *self);
void           sales_customer_page_revert       (SalesCustomerPage *self);
GtkWidget     *sales_customer_page_log_followup (SalesCustomerPage *self);

G_END_DECLS
