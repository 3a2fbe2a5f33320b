/* sales-store-import.c: customers, contacts, deals and follow-ups from a file, in one transaction
 *
 * Every row is read, checked and turned into drafts before anything of it is
 * written, so a row with a missing name, a bad amount or an unknown stage is
 * rejected whole (with its number and the reason) while the others go in. A
 * failure to write, a cancel or a crash rolls the whole import back: the
 * rows go through the store's own checks and rules (timestamps, a deal's
 * place and stage history, lead assignment), all inside one transaction.
 *
 * Duplicates follow the rules of sales-duplicates.c: a customer is the same
 * as another when they share a normalised phone or e-mail (their own or a
 * contact's) or company name. The keys are read from customer_key, which the
 * store brings up to date from the rows before a commit; the import does so
 * every few thousand rows too, and keeps the keys of the rows since in a hash
 * table, so that its memory does not grow with the file. A deal is the same
 * as another when it has the same customer and title; the deals the import
 * wrote are in the table already.
 *
 * The import is one undo entry: the rows it inserted (a customer's contacts,
 * deals and follow-ups go with it by cascade) and the before-image of each
 * row it merged into.
 *
 * This file runs the import and reads each row's cells; sales-store-import-customer.c writes
 * the rows of a customer sheet, sales-store-import-deal.c those of a deal sheet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-backup.h"
#include "sales-customer-index.h"
#include "sales-store-import-private.h"

/* Rows between two progress reports. */
#define PROGRESS_ROWS 2000

/* Rows between two updates of customer_key inside the transaction. */
#define KEY_FLUSH_ROWS 5000

/* See is_bulk(): a row of a customer sheet is about 100 bytes. */
#define BULK_MIN_BYTES (1024 * 1024)
#define BYTES_PER_ROW 100

static gboolean
load_stages_and_reps (ImportRun  *run,
                      GError    **error)
{
  g_autoptr(GListModel) stages = sales_store_list_stages (run->store);
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SalesStage) stage = g_list_model_get_item (stages, i);

      if (run->default_stage_id == 0 && sales_stage_get_kind (stage) == SALES_STAGE_KIND_OPEN)
        run->default_stage_id = sales_record_get_id (SALES_RECORD (stage));
      g_hash_table_insert (run->stages, fold (sales_stage_get_name (stage)),
                           g_object_ref (stage));
    }

  stmt = sales_db_prepare (sales_store_get_db (run->store),
                           "SELECT id, name, email FROM rep ORDER BY active DESC, id DESC", error);
  if (stmt == NULL)
    return FALSE;

  /* Later rows win, so an active rep and then the oldest one is found by a shared name. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *)sqlite3_column_text (stmt, 1);
      const char *email = (const char *)sqlite3_column_text (stmt, 2);

      if (name != NULL)
        g_hash_table_insert (run->reps, fold (name), id_new (id));
      if (email != NULL && *email != '\0')
        g_hash_table_insert (run->reps, fold (email), id_new (id));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (sales_store_get_db (run->store), rc, error);

  return TRUE;
}

/* Cells */

static void
take_values (ImportRun            *run,
             const SalesImportRow *row)
{
  for (guint i = 0; i < SALES_IMPORT_N_FIELDS; i++)
    g_clear_pointer (&run->values[i], g_free);

  for (guint i = 0; i < MIN (row->n_cells, run->n_fields); i++)
    {
      SalesImportField field = run->fields[i];

      if (field != SALES_IMPORT_FIELD_NONE && sales_import_field_applies (run->kind, field))
        {
          char *value = g_strstrip (g_strdup (row->cells[i]));

          sales_import_unneutralize (value);
          if (*value == '\0')
            g_clear_pointer (&value, g_free);
          g_free (run->values[field]);
          run->values[field] = value;
        }
    }
}

/* Writing rows through the store's rules: what a user's edit would write, and @run's undo
 * entry keeps what the import changed. */

gboolean
sales_import_run_insert (ImportRun    *run,
                         SalesRecord  *row,
                         GError      **error)
{
  if (!sales_store_prepare_insert (run->store, row, error) ||
      !sales_store_insert_row (run->store, row, error))
    return FALSE;

  g_array_set_size (run->changes, 0);
  return sales_store_after_write (run->store, NULL, row, run->changes, error);
}

gboolean
sales_import_run_update (ImportRun    *run,
                         SalesRecord  *old,
                         SalesRecord  *row,
                         GError      **error)
{
  const char *table = sales_record_get_table_name (row);
  gint64 id = sales_record_get_id (row);
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);

  /* Rows this import inserted go back by being deleted; others need their old values. */
  if (!(g_str_equal (table, "customer") && id > run->last_customer_before) &&
      !g_hash_table_contains (run->saved, key))
    {
      if (!sales_undo_entry_save_row (run->undo, run->store, table, id, error))
        return FALSE;
      g_hash_table_add (run->saved, g_steal_pointer (&key));
    }

  if (g_str_equal (table, "deal"))
    sales_store_keep_deal_before (run->store, SALES_DEAL (old));

  if (!sales_store_prepare_update (run->store, old, row, error) ||
      !sales_store_update_row (run->store, row, error))
    return FALSE;

  g_array_set_size (run->changes, 0);
  return sales_store_after_write (run->store, old, row, run->changes, error);
}

/* Looking things up by name */

gboolean
sales_import_run_find_rep (ImportRun   *run,
                           const char  *name,
                           gint64      *rep_id,
                           char       **reason,
                           GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(SalesRep) rep = NULL;

  *rep_id = 0;
  if (name == NULL)
    return TRUE;

  key = fold (name);
  *rep_id = lookup_id (run->reps, key);
  if (*rep_id != 0)
    return TRUE;

  if (!sales_import_get_create_reps (run->job))
    {
      *reason = g_strdup_printf (_("There is no sales rep “%s”"), name);
      return TRUE;
    }

  rep = g_object_new (SALES_TYPE_REP, NULL);
  sales_rep_set_name (rep, name);
  sales_rep_set_active (rep, TRUE);
  if (!sales_record_validate (SALES_RECORD (rep), error) ||
      !sales_import_run_insert (run, SALES_RECORD (rep), error))
    return FALSE;

  *rep_id = sales_record_get_id (SALES_RECORD (rep));
  sales_undo_entry_add_inserted (run->undo, "rep", *rep_id);
  g_hash_table_insert (run->reps, g_steal_pointer (&key), id_new (*rep_id));
  run->summary->reps_created++;
  return TRUE;
}

/* The run */

static gboolean
on_row (const SalesImportRow  *row,
        gpointer               user_data,
        GError               **error)
{
  ImportRun *run = user_data;
  SalesImportReader *reader = sales_import_get_reader (run->job);

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;

  if (++run->since_progress >= PROGRESS_ROWS)
    {
      run->since_progress = 0;
      if (run->progress != NULL)
        run->progress (sales_import_reader_get_offset (reader),
                       sales_import_reader_get_size (reader), run->progress_data);
    }

  if (row->number <= run->header_row || sales_import_row_is_blank (row))
    return TRUE;

  if (run->bulk == NULL && ++run->since_key_flush >= KEY_FLUSH_ROWS)
    {
      run->since_key_flush = 0;
      if (!sales_customer_index_flush (sales_store_get_db (run->store), error))
        return FALSE;
      g_hash_table_remove_all (run->file_keys);
    }

  run->summary->rows++;
  if (row->invalid_column >= 0)
    {
      const char *header = (guint)row->invalid_column < run->n_fields
                           ? sales_import_get_headers (run->job, NULL)[row->invalid_column] : "";
      SalesImportReader *r = reader;
      SalesImportEncoding encoding = sales_import_reader_get_encoding (r);

      if (encoding == SALES_IMPORT_ENCODING_AUTO)
        encoding = sales_import_reader_get_detected_encoding (r);
      sales_import_reject (run->job, row,
                           g_strdup_printf (_("Column %d (“%s”) is not valid %s text"),
                                            row->invalid_column + 1, header,
                                            sales_import_encoding_describe (encoding)));
      return TRUE;
    }

  take_values (run, row);
  if (run->kind == SALES_IMPORT_CUSTOMERS)
    return sales_import_run_customer_row (run, row, error);
  return sales_import_run_deal_row (run, row, error);
}

static void
import_run_clear (ImportRun *run)
{
  for (guint i = 0; i < SALES_IMPORT_N_FIELDS; i++)
    g_free (run->values[i]);
  g_clear_pointer (&run->undo, sales_undo_entry_free);
  g_array_unref (run->changes);
  g_hash_table_unref (run->file_keys);
  g_hash_table_unref (run->saved);
  g_hash_table_unref (run->stages);
  g_hash_table_unref (run->reps);
  g_hash_table_unref (run->sources);
  g_clear_pointer (&run->bulk, sales_import_bulk_free);
}

static gboolean
back_up (SalesStore  *self,
         GError     **error)
{
  g_autofree char *backup = NULL;

  /* Nothing to lose in an empty database, nor in one that is not a file. */
  if (sales_db_get_path (sales_store_get_db (self)) == NULL || sales_store_is_empty (self))
    return TRUE;

  backup = sales_backup_before (sales_store_get_db (self), "import", error);
  return backup != NULL;
}

/* Whether the file likely has more rows than the database: then the import takes the bulk
 * path. What every row would otherwise do a few statements for is done once for all rows
 * before the commit, which costs less when they are most of the database: the key figures'
 * triggers (a dozen statements for each new customer or deal) are dropped and the
 * summaries computed again from all rows, and so on (sales-store-import-bulk.c). */
static gboolean
is_bulk (SalesStore         *self,
         SalesImport        *job,
         gboolean           *bulk,
         GError            **error)
{
  goffset size = sales_import_reader_get_size (sales_import_get_reader (job));
  gint64 rows = 0;

  *bulk = sales_import_get_write (job) == SALES_IMPORT_WRITE_BULK;
  if (sales_import_get_write (job) != SALES_IMPORT_WRITE_AUTO || size < BULK_MIN_BYTES)
    return TRUE;

  if (!sales_store_query_int64 (self, "SELECT (SELECT count (*) FROM customer) + "
                                      "(SELECT count (*) FROM deal)", 0, 0, &rows, error))
    return FALSE;

  *bulk = size / BYTES_PER_ROW > rows;
  return TRUE;
}

/**
 * sales_store_import:
 * @job: what to import; its header is read here if it was not yet
 * @progress: (nullable): called every few thousand rows with the bytes read
 *
 * Backs the database up (when it holds anything), then imports every row of
 * @job's file in one transaction. Rows that cannot be imported are rejected
 * and listed in @job; the others go in. The import can then be undone as a
 * whole with sales_store_undo().
 *
 * Returns: %TRUE (also when rows were rejected), or %FALSE with @error set
 *   and nothing written: the file cannot be read, no column holds a
 *   customer's name, a write failed, or @cancellable was cancelled
 */
gboolean
sales_store_import (SalesStore          *self,
                    SalesImport         *job,
                    SalesImportProgress  progress,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  ImportRun run = { 0 };
  gboolean bulk = FALSE;
  gboolean ok;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_IMPORT (job), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sales_import_get_headers (job, NULL) == NULL &&
      !sales_import_read_header (job, cancellable, error))
    return FALSE;
  if (!sales_import_check_mapping (job, error))
    return FALSE;

  if (!back_up (self, error) || !is_bulk (self, job, &bulk, error))
    return FALSE;

  run.store = self;
  run.job = job;
  run.summary = sales_import_begin_run (job);
  run.fields = sales_import_get_fields (job);
  sales_import_get_headers (job, &run.n_fields);
  run.header_row = sales_import_get_header_row (job);
  run.kind = sales_import_get_kind (job);
  run.policy = sales_import_get_policy (job);
  run.undo = sales_undo_entry_new (_("Import"));
  run.changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  run.file_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  run.reps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.progress = progress;
  run.progress_data = user_data;
  run.cancellable = cancellable;

  if (bulk)
    run.bulk = sales_import_bulk_prepare (sales_store_get_db (self));

  ok = sales_store_begin (self, error);
  if (ok)
    {
      ok = sales_store_query_int64 (self, "SELECT coalesce (max (id), 0) FROM customer", 0, 0,
                                    &run.last_customer_before, error) &&
           (!bulk || sales_import_bulk_start (run.bulk, run.last_customer_before,
                                              sales_import_reader_get_size (
                                                sales_import_get_reader (job)) / BYTES_PER_ROW,
                                              error)) &&
           load_stages_and_reps (&run, error) &&
           sales_import_reader_read (sales_import_get_reader (job), on_row, &run, cancellable,
                                     error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error) &&
           (!bulk || sales_import_bulk_finish (run.bulk, error)) &&
           sales_store_commit (self, error);
      if (!ok)
        sales_db_rollback (sales_store_get_db (self));
    }

  /* The journal and page cache as they were */
  g_clear_pointer (&run.bulk, sales_import_bulk_free);

  if (ok)
    {
      if (progress != NULL)
        progress (sales_import_reader_get_size (sales_import_get_reader (job)),
                  sales_import_reader_get_size (sales_import_get_reader (job)), user_data);
      sales_store_finish_entry (self, g_steal_pointer (&run.undo), TRUE);
    }
  else
    {
      /* Nothing of it was written: the summary must not say otherwise. */
      sales_import_begin_run (job);
    }

  import_run_clear (&run);
  return ok;
}
