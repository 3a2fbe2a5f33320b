/* sales-report-job.c: `sales-desk --report YYYY-MM [--rep ID] --output FILE.pdf`
 *
 * The company name and the currency are the user's preferences when the application's
 * settings schema is installed; a cron job on a machine without it still gets its summary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "sales-report.h"

static void
apply_settings (SalesReport *report)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *company = NULL;
  g_autofree char *currency = NULL;

  if (source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;
  settings = g_settings_new_full (schema, NULL, NULL);
  company = g_settings_get_string (settings, "company-name");
  currency = g_settings_get_string (settings, "currency");
  sales_report_set_company_name (report, company);
  sales_report_set_currency (report, currency);
}

/**
 * sales_report_run_job:
 * @paper: (nullable): "a4" (the default) or "letter"
 *
 * Writes the summary of @month to @output, or nothing: every failure is one sentence in @error.
 */
gboolean
sales_report_run_job (const char  *db_path,
                      const char  *month,
                      gint64       rep_id,
                      const char  *paper,
                      const char  *output,
                      GError     **error)
{
  g_autoptr(SalesReportData) data = NULL;
  g_autoptr(SalesReport) report = NULL;
  SalesReportPaper size = SALES_REPORT_PAPER_A4;
  SalesKpiPeriod period;

  g_return_val_if_fail (db_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (output == NULL || *output == '\0')
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--report writes a PDF file: add --output FILE.pdf"));
      return FALSE;
    }
  if (month == NULL || !sales_kpi_period_parse (&period, month, NULL) ||
      period.kind != SALES_KPI_MONTH)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: %s is what was given after --report */
                   _("“%s” is not a month: give one such as 2026-10"), month != NULL ? month : "");
      return FALSE;
    }
  if (g_strcmp0 (paper, "letter") == 0)
    size = SALES_REPORT_PAPER_LETTER;
  else if (paper != NULL && g_strcmp0 (paper, "a4") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: %s is what was given after --paper */
                   _("Unknown paper size “%s”: use a4 or letter"), paper);
      return FALSE;
    }
  if (rep_id < 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("There is no sales rep with the id %lld"), (long long)rep_id);
      return FALSE;
    }

  data = sales_report_data_collect_for_path (db_path, &period, rep_id, error);
  if (data == NULL)
    return FALSE;
  report = sales_report_new (data);
  apply_settings (report);
  return sales_report_write_pdf (report, size, output, error);
}
