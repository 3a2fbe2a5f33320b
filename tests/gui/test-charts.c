/* test-charts.c: the dashboard's charts: their axes, how they normalise values, hit-testing
 *
 * Each chart is shown alone in a window of a known size, so that where its items land can be
 * worked out by hand from the chart's layout constants: 28-pixel rows for the bar chart,
 * 34-pixel rows for the funnel, and for the trend a 24-pixel legend above the plot and a
 * 22-pixel band of labels below it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "gui-test-util.h"
#include "sales-bar-chart.h"
#include "sales-funnel-chart.h"
#include "sales-trend-chart.h"

static GtkWidget *
show_alone (GtkWidget *chart,
            int        width,
            int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gui_test_wait_for_frame (chart);
  return window;
}

static void
set_items (SalesChart   *chart,
           guint         n,
           const double *values,
           const double *targets)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (SalesChartItem));

  g_array_set_clear_func (items, (GDestroyNotify)sales_chart_item_clear);
  for (guint i = 0; i < n; i++)
    {
      SalesChartItem item = { 0 };

      item.id = i + 1;
      item.label = g_strdup_printf ("Item %u", i + 1);
      item.value = values[i];
      item.target = targets != NULL ? targets[i] : NAN;
      item.value_text = g_strdup_printf ("%.0f", values[i]);
      item.summary = g_strdup_printf ("Item %u: %.0f", i + 1, values[i]);
      g_array_append_val (items, item);
    }
  sales_chart_set_items (chart, (SalesChartItem *)items->data, items->len);
}

static void
test_nice_scale (void)
{
  double top, step;

  /* 950 over at most 4 steps: 237.5 a step, rounded up to 500 (1, 2, 5 × 100). */
  sales_chart_nice_scale (950, 4, FALSE, &top, &step);
  g_assert_cmpfloat (step, ==, 500);
  g_assert_cmpfloat (top, ==, 1000);

  /* 400: exactly 100 a step. */
  sales_chart_nice_scale (400, 4, FALSE, &top, &step);
  g_assert_cmpfloat (step, ==, 100);
  g_assert_cmpfloat (top, ==, 400);

  /* 3 deals: a whole step of 1, not 0.75. */
  sales_chart_nice_scale (3, 4, TRUE, &top, &step);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (top, ==, 3);

  /* ¥120,000 in cents: 3 000 000 a step, rounded to 5 000 000. */
  sales_chart_nice_scale (12000000, 4, TRUE, &top, &step);
  g_assert_cmpfloat (step, ==, 5000000);
  g_assert_cmpfloat (top, ==, 15000000);

  /* Nothing at all still gives an axis. */
  sales_chart_nice_scale (0, 4, TRUE, &top, &step);
  g_assert_cmpfloat (step, ==, 1);
  g_assert_cmpfloat (top, ==, 4);
}

static void
on_activated (SalesChart *chart,
              guint       index,
              int        *activated)
{
  *activated = index;
}

static void
test_bar_chart (void)
{
  static const double values[] = { 300, 150, 0 };
  static const double targets[] = { 400, NAN, 100 };
  GtkWidget *chart = sales_bar_chart_new ();
  SalesBarChart *bars = SALES_BAR_CHART (chart);
  GtkWidget *window;
  graphene_rect_t first, second, third;
  int activated = -1;

  set_items (SALES_CHART (chart), G_N_ELEMENTS (values), values, targets);
  window = show_alone (chart, 500, 200);

  /* The largest value or target is 400, which 4 steps of 100 reach exactly. */
  g_assert_cmpfloat (sales_bar_chart_get_axis_top (bars), ==, 400);

  g_assert_true (sales_bar_chart_get_bar_bounds (bars, 0, &first));
  g_assert_true (sales_bar_chart_get_bar_bounds (bars, 1, &second));
  g_assert_true (sales_bar_chart_get_bar_bounds (bars, 2, &third));
  g_assert_false (sales_bar_chart_get_bar_bounds (bars, 3, &third));
  /* 300 and 150 of 400: three quarters and three eighths of the same span. */
  g_assert_cmpfloat_with_epsilon (first.size.width, 2 * second.size.width, 0.01);
  g_assert_cmpfloat (first.origin.x, ==, second.origin.x);
  g_assert_cmpfloat (third.size.width, ==, 0);
  /* Rows of 28 pixels, bars 14 high in their middle. */
  g_assert_cmpfloat (first.origin.y, ==, 7);
  g_assert_cmpfloat (second.origin.y, ==, 35);

  /* Hit-testing by row, across the whole width. */
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 2, 2), ==, 0);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 490, 30), ==, 1);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 250, 3 * 28 - 1), ==, 2);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 250, 3 * 28 + 1), ==, -1);

  /* Only an activatable chart says that an item was activated. */
  g_signal_connect (chart, "item-activated", G_CALLBACK (on_activated), &activated);
  sales_chart_activate_item (SALES_CHART (chart), 1);
  g_assert_cmpint (activated, ==, -1);
  sales_chart_set_activatable (SALES_CHART (chart), TRUE);
  sales_chart_activate_item (SALES_CHART (chart), 1);
  g_assert_cmpint (activated, ==, 1);

  gui_test_destroy_window (window);
}

static void
test_trend_chart (void)
{
  static const double values[] = { 100, 250, 0, 400 };
  static const double targets[] = { 200, 200, NAN, 300 };
  GtkWidget *chart = sales_trend_chart_new ();
  SalesTrendChart *trend = SALES_TREND_CHART (chart);
  GtkWidget *window;
  graphene_rect_t columns[4];
  graphene_point_t point;
  double plot_bottom, plot_height;

  set_items (SALES_CHART (chart), G_N_ELEMENTS (values), values, targets);
  window = show_alone (chart, 600, 246);

  /* 400 over 4 steps: 100 a step, the top at 400. */
  g_assert_cmpfloat (sales_trend_chart_get_axis_top (trend), ==, 400);

  for (guint i = 0; i < 4; i++)
    g_assert_true (sales_trend_chart_get_column_bounds (trend, i, &columns[i]));

  /* The plot runs from 24 pixels down to 22 above the bottom; 400 is its whole height. */
  plot_bottom = gtk_widget_get_height (chart) - 22;
  plot_height = plot_bottom - 24;
  g_assert_cmpfloat (plot_height, >, 100);
  g_assert_cmpfloat_with_epsilon (columns[3].size.height, plot_height, 0.01);
  g_assert_cmpfloat_with_epsilon (columns[0].size.height, plot_height / 4, 0.01);
  g_assert_cmpfloat_with_epsilon (columns[1].size.height, plot_height * 250 / 400, 0.01);
  g_assert_cmpfloat (columns[2].size.height, ==, 0);
  g_assert_cmpfloat_with_epsilon (columns[0].origin.y + columns[0].size.height, plot_bottom,
                                  0.01);
  /* Equal slots, left to right. */
  g_assert_cmpfloat_with_epsilon (columns[1].origin.x - columns[0].origin.x,
                                  columns[3].origin.x - columns[2].origin.x, 0.01);

  /* The target line: 300 is at three quarters of the plot's height, above its column. */
  g_assert_true (sales_trend_chart_get_target_point (trend, 3, &point));
  g_assert_cmpfloat_with_epsilon (point.y, plot_bottom - plot_height * 3 / 4, 0.01);
  g_assert_cmpfloat_with_epsilon (point.x, columns[3].origin.x + columns[3].size.width / 2,
                                  0.01);
  /* No target, no point: the line breaks there. */
  g_assert_false (sales_trend_chart_get_target_point (trend, 2, &point));

  /* A slot answers the pointer from the top of the plot down through its label. */
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart),
                                         columns[1].origin.x + 1, 30), ==, 1);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart),
                                         columns[3].origin.x + 1, plot_bottom + 10), ==, 3);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart),
                                         columns[3].origin.x + 1, 5), ==, -1);

  gui_test_destroy_window (window);
}

static void
test_funnel_chart (void)
{
  static const double values[] = { 40, 30, 10, 5 };
  GtkWidget *chart = sales_funnel_chart_new ();
  SalesFunnelChart *funnel = SALES_FUNNEL_CHART (chart);
  GtkWidget *window;
  graphene_rect_t bars[4];

  set_items (SALES_CHART (chart), G_N_ELEMENTS (values), values, NULL);
  window = show_alone (chart, 500, 200);

  for (guint i = 0; i < 4; i++)
    g_assert_true (sales_funnel_chart_get_bar_bounds (funnel, i, &bars[i]));

  /* Widths as shares of the first, the largest, all centred on one line. */
  g_assert_cmpfloat_with_epsilon (bars[1].size.width, bars[0].size.width * 0.75, 0.01);
  g_assert_cmpfloat_with_epsilon (bars[2].size.width, bars[0].size.width * 0.25, 0.01);
  g_assert_cmpfloat_with_epsilon (bars[3].size.width, bars[0].size.width * 0.125, 0.01);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpfloat_with_epsilon (bars[i].origin.x + bars[i].size.width / 2,
                                    bars[0].origin.x + bars[0].size.width / 2, 0.01);

  /* Rows of 34 pixels. */
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 1, 33), ==, 0);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 1, 35), ==, 1);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 499, 4 * 34 - 1), ==, 3);
  g_assert_cmpint (sales_chart_hit_test (SALES_CHART (chart), 1, 4 * 34 + 1), ==, -1);

  gui_test_destroy_window (window);
}

/* The items' texts make up what a screen reader hears; without items, the empty text. */
static void
test_description (void)
{
  static const double values[] = { 7, 3 };
  GtkWidget *chart = sales_bar_chart_new ();
  g_autoptr(GtkAccessible) accessible = GTK_ACCESSIBLE (g_object_ref_sink (chart));

  sales_chart_set_empty_text (SALES_CHART (chart), "Nothing lost");
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Nothing lost");
  set_items (SALES_CHART (chart), G_N_ELEMENTS (values), values, NULL);
  gtk_test_accessible_assert_property (accessible, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Item 1: 7; Item 2: 3");
  g_assert_cmpint (sales_chart_get_n_items (SALES_CHART (chart)), ==, 2);
  g_assert_cmpstr (sales_chart_get_item (SALES_CHART (chart), 1)->label, ==, "Item 2");
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/charts/nice-scale", test_nice_scale);
  g_test_add_func ("/charts/bar", test_bar_chart);
  g_test_add_func ("/charts/trend", test_trend_chart);
  g_test_add_func ("/charts/funnel", test_funnel_chart);
  g_test_add_func ("/charts/description", test_description);

  return g_test_run ();
}
