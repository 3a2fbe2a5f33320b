/* sales-store-pool.c: the public pool's claims and lead assignment
 *
 * Applying the rules that return customers to the pool is in
 * sales-store-pool-rules.c.
 *
 * "Fewest open customers" counts the customers a rep holds now. Round-robin
 * goes on from the rep of the newest 'assigned' event. Both skip inactive
 * reps and reps at the limit of customers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-pool.h"
#include "sales-store-private.h"

void
sales_store_set_pool_rules (SalesStore           *self,
                            const SalesPoolRules *rules)
{
  g_return_if_fail (SALES_IS_STORE (self));
  g_return_if_fail (rules != NULL);
  g_return_if_fail (rules->assign <= SALES_ASSIGN_FEWEST_OPEN);

  self->pool_rules = *rules;
}

void
sales_store_get_pool_rules (SalesStore     *self,
                            SalesPoolRules *rules)
{
  g_return_if_fail (SALES_IS_STORE (self));
  g_return_if_fail (rules != NULL);

  *rules = self->pool_rules;
}

gboolean
sales_store_insert_customer_event (SalesStore      *self,
                                   gint64           customer_id,
                                   const char      *kind,
                                   gint64           from_owner_id,
                                   gint64           to_owner_id,
                                   const char      *note,
                                   SalesUndoEntry  *undo,
                                   GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = sales_db_prepare (self->db,
                           "INSERT INTO customer_event "
                           "(customer_id, kind, from_owner_id, to_owner_id, note, at) "
                           "VALUES (?1, ?2, nullif (?3, 0), nullif (?4, 0), ?5, ?6)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, from_owner_id);
  sqlite3_bind_int64 (stmt, 4, to_owner_id);
  sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, sales_store_now (self));
  if (!sales_store_step (self, stmt, error))
    return FALSE;

  if (undo != NULL)
    sales_undo_entry_add_inserted (undo, "customer_event",
                                   sqlite3_last_insert_rowid (sales_db_get_handle (self->db)));
  return TRUE;
}

static gboolean
count_held (SalesStore  *self,
            gint64       rep_id,
            gint64      *held,
            GError     **error)
{
  return sales_store_query_int64 (self, "SELECT count(*) FROM customer WHERE owner_id = ?1",
                                  rep_id, 0, held, error);
}

/**
 * sales_store_claim_customer:
 * @customer: a customer in the public pool
 * @rep_id: the rep who claims it (normally the current rep)
 *
 * Makes @rep_id the owner of @customer and writes a 'claimed' event. Refused
 * when the customer has an owner, when the rep is inactive, and when the rep
 * already holds the most customers the rules allow. It can be undone.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_claim_customer (SalesStore     *self,
                            SalesCustomer  *customer,
                            gint64          rep_id,
                            GError        **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesRep) rep = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  gint64 id, held = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (SALES_IS_CUSTOMER (customer), FALSE);
  g_return_val_if_fail (rep_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  id = sales_record_get_id (SALES_RECORD (customer));

  if (!sales_store_begin (self, error))
    return FALSE;

  old = sales_store_read_row (self, SALES_RECORD_CUSTOMER, id, error);
  if (old == NULL)
    goto failed;

  rep = sales_store_get_rep (self, rep_id, error);
  if (rep == NULL)
    goto failed;

  if (sales_customer_get_owner_id (SALES_CUSTOMER (old)) != 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is no longer in the public pool"),
                   sales_customer_get_name (SALES_CUSTOMER (old)));
      goto failed;
    }

  if (!sales_rep_get_active (rep))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("%s is no longer an active rep"), sales_rep_get_name (rep));
      goto failed;
    }

  if (!count_held (self, rep_id, &held, error))
    goto failed;

  if (self->pool_rules.max_per_rep > 0 && held >= self->pool_rules.max_per_rep)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s already holds %u customer, the most a rep may hold; "
                                "return one to the public pool first",
                                "%s already holds %u customers, the most a rep may hold; "
                                "return one to the public pool first",
                                self->pool_rules.max_per_rep),
                   sales_rep_get_name (rep), self->pool_rules.max_per_rep);
      goto failed;
    }

  label = g_strdup_printf (_("Claimed “%s”"), sales_customer_get_name (SALES_CUSTOMER (old)));
  entry = sales_undo_entry_new (label);

  stmt = sales_db_prepare (self->db,
                           "UPDATE customer SET owner_id = ?2, updated_at = max (updated_at, ?3) "
                           "WHERE id = ?1",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rep_id);
  sqlite3_bind_int64 (stmt, 3, sales_store_now (self));

  if (!sales_undo_entry_save_row (entry, self, "customer", id, error) ||
      !sales_store_step (self, stmt, error) ||
      !sales_store_insert_customer_event (self, id, "claimed", 0, rep_id, NULL, entry, error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}

/* The rep the assignment rule gives the next new customer to, or 0. */
static gboolean
pick_rep (SalesStore  *self,
          gint64      *rep_id,
          GError     **error)
{
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  switch (self->pool_rules.assign)
    {
    case SALES_ASSIGN_ROUND_ROBIN:
      /* The first eligible rep after the last one assigned, wrapping round. */
      sql = "SELECT r.id FROM rep r "
            "WHERE r.active = 1 AND (?1 = 0 OR"
            "  (SELECT count(*) FROM customer c WHERE c.owner_id = r.id) < ?1) "
            "ORDER BY r.id <= coalesce ((SELECT e.to_owner_id FROM customer_event e"
            "                            WHERE e.kind = 'assigned'"
            "                              AND e.to_owner_id IS NOT NULL"
            "                            ORDER BY e.id DESC LIMIT 1), 0),"
            "  r.id LIMIT 1";
      break;

    case SALES_ASSIGN_FEWEST_OPEN:
      sql = "SELECT r.id FROM rep r "
            "WHERE r.active = 1 AND (?1 = 0 OR"
            "  (SELECT count(*) FROM customer c WHERE c.owner_id = r.id) < ?1) "
            "ORDER BY (SELECT count(*) FROM customer c WHERE c.owner_id = r.id), r.id LIMIT 1";
      break;

    case SALES_ASSIGN_NONE:
    default:
      *rep_id = 0;
      return TRUE;
    }

  stmt = sales_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->pool_rules.max_per_rep);
  rc = sqlite3_step (stmt);
  *rep_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  return TRUE;
}

/* Inside a transaction: gives the customer @id, which has no owner, to the
 * rep the assignment rule picks, if any. */
gboolean
sales_store_assign_lead (SalesStore  *self,
                         gint64       id,
                         gboolean    *assigned,
                         GError     **error)
{
  const char *note;
  sqlite3_stmt *stmt;
  gint64 rep_id = 0;

  g_assert (sales_db_in_transaction (self->db));

  *assigned = FALSE;
  if (!pick_rep (self, &rep_id, error))
    return FALSE;
  if (rep_id == 0)
    return TRUE;

  stmt = sales_db_prepare (self->db,
                           "UPDATE customer SET owner_id = ?2 WHERE id = ?1 AND owner_id IS NULL",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, rep_id);
  if (!sales_store_step (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (sales_db_get_handle (self->db)) == 0)
    return TRUE;

  note = self->pool_rules.assign == SALES_ASSIGN_ROUND_ROBIN
         ? _("Assigned in turn (round-robin)")
         : _("Assigned to the rep with the fewest customers");
  if (!sales_store_insert_customer_event (self, id, "assigned", 0, rep_id, note, NULL, error))
    return FALSE;

  *assigned = TRUE;
  return TRUE;
}

/* After a customer is written by sales_store_create() or _update(): a new
 * one without an owner goes to the rep the assignment rule picks, and a
 * change of owner by an edit is written on the customer's timeline (it is
 * also when the new owner's time starts for the pool rules). */
gboolean
sales_store_customer_after_write (SalesStore     *self,
                                  SalesCustomer  *old,
                                  SalesCustomer  *row,
                                  GError        **error)
{
  gint64 id = sales_record_get_id (SALES_RECORD (row));
  gint64 from = old != NULL ? sales_customer_get_owner_id (old) : 0;
  gint64 to = sales_customer_get_owner_id (row);
  gboolean assigned;

  if (old == NULL)
    return to != 0 || sales_store_assign_lead (self, id, &assigned, error);

  if (from == to)
    return TRUE;

  return sales_store_insert_customer_event (self, id, to != 0 ? "assigned" : "returned",
                                            from, to, NULL, NULL, error);
}

/**
 * sales_store_assign_new_customers:
 * @ids: (array length=n_ids): customers, such as the ones an import created
 * @n_assigned: (out) (optional): how many got an owner
 *
 * Gives those of @ids that have no owner to reps by the assignment rule, in
 * one transaction. The store does this by itself for a customer created
 * through sales_store_create().
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_assign_new_customers (SalesStore    *self,
                                  const gint64  *ids,
                                  guint          n_ids,
                                  guint         *n_assigned,
                                  GError       **error)
{
  g_autoptr(GArray) changes = NULL;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_assigned != NULL)
    *n_assigned = 0;
  if (self->pool_rules.assign == SALES_ASSIGN_NONE || n_ids == 0)
    return TRUE;

  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  if (!sales_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean assigned = FALSE;

      if (!sales_store_assign_lead (self, ids[i], &assigned, error))
        {
          sales_db_rollback (self->db);
          return FALSE;
        }
      if (assigned)
        sales_row_change_add (changes, SALES_RECORD_CUSTOMER, ids[i], SALES_CHANGE_UPDATED);
    }

  if (!sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return FALSE;
    }

  if (n_assigned != NULL)
    *n_assigned = changes->len;
  if (changes->len > 0)
    sales_store_finish (self, changes, NULL, FALSE);

  return TRUE;
}
