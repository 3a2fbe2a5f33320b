/* pool.c: applying the public pool's rules on a large database
 *
 *   pool --db FILE [--worker] [--json]
 *   pool --db FILE --upgrade
 *
 * Opens FILE (made with `sales-desk --seed-demo` or `search-query --generate`, and changed:
 * the rules are applied to it) through SalesDb and SalesStore as the application does, and
 * applies the default rules as of now twice:
 *
 *   first   the first application, which returns every customer the sample data left
 *           unattended (tens of thousands on the demo's data)
 *   again   the same day, when there is nothing left to do: what the daily run costs
 *
 * Without --worker through sales_store_apply_pool_rules(), on the calling thread; with it
 * through sales_store_apply_pool_rules_async() as the window does, timed until its
 * callback, while a 5 ms timeout on the main loop measures the longest the main thread went
 * without running it (the longest the window would have gone without drawing). Times are
 * wall clock and processor time of the whole process (both threads), in milliseconds.
 *
 * With --upgrade it only brings FILE to the current schema (tests/bench/pool.py does so
 * before copying it for the sqlite3 shell, which should work on the same schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sales-core.h"
#include "sales-pool.h"

#define TICK_MS 5

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The processor time of this process, its threads included: on a machine shared with
 * other work, the wall clock says more about the others. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
query_int (SalesDb    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, NULL);
  gint64 value;

  g_assert (stmt != NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

typedef struct
{
  SalesPoolResult result;
  double          wall_ms;
  double          cpu_ms;
  double          stall_ms;  /* the longest gap between ticks of the main loop, past TICK_MS */
} Run;

typedef struct
{
  GMainLoop *loop;
  Run       *run;
  double     last_tick;
} Waiting;

static gboolean
tick (gpointer user_data)
{
  Waiting *waiting = user_data;
  double t = now_ms ();

  waiting->run->stall_ms = MAX (waiting->run->stall_ms, t - waiting->last_tick - TICK_MS);
  waiting->last_tick = t;

  return G_SOURCE_CONTINUE;
}

static void
applied (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  Waiting *waiting = user_data;
  g_autoptr(GError) error = NULL;

  if (!sales_store_apply_pool_rules_finish (SALES_STORE (object), async_result,
                                            &waiting->run->result, &error))
    g_error ("%s", error->message);
  g_main_loop_quit (waiting->loop);
}

static void
apply (SalesStore *store,
       gboolean    worker,
       Run        *run)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  double cpu = cpu_ms ();

  run->stall_ms = 0;
  if (worker)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      Waiting waiting = { loop, run, start };
      guint source = g_timeout_add (TICK_MS, tick, &waiting);

      sales_store_apply_pool_rules_async (store, NULL, applied, &waiting);
      g_main_loop_run (loop);
      g_source_remove (source);
      tick (&waiting);
    }
  else if (!sales_store_apply_pool_rules (store, &run->result, &error))
    g_error ("%s", error->message);

  run->wall_ms = now_ms () - start;
  run->cpu_ms = cpu_ms () - cpu;
  if (!worker)
    run->stall_ms = run->wall_ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  gboolean worker = FALSE;
  gboolean json = FALSE;
  gboolean upgrade = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database (changed)", "FILE" },
    { "worker", 0, 0, G_OPTION_ARG_NONE, &worker, "Apply the rules on a worker thread", NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { "upgrade", 0, 0, G_OPTION_ARG_NONE, &upgrade, "Only upgrade the schema", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  gint64 customers, owned, followups;
  double open_start = now_ms (), open_ms;
  Run first = { { 0 } }, again = { { 0 } };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL)
    g_error ("%s", error != NULL ? error->message : "--db is required");

  db = sales_db_open (path, &error);
  g_assert_no_error (error);
  if (upgrade)
    return EXIT_SUCCESS;
  store = sales_store_new (db);
  open_ms = now_ms () - open_start;

  customers = query_int (db, "SELECT count(*) FROM customer");
  owned = query_int (db, "SELECT count(*) FROM customer WHERE owner_id IS NOT NULL");
  followups = query_int (db, "SELECT count(*) FROM activity");

  apply (store, worker, &first);
  apply (store, worker, &again);

  if (json)
    printf ("{\"customers\": %" G_GINT64_FORMAT ", \"owned\": %" G_GINT64_FORMAT ", "
            "\"followups\": %" G_GINT64_FORMAT ", \"worker\": %s, \"open_ms\": %.1f, "
            "\"first_ms\": %.1f, \"first_cpu_ms\": %.1f, \"first_stall_ms\": %.1f, "
            "\"returned\": %u, \"warned\": %u, "
            "\"again_ms\": %.1f, \"again_cpu_ms\": %.1f, \"again_stall_ms\": %.1f, "
            "\"again_returned\": %u, \"again_warned\": %u}\n",
            customers, owned, followups, worker ? "true" : "false", open_ms,
            first.wall_ms, first.cpu_ms, first.stall_ms, first.result.returned,
            first.result.warned, again.wall_ms, again.cpu_ms, again.stall_ms,
            again.result.returned, again.result.warned);
  else
    printf ("%" G_GINT64_FORMAT " customers (%" G_GINT64_FORMAT " owned), %" G_GINT64_FORMAT
            " follow-ups, %s\n"
            "first: %.1f ms (processor %.1f ms; %u returned, %u warned), "
            "main thread held up to %.1f ms\n"
            "again: %.1f ms (processor %.1f ms; %u returned, %u warned), "
            "main thread held up to %.1f ms\n",
            customers, owned, followups, worker ? "on a worker thread" : "on the main thread",
            first.wall_ms, first.cpu_ms, first.result.returned, first.result.warned,
            first.stall_ms, again.wall_ms, again.cpu_ms, again.result.returned,
            again.result.warned, again.stall_ms);

  return EXIT_SUCCESS;
}
