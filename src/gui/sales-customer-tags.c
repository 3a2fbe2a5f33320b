/* sales-customer-tags.c: the tags of the customer page
 *
 * Tags are chips with a remove button, and an entry that adds one, completing the names
 * the database has. Each add or remove is one store action with Undo; the store signals
 * the customer as changed, and the chips are read again then, so an undo shows too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-customer-page-private.h"

static GtkWidget *
tag_chip (const char *name,
          gint64      tag_id)
{
  g_autofree char *remove_label = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  /* Translators: the button on a tag's chip that takes the tag off the customer */
  remove_label = g_strdup_printf (_("Remove Tag “%s”"), name);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "customer.remove-tag");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (tag_id));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_margin_start (label, 8);

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_add_css_class (box, "card");
  return box;
}

/* Every tag's name into the completion, when the entry is about to be used rather than with
 * each customer opened. The completion itself is made then too: the entry would otherwise
 * realize the completion's popup, a window of its own, in the page's first frame. */
static void
fill_tag_names (SalesCustomerPage *self)
{
  g_auto(GStrv) all = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->tag_names == NULL)
    {
      g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();

      self->tag_names = gtk_list_store_new (1, G_TYPE_STRING);
      gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (self->tag_names));
      gtk_entry_completion_set_text_column (completion, 0);
      gtk_entry_completion_set_inline_completion (completion, TRUE);
      gtk_entry_set_completion (self->tag_entry, completion);
    }

  if (!self->tag_names_stale)
    return;

  self->tag_names_stale = FALSE;
  gtk_list_store_clear (self->tag_names);
  all = sales_store_list_tags (self->store, NULL, NULL);
  for (guint i = 0; all != NULL && all[i] != NULL; i++)
    gtk_list_store_insert_with_values (self->tag_names, NULL, -1, 0, all[i], -1);
}

/* Reads the customer's tags into the chips. */
void
sales_customer_page_load_tags (SalesCustomerPage *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  GtkWidget *child;

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  self->tag_names_stale = TRUE;
  if (gtk_widget_get_state_flags (GTK_WIDGET (self->tag_entry)) & GTK_STATE_FLAG_FOCUS_WITHIN)
    fill_tag_names (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  if (self->customer == NULL)
    return;

  names = sales_store_list_customer_tags (self->store,
                                          sales_record_get_id (SALES_RECORD (self->customer)),
                                          ids, &error);
  if (names == NULL)
    {
      sales_customer_page_show_error (self, error);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    gtk_flow_box_append (self->tags_box, tag_chip (names[i], g_array_index (ids, gint64, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), names[0] != NULL);
}

static void
on_tag_entry_activate (SalesCustomerPage *self)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));
  if (self->customer == NULL || *name == '\0')
    return;

  id = sales_record_get_id (SALES_RECORD (self->customer));
  if (!sales_store_add_tag (self->store, &id, 1, name, NULL, &error))
    {
      sales_customer_page_show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  sales_customer_page_show_undo_toast (self);
}

static void
remove_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->customer == NULL)
    return;

  id = sales_record_get_id (SALES_RECORD (self->customer));
  if (!sales_store_remove_tag (self->store, &id, 1, g_variant_get_int64 (param), &error))
    sales_customer_page_show_error (self, error);
  else
    sales_customer_page_show_undo_toast (self);
}

static void
on_store_changed (SalesCustomerPage *self,
                  SalesRecordKind    kind,
                  gint64             id,
                  SalesChange        change)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  /* A tag added or taken off is signalled as a change of its customer. */
  if (self->customer != NULL && change != SALES_CHANGE_DELETED &&
      id == sales_record_get_id (SALES_RECORD (self->customer)))
    sales_customer_page_load_tags (self);
}

/* Called once the store is known. */
void
sales_customer_page_init_tags (SalesCustomerPage *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  g_signal_connect_object (focus, "enter", G_CALLBACK (fill_tag_names), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tag_entry), focus);

  g_signal_connect_object (self->tag_entry, "activate", G_CALLBACK (on_tag_entry_activate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed::customer", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (sales_customer_page_load_tags), self,
                           G_CONNECT_SWAPPED);
}

void
sales_customer_page_class_add_tag_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "customer.remove-tag", "x", remove_tag_action);
}
