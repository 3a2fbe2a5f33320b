/* sales-store-moves.c: where a card goes on the board
 *
 * Deals are shown by (position, id) within a stage. A move takes the
 * midpoint between its new neighbours' positions, which are
 * SALES_DEAL_POSITION_GAP apart when the store writes them, and renumbers
 * cards only when two neighbours leave no room (see renumber_side()). A
 * renumbering keeps the relative order, so only the moved deal is
 * signalled; loaded deals still get their new position through
 * notify::position.
 *
 * A drop can name its place by index among the other cards of the stage
 * (sales_store_move_deal()), which the database finds by counting through
 * the stage's index, or by the card it lands above
 * (sales_store_move_deal_above()), which it finds by one look-up whatever
 * the length of the column, and which stays right when the column shows
 * only the deals a filter keeps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/* Where the card goes: by index, or above a card (0 for the bottom). */
typedef struct
{
  int      index;
  gint64   above_id;
  gboolean by_card;
} Place;

static gboolean
renumber_stage (SalesStore      *self,
                gint64           stage_id,
                gint64           except_id,
                SalesUndoEntry  *undo,
                GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (undo != NULL)
    {
      stmt = sales_db_prepare (self->db,
                               "SELECT id, position FROM deal WHERE stage_id = ?1 AND id <> ?2",
                               error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_int64 (stmt, 2, except_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        sales_undo_entry_save_position (undo, sqlite3_column_int64 (stmt, 0),
                                        sqlite3_column_int64 (stmt, 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (self->db, rc, error);
    }

  stmt = sales_db_prepare (self->db,
                           "UPDATE deal SET position = r.n * ?3 "
                           "FROM (SELECT id, row_number () OVER (ORDER BY position, id) AS n "
                           "      FROM deal WHERE stage_id = ?1 AND id <> ?2) AS r "
                           "WHERE deal.id = r.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  sqlite3_bind_int64 (stmt, 3, SALES_DEAL_POSITION_GAP);
  return sales_store_step (self, stmt, error);
}

/* Makes room at @index among the cards of @stage_id other than @deal_id,
 * whose neighbours there have none, keeping the order of the cards. Each
 * renumbered card is a row written, which matters on a column of 100 000
 * cards: where the stage has gaps elsewhere, only the cards above @index,
 * or those from it down, whichever are fewer, get positions
 * SALES_DEAL_POSITION_GAP apart, going away from the card at @index - 1 or
 * @index, which stays. A stage with hardly any gaps at all (positions
 * written 0, 1, 2…) is renumbered whole, once, or every drop would
 * renumber half of it again. */
static gboolean
renumber_side (SalesStore      *self,
               gint64           stage_id,
               gint64           deal_id,
               int              index,
               gint64           prev,
               gint64           next,
               SalesUndoEntry  *undo,
               GError         **error)
{
  static const char * const select_sql[] = {
    "SELECT id, position FROM deal WHERE stage_id = ?1 AND id <> ?2 "
    "ORDER BY position, id LIMIT ?3",
    "SELECT id, position FROM deal WHERE stage_id = ?1 AND id <> ?2 "
    "ORDER BY position, id LIMIT -1 OFFSET ?3",
  };
  static const char * const update_sql[] = {
    /* Cards 1..index (row numbers) end GAP below the card at @index. */
    "UPDATE deal SET position = ?4 - ?5 * (?3 - r.n + 1) "
    "FROM (SELECT id, row_number () OVER (ORDER BY position, id) AS n "
    "      FROM deal WHERE stage_id = ?1 AND id <> ?2 ORDER BY position, id LIMIT ?3) AS r "
    "WHERE deal.id = r.id",
    /* Cards index+1.. (row numbers) start GAP below the card at @index - 1. */
    "UPDATE deal SET position = ?4 + ?5 * (r.n - ?3) "
    "FROM (SELECT id, row_number () OVER (ORDER BY position, id) AS n "
    "      FROM deal WHERE stage_id = ?1 AND id <> ?2 ORDER BY position, id "
    "      LIMIT -1 OFFSET ?3) AS r "
    "WHERE deal.id = r.id",
  };
  sqlite3_stmt *stmt;
  gint64 others = 0, span = 0;
  guint side;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT count (*), coalesce (max (position) - min (position), 0) "
                           "FROM deal WHERE stage_id = ?1 AND id <> ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      others = sqlite3_column_int64 (stmt, 0);
      span = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return sales_db_set_error (self->db, rc, error);

  if (span < 2 * others)
    return renumber_stage (self, stage_id, deal_id, undo, error);

  side = index <= others - index ? 0 : 1;

  if (undo != NULL)
    {
      stmt = sales_db_prepare (self->db, select_sql[side], error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, stage_id);
      sqlite3_bind_int64 (stmt, 2, deal_id);
      sqlite3_bind_int (stmt, 3, index);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        sales_undo_entry_save_position (undo, sqlite3_column_int64 (stmt, 0),
                                        sqlite3_column_int64 (stmt, 1));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (self->db, rc, error);
    }

  stmt = sales_db_prepare (self->db, update_sql[side], error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  sqlite3_bind_int (stmt, 3, index);
  sqlite3_bind_int64 (stmt, 4, side == 0 ? next : prev);
  sqlite3_bind_int64 (stmt, 5, SALES_DEAL_POSITION_GAP);
  return sales_store_step (self, stmt, error);
}

/* Reads the positions of the cards at @index - 1 and @index among the cards
 * of @stage_id other than @deal_id, which is 0 when the deal is not in it. */
static gboolean
read_neighbours (SalesStore  *self,
                 gint64       stage_id,
                 gint64       deal_id,
                 int          index,
                 gint64      *prev,
                 gboolean    *has_prev,
                 gint64      *next,
                 gboolean    *has_next,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 found[2] = { 0, 0 };
  guint n = 0;
  int rc;

  /* Skipping OFFSET rows is twice as fast when no row has to be tested. */
  stmt = sales_db_prepare (self->db,
                           deal_id == 0
                           ? "SELECT position FROM deal WHERE stage_id = ?1 AND ?2 = 0 "
                             "ORDER BY position, id LIMIT ?3 OFFSET ?4"
                           : "SELECT position FROM deal WHERE stage_id = ?1 AND id <> ?2 "
                             "ORDER BY position, id LIMIT ?3 OFFSET ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  sqlite3_bind_int (stmt, 3, index > 0 ? 2 : 1);
  sqlite3_bind_int (stmt, 4, index > 0 ? index - 1 : 0);
  while (n < 2 && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    found[n++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (n < 2 && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  if (index == 0)
    {
      *has_prev = FALSE;
      *has_next = n == 1;
      *next = n == 1 ? found[0] : 0;
    }
  else
    {
      *has_prev = n >= 1;
      *prev = n >= 1 ? found[0] : 0;
      *has_next = n == 2;
      *next = n == 2 ? found[1] : 0;
    }

  return TRUE;
}

/* The position of the last card of @stage_id other than @deal_id. */
static gboolean
read_bottom (SalesStore  *self,
             gint64       stage_id,
             gint64       deal_id,
             gint64      *last,
             gboolean    *has_last,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT position FROM deal WHERE stage_id = ?1 AND id <> ?2 "
                           "ORDER BY position DESC, id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  rc = sqlite3_step (stmt);
  *has_last = rc == SQLITE_ROW;
  *last = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

/* Reads the position of card @above_id of @stage_id, and of the card
 * before it other than @deal_id. */
static gboolean
read_neighbours_above (SalesStore  *self,
                       gint64       stage_id,
                       gint64       deal_id,
                       gint64       above_id,
                       gint64      *prev,
                       gboolean    *has_prev,
                       gint64      *next,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 above_stage = 0;
  int rc;

  stmt = sales_db_prepare (self->db, "SELECT stage_id, position FROM deal WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, above_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      above_stage = sqlite3_column_int64 (stmt, 0);
      *next = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  if (rc == SQLITE_DONE || above_stage != stage_id || above_id == deal_id)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND,
                           _("The card to drop above has moved meanwhile"));
      return FALSE;
    }

  stmt = sales_db_prepare (self->db,
                           "SELECT position FROM deal WHERE stage_id = ?1 AND id <> ?2 "
                           "AND (position, id) < (?3, ?4) "
                           "ORDER BY position DESC, id DESC LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  sqlite3_bind_int64 (stmt, 3, *next);
  sqlite3_bind_int64 (stmt, 4, above_id);
  rc = sqlite3_step (stmt);
  *has_prev = rc == SQLITE_ROW;
  *prev = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

/* How many cards of @stage_id other than @deal_id come before @card_id,
 * which is at @position. */
static gboolean
count_before (SalesStore  *self,
              gint64       stage_id,
              gint64       deal_id,
              gint64       card_id,
              gint64       position,
              gint64      *count,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT count (*) FROM deal WHERE stage_id = ?1 AND id <> ?2 "
                           "AND (position, id) < (?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, deal_id);
  sqlite3_bind_int64 (stmt, 3, position);
  sqlite3_bind_int64 (stmt, 4, card_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

static gboolean
read_place (SalesStore   *self,
            gint64        stage_id,
            gint64        deal_id,
            const Place  *place,
            gint64       *prev,
            gboolean     *has_prev,
            gint64       *next,
            gboolean     *has_next,
            GError      **error)
{
  if (place->by_card && place->above_id != 0)
    {
      *has_next = TRUE;
      return read_neighbours_above (self, stage_id, deal_id, place->above_id, prev, has_prev,
                                    next, error);
    }

  if (!place->by_card && place->index >= 0)
    {
      if (!read_neighbours (self, stage_id, deal_id, place->index, prev, has_prev, next, has_next,
                            error))
        return FALSE;

      /* An index past the last card reads nothing: that is the bottom too. */
      if (place->index == 0 || *has_prev)
        return TRUE;
    }

  *has_next = FALSE;
  return read_bottom (self, stage_id, deal_id, prev, has_prev, error);
}

/* A position that puts @deal_id at @place among the other cards of
 * @stage_id. */
static gboolean
find_place (SalesStore      *self,
            gint64           stage_id,
            gint64           deal_id,
            const Place     *place,
            SalesUndoEntry  *undo,
            gint64          *position,
            gboolean        *renumbered,
            GError         **error)
{
  gint64 prev = 0, next = 0;
  gboolean has_prev = FALSE, has_next = FALSE;

  if (!read_place (self, stage_id, deal_id, place, &prev, &has_prev, &next, &has_next, error))
    return FALSE;

  if (has_prev && has_next && next - prev < 2)
    {
      gint64 index = place->index;

      if (place->by_card &&
          !count_before (self, stage_id, deal_id, place->above_id, next, &index, error))
        return FALSE;

      if (!renumber_side (self, stage_id, deal_id, (int)index, prev, next, undo, error) ||
          !read_place (self, stage_id, deal_id, place, &prev, &has_prev, &next, &has_next, error))
        return FALSE;

      g_assert (next - prev >= 2);
      *renumbered = TRUE;
    }

  if (has_prev && has_next)
    *position = prev + (next - prev) / 2;
  else if (has_prev)
    *position = prev + SALES_DEAL_POSITION_GAP;
  else if (has_next)
    *position = next - SALES_DEAL_POSITION_GAP;
  else
    *position = 0;

  return TRUE;
}

/**
 * sales_store_find_position:
 * @index: where among the other cards of @stage_id: 0 is the top, -1 (or
 *   past the end) the bottom
 *
 * A position that puts @deal_id at @index among the other cards of
 * @stage_id, renumbering cards when there is no room there.
 */
gboolean
sales_store_find_position (SalesStore      *self,
                           gint64           stage_id,
                           gint64           deal_id,
                           int              index,
                           SalesUndoEntry  *undo,
                           gint64          *position,
                           gboolean        *renumbered,
                           GError         **error)
{
  Place place = { index, 0, FALSE };

  return find_place (self, stage_id, deal_id, &place, undo, position, renumbered, error);
}

/* TRUE when @deal already sits at @place of its own stage. It costs a count
 * of the cards above the deal, not of the whole stage. */
static gboolean
is_in_place (SalesStore   *self,
             SalesDeal    *deal,
             const Place  *place,
             gboolean     *in_place,
             GError      **error)
{
  gint64 id = sales_record_get_id (SALES_RECORD (deal));
  gint64 stage_id = sales_deal_get_stage_id (deal);
  gint64 position = sales_deal_get_position (deal);
  gint64 before = 0, after_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (place->by_card && place->above_id == id)
    {
      *in_place = TRUE;
      return TRUE;
    }

  if (!place->by_card)
    {
      if (!count_before (self, stage_id, id, id, position, &before, error))
        return FALSE;

      if (place->index >= 0 && place->index == before)
        {
          *in_place = TRUE;
          return TRUE;
        }

      /* Only the bottom is left, wherever the index points past the deal. */
      if (place->index >= 0 && place->index < before)
        {
          *in_place = FALSE;
          return TRUE;
        }
    }

  stmt = sales_db_prepare (self->db,
                           "SELECT id FROM deal WHERE stage_id = ?1 AND (position, id) > (?2, ?3) "
                           "ORDER BY position, id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    after_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  /* By index: the deal is last. By card: the card after it is that card. */
  *in_place = place->by_card ? after_id == place->above_id : after_id == 0;
  return TRUE;
}

static gboolean
move_deal (SalesStore   *self,
           SalesDeal    *deal,
           gint64        stage_id,
           const Place  *place,
           GError      **error)
{
  g_autoptr(SalesStage) to = NULL;
  g_autoptr(SalesStage) from = NULL;
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesDeal) row = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gboolean renumbered = FALSE;
  gboolean in_place = FALSE;
  gint64 from_stage_id;
  gint64 position;
  gint64 id;

  id = sales_record_get_id (SALES_RECORD (deal));

  to = sales_store_get_stage (self, stage_id, error);
  if (to == NULL)
    return FALSE;

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, SALES_RECORD_DEAL, id, error);
  if (old == NULL)
    goto failed;
  sales_store_keep_deal_before (self, SALES_DEAL (old));

  from_stage_id = sales_deal_get_stage_id (SALES_DEAL (old));
  if (from_stage_id == stage_id)
    {
      if (!is_in_place (self, SALES_DEAL (old), place, &in_place, error))
        goto failed;

      if (in_place)
        {
          sales_db_rollback (self->db);
          return TRUE;
        }
    }

  from = sales_store_get_stage (self, from_stage_id, error);
  if (from == NULL)
    goto failed;

  label = g_strdup_printf (_("Moved “%s” to %s"), sales_deal_get_title (SALES_DEAL (old)),
                           sales_stage_get_name (to));
  entry = sales_undo_entry_new (label);
  row = sales_deal_dup (SALES_DEAL (old));

  if (from_stage_id != stage_id)
    {
      sales_store_enter_stage (row, sales_stage_get_kind (from), to, sales_store_now (self));
      if (!sales_store_check_lost_reason (row, sales_stage_get_kind (from), to, error))
        goto failed;
    }

  /* A deal from another stage is none of the cards to place it among. */
  if (!sales_undo_entry_save_row (entry, self, "deal", id, error) ||
      !find_place (self, stage_id, from_stage_id == stage_id ? id : 0, place, entry, &position,
                   &renumbered, error))
    goto failed;

  sales_deal_set_position (row, position);

  if ((from_stage_id != stage_id &&
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

/**
 * sales_store_move_deal:
 * @stage_id: the stage to move to; the deal's own stage to reorder it
 * @index: where among the other cards of that stage: 0 is the top, -1 (or
 *   any index past the last card) the bottom
 *
 * Moves a card on the board: a new stage gets a deal_stage_history row and
 * follows the closed_at rules of sales-store-rules.c. The move can be
 * undone. Moving a deal to where it already is changes nothing and leaves
 * the undo entry alone. A deal that is not lost yet cannot be moved into a
 * lost stage, which needs a reason: see sales_store_mark_lost().
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_move_deal (SalesStore  *self,
                       SalesDeal   *deal,
                       gint64       stage_id,
                       int          index,
                       GError     **error)
{
  Place place = { index, 0, FALSE };

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (deal)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_deal (self, deal, stage_id, &place, error);
}

/**
 * sales_store_move_deal_above:
 * @stage_id: the stage to move to; the deal's own stage to reorder it
 * @above_id: the card of that stage that @deal lands right above; 0 for
 *   the bottom
 *
 * Moves a card like sales_store_move_deal(), naming its place by the card
 * below it, as a drop on a (possibly filtered) column knows it. Fails with
 * %SALES_DB_ERROR_NOT_FOUND when that card is no longer in the stage.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_move_deal_above (SalesStore  *self,
                             SalesDeal   *deal,
                             gint64       stage_id,
                             gint64       above_id,
                             GError     **error)
{
  Place place = { -1, above_id, TRUE };

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (deal)) > 0, FALSE);
  g_return_val_if_fail (above_id >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_deal (self, deal, stage_id, &place, error);
}
