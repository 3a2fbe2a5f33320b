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

#include "sales-bar-chart.h"
#include "sales-dashboard-private.h"
#include "sales-funnel-chart.h"
#include "sales-money.h"
#include "sales-trend-chart.h"

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

static const char *
currency (SalesDashboard *self)
{
  return sales_settings_get_currency (self->settings);
}

static char *
money (SalesDashboard *self,
       gint64          cents)
{
  return sales_money_format (cents, currency (self));
}

static char *
count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static char *
percent (double rate)
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
        magnitude = money (self, (gint64)fabs (difference));
      else
        magnitude = count ((gint64)fabs (difference));
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
  SET_VALUE (TILE_WON, money (self, f->won_amount));
  text = count (f->won_count);
  SET_DETAIL (TILE_WON, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s deal won",
                                                      "%s deals won", f->won_count), text));
  g_clear_pointer (&text, g_free);
  if (f->target_amount > 0)
    {
      g_autofree char *rate = percent (f->attainment);
      g_autofree char *target = money (self, f->target_amount);

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
      g_autofree char *rate = percent (f->stretch_attainment);
      g_autofree char *target = money (self, f->stretch_target_amount);

      /* Translators: progress towards the stretch target (挑战目标) */
      text = g_strdup_printf (_("%s of stretch target %s"), rate, target);
    }
  sales_kpi_tile_set_progress (self->tiles[TILE_WON], 1,
                               f->stretch_target_amount > 0 ? f->stretch_attainment : NAN, text);
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_WON, CHANGE_AMOUNT, FALSE, f->won_amount,
              have ? p->won_amount : 0, have);

  SET_VALUE (TILE_PIPELINE, money (self, f->weighted_open_amount));
  text = money (self, f->open_amount);
  /* Translators: below the weighted pipeline, the unweighted amount of the open deals */
  SET_DETAIL (TILE_PIPELINE, g_strdup_printf (_("%s open, unweighted"), text));
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_PIPELINE, CHANGE_AMOUNT, FALSE, f->weighted_open_amount,
              have ? p->weighted_open_amount : 0, have);

  SET_VALUE (TILE_WIN_RATE, sales_kpi_is_null (f->win_rate) ? NULL : percent (f->win_rate));
  {
    g_autofree char *won = count (f->won_count);
    g_autofree char *lost = count (f->lost_count);

    SET_DETAIL (TILE_WIN_RATE, g_strdup_printf (_("%s won, %s lost"), won, lost));
  }
  set_change (self, TILE_WIN_RATE, CHANGE_RATE, FALSE, f->win_rate, have ? p->win_rate : 0, have);

  SET_VALUE (TILE_CYCLE, sales_kpi_is_null (f->avg_cycle_days) ? NULL
             : g_strdup_printf (_("%.1f days"), f->avg_cycle_days));
  SET_DETAIL (TILE_CYCLE, g_strdup (_("From new deal to won")));
  set_change (self, TILE_CYCLE, CHANGE_DAYS, TRUE, f->avg_cycle_days,
              have ? p->avg_cycle_days : 0, have);

  SET_VALUE (TILE_NEW_CUSTOMERS, count (f->new_customers));
  if (f->new_customers_target > 0)
    {
      g_autofree char *rate = percent (f->new_customers_attainment);
      g_autofree char *target = count (f->new_customers_target);

      text = g_strdup_printf (_("%s of target %s"), rate, target);
    }
  sales_kpi_tile_set_progress (self->tiles[TILE_NEW_CUSTOMERS], 0,
                               f->new_customers_target > 0 ? f->new_customers_attainment : NAN,
                               text);
  g_clear_pointer (&text, g_free);
  text = count (f->new_deals);
  SET_DETAIL (TILE_NEW_CUSTOMERS, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s new deal", "%s new deals",
                                                                f->new_deals), text));
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_NEW_CUSTOMERS, CHANGE_COUNT, FALSE, f->new_customers,
              have ? p->new_customers : 0, have);

  SET_VALUE (TILE_TIMELINESS, sales_kpi_is_null (f->followup_on_time_rate) ? NULL
             : percent (f->followup_on_time_rate));
  text = count (f->activities_done);
  SET_DETAIL (TILE_TIMELINESS, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s follow-up done",
                                                             "%s follow-ups done",
                                                             f->activities_done), text));
  g_clear_pointer (&text, g_free);
  set_change (self, TILE_TIMELINESS, CHANGE_RATE, FALSE, f->followup_on_time_rate,
              have ? p->followup_on_time_rate : 0, have);

  SET_VALUE (TILE_COLLECTED, money (self, f->collected_amount));
  SET_DETAIL (TILE_COLLECTED, sales_kpi_is_null (f->avg_collection_days) ? NULL
              : g_strdup_printf (_("Paid in full after %.0f days on average"),
                                 f->avg_collection_days));
  set_change (self, TILE_COLLECTED, CHANGE_AMOUNT, FALSE, f->collected_amount,
              have ? p->collected_amount : 0, have);

  SET_VALUE (TILE_OVERDUE, money (self, f->overdue_amount));
  SET_DETAIL (TILE_OVERDUE, g_strdup (_("Due and unpaid at the end of the period")));
  set_change (self, TILE_OVERDUE, CHANGE_AMOUNT, TRUE, f->overdue_amount,
              have ? p->overdue_amount : 0, have);

  SET_VALUE (TILE_SATISFACTION, sales_kpi_is_null (f->avg_satisfaction) ? NULL
             : g_strdup_printf (_("%.1f of 5"), f->avg_satisfaction));
  SET_DETAIL (TILE_SATISFACTION, g_strdup (_("Rated on service visits")));
  set_change (self, TILE_SATISFACTION, CHANGE_SCORE, FALSE, f->avg_satisfaction,
              have ? p->avg_satisfaction : 0, have);

  SET_VALUE (TILE_CHURN, sales_kpi_is_null (f->churn_rate) ? NULL : percent (f->churn_rate));
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

/* Charts */

static GtkWidget *
add_card (SalesDashboard *self,
          GtkWidget      *chart,
          const char     *heading,
          GtkLabel      **heading_label)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (heading);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "dashboard-card");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (card), label);
  gtk_box_append (GTK_BOX (card), chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  if (heading_label != NULL)
    *heading_label = GTK_LABEL (label);

  return card;
}

void
sales_dashboard_build_charts (SalesDashboard *self)
{
  GtkWidget *child;

  self->charts[CHART_TREND] = SALES_CHART (sales_trend_chart_new ());
  self->charts[CHART_FUNNEL] = SALES_CHART (sales_funnel_chart_new ());
  self->charts[CHART_RANKING] = SALES_CHART (sales_bar_chart_new ());
  self->charts[CHART_SOURCES] = SALES_CHART (sales_bar_chart_new ());
  self->charts[CHART_LOST_REASONS] = SALES_CHART (sales_bar_chart_new ());

  sales_chart_set_value_kind (self->charts[CHART_TREND], SALES_CHART_VALUE_MONEY);
  sales_chart_set_value_kind (self->charts[CHART_RANKING], SALES_CHART_VALUE_MONEY);
  sales_chart_set_value_kind (self->charts[CHART_SOURCES], SALES_CHART_VALUE_MONEY);
  sales_chart_set_activatable (self->charts[CHART_TREND], TRUE);
  sales_chart_set_activatable (self->charts[CHART_FUNNEL], TRUE);
  sales_chart_set_activatable (self->charts[CHART_RANKING], TRUE);
  sales_trend_chart_set_legend (SALES_TREND_CHART (self->charts[CHART_TREND]), _("Won"),
                                _("Target"));
  for (guint i = 0; i < N_CHARTS; i++)
    sales_chart_set_currency (self->charts[i], currency (self));

  self->trend_card = add_card (self, GTK_WIDGET (self->charts[CHART_TREND]),
                               _("Won against Target"), &self->trend_heading);
  gtk_box_insert_child_after (GTK_BOX (self->content), self->trend_card,
                              GTK_WIDGET (self->tiles_box));

  self->funnel_card = add_card (self, GTK_WIDGET (self->charts[CHART_FUNNEL]),
                                _("Funnel of the Period’s New Deals"), NULL);
  self->ranking_card = add_card (self, GTK_WIDGET (self->charts[CHART_RANKING]),
                                 _("Reps by Won Amount"), NULL);
  self->sources_card = add_card (self, GTK_WIDGET (self->charts[CHART_SOURCES]),
                                 _("Won by Customer Source"), NULL);
  self->lost_card = add_card (self, GTK_WIDGET (self->charts[CHART_LOST_REASONS]),
                              _("Lost by Reason"), NULL);

  gtk_flow_box_append (self->charts_box, self->funnel_card);
  gtk_flow_box_append (self->charts_box, self->ranking_card);
  gtk_flow_box_append (self->charts_box, self->sources_card);
  gtk_flow_box_append (self->charts_box, self->lost_card);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->charts_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

static void
fill_trend (SalesDashboard *self,
            SalesKpi       *kpi)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (SalesChartItem));

  g_array_set_clear_func (items, (GDestroyNotify)sales_chart_item_clear);
  for (guint i = 0; i < kpi->trend->len; i++)
    {
      const SalesKpiTrendPoint *point = &g_array_index (kpi->trend, SalesKpiTrendPoint, i);
      g_autofree char *name = sales_dashboard_format_period (&point->period, FALSE);
      SalesChartItem item = { 0 };

      item.label = sales_dashboard_format_period (&point->period, TRUE);
      item.value = point->won_amount;
      item.target = point->target_amount > 0 ? point->target_amount : NAN;
      item.value_text = money (self, point->won_amount);
      if (point->target_amount > 0)
        {
          g_autofree char *target = money (self, point->target_amount);
          g_autofree char *rate = percent ((double)point->won_amount / point->target_amount);

          /* Translators: a period of the trend chart: its name, the amount won, the target
           * and how much of it was reached */
          item.summary = g_strdup_printf (_("%s: won %s of target %s (%s)"), name,
                                          item.value_text, target, rate);
        }
      else
        {
          item.summary = g_strdup_printf (_("%s: won %s, no target"), name, item.value_text);
        }
      g_array_append_val (items, item);
    }

  sales_chart_set_items (self->charts[CHART_TREND], (SalesChartItem *)items->data, items->len);
}

static void
fill_funnel (SalesDashboard  *self,
             SalesKpiFigures *f)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (SalesChartItem));
  gboolean any = FALSE;

  g_array_set_clear_func (items, (GDestroyNotify)sales_chart_item_clear);
  for (guint i = 0; i < f->funnel->len; i++)
    {
      const SalesKpiFunnelStage *stage = &g_array_index (f->funnel, SalesKpiFunnelStage, i);
      SalesChartItem item = { 0 };

      any = any || stage->reached > 0;
      item.id = stage->stage_id;
      item.label = g_strdup (stage->name);
      item.value = stage->reached;
      item.target = NAN;
      item.value_text = count (stage->reached);
      if (!sales_kpi_is_null (stage->conversion))
        {
          g_autofree char *rate = percent (stage->conversion);

          /* Translators: on the funnel, the share of a stage's deals that reached the next */
          item.note = g_strdup_printf (_("%s to next"), rate);
          /* Translators: a stage of the funnel: its name, how many deals reached it and the
           * share of them that went on to the next stage */
          item.summary = g_strdup_printf (_("%s: %s reached, %s went on"), stage->name,
                                          item.value_text, rate);
        }
      else
        {
          item.summary = g_strdup_printf (_("%s: %s reached"), stage->name, item.value_text);
        }
      g_array_append_val (items, item);
    }

  if (any || f->funnel_won > 0)
    {
      SalesChartItem item = { 0 };

      item.label = g_strdup (_("Won"));
      item.value = f->funnel_won;
      item.target = NAN;
      item.value_text = count (f->funnel_won);
      item.summary = g_strdup_printf (_("%s: %s"), item.label, item.value_text);
      g_array_append_val (items, item);
    }
  else
    {
      g_array_set_size (items, 0);
    }

  sales_chart_set_items (self->charts[CHART_FUNNEL], (SalesChartItem *)items->data, items->len);
}

static void
fill_ranking (SalesDashboard *self,
              SalesKpi       *kpi)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (SalesChartItem));

  g_array_set_clear_func (items, (GDestroyNotify)sales_chart_item_clear);
  for (guint i = 0; i < kpi->by_rep->len; i++)
    {
      SalesKpiFigures *rep = g_ptr_array_index (kpi->by_rep, i);
      SalesChartItem item = { 0 };

      item.id = rep->rep_id;
      item.label = g_strdup (rep->rep_name);
      item.value = rep->won_amount;
      item.target = rep->target_amount > 0 ? rep->target_amount : NAN;
      item.value_text = money (self, rep->won_amount);
      if (rep->target_amount > 0)
        {
          g_autofree char *target = money (self, rep->target_amount);
          g_autofree char *rate = percent (rep->attainment);

          item.summary = g_strdup_printf (_("%s: won %s of target %s (%s)"), rep->rep_name,
                                          item.value_text, target, rate);
        }
      else
        {
          item.summary = g_strdup_printf (_("%s: won %s, no target"), rep->rep_name,
                                          item.value_text);
        }
      g_array_append_val (items, item);
    }

  sales_chart_set_items (self->charts[CHART_RANKING], (SalesChartItem *)items->data, items->len);
}

static void
fill_breakdowns (SalesDashboard  *self,
                 SalesKpiFigures *f)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (SalesChartItem));

  g_array_set_clear_func (items, (GDestroyNotify)sales_chart_item_clear);
  for (guint i = 0; i < f->by_source->len; i++)
    {
      const SalesKpiSource *source = &g_array_index (f->by_source, SalesKpiSource, i);
      g_autofree char *deals = count (source->won_count);
      SalesChartItem item = { 0 };

      item.label = g_strdup (source->source != NULL ? source->source : _("No source"));
      item.value = source->won_amount;
      item.target = NAN;
      item.value_text = money (self, source->won_amount);
      item.summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: won %s in %s deal",
                                                   "%s: won %s in %s deals",
                                                   source->won_count),
                                      item.label, item.value_text, deals);
      g_array_append_val (items, item);
    }
  sales_chart_set_items (self->charts[CHART_SOURCES], (SalesChartItem *)items->data, items->len);

  g_array_set_size (items, 0);
  for (guint i = 0; i < f->by_lost_reason->len; i++)
    {
      const SalesKpiLostReason *reason = &g_array_index (f->by_lost_reason, SalesKpiLostReason,
                                                         i);
      SalesChartItem item = { 0 };

      item.id = reason->lost_reason_id;
      item.label = g_strdup (reason->name != NULL ? reason->name : _("No reason given"));
      item.value = reason->lost_count;
      item.target = NAN;
      item.value_text = count (reason->lost_count);
      item.summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s deal lost",
                                                   "%s: %s deals lost", reason->lost_count),
                                      item.label, item.value_text);
      g_array_append_val (items, item);
    }
  sales_chart_set_items (self->charts[CHART_LOST_REASONS], (SalesChartItem *)items->data,
                         items->len);
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
  /* Said only once there are figures: an empty chart before them is no news. */
  sales_chart_set_empty_text (self->charts[CHART_FUNNEL], _("No new deals in this period"));
  sales_chart_set_empty_text (self->charts[CHART_RANKING], _("No reps yet"));
  sales_chart_set_empty_text (self->charts[CHART_SOURCES], _("Nothing won in this period"));
  sales_chart_set_empty_text (self->charts[CHART_LOST_REASONS], _("Nothing lost in this period"));

  fill_trend (self, kpi);
  fill_funnel (self, kpi->figures);
  fill_ranking (self, kpi);
  fill_breakdowns (self, kpi->figures);
}
