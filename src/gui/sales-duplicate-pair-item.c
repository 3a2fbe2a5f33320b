/* sales-duplicate-pair-item.c: one pair of likely duplicates, as an item of a list model
 *
 * "Find duplicates" may find thousands of pairs; a GtkListView shows them,
 * and a list view needs its items to be objects.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-duplicate-pair-item.h"

struct _SalesDuplicatePairItem
{
  GObject            parent_instance;

  SalesDuplicatePair pair;
};

G_DEFINE_FINAL_TYPE (SalesDuplicatePairItem, sales_duplicate_pair_item, G_TYPE_OBJECT)

static void
sales_duplicate_pair_item_class_init (SalesDuplicatePairItemClass *klass)
{
}

static void
sales_duplicate_pair_item_init (SalesDuplicatePairItem *self)
{
}

SalesDuplicatePairItem *
sales_duplicate_pair_item_new (const SalesDuplicatePair *pair)
{
  SalesDuplicatePairItem *self;

  g_return_val_if_fail (pair != NULL, NULL);

  self = g_object_new (SALES_TYPE_DUPLICATE_PAIR_ITEM, NULL);
  self->pair = *pair;

  return self;
}

const SalesDuplicatePair *
sales_duplicate_pair_item_get_pair (SalesDuplicatePairItem *self)
{
  g_return_val_if_fail (SALES_IS_DUPLICATE_PAIR_ITEM (self), NULL);

  return &self->pair;
}

gboolean
sales_duplicate_pair_item_involves (SalesDuplicatePairItem *self,
                                    gint64                  id)
{
  g_return_val_if_fail (SALES_IS_DUPLICATE_PAIR_ITEM (self), FALSE);

  return self->pair.a_id == id || self->pair.b_id == id;
}
