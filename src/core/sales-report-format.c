/* sales-report-format.c: amounts, counts, rates and months as the summary writes them
 *
 * The same forms as the dashboard's tiles (sales-dashboard-fill.c), in the summary's language:
 * amounts from sales_money_format(), rates as whole percentages (one decimal below 10 %),
 * counts grouped by thousands with a comma as the amounts are, and "—" for a rate with
 * nothing to divide by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sales-money.h"
#include "sales-report-private.h"

static const char * const english_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

char *
report_money (SalesReport *self,
              gint64       cents)
{
  return sales_money_format (cents, self->currency);
}

static const char *
translate_catalog (const char *context,
                   const char *msgid,
                   gpointer    user_data)
{
  return sales_catalog_pgettext (user_data, context, msgid);
}

char *
report_money_compact (SalesReport *self,
                      gint64       cents)
{
  return sales_money_format_compact_full (cents, self->currency, translate_catalog,
                                          self->catalog);
}

char *
report_count (gint64 n)
{
  /* Whole amounts are written without decimals: the same grouping as the amounts'. */
  return sales_money_format_plain (n * 100);
}

char *
report_percent (SalesReport *self,
                double       rate)
{
  if (isnan (rate))
    return g_strdup ("—");
  /* Small rates keep a decimal: a churn of 2.4 % is not 2 %. */
  if (fabs (rate) < 0.1)
    return g_strdup_printf (report_ctr (self, "percentage", NC_("percentage", "%.1f%%")),
                            rate * 100);
  return g_strdup_printf (report_ctr (self, "percentage", NC_("percentage", "%.0f%%")),
                          rate * 100);
}

char *
report_days (SalesReport *self,
             double       days)
{
  if (isnan (days))
    return g_strdup ("—");
  /* Translators: a number of days, such as "12.5 days" */
  return g_strdup_printf (report_tr (self, N_("%.1f days")), days);
}

/* A date format of the catalogue, whose month names come from the C library in the language of
 * the process: an English summary printed on a Chinese desktop spells them itself. */
static char *
format_date (SalesReport *self,
             GDateTime   *date,
             const char  *format)
{
  g_autoptr(GString) spelled = NULL;

  if (self->language == NULL || strstr (format, "%B") == NULL)
    return g_date_time_format (date, format);

  spelled = g_string_new (format);
  g_string_replace (spelled, "%B", english_months[g_date_time_get_month (date) - 1], 0);
  return g_date_time_format (date, spelled->str);
}

char *
report_month_name (SalesReport          *self,
                   const SalesKpiPeriod *period,
                   gboolean              short_form)
{
  g_autoptr(GDateTime) first = g_date_time_new_utc (period->year, period->month, 1, 0, 0, 0);

  if (short_form)
    {
      const char *format = report_ctr (self, "month on a chart's axis",
                                       NC_("month on a chart's axis", "%b"));
      g_autofree char *name = NULL;

      /* The axis of the twelve months spells English months with three letters. */
      if (self->language != NULL && strstr (format, "%b") != NULL)
        {
          g_autofree char *month = g_strndup (english_months[period->month - 1], 3);
          g_autoptr(GString) spelled = g_string_new (format);

          g_string_replace (spelled, "%b", month, 0);
          return g_date_time_format (first, spelled->str);
        }
      name = g_date_time_format (first, format);
      return g_steal_pointer (&name);
    }

  return format_date (self, first, report_ctr (self, "period", NC_("period", "%B %Y")));
}
