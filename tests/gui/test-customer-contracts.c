/* test-customer-contracts.c: the Contracts section of the customer page, in the window
 *
 * The fixture, with the store's clock at 2026-03-20 10:00 in Shanghai:
 *   rep Zhang Wei; customer 华为 (Zhang Wei's)
 *   contract HT-2026-0001, 100.00 signed 2026-01-05, in three monthly instalments:
 *     2026-02-28 33.33, 2026-03-28 33.33, 2026-04-28 33.34
 *   a payment of 40.00 received 2026-03-01: it pays the first instalment and 6.67 of
 *     the second, which leaves 26.66 of it due on 2026-03-28, in 8 days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gui-test-util.h"
#include "sales-contract-dialog.h"
#include "sales-customer-page.h"
#include "sales-money.h"
#include "sales-payment-dialog.h"
#include "sales-window.h"

static gint64
fixed_clock (gpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 20, 10, 0, 0);

  return g_date_time_to_unix (now);
}

static gint64
query_int (GuiFixture *f,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (f->db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
fill (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRep) rep_draft = sales_rep_new ();
  g_autoptr(SalesRep) rep = NULL;
  g_autoptr(SalesCustomer) customer_draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesContract) draft = sales_contract_new ();
  g_autoptr(SalesContract) contract = NULL;
  g_autoptr(SalesPayment) payment = sales_payment_new ();
  g_autoptr(GPtrArray) plan = NULL;
  SalesPlanSpec spec = { SALES_PLAN_RULE_MONTHLY, 3, 0, "2026-02-28", NULL };

  sales_store_set_clock (f->store, fixed_clock, NULL, NULL);
  sales_rep_set_name (rep_draft, "Zhang Wei");
  rep = sales_store_create (f->store, SALES_RECORD (rep_draft), &error);
  g_assert_no_error (error);
  sales_customer_set_name (customer_draft, "华为");
  sales_customer_set_owner_id (customer_draft, sales_record_get_id (SALES_RECORD (rep)));
  customer = sales_store_create (f->store, SALES_RECORD (customer_draft), &error);
  g_assert_no_error (error);

  plan = sales_payment_plan_split (10000, &spec, &error);
  g_assert_no_error (error);
  sales_contract_set_customer_id (draft, sales_record_get_id (SALES_RECORD (customer)));
  sales_contract_set_number (draft, "HT-2026-0001");
  sales_contract_set_amount_cents (draft, 10000);
  sales_contract_set_signed_on (draft, "2026-01-05");
  contract = sales_store_create_contract (f->store, draft, plan, SALES_PLAN_FLAGS_NONE, &error);
  g_assert_no_error (error);

  sales_payment_set_contract_id (payment, sales_record_get_id (SALES_RECORD (contract)));
  sales_payment_set_received_on (payment, "2026-03-01");
  sales_payment_set_amount_cents (payment, 4000);
  g_assert_true (sales_store_record_payment (f->store, payment, NULL, &error));
  g_assert_no_error (error);

  return sales_record_get_id (SALES_RECORD (customer));
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SalesWindow *
open_customer (GuiFixture *f,
               gint64      customer_id,
               int         height)
{
  SalesWindow *window = sales_window_new (NULL, f->settings, f->store);

  /* The size of the README's screenshots, or taller to see more. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, height);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "x", customer_id);
  gui_test_wait_for_frame (sales_window_get_customer_page (window));
  settle ();
  return window;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The contract rows of the page, in order. */
static GPtrArray *
contract_rows (SalesWindow *window)
{
  GtkWidget *page = sales_window_get_customer_page (window);
  GtkWidget *list;
  GPtrArray *rows = g_ptr_array_new ();

  list = find_named (page, "contracts_list");
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_EXPANDER_ROW (row))
        g_ptr_array_add (rows, row);
    }

  return rows;
}

/* The title of each instalment row under @widget, one a line. */
static void
describe_instalments (GtkWidget *widget,
                      GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        {
          g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "",
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
          continue;
        }
      describe_instalments (child, out);
    }
}

/* The labels of @widget and its descendants, joined, to find an instalment's state. */
static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) &&
          *gtk_label_get_label (GTK_LABEL (child)) != '\0')
        g_string_append_printf (out, "%s|", gtk_label_get_label (GTK_LABEL (child)));
      collect_labels (child, out);
    }
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* GTK holds its toplevels: the pointer outlives the reference dropped here. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
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

static void
respond (GtkWindow  *dialog,
         const char *response)
{
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), response));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  settle ();
}

static const char *
subtitle_of (GtkWidget *row)
{
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

/* Scrolls the page down to its Contracts section, for the screenshots. */
static void
show_contracts (SalesWindow *window)
{
  GtkWidget *page = sales_window_get_customer_page (window);
  GtkWidget *scroller = find_named (page, "scroller");
  GtkWidget *group = find_named (page, "contracts_group");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (
                                             GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
  gui_test_wait_for_frame (GTK_WIDGET (window));
}

static void
test_section (GuiFixture    *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) instalments = g_string_new (NULL);
  g_autoptr(GString) labels = g_string_new (NULL);
  gint64 customer_id = fill (f);
  gint64 contract_id = query_int (f, "SELECT id FROM contract");
  SalesWindow *window = open_customer (f, customer_id, 1000);
  GtkWidget *page = sales_window_get_customer_page (window);
  GtkWindow *dialog;
  GtkWidget *amount_row;

  /* Paid / total and the next instalment, with its state. */
  rows = contract_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "HT-2026-0001");
  g_assert_cmpstr (subtitle_of (rows->pdata[0]), ==,
                   "Signed 2026-01-05 · paid ¥40 / ¥100 · next ¥26.66 on 2026-03-28, "
                   "Due in 8 days");

  /* Opened, each instalment with its state (under the row's own header). */
  adw_expander_row_set_expanded (rows->pdata[0], TRUE);
  describe_instalments (rows->pdata[0], instalments);
  g_assert_cmpstr (instalments->str, ==,
                   "HT-2026-0001\n"
                   "2026-02-28 · ¥33.33\n2026-03-28 · ¥33.33\n2026-04-28 · ¥33.34");
  collect_labels (rows->pdata[0], labels);
  g_assert_nonnull (strstr (labels->str, "Paid|"));
  g_assert_nonnull (strstr (labels->str, "¥6.67 paid|Partly paid|"));
  g_assert_nonnull (strstr (labels->str, "Due in 39 days|"));
  show_contracts (window);
  g_free (gui_test_save_screenshot (GTK_WIDGET (window), "customer-contracts"));

  /* Record Payment offers what is left of the oldest instalment; more than the 60.00
   * still owed is refused before it reaches the store. */
  gtk_widget_activate_action (page, "customer.record-payment", "x", contract_id);
  dialog = find_toplevel (SALES_TYPE_PAYMENT_DIALOG);
  g_assert_nonnull (dialog);
  amount_row = find_entry_row (GTK_WIDGET (dialog), "Amount");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount_row)), ==, "26.66");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "60.01");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "record"));
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "26.66");
  respond (dialog, "record");
  g_assert_cmpint (query_int (f, "SELECT sum (amount_cents) FROM payment"), ==, 6666);
  g_assert_true (sales_store_can_undo (f->store));

  /* The section follows: the second instalment is paid, the third is next. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = contract_rows (window);
  g_assert_cmpstr (subtitle_of (rows->pdata[0]), ==,
                   "Signed 2026-01-05 · paid ¥66.66 / ¥100 · next ¥33.34 on 2026-04-28, "
                   "Due in 39 days");

  /* Deleting it asks first, as money was received on it; Cancel keeps it. */
  gtk_widget_activate_action (page, "customer.delete-contract", "x", contract_id);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Delete Contract HT-2026-0001?");
  respond (dialog, "cancel");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contract"), ==, 1);

  /* Delete goes through, and Undo brings the contract back with its plan and payments. */
  gtk_widget_activate_action (page, "customer.delete-contract", "x", contract_id);
  respond (find_toplevel (ADW_TYPE_MESSAGE_DIALOG), "delete");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contract"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM payment"), ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = contract_rows (window);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==,
                   "Deleted contract “HT-2026-0001”");
  g_assert_true (sales_store_undo (f->store, NULL));
  settle ();
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM payment_plan"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM payment"), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = contract_rows (window);
  g_assert_cmpuint (rows->len, ==, 1);

  gui_test_destroy_window (window);
}

static void
test_new_contract (GuiFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  gint64 customer_id = fill (f);
  SalesWindow *window = open_customer (f, customer_id, 1000);
  GtkWidget *page = sales_window_get_customer_page (window);
  SalesContractDialog *dialog;
  GtkWidget *amount_row;

  /* New Contract on the customer: no deal, so the amount is to be written. */
  gtk_widget_activate_action (page, "customer.new-contract", NULL);
  dialog = SALES_CONTRACT_DIALOG (find_toplevel (SALES_TYPE_CONTRACT_DIALOG));
  g_assert_nonnull (dialog);
  amount_row = find_entry_row (GTK_WIDGET (dialog), "Amount");
  gtk_editable_set_text (GTK_EDITABLE (amount_row), "3,000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (GTK_WIDGET (dialog),
                                                                        "Number"))),
                   ==, "HT-2026-0002");
  respond (GTK_WINDOW (dialog), "create");

  g_assert_cmpint (query_int (f, "SELECT count (*) FROM contract WHERE amount_cents = 300000 "
                                 "AND deal_id IS NULL AND number = 'HT-2026-0002'"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM payment_plan p JOIN contract c "
                                 "ON c.id = p.contract_id WHERE c.number = 'HT-2026-0002' "
                                 "AND p.amount_cents = 300000 AND p.due_on = '2026-03-20'"), ==, 1);
  rows = contract_rows (window);
  g_assert_cmpuint (rows->len, ==, 2);

  gui_test_destroy_window (window);
}

/* The page with its contract open, for a person to look at, in the test's language. */
static void
test_screenshot (GuiFixture    *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = NULL;
  SalesWindow *window = open_customer (f, fill (f), 700);

  rows = contract_rows (window);
  adw_expander_row_set_expanded (rows->pdata[0], TRUE);
  gui_test_wait_for_animations (GTK_WIDGET (window));
  show_contracts (window);
  name = g_strdup_printf ("customer-contracts-%s", language != NULL ? language : "C");
  g_free (gui_test_save_screenshot (GTK_WIDGET (window), name));

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
  g_autoptr(GtkCssProvider) provider = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gui_test_init (&argc, &argv))
    return 0;

  /* What AdwApplication loads from the resources for the app. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, GuiFixture, NULL, gui_fixture_set_up, func, gui_fixture_tear_down)

  ADD ("/customer-contracts/section", test_section);
  ADD ("/customer-contracts/new-contract", test_new_contract);
  ADD ("/customer-contracts/screenshot", test_screenshot);

  return g_test_run ();
}
