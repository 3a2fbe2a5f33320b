/* board-switch.c: the pipeline board in the window, on one database
 *
 *   board-switch --db FILE [--switches 9] [--scroll-steps 100] [--at-once] [--json]
 *
 * Opens FILE in a SalesWindow (the real window, without a GtkApplication), shows the
 * Customers view first and measures, with the process's own monotonic clock:
 *
 *   build      a new SalesBoard made and shown in a window of its own, to its first frame
 *              painted: what showing the Pipeline costs when nothing of it exists yet (the
 *              columns' queries, the first cards); the column totals come later, from
 *              threads, and are not waited for
 *   switch     sales_window_set_visible_view ("pipeline") to the first frame painted after
 *              it, from the Customers view; the first switch and the median of --switches.
 *              The first switch comes once the columns' totals are known (a person looks
 *              at the first view a moment before switching), or with --at-once right after
 *              the window's first frame, while the threads that add them up still run
 *   rss        VmRSS of the process once the board is shown and its totals are known
 *   scroll     the biggest open column scrolled from the top to the bottom in
 *              --scroll-steps jumps, a frame painted at each; then how many deal objects the
 *              store holds (the identity map), against the number of rows on screen and
 *              the row widgets the list views of all the columns keep
 *
 * Needs a display. Prints one line per figure, or one JSON object with --json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-gui-util.h"
#include "bench-util.h"
#include "sales-board.h"
#include "sales-store-private.h"
#include "sales-window.h"

#define WIDTH  1280
#define HEIGHT 800
#define FRAME_TIMEOUT_MS 30000

/* Lets the threads that add up the columns finish, and whatever else is pending. */
static void
settle (SalesBoard *board)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (FRAME_TIMEOUT_MS, bench_set_flag, &timed_out);

  for (guint i = 0; i < sales_board_get_n_columns (board) && !timed_out; i++)
    {
      SalesDealList *deals = sales_board_column_get_deals (sales_board_get_column (board, i));

      while (!sales_deal_list_get_totals_known (deals) && !timed_out)
        g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  if (timed_out)
    g_error ("The column totals took longer than %d ms", FRAME_TIMEOUT_MS);
  g_source_remove (timeout);
}

static SalesBoard *
find_board (GtkWidget *widget)
{
  if (SALES_IS_BOARD (widget))
    return SALES_BOARD (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      SalesBoard *board = find_board (c);

      if (board != NULL)
        return board;
    }

  return NULL;
}

/* Scrolls the biggest open column through; returns how many rows it has. */
static guint
scroll_biggest_column (SalesBoard *board,
                       guint       steps,
                       guint      *visible_rows)
{
  SalesBoardColumn *biggest = NULL;
  guint most = 0;
  GtkGridView *list;
  GtkAdjustment *adjustment;

  for (guint i = 0; i < sales_board_get_n_columns (board); i++)
    {
      SalesBoardColumn *column = sales_board_get_column (board, i);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (sales_board_column_get_deals (column)));

      if (!sales_stage_is_closed (sales_board_column_get_stage (column)) && n >= most)
        {
          most = n;
          biggest = column;
        }
    }

  *visible_rows = 0;
  if (biggest == NULL)
    return 0;

  list = sales_board_column_get_list_view (biggest);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  for (guint i = 0; i <= steps; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) -
                     gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * i / MAX (steps, 1));
      bench_wait_for_paint (GTK_WIDGET (list), FRAME_TIMEOUT_MS);
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_get_child_visible (row) &&
          gtk_widget_compute_bounds (row, GTK_WIDGET (list), &bounds) &&
          bounds.origin.y + bounds.size.height > 0 &&
          bounds.origin.y < gtk_widget_get_height (GTK_WIDGET (list)))
        (*visible_rows)++;
    }

  return most;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *db_path = NULL;
  int switches = 9;
  int scroll_steps = 100;
  gboolean json = FALSE;
  gboolean at_once = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The database", "FILE" },
    { "switches", 0, 0, G_OPTION_ARG_INT, &switches, "Switches to the Pipeline to time", "N" },
    { "scroll-steps", 0, 0, G_OPTION_ARG_INT, &scroll_steps, "Jumps down the column", "N" },
    { "at-once", 0, 0, G_OPTION_ARG_NONE, &at_once, "Switch before the totals are known",
      NULL },
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
  GtkWidget *build_window;
  SalesBoard *board;
  double t0, build_ms, first_switch_ms, median_ms;
  gint64 rss;
  guint rows, visible_rows, alive;
  guint row_widgets = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      fprintf (stderr, "board-switch: %s\n", error != NULL ? error->message : "--db is needed");
      return 2;
    }

  bench_gui_init ();

  db = sales_db_open (db_path, &error);
  if (db == NULL)
    {
      fprintf (stderr, "board-switch: %s\n", error->message);
      return 1;
    }
  store = sales_store_new (db);
  settings = sales_settings_new ();
  sales_settings_set_first_run_dismissed (settings, TRUE);

  /* Build: a board of its own, from nothing to its first frame. */
  build_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (build_window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (build_window));
  bench_wait_for_paint (build_window, FRAME_TIMEOUT_MS);
  t0 = bench_now_ms ();
  board = SALES_BOARD (sales_board_new (store, settings));
  gtk_window_set_child (GTK_WINDOW (build_window), GTK_WIDGET (board));
  bench_wait_for_paint (GTK_WIDGET (board), FRAME_TIMEOUT_MS);
  build_ms = bench_now_ms () - t0;
  settle (board);
  gtk_window_destroy (GTK_WINDOW (build_window));

  /* Switch: the window's own board, from the Customers view. */
  window = sales_window_new (NULL, settings, store);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  sales_window_set_visible_view (window, "customers");
  gtk_window_present (GTK_WINDOW (window));
  bench_wait_for_paint (GTK_WIDGET (window), FRAME_TIMEOUT_MS);
  board = find_board (GTK_WIDGET (window));
  g_assert (board != NULL);
  if (!at_once)
    settle (board);

  for (int i = 0; i < switches; i++)
    {
      sales_window_set_visible_view (window, "customers");
      bench_wait_for_paint (GTK_WIDGET (window), FRAME_TIMEOUT_MS);

      t0 = bench_now_ms ();
      sales_window_set_visible_view (window, "pipeline");
      bench_wait_for_paint (GTK_WIDGET (board), FRAME_TIMEOUT_MS);
      g_array_append_val (samples, (double) { bench_now_ms () - t0 });
      if (i == 0)
        settle (board);
    }
  first_switch_ms = g_array_index (samples, double, 0);
  median_ms = bench_median (samples);

  settle (board);
  rss = bench_rss_kib ();

  rows = scroll_biggest_column (board, scroll_steps, &visible_rows);
  alive = g_hash_table_size (store->records[SALES_RECORD_DEAL]);
  for (guint i = 0; i < sales_board_get_n_columns (board); i++)
    {
      GtkWidget *list = GTK_WIDGET (sales_board_column_get_list_view (
                                      sales_board_get_column (board, i)));

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        row_widgets++;
    }

  if (json)
    printf ("{\"build_ms\": %.2f, \"first_switch_ms\": %.2f, \"switch_median_ms\": %.2f, "
            "\"rss_kib\": %" G_GINT64_FORMAT ", \"scroll_rows\": %u, \"scroll_visible\": %u, "
            "\"row_widgets\": %u, \"deal_objects_after_scroll\": %u}\n",
            build_ms, first_switch_ms, median_ms, rss, rows, visible_rows, row_widgets, alive);
  else
    printf ("build %.2f ms\nfirst switch %.2f ms\nswitch median %.2f ms\nrss %" G_GINT64_FORMAT
            " KiB\nscrolled %u rows (%u on screen); %u row widgets in all columns, %u deal "
            "objects alive\n",
            build_ms, first_switch_ms, median_ms, rss, rows, visible_rows, row_widgets, alive);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
