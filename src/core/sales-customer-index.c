/* sales-customer-index.c: data derived from customers, kept in step with them
 *
 * The duplicate keys (and the search index) are computed in C from the
 * customer and contact rows. SQL triggers note which customers changed in
 * customer_dirty (schema v3); every write of the store calls
 * sales_customer_index_flush() just before its COMMIT, so the derived rows
 * change in the same transaction as the rows they come from, whichever path
 * wrote them: an edit, a delete's cascade, undo, a merge, an import, the demo
 * generator. Changes made outside the program are caught up when it opens the
 * file (sales_customer_index_flush_now()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sales-customer-index.h"
#include "sales-customer-search.h"
#include "sales-normalize.h"

/* From this many keys on, an empty customer_key is filled in bulk (insert_keys ()). */
#define BULK_MIN 1000

typedef struct
{
  const char *key;
  gint64      customer_id;
} KeyRow;

static void
add_key (GArray       *rows,
         GStringChunk *chunk,
         const char   *prefix,
         char         *value,
         gint64        id)
{
  g_autofree char *owned = value;
  g_autofree char *key = NULL;
  KeyRow row;

  if (owned == NULL)
    return;

  key = g_strconcat (prefix, owned, NULL);
  row.key = g_string_chunk_insert (chunk, key);
  row.customer_id = id;
  g_array_append_val (rows, row);
}

/* Read in one pass per table, joined to customer_dirty, rather than three
 * statements per customer: the demo generator and an upgrade note 100 000
 * customers at once. */
static gboolean
collect_keys (SalesDb       *db,
              const char    *sql,
              gint64         customer_id,
              GArray        *rows,
              GStringChunk  *chunk,
              GError       **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, error);
  int n_columns;
  int rc;

  if (stmt == NULL)
    return FALSE;

  if (customer_id != 0)
    sqlite3_bind_int64 (stmt, 1, customer_id);

  n_columns = sqlite3_column_count (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *phone = (const char *)sqlite3_column_text (stmt, 1);
      const char *email = (const char *)sqlite3_column_text (stmt, 2);

      add_key (rows, chunk, "p:", sales_normalize_phone (phone), id);
      add_key (rows, chunk, "e:", sales_normalize_email (email), id);
      if (n_columns > 3)
        add_key (rows, chunk, "n:",
                 sales_normalize_company_name ((const char *)sqlite3_column_text (stmt, 3)), id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

static gboolean
is_empty (SalesDb    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gboolean empty = FALSE;

  if (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);
  return empty;
}

/* The order of the table's primary key (BINARY collation compares bytes, as strcmp does). */
static int
compare_key_rows (const void *a,
                  const void *b)
{
  const KeyRow *x = a, *y = b;
  int cmp = strcmp (x->key, y->key);

  if (cmp != 0)
    return cmp;
  return x->customer_id < y->customer_id ? -1 : x->customer_id > y->customer_id;
}

/* In key order each row goes after the one before in customer_key's b-tree rather than at a
 * random place, and when the table starts empty (sample data, an upgrade) its index by
 * customer is built at the end: 1.3 million keys of 200 000 sample customers took 4.3 s of
 * CPU as they were read, most of it searching the two trees, and 1.5 s so. */
static gboolean
insert_keys (SalesDb       *db,
             GArray        *rows,
             GError       **error)
{
  g_autoptr(GPtrArray) indexes = NULL;
  sqlite3_stmt *insert;

  /* An empty GArray has no data at all, and qsort (NULL, 0, …) is undefined. */
  if (rows->len == 0)
    return TRUE;

  insert = sales_db_prepare (db, "INSERT OR IGNORE INTO customer_key (key, customer_id) "
                                 "VALUES (?1, ?2)",
                             error);
  if (insert == NULL)
    return FALSE;

  qsort (rows->data, rows->len, sizeof (KeyRow), compare_key_rows);

  if (rows->len >= BULK_MIN && is_empty (db, "SELECT NOT EXISTS (SELECT 1 FROM customer_key)"))
    {
      indexes = sales_db_drop_indexes (db, (const char * const[]) { "customer_key", NULL },
                                       error);
      if (indexes == NULL)
        return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const KeyRow *row = &g_array_index (rows, KeyRow, i);
      int rc;

      if (i > 0 && compare_key_rows (row, row - 1) == 0)
        continue;

      sqlite3_bind_text (insert, 1, row->key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert, 2, row->customer_id);
      rc = sqlite3_step (insert);
      sqlite3_reset (insert);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (db, rc, error);
    }

  return indexes == NULL || sales_db_create_indexes (db, indexes, error);
}

/**
 * sales_customer_keys_update:
 *
 * Replaces the duplicate keys of the customers noted in customer_dirty: the
 * normalised name, phone and email of the customer and the phones and emails
 * of its contacts. Customers that no longer exist lose theirs. Call inside a
 * transaction.
 */
gboolean
sales_customer_keys_update (SalesDb  *db,
                            GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (KeyRow));
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (64 * 1024);

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);

  return sales_db_exec (db,
                        "DELETE FROM customer_key "
                        "WHERE customer_id IN (SELECT customer_id FROM customer_dirty)",
                        error) &&
         collect_keys (db,
                       "SELECT c.id, c.phone, c.email, c.name "
                       "FROM customer_dirty d JOIN customer c ON c.id = d.customer_id",
                       0, rows, chunk, error) &&
         collect_keys (db,
                       "SELECT k.customer_id, k.phone, k.email "
                       "FROM customer_dirty d JOIN contact k ON k.customer_id = d.customer_id",
                       0, rows, chunk, error) &&
         insert_keys (db, rows, error);
}

/**
 * sales_customer_keys_refresh:
 * @customer_id: a customer whose rows the caller changed
 *
 * Replaces the duplicate keys of one customer now, as sales_customer_keys_update() would
 * at the commit, for a bulk write that checks its later rows against them (an import
 * merging into a customer). Call inside a transaction.
 */
gboolean
sales_customer_keys_refresh (SalesDb  *db,
                             gint64    customer_id,
                             GError  **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (KeyRow));
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (1024);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (customer_id > 0, FALSE);

  stmt = sales_db_prepare (db, "DELETE FROM customer_key WHERE customer_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return collect_keys (db, "SELECT id, phone, email, name FROM customer WHERE id = ?1",
                       customer_id, rows, chunk, error) &&
         collect_keys (db, "SELECT customer_id, phone, email FROM contact "
                           "WHERE customer_id = ?1",
                       customer_id, rows, chunk, error) &&
         insert_keys (db, rows, error);
}

/**
 * sales_customer_index_suspend:
 *
 * For a bulk write that keeps the derived data of the customers it writes itself (an
 * import writes the duplicate keys of its new customers as it goes, and their search
 * index in one pass at the end), inside its transaction: drops the triggers that note
 * every written customer and contact in customer_dirty, two statements a row. The caller
 * notes in customer_dirty what it leaves to the commit. A rollback brings the triggers
 * back.
 *
 * Returns: (transfer full) (element-type utf8): the triggers' statements for
 *   sales_customer_index_resume(), or %NULL with @error set
 */
GPtrArray *
sales_customer_index_suspend (SalesDb  *db,
                              GError  **error)
{
  g_autoptr(GPtrArray) creates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (sales_db_in_transaction (db), NULL);

  stmt = sales_db_prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                               "AND tbl_name IN ('customer', 'contact') "
                               "AND name GLOB '*_dirty_*' ORDER BY name",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (drops, g_strdup_printf ("DROP TRIGGER \"%s\"",
                                               sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (creates, g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < drops->len; i++)
    if (!sales_db_exec (db, g_ptr_array_index (drops, i), error))
      return NULL;

  return g_steal_pointer (&creates);
}

/**
 * sales_customer_index_resume:
 * @statements: (element-type utf8): what sales_customer_index_suspend() returned
 *
 * Creates the triggers again, inside the same transaction.
 */
gboolean
sales_customer_index_resume (SalesDb    *db,
                             GPtrArray  *statements,
                             GError    **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  for (guint i = 0; i < statements->len; i++)
    if (!sales_db_exec (db, g_ptr_array_index (statements, i), error))
      return FALSE;

  return TRUE;
}

/**
 * sales_customer_index_flush:
 *
 * Recomputes the derived data of every customer noted in customer_dirty and
 * empties it. Call inside the write transaction, just before COMMIT.
 */
gboolean
sales_customer_index_flush (SalesDb  *db,
                            GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);

  stmt = sales_db_prepare (db, "SELECT customer_id FROM customer_dirty", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  if (ids->len == 0)
    return TRUE;

  return sales_customer_keys_update (db, error) &&
         sales_customer_search_update (db, (const gint64 *)(gpointer)ids->data, ids->len,
                                       error) &&
         sales_db_exec (db, "DELETE FROM customer_dirty", error);
}

/**
 * sales_customer_index_flush_now:
 *
 * Catches up, in a transaction of its own, with customers changed outside
 * the store: by an upgrade that added derived data, or with the sqlite3
 * shell. Does nothing, and does not write, when nothing is pending.
 */
gboolean
sales_customer_index_flush_now (SalesDb  *db,
                                GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean pending;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);

  stmt = sales_db_prepare (db, "SELECT EXISTS (SELECT 1 FROM customer_dirty)", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  pending = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return sales_db_set_error (db, rc, error);

  if (!pending)
    return TRUE;

  if (!sales_db_begin (db, error))
    return FALSE;

  if (!sales_customer_index_flush (db, error) || !sales_db_commit (db, error))
    {
      sales_db_rollback (db);
      return FALSE;
    }

  return TRUE;
}
