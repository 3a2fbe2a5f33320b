/* sales-duplicates-window.h: every pair of customers that look alike, to merge or ignore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_DUPLICATES_WINDOW (sales_duplicates_window_get_type ())

G_DECLARE_FINAL_TYPE (SalesDuplicatesWindow, sales_duplicates_window,
                      SALES, DUPLICATES_WINDOW, AdwWindow)

GtkWidget  *sales_duplicates_window_new          (GtkWindow             *parent,
                                                  SalesStore            *store);
/* The pairs listed: items are SalesDuplicatePairItem; empty while looking. */
GListModel *sales_duplicates_window_get_pairs    (SalesDuplicatesWindow *self);
gboolean    sales_duplicates_window_is_searching (SalesDuplicatesWindow *self);
gboolean    sales_duplicates_window_merge        (SalesDuplicatesWindow *self,
                                                  gint64                 keep_id,
                                                  gint64                 merged_id,
                                                  GError               **error);
void        sales_duplicates_window_ignore       (SalesDuplicatesWindow *self,
                                                  gint64                 a_id,
                                                  gint64                 b_id);

G_END_DECLS
