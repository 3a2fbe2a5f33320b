/* sales-duplicates-window.c: every pair of customers that look alike, to merge or ignore
 *
 * The pairs are found on a connection of its own in a thread (a few
 * seconds on a large database; the window shows a spinner meanwhile) and
 * listed in a GtkListView, which only builds the rows on screen. Merge asks
 * which of the two to keep and makes one undoable store call; the toast
 * that follows offers Undo. Ignore takes a pair off the list for as long
 * as the window is open: it is not written anywhere, so "Look Again" lists
 * it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-duplicate-pair-item.h"
#include "sales-duplicates-window.h"
#include "sales-read-only.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"

/* As long as libadwaita keeps a toast by default. */
#define UNDO_TIMEOUT_S 5

struct _SalesDuplicatesWindow
{
  AdwWindow        parent_instance;

  SalesStore      *store;
  GListStore      *pairs;
  GCancellable    *cancellable;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkSpinner      *spinner;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (SalesDuplicatesWindow, sales_duplicates_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (SalesDuplicatesWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->pairs));
  g_autofree char *subtitle = NULL;

  if (self->cancellable == NULL)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u likely pair",
                                             "%u likely pairs", n),
                                n);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack,
                                    self->cancellable != NULL ? "loading" :
                                    n > 0 ? "list" : "empty");
  gtk_spinner_set_spinning (self->spinner, self->cancellable != NULL);
}

/* Finding, in a thread */

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GArray *pairs;

  db = sales_db_open (path, &error);
  pairs = db != NULL ? sales_duplicates_find_all (db, cancellable, &error) : NULL;
  if (pairs == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pairs, (GDestroyNotify)g_array_unref);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SalesDuplicatesWindow) self = user_data;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  pairs = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (pairs == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sales_toast_new_text (error->message));
      update_title (self);
      return;
    }

  items = g_ptr_array_new_full (pairs->len, g_object_unref);
  for (guint i = 0; i < pairs->len; i++)
    g_ptr_array_add (items,
                     sales_duplicate_pair_item_new (&g_array_index (pairs, SalesDuplicatePair, i)));
  g_list_store_splice (self->pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pairs)),
                       items->pdata, items->len);
  update_title (self);
}

static void
find (SalesDuplicatesWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_assert (SALES_IS_DUPLICATES_WINDOW (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_list_store_remove_all (self->pairs);
  update_title (self);

  task = g_task_new (NULL, self->cancellable, on_found, g_object_ref (self));
  g_task_set_source_tag (task, find);
  g_task_set_task_data (task, g_strdup (sales_db_get_path (sales_store_get_db (self->store))),
                        g_free);
  g_task_run_in_thread (task, find_thread);
}

/* Rows */

static char *
customer_name (SalesDuplicatesWindow *self,
               gint64                 id)
{
  g_autoptr(SalesCustomer) customer = sales_store_get_customer (self->store, id, NULL);

  if (customer == NULL)
    return g_strdup (_("(deleted)"));

  return g_strdup (sales_customer_get_name (customer));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SalesDuplicatesWindow    *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *names = gtk_label_new (NULL);
  GtkWidget *reasons = gtk_label_new (NULL);
  GtkWidget *merge = gtk_button_new_with_mnemonic (_("_Merge…"));
  GtkWidget *ignore = gtk_button_new_with_mnemonic (_("_Ignore"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (names), 0);
  gtk_label_set_ellipsize (GTK_LABEL (names), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (reasons), 0);
  gtk_widget_add_css_class (names, "heading");
  gtk_widget_add_css_class (reasons, "dim-label");
  gtk_widget_set_valign (merge, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (ignore, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (labels), names);
  gtk_box_append (GTK_BOX (labels), reasons);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), merge);
  gtk_box_append (GTK_BOX (box), ignore);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SalesDuplicatesWindow    *self)
{
  SalesDuplicatePairItem *item = gtk_list_item_get_item (list_item);
  const SalesDuplicatePair *pair = sales_duplicate_pair_item_get_pair (item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkWidget *merge = gtk_widget_get_next_sibling (labels);
  GtkWidget *ignore = gtk_widget_get_next_sibling (merge);
  g_autofree char *a = customer_name (self, pair->a_id);
  g_autofree char *b = customer_name (self, pair->b_id);
  g_autofree char *names = NULL;
  g_autofree char *reasons = sales_duplicate_reason_describe (pair->reasons);
  g_autofree char *merge_label = NULL;
  g_autofree char *ignore_label = NULL;
  GVariant *target = g_variant_new ("(xx)", pair->a_id, pair->b_id);

  /* TRANSLATORS: two customer names side by side */
  names = g_strdup_printf (_("%s  ·  %s"), a, b);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (labels)), names);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (labels)), reasons);

  /* The target before the name: a name without its "(xx)" target is refused. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (merge), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (ignore), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (merge), "duplicates.merge");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (ignore), "duplicates.ignore");

  /* TRANSLATORS: accessible names of the buttons of a pair; %s are customer names */
  merge_label = g_strdup_printf (_("Merge “%s” and “%s”"), a, b);
  ignore_label = g_strdup_printf (_("Ignore “%s” and “%s”"), a, b);
  gtk_accessible_update_property (GTK_ACCESSIBLE (merge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  merge_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (ignore), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ignore_label, -1);
}

/* Actions */

static void
remove_pairs_of (SalesDuplicatesWindow *self,
                 gint64                 id)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->pairs)); i > 0; i--)
    {
      g_autoptr(SalesDuplicatePairItem) item = g_list_model_get_item (G_LIST_MODEL (self->pairs),
                                                                      i - 1);

      if (sales_duplicate_pair_item_involves (item, id))
        g_list_store_remove (self->pairs, i - 1);
    }
}

static void
on_merge_response (AdwMessageDialog      *dialog,
                   const char            *response,
                   SalesDuplicatesWindow *self)
{
  gint64 *ids = g_object_get_data (G_OBJECT (dialog), "pair");
  g_autoptr(GError) error = NULL;
  gint64 keep, merged;

  if (g_str_equal (response, "keep-a"))
    keep = ids[0], merged = ids[1];
  else if (g_str_equal (response, "keep-b"))
    keep = ids[1], merged = ids[0];
  else
    return;

  if (!sales_duplicates_window_merge (self, keep, merged, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, sales_toast_new_text (error->message));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SalesDuplicatesWindow *self = SALES_DUPLICATES_WINDOW (widget);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *keep_a = NULL;
  g_autofree char *keep_b = NULL;
  gint64 ids[2];
  GtkWidget *dialog;

  g_variant_get (param, "(xx)", &ids[0], &ids[1]);
  a = customer_name (self, ids[0]);
  b = customer_name (self, ids[1]);
  /* TRANSLATORS: a button; %s is the name of the customer that stays */
  keep_a = g_strdup_printf (_("Keep “%s”"), a);
  keep_b = g_strdup_printf (_("Keep “%s”"), b);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Customers?"),
                                   _("Choose the customer to keep. It takes what it lacks from "
                                     "the other, whose contacts, deals and follow-ups move to it; "
                                     "the other is then deleted. You can undo this."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "keep-b", keep_b,
                                    "keep-a", keep_a,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep-a",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep-a");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pair", g_memdup2 (ids, sizeof ids), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ignore_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  gint64 a, b;

  g_variant_get (param, "(xx)", &a, &b);
  sales_duplicates_window_ignore (SALES_DUPLICATES_WINDOW (widget), a, b);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesDuplicatesWindow *self = SALES_DUPLICATES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sales_store_undo (self->store, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, sales_toast_new_text (error->message));
      return;
    }

  /* The pair is back, and maybe others that the merge had joined. */
  find (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  find (SALES_DUPLICATES_WINDOW (widget));
}

/* GObject */

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "duplicates.merge",
  "duplicates.ignore",
  "duplicates.undo",
  NULL,
};

static void
sales_duplicates_window_constructed (GObject *object)
{
  SalesDuplicatesWindow *self = (SalesDuplicatesWindow *)object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (sales_duplicates_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->pairs)))));

  find (self);

  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
}

static void
sales_duplicates_window_dispose (GObject *object)
{
  SalesDuplicatesWindow *self = (SalesDuplicatesWindow *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_DUPLICATES_WINDOW);

  G_OBJECT_CLASS (sales_duplicates_window_parent_class)->dispose (object);
}

static void
sales_duplicates_window_finalize (GObject *object)
{
  SalesDuplicatesWindow *self = (SalesDuplicatesWindow *)object;

  g_clear_object (&self->pairs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_duplicates_window_parent_class)->finalize (object);
}

static void
sales_duplicates_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SalesDuplicatesWindow *self = SALES_DUPLICATES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_duplicates_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SalesDuplicatesWindow *self = SALES_DUPLICATES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_duplicates_window_class_init (SalesDuplicatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_duplicates_window_constructed;
  object_class->dispose = sales_duplicates_window_dispose;
  object_class->finalize = sales_duplicates_window_finalize;
  object_class->get_property = sales_duplicates_window_get_property;
  object_class->set_property = sales_duplicates_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-duplicates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesDuplicatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesDuplicatesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SalesDuplicatesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesDuplicatesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesDuplicatesWindow, list_view);

  gtk_widget_class_install_action (widget_class, "duplicates.merge", "(xx)", merge_action);
  gtk_widget_class_install_action (widget_class, "duplicates.ignore", "(xx)", ignore_action);
  gtk_widget_class_install_action (widget_class, "duplicates.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "duplicates.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "duplicates.refresh", NULL);
}

static void
sales_duplicates_window_init (SalesDuplicatesWindow *self)
{
  self->pairs = g_list_store_new (SALES_TYPE_DUPLICATE_PAIR_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_duplicates_window_new:
 * @parent: (nullable): the main window
 *
 * The window starts looking for duplicates at once.
 */
GtkWidget *
sales_duplicates_window_new (GtkWindow  *parent,
                             SalesStore *store)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  return g_object_new (SALES_TYPE_DUPLICATES_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

GListModel *
sales_duplicates_window_get_pairs (SalesDuplicatesWindow *self)
{
  g_return_val_if_fail (SALES_IS_DUPLICATES_WINDOW (self), NULL);

  return G_LIST_MODEL (self->pairs);
}

gboolean
sales_duplicates_window_is_searching (SalesDuplicatesWindow *self)
{
  g_return_val_if_fail (SALES_IS_DUPLICATES_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * sales_duplicates_window_merge:
 *
 * Merges @merged_id into @keep_id, as choosing "Keep" in the merge dialog
 * does: the pairs of the merged customer leave the list and a toast offers
 * Undo.
 */
gboolean
sales_duplicates_window_merge (SalesDuplicatesWindow  *self,
                               gint64                  keep_id,
                               gint64                  merged_id,
                               GError                **error)
{
  AdwToast *toast;

  g_return_val_if_fail (SALES_IS_DUPLICATES_WINDOW (self), FALSE);

  if (!sales_store_merge_customers (self->store, keep_id, merged_id, error))
    return FALSE;

  remove_pairs_of (self, merged_id);
  update_title (self);

  toast = sales_undo_toast_new (GTK_WIDGET (self), self->store, NULL, UNDO_TIMEOUT_S);
  /* The pair is back then, and maybe others that the merge had joined. */
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (find), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return TRUE;
}

/* Takes the pair off the list while the window is open. */
void
sales_duplicates_window_ignore (SalesDuplicatesWindow *self,
                                gint64                 a_id,
                                gint64                 b_id)
{
  g_return_if_fail (SALES_IS_DUPLICATES_WINDOW (self));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->pairs)); i++)
    {
      g_autoptr(SalesDuplicatePairItem) item = g_list_model_get_item (G_LIST_MODEL (self->pairs),
                                                                      i);
      const SalesDuplicatePair *pair = sales_duplicate_pair_item_get_pair (item);

      if (pair->a_id == a_id && pair->b_id == b_id)
        {
          g_list_store_remove (self->pairs, i);
          break;
        }
    }

  update_title (self);
}
