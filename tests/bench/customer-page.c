/* customer-page.c: opening a customer's page in the window, on one database
 *
 *   customer-page --db FILE [--opens 9] [--json]
 *
 * Opens FILE in a SalesWindow (the real window, without a GtkApplication) showing the
 * Pipeline, and measures with the process's own monotonic clock, from activating
 * win.show-customer to the first frame painted after it:
 *
 *   first      the first customer page of the process (the page is made then): the
 *              customer with the most follow-ups, deals and stage changes together
 *   again      the median of --opens more customers, the busiest after the first, each
 *              opened from the Pipeline after Back (the page exists; its sections are
 *              loaded anew)
 *
 * and reports how many timeline rows the busiest customer has in all, against how many
 * the page showed in that first frame. Each time is also given as the CPU time the
 * process (all its threads) spent in it, which a busy machine inflates far less than the
 * wall-clock time. Timing starts once the window has finished its own start-up work (the
 * board's totals are counted on a thread), so that none of it is counted as the page's.
 * Needs a display. Prints one line per figure, or a JSON object with --json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-gui-util.h"
#include "bench-util.h"
#include "sales-window.h"

#define WIDTH  1280
#define HEIGHT 800
#define FRAME_TIMEOUT_MS 30000
#define IDLE_PERIOD_MS   50
#define IDLE_CPU_MS      1.0
#define IDLE_TRIES       1200

/* The busiest customers: follow-ups, deals and their stage changes, all counted. */
static const char busiest_sql[] =
  "WITH a AS (SELECT customer_id, count(*) AS n FROM activity GROUP BY customer_id), "
  "     d AS (SELECT d.customer_id, count(DISTINCT d.id) + count(h.id) AS n "
  "           FROM deal d LEFT JOIN deal_stage_history h ON h.deal_id = d.id "
  "           GROUP BY d.customer_id) "
  "SELECT a.customer_id, a.n + coalesce (d.n, 0) AS total "
  "FROM a LEFT JOIN d ON d.customer_id = a.customer_id "
  "ORDER BY total DESC, a.customer_id LIMIT ?1";

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits until the process has used under 1 ms of CPU in 50 ms: start-up work on other
 * threads is over. */
static void
wait_until_idle (void)
{
  for (int i = 0; i < IDLE_TRIES; i++)
    {
      double c0;

      settle ();
      c0 = bench_cpu_ms ();
      g_usleep (IDLE_PERIOD_MS * 1000);
      settle ();
      if (bench_cpu_ms () - c0 < IDLE_CPU_MS)
        return;
    }
  g_error ("The window was still busy after %d s", IDLE_TRIES * IDLE_PERIOD_MS / 1000);
}

static double
open_customer (SalesWindow *window,
               gint64       id,
               double      *cpu)
{
  GtkWidget *page;
  double t0 = bench_now_ms ();
  double c0 = bench_cpu_ms ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "x", id);
  page = sales_window_get_customer_page (window);
  if (page == NULL)
    g_error ("Customer %" G_GINT64_FORMAT " did not open", id);
  bench_wait_for_mapped_paint (page, FRAME_TIMEOUT_MS);

  *cpu = bench_cpu_ms () - c0;
  return bench_now_ms () - t0;
}

static gint64
count_timeline_rows (SalesDb *db,
                     gint64   id)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT (SELECT count(*) FROM activity WHERE customer_id = %1$" G_GINT64_FORMAT ") + "
    "(SELECT count(*) FROM deal d JOIN deal_stage_history h ON h.deal_id = d.id "
    " WHERE d.customer_id = %1$" G_GINT64_FORMAT ") + "
    "(SELECT count(*) FROM customer_event WHERE customer_id = %1$" G_GINT64_FORMAT ")", id);
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}

static guint
count_list_rows (GtkWidget *widget)
{
  guint n = 0;

  /* The timeline is the list box named so for screen readers; its rows are action rows. */
  if (GTK_IS_LIST_BOX (widget) &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP) != NULL &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (
                   gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP))),
                 "Timeline") == 0)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        n += ADW_IS_ACTION_ROW (row);
      return n;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += count_list_rows (c);

  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  int opens = 9;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The database", "FILE" },
    { "opens", 0, 0, G_OPTION_ARG_INT, &opens, "Customers to open after the first", "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(SalesSettings) settings = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  SalesWindow *window;
  sqlite3_stmt *stmt;
  double first_ms, median_ms, cpu, cpu_median_ms;
  double first_cpu_ms = 0;
  gint64 busiest_rows;
  guint shown_rows;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      fprintf (stderr, "customer-page: %s\n", error != NULL ? error->message : "--db is needed");
      return 2;
    }

  bench_gui_init ();

  db = sales_db_open (db_path, &error);
  if (db == NULL)
    {
      fprintf (stderr, "customer-page: %s\n", error->message);
      return 1;
    }
  store = sales_store_new (db);
  settings = sales_settings_new ();
  sales_settings_set_first_run_dismissed (settings, TRUE);

  stmt = sales_db_prepare (db, busiest_sql, &error);
  g_assert (stmt != NULL);
  sqlite3_bind_int (stmt, 1, opens + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_array_append_val (ids, (gint64) { sqlite3_column_int64 (stmt, 0) });
  sqlite3_reset (stmt);
  if (ids->len == 0)
    {
      fprintf (stderr, "customer-page: the database has no follow-ups\n");
      return 1;
    }

  window = sales_window_new (NULL, settings, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_mapped_paint (GTK_WIDGET (window), FRAME_TIMEOUT_MS);
  wait_until_idle ();

  first_ms = open_customer (window, g_array_index (ids, gint64, 0), &first_cpu_ms);
  shown_rows = count_list_rows (GTK_WIDGET (window));
  busiest_rows = count_timeline_rows (db, g_array_index (ids, gint64, 0));

  for (guint i = 1; i < ids->len; i++)
    {
      settle ();
      sales_window_go_back (window);
      bench_wait_for_mapped_paint (GTK_WIDGET (window), FRAME_TIMEOUT_MS);
      settle ();
      g_array_append_val (samples, (double) { open_customer (window,
                                                             g_array_index (ids, gint64, i),
                                                             &cpu) });
      g_array_append_val (cpu_samples, cpu);
    }
  if (samples->len > 0)
    {
      median_ms = bench_median (samples);
      cpu_median_ms = bench_median (cpu_samples);
    }
  else
    {
      median_ms = first_ms;
      cpu_median_ms = first_cpu_ms;
    }

  if (json)
    printf ("{\"first_ms\": %.2f, \"again_median_ms\": %.2f, \"first_cpu_ms\": %.2f, "
            "\"again_cpu_median_ms\": %.2f, \"customer_id\": %" G_GINT64_FORMAT
            ", \"timeline_rows\": %" G_GINT64_FORMAT ", \"rows_shown\": %u}\n",
            first_ms, median_ms, first_cpu_ms, cpu_median_ms, g_array_index (ids, gint64, 0),
            busiest_rows, shown_rows);
  else
    printf ("first open %.2f ms (CPU %.2f ms)\nopen again, median %.2f ms (CPU %.2f ms)\n"
            "customer %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " timeline rows, %u shown\n",
            first_ms, first_cpu_ms, median_ms, cpu_median_ms, g_array_index (ids, gint64, 0),
            busiest_rows, shown_rows);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
