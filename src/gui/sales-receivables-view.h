/* sales-receivables-view.h: what customers owe, overdue and due soon, with Record Payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-receivables.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_RECEIVABLES_VIEW (sales_receivables_view_get_type ())

G_DECLARE_FINAL_TYPE (SalesReceivablesView, sales_receivables_view, SALES, RECEIVABLES_VIEW,
                      GtkWidget)

GtkWidget        *sales_receivables_view_new            (SalesStore           *store,
                                                         SalesSettings        *settings);
SalesReceivables *sales_receivables_view_get_list       (SalesReceivablesView *self);
GtkWindow        *sales_receivables_view_get_dialog     (SalesReceivablesView *self);
void              sales_receivables_view_record_payment (SalesReceivablesView *self,
                                                         gint64                contract_id);

G_END_DECLS
