/* sales-contract-dialog.c: asks for a new contract and its payment plan
 *
 * Offered once a deal is won, or from a customer: the number, amount and
 * signing day come filled in (the next free number, the deal's amount,
 * today), and the plan is made by a rule as the user chooses it, one
 * payment, equal monthly instalments or a deposit and the balance, split to
 * the cent by sales_payment_plan_split(). The instalments the rule gives are
 * rows the user may then change, remove or add to; a change to the rule
 * makes them again. The line under them says how their sum differs from
 * the amount: a plan above the amount keeps Create off, and one below it
 * only goes through when the user ticks that it is a partial plan.
 *
 * AdwMessageDialog closes on any response, so whatever the store would
 * refuse (a number already taken included) keeps Create off beforehand.
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
  AdwEntryRow      *notes_row;
  AdwComboRow      *rule_row;
  AdwActionRow     *count_row;
  GtkSpinButton    *count_spin;
  AdwActionRow     *percent_row;
  GtkSpinButton    *percent_spin;
  AdwEntryRow      *first_due_row;
  AdwEntryRow      *balance_due_row;
  GtkListBox       *plan_list;
  GtkLabel         *plan_label;
  GtkCheckButton   *partial_check;
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

static void on_plan_edited (SalesContractDialog *self);

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static SalesPlanRule
get_rule (SalesContractDialog *self)
{
  return (SalesPlanRule)adw_combo_row_get_selected (self->rule_row);
}

static char *
format_money (SalesContractDialog *self,
              gint64               cents)
{
  return sales_money_format (cents, sales_settings_get_currency (self->settings));
}

/* The instalment rows */

static void
renumber_rows (SalesContractDialog *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *number = NULL;
      g_autofree char *due_name = NULL;
      g_autofree char *amount_name = NULL;
      g_autofree char *remove_name = NULL;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;

      n++;
      number = g_strdup_printf ("%u.", n);
      /* TRANSLATORS: accessible names of the fields of the instalment numbered %u */
      due_name = g_strdup_printf (_("Instalment %u due on"), n);
      amount_name = g_strdup_printf (_("Instalment %u amount"), n);
      remove_name = g_strdup_printf (_("Remove instalment %u"), n);
      gtk_label_set_label (g_object_get_data (G_OBJECT (row), "number"), number);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), "due"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, due_name, -1);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), "amount"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, amount_name, -1);
      gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), "remove"),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
    }
}

static void
on_remove_clicked (GtkButton           *button,
                   SalesContractDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  g_assert (SALES_IS_CONTRACT_DIALOG (self));

  gtk_list_box_remove (self->plan_list, row);
  renumber_rows (self);
  on_plan_edited (self);
}

static void
append_row (SalesContractDialog *self,
            const char          *due_on,
            gint64               cents)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *due = gtk_entry_new ();
  GtkWidget *amount = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *amount_text = sales_money_format_plain (cents);
  GtkWidget *row;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_width_chars (GTK_LABEL (number), 3);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_widget_add_css_class (number, "numeric");
  gtk_editable_set_width_chars (GTK_EDITABLE (due), 10);
  gtk_entry_set_placeholder_text (GTK_ENTRY (due), "YYYY-MM-DD");
  gtk_entry_set_activates_default (GTK_ENTRY (due), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (due), due_on);
  gtk_widget_set_hexpand (amount, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (amount), 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (GTK_ENTRY (amount), TRUE);
  gtk_editable_set_alignment (GTK_EDITABLE (amount), 1.0);
  gtk_editable_set_text (GTK_EDITABLE (amount), amount_text);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Instalment"));

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), due);
  gtk_box_append (GTK_BOX (box), amount);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_append (self->plan_list, box);

  row = gtk_widget_get_parent (box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "number", number);
  g_object_set_data (G_OBJECT (row), "due", due);
  g_object_set_data (G_OBJECT (row), "amount", amount);
  g_object_set_data (G_OBJECT (row), "remove", remove);

  g_signal_connect_object (due, "changed", G_CALLBACK (on_plan_edited), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (amount, "changed", G_CALLBACK (on_plan_edited), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
}

static void
remove_rows (SalesContractDialog *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list))) != NULL)
    gtk_list_box_remove (self->plan_list, row);
}

/* Reads the rows into a plan; %NULL with @error set when one is not valid. */
static GPtrArray *
read_rows (SalesContractDialog  *self,
           GError              **error)
{
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->plan_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr(SalesPaymentPlan) instalment = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *due_on;
      gint64 cents = 0;

      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;

      n++;
      due_on = text_of (g_object_get_data (G_OBJECT (row), "due"));
      if (!sales_iso_date_is_valid (due_on))
        {
          g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                       /* TRANSLATORS: %u numbers an instalment of the plan */
                       _("Instalment %u: write the date as YYYY-MM-DD, such as 2026-03-31"), n);
          return NULL;
        }

      if (!sales_money_parse (text_of (g_object_get_data (G_OBJECT (row), "amount")), &cents,
                              &local_error))
        {
          /* TRANSLATORS: %u numbers an instalment; %s says what is wrong with its amount */
          g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("Instalment %u: %s"), n,
                       local_error->message);
          return NULL;
        }

      if (cents <= 0)
        {
          g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                       _("Instalment %u must be more than zero"), n);
          return NULL;
        }

      instalment = sales_payment_plan_new ();
      sales_payment_plan_set_due_on (instalment, due_on);
      sales_payment_plan_set_amount_cents (instalment, cents);
      g_ptr_array_add (plan, g_steal_pointer (&instalment));
    }

  return g_steal_pointer (&plan);
}

/* Checking */

static gboolean
number_taken (SalesContractDialog *self,
              const char          *number)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (number));

  return sales_store_contract_number_exists (self->store, trimmed);
}

/* Says how the plan's sum differs from @amount; returns whether Create may go on. */
static gboolean
describe_difference (SalesContractDialog *self,
                     gint64               amount,
                     gint64               sum,
                     guint                n_instalments)
{
  g_autofree char *sum_text = format_money (self, sum);
  g_autofree char *difference = format_money (self, ABS (amount - sum));
  g_autofree char *text = NULL;
  gboolean partial = sum < amount;

  if (sum == amount)
    /* TRANSLATORS: %s is an amount of money such as ¥1,200.00 */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u instalment, %s: the whole amount",
                                         "%u instalments, %s: the whole amount",
                                         n_instalments),
                            n_instalments, sum_text);
  else if (sum > amount)
    /* TRANSLATORS: both %s are amounts of money such as ¥1,200.00 */
    text = g_strdup_printf (_("The instalments add up to %s, %s more than the amount"),
                            sum_text, difference);
  else
    text = g_strdup_printf (_("The instalments add up to %s, %s less than the amount"),
                            sum_text, difference);

  gtk_label_set_label (self->plan_label, text);
  if (sum == amount)
    gtk_widget_remove_css_class (GTK_WIDGET (self->plan_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->plan_label), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->partial_check), partial);

  return sum == amount || (partial && gtk_check_button_get_active (self->partial_check));
}

static void
on_plan_edited (SalesContractDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  const char *message = NULL;
  gint64 amount = 0;
  gboolean amount_valid;
  gboolean plan_valid = FALSE;

  g_assert (SALES_IS_CONTRACT_DIALOG (self));

  amount_valid = sales_money_parse (text_of (self->amount_row), &amount, &error);
  plan = read_rows (self, amount_valid ? &error : NULL);
  if (amount_valid && plan != NULL)
    plan_valid = describe_difference (self, amount, sales_payment_plan_sum (plan), plan->len);
  else
    {
      gtk_label_set_label (self->plan_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->partial_check), FALSE);
    }

  if (sales_text_is_blank (text_of (self->number_row)))
    message = _("A contract needs a number");
  else if (number_taken (self, text_of (self->number_row)))
    message = _("There is already a contract with this number");
  else if (!sales_iso_date_is_valid (text_of (self->signed_row)))
    message = _("Write the date it was signed as YYYY-MM-DD, such as 2026-03-31");
  else if (error != NULL)
    message = error->message;
  else if (!plan_valid && amount_valid && plan != NULL &&
           sales_payment_plan_sum (plan) < amount)
    message = _("Plan the whole amount, or tick that this is a partial plan");
  else if (!plan_valid)
    message = _("Take instalments off until they add up to the amount");

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", message == NULL);
}

/* A change to the amount or the rule makes the instalments again. */
static void
on_rule_changed (SalesContractDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  SalesPlanSpec spec = { 0 };
  SalesPlanRule rule;
  gint64 cents = 0;

  g_assert (SALES_IS_CONTRACT_DIALOG (self));

  rule = get_rule (self);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), rule == SALES_PLAN_RULE_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_row), rule == SALES_PLAN_RULE_DEPOSIT);
  gtk_widget_set_visible (GTK_WIDGET (self->balance_due_row), rule == SALES_PLAN_RULE_DEPOSIT);

  remove_rows (self);

  spec.rule = rule;
  spec.n_instalments = (guint)gtk_spin_button_get_value_as_int (self->count_spin);
  spec.deposit_percent = (guint)gtk_spin_button_get_value_as_int (self->percent_spin);
  spec.first_due_on = text_of (self->first_due_row);
  spec.balance_due_on = text_of (self->balance_due_row);

  if (sales_money_parse (text_of (self->amount_row), &cents, NULL))
    plan = sales_payment_plan_split (cents, &spec, &error);

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      SalesPaymentPlan *instalment = g_ptr_array_index (plan, i);

      append_row (self, sales_payment_plan_get_due_on (instalment),
                  sales_payment_plan_get_amount_cents (instalment));
    }
  renumber_rows (self);
  gtk_check_button_set_active (self->partial_check, FALSE);
  on_plan_edited (self);

  /* What the rule could not make (an amount too small to split, a bad day). */
  if (error != NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", FALSE);
    }
}

static void
on_add_clicked (SalesContractDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  const char *due_on = text_of (self->first_due_row);
  gint64 amount = 0;
  gint64 left = 0;

  g_assert (SALES_IS_CONTRACT_DIALOG (self));

  /* The new row offers what is left to plan, a month after the last one. */
  plan = read_rows (self, NULL);
  if (sales_money_parse (text_of (self->amount_row), &amount, NULL) && plan != NULL)
    left = MAX (0, amount - sales_payment_plan_sum (plan));

  if (plan != NULL && plan->len > 0)
    {
      SalesPaymentPlan *last = g_ptr_array_index (plan, plan->len - 1);
      SalesPlanSpec spec = { SALES_PLAN_RULE_MONTHLY, 2, 0,
                             sales_payment_plan_get_due_on (last), NULL };
      g_autoptr(GPtrArray) next = sales_payment_plan_split (2, &spec, NULL);

      if (next != NULL)
        due_on = sales_payment_plan_get_due_on (g_ptr_array_index (next, 1));
    }

  append_row (self, sales_iso_date_is_valid (due_on) ? due_on : "", left);
  renumber_rows (self);
  on_plan_edited (self);
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
  on_rule_changed (self);
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
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, first_due_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, balance_due_row);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, plan_list);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, plan_label);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, partial_check);
  gtk_widget_class_bind_template_child (widget_class, SalesContractDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_rule_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_edited);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
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
  if (!sales_text_is_blank (text_of (self->notes_row)))
    sales_contract_set_notes (draft, text_of (self->notes_row));

  return g_steal_pointer (&draft);
}

/**
 * sales_contract_dialog_dup_plan:
 *
 * Returns: (transfer full) (nullable) (element-type SalesPaymentPlan): the
 *   instalments as the rows say, or %NULL while one of them is not valid
 */
GPtrArray *
sales_contract_dialog_dup_plan (SalesContractDialog *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_DIALOG (self), NULL);

  return read_rows (self, NULL);
}

/**
 * sales_contract_dialog_get_partial:
 *
 * Returns: whether the user accepted a plan that covers less than the amount
 */
gboolean
sales_contract_dialog_get_partial (SalesContractDialog *self)
{
  g_return_val_if_fail (SALES_IS_CONTRACT_DIALOG (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->partial_check)) &&
         gtk_check_button_get_active (self->partial_check);
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

  plan = read_rows (self, error);
  if (plan == NULL)
    return NULL;

  draft = sales_contract_dialog_dup_contract (self);
  return sales_store_create_contract (self->store, draft, plan,
                                      sales_contract_dialog_get_partial (self)
                                      ? SALES_PLAN_PARTIAL_ALLOWED : SALES_PLAN_FLAGS_NONE,
                                      error);
}
