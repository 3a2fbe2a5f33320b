/* sales-application-private.h: what the application's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-application.h"
#include "sales-backup-scheduler.h"
#include "sales-collection-notifier.h"
#include "sales-followup-notifier.h"
#include "sales-pool-watcher.h"

G_BEGIN_DECLS

struct _SalesApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  SalesSettings  *settings;
  SalesStore     *store;
  SalesFollowupNotifier *notifier;
  SalesCollectionNotifier *collection_notifier;
  guint           notifier_start;
  SalesPoolWatcher *pool_watcher;
  guint           pool_start;
  SalesBackupScheduler *backups;
  guint           backups_start;
  GCancellable   *full_check;
  guint           full_check_start;
  GThread        *first_check;
  guint           file_check;
  SalesDbFileState file_state;
  GtkNativeDialog *save_chooser;
};

/* sales-application.c */
gboolean   sales_application_open_store            (SalesApplication  *self,
                                                    GError           **error);
GtkWindow *sales_application_find_main_window      (SalesApplication  *self);
GtkWindow *sales_application_create_main_window    (SalesApplication  *self,
                                                    const GError      *error);
void       sales_application_show_recovery         (SalesApplication  *self,
                                                    const GError      *error);
gboolean   sales_application_needs_recovery        (const GError      *error);
void       sales_application_start_background_work (SalesApplication  *self);

/* sales-application-files.c */
gboolean   sales_application_is_read_only          (SalesApplication  *self);
void       sales_application_close_store           (SalesApplication  *self);
void       sales_application_watch_file            (SalesApplication  *self);
void       sales_application_check_file            (SalesApplication  *self);
void       sales_application_show_file_state       (SalesApplication  *self,
                                                    GtkWindow         *window);
void       sales_application_on_main_window_active (SalesApplication  *self,
                                                    GParamSpec        *pspec,
                                                    GtkWindow         *window);
void       sales_application_restore_backup        (GSimpleAction     *action,
                                                    GVariant          *param,
                                                    gpointer           user_data);
void       sales_application_undo_restore          (GSimpleAction     *action,
                                                    GVariant          *param,
                                                    gpointer           user_data);
void       sales_application_save_open_data        (GSimpleAction     *action,
                                                    GVariant          *param,
                                                    gpointer           user_data);

G_END_DECLS
