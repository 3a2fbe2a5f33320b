/* sales-store-merge.c: two records of one customer made one
 *
 * Merging B into A keeps A: A's empty fields take B's values, everything
 * that hangs off B (contacts, deals, follow-ups, contracts, tags and the
 * events of its timeline) moves to A, B is deleted, and A's timeline gets a
 * 'merged' event naming B. It is one transaction and one undo step, built
 * on the generic before-images of sales-store-undo.c: every row the merge
 * moves or fills is saved whole before it is written, B is saved with what
 * its deletion would take, and the rows it adds are noted, so that undo
 * brings back B with its id and puts every moved row back where it was.
 *
 * A keeps its primary contact: when both have one, B's contacts come over
 * as ordinary ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-store-private.h"

/* The tables whose rows follow a customer, and the statements that move
 * them; every row is saved first. */
static const struct {
  const char *table;
  const char *select;
  const char *move;
} children[] = {
  { "contact",
    "SELECT id FROM contact WHERE customer_id = ?1",
    "UPDATE contact SET customer_id = ?2 WHERE customer_id = ?1" },
  { "deal",
    "SELECT id FROM deal WHERE customer_id = ?1",
    "UPDATE deal SET customer_id = ?2 WHERE customer_id = ?1" },
  { "activity",
    "SELECT id FROM activity WHERE customer_id = ?1",
    "UPDATE activity SET customer_id = ?2 WHERE customer_id = ?1" },
  { "contract",
    "SELECT id FROM contract WHERE customer_id = ?1",
    "UPDATE contract SET customer_id = ?2 WHERE customer_id = ?1" },
  { "customer_event",
    "SELECT id FROM customer_event WHERE customer_id = ?1",
    "UPDATE customer_event SET customer_id = ?2 WHERE customer_id = ?1" },
};

static gboolean
run_two (SalesStore  *self,
         const char  *sql,
         gint64       a,
         gint64       b,
         GError     **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);

  return sales_store_step (self, stmt, error);
}

static gboolean
save_rows (SalesStore      *self,
           SalesUndoEntry  *entry,
           const char      *table,
           const char      *select,
           gint64           customer_id,
           GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db, select, error);
  if (stmt == NULL)
    return FALSE;

  /* Read them all first: saving a row uses statements of its own. */
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      if (!sales_undo_entry_save_row (entry, self, table, g_array_index (ids, gint64, i), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_empty (const char *text)
{
  return sales_text_is_blank (text);
}

/* A's empty fields take B's values; what A has stays. */
static void
fill_empty_fields (SalesCustomer *a,
                   SalesCustomer *b)
{
  if (is_empty (sales_customer_get_industry (a)))
    sales_customer_set_industry (a, sales_customer_get_industry (b));
  if (is_empty (sales_customer_get_source (a)))
    sales_customer_set_source (a, sales_customer_get_source (b));
  if (sales_customer_get_owner_id (a) == 0)
    sales_customer_set_owner_id (a, sales_customer_get_owner_id (b));
  if (is_empty (sales_customer_get_phone (a)))
    sales_customer_set_phone (a, sales_customer_get_phone (b));
  if (is_empty (sales_customer_get_email (a)))
    sales_customer_set_email (a, sales_customer_get_email (b));
  if (is_empty (sales_customer_get_address (a)))
    sales_customer_set_address (a, sales_customer_get_address (b));
  if (is_empty (sales_customer_get_notes (a)))
    sales_customer_set_notes (a, sales_customer_get_notes (b));
}

/* A gets the tags of B it lacks, each row noted for undo; B's own rows go
 * with B. */
static gboolean
merge_tags (SalesStore      *self,
            SalesUndoEntry  *entry,
            gint64           keep_id,
            gint64           merged_id,
            GError         **error)
{
  g_autoptr(GArray) tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sales_db_prepare (self->db,
                           "SELECT tag_id FROM customer_tag WHERE customer_id = ?1 AND tag_id NOT IN"
                           "  (SELECT tag_id FROM customer_tag WHERE customer_id = ?2) "
                           "ORDER BY tag_id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, merged_id);
  sqlite3_bind_int64 (stmt, 2, keep_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 tag_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (tag_ids, tag_id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  for (guint i = 0; i < tag_ids->len; i++)
    {
      if (!run_two (self, "INSERT INTO customer_tag (customer_id, tag_id) VALUES (?1, ?2)",
                    keep_id, g_array_index (tag_ids, gint64, i), error))
        return FALSE;
      sales_undo_entry_add_inserted (entry, "customer_tag",
                                     sqlite3_last_insert_rowid (sales_db_get_handle (self->db)));
    }

  return TRUE;
}

/**
 * sales_store_merge_customers:
 * @keep_id: the customer that stays (A)
 * @merged_id: the customer merged into it and deleted (B)
 *
 * Merges B into A as the top of this file says, in one transaction that
 * sales_store_undo() takes back whole.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
sales_store_merge_customers (SalesStore  *self,
                             gint64       keep_id,
                             gint64       merged_id,
                             GError     **error)
{
  g_autoptr(SalesRecord) a = NULL;
  g_autoptr(SalesRecord) b = NULL;
  g_autoptr(SalesUndoEntry) entry = NULL;
  g_autofree char *label = NULL;
  g_autofree char *note = NULL;
  g_autofree char *merged_number = NULL;
  gint64 a_has_primary = 0;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep_id > 0 && merged_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (keep_id == merged_id)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("A customer cannot be merged into itself"));
      return FALSE;
    }

  if (!sales_store_begin (self, error))
    return FALSE;

  a = sales_store_read_row (self, SALES_RECORD_CUSTOMER, keep_id, error);
  if (a == NULL)
    goto failed;
  b = sales_store_read_row (self, SALES_RECORD_CUSTOMER, merged_id, error);
  if (b == NULL)
    goto failed;

  /* TRANSLATORS: the first %s is the customer merged away, the second the one kept */
  label = g_strdup_printf (_("Merged “%s” into “%s”"),
                           sales_customer_get_name (SALES_CUSTOMER (b)),
                           sales_customer_get_name (SALES_CUSTOMER (a)));
  entry = sales_undo_entry_new (label);

  if (!sales_undo_entry_save_row (entry, self, "customer", keep_id, error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      if (!save_rows (self, entry, children[i].table, children[i].select, merged_id, error))
        goto failed;
    }

  if (!sales_store_save_deals_before (self, entry, error))
    goto failed;

  if (!sales_store_query_int64 (self,
                                "SELECT EXISTS (SELECT 1 FROM contact"
                                "  WHERE customer_id = ?1 AND is_primary = 1)",
                                keep_id, 0, &a_has_primary, error))
    goto failed;

  if (a_has_primary &&
      !run_two (self, "UPDATE contact SET is_primary = 0 WHERE customer_id = ?1", merged_id, 0,
                error))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      if (!run_two (self, children[i].move, merged_id, keep_id, error))
        goto failed;
    }

  /* Only now is B saved with what its deletion takes (its tags, its derived
   * rows): saved before, the rows that move would count as deleted. */
  if (!merge_tags (self, entry, keep_id, merged_id, error) ||
      !sales_undo_entry_save_delete (entry, self, "customer", merged_id, error))
    goto failed;

  fill_empty_fields (SALES_CUSTOMER (a), SALES_CUSTOMER (b));
  sales_customer_set_updated_at (SALES_CUSTOMER (a),
                                 MAX (sales_store_now (self),
                                      sales_customer_get_created_at (SALES_CUSTOMER (a))));

  /* The id is formatted first: xgettext cannot read G_GINT64_FORMAT in a msgid. */
  merged_number = g_strdup_printf ("%" G_GINT64_FORMAT, merged_id);
  /* TRANSLATORS: the name of the customer merged away, then its number */
  note = g_strdup_printf (_("Merged with “%s” (no. %s)"),
                          sales_customer_get_name (SALES_CUSTOMER (b)), merged_number);

  if (!sales_store_update_row (self, a, error) ||
      !run_two (self, "DELETE FROM customer WHERE id = ?1", merged_id, 0, error) ||
      !sales_store_insert_customer_event (self, keep_id, "merged",
                                          sales_customer_get_owner_id (SALES_CUSTOMER (b)),
                                          sales_customer_get_owner_id (SALES_CUSTOMER (a)),
                                          note, entry, error) ||
      !sales_store_commit (self, error))
    goto failed;

  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;

failed:
  sales_db_rollback (self->db);
  return FALSE;
}
