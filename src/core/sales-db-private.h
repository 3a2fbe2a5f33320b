/* sales-db-private.h: what sales-db.c and sales-db-schema.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-db.h"

G_BEGIN_DECLS

typedef struct
{
  int         version;
  const char *sql;
  /* Runs inside the migration's transaction, after sql; may be NULL. */
  gboolean  (*post) (SalesDb *db, GError **error);
} SalesMigration;

const SalesMigration *sales_db_get_migrations (guint *n_migrations);

G_END_DECLS
