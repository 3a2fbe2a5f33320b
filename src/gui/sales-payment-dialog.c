/* sales-payment-dialog.c: asks for a payment received against a contract
 *
 * Offers what is most likely to come in: the rest of the oldest instalment
 * not yet paid, received today. "Record" stays off while the amount or the
 * date is not valid or the amount is more than the contract still owes, so
 * the store's refusal of over-payment is seen before it is met. As with the
 * won dialog, the dialog only asks; the caller records the payment on
 * "record" with sales_store_record_payment().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-collections.h"
#include "sales-money.h"
#include "sales-payment-dialog.h"

struct _SalesPaymentDialog
{
  AdwMessageDialog  parent_instance;

  SalesStore       *store;
  SalesSettings    *settings;
  SalesContract    *contract;
  gint64            owed_cents;

  AdwEntryRow      *amount_row;
  AdwEntryRow      *date_row;
  AdwEntryRow      *method_row;
  AdwEntryRow      *note_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SalesPaymentDialog, sales_payment_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CONTRACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mark_row (AdwEntryRow *row,
          gboolean     valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

/* Returns the message that keeps "Record" off, or %NULL. */
static char *
check (SalesPaymentDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean date_valid = sales_iso_date_is_valid (date);
  gint64 cents = 0;
  gboolean amount_valid;

  amount_valid = sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                                    &cents, &error);
  mark_row (self->date_row, date_valid);

  if (!amount_valid)
    {
      mark_row (self->amount_row, FALSE);
      return g_strdup (error->message);
    }

  mark_row (self->amount_row, cents > 0 && cents <= self->owed_cents);

  if (cents <= 0)
    return g_strdup (_("A payment must be more than zero"));

  if (cents > self->owed_cents)
    {
      g_autofree char *owed = sales_money_format (self->owed_cents,
                                                  sales_settings_get_currency (self->settings));

      /* TRANSLATORS: %s is an amount of money such as ¥1,200.00 */
      return g_strdup_printf (_("Only %s is still owed on this contract"), owed);
    }

  if (!date_valid)
    return g_strdup (_("Write the date as YYYY-MM-DD, such as 2026-03-31"));

  return NULL;
}

static void
on_changed (SalesPaymentDialog *self)
{
  g_autofree char *message = NULL;

  g_assert (SALES_IS_PAYMENT_DIALOG (self));

  message = check (self);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record", message == NULL);
}

/* The rest of the oldest instalment not yet paid, or of the contract when
 * its plan does not cover what is owed. */
static gint64
suggested_cents (SalesPaymentDialog *self,
                 const char         *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) instalments = NULL;

  instalments = sales_collections_list_instalments (sales_store_get_db (self->store),
                                                    sales_record_get_id (SALES_RECORD (
                                                                           self->contract)),
                                                    "9999-12-31", &error);
  if (instalments == NULL)
    {
      g_warning ("Cannot read the payment plan: %s", error->message);
      return self->owed_cents;
    }

  for (guint i = 0; i < instalments->len; i++)
    {
      const SalesInstalment *instalment = &g_array_index (instalments, SalesInstalment, i);

      if (instalment->paid_cents < instalment->amount_cents)
        return MIN (instalment->amount_cents - instalment->paid_cents, self->owed_cents);
    }

  return self->owed_cents;
}

static void
sales_payment_dialog_constructed (GObject *object)
{
  SalesPaymentDialog *self = (SalesPaymentDialog *)object;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  g_autofree char *owed = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;
  gint64 paid = 0;

  G_OBJECT_CLASS (sales_payment_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);
  g_assert (self->contract != NULL);

  payments = sales_store_list_payments (self->store,
                                        sales_record_get_id (SALES_RECORD (self->contract)),
                                        &error);
  if (payments == NULL)
    g_warning ("Cannot read the payments of a contract: %s", error->message);
  for (guint i = 0; payments != NULL && i < payments->len; i++)
    paid += sales_payment_get_amount_cents (g_ptr_array_index (payments, i));
  self->owed_cents = MAX (0, sales_contract_get_amount_cents (self->contract) - paid);

  owed = sales_money_format (self->owed_cents, sales_settings_get_currency (self->settings));
  /* TRANSLATORS: the first %s is a contract number, the second an amount such as ¥1,200.00 */
  body = g_strdup_printf (_("Contract %s: %s still owed."),
                          sales_contract_get_number (self->contract), owed);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  /* TRANSLATORS: the title of the amount field; %s is a currency code such as CNY */
  title = g_strdup_printf (_("Amount (%s)"), sales_settings_get_currency (self->settings));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  today = sales_local_date (sales_store_now (self->store));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  amount = sales_money_format_plain (suggested_cents (self, today));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  on_changed (self);
}

static void
sales_payment_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_PAYMENT_DIALOG);

  G_OBJECT_CLASS (sales_payment_dialog_parent_class)->dispose (object);
}

static void
sales_payment_dialog_finalize (GObject *object)
{
  SalesPaymentDialog *self = (SalesPaymentDialog *)object;

  g_clear_object (&self->contract);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_payment_dialog_parent_class)->finalize (object);
}

static void
sales_payment_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SalesPaymentDialog *self = SALES_PAYMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CONTRACT:
      g_value_set_object (value, self->contract);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_payment_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SalesPaymentDialog *self = SALES_PAYMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CONTRACT:
      self->contract = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_payment_dialog_class_init (SalesPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_payment_dialog_constructed;
  object_class->dispose = sales_payment_dialog_dispose;
  object_class->finalize = sales_payment_dialog_finalize;
  object_class->get_property = sales_payment_dialog_get_property;
  object_class->set_property = sales_payment_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONTRACT] =
    g_param_spec_object ("contract", NULL, NULL,
                         SALES_TYPE_CONTRACT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesPaymentDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPaymentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPaymentDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPaymentDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPaymentDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
sales_payment_dialog_init (SalesPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_payment_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 */
GtkWidget *
sales_payment_dialog_new (GtkWindow     *parent,
                          SalesStore    *store,
                          SalesSettings *settings,
                          SalesContract *contract)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SALES_IS_CONTRACT (contract), NULL);

  return g_object_new (SALES_TYPE_PAYMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "settings", settings,
                       "contract", contract,
                       NULL);
}

SalesContract *
sales_payment_dialog_get_contract (SalesPaymentDialog *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT_DIALOG (self), NULL);

  return self->contract;
}

/* What the contract still owed when the dialog opened. */
gint64
sales_payment_dialog_get_owed_cents (SalesPaymentDialog *self)
{
  g_return_val_if_fail (SALES_IS_PAYMENT_DIALOG (self), 0);

  return self->owed_cents;
}

/**
 * sales_payment_dialog_dup_payment:
 *
 * Returns: (transfer full) (nullable): a draft for sales_store_record_payment(),
 *   or %NULL while the fields are not valid
 */
SalesPayment *
sales_payment_dialog_dup_payment (SalesPaymentDialog *self)
{
  g_autoptr(SalesPayment) draft = NULL;
  g_autofree char *message = NULL;
  gint64 cents = 0;

  g_return_val_if_fail (SALES_IS_PAYMENT_DIALOG (self), NULL);

  message = check (self);
  if (message != NULL ||
      !sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &cents, NULL))
    return NULL;

  draft = sales_payment_new ();
  sales_payment_set_contract_id (draft, sales_record_get_id (SALES_RECORD (self->contract)));
  sales_payment_set_received_on (draft, gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  sales_payment_set_amount_cents (draft, cents);
  sales_payment_set_method (draft, gtk_editable_get_text (GTK_EDITABLE (self->method_row)));
  sales_payment_set_note (draft, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  return g_steal_pointer (&draft);
}
