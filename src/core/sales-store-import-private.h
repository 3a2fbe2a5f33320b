/* sales-store-import-private.h: what the files of sales_store_import() share
 *
 * sales-store-import.c runs the import and reads each row's cells; the rows of a customer
 * sheet are written by sales-store-import-customer.c, those of a deal sheet by
 * sales-store-import-deal.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import-private.h"
#include "sales-store-import-bulk.h"
#include "sales-store-private.h"

G_BEGIN_DECLS


typedef struct
{
  SalesStore             *store;
  SalesImport            *job;
  SalesImportSummary     *summary;
  const SalesImportField *fields;
  guint                   n_fields;
  guint                   header_row;
  SalesImportKind         kind;
  SalesImportPolicy       policy;
  /* NULL on the row path, see is_bulk() */
  SalesImportBulk        *bulk;
  SalesUndoEntry         *undo;
  GArray                 *changes;
  /* duplicate key ("p:…", "e:…", "n:…") -> customer id, for what the file wrote
   * since customer_key was last brought up to date */
  GHashTable             *file_keys;
  guint                   since_key_flush;
  /* Customers above this id are the import's own: undo deletes them. */
  gint64                  last_customer_before;
  /* "table:id" of the rows it saved a before-image of */
  GHashTable             *saved;
  /* case-folded name -> SalesStage */
  GHashTable             *stages;
  /* case-folded name or e-mail -> rep id */
  GHashTable             *reps;
  /* a source as the file writes it -> its code, or "" when it is no known one */
  GHashTable             *sources;
  gint64                  default_stage_id;
  SalesImportProgress     progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
  guint                   since_progress;
  char                   *values[SALES_IMPORT_N_FIELDS];
} ImportRun;

static inline gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static inline gint64
lookup_id (GHashTable *table,
           const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id != NULL ? *id : 0;
}

static inline char *
fold (const char *text)
{
  return g_utf8_casefold (text, -1);
}

static inline const char *
value (ImportRun        *run,
       SalesImportField  field)
{
  return run->values[field];
}

gboolean sales_import_run_insert        (ImportRun             *run,
                                        SalesRecord           *row,
                                        GError               **error);
gboolean sales_import_run_update        (ImportRun             *run,
                                        SalesRecord           *old,
                                        SalesRecord           *row,
                                        GError               **error);
gboolean sales_import_run_find_rep      (ImportRun             *run,
                                        const char            *name,
                                        gint64                *rep_id,
                                        char                 **reason,
                                        GError               **error);
gboolean sales_import_run_customer_row  (ImportRun             *run,
                                        const SalesImportRow  *row,
                                        GError               **error);
gboolean sales_import_run_deal_customer (ImportRun             *run,
                                        gint64                *customer_id,
                                        char                 **reason,
                                        GError               **error);
gboolean sales_import_run_deal_row      (ImportRun             *run,
                                        const SalesImportRow  *row,
                                        GError               **error);

G_END_DECLS
