/* sales-backup-scheduler.c: the automatic backups, on a worker thread
 *
 * A backup is made when the newest is a day old or older: at start-up and then
 * whenever an hourly check finds one due, so that a computer that sleeps through the
 * night still gets its daily backup when it wakes. The copy and the pruning run on a
 * worker thread with connections of their own; the main loop only hears the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-backup-scheduler.h"

#define CHECK_INTERVAL_S (60 * 60)

struct _SalesBackupScheduler
{
  GObject               parent_instance;

  char                 *db_path;
  char                 *backup_dir;
  SalesBackupRetention  retention;
  GCancellable         *cancellable;
  guint                 check_id;
  guint                 running : 1;
};

G_DEFINE_FINAL_TYPE (SalesBackupScheduler, sales_backup_scheduler, G_TYPE_OBJECT)

enum {
  BACKED_UP,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char                 *db_path;
  char                 *backup_dir;
  SalesBackupRetention  retention;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_free (job->backup_dir);
  g_free (job);
}

static void
sales_backup_scheduler_dispose (GObject *object)
{
  SalesBackupScheduler *self = (SalesBackupScheduler *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_id, g_source_remove);

  G_OBJECT_CLASS (sales_backup_scheduler_parent_class)->dispose (object);
}

static void
sales_backup_scheduler_finalize (GObject *object)
{
  SalesBackupScheduler *self = (SalesBackupScheduler *)object;

  g_clear_object (&self->cancellable);
  g_free (self->db_path);
  g_free (self->backup_dir);

  G_OBJECT_CLASS (sales_backup_scheduler_parent_class)->finalize (object);
}

static void
sales_backup_scheduler_class_init (SalesBackupSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sales_backup_scheduler_dispose;
  object_class->finalize = sales_backup_scheduler_finalize;

  /**
   * SalesBackupScheduler::backed-up:
   * @path: the new backup
   */
  signals[BACKED_UP] = g_signal_new ("backed-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * SalesBackupScheduler::failed:
   * @error: why no backup was made
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
sales_backup_scheduler_init (SalesBackupScheduler *self)
{
  self->retention = SALES_BACKUP_RETENTION_DEFAULT;
  self->cancellable = g_cancellable_new ();
}

/**
 * sales_backup_scheduler_new:
 * @db_path: the database to back up
 * @backup_dir: where its backups go
 */
SalesBackupScheduler *
sales_backup_scheduler_new (const char *db_path,
                            const char *backup_dir)
{
  SalesBackupScheduler *self;

  g_return_val_if_fail (db_path != NULL, NULL);
  g_return_val_if_fail (backup_dir != NULL, NULL);

  self = g_object_new (SALES_TYPE_BACKUP_SCHEDULER, NULL);
  self->db_path = g_strdup (db_path);
  self->backup_dir = g_strdup (backup_dir);
  return self;
}

void
sales_backup_scheduler_set_retention (SalesBackupScheduler       *self,
                                      const SalesBackupRetention *retention)
{
  g_return_if_fail (SALES_IS_BACKUP_SCHEDULER (self));
  g_return_if_fail (retention != NULL);

  self->retention = *retention;
}

gboolean
sales_backup_scheduler_is_running (SalesBackupScheduler *self)
{
  g_return_val_if_fail (SALES_IS_BACKUP_SCHEDULER (self), FALSE);

  return self->running;
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Nothing to do is a success without a path. */
  if (!sales_backup_is_due (job->backup_dir, now))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  path = sales_backup_create_for_db (job->db_path, job->backup_dir, now, cancellable, &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sales_backup_prune (job->backup_dir, now, &job->retention);
  g_task_return_pointer (task, g_steal_pointer (&path), g_free);
}

static void
job_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SalesBackupScheduler *self = SALES_BACKUP_SCHEDULER (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->running = FALSE;
  path = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_signal_emit (self, signals[FAILED], 0, error);
  else if (path != NULL)
    g_signal_emit (self, signals[BACKED_UP], 0, path);
}

/**
 * sales_backup_scheduler_check:
 *
 * Makes a backup on a worker thread when one is due and none is being made, then
 * prunes the old ones; emits ::backed-up or ::failed when it is done.
 */
void
sales_backup_scheduler_check (SalesBackupScheduler *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (SALES_IS_BACKUP_SCHEDULER (self));

  if (self->running)
    return;

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (self->db_path);
  job->backup_dir = g_strdup (self->backup_dir);
  job->retention = self->retention;

  self->running = TRUE;
  task = g_task_new (self, self->cancellable, job_done, NULL);
  g_task_set_source_tag (task, sales_backup_scheduler_check);
  g_task_set_task_data (task, job, (GDestroyNotify)job_free);
  g_task_run_in_thread (task, run_job);
}

static gboolean
check_timeout (gpointer user_data)
{
  sales_backup_scheduler_check (user_data);
  return G_SOURCE_CONTINUE;
}

/* Checks now and every hour from now on. */
void
sales_backup_scheduler_start (SalesBackupScheduler *self)
{
  g_return_if_fail (SALES_IS_BACKUP_SCHEDULER (self));

  if (self->check_id != 0)
    return;

  sales_backup_scheduler_check (self);
  self->check_id = g_timeout_add_seconds (CHECK_INTERVAL_S, check_timeout, self);
}
