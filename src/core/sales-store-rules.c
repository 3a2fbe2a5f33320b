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
 * New deals and deals whose stage changes by an edit go to the bottom of
 * the stage; moves on the board are in sales-store-moves.c.
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

    case SALES_RECORD_CONTRACT:
      return sales_store_check_contract (self, NULL, SALES_CONTRACT (row), error);

    case SALES_RECORD_PAYMENT:
      return sales_store_check_payment (self, SALES_PAYMENT (row), error);

    case SALES_RECORD_REP:
      return sales_store_check_rep (self, SALES_REP (row), error);

    case SALES_RECORD_CONTACT:
    case SALES_RECORD_LOST_REASON:
    case SALES_RECORD_PAYMENT_PLAN:
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

    case SALES_RECORD_CONTRACT:
      return sales_store_check_contract (self, SALES_CONTRACT (old), SALES_CONTRACT (row),
                                         error);

    case SALES_RECORD_PAYMENT:
      return sales_store_check_payment (self, SALES_PAYMENT (row), error);

    case SALES_RECORD_REP:
      return sales_store_check_rep (self, SALES_REP (row), error);

    case SALES_RECORD_CONTACT:
    case SALES_RECORD_LOST_REASON:
    case SALES_RECORD_PAYMENT_PLAN:
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

    case SALES_RECORD_CUSTOMER:
      return sales_store_customer_after_write (self, (SalesCustomer *)old, SALES_CUSTOMER (row),
                                               error);

    case SALES_RECORD_STAGE:
    case SALES_RECORD_REP:
    case SALES_RECORD_ACTIVITY:
    case SALES_RECORD_LOST_REASON:
    case SALES_RECORD_CONTRACT:
    case SALES_RECORD_PAYMENT_PLAN:
    case SALES_RECORD_PAYMENT:
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
    case SALES_RECORD_CONTRACT:
      return g_strdup_printf (_("Deleted contract “%s”"),
                              sales_contract_get_number (SALES_CONTRACT (record)));
    case SALES_RECORD_PAYMENT_PLAN:
      return g_strdup (_("Deleted instalment"));
    case SALES_RECORD_PAYMENT:
      return g_strdup (_("Deleted payment"));
    default:
      g_assert_not_reached ();
    }
}
