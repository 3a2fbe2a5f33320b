/* sales-kpi-period.c: local-time months, quarters and years
 *
 * A period's start and end are local midnights as Unix seconds, computed with GDateTime in
 * the local zone, and its first and last day are the TEXT dates the schema compares with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-kpi.h"

static gint64
local_midnight (int year,
                int month)
{
  g_autoptr(GDateTime) dt = NULL;

  /* Months past December carry into the next year. */
  year += (month - 1) / 12;
  month = (month - 1) % 12 + 1;
  dt = g_date_time_new_local (year, month, 1, 0, 0, 0);
  return g_date_time_to_unix (dt);
}

gboolean
sales_kpi_period_init (SalesKpiPeriod     *period,
                       SalesKpiPeriodKind  kind,
                       int                 year,
                       int                 month)
{
  g_autoptr(GDateTime) last = NULL;

  g_return_val_if_fail (period != NULL, FALSE);

  if (year < 1 || year > 9998 || month < 1 || month > 12)
    return FALSE;

  memset (period, 0, sizeof *period);
  period->kind = kind;
  period->year = year;
  switch (kind)
    {
    case SALES_KPI_MONTH:
      period->month = month;
      period->n_months = 1;
      break;
    case SALES_KPI_QUARTER:
      period->month = (month - 1) / 3 * 3 + 1;
      period->n_months = 3;
      break;
    case SALES_KPI_YEAR:
    default:
      period->month = 1;
      period->n_months = 12;
      break;
    }

  period->start = local_midnight (year, period->month);
  period->end = local_midnight (year, period->month + period->n_months);
  g_snprintf (period->first_day, sizeof period->first_day, "%04d-%02d-01", year, period->month);
  /* Noon of the last day is on that day whatever the length of the days around it. */
  last = g_date_time_new_from_unix_local (period->end - 12 * 3600);
  g_snprintf (period->last_day, sizeof period->last_day, "%04d-%02d-%02d",
              g_date_time_get_year (last), g_date_time_get_month (last),
              g_date_time_get_day_of_month (last));
  return TRUE;
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }
  return TRUE;
}

gboolean
sales_kpi_period_parse (SalesKpiPeriod  *period,
                        const char      *text,
                        GError         **error)
{
  gsize length;
  int year = 0;
  int n = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (period != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  length = strlen (text);
  if (length >= 4 && parse_digits (text, 4, &year))
    {
      if (length == 4)
        ok = sales_kpi_period_init (period, SALES_KPI_YEAR, year, 1);
      else if (length == 7 && text[4] == '-' && parse_digits (text + 5, 2, &n))
        ok = sales_kpi_period_init (period, SALES_KPI_MONTH, year, n);
      else if (length == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') &&
               parse_digits (text + 6, 1, &n) && n >= 1 && n <= 4)
        ok = sales_kpi_period_init (period, SALES_KPI_QUARTER, year, n * 3 - 2);
    }

  if (!ok)
    g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                 /* TRANSLATORS: a period given on the command line; keep YYYY-MM as is */
                 _("“%s” is not a month in the form YYYY-MM (or a quarter YYYY-Q1…Q4, or a "
                   "year YYYY)"), text);
  return ok;
}

void
sales_kpi_period_offset (const SalesKpiPeriod *period,
                         int                   n,
                         SalesKpiPeriod       *result)
{
  int months;

  g_return_if_fail (period != NULL);
  g_return_if_fail (result != NULL);

  months = period->year * 12 + period->month - 1 + n * period->n_months;
  sales_kpi_period_init (result, period->kind, months / 12, months % 12 + 1);
}

char *
sales_kpi_period_to_string (const SalesKpiPeriod *period)
{
  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SALES_KPI_MONTH:
      return g_strdup_printf ("%04d-%02d", period->year, period->month);
    case SALES_KPI_QUARTER:
      return g_strdup_printf ("%04d-Q%d", period->year, (period->month + 2) / 3);
    case SALES_KPI_YEAR:
    default:
      return g_strdup_printf ("%04d", period->year);
    }
}

void
sales_kpi_period_for_time (SalesKpiPeriod     *period,
                           SalesKpiPeriodKind  kind,
                           gint64              time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time);

  g_return_if_fail (period != NULL);

  sales_kpi_period_init (period, kind, g_date_time_get_year (dt), g_date_time_get_month (dt));
}
