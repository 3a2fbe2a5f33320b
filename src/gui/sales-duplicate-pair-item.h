/* sales-duplicate-pair-item.h: one pair of likely duplicates, as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-duplicates.h"

G_BEGIN_DECLS

#define SALES_TYPE_DUPLICATE_PAIR_ITEM (sales_duplicate_pair_item_get_type ())

G_DECLARE_FINAL_TYPE (SalesDuplicatePairItem, sales_duplicate_pair_item,
                      SALES, DUPLICATE_PAIR_ITEM, GObject)

SalesDuplicatePairItem   *sales_duplicate_pair_item_new         (const SalesDuplicatePair *pair);
const SalesDuplicatePair *sales_duplicate_pair_item_get_pair    (SalesDuplicatePairItem   *self);
gboolean                  sales_duplicate_pair_item_involves    (SalesDuplicatePairItem   *self,
                                                                 gint64                    id);

G_END_DECLS
