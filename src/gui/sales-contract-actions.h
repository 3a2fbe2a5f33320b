/* sales-contract-actions.h: New Contract, Record Payment and Delete, wherever they are offered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

GtkWidget *sales_contract_actions_new_contract   (GtkWidget     *anchor,
                                                  SalesStore    *store,
                                                  SalesSettings *settings,
                                                  gint64         customer_id,
                                                  gint64         deal_id);
GtkWidget *sales_contract_actions_record_payment (GtkWidget     *anchor,
                                                  SalesStore    *store,
                                                  SalesSettings *settings,
                                                  gint64         contract_id);
GtkWidget *sales_contract_actions_delete         (GtkWidget     *anchor,
                                                  SalesStore    *store,
                                                  SalesSettings *settings,
                                                  gint64         contract_id);

G_END_DECLS
