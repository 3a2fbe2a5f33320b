/* sales-store-tags.c: the tags of customers
 *
 * A tag is a name (unique without regard to case) that any number of customers carry;
 * customer_tag links them. Adding a tag to customers, from the list or the detail page,
 * creates the tag when the name is new; removing it leaves the tag for other customers.
 * Each is one action: one transaction and one Undo, also over a thousand customers.
 *
 * A customer's tags are part of the customer for whoever shows it, so a customer whose
 * tags change is updated too (updated_at): its row is saved for undo like any other
 * change, and views hear ::changed for it, both when the action happens and when it is
 * undone or redone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/* Saves the customer's row and marks it changed, for the tags it gained or lost. */
static gboolean
touch_customer (SalesStore      *self,
                gint64           customer_id,
                gint64           now,
                SalesUndoEntry  *entry,
                GError         **error)
{
  sqlite3_stmt *stmt;

  if (!sales_undo_entry_save_row (entry, self, "customer", customer_id, error))
    return FALSE;

  stmt = sales_db_prepare (self->db,
                           "UPDATE customer SET updated_at = max (?2, created_at) WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return sales_store_step (self, stmt, error);
}

static char **
read_tags (SalesStore    *self,
           const char    *sql,
           gint64         customer_id,
           GArray        *ids,
           GError       **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (ids != NULL)
        g_array_append_val (ids, id);
      g_strv_builder_add (names, (const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_strv_builder_end (names);
}

/**
 * sales_store_list_tags:
 * @ids: (element-type gint64) (nullable): where to add the tags' ids, in the same order
 *
 * Returns: (transfer full): the names of every tag, sorted without regard to case, or
 *   %NULL with @error set
 */
char **
sales_store_list_tags (SalesStore  *self,
                       GArray      *ids,
                       GError     **error)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return read_tags (self, "SELECT id, name FROM tag ORDER BY name COLLATE NOCASE, id", 0, ids,
                    error);
}

/**
 * sales_store_list_customer_tags:
 * @ids: (element-type gint64) (nullable): where to add the tags' ids, in the same order
 *
 * Returns: (transfer full): the names of the tags of the customer @customer_id, sorted
 *   without regard to case, or %NULL with @error set
 */
char **
sales_store_list_customer_tags (SalesStore  *self,
                                gint64       customer_id,
                                GArray      *ids,
                                GError     **error)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return read_tags (self,
                    "SELECT t.id, t.name FROM customer_tag AS ct JOIN tag AS t ON t.id = ct.tag_id "
                    "WHERE ct.customer_id = ?1 ORDER BY t.name COLLATE NOCASE, t.id",
                    customer_id, ids, error);
}

/**
 * sales_store_find_tag:
 *
 * Returns: the id of the tag called @name (without regard to case), or 0
 */
gint64
sales_store_find_tag (SalesStore *self,
                      const char *name)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  stripped = g_strstrip (g_strdup (name));
  stmt = sales_db_prepare (self->db, "SELECT id FROM tag WHERE name = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot look a tag up: %s", error->message);
      return 0;
    }

  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
insert_tag (SalesStore      *self,
            const char      *name,
            SalesUndoEntry  *entry,
            gint64          *tag_id,
            GError         **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, "INSERT INTO tag (name) VALUES (?1)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  *tag_id = sqlite3_last_insert_rowid (sales_db_get_handle (self->db));
  sales_undo_entry_add_inserted (entry, "tag", *tag_id);
  return TRUE;
}

static gboolean
link_customers (SalesStore      *self,
                const gint64    *customer_ids,
                guint            n_customers,
                gint64           tag_id,
                SalesUndoEntry  *entry,
                GError         **error)
{
  sqlite3 *handle = sales_db_get_handle (self->db);
  gint64 now = sales_store_now (self);

  for (guint i = 0; i < n_customers; i++)
    {
      sqlite3_stmt *stmt;

      stmt = sales_db_prepare (self->db,
                               "INSERT OR IGNORE INTO customer_tag (customer_id, tag_id) "
                               "VALUES (?1, ?2)",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, customer_ids[i]);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!sales_store_step (self, stmt, error))
        return FALSE;

      /* A customer that had the tag already keeps it after an undo. */
      if (sqlite3_changes (handle) == 0)
        continue;

      sales_undo_entry_add_inserted (entry, "customer_tag", sqlite3_last_insert_rowid (handle));
      if (!touch_customer (self, customer_ids[i], now, entry, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sales_store_add_tag:
 * @customer_ids: (array length=n_customers): the customers to tag
 * @name: the tag; a name no tag has yet (without regard to case) makes a new tag
 * @tag_id: (out) (optional): the tag's id
 *
 * Gives the customers the tag, in one transaction, which Undo takes back whole (a tag
 * the action created goes too). Customers that have the tag already are left alone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_add_tag (SalesStore    *self,
                     const gint64  *customer_ids,
                     guint          n_customers,
                     const char    *name,
                     gint64        *tag_id,
                     GError       **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Give the tag a name"));
      return FALSE;
    }

  /* TRANSLATORS: the undo of tagging customers; %s is the tag */
  label = g_strdup_printf (_("Add Tag “%s”"), stripped);
  entry = sales_undo_entry_new (label);

  if (!sales_store_begin (self, error))
    return FALSE;

  id = sales_store_find_tag (self, stripped);
  if ((id == 0 && !insert_tag (self, stripped, entry, &id, error)) ||
      !link_customers (self, customer_ids, n_customers, id, entry, error) ||
      !sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return FALSE;
    }

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  if (tag_id != NULL)
    *tag_id = id;
  return TRUE;
}

/**
 * sales_store_remove_tag:
 * @customer_ids: (array length=n_customers): the customers to untag
 *
 * Takes the tag @tag_id off the customers, in one transaction, which Undo takes back.
 * The tag itself stays.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_remove_tag (SalesStore    *self,
                        const gint64  *customer_ids,
                        guint          n_customers,
                        gint64         tag_id,
                        GError       **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  gint64 now;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entry = sales_undo_entry_new (_("Remove Tag"));
  now = sales_store_now (self);

  if (!sales_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_customers; i++)
    {
      sqlite3_stmt *stmt;
      gint64 link_id = 0;
      int rc;

      stmt = sales_db_prepare (self->db,
                               "SELECT id FROM customer_tag WHERE customer_id = ?1 AND tag_id = ?2",
                               error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, customer_ids[i]);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        link_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          sales_db_set_error (self->db, rc, error);
          goto failed;
        }
      if (link_id == 0)
        continue;

      if (!sales_undo_entry_save_delete (entry, self, "customer_tag", link_id, error) ||
          !touch_customer (self, customer_ids[i], now, entry, error))
        goto failed;

      stmt = sales_db_prepare (self->db, "DELETE FROM customer_tag WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, link_id);
      if (!sales_store_step (self, stmt, error))
        goto failed;
    }

  if (!sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}
