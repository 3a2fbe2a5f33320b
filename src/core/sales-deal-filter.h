/* sales-deal-filter.h: which deals the pipeline board shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sales-types.h"

G_BEGIN_DECLS

#define SALES_TYPE_DEAL_FILTER (sales_deal_filter_get_type ())

G_DECLARE_FINAL_TYPE (SalesDealFilter, sales_deal_filter, SALES, DEAL_FILTER, GObject)

SalesDealFilter *sales_deal_filter_new             (void);
const char      *sales_deal_filter_get_search      (SalesDealFilter *self);
void             sales_deal_filter_set_search      (SalesDealFilter *self,
                                                    const char      *search);
gint64           sales_deal_filter_get_owner_id    (SalesDealFilter *self);
void             sales_deal_filter_set_owner_id    (SalesDealFilter *self,
                                                    gint64           owner_id);
gint64           sales_deal_filter_get_stage_id    (SalesDealFilter *self);
void             sales_deal_filter_set_stage_id    (SalesDealFilter *self,
                                                    gint64           stage_id);
SalesCloseRange  sales_deal_filter_get_close_range (SalesDealFilter *self);
void             sales_deal_filter_set_close_range (SalesDealFilter *self,
                                                    SalesCloseRange  close_range);
gboolean         sales_deal_filter_is_empty        (SalesDealFilter *self);

/* For the list models of core: the filter as SQL over `deal AS d`, to be
 * appended to a WHERE clause: empty, or starting with " AND". The search
 * text is not in it: bind sales_deal_filter_get_like_pattern() to the
 * parameter named "@search" when sales_deal_filter_get_search() is set. */
char            *sales_deal_filter_to_sql           (SalesDealFilter *self,
                                                     gint64           now);
char            *sales_deal_filter_get_like_pattern (SalesDealFilter *self);

G_END_DECLS
