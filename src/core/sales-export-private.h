/* sales-export-private.h: what the files of the export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sales-export.h"

G_BEGIN_DECLS

/* How a column's SQL value becomes a cell. */
typedef enum
{
  SALES_EXPORT_TEXT,         /* text, neutralised when it could be taken for a formula */
  SALES_EXPORT_ID,           /* an integer, a number cell */
  SALES_EXPORT_INTEGER,      /* an integer, a number cell */
  SALES_EXPORT_CENTS,        /* integer minor units, an amount with two decimals */
  SALES_EXPORT_DATE,         /* an ISO date YYYY-MM-DD, a date cell */
  SALES_EXPORT_TIME,         /* Unix seconds, a date and time cell in local time */
  SALES_EXPORT_YES_NO,       /* 0 or 1, "Yes" or "" */
  SALES_EXPORT_SOURCE,       /* customer.source: its label */
  SALES_EXPORT_KIND,         /* activity.kind: its label */
} SalesExportType;

typedef struct
{
  const char      *title;     /* translated with the context "export column" */
  SalesExportType  type;
} SalesExportColumn;

typedef struct
{
  const char              *name;      /* for the command line and file names */
  const char              *label;     /* N_() */
  const char              *table;     /* the table whose rows are exported, as "x" */
  const char              *counted;   /* the stored table with as many rows */
  const char              *select;    /* the columns, in the order of @columns */
  const char              *joins;     /* joined to "x" */
  const char              *with;      /* a WITH clause before the SELECT, or NULL */
  const SalesExportColumn *columns;
  guint                    n_columns;
} SalesExportTableInfo;

const SalesExportTableInfo *sales_export_table_info (SalesExportTable table);

/* A file being written: header, rows of cells, then finish or abort. */
typedef struct _SalesExportSink SalesExportSink;

SalesExportSink *sales_export_sink_new_csv  (const char               *path,
                                             GError                  **error);
SalesExportSink *sales_export_sink_new_xlsx (const char               *path,
                                             const char               *sheet_name,
                                             GError                  **error);
gboolean         sales_export_sink_header   (SalesExportSink          *sink,
                                             const SalesExportColumn  *columns,
                                             guint                     n_columns,
                                             GError                  **error);
gboolean         sales_export_sink_row      (SalesExportSink          *sink,
                                             sqlite3_stmt             *stmt,
                                             GError                  **error);
gboolean         sales_export_sink_finish   (SalesExportSink          *sink,
                                             GError                  **error);
void             sales_export_sink_free     (SalesExportSink          *sink);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalesExportSink, sales_export_sink_free)

G_END_DECLS
