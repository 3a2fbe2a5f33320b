/* sales-undo-toast.h: the toast that names a change with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

AdwToast *sales_undo_toast_new   (GtkWidget    *owner,
                                  SalesStore   *store,
                                  const char   *title,
                                  guint         timeout_s);
void      sales_undo_toast_set_done_message (AdwToast   *toast,
                                             const char *message);
void      sales_undo_toast_dismiss          (AdwToast   *toast);
void      sales_undo_toast_show  (GtkWidget    *owner,
                                  SalesStore   *store,
                                  guint         timeout_s,
                                  AdwToast    **slot);
gboolean  sales_undo_toast_undo  (GtkWidget    *owner,
                                  SalesStore   *store,
                                  AdwToast    **slot);
void      sales_undo_toast_forget (GtkWidget   *owner,
                                   AdwToast   **slot);

G_END_DECLS
