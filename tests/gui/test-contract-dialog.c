/* test-contract-dialog.c: the dialog that makes a contract and its payment plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-contract-dialog.h"
#include "sales-money.h"

#define STAGE_WON 6

static gint64
fixed_clock (gpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 20, 10, 0, 0);

  return g_date_time_to_unix (now);
}

/* The first descendant of @widget of @type whose row title starts with @title. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_spin (GtkWidget *widget)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_spin (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
assert_instalment (GPtrArray  *plan,
                   guint       index,
                   const char *due_on,
                   gint64      amount_cents)
{
  SalesPaymentPlan *instalment = g_ptr_array_index (plan, index);

  g_assert_cmpstr (sales_payment_plan_get_due_on (instalment), ==, due_on);
  g_assert_cmpint (sales_payment_plan_get_amount_cents (instalment), ==, amount_cents);
}

static void
test_contract_dialog (GuiFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) customer_draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesDeal) deal_draft = sales_deal_new ();
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(SalesContract) contract = NULL;
  SalesContractDialog *dialog;
  GtkWidget *number_row;
  GtkWidget *amount_row;
  GtkWidget *signed_row;
  GtkWidget *first_due_row;
  GtkWidget *rule_row;
  GtkWidget *count_row;
  gint64 cents = 0;

  sales_store_set_clock (f->store, fixed_clock, NULL, NULL);
  sales_customer_set_name (customer_draft, "华为");
  customer = sales_store_create (f->store, SALES_RECORD (customer_draft), &error);
  g_assert_no_error (error);
  sales_deal_set_customer_id (deal_draft, sales_record_get_id (SALES_RECORD (customer)));
  sales_deal_set_stage_id (deal_draft, STAGE_WON);
  sales_deal_set_title (deal_draft, "ERP");
  sales_deal_set_amount_cents (deal_draft, 10000);
  deal = sales_store_create (f->store, SALES_RECORD (deal_draft), &error);
  g_assert_no_error (error);

  dialog = SALES_CONTRACT_DIALOG (sales_contract_dialog_new (NULL, f->store, f->settings, 0,
                                                             sales_record_get_id (
                                                               SALES_RECORD (deal))));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_for_frame (GTK_WIDGET (dialog));
  number_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Number");
  amount_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Amount");
  signed_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Signed On");
  first_due_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "First Due On");
  rule_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Payment Plan");
  count_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "Instalments");
  g_assert_nonnull (number_row);
  g_assert_nonnull (amount_row);
  g_assert_nonnull (signed_row);
  g_assert_nonnull (first_due_row);
  g_assert_nonnull (rule_row);
  g_assert_nonnull (count_row);

  /* From the won deal: the first number of 2026, its 100.00, signed today. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (number_row)), ==, "HT-2026-0001");
  g_assert_true (sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (amount_row)), &cents,
                                    NULL));
  g_assert_cmpint (cents, ==, 10000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (signed_row)), ==, "2026-03-20");
  g_assert_false (gtk_widget_get_visible (count_row));

  /* Three monthly instalments from 31 March: 33.33, 33.33 and 33.34 on
   * 31 March, 30 April (no 31st) and 31 May. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rule_row), SALES_PLAN_RULE_MONTHLY);
  g_assert_true (gtk_widget_get_visible (count_row));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_spin (count_row)), 3);
  gtk_editable_set_text (GTK_EDITABLE (first_due_row), "2026-03-31");
  plan = sales_contract_dialog_dup_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (plan->len, ==, 3);
  assert_instalment (plan, 0, "2026-03-31", 3333);
  assert_instalment (plan, 1, "2026-04-30", 3333);
  assert_instalment (plan, 2, "2026-05-31", 3334);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  g_free (gui_test_save_screenshot (GTK_WIDGET (dialog), "contract-dialog"));

  /* No number, or an amount too small for three instalments, keeps Create off. */
  gtk_editable_set_text (GTK_EDITABLE (number_row), " ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));
  gtk_editable_set_text (GTK_EDITABLE (number_row), "HT-2026-0001");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "0.02");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "100");

  /* What the caller does on "create". */
  contract = sales_contract_dialog_create (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contract);
  g_assert_cmpint (sales_contract_get_deal_id (contract), ==,
                   sales_record_get_id (SALES_RECORD (deal)));
  g_assert_cmpint (sales_db_count (f->db, "payment_plan"), ==, 3);

  gui_test_destroy_window (dialog);
}

/* The GtkEntry widgets of the instalment rows, in order: not those inside entry rows. */
static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW) != NULL &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) == NULL)
    g_ptr_array_add (entries, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

/* Instalment row @index (from 0): its due date (@field 0) or its amount (1). */
static GtkEditable *
instalment_entry (SalesContractDialog *dialog,
                  guint                index,
                  guint                field)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  collect_entries (GTK_WIDGET (dialog), entries);
  g_assert_cmpuint (index * 2 + field, <, entries->len);
  return GTK_EDITABLE (g_ptr_array_index (entries, index * 2 + field));
}

static GtkWidget *
find_check (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Instalments changed by hand: more than the amount is refused, less only as a partial plan. */
static void
test_edited_plan (GuiFixture    *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesCustomer) customer_draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesContract) contract = NULL;
  SalesContractDialog *dialog;
  GtkWidget *amount_row;
  GtkWidget *rule_row;
  GtkWidget *partial;

  sales_store_set_clock (f->store, fixed_clock, NULL, NULL);
  sales_customer_set_name (customer_draft, "华为");
  customer = sales_store_create (f->store, SALES_RECORD (customer_draft), &error);
  g_assert_no_error (error);

  dialog = SALES_CONTRACT_DIALOG (sales_contract_dialog_new (NULL, f->store, f->settings,
                                                             sales_record_get_id (
                                                               SALES_RECORD (customer)), 0));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_for_frame (GTK_WIDGET (dialog));
  amount_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Amount");
  rule_row = find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Payment Plan");
  partial = find_check (GTK_WIDGET (dialog));
  g_assert_nonnull (partial);

  /* 90.00 in three: 30.00 each from 20 March. */
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "90");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rule_row), SALES_PLAN_RULE_MONTHLY);
  g_assert_cmpstr (gtk_editable_get_text (instalment_entry (dialog, 2, 0)), ==, "2026-05-20");
  g_assert_cmpstr (gtk_editable_get_text (instalment_entry (dialog, 2, 1)), ==, "30");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));

  /* The last one raised to 40.00: 10.00 more than the amount, refused. */
  gtk_editable_set_text (instalment_entry (dialog, 2, 1), "40");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));
  g_assert_false (gtk_widget_get_visible (partial));

  /* Lowered to 20.00: 10.00 short, which goes through only as a partial plan. */
  gtk_editable_set_text (instalment_entry (dialog, 2, 1), "20");
  g_assert_true (gtk_widget_get_visible (partial));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (partial), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create"));
  g_assert_true (sales_contract_dialog_get_partial (dialog));

  /* A bad date in a row keeps Create off. */
  gtk_editable_set_text (instalment_entry (dialog, 1, 0), "2026-04-31");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));
  gtk_editable_set_text (instalment_entry (dialog, 1, 0), "2026-04-30");

  contract = sales_contract_dialog_create (dialog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (contract);
  g_assert_cmpint (sales_db_count (f->db, "payment_plan"), ==, 3);

  gui_test_destroy_window (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/contract-dialog/create", GuiFixture, NULL,
              gui_fixture_set_up, test_contract_dialog, gui_fixture_tear_down);
  g_test_add ("/contract-dialog/edited-plan", GuiFixture, NULL,
              gui_fixture_set_up, test_edited_plan, gui_fixture_tear_down);

  return g_test_run ();
}
