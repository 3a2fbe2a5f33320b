/* sales-contract-summary.c: a customer's contract with what was paid of it
 *
 * Read-only lines for the customer page: the contract's number, amount and
 * signing date, the sum of the payments received against it, and the next
 * instalment to collect (the oldest one the payments have not settled; see
 * sales-collections.c). Editing
 * contracts and payments belongs to their own objects once they have them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-collections.h"
#include "sales-contract-summary.h"

struct _SalesContractSummary
{
  GObject  parent_instance;

  gint64   id;
  char    *number;
  gint64   amount_cents;
  char    *signed_on;
  gint64   paid_cents;
  char    *next_due_on;
  gint64   next_due_cents;
};

G_DEFINE_FINAL_TYPE (SalesContractSummary, sales_contract_summary, G_TYPE_OBJECT)

static void
sales_contract_summary_finalize (GObject *object)
{
  SalesContractSummary *self = (SalesContractSummary *)object;

  g_free (self->number);
  g_free (self->signed_on);
  g_free (self->next_due_on);

  G_OBJECT_CLASS (sales_contract_summary_parent_class)->finalize (object);
}

static void
sales_contract_summary_class_init (SalesContractSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_contract_summary_finalize;
}

static void
sales_contract_summary_init (SalesContractSummary *self)
{
}

/**
 * sales_contract_summary_list_for_customer:
 *
 * Returns: (transfer full): the contracts of the customer, the latest signed first, or
 *   %NULL with @error set
 */
GListModel *
sales_contract_summary_list_for_customer (SalesStore  *store,
                                          gint64       customer_id,
                                          GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SALES_TYPE_CONTRACT_SUMMARY);
  SalesDb *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  db = sales_store_get_db (store);
  /* Every payment counts, as in the paid sum, whatever day it was entered for. */
  stmt = sales_db_prepare (db,
                           SALES_CUSTOMER_INSTALMENTS_WITH
                           ", next AS ("
                           "  SELECT contract_id, due_on, amount_cents - paid_cents AS left,"
                           "         row_number () OVER (PARTITION BY contract_id"
                           "                             ORDER BY due_on, id) AS n"
                           "  FROM instalment WHERE paid_cents < amount_cents) "
                           "SELECT c.id, c.number, c.amount_cents, c.signed_on, "
                           "       (SELECT coalesce (sum (p.amount_cents), 0) FROM payment p "
                           "        WHERE p.contract_id = c.id), "
                           "       next.due_on, coalesce (next.left, 0) "
                           "FROM contract c "
                           "LEFT JOIN next ON next.contract_id = c.id AND next.n = 1 "
                           "WHERE c.customer_id = ?2 "
                           "ORDER BY c.signed_on DESC, c.id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, "9999-12-31", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SalesContractSummary) summary = g_object_new (SALES_TYPE_CONTRACT_SUMMARY, NULL);

      summary->id = sqlite3_column_int64 (stmt, 0);
      summary->number = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      summary->amount_cents = sqlite3_column_int64 (stmt, 2);
      summary->signed_on = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      summary->paid_cents = sqlite3_column_int64 (stmt, 4);
      summary->next_due_on = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
      summary->next_due_cents = sqlite3_column_int64 (stmt, 6);
      g_list_store_append (list, summary);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
sales_contract_summary_get_id (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), 0);

  return self->id;
}

const char *
sales_contract_summary_get_number (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), NULL);

  return self->number;
}

gint64
sales_contract_summary_get_amount_cents (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), 0);

  return self->amount_cents;
}

const char *
sales_contract_summary_get_signed_on (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), NULL);

  return self->signed_on;
}

/* The sum of the payments received against the contract. */
gint64
sales_contract_summary_get_paid_cents (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), 0);

  return self->paid_cents;
}

/* YYYY-MM-DD of the oldest instalment not paid in full; %NULL when there is none. */
const char *
sales_contract_summary_get_next_due_on (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), NULL);

  return self->next_due_on;
}

/* What is left to pay of that instalment; 0 when there is none. */
gint64
sales_contract_summary_get_next_due_cents (SalesContractSummary *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_SUMMARY (self), 0);

  return self->next_due_cents;
}
