/* sales-undo-toast.h: the toasts that name a change with Undo, and error toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

void     sales_toast_add         (GtkWidget     *widget,
                                  AdwToast      *toast);
void     sales_toast_show_error  (GtkWidget     *widget,
                                  const GError  *error);
void     sales_undo_toast_show   (GtkWidget     *widget,
                                  SalesStore    *store,
                                  AdwToast     **slot);
gboolean sales_undo_toast_undo   (GtkWidget     *widget,
                                  SalesStore    *store,
                                  AdwToast     **slot);
void     sales_undo_toast_clear  (GtkWidget     *widget,
                                  AdwToast     **slot);

G_END_DECLS
