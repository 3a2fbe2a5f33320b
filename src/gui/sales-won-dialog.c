/* sales-won-dialog.c: confirms the amount of a deal before it is marked won
 *
 * The amount a deal is won at is what the dashboard and the monthly summary count, and it
 * often differs from the estimate on the card, so winning a deal asks to confirm it. As
 * with the lost dialog, the dialog only asks; the caller makes the store call on "won".
 * A won deal is not money until its contract says when it is paid, so the dialog also
 * offers to go on to the contract; the user may untick that and make it later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-money.h"
#include "sales-won-dialog.h"

struct _SalesWonDialog
{
  AdwMessageDialog  parent_instance;

  SalesSettings    *settings;
  SalesDeal        *deal;

  AdwEntryRow      *amount_row;
  GtkCheckButton   *contract_check;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SalesWonDialog, sales_won_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_amount_changed (SalesWonDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 cents;
  gboolean valid;

  g_assert (SALES_IS_WON_DIALOG (self));

  valid = sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &cents,
                             &error);

  gtk_label_set_label (self->error_label, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_row), "error");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "won", valid);
}

static void
sales_won_dialog_constructed (GObject *object)
{
  SalesWonDialog *self = (SalesWonDialog *)object;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;

  G_OBJECT_CLASS (sales_won_dialog_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_assert (self->deal != NULL);

  /* TRANSLATORS: %s is the title of a deal */
  body = g_strdup_printf (_("“%s” will be closed as won. Confirm the amount it was won at."),
                          sales_deal_get_title (self->deal));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  /* TRANSLATORS: the title of the amount field; %s is a currency code such as CNY */
  title = g_strdup_printf (_("Amount (%s)"), sales_settings_get_currency (self->settings));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  amount = sales_money_format_plain (sales_deal_get_amount_cents (self->deal));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  on_amount_changed (self);
}

static void
sales_won_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_WON_DIALOG);

  G_OBJECT_CLASS (sales_won_dialog_parent_class)->dispose (object);
}

static void
sales_won_dialog_finalize (GObject *object)
{
  SalesWonDialog *self = (SalesWonDialog *)object;

  g_clear_object (&self->deal);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_won_dialog_parent_class)->finalize (object);
}

static void
sales_won_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SalesWonDialog *self = SALES_WON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_won_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SalesWonDialog *self = SALES_WON_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_won_dialog_class_init (SalesWonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_won_dialog_constructed;
  object_class->dispose = sales_won_dialog_dispose;
  object_class->finalize = sales_won_dialog_finalize;
  object_class->get_property = sales_won_dialog_get_property;
  object_class->set_property = sales_won_dialog_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         SALES_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-won-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesWonDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SalesWonDialog, contract_check);
  gtk_widget_class_bind_template_child (widget_class, SalesWonDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_changed);
}

static void
sales_won_dialog_init (SalesWonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_won_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 */
GtkWidget *
sales_won_dialog_new (GtkWindow     *parent,
                      SalesSettings *settings,
                      SalesDeal     *deal)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SALES_IS_DEAL (deal), NULL);

  return g_object_new (SALES_TYPE_WON_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "settings", settings,
                       "deal", deal,
                       NULL);
}

SalesDeal *
sales_won_dialog_get_deal (SalesWonDialog *self)
{
  g_return_val_if_fail (SALES_IS_WON_DIALOG (self), NULL);

  return self->deal;
}

/**
 * sales_won_dialog_get_amount:
 *
 * Returns: %TRUE with @amount_cents set when the amount field holds a valid amount
 */
gboolean
sales_won_dialog_get_amount (SalesWonDialog *self,
                             gint64         *amount_cents)
{
  g_return_val_if_fail (SALES_IS_WON_DIALOG (self), FALSE);
  g_return_val_if_fail (amount_cents != NULL, FALSE);

  return sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                            amount_cents, NULL);
}

void
sales_won_dialog_set_amount_text (SalesWonDialog *self,
                                  const char     *text)
{
  g_return_if_fail (SALES_IS_WON_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text != NULL ? text : "");
}

/**
 * sales_won_dialog_set_offer_contract:
 * @offer: %FALSE when the deal has a contract already
 *
 * Shows or hides the offer to create the deal's contract next.
 */
void
sales_won_dialog_set_offer_contract (SalesWonDialog *self,
                                     gboolean        offer)
{
  g_return_if_fail (SALES_IS_WON_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->contract_check), offer);
}

/**
 * sales_won_dialog_get_create_contract:
 *
 * Returns: whether the user took the offer to create the deal's contract next
 */
gboolean
sales_won_dialog_get_create_contract (SalesWonDialog *self)
{
  g_return_val_if_fail (SALES_IS_WON_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->contract_check)) &&
         gtk_check_button_get_active (self->contract_check);
}

void
sales_won_dialog_set_create_contract (SalesWonDialog *self,
                                      gboolean        create)
{
  g_return_if_fail (SALES_IS_WON_DIALOG (self));

  gtk_check_button_set_active (self->contract_check, create);
}
