/* customer-list.c: how long the customer list takes to sort and filter a large database
 *
 *   customer-list DB [RUNS]
 *
 * Opens DB (made with `sales-desk --seed-demo --customers 100000 --deals 300000`), builds
 * the list, then times every sort in both directions, every filter, a search, and the sums
 * of a first screenful of rows: the median of RUNS runs (default 5) of each, in
 * milliseconds, one line each, then the slowest sort or filter change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "bench-util.h"
#include "sales-core.h"
#include "sales-customer-list.h"

#define SCREENFUL 50

static double worst_ms;
static char *worst_name;

typedef void (*Step) (SalesCustomerList *list, gpointer data);

/* Runs @apply, timed, then @undo, untimed, @runs times; prints the median. */
static void
measure (const char        *name,
         SalesCustomerList *list,
         guint              runs,
         Step               apply,
         Step               undo,
         gpointer           data)
{
  g_autofree double *ms = g_new0 (double, runs);
  guint n_rows = 0;
  double median;

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();

      apply (list, data);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (undo != NULL)
        undo (list, data);
    }

  qsort (ms, runs, sizeof (double), bench_compare_doubles);
  median = ms[runs / 2];
  g_print ("%-40s %8.1f ms  (%u rows)\n", name, median, n_rows);
  if (median > worst_ms)
    {
      worst_ms = median;
      g_free (worst_name);
      worst_name = g_strdup (name);
    }
}

static void
sort_step (SalesCustomerList *list,
           gpointer           data)
{
  guint which = GPOINTER_TO_UINT (data);

  sales_customer_list_set_sort (list, which / 2, which % 2);
}

static void
sort_back (SalesCustomerList *list,
           gpointer           data)
{
  /* Another sort in between, so that each run really sorts. */
  sales_customer_list_set_sort (list, GPOINTER_TO_UINT (data) / 2 == SALES_CUSTOMER_SORT_CREATED
                                      ? SALES_CUSTOMER_SORT_NAME : SALES_CUSTOMER_SORT_CREATED,
                                FALSE);
}

static void
tier_step (SalesCustomerList *list,
           gpointer           data)
{
  sales_customer_list_set_tier (list, SALES_TIER_A);
}

static void
pool_step (SalesCustomerList *list,
           gpointer           data)
{
  sales_customer_list_set_owner_id (list, SALES_CUSTOMER_LIST_PUBLIC_POOL);
}

static void
owner_step (SalesCustomerList *list,
            gpointer           data)
{
  sales_customer_list_set_owner_id (list, 1);
}

static void
industry_step (SalesCustomerList *list,
               gpointer           data)
{
  sales_customer_list_set_industry (list, data);
}

static void
source_step (SalesCustomerList *list,
             gpointer           data)
{
  sales_customer_list_set_source (list, data);
}

static void
search_step (SalesCustomerList *list,
             gpointer           data)
{
  sales_customer_list_set_search (list, data);
}

static void
clear_step (SalesCustomerList *list,
            gpointer           data)
{
  sales_customer_list_clear_filters (list);
}

static void
stats_step (SalesCustomerList *list,
            gpointer           data)
{
  GPtrArray *held = data;
  guint n = MIN (SCREENFUL, g_list_model_get_n_items (G_LIST_MODEL (list)));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (held, sales_customer_list_get_stats (list,
                                                          sales_customer_list_get_customer_id (list,
                                                                                               i)));
}

static void
stats_drop (SalesCustomerList *list,
            gpointer           data)
{
  g_ptr_array_set_size (data, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const sort_names[] = {
    "relevance", "name", "tier", "industry", "owner", "source", "last contact", "open deals",
    "open amount", "next follow-up", "created",
  };
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(SalesCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) industries = NULL;
  g_auto(GStrv) sources = NULL;
  guint runs;
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("usage: %s DB [RUNS]\n", argv[0]);
      return 2;
    }
  runs = argc > 2 ? (guint)atoi (argv[2]) : 5;

  db = sales_db_open (argv[1], &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  store = sales_store_new (db);

  start = g_get_monotonic_time ();
  list = sales_customer_list_new (store);
  g_print ("%-40s %8.1f ms  (%u rows)\n", "load, by name",
           (g_get_monotonic_time () - start) / 1000.0,
           g_list_model_get_n_items (G_LIST_MODEL (list)));

  for (guint i = 2; i < G_N_ELEMENTS (sort_names) * 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("sort by %s%s", sort_names[i / 2],
                                               i % 2 ? ", descending" : "");

      measure (name, list, runs, sort_step, sort_back, GUINT_TO_POINTER (i));
    }
  sales_customer_list_set_sort (list, SALES_CUSTOMER_SORT_NAME, FALSE);

  industries = sales_customer_list_dup_industries (store);
  sources = sales_customer_list_dup_sources (store);

  measure ("filter tier A", list, runs, tier_step, clear_step, NULL);
  measure ("filter public pool", list, runs, pool_step, clear_step, NULL);
  measure ("filter owner 1", list, runs, owner_step, clear_step, NULL);
  if (industries[0] != NULL)
    measure ("filter industry", list, runs, industry_step, clear_step, industries[0]);
  if (sources[0] != NULL)
    measure ("filter source", list, runs, source_step, clear_step, sources[0]);
  measure ("search 华", list, runs, search_step, clear_step, (gpointer)"华");
  measure ("search 科技", list, runs, search_step, clear_step, (gpointer)"科技");
  measure ("search hw", list, runs, search_step, clear_step, (gpointer)"hw");
  sales_customer_list_set_owner_id (list, SALES_CUSTOMER_LIST_PUBLIC_POOL);
  measure ("clear the pool filter", list, runs, clear_step, pool_step, NULL);
  sales_customer_list_clear_filters (list);

  sales_customer_list_set_sort (list, SALES_CUSTOMER_SORT_OPEN_AMOUNT, TRUE);
  measure ("pool filter, by open amount", list, runs, pool_step, clear_step, NULL);
  sales_customer_list_set_sort (list, SALES_CUSTOMER_SORT_NAME, FALSE);

  measure ("sums of a screenful of rows", list, runs, stats_step, stats_drop, held);

  g_print ("slowest: %s, %.1f ms\n", worst_name, worst_ms);
  return 0;
}
