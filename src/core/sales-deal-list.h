/* sales-deal-list.h: the deals of one stage, as a list model backed by a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-deal-filter.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_DEAL_LIST (sales_deal_list_get_type ())

/* How many of the most recently closed deals a won or lost column lists. */
#define SALES_DEAL_LIST_DEFAULT_CLOSED_LIMIT 50

G_DECLARE_FINAL_TYPE (SalesDealList, sales_deal_list, SALES, DEAL_LIST, GObject)

SalesDealList   *sales_deal_list_new                (SalesStore      *store,
                                                     SalesStage      *stage,
                                                     SalesDealFilter *filter);
SalesStore      *sales_deal_list_get_store          (SalesDealList   *self);
SalesStage      *sales_deal_list_get_stage          (SalesDealList   *self);
SalesDealFilter *sales_deal_list_get_filter         (SalesDealList   *self);
void             sales_deal_list_set_filter         (SalesDealList   *self,
                                                     SalesDealFilter *filter);
guint            sales_deal_list_get_limit          (SalesDealList   *self);
void             sales_deal_list_set_limit          (SalesDealList   *self,
                                                     guint            limit);
guint            sales_deal_list_get_n_deals        (SalesDealList   *self);
gint64           sales_deal_list_get_total_cents    (SalesDealList   *self);
gint64           sales_deal_list_get_weighted_cents (SalesDealList   *self);
gboolean         sales_deal_list_get_totals_known   (SalesDealList   *self);
gint64           sales_deal_list_get_deal_id        (SalesDealList   *self,
                                                     guint            position);
gboolean         sales_deal_list_find               (SalesDealList   *self,
                                                     gint64           deal_id,
                                                     guint           *position);

G_END_DECLS
