/* sales-store-bulk.c: one action over many customers
 *
 * The customer list acts on its selection: assign an owner (or give the customers back
 * to the public pool), change the tier, delete. However many customers are selected,
 * that is one transaction and one Undo, built on the same before-images as every other
 * undoable action: a delete saves each customer with its contacts, deals, follow-ups,
 * contracts, tags and events, and undo writes them all back with their ids.
 *
 * Assigning writes the pool's log too: a customer_event per customer that changes hands,
 * 'assigned' with the old and new owner, or 'returned' when it goes to the pool, so the
 * customer's timeline tells who had it when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/* The customer's owner (0 for the pool); FALSE with @error set when it is gone. */
static gboolean
read_owner (SalesStore  *self,
            gint64       customer_id,
            gint64      *owner_id,
            gboolean    *exists,
            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db, "SELECT coalesce (owner_id, 0) FROM customer WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW;
  if (*exists)
    *owner_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

static gboolean
insert_event (SalesStore      *self,
              gint64           customer_id,
              gint64           from_owner_id,
              gint64           to_owner_id,
              gint64           now,
              SalesUndoEntry  *entry,
              GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = sales_db_prepare (self->db,
                           "INSERT INTO customer_event "
                           "(customer_id, kind, from_owner_id, to_owner_id, at) "
                           "VALUES (?1, ?2, nullif (?3, 0), nullif (?4, 0), ?5)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, to_owner_id != 0 ? "assigned" : "returned", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, from_owner_id);
  sqlite3_bind_int64 (stmt, 4, to_owner_id);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  sales_undo_entry_add_inserted (entry, "customer_event",
                                 sqlite3_last_insert_rowid (sales_db_get_handle (self->db)));
  return TRUE;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND,
                       _("The customer no longer exists"));
}

static gboolean
finish (SalesStore      *self,
        SalesUndoEntry  *entry,
        GError         **error)
{
  if (!sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      sales_undo_entry_free (entry);
      return FALSE;
    }

  sales_store_finish_entry (self, entry, FALSE);
  return TRUE;
}

/**
 * sales_store_assign_customers:
 * @customer_ids: (array length=n_customers): the customers
 * @owner_id: the rep who gets them, or 0 for the public pool
 *
 * Gives the customers to @owner_id, logging each change of hands as a customer_event,
 * in one transaction that Undo takes back whole. Customers that @owner_id has already
 * are left alone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_assign_customers (SalesStore    *self,
                              const gint64  *customer_ids,
                              guint          n_customers,
                              gint64         owner_id,
                              GError       **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 now;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, FALSE);
  g_return_val_if_fail (owner_id >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  label = owner_id != 0
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Assign %u Customer",
                                          "Assign %u Customers", n_customers),
                             n_customers)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Return %u Customer to the Pool",
                                          "Return %u Customers to the Pool", n_customers),
                             n_customers);
  entry = sales_undo_entry_new (label);
  now = sales_store_now (self);

  if (!sales_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_customers; i++)
    {
      gint64 old_owner = 0;
      gboolean exists;

      if (!read_owner (self, customer_ids[i], &old_owner, &exists, error))
        goto failed;
      if (!exists)
        {
          set_not_found (error);
          goto failed;
        }
      if (old_owner == owner_id)
        continue;

      /* ?2 is the owner; the rep's foreign key refuses one that does not exist. */
      if (!sales_undo_entry_save_row (entry, self, "customer", customer_ids[i], error))
        goto failed;
      {
        sqlite3_stmt *stmt;

        stmt = sales_db_prepare (self->db,
                                 "UPDATE customer SET owner_id = nullif (?2, 0), "
                                 "updated_at = max (?3, created_at) WHERE id = ?1",
                                 error);
        if (stmt == NULL)
          goto failed;
        sqlite3_bind_int64 (stmt, 1, customer_ids[i]);
        sqlite3_bind_int64 (stmt, 2, owner_id);
        sqlite3_bind_int64 (stmt, 3, now);
        if (!sales_store_step (self, stmt, error))
          goto failed;
      }

      if (!insert_event (self, customer_ids[i], old_owner, owner_id, now, entry, error))
        goto failed;
    }

  return finish (self, g_steal_pointer (&entry), error);

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

/**
 * sales_store_set_customers_tier:
 * @customer_ids: (array length=n_customers): the customers
 *
 * Gives the customers the tier @tier in one transaction that Undo takes back whole.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_set_customers_tier (SalesStore    *self,
                                const gint64  *customer_ids,
                                guint          n_customers,
                                SalesTier      tier,
                                GError       **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 now;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, FALSE);
  g_return_val_if_fail (tier <= SALES_TIER_C, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* TRANSLATORS: the undo of a bulk change of tier; %s is A, B or C */
  label = g_strdup_printf (_("Change Tier to %s"), sales_tier_to_string (tier));
  entry = sales_undo_entry_new (label);
  now = sales_store_now (self);

  if (!sales_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_customers; i++)
    {
      sqlite3_stmt *stmt;

      if (!sales_undo_entry_save_row (entry, self, "customer", customer_ids[i], error))
        goto failed;

      stmt = sales_db_prepare (self->db,
                               "UPDATE customer SET tier = ?2, updated_at = max (?3, created_at) "
                               "WHERE id = ?1",
                               error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, customer_ids[i]);
      sqlite3_bind_text (stmt, 2, sales_tier_to_string (tier), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, now);
      if (!sales_store_step (self, stmt, error))
        goto failed;
      if (sqlite3_changes (sales_db_get_handle (self->db)) == 0)
        {
          set_not_found (error);
          goto failed;
        }
    }

  return finish (self, g_steal_pointer (&entry), error);

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

/**
 * sales_store_delete_customers:
 * @customer_ids: (array length=n_customers): the customers
 *
 * Deletes the customers with everything that belongs to them (see sales_store_delete())
 * in one transaction, which Undo takes back whole.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_delete_customers (SalesStore    *self,
                              const gint64  *customer_ids,
                              guint          n_customers,
                              GError       **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (customer_ids != NULL || n_customers == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Customer",
                                        "Delete %u Customers", n_customers),
                           n_customers);
  entry = sales_undo_entry_new (label);

  if (!sales_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_customers; i++)
    {
      if (!sales_undo_entry_save_delete (entry, self, "customer", customer_ids[i], error))
        goto failed;
    }

  /* The deal lists count and add up what they lose from the rows as they were. */
  if (!sales_store_save_deals_before (self, entry, error))
    goto failed;

  for (guint i = 0; i < n_customers; i++)
    {
      sqlite3_stmt *stmt;

      stmt = sales_db_prepare (self->db, "DELETE FROM customer WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, customer_ids[i]);
      if (!sales_store_step (self, stmt, error))
        goto failed;
      if (sqlite3_changes (sales_db_get_handle (self->db)) == 0)
        {
          set_not_found (error);
          goto failed;
        }
    }

  return finish (self, g_steal_pointer (&entry), error);

failed:
  sales_db_rollback (self->db);
  return FALSE;
}
