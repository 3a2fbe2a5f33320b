/* search-query.c: instant customer search on a large database
 *
 *   search-query --db FILE [--runs 15] [--limit 50] [--json] QUERY...
 *   search-query --db NEW --generate [--customers 100000] [--deals 380000] [--contacts 3]
 *
 * With --generate, fills a new database with sample data (sales_demo_generate(), which
 * `sales-desk --seed-demo` runs too, with --contacts contacts per customer on average, which
 * its command line does not offer) and prints how long that took, the search index included.
 *
 * Otherwise opens FILE through SalesDb (which brings the search index up to date first, timed as
 * "catch_up_ms") and a SalesStore, then measures for every QUERY, --runs times in turns
 * after one warm-up round:
 *
 *   ids     sales_customer_search_ids() of the first screenful (--limit ids)
 *   screen  the same, then those customers loaded as the store's objects with
 *           sales_customer_search_load(), as the customer list fills its first screen;
 *           the objects are dropped after each run so that the next run loads them again
 *   each    the same, loading the customers one by one with sales_store_get_customer()
 *
 * and prints the median and the slowest run of each, with the number of matches
 * (sales_customer_search_count()) and the ids of the first screenful.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "bench-util.h"
#include "sales-core.h"
#include "sales-customer-search.h"

/* UTF-8 passes through; JSON needs only quotes, backslashes and control characters escaped. */
static char *
json_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar)*p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

typedef enum
{
  LOAD_NONE,
  LOAD_SCREEN,
  LOAD_EACH,
} Load;

/* One search, and the screenful of customers too unless @load is LOAD_NONE. */
static double
run_once (SalesDb    *db,
          SalesStore *store,
          Load        load,
          const char *query,
          guint       limit,
          GArray    **ids_out)
{
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  double start = bench_now_ms (), ms;

  ids = sales_customer_search_ids (db, query, 0, limit, NULL, &error);
  if (ids == NULL)
    g_error ("search-query: “%s”: %s", query, error->message);

  if (load == LOAD_SCREEN)
    {
      g_clear_pointer (&customers, g_ptr_array_unref);
      customers = sales_customer_search_load (store, (const gint64 *)(gpointer)ids->data,
                                              ids->len, &error);
      if (customers == NULL || customers->len != ids->len)
        g_error ("search-query: loading the customers of “%s” failed", query);
    }

  for (guint i = 0; load == LOAD_EACH && i < ids->len; i++)
    {
      SalesCustomer *customer = sales_store_get_customer (store, g_array_index (ids, gint64, i),
                                                          &error);

      if (customer == NULL)
        g_error ("search-query: customer %" G_GINT64_FORMAT ": %s",
                 g_array_index (ids, gint64, i), error->message);
      g_ptr_array_add (customers, customer);
    }
  ms = bench_now_ms () - start;

  if (ids_out != NULL)
    *ids_out = g_steal_pointer (&ids);
  return ms;
}

static int
generate (const char *path,
          int         customers,
          int         deals,
          int         contacts,
          gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  SalesDemoOptions options;
  SalesDemoResult result = { 0 };
  double start = bench_now_ms (), ms;

  db = sales_db_open (path, &error);
  sales_demo_options_init (&options);
  options.customers = (guint)customers;
  options.deals = (guint)deals;
  options.contacts = (guint)contacts;
  if (db == NULL || !sales_demo_generate (db, &options, NULL, NULL, NULL, &result, &error))
    {
      g_printerr ("search-query: %s\n", error->message);
      return 1;
    }
  ms = bench_now_ms () - start;

  if (json)
    printf ("{\"generate_ms\": %.1f, \"customers\": %" G_GUINT64_FORMAT ", \"contacts\": %"
            G_GUINT64_FORMAT ", \"deals\": %" G_GUINT64_FORMAT ", \"activities\": %"
            G_GUINT64_FORMAT "}\n", ms, result.customers, result.contacts, result.deals,
            result.activities);
  else
    printf ("%" G_GUINT64_FORMAT " customers, %" G_GUINT64_FORMAT " contacts, %"
            G_GUINT64_FORMAT " deals, %" G_GUINT64_FORMAT " follow-ups in %.1f s\n",
            result.customers, result.contacts, result.deals, result.activities, ms / 1000);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  GDestroyNotify free_array = (GDestroyNotify)g_array_unref;
  g_autoptr(GPtrArray) ids_samples = g_ptr_array_new_with_free_func (free_array);
  g_autoptr(GPtrArray) screen_samples = g_ptr_array_new_with_free_func (free_array);
  g_autoptr(GPtrArray) each_samples = g_ptr_array_new_with_free_func (free_array);
  g_autofree char *path = NULL;
  g_auto(GStrv) queries = NULL;
  int runs = 15, limit = 50, customers = 100000, deals = 380000, contacts = 3;
  gboolean json = FALSE, gen = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each query", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "Ids of a screenful", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "generate", 0, 0, G_OPTION_ARG_NONE, &gen, "Fill a new database with sample data", NULL },
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, "Customers to generate", "N" },
    { "deals", 0, 0, G_OPTION_ARG_INT, &deals, "Deals to generate", "N" },
    { "contacts", 0, 0, G_OPTION_ARG_INT, &contacts, "Contacts per customer on average", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &queries, NULL, "QUERY…" },
    { NULL }
  };
  guint n_queries;
  double start, catch_up_ms;

  context = g_option_context_new ("QUERY… — instant customer search on a large database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL ||
      (queries == NULL && !gen) || runs < 1 || limit < 1 || customers < 1 || deals < 1 ||
      contacts < 0)
    {
      g_printerr ("search-query: %s\n",
                  error != NULL ? error->message : "--db FILE and a query are required");
      return 2;
    }

  if (gen)
    return generate (path, customers, deals, contacts, json);

  n_queries = g_strv_length (queries);

  start = bench_now_ms ();
  db = sales_db_open (path, &error);
  catch_up_ms = bench_now_ms () - start;
  if (db == NULL)
    {
      g_printerr ("search-query: %s\n", error->message);
      return 1;
    }
  store = sales_store_new (db);

  /* The first query also pays for OpenCC's dictionaries; a warm-up round takes that. */
  for (guint q = 0; q < n_queries; q++)
    {
      run_once (db, store, LOAD_SCREEN, queries[q], (guint)limit, NULL);
      g_ptr_array_add (ids_samples, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (screen_samples, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (each_samples, g_array_new (FALSE, FALSE, sizeof (double)));
    }

  for (int r = 0; r < runs; r++)
    for (guint q = 0; q < n_queries; q++)
      {
        double ms = run_once (db, store, LOAD_NONE, queries[q], (guint)limit, NULL);

        g_array_append_val (g_ptr_array_index (ids_samples, q), ms);
        ms = run_once (db, store, LOAD_SCREEN, queries[q], (guint)limit, NULL);
        g_array_append_val (g_ptr_array_index (screen_samples, q), ms);
        ms = run_once (db, store, LOAD_EACH, queries[q], (guint)limit, NULL);
        g_array_append_val (g_ptr_array_index (each_samples, q), ms);
      }

  if (json)
    printf ("{\"catch_up_ms\": %.3f, \"queries\": [", catch_up_ms);

  for (guint q = 0; q < n_queries; q++)
    {
      g_autoptr(GArray) ids = NULL;
      GArray *ids_ms = g_ptr_array_index (ids_samples, q);
      GArray *screen_ms = g_ptr_array_index (screen_samples, q);
      GArray *each_ms = g_ptr_array_index (each_samples, q);
      gint64 count = sales_customer_search_count (db, queries[q], &error);
      g_autoptr(GString) first = g_string_new (NULL);
      g_autofree char *quoted = NULL;

      if (count < 0)
        g_error ("search-query: count of “%s”: %s", queries[q], error->message);
      run_once (db, store, LOAD_NONE, queries[q], (guint)limit, &ids);
      for (guint i = 0; i < ids->len && i < 5; i++)
        g_string_append_printf (first, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                                g_array_index (ids, gint64, i));

      if (json)
        {
          quoted = json_string (queries[q]);
          printf ("%s{\"query\": %s, \"ids_median_ms\": %.3f, \"ids_max_ms\": %.3f, "
                  "\"screen_median_ms\": %.3f, \"screen_max_ms\": %.3f, "
                  "\"each_median_ms\": %.3f, \"count\": %" G_GINT64_FORMAT ", "
                  "\"returned\": %u, \"first_ids\": [%s]}",
                  q > 0 ? ", " : "", quoted, bench_median (ids_ms),
                  bench_percentile (ids_ms, 1.0), bench_median (screen_ms),
                  bench_percentile (screen_ms, 1.0), bench_median (each_ms), count, ids->len,
                  first->str);
        }
      else
        printf ("%-24s ids %7.3f ms (max %7.3f)  screen %7.3f ms (max %7.3f)  each %7.3f ms  %7"
                G_GINT64_FORMAT " matches, first %s\n", queries[q], bench_median (ids_ms),
                bench_percentile (ids_ms, 1.0), bench_median (screen_ms),
                bench_percentile (screen_ms, 1.0), bench_median (each_ms), count, first->str);
    }

  if (json)
    printf ("]}\n");
  else
    printf ("catch-up on opening: %.1f ms\n", catch_up_ms);

  return 0;
}
