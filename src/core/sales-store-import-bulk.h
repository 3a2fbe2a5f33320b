/* sales-store-import-bulk.h: the import's bulk path, for a file bigger than the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"

G_BEGIN_DECLS

typedef struct _SalesImportBulk SalesImportBulk;

SalesImportBulk *sales_import_bulk_prepare      (SalesDb          *db);
gboolean         sales_import_bulk_start        (SalesImportBulk  *bulk,
                                                 gint64            last_customer_before,
                                                 guint64           expected_rows,
                                                 GError          **error);
gboolean         sales_import_bulk_add_keys     (SalesImportBulk  *bulk,
                                                 GPtrArray        *keys,
                                                 gint64            customer_id,
                                                 GError          **error);
gboolean         sales_import_bulk_may_have_key (SalesImportBulk  *bulk,
                                                 const char       *key);
gboolean         sales_import_bulk_merged       (SalesImportBulk  *bulk,
                                                 gint64            customer_id,
                                                 GError          **error);
gboolean         sales_import_bulk_finish       (SalesImportBulk  *bulk,
                                                 GError          **error);
void             sales_import_bulk_free         (SalesImportBulk  *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesImportBulk, sales_import_bulk_free)

G_END_DECLS
