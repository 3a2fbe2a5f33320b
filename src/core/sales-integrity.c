/* sales-integrity.c: whether the database file is whole
 *
 * At start-up PRAGMA quick_check runs for at most a few milliseconds, so that a large
 * database does not hold back the window; when it runs out of time the full
 * integrity_check continues on a worker thread with a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-integrity.h"

/* How many virtual machine instructions pass between two looks at the cancellable. */
#define PROGRESS_OPS 2000

/* PRAGMA quick_check does all its work in one virtual machine instruction, so a progress
 * handler is not called until it has finished: on a 150 MB file that was half a second
 * before the first frame. sqlite3_interrupt() is checked inside the b-tree walk, so a
 * watchdog thread interrupts the check when its time is up. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean done;
  gint64   deadline;
  sqlite3 *handle;
} Watchdog;

static gpointer
watchdog_thread (gpointer user_data)
{
  Watchdog *watchdog = user_data;

  g_mutex_lock (&watchdog->lock);
  while (!watchdog->done)
    {
      /* An interrupt that comes before the statement starts is forgotten, so it is
       * repeated every millisecond until the check has returned. */
      if (!g_cond_wait_until (&watchdog->cond, &watchdog->lock, watchdog->deadline) &&
          !watchdog->done)
        {
          sqlite3_interrupt (watchdog->handle);
          watchdog->deadline = g_get_monotonic_time () + G_TIME_SPAN_MILLISECOND;
        }
    }
  g_mutex_unlock (&watchdog->lock);

  return NULL;
}

static SalesIntegrity
run_check (sqlite3    *handle,
           const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  SalesIntegrity result = SALES_INTEGRITY_DAMAGED;
  int rc;

  rc = sqlite3_prepare_v2 (handle, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 0), "ok") == 0)
        result = SALES_INTEGRITY_OK;
    }
  else if ((rc & 0xff) == SQLITE_INTERRUPT || (rc & 0xff) == SQLITE_BUSY)
    {
      result = SALES_INTEGRITY_UNFINISHED;
    }

  sqlite3_finalize (stmt);
  return result;
}

/**
 * sales_integrity_quick_check:
 * @handle: an open connection
 * @budget_ms: how long the check may take
 *
 * Runs PRAGMA quick_check on @handle for at most about @budget_ms.
 *
 * Returns: %SALES_INTEGRITY_UNFINISHED when time ran out before an answer.
 */
SalesIntegrity
sales_integrity_quick_check (sqlite3 *handle,
                             guint    budget_ms)
{
  Watchdog watchdog = { .handle = handle };
  GThread *thread;
  SalesIntegrity result;

  g_return_val_if_fail (handle != NULL, SALES_INTEGRITY_UNFINISHED);

  g_mutex_init (&watchdog.lock);
  g_cond_init (&watchdog.cond);
  watchdog.deadline = g_get_monotonic_time () + (gint64)budget_ms * G_TIME_SPAN_MILLISECOND;
  thread = g_thread_new ("sales-quick-check", watchdog_thread, &watchdog);

  result = run_check (handle, "PRAGMA quick_check(1)");

  g_mutex_lock (&watchdog.lock);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.lock);
  g_thread_join (thread);
  g_mutex_clear (&watchdog.lock);
  g_cond_clear (&watchdog.cond);

  return result;
}

/**
 * sales_integrity_quick_check_file:
 * @path: the database file
 * @budget_ms: how long the check may take
 *
 * Runs PRAGMA quick_check on @path through a read-only connection of its own, so that
 * it can run on another thread while the application starts, and before anything
 * writes to the file.
 *
 * Returns: %SALES_INTEGRITY_OK for a file that does not exist yet;
 * %SALES_INTEGRITY_UNFINISHED when time ran out, or when the file cannot be read as a
 * database at all (opening it says why).
 */
SalesIntegrity
sales_integrity_quick_check_file (const char *path,
                                  guint       budget_ms)
{
  sqlite3 *handle = NULL;
  SalesIntegrity result = SALES_INTEGRITY_UNFINISHED;

  g_return_val_if_fail (path != NULL, SALES_INTEGRITY_UNFINISHED);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return SALES_INTEGRITY_OK;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
    {
      int rc = sqlite3_exec (handle, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        result = sales_integrity_quick_check (handle, budget_ms);
      else if ((rc & 0xff) == SQLITE_CORRUPT)
        result = SALES_INTEGRITY_DAMAGED;
    }
  sqlite3_close (handle);

  return result;
}

static int
cancelled (void *user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static void
interrupt_check (GCancellable *cancellable,
                 gpointer      user_data)
{
  sqlite3_interrupt (user_data);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *db_path = task_data;
  sqlite3 *handle = NULL;
  SalesIntegrity result;
  gulong handler = 0;

  if (sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (handle);
      g_task_return_new_error (task, SALES_DB_ERROR, SALES_DB_ERROR_OPEN,
                               _("Cannot open the database “%s”"), db_path);
      return;
    }

  sqlite3_busy_timeout (handle, 5000);
  /* See CHECK_MMAP_PRAGMA in sales-backup.c: the full check reads pages many times over. */
  sqlite3_exec (handle, "PRAGMA mmap_size = 2147418112", NULL, NULL, NULL);
  if (cancellable != NULL)
    {
      sqlite3_progress_handler (handle, PROGRESS_OPS * 50, cancelled, cancellable);
      /* The b-tree walk does not call the progress handler (see above). */
      handler = g_cancellable_connect (cancellable, G_CALLBACK (interrupt_check), handle, NULL);
    }
  result = run_check (handle, "PRAGMA integrity_check(1)");
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  sqlite3_close (handle);

  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_int (task, result);
}

/**
 * sales_integrity_check_async:
 * @db_path: the database to check, which the application may be writing
 *
 * Runs the full PRAGMA integrity_check on a worker thread.
 */
void
sales_integrity_check_async (const char          *db_path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (db_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sales_integrity_check_async);
  g_task_set_task_data (task, g_strdup (db_path), g_free);
  g_task_run_in_thread (task, check_thread);
}

/* Returns: the answer of the check; %SALES_INTEGRITY_UNFINISHED with @error set when it
 * could not run or was cancelled. */
SalesIntegrity
sales_integrity_check_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), SALES_INTEGRITY_UNFINISHED);

  value = g_task_propagate_int (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return SALES_INTEGRITY_UNFINISHED;
    }

  return value;
}
