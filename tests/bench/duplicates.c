/* duplicates.c: the duplicate check and "Find duplicates"
 *
 *   duplicates --db FILE [--checks 200] [--seed 1] [--json]
 *
 * Opens FILE (made with `sales-desk --seed-demo`) through SalesStore and
 * measures:
 *
 *   check      sales_duplicates_check() of a draft copied from a random
 *              customer (its name, phone, e-mail and its contacts' phones
 *              and e-mails), as a person re-typing a customer they already
 *              have; each must find that customer
 *   reference  the same keys looked up as bare SQL on a second connection
 *              (one SELECT ... WHERE key IN (...), keys computed before)
 *   find       sales_duplicates_find_all() over the whole database
 *
 * The public pool's rules are measured by tests/bench/pool.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "sales-core.h"
#include "sales-duplicates.h"
#include "sales-normalize.h"

static gint64
query_int (SalesDb    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, NULL);
  gint64 value;

  g_assert (stmt != NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

/* A draft like the customer @id, with its contacts; the keys it has. */
static SalesCustomer *
draft_of (SalesStore *store,
          gint64      id,
          GPtrArray  *contacts,
          GPtrArray  *keys)
{
  g_autoptr(SalesCustomer) customer = sales_store_get_customer (store, id, NULL);
  SalesCustomer *draft = sales_customer_new ();
  sqlite3_stmt *stmt;

  g_assert (customer != NULL);
  sales_customer_set_name (draft, sales_customer_get_name (customer));
  sales_customer_set_phone (draft, sales_customer_get_phone (customer));
  sales_customer_set_email (draft, sales_customer_get_email (customer));
  g_ptr_array_add (keys, g_strconcat ("n:", sales_normalize_company_name (
                                        sales_customer_get_name (customer)), NULL));

  stmt = sales_db_prepare (sales_store_get_db (store),
                           "SELECT phone, email FROM contact WHERE customer_id = ?1", NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SalesContact *contact = sales_contact_new ();
      g_autofree char *phone = sales_normalize_phone ((const char *)sqlite3_column_text (stmt, 0));
      g_autofree char *email = sales_normalize_email ((const char *)sqlite3_column_text (stmt, 1));

      sales_contact_set_name (contact, "x");
      sales_contact_set_phone (contact, (const char *)sqlite3_column_text (stmt, 0));
      sales_contact_set_email (contact, (const char *)sqlite3_column_text (stmt, 1));
      g_ptr_array_add (contacts, contact);
      if (phone != NULL)
        g_ptr_array_add (keys, g_strconcat ("p:", phone, NULL));
      if (email != NULL)
        g_ptr_array_add (keys, g_strconcat ("e:", email, NULL));
    }
  sqlite3_reset (stmt);

  return draft;
}

static gboolean
found (GArray *matches,
       gint64  id)
{
  for (guint i = 0; i < matches->len; i++)
    if (g_array_index (matches, SalesDuplicateMatch, i).customer_id == id)
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  int checks = 200;
  gint64 seed = 1;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database", "FILE" },
    { "checks", 0, 0, G_OPTION_ARG_INT, &checks, "Checks on save to time", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random customers", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesDb) reference_db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(GArray) check_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 customers, contacts, max_id;
  double start, cpu, find_ms, find_cpu_ms;
  guint matched = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL)
    g_error ("%s", error != NULL ? error->message : "--db is required");

  db = sales_db_open (path, &error);
  g_assert_no_error (error);
  reference_db = sales_db_open (path, &error);
  g_assert_no_error (error);
  store = sales_store_new (db);
  rand = g_rand_new_with_seed ((guint32)seed);

  customers = query_int (db, "SELECT count(*) FROM customer");
  contacts = query_int (db, "SELECT count(*) FROM contact");
  max_id = query_int (db, "SELECT max(id) FROM customer");

  for (int i = 0; i < checks; i++)
    {
      g_autoptr(GPtrArray) draft_contacts = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(SalesCustomer) draft = NULL;
      g_autoptr(GArray) matches = NULL;
      g_autoptr(GString) sql = g_string_new ("SELECT customer_id FROM customer_key WHERE key IN (");
      sqlite3_stmt *stmt;
      gint64 id = g_rand_int_range (rand, 1, (gint32)max_id + 1);
      g_autofree char *exists = g_strdup_printf ("SELECT count(*) FROM customer WHERE id = %"
                                                 G_GINT64_FORMAT, id);
      double ms;

      if (query_int (db, exists) == 0)
        {
          i--;
          continue;
        }

      draft = draft_of (store, id, draft_contacts, keys);

      start = bench_now_ms ();
      matches = sales_duplicates_check (db, draft, draft_contacts, 0, &error);
      ms = bench_now_ms () - start;
      g_assert_no_error (error);
      g_array_append_val (check_ms, ms);
      matched += found (matches, id) ? 1 : 0;

      for (guint k = 0; k < keys->len; k++)
        g_string_append_printf (sql, "%s?%u", k > 0 ? ", " : "", k + 1);
      g_string_append_printf (sql, ") LIMIT %d", SALES_DUPLICATES_MAX_MATCHES * (int)keys->len);
      start = bench_now_ms ();
      g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (reference_db), sql->str, -1,
                                           &stmt, NULL), ==, SQLITE_OK);
      for (guint k = 0; k < keys->len; k++)
        sqlite3_bind_text (stmt, (int)k + 1, g_ptr_array_index (keys, k), -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
      sqlite3_finalize (stmt);
      ms = bench_now_ms () - start;
      g_array_append_val (reference_ms, ms);
    }

  start = bench_now_ms ();
  cpu = bench_cpu_ms ();
  pairs = sales_duplicates_find_all (db, NULL, &error);
  find_ms = bench_now_ms () - start;
  find_cpu_ms = bench_cpu_ms () - cpu;
  g_assert_no_error (error);

  if (json)
    printf ("{\"customers\": %" G_GINT64_FORMAT ", \"contacts\": %" G_GINT64_FORMAT ", "
            "\"checks\": %u, \"checks_matched\": %u, "
            "\"check_median_ms\": %.3f, \"check_p95_ms\": %.3f, \"check_max_ms\": %.3f, "
            "\"reference_median_ms\": %.3f, \"reference_p95_ms\": %.3f, "
            "\"find_ms\": %.1f, \"find_cpu_ms\": %.1f, \"pairs\": %u}\n",
            customers, contacts, check_ms->len, matched,
            bench_percentile (check_ms, 0.5), bench_percentile (check_ms, 0.95),
            bench_percentile (check_ms, 1.0),
            bench_percentile (reference_ms, 0.5), bench_percentile (reference_ms, 0.95),
            find_ms, find_cpu_ms, pairs->len);
  else
    printf ("%" G_GINT64_FORMAT " customers, %" G_GINT64_FORMAT " contacts\n"
            "check on save: median %.3f ms, p95 %.3f ms (bare SQL %.3f ms), %u of %u found\n"
            "find duplicates: %.1f ms (processor %.1f ms), %u pairs\n",
            customers, contacts, bench_percentile (check_ms, 0.5),
            bench_percentile (check_ms, 0.95), bench_percentile (reference_ms, 0.5), matched,
            check_ms->len, find_ms, find_cpu_ms, pairs->len);

  return EXIT_SUCCESS;
}
