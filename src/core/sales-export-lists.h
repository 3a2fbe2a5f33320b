/* sales-export-lists.h: exporters for the rows the window's lists show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-customer-list.h"
#include "sales-export.h"
#include "sales-followup-list.h"
#include "sales-receivables.h"

G_BEGIN_DECLS

SalesExporter *sales_exporter_new_for_customers   (SalesCustomerList        *list);
SalesExporter *sales_exporter_new_for_deals       (SalesStore               *store,
                                                   SalesDealFilter          *filter);
SalesExporter *sales_exporter_new_for_followups   (SalesFollowupList * const *lists,
                                                   guint                     n_lists);
SalesExporter *sales_exporter_new_for_receivables (SalesReceivables         *list);
SalesExporter *sales_exporter_new_for_table       (SalesStore               *store,
                                                   SalesExportTable          table);

G_END_DECLS
