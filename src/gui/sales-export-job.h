/* sales-export-job.h: one export from the window: the file chooser, the work in a thread, toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sales-export-lists.h"

G_BEGIN_DECLS

#define SALES_TYPE_EXPORT_JOB (sales_export_job_get_type ())

G_DECLARE_FINAL_TYPE (SalesExportJob, sales_export_job, SALES, EXPORT_JOB, GObject)

SalesExportJob *sales_export_job_new          (SalesExporter     *exporter,
                                               GtkWidget         *widget);
SalesExporter  *sales_export_job_get_exporter (SalesExportJob    *self);
GFile          *sales_export_job_get_file     (SalesExportJob    *self);
gboolean        sales_export_job_is_running   (SalesExportJob    *self);
void            sales_export_job_choose       (SalesExportJob    *self);
void            sales_export_job_start        (SalesExportJob    *self,
                                               GFile             *file,
                                               SalesExportFormat  format);
void            sales_export_job_cancel       (SalesExportJob    *self);

G_END_DECLS
