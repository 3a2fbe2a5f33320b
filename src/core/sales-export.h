/* sales-export.h: one table of the database, or the rows a list shows, as CSV or .xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-deal-filter.h"

G_BEGIN_DECLS

/* What is exported; each is one sheet with a header row. */
typedef enum
{
  SALES_EXPORT_CUSTOMERS,
  SALES_EXPORT_CONTACTS,
  SALES_EXPORT_DEALS,
  SALES_EXPORT_FOLLOWUPS,
  SALES_EXPORT_CONTRACTS,
  SALES_EXPORT_INSTALMENTS,
  SALES_EXPORT_PAYMENTS,
} SalesExportTable;

#define SALES_EXPORT_N_TABLES (SALES_EXPORT_PAYMENTS + 1)

typedef enum
{
  SALES_EXPORT_FORMAT_CSV,
  SALES_EXPORT_FORMAT_XLSX,
} SalesExportFormat;

#define SALES_EXPORT_ERROR (sales_export_error_quark ())

typedef enum
{
  SALES_EXPORT_ERROR_FORMAT,     /* the file name has no known extension */
  SALES_EXPORT_ERROR_WRITE,      /* the file cannot be written */
  SALES_EXPORT_ERROR_DATABASE,   /* the database cannot be read */
  SALES_EXPORT_ERROR_TOO_MANY,   /* more rows than a worksheet holds */
} SalesExportError;

/* The most data rows one .xlsx worksheet holds (below its header row). */
#define SALES_EXPORT_XLSX_MAX_ROWS 1048575

/* Called every few thousand rows and once at the end, in the thread that runs the export. */
typedef void (*SalesExportProgress) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

#define SALES_TYPE_EXPORTER (sales_exporter_get_type ())

G_DECLARE_FINAL_TYPE (SalesExporter, sales_exporter, SALES, EXPORTER, GObject)

GQuark            sales_export_error_quark         (void);
gboolean          sales_export_format_for_path     (const char           *path,
                                                    SalesExportFormat    *format,
                                                    GError              **error);
const char       *sales_export_table_to_string     (SalesExportTable      table);
gboolean          sales_export_table_from_string   (const char           *text,
                                                    SalesExportTable     *table);
const char       *sales_export_table_get_label     (SalesExportTable      table);
char             *sales_export_neutralize          (const char           *text);

SalesExporter    *sales_exporter_new               (const char           *db_path,
                                                    SalesExportTable      table);
const char       *sales_exporter_get_db_path       (SalesExporter        *self);
SalesExportTable  sales_exporter_get_table         (SalesExporter        *self);
void              sales_exporter_set_ids           (SalesExporter        *self,
                                                    const gint64         *ids,
                                                    gsize                 n_ids);
void              sales_exporter_set_deal_filter   (SalesExporter        *self,
                                                    SalesDealFilter      *filter,
                                                    gint64                now);
gboolean          sales_exporter_run               (SalesExporter        *self,
                                                    const char           *path,
                                                    SalesExportFormat     format,
                                                    SalesExportProgress   progress,
                                                    gpointer              user_data,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
guint64           sales_exporter_get_n_rows        (SalesExporter        *self);

gboolean          sales_export_command_run         (const char           *db_path,
                                                    SalesExportTable      table,
                                                    const char           *path,
                                                    GError              **error);

G_END_DECLS
