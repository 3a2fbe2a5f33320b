/* test-print-summary.c: printing the monthly summary through GtkPrintOperation
 *
 * The print operation of the window exports to a PDF ("Print to File" writes through the same
 * operation) and must give the text of `sales-desk --report` for the same month; the dialog
 * before it starts at the month and rep the dashboard shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "sales-print-dialog.h"
#include "sales-print-summary.h"
#include "sales-report.h"

static void
seed (GuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 15, 12, 0, 0);
  SalesDemoOptions options;

  sales_demo_options_init (&options);
  options.reps = 6;
  options.deals = 1500;
  options.now = g_date_time_to_unix (now);
  g_assert_true (sales_store_seed_demo (f->store, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_export (GuiFixture    *f,
             gconstpointer  data)
{
  g_autoptr(SalesReportData) report_data = NULL;
  g_autoptr(SalesReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *headless = g_build_filename (f->dir, "headless.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *headless_text = NULL;
  SalesKpiPeriod period;
  GtkPrintOperationResult result;

  seed (f);
  g_assert_true (sales_kpi_period_parse (&period, "2026-10", NULL));
  report_data = sales_report_data_collect_for_path (f->db_path, &period, 0, &error);
  g_assert_no_error (error);
  report = sales_report_new (report_data);

  operation = sales_print_summary_operation (report);
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpuint (sales_report_get_n_pages (report), >=, 2);

  if (g_getenv ("SALES_DESK") != NULL)
    {
      const char *argv[] = { g_getenv ("SALES_DESK"), "--db", f->db_path, "--report", "2026-10",
                             "--output", headless, NULL };
      int status;

      g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  else
    {
      g_assert_true (sales_report_write_pdf (report, SALES_REPORT_PAPER_A4, headless, &error));
      g_assert_no_error (error);
    }

  /* The same words at the same places: the same layout drawn twice. */
  printed_text = pdf_text (printed);
  headless_text = pdf_text (headless);
  g_assert_nonnull (strstr (printed_text, "Monthly Sales Summary"));
  g_assert_nonnull (strstr (printed_text, "Team total"));
  g_assert_cmpstr (printed_text, ==, headless_text);
  g_unlink (printed);
  g_unlink (headless);
}

static void
test_dialog (GuiFixture    *f,
             gconstpointer  data)
{
  g_autoptr(GtkWidget) dialog = NULL;
  g_autofree char *screenshot = NULL;
  SalesKpiPeriod quarter;
  SalesKpiPeriod chosen;

  seed (f);
  /* A quarter on the dashboard: its last month; the rep shown. */
  g_assert_true (sales_kpi_period_parse (&quarter, "2026-Q3", NULL));
  dialog = g_object_ref_sink (sales_print_dialog_new (NULL, f->store, &quarter, 2));
  sales_print_dialog_get_period (SALES_PRINT_DIALOG (dialog), &chosen);
  g_assert_cmpint (chosen.kind, ==, SALES_KPI_MONTH);
  g_assert_cmpint (chosen.year, ==, 2026);
  g_assert_cmpint (chosen.month, ==, 9);
  g_assert_cmpint (sales_print_dialog_get_rep_id (SALES_PRINT_DIALOG (dialog)), ==, 2);
  g_assert_null (sales_print_dialog_get_language (SALES_PRINT_DIALOG (dialog)));
  sales_print_dialog_set_language (SALES_PRINT_DIALOG (dialog), "zh_TW");
  g_assert_cmpstr (sales_print_dialog_get_language (SALES_PRINT_DIALOG (dialog)), ==, "zh_TW");

  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_wait_for_frame (dialog);
  screenshot = gui_test_save_screenshot (dialog, "print-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The whole team when the dashboard shows it. */
  g_clear_object (&dialog);
  dialog = g_object_ref_sink (sales_print_dialog_new (NULL, f->store, &quarter, 0));
  g_assert_cmpint (sales_print_dialog_get_rep_id (SALES_PRINT_DIALOG (dialog)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/print-summary/export", GuiFixture, NULL, gui_fixture_set_up, test_export,
              gui_fixture_tear_down);
  g_test_add ("/print-summary/dialog", GuiFixture, NULL, gui_fixture_set_up, test_dialog,
              gui_fixture_tear_down);

  return g_test_run ();
}
