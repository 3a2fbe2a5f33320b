/* sales-collection-bar.h: the instalments due soon and overdue, above the follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-receivables.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_COLLECTION_BAR (sales_collection_bar_get_type ())

G_DECLARE_FINAL_TYPE (SalesCollectionBar, sales_collection_bar, SALES, COLLECTION_BAR, GtkWidget)

GtkWidget        *sales_collection_bar_new          (SalesStore         *store,
                                                     SalesSettings      *settings);
gint64            sales_collection_bar_get_owner_id (SalesCollectionBar *self);
void              sales_collection_bar_set_owner_id (SalesCollectionBar *self,
                                                     gint64              owner_id);
SalesReceivables *sales_collection_bar_get_list     (SalesCollectionBar *self);
const char       *sales_collection_bar_get_text     (SalesCollectionBar *self);

G_END_DECLS
