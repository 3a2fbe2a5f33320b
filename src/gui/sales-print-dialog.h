/* sales-print-dialog.h: which month, rep and language the printed summary is of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-kpi.h"
#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_PRINT_DIALOG (sales_print_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalesPrintDialog, sales_print_dialog, SALES, PRINT_DIALOG, AdwMessageDialog)

/* @period: (nullable): the month chosen first; a quarter or year gives its last month, NULL
 * this month. @rep_id: the rep chosen first, 0 for the whole team. */
GtkWidget  *sales_print_dialog_new          (GtkWindow            *parent,
                                             SalesStore           *store,
                                             const SalesKpiPeriod *period,
                                             gint64                rep_id);
void        sales_print_dialog_get_period   (SalesPrintDialog     *self,
                                             SalesKpiPeriod       *period);
gint64      sales_print_dialog_get_rep_id   (SalesPrintDialog     *self);
/* NULL: the language of the user interface. */
const char *sales_print_dialog_get_language (SalesPrintDialog     *self);
void        sales_print_dialog_set_language (SalesPrintDialog     *self,
                                             const char           *language);

G_END_DECLS
