/* sales-read-only.h: the editing actions of a widget, off for a file opened read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-store.h"

G_BEGIN_DECLS

void sales_read_only_disable_actions (GtkWidget          *widget,
                                      SalesStore         *store,
                                      const char * const *actions);

G_END_DECLS
