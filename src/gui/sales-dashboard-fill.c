/* sales-dashboard-fill.c: the dashboard's tiles and charts, and the texts they show
 *
 * Everything here turns a SalesKpi (and the one of the period before, for the changes) into
 * words and chart items: amounts with sales_money_format(), counts with the locale's digit
 * grouping, rates as percentages, and the change of a rate in percentage points rather
 * than as a percentage of a percentage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-dashboard-private.h"
#include "sales-money.h"

const char * const sales_dashboard_tile_names[N_TILES] = {
  "won", "pipeline", "win-rate", "cycle", "new-customers",
  "timeliness", "collected", "overdue", "satisfaction", "churn",
};

const char * const sales_dashboard_chart_names[N_CHARTS] = {
  "trend", "funnel", "ranking", "sources", "lost-reasons",
};

/* How a figure's change is written, and which way is better. */
typedef enum
{
  CHANGE_AMOUNT,   /* relative, in percent of the period before */
  CHANGE_COUNT,
  CHANGE_RATE,     /* in percentage points */
  CHANGE_DAYS,
  CHANGE_SCORE,
} ChangeKind;

char *
sales_dashboard_format_money (SalesDashboard *self,
                              gint64          cents)
{
  return sales_money_format (cents, sales_settings_get_currency (self->settings));
}

/* A count with the locale's digit grouping. */
char *
sales_dashboard_format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

char *
sales_dashboard_format_percent (double rate)
{
  /* Small rates keep a decimal: a churn of 2.4 % is not 2 %. */
  if (fabs (rate) < 0.1)
    return g_strdup_printf (C_("percentage", "%.1f%%"), rate * 100);

  return g_strdup_printf (C_("percentage", "%.0f%%"), rate * 100);
}

char *
sales_dashboard_format_period (const SalesKpiPeriod *period,
                               gboolean              short_form)
{
  g_autoptr(GDateTime) first = NULL;

  g_return_val_if_fail (period != NULL, NULL);

  switch (period->kind)
    {
    case SALES_KPI_MONTH:
      first = g_date_time_new_local (period->year, period->month, 1, 0, 0, 0);
      return short_form ? g_date_time_format (first, C_("month on a chart's axis", "%b"))
                        : g_date_time_format (first, C_("period", "%B %Y"));

    case SALES_KPI_QUARTER:
      /* Translators: a quarter of a year, such as "Q4 2026"; the first number is the
       * quarter, the second the year */
      return g_strdup_printf (_("Q%d %d"), (period->month - 1) / 3 + 1, period->year);

    case SALES_KPI_YEAR:
    default:
      /* Translators: a year as a period, such as "2026" */
      return g_strdup_printf (C_("period", "%d"), period->year);
    }
}

static char *
against_previous (SalesKpiPeriodKind  kind,
                  const char         *change)
{
  if (change == NULL)
    {
      switch (kind)
        {
        case SALES_KPI_MONTH:
          return g_strdup (_("Same as last month"));
        case SALES_KPI_QUARTER:
          return g_strdup (_("Same as last quarter"));
        case SALES_KPI_YEAR:
        default:
          return g_strdup (_("Same as last year"));
        }
    }

  switch (kind)
    {
    case SALES_KPI_MONTH:
      /* Translators: %s is a change such as "+12%" */
      return g_strdup_printf (_("%s vs. last month"), change);
    case SALES_KPI_QUARTER:
      return g_strdup_printf (_("%s vs. last quarter"), change);
    case SALES_KPI_YEAR:
    default:
      return g_strdup_printf (_("%s vs. last year"), change);
    }
}

/* The difference with a sign, a real minus sign for a fall. */
static char *
signed_text (double      difference,
             const char *magnitude)
{
  return g_strdup_printf ("%s%s", difference > 0 ? "+" : "−", magnitude);
}

static void
set_change (SalesDashboard *self,
            DashboardTile   tile,
            ChangeKind      kind,
            gboolean        lower_is_better,
            double          now,
            double          before,
            gboolean        have_before)
{
  g_autofree char *magnitude = NULL;
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;
  double difference = now - before;
  SalesKpiTileMood mood = SALES_KPI_TILE_NEUTRAL;

  if (!have_before)
    {
      /* The period before is still being computed. */
      sales_kpi_tile_set_change (self->tiles[tile], NULL, SALES_KPI_TILE_NEUTRAL);
      return;
    }

  if (isnan (now) || isnan (before))
    {
      sales_kpi_tile_set_change (self->tiles[tile], _("Nothing to compare with"),
                                 SALES_KPI_TILE_NEUTRAL);
      return;
    }

  switch (kind)
    {
    case CHANGE_AMOUNT:
    case CHANGE_COUNT:
      if (before > 0)
        magnitude = g_strdup_printf (C_("percentage", "%.0f%%"),
                                     fabs (difference) / before * 100);
      else if (kind == CHANGE_AMOUNT)
        magnitude = sales_dashboard_format_money (self, (gint64)fabs (difference));
      else
        magnitude = sales_dashboard_format_count ((gint64)fabs (difference));
      break;

    case CHANGE_RATE:
      /* Translators: a change of a rate in percentage points, such as "3.1 pts" */
      magnitude = g_strdup_printf (_("%.1f pts"), fabs (difference) * 100);
      break;

    case CHANGE_DAYS:
      /* Translators: a change of a number of days, such as "2.5 days" */
      magnitude = g_strdup_printf (_("%.1f days"), fabs (difference));
      break;

    case CHANGE_SCORE:
    default:
      magnitude = g_strdup_printf ("%.1f", fabs (difference));
      break;
    }

  /* Below what the tile shows, a change is no change. */
  if (fabs (difference) < (kind == CHANGE_RATE ? 0.0005 : kind == CHANGE_AMOUNT ? 0.5 : 0.05))
    difference = 0;
  if (difference != 0)
    mood = (difference > 0) != lower_is_better ? SALES_KPI_TILE_GOOD : SALES_KPI_TILE_BAD;

  if (difference != 0)
    change = signed_text (difference, magnitude);
  text = against_previous (self->period.kind, change);
  sales_kpi_tile_set_change (self->tiles[tile], text, mood);
}

/* Tiles */

void
sales_dashboard_build_tiles (SalesDashboard *self)
{
  const char *titles[N_TILES] = {
    [TILE_WON] = _("Won"),
    [TILE_PIPELINE] = _("Weighted Pipeline"),
    [TILE_WIN_RATE] = _("Win Rate"),
    [TILE_CYCLE] = _("Average Sales Cycle"),
    [TILE_NEW_CUSTOMERS] = _("New Customers"),
    [TILE_TIMELINESS] = _("Follow-ups on Time"),
    [TILE_COLLECTED] = _("Collected"),
    [TILE_OVERDUE] = _("Overdue Receivables"),
    [TILE_SATISFACTION] = _("Customer Satisfaction"),
    [TILE_CHURN] = _("Churn"),
  };

  for (guint i = 0; i < N_TILES; i++)
    {
      GtkWidget *tile = sales_kpi_tile_new (titles[i]);
      GtkWidget *child;

      self->tiles[i] = SALES_KPI_TILE (tile);
      gtk_flow_box_append (self->tiles_box, tile);
      /* The tile, not the flow box's child around it, is what the keyboard and a screen
       * reader meet. */
      child = gtk_widget_get_parent (tile);
      gtk_widget_set_focusable (child, FALSE);
    }
}

static void
fill_tiles (SalesDashboard  *self,
            SalesKpiFigures *f,
            SalesKpiFigures *p,
            guint            churn_days)
{
  gboolean have = p != NULL;
  g_autofree char *text = NULL;

#define SET_VALUE(tile, value) \
  G_STMT_START { \
    g_autofree char *value_text_ = (value); \
    sales_kpi_tile_set_value (self->tiles[tile], value_text_); \
  } G_STMT_END
#define SET_DETAIL(tile, value) \
  G_STMT_START { \
    g_autofree char *detail_text_ = (value); \
    sales_kpi_tile_set_detail (self->tiles[tile], detail_text_); \
  } G_STMT_END

  /* Won, and how far towards the targets. */
  SET_VALUE (TILE_WON, sales_dashboard_format_money (self, f->won_amount));
  text = sales_dashboard_format_count (f->won_count);
  SET_DETAIL (TILE_WON, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal won",
                                                      "%s deals won", f->won_count), text));
  g_clear_pointer (&text, g_free);
  if (f->target_amount > 0)
    {
      g_autofree char *rate = sales_dashboard_format_percent (f->attainment);
      g_autofree char *target = sales_dashboard_format_money (self, f->target_amount);

      /* Translators: progress towards the base target (保底目标), such as "62% of ¥200,000" */
      text = g_strdup_printf (_("%s of target %s"), rate, target);
    }
  else
    {
      text = g_strdup (_("No target set"));
    }
  sales_kpi_tile_set_progress (self->tiles[TILE_WON], 0,
                               f->target_amount > 0 ? f->attainment : 0, text);
  g_clear_pointer (&text, g_free);
  if (f->stretch_target_amount > 0)
    {
      g_autofree char *rate = sales_dashboard_format_percent (f->stretch_attainment);
      g_autofree char *target = sales_dashboard_format_money (self, f->stretch_target_amount);

      /* Translators: progress towards the stretch target (挑战目标) */
      text = g_strdup_printf (_("%s of stretch target %s"), rate, target);
    }
  sales_kpi_tile_set_progress (self->tiles[TILE_WON], 1,
                               f->stretch_target_amount > 0 ? f->stretch_attainment : NAN, text);
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_WON, CHANGE_AMOUNT, FALSE, f->won_amount,
              have ? p->won_amount : 0, have);

  SET_VALUE (TILE_PIPELINE, sales_dashboard_format_money (self, f->weighted_open_amount));
  text = sales_dashboard_format_money (self, f->open_amount);
  /* Translators: below the weighted pipeline, the unweighted amount of the open deals */
  SET_DETAIL (TILE_PIPELINE, g_strdup_printf (_("%s open, unweighted"), text));
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_PIPELINE, CHANGE_AMOUNT, FALSE, f->weighted_open_amount,
              have ? p->weighted_open_amount : 0, have);

  SET_VALUE (TILE_WIN_RATE, sales_kpi_is_null (f->win_rate) ? NULL : sales_dashboard_format_percent (f->win_rate));
  {
    g_autofree char *won = sales_dashboard_format_count (f->won_count);
    g_autofree char *lost = sales_dashboard_format_count (f->lost_count);

    SET_DETAIL (TILE_WIN_RATE, g_strdup_printf (_("%s won, %s lost"), won, lost));
  }
  set_change (self, TILE_WIN_RATE, CHANGE_RATE, FALSE, f->win_rate, have ? p->win_rate : 0, have);

  SET_VALUE (TILE_CYCLE, sales_kpi_is_null (f->avg_cycle_days) ? NULL
             : g_strdup_printf (_("%.1f days"), f->avg_cycle_days));
  SET_DETAIL (TILE_CYCLE, g_strdup (_("From new deal to won")));
  set_change (self, TILE_CYCLE, CHANGE_DAYS, TRUE, f->avg_cycle_days,
              have ? p->avg_cycle_days : 0, have);

  SET_VALUE (TILE_NEW_CUSTOMERS, sales_dashboard_format_count (f->new_customers));
  if (f->new_customers_target > 0)
    {
      g_autofree char *rate = sales_dashboard_format_percent (f->new_customers_attainment);
      g_autofree char *target = sales_dashboard_format_count (f->new_customers_target);

      text = g_strdup_printf (_("%s of target %s"), rate, target);
    }
  sales_kpi_tile_set_progress (self->tiles[TILE_NEW_CUSTOMERS], 0,
                               f->new_customers_target > 0 ? f->new_customers_attainment : NAN,
                               text);
  g_clear_pointer (&text, g_free);
  text = sales_dashboard_format_count (f->new_deals);
  SET_DETAIL (TILE_NEW_CUSTOMERS, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s new deal", "%s new deals",
                                                                f->new_deals), text));
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_NEW_CUSTOMERS, CHANGE_COUNT, FALSE, f->new_customers,
              have ? p->new_customers : 0, have);

  SET_VALUE (TILE_TIMELINESS, sales_kpi_is_null (f->followup_on_time_rate) ? NULL
             : sales_dashboard_format_percent (f->followup_on_time_rate));
  text = sales_dashboard_format_count (f->activities_done);
  SET_DETAIL (TILE_TIMELINESS, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s follow-up done",
                                                             "%s follow-ups done",
                                                             f->activities_done), text));
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_TIMELINESS, CHANGE_RATE, FALSE, f->followup_on_time_rate,
              have ? p->followup_on_time_rate : 0, have);

  SET_VALUE (TILE_COLLECTED, sales_dashboard_format_money (self, f->collected_amount));
  SET_DETAIL (TILE_COLLECTED, sales_kpi_is_null (f->avg_collection_days) ? NULL
              : g_strdup_printf (_("Paid in full after %.0f days on average"),
                                 f->avg_collection_days));
  set_change (self, TILE_COLLECTED, CHANGE_AMOUNT, FALSE, f->collected_amount,
              have ? p->collected_amount : 0, have);

  SET_VALUE (TILE_OVERDUE, sales_dashboard_format_money (self, f->overdue_amount));
  SET_DETAIL (TILE_OVERDUE, g_strdup (_("Due and unpaid at the end of the period")));
  set_change (self, TILE_OVERDUE, CHANGE_AMOUNT, TRUE, f->overdue_amount,
              have ? p->overdue_amount : 0, have);

  SET_VALUE (TILE_SATISFACTION, sales_kpi_is_null (f->avg_satisfaction) ? NULL
             : g_strdup_printf (_("%.1f of 5"), f->avg_satisfaction));
  SET_DETAIL (TILE_SATISFACTION, g_strdup (_("Rated on service visits")));
  set_change (self, TILE_SATISFACTION, CHANGE_SCORE, FALSE, f->avg_satisfaction,
              have ? p->avg_satisfaction : 0, have);

  SET_VALUE (TILE_CHURN, sales_kpi_is_null (f->churn_rate) ? NULL : sales_dashboard_format_percent (f->churn_rate));
  SET_DETAIL (TILE_CHURN, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "Customers silent for %u day",
                                                        "Customers silent for %u days",
                                                        churn_days),
                                           churn_days));
  set_change (self, TILE_CHURN, CHANGE_RATE, TRUE, f->churn_rate, have ? p->churn_rate : 0, have);

#undef SET_VALUE
#undef SET_DETAIL
}

void
sales_dashboard_clear_changes (SalesDashboard *self)
{
  for (guint i = 0; i < N_TILES; i++)
    sales_kpi_tile_set_change (self->tiles[i], NULL, SALES_KPI_TILE_NEUTRAL);
}

/**
 * sales_dashboard_fill:
 * @previous: (nullable): the figures of the period before, for the changes; NULL while they
 *   are computed
 */
void
sales_dashboard_fill (SalesDashboard *self,
                      SalesKpi       *kpi,
                      SalesKpi       *previous)
{
  g_assert (SALES_IS_DASHBOARD (self));
  g_assert (kpi != NULL);

  fill_tiles (self, kpi->figures, previous != NULL ? previous->figures : NULL, kpi->churn_days);
  sales_dashboard_fill_charts (self, kpi);
}
