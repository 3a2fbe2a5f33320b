/* sales-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_WINDOW (sales_window_get_type ())

G_DECLARE_FINAL_TYPE (SalesWindow, sales_window, SALES, WINDOW, AdwApplicationWindow)

SalesWindow   *sales_window_new              (GtkApplication *application,
                                              SalesSettings  *settings,
                                              SalesStore     *store);
SalesSettings *sales_window_get_settings     (SalesWindow    *self);
SalesStore    *sales_window_get_store        (SalesWindow    *self);
const char    *sales_window_get_page         (SalesWindow    *self);
const char    *sales_window_get_visible_view (SalesWindow    *self);
void           sales_window_set_visible_view (SalesWindow    *self,
                                              const char     *name);
void           sales_window_show_error       (SalesWindow    *self,
                                              const GError   *error);
void           sales_window_show_banner      (SalesWindow    *self,
                                              const char     *title,
                                              const char     *button_label,
                                              const char     *action_name);
void           sales_window_hide_banner      (SalesWindow    *self);
const char    *sales_window_get_banner       (SalesWindow    *self);
void           sales_window_add_toast        (SalesWindow    *self,
                                              AdwToast       *toast);
void           sales_window_go_back          (SalesWindow    *self);
GtkWidget     *sales_window_get_customer_page (SalesWindow   *self);
GtkWidget     *sales_window_get_dashboard    (SalesWindow    *self);

G_END_DECLS
