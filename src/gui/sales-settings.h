/* sales-settings.h: the application's GSettings as typed properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sales-backup.h"
#include "sales-pool.h"

G_BEGIN_DECLS

#define SALES_TYPE_SETTINGS (sales_settings_get_type ())

G_DECLARE_FINAL_TYPE (SalesSettings, sales_settings, SALES, SETTINGS, GObject)

SalesSettings *sales_settings_new                     (void);
void           sales_settings_get_window_state        (SalesSettings *self,
                                                       int           *width,
                                                       int           *height,
                                                       gboolean      *maximized);
void           sales_settings_set_window_state        (SalesSettings *self,
                                                       int            width,
                                                       int            height,
                                                       gboolean       maximized);
gboolean       sales_settings_get_first_run_dismissed (SalesSettings *self);
void           sales_settings_set_first_run_dismissed (SalesSettings *self,
                                                       gboolean       dismissed);
const char    *sales_settings_get_company_name        (SalesSettings *self);
void           sales_settings_set_company_name        (SalesSettings *self,
                                                       const char    *company_name);
const char    *sales_settings_get_currency            (SalesSettings *self);
void           sales_settings_set_currency            (SalesSettings *self,
                                                       const char    *currency);
gint64         sales_settings_get_current_rep_id      (SalesSettings *self);
void           sales_settings_set_current_rep_id      (SalesSettings *self,
                                                       gint64         rep_id);
guint          sales_settings_get_payment_reminder_days (SalesSettings *self);
void           sales_settings_set_payment_reminder_days (SalesSettings *self,
                                                         guint          days);

/* The public pool's rules; ::pool-rules-changed tells when any of them changes. */
void           sales_settings_get_pool_rules          (SalesSettings        *self,
                                                       SalesPoolRules       *rules);
void           sales_settings_set_pool_rules          (SalesSettings        *self,
                                                       const SalesPoolRules *rules);

/* How many automatic backups are kept; ::backup-retention-changed tells when it changes. */
void           sales_settings_get_backup_retention    (SalesSettings        *self,
                                                       SalesBackupRetention *retention);
void           sales_settings_set_backup_retention    (SalesSettings              *self,
                                                       const SalesBackupRetention *retention);

G_END_DECLS
