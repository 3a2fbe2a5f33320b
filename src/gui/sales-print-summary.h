/* sales-print-summary.h: "Print Monthly Summary…": the choice, the data, GtkPrintOperation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-report.h"
#include "sales-settings.h"
#include "sales-store.h"

G_BEGIN_DECLS

/* Asks for the month, the rep and the language (first @period and @rep_id, as the dashboard
 * shows them), reads the figures in a thread, then opens the print dialog with its preview,
 * page setup and "Print to File". @period: (nullable): this month when NULL. */
void               sales_print_summary           (GtkWindow            *parent,
                                                  SalesStore           *store,
                                                  SalesSettings        *settings,
                                                  const SalesKpiPeriod *period,
                                                  gint64                rep_id);

/* A print operation that draws @report with the renderer of the PDF: A4 portrait unless the
 * page setup says otherwise, in points, on the whole sheet (the summary keeps its own
 * margins). */
GtkPrintOperation *sales_print_summary_operation (SalesReport          *report);

G_END_DECLS
