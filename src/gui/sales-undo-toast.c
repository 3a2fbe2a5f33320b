/* sales-undo-toast.c: the toasts that name a change with Undo, and error toasts
 *
 * Every view that changes data shows the change it made as a toast with Undo, for as
 * long as the store can undo it: a newer change takes the older one's place, as the
 * store undoes only its newest action. A widget keeps its toast in a slot of its own
 * (an AdwToast pointer holding a reference), which these functions fill and empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-undo-toast.h"

/* Long enough to read the change and reach for Undo. */
#define UNDO_TIMEOUT_S 10

/**
 * sales_toast_add:
 * @widget: the widget the toast is about
 * @toast: (transfer floating): the toast
 *
 * Shows @toast in the nearest toast overlay above @widget; without one (a widget not in
 * a window yet) the toast is dropped.
 */
void
sales_toast_add (GtkWidget *widget,
                 AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * sales_toast_show_error:
 *
 * Shows @error's message, which is already for the user, at once.
 */
void
sales_toast_show_error (GtkWidget    *widget,
                        const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  /* A toast's title is markup in libadwaita 1.2, and messages quote names. */
  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  sales_toast_add (widget, toast);
}

static void
forget (GtkWidget  *widget,
        AdwToast  **slot)
{
  if (*slot == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*slot, widget);
  g_clear_object (slot);
}

static void
on_dismissed (AdwToast  *toast,
              GtkWidget *widget)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), "sales-undo-slot");

  if (*slot == toast)
    forget (widget, slot);
}

static void
on_undo_clicked (AdwToast  *toast,
                 GtkWidget *widget)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), "sales-undo-slot");
  SalesStore *store = g_object_get_data (G_OBJECT (toast), "sales-undo-store");
  g_autoptr(GError) error = NULL;

  /* The toast dismisses itself after this handler: dismissing it here as well, and
   * dropping the last reference to it meanwhile, left libadwaita 1.2 working on a freed
   * toast. */
  if (*slot == toast)
    forget (widget, slot);

  if (sales_store_can_undo (store) && !sales_store_undo (store, &error))
    sales_toast_show_error (widget, error);
}

/**
 * sales_undo_toast_show:
 * @widget: the widget that made the change, alive as long as @slot
 * @store: the store that made it
 * @slot: where @widget keeps its undo toast; replaced
 *
 * After a change @store can undo, shows its undo label with an Undo button, in place of
 * the toast in @slot. Does nothing when there is nothing to undo.
 */
void
sales_undo_toast_show (GtkWidget   *widget,
                       SalesStore  *store,
                       AdwToast   **slot)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (slot != NULL);

  if (!sales_store_can_undo (store))
    return;

  sales_undo_toast_clear (widget, slot);

  /* The label names customers, deals and contracts, which may hold anything. */
  title = g_markup_escape_text (sales_store_get_undo_label (store), -1);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, UNDO_TIMEOUT_S);
  g_object_set_data (G_OBJECT (toast), "sales-undo-slot", slot);
  g_object_set_data_full (G_OBJECT (toast), "sales-undo-store", g_object_ref (store),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), widget, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), widget, 0);

  *slot = g_object_ref_sink (toast);
  sales_toast_add (widget, toast);
}

/**
 * sales_undo_toast_undo:
 *
 * Undoes @store's newest change, from a shortcut or a menu rather than the toast: the
 * toast in @slot goes away and a failure is shown as a toast.
 *
 * Returns: %TRUE when a change was undone
 */
gboolean
sales_undo_toast_undo (GtkWidget   *widget,
                       SalesStore  *store,
                       AdwToast   **slot)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (SALES_IS_STORE (store), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  sales_undo_toast_clear (widget, slot);

  if (!sales_store_can_undo (store))
    return FALSE;

  if (!sales_store_undo (store, &error))
    {
      sales_toast_show_error (widget, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sales_undo_toast_clear:
 *
 * Takes the toast in @slot away, if any: when @widget goes, or a newer change replaces it.
 */
void
sales_undo_toast_clear (GtkWidget  *widget,
                        AdwToast  **slot)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (slot != NULL);

  if (*slot == NULL)
    return;

  toast = g_object_ref (*slot);
  forget (widget, slot);
  adw_toast_dismiss (toast);
}
