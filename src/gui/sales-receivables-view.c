/* sales-receivables-view.c: what customers owe, overdue and due soon, with Record Payment
 *
 * One row per instalment still to collect that is overdue or due in the
 * next 30 days (SalesReceivables), grouped by rep and customer as the list
 * orders them: the customer and contract, the rep, the due day and its
 * state, the amount left and a button that records a payment against the
 * contract. The totals above say how much is outstanding and overdue. The
 * list follows the store, so a payment recorded anywhere updates it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-contract-actions.h"
#include "sales-money.h"
#include "sales-receivables-view.h"

struct _SalesReceivablesView
{
  GtkWidget         parent_instance;

  SalesStore       *store;
  SalesSettings    *settings;
  SalesReceivables *list;
  GtkWindow        *dialog;

  AdwToastOverlay  *toast_overlay;
  GtkLabel         *totals_label;
  GtkStack         *stack;
  GtkListView      *list_view;
};

G_DEFINE_FINAL_TYPE (SalesReceivablesView, sales_receivables_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_money (SalesReceivablesView *self,
              gint64                cents)
{
  return sales_money_format (cents, sales_settings_get_currency (self->settings));
}

static void
update_totals (SalesReceivablesView *self)
{
  g_autofree char *outstanding = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *text = NULL;

  g_assert (SALES_IS_RECEIVABLES_VIEW (self));

  outstanding = format_money (self, sales_receivables_get_outstanding_cents (self->list));
  overdue = format_money (self, sales_receivables_get_overdue_cents (self->list));
  /* TRANSLATORS: both %s are amounts of money such as ¥1,200.00 */
  text = g_strdup_printf (_("%s to collect, %s of it overdue"), outstanding, overdue);
  gtk_label_set_label (self->totals_label, text);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0
                                    ? "list" : "empty");
}

static void
on_dialog_response (SalesReceivablesView *self)
{
  g_assert (SALES_IS_RECEIVABLES_VIEW (self));

  g_clear_object (&self->dialog);
}

/**
 * sales_receivables_view_record_payment:
 *
 * Asks for a payment against the contract, and records it on "record":
 * what the Record Payment button of a row does.
 */
void
sales_receivables_view_record_payment (SalesReceivablesView *self,
                                       gint64                contract_id)
{
  GtkWidget *dialog;

  g_return_if_fail (SALES_IS_RECEIVABLES_VIEW (self));

  /* Toasts go to the view's overlay, around the list. */
  dialog = sales_contract_actions_record_payment (GTK_WIDGET (self->list_view), self->store,
                                                  self->settings, contract_id);
  if (dialog == NULL)
    return;

  g_set_object (&self->dialog, GTK_WINDOW (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_dialog_response), self,
                           G_CONNECT_SWAPPED);
}

static void
on_record_clicked (GtkButton            *button,
                   SalesReceivablesView *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  SalesReceivable *item = gtk_list_item_get_item (list_item);

  g_assert (SALES_IS_RECEIVABLES_VIEW (self));

  if (item != NULL)
    sales_receivables_view_record_payment (self, sales_receivable_get_contract_id (item));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           SalesReceivablesView     *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *amount = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Record Payment…"));

  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (amount, "numeric");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_box_append (GTK_BOX (row), amount);
  gtk_box_append (GTK_BOX (row), button);

  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_record_clicked), self, 0);
  g_object_set_data (G_OBJECT (list_item), "title", title);
  g_object_set_data (G_OBJECT (list_item), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (list_item), "amount", amount);
  g_object_set_data (G_OBJECT (list_item), "button", button);
  gtk_list_item_set_activatable (list_item, TRUE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          SalesReceivablesView     *self)
{
  SalesReceivable *item = gtk_list_item_get_item (list_item);
  const SalesInstalment *instalment = sales_receivable_get_instalment (item);
  const char *owner = sales_receivable_get_owner_name (item);
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *button_label = NULL;
  GtkWidget *amount_label = g_object_get_data (G_OBJECT (list_item), "amount");

  /* TRANSLATORS: a customer's name, then a contract number */
  title = g_strdup_printf (_("%s · %s"), sales_receivable_get_customer_name (item),
                           sales_receivable_get_contract_number (item));
  state = sales_instalment_describe (instalment);
  /* TRANSLATORS: a rep's name, a due date (YYYY-MM-DD) and its state, such as "Overdue by 3 days" */
  subtitle = g_strdup_printf (_("%s · due %s · %s"), owner != NULL ? owner : _("Public pool"),
                              instalment->due_on, state);
  amount = format_money (self, sales_receivable_get_outstanding_cents (item));

  gtk_label_set_label (g_object_get_data (G_OBJECT (list_item), "title"), title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (list_item), "subtitle"), subtitle);
  gtk_label_set_label (GTK_LABEL (amount_label), amount);
  if (instalment->state == SALES_INSTALMENT_OVERDUE)
    gtk_widget_add_css_class (amount_label, "error");
  else
    gtk_widget_remove_css_class (amount_label, "error");

  /* TRANSLATORS: the accessible name of a row's button; %s is a contract number */
  button_label = g_strdup_printf (_("Record payment on %s"),
                                  sales_receivable_get_contract_number (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (g_object_get_data (G_OBJECT (list_item),
                                                                     "button")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
}

/* Enter or a double click on a row opens its customer, as in the follow-ups list. */
static void
on_row_activated (SalesReceivablesView *self,
                  guint                 position)
{
  g_autoptr(SalesReceivable) item = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (item != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x",
                                sales_receivable_get_customer_id (item));
}

static void
sales_receivables_view_constructed (GObject *object)
{
  SalesReceivablesView *self = (SalesReceivablesView *)object;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  G_OBJECT_CLASS (sales_receivables_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  self->list = sales_receivables_new (self->store, SALES_RECEIVABLES_DEFAULT_DAYS, TRUE);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_totals), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "notify::outstanding-cents", G_CALLBACK (update_totals),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_totals (self);
}

static void
sales_receivables_view_dispose (GObject *object)
{
  SalesReceivablesView *self = (SalesReceivablesView *)object;

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_object (&self->dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_RECEIVABLES_VIEW);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (sales_receivables_view_parent_class)->dispose (object);
}

static void
sales_receivables_view_finalize (GObject *object)
{
  SalesReceivablesView *self = (SalesReceivablesView *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_receivables_view_parent_class)->finalize (object);
}

static void
sales_receivables_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SalesReceivablesView *self = SALES_RECEIVABLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_receivables_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SalesReceivablesView *self = SALES_RECEIVABLES_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_receivables_view_class_init (SalesReceivablesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_receivables_view_constructed;
  object_class->dispose = sales_receivables_view_dispose;
  object_class->finalize = sales_receivables_view_finalize;
  object_class->get_property = sales_receivables_view_get_property;
  object_class->set_property = sales_receivables_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-receivables-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesReceivablesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalesReceivablesView, totals_label);
  gtk_widget_class_bind_template_child (widget_class, SalesReceivablesView, stack);
  gtk_widget_class_bind_template_child (widget_class, SalesReceivablesView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
sales_receivables_view_init (SalesReceivablesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_receivables_view_new (SalesStore    *store,
                            SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_RECEIVABLES_VIEW,
                       "store", store,
                       "settings", settings,
                       NULL);
}

SalesReceivables *
sales_receivables_view_get_list (SalesReceivablesView *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES_VIEW (self), NULL);

  return self->list;
}

/**
 * sales_receivables_view_get_dialog:
 *
 * Returns: (transfer none) (nullable): the payment dialog open, for the tests
 */
GtkWindow *
sales_receivables_view_get_dialog (SalesReceivablesView *self)
{
  g_return_val_if_fail (SALES_IS_RECEIVABLES_VIEW (self), NULL);

  return self->dialog;
}
