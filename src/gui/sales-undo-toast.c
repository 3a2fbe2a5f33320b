/* sales-undo-toast.c: the toast that names a change with Undo
 *
 * After a change the store can undo, the widget that made it shows a toast naming the
 * change, with Undo. The store undoes only its newest action, so a widget keeps one such
 * toast in a slot of its own (an AdwToast pointer that holds a reference): a newer change
 * renames the toast still up rather than replacing it, and the slot empties when the
 * toast is dismissed.
 *
 * libadwaita 1.2.2 is particular here. Its toast widget emits ::button-clicked and then
 * dismisses the toast itself, with no idle in between and no reference of its own, so
 * the handler of Undo must neither dismiss the toast nor let go of the last reference to
 * it, and must not add a toast of high priority (which would take the clicked one off
 * the screen under its own handler): what the undo has to say is shown from an idle.
 * And a toast dismissed while it still slides in is freed under its animation, so a newer
 * change renames the toast instead of dismissing it, and an undo from elsewhere dismisses
 * it only once it has settled (sales_toast_dismiss()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-toast.h"
#include "sales-undo-toast.h"

#define KEY_STORE   "sales-undo-store"
#define KEY_OWNER   "sales-undo-owner"
#define KEY_CLICKED "sales-undo-clicked"
#define KEY_SLOT    "sales-undo-slot"
#define KEY_DONE    "sales-undo-done"

typedef struct
{
  GtkWidget *near;
  AdwToast  *toast;
} LaterToast;

static gboolean
add_toast_later (gpointer data)
{
  LaterToast *later = data;

  sales_toast_add (later->near, g_steal_pointer (&later->toast));
  return G_SOURCE_REMOVE;
}

static void
later_toast_free (gpointer data)
{
  LaterToast *later = data;

  g_object_unref (later->near);
  g_clear_object (&later->toast);
  g_free (later);
}

/* After the clicked toast has gone. */
static void
show_later (GtkWidget *near,
            AdwToast  *toast)
{
  LaterToast *later = g_new0 (LaterToast, 1);

  later->near = g_object_ref (near);
  later->toast = g_object_ref_sink (toast);
  g_idle_add_full (G_PRIORITY_DEFAULT, add_toast_later, later, later_toast_free);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gboolean
is_spent (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), KEY_CLICKED) != NULL;
}

/* Works as long as the toast is up, also when the widget that showed it has gone, but not
 * once the store has (the file was closed). */
static void
on_undo_clicked (AdwToast *toast)
{
  g_autoptr(SalesStore) store = g_weak_ref_get (g_object_get_data (G_OBJECT (toast), KEY_STORE));
  const char *done = g_object_get_data (G_OBJECT (toast), KEY_DONE);
  g_autoptr(GtkWidget) owner = g_weak_ref_get (g_object_get_data (G_OBJECT (toast), KEY_OWNER));
  g_autoptr(GError) error = NULL;

  /* libadwaita dismisses the toast right after this; until then it is spent. */
  if (is_spent (toast))
    return;
  g_object_set_data (G_OBJECT (toast), KEY_CLICKED, GINT_TO_POINTER (TRUE));

  if (store == NULL || !sales_store_can_undo (store))
    return;

  if (!sales_store_undo (store, &error))
    {
      AdwToast *problem = sales_toast_new_text (error->message);

      adw_toast_set_priority (problem, ADW_TOAST_PRIORITY_HIGH);
      if (owner != NULL)
        show_later (owner, problem);
      else
        g_object_unref (g_object_ref_sink (problem));
    }
  else if (done != NULL && owner != NULL)
    {
      show_later (owner, sales_toast_new_text (done));
    }
}

/**
 * sales_undo_toast_new:
 * @owner: the widget that made the change; an undo's error shows near it
 * @store: the store that can undo it
 * @title: (nullable): the title, shown as text; %NULL for @store's undo label
 * @timeout_s: how long the toast stays, in seconds
 *
 * A toast in front of others naming a change, whose Undo undoes @store's newest action.
 *
 * Returns: (transfer full): the toast, to add to an overlay
 */
AdwToast *
sales_undo_toast_new (GtkWidget  *owner,
                      SalesStore *store,
                      const char *title,
                      guint       timeout_s)
{
  AdwToast *toast;
  GWeakRef *owner_ref;
  GWeakRef *store_ref;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  owner_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (owner_ref, owner);
  store_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (store_ref, store);
  toast = sales_toast_new_text (title != NULL ? title : sales_store_get_undo_label (store));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, timeout_s);
  g_object_set_data_full (G_OBJECT (toast), KEY_STORE, store_ref, weak_ref_free);
  g_object_set_data_full (G_OBJECT (toast), KEY_OWNER, owner_ref, weak_ref_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_clicked), NULL);

  return toast;
}


/**
 * sales_undo_toast_set_done_message:
 * @toast: a toast made by sales_undo_toast_new()
 * @message: what to show once its Undo has undone the change
 */
void
sales_undo_toast_set_done_message (AdwToast   *toast,
                                   const char *message)
{
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_object_set_data_full (G_OBJECT (toast), KEY_DONE, g_strdup (message), g_free);
}

/**
 * sales_undo_toast_dismiss:
 * @toast: a toast made by sales_undo_toast_new()
 *
 * Takes @toast away as sales_toast_dismiss() does, but not while its Undo is being
 * handled: libadwaita takes it away then.
 */
void
sales_undo_toast_dismiss (AdwToast *toast)
{
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (!is_spent (toast))
    sales_toast_dismiss (toast);
}

/* Empties @slot without touching the toast it held. */
static void
forget (GtkWidget  *owner,
        AdwToast  **slot)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (slot);

  if (toast != NULL)
    g_signal_handlers_disconnect_by_data (toast, owner);
}

/* A toast goes when its time is up, when it is closed or clicked, and when its overlay
 * goes; a toast the slot no longer holds is not the slot's business. */
static void
on_dismissed (AdwToast  *toast,
              GtkWidget *owner)
{
  AdwToast **slot = g_object_get_data (G_OBJECT (toast), KEY_SLOT);

  if (*slot == toast)
    forget (owner, slot);
}

/**
 * sales_undo_toast_show:
 * @owner: the widget that made the change, which holds @slot
 * @store: the store that can undo it
 * @timeout_s: how long the toast stays, in seconds
 * @slot: where @owner keeps its undo toast
 *
 * After a change @store can undo, names it with Undo: in the toast still in @slot, or in
 * a new one. Does nothing when there is nothing to undo.
 */
void
sales_undo_toast_show (GtkWidget   *owner,
                       SalesStore  *store,
                       guint        timeout_s,
                       AdwToast   **slot)
{
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (slot != NULL);

  if (!sales_store_can_undo (store))
    return;

  if (*slot != NULL && !is_spent (*slot))
    {
      sales_toast_set_title_text (*slot, sales_store_get_undo_label (store));
      return;
    }
  forget (owner, slot);

  toast = sales_undo_toast_new (owner, store, NULL, timeout_s);
  g_object_set_data (G_OBJECT (toast), KEY_SLOT, slot);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_dismissed), owner, 0);
  g_object_ref (toast);
  if (sales_toast_add (owner, toast))
    *slot = toast;
  else
    g_object_unref (toast);
}

/**
 * sales_undo_toast_undo:
 * @owner: the widget that holds @slot
 * @store: the store
 * @slot: where @owner keeps its undo toast
 *
 * Undoes @store's newest action from a shortcut or a menu rather than from the toast: the
 * toast in @slot goes, and a failure shows as a toast.
 *
 * Returns: whether an action was undone
 */
gboolean
sales_undo_toast_undo (GtkWidget   *owner,
                       SalesStore  *store,
                       AdwToast   **slot)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), FALSE);
  g_return_val_if_fail (SALES_IS_STORE (store), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);

  if (*slot != NULL)
    {
      g_autoptr(AdwToast) toast = g_object_ref (*slot);

      forget (owner, slot);
      sales_undo_toast_dismiss (toast);
    }
  if (!sales_store_can_undo (store))
    return FALSE;

  if (!sales_store_undo (store, &error))
    {
      sales_toast_show_error (owner, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * sales_undo_toast_forget:
 * @owner: the widget that holds @slot
 * @slot: where @owner keeps its undo toast
 *
 * Empties @slot when @owner goes. The toast stays up as long as it would have, and its
 * Undo still works.
 */
void
sales_undo_toast_forget (GtkWidget  *owner,
                         AdwToast  **slot)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (slot != NULL);

  forget (owner, slot);
}
