/* sales-rep-dialog.h: adds a rep to the team or edits one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_REP_DIALOG (sales_rep_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesRepDialog, sales_rep_dialog, SALES, REP_DIALOG, AdwMessageDialog)

GtkWidget *sales_rep_dialog_new      (GtkWindow      *parent,
                                      SalesStore     *store,
                                      SalesRep       *rep);
SalesRep  *sales_rep_dialog_get_rep  (SalesRepDialog *self);
SalesRep  *sales_rep_dialog_get_draft (SalesRepDialog *self);
gboolean   sales_rep_dialog_save     (SalesRepDialog *self,
                                      GError        **error);

G_END_DECLS
