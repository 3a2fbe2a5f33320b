/* test-backup.c: backups written, checked, listed, pruned and restored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-util.h"

/* TZ is Asia/Shanghai (UTC+8, no daylight saving) in every test. */
static gint64
local_time (int year,
            int month,
            int day,
            int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (dt);
}

static void
test_file_names (void)
{
  g_autofree char *name = sales_backup_file_name (TEST_T0);
  gint64 time = 0;

  /* 1 700 000 000 is 2023-11-14 22:13:20 UTC, 2023-11-15 06:13:20 in Shanghai. */
  g_assert_cmpstr (name, ==, "sales-20231115-061320.db");
  g_assert_true (sales_backup_parse_file_name (name, &time));
  g_assert_cmpint (time, ==, TEST_T0);

  g_assert_false (sales_backup_parse_file_name ("sales-20231115-061320.db-journal", NULL));
  g_assert_false (sales_backup_parse_file_name (".sales-backup-AbC123", NULL));
  g_assert_false (sales_backup_parse_file_name ("sales-20231315-061320.db", NULL));
  g_assert_false (sales_backup_parse_file_name ("sales-2023x115-061320.db", NULL));
  g_assert_false (sales_backup_parse_file_name ("sales.db", NULL));
}

/* The rule worked out by hand for Monday 2026-11-23 12:00, 7 days, 8 weeks, 12 months.
 * Weeks start on Monday: week 0 is Nov 23–29, week 1 Nov 16–22, week 2 Nov 9–15,
 * week 4 Oct 26–Nov 1, week 8 Sep 28–Oct 4 (not kept: weeks 0–7). Months: 0 is
 * 2026-11, 1 is October, 2 September, 11 2025-12, 12 2025-11 (not kept: 0–11). */
static void
test_retention (void)
{
  const SalesBackupRetention rule = SALES_BACKUP_RETENTION_DEFAULT;
  const struct {
    gint64   time;
    gboolean kept;
    const char *why;
  } cases[] = {
    { local_time (2026, 11, 23, 9), TRUE, "3 hours old" },
    { local_time (2026, 11, 17, 13), TRUE, "5 days 23 hours old; also week 1's newest" },
    { local_time (2026, 11, 16, 11), FALSE, "7 days 1 hour old; Nov 17 is newer in week 1" },
    { local_time (2026, 11, 10, 8), TRUE, "week 2's newest" },
    { local_time (2026, 11, 9, 8), FALSE, "week 2, older than Nov 10" },
    { local_time (2026, 10, 31, 20), TRUE, "week 4's newest and October's newest" },
    { local_time (2026, 10, 2, 10), FALSE, "week 8; October has Oct 31" },
    { local_time (2026, 9, 30, 10), TRUE, "September's newest" },
    { local_time (2026, 9, 1, 10), FALSE, "September, older than Sep 30" },
    { local_time (2025, 12, 15, 10), TRUE, "month 11's newest" },
    { local_time (2025, 11, 30, 10), FALSE, "month 12" },
    { local_time (2027, 1, 1, 0), TRUE, "from the future: the clock was set back" },
  };
  gint64 times[G_N_ELEMENTS (cases)];
  gboolean keep[G_N_ELEMENTS (cases)];
  const SalesBackupRetention none = { 0, 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    times[i] = cases[i].time;

  sales_backup_retention_select (times, G_N_ELEMENTS (cases), 1795406400, &rule, keep);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("backup %u: %s", i, cases[i].why);
      g_assert_cmpint (keep[i], ==, cases[i].kept);
    }

  /* Nothing configured: only the newest stays, never none. */
  sales_backup_retention_select (times, G_N_ELEMENTS (cases) - 1, 1795406400, &none, keep);
  g_assert_true (keep[0]);
  for (guint i = 1; i < G_N_ELEMENTS (cases) - 1; i++)
    g_assert_false (keep[i]);
}

static void
touch (const char *dir,
       gint64      time)
{
  g_autofree char *name = sales_backup_file_name (time);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static void
test_prune (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  const SalesBackupRetention rule = SALES_BACKUP_RETENTION_DEFAULT;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);

  touch (dir, local_time (2026, 11, 23, 9));
  touch (dir, local_time (2026, 11, 16, 11));
  touch (dir, local_time (2026, 11, 17, 13));
  touch (dir, local_time (2025, 11, 30, 10));
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));

  g_assert_cmpuint (sales_backup_prune (dir, 1795406400, &rule), ==, 2);

  left = sales_backup_list (dir, FALSE);
  g_assert_cmpuint (left->len, ==, 2);
  g_assert_cmpint (sales_backup_get_time (g_ptr_array_index (left, 0)), ==,
                   local_time (2026, 11, 23, 9));
  g_assert_cmpint (sales_backup_get_time (g_ptr_array_index (left, 1)), ==,
                   local_time (2026, 11, 17, 13));
  /* Files that are not backups are not touched. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  test_remove_dir (dir);
}

static void
add_sample (Fixture *f)
{
  g_autoptr(SalesCustomer) a = test_add_customer (f, "华为技术", 0);
  g_autoptr(SalesCustomer) b = test_add_customer (f, "Acme", 0);
  g_autoptr(SalesDeal) d1 = test_add_deal (f, sales_record_get_id (SALES_RECORD (a)), 1, "ERP",
                                           100);
  g_autoptr(SalesDeal) d2 = test_add_deal (f, sales_record_get_id (SALES_RECORD (a)), 2, "CRM",
                                           200);
  g_autoptr(SalesDeal) d3 = test_add_deal (f, sales_record_get_id (SALES_RECORD (b)), 1, "PLM",
                                           300);
}

static void
close_fixture (Fixture *f)
{
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_finalize_object (g_steal_pointer (&f->db));
}

static void
reopen_fixture (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->db = sales_db_open (f->path, &error);
  g_assert_no_error (error);
  f->store = sales_store_new (f->db);
}

static void
test_backup_and_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *expected = g_build_filename (dir, "sales-20231115-061320.db", NULL);
  g_autofree char *wal = g_strconcat (expected, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  SalesBackup *backup;
  GStatBuf buf;

  add_sample (f);
  g_assert_true (sales_backup_is_due (dir, TEST_T0));

  /* A write transaction left open by the application does not stop the backup,
   * and its uncommitted row is not in it. */
  g_assert_true (sales_db_begin (f->db, &error));
  test_exec (f->db, "INSERT INTO customer (name, created_at, updated_at) VALUES ('半途', 1, 1)");
  path = sales_backup_create_for_db (f->path, dir, TEST_T0, NULL, &error);
  g_assert_no_error (error);
  sales_db_rollback (f->db);

  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* A second one in the same second takes the next second's name. */
  second = sales_backup_create_for_db (f->path, dir, TEST_T0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (second, "sales-20231115-061321.db"));

  backups = sales_backup_list (dir, TRUE);
  g_assert_cmpuint (backups->len, ==, 2);
  backup = g_ptr_array_index (backups, 1);
  g_assert_cmpstr (sales_backup_get_path (backup), ==, expected);
  g_assert_cmpint (sales_backup_get_time (backup), ==, TEST_T0);
  g_assert_cmpint (sales_backup_get_size (backup), ==, buf.st_size);
  g_assert_cmpint (sales_backup_get_customers (backup), ==, 2);
  g_assert_cmpint (sales_backup_get_deals (backup), ==, 3);

  g_assert_false (sales_backup_is_due (dir, TEST_T0 + SALES_BACKUP_INTERVAL_S));
  g_assert_true (sales_backup_is_due (dir, TEST_T0 + 1 + SALES_BACKUP_INTERVAL_S));
}

typedef struct
{
  const char *dest;
  guint64     last_done;
  guint64     total;
  guint       calls;
  guint       complete_calls;
  gint64      temp_size;
} ProgressLog;

/* The size of the one temporary copy in @dir, or -1; @header gets its first 100 bytes. */
static gint64
temp_copy_size (const char *dir,
                guint8     *header)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 size = -1;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".sales-backup-") && strchr (name + 14, '-') == NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        GStatBuf buf;

        g_assert_cmpint (size, ==, -1);
        g_assert_cmpint (g_stat (path, &buf), ==, 0);
        size = buf.st_size;
        if (header != NULL)
          {
            g_autoptr(GFile) file = g_file_new_for_path (path);
            g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
            gsize n = 0;

            g_assert_true (g_input_stream_read_all (in, header, 100, &n, NULL, NULL));
            g_assert_cmpuint (n, ==, 100);
          }
      }
  return size;
}

static void
log_progress (guint64  done,
              guint64  total,
              gpointer data)
{
  ProgressLog *log = data;
  g_autofree char *dir = g_path_get_dirname (log->dest);

  g_assert_cmpuint (log->complete_calls, ==, 0);
  g_assert_cmpuint (done, >=, log->last_done);
  g_assert_cmpuint (done, <=, total);
  if (log->calls > 0)
    g_assert_cmpuint (total, ==, log->total);
  log->last_done = done;
  log->total = total;
  log->calls++;
  if (done == total)
    {
      /* Every page is in the temporary copy before it is checked and named. */
      guint8 header[100];

      log->complete_calls++;
      log->temp_size = temp_copy_size (dir, header);
      /* ... and it is already the one file it will be, a rollback-journal database (the
       * source is WAL): bytes 18 and 19 of the header say 1, not 2. */
      g_assert_cmpuint (header[18], ==, 1);
      g_assert_cmpuint (header[19], ==, 1);
      g_assert_false (g_file_test (log->dest, G_FILE_TEST_EXISTS));
    }
}

static void
test_copy_progress (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *copies = g_build_filename (f->dir, "copies", NULL);
  g_autofree char *dest = g_build_filename (copies, "copy.db", NULL);
  g_autofree char *notes = g_strnfill (3000, 'x');
  g_autoptr(GError) error = NULL;
  ProgressLog log = { .dest = dest };
  GStatBuf buf;

  /* Enough pages for several steps of the backup API. */
  test_exec (f->db, "BEGIN");
  for (int i = 0; i < 3000; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO customer (name, notes, created_at, "
                                              "updated_at) VALUES ('c%d', '%s', 1, 1)",
                                              i, notes);
      test_exec (f->db, sql);
    }
  test_exec (f->db, "COMMIT");

  g_assert_true (sales_backup_copy_file (f->path, dest, log_progress, &log, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (log.calls, >, 2);
  g_assert_cmpuint (log.complete_calls, ==, 1);
  g_assert_cmpint (g_stat (dest, &buf), ==, 0);
  g_assert_cmpint (log.temp_size, ==, buf.st_size);
  g_assert_cmpint (buf.st_size, ==, (gint64)log.total * 4096);
  g_assert_cmpint (temp_copy_size (copies, NULL), ==, -1);
}

static void
test_restore_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *undo_safety = NULL;
  g_autofree char *before = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *dump = NULL;

  add_sample (f);
  before = test_dump_all (f->db);
  backup = sales_backup_create_for_db (f->path, dir, TEST_T0, NULL, &error);
  g_assert_no_error (error);

  test_exec (f->db, "UPDATE customer SET name = 'Acme Ltd' WHERE name = 'Acme'");
  test_exec (f->db, "DELETE FROM deal WHERE title = 'ERP'");
  changed = test_dump_all (f->db);
  close_fixture (f);

  g_assert_true (sales_backup_restore (backup, f->path, dir, TEST_T0 + 60, &safety, &error));
  g_assert_no_error (error);
  g_assert_nonnull (safety);

  reopen_fixture (f);
  dump = test_dump_all (f->db);
  g_assert_cmpstr (dump, ==, before);
  close_fixture (f);

  /* Undo: the safety copy holds the file as it was before the restore. */
  g_assert_true (sales_backup_restore (safety, f->path, dir, TEST_T0 + 120, &undo_safety,
                                       &error));
  g_assert_no_error (error);
  reopen_fixture (f);
  g_clear_pointer (&dump, g_free);
  dump = test_dump_all (f->db);
  g_assert_cmpstr (dump, ==, changed);
}

/* A damaged database cannot be backed up; restoring over it moves it aside with its
 * bytes unchanged. A damaged backup is refused and the database stays as it was. */
static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.db", NULL);
  g_autofree char *bad_backup = g_build_filename (dir, "sales-20231115-061320.db", NULL);
  g_autofree char *aside = g_strconcat (f->path, ".damaged-20231115-061420", NULL);
  const char *words = "Customers to call on Monday\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *safety = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;

  g_assert_true (g_file_set_contents (text, words, -1, NULL));
  copy = sales_backup_create_for_db (text, dir, TEST_T0, NULL, &error);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CORRUPT);
  g_assert_null (copy);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_backup, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad_backup, words, -1, NULL));
  add_sample (f);
  before = test_dump_all (f->db);
  close_fixture (f);
  g_assert_false (sales_backup_restore (bad_backup, f->path, dir, TEST_T0, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_CORRUPT);
  g_clear_error (&error);
  reopen_fixture (f);
  contents = test_dump_all (f->db);
  g_assert_cmpstr (contents, ==, before);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_unlink (bad_backup), ==, 0);

  backup = sales_backup_create_for_db (f->path, dir, TEST_T0, NULL, &error);
  g_assert_no_error (error);
  close_fixture (f);

  g_assert_true (g_file_set_contents (f->path, words, -1, NULL));
  g_assert_true (sales_backup_restore (backup, f->path, dir, TEST_T0 + 60, &safety, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (safety, ==, aside);
  g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, words);

  reopen_fixture (f);
  g_clear_pointer (&contents, g_free);
  contents = test_dump_all (f->db);
  g_assert_cmpstr (contents, ==, before);
}

/* Upgrading a file from an earlier schema first copies it as it was. */
static void
test_before_migration (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup_dir = sales_backup_dir_for_db (path);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesDb) copy = NULL;
  SalesBackup *backup;

  db = sales_db_open_at_version (path, SALES_DB_SCHEMA_VERSION - 1, &error);
  g_assert_no_error (error);
  test_exec (db, "INSERT INTO customer (name, created_at, updated_at) VALUES ('老客户', 1, 1)");
  g_assert_finalize_object (g_steal_pointer (&db));

  before = sales_backup_list (backup_dir, FALSE);
  g_assert_cmpuint (before->len, ==, 0);

  db = sales_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_get_schema_version (db), ==, SALES_DB_SCHEMA_VERSION);

  after = sales_backup_list (backup_dir, TRUE);
  g_assert_cmpuint (after->len, ==, 1);
  backup = g_ptr_array_index (after, 0);
  g_assert_cmpint (sales_backup_get_customers (backup), ==, 1);
  copy = sales_db_open_at_version (sales_backup_get_path (backup), SALES_DB_SCHEMA_VERSION - 1,
                                   &error);
  g_assert_no_error (error);
  g_assert_cmpint (sales_db_get_schema_version (copy), ==, SALES_DB_SCHEMA_VERSION - 1);

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&db));
  test_remove_dir (backup_dir);
  test_remove_dir (dir);
}

static void
on_backed_up (SalesBackupScheduler *scheduler,
              const char           *path,
              char                **out)
{
  g_assert_null (*out);
  *out = g_strdup (path);
}

/* The automatic backup is made on a worker thread when one is due, and only then. */
static void
test_scheduler (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->dir, "backups", NULL);
  g_autoptr(SalesBackupScheduler) scheduler = sales_backup_scheduler_new (f->path, dir);
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *made = NULL;

  add_sample (f);
  g_signal_connect (scheduler, "backed-up", G_CALLBACK (on_backed_up), &made);

  sales_backup_scheduler_check (scheduler);
  g_assert_true (sales_backup_scheduler_is_running (scheduler));
  while (sales_backup_scheduler_is_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (made);

  backups = sales_backup_list (dir, TRUE);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpstr (sales_backup_get_path (g_ptr_array_index (backups, 0)), ==, made);
  g_assert_cmpint (sales_backup_get_deals (g_ptr_array_index (backups, 0)), ==, 3);

  /* A second check the same day finds the backup recent and makes none. */
  sales_backup_scheduler_check (scheduler);
  while (sales_backup_scheduler_is_running (scheduler))
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = sales_backup_list (dir, FALSE);
  g_assert_cmpuint (backups->len, ==, 1);
}

static void
test_dir_for_db (void)
{
  g_autofree char *default_path = sales_db_default_path ();
  g_autofree char *default_dir = sales_backup_dir_for_db (default_path);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "sales-desk", "backups",
                                                NULL);
  g_autofree char *other = sales_backup_dir_for_db ("/srv/shop/sales.db");
  g_autofree char *other_base = g_path_get_basename (other);
  g_autofree char *other_parent = g_path_get_dirname (other);

  g_assert_cmpstr (default_dir, ==, expected);
  g_assert_cmpstr (other_parent, ==, expected);
  g_assert_true (g_str_has_prefix (other_base, "sales-"));
  g_assert_cmpuint (strlen (other_base), ==, strlen ("sales-") + 8);
}

/* The start-up check answers within its time even on a file whose check takes far
 * longer: PRAGMA quick_check does its whole walk in one step, where no progress handler
 * runs, so only sqlite3_interrupt() can stop it. */
static void
test_quick_check_time_box (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sales-quick-check-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.db", NULL);
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start, unbounded_us, boxed_us;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB);"
                                 "CREATE INDEX t_b ON t (b);"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                 " WHERE i < 60000) INSERT INTO t (b) SELECT randomblob(100) FROM n;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_cmpint (sales_integrity_quick_check (handle, 60000), ==, SALES_INTEGRITY_OK);
  unbounded_us = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  g_assert_cmpint (sales_integrity_quick_check (handle, 1), ==, SALES_INTEGRITY_UNFINISHED);
  boxed_us = g_get_monotonic_time () - start;
  g_test_message ("quick_check: %" G_GINT64_FORMAT " us whole, %" G_GINT64_FORMAT
                  " us with 1 ms allowed", unbounded_us, boxed_us);
  g_assert_cmpint (boxed_us, <, unbounded_us);

  /* The interrupt does not reach the next statement. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM t", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 60000);
  sqlite3_finalize (stmt);

  sqlite3_close (handle);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/file-names", test_file_names);
  g_test_add_func ("/backup/dir-for-db", test_dir_for_db);
  g_test_add_func ("/backup/retention", test_retention);
  g_test_add_func ("/backup/prune", test_prune);
  g_test_add ("/backup/create-and-list", Fixture, NULL, fixture_set_up, test_backup_and_list,
              fixture_tear_down);
  g_test_add ("/backup/copy-progress", Fixture, NULL, fixture_set_up, test_copy_progress,
              fixture_tear_down);
  g_test_add ("/backup/restore-and-undo", Fixture, NULL, fixture_set_up, test_restore_and_undo,
              fixture_tear_down);
  g_test_add ("/backup/damaged", Fixture, NULL, fixture_set_up, test_damaged, fixture_tear_down);
  g_test_add_func ("/backup/before-migration", test_before_migration);
  g_test_add_func ("/integrity/quick-check-time-box", test_quick_check_time_box);
  g_test_add ("/backup/scheduler", Fixture, NULL, fixture_set_up, test_scheduler,
              fixture_tear_down);

  return g_test_run ();
}
