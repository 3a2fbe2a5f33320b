/* sales-store-activities.c: logging a follow-up, and the one it plans next
 *
 * A person who has just called a customer writes down what came of it and,
 * often, when to call again. Both rows are one action: they are written in
 * one transaction and taken back together by one Undo, so a half-logged
 * follow-up never exists, not even for a moment on another view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

static gboolean
insert_activity (SalesStore     *self,
                 SalesActivity  *row,
                 SalesUndoEntry *entry,
                 GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!sales_store_prepare_insert (self, SALES_RECORD (row), error))
    return FALSE;

  stmt = sales_db_prepare (self->db, sales_record_get_sql (SALES_RECORD (row),
                                                           SALES_RECORD_SQL_INSERT),
                           error);
  if (stmt == NULL)
    return FALSE;

  sales_record_bind (SALES_RECORD (row), stmt);
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (sales_db_get_handle (self->db));
  sales_record_set_id (SALES_RECORD (row), id);
  sales_undo_entry_add_inserted (entry, "activity", id);

  return TRUE;
}

static gboolean
check_drafts (SalesActivity  *done,
              SalesActivity  *next,
              GError        **error)
{
  if (sales_activity_get_done_at (done) <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Say when the follow-up happened"));
      return FALSE;
    }

  if (!sales_record_validate (SALES_RECORD (done), error))
    return FALSE;

  if (next == NULL)
    return TRUE;

  if (sales_activity_get_due_at (next) <= 0 || sales_activity_get_done_at (next) != 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("The next follow-up needs a date and cannot be done yet"));
      return FALSE;
    }

  /* Reached only when the caller names another customer: the default is the same one. */
  if (sales_activity_get_customer_id (next) != sales_activity_get_customer_id (done))
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("The next follow-up must be with the same customer"));
      return FALSE;
    }

  return sales_record_validate (SALES_RECORD (next), error);
}

/**
 * sales_store_log_followup:
 * @done: a draft of the follow-up that happened: customer, optional deal and
 *   owner, kind, note, done_at (required), satisfaction; not kept
 * @next: (nullable): a draft of the follow-up to plan: kind, note, due_at
 *   (required), no done_at; a customer, deal and owner of 0 are taken from @done
 * @done_id: (out) (optional): the id of the row written for @done
 * @next_id: (out) (optional): the id of the row written for @next, or 0
 *
 * Writes @done and @next in one transaction, which Undo takes back whole.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_log_followup (SalesStore     *self,
                          SalesActivity  *done,
                          SalesActivity  *next,
                          gint64         *done_id,
                          gint64         *next_id,
                          GError        **error)
{
  g_autoptr(SalesActivity) done_row = NULL;
  g_autoptr(SalesActivity) next_row = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autoptr(SalesCustomer) customer = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_ACTIVITY (done), FALSE);
  g_return_val_if_fail (next == NULL || SALES_IS_ACTIVITY (next), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  done_row = sales_activity_dup (done);
  sales_record_set_id (SALES_RECORD (done_row), 0);
  if (next != NULL)
    {
      next_row = sales_activity_dup (next);
      sales_record_set_id (SALES_RECORD (next_row), 0);
      if (sales_activity_get_customer_id (next_row) == 0)
        {
          sales_activity_set_customer_id (next_row, sales_activity_get_customer_id (done));
          if (sales_activity_get_deal_id (next_row) == 0)
            sales_activity_set_deal_id (next_row, sales_activity_get_deal_id (done));
        }
      if (sales_activity_get_owner_id (next_row) == 0)
        sales_activity_set_owner_id (next_row, sales_activity_get_owner_id (done));
    }

  if (!check_drafts (done_row, next_row, error))
    return FALSE;

  customer = sales_store_get_customer (self, sales_activity_get_customer_id (done_row), error);
  if (customer == NULL)
    return FALSE;

  label = g_strdup_printf (_("Logged a follow-up with “%s”"), sales_customer_get_name (customer));
  entry = sales_undo_entry_new (label);

  if (!sales_store_begin (self, error))
    return FALSE;

  if (!insert_activity (self, done_row, entry, error) ||
      (next_row != NULL && !insert_activity (self, next_row, entry, error)) ||
      !sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return FALSE;
    }

  if (done_id != NULL)
    *done_id = sales_record_get_id (SALES_RECORD (done_row));
  if (next_id != NULL)
    *next_id = next_row != NULL ? sales_record_get_id (SALES_RECORD (next_row)) : 0;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;
}
