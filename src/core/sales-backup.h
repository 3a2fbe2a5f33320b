/* sales-backup.h: verified copies of the database, their names, listing and retention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "sales-db.h"

G_BEGIN_DECLS

/* Which backups are kept: every backup younger than @days days, the newest of each of
 * the last @weeks calendar weeks and the newest of each of the last @months calendar
 * months (local time). */
typedef struct
{
  guint days;
  guint weeks;
  guint months;
} SalesBackupRetention;

#define SALES_BACKUP_RETENTION_DEFAULT ((SalesBackupRetention) { 7, 8, 12 })

/* A daily backup is due when the newest one is at least this old. */
#define SALES_BACKUP_INTERVAL_S (24 * 60 * 60)

/* Called after each step of a copy with the pages copied so far and the pages in all; done
 * equals total once every page is on the disk, and the copy's check follows. */
typedef void (*SalesBackupProgressFunc) (guint64  done,
                                         guint64  total,
                                         gpointer user_data);

#define SALES_TYPE_BACKUP (sales_backup_get_type ())

G_DECLARE_FINAL_TYPE (SalesBackup, sales_backup, SALES, BACKUP, GObject)

const char *sales_backup_get_path          (SalesBackup                *self);
gint64      sales_backup_get_time          (SalesBackup                *self);
gint64      sales_backup_get_size          (SalesBackup                *self);
gint64      sales_backup_get_customers     (SalesBackup                *self);
gint64      sales_backup_get_deals         (SalesBackup                *self);

char       *sales_backup_dir_for_db        (const char                 *db_path);
char       *sales_backup_file_name         (gint64                      time);
gboolean    sales_backup_parse_file_name   (const char                 *name,
                                            gint64                     *time);

gboolean    sales_backup_copy              (sqlite3                    *source,
                                            const char                 *dest_path,
                                            GCancellable               *cancellable,
                                            GError                    **error);
gboolean    sales_backup_copy_file         (const char                 *db_path,
                                            const char                 *dest_path,
                                            SalesBackupProgressFunc     progress,
                                            gpointer                    progress_data,
                                            GCancellable               *cancellable,
                                            GError                    **error);
char       *sales_backup_create            (sqlite3                    *source,
                                            const char                 *backup_dir,
                                            gint64                      now,
                                            GError                    **error);
char       *sales_backup_create_for_db     (const char                 *db_path,
                                            const char                 *backup_dir,
                                            gint64                      now,
                                            GCancellable               *cancellable,
                                            GError                    **error);
char       *sales_backup_before            (SalesDb                    *db,
                                            const char                 *reason,
                                            GError                    **error);

GPtrArray  *sales_backup_list              (const char                 *backup_dir,
                                            gboolean                    with_counts);
gboolean    sales_backup_is_due            (const char                 *backup_dir,
                                            gint64                      now);

void        sales_backup_retention_select  (const gint64               *times,
                                            guint                       n_times,
                                            gint64                      now,
                                            const SalesBackupRetention *retention,
                                            gboolean                   *keep);
guint       sales_backup_prune             (const char                 *backup_dir,
                                            gint64                      now,
                                            const SalesBackupRetention *retention);

SalesBackup *sales_backup_find_newest_good (const char               *backup_dir);
char       *sales_backup_set_aside         (const char                 *db_path,
                                            gint64                      now,
                                            GError                    **error);
gboolean    sales_backup_restore           (const char                 *backup_path,
                                            const char                 *db_path,
                                            const char                 *backup_dir,
                                            gint64                      now,
                                            char                      **safety_copy,
                                            GError                    **error);

G_END_DECLS
