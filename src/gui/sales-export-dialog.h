/* sales-export-dialog.h: "Export Data…": which table, then the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

GtkWidget *sales_export_dialog_new (GtkWindow  *parent,
                                    SalesStore *store);

G_END_DECLS
