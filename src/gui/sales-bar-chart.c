/* sales-bar-chart.c: horizontal bars, one per item, with the item's target as a marker
 *
 * Each item is a row: its label on the left, its bar, its value on the right. The bars share
 * one axis along the bottom, from 0 to a round number above the largest value or target, with
 * light grid lines at its steps. A target is a short upright line across the row; a bar that
 * reached its target is drawn in the success color. The rep ranking, won by source and lost by
 * reason are all this chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sales-bar-chart.h"

#define ROW_HEIGHT   28
#define BAR_HEIGHT   14
#define GAP          10
#define AXIS_HEIGHT  22
#define MAX_TICKS    4
/* The labels' column takes at most this share of the width; longer labels are cut short. */
#define MAX_LABEL_SHARE 0.4

struct _SalesBarChart
{
  SalesChart parent_instance;

  /* Worked out at allocation, from the items and the width. */
  double     label_width;
  double     value_width;
  double     axis_top;
  double     axis_step;
};

G_DEFINE_FINAL_TYPE (SalesBarChart, sales_bar_chart, SALES_TYPE_CHART)

static double
bar_left (SalesBarChart *self)
{
  return self->label_width + GAP;
}

static double
bar_span (SalesBarChart *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - bar_left (self) - GAP -
                 self->value_width);
}

static double
x_of (SalesBarChart *self,
      double         value)
{
  return bar_left (self) + bar_span (self) * CLAMP (value / self->axis_top, 0, 1);
}

static void
update_geometry (SalesBarChart *self,
                 int            width)
{
  SalesChart *chart = SALES_CHART (self);
  guint n = sales_chart_get_n_items (chart);
  double max = 0;

  self->label_width = 0;
  self->value_width = 0;
  for (guint i = 0; i < n; i++)
    {
      const SalesChartItem *item = sales_chart_get_item (chart, i);
      g_autoptr(PangoLayout) label = sales_chart_create_layout (chart, item->label, FALSE);
      g_autoptr(PangoLayout) value = sales_chart_create_layout (chart, item->value_text, FALSE);
      int w;

      pango_layout_get_pixel_size (label, &w, NULL);
      self->label_width = MAX (self->label_width, w);
      pango_layout_get_pixel_size (value, &w, NULL);
      self->value_width = MAX (self->value_width, w);
      max = MAX (max, item->value);
      if (!isnan (item->target))
        max = MAX (max, item->target);
    }
  self->label_width = MIN (self->label_width, width * MAX_LABEL_SHARE);

  sales_chart_nice_scale (max, MAX_TICKS, TRUE, &self->axis_top, &self->axis_step);
}

static void
sales_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  guint n = sales_chart_get_n_items (SALES_CHART (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 300;
    }
  else
    {
      *minimum = *natural = n > 0 ? n * ROW_HEIGHT + AXIS_HEIGHT : 3 * ROW_HEIGHT;
    }
}

static void
sales_bar_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  update_geometry (SALES_BAR_CHART (widget), width);
}

static gboolean
sales_bar_chart_get_item_bounds (SalesChart      *chart,
                                 guint            index,
                                 graphene_rect_t *bounds)
{
  if (index >= sales_chart_get_n_items (chart))
    return FALSE;

  graphene_rect_init (bounds, 0, index * ROW_HEIGHT, gtk_widget_get_width (GTK_WIDGET (chart)),
                      ROW_HEIGHT);
  return TRUE;
}

static void
draw_axis (SalesBarChart *self,
           GtkSnapshot   *snapshot,
           double         bottom)
{
  SalesChart *chart = SALES_CHART (self);
  GdkRGBA grid, text;

  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.1, &grid);
  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.6, &text);

  for (double tick = 0; tick <= self->axis_top + self->axis_step / 2; tick += self->axis_step)
    {
      g_autofree char *label = sales_chart_format_value (chart, tick);
      g_autoptr(PangoLayout) layout = sales_chart_create_layout (chart, label, TRUE);
      double x = x_of (self, tick);

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (floor (x), 0, 1, bottom));
      sales_chart_draw_text (chart, snapshot, layout, x, bottom + 4,
                             tick == 0 ? 0 : tick >= self->axis_top ? 1 : 0.5, &text);
    }
}

static void
sales_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SalesBarChart *self = SALES_BAR_CHART (widget);
  SalesChart *chart = SALES_CHART (widget);
  guint n = sales_chart_get_n_items (chart);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim, marker;

  if (n == 0)
    {
      sales_chart_draw_empty (chart, snapshot);
      return;
    }

  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 1, &fg);
  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.75, &dim);
  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.8, &marker);

  draw_axis (self, snapshot, n * ROW_HEIGHT);

  for (guint i = 0; i < n; i++)
    {
      const SalesChartItem *item = sales_chart_get_item (chart, i);
      gboolean highlighted = sales_chart_is_highlighted (chart, i);
      gboolean met = !isnan (item->target) && item->target > 0 && item->value >= item->target;
      g_autoptr(PangoLayout) label = sales_chart_create_layout (chart, item->label, FALSE);
      g_autoptr(PangoLayout) value = sales_chart_create_layout (chart, item->value_text, FALSE);
      double top = i * ROW_HEIGHT;
      int text_height, value_height;
      graphene_rect_t bar;
      GskRoundedRect rounded;
      GdkRGBA color;

      if (highlighted)
        {
          sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.06, &color);
          gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (0, top, width,
                                                                          ROW_HEIGHT), 6);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &color, &rounded.bounds);
          gtk_snapshot_pop (snapshot);
        }

      pango_layout_set_width (label, self->label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &text_height);
      sales_chart_draw_text (chart, snapshot, label, 0, top + (ROW_HEIGHT - text_height) / 2.0,
                             0, &fg);
      pango_layout_get_pixel_size (value, NULL, &value_height);
      sales_chart_draw_text (chart, snapshot, value, width,
                             top + (ROW_HEIGHT - value_height) / 2.0, 1, &dim);

      if (sales_bar_chart_get_bar_bounds (self, i, &bar))
        {
          sales_chart_get_color (chart, met ? SALES_CHART_COLOR_SUCCESS : SALES_CHART_COLOR_ACCENT,
                                 highlighted ? 1 : 0.85, &color);
          gsk_rounded_rect_init_from_rect (&rounded, &bar, MIN (4, bar.size.width / 2));
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &color, &bar);
          gtk_snapshot_pop (snapshot);
        }

      if (!isnan (item->target) && item->target > 0)
        gtk_snapshot_append_color (snapshot, &marker,
                                   &GRAPHENE_RECT_INIT (round (x_of (self, item->target)) - 1,
                                                        top + 4, 2, ROW_HEIGHT - 8));
    }

  sales_chart_draw_focus (chart, snapshot);
}

static void
sales_bar_chart_class_init (SalesBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SalesChartClass *chart_class = SALES_CHART_CLASS (klass);

  widget_class->measure = sales_bar_chart_measure;
  widget_class->size_allocate = sales_bar_chart_size_allocate;
  widget_class->snapshot = sales_bar_chart_snapshot;

  chart_class->get_item_bounds = sales_bar_chart_get_item_bounds;
}

static void
sales_bar_chart_init (SalesBarChart *self)
{
  self->axis_top = 1;
  self->axis_step = 1;
}

GtkWidget *
sales_bar_chart_new (void)
{
  return g_object_new (SALES_TYPE_BAR_CHART, NULL);
}

/**
 * sales_bar_chart_get_axis_top:
 *
 * Returns: the value at the right end of the axis, as of the last allocation
 */
double
sales_bar_chart_get_axis_top (SalesBarChart *self)
{
  g_return_val_if_fail (SALES_IS_BAR_CHART (self), 0);

  return self->axis_top;
}

/**
 * sales_bar_chart_get_bar_bounds:
 *
 * Where the bar of item @index is drawn: its length is its value's share of the axis.
 *
 * Returns: FALSE for an item the chart does not have
 */
gboolean
sales_bar_chart_get_bar_bounds (SalesBarChart   *self,
                                guint            index,
                                graphene_rect_t *bounds)
{
  const SalesChartItem *item;
  double length;

  g_return_val_if_fail (SALES_IS_BAR_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (index >= sales_chart_get_n_items (SALES_CHART (self)))
    return FALSE;

  item = sales_chart_get_item (SALES_CHART (self), index);
  length = x_of (self, item->value) - bar_left (self);
  /* A value above zero stays visible however small its share. */
  if (item->value > 0)
    length = MAX (length, 2);
  graphene_rect_init (bounds, bar_left (self), index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                      length, BAR_HEIGHT);
  return TRUE;
}
