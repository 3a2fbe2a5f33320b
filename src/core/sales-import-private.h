/* sales-import-private.h: what SalesStore's import fills in of a SalesImport
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import.h"

G_BEGIN_DECLS

guint                   sales_import_get_header_row (SalesImport          *self);
const SalesImportField *sales_import_get_fields     (SalesImport          *self);
SalesImportSummary     *sales_import_begin_run      (SalesImport          *self);
void                    sales_import_reject         (SalesImport          *self,
                                                     const SalesImportRow *row,
                                                     char                 *reason);
gboolean                sales_import_row_is_blank   (const SalesImportRow *row);

G_END_DECLS
