/* test-backups-page.c: the Backups page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gui-test-util.h"
#include "sales-backups-page.h"
#include "sales-core.h"

/* 2025-11-20 09:30:00 and 2025-11-22 18:05:00 in Shanghai (TZ is Asia/Shanghai). */
#define OLDER_TIME G_GINT64_CONSTANT (1763602200)
#define NEWER_TIME G_GINT64_CONSTANT (1763805900)

typedef struct
{
  GuiFixture  gui;
  char       *backup_dir;
  char       *older;
  char       *newer;
  char       *restored;   /* what app.restore-backup was activated with */
} Fixture;

static void
exec_sql (SalesDb    *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  sales_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A backup with 1 customer and 1 deal, then one with 2 customers and 3 deals. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle;

  gui_fixture_set_up (&f->gui, data);
  handle = sales_db_get_handle (f->gui.db);
  f->backup_dir = sales_backup_dir_for_db (f->gui.db_path);
  remove_tree (f->backup_dir);

  exec_sql (f->gui.db,
            "INSERT INTO customer (id, name, created_at, updated_at) VALUES (1, '华为技术', 1, 1);"
            "INSERT INTO deal (title, customer_id, stage_id, created_at, stage_changed_at) "
            "  VALUES ('ERP', 1, 1, 1, 1);");
  f->older = sales_backup_create (handle, f->backup_dir, OLDER_TIME, &error);
  g_assert_no_error (error);
  exec_sql (f->gui.db,
            "INSERT INTO customer (id, name, created_at, updated_at) VALUES (2, 'Acme', 1, 1);"
            "INSERT INTO deal (title, customer_id, stage_id, created_at, stage_changed_at) "
            "  VALUES ('CRM', 1, 2, 1, 1), ('PLM', 2, 1, 1, 1);");
  f->newer = sales_backup_create (handle, f->backup_dir, NEWER_TIME, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->backup_dir);
  g_free (f->backup_dir);
  g_free (f->older);
  g_free (f->newer);
  g_free (f->restored);
  gui_fixture_tear_down (&f->gui, data);
}

static void
on_restore_backup (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  Fixture *f = user_data;

  g_free (f->restored);
  f->restored = g_variant_dup_string (param, NULL);
}

/* The page in a preferences window, with a stand-in for the application's actions. */
static SalesBackupsPage *
open_page (Fixture  *f,
           gboolean  read_only)
{
  static const GActionEntry entries[] = {
    { "restore-backup", on_restore_backup, "s" },
  };
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = sales_backups_page_new (f->gui.settings, f->gui.db_path, read_only);
  GListModel *backups = sales_backups_page_get_backups (SALES_BACKUPS_PAGE (page));

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (window, "app", G_ACTION_GROUP (app));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 720);
  gui_test_wait_for_frame (page);

  /* The list comes from a worker thread. */
  while (g_list_model_get_n_items (backups) < 2)
    g_main_context_iteration (NULL, TRUE);
  return SALES_BACKUPS_PAGE (page);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (label == NULL || (GTK_IS_BUTTON (child) &&
                             g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)))
        return child;
      found = find_widget (child, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  SalesBackupsPage *page = open_page (f, FALSE);
  GListModel *backups = sales_backups_page_get_backups (page);
  g_autoptr(SalesBackup) newest = g_list_model_get_item (backups, 0);
  g_autoptr(SalesBackup) oldest = g_list_model_get_item (backups, 1);
  GtkWidget *row;
  g_autofree char *shot = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
  g_assert_cmpstr (sales_backup_get_path (newest), ==, f->newer);
  g_assert_cmpint (sales_backup_get_customers (newest), ==, 2);
  g_assert_cmpint (sales_backup_get_deals (newest), ==, 3);
  g_assert_cmpint (sales_backup_get_customers (oldest), ==, 1);
  g_assert_cmpint (sales_backup_get_deals (oldest), ==, 1);

  /* The rows say when, how big and what is in each. */
  row = find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "2025-11-22 18:05:00");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   " · 2 customers · 3 deals"));

  shot = gui_test_save_screenshot (GTK_WIDGET (page), "backups-page");
  g_test_message ("screenshot: %s", shot);
  gui_test_destroy_window (gtk_widget_get_root (GTK_WIDGET (page)));
}

static void
test_restore_asks_first (Fixture       *f,
                         gconstpointer  data)
{
  SalesBackupsPage *page = open_page (f, FALSE);
  GtkWidget *button;
  AdwMessageDialog *dialog;

  /* The newest row's Restore… button asks; Cancel restores nothing. */
  button = find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Restore…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "restore"));
  adw_message_dialog_response (dialog, "cancel");
  g_assert_null (f->restored);

  /* Restore restores the backup of that row, through the application. */
  sales_backups_page_ask_restore (page, f->older);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restore");
  g_assert_cmpstr (f->restored, ==, f->older);

  gui_test_destroy_window (gtk_widget_get_root (GTK_WIDGET (page)));
}

static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  SalesBackupsPage *page = open_page (f, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sales-copy-XXXXXX", &error);
  g_autofree char *dest = g_build_filename (dir, "usb-stick.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dest);
  g_autoptr(SalesDb) copy = NULL;
  GStatBuf buf;

  g_assert_no_error (error);
  sales_backups_page_save_copy (page, file);
  g_assert_true (sales_backups_page_is_busy (page));
  while (sales_backups_page_is_busy (page))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (g_stat (dest, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  copy = sales_db_open (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (copy, "customer"), ==, 2);
  g_assert_cmpint (sales_db_count (copy, "deal"), ==, 3);
  g_assert_finalize_object (g_steal_pointer (&copy));

  gui_test_destroy_window (gtk_widget_get_root (GTK_WIDGET (page)));
  remove_tree (dir);
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  SalesBackupsPage *page = open_page (f, FALSE);
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  GtkWidget *spin = find_widget (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON, NULL);
  SalesBackupRetention retention;

  /* The first spin button is the days; it writes the setting… */
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 7);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 14);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "backup-keep-days"), ==, 14);
  sales_settings_get_backup_retention (f->gui.settings, &retention);
  g_assert_cmpuint (retention.days, ==, 14);
  g_assert_cmpuint (retention.weeks, ==, 8);
  g_assert_cmpuint (retention.months, ==, 12);

  /* …and follows it. */
  g_settings_set_uint (gsettings, "backup-keep-days", 3);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 3);

  gui_test_destroy_window (gtk_widget_get_root (GTK_WIDGET (page)));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  SalesBackupsPage *page = open_page (f, TRUE);
  GtkWidget *button = find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Restore…");

  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  sales_backups_page_ask_restore (page, f->older);
  g_assert_null (find_dialog ());
  g_assert_null (f->restored);

  gui_test_destroy_window (gtk_widget_get_root (GTK_WIDGET (page)));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/backups-page/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/backups-page/restore-asks-first", Fixture, NULL, fixture_set_up,
              test_restore_asks_first, fixture_tear_down);
  g_test_add ("/backups-page/save-copy", Fixture, NULL, fixture_set_up, test_save_copy,
              fixture_tear_down);
  g_test_add ("/backups-page/retention", Fixture, NULL, fixture_set_up, test_retention,
              fixture_tear_down);
  g_test_add ("/backups-page/read-only", Fixture, NULL, fixture_set_up, test_read_only,
              fixture_tear_down);

  return g_test_run ();
}
