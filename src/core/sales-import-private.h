/* sales-import-private.h: what SalesStore's import fills in of a SalesImport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import.h"

G_BEGIN_DECLS

/* How sales_store_import() writes: chosen by the file's size against the database's, or,
 * for the tests that compare the two, one of them. */
typedef enum
{
  SALES_IMPORT_WRITE_AUTO,
  SALES_IMPORT_WRITE_ROWS,
  SALES_IMPORT_WRITE_BULK,
} SalesImportWrite;

guint                   sales_import_get_header_row (SalesImport          *self);
const SalesImportField *sales_import_get_fields     (SalesImport          *self);
SalesImportSummary     *sales_import_begin_run      (SalesImport          *self);
void                    sales_import_reject         (SalesImport          *self,
                                                     const SalesImportRow *row,
                                                     char                 *reason);
gboolean                sales_import_row_is_blank   (const SalesImportRow *row);
SalesImportWrite        sales_import_get_write      (SalesImport          *self);
void                    sales_import_set_write      (SalesImport          *self,
                                                     SalesImportWrite      write);

G_END_DECLS
