/* test-hard-cases.c: read-only files and folders, another program's lock, another user's
 * file, an empty file, a file deleted or replaced while open, a backup before a bulk change
 *
 * Every case checks that nothing was written: the folder's names, sizes and contents are
 * the same before and after.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"

/* Each file in @dir with a digest of its bytes, sorted: equal strings, equal folders. */
static char *
snapshot_dir (const char *dir)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *bytes = NULL;
      g_autofree char *digest = NULL;
      gsize length = 0;

      bytes = test_read_file (path, &length);
      digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)bytes, length);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GSIZE_FORMAT " %s", name, length, digest));
    }

  g_ptr_array_sort (lines, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *)g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A database with one customer, closed, so that its -wal is folded in and removed. */
static void
make_database (Fixture *f)
{
  g_autoptr(SalesCustomer) customer = NULL;

  fixture_set_up (f, NULL);
  customer = test_add_customer (f, "华为技术", 0);
  g_clear_object (&customer);
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_finalize_object (g_steal_pointer (&f->db));
}

/* For the tests that closed the database themselves. */
static void
remove_closed (Fixture *f)
{
  g_assert_null (f->store);
  g_assert_null (f->db);
  test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gboolean
try_create_customer (SalesStore  *store,
                     GError     **error)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;

  sales_customer_set_name (draft, "Acme");
  customer = sales_store_create (store, SALES_RECORD (draft), error);
  return customer != NULL;
}

static void
check_read_only_open (Fixture    *f,
                      const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot_dir (data_dir);
  g_autofree char *after = NULL;
  g_autofree char *backup = NULL;

  f->db = sales_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (sales_db_is_read_only (f->db));
  f->store = sales_store_new (f->db);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 1);

  g_assert_false (try_create_customer (f->store, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_READONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  /* No backup is written for a file that cannot change. */
  backup = sales_backup_before (f->db, "import", &error);
  g_assert_null (backup);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_READONLY);

  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_finalize_object (g_steal_pointer (&f->db));
  after = snapshot_dir (data_dir);
  g_assert_cmpstr (after, ==, before);
}

static void
test_read_only_file (void)
{
  Fixture f = { 0 };
  g_autofree char *data_dir = NULL;

  make_database (&f);
  data_dir = g_path_get_dirname (f.path);
  g_assert_cmpint (g_chmod (f.path, 0400), ==, 0);

  check_read_only_open (&f, data_dir);

  g_assert_cmpint (g_chmod (f.path, 0600), ==, 0);
  remove_closed (&f);
}

static void
test_read_only_dir (void)
{
  Fixture f = { 0 };
  g_autofree char *data_dir = NULL;

  make_database (&f);
  data_dir = g_path_get_dirname (f.path);
  g_assert_cmpint (g_chmod (data_dir, 0500), ==, 0);

  check_read_only_open (&f, data_dir);

  g_assert_cmpint (g_chmod (data_dir, 0700), ==, 0);
  remove_closed (&f);
}

/* A file that needs a migration cannot be opened read-only: refused, not changed. */
static void
test_read_only_old_schema (void)
{
  Fixture f = { 0 };
  g_autoptr(SalesDb) old = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  f.dir = test_make_temp_dir ();
  f.path = g_build_filename (f.dir, "data", "sales.db", NULL);
  old = sales_db_open_at_version (f.path, 6, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&old));

  data_dir = g_path_get_dirname (f.path);
  g_assert_cmpint (g_chmod (f.path, 0444), ==, 0);
  before = snapshot_dir (data_dir);
  db = sales_db_open (f.path, &error);
  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_READONLY);
  after = snapshot_dir (data_dir);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (g_chmod (f.path, 0600), ==, 0);
  remove_closed (&f);
}

static sqlite3 *
lock_exclusively (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

/* Another program holds a write lock: the store waits for it (the busy timeout), then
 * says so, and writes once the lock is gone. */
static void
test_busy_write (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  sqlite3 *other;
  gint64 start;

  fixture_set_up (&f, NULL);
  other = lock_exclusively (f.path);

  start = g_get_monotonic_time ();
  g_assert_false (try_create_customer (f.store, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program"));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (try_create_customer (f.store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (f.db, "customer"), ==, 1);

  sqlite3_close (other);
  fixture_tear_down (&f, NULL);
}

/* A file in the rollback journal mode (a backup copied back by hand) cannot even be
 * read while another program holds its exclusive lock: the open says who is to blame. */
static void
test_busy_open (void)
{
  Fixture f = { 0 };
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  sqlite3 *other;

  make_database (&f);
  copy = g_build_filename (f.dir, "copy.db", NULL);
  f.db = sales_db_open (f.path, &error);
  g_assert_no_error (error);
  g_assert_true (sales_backup_copy (sales_db_get_handle (f.db), copy, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f.db));

  other = lock_exclusively (copy);
  g_assert_cmpint (sqlite3_exec (other, "UPDATE customer SET name = name", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  db = sales_db_open (copy, &error);
  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Another program is using"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  db = sales_db_open (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_count (db, "customer"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&db));
  remove_closed (&f);
}

/* Only root can give a file away; an ordinary user runs the other half of the case
 * (opening a file they own) in every other test. */
static void
test_other_user (void)
{
  Fixture f = { 0 };
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (getuid () != 0)
    {
      g_test_skip ("only root can give a file to another user");
      return;
    }

  make_database (&f);
  data_dir = g_path_get_dirname (f.path);
  g_assert_cmpint (chown (f.path, 65534, 65534), ==, 0);
  before = snapshot_dir (data_dir);

  db = sales_db_open (f.path, &error);
  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_OTHER_USER);
  g_assert_nonnull (strstr (error->message, "belongs to"));
  after = snapshot_dir (data_dir);
  g_assert_cmpstr (after, ==, before);

  remove_closed (&f);
}

static void
test_empty_file (void)
{
  Fixture f = { 0 };
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  f.dir = test_make_temp_dir ();
  data_dir = g_build_filename (f.dir, "data", NULL);
  f.path = g_build_filename (data_dir, "sales.db", NULL);
  g_assert_cmpint (g_mkdir (data_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f.path, "", 0, NULL));
  before = snapshot_dir (data_dir);

  db = sales_db_open (f.path, &error);
  g_assert_null (db);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  after = snapshot_dir (data_dir);
  g_assert_cmpstr (after, ==, before);

  /* A new file is still created where there is none. */
  g_assert_cmpint (g_unlink (f.path), ==, 0);
  db = sales_db_open (f.path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);

  g_assert_finalize_object (g_steal_pointer (&db));
  remove_closed (&f);
}

static void
test_replaced (void)
{
  Fixture f = { 0 };
  g_autofree char *other = NULL;
  g_autofree char *moved = NULL;

  fixture_set_up (&f, NULL);
  other = g_build_filename (f.dir, "other.db", NULL);
  moved = g_build_filename (f.dir, "moved.db", NULL);
  g_assert_cmpint (sales_db_check_file (f.db), ==, SALES_DB_FILE_SAME);

  g_assert_true (g_file_set_contents (other, "not the same file", -1, NULL));
  g_assert_cmpint (g_rename (f.path, moved), ==, 0);
  g_assert_cmpint (sales_db_check_file (f.db), ==, SALES_DB_FILE_MISSING);

  g_assert_cmpint (g_rename (other, f.path), ==, 0);
  g_assert_cmpint (sales_db_check_file (f.db), ==, SALES_DB_FILE_REPLACED);

  /* The data the connection still holds can be saved elsewhere with the backup API. */
  g_assert_true (sales_backup_copy (sales_db_get_handle (f.db), other, NULL, NULL));

  g_assert_cmpint (g_rename (moved, f.path), ==, 0);
  fixture_tear_down (&f, NULL);
}

/* The one call an import makes first: a backup in the usual folder, with what was there. */
static void
test_backup_before (void)
{
  Fixture f = { 0 };
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  fixture_set_up (&f, NULL);
  customer = test_add_customer (&f, "华为技术", 0);
  dir = sales_backup_dir_for_db (f.path);

  path = sales_backup_before (f.db, "import", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, dir));

  backups = sales_backup_list (dir, TRUE);
  g_assert_cmpuint (backups->len, >=, 1);
  for (guint i = 0; i < backups->len; i++)
    {
      SalesBackup *backup = g_ptr_array_index (backups, i);

      if (g_str_equal (sales_backup_get_path (backup), path))
        g_assert_cmpint (sales_backup_get_customers (backup), ==, 1);
    }

  g_clear_object (&customer);
  fixture_tear_down (&f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hard/read-only-file", test_read_only_file);
  g_test_add_func ("/hard/read-only-dir", test_read_only_dir);
  g_test_add_func ("/hard/read-only-old-schema", test_read_only_old_schema);
  g_test_add_func ("/hard/busy-write", test_busy_write);
  g_test_add_func ("/hard/busy-open", test_busy_open);
  g_test_add_func ("/hard/other-user", test_other_user);
  g_test_add_func ("/hard/empty-file", test_empty_file);
  g_test_add_func ("/hard/replaced", test_replaced);
  g_test_add_func ("/hard/backup-before", test_backup_before);

  return g_test_run ();
}
