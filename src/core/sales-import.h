/* sales-import.h: what to import from a file, and what came of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import-reader.h"
#include "sales-import-values.h"

G_BEGIN_DECLS

/* What a row that looks like a customer already there (or an earlier row) becomes. */
typedef enum
{
  SALES_IMPORT_SKIP,
  SALES_IMPORT_MERGE,
  SALES_IMPORT_CREATE,
} SalesImportPolicy;

typedef struct
{
  guint64 rows;               /* rows read, not counting the header and blank rows */
  guint64 customers_created;
  guint64 customers_merged;
  guint64 customers_skipped;
  guint64 contacts_created;
  guint64 deals_created;
  guint64 deals_merged;
  guint64 deals_skipped;
  guint64 followups_created;
  guint64 stages_created;
  guint64 reps_created;
  guint64 rejected;
} SalesImportSummary;

/* A row that was not imported. */
typedef struct
{
  guint   number;
  char   *reason;
  char  **cells;
} SalesImportRejected;

/* Called from the thread that imports, every few thousand rows. */
typedef void (*SalesImportProgress) (goffset  done,
                                     goffset  total,
                                     gpointer user_data);

#define SALES_TYPE_IMPORT (sales_import_get_type ())

G_DECLARE_FINAL_TYPE (SalesImport, sales_import, SALES, IMPORT, GObject)

SalesImport        *sales_import_new                (SalesImportReader *reader,
                                                     SalesImportKind    kind);
SalesImportReader  *sales_import_get_reader         (SalesImport       *self);
SalesImportKind     sales_import_get_kind           (SalesImport       *self);
SalesImportPolicy   sales_import_get_policy         (SalesImport       *self);
void                sales_import_set_policy         (SalesImport       *self,
                                                     SalesImportPolicy  policy);
gboolean            sales_import_get_create_stages  (SalesImport       *self);
void                sales_import_set_create_stages  (SalesImport       *self,
                                                     gboolean           create);
gboolean            sales_import_get_create_reps    (SalesImport       *self);
void                sales_import_set_create_reps    (SalesImport       *self,
                                                     gboolean           create);

gboolean            sales_import_read_header        (SalesImport       *self,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
const char * const *sales_import_get_headers        (SalesImport       *self,
                                                     guint             *n_headers);
SalesImportField    sales_import_get_field          (SalesImport       *self,
                                                     guint              column);
void                sales_import_set_field          (SalesImport       *self,
                                                     guint              column,
                                                     SalesImportField   field);
gboolean            sales_import_check_mapping      (SalesImport       *self,
                                                     GError           **error);

const SalesImportSummary *sales_import_get_summary  (SalesImport       *self);
GPtrArray          *sales_import_get_rejected       (SalesImport       *self);
char               *sales_import_describe_summary   (SalesImport       *self);
gboolean            sales_import_save_rejected      (SalesImport       *self,
                                                     const char        *path,
                                                     GError           **error);

gboolean            sales_import_policy_parse       (const char        *name,
                                                     SalesImportPolicy *policy);

G_END_DECLS
