/* sales-dashboard-charts.c: the dashboard's charts, and the items they are drawn from
 *
 * The trend of the last twelve periods, the funnel of the period's new deals, the reps ranked
 * by won amount with their targets, won by customer source and lost by reason. Each item's
 * summary is its tooltip and its part of the chart's accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-bar-chart.h"
#include "sales-customer-list.h"
#include "sales-dashboard-private.h"
#include "sales-funnel-chart.h"
#include "sales-trend-chart.h"

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
    sales_chart_set_currency (self->charts[i], sales_settings_get_currency (self->settings));

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
  gtk_flow_box_append (self->charts_box, self->sources_card);
  gtk_flow_box_append (self->charts_box, self->lost_card);
  /* A row per rep: on a team of fifty, far taller than the other charts, so below them at
   * the whole width rather than stretching its neighbours. */
  gtk_box_append (GTK_BOX (self->content), self->ranking_card);
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
      item.value_text = sales_dashboard_format_money (self, point->won_amount);
      if (point->target_amount > 0)
        {
          g_autofree char *target = sales_dashboard_format_money (self, point->target_amount);
          g_autofree char *rate = sales_dashboard_format_percent ((double)point->won_amount / point->target_amount);

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
      item.value_text = sales_dashboard_format_count (stage->reached);
      if (!sales_kpi_is_null (stage->conversion))
        {
          g_autofree char *rate = sales_dashboard_format_percent (stage->conversion);

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
      item.value_text = sales_dashboard_format_count (f->funnel_won);
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
      item.value_text = sales_dashboard_format_money (self, rep->won_amount);
      if (rep->target_amount > 0)
        {
          g_autofree char *target = sales_dashboard_format_money (self, rep->target_amount);
          g_autofree char *rate = sales_dashboard_format_percent (rep->attainment);

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
      g_autofree char *deals = sales_dashboard_format_count (source->won_count);
      SalesChartItem item = { 0 };

      item.label = g_strdup (source->source != NULL ? sales_customer_source_to_label (source->source)
                                                    : _("No source"));
      item.value = source->won_amount;
      item.target = NAN;
      item.value_text = sales_dashboard_format_money (self, source->won_amount);
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
      item.value_text = sales_dashboard_format_count (reason->lost_count);
      item.summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s deal lost",
                                                   "%s: %s deals lost", reason->lost_count),
                                      item.label, item.value_text);
      g_array_append_val (items, item);
    }
  sales_chart_set_items (self->charts[CHART_LOST_REASONS], (SalesChartItem *)items->data,
                         items->len);
}

void
sales_dashboard_fill_charts (SalesDashboard *self,
                             SalesKpi       *kpi)
{
  g_assert (SALES_IS_DASHBOARD (self));
  g_assert (kpi != NULL);

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
