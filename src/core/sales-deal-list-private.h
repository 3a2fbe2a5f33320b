/* sales-deal-list-private.h: what the files of SalesDealList share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-deal-list.h"
#include "sales-store-private.h"

G_BEGIN_DECLS

struct _SalesDealList
{
  GObject          parent_instance;

  SalesStore      *store;
  SalesStage      *stage;
  SalesDealFilter *filter;
  guint            limit;

  /* gint64: the deals in board order; for a windowed list, the first ones */
  GArray          *ids;

  /* Built from the stage and the filter by prepare() */
  gboolean         closed;
  char            *pattern;
  sqlite3_stmt    *select_ids;
  sqlite3_stmt    *match;
  sqlite3_stmt    *match_before;

  /* The count and the totals, once totals_known; see sales-deal-list-totals.c */
  char            *count_sql;
  guint            totals_source;
  GCancellable    *totals_cancellable;
  gboolean         totals_stale;
  gboolean         totals_known;
  guint            n_deals;
  gint64           total_cents;
};

/* sales-deal-list.c */
void  sales_deal_list_set_totals       (SalesDealList *self,
                                        guint          n_deals,
                                        gint64         total_cents);
void  sales_deal_list_set_totals_known (SalesDealList *self,
                                        gboolean       known);

/* sales-deal-list-totals.c */
void  sales_deal_list_start_totals     (SalesDealList *self);
void  sales_deal_list_refresh_totals   (SalesDealList *self);
void  sales_deal_list_add_to_totals    (SalesDealList *self,
                                        int            n_deals,
                                        gint64         total_cents);
void  sales_deal_list_stop_totals      (SalesDealList *self);

G_END_DECLS
