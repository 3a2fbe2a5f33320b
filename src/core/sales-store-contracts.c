/* sales-store-contracts.c: contracts, their payment plans and the payments received
 *
 * A won deal becomes money in three steps: a contract says what the
 * customer owes, its plan says when, payments say what came in. What each
 * instalment has been paid is never stored: payments settle instalments
 * oldest first, so it follows from the plan and the payments alone
 * (sales-collections.c), and no write can leave the two out of step.
 *
 * The rules hold on every write path: the generic create and update check
 * a contract's number and deal and refuse a payment that would pay more
 * than the contract's amount, as recording a payment does. Each action
 * here is one transaction and one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-collections.h"
#include "sales-store-private.h"

/* Contract numbers are data people print and quote, not interface text: the
 * same in every language. HT is for 合同, contract. */
#define NUMBER_PREFIX "HT"

SalesContract *
sales_store_get_contract (SalesStore  *self,
                          gint64       id,
                          GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_CONTRACT, id, error);
}

SalesPaymentPlan *
sales_store_get_payment_plan (SalesStore  *self,
                              gint64       id,
                              GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_PAYMENT_PLAN, id, error);
}

SalesPayment *
sales_store_get_payment (SalesStore  *self,
                         gint64       id,
                         GError     **error)
{
  return sales_store_get_record (self, SALES_RECORD_PAYMENT, id, error);
}

static GPtrArray *
list_of_contract (SalesStore       *self,
                  SalesRecordKind   kind,
                  const char       *order,
                  gint64            contract_id,
                  GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("%s WHERE contract_id = ?1 ORDER BY %s",
                         sales_record_class_get_sql (g_type_class_peek (
                                                       sales_store_get_record_type (kind)),
                                                     SALES_RECORD_SQL_SELECT),
                         order);
  stmt = sales_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, sales_store_get_record_from_row (self, kind, stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/**
 * sales_store_list_payment_plan:
 *
 * Returns: (transfer full) (element-type SalesPaymentPlan): the canonical
 *   instalments of the contract, the earliest due first, or %NULL with @error set
 */
GPtrArray *
sales_store_list_payment_plan (SalesStore  *self,
                               gint64       contract_id,
                               GError     **error)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return list_of_contract (self, SALES_RECORD_PAYMENT_PLAN, "due_on, id", contract_id, error);
}

/**
 * sales_store_list_payments:
 *
 * Returns: (transfer full) (element-type SalesPayment): the canonical
 *   payments of the contract, the earliest received first, or %NULL with @error set
 */
GPtrArray *
sales_store_list_payments (SalesStore  *self,
                           gint64       contract_id,
                           GError     **error)
{
  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  return list_of_contract (self, SALES_RECORD_PAYMENT, "received_on, id", contract_id, error);
}

/* Money in an error message. The interface formats amounts with the
 * currency and the locale, which core does not know; digits and a point
 * read the same everywhere. */
static char *
format_cents (gint64 cents)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int)(ABS (cents) % 100));
}

/**
 * sales_store_propose_contract_number:
 * @signed_on: (nullable): YYYY-MM-DD; %NULL for today
 *
 * Returns: (transfer full): the next free number of the year, such as
 *   HT-2026-0001 for the first contract signed in 2026
 */
char *
sales_store_propose_contract_number (SalesStore *self,
                                     const char *signed_on)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *year = NULL;
  g_autofree char *sql = NULL;
  gint64 last = 0;

  g_return_val_if_fail (SALES_IS_STORE (self), NULL);

  if (!sales_iso_date_is_valid (signed_on))
    signed_on = today = sales_local_date (sales_store_now (self));
  year = g_strndup (signed_on, 4);

  /* Only numbers of this form count: HT-2026-0042, not HT-2026-42a. */
  sql = g_strdup_printf ("SELECT coalesce (max (CAST (substr (number, %d) AS INTEGER)), 0) "
                         "FROM contract WHERE number GLOB '" NUMBER_PREFIX "-%s-[0-9]*' "
                         "AND NOT number GLOB '" NUMBER_PREFIX "-%s-*[^0-9]*'",
                         (int)strlen (NUMBER_PREFIX "-0000-") + 1, year, year);
  if (!sales_store_query_int64 (self, sql, 0, 0, &last, &error))
    g_warning ("Cannot read the contract numbers: %s", error->message);

  return g_strdup_printf (NUMBER_PREFIX "-%s-%04" G_GINT64_FORMAT, year, last + 1);
}

/**
 * sales_store_contract_number_exists:
 *
 * Lets an editor refuse a number already taken before the store does.
 *
 * Returns: whether a contract has this number, as written
 */
gboolean
sales_store_contract_number_exists (SalesStore *self,
                                    const char *number)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  stmt = sales_db_prepare (self->db, "SELECT 1 FROM contract WHERE number = ?1", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the contract numbers: %s", error->message);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

/**
 * sales_store_get_deal_contract_id:
 *
 * Returns: the id of the deal's contract, or 0 when it has none
 */
gint64
sales_store_get_deal_contract_id (SalesStore *self,
                                  gint64      deal_id)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (SALES_IS_STORE (self), 0);

  if (!sales_store_query_int64 (self,
                                "SELECT coalesce (min (id), 0) FROM contract WHERE deal_id = ?1",
                                deal_id, 0, &id, &error))
    g_warning ("Cannot read the contract of a deal: %s", error->message);

  return id;
}

/**
 * sales_store_new_contract_draft:
 * @customer_id: the customer; 0 to take the deal's
 * @deal_id: a won deal, or 0 for a contract made on the customer
 *
 * What the contract editor starts from: the deal's customer and amount,
 * signed today, with the next free number.
 *
 * Returns: (transfer full): a draft, or %NULL with @error set
 */
SalesContract *
sales_store_new_contract_draft (SalesStore  *self,
                                gint64       customer_id,
                                gint64       deal_id,
                                GError     **error)
{
  g_autoptr(SalesContract) draft = sales_contract_new ();
  g_autofree char *today = NULL;
  g_autofree char *number = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), NULL);
  g_return_val_if_fail (customer_id > 0 || deal_id > 0, NULL);

  if (deal_id > 0)
    {
      g_autoptr(SalesDeal) deal = sales_store_get_deal (self, deal_id, error);

      if (deal == NULL)
        return NULL;

      customer_id = sales_deal_get_customer_id (deal);
      sales_contract_set_deal_id (draft, deal_id);
      sales_contract_set_amount_cents (draft, sales_deal_get_amount_cents (deal));
    }

  today = sales_local_date (sales_store_now (self));
  number = sales_store_propose_contract_number (self, today);
  sales_contract_set_customer_id (draft, customer_id);
  sales_contract_set_signed_on (draft, today);
  sales_contract_set_number (draft, number);

  return g_steal_pointer (&draft);
}

static gboolean
sum_payments (SalesStore  *self,
              gint64       contract_id,
              gint64       except_id,
              gint64      *sum,
              GError     **error)
{
  return sales_store_query_int64 (self,
                                  "SELECT coalesce (sum (amount_cents), 0) FROM payment "
                                  "WHERE contract_id = ?1 AND id != ?2",
                                  contract_id, except_id, sum, error);
}

static gboolean
check_deal (SalesStore     *self,
            SalesContract  *row,
            GError        **error)
{
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(SalesStage) stage = NULL;
  gint64 other = 0;

  deal = sales_store_get_deal (self, sales_contract_get_deal_id (row), error);
  if (deal == NULL)
    return FALSE;

  stage = sales_store_get_stage (self, sales_deal_get_stage_id (deal), error);
  if (stage == NULL)
    return FALSE;

  if (sales_stage_get_kind (stage) != SALES_STAGE_KIND_WON)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not won yet: only a won deal gets a contract"),
                   sales_deal_get_title (deal));
      return FALSE;
    }

  if (sales_deal_get_customer_id (deal) != sales_contract_get_customer_id (row))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is a deal of another customer"), sales_deal_get_title (deal));
      return FALSE;
    }

  if (!sales_store_query_int64 (self,
                                "SELECT count (*) FROM contract WHERE deal_id = ?1 AND id != ?2",
                                sales_contract_get_deal_id (row),
                                sales_record_get_id (SALES_RECORD (row)), &other, error))
    return FALSE;

  if (other > 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT,
                   _("“%s” already has a contract"), sales_deal_get_title (deal));
      return FALSE;
    }

  return TRUE;
}

/* Called before a contract is inserted (@old %NULL) or updated. */
gboolean
sales_store_check_contract (SalesStore     *self,
                            SalesContract  *old,
                            SalesContract  *row,
                            GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 paid = 0;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT 1 FROM contract WHERE number = trim (?1) AND id != ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sales_contract_get_number (row), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, sales_record_get_id (SALES_RECORD (row)));
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT,
                   _("There is already a contract numbered “%s”"),
                   sales_contract_get_number (row));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  /* A deal that was won when its contract was made may be reopened later;
   * the contract stays, so the deal is checked only when it changes. */
  if (sales_contract_get_deal_id (row) != 0 &&
      (old == NULL || sales_contract_get_deal_id (old) != sales_contract_get_deal_id (row)) &&
      !check_deal (self, row, error))
    return FALSE;

  if (old == NULL)
    return TRUE;

  if (!sum_payments (self, sales_record_get_id (SALES_RECORD (row)), 0, &paid, error))
    return FALSE;

  if (paid > sales_contract_get_amount_cents (row))
    {
      g_autofree char *paid_text = format_cents (paid);

      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("%s has been received on this contract already: its amount cannot be less"),
                   paid_text);
      return FALSE;
    }

  return TRUE;
}

/* Called before a payment is inserted or updated: refuses over-payment. */
gboolean
sales_store_check_payment (SalesStore    *self,
                           SalesPayment  *row,
                           GError       **error)
{
  g_autoptr(SalesRecord) contract = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *owed = NULL;
  gint64 paid = 0;
  gint64 left;

  contract = sales_store_read_row (self, SALES_RECORD_CONTRACT,
                                   sales_payment_get_contract_id (row), error);
  if (contract == NULL ||
      !sum_payments (self, sales_payment_get_contract_id (row),
                     sales_record_get_id (SALES_RECORD (row)), &paid, error))
    return FALSE;

  left = sales_contract_get_amount_cents (SALES_CONTRACT (contract)) - paid;
  if (sales_payment_get_amount_cents (row) <= left)
    return TRUE;

  if (left <= 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("Contract “%s” is paid in full: there is nothing left to receive"),
                   sales_contract_get_number (SALES_CONTRACT (contract)));
      return FALSE;
    }

  amount = format_cents (sales_payment_get_amount_cents (row));
  owed = format_cents (left);
  g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
               _("A payment of %s is more than the %s still owed on contract “%s”"),
               amount, owed, sales_contract_get_number (SALES_CONTRACT (contract)));
  return FALSE;
}

static gboolean
insert_row (SalesStore      *self,
            SalesRecord     *row,
            SalesUndoEntry  *entry,
            GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = sales_db_prepare (self->db, sales_record_get_sql (row, SALES_RECORD_SQL_INSERT), error);
  if (stmt == NULL)
    return FALSE;

  sales_record_bind (row, stmt);
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (sales_db_get_handle (self->db));
  sales_record_set_id (row, id);
  sales_undo_entry_add_inserted (entry, sales_record_get_table_name (row), id);

  return TRUE;
}

/* Copies of @plan, their sum checked against @amount_cents; each is
 * validated once it has its contract, in insert_plan(). */
static GPtrArray *
prepare_plan (GPtrArray       *plan,
              gint64           amount_cents,
              SalesPlanFlags   flags,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 sum = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      SalesPaymentPlan *row = sales_payment_plan_dup (g_ptr_array_index (plan, i));

      g_ptr_array_add (rows, row);
      sales_record_set_id (SALES_RECORD (row), 0);

      if (sales_payment_plan_get_amount_cents (row) > G_MAXINT64 - sum)
        sum = G_MAXINT64;
      else
        sum += sales_payment_plan_get_amount_cents (row);
    }

  if (sum != amount_cents &&
      (sum > amount_cents || (flags & SALES_PLAN_PARTIAL_ALLOWED) == 0))
    {
      g_autofree char *plan_text = format_cents (sum);
      g_autofree char *amount_text = format_cents (amount_cents);
      g_autofree char *difference = format_cents (ABS (amount_cents - sum));

      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   sum > amount_cents
                   ? _("The instalments add up to %s, %s more than the contract’s %s")
                   : _("The instalments add up to %s, %s less than the contract’s %s"),
                   plan_text, difference, amount_text);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

static gboolean
insert_plan (SalesStore      *self,
             GPtrArray       *rows,
             gint64           contract_id,
             SalesUndoEntry  *entry,
             GError         **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      SalesPaymentPlan *row = g_ptr_array_index (rows, i);

      sales_payment_plan_set_contract_id (row, contract_id);
      if (!sales_record_validate (SALES_RECORD (row), error) ||
          !insert_row (self, SALES_RECORD (row), entry, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * sales_store_create_contract:
 * @draft: the contract, see sales_store_new_contract_draft(); a blank
 *   number gets the next free one; not kept
 * @plan: (nullable) (element-type SalesPaymentPlan): its instalments, whose
 *   contract is ignored
 * @flags: %SALES_PLAN_PARTIAL_ALLOWED to accept a plan that covers less
 *   than the contract's amount
 *
 * Writes the contract and its plan in one transaction, which Undo takes
 * back whole. The contract's deal, if any, must be won and of the same
 * customer, and have no other contract; a plan must add up to the amount.
 *
 * Returns: (transfer full): the canonical contract, or %NULL with @error
 *   set and nothing written
 */
SalesContract *
sales_store_create_contract (SalesStore      *self,
                             SalesContract   *draft,
                             GPtrArray       *plan,
                             SalesPlanFlags   flags,
                             GError         **error)
{
  g_autoptr(SalesContract) row = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 id;

  g_return_val_if_fail (SALES_IS_STORE (self), NULL);
  g_return_val_if_fail (SALES_IS_CONTRACT (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  row = sales_contract_dup (draft);
  sales_record_set_id (SALES_RECORD (row), 0);
  if (sales_text_is_blank (sales_contract_get_number (row)))
    {
      g_autofree char *number = NULL;

      number = sales_store_propose_contract_number (self, sales_contract_get_signed_on (row));
      sales_contract_set_number (row, number);
    }

  if (!sales_record_validate (SALES_RECORD (row), error))
    return NULL;

  if (plan != NULL)
    {
      rows = prepare_plan (plan, sales_contract_get_amount_cents (row), flags, error);
      if (rows == NULL)
        return NULL;
    }

  label = g_strdup_printf (_("Created contract “%s”"), sales_contract_get_number (row));
  entry = sales_undo_entry_new (label);

  if (!sales_store_begin (self, error))
    return NULL;

  if (!sales_store_check_contract (self, NULL, row, error) ||
      !insert_row (self, SALES_RECORD (row), entry, error) ||
      (rows != NULL &&
       !insert_plan (self, rows, sales_record_get_id (SALES_RECORD (row)), entry, error)) ||
      !sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return NULL;
    }

  id = sales_record_get_id (SALES_RECORD (row));
  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);

  return sales_store_get_contract (self, id, error);
}

/**
 * sales_store_set_payment_plan:
 * @plan: (element-type SalesPaymentPlan): the new instalments, whose
 *   contract and ids are ignored; empty to remove the plan
 * @flags: %SALES_PLAN_PARTIAL_ALLOWED to accept a plan that covers less
 *   than the contract's amount
 *
 * Replaces the plan of @contract in one undoable action. A plan that adds
 * up to more than the amount is always refused; one that adds up to less
 * only without %SALES_PLAN_PARTIAL_ALLOWED. Payments received stay: they
 * settle the new instalments oldest first.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_set_payment_plan (SalesStore      *self,
                              SalesContract   *contract,
                              GPtrArray       *plan,
                              SalesPlanFlags   flags,
                              GError         **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 contract_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  contract_id = sales_record_get_id (SALES_RECORD (contract));
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!sales_store_begin (self, error))
    return FALSE;

  /* The amount as committed, not as the caller's object may have been edited. */
  old = sales_store_read_row (self, SALES_RECORD_CONTRACT, contract_id, error);
  if (old == NULL)
    goto failed;

  rows = prepare_plan (plan, sales_contract_get_amount_cents (SALES_CONTRACT (old)), flags,
                       error);
  if (rows == NULL)
    goto failed;

  label = g_strdup_printf (_("Changed the payment plan of “%s”"),
                           sales_contract_get_number (SALES_CONTRACT (old)));
  entry = sales_undo_entry_new (label);

  stmt = sales_db_prepare (self->db, "SELECT id FROM payment_plan WHERE contract_id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (self->db, rc, error);
      goto failed;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!sales_undo_entry_save_delete (entry, self, "payment_plan", id, error))
        goto failed;
    }

  /* The new rows go in before the old ones go out, so that none takes the
   * id of an old one: undo tells the rows it brings back from those it
   * deletes by their ids. */
  if (!insert_plan (self, rows, contract_id, entry, error))
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      stmt = sales_db_prepare (self->db, "DELETE FROM payment_plan WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
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

/**
 * sales_store_record_payment:
 * @draft: the payment: contract, received_on, amount, method and note; not kept
 * @payment_id: (out) (optional): the id of the new row
 *
 * Records money received in one undoable action. It settles the contract's
 * instalments oldest first (see sales-collections.h). A payment that
 * would bring what was received past the contract's amount is refused.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_record_payment (SalesStore    *self,
                            SalesPayment  *draft,
                            gint64        *payment_id,
                            GError       **error)
{
  g_autoptr(SalesPayment) row = NULL;
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_PAYMENT (draft), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = sales_payment_dup (draft);
  sales_record_set_id (SALES_RECORD (row), 0);

  if (!sales_record_validate (SALES_RECORD (row), error))
    return FALSE;

  contract = sales_store_get_contract (self, sales_payment_get_contract_id (row), error);
  if (contract == NULL)
    return FALSE;

  label = g_strdup_printf (_("Recorded a payment on “%s”"), sales_contract_get_number (contract));
  entry = sales_undo_entry_new (label);

  if (!sales_store_begin (self, error))
    return FALSE;

  if (!sales_store_check_payment (self, row, error) ||
      !insert_row (self, SALES_RECORD (row), entry, error) ||
      !sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return FALSE;
    }

  if (payment_id != NULL)
    *payment_id = sales_record_get_id (SALES_RECORD (row));

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;
}

/**
 * sales_store_delete_contract:
 * @force: delete the payments received with it
 *
 * Deletes @contract with its plan in one undoable action. While payments
 * were received against it, it is refused unless @force is set: money
 * that came in is not to disappear by a slip.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_delete_contract (SalesStore     *self,
                             SalesContract  *contract,
                             gboolean        force,
                             GError        **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 id;
  gint64 n_payments = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = sales_record_get_id (SALES_RECORD (contract));

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, SALES_RECORD_CONTRACT, id, error);
  if (old == NULL ||
      !sales_store_query_int64 (self, "SELECT count (*) FROM payment WHERE contract_id = ?1",
                                id, 0, &n_payments, error))
    goto failed;

  if (n_payments > 0 && !force)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Contract “%s” has %d payment received; "
                                "deleting it would delete the payment too",
                                "Contract “%s” has %d payments received; "
                                "deleting it would delete the payments too",
                                (gulong)n_payments),
                   sales_contract_get_number (SALES_CONTRACT (old)), (int)n_payments);
      goto failed;
    }

  label = sales_store_describe_delete (old);
  entry = sales_undo_entry_new (label);

  if (!sales_undo_entry_save_delete (entry, self, "contract", id, error))
    goto failed;

  stmt = sales_db_prepare (self->db, "DELETE FROM contract WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!sales_store_step (self, stmt, error) || !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}
