/* sales-recovery-window.h: what to do when the database cannot be opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SALES_TYPE_RECOVERY_WINDOW (sales_recovery_window_get_type ())

G_DECLARE_FINAL_TYPE (SalesRecoveryWindow, sales_recovery_window, SALES, RECOVERY_WINDOW,
                      AdwApplicationWindow)

GtkWidget  *sales_recovery_window_new       (GtkApplication      *application,
                                             const char          *db_path,
                                             const GError        *error);
void        sales_recovery_window_set_error (SalesRecoveryWindow *self,
                                             const GError        *error);
const char *sales_recovery_window_get_path  (SalesRecoveryWindow *self);

G_END_DECLS
