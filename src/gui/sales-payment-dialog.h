/* sales-payment-dialog.h: asks for a payment received against a contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_PAYMENT_DIALOG (sales_payment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesPaymentDialog, sales_payment_dialog, SALES, PAYMENT_DIALOG,
                      AdwMessageDialog)

GtkWidget     *sales_payment_dialog_new             (GtkWindow          *parent,
                                                     SalesStore         *store,
                                                     SalesSettings      *settings,
                                                     SalesContract      *contract);
SalesContract *sales_payment_dialog_get_contract    (SalesPaymentDialog *self);
gint64         sales_payment_dialog_get_owed_cents  (SalesPaymentDialog *self);
SalesPayment  *sales_payment_dialog_dup_payment     (SalesPaymentDialog *self);

G_END_DECLS
