/* sales-customer-completion.c: pick a customer by typing part of the name
 *
 * GtkEntryCompletion is deprecated, and a drop-down of every customer does not scale, so
 * a field that names a customer gets this helper: as the person types, a popover under
 * the field lists the few customers whose name contains the text (one indexed query
 * through sales_customer_search()); Up and Down walk the list, Enter or a click picks
 * one. Typing a name exactly as it is stored picks that customer too. The field keeps
 * the keyboard focus throughout: the popover does not take it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-completion.h"
#include "sales-customer-search.h"

#define MAX_MATCHES 8

struct _SalesCustomerCompletion
{
  GObject        parent_instance;

  SalesStore    *store;
  /* Not owned: the popover is the editable's child and the helper lives as long as it. */
  GtkWidget     *editable;
  GtkWidget     *popover;
  GtkListBox    *list;
  GListModel    *matches;
  SalesCustomer *customer;

  guint          setting_text : 1;
};

G_DEFINE_FINAL_TYPE (SalesCustomerCompletion, sales_customer_completion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_customer (SalesCustomerCompletion *self,
              SalesCustomer           *customer)
{
  if (g_set_object (&self->customer, customer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *label = gtk_label_new (sales_customer_get_name (item));
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  /* The field keeps the focus; a focusable row would take it on a click. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  g_autofree char *na = g_utf8_normalize (fa, -1, G_NORMALIZE_ALL);
  g_autofree char *nb = g_utf8_normalize (fb, -1, G_NORMALIZE_ALL);

  return g_strcmp0 (g_strstrip (na), g_strstrip (nb)) == 0;
}

/* The text child of an entry has the focus, not the entry. */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
query (SalesCustomerCompletion *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->editable));
  g_autoptr(GError) error = NULL;
  SalesCustomer *exact = NULL;
  guint n;

  g_clear_object (&self->matches);
  self->matches = sales_customer_search (self->store, text, MAX_MATCHES, &error);
  if (self->matches == NULL)
    {
      g_warning ("Cannot look up customers: %s", error->message);
      self->matches = G_LIST_MODEL (g_list_store_new (SALES_TYPE_CUSTOMER));
    }

  gtk_list_box_bind_model (self->list, self->matches, create_row, NULL, NULL);

  n = g_list_model_get_n_items (self->matches);
  for (guint i = 0; i < n && exact == NULL; i++)
    {
      g_autoptr(SalesCustomer) customer = g_list_model_get_item (self->matches, i);

      if (same_name (sales_customer_get_name (customer), text))
        exact = customer;
    }
  set_customer (self, exact);

  if (n > 0 && !sales_text_is_blank (text) && has_focus_within (self->editable))
    {
      gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
      gtk_popover_popup (GTK_POPOVER (self->popover));
    }
  else
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_changed (SalesCustomerCompletion *self)
{
  g_assert (SALES_IS_CUSTOMER_COMPLETION (self));

  if (!self->setting_text)
    query (self);
}

static void
pick (SalesCustomerCompletion *self,
      guint                    index)
{
  g_autoptr(SalesCustomer) customer = NULL;

  g_assert (SALES_IS_CUSTOMER_COMPLETION (self));

  if (self->matches == NULL || index >= g_list_model_get_n_items (self->matches))
    return;

  customer = g_list_model_get_item (self->matches, index);
  sales_customer_completion_set_customer (self, customer);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_editable_set_position (GTK_EDITABLE (self->editable), -1);
}

static void
on_row_activated (SalesCustomerCompletion *self,
                  GtkListBoxRow           *row)
{
  g_assert (SALES_IS_CUSTOMER_COMPLETION (self));

  pick (self, gtk_list_box_row_get_index (row));
}

static void
move_selection (SalesCustomerCompletion *self,
                int                      step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int n = (int)g_list_model_get_n_items (self->matches);
  int index = row != NULL ? gtk_list_box_row_get_index (row) + step : (step > 0 ? 0 : n - 1);

  index = CLAMP (index, 0, n - 1);
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

static gboolean
on_key_pressed (SalesCustomerCompletion *self,
                guint                    keyval,
                guint                    keycode,
                GdkModifierType          state)
{
  GtkListBoxRow *row;

  g_assert (SALES_IS_CUSTOMER_COMPLETION (self));

  if (!gtk_widget_get_visible (self->popover) || self->matches == NULL ||
      g_list_model_get_n_items (self->matches) == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_selection (self, 1);
      return TRUE;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_selection (self, -1);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_Tab:
      row = gtk_list_box_get_selected_row (self->list);
      if (row == NULL)
        return FALSE;
      pick (self, gtk_list_box_row_get_index (row));
      /* Tab picks and moves on; Enter only picks, so it does not submit the form. */
      return keyval != GDK_KEY_Tab;

    case GDK_KEY_Escape:
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_focus_leave (SalesCustomerCompletion *self)
{
  g_assert (SALES_IS_CUSTOMER_COMPLETION (self));

  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_editable_destroy (SalesCustomerCompletion *self)
{
  g_assert (SALES_IS_CUSTOMER_COMPLETION (self));

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->editable = NULL;
}

static void
sales_customer_completion_finalize (GObject *object)
{
  SalesCustomerCompletion *self = (SalesCustomerCompletion *)object;

  if (self->editable != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editable, self);
      g_clear_pointer (&self->popover, gtk_widget_unparent);
    }
  g_clear_object (&self->matches);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_customer_completion_parent_class)->finalize (object);
}

static void
sales_customer_completion_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SalesCustomerCompletion *self = SALES_CUSTOMER_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_completion_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SalesCustomerCompletion *self = SALES_CUSTOMER_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      sales_customer_completion_set_customer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_completion_class_init (SalesCustomerCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_customer_completion_finalize;
  object_class->get_property = sales_customer_completion_get_property;
  object_class->set_property = sales_customer_completion_set_property;

  /* The customer the text names, picked from the list or typed in full; NULL otherwise. */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         SALES_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_customer_completion_init (SalesCustomerCompletion *self)
{
}

/**
 * sales_customer_completion_new:
 * @editable: a #GtkEditable widget (a #GtkEntry, an #AdwEntryRow); the helper lives on as
 *   its data and goes with it
 *
 * Returns: (transfer none): the helper
 */
SalesCustomerCompletion *
sales_customer_completion_new (SalesStore *store,
                               GtkWidget  *editable)
{
  SalesCustomerCompletion *self;
  GtkEventController *keys;
  GtkEventController *focus;
  GtkWidget *scroller;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  self = g_object_new (SALES_TYPE_CUSTOMER_COMPLETION, NULL);
  self->store = g_object_ref (store);
  self->editable = editable;

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->list), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->popover, "customer-completion");
  gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
  gtk_widget_set_parent (self->popover, editable);

  g_signal_connect_object (editable, "changed", G_CALLBACK (on_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (editable, "destroy", G_CALLBACK (on_editable_destroy), self,
                           G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (editable, keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (editable, focus);

  g_object_set_data_full (G_OBJECT (editable), "sales-customer-completion", self,
                          g_object_unref);
  return self;
}

SalesCustomer *
sales_customer_completion_get_customer (SalesCustomerCompletion *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_COMPLETION (self), NULL);

  return self->customer;
}

/**
 * sales_customer_completion_set_customer:
 * @customer: (nullable): the customer to show; %NULL empties the field
 */
void
sales_customer_completion_set_customer (SalesCustomerCompletion *self,
                                        SalesCustomer           *customer)
{
  g_return_if_fail (SALES_IS_CUSTOMER_COMPLETION (self));
  g_return_if_fail (!customer || SALES_IS_CUSTOMER (customer));

  if (self->editable != NULL)
    {
      self->setting_text = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->editable),
                             customer != NULL ? sales_customer_get_name (customer) : "");
      self->setting_text = FALSE;
    }

  set_customer (self, customer);
}

/**
 * sales_customer_completion_get_n_matches:
 *
 * Returns: how many customers the list offers for the current text
 */
guint
sales_customer_completion_get_n_matches (SalesCustomerCompletion *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_COMPLETION (self), 0);

  return self->matches != NULL ? g_list_model_get_n_items (self->matches) : 0;
}

/**
 * sales_customer_completion_select_match:
 *
 * Picks the customer at @index of the offered list, as a click on it would.
 *
 * Returns: %FALSE when there is no such match
 */
gboolean
sales_customer_completion_select_match (SalesCustomerCompletion *self,
                                        guint                    index)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_COMPLETION (self), FALSE);

  if (index >= sales_customer_completion_get_n_matches (self))
    return FALSE;

  pick (self, index);
  return TRUE;
}
