/* sales-customer-completion.h: pick a customer by typing part of the name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_CUSTOMER_COMPLETION (sales_customer_completion_get_type ())

G_DECLARE_FINAL_TYPE (SalesCustomerCompletion, sales_customer_completion,
                      SALES, CUSTOMER_COMPLETION, GObject)

SalesCustomerCompletion *sales_customer_completion_new          (SalesStore              *store,
                                                                 GtkWidget               *editable);
SalesCustomer           *sales_customer_completion_get_customer (SalesCustomerCompletion *self);
void                     sales_customer_completion_set_customer (SalesCustomerCompletion *self,
                                                                 SalesCustomer           *customer);
guint                    sales_customer_completion_get_n_matches (SalesCustomerCompletion *self);
gboolean                 sales_customer_completion_select_match (SalesCustomerCompletion *self,
                                                                 guint                    index);

G_END_DECLS
