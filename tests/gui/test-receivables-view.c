/* test-receivables-view.c: the Receivables list with Record Payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-payment-dialog.h"
#include "sales-receivables-view.h"

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

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
remember_customer (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  *(gint64 *)user_data = g_variant_get_int64 (param);
}

static SalesContract *
add_contract (GuiFixture *f,
              gint64      customer_id,
              const char *number,
              const char *due_on,
              gint64      amount_cents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesContract) draft = sales_contract_new ();
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  SalesPaymentPlan *instalment = sales_payment_plan_new ();
  SalesContract *contract;

  sales_payment_plan_set_due_on (instalment, due_on);
  sales_payment_plan_set_amount_cents (instalment, amount_cents);
  g_ptr_array_add (plan, instalment);
  sales_contract_set_customer_id (draft, customer_id);
  sales_contract_set_number (draft, number);
  sales_contract_set_amount_cents (draft, amount_cents);
  sales_contract_set_signed_on (draft, "2026-01-05");
  contract = sales_store_create_contract (f->store, draft, plan, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return contract;
}

static void
test_receivables_view (GuiFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) rep_draft = sales_rep_new ();
  g_autoptr(SalesRep) rep = NULL;
  g_autoptr(SalesCustomer) customer_draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesContract) late = NULL;
  g_autoptr(SalesContract) soon = NULL;
  g_autoptr(SalesContract) later = NULL;
  SalesReceivablesView *view;
  SalesReceivables *list;
  GtkWindow *window;
  GtkWindow *dialog;
  GtkWidget *amount_row;
  g_autoptr(GSimpleActionGroup) win_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) show_customer = g_simple_action_new ("show-customer",
                                                                G_VARIANT_TYPE_INT64);
  gint64 shown_customer = 0;

  sales_store_set_clock (f->store, fixed_clock, NULL, NULL);
  sales_rep_set_name (rep_draft, "Zhang Wei");
  rep = sales_store_create (f->store, SALES_RECORD (rep_draft), &error);
  g_assert_no_error (error);
  sales_customer_set_name (customer_draft, "华为");
  sales_customer_set_owner_id (customer_draft, sales_record_get_id (SALES_RECORD (rep)));
  customer = sales_store_create (f->store, SALES_RECORD (customer_draft), &error);
  g_assert_no_error (error);

  /* Today is 20 March: 800.00 due on 1 March is late, 200.00 on 31 March
   * is due soon, 500.00 on 30 June is further than 30 days away. */
  late = add_contract (f, sales_record_get_id (SALES_RECORD (customer)), "HT-2026-0001",
                       "2026-03-01", 80000);
  soon = add_contract (f, sales_record_get_id (SALES_RECORD (customer)), "HT-2026-0002",
                       "2026-03-31", 20000);
  later = add_contract (f, sales_record_get_id (SALES_RECORD (customer)), "HT-2026-0003",
                        "2026-06-30", 50000);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 720, 420);
  view = SALES_RECEIVABLES_VIEW (sales_receivables_view_new (f->store, f->settings));
  gtk_window_set_child (window, GTK_WIDGET (view));
  g_signal_connect (show_customer, "activate", G_CALLBACK (remember_customer), &shown_customer);
  g_action_map_add_action (G_ACTION_MAP (win_actions), G_ACTION (show_customer));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (win_actions));
  gtk_window_present (window);
  gui_test_wait_for_frame (GTK_WIDGET (view));

  list = sales_receivables_view_get_list (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpint (sales_receivables_get_outstanding_cents (list), ==, 100000);
  g_assert_cmpint (sales_receivables_get_overdue_cents (list), ==, 80000);
  g_free (gui_test_save_screenshot (GTK_WIDGET (window), "receivables-view"));

  /* Enter on a row opens its customer. */
  g_signal_emit_by_name (find_list_view (GTK_WIDGET (view)), "activate", 1);
  g_assert_cmpint (shown_customer, ==, sales_record_get_id (SALES_RECORD (customer)));

  /* Record Payment on the late one: the whole 800.00 is offered; recording
   * it takes the row away. */
  sales_receivables_view_record_payment (view, sales_record_get_id (SALES_RECORD (late)));
  dialog = sales_receivables_view_get_dialog (view);
  g_assert_true (SALES_IS_PAYMENT_DIALOG (dialog));
  amount_row = find_entry_row (GTK_WIDGET (dialog), "Amount");
  g_assert_nonnull (amount_row);
  g_assert_cmpint (sales_payment_dialog_get_owed_cents (SALES_PAYMENT_DIALOG (dialog)), ==, 80000);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  g_assert_null (sales_receivables_view_get_dialog (view));

  g_assert_cmpint (sales_db_count (f->db, "payment"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (sales_receivables_get_outstanding_cents (list), ==, 20000);
  g_assert_cmpint (sales_receivables_get_overdue_cents (list), ==, 0);

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/receivables-view/record", GuiFixture, NULL,
              gui_fixture_set_up, test_receivables_view, gui_fixture_tear_down);

  return g_test_run ();
}
