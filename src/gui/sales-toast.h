/* sales-toast.h: toasts whose title is text, not markup, and where they go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *sales_toast_new_text       (const char   *text);
void      sales_toast_set_title_text (AdwToast     *toast,
                                      const char   *text);
gboolean  sales_toast_add            (GtkWidget    *near,
                                      AdwToast     *toast);
void      sales_toast_show_error     (GtkWidget    *near,
                                      const GError *error);
void      sales_toast_dismiss        (AdwToast     *toast);

G_END_DECLS
