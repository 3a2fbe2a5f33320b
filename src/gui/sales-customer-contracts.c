/* sales-customer-contracts.c: the Contracts section of the customer page
 *
 * One expandable row per contract, the latest signed first: its number,
 * what was paid of its amount ("paid / total") and the next instalment to
 * collect with its state (due in so many days, overdue by so many). The
 * row opens onto the instalments, each paid, partly paid, due or overdue,
 * read when it is first opened so that a customer with many contracts opens
 * as fast as one without. Record Payment and Delete sit on the row, New
 * Contract on the section.
 *
 * The section is read again when a contract, a plan or a payment changes,
 * from here or elsewhere (the Receivables list, an Undo), and when the day
 * the states are judged on has changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-collections.h"
#include "sales-contract-actions.h"
#include "sales-contract-summary.h"
#include "sales-customer-page-private.h"
#include "sales-money.h"

static char *
format_money (SalesCustomerPage *self,
              gint64             cents)
{
  return sales_money_format (cents, sales_settings_get_currency (self->settings));
}

static char *
today (SalesCustomerPage *self)
{
  return sales_local_date (sales_store_now (self->store));
}

static GtkWidget *
row_button (const char *label,
            const char *accessible_name,
            const char *action,
            gint64      contract_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (contract_id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

/* The instalments, as the row is first opened. */
static void
fill_instalments (AdwExpanderRow    *row,
                  GParamSpec        *pspec,
                  SalesCustomerPage *self)
{
  g_autoptr(GArray) instalments = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on = NULL;
  gint64 contract_id;

  if (!adw_expander_row_get_expanded (row) ||
      g_object_get_data (G_OBJECT (row), "filled") != NULL)
    return;

  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  contract_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "contract-id"));
  on = today (self);
  instalments = sales_collections_list_instalments (sales_store_get_db (self->store),
                                                    contract_id, on, &error);
  if (instalments == NULL)
    {
      sales_customer_page_show_error (self, error);
      return;
    }

  if (instalments->len == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No payment plan"));
      adw_expander_row_add_row (row, empty);
      return;
    }

  for (guint i = 0; i < instalments->len; i++)
    {
      const SalesInstalment *instalment = &g_array_index (instalments, SalesInstalment, i);
      g_autofree char *amount = format_money (self, instalment->amount_cents);
      g_autofree char *title = NULL;
      g_autofree char *state = sales_instalment_describe (instalment);
      g_autofree char *subtitle = NULL;
      GtkWidget *line = adw_action_row_new ();
      GtkWidget *state_label = gtk_label_new (state);

      /* TRANSLATORS: an instalment: its due date (YYYY-MM-DD), then its amount */
      title = g_markup_printf_escaped (_("%s · %s"), instalment->due_on, amount);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (line), title);
      if (instalment->state == SALES_INSTALMENT_PARTLY_PAID ||
          (instalment->state == SALES_INSTALMENT_OVERDUE && instalment->paid_cents > 0))
        {
          g_autofree char *paid = format_money (self, instalment->paid_cents);

          /* TRANSLATORS: %s is the part of an instalment paid, such as ¥1,200.00 */
          subtitle = g_markup_printf_escaped (_("%s paid"), paid);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (line), subtitle);
        }

      gtk_widget_add_css_class (state_label, "numeric");
      if (instalment->state == SALES_INSTALMENT_OVERDUE)
        gtk_widget_add_css_class (state_label, "error");
      else if (instalment->state == SALES_INSTALMENT_PAID)
        gtk_widget_add_css_class (state_label, "success");
      else
        gtk_widget_add_css_class (state_label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (line), state_label);
      adw_expander_row_add_row (row, line);
    }
}

static GtkWidget *
create_contract_row (gpointer item,
                     gpointer user_data)
{
  SalesContractSummary *contract = item;
  SalesCustomerPage *self = user_data;
  gint64 id = sales_contract_summary_get_id (contract);
  gint64 amount = sales_contract_summary_get_amount_cents (contract);
  gint64 paid_cents = sales_contract_summary_get_paid_cents (contract);
  const char *next_due_on = sales_contract_summary_get_next_due_on (contract);
  g_autofree char *paid = format_money (self, paid_cents);
  g_autofree char *total = format_money (self, amount);
  g_autofree char *next = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *record_name = NULL;
  g_autofree char *delete_name = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *delete_button;
  gboolean overdue = FALSE;

  if (next_due_on != NULL)
    {
      SalesInstalment instalment = { 0 };
      g_autofree char *on = today (self);
      g_autofree char *state = NULL;
      g_autofree char *left = NULL;

      g_strlcpy (instalment.due_on, next_due_on, sizeof instalment.due_on);
      instalment.amount_cents = sales_contract_summary_get_next_due_cents (contract);
      sales_instalment_fill (&instalment, on);
      overdue = instalment.state == SALES_INSTALMENT_OVERDUE;
      state = sales_instalment_describe (&instalment);
      left = format_money (self, instalment.amount_cents);
      /* TRANSLATORS: the next instalment of a contract: its amount, its due date
       * (YYYY-MM-DD) and its state, such as "Overdue by 3 days" */
      next = g_strdup_printf (_("next %s on %s, %s"), left, next_due_on, state);
    }
  else if (paid_cents >= amount)
    next = g_strdup (_("paid in full"));
  else
    next = g_strdup (_("the rest is not planned yet"));

  /* TRANSLATORS: under a contract's number: when it was signed, what was paid of its
   * amount as "paid / total", and its next instalment */
  subtitle = g_markup_printf_escaped (_("Signed %s · paid %s / %s · %s"),
                                      sales_contract_summary_get_signed_on (contract),
                                      paid, total, next);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 sales_contract_summary_get_number (contract));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (overdue)
    gtk_widget_add_css_class (row, "overdue");

  if (paid_cents < amount)
    {
      /* TRANSLATORS: the accessible name of a button; %s is a contract number */
      record_name = g_strdup_printf (_("Record payment on %s"),
                                     sales_contract_summary_get_number (contract));
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                                   row_button (_("_Record Payment…"), record_name,
                                               "customer.record-payment", id));
    }

  /* TRANSLATORS: the accessible name of a button; %s is a contract number */
  delete_name = g_strdup_printf (_("Delete contract %s"),
                                 sales_contract_summary_get_number (contract));
  delete_button = row_button (NULL, delete_name, "customer.delete-contract", id);
  gtk_button_set_icon_name (GTK_BUTTON (delete_button), "user-trash-symbolic");
  gtk_widget_set_tooltip_text (delete_button, _("Delete Contract"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete_button);

  g_object_set_data (G_OBJECT (row), "contract-id", GSIZE_TO_POINTER ((gsize)id));
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (fill_instalments), self, 0);
  return row;
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

/* The contracts of the page's customer, read again. */
static void
reload_contracts (SalesCustomerPage *self)
{
  g_autoptr(GListModel) contracts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL)
    return;

  contracts = sales_contract_summary_list_for_customer (self->store,
                                                        sales_record_get_id (SALES_RECORD (
                                                                               self->customer)),
                                                        &error);
  if (contracts == NULL)
    sales_customer_page_show_error (self, error);
  gtk_list_box_bind_model (self->contracts_list, contracts, create_contract_row, self, NULL);
}

static void
reload_contracts_idle (gpointer user_data)
{
  SalesCustomerPage *self = user_data;

  self->contracts_reload = 0;
  reload_contracts (self);
}

static void
on_store_changed (SalesCustomerPage *self,
                  SalesRecordKind    kind,
                  gint64             id,
                  SalesChange        change,
                  SalesStore        *store)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  /* An action writes a contract and its instalments: the section is read once, after. */
  if ((kind == SALES_RECORD_CONTRACT || kind == SALES_RECORD_PAYMENT_PLAN ||
       kind == SALES_RECORD_PAYMENT) && self->contracts_reload == 0)
    self->contracts_reload = g_idle_add_once (reload_contracts_idle, self);
}

/**
 * sales_customer_page_load_contracts:
 *
 * Fills the Contracts section for the page's customer and keeps it up to date.
 */
void
sales_customer_page_load_contracts (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (self->customer != NULL);

  gtk_list_box_set_placeholder (self->contracts_list, placeholder (_("No contracts yet")));
  reload_contracts (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (reload_contracts), self,
                           G_CONNECT_SWAPPED);
}

void
sales_customer_page_clear_contracts (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  g_clear_handle_id (&self->contracts_reload, g_source_remove);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, on_store_changed, self);
      g_signal_handlers_disconnect_by_func (self->store, reload_contracts, self);
    }
  if (self->contracts_list != NULL)
    gtk_list_box_bind_model (self->contracts_list, NULL, NULL, NULL, NULL);
}

/* Actions */

static void
new_contract_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);

  if (self->customer != NULL)
    sales_contract_actions_new_contract (widget, self->store, self->settings,
                                         sales_record_get_id (SALES_RECORD (self->customer)),
                                         0);
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);

  sales_contract_actions_record_payment (widget, self->store, self->settings,
                                         g_variant_get_int64 (param));
}

static void
delete_contract_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);

  sales_contract_actions_delete (widget, self->store, self->settings,
                                 g_variant_get_int64 (param));
}

void
sales_customer_page_class_add_contract_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "customer.new-contract", NULL,
                                   new_contract_action);
  gtk_widget_class_install_action (widget_class, "customer.record-payment", "x",
                                   record_payment_action);
  gtk_widget_class_install_action (widget_class, "customer.delete-contract", "x",
                                   delete_contract_action);
}
