/* kpi.c: all the key figures of one period on a large database, timed
 *
 *   kpi --db FILE --period 2026-10 [--runs 5] [--rep ID]
 *
 * Opens FILE like the window's worker thread does (a SalesDb of its own, readied with
 * sales_kpi_prepare_connection()), computes
 * sales_kpi_compute() --runs times after one warm-up run, and prints JSON: the median and
 * fastest wall time and the median CPU time (user + system) in milliseconds, and a few of the
 * figures so that a run on an empty or broken file shows. See tests/bench/kpi.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "bench-util.h"
#include "sales-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesKpi) kpi = NULL;
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = NULL;
  g_autofree char *period_text = NULL;
  gint64 rep = 0;
  int runs = 5;
  double median_ms;
  SalesKpiPeriod period;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database", "FILE" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &period_text, "YYYY-MM, YYYY-Qn or YYYY", "P" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs after one warm-up", "N" },
    { "rep", 0, 0, G_OPTION_ARG_INT64, &rep, "One rep only", "ID" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL ||
      period_text == NULL || runs < 1)
    g_error ("kpi: %s", error != NULL ? error->message : "--db, --period and --runs >= 1");
  if (!sales_kpi_period_parse (&period, period_text, &error))
    g_error ("kpi: %s", error->message);

  db = sales_db_open (path, &error);
  if (db == NULL || !sales_kpi_prepare_connection (db, &error))
    g_error ("kpi: %s", error->message);

  for (int i = 0; i <= runs; i++)
    {
      gint64 started = g_get_monotonic_time ();
      double cpu_started = bench_cpu_ms ();
      double ms;
      double cpu_used;

      g_clear_pointer (&kpi, sales_kpi_unref);
      kpi = sales_kpi_compute (db, &period, rep, NULL, &error);
      if (kpi == NULL)
        g_error ("kpi: %s", error->message);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      cpu_used = bench_cpu_ms () - cpu_started;
      if (i == 0)
        continue;
      g_array_append_val (wall, ms);
      g_array_append_val (cpu, cpu_used);
    }
  median_ms = bench_median (wall);

  g_print ("{\"period\": \"%s\", \"runs\": %d, \"median_ms\": %.1f, \"min_ms\": %.1f, "
           "\"cpu_median_ms\": %.1f, \"won_count\": %" G_GINT64_FORMAT ", "
           "\"new_deals\": %" G_GINT64_FORMAT ", \"activities_done\": %" G_GINT64_FORMAT ", "
           "\"reps\": %u}\n",
           period_text, runs, median_ms, g_array_index (wall, double, 0), bench_median (cpu),
           kpi->figures->won_count, kpi->figures->new_deals, kpi->figures->activities_done,
           kpi->by_rep->len);
  return EXIT_SUCCESS;
}
