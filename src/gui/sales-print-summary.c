/* sales-print-summary.c: "Print Monthly Summary…": the choice, the data, GtkPrintOperation
 *
 * The figures of a month on a million deals take a moment: they are read in a thread on a
 * connection of its own, as the dashboard's are, and a dialog with a spinner shows when that
 * takes longer than a glance. Printing, the preview and "Print to File" then draw the pages with
 * the same renderer as `sales-desk --report`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sales-print-dialog.h"
#include "sales-print-summary.h"

/* Below this, no progress is shown: it would only flash. */
#define PROGRESS_DELAY_MS 300

typedef struct
{
  GtkWindow      *parent;
  SalesSettings  *settings;
  char           *db_path;
  SalesKpiPeriod  period;
  gint64          rep_id;
  char           *language;
  GCancellable   *cancellable;
  GtkWidget      *progress;
  guint           progress_id;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_handle_id (&job->progress_id, g_source_remove);
  if (job->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (job->progress));
  g_clear_object (&job->parent);
  g_clear_object (&job->settings);
  g_clear_object (&job->cancellable);
  g_free (job->db_path);
  g_free (job->language);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintJob, print_job_free)

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             SalesReport       *report)
{
  guint n_pages = sales_report_paginate (report, gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           SalesReport       *report)
{
  sales_report_draw_page (report, gtk_print_context_get_cairo_context (context), page_nr);
}

GtkPrintOperation *
sales_print_summary_operation (SalesReport *report)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *month = NULL;
  g_autofree char *name = NULL;
  SalesKpi *kpi;

  g_return_val_if_fail (SALES_IS_REPORT (report), NULL);

  kpi = sales_report_get_data (report)->kpi;
  month = sales_kpi_period_to_string (&kpi->period);
  /* TRANSLATORS: the name of the print job and of the file "Print to File" suggests; %s is a
   * month such as 2026-10 */
  name = g_strdup_printf (_("Monthly Summary %s"), month);

  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print), report, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page), report, 0);
  g_object_set_data_full (G_OBJECT (operation), "sales-report", g_object_ref (report),
                          g_object_unref);
  return operation;
}

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print the Summary"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
operation_done (GtkPrintOperation       *operation,
                GtkPrintOperationResult  result,
                GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    show_error (parent, error);
}

static void
start_printing (PrintJob        *job,
                SalesReportData *data)
{
  g_autoptr(SalesReport) report = sales_report_new (data);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  sales_report_set_language (report, job->language);
  sales_report_set_company_name (report, sales_settings_get_company_name (job->settings));
  sales_report_set_currency (report, sales_settings_get_currency (job->settings));

  operation = sales_print_summary_operation (report);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (operation_done), job->parent, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, job->parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_error (job->parent, error);
}

static void
collect_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PrintJob *job = task_data;
  GError *error = NULL;
  SalesReportData *data = sales_report_data_collect_for_path (job->db_path, &job->period,
                                                              job->rep_id, &error);

  if (data == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, data, (GDestroyNotify)sales_report_data_unref);
}

static void
collected (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PrintJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(SalesReportData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_handle_id (&job->progress_id, g_source_remove);
  g_clear_pointer ((GtkWindow **)&job->progress, gtk_window_destroy);
  if (g_cancellable_is_cancelled (job->cancellable))
    return;
  if (data == NULL)
    {
      show_error (job->parent, error);
      return;
    }
  start_printing (job, data);
}

static void
progress_response (AdwMessageDialog *dialog,
                   const char       *response,
                   PrintJob         *job)
{
  g_cancellable_cancel (job->cancellable);
  job->progress = NULL;
}

static gboolean
show_progress (gpointer user_data)
{
  PrintJob *job = user_data;
  GtkWidget *spinner = gtk_spinner_new ();

  job->progress_id = 0;
  job->progress = adw_message_dialog_new (job->parent, _("Preparing the Summary…"),
                                          _("The month’s figures are being added up."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (job->progress), "cancel", _("_Cancel"));
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preparing the summary"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (job->progress), spinner);
  g_signal_connect (job->progress, "response", G_CALLBACK (progress_response), job);
  gtk_window_present (GTK_WINDOW (job->progress));
  return G_SOURCE_REMOVE;
}

static void
dialog_response (SalesPrintDialog *dialog,
                 const char       *response,
                 PrintJob         *chosen)
{
  g_autoptr(PrintJob) job = chosen;
  g_autoptr(GTask) task = NULL;
  PrintJob *running;

  if (!g_str_equal (response, "print"))
    return;

  sales_print_dialog_get_period (dialog, &job->period);
  job->rep_id = sales_print_dialog_get_rep_id (dialog);
  job->language = g_strdup (sales_print_dialog_get_language (dialog));
  job->cancellable = g_cancellable_new ();

  running = g_steal_pointer (&job);
  task = g_task_new (NULL, running->cancellable, collected, NULL);
  g_task_set_task_data (task, running, (GDestroyNotify)print_job_free);
  running->progress_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress, running);
  g_task_run_in_thread (task, collect_in_thread);
}

void
sales_print_summary (GtkWindow            *parent,
                     SalesStore           *store,
                     SalesSettings        *settings,
                     const SalesKpiPeriod *period,
                     gint64                rep_id)
{
  PrintJob *job;
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (SALES_IS_STORE (store));
  g_return_if_fail (SALES_IS_SETTINGS (settings));

  job = g_new0 (PrintJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->settings = g_object_ref (settings);
  job->db_path = g_strdup (sales_db_get_path (sales_store_get_db (store)));

  dialog = sales_print_dialog_new (parent, store, period, rep_id);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}
