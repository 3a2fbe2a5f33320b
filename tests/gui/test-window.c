/* test-window.c: the main window on a temporary database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-board.h"
#include "sales-customers-view.h"
#include "sales-dashboard.h"
#include "sales-followups-view.h"
#include "sales-welcome-page.h"
#include "sales-window.h"

/* Sample data is generated in a thread; a sanitizer build is slow. */
#define LOAD_TIMEOUT_MS 60000

static gpointer
template_child (gpointer    window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), SALES_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
welcome_child (gpointer    window,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (template_child (window, "welcome_page"),
                                                  SALES_TYPE_WELCOME_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gint64
count_rows (SalesDb    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
test_views (GuiFixture    *fixture,
            gconstpointer  data)
{
  /* From the design: four views, in this order, with these titles. */
  static const struct {
    const char *name;
    const char *title;
  } expected[] = {
    { "pipeline", "Pipeline" },
    { "customers", "Customers" },
    { "follow-ups", "Follow-ups" },
    { "dashboard", "Dashboard" },
  };
  SalesWindow *window = sales_window_new (NULL, fixture->settings, fixture->store);
  AdwViewStack *stack = template_child (window, "view_stack");
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, expected[i].name);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected[i].title);
      g_assert_nonnull (adw_view_stack_page_get_icon_name (page));

      /* The pipeline is the board; the other views are built when first shown (see
       * test_switch_views()). */
      if (i == 0)
        g_assert_true (SALES_IS_BOARD (adw_bin_get_child (ADW_BIN (child))));
      else
        g_assert_null (adw_bin_get_child (ADW_BIN (child)));
    }

  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "pipeline");

  gui_test_destroy_window (window);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_switch_views (GuiFixture    *fixture,
                   gconstpointer  data)
{
  SalesWindow *window;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *title;
  GtkWidget *customers;
  GtkWidget *follow_ups;
  GtkWidget *dashboard;
  guint notified = 0;

  sales_settings_set_first_run_dismissed (fixture->settings, TRUE);
  window = sales_window_new (NULL, fixture->settings, fixture->store);
  stack = template_child (window, "view_stack");
  title = template_child (window, "switcher_title");
  g_signal_connect (window, "notify::visible-view", G_CALLBACK (on_notify), &notified);

  g_assert_cmpstr (sales_window_get_page (window), ==, "views");
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (title));

  /* Through the action the Ctrl+1…4 shortcuts activate. */
  dashboard = adw_view_stack_get_child_by_name (stack, "dashboard");
  g_assert_null (adw_bin_get_child (ADW_BIN (dashboard)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "dashboard");
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "dashboard");
  g_assert_cmpuint (notified, ==, 1);
  gui_test_wait_for_frame (dashboard);
  g_assert_true (SALES_IS_DASHBOARD (adw_bin_get_child (ADW_BIN (dashboard))));

  follow_ups = adw_view_stack_get_child_by_name (stack, "follow-ups");
  g_assert_null (adw_bin_get_child (ADW_BIN (follow_ups)));
  sales_window_set_visible_view (window, "follow-ups");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "follow-ups");
  g_assert_cmpuint (notified, ==, 2);
  gui_test_wait_for_frame (follow_ups);
  g_assert_true (SALES_IS_FOLLOWUPS_VIEW (adw_bin_get_child (ADW_BIN (follow_ups))));

  /* A click on the switcher changes the stack; the window follows. The Customers view is
   * built when first shown, so that start-up does not wait for its list. */
  customers = adw_view_stack_get_child_by_name (stack, "customers");
  g_assert_null (adw_bin_get_child (ADW_BIN (customers)));
  adw_view_stack_set_visible_child_name (stack, "customers");
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "customers");
  g_assert_cmpuint (notified, ==, 3);
  gui_test_wait_for_frame (customers);
  g_assert_true (SALES_IS_CUSTOMERS_VIEW (adw_bin_get_child (ADW_BIN (customers))));

  g_object_set (window, "visible-view", "pipeline", NULL);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "pipeline");
  g_assert_cmpuint (notified, ==, 4);

  g_test_expect_message ("sales-gui", G_LOG_LEVEL_CRITICAL, "*get_child_by_name*");
  sales_window_set_visible_view (window, "no-such-view");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "pipeline");

  gui_test_destroy_window (window);
}

static void
test_first_run_shown (GuiFixture    *fixture,
                      gconstpointer  data)
{
  SalesWindow *window = sales_window_new (NULL, fixture->settings, fixture->store);
  GtkStack *page_stack = template_child (window, "page_stack");
  AdwViewSwitcherTitle *title = template_child (window, "switcher_title");
  GtkWidget *load_button = welcome_child (window, "load_button");

  g_assert_true (sales_store_is_empty (fixture->store));
  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_stack), ==, "welcome");
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_true (gtk_widget_get_sensitive (load_button));

  /* The view shortcuts do nothing behind the welcome page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "pipeline");

  gui_test_destroy_window (window);
}

static void
test_first_run_start_empty (GuiFixture    *fixture,
                            gconstpointer  data)
{
  SalesWindow *window = sales_window_new (NULL, fixture->settings, fixture->store);

  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  g_assert_cmpstr (sales_window_get_page (window), ==, "views");
  g_assert_true (sales_settings_get_first_run_dismissed (fixture->settings));
  g_assert_true (sales_store_is_empty (fixture->store));
  gui_test_destroy_window (window);

  /* The choice is remembered: the same empty database now opens on the views. */
  window = sales_window_new (NULL, fixture->settings, fixture->store);
  g_assert_cmpstr (sales_window_get_page (window), ==, "views");
  gui_test_destroy_window (window);
}

static void
test_first_run_load_sample_data (GuiFixture    *fixture,
                                 gconstpointer  data)
{
  SalesWindow *window = sales_window_new (NULL, fixture->settings, fixture->store);
  SalesWelcomePage *welcome = template_child (window, "welcome_page");
  GtkWidget *load_button = welcome_child (window, "load_button");
  GtkWidget *choices = welcome_child (window, "choices");
  GtkWidget *progress_bar = welcome_child (window, "progress_bar");

  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");
  g_assert_false (gtk_widget_get_visible (progress_bar));

  /* What a click on the button does. */
  g_signal_emit_by_name (load_button, "clicked");

  g_assert_true (sales_welcome_page_get_busy (welcome));
  g_assert_true (gtk_widget_get_visible (progress_bar));
  g_assert_false (gtk_widget_is_sensitive (load_button));
  g_assert_false (gtk_widget_is_sensitive (choices));
  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");

  g_assert_true (gui_test_wait_for_property (window, "page", "views", LOAD_TIMEOUT_MS));

  g_assert_false (sales_welcome_page_get_busy (welcome));
  g_assert_false (sales_store_is_empty (fixture->store));
  /* The generator's documented defaults: 600 deals and deals / 5 customers. */
  g_assert_cmpint (count_rows (fixture->db, "deal"), ==, 600);
  g_assert_cmpint (count_rows (fixture->db, "customer"), ==, 120);
  /* Loading data is not "Start empty". */
  g_assert_false (sales_settings_get_first_run_dismissed (fixture->settings));
  gui_test_destroy_window (window);

  /* With data in it the database opens on the views. */
  window = sales_window_new (NULL, fixture->settings, fixture->store);
  g_assert_cmpstr (sales_window_get_page (window), ==, "views");
  gui_test_destroy_window (window);
}

static void
test_first_run_close_while_loading (GuiFixture    *fixture,
                                    gconstpointer  data)
{
  SalesWindow *window = sales_window_new (NULL, fixture->settings, fixture->store);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample-data", NULL);
  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");

  /* The worker keeps the window alive until it is done; its callback must then neither
   * touch the disposed widgets (a critical is fatal here) nor keep the window alive. */
  gui_test_destroy_window (window);
}

static void
test_error (GuiFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (SALES_DB_ERROR, SALES_DB_ERROR_NEWER_VERSION,
                                                 "This database needs a newer Sales Desk");
  SalesWindow *window = sales_window_new (NULL, fixture->settings, NULL);
  AdwStatusPage *error_page = template_child (window, "error_page");
  AdwViewSwitcherTitle *title = template_child (window, "switcher_title");

  sales_window_show_error (window, error);

  g_assert_cmpstr (sales_window_get_page (window), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (error_page), ==,
                   "This database needs a newer Sales Desk");
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (title));
  g_assert_null (sales_window_get_store (window));

  /* Without a database there is nothing to load sample data into. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample-data", NULL);
  g_assert_cmpstr (sales_window_get_page (window), ==, "error");

  gui_test_destroy_window (window);
}

static void
test_window_size (GuiFixture    *fixture,
                  gconstpointer  data)
{
  SalesWindow *window;
  int width = 0;
  int height = 0;
  gboolean maximized = TRUE;

  sales_settings_set_window_state (fixture->settings, 820, 610, FALSE);
  window = sales_window_new (NULL, fixture->settings, fixture->store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);

  /* As if the user had resized it, then closed it; only a window on screen can close. */
  gui_test_wait_for_frame (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  sales_settings_get_window_state (fixture->settings, &width, &height, &maximized);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_false (maximized);
}

static void
test_narrow (GuiFixture    *fixture,
             gconstpointer  data)
{
  SalesWindow *window;
  AdwViewSwitcherBar *bar;
  AdwViewSwitcherTitle *title;
  g_autofree char *path = NULL;

  /* The narrowest width the HIG asks for: the switcher moves to the bottom bar. */
  sales_settings_set_window_state (fixture->settings, 360, 600, FALSE);
  window = sales_window_new (NULL, fixture->settings, fixture->store);
  bar = template_child (window, "switcher_bar");
  title = template_child (window, "switcher_title");

  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL);
  gui_test_wait_for_animations (GTK_WIDGET (window));
  g_assert_true (adw_view_switcher_title_get_title_visible (title));
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  path = gui_test_save_screenshot (GTK_WIDGET (window), "window-narrow");

  gui_test_destroy_window (window);
}

static void
test_screenshots (GuiFixture    *fixture,
                  gconstpointer  data)
{
  SalesWindow *window;
  g_autofree char *welcome_path = NULL;
  g_autofree char *views_path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  sales_settings_set_window_state (fixture->settings, 1000, 680, FALSE);
  window = sales_window_new (NULL, fixture->settings, fixture->store);
  welcome_path = gui_test_save_screenshot (GTK_WIDGET (window), "window-welcome");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.load-sample-data", NULL);
  g_assert_true (gui_test_wait_for_property (window, "page", "views", LOAD_TIMEOUT_MS));
  gui_test_wait_for_animations (GTK_WIDGET (window));
  views_path = gui_test_save_screenshot (GTK_WIDGET (window), "window-views");

  texture = gdk_texture_new_from_filename (views_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (GTK_WIDGET (window)));
  /* The default size counts the resize borders around the window too. */
  g_assert_cmpint (gdk_texture_get_width (texture), >, 900);

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add ("/window/" path, GuiFixture, NULL, gui_fixture_set_up, func, gui_fixture_tear_down)

  ADD ("views", test_views);
  ADD ("switch-views", test_switch_views);
  ADD ("first-run/shown", test_first_run_shown);
  ADD ("first-run/start-empty", test_first_run_start_empty);
  ADD ("first-run/load-sample-data", test_first_run_load_sample_data);
  ADD ("first-run/close-while-loading", test_first_run_close_while_loading);
  ADD ("error", test_error);
  ADD ("window-size", test_window_size);
  ADD ("narrow", test_narrow);
  ADD ("screenshots", test_screenshots);

#undef ADD

  return g_test_run ();
}
