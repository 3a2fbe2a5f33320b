/* test-crash.c: a writer killed with SIGKILL at random moments loses nothing it committed
 *
 * The test runs itself as the writer (`test-crash --writer DB FIRST`): it creates
 * customers and deals and moves deals through SalesStore, one transaction each, and
 * after every commit reports it on stdout. The test kills it at a random moment, then
 * checks the file: integrity_check and foreign_key_check pass, every reported commit is
 * there, and no move is half applied (a deal's stage is always that of its last history
 * row). The number of kills is SALES_DESK_CRASH_RUNS (default 20; the long run is 200).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"

#define DEFAULT_RUNS 20

static void
report (const char *format,
        ...) G_GNUC_PRINTF (1, 2);

static void
report (const char *format,
        ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  /* write(2), not stdio: a line is either reported whole or not at all when killed. */
  g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, (gssize)strlen (line));
}

static gint64
random_id (SalesDb    *db,
           const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY random() LIMIT 1", table);
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  if (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static int
run_writer (const char *path,
            gint64      first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = sales_db_open (path, &error);
  g_autoptr(SalesStore) store = NULL;

  g_assert_no_error (error);
  store = sales_store_new (db);

  for (gint64 i = first; ; i++)
    {
      gint64 customer_id = random_id (db, "customer");
      gint64 deal_id = random_id (db, "deal");

      if (i % 3 == 0 || customer_id == 0)
        {
          g_autoptr(SalesCustomer) draft = sales_customer_new ();
          g_autoptr(SalesCustomer) customer = NULL;
          g_autofree char *name = g_strdup_printf ("c%" G_GINT64_FORMAT, i);

          sales_customer_set_name (draft, name);
          customer = sales_store_create (store, SALES_RECORD (draft), &error);
          g_assert_no_error (error);
          report ("customer %s\n", name);
        }
      else if (i % 3 == 1 || deal_id == 0)
        {
          g_autoptr(SalesDeal) draft = sales_deal_new ();
          g_autoptr(SalesDeal) deal = NULL;
          g_autofree char *title = g_strdup_printf ("d%" G_GINT64_FORMAT, i);

          sales_deal_set_customer_id (draft, customer_id);
          sales_deal_set_stage_id (draft, 1 + i % 5);
          sales_deal_set_title (draft, title);
          sales_deal_set_amount_cents (draft, i);
          deal = sales_store_create (store, SALES_RECORD (draft), &error);
          g_assert_no_error (error);
          report ("deal %s\n", title);
        }
      else
        {
          g_autoptr(SalesDeal) deal = sales_store_get_deal (store, deal_id, &error);
          gint64 stage_id;

          g_assert_no_error (error);
          stage_id = 1 + (sales_deal_get_stage_id (deal) % 5);
          sales_store_move_deal (store, deal, stage_id, 0, &error);
          g_assert_no_error (error);
          report ("move %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", deal_id, stage_id);
        }
    }

  return 0;
}

static void
check_file (const char *path,
            const char *reported,
            guint      *n_commits)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_auto(GStrv) lines = g_strsplit (reported, "\n", -1);

  db = sales_db_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sales_integrity_quick_check (sales_db_get_handle (db), 60000), ==,
                   SALES_INTEGRITY_OK);
  {
    g_autofree char *check = test_query_text (db, "PRAGMA integrity_check");

    g_assert_cmpstr (check, ==, "ok");
  }
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==,
                   0);

  /* A move writes the deal's stage and its history row in one transaction: both or
   * neither. */
  g_assert_cmpint (test_query_int (db,
                                   "SELECT count(*) FROM deal d WHERE d.stage_id IS NOT "
                                   "  (SELECT h.to_stage_id FROM deal_stage_history h "
                                   "   WHERE h.deal_id = d.id ORDER BY h.id DESC LIMIT 1)"),
                   ==, 0);

  /* Every commit the writer saw succeed is there. A line cut short by the kill is not a
   * report: it had no newline yet. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", -1);
      g_autofree char *sql = NULL;

      if (g_str_equal (words[0], "customer"))
        sql = g_strdup_printf ("SELECT count(*) FROM customer WHERE name = '%s'", words[1]);
      else if (g_str_equal (words[0], "deal"))
        sql = g_strdup_printf ("SELECT count(*) FROM deal WHERE title = '%s'", words[1]);
      else
        sql = g_strdup_printf ("SELECT count(*) FROM deal_stage_history "
                               "WHERE deal_id = %s AND to_stage_id = %s", words[1], words[2]);

      if (test_query_int (db, sql) < 1)
        g_error ("a reported commit is missing: %s", lines[i]);
      (*n_commits)++;
    }
}

static void
test_kill_writer (void)
{
  const char *runs_text = g_getenv ("SALES_DESK_CRASH_RUNS");
  guint runs = runs_text != NULL ? (guint)g_ascii_strtoull (runs_text, NULL, 10) : DEFAULT_RUNS;
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  guint n_commits = 0;

  g_assert_nonnull (self);

  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *first = g_strdup_printf ("%u", (run + 1) * 1000000);
      const char *argv[] = { self, "--writer", path, first, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) reported = g_string_new (NULL);
      GPid pid;
      int out_fd;
      int status;
      char buffer[4096];
      gssize n;
      gint64 deadline;

      g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* Killed 50 to 400 ms after its first commit: at start-up, in a write, between. */
      deadline = 0;
      while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
        {
          g_string_append_len (reported, buffer, n);
          if (deadline == 0)
            deadline = g_get_monotonic_time () + g_test_rand_int_range (50, 400) * 1000;
          if (g_get_monotonic_time () >= deadline)
            break;
        }
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      while ((n = read (out_fd, buffer, sizeof buffer)) > 0)
        g_string_append_len (reported, buffer, n);
      close (out_fd);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      g_spawn_close_pid (pid);

      check_file (path, reported->str, &n_commits);
    }

  g_test_message ("%u kills, %u reported commits all present, no file damaged", runs,
                  n_commits);
  g_assert_cmpuint (n_commits, >, runs);
  test_remove_dir (dir);
}

/* The disk fills up during a write: the store says so, and the file is as it was. The
 * file's size limit is PRAGMA max_page_count, which fails the write exactly as a full
 * disk does (SQLITE_FULL), without needing a small file system. */
static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = g_strnfill (512 * 1024, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *check = NULL;

  customer = test_add_customer (f, "华为技术", 0);
  before = test_dump_all (f->db);

  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                           test_query_int (f->db, "PRAGMA page_count") + 4);
  test_exec (f->db, limit);

  sales_customer_set_name (draft, "Acme");
  sales_customer_set_notes (draft, notes);
  g_clear_object (&customer);
  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_null (customer);
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, "The disk is full; the change was not saved");
  g_clear_error (&error);

  after = test_dump_all (f->db);
  g_assert_cmpstr (after, ==, before);
  check = test_query_text (f->db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  /* With room again, the same change goes through. */
  test_exec (f->db, "PRAGMA max_page_count = 1073741823");
  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);
  g_assert_nonnull (customer);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-writer", test_kill_writer);
  g_test_add ("/crash/disk-full", Fixture, NULL, fixture_set_up, test_disk_full,
              fixture_tear_down);

  return g_test_run ();
}
