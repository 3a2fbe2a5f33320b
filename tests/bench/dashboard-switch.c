/* dashboard-switch.c: switching to the Dashboard view in the window, on one database
 *
 *   dashboard-switch --db FILE [--switches 9] [--json]
 *
 * Opens FILE in a SalesWindow (the real window, without a GtkApplication) on the Pipeline,
 * waits for the board's column totals, and measures with the process's own monotonic clock:
 *
 *   first switch   sales_window_set_visible_view ("dashboard") to the first frame painted
 *                  after it, the first time: the view is built then, and its worker thread
 *                  started; the figures are not waited for
 *   figures        from that switch until the figures of the period and of the one before
 *                  are shown (the worker's sales_kpi_compute() twice, on its own connection)
 *   switch         the same switch again, from the Pipeline, once the view exists; the
 *                  median of --switches
 *
 * The clock is the machine's: the dashboard opens on the current month. Needs a display.
 * Prints one line per figure, or one JSON object with --json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-gui-util.h"
#include "bench-util.h"
#include "sales-board.h"
#include "sales-dashboard.h"
#include "sales-window.h"

#define WIDTH  1280
#define HEIGHT 800
#define TIMEOUT_MS 120000

static gpointer
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      gpointer found = find_widget (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Lets the threads that add up the board's columns finish, as a person looks at the
 * Pipeline a moment before switching. */
static void
settle_board (SalesBoard *board)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, bench_set_flag, &timed_out);

  for (guint i = 0; i < sales_board_get_n_columns (board) && !timed_out; i++)
    {
      SalesDealList *deals = sales_board_column_get_deals (sales_board_get_column (board, i));

      while (!sales_deal_list_get_totals_known (deals) && !timed_out)
        g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (timed_out)
    g_error ("The column totals took longer than %d ms", TIMEOUT_MS);
  g_source_remove (timeout);
}

static void
wait_for_figures (SalesDashboard *dashboard)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (TIMEOUT_MS, bench_set_flag, &timed_out);

  while ((sales_dashboard_get_loading (dashboard) || sales_dashboard_get_kpi (dashboard) == NULL)
         && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("The figures took longer than %d ms", TIMEOUT_MS);
  g_source_remove (timeout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  int switches = 9;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The database", "FILE" },
    { "switches", 0, 0, G_OPTION_ARG_INT, &switches, "Switches to the Dashboard to time", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(SalesSettings) settings = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  SalesWindow *window;
  SalesDashboard *dashboard;
  double t0, first_switch_ms, figures_ms, median_ms = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      fprintf (stderr, "dashboard-switch: %s\n",
               error != NULL ? error->message : "--db is needed");
      return 2;
    }

  bench_gui_init ();

  db = sales_db_open (db_path, &error);
  if (db == NULL)
    {
      fprintf (stderr, "dashboard-switch: %s\n", error->message);
      return 1;
    }
  store = sales_store_new (db);
  settings = sales_settings_new ();
  sales_settings_set_first_run_dismissed (settings, TRUE);

  window = sales_window_new (NULL, settings, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  sales_window_set_visible_view (window, "pipeline");
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
  settle_board (find_widget (GTK_WIDGET (window), SALES_TYPE_BOARD));
  bench_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);

  t0 = bench_now_ms ();
  sales_window_set_visible_view (window, "dashboard");
  bench_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);
  first_switch_ms = bench_now_ms () - t0;

  dashboard = find_widget (GTK_WIDGET (window), SALES_TYPE_DASHBOARD);
  g_assert (dashboard != NULL);
  wait_for_figures (dashboard);
  figures_ms = bench_now_ms () - t0;
  bench_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);

  for (int i = 0; i < switches; i++)
    {
      sales_window_set_visible_view (window, "pipeline");
      bench_wait_for_paint (GTK_WIDGET (window), TIMEOUT_MS);

      t0 = bench_now_ms ();
      sales_window_set_visible_view (window, "dashboard");
      bench_wait_for_paint (GTK_WIDGET (dashboard), TIMEOUT_MS);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });
    }
  if (samples->len > 0)
    median_ms = bench_median (samples);

  if (json)
    printf ("{\"first_switch_ms\": %.2f, \"figures_ms\": %.2f, \"switch_median_ms\": %.2f}\n",
            first_switch_ms, figures_ms, median_ms);
  else
    printf ("first switch %.2f ms\nfigures shown %.2f ms after it\nswitch median %.2f ms\n",
            first_switch_ms, figures_ms, median_ms);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
