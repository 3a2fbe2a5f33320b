/* sales-import-reader-private.h: what the readers of CSV and .xlsx files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import-reader.h"

G_BEGIN_DECLS

/* Cells past this column are dropped (Excel's last column is XFD, the 16 384th). */
#define SALES_IMPORT_MAX_COLUMNS 16384

/* Counts the bytes taken from the file, for progress. */
typedef struct
{
  GInputStream *stream;
  goffset       offset;
} SalesImportInput;

gssize   sales_import_input_read       (SalesImportInput    *input,
                                        void                *buffer,
                                        gsize                size,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean sales_import_input_rewind     (SalesImportInput    *input,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* sales-import-csv.c */
gboolean sales_import_read_bom         (SalesImportInput    *input,
                                        SalesImportEncoding *found,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean sales_import_detect_encoding  (SalesImportInput    *input,
                                        SalesImportEncoding *encoding,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean sales_import_csv_read         (SalesImportInput    *input,
                                        SalesImportEncoding  encoding,
                                        char                *delimiter,
                                        SalesImportRowFunc   func,
                                        gpointer             user_data,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* sales-import-xlsx.c */
char   **sales_import_xlsx_list_sheets (SalesImportInput    *input,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean sales_import_xlsx_read        (SalesImportInput    *input,
                                        const char          *sheet,
                                        SalesImportRowFunc   func,
                                        gpointer             user_data,
                                        GCancellable        *cancellable,
                                        GError             **error);

G_END_DECLS
