/* test-export.c: "Export…" of the Customers view and "Export Data…", through the file chooser
 *
 * Four customers, two reps (1 Wang, 2 Li); 2 北京华信科技 and 4 Delta Foods are in the
 * public pool. The tests answer the file chooser (GtkFileChooserDialog, as GTK_USE_PORTAL=0
 * makes GtkFileChooserNative use) and read the file written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "sales-customer-list.h"
#include "sales-customers-view.h"
#include "sales-export-dialog.h"
#include "sales-export.h"

#define WAIT_MS 10000
#define BOM "\xEF\xBB\xBF"

typedef struct
{
  GuiFixture          base;
  GtkWidget          *window;
  SalesCustomersView *view;
} Fixture;

static void
add_record (Fixture     *f,
            SalesRecord *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRecord) record = sales_store_create (f->base.store, draft, &error);

  g_assert_no_error (error);
  g_object_unref (draft);
}

static void
add_customer (Fixture    *f,
              const char *name,
              gint64      owner_id)
{
  SalesCustomer *draft = sales_customer_new ();

  sales_customer_set_name (draft, name);
  sales_customer_set_owner_id (draft, owner_id);
  add_record (f, SALES_RECORD (draft));
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  SalesRep *rep;
  GtkWidget *overlay;

  gui_fixture_set_up (&f->base, data);

  rep = sales_rep_new ();
  sales_rep_set_name (rep, "Wang");
  add_record (f, SALES_RECORD (rep));
  rep = sales_rep_new ();
  sales_rep_set_name (rep, "Li");
  add_record (f, SALES_RECORD (rep));
  add_customer (f, "Acme Trading", 1);
  add_customer (f, "北京华信科技", 0);
  add_customer (f, "Contoso", 2);
  add_customer (f, "=Delta Foods", 0);

  f->view = SALES_CUSTOMERS_VIEW (sales_customers_view_new (f->base.store, f->base.settings));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->view));
  f->window = adw_application_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 600);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (f->window), overlay);
  gtk_window_present (GTK_WINDOW (f->window));
  gui_test_wait_for_frame (GTK_WIDGET (f->view));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gui_test_destroy_window (f->window);
  gui_fixture_tear_down (&f->base, data);
}

static gboolean
set_flag (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @check is true of @data, at most WAIT_MS. */
static gboolean
wait_until (gboolean      (*check) (gconstpointer data),
            gconstpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, set_flag, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return check (data);
}

static gboolean
chooser_shown (gconstpointer data)
{
  GtkWindow **chooser = (GtkWindow **)data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *chooser = window;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
file_exists (gconstpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* Waits for the file chooser with @title, and answers it with @path. */
static void
answer_chooser (const char *title,
                const char *path)
{
  GtkWindow *chooser = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (wait_until (chooser_shown, &chooser));
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, title);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), !=, NULL);

  /* The folder is loaded asynchronously, and the chooser's default folder may come
   * after it: set it until it holds, then the name. */
  folder = g_file_new_for_path (dir);
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));

      if (current != NULL && g_file_equal (current, folder))
        break;
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder,
                                                          &error));
      g_assert_no_error (error);
      g_usleep (20000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  {
    g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));

    g_assert_true (g_file_equal (current, folder));
  }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
test_customers_view (Fixture       *f,
                     gconstpointer  data)
{
  SalesCustomerList *list = sales_customers_view_get_list (f->view);
  g_autofree char *path = g_build_filename (f->base.dir, "pool", NULL);
  g_autofree char *written_path = g_strconcat (path, ".csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;
  gint64 first, second;

  /* The public pool, by name from Z to A: what the list shows is what is exported */
  sales_customer_list_set_owner_id (list, SALES_CUSTOMER_LIST_PUBLIC_POOL);
  sales_customer_list_set_sort (list, SALES_CUSTOMER_SORT_NAME, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  first = sales_customer_list_get_customer_id (list, 0);
  second = sales_customer_list_get_customer_id (list, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "customers.export", NULL));
  /* Without an extension the file gets the one of the type chosen: CSV here */
  {
    GtkWindow *chooser = NULL;

    g_assert_true (wait_until (chooser_shown, &chooser));
    for (guint i = 0;; i++)
      {
        g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

        g_assert_nonnull (filter);
        if (g_str_has_prefix (gtk_file_filter_get_name (filter), "CSV"))
          {
            gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);
            break;
          }
      }
  }
  answer_chooser ("Export Customers", path);
  g_assert_true (wait_until (file_exists, written_path));

  g_assert_true (g_file_get_contents (written_path, &csv, NULL, NULL));
  expected = g_strdup_printf (BOM "ID,Customer name,Industry,Tier,Source,Owner,Phone,Email,"
                              "Address,Tags,Notes,Created,Updated\r\n"
                              "%" G_GINT64_FORMAT ",%s,",
                              first, first == 4 ? "'=Delta Foods" : "北京华信科技");
  g_assert_true (g_str_has_prefix (csv, expected));
  g_free (expected);
  expected = g_strdup_printf ("\r\n%" G_GINT64_FORMAT ",", second);
  g_assert_nonnull (strstr (csv, expected));
  g_assert_null (strstr (csv, "Acme"));
  g_assert_null (strstr (csv, "Contoso"));
  g_assert_cmpint (g_unlink (written_path), ==, 0);
}

static void
test_export_data (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->base.dir, "deals.xlsx", NULL);
  GtkWidget *dialog = sales_export_dialog_new (GTK_WINDOW (f->window), f->base.store);
  GtkWidget *list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  GtkListBoxRow *deals_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list),
                                                            SALES_EXPORT_DEALS);
  g_autofree char *bytes = NULL;
  gsize length;

  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_for_frame (dialog);
  adw_action_row_activate (ADW_ACTION_ROW (deals_row));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");

  answer_chooser ("Export Deals", path);
  g_assert_true (wait_until (file_exists, path));
  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  /* A zip: the workbook */
  g_assert_cmpmem (bytes, 2, "PK", 2);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 77;

  g_test_add ("/export/customers-view", Fixture, NULL, set_up, test_customers_view, tear_down);
  g_test_add ("/export/export-data", Fixture, NULL, set_up, test_export_data, tear_down);

  return g_test_run ();
}
