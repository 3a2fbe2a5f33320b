/* sales-customer-search.c: customers by part of their name, for completion
 *
 * A field where a customer is typed offers the few customers whose name contains what
 * was typed so far. The table may hold tens of thousands of customers, so this asks
 * SQLite for a handful of ids and hands out the store's objects for those only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-search.h"

/* Names that start with the text come first, then the others, each alphabetically. */
#define SEARCH_SQL \
  "SELECT id FROM customer WHERE name LIKE ?1 ESCAPE '\\' " \
  "ORDER BY name NOT LIKE ?2 ESCAPE '\\', name, id LIMIT ?3"

static char *
escape_like (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * sales_customer_search:
 * @text: part of a name; blank gives the first customers by name
 * @limit: at most this many customers
 *
 * Returns: (transfer full): a list of the canonical #SalesCustomer objects whose name
 *   contains @text (ASCII letters in any case), or %NULL with @error set
 */
GListModel *
sales_customer_search (SalesStore  *store,
                       const char  *text,
                       guint        limit,
                       GError     **error)
{
  g_autoptr(GListStore) result = g_list_store_new (SALES_TYPE_CUSTOMER);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *escaped = escape_like (stripped);
  g_autofree char *contains = g_strdup_printf ("%%%s%%", escaped);
  g_autofree char *prefix = g_strdup_printf ("%s%%", escaped);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = sales_db_prepare (sales_store_get_db (store), SEARCH_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, contains, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (sales_store_get_db (store), rc, error);
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(SalesCustomer) customer = NULL;

      customer = sales_store_get_customer (store, g_array_index (ids, gint64, i), error);
      if (customer == NULL)
        return NULL;
      g_list_store_append (result, customer);
    }

  return G_LIST_MODEL (g_steal_pointer (&result));
}
