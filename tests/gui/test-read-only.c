/* test-read-only.c: a file opened read-only greys out what would change it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "sales-core.h"
#include "sales-deal-card.h"
#include "sales-followups-view.h"
#include "sales-targets-grid.h"
#include "sales-targets-window.h"
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
  SalesStore *current;
  GtkWidget *preferences;
  GtkWidget *targets;
  GtkWidget *holder;
  SalesTargetsGrid *grid;
  GtkEventController *drag;
  guint n_windows;
  GtkWidget *view;
  GtkWidget *card;
  GtkWidget *page;
  GtkWidget *button;

  sales_db_exec (f->db, "INSERT INTO customer (name, created_at, updated_at) "
                        "VALUES ('华为技术', 1, 1);"
                        "INSERT INTO deal (title, customer_id, stage_id, created_at, "
                        "                  stage_changed_at) VALUES ('ERP', 1, 1, 1, 1);"
                        "INSERT INTO activity (customer_id, kind, due_at) "
                        "VALUES (1, 'call', 1)", &error);
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

      current = read_only ? store : f->store;
      window = sales_window_new (NULL, f->settings, current);
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

      /* The follow-up's Done button. */
      holder = gtk_window_new ();
      view = sales_followups_view_new (current, f->settings);
      gtk_window_set_child (GTK_WINDOW (holder), view);
      gtk_window_present (GTK_WINDOW (holder));
      gui_test_wait_for_frame (view);
      button = find_actionable (view, "followups.done");
      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_sensitive (button) == !read_only);
      gui_test_destroy_window (holder);

      /* The targets: Spread a Yearly Target…, and no cell opens for typing. */
      targets = sales_targets_window_new (NULL, current);
      gtk_window_present (GTK_WINDOW (targets));
      gui_test_wait_for_frame (targets);
      n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
      gtk_widget_activate_action (targets, "targets.spread", NULL);
      g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==,
                        n_windows + !read_only);
      grid = sales_targets_window_get_grid (SALES_TARGETS_WINDOW (targets));
      sales_targets_grid_start_editing (grid, "5");
      g_assert_true (sales_targets_grid_is_editing (grid) == !read_only);
      gui_test_destroy_window (targets);

      /* A deal's card cannot be dragged. */
      card = g_object_ref_sink (sales_deal_card_new (current, f->settings));
      drag = GTK_EVENT_CONTROLLER (sales_deal_card_get_drag_source (SALES_DEAL_CARD (card)));
      g_assert_true ((gtk_event_controller_get_propagation_phase (drag) == GTK_PHASE_NONE) ==
                     read_only);
      g_object_unref (card);
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
