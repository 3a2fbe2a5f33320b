/* sales-toast.c: toasts whose title is text, not markup, and where they go
 *
 * An AdwToast's title is Pango markup in libadwaita 1.2. Titles here quote what users
 * typed (customer names, deal titles, file names) and error messages that quote them, so
 * a name with "&" or "<" would show wrong or not at all: every toast with such a title is
 * made here, with the text escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-toast.h"
#include "sales-window.h"

/* libadwaita 1.2 slides a toast in for up to 500 ms, and slides out one it puts back in
 * its queue for 300 ms; dismissing a toast meanwhile frees it under its animation, or
 * shows the queued one again while it is still on the screen (the assertion
 * "!info->widget" in show_toast). */
#define SETTLE_US (600 * G_TIME_SPAN_MILLISECOND)

#define KEY_ADDED "sales-toast-added"

/**
 * sales_toast_new_text:
 * @text: the title, shown as it is
 *
 * Returns: (transfer full): a new toast showing @text
 */
AdwToast *
sales_toast_new_text (const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/**
 * sales_toast_set_title_text:
 * @toast: a toast
 * @text: the new title, shown as it is
 */
void
sales_toast_set_title_text (AdwToast   *toast,
                            const char *text)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (text != NULL);

  escaped = g_markup_escape_text (text, -1);
  adw_toast_set_title (toast, escaped);
}

/**
 * sales_toast_add:
 * @near: the widget the toast is about
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest toast overlay around @near, or else in the main window @near
 * is (or is in); without either (a widget not in a window yet) the toast is dropped.
 *
 * Returns: whether @toast is shown
 */
gboolean
sales_toast_add (GtkWidget *near,
                 AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (near), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  g_object_set_data (G_OBJECT (toast), KEY_ADDED,
                     GSIZE_TO_POINTER ((gsize)g_get_monotonic_time ()));
  overlay = gtk_widget_get_ancestor (near, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return TRUE;
    }
  if (SALES_IS_WINDOW (gtk_widget_get_root (near)))
    {
      sales_window_add_toast (SALES_WINDOW (gtk_widget_get_root (near)), toast);
      return TRUE;
    }

  g_object_unref (g_object_ref_sink (toast));
  return FALSE;
}

/**
 * sales_toast_show_error:
 * @near: the widget the error is about
 * @error: the error, whose message is for the user
 *
 * Shows @error's message at once, in front of any other toast.
 */
void
sales_toast_show_error (GtkWidget    *near,
                        const GError *error)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (near));
  g_return_if_fail (error != NULL);

  toast = sales_toast_new_text (error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  sales_toast_add (near, toast);
}

static gboolean
dismiss_later (gpointer data)
{
  adw_toast_dismiss (data);
  return G_SOURCE_REMOVE;
}

/**
 * sales_toast_dismiss:
 * @toast: a toast shown by sales_toast_add()
 *
 * Takes @toast away as adw_toast_dismiss() does, once libadwaita has settled it: a toast
 * added less than 0.6 s ago goes when that time is up.
 */
void
sales_toast_dismiss (AdwToast *toast)
{
  gint64 added;
  gint64 left;

  g_return_if_fail (ADW_IS_TOAST (toast));

  added = (gint64)GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), KEY_ADDED));
  left = added + SETTLE_US - g_get_monotonic_time ();
  if (added == 0 || left <= 0)
    {
      adw_toast_dismiss (toast);
      return;
    }

  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint)(left / G_TIME_SPAN_MILLISECOND) + 1,
                      dismiss_later, g_object_ref (toast), g_object_unref);
}
