/* sales-duplicates.c: likely duplicate customers (查重 / 撞单)
 *
 * Both questions are answered from customer_key alone, whose primary key
 * (key, customer_id) makes a key's customers one index range: the check on
 * save looks up the handful of keys of the draft; "Find duplicates" groups
 * the whole table by key. Neither reads a customer row.
 *
 * A key shared by very many customers (a switchboard number typed for every
 * branch, a placeholder e-mail) says nothing about any two of them, and its
 * pairs would bury the real ones: "Find duplicates" leaves out keys held by
 * more than SALES_DUPLICATES_MAX_GROUP customers. The check on save still
 * names them, up to SALES_DUPLICATES_MAX_MATCHES.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-duplicates.h"
#include "sales-normalize.h"

#define SALES_DUPLICATES_MAX_GROUP 20

typedef struct
{
  const char           *prefix;
  SalesDuplicateReason  reason;
} KeyKind;

static const KeyKind key_kinds[] = {
  { "p:", SALES_DUPLICATE_PHONE },
  { "e:", SALES_DUPLICATE_EMAIL },
  { "n:", SALES_DUPLICATE_NAME },
};

static void
add_key (GHashTable *keys,
         const char *prefix,
         char       *value)
{
  g_autofree char *owned = value;

  if (owned != NULL)
    g_hash_table_add (keys, g_strconcat (prefix, owned, NULL));
}

static SalesDuplicateReason
reason_of_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_kinds); i++)
    {
      if (g_str_has_prefix (key, key_kinds[i].prefix))
        return key_kinds[i].reason;
    }

  g_assert_not_reached ();
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const SalesDuplicateMatch *x = a, *y = b;
  gboolean x_strong = (x->reasons & ~SALES_DUPLICATE_NAME) != 0;
  gboolean y_strong = (y->reasons & ~SALES_DUPLICATE_NAME) != 0;

  /* A shared phone or e-mail says more than a shared name; then the oldest first. */
  if (x_strong != y_strong)
    return x_strong ? -1 : 1;

  return x->customer_id < y->customer_id ? -1 : x->customer_id > y->customer_id;
}

/**
 * sales_duplicates_check:
 * @draft: the customer about to be saved (name, phone and email are read)
 * @contacts: (element-type SalesContact) (nullable): its contacts as they
 *   will be saved; their phones and emails count too
 * @exclude_id: the id of the customer being edited, so that it does not
 *   match itself; 0 for a new one
 *
 * Returns: (transfer full) (element-type SalesDuplicateMatch): the existing
 *   customers that share a key with the draft, those sharing a phone or an
 *   e-mail first, at most %SALES_DUPLICATES_MAX_MATCHES; %NULL with @error set
 */
GArray *
sales_duplicates_check (SalesDb        *db,
                        SalesCustomer  *draft,
                        GPtrArray      *contacts,
                        gint64          exclude_id,
                        GError        **error)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* customer id -> its SalesDuplicateReason flags */
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (SalesDuplicateMatch));
  GHashTableIter iter;
  gpointer id, reasons;
  const char *key;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (SALES_IS_CUSTOMER (draft), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  add_key (keys, "n:", sales_normalize_company_name (sales_customer_get_name (draft)));
  add_key (keys, "p:", sales_normalize_phone (sales_customer_get_phone (draft)));
  add_key (keys, "e:", sales_normalize_email (sales_customer_get_email (draft)));
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      SalesContact *contact = g_ptr_array_index (contacts, i);

      add_key (keys, "p:", sales_normalize_phone (sales_contact_get_phone (contact)));
      add_key (keys, "e:", sales_normalize_email (sales_contact_get_email (contact)));
    }

  stmt = sales_db_prepare (db,
                           "SELECT customer_id FROM customer_key "
                           "WHERE key = ?1 AND customer_id <> ?2 LIMIT ?3",
                           error);
  if (stmt == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    {
      SalesDuplicateReason reason = reason_of_key (key);
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, exclude_id);
      sqlite3_bind_int (stmt, 3, SALES_DUPLICATES_MAX_MATCHES);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 customer_id = sqlite3_column_int64 (stmt, 0);
          guint old = GPOINTER_TO_UINT (g_hash_table_lookup (found, &customer_id));

          g_hash_table_replace (found, g_memdup2 (&customer_id, sizeof customer_id),
                                GUINT_TO_POINTER (old | reason));
        }
      sqlite3_reset (stmt);

      if (rc != SQLITE_DONE)
        {
          sales_db_set_error (db, rc, error);
          return NULL;
        }
    }

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &id, &reasons))
    {
      SalesDuplicateMatch match = { *(gint64 *)id, GPOINTER_TO_UINT (reasons) };

      g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);
  if (matches->len > SALES_DUPLICATES_MAX_MATCHES)
    g_array_set_size (matches, SALES_DUPLICATES_MAX_MATCHES);

  return g_steal_pointer (&matches);
}

/**
 * sales_duplicates_find_all:
 *
 * Every pair of customers that share a key, each pair once with all the
 * reasons it has, ordered by the first id and then the second. Keys held by
 * more than %SALES_DUPLICATES_MAX_GROUP customers are left out.
 *
 * The connection is only read; a thread may run this on a connection of its
 * own.
 *
 * Returns: (transfer full) (element-type SalesDuplicatePair): the pairs, or
 *   %NULL with @error set (also when cancelled)
 */
GArray *
sales_duplicates_find_all (SalesDb       *db,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (SalesDuplicatePair));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The reasons are bits of SalesDuplicateReason: 1 phone, 2 e-mail, 4 name. */
  stmt = sales_db_prepare (db,
                           "WITH shared (key) AS ("
                           "  SELECT key FROM customer_key"
                           "  GROUP BY key HAVING count(*) BETWEEN 2 AND ?1) "
                           "SELECT a.customer_id, b.customer_id,"
                           "  max (CASE substr (s.key, 1, 2) WHEN 'p:' THEN 1 ELSE 0 END) |"
                           "  max (CASE substr (s.key, 1, 2) WHEN 'e:' THEN 2 ELSE 0 END) |"
                           "  max (CASE substr (s.key, 1, 2) WHEN 'n:' THEN 4 ELSE 0 END) "
                           "FROM shared s"
                           "  JOIN customer_key a ON a.key = s.key"
                           "  JOIN customer_key b ON b.key = s.key AND b.customer_id > a.customer_id "
                           "GROUP BY a.customer_id, b.customer_id "
                           "ORDER BY a.customer_id, b.customer_id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, SALES_DUPLICATES_MAX_GROUP);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesDuplicatePair pair = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        (SalesDuplicateReason)sqlite3_column_int (stmt, 2),
      };

      g_array_append_val (pairs, pair);
      if ((pairs->len & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&pairs);
}

/**
 * sales_duplicate_reason_describe:
 *
 * Returns: (transfer full): why two customers look alike, for a person:
 *   "Same phone, same name"
 */
char *
sales_duplicate_reason_describe (SalesDuplicateReason reasons)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *text = NULL;
  gunichar first;

  if (reasons & SALES_DUPLICATE_PHONE)
    g_ptr_array_add (parts, (gpointer)_("same phone"));
  if (reasons & SALES_DUPLICATE_EMAIL)
    g_ptr_array_add (parts, (gpointer)_("same e-mail"));
  if (reasons & SALES_DUPLICATE_NAME)
    g_ptr_array_add (parts, (gpointer)_("same name"));
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: joins reasons such as "same phone" and "same name" */
  text = g_strjoinv (C_("duplicate reasons", ", "), (char **)parts->pdata);
  if (text[0] == '\0')
    return g_steal_pointer (&text);

  /* A sentence of its own: the first reason starts with a capital. */
  first = g_utf8_get_char (text);
  {
    char head[7] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (first), head);
    return g_strconcat (head, g_utf8_next_char (text), NULL);
  }
}
