/* sales-contract-dialog.c: asks for a new contract and its payment plan
 *
 * Offered once a deal is won, or from a customer: the number, amount and
 * signing day come filled in (the next free number, the deal's amount,
 * today), and the plan is made by a rule as the user chooses it, one
 * payment, equal monthly instalments or a deposit and the balance. The
 * instalments the rule gives are shown as they change, split to the cent
 * by sales_payment_plan_split(), so they always add up to the amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-collections.h"
#include "sales-contract-dialog.h"
#include "sales-money.h"

struct _SalesContractDialog
{
  AdwMessageDialog  parent_instance;

  SalesStore       *store;
  SalesSettings    *settings;
  gint64            customer_id;
  gint64            deal_id;

  AdwEntryRow      *number_row;
  AdwEntryRow      *amount_row;
  AdwEntryRow      *signed_row;
  AdwComboRow      *rule_row;
  AdwActionRow     *count_row;
  GtkSpinButton    *count_spin;
  AdwActionRow     *percent_row;
  GtkSpinButton    *percent_spin;
  AdwEntryRow      *first_due_row;
  AdwEntryRow      *balance_due_row;
  GtkLabel         *plan_label;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (SalesContractDialog, sales_contract_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CUSTOMER_ID,
  PROP_DEAL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static SalesPlanRule
get_rule (SalesContractDialog *self)
{
  return (SalesPlanRule)adw_combo_row_get_selected (self->rule_row);
}

/* Returns the plan the fields make, or %NULL with @error set. */
static GPtrArray *
make_plan (SalesContractDialog  *self,
           GError              **error)
{
  SalesPlanSpec spec = { 0 };
  gint64 cents = 0;

  if (!sales_money_parse (text_of (self->amount_row), &cents, error))
    return NULL;

  spec.rule = get_rule (self);
  spec.n_instalments = (guint)gtk_spin_button_get_value_as_int (self->count_spin);
  spec.deposit_percent = (guint)gtk_spin_button_get_value_as_int (self->percent_spin);
  spec.first_due_on = text_of (self->first_due_row);
  spec.balance_due_on = text_of (self->balance_due_row);

  return sales_payment_plan_split (cents, &spec, error);
}

static char *
describe_plan (SalesContractDialog *self,
               GPtrArray           *plan)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      SalesPaymentPlan *instalment = g_ptr_array_index (plan, i);
      g_autofree char *amount = NULL;

      amount = sales_money_format (sales_payment_plan_get_amount_cents (instalment),
                                   sales_settings_get_currency (self->settings));
      g_string_append_printf (text, "%s%s  %s", i > 0 ? "\n" : "",
                              sales_payment_plan_get_due_on (instalment), amount);
    }

  return g_string_free (text, FALSE);
}

static void
on_changed (SalesContractDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *description = NULL;
  const char *message = NULL;
  SalesPlanRule rule;

  g_assert (SALES_IS_CONTRACT_DIALOG (self));

  rule = get_rule (self);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), rule == SALES_PLAN_RULE_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_row), rule == SALES_PLAN_RULE_DEPOSIT);
  gtk_widget_set_visible (GTK_WIDGET (self->balance_due_row), rule == SALES_PLAN_RULE_DEPOSIT);

  plan = make_plan (self, &error);
  if (sales_text_is_blank (text_of (self->number_row)))
    message = _("A contract needs a number");
  else if (!sales_iso_date_is_valid (text_of (self->signed_row)))
    message = _("Write the date it was signed as YYYY-MM-DD, such as 2026-03-31");
  else if (plan == NULL)
    message = error->message;

  if (plan != NULL)
    description = describe_plan (self, plan);
  gtk_label_set_label (self->plan_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->plan_label), description != NULL);

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", message == NULL);
}

static void
sales_contract_dialog_constructed (GObject *object)
{
  SalesContractDialog *self = (SalesContractDialog *)object;
  g_autoptr(SalesContract) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *amount = NULL;

  G_OBJECT_CLASS (sales_contract_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  /* TRANSLATORS: the title of the amount field; %s is a currency code such as CNY */
  title = g_strdup_printf (_("Amount (%s)"), sales_settings_get_currency (self->settings));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  draft = sales_store_new_contract_draft (self->store, self->customer_id, self->deal_id, &error);
  if (draft == NULL)
    {
      g_warning ("Cannot start a contract: %s", error->message);
      draft = sales_contract_new ();
    }
  else
    self->customer_id = sales_contract_get_customer_id (draft);

  if (self->deal_id > 0)
    {
      g_autoptr(SalesDeal) deal = sales_store_get_deal (self->store, self->deal_id, NULL);
      g_autofree char *body = NULL;

      if (deal != NULL)
        {
          /* TRANSLATORS: %s is the title of a deal */
          body = g_strdup_printf (_("The contract for “%s” and when it is to be paid."),
                                  sales_deal_get_title (deal));
          adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
        }
    }

  amount = sales_money_format_plain (sales_contract_get_amount_cents (draft));
  gtk_editable_set_text (GTK_EDITABLE (self->number_row),
                         sales_contract_get_number (draft) ? sales_contract_get_number (draft)
                                                           : "");
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  gtk_editable_set_text (GTK_EDITABLE (self->signed_row),
                         sales_contract_get_signed_on (draft) ? sales_contract_get_signed_on (draft)
                                                              : "");
  gtk_editable_set_text (GTK_EDITABLE (self->first_due_row), text_of (self->signed_row));
  gtk_editable_set_text (GTK_EDITABLE (self->balance_due_row), text_of (self->signed_row));
  on_changed (self);
}

static void
sales_contract_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_CONTRACT_DIALOG);

  G_OBJECT_CLASS (sales_contract_dialog_parent_class)->dispose (object);
}

static void
sales_contract_dialog_finalize (GObject *object)
{
  SalesContractDialog *self = (SalesContractDialog *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_contract_dialog_parent_class)->finalize (object);
}

static void
sales_contract_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SalesContractDialog *self = SALES_CONTRACT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_contract_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SalesContractDialog *self = SALES_CONTRACT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_contract_dialog_class_init (SalesContractDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_contract_dialog_constructed;
  object_class->dispose = sales_contract_dialog_dispose;
  object_class->finalize = sales_contract_dialog_finalize;
  object_class->get_property = sales_contract_dialog_get_property;
  object_class->set_property = sales_contract_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The customer; 0 to take the deal's. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The won deal; 0 for a contract made on the customer. */
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-contract-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, signed_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, first_due_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, balance_due_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, plan_label);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
}

static void
sales_contract_dialog_init (SalesContractDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_contract_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @customer_id: the customer; 0 to take the deal's
 * @deal_id: the won deal, or 0
 */
GtkWidget *
sales_contract_dialog_new (GtkWindow     *parent,
                           SalesStore    *store,
                           SalesSettings *settings,
                           gint64         customer_id,
                           gint64         deal_id)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (customer_id > 0 || deal_id > 0, NULL);

  return g_object_new (SALES_TYPE_CONTRACT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "store", store,
                       "settings", settings,
                       "customer-id", customer_id,
                       "deal-id", deal_id,
                       NULL);
}

/**
 * sales_contract_dialog_dup_contract:
 *
 * Returns: (transfer full): a draft of the contract as the fields say
 */
SalesContract *
sales_contract_dialog_dup_contract (SalesContractDialog *self)
{
  g_autoptr(SalesContract) draft = sales_contract_new ();
  gint64 cents = 0;

  g_return_val_if_fail (SALES_IS_CONTRACT_DIALOG (self), NULL);

  sales_money_parse (text_of (self->amount_row), &cents, NULL);
  sales_contract_set_customer_id (draft, self->customer_id);
  sales_contract_set_deal_id (draft, self->deal_id);
  sales_contract_set_number (draft, text_of (self->number_row));
  sales_contract_set_amount_cents (draft, cents);
  sales_contract_set_signed_on (draft, text_of (self->signed_row));

  return g_steal_pointer (&draft);
}

/**
 * sales_contract_dialog_dup_plan:
 *
 * Returns: (transfer full) (nullable) (element-type SalesPaymentPlan): the
 *   instalments the rule gives, or %NULL while the fields are not valid
 */
GPtrArray *
sales_contract_dialog_dup_plan (SalesContractDialog *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_DIALOG (self), NULL);

  return make_plan (self, NULL);
}

/**
 * sales_contract_dialog_create:
 *
 * What the caller does on "create": writes the contract and its plan in
 * one undoable action.
 *
 * Returns: (transfer full): the new contract, or %NULL with @error set
 */
SalesContract *
sales_contract_dialog_create (SalesContractDialog  *self,
                              GError              **error)
{
  g_autoptr(SalesContract) draft = NULL;
  g_autoptr(GPtrArray) plan = NULL;

  g_return_val_if_fail (SALES_IS_CONTRACT_DIALOG (self), NULL);

  plan = make_plan (self, error);
  if (plan == NULL)
    return NULL;

  draft = sales_contract_dialog_dup_contract (self);
  return sales_store_create_contract (self->store, draft, plan, SALES_PLAN_FLAGS_NONE, error);
}
