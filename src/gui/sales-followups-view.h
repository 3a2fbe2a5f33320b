/* sales-followups-view.h: the Follow-ups view: what is due, by day, with Done and Reschedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-collection-bar.h"
#include "sales-followup-list.h"
#include "sales-receivables-view.h"
#include "sales-settings.h"

G_BEGIN_DECLS

#define SALES_TYPE_FOLLOWUPS_VIEW (sales_followups_view_get_type ())

G_DECLARE_FINAL_TYPE (SalesFollowupsView, sales_followups_view, SALES, FOLLOWUPS_VIEW, AdwBin)

GtkWidget         *sales_followups_view_new          (SalesStore         *store,
                                                      SalesSettings      *settings);
SalesFollowupList *sales_followups_view_get_list     (SalesFollowupsView *self,
                                                      SalesFollowupGroup  group);
gint64             sales_followups_view_get_owner_id (SalesFollowupsView *self);
void               sales_followups_view_set_owner_id (SalesFollowupsView *self,
                                                      gint64              owner_id);

const char           *sales_followups_view_get_mode        (SalesFollowupsView *self);
void                  sales_followups_view_set_mode        (SalesFollowupsView *self,
                                                            const char         *mode);
SalesReceivablesView *sales_followups_view_get_receivables (SalesFollowupsView *self);
SalesCollectionBar   *sales_followups_view_get_collection_bar (SalesFollowupsView *self);

G_END_DECLS
