/* sales-store-rules.c: what each kind of record adds to a write
 *
 * Deal stages: entering a stage records a deal_stage_history row and sets
 * stage_changed_at. closed_at is set when a deal enters a won or lost stage
 * from a stage of another kind (so won -> lost closes it again, at the new
 * time), kept while it moves between stages of the same kind, and cleared
 * when it goes back to an open stage. The lost reason and note are only kept
 * while the deal sits in a lost stage, and a deal only goes into a lost
 * stage with a reason: the report of why deals are lost must not miss any.
 *
 * Card order: deals are shown by (position, id) within a stage. New deals and
 * deals whose stage changes by an edit go to the bottom; a move takes the
 * midpoint between its new neighbours, and renumbers cards with gaps of
 * SALES_DEAL_POSITION_GAP only when two neighbours leave no room (see
 * renumber_side()). A renumbering keeps the relative order, so only the
 * moved deal is signalled; loaded deals still get their new position
 * through notify::position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/* Deals */

static void
clear_lost_reason (SalesDeal *deal)
{
  sales_deal_set_lost_reason_id (deal, 0);
  sales_deal_set_lost_note (deal, NULL);
}

void
sales_store_enter_stage (SalesDeal      *deal,
                         SalesStageKind  from,
                         SalesStage     *to,
                         gint64          now)
{
  SalesStageKind kind = sales_stage_get_kind (to);
  /* A clock set back must not break CHECK (stage_changed_at >= created_at). */
  gint64 at = MAX (now, sales_deal_get_created_at (deal));

  sales_deal_set_stage_id (deal, sales_record_get_id (SALES_RECORD (to)));
  sales_deal_set_stage_changed_at (deal, at);

  if (kind == SALES_STAGE_KIND_OPEN)
    sales_deal_set_closed_at (deal, 0);
  else if (kind != from)
    sales_deal_set_closed_at (deal, at);

  if (kind != SALES_STAGE_KIND_LOST)
    clear_lost_reason (deal);
}

/* @row has entered @to from a stage of kind @from. */
gboolean
sales_store_check_lost_reason (SalesDeal       *row,
                               SalesStageKind   from,
                               SalesStage      *to,
                               GError         **error)
{
  if (sales_stage_get_kind (to) != SALES_STAGE_KIND_LOST || from == SALES_STAGE_KIND_LOST ||
      sales_deal_get_lost_reason_id (row) > 0)
    return TRUE;

  g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                       _("Choose why the deal was lost"));
  return FALSE;
}

gboolean
sales_store_insert_history (SalesStore      *self,
                            SalesDeal       *deal,
                            gint64           from_stage_id,
                            SalesUndoEntry  *undo,
                            GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = sales_db_prepare (self->db,
                           "INSERT INTO deal_stage_history "
                           "(deal_id, from_stage_id, to_stage_id, changed_at) "
                           "VALUES (?1, nullif (?2, 0), ?3, ?4)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sales_record_get_id (SALES_RECORD (deal)));
  sqlite3_bind_int64 (stmt, 2, from_stage_id);
  sqlite3_bind_int64 (stmt, 3, sales_deal_get_stage_id (deal));
  sqlite3_bind_int64 (stmt, 4, sales_deal_get_stage_changed_at (deal));
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  if (undo != NULL)
    sales_undo_entry_add_inserted (undo, "deal_stage_history",
                                   sqlite3_last_insert_rowid (sales_db_get_handle (self->db)));
  return TRUE;
}

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
 * of @stage_id other than @deal_id. */
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

  stmt = sales_db_prepare (self->db,
                           "SELECT position FROM deal WHERE stage_id = ?1 AND id <> ?2 "
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

/* A position that puts @deal_id at @index among the other cards of
 * @stage_id: 0 is the top, -1 (or past the end) the bottom. */
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
  gint64 prev = 0, next = 0;
  gboolean has_prev = FALSE, has_next = FALSE;

  if (index >= 0 &&
      !read_neighbours (self, stage_id, deal_id, index, &prev, &has_prev, &next, &has_next, error))
    return FALSE;

  /* An index past the last card reads nothing: that is the bottom too. */
  if (index < 0 || (index > 0 && !has_prev))
    {
      gint64 count = 0;

      if (!sales_store_query_int64 (self,
                                    "SELECT count (*) FROM deal WHERE stage_id = ?1 AND id <> ?2",
                                    stage_id, deal_id, &count, error))
        return FALSE;

      has_next = FALSE;
      has_prev = count > 0;
      if (has_prev &&
          !sales_store_query_int64 (self,
                                    "SELECT max (position) FROM deal "
                                    "WHERE stage_id = ?1 AND id <> ?2",
                                    stage_id, deal_id, &prev, error))
        return FALSE;
    }

  if (has_prev && has_next && next - prev < 2)
    {
      if (!renumber_side (self, stage_id, deal_id, index, prev, next, undo, error) ||
          !read_neighbours (self, stage_id, deal_id, index, &prev, &has_prev, &next, &has_next,
                            error))
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

/* TRUE when @deal already sits at @index of its own stage. */
gboolean
sales_store_deal_is_in_place (SalesStore  *self,
                              SalesDeal   *deal,
                              int          index,
                              gboolean    *in_place,
                              GError     **error)
{
  gint64 id = sales_record_get_id (SALES_RECORD (deal));
  gint64 stage_id = sales_deal_get_stage_id (deal);
  gint64 others = 0, before = 0;
  sqlite3_stmt *stmt;
  int rc;

  if (!sales_store_query_int64 (self, "SELECT count (*) FROM deal WHERE stage_id = ?1 AND id <> ?2",
                                stage_id, id, &others, error))
    return FALSE;

  stmt = sales_db_prepare (self->db,
                           "SELECT count (*) FROM deal WHERE stage_id = ?1 AND id <> ?2 AND "
                           "(position < ?3 OR (position = ?3 AND id < ?2))",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, stage_id);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_int64 (stmt, 3, sales_deal_get_position (deal));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    before = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return sales_db_set_error (self->db, rc, error);

  *in_place = before == (index < 0 || index > others ? others : index);
  return TRUE;
}

static gboolean
prepare_new_deal (SalesStore  *self,
                  SalesDeal   *deal,
                  GError     **error)
{
  g_autoptr(SalesStage) stage = NULL;
  gboolean renumbered = FALSE;
  gint64 position;

  stage = sales_store_get_stage (self, sales_deal_get_stage_id (deal), error);
  if (stage == NULL)
    return FALSE;

  sales_deal_set_created_at (deal, sales_store_now (self));
  /* Created directly in a won or lost stage: closed as it is created. */
  sales_store_enter_stage (deal, SALES_STAGE_KIND_OPEN, stage, sales_deal_get_created_at (deal));
  if (!sales_store_check_lost_reason (deal, SALES_STAGE_KIND_OPEN, stage, error))
    return FALSE;

  if (!sales_store_find_position (self, sales_deal_get_stage_id (deal), 0, -1, NULL, &position,
                                  &renumbered, error))
    return FALSE;

  sales_deal_set_position (deal, position);
  return TRUE;
}

static gboolean
prepare_deal_update (SalesStore  *self,
                     SalesDeal   *old,
                     SalesDeal   *row,
                     GError     **error)
{
  g_autoptr(SalesStage) stage = NULL;
  g_autoptr(SalesStage) from = NULL;
  gboolean renumbered = FALSE;
  gint64 position;

  /* The store keeps these; an edit cannot change them. */
  sales_deal_set_created_at (row, sales_deal_get_created_at (old));
  sales_deal_set_stage_changed_at (row, sales_deal_get_stage_changed_at (old));
  sales_deal_set_closed_at (row, sales_deal_get_closed_at (old));
  sales_deal_set_position (row, sales_deal_get_position (old));

  stage = sales_store_get_stage (self, sales_deal_get_stage_id (row), error);
  if (stage == NULL)
    return FALSE;

  if (sales_deal_get_stage_id (row) == sales_deal_get_stage_id (old))
    {
      if (sales_stage_get_kind (stage) != SALES_STAGE_KIND_LOST)
        clear_lost_reason (row);
      return TRUE;
    }

  from = sales_store_get_stage (self, sales_deal_get_stage_id (old), error);
  if (from == NULL)
    return FALSE;

  sales_store_enter_stage (row, sales_stage_get_kind (from), stage, sales_store_now (self));
  if (!sales_store_check_lost_reason (row, sales_stage_get_kind (from), stage, error))
    return FALSE;

  if (!sales_store_find_position (self, sales_deal_get_stage_id (row),
                                  sales_record_get_id (SALES_RECORD (row)), -1, NULL, &position,
                                  &renumbered, error))
    return FALSE;

  sales_deal_set_position (row, position);
  return TRUE;
}

/* The other kinds */

static gboolean
check_activity (SalesStore     *self,
                SalesActivity  *activity,
                GError        **error)
{
  gint64 deal_id = sales_activity_get_deal_id (activity);
  sqlite3_stmt *stmt;
  gint64 customer_id = 0;
  int rc;

  if (deal_id == 0)
    return TRUE;

  stmt = sales_db_prepare (self->db, "SELECT customer_id FROM deal WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, deal_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  /* A missing deal is left to the foreign key. */
  if (rc == SQLITE_ROW && customer_id != sales_activity_get_customer_id (activity))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("The deal of a follow-up must belong to the same customer"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
clear_other_primary_contacts (SalesStore    *self,
                              SalesContact  *contact,
                              GArray        *changes,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!sales_contact_get_is_primary (contact))
    return TRUE;

  stmt = sales_db_prepare (self->db,
                           "UPDATE contact SET is_primary = 0 "
                           "WHERE customer_id = ?1 AND id <> ?2 AND is_primary = 1 RETURNING id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, sales_contact_get_customer_id (contact));
  sqlite3_bind_int64 (stmt, 2, sales_record_get_id (SALES_RECORD (contact)));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    sales_row_change_add (changes, SALES_RECORD_CONTACT, sqlite3_column_int64 (stmt, 0),
                          SALES_CHANGE_UPDATED);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

static gboolean
check_stage_update (SalesStore  *self,
                    SalesStage  *old,
                    SalesStage  *row,
                    GError     **error)
{
  gint64 deals = 0;

  if (sales_stage_get_kind (old) == sales_stage_get_kind (row))
    return TRUE;

  if (!sales_store_query_int64 (self, "SELECT count (*) FROM deal WHERE stage_id = ?1",
                                sales_record_get_id (SALES_RECORD (old)), 0, &deals, error))
    return FALSE;

  /* The closed_at of the deals in it would no longer be true. */
  if (deals > 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” holds deals, so it cannot change between open, won and lost"),
                   sales_stage_get_name (old));
      return FALSE;
    }

  return TRUE;
}

gboolean
sales_store_check_stage_delete (SalesStore  *self,
                                SalesStage  *stage,
                                GError     **error)
{
  gint64 id = sales_record_get_id (SALES_RECORD (stage));
  gint64 deals = 0, history = 0;

  if (!sales_store_query_int64 (self, "SELECT count (*) FROM deal WHERE stage_id = ?1", id, 0,
                                &deals, error))
    return FALSE;

  if (deals > 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” still holds %d deal; move it to another stage first",
                                "“%s” still holds %d deals; move them to another stage first",
                                (gulong)deals),
                   sales_stage_get_name (stage), (int)deals);
      return FALSE;
    }

  if (!sales_store_query_int64 (self,
                                "SELECT count (*) FROM deal_stage_history "
                                "WHERE from_stage_id = ?1 OR to_stage_id = ?1",
                                id, 0, &history, error))
    return FALSE;

  if (history > 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT,
                   _("Deals have passed through “%s”, so it stays part of their history"),
                   sales_stage_get_name (stage));
      return FALSE;
    }

  return TRUE;
}

/* Fills in what the store owns before an INSERT. */
gboolean
sales_store_prepare_insert (SalesStore   *self,
                            SalesRecord  *row,
                            GError      **error)
{
  gint64 now = sales_store_now (self);
  gint64 position = 0;

  switch (sales_record_get_kind (row))
    {
    case SALES_RECORD_STAGE:
      /* New stages go last. */
      if (!sales_store_query_int64 (self, "SELECT coalesce (max (position) + 1, 0) FROM stage",
                                    0, 0, &position, error))
        return FALSE;
      sales_stage_set_position (SALES_STAGE (row), (int)position);
      return TRUE;

    case SALES_RECORD_CUSTOMER:
      sales_customer_set_created_at (SALES_CUSTOMER (row), now);
      sales_customer_set_updated_at (SALES_CUSTOMER (row), now);
      return TRUE;

    case SALES_RECORD_DEAL:
      return prepare_new_deal (self, SALES_DEAL (row), error);

    case SALES_RECORD_ACTIVITY:
      return check_activity (self, SALES_ACTIVITY (row), error);

    case SALES_RECORD_REP:
    case SALES_RECORD_CONTACT:
    case SALES_RECORD_LOST_REASON:
    default:
      return TRUE;
    }
}

/* Brings the store's own columns over from @old before an UPDATE. */
gboolean
sales_store_prepare_update (SalesStore   *self,
                            SalesRecord  *old,
                            SalesRecord  *row,
                            GError      **error)
{
  switch (sales_record_get_kind (row))
    {
    case SALES_RECORD_STAGE:
      return check_stage_update (self, SALES_STAGE (old), SALES_STAGE (row), error);

    case SALES_RECORD_CUSTOMER:
      {
        gint64 created_at = sales_customer_get_created_at (SALES_CUSTOMER (old));

        sales_customer_set_created_at (SALES_CUSTOMER (row), created_at);
        sales_customer_set_updated_at (SALES_CUSTOMER (row),
                                       MAX (sales_store_now (self), created_at));
      }
      return TRUE;

    case SALES_RECORD_DEAL:
      return prepare_deal_update (self, SALES_DEAL (old), SALES_DEAL (row), error);

    case SALES_RECORD_ACTIVITY:
      return check_activity (self, SALES_ACTIVITY (row), error);

    case SALES_RECORD_REP:
    case SALES_RECORD_CONTACT:
    case SALES_RECORD_LOST_REASON:
    default:
      return TRUE;
    }
}

/* What follows an INSERT or UPDATE of @row; @old is NULL for an INSERT. */
gboolean
sales_store_after_write (SalesStore   *self,
                         SalesRecord  *old,
                         SalesRecord  *row,
                         GArray       *changes,
                         GError      **error)
{
  switch (sales_record_get_kind (row))
    {
    case SALES_RECORD_DEAL:
      {
        gint64 from = old != NULL ? sales_deal_get_stage_id (SALES_DEAL (old)) : 0;

        if (from == sales_deal_get_stage_id (SALES_DEAL (row)))
          return TRUE;
        return sales_store_insert_history (self, SALES_DEAL (row), from, NULL, error);
      }

    case SALES_RECORD_CONTACT:
      return clear_other_primary_contacts (self, SALES_CONTACT (row), changes, error);

    case SALES_RECORD_STAGE:
    case SALES_RECORD_REP:
    case SALES_RECORD_CUSTOMER:
    case SALES_RECORD_ACTIVITY:
    case SALES_RECORD_LOST_REASON:
    default:
      return TRUE;
    }
}

char *
sales_store_describe_delete (SalesRecord *record)
{
  switch (sales_record_get_kind (record))
    {
    case SALES_RECORD_STAGE:
      return g_strdup_printf (_("Deleted stage “%s”"), sales_stage_get_name (SALES_STAGE (record)));
    case SALES_RECORD_REP:
      return g_strdup_printf (_("Deleted rep “%s”"), sales_rep_get_name (SALES_REP (record)));
    case SALES_RECORD_CUSTOMER:
      return g_strdup_printf (_("Deleted customer “%s”"),
                              sales_customer_get_name (SALES_CUSTOMER (record)));
    case SALES_RECORD_CONTACT:
      return g_strdup_printf (_("Deleted contact “%s”"),
                              sales_contact_get_name (SALES_CONTACT (record)));
    case SALES_RECORD_DEAL:
      return g_strdup_printf (_("Deleted deal “%s”"), sales_deal_get_title (SALES_DEAL (record)));
    case SALES_RECORD_ACTIVITY:
      return g_strdup (_("Deleted follow-up"));
    case SALES_RECORD_LOST_REASON:
      return g_strdup_printf (_("Deleted lost reason “%s”"),
                              sales_lost_reason_get_name (SALES_LOST_REASON (record)));
    default:
      g_assert_not_reached ();
    }
}

/* Moves */

/**
 * sales_store_move_deal:
 * @stage_id: the stage to move to; the deal's own stage to reorder it
 * @index: where among the other cards of that stage: 0 is the top, -1 (or
 *   any index past the last card) the bottom
 *
 * Moves a card on the board: a new stage gets a deal_stage_history row and
 * follows the closed_at rules at the top of this file. The move can be
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
  g_autoptr(SalesStage) to = NULL;
  g_autoptr(SalesStage) from = NULL;
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesDeal) row = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *label = NULL;
  gboolean renumbered = FALSE;
  gboolean in_place = FALSE;
  gint64 from_stage_id;
  gint64 position;
  gint64 id;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_DEAL (deal), FALSE);
  g_return_val_if_fail (sales_record_get_id (SALES_RECORD (deal)) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

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
      if (!sales_store_deal_is_in_place (self, SALES_DEAL (old), index, &in_place, error))
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

  if (!sales_undo_entry_save_row (entry, self, "deal", id, error) ||
      !sales_store_find_position (self, stage_id, id, index, entry, &position, &renumbered, error))
    goto failed;

  sales_deal_set_position (row, position);

  if (from_stage_id != stage_id)
    {
      sales_store_enter_stage (row, sales_stage_get_kind (from), to, sales_store_now (self));
      if (!sales_store_check_lost_reason (row, sales_stage_get_kind (from), to, error) ||
          !sales_store_insert_history (self, row, from_stage_id, entry, error))
        goto failed;
    }

  if (!sales_store_update_row (self, SALES_RECORD (row), error) ||
      !sales_db_commit (self->db, error))
    goto failed;

  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  sales_undo_entry_get_changes (entry, changes);
  sales_store_finish (self, changes, g_steal_pointer (&entry), renumbered);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}
