/* sales-contract-summary.h: a customer's contract with what was paid of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_CONTRACT_SUMMARY (sales_contract_summary_get_type ())

G_DECLARE_FINAL_TYPE (SalesContractSummary, sales_contract_summary,
                      SALES, CONTRACT_SUMMARY, GObject)

GListModel *sales_contract_summary_list_for_customer (SalesStore           *store,
                                                      gint64                customer_id,
                                                      GError              **error);
gint64      sales_contract_summary_get_id           (SalesContractSummary *self);
const char *sales_contract_summary_get_number       (SalesContractSummary *self);
gint64      sales_contract_summary_get_amount_cents (SalesContractSummary *self);
const char *sales_contract_summary_get_signed_on    (SalesContractSummary *self);
gint64      sales_contract_summary_get_paid_cents   (SalesContractSummary *self);
const char *sales_contract_summary_get_next_due_on  (SalesContractSummary *self);
gint64      sales_contract_summary_get_next_due_cents (SalesContractSummary *self);

G_END_DECLS
