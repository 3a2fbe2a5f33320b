/* sales-store-pipeline.c: what the pipeline board asks of the store
 *
 * Closing a deal is a move with more to it: marking it won may fix its
 * amount, marking it lost needs a reason. Both are one transaction and can
 * be undone like a move.
 *
 * Deleting a stage that holds deals hands them to another stage of the
 * same kind, as if the two stages had been one: the deals keep their
 * stage_changed_at and closed_at and go below the cards already there, the
 * history rows that name the deleted stage name the other one instead, and
 * those that would then go from a stage to itself are dropped. That is the
 * only way the schema lets a stage go once deals have passed through it,
 * and it keeps the history true to the stages that remain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

static SalesStage *
first_stage_of_kind (SalesStore      *self,
                     SalesStageKind   kind,
                     GError         **error)
{
  gint64 id = 0;

  if (!sales_store_query_int64 (self,
                                kind == SALES_STAGE_KIND_WON
                                ? "SELECT coalesce ((SELECT id FROM stage WHERE kind = 'won' "
                                  "ORDER BY position, id LIMIT 1), 0)"
                                : "SELECT coalesce ((SELECT id FROM stage WHERE kind = 'lost' "
                                  "ORDER BY position, id LIMIT 1), 0)",
                                0, 0, &id, error))
    return NULL;

  if (id == 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND,
                           kind == SALES_STAGE_KIND_WON
                           ? _("There is no stage for won deals")
                           : _("There is no stage for lost deals"));
      return NULL;
    }

  return sales_store_get_stage (self, id, error);
}

/* Moves @deal to the bottom of @to, unless it is there already, and lets
 * @edit change the row before it is written. */
static gboolean
close_deal (SalesStore   *self,
            SalesDeal    *deal,
            SalesStage   *to,
            const char   *label,
            void        (*edit) (SalesDeal *row, gpointer data),
            gpointer      data,
            GError      **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesStage) from = NULL;
  g_autoptr(SalesDeal) row = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  gint64 id = sales_record_get_id (SALES_RECORD (deal));
  gint64 to_id = sales_record_get_id (SALES_RECORD (to));
  gboolean renumbered = FALSE;
  gint64 from_stage_id;

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, SALES_RECORD_DEAL, id, error);
  if (old == NULL)
    goto failed;
  sales_store_keep_deal_before (self, SALES_DEAL (old));

  from_stage_id = sales_deal_get_stage_id (SALES_DEAL (old));
  from = sales_store_get_stage (self, from_stage_id, error);
  if (from == NULL)
    goto failed;

  entry = sales_undo_entry_new (label);
  row = sales_deal_dup (SALES_DEAL (old));
  if (!sales_undo_entry_save_row (entry, self, "deal", id, error))
    goto failed;

  if (from_stage_id != to_id)
    {
      gint64 position = 0;

      if (!sales_store_find_position (self, to_id, id, -1, entry, &position, &renumbered, error))
        goto failed;
      sales_deal_set_position (row, position);
      sales_store_enter_stage (row, sales_stage_get_kind (from), to, sales_store_now (self));
    }

  edit (row, data);

  if (!sales_record_validate (SALES_RECORD (row), error) ||
      !sales_store_check_lost_reason (row, sales_stage_get_kind (from), to, error) ||
      (from_stage_id != to_id &&
       !sales_store_insert_history (self, row, from_stage_id, entry, error)) ||
      !sales_store_update_row (self, SALES_RECORD (row), error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), renumbered);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

static void
set_won_amount (SalesDeal *row,
                gpointer   data)
{
  const gint64 *amount_cents = data;

  if (*amount_cents >= 0)
    sales_deal_set_amount_cents (row, *amount_cents);
}

/**
 * sales_store_mark_won:
 * @amount_cents: the amount the deal was won for, or -1 to keep its amount
 *
 * Moves @deal to the bottom of the first won stage, as sales_store_move_deal()
 * would, and sets its amount, in one transaction that can be undone. A deal
 * already won keeps its stage and gets the amount.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_mark_won (SalesStore  *self,
                      SalesDeal   *deal,
                      gint64       amount_cents,
                      GError     **error)
{
  g_autoptr(SalesStage) won = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (deal)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sales_deal_get_stage_id (deal) > 0)
    {
      g_autoptr(SalesStage) current = sales_store_get_stage (self, sales_deal_get_stage_id (deal),
                                                             NULL);

      if (current != NULL && sales_stage_get_kind (current) == SALES_STAGE_KIND_WON)
        won = g_steal_pointer (&current);
    }

  if (won == NULL)
    won = first_stage_of_kind (self, SALES_STAGE_KIND_WON, error);
  if (won == NULL)
    return FALSE;

  label = g_strdup_printf (_("Marked “%s” as won"), sales_deal_get_title (deal));
  return close_deal (self, deal, won, label, set_won_amount, &amount_cents, error);
}

typedef struct
{
  gint64      lost_reason_id;
  const char *note;
} LostEdit;

static void
set_lost_reason (SalesDeal *row,
                 gpointer   data)
{
  const LostEdit *lost = data;

  sales_deal_set_lost_reason_id (row, lost->lost_reason_id);
  sales_deal_set_lost_note (row, sales_text_is_blank (lost->note) ? NULL : lost->note);
}

/**
 * sales_store_mark_lost:
 * @stage_id: the lost stage to move to; 0 for the first one
 * @lost_reason_id: why the deal was lost; required
 * @note: (nullable): more words on why
 *
 * Moves @deal to the bottom of a lost stage with its reason, in one
 * transaction that can be undone. A deal already in that stage gets the
 * new reason and note.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_mark_lost (SalesStore  *self,
                       SalesDeal   *deal,
                       gint64       stage_id,
                       gint64       lost_reason_id,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(SalesLostReason) reason = NULL;
  g_autoptr(SalesStage) lost = NULL;
  g_autofree char *label = NULL;
  LostEdit edit = { lost_reason_id, note };

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (deal)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lost_reason_id <= 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Choose why the deal was lost"));
      return FALSE;
    }

  reason = sales_store_get_lost_reason (self, lost_reason_id, error);
  if (reason == NULL)
    return FALSE;

  lost = stage_id > 0
         ? sales_store_get_stage (self, stage_id, error)
         : first_stage_of_kind (self, SALES_STAGE_KIND_LOST, error);
  if (lost == NULL)
    return FALSE;

  if (sales_stage_get_kind (lost) != SALES_STAGE_KIND_LOST)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a stage for lost deals"), sales_stage_get_name (lost));
      return FALSE;
    }

  label = g_strdup_printf (_("Marked “%s” as lost"), sales_deal_get_title (deal));
  return close_deal (self, deal, lost, label, set_lost_reason, &edit, error);
}

/* Stages */

static gboolean
collect_ids (SalesStore  *self,
             const char  *sql,
             gint64       a,
             gint64       b,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

static gboolean
run (SalesStore  *self,
     const char  *sql,
     gint64       a,
     gint64       b,
     gint64       c,
     GError     **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, c);
  return sales_store_step (self, stmt, error);
}

/* Rewrites the history of stage @from as that of @to; see the top of the file. */
static gboolean
merge_history (SalesStore      *self,
               SalesUndoEntry  *entry,
               gint64           from,
               gint64           to,
               GError         **error)
{
  g_autoptr(GArray) loops = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!collect_ids (self,
                    "SELECT id FROM deal_stage_history "
                    "WHERE (from_stage_id = ?1 AND to_stage_id = ?2) "
                    "OR (from_stage_id = ?2 AND to_stage_id = ?1)",
                    from, to, loops, error))
    return FALSE;

  for (guint i = 0; i < loops->len; i++)
    {
      gint64 id = g_array_index (loops, gint64, i);

      if (!sales_undo_entry_save_delete (entry, self, "deal_stage_history", id, error) ||
          !run (self, "DELETE FROM deal_stage_history WHERE id = ?1", id, 0, 0, error))
        return FALSE;
    }

  stmt = sales_db_prepare (self->db,
                           "SELECT id, coalesce (from_stage_id, 0), to_stage_id "
                           "FROM deal_stage_history WHERE from_stage_id = ?1 "
                           "UNION ALL "
                           "SELECT id, coalesce (from_stage_id, 0), to_stage_id "
                           "FROM deal_stage_history WHERE to_stage_id = ?1 "
                           "AND coalesce (from_stage_id, 0) <> ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sales_undo_entry_save_history_stages (entry, sqlite3_column_int64 (stmt, 0),
                                          sqlite3_column_int64 (stmt, 1),
                                          sqlite3_column_int64 (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return run (self, "UPDATE deal_stage_history SET from_stage_id = ?2 WHERE from_stage_id = ?1",
              from, to, 0, error) &&
         run (self, "UPDATE deal_stage_history SET to_stage_id = ?2 WHERE to_stage_id = ?1",
              from, to, 0, error);
}

/* Hands the deals of @from to the bottom of @to, in their order. */
static gboolean
hand_over_deals (SalesStore      *self,
                 SalesUndoEntry  *entry,
                 gint64           from,
                 gint64           to,
                 GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 bottom = 0;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT id, position FROM deal WHERE stage_id = ?1 "
                           "ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sales_undo_entry_save_place (entry, sqlite3_column_int64 (stmt, 0), from,
                                 sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  if (!sales_store_save_deals_before (self, entry, error) ||
      !sales_store_query_int64 (self,
                                "SELECT coalesce (max (position), 0) FROM deal WHERE stage_id = ?1",
                                to, 0, &bottom, error))
    return FALSE;

  return run (self,
              "UPDATE deal SET stage_id = ?2, position = ?3 + r.n * 1024 "
              "FROM (SELECT id, row_number () OVER (ORDER BY position, id) AS n "
              "      FROM deal WHERE stage_id = ?1) AS r "
              "WHERE deal.id = r.id",
              from, to, bottom, error);
}

/**
 * sales_store_delete_stage_moving_deals:
 * @target_stage_id: the stage of the same kind that takes the deals
 *
 * Deletes @stage and hands its deals and its place in their history to
 * the target stage (see the top of this file), in one transaction that can
 * be undone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_delete_stage_moving_deals (SalesStore  *self,
                                       SalesStage  *stage,
                                       gint64       target_stage_id,
                                       GError     **error)
{
  g_autoptr(SalesStage) target = NULL;
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (stage)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = sales_record_get_id (SALES_RECORD (stage));
  if (target_stage_id == id)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("The deals of “%s” must go to another stage"), sales_stage_get_name (stage));
      return FALSE;
    }

  target = sales_store_get_stage (self, target_stage_id, error);
  if (target == NULL)
    return FALSE;

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, SALES_RECORD_STAGE, id, error);
  if (old == NULL)
    goto failed;

  if (sales_stage_get_kind (SALES_STAGE (old)) != sales_stage_get_kind (target))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   sales_stage_get_kind (SALES_STAGE (old)) == SALES_STAGE_KIND_OPEN
                   ? _("The deals of “%s” can only go to another open stage")
                   : sales_stage_get_kind (SALES_STAGE (old)) == SALES_STAGE_KIND_WON
                   ? _("The deals of “%s” can only go to another stage for won deals")
                   : _("The deals of “%s” can only go to another stage for lost deals"),
                   sales_stage_get_name (SALES_STAGE (old)));
      goto failed;
    }

  label = sales_store_describe_delete (old);
  entry = sales_undo_entry_new (label);

  /* The stage's image comes first so that redo, deleting in the reverse
   * order, takes the history rows that name it before the stage itself. */
  if (!sales_undo_entry_save_delete (entry, self, "stage", id, error) ||
      !merge_history (self, entry, id, target_stage_id, error) ||
      !hand_over_deals (self, entry, id, target_stage_id, error) ||
      !run (self, "DELETE FROM stage WHERE id = ?1", id, 0, 0, error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

/**
 * sales_store_reorder_stage:
 * @new_position: the index @stage takes among all stages, in board order;
 *   past the end for the last place
 *
 * Renumbers the stages 0, 1, 2… in their new order, in one transaction that
 * can be undone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_reorder_stage (SalesStore  *self,
                           SalesStage  *stage,
                           guint        new_position,
                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *label = NULL;
  gint64 id;
  guint index = G_MAXUINT;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = sales_record_get_id (SALES_RECORD (stage));

  if (!sales_store_begin (self, error))
    return FALSE;

  if (!collect_ids (self, "SELECT id FROM stage WHERE ?1 = ?2 ORDER BY position, id", 0, 0, ids,
                    error))
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        index = i;
    }

  if (index == G_MAXUINT)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND,
                           _("The stage no longer exists"));
      goto failed;
    }

  g_array_remove_index (ids, index);
  g_array_insert_val (ids, MIN (new_position, ids->len), id);

  label = g_strdup_printf (_("Moved stage “%s”"), sales_stage_get_name (stage));
  entry = sales_undo_entry_new (label);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 stage_id = g_array_index (ids, gint64, i);
      gint64 position = 0;

      if (!sales_store_query_int64 (self, "SELECT position FROM stage WHERE id = ?1", stage_id, 0,
                                    &position, error))
        goto failed;

      if (position != i &&
          (!sales_undo_entry_save_row (entry, self, "stage", stage_id, error) ||
           !run (self, "UPDATE stage SET position = ?2 WHERE id = ?1", stage_id, i, 0, error)))
        goto failed;
    }

  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  sales_undo_entry_get_changes (entry, changes);
  if (changes->len == 0)
    {
      sales_db_rollback (self->db);
      return TRUE;
    }

  if (!sales_store_commit (self, error))
    goto failed;

  sales_store_finish (self, changes, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

/* Cards */

static GDate *
local_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_seconds);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  return g_date_new_dmy (day, month, year);
}

/**
 * sales_store_get_deal_followup:
 *
 * What the card's badge says about the earliest follow-up of @deal that is
 * not done yet, in local days against the store's clock.
 *
 * Returns: the state; %SALES_FOLLOWUP_NONE when nothing is planned
 */
SalesFollowupState
sales_store_get_deal_followup (SalesStore *self,
                               SalesDeal  *deal)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GDate) today = NULL;
  gint64 due_at = 0;
  int days;

  g_return_val_if_fail (SALES_IS_STORE (self), SALES_FOLLOWUP_NONE);
  g_return_val_if_fail (SALES_IS_DEAL (deal), SALES_FOLLOWUP_NONE);

  if (!sales_store_query_int64 (self,
                                "SELECT coalesce (min (due_at), 0) FROM activity "
                                "WHERE deal_id = ?1 AND done_at IS NULL AND due_at IS NOT NULL",
                                sales_record_get_id (SALES_RECORD (deal)), 0, &due_at, &error))
    {
      g_warning ("Cannot read the follow-ups of a deal: %s", error->message);
      return SALES_FOLLOWUP_NONE;
    }

  if (due_at == 0)
    return SALES_FOLLOWUP_NONE;

  due = local_date (due_at);
  today = local_date (sales_store_now (self));
  days = g_date_days_between (today, due);

  if (days < 0)
    return SALES_FOLLOWUP_OVERDUE;
  if (days == 0)
    return SALES_FOLLOWUP_DUE_TODAY;
  return SALES_FOLLOWUP_PLANNED;
}

/**
 * sales_store_get_deal_rot_days:
 *
 * A deal rots when it has sat idle longer than the rot_days of its open
 * stage: idle since it entered the stage or since the last follow-up done
 * on it, whichever is later, counted in whole elapsed days.
 *
 * Returns: how many days past rot_days @deal is; 0 when it is fresh, closed,
 *   or its stage never rots
 */
int
sales_store_get_deal_rot_days (SalesStore *self,
                               SalesDeal  *deal)
{
  g_autoptr(SalesStage) stage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 last_done = 0;
  gint64 idle_days;
  int rot_days;

  g_return_val_if_fail (SALES_IS_STORE (self), 0);
  g_return_val_if_fail (SALES_IS_DEAL (deal), 0);

  stage = sales_store_get_stage (self, sales_deal_get_stage_id (deal), &error);
  if (stage == NULL)
    {
      g_warning ("Cannot read the stage of a deal: %s", error->message);
      return 0;
    }

  rot_days = sales_stage_get_rot_days (stage);
  if (rot_days <= 0 || sales_stage_is_closed (stage))
    return 0;

  if (!sales_store_query_int64 (self,
                                "SELECT coalesce (max (done_at), 0) FROM activity "
                                "WHERE deal_id = ?1 AND done_at IS NOT NULL",
                                sales_record_get_id (SALES_RECORD (deal)), 0, &last_done, &error))
    {
      g_warning ("Cannot read the follow-ups of a deal: %s", error->message);
      return 0;
    }

  idle_days = (sales_store_now (self) - MAX (sales_deal_get_stage_changed_at (deal), last_done)) /
              SECONDS_PER_DAY;

  return idle_days > rot_days ? (int)MIN (idle_days - rot_days, G_MAXINT) : 0;
}
