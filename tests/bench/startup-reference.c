/* startup-reference.c: the yardstick of the start-up benchmark
 *
 * The smallest libadwaita application with the shape of Sales Desk's window — a header
 * bar over a status page, at the same default size — that prints the monotonic time of
 * its first painted frame ("first-frame MICROSECONDS") and quits, as
 * SALES_DESK_BENCH_FIRST_FRAME makes sales-desk do. startup.py times both from exec.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <stdio.h>

static void
print_first_frame (GdkFrameClock *frame_clock,
                   GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, print_first_frame, app);

  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
watch_first_frame (GtkWidget    *window,
                   GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (print_first_frame), app);
}

static void
activate (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-presentation-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Reference");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "A minimal libadwaita window");
  gtk_widget_set_vexpand (status, TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Reference");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);

  g_signal_connect_after (window, "realize", G_CALLBACK (watch_first_frame), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  /* Non-unique, as sales-desk is when given --db. */
  app = adw_application_new ("io.github.salesdesk.SalesDesk.BenchReference",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
