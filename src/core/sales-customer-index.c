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

#include "sales-customer-index.h"
#include "sales-customer-search.h"
#include "sales-normalize.h"

static gboolean
step_done (SalesDb       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

static gboolean
insert_key (SalesDb       *db,
            sqlite3_stmt  *insert,
            const char    *prefix,
            char          *value,
            gint64         id,
            GError       **error)
{
  g_autofree char *owned = value;
  g_autofree char *key = NULL;

  if (owned == NULL)
    return TRUE;

  key = g_strconcat (prefix, owned, NULL);
  sqlite3_bind_text (insert, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, id);

  return step_done (db, insert, error);
}

/* Read in one pass per table, joined to customer_dirty, rather than three
 * statements per customer: the demo generator and an upgrade note 100 000
 * customers at once. */
static gboolean
insert_keys_from (SalesDb       *db,
                  const char    *sql,
                  sqlite3_stmt  *insert,
                  GError       **error)
{
  sqlite3_stmt *rows = sales_db_prepare (db, sql, error);
  int n_columns;
  int rc;

  if (rows == NULL)
    return FALSE;

  n_columns = sqlite3_column_count (rows);
  while ((rc = sqlite3_step (rows)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (rows, 0);
      const char *phone = (const char *)sqlite3_column_text (rows, 1);
      const char *email = (const char *)sqlite3_column_text (rows, 2);

      if (!insert_key (db, insert, "p:", sales_normalize_phone (phone), id, error) ||
          !insert_key (db, insert, "e:", sales_normalize_email (email), id, error) ||
          (n_columns > 3 &&
           !insert_key (db, insert, "n:",
                        sales_normalize_company_name ((const char *)sqlite3_column_text (rows, 3)),
                        id, error)))
        {
          sqlite3_reset (rows);
          return FALSE;
        }
    }
  sqlite3_reset (rows);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
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
  sqlite3_stmt *insert;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);

  insert = sales_db_prepare (db,
                             "INSERT OR IGNORE INTO customer_key (key, customer_id) "
                             "VALUES (?1, ?2)",
                             error);

  return insert != NULL &&
         sales_db_exec (db,
                        "DELETE FROM customer_key "
                        "WHERE customer_id IN (SELECT customer_id FROM customer_dirty)",
                        error) &&
         insert_keys_from (db,
                           "SELECT c.id, c.phone, c.email, c.name "
                           "FROM customer_dirty d JOIN customer c ON c.id = d.customer_id",
                           insert, error) &&
         insert_keys_from (db,
                           "SELECT k.customer_id, k.phone, k.email "
                           "FROM customer_dirty d JOIN contact k ON k.customer_id = d.customer_id",
                           insert, error);
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
