/* bench-gui-util.c: what the drivers that measure the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-gui-util.h"
#include "bench-util.h"

/* GTK and libadwaita as the application starts them, with its style sheet, without a
 * GtkApplication. */
void
bench_gui_init (void)
{
  GtkCssProvider *provider;

  gtk_init ();
  adw_init ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

static void
on_after_paint (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  *(gboolean *)user_data = TRUE;
}

/* Runs the main loop until @widget is mapped and then until a frame of its window has been
 * painted; a frame that does not come within @timeout_ms ends the program. */
void
bench_wait_for_paint (GtkWidget *widget,
                      guint      timeout_ms)
{
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, bench_set_flag, &timed_out);
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  if (timed_out)
    g_error ("No frame was painted within %u ms", timeout_ms);
  g_source_remove (timeout);
}

/* Runs the main loop until a frame of @widget's window has been painted with @widget
 * mapped: the first such frame, where bench_wait_for_paint() waits for the one after the
 * mapping was seen. */
void
bench_wait_for_mapped_paint (GtkWidget *widget,
                             guint      timeout_ms)
{
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, bench_set_flag, &timed_out);
  GdkFrameClock *clock;
  gulong handler;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (gtk_widget_get_root (widget)));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!(painted && gtk_widget_get_mapped (widget)) && !timed_out)
    {
      if (painted)
        painted = FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);

  if (timed_out)
    g_error ("No frame was painted within %u ms", timeout_ms);
  g_source_remove (timeout);
}
