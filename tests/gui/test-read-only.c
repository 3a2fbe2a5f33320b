/* test-read-only.c: a file opened read-only greys out what would change it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "sales-core.h"
#include "sales-team-page.h"
#include "sales-window.h"

/* The first widget below @root that is actionable with @action_name. */
static GtkWidget *
find_actionable (GtkWidget  *root,
                 const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      found = find_actionable (child, action_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The same widgets on a writable file and on the same file made read-only. */
static void
test_read_only (GuiFixture    *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  SalesWindow *window;
  GtkWidget *preferences;
  GtkWidget *page;
  GtkWidget *button;

  sales_db_exec (f->db, "INSERT INTO customer (name, created_at, updated_at) "
                        "VALUES ('华为技术', 1, 1)", &error);
  g_assert_no_error (error);

  for (guint read_only = 0; read_only < 2; read_only++)
    {
      if (read_only)
        {
          g_assert_cmpint (g_chmod (f->db_path, 0400), ==, 0);
          db = sales_db_open (f->db_path, &error);
          g_assert_no_error (error);
          g_assert_true (sales_db_is_read_only (db));
          store = sales_store_new (db);
        }

      window = sales_window_new (NULL, f->settings, read_only ? store : f->store);
      sales_window_set_visible_view (window, "customers");
      gui_test_wait_for_frame (GTK_WIDGET (window));
      button = find_actionable (GTK_WIDGET (window), "win.new-customer");
      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_sensitive (button) == !read_only);
      gui_test_destroy_window (window);

      preferences = adw_preferences_window_new ();
      page = sales_team_page_new (read_only ? store : f->store, f->settings);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences),
                                  ADW_PREFERENCES_PAGE (page));
      gui_test_wait_for_frame (page);
      button = find_actionable (page, "team.add-rep");
      g_assert_nonnull (button);
      g_test_message ("read-only %u: Add Rep sensitive %d", read_only,
                      gtk_widget_get_sensitive (button));
      g_assert_true (gtk_widget_get_sensitive (button) == !read_only);
      gui_test_destroy_window (preferences);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_finalize_object (g_steal_pointer (&db));
  g_assert_cmpint (g_chmod (f->db_path, 0600), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/read-only/edits-disabled", GuiFixture, NULL, gui_fixture_set_up, test_read_only,
              gui_fixture_tear_down);

  return g_test_run ();
}
