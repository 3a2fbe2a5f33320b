/* test-pool-watcher.c: the public pool's daily run, and letting go of the file
 *
 * Closing the file (a restore, another file) stops the watcher: a run that has not started
 * writing gives up without a warning, one that has finishes whole, and then nothing holds
 * the store any longer. The store's pool hook holds the worker at either point, so that
 * each branch is taken every time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-pool-watcher.h"
#include "sales-store-private.h"

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

/* The one number @sql counts. */
static gint64
count_of (GuiFixture *f,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 count;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (f->db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return count;
}

static gint64
pool_customers (GuiFixture *f)
{
  return count_of (f, "SELECT count(*) FROM customer WHERE owner_id IS NULL");
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

/* Holds the public pool's worker at one point until released, as the watcher would find it
 * when the file is closed there. */
typedef struct
{
  GMutex             mutex;
  GCond              cond;
  SalesPoolHookPoint hold_at;
  gboolean           arrived;
  gboolean           released;
} Gate;

static void
gate_init (Gate               *gate,
           SalesPoolHookPoint  hold_at)
{
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  gate->hold_at = hold_at;
  gate->arrived = gate->released = FALSE;
}

/* Once the run is over. */
static void
gate_clear (Gate *gate)
{
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
}

static void
gate_hook (SalesPoolHookPoint point,
           gpointer           user_data)
{
  Gate *gate = user_data;

  if (point != gate->hold_at)
    return;

  g_mutex_lock (&gate->mutex);
  gate->arrived = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->released)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

static void
gate_wait (Gate *gate)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_mutex_lock (&gate->mutex);
  while (!gate->arrived && g_cond_wait_until (&gate->cond, &gate->mutex, deadline))
    ;
  g_assert_true (gate->arrived);
  g_mutex_unlock (&gate->mutex);
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
}

/* Every customer's owner and the customer events, to compare before and after. */
static char *
owners_and_events (GuiFixture *f)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (f->db),
                                       "SELECT (SELECT group_concat (id || '=' || "
                                       "  ifnull (owner_id, '-'), ',') FROM customer) || ' / ' || "
                                       "  (SELECT count(*) FROM customer_event)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gint64
returned_events (GuiFixture *f)
{
  return count_of (f, "SELECT count(*) FROM customer_event WHERE kind = 'returned'");
}

/* What sales_application_close_store() does: the store and its connection are let go of.
 * @db is then the connection while something else still holds it, NULL once it is closed. */
static void
let_go_of_store (GuiFixture  *f,
                 SalesDb    **db)
{
  *db = f->db;
  g_object_add_weak_pointer (G_OBJECT (*db), (gpointer *)db);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
}

/* The file opened again, for the checks and the tear-down. */
static void
reopen_store (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;

  f->db = sales_db_open (f->db_path, &error);
  g_assert_no_error (error);
  f->store = sales_store_new (f->db);
}

/* Stopped while its first run is about to open its own connection: the run gives up without
 * a warning (warnings are fatal here) or signal, writes nothing, and the file can be let go
 * of at once. */
static void
test_stop_before_opening (GuiFixture    *f,
                          gconstpointer  data)
{
  Gate gate;
  SalesPoolWatcher *watcher;
  Applied applied = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SalesDb *db;

  add_neglected_customers (f);
  before = owners_and_events (f);
  gate_init (&gate, SALES_POOL_HOOK_OPENING);
  sales_store_set_pool_hook (f->store, gate_hook, &gate);
  watcher = sales_pool_watcher_new (f->store, f->settings);
  g_signal_connect (watcher, "applied", G_CALLBACK (on_applied), &applied);
  sales_pool_watcher_start (watcher);
  gate_wait (&gate);

  sales_pool_watcher_stop (watcher);
  gate_release (&gate);
  g_object_add_weak_pointer (G_OBJECT (watcher), (gpointer *)&watcher);
  g_object_unref (watcher);
  /* The watcher is held until the run has told it how it ended. */
  wait_for_finalize ((gpointer *)&watcher);
  g_assert_cmpuint (applied.signals, ==, 0);
  gate_clear (&gate);

  let_go_of_store (f, &db);
  g_assert_null (db);

  reopen_store (f);
  after = owners_and_events (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (pool_customers (f), ==, 0);
}

/* Stopped while its first run is writing: the run finishes whole and is signalled, and
 * letting go of the file waits for it. */
static void
test_stop_while_writing (GuiFixture    *f,
                         gconstpointer  data)
{
  Gate gate;
  SalesPoolWatcher *watcher;
  Applied applied = { 0 };
  SalesDb *db;
  gint64 until;

  add_neglected_customers (f);
  gate_init (&gate, SALES_POOL_HOOK_WRITING);
  sales_store_set_pool_hook (f->store, gate_hook, &gate);
  watcher = sales_pool_watcher_new (f->store, f->settings);
  g_signal_connect (watcher, "applied", G_CALLBACK (on_applied), &applied);
  sales_pool_watcher_start (watcher);
  gate_wait (&gate);

  sales_pool_watcher_stop (watcher);
  g_object_add_weak_pointer (G_OBJECT (watcher), (gpointer *)&watcher);
  g_object_unref (watcher);
  let_go_of_store (f, &db);

  /* Whatever the main loop does meanwhile, the run holds the store and its connection. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 5;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (db);
  g_assert_nonnull (watcher);

  gate_release (&gate);
  wait_for_finalize ((gpointer *)&db);
  wait_for_finalize ((gpointer *)&watcher);
  gate_clear (&gate);
  g_assert_cmpuint (applied.signals, ==, 1);
  g_assert_cmpuint (applied.returned, ==, CUSTOMERS);

  reopen_store (f);
  g_assert_cmpint (pool_customers (f), ==, CUSTOMERS);
  g_assert_cmpint (returned_events (f), ==, CUSTOMERS);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/pool-watcher/runs", GuiFixture, NULL, gui_fixture_set_up, test_runs,
              gui_fixture_tear_down);
  g_test_add ("/pool-watcher/stop-before-opening", GuiFixture, NULL, gui_fixture_set_up,
              test_stop_before_opening, gui_fixture_tear_down);
  g_test_add ("/pool-watcher/stop-while-writing", GuiFixture, NULL, gui_fixture_set_up,
              test_stop_while_writing, gui_fixture_tear_down);

  return g_test_run ();
}
