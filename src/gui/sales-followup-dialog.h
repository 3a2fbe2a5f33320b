/* sales-followup-dialog.h: write down a call, visit or message, and plan the next one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_FOLLOWUP_DIALOG (sales_followup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesFollowupDialog, sales_followup_dialog, SALES, FOLLOWUP_DIALOG, AdwWindow)

GtkWidget *sales_followup_dialog_new          (GtkWindow           *parent,
                                               SalesStore          *store,
                                               SalesSettings       *settings,
                                               gint64               customer_id,
                                               gint64               deal_id);
void       sales_followup_dialog_set_kind     (SalesFollowupDialog *self,
                                               SalesActivityKind    kind);
void       sales_followup_dialog_set_note     (SalesFollowupDialog *self,
                                               const char          *note);
void       sales_followup_dialog_set_done_at  (SalesFollowupDialog *self,
                                               gint64               done_at);
void       sales_followup_dialog_set_satisfaction (SalesFollowupDialog *self,
                                               int                  satisfaction);
void       sales_followup_dialog_set_next_due (SalesFollowupDialog *self,
                                               gint64               due_at);
gboolean   sales_followup_dialog_is_valid     (SalesFollowupDialog *self);
gboolean   sales_followup_dialog_save         (SalesFollowupDialog *self);

G_END_DECLS
