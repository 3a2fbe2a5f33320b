/* sales-backups-page.h: the Backups page of the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"

G_BEGIN_DECLS

#define SALES_TYPE_BACKUPS_PAGE (sales_backups_page_get_type ())

G_DECLARE_FINAL_TYPE (SalesBackupsPage, sales_backups_page, SALES, BACKUPS_PAGE,
                      AdwPreferencesPage)

GtkWidget  *sales_backups_page_new          (SalesSettings    *settings,
                                             const char       *db_path,
                                             gboolean          read_only);
GListModel *sales_backups_page_get_backups  (SalesBackupsPage *self);
void        sales_backups_page_refresh      (SalesBackupsPage *self);
gboolean    sales_backups_page_is_busy      (SalesBackupsPage *self);
void        sales_backups_page_save_copy    (SalesBackupsPage *self,
                                             GFile            *file);
void        sales_backups_page_ask_restore  (SalesBackupsPage *self,
                                             const char       *backup_path);

G_END_DECLS
