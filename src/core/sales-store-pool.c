/* sales-store-pool.c: the public pool's rules, claims and lead assignment
 *
 * When a customer returns: the owner's "last follow-up" is the newest done
 * follow-up of the customer logged by the owner, and "last won deal" the
 * newest close of a won deal of the customer owned by the owner (or by
 * nobody); neither counts from before the customer became the owner's (its
 * newest 'assigned' or 'claimed' event to the owner, else its creation), so
 * that a customer just claimed does not go straight back. Days are local
 * days: with N = 30, a customer last followed up on 1 November returns on
 * 1 December, whatever the hour, and is warned on 28 November with K = 3.
 * A warning is written once per stretch of neglect: not again while a
 * 'warned' event newer than the follow-up (or won deal) it is about exists.
 *
 * The rules run as a few statements over every owned customer at once, in
 * one transaction, rather than a loop in C.
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

/* A customer whose reference time is before this has gone @days local days
 * without; G_MININT64 when the rule is off. */
static gint64
day_cutoff (gint64 now,
            guint  days)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) cutoff = NULL;

  if (days == 0)
    return G_MININT64;

  time = g_date_time_new_from_unix_local (now);
  midnight = g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time),
                                    g_date_time_get_day_of_month (time), 0, 0, 0);
  cutoff = g_date_time_add_days (midnight, -(int)(days - 1));

  return g_date_time_to_unix (cutoff);
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
bind_step (SalesStore    *self,
           const char    *sql,
           const gint64  *values,
           guint          n_values,
           const char    *text1,
           const char    *text2,
           GError       **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_values; i++)
    sqlite3_bind_int64 (stmt, (int)i + 1, values[i]);
  if (text1 != NULL)
    sqlite3_bind_text (stmt, (int)n_values + 1, text1, -1, SQLITE_TRANSIENT);
  if (text2 != NULL)
    sqlite3_bind_text (stmt, (int)n_values + 2, text2, -1, SQLITE_TRANSIENT);

  return sales_store_step (self, stmt, error);
}

/* Fills temp.pool_due with every owned customer and the two times the rules
 * count from (f_ref: follow-up, w_ref: won deal).
 *
 * Only follow-ups and wins since @followup_scan and @won_scan (the return
 * cut-offs) are read, through the indexes on done_at and closed_at: an
 * older one cannot keep a customer, so for a customer without a newer one
 * the time it became the owner's ("since") stands in, which is exact when
 * it is newer than the cut-off and sends the customer back anyway when it
 * is older. Reading every customer's follow-ups instead cost seconds on a
 * large database. The "+" keeps SQLite from walking the whole customer
 * index to group by it, rather than the short range of recent rows. */
static gboolean
compute_due (SalesStore  *self,
             gint64       followup_scan,
             gint64       won_scan,
             GError     **error)
{
  const gint64 scans[] = { followup_scan, won_scan };

  if (!sales_db_exec (self->db,
                      "CREATE TEMP TABLE IF NOT EXISTS pool_due ("
                      "  id       INTEGER PRIMARY KEY,"
                      "  owner_id INTEGER NOT NULL,"
                      "  f_ref    INTEGER NOT NULL,"
                      "  w_ref    INTEGER NOT NULL"
                      ");"
                      "DELETE FROM temp.pool_due",
                      error))
    return FALSE;

  return bind_step (self,
                    "WITH"
                    " owned AS MATERIALIZED ("
                    "  SELECT id, owner_id, coalesce ("
                    "    (SELECT max (e.at) FROM customer_event e"
                    "     WHERE e.customer_id = customer.id"
                    "       AND e.to_owner_id = customer.owner_id"
                    "       AND (e.kind = 'assigned' OR e.kind = 'claimed')),"
                    "    created_at) AS since"
                    "  FROM customer WHERE owner_id IS NOT NULL),"
                    " followed AS MATERIALIZED ("
                    "  SELECT a.customer_id, max (a.done_at) AS t"
                    "  FROM activity a JOIN customer c ON c.id = a.customer_id"
                    "  WHERE a.done_at IS NOT NULL AND a.done_at >= ?1"
                    "    AND a.owner_id = c.owner_id"
                    "  GROUP BY +a.customer_id),"
                    " won AS MATERIALIZED ("
                    "  SELECT d.customer_id, max (d.closed_at) AS t"
                    "  FROM deal d JOIN stage s ON s.id = d.stage_id"
                    "    JOIN customer c ON c.id = d.customer_id"
                    "  WHERE d.closed_at IS NOT NULL AND d.closed_at >= ?2 AND s.kind = 'won'"
                    "    AND coalesce (d.owner_id, c.owner_id) = c.owner_id"
                    "  GROUP BY +d.customer_id) "
                    "INSERT INTO temp.pool_due (id, owner_id, f_ref, w_ref) "
                    "SELECT o.id, o.owner_id,"
                    "  max (o.since, coalesce (f.t, o.since)),"
                    "  max (o.since, coalesce (w.t, o.since)) "
                    "FROM owned o"
                    "  LEFT JOIN followed f ON f.customer_id = o.id"
                    "  LEFT JOIN won w ON w.customer_id = o.id",
                    scans, G_N_ELEMENTS (scans), NULL, NULL, error);
}

static GArray *
select_returning (SalesStore  *self,
                  gint64       followup_cutoff,
                  gint64       won_cutoff,
                  GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT id FROM temp.pool_due WHERE f_ref < ?1 OR w_ref < ?2",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, followup_cutoff);
  sqlite3_bind_int64 (stmt, 2, won_cutoff);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * sales_store_apply_pool_rules:
 * @result: (out) (optional): how many customers returned and were warned
 *
 * Returns the customers that the rules set with sales_store_set_pool_rules()
 * take from their owners to the public pool (owner_id NULL and a 'returned'
 * event saying why) and warns, once, those that will return within the
 * warning days (a 'warned' event), all in one transaction as of the store's
 * clock. It cannot be undone; when it changes nothing, the undo history is
 * kept.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_apply_pool_rules (SalesStore       *self,
                              SalesPoolResult  *result,
                              GError          **error)
{
  const SalesPoolRules *rules;
  g_autoptr(GArray) returning = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *followup_note = NULL;
  g_autofree char *won_note = NULL;
  g_autofree char *warn_note = NULL;
  gint64 now, values[5];
  guint warned;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rules = &self->pool_rules;
  now = sales_store_now (self);

  /* values: ?1 ?2 when a customer returns, ?3 ?4 when it is warned, ?5 now */
  values[0] = day_cutoff (now, rules->followup_days);
  values[1] = day_cutoff (now, rules->won_days);
  values[2] = rules->followup_days > rules->warn_days
              ? day_cutoff (now, rules->followup_days - rules->warn_days) : values[0];
  values[3] = rules->won_days > rules->warn_days
              ? day_cutoff (now, rules->won_days - rules->warn_days) : values[1];
  if (rules->warn_days == 0)
    values[2] = values[3] = G_MININT64;
  values[4] = now;

  followup_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "No follow-up by the owner for %u day",
                                                "No follow-up by the owner for %u days",
                                                rules->followup_days),
                                   rules->followup_days);
  won_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No deal won by the owner for %u day",
                                           "No deal won by the owner for %u days",
                                           rules->won_days),
                              rules->won_days);
  warn_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Returns to the public pool within %u day "
                                            "unless followed up",
                                            "Returns to the public pool within %u days "
                                            "unless followed up",
                                            rules->warn_days),
                               rules->warn_days);

  if (!sales_store_begin (self, error))
    return FALSE;

  /* A rule that is off reads nothing: every customer counts from "since". */
  if (!compute_due (self,
                    rules->followup_days > 0 ? values[0] : G_MAXINT64,
                    rules->won_days > 0 ? values[1] : G_MAXINT64,
                    error))
    goto failed;

  returning = select_returning (self, values[0], values[1], error);
  if (returning == NULL)
    goto failed;

  if (!bind_step (self,
                  "INSERT INTO customer_event "
                  "(customer_id, kind, from_owner_id, to_owner_id, note, at) "
                  "SELECT id, 'returned', owner_id, NULL,"
                  "  CASE WHEN f_ref < ?1 THEN ?6 ELSE ?7 END, ?5 "
                  "FROM temp.pool_due WHERE f_ref < ?1 OR w_ref < ?2 ORDER BY id",
                  values, 5, followup_note, won_note, error))
    goto failed;

  if (!bind_step (self,
                  "INSERT INTO customer_event "
                  "(customer_id, kind, from_owner_id, to_owner_id, note, at) "
                  "SELECT p.id, 'warned', p.owner_id, NULL, ?6, ?5 "
                  "FROM temp.pool_due p "
                  "WHERE p.f_ref >= ?1 AND p.w_ref >= ?2 AND"
                  "  ((p.f_ref < ?3 AND NOT EXISTS"
                  "     (SELECT 1 FROM customer_event e"
                  "      WHERE e.customer_id = p.id AND e.kind = 'warned' AND e.at >= p.f_ref))"
                  "   OR (p.w_ref < ?4 AND NOT EXISTS"
                  "     (SELECT 1 FROM customer_event e"
                  "      WHERE e.customer_id = p.id AND e.kind = 'warned' AND e.at >= p.w_ref))) "
                  "ORDER BY p.id",
                  values, 5, warn_note, NULL, error))
    goto failed;
  warned = (guint)sqlite3_changes (sales_db_get_handle (self->db));

  if (!bind_step (self,
                  "UPDATE customer SET owner_id = NULL, updated_at = max (updated_at, ?5) "
                  "WHERE id IN (SELECT id FROM temp.pool_due WHERE f_ref < ?1 OR w_ref < ?2)",
                  values, 5, NULL, NULL, error) ||
      !sales_db_exec (self->db, "DELETE FROM temp.pool_due", error) ||
      !sales_store_commit (self, error))
    goto failed;

  if (result != NULL)
    {
      result->returned = returning->len;
      result->warned = warned;
    }

  if (returning->len == 0)
    return TRUE;

  changes = g_array_new (FALSE, FALSE, sizeof (SalesRowChange));
  for (guint i = 0; i < returning->len; i++)
    sales_row_change_add (changes, SALES_RECORD_CUSTOMER, g_array_index (returning, gint64, i),
                          SALES_CHANGE_UPDATED);
  sales_store_finish (self, changes, NULL, FALSE);

  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
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
