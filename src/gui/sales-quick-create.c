/* sales-quick-create.c: a new deal in a stage, from the column's "+" button
 *
 * Three fields, the rest left to the deal editor: a title, a customer picked by typing
 * part of the name, and an amount (blank for none yet). The deal is owned by the current
 * rep when one is set in the preferences, and is in the configured currency.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-customer-completion.h"
#include "sales-money.h"
#include "sales-quick-create.h"

struct _SalesQuickCreate
{
  GtkPopover               parent_instance;

  SalesStore              *store;
  SalesSettings           *settings;
  SalesStage              *stage;
  SalesCustomerCompletion *completion;

  GtkLabel                *heading_label;
  GtkEntry                *title_entry;
  GtkEntry                *customer_entry;
  GtkEntry                *amount_entry;
  GtkLabel                *error_label;
  GtkWidget               *add_button;
};

G_DEFINE_FINAL_TYPE (SalesQuickCreate, sales_quick_create, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_STAGE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
mark_error (GtkEntry *entry,
            gboolean  error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
show_error (SalesQuickCreate *self,
            GtkEntry         *entry,
            const char       *message)
{
  g_assert (SALES_IS_QUICK_CREATE (self));

  if (entry != NULL)
    {
      mark_error (entry, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
    }
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
clear_errors (SalesQuickCreate *self)
{
  g_assert (SALES_IS_QUICK_CREATE (self));

  mark_error (self->title_entry, FALSE);
  mark_error (self->customer_entry, FALSE);
  mark_error (self->amount_entry, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
on_field_changed (SalesQuickCreate *self)
{
  g_assert (SALES_IS_QUICK_CREATE (self));

  clear_errors (self);
}

static void
on_add_clicked (SalesQuickCreate *self)
{
  g_autoptr(SalesDeal) deal = NULL;

  g_assert (SALES_IS_QUICK_CREATE (self));

  deal = sales_quick_create_submit (self);
  if (deal != NULL)
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
sales_quick_create_show (GtkWidget *widget)
{
  SalesQuickCreate *self = SALES_QUICK_CREATE (widget);
  g_autofree char *heading = NULL;

  /* TRANSLATORS: heading of the quick-create popover; %s is a stage such as "Lead" */
  heading = g_strdup_printf (_("New Deal in “%s”"), sales_stage_get_name (self->stage));
  gtk_label_set_label (self->heading_label, heading);

  GTK_WIDGET_CLASS (sales_quick_create_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
sales_quick_create_constructed (GObject *object)
{
  SalesQuickCreate *self = (SalesQuickCreate *)object;

  G_OBJECT_CLASS (sales_quick_create_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->stage != NULL);

  self->completion = sales_customer_completion_new (self->store,
                                                    GTK_WIDGET (self->customer_entry));
}

static void
sales_quick_create_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_QUICK_CREATE);

  G_OBJECT_CLASS (sales_quick_create_parent_class)->dispose (object);
}

static void
sales_quick_create_finalize (GObject *object)
{
  SalesQuickCreate *self = (SalesQuickCreate *)object;

  g_clear_object (&self->stage);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_quick_create_parent_class)->finalize (object);
}

static void
sales_quick_create_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalesQuickCreate *self = SALES_QUICK_CREATE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_quick_create_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalesQuickCreate *self = SALES_QUICK_CREATE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_quick_create_class_init (SalesQuickCreateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_quick_create_constructed;
  object_class->dispose = sales_quick_create_dispose;
  object_class->finalize = sales_quick_create_finalize;
  object_class->get_property = sales_quick_create_get_property;
  object_class->set_property = sales_quick_create_set_property;

  widget_class->show = sales_quick_create_show;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL,
                         SALES_TYPE_STAGE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesQuickCreate::created:
   * @deal: the new deal
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SALES_TYPE_DEAL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-quick-create.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesQuickCreate, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SalesQuickCreate, title_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesQuickCreate, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesQuickCreate, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesQuickCreate, error_label);
  gtk_widget_class_bind_template_child (widget_class, SalesQuickCreate, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
}

static void
sales_quick_create_init (SalesQuickCreate *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_popover_set_default_widget (GTK_POPOVER (self), self->add_button);
}

GtkWidget *
sales_quick_create_new (SalesStore    *store,
                        SalesSettings *settings,
                        SalesStage    *stage)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SALES_IS_STAGE (stage), NULL);

  return g_object_new (SALES_TYPE_QUICK_CREATE,
                       "store", store,
                       "settings", settings,
                       "stage", stage,
                       NULL);
}

/**
 * sales_quick_create_submit:
 *
 * Checks the fields and creates the deal, as the Add button does. On a mistake the
 * field in question is marked and the reason shown under the fields.
 *
 * Returns: (transfer full) (nullable): the new deal, or %NULL when nothing was created
 */
SalesDeal *
sales_quick_create_submit (SalesQuickCreate *self)
{
  g_autoptr(SalesDeal) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  SalesCustomer *customer;
  const char *title;
  const char *amount_text;
  gint64 amount = 0;
  SalesDeal *deal;

  g_return_val_if_fail (SALES_IS_QUICK_CREATE (self), NULL);

  clear_errors (self);

  title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  if (sales_text_is_blank (title))
    {
      show_error (self, self->title_entry, _("Give the deal a title"));
      return NULL;
    }

  customer = sales_customer_completion_get_customer (self->completion);
  if (customer == NULL)
    {
      show_error (self, self->customer_entry,
                  sales_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->customer_entry)))
                    ? _("Choose the customer")
                    : _("No customer has that name; choose one from the list"));
      return NULL;
    }

  amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  if (!sales_text_is_blank (amount_text) && !sales_money_parse (amount_text, &amount, &error))
    {
      show_error (self, self->amount_entry, error->message);
      return NULL;
    }

  draft = sales_deal_new ();
  stripped = g_strstrip (g_strdup (title));
  sales_deal_set_title (draft, stripped);
  sales_deal_set_customer_id (draft, sales_record_get_id (SALES_RECORD (customer)));
  sales_deal_set_owner_id (draft, sales_settings_get_current_rep_id (self->settings));
  sales_deal_set_stage_id (draft, sales_record_get_id (SALES_RECORD (self->stage)));
  sales_deal_set_amount_cents (draft, amount);
  sales_deal_set_currency (draft, sales_settings_get_currency (self->settings));

  deal = sales_store_create (self->store, SALES_RECORD (draft), &error);
  if (deal == NULL)
    {
      show_error (self, NULL, error->message);
      return NULL;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  sales_customer_completion_set_customer (self->completion, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
  clear_errors (self);

  g_signal_emit (self, signals[CREATED], 0, deal);
  return deal;
}
