/* sales-won-dialog.h: confirms the amount of a deal before it is marked won
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_WON_DIALOG (sales_won_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesWonDialog, sales_won_dialog, SALES, WON_DIALOG, AdwMessageDialog)

GtkWidget *sales_won_dialog_new        (GtkWindow      *parent,
                                        SalesSettings  *settings,
                                        SalesDeal      *deal);
SalesDeal *sales_won_dialog_get_deal   (SalesWonDialog *self);
gboolean   sales_won_dialog_get_amount (SalesWonDialog *self,
                                        gint64         *amount_cents);
void       sales_won_dialog_set_amount_text (SalesWonDialog *self,
                                        const char     *text);

void       sales_won_dialog_set_offer_contract  (SalesWonDialog *self,
                                                 gboolean        offer);
gboolean   sales_won_dialog_get_create_contract (SalesWonDialog *self);
void       sales_won_dialog_set_create_contract (SalesWonDialog *self,
                                                 gboolean        create);

G_END_DECLS
