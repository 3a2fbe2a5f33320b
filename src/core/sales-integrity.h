/* sales-integrity.h: whether the database file is whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  SALES_INTEGRITY_OK,
  SALES_INTEGRITY_DAMAGED,
  SALES_INTEGRITY_UNFINISHED,
} SalesIntegrity;

SalesIntegrity sales_integrity_quick_check  (sqlite3              *handle,
                                             guint                 budget_ms);
SalesIntegrity sales_integrity_quick_check_file (const char        *path,
                                                guint              budget_ms);
void           sales_integrity_check_async  (const char           *db_path,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
SalesIntegrity sales_integrity_check_finish (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
