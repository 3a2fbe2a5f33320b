/* sales-backup-scheduler.h: the automatic backups, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-backup.h"

G_BEGIN_DECLS

#define SALES_TYPE_BACKUP_SCHEDULER (sales_backup_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (SalesBackupScheduler, sales_backup_scheduler, SALES, BACKUP_SCHEDULER,
                      GObject)

SalesBackupScheduler *sales_backup_scheduler_new           (const char                 *db_path,
                                                            const char                 *backup_dir);
void                  sales_backup_scheduler_set_retention (SalesBackupScheduler       *self,
                                                            const SalesBackupRetention *retention);
void                  sales_backup_scheduler_start         (SalesBackupScheduler       *self);
void                  sales_backup_scheduler_check         (SalesBackupScheduler       *self);
gboolean              sales_backup_scheduler_is_running    (SalesBackupScheduler       *self);

G_END_DECLS
