/* sales-lost-dialog.h: asks why a deal was lost before it is marked lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_LOST_DIALOG (sales_lost_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesLostDialog, sales_lost_dialog, SALES, LOST_DIALOG, AdwMessageDialog)

GtkWidget  *sales_lost_dialog_new           (GtkWindow       *parent,
                                             SalesStore      *store,
                                             SalesDeal       *deal);
SalesDeal  *sales_lost_dialog_get_deal      (SalesLostDialog *self);
gint64      sales_lost_dialog_get_reason_id (SalesLostDialog *self);
gboolean    sales_lost_dialog_set_reason_id (SalesLostDialog *self,
                                             gint64           reason_id);
const char *sales_lost_dialog_get_note      (SalesLostDialog *self);
void        sales_lost_dialog_set_note      (SalesLostDialog *self,
                                             const char      *note);

G_END_DECLS
