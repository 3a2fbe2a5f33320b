/* test-pool-watcher.c: the public pool's daily run, and letting go of the file
 *
 * Closing the file (a restore, another file) stops the watcher: a run that has not started
 * writing gives up without a warning, one that has finishes whole, and then nothing holds
 * the store any longer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-pool-watcher.h"

#define CUSTOMERS 4000

typedef struct
{
  guint returned;
  guint signals;
} Applied;

static void
on_applied (SalesPoolWatcher *watcher,
            guint             returned,
            guint             warned,
            Applied          *applied)
{
  applied->returned = returned;
  applied->signals++;
}

/* CUSTOMERS customers of one rep, made a year ago and never followed up: the default rules
 * return every one of them. */
static void
add_neglected_customers (GuiFixture *f)
{
  g_autofree char *sql = NULL;
  gint64 year_ago = g_get_real_time () / G_USEC_PER_SEC - 365 * 86400;

  g_assert_true (sales_db_exec (f->db, "INSERT INTO rep (id, name, active) VALUES (1, '王伟', 1)",
                                NULL));
  sql = g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < %d) "
                         "INSERT INTO customer (name, owner_id, created_at, updated_at) "
                         "SELECT '客户' || i, 1, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         " FROM n", CUSTOMERS, year_ago, year_ago);
  g_assert_true (sales_db_exec (f->db, sql, NULL));
}

static gint64
pool_customers (GuiFixture *f)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (f->db),
                                       "SELECT count(*) FROM customer WHERE owner_id IS NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static void
wait_for_finalize (gpointer *pointer)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*pointer != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (*pointer);
}

static void
test_runs (GuiFixture    *f,
           gconstpointer  data)
{
  SalesPoolWatcher *watcher;
  Applied applied = { 0 };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  add_neglected_customers (f);
  watcher = sales_pool_watcher_new (f->store, f->settings);
  g_signal_connect (watcher, "applied", G_CALLBACK (on_applied), &applied);
  sales_pool_watcher_start (watcher);

  while (applied.signals == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (applied.signals, ==, 1);
  g_assert_cmpuint (applied.returned, ==, CUSTOMERS);
  g_assert_cmpint (pool_customers (f), ==, CUSTOMERS);

  g_object_add_weak_pointer (G_OBJECT (watcher), (gpointer *)&watcher);
  g_object_unref (watcher);
  wait_for_finalize ((gpointer *)&watcher);
}

/* Stopped right after its first run started: either the run gave up before writing, or it
 * wrote everything; no warning either way (warnings are fatal here), and the watcher, and
 * with it the store, is let go once the worker is done. */
static void
test_stop (GuiFixture    *f,
           gconstpointer  data)
{
  SalesPoolWatcher *watcher;
  Applied applied = { 0 };
  gint64 returned;

  add_neglected_customers (f);
  watcher = sales_pool_watcher_new (f->store, f->settings);
  g_signal_connect (watcher, "applied", G_CALLBACK (on_applied), &applied);
  sales_pool_watcher_start (watcher);
  sales_pool_watcher_stop (watcher);

  g_object_add_weak_pointer (G_OBJECT (watcher), (gpointer *)&watcher);
  g_object_unref (watcher);
  wait_for_finalize ((gpointer *)&watcher);

  returned = pool_customers (f);
  g_test_message ("the stopped run returned %" G_GINT64_FORMAT " customers", returned);
  g_assert_true (returned == 0 || returned == CUSTOMERS);
  g_assert_cmpuint (applied.signals, ==, returned == 0 ? 0 : 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/pool-watcher/runs", GuiFixture, NULL, gui_fixture_set_up, test_runs,
              gui_fixture_tear_down);
  g_test_add ("/pool-watcher/stop", GuiFixture, NULL, gui_fixture_set_up, test_stop,
              gui_fixture_tear_down);

  return g_test_run ();
}
