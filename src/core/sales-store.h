/* sales-store.h: the only writer of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"
#include "sales-demo.h"
#include "sales-types.h"

G_BEGIN_DECLS

#define SALES_TYPE_STORE (sales_store_get_type ())

G_DECLARE_FINAL_TYPE (SalesStore, sales_store, SALES, STORE, GObject)

SalesStore *sales_store_new          (SalesDb      *db);
SalesDb    *sales_store_get_db       (SalesStore   *self);
/* TRUE when the database holds no customers and no deals (the first-run page). */
gboolean    sales_store_is_empty     (SalesStore   *self);
/* Adds demo data through the generator, then emits ::reset. */
gboolean    sales_store_seed_demo    (SalesStore   *self,
                                      const SalesDemoOptions *options,
                                      SalesDemoProgress progress,
                                      gpointer      user_data,
                                      GCancellable *cancellable,
                                      SalesDemoResult *result,
                                      GError      **error);

G_END_DECLS
