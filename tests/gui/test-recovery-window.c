/* test-recovery-window.c: the page shown instead of the main window for a damaged file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gui-test-util.h"
#include "sales-core.h"
#include "sales-recovery-window.h"

#define RESOURCE_PREFIX "/io/github/salesdesk/SalesDesk"

/* 2026-11-22 09:30:00 in Shanghai (TZ is Asia/Shanghai in the tests). */
#define BACKUP_TIME G_GINT64_CONSTANT (1795311000)

typedef struct
{
  char *dir;
  char *db_path;
  char *damaged;
  gsize damaged_length;
} RecoveryFixture;

static void
exec_sql (SalesDb    *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  sales_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

/* A database with 2 customers and 3 deals, a backup of it, then the file damaged: page
 * 2 onwards overwritten, as a failing disk would. */
static void
recovery_fixture_set_up (RecoveryFixture *f,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autofree char *backup_dir = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *junk = g_malloc (4096 * 4);
  FILE *file;

  f->dir = g_dir_make_tmp ("sales-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "shop.db", NULL);

  db = sales_db_open (f->db_path, &error);
  g_assert_no_error (error);
  exec_sql (db,
            "INSERT INTO customer (id, name, created_at, updated_at) VALUES "
            "  (1, '华为技术', 1, 1), (2, 'Acme', 1, 1);"
            "INSERT INTO deal (title, customer_id, stage_id, created_at, stage_changed_at) VALUES "
            "  ('ERP', 1, 1, 1, 1), ('CRM', 1, 2, 1, 1), ('PLM', 2, 1, 1, 1);");
  backup_dir = sales_backup_dir_for_db (f->db_path);
  backup = sales_backup_create (sales_db_get_handle (db), backup_dir, BACKUP_TIME, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&db));

  memset (junk, 0xa5, 4096 * 4);
  file = g_fopen (f->db_path, "r+b");
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, 4096, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, 4096 * 4, file), ==, 4096 * 4);
  fclose (file);
  g_assert_true (g_file_get_contents (f->db_path, &f->damaged, &f->damaged_length, NULL));
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

static void
recovery_fixture_tear_down (RecoveryFixture *f,
                            gconstpointer    data)
{
  g_autofree char *backup_dir = sales_backup_dir_for_db (f->db_path);

  remove_tree (backup_dir);
  remove_tree (f->dir);
  g_free (f->damaged);
  g_free (f->db_path);
  g_free (f->dir);
}

static GtkWidget *
open_recovery (RecoveryFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = sales_db_open (f->db_path, &error);
  GtkWidget *window;

  /* What the application sees: the file opens, and the start-up check finds the damage. */
  g_assert_no_error (error);
  g_assert_cmpint (sales_integrity_quick_check (sales_db_get_handle (db), 1000), ==,
                   SALES_INTEGRITY_DAMAGED);
  g_assert_finalize_object (g_steal_pointer (&db));
  g_set_error (&error, SALES_DB_ERROR, SALES_DB_ERROR_CORRUPT,
               _("The database “%s” is damaged"), f->db_path);

  window = sales_recovery_window_new (NULL, f->db_path, error);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_animations (window);
  return window;
}

static void
assert_damaged_file_unchanged (RecoveryFixture *f,
                               const char      *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, f->damaged, f->damaged_length);
}

static void
test_screenshot (RecoveryFixture *f,
                 gconstpointer    data)
{
  GtkWidget *window = open_recovery (f);
  g_autofree char *name = g_strdup_printf ("recovery-%s", (const char *)data);
  g_autofree char *path = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 660);
  gui_test_wait_for_animations (window);
  path = gui_test_save_screenshot (window, name);
  g_test_message ("screenshot: %s", path);

  gui_test_destroy_window (window);
  assert_damaged_file_unchanged (f, f->db_path);
}

static void
on_open (SalesRecoveryWindow *window,
         const char          *path,
         const char          *note,
         char               **out)
{
  g_assert_null (*out);
  *out = g_strdup (path);
  g_assert_nonnull (note);
}

/* Restoring moves the damaged file aside unchanged and puts the backup in its place. */
static void
test_restore (RecoveryFixture *f,
              gconstpointer    data)
{
  GtkWidget *window = open_recovery (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *aside = NULL;
  const char *name;

  g_signal_connect (window, "open", G_CALLBACK (on_open), &opened);
  g_assert_true (gtk_widget_activate_action (window, "recovery.restore", NULL));
  g_assert_cmpstr (opened, ==, f->db_path);
  gui_test_destroy_window (window);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "shop.db.damaged-"))
      aside = g_build_filename (f->dir, name, NULL);
  g_assert_nonnull (aside);
  assert_damaged_file_unchanged (f, aside);

  db = sales_db_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (db, "customer"), ==, 2);
  g_assert_cmpint (sales_db_count (db, "deal"), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
  g_autofree char *data_home = g_dir_make_tmp ("sales-recovery-data-XXXXXX", NULL);
  g_autoptr(GtkCssProvider) provider = NULL;
  const char *language = g_getenv ("LANGUAGE");
  int status;

  /* Before anything asks GLib for it: the backups go to a folder of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gui_test_init (&argc, &argv))
    return 0;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add ("/recovery-window/screenshot", RecoveryFixture,
              language != NULL && g_str_has_prefix (language, "zh_CN") ? "zh_CN" : "en",
              recovery_fixture_set_up, test_screenshot, recovery_fixture_tear_down);
  g_test_add ("/recovery-window/restore", RecoveryFixture, NULL, recovery_fixture_set_up,
              test_restore, recovery_fixture_tear_down);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
