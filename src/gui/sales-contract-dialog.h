/* sales-contract-dialog.h: asks for a new contract and its payment plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_CONTRACT_DIALOG (sales_contract_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesContractDialog, sales_contract_dialog, SALES, CONTRACT_DIALOG,
                      AdwMessageDialog)

GtkWidget     *sales_contract_dialog_new           (GtkWindow           *parent,
                                                    SalesStore          *store,
                                                    SalesSettings       *settings,
                                                    gint64               customer_id,
                                                    gint64               deal_id);
SalesContract *sales_contract_dialog_dup_contract  (SalesContractDialog *self);
GPtrArray     *sales_contract_dialog_dup_plan      (SalesContractDialog *self);
gboolean       sales_contract_dialog_get_partial   (SalesContractDialog *self);
SalesContract *sales_contract_dialog_create        (SalesContractDialog *self,
                                                    GError             **error);

G_END_DECLS
