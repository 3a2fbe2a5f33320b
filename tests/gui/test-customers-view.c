/* test-customers-view.c: the Customers view on a small database, driven headless
 *
 * Four customers, two reps (1 Wang, 2 Li):
 *
 *   id name           owner  open deals
 *   1  Acme Trading   Wang   1 × ¥1,200.00
 *   2  北京华信科技    pool
 *   3  Contoso        Li
 *   4  Delta Foods    pool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-customers-view.h"

#define WAIT_MS 5000

typedef struct
{
  GuiFixture          base;
  GtkWidget          *window;
  SalesCustomersView *view;
} Fixture;

static gint64
add_customer (Fixture    *f,
              const char *name,
              gint64      owner_id)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  sales_customer_set_name (draft, name);
  sales_customer_set_owner_id (draft, owner_id);
  customer = sales_store_create (f->base.store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return sales_record_get_id (SALES_RECORD (customer));
}

static void
add_rep (Fixture    *f,
         const char *name)
{
  g_autoptr(SalesRep) draft = sales_rep_new ();
  g_autoptr(SalesRep) rep = NULL;
  g_autoptr(GError) error = NULL;

  sales_rep_set_name (draft, name);
  rep = sales_store_create (f->base.store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(SalesDeal) draft = sales_deal_new ();
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  gui_fixture_set_up (&f->base, data);

  add_rep (f, "Wang");
  add_rep (f, "Li");
  add_customer (f, "Acme Trading", 1);
  add_customer (f, "北京华信科技", 0);
  add_customer (f, "Contoso", 2);
  add_customer (f, "Delta Foods", 0);

  sales_deal_set_customer_id (draft, 1);
  sales_deal_set_stage_id (draft, 1);
  sales_deal_set_title (draft, "Office chairs");
  sales_deal_set_amount_cents (draft, 120000);
  deal = sales_store_create (f->base.store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  f->view = SALES_CUSTOMERS_VIEW (sales_customers_view_new (f->base.store, f->base.settings));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  gui_test_wait_for_frame (GTK_WIDGET (f->view));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gui_test_destroy_window (f->window);
  gui_fixture_tear_down (&f->base, data);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->view),
                                                   SALES_TYPE_CUSTOMERS_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the list has @n rows. */
static void
wait_for_rows (Fixture *f,
               guint    n)
{
  GListModel *list = G_LIST_MODEL (sales_customers_view_get_list (f->view));
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, set_flag, &timed_out);

  while (g_list_model_get_n_items (list) != n && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);
  g_source_remove (timeout);
}

static char *
ids_of (Fixture *f)
{
  SalesCustomerList *list = sales_customers_view_get_list (f->view);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            sales_customer_list_get_customer_id (list, i));

  return g_string_free (out, FALSE);
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  GtkColumnView *column_view = child (f, "column_view");
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *descending = NULL;
  g_autofree char *path = NULL;

  /* Names by their bytes: Latin capitals, then Chinese. */
  by_name = ids_of (f);
  g_assert_cmpstr (by_name, ==, "1 3 4 2");
  g_assert_cmpstr (gtk_label_get_text (child (f, "count_label")), ==, "4 customers");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "content_stack")), ==, "list");
  g_assert_false (gtk_widget_get_visible (child (f, "clear_button")));

  /* A click on the header of Name, twice: descending. */
  columns = G_LIST_MODEL (g_object_ref (gtk_column_view_get_columns (column_view)));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 9);
  name_column = g_list_model_get_item (columns, 0);
  gtk_column_view_sort_by_column (column_view, name_column, GTK_SORT_DESCENDING);
  descending = ids_of (f);
  g_assert_cmpstr (descending, ==, "2 4 3 1");
  g_assert_cmpint (sales_customer_list_get_sort (sales_customers_view_get_list (f->view)), ==,
                   SALES_CUSTOMER_SORT_NAME);
  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (sales_customer_list_get_sort (sales_customers_view_get_list (f->view)), ==,
                   SALES_CUSTOMER_SORT_RELEVANCE);

  gui_test_wait_for_animations (GTK_WIDGET (f->view));
  path = gui_test_save_screenshot (f->window, "customers-view");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  GtkEditable *entry = child (f, "search_entry");
  g_autofree char *found = NULL;

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (entry)), ==,
                   GTK_ACCESSIBLE_ROLE_SEARCH_BOX);

  /* As typed, after the entry's short delay. */
  gtk_editable_set_text (entry, "华信");
  wait_for_rows (f, 1);
  found = ids_of (f);
  g_assert_cmpstr (found, ==, "2");
  g_assert_true (gtk_widget_get_visible (child (f, "clear_button")));

  gtk_editable_set_text (entry, "no such customer");
  wait_for_rows (f, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "content_stack")), ==,
                   "no-results");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "customers.clear-filters", NULL);
  wait_for_rows (f, 4);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* The owner filter: the pool is its first choice after "any". */
  gtk_drop_down_set_selected (child (f, "owner_filter"), 1);
  wait_for_rows (f, 2);
  g_clear_pointer (&found, g_free);
  found = ids_of (f);
  g_assert_cmpstr (found, ==, "4 2");
}

static void
test_bulk_assign (Fixture       *f,
                  gconstpointer  data)
{
  GtkSelectionModel *selection = sales_customers_view_get_selection (f->view);
  g_autoptr(SalesCustomer) delta = sales_store_get_customer (f->base.store, 4, NULL);
  g_autoptr(SalesCustomer) huaxin = sales_store_get_customer (f->base.store, 2, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Rows 2 and 3 are Delta Foods and 北京华信科技, both in the pool. */
  g_assert_false (gtk_action_bar_get_revealed (child (f, "bulk_bar")));
  gtk_selection_model_select_range (selection, 2, 2, TRUE);
  g_assert_true (gtk_action_bar_get_revealed (child (f, "bulk_bar")));
  g_assert_cmpstr (gtk_label_get_text (child (f, "selection_label")), ==, "2 selected");
  gui_test_wait_for_animations (GTK_WIDGET (f->view));
  path = gui_test_save_screenshot (f->window, "customers-view-selection");

  gtk_widget_activate_action (GTK_WIDGET (f->view), "customers.assign", "x", (gint64)2);
  g_assert_cmpint (sales_customer_get_owner_id (delta), ==, 2);
  g_assert_cmpint (sales_customer_get_owner_id (huaxin), ==, 2);
  g_assert_cmpstr (sales_store_get_undo_label (f->base.store), ==, "Assign 2 Customers");
  g_assert_false (gtk_action_bar_get_revealed (child (f, "bulk_bar")));

  /* What the toast's Undo does. */
  g_assert_true (sales_store_undo (f->base.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_customer_get_owner_id (delta), ==, 0);
  g_assert_cmpint (sales_customer_get_owner_id (huaxin), ==, 0);

  /* Delete, and undo brings it back into the list. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "customers.delete", NULL);
  wait_for_rows (f, 3);
  g_assert_true (sales_store_undo (f->base.store, &error));
  g_assert_no_error (error);
  wait_for_rows (f, 4);
}

/* The first label under @widget showing @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A row with a Chinese name is as tall as one with a Latin name: the CJK fallback font's
 * taller line does not make its row stand out. */
static void
test_row_heights (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *latin, *chinese;

  gui_test_wait_for_animations (GTK_WIDGET (f->view));
  latin = find_label (GTK_WIDGET (f->view), "Acme Trading");
  chinese = find_label (GTK_WIDGET (f->view), "北京华信科技");
  g_assert_nonnull (latin);
  g_assert_nonnull (chinese);
  g_assert_cmpint (gtk_widget_get_height (latin), >, 0);
  g_assert_cmpint (gtk_widget_get_height (chinese), ==, gtk_widget_get_height (latin));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/customers-view/list", Fixture, NULL, set_up, test_list, tear_down);
  g_test_add ("/customers-view/search", Fixture, NULL, set_up, test_search, tear_down);
  g_test_add ("/customers-view/row-heights", Fixture, NULL, set_up, test_row_heights,
              tear_down);
  g_test_add ("/customers-view/bulk-assign", Fixture, NULL, set_up, test_bulk_assign,
              tear_down);

  return g_test_run ();
}
