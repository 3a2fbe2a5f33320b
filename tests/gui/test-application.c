/* test-application.c: the application's actions, shortcuts and database errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "sales-application.h"
#include "sales-preferences-window.h"
#include "sales-recovery-window.h"
#include "sales-window.h"

typedef struct _AppFixture AppFixture;

struct _AppFixture
{
  char             *dir;
  char             *db_path;
  SalesApplication *app;
  void            (*body) (AppFixture *fixture);
};

static void
app_fixture_set_up (AppFixture    *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  gui_test_reset_settings ();
  fixture->dir = g_dir_make_tmp ("sales-desk-app-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "sales.db", NULL);
}

static void
app_fixture_tear_down (AppFixture    *fixture,
                       gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (fixture->app != NULL)
    g_assert_finalize_object (g_steal_pointer (&fixture->app));

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fixture->db_path, suffixes[i], NULL);

      g_remove (path);
    }
  g_assert_no_errno (g_rmdir (fixture->dir));
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
run_body (AppFixture *fixture)
{
  fixture->body (fixture);
}

/* Runs the application as main() does, with @body called once its window is up; @body
 * ends by quitting it. */
static void
run (AppFixture  *fixture,
     void       (*body) (AppFixture *fixture))
{
  fixture->body = body;
  fixture->app = sales_application_new (fixture->db_path);
  g_signal_connect_data (fixture->app, "activate", G_CALLBACK (run_body), fixture, NULL,
                         G_CONNECT_AFTER | G_CONNECT_SWAPPED);
  g_assert_cmpint (g_application_run (G_APPLICATION (fixture->app), 0, NULL), ==, 0);
}

static gpointer
find_window (SalesApplication *app,
             GType             type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }
  return NULL;
}

static void
quit (AppFixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "quit", NULL);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static void
check_actions (AppFixture *fixture)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected_accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.import", "<Control>i" },
    { "window.close", "<Control>w" },
    { "win.show-view::pipeline", "<Control>1" },
    { "win.show-view::customers", "<Control>2" },
    { "win.show-view::follow-ups", "<Control>3" },
    { "win.show-view::dashboard", "<Control>4" },
  };
  GActionGroup *group = G_ACTION_GROUP (fixture->app);
  SalesWindow *window;

  for (guint i = 0; i < G_N_ELEMENTS (expected_accels); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app),
                                                                    expected_accels[i].action);

      g_assert_cmpuint (g_strv_length (accels), ==, 1);
      g_assert_cmpstr (accels[0], ==, expected_accels[i].accel);
    }

  g_assert_true (g_action_group_get_action_enabled (group, "quit"));
  g_assert_true (g_action_group_get_action_enabled (group, "about"));
  g_assert_true (g_action_group_get_action_enabled (group, "preferences"));
  g_assert_true (g_action_group_get_action_enabled (group, "export"));
  g_assert_true (g_action_group_get_action_enabled (group, "print"));
  g_assert_true (g_action_group_get_action_enabled (group, "import"));

  window = find_window (fixture->app, SALES_TYPE_WINDOW);
  g_assert_nonnull (window);
  g_assert_nonnull (sales_application_get_store (fixture->app));
  g_assert_true (sales_window_get_store (window) == sales_application_get_store (fixture->app));
  g_assert_cmpstr (sales_window_get_page (window), ==, "welcome");
  g_assert_cmpstr (sales_application_get_db_path (fixture->app), ==, fixture->db_path);

  /* The shortcuts window comes from the resources, as GtkApplication loads it. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  g_action_group_activate_action (group, "preferences", NULL);
  g_assert_nonnull (find_window (fixture->app, SALES_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_window_get_transient_for (find_window (fixture->app,
                                                            SALES_TYPE_PREFERENCES_WINDOW))
                 == GTK_WINDOW (window));

  g_action_group_activate_action (group, "about", NULL);
  g_assert_nonnull (find_window (fixture->app, ADW_TYPE_ABOUT_WINDOW));
  g_assert_cmpstr (adw_about_window_get_version (find_window (fixture->app,
                                                              ADW_TYPE_ABOUT_WINDOW)),
                   ==, PACKAGE_VERSION);

  quit (fixture);
}

static void
test_actions (AppFixture    *fixture,
              gconstpointer  data)
{
  run (fixture, check_actions);
}

/* A file that is not a database opens the recovery window, not the main window. */
static void
check_not_a_database (AppFixture *fixture)
{
  GtkWidget *recovery;
  AdwStatusPage *status_page;
  const char *description;

  g_assert_null (find_window (fixture->app, SALES_TYPE_WINDOW));
  g_assert_null (sales_application_get_store (fixture->app));
  recovery = find_window (fixture->app, SALES_TYPE_RECOVERY_WINDOW);
  g_assert_nonnull (recovery);
  g_assert_cmpstr (sales_recovery_window_get_path (SALES_RECOVERY_WINDOW (recovery)), ==,
                   fixture->db_path);

  status_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (recovery,
                                                                SALES_TYPE_RECOVERY_WINDOW,
                                                                "status_page"));
  description = adw_status_page_get_description (status_page);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, fixture->db_path));

  quit (fixture);
}

static void
test_not_a_database (AppFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *after = NULL;

  /* A spreadsheet saved under the wrong name, larger than an SQLite header. */
  contents = g_strnfill (8192, 'x');
  garbage = g_strconcat ("name,phone\n", contents, NULL);
  g_assert_true (g_file_set_contents (fixture->db_path, garbage, -1, &error));
  g_assert_no_error (error);

  run (fixture, check_not_a_database);

  /* The file was not touched. */
  g_assert_true (g_file_get_contents (fixture->db_path, &after, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, garbage);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/application/actions", AppFixture, NULL,
              app_fixture_set_up, test_actions, app_fixture_tear_down);
  g_test_add ("/application/not-a-database", AppFixture, NULL,
              app_fixture_set_up, test_not_a_database, app_fixture_tear_down);

  return g_test_run ();
}
