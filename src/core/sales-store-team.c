/* sales-store-team.c: the reps of the team, their names kept apart, their records kept owned
 *
 * A rep who leaves is deactivated, not deleted: deleting would leave their customers, deals
 * and follow-ups without an owner (the foreign keys set NULL) and lose who did what, so it is
 * refused while they own anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/**
 * sales_store_check_rep:
 * @row: a rep about to be inserted or updated
 *
 * Refuses a name that another rep (another id than @row's) has already, ignoring case and
 * spaces around it, so that the people choosing an owner can tell the reps apart. The store
 * checks this before every write of a rep; an editor may ask first, to say so as one types.
 */
gboolean
sales_store_check_rep (SalesStore  *self,
                       SalesRep    *row,
                       GError     **error)
{
  g_autofree char *name = g_strstrip (g_strdup (sales_rep_get_name (row)));
  g_autofree char *folded = g_utf8_casefold (name, -1);
  sqlite3_stmt *stmt;
  gboolean taken = FALSE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_REP (row), FALSE);

  if (sales_text_is_blank (sales_rep_get_name (row)))
    return TRUE;

  stmt = sales_db_prepare (self->db, "SELECT name FROM rep WHERE id != ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, sales_record_get_id (SALES_RECORD (row)));
  while (!taken && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *other = g_strstrip (g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
      g_autofree char *other_folded = g_utf8_casefold (other, -1);

      taken = g_str_equal (folded, other_folded);
    }
  sqlite3_reset (stmt);
  if (!taken && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  if (taken)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("There is already a rep called “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

/**
 * sales_store_count_rep_records:
 * @records: (out): how many customers, deals and follow-ups @rep_id owns
 */
gboolean
sales_store_count_rep_records (SalesStore       *self,
                               gint64            rep_id,
                               SalesRepRecords  *records,
                               GError          **error)
{
  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  *records = (SalesRepRecords) { 0 };
  return sales_store_query_int64 (self, "SELECT count(*) FROM customer WHERE owner_id = ?1",
                                  rep_id, 0, &records->customers, error) &&
         sales_store_query_int64 (self, "SELECT count(*) FROM deal WHERE owner_id = ?1",
                                  rep_id, 0, &records->deals, error) &&
         sales_store_query_int64 (self, "SELECT count(*) FROM activity WHERE owner_id = ?1",
                                  rep_id, 0, &records->activities, error);
}

/**
 * sales_store_delete_rep:
 *
 * Deletes a rep who owns no customer, deal or follow-up, with their targets, in one action
 * that Undo takes back. A rep who owns any is refused with %SALES_DB_ERROR_CONSTRAINT: the
 * caller offers sales_store_set_rep_active() instead.
 */
gboolean
sales_store_delete_rep (SalesStore  *self,
                        SalesRep    *rep,
                        GError     **error)
{
  SalesRepRecords records;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_REP (rep), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sales_store_count_rep_records (self, sales_record_get_id (SALES_RECORD (rep)), &records,
                                      error))
    return FALSE;
  if (records.customers + records.deals + records.activities > 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT,
                   _("“%s” still owns customers, deals or follow-ups; deactivate the rep "
                     "instead, so that they keep their owner"),
                   sales_rep_get_name (rep));
      return FALSE;
    }
  return sales_store_delete (self, SALES_RECORD (rep), error);
}

/**
 * sales_store_set_rep_active:
 * @active: %FALSE for a rep who left: they keep their records but are no longer offered as
 *   an owner
 *
 * One action that Undo takes back.
 */
gboolean
sales_store_set_rep_active (SalesStore  *self,
                            SalesRep    *rep,
                            gboolean     active,
                            GError     **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_REP (rep), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = sales_record_get_id (SALES_RECORD (rep));
  label = g_strdup_printf (active ? _("Activate “%s”") : _("Deactivate “%s”"),
                           sales_rep_get_name (rep));
  entry = sales_undo_entry_new (label);

  if (!sales_store_begin (self, error))
    return FALSE;
  stmt = sales_db_prepare (self->db, "UPDATE rep SET active = ?2 WHERE id = ?1", error);
  if (stmt == NULL ||
      !sales_undo_entry_save_row (entry, self, "rep", id, error))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, active ? 1 : 0);
  if (!sales_store_step (self, stmt, error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}
