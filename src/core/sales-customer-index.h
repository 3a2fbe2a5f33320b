/* sales-customer-index.h: data derived from customers, kept in step with them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"

G_BEGIN_DECLS

gboolean sales_customer_index_flush       (SalesDb       *db,
                                           GError       **error);
gboolean sales_customer_index_flush_now   (SalesDb       *db,
                                           GError       **error);
gboolean sales_customer_keys_update       (SalesDb       *db,
                                           GError       **error);
gboolean sales_customer_keys_refresh      (SalesDb       *db,
                                           gint64         customer_id,
                                           GError       **error);
GPtrArray *sales_customer_index_suspend   (SalesDb       *db,
                                           GError       **error);
gboolean sales_customer_index_resume      (SalesDb       *db,
                                           GPtrArray     *statements,
                                           GError       **error);

G_END_DECLS
