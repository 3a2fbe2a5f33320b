/* sales-followup-row.h: one line of the Follow-ups view: a section header or a follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-followup-list.h"

G_BEGIN_DECLS

#define SALES_TYPE_FOLLOWUP_ROW (sales_followup_row_get_type ())

G_DECLARE_FINAL_TYPE (SalesFollowupRow, sales_followup_row, SALES, FOLLOWUP_ROW, GtkWidget)

GtkWidget     *sales_followup_row_new          (void);
void           sales_followup_row_set_header   (SalesFollowupRow  *self,
                                                SalesFollowupList *list);
void           sales_followup_row_set_activity (SalesFollowupRow  *self,
                                                SalesStore        *store,
                                                SalesActivity     *activity);
void           sales_followup_row_clear        (SalesFollowupRow  *self);
SalesActivity *sales_followup_row_get_activity (SalesFollowupRow  *self);
const char    *sales_followup_kind_icon_name   (SalesActivityKind  kind);

G_END_DECLS
