/* test-payment-dialog.c: the dialog that records a payment against a contract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-money.h"
#include "sales-payment-dialog.h"

static gint64
fixed_clock (gpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 20, 10, 0, 0);

  return g_date_time_to_unix (now);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gint64
parsed (GtkWidget *row)
{
  gint64 cents = -1;

  g_assert_true (sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &cents, NULL));
  return cents;
}

static void
test_payment_dialog (GuiFixture    *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) customer_draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesContract) draft = sales_contract_new ();
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SalesPayment) first = sales_payment_new ();
  g_autoptr(SalesPayment) payment = NULL;
  g_autoptr(SalesPayment) too_much = NULL;
  SalesPaymentDialog *dialog;
  GtkWidget *amount_row;
  GtkWidget *date_row;
  SalesPaymentPlan *instalment;

  sales_store_set_clock (f->store, fixed_clock, NULL, NULL);
  sales_customer_set_name (customer_draft, "华为");
  customer = sales_store_create (f->store, SALES_RECORD (customer_draft), &error);
  g_assert_no_error (error);

  /* 1 000.00 as 300.00 on 31 March and 700.00 on 30 June; 100.00 received. */
  instalment = sales_payment_plan_new ();
  sales_payment_plan_set_due_on (instalment, "2026-03-31");
  sales_payment_plan_set_amount_cents (instalment, 30000);
  g_ptr_array_add (plan, instalment);
  instalment = sales_payment_plan_new ();
  sales_payment_plan_set_due_on (instalment, "2026-06-30");
  sales_payment_plan_set_amount_cents (instalment, 70000);
  g_ptr_array_add (plan, instalment);
  sales_contract_set_customer_id (draft, sales_record_get_id (SALES_RECORD (customer)));
  sales_contract_set_number (draft, "HT-2026-0001");
  sales_contract_set_amount_cents (draft, 100000);
  sales_contract_set_signed_on (draft, "2026-03-01");
  contract = sales_store_create_contract (f->store, draft, plan, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_no_error (error);
  sales_payment_set_contract_id (first, sales_record_get_id (SALES_RECORD (contract)));
  sales_payment_set_received_on (first, "2026-03-05");
  sales_payment_set_amount_cents (first, 10000);
  g_assert_true (sales_store_record_payment (f->store, first, NULL, &error));
  g_assert_no_error (error);

  dialog = SALES_PAYMENT_DIALOG (sales_payment_dialog_new (NULL, f->store, f->settings,
                                                           contract));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_for_frame (GTK_WIDGET (dialog));
  amount_row = find_entry_row (GTK_WIDGET (dialog), "Amount");
  date_row = find_entry_row (GTK_WIDGET (dialog), "Received On");
  g_assert_nonnull (amount_row);
  g_assert_nonnull (date_row);

  /* 900.00 owed; offered: the rest of the first instalment, 300.00 − 100.00, today. */
  g_assert_cmpint (sales_payment_dialog_get_owed_cents (dialog), ==, 90000);
  g_assert_cmpint (parsed (amount_row), ==, 20000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2026-03-20");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  g_free (gui_test_save_screenshot (GTK_WIDGET (dialog), "payment-dialog"));

  /* More than is owed, or a date that is not one, keeps Record off. */
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "900.01");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "record"));
  too_much = sales_payment_dialog_dup_payment (dialog);
  g_assert_null (too_much);
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "900");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-30");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "record"));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-03-21");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));

  /* What the caller records on "record": the rest, and the contract is paid in full. */
  payment = sales_payment_dialog_dup_payment (dialog);
  g_assert_nonnull (payment);
  g_assert_cmpint (sales_payment_get_amount_cents (payment), ==, 90000);
  g_assert_cmpstr (sales_payment_get_received_on (payment), ==, "2026-03-21");
  g_assert_true (sales_store_record_payment (f->store, payment, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (f->db, "payment"), ==, 2);

  gui_test_destroy_window (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/payment-dialog/record", GuiFixture, NULL,
              gui_fixture_set_up, test_payment_dialog, gui_fixture_tear_down);

  return g_test_run ();
}
