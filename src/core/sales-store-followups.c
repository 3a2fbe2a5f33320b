/* sales-store-followups.c: what the Follow-ups view asks of the store
 *
 * Marking a planned follow-up done and moving it to another day are edits
 * of one activity row, each one transaction that Undo takes back whole,
 * like a move on the board: the toast that confirms them offers Undo, and
 * a click on the wrong row's button costs nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/* The name of the customer of @activity, for the undo label. */
static char *
dup_customer_name (SalesStore     *self,
                   SalesActivity  *activity,
                   GError        **error)
{
  g_autoptr(SalesCustomer) customer = NULL;

  customer = sales_store_get_customer (self, sales_activity_get_customer_id (activity), error);
  if (customer == NULL)
    return NULL;

  return g_strdup (sales_customer_get_name (customer));
}

/* Writes @edit's change to the planned follow-up @activity. */
static gboolean
edit_followup (SalesStore      *self,
               SalesActivity   *activity,
               const char      *label,
               void           (*edit) (SalesActivity *row, gpointer data),
               gpointer         data,
               GError         **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesActivity) row = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  gint64 id = sales_record_get_id (SALES_RECORD (activity));

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, SALES_RECORD_ACTIVITY, id, error);
  if (old == NULL)
    goto failed;

  if (sales_activity_get_done_at (SALES_ACTIVITY (old)) != 0 ||
      sales_activity_get_due_at (SALES_ACTIVITY (old)) == 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("This follow-up is not planned any more"));
      goto failed;
    }

  entry = sales_undo_entry_new (label);
  row = sales_activity_dup (SALES_ACTIVITY (old));
  edit (row, data);

  if (!sales_record_validate (SALES_RECORD (row), error) ||
      !sales_undo_entry_save_row (entry, self, "activity", id, error) ||
      !sales_store_update_row (self, SALES_RECORD (row), error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

typedef struct
{
  gint64      now;
  const char *note;
} Completion;

static void
set_done (SalesActivity *row,
          gpointer       data)
{
  const Completion *completion = data;
  const char *planned = sales_activity_get_note (row);

  sales_activity_set_done_at (row, completion->now);

  if (sales_text_is_blank (completion->note))
    return;

  /* What was planned stays above what came of it. */
  if (sales_text_is_blank (planned))
    sales_activity_set_note (row, completion->note);
  else
    {
      g_autofree char *note = g_strconcat (planned, "\n", completion->note, NULL);

      sales_activity_set_note (row, note);
    }
}

/**
 * sales_store_complete_followup:
 * @note: (nullable): what came of it, added below the planned note
 *
 * Marks the planned follow-up @activity done now, by the store's clock, in
 * one transaction that can be undone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written; a
 *   follow-up that is done already is an error
 */
gboolean
sales_store_complete_followup (SalesStore     *self,
                               SalesActivity  *activity,
                               const char     *note,
                               GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  Completion completion;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (activity)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = dup_customer_name (self, activity, error);
  if (name == NULL)
    return FALSE;

  completion.now = sales_store_now (self);
  completion.note = note;
  /* TRANSLATORS: an undoable action; %s is the customer's name */
  label = g_strdup_printf (_("Follow-up with “%s” done"), name);

  return edit_followup (self, activity, label, set_done, &completion, error);
}

static void
set_due (SalesActivity *row,
         gpointer       data)
{
  sales_activity_set_due_at (row, *(const gint64 *)data);
}

/**
 * sales_store_reschedule_followup:
 * @due_at: the new due time, Unix seconds
 *
 * Moves the planned follow-up @activity to @due_at, in one transaction that
 * can be undone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_reschedule_followup (SalesStore     *self,
                                 SalesActivity  *activity,
                                 gint64          due_at,
                                 GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (activity)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (due_at <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Choose when the follow-up is due"));
      return FALSE;
    }

  name = dup_customer_name (self, activity, error);
  if (name == NULL)
    return FALSE;

  /* TRANSLATORS: an undoable action; %s is the customer's name */
  label = g_strdup_printf (_("Follow-up with “%s” rescheduled"), name);

  return edit_followup (self, activity, label, set_due, &due_at, error);
}
